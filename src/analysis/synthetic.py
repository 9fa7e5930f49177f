"""Synthetic stand-ins for series we cannot have here, calibrated to the real anchor figures.

**These numbers are not real.** They exist so the report can be built and reviewed before the
municipality supplies its own exports and before ``wmo-rapport data fetch`` has been run on a machine
with internet access. Every dataset written here is marked ``synthetic: true`` in the manifest with
``calibrated_to`` naming the real figures it matches, and every book page that uses one shows a
warning.

One generator, seeded per dataset (``numpy.random.default_rng(SEED + k)``), no clock, sorted output,
fixed number formatting: regenerating gives byte-identical files (``wmo-rapport data genereer``).

Anchors (all real, from ``data/`` produced by :mod:`analysis.reference`):

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

from .manifest import register
from .reference import write_csv

SEED = 20250417  # date of the council decision adopting the plan
GM, HAARLEM, BLOEMENDAAL = "GM0397", "GM0392", "GM0377"
AGES = ["0-14", "15-24", "25-44", "45-64", "65-74", "75-84", "85+"]
# Real 2019 table (75+ split 60/40 into 75-84 / 85+: synthetic assumption for an old population)
POP_2019 = {
    "0-14": (2413, 2414),
    "15-24": (1340, 1225),
    "25-44": (2326, 2547),
    "45-64": (3768, 3980),
    "65-74": (1655, 1970),
    "75-84": (839, 1359),
    "85+": (560, 906),
}
TOTAL_2024 = 27589
YEARS = list(range(2015, 2026))
GROWTH = {
    "0-14": -0.004,
    "15-24": 0.002,
    "25-44": 0.004,
    "45-64": -0.006,
    "65-74": 0.006,
    "75-84": 0.028,
    "85+": 0.032,
}
COMPARE = {HAARLEM: (161300, 0.85), BLOEMENDAAL: (23400, 1.08)}  # 2019 total, ageing factor
TYPES = [
    "Totaal",
    "Totaal exclusief verblijf en opvang",
    "Hulp bij het huishouden",
    "Ondersteuning thuis, totaal",
    "Hulpmiddelen en diensten, totaal",
    "Verblijf en opvang, totaal",
]
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

R = {"type": "regio"}
P = {"type": "periode"}
A = {"type": "aantal"}


def _cat(values: list[str]) -> dict[str, Any]:
    return {"type": "categorie", "allowed": values}


def _entry(
    file: str,
    title: str,
    description: str,
    calibrated: str,
    schema: dict,
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
        "schema": schema,
    }


def population() -> dict[tuple[str, int, str], tuple[int, int]]:
    """Population by (region, year, age group) → (men, women). 2019 equals the real table."""
    out: dict[tuple[str, int, str], tuple[int, int]] = {}
    base = {a: np.array(v, dtype=float) for a, v in POP_2019.items()}
    raw = {}
    for y in YEARS:
        raw[y] = {a: base[a] * (1 + GROWTH[a]) ** (y - 2019) for a in AGES}
    # scale the years after 2019 so that 2024 hits the real total, smoothly
    s2024 = sum(v.sum() for v in raw[2024].values())
    k = TOTAL_2024 / s2024
    for y in YEARS:
        f = 1 + (k - 1) * (y - 2019) / 5
        for a in AGES:
            m, w = raw[y][a] * f
            out[(GM, y, a)] = (int(round(m)), int(round(w)))
    for code, (tot2019, ageing) in COMPARE.items():
        share = {a: sum(POP_2019[a]) / sum(sum(v) for v in POP_2019.values()) for a in AGES}
        adj = {a: share[a] * (ageing if a in ("65-74", "75-84", "85+") else 1) for a in AGES}
        norm = sum(adj.values())
        for y in YEARS:
            g = 1.004 ** (y - 2019)
            for a in AGES:
                n = tot2019 * g * adj[a] / norm * (1 + GROWTH[a] * 0.8) ** (y - 2019)
                out[(code, y, a)] = (int(round(n * 0.49)), int(round(n * 0.51)))
    return out


def _pop_group(pop: dict, code: str, year: int, group: str) -> int:
    ages = {"0-64": AGES[:4], "65-74": ["65-74"], "75+": ["75-84", "85+"], "totaal": AGES}[group]
    return sum(sum(pop[(code, year, a)]) for a in ages)


def generate_all(data_dir: Path) -> list[str]:
    """Write every synthetic dataset into ``data_dir`` and register it; return the names."""
    data_dir = Path(data_dir)
    e: dict[str, dict[str, Any]] = {}
    pop = population()

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
                }
            )
    write_csv(
        data_dir / "bevolking_leeftijd.csv",
        ["gemeente_code", "periode", "leeftijd", "geslacht", "waarde", "eenheid"],
        rows,
    )
    e["bevolking_leeftijd"] = _entry(
        "bevolking_leeftijd.csv",
        "Bevolking naar leeftijdsgroep en geslacht, 1 januari 2015-2025",
        "Synthetische reeks voor de gemeente en de vergelijkingsgemeenten. `wmo-rapport data fetch` "
        "vervangt hem door CBS 03759ned.",
        "2019 = de echte tabel uit het beleidsplan 2019 (75+ verdeeld 60/40 over 75-84 en 85+, "
        "aanname); totaal 1-1-2024 = 27.589 (echt); vergelijkingsgemeenten op hun totaal 2019",
        {
            "key": ["gemeente_code", "periode", "leeftijd", "geslacht"],
            "columns": {
                "gemeente_code": R,
                "periode": P,
                "leeftijd": _cat(AGES),
                "geslacht": _cat(["mannen", "vrouwen", "totaal"]),
                "waarde": A,
                "eenheid": _cat(["personen"]),
            },
        },
        "publiek",
        "CBS (synthetisch)",
        "03759ned",
    )

    # prognosis: 2025 from the series, then growth implied by the dementia estimates
    rng = np.random.default_rng(SEED + 1)
    rows = []
    g5 = {
        "0-14": -0.01,
        "15-24": 0.0,
        "25-44": 0.01,
        "45-64": -0.02,
        "65-74": 0.02,
        "75-84": 0.11,
        "85+": 0.14,
    }
    for a in AGES:
        base = sum(pop[(GM, 2025, a)])
        for i, y in enumerate(range(2025, 2055, 5)):
            mid = base * (1 + g5[a] + (rng.normal(0, 0.003))) ** i
            spread = 0.015 * i
            for var, f in (("laag", 1 - spread), ("midden", 1.0), ("hoog", 1 + spread)):
                rows.append(
                    {
                        "gemeente_code": GM,
                        "periode": str(y),
                        "leeftijd": a,
                        "variant": var,
                        "waarde": int(round(mid * f)),
                        "eenheid": "personen",
                    }
                )
    write_csv(
        data_dir / "bevolkingsprognose.csv",
        ["gemeente_code", "periode", "leeftijd", "variant", "waarde", "eenheid"],
        rows,
    )
    e["bevolkingsprognose"] = _entry(
        "bevolkingsprognose.csv",
        "Bevolkingsprognose naar leeftijd 2025-2050 (laag, midden, hoog)",
        "Synthetische prognose; `wmo-rapport data fetch` vervangt hem door CBS/PBL 85173NED.",
        "start = bevolking_leeftijd 2025; groei 75+ zodat de dementieschattingen van het plan "
        "(780 in 2022 → 1.100 in 2040, +41%) bij gelijke prevalentie worden gevolgd; "
        "bandbreedte ±1,5% per 5 jaar (aanname)",
        {
            "key": ["gemeente_code", "periode", "leeftijd", "variant"],
            "columns": {
                "gemeente_code": R,
                "periode": P,
                "leeftijd": _cat(AGES),
                "variant": _cat(["laag", "midden", "hoog"]),
                "waarde": A,
                "eenheid": _cat(["personen"]),
            },
        },
        "publiek",
        "CBS/PBL (synthetisch)",
        "85173NED",
    )

    # households by age of the reference person (≈ 11.000 households in 2019, real)
    rows = []
    for y in YEARS:
        p = {a: sum(pop[(GM, y, a)]) for a in AGES}
        hh = {"65-74": p["65-74"] / 1.6, "75-84": p["75-84"] / 1.45, "85+": p["85+"] / 1.25}
        total = 11000 * sum(p.values()) / sum(sum(v) for v in POP_2019.values())
        for grp, v in (*hh.items(), ("totaal", total)):
            rows.append(
                {
                    "gemeente_code": GM,
                    "periode": str(y),
                    "leeftijd_referentiepersoon": grp,
                    "waarde": int(round(v)),
                    "eenheid": "huishoudens",
                }
            )
    write_csv(
        data_dir / "huishoudens_leeftijd.csv",
        ["gemeente_code", "periode", "leeftijd_referentiepersoon", "waarde", "eenheid"],
        rows,
    )
    e["huishoudens_leeftijd"] = _entry(
        "huishoudens_leeftijd.csv",
        "Particuliere huishoudens naar leeftijd referentiepersoon",
        "Synthetisch; `wmo-rapport data fetch` vervangt hem door CBS 71486ned.",
        "ruim 11.000 huishoudens c. 2019 (beleidsplan 2019); personen per huishouden 1,6 / 1,45 / "
        "1,25 voor 65-74 / 75-84 / 85+ (aanname)",
        {
            "key": ["gemeente_code", "periode", "leeftijd_referentiepersoon"],
            "columns": {
                "gemeente_code": R,
                "periode": P,
                "leeftijd_referentiepersoon": _cat(["65-74", "75-84", "85+", "totaal"]),
                "waarde": A,
                "eenheid": _cat(["huishoudens"]),
            },
        },
        "publiek",
        "CBS (synthetisch)",
        "71486ned",
    )

    rows = []
    for y in YEARS:
        total = 12561 + 25 * (y - 2019)
        parts = {
            "koopwoningen": 0.64,
            "huur woningcorporatie": 0.24,
            "huur overige verhuurders": 0.12,
        }
        for k, s in parts.items():
            rows.append(
                {
                    "gemeente_code": GM,
                    "periode": str(y),
                    "eigendom": k,
                    "waarde": int(round(total * s)),
                    "eenheid": "woningen",
                }
            )
        rows.append(
            {
                "gemeente_code": GM,
                "periode": str(y),
                "eigendom": "totaal",
                "waarde": sum(int(round(total * s)) for s in parts.values()),
                "eenheid": "woningen",
            }
        )
    write_csv(
        data_dir / "woningvoorraad.csv",
        ["gemeente_code", "periode", "eigendom", "waarde", "eenheid"],
        rows,
    )
    e["woningvoorraad"] = _entry(
        "woningvoorraad.csv",
        "Woningvoorraad naar eigendom, 1 januari",
        "Synthetisch; `wmo-rapport data fetch` vervangt hem door CBS 82900NED.",
        "12.561 woningen c. 2019 (publieke bron, secundair); verdeling naar eigendom en groei van "
        "25 woningen per jaar zijn aannames",
        {
            "key": ["gemeente_code", "periode", "eigendom"],
            "columns": {
                "gemeente_code": R,
                "periode": P,
                "eigendom": _cat(
                    ["koopwoningen", "huur woningcorporatie", "huur overige verhuurders", "totaal"]
                ),
                "waarde": A,
                "eenheid": _cat(["woningen"]),
            },
        },
        "publiek",
        "CBS (synthetisch)",
        "82900NED",
    )

    # Wmo clients
    rng = np.random.default_rng(SEED + 2)
    rows = []
    periods = [f"{y}H{h}" for y in range(2019, 2026) for h in (1, 2) if (y, h) != (2025, 2)]
    periods += [str(y) for y in range(2019, 2025)]
    for code in (GM, HAARLEM, BLOEMENDAAL):
        lvl = {GM: 1.0, HAARLEM: 1.12, BLOEMENDAAL: 0.92}[code]
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
                counts["Totaal exclusief verblijf en opvang"] = (
                    counts["Totaal"] - 0.6 * counts["Verblijf en opvang, totaal"]
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
        {
            "key": ["gemeente_code", "periode", "type", "leeftijd"],
            "columns": {
                "gemeente_code": R,
                "periode": P,
                "type": _cat(TYPES),
                "leeftijd": _cat(["0-64", "65-74", "75+", "totaal"]),
                "aantal": A,
                "per_1000": {"type": "getal", "min": 0},
                "status": _cat(["definitief", "voorlopig"]),
            },
        },
        "publiek",
        "CBS (synthetisch)",
        "85896NED",
    )

    # expenditure (1 000 euro)
    rng = np.random.default_rng(SEED + 3)
    rows = []
    shares = {
        "Hulp bij het huishouden": 0.33,
        "Ondersteuning thuis, totaal": 0.42,
        "Hulpmiddelen en diensten, totaal": 0.25,
    }
    for y in range(2019, 2026):
        budget = 4845.0 * (1.045 ** (y - 2019))
        for t, s in shares.items():
            b = budget * s
            real = b * (1 + 0.02 * (y - 2019) / 2 + rng.normal(0.01, 0.02))
            for soort, v in (("begroot", b), ("gerealiseerd", real)):
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
        "begrotingen Wmo 2007 + Wmo 2015 van het vorige plan (≈ € 4,8 mln per jaar, 2019-2023); "
        "tariefstijging 4,5% per jaar en verdeling over typen zijn aannames",
        {
            "key": ["gemeente_code", "periode", "type", "soort"],
            "columns": {
                "gemeente_code": R,
                "periode": P,
                "type": _cat(list(shares)),
                "soort": _cat(["begroot", "gerealiseerd"]),
                "waarde": {"type": "getal"},
                "eenheid": _cat(["1 000 euro"]),
                "status": _cat(["definitief", "voorlopig"]),
            },
        },
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
        {
            "key": ["gemeente_code", "periode", "indicator", "soort"],
            "columns": {
                "gemeente_code": R,
                "periode": P,
                "indicator": _cat(
                    ["meldingen", "herindicaties", "doorlooptijd melding tot besluit (mediaan)"]
                ),
                "soort": _cat([*kinds, "alle"]),
                "waarde": A,
                "eenheid": _cat(["meldingen", "besluiten", "dagen"]),
            },
        },
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
        {
            "key": ["gemeente_code", "periode", "nr"],
            "columns": {
                "gemeente_code": R,
                "periode": P,
                "nr": A,
                "thema": _cat(["toegang", "kwaliteit", "effect"]),
                "stelling": {"type": "tekst"},
                "n_antwoorden": A,
                "n_eens": A,
            },
        },
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
    regoff = {GM: 0.0, HAARLEM: 1.0, BLOEMENDAAL: -0.5, "NL01": 2.0}
    nsize = {GM: 650, HAARLEM: 3200, BLOEMENDAAL: 600, "NL01": 300000}
    rows = []
    for code in (GM, HAARLEM, BLOEMENDAAL, "NL01"):
        for wave in (2016, 2020, 2022, 2024):
            for ind, ages in base.items():
                for age, p0 in ages.items():
                    off = regoff[code] * (1 if ind in ("eenzaam", "ernstig eenzaam") else -0.3)
                    p = p0 + off + trend[ind] * (wave - 2016) / 4 + rng.normal(0, 0.6)
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
                        }
                    )
    write_csv(
        data_dir / "gezondheidsmonitor.csv",
        ["gemeente_code", "periode", "indicator", "leeftijd", "percentage", "n"],
        rows,
    )
    e["gezondheidsmonitor"] = _entry(
        "gezondheidsmonitor.csv",
        "Gezondheidsmonitor volwassenen en ouderen (GGD): kernindicatoren",
        "Synthetische percentages met aantal respondenten per golf (2016, 2020, 2022, 2024) voor "
        "de gemeente, de vergelijkingsgemeenten en Nederland. Bij 'zwaar belaste mantelzorger' is het "
        "percentage een aandeel van de mantelzorgers en n het aantal mantelzorgers.",
        "GGD 2016 voor de gemeente (ernstig eenzaam 7% volwassenen, 10% ouderen; eenzaam 35,3% "
        "tegen 42,9% landelijk) en landelijke RIVM/CBS-cijfers; trends en groottes zijn aannames",
        {
            "key": ["gemeente_code", "periode", "indicator", "leeftijd"],
            "columns": {
                "gemeente_code": R,
                "periode": P,
                "indicator": _cat(list(base)),
                "leeftijd": _cat(["18-64", "65+", "18+", "75+"]),
                "percentage": {"type": "percentage"},
                "n": A,
            },
        },
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
        {
            "key": ["gemeente_code", "periode", "indicator", "leeftijd"],
            "columns": {
                "gemeente_code": R,
                "periode": P,
                "indicator": _cat(["vacatures", "matches"]),
                "leeftijd": _cat(["jonger dan 27", "27-64", "65 en ouder"]),
                "waarde": A,
            },
        },
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
        {
            "key": ["gemeente_code", "periode", "indicator"],
            "columns": {
                "gemeente_code": R,
                "periode": P,
                "indicator": _cat(
                    [
                        "geregistreerde mantelzorgers",
                        "mantelzorgwaarderingen",
                        "inzet respijtzorg (trajecten)",
                        "bereikte jonge mantelzorgers",
                    ]
                ),
                "waarde": A,
            },
        },
        "gemeente",
        "Gemeente (synthetisch)",
    )

    rows = []
    for y in (2022, 2023, 2024, 2025):
        total = int(rng.integers(15, 40))
        social = int(round(total * rng.uniform(0.15, 0.35)))
        mid = int(round(total * rng.uniform(0.2, 0.4)))
        for ind, v in (
            ("nieuwbouw totaal", total),
            ("waarvan sociale huur", social),
            ("waarvan betaalbare middenhuur of koop", mid),
        ):
            rows.append(
                {
                    "gemeente_code": GM,
                    "periode": str(y),
                    "indicator": ind,
                    "waarde": v,
                    "eenheid": "woningen",
                }
            )
    write_csv(
        data_dir / "wonen_realisatie.csv",
        ["gemeente_code", "periode", "indicator", "waarde", "eenheid"],
        rows,
    )
    e["wonen_realisatie"] = _entry(
        "wonen_realisatie.csv",
        "Gerealiseerde nieuwbouw naar segment",
        "Synthetisch. Vervang door een export volgens data/templates/wonen_realisatie.csv.",
        "bod Woondeal MRA: 100 woningen tot 2030, 30 sociale huur, 36 middensegment (echt); "
        "jaarlijkse aantallen zijn aannames",
        {
            "key": ["gemeente_code", "periode", "indicator"],
            "columns": {
                "gemeente_code": R,
                "periode": P,
                "indicator": _cat(
                    [
                        "nieuwbouw totaal",
                        "waarvan sociale huur",
                        "waarvan betaalbare middenhuur of koop",
                    ]
                ),
                "waarde": A,
                "eenheid": _cat(["woningen"]),
            },
        },
        "gemeente",
        "Gemeente (synthetisch)",
    )

    # action point status (municipal)
    from .reference import AGENDA

    rng = np.random.default_rng(SEED + 8)
    rows = []
    for i, _ in enumerate(AGENDA, 1):
        for per in ("2024", "2025"):
            if per == "2024":
                st = "gepland"
            else:
                st = str(
                    rng.choice(
                        [
                            "lopend",
                            "lopend",
                            "lopend",
                            "gereed",
                            "vertraagd",
                            "gepland",
                            "vervallen",
                        ],
                        p=[0.3, 0.2, 0.1, 0.15, 0.12, 0.1, 0.03],
                    )
                )
            rows.append({"actie_id": f"A{i:02d}", "periode": per, "status": st})
    write_csv(data_dir / "agenda_status.csv", ["actie_id", "periode", "status"], rows)
    e["agenda_status"] = _entry(
        "agenda_status.csv",
        "Status van de actiepunten per rapportageperiode",
        "Synthetische voortgangsregistratie (2024: alles gepland, het plan is in 2025 vastgesteld). "
        "Vervang door de registratie van de gemeente volgens data/templates/agenda_status.csv.",
        "actiepunten van de echte uitvoeringsagenda; statussen zijn willekeurig (aanname)",
        {
            "key": ["actie_id", "periode"],
            "columns": {
                "actie_id": {"type": "tekst"},
                "periode": P,
                "status": _cat(["gepland", "lopend", "gereed", "vertraagd", "vervallen"]),
            },
        },
        "gemeente",
        "Gemeente (synthetisch)",
    )

    # counts of people from municipal registrations: suppressed below 10 and rounded to 5 in
    # everything published (checked by analysis.privacy.scan_edition)
    for name in ("loket_meldingen", "vrijwilligerscentrale", "mantelzorgondersteuning"):
        e[name]["privacy"] = "kleine_aantallen"
    # series that must cover every reporting period (checked by `wmo-rapport check --periode`)
    for name in ("bevolking_leeftijd", "wmo_clienten", "loket_meldingen", "clientervaring",
                 "agenda_status", "wmo_uitgaven"):
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

if __name__ == "__main__":  # pragma: no cover
    from .project import data_dir

    print(", ".join(generate_all(data_dir())))
