"""Tests for analysis.topics.agenda: planned years, tables per theme, status and schedule per period."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.core.errors import DataError
from analysis.core.provenance import Provenance
from analysis.present import actions, tables
from analysis.topics import agenda


@pytest.fixture
def agenda_long() -> pd.DataFrame:
    """Four action points in two themes, long form (one row per planned year)."""
    rows = [
        ("A1", "Hoofdstuk 3", "Mantelzorg", "Respijtzorg", [2025]),
        ("A2", "Hoofdstuk 3", "Mantelzorg", "Platform", [2025, 2026, 2027, 2028]),
        ("B1", "Hoofdstuk 5", "Wonen ouderen", "Nultredenwoningen", [2026, 2027]),
        ("B2", "Hoofdstuk 5", "Wonen ouderen", "Doorstroming", [2025, 2026]),
    ]
    recs = [
        {"id": i, "hoofdstuk": h, "thema": t, "actiepunt": a, "jaar": y}
        for i, h, t, a, ys in rows
        for y in ys
    ]
    df = pd.DataFrame(recs)
    df.attrs["dataset"] = "uitvoeringsagenda"
    return df


@pytest.fixture
def status() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["A1", "A2", "B2", "A1", "A2", "B1", "B2"],
            "periode": ["2025H1", "2025H1", "2025H1", "2025H2", "2025H2", "2026", "2026"],
            "status": ["gepland", "lopend", "gepland", "lopend", "lopend", "lopend", "gereed"],
        }
    )


def test_planned_years_long_wide_and_text_agree(agenda_long):
    wide = pd.DataFrame(
        {
            "actie_id": ["A1", "A2", "B1", "B2"],
            "thema": ["Mantelzorg", "Mantelzorg", "Wonen ouderen", "Wonen ouderen"],
            "tekst": ["Respijtzorg", "Platform", "Nultredenwoningen", "Doorstroming"],
            "2025": ["x", "x", "", "X"],
            "2026": ["", "x", "x", "x"],
            "2027": ["", "x", "x", ""],
            "2028": ["", "x", "", ""],
        }
    )
    text = pd.DataFrame(
        {
            "id": ["A1", "A2", "B1", "B2"],
            "thema": ["Mantelzorg", "Mantelzorg", "Wonen ouderen", "Wonen ouderen"],
            "actiepunt": ["Respijtzorg", "Platform", "Nultredenwoningen", "Doorstroming"],
            "jaren": ["2025", "2025-2028", "2026;2027", "2025, 2026"],
        }
    )
    expected = [("A1", 2025), ("A2", 2025), ("A2", 2026), ("A2", 2027), ("A2", 2028)]
    expected += [("B1", 2026), ("B1", 2027), ("B2", 2025), ("B2", 2026)]
    for df in (agenda_long, wide, text):
        got = agenda.planned_years(df)
        assert list(zip(got["id"], got["jaar"], strict=True)) == expected
        assert list(got.columns) == ["id", "hoofdstuk", "thema", "actiepunt", "jaar"]


def test_planned_years_long_with_gepland_flag():
    df = pd.DataFrame(
        {
            "id": ["A", "A", "A"],
            "thema": ["t"] * 3,
            "actiepunt": ["a"] * 3,
            "jaar": ["2025", "2026", "2027"],
            "gepland": ["ja", "nee", "ja"],
        }
    )
    assert agenda.planned_years(df)["jaar"].tolist() == [2025, 2027]


def test_planned_years_without_years_is_an_error():
    with pytest.raises(DataError, match="geen geplande jaren"):
        agenda.planned_years(pd.DataFrame({"id": ["A"], "thema": ["t"], "actiepunt": ["a"]}))


def test_years_text():
    assert agenda.years_text([2028, 2025, 2026, 2027]) == "2025-2028"
    assert agenda.years_text([2025, 2027]) == "2025, 2027"
    assert agenda.years_text([]) == "–"


def test_themes_in_plan_order(agenda_long):
    assert agenda.themes(agenda_long) == ["Mantelzorg", "Wonen ouderen"]


def test_action_points_one_theme(agenda_long):
    t = agenda.action_points(agenda_long, "mantelzorg")
    assert list(t.columns) == ["Nr.", "Thema", "Actiepunt", "Gepland"]
    assert t.values.tolist() == [
        ["A1", "Mantelzorg", "Respijtzorg", "2025"],
        ["A2", "Mantelzorg", "Platform", "2025-2028"],
    ]


def test_action_points_by_chapter_list_and_all(agenda_long):
    assert agenda.action_points(agenda_long, "hoofdstuk 5")["Nr."].tolist() == ["B1", "B2"]
    both = agenda.action_points(agenda_long, ["Mantelzorg", "Wonen ouderen"])
    assert len(both) == 4 == len(agenda.action_points(agenda_long))


def test_action_points_per_year_columns(agenda_long):
    t = agenda.action_points(agenda_long, "Wonen ouderen", per_jaar=True)
    assert list(t.columns)[-4:] == ["2025", "2026", "2027", "2028"]
    assert t.loc[0, ["2025", "2026", "2027", "2028"]].tolist() == ["", "x", "x", ""]


def test_action_points_unknown_theme_lists_existing(agenda_long):
    with pytest.raises(DataError, match="Mantelzorg; Wonen ouderen"):
        agenda.action_points(agenda_long, "Dementie")


def test_action_points_html_accessible_and_escaped(agenda_long):
    html = actions.action_points_html(agenda_long, "Mantelzorg")
    assert "<caption>Actiepunten uit de uitvoeringsagenda: Mantelzorg</caption>" in html
    assert '<th scope="col">Gepland</th>' in html
    assert '<th scope="row">A1</th>' in html
    t = pd.DataFrame({"a": ["<b>"]})
    assert "&lt;b&gt;" in tables.table_html(t, "c")


def test_latest_status_takes_last_subperiod_up_to_period(status):
    got = agenda.latest_status(status, "2025")
    assert dict(zip(got["id"], got["status"], strict=True)) == {
        "A1": "lopend",
        "A2": "lopend",
        "B2": "gepland",
    }
    got26 = agenda.latest_status(status, 2026)
    assert dict(zip(got26["id"], got26["status_periode"], strict=True))["B2"] == "2026"


def test_latest_status_refuses_unknown_status():
    s = pd.DataFrame({"id": ["A"], "periode": ["2025"], "status": ["klaar"]})
    with pytest.raises(DataError, match="onbekende status"):
        agenda.latest_status(s, 2025)


@pytest.mark.parametrize(
    ("first", "last", "status", "expected"),
    [
        (2025, 2028, "lopend", "op schema"),
        (2025, 2025, "lopend", "achter op schema"),  # should have been finished in 2025
        (2025, 2028, "gepland", "achter op schema"),  # due but not started
        (2025, 2028, "vertraagd", "achter op schema"),
        (2025, 2025, "gereed", "gereed"),
        (2025, 2025, "vervallen", "vervallen"),
        (2026, 2027, "gepland", "nog niet aan de beurt"),
        (2026, 2027, None, "nog niet aan de beurt"),
        (2025, 2026, None, "status onbekend"),
    ],
)
def test_schedule_state(first, last, status, expected):
    assert agenda.schedule_state(first, last, status, "2025") == expected


def test_status_for_period_2025(agenda_long, status):
    s = agenda.status_for_period(agenda_long, status, "2025")
    assert s["id"].tolist() == ["A1", "A2", "B1", "B2"]
    assert s["schema"].tolist() == [
        "achter op schema",  # A1: only 2025, still lopend
        "op schema",  # A2: 2025-2028, lopend
        "nog niet aan de beurt",  # B1: from 2026
        "achter op schema",  # B2: due in 2025, still gepland
    ]
    assert s["te_laat"].tolist() == [True, False, False, True]
    assert s.loc[1, "gepland"] == "2025-2028"


def test_status_for_period_unknown_action_point(agenda_long):
    s = pd.DataFrame({"id": ["Z9"], "periode": ["2025"], "status": ["lopend"]})
    with pytest.raises(DataError, match="Z9"):
        agenda.status_for_period(agenda_long, s, 2025)


def test_action_points_with_status(agenda_long, status):
    t = agenda.action_points(agenda_long, "Wonen ouderen", df_status=status, periode="2025")
    assert t["Status 2025"].tolist() == ["niet gemeld", "gepland"]
    assert t["Schema"].tolist() == ["nog niet aan de beurt", "achter op schema"]
    html = actions.action_points_html(agenda_long, "Wonen ouderen", df_status=status, periode=2025)
    assert html.count('class="wmo-achter"') == 1
    # the plan's columns are real; the reported status of a stand-in is marked
    status.attrs["herkomst"] = Provenance.dataset("agenda_status", synthetic=True)
    html = actions.action_points_html(agenda_long, "Wonen ouderen", df_status=status, periode=2025)
    assert 'data-herkomst="synthetisch">achter op schema<sup' in html
    assert 'data-herkomst="synthetisch">2025' not in html


def test_progress_by_theme(agenda_long, status):
    p = agenda.progress_by_theme(agenda.status_for_period(agenda_long, status, "2025"))
    assert p["Thema"].tolist() == ["Mantelzorg", "Wonen ouderen", "Totaal"]
    assert p["Actiepunten"].tolist() == [2, 2, 4]
    assert p["Aan de beurt"].tolist() == [2, 1, 3]
    assert p["% gereed of op schema"].tolist() == [50.0, 0.0, pytest.approx(100 / 3)]
    assert p["% achter op schema"].tolist() == [50.0, 100.0, pytest.approx(200 / 3)]


def test_schedule_summary_and_counts(agenda_long, status):
    s = agenda.status_for_period(agenda_long, status, "2026")
    r = agenda.schedule_summary(s)
    # 2026: A1 (2025 only) lopend -> achter; A2 lopend -> op schema; B1 lopend (2026-27) -> op
    # schema; B2 gereed.
    assert (r["achter"], r["op_schema"], r["gereed"], r["aan_de_beurt"]) == (1, 2, 1, 4)
    assert r["pct_op_schema"] == 75.0
    assert agenda.schedule_summary(s.iloc[0:0])["pct_achter"] is None
    c = agenda.status_counts(s)
    assert dict(zip(c["Status"], c["Actiepunten"], strict=True)) == {
        "gepland": 0,
        "lopend": 3,
        "gereed": 1,
        "vertraagd": 0,
        "vervallen": 0,
    }


def test_status_history(agenda_long, status):
    h = agenda.status_history(agenda_long, status)
    assert h["Periode"].unique().tolist() == ["2025H1", "2025H2", "2026"]
    row = h[(h["Periode"] == "2025H1") & (h["Status"] == "gepland")]
    assert row["Actiepunten"].item() == 2
    assert len(h) == 3 * 5


def test_chapter_helpers(agenda_long, status):
    stand = agenda.status_for_period(agenda_long, status, "2025")
    p = agenda.progress_by_theme(stand)
    top = agenda.most_behind_theme(p)
    # tie (1 each): the first theme in plan order wins
    assert top == {"Thema": "Mantelzorg", "achter op schema": 1}
    assert (
        agenda.progress_title(p) == "Meeste actiepunten achter op schema bij het thema ‘Mantelzorg’"
    )
    data = agenda.progress_chart_data(p)
    assert data.values.tolist() == [["Mantelzorg", 50.0], ["Wonen ouderen", 0.0]]
    assert "Mantelzorg: 50%" in agenda.progress_description(p, 2025)
    html = actions.progress_html(p, 2025, bron="params")
    assert '<th scope="col">Achter op schema</th>' in html and "<td>50%</td>" in html
    assert "Vervallen" not in html  # no theme has a dropped point
    assert "Vervallen" in actions.progress_html(p.assign(vervallen=1), 2025, bron="params")
    od = agenda.overdue(stand)
    assert od["Nr."].tolist() == ["A1", "B2"]
    assert od["Waarom"].tolist() == [
        "gepland tot en met 2025, nog niet gereed",
        "aan de beurt sinds 2025, nog niet begonnen",
    ]
    assert actions.overdue_html(stand, 2025, bron="params").count("<tr") == 3  # header + 2 rows
    h = agenda.status_history(agenda_long, status)
    assert agenda.history_title(h) == "Aantal actiepunten gereed van 0 naar 1"
    flat = h[h["Periode"] != "2026"]
    assert agenda.history_title(flat) == "Nog geen actiepunt gereed; 2 lopend in 2025H2"
    assert agenda.history_description(h).startswith("Staafdiagram")
