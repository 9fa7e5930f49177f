"""What a chapter's executed copy depends on, and why a chapter must run again.

The build keeps ``_build/<periode>/state.json``: per chapter the fingerprints of its inputs at its
last execution (:class:`Inputs`) and the hash of the executed copy; the key of the last successful
data check; the hash of the book source of the current edition. :func:`decide` compares them with
the current fingerprints and says, per chapter, whether it runs and why (in Dutch, for the user).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import sysconfig
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.config.manifest import MANIFEST_NAME, sha256_file
from analysis.core.io import write_if_changed
from analysis.pipeline.pages import Page

STATE_FILE = "state.json"

#: The sources an edition is made from (its stamp's "local changes", a build's change check).
STAMPED_PATHS = ("src", "chapters", "params", "data", "_config.yml", "_toc.yml")


def newest_source_time(root: Path) -> int:
    """Newest modification time (seconds) of the sources an edition is made from."""
    newest = 0
    for name in STAMPED_PATHS:
        top = root / name
        files = [top] if top.is_file() else top.rglob("*") if top.is_dir() else []
        for f in files:
            if "__pycache__" not in f.parts and f.is_file():
                newest = max(newest, int(f.stat().st_mtime))
    return newest


def sha_hex(data: bytes) -> str:
    """sha256 of ``data`` as hex.

    Examples
    --------
    >>> sha_hex(b"")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(data).hexdigest()


# ----------------------------------------------------------------------------- fingerprints


def package_hash(root: Path) -> str:
    """Hash of the analysis package: every file under ``src/analysis`` (code, assets, templates).

    Compiled caches (``__pycache__``, ``*.pyc``) are skipped; they follow from the code.

    Examples
    --------
    >>> len(package_hash(Path("/nonexistent")))
    64
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

    Examples
    --------
    >>> environment_hash() == environment_hash()
    True
    """
    names: set[str] = set()
    paths = sysconfig.get_paths()
    for key in ("purelib", "platlib"):
        with contextlib.suppress(OSError):
            names.update(
                n for n in os.listdir(paths[key]) if n.endswith((".dist-info", ".egg-info"))
            )
    return sha_hex((sys.version + "\n" + "\n".join(sorted(names))).encode())


def data_fingerprint(manifest: dict[str, dict[str, Any]]) -> str:
    """One short fingerprint of all data: hash over every dataset's name and sha256.

    Examples
    --------
    >>> data_fingerprint({"a": {"sha256": "0"}})
    'e7fc2e46e57d'
    """
    text = "\n".join(f"{k} {manifest[k]['sha256']}" for k in sorted(manifest))
    return sha_hex(text.encode())[:12]


@dataclass
class Inputs:
    """Everything a chapter's executed copy depends on.

    ``notebook`` is the template's sha256, ``code`` its :func:`analysis.pipeline.notebooks.
    code_fingerprint` (what executing it depends on): when only the first differs, only its prose
    changed. ``manifest_names`` is set for chapters that read *every* dataset (such as the data
    catalogue): they also depend on which datasets the manifest lists.
    """

    notebook: str
    params: str
    package: str
    environment: str = ""
    datasets: dict[str, dict[str, str]] = field(default_factory=dict)
    manifest_names: list[str] | None = None
    code: str = ""

    def to_json(self) -> dict[str, Any]:
        """The inputs as stored in ``state.json``."""
        out = {
            "notebook": self.notebook,
            "code": self.code,
            "params": self.params,
            "package": self.package,
            "environment": self.environment,
            "datasets": self.datasets,
        }
        if self.manifest_names is not None:
            out["manifest_names"] = self.manifest_names
        return out


class ShaCache:
    """sha256 of data files, computed once per build (``"ontbreekt"`` for a missing file)."""

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
    """Current fingerprint of a dataset: its file's sha256 and its manifest entry's hash.

    Examples
    --------
    >>> dataset_state("x", {}, Path("."))
    {'file': '', 'sha': 'ontbreekt', 'entry': 'ontbreekt'}
    """
    entry = manifest.get(name)
    if entry is None:
        return {"file": "", "sha": "ontbreekt", "entry": "ontbreekt"}
    path = folder / entry["file"]
    digest = (sha or ShaCache())(path)
    return {
        "file": entry["file"],
        "sha": digest,
        "entry": sha_hex(json.dumps(entry, sort_keys=True, default=str).encode()),
    }


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
    return sha_hex("\n".join(parts).encode())


