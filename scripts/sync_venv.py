"""Make an environment hold exactly what the lock lists: uninstall every other distribution.

``pip install --require-hashes -r requirements.txt`` adds and upgrades, but never removes a
package the lock no longer lists (say, one a dependency dropped). Run with the environment's own
Python after that install (``make`` does)::

    .venv/bin/python scripts/sync_venv.py requirements.txt [--keep wmo-analysis]

Only the standard library and ``packaging`` (in the lock; pip's own copy otherwise) are used.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

try:
    from packaging.markers import Marker
    from packaging.utils import canonicalize_name
except ImportError:  # an environment with only pip in it: pip's own copy
    from pip._vendor.packaging.markers import Marker
    from pip._vendor.packaging.utils import canonicalize_name

_LINE = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==[^\s;\\]+\s*(?:;\s*([^\\]+?))?\s*\\?$")


def locked_names(lock_text: str) -> set[str]:
    """Canonical names of the lock's requirements whose markers hold for this interpreter.

    Examples
    --------
    >>> sorted(locked_names("Pandas==2.2.3 \\\\\\n    --hash=sha256:ab\\nappnope==1 ; sys_platform == 'nope'\\n"))
    ['pandas']
    """
    names = set()
    for line in lock_text.splitlines():
        m = _LINE.match(line.strip())
        if m and (m.group(2) is None or Marker(m.group(2)).evaluate()):
            names.add(canonicalize_name(m.group(1)))
    return names


def installed_names() -> set[str]:
    """Canonical names of every distribution installed in this environment."""
    return {canonicalize_name(d.metadata["Name"]) for d in metadata.distributions()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Verwijder wat niet in de lock staat.")
    parser.add_argument("lock", type=Path)
    parser.add_argument("--keep", action="append", default=["wmo-analysis"])
    args = parser.parse_args(argv)
    keep = locked_names(args.lock.read_text(encoding="utf-8"))
    keep |= {canonicalize_name(k) for k in args.keep}
    extra = sorted(installed_names() - keep)
    if extra:
        print("verwijderd (niet in de lock): " + ", ".join(extra))
        cmd = [sys.executable, "-m", "pip", "uninstall", "--yes", "--quiet", *extra]
        return subprocess.call(cmd)
    return 0


if __name__ == "__main__":
    sys.exit(main())
