"""Dutch dates for what readers see: ``"22 november 2026"`` (records keep ISO ``2026-11-22``)."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def long_date(value: str | dt.date) -> str:
    """A date written out the Dutch way; text that is not an ISO date is returned unchanged.

    Examples
    --------
    >>> long_date("2026-11-22")
    '22 november 2026'
    >>> long_date("2025-03-01T10:00:00+00:00")
    '1 maart 2025'
    >>> long_date("onbekend")
    'onbekend'
    """
    if isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    else:
        day = value
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


_LONG = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})\b")


def iso_from_long(text: str) -> str | None:
    """The first long Dutch date in ``text`` as ISO ``YYYY-MM-DD`` (the inverse of
    :func:`long_date`), or None.

    Examples
    --------
    >>> iso_from_long("editie 1.0 · gebouwd 2 november 2026 · code abc")
    '2026-11-02'
    >>> iso_from_long("gebouwd onbekend") is None
    True
    """
    m = _LONG.search(text)
    if not m:
        return None
    return dt.date(int(m.group(3)), MONTHS.index(m.group(2)) + 1, int(m.group(1))).isoformat()
