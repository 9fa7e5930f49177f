"""Running the chapters of a build: a bounded pool, retries when a kernel fails to start, abort.

Each chapter runs as ``python -m analysis.pipeline.execute`` in its own process group (so that an
interrupted or failed build can stop it and its kernel). The datasets a chapter reads are recorded
by :func:`analysis.data.datasets.load` in the file named by ``WMO_DEPS_FILE``.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple

from analysis.core.errors import BuildError
from analysis.pipeline.pages import Page
from analysis.pipeline.schedule import max_workers
from analysis.pipeline.state import ChapterRun, newest_source_time
from analysis.pipeline.warm import PoolError, WarmPool

KERNEL_START_ERRORS = (
    "Kernel died before replying",
    "Kernel didn't respond",
    "kernel_info",
    "Address already in use",
    "ZMQError",
    "DeadKernelError",
)


def _is_kernel_start_failure(stderr: str) -> bool:
    return "WMO-FOUT" not in stderr and any(s in stderr for s in KERNEL_START_ERRORS)


class Abort:
    """Running chapter process groups, so an interrupted or failed build can stop them all."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self._groups: set[int] = set()
        self._lock = threading.Lock()

    def add(self, pid: int) -> None:
        """Track a running chapter's process group (killed at once if the build is stopping)."""
        with self._lock:
            self._groups.add(pid)
            if self.event.is_set():
                kill_group(pid)

    def remove(self, pid: int) -> None:
        """Forget a finished chapter."""
        with self._lock:
            self._groups.discard(pid)

    def stop(self) -> None:
        """Stop the build: kill every running chapter and start no new one."""
        with self._lock:
            self.event.set()
            for pid in self._groups:
                kill_group(pid)


def kill_group(pid: int) -> None:
    """Kill a process group (a chapter and its kernel); gone already is fine."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def chapter_env(root: Path, deps_path: str) -> dict[str, str]:
    """The environment a chapter runs in (project root, deps file, fixed hash seed)."""
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


def early_kernels(
    root: Path, label: str, *, force: bool, out_root: Path | None = None
) -> WarmPool | None:
    """The chapters' warm kernels, started before the build has even read its parameters.

    Loading them takes a second; started first, that second overlaps with the build's own
    start-up (reading parameters and manifest, deciding what changed). They are started when
    every chapter will run (no earlier build of period ``label``: no ``state.json``; or
    ``force``: ``--opnieuw``) and when a source of the edition
    (:data:`analysis.pipeline.state.STAMPED_PATHS`) is newer than the last build's state
    (something probably runs). Otherwise None:
    the build starts them itself if it finds something to run after all; a build that runs
    nothing starts nothing. The build hands the pool on or stops it
    (:attr:`analysis.pipeline.build.BuildOptions.early`).
    """
    state = (out_root or root / "_build") / label / "state.json"
    if not force and state.is_file() and newest_source_time(root) < int(state.stat().st_mtime):
        return None
    return WarmPool(chapter_env(root, ""))


def _run_once(
    page: Page, out: Path, periode: str, root: Path, abort: Abort, pool: WarmPool | None
) -> tuple[int, str, list[str], bool]:
    """One attempt: (exit code, output, lines of the deps file, ran warm)."""
    fd, deps_path = tempfile.mkstemp(prefix="wmo-", suffix=".deps")
    os.close(fd)
    args = [str(page.path), str(out), "--periode", periode, "--cwd", str(root)]
    try:
        result: tuple[int, str, bool] | None = None
        if pool is not None:
            with contextlib.suppress(PoolError):
                result = (*_run_warm(pool, args, deps_path, abort), True)
        if result is None:
            result = (*_run_fresh(args, chapter_env(root, deps_path), abort), False)
        lines = Path(deps_path).read_text(encoding="utf-8").splitlines()
        return result[0], result[1], lines, pool is not None and result[2]
    finally:
        Path(deps_path).unlink(missing_ok=True)


def _run_fresh(args: list[str], env: dict[str, str], abort: Abort) -> tuple[int, str]:
    """Run the chapter in a new process with a new kernel (papermill starts it)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "analysis.pipeline.execute", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )
    abort.add(proc.pid)
    try:
        _, stderr = proc.communicate()
    except BaseException:
        kill_group(proc.pid)
        proc.wait()
        raise
    finally:
        abort.remove(proc.pid)
    return proc.returncode, stderr


def _ended(code: int) -> str:
    """A last line for a warm chapter whose process ended without saying why.

    The kernel runs in the chapter's process, so a cell that ends the process (``os._exit``,
    a crash, the kernel's memory killed) ends it with its exit code, not with a message.

    Examples
    --------
    >>> _ended(0), _ended(1)
    ('', '')
    >>> _ended(3)
    '\\nhet hoofdstuk beëindigde zijn proces (exitcode 3)\\n'
    >>> _ended(-9)
    '\\nhet proces van het hoofdstuk is gestopt door signaal 9 (SIGKILL)\\n'
    """
    if code in (0, 1):  # 1: papermill's own failure, reported in the log (WMO-FOUT)
        return ""
    if code < 0:
        name = signal.Signals(-code).name
        return f"\nhet proces van het hoofdstuk is gestopt door signaal {-code} ({name})\n"
    return f"\nhet hoofdstuk beëindigde zijn proces (exitcode {code})\n"


