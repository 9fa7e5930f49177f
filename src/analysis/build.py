"""Build an edition of the report for one period: params → papermill → Jupyter Book.

Steps (``wmo-rapport build --periode 2025``):

1. Validate the period's params and every dataset (stop at the first bad input, nothing written).
2. For each notebook in ``_toc.yml``, decide whether it must run: its inputs are the notebook
   template, the params file, the package code, and the datasets it read last time (recorded by
   :func:`analysis.data.load`). If none changed, the previous executed copy is reused; otherwise the
   reason is printed (e.g. ``data/wmo_clienten.csv gewijzigd``).
3. Execute the chapters that must run, in parallel (a bounded pool, one kernel per chapter, retried
   when a kernel fails to start). Templates in ``chapters/`` are never written to.
4. Assemble the book source for the period (executed notebooks, pages, a ``_config.yml`` with the
   edition stamp) and run Jupyter Book on it (``execute_notebooks: off``) — only if the book source
   changed.
5. Publish the new HTML into ``_build/<periode>/html`` atomically (a symlink swap): a failure at any
   step leaves the previous build as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

from .errors import BuildError, DataError, DataErrors
from .manifest import load_manifest, sha256_file
from .params import Params, load_params
from .project import data_dir, project_root

KERNEL_START_ERRORS = (
    "Kernel died before replying",
    "Kernel didn't respond",
    "kernel_info",
    "Address already in use",
    "ZMQError",
    "DeadKernelError",
)
STATE_FILE = "state.json"


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
    """Hash of the analysis package's code (every ``.py`` under ``src/analysis``)."""
    h = hashlib.sha256()
    pkg = root / "src" / "analysis"
    for f in sorted(pkg.rglob("*.py")):
        h.update(f.relative_to(pkg).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def data_fingerprint(manifest: dict[str, dict[str, Any]]) -> str:
    """One short fingerprint of all data: hash over every dataset's name and sha256."""
    text = "\n".join(f"{k} {manifest[k]['sha256']}" for k in sorted(manifest))
    return _sha(text.encode())[:12]


def git_commit(root: Path) -> tuple[str, int | None, bool]:
    """(short commit, commit time as epoch seconds, working tree has changes); ('onbekend', None,
    False) outside git."""
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%h %ct"], cwd=root, capture_output=True, text=True,
            check=True,
        ).stdout.split()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no", "--", "src", "chapters",
             "params", "data", "_config.yml", "_toc.yml"],
            cwd=root, capture_output=True, text=True, check=True,
        ).stdout.strip()
        return out[0], int(out[1]), bool(dirty)
    except (subprocess.CalledProcessError, FileNotFoundError, IndexError):
        return "onbekend", None, False


@dataclass
class Inputs:
    """Everything a chapter's executed copy depends on."""

    notebook: str
    params: str
    package: str
    datasets: dict[str, dict[str, str]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"notebook": self.notebook, "params": self.params, "package": self.package,
                "datasets": self.datasets}


def dataset_state(name: str, manifest: dict[str, dict[str, Any]], folder: Path) -> dict[str, str]:
    """Current fingerprint of a dataset: its file's sha256 and its manifest entry's hash."""
    entry = manifest.get(name)
    if entry is None:
        return {"file": "", "sha": "ontbreekt", "entry": "ontbreekt"}
    path = folder / entry["file"]
    sha = sha256_file(path) if path.is_file() else "ontbreekt"
    return {"file": entry["file"], "sha": sha,
            "entry": _sha(json.dumps(entry, sort_keys=True, default=str).encode())}


def why_run(
    prev: dict[str, Any] | None, page: Page, cur: Inputs, manifest: dict[str, dict[str, Any]],
    folder: Path, params_rel: str,
) -> list[str]:
    """Reasons (Dutch) why a chapter must run; empty when its previous execution is still valid."""
    if not prev:
        return ["nog niet eerder uitgevoerd"]
    reasons = []
    if prev.get("notebook") != cur.notebook:
        reasons.append(f"{page.path.name} gewijzigd")
    if prev.get("params") != cur.params:
        reasons.append(f"{params_rel} gewijzigd")
    if prev.get("package") != cur.package:
        reasons.append("code in src/analysis gewijzigd")
    for name, old in sorted((prev.get("datasets") or {}).items()):
        now = dataset_state(name, manifest, folder)
        if now["sha"] != old.get("sha"):
            reasons.append(f"data/{now['file'] or old.get('file')} gewijzigd")
        elif now["entry"] != old.get("entry"):
            reasons.append(f"manifest van '{name}' gewijzigd")
    return reasons


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


