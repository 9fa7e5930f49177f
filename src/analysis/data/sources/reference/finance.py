"""Budgets from the policy documents."""

from __future__ import annotations

import re

from analysis.core.numbers import parse_number
from analysis.data.sources.common import Produced
from analysis.data.sources.reference.inputs import Inputs


def _kind(period: str, indicator: str) -> str:
    """``geactualiseerd``, ``stand`` or ``begroting`` as the document labels a budget line.

    Examples
    --------
    >>> _kind("2020 (geactualiseerd)", "x"), _kind("2019", "stand reserve"), _kind("2019", "x")
    ('geactualiseerd', 'stand', 'begroting')
    """
    if "geactualiseerd" in period:
        return "geactualiseerd"
    return "stand" if "stand" in indicator else "begroting"


BUDGET_2026 = "plan/begroting_2026_wmo.csv"


def begroting_2026_wmo(inp: Inputs) -> Produced:
    """What the Begroting 2026 says about the Wmo (quotes): the starting point that costs
    stabilise, new contracts, pressures. The excerpt has no amounts."""
    return Produced(inp.src.csv(BUDGET_2026))


def begroting_sociaal_domein(inp: Inputs) -> Produced:
    """Budgets 2019-2023 of the previous plan and the Wmo budget lines 2019 (euro)."""
    rows = []
    for r in inp.seed_topic("financien"):
        v = parse_number(r["value"])
        per = re.match(r"(\d{4})", r["period"])
        if v is None or not per:
            continue
        rows.append(
            {
                "gemeente_code": inp.region,
                "periode": per[1],
                "post": r["indicator"],
                "soort": _kind(r["period"], r["indicator"]),
                "waarde": v,
                "eenheid": r["unit"] or "euro",
                "bron": r["source_document"],
            }
        )
    return Produced(sorted(rows, key=lambda x: (x["post"], x["periode"], x["soort"])))
