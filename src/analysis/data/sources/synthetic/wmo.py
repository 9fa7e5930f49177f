"""Stand-in Wmo clients per type and age, and Wmo expenditure budgeted and realised."""

from __future__ import annotations

from typing import Any

from analysis.config import schemas
from analysis.data.sources.common import Produced
from analysis.data.sources.synthetic.population import group_total, population
from analysis.data.sources.synthetic.run import Run, year_range

GROUPS = {"0-64": ["0-64"], "65-74": ["65-74"], "75+": ["75+"], "totaal": ["0-64", "65-74", "75+"]}


def client_periods(cfg: dict[str, Any]) -> list[str]:
    """Half-years and years of the client series, sorted as text.

    Examples
    --------
    >>> client_periods({"halfjaren": ["2024H2", "2025H1"], "jaarcijfers": [2024, 2024]})
    ['2024', '2024H2', '2025H1']
    """
    first, last = (str(p) for p in cfg["halfjaren"])
    halves = [f"{y}H{h}" for y in range(int(first[:4]), int(last[:4]) + 1) for h in (1, 2)]
    halves = [p for p in halves if first <= p <= last]
    later = [str(p) for p in (cfg.get("later") or {}).get("perioden", [])]
    return sorted(set(halves + [str(y) for y in year_range(cfg["jaarcijfers"])] + later))


def _expected(
    run: Run, cfg: dict, level: float, code: str, per: str, groups: list[str], kind: str
) -> float:
    """Expected clients of one type: rate x level x trend x period factor x residents."""
    y = int(per[:4])
    factor = (
        cfg["jaar_factor"]
        if "H" not in per
        else (1.0 if per.endswith("H1") else cfg["tweede_halfjaar"])
    )
    pop, last = population(run), max(run.years())
    c = 0.0
    for g in groups:
        r = cfg["per_1000"][g][kind] * level * (1 + cfg["groei_per_jaar"] * (y - cfg["ijkjaar"]))
        r *= factor
        c += r / 1000 * group_total(pop, code, min(y, last), g)
    return c


def _counts(
    run: Run, cfg: dict, level: float, code: str, per: str, groups: list[str]
) -> dict[str, float]:
    """Clients per type for one region, period and age group, with the CBS counting rules."""
    types = schemas.vocabulary("wmo_type")
    later = cfg.get("later") or {}
    seed = later["zaad"] if per in [str(p) for p in later.get("perioden", [])] else cfg["zaad"]
    rng = run.random(seed)
    counts: dict[str, float] = {}
    for t in types[2:]:
        expected = _expected(run, cfg, level, code, per, groups, t)
        counts[t] = expected * (1 + rng.normal(0, cfg["ruis"]))
    total = _expected(run, cfg, level, code, per, groups, "Totaal")
    counts["Totaal"] = max(total, max(counts.values()))
    # persons with only verblijf en opvang drop out; never below any home-based type
    counts["Totaal exclusief verblijf en opvang"] = max(
        counts["Totaal"] - cfg["alleen_verblijf"] * counts["Verblijf en opvang, totaal"],
        *(counts[t] for t in types[2:5]),
    )
    return counts


def wmo_clienten(run: Run) -> Produced:
    """Clients per type and age group, per half-year and year, rounded to 5 like CBS."""
    cfg = run.settings("wmo_clienten")
    levels = cfg["niveau_vergelijking"]
    level = {run.region: 1.0, **{c: levels[i % len(levels)] for i, c in enumerate(run.compare)}}
    provisional = {str(p) for p in cfg["voorlopig"]}
    pop, last = population(run), max(run.years())
    rows = []
    for code in (run.region, *run.compare):
        for per in client_periods(cfg):
            for grp, groups in GROUPS.items():
                counts = _counts(run, cfg, level[code], code, per, groups)
                denom = group_total(pop, code, min(int(per[:4]), last), grp)
                for t in schemas.vocabulary("wmo_type"):
                    n = int(round(counts[t] / 5) * 5)
                    rows.append(
                        {
                            "gemeente_code": code,
                            "periode": per,
                            "type": t,
                            "leeftijd": grp,
                            "aantal": n,
                            "per_1000": round(1000 * n / denom, 1),
                            "status": "voorlopig" if per in provisional else "definitief",
                        }
                    )
    return Produced(rows)


