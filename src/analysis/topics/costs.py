"""Expenditure on Wmo maatwerkvoorzieningen: budgeted and realised, per inhabitant and per client.

Inputs: ``wmo_uitgaven`` (per year and CBS type, ``begroot``/``gerealiseerd``, in 1 000 euro),
``begroting_sociaal_domein`` (the earlier plan's Wmo budgets 2019-2023, in euro, as reference
line), ``wmo_clienten`` (clients per type, for the cost per client), the population (for the cost
per inhabitant) and ``wmo_uitgaven_nl`` (national realised expenditure per inhabitant, CBS 84580NED).

Sentences about these figures come from tested functions: changes over time from
:mod:`analysis.topics.findings` (``findings.change``), the budget comparisons from
:func:`budget_text`, :func:`budget_years_text` and :func:`plan_budget_text`, the national comparison
from :func:`national_text`: the direction words (meer/minder, boven/onder) are computed from the
numbers, never typed into a template.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.core.errors import DataError

TOTAAL = "Totaal (drie typen)"


def expenditure(df: pd.DataFrame, gemeente: str) -> pd.DataFrame:
    """Expenditure per year, type and kind (begroot/gerealiseerd) in 1 000 euro, with a total.

    The total row (``type == TOTAAL``) is the sum of the types present in that year and kind.

    Returns
    -------
    DataFrame
        ``periode, type, soort, waarde, status``.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": "GM1", "periode": [2024, 2024],
    ...     "type": ["A", "B"], "soort": "gerealiseerd", "waarde": [100, 50],
    ...     "status": "definitief"})
    >>> expenditure(d, "GM1")[["type", "waarde"]].values.tolist()
    [['A', 100.0], ['B', 50.0], ['Totaal (drie typen)', 150.0]]
    """
    sel = df[df["gemeente_code"] == gemeente].copy()
    if sel.empty:
        raise DataError(f"geen uitgaven voor {gemeente}", file=df.attrs.get("dataset"))
    sel["periode"] = sel["periode"].astype(str)
    sel["waarde"] = pd.to_numeric(sel["waarde"], errors="coerce").astype(float)
    if "status" not in sel.columns:
        sel["status"] = ""
    tot = (
        sel.groupby(["periode", "soort"], sort=True)
        .agg(waarde=("waarde", "sum"), status=("status", lambda s: ", ".join(sorted(set(s)))))
        .reset_index()
        .assign(type=TOTAAL)
    )
    out = pd.concat([sel[["periode", "type", "soort", "waarde", "status"]], tot], ignore_index=True)
    return out.sort_values(["periode", "soort"], kind="stable").reset_index(drop=True)[
        ["periode", "type", "soort", "waarde", "status"]
    ]


def budget_deviation(exp: pd.DataFrame) -> pd.DataFrame:
    """Realised minus budgeted per year and type, in 1 000 euro and as % of the budget.

    Examples
    --------
    >>> e = pd.DataFrame({"periode": ["2024", "2024"], "type": "A",
    ...     "soort": ["begroot", "gerealiseerd"], "waarde": [100.0, 110.0]})
    >>> budget_deviation(e).values.tolist()
    [['2024', 'A', 100.0, 110.0, 10.0, 10.0]]
    """
    w = exp.pivot_table(index=["periode", "type"], columns="soort", values="waarde", sort=True)
    w = w.reindex(columns=["begroot", "gerealiseerd"])
    w["verschil"] = w["gerealiseerd"] - w["begroot"]
    w["verschil_pct"] = 100 * w["verschil"] / w["begroot"]
    w.columns.name = None
    return w.reset_index()


def per_inhabitant(exp: pd.DataFrame, inwoners: pd.Series) -> pd.DataFrame:
    """Expenditure in euro per inhabitant: ``waarde`` (1 000 euro) × 1 000 / inhabitants.

    Parameters
    ----------
    exp
        From :func:`expenditure`.
    inwoners
        Inhabitants indexed by year (as text), e.g. on 1 January.

    Returns
    -------
    DataFrame
        ``exp`` with ``inwoners`` and ``euro_per_inwoner``; years without a population are dropped.

    Examples
    --------
    >>> e = pd.DataFrame({"periode": ["2024"], "type": "A", "soort": "gerealiseerd",
    ...     "waarde": [5000.0]})
    >>> per_inhabitant(e, pd.Series({"2024": 25000}))["euro_per_inwoner"].tolist()
    [200.0]
    """
    pop = pd.Series(inwoners.to_numpy(), index=inwoners.index.astype(str), dtype=float)
    out = exp.copy()
    out["inwoners"] = out["periode"].map(pop)
    out = out.dropna(subset=["inwoners"])
    out["euro_per_inwoner"] = out["waarde"] * 1000 / out["inwoners"]
    return out.reset_index(drop=True)


def per_client(exp: pd.DataFrame, clients: pd.DataFrame, gemeente: str) -> pd.DataFrame:
    """Realised expenditure per client per type and year, in euro.

    Clients come from ``wmo_clienten`` (yearly periods, ``leeftijd == "totaal"``). The total of
    the three types is divided by *Totaal exclusief verblijf en opvang* (persons counted once),
    because the three expenditure types do not include verblijf en opvang.

    Returns
    -------
    DataFrame
        ``periode, type, uitgaven, clienten, euro_per_client`` for the years both sources have.

    Examples
    --------
    >>> e = pd.DataFrame({"periode": ["2024", "2024"], "type": ["A", TOTAAL],
    ...     "soort": "gerealiseerd", "waarde": [100.0, 300.0]})
    >>> c = pd.DataFrame({"gemeente_code": "GM1", "periode": ["2024", "2024", "2024H1"],
    ...     "type": ["A", "Totaal exclusief verblijf en opvang", "A"],
    ...     "leeftijd": "totaal", "aantal": [50, 200, 40]})
    >>> per_client(e, c, "GM1")["euro_per_client"].tolist()
    [2000.0, 1500.0]
    """
    c = clients[
        (clients["gemeente_code"] == gemeente)
        & (clients["leeftijd"].astype(str).str.lower() == "totaal")
        & clients["periode"].astype(str).str.fullmatch(r"\d{4}")
    ].copy()
    c["periode"] = c["periode"].astype(str)
    c["type"] = c["type"].replace({"Totaal exclusief verblijf en opvang": TOTAAL})
    c = c.rename(columns={"aantal": "clienten"})[["periode", "type", "clienten"]]
    r = exp[exp["soort"] == "gerealiseerd"][["periode", "type", "waarde"]]
    out = r.merge(c, on=["periode", "type"], how="inner").rename(columns={"waarde": "uitgaven"})
    out["clienten"] = pd.to_numeric(out["clienten"], errors="coerce").astype(float)
    out = out[out["clienten"] > 0]
    out["euro_per_client"] = out["uitgaven"] * 1000 / out["clienten"]
    return out.sort_values(["type", "periode"]).reset_index(drop=True)


def growth(series: pd.Series, start: str, end: str) -> float:
    """Percentage change of a series (indexed by year as text) between two years.

    Examples
    --------
    >>> growth(pd.Series({"2019": 100.0, "2025": 130.0}), "2019", "2025")
    30.0
    """
    a, b = float(series.loc[str(start)]), float(series.loc[str(end)])
    return 100 * (b - a) / a


def earlier_plan_budget(df: pd.DataFrame, gemeente: str) -> pd.DataFrame:
    """The earlier plan's total Wmo budget per year (Wmo 2007 + Wmo 2015), in 1 000 euro.

    Uses the rows ``begroting/meerjarenraming Wmo …`` with ``soort == "begroting"`` of
    ``begroting_sociaal_domein``. This is the whole Wmo budget of that plan (including e.g.
    mantelzorgondersteuning and cliëntondersteuning), not only maatwerkvoorzieningen: a reference
    line, not a like-for-like comparison.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": "GM1", "periode": [2020, 2020, 2020],
    ...     "post": ["begroting/meerjarenraming Wmo 2007", "begroting/meerjarenraming Wmo 2015",
    ...              "begroting/meerjarenraming Jeugdwet"], "soort": "begroting",
    ...     "waarde": [2000000, 2500000, 9]})
    >>> earlier_plan_budget(d, "GM1").values.tolist()
    [['2020', 4500.0]]
    """
    sel = df[
        (df["gemeente_code"] == gemeente)
        & (df["soort"] == "begroting")
        & df["post"].str.fullmatch(r"begroting/meerjarenraming Wmo \d{4}")
    ].copy()
    if sel.empty:
        raise DataError("geen Wmo-begroting uit het eerdere plan", file=df.attrs.get("dataset"))
    sel["periode"] = sel["periode"].astype(str)
    out = sel.groupby("periode")["waarde"].sum().div(1000).reset_index()
    out["waarde"] = out["waarde"].astype(float)
    return out


def inhabitants(ctx: Any) -> tuple[pd.Series, pd.DataFrame]:  # noqa: ANN401
    """Inhabitants of the chapter's municipality per year (index: year as text) and the loaded
    ``bevolking_leeftijd`` dataset (for the source line).

    Examples
    --------
    >>> inw, bev = inhabitants(ctx)  # doctest: +SKIP
    >>> inw.loc["2025"]  # doctest: +SKIP
    27659.0
    """
    from analysis.topics.population import population_by_age

    bev = ctx.load("bevolking_leeftijd")
    pop = population_by_age(bev, ctx.code)
    tab = pop.groupby(pop["periode"].astype(str))["waarde"].sum().astype(float)
    return tab, bev


#: The ambition for Wmo costs in ``beleidsdoelen`` (the Begroting 2026's starting point).
DOEL_KOSTEN = "wmo_kosten_stabiel"


def document_title(bron: str) -> str:
    """The document a ``bron`` cell names: its first two parts, without a file name in brackets.

    Examples
    --------
    >>> document_title("Begroting 2026, programma sociaal domein, Hulp en ondersteuning: "
    ...                "Passende ondersteuning (seeds/004_f06f.txt)")
    'Begroting 2026, programma sociaal domein'
    >>> document_title("Nota (uittreksel; bestand.txt)")
    'Nota'
    """
    import re

    text = re.sub(r"\s*\([^()]*\.(?:txt|pdf|csv)\)", "", str(bron)).strip()
    return ", ".join(p.strip() for p in text.split(",")[:2])


def cost_target(doelen: pd.DataFrame, gemeente: str) -> Any:  # noqa: ANN401 - Target
    """The ambition for Wmo costs as a :class:`~analysis.topics.indicators.Target`.

    The Begroting's starting point is that costs *stabilise*: for costs that means they should not
    rise, so the direction is ``"niet hoger"`` (``beleidsdoelen`` says ``stabiel``, which for the
    plan's other ambitions means "at least hold"). The text quotes the starting point with the
    document and the municipality that publishes it.

    Examples
    --------
    >>> d = pd.DataFrame({"id": [DOEL_KOSTEN], "richting": ["stabiel"], "doelwaarde": [None],
    ...     "ambitie": ["Voor de Wmo is het uitgangspunt dat de kosten stabiliseren, maar dit hangt af."],
    ...     "bron": ["Begroting 2026, programma sociaal domein, Hulp (seeds/004.txt)"]})
    >>> t = cost_target(d, "Ergens")
    >>> t.richting, t.tekst
    ('niet hoger', 'uitgangspunt: “de kosten stabiliseren” (Begroting 2026, programma sociaal domein, gemeente Ergens)')
    """
    import re

    from analysis.topics.indicators import Target, goal_target

    goal = goal_target(doelen, DOEL_KOSTEN)
    row = doelen[doelen["id"] == DOEL_KOSTEN].iloc[0]
    m = re.search(r"uitgangspunt (?:is )?dat ([^,.]+)", goal.tekst)
    quote = f"“{m[1].strip()}”" if m else f"“{goal.tekst}”"
    tekst = f"uitgangspunt: {quote} ({document_title(row['bron'])}, gemeente {gemeente})"
    return Target("niet hoger", goal.waarde, tekst)


def last_full_year(periode: str | int) -> str:
    """The last calendar year with realised figures in an edition: the year itself, or for a
    half-year edition the year before.

    Examples
    --------
    >>> last_full_year("2025"), last_full_year("2026H1")
    ('2025', '2025')
    """
    year = _year_of(periode)
    return str(int(year) - 1) if is_half_year(periode) else year


def per_inhabitant_measure(ctx: Any) -> Any:  # noqa: ANN401 - key indicator
    """Key indicator: realised spending on maatwerkvoorzieningen per inhabitant, against the
    previous year and the national figure (``kernindicatoren.yml``), with the Begroting's
    starting point that costs stabilise as the ambition (:func:`cost_target`). A half-year
    edition shows the last full year."""
    from analysis.data.datasets import provenance_of
    from analysis.topics.indicators import Measurement

    df = ctx.load("wmo_uitgaven")
    inw, _ = inhabitants(ctx)
    pi = per_inhabitant(expenditure(df, ctx.code), inw)
    s = pi[(pi["type"] == TOTAAL) & (pi["soort"] == "gerealiseerd")].set_index("periode")[
        "euro_per_inwoner"
    ]
    per = last_full_year(ctx.params.periode)
    prev = str(int(per) - 1)
    nl_df = ctx.load("wmo_uitgaven_nl")
    nl = national_expenditure(nl_df)
    naam = ""
    if nl:
        naam = "Nederland"  # its year is vergelijking_periode (shown once, in brackets)
        if not nl["vergelijkbaar"]:
            naam += ", inclusief verblijf en opvang"
    return Measurement(
        waarde=float(s.loc[per]) if per in s.index else None,
        vorige=float(s.loc[prev]) if prev in s.index else None,
        vergelijking=nl["euro_per_inwoner"] if nl else None,
        vergelijking_naam=naam,
        doel=cost_target(ctx.load("beleidsdoelen"), ctx.naam),
        bron="wmo_uitgaven, bevolking_leeftijd, wmo_uitgaven_nl, beleidsdoelen",
        periode=per,
        vorige_periode=prev,
        vergelijking_periode=str(nl["periode"]) if nl else "",
        herkomst_vergelijking=provenance_of(nl_df),
    )


def reference_chart_data(exp: pd.DataFrame, plan_budget: pd.DataFrame) -> pd.DataFrame:
    """Total budgeted and realised expenditure with the earlier plan's Wmo budget, long form with
    Dutch headers (``Jaar, Reeks, Uitgaven (duizend euro)``) for a line chart.

    Examples
    --------
    >>> e = pd.DataFrame({"periode": ["2024", "2024"], "type": TOTAAL,
    ...     "soort": ["begroot", "gerealiseerd"], "waarde": [10.0, 12.0]})
    >>> b = pd.DataFrame({"periode": ["2023"], "waarde": [9.0]})
    >>> reference_chart_data(e, b)["Reeks"].tolist()  # doctest: +NORMALIZE_WHITESPACE
    ['Begroot (maatwerkvoorzieningen)', 'Gerealiseerd (maatwerkvoorzieningen)',
     'Wmo-begroting vorig beleidsplan']
    """
    labels = {
        "begroot": "Begroot (maatwerkvoorzieningen)",
        "gerealiseerd": "Gerealiseerd (maatwerkvoorzieningen)",
    }
    tot = exp[exp["type"] == TOTAAL]
    a = pd.DataFrame(
        {
            "Jaar": tot["periode"].to_numpy(),
            "Reeks": tot["soort"].map(labels).to_numpy(),
            "Uitgaven (duizend euro)": tot["waarde"].to_numpy(),
        }
    )
    b = pd.DataFrame(
        {
            "Jaar": plan_budget["periode"].to_numpy(),
            "Reeks": "Wmo-begroting vorig beleidsplan",
            "Uitgaven (duizend euro)": plan_budget["waarde"].to_numpy(),
        }
    )
    return pd.concat([a, b], ignore_index=True)


def financing_split(df: pd.DataFrame, gemeente: str) -> pd.DataFrame:
    """Budget posts of the earlier plan split by financing form: zorg in natura (ZIN) or pgb.

    Only posts whose name says ``ZIN`` or ``PGB`` count (in 1 000 euro); the share pgb is per
    year over those posts.

    Returns
    -------
    DataFrame
        ``periode, zin, pgb, aandeel_pgb`` (aandeel in %).

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": "GM1", "periode": [2019, 2019, 2019],
    ...     "post": ["x (PGB)", "x (ZIN)", "begeleiding PGB"], "soort": "begroting",
    ...     "waarde": [100000, 1700000, 200000]})
    >>> financing_split(d, "GM1").values.tolist()
    [['2019', 1700.0, 300.0, 15.0]]
    """
    sel = df[(df["gemeente_code"] == gemeente) & (df["soort"] == "begroting")].copy()
    post = sel["post"].astype(str)
    sel["vorm"] = None
    sel.loc[post.str.contains(r"\bPGB\b", case=False), "vorm"] = "pgb"
    sel.loc[post.str.contains(r"\bZIN\b", case=False), "vorm"] = "zin"
    sel = sel.dropna(subset=["vorm"])
    if sel.empty:
        raise DataError(
            "geen begrotingsposten naar zorg in natura of pgb", file=df.attrs.get("dataset")
        )
    sel["periode"] = sel["periode"].astype(str)
    w = sel.pivot_table(index="periode", columns="vorm", values="waarde", aggfunc="sum")
    w = w.reindex(columns=["zin", "pgb"]).fillna(0.0) / 1000
    w["aandeel_pgb"] = 100 * w["pgb"] / (w["zin"] + w["pgb"])
    w.columns.name = None
    return w.reset_index()


def national_text(
    nl: dict[str, Any] | None, eigen: pd.Series, periode: str | int, *, voorbeeld: bool = False
) -> str:
    """A Dutch sentence comparing expenditure per inhabitant with Nederland in the same year,
    with a caution when the national figure is not like-for-like. ``voorbeeld=True``: the
    municipality's own series is synthetic, so its figure reads as an illustration.

    Parameters
    ----------
    nl
        From :func:`national_expenditure` (``None``: no national figure in the data).
    eigen
        The municipality's realised expenditure per inhabitant, indexed by year (text).
    periode
        The report's year, used when the national year is missing locally.

    Examples
    --------
    >>> nl = {"periode": "2023", "euro_per_inwoner": 308.0, "status": "voorlopig",
    ...       "vergelijkbaar": False}
    >>> print(national_text(nl, pd.Series({"2023": 190.2, "2025": 201.0}), 2025))
    Landelijk was dat in 2023 € 308 per inwoner (CBS, voorlopig cijfer), hier in dat jaar € 190. Dat is geen één-op-één vergelijking: het landelijke cijfer omvat ook verblijf en opvang (beschermd wonen en maatschappelijke opvang), dat vooral centrumgemeenten betalen en dat hier niet is meegeteld.
    >>> national_text({**nl, "vergelijkbaar": True, "status": ""}, pd.Series({"2025": 201.0}), 2025)
    'Landelijk was dat in 2023 € 308 per inwoner (CBS); voor 2023 is hier geen cijfer (in 2025: € 201).'
    >>> national_text(nl, pd.Series({"2023": 190.2}), 2025, voorbeeld=True).split(". ")[0]
    'Landelijk was dat in 2023 € 308 per inwoner (CBS, voorlopig cijfer); in deze voorbeeldgegevens was het hier in dat jaar € 190'
    >>> national_text(None, pd.Series({"2025": 201.0}), 2025)[:45]
    'Een landelijk vergelijkingscijfer (gerealisee'
    """
    from analysis.core.numbers import getal

    if nl is None:
        return (
            "Een landelijk vergelijkingscijfer (gerealiseerde Wmo-uitgaven per inwoner in "
            "Nederland) ontbreekt in de gegevens; de vergelijking met Nederland kan daarom niet "
            "worden gemaakt."
        )
    jaar = nl["periode"]
    status = f", {nl['status']} cijfer" if nl.get("status") else ""
    text = (
        f"Landelijk was dat in {jaar} € {getal(nl['euro_per_inwoner'])} per inwoner (CBS{status})"
    )
    own = eigen.copy()
    own.index = own.index.astype(str)
    vb = "in deze voorbeeldgegevens " if voorbeeld else ""
    if jaar in own.index:
        hier = f"; {vb}was het hier" if voorbeeld else ", hier"
        text += f"{hier} in dat jaar € {getal(own[jaar])}."
    else:
        text += (
            f"; voor {jaar} is hier geen cijfer ({vb}in {periode}: € {getal(own[str(periode)])})."
        )
    if not nl.get("vergelijkbaar", False):
        text += (
            " Dat is geen één-op-één vergelijking: het landelijke cijfer omvat ook verblijf en "
            "opvang (beschermd wonen en maatschappelijke opvang), dat vooral centrumgemeenten "
            "betalen en dat hier niet is meegeteld."
        )
    return text


def chart_table(
    df: pd.DataFrame,
    value: str,
    label: str,
    *,
    soort: str | None = "gerealiseerd",
    totaal: bool = True,
) -> pd.DataFrame:
    """Per type and year in long form with Dutch headers (``Jaar, Type, <label>``) for a chart.

    Parameters
    ----------
    df
        From :func:`expenditure`, :func:`per_inhabitant` or :func:`per_client`.
    value
        The column to show (``waarde``, ``euro_per_inwoner``, ``euro_per_client``).
    label
        Its Dutch header.
    soort
        Keep only this kind (``begroot``/``gerealiseerd``) when ``df`` has a ``soort`` column;
        ``None`` keeps both and adds it to the type name.
    totaal
        ``False`` leaves out the total of the three types.

    Examples
    --------
    >>> e = pd.DataFrame({"periode": ["2024", "2024"], "type": "A",
    ...     "soort": ["begroot", "gerealiseerd"], "waarde": [10.0, 12.0]})
    >>> chart_table(e, "waarde", "Uitgaven").values.tolist()
    [['2024', 'A', 12.0]]
    >>> chart_table(e, "waarde", "Uitgaven", soort=None)["Type"].tolist()
    ['A, begroot', 'A, gerealiseerd']
    """
    if not totaal:
        df = df[df["type"] != TOTAAL]
    sel = df
    typ = df["type"].astype(str)
    if "soort" in df.columns:
        if soort is not None:
            sel = df[df["soort"] == soort]
            typ = sel["type"].astype(str)
        else:
            typ = df["type"].astype(str) + ", " + df["soort"].astype(str)
    return pd.DataFrame(
        {
            "Jaar": sel["periode"].astype(str).to_numpy(),
            "Type": typ.to_numpy(),
            label: sel[value].astype(float).to_numpy(),
        }
    )


def total_chart_table(df: pd.DataFrame, value: str, label: str) -> pd.DataFrame:
    """Budgeted and realised total of the three types per year (``Jaar, Reeks, <label>``).

    Examples
    --------
    >>> d = pd.DataFrame({"periode": ["2024", "2024", "2024"], "type": [TOTAAL, TOTAAL, "A"],
    ...     "soort": ["begroot", "gerealiseerd", "begroot"], "euro_per_inwoner": [200.0, 220.0, 1.0]})
    >>> total_chart_table(d, "euro_per_inwoner", "Euro").values.tolist()
    [['2024', 'Begroot', 200.0], ['2024', 'Gerealiseerd', 220.0]]
    """
    sel = df[df["type"] == TOTAAL]
    return pd.DataFrame(
        {
            "Jaar": sel["periode"].astype(str).to_numpy(),
            "Reeks": sel["soort"].str.capitalize().to_numpy(),
            label: sel[value].astype(float).to_numpy(),
        }
    )


# ----------------------------------------------------------------------------- wording


def _shown_sign(pct: float, decimalen: int = 0) -> int:
    """Sign of a percentage as it will be shown: a change that rounds to zero is no change."""
    from analysis.core.numbers import round_half_up

    shown = round_half_up(pct, decimalen)
    return 0 if shown == 0 else (1 if shown > 0 else -1)


def _mln_pair(a_k: float, b_k: float) -> tuple[str, str]:
    """Two amounts (in 1 000 euro) as text, with enough decimals that different amounts differ."""
    from analysis.core.numbers import bedrag

    for dec in (1, 2, 3):
        ta, tb = bedrag(a_k * 1000, decimalen=dec), bedrag(b_k * 1000, decimalen=dec)
        if ta != tb or a_k == b_k:
            return ta, tb
    return ta, tb


def budget_text(realised_k: float, budget_k: float) -> str:
    """Realised against budgeted (both in 1 000 euro): amount, % more or less, and the budget.

    Examples
    --------
    >>> budget_text(5500, 5000)
    '€ 5,5 miljoen, 10% meer dan begroot (€ 5,0 miljoen)'
    >>> budget_text(4710, 4845)
    '€ 4,7 miljoen, 3% minder dan begroot (€ 4,8 miljoen)'
    >>> budget_text(4800, 4800)
    '€ 4,8 miljoen, precies het begrote bedrag'
    >>> budget_text(4802, 4800)
    '€ 4,802 miljoen, vrijwel gelijk aan het begrote bedrag (€ 4,800 miljoen)'
    """
    from analysis.core.numbers import procent

    real, budget = _mln_pair(realised_k, budget_k)
    if realised_k == budget_k:
        return f"{real}, precies het begrote bedrag"
    pct = 100 * (realised_k - budget_k) / budget_k
    sign = _shown_sign(pct)
    if sign == 0:
        return f"{real}, vrijwel gelijk aan het begrote bedrag ({budget})"
    more = "meer" if sign > 0 else "minder"
    return f"{real}, {procent(abs(pct), 0)} {more} dan begroot ({budget})"


def _lead(bepaling: str, verb: str, subject: str, voorbeeld: bool) -> str:
    """The start of a sentence: "In 2023 waren de uitgaven", or from synthetic data "In deze
    voorbeeldgegevens waren de uitgaven in 2023" (an illustration, never a fact)."""
    if voorbeeld:
        return f"In deze voorbeeldgegevens {verb} {subject} in {bepaling}"
    return f"In {bepaling} {verb} {subject}"


