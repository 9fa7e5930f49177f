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
3. Execute the chapters that must run, in parallel (a bounded pool, one kernel per chapter,
   retried when a kernel fails to start). The kernels are warm: forked from a process that has
   the heavy imports loaded (:mod:`analysis.pipeline.warm`), each from the same clean state, so
   the executed notebooks are byte-identical to those of a fresh kernel per chapter.
   Templates in ``chapters/`` are never written to.
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
import dataclasses
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.config.datapackage import edition_files
from analysis.config.manifest import load_manifest
from analysis.config.params import Params, load_params
from analysis.core.errors import BuildError, DataError
from analysis.core.io import write_atomic
from analysis.core.paths import data_dir, project_root
from analysis.pipeline import assemble, record, swap
from analysis.pipeline.chapters import chapter_env, execute_all
from analysis.pipeline.datacheck import DataCheck
from analysis.pipeline.notebooks import add_synthetic_warning, merge_prose
from analysis.pipeline.pages import Page, toc_pages
from analysis.pipeline.schedule import max_workers, running_order
from analysis.pipeline.state import (
    ChapterRun,
    Current,
    Inputs,
    ShaCache,
    data_check_key,
    data_fingerprint,
    dataset_state,
    decide,
    environment_hash,
    load_state,
    package_hash,
    save_state,
    sha_hex,
    whole_manifest,
)
from analysis.pipeline.warm import WarmKernels, WarmPool


def print_message(msg: str) -> None:
    """Print a build message at once (also when the output is a pipe)."""
    print(msg, flush=True)


@dataclass(frozen=True)
class BuildOptions:
    """How to build: chapters at once, from scratch or not, where to, and where messages go.

    Examples
    --------
    >>> BuildOptions(jobs=2).force
    False
    """

    jobs: int | None = None
    force: bool = False
    out_root: Path | None = None
    say: Callable[[str], None] = print_message
    #: Warm kernels (forked from a loaded process); False: a fresh kernel per chapter.
    warm: bool = True
    #: Warm kernels kept between builds (the preview); None: started and stopped by this build.
    kernels: WarmKernels | None = None
    #: Leave the previous edition's folder when installing the new one (the preview removes it
    #: after the new edition shows: :func:`analysis.pipeline.swap.remove_previous`).
    keep_previous: bool = False
    #: The chapters' warm kernels, started before the build began
    #: (:func:`analysis.pipeline.chapters.early_kernels`): used if chapters run, stopped if not.
    early: WarmPool | None = None


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
        """Labels of the chapters this build executed."""
        return [r.page.label for r in self.runs if r.executed]

    @property
    def prose(self) -> list[str]:
        """Labels of the chapters whose text alone changed (remade without executing)."""
        return [r.page.label for r in self.runs if r.prose]


@dataclass
class _Build:
    """Everything one build of one period works with."""

    params: Params
    root: Path
    manifest: dict[str, dict[str, Any]]
    pages: list[Page]
    out_root: Path
    state: dict[str, Any]
    current: Current
    check_key: str
    check: DataCheck | None
    options: BuildOptions
    t0: float = field(default_factory=time.perf_counter)
    #: The warm book builder this build started while its chapters run (see :func:`_book_builder`).
    book_pool: WarmPool | None = None
    #: Starts :attr:`book_pool` (set by :func:`_book_builder` when the build wants one).
    start_book_pool: Callable[[], None] | None = None
    #: Pools being stopped in the background; the build ends after them.
    closing: list[threading.Thread] = field(default_factory=list)
    #: The kernels started before the build (:attr:`BuildOptions.early`), until it uses them.
    early: WarmPool | None = None
    started: str = field(default_factory=lambda: time.strftime("%Y-%m-%dT%H:%M:%S%z"))

    def __post_init__(self) -> None:
        self.early = self.options.early

    @property
    def periode(self) -> str:
        return self.params.periode

    @property
    def period_dir(self) -> Path:
        return self.out_root / self.periode

    @property
    def executed_dir(self) -> Path:
        return self.period_dir / "executed"

    @property
    def work(self) -> Path:
        return self.period_dir / "work"

    @property
    def html_link(self) -> Path:
        return self.period_dir / "html"


