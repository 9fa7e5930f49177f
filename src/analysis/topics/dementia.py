"""Dementie: the plans' estimates side by side with a prevalence × population projection.

The plans cite Alzheimer Nederland's estimates of the number of residents with dementia
(``dementie_schattingen``: 720 in 2018, about 780 in 2022, 1,100 in 2040, 1,200 in 2050). The
report adds its own projection:

    expected(t, v) = rate × residents aged ``min_age``+ (t, prognosis variant v)

No real age-specific prevalence rates are available in the project's reference data. The rate is
therefore *implied* by the plan itself: the plan's estimate for a base year divided by the
residents aged ``min_age`` and over in that year (:func:`implied_rate`). A single rate for all
65-plussers ignores that prevalence rises steeply with age, so it underestimates growth when the
oldest groups grow fastest; basing the rate on 75-plussers instead captures more of that. The
chapter shows both bases as a sensitivity range, with the prognosis variants (laag, midden, hoog).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pandas as pd

from analysis.core.errors import ParamsError
from analysis.core.numbers import getal
from analysis.core.words import document_titles
from analysis.topics.indicators import Measurement
from analysis.topics.population import count_aged, population_by_age


def _source_title(bron: str) -> str:
    """A ``bron`` cell for readers: documents by title, no file names (issue 15.5).

    Examples
    --------
    >>> _source_title("001_ab12.txt (Beleidsplan 2019-2023, mei 2019); ")
    'Beleidsplan 2019-2023, mei 2019'
    """
    return "; ".join(document_titles(bron, {})) or bron.rstrip("; ")


def plan_estimates(df: pd.DataFrame, code: str) -> pd.DataFrame:
    """The plans' estimates for one municipality, as a tidy table.

    Returns
    -------
    DataFrame
        Columns ``Jaar, Aantal, Soort, Bron`` sorted by year (``Soort`` is *schatting* for a past
        year, *prognose* for a future one, as in the data).

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": ["A", "A", "NL01"], "periode": ["2040", "2022", "2021"],
    ...     "soort": ["prognose", "schatting", "schatting"], "waarde": [1100, 780, 290000],
    ...     "bron": ["plan", "plan", "vzinfo"]})
    >>> plan_estimates(d, "A")[["Jaar", "Aantal"]].values.tolist()
    [['2022', 780.0], ['2040', 1100.0]]
    """
    sel = df[df["gemeente_code"] == code].sort_values("periode")
    if sel.empty:
        raise KeyError(f"geen schattingen van dementie voor {code}")
    return pd.DataFrame(
        {
            "Jaar": sel["periode"].astype(str).to_numpy(),
            "Aantal": sel["waarde"].astype(float).to_numpy(),
            "Soort": sel["soort"].astype(str).to_numpy(),
            "Bron": [_source_title(b) for b in sel["bron"].astype(str)],
        }
    ).reset_index(drop=True)


def implied_rate(estimate: float, residents: float) -> float:
    """Prevalence implied by an estimate: people with dementia per 100 residents of the base group.

    Examples
    --------
    >>> implied_rate(780, 6500)
    12.0
    """
    if residents <= 0:
        raise ValueError("het aantal inwoners in de basisgroep moet groter zijn dan 0")
    return 100 * estimate / residents


def aged_prognosis(prognose: pd.DataFrame, code: str, min_age: int) -> pd.DataFrame:
    """Residents aged ``min_age``+ per prognosis year and variant.

    Parameters
    ----------
    prognose
        The ``bevolkingsprognose`` dataset (``gemeente_code, periode, leeftijd, variant, waarde``).

    Returns
    -------
    DataFrame
        Index: year (str); columns: the variants (``laag``, ``midden``, ``hoog``).

    Examples
    --------
    >>> p = pd.DataFrame({"gemeente_code": ["A"] * 4, "periode": ["2030"] * 4,
    ...     "leeftijd": ["0-64", "65+", "0-64", "65+"], "variant": ["laag"] * 2 + ["hoog"] * 2,
    ...     "waarde": [90, 10, 95, 14]})
    >>> aged_prognosis(p, "A", 65).loc["2030"].to_dict()
    {'hoog': 14.0, 'laag': 10.0}
    """
    sel = prognose[prognose["gemeente_code"] == code]
    cols = {}
    for variant, grp in sel.groupby("variant"):
        g = grp.assign(geslacht="totaal")
        pop = population_by_age(g, code)
        cols[str(variant)] = count_aged(pop, min_age)
    out = pd.DataFrame(cols)
    out.index = out.index.astype(str)
    return out.astype(float)


def project(
    rate: float,
    aged: pd.DataFrame,
    *,
    variants: Iterable[str] = ("laag", "midden", "hoog"),
    afronding: int = 10,
) -> pd.DataFrame:
    """Projected number of people with dementia: ``rate`` (per 100) × residents per variant,
    rounded to ``afronding`` (a projection is not more precise than that).

    Examples
    --------
    >>> a = pd.DataFrame({"laag": [9000.0], "midden": [10000.0], "hoog": [11000.0]},
    ...                  index=["2040"])
    >>> project(12.0, a).loc["2040"].tolist()
    [1080.0, 1200.0, 1320.0]
    """
    cols = [v for v in variants if v in aged.columns]
    return (aged[cols] * rate / 100 / afronding).round(0) * afronding


def projection_table(
    estimates: pd.DataFrame,
    population_base: pd.Series,
    prognose_aged: dict[int, pd.DataFrame],
    basisjaar: str | int,
) -> pd.DataFrame:
    """Projections for several base age groups, in long form, ready for a band chart.

    Parameters
    ----------
    estimates
        :func:`plan_estimates` (must contain ``basisjaar``).
    population_base
        ``{min_age: residents aged min_age+ in basisjaar}`` as a Series indexed by ``min_age``.
    prognose_aged
        ``{min_age: aged_prognosis(prognose, code, min_age)}``.
    basisjaar
        The year whose plan estimate fixes the implied rate.

    Returns
    -------
    DataFrame
        Columns ``Basis, Jaar, Laag, Midden, Hoog, Percentage`` where ``Percentage`` is the implied
        rate per 100 residents of the base group and ``Basis`` reads e.g. ``"65-plussers"``.

    Examples
    --------
    >>> e = pd.DataFrame({"Jaar": ["2022"], "Aantal": [780.0]})
    >>> a = pd.DataFrame({"laag": [9000.0], "midden": [10000.0], "hoog": [11000.0]},
    ...                  index=["2040"])
    >>> t = projection_table(e, pd.Series({65: 6500.0}), {65: a}, 2022)
    >>> t[["Basis", "Jaar", "Laag", "Midden", "Hoog", "Percentage"]].values.tolist()
    [['65-plussers', '2040', 1080.0, 1200.0, 1320.0, 12.0]]
    """
    est = estimates.set_index("Jaar")["Aantal"]
    if str(basisjaar) not in est.index:
        raise KeyError(f"geen schatting in het plan voor basisjaar {basisjaar}")
    rows = []
    for min_age, residents in population_base.items():
        rate = implied_rate(float(est[str(basisjaar)]), float(residents))
        proj = project(rate, prognose_aged[int(min_age)])
        for year, r in proj.iterrows():
            rows.append(
                {
                    "Basis": f"{min_age}-plussers",
                    "Jaar": str(year),
                    "Laag": float(r.get("laag", r.min())),
                    "Midden": float(r.get("midden", r.mean())),
                    "Hoog": float(r.get("hoog", r.max())),
                    "Percentage": round(rate, 1),
                }
            )
    return pd.DataFrame(rows)


def _plan_series(estimates: pd.DataFrame) -> pd.Series:
    """Series name of each plan estimate: ``"Schatting <vintage>"`` (one series per source)."""
    if "Bron" not in estimates.columns:
        return pd.Series("Schatting in de plannen", index=estimates.index)
    return "Schatting " + estimates["Bron"].map(vintage_label)


def side_by_side(estimates: pd.DataFrame, projections: pd.DataFrame) -> pd.DataFrame:
    """The plan's figures next to the projection (range over bases and variants) per year.

    For every year that the plan or the projection covers: the plans' figures (one column per
    vintage, see :func:`vintage_label`, so two estimates are never read as one series), the
    lowest and highest projected value across bases and variants, and the central value
    (variant *midden*) per base.

    Examples
    --------
    >>> e = pd.DataFrame({"Jaar": ["2040"], "Aantal": [1100.0]})
    >>> p = pd.DataFrame({"Basis": ["65-plussers", "75-plussers"], "Jaar": ["2040", "2040"],
    ...     "Laag": [1000.0, 1150.0], "Midden": [1050.0, 1200.0], "Hoog": [1100.0, 1250.0]})
    >>> side_by_side(e, p).values.tolist()
    [['2040', 1100.0, 1050.0, 1200.0, 1000.0, 1250.0]]
    """
    mid = projections.pivot(index="Jaar", columns="Basis", values="Midden")
    mid.columns = [f"Projectie {c} (midden)" for c in mid.columns]
    lo = projections.groupby("Jaar")["Laag"].min().rename("Projectie laagste")
    hi = projections.groupby("Jaar")["Hoog"].max().rename("Projectie hoogste")
    years = sorted(set(estimates["Jaar"]) | set(mid.index))
    out = pd.DataFrame(index=years)
    for label, g in estimates.groupby(_plan_series(estimates), sort=False):
        out[label] = g.set_index("Jaar")["Aantal"].reindex(years)
    out = out.join(mid).join(lo).join(hi)
    out.index.name = "Jaar"
    return out.reset_index()


def chart_data(
    estimates: pd.DataFrame, projections: pd.DataFrame, basis: str | Iterable[str] | None = None
) -> pd.DataFrame:
    """Long table for one chart: the projection's band per base (one, several or all when
    ``None``) plus the plans' points, one series per vintage (never one line through two).

    Columns ``Reeks, Jaar, Aantal, Laag, Hoog`` (the plan's rows have ``Laag = Hoog = Aantal``).

    Examples
    --------
    >>> e = pd.DataFrame({"Jaar": ["2040"], "Aantal": [1100.0]})
    >>> p = pd.DataFrame({"Basis": ["65-plussers"], "Jaar": ["2040"], "Laag": [1000.0],
    ...                   "Midden": [1050.0], "Hoog": [1100.0]})
    >>> chart_data(e, p, "65-plussers")["Reeks"].tolist()
    ['Projectie (65-plussers)', 'Schatting in de plannen']
    """
    if basis is None:
        bases = list(dict.fromkeys(projections["Basis"]))
    else:
        bases = [basis] if isinstance(basis, str) else list(basis)
    p = projections[projections["Basis"].isin(bases)]
    proj = pd.DataFrame(
        {
            "Reeks": ("Projectie (" + p["Basis"].astype(str) + ")").to_numpy(),
            "Jaar": p["Jaar"].to_numpy(),
            "Aantal": p["Midden"].to_numpy(),
            "Laag": p["Laag"].to_numpy(),
            "Hoog": p["Hoog"].to_numpy(),
        }
    )
    plan = pd.DataFrame(
        {
            "Reeks": _plan_series(estimates).to_numpy(),
            "Jaar": estimates["Jaar"].to_numpy(),
            "Aantal": estimates["Aantal"].to_numpy(),
            "Laag": estimates["Aantal"].to_numpy(),
            "Hoog": estimates["Aantal"].to_numpy(),
        }
    )
    return (
        pd.concat([f for f in (proj, plan) if not f.empty], ignore_index=True)
        .sort_values(["Reeks", "Jaar"])
        .reset_index(drop=True)
    )


def chart_text(data: pd.DataFrame) -> str:
    """Text alternative of :func:`chart_data`: every series and year with its value and band.

    Examples
    --------
    >>> d = pd.DataFrame({"Reeks": ["Projectie"], "Jaar": ["2040"], "Aantal": [1050.0],
    ...                   "Laag": [1000.0], "Hoog": [1100.0]})
    >>> chart_text(d)
    'Projectie 2040: 1.050 (1.000-1.100)'
    """
    parts = []
    for _, r in data.iterrows():
        text = f"{r['Reeks']} {r['Jaar']}: {getal(r['Aantal'])}"
        if r["Laag"] != r["Hoog"]:
            text += f" ({getal(r['Laag'])}-{getal(r['Hoog'])})"
        parts.append(text)
    return "; ".join(parts)


def calibrated_to_plan(prognose: pd.DataFrame) -> bool:
    """Whether the population prognosis is a stand-in made to follow the plan's own figures
    (its manifest says ``synthetic`` and names the plan in ``calibrated_to``).

    Examples
    --------
    >>> p = pd.DataFrame({"waarde": [1]})
    >>> p.attrs["manifest"] = {"synthetic": True, "calibrated_to": "groei volgt de schattingen van het plan"}
    >>> calibrated_to_plan(p)
    True
    >>> p.attrs["manifest"] = {"synthetic": False, "calibrated_to": "plan"}
    >>> calibrated_to_plan(p)
    False
    """
    meta = prognose.attrs.get("manifest") or {}
    return bool(meta.get("synthetic")) and "plan" in str(meta.get("calibrated_to") or "").lower()


def calibration_note(prognose: pd.DataFrame) -> str:
    """A plain Dutch warning when the population prognosis is synthetic, and when it was made to
    follow the plan's own dementia figures: agreement with the plan is then by construction.
    Empty for a real prognosis. (The exact assumptions are on the Bronnen page.)

    Examples
    --------
    >>> p = pd.DataFrame({"waarde": [1]})
    >>> p.attrs["manifest"] = {"synthetic": True, "calibrated_to": "groei 75+ volgt het plan"}
    >>> print(calibration_note(p))
    Let op: de bevolkingsprognose bestaat uit voorbeeldgegevens, die zo zijn gemaakt dat ze de schattingen van het plan volgen. Dat de projectie dicht bij de cijfers van het plan uitkomt, is daardoor een gevolg van die keuze en geen bevestiging van het plan; met de echte prognose kan de uitkomst anders zijn. De aannames staan bij de bronnen.
    >>> p.attrs["manifest"] = {"synthetic": True, "calibrated_to": "trend 2015-2025"}
    >>> calibration_note(p)[:70]
    'Let op: de bevolkingsprognose bestaat uit voorbeeldgegevens; met de ec'
    >>> p.attrs["manifest"] = {"synthetic": False}
    >>> calibration_note(p)
    ''
    """
    meta = prognose.attrs.get("manifest") or {}
    if not meta.get("synthetic"):
        return ""
    if not calibrated_to_plan(prognose):
        return (
            "Let op: de bevolkingsprognose bestaat uit voorbeeldgegevens; met de echte prognose "
            "kan de uitkomst anders zijn. De aannames staan bij de bronnen."
        )
    return (
        "Let op: de bevolkingsprognose bestaat uit voorbeeldgegevens, die zo zijn gemaakt dat ze "
        "de schattingen van het plan volgen. Dat de projectie dicht bij de cijfers van het plan "
        "uitkomt, is daardoor een gevolg van die keuze en geen bevestiging van het plan; met de "
        "echte prognose kan de uitkomst anders zijn. De aannames staan bij de bronnen."
    )


def projection_lead(voorbeeld: bool, werkwoord: str = "wonen er") -> str:
    """The start of a sentence about the projection (verb second): an example on stand-ins.

    Examples
    --------
    >>> projection_lead(True), projection_lead(False)
    ('In deze voorbeeldgegevens wonen er volgens de projectie', 'Volgens de projectie wonen er')
    >>> projection_lead(True, "groeit")
    'In deze voorbeeldgegevens groeit volgens de projectie'
    """
    from analysis.topics.findings import VOORBEELD

    if voorbeeld:
        return f"{VOORBEELD} {werkwoord} volgens de projectie"
    return f"Volgens de projectie {werkwoord}"


def plan_comparison_text(afgestemd: bool) -> str:
    """What the projection next to the plan's figure says: nothing, when the prognosis was made
    to follow the plan (no circular confirmation); else that the two are independent estimates.

    Examples
    --------
    >>> plan_comparison_text(True)[:60]
    'Dat de projectie dicht bij het plan uitkomt, bevestigt het p'
    >>> plan_comparison_text(False)[:52]
    'De projectie en de schatting van het plan zijn twee '
    """
    if afgestemd:
        return (
            "Dat de projectie dicht bij het plan uitkomt, bevestigt het plan niet: de "
            "voorbeeldprognose is op de schattingen van het plan afgestemd."
        )
    return (
        "De projectie en de schatting van het plan zijn twee afzonderlijke schattingen; hoe ver "
        "ze uiteenlopen, laat zien hoe onzeker het aantal is."
    )


def base_residents(bev: pd.DataFrame, code: str, ages: Iterable[int], year: str | int) -> pd.Series:
    """Residents aged ``min_age``+ in ``year`` for each base age (from ``bevolking_leeftijd``).

    Examples
    --------
    >>> b = pd.DataFrame({"gemeente_code": ["A"] * 3, "periode": ["2022"] * 3,
    ...     "leeftijd": ["0-64", "65-74", "75+"], "geslacht": ["totaal"] * 3,
    ...     "waarde": [80, 12, 8]})
    >>> base_residents(b, "A", [65, 75], 2022).to_dict()
    {65: 20.0, 75: 8.0}
    """
    pop = population_by_age(bev, code)
    return pd.Series({a: float(count_aged(pop, a)[str(year)]) for a in ages})


def current_estimate(
    bev: pd.DataFrame,
    estimates: pd.DataFrame,
    code: str,
    min_age: int,
    basisjaar: str | int,
    periode: str | int,
    *,
    afronding: int = 10,
) -> float:
    """Implied-rate estimate for a year with a known population (not a prognosis year), rounded
    to ``afronding``.

    Examples
    --------
    >>> b = pd.DataFrame({"gemeente_code": ["A"] * 4, "periode": ["2022", "2022", "2025", "2025"],
    ...     "leeftijd": ["0-64", "65+"] * 2, "geslacht": ["totaal"] * 4,
    ...     "waarde": [80, 1000, 80, 1100]})
    >>> e = pd.DataFrame({"Jaar": ["2022"], "Aantal": [100.0]})
    >>> current_estimate(b, e, "A", 65, 2022, 2025)
    110.0
    """
    res = base_residents(bev, code, [min_age], basisjaar)[min_age]
    rate = implied_rate(float(estimates.set_index("Jaar")["Aantal"][str(basisjaar)]), res)
    now = base_residents(bev, code, [min_age], periode)[min_age]
    return float(round(rate * now / 100 / afronding) * afronding)


# ------------------------------------------------------------------------------ vintages
# Each estimate comes from one source document (a "raming" of a given year). Figures of two
# vintages are not one series: their growth must be computed within one vintage only.

_YEARS_RANGE = re.compile(r"\b(\d{4})\s*-\s*(\d{4})\b")


def vintage_label(bron: str) -> str:
    """A short name for the source (vintage) of an estimate, from its ``bron`` text.

    The document title in brackets when there is one (a policy plan is named by its period),
    else the web site of a URL, else the text itself.

    Examples
    --------
    >>> vintage_label("001_x.txt (Concept Beleidsplan Sociaal Domein 2019-2023, mei 2019); ")
    'beleidsplan 2019-2023'
    >>> vintage_label("https://www.vzinfo.nl/dementie/leeftijd-en-geslacht")
    'vzinfo.nl'
    >>> vintage_label("Rapport X")
    'Rapport X'
    """
    text = str(bron).strip().rstrip(";").strip()
    m = re.search(r"\(([^)]*)\)", text)
    title = m[1].strip() if m else text
    if "beleidsplan" in title.lower() and (r := _YEARS_RANGE.search(title)):
        return f"beleidsplan {r[1]}-{r[2]}"
    if u := re.match(r"https?://(?:www\.)?([^/]+)", title):
        return u[1]
    return title


def vintage_growth(estimates: pd.DataFrame) -> pd.DataFrame:
    """Growth between the first and last year of each vintage (never across vintages).

    Parameters
    ----------
    estimates
        From :func:`plan_estimates` (``Jaar, Aantal, Bron``).

    Returns
    -------
    DataFrame
        ``Raming, Van, Tot, Begin, Eind, Groei`` (growth in %), one row per vintage with at least
        two years, in order of first year.

    Examples
    --------
    >>> e = pd.DataFrame({"Jaar": ["2018", "2022", "2040", "2050"],
    ...     "Aantal": [720.0, 780.0, 1100.0, 1200.0],
    ...     "Bron": ["x (Beleidsplan 2019-2023)", "y (Beleidsplan 2025-2028)",
    ...              "y (Beleidsplan 2025-2028)", "x (Beleidsplan 2019-2023)"]})
    >>> vintage_growth(e).round(1).values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['beleidsplan 2019-2023', '2018', '2050', 720.0, 1200.0, 66.7],
     ['beleidsplan 2025-2028', '2022', '2040', 780.0, 1100.0, 41.0]]
    """
    e = estimates.assign(Raming=estimates["Bron"].map(vintage_label)).sort_values("Jaar")
    rows = []
    for label, g in e.groupby("Raming", sort=False):
        if len(g) < 2:
            continue
        a, b = g.iloc[0], g.iloc[-1]
        rows.append(
            {
                "Raming": label,
                "Van": str(a["Jaar"]),
                "Tot": str(b["Jaar"]),
                "Begin": float(a["Aantal"]),
                "Eind": float(b["Aantal"]),
                "Groei": 100 * (float(b["Aantal"]) - float(a["Aantal"])) / float(a["Aantal"]),
            }
        )
    return pd.DataFrame(rows, columns=["Raming", "Van", "Tot", "Begin", "Eind", "Groei"])


def _growth_phrase(r: pd.Series) -> str:
    from analysis.core.numbers import procent

    pct = float(r["Groei"])
    shown = round(pct)
    if shown == 0:
        change = "vrijwel gelijk"
    else:
        change = f"een {'stijging' if shown > 0 else 'daling'} van {procent(abs(pct), 0)}"
    return f"van {getal(r['Begin'])} in {r['Van']} naar {getal(r['Eind'])} in {r['Tot']}: {change}"


def vintage_comparison_text(local: pd.DataFrame, national: pd.DataFrame, land: str) -> str:
    """Dutch text on the growth within each vintage, and whether any two can be compared.

    Two growth figures are compared only when they come from the same vintage and cover the same
    years; otherwise the text says plainly that they cannot be compared.

    Examples
    --------
    >>> loc = pd.DataFrame({"Raming": ["beleidsplan 2019-2023"], "Van": ["2018"], "Tot": ["2050"],
    ...     "Begin": [720.0], "Eind": [1200.0], "Groei": [66.7]})
    >>> nl = pd.DataFrame({"Raming": ["geron.nl"], "Van": ["2020"], "Tot": ["2050"],
    ...     "Begin": [280000.0], "Eind": [620000.0], "Groei": [121.4]})
    >>> print(vintage_comparison_text(loc, nl, "Nederland"))
    Volgens het beleidsplan 2019-2023 gaat het aantal van 720 in 2018 naar 1.200 in 2050: een stijging van 67%. Voor Nederland: volgens geron.nl van 280.000 in 2020 naar 620.000 in 2050: een stijging van 121%. Deze groeicijfers komen uit verschillende ramingen en gaan over verschillende jaren; ze zijn daarom niet met elkaar te vergelijken.
    >>> same = nl.assign(Raming="beleidsplan 2019-2023", Van="2018", Groei=50.0)
    >>> vintage_comparison_text(loc, same, "Nederland").rsplit(". ", 1)[-1]
    'In dezelfde raming en dezelfde jaren groeit het aantal hier sneller dan in Nederland.'

    """
    parts = [
        f"{_volgens(r['Raming'])} gaat het aantal {_growth_phrase(r)}" for _, r in local.iterrows()
    ]
    if not parts:
        parts = ["De plannen geven geen twee schattingen uit dezelfde raming"]
    text = ". ".join(parts) + "."
    if len(local) > 1:
        text = (
            "De schattingen in de plannen komen uit verschillende ramingen en vormen samen geen "
            "doorlopende reeks. " + text
        )
    if not national.empty:
        nat = [
            f"{_volgens(r['Raming']).lower()} {_growth_phrase(r)}" for _, r in national.iterrows()
        ]
        text += f" Voor {land}: " + "; ".join(nat) + "."
    pairs = [
        (a, b)
        for _, a in local.iterrows()
        for _, b in national.iterrows()
        if (a["Raming"], a["Van"], a["Tot"]) == (b["Raming"], b["Van"], b["Tot"])
    ]
    if pairs:
        a, b = pairs[0]
        word = (
            "sneller"
            if a["Groei"] > b["Groei"]
            else ("langzamer" if a["Groei"] < b["Groei"] else "even snel")
        )
        return (
            text
            + f" In dezelfde raming en dezelfde jaren groeit het aantal hier {word} dan in {land}."
        )
    rows = pd.concat([local, national], ignore_index=True)
    if len(rows) < 2:
        return text
    why = []
    if rows["Raming"].nunique() > 1:
        why.append("komen uit verschillende ramingen")
    if len(set(zip(rows["Van"], rows["Tot"], strict=True))) > 1:
        why.append("gaan over verschillende jaren")
    if not why:  # same vintage and years, but not one municipality and one country
        return text
    return (
        text
        + f" Deze groeicijfers {' en '.join(why)}; ze zijn daarom niet met elkaar te vergelijken."
    )


def _volgens(label: str) -> str:
    """``"Volgens het beleidsplan 2019-2023"`` or ``"Volgens vzinfo.nl"``."""
    return f"Volgens het {label}" if label.startswith("beleidsplan") else f"Volgens {label}"


def plan_base(params: Any) -> tuple[int, int]:  # noqa: ANN401
    """Year and youngest age of the plan's own dementia estimate (``sociale_basis.dementie``).

    Raises
    ------
    ParamsError
        When the params leave the section out.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> from analysis.config.params_models import Dementie
    >>> cfg = Dementie(basisjaar=2022, basis_leeftijden=[65, 75])
    >>> plan_base(SimpleNamespace(sociale_basis=SimpleNamespace(dementie=cfg)))
    (2022, 65)
    """
    cfg = params.sociale_basis.dementie
    if cfg is None:
        raise ParamsError(
            "nodig voor de schatting van het aantal inwoners met dementie (basisjaar en "
            "basis_leeftijden van de schatting in het plan)",
            field="sociale_basis.dementie",
        )
    return cfg.basisjaar, cfg.basis_leeftijden[0]


def estimate_measure(ctx: Any) -> Measurement:
    """Key indicator: estimated residents with dementia in the period (the plan's estimate per
    resident of the base age group × residents of that age), against the previous year."""
    from analysis.topics.population import previous_period, stand_year

    bev = ctx.load("bevolking_leeftijd")
    est = plan_estimates(ctx.load("dementie_schattingen"), ctx.code)
    basisjaar, min_age = plan_base(ctx.params)
    per = stand_year(ctx.params.periode)
    prev = previous_period(sorted(set(bev["periode"].astype(str))), per)
    return Measurement(
        waarde=current_estimate(bev, est, ctx.code, min_age, basisjaar, per),
        vorige=current_estimate(bev, est, ctx.code, min_age, basisjaar, prev) if prev else None,
        doel=None,
        bron="dementie_schattingen (plan) × bevolking_leeftijd",
        periode=str(per),
        vorige_periode=str(prev or ""),
    )
