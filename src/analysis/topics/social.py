"""Sociale basis: mantelzorg, vrijwillige inzet, gezondheid en eenzaamheid (GGD Gezondheidsmonitor).

The survey indicators come from the ``gezondheidsmonitor`` dataset (one row per region, wave,
indicator and age group with ``percentage`` and number of respondents ``n``). The functions here:

* select one indicator as a series with 95% Wilson intervals, masking percentages based on too
  few respondents (:func:`survey_series`);
* compare two waves or two regions honestly, calling a difference significant only when the 95%
  interval of the difference excludes zero (:func:`compare_waves`, :func:`compare_regions`);
* turn a share into an estimated number of residents, with the interval carried through
  (:func:`estimated_count`, :func:`residents_aged`);
* prepare the volunteer desk's and the carer support's registration counts for publication
  (:func:`desk_table`, :func:`support_table`), always through :func:`analysis.data.privacy.suppress_counts`;
* register the chapters' key indicators (share of mantelzorgers, zwaar belast, vrijwilligerswerk,
  ernstig eenzaam 65+).

"Kwetsbaarheid (gezondheid en eenzaamheid)" is not defined in the plan; the report operationalises
it as the three GGD indicators *ervaren gezondheid (zeer) goed* (the complement: minder dan goed),
*eenzaam* and *ernstig eenzaam* (De Jong-Gierveld scale, scores 3-11 and 9-11), per age group
(:data:`KWETSBAARHEID`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from analysis.core import stats
from analysis.core.codes import age_bounds, is_total_label
from analysis.core.numbers import getal, procent
from analysis.data.privacy import mask_percentages, suppress_counts
from analysis.topics.indicators import Measurement, Target, goal_target

MANTELZORGER = "mantelzorger"
ZWAAR_BELAST = "zwaar belaste mantelzorger"
VRIJWILLIGER = "vrijwilligerswerk"
GEZONDHEID_GOED = "ervaren gezondheid goed"
EENZAAM = "eenzaam"
ERNSTIG_EENZAAM = "ernstig eenzaam"

#: The GGD indicators that together describe "kwetsbaarheid (gezondheid en eenzaamheid)".
KWETSBAARHEID = [GEZONDHEID_GOED, EENZAAM, ERNSTIG_EENZAAM]

#: Dutch labels of the indicators for charts and tables.
LABELS = {
    MANTELZORGER: "Geeft mantelzorg",
    ZWAAR_BELAST: "Zwaar belaste mantelzorgers (van mantelzorgers)",
    VRIJWILLIGER: "Doet vrijwilligerswerk",
    GEZONDHEID_GOED: "Ervaren gezondheid (zeer) goed",
    EENZAAM: "Eenzaam",
    ERNSTIG_EENZAAM: "Ernstig eenzaam",
}

#: Dutch labels of the survey age groups.
AGE_LABELS = {
    "18+": "18 jaar en ouder",
    "18-64": "18-64 jaar",
    "65+": "65 jaar en ouder",
    "75+": "75 jaar en ouder",
}


def survey_series(
    df: pd.DataFrame,
    indicator: str,
    regions: Mapping[str, str],
    leeftijd: str | Iterable[str] = "18+",
    *,
    min_n: int = 50,
    periode: str | int | None = None,
    upto: str | int | None = None,
) -> pd.DataFrame:
    """One survey indicator per region, wave and age group, with 95% intervals.

    Percentages based on fewer than ``min_n`` respondents are masked (value and interval
    missing), so they never reach a chart or table.

    Parameters
    ----------
    df
        The ``gezondheidsmonitor`` dataset (``gemeente_code, periode, indicator, leeftijd,
        percentage, n``).
    indicator
        E.g. ``"mantelzorger"``.
    regions
        ``{code: name}`` in display order (e.g. ``params.regions()``); absent codes are skipped.
    leeftijd
        One age group or several.
    min_n
        Minimum number of respondents (``ctx.params.privacy["min_n_percentage"]``).
    periode, upto
        Only this wave, or only waves up to this period.

    Returns
    -------
    DataFrame
        Columns ``Gebied, Jaar, Leeftijd, Percentage, n, Ondergrens, Bovengrens`` (percentages
        rounded to one decimal), sorted by region order, age group and wave.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": ["A", "A"], "periode": ["2020", "2024"],
    ...     "indicator": ["eenzaam"] * 2, "leeftijd": ["18+"] * 2,
    ...     "percentage": [90.0, 40.0], "n": [50, 30]})
    >>> s = survey_series(d, "eenzaam", {"A": "Aa"})
    >>> s[["Jaar", "Percentage", "Ondergrens"]].values.tolist()
    [['2020', 90.0, 78.6], ['2024', nan, nan]]
    """
    ages = [leeftijd] if isinstance(leeftijd, str) else list(leeftijd)
    sel = df[(df["indicator"] == indicator) & df["leeftijd"].isin(ages)]
    sel = sel[sel["gemeente_code"].isin(list(regions))]
    if periode is not None:
        sel = sel[sel["periode"].astype(str) == str(periode)]
    if upto is not None:
        sel = sel[sel["periode"].astype(str) <= str(upto)]
    if sel.empty:
        raise ValueError(f"geen gegevens voor indicator {indicator!r}, leeftijd {ages}")
    order = {c: i for i, c in enumerate(regions)}
    sel = sel.assign(
        _r=sel["gemeente_code"].map(order),
        _a=sel["leeftijd"].map({a: i for i, a in enumerate(ages)}),
    ).sort_values(["_r", "_a", "periode"])
    sel = stats.add_intervals(
        sel.assign(percentage=sel["percentage"].astype(float), n=sel["n"].astype(float))
    )
    pct = mask_percentages(sel["percentage"], sel["n"], min_n)
    keep = pct.notna()
    out = pd.DataFrame(
        {
            "Gebied": sel["gemeente_code"].map(dict(regions)).to_numpy(),
            "Jaar": sel["periode"].astype(str).to_numpy(),
            "Leeftijd": sel["leeftijd"].map(lambda a: AGE_LABELS.get(a, a)).to_numpy(),
            "Percentage": pct.round(1).to_numpy(),
            "n": sel["n"].to_numpy(),
            "Ondergrens": sel["ondergrens"].where(keep).round(1).to_numpy(),
            "Bovengrens": sel["bovengrens"].where(keep).round(1).to_numpy(),
        }
    )
    return out.reset_index(drop=True)


def series_text(series: pd.DataFrame, *, by: str = "Gebied") -> str:
    """Text alternative of a :func:`survey_series` table: every value with its interval.

    Masked values read *te weinig respondenten*.

    Examples
    --------
    >>> s = pd.DataFrame({"Gebied": ["Aa", "Aa"], "Jaar": ["2020", "2024"],
    ...     "Percentage": [20.0, float("nan")], "Ondergrens": [16.4, float("nan")],
    ...     "Bovengrens": [24.2, float("nan")]})
    >>> series_text(s)
    'Aa 2020: 20,0% (16,4-24,2); Aa 2024: te weinig respondenten'
    """
    parts = []
    for _, r in series.iterrows():
        label = f"{r[by]} {r['Jaar']}"
        if pd.isna(r["Percentage"]):
            parts.append(f"{label}: te weinig respondenten")
        else:
            parts.append(
                f"{label}: {procent(r['Percentage'])} "
                f"({getal(r['Ondergrens'], 1)}-{getal(r['Bovengrens'], 1)})"
            )
    return "; ".join(parts)


def _row(df: pd.DataFrame, indicator: str, code: str, leeftijd: str, periode: str) -> pd.Series:
    sel = df[
        (df["indicator"] == indicator)
        & (df["gemeente_code"] == code)
        & (df["leeftijd"] == leeftijd)
        & (df["periode"].astype(str) == str(periode))
    ]
    if sel.empty:
        raise KeyError(
            f"{indicator} {leeftijd} {code} {periode} ontbreekt in de gezondheidsmonitor"
        )
    return sel.iloc[0]


def waves(df: pd.DataFrame, upto: str | int | None = None) -> list[str]:
    """The survey waves in the data, sorted, optionally only those up to ``upto``.

    Examples
    --------
    >>> waves(pd.DataFrame({"periode": ["2024", "2016", "2020", "2024"]}), upto="2022")
    ['2016', '2020']
    """
    ws = sorted({str(p) for p in df["periode"]})
    if upto is not None:
        ws = [w for w in ws if w <= str(upto)]
    return ws


def estimate(
    df: pd.DataFrame,
    indicator: str,
    code: str,
    leeftijd: str,
    periode: str | int,
    *,
    min_n: int = 50,
) -> dict[str, float | None]:
    """One survey percentage with its 95% Wilson interval; all ``None`` below ``min_n``.

    Returns
    -------
    dict
        ``percentage, ondergrens, bovengrens, n``.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": ["A"], "periode": ["2024"], "indicator": ["x"],
    ...     "leeftijd": ["18+"], "percentage": [90.0], "n": [50]})
    >>> e = estimate(d, "x", "A", "18+", 2024)
    >>> e["percentage"], round(e["ondergrens"], 1), round(e["bovengrens"], 1)
    (90.0, 78.6, 95.7)
    """
    r = _row(df, indicator, code, leeftijd, str(periode))
    n = float(r["n"])
    if n < min_n:
        return {"percentage": None, "ondergrens": None, "bovengrens": None, "n": n}
    lo, hi = stats.wilson_interval(float(r["percentage"]) / 100 * n, n)
    return {"percentage": float(r["percentage"]), "ondergrens": lo, "bovengrens": hi, "n": n}


def estimated_residents(
    df: pd.DataFrame,
    pop: pd.DataFrame,
    indicator: str,
    code: str,
    leeftijd: str,
    periode: str | int,
    *,
    min_n: int = 50,
    afronding: int = 10,
) -> dict[str, float | None]:
    """Estimated number of residents with a survey characteristic: share × population.

    The population is that of the age group (``"18+"`` → 18 and over, pro-rated with
    :func:`residents_aged`) on 1 January of the survey year ``periode``; the interval is the
    share's 95% interval times the same population (:func:`estimated_count`).

    Parameters
    ----------
    pop
        ``periode, leeftijd, waarde`` of the municipality (:func:`analysis.topics.population.population_by_age`).

    Returns
    -------
    dict
        ``aantal, ondergrens, bovengrens, bevolking`` (``None`` when the share is masked).

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": ["A"], "periode": ["2024"], "indicator": ["x"],
    ...     "leeftijd": ["65+"], "percentage": [20.0], "n": [400]})
    >>> p = pd.DataFrame({"periode": ["2024"] * 2, "leeftijd": ["0-64", "65+"],
    ...                   "waarde": [8000.0, 2000.0]})
    >>> estimated_residents(d, p, "x", "A", "65+", 2024)
    {'aantal': 400.0, 'ondergrens': 330.0, 'bovengrens': 480.0, 'bevolking': 2000.0}
    """
    e = estimate(df, indicator, code, leeftijd, periode, min_n=min_n)
    lo_age, hi_age = age_bounds(leeftijd)
    bevolking = residents_aged(pop, lo_age, periode)
    if hi_age is not None:
        bevolking -= residents_aged(pop, hi_age + 1, periode)
    if e["percentage"] is None:
        return {"aantal": None, "ondergrens": None, "bovengrens": None, "bevolking": bevolking}
    a, lo, hi = estimated_count(
        e["percentage"], e["ondergrens"], e["bovengrens"], bevolking, afronding=afronding
    )
    return {"aantal": a, "ondergrens": lo, "bovengrens": hi, "bevolking": bevolking}


def count_change(
    df: pd.DataFrame,
    pop: pd.DataFrame,
    indicator: str,
    code: str,
    leeftijd: str,
    start: str,
    end: str,
    *,
    min_n: int = 50,
) -> dict[str, Any]:
    """Change in the *estimated number* of residents with a characteristic between two waves.

    The number is share × population of the age group (:func:`estimated_residents`), so it can
    rise with the population while the share stays the same. The 95% margin of the change combines
    the sampling error of both shares (normal approximation, independent samples):
    ``1.96 * sqrt((N1 * se1)^2 + (N2 * se2)^2)``.

    Returns
    -------
    dict
        ``start, end`` (unrounded estimates), ``verschil``, ``marge``, ``significant`` and
        ``tekst`` (*steeg significant*, *daalde significant* or *veranderde niet significant*);
        ``None`` values when a wave has fewer than ``min_n`` respondents.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": ["A", "A"], "periode": ["2020", "2024"],
    ...     "indicator": ["x", "x"], "leeftijd": ["65+", "65+"],
    ...     "percentage": [30.0, 30.0], "n": [400, 400]})
    >>> p = pd.DataFrame({"periode": ["2020", "2024"], "leeftijd": ["65+", "65+"],
    ...                   "waarde": [1000.0, 1100.0]})
    >>> c = count_change(d, p, "x", "A", "65+", "2020", "2024")
    >>> c["verschil"], round(c["marge"], 1), c["tekst"]
    (30.0, 66.8, 'veranderde niet significant')
    """
    import math

    a = _row(df, indicator, code, leeftijd, start)
    b = _row(df, indicator, code, leeftijd, end)
    if min(float(a["n"]), float(b["n"])) < min_n:
        return {
            "start": None,
            "end": None,
            "verschil": None,
            "marge": None,
            "significant": False,
            "tekst": "is niet te vergelijken (te weinig respondenten)",
        }
    lo_age, hi_age = age_bounds(leeftijd)
    totals = []
    for r, per in ((a, start), (b, end)):
        n_pop = residents_aged(pop, lo_age, per)
        if hi_age is not None:
            n_pop -= residents_aged(pop, hi_age + 1, per)
        p = float(r["percentage"]) / 100
        totals.append((p * n_pop, n_pop * math.sqrt(p * (1 - p) / float(r["n"]))))
    d = totals[1][0] - totals[0][0]
    m = stats.Z95 * math.sqrt(totals[0][1] ** 2 + totals[1][1] ** 2)
    sig = abs(d) > m
    tekst = (
        ("steeg significant" if d > 0 else "daalde significant")
        if sig
        else ("veranderde niet significant")
    )
    return {
        "start": totals[0][0],
        "end": totals[1][0],
        "verschil": d,
        "marge": m,
        "significant": sig,
        "tekst": tekst,
    }


def rise_text(change: Mapping[str, Any]) -> str:
    """Dutch sentence on whether a change (:func:`compare_waves`, :func:`count_change`) shows
    the rise an ambition asks for.

    Examples
    --------
    >>> rise_text({"significant": False, "verschil": 2.0})
    'De gegevens laten (nog) geen aantoonbare stijging zien.'
    >>> rise_text({"significant": True, "verschil": 2.0})
    'De gegevens laten een aantoonbare stijging zien.'
    >>> rise_text({"significant": True, "verschil": -2.0})
    'De gegevens laten een aantoonbare daling zien.'
    """
    if change.get("verschil") is None:
        return "De gegevens zijn te beperkt om een stijging of daling vast te stellen."
    if not change.get("significant"):
        return "De gegevens laten (nog) geen aantoonbare stijging zien."
    if change["verschil"] > 0:
        return "De gegevens laten een aantoonbare stijging zien."
    return "De gegevens laten een aantoonbare daling zien."


def with_progress_indicator(
    table: pd.DataFrame, mapping: Mapping[str, str] | Iterable[Mapping[str, str]]
) -> pd.DataFrame:
    """Add the column ``Indicator voor voortgang`` to an action-point table (by ``Nr.``).

    ``mapping`` is ``{actie: indicator}`` or, as in the params, a list of
    ``{"actie": ..., "indicator": ...}``. Points without an entry get *geen meetbare indicator in
    de gegevens*.

    Examples
    --------
    >>> t = pd.DataFrame({"Nr.": ["A1", "A2"], "Actiepunt": ["x", "y"]})
    >>> with_progress_indicator(t, {"A1": "respijtzorg"})["Indicator voor voortgang"].tolist()
    ['respijtzorg', 'geen meetbare indicator in de gegevens']
    """
    if not isinstance(mapping, Mapping):
        mapping = {str(m["actie"]): str(m["indicator"]) for m in mapping}
    out = table.copy()
    out["Indicator voor voortgang"] = (
        out["Nr."].map(dict(mapping)).fillna("geen meetbare indicator in de gegevens")
    )
    return out


def compare_waves(
    df: pd.DataFrame,
    indicator: str,
    code: str,
    leeftijd: str,
    start: str,
    end: str,
    *,
    min_n: int = 50,
) -> dict[str, Any]:
    """Change of a survey percentage between two waves, with the 95% margin of the difference.

    Returns
    -------
    dict
        ``start, end`` (percentages), ``verschil`` (percentage points, end - start), ``marge``
        (half-width of its 95% interval), ``significant`` (bool) and ``tekst`` (Dutch: *steeg
        significant*, *daalde significant* or *veranderde niet significant*). Values are ``None``
        and the text says so when one of the two waves has fewer than ``min_n`` respondents.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": ["A", "A"], "periode": ["2020", "2024"],
    ...     "indicator": ["x", "x"], "leeftijd": ["18+", "18+"],
    ...     "percentage": [25.0, 30.0], "n": [2000, 2000]})
    >>> c = compare_waves(d, "x", "A", "18+", "2020", "2024")
    >>> round(c["verschil"], 1), c["significant"], c["tekst"]
    (5.0, True, 'steeg significant')
    """
    a = _row(df, indicator, code, leeftijd, start)
    b = _row(df, indicator, code, leeftijd, end)
    if min(float(a["n"]), float(b["n"])) < min_n:
        return {
            "start": None,
            "end": None,
            "verschil": None,
            "marge": None,
            "significant": False,
            "tekst": "is niet te vergelijken (te weinig respondenten)",
        }
    d, m = stats.difference(
        float(b["percentage"]), float(b["n"]), float(a["percentage"]), float(a["n"])
    )
    sig = abs(d) > m
    tekst = (
        ("steeg significant" if d > 0 else "daalde significant")
        if sig
        else ("veranderde niet significant")
    )
    return {
        "start": float(a["percentage"]),
        "end": float(b["percentage"]),
        "verschil": d,
        "marge": m,
        "significant": sig,
        "tekst": tekst,
    }


def compare_regions(
    df: pd.DataFrame,
    indicator: str,
    code: str,
    other: str,
    other_name: str,
    leeftijd: str,
    periode: str,
) -> str:
    """Dutch fragment comparing the municipality with another region in one wave.

    Uses :func:`analysis.core.stats.compare_text` (significant only when the interval of the
    difference excludes zero).

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": ["A", "NL01"], "periode": ["2024"] * 2,
    ...     "indicator": ["x"] * 2, "leeftijd": ["18+"] * 2,
    ...     "percentage": [30.0, 25.0], "n": [400, 400]})
    >>> compare_regions(d, "x", "A", "NL01", "Nederland", "18+", "2024")
    'verschilt niet significant van Nederland'
    """
    a = _row(df, indicator, code, leeftijd, periode)
    b = _row(df, indicator, other, leeftijd, periode)
    return stats.compare_text(
        float(a["percentage"]),
        float(a["n"]),
        float(b["percentage"]),
        float(b["n"]),
        ("de gemeente", other_name),
    )


def age_comparison(
    df: pd.DataFrame,
    indicator: str,
    code: str,
    naam: str,
    land: str,
    land_naam: str,
    ages: Iterable[str],
    periode: str,
    start: str,
    *,
    min_n: int = 50,
) -> pd.DataFrame:
    """Per age group: the municipality's percentage in wave ``periode`` with its 95% interval,
    the national percentage, whether they differ (*significant hoger*, *significant lager* or
    *niet significant*), and how both changed since wave ``start``.

    Differences and changes are called significant only when the 95% interval of the difference
    excludes zero (:func:`analysis.core.stats.compare_text`, :func:`compare_waves`). Percentages based
    on fewer than ``min_n`` respondents are left empty and the comparison says so.

    Returns
    -------
    DataFrame
        Columns ``Leeftijd``, ``<naam> (%)``, ``95%-interval``, ``<land_naam> (%)``,
        ``Verschil met <land_naam>``, ``<naam> sinds <start>``, ``<land_naam> sinds <start>``.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": ["A", "A", "NL01", "NL01"],
    ...     "periode": ["2020", "2024"] * 2, "indicator": ["x"] * 4, "leeftijd": ["65+"] * 4,
    ...     "percentage": [30.0, 35.0, 30.0, 28.0], "n": [400, 400, 10000, 10000]})
    >>> t = age_comparison(d, "x", "A", "Aa", "NL01", "NL", ["65+"], "2024", "2020")
    >>> r = t.iloc[0]
    >>> float(r["Aa (%)"]), r["95%-interval"], float(r["NL (%)"]), r["Verschil met NL"]
    (35.0, '30,5 - 39,8', 28.0, 'significant hoger')
    >>> r["Aa sinds 2020"], r["NL sinds 2020"]
    ('veranderde niet significant', 'daalde significant')
    """
    rows = []
    for age in ages:
        e = estimate(df, indicator, code, age, periode, min_n=min_n)
        e_land = estimate(df, indicator, land, age, periode, min_n=min_n)
        if e["percentage"] is None or e_land["percentage"] is None:
            verschil = "te weinig respondenten"
            interval = ""
        else:
            p1, p2 = float(e["percentage"]), float(e_land["percentage"])
            sig = stats.significant(p1, float(e["n"] or 0), p2, float(e_land["n"] or 0))
            verschil = (
                ("significant hoger" if p1 > p2 else "significant lager")
                if sig
                else "niet significant"
            )
            interval = f"{getal(e['ondergrens'], 1)} - {getal(e['bovengrens'], 1)}"
        rows.append(
            {
                "Leeftijd": AGE_LABELS.get(age, age),
                f"{naam} (%)": None if e["percentage"] is None else float(e["percentage"]),
                "95%-interval": interval,
                f"{land_naam} (%)": None
                if e_land["percentage"] is None
                else float(e_land["percentage"]),
                f"Verschil met {land_naam}": verschil,
                f"{naam} sinds {start}": compare_waves(
                    df, indicator, code, age, start, periode, min_n=min_n
                )["tekst"],
                f"{land_naam} sinds {start}": compare_waves(
                    df, indicator, land, age, start, periode, min_n=min_n
                )["tekst"],
            }
        )
    return pd.DataFrame(rows)


def residents_aged(pop: pd.DataFrame, min_age: int, periode: str | int) -> float:
    """Residents aged ``min_age`` and over in one period, pro-rating a straddling age group.

    Population tables use five- or ten-year groups (``15-24``); survey groups start at 18. A group
    that straddles ``min_age`` is counted for the share of its years at or above ``min_age``
    (an even spread of ages within the group is assumed). Open-ended groups never straddle here.

    Parameters
    ----------
    pop
        ``periode, leeftijd, waarde`` for one region (see
        :func:`analysis.topics.population.population_by_age`).

    Examples
    --------
    >>> p = pd.DataFrame({"periode": ["2024"] * 3, "leeftijd": ["0-14", "15-24", "25+"],
    ...                   "waarde": [150.0, 100.0, 750.0]})
    >>> residents_aged(p, 18, "2024")
    820.0
    """
    sel = pop[pop["periode"].astype(str) == str(periode)]
    if sel.empty:
        raise KeyError(f"geen bevolking voor {periode}")
    total = 0.0
    for label, value in zip(sel["leeftijd"], sel["waarde"], strict=True):
        if is_total_label(label):
            continue
        lo, hi = age_bounds(label)
        if lo >= min_age:
            total += float(value)
        elif hi is not None and hi >= min_age:
            total += float(value) * (hi - min_age + 1) / (hi - lo + 1)
    return total


def estimated_count(
    percentage: float, lower: float, upper: float, population: float, *, afronding: int = 10
) -> tuple[float, float, float]:
    """Estimated number of residents from a survey share and its 95% interval.

    ``share × population`` for the estimate and for both bounds, rounded to ``afronding`` (an
    estimate is not more precise than that). The interval reflects only sampling uncertainty of
    the share, not uncertainty in the population figure.

    Examples
    --------
    >>> estimated_count(15.0, 12.0, 18.5, 20000)
    (3000.0, 2400.0, 3700.0)
    """

    def r(x: float) -> float:
        return float(round(x * population / 100 / afronding) * afronding)

    return r(percentage), r(lower), r(upper)


def desk_table(
    df: pd.DataFrame,
    code: str,
    *,
    min_cel: int = 10,
    afronding: int = 5,
    upto: str | int | None = None,
    totals: bool = True,
) -> pd.DataFrame:
    """The volunteer desk's vacancies and matches per year and age group, ready to publish.

    Counts pass through :func:`analysis.data.privacy.suppress_counts` (small cells suppressed, the rest
    rounded); with ``upto`` only years up to that period. Adds a total row per year (unless
    ``totals=False``) (computed from the unrounded counts, then suppressed) and
    the match rate ``matches / vacatures`` in percent (from the unrounded counts, only where both
    are published).

    Returns
    -------
    DataFrame
        Columns ``Jaar, Leeftijd, Vacatures, Matches, Matches per 100 vacatures``.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": ["A"] * 4, "periode": ["2024"] * 4,
    ...     "indicator": ["vacatures", "matches"] * 2, "leeftijd": ["jong", "jong", "oud", "oud"],
    ...     "waarde": [40, 30, 8, 6]})
    >>> desk_table(d, "A").values.tolist()
    [['2024', 'jong', 40, 30, 75.0], ['2024', 'oud', <NA>, <NA>, nan], ['2024', 'totaal', 50, 35, 75.0]]
    """
    sel = df[df["gemeente_code"] == code]
    if upto is not None:
        sel = sel[sel["periode"].astype(str) <= str(upto)]
    wide = sel.pivot_table(
        index=["periode", "leeftijd"],
        columns="indicator",
        values="waarde",
        aggfunc="sum",
        sort=False,
    ).reset_index()
    rows = []
    for per, grp in wide.groupby("periode", sort=True):
        rows.append(grp)
        if not totals:
            continue
        tot = grp[["vacatures", "matches"]].sum()
        rows.append(
            pd.DataFrame(
                {
                    "periode": [per],
                    "leeftijd": ["totaal"],
                    "vacatures": [tot["vacatures"]],
                    "matches": [tot["matches"]],
                }
            )
        )
    raw = pd.concat(rows, ignore_index=True)
    vac = suppress_counts(raw["vacatures"], min_cel, afronding)
    mat = suppress_counts(raw["matches"], min_cel, afronding)
    rate = (100 * raw["matches"].astype(float) / raw["vacatures"].astype(float)).round(0)
    rate = rate.where(vac.notna().to_numpy() & mat.notna().to_numpy())
    return pd.DataFrame(
        {
            "Jaar": raw["periode"].astype(str).to_numpy(),
            "Leeftijd": raw["leeftijd"].astype(str).to_numpy(),
            "Vacatures": vac.reset_index(drop=True),
            "Matches": mat.reset_index(drop=True),
            "Matches per 100 vacatures": rate.astype(float).to_numpy(),
        }
    )


def support_table(
    df: pd.DataFrame,
    code: str,
    *,
    min_cel: int = 10,
    afronding: int = 5,
    wide: bool = False,
    upto: str | int | None = None,
) -> pd.DataFrame:
    """Carer-support registrations (``mantelzorgondersteuning``) per year, suppressed and rounded.

    With ``wide=True`` one row per year and one column per registration; with ``upto`` only years
    up to that period.

    Returns
    -------
    DataFrame
        Columns ``Jaar, Registratie, Aantal`` (``Aantal`` after
        :func:`analysis.data.privacy.suppress_counts`).

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": ["A", "A"], "periode": ["2024", "2024"],
    ...     "indicator": ["respijtzorg", "jonge mantelzorgers"], "waarde": [62, 7]})
    >>> support_table(d, "A")["Aantal"].tolist()
    [60, <NA>]
    >>> support_table(d, "A", wide=True).loc["2024", "respijtzorg"]
    np.int64(60)
    """
    sel = df[df["gemeente_code"] == code]
    if upto is not None:
        sel = sel[sel["periode"].astype(str) <= str(upto)]
    out = pd.DataFrame(
        {
            "Jaar": sel["periode"].astype(str).to_numpy(),
            "Registratie": sel["indicator"].astype(str).to_numpy(),
            "Aantal": suppress_counts(sel["waarde"], min_cel, afronding).reset_index(drop=True),
        }
    ).reset_index(drop=True)
    if wide:
        return out.pivot(index="Jaar", columns="Registratie", values="Aantal")
    return out


def support_text(table: pd.DataFrame) -> str:
    """Text alternative of a long :func:`support_table`: every registration per year.

    Examples
    --------
    >>> t = pd.DataFrame({"Jaar": ["2024", "2024"], "Registratie": ["respijtzorg", "jong"],
    ...                   "Aantal": pd.array([60, pd.NA], dtype="Int64")})
    >>> support_text(t)
    'respijtzorg 2024: 60; jong 2024: minder dan 10 (niet getoond)'
    """
    parts = []
    for _, r in table.iterrows():
        v = "minder dan 10 (niet getoond)" if pd.isna(r["Aantal"]) else getal(r["Aantal"])
        parts.append(f"{r['Registratie']} {r['Jaar']}: {v}")
    return "; ".join(parts)


def reference_figures(df: pd.DataFrame, words: Iterable[str]) -> pd.DataFrame:
    """Public reference figures (``gezondheid_referentie``) whose indicator mentions any word.

    Rows without a numeric value are dropped. Returns Dutch columns ``Indicator, Gebied, Jaar,
    Waarde, Eenheid, Bron``.

    Examples
    --------
    >>> d = pd.DataFrame({"indicator": ["Eenzaam, 75+", "Roken"], "regio": ["Nederland"] * 2,
    ...     "periode_tekst": ["2020"] * 2, "waarde": [56.0, 20.0], "eenheid": ["%"] * 2,
    ...     "bron": ["https://x"] * 2})
    >>> reference_figures(d, ["eenzaam"])["Waarde"].tolist()
    [56.0]
    """
    keys = [w.lower() for w in words]
    mask = df["indicator"].str.lower().map(lambda s: any(k in s for k in keys)).astype(bool)
    sel = df[mask & df["waarde"].notna()]
    return pd.DataFrame(
        {
            "Indicator": sel["indicator"].to_numpy(),
            "Gebied": sel["regio"].to_numpy(),
            "Jaar": sel["periode_tekst"].to_numpy(),
            "Waarde": sel["waarde"].to_numpy(),
            "Eenheid": sel["eenheid"].to_numpy(),
            "Bron": sel["bron"].to_numpy(),
        }
    ).reset_index(drop=True)


def ambition(doelen: pd.DataFrame, doel_id: str) -> Target:
    """The plan's ambition ``doel_id`` from the ``beleidsdoelen`` dataset (see
    :func:`analysis.topics.indicators.goal_target`).

    Examples
    --------
    >>> d = pd.DataFrame({"id": ["x"], "ambitie": ["Meer."], "richting": ["hoger"],
    ...                   "doelwaarde": [float("nan")]})
    >>> ambition(d, "x")
    Target(richting='hoger', waarde=None, tekst='Meer.')
    """
    return goal_target(doelen, doel_id)


def survey_measurement(
    df: pd.DataFrame,
    indicator: str,
    code: str,
    leeftijd: str,
    periode: str | int,
    *,
    land: str = "NL01",
    land_naam: str = "Nederland",
    doel: Target | None = None,
    min_n: int = 50,
) -> Measurement:
    """Key-indicator :class:`~analysis.topics.indicators.Measurement` for a survey percentage.

    The value is the latest wave up to ``periode``; ``vorige`` the wave before; ``marge`` the 95%
    margin of their difference (so a change within it counts as no change in the verdict).

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": ["A", "A", "NL01"], "periode": ["2022", "2024", "2024"],
    ...     "indicator": ["x"] * 3, "leeftijd": ["18+"] * 3,
    ...     "percentage": [20.0, 22.0, 25.0], "n": [500, 500, 9000]})
    >>> m = survey_measurement(d, "x", "A", "18+", "2025")
    >>> m.waarde, m.vorige, m.vergelijking, round(m.marge, 1)
    (22.0, 20.0, 25.0, 5.0)
    """
    sel = df[(df["indicator"] == indicator) & (df["leeftijd"] == leeftijd)]
    ws = waves(sel[sel["gemeente_code"] == code], upto=periode)
    if not ws:
        raise KeyError(f"geen meting van {indicator} tot en met {periode}")
    cur = _row(df, indicator, code, leeftijd, ws[-1])
    if float(cur["n"]) < min_n:
        return Measurement(waarde=None, doel=doel)
    vorige = marge = None
    if len(ws) > 1:
        c = compare_waves(df, indicator, code, leeftijd, ws[-2], ws[-1], min_n=min_n)
        vorige, marge = c["start"], c["marge"]
    try:
        vergelijking = float(_row(df, indicator, land, leeftijd, ws[-1])["percentage"])
    except KeyError:
        vergelijking = None
    return Measurement(
        waarde=float(cur["percentage"]),
        vorige=vorige,
        vergelijking=vergelijking,
        vergelijking_naam=land_naam if vergelijking is not None else "",
        doel=doel,
        marge=marge,
        bron=f"{df.attrs.get('dataset', 'gezondheidsmonitor')}, meting {ws[-1]}",
        periode=str(ws[-1]),
        vorige_periode=str(ws[-2]) if len(ws) > 1 else "",
        vergelijking_periode=str(ws[-1]) if vergelijking is not None else "",
    )


def measure(ctx: Any, indicator: str, leeftijd: str, doel_id: str | None = None) -> Measurement:
    """The key-indicator measurement of a chapter context (see :func:`survey_measurement`), with
    the plan's ambition ``doel_id`` from the ``beleidsdoelen`` dataset; chapters glue the same
    figures and verdict as the Samenvatting.

    Examples
    --------
    >>> from analysis import report  # doctest: +SKIP
    >>> measure(report.chapter("2025"), "eenzaam", "65+", None).waarde  # doctest: +SKIP
    45.1
    """
    df = ctx.load("gezondheidsmonitor")
    doel = ambition(ctx.load("beleidsdoelen"), doel_id) if doel_id else None
    land = ctx.params.land
    return survey_measurement(
        df,
        indicator,
        ctx.code,
        leeftijd,
        ctx.params.periode,
        land=land["code"],
        land_naam=land["naam"],
        doel=doel,
        min_n=int(ctx.params.privacy["min_n_percentage"]),
    )
