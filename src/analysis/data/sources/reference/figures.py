"""Every reference figure as published: ``seed_cijfers`` (policy documents) and
``publieke_cijfers`` (public pages), so no usable figure is lost."""

from __future__ import annotations

from analysis.core.numbers import parse_number
from analysis.data.sources.common import Produced
from analysis.data.sources.reference.inputs import Inputs, status


def seed_cijfers(inp: Inputs) -> Produced:
    """Every figure of the policy documents, with document and place.

    Examples
    --------
    >>> inp = Inputs(None, [{"topic": "t", "indicator": "i", "region": "R", "period": "2019",
    ...     "value": "1.200", "unit": "u", "source_document": "d", "note": "n"}], [], None, "", {})
    >>> seed_cijfers(inp).rows[0]["waarde"]
    1200.0
    """
    rows = [
        {
            "nr": i,
            "onderwerp": r["topic"],
            "indicator": r["indicator"],
            "regio": r["region"],
            "periode_tekst": r["period"],
            "waarde_tekst": r["value"],
            "waarde": parse_number(r["value"]),
            "eenheid": r["unit"],
            "bron": r["source_document"],
            "vindplaats": r["note"],
        }
        for i, r in enumerate(inp.seeds, 1)
    ]
    return Produced(rows)


def publieke_cijfers(inp: Inputs) -> Produced:
    """Every public figure, with its URL, table id, reliability and CBS status.

    Examples
    --------
    >>> row = {"topic": "t", "indicator": "i", "region": "R", "region_code": "NL01",
    ...     "period": "2024*", "value": "65", "unit": "u", "table_id": "", "source_url": "x",
    ...     "reliability": "official"}
    >>> publieke_cijfers(Inputs(None, [], [row], None, "", {})).rows[0]["status"]
    'voorlopig'
    """
    rows = [
        {
            "nr": i,
            "onderwerp": r["topic"],
            "indicator": r["indicator"],
            "regio": r["region"],
            "regio_code": r["region_code"],
            "periode_tekst": r["period"],
            "waarde_tekst": r["value"],
            "waarde": parse_number(r["value"]),
            "status": status(r["value"], r["period"]),
            "eenheid": r["unit"],
            "tabel": r["table_id"],
            "bron": r["source_url"],
            "betrouwbaarheid": r["reliability"],
        }
        for i, r in enumerate(inp.public, 1)
    ]
    return Produced(rows)
