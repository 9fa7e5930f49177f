"""Dutch number formatting for prose, tables and glued figures (nl-NL: ``1.234,5``)."""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal
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


def round_half_up(x: Any, decimalen: int) -> Decimal:
    """``x`` rounded half away from zero on its decimal text (0.175 → 0.18, not 0.17).

    Examples
    --------
    >>> round_half_up(0.175, 2), round_half_up(2.5, 0), round_half_up(-2.5, 0)
    (Decimal('0.18'), Decimal('3'), Decimal('-3'))
    """
    d = Decimal(repr(float(x))) if not isinstance(x, Decimal) else x
    return d.quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)


def bedrag(euro: Any, *, decimalen: int = 1) -> str:
    """An amount of money in Dutch text: whole euros below a million, millions above.

    Rounding is half away from zero on the decimal value, so € 175.000 is never shown as
    "0,17 miljoen" (the binary float 0.175 lies just below 0.175); ``decimalen`` applies to
    amounts in millions.

    Examples
    --------
    >>> bedrag(175_000), bedrag(3_040_000, decimalen=2), bedrag(4_845_315)
    ('€ 175.000', '€ 3,04 miljoen', '€ 4,8 miljoen')
    >>> bedrag(1_175_000, decimalen=2), bedrag(999_999.5), bedrag(-100_000)
    ('€ 1,18 miljoen', '€ 1,0 miljoen', '-€ 100.000')
    >>> bedrag(float("nan"))
    '–'
    """
    if _is_missing(euro):
        return "–"
    sign = "-" if float(euro) < 0 else ""
    value = abs(Decimal(repr(float(euro))))
    whole = round_half_up(value, 0)
    if whole < 1_000_000:
        return f"{sign}€ {getal(whole, 0)}"
    mln = round_half_up(value / Decimal(1_000_000), decimalen)
    return f"{sign}€ {getal(mln, decimalen)} miljoen"


def parse_number(text: object) -> float | None:
    """Parse a figure as a source wrote it (Dutch decimal comma, ``.`` thousands, trailing ``*``).

    Returns ``None`` for ranges, words and CBS's ``.`` (no value).

    Examples
    --------
    >>> parse_number("1.169.010"), parse_number("20,2"), parse_number("2024*"), parse_number(".")
    (1169010.0, 20.2, 2024.0, None)
    >>> parse_number("11-15") is None, parse_number(6), parse_number("1.5")
    (True, 6.0, 1.5)
    """
    if isinstance(text, int | float) and not isinstance(text, bool):
        return None if math.isnan(text) else float(text)
    t = str(text).strip().rstrip("*").strip()
    if not t or t == ".":
        return None
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+", t):
        return float(t.replace(".", ""))
    if re.fullmatch(r"-?\d+(,\d+)?", t):
        return float(t.replace(",", "."))
    if re.fullmatch(r"-?\d+\.\d+", t):
        return float(t)
    return None


_RANGE_RE = re.compile(r"\s*([\d.,]+)\s*(?:-|–|à|a|tot|t/m)\s*([\d.,]+)\s*")


def parse_range(value: object, *, strict: bool = False) -> tuple[float | None, float | None]:
    """Lower and upper value of a figure as a plan writes it: ``"11-15"``, ``"1 à 2"``, ``"8 a 9"``,
    ``"4 tot 6"``, ``"123.000-143.000"``, ``"4"`` or ``6``.

    A single figure gives the same value twice. Text that is no figure gives ``(None, None)``, or a
    ``ValueError`` with ``strict=True``.

    Examples
    --------
    >>> parse_range("11-15"), parse_range("1 à 2"), parse_range(4), parse_range("8 a 9")
    ((11.0, 15.0), (1.0, 2.0), (4.0, 4.0), (8.0, 9.0))
    >>> parse_range("123.000-143.000"), parse_range("ongeveer")
    ((123000.0, 143000.0), (None, None))
    >>> parse_range("veel", strict=True)
    Traceback (most recent call last):
    ...
    ValueError: geen getal of bereik: 'veel'
    """
    low = high = parse_number(value)
    if low is None and (m := _RANGE_RE.fullmatch(str(value))):
        low, high = parse_number(m[1]), parse_number(m[2])
        if low is None or high is None:
            low = high = None
    if low is None and strict:
        raise ValueError(f"geen getal of bereik: {value!r}")
    return low, high


# A number standing alone in running text (not part of a word, a code like GM0397 or 03759ned,
# nor of a longer number).
_DECIMAL_POINT = re.compile(r"(?<![\w.,])(\d+)\.(\d+)(?![\w]|[.,]\d)")
_PLAIN_INT = re.compile(r"(?<![\w.,])([1-9]\d{3,})(?![\w]|[.,]\d)")


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and 1800 <= int(digits) <= 2199


def _group(digits: str) -> str:
    return f"{int(digits):,}".replace(",", ".")


def dutch_numbers(text: str) -> str:
    """Rewrite numbers written the English way in running text (e.g. a chart description).

    A decimal point becomes a decimal comma (``92.6`` → ``92,6``); a whole number of four or
    more digits gets thousands separators (``1035`` → ``1.035``), except a four-digit number
    that reads as a year (1800-2199). ``1.035`` is taken as Dutch already (three digits after
    one point), and codes inside words (``GM0397``, ``03759ned``) are left alone.

    Examples
    --------
    >>> dutch_numbers("Totaal: 92.6; 2024: 1035; 2040: 3100 (laag 2520); 0.5%")
    'Totaal: 92,6; 2024: 1.035; 2040: 3.100 (laag 2.520); 0,5%'
    >>> dutch_numbers("27.286 inwoners in 2019, tabel 03759ned, 1035.25 euro")
    '27.286 inwoners in 2019, tabel 03759ned, 1.035,25 euro'
    """

    def decimal(m: re.Match[str]) -> str:
        whole, frac = m.group(1), m.group(2)
        if len(frac) == 3 and len(whole) <= 3 and whole != "0":
            return m.group(0)  # 1.035: a Dutch thousands separator
        return f"{_group(whole)},{frac}"

    def integer(m: re.Match[str]) -> str:
        digits = m.group(1)
        return digits if _is_year(digits) else _group(digits)

    return _PLAIN_INT.sub(integer, _DECIMAL_POINT.sub(decimal, text))
