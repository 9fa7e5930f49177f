"""Build an edition of the report for one period: params → papermill → Jupyter Book.

Steps (``wmo-rapport build --periode 2025``):

1. Validate the period's params and every dataset (stop at the first bad input, nothing written).
   Datasets whose bytes, manifest entry and checking code are unchanged since the last successful
   check are not read again.
2. For each notebook in ``_toc.yml``, decide whether it must run: its inputs are the notebook
   template, the params file, the package code (every file under ``src/analysis``), the installed
   Python packages, and the datasets it read last time (recorded by :func:`analysis.data.datasets.load`
   through ``WMO_DEPS_FILE``). If none changed and the executed copy is intact, the copy is reused;
   otherwise the reason is printed (e.g. ``data/wmo_clienten.csv gewijzigd``).
3. Execute the chapters that must run, in parallel (a bounded pool, one kernel process per
   chapter, retried when a kernel fails to start). Templates in ``chapters/`` are never written to.
4. Assemble the book source for the period (executed notebooks, pages, a ``_config.yml`` with the
   edition stamp) and run Jupyter Book on it (``execute_notebooks: off``) — only when the book
   source differs from the one the current edition was built from. Sphinx keeps its parsed pages
   (doctrees) in ``_build/<periode>/work/out`` and re-reads only changed pages; every HTML page is
   written afresh, so an incremental build gives the same bytes as a clean one.
5. Publish the new HTML into ``_build/<periode>/html`` atomically (a symlink swap): a failure at
   any step, or an interruption, leaves the previous edition byte-for-byte as it was.

Every edition holds ``bouwverslag.json`` (params, data hashes, package versions, commit, chapters
and the datasets each used: identical for identical inputs) and ``bouwtijden.json`` (what this run
executed and why, and how long it took: differs per run).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from analysis.config.manifest import MANIFEST_NAME, load_manifest, sha256_file
from analysis.config.params import Params, load_params
from analysis.core.errors import BuildError, DataError, DataErrors
from analysis.core.io import write_atomic, write_if_changed
from analysis.core.paths import data_dir, project_root

KERNEL_START_ERRORS = (
    "Kernel died before replying",
    "Kernel didn't respond",
    "kernel_info",
    "Address already in use",
    "ZMQError",
    "DeadKernelError",
)
STATE_FILE = "state.json"
RECORD_FILE = "bouwverslag.json"
TIMINGS_FILE = "bouwtijden.json"
#: Files of an edition that may differ between two builds from the same inputs and commit, with
#: the reason. Everything else must be byte-identical (``tests/test_reproducible.py``).
VARIABLE_FILES = {
    TIMINGS_FILE: "tijden, starttijd en welke hoofdstukken deze run uitvoerde (of hergebruikte)",
}


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ---------------------------------------------------------------------------------------- toc


@dataclass(frozen=True)
class Page:
    """A page of the book as listed in ``_toc.yml``."""

    doc: str  # toc path without extension, e.g. "chapters/demografie"
    path: Path  # the template file

    @property
    def is_notebook(self) -> bool:
        return self.path.suffix == ".ipynb"

    @property
    def label(self) -> str:
        return Path(self.doc).name


def toc_pages(root: Path) -> list[Page]:
    """Every page in ``_toc.yml`` in book order (root first).

    Raises
    ------
    BuildError
        When a listed file does not exist.
    """
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    docs: list[str] = [toc["root"]]

    def walk(entries: list[dict[str, Any]]) -> None:
        for e in entries or []:
            if "file" in e:
                docs.append(e["file"])
            walk(e.get("sections", []))
            walk(e.get("chapters", []))

    walk(toc.get("chapters", []))
    for part in toc.get("parts", []):
        walk(part.get("chapters", []))
    pages = []
    for doc in docs:
        stem = doc[:-6] if doc.endswith(".ipynb") else doc[:-3] if doc.endswith(".md") else doc
        for ext in (".ipynb", ".md"):
            if (root / f"{stem}{ext}").is_file():
                pages.append(Page(stem, root / f"{stem}{ext}"))
                break
        else:
            raise BuildError(f"_toc.yml noemt '{doc}', maar dat bestand bestaat niet")
    return pages


# ----------------------------------------------------------------------------- fingerprints


def package_hash(root: Path) -> str:
    """Hash of the analysis package: every file under ``src/analysis`` (code, assets, templates).

    Compiled caches (``__pycache__``, ``*.pyc``) are skipped; they follow from the code.
    """
    h = hashlib.sha256()
    pkg = root / "src" / "analysis"
    for f in sorted(pkg.rglob("*")):
        if not f.is_file() or "__pycache__" in f.parts or f.suffix in (".pyc", ".pyo"):
            continue
        h.update(f.relative_to(pkg).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def environment_hash() -> str:
    """Hash of the Python version and the installed distributions (names and versions).

    Read from the names of the ``*.dist-info`` folders in site-packages, which is fast (no
    metadata parsing) and changes whenever a package is installed, upgraded or removed.
    """
    names: set[str] = set()
    paths = sysconfig.get_paths()
    for key in ("purelib", "platlib"):
        with contextlib.suppress(OSError):
            names.update(
                n for n in os.listdir(paths[key]) if n.endswith((".dist-info", ".egg-info"))
            )
    return _sha((sys.version + "\n" + "\n".join(sorted(names))).encode())


def data_fingerprint(manifest: dict[str, dict[str, Any]]) -> str:
    """One short fingerprint of all data: hash over every dataset's name and sha256."""
    text = "\n".join(f"{k} {manifest[k]['sha256']}" for k in sorted(manifest))
    return _sha(text.encode())[:12]