def budget_years_text(realised: pd.Series, budget: pd.Series, *, voorbeeld: bool = False) -> str:
    """In how many years realised expenditure was above, below or equal to the budget.

    Years missing either value are left out. Reads right for none, one, some and all years; from
    synthetic data (``voorbeeld=True``) as an illustration.

    Examples
    --------
    >>> r = pd.Series({"2023": 110.0, "2024": 90.0, "2025": 120.0})
    >>> budget_years_text(r, pd.Series({"2023": 100.0, "2024": 100.0, "2025": 100.0}))
    'In 2 van de 3 jaren waren de gerealiseerde uitgaven hoger dan begroot en in 1 jaar lager.'
    >>> budget_years_text(r, r - 1)
    'In alle 3 jaren waren de gerealiseerde uitgaven hoger dan begroot.'
    >>> budget_years_text(r, r + 1)
    'In geen van de 3 jaren waren de gerealiseerde uitgaven hoger dan begroot: in alle 3 lager.'
    >>> budget_years_text(r.iloc[:1], r.iloc[:1])
    'In het enige jaar met beide cijfers waren de gerealiseerde uitgaven gelijk aan de begroting.'
    >>> budget_years_text(r, r - 1, voorbeeld=True)
    'In deze voorbeeldgegevens waren de gerealiseerde uitgaven in alle 3 jaren hoger dan begroot.'
    """
    both = pd.DataFrame({"r": realised, "b": budget}).dropna()
    n = len(both)
    if n == 0:
        return "Er zijn geen jaren met zowel begrote als gerealiseerde uitgaven."
    hoger = int((both["r"] > both["b"]).sum())
    lager = int((both["r"] < both["b"]).sum())
    gelijk = n - hoger - lager

    def lead(bepaling: str) -> str:
        return _lead(bepaling, "waren", "de gerealiseerde uitgaven", voorbeeld)

    if n == 1:
        word = "hoger dan begroot" if hoger else ("lager dan begroot" if lager else "")
        word = word or "gelijk aan de begroting"
        return f"{lead('het enige jaar met beide cijfers')} {word}."

    def jaren(k: int) -> str:
        return f"{k} {'jaar' if k == 1 else 'jaren'}"

    rest = [f"{jaren(lager)} lager"] if lager else []
    rest += [f"{jaren(gelijk)} gelijk"] if gelijk else []
    if hoger == n:
        return f"{lead(f'alle {n} jaren')} hoger dan begroot."
    if hoger == 0:
        tail = f"in alle {n} lager" if lager == n else "in " + " en in ".join(rest)
        return f"{lead(f'geen van de {n} jaren')} hoger dan begroot: {tail}."
    return (
        f"{lead(f'{hoger} van de {n} jaren')} hoger dan begroot en in " + " en in ".join(rest) + "."
    )


