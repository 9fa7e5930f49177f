"""Synthetic stand-ins for series we cannot have here, calibrated to the real anchor figures.

**These numbers are not real.** They exist so the report can be built and reviewed before the
municipality supplies its own exports and before ``wmo-rapport data fetch`` has been run on a machine
with internet access. Every dataset written here is marked ``synthetic: true`` in the manifest with
``calibrated_to`` naming the real figures it matches, and every book page that uses one shows a
warning.

One generator, seeded per dataset (``numpy.random.default_rng(SEED + k)``), no clock, sorted output,
fixed number formatting: regenerating gives byte-identical files (``wmo-rapport data genereer``).

Anchors (all real, from ``data/`` produced by :mod:`analysis.data.sources.reference`):

* population: the 2019 age × sex table of the 2019 plan (reproduced exactly for 2019) and the
  1 January 2024 total (27.589); Haarlem and Bloemendaal totals from CBS 70072NED / press;
* Wmo use: national CBS rates per 1,000 (H1 2024: totaal 65, excl. verblijf en opvang 64,
  huishoudelijke hulp 28, ondersteuning thuis 12) and 32% of 75-plussers with a maatwerkvoorziening;
* Loket: about 1,000 formal meldingen a year (the plan);
* client survey 2022: ≈90% satisfied, 85% "beter redden", 61% aware of client support (30% of 1,200);
* GGD: ernstig eenzaam 7% (adults) and 10% (older people) around 2016 (the 2019 plan); national
  rates from RIVM/CBS;
* dementia: 720 (2018), 780 (2022), 1,100 (2040), 1,200 (2050) imply the ageing in the prognosis;
* budgets 2019-2023 (Wmo 2007 + Wmo 2015 ≈ € 4,8 mln a year) for expenditure.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from analysis.config import schemas
from analysis.config.manifest import register
from analysis.core import paths as project
from analysis.core.errors import DataError
from analysis.data.sources.reference import write_csv

SEED = 20250417  # date of the council decision adopting the plan
GM, HAARLEM, BLOEMENDAAL = "GM0397", "GM0392", "GM0377"  # defaults; see generate_all
AGES = ["0-14", "15-24", "25-44", "45-64", "65-74", "75-84", "85+"]
OLD = ("65-74", "75-84", "85+")
#: The real table has 75+ only: share of 75-84 within 75+ per sex (assumption, national pattern).
SPLIT_75 = {"mannen": 0.68, "vrouwen": 0.60}
YEARS = list(range(2015, 2026))
#: Yearly growth per age group before scaling to the real totals (ageing, assumption).
GROWTH = {
    "0-14": -0.004,
    "15-24": 0.002,
    "25-44": 0.004,
    "45-64": -0.006,
    "65-74": 0.006,
    "75-84": 0.028,
    "85+": 0.032,
}
#: Comparison municipalities: ageing factor for 65+ against the default municipality, and a
#: fallback total when no real total is known (assumption).
COMPARE = {HAARLEM: 0.85, BLOEMENDAAL: 1.08}
#: Relative dementia prevalence per age group used only to translate the plan's dementia
#: estimates into ageing of the prognosis (assumption: order of magnitude of national rates).
DEMENTIA_PREV = {"65-74": 0.015, "75-84": 0.075, "85+": 0.24}
TYPES = schemas.vocabulary("wmo_type")  # the CBS type titles, as the fetched data has them
# clients per 1,000 of the age group (H1), calibrated to NL H1 2024 and 32% of 75+
RATE = {
    "0-64": {
        "Totaal": 24,
        "Hulp bij het huishouden": 4,
        "Ondersteuning thuis, totaal": 9,
        "Hulpmiddelen en diensten, totaal": 10,
        "Verblijf en opvang, totaal": 1.6,
    },
    "65-74": {
        "Totaal": 85,
        "Hulp bij het huishouden": 30,
        "Ondersteuning thuis, totaal": 14,
        "Hulpmiddelen en diensten, totaal": 50,
        "Verblijf en opvang, totaal": 0.8,
    },
    "75+": {
        "Totaal": 320,
        "Hulp bij het huishouden": 180,
        "Ondersteuning thuis, totaal": 45,
        "Hulpmiddelen en diensten, totaal": 190,
        "Verblijf en opvang, totaal": 0.5,
    },
}
STATEMENTS = [
    (1, "toegang", "Ik wist waar ik moest zijn met mijn hulpvraag.", 0.84),
    (2, "toegang", "Ik werd snel geholpen.", 0.80),
    (3, "toegang", "De medewerker nam mij serieus.", 0.92),
    (
        4,
        "toegang",
        "De medewerker en ik hebben in het gesprek samen naar oplossingen gezocht.",
        0.88,
    ),
    (
        5,
        "toegang",
        "Wist u dat u gebruik kon maken van een onafhankelijke cliëntondersteuner? (ja)",
        0.61,
    ),
    (6, "kwaliteit", "Ik vind de kwaliteit van de ondersteuning die ik krijg goed.", 0.90),
    (7, "kwaliteit", "De ondersteuning die ik krijg past bij mijn hulpvraag.", 0.89),
    (
        8,
        "effect",
        "Door de ondersteuning die ik krijg, kan ik beter de dingen doen die ik wil.",
        0.83,
    ),
    (9, "effect", "Door de ondersteuning die ik krijg, kan ik mij beter redden.", 0.85),
    (
        10,
        "effect",
        "Door de ondersteuning die ik krijg, heb ik een betere kwaliteit van leven.",
        0.85,
    ),
]


def _entry(
    file: str,
    title: str,
    description: str,
    calibrated: str,
    supplier: str,
    organisation: str,
    table: str | None = None,
) -> dict[str, Any]:
    return {
        "file": file,
        "title": title,
        "description": description,
        "source": {
            "organisation": organisation,
            "url": None,
            "table_id": table,
            "document": "src/analysis/synthetic.py",
        },
        "licence": "CC0 (synthetische stand-in, geen echte gegevens)",
        "retrieved": "2026-11-22",
        "synthetic": True,
        "calibrated_to": calibrated,
        "supplier": supplier,
        "sha256": "",
        "schema": schemas.schema(Path(file).stem),
    }


def _read_csv(path: Path) -> list[dict[str, str]]:
    import csv

    if not path.is_file():
        raise DataError(
            "echte ijkcijfers ontbreken: draai eerst de import (python -m analysis.data.sources.reference)",
            file=str(path),
        )
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def anchors(data_dir: Path, region: str = GM) -> dict[str, Any]:
    """The real figures the generator is calibrated to, read from ``data_dir``.

    Returns a dict with ``table`` ({(age, sex): n} of the plan's age x sex table, 75+ split),
    ``table_year`` (its reference year), ``totals`` ({(code, year): total}) and ``sex_men``
    ({(code, year): number of men}) where known.

    Examples
    --------
    >>> a = anchors(project.data_dir())  # doctest: +SKIP
    >>> a["totals"][("GM0397", 2019)]  # doctest: +SKIP
    27286
    """
    table: dict[tuple[str, str], int] = {}
    year = None
    for r in _read_csv(data_dir / "bevolking_2019.csv"):
        if r["gemeente_code"] != region or r["leeftijd"] == "totaal" or r["geslacht"] == "totaal":
            continue
        year = int(r["periode"])
        n = int(r["waarde"])
        if r["leeftijd"] == "75+":
            a = int(round(n * SPLIT_75[r["geslacht"]]))
            table[("75-84", r["geslacht"])] = a
            table[("85+", r["geslacht"])] = n - a
        else:
            table[(r["leeftijd"], r["geslacht"])] = n
    totals = {
        (r["gemeente_code"], int(r["periode"])): int(r["waarde"])
        for r in _read_csv(data_dir / "bevolking_totaal.csv")
    }
    men: dict[tuple[str, int], int] = {}
    for r in _read_csv(data_dir / "publieke_cijfers.csv"):
        if r["indicator"] == "Mannen op 1 januari" and r["regio_code"].startswith("GM"):
            men[(r["regio_code"], int(r["periode_tekst"][:4]))] = int(float(r["waarde"]))
        if r["indicator"] == "Vrouwen op 1 januari" and r["regio_code"].startswith("GM"):
            key = (r["regio_code"], int(r["periode_tekst"][:4]))
            totals.setdefault(key, 0)
    # a year with men and women but no total: the total is their sum (CBS 70072NED)
    for r in _read_csv(data_dir / "publieke_cijfers.csv"):
        if r["indicator"] == "Vrouwen op 1 januari" and r["regio_code"].startswith("GM"):
            key = (r["regio_code"], int(r["periode_tekst"][:4]))
            if totals.get(key) == 0 and key in men:
                totals[key] = men[key] + int(float(r["waarde"]))
    totals = {k: v for k, v in totals.items() if v}
    return {"table": table, "table_year": year, "totals": totals, "sex_men": men}


def _factor(year: int, known: dict[int, float]) -> float:
    """Scale factor in ``year``: the known factors, linear between them, flat outside."""
    ks = sorted(known)
    if year <= ks[0]:
        return known[ks[0]]
    if year >= ks[-1]:
        return known[ks[-1]]
    lo = max(k for k in ks if k <= year)
    hi = min(k for k in ks if k >= year)
    if lo == hi:
        return known[lo]
    return known[lo] + (known[hi] - known[lo]) * (year - lo) / (hi - lo)


def _fix_total(cells: dict[tuple[str, str], int], target: int) -> None:
    """Add the rounding residual to the largest cell so the cells sum to ``target``."""
    big = max(cells, key=lambda k: (cells[k], k))
    cells[big] += target - sum(cells.values())


def population(
    anchor: dict[str, Any],
    region: str = GM,
    compare: dict[str, float] | None = None,
) -> dict[tuple[str, int, str], tuple[int, int]]:
    """Population by (region, year, age group) -> (men, women), 1 January 2015-2025.

    The table year equals the real age x sex table cell by cell (75+ split by ``SPLIT_75``);
    every year with a real total (``bevolking_totaal``) sums to it exactly; in between the
    scale is interpolated. Comparison regions take the municipality's age structure with their
    own ageing factor and are scaled to their real totals where known.

    Examples
    --------
    >>> pop = population(anchors(project.data_dir()))  # doctest: +SKIP
    >>> sum(sum(pop[("GM0397", 2019, a)]) for a in AGES)  # doctest: +SKIP
    27286
    """
    compare = COMPARE if compare is None else compare
    table, y0, totals = anchor["table"], anchor["table_year"], anchor["totals"]
    base_total = sum(table.values())
    out: dict[tuple[str, int, str], tuple[int, int]] = {}

    def raw(y: int, adj: dict[str, float]) -> dict[tuple[str, str], float]:
        return {
            (a, sex): table[(a, sex)] * adj[a] * (1 + GROWTH[a]) ** (y - y0)
            for a in AGES
            for sex in ("mannen", "vrouwen")
        }

    for code in (region, *sorted(compare)):
        ageing = 1.0 if code == region else compare[code]
        adj = {a: (ageing if a in OLD else 1.0) for a in AGES}
        norm = base_total / sum(raw(y0, adj).values())
        adj = {a: v * norm for a, v in adj.items()}
        known = {
            y: totals[(code, y)] / sum(raw(y, adj).values())
            for (c, y) in totals
            if c == code and y in YEARS
        }
        if code == region:
            known[y0] = 1.0
        if not known:
            continue  # no real total: no synthetic series for this region
        for y in YEARS:
            cells_f = {k: v * _factor(y, known) for k, v in raw(y, adj).items()}
            men_real = anchor["sex_men"].get((code, y))
            if men_real and code != region:
                m_f = sum(v for (a, sx), v in cells_f.items() if sx == "mannen")
                w_f = sum(v for (a, sx), v in cells_f.items() if sx == "vrouwen")
                w_real = totals[(code, y)] - men_real
                cells_f = {
                    (a, sx): v * (men_real / m_f if sx == "mannen" else w_real / w_f)
                    for (a, sx), v in cells_f.items()
                }
            cells = {k: int(round(v)) for k, v in cells_f.items()}
            if code == region and y == y0:
                cells = dict(table)
            elif (code, y) in totals:
                if men_real and code != region:
                    for sx, tgt in (
                        ("mannen", men_real),
                        ("vrouwen", totals[(code, y)] - men_real),
                    ):
                        part = {k: v for k, v in cells.items() if k[1] == sx}
                        _fix_total(part, tgt)
                        cells.update(part)
                else:
                    _fix_total(cells, totals[(code, y)])
            for a in AGES:
                out[(code, y, a)] = (cells[(a, "mannen")], cells[(a, "vrouwen")])
    return out


def dementia_index(groups: dict[str, float]) -> float:
    """Expected number with dementia for a population by age group (``DEMENTIA_PREV``).

    Examples
    --------
    >>> round(dementia_index({"65-74": 1000, "75-84": 1000, "85+": 1000}), 1)
    330.0
    """
    return sum(DEMENTIA_PREV[a] * groups.get(a, 0.0) for a in DEMENTIA_PREV)


def _pop_group(pop: dict, code: str, year: int, group: str) -> int:
    ages = {"0-64": AGES[:4], "65-74": ["65-74"], "75+": ["75-84", "85+"], "totaal": AGES}[group]
    return sum(sum(pop[(code, year, a)]) for a in ages)


def prognosis(
    pop: dict[tuple[str, int, str], tuple[int, int]], data_dir: Path, region: str = GM
) -> tuple[dict[tuple[int, str], float], str]:
    """Central prognosis by (year, age group), 2025-2050 every 5 years, and what it matches.

    Old age groups grow (65-74 at 0.3 g, 75-84 at g, 85+ at g + 4% per 5 years) with g solved so
    that the dementia index (:func:`dementia_index`) follows the plan's estimates (2022 -> 2040
    and 2040 -> 2050); younger groups share one growth rate so that the 2040 total is the real
    2019 total times the provincial prognosis growth (+6%, secondary source).

    Examples
    --------
    >>> prog, note = prognosis(population(anchors(project.data_dir())), project.data_dir())
    ... # doctest: +SKIP
    """
    groups = {y: {a: float(sum(pop[(region, y, a)])) for a in AGES} for y in (2022, 2025)}
    dem = {
        int(r["periode"]): int(r["waarde"])
        for r in _read_csv(data_dir / "dementie_schattingen.csv")
        if r["gemeente_code"] == region
    }
    growth = next(
        (
            float(r["waarde"])
            for r in _read_csv(data_dir / "publieke_cijfers.csv")
            if r["regio_code"] == region and r["indicator"].startswith("Groei bevolking 2019-2040")
        ),
        None,
    )
    totals = {
        int(r["periode"]): int(r["waarde"])
        for r in _read_csv(data_dir / "bevolking_totaal.csv")
        if r["gemeente_code"] == region
    }
    d2022 = dementia_index(groups[2022])

    def old_path(start: dict[str, float], g: float, steps: int) -> dict[str, float]:
        rate = {"65-74": 0.3 * g, "75-84": g, "85+": g + 0.04}
        return {a: start[a] * (1 + rate[a]) ** steps for a in OLD}

    def solve(start: dict[str, float], steps: int, target: float) -> float:
        lo, hi = -0.3, 0.6
        for _ in range(80):
            mid = (lo + hi) / 2
            if dementia_index(old_path(start, mid, steps)) < target:
                lo = mid
            else:
                hi = mid
        return (lo + hi) / 2

    g1 = solve(groups[2025], 3, d2022 * dem[2040] / dem[2022]) if 2040 in dem else 0.08
    old2040 = old_path(groups[2025], g1, 3)
    g2 = solve(old2040, 2, d2022 * dem[2050] / dem[2022]) if 2050 in dem else g1
    young = [a for a in AGES if a not in OLD]
    y2025 = sum(groups[2025][a] for a in young)
    if growth is not None and 2019 in totals:
        target_total = totals[2019] * (1 + growth / 100)
        h = ((target_total - sum(old2040.values())) / y2025) ** (1 / 3) - 1
    else:
        target_total, h = None, 0.0
    out: dict[tuple[int, str], float] = {}
    for i, y in enumerate(range(2025, 2055, 5)):
        old = old_path(groups[2025], g1, i) if i <= 3 else old_path(old2040, g2, i - 3)
        for a in AGES:
            out[(y, a)] = old[a] if a in OLD else groups[2025][a] * (1 + h) ** i
    note = (
        "start = bevolking_leeftijd 2025; de oudere leeftijdsgroepen groeien zo dat een vaste "
        "leeftijdsspecifieke dementieprevalentie (aanname: 1,5% / 7,5% / 24% voor 65-74 / 75-84 / "
        f"85+) de dementieschattingen van het plan volgt ({dem.get(2022)} in 2022, "
        f"{dem.get(2040)} in 2040, {dem.get(2050)} in 2050); de jongere groepen zo dat het totaal "
        f"in 2040 gelijk is aan het echte totaal 2019 ({totals.get(2019)}) plus {growth}% "
        "(Bevolkingsprognose Noord-Holland 2019-2040, secundaire bron); laag/hoog ±1,5% per 5 "
        "jaar (aanname)"
    )
    return out, note


def wmo_budgets(
    data_dir: Path, region: str = GM
) -> tuple[dict[int, float], dict[str, float], float]:
    """Real Wmo budgets per year, the split over CBS types and the non-maatwerk part (euro).

    From ``begroting_sociaal_domein``: Wmo 2007 + Wmo 2015 per year (2019: the original budget),
    the type shares from the 2019 budget lines, and the sum of the 2019 lines that are not
    maatwerkvoorzieningen.

    Examples
    --------
    >>> budgets, shares, other = wmo_budgets(project.data_dir())  # doctest: +SKIP
    >>> round(budgets[2019])  # doctest: +SKIP
    4944814
    """
    rows = [
        r
        for r in _read_csv(data_dir / "begroting_sociaal_domein.csv")
        if r["gemeente_code"] == region
    ]
    budgets: dict[int, float] = {}
    for r in rows:
        if (
            r["post"]
            in ("begroting/meerjarenraming Wmo 2007", "begroting/meerjarenraming Wmo 2015")
            and r["soort"] == "begroting"
        ):
            budgets[int(r["periode"])] = budgets.get(int(r["periode"]), 0.0) + float(r["waarde"])
    lines = {r["post"]: float(r["waarde"]) for r in rows if r["post"].startswith("begroot 2019")}

    def total(*words: str) -> float:
        return sum(v for k, v in lines.items() if any(w in k for w in words))

    hbh = total("huishoudelijke")
    ot = total("begeleiding", "dagbesteding", "dagopvang", "kortdurend verblijf")
    other = total(
        "mantelzorg",
        "cliëntondersteuning",
        "inloop GGZ",
        "daklozen",
        "dementerenden",
        "klanttevredenheid",
    )
    rest = budgets[2019] - other - hbh - ot
    maat = hbh + ot + rest
    shares = {
        "Hulp bij het huishouden": hbh / maat,
        "Ondersteuning thuis, totaal": ot / maat,
        "Hulpmiddelen en diensten, totaal": rest / maat,
    }
    return budgets, shares, other


#: Real GGD/RIVM figures in ``gezondheid_referentie``: (indicator, region or None for the
#: municipality) -> (wave, indicator, age group) of ``gezondheidsmonitor``.
HEALTH_ANCHORS = {
    ("eenzaamheid (waarstaatjegemeente)", None): (2016, "eenzaam", "18+"),
    ("ernstig eenzaam, volwassenen", None): (2016, "ernstig eenzaam", "18-64"),
    ("ernstig eenzaam, ouderen", None): (2016, "ernstig eenzaam", "65+"),
    ("Eenzaam, 19+ (GM 2016)", "NL01"): (2016, "eenzaam", "18+"),
    ("(Zeer) ernstig eenzaam, 19+ (GM 2016)", "NL01"): (2016, "ernstig eenzaam", "18+"),
    ("Eenzaam totaal, 18+", "NL01"): (2020, "eenzaam", "18+"),
    ("Ernstig eenzaam, 18+", "NL01"): (2020, "ernstig eenzaam", "18+"),
    ("Eenzaam, 75+", "NL01"): (2020, "eenzaam", "75+"),
    ("Ernstig eenzaam, 75+", "NL01"): (2020, "ernstig eenzaam", "75+"),
}


def health_anchors(
    data_dir: Path, region: str = GM
) -> dict[tuple[str, int, str, str], tuple[float, str]]:
    """Real figures for ``gezondheidsmonitor`` cells: key -> (percentage, source).

    Examples
    --------
    >>> real = health_anchors(project.data_dir())  # doctest: +SKIP
    >>> real[("GM0397", 2016, "ernstig eenzaam", "65+")][0]  # doctest: +SKIP
    10.0
    """
    out: dict[tuple[str, int, str, str], tuple[float, str]] = {}
    for r in _read_csv(data_dir / "gezondheid_referentie.csv"):
        if not r["waarde"]:
            continue
        code = r["regio_code"]
        hit = HEALTH_ANCHORS.get((r["indicator"], None if code == region else code))
        if hit:
            out[(code, hit[0], hit[1], hit[2])] = (float(r["waarde"]), r["bron"])
        elif r["indicator"].startswith("Ervaren gezondheid (zeer) goed, 18+") and code == "NL01":
            wave = int(r["periode_tekst"][:4])
            if wave in (2016, 2020, 2022, 2024):
                out[(code, wave, "ervaren gezondheid goed", "18+")] = (
                    float(r["waarde"]),
                    r["bron"],
                )
    return out


def generate_all(
    data_dir: Path | str | None = None,
    region: str = GM,
    compare: tuple[str, ...] = (HAARLEM, BLOEMENDAAL),
) -> list[str]:
    """Write every synthetic dataset into ``data_dir`` and register it; return the names.

    Run :func:`analysis.data.sources.reference.import_reference` first: the real anchors are read from the
    files it writes (``bevolking_2019``, ``bevolking_totaal``, ``dementie_schattingen``,
    ``begroting_sociaal_domein``, ``publieke_cijfers``, ``uitstroom_pact``).

    Parameters
    ----------
    data_dir
        The data folder (default: the project's ``data/``); the manifest there is updated and
        ``templates/`` gets a header-only CSV per municipal (``supplier: gemeente``) dataset.
    region
        CBS code of the municipality (default the plan's municipality).
    compare
        CBS codes of the comparison municipalities (must have an ageing factor in ``COMPARE``
        or get 1.0).

    Returns
    -------
    list of str
        The dataset names written, sorted.

    Examples
    --------
    >>> names = generate_all(project.data_dir())  # doctest: +SKIP
    >>> "wmo_clienten" in names  # doctest: +SKIP
    True
    """
    data_dir = Path(data_dir or project.data_dir())
    e: dict[str, dict[str, Any]] = {}
    anchor = anchors(data_dir, region)
    cmp_ageing = {c: COMPARE.get(c, 1.0) for c in compare}
    pop = population(anchor, region, cmp_ageing)
    GM = region  # noqa: N806 - the municipality the rows below are about
    known_totals = ", ".join(
        f"{c} {y}: {n}" for (c, y), n in sorted(anchor["totals"].items()) if y in YEARS
    )

    rows = []
    for (code, y, a), (m, w) in sorted(pop.items()):
        for sex, v in (("mannen", m), ("vrouwen", w), ("totaal", m + w)):
            rows.append(
                {
                    "gemeente_code": code,
                    "periode": str(y),
                    "leeftijd": a,
                    "geslacht": sex,
                    "waarde": v,
                    "eenheid": "personen",
                    "status": "definitief",
                }
            )
    write_csv(
        data_dir / "bevolking_leeftijd.csv",
        schemas.columns("bevolking_leeftijd"),
        rows,
    )
    e["bevolking_leeftijd"] = _entry(
        "bevolking_leeftijd.csv",
        "Bevolking naar leeftijdsgroep en geslacht, 1 januari 2015-2025",
        "Synthetische reeks voor de gemeente en de vergelijkingsgemeenten, 1 januari 2015-2025. "
        "De tabel van het plan 2019 staat op 1-1-2018 omdat haar totaal (27.302) afwijkt van de "
        "27.286 inwoners op 1-1-2019. `wmo-rapport data fetch` vervangt hem door CBS 03759ned.",
        f"{anchor['table_year']} = de echte leeftijd x geslacht-tabel uit het beleidsplan 2019, cel "
        "voor cel (75+ verdeeld over 75-84 en 85+: 68/32 mannen, 60/40 vrouwen, aanname); totalen "
        f"gelijk aan de echte totalen op 1 januari ({known_totals}; Haarlem ook mannen/vrouwen "
        "2022-2024 uit 70072NED); tussenliggende jaren geïnterpoleerd, vergrijzing per "
        "leeftijdsgroep aangenomen",
        "publiek",
        "CBS (synthetisch)",
        "03759ned",
    )

    # prognosis: 2025 from the series; ageing from the plan's dementia estimates, total from the
    # provincial prognosis (+6% 2019-2040)
    prog, prog_note = prognosis(pop, data_dir, region)
    rows = []
    for (y, a), mid in sorted(prog.items()):
        spread = 0.015 * (y - 2025) / 5
        for var, f in (("laag", 1 - spread), ("midden", 1.0), ("hoog", 1 + spread)):
            rows.append(
                {
                    "gemeente_code": GM,
                    "periode": str(y),
                    "leeftijd": a,
                    "variant": var,
                    "waarde": int(round(mid * f)),
                    "eenheid": "personen",
                    "status": "definitief",
                }
            )
    rows.sort(key=lambda r: (r["periode"], AGES.index(r["leeftijd"]), r["variant"]))
    write_csv(
        data_dir / "bevolkingsprognose.csv",
        schemas.columns("bevolkingsprognose"),
        rows,
    )
    e["bevolkingsprognose"] = _entry(
        "bevolkingsprognose.csv",
        "Bevolkingsprognose naar leeftijd 2025-2050 (laag, midden, hoog)",
        "Synthetische prognose; `wmo-rapport data fetch` vervangt hem door CBS/PBL 85173NED.",
        prog_note,
        "publiek",
        "CBS/PBL (synthetisch)",
        "85173NED",
    )
    e["bevolkingsprognose"]["vooruitblik"] = True  # periods are projections: never cut

    # households by age of the reference person (≈ 11.000 households in 2019, real)
    rows = []
    for y in YEARS:
        p = {a: sum(pop[(GM, y, a)]) for a in AGES}
        hh = {"65-74": p["65-74"] / 1.6, "75-84": p["75-84"] / 1.45, "85+": p["85+"] / 1.25}
        total = 11000 * sum(p.values()) / sum(anchor["table"].values())
        for grp, v in (*hh.items(), ("totaal", total)):
            rows.append(
                {
                    "gemeente_code": GM,
                    "periode": str(y),
                    "leeftijd_referentiepersoon": grp,
                    "waarde": int(round(v)),
                    "eenheid": "huishoudens",
                    "status": "definitief",
                }
            )
    write_csv(
        data_dir / "huishoudens_leeftijd.csv",
        schemas.columns("huishoudens_leeftijd"),
        rows,
    )
    e["huishoudens_leeftijd"] = _entry(
        "huishoudens_leeftijd.csv",
        "Particuliere huishoudens naar leeftijd referentiepersoon",
        "Synthetisch; `wmo-rapport data fetch` vervangt hem door CBS 71486ned.",
        "ruim 11.000 huishoudens c. 2019 (beleidsplan 2019); personen per huishouden 1,6 / 1,45 / "
        "1,25 voor 65-74 / 75-84 / 85+ (aanname)",
        "publiek",
        "CBS (synthetisch)",
        "71486ned",
    )

    rows = []
    for y in YEARS:
        total = 12561 + 25 * (y - 2019)
        parts = {
            # real shares c. 2019 (65% koop, 20% corporatie, 13% overige huur; secondary source,
            # 2% unknown), normalised to 100%
            "koopwoningen": 65 / 98,
            "huur woningcorporatie": 20 / 98,
            "huur overige verhuurders": 13 / 98,
        }
        for k, s in parts.items():
            rows.append(
                {
                    "gemeente_code": GM,
                    "periode": str(y),
                    "eigendom": k,
                    "waarde": int(round(total * s)),
                    "eenheid": "woningen",
                    "status": "definitief",
                }
            )
        rows.append(
            {
                "gemeente_code": GM,
                "periode": str(y),
                "eigendom": "totaal",
                "waarde": sum(int(round(total * s)) for s in parts.values()),
                "eenheid": "woningen",
                "status": "definitief",
            }
        )
    write_csv(
        data_dir / "woningvoorraad.csv",
        schemas.columns("woningvoorraad"),
        rows,
    )
    e["woningvoorraad"] = _entry(
        "woningvoorraad.csv",
        "Woningvoorraad naar eigendom, 1 januari",
        "Synthetisch; `wmo-rapport data fetch` vervangt hem door CBS 82900NED.",
        "12.561 woningen en 65% koop / 20% corporatie / 13% overige huur c. 2019 (AlleCijfers via "
        "Heemsteedse Courant, secundair; genormaliseerd op 100%); groei van 25 woningen per jaar "
        "is een aanname",
        "publiek",
        "CBS (synthetisch)",
        "82900NED",
    )

    # Wmo clients
    rng = np.random.default_rng(SEED + 2)
    rows = []
    periods = [f"{y}H{h}" for y in range(2019, 2026) for h in (1, 2) if (y, h) != (2025, 2)]
    periods += [str(y) for y in range(2019, 2025)]
    # usage level against the municipality (assumption): first comparison higher, second lower
    levels = {GM: 1.0, **{c: (1.12, 0.92, 1.0)[i % 3] for i, c in enumerate(compare)}}
    for code in (GM, *compare):
        lvl = levels[code]
        for per in sorted(periods):
            y = int(per[:4])
            yearly = "H" not in per
            for grp in ("0-64", "65-74", "75+", "totaal"):
                groups = ["0-64", "65-74", "75+"] if grp == "totaal" else [grp]
                counts: dict[str, float] = {}
                for t in TYPES[2:]:
                    c = 0.0
                    for g in groups:
                        r = RATE[g][t] * lvl * (1 + 0.012 * (y - 2024))
                        r *= 1.18 if yearly else (1.0 if per.endswith("H1") else 1.02)
                        c += r / 1000 * _pop_group(pop, code, min(y, 2025), g)
                    counts[t] = c * (1 + rng.normal(0, 0.01))
                tot = 0.0
                for g in groups:
                    r = RATE[g]["Totaal"] * lvl * (1 + 0.012 * (y - 2024))
                    r *= 1.18 if yearly else (1.0 if per.endswith("H1") else 1.02)
                    tot += r / 1000 * _pop_group(pop, code, min(y, 2025), g)
                counts["Totaal"] = max(tot, max(counts.values()))
                # persons with only verblijf en opvang drop out; never below any home-based type
                counts["Totaal exclusief verblijf en opvang"] = max(
                    counts["Totaal"] - 0.6 * counts["Verblijf en opvang, totaal"],
                    *(counts[t] for t in TYPES[2:5]),
                )
                denom = _pop_group(pop, code, min(y, 2025), grp)
                status = "voorlopig" if per in ("2025H1", "2024H2", "2024") else "definitief"
                for t in TYPES:
                    n = int(round(counts[t] / 5) * 5)  # CBS rounds to 5
                    rows.append(
                        {
                            "gemeente_code": code,
                            "periode": per,
                            "type": t,
                            "leeftijd": grp,
                            "aantal": n,
                            "per_1000": round(1000 * n / denom, 1),
                            "status": status,
                        }
                    )
    write_csv(
        data_dir / "wmo_clienten.csv",
        ["gemeente_code", "periode", "type", "leeftijd", "aantal", "per_1000", "status"],
        rows,
    )
    e["wmo_clienten"] = _entry(
        "wmo_clienten.csv",
        "Wmo-cliënten per type maatwerkvoorziening en leeftijd",
        "Synthetisch, voor de gemeente en de vergelijkingsgemeenten, per halfjaar en jaar 2019-2025, "
        "afgerond op 5 zoals CBS. Reeks volgens de nieuwe CBS-methode (methodebreuk december 2024). "
        "`wmo-rapport data fetch` vervangt hem door CBS 86050NED/85896NED.",
        "landelijke cijfers per 1.000 inwoners H1 2024 (CBS 86050NED: totaal 65, excl. verblijf en "
        "opvang 64, hulp bij het huishouden 28, ondersteuning thuis 12) en 32% van de 75-plussers "
        "met maatwerk; het plan: het merendeel van de gebruikers is 75+",
        "publiek",
        "CBS (synthetisch)",
        "85896NED",
    )

    # expenditure (1 000 euro)
    rng = np.random.default_rng(SEED + 3)
    rows = []
    budgets, shares, other = wmo_budgets(data_dir, region)
    for y in range(2019, 2026):
        last = max(budgets)
        budget = budgets.get(y, budgets[last] * 1.06 ** (y - last)) - other
        for t, sh in shares.items():
            b = round(budget * sh / 1000)
            real = b * (1 + 0.015 * (y - 2019) + rng.normal(0.01, 0.02))
            for soort, v in (("begroot", b), ("gerealiseerd", int(round(real)))):
                status = "voorlopig" if y == 2025 else "definitief"
                rows.append(
                    {
                        "gemeente_code": GM,
                        "periode": str(y),
                        "type": t,
                        "soort": soort,
                        "waarde": round(v, 0),
                        "eenheid": "1 000 euro",
                        "status": status,
                    }
                )
    write_csv(
        data_dir / "wmo_uitgaven.csv",
        ["gemeente_code", "periode", "type", "soort", "waarde", "eenheid", "status"],
        rows,
    )
    e["wmo_uitgaven"] = _entry(
        "wmo_uitgaven.csv",
        "Uitgaven Wmo-maatwerkvoorzieningen: begroot en gerealiseerd",
        "Synthetisch; `wmo-rapport data fetch` vervangt hem door CBS 84580NED.",
        "begroot 2019-2023 = de echte begrotingen Wmo 2007 + Wmo 2015 uit het beleidsplan 2019 "
        "(2019: primitieve begroting) min de begrotingsposten 2019 die geen maatwerk zijn "
        "(mantelzorg, cliëntondersteuning, inloop GGZ, economisch daklozen, dementie, "
        f"tevredenheidsonderzoek: € {other:,.0f}); verdeling over typen naar de begrotingsposten "
        "2019 (huishoudelijke ondersteuning; begeleiding, dagbesteding, dagopvang en kortdurend "
        "verblijf; rest = hulpmiddelen en diensten); 2024-2025 +6% per jaar en de realisatie "
        "(overschrijding) zijn aannames".replace(",", "."),
        "publiek",
        "CBS (synthetisch)",
        "84580NED",
    )

    # Loket meldingen (municipal)
    rng = np.random.default_rng(SEED + 4)
    kinds = {
        "hulp bij het huishouden": 0.34,
        "hulpmiddelen en woonvoorzieningen": 0.30,
        "begeleiding en dagbesteding": 0.18,
        "vervoer": 0.12,
        "overig": 0.06,
    }
    rows = []
    for y in (2023, 2024, 2025):
        for mth in range(1, 13):
            per = f"{y}-{mth:02d}"
            season = 1 + 0.12 * np.cos((mth - 1) / 12 * 2 * np.pi)
            for k, s in kinds.items():
                lam = 1000 / 12 * s * season * (1 + 0.03 * (y - 2024))
                rows.append(
                    {
                        "gemeente_code": GM,
                        "periode": per,
                        "indicator": "meldingen",
                        "soort": k,
                        "waarde": int(rng.poisson(lam)),
                        "eenheid": "meldingen",
                    }
                )
            rows.append(
                {
                    "gemeente_code": GM,
                    "periode": per,
                    "indicator": "herindicaties",
                    "soort": "alle",
                    "waarde": int(rng.poisson(22)),
                    "eenheid": "besluiten",
                }
            )
            rows.append(
                {
                    "gemeente_code": GM,
                    "periode": per,
                    "indicator": "doorlooptijd melding tot besluit (mediaan)",
                    "soort": "alle",
                    "waarde": int(round(rng.normal(38, 5))),
                    "eenheid": "dagen",
                }
            )
    write_csv(
        data_dir / "loket_meldingen.csv",
        ["gemeente_code", "periode", "indicator", "soort", "waarde", "eenheid"],
        rows,
    )
    e["loket_meldingen"] = _entry(
        "loket_meldingen.csv",
        "Loket: Wmo-meldingen, herindicaties en doorlooptijd per maand",
        "Synthetische gemeentelijke registratie. Vervang door een export volgens "
        "data/templates/loket_meldingen.csv.",
        "ongeveer 1.000 formele meldingen per jaar (beleidsplan); seizoenspatroon, verdeling naar "
        "soort, herindicaties en doorlooptijd (wettelijke termijn 6 weken) zijn aannames",
        "gemeente",
        "Gemeente (synthetisch)",
    )

    # client survey (municipal)
    rng = np.random.default_rng(SEED + 5)
    rows = []
    for y in (2022, 2023, 2024, 2025):
        n_base = 360 if y == 2022 else int(rng.integers(300, 380))
        for nr, thema, text, p in STATEMENTS:
            n = int(n_base * (0.97 if nr == 5 else 0.9 + 0.01 * (nr % 3)))
            drift = 0 if y == 2022 else rng.normal(-0.005 * (y - 2022), 0.015)
            share = p + drift if nr != 5 else p + 0.02 * (y - 2022)
            rows.append(
                {
                    "gemeente_code": GM,
                    "periode": str(y),
                    "nr": nr,
                    "thema": thema,
                    "stelling": text,
                    "n_antwoorden": n,
                    "n_eens": int(round(n * min(0.99, share))),
                }
            )
    write_csv(
        data_dir / "clientervaring.csv",
        ["gemeente_code", "periode", "nr", "thema", "stelling", "n_antwoorden", "n_eens"],
        rows,
    )
    e["clientervaring"] = _entry(
        "clientervaring.csv",
        "Cliëntervaringsonderzoek Wmo: de 10 standaardvragen",
        "Synthetische antwoorden per jaar: aantal geldige antwoorden en aantal (helemaal) eens "
        "(bij vraag 5: ja). Vervang door de uitkomsten volgens data/templates/clientervaring.csv.",
        "2022: ≈90% tevreden over toegang, kwaliteit en effect, 85% beter redden, 61% bekend met "
        "cliëntondersteuning, 30% respons op 1.200 (echt, 023magazine); latere jaren aanname",
        "gemeente",
        "Gemeente (synthetisch)",
    )

    # GGD health monitor
    rng = np.random.default_rng(SEED + 6)
    base = {
        "mantelzorger": {"18-64": 14.0, "65+": 16.0, "18+": 14.5, "75+": 13.0},
        "zwaar belaste mantelzorger": {"18-64": 9.0, "65+": 10.5, "18+": 9.5, "75+": 12.0},
        "vrijwilligerswerk": {"18-64": 31.0, "65+": 35.0, "18+": 32.0, "75+": 27.0},
        "ervaren gezondheid goed": {"18-64": 83.0, "65+": 68.0, "18+": 79.0, "75+": 58.0},
        "eenzaam": {"18-64": 34.0, "65+": 40.0, "18+": 35.3, "75+": 46.0},
        "ernstig eenzaam": {"18-64": 7.0, "65+": 10.0, "18+": 7.5, "75+": 12.0},
    }
    trend = {
        "mantelzorger": 0.2,
        "zwaar belaste mantelzorger": 0.3,
        "vrijwilligerswerk": -0.5,
        "ervaren gezondheid goed": -0.6,
        "eenzaam": 1.2,
        "ernstig eenzaam": 0.4,
    }
    codes = [GM, *compare, "NL01"]
    regoff = {GM: 0.0, "NL01": 2.0, **{c: (1.0, -0.5, 0.5)[i % 3] for i, c in enumerate(compare)}}
    nsize = {GM: 650, "NL01": 300000, **{c: (3200, 600, 800)[i % 3] for i, c in enumerate(compare)}}
    real = health_anchors(data_dir, region)
    waves = (2016, 2020, 2022, 2024)
    syn: dict[tuple[str, int, str, str], float] = {}
    for code in codes:
        for wave in waves:
            for ind, ages in base.items():
                for age, p0 in ages.items():
                    off = regoff[code] * (1 if ind in ("eenzaam", "ernstig eenzaam") else -0.3)
                    syn[(code, wave, ind, age)] = (
                        p0 + off + trend[ind] * (wave - 2016) / 4 + rng.normal(0, 0.6)
                    )
    # shift each anchored series so it passes exactly through its real figures
    shifted: dict[tuple[str, int, str, str], float] = {}
    for key, v in syn.items():
        code, wave, ind, age = key
        own = {w: real[(code, w, ind, age)][0] for w in waves if (code, w, ind, age) in real}
        if own:
            near = min(own, key=lambda w: (abs(w - wave), w))
            v += own[near] - syn[(code, near, ind, age)]
        shifted[key] = min(99.0, max(0.5, v))
    # an 18+ figure without its own anchor is the weighted mean of 18-64 and 65+ (consistency)
    for code, wave, ind, age in list(shifted):
        if age == "18+" and (code, wave, ind, age) not in real:
            shifted[(code, wave, ind, age)] = (
                0.62 * shifted[(code, wave, ind, "18-64")]
                + 0.38 * shifted[(code, wave, ind, "65+")]
            )
    rows = []
    for code in codes:
        for wave in waves:
            for ind, ages in base.items():
                for age, p0 in ages.items():
                    p = shifted[(code, wave, ind, age)]
                    anchor_src = real.get((code, wave, ind, age))
                    if anchor_src:
                        p = anchor_src[0]
                    share_age = {"18-64": 0.62, "65+": 0.38, "18+": 1.0, "75+": 0.18}[age]
                    n = int(
                        nsize[code]
                        * share_age
                        * (p0 / 100 if ind == "zwaar belaste mantelzorger" else 1)
                        * 1.0
                    )
                    if ind == "zwaar belaste mantelzorger":
                        n = int(nsize[code] * share_age * base["mantelzorger"][age] / 100)
                    rows.append(
                        {
                            "gemeente_code": code,
                            "periode": str(wave),
                            "indicator": ind,
                            "leeftijd": age,
                            "percentage": round(p, 1),
                            "n": max(n, 1),
                            "ijkpunt": f"echt: {anchor_src[1]}" if anchor_src else None,
                        }
                    )
    write_csv(
        data_dir / "gezondheidsmonitor.csv",
        ["gemeente_code", "periode", "indicator", "leeftijd", "percentage", "n", "ijkpunt"],
        rows,
    )
    e["gezondheidsmonitor"] = _entry(
        "gezondheidsmonitor.csv",
        "Gezondheidsmonitor volwassenen en ouderen (GGD): kernindicatoren",
        "Synthetische percentages met aantal respondenten per golf (2016, 2020, 2022, 2024) voor "
        "de gemeente, de vergelijkingsgemeenten en Nederland. Bij 'zwaar belaste mantelzorger' is het "
        "percentage een aandeel van de mantelzorgers en n het aantal mantelzorgers.",
        "de rijen met een waarde in kolom ijkpunt zijn gelijk aan het echte cijfer (gemeente 2016: "
        "eenzaam 35,3% (18+), ernstig eenzaam 7% (volwassenen) en 10% (ouderen), beleidsplan 2019; "
        "Nederland: eenzaam en ernstig eenzaam 2016 en 2020, ook 75+, ervaren gezondheid 2016, "
        "2020 en 2022, RIVM/vzinfo); elke reeks met een ijkpunt is daarop verschoven; overige "
        "niveaus, trends en aantallen respondenten zijn aannames (mantelzorg en vrijwilligerswerk "
        "hebben geen ijkpunt met dezelfde definitie: CBS 16+/15+ wijkt af van de GGD-vraag)",
        "publiek",
        "GGD/RIVM/CBS (synthetisch)",
        "86137NED",
    )

    # volunteer desk and mantelzorg support (municipal)
    rng = np.random.default_rng(SEED + 7)
    rows = []
    for y in (2022, 2023, 2024, 2025):
        for grp, base_v in (("jonger dan 27", 40), ("27-64", 120), ("65 en ouder", 90)):
            vac = int(rng.poisson(base_v * 1.4))
            match = int(rng.poisson(base_v * (1 + 0.04 * (y - 2022))))
            for ind, v in (("vacatures", vac), ("matches", match)):
                rows.append(
                    {
                        "gemeente_code": GM,
                        "periode": str(y),
                        "indicator": ind,
                        "leeftijd": grp,
                        "waarde": v,
                    }
                )
    write_csv(
        data_dir / "vrijwilligerscentrale.csv",
        ["gemeente_code", "periode", "indicator", "leeftijd", "waarde"],
        rows,
    )
    e["vrijwilligerscentrale"] = _entry(
        "vrijwilligerscentrale.csv",
        "Vrijwilligerspunt: vacatures en matches naar leeftijd",
        "Synthetische registratie van het vrijwilligerspunt. Vervang door een export volgens "
        "data/templates/vrijwilligerscentrale.csv.",
        "geen echt ijkcijfer beschikbaar; ordegrootte passend bij een gemeente van 27.000 inwoners "
        "(aanname)",
        "gemeente",
        "Gemeente (synthetisch)",
    )
    rows = []
    for y in (2022, 2023, 2024, 2025):
        for ind, base_v in (
            ("geregistreerde mantelzorgers", 900),
            ("mantelzorgwaarderingen", 750),
            ("inzet respijtzorg (trajecten)", 60),
            ("bereikte jonge mantelzorgers", 25),
        ):
            rows.append(
                {
                    "gemeente_code": GM,
                    "periode": str(y),
                    "indicator": ind,
                    "waarde": int(rng.poisson(base_v * (1 + 0.05 * (y - 2022)))),
                }
            )
    write_csv(
        data_dir / "mantelzorgondersteuning.csv",
        ["gemeente_code", "periode", "indicator", "waarde"],
        rows,
    )
    e["mantelzorgondersteuning"] = _entry(
        "mantelzorgondersteuning.csv",
        "Mantelzorgondersteuning: registraties per jaar",
        "Synthetische registraties (mantelzorgsteunpunt). Vervang door een export volgens "
        "data/templates/mantelzorgondersteuning.csv.",
        "geen echt ijkcijfer; ordegrootte: ongeveer 1 op 3 volwassenen geeft mantelzorg "
        "(landelijke schatting), waarvan een klein deel zich registreert (aanname)",
        "gemeente",
        "Gemeente (synthetisch)",
    )

    # new construction and the plan's wonen-en-zorg counts (municipal)
    rng = np.random.default_rng(SEED + 9)
    pact = {
        int(r["periode"]): int(r["waarde"])
        for r in _read_csv(data_dir / "uitstroom_pact.csv")
        if r["gemeente_code"] == region and r["indicator"] == "gerealiseerd"
    }
    seeds = {r["indicator"]: r for r in _read_csv(data_dir / "seed_cijfers.csv")}
    bw = seeds.get("Heemstedenaren met een beschermd-wonen-indicatie (circa)")
    bct = seeds.get("nieuwe cliënten BCT afkomstig uit Heemstede")
    real_counts = {
        ("uitstroom beschermd wonen en opvang (plaatsingen)", y): v for y, v in pact.items()
    }
    if bw:
        real_counts[("inwoners met indicatie beschermd wonen", int(bw["periode_tekst"]))] = int(
            float(bw["waarde"])
        )
    if bct:
        real_counts[
            ("nieuwe cliënten maatschappelijke opvang (BCT)", int(bct["periode_tekst"]))
        ] = int(float(bct["waarde"]))
    units = {
        "nieuwbouw totaal": "woningen",
        "waarvan sociale huur": "woningen",
        "waarvan betaalbare middenhuur of koop": "woningen",
        "uitstroom beschermd wonen en opvang (plaatsingen)": "plaatsingen",
        "inwoners met indicatie beschermd wonen": "personen",
        "nieuwe cliënten maatschappelijke opvang (BCT)": "personen",
        "plekken noodopvang economisch daklozen": "plekken",
    }
    rows = []
    for y in (2022, 2023, 2024, 2025):
        total = int(rng.poisson(13))  # 100 homes 2023-2030 (Woondeal MRA bid)
        social = int(rng.binomial(total, 0.30))
        mid = int(rng.binomial(total - social, 0.36 / 0.70))
        values = {
            "nieuwbouw totaal": total,
            "waarvan sociale huur": social,
            "waarvan betaalbare middenhuur of koop": mid,
            "uitstroom beschermd wonen en opvang (plaatsingen)": int(rng.poisson(5)),
            "inwoners met indicatie beschermd wonen": int(rng.integers(11, 16)),
            "nieuwe cliënten maatschappelijke opvang (BCT)": int(rng.poisson(6)),
            "plekken noodopvang economisch daklozen": 0 if y < 2025 else int(rng.integers(0, 5)),
        }
        for ind, v in values.items():
            rows.append(
                {
                    "gemeente_code": GM,
                    "periode": str(y),
                    "indicator": ind,
                    "waarde": real_counts.get((ind, y), v),
                    "eenheid": units[ind],
                }
            )
    write_csv(
        data_dir / "wonen_realisatie.csv",
        ["gemeente_code", "periode", "indicator", "waarde", "eenheid"],
        rows,
    )
    real_list = "; ".join(f"{i} {y}: {v}" for (i, y), v in sorted(real_counts.items()))
    e["wonen_realisatie"] = _entry(
        "wonen_realisatie.csv",
        "Wonen en zorg: nieuwbouw naar segment en jaarlijkse aantallen bij de doelen van het plan",
        "Synthetisch, behalve de rijen die gelijk zijn aan een echt cijfer (zie calibrated_to). "
        "Vervang door een export volgens data/templates/wonen_realisatie.csv.",
        "bod Woondeal MRA: 100 woningen tot 2030, waarvan 30 sociale huur en 36 betaalbare "
        "middenhuur of koop (beleidsplan 2025-2028, hfst. 5) -> gemiddeld 13 per jaar, 30% sociaal; "
        "Pact voor uitstroom doel 12 per jaar; echte waarden overgenomen: "
        f"{real_list} (uitvoeringsprogramma opvang, wonen en herstel); 11-15 inwoners met behoefte "
        "aan beschermd wonen per jaar; noodopvang minstens 4 plekken (plan, onderzoek); overige "
        "jaren en aantallen zijn aannames",
        "gemeente",
        "Gemeente (synthetisch)",
    )

    # action point status (municipal): periods 2025 and 2026 (the plan starts in 2025)
    rng = np.random.default_rng(SEED + 8)
    planned: dict[str, set[str]] = {}
    for r in _read_csv(data_dir / "uitvoeringsagenda.csv"):
        planned.setdefault(r["actie_id"], set())
        if r["gepland"] == "ja":
            planned[r["actie_id"]].add(r["jaar"])
    nxt = {
        "gepland": (["gepland", "lopend", "vertraagd"], [0.3, 0.55, 0.15]),
        "lopend": (["lopend", "gereed", "vertraagd"], [0.55, 0.3, 0.15]),
        "vertraagd": (["vertraagd", "lopend", "gereed", "vervallen"], [0.4, 0.4, 0.1, 0.1]),
        "gereed": (["gereed"], [1.0]),
        "vervallen": (["vervallen"], [1.0]),
    }
    rows = []
    for aid in sorted(planned):
        st = "gepland"
        for per in ("2025", "2026"):
            if per in planned[aid] or st != "gepland":
                opts, probs = nxt[st]
                st = str(rng.choice(opts, p=probs))
            rows.append({"actie_id": aid, "periode": per, "status": st})
    write_csv(data_dir / "agenda_status.csv", ["actie_id", "periode", "status"], rows)
    e["agenda_status"] = _entry(
        "agenda_status.csv",
        "Status van de actiepunten per rapportageperiode",
        "Synthetische voortgangsregistratie per actiepunt voor 2025 en 2026 (het plan loopt vanaf "
        "2025; een editie over 2024 heeft dus geen status). Vervang door de registratie van de "
        "gemeente volgens data/templates/agenda_status.csv.",
        "de 56 actiepunten en geplande jaren van de echte uitvoeringsagenda; een actiepunt krijgt "
        "pas voortgang in een jaar waarin het gepland is; gereed en vervallen blijven staan; de "
        "overgangskansen zijn aannames",
        "gemeente",
        "Gemeente (synthetisch)",
    )

    # counts of people from municipal registrations: suppressed below 10 and rounded to 5 in
    # everything published (checked by analysis.data.privacy.scan_edition)
    for name in ("loket_meldingen", "vrijwilligerscentrale", "mantelzorgondersteuning"):
        e[name]["privacy"] = "kleine_aantallen"
    # series that must cover every reporting period (checked by `wmo-rapport check --periode`)
    for name in (
        "bevolking_leeftijd",
        "wmo_clienten",
        "loket_meldingen",
        "clientervaring",
        "wmo_uitgaven",
    ):
        e[name]["periode_vereist"] = True
    _register(e, data_dir)
    return sorted(e)


def _register(entries: dict[str, dict[str, Any]], data_dir: Path) -> None:
    register(entries, data_dir)
    templates = data_dir / "templates"
    templates.mkdir(exist_ok=True)
    for e in entries.values():
        if e["supplier"] == "gemeente":
            header = (data_dir / e["file"]).read_text(encoding="utf-8").split("\n", 1)[0]
            (templates / e["file"]).write_text(header + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m analysis.data.sources.synthetic [DATA_DIR]``."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    print(", ".join(generate_all(Path(args[0]) if args else None)))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
