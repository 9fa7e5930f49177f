"""Turn fetched CBS tables (their own layout) into the report's datasets.

``wmo-rapport data fetch`` first writes each CBS table as it comes (``cbs_<series>``: CBS
categories such as five-year age bands, one ``waarde`` row per measure, see :mod:`analysis.data.sources.cbs.download`).
The chapters read *report* datasets with a fixed, smaller layout (``bevolking_leeftijd`` with seven
age groups, ``wmo_clienten`` with ``aantal`` and ``per_1000`` columns, …). This module is the step
in between: one converter per report dataset, pure pandas, no network.

The rules, the same for every converter:

* **Age groups** are made by adding whole CBS age bands (:func:`regroup_ages`). The bands must
  cover the group exactly; a band that straddles a group border, or a missing band, stops the
  fetch with a message naming the table, region, period and group. Nothing is estimated.
* **Missing stays missing.** If any band of a group is a CBS ``.`` (empty with status
  ``onbekend``: unknown, not reliable enough or secret), the group is empty with status
  ``onbekend``, never a partial sum and never 0.
* **Status** of a sum is the least final status of its parts: ``onbekend`` > ``voorlopig`` >
  ``nader voorlopig`` > ``definitief`` (:func:`combined_status`).
* **Rates of merged age groups** (Wmo clients per 1 000 residents) are recomputed from the CBS
  rates of the parts: each part's residents are ``aantal / per_1000 × 1000`` and the merged rate is
  the total count per 1 000 of the summed residents (:func:`merged_rate`). A part with a rate of 0
  or a missing rate makes the merged rate missing.

:func:`report_datasets` joins the registry (which CBS series each report dataset needs,
``data/bronnen/cbs_reeksen.yml``) with the converter of each and its schema, the one schema of the
dataset in :mod:`analysis.config.schemas` (the same whether the stand-in generator or CBS made it). The fetch writes a report
dataset only when every series it needs was fetched in the same run.

Examples
--------
>>> sorted(report_datasets())[:3]
['bevolking_leeftijd', 'bevolkingsprognose', 'huishoudens_leeftijd']
>>> report_datasets()["wmo_clienten"].series
('wmo_clienten', 'wmo_clienten_leeftijd')
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from analysis.config import schemas
from analysis.core.codes import age_bounds, is_total_label
from analysis.core.errors import FetchError
from analysis.core.io import format_cell
from analysis.data.sources.cbs.registry import Registry, load_registry
from analysis.data.sources.cbs.status import combined_status


def merged_rate(counts: Sequence[float], rates: Sequence[float]) -> float:
    """Clients per 1 000 residents of merged age groups, from the parts' counts and rates.

    Examples
    --------
    >>> merged_rate([740, 560], [297, 601])  # 2 492 + 932 residents
    379.7
    >>> merged_rate([10, 0], [5, 0])  # a rate of 0: residents unknown
    nan
    """
    residents = 0.0
    for n, r in zip(counts, rates, strict=True):
        if _missing(n) or _missing(r) or r == 0:
            return math.nan
        residents += n / r * 1000
    if residents <= 0:
        return math.nan
    return round(sum(counts) / residents * 1000, 1)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _group_parts(table: str, where: str, bands: Sequence[str], group: str) -> list[str]:
    """The CBS bands that make up ``group`` exactly (raises :class:`FetchError` otherwise)."""
    lo, hi = age_bounds(group)
    parts: list[tuple[int, int | None, str]] = []
    for band in bands:
        blo, bhi = age_bounds(band)
        inside = blo >= lo and (hi is None or (bhi is not None and bhi <= hi))
        overlaps = (hi is None or blo <= hi) and (bhi is None or bhi >= lo)
        if inside:
            parts.append((blo, bhi, band))
        elif overlaps and not (blo <= lo and (bhi is None or (hi is not None and bhi >= hi))):
            raise FetchError(
                f"CBS-tabel {table}: leeftijdsband '{band}' valt over de grens van groep "
                f"'{group}' ({where}); de tabel is anders ingedeeld dan verwacht"
            )
    parts.sort(key=lambda p: p[0])
    # the bands must run from lo to hi without gaps or overlaps (nested bands: keep the finest
    # consecutive chain, e.g. '0 jaar' next to '0 tot 5 jaar' is a different table layout)
    chain: list[str] = []
    at = lo
    for blo, bhi, band in parts:
        if blo != at:
            continue
        chain.append(band)
        if bhi is None:
            at = None  # type: ignore[assignment]
            break
        at = bhi + 1
    complete = at is None if hi is None else at == hi + 1
    if not complete:
        raise FetchError(
            f"CBS-tabel {table}: leeftijdsgroep '{group}' is niet te maken uit de banden "
            f"{', '.join(repr(b) for b in bands) or '(geen)'} ({where})"
        )
    return chain


def regroup_ages(
    raw: pd.DataFrame,
    column: str,
    groups: Sequence[str],
    keys: Sequence[str],
    table: str,
    *,
    keep_total: str | None = None,
    value: str = "waarde",
) -> pd.DataFrame:
    """Add CBS age bands into the report's age groups.

    Parameters
    ----------
    raw
        Tidy CBS rows with ``column`` (CBS age titles), ``value`` (float, NaN = missing) and
        ``status``.
    column
        The age column, e.g. ``"leeftijd"``.
    groups
        Report groups such as ``["0-64", "65-74", "75+"]``.
    keys
        The other columns that identify a row (region, period, …).
    table
        CBS table id, for messages.
    keep_total
        When given, the CBS total row (``Totaal``) is kept under this label (e.g. ``"totaal"``).

    Returns
    -------
    DataFrame
        ``keys + [column, value, "status"]``, groups in the given order within each key.

    Examples
    --------
    >>> raw = pd.DataFrame({"gemeente_code": "GM1", "periode": "2025",
    ...     "leeftijd": ["Totaal", "0 tot 18 jaar", "18 tot 65 jaar", "65 tot 75 jaar",
    ...                  "75 tot 85 jaar", "85 jaar of ouder"],
    ...     "waarde": [100.0, 10.0, 30.0, 20.0, 25.0, float("nan")],
    ...     "status": ["definitief"] * 5 + ["onbekend"]})
    >>> regroup_ages(raw, "leeftijd", ["0-64", "65-74", "75+"], ["gemeente_code", "periode"],
    ...              "T1", keep_total="totaal").values.tolist()
    [['GM1', '2025', 'totaal', 100.0, 'definitief'], ['GM1', '2025', '0-64', 40.0, 'definitief'], ['GM1', '2025', '65-74', 20.0, 'definitief'], ['GM1', '2025', '75+', nan, 'onbekend']]
    """
    rows: list[dict[str, Any]] = []
    for key, g in raw.groupby(list(keys), sort=False):
        key = key if isinstance(key, tuple) else (key,)
        base = dict(zip(keys, key, strict=True))
        where = ", ".join(str(k) for k in key)
        cells = {
            str(a): (v, str(s)) for a, v, s in zip(g[column], g[value], g["status"], strict=True)
        }
        totals = [a for a in cells if is_total_label(a) or a.strip().lower() == "totaal"]
        bands = [a for a in cells if a not in totals]
        if keep_total is not None:
            if not totals:
                raise FetchError(f"CBS-tabel {table}: de totaalrij ontbreekt ({where})")
            v, s = cells[totals[0]]
            rows.append({**base, column: keep_total, value: v, "status": s})
        for group in groups:
            parts = _group_parts(table, where, bands, group)
            vals = [cells[p][0] for p in parts]
            status = combined_status([cells[p][1] for p in parts])
            total = math.nan if any(_missing(v) for v in vals) else float(sum(vals))
            rows.append({**base, column: group, value: total, "status": status})
    return pd.DataFrame(rows, columns=[*keys, column, value, "status"])


# --------------------------------------------------------------------------------------------
# Converters, one per report dataset
# --------------------------------------------------------------------------------------------
BEVOLKING_GROUPS = ["0-14", "15-24", "25-44", "45-64", "65-74", "75-84", "85+"]
WMO_AGE_GROUPS = ["0-64", "65-74", "75+"]
HUISHOUDEN_GROUPS = ["65-74", "75-84", "85+"]
PROGNOSE_GROUPS = ["0-19", "20-64", "65-74", "75-84", "85+"]
EIGENDOM = {
    "totaal": "totaal",
    "koop": "koopwoningen",
    "corporatie": "huur woningcorporatie",
    "overige_verhuur": "huur overige verhuurders",
}
VARIANT = {"prognose": "midden", "ondergrens": "laag", "bovengrens": "hoog"}


def _as_count(values: pd.Series) -> pd.Series:
    return values.round().astype("Int64")


def convert_bevolking(raw: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """``bevolking_leeftijd`` (seven age groups × sex) from CBS 03759ned's five-year bands.

    Examples
    --------
    >>> bands = [f"{a} tot {a + 5} jaar" for a in range(0, 95, 5)] + ["95 jaar of ouder"]
    >>> r = pd.DataFrame({"gemeente_code": "GM1", "periode": "2025", "geslacht": "totaal",
    ...     "leeftijd": bands, "waarde": [float(i) for i in range(1, 21)],
    ...     "eenheid": "personen", "status": "definitief"})
    >>> convert_bevolking({"bevolking_leeftijd": r})[["leeftijd", "waarde"]].values.tolist()
    [['0-14', 6], ['15-24', 9], ['25-44', 30], ['45-64', 46], ['65-74', 29], ['75-84', 33], ['85+', 57]]
    """
    r = raw["bevolking_leeftijd"]
    out = regroup_ages(
        r, "leeftijd", BEVOLKING_GROUPS, ["gemeente_code", "periode", "geslacht"], "03759ned"
    )
    out["waarde"] = _as_count(out["waarde"])
    out["eenheid"] = "personen"
    cols = ["gemeente_code", "periode", "leeftijd", "geslacht", "waarde", "eenheid", "status"]
    return out[cols]


def convert_huishoudens(raw: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """``huishoudens_leeftijd`` (all private households by age of the reference person), 71486ned.

    Examples
    --------
    >>> r = pd.DataFrame({"gemeente_code": "GM1", "periode": "2025",
    ...     "indicator": ["huishoudens_totaal"] * 4 + ["eenpersoonshuishoudens"],
    ...     "leeftijd_referentiepersoon": ["Totaal", "65 tot 75 jaar", "75 tot 85 jaar",
    ...                                    "85 jaar of ouder", "Totaal"],
    ...     "waarde": [1000.0, 200.0, 150.0, 50.0, 400.0], "eenheid": "huishoudens",
    ...     "status": "definitief"})
    >>> convert_huishoudens({"huishoudens": r})[["leeftijd_referentiepersoon", "waarde"]].values.tolist()
    [['totaal', 1000], ['65-74', 200], ['75-84', 150], ['85+', 50]]
    """
    r = raw["huishoudens"]
    r = r[r["indicator"] == "huishoudens_totaal"]
    out = regroup_ages(
        r,
        "leeftijd_referentiepersoon",
        HUISHOUDEN_GROUPS,
        ["gemeente_code", "periode"],
        "71486ned",
        keep_total="totaal",
    )
    out["waarde"] = _as_count(out["waarde"])
    out["eenheid"] = "huishoudens"
    cols = ["gemeente_code", "periode", "leeftijd_referentiepersoon", "waarde", "eenheid"]
    return out[[*cols, "status"]]


def _wide_wmo(r: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """One row per key with ``aantal``/``per_1000`` and their statuses."""
    n = r[r["indicator"] == "wmo_clienten"].set_index(keys)
    p = r[r["indicator"] == "wmo_clienten_per_1000"].set_index(keys)
    out = pd.DataFrame(
        {
            "aantal": n["waarde"],
            "per_1000": p["waarde"].reindex(n.index),
            "status": n["status"],
        }
    )
    return out.reset_index()


def convert_wmo_clienten(raw: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """``wmo_clienten`` (type × age × period) from CBS 86050NED (all ages) and 85896NED (age).

    The ``totaal`` age rows come from 86050NED (every type, years and half-years); the age groups
    ``0-64``, ``65-74`` and ``75+`` are added from the 85896NED bands, with rates recomputed by
    :func:`merged_rate`.

    Examples
    --------
    >>> tot = pd.DataFrame({"gemeente_code": "GM1", "periode": "2024",
    ...     "indicator": ["wmo_clienten", "wmo_clienten_per_1000"],
    ...     "type_voorziening": "Totaal", "waarde": [1800.0, 65.0],
    ...     "eenheid": ["personen", "per 1 000 inwoners"], "status": "voorlopig"})
    >>> ages = ["0 tot 18 jaar", "18 tot 65 jaar", "65 tot 75 jaar", "75 tot 85 jaar",
    ...         "85 jaar of ouder"]
    >>> lft = pd.DataFrame({"gemeente_code": "GM1", "periode": "2024",
    ...     "indicator": ["wmo_clienten"] * 5 + ["wmo_clienten_per_1000"] * 5,
    ...     "leeftijd": ages * 2, "type_voorziening": "Totaal",
    ...     "waarde": [20.0, 280.0, 200.0, 740.0, 560.0, 4.0, 20.0, 70.0, 297.0, 601.0],
    ...     "eenheid": "x", "status": "voorlopig"})
    >>> out = convert_wmo_clienten({"wmo_clienten": tot, "wmo_clienten_leeftijd": lft})
    >>> out[["leeftijd", "aantal", "per_1000"]].values.tolist()
    [['totaal', 1800, 65.0], ['0-64', 300, 15.8], ['65-74', 200, 70.0], ['75+', 1300, 379.7]]
    """
    tot = _wide_wmo(raw["wmo_clienten"], ["gemeente_code", "periode", "type_voorziening"]).assign(
        leeftijd="totaal"
    )
    keys = ["gemeente_code", "periode", "type_voorziening", "leeftijd"]
    groups = _wmo_age_groups(_wide_wmo(raw["wmo_clienten_leeftijd"], keys), keys[:3])
    out = pd.concat([tot[[*keys, "aantal", "per_1000", "status"]], groups])
    out = out.rename(columns={"type_voorziening": "type"})
    out["aantal"] = _as_count(out["aantal"])
    # the order of the CBS rows: region as requested, years first, type as in the registry
    first_seen = {
        k: {v: i for i, v in enumerate(dict.fromkeys(tot[k]))}
        for k in ("gemeente_code", "type_voorziening")
    }
    ages = {a: i for i, a in enumerate(["totaal", *WMO_AGE_GROUPS])}
    out = out.assign(
        _r=out["gemeente_code"].map(first_seen["gemeente_code"]),
        _p=out["periode"].map(_period_sort),
        _t=out["type"].map(first_seen["type_voorziening"]),
        _a=out["leeftijd"].map(ages),
    ).sort_values(["_r", "_p", "_t", "_a"], kind="stable")
    cols = ["gemeente_code", "periode", "type", "leeftijd", "aantal", "per_1000", "status"]
    return out[cols].reset_index(drop=True)


def _wmo_age_groups(lft: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """The report's Wmo age groups from the 85896NED bands, rates by :func:`merged_rate`."""
    rows: list[dict[str, Any]] = []
    for key, g in lft.groupby(keys, sort=False):
        where = ", ".join(map(str, key))
        cells = {
            str(a): (n, p, s)
            for a, n, p, s in g[["leeftijd", "aantal", "per_1000", "status"]].itertuples(
                index=False, name=None
            )
        }
        bands = [a for a in cells if not is_total_label(a) and a.strip().lower() != "totaal"]
        for group in WMO_AGE_GROUPS:
            parts = _group_parts("85896NED", where, bands, group)
            counts = [cells[p][0] for p in parts]
            rates = [cells[p][1] for p in parts]
            missing = any(_missing(c) for c in counts)
            rate = float(rates[0]) if len(parts) == 1 else merged_rate(counts, rates)
            rows.append(
                {
                    **dict(zip(keys, key, strict=True)),
                    "leeftijd": group,
                    "aantal": math.nan if missing else float(sum(counts)),
                    "per_1000": math.nan if missing else rate,
                    "status": combined_status([cells[p][2] for p in parts]),
                }
            )
    return pd.DataFrame(rows, columns=[*keys, "leeftijd", "aantal", "per_1000", "status"])