def plan_budget_text(
    realised_k: float, plan_k: float, jaar: str | int, *, voorbeeld: bool = False
) -> str:
    """Realised maatwerk expenditure against the earlier plan's whole Wmo budget, computed.

    The plan's budget covers the whole Wmo (also e.g. mantelzorgondersteuning), so only one
    conclusion follows from it: when maatwerk alone exceeds it, the whole budget was exceeded;
    when it stays below, that says nothing about the maatwerk part. With ``voorbeeld=True`` (the
    realised series is synthetic) it reads as an illustration.

    Examples
    --------
    >>> plan_budget_text(4710, 4845, 2023)
    'In 2023 bleven de gerealiseerde uitgaven aan maatwerkvoorzieningen (€ 4,7 miljoen) onder die begroting (€ 4,8 miljoen). Omdat die begroting meer omvat dan maatwerkvoorzieningen, zegt dat niet of het deel voor maatwerk is overschreden.'
    >>> plan_budget_text(5000, 4845, 2023)
    'In 2023 lagen alleen al de gerealiseerde uitgaven aan maatwerkvoorzieningen (€ 5,0 miljoen) boven die hele begroting (€ 4,8 miljoen), die ook andere posten omvat.'
    >>> plan_budget_text(4710, 4845, 2023, voorbeeld=True).split(". ")[0]
    'In deze voorbeeldgegevens bleven de gerealiseerde uitgaven aan maatwerkvoorzieningen in 2023 (€ 4,7 miljoen) onder die begroting (€ 4,8 miljoen)'
    """
    real, plan = _mln_pair(realised_k, plan_k)
    subject = "de gerealiseerde uitgaven aan maatwerkvoorzieningen"
    if realised_k > plan_k:
        return (
            f"{_lead(str(jaar), 'lagen', 'alleen al ' + subject, voorbeeld)} ({real}) "
            f"boven die hele begroting ({plan}), die ook andere posten omvat."
        )
    where = "onder" if realised_k < plan_k else "gelijk aan"
    verb = "bleven" if realised_k < plan_k else "waren"
    return (
        f"{_lead(str(jaar), verb, subject, voorbeeld)} ({real}) {where} "
        f"die begroting ({plan}). Omdat die begroting meer omvat dan maatwerkvoorzieningen, zegt "
        "dat niet of het deel voor maatwerk is overschreden."
    )


