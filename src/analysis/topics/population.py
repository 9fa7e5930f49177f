"""Demography: population by age, the shares of older residents, and their growth.

Age groups are read from the data's labels, so the same functions work for the report's groups
(``"65-74"``, ``"85+"``) and for CBS's (``"65 tot 70 jaar"``, ``"95 jaar of ouder"``).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.core.codes import age_bounds, is_total_label
from analysis.core.provenance import union
from analysis.topics import findings


def population_by_age(df: pd.DataFrame, region: str, *, sex: str = "totaal") -> pd.DataFrame:
    """Population of one region per period and age group (one sex, default both).

    Parameters
    ----------
    df
        Tidy population data with ``gemeente_code, periode, leeftijd, geslacht, waarde``.
    region
        CBS region code.

    Returns
    -------
    DataFrame
        Columns ``periode, leeftijd, waarde`` (age-group rows only, no totals), sorted by period
        and lower age bound.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": ["GM1"] * 3, "periode": ["2024"] * 3,
    ...     "leeftijd": ["85+", "0-64", "totaal"], "geslacht": ["totaal"] * 3,
    ...     "waarde": [5, 80, 85]})
    >>> population_by_age(d, "GM1")["leeftijd"].tolist()
    ['0-64', '85+']
    """
    sel = df[(df["gemeente_code"] == region) & (df["geslacht"].str.lower() == sex)]
    sel = sel[~sel["leeftijd"].map(is_total_label).astype(bool)]
    out = sel[["periode", "leeftijd", "waarde"]].copy()
    out["_lo"] = out["leeftijd"].map(lambda x: age_bounds(x)[0])
    out = out.sort_values(["periode", "_lo"]).drop(columns="_lo").reset_index(drop=True)
    out["waarde"] = out["waarde"].astype("float64")
    return out


def count_aged(pop: pd.DataFrame, min_age: int, max_age: int | None = None) -> pd.Series:
    """Residents aged ``min_age`` (to ``max_age``) per period, from :func:`population_by_age`.

    Only whole age groups are counted; a group straddling ``min_age`` raises ``ValueError``, so a
    figure is never silently off.

    Examples
    --------
    >>> p = pd.DataFrame({"periode": ["2024"] * 3, "leeftijd": ["0-64", "65-84", "85+"],
    ...                   "waarde": [80.0, 15.0, 5.0]})
    >>> count_aged(p, 65).tolist(), count_aged(p, 85).tolist()
    ([20.0], [5.0])
    """
    keep = []
    for label in pop["leeftijd"].unique():
        lo, hi = age_bounds(label)
        upper_ok = max_age is None or (hi is not None and hi <= max_age)
        if lo >= min_age and upper_ok:
            keep.append(label)
        elif lo < min_age and (hi is None or hi >= min_age):
            raise ValueError(f"leeftijdsgroep {label!r} valt deels onder {min_age} jaar")
    sel = pop[pop["leeftijd"].isin(keep)]
    return sel.groupby("periode")["waarde"].sum().rename(f"{min_age}+")


def ageing_table(pop: pd.DataFrame, thresholds: tuple[int, ...] = (65, 75, 85)) -> pd.DataFrame:
    """Counts and shares (%) of residents aged 65+, 75+ and 85+ per period.

    Returns
    -------
    DataFrame
        Columns ``periode, totaal`` and for every threshold ``n_<t>`` and ``pct_<t>``.

    Examples
    --------
    >>> p = pd.DataFrame({"periode": ["2024"] * 4, "leeftijd": ["0-64", "65-74", "75-84", "85+"],
    ...                   "waarde": [70.0, 15.0, 10.0, 5.0]})
    >>> [float(x) for x in ageing_table(p).iloc[0][["pct_65", "pct_75", "pct_85"]]]
    [30.0, 15.0, 5.0]
    """
    total = pop.groupby("periode")["waarde"].sum()
    out = pd.DataFrame({"totaal": total})
    for t in thresholds:
        n = count_aged(pop, t).reindex(total.index, fill_value=0.0)
        out[f"n_{t}"] = n
        out[f"pct_{t}"] = 100 * n / total
    return out.reset_index()


def growth(series: pd.Series, start: str, end: str) -> tuple[float, float]:
    """Absolute and relative (%) change of a series indexed by period, from ``start`` to ``end``.

    Examples
    --------
    >>> growth(pd.Series({"2019": 200.0, "2025": 250.0}), "2019", "2025")
    (50.0, 25.0)
    """
    a, b = float(series[start]), float(series[end])
    return b - a, (100 * (b - a) / a) if a else float("nan")


def long_shares(table: pd.DataFrame, thresholds: tuple[int, ...] = (65, 75, 85)) -> pd.DataFrame:
    """The shares of :func:`ageing_table` in long form with Dutch labels, for a chart.

    Examples
    --------
    >>> t = pd.DataFrame({"periode": ["2024"], "pct_65": [30.0], "pct_75": [15.0],
    ...                   "pct_85": [5.0]})
    >>> long_shares(t)["Leeftijdsgroep"].tolist()
    ['65 jaar en ouder', '75 jaar en ouder', '85 jaar en ouder']
    """
    rows = []
    for _, r in table.iterrows():
        for t in thresholds:
            rows.append(
                {
                    "Jaar": str(r["periode"]),
                    "Leeftijdsgroep": f"{t} jaar en ouder",
                    "Aandeel (%)": round(float(r[f"pct_{t}"]), 1),
                }
            )
    return pd.DataFrame(rows)


def previous_period(periods: list[str], period: str) -> str | None:
    """The latest period before ``period`` among ``periods`` (``None`` when there is none).

    Examples
    --------
    >>> previous_period(["2019", "2023", "2024", "2025"], "2025")
    '2024'
    >>> previous_period(["2025"], "2025") is None
    True
    """
    earlier = sorted(p for p in periods if p < period)
    return earlier[-1] if earlier else None


def shares_by_region(
    df: pd.DataFrame, regions: dict[str, str], period: str, min_age: int
) -> pd.DataFrame:
    """Share (%) of residents aged ``min_age`` and over in ``period`` for each region present.

    Parameters
    ----------
    regions
        ``{code: name}`` in display order (e.g. ``params.regions()``); codes absent from the data
        are skipped.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": ["A", "A", "B", "B"], "periode": ["2024"] * 4,
    ...     "leeftijd": ["0-74", "75+"] * 2, "geslacht": ["totaal"] * 4,
    ...     "waarde": [90, 10, 80, 20]})
    >>> shares_by_region(d, {"A": "Aa", "B": "Bee"}, "2024", 75)["Aandeel (%)"].tolist()
    [10.0, 20.0]
    """
    rows = []
    for code, name in regions.items():
        pop = population_by_age(df, code)
        pop = pop[pop["periode"] == period]
        if pop.empty:
            continue
        total = pop["waarde"].sum()
        rows.append(
            {"Gebied": name, "Aandeel (%)": round(100 * count_aged(pop, min_age).sum() / total, 1)}
        )
    return pd.DataFrame(rows)


def growth_by_age(pop: pd.DataFrame, start: str, end: str) -> pd.DataFrame:
    """Change per age group between two periods: counts at both ends, absolute and % change.

    Examples
    --------
    >>> p = pd.DataFrame({"periode": ["2019", "2019", "2025", "2025"],
    ...                   "leeftijd": ["0-74", "75+", "0-74", "75+"],
    ...                   "waarde": [90.0, 10.0, 88.0, 15.0]})
    >>> growth_by_age(p, "2019", "2025")["Verandering (%)"].tolist()
    [-2.2, 50.0]
    """
    a = pop[pop["periode"] == start].set_index("leeftijd")["waarde"]
    b = pop[pop["periode"] == end].set_index("leeftijd")["waarde"]
    out = pd.DataFrame({"Leeftijdsgroep": a.index, start: a.values, end: b.reindex(a.index).values})
    out["Verandering"] = out[end] - out[start]
    out["Verandering (%)"] = (100 * out["Verandering"] / out[start]).round(1)
    return out


def stand_year(periode: str | int) -> str:
    """The stand on 1 January that an edition shows: 1 January of the report's year (also in a
    half-year edition: 1 January 2026 lies in the first half of 2026).

    Examples
    --------
    >>> stand_year("2025"), stand_year("2026H1")
    ('2025', '2026')
    """
    return str(periode)[:4]


def share_measure(ctx: Any, min_age: int) -> Any:  # noqa: ANN401 - key indicator
    """Key indicator: share of residents aged ``min_age`` or older on 1 January of the period,
    against the previous year in the data (``kernindicatoren.yml``)."""
    from analysis.topics.indicators import Measurement

    bev = ctx.load("bevolking_leeftijd")
    pop = population_by_age(bev, ctx.code)
    table = ageing_table(pop).set_index("periode")
    per = stand_year(ctx.params.periode)
    prev = previous_period(list(table.index), per)
    return Measurement(
        waarde=float(table.loc[per, f"pct_{min_age}"]),
        vorige=float(table.loc[prev, f"pct_{min_age}"]) if prev else None,
        doel=None,
        bron="bevolking_leeftijd",
        periode=str(per),
        vorige_periode=str(prev or ""),
    )


# ------------------------------------------------------------------ real figures first


def real_totals(totaal: pd.DataFrame, code: str) -> pd.Series:
    """Real inhabitants on 1 January per year for ``code`` (``bevolking_totaal``), oldest first.

    Examples
    --------
    >>> t = pd.DataFrame({"gemeente_code": ["A", "A", "B"], "periode": ["2024", "2019", "2019"],
    ...                   "waarde": [27589, 27286, 1]})
    >>> real_totals(t, "A").to_dict()
    {'2019': 27286.0, '2024': 27589.0}
    """
    sel = totaal[totaal["gemeente_code"] == code]
    s = sel.set_index(sel["periode"].astype(str))["waarde"].astype(float).sort_index()
    s.index.name = None
    s.name = None
    return s


def totals_real_first(
    pop: pd.DataFrame, real: pd.Series, *, synthetic: bool = True
) -> pd.DataFrame:
    """Inhabitants on 1 January per year: the real total where there is one, else the sum of the
    age groups of ``pop`` (:func:`population_by_age`); from the first year of ``pop`` on.

    Returns columns ``Jaar``, ``Inwoners``, ``Herkomst`` (*echt cijfer* / *voorbeeldgegevens* /
    *CBS-gegevens*) and ``synthetisch`` (per row, for the marks; ``synthetic`` says whether ``pop``
    is a stand-in).

    Examples
    --------
    >>> p = pd.DataFrame({"periode": ["2019", "2019", "2025"], "leeftijd": ["0-64", "65+", "65+"],
    ...                   "waarde": [20000.0, 7272.0, 27700.0]})
    >>> totals_real_first(p, pd.Series({"2019": 27286.0})).values.tolist()
    [['2019', 27286.0, 'echt cijfer', False], ['2025', 27700.0, 'voorbeeldgegevens', True]]
    """
    sums = pop.groupby(pop["periode"].astype(str))["waarde"].sum().astype(float)
    first = min(sums.index) if len(sums) else ""
    years = sorted(set(sums.index) | {y for y in real.index if y >= first})
    rows = []
    for y in years:
        if y in real.index:
            rows.append([y, float(real[y]), "echt cijfer", False])
        else:
            rows.append([y, float(sums[y]), "voorbeeldgegevens" if synthetic else "CBS", synthetic])
    return pd.DataFrame(rows, columns=["Jaar", "Inwoners", "Herkomst", "synthetisch"])


def age_sex_table(df: pd.DataFrame, code: str) -> pd.DataFrame:
    """A table of inhabitants by age group (rows) and sex (columns), with each group's share of
    the total, from a long table such as ``bevolking_2019`` (``leeftijd``, ``geslacht``,
    ``waarde``; totals as ``totaal``).

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": ["A"] * 6,
    ...     "leeftijd": ["0-74", "0-74", "0-74", "75+", "75+", "75+"],
    ...     "geslacht": ["mannen", "vrouwen", "totaal"] * 2, "waarde": [40, 50, 90, 4, 6, 10]})
    >>> age_sex_table(d, "A").values.tolist()
    [['0-74', 40, 50, 90, 90.0], ['75+', 4, 6, 10, 10.0], ['Totaal', 44, 56, 100, 100.0]]
    """
    sel = df[df["gemeente_code"] == code]
    wide = sel.pivot_table(index="leeftijd", columns="geslacht", values="waarde", aggfunc="sum")
    groups = [g for g in dict.fromkeys(sel["leeftijd"]) if not is_total_label(g)]
    body = wide.reindex(groups)
    given = [g for g in wide.index if is_total_label(g)]
    total = wide.loc[given[0]] if given else body.sum()  # the source's own total when it has one
    table = pd.concat([body, total.to_frame("Totaal").T])
    out = pd.DataFrame(
        {
            "Leeftijd": table.index.astype(str),
            "Mannen": table["mannen"].astype(int).to_numpy(),
            "Vrouwen": table["vrouwen"].astype(int).to_numpy(),
            "Totaal": table["totaal"].astype(int).to_numpy(),
        }
    )
    out["Aandeel (%)"] = (100 * out["Totaal"] / out["Totaal"].iloc[-1]).round(1)
    return out


def real_total_findings(totaal: pd.DataFrame, code: str, naam: str) -> dict[str, Any]:
    """Sentences about the real totals of ``code`` (``bevolking_totaal``): the two latest
    levels and the change between them, as findings; ``""`` where there is too little.

    Returns ``{"zin_echt_1", "zin_echt_2", "zin_echt_groei"}`` (for glue) and ``"groei"`` (the
    change as a :class:`~analysis.topics.findings.Finding`, or ``None``).

    Examples
    --------
    >>> t = pd.DataFrame({"gemeente_code": ["A", "A"], "periode": ["2019", "2024"],
    ...                   "waarde": [100.0, 110.0]})
    >>> out = real_total_findings(t, "A", "Stad")
    >>> out["zin_echt_2"].zin(), out["groei"].zin()
    ('Op 1 januari 2024 telde Stad 110 inwoners.', 'Tussen 2019 en 2024 steeg het aantal inwoners met 10%.')
    >>> real_total_findings(t.iloc[:0], "A", "Stad")["zin_echt_1"]
    ''
    """
    real = real_totals(totaal, code)
    years = list(real.index[-2:])
    out: dict[str, Any] = {"zin_echt_1": "", "zin_echt_2": "", "zin_echt_groei": "", "groei": None}
    for key, year in zip(
        ("zin_echt_1", "zin_echt_2")[-len(years) :] if years else (), years, strict=True
    ):
        out[key] = findings.level(
            naam, "telde", real[year], eenheid="inwoners", herkomst=totaal,
            bepaling=f"op 1 januari {year}",
        )  # fmt: skip
    if len(years) == 2:
        out["groei"] = findings.change(
            "het aantal inwoners", real[years[0]], real[years[1]], herkomst=totaal,
            bepaling=f"tussen {years[0]} en {years[1]}",
        )  # fmt: skip
        out["zin_echt_groei"] = out["groei"]
    return out


def combined_changes(changes: list[findings.Finding]) -> findings.Finding | str:
    """Several changes over the same period in one sentence, a verb said once while it repeats:
    *Tussen 2019 en 2025 steeg het aantal inwoners met 1,5%, het aantal 75-plussers met 18% en
    daalde het aantal kinderen met 3%.* An example when any of them is one.

    Parameters
    ----------
    changes
        Findings from :func:`analysis.topics.findings.change` with the same ``bepaling``.

    Examples
    --------
    >>> a = findings.change("het aantal inwoners", 100, 102, herkomst=False, bepaling="sinds 2019")
    >>> b = findings.change("het aantal 85-plussers", 10, 12, herkomst=False, bepaling="sinds 2019")
    >>> c = findings.change("het aantal kinderen", 20, 19, herkomst=False, bepaling="sinds 2019")
    >>> combined_changes([a, b, c]).zin()
    'Sinds 2019 steeg het aantal inwoners met 2%, het aantal 85-plussers met 20% en daalde het aantal kinderen met 5%.'
    >>> combined_changes([a]).zin()
    'Sinds 2019 steeg het aantal inwoners met 2%.'
    >>> from analysis.core.provenance import plain
    >>> plain(combined_changes([a, findings.change("het aantal", 1, 2, herkomst=True,
    ...     bepaling="sinds 2019")]).zin(), "")
    'In deze voorbeeldgegevens steeg sinds 2019 het aantal inwoners met 2% en het aantal met 100%.'
    """
    if not changes:
        return ""
    parts, verb = [], None
    for f in changes:
        words = [f.onderwerp, f.rest] if f.werkwoord == verb else [f.werkwoord, f.onderwerp, f.rest]
        parts.append(" ".join(w for w in words if w))
        verb = f.werkwoord
    parts[0] = parts[0].partition(" ")[2]  # the first verb leads the sentence
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]
    first = changes[0]
    prov = union(findings.provenance(f) for f in changes)
    return findings.Finding("", first.werkwoord, listed, first.bepaling, prov.is_synthetic, prov)


def age_profile_finding(
    row: pd.Series, naam: str, *, bepaling: str, herkomst: Any = None
) -> findings.Finding:
    """The population of one period and its shares aged 65+, 75+ and 85+ in one sentence, from a
    row of :func:`ageing_table`; numbers marked and the sentence an example when synthetic.

    Examples
    --------
    >>> r = pd.Series({"totaal": 27700.0, "pct_65": 29.5, "n_75": 4441.0, "pct_75": 16.03,
    ...     "n_85": 1669.0, "pct_85": 6.02})
    >>> age_profile_finding(r, "Stad", bepaling="op 1 januari 2025", herkomst=False).zin()
    'Op 1 januari 2025 telde Stad 27.700 inwoners: 29,5% was 65 jaar of ouder, 16,0% 75 jaar of ouder (4.441 mensen) en 6,0% 85 jaar of ouder (1.669 mensen).'
    """
    prov = findings.provenance(herkomst)
    ex = prov.is_synthetic
    n = findings.number
    rest = (
        f"{n(row['totaal'], 'inwoners', voorbeeld=ex)}: "
        f"{n(row['pct_65'], '%', 1, voorbeeld=ex)} was 65 jaar of ouder, "
        f"{n(row['pct_75'], '%', 1, voorbeeld=ex)} 75 jaar of ouder "
        f"({n(row['n_75'], 'mensen', voorbeeld=ex)}) en "
        f"{n(row['pct_85'], '%', 1, voorbeeld=ex)} 85 jaar of ouder "
        f"({n(row['n_85'], 'mensen', voorbeeld=ex)})"
    )
    return findings.Finding(naam, "telde", rest, bepaling, ex, prov)


def plan_table_date(plan: pd.DataFrame, totaal: pd.DataFrame, code: str) -> str:
    """Which 1 January the age table of an earlier plan describes, and why, in a sentence.

    The plan names no date; the data hold the table under a year. When a real total exists for
    the next year and differs, the table cannot be of that later date, which the sentence says.

    Examples
    --------
    >>> p = pd.DataFrame({"gemeente_code": ["A"], "periode": ["2018"], "leeftijd": ["totaal"],
    ...     "geslacht": ["totaal"], "waarde": [27302]})
    >>> t = pd.DataFrame({"gemeente_code": ["A"], "periode": ["2019"], "waarde": [27286]})
    >>> plan_table_date(p, t, "A")
    'Het plan noemt geen peildatum. Het totaal van de tabel (27.302) wijkt af van de 27.286 inwoners op 1 januari 2019. De tabel beschrijft dus een eerder moment; dit rapport neemt aan dat het 1 januari 2018 is.'
    >>> plan_table_date(p, t.iloc[:0], "A")
    'Het plan noemt geen peildatum; dit rapport neemt aan dat de tabel de stand op 1 januari 2018 is.'
    """
    from analysis.core.numbers import getal

    sel = plan[plan["gemeente_code"] == code]
    year = str(sel["periode"].iloc[0])
    total = sel[sel["leeftijd"].map(is_total_label) & sel["geslacht"].map(is_total_label)]
    real = real_totals(totaal, code)
    later = str(int(year[:4]) + 1)
    if total.empty or later not in real.index or float(total["waarde"].iloc[0]) == real[later]:
        return (
            "Het plan noemt geen peildatum; dit rapport neemt aan dat de tabel de stand op "
            f"1 januari {year} is."
        )
    return (
        f"Het plan noemt geen peildatum. Het totaal van de tabel ({getal(total['waarde'].iloc[0])}) "
        f"wijkt af van de {getal(real[later])} inwoners op 1 januari {later}. De tabel beschrijft "
        f"dus een eerder moment; dit rapport neemt aan dat het 1 januari {year} is."
    )


def total_sources(totaal: pd.DataFrame, code: str, years: list[str]) -> str:
    """Where the real totals of ``years`` come from, by publisher (a CBS table, or the website
    that published the CBS figure), for the prose.

    Examples
    --------
    >>> t = pd.DataFrame({"gemeente_code": ["A", "A", "B"], "periode": ["2019", "2024", "2024"],
    ...     "tabel": [None, "70072NED", None], "betrouwbaarheid": ["secondary", "official", "x"],
    ...     "bron": ["https://www.krant.nl/artikel", "https://www.cbs.nl/x", ""]})
    >>> total_sources(t, "A", ["2019", "2024"])
    'Bron: voor 2019 krant.nl (een CBS-cijfer, overgenomen), voor 2024 CBS, tabel 70072NED.'
    """
    from urllib.parse import urlparse

    sel = totaal[totaal["gemeente_code"] == code]
    sel = sel.set_index(sel["periode"].astype(str))
    parts = []
    for y in years:
        if y not in sel.index:
            continue
        r = sel.loc[y]
        if r.get("betrouwbaarheid") == "official" and isinstance(r.get("tabel"), str):
            parts.append(f"voor {y} CBS, tabel {r['tabel']}")
        else:
            host = urlparse(str(r.get("bron", ""))).netloc.removeprefix("www.")
            parts.append(f"voor {y} {host or 'een publieke bron'} (een CBS-cijfer, overgenomen)")
    return "Bron: " + ", ".join(parts) + "." if parts else ""
