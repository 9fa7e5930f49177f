"""Stand-in population prognosis by age: ageing that follows the plan's dementia estimates, a
total that follows the provincial prognosis."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from analysis.data.sources.common import Produced
from analysis.data.sources.synthetic.population import OLD, ages, population
from analysis.data.sources.synthetic.run import Run


def dementia_index(groups: dict[str, float], prevalence: dict[str, float]) -> float:
    """Expected number with dementia for a population by age group.

    Examples
    --------
    >>> prev = {"65-74": 0.015, "75-84": 0.075, "85+": 0.24}
    >>> round(dementia_index({"65-74": 1000, "75-84": 1000, "85+": 1000}, prev), 1)
    330.0
    """
    return sum(prevalence[a] * groups.get(a, 0.0) for a in prevalence)


def _old_path(cfg: dict[str, Any]) -> Callable[[dict[str, float], float, int], dict[str, float]]:
    """The older groups after ``steps`` periods of growth ``g`` (65-74 slower, 85+ faster)."""
    rate = {"65-74": float(cfg["groei_65_74_factor"]), "75-84": 1.0}

    def path(start: dict[str, float], g: float, steps: int) -> dict[str, float]:
        growth = {"65-74": rate["65-74"] * g, "75-84": g, "85+": g + float(cfg["groei_85_extra"])}
        return {a: start[a] * (1 + growth[a]) ** steps for a in OLD}

    return path


def _solve(index: Callable[[float], float], target: float) -> float:
    """The growth ``g`` in [-0,3; 0,6] with ``index(g) == target`` (bisection, 80 steps)."""
    lo, hi = -0.3, 0.6
    for _ in range(80):
        mid = (lo + hi) / 2
        if index(mid) < target:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def _anchors(run: Run) -> dict[str, Any]:
    """Dementia estimates, real totals and the provincial growth of the municipality."""
    cfg = run.settings("bevolkingsprognose")
    dem = {
        int(r["periode"]): int(r["waarde"])
        for r in run.real("dementie_schattingen")
        if r["gemeente_code"] == run.region
    }
    growth = next(
        (
            float(r["waarde"])
            for r in run.real("publieke_cijfers")
            if r["regio_code"] == run.region and r["indicator"].startswith(cfg["groei_label"])
        ),
        None,
    )
    totals = {
        int(r["periode"]): int(r["waarde"])
        for r in run.real("bevolking_totaal")
        if r["gemeente_code"] == run.region
    }
    return {"dementie": dem, "groei": growth, "totalen": totals}


def prognosis(run: Run) -> tuple[dict[tuple[int, str], float], dict[str, Any]]:
    """Central prognosis by (year, age group) and the real figures it was made to follow.

    The older groups grow (65-74 at a fraction of ``g``, 75-84 at ``g``, 85+ faster) with ``g``
    solved so that the dementia index follows the plan's estimates from 2022 to 2040 and from
    2040 to 2050; the younger groups share one growth rate so that the 2040 total is the real 2019
    total plus the provincial growth.
    """
    cfg = run.settings("bevolkingsprognose")
    first, last, step = (int(x) for x in cfg["jaren"])
    pop, a = population(run), _anchors(run)
    dem, prev = a["dementie"], cfg["dementie_prevalentie"]
    base = max(y for y in dem if y <= first)
    groups = {y: {g: float(sum(pop[(run.region, y, g)])) for g in ages()} for y in (base, first)}
    d_base = dementia_index(groups[base], prev)
    path = _old_path(cfg)

    def solve(start: dict[str, float], steps: int, year: int, fallback: float) -> float:
        if year not in dem:
            return fallback
        goal = d_base * dem[year] / dem[base]
        return _solve(lambda g: dementia_index(path(start, g, steps), prev), goal)

    mid, end = (int(y) for y in cfg["ijkjaren"])
    since = int(cfg["groei_basisjaar"])
    n1 = (mid - first) // step
    g1 = solve(groups[first], n1, mid, float(cfg["groei_zonder_schatting"]))
    old_mid = path(groups[first], g1, n1)
    g2 = solve(old_mid, (end - mid) // step, end, g1)
    young = [g for g in ages() if g not in OLD]
    if a["groei"] is not None and since in a["totalen"]:
        goal_total = a["totalen"][since] * (1 + a["groei"] / 100)
        h = ((goal_total - sum(old_mid.values())) / sum(groups[first][g] for g in young)) ** (
            1 / n1
        ) - 1
    else:
        h = 0.0
    out: dict[tuple[int, str], float] = {}
    for i, y in enumerate(range(first, last + step, step)):
        old = path(groups[first], g1, i) if i <= n1 else path(old_mid, g2, i - n1)
        for g in ages():
            out[(y, g)] = old[g] if g in OLD else groups[first][g] * (1 + h) ** i
    return out, {**a, "basis": base}


def bevolkingsprognose(run: Run) -> Produced:
    """Prognosis by age group in three variants; low and high spread a fixed share per 5 years."""
    cfg = run.settings("bevolkingsprognose")
    first = int(cfg["jaren"][0])
    prog, a = prognosis(run)
    rows = []
    for (y, g), mid in sorted(prog.items()):
        spread = float(cfg["spreiding_per_5_jaar"]) * (y - first) / 5
        for variant, f in (("laag", 1 - spread), ("midden", 1.0), ("hoog", 1 + spread)):
            rows.append(
                {
                    "gemeente_code": run.region,
                    "periode": str(y),
                    "leeftijd": g,
                    "variant": variant,
                    "waarde": int(round(mid * f)),
                    "eenheid": "personen",
                    "status": "definitief",
                }
            )
    rows.sort(key=lambda r: (r["periode"], ages().index(r["leeftijd"]), r["variant"]))
    dem = a["dementie"]
    shown = ", ".join(
        f"{dem[y]:,} in {y}".replace(",", ".") for y in sorted(dem) if y >= a["basis"]
    )
    since = int(cfg["groei_basisjaar"])
    return Produced(
        rows, {"dementie": shown, "totaal_2019": a["totalen"].get(since), "groei": a["groei"]}
    )
