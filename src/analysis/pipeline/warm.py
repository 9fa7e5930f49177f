"""Warm execution: chapters run in forks of a process that has the heavy imports loaded.

Most of a chapter's time in a fresh kernel goes to starting Python, papermill and the kernel and
to importing pandas, Altair and the package. The warm pool pays that once per build:

* one **template process** (``python -m analysis.pipeline.warm``, started by :class:`WarmPool`)
  imports papermill, ipykernel, pandas, Altair and the package's basic modules, then waits;
* for each chapter it **forks**: the fork runs :func:`analysis.pipeline.execute.run` with
  ``warm=True``, which starts the kernel in that same process (:mod:`analysis.pipeline.inprocess`)
  and executes the notebook through papermill
  (parameters cell, cell by cell) exactly as with a fresh kernel;
* one **renderer** (:mod:`analysis.pipeline.render`) converts the charts of every chapter, so
  the chart engine starts once per build instead of once per chapter.

Every chapter gets a new process that starts from the template's memory as it was after the
imports: a clean namespace, and no trace of what another chapter changed in a module (the template
never runs chapter code). So the executed notebooks are byte-identical to those from a fresh
kernel per chapter, whatever the order and the number of chapters at once
(``tests/test_warm.py``). Only modules whose import has no side effect on another module are
loaded in advance (not the topic modules: they register key indicators when imported, and the
order of registration shows in the Samenvatting).

Protocol (one JSON object per line): the template writes ``{"klaar": true}`` when loaded; the
build sends ``{"id", "args", "env", "log"}`` per chapter and gets ``{"id", "pid"}`` when the fork
started and ``{"id", "code"}`` when it ended (its output is in the file ``log``). When its input
closes (the build ended, or died) the template kills what still runs and exits.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import importlib.machinery
import json
import os
import select
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from analysis.pipeline.render import RENDER_SOCKET, Renderer

T = TypeVar("T")

#: Loaded by the template process: libraries a chapter imports anyway, and the package's modules
#: that have no import side effect on other modules.
PRELOAD = (
    # the kernel's own imports, in the order a fresh kernel makes them
    "IPython",
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.debugger",
    "IPython.core.completerlib",
    "IPython.core.debugger",
    "IPython.extensions.storemagic",
    "IPython.display",
    "sqlite3",
    "psutil",
    "tornado.platform.asyncio",
    # the client side (papermill in the fork that drives the kernel)
    "jupyter_client.manager",
    "nbclient",
    "nbformat",
    "papermill",
    "papermill.engines",
    # what every chapter imports
    "numpy",
    "pandas",
    "altair",
    "vl_convert",
    "myst_nb",
    "analysis.present.report",
    "analysis.present.charts",
    "analysis.pipeline.execute",
    "analysis.pipeline.inprocess",
    "analysis.pipeline.render",
)


#: Loaded by the preview's book builder: Jupyter Book, Sphinx and the book's extensions.
BOOK_PRELOAD = (
    "jupyter_book.cli.main",
    "jupyter_book.sphinx",
    "sphinx.application",
    "sphinx.builders.html",
    "sphinx.search.nl",
    "myst_parser",
    "myst_nb",
    "myst_nb.sphinx_ext",
    "pydata_sphinx_theme",
    "sphinx_book_theme",
    "sphinx_design",
    "sphinx_copybutton",
    "sphinx_togglebutton",
    "sphinx_thebe",
    "sphinx_comments",
    "sphinx_external_toc",
    "sphinxcontrib.bibtex",
    "sphinx_jupyterbook_latex",
    "sphinx_multitoc_numbering",
    "analysis.present.interface",
    "analysis.pipeline.partial",
)
#: Modules a book build imports beyond :data:`BOOK_PRELOAD` (with Sphinx's own extensions).
BOOK_PRELOAD_MORE = (
    "sphinx_design.extension",
    "sphinx_external_toc.events",
    "sphinx_external_toc.collectors",
    "sphinx.builders.html.transforms",
    "sphinx.builders.latex.transforms",
    "sphinx_jupyterbook_latex.events",
    "sphinx.ext.mathjax",
    "myst_parser.sphinx_ext.directives",
    "myst_parser.sphinx_ext.mathjax",
    "myst_parser.sphinx_ext.myst_refs",
    "myst_nb.ext.glue.directives",
    "myst_nb.ext.glue.domain",
    "myst_nb.ext.glue.roles",
    "myst_nb.ext.execution_tables",
    "docutils.languages.nl",
    "docutils.languages.en",
    "docutils.parsers.rst.languages.nl",
    "jinja2.ext",
    "xml.dom.minidom",
)
KINDS = {"kernels": PRELOAD, "boek": BOOK_PRELOAD}


class PoolError(Exception):
    """The warm pool stopped working (the build then uses a fresh kernel for the chapter)."""


# ------------------------------------------------------------------------- template process


def preload(modules: tuple[str, ...] = PRELOAD) -> list[str]:
    """Import ``modules``; return those that failed (a chapter importing one fails as usual).

    Examples
    --------
    >>> preload(("json", "geen_module_met_deze_naam"))
    ['geen_module_met_deze_naam']
    """
    failed = []
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - the chapter meets the same error in its own kernel
            failed.append(name)
    return failed


def warm_caches(data: Path | None = None) -> int:
    """Fill the caches every chapter would fill the same way (all of :func:`warm_steps`); return
    the number of datasets read.

    Examples
    --------
    >>> warm_caches(Path("/bestaat/niet"))
    0
    >>> import nbformat.validator, nbformat.v4
    >>> any(k[1:3] == (4, nbformat.v4.nbformat_minor) for k in nbformat.validator.validators)
    True
    """
    return sum(1 for step in warm_steps(data) if step == "dataset")


def compile_notebook_schema() -> None:
    """Compile nbformat's schema of the current notebook format (about 0,1 s per process; every
    reader of a notebook validates it), so that forks of this process find it compiled."""
    import nbformat.v4
    import nbformat.validator

    nbformat.validator.get_validator(version=4, version_minor=nbformat.v4.nbformat_minor)


#: Source files compiled in the template, by path: (their bytes, the code compiled from them).
_COMPILED: dict[str, tuple[bytes, Any]] = {}


_ORIGINAL_SOURCE_TO_CODE = importlib.machinery.SourceFileLoader.source_to_code


def _cached_source_to_code(self: Any, data: Any, path: Any, *, _optimize: int = -1) -> Any:  # noqa: ANN401 - importlib's signature
    """``SourceFileLoader.source_to_code``, with the code :func:`precompile` made from the same
    bytes when there is one."""
    hit = _COMPILED.get(path) if isinstance(path, str) else None
    if hit is not None and _optimize == -1 and hit[0] == data:
        return hit[1]
    return _ORIGINAL_SOURCE_TO_CODE(self, data, path, _optimize=_optimize)


def precompile(package: str = "analysis") -> Iterator[str]:
    """Compile, without running them, the package's modules this process has not imported (the
    topic modules, which a chapter imports itself), one per step; yields their paths.

    Python compiles a module's source at every import when it may not write bytecode
    (``PYTHONDONTWRITEBYTECODE``, a read-only checkout): a few hundredths of a second per module,
    in every chapter again. A fork of this process that imports one of these modules gets the
    code compiled here, but only when the file still holds exactly the bytes that were compiled;
    otherwise it is compiled as always. Compiling runs nothing, so no module is affected.

    Examples
    --------
    >>> import sys
    >>> before = set(sys.modules)
    >>> paths = list(precompile("analysis"))
    >>> all(p.endswith(".py") for p in paths), set(sys.modules) - before  # nothing imported
    (True, set())
    """
    import importlib.util

    machinery = importlib.machinery.SourceFileLoader
    if machinery.source_to_code is not _cached_source_to_code:
        machinery.source_to_code = _cached_source_to_code  # type: ignore[method-assign]
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return
    loaded = {getattr(m, "__file__", None) for m in list(sys.modules.values())}
    for root in spec.submodule_search_locations:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "__")))
            for name in sorted(f for f in filenames if f.endswith(".py")):
                path = os.path.join(dirpath, name)
                if path in loaded or path in _COMPILED:
                    continue
                try:
                    with open(path, "rb") as fh:
                        data = fh.read()
                    code = compile(data, path, "exec", dont_inherit=True)
                except (OSError, SyntaxError, ValueError):
                    continue  # the chapter importing it meets the same problem itself
                _COMPILED[path] = (data, code)
                yield path


def warm_steps(data: Path | None = None) -> Iterator[str]:
    """The template's idle work, one small step per item (the template forks a waiting chapter
    between two steps):

    * nbformat's compiled notebook schema (about 0,1 s per process; papermill validates each
      notebook it reads);
    * the parsed data manifest and every dataset in it, read and validated
      (:func:`analysis.data.datasets.read_dataset`): about 0,2 s once, instead of each chapter
      reading its dozen again. These caches check the file's bytes (sha256) and the manifest's
      bytes on every use, so a fork never gets data that changed after the template read it; a
      dataset that cannot be read is skipped here and reported by the chapter that reads it;
    * the package's modules the template has not imported, compiled (:func:`precompile`).

    Yields ``"schema"``, ``"manifest"``, ``"dataset"`` per dataset read, then ``"module"`` per
    module compiled.
    """
    compile_notebook_schema()
    yield "schema"
    from analysis.config.manifest import load_manifest
    from analysis.core.paths import data_dir
    from analysis.data.datasets import read_dataset

    folder = data or data_dir()
    try:
        manifest = load_manifest(folder)
    except Exception:  # noqa: BLE001 - the chapters report a broken manifest themselves
        manifest = {}
    else:
        yield "manifest"
    for name, entry in manifest.items():
        try:
            read_dataset(name, entry, folder)
        except Exception:  # noqa: BLE001, S112 - the chapter reading it reports it
            continue
        yield "dataset"
    for _ in precompile():
        yield "module"


def warm_book() -> list[str]:
    """In the book builder's template process: load what every book build loads or compiles.

    Sphinx imports its built-in extensions for every application, pydata-sphinx-theme loads
    every Pygments style (plugins too), and myst-nb compiles nbformat's schema validator; done
    once here, a build (a fork) starts with them. None of these has an effect on another module
    when loaded, so a build's output is the same. Returns the modules that failed to load.

    Examples
    --------
    >>> warm_book()  # doctest: +SKIP
    []
    """
    from sphinx.application import builtin_extensions

    failed = preload((*builtin_extensions, *BOOK_PRELOAD_MORE))
    with contextlib.suppress(Exception):
        from pygments.styles import get_all_styles

        list(get_all_styles())
    with contextlib.suppress(Exception):
        compile_notebook_schema()
    return failed


#: How much lower the book builder's loading runs than the chapters (``nice``): it loads while
#: the chapters run and must not slow them down; the book builds (forks) run at normal priority.
BOOK_NICE = 10


def in_background(load: Callable[[], T], nice: int) -> T:
    """Run ``load`` in a thread of lower priority (Linux gives each thread its own ``nice``) and
    return its result; this thread keeps its priority, and so do the processes it forks later.

    Examples
    --------
    >>> import os, threading
    >>> def own() -> int:
    ...     return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    >>> before = own()
    >>> in_background(own, 5) == min(before + 5, 19), own() == before
    (True, True)
    """
    result: list[T] = []
    errors: list[BaseException] = []

    def run() -> None:
        with contextlib.suppress(OSError, AttributeError):  # not Linux: same priority
            tid = threading.get_native_id()
            os.setpriority(os.PRIO_PROCESS, tid, os.getpriority(os.PRIO_PROCESS, tid) + nice)
        try:
            result.append(load())
        except BaseException as exc:  # noqa: BLE001 - raised in the calling thread
            errors.append(exc)

    thread = threading.Thread(target=run, name="laden")
    thread.start()
    thread.join()
    if errors:
        raise errors[0]
    return result[0]


def _send(message: dict[str, Any]) -> None:
    os.write(1, (json.dumps(message) + "\n").encode())


def _child(job: dict[str, Any], wake: tuple[int, int]) -> NoReturn:
    """In the fork for one chapter: own session, output to the log, run, exit."""
    code = 1
    try:
        os.setsid()
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        for fd in wake:
            os.close(fd)
        log = os.open(job["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.close(log)
        os.close(null)
        os.environ.update(job.get("env") or {})
        code = _run_job(job)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:  # noqa: BLE001 - reported in the log like any chapter failure
        import traceback

        traceback.print_exc()
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


def _run_job(job: dict[str, Any]) -> int:
    """A chapter (``python -m analysis.pipeline.execute … --warm``) or a book build
    (``jupyter-book …``), in this fork."""
    if job.get("soort") == "controle":
        from analysis.pipeline.datacheck import check_job

        return check_job(job["args"])
    if job.get("soort") == "boek":
        from jupyter_book.cli.main import main as jupyter_book

        sys.argv = ["jupyter-book", *job["args"]]
        jupyter_book.main(args=job["args"], prog_name="jupyter-book", standalone_mode=False)
        return 0
    from analysis.pipeline.execute import main

    return main([*job["args"], "--warm"])


def _reap(running: dict[int, Any]) -> None:
    while running:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        job_id = running.pop(pid, None)
        if job_id is not None:
            _send({"id": job_id, "code": os.waitstatus_to_exitcode(status)})


def serve(kind: str = "kernels") -> int:
    """The template process: load, say so, fork one process per job until input closes; in
    between, do the idle work (:func:`warm_steps`) a step at a time."""
    # like ipykernel_launcher: the folder python was started in is not on the kernel's path
    if sys.path and sys.path[0] == os.getcwd():
        del sys.path[0]
    idle: Iterator[str] = iter(())
    if kind == "kernels":
        failed = preload(KINDS[kind])
        idle = warm_steps()
    else:
        failed = in_background(lambda: preload(KINDS[kind]) + warm_book(), BOOK_NICE)
    gc.collect()
    gc.freeze()  # the forks share these pages; no collection in a fork copies them
    wake = os.pipe()
    for fd in wake:
        os.set_blocking(fd, False)
    signal.set_wakeup_fd(wake[1])
    signal.signal(signal.SIGCHLD, lambda *_: None)
    _send({"klaar": True, "niet_geladen": failed})
    running: dict[int, Any] = {}
    try:
        _loop(wake, running, idle)
    finally:
        for pid in running:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signal.SIGKILL)
    return 0


#: The line a build sends when no further chapter will come: the template stops its idle work.
NO_IDLE_WORK = {"geen_voorwerk": True}


def _loop(wake: tuple[int, int], running: dict[int, Any], idle: Iterator[str], fd: int = 0) -> None:
    """Fork a process per job line on ``fd`` (standard input) until it closes; reap the ended
    ones; do a step of ``idle`` work whenever nothing is waiting, until a line
    :data:`NO_IDLE_WORK` says it would only compete with the chapters already running."""
    buf = b""
    busy = True
    while True:
        ready, _, _ = select.select([fd, wake[0]], [], [], 0 if busy else None)
        if not ready:
            busy = next(idle, None) is not None
            continue
        if wake[0] in ready:
            with contextlib.suppress(BlockingIOError):
                while os.read(wake[0], 512):
                    pass
            _reap(running)
        if fd not in ready:
            continue
        data = os.read(fd, 65536)
        if not data:
            return
        buf += data
        while b"\n" in buf:
            line, buf = buf.split(b"\n", 1)
            job = json.loads(line)
            if job == NO_IDLE_WORK:
                idle, busy = iter(()), False
                continue
            pid = os.fork()
            if pid == 0:
                _child(job, wake)
            running[pid] = job["id"]
            _send({"id": job["id"], "pid": pid})
        _reap(running)


# ----------------------------------------------------------------------------- build side


class _Job:
    def __init__(self) -> None:
        self.pid: int | None = None
        self.code: int | None = None
        self.done = threading.Event()


class WarmPool:
    """The template process of a build (or of a preview session) and the chapters it runs.

    ``env`` is the chapters' environment (see :func:`analysis.pipeline.chapters.chapter_env`);
    ``key`` says what the loaded modules depend on (the package and environment hashes): a pool
    whose key differs from the build's must be restarted.

    Examples
    --------
    >>> with WarmPool(env, key="…") as pool:  # doctest: +SKIP
    ...     code, output = pool.run(["chapters/a.ipynb", "uit/a.ipynb", "--periode", "2025"], {})
    """

    def __init__(self, env: dict[str, str], key: str = "", kind: str = "kernels") -> None:
        self.key, self.kind = key, kind
        self._renderer = Renderer(env) if kind == "kernels" else None
        if self._renderer is not None:
            env = {**env, RENDER_SOCKET: self._renderer.socket}
        else:
            env = {**env, "PYTHONHASHSEED": "0"}
        self._lock = threading.Lock()
        self._jobs: dict[int, _Job] = {}
        self._next = 0
        self._ready = threading.Event()
        self._dead = threading.Event()
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "analysis.pipeline.warm", kind],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            start_new_session=True,
        )
        self._reader = threading.Thread(target=self._read, name="warme-kernels", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self._proc.stdout is not None
        for line in self._proc.stdout:
            msg = json.loads(line)
            if msg.get("klaar"):
                self._ready.set()
                continue
            job = self._jobs.get(msg["id"])
            if job is None:
                continue
            if "pid" in msg:
                job.pid = msg["pid"]
            if "code" in msg:
                job.code = msg["code"]
                job.done.set()
        self._dead.set()
        for job in list(self._jobs.values()):
            job.done.set()

    @property
    def alive(self) -> bool:
        """Whether the template process still runs."""
        return not self._dead.is_set() and self._proc.poll() is None

    @property
    def loaded(self) -> bool:
        """Whether the template process is done loading its modules (or is gone)."""
        return self._ready.is_set() or not self.alive

    def wait_ready(self, stop: threading.Event | None = None) -> bool:
        """Wait until the template process has loaded its modules; False if it is gone (or
        ``stop`` was set) first. A chapter's time is then its own, not the pool's start-up."""
        while not self._ready.wait(0.05):
            if not self.alive or (stop is not None and stop.is_set()):
                return False
        return True

    def no_idle_work(self) -> None:
        """Tell the template that no chapter will come after the ones this build starts at once:
        its idle work (reading every dataset, compiling modules, for later chapters) would then
        only take processor time from the running chapters. Ignored when the template is gone."""
        with self._lock, contextlib.suppress(OSError, ValueError):
            self._send_line(NO_IDLE_WORK)

    def _send_line(self, message: dict[str, Any]) -> None:
        """Write one message line to the template (the caller holds the lock)."""
        assert self._proc.stdin is not None
        self._proc.stdin.write((json.dumps(message) + "\n").encode())
        self._proc.stdin.flush()

    def run(
        self,
        args: list[str],
        env: dict[str, str],
        log: Path,
        on_pid: Callable[[int], Any],
        soort: str | None = None,
    ) -> int:
        """Run ``python -m analysis.pipeline.execute ARGS --warm`` as a fork; return its exit code.

        ``env`` is added to the template's environment; the fork's output goes to ``log``.
        ``on_pid`` is called with the fork's process id (its process group), so it can be killed.
        ``soort``: another job than the pool's own, ``"controle"`` (the build's data check,
        :func:`analysis.pipeline.datacheck.check_job`).

        Raises
        ------
        PoolError
            When the template process is gone.
        """
        job = _Job()
        with self._lock:
            if not self.alive:
                raise PoolError("de warme kernels zijn gestopt")
            self._next += 1
            job_id = self._next
            self._jobs[job_id] = job
            message = {
                "id": job_id,
                "args": args,
                "env": env,
                "log": str(log),
                "soort": soort or self.kind,
            }
            try:
                self._send_line(message)
            except OSError as exc:
                raise PoolError(f"de warme kernels zijn gestopt: {exc}") from exc
        told = False
        while not job.done.wait(0.02):
            if job.pid is not None and not told:
                on_pid(job.pid)
                told = True
        self._jobs.pop(job_id, None)
        if job.code is None:
            raise PoolError("de warme kernels zijn gestopt tijdens een hoofdstuk")
        return job.code

    def close(self) -> None:
        """Stop the template process (it kills what still runs)."""
        with contextlib.suppress(OSError, ValueError):
            if self._proc.stdin is not None:
                self._proc.stdin.close()
        try:
            self._proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self._proc.pid, signal.SIGKILL)
            self._proc.wait()
        self._reader.join(timeout=5)
        if self._renderer is not None:
            self._renderer.close()

    def kill(self) -> None:
        """Stop the template process at once, also while it still loads (a failed or interrupted
        build does not wait for it), then clean up as :meth:`close` does."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self._proc.pid, signal.SIGKILL)
        if self._renderer is not None:
            self._renderer.close(now=True)
        self.close()

    def __enter__(self) -> WarmPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class WarmKernels:
    """The warm pools kept for a series of builds (the preview): the chapters' and the book
    builder's, each restarted when its key (project, package and environment hashes) changes or
    when it stopped.

    Examples
    --------
    >>> kernels = WarmKernels()
    >>> kernels.close()  # nothing started yet: nothing to stop
    """

    def __init__(self) -> None:
        self._pools: dict[str, WarmPool] = {}

    def _get(self, kind: str, env: dict[str, str], key: str) -> WarmPool:
        pool = self._pools.get(kind)
        if pool is None or pool.key != key or not pool.alive:
            if pool is not None:
                pool.close()
            pool = self._pools[kind] = WarmPool(env, key, kind)
        return pool

    def pool(self, env: dict[str, str], key: str) -> WarmPool:
        """The chapters' pool for ``key``: the running one, or a new one."""
        return self._get("kernels", env, key)

    def book_server(self, env: dict[str, str], key: str) -> WarmPool:
        """The warm book builder for ``key`` (Jupyter Book loaded): the running one, or new."""
        return self._get("boek", env, key)

    def close(self) -> None:
        """Stop every pool that runs."""
        for pool in self._pools.values():
            pool.close()
        self._pools.clear()


if __name__ == "__main__":
    code = serve(*sys.argv[1:2])
    # a template has nothing to write or close at its end: skip tearing down an interpreter
    # with pandas or Sphinx loaded (a tenth of a second that every build waited for)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
