"""Execute one chapter notebook with papermill and normalise the result (one process per chapter).

Run by the build as ``python -m analysis.pipeline.execute TEMPLATE OUTPUT --periode 2025 --cwd ROOT``
(a fresh kernel started by papermill), or called as :func:`main` in a process forked from the warm
pool (:mod:`analysis.pipeline.warm`) with ``--warm``: then the kernel is forked from this process,
which already has the heavy imports loaded, and papermill executes through it (parameters cell,
cell by cell, exactly as with a fresh kernel). The executed copy is made deterministic and ready for
the book:

* papermill's timing and path metadata and per-cell execution times are removed;
* code cells get the ``remove-input`` tag (the book shows results, not code) and the parameter cells
  ``remove-cell``;
* stderr streams are dropped.

On a failing cell it prints one JSON line prefixed with ``WMO-FOUT`` (cell number, error type and
message, the cell's first line) on stderr and exits with 1.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Any, NoReturn

import nbformat

STRIP_NB_META = (
    "duration",
    "end_time",
    "start_time",
    "exception",
    "input_path",
    "output_path",
    "environment_variables",
    "version",
    "default_parameters",
)


def normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Remove run-dependent metadata and tag cells for the book (pure, in place; returns ``nb``)."""
    pm = nb.metadata.get("papermill")
    if pm is not None:
        for k in STRIP_NB_META:
            pm.pop(k, None)
    nb.metadata.pop("widgets", None)
    for i, cell in enumerate(nb.cells, start=1):
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        cell["id"] = f"cel-{i:02d}"
        if cell.cell_type != "code":
            continue
        tags = list(cell.metadata.get("tags", []))
        if "parameters" in tags or "injected-parameters" in tags:
            want = "remove-cell"
        else:
            want = "remove-input"
        if want not in tags:
            tags.append(want)
        cell.metadata["tags"] = tags
        cell.outputs = [
            o
            for o in cell.outputs
            if not (o.get("output_type") == "stream" and o.get("name") == "stderr")
        ]
        cell.execution_count = None
        for o in cell.outputs:
            if "execution_count" in o:
                o["execution_count"] = None
    nb.nbformat_minor = max(nb.nbformat_minor, 5)
    return nb


class ForkedProcess:
    """A kernel process forked by this process, with the part of ``Popen`` jupyter_client uses."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None
        self.stdin = self.stdout = self.stderr = None

    def poll(self) -> int | None:
        """The exit code, or None while the kernel runs."""
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        """Wait for the kernel to end; return its exit code."""
        if self.returncode is None:
            _, status = os.waitpid(self.pid, 0)
            self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        """Send ``signum`` to the kernel (if it still runs)."""
        if self.returncode is None:
            os.kill(self.pid, signum)

    def kill(self) -> None:
        """Kill the kernel."""
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        """Ask the kernel to end."""
        self.send_signal(signal.SIGTERM)


def _kernel_main(connection_file: str, cwd: str | None) -> NoReturn:
    """Run an IPython kernel in this (forked) process, as ``python -m ipykernel_launcher`` would."""
    code = 1
    try:
        if cwd:
            os.chdir(cwd)
        os.environ["JPY_PARENT_PID"] = str(os.getppid())
        renderer = os.environ.pop("WMO_RENDERER", None)
        if renderer:
            from analysis.pipeline.render import install

            install(renderer)
        from ipykernel.kernelapp import IPKernelApp

        IPKernelApp.launch_instance(
            argv=["-f", connection_file, "--HistoryManager.hist_file=:memory:"]
        )
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0
    except BaseException:  # noqa: BLE001 - reported on stderr, like a kernel that fails to start
        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
            try:
                stream.flush()
            except Exception:  # noqa: BLE001, S110 - exiting anyway
                pass
        os._exit(code)


def start_forked_kernel(cwd: str | None, folder: str) -> Any:  # noqa: ANN401 - jupyter_client type
    """A kernel manager whose kernel is a fork of this process (imports already loaded).

    The connection file goes into ``folder``. The kernel is a child of this process, so its end
    is seen by ``waitpid`` like a kernel started by jupyter_client.
    """
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_client.provisioning.local_provisioner import LocalProvisioner

    km = AsyncKernelManager(kernel_name="python3")
    km.kernel_id = os.path.basename(folder)
    km.connection_file = os.path.join(folder, "kernel.json")
    km.write_connection_file()
    pid = os.fork()
    if pid == 0:
        _kernel_main(km.connection_file, cwd)
    prov = LocalProvisioner(kernel_id=km.kernel_id, kernel_spec=km.kernel_spec, parent=km)
    prov.process = ForkedProcess(pid)
    prov.pid, prov.pgid = pid, os.getpgid(pid)
    prov.connection_info = km.get_connection_info()
    km.provisioner = prov
    return km


def run(template: str, output: str, periode: str, cwd: str | None, *, warm: bool = False) -> int:
    """Execute ``template`` into ``output`` (normalised); 0, or 1 with ``WMO-FOUT`` on stderr."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    extra: dict[str, Any] = {}
    folder = tempfile.mkdtemp(prefix="wmo-kernel-") if warm else None
    if folder is not None:
        extra["km"] = start_forked_kernel(cwd, folder)
    try:
        pm.execute_notebook(
            template,
            output,
            parameters={"periode": str(periode)},
            kernel_name="python3",
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,
            cwd=cwd,
            **extra,
        )
    except PapermillExecutionError as exc:
        first = (exc.source or "").strip().splitlines()[:1]
        info = {
            "cel": exc.exec_count,
            "fout": exc.ename,
            "melding": str(exc.evalue).strip(),
            "code": first[0] if first else "",
        }
        print("WMO-FOUT " + json.dumps(info, ensure_ascii=False), file=sys.stderr)
        return 1
    finally:
        if folder is not None:
            _stop_forked(extra["km"], folder)
    nb = nbformat.read(output, as_version=4)
    normalise(nb)
    Path(output).write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
    return 0


def _stop_forked(km: Any, folder: str) -> None:  # noqa: ANN401 - jupyter_client type
    """Kill a forked kernel, reap it, remove its connection file."""
    proc = km.provisioner.process
    if proc is not None:
        proc.kill()
        proc.wait()
    for name in os.listdir(folder):
        os.unlink(os.path.join(folder, name))
    os.rmdir(folder)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry (used by the build)."""
    ap = argparse.ArgumentParser(prog="analysis.pipeline.execute")
    ap.add_argument("template")
    ap.add_argument("output")
    ap.add_argument("--periode", required=True)
    ap.add_argument("--cwd", default=None)
    ap.add_argument("--warm", action="store_true", help="kernel forked from this process")
    args = ap.parse_args(argv)
    return run(args.template, args.output, args.periode, args.cwd, warm=args.warm)


if __name__ == "__main__":
    sys.exit(main())
