"""Codes and labels shared by every layer: region and period codes, age-group labels.

One definition each: the data loader, the params, the CBS fetcher and the topics all use these.
"""

from __future__ import annotations

import re

#: CBS region codes: municipality, country, province, COROP, GGD region, part of the country,
#: wijk, buurt, and a custom region (``RE..``, e.g. a regional cooperation).
REGION_RE = re.compile(r"^(GM\d{4}|NL01|PV\d{2}|CR\d{2}|GG\d{4}|LD\d{2}|RE\d{2}|WK\d{6}|BU\d{8})$")

#: Report period codes: a year, a half-year, a quarter, a month or a day (``2025``, ``2025H1``,
#: ``2025Q3``, ``2025-04``, ``2025-04-17``).
PERIOD_RE = re.compile(r"^\d{4}(H[12]|Q[1-4]|-(0[1-9]|1[0-2])(-\d{2})?)?$")


def age_bounds(label: str) -> tuple[int, int | None]:
    """Lower and upper (inclusive) age of an age-group label; upper ``None`` = open-ended.

    Examples
    --------
    >>> age_bounds("65-74"), age_bounds("85+"), age_bounds("65 tot 70 jaar")
    ((65, 74), (85, None), (65, 69))
    >>> age_bounds("95 jaar of ouder"), age_bounds("Jonger dan 5 jaar")
    ((95, None), (0, 4))
    """
    s = str(label).strip().lower()
    if m := re.fullmatch(r"(\d+)\s*-\s*(\d+)(\s*jaar)?", s):
        return int(m[1]), int(m[2])
    if m := re.fullmatch(r"(\d+)\s*(\+|jaar of ouder|jaar en ouder|en ouder)", s):
        return int(m[1]), None
    if m := re.fullmatch(r"(\d+)\s*tot\s*(\d+)\s*jaar", s):
        return int(m[1]), int(m[2]) - 1
    if m := re.fullmatch(r"jonger dan (\d+)( jaar)?", s):
        return 0, int(m[1]) - 1
    raise ValueError(f"onbekende leeftijdsgroep: {label!r}")


def is_total_label(label: str) -> bool:
    """True for labels that mean 'all ages' (``totaal``, ``Totaal``, ``alle leeftijden``)."""
    return str(label).strip().lower() in {"totaal", "alle leeftijden", "totaal leeftijd"}
