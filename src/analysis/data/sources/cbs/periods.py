"""CBS period keys (``2024JJ00``, ``2025HJ01``, …) as the report's period codes.

The report's codes are defined once in :data:`analysis.core.codes.PERIOD_RE`; this module only
translates CBS's own keys into them.
"""

from __future__ import annotations

import re

from analysis.core.codes import PERIOD_RE
from analysis.core.errors import FetchError

#: CBS period kinds: ``JJ`` year, ``HJ`` half-year, ``KW`` quarter, ``MM`` month.
PERIOD_KINDS = ("JJ", "HJ", "KW", "MM")
_CBS_PERIOD_RE = re.compile(r"^(\d{4})(JJ|HJ|KW|MM)(\d{2})$")


def normalise_period(key: str) -> str:
    """Convert a CBS period key to the report's period code (``data/README.md``).

    Parameters
    ----------
    key
        A CBS key such as ``2024JJ00`` (year), ``2024HJ01`` (half-year), ``2024KW03`` (quarter)
        or ``2024MM03`` (month); surrounding spaces are ignored.

    Returns
    -------
    str
        ``2024``, ``2024H1``, ``2024Q3`` or ``2024-03``.

    Raises
    ------
    FetchError
        For any other code (e.g. school years ``2024SJ00``).

    Examples
    --------
    >>> [normalise_period(k) for k in ["2024JJ00", "2024HJ02", "2024KW03", "2024MM03"]]
    ['2024', '2024H2', '2024Q3', '2024-03']
    """
    m = _CBS_PERIOD_RE.match(key.strip())
    out = None
    if m:
        year, kind, n = m.group(1), m.group(2), int(m.group(3))
        if kind == "JJ" and n == 0:
            out = year
        elif kind == "HJ" and n in (1, 2):
            out = f"{year}H{n}"
        elif kind == "KW" and 1 <= n <= 4:
            out = f"{year}Q{n}"
        elif kind == "MM" and 1 <= n <= 12:
            out = f"{year}-{n:02d}"
    if out is None or not PERIOD_RE.match(out):
        raise FetchError(
            f"onbekende CBS-periodecode '{key.strip()}' (verwacht bijvoorbeeld 2024JJ00, "
            "2024HJ01, 2024KW03 of 2024MM03)"
        )
    return out


def period_kind(key: str) -> str:
    """The kind of a CBS period key (``JJ``, ``HJ``, ``KW``, ``MM``; ``""`` if unknown).

    Examples
    --------
    >>> period_kind("2025HJ01"), period_kind("  2024JJ00 "), period_kind("x")
    ('HJ', 'JJ', '')
    """
    m = _CBS_PERIOD_RE.match(key.strip())
    return m.group(2) if m else ""
