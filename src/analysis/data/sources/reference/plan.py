"""The plan itself: its action agenda, its goals and its impact questions, as transcribed in
``data/bronnen/plan``."""

from __future__ import annotations

from analysis.core.numbers import parse_range
from analysis.data.sources.common import Produced
from analysis.data.sources.reference.inputs import Inputs

AGENDA = "plan/uitvoeringsagenda.csv"
GOALS = "plan/beleidsdoelen.csv"
IMPACT = "plan/impactvragen.csv"


def planned_years(text: str) -> list[int]:
    """The years of a transcription such as ``2025-2028`` or ``2025``.

    Examples
    --------
    >>> planned_years("2025-2028"), planned_years("2026")
    ([2025, 2026, 2027, 2028], [2026])
    """
    lo, hi = parse_range(text, strict=True)
    return list(range(int(lo), int(hi) + 1))


def uitvoeringsagenda(inp: Inputs) -> Produced:
    """Every action point of the appendix, one row per action point and year of the plan."""
    first, last = (int(y) for y in inp.settings["plan_jaren"])
    points = inp.src.csv(AGENDA)
    rows = []
    for p in points:
        years = planned_years(p["jaren"])
        for y in range(first, last + 1):
            rows.append(
                {
                    **{k: p[k] for k in ("actie_id", "hoofdstuk", "hoofdstuk_titel", "thema")},
                    "actiepunt": p["actiepunt"],
                    "jaar": y,
                    "gepland": "ja" if y in years else "nee",
                    "jaren_zeker": p["jaren_zeker"],
                    "kruisjes_bron": p["kruisjes_bron"],
                    "jaren_toelichting": p["jaren_toelichting"],
                }
            )
    return Produced(rows, {"actiepunten": len(points)})


def beleidsdoelen(inp: Inputs) -> Produced:
    """The plan's goals and ambitions, with a number only where the plan gives one."""
    return Produced(inp.src.csv(GOALS))


def impactvragen(inp: Inputs) -> Produced:
    """The impact questions that follow from the plan's vision and ambitions (plan 6.5), with the
    plan's words, the key indicators that say something about each and what the report cannot
    measure."""
    return Produced(inp.src.csv(IMPACT))
