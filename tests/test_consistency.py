"""Stand-in statuses never contradict the edition or the plan (issue 14.4).

The rules are stated here in the plan's and the data's terms (action texts, not ids), independent of
the generator's own rule list in ``data/bronnen/standin.yml``.
"""

from __future__ import annotations

import shutil

import pandas as pd

from analysis.data import datasets as data
from analysis.data.sources.synthetic import start
from analysis.data.sources.synthetic.agenda import agenda_status
from tests.conftest import ROOT

DATA = ROOT / "data"
NOT_STARTED = {"gepland", "vervallen"}  # "nog niet begonnen" or dropped: contradicts activity


def load(name: str) -> pd.DataFrame:
    return data.load(name, folder=DATA)


def statuses() -> pd.DataFrame:
    """Status per action point (rows) and period (columns), with the action's text."""
    s = load("agenda_status").pivot(index="actie_id", columns="periode", values="status")
    a = load("uitvoeringsagenda").drop_duplicates("actie_id").set_index("actie_id")
    return s.join(a[["actiepunt"]])


def actions(text: str) -> list[str]:
    s = statuses()
    found = list(s.index[s["actiepunt"].str.contains(text, regex=False)])
    assert found, text
    return found


def periods() -> list[str]:
    return sorted(set(load("agenda_status")["periode"]))


def test_client_satisfaction_is_measured_in_every_year_with_a_survey():
    surveyed = set(load("clientervaring")["periode"])
    s = statuses()
    for per in periods():
        if per in surveyed:
            for aid in actions("Continu meten cliënttevredenheid"):
                assert s.loc[aid, per] not in NOT_STARTED | {"vertraagd"}, (aid, per)


def test_volunteer_desk_is_active_while_it_makes_matches():
    v = load("vrijwilligerscentrale")
    active = set(v[(v.indicator == "matches") & (v.waarde > 0)]["periode"])
    s = statuses()
    for per in periods():
        if per in active:
            for aid in actions("vrijwilligerspunt"):
                assert s.loc[aid, per] not in NOT_STARTED, (aid, per)


def test_what_the_plan_says_has_started_is_not_waiting_to_start():
    s = statuses()
    for aid in actions("(gestart 2024)"):  # the plan: started in 2024
        assert not set(s.loc[aid, periods()]) & NOT_STARTED, aid
    for aid in actions("budgetsubsidie WIJ"):  # the subsidy agreements run 2025-2028
        assert not set(s.loc[aid, [p for p in periods() if "2025" <= p <= "2028"]]) & NOT_STARTED


def test_young_carers_support_is_running_while_young_carers_are_reached():
    m = load("mantelzorgondersteuning")
    reached = set(m[(m.indicator == "bereikte jonge mantelzorgers") & (m.waarde > 0)]["periode"])
    s = statuses()
    for per in set(periods()) & reached:
        for aid in actions("jonge mantelzorgers"):
            assert s.loc[aid, per] not in NOT_STARTED, (aid, per)


def test_progress_only_once_planned_and_done_stays_done():
    s = load("agenda_status").pivot(index="actie_id", columns="periode", values="status")
    plan = load("uitvoeringsagenda")
    planned = plan[plan.gepland == "ja"].groupby("actie_id")["jaar"].apply(set)
    pers = periods()
    for aid, row in s.iterrows():
        for before, after in zip(pers, pers[1:], strict=False):
            if row[before] in ("gereed", "vervallen"):
                assert row[after] == row[before], aid
        first = pers[0]
        if first not in planned.get(aid, set()) and aid not in actions("(gestart 2024)"):
            assert row[first] == "gepland", aid


def test_the_status_follows_the_data_it_is_generated_with(tmp_path):
    """Without a survey in 2025 the draw stands; with one, measurement runs (derived, not typed)."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    ids = actions("Continu meten cliënttevredenheid")

    def status_2025() -> dict[str, str]:
        made = pd.DataFrame(agenda_status(start(folder)).rows)
        sel = made[made.actie_id.isin(ids) & (made.periode == "2025")]
        return dict(zip(sel.actie_id, sel.status, strict=True))

    with_survey = status_2025()
    survey = folder / "clientervaring.csv"
    lines = survey.read_text(encoding="utf-8").splitlines()
    survey.write_text("\n".join(ln for ln in lines if ",2025," not in ln) + "\n", encoding="utf-8")
    without = status_2025()
    assert set(with_survey.values()) == {"lopend"}
    assert without != with_survey and "gepland" in without.values()