def national_expenditure(nl: pd.DataFrame, land: str = "NL01") -> dict[str, Any] | None:
    """The latest national realised expenditure per inhabitant from ``wmo_uitgaven_nl``.

    CBS 84580NED gives "1 000 euro per 1 000 inwoners", which equals euro per inhabitant.

    Returns
    -------
    dict or None
        ``periode, euro_per_inwoner, type, status, vergelijkbaar`` (``vergelijkbaar`` is False when
        the national type includes verblijf en opvang, which this report's total of three types
        leaves out); ``None`` when the dataset has no such row.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": "NL01", "periode": ["2023", "2023"],
    ...     "type": "Totaal", "soort": "gerealiseerd", "waarde": [5484000.0, 308.0],
    ...     "eenheid": ["1 000 euro", "1 000 euro per 1 000 inwoners"], "status": "voorlopig"})
    >>> r = national_expenditure(d)
    >>> r["euro_per_inwoner"], r["periode"], r["vergelijkbaar"]
    (308.0, '2023', False)
    >>> national_expenditure(d.iloc[[0]]) is None
    True
    """
    sel = nl[
        (nl["gemeente_code"] == land)
        & (nl["soort"] == "gerealiseerd")
        & (nl["eenheid"].astype(str) == "1 000 euro per 1 000 inwoners")
    ]
    if sel.empty:
        return None
    row = sel.sort_values("periode").iloc[-1]
    typ = str(row["type"])
    return {
        "periode": str(row["periode"]),
        "euro_per_inwoner": float(row["waarde"]),
        "type": typ,
        "status": str(row.get("status", "") or ""),
        "vergelijkbaar": "exclusief verblijf en opvang" in typ.lower(),
    }


