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


# ------------------------------------------------------------------------------------ periods

_REPORT_PERIOD_RE = re.compile(r"^(\d{4})(?:[Hh]([12])|-([12]))?$")
_ORDINALS = {1: "1e", 2: "2e"}


def period_months(code: str) -> tuple[int, int]:
    """First and last month of a data period, as month numbers counted from year 0.

    A data period is any code of :data:`PERIOD_RE`: a year, half-year, quarter, month or day (a day
    counts as its month). ``year * 12 + month - 1`` numbers the months, so intervals compare directly.

    Examples
    --------
    >>> period_months("2025") == (2025 * 12, 2025 * 12 + 11)
    True
    >>> [m - 2025 * 12 for m in period_months("2025H2")], [m - 2025 * 12 for m in period_months("2025Q1")]
    ([6, 11], [0, 2])
    >>> [m - 2025 * 12 for m in period_months("2025-04-17")]
    [3, 3]
    >>> period_months("2025-13")
    Traceback (most recent call last):
    ...
    ValueError: onbekende periode: '2025-13' (verwacht bijvoorbeeld 2025, 2025H1, 2025Q3 of 2025-04)
    """
    text = str(code).strip()
    if not PERIOD_RE.match(text):
        raise ValueError(
            f"onbekende periode: {code!r} (verwacht bijvoorbeeld 2025, 2025H1, 2025Q3 of 2025-04)"
        )
    base = int(text[:4]) * 12
    rest = text[4:]
    if not rest:
        return base, base + 11
    if rest[0] == "H":
        first = base + 6 * (int(rest[1]) - 1)
        return first, first + 5
    if rest[0] == "Q":
        first = base + 3 * (int(rest[1]) - 1)
        return first, first + 2
    month = base + int(rest[1:3]) - 1
    return month, month


def period_within(inner: str, outer: str) -> bool:
    """True when the data period ``inner`` lies wholly inside the period ``outer``.

    The one definition of "a report period is covered by the data": the year 2025 holds ``2025``,
    ``2025H2``, ``2025Q3`` and ``2025-04``; the half-year ``2026H1`` holds ``2026Q2`` and
    ``2026-03``, not the year ``2026``.

    Examples
    --------
    >>> period_within("2025-04", "2025"), period_within("2026", "2026H1")
    (True, False)
    """
    first, last = period_months(outer)
    start, end = period_months(inner)
    return first <= start and end <= last


class Periode(str):
    """A report period: a year (``2025``) or a half-year (``2026H1``, params file ``2026-1.yml``).

    A ``Periode`` *is* its code as text (``"2025"``, ``"2026H1"``), so it can be used wherever a period
    string was used; on top it knows its Dutch label, its year and half, the previous comparable
    period, its params file name, which data periods it covers and how it orders.

    Examples
    --------
    >>> p = Periode("2026-1")
    >>> p, p.label, p.jaar, p.halfjaar, p.is_halfjaar, p.bestandsnaam
    ('2026H1', '1e halfjaar 2026', 2026, 1, True, '2026-1')
    >>> Periode(2025).label, Periode(2025).vorige(), p.vorige(), p.voorgaande()
    ('2025', '2024', '2025H1', '2025H2')
    >>> p.bevat("2026-03"), p.bevat("2026Q2"), p.bevat("2026"), p.bevat("2026H2")
    (True, True, False, False)
    >>> sorted(map(Periode, ["2026", "2026H2", "2025", "2026H1"]), key=Periode.sort_key)
    ['2025', '2026H1', '2026H2', '2026']
    """

    __slots__ = ()

    def __new__(cls, value: str | int) -> Periode:
        text = str(value).strip()
        m = _REPORT_PERIOD_RE.match(text) if not isinstance(value, bool) else None
        if m is None:
            raise ValueError(
                f"verwacht een periode: een jaartal van vier cijfers (2025) of een halfjaar "
                f"(2026H1), gevonden {value!r}"
            )
        half = m[2] or m[3]
        return super().__new__(cls, f"{m[1]}H{half}" if half else m[1])

    @property
    def jaar(self) -> int:
        """The calendar year, e.g. ``2026`` for ``2026H1``."""
        return int(self[:4])

    @property
    def halfjaar(self) -> int | None:
        """``1`` or ``2`` for a half-year, ``None`` for a whole year."""
        return int(self[5]) if len(self) > 4 else None

    @property
    def is_halfjaar(self) -> bool:
        """True for a half-year period."""
        return self.halfjaar is not None

    @property
    def label(self) -> str:
        """The period in Dutch for the reader: ``"2025"`` or ``"1e halfjaar 2026"``."""
        half = self.halfjaar
        return f"{_ORDINALS[half]} halfjaar {self.jaar}" if half else str(self.jaar)

    @property
    def in_zin(self) -> str:
        """The period as it stands in a sentence ("in …", "tot en met …").

        Examples
        --------
        >>> Periode("2025H2").in_zin, Periode("2025").in_zin
        ('het 2e halfjaar van 2025', '2025')
        """
        half = self.halfjaar
        return f"het {_ORDINALS[half]} halfjaar van {self.jaar}" if half else str(self.jaar)

    @property
    def bestandsnaam(self) -> str:
        """Stem of the params file: ``"2025"`` (``params/2025.yml``) or ``"2026-1"``."""
        half = self.halfjaar
        return f"{self.jaar}-{half}" if half else str(self.jaar)

    @property
    def maanden(self) -> tuple[int, int]:
        """First and last month (see :func:`period_months`)."""
        return period_months(self)

    def sort_key(self) -> tuple[int, int]:
        """Chronological order: by last month, then the shorter period first.

        ``2026H2`` and ``2026`` end in the same month; the half-year comes first.
        """
        first, last = self.maanden
        return last, last - first

    def vorige(self) -> Periode:
        """The previous comparable period: the same kind of period one year earlier."""
        half = self.halfjaar
        return Periode(f"{self.jaar - 1}H{half}" if half else self.jaar - 1)

    def voorgaande(self) -> Periode:
        """The period of the same length just before this one (``2026H1`` → ``2025H2``)."""
        if self.halfjaar == 2:
            return Periode(f"{self.jaar}H1")
        if self.halfjaar == 1:
            return Periode(f"{self.jaar - 1}H2")
        return Periode(self.jaar - 1)

    def volgende(self) -> Periode:
        """The period of the same length just after this one (``2026H1`` → ``2026H2``)."""
        if self.halfjaar == 1:
            return Periode(f"{self.jaar}H2")
        if self.halfjaar == 2:
            return Periode(f"{self.jaar + 1}H1")
        return Periode(self.jaar + 1)

    def bevat(self, code: str) -> bool:
        """True when the data period ``code`` lies wholly inside this period.

        The year 2025 holds ``2025``, ``2025H2``, ``2025Q3``, ``2025-04``; the half-year ``2026H1``
        holds ``2026H1``, ``2026Q2`` and ``2026-01`` … ``2026-06``, not the year ``2026``.
        """
        return period_within(code, self)

    def eindigt_na(self, code: str) -> bool:
        """True when the data period ``code`` ends after this period (an edition leaves it out).

        Examples
        --------
        >>> Periode("2026H1").eindigt_na("2026"), Periode(2025).eindigt_na("2025H2")
        (True, False)
        """
        return period_months(code)[1] > self.maanden[1]
