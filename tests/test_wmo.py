"""Tests for analysis.topics.wmo: rates with the right denominators and the CBS counting rules."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.core.errors import DataError
from analysis.present import charts
from analysis.topics import wmo

PRIV = {"min_cel": 10, "afronding": 5}


def _clients() -> pd.DataFrame:
    rows = [
        # year 2024: totals and types (a person with several types counts once in Totaal)
        ("GM1", "2024", wmo.TOTAAL, "totaal", 100, 50.0, "voorlopig"),
        ("GM1", "2024", wmo.TOTAAL_EXCL, "totaal", 96, 48.0, "voorlopig"),
        ("GM1", "2024", wmo.HBH, "totaal", 60, 30.0, "voorlopig"),
        ("GM1", "2024", wmo.OT, "totaal", 30, 15.0, "voorlopig"),
        ("GM1", "2024", wmo.HMD, "totaal", 40, 20.0, "voorlopig"),
        ("GM1", "2024", wmo.VO, "totaal", 4, 2.0, "voorlopig"),
        ("GM1", "2024", wmo.TOTAAL, "0-64", 30, None, "voorlopig"),
        ("GM1", "2024", wmo.TOTAAL, "75+", 70, None, "voorlopig"),
        ("GM1", "2024H1", wmo.TOTAAL, "totaal", 80, 40.0, "voorlopig"),
        ("GM1", "2024H2", wmo.TOTAAL, "totaal", 85, 42.5, "voorlopig"),
        ("GM1", "2023", wmo.TOTAAL, "totaal", 90, 45.0, "definitief"),
        ("GM1", "2023", wmo.TOTAAL_EXCL, "totaal", 88, 44.0, "definitief"),
        ("GM1", "2023H1", wmo.TOTAAL, "totaal", 70, 35.0, "definitief"),
        ("GM1", "2023H2", wmo.TOTAAL, "totaal", 95, 47.5, "definitief"),  # H2 > year: wrong
        ("GM2", "2024", wmo.TOTAAL_EXCL, "totaal", 500, 60.0, "voorlopig"),
    ]
    cols = ["gemeente_code", "periode", "type", "leeftijd", "aantal", "per_1000", "status"]
    return pd.DataFrame(rows, columns=cols)


def _pop() -> pd.DataFrame:
    rows = []
    for year, k in [(2023, 1.0), (2024, 1.0)]:
        for label, v in [("0-64", 1500), ("65-74", 300), ("75-84", 150), ("85+", 50)]:
            rows.append(("GM1", year, label, "totaal", v * k))
            rows.append(("GM1", year, label, "mannen", v * k / 2))
    return pd.DataFrame(
        rows, columns=["gemeente_code", "periode", "leeftijd", "geslacht", "waarde"]
    )


def test_period_kind_and_label():
    assert wmo.period_kind("2024") == "jaar"
    assert wmo.period_kind("2024H2") == "halfjaar"
    with pytest.raises(ValueError):
        wmo.period_kind("2024K1")
    assert wmo.period_label("2024H1", "voorlopig") == "2024-1e half*"
    assert wmo.period_label("2023", "definitief") == "2023"


def test_group_population_denominators():
    g = wmo.group_population(_pop(), "GM1", ["0-64", "75+", "totaal"])
    g = g[g["periode"] == "2024"].set_index("leeftijd")["inwoners"]
    assert g["0-64"] == 1500
    assert g["75+"] == 200  # 150 + 50, not the mannen rows
    assert g["totaal"] == 2000
    with pytest.raises(ValueError):
        wmo.group_population(_pop(), "GM1", ["70+"])  # 65-74 straddles 70


def test_add_rates_uses_group_population_and_keeps_cbs_rate():
    r = wmo.add_rates(_clients(), _pop(), "GM1").set_index(["periode", "type", "leeftijd"])
    # age group: 70 clients / 200 residents aged 75+ = 350 per 1,000 (not 70 / 2,000)
    assert r.loc[("2024", wmo.TOTAAL, "75+"), "per_1000"] == pytest.approx(350.0)
    assert r.loc[("2024", wmo.TOTAAL, "0-64"), "per_1000"] == pytest.approx(20.0)
    # half-year uses its year's population; published rate kept where present
    assert r.loc[("2024H1", wmo.TOTAAL, "totaal"), "inwoners"] == 2000
    assert r.loc[("2024", wmo.TOTAAL, "totaal"), "per_1000"] == 50.0
    assert r.loc[("2024", wmo.TOTAAL, "totaal"), "per_1000_berekend"] == pytest.approx(50.0)
    with pytest.raises(DataError):
        wmo.add_rates(_clients(), _pop(), "GM9")


def test_types_do_not_add_up_to_total():
    o = wmo.overlap(_clients(), "GM1", "2024")
    assert o["som_typen"] == 134  # 60 + 30 + 40 + 4
    assert o["totaal"] == 100
    assert o["verschil"] == 34
    with pytest.raises(DataError):
        wmo.overlap(_clients(), "GM1", "2019")


def test_year_is_not_sum_of_half_years():
    y = wmo.year_vs_halves(_clients(), "GM1").set_index("jaar")
    assert y.loc["2024", "som_halfjaren"] == 165
    assert y.loc["2024", "jaar_aantal"] == 100
    assert bool(y.loc["2024", "binnen_grenzen"]) is True
    assert bool(y.loc["2023", "binnen_grenzen"]) is False  # H2 95 > year 90


def test_series_never_mixes_years_and_half_years():
    s = wmo.series(_clients(), "GM1", soort="jaar", types=[wmo.TOTAAL])
    assert s["periode"].tolist() == ["2023", "2024"]
    h = wmo.series(_clients(), "GM1", soort="halfjaar", types=[wmo.TOTAAL], upto="2023")
    assert h["periode"].tolist() == ["2023H1", "2023H2"]


def test_latest_year_and_year_before():
    assert wmo.latest_year(_clients(), "GM1", "2025") == "2024"
    assert wmo.latest_year(_clients(), "GM1", "2023", soort="halfjaar") == "2023H2"
    assert wmo.latest_year(_clients(), "GM1", "2019") is None
    assert wmo.year_before("2025H1") == "2024H1"


def test_region_comparison_marks_provisional():
    nl = pd.DataFrame(
        {
            "gemeente_code": ["NL01"],
            "periode": ["2024"],
            "type": [wmo.TOTAAL_EXCL],
            "aantal": [1],
            "per_1000": [70.0],
            "status": ["voorlopig"],
        }
    )
    c = wmo.region_comparison(_clients(), nl, {"GM1": "A", "GM2": "B", "NL01": "Nederland"})
    got = {(p, r): v for p, r, v in c.itertuples(index=False)}
    assert got[("2023", "A")] == 44.0
    assert got[("2024*", "A")] == 48.0
    assert got[("2024*", "B")] == 60.0
    assert got[("2024*", "Nederland")] == 70.0


def test_type_table_suppresses_small_counts():
    t = wmo.type_table(_clients(), "GM1", "2024", PRIV).set_index("Type")
    assert t.loc["Totaal", "Aantal"] == 100
    assert t.loc["Totaal excl. verblijf en opvang", "Aantal"] == 95  # 96 rounded to 5
    assert pd.isna(t.loc["Verblijf en opvang", "Aantal"])
    assert pd.isna(t.loc["Verblijf en opvang", "Per duizend inwoners"])
    assert list(t.index[:2]) == ["Totaal", "Totaal excl. verblijf en opvang"]


def test_age_table_shares():
    t = wmo.age_table(_clients(), "GM1", "2024", PRIV).set_index("Leeftijd")
    assert t.loc["75+", "Aandeel (%)"] == 70.0
    assert t.loc["0-64", "Aantal"] == 30
    assert list(t.index) == ["0-64", "75+"]


def test_rate_lookup():
    assert wmo.rate(_clients(), "GM1", "2024", wmo.TOTAAL_EXCL) == 48.0
    assert wmo.rate(_clients(), "GM1", "2030", wmo.TOTAAL_EXCL) is None


def test_chart_series_suppresses_and_labels():
    c = wmo.chart_series(_clients(), "GM1", PRIV, soort="jaar", types=[wmo.TOTAAL, wmo.VO])
    got = {(p, t): (a, r) for p, t, a, r in c.itertuples(index=False)}
    assert got[("2024*", "Totaal")] == (100, 50.0)
    a, r = got[("2024*", "Verblijf en opvang")]
    assert pd.isna(a) and pd.isna(r)  # 4 clients: count and rate hidden
    assert ("2023", "Totaal") in got


def test_method_break_position_and_mark():
    from analysis.present.charts import line_chart

    labels = ["2024-1e half", "2024-2e half*", "2025-1e half*"]
    assert wmo.break_position(labels) == "2024-2e half*"
    assert wmo.break_position(["2022", "2023"]) is None
    d = pd.DataFrame({"Periode": labels, "Per duizend inwoners": [1.0, 2.0, 3.0]})
    f = line_chart(
        d, name="t", x="Periode", y="Per duizend inwoners", title="T", subtitle="s", description="d"
    )
    assert charts.mark_method_break(f, None) is f
    assert len(charts.mark_method_break(f, "2024-2e half*").spec()["layer"]) == 3


def test_format_table_and_status():
    t = wmo.format_table(
        wmo.type_table(_clients(), "GM1", "2024", PRIV), {"Per duizend inwoners": 1}
    )
    row = t.set_index("Type").loc["Verblijf en opvang"]
    assert row["Aantal"] == "< 10" and row["Per duizend inwoners"] == "–"
    assert t.set_index("Type").loc["Totaal", "Per duizend inwoners"] == "50,0"
    assert wmo.status(_clients(), "GM1", "2024") == "voorlopig"
    assert wmo.status(_clients(), "GM1", "2023") == "definitief"


# --- regression: the plan is quoted as a quote, intact (edition 2025: "omdat Het merendeel … [is]")


def test_plan_quote_whole_and_unedited():
    assert wmo.plan_quote("  Het merendeel is\n 75 jaar of ouder. ") == (
        "“Het merendeel is 75 jaar of ouder.”"
    )
    with pytest.raises(ValueError, match="bewerkt"):
        wmo.plan_quote("Het merendeel van Wmo gebruikers [is] 75 jaar of ouder.")
    with pytest.raises(ValueError, match="geen hele zin"):
        wmo.plan_quote("omdat het merendeel 75 jaar of ouder is")


def test_shipped_quote_is_whole_and_found_in_the_plan():
    import re
    from pathlib import Path

    from analysis.config.params import available_periods, load_params

    seed = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
    plan = sorted(seed.glob("000_*.txt"))
    for periode in available_periods():
        quote = load_params(periode).get("wmo.merendeel_75plus")
        shown = wmo.plan_quote(quote)  # raises on "[is]" or a sentence fragment
        assert shown.startswith("“") and shown.endswith(".”")
        if plan:  # the policy documents are not in a user's clone
            text = re.sub(r"-\n(?=[a-z])", "", plan[0].read_text(encoding="utf-8"))
            assert re.sub(r"\s+", " ", quote).strip() in re.sub(r"\s+", " ", text)
