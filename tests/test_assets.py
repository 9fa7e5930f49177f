"""The Vega bundle shipped with every edition (:mod:`analysis.present.assets`)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_the_bundle_is_made_without_the_converters_chatter(tmp_path):
    """Making the bundle (vl-convert reports its tree shaker's passes on standard error) writes
    nothing to the terminal; the bundle is cached under the vl-convert version and defines
    ``vegaEmbed`` inside its own function scope."""
    code = (
        "import sys\n"
        "from analysis.present.assets import vega_bundle\n"
        "b = vega_bundle()\n"
        "sys.stdout.write(str(len(b)))\n"
        "print('nog steeds', file=sys.stderr)\n"
    )
    env = {"WMO_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stderr == "nog steeds\n"  # standard error works again after the bundle
    assert int(out.stdout) > 100_000
    (cached,) = tmp_path.glob("vega-bundle-vl-convert-*.js")
    data = cached.read_bytes()
    assert b"window.vegaEmbed" in data
    from analysis.present.assets import _own_scope

    assert _own_scope(data) == b"(function () {\n" + data + b"\n})();\n"
