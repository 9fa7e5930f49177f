"""Documented mappings the report publishes: the plan's product categories next to the CBS types,
and the report's indicators next to their counterparts in the national monitors (plan 6.4)."""

from __future__ import annotations

from analysis.data.sources.common import Produced
from analysis.data.sources.reference.inputs import Inputs

PRODUCT_CATEGORIES = "koppelingen/productcategorie_cbs.csv"
MONITOR = "koppelingen/indicatoren_monitor.csv"


def productcategorie_cbs(inp: Inputs) -> Produced:
    """Each product category of the plan (4.2) with the CBS type, detail and iWmo code it falls under."""
    return Produced(inp.src.csv(PRODUCT_CATEGORIES))


def indicatoren_monitor(inp: Inputs) -> Produced:
    """Each indicator of the report with its counterpart in the national monitors, where one exists
    (table and field id only where a source gives them; otherwise empty with a note)."""
    return Produced(inp.src.csv(MONITOR))
