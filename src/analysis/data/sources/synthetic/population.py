"""Stand-in population by age and sex, and households by age of the reference person.

The real anchors (read from ``data/``): the 2019 plan's age x sex table (reproduced cell by cell),
every real total on 1 January of the municipality and its comparison municipalities, and the real
numbers of men and women where known. In between, the scale is interpolated.
"""

from __future__ import annotations

import functools
from typing import Any

from analysis.config import schemas
from analysis.data.sources.common import Produced
from analysis.data.sources.synthetic.run import Run

SEXES = ("mannen", "vrouwen")
OLD = ("65-74", "75-84", "85+")
Cells = dict[tuple[str, str], int]


@functools.cache
def _ages() -> tuple[str, ...]:
    return tuple(schemas.schema("bevolking_leeftijd")["columns"]["leeftijd"]["allowed"])


def ages() -> list[str]:
    """The age groups of ``bevolking_leeftijd``, youngest first.

    Examples
    --------
    >>> ages()[-1]
    '85+'
    """
    return list(_ages())


def anchors(run: Run) -> dict[str, Any]:
    """The real figures the population is calibrated to, read from the run's data folder.

    Returns ``table`` ({(age, sex): n} of the plan's table, 75+ split by assumption),
    ``table_year``, ``totals`` ({(code, year): total}) and ``sex_men`` ({(code, year): men}).
    A year with real numbers of men and women but no total gets their sum as total.
    """
    split = run.settings("bevolking_leeftijd")["aandeel_75_84"]
    table: Cells = {}
    year = None
    for r in run.real("bevolking_2019"):
        if r["gemeente_code"] != run.region or "totaal" in (r["leeftijd"], r["geslacht"]):
            continue
        year, n = int(r["periode"]), int(r["waarde"])
        if r["leeftijd"] == "75+":
            a = int(round(n * split[r["geslacht"]]))
            table[("75-84", r["geslacht"])], table[("85+", r["geslacht"])] = a, n - a
        else:
            table[(r["leeftijd"], r["geslacht"])] = n
    totals = {
        (r["gemeente_code"], int(r["periode"])): int(r["waarde"])
        for r in run.real("bevolking_totaal")
    }
    labels = run.settings("bevolking_leeftijd")["labels_geslacht"]
    men: dict[tuple[str, int], int] = {}
    women: dict[tuple[str, int], int] = {}
    for r in run.real("publieke_cijfers"):
        sex = {labels["mannen"]: men, labels["vrouwen"]: women}.get(r["indicator"])
        if sex is not None and r["regio_code"].startswith("GM"):
            sex[(r["regio_code"], int(r["periode_tekst"][:4]))] = int(float(r["waarde"]))
    for key, w in women.items():
        if key not in totals and key in men:
            totals[key] = men[key] + w
    return {"table": table, "table_year": year, "totals": totals, "sex_men": men}


def _factor(year: int, known: dict[int, float]) -> float:
    """Scale factor in ``year``: the known factors, linear between them, flat outside.

    Examples
    --------
    >>> _factor(2020, {2018: 1.0, 2022: 2.0}), _factor(2030, {2018: 1.0, 2022: 2.0})
    (1.5, 2.0)
    """
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


def _fix_total(cells: Cells, target: int) -> None:
    """Add the rounding residual to the largest cell so the cells sum to ``target``."""
    big = max(cells, key=lambda k: (cells[k], k))
    cells[big] += target - sum(cells.values())


class _Series:
    """The unscaled ageing path of one region: the table's cells grown per age group."""

    def __init__(self, run: Run, anchor: dict[str, Any], code: str, ageing: float) -> None:
        self.table, self.y0 = anchor["table"], anchor["table_year"]
        self.growth = run.settings("bevolking_leeftijd")["groei"]
        self.ages = ages()
        adj = {a: (ageing if a in OLD else 1.0) for a in self.ages}
        self.adj = adj
        norm = sum(self.table.values()) / sum(self.raw(self.y0).values())
        self.adj = {a: v * norm for a, v in adj.items()}

    def raw(self, y: int) -> dict[tuple[str, str], float]:
        return {
            (a, sex): self.table[(a, sex)] * self.adj[a] * (1 + self.growth[a]) ** (y - self.y0)
            for a in self.ages
            for sex in SEXES
        }


def _scaled_cells(
    series: _Series, y: int, known: dict[int, float], men: int | None, total: int | None
) -> dict[tuple[str, str], float]:
    """Cells of year ``y`` scaled to the interpolated total and, if known, to the real sexes."""
    cells = {k: v * _factor(y, known) for k, v in series.raw(y).items()}
    if men and total is not None:
        m_f = sum(v for (_, sx), v in cells.items() if sx == "mannen")
        w_f = sum(v for (_, sx), v in cells.items() if sx == "vrouwen")
        cells = {
            (a, sx): v * (men / m_f if sx == "mannen" else (total - men) / w_f)
            for (a, sx), v in cells.items()
        }
    return cells


