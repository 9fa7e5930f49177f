"""Survey statistics: proportions with 95% intervals and honest comparisons.

Percentages from surveys (GGD Gezondheidsmonitor, cliëntervaringsonderzoek) are estimates; the
report shows them with a 95% interval and calls a difference significant only when the interval of
the difference excludes zero.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

Z95 = 1.959963984540054


def wilson_interval(successes: float, n: float, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for a proportion, in percent.

    Better than the normal approximation for small ``n`` and shares near 0 or 100%.

    Parameters
    ----------
    successes
        Number of respondents with the characteristic (may be a weighted, non-integer count).
    n
        Number of respondents.

    Examples
    --------
    >>> [round(x, 1) for x in wilson_interval(45, 50)]
    [78.6, 95.7]
    >>> wilson_interval(0, 0)
    (nan, nan)
    """
    if n <= 0:
        return (math.nan, math.nan)
    p = successes / n
    denom = 1 + z**2 / n
    centre = (p + z**2 / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / denom
    return (100 * max(0.0, centre - half), 100 * min(1.0, centre + half))


def add_intervals(
    df: pd.DataFrame, *, pct: str = "percentage", n: str = "n", prefix: str = ""
) -> pd.DataFrame:
    """Add ``<prefix>ondergrens`` and ``<prefix>bovengrens`` (95% Wilson, in %) to a table of
    percentages with their number of respondents.

    Examples
    --------
    >>> t = add_intervals(pd.DataFrame({"percentage": [90.0], "n": [50]}))
    >>> round(float(t["ondergrens"].iloc[0]), 1), round(float(t["bovengrens"].iloc[0]), 1)
    (78.6, 95.7)
    """
    out = df.copy()
    lo, hi = [], []
    for p, k in zip(out[pct], out[n], strict=True):
        if pd.isna(p) or pd.isna(k):
            lo.append(np.nan)
            hi.append(np.nan)
            continue
        a, b = wilson_interval(float(p) / 100 * float(k), float(k))
        lo.append(a)
        hi.append(b)
    out[f"{prefix}ondergrens"] = lo
    out[f"{prefix}bovengrens"] = hi
    return out


def difference(p1: float, n1: float, p2: float, n2: float, z: float = Z95) -> tuple[float, float]:
    """Difference ``p1 - p2`` of two independent percentages and the half-width of its 95% interval
    (normal approximation), both in percentage points.

    Examples
    --------
    >>> d, m = difference(30.0, 400, 25.0, 400)
    >>> round(d, 1), round(m, 1)
    (5.0, 6.2)
    """
    a, b = p1 / 100, p2 / 100
    se = math.sqrt(a * (1 - a) / n1 + b * (1 - b) / n2) if n1 > 0 and n2 > 0 else math.nan
    return 100 * (a - b), 100 * z * se


def significant(p1: float, n1: float, p2: float, n2: float) -> bool:
    """True when two independent percentages differ significantly (95%).

    Examples
    --------
    >>> significant(30.0, 400, 25.0, 400), significant(30.0, 2000, 25.0, 2000)
    (False, True)
    """
    d, m = difference(p1, n1, p2, n2)
    return not math.isnan(m) and abs(d) > m


def compare_text(p1: float, n1: float, p2: float, n2: float, names: tuple[str, str]) -> str:
    """A Dutch sentence fragment comparing two survey percentages honestly.

    Examples
    --------
    >>> compare_text(30.0, 400, 25.0, 400, ("de gemeente", "Nederland"))
    'verschilt niet significant van Nederland'
    >>> compare_text(30.0, 2000, 25.0, 2000, ("de gemeente", "Nederland"))
    'ligt significant hoger dan Nederland'
    """
    if not significant(p1, n1, p2, n2):
        return f"verschilt niet significant van {names[1]}"
    return f"ligt significant {'hoger' if p1 > p2 else 'lager'} dan {names[1]}"
