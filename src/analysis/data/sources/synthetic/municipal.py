"""Stand-ins for registrations only the municipality holds: the Loket, the client survey, the
volunteer desk and mantelzorg support."""

from __future__ import annotations

import numpy as np

from analysis.data.sources.common import Produced
from analysis.data.sources.synthetic.run import Run, year_range


def _loket_anchor(run: Run) -> tuple[int, int]:
    """The plan's number of formal meldingen a year and the year it is dated (real)."""
    r = next(x for x in run.real("loket_referentie") if x["gemeente_code"] == run.region)
    return int(r["waarde"]), int(r["periode"])


def loket_meldingen(run: Run) -> Produced:
    """Monthly meldingen per kind, herindicaties and median lead time, around the plan's volume."""
    cfg = run.settings("loket_meldingen")
    rng = run.random(cfg["zaad"])
    per_year, ref_year = _loket_anchor(run)
    rows = []

    def row(per: str, indicator: str, soort: str, value: int, unit: str) -> dict:
        return {"gemeente_code": run.region, "periode": per, "indicator": indicator,
                "soort": soort, "waarde": value, "eenheid": unit}  # fmt: skip

    last = str(cfg.get("laatste_maand", "9999-12"))
    for y in year_range(cfg["jaren"]):
        for mth in range(1, 13):
            per = f"{y}-{mth:02d}"
            if per > last:
                break
            season = 1 + cfg["seizoen"] * np.cos((mth - 1) / 12 * 2 * np.pi)
            for kind, share in cfg["soorten"].items():
                lam = per_year / 12 * share * season * (1 + cfg["trend"] * (y - ref_year))
                rows.append(row(per, "meldingen", kind, int(rng.poisson(lam)), "meldingen"))
            herind = int(rng.poisson(cfg["herindicaties_per_maand"]))
            rows.append(row(per, "herindicaties", "alle", herind, "besluiten"))
            lead = cfg["doorlooptijd_dagen"]
            days = int(round(rng.normal(lead["gemiddeld"], lead["spreiding"])))
            rows.append(
                row(per, "doorlooptijd melding tot besluit (mediaan)", "alle", days, "dagen")
            )
    return Produced(rows, {"meldingen": per_year})


def clientervaring(run: Run) -> Produced:
    """Answers to the 10 standard questions per year; the first year matches the published shares."""
    cfg = run.settings("clientervaring")
    rng = run.random(cfg["zaad"])
    years = year_range(cfg["jaren"])
    lo, hi = cfg["antwoorden_later"]
    rows = []
    for y in years:
        n_base = cfg["antwoorden_eerste_jaar"] if y == years[0] else int(rng.integers(lo, hi))
        for nr, thema, text, p in cfg["stellingen"]:
            valid = (
                cfg["geldig_vraag_5"]
                if nr == 5
                else cfg["geldig_basis"] + cfg["geldig_stap"] * (nr % 3)
            )
            n = int(n_base * valid)
            drift = (
                0
                if y == years[0]
                else rng.normal(-cfg["daling_per_jaar"] * (y - years[0]), cfg["spreiding"])
            )
            share = p + drift if nr != 5 else p + cfg["stijging_vraag_5"] * (y - years[0])
            rows.append(
                {
                    "gemeente_code": run.region,
                    "periode": str(y),
                    "nr": nr,
                    "thema": thema,
                    "stelling": text,
                    "n_antwoorden": n,
                    "n_eens": int(round(n * min(cfg["max_aandeel"], share))),
                }
            )
    return Produced(rows)


def _volunteer_rows(run: Run, per: str, grp: str, vac: int, match: int) -> list[dict]:
    return [
        {
            "gemeente_code": run.region,
            "periode": per,
            "indicator": ind,
            "leeftijd": grp,
            "waarde": v,
        }
        for ind, v in (("vacatures", vac), ("matches", match))
    ]


def vrijwilligerscentrale(run: Run) -> Produced:
    """Vacancies and matches of the volunteer desk per age group (no real anchor); the half-year
    of ``halfjaar`` from its own random stream, after the yearly rows."""
    cfg = run.settings("vrijwilligerscentrale")
    rng = run.random(cfg["zaad"])
    years = year_range(cfg["jaren"])
    rows = []
    for y in years:
        for grp, base in cfg["matches"].items():
            vac = int(rng.poisson(base * cfg["vacatures_per_match"]))
            match = int(rng.poisson(base * (1 + cfg["groei_matches"] * (y - years[0]))))
            rows += _volunteer_rows(run, str(y), grp, vac, match)
    half = cfg.get("halfjaar")
    if half:
        hrng, per, f = run.random(half["zaad"]), str(half["periode"]), float(half["factor"])
        growth = 1 + cfg["groei_matches"] * (int(per[:4]) - years[0])
        for grp, base in cfg["matches"].items():
            vac = int(hrng.poisson(base * cfg["vacatures_per_match"] * f))
            match = int(hrng.poisson(base * growth * f))
            rows += _volunteer_rows(run, per, grp, vac, match)
    return Produced(rows)


def mantelzorgondersteuning(run: Run) -> Produced:
    """Registrations of mantelzorg support per year (no real anchor); the half-year of
    ``halfjaar`` from its own random stream (a stand such as registered carers counts whole)."""
    cfg = run.settings("mantelzorgondersteuning")
    rng = run.random(cfg["zaad"])
    years = year_range(cfg["jaren"])

    def row(per: str, ind: str, value: int) -> dict:
        return {"gemeente_code": run.region, "periode": per, "indicator": ind, "waarde": value}

    rows = [
        row(str(y), ind, int(rng.poisson(base * (1 + cfg["groei"] * (y - years[0])))))
        for y in years
        for ind, base in cfg["niveau"].items()
    ]
    half = cfg.get("halfjaar")
    if half:
        hrng, per = run.random(half["zaad"]), str(half["periode"])
        growth = 1 + cfg["groei"] * (int(per[:4]) - years[0])
        rows += [
            row(per, ind, int(hrng.poisson(base * growth * half["factor"][ind])))
            for ind, base in cfg["niveau"].items()
        ]
    return Produced(rows)