def git_commit(root: Path) -> tuple[str, int | None, bool]:
    """(short commit, commit time as epoch seconds, working tree has changes); ('onbekend', None,
    False) outside git."""
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%h %ct"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        dirty = subprocess.run(
            [
                "git",
                "status",
                "--porcelain",
                "--untracked-files=no",
                "--",
                "src",
                "chapters",
                "params",
                "data",
                "_config.yml",
                "_toc.yml",
            ],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return out[0], int(out[1]), bool(dirty)
    except (subprocess.CalledProcessError, FileNotFoundError, IndexError):
        return "onbekend", None, False


@dataclass
class Inputs:
    """Everything a chapter's executed copy depends on.

    ``manifest_names`` is set for chapters that read *every* dataset (such as the data catalogue):
    they also depend on which datasets the manifest lists.
    """

    notebook: str
    params: str
    package: str
    environment: str = ""
    datasets: dict[str, dict[str, str]] = field(default_factory=dict)
    manifest_names: list[str] | None = None

    def to_json(self) -> dict[str, Any]:
        out = {
            "notebook": self.notebook,
            "params": self.params,
            "package": self.package,
            "environment": self.environment,
            "datasets": self.datasets,
        }
        if self.manifest_names is not None:
            out["manifest_names"] = self.manifest_names
        return out


class _ShaCache:
    """sha256 of data files, computed once per build."""

    def __init__(self) -> None:
        self._cache: dict[Path, str] = {}

    def __call__(self, path: Path) -> str:
        if path not in self._cache:
            self._cache[path] = sha256_file(path) if path.is_file() else "ontbreekt"
        return self._cache[path]


def dataset_state(
    name: str,
    manifest: dict[str, dict[str, Any]],
    folder: Path,
    sha: Callable[[Path], str] | None = None,
) -> dict[str, str]:
    """Current fingerprint of a dataset: its file's sha256 and its manifest entry's hash."""
    entry = manifest.get(name)
    if entry is None:
        return {"file": "", "sha": "ontbreekt", "entry": "ontbreekt"}
    path = folder / entry["file"]
    digest = (sha or _ShaCache())(path)
    return {
        "file": entry["file"],
        "sha": digest,
        "entry": _sha(json.dumps(entry, sort_keys=True, default=str).encode()),
    }


def why_run(
    prev: dict[str, Any] | None,
    page: Page,
    cur: Inputs,
    manifest: dict[str, dict[str, Any]],
    folder: Path,
    params_rel: str,
    sha: Callable[[Path], str] | None = None,
) -> list[str]:
    """Reasons (Dutch) why a chapter must run; empty when its previous execution is still valid.

    ``prev`` is the chapter's recorded inputs (:meth:`Inputs.to_json`) from the last execution;
    ``cur`` holds the current notebook, params, package and environment hashes.
    """
    if not prev:
        return ["nog niet eerder uitgevoerd"]
    reasons = []
    if prev.get("notebook") != cur.notebook:
        reasons.append(f"{page.path.name} gewijzigd")
    if prev.get("params") != cur.params:
        reasons.append(f"{params_rel} gewijzigd")
    if prev.get("package") != cur.package:
        reasons.append("code in src/analysis gewijzigd")
    if prev.get("environment") != cur.environment:
        reasons.append("Python of geïnstalleerde pakketten gewijzigd")
    sha = sha or _ShaCache()
    for name, old in sorted((prev.get("datasets") or {}).items()):
        now = dataset_state(name, manifest, folder, sha)
        if now["sha"] != old.get("sha"):
            reasons.append(f"data/{now['file'] or old.get('file')} gewijzigd")
        elif now["entry"] != old.get("entry"):
            reasons.append(f"manifest van '{name}' gewijzigd")
    names = prev.get("manifest_names")
    if names is not None and names != sorted(manifest):
        reasons.append("datasets toegevoegd aan of verwijderd uit data/manifest.yml")
    return reasons


def data_check_key(
    folder: Path,
    manifest: dict[str, dict[str, Any]],
    regions: list[str],
    package: str,
    sha: Callable[[Path], str],
) -> str:
    """Key of a successful data check: manifest bytes, every file's sha256, regions, code.

    When it equals the key stored after the last successful check, every dataset would pass again
    (the check is a pure function of these inputs), so it is skipped.
    """
    parts = [sha(folder / MANIFEST_NAME), package, ",".join(sorted(regions))]
    parts += [f"{n} {sha(folder / manifest[n]['file'])}" for n in sorted(manifest)]
    return _sha("\n".join(parts).encode())


# -------------------------------------------------------------------------------- execution


@dataclass
class ChapterRun:
    """Outcome of one chapter."""

    page: Page
    executed: bool
    reasons: list[str]
    seconds: float = 0.0
    attempts: int = 0
    datasets: list[str] = field(default_factory=list)
    manifest_names: list[str] | None = None


def _is_kernel_start_failure(stderr: str) -> bool:
    return "WMO-FOUT" not in stderr and any(s in stderr for s in KERNEL_START_ERRORS)


class _Abort:
    """Running chapter processes, so an interrupted or failed build can stop them all."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self._procs: set[subprocess.Popen[str]] = set()
        self._lock = threading.Lock()

    def add(self, proc: subprocess.Popen[str]) -> None:
        with self._lock:
            self._procs.add(proc)
            if self.event.is_set():
                _kill(proc)

    def remove(self, proc: subprocess.Popen[str]) -> None:
        with self._lock:
            self._procs.discard(proc)

    def stop(self) -> None:
        with self._lock:
            self.event.set()
            for proc in self._procs:
                _kill(proc)


def _kill(proc: subprocess.Popen[str]) -> None:
    """Kill a chapter process and its kernel (they share a process group)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)


