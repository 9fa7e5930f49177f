"""Stand-in status of the plan's action points per reporting period.

A status is drawn from assumed transition chances, but never contradicts the plan or other data of
the same edition: the rules under ``afgeleid`` in ``standin.yml`` (e.g. continuous measurement of
client satisfaction is running in a year with a client survey) override the draw.
"""

from __future__ import annotations

from typing import Any

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


def rule_applies(run: Run, rule: dict[str, Any], period: str) -> bool:
    """Whether a derivation rule holds in ``period``: evidence in a dataset, or a span of years.

    Examples
    --------
    >>> rule_applies(None, {"vanaf": 2024}, "2025"), rule_applies(None, {"vanaf": 2025, "tot": 2028}, "2029")
    (True, False)
    """
    proof = rule.get("bewijs")
    if proof is None:
        year = int(period[:4])
        return int(rule.get("vanaf", year)) <= year <= int(rule.get("tot", year))
    for r in run.real(proof["dataset"]):
        if r.get("periode", "")[: len(period)] != period:
            continue
        if "indicator" not in proof or (
            r.get("indicator") == proof["indicator"] and float(r.get("waarde") or 0) > 0
        ):
            return True
    return False


def agenda_status(run: Run) -> Produced:
    """A status per action point and period: progress only once it is planned; done stays done;
    what the plan or the edition's other data say wins over the draw."""
    cfg = run.settings("agenda_status")
    rng = run.random(cfg["zaad"])
    moves = {st: (list(nxt), list(nxt.values())) for st, nxt in cfg["overgangen"].items()}
    rules = {r["actie"]: r for r in cfg["afgeleid"]}
    planned = planned_years(run)
    rows = []
    for aid in sorted(planned):
        st = "gepland"
        for per in (str(p) for p in cfg["perioden"]):
            if per in planned[aid] or st != "gepland":
                options, chances = moves[st]
                st = str(rng.choice(options, p=chances))
            rule = rules.get(aid)
            if rule and st not in rule["toegestaan"] and rule_applies(run, rule, per):
                st = rule["anders"]
            rows.append({"actie_id": aid, "periode": per, "status": st})
    texts = {r["actie_id"]: r["actiepunt"] for r in run.real("uitvoeringsagenda")}
    derived = "; ".join(
        f"{texts.get(r['actie'], r['actie'])}: {r['reden']}" for r in cfg["afgeleid"]
    )
    return Produced(rows, {"actiepunten": len(planned), "afgeleid": derived})
