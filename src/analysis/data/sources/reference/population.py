"""Population figures: the 2019 plan's age x sex table, totals on 1 January, age groups."""

from __future__ import annotations

import re
from typing import Any

from analysis.core.numbers import parse_number
from analysis.data.sources.common import Produced
from analysis.data.sources.reference.inputs import Inputs, count, status, year

TOTAL_RULES = "koppelingen/bevolking_totaal.csv"
AGE_RULES = "koppelingen/bevolking_leeftijd.csv"


def bevolking_2019(inp: Inputs) -> Produced:
    """The age x sex table of the 2019 plan, cell by cell, dated as ``tabel_2019_periode``.

    Examples
    --------
    >>> r = {"topic": "demografie", "indicator": "inwoners 0-14 jaar, mannen", "period": "c.",
    ...      "value": "2413", "source_document": "d", "note": "n"}
    >>> inp = Inputs(None, [r], [], None, "GM0001", {"tabel_2019_periode": "2018"})
    >>> bevolking_2019(inp).rows[0]["waarde"], bevolking_2019(inp).rows[0]["periode"]
    (2413, '2018')
    """
    rows = []
    for r in inp.seed_topic("demografie"):
        m = re.fullmatch(r"inwoners (.+?) jaar, (mannen|vrouwen|totaal)", r["indicator"])
        if m:
            rows.append(
                {
                    "gemeente_code": inp.region,
                    "periode": str(inp.settings["tabel_2019_periode"]),
                    "leeftijd": m[1],
                    "geslacht": m[2],
                    "waarde": count(r["value"]),
                    "eenheid": "personen",
                    "peildatum_bron": r["period"],
                    "bron": r["source_document"] + "; " + r["note"],
                }
            )
    return Produced(rows)


def total_priority(indicator: str, rules: list[dict[str, str]]) -> int | None:
    """Rank of a public label as a 1 January population total (lower wins); ``None``: not one.

    The first rule (``patroon``, a regular expression) that matches gives the rank.

    Examples
    --------
    >>> rules = [{"patroon": "^Totale bevolking", "prioriteit": "0"},
    ...          {"patroon": "^Population(?!.*male)", "prioriteit": "1"}]
    >>> total_priority("Totale bevolking op 1 januari", rules), total_priority("Population, male", rules)
    (0, None)
    """
    for rule in rules:
        if re.search(rule["patroon"], indicator):
            return int(rule["prioriteit"])
    return None


def bevolking_totaal(inp: Inputs) -> Produced:
    """Total population per region and year; the official table wins over secondary sources."""
    rules = inp.src.csv(TOTAL_RULES)
    best: dict[tuple[str, str], dict[str, Any]] = {}
    for r in inp.public_topic("population"):
        prio = total_priority(r["indicator"], rules) if r["region_code"] else None
        v = parse_number(r["value"])
        if prio is None or v is None:
            continue
        key = (r["region_code"], r["period"][:4])
        if key in best and best[key]["_prio"] <= prio:
            continue
        best[key] = {
            "_prio": prio,
            "gemeente_code": r["region_code"],
            "periode": r["period"][:4],
            "waarde": int(v),
            "eenheid": "personen",
            "indicator_bron": r["indicator"],
            "betrouwbaarheid": r["reliability"].split(" ")[0],
            "tabel": r["table_id"],
            "bron": r["source_url"],
        }
    return Produced([best[k] for k in sorted(best)])


def _age_value(text: str) -> float | None:
    """A figure as the age rows write it: ``bijna`` dropped, ``mln`` multiplied out.

    Examples
    --------
    >>> _age_value("3,6 mln (bijna)"), _age_value("1.000")
    (3600000.0, 1000.0)
    """
    v = parse_number(text.replace(" mln (bijna)", "").replace(" (bijna)", ""))
    return v * 1_000_000 if "mln" in text and v is not None else v


def bevolking_nl_leeftijd(inp: Inputs) -> Produced:
    """Every age-group figure (65+, 65-79, 80+, 100+) as count or share, with its reference date."""
    rules = inp.src.csv(AGE_RULES)
    rows = []
    for r in inp.public_topic("population"):
        hit = next((x for x in rules if re.search(x["patroon"], r["indicator"])), None)
        per = year(r["period"])
        if not r["region_code"] or hit is None or per is None:
            continue
        unit = r["unit"]
        maat = "aandeel" if unit.startswith("%") else "aantal"
        maat = "per 1.000 80-plussers" if "per 1000" in unit and maat == "aantal" else maat
        rows.append(
            {
                "gemeente_code": r["region_code"],
                "periode": per,
                "peildatum": hit["peildatum"],
                "leeftijd": hit["leeftijd"],
                "maat": maat,
                "waarde": _age_value(r["value"]),
                "waarde_tekst": r["value"],
                "status": status(r["value"], r["period"]),
                "tabel": r["table_id"],
                "bron": r["source_url"],
            }
        )
    order = ("gemeente_code", "periode", "peildatum", "leeftijd", "maat", "waarde_tekst")
    return Produced(sorted(rows, key=lambda x: tuple(x[k] for k in order)))