def _is_kernel_start_failure(stderr: str) -> bool:
    return "WMO-FOUT" not in stderr and any(s in stderr for s in KERNEL_START_ERRORS)


def execute_page(
    page: Page, out: Path, periode: str, root: Path, *, retries: int = 2
) -> tuple[list[str], int, float]:
    """Run one chapter with papermill in its own process; return (datasets read, attempts, s).

    Raises
    ------
    BuildError
        With the chapter's name and the failing cell's error.
    """
    start = time.perf_counter()
    for attempt in range(1, retries + 2):
        with tempfile.NamedTemporaryFile("w+", suffix=".deps", delete=False) as deps:
            deps_path = deps.name
        env = {**os.environ, "WMO_PROJECT_ROOT": str(root), "WMO_DEPS_FILE": deps_path,
               "PYTHONHASHSEED": "0", "MPLBACKEND": "Agg",
               "PYTHONPATH": os.pathsep.join(
                   [str(root / "src"), *filter(None, [os.environ.get("PYTHONPATH")])])}
        proc = subprocess.run(
            [sys.executable, "-m", "analysis.execute", str(page.path), str(out),
             "--periode", periode, "--cwd", str(root)],
            capture_output=True, text=True, env=env,
        )
        deps_lines = Path(deps_path).read_text(encoding="utf-8").splitlines()
        Path(deps_path).unlink(missing_ok=True)
        if proc.returncode == 0:
            names = sorted({json.loads(line)["dataset"] for line in deps_lines if line.strip()})
            return names, attempt, time.perf_counter() - start
        if attempt <= retries and _is_kernel_start_failure(proc.stderr):
            time.sleep(0.5 * attempt)
            continue
        break
    detail = proc.stderr.strip().splitlines()
    fout = next((line for line in reversed(detail) if line.startswith("WMO-FOUT ")), None)
    if fout:
        info = json.loads(fout[len("WMO-FOUT "):])
        msg = (f"hoofdstuk '{page.label}' ({page.path.relative_to(root).as_posix()}) faalt in cel "
               f"{info['cel']}: {info['fout']}: {info['melding']}")
        if info.get("code"):
            msg += f"\n  cel begint met: {info['code']}"
    else:
        msg = (f"hoofdstuk '{page.label}' kon niet worden uitgevoerd:\n  "
               + "\n  ".join(detail[-8:]))
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


def _write_if_changed(path: Path, data: bytes) -> bool:
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return True


def _sync_tree(files: dict[str, bytes], dest: Path) -> bool:
    """Make ``dest`` hold exactly ``files``; untouched files keep their mtime. True if changed."""
    changed = False
    for rel, data in files.items():
        changed |= _write_if_changed(dest / rel, data)
    if dest.exists():
        for f in sorted(dest.rglob("*")):
            if f.is_file() and f.relative_to(dest).as_posix() not in files:
                f.unlink()
                changed = True
    return changed


def stamp_text(params: Params, commit: str, dirty: bool, build_date: str, fingerprint: str) -> str:
    """The edition stamp shown on every page."""
    code = commit + (" (met lokale wijzigingen)" if dirty else "")
    return (f"Gemeente {params.gemeente_naam} · periode {params.periode} · editie "
            f"{params.editie} · gebouwd {build_date} · code {code} · gegevens {fingerprint}")


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


