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
from analysis.topics import findings
from analysis.topics.findings import Finding

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


def find_row(df: pd.DataFrame, *words: str, doelgroep: str | None = None) -> pd.Series:
    """The one row whose description contains all ``words`` (case-insensitive), optionally
    within one ``doelgroep``.

    Raises
    ------
    KeyError
        When no row or more than one row matches (the message names the words).

    Examples
    --------
    >>> d = pd.DataFrame({"indicator": ["pauzeplekken nodig", "kleinschalige voorziening"],
    ...     "periode_tekst": ["2025-2028", "2022"], "waarde_min": [1, 4], "waarde_max": [2, 6]})
    >>> find_row(d, "kleinschalig")["periode_tekst"]
    '2022'
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
    return hits.iloc[0]


def find_figure(df: pd.DataFrame, *words: str, doelgroep: str | None = None) -> tuple[float, float]:
    """The (low, high) value of the one row whose description contains all ``words``
    (see :func:`find_row`).

    Examples
    --------
    >>> d = pd.DataFrame({"indicator": ["pauzeplekken nodig", "kleinschalige voorziening"],
    ...     "waarde_min": [1, 4], "waarde_max": [2, 6]})
    >>> find_figure(d, "pauzeplek")
    (1.0, 2.0)
    """
    return value_range(find_row(df, *words, doelgroep=doelgroep).to_dict())


def document_title(bron: str) -> str:
    """The document a ``bron`` cell cites, without the file name: the text in brackets after it,
    else the text itself without file names.

    Examples
    --------
    >>> document_title("003_4f3f.txt (Uitvoeringsprogramma opvang, wonen en herstel 2024-2027); x")
    'Uitvoeringsprogramma opvang, wonen en herstel 2024-2027'
    >>> document_title("Nota wonen, 2024")
    'Nota wonen, 2024'
    """
    import re

    m = re.search(r"\S+\.(?:txt|pdf|csv)\s*\(([^()]+)\)", bron)
    if m:
        return m[1].strip()
    return re.sub(r"\s*\S+\.(?:txt|pdf|csv)\b", "", bron).strip(" ;,")


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


def is_published(df: pd.DataFrame) -> bool:
    """True when a loaded dataset holds published figures (manifest ``supplier: publiek``).

    Published counts (e.g. placements a public document names per year) may be shown per year;
    counts from a municipal registration are pooled first (:func:`pool_small_counts`). A frame
    without manifest information counts as a registration (the careful default).

    Examples
    --------
    >>> d = pd.DataFrame(); d.attrs = {"manifest": {"supplier": "publiek"}}
    >>> is_published(d), is_published(pd.DataFrame())
    (True, False)
    """
    return (df.attrs.get("manifest") or {}).get("supplier") == "publiek"


def pact_years(
    df: pd.DataFrame, *, min_cel: int = 10, afronding: int = 5, tot: str | None = None
) -> pd.DataFrame:
    """Pact voor uitstroom per year against the yearly target, ready for the page.

    Published figures (:func:`is_published`) stay per year: the source names them, so hiding the
    trend behind an average would only hide what the source stresses. Figures from a registration
    are pooled over consecutive years and rounded first (:func:`pool_small_counts`).

    Parameters
    ----------
    df
        ``uitstroom_pact`` (see :func:`pact_data`).
    tot
        Report period: years after it are left out (a half-year period counts up to its year).

    Returns
    -------
    DataFrame
        ``periode, jaren, aantal, per_jaar, doel`` (``doel`` = the yearly target), oldest first.

    Examples
    --------
    >>> d = pd.DataFrame({"indicator": ["doel per jaar", "gerealiseerd", "gerealiseerd"],
    ...     "periode": ["2023", "2022", "2023"], "waarde": [12, 7, 3]})
    >>> d.attrs = {"manifest": {"supplier": "publiek"}}
    >>> pact_years(d)[["periode", "aantal", "doel"]].values.tolist()
    [['2022', 7.0, 12.0], ['2023', 3.0, 12.0]]
    >>> d.attrs = {}
    >>> pact_years(d)[["periode", "aantal", "per_jaar"]].values.tolist()
    [['2022-2023', 10, 5.0]]
    """
    target, real = pact_data(df)
    if tot is not None:
        real = real[[k for k in real.index if k[:4] <= str(tot)[:4]]]
    if is_published(df):
        out = pd.DataFrame(
            {
                "periode": list(real.index),
                "jaren": 1,
                "aantal": real.to_numpy(dtype=float),
                "per_jaar": real.to_numpy(dtype=float),
            }
        )
    else:
        pools = pool_small_counts(real, min_cel=min_cel, afronding=afronding)
        out = pools[["periode", "jaren", "aantal", "per_jaar"]].copy()
    out["doel"] = float(target)
    return out.reset_index(drop=True)


_TELWOORD = "geen één twee drie vier vijf zes zeven acht negen tien elf twaalf".split()


def _words(n: int, voorbeeld: bool) -> str:
    from analysis.core.numbers import getal
    from analysis.core.provenance import mark

    text = _TELWOORD[n] if 0 <= n < len(_TELWOORD) else getal(n)
    return mark(text) if voorbeeld and n >= len(_TELWOORD) else text


def years_target_met(values: pd.Series, target: float, *, herkomst: Any = None) -> Finding:
    """In how many of the years (or pooled periods) the yearly target was reached.

    Reads right for one, two and more periods, for none, some and all of them.

    Examples
    --------
    >>> years_target_met(pd.Series({"2022": 7.0, "2023": 3.0}), 12, herkomst=False).zin()
    'Het doel werd in geen van beide jaren gehaald.'
    >>> years_target_met(pd.Series({"2023": 3.0}), 12, herkomst=False).zin()
    'Het doel werd in 2023 niet gehaald.'
    >>> years_target_met(pd.Series({"a": 12.0, "b": 3.0, "c": 15.0}), 12, herkomst=False).zin()
    'Het doel werd in twee van de drie jaren gehaald.'
    >>> years_target_met(pd.Series({"a": 12.0, "b": 13.0}), 12, herkomst=False).zin()
    'Het doel werd in beide jaren gehaald.'
    >>> years_target_met(pd.Series({"a": 12.0, "b": 13.0, "c": 14.0}), 12, herkomst=True).zin()
    'In deze voorbeeldgegevens werd het doel in alle drie jaren gehaald.'
    """
    prov = findings.provenance(herkomst)
    ex = prov.is_synthetic
    v = values.dropna()
    n, hit = len(v), int((v >= target).sum())
    if n == 0:
        rest = "in geen enkel jaar te beoordelen: er zijn geen cijfers"
    elif n == 1:
        rest = f"in {v.index[0]} {'' if hit else 'niet '}gehaald".replace("  ", " ")
    elif n == 2:
        rest = {0: "in geen van beide jaren", 1: "in één van beide jaren", 2: "in beide jaren"}[hit]
        rest += " gehaald"
    else:
        total = _words(n, ex)
        if hit == 0:
            rest = f"in geen van de {total} jaren gehaald"
        elif hit == n:
            rest = f"in alle {total} jaren gehaald"
        else:
            rest = f"in {_words(hit, ex)} van de {total} jaren gehaald"
    return Finding("het doel", "werd", rest, "", ex, prov)


def pact_findings(years: pd.DataFrame, *, herkomst: Any = None) -> dict[str, Any]:
    """What the Pact figures say, as findings: the trend between the first and last year, the
    last year against the target, and in how many years the target was reached.

    Parameters
    ----------
    years
        Output of :func:`pact_years`.
    herkomst
        The loaded ``uitstroom_pact`` (or ``True``/``False``), see
        :func:`analysis.topics.findings.provenance`.

    Returns
    -------
    dict
        ``trend`` (a :class:`~analysis.topics.findings.Finding`, or ``""`` with one period),
        ``doel`` and ``jaren`` (findings); ``laatste`` (the last period); ``toelichting`` (why
        the figures are pooled, or ``""``).

    Examples
    --------
    >>> y = pd.DataFrame({"periode": ["2022", "2023"], "jaren": [1, 1], "aantal": [7.0, 3.0],
    ...     "per_jaar": [7.0, 3.0], "doel": [12.0, 12.0]})
    >>> f = pact_findings(y, herkomst=False)
    >>> f["trend"].zin()
    'Tussen 2022 en 2023 daalde het aantal plaatsingen van 7 naar 3.'
    >>> f["doel"].zin()
    'In 2023 was het aantal plaatsingen 3: lager dan het doel (12 per jaar).'
    """
    pooled = bool((years["jaren"] > 1).any())
    what = "het gemiddelde aantal plaatsingen per jaar" if pooled else "het aantal plaatsingen"
    decimals = 1 if pooled else 0
    known = years.dropna(subset=["per_jaar"])
    out: dict[str, Any] = {"trend": "", "laatste": "", "toelichting": ""}
    if pooled:
        out["toelichting"] = (
            "Deze aantallen komen uit een registratie en zijn klein; daarom staan ze samengevoegd "
            "over meer jaren en afgerond."
        )
    if known.empty:
        out["doel"] = findings.caveat(True, "het Pact voor uitstroom") or ""
        out["jaren"] = ""
        return out
    first, last = known.iloc[0], known.iloc[-1]
    out["laatste"] = str(last["periode"])
    if len(known) > 1:
        out["trend"] = findings.change(
            what, float(first["per_jaar"]), float(last["per_jaar"]), herkomst=herkomst,
            decimalen=decimals, van_naar=True,
            bepaling=f"tussen {first['periode']} en {last['periode']}",
        )  # fmt: skip
    target = float(last["doel"])
    prov = findings.provenance(herkomst)
    value = findings.number(float(last["per_jaar"]), "", decimals, voorbeeld=prov.is_synthetic)
    d = findings.direction(target, float(last["per_jaar"]))
    word = {1: "hoger dan", -1: "lager dan", 0: "gelijk aan"}[d]
    out["doel"] = Finding(
        what, "was", f"{value}: {word} het doel ({range_text(target)} per jaar)",
        f"in {last['periode']}", prov.is_synthetic, prov,
    )  # fmt: skip
    out["jaren"] = years_target_met(
        known.set_index("periode")["per_jaar"], target, herkomst=herkomst
    )
    return out


# ------------------------------------------------------------------------ key indicators


def pact_measure(ctx: Any) -> Any:  # noqa: ANN401 - key indicator
    """Pact voor uitstroom: placements in the latest year of the report (per year where the
    source publishes them, else the average of the latest publishable pool) against the yearly
    target, with the year before (``kernindicatoren.yml``)."""
    from analysis.topics.indicators import Measurement, Target

    df = ctx.load("uitstroom_pact")
    priv = ctx.params.privacy
    years = pact_years(
        df, min_cel=priv["min_cel"], afronding=priv["afronding"], tot=str(ctx.params.periode)
    )
    target = float(years["doel"].iloc[-1])
    cur = years["per_jaar"].iloc[-1]
    prev = years["per_jaar"].iloc[-2] if len(years) > 1 else None
    periods = [str(p) for p in years["periode"]]
    return Measurement(
        waarde=None if pd.isna(cur) else float(cur),
        vorige=None if prev is None or pd.isna(prev) else float(prev),
        doel=Target(
            "hoger", target, f"{range_text(target)} plaatsingen per jaar (Pact voor uitstroom)"
        ),
        bron=f"uitstroom_pact; {periods[-1]}",
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


def pact_chart_data(years: pd.DataFrame) -> pd.DataFrame:
    """Pact placements per year (or per pooled period, as a yearly average) next to the yearly
    target, for a grouped bar chart (:func:`pact_years` in, Dutch headers out).

    Examples
    --------
    >>> y = pd.DataFrame({"periode": ["2022", "2023"], "jaren": [1, 1], "per_jaar": [7.0, 3.0],
    ...     "doel": [12.0, 12.0]})
    >>> pact_chart_data(y).values.tolist()[:2]
    [['2022', 'gerealiseerd', 7.0], ['2022', 'doel per jaar', 12.0]]
    """
    rows = []
    for _, r in years.iterrows():
        v = r["per_jaar"]
        label = "gerealiseerd" if r["jaren"] == 1 else "gerealiseerd, gemiddeld per jaar"
        rows.append(
            {
                "Periode": r["periode"],
                "Reeks": label,
                "Plaatsingen per jaar": None if pd.isna(v) else float(v),
            }
        )
        rows.append(
            {"Periode": r["periode"], "Reeks": "doel per jaar", "Plaatsingen per jaar": r["doel"]}
        )
    return pd.DataFrame(rows)


def growth_finding(growth: pd.DataFrame, base: str | int, *, herkomst: Any = None) -> Finding:
    """Did households aged 75+ grow faster than the dwelling stock? A finding from the chart's
    own numbers (:func:`growth_chart_data`: index, ``base`` = 100), from ``base`` to the last
    year.

    Examples
    --------
    >>> g = pd.DataFrame({"Jaar": ["2020", "2020", "2025", "2025"],
    ...     "Reeks": ["huishoudens 75+", "woningvoorraad"] * 2, "Index": [100, 100, 115.0, 101.0]})
    >>> growth_finding(g, 2020, herkomst=False).zin()
    'Tussen 2020 en 2025 groeide het aantal huishoudens 75+ sneller dan de woningvoorraad: met 15% tegen 1%.'
    >>> growth_finding(g.assign(Index=[100, 100, 101.0, 103.0]), 2020, herkomst=False).titel()
    'Tussen 2020 en 2025 groeide het aantal huishoudens 75+ langzamer dan de woningvoorraad: met 1% tegen 3%'
    >>> growth_finding(g.assign(Index=[100, 100, 97.0, 101.0]), 2020, herkomst=False).zin()
    'Tussen 2020 en 2025 kromp het aantal huishoudens 75+ met 3%, terwijl de woningvoorraad met 1% groeide.'
    >>> growth_finding(g.assign(Index=[100, 100, 100.0, 100.0]), 2020, herkomst=False).zin()
    'Tussen 2020 en 2025 bleef het aantal huishoudens 75+ gelijk, net als de woningvoorraad.'
    """
    last_year = growth["Jaar"].max()
    last = growth[growth["Jaar"] == last_year].set_index("Reeks")["Index"]
    h, w = float(last["huishoudens 75+"]) - 100, float(last["woningvoorraad"]) - 100
    prov = findings.provenance(herkomst)
    ex = prov.is_synthetic

    def pct(v: float) -> str:
        return findings.number(abs(v), "%", 0, voorbeeld=ex)

    hd, wd = (findings.direction(0, round(v)) for v in (h, w))
    stock = {1: f"met {pct(w)} groeide", -1: f"met {pct(w)} kromp", 0: "gelijk bleef"}[wd]
    if hd > 0 and wd >= 0:
        word = {1: "sneller dan", -1: "langzamer dan", 0: "even snel als"}[
            findings.direction(round(w), round(h))
        ]
        verb, rest = "groeide", f"{word} de woningvoorraad: met {pct(h)} tegen {pct(w)}"
    elif hd > 0:
        verb, rest = "groeide", f"met {pct(h)}, terwijl de woningvoorraad {stock}"
    elif hd < 0:
        verb, rest = "kromp", f"met {pct(h)}, terwijl de woningvoorraad {stock}"
    else:
        verb = "bleef"
        rest = (
            "gelijk, net als de woningvoorraad"
            if wd == 0
            else f"gelijk, terwijl de woningvoorraad {stock}"
        )
    return Finding(
        "het aantal huishoudens 75+", verb, rest, f"tussen {base} en {last_year}", ex, prov
    )


def households_per_dwelling_finding(
    per100: pd.DataFrame, *, groep: str = "75+", herkomst: Any = None
) -> Finding:
    """Households of ``groep`` per 100 dwellings in the latest period, as a sentence
    (:func:`households_vs_stock` in).

    Examples
    --------
    >>> t = pd.DataFrame({"periode": ["2024", "2025"], "groep": ["75+", "75+"],
    ...     "per_100_woningen": [25.2, 25.8]})
    >>> households_per_dwelling_finding(t, herkomst=False).zin()
    'In 2025 waren er per 100 woningen 26 huishoudens 75+.'
    """
    g = per100[per100["groep"] == groep].sort_values("periode")
    last = g.iloc[-1]
    prov = findings.provenance(herkomst)
    n = findings.number(float(last["per_100_woningen"]), voorbeeld=prov.is_synthetic)
    return Finding(
        "er", "waren", f"per 100 woningen {n} huishoudens {groep}", f"in {last['periode']}",
        prov.is_synthetic, prov,
    )  # fmt: skip


def real_stock_finding(ref: pd.DataFrame, region: str, naam: str) -> Finding | str:
    """The real total dwelling stock of ``region`` from ``woningvoorraad_referentie`` (the latest
    ``Woningen (totaal)`` or ``Woningvoorraad op 1 januari``), or ``""`` when there is none.

    Examples
    --------
    >>> r = pd.DataFrame({"gemeente_code": ["A", "A"], "periode": ["2019", "2019"],
    ...     "indicator": ["Woningen (totaal)", "Koopwoningen, aandeel"],
    ...     "waarde": [12561.0, 65.0], "periode_tekst": ["c. 2019", "c. 2019"]})
    >>> real_stock_finding(r, "A", "Stad").zin()
    'Rond 2019 telde Stad 12.561 woningen.'
    >>> real_stock_finding(r, "B", "Dorp")
    ''
    """
    d = ref[ref["gemeente_code"] == region]
    label = d["indicator"].astype(str).str.lower()
    d = d[label.str.startswith("woningen (totaal)") | label.str.startswith("woningvoorraad op")]
    if d.empty:
        return ""
    last = d.sort_values("periode").iloc[-1]
    when = str(last.get("periode_tekst", last["periode"]))
    bepaling = f"rond {when[3:]}" if when.startswith("c. ") else f"op 1 januari {last['periode']}"
    return findings.level(
        naam, "telde", float(last["waarde"]), eenheid="woningen", herkomst=ref, bepaling=bepaling
    )


def demand_finding(chart_data: pd.DataFrame, year: str, *, herkomst: Any = None) -> Finding:
    """The indicative extra demand per dwelling type in ``year`` as one sentence (ranges low to
    high, the central value for geclusterde woningen), from :func:`demand_chart_data`.

    Examples
    --------
    >>> d = pd.DataFrame({"Woningtype": ["nultredenwoningen", "geclusterde woningen"],
    ...     "Jaar": ["2025", "2025"], "Laag": [270, 130], "Midden": [535, 255], "Hoog": [810, 380]})
    >>> demand_finding(d, "2025", herkomst=False).zin()
    'In 2025 komt de indicatieve extra opgave met deze aannames uit op 270 tot 810 nultredenwoningen en 130 tot 380 geclusterde woningen (middenwaarde 255).'
    """
    from analysis.core.provenance import mark

    prov = findings.provenance(herkomst)
    ex = prov.is_synthetic
    rows = chart_data[chart_data["Jaar"].astype(str) == str(year)]
    parts = []
    for _, r in rows.iterrows():
        text = range_text(r["Laag"], r["Hoog"])
        part = f"{mark(text) if ex else text} {r['Woningtype']}"
        if "geclusterd" in str(r["Woningtype"]):
            mid = findings.number(r["Midden"], voorbeeld=ex)
            part += f" (middenwaarde {mid})"
        parts.append(part)
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]
    return Finding(
        "de indicatieve extra opgave", "komt", f"met deze aannames uit op {listed}",
        f"in {year}", ex, prov,
    )  # fmt: skip


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


def demand_title(chart_data: pd.DataFrame, *, herkomst: Any = None) -> Finding:
    """Title for the demand chart: whether the central estimate for geclusterde woningen grows,
    falls or stays the same from the first to the last year, and its range in the last year.

    The direction is computed from the chart's own numbers, never assumed; from synthetic data
    the title is an example.

    Examples
    --------
    >>> d = pd.DataFrame({"Woningtype": ["geclusterde woningen"] * 2, "Jaar": ["2025", "2040"],
    ...     "Midden": [125, 150], "Laag": [60, 75], "Hoog": [190, 225]})
    >>> demand_title(d, herkomst=False).titel()
    'Tussen 2025 en 2040 groeit de indicatieve opgave aan geclusterde woningen tot 75 à 225'
    >>> demand_title(d.assign(Midden=[175, 150]), herkomst=False).titel()
    'Tussen 2025 en 2040 daalt de indicatieve opgave aan geclusterde woningen tot 75 à 225'
    >>> demand_title(d.assign(Midden=[150, 150]), herkomst=False).titel()
    'Tussen 2025 en 2040 blijft de indicatieve opgave aan geclusterde woningen gelijk: 75 à 225'
    >>> demand_title(d.iloc[[1]], herkomst=False).titel()
    'In 2040 is de indicatieve opgave aan geclusterde woningen 75 à 225'
    """
    from analysis.core.provenance import mark

    prov = findings.provenance(herkomst)
    ex = prov.is_synthetic
    g = chart_data[chart_data["Woningtype"].str.contains("geclusterd")].sort_values("Jaar")
    subject = "de indicatieve opgave aan geclusterde woningen"
    if g.empty:
        return Finding(subject, "is", "niet te berekenen", "", ex, prov)
    first, last = g.iloc[0], g.iloc[-1]
    span = range_text(last["Laag"], last["Hoog"]).replace(" tot ", " à ")
    span = mark(span) if ex else span
    if len(g) == 1:
        return Finding(subject, "is", span, f"in {last['Jaar']}", ex, prov)
    d = findings.direction(float(first["Midden"]), float(last["Midden"]))
    verb = {1: "groeit", -1: "daalt", 0: "blijft"}[d]
    rest = f"gelijk: {span}" if d == 0 else f"tot {span}"
    return Finding(subject, verb, rest, f"tussen {first['Jaar']} en {last['Jaar']}", ex, prov)


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


def pact_description(years: pd.DataFrame) -> str:
    """Text alternative for the Pact chart (:func:`pact_years` in).

    Examples
    --------
    >>> y = pd.DataFrame({"periode": ["2022", "2023"], "jaren": [1, 1], "per_jaar": [7.0, 3.0],
    ...     "doel": [12.0, 12.0]})
    >>> pact_description(y)
    'Staafdiagram: plaatsingen per jaar naast het doel van 12 per jaar. 2022: 7; 2023: 3.'
    """
    from analysis.core.numbers import getal

    parts = [
        f"{r['periode']}: {getal(r['per_jaar'], 0 if r['jaren'] == 1 else 1)}"
        + ("" if r["jaren"] == 1 else " gemiddeld per jaar")
        for _, r in years.iterrows()
    ]
    target = range_text(float(years["doel"].iloc[-1]))
    return (
        f"Staafdiagram: plaatsingen per jaar naast het doel van {target} per jaar. "
        + "; ".join(parts)
        + "."
    )


def realisation_finding(table: pd.DataFrame, *, herkomst: Any = None) -> Finding:
    """New dwellings delivered over all years of :func:`realisation_vs_plan`, in one sentence.

    Examples
    --------
    >>> t = pd.DataFrame({"Jaar": ["2022", "2025"], "Cumulatief nieuwbouw": [14, 60],
    ...     "Cumulatief sociaal": [3, 17], "Cumulatief midden": [7, 25]})
    >>> realisation_finding(t, herkomst=False).zin()
    'In 2022-2025 werden 60 nieuwe woningen opgeleverd, waarvan 17 sociale huur en 25 in het middensegment.'
    >>> realisation_finding(t.assign(**{"Cumulatief nieuwbouw": [0, 0], "Cumulatief sociaal": [0, 0],
    ...     "Cumulatief midden": [0, 0]}), herkomst=False).zin()
    'In 2022-2025 werden geen nieuwe woningen opgeleverd.'
    """
    prov = findings.provenance(herkomst)
    ex = prov.is_synthetic
    last = table.iloc[-1]
    years = f"{table['Jaar'].iloc[0]}-{last['Jaar']}" if len(table) > 1 else str(last["Jaar"])
    total = int(last["Cumulatief nieuwbouw"])
    if total == 0:
        return Finding("", "werden", "geen nieuwe woningen opgeleverd", f"in {years}", ex, prov)
    n = findings.number
    rest = (
        f"{n(total, voorbeeld=ex)} nieuwe {'woning' if total == 1 else 'woningen'} opgeleverd, "
        f"waarvan {n(last['Cumulatief sociaal'], voorbeeld=ex)} sociale huur en "
        f"{n(last['Cumulatief midden'], voorbeeld=ex)} in het middensegment"
    )
    verb = "werd" if total == 1 else "werden"
    return Finding("", verb, rest, f"in {years}", ex, prov)


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


def social_share_finding(table: pd.DataFrame, *, herkomst: Any = None) -> Finding:
    """The social-rent share of all new dwellings together (:func:`realisation_vs_plan`) against
    the target (its column ``Doel (%)``), named but not repeated: the target is a real figure of
    the plan, the share may be an example.

    Examples
    --------
    >>> t = pd.DataFrame({"Jaar": ["2022", "2025"], "Cumulatief nieuwbouw": [14, 60],
    ...     "Cumulatief sociaal": [3, 17], "Doel (%)": [30.0, 30.0]})
    >>> social_share_finding(t, herkomst=False).zin()
    'Over 2022-2025 samen was het aandeel sociale huur in de nieuwbouw 28%: lager dan het doel van het Woonakkoord.'
    >>> social_share_finding(t.assign(**{"Cumulatief nieuwbouw": [0, 0]}), herkomst=False).zin()
    'Over 2022-2025 samen was het aandeel sociale huur in de nieuwbouw niet te berekenen: er werden geen woningen opgeleverd.'
    """
    prov = findings.provenance(herkomst)
    ex = prov.is_synthetic
    last = table.iloc[-1]
    years = f"{table['Jaar'].iloc[0]}-{last['Jaar']}" if len(table) > 1 else str(last["Jaar"])
    subject = "het aandeel sociale huur in de nieuwbouw"
    when = f"over {years} samen"
    total = float(last["Cumulatief nieuwbouw"])
    if total == 0:
        rest = "niet te berekenen: er werden geen woningen opgeleverd"
        return Finding(subject, "was", rest, when, ex, prov)
    share = 100 * float(last["Cumulatief sociaal"]) / total
    target = float(last["Doel (%)"])
    word = {1: "hoger dan", -1: "lager dan", 0: "gelijk aan"}[
        findings.direction(target, round(share))
    ]
    rest = f"{findings.number(share, '%', 0, voorbeeld=ex)}: {word} het doel van het Woonakkoord"
    return Finding(subject, "was", rest, when, ex, prov)


def social_share_chart_data(table: pd.DataFrame) -> pd.DataFrame:
    """The social-rent share per year next to the target, in long form for a line chart
    (:func:`realisation_vs_plan` in).

    Examples
    --------
    >>> t = pd.DataFrame({"Jaar": ["2024"], "Aandeel sociaal (%)": [20.0], "Doel (%)": [30.0]})
    >>> social_share_chart_data(t).values.tolist()
    [['2024', 'gerealiseerd aandeel sociale huur', 20.0], ['2024', 'doel Woonakkoord', 30.0]]
    """
    names = {
        "Aandeel sociaal (%)": "gerealiseerd aandeel sociale huur",
        "Doel (%)": "doel Woonakkoord",
    }
    out = table.melt(id_vars="Jaar", value_vars=list(names), var_name="Reeks", value_name="Procent")
    out["Reeks"] = out["Reeks"].map(names)
    return out.sort_values(["Jaar", "Reeks"], ascending=[True, False]).reset_index(drop=True)


def social_share_description(table: pd.DataFrame) -> str:
    """Text alternative for the social-rent chart.

    Examples
    --------
    >>> t = pd.DataFrame({"Jaar": ["2024", "2025"], "Aandeel sociaal (%)": [20.0, 40.4],
    ...     "Doel (%)": [30.0, 30.0]})
    >>> social_share_description(t)
    'Lijngrafiek van het aandeel sociale huur in de nieuwbouw per jaar naast het doel van 30%. 2024: 20%; 2025: 40%.'
    """
    from analysis.core.numbers import procent

    parts = "; ".join(
        f"{j}: {procent(v, 0)}"
        for j, v in zip(table["Jaar"], table["Aandeel sociaal (%)"], strict=True)
    )
    target = procent(float(table["Doel (%)"].iloc[-1]), 0)
    return (
        "Lijngrafiek van het aandeel sociale huur in de nieuwbouw per jaar naast het doel van "
        f"{target}. {parts}."
    )
