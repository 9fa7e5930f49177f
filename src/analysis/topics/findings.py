"""Findings in words: tested sentences that say what the numbers show — and only what they show.

Every sentence or chart title that states a finding (rises, falls, above, below, higher than
budgeted, as the plan expects, on track) is made here from the numbers, never typed into a chapter.
Each function returns a :class:`Finding`, which knows whether it rests on synthetic data:

- from real data it is a statement: *Tussen 2019 en 2025 steeg het aantal 85-plussers met 20%.*
- from synthetic data it is an illustration of how the report will read, never a statement about
  the municipality, and its numbers are marked (:mod:`analysis.core.provenance`):
  *In deze voorbeeldgegevens steeg het aantal 85-plussers tussen 2019 en 2025 met 20%ˢ.*

The sentences read right for zero, one, many and negative values ("daalde met 3%", never "steeg
met -3%"; "geen actiepunten", never "0 actiepunten" at the start of a sentence).

``herkomst`` is what the finding was computed from (see :func:`provenance`): the loaded frames, a
measurement, a :class:`~analysis.core.provenance.Provenance` or ``True``/``False``. Not given, it is
everything the chapter loaded so far (fail-safe). Glue a finding itself (``report.glue(name,
finding)``): the page gets its sentence with its numbers marked exactly as here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd

from analysis.core.numbers import getal, procent
from analysis.core.provenance import NONE, START, Provenance, mark, union
from analysis.data.datasets import provenance_of, session_provenance

Tijd = Literal["verleden", "heden"]
#: How a sentence from synthetic data starts.
VOORBEELD = "In deze voorbeeldgegevens"

_WERKWOORD = {
    "stijgen": {"verleden": ("steeg", "stegen"), "heden": ("stijgt", "stijgen")},
    "dalen": {"verleden": ("daalde", "daalden"), "heden": ("daalt", "dalen")},
    "blijven": {"verleden": ("bleef", "bleven"), "heden": ("blijft", "blijven")},
    "zijn": {"verleden": ("was", "waren"), "heden": ("is", "zijn")},
}


def _verb(name: str, tijd: Tijd, meervoud: bool) -> str:
    return _WERKWOORD[name][tijd][1 if meervoud else 0]


_TELWOORD = "geen één twee drie vier vijf zes zeven acht negen tien elf twaalf".split()


#: The provenance of ``herkomst=True``: synthetic, dataset not named.
SYNTHETIC = Provenance.dataset("synthetisch", synthetic=True)


def provenance(herkomst: Any) -> Provenance:
    """The provenance ``herkomst`` stands for.

    ``None`` (not given) is everything loaded so far (fail-safe: a finding whose author forgot to
    say where it comes from reads as an example in a chapter that uses stand-ins); ``True`` /
    ``False`` say synthetic or real; a :class:`Provenance`, anything with a ``provenance``
    (a measurement, a glued value) or a loaded frame (``attrs``) gives its own; a list the union.

    Examples
    --------
    >>> provenance(True).is_synthetic, provenance(False).is_synthetic
    (True, False)
    >>> provenance([Provenance.dataset("a"), Provenance.dataset("b", True)]).synthetic
    frozenset({'b'})
    """
    if herkomst is None:
        return session_provenance()
    if isinstance(herkomst, bool):
        return SYNTHETIC if herkomst else NONE
    if isinstance(herkomst, Provenance):
        return herkomst
    own = getattr(herkomst, "provenance", None)
    if isinstance(own, Provenance):
        return own
    if isinstance(herkomst, pd.DataFrame | pd.Series):
        return provenance_of(herkomst) or session_provenance()
    if isinstance(herkomst, list | tuple | set):
        return union(provenance(h) for h in herkomst)
    return session_provenance()


def is_example(herkomst: Any) -> bool:
    """True when ``herkomst`` (see :func:`provenance`) is synthetic.

    Examples
    --------
    >>> is_example(True), is_example(Provenance.dataset("x"))
    (True, False)
    """
    return provenance(herkomst).is_synthetic


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _starts_with_figure(text: str) -> bool:
    """Whether ``text`` opens with a number (marked or not, an amount in euro included).

    Examples
    --------
    >>> _starts_with_figure("14,4%"), _starts_with_figure("€ 197"), _starts_with_figure("over x")
    (True, True, False)
    """
    bare = text.removeprefix("€ ").lstrip(START)
    return bare[:1].isdigit() or (bare[:1] in "-−" and bare[1:2].isdigit())


@dataclass(frozen=True)
class Finding:
    """A finding as a Dutch main clause: *[bepaling] werkwoord onderwerp rest*.

    Attributes
    ----------
    onderwerp
        The subject, lower case unless a name (``"het aantal 85-plussers"``).
    werkwoord
        The finite verb (``"steeg"``).
    rest
        What follows the verb and subject (``"met 20%"``), numbers already formatted (and marked
        when synthetic).
    bepaling
        A time adverbial (``"tussen 2019 en 2025"``), fronted in a statement.
    voorbeeld
        True when the finding rests on synthetic data.
    herkomst
        What it was computed from (``voorbeeld`` follows from it when given).
    """

    onderwerp: str
    werkwoord: str
    rest: str = ""
    bepaling: str = ""
    voorbeeld: bool = False
    herkomst: Provenance | None = None

    @property
    def provenance(self) -> Provenance:
        """What the finding rests on (for ``report.glue``)."""
        if self.herkomst is not None:
            return self.herkomst
        return SYNTHETIC if self.voorbeeld else NONE

    def zin(self) -> str:
        """The finding as a sentence (an illustration when it rests on synthetic data).

        Examples
        --------
        >>> f = Finding("het aantal 85-plussers", "steeg", "met 20%", "tussen 2019 en 2025")
        >>> f.zin()
        'Tussen 2019 en 2025 steeg het aantal 85-plussers met 20%.'
        >>> Finding("het aantal", "steeg", "met 20%", voorbeeld=True).zin()
        'In deze voorbeeldgegevens steeg het aantal met 20%.'
        """
        return self.titel() + "."

    def titel(self) -> str:
        """The finding as a chart title (the sentence without its full stop).

        Examples
        --------
        >>> Finding("het aandeel 75-plussers", "stijgt", "naar 16%").titel()
        'Het aandeel 75-plussers stijgt naar 16%'
        """
        tail = " ".join(p for p in (self.rest,) if p)
        if self.voorbeeld:
            words = [VOORBEELD, self.werkwoord, self.onderwerp, self.bepaling, tail]
            if self.bepaling and _starts_with_figure(tail) and self.onderwerp not in ("er", "het"):
                # "was in 2024 het aandeel 14%", never two numbers side by side ("in 2024 14%")
                words = [VOORBEELD, self.werkwoord, self.bepaling, self.onderwerp, tail]
            return " ".join(w for w in words if w)
        if self.bepaling:
            words = [_cap(self.bepaling), self.werkwoord, self.onderwerp, tail]
            return " ".join(w for w in words if w)
        return " ".join(w for w in [_cap(self.onderwerp), self.werkwoord, tail] if w)

    def __str__(self) -> str:
        return self.zin()


def joined(*parts: Finding | str) -> Finding:
    """Several findings (and plain sentences) as one, for one glue: each keeps its own marks and
    example wording; the result rests on what they all rest on. Empty parts are left out.

    Examples
    --------
    >>> joined(Finding("het aantal", "steeg", "met 20%"), "Dat is veel.").zin()
    'Het aantal steeg met 20%. Dat is veel.'
    >>> joined(Finding("het aantal", "steeg", "met 20%", voorbeeld=True)).provenance.is_synthetic
    True
    """
    text = " ".join(p.zin() if isinstance(p, Finding) else p for p in parts if p)
    prov = union(p.provenance for p in parts if isinstance(p, Finding))
    return Finding("", "", text.removesuffix("."), herkomst=prov)


def number(value: float, eenheid: str = "", decimalen: int = 0, *, voorbeeld: bool = False) -> str:
    """A value with its unit, the Dutch way; marked when it rests on synthetic data.

    Examples
    --------
    >>> number(16.04, "%", 1), number(4_700_000, "euro"), number(1035, "inwoners")
    ('16,0%', '€ 4.700.000', '1.035 inwoners')
    """
    if eenheid == "%":
        text = procent(value, decimalen)
        return mark(text) if voorbeeld else text
    figure = getal(value, decimalen)
    figure = mark(figure) if voorbeeld else figure
    if eenheid == "euro":
        return f"€ {figure}"
    return f"{figure} {eenheid}".rstrip()


def _percent(pct: float, voorbeeld: bool) -> str:
    """A relative change: one decimal below 10% (without a trailing ",0"), else whole."""
    text = procent(pct, 1 if pct < 10 else 0).replace(",0%", "%")
    return mark(text) if voorbeeld else text


def direction(old: float, new: float, *, marge: float | None = None) -> int:
    """+1 (rise), -1 (fall) or 0 (equal, or a change within ``marge``).

    Examples
    --------
    >>> direction(10, 12), direction(10, 7), direction(10, 10), direction(30, 28, marge=3)
    (1, -1, 0, 0)
    """
    change = new - old
    if change == 0 or (marge is not None and abs(change) <= marge):
        return 0
    return 1 if change > 0 else -1


def change(
    onderwerp: str,
    old: float,
    new: float,
    *,
    herkomst: Any = None,
    eenheid: str = "",
    decimalen: int = 0,
    bepaling: str = "",
    tijd: Tijd = "verleden",
    marge: float | None = None,
    meervoud: bool = False,
    van_naar: bool = False,
) -> Finding:
    """How ``onderwerp`` changed from ``old`` to ``new``.

    Counts and amounts change by a percentage ("steeg met 20%"); shares (``eenheid="%"``) by
    naming both ("steeg van 14,0% naar 16,4%"). A change within ``marge`` (a 95% interval) is
    not a change: "bleef ongeveer gelijk; het verschil is niet zeker". ``meervoud=True`` for a
    plural subject ("de uitgaven stegen"); ``van_naar=True`` names both values also for counts.

    Examples
    --------
    >>> change("het aantal", 100, 97).zin()
    'Het aantal daalde met 3%.'
    >>> change("het aantal", 100, 100, bepaling="sinds 2019").zin()
    'Sinds 2019 bleef het aantal gelijk.'
    >>> change("het aandeel", 14.0, 16.4, eenheid="%", decimalen=1, tijd="heden").zin()
    'Het aandeel stijgt van 14,0% naar 16,4%.'
    >>> change("het aandeel", 30.0, 28.0, eenheid="%", marge=3.0).zin()
    'Het aandeel bleef ongeveer gelijk (van 30% naar 28%); het verschil is niet zeker.'
    >>> change("het aantal", 0, 5).zin()
    'Het aantal steeg van 0 naar 5.'
    >>> change("de uitgaven", 100, 100.01, meervoud=True).zin()
    'De uitgaven bleven vrijwel gelijk.'
    """
    for v in (old, new):
        if v is None or (isinstance(v, float) and math.isnan(v)):
            raise ValueError(f"{onderwerp}: een van beide waarden ontbreekt")
    prov = provenance(herkomst)
    ex = prov.is_synthetic
    d = direction(old, new, marge=marge)
    a, b = (number(v, eenheid, decimalen, voorbeeld=ex) for v in (old, new))
    pct = abs(new - old) / abs(old) * 100 if old else None
    if d and pct is not None and eenheid != "%" and round(pct, 1) == 0:
        d, rest = 0, "vrijwel gelijk"
    elif d == 0 and marge is not None and new != old:
        rest = f"ongeveer gelijk (van {a} naar {b}); het verschil is niet zeker"
    elif d == 0:
        rest = "gelijk"
    elif eenheid == "%" or pct is None or van_naar:
        rest = f"van {a} naar {b}"
    else:
        rest = f"met {_percent(pct, ex)}"
    verb = _verb("blijven" if d == 0 else ("stijgen" if d > 0 else "dalen"), tijd, meervoud)
    return Finding(onderwerp, verb, rest, bepaling, ex, prov)


def compare(
    onderwerp: str,
    value: float,
    reference: float,
    *,
    tegen: str,
    herkomst: Any = None,
    herkomst_referentie: Any = None,
    eenheid: str = "",
    decimalen: int = 0,
    bepaling: str = "",
    tijd: Tijd = "verleden",
    marge: float | None = None,
    meervoud: bool = False,
) -> Finding:
    """``onderwerp`` (``value``) against a reference (``reference``, e.g. Nederland).

    ``tegen`` names the reference as it follows "hoger dan" ("in Nederland", "het landelijke
    cijfer"). The finding is an example when either value is synthetic.

    Examples
    --------
    >>> compare("het aandeel", 45.1, 40.7, tegen="in Nederland", eenheid="%", decimalen=1).zin()
    'Het aandeel was 45,1%: hoger dan in Nederland (40,7%).'
    >>> compare("het aandeel", 45.1, 44.0, tegen="in Nederland", eenheid="%", marge=2).zin()
    'Het aandeel was 45%, tegen 44% in Nederland; het verschil is niet zeker.'
    """
    own = provenance(herkomst)
    ref = provenance(herkomst_referentie) if herkomst_referentie is not None else own
    prov = own | ref
    ex = prov.is_synthetic
    v = number(value, eenheid, decimalen, voorbeeld=own.is_synthetic)
    r = number(reference, eenheid, decimalen, voorbeeld=ref.is_synthetic)
    d = direction(reference, value, marge=marge)
    if d == 0 and marge is not None and value != reference:
        rest = f"{v}, tegen {r} {tegen}; het verschil is niet zeker"
    elif d == 0:
        rest = f"{v}: gelijk aan {tegen} ({r})".replace("gelijk aan in ", "even hoog als in ")
    else:
        rest = f"{v}: {'hoger' if d > 0 else 'lager'} dan {tegen} ({r})"
    return Finding(onderwerp, _verb("zijn", tijd, meervoud), rest, bepaling, ex, prov)


def budget(
    onderwerp: str,
    realised: float,
    budgeted: float,
    *,
    herkomst: Any = None,
    eenheid: str = "euro",
    decimalen: int = 0,
    bepaling: str = "",
    tijd: Tijd = "verleden",
    meervoud: bool = True,
) -> Finding:
    """Realised against budgeted: "hoger dan begroot", "lager dan begroot" or "gelijk aan de
    begroting".

    Examples
    --------
    >>> budget("de uitgaven", 4.7, 4.8, eenheid="mln", decimalen=1).zin()
    'De uitgaven waren 4,7 mln: lager dan begroot (4,8 mln).'
    """
    prov = provenance(herkomst)
    ex = prov.is_synthetic
    r, b = (number(v, eenheid, decimalen, voorbeeld=ex) for v in (realised, budgeted))
    d = direction(budgeted, realised)
    word = {1: "hoger dan begroot", -1: "lager dan begroot", 0: "gelijk aan de begroting"}[d]
    return Finding(
        onderwerp, _verb("zijn", tijd, meervoud), f"{r}: {word} ({b})", bepaling, ex, prov
    )


def count(
    n: int, enkelvoud: str, meervoud: str, *, begin: bool = False, voorbeeld: bool = False
) -> str:
    """``n`` things in words that read right: "geen actiepunten", "1 actiepunt", "3 actiepunten".

    At the start of a sentence (``begin=True``) small numbers are written out ("Geen", "Eén",
    "Drie"), so no sentence starts with a digit. A synthetic count is marked.

    Examples
    --------
    >>> count(0, "actiepunt", "actiepunten"), count(1, "actiepunt", "actiepunten")
    ('geen actiepunten', '1 actiepunt')
    >>> count(3, "actiepunt", "actiepunten", begin=True)
    'Drie actiepunten'
    """
    noun = enkelvoud if n == 1 else meervoud
    if n == 0:
        word = "geen"
    elif begin and 0 < n < len(_TELWOORD):
        word = _TELWOORD[n]
    else:
        word = getal(n)
    if voorbeeld and n:
        word = mark(word)
    text = f"{word} {noun}"
    if not begin:
        return text
    return "Eén" + text[3:] if text.startswith("één") else _cap(text)


def verdict_sentence(oordeel: str, *, voorbeeld: bool) -> str:
    """The verdict in a sentence; from synthetic data only as an example.

    Examples
    --------
    >>> verdict_sentence("op koers", voorbeeld=False)
    'Volgens de vaste regel van de Samenvatting is het oordeel: op koers.'
    >>> verdict_sentence("aandacht nodig", voorbeeld=True)
    'Met deze voorbeeldgegevens zou het oordeel ‘aandacht nodig’ zijn; dat zegt niets over de gemeente.'
    """
    if voorbeeld:
        return f"Met deze voorbeeldgegevens zou het oordeel ‘{oordeel}’ zijn; dat zegt niets over de gemeente."
    return f"Volgens de vaste regel van de Samenvatting is het oordeel: {oordeel}."


def against_plan(
    onderwerp: str,
    value: float,
    plan: float,
    *,
    herkomst: Any = None,
    afgestemd: bool = False,
    eenheid: str = "",
    decimalen: int = 0,
    tolerantie: float = 0.1,
    tijd: Tijd = "verleden",
    meervoud: bool = False,
) -> Finding:
    """``value`` against the figure the plan expects (``plan``).

    From real data: "zoals het plan verwacht" when within ``tolerantie`` (relative), else higher or
    lower than the plan expects. From synthetic data calibrated on the plan's figure
    (``afgestemd=True``) it never confirms the plan: a stand-in made to match a statement is no
    evidence for it.

    Examples
    --------
    >>> against_plan("het aantal meldingen", 1035, 1000).zin()
    'Het aantal meldingen was 1.035: zoals het plan verwacht (ongeveer 1.000).'
    >>> print(against_plan("het aantal meldingen", 1000, 1000, herkomst=True, afgestemd=True).zin()
    ...       .replace("\\ue000", "").replace("\\ue001", ""))
    In deze voorbeeldgegevens was het aantal meldingen 1.000: afgestemd op het plan (ongeveer 1.000), dus geen bevestiging van het plan.
    """
    prov = provenance(herkomst)
    ex = prov.is_synthetic
    v = number(value, eenheid, decimalen, voorbeeld=ex)
    p = number(plan, eenheid, decimalen)
    if ex and afgestemd:
        rest = f"{v}: afgestemd op het plan (ongeveer {p}), dus geen bevestiging van het plan"
    elif plan and abs(value - plan) / abs(plan) <= tolerantie:
        rest = f"{v}: zoals het plan verwacht (ongeveer {p})"
    else:
        rest = f"{v}: {'meer' if value > plan else 'minder'} dan het plan verwacht (ongeveer {p})"
    return Finding(onderwerp, _verb("zijn", tijd, meervoud), rest, "", ex, prov)


def fastest(
    values: dict[str, float],
    *,
    onderwerp: str = "de groep {}",
    herkomst: Any = None,
    bepaling: str = "",
    decimalen: int = 0,
    tijd: Tijd = "verleden",
) -> Finding:
    """Which group changed most (relative changes in %, ``{label: change}``).

    The largest rise "groeide het snelst"; when every group fell, the smallest fall "kromp het
    minst"; nothing changed: "bleef gelijk".

    Examples
    --------
    >>> fastest({"0-64": -2.0, "75-84": 15.0, "85+": 20.0}, bepaling="tussen 2019 en 2025").zin()
    'Tussen 2019 en 2025 groeide de groep 85+ het snelst: met 20%.'
    >>> fastest({"a": -5.0, "b": -1.0}).zin()
    'De groep b kromp het minst: met 1%.'
    """
    if not values:
        raise ValueError("geen groepen om te vergelijken")
    prov = provenance(herkomst)
    ex = prov.is_synthetic
    label, top = max(values.items(), key=lambda kv: kv[1])
    subject = onderwerp.format(label)
    amount = number(abs(top), "%", decimalen, voorbeeld=ex)
    if top > 0:
        verb, rest = {"verleden": "groeide", "heden": "groeit"}[tijd], f"het snelst: met {amount}"
    elif top < 0:
        verb, rest = {"verleden": "kromp", "heden": "krimpt"}[tijd], f"het minst: met {amount}"
    else:
        verb, rest = _verb("blijven", tijd, False), "gelijk"
    return Finding(subject, verb, rest, bepaling, ex, prov)


def caveat(herkomst: Any, wat: str) -> str:
    """A sentence for the end of a section: empty for real data; for synthetic data it says that
    ``wat`` cannot be judged yet and what would change that.

    Examples
    --------
    >>> caveat(False, "de vergrijzing")
    ''
    >>> caveat(True, "de vergrijzing")
    'Over de vergrijzing zegt dit nog niets: deze cijfers zijn voorbeeldgegevens. Zodra de echte reeks is aangeleverd of opgehaald (zie Bronnen), staat hier wat de cijfers laten zien.'
    """
    if not is_example(herkomst):
        return ""
    return (
        f"Over {wat} zegt dit nog niets: deze cijfers zijn voorbeeldgegevens. Zodra de echte reeks "
        "is aangeleverd of opgehaald (zie Bronnen), staat hier wat de cijfers laten zien."
    )


def level(
    onderwerp: str,
    werkwoord: str,
    value: float,
    *,
    herkomst: Any = None,
    eenheid: str = "",
    decimalen: int = 0,
    bepaling: str = "",
    toelichting: str = "",
) -> Finding:
    """A level: "Op 1 januari 2024 telde de gemeente 27.589 inwoners." — a statement from real
    data, an illustration with a marked number from synthetic data. ``toelichting`` follows the
    value in brackets (format and mark its numbers yourself, e.g. with :func:`number`).

    Examples
    --------
    >>> level("de gemeente", "telde", 27589, eenheid="inwoners", bepaling="op 1 januari 2024").zin()
    'Op 1 januari 2024 telde de gemeente 27.589 inwoners.'
    >>> level("het aandeel 75-plussers", "was", 16.04, eenheid="%", decimalen=1,
    ...       toelichting="4.441 mensen").zin()
    'Het aandeel 75-plussers was 16,0% (4.441 mensen).'
    """
    prov = provenance(herkomst)
    ex = prov.is_synthetic
    rest = number(value, eenheid, decimalen, voorbeeld=ex)
    if toelichting:
        rest += f" ({toelichting})"
    return Finding(onderwerp, werkwoord, rest, bepaling, ex, prov)