def _run_warm(pool: WarmPool, args: list[str], deps_path: str, abort: Abort) -> tuple[int, str]:
    """Run the chapter in a fork of the warm pool's template process."""
    fd, log = tempfile.mkstemp(prefix="wmo-", suffix=".log")
    os.close(fd)
    pids: list[int] = []

    def started(pid: int) -> None:
        pids.append(pid)
        abort.add(pid)

    try:
        code = pool.run(args, {"WMO_DEPS_FILE": deps_path}, Path(log), started)
        return code, Path(log).read_text(encoding="utf-8", errors="replace") + _ended(code)
    finally:
        for pid in pids:
            abort.remove(pid)
        Path(log).unlink(missing_ok=True)


def _failure(page: Page, root: Path, stderr: str) -> BuildError:
    """The user's message for a chapter that failed: the cell and its error, or the output."""
    detail = stderr.strip().splitlines()
    fout = next((line for line in reversed(detail) if line.startswith("WMO-FOUT ")), None)
    if not fout:
        return BuildError(
            f"hoofdstuk '{page.label}' kon niet worden uitgevoerd:\n  " + "\n  ".join(detail[-8:])
        )
    info = json.loads(fout[len("WMO-FOUT ") :])
    msg = (
        f"hoofdstuk '{page.label}' ({page.path.relative_to(root).as_posix()}) faalt in cel "
        f"{info['cel']}: {info['fout']}: {info['melding']}"
    )
    if info.get("code"):
        msg += f"\n  cel begint met: {info['code']}"
    return BuildError(msg)


class Execution(NamedTuple):
    """What running a chapter found."""

    datasets: list[str]  # the datasets it read
    attempts: int
    seconds: float
    whole_manifest: bool  # it enumerated every dataset of the manifest
    warm: bool  # it ran in a warm kernel


def execute_page(
    page: Page,
    out: Path,
    periode: str,
    root: Path,
    *,
    retries: int = 2,
    abort: Abort | None = None,
    pool: WarmPool | None = None,
) -> Execution:
    """Run one chapter into ``out``; return what it read, how long it took and how it ran.

    With a warm ``pool`` the chapter runs in a fork of its template process, kernel included (see
    :mod:`analysis.pipeline.warm`), otherwise papermill starts a fresh one. A failure to start the
    kernel (a known race when several start at once) is retried ``retries`` times; an error in a
    cell is not.

    Raises
    ------
    BuildError
        With the chapter's name and the failing cell's error.

    Examples
    --------
    >>> execute_page(page, Path("uit.ipynb"), "2025", root).datasets  # doctest: +SKIP
    ['bevolking_leeftijd']
    """
    abort = abort or Abort()
    if pool is not None:
        pool.wait_ready(abort.event)  # the pool's start-up is not this chapter's time
    start = time.perf_counter()
    for attempt in range(1, retries + 2):
        live = pool if pool is not None and pool.alive else None
        code, stderr, deps_lines, warm = _run_once(page, out, periode, root, abort, live)
        if abort.event.is_set():
            raise BuildError(f"hoofdstuk '{page.label}' afgebroken")
        if code == 0:
            deps = [json.loads(line) for line in deps_lines if line.strip()]
            names = sorted({d["dataset"] for d in deps if "dataset" in d})
            whole = any(d.get("manifest") for d in deps)
            return Execution(names, attempt, time.perf_counter() - start, whole, warm)
        if attempt <= retries and _is_kernel_start_failure(stderr):
            time.sleep(0.5 * attempt)
            continue
        break
    raise _failure(page, root, stderr)


class _Skipped(Exception):
    """A chapter not started because another one failed first."""


class _Progress:
    """Counts finished chapters for the ``[n/total]`` in the messages."""

    def __init__(self, total: int) -> None:
        self.total = total
        self._n = 0
        self._lock = threading.Lock()

    def next(self) -> str:
        with self._lock:
            self._n += 1
            return f"[{self._n}/{self.total}]"


def execute_all(
    todo: list[ChapterRun],
    staging: Path,
    periode: str,
    root: Path,
    jobs: int | None,
    say: Callable[[str], None],
    on_problem: Callable[[Callable[[], Any]], None] | None = None,
    pool: WarmPool | None = None,
) -> tuple[list[ChapterRun], list[BuildError]]:
    """Run chapters in a bounded pool; return (succeeded, errors).

    Pending chapters are cancelled after the first failure; an interruption kills every running
    chapter and re-raises. ``on_problem`` registers a callback that stops the pool (used by the
    data check running alongside).
    """
    if not todo:
        return [], []
    workers = min(max_workers(jobs), len(todo))
    abort = Abort()
    failed = threading.Event()
    progress = _Progress(len(todo))

    def one(run: ChapterRun) -> ChapterRun:
        if failed.is_set() or abort.event.is_set():
            raise _Skipped()
        say(f"  > {run.page.label}: uitvoeren ({'; '.join(run.reasons)})")
        out = staging / f"{run.page.doc}.ipynb"
        out.parent.mkdir(parents=True, exist_ok=True)
        ex = execute_page(run.page, out, periode, root, abort=abort, pool=pool)
        run.datasets, run.attempts, run.seconds = ex.datasets, ex.attempts, ex.seconds
        run.manifest_names = [] if ex.whole_manifest else None
        run.warm = ex.warm
        extra = f", {ex.attempts} pogingen" if ex.attempts > 1 else ""
        extra += "" if ex.warm or pool is None else ", nieuwe kernel"
        say(f"  ✓ {run.page.label} ({ex.seconds:.1f} s{extra}) {progress.next()}")
        return run

    if on_problem is not None:
        on_problem(lambda: (failed.set(), abort.stop()))
    done: list[ChapterRun] = []
    errors: list[BuildError] = []
    executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="hoofdstuk")
    try:
        for fut in [executor.submit(one, r) for r in todo]:
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
        executor.shutdown(wait=True, cancel_futures=True)
    return done, errors
