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

    for y in year_range(cfg["jaren"]):
        for mth in range(1, 13):
            per = f"{y}-{mth:02d}"
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


def vrijwilligerscentrale(run: Run) -> Produced:
    """Vacancies and matches of the volunteer desk per age group (no real anchor)."""
    cfg = run.settings("vrijwilligerscentrale")
    rng = run.random(cfg["zaad"])
    years = year_range(cfg["jaren"])
    rows = []
    for y in years:
        for grp, base in cfg["matches"].items():
            vac = int(rng.poisson(base * cfg["vacatures_per_match"]))
            match = int(rng.poisson(base * (1 + cfg["groei_matches"] * (y - years[0]))))
            for ind, v in (("vacatures", vac), ("matches", match)):
                rows.append(
                    {
                        "gemeente_code": run.region,
                        "periode": str(y),
                        "indicator": ind,
                        "leeftijd": grp,
                        "waarde": v,
                    }  # fmt: skip
                )
    return Produced(rows)


def mantelzorgondersteuning(run: Run) -> Produced:
    """Registrations of mantelzorg support per year (no real anchor)."""
    cfg = run.settings("mantelzorgondersteuning")
    rng = run.random(cfg["zaad"])
    years = year_range(cfg["jaren"])
    rows = [
        {
            "gemeente_code": run.region,
            "periode": str(y),
            "indicator": ind,
            "waarde": int(rng.poisson(base * (1 + cfg["groei"] * (y - years[0])))),
        }
        for y in years
        for ind, base in cfg["niveau"].items()
    ]
    return Produced(rows)
