"""Housing and care figures: the plan's target groups, the ABF prognosis, the Pact voor
uitstroom and the public housing figures."""

from __future__ import annotations

import re

from analysis.core.numbers import parse_number, parse_range
from analysis.data.sources.common import Produced
from analysis.data.sources.reference.inputs import Inputs, count, year

TARGET_GROUPS = "plan/doelgroepen.csv"


def target_group(indicator: str, groups: list[dict[str, str]]) -> str:
    """The plan's woonzorgdoelgroep of an indicator: the first group with a keyword in it.

    A group without keywords is the default (the last one to try).

    Examples
    --------
    >>> groups = [{"doelgroep": "kwetsbare jeugd", "trefwoorden": "jeugd;gezinshuis"},
    ...           {"doelgroep": "psychisch kwetsbaar", "trefwoorden": ""}]
    >>> target_group("Gezinshuis, aantal jeugdigen", groups), target_group("pauzeplekken", groups)
    ('kwetsbare jeugd', 'psychisch kwetsbaar')
    """
    text = indicator.lower()
    default = None
    for g in groups:
        words = [w for w in g["trefwoorden"].split(";") if w]
        if not words:
            default = default or g["doelgroep"]
        elif any(w in text for w in words):
            return g["doelgroep"]
    if default is None:
        raise ValueError(f"geen doelgroep voor {indicator!r} en geen standaarddoelgroep")
    return default


def wonen_doelgroepen(inp: Inputs) -> Produced:
    """The plan's figures on the housing-and-care target groups, ranges as min and max."""
    groups = inp.src.csv(TARGET_GROUPS)
    rows = []
    for i, r in enumerate(inp.seed_topic("wonen en zorg"), 1):
        lo, hi = parse_range(r["value"])
        rows.append(
            {
                "nr": i,
                "doelgroep": target_group(r["indicator"], groups),
                "indicator": r["indicator"],
                "regio": r["region"],
                "periode_tekst": r["period"],
                "waarde_tekst": r["value"],
                "waarde_min": lo,
                "waarde_max": hi,
                "eenheid": r["unit"],
                "bron": f"{r['source_document']}; {r['note']}",
            }
        )
    return Produced(rows)


def beschermd_wonen_prognose(inp: Inputs) -> Produced:
    """The ABF prognosis of sheltered housing per form (yearly need as min and max)."""
    rows = []
    for r in inp.seeds:
        if r["indicator"].startswith("prognose ABF"):
            lo, hi = parse_range(r["value"])
            rows.append(
                {
                    "vorm": r["indicator"].split(": ", 1)[1],
                    "periode_tekst": r["period"],
                    "waarde_min": lo,
                    "waarde_max": hi,
                    "eenheid": r["unit"],
                    "bron": r["source_document"],
                }
            )
    return Produced(rows)


def uitstroom_pact(inp: Inputs) -> Produced:
    """The Pact voor uitstroom: its yearly target (at ``pact_peiljaar``) and the placements."""
    rows = []
    for r in inp.seeds:
        if r["indicator"].startswith("Pact voor uitstroom"):
            target = "doel" in r["indicator"]
            rows.append(
                {
                    "gemeente_code": inp.region,
                    "periode": str(inp.settings["pact_peiljaar"]) if target else r["period"],
                    "indicator": "doel per jaar" if target else "gerealiseerd",
                    "waarde": count(r["value"]),
                    "eenheid": "plaatsingen",
                    "bron": r["source_document"],
                }
            )
    return Produced(sorted(rows, key=lambda x: (x["periode"], x["indicator"])))


def woningvoorraad_referentie(inp: Inputs) -> Produced:
    """Public housing figures (stock, ownership, WOZ, survey) of the regions in the report."""
    outside = set(inp.regions.with_role("buiten_beeld"))
    rows = []
    for r in inp.public_topic("housing"):
        per = year(r["period"])
        v = parse_number(r["value"].split(" (")[0])
        if not r["region_code"] or per is None or v is None or r["region_code"] in outside:
            continue
        rows.append(
            {
                "gemeente_code": r["region_code"],
                "periode": per,
                "indicator": re.sub(r"\s*\((secondary[^)]*|1 januari)\)", "", r["indicator"]),
                "waarde": v,
                "eenheid": r["unit"].split(" ")[0] if r["unit"] != "% van respondenten" else "%",
                "periode_tekst": r["period"],
                "betrouwbaarheid": r["reliability"].split(" ")[0],
                "tabel": r["table_id"],
                "bron": r["source_url"],
            }
        )
    return Produced(sorted(rows, key=lambda x: (x["gemeente_code"], x["periode"], x["indicator"])))
