"""Tests for analysis.topics.housing: older households vs stock, demand ratios, pooled small counts."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.core.errors import DataError, ParamsError
from analysis.core.numbers import parse_range
from analysis.topics import housing


@pytest.fixture
def households() -> pd.DataFrame:
    # 2020: 1000 households, 300 aged 65+, 150 75+, 40 85+; 2025: 1050, 360, 200, 50
    rows = []
    for per, vals in {"2020": [700, 150, 110, 40], "2025": [690, 160, 150, 50]}.items():
        for lab, v in zip(["0-64", "65-74", "75-84", "85+"], vals, strict=True):
            rows.append({"gemeente_code": "GM0001", "periode": per, "leeftijd": lab, "waarde": v})
        rows.append(
            {"gemeente_code": "GM0001", "periode": per, "leeftijd": "totaal", "waarde": sum(vals)}
        )
    rows.append({"gemeente_code": "NL01", "periode": "2020", "leeftijd": "85+", "waarde": 9})
    return pd.DataFrame(rows)


@pytest.fixture
def stock() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "gemeente_code": ["GM0001"] * 6,
            "periode": ["2020"] * 3 + ["2025"] * 3,
            "eigendom": ["koop", "huur", "totaal"] * 2,
            "waarde": [600, 400, 1000, 620, 405, 1025],
        }
    )


def test_older_households(households):
    h = housing.older_households(households, "GM0001")
    got = {(p, g): v for p, g, v in h.values.tolist()}
    assert got[("2020", "65+")] == 300
    assert got[("2020", "75+")] == 150
    assert got[("2020", "85+")] == 40
    assert got[("2025", "75+")] == 200
    assert got[("2025", "totaal")] == 1050


def test_older_households_straddling_group_is_an_error():
    d = pd.DataFrame(
        {
            "gemeente_code": ["GM1"] * 2,
            "periode": ["2024"] * 2,
            "leeftijd": ["0-69", "70+"],
            "waarde": [10, 5],
        }
    )
    with pytest.raises(DataError, match="deels onder 65"):
        housing.older_households(d, "GM1")


def test_older_households_restricts_other_breakdowns_to_total():
    d = pd.DataFrame(
        {
            "gemeente_code": ["GM1"] * 4,
            "periode": ["2024"] * 4,
            "leeftijd": ["65-74", "65-74", "0-64", "0-64"],
            "huishoudtype": ["alleenstaand", "totaal", "alleenstaand", "totaal"],
            "waarde": [3, 10, 5, 20],
        }
    )
    h = housing.older_households(d, "GM1", thresholds=(65,))
    assert h.set_index("groep")["waarde"].to_dict() == {"65+": 10.0, "totaal": 30.0}


def test_dwelling_stock_and_breakdown(stock):
    assert housing.dwelling_stock(stock, "GM0001").to_dict() == {"2020": 1000.0, "2025": 1025.0}
    b = housing.stock_breakdown(stock, "GM0001", "eigendom", "2020")
    assert b.values.tolist() == [["koop", 600.0, 60.0], ["huur", 400.0, 40.0]]


def test_households_vs_stock_and_growth_index(households, stock):
    h = housing.older_households(households, "GM0001")
    v = housing.households_vs_stock(h, housing.dwelling_stock(stock, "GM0001"))
    row = v[(v["periode"] == "2020") & (v["groep"] == "75+")].iloc[0]
    assert row["per_100_woningen"] == 15.0
    g = housing.growth_index(h, "2020")
    assert g[(g["periode"] == "2025") & (g["groep"] == "75+")]["index"].item() == pytest.approx(
        200 / 150 * 100
    )
    with pytest.raises(DataError, match="basisperiode 2019"):
        housing.growth_index(h, "2019")


def test_parse_and_format_ranges():
    assert parse_range("11-15") == (11.0, 15.0)
    assert parse_range("4 tot 6") == (4.0, 6.0)
    assert parse_range("12") == (12.0, 12.0)
    with pytest.raises(ValueError):
        parse_range("veel", strict=True)
    assert housing.range_text(1, 2) == "1 tot 2"
    assert housing.range_text(12, 12) == "12"


def test_demand_ratio_validation():
    with pytest.raises(ParamsError, match="laag ≤ midden ≤ hoog"):
        housing.DemandRatio("x", 50, 40, 60)
    r = housing.ratios_from_params(
        [{"woningtype": "nultreden", "laag": 60, "midden": 120, "hoog": 180, "per": 100}]
    )
    assert r[0].per == 100 and r[0].basis == "75+"


def test_demand_estimate_by_hand():
    ratios = [
        housing.DemandRatio("geclusterd", 25, 50, 75),  # per 1000 75+
        housing.DemandRatio("nultreden", 10, 20, 30, basis="65+", per=100),
    ]
    base = {
        "75+": pd.Series({"2025": 2000.0, "2030": 2400.0}),
        "65+": pd.Series({"2025": 5000.0}),
    }
    e = housing.demand_estimate(base, ratios)
    got = {(r.jaar, r.woningtype): (r.laag, r.midden, r.hoog) for r in e.itertuples()}
    assert got[("2025", "geclusterd")] == (50.0, 100.0, 150.0)
    assert got[("2030", "geclusterd")] == (60.0, 120.0, 180.0)
    assert got[("2025", "nultreden")] == (500.0, 1000.0, 1500.0)
    with pytest.raises(KeyError):
        housing.demand_estimate({"65+": pd.Series({"2025": 1.0})}, ratios[:1])
    long = housing.demand_long(e)
    assert set(long["Scenario"]) == {"laag", "midden", "hoog"}
    assert (long["Woningen"] % 5 == 0).all()


def test_pro_rata_and_implied_ratio():
    assert housing.pro_rata(170_000, 3_500, 1_400_000) == 425.0
    assert housing.implied_ratio(40_000, 1_400_000) == pytest.approx(28.571, abs=1e-3)
    with pytest.raises(ValueError):
        housing.pro_rata(1, 1, 0)


def test_pool_small_counts_pact_example():
    # The plan's published placements: 7 (2022) and 3 (2023); neither may be shown on its own.
    p = housing.pool_small_counts(pd.Series({"2022": 7, "2023": 3}))
    assert p[["periode", "jaren"]].values.tolist() == [["2022-2023", 2]]
    assert int(p["aantal"].iloc[0]) == 10
    assert float(p["per_jaar"].iloc[0]) == 5.0


def test_pool_small_counts_leftover_merges_and_rounds():
    # from the newest backwards: 2025 (11) alone; 2023+2024 (4+8=12); 2022 (2) merges into it
    p = housing.pool_small_counts(pd.Series({"2022": 2, "2023": 4, "2024": 8, "2025": 11}))
    assert p["periode"].tolist() == ["2022-2024", "2025"]
    assert p["aantal"].tolist() == [15, 10]  # 14 -> 15, 11 -> 10
    lone = housing.pool_small_counts(pd.Series({"2024": 3, "2025": 4}))
    assert lone["periode"].tolist() == ["2024-2025"] and lone["aantal"].isna().all()


def test_pooled_against_target():
    p = housing.pool_small_counts(pd.Series({"2022": 7, "2023": 3}))
    t = housing.pooled_against_target(p, 12)
    assert t["doel"].item() == 24.0
    assert t["pct_gerealiseerd"].item() == pytest.approx(10 / 24 * 100)


@pytest.mark.parametrize("periode", ["2024", "2025"])
def test_shipped_ratios_valid_and_midden_anchored_on_national_programme(periode):
    from analysis.config.params import load_params

    p = load_params(periode)
    ratios = housing.ratios_from_params(p.get("wonen.vraag.ratios"))
    prog = p.get("wonen.landelijk_programma")
    targets = {d["woningtype"]: d["aantal"] for d in prog["doelen"]}
    for r in ratios:
        implied = housing.implied_ratio(targets[r.woningtype], prog["basis_75plus"], r.per)
        assert r.midden == pytest.approx(implied, abs=1)
        assert r.laag == pytest.approx(r.midden / 2, abs=1)
        assert r.hoog == pytest.approx(r.midden * 1.5, abs=1)


@pytest.fixture
def doelgroepen() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doelgroep": ["psychisch kwetsbaar", "psychisch kwetsbaar", "kwetsbare jeugd"],
            "indicator": ["plekken beschermd (thuis) wonen", "pauzeplekken", "gevallen per jaar"],
            "waarde_min": [11, 1, 11],
            "waarde_max": [15, 2, 15],
            "eenheid": ["plekken", "plekken", "gevallen"],
        }
    )


def test_plan_figures_and_find_figure(doelgroepen):
    assert housing.find_figure(doelgroepen, "pauze") == (1.0, 2.0)
    assert housing.find_figure(doelgroepen, "gevallen", doelgroep="jeugd") == (11.0, 15.0)
    with pytest.raises(KeyError, match="0 rijen"):
        housing.find_figure(doelgroepen, "noodopvang")
    with pytest.raises(KeyError, match="2 rijen"):
        housing.find_figure(doelgroepen, "plek")
    t = housing.plan_figures(doelgroepen, "psychisch")
    assert t.values.tolist() == [
        ["plekken beschermd (thuis) wonen", "11 tot 15", "plekken"],
        ["pauzeplekken", "1 tot 2", "plekken"],
    ]


def test_range_chart_data_and_value_range():
    d = pd.DataFrame({"vorm": ["gespikkeld", "geclusterd"], "waarde": ["1 à 2", "4"]})
    assert housing.range_chart_data(d).values.tolist() == [
        ["gespikkeld", 1.0, 2.0, 1.5],
        ["geclusterd", 4.0, 4.0, 4.0],
    ]
    with pytest.raises(KeyError):
        housing.value_range({"iets": 1})


def test_yearly_series_and_latest():
    d = pd.DataFrame(
        {
            "indicator": ["aandeel sociale huur nieuwbouw"] * 2 + ["andere"],
            "periode": ["2024", "2025", "2025"],
            "waarde": [20.0, 35.0, 1.0],
        }
    )
    s = housing.yearly_series(d, "sociale huur")
    assert s.to_dict() == {"2024": 20.0, "2025": 35.0}
    assert housing.latest_at_or_before(s, "2024") == ("2024", 20.0)
    with pytest.raises(KeyError):
        housing.latest_at_or_before(s, "2020")
    with pytest.raises(KeyError):
        housing.yearly_series(d, "MRA")


def test_aged_series_uses_central_variant_and_totals():
    d = pd.DataFrame(
        {
            "gemeente_code": ["GM1"] * 5,
            "periode": ["2030"] * 5,
            "leeftijd": ["0-74", "75-84", "85+", "85+", "totaal"],
            "variant": ["prognose", "prognose", "prognose", "bovengrens", "prognose"],
            "waarde": [800, 150, 50, 70, 1000],
        }
    )
    assert housing.aged_series(d, "GM1", 75).to_dict() == {"2030": 200.0}
    with pytest.raises(DataError, match="centrale variant"):
        housing.aged_series(d.assign(variant="x"), "GM1", 75)


def test_pact_data_and_measure():
    d = pd.DataFrame(
        {
            "indicator": [
                "doel plaatsingen per jaar",
                "gerealiseerde plaatsingen",
                "gerealiseerde plaatsingen",
                "gerealiseerde plaatsingen",
                "gerealiseerde plaatsingen",
            ],
            "periode": ["2022", "2022", "2023", "2024", "2025"],
            "waarde": [12, 7, 3, 6, 5],
        }
    )
    target, real = housing.pact_data(d)
    assert target == 12.0 and real.to_dict() == {"2022": 7.0, "2023": 3.0, "2024": 6.0, "2025": 5.0}

    class Ctx:
        class params:  # noqa: N801 - mimics Params
            periode = "2025"
            privacy = {"min_cel": 10, "afronding": 5}

        def load(self, name):
            assert name == "uitstroom_pact"
            return d

    m = housing.pact_measure(Ctx())
    # pools from newest: 2024+2025 = 11 -> 10 (5 per year); 2022+2023 = 10 (5 per year)
    assert (m.waarde, m.vorige, m.doel.waarde, m.doel.richting) == (5.0, 5.0, 12.0, "hoger")
    with pytest.raises(KeyError):
        housing.pact_data(d[d["indicator"] != "doel plaatsingen per jaar"])


def test_realisation_vs_plan_shares_and_cumulative():
    import pandas as pd

    from analysis.topics.housing import realisation_vs_plan

    ind = ["nieuwbouw totaal", "waarvan sociale huur", "waarvan betaalbare middenhuur of koop"]
    d = pd.DataFrame(
        {
            "periode": ["2023"] * 3 + ["2024"] * 3 + ["2025"] * 3,
            "indicator": ind * 3,
            "waarde": [10, 1, 2, 20, 5, 8, 40, 12, 10],
        }
    )
    t = realisation_vs_plan(d, social_share_target=30, start="2024")
    assert t["Jaar"].tolist() == ["2024", "2025"]
    assert t["Aandeel sociaal (%)"].tolist() == [25.0, 30.0]
    assert t["Cumulatief nieuwbouw"].tolist() == [20, 60]
    assert t["Cumulatief sociaal"].tolist() == [5, 17] and t["Cumulatief midden"].tolist() == [
        8,
        18,
    ]