# ------------------------------------------------------------------------------- decisions


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
    ``cur`` holds the current notebook, params, package and environment hashes. A template whose
    code is unchanged gives the reason :func:`prose_reason` instead of "gewijzigd".

    Examples
    --------
    >>> why_run(None, Page("chapters/x", Path("x.ipynb")), Inputs("", "", ""), {}, Path("."), "")
    ['nog niet eerder uitgevoerd']
    """
    if not prev:
        return ["nog niet eerder uitgevoerd"]
    reasons = []
    if prev.get("notebook") != cur.notebook:
        same_code = bool(cur.code) and prev.get("code") == cur.code
        reasons.append(prose_reason(page) if same_code else f"{page.path.name} gewijzigd")
    if prev.get("params") != cur.params:
        reasons.append(f"{params_rel} gewijzigd")
    if prev.get("package") != cur.package:
        reasons.append("code in src/analysis gewijzigd")
    if prev.get("environment") != cur.environment:
        reasons.append("Python of geïnstalleerde pakketten gewijzigd")
    sha = sha or ShaCache()
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


def prose_reason(page: Page) -> str:
    """The reason given when only the Markdown of a chapter changed.

    Examples
    --------
    >>> prose_reason(Page("chapters/x", Path("x.ipynb")))
    'tekst in x.ipynb gewijzigd (geen code)'
    """
    return f"tekst in {page.path.name} gewijzigd (geen code)"


@dataclass
class ChapterRun:
    """A chapter in a build: whether (and why) it runs, and what its execution found.

    ``prose``: not executed, but its executed copy is remade from the previous one with the new
    text of the template (:func:`analysis.pipeline.notebooks.merge_prose`). ``template`` holds the
    template's fingerprints (sha256, code) as they were when the build decided.
    """

    page: Page
    executed: bool
    reasons: list[str]
    seconds: float = 0.0
    attempts: int = 0
    datasets: list[str] = field(default_factory=list)
    manifest_names: list[str] | None = None
    warm: bool = False  # executed in a warm kernel
    prose: bool = False
    template: tuple[str, str] = ("", "")


@dataclass(frozen=True)
class Current:
    """The current fingerprints every chapter shares, and where to look up the rest."""

    params: str
    package: str
    environment: str
    params_rel: str
    manifest: dict[str, dict[str, Any]]
    folder: Path
    sha: Callable[[Path], str]


def decide(
    pages: list[Page],
    prev_chapters: dict[str, Any],
    executed_dir: Path,
    cur: Current,
    force: bool,
) -> list[ChapterRun]:
    """For every notebook page: run it (with the reasons), remake it from its prose, or reuse it."""
    from analysis.pipeline.notebooks import notebook_fingerprint

    runs = []
    for page in pages:
        if not page.is_notebook:
            continue
        template = (sha256_file(page.path), notebook_fingerprint(page.path))
        mine = Inputs(template[0], cur.params, cur.package, cur.environment, code=template[1])
        prev = prev_chapters.get(page.doc) or {}
        inputs = prev.get("inputs")
        reasons = (
            ["opnieuw op verzoek (--opnieuw)"]
            if force
            else why_run(inputs, page, mine, cur.manifest, cur.folder, cur.params_rel, cur.sha)
        )
        target = executed_dir / f"{page.doc}.ipynb"
        if reasons in ([], [prose_reason(page)]) and (
            not target.is_file() or sha256_file(target) != prev.get("uitvoer")
        ):
            reasons = ["uitgevoerde kopie ontbreekt of is beschadigd"]
        prose = reasons == [prose_reason(page)]
        runs.append(
            ChapterRun(
                page,
                bool(reasons) and not prose,
                reasons,
                datasets=sorted((inputs or {}).get("datasets", {})),
                manifest_names=(inputs or {}).get("manifest_names"),
                prose=prose,
                template=template,
            )
        )
    return runs


def whole_manifest(run: ChapterRun, manifest: dict[str, dict[str, Any]]) -> list[str] | None:
    """The dataset names a chapter depends on as a list, for chapters that enumerate the manifest.

    A chapter enumerates the manifest when it says so (a ``{"manifest": true}`` line in the deps
    file) or when it read every dataset (like the data catalogue does).
    """
    if run.manifest_names is not None or (manifest and set(run.datasets) >= set(manifest)):
        return sorted(manifest)
    return None


# ---------------------------------------------------------------------------- state file


def load_state(period_dir: Path) -> dict[str, Any]:
    """The period's ``state.json`` (empty when missing or unreadable: everything runs)."""
    path = period_dir / STATE_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (OSError, ValueError):
        return {}


def save_state(period_dir: Path, state: dict[str, Any]) -> None:
    """Write ``state.json`` atomically, only when it changed."""
    write_if_changed(period_dir / STATE_FILE, json.dumps(state, indent=1, sort_keys=True).encode())