# ----------------------------------------------------------------------------- per post (P&C 6.3)

#: The row with the sum of the posts in :func:`budget_posts`.
POSTEN_TOTAAL = "Totaal van de posten"


def _year_of(periode: str | int) -> str:
    """The calendar year of a period ("2026H1" -> "2026")."""
    return str(periode)[:4]


def is_half_year(periode: str | int) -> bool:
    """True for a half-year period such as ``2026H1``.

    Examples
    --------
    >>> is_half_year("2026H1"), is_half_year(2025)
    (True, False)
    """
    return str(periode) != _year_of(periode)


def budget_posts(df: pd.DataFrame, gemeente: str, periode: str | int) -> pd.DataFrame:
    """Budget against the outcome per post (``wmo_budget_posten``), in euro, with a total row.

    For a year the outcome is what was realised that year; for a half-year (``2026H1``) it is the
    forecast for the whole year made at the half-year, and ``halfjaar`` is what was realised in
    that half-year. The budget is always the budget of the calendar year.

    Returns
    -------
    DataFrame
        ``post, begroot, uitkomst, halfjaar, verschil, verschil_pct``; the last row is
        :data:`POSTEN_TOTAAL` (sums over the posts that have the figure).

    Raises
    ------
    DataError
        When the period has no realised (or forecast) figures.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": "GM1", "periode": ["2026", "2026H1", "2026H1"],
    ...     "post": "vervoer", "soort": ["begroot", "gerealiseerd", "prognose"],
    ...     "waarde": [400.0, 210.0, 440.0], "eenheid": "euro"})
    >>> t = budget_posts(d, "GM1", "2026H1")
    >>> t["post"].tolist(), t.iloc[0, 1:].astype(float).tolist()
    (['vervoer', 'Totaal van de posten'], [400.0, 440.0, 210.0, 40.0, 10.0])
    """
    sel = df[df["gemeente_code"] == gemeente].copy()
    sel["periode"] = sel["periode"].astype(str)
    sel["waarde"] = pd.to_numeric(sel["waarde"], errors="coerce").astype(float)
    per, year = str(periode), _year_of(periode)

    def col(p: str, soort: str) -> pd.Series:
        s = sel[(sel["periode"] == p) & (sel["soort"] == soort)]
        return s.groupby("post", sort=False)["waarde"].sum()

    half = is_half_year(per)
    uitkomst = col(per, "prognose" if half else "gerealiseerd")
    if uitkomst.empty:
        wat = "prognose" if half else "realisatie"
        raise DataError(f"geen {wat} per post voor {per}", file=df.attrs.get("dataset"))
    out = pd.DataFrame(
        {
            "begroot": col(year, "begroot"),
            "uitkomst": uitkomst,
            "halfjaar": col(per, "gerealiseerd") if half else pd.Series(dtype=float),
        }
    )
    out = out.loc[[p for p in out.index if p in uitkomst.index or p in col(year, "begroot")]]
    total = out.sum(min_count=1).rename(POSTEN_TOTAAL)
    out = pd.concat([out, total.to_frame().T])
    out["verschil"] = out["uitkomst"] - out["begroot"]
    out["verschil_pct"] = 100 * out["verschil"] / out["begroot"]
    return out.rename_axis("post").reset_index().astype({"begroot": float, "uitkomst": float})


