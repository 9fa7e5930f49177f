"""The cliëntervaringsonderzoek Wmo: the standard statements as shares with 95% intervals.

The ``clientervaring`` dataset holds, per year and statement (``nr`` 1-10, theme toegang /
kwaliteit / effect), the number of valid answers and the number (helemaal) eens (for question 5,
awareness of independent client support: the number answering *ja*). Shares get a Wilson interval
(:mod:`analysis.core.stats`) and are hidden below the minimum number of respondents
(:func:`analysis.data.privacy.mask_percentages`). The real 2022 results (``clientervaring_2022``) are
anchors shown next to the survey series.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from analysis.core.errors import DataError
from analysis.core.stats import add_intervals, difference
from analysis.data.privacy import mask_percentages

#: Statement numbers used for the key indicators and the real anchors.
WIST_WAAR = 1
KWALITEIT = 6
BETER_REDDEN = 9
BEKEND_CLIENTONDERSTEUNING = 5

#: Which statement a real 2022 outcome (``clientervaring_2022``) corresponds to, by keyword.
ANCHOR_KEYWORDS: dict[str, int] = {
    "tevreden": KWALITEIT,
    "beter redden": BETER_REDDEN,
    "cliëntondersteuning": BEKEND_CLIENTONDERSTEUNING,
}


def shares(df: pd.DataFrame, gemeente: str, min_n: int = 50) -> pd.DataFrame:
    """Share (helemaal) eens per statement and year, with a 95% Wilson interval.

    Parameters
    ----------
    df
        The ``clientervaring`` dataset.
    gemeente
        Municipality code.
    min_n
        Percentages (and their intervals) based on fewer respondents are masked (``NaN``).

    Returns
    -------
    DataFrame
        ``periode, nr, thema, stelling, n, percentage, ondergrens, bovengrens`` sorted by
        statement and year.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": "GM1", "periode": [2024, 2025], "nr": 1,
    ...     "thema": "toegang", "stelling": "S", "n_antwoorden": [50, 20], "n_eens": [45, 18]})
    >>> t = shares(d, "GM1")
    >>> t["percentage"].tolist(), round(float(t["ondergrens"].iloc[0]), 1)
    ([90.0, nan], 78.6)
    """
    sel = df[df["gemeente_code"] == gemeente].copy()
    if sel.empty:
        raise DataError(f"geen cliëntervaring voor {gemeente}", file=df.attrs.get("dataset"))
    sel["periode"] = sel["periode"].astype(str)
    n = pd.to_numeric(sel["n_antwoorden"], errors="coerce").astype(float)
    k = pd.to_numeric(sel["n_eens"], errors="coerce").astype(float)
    out = pd.DataFrame(
        {
            "periode": sel["periode"].to_numpy(),
            "nr": sel["nr"].astype(int).to_numpy(),
            "thema": sel["thema"].to_numpy(),
            "stelling": sel["stelling"].to_numpy(),
            "n": n.to_numpy(),
            "percentage": np.where(n > 0, 100 * k / n.where(n > 0), np.nan),
        }
    )
    out["percentage"] = mask_percentages(out["percentage"], out["n"], min_n)
    out = add_intervals(out)
    return out.sort_values(["nr", "periode"]).reset_index(drop=True)


def value(table: pd.DataFrame, nr: int, periode: str | int) -> tuple[float, float]:
    """Percentage and number of respondents for one statement in one year.

    Examples
    --------
    >>> t = pd.DataFrame({"nr": [6], "periode": ["2025"], "percentage": [88.0], "n": [300.0]})
    >>> value(t, 6, 2025)
    (88.0, 300.0)
    """
    row = table[(table["nr"] == nr) & (table["periode"] == str(periode))]
    if row.empty:
        raise DataError(f"geen uitkomst voor stelling {nr} in {periode}")
    return float(row["percentage"].iloc[0]), float(row["n"].iloc[0])


def survey_year(table: pd.DataFrame, periode: str | int) -> str:
    """The survey year an edition shows: the period itself when the survey has it, else the latest
    earlier year (the survey is yearly, so a half-year edition shows the last measurement).

    Examples
    --------
    >>> t = pd.DataFrame({"nr": 1, "periode": ["2024", "2025"]})
    >>> survey_year(t, "2025"), survey_year(t, "2026H1")
    ('2025', '2025')
    """
    years = sorted({str(p) for p in table["periode"]})
    if str(periode) in years:
        return str(periode)
    earlier = [y for y in years if y[:4] < str(periode)[:4]]
    if not earlier:
        raise DataError(f"geen meting van het cliëntervaringsonderzoek tot {periode}")
    return earlier[-1]


def comparison_year(
    table: pd.DataFrame, periode: str | int, vorige: str | int | None = None
) -> str | None:
    """The year to compare ``periode`` with: ``vorige`` (the params' ``vorige_periode``) when the
    survey has it, else the latest earlier year in the survey, else ``None``.

    Examples
    --------
    >>> t = pd.DataFrame({"nr": 1, "periode": ["2022", "2023", "2024"]})
    >>> comparison_year(t, 2024, None), comparison_year(t, 2024, 2022), comparison_year(t, 2022)
    ('2023', '2022', None)
    """
    years = sorted({str(p) for p in table["periode"]})
    if vorige is not None and str(vorige) in years and str(vorige) < str(periode):
        return str(vorige)
    earlier = [y for y in years if y < str(periode)]
    return earlier[-1] if earlier else None


def change(
    table: pd.DataFrame, nr: int, periode: str | int, vorige: str | int | None
) -> dict[str, Any]:
    """Change of one statement between two years with its 95% margin and a Dutch verdict.

    With ``vorige`` ``None`` (no earlier measurement) there is nothing to compare: the result
    says so instead of inventing a change.

    Returns
    -------
    dict
        ``verschil`` and ``marge`` (percentage points, from :func:`analysis.core.stats.difference`),
        ``significant`` (bool) and ``tekst`` (e.g. ``"niet aantoonbaar veranderd"``: within the margin; plain words, issue 15.5).

    Examples
    --------
    >>> t = pd.DataFrame({"nr": [6, 6], "periode": ["2024", "2025"],
    ...     "percentage": [25.0, 30.0], "n": [400.0, 400.0]})
    >>> c = change(t, 6, 2025, 2024)
    >>> round(c["verschil"], 1), round(c["marge"], 1), c["tekst"]
    (5.0, 6.2, 'niet aantoonbaar veranderd')
    >>> change(t, 6, 2024, None)["tekst"]
    'niet te vergelijken (geen eerdere meting)'
    """
    if vorige is None:
        value(table, nr, periode)  # the current year must exist
        return {
            "verschil": np.nan,
            "marge": np.nan,
            "significant": False,
            "tekst": "niet te vergelijken (geen eerdere meting)",
        }
    p1, n1 = value(table, nr, periode)
    p0, n0 = value(table, nr, vorige)
    d, m = difference(p1, n1, p0, n0)
    sig = bool(not np.isnan(m) and abs(d) > m)
    if not sig:
        tekst = "niet aantoonbaar veranderd"
    else:
        tekst = "duidelijk gestegen" if d > 0 else "duidelijk gedaald"
    return {"verschil": d, "marge": m, "significant": sig, "tekst": tekst}


def anchors(df_anchor: pd.DataFrame, gemeente: str) -> pd.DataFrame:
    """The real published outcomes (``clientervaring_2022``) linked to a statement number.

    Returns
    -------
    DataFrame
        ``periode, uitkomst, percentage, nr`` (``nr`` is ``<NA>`` when no statement matches).

    Examples
    --------
    >>> a = pd.DataFrame({"gemeente_code": "GM1", "periode": [2022],
    ...     "uitkomst": ["bekend met onafhankelijke cliëntondersteuning"], "percentage": [61]})
    >>> anchors(a, "GM1")[["periode", "nr", "percentage"]].values.tolist()
    [['2022', 5, 61.0]]
    """
    sel = df_anchor[df_anchor["gemeente_code"] == gemeente].copy()

    def match(text: str) -> Any:  # noqa: ANN401
        low = str(text).lower()
        for key, nr in ANCHOR_KEYWORDS.items():
            if key in low:
                return nr
        return pd.NA

    return pd.DataFrame(
        {
            "periode": sel["periode"].astype(str).to_numpy(),
            "uitkomst": sel["uitkomst"].to_numpy(),
            "percentage": pd.to_numeric(sel["percentage"]).astype(float).to_numpy(),
            "nr": pd.array([match(u) for u in sel["uitkomst"]], dtype="Int64"),
        }
    )


def anchor_table(table: pd.DataFrame, anch: pd.DataFrame) -> pd.DataFrame:
    """The real published outcomes with the statement that fits them best and, for reference, the
    value of the example series in the same year (Dutch headers, for display).

    The example series was made to match the published figures, so the table does not compare the
    two (no "within the interval": a series made to match a figure cannot confirm it).

    Examples
    --------
    >>> t = pd.DataFrame({"nr": [5], "periode": ["2022"], "stelling": ["Wist u ..."],
    ...     "percentage": [60.0], "ondergrens": [55.0], "bovengrens": [65.0], "n": [300.0]})
    >>> a = pd.DataFrame({"periode": ["2022"], "uitkomst": ["bekend"], "percentage": [61.0],
    ...     "nr": pd.array([5], "Int64")})
    >>> anchor_table(t, a).values.tolist()
    [['bekend', '2022', 61.0, 5, 60.0]]
    """
    rows = []
    for _, a in anch.iterrows():
        hit = pd.DataFrame()
        if not pd.isna(a["nr"]):
            hit = table[(table["nr"] == int(a["nr"])) & (table["periode"] == a["periode"])]
        series = np.nan if hit.empty else float(hit["percentage"].iloc[0])
        rows.append([a["uitkomst"], a["periode"], a["percentage"], a["nr"], series])
    return pd.DataFrame(
        rows,
        columns=[
            "Gepubliceerde uitkomst",
            "Jaar",
            "Gepubliceerd (%)",
            "Stelling",
            "Voorbeeldreeks (%)",
        ],
    )


def anchor_citation(df_anchor: pd.DataFrame, naam: str) -> str:
    """The published source of the real outcomes: the article's title (from its web address, the
    municipality's name written as it is) and the site that published it.

    Examples
    --------
    >>> a = pd.DataFrame({"bron": ["https://023magazine.nl/maatschappij/2749-clienten-tevreden-over-hulp-in-plaats"]})
    >>> anchor_citation(a, "Plaats")
    '“Cliënten tevreden over hulp in Plaats”, 023magazine.nl'
    >>> anchor_citation(pd.DataFrame({"bron": [None]}), "Plaats")
    ''
    """
    import re

    urls = [u for u in df_anchor.get("bron", pd.Series(dtype=object)).dropna().astype(str) if u]
    if not urls:
        return ""
    m = re.match(r"https?://(?:www\.)?([^/]+)/(?:.*/)?(?:\d+-)?([^/?#]+)", urls[0])
    if not m:
        return ""
    words = [naam if w == naam.lower() else w for w in m[2].split("-")]
    title = " ".join(words).replace("clienten", "cliënten")
    return f"“{title[0].upper() + title[1:]}”, {m[1]}"


def change_finding(
    table: pd.DataFrame,
    nr: int,
    periode: str | int,
    vorige: str | int | None,
    onderwerp: str,
    *,
    herkomst: Any = None,  # noqa: ANN401
) -> Any:  # noqa: ANN401
    """How the share of one statement changed, as a finding in plain Dutch: within its margin it
    "bleef ongeveer gelijk; het verschil is niet zeker" (an example on example data).

    Examples
    --------
    >>> t = pd.DataFrame({"nr": [6, 6], "periode": ["2024", "2025"],
    ...     "percentage": [25.0, 30.0], "n": [400.0, 400.0]})
    >>> change_finding(t, 6, 2025, 2024, "het aandeel").zin()
    'Tussen 2024 en 2025 bleef het aandeel ongeveer gelijk (van 25% naar 30%); het verschil is niet zeker.'
    >>> change_finding(t, 6, 2025, None, "het aandeel").zin()
    'Er is geen eerdere meting om mee te vergelijken.'
    """
    from analysis.topics.findings import change as finding_change
    from analysis.topics.findings import joined

    if vorige is None:
        return joined("Er is geen eerdere meting om mee te vergelijken.")
    c = change(table, nr, periode, vorige)
    p1, _ = value(table, nr, periode)
    p0, _ = value(table, nr, vorige)
    return finding_change(
        onderwerp,
        p0,
        p1,
        herkomst=herkomst,
        eenheid="%",
        marge=None if np.isnan(c["marge"]) else c["marge"],
        bepaling=f"tussen {vorige} en {periode}",
    )


def chart_data(table: pd.DataFrame, nrs: list[int] | None = None) -> pd.DataFrame:
    """Survey shares in long form with Dutch headers for :func:`analysis.present.charts.interval_chart`.

    Examples
    --------
    >>> t = pd.DataFrame({"nr": [6], "periode": ["2025"], "stelling": ["Kwaliteit goed."],
    ...     "percentage": [88.0], "ondergrens": [84.0], "bovengrens": [91.0], "n": [300.0]})
    >>> chart_data(t)["Stelling"].tolist()
    ['Stelling 6']
    >>> chart_data(t).columns.tolist()
    ['Jaar', 'Stelling', 'Aandeel eens (%)', 'Ondergrens', 'Bovengrens', 'Respondenten']
    """
    sel = table if nrs is None else table[table["nr"].isin(nrs)]
    return pd.DataFrame(
        {
            "Jaar": sel["periode"].to_numpy(),
            "Stelling": [f"Stelling {n}" for n in sel["nr"]],
            "Aandeel eens (%)": sel["percentage"].to_numpy(),
            "Ondergrens": sel["ondergrens"].to_numpy(),
            "Bovengrens": sel["bovengrens"].to_numpy(),
            "Respondenten": sel["n"].astype(int).to_numpy(),
        }
    )


def measure(ctx: Any, nr: int) -> Any:  # noqa: ANN401
    """Key indicator: share agreeing with statement ``nr`` of the client survey in the period,
    against the previous survey (``kernindicatoren.yml``).

    The change carries its 95% margin, so a change within it counts as no change in the verdict.
    The ambition is not set here: ``kernindicatoren.yml`` names it by its id in ``beleidsdoelen``
    (statement 1, "Ik wist waar ik moest zijn": ``toegang_bereikbaar``, *stabiel*; statement 6,
    quality: ``voorzieningenaanbod``, *stabiel*).
    """
    from analysis.topics.indicators import Measurement
    from analysis.topics.population import previous_period

    df = ctx.load("clientervaring")
    t = shares(df, ctx.code, ctx.params.privacy["min_n_percentage"])
    per = survey_year(t, ctx.params.periode)
    prev = previous_period(sorted(t["periode"].unique()), per)
    p, _ = value(t, nr, per)
    vorige, marge = None, None
    if prev:
        vorige = value(t, nr, prev)[0]
        marge = change(t, nr, per, prev)["marge"]
    return Measurement(
        waarde=None if np.isnan(p) else p,
        vorige=vorige,
        marge=marge,
        bron=f"clientervaring (stelling {nr})",
        periode=per,
        vorige_periode=str(prev or ""),
    )


def display_table(table: pd.DataFrame, periode: str | int) -> pd.DataFrame:
    """All statements of one year as a table with Dutch headers; masked shares stay empty.

    Examples
    --------
    >>> t = pd.DataFrame({"nr": [6], "periode": ["2025"], "thema": ["kwaliteit"],
    ...     "stelling": ["K"], "percentage": [88.04], "ondergrens": [84.0],
    ...     "bovengrens": [91.0], "n": [300.0]})
    >>> display_table(t, 2025).iloc[0, 4:].tolist()
    ['88,0', '84,0-91,0']
    """
    from analysis.core.numbers import getal

    sel = table[table["periode"] == str(periode)].sort_values("nr")
    return pd.DataFrame(
        {
            "Nr.": [int(x) for x in sel["nr"]],
            "Stelling": sel["stelling"].tolist(),
            "Thema": sel["thema"].tolist(),
            "Respondenten": [int(x) for x in sel["n"]],
            "Aandeel (helemaal) eens (%)": [
                "" if pd.isna(p) else getal(p, 1) for p in sel["percentage"]
            ],
            "Marge": [
                "" if pd.isna(a) else f"{getal(a, 1)}-{getal(b, 1)}"
                for a, b in zip(sel["ondergrens"], sel["bovengrens"], strict=True)
            ],
        }
    )


def survey_action_points(df_agenda: pd.DataFrame, *, per_jaar: bool = True) -> pd.DataFrame:
    """The action points of the agenda about measuring client satisfaction (any theme).

    Uses :func:`analysis.topics.agenda.action_points` and keeps the points whose text mentions
    *tevredenheid* or *cliëntervaring*.

    Examples
    --------
    >>> d = pd.DataFrame({"id": ["A1", "A2"], "thema": ["Toegang", "Toegang"],
    ...     "actiepunt": ["Continu meten cliënttevredenheid toegang", "Inloop"],
    ...     "jaar": [2025, 2025]})
    >>> survey_action_points(d, per_jaar=False)["Nr."].tolist()
    ['A1']
    """
    from analysis.topics.agenda import action_points

    table = action_points(df_agenda, None, per_jaar=per_jaar)
    mask = table["Actiepunt"].str.contains("tevredenheid|cliëntervaring", case=False, regex=True)
    return table[mask].reset_index(drop=True)


def anchor_value(anch: pd.DataFrame, nr: int, periode: str | int) -> float:
    """The published percentage (from :func:`anchors`) for a statement and year.

    Examples
    --------
    >>> a = pd.DataFrame({"periode": ["2022", "2021"], "uitkomst": ["b", "b"],
    ...     "percentage": [61.0, 55.0], "nr": pd.array([5, 5], "Int64")})
    >>> anchor_value(a, 5, 2021)
    55.0
    """
    hit = anch[(anch["nr"] == nr) & (anch["periode"] == str(periode))]
    if hit.empty:
        raise DataError(f"geen gepubliceerde uitkomst voor stelling {nr} in {periode}")
    return float(hit["percentage"].iloc[0])


def lowest(
    table: pd.DataFrame,
    periode: str | int,
    *,
    thema: str | None = None,
    exclude: tuple[int, ...] = (5,),
) -> pd.Series:
    """The statement with the lowest share (helemaal) eens in a year (masked shares ignored).

    Question 5 (awareness, ja/nee) is not an agreement statement and is excluded by default.

    Examples
    --------
    >>> t = pd.DataFrame({"nr": [1, 2, 5], "periode": "2025", "thema": "toegang",
    ...     "stelling": ["a", "b", "c"], "percentage": [80.0, 70.0, 60.0]})
    >>> int(lowest(t, 2025)["nr"])
    2
    """
    sel = table[(table["periode"] == str(periode)) & ~table["nr"].isin(exclude)]
    if thema is not None:
        sel = sel[sel["thema"] == thema]
    sel = sel.dropna(subset=["percentage"])
    if sel.empty:
        raise DataError(f"geen stellingen met een percentage in {periode}")
    return sel.sort_values(["percentage", "nr"]).iloc[0]
