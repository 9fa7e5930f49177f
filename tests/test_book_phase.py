"""The start-up and the book phase of a build (issue 17.4): what a build starts, and when.

- the command line and the build module load without pandas (the chapters need it, the
  build's own process does not);
"""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_build_command_loads_without_pandas():
    code = (
        "import sys, analysis.cli, analysis.pipeline.build\n"
        "print(sorted(m for m in ('pandas', 'numpy', 'altair') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "[]"
