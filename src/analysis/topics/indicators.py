"""Key indicators: what the Samenvatting shows, declared in one data file.

The key indicators are listed in ``kernindicatoren.yml`` (next to this module): id, label,
chapter, unit, decimals, the function that computes the measurement (a dotted path, called as
``f(ctx, **argumenten)``) and the id of the plan's ambition in the ``beleidsdoelen`` dataset. No
module registers anything when it is imported; :func:`registry` reads the file and checks it.

A measurement knows *when* (the period of its value, of the previous value and of the comparison)
and *where from*: :func:`compute` records every dataset the function loads, so the provenance of a
measurement is automatic (all it loaded) unless the function says more precisely
(``herkomst``, ``herkomst_vergelijking``). A verdict that rests on a synthetic value is an
example, never a finding (:attr:`Result.voorbeeld`); the Samenvatting counts only the others.

Chapters use the same computation as the Samenvatting: :func:`evaluate` (one indicator, with its
verdict).
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd
import yaml

from analysis.core import yamltext
from analysis.core.errors import ReportError
from analysis.core.numbers import getal, verschil
from analysis.core.provenance import NONE, Provenance, union
from analysis.data.datasets import session_provenance, tracking

if TYPE_CHECKING:  # pragma: no cover
    from analysis.data.context import Chapter

Direction = Literal["hoger", "lager", "stabiel", "niet hoger"]
OP_KOERS = "op koers"
AANDACHT = "aandacht nodig"
ONVOLDOENDE = "onvoldoende gegevens"
REGISTRY_FILE = "kernindicatoren.yml"


@dataclass(frozen=True)
class Target:
    """The plan's target or ambition for an indicator.

    Attributes
    ----------
    richting
        ``"hoger"`` (must rise), ``"lager"`` (must fall), ``"stabiel"`` (must at least hold) or
        ``"niet hoger"`` (must not rise: costs that should stabilise).
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

    ``periode``, ``vorige_periode`` and ``vergelijking_periode`` say when each value is about
    (``"2024"``, ``"2025H1"``, ``"2022-2023"``). ``herkomst`` is the provenance of the value and
    the previous value, ``herkomst_vergelijking`` that of the comparison; left ``None``, they are
    everything the computing function loaded (:func:`compute`). ``synthetisch=True`` forces the
    value to count as synthetic.
    """

    waarde: float | None
    vorige: float | None = None
    vergelijking: float | None = None
    vergelijking_naam: str = ""
    doel: Target | None = None
    marge: float | None = None
    synthetisch: bool = False
    bron: str = ""
    periode: str = ""
    vorige_periode: str = ""
    vergelijking_periode: str = ""
    herkomst: Provenance | None = None
    herkomst_vergelijking: Provenance | None = None

    @property
    def provenance(self) -> Provenance:
        """Provenance of the value (for ``report.glue(..., bron=measurement)``)."""
        return self.herkomst or NONE


@dataclass(frozen=True)
class KeyIndicator:
    """A key indicator as declared in ``kernindicatoren.yml``."""

    id: str
    label: str
    hoofdstuk: str
    eenheid: str
    decimalen: int
    functie: str
    argumenten: dict[str, Any] = field(default_factory=dict)
    doel: str | None = None

    def function(self) -> Callable[..., Measurement]:
        """The computing function (imported from its dotted path)."""
        module, _, name = self.functie.rpartition(".")
        return getattr(importlib.import_module(module), name)


_FIELDS = {"id", "label", "hoofdstuk", "eenheid", "decimalen", "functie", "argumenten", "doel"}


def read_registry(path: Path | None = None) -> list[KeyIndicator]:
    """Read and check the key-indicator file (default: the packaged ``kernindicatoren.yml``).

    Raises
    ------
    ReportError
        On an unknown or missing field, a duplicate id or a function that cannot be imported;
        the message names the file and the indicator.

    Examples
    --------
    >>> ids = [k.id for k in read_registry()]
    >>> "demografie_75plus" in ids and len(ids) == len(set(ids))
    True
    """
    text = (
        path.read_text(encoding="utf-8")
        if path is not None
        else resources.files("analysis.topics").joinpath(REGISTRY_FILE).read_text("utf-8")
    )
    shown = str(path) if path is not None else f"src/analysis/topics/{REGISTRY_FILE}"
    entries = yamltext.safe_load(text) or []
    out: list[KeyIndicator] = []
    for i, e in enumerate(entries, start=1):
        name = e.get("id", f"item {i}") if isinstance(e, dict) else f"item {i}"
        if not isinstance(e, dict) or set(e) - _FIELDS or _FIELDS - {"argumenten"} - set(e):
            raise ReportError(
                f"kernindicator {name}: verwacht de velden {', '.join(sorted(_FIELDS))}",
                file=shown,
            )
        if any(k.id == e["id"] for k in out):
            raise ReportError(f"kernindicator {name} staat er twee keer in", file=shown)
        k = KeyIndicator(
            str(e["id"]),
            str(e["label"]),
            str(e["hoofdstuk"]),
            str(e["eenheid"]),
            int(e["decimalen"]),
            str(e["functie"]),
            dict(e.get("argumenten") or {}),
            e["doel"],
        )
        try:
            k.function()
        except (ImportError, AttributeError, ValueError) as exc:
            raise ReportError(
                f"kernindicator {name}: functie {k.functie} bestaat niet ({exc})", file=shown
            ) from exc
        out.append(k)
    return out


@lru_cache(maxsize=1)
def registry() -> dict[str, KeyIndicator]:
    """The packaged key indicators by id, in file order."""
    return {k.id: k for k in read_registry()}


def goal_target(doelen: pd.DataFrame, doel_id: str) -> Target:
    """The plan's ambition ``doel_id`` from the ``beleidsdoelen`` dataset as a :class:`Target`.

    Examples
    --------
    >>> d = pd.DataFrame({"id": ["x"], "ambitie": ["Meer."], "richting": ["hoger"],
    ...                   "doelwaarde": [float("nan")]})
    >>> goal_target(d, "x")
    Target(richting='hoger', waarde=None, tekst='Meer.')
    """
    row = doelen[doelen["id"] == doel_id]
    if row.empty:
        raise KeyError(f"doel {doel_id!r} ontbreekt in beleidsdoelen")
    r = row.iloc[0]
    waarde = None if pd.isna(r["doelwaarde"]) else float(r["doelwaarde"])
    return Target(str(r["richting"]), waarde, str(r["ambitie"]))  # type: ignore[arg-type]


def verdict(m: Measurement) -> tuple[str, str]:
    """Plain-language verdict on a measurement, and the rule that produced it.

    The rule (documented in the Samenvatting):

    1. No current value, or no target/ambition → *onvoldoende gegevens*.
    2. A numeric target: reached (≥ for ``hoger``/``stabiel``, ≤ for ``lager``) → *op koers*,
       otherwise *aandacht nodig*.
    3. Only a direction: needs the previous period's value (else *onvoldoende gegevens*). The change
       counts as zero when it is within ``marge`` (the 95% interval). ``hoger``: a rise → op koers;
       ``lager``: a fall → op koers; ``stabiel``: no fall → op koers; ``niet hoger``: no rise → op
       koers. Otherwise *aandacht nodig*.

    Examples
    --------
    >>> verdict(Measurement(waarde=7, doel=Target("hoger", 12)))[0]
    'aandacht nodig'
    >>> verdict(Measurement(waarde=30.0, vorige=28.0, marge=3.0, doel=Target("hoger")))[0]
    'aandacht nodig'
    >>> verdict(Measurement(waarde=30.0, vorige=28.0, marge=3.0, doel=Target("stabiel")))[0]
    'op koers'
    >>> verdict(Measurement(waarde=230.0, vorige=220.0, doel=Target("niet hoger")))[0]
    'aandacht nodig'
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
    elif t.richting == "niet hoger":
        ok, rule = change <= 0, "ambitie: niet stijgen ten opzichte van de vorige periode"
    else:
        ok, rule = change >= 0, "ambitie: ten minste gelijk blijven"
    if noise:
        rule += " (verschil binnen de onzekerheidsmarge telt als gelijk)"
    return (OP_KOERS if ok else AANDACHT), rule


