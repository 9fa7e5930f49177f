"""Where a published value comes from: the datasets (and params assumptions) behind it.

Every value that reaches the reader — a glued figure, a table cell, a chart title, a Samenvatting
row — carries a :class:`Provenance`: the names of the datasets it was computed from, which of them
are synthetic stand-ins, and the params assumptions it rests on. A value whose provenance holds any
synthetic dataset is *marked* where it stands (see :mod:`analysis.present.marks`).

Inside Python text a marked value is wrapped in two private-use characters
(:data:`START` … :data:`END`). They survive f-strings, ``+`` and ``str.format``, so a marked figure
that is put into a chart title or a sentence stays marked; the presentation layer turns them into
HTML (``data-herkomst="synthetisch"``, a visible sign and a screen-reader text) or into plain text
``"… (synthetisch)"`` where HTML is not possible (attributes, JSON). No published file may still
hold them (the end-to-end tests check this).

:class:`Traced` is a number that carries its provenance (e.g. returned by a topic function);
arithmetic on it gives a plain ``float``, which has *no* provenance — the fail-safe default then
applies (marked when anything the chapter loaded is synthetic), so a derived number is never shown
as more certain than its inputs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

#: Start and end of a value computed from synthetic data, inside Python text.
START = "\ue000"
END = "\ue001"
_MARKED_RE = re.compile(f"{START}(.*?){END}", flags=re.S)
_DIGIT_RE = re.compile(r"\d")


@dataclass(frozen=True)
class Provenance:
    """The datasets and params assumptions a value was computed from.

    Attributes
    ----------
    datasets
        Names of the datasets (manifest names) the value was computed from.
    synthetic
        The synthetic stand-ins among them; the value is synthetic when this is not empty.
    assumptions
        Params keys (dotted) of assumptions the value rests on, e.g. ``"wonen.vraag.ratios"``.

    Examples
    --------
    >>> p = Provenance.dataset("bevolking_totaal") | Provenance.dataset("bevolking_leeftijd", True)
    >>> p.is_synthetic, sorted(p.datasets)
    (True, ['bevolking_leeftijd', 'bevolking_totaal'])
    >>> Provenance.dataset("bevolking_totaal").is_synthetic
    False
    """

    datasets: frozenset[str] = field(default_factory=frozenset)
    synthetic: frozenset[str] = field(default_factory=frozenset)
    assumptions: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def dataset(cls, name: str, synthetic: bool = False) -> Provenance:
        """The provenance of one dataset."""
        names = frozenset({name})
        return cls(names, names if synthetic else frozenset())

    @classmethod
    def assumption(cls, *keys: str) -> Provenance:
        """Values that rest on params (plan figures, assumptions), no dataset."""
        return cls(assumptions=frozenset(keys))

    @property
    def is_synthetic(self) -> bool:
        """True when any dataset behind the value is a synthetic stand-in."""
        return bool(self.synthetic)

    def __copy__(self) -> Provenance:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Provenance:
        # immutable (frozensets of strings): pandas deep-copies a frame's attrs on every
        # operation, and a copy would be equal to this anyway
        return self

    def __or__(self, other: Provenance) -> Provenance:
        return Provenance(
            self.datasets | other.datasets,
            self.synthetic | other.synthetic,
            self.assumptions | other.assumptions,
        )

    def describe(self) -> str:
        """A short Dutch description, e.g. for a title attribute or a report.

        Examples
        --------
        >>> Provenance.dataset("a", True).describe()
        'synthetisch (a)'
        >>> Provenance.dataset("b").describe()
        'echt (b)'
        """
        kind = "synthetisch" if self.is_synthetic else "echt"
        names = ", ".join(sorted(self.datasets | self.assumptions))
        return f"{kind} ({names})" if names else kind


#: A value computed from nothing in ``data/`` (a params value, a label, the plan's own figure).
NONE = Provenance()


def union(items: Iterable[Provenance]) -> Provenance:
    """The union of several provenances (the provenance of a value computed from all of them).

    Examples
    --------
    >>> union([Provenance.dataset("a"), Provenance.dataset("b", True)]).synthetic
    frozenset({'b'})
    """
    out = NONE
    for p in items:
        out = out | p
    return out


class Traced(float):
    """A number that knows its provenance.

    Arithmetic gives a plain ``float`` without provenance (the fail-safe default applies to it).

    Examples
    --------
    >>> x = Traced(27286, Provenance.dataset("bevolking_totaal"))
    >>> x.provenance.is_synthetic, type(x + 1).__name__
    (False, 'float')
    """

    provenance: Provenance

    def __new__(cls, value: float, provenance: Provenance) -> Traced:
        obj = super().__new__(cls, value)
        obj.provenance = provenance
        return obj

    def __reduce__(self) -> tuple[type, tuple[float, Provenance]]:
        return (Traced, (float(self), self.provenance))


def mark(text: str) -> str:
    """``text`` as a value computed from synthetic data (inner marks are merged).

    Examples
    --------
    >>> mark("1.060") == START + "1.060" + END
    True
    >>> mark(mark("12")) == mark("12")
    True
    """
    return f"{START}{strip(text)}{END}"


def strip(text: str) -> str:
    """``text`` without marks.

    Examples
    --------
    >>> strip(mark("3") + " en 4")
    '3 en 4'
    """
    return text.replace(START, "").replace(END, "")


def is_marked(text: str) -> bool:
    """True when ``text`` holds a marked value.

    Examples
    --------
    >>> is_marked("In 2025: " + mark("1.060")), is_marked("1.060")
    (True, False)
    """
    return START in text


def has_unmarked_figure(text: str) -> bool:
    """True when ``text`` holds a digit outside its marked values.

    Examples
    --------
    >>> has_unmarked_figure("Stijging van " + mark("3%")), has_unmarked_figure("in 2025")
    (False, True)
    """
    return bool(_DIGIT_RE.search(_MARKED_RE.sub("", text)))


def parts(text: str) -> list[tuple[str, bool]]:
    """``text`` split into ``(piece, marked)`` pieces, in order; empty pieces left out.

    Examples
    --------
    >>> parts("a " + mark("1") + " b")
    [('a ', False), ('1', True), (' b', False)]
    """
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in _MARKED_RE.finditer(text):
        if m.start() > pos:
            out.append((text[pos : m.start()], False))
        out.append((m[1], True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    # an unbalanced mark (should not happen) is dropped rather than shown
    return [(strip(p), marked) for p, marked in out if strip(p)]


def plain(text: str, suffix: str = " (synthetisch)") -> str:
    """``text`` with each marked value followed by ``suffix`` (for attributes and plain text).

    Examples
    --------
    >>> plain("Er waren " + mark("1.060") + " mantelzorgers")
    'Er waren 1.060 (synthetisch) mantelzorgers'
    """
    return "".join(p + (suffix if marked else "") for p, marked in parts(text))