def _period_sort(periode: str) -> tuple[int, str]:
    """Years before half-years, then by period (as the CBS rows)."""
    return (len(str(periode)) > 4, str(periode))


def convert_wmo_uitgaven(raw: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """``wmo_uitgaven`` (budgeted and realised expenditure per type, × 1 000 euro), 84580NED.

    Examples
    --------
    >>> r = pd.DataFrame({"gemeente_code": "GM1", "periode": "2024",
    ...     "indicator": ["begroot", "begroot_per_1000", "gerealiseerd"],
    ...     "type_voorziening": "Hulp bij het huishouden", "waarde": [2000.0, 70.0, float("nan")],
    ...     "eenheid": "1 000 euro", "status": ["voorlopig", "voorlopig", "onbekend"]})
    >>> convert_wmo_uitgaven({"wmo_uitgaven": r}).values.tolist()
    [['GM1', '2024', 'Hulp bij het huishouden', 'begroot', 2000.0, '1 000 euro', 'voorlopig'], ['GM1', '2024', 'Hulp bij het huishouden', 'gerealiseerd', nan, '1 000 euro', 'onbekend']]
    """
    r = raw["wmo_uitgaven"]
    r = r[
        r["indicator"].isin(["begroot", "gerealiseerd"])
        & r["type_voorziening"].isin(schemas.vocabulary("wmo_uitgaven_type"))
    ]
    out = r.rename(columns={"type_voorziening": "type", "indicator": "soort"})
    out = out.assign(eenheid="1 000 euro")
    cols = ["gemeente_code", "periode", "type", "soort", "waarde", "eenheid", "status"]
    return out[cols].reset_index(drop=True)


def convert_woningvoorraad(raw: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """``woningvoorraad`` (dwellings by owner on 1 January), 82900NED.

    Examples
    --------
    >>> r = pd.DataFrame({"gemeente_code": "GM1", "periode": "2025",
    ...     "indicator": ["totaal", "koop", "corporatie", "overige_verhuur"],
    ...     "waarde": [100.0, 60.0, 25.0, 14.0], "eenheid": "woningen", "status": "voorlopig"})
    >>> convert_woningvoorraad({"woningvoorraad": r})[["eigendom", "waarde"]].values.tolist()
    [['totaal', 100], ['koopwoningen', 60], ['huur woningcorporatie', 25], ['huur overige verhuurders', 14]]
    """
    r = raw["woningvoorraad"]
    out = r.assign(eigendom=r["indicator"].map(EIGENDOM))
    out = out[out["eigendom"].notna()].copy()
    out["waarde"] = _as_count(out["waarde"])
    out["eenheid"] = "woningen"
    cols = ["gemeente_code", "periode", "eigendom", "waarde", "eenheid", "status"]
    return out[cols].reset_index(drop=True)


def convert_prognose(raw: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """``bevolkingsprognose`` (persons by age group and variant), 85173NED (in thousands).

    The CBS variants *prognose*, *ondergrens* and *bovengrens* of the 67% interval become
    ``midden``, ``laag`` and ``hoog``; thousands become persons (rounded).

    Examples
    --------
    >>> ages = ["Totaal", "0 tot 20 jaar", "20 tot 65 jaar", "65 tot 75 jaar",
    ...         "75 tot 85 jaar", "85 jaar of ouder"]
    >>> r = pd.DataFrame({"gemeente_code": "GM1", "periode": "2040", "variant": "prognose",
    ...     "leeftijd": ages, "waarde": [28.5, 6.1, 14.2, 3.4, 3.2, 1.6],
    ...     "eenheid": "1 000 personen", "status": "definitief"})
    >>> convert_prognose({"bevolkingsprognose": r})[["leeftijd", "variant", "waarde"]].values.tolist()
    [['0-19', 'midden', 6100], ['20-64', 'midden', 14200], ['65-74', 'midden', 3400], ['75-84', 'midden', 3200], ['85+', 'midden', 1600]]
    """
    r = raw["bevolkingsprognose"].copy()
    r["variant"] = r["variant"].map(VARIANT).fillna(r["variant"])
    out = regroup_ages(
        r, "leeftijd", PROGNOSE_GROUPS, ["gemeente_code", "periode", "variant"], "85173NED"
    )
    out["waarde"] = _as_count(out["waarde"] * 1000)
    out["eenheid"] = "personen"
    cols = ["gemeente_code", "periode", "leeftijd", "variant", "waarde", "eenheid", "status"]
    return out[cols]


# --------------------------------------------------------------------------------------------
# Report datasets: the registry's sources joined with a converter and the dataset's schema
# --------------------------------------------------------------------------------------------
CONVERTERS: dict[str, Callable[[Mapping[str, pd.DataFrame]], pd.DataFrame]] = {
    "bevolking_leeftijd": convert_bevolking,
    "huishoudens_leeftijd": convert_huishoudens,
    "wmo_clienten": convert_wmo_clienten,
    "wmo_uitgaven": convert_wmo_uitgaven,
    "woningvoorraad": convert_woningvoorraad,
    "bevolkingsprognose": convert_prognose,
}
"""One converter per report dataset the registry may name."""


@dataclass(frozen=True)
class ReportDataset:
    """A dataset the chapters read, made from one or more fetched CBS series."""

    name: str
    series: tuple[str, ...]
    title: str
    description: str
    convert: Callable[[Mapping[str, pd.DataFrame]], pd.DataFrame]
    schema: dict[str, Any]
    vooruitblik: bool = False  # periods are projections (kept whole in every edition)


def report_datasets(registry: Registry | None = None) -> dict[str, ReportDataset]:
    """The report datasets of the registry, each with its converter and schema.

    Raises
    ------
    FetchError
        The registry names a report dataset this module cannot make.
    """
    registry = registry or load_registry()
    unknown = [n for n in registry.report_datasets if n not in CONVERTERS]
    if unknown:
        raise FetchError(
            f"{registry.path}: geen omzetting voor rapportdataset(s) {', '.join(unknown)} in "
            f"analysis.data.sources.cbs.convert (bekend: {', '.join(CONVERTERS)})"
        )
    return {
        name: ReportDataset(
            name,
            src.series,
            src.title,
            src.description,
            CONVERTERS[name],
            schemas.schema(name),
            src.vooruitblik,
        )
        for name, src in registry.report_datasets.items()
    }


def read_raw(path: Any) -> pd.DataFrame:
    """A fetched CBS snapshot as a DataFrame: text columns, ``waarde`` as float (empty = NaN)."""
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    df["waarde"] = pd.to_numeric(df["waarde"].replace("", None), errors="raise").astype(float)
    return df


def text_rows(frame: pd.DataFrame, columns: Sequence[str]) -> list[dict[str, str]]:
    """Rows as CSV text: whole numbers without decimals, missing values empty.

    Examples
    --------
    >>> f = pd.DataFrame({"a": ["x", "y"], "n": pd.array([5, None], dtype="Int64"),
    ...                   "r": [379.7, float("nan")]})
    >>> text_rows(f, ["a", "n", "r"])
    [{'a': 'x', 'n': '5', 'r': '379.7'}, {'a': 'y', 'n': '', 'r': ''}]
    """

    def cell(value: Any) -> str:
        if isinstance(value, str):
            return value
        return "" if value is None or pd.isna(value) else format_cell(float(value))

    return [
        {c: cell(v) for c, v in zip(columns, row, strict=True)}
        for row in frame[list(columns)].itertuples(index=False, name=None)
    ]


def convert(
    name: str, raw: Mapping[str, pd.DataFrame], registry: Registry | None = None
) -> pd.DataFrame:
    """Make report dataset ``name`` from its fetched series (``{series name: DataFrame}``).

    Raises
    ------
    FetchError
        A series is missing or the CBS layout does not allow the report's groups.
    """
    spec = report_datasets(registry)[name]
    absent = [s for s in spec.series if s not in raw]
    if absent:
        raise FetchError(f"{name} heeft ook CBS-reeks(en) {', '.join(absent)} nodig")
    out = spec.convert(raw)
    if out.empty:
        raise FetchError(f"{name}: de CBS-gegevens leveren geen enkele rij op")
    dup = out.duplicated(spec.schema["key"], keep=False)
    if dup.any():
        first = out[dup].iloc[0]
        raise FetchError(
            f"{name}: dubbele rij voor {', '.join(str(first[k]) for k in spec.schema['key'])}"
        )
    return out
