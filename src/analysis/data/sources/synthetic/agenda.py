"""Stand-in status of the plan's action points per reporting period."""

from __future__ import annotations

from analysis.data.sources.common import Produced
from analysis.data.sources.synthetic.run import Run


def planned_years(run: Run) -> dict[str, set[str]]:
    """The years each action point is planned in (real, from ``uitvoeringsagenda``)."""
    planned: dict[str, set[str]] = {}
    for r in run.real("uitvoeringsagenda"):
        planned.setdefault(r["actie_id"], set())
        if r["gepland"] == "ja":
            planned[r["actie_id"]].add(r["jaar"])
    return planned


def agenda_status(run: Run) -> Produced:
    """A status per action point and period: progress only once it is planned; done stays done."""
    cfg = run.settings("agenda_status")
    rng = run.random(cfg["zaad"])
    moves = {st: (list(nxt), list(nxt.values())) for st, nxt in cfg["overgangen"].items()}
    planned = planned_years(run)
    rows = []
    for aid in sorted(planned):
        st = "gepland"
        for per in (str(p) for p in cfg["perioden"]):
            if per in planned[aid] or st != "gepland":
                options, chances = moves[st]
                st = str(rng.choice(options, p=chances))
            rows.append({"actie_id": aid, "periode": per, "status": st})
    return Produced(rows, {"actiepunten": len(planned)})
