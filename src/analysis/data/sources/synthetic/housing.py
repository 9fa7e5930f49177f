"""Stand-in housing stock and the yearly counts behind the plan's housing-and-care goals."""

from __future__ import annotations

from typing import Any

from analysis.data.sources.common import Produced
from analysis.data.sources.synthetic.run import Run, year_range


def _stock_anchor(run: Run) -> tuple[int, float, dict[str, float]]:
    """The real housing stock of the municipality: year, total and ownership shares (%)."""
    labels = run.settings("woningvoorraad")["labels"]
    found: dict[str, tuple[int, float]] = {}
    for r in run.real("woningvoorraad_referentie"):
        for part, label in labels.items():
            if r["gemeente_code"] == run.region and r["indicator"] == label:
                found[part] = (int(r["periode"]), float(r["waarde"]))
    year, total = found["totaal"]
    return year, total, {part: found[part][1] for part in labels if part != "totaal"}


def woningvoorraad(run: Run) -> Produced:
    """Housing stock by ownership: the real total and the real shares of it, a fixed growth.

    The shares need not add up to 100% (homes of an unknown owner count only in the total, as in
    CBS 82900NED), so the anchor year reproduces the real total and each real share exactly.
    """
    growth = int(run.settings("woningvoorraad")["groei_per_jaar"])
    year, total0, shares = _stock_anchor(run)
    rows = []
    for y in run.years():
        total = int(round(total0 + growth * (y - year)))
        values = {k: int(round(total * s / 100)) for k, s in shares.items()}
        for k, v in (*values.items(), ("totaal", total)):
            rows.append(
                {
                    "gemeente_code": run.region,
                    "periode": str(y),
                    "eigendom": k,
                    "waarde": v,
                    "eenheid": "woningen",
                    "status": "definitief",
                }
            )
    shown = {"koop": shares["koopwoningen"], "corporatie": shares["huur woningcorporatie"]}
    shown["overig"] = shares["huur overige verhuurders"]
    return Produced(rows, {"woningen": int(total0), "jaar": str(year), "groei": growth, **shown})


def _real_counts(run: Run) -> dict[tuple[str, int], int]:
    """Real yearly counts for ``wonen_realisatie``: Pact placements and the plans' figures."""
    cfg = run.settings("wonen_realisatie")
    counts = {
        ("uitstroom beschermd wonen en opvang (plaatsingen)", int(r["periode"])): int(r["waarde"])
        for r in run.real("uitstroom_pact")
        if r["gemeente_code"] == run.region and r["indicator"] == "gerealiseerd"
    }
    seeds = {r["indicator"]: r for r in run.real("seed_cijfers")}
    for indicator, label in cfg["labels_echt"].items():
        if label in seeds:
            r = seeds[label]
            counts[(indicator, int(r["periode_tekst"]))] = int(float(r["waarde"]))
    return counts


def _yearly_draws(run: Run, cfg: dict[str, Any], y: int) -> dict[str, int]:
    """One year of stand-in counts (the order of the draws is part of the stream)."""
    rng = run.random(cfg["zaad"])
    total = int(rng.poisson(cfg["nieuwbouw_per_jaar"]))
    social = int(rng.binomial(total, cfg["aandeel_sociaal"]))
    mid = int(rng.binomial(total - social, cfg["aandeel_midden"] / (1 - cfg["aandeel_sociaal"])))
    lo, hi = cfg["beschermd_wonen"]
    values = {
        "nieuwbouw totaal": total,
        "waarvan sociale huur": social,
        "waarvan betaalbare middenhuur of koop": mid,
        "uitstroom beschermd wonen en opvang (plaatsingen)": int(
            rng.poisson(cfg["uitstroom_per_jaar"])
        ),
        "inwoners met indicatie beschermd wonen": int(rng.integers(lo, hi)),
        "nieuwe cliënten maatschappelijke opvang (BCT)": int(rng.poisson(cfg["bct_per_jaar"])),
    }
    plo, phi = cfg["noodopvang_plekken"]
    opvang = 0 if y < int(cfg["noodopvang_vanaf"]) else int(rng.integers(plo, phi))
    values["plekken noodopvang economisch daklozen"] = opvang
    return values


def wonen_realisatie(run: Run) -> Produced:
    """New homes by segment and the yearly counts at the plan's goals; real counts where known."""
    cfg = run.settings("wonen_realisatie")
    real = _real_counts(run)
    rows = []
    for y in year_range(cfg["jaren"]):
        for indicator, v in _yearly_draws(run, cfg, y).items():
            rows.append(
                {
                    "gemeente_code": run.region,
                    "periode": str(y),
                    "indicator": indicator,
                    "waarde": real.get((indicator, y), v),
                    "eenheid": cfg["eenheden"][indicator],
                }
            )
    shown = "; ".join(f"{i} {y}: {v}" for (i, y), v in sorted(real.items()))
    return Produced(rows, {"echt": shown})