def wmo_budgets(run: Run) -> tuple[dict[int, float], dict[str, float], float]:
    """Real Wmo budgets per year, the split over types and the non-maatwerk part (euro).

    From ``begroting_sociaal_domein``: the Wmo budget lines per year, the type shares from the
    base year's budget lines (keywords per type; the rest is the last type) and the sum of the
    base year's lines that are not maatwerkvoorzieningen.
    """
    cfg = run.settings("wmo_uitgaven")
    rows = [r for r in run.real("begroting_sociaal_domein") if r["gemeente_code"] == run.region]
    budgets: dict[int, float] = {}
    for r in rows:
        if r["post"] in cfg["posten_wmo"] and r["soort"] == "begroting":
            budgets[int(r["periode"])] = budgets.get(int(r["periode"]), 0.0) + float(r["waarde"])
    lines = {
        r["post"]: float(r["waarde"]) for r in rows if r["post"].startswith(cfg["posten_basisjaar"])
    }

    def total(words: list[str]) -> float:
        return sum(v for k, v in lines.items() if any(w in k for w in words))

    parts = {t: total(words) for t, words in cfg["trefwoorden"].items()}
    other = total(cfg["geen_maatwerk"])
    rest = budgets[int(cfg["basisjaar"])] - other
    for v in parts.values():
        rest -= v
    parts[cfg["rest_type"]] = rest
    maat = sum(parts.values())
    return budgets, {t: v / maat for t, v in parts.items()}, other


def split_budget(budget: float, shares: dict[str, float]) -> dict[str, int]:
    """A budget in euro over the types, in whole 1 000 euro that add up to the rounded budget.

    The rounding residual goes to the largest part, so the real budget is reproduced exactly.

    Examples
    --------
    >>> split_budget(4373315, {"a": 0.5, "b": 0.3, "c": 0.2})
    {'a': 2186, 'b': 1312, 'c': 875}
    """
    parts = {t: round(budget * sh / 1000) for t, sh in shares.items()}
    biggest = max(parts, key=lambda t: (parts[t], t))
    parts[biggest] += round(budget / 1000) - sum(parts.values())
    return parts


def wmo_uitgaven(run: Run) -> Produced:
    """Budgeted and realised expenditure per type (1 000 euro): real budgets where known."""
    cfg = run.settings("wmo_uitgaven")
    rng = run.random(cfg["zaad"])
    budgets, shares, other = wmo_budgets(run)
    first, final = (int(y) for y in cfg["jaren"])
    last = max(budgets)
    growth = cfg["begroting_groei_factor"]
    rows = []
    for y in range(first, final + 1):
        budget = budgets.get(y, budgets[last] * growth ** (y - last)) - other
        for t, b in split_budget(budget, shares).items():
            drift = cfg["realisatie_trend"] * (y - first)
            real = b * (
                1 + drift + rng.normal(cfg["realisatie_gemiddeld"], cfg["realisatie_spreiding"])
            )
            for soort, v in (("begroot", b), ("gerealiseerd", int(round(real)))):
                rows.append(
                    {
                        "gemeente_code": run.region,
                        "periode": str(y),
                        "type": t,
                        "soort": soort,
                        "waarde": round(v, 0),
                        "eenheid": "1 000 euro",
                        "status": "voorlopig" if y == final else "definitief",
                    }
                )
    rows += _stable_budget(run, rows, cfg)
    return Produced(rows, {"overig": other})


def _stable_budget(run: Run, rows: list[dict[str, Any]], cfg: dict[str, Any]) -> list[dict]:
    """Budget rows of the year ``begroot_stabiel``: each type's realisation of the year before."""
    year = cfg.get("begroot_stabiel")
    if year is None:
        return []
    before = str(int(year) - 1)
    return [
        {**r, "periode": str(year), "soort": "begroot", "status": "voorlopig"}
        for r in rows
        if r["periode"] == before and r["soort"] == "gerealiseerd"
    ]
