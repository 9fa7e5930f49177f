"""Wonen en zorg: older households against the dwelling stock, housing demand, target groups.

What this module computes, for the chapter *Wonen en zorg*:

* **Ouderen.** Households with a head aged 65+, 75+ and 85+ against the dwelling stock
  (:func:`older_households`, :func:`households_vs_stock`, :func:`growth_index`), and an estimate of
  the demand for *nultredenwoningen*, *zorggeschikte* and *geclusterde woningen*
  (:func:`demand_estimate`). **No authoritative demand ratio exists** for these dwelling types: the
  ratios are explicit, editable parameters (``params/<periode>.yml``, section ``wonen.vraag``)
  with a low/central/high value, and every estimate is shown as that range. For context
  :func:`pro_rata` translates the national programme *Wonen en zorg voor ouderen* to a local share.
* **Target groups** (psychisch kwetsbaar, kwetsbare jeugd, (dreigend) dakloos, sociale huur): the
  plan's own figures are planning estimates (ranges such as 11-15 places) and are quoted as such
  (:func:`parse_range`, :func:`range_text`); **counts from registrations** (placements via the Pact
  voor uitstroom, realisations) are small, so they are pooled over consecutive years until a
  publishable total is reached and then suppressed/rounded (:func:`pool_small_counts`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from analysis.core.codes import age_bounds, is_total_label
from analysis.core.errors import DataError, ParamsError
from analysis.core.numbers import parse_range
from analysis.data.privacy import suppress_counts

SCENARIOS = ("laag", "midden", "hoog")

# ------------------------------------------------------------------------------- ranges


def range_text(low: float, high: float | None = None, decimalen: int = 0) -> str:
    """A range in Dutch prose: ``"11 tot 15"``, or one number when low equals high.

    Examples
    --------
    >>> range_text(11, 15), range_text(4, 4), range_text(1234.4, 2345.6)
    ('11 tot 15', '4', '1.234 tot 2.346')
    """
    from analysis.core.numbers import getal

    if high is None or (not pd.isna(high) and round(low, decimalen) == round(high, decimalen)):
        return getal(low, decimalen)
    return f"{getal(low, decimalen)} tot {getal(high, decimalen)}"


# ------------------------------------------------------------------- households and stock
_NOT_BREAKDOWNS = frozenset({"gemeente_code", "periode", "waarde", "eenheid", "status"})


def only_totals(df: pd.DataFrame, keep: Iterable[str] = ()) -> pd.DataFrame:
    """Restrict every breakdown column that has a total value to its total rows.

    A breakdown column (any column except ``gemeente_code, periode, waarde, eenheid, status`` and
    those in ``keep``) that contains a total label (``totaal``, see
    :func:`analysis.core.codes.is_total_label`) is restricted to those rows, so that e.g.
    mannen + vrouwen + totaal are never summed. The test is on the values, not on the column's
    dtype: the loader gives ``string`` columns, hand-made frames ``object``, and both must behave
    the same.

    Examples
    --------
    >>> d = pd.DataFrame({"periode": ["2024"] * 3, "geslacht": ["mannen", "vrouwen", "totaal"],
    ...     "waarde": [4, 6, 10]}).astype({"geslacht": "string"})
    >>> only_totals(d)["waarde"].tolist()
    [10]
    >>> only_totals(d, keep=["geslacht"])["waarde"].tolist()
    [4, 6, 10]
    """
    skip = _NOT_BREAKDOWNS | set(keep)
    d = df
    for col in d.columns:
        if col in skip:
            continue
        total = d[col].map(is_total_label).astype(bool)
        if total.any():
            d = d[total]
    return d


def _age_column(df: pd.DataFrame) -> str:
    for c in ("leeftijd", "leeftijd_referentiepersoon", "leeftijdsgroep"):
        if c in df.columns:
            return c
    raise DataError(
        "geen leeftijdskolom (verwacht 'leeftijd' of 'leeftijd_referentiepersoon')",
        file=df.attrs.get("dataset"),
    )


def older_households(
    df: pd.DataFrame, region: str, thresholds: Sequence[int] = (65, 75, 85)
) -> pd.DataFrame:
    """Households whose reference person is ``t`` or older, per period, for each threshold.

    Parameters
    ----------
    df
        Tidy ``huishoudens_leeftijd``: ``gemeente_code, periode, leeftijd, waarde`` with age groups
        such as ``"65-74"`` and ``"85+"`` (a total row gives ``totaal``; other columns with a ``totaal``
        value, e.g. ``huishoudtype``, are restricted to it).
    region
        CBS region code.

    Returns
    -------
    DataFrame
        ``periode, groep, waarde`` with ``groep`` ``"65+"``, ``"75+"``, ``"85+"`` and ``"totaal"``
        (all households: the data's total row, or the sum of its age groups when it has none).

    Raises
    ------
    DataError
        When an age group straddles a threshold (a figure is never silently off).

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": ["GM1"] * 4, "periode": ["2024"] * 4,
    ...     "leeftijd": ["0-64", "65-74", "75-84", "85+"], "waarde": [60, 20, 15, 5]})
    >>> older_households(d, "GM1").values.tolist()
    [['2024', '65+', 40.0], ['2024', '75+', 20.0], ['2024', '85+', 5.0], ['2024', 'totaal', 100.0]]
    >>> t = pd.DataFrame({"gemeente_code": "GM1", "periode": "2024",
    ...     "leeftijd": ["totaal", "65-74", "75+"], "waarde": [500, 20, 20]})
    >>> older_households(t, "GM1", thresholds=(65,)).values.tolist()
    [['2024', '65+', 40.0], ['2024', 'totaal', 500.0]]
    """
    col = _age_column(df)
    d = only_totals(df[df["gemeente_code"] == region], keep=[col])
    is_total = d[col].map(is_total_label).astype(bool)
    totals = d[is_total].groupby(d["periode"].astype(str))["waarde"].sum()
    d = d[~is_total]
    if d.empty:
        raise DataError(f"geen huishoudens voor {region}", file=df.attrs.get("dataset"))
    bounds = {lab: age_bounds(lab) for lab in d[col].unique()}
    rows = []
    for per, g in d.groupby(d["periode"].astype(str)):
        # all households: the total row when the data has one, else the sum of the age groups
        total = float(totals[per]) if per in totals.index else float(g["waarde"].sum())
        for t in thresholds:
            n = 0.0
            for lab, v in zip(g[col], g["waarde"], strict=True):
                lo, hi = bounds[lab]
                if lo >= t:
                    n += float(v)
                elif hi is None or hi >= t:
                    raise DataError(
                        f"leeftijdsgroep {lab!r} valt deels onder {t} jaar",
                        file=df.attrs.get("dataset"),
                    )
            rows.append({"periode": per, "groep": f"{t}+", "waarde": n})
        rows.append({"periode": per, "groep": "totaal", "waarde": total})
    return pd.DataFrame(rows)


def growth_index(
    df: pd.DataFrame, base: str, *, group: str = "groep", value: str = "waarde"
) -> pd.DataFrame:
    """Add ``index``: each group's value as a percentage of its value in period ``base`` (= 100).

    Examples
    --------
    >>> d = pd.DataFrame({"periode": ["2020", "2025", "2020", "2025"],
    ...     "groep": ["75+", "75+", "woningen", "woningen"], "waarde": [200, 250, 1000, 1020]})
    >>> growth_index(d, "2020")["index"].tolist()
    [100.0, 125.0, 100.0, 102.0]
    """
    out = df.copy()
    per = out["periode"].astype(str)
    base_vals = out[per == str(base)].set_index(group)[value]
    if base_vals.empty:
        have = ", ".join(sorted(per.unique()))
        raise DataError(
            f"basisperiode {base} ontbreekt (wel: {have})", file=df.attrs.get("dataset")
        )
    out["index"] = out[value].astype(float) / out[group].map(base_vals).astype(float) * 100
    return out


def dwelling_stock(df: pd.DataFrame, region: str) -> pd.Series:
    """Total dwelling stock per period for a region (the ``totaal`` row of any breakdown).

    Parameters
    ----------
    df
        Tidy ``woningvoorraad``: ``gemeente_code, periode, [eigendom/woningtype …], waarde``. When a
        breakdown column has a ``totaal`` value that row is used, otherwise the rows are summed.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": ["GM1"] * 3, "periode": ["2024"] * 3,
    ...     "eigendom": ["koop", "huur", "totaal"], "waarde": [60, 40, 100]})
    >>> dwelling_stock(d, "GM1").to_dict()
    {'2024': 100.0}
    """
    d = only_totals(df[df["gemeente_code"] == region])
    s = d.groupby(d["periode"].astype(str))["waarde"].sum().astype(float)
    s.name = "woningen"
    return s


def stock_breakdown(df: pd.DataFrame, region: str, by: str, periode: str) -> pd.DataFrame:
    """Dwelling stock of one period by one breakdown (e.g. ``eigendom``), with shares in %.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": ["GM1"] * 3, "periode": ["2024"] * 3,
    ...     "eigendom": ["koop", "huur", "totaal"], "waarde": [60, 40, 100]})
    >>> stock_breakdown(d, "GM1", "eigendom", "2024").values.tolist()
    [['koop', 60.0, 60.0], ['huur', 40.0, 40.0]]
    """
    d = df[(df["gemeente_code"] == region) & (df["periode"].astype(str) == str(periode))]
    d = d[~d[by].map(is_total_label).astype(bool)]
    d = only_totals(d, keep=[by])
    g = d.groupby(by, sort=False)["waarde"].sum().astype(float)
    return pd.DataFrame(
        {by: g.index, "waarde": g.to_numpy(), "aandeel": (g / g.sum() * 100).to_numpy()}
    )


def households_vs_stock(households: pd.DataFrame, stock: pd.Series) -> pd.DataFrame:
    """Older households per 100 dwellings, per period present in both.

    Parameters
    ----------
    households
        Output of :func:`older_households`.
    stock
        Output of :func:`dwelling_stock`.

    Returns
    -------
    DataFrame
        ``periode, groep, huishoudens, woningen, per_100_woningen``.

    Examples
    --------
    >>> h = pd.DataFrame({"periode": ["2024"], "groep": ["75+"], "waarde": [250.0]})
    >>> households_vs_stock(h, pd.Series({"2024": 1000.0})).values.tolist()
    [['2024', '75+', 250.0, 1000.0, 25.0]]
    """
    h = households.rename(columns={"waarde": "huishoudens"}).copy()
    h["woningen"] = h["periode"].astype(str).map(stock)
    h = h.dropna(subset=["woningen"])
    h["per_100_woningen"] = h["huishoudens"] / h["woningen"] * 100
    return h[["periode", "groep", "huishoudens", "woningen", "per_100_woningen"]].reset_index(
        drop=True
    )


# ------------------------------------------------------------------------------- demand


@dataclass(frozen=True)
class DemandRatio:
    """An assumed demand ratio for one dwelling type, with a sensitivity range.

    Attributes
    ----------
    woningtype
        E.g. ``"nultredenwoning"``.
    laag, midden, hoog
        Dwellings needed per ``per`` persons of the base group (low, central, high assumption).
    basis
        The base group, e.g. ``"75+"`` (residents aged 75 or older).
    per
        The ratio's denominator (default 1.000).
    toelichting
        Where the assumption comes from (shown with the estimate).
    """

    woningtype: str
    laag: float
    midden: float
    hoog: float
    basis: str = "75+"
    per: float = 1000.0
    toelichting: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.laag <= self.midden <= self.hoog:
            raise ParamsError(
                f"vraagratio '{self.woningtype}': verwacht 0 ≤ laag ≤ midden ≤ hoog, gevonden "
                f"{self.laag}, {self.midden}, {self.hoog}",
                field="wonen.vraag.ratios",
            )
        if self.per <= 0:
            raise ParamsError("noemer 'per' moet groter dan 0 zijn", field="wonen.vraag.ratios")


def ratios_from_params(spec: Iterable[Mapping[str, Any]]) -> list[DemandRatio]:
    """Demand ratios from the params section ``wonen.vraag.ratios`` (a list of mappings).

    Examples
    --------
    >>> r = ratios_from_params([{"woningtype": "geclusterd", "laag": 30, "midden": 57,
    ...     "hoog": 85, "basis": "75+"}])
    >>> r[0].midden, r[0].per
    (57.0, 1000.0)
    """
    out = []
    for item in spec:
        out.append(
            DemandRatio(
                woningtype=str(item["woningtype"]),
                laag=float(item["laag"]),
                midden=float(item["midden"]),
                hoog=float(item["hoog"]),
                basis=str(item.get("basis", "75+")),
                per=float(item.get("per", 1000)),
                toelichting=str(item.get("toelichting", "")),
            )
        )
    return out


def demand_estimate(
    base: Mapping[str, pd.Series] | pd.Series, ratios: Sequence[DemandRatio]
) -> pd.DataFrame:
    """Estimated number of dwellings needed per type, year and scenario: ratio × base group.

    Parameters
    ----------
    base
        The base group's size per year (a Series indexed by year), or a mapping from base-group
        name (``"75+"``) to such a Series when ratios use different bases.
    ratios
        The assumed ratios (see :class:`DemandRatio`).

    Returns
    -------
    DataFrame
        ``jaar, woningtype, basis, basis_aantal, laag, midden, hoog`` (dwellings, unrounded).

    Examples
    --------
    >>> r = [DemandRatio("geclusterd", 30, 57, 85)]
    >>> demand_estimate(pd.Series({"2030": 2000.0}), r)[["laag", "midden", "hoog"]].values.tolist()
    [[60.0, 114.0, 170.0]]
    """
    rows = []
    for r in ratios:
        series = base if isinstance(base, pd.Series) else base.get(r.basis)
        if series is None:
            raise KeyError(f"basisgroep {r.basis!r} ontbreekt voor '{r.woningtype}'")
        for year, n in series.items():
            n = float(n)
            rows.append(
                {
                    "jaar": str(year),
                    "woningtype": r.woningtype,
                    "basis": r.basis,
                    "basis_aantal": n,
                    **{s: n * getattr(r, s) / r.per for s in SCENARIOS},
                }
            )
    return pd.DataFrame(rows, columns=["jaar", "woningtype", "basis", "basis_aantal", *SCENARIOS])


def demand_long(estimate: pd.DataFrame) -> pd.DataFrame:
    """:func:`demand_estimate` in long form with Dutch headers for a chart (rounded to 5).

    The estimates are rounded to a multiple of 5: they are assumptions × a prognosis, and
    showing single dwellings would suggest a precision they do not have.

    Examples
    --------
    >>> e = pd.DataFrame({"jaar": ["2030"], "woningtype": ["g"], "basis": ["75+"],
    ...     "basis_aantal": [2000.0], "laag": [61.0], "midden": [114.0], "hoog": [171.0]})
    >>> demand_long(e)["Woningen"].tolist()
    [60, 115, 170]
    """
    rows = []
    for _, r in estimate.iterrows():
        for s in SCENARIOS:
            rows.append(
                {
                    "Jaar": r["jaar"],
                    "Woningtype": r["woningtype"],
                    "Scenario": s,
                    "Woningen": int(5 * math.floor(r[s] / 5 + 0.5)),
                }
            )
    return pd.DataFrame(rows)


def pro_rata(national_target: float, local_base: float, national_base: float) -> float:
    """The local share of a national target, in proportion to a base group (e.g. 75-plussers).

    Examples
    --------
    >>> pro_rata(80_000, 4_000, 1_600_000)
    200.0
    """
    if national_base <= 0:
        raise ValueError("landelijke basis moet groter dan 0 zijn")
    return national_target * local_base / national_base


def implied_ratio(national_target: float, national_base: float, per: float = 1000) -> float:
    """A national target expressed per ``per`` persons of the base group.

    Examples
    --------
    >>> round(implied_ratio(80_000, 1_400_000), 1)
    57.1
    """
    return national_target / national_base * per


# ----------------------------------------------------------------------- small counts


def pool_small_counts(counts: pd.Series, *, min_cel: int = 10, afronding: int = 5) -> pd.DataFrame:
    """Pool consecutive yearly counts until each pool reaches ``min_cel``, then round (CBS practice).

    Small yearly counts from registrations (placements, intakes) cannot be published per year.
    Years are pooled from the most recent backwards; the oldest pool, if it stays below
    ``min_cel``, is merged into the next one (or suppressed when it is the only one). Totals pass
    :func:`analysis.data.privacy.suppress_counts`; the average per year is derived from the rounded total,
    so it reveals nothing extra.

    Parameters
    ----------
    counts
        Count per year (index: year as text or int); missing years are skipped.

    Returns
    -------
    DataFrame
        ``periode`` (``"2022-2023"`` or ``"2024"``), ``jaren`` (number of years), ``eerste``,
        ``laatste`` (years), ``aantal`` (rounded total, ``<NA>`` when suppressed),
        ``per_jaar`` (``aantal`` / ``jaren``), oldest first.

    Examples
    --------
    >>> pool_small_counts(pd.Series({"2022": 7, "2023": 3, "2024": 12}))[
    ...     ["periode", "aantal", "per_jaar"]].values.tolist()
    [['2022-2023', 10, 5.0], ['2024', 10, 10.0]]
    >>> pool_small_counts(pd.Series({"2024": 4}))["aantal"].tolist()
    [<NA>]
    """
    s = counts.dropna()
    s.index = [int(str(i)[:4]) for i in s.index]
    s = s.sort_index()
    pools: list[list[int]] = []
    current: list[int] = []
    total = 0.0
    for year in reversed(s.index.tolist()):
        current.insert(0, year)
        total += float(s[year])
        if total >= min_cel:
            pools.insert(0, current)
            current, total = [], 0.0
    if current:
        if pools:
            pools[0] = current + pools[0]
        else:
            pools = [current]
    rows = []
    for years in pools:
        raw = float(sum(s[y] for y in years))
        label = str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"
        rows.append(
            {
                "periode": label,
                "jaren": len(years),
                "eerste": years[0],
                "laatste": years[-1],
                "ruw": raw,
            }
        )
    out = pd.DataFrame(rows, columns=["periode", "jaren", "eerste", "laatste", "ruw"])
    out["aantal"] = suppress_counts(out["ruw"], min_cel, afronding).reset_index(drop=True)
    out["per_jaar"] = out["aantal"].astype("Float64") / out["jaren"]
    return out.drop(columns="ruw")


def pooled_against_target(pooled: pd.DataFrame, target_per_year: float) -> pd.DataFrame:
    """Pooled counts against a yearly target: target over the same years and % realised.

    Examples
    --------
    >>> p = pd.DataFrame({"periode": ["2022-2023"], "jaren": [2], "aantal": [10],
    ...     "per_jaar": [5.0]})
    >>> pooled_against_target(p, 12)[["doel", "pct_gerealiseerd"]].values.tolist()
    [[24.0, 41.66666666666667]]
    """
    out = pooled.copy()
    out["doel"] = out["jaren"] * float(target_per_year)
    out["pct_gerealiseerd"] = out["aantal"].astype("Float64").astype(float) / out["doel"] * 100
    return out


# ------------------------------------------------------------ plan figures per target group

_LABEL_COLS = ("indicator", "omschrijving", "onderwerp", "wat", "label", "vorm", "kenmerk")
_LOW_HIGH = (("waarde_min", "waarde_max"), ("laag", "hoog"), ("min", "max"), ("van", "tot"))


def _label_col(df: pd.DataFrame) -> str:
    for c in _LABEL_COLS:
        if c in df.columns:
            return c
    raise DataError(
        f"geen kolom met de omschrijving (verwacht een van: {', '.join(_LABEL_COLS)})",
        file=df.attrs.get("dataset"),
    )


def value_range(row: Mapping[str, Any]) -> tuple[float, float]:
    """Low and high value of one row: ``waarde_min``/``waarde_max`` (or ``laag``/``hoog``), else
    ``waarde`` parsed with :func:`parse_range`; a missing high equals the low.

    Examples
    --------
    >>> value_range({"waarde_min": 11, "waarde_max": 15}), value_range({"waarde": "1-2"})
    ((11.0, 15.0), (1.0, 2.0))
    >>> value_range({"laag": 4, "hoog": float("nan")})
    (4.0, 4.0)
    """
    for lo_c, hi_c in _LOW_HIGH:
        if lo_c in row and row[lo_c] is not None and not pd.isna(row[lo_c]):
            lo = float(row[lo_c])
            hi = row.get(hi_c)
            return lo, lo if hi is None or pd.isna(hi) else float(hi)
    if "waarde" in row:
        return parse_range(row["waarde"], strict=True)
    raise KeyError("geen waarde")


def find_figure(df: pd.DataFrame, *words: str, doelgroep: str | None = None) -> tuple[float, float]:
    """The (low, high) value of the one row whose description contains all ``words``.

    Matching is case-insensitive on the description column (``indicator``, ``omschrijving``, …),
    optionally within one ``doelgroep``.

    Raises
    ------
    KeyError
        When no row or more than one row matches (the message names the words).

    Examples
    --------
    >>> d = pd.DataFrame({"indicator": ["pauzeplekken nodig", "kleinschalige voorziening"],
    ...     "waarde_min": [1, 4], "waarde_max": [2, 6]})
    >>> find_figure(d, "pauzeplek")
    (1.0, 2.0)
    """
    col = _label_col(df)
    d = df
    if doelgroep is not None and "doelgroep" in df.columns:
        d = df[df["doelgroep"].astype(str).str.lower().str.contains(doelgroep.lower(), regex=False)]
    mask = pd.Series(True, index=d.index)
    for w in words:
        mask &= d[col].astype(str).str.lower().str.contains(w.lower(), regex=False)
    hits = d[mask]
    if len(hits) != 1:
        raise KeyError(f"{len(hits)} rijen met {' + '.join(words)!r} in {df.attrs.get('dataset')}")
    return value_range(hits.iloc[0].to_dict())


def plan_figures(df: pd.DataFrame, doelgroep: str | None = None) -> pd.DataFrame:
    """The plan's figures for a target group as a table with Dutch headers (ranges as text).

    Examples
    --------
    >>> d = pd.DataFrame({"doelgroep": ["jeugd"], "indicator": ["gevallen per jaar"],
    ...     "waarde_min": [11], "waarde_max": [15], "eenheid": ["gevallen"]})
    >>> plan_figures(d, "jeugd").values.tolist()
    [['gevallen per jaar', '11 tot 15', 'gevallen']]
    """
    col = _label_col(df)
    d = df
    if doelgroep is not None and "doelgroep" in df.columns:
        d = df[df["doelgroep"].astype(str).str.lower().str.contains(doelgroep.lower(), regex=False)]
    rows = []
    for _, r in d.iterrows():
        lo, hi = value_range(r.to_dict())
        row = {"Wat": str(r[col]), "Aantal": range_text(lo, hi)}
        if "eenheid" in d.columns:
            row["Eenheid"] = str(r["eenheid"])
        if "periode" in d.columns:
            row["Periode"] = str(r["periode"])
        rows.append(row)
    return pd.DataFrame(rows)


def range_chart_data(df: pd.DataFrame, label: str = "Vorm") -> pd.DataFrame:
    """Rows with a low/high value as chart data: ``<label>, Laag, Hoog, Midden``.

    Examples
    --------
    >>> d = pd.DataFrame({"vorm": ["intramuraal", "geclusterd"], "waarde_min": [8, 4],
    ...     "waarde_max": [9, 4]})
    >>> range_chart_data(d).values.tolist()
    [['intramuraal', 8.0, 9.0, 8.5], ['geclusterd', 4.0, 4.0, 4.0]]
    """
    col = _label_col(df)
    rows = []
    for _, r in df.iterrows():
        lo, hi = value_range(r.to_dict())
        rows.append({label: str(r[col]), "Laag": lo, "Hoog": hi, "Midden": (lo + hi) / 2})
    return pd.DataFrame(rows)


def yearly_series(df: pd.DataFrame, *words: str) -> pd.Series:
    """Values per period of the rows whose description contains all ``words`` (a time series).

    Examples
    --------
    >>> d = pd.DataFrame({"indicator": ["plaatsingen", "plaatsingen", "doel"],
    ...     "periode": ["2022", "2023", "2022"], "waarde": [7, 3, 12]})
    >>> yearly_series(d, "plaatsing").to_dict()
    {'2022': 7.0, '2023': 3.0}
    """
    col = _label_col(df)
    mask = pd.Series(True, index=df.index)
    for w in words:
        mask &= df[col].astype(str).str.lower().str.contains(w.lower(), regex=False)
    d = df[mask]
    if d.empty:
        raise KeyError(f"geen rijen met {' + '.join(words)!r} in {df.attrs.get('dataset')}")
    s = d.groupby(d["periode"].astype(str))["waarde"].sum(min_count=1).astype(float)
    s.index.name = None
    return s


_VARIANT_COLS = ("variant", "prognose_variant", "interval", "scenario")
_CENTRAL = ("prognose", "midden", "middenvariant", "centraal", "totaal")


def aged_series(df: pd.DataFrame, region: str, min_age: int) -> pd.Series:
    """Persons (or households) aged ``min_age`` or older per period, from a tidy age table.

    Works for population, households and prognosis tables: other breakdowns are restricted to
    their ``totaal`` value, and a prognosis variant column to the central variant.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": ["GM1"] * 4, "periode": ["2030"] * 4,
    ...     "leeftijd": ["0-74", "75+", "75+", "75+"],
    ...     "variant": ["prognose", "prognose", "ondergrens", "bovengrens"],
    ...     "waarde": [900, 100, 90, 110]})
    >>> aged_series(d, "GM1", 75).to_dict()
    {'2030': 100.0}
    """
    d = df
    for c in _VARIANT_COLS:
        if c in d.columns:
            vals = d[c].astype(str).str.lower()
            central = vals.isin(_CENTRAL)
            if not central.any():
                raise DataError(
                    f"geen centrale variant in kolom '{c}' (verwacht een van: {', '.join(_CENTRAL)})",
                    file=df.attrs.get("dataset"),
                )
            d = d[central]
    h = older_households(d, region, thresholds=(min_age,))
    s = h[h["groep"] == f"{min_age}+"].set_index("periode")["waarde"]
    s.index.name = None
    return s.rename(f"{min_age}+")


def latest_at_or_before(series: pd.Series, periode: str | int) -> tuple[str, float]:
    """The last value of a period-indexed series at or before ``periode`` (year comparison).

    Examples
    --------
    >>> latest_at_or_before(pd.Series({"2023": 1.0, "2024": 2.0, "2026": 3.0}), 2025)
    ('2024', 2.0)
    """
    keys = sorted(k for k in series.index.astype(str) if k[:4] <= str(periode)[:4])
    if not keys:
        raise KeyError(f"geen waarde in of voor {periode}")
    return keys[-1], float(series[keys[-1]])


def pact_data(df: pd.DataFrame) -> tuple[float, pd.Series]:
    """Yearly target and realised placements of the Pact voor uitstroom.

    Rows whose description contains ``doel`` give the yearly target (the most recent); rows with
    ``gerealiseerd``/``realisatie``/``plaatsing`` (and not ``doel``) give the placements per year.

    Examples
    --------
    >>> d = pd.DataFrame({"indicator": ["doel plaatsingen per jaar", "gerealiseerde plaatsingen",
    ...     "gerealiseerde plaatsingen"], "periode": ["2022", "2022", "2023"], "waarde": [12, 7, 3]})
    >>> t, s = pact_data(d); t, s.to_dict()
    (12.0, {'2022': 7.0, '2023': 3.0})
    """
    col = _label_col(df)
    text = df[col].astype(str).str.lower()
    is_target = text.str.contains("doel")
    is_real = ~is_target & text.str.contains("realis|plaatsing|toewijzing", regex=True)
    if not is_target.any() or not is_real.any():
        raise KeyError(f"doel of realisatie ontbreekt in {df.attrs.get('dataset')}")
    t = df[is_target].sort_values("periode")
    target = float(t["waarde"].iloc[-1])
    r = df[is_real]
    s = r.groupby(r["periode"].astype(str))["waarde"].sum(min_count=1).astype(float)
    s.index.name = None
    return target, s


# ------------------------------------------------------------------------ key indicators


def pact_measure(ctx: Any) -> Any:
    """Pact voor uitstroom: average placements per year over the latest publishable pool, vs target."""
    from analysis.topics.indicators import Measurement, Target

    df = ctx.load("uitstroom_pact")
    target, real = pact_data(df)
    real = real[[k for k in real.index if k[:4] <= ctx.params.periode]]
    priv = ctx.params.privacy
    pools = pool_small_counts(real, min_cel=priv["min_cel"], afronding=priv["afronding"])
    cur = pools["per_jaar"].iloc[-1]
    prev = pools["per_jaar"].iloc[-2] if len(pools) > 1 else None
    periods = [str(p) for p in pools["periode"]]
    return Measurement(
        waarde=None if pd.isna(cur) else float(cur),
        vorige=None if prev is None or pd.isna(prev) else float(prev),
        doel=Target(
            "hoger", target, f"{range_text(target)} plaatsingen per jaar (Pact voor uitstroom)"
        ),
        bron=f"uitstroom_pact; gemiddelde over {pools['periode'].iloc[-1]}",
        periode=periods[-1],
        vorige_periode=periods[-2] if len(periods) > 1 else "",
    )


def demand_measure(ctx: Any, woningtype: str) -> Any:
    """Indicative extra demand (central scenario) for one dwelling type in the reporting year."""
    from analysis.core.provenance import Provenance
    from analysis.data.datasets import provenance_of
    from analysis.topics.indicators import Measurement

    vraag = ctx.params.wonen.vraag
    ratios = {r.woningtype: r for r in ratios_from_params(vraag.ratios if vraag else [])}
    r = ratios[woningtype]
    pop = ctx.load("bevolking_leeftijd")
    s = aged_series(pop, ctx.code, int(age_bounds(r.basis)[0]))
    per, n = latest_at_or_before(s, ctx.params.periode)
    prev, prev_per = None, ""
    vorige = ctx.params.vorige_periode
    if vorige:
        try:
            prev_per, prev_n = latest_at_or_before(s, vorige)
            prev = prev_n * r.midden / r.per
        except KeyError:
            prev, prev_per = None, ""

    def r5(v: float | None) -> float | None:
        return None if v is None else float(5 * math.floor(v / 5 + 0.5))

    return Measurement(
        waarde=r5(n * r.midden / r.per),
        vorige=r5(prev),
        doel=None,
        bron=f"bevolking_leeftijd ({per}) × aangenomen verhouding (params wonen.vraag)",
        periode=str(per),
        vorige_periode=str(prev_per),
        herkomst=provenance_of(pop) | Provenance.assumption("wonen.vraag.ratios"),
    )


# ------------------------------------------------------------------------ chapter helpers

_GROUP_LABELS = {
    "65+": "huishoudens 65+",
    "75+": "huishoudens 75+",
    "85+": "huishoudens 85+",
    "woningen": "woningvoorraad",
}


def growth_chart_data(households: pd.DataFrame, stock: pd.Series, base: str | int) -> pd.DataFrame:
    """Index (``base`` = 100) of older households and of the dwelling stock, for a line chart.

    Only periods present in both series are kept, so the lines are comparable.

    Examples
    --------
    >>> h = pd.DataFrame({"periode": ["2020", "2025"] * 2, "groep": ["75+", "75+", "totaal",
    ...     "totaal"], "waarde": [100.0, 130.0, 1000.0, 1050.0]})
    >>> growth_chart_data(h, pd.Series({"2020": 1000.0, "2025": 1020.0}), 2020).values.tolist()
    [['2020', 'huishoudens 75+', 100.0], ['2025', 'huishoudens 75+', 130.0], ['2020', 'woningvoorraad', 100.0], ['2025', 'woningvoorraad', 102.0]]
    """
    both = sorted(set(households["periode"].astype(str)) & set(stock.index.astype(str)))
    h = households[households["groep"] != "totaal"]
    s = pd.DataFrame(
        {"periode": stock.index.astype(str), "groep": "woningen", "waarde": stock.values}
    )
    d = pd.concat([h, s], ignore_index=True)
    d = d[d["periode"].astype(str).isin(both)]
    g = growth_index(d, str(base))
    return pd.DataFrame(
        {
            "Jaar": g["periode"].astype(str).to_numpy(),
            "Reeks": g["groep"].map(_GROUP_LABELS).to_numpy(),
            "Index": g["index"].round(1).to_numpy(),
        }
    )


def demand_for_years(
    population: pd.DataFrame,
    prognosis: pd.DataFrame | None,
    region: str,
    ratios: Sequence[DemandRatio],
    periode: str | int,
    target_years: Sequence[int] = (),
) -> pd.DataFrame:
    """:func:`demand_estimate` for the reporting year (population) and target years (prognosis).

    The base group of each ratio (``"75+"``) is counted in the population table for the latest
    year at or before ``periode`` and in the prognosis for each target year that it has.

    Examples
    --------
    >>> pop = pd.DataFrame({"gemeente_code": ["GM1"] * 2, "periode": ["2025"] * 2,
    ...     "leeftijd": ["0-74", "75+"], "waarde": [900, 100]})
    >>> prog = pop.assign(periode="2030", waarde=[880, 120])
    >>> e = demand_for_years(pop, prog, "GM1", [DemandRatio("g", 50, 100, 150)], 2025, [2030])
    >>> e[["jaar", "midden"]].values.tolist()
    [['2025', 10.0], ['2030', 12.0]]
    """
    bases: dict[str, pd.Series] = {}
    for r in ratios:
        if r.basis in bases:
            continue
        age = int(age_bounds(r.basis)[0])
        per, n = latest_at_or_before(aged_series(population, region, age), periode)
        vals = {per: n}
        if prognosis is not None and len(target_years):
            prog = aged_series(prognosis, region, age)
            for y in target_years:
                if str(y) in prog.index:
                    vals[str(y)] = float(prog[str(y)])
        bases[r.basis] = pd.Series(vals)
    return demand_estimate(bases, ratios)


def demand_chart_data(estimate: pd.DataFrame) -> pd.DataFrame:
    """Chart data for the demand range: ``Woningtype, Jaar, Midden, Laag, Hoog`` rounded to 5.

    Examples
    --------
    >>> e = pd.DataFrame({"jaar": ["2030"], "woningtype": ["g"], "basis": ["75+"],
    ...     "basis_aantal": [2000.0], "laag": [61.0], "midden": [114.0], "hoog": [171.0]})
    >>> demand_chart_data(e).values.tolist()
    [['g', '2030', 115, 60, 170]]
    """

    def r5(v: float) -> int:
        return int(5 * math.floor(v / 5 + 0.5))

    return pd.DataFrame(
        {
            "Woningtype": estimate["woningtype"].to_numpy(),
            "Jaar": estimate["jaar"].astype(str).to_numpy(),
            "Midden": [r5(v) for v in estimate["midden"]],
            "Laag": [r5(v) for v in estimate["laag"]],
            "Hoog": [r5(v) for v in estimate["hoog"]],
        }
    )


def national_context(
    programme: Mapping[str, Any], local_base: float, national_base: float
) -> pd.DataFrame:
    """The national programme's targets and the local share in proportion to the 75-plussers.

    Parameters
    ----------
    programme
        ``wonen.landelijk_programma`` from the params (``doelen``: woningtype + aantal).
    local_base, national_base
        Residents aged 75+ locally and in the Netherlands (same year).

    Examples
    --------
    >>> p = {"doelen": [{"woningtype": "geclusterd", "aantal": 80000}]}
    >>> national_context(p, 4000, 1_600_000).values.tolist()
    [['geclusterd', 80000.0, 200]]
    """
    rows = []
    for d in programme["doelen"]:
        share = pro_rata(float(d["aantal"]), local_base, national_base)
        rows.append(
            {
                "Woningtype": str(d["woningtype"]),
                "Landelijk doel": float(d["aantal"]),
                "Naar rato lokaal": int(5 * math.floor(share / 5 + 0.5)),
            }
        )
    return pd.DataFrame(rows)


def pact_chart_data(pools: pd.DataFrame, target_per_year: float) -> pd.DataFrame:
    """Pooled Pact placements per year next to the target, for a grouped bar chart.

    Examples
    --------
    >>> p = pd.DataFrame({"periode": ["2022-2023"], "jaren": [2], "aantal": [10], "per_jaar": [5.0]})
    >>> pact_chart_data(p, 12).values.tolist()
    [['2022-2023', 'gerealiseerd, gemiddeld per jaar', 5.0], ['2022-2023', 'doel per jaar', 12.0]]
    """
    rows = []
    for _, r in pools.iterrows():
        v = r["per_jaar"]
        rows.append(
            {
                "Periode": r["periode"],
                "Reeks": "gerealiseerd, gemiddeld per jaar",
                "Plaatsingen per jaar": None if pd.isna(v) else float(v),
            }
        )
        rows.append(
            {
                "Periode": r["periode"],
                "Reeks": "doel per jaar",
                "Plaatsingen per jaar": float(target_per_year),
            }
        )
    return pd.DataFrame(rows)


def growth_title(growth: pd.DataFrame) -> str:
    """Title stating whether households 75+ grew faster than the dwelling stock.

    Examples
    --------
    >>> g = pd.DataFrame({"Jaar": ["2025", "2025"], "Reeks": ["huishoudens 75+", "woningvoorraad"],
    ...     "Index": [120.0, 103.0]})
    >>> growth_title(g)
    'Huishoudens 75+ groeien sneller dan de woningvoorraad'
    """
    last = growth[growth["Jaar"] == growth["Jaar"].max()].set_index("Reeks")["Index"]
    faster = last["huishoudens 75+"] > last["woningvoorraad"]
    verb = "sneller" if faster else "niet sneller"
    return f"Huishoudens 75+ groeien {verb} dan de woningvoorraad"


def growth_description(growth: pd.DataFrame, base: str | int) -> str:
    """Text alternative for the growth chart: each series' index in the last year.

    Examples
    --------
    >>> g = pd.DataFrame({"Jaar": ["2025"], "Reeks": ["woningvoorraad"], "Index": [103.0]})
    >>> growth_description(g, 2020)
    'Lijndiagram, index 2020 = 100. In 2025: woningvoorraad 103.'
    """
    from analysis.core.numbers import getal

    last_year = growth["Jaar"].max()
    last = growth[growth["Jaar"] == last_year]
    parts = ", ".join(
        f"{r} {getal(v, 0)}" for r, v in zip(last["Reeks"], last["Index"], strict=True)
    )
    return f"Lijndiagram, index {base} = 100. In {last_year}: {parts}."


def demand_title(chart_data: pd.DataFrame) -> str:
    """Title for the demand chart: the range for geclusterde woningen in the last year, and whether
    the central estimate grows, falls or stays the same since the first year.

    The direction is computed from the chart's own numbers (first and last year of the central
    estimate for geclusterde woningen), never assumed.

    Examples
    --------
    >>> d = pd.DataFrame({"Woningtype": ["geclusterde woningen"] * 2, "Jaar": ["2025", "2040"],
    ...     "Midden": [125, 150], "Laag": [60, 75], "Hoog": [190, 225]})
    >>> demand_title(d)
    'Opgave voor ouderen groeit met het aantal 75-plussers, tot 75 à 225 geclusterde woningen in 2040'
    >>> demand_title(d.assign(Midden=[175, 150]))
    'Opgave voor ouderen daalt met het aantal 75-plussers, tot 75 à 225 geclusterde woningen in 2040'
    >>> demand_title(d.assign(Midden=[150, 150]))
    'Opgave voor ouderen blijft gelijk met het aantal 75-plussers: 75 à 225 geclusterde woningen in 2040'
    >>> demand_title(d.iloc[[1]])
    'Indicatieve opgave voor ouderen: 75 à 225 geclusterde woningen in 2040'
    """
    g = chart_data[chart_data["Woningtype"].str.contains("geclusterd")].sort_values("Jaar")
    if g.empty:
        return "Indicatieve opgave aan geschikte woningen voor ouderen"
    first, last = g.iloc[0], g.iloc[-1]
    what = (
        f"{range_text(last['Laag'], last['Hoog']).replace(' tot ', ' à ')} geclusterde woningen "
        f"in {last['Jaar']}"
    )
    if len(g) == 1:
        return f"Indicatieve opgave voor ouderen: {what}"
    if last["Midden"] > first["Midden"]:
        return f"Opgave voor ouderen groeit met het aantal 75-plussers, tot {what}"
    if last["Midden"] < first["Midden"]:
        return f"Opgave voor ouderen daalt met het aantal 75-plussers, tot {what}"
    return f"Opgave voor ouderen blijft gelijk met het aantal 75-plussers: {what}"


def demand_description(chart_data: pd.DataFrame) -> str:
    """Text alternative for the demand chart.

    Examples
    --------
    >>> d = pd.DataFrame({"Woningtype": ["g"], "Jaar": ["2030"], "Midden": [10], "Laag": [5],
    ...     "Hoog": [15]})
    >>> demand_description(d)
    'Indicatieve extra opgave per woningtype en jaar, middenwaarde met bandbreedte. g 2030: 10 (5 tot 15).'
    """
    from analysis.core.numbers import getal

    parts = [
        f"{r['Woningtype']} {r['Jaar']}: {getal(r['Midden'])} ({range_text(r['Laag'], r['Hoog'])})"
        for _, r in chart_data.iterrows()
    ]
    return (
        "Indicatieve extra opgave per woningtype en jaar, middenwaarde met bandbreedte. "
        + "; ".join(parts)
        + "."
    )


def bw_title(chart_data: pd.DataFrame) -> str:
    """Title for the beschermd-wonen prognosis: the form with the largest need.

    Examples
    --------
    >>> bw_title(pd.DataFrame({"Vorm": ["gespikkeld", "intramuraal"], "Midden": [1.5, 8.5]}))
    'Grootste behoefte aan de vorm intramuraal'
    """
    top = chart_data.loc[chart_data["Midden"].idxmax(), "Vorm"]
    return f"Grootste behoefte aan de vorm {top}"


def range_description(chart_data: pd.DataFrame, label: str) -> str:
    """Text alternative for a chart of ranges per category.

    Examples
    --------
    >>> range_description(pd.DataFrame({"Vorm": ["a"], "Laag": [1.0], "Hoog": [2.0]}), "Vorm")
    'Per categorie de bandbreedte: a: 1 tot 2.'
    """
    parts = [f"{r[label]}: {range_text(r['Laag'], r['Hoog'])}" for _, r in chart_data.iterrows()]
    return "Per categorie de bandbreedte: " + "; ".join(parts) + "."


def pact_title(pools: pd.DataFrame, target: float) -> str:
    """Title for the Pact chart: whether the latest pooled average reached the target.

    Examples
    --------
    >>> pact_title(pd.DataFrame({"periode": ["2022-2023"], "per_jaar": [5.0]}), 12)
    'Pact voor uitstroom: minder plaatsingen dan het doel van 12 per jaar'
    """
    v = pools["per_jaar"].iloc[-1]
    if pd.isna(v):
        return "Pact voor uitstroom: te weinig plaatsingen om te publiceren"
    word = "minder" if float(v) < target else "minstens zoveel"
    return f"Pact voor uitstroom: {word} plaatsingen dan het doel van {range_text(target)} per jaar"


def pact_description(pools: pd.DataFrame, target: float) -> str:
    """Text alternative for the Pact chart.

    Examples
    --------
    >>> pact_description(pd.DataFrame({"periode": ["2022-2023"], "per_jaar": [5.0]}), 12)
    'Staafdiagram: gemiddeld aantal plaatsingen per jaar naast het doel van 12. 2022-2023: 5,0.'
    """
    from analysis.core.numbers import getal

    parts = [f"{r['periode']}: {getal(r['per_jaar'], 1)}" for _, r in pools.iterrows()]
    return (
        f"Staafdiagram: gemiddeld aantal plaatsingen per jaar naast het doel van {range_text(target)}. "
        + "; ".join(parts)
        + "."
    )


def realisation_vs_plan(
    realised: pd.DataFrame, *, social_share_target: float, start: str | None = None
) -> pd.DataFrame:
    """New construction per year against the plan: social share per year and cumulative totals.

    Parameters
    ----------
    realised
        Tidy rows ``periode, indicator, waarde`` with indicators ``nieuwbouw totaal``,
        ``waarvan sociale huur`` and ``waarvan betaalbare middenhuur of koop``.
    social_share_target
        The plan's target share of social rent in new construction, in percent (30).
    start
        First year to count (e.g. the start of the MRA bod); default all years.

    Returns
    -------
    DataFrame
        Columns ``Jaar, Nieuwbouw, Sociale huur, Middensegment, Aandeel sociaal (%), Doel (%),
        Cumulatief nieuwbouw, Cumulatief sociaal, Cumulatief midden``.

    Examples
    --------
    >>> d = pd.DataFrame({"periode": ["2024"] * 3 + ["2025"] * 3,
    ...     "indicator": ["nieuwbouw totaal", "waarvan sociale huur",
    ...                   "waarvan betaalbare middenhuur of koop"] * 2,
    ...     "waarde": [20, 4, 6, 30, 12, 9]})
    >>> t = realisation_vs_plan(d, social_share_target=30)
    >>> t["Aandeel sociaal (%)"].tolist(), t["Cumulatief sociaal"].tolist()
    ([20.0, 40.0], [4, 16])
    """
    d = realised.copy()
    d["periode"] = d["periode"].astype(str)
    if start:
        d = d[d["periode"] >= start]
    wide = d.pivot_table(index="periode", columns="indicator", values="waarde", aggfunc="sum")
    out = pd.DataFrame(
        {
            "Jaar": wide.index,
            "Nieuwbouw": wide["nieuwbouw totaal"].astype(int).values,
            "Sociale huur": wide["waarvan sociale huur"].astype(int).values,
            "Middensegment": wide["waarvan betaalbare middenhuur of koop"].astype(int).values,
        }
    )
    out["Aandeel sociaal (%)"] = (100 * out["Sociale huur"] / out["Nieuwbouw"]).round(1)
    out["Doel (%)"] = float(social_share_target)
    out["Cumulatief nieuwbouw"] = out["Nieuwbouw"].cumsum()
    out["Cumulatief sociaal"] = out["Sociale huur"].cumsum()
    out["Cumulatief midden"] = out["Middensegment"].cumsum()
    return out.reset_index(drop=True)
