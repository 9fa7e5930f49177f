"""Stand-in GGD health monitor: shares per wave, region, indicator and age, passing exactly
through every real figure that ``koppelingen/gezondheid_ijkpunten.csv`` links to a cell."""

from __future__ import annotations

import re
from typing import Any

from analysis.data.sources.common import Produced
from analysis.data.sources.synthetic.run import Run

Key = tuple[str, int, str, str]  # region, wave, indicator, age
AGE_SHARE_18 = ("18-64", "65+")


def health_anchors(run: Run) -> dict[Key, tuple[float, str]]:
    """Real figures for cells of the monitor: key → (percentage, source).

    Examples
    --------
    >>> real = health_anchors(run)  # doctest: +SKIP
    >>> real[("GM0397", 2016, "ernstig eenzaam", "65+")][0]  # doctest: +SKIP
    10.0
    """
    waves = [int(w) for w in run.settings("gezondheidsmonitor")["golven"]]
    rules = run.mappings["gezondheid_ijkpunten"]
    out: dict[Key, tuple[float, str]] = {}
    for r in run.real("gezondheid_referentie"):
        code = r["regio_code"]
        for rule in rules:
            region = run.region if rule["regio"] == "gemeente" else rule["regio"]
            if r["waarde"] and code == region and re.search(rule["patroon"], r["indicator"]):
                wave = int(rule["golf"] or r["periode_tekst"][:4])
                if wave in waves:
                    out[(code, wave, rule["indicator"], rule["leeftijd"])] = (
                        float(r["waarde"]),
                        r["bron"],
                    )
                break
    return out


def _regions(run: Run, cfg: dict[str, Any]) -> tuple[list[str], dict[str, float], dict[str, int]]:
    """The regions of the monitor with their offset against the municipality and sample size."""
    diff, size = cfg["verschil_vergelijking"], cfg["respondenten_vergelijking"]
    offset = {run.region: 0.0, "NL01": cfg["verschil_land"]}
    offset.update({c: diff[i % len(diff)] for i, c in enumerate(run.compare)})
    n = {run.region: cfg["respondenten_gemeente"], "NL01": cfg["respondenten_land"]}
    n.update({c: size[i % len(size)] for i, c in enumerate(run.compare)})
    return [run.region, *run.compare, "NL01"], offset, n


def _raw_levels(run: Run, cfg: dict[str, Any], codes: list[str], offset: dict) -> dict[Key, float]:
    """Assumed level + regional offset + trend + noise for every cell."""
    rng = run.random(cfg["zaad"])
    first = int(cfg["golven"][0])
    lonely = set(cfg["eenzaamheid_indicatoren"])
    out: dict[Key, float] = {}
    for code in codes:
        for wave in (int(w) for w in cfg["golven"]):
            for ind, by_age in cfg["niveau"].items():
                for age, p0 in by_age.items():
                    off = offset[code] * (1 if ind in lonely else cfg["verschil_overig_factor"])
                    trend = cfg["trend"][ind] * (wave - first) / 4
                    out[(code, wave, ind, age)] = p0 + off + trend + rng.normal(0, cfg["ruis"])
    return out


def _through_anchors(
    raw: dict[Key, float], real: dict[Key, tuple[float, str]], cfg: dict[str, Any]
) -> dict[Key, float]:
    """Shift each series through its nearest real figure; an 18+ cell without one is the
    weighted mean of its 18-64 and 65+ cells."""
    waves = [int(w) for w in cfg["golven"]]
    out: dict[Key, float] = {}
    for key, v in raw.items():
        code, wave, ind, age = key
        own = {w: real[(code, w, ind, age)][0] for w in waves if (code, w, ind, age) in real}
        if own:
            near = min(own, key=lambda w: (abs(w - wave), w))
            v += own[near] - raw[(code, near, ind, age)]
        out[key] = min(99.0, max(0.5, v))
    weight = cfg["aandeel_leeftijd"]
    for code, wave, ind, age in list(out):
        if age == "18+" and (code, wave, ind, age) not in real:
            young, old = (out[(code, wave, ind, a)] for a in AGE_SHARE_18)
            out[(code, wave, ind, age)] = weight["18-64"] * young + weight["65+"] * old
    return out


def gezondheidsmonitor(run: Run) -> Produced:
    """Shares per wave, region, indicator and age with respondents; real figures kept exactly."""
    cfg = run.settings("gezondheidsmonitor")
    codes, offset, size = _regions(run, cfg)
    real = health_anchors(run)
    shares = _through_anchors(_raw_levels(run, cfg, codes, offset), real, cfg)
    rows = []
    for code in codes:
        for wave in (int(w) for w in cfg["golven"]):
            for ind, by_age in cfg["niveau"].items():
                for age in by_age:
                    anchor = real.get((code, wave, ind, age))
                    n = size[code] * cfg["aandeel_leeftijd"][age]
                    if ind == cfg["per_mantelzorger"]:  # a share of the mantelzorgers
                        n = n * cfg["niveau"]["mantelzorger"][age] / 100
                    share = anchor[0] if anchor else shares[(code, wave, ind, age)]
                    rows.append(
                        {
                            "gemeente_code": code,
                            "periode": str(wave),
                            "indicator": ind,
                            "leeftijd": age,
                            "percentage": round(share, 1),
                            "n": max(int(n), 1),
                            "ijkpunt": f"echt: {anchor[1]}" if anchor else None,
                        }
                    )
    return Produced(rows)