def assemble_book(
    root: Path, pages: list[Page], executed: dict[str, Path], params: Params, stamp: str,
    build_date: str, extra_pages: dict[str, str],
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
        files[rel] = executed[page.doc].read_bytes() if page.is_notebook else page.path.read_bytes()
    for name, text in extra_pages.items():
        files[f"{name}.md"] = text.encode()
    static = root / "_static"
    if static.is_dir():
        for f in sorted(static.rglob("*")):
            if f.is_file():
                files[f.relative_to(root).as_posix()] = f.read_bytes()
    from .assets import vega_bundle

    files["_static/vega-bundle.js"] = vega_bundle()
    return files


def verantwoording_page(
    params: Params, manifest: dict[str, dict[str, Any]], runs: list[ChapterRun], commit: str,
    dirty: bool, build_date: str, fingerprint: str, root: Path,
) -> str:
    """Markdown of the 'Verantwoording' page: how this edition was made (deterministic parts)."""
    from importlib.metadata import version

    used = sorted({d for r in runs for d in r.datasets})
    lines = [
        "# Verantwoording van deze editie", "",
        "Deze pagina legt vast waarmee deze editie is gemaakt, zodat elk getal te herleiden en "
        "opnieuw te berekenen is.", "",
        "| Onderdeel | Waarde |", "|---|---|",
        f"| Gemeente | {params.gemeente_naam} ({params.gemeente_code}) |",
        f"| Periode | {params.periode} |",
        f"| Editie | {params.editie} |",
        f"| Bouwdatum (datum van de code-commit) | {build_date} |",
        f"| Code-commit | {commit}{' (met lokale wijzigingen)' if dirty else ''} |",
        f"| Vingerafdruk van de gegevens | {fingerprint} |",
        f"| Parameterbestand | params/{params.periode}.yml "
        f"(sha256 {sha256_file(params.path)[:12]}…) |", "",
        "## Gebruikte datasets", "",
        "| Dataset | Bestand | sha256 | Synthetisch |", "|---|---|---|---|",
    ]
    for name in used:
        e = manifest.get(name, {})
        lines.append(f"| {name} | data/{e.get('file', '?')} | {str(e.get('sha256', ''))[:16]}… | "
                     f"{'ja' if e.get('synthetic') else 'nee'} |")
    lines += ["", "## Hoofdstukken en hun gegevens", "", "| Hoofdstuk | Datasets |", "|---|---|"]
    for r in runs:
        lines.append(f"| {r.page.label} | {', '.join(r.datasets) or '–'} |")
    lines += ["", "## Softwareversies", "", "| Pakket | Versie |", "|---|---|"]
    for pkg in ("jupyter-book", "myst-nb", "sphinx", "papermill", "pandas", "altair",
                "vl-convert-python"):
        try:
            lines.append(f"| {pkg} | {version(pkg)} |")
        except Exception:  # noqa: BLE001 - a missing package is simply not listed
            pass
    lines += ["", "Het volledige bouwverslag (met tijden en uitgevoerde hoofdstukken) staat in "
              "`bouwverslag.json` naast deze pagina.", ""]
    return "\n".join(lines)


def _swap_symlink(link: Path, target_name: str) -> None:
    tmp = link.with_name(link.name + ".nieuw")
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    os.symlink(target_name, tmp)
    os.replace(tmp, link)


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
        Re-execute every chapter and rebuild the book.
    out_root
        Build folder (default ``<root>/_build``).

    Raises
    ------
    ParamsError, DataError, BuildError
        On bad params, bad data, a failing chapter or a failing book build; the previous build is
        left as it was.
    """
    t0 = time.perf_counter()
    root = (root or project_root()).resolve()
    os.environ["WMO_PROJECT_ROOT"] = str(root)
    params = load_params(periode)
    periode = params.periode
    folder = data_dir(root)
    manifest = load_manifest(folder)
    problems = _check_data(folder, params)
    if problems:
        raise DataErrors(problems) if len(problems) > 1 else problems[0]
    pages = toc_pages(root)
    out_root = out_root or root / "_build"
    period_dir = out_root / periode
    work = period_dir / "work"
    state_path = period_dir / STATE_FILE
    state = json.loads(state_path.read_text()) if state_path.is_file() and not force else {}
    prev_chapters = state.get("chapters", {})

    params_rel = f"params/{periode}.yml"
    pkg = package_hash(root)
    params_sha = sha256_file(params.path)
    runs: list[ChapterRun] = []
    todo: list[ChapterRun] = []
    executed_dir = period_dir / "executed"
    for page in pages:
        if not page.is_notebook:
            continue
        cur = Inputs(sha256_file(page.path), params_sha, pkg)
        prev = prev_chapters.get(page.doc)
        target = executed_dir / f"{page.doc}.ipynb"
        reasons = why_run(prev["inputs"] if prev else None, page, cur, manifest, folder,
                          params_rel)
        if not target.is_file():
            reasons = reasons or ["uitgevoerde kopie ontbreekt"]
        run = ChapterRun(page, bool(reasons), reasons,
                         datasets=list((prev or {}).get("inputs", {}).get("datasets", {})))
        runs.append(run)
        if reasons:
            todo.append(run)

    n = len(runs)
    say(f"Periode {periode}: {n} hoofdstukken, {len(todo)} uit te voeren, "
        f"{n - len(todo)} ongewijzigd")
    for run in runs:
        if not run.executed:
            say(f"  = {run.page.label}: ongewijzigd, vorige uitvoering hergebruikt")
    staging = Path(tempfile.mkdtemp(prefix=f".uitvoer-{periode}-", dir=out_root
                                    if out_root.exists() else None))
    try:
        if todo:
            jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo)))

            def one(run: ChapterRun) -> ChapterRun:
                say(f"  > {run.page.label}: uitvoeren ({'; '.join(run.reasons)})")
                out = staging / f"{run.page.doc}.ipynb"
                out.parent.mkdir(parents=True, exist_ok=True)
                names, attempts, secs = execute_page(run.page, out, periode, root)
                run.datasets, run.attempts, run.seconds = names, attempts, secs
                extra = f", {attempts} pogingen" if attempts > 1 else ""
                say(f"  ✓ {run.page.label} ({secs:.1f} s{extra})")
                return run

            with ThreadPoolExecutor(max_workers=jobs) as pool:
                futures = [pool.submit(one, r) for r in todo]
                errors = []
                for fut in futures:
                    try:
                        fut.result()
                    except BuildError as exc:
                        errors.append(exc)
                if errors:
                    raise errors[0]
        # all chapters succeeded: fold new executions into the executed cache
        manifest = load_manifest(folder)
        for run in todo:
            src = staging / f"{run.page.doc}.ipynb"
            synthetic = [d for d in run.datasets if manifest.get(d, {}).get("synthetic")]
            _add_synthetic_warning(src, synthetic, manifest)
            dest = executed_dir / f"{run.page.doc}.ipynb"
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)
            prev_chapters[run.page.doc] = {"inputs": Inputs(
                sha256_file(run.page.path), params_sha, pkg,
                {d: dataset_state(d, manifest, folder) for d in run.datasets}).to_json()}
        # drop chapters no longer in the toc
        docs = {p.doc for p in pages}
        prev_chapters = {k: v for k, v in prev_chapters.items() if k in docs}
        state["chapters"] = prev_chapters
        _write_if_changed(state_path, json.dumps(state, indent=1, sort_keys=True).encode())

        commit, commit_time, dirty = git_commit(root)
        build_date = (time.strftime("%Y-%m-%d", time.gmtime(commit_time)) if commit_time
                      else time.strftime("%Y-%m-%d", time.gmtime(0)))
        fingerprint = data_fingerprint(manifest)
        stamp = stamp_text(params, commit, dirty, build_date, fingerprint)
        executed = {p.doc: executed_dir / f"{p.doc}.ipynb" for p in pages if p.is_notebook}
        verantwoording = verantwoording_page(params, manifest, runs, commit, dirty, build_date,
                                             fingerprint, root)
        files = assemble_book(root, pages, executed, params, stamp, build_date,
                              {"verantwoording": verantwoording})
        book_src = work / "book"
        changed = _sync_tree(files, book_src)
        html_link = period_dir / "html"
        book_built = False
        if changed or force or not html_link.exists():
            say("  > boek bouwen met Jupyter Book")
            tb = time.perf_counter()
            _run_jupyter_book(book_src, work / "out", commit_time)
            book_built = True
            say(f"  ✓ boek gebouwd ({time.perf_counter() - tb:.1f} s)")
            new_name = f"html.{_sha(json.dumps(sorted(files)).encode() + str(time.time()).encode())[:10]}"
            new_dir = period_dir / new_name
            shutil.copytree(work / "out" / "_build" / "html", new_dir)
            record = run_record(params, manifest, runs, commit, dirty, time.perf_counter() - t0)
            (new_dir / "bouwverslag.json").write_text(
                json.dumps(record, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
                encoding="utf-8")
            old = html_link.resolve() if html_link.is_symlink() else None
            if html_link.exists() and not html_link.is_symlink():
                shutil.rmtree(html_link)
            _swap_symlink(html_link, new_name)
            if old and old.exists() and old.name != new_name:
                shutil.rmtree(old, ignore_errors=True)
        else:
            say("  = boek ongewijzigd, niet opnieuw gebouwd")
    except BaseException:
        # a failed book build may leave Sphinx's cache half-written: start clean next time
        if (work / "out").exists() and not isinstance(sys.exc_info()[1], DataError):
            shutil.rmtree(work / "out", ignore_errors=True)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    secs = time.perf_counter() - t0
    ran = [r.page.label for r in runs if r.executed]
    say(f"Klaar in {secs:.1f} s: {len(ran)} uitgevoerd ({', '.join(ran) or 'geen'}), "
        f"{len(runs) - len(ran)} hergebruikt; boek {'gebouwd' if book_built else 'ongewijzigd'}."
        f"\n  → {period_dir / 'html' / 'index.html'}")
    return BuildResult(periode, period_dir / "html", runs, book_built, secs)


def _check_data(folder: Path, params: Params) -> list[DataError]:
    from .data import check_all

    return check_all(folder, regions=list(params.regions()))


def _add_synthetic_warning(nb_path: Path, synthetic: list[str], manifest: dict[str, Any]) -> None:
    """Insert a visible warning after the title cell of a page that uses synthetic data."""
    import nbformat

    nb = nbformat.read(nb_path, as_version=4)
    nb.cells = [c for c in nb.cells if "wmo-synthetisch" not in c.metadata.get("tags", [])]
    if synthetic:
        items = "\n".join(
            f"- `{d}`: {manifest[d].get('title', d)} (gekalibreerd op: "
            f"{str(manifest[d].get('calibrated_to', '')).strip()})" for d in synthetic
        )
        text = (
            ":::{warning} Let op: synthetische gegevens\n"
            "Deze pagina gebruikt **synthetische** gegevens: door een script gemaakte "
            "stand-ins, afgestemd op echte ijkcijfers, omdat de echte reeks hier (nog) niet "
            "beschikbaar is. De cijfers laten zien hoe het rapport werkt, **niet** hoe het met "
            "de gemeente gaat. Vervang ze door echte gegevens (zie de pagina Bronnen).\n\n"
            f"{items}\n:::"
        )
        cell = nbformat.v4.new_markdown_cell(text)
        cell.metadata["tags"] = ["wmo-synthetisch"]
        at = 1 if nb.cells and nb.cells[0].cell_type == "markdown" else 0
        nb.cells.insert(at, cell)
    for i, c in enumerate(nb.cells, start=1):
        c["id"] = f"cel-{i:02d}"
    nb_path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")


def run_record(params: Params, manifest: dict[str, Any], runs: list[ChapterRun], commit: str,
               dirty: bool, seconds: float) -> dict[str, Any]:
    """The run record written into every edition (``bouwverslag.json``)."""
    from importlib.metadata import distributions

    return {
        "periode": params.periode,
        "editie": params.editie,
        "gemeente": {"code": params.gemeente_code, "naam": params.gemeente_naam},
        "params": params.data,
        "commit": commit,
        "lokale_wijzigingen": dirty,
        "data": {k: {"bestand": v["file"], "sha256": v["sha256"],
                     "synthetisch": bool(v["synthetic"])} for k, v in sorted(manifest.items())},
        "pakketten": {d.metadata["Name"].lower(): d.version for d in sorted(
            distributions(), key=lambda d: d.metadata["Name"].lower())},
        "hoofdstukken": [{"hoofdstuk": r.page.label, "uitgevoerd": r.executed,
                          "redenen": r.reasons, "seconden": round(r.seconds, 2),
                          "pogingen": r.attempts, "datasets": r.datasets} for r in runs],
        "duur_seconden": round(seconds, 2),
    }


def _run_jupyter_book(src: Path, out: Path, commit_time: int | None) -> None:
    exe = Path(sys.executable).with_name("jupyter-book")
    cmd = [str(exe) if exe.exists() else "jupyter-book", "build", str(src), "--path-output",
           str(out), "--builder", "html"]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    if commit_time:
        env["SOURCE_DATE_EPOCH"] = str(commit_time)
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode != 0 or not (out / "_build" / "html" / "index.html").is_file():
        tail = "\n  ".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
        raise BuildError(f"Jupyter Book kon het boek niet bouwen:\n  {tail}")