def posts_text(tab: pd.DataFrame, *, halfjaar: bool = False, voorbeeld: bool = False) -> str:
    """How many posts came out above or below their budget, and the largest deviation.

    ``tab`` is :func:`budget_posts` (its total row is left out). With ``halfjaar=True`` the
    outcome is the forecast for the whole year. Reads right for none, one, some and all posts;
    from synthetic data it reads as an example and its figures are marked.

    Examples
    --------
    >>> t = pd.DataFrame({"post": ["vervoer", "hulpmiddelen", POSTEN_TOTAAL],
    ...     "begroot": [100.0, 200.0, 300.0], "uitkomst": [110.0, 190.0, 300.0]})
    >>> posts_text(t)
    'Bij 1 van de 2 posten waren de gerealiseerde uitgaven hoger dan begroot, bij 1 lager. Het grootste verschil: vervoer, 10% meer dan begroot.'
    >>> posts_text(t.iloc[[0]], halfjaar=True)
    'Bij de enige post met beide cijfers is de prognose voor het hele jaar hoger dan begroot: vervoer, 10% meer dan begroot.'
    >>> posts_text(t.assign(uitkomst=[120.0, 250.0, 370.0]))
    'Bij alle 2 posten waren de gerealiseerde uitgaven hoger dan begroot. Het grootste verschil: hulpmiddelen, 25% meer dan begroot.'
    >>> print(posts_text(t.assign(uitkomst=[90.0, 200.0, 290.0]), voorbeeld=True)
    ...       .replace("\ue000", "").replace("\ue001", ""))
    In deze voorbeeldgegevens waren de gerealiseerde uitgaven bij geen van de 2 posten hoger dan begroot: bij 1 lager en bij 1 gelijk. Het grootste verschil: vervoer, 10% minder dan begroot.
    >>> posts_text(t.assign(uitkomst=[90.0, 200.0, 290.0]))
    'Bij geen van de 2 posten waren de gerealiseerde uitgaven hoger dan begroot: bij 1 lager en bij 1 gelijk. Het grootste verschil: vervoer, 10% minder dan begroot.'
    >>> posts_text(t.assign(begroot=float("nan")))
    'Er zijn geen posten met zowel een begroting als gerealiseerde uitgaven.'
    """
    from analysis.topics.findings import VOORBEELD, number

    d = tab[tab["post"] != POSTEN_TOTAAL].dropna(subset=["begroot", "uitkomst"])
    d = d[d["begroot"] != 0]
    wat = "de prognose voor het hele jaar" if halfjaar else "de gerealiseerde uitgaven"
    verb = "is" if halfjaar else "waren"
    if d.empty:
        obj = "een prognose voor het hele jaar" if halfjaar else "gerealiseerde uitgaven"
        return f"Er zijn geen posten met zowel een begroting als {obj}."
    pct = 100 * (d["uitkomst"] - d["begroot"]) / d["begroot"]
    signs = pct.map(_shown_sign)
    n, hoger, lager = len(d), int((signs > 0).sum()), int((signs < 0).sum())
    gelijk = n - hoger - lager

    def k(x: int) -> str:
        return number(x, voorbeeld=voorbeeld)

    i = pct.abs().idxmax()
    post = d.loc[i, "post"]
    if signs[i] == 0:
        largest = f"{post}, vrijwel gelijk aan de begroting"
    else:
        word = "meer" if pct[i] > 0 else "minder"
        largest = (
            f"{post}, {number(abs(float(pct[i])), '%', voorbeeld=voorbeeld)} {word} dan begroot"
        )
    w = {1: "hoger dan begroot", -1: "lager dan begroot", 0: "gelijk aan de begroting"}
    if n == 1:
        scope, how, tail = "bij de enige post met beide cijfers", w[int(signs[i])], f": {largest}."
    else:
        rest = [f"bij {k(lager)} lager"] if lager else []
        exact = int(((signs == 0) & (d["uitkomst"] == d["begroot"])).sum())
        gelijk_woord = "gelijk" if exact == gelijk else "vrijwel gelijk"  # 0% may hide euros
        rest += [f"bij {k(gelijk)} {gelijk_woord}"] if gelijk else []
        how, tail = "hoger dan begroot", f". Het grootste verschil: {largest}."
        if hoger == n:
            scope = f"bij alle {k(n)} posten"
        elif hoger == 0:
            scope = f"bij geen van de {k(n)} posten"
            how += ": " + " en ".join(rest)
        else:
            scope = f"bij {k(hoger)} van de {k(n)} posten"
            how += ", " + " en ".join(rest)
    if voorbeeld:
        return f"{VOORBEELD} {verb} {wat} {scope} {how}{tail}"
    return f"{_cap(scope)} {verb} {wat} {how}{tail}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def post_per_client(
    df: pd.DataFrame, clients: pd.DataFrame, gemeente: str, periodes: list[str]
) -> pd.DataFrame:
    """Realised expenditure per client per post for the given periods (a year or a half-year).

    Clients come from ``wmo_clienten_product`` (clients per product category of the plan, the
    same categories as the posts) for the same period code as the expenditure.

    Returns
    -------
    DataFrame
        ``post, periode, uitgaven, clienten, euro_per_client``; posts or periods without both
        figures are left out.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": "GM1", "periode": ["2025H1", "2025H1"],
    ...     "post": "vervoer", "soort": ["gerealiseerd", "prognose"], "waarde": [2000.0, 4100.0]})
    >>> c = pd.DataFrame({"gemeente_code": "GM1", "periode": ["2025H1"],
    ...     "productcategorie": ["vervoer"], "aantal": [40]})
    >>> post_per_client(d, c, "GM1", ["2025H1"])["euro_per_client"].tolist()
    [50.0]
    """
    r = df[(df["gemeente_code"] == gemeente) & (df["soort"] == "gerealiseerd")].copy()
    r["periode"] = r["periode"].astype(str)
    r = r[r["periode"].isin([str(p) for p in periodes])]
    r = r.groupby(["post", "periode"], as_index=False)["waarde"].sum()
    c = clients[clients["gemeente_code"] == gemeente].copy()
    c["periode"] = c["periode"].astype(str)
    c = c.rename(columns={"productcategorie": "post", "aantal": "clienten"})
    out = r.merge(c[["post", "periode", "clienten"]], on=["post", "periode"], how="inner")
    out = out.rename(columns={"waarde": "uitgaven"})
    out["clienten"] = pd.to_numeric(out["clienten"], errors="coerce").astype(float)
    out = out[out["clienten"] > 0].copy()
    out["euro_per_client"] = out["uitgaven"].astype(float) / out["clienten"]
    return out.sort_values(["post", "periode"]).reset_index(drop=True)


