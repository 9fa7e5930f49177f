"""Sociale basis: mantelzorg, vrijwillige inzet, gezondheid en eenzaamheid (GGD Gezondheidsmonitor).

The survey indicators come from the ``gezondheidsmonitor`` dataset (one row per region, wave,
indicator and age group with ``percentage`` and number of respondents ``n``). The functions here:

* select one indicator as a series with 95% Wilson intervals, masking percentages based on too
  few respondents (:func:`survey_series`);
* compare two waves or two regions honestly: a difference counts only when the 95% interval of
  the difference excludes zero, otherwise the text says *het verschil is niet zeker*
  (:func:`compare_waves`, :func:`wave_change`, :func:`region_difference`); the sentences are
  :class:`~analysis.topics.findings.Finding` objects, so from synthetic data they read as an example;
* turn a share into an estimated number of residents, with the interval carried through
  (:func:`estimated_count`, :func:`residents_aged`);
* prepare the volunteer desk's and the carer support's registration counts for publication
  (:func:`desk_table`, :func:`support_table`), always through :func:`analysis.data.privacy.suppress_counts`;
* show the real public figures next to the survey series, with their source named in words
  (:func:`public_figures`, :func:`readable_source`);
* measure the chapters' key indicators (share of mantelzorgers, zwaar belast, vrijwilligerswerk,
  ernstig eenzaam 65+).

"Kwetsbaarheid (gezondheid en eenzaamheid)" is not defined in the plan; the report operationalises
it as the three GGD indicators *ervaren gezondheid (zeer) goed* (the complement: minder dan goed),
*eenzaam* and *ernstig eenzaam* (De Jong-Gierveld scale, scores 3-11 and 9-11), per age group
(:data:`KWETSBAARHEID`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from analysis.core import stats
from analysis.core.codes import age_bounds, is_total_label
from analysis.core.numbers import getal, procent
from analysis.data.privacy import mask_percentages, suppress_counts
from analysis.topics import findings
from analysis.topics.findings import Finding
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


#: A change or difference within its 95% margin: not a finding.
NIET_ZEKER = "bleef ongeveer gelijk; het verschil is niet zeker"
#: Too few respondents in one of the two measurements.
TE_WEINIG = "is niet te vergelijken (te weinig ondervraagden)"


def _change_text(verschil: float, zeker: bool) -> str:
    """Plain Dutch for a change: *steeg*, *daalde*, or *bleef ongeveer gelijk; het verschil is
    niet zeker* when it lies within its margin."""
    if not zeker:
        return NIET_ZEKER
    return "steeg" if verschil > 0 else "daalde"


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
        ``start, end`` (unrounded estimates), ``verschil``, ``marge``, ``significant`` (the
        margin excludes zero) and ``tekst`` (*steeg*, *daalde* or *bleef ongeveer gelijk; het
        verschil is niet zeker*); ``None`` values when a wave has fewer than ``min_n``
        respondents.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": ["A", "A"], "periode": ["2020", "2024"],
    ...     "indicator": ["x", "x"], "leeftijd": ["65+", "65+"],
    ...     "percentage": [30.0, 30.0], "n": [400, 400]})
    >>> p = pd.DataFrame({"periode": ["2020", "2024"], "leeftijd": ["65+", "65+"],
    ...                   "waarde": [1000.0, 1100.0]})
    >>> c = count_change(d, p, "x", "A", "65+", "2020", "2024")
    >>> c["verschil"], round(c["marge"], 1), c["tekst"]
    (30.0, 66.8, 'bleef ongeveer gelijk; het verschil is niet zeker')
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
            "tekst": TE_WEINIG,
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
    return {
        "start": totals[0][0],
        "end": totals[1][0],
        "verschil": d,
        "marge": m,
        "significant": sig,
        "tekst": _change_text(d, sig),
    }


def count_finding(
    change: Mapping[str, Any],
    onderwerp: str,
    *,
    bepaling: str = "",
    herkomst: Any = None,
    afronding: int = 10,
) -> Finding:
    """The change of an estimated number (:func:`count_change`) as a finding.

    Both estimates are rounded to ``afronding`` (an estimate is not more precise than that); a
    change within the 95% margin reads *bleef ongeveer gelijk …; het verschil is niet zeker*. From
    synthetic data (``herkomst``) the finding is an example.

    Examples
    --------
    >>> c = {"start": 8004.0, "end": 8996.0, "verschil": 992.0, "marge": 700.0}
    >>> count_finding(c, "het geschatte aantal vrijwilligers", herkomst=False,
    ...               bepaling="tussen 2020 en 2024").zin()
    'Tussen 2020 en 2024 steeg het geschatte aantal vrijwilligers met 12%.'
    >>> count_finding({**c, "marge": 1500.0}, "het aantal", herkomst=False).zin()
    'Het aantal bleef ongeveer gelijk (van 8.000 naar 9.000); het verschil is niet zeker.'
    >>> count_finding({"start": None, "end": None}, "het aantal", herkomst=False).zin()
    'Het aantal is niet te vergelijken (te weinig ondervraagden).'
    """
    prov = findings.provenance(herkomst)
    if change.get("start") is None or change.get("end") is None:
        return Finding(onderwerp, "is", TE_WEINIG[3:], bepaling, prov.is_synthetic, prov)

    def r(x: float) -> float:
        return float(round(float(x) / afronding) * afronding)

    return findings.change(
        onderwerp,
        r(change["start"]),
        r(change["end"]),
        herkomst=prov,
        bepaling=bepaling,
        marge=float(change["marge"]) if change.get("marge") is not None else None,
    )


def residents_level(
    est: Mapping[str, Any], onderwerp: str, periode: str, *, herkomst: Any = None
) -> Finding:
    """An estimated number of residents (:func:`estimated_residents`) with its margin, as a
    finding: *In 2024 was het geschatte aantal mantelzorgers 3.190 (marge 2.640 tot 3.840).*

    Examples
    --------
    >>> e = {"aantal": 3190.0, "ondergrens": 2640.0, "bovengrens": 3840.0}
    >>> residents_level(e, "het geschatte aantal mantelzorgers", "2024", herkomst=False).zin()
    'In 2024 was het geschatte aantal mantelzorgers 3.190 (marge 2.640 tot 3.840).'
    >>> residents_level({"aantal": None}, "het aantal", "2024", herkomst=False).zin()
    'In 2024 was het aantal niet te schatten (te weinig ondervraagden).'
    """
    prov = findings.provenance(herkomst)
    when = f"in {periode}"
    if est.get("aantal") is None:
        rest = "niet te schatten (te weinig ondervraagden)"
        return Finding(onderwerp, "was", rest, when, prov.is_synthetic, prov)
    ex = prov.is_synthetic
    lo, hi = (findings.number(float(est[k]), voorbeeld=ex) for k in ("ondergrens", "bovengrens"))
    return findings.level(
        onderwerp,
        "was",
        float(est["aantal"]),
        herkomst=prov,
        bepaling=when,
        toelichting=f"marge {lo} tot {hi}",
    )


def count_level(
    value: Any,
    onderwerp: str,
    werkwoord: str,
    eenheid: str,
    *,
    bepaling: str = "",
    herkomst: Any = None,
) -> Finding:
    """A published count (after :func:`analysis.data.privacy.suppress_counts`) as a finding; a
    suppressed count reads *minder dan tien*, never a number.

    Examples
    --------
    >>> count_level(1060, "het steunpunt", "registreerde", "mantelzorgers", bepaling="in 2025",
    ...             herkomst=False).zin()
    'In 2025 registreerde het steunpunt 1.060 mantelzorgers.'
    >>> count_level(pd.NA, "het steunpunt", "bereikte", "jonge mantelzorgers",
    ...             herkomst=False).zin()
    'Het steunpunt bereikte minder dan tien jonge mantelzorgers.'
    """
    prov = findings.provenance(herkomst)
    if value is None or pd.isna(value):
        rest = f"minder dan tien {eenheid}"
        return Finding(onderwerp, werkwoord, rest, bepaling, prov.is_synthetic, prov)
    return findings.level(
        onderwerp, werkwoord, float(value), herkomst=prov, eenheid=eenheid, bepaling=bepaling
    )


def count_series_change(
    values: pd.Series, onderwerp: str, *, herkomst: Any = None, meervoud: bool = False
) -> Finding | None:
    """How a published count changed from its first to its last shown year (suppressed years
    skipped), as a finding; ``None`` when fewer than two years are shown.

    Examples
    --------
    >>> s = pd.Series([870, pd.NA, 1060], index=["2022", "2023", "2025"], dtype="Int64")
    >>> count_series_change(s, "het aantal geregistreerde mantelzorgers", herkomst=False).zin()
    'Tussen 2022 en 2025 steeg het aantal geregistreerde mantelzorgers met 22%.'
    >>> count_series_change(s.iloc[:1], "het aantal", herkomst=False) is None
    True
    """
    shown = values.dropna()
    if len(shown) < 2:
        return None
    first, last = shown.index[0], shown.index[-1]
    return findings.change(
        onderwerp,
        float(shown.iloc[0]),
        float(shown.iloc[-1]),
        herkomst=herkomst,
        bepaling=f"tussen {first} en {last}",
        meervoud=meervoud,
    )


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
        (half-width of its 95% interval), ``significant`` (bool: the interval excludes zero) and
        ``tekst`` (plain Dutch: *steeg*, *daalde* or *bleef ongeveer gelijk; het verschil is niet
        zeker*). Values are ``None`` and the text says so when one of the two waves has fewer than
        ``min_n`` respondents.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": ["A", "A"], "periode": ["2020", "2024"],
    ...     "indicator": ["x", "x"], "leeftijd": ["18+", "18+"],
    ...     "percentage": [25.0, 30.0], "n": [2000, 2000]})
    >>> c = compare_waves(d, "x", "A", "18+", "2020", "2024")
    >>> round(c["verschil"], 1), c["significant"], c["tekst"]
    (5.0, True, 'steeg')
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
            "tekst": TE_WEINIG,
        }
    d, m = stats.difference(
        float(b["percentage"]), float(b["n"]), float(a["percentage"]), float(a["n"])
    )
    sig = abs(d) > m
    return {
        "start": float(a["percentage"]),
        "end": float(b["percentage"]),
        "verschil": d,
        "marge": m,
        "significant": sig,
        "tekst": _change_text(d, sig),
    }


def wave_change(
    df: pd.DataFrame,
    indicator: str,
    code: str,
    leeftijd: str,
    start: str,
    end: str,
    *,
    onderwerp: str = "het aandeel",
    min_n: int = 50,
    herkomst: Any = None,
    bepaling: str | None = None,
) -> Finding:
    """How a survey percentage changed between two waves, as a finding.

    Both values are named ("steeg van 20,0% naar 30,0%"); a change within the 95% margin of the
    difference (:func:`compare_waves`) reads *bleef ongeveer gelijk (van … naar …); het verschil is
    niet zeker*; too few respondents in either wave says so. From synthetic data (``herkomst``,
    default: everything loaded) it is an example with marked numbers.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": ["A", "A"], "periode": ["2020", "2024"],
    ...     "indicator": ["x", "x"], "leeftijd": ["18+", "18+"],
    ...     "percentage": [20.0, 30.0], "n": [400, 400]})
    >>> wave_change(d, "x", "A", "18+", "2020", "2024", herkomst=False).zin()
    'Tussen 2020 en 2024 steeg het aandeel van 20,0% naar 30,0%.'
    >>> wave_change(d.assign(n=50), "x", "A", "18+", "2020", "2024", herkomst=False).zin()
    'Tussen 2020 en 2024 bleef het aandeel ongeveer gelijk (van 20,0% naar 30,0%); het verschil is niet zeker.'
    """
    c = compare_waves(df, indicator, code, leeftijd, start, end, min_n=min_n)
    prov = findings.provenance(herkomst)
    when = f"tussen {start} en {end}" if bepaling is None else bepaling
    if c["start"] is None:
        return Finding(onderwerp, "is", TE_WEINIG[3:], when, prov.is_synthetic, prov)
    return findings.change(
        onderwerp,
        c["start"],
        c["end"],
        herkomst=prov,
        eenheid="%",
        decimalen=1,
        bepaling=when,
        marge=c["marge"],
    )


def region_difference(
    df: pd.DataFrame,
    indicator: str,
    code: str,
    other: str,
    other_name: str,
    leeftijd: str,
    periode: str,
    *,
    onderwerp: str = "het aandeel",
    min_n: int = 50,
    herkomst: Any = None,
    bepaling: str | None = None,
) -> Finding:
    """The municipality's survey percentage against another region's in one wave, as a finding.

    "hoger" or "lager" only when the 95% interval of the difference excludes zero, otherwise *het
    verschil is niet zeker* (:func:`analysis.core.stats.difference`); too few respondents says
    so. From synthetic data it is an example.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": ["A", "NL01"], "periode": ["2024"] * 2,
    ...     "indicator": ["x"] * 2, "leeftijd": ["18+"] * 2,
    ...     "percentage": [30.0, 25.0], "n": [400, 400]})
    >>> region_difference(d, "x", "A", "NL01", "Nederland", "18+", "2024", herkomst=False).zin()
    'In 2024 was het aandeel 30,0%, tegen 25,0% in Nederland; het verschil is niet zeker.'
    >>> region_difference(d.assign(n=4000), "x", "A", "NL01", "Nederland", "18+", "2024",
    ...                   herkomst=False).zin()
    'In 2024 was het aandeel 30,0%: hoger dan in Nederland (25,0%).'
    """
    a = _row(df, indicator, code, leeftijd, periode)
    b = _row(df, indicator, other, leeftijd, periode)
    prov = findings.provenance(herkomst)
    when = f"in {periode}" if bepaling is None else bepaling
    if min(float(a["n"]), float(b["n"])) < min_n:
        rest = f"niet te vergelijken met {other_name} (te weinig ondervraagden)"
        return Finding(onderwerp, "was", rest, when, prov.is_synthetic, prov)
    p1, p2 = float(a["percentage"]), float(b["percentage"])
    _, m = stats.difference(p1, float(a["n"]), p2, float(b["n"]))
    return findings.compare(
        onderwerp,
        p1,
        p2,
        tegen=f"in {other_name}",
        herkomst=prov,
        eenheid="%",
        decimalen=1,
        bepaling=when,
        marge=m,
    )


def share_level(
    df: pd.DataFrame,
    indicator: str,
    code: str,
    leeftijd: str,
    periode: str,
    *,
    onderwerp: str,
    min_n: int = 50,
    herkomst: Any = None,
    werkwoord: str = "was",
) -> Finding:
    """One survey percentage with its 95% interval as a finding: *In 2024 was het aandeel … 14,4%
    (marge 11,9 tot 17,3%).* Too few respondents says so instead of a number.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": ["A"], "periode": ["2024"], "indicator": ["x"],
    ...     "leeftijd": ["18+"], "percentage": [90.0], "n": [50]})
    >>> share_level(d, "x", "A", "18+", "2024", onderwerp="het aandeel", herkomst=False).zin()
    'In 2024 was het aandeel 90,0% (marge 78,6 tot 95,7%).'
    >>> share_level(d, "x", "A", "18+", "2024", onderwerp="het aandeel", herkomst=False,
    ...             min_n=100).zin()
    'In 2024 was het aandeel niet te schatten (te weinig ondervraagden).'
    """
    e = estimate(df, indicator, code, leeftijd, periode, min_n=min_n)
    prov = findings.provenance(herkomst)
    when = f"in {periode}"
    pct, lower, upper = e["percentage"], e["ondergrens"], e["bovengrens"]
    if pct is None or lower is None or upper is None:
        rest = "niet te schatten (te weinig ondervraagden)"
        return Finding(onderwerp, werkwoord, rest, when, prov.is_synthetic, prov)
    ex = prov.is_synthetic
    lo = findings.number(lower, "", 1, voorbeeld=ex)
    hi = findings.number(upper, "%", 1, voorbeeld=ex)
    return findings.level(
        onderwerp,
        werkwoord,
        pct,
        herkomst=prov,
        eenheid="%",
        decimalen=1,
        bepaling=when,
        toelichting=f"marge {lo} tot {hi}",
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
    the national percentage, whether they differ (*hoger*, *lager* or *verschil niet zeker*), and
    how both changed since wave ``start`` (:func:`compare_waves`).

    A difference or change counts only when the 95% interval of the difference excludes zero.
    Percentages based on fewer than ``min_n`` respondents are left empty and the comparison says
    so.

    Returns
    -------
    DataFrame
        Columns ``Leeftijd``, ``<naam> (%)``, ``Marge``, ``<land_naam> (%)``,
        ``Verschil met <land_naam>``, ``<naam> sinds <start>``, ``<land_naam> sinds <start>``.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": ["A", "A", "NL01", "NL01"],
    ...     "periode": ["2020", "2024"] * 2, "indicator": ["x"] * 4, "leeftijd": ["65+"] * 4,
    ...     "percentage": [30.0, 35.0, 30.0, 28.0], "n": [400, 400, 10000, 10000]})
    >>> t = age_comparison(d, "x", "A", "Aa", "NL01", "NL", ["65+"], "2024", "2020")
    >>> r = t.iloc[0]
    >>> float(r["Aa (%)"]), r["Marge"], float(r["NL (%)"]), r["Verschil met NL"]
    (35.0, '30,5 - 39,8', 28.0, 'hoger')
    >>> r["Aa sinds 2020"], r["NL sinds 2020"]
    ('bleef ongeveer gelijk; het verschil is niet zeker', 'daalde')
    """
    rows = []
    for age in ages:
        e = estimate(df, indicator, code, age, periode, min_n=min_n)
        e_land = estimate(df, indicator, land, age, periode, min_n=min_n)
        if e["percentage"] is None or e_land["percentage"] is None:
            verschil, interval = "te weinig ondervraagden", ""
        else:
            p1, p2 = float(e["percentage"]), float(e_land["percentage"])
            sig = stats.significant(p1, float(e["n"] or 0), p2, float(e_land["n"] or 0))
            verschil = ("hoger" if p1 > p2 else "lager") if sig else "verschil niet zeker"
            interval = f"{getal(e['ondergrens'], 1)} - {getal(e['bovengrens'], 1)}"
        rows.append(
            {
                "Leeftijd": AGE_LABELS.get(age, age),
                f"{naam} (%)": None if e["percentage"] is None else float(e["percentage"]),
                "Marge": interval,
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
    rounded); with ``upto`` only years up to that period; half-year rows (``2026H1``) are left out,
    since a half-year's count is not comparable with a year's. Adds a total row per year (unless
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
    sel = sel[sel["periode"].astype(str).str.fullmatch(r"\d{4}")]  # years only
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
    up to that period. Half-year rows (``2026H1``) are left out: a half-year's count is not
    comparable with a year's.

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
    sel = sel[sel["periode"].astype(str).str.fullmatch(r"\d{4}")]  # years only
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


#: A policy document cited by its file name in the data: ``000_…txt (Title, date)`` or
#: ``Title (seeds/000_…txt), paragraaf 3.1``.
_DOC_FIRST = re.compile(r"^(?:echt:\s*)?(?:\S*/)?\d{3}_[0-9a-f]+\.txt\s*\((?P<titel>.+)\)\s*$")
_DOC_INSIDE = re.compile(r"\s*\((?:\S*/)?\d{3}_[0-9a-f]+\.txt\)")
_URL = re.compile(r"^(?:echt:\s*)?https?://(?:www\.)?(?P<host>[^/\s]+)")


def readable_source(bron: str) -> str:
    """A source as a reader can find it: a document by its title (never its file name), a web
    page by its site.

    Examples
    --------
    >>> readable_source("001_472be077156590ad.txt (Concept Beleidsplan Sociaal Domein 2019-2023, mei 2019)")
    'Concept Beleidsplan Sociaal Domein 2019-2023, mei 2019'
    >>> readable_source("Beleidsplan 2025-2028 (seeds/000_efd20162d3471d10.txt), paragraaf 3.2")
    'Beleidsplan 2025-2028, paragraaf 3.2'
    >>> readable_source("https://www.volksgezondheidenzorg.info/onderwerp/participatie")
    'volksgezondheidenzorg.info'
    """
    text = str(bron).strip()
    if m := _DOC_FIRST.match(text):
        return m["titel"].strip()
    if m := _URL.match(text):
        return m["host"]
    return _DOC_INSIDE.sub("", text)


def reference_figures(
    df: pd.DataFrame,
    words: Iterable[str],
    *,
    gebieden: Iterable[str] | None = None,
    gemeente: str | None = None,
) -> pd.DataFrame:
    """Public reference figures (``gezondheid_referentie``) whose indicator mentions any word.

    Rows without a numeric value are dropped. With ``gebieden`` and/or ``gemeente`` only rows of
    those regions: a region that is one of ``gebieden`` (or starts with one), the municipality
    itself, or a region the source says includes it (*GGD …, incl. <gemeente>*), so the
    municipality's own GGD region is found in the data, not named in code. The source is named as
    a reader can find it (:func:`readable_source`). Returns Dutch columns ``Indicator, Gebied,
    Jaar, Waarde, Eenheid, Bron``.

    Examples
    --------
    >>> d = pd.DataFrame({"indicator": ["Eenzaam, 75+", "Roken", "Eenzaam, 18+"],
    ...     "regio": ["Nederland", "Nederland", "GGD Elders"], "periode_tekst": ["2020"] * 3,
    ...     "waarde": [56.0, 20.0, 40.0], "eenheid": ["%"] * 3,
    ...     "bron": ["https://www.vzinfo.nl/x"] * 3})
    >>> reference_figures(d, ["eenzaam"])["Waarde"].tolist()
    [56.0, 40.0]
    >>> reference_figures(d, ["eenzaam"], gebieden=["Nederland"])[["Waarde", "Bron"]].values.tolist()
    [[56.0, 'vzinfo.nl']]
    >>> d.loc[2, "regio"] = "GGD Elders (regio, incl. Aa)"
    >>> reference_figures(d, ["eenzaam"], gemeente="Aa")["Gebied"].tolist()
    ['GGD Elders (regio, incl. Aa)']
    """
    keys = [w.lower() for w in words]
    mask = df["indicator"].str.lower().map(lambda s: any(k in s for k in keys)).astype(bool)
    if gebieden is not None or gemeente is not None:
        names = list(gebieden or [])

        def keep(region: str) -> bool:
            if any(region.startswith(g) for g in names):
                return True
            return gemeente is not None and (region == gemeente or f"incl. {gemeente}" in region)

        mask &= df["regio"].astype(str).map(keep).astype(bool)
    sel = df[mask & df["waarde"].notna()]
    return pd.DataFrame(
        {
            "Indicator": sel["indicator"].to_numpy(),
            "Gebied": sel["regio"].to_numpy(),
            "Jaar": sel["periode_tekst"].to_numpy(),
            "Waarde": sel["waarde"].to_numpy(),
            "Eenheid": sel["eenheid"].to_numpy(),
            "Bron": [readable_source(b) for b in sel["bron"]],
        }
    ).reset_index(drop=True)


def short_region(name: str) -> str:
    """A region's name without the explanation in brackets that the source adds.

    Examples
    --------
    >>> short_region("GGD Kennemerland (regio, incl. de gemeente)")
    'GGD Kennemerland'
    >>> short_region("Nederland")
    'Nederland'
    """
    return str(name).split(" (", 1)[0].strip()


def reference_value(table: pd.DataFrame, *words: str) -> pd.Series:
    """The one row of a :func:`reference_figures` table whose indicator mentions every word.

    Raises ``KeyError`` when none or several match, so a chapter cannot silently quote the wrong
    figure.

    Examples
    --------
    >>> t = pd.DataFrame({"Indicator": ["Zwaar belast (2016)", "Mantelzorg geven, 16+"],
    ...     "Gebied": ["GGD", "NL"], "Jaar": ["2016", "2016"], "Waarde": [14.1, 13.9]})
    >>> float(reference_value(t, "zwaar")["Waarde"])
    14.1
    """
    keys = [w.lower() for w in words]
    hit = table[table["Indicator"].str.lower().map(lambda s: all(k in s for k in keys))]
    if len(hit) != 1:
        raise KeyError(f"{len(hit)} referentiecijfers voor {words!r} (verwacht: precies één)")
    return hit.iloc[0]


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
