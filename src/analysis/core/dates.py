"""Dutch dates for what readers see: ``"22 november 2026"`` (records keep ISO ``2026-11-22``)."""

from __future__ import annotations

import datetime as dt

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
