"""Tests for analysis.topics.costs: expenditure totals, deviation, per inhabitant/client, references."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.core.errors import DataError
from analysis.topics import costs


def _uitgaven() -> pd.DataFrame:
    rows = [
        ("GM1", 2023, "HH", "begroot", 100),
        ("GM1", 2023, "HH", "gerealiseerd", 110),
        ("GM1", 2023, "OT", "begroot", 200),
        ("GM1", 2023, "OT", "gerealiseerd", 190),
        ("GM1", 2024, "HH", "begroot", 120),
        ("GM1", 2024, "HH", "gerealiseerd", 150),
        ("GM2", 2024, "HH", "gerealiseerd", 999),
    ]
    d = pd.DataFrame(rows, columns=["gemeente_code", "periode", "type", "soort", "waarde"])
    d["status"] = "definitief"
    return d


def test_expenditure_totals():
    e = costs.expenditure(_uitgaven(), "GM1")
    tot = e[e["type"] == costs.TOTAAL].set_index(["periode", "soort"])["waarde"]
    assert tot[("2023", "begroot")] == 300
    assert tot[("2023", "gerealiseerd")] == 300
    assert tot[("2024", "gerealiseerd")] == 150
    assert set(e["periode"]) == {"2023", "2024"}
    with pytest.raises(DataError):
        costs.expenditure(_uitgaven(), "GM9")


def test_budget_deviation():
    dev = costs.budget_deviation(costs.expenditure(_uitgaven(), "GM1")).set_index(
        ["periode", "type"]
    )
    assert dev.loc[("2023", "HH"), "verschil"] == 10
    assert dev.loc[("2023", "HH"), "verschil_pct"] == pytest.approx(10.0)
    assert dev.loc[("2023", "OT"), "verschil_pct"] == pytest.approx(-5.0)
    assert dev.loc[("2024", "HH"), "verschil_pct"] == pytest.approx(25.0)


def test_per_inhabitant():
    e = costs.expenditure(_uitgaven(), "GM1")
    pi = costs.per_inhabitant(e, pd.Series({2023: 1000.0}))
    # 2024 has no population: dropped; 300 (k euro) / 1000 inhabitants = 300 euro
    assert set(pi["periode"]) == {"2023"}
    row = pi[(pi["type"] == costs.TOTAAL) & (pi["soort"] == "gerealiseerd")].iloc[0]
    assert row["euro_per_inwoner"] == pytest.approx(300.0)


def test_per_client_uses_yearly_totals_and_excl_verblijf():
    e = costs.expenditure(_uitgaven(), "GM1")
    c = pd.DataFrame(
        {
            "gemeente_code": ["GM1"] * 5 + ["GM2"],
            "periode": ["2023", "2023", "2023", "2023H1", "2023", "2023"],
            "type": ["HH", "Totaal exclusief verblijf en opvang", "HH", "HH", "Totaal", "HH"],
            "leeftijd": ["totaal", "totaal", "75+", "totaal", "totaal", "totaal"],
            "aantal": [55, 150, 30, 40, 160, 1],
        }
    )
    pc = costs.per_client(e, c, "GM1").set_index("type")
    assert pc.loc["HH", "euro_per_client"] == pytest.approx(2000.0)  # 110 k / 55
    assert pc.loc[costs.TOTAAL, "euro_per_client"] == pytest.approx(2000.0)  # 300 k / 150
    assert len(pc) == 2


def test_growth():
    assert costs.growth(pd.Series({"2019": 200.0, "2024": 250.0}), "2019", "2024") == pytest.approx(
        25.0
    )


def test_earlier_plan_budget():
    d = pd.DataFrame(
        {
            "gemeente_code": "GM1",
            "periode": [2019, 2019, 2019, 2019, 2020],
            "post": [
                "begroting/meerjarenraming Wmo 2007",
                "begroting/meerjarenraming Wmo 2015",
                "begroting/meerjarenraming Wmo 2015",
                "begroot 2019 Wmo 2015: inloop GGZ",
                "begroting/meerjarenraming Wmo 2007",
            ],
            "soort": ["begroting", "begroting", "geactualiseerd", "begroting", "begroting"],
            "waarde": [1_000_000, 2_000_000, 5, 80_000, 1_500_000],
        }
    )
    assert costs.earlier_plan_budget(d, "GM1").values.tolist() == [
        ["2019", 3000.0],
        ["2020", 1500.0],
    ]
    with pytest.raises(DataError):
        costs.earlier_plan_budget(d, "GM9")


def test_national_reference_found_or_none():
    p = pd.DataFrame(
        {
            "regio_code": ["NL01", "NL01", "GM1"],
            "indicator": [
                "Wmo-uitgaven gerealiseerd (mln euro)",
                "Wmo-uitgaven gerealiseerd per 1 000 inwoners",
                "Wmo-uitgaven gerealiseerd per 1 000 inwoners",
            ],
            "periode_tekst": ["2023", "2023*", "2023"],
            "waarde": [5484, 308, 400],
            "eenheid": ["mln euro", "k€ per 1 000 inwoners", "k€ per 1 000 inwoners"],
            "bron": ["a", "b", "c"],
        }
    )
    ref = costs.national_reference(p)
    assert ref["euro_per_inwoner"] == 308.0 and ref["periode"] == "2023" and ref["bron"] == "b"
    assert costs.national_reference(p.iloc[[0, 2]]) is None


def test_key_indicator_registered():
    from analysis.topics.indicators import registry

    assert registry()["wmo_uitgaven_per_inwoner"].hoofdstuk == "chapters/uitgaven"


def test_reference_chart_data():
    e = costs.expenditure(_uitgaven(), "GM1")
    b = pd.DataFrame({"periode": ["2023"], "waarde": [250.0]})
    cd = costs.reference_chart_data(e, b)
    assert len(cd) == 5  # begroot + gerealiseerd in 2023 and 2024, 1 plan year
    plan = cd[cd["Reeks"] == "Wmo-begroting vorig beleidsplan"]
    assert plan["Uitgaven (duizend euro)"].tolist() == [250.0]


def test_financing_split():
    d = pd.DataFrame(
        {
            "gemeente_code": "GM1",
            "periode": [2019] * 4,
            "post": ["hh (PGB)", "hh (ZIN)", "begeleiding PGB", "inloop GGZ"],
            "soort": "begroting",
            "waarde": [100_000, 1_500_000, 400_000, 80_000],
        }
    )
    s = costs.financing_split(d, "GM1").iloc[0]
    assert (s["zin"], s["pgb"], s["aandeel_pgb"]) == (1500.0, 500.0, 25.0)
    with pytest.raises(DataError):
        costs.financing_split(d.iloc[[3]], "GM1")


def test_national_text():
    assert "ontbreekt" in costs.national_text(None, 200.0, "2025")
    t = costs.national_text({"periode": "2023", "euro_per_inwoner": 308.0}, 1234.0, "2023")
    assert "€ 308" in t and "€ 1.234" in t


def test_chart_table():
    e = costs.expenditure(_uitgaven(), "GM1")
    t = costs.chart_table(e, "waarde", "Uitgaven")
    assert set(t.columns) == {"Jaar", "Type", "Uitgaven"}
    assert t[(t["Jaar"] == "2023") & (t["Type"] == costs.TOTAAL)]["Uitgaven"].tolist() == [300.0]
    pc = pd.DataFrame({"periode": ["2023"], "type": ["HH"], "euro_per_client": [2000.0]})
    assert costs.chart_table(pc, "euro_per_client", "Euro").values.tolist() == [
        ["2023", "HH", 2000.0]
    ]
    assert costs.TOTAAL not in set(costs.chart_table(e, "waarde", "Uitgaven", totaal=False)["Type"])
    both = costs.chart_table(e, "waarde", "Uitgaven", soort=None)
    assert "HH, begroot" in set(both["Type"])


def test_total_chart_table():
    e = costs.per_inhabitant(costs.expenditure(_uitgaven(), "GM1"), pd.Series({"2023": 1000.0}))
    t = costs.total_chart_table(e, "euro_per_inwoner", "Euro per inwoner")
    assert t.values.tolist() == [["2023", "Begroot", 300.0], ["2023", "Gerealiseerd", 300.0]]


def test_inhabitants_from_population():
    from types import SimpleNamespace

    bev = pd.DataFrame(
        {
            "gemeente_code": "GM1",
            "periode": ["2024", "2024", "2025", "2025"],
            "leeftijd": ["0-64", "65+", "0-64", "65+"],
            "geslacht": "totaal",
            "waarde": [800, 200, 790, 230],
            "eenheid": "personen",
        }
    )
    ctx = SimpleNamespace(load=lambda name: bev, code="GM1")
    inw, loaded = costs.inhabitants(ctx)
    assert inw.to_dict() == {"2024": 1000.0, "2025": 1020.0}
    assert loaded is bev
