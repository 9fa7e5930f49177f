"""Wmo figures: national clients and expenditure, district clients, the Loket and the client
survey of 2022."""

from __future__ import annotations

import re
from typing import Any

from analysis.core.numbers import parse_number
from analysis.data.sources.cbs.status import UNKNOWN
from analysis.data.sources.common import Produced
from analysis.data.sources.reference.inputs import Inputs, count, number, status

CEO_LABELS = "koppelingen/clientervaring_2022.csv"
DOMAIN_FIGURES = "referentie/domein_cijfers.csv"


def _half_year(period: str) -> str:
    """A CBS period label as a report period (``1e halfjaar 2024*`` → ``2024H1``).

    Examples
    --------
    >>> _half_year("1e halfjaar 2024*"), _half_year("2024*")
    ('2024H1', '2024')
    """
    per = period.replace("*", "").strip()
    return per[-4:] + "H1" if per.startswith("1e halfjaar") else per[:4]


def wmo_clienten_nl(inp: Inputs) -> Produced:
    """National Wmo clients per type (count and per 1 000); a CBS ``.`` stays empty, ``onbekend``."""
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for r in inp.public_topic("wmo_clients"):
        m = re.match(r"Wmo-cliënten (.+?) \((aantal|per 1 000 inwoners)\)", r["indicator"])
        v = parse_number(r["value"])
        if r["region_code"] != "NL01" or not m or (v is None and r["value"].strip() != "."):
            continue
        per = _half_year(r["period"])
        row = rows.setdefault(
            (per, m[1]),
            {
                "gemeente_code": "NL01",
                "periode": per,
                "type": m[1],
                "status": "voorlopig" if "*" in r["period"] else "definitief",
                "tabel": r["table_id"] or inp.settings["wmo_clienten_tabel"],
                "bron": r["source_url"],
            },
        )
        row["aantal" if m[2] == "aantal" else "per_1000"] = v
        if v is None:
            row["status"] = UNKNOWN
    return Produced([rows[k] for k in sorted(rows)])


def wmo_clienten_wijk(inp: Inputs) -> Produced:
    """Wmo clients in districts: code WK + municipality number + district number (CBS rule).

    Districts without a number in the source stay in ``publieke_cijfers`` only.
    """
    rows: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in inp.public_topic("wmo_clients"):
        m = re.match(r"Wijk (\d\d) (.+?)(?: \(|$)", r["region"])
        town = inp.regions.municipality_in(r["region"]) if r["region_code"] != "NL01" else None
        mi = re.match(
            r"Wmo-cliënten,? (?:financieringsvorm )?(.+?) \((aantal|per 1 000)", r["indicator"]
        )
        if not m or not town or not mi:
            continue
        key = (f"WK{town[2:]}{m[1]}", r["period"][:4], mi[1])
        row = rows.setdefault(
            key,
            {
                "gemeente_code": key[0],
                "periode": key[1],
                "wijk": r["region"].strip(),
                "financieringsvorm": mi[1],
                "aantal": None,
                "per_1000": None,
                "status": "definitief",
                "tabel": r["table_id"],
                "bron": r["source_url"],
            },
        )
        if status(r["value"], r["period"]) == UNKNOWN:
            row["status"] = UNKNOWN
        row["aantal" if mi[2] == "aantal" else "per_1000"] = parse_number(r["value"])
    return Produced([rows[k] for k in sorted(rows)])


def wmo_uitgaven_nl(inp: Inputs) -> Produced:
    """National Wmo expenditure as transcribed from the domain brief (``domein_cijfers.csv``)."""
    return Produced(inp.src.csv(DOMAIN_FIGURES))


def loket_referentie(inp: Inputs) -> Produced:
    """The plan's number of formal Wmo meldingen a year (about 1 000), dated ``loket_periode``."""
    r = inp.seed_topic("toegang")[0]
    return Produced(
        [
            {
                "gemeente_code": inp.region,
                "periode": str(inp.settings["loket_periode"]),
                "indicator": "formele Wmo-meldingen per jaar (ongeveer)",
                "waarde": count(r["value"]),
                "eenheid": "meldingen",
                "bron": r["source_document"],
            }
        ]
    )


def clientervaring_2022(inp: Inputs) -> Produced:
    """The published results of the 2022 client survey (and the 2021 awareness figure).

    The public figures are chosen and labelled by ``koppelingen/clientervaring_2022.csv``.
    """
    labels = {(x["indicator_bron"], x["periode"]): x["uitkomst"] for x in inp.src.csv(CEO_LABELS)}
    rows = []
    for r in inp.public:
        uitkomst = labels.get((r["indicator"], r["period"]))
        if uitkomst and r["region_code"] == inp.region:
            rows.append(
                {
                    "gemeente_code": inp.region,
                    "periode": r["period"],
                    "uitkomst": uitkomst,
                    "percentage": number(r["value"]),
                    "bron": r["source_url"],
                }
            )
    return Produced(rows)
