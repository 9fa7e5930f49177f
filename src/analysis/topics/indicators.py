"""The registry of key indicators: what the Samenvatting shows, contributed by the chapters.

A topic module declares a key indicator next to the computation it belongs to::

    @key_indicator("aandeel_75plus", label="Aandeel 75-plussers", hoofdstuk="chapters/demografie",
                   eenheid="%", decimalen=1)
    def _share_75(ctx: Chapter) -> Measurement:
        ...
        return Measurement(waarde=..., vorige=..., vergelijking=..., vergelijking_naam="Nederland",
                           doel=Target("stabiel", None, "…ambitie in de woorden van het plan…"))

The chapter glues the same :class:`Measurement` into its prose (:func:`glue_measurement`), and the
Samenvatting calls :func:`compute_all`, which imports every module of the package (so a new chapter's
indicator appears without editing the summary) and applies the documented verdict rule
(:func:`verdict`) to each.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from analysis.core.numbers import getal, verschil

if TYPE_CHECKING:  # pragma: no cover
    from analysis.data.context import Chapter

Direction = Literal["hoger", "lager", "stabiel"]
OP_KOERS = "op koers"
AANDACHT = "aandacht nodig"
ONVOLDOENDE = "onvoldoende gegevens"


@dataclass(frozen=True)
class Target:
    """The plan's target or ambition for an indicator.

    Attributes
    ----------
    richting
        ``"hoger"`` (must rise), ``"lager"`` (must fall) or ``"stabiel"`` (must at least hold).
    waarde
        A numeric target when the plan gives one (e.g. 12 placements a year), else ``None``.
    tekst
        The ambition in the plan's words (from params or the ``beleidsdoelen`` dataset).
    """

    richting: Direction
    waarde: float | None = None
    tekst: str = ""


@dataclass(frozen=True)
class Measurement:
    """The values of a key indicator for the report's period.

    ``marge`` is the half-width of a 95% interval of the *change* since the previous period (for
    survey figures); when given, a change smaller than it counts as "no change".
    """

    waarde: float | None
    vorige: float | None = None
    vergelijking: float | None = None
    vergelijking_naam: str = ""
    doel: Target | None = None
    marge: float | None = None
    synthetisch: bool = False
    bron: str = ""


@dataclass(frozen=True)
class KeyIndicator:
    """A registered key indicator."""

    id: str
    label: str
    hoofdstuk: str
    eenheid: str
    decimalen: int
    compute: Callable[[Chapter], Measurement] = field(repr=False)


REGISTRY: dict[str, KeyIndicator] = {}


def key_indicator(
    id: str, *, label: str, hoofdstuk: str, eenheid: str = "", decimalen: int = 0
) -> Callable[[Callable[[Chapter], Measurement]], Callable[[Chapter], Measurement]]:
    """Register a function ``f(ctx) -> Measurement`` as key indicator ``id``.

    Examples
    --------
    >>> @key_indicator("voorbeeld", label="Voorbeeld", hoofdstuk="chapters/x")
    ... def _f(ctx):
    ...     return Measurement(waarde=1.0)
    >>> REGISTRY.pop("voorbeeld").label
    'Voorbeeld'
    """

    def deco(fn: Callable[[Chapter], Measurement]) -> Callable[[Chapter], Measurement]:
        REGISTRY[id] = KeyIndicator(id, label, hoofdstuk, eenheid, decimalen, fn)
        return fn

    return deco


def verdict(m: Measurement) -> tuple[str, str]:
    """Plain-language verdict on a measurement, and the rule that produced it.

    The rule (documented in the Samenvatting):

    1. No current value, or no target/ambition → *onvoldoende gegevens*.
    2. A numeric target: reached (≥ for ``hoger``/``stabiel``, ≤ for ``lager``) → *op koers*,
       otherwise *aandacht nodig*.
    3. Only a direction: needs the previous period's value (else *onvoldoende gegevens*). The change
       counts as zero when it is within ``marge`` (the 95% interval). ``hoger``: a rise → op koers;
       ``lager``: a fall → op koers; ``stabiel``: no fall → op koers. Otherwise *aandacht nodig*.

    Examples
    --------
    >>> verdict(Measurement(waarde=7, doel=Target("hoger", 12)))[0]
    'aandacht nodig'
    >>> verdict(Measurement(waarde=30.0, vorige=28.0, marge=3.0, doel=Target("hoger")))[0]
    'aandacht nodig'
    >>> verdict(Measurement(waarde=30.0, vorige=28.0, marge=3.0, doel=Target("stabiel")))[0]
    'op koers'
    >>> verdict(Measurement(waarde=None, doel=Target("hoger")))[0]
    'onvoldoende gegevens'
    """
    if m.waarde is None or pd.isna(m.waarde):
        return ONVOLDOENDE, "geen actuele waarde beschikbaar"
    if m.doel is None:
        return ONVOLDOENDE, "het plan noemt geen doel of ambitie voor deze indicator"
    t = m.doel
    if t.waarde is not None:
        if t.richting == "lager":
            ok = m.waarde <= t.waarde
            rule = f"doel: ten hoogste {getal(t.waarde)}"
        else:
            ok = m.waarde >= t.waarde
            rule = f"doel: minstens {getal(t.waarde)}"
        return (OP_KOERS if ok else AANDACHT), rule
    if m.vorige is None or pd.isna(m.vorige):
        return ONVOLDOENDE, "geen waarde van de vorige periode om de richting te toetsen"
    change = m.waarde - m.vorige
    noise = m.marge or 0.0
    if abs(change) <= noise:
        change = 0.0
    if t.richting == "hoger":
        ok, rule = change > 0, "ambitie: stijgen ten opzichte van de vorige periode"
    elif t.richting == "lager":
        ok, rule = change < 0, "ambitie: dalen ten opzichte van de vorige periode"
    else:
        ok, rule = change >= 0, "ambitie: ten minste gelijk blijven"
    if noise:
        rule += " (verschil binnen de onzekerheidsmarge telt als gelijk)"
    return (OP_KOERS if ok else AANDACHT), rule


def load_all_modules() -> None:
    """Import every module of the package so that all indicators are registered."""
    import analysis.topics

    for mod in pkgutil.iter_modules(analysis.topics.__path__):
        importlib.import_module(f"analysis.topics.{mod.name}")


def book_order(root: Any = None) -> dict[str, int]:
    """Position of every page in ``_toc.yml`` (root first), e.g. ``{"chapters/samenvatting": 0}``.

    Used to list key indicators in the order of the book. Empty when ``_toc.yml`` is missing.
    """
    import yaml

    from analysis.core.paths import project_root

    try:
        toc = yaml.safe_load(((root or project_root()) / "_toc.yml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return {}
    docs: list[str] = [str(toc.get("root", ""))]

    def walk(entries: list[dict[str, Any]] | None) -> None:
        for e in entries or []:
            if "file" in e:
                docs.append(str(e["file"]))
            walk(e.get("sections"))
            walk(e.get("chapters"))

    walk(toc.get("chapters"))
    for part in toc.get("parts") or []:
        walk(part.get("chapters"))
    stems = [d.removesuffix(".ipynb").removesuffix(".md") for d in docs]
    return {d: i for i, d in enumerate(dict.fromkeys(stems))}


def compute_all(ctx: Chapter, *, only: list[str] | None = None) -> pd.DataFrame:
    """Compute every registered key indicator for the chapter context's period.

    Returns
    -------
    DataFrame
        One row per indicator, in book order (``_toc.yml``) then registration order: ``id, label, hoofdstuk,
        eenheid, decimalen, waarde, vorige, verandering, vergelijking, vergelijking_naam, doel,
        oordeel, regel, synthetisch, bron``. An indicator whose computation fails on missing data is
        reported as *onvoldoende gegevens* with the reason, never silently dropped.
    """
    from analysis.core.errors import ReportError

    load_all_modules()
    rows: list[dict[str, Any]] = []
    order = book_order()
    ranked = sorted(
        enumerate(REGISTRY.values()),
        key=lambda p: (order.get(p[1].hoofdstuk, len(order)), p[0]),
    )
    for _, ind in ranked:
        if only and ind.id not in only:
            continue
        try:
            m = ind.compute(ctx)
            oordeel, regel = verdict(m)
        except (ReportError, KeyError, IndexError, ValueError) as exc:
            m = Measurement(waarde=None)
            reason = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
            oordeel, regel = ONVOLDOENDE, f"niet te berekenen: {reason}"
        change = None
        if m.waarde is not None and m.vorige is not None:
            change = m.waarde - m.vorige
        rows.append(
            {
                "id": ind.id,
                "label": ind.label,
                "hoofdstuk": ind.hoofdstuk,
                "eenheid": ind.eenheid,
                "decimalen": ind.decimalen,
                "waarde": m.waarde,
                "vorige": m.vorige,
                "verandering": change,
                "vergelijking": m.vergelijking,
                "vergelijking_naam": m.vergelijking_naam,
                "doel": m.doel.tekst if m.doel else "",
                "oordeel": oordeel,
                "regel": regel,
                "synthetisch": m.synthetisch,
                "bron": m.bron,
            }
        )
    return pd.DataFrame(rows)


def format_value(value: float | None, eenheid: str, decimalen: int) -> str:
    """A value with its unit for display (``18,4%``, ``1.234 personen``).

    Examples
    --------
    >>> format_value(18.44, "%", 1), format_value(1234, "personen", 0)
    ('18,4%', '1.234 personen')
    """
    if value is None or pd.isna(value):
        return "–"
    text = getal(value, decimalen)
    if eenheid == "%":
        return f"{text}%"
    return f"{text} {eenheid}".strip()


def format_change(change: float | None, eenheid: str, decimalen: int) -> str:
    """A signed change with its unit; percentages change in *procentpunt*.

    Examples
    --------
    >>> format_change(1.26, "%", 1)
    '+1,3 procentpunt'
    """
    if change is None or pd.isna(change):
        return "–"
    unit = " procentpunt" if eenheid == "%" else (f" {eenheid}" if eenheid else "")
    return verschil(change, decimalen, unit)
