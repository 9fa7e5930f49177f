"""Health figures: dementia estimates and the GGD/RIVM/CBS reference figures."""

from __future__ import annotations

from analysis.core.numbers import parse_number
from analysis.data.sources.common import Produced
from analysis.data.sources.reference.inputs import Inputs, count


def _kind(period: str, last_estimate: int) -> str:
    return "prognose" if int(period) > last_estimate else "schatting"


def dementie_schattingen(inp: Inputs) -> Produced:
    """The plans' dementia estimates for the municipality and the national ones (first per year).

    Examples
    --------
    >>> r = {"topic": "dementie", "period": "2040", "value": "1100", "source_document": "d",
    ...      "note": "n"}
    >>> inp = Inputs(None, [r], [], None, "GM0001", {"dementie_laatste_schattingsjaar": 2024})
    >>> dementie_schattingen(inp).rows[0]["soort"]
    'prognose'
    """
    last = int(inp.settings["dementie_laatste_schattingsjaar"])
    rows = [
        {
            "gemeente_code": inp.region,
            "periode": r["period"],
            "soort": _kind(r["period"], last),
            "waarde": count(r["value"]),
            "eenheid": "personen",
            "bron": r["source_document"] + "; " + r["note"],
        }
        for r in inp.seed_topic("dementie")
    ]
    for r in inp.public_topic("dementia"):
        v = parse_number(r["value"])
        if r["region_code"] == "NL01" and r["unit"] == "personen" and v is not None:
            rows.append(
                {
                    "gemeente_code": "NL01",
                    "periode": r["period"][:4],
                    "soort": _kind(r["period"][:4], last),
                    "waarde": int(v),
                    "eenheid": "personen",
                    "bron": r["source_url"],
                }
            )
    seen: set[tuple[str, str]] = set()
    unique = []
    for r in sorted(rows, key=lambda x: (x["gemeente_code"], x["periode"])):
        if (r["gemeente_code"], r["periode"]) not in seen:
            seen.add((r["gemeente_code"], r["periode"]))
            unique.append(r)
    return Produced(unique)


def gezondheid_referentie(inp: Inputs) -> Produced:
    """GGD, RIVM and CBS figures on health, loneliness, mantelzorg and volunteering."""
    rows = [
        {
            "nr": i,
            "indicator": r["indicator"],
            "regio": r["region"],
            "regio_code": r["region_code"],
            "periode_tekst": r["period"],
            "waarde": parse_number(r["value"]),
            "eenheid": r["unit"],
            "bron": r["source_url"],
        }
        for i, r in enumerate(inp.public_topic("health", "mantelzorg_vrijwilligers"), 1)
    ]
    for r in inp.seed_topic("kwetsbaarheid", "leefstijl", "mantelzorg"):
        rows.append(
            {
                "nr": len(rows) + 1,
                "indicator": r["indicator"],
                "regio": r["region"],
                "regio_code": inp.regions.code(r["region"]) or "",
                "periode_tekst": r["period"],
                "waarde": parse_number(r["value"]),
                "eenheid": r["unit"] or "%",
                "bron": r["source_document"],
            }
        )
    return Produced(rows)