def posts_display(tab: pd.DataFrame, *, halfjaar: bool, jaar: str, label: str) -> pd.DataFrame:
    """:func:`budget_posts` as a table with Dutch headers and amounts in whole euro.

    Examples
    --------
    >>> t = pd.DataFrame({"post": ["vervoer"], "begroot": [400.0], "uitkomst": [440.0],
    ...     "halfjaar": [210.0], "verschil": [40.0], "verschil_pct": [10.0]})
    >>> list(posts_display(t, halfjaar=True, jaar="2026", label="1e halfjaar 2026"))
    ['Post', 'Begroot 2026 (euro)', 'Gerealiseerd 1e halfjaar 2026 (euro)', 'Prognose 2026 (euro)', 'Verschil met begroting (euro)', 'Verschil (%)']
    >>> posts_display(t, halfjaar=False, jaar="2025", label="2025").iloc[0, -1]
    '+10%'
    """
    from analysis.core.numbers import getal, procent

    def euro(v: float) -> str:
        return "" if pd.isna(v) else getal(round(float(v)), 0)

    def pct(v: float) -> str:
        if pd.isna(v):
            return ""
        shown = procent(abs(float(v)), 0)
        return shown if _shown_sign(float(v)) == 0 else ("+" if v > 0 else "−") + shown

    cols = {"Post": tab["post"].astype(str), f"Begroot {jaar} (euro)": tab["begroot"].map(euro)}
    if halfjaar:
        cols[f"Gerealiseerd {label} (euro)"] = tab["halfjaar"].map(euro)
        cols[f"Prognose {jaar} (euro)"] = tab["uitkomst"].map(euro)
    else:
        cols[f"Gerealiseerd {jaar} (euro)"] = tab["uitkomst"].map(euro)
    cols["Verschil met begroting (euro)"] = tab["verschil"].map(
        lambda v: "" if pd.isna(v) else ("+" if v > 0 else "") + euro(v).replace("-", "−")
    )
    cols["Verschil (%)"] = tab["verschil_pct"].map(pct)
    return pd.DataFrame(cols).reset_index(drop=True)


