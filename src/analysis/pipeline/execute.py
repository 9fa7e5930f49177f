"""Execute one chapter notebook with papermill and normalise the result (one process per chapter).

Run by the build as ``python -m analysis.pipeline.execute TEMPLATE OUTPUT --periode 2025 --cwd ROOT``
(a fresh kernel started by papermill), or called as :func:`main` in a process forked from the warm
pool (:mod:`analysis.pipeline.warm`) with ``--warm``: then the kernel runs in this process, which
already has the heavy imports loaded (:mod:`analysis.pipeline.inprocess`), and papermill executes
through it (parameters cell, cell by cell, exactly as with a fresh kernel). The executed copy is made deterministic and ready for
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
import sys
from pathlib import Path
from typing import Any

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


def run(template: str, output: str, periode: str, cwd: str | None, *, warm: bool = False) -> int:
    """Execute ``template`` into ``output`` (normalised); 0, or 1 with ``WMO-FOUT`` on stderr.

    ``warm``: the kernel lives in this process (:mod:`analysis.pipeline.inprocess`; this process
    is a fork of the warm pool's template, the libraries are loaded); otherwise papermill starts a
    fresh kernel process. Papermill executes either way, and the results are the same bytes.
    """
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    extra: dict[str, Any] = {}
    if warm:
        extra["km"] = _in_process_kernel()
    try:
        nb = pm.execute_notebook(
            template,
            None,  # written once, below, after normalising
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
        if "km" in extra:
            extra["km"].shutdown_kernel()
    normalise(nb)
    Path(output).write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
    return 0


def _in_process_kernel() -> Any:  # noqa: ANN401 - jupyter_client type
    """The warm kernel: in this process, charts converted by the build's renderer if it runs."""
    renderer = os.environ.pop("WMO_RENDERER", None)
    if renderer:
        from analysis.pipeline.render import install

        install(renderer)
    from analysis.pipeline.inprocess import start_kernel

    return start_kernel()


def main(argv: list[str] | None = None) -> int:
    """Command-line entry (used by the build)."""
    ap = argparse.ArgumentParser(prog="analysis.pipeline.execute")
    ap.add_argument("template")
    ap.add_argument("output")
    ap.add_argument("--periode", required=True)
    ap.add_argument("--cwd", default=None)
    ap.add_argument("--warm", action="store_true", help="the kernel in this process")
    args = ap.parse_args(argv)
    return run(args.template, args.output, args.periode, args.cwd, warm=args.warm)


if __name__ == "__main__":
    sys.exit(main())