def build(
    periode: str | int,
    *,
    root: Path | None = None,
    jobs: int | None = None,
    force: bool = False,
    out_root: Path | None = None,
    say: Callable[[str], None] = print_message,
    warm: bool = True,
    early: WarmPool | None = None,
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
    warm
        Run chapters in warm kernels (default); ``False``: a fresh kernel per chapter (the
        same bytes, slower).
    early
        Warm kernels already started for this build (see :attr:`BuildOptions.early`).

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
    options = BuildOptions(
        jobs=jobs, force=force, out_root=out_root, say=say, warm=warm, early=early
    )
    return build_with(str(periode), options, root=root)


def build_with(periode: str, options: BuildOptions, *, root: Path | None = None) -> BuildResult:
    """:func:`build` with its options as one object."""
    root = (root or project_root()).resolve()
    saved = os.environ.get("WMO_PROJECT_ROOT")
    os.environ["WMO_PROJECT_ROOT"] = str(root)
    b = None
    try:
        b = _prepare(periode, root, options)
        return _build(b)
    finally:
        early = options.early if b is None else b.early
        if early is not None:  # not needed after all (or the build failed before its chapters)
            early.kill()
        if saved is None:
            os.environ.pop("WMO_PROJECT_ROOT", None)
        else:
            os.environ["WMO_PROJECT_ROOT"] = saved


def _prepare(periode: str, root: Path, options: BuildOptions) -> _Build:
    """Read params, manifest and toc; compute the fingerprints; start the data check if due."""
    t0 = time.perf_counter()
    params = load_params(periode)
    folder = data_dir(root)
    manifest = load_manifest(folder)
    out_root = (options.out_root or root / "_build").resolve()
    state = load_state(out_root / params.periode)
    pages = toc_pages(root)
    sha = ShaCache()
    pkg = package_hash(root)
    env = environment_hash()
    params_rel = " of ".join(params.bestandsnamen)
    current = Current(params.sha256, pkg, env, params_rel, manifest, folder, sha)
    check_key = data_check_key(folder, manifest, list(params.regions()), pkg + env, sha)
    # the data check runs while the chapters run (they use the cores, it mostly waits for
    # imports); nothing is folded into the cache or published before it passed
    due = options.force or state.get("gegevens_gecontroleerd") != check_key
    check = DataCheck(folder, params, start=False) if due else None
    return _Build(
        params, root, manifest, pages, out_root, state, current, check_key, check, options, t0
    )


def _build(b: _Build) -> BuildResult:
    """Take the period's lock, clean up after killed builds, build; no trace of a failed first."""
    new_period_dir = not b.period_dir.exists()
    b.period_dir.mkdir(parents=True, exist_ok=True)
    ok = False
    try:
        with swap.period_lock(b.period_dir, b.periode):
            swap.clean_leftovers(b.period_dir, b.out_root, b.periode)
            result = _build_locked(b)
            ok = True
            return result
    finally:
        if not ok and new_period_dir:
            shutil.rmtree(b.period_dir, ignore_errors=True)
            with contextlib.suppress(OSError):
                b.out_root.rmdir()  # only when empty: it was made by this build


def _build_locked(b: _Build) -> BuildResult:
    prev_chapters: dict[str, Any] = dict(b.state.get("chapters", {}))
    runs = decide(b.pages, prev_chapters, b.executed_dir, b.current, b.options.force)
    _announce(b, runs)
    staging = Path(tempfile.mkdtemp(prefix=f".uitvoer-{b.periode}-", dir=b.out_root))
    try:
        with _book_builder(b, runs):
            t_exec = time.perf_counter()
            _execute(b, runs, staging, prev_chapters)
            exec_seconds = time.perf_counter() - t_exec
            book_built = _book(b, runs, exec_seconds)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        for closing in b.closing:
            closing.join()
    return _finish(b, runs, book_built)


@contextlib.contextmanager
def _book_builder(b: _Build, runs: list[ChapterRun]) -> Iterator[None]:
    """Let the build start a warm book builder, so it loads Jupyter Book while the chapters run.

    Only when this build runs or remakes a chapter (then the book is as good as certain to
    change); a build that reuses every chapter starts nothing (the book, if its source changed,
    is then built by a process of its own). The preview keeps its own builder; fresh kernels
    (``warm=False``) get none. The builder starts when :func:`_start_helpers` says so, just
    after the chapters' kernels (it loads at a lower priority than they do). It is
    stopped when the build ends, on every path (at once on an error or interrupt); if it fails to
    start or stops, Jupyter Book runs as a process as before.
    """
    wanted = any(r.executed or r.prose for r in runs)
    if not wanted or not b.options.warm or b.options.kernels is not None:
        yield
        return
    started: list[WarmPool] = []

    def start() -> None:
        if started:
            return
        try:
            started.append(WarmPool(os.environ.copy(), kind="boek"))
        except OSError as exc:
            b.options.say(f"  ! warme boekbouwer niet gestart ({exc}); Jupyter Book als los proces")
            return
        b.book_pool = started[0]

    b.start_book_pool = start
    try:
        yield
    except BaseException:
        for pool in started:
            pool.kill()  # an error or Ctrl-C: do not wait for it to finish loading
        raise
    finally:
        b.book_pool, b.start_book_pool = None, None
    for pool in started:
        pool.close()


def _start_helpers(b: _Build, pool: WarmPool | None) -> None:
    """Start what runs beside the chapters: the warm book builder at once (it loads at a lower
    priority, :data:`analysis.pipeline.warm.BOOK_NICE`, so it never slows down loading the
    kernels, which every chapter waits for), and the data check once the kernels have loaded
    (it runs in a fork of their template, :func:`analysis.pipeline.datacheck.check_in_pool`)."""
    if b.start_book_pool is not None:
        b.start_book_pool()
    if pool is not None:
        pool.wait_ready()
    if b.check is not None:
        b.check.start(pool)


def _announce(b: _Build, runs: list[ChapterRun]) -> None:
    """Say per chapter what the build will do with it, and why."""
    say = b.options.say
    todo = [r for r in runs if r.executed]
    prose = [r for r in runs if r.prose]
    same = len(runs) - len(todo) - len(prose)
    text = f", {len(prose)} alleen tekst" if prose else ""
    say(
        f"Periode {b.periode}: {len(runs)} hoofdstukken, {len(todo)} uit te voeren{text}, "
        f"{same} ongewijzigd"
    )
    for run in runs:
        if run.prose:
            say(
                f"  ~ {run.page.label}: {run.reasons[0]}; uitvoer en gelijmde waarden "
                "hergebruikt, alleen het boek opnieuw"
            )
        elif not run.executed:
            say(f"  = {run.page.label}: ongewijzigd, vorige uitvoering hergebruikt")


def _execute(
    b: _Build, runs: list[ChapterRun], staging: Path, prev_chapters: dict[str, Any]
) -> None:
    """Run the chapters that must run, fold every success into the cache, save the state.

    Chapters whose text alone changed get their new executed copy from the old one. Raises the
    chapters' errors (after saving what succeeded) and the data check's problems.
    """
    todo = running_order([r for r in runs if r.executed], prev_chapters)
    if b.check is not None and not todo:
        b.check.raise_problems()
    on_problem = b.check.when_failed if b.check is not None else None
    with _kernels(b, todo) as pool:
        _start_helpers(b, pool)
        done, errors = execute_all(
            todo, staging, b.periode, b.root, b.options.jobs, b.options.say, on_problem, pool
        )
    if b.check is not None:
        b.check.raise_problems()
    # fold every successful execution into the executed cache (also when another chapter
    # failed: they are valid results and need not run again)
    for run in done:
        prev_chapters[run.page.doc] = _fold(b, run, staging / f"{run.page.doc}.ipynb")
    for run in runs:
        if run.prose:
            prev_chapters[run.page.doc] = _fold_prose(b, run, prev_chapters[run.page.doc], staging)
    docs = {p.doc for p in b.pages}
    b.state["chapters"] = {k: v for k, v in prev_chapters.items() if k in docs}
    b.state["gegevens_gecontroleerd"] = b.check_key
    save_state(b.period_dir, b.state)
    if errors:
        if len(errors) > 1:
            raise BuildError(
                f"{len(errors)} hoofdstukken faalden:\n" + "\n".join(str(e) for e in errors)
            )
        raise errors[0]


def pool_key(root: Path, package: str | None = None, environment: str | None = None) -> str:
    """What a warm pool's loaded modules depend on: the project, its package, the environment.

    Examples
    --------
    >>> pool_key(Path("/p"), "abc", "def")
    '/p|abc|def'
    """
    package = package if package is not None else package_hash(root)
    environment = environment if environment is not None else environment_hash()
    return f"{Path(root).resolve()}|{package}|{environment}"


@contextlib.contextmanager
def _kernels(b: _Build, todo: list[ChapterRun]) -> Iterator[WarmPool | None]:
    """The warm pool for this build's chapters (None: fresh kernels, or nothing to run)."""
    if not todo or not b.options.warm:
        yield None
        return
    env = chapter_env(b.root, "")
    key = pool_key(b.root, b.current.package, b.current.environment)
    if b.options.kernels is not None:
        yield b.options.kernels.pool(env, key)
        return
    pool, b.early = b.early or WarmPool(env, key), None
    if len(todo) <= max_workers(b.options.jobs):
        pool.no_idle_work()  # every chapter starts at once: nothing comes to use it
    try:
        yield pool
    except BaseException:
        pool.close()
        raise
    # the chapters are done: the kernels stop while the book is built (their processes end and
    # their memory is freed, a tenth of a second or so); the build waits for that at its end
    closing = threading.Thread(target=pool.close, name="warme-kernels-stoppen", daemon=True)
    closing.start()
    b.closing.append(closing)


def _fold(b: _Build, run: ChapterRun, src: Path) -> dict[str, Any]:
    """Put a chapter's fresh execution into the executed cache; return its state entry."""
    manifest, cur = b.manifest, b.current
    synthetic = [d for d in run.datasets if manifest.get(d, {}).get("synthetic")]
    add_synthetic_warning(src, synthetic, manifest)
    data = src.read_bytes()
    write_atomic(b.executed_dir / f"{run.page.doc}.ipynb", data)
    if run.manifest_names is not None:
        run.manifest_names = sorted(manifest)
    datasets = {d: dataset_state(d, manifest, cur.folder, cur.sha) for d in run.datasets}
    inputs = Inputs(
        run.template[0],
        cur.params,
        cur.package,
        cur.environment,
        datasets,
        whole_manifest(run, manifest),
        code=run.template[1],
    )
    # the duration orders the next build's chapters (longest first, analysis.pipeline.schedule)
    return {"inputs": inputs.to_json(), "uitvoer": sha_hex(data), "seconden": round(run.seconds, 2)}


def _fold_prose(b: _Build, run: ChapterRun, entry: dict[str, Any], staging: Path) -> dict[str, Any]:
    """Remake a chapter's executed copy with the template's new text; return its state entry.

    Its code, outputs and glued values are those of the previous execution (the code is the
    same); the inputs it was executed with stay recorded, with the template's new sha256.
    """
    src = staging / f"{run.page.doc}.ipynb"
    src.parent.mkdir(parents=True, exist_ok=True)
    merge_prose(run.page.path, b.executed_dir / f"{run.page.doc}.ipynb", src)
    synthetic = [d for d in run.datasets if b.manifest.get(d, {}).get("synthetic")]
    add_synthetic_warning(src, synthetic, b.manifest)
    data = src.read_bytes()
    write_atomic(b.executed_dir / f"{run.page.doc}.ipynb", data)
    inputs = {**entry["inputs"], "notebook": run.template[0], "code": run.template[1]}
    return {**entry, "inputs": inputs, "uitvoer": sha_hex(data)}


def _book(b: _Build, runs: list[ChapterRun], exec_seconds: float) -> bool:
    """Assemble the book source; build and install the HTML when it changed. True if built.

    In the preview the stamp names the code as a working copy (:attr:`record.Provenance.draft`),
    so a save that makes the tree differ from its commit changes one page, not every page.
    """
    prov = record.provenance(b.root)
    if b.options.kernels is not None:
        prov = dataclasses.replace(prov, draft=True)
    for warning in prov.warnings:
        b.options.say(f"  ! {warning}")
    fingerprint = data_fingerprint(b.manifest)
    stamp = assemble.stamp_text(b.params, prov, fingerprint)
    executed = {p.doc: b.executed_dir / f"{p.doc}.ipynb" for p in b.pages if p.is_notebook}
    verantwoording = assemble.verantwoording_page(b.params, b.manifest, runs, prov, fingerprint)
    files = assemble.assemble_book(
        b.root, b.pages, executed, b.params, stamp, prov.date, {"verantwoording": verantwoording}
    )
    book_hash = assemble.tree_hash(files)
    book_src = b.work / "book"
    if not b.options.force and b.state.get("boek") == book_hash:
        if swap.current_edition(b.html_link) is not None:
            assemble.sync_tree(files, book_src)
            b.options.say("  = boek ongewijzigd, niet opnieuw gebouwd")
            return False
    _build_book(b, files, prov, runs, exec_seconds, stamp)
    b.state["boek"] = book_hash
    save_state(b.period_dir, b.state)
    return True


def _build_book(
    b: _Build,
    files: dict[str, bytes],
    prov: record.Provenance,
    runs: list[ChapterRun],
    exec_seconds: float,
    stamp: str,
) -> None:
    """Run Jupyter Book on the book source and install the new edition atomically.

    Sphinx keeps its parsed pages (only changed pages are read again). When only pages changed,
    it also keeps the HTML of the others (:mod:`analysis.pipeline.partial` makes it write all of
    them when needed); otherwise every page is written afresh. Either way the result equals a
    clean build's.
    """
    say, out = b.options.say, b.work / "out"
    say("  > boek bouwen met Jupyter Book")
    tb = time.perf_counter()
    packages = _installed_packages_soon(b)  # read while the book builds (a core is free then)
    try:
        if b.options.force:
            shutil.rmtree(b.work, ignore_errors=True)
        old_stamp = assemble.book_stamp(b.work / "book")
        stamps = (old_stamp, stamp) if old_stamp is not None else None
        changed = assemble.sync_tree(files, b.work / "book", stamps)
        if not assemble.pages_only(changed):
            shutil.rmtree(out / "_build" / "html", ignore_errors=True)
        assemble.forget_late_files(out / "_build" / "html")
        assemble.run_jupyter_book(b.work / "book", out, prov.epoch, _book_server(b))
        book_seconds = time.perf_counter() - tb
        say(f"  ✓ boek gebouwd ({book_seconds:.1f} s)")
        extra = _records(b, runs, prov, exec_seconds, book_seconds, packages())
        extra.update(_data_package(b, runs, prov.date))
        swap.install_edition(
            b.period_dir, out / "_build" / "html", extra, keep_previous=b.options.keep_previous
        )
    except BaseException as exc:
        # a failed book build may leave Sphinx's cache half-written: start clean next time
        if not isinstance(exc, DataError):
            shutil.rmtree(out, ignore_errors=True)
        raise


def _book_server(b: _Build) -> WarmPool | None:
    """The warm book builder: the preview's, the one this build started, or None (Jupyter Book
    as a process)."""
    if b.options.kernels is None:
        return b.book_pool
    key = pool_key(b.root, b.current.package, b.current.environment)
    return b.options.kernels.book_server(os.environ.copy(), key)


def _installed_packages_soon(b: _Build) -> Callable[[], dict[str, str]]:
    """The installed distributions for the run record, as a function that returns them.

    Kept in ``state.json`` per environment; when the environment is new (a cold build), they are
    read now in a thread (the metadata of every distribution, about a tenth of a second) while
    the caller goes on, instead of after the book was built.
    """
    cached = b.state.get("pakketten") or {}
    if cached.get("omgeving") == b.current.environment and isinstance(cached.get("lijst"), dict):
        known: dict[str, str] = cached["lijst"]
        return lambda: known
    found: list[dict[str, str]] = []
    reader = threading.Thread(
        target=lambda: found.append(record.installed_packages()), name="pakketten", daemon=True
    )
    reader.start()

    def result() -> dict[str, str]:
        reader.join()
        packages = found[0] if found else record.installed_packages()  # the thread failed
        b.state["pakketten"] = {"omgeving": b.current.environment, "lijst": packages}
        return packages

    return result


def _records(
    b: _Build,
    runs: list[ChapterRun],
    prov: record.Provenance,
    exec_seconds: float,
    book_seconds: float,
    packages: dict[str, str],
) -> dict[str, bytes]:
    """The run record and the timings of the edition, as files."""
    rec = record.run_record(b.params, b.manifest, runs, prov, packages)
    secs = time.perf_counter() - b.t0
    timings = record.timings_record(
        runs, b.started, secs, exec_seconds, book_seconds, b.options.jobs
    )
    return {
        record.RECORD_FILE: record.json_bytes(rec),
        record.TIMINGS_FILE: record.json_bytes(timings),
    }


def _data_package(b: _Build, runs: list[ChapterRun], build_date: str) -> dict[str, bytes]:
    """The data the chapters read, as a Frictionless Data Package (``gegevens/`` + json).

    An optional municipal dataset a chapter asked for but that was not supplied has no file and
    is left out."""
    folder = data_dir(b.root)
    used = {d for r in runs for d in r.datasets}
    return edition_files(
        folder,
        b.manifest,
        sorted(d for d in used if d in b.manifest and (folder / b.manifest[d]["file"]).is_file()),
        package=f"wmo-monitor-{b.periode}".lower(),
        title=f"Wmo-monitor {b.params.gemeente_naam}, periode {b.periode}: gebruikte gegevens",
        version=str(b.params.editie),
        created=build_date,
    )


def _finish(b: _Build, runs: list[ChapterRun], book_built: bool) -> BuildResult:
    secs = time.perf_counter() - b.t0
    ran = [r for r in runs if r.executed]
    prose = [r.page.label for r in runs if r.prose]
    text = f"{len(prose)} alleen tekst ({', '.join(prose)}), " if prose else ""
    b.options.say(
        f"Klaar in {secs:.1f} s: {len(ran)} uitgevoerd "
        f"({', '.join(f'{r.page.label} {r.seconds:.1f} s' for r in ran) or 'geen'}), {text}"
        f"{len(runs) - len(ran) - len(prose)} hergebruikt; "
        f"boek {'gebouwd' if book_built else 'ongewijzigd'}.\n  → {b.html_link / 'index.html'}"
    )
    return BuildResult(b.periode, b.html_link, runs, book_built, secs)