def _chapter_env(root: Path, deps_path: str) -> dict[str, str]:
    return {
        **os.environ,
        "WMO_PROJECT_ROOT": str(root),
        "WMO_DEPS_FILE": deps_path,
        "PYTHONHASHSEED": "0",
        "MPLBACKEND": "Agg",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        "PYTHONPATH": os.pathsep.join(
            [str(root / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
        ),
    }


def execute_page(
    page: Page,
    out: Path,
    periode: str,
    root: Path,
    *,
    retries: int = 2,
    abort: _Abort | None = None,
) -> tuple[list[str], int, float]:
    """Run one chapter with papermill in its own process; return (datasets read, attempts, s).

    The chapter runs in a new process group, so that an interrupted build can stop it and its
    kernel. A failure to start the kernel (a known race when several start at once) is retried
    ``retries`` times; an error in a cell is not.

    Raises
    ------
    BuildError
        With the chapter's name and the failing cell's error.
    """
    runs = execute_page_full(page, out, periode, root, retries=retries, abort=abort)
    return runs[0], runs[1], runs[2]


def execute_page_full(
    page: Page,
    out: Path,
    periode: str,
    root: Path,
    *,
    retries: int = 2,
    abort: _Abort | None = None,
) -> tuple[list[str], int, float, bool]:
    """:func:`execute_page`, also returning whether the chapter enumerated the whole manifest."""
    start = time.perf_counter()
    abort = abort or _Abort()
    for attempt in range(1, retries + 2):
        fd, deps_path = tempfile.mkstemp(prefix="wmo-", suffix=".deps")
        os.close(fd)
        try:
            proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "analysis.pipeline.execute",
                    str(page.path),
                    str(out),
                    "--periode",
                    periode,
                    "--cwd",
                    str(root),
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=_chapter_env(root, deps_path),
                start_new_session=True,
            )
            abort.add(proc)
            try:
                _, stderr = proc.communicate()
            finally:
                abort.remove(proc)
            deps_lines = Path(deps_path).read_text(encoding="utf-8").splitlines()
        finally:
            Path(deps_path).unlink(missing_ok=True)
        if abort.event.is_set():
            raise BuildError(f"hoofdstuk '{page.label}' afgebroken")
        if proc.returncode == 0:
            deps = [json.loads(line) for line in deps_lines if line.strip()]
            names = sorted({d["dataset"] for d in deps if "dataset" in d})
            whole = any(d.get("manifest") for d in deps)
            return names, attempt, time.perf_counter() - start, whole
        if attempt <= retries and _is_kernel_start_failure(stderr):
            time.sleep(0.5 * attempt)
            continue
        break
    detail = stderr.strip().splitlines()
    fout = next((line for line in reversed(detail) if line.startswith("WMO-FOUT ")), None)
    if fout:
        info = json.loads(fout[len("WMO-FOUT ") :])
        msg = (
            f"hoofdstuk '{page.label}' ({page.path.relative_to(root).as_posix()}) faalt in cel "
            f"{info['cel']}: {info['fout']}: {info['melding']}"
        )
        if info.get("code"):
            msg += f"\n  cel begint met: {info['code']}"
    else:
        msg = f"hoofdstuk '{page.label}' kon niet worden uitgevoerd:\n  " + "\n  ".join(detail[-8:])
    raise BuildError(msg)


# -------------------------------------------------------------------------------- the build


@dataclass
class BuildResult:
    """What a build did."""

    periode: str
    html: Path
    runs: list[ChapterRun]
    book_built: bool
    seconds: float

    @property
    def executed(self) -> list[str]:
        return [r.page.label for r in self.runs if r.executed]


def _say(msg: str) -> None:
    print(msg, flush=True)


def _sync_tree(files: dict[str, bytes], dest: Path) -> bool:
    """Make ``dest`` hold exactly ``files``; untouched files keep their mtime. True if changed."""
    changed = False
    for rel, data in files.items():
        changed |= write_if_changed(dest / rel, data)
    if dest.exists():
        for f in sorted(dest.rglob("*")):
            if f.is_file() and f.relative_to(dest).as_posix() not in files:
                f.unlink()
                changed = True
    return changed


def _tree_hash(files: dict[str, bytes]) -> str:
    h = hashlib.sha256()
    for rel in sorted(files):
        h.update(rel.encode() + b"\0" + _sha(files[rel]).encode() + b"\n")
    return h.hexdigest()


def stamp_text(params: Params, commit: str, dirty: bool, build_date: str, fingerprint: str) -> str:
    """The edition stamp shown on every page."""
    code = commit + (" (met lokale wijzigingen)" if dirty else "")
    return (
        f"Gemeente {params.gemeente_naam} · periode {params.periode} · editie "
        f"{params.editie} · gebouwd {build_date} · code {code} · gegevens {fingerprint}"
    )


def book_config(root: Path, params: Params, stamp: str, build_date: str) -> dict[str, Any]:
    """The period's ``_config.yml``: the project's, with title, stamp and fixed settings."""
    cfg = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8")) or {}
    cfg["title"] = f"{params.data.get('titel') or 'Wmo-monitor'} · {params.gemeente_naam}"
    cfg.setdefault("execute", {})["execute_notebooks"] = "off"
    cfg["only_build_toc_files"] = True
    html = cfg.setdefault("html", {})
    html["extra_footer"] = (
        f'<p class="wmo-stempel">{stamp} · <a href="verantwoording.html">verantwoording</a></p>'
    )
    sph = cfg.setdefault("sphinx", {}).setdefault("config", {})
    sph["html_last_updated_fmt"] = build_date
    return cfg


def stamp_markdown(stamp: str) -> str:
    """The edition stamp as a closing Markdown paragraph (every page of the book carries it).

    Examples
    --------
    >>> stamp_markdown("periode 2025").strip().splitlines()[-1]
    '<small>Editie: periode 2025 · {doc}`verantwoording </verantwoording>`</small>'
    """
    return (
        f"\n\n----\n\n<small>Editie: {stamp} · {{doc}}`verantwoording </verantwoording>`</small>\n"
    )


def with_stamp_cell(nb_bytes: bytes, stamp: str) -> bytes:
    """An executed notebook with the edition stamp appended as a last Markdown cell."""
    import nbformat

    nb = nbformat.reads(nb_bytes.decode("utf-8"), as_version=4)
    cell = nbformat.v4.new_markdown_cell(stamp_markdown(stamp).strip())
    cell["id"] = "cel-stempel"
    cell.metadata["tags"] = ["wmo-stempel"]
    nb.cells.append(cell)
    return (nbformat.writes(nb) + "\n").encode("utf-8")


def assemble_book(
    root: Path,
    pages: list[Page],
    executed: dict[str, Path],
    params: Params,
    stamp: str,
    build_date: str,
    extra_pages: dict[str, str],
) -> dict[str, bytes]:
    """All files of the period's book source, as ``{relative path: bytes}``."""
    files: dict[str, bytes] = {}
    cfg = book_config(root, params, stamp, build_date)
    files["_config.yml"] = yaml.safe_dump(cfg, allow_unicode=True, sort_keys=True).encode()
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    if extra_pages:
        extra = [{"file": name} for name in extra_pages]
        if "parts" in toc:
            toc["parts"].append({"caption": "Over deze editie", "chapters": extra})
        else:
            toc.setdefault("chapters", []).extend(extra)
    files["_toc.yml"] = yaml.safe_dump(toc, allow_unicode=True, sort_keys=False).encode()
    for page in pages:
        rel = page.path.relative_to(root).as_posix()
        if page.is_notebook:
            files[rel] = with_stamp_cell(executed[page.doc].read_bytes(), stamp)
        else:
            files[rel] = page.path.read_bytes() + stamp_markdown(stamp).encode()
    for name, text in extra_pages.items():
        files[f"{name}.md"] = (text + stamp_markdown(stamp)).encode()
    static = root / "_static"
    if static.is_dir():
        for f in sorted(static.rglob("*")):
            if f.is_file():
                files[f.relative_to(root).as_posix()] = f.read_bytes()
    from analysis.present.assets import vega_bundle

    files["_static/vega-bundle.js"] = vega_bundle()
    return files


def verantwoording_page(
    params: Params,
    manifest: dict[str, dict[str, Any]],
    runs: list[ChapterRun],
    commit: str,
    dirty: bool,
    build_date: str,
    fingerprint: str,
    root: Path,
) -> str:
    """Markdown of the 'Verantwoording' page: how this edition was made (deterministic parts)."""
    from importlib.metadata import version

    used = sorted({d for r in runs for d in r.datasets})
    lines = [
        "# Verantwoording van deze editie",
        "",
        "Deze pagina legt vast waarmee deze editie is gemaakt, zodat elk getal te herleiden en "
        "opnieuw te berekenen is.",
        "",
        "| Onderdeel | Waarde |",
        "|---|---|",
        f"| Gemeente | {params.gemeente_naam} ({params.gemeente_code}) |",
        f"| Periode | {params.periode} |",
        f"| Editie | {params.editie} |",
        f"| Bouwdatum (datum van de code-commit) | {build_date} |",
        f"| Code-commit | {commit}{' (met lokale wijzigingen)' if dirty else ''} |",
        f"| Vingerafdruk van de gegevens | {fingerprint} |",
        f"| Parameterbestand | params/{params.periode}.yml "
        f"(sha256 {sha256_file(params.path)[:12]}…) |",
        "",
        "## Gebruikte datasets",
        "",
        "| Dataset | Bestand | sha256 | Synthetisch |",
        "|---|---|---|---|",
    ]
    for name in used:
        e = manifest.get(name, {})
        lines.append(
            f"| {name} | data/{e.get('file', '?')} | {str(e.get('sha256', ''))[:16]}… | "
            f"{'ja' if e.get('synthetic') else 'nee'} |"
        )
    lines += ["", "## Hoofdstukken en hun gegevens", "", "| Hoofdstuk | Datasets |", "|---|---|"]
    for r in runs:
        lines.append(f"| {r.page.label} | {', '.join(r.datasets) or '–'} |")
    lines += ["", "## Softwareversies", "", "| Pakket | Versie |", "|---|---|"]
    for pkg in (
        "jupyter-book",
        "myst-nb",
        "sphinx",
        "papermill",
        "pandas",
        "altair",
        "vl-convert-python",
    ):
        try:
            lines.append(f"| {pkg} | {version(pkg)} |")
        except Exception:  # noqa: BLE001 - a missing package is simply not listed
            pass
    lines += [
        "",
        f"Het volledige bouwverslag staat in `{RECORD_FILE}` naast deze pagina (gegevens, "
        f"parameters, pakketversies); `{TIMINGS_FILE}` vermeldt de bouwtijden en welke "
        "hoofdstukken bij de laatste bouw opnieuw zijn uitgevoerd.",
        "",
    ]
    return "\n".join(lines)


def _swap_symlink(link: Path, target_name: str) -> None:
    tmp = link.with_name(f".{link.name}.{os.getpid()}.nieuw")
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    os.symlink(target_name, tmp)
    os.replace(tmp, link)


@contextlib.contextmanager
def _period_lock(period_dir: Path, periode: str) -> Iterator[None]:
    """One build per period at a time (a second one stops with a clear message)."""
    with open(period_dir / ".bouw.lock", "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError(
                f"er loopt al een bouw voor periode {periode} "
                f"({period_dir}); wacht tot die klaar is"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _current_edition(html_link: Path) -> Path | None:
    if html_link.is_symlink():
        target = html_link.resolve()
        return target if target.is_dir() else None
    return html_link if html_link.is_dir() else None


def _clean_leftovers(period_dir: Path, out_root: Path, periode: str) -> None:
    """Remove what an interrupted or killed earlier build left behind (never the edition)."""
    current = _current_edition(period_dir / "html")
    for d in [
        *period_dir.glob("html.*"),
        *period_dir.glob(".html.*"),
        *out_root.glob(f".uitvoer-{periode}-*"),
    ]:
        if d.is_dir() and not d.is_symlink() and (current is None or d.resolve() != current):
            shutil.rmtree(d, ignore_errors=True)
    for f in [*period_dir.glob(".*.tmp"), *(period_dir / "executed").rglob(".*.tmp")]:
        f.unlink(missing_ok=True)


def build(
    periode: str | int,
    *,
    root: Path | None = None,
    jobs: int | None = None,
    force: bool = False,
    out_root: Path | None = None,
    say: Callable[[str], None] = _say,
) -> BuildResult:
    """Build the edition of one period into ``_build/<periode>/html``.

    Parameters
    ----------
    periode
        The period, e.g. ``2025`` (``params/2025.yml``).
    jobs
        Chapters run at once (default: the number of cores).
    force
        Re-execute every chapter and rebuild the book from scratch (no caches).
    out_root
        Build folder (default ``<root>/_build``).

    Raises
    ------
    ParamsError, DataError, BuildError
        On bad params, bad data, a failing chapter or a failing book build; the previous edition
        is left byte-for-byte as it was, and no half-written folder stays behind (also when the
        build is interrupted).

    Examples
    --------
    >>> r = build("2025")  # doctest: +SKIP
    >>> r.executed, r.book_built  # doctest: +SKIP
    ([], False)
    """
    root = (root or project_root()).resolve()
    saved = os.environ.get("WMO_PROJECT_ROOT")
    os.environ["WMO_PROJECT_ROOT"] = str(root)
    try:
        return _build(str(periode), root, jobs, force, out_root, say)
    finally:
        if saved is None:
            os.environ.pop("WMO_PROJECT_ROOT", None)
        else:
            os.environ["WMO_PROJECT_ROOT"] = saved


def _build(
    periode: str,
    root: Path,
    jobs: int | None,
    force: bool,
    out_root: Path | None,
    say: Callable[[str], None],
) -> BuildResult:
    t0 = time.perf_counter()
    started = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    params = load_params(periode)
    periode = params.periode
    folder = data_dir(root)
    manifest = load_manifest(folder)
    pages = toc_pages(root)
    out_root = (out_root or root / "_build").resolve()
    period_dir = out_root / periode
    state_path = period_dir / STATE_FILE
    try:
        state = json.loads(state_path.read_text(encoding="utf-8")) if state_path.is_file() else {}
    except (OSError, ValueError):
        state = {}
    sha = _ShaCache()
    pkg = package_hash(root)
    env = environment_hash()
    check_key = data_check_key(folder, manifest, list(params.regions()), pkg + env, sha)
    # the data check runs while the chapters run (they use the cores, it mostly waits for
    # imports); nothing is folded into the cache or published before it passed
    check = (
        _DataCheck(folder, params)
        if force or state.get("gegevens_gecontroleerd") != check_key
        else None
    )

    new_period_dir = not period_dir.exists()
    period_dir.mkdir(parents=True, exist_ok=True)
    ok = False
    try:
        with _period_lock(period_dir, periode):
            _clean_leftovers(period_dir, out_root, periode)
            result = _build_locked(
                params,
                root,
                folder,
                manifest,
                pages,
                out_root,
                period_dir,
                state,
                sha,
                pkg,
                env,
                check_key,
                check,
                jobs,
                force,
                say,
                t0,
                started,
            )
            ok = True
            return result
    finally:
        if not ok and new_period_dir:
            shutil.rmtree(period_dir, ignore_errors=True)
            with contextlib.suppress(OSError):
                out_root.rmdir()  # only when empty: it was made by this build


def _decide(
    pages: list[Page],
    prev_chapters: dict[str, Any],
    executed_dir: Path,
    cur: Inputs,
    manifest: dict[str, dict[str, Any]],
    folder: Path,
    params_rel: str,
    sha: _ShaCache,
    force: bool,
) -> list[ChapterRun]:
    runs = []
    for page in pages:
        if not page.is_notebook:
            continue
        mine = Inputs(sha256_file(page.path), cur.params, cur.package, cur.environment)
        prev = prev_chapters.get(page.doc) or {}
        inputs = prev.get("inputs")
        reasons = (
            ["opnieuw op verzoek (--opnieuw)"]
            if force
            else why_run(inputs, page, mine, manifest, folder, params_rel, sha)
        )
        target = executed_dir / f"{page.doc}.ipynb"
        if not reasons and (not target.is_file() or sha256_file(target) != prev.get("uitvoer")):
            reasons = ["uitgevoerde kopie ontbreekt of is beschadigd"]
        runs.append(
            ChapterRun(
                page,
                bool(reasons),
                reasons,
                datasets=sorted((inputs or {}).get("datasets", {})),
                manifest_names=(inputs or {}).get("manifest_names"),
            )
        )
    return runs


def _execute_all(
    todo: list[ChapterRun],
    staging: Path,
    periode: str,
    root: Path,
    jobs: int | None,
    say: Callable[[str], None],
    check: _DataCheck | None = None,
) -> tuple[list[ChapterRun], list[BuildError]]:
    """Run chapters in a bounded pool; return (succeeded, errors). Pending chapters are cancelled
    after the first failure; an interruption kills every running chapter and re-raises."""
    if not todo:
        return [], []
    workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    abort = _Abort()
    failed = threading.Event()
    total = len(todo)
    counter = iter(range(1, total + 1))
    lock = threading.Lock()

    def one(run: ChapterRun) -> ChapterRun:
        if failed.is_set() or abort.event.is_set():
            raise _Skipped()
        say(f"  > {run.page.label}: uitvoeren ({'; '.join(run.reasons)})")
        out = staging / f"{run.page.doc}.ipynb"
        out.parent.mkdir(parents=True, exist_ok=True)
        names, attempts, secs, whole = execute_page_full(run.page, out, periode, root, abort=abort)
        run.datasets, run.attempts, run.seconds = names, attempts, secs
        run.manifest_names = [] if whole else None
        extra = f", {attempts} pogingen" if attempts > 1 else ""
        with lock:
            n = next(counter)
        say(f"  ✓ {run.page.label} ({secs:.1f} s{extra}) [{n}/{total}]")
        return run

    if check is not None:
        check.when_failed(lambda: (failed.set(), abort.stop()))
    done: list[ChapterRun] = []
    errors: list[BuildError] = []
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="hoofdstuk")
    try:
        futures = [pool.submit(one, r) for r in todo]
        for fut in futures:
            try:
                done.append(fut.result())
            except _Skipped:
                pass
            except BuildError as exc:
                errors.append(exc)
                failed.set()
                say(f"  ✗ {exc}")
    except BaseException:
        abort.stop()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return done, errors


class _DataCheck:
    """Validate every dataset (:func:`analysis.data.datasets.check_all`) in a background thread."""

    def __init__(self, folder: Path, params: Params) -> None:
        self.problems: list[DataError] = []
        self.on_problems: Callable[[], Any] | None = None
        self._exc: BaseException | None = None
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(
            target=self._run, args=(folder, params), name="gegevenscontrole", daemon=True
        )
        self._thread.start()

    def _run(self, folder: Path, params: Params) -> None:
        try:
            self.problems = _check_data(folder, params)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the main thread
            self._exc = exc
        with self._lock:
            self._done.set()
            if (self.problems or self._exc) and self.on_problems:
                self.on_problems()

    def when_failed(self, callback: Callable[[], Any]) -> None:
        """Call ``callback`` as soon as the check has found a problem (now, if it already has)."""
        with self._lock:
            self.on_problems = callback
            if self._done.is_set() and (self.problems or self._exc):
                callback()

    def raise_problems(self) -> None:
        """Wait for the check; raise its first problem (or all of them)."""
        self._thread.join()
        if self._exc is not None:
            raise self._exc
        if self.problems:
            raise DataErrors(self.problems) if len(self.problems) > 1 else self.problems[0]


class _Skipped(Exception):
    """A chapter not started because another one failed first."""


def _build_locked(
    params: Params,
    root: Path,
    folder: Path,
    manifest: dict[str, dict[str, Any]],
    pages: list[Page],
    out_root: Path,
    period_dir: Path,
    state: dict[str, Any],
    sha: _ShaCache,
    pkg: str,
    env: str,
    check_key: str,
    check: _DataCheck | None,
    jobs: int | None,
    force: bool,
    say: Callable[[str], None],
    t0: float,
    started: str,
) -> BuildResult:
    periode = params.periode
    work = period_dir / "work"
    executed_dir = period_dir / "executed"
    prev_chapters: dict[str, Any] = dict(state.get("chapters", {}))
    params_rel = f"params/{periode}.yml"
    params_sha = sha256_file(params.path)
    cur = Inputs("", params_sha, pkg, env)
    runs = _decide(
        pages, prev_chapters, executed_dir, cur, manifest, folder, params_rel, sha, force
    )
    todo = [r for r in runs if r.executed]
    n = len(runs)
    say(
        f"Periode {periode}: {n} hoofdstukken, {len(todo)} uit te voeren, "
        f"{n - len(todo)} ongewijzigd"
    )
    for run in runs:
        if not run.executed:
            say(f"  = {run.page.label}: ongewijzigd, vorige uitvoering hergebruikt")

    staging = Path(tempfile.mkdtemp(prefix=f".uitvoer-{periode}-", dir=out_root))
    html_link = period_dir / "html"
    new_tmp: Path | None = None
    new_dir: Path | None = None
    book_built = False
    book_started = False
    book_seconds = 0.0
    try:
        t_exec = time.perf_counter()
        if check is not None and not todo:
            check.raise_problems()
        done, errors = _execute_all(todo, staging, periode, root, jobs, say, check)
        if check is not None:
            check.raise_problems()
        exec_seconds = time.perf_counter() - t_exec
        # fold every successful execution into the executed cache (also when another chapter
        # failed: they are valid results and need not run again)
        for run in done:
            src = staging / f"{run.page.doc}.ipynb"
            synthetic = [d for d in run.datasets if manifest.get(d, {}).get("synthetic")]
            _add_synthetic_warning(src, synthetic, manifest)
            data = src.read_bytes()
            write_atomic(executed_dir / f"{run.page.doc}.ipynb", data)
            if run.manifest_names is not None:
                run.manifest_names = sorted(manifest)
            prev_chapters[run.page.doc] = {
                "inputs": Inputs(
                    sha256_file(run.page.path),
                    params_sha,
                    pkg,
                    env,
                    {d: dataset_state(d, manifest, folder, sha) for d in run.datasets},
                    _whole_manifest(run, manifest),
                ).to_json(),
                "uitvoer": _sha(data),
            }
        docs = {p.doc for p in pages}
        state["chapters"] = {k: v for k, v in prev_chapters.items() if k in docs}
        state["gegevens_gecontroleerd"] = check_key
        write_if_changed(
            period_dir / STATE_FILE, json.dumps(state, indent=1, sort_keys=True).encode()
        )
        if errors:
            if len(errors) > 1:
                raise BuildError(
                    f"{len(errors)} hoofdstukken faalden:\n" + "\n".join(str(e) for e in errors)
                )
            raise errors[0]

        commit, commit_time, dirty = git_commit(root)
        build_date = time.strftime("%Y-%m-%d", time.gmtime(commit_time or 0))
        fingerprint = data_fingerprint(manifest)
        stamp = stamp_text(params, commit, dirty, build_date, fingerprint)
        executed = {p.doc: executed_dir / f"{p.doc}.ipynb" for p in pages if p.is_notebook}
        verantwoording = verantwoording_page(
            params, manifest, runs, commit, dirty, build_date, fingerprint, root
        )
        files = assemble_book(
            root, pages, executed, params, stamp, build_date, {"verantwoording": verantwoording}
        )
        book_hash = _tree_hash(files)
        book_src = work / "book"
        current = _current_edition(html_link)
        if force or state.get("boek") != book_hash or current is None:
            say("  > boek bouwen met Jupyter Book")
            tb = time.perf_counter()
            book_started = True
            if force:
                shutil.rmtree(work, ignore_errors=True)
            _sync_tree(files, book_src)
            # keep Sphinx's parsed pages (only changed pages are read again) but write every
            # HTML page afresh, so the result equals a clean build's
            shutil.rmtree(work / "out" / "_build" / "html", ignore_errors=True)
            _run_jupyter_book(book_src, work / "out", commit_time)
            book_seconds = time.perf_counter() - tb
            book_built = True
            say(f"  ✓ boek gebouwd ({book_seconds:.1f} s)")
            name = f"html.{uuid.uuid4().hex[:12]}"
            new_tmp = period_dir / f".{name}.tmp"
            shutil.copytree(work / "out" / "_build" / "html", new_tmp)
            cached = state.get("pakketten") or {}
            if cached.get("omgeving") != env:
                cached = {"omgeving": env, "lijst": installed_packages()}
                state["pakketten"] = cached
            record = run_record(params, manifest, runs, commit, dirty, cached["lijst"])
            (new_tmp / RECORD_FILE).write_text(
                json.dumps(record, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
                encoding="utf-8",
            )
            timings = timings_record(
                runs, started, time.perf_counter() - t0, exec_seconds, book_seconds, jobs
            )
            (new_tmp / TIMINGS_FILE).write_text(
                json.dumps(timings, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
                encoding="utf-8",
            )
            new_dir = period_dir / name
            os.rename(new_tmp, new_dir)
            new_tmp = None
            if html_link.exists() and not html_link.is_symlink():
                # an edition from before symlinks: move it aside, then swap
                aside = period_dir / f".html.oud-{uuid.uuid4().hex[:8]}"
                os.rename(html_link, aside)
                current = aside
            _swap_symlink(html_link, name)
            new_dir = None  # published
            state["boek"] = book_hash
            write_if_changed(
                period_dir / STATE_FILE, json.dumps(state, indent=1, sort_keys=True).encode()
            )
            if current is not None and current.exists() and current.name != name:
                shutil.rmtree(current, ignore_errors=True)
        else:
            _sync_tree(files, book_src)
            say("  = boek ongewijzigd, niet opnieuw gebouwd")
    except BaseException as exc:
        # a failed book build may leave Sphinx's cache half-written: start clean next time
        if book_started and not isinstance(exc, DataError):
            shutil.rmtree(work / "out", ignore_errors=True)
        for d in (new_tmp, new_dir):
            if d is not None:
                shutil.rmtree(d, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    secs = time.perf_counter() - t0
    ran = [r for r in runs if r.executed]
    say(
        f"Klaar in {secs:.1f} s: {len(ran)} uitgevoerd "
        f"({', '.join(f'{r.page.label} {r.seconds:.1f} s' for r in ran) or 'geen'}), "
        f"{len(runs) - len(ran)} hergebruikt; boek {'gebouwd' if book_built else 'ongewijzigd'}."
        f"\n  → {html_link / 'index.html'}"
    )
    return BuildResult(periode, html_link, runs, book_built, secs)


def _whole_manifest(run: ChapterRun, manifest: dict[str, dict[str, Any]]) -> list[str] | None:
    """The dataset names a chapter depends on as a list, for chapters that enumerate the manifest.

    A chapter enumerates the manifest when it says so (a ``{"manifest": true}`` line in the deps
    file) or when it read every dataset (like the data catalogue does).
    """
    if run.manifest_names is not None or (manifest and set(run.datasets) >= set(manifest)):
        return sorted(manifest)
    return None


def _check_data(folder: Path, params: Params) -> list[DataError]:
    from analysis.data.datasets import check_all

    return check_all(folder, regions=list(params.regions()))


def _add_synthetic_warning(nb_path: Path, synthetic: list[str], manifest: dict[str, Any]) -> None:
    """Insert a visible warning after the title cell of a page that uses synthetic data."""
    import nbformat

    nb = nbformat.read(nb_path, as_version=4)
    nb.cells = [c for c in nb.cells if "wmo-synthetisch" not in c.metadata.get("tags", [])]
    if synthetic:
        # the datasets stay in view; what each is calibrated to folds open (long for a reader)
        items = "\n".join(f"- `{d}`: {manifest[d].get('title', d)}" for d in synthetic)
        calibration = "\n".join(
            f"- `{d}`: {str(manifest[d].get('calibrated_to', '')).strip()}" for d in synthetic
        )
        text = (
            ":::{admonition} Let op: synthetische gegevens\n:class: warning\n"
            "Deze pagina gebruikt **synthetische** gegevens: door een script gemaakte "
            "stand-ins, afgestemd op echte ijkcijfers, omdat de echte reeks hier (nog) niet "
            "beschikbaar is. De cijfers laten zien hoe het rapport werkt, **niet** hoe het met "
            "de gemeente gaat. Vervang ze door echte gegevens (zie de pagina Bronnen).\n\n"
            f"{items}\n\n"
            '<details class="wmo-ijking"><summary>Waarop zijn deze stand-ins afgestemd?</summary>'
            f"\n\n{calibration}\n\n</details>\n:::"
        )
        cell = nbformat.v4.new_markdown_cell(text)
        cell.metadata["tags"] = ["wmo-synthetisch"]
        at = 1 if nb.cells and nb.cells[0].cell_type == "markdown" else 0
        nb.cells.insert(at, cell)
    for i, c in enumerate(nb.cells, start=1):
        c["id"] = f"cel-{i:02d}"
    nb_path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")


def installed_packages() -> dict[str, str]:
    """Every installed distribution, ``{lower-case name: version}``, sorted by name."""
    from importlib.metadata import distributions

    return {
        d.metadata["Name"].lower(): d.version
        for d in sorted(distributions(), key=lambda d: d.metadata["Name"].lower())
    }


def run_record(
    params: Params,
    manifest: dict[str, Any],
    runs: list[ChapterRun],
    commit: str,
    dirty: bool,
    packages: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The run record written into every edition (``bouwverslag.json``).

    Everything here follows from the inputs (params, data, code, installed packages), so two
    builds from the same inputs write the same bytes; run-dependent facts (durations, which
    chapters this run executed) go to :func:`timings_record`.
    """

    return {
        "periode": params.periode,
        "editie": params.editie,
        "gemeente": {"code": params.gemeente_code, "naam": params.gemeente_naam},
        "params": params.data,
        "params_sha256": sha256_file(params.path),
        "commit": commit,
        "lokale_wijzigingen": dirty,
        "python": sys.version.split()[0],
        "data": {
            k: {"bestand": v["file"], "sha256": v["sha256"], "synthetisch": bool(v["synthetic"])}
            for k, v in sorted(manifest.items())
        },
        "pakketten": packages if packages is not None else installed_packages(),
        "hoofdstukken": [
            {"hoofdstuk": r.page.label, "notebook": r.page.path.name, "datasets": r.datasets}
            for r in runs
        ],
    }


def timings_record(
    runs: list[ChapterRun],
    started: str,
    seconds: float,
    exec_seconds: float,
    book_seconds: float,
    jobs: int | None,
) -> dict[str, Any]:
    """What the run that made this edition did and how long it took (``bouwtijden.json``)."""
    return {
        "gestart": started,
        "duur_seconden": round(seconds, 2),
        "uitvoeren_seconden": round(exec_seconds, 2),
        "boek_seconden": round(book_seconds, 2),
        "parallel": jobs or os.cpu_count() or 1,
        "hoofdstukken": [
            {
                "hoofdstuk": r.page.label,
                "uitgevoerd": r.executed,
                "redenen": r.reasons,
                "seconden": round(r.seconds, 2),
                "pogingen": r.attempts,
            }
            for r in runs
        ],
    }


def _run_jupyter_book(src: Path, out: Path, commit_time: int | None) -> None:
    exe = Path(sys.executable).with_name("jupyter-book")
    cmd = [
        str(exe) if exe.exists() else "jupyter-book",
        "build",
        str(src),
        "--path-output",
        str(out),
        "--builder",
        "html",
    ]
    env = {**os.environ, "PYTHONHASHSEED": "0", "SOURCE_DATE_EPOCH": str(commit_time or 0)}
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        start_new_session=True,
    )
    try:
        output, _ = proc.communicate()
    except BaseException:
        _kill(proc)
        proc.wait()
        raise
    if proc.returncode != 0 or not (out / "_build" / "html" / "index.html").is_file():
        tail = "\n  ".join(output.strip().splitlines()[-15:])
        raise BuildError(f"Jupyter Book kon het boek niet bouwen:\n  {tail}")
