"""Stand-ins in the plan's own terms: clients per product category (begeleiding, dagbesteding, …)
and budget against realisation per post for the P&C rapportage (plan 6.3, 6.4).

Both are derived from the stand-in CBS series of the same run, so they never contradict them:
huishoudelijke ondersteuning has exactly the clients of 'Hulp bij het huishouden'; a category of
'Ondersteuning thuis' or 'Hulpmiddelen en diensten' never has more clients than its CBS type; the
posts of a type add up to that type's budget (in euro)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from analysis.data.sources.common import Produced
from analysis.data.sources.synthetic.run import Run


def categories(run: Run) -> dict[str, str]:
    """Product category → CBS type, from the real mapping (``productcategorie_cbs``)."""
    out: dict[str, str] = {}
    for r in run.real("productcategorie_cbs"):
        out.setdefault(r["productcategorie"], r["cbs_type"])
    return out


def _type_counts(run: Run, first_year: int) -> dict[tuple[str, str], int]:
    """Clients per (period, CBS type) of the municipality, all ages, from ``wmo_clienten``."""
    return {
        (r["periode"], r["type"]): int(r["aantal"])
        for r in run.real("wmo_clienten")
        if r["gemeente_code"] == run.region
        and r["leeftijd"] == "totaal"
        and int(r["periode"][:4]) >= first_year
    }


def wmo_clienten_product(run: Run) -> Produced:
    """Clients per product category and period: a share of the clients of its CBS type (assumption),
    never more than the type; huishoudelijke ondersteuning equals 'Hulp bij het huishouden'."""
    cfg = run.settings("wmo_clienten_product")
    rng = run.random(cfg["zaad"])
    types = categories(run)
    counts = _type_counts(run, int(cfg["vanaf"]))
    rows = []
    for per in sorted({p for p, _ in counts}):
        for cat, cbs_type in types.items():
            total = counts[(per, cbs_type)]
            share = float(cfg["aandeel_van_type"][cat])
            noisy = 1.0 if share >= 1 else 1 + rng.normal(0, cfg["ruis"])
            rows.append(
                {
                    "gemeente_code": run.region,
                    "periode": per,
                    "productcategorie": cat,
                    "aantal": min(total, int(round(total * share * noisy))),
                }
            )
    return Produced(rows)


def _post_shares(run: Run, cfg: dict[str, Any]) -> dict[str, float]:
    """Each post's share of its CBS type's budget: from the real 2019 budget lines where the
    plan's categories have one (keywords), an assumption where they have none."""
    types = categories(run)
    lines = {
        r["post"]: float(r["waarde"])
        for r in run.real("begroting_sociaal_domein")
        if r["gemeente_code"] == run.region and r["post"].startswith(cfg["posten_basisjaar"])
    }
    amount = {
        cat: sum(v for k, v in lines.items() if any(w in k for w in words))
        for cat, words in cfg["trefwoorden"].items()
    }
    shares: dict[str, float] = {}
    for cat, cbs_type in types.items():
        if cat in cfg["aandeel_aanname"]:
            shares[cat] = float(cfg["aandeel_aanname"][cat])
        else:
            same = [c for c, t in types.items() if t == cbs_type and c in amount]
            shares[cat] = amount[cat] / sum(amount[c] for c in same)
    return shares


def _type_budgets(run: Run) -> dict[tuple[str, str, str], float]:
    """(year, CBS type, begroot/gerealiseerd) → euro, from the stand-in ``wmo_uitgaven``."""
    return {
        (r["periode"], r["type"], r["soort"]): float(r["waarde"]) * 1000
        for r in run.real("wmo_uitgaven")
        if r["gemeente_code"] == run.region and r["waarde"]
    }


def _split(amount: float, parts: dict[str, float]) -> dict[str, int]:
    """Whole euro per post that add up to the rounded amount (residual to the largest post)."""
    out = {k: int(round(amount * s)) for k, s in parts.items()}
    big = max(out, key=lambda k: (out[k], k))
    out[big] += int(round(amount)) - sum(out.values())
    return out


def wmo_budget_posten(run: Run) -> Produced:
    """Budget, realisation and (at a half-year) the year forecast per post, in euro."""
    cfg = run.settings("wmo_budget_posten")
    rng = run.random(cfg["zaad"])
    shares, types, budget = _post_shares(run, cfg), categories(run), _type_budgets(run)
    by_type: dict[str, dict[str, float]] = defaultdict(dict)
    for cat, cbs_type in types.items():
        by_type[cbs_type][cat] = shares[cat]
    values: dict[tuple[str, str, str], float] = {}
    for year in (str(y) for y in cfg["jaren"]):
        for soort in ("begroot", "gerealiseerd"):
            for cbs_type, parts in by_type.items():
                if (year, cbs_type, soort) in budget:
                    for cat, v in _split(budget[(year, cbs_type, soort)], parts).items():
                        values[(year, cat, soort)] = v
    for half in (str(h) for h in cfg["halfjaren"]):
        year = half[:4]
        for cat in types:
            base = values.get((year, cat, "gerealiseerd"), values[(year, cat, "begroot")])
            h1 = base * cfg["aandeel_eerste_halfjaar"] * (1 + rng.normal(0, cfg["ruis"]))
            values[(half, cat, "gerealiseerd")] = int(round(h1))
            values[(half, cat, "prognose")] = int(round(h1 / cfg["aandeel_eerste_halfjaar"]))
    rows = [
        {
            "gemeente_code": run.region,
            "periode": per,
            "post": cat,
            "soort": soort,
            "waarde": v,
            "eenheid": "euro",
        }  # fmt: skip
        for (per, cat, soort), v in sorted(values.items())
    ]
    return Produced(rows)