def book_order(root: Any = None) -> dict[str, int]:
    """Position of every page in ``_toc.yml`` (root first), e.g. ``{"chapters/samenvatting": 0}``.

    Used to list key indicators in the order of the book. Empty when ``_toc.yml`` is missing.
    """

    from analysis.core.paths import project_root

    try:
        toc = yamltext.safe_load(((root or project_root()) / "_toc.yml").read_text("utf-8"))
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


@dataclass(frozen=True)
class Result:
    """A computed key indicator: the declaration, the measurement and the verdict.

    ``voorbeeld`` is True when the verdict rests on synthetic data (the value or the previous
    value): then it is an example of how the report will read, not a finding, and the Samenvatting
    never counts it.
    """

    indicator: KeyIndicator
    meting: Measurement
    oordeel: str
    regel: str
    herkomst: Provenance
    herkomst_vergelijking: Provenance

    @property
    def voorbeeld(self) -> bool:
        return self.herkomst.is_synthetic or self.meting.synthetisch

    @property
    def vergelijking_synthetisch(self) -> bool:
        return self.herkomst_vergelijking.is_synthetic

    @property
    def provenance(self) -> Provenance:
        """Provenance of the value (``report.glue(..., bron=result)``)."""
        return self.herkomst


def compute(ctx: Chapter, indicator: KeyIndicator) -> Result:
    """Compute one key indicator, with its verdict and its provenance.

    The measurement's provenance defaults to every dataset the function loaded (when it loaded
    nothing through the loader: everything loaded so far in this process); the plan's
    ambition (``doel`` in the file) is attached when the function gave no target. A computation
    that fails on missing data gives *onvoldoende gegevens* with the reason.
    """
    try:
        with tracking() as used:
            m = indicator.function()(ctx, **indicator.argumenten)
            if indicator.doel and m.doel is None:
                m = dataclasses.replace(
                    m, doel=goal_target(ctx.load("beleidsdoelen"), indicator.doel)
                )
        oordeel, regel = verdict(m)
    except (ReportError, KeyError, IndexError, ValueError) as exc:
        m = Measurement(waarde=None)
        reason = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        oordeel, regel = ONVOLDOENDE, f"niet te berekenen: {reason}"
        used = {}
    # nothing recorded (a context that does not load through the loader): everything loaded
    # so far in this process, never "no provenance"
    loaded = union(used.values()) if used else session_provenance()
    herkomst = m.herkomst if m.herkomst is not None else loaded
    vergelijking = m.herkomst_vergelijking if m.herkomst_vergelijking is not None else loaded
    return Result(indicator, m, oordeel, regel, herkomst, vergelijking)


