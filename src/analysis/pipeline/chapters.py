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
from typing import Any

from analysis.core.errors import BuildError
from analysis.pipeline.pages import Page
from analysis.pipeline.state import ChapterRun

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


def _run_once(
    page: Page, out: Path, periode: str, root: Path, abort: Abort
) -> tuple[int, str, list[str]]:
    """One attempt: (exit code, stderr, lines of the deps file)."""
    fd, deps_path = tempfile.mkstemp(prefix="wmo-", suffix=".deps")
    os.close(fd)
    args = [str(page.path), str(out), "--periode", periode, "--cwd", str(root)]
    try:
        code, stderr = _run_fresh(args, chapter_env(root, deps_path), abort)
        return code, stderr, Path(deps_path).read_text(encoding="utf-8").splitlines()
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


def execute_page(
    page: Page,
    out: Path,
    periode: str,
    root: Path,
    *,
    retries: int = 2,
    abort: Abort | None = None,
) -> tuple[list[str], int, float, bool]:
    """Run one chapter; return (datasets read, attempts, seconds, enumerated the whole manifest).

    A failure to start the kernel (a known race when several start at once) is retried
    ``retries`` times; an error in a cell is not.

    Raises
    ------
    BuildError
        With the chapter's name and the failing cell's error.

    Examples
    --------
    >>> execute_page(page, Path("uit.ipynb"), "2025", root)  # doctest: +SKIP
    (['bevolking_leeftijd'], 1, 3.8, False)
    """
    start = time.perf_counter()
    abort = abort or Abort()
    for attempt in range(1, retries + 2):
        code, stderr, deps_lines = _run_once(page, out, periode, root, abort)
        if abort.event.is_set():
            raise BuildError(f"hoofdstuk '{page.label}' afgebroken")
        if code == 0:
            deps = [json.loads(line) for line in deps_lines if line.strip()]
            names = sorted({d["dataset"] for d in deps if "dataset" in d})
            whole = any(d.get("manifest") for d in deps)
            return names, attempt, time.perf_counter() - start, whole
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
) -> tuple[list[ChapterRun], list[BuildError]]:
    """Run chapters in a bounded pool; return (succeeded, errors).

    Pending chapters are cancelled after the first failure; an interruption kills every running
    chapter and re-raises. ``on_problem`` registers a callback that stops the pool (used by the
    data check running alongside).
    """
    if not todo:
        return [], []
    workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    abort = Abort()
    failed = threading.Event()
    progress = _Progress(len(todo))

    def one(run: ChapterRun) -> ChapterRun:
        if failed.is_set() or abort.event.is_set():
            raise _Skipped()
        say(f"  > {run.page.label}: uitvoeren ({'; '.join(run.reasons)})")
        out = staging / f"{run.page.doc}.ipynb"
        out.parent.mkdir(parents=True, exist_ok=True)
        names, attempts, secs, whole = execute_page(run.page, out, periode, root, abort=abort)
        run.datasets, run.attempts, run.seconds = names, attempts, secs
        run.manifest_names = [] if whole else None
        extra = f", {attempts} pogingen" if attempts > 1 else ""
        say(f"  ✓ {run.page.label} ({secs:.1f} s{extra}) {progress.next()}")
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