def _region_years(
    run: Run, anchor: dict[str, Any], code: str, ageing: float
) -> dict[tuple[str, int, str], tuple[int, int]]:
    """Population of one region per (code, year, age) → (men, women); empty without a real total."""
    totals, is_region = anchor["totals"], code == run.region
    series = _Series(run, anchor, code, ageing)
    years = run.years()
    known = {
        y: totals[(code, y)] / sum(series.raw(y).values())
        for (c, y) in totals
        if c == code and y in years
    }
    if is_region:
        known[series.y0] = 1.0
    if not known:
        return {}
    out = {}
    for y in years:
        total = totals.get((code, y))
        men = None if is_region else anchor["sex_men"].get((code, y))
        cells_f = _scaled_cells(series, y, known, men, total if men else None)
        cells = {k: int(round(v)) for k, v in cells_f.items()}
        if is_region and y == series.y0:
            cells = dict(series.table)
        elif total is not None and men:
            for sx, target in (("mannen", men), ("vrouwen", total - men)):
                part = {k: v for k, v in cells.items() if k[1] == sx}
                _fix_total(part, target)
                cells.update(part)
        elif total is not None:
            _fix_total(cells, total)
        for a in series.ages:
            out[(code, y, a)] = (cells[(a, "mannen")], cells[(a, "vrouwen")])
    return out


def population(run: Run) -> dict[tuple[str, int, str], tuple[int, int]]:
    """Population by (region, year, age group) → (men, women), 1 January, cached per run.

    The table year equals the real age x sex table cell by cell; every year with a real total sums
    to it exactly. Comparison municipalities take the municipality's age structure with their
    own ageing factor (assumption) and are scaled to their real totals and sexes where known.
    """
    if "population" not in run.cache:
        anchor = anchors(run)
        ageing = run.settings("bevolking_leeftijd")["vergrijzing_vergelijking"]
        out: dict[tuple[str, int, str], tuple[int, int]] = {}
        for code in (run.region, *sorted(run.compare)):
            factor = 1.0 if code == run.region else float(ageing.get(code, 1.0))
            out.update(_region_years(run, anchor, code, factor))
        run.cache["population"] = out
        run.cache["anchors"] = anchor
    return run.cache["population"]


def group_total(pop: dict, code: str, year: int, group: str) -> int:
    """Residents of ``code`` in ``year`` in a Wmo age group (``0-64``, ``65-74``, ``75+``, ``totaal``)."""
    age = ages()
    members = {"0-64": age[:4], "65-74": ["65-74"], "75+": ["75-84", "85+"], "totaal": age}[group]
    return sum(sum(pop[(code, year, a)]) for a in members)


def bevolking_leeftijd(run: Run) -> Produced:
    """Population by age group and sex per region, 1 January of every year of the run."""
    pop = population(run)
    anchor = run.cache["anchors"]
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
    return Produced(rows, {"tabeljaar": str(anchor["table_year"]), "totalen": _totals_text(run)})


def _totals_text(run: Run) -> str:
    """The real totals the series reproduces, per region: ``A: 27.286 in 2019 en 27.589 in 2024``."""
    totals = run.cache["anchors"]["totals"]
    parts = []
    for code in (run.region, *sorted(run.compare, key=run.name)):
        years = sorted(y for c, y in totals if c == code and y in run.years())
        shown = [f"{totals[(code, y)]:,} in {y}".replace(",", ".") for y in years]
        if shown:
            parts.append(
                f"{run.name(code)}: {', '.join(shown[:-1])}{' en ' if len(shown) > 1 else ''}{shown[-1]}"
            )
    return "; ".join(parts)


def huishoudens_leeftijd(run: Run) -> Produced:
    """Private households by age of the reference person: the plan's ~11 000 scaled with the
    population; older households from persons per household (assumption)."""
    cfg = run.settings("huishoudens_leeftijd")
    pop = population(run)
    base = sum(run.cache["anchors"]["table"].values())
    rows = []
    for y in run.years():
        p = {a: sum(pop[(run.region, y, a)]) for a in ages()}
        hh = {g: p[g] / cfg["personen_per_huishouden"][g] for g in OLD}
        total = cfg["huishoudens_2019"] * sum(p.values()) / base
        for grp, v in (*hh.items(), ("totaal", total)):
            rows.append(
                {
                    "gemeente_code": run.region,
                    "periode": str(y),
                    "leeftijd_referentiepersoon": grp,
                    "waarde": int(round(v)),
                    "eenheid": "huishoudens",
                    "status": "definitief",
                }
            )
    return Produced(rows)
