"""Tests for the chart helpers of analysis.topics.wmo: chart series (suppressed, labelled), the position of
the CBS method break and the rule that marks it. Fixtures are small enough to check by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.present import charts
from analysis.topics import wmo

PRIV = {"min_cel": 10, "afronding": 5}


def _half_years() -> pd.DataFrame:
    rows = [
        # periode, type, aantal, per_1000, status
        ("2024H1", "Hulp bij het huishouden", 52, 26.0, "definitief"),
        ("2024H1", "Totaal", 102, 51.0, "definitief"),
        ("2024H2", "Totaal", 108, 54.0, "voorlopig"),
        ("2024H2", "Verblijf en opvang, totaal", 4, 2.0, "voorlopig"),
        ("2024", "Totaal", 130, 65.0, "voorlopig"),  # a year: never in a half-year series
    ]
    d = pd.DataFrame(rows, columns=["periode", "type", "aantal", "per_1000", "status"])
    return d.assign(gemeente_code="GM1", leeftijd="totaal")


def test_chart_series_suppresses_labels_and_orders():
    s = wmo.chart_series(_half_years(), "GM1", PRIV, soort="halfjaar")
    # half-years only; totals before the types within a period (CBS order)
    assert s["Periode"].tolist() == [
        "2024-1e half",
        "2024-1e half",
        "2024-2e half*",
        "2024-2e half*",
    ]
    assert s["Type"].tolist() == [
        "Totaal",
        "Hulp bij het huishouden",
        "Totaal",
        "Verblijf en opvang",
    ]
    # 102 -> 100, 52 -> 50, 108 -> 110 (rounded to 5); 4 is below 10: count and rate hidden
    assert s["Aantal"].tolist()[:3] == [100, 50, 110]
    assert pd.isna(s["Aantal"].iloc[3]) and pd.isna(s["Per duizend inwoners"].iloc[3])
    assert s["Per duizend inwoners"].iloc[0] == 51.0


def test_chart_series_years_only():
    s = wmo.chart_series(_half_years(), "GM1", PRIV, soort="jaar")
    assert s["Periode"].tolist() == ["2024*"]
    assert s["Aantal"].tolist() == [130]


def test_break_position():
    assert wmo.break_position(["2024-1e half", "2024-2e half*", "2025-1e half*"]) == "2024-2e half*"
    assert wmo.break_position(["2023", "2024*"]) == "2024*"
    assert wmo.break_position(["2025-1e half*"]) == "2025-1e half*"  # series starts after the break
    assert wmo.break_position(["2019", "2023"]) is None


def _figure() -> charts.Figure:
    d = pd.DataFrame(
        {"Periode": ["2024-1e half", "2024-2e half*"], "Per duizend inwoners": [1.0, 2.0]}
    )
    return charts.line_chart(
        d,
        name="t",
        x="Periode",
        y="Per duizend inwoners",
        title="Titel",
        subtitle="eenheid",
        description="Beschrijving.",
    )


def test_mark_method_break_adds_rule_once_and_keeps_title_outside():
    fig = charts.mark_method_break(_figure(), "2024-2e half*")
    spec = fig.spec()
    marks = [
        layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]
        for layer in spec["layer"]
    ]
    assert marks == ["line", "rule", "text"]
    # title and description on the outer chart only, so the book shows them once
    assert spec["title"]["text"] == "Titel"
    assert spec["description"] == "Beschrijving."
    assert "title" not in spec["layer"][0]
    assert "title" not in fig.render_spec()
    # the table and metadata of the figure are unchanged
    assert fig.table.shape == (2, 2) and fig.name == "t"


def test_mark_method_break_without_position_is_a_no_op():
    fig = _figure()
    assert charts.mark_method_break(fig, None) is fig


def test_mark_method_break_rule_sits_at_the_given_period():
    spec = charts.mark_method_break(_figure(), "2024-2e half*").spec()
    data = spec["datasets"]
    rule_data = [v for v in data.values() if v and "Opmerking" in v[0]]
    assert rule_data == [
        [{"Periode": "2024-2e half*", "Opmerking": "methodewijziging CBS dec. 2024"}]
    ]


@pytest.mark.parametrize("label", ["2024-1e half", "2023-2e half*"])
def test_break_not_before_second_half_2024(label):
    assert wmo.break_position([label]) is None


def test_chart_field_names_have_no_dot():
    # Vega-Lite reads "Per 1.000 inwoners" as a nested field and draws nothing (regression)
    cols = list(wmo.chart_series(_half_years(), "GM1", PRIV).columns)
    assert wmo.PER_1000 in cols
    assert not any("." in c for c in cols)
