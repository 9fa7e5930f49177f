"""Dutch number formatting for prose, tables and glued figures (nl-NL: ``1.234,5``)."""

from __future__ import annotations

import math
from typing import Any


def _is_missing(x: Any) -> bool:
    try:
        return x is None or (isinstance(x, float) and math.isnan(x)) or str(x) == "<NA>"
    except TypeError:  # pragma: no cover
        return False


def getal(x: Any, decimalen: int = 0) -> str:
    """Format a number the Dutch way.

    Missing values become ``"–"`` (niet beschikbaar of onderdrukt).

    Examples
    --------
    >>> getal(27589)
    '27.589'
    >>> getal(1234.56, 1)
    '1.234,6'
    >>> getal(-0.04, 1)
    '0,0'
    >>> getal(float("nan"))
    '–'
    """
    if _is_missing(x):
        return "–"
    x = float(x)
    text = f"{abs(x):,.{decimalen}f}"
    text = text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")
    negative = x < 0 and any(c not in "0.," for c in text)
    return ("-" if negative else "") + text


def procent(x: Any, decimalen: int = 1) -> str:
    """Format a percentage (already ×100), e.g. ``procent(18.44)`` → ``'18,4%'``.

    Examples
    --------
    >>> procent(18.44)
    '18,4%'
    """
    return "–" if _is_missing(x) else f"{getal(x, decimalen)}%"


def verschil(x: Any, decimalen: int = 0, eenheid: str = "") -> str:
    """A signed change, e.g. ``verschil(120)`` → ``'+120'``, ``verschil(-2.5, 1, ' procentpunt')``.

    Examples
    --------
    >>> verschil(1200)
    '+1.200'
    >>> verschil(-2.5, 1, " procentpunt")
    '-2,5 procentpunt'
    """
    if _is_missing(x):
        return "–"
    body = getal(x, decimalen)
    sign = "+" if float(x) > 0 and body.strip("0,.") else ""
    return f"{sign}{body}{eenheid}"