def evaluate(ctx: Chapter, id: str) -> Result:
    """Compute the key indicator ``id`` (as the Samenvatting does) for a chapter.

    Examples
    --------
    >>> from analysis.present import report  # doctest: +SKIP
    >>> evaluate(report.chapter("2025"), "demografie_75plus").meting.periode  # doctest: +SKIP
    '2025'
    """
    return compute(ctx, registry()[id])


def compute_all(
    ctx: Chapter, *, only: list[str] | None = None, indicators: list[KeyIndicator] | None = None
) -> pd.DataFrame:
    """Compute every key indicator for the chapter context's period.

    Returns
    -------
    DataFrame
        One row per indicator, in book order (``_toc.yml``) then file order: ``id, label,
        hoofdstuk, eenheid, decimalen, waarde, vorige, verandering, vergelijking,
        vergelijking_naam, doel, oordeel, regel, synthetisch, bron, periode, vorige_periode,
        vergelijking_periode, vergelijking_synthetisch, herkomst, richting, doelwaarde``
        (``richting`` and ``doelwaarde`` of the plan's target: empty and ``None`` without one).
        ``synthetisch`` means the verdict is an example (it rests on synthetic data). An
        indicator whose computation fails on missing data is reported as *onvoldoende gegevens*
        with the reason, never dropped.
    """
    items = list(indicators if indicators is not None else registry().values())
    order = book_order()
    ranked = sorted(enumerate(items), key=lambda p: (order.get(p[1].hoofdstuk, len(order)), p[0]))
    rows = [_row(compute(ctx, ind)) for _, ind in ranked if not only or ind.id in only]
    return pd.DataFrame(rows, columns=COLUMNS)


COLUMNS = [
    "id", "label", "hoofdstuk", "eenheid", "decimalen", "waarde", "vorige", "verandering",
    "vergelijking", "vergelijking_naam", "doel", "oordeel", "regel", "synthetisch", "bron",
    "periode", "vorige_periode", "vergelijking_periode", "vergelijking_synthetisch", "herkomst",
    "richting", "doelwaarde",
]  # fmt: skip


def _row(r: Result) -> dict[str, Any]:
    m, ind = r.meting, r.indicator
    change = None
    if m.waarde is not None and m.vorige is not None:
        change = m.waarde - m.vorige
    return {
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
        "oordeel": r.oordeel,
        "regel": r.regel,
        "synthetisch": r.voorbeeld,
        "bron": m.bron,
        "periode": m.periode,
        "vorige_periode": m.vorige_periode if m.vorige is not None else "",
        "vergelijking_periode": m.vergelijking_periode if m.vergelijking is not None else "",
        "vergelijking_synthetisch": r.vergelijking_synthetisch,
        "herkomst": r.herkomst,
        "richting": m.doel.richting if m.doel else "",
        "doelwaarde": m.doel.waarde if m.doel else None,
    }


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


def change_words(change: float | None, eenheid: str, decimalen: int) -> tuple[str, str]:
    """A change as its size and a word, for prose: never a bare minus sign.

    Returns ``(size, word)`` with ``word`` one of ``"hoger"``, ``"lager"`` or ``"gelijk"`` (then
    ``size`` is empty): a change that rounds to zero at ``decimalen`` is "gelijk".

    Examples
    --------
    >>> change_words(-4.0, "per jaar", 0)
    ('4 per jaar', 'lager')
    >>> change_words(1.26, "%", 1)
    ('1,3 procentpunt', 'hoger')
    >>> change_words(0.04, "%", 1)
    ('', 'gelijk')
    """
    if change is None or pd.isna(change):
        return "–", ""
    size = format_change(abs(float(change)), eenheid, decimalen).lstrip("+")
    if not size.split(" ")[0].strip("0,."):
        return "", "gelijk"
    return size, "hoger" if float(change) > 0 else "lager"


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