def per_client_display(
    pc: pd.DataFrame, vorige: str, huidige: str, labels: dict[str, str]
) -> pd.DataFrame:
    """Expenditure per client per post in two periods, with the change (Dutch headers).

    Examples
    --------
    >>> pc = pd.DataFrame({"post": ["vervoer", "vervoer"], "periode": ["2024", "2025"],
    ...     "euro_per_client": [1000.0, 1100.0]})
    >>> per_client_display(pc, "2024", "2025", {"2024": "2024", "2025": "2025"}).values.tolist()
    [['vervoer', '1.000', '1.100', '+10%']]
    """
    from analysis.core.numbers import getal, procent

    w = pc.pivot_table(index="post", columns="periode", values="euro_per_client")
    w = w.reindex(columns=[vorige, huidige])
    rows = []
    for post, r in w.iterrows():
        a, b = r[vorige], r[huidige]
        ch = ""
        if not (pd.isna(a) or pd.isna(b)) and a:
            p = 100 * (b - a) / a
            ch = procent(abs(p), 0)
            ch = ch if _shown_sign(p) == 0 else ("+" if p > 0 else "−") + ch
        rows.append(
            {
                "Post": str(post),
                f"Per cliënt {labels[vorige]} (euro)": "" if pd.isna(a) else getal(a, 0),
                f"Per cliënt {labels[huidige]} (euro)": "" if pd.isna(b) else getal(b, 0),
                "Verandering": ch,
            }
        )
    out = pd.DataFrame(rows)
    return out


POSTS = "wmo_budget_posten"


def load_optional(ctx: Any, name: str) -> pd.DataFrame | None:  # noqa: ANN401
    """An optional municipal dataset as the chapter's loader gives it, or ``None`` when it was not
    supplied (:class:`~analysis.core.errors.NotSupplied`).

    Examples
    --------
    >>> load_optional(ctx, "wmo_clienten_product") is None  # doctest: +SKIP
    False
    """
    from analysis.core.errors import NotSupplied

    try:
        return ctx.load(name)
    except NotSupplied:
        return None


def load_posts(ctx: Any) -> pd.DataFrame | None:  # noqa: ANN401
    """The optional ``wmo_budget_posten`` as an edition sees it, or ``None`` when it was not
    supplied (:class:`~analysis.core.errors.NotSupplied`).

    Rows after the report's period are left out, except the budget of the report's calendar
    year: at the half-year the budget for the whole year is known (and needed).

    Examples
    --------
    >>> load_posts(ctx) is None  # doctest: +SKIP
    False
    """
    from analysis.core.errors import NotSupplied
    from analysis.data import datasets as _data

    try:
        raw = _data.load(POSTS, regions=list(ctx.params.regions()))
    except NotSupplied:
        return None
    shown = _data.up_to(raw, ctx.params.periode)
    year = _year_of(ctx.params.periode)
    budget = raw[(raw["periode"].astype(str) == year) & (raw["soort"] == "begroot")]
    out = pd.concat([shown, budget]).drop_duplicates(
        subset=["gemeente_code", "periode", "post", "soort"]
    )
    out = out.reset_index(drop=True)
    out.attrs = dict(raw.attrs)
    return out


def budget_calibration_note(
    df: pd.DataFrame, gemeente: str, jaar: str, *, voorbeeld: bool, document: str = "de begroting"
) -> str:
    """When stand-in budgets of ``jaar`` equal what was realised the year before (they were set
    so, after the Begroting's starting point that costs stabilise), say so in plain words: such
    a budget is no evidence that costs stabilise. Empty for real data or other budgets.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": "GM1", "periode": ["2025", "2026"], "post": "x",
    ...     "soort": ["gerealiseerd", "begroot"], "waarde": [10.0, 10.0]})
    >>> print(budget_calibration_note(d, "GM1", "2026", voorbeeld=True, document="Begroting 2026"))
    In deze voorbeeldgegevens is de begroting 2026 per post gelijk gezet aan wat in 2025 is uitgegeven, naar het uitgangspunt in de Begroting 2026 dat de kosten stabiliseren. Dat de begroting gelijk blijft, is dus geen bewijs dat de kosten stabiliseren.
    >>> budget_calibration_note(d, "GM1", "2026", voorbeeld=False)
    ''
    """
    if not voorbeeld:
        return ""
    sel = df[df["gemeente_code"] == gemeente].copy()
    sel["periode"] = sel["periode"].astype(str)
    prev = str(int(jaar) - 1)
    b = sel[(sel["periode"] == jaar) & (sel["soort"] == "begroot")].set_index("post")["waarde"]
    r = sel[(sel["periode"] == prev) & (sel["soort"] == "gerealiseerd")].set_index("post")["waarde"]
    same = r.reindex(b.index).astype(float).round(0) == b.astype(float).round(0)
    if b.empty or not same.all():
        return ""
    return (
        f"In deze voorbeeldgegevens is de begroting {jaar} per post gelijk gezet aan wat in "
        f"{prev} is uitgegeven, naar het uitgangspunt in de {document} dat de kosten "
        "stabiliseren. Dat de begroting gelijk blijft, is dus geen bewijs dat de kosten "
        "stabiliseren."
    )
