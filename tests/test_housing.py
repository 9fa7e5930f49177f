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


def _pact(published: bool) -> pd.DataFrame:
    d = pd.DataFrame(
        {
            "indicator": ["doel per jaar", "gerealiseerd", "gerealiseerd", "gerealiseerd"],
            "periode": ["2023", "2022", "2023", "2024"],
            "waarde": [12, 7, 3, 12],
        }
    )
    d.attrs = {"manifest": {"supplier": "publiek" if published else "gemeente"}}
    return d


def test_pact_years_published_per_year_registration_pooled():
    y = housing.pact_years(_pact(True))
    assert y[["periode", "aantal", "doel"]].values.tolist() == [
        ["2022", 7.0, 12.0],
        ["2023", 3.0, 12.0],
        ["2024", 12.0, 12.0],
    ]
    assert housing.pact_years(_pact(True), tot="2023")["periode"].tolist() == ["2022", "2023"]
    assert housing.pact_years(_pact(True), tot="2023H1")["periode"].tolist() == ["2022", "2023"]
    # a registration: 2024 (12) alone, 2022+2023 (10) pooled, both rounded to 5
    pooled = housing.pact_years(_pact(False))
    assert pooled[["periode", "aantal", "per_jaar"]].values.tolist() == [
        ["2022-2023", 10, 5.0],
        ["2024", 10, 10.0],
    ]


def test_pact_findings_trend_target_and_years_in_words():
    f = housing.pact_findings(housing.pact_years(_pact(True), tot="2023"), herkomst=False)
    assert f["trend"].zin() == "Tussen 2022 en 2023 daalde het aantal plaatsingen van 7 naar 3."
    assert (
        f["doel"].zin() == "In 2023 was het aantal plaatsingen 3: lager dan het doel (12 per jaar)."
    )
    assert f["jaren"].zin() == "Het doel werd in geen van beide jaren gehaald."
    f = housing.pact_findings(housing.pact_years(_pact(True)), herkomst=False)
    assert f["trend"].zin() == "Tussen 2022 en 2024 steeg het aantal plaatsingen van 7 naar 12."
    assert (
        f["doel"].zin()
        == "In 2024 was het aantal plaatsingen 12: gelijk aan het doel (12 per jaar)."
    )
    assert f["jaren"].zin() == "Het doel werd in één van de drie jaren gehaald."
    one = housing.pact_findings(housing.pact_years(_pact(True), tot="2022"), herkomst=False)
    assert one["trend"] == "" and one["jaren"].zin() == "Het doel werd in 2022 niet gehaald."
    pooled = housing.pact_findings(housing.pact_years(_pact(False)), herkomst=False)
    assert pooled["trend"].zin() == (
        "Tussen 2022-2023 en 2024 steeg het gemiddelde aantal plaatsingen per jaar van 5,0 naar 10,0."
    )
    example = housing.pact_findings(housing.pact_years(_pact(True)), herkomst=True)
    assert (
        example["doel"]
        .zin()
        .startswith("In deze voorbeeldgegevens was in 2024 het aantal plaatsingen")
    )


def test_shipped_pact_shown_per_year_with_its_fall():
    """The Uitvoeringsprogramma's 7 (2022) and 3 (2023): published, so shown per year with the
    fall the source stresses, not hidden behind an average of 5,0 (edition 2025)."""
    from analysis.data import datasets

    d = datasets.load("uitstroom_pact")
    y = housing.pact_years(d, tot="2025")
    assert y[["periode", "aantal"]].values.tolist() == [["2022", 7.0], ["2023", 3.0]]
    f = housing.pact_findings(y, herkomst=d)
    assert f["trend"].zin() == "Tussen 2022 en 2023 daalde het aantal plaatsingen van 7 naar 3."


def test_years_target_met_counts_in_words():
    s = pd.Series
    assert housing.years_target_met(s({"a": 1.0, "b": 13.0}), 12, herkomst=False).zin() == (
        "Het doel werd in één van beide jaren gehaald."
    )
    assert housing.years_target_met(s({"2025": 12.0}), 12, herkomst=False).zin() == (
        "Het doel werd in 2025 gehaald."
    )
    many = s({str(y): 1.0 for y in range(2010, 2025)})
    assert housing.years_target_met(many, 12, herkomst=False).zin() == (
        "Het doel werd in geen van de 15 jaren gehaald."
    )
    assert "\ue00015\ue001" in housing.years_target_met(many, 12, herkomst=True).zin()


def test_growth_finding_compares_with_the_stock_in_all_directions():
    def g(h, w):
        return pd.DataFrame(
            {
                "Jaar": ["2015", "2015", "2020", "2020", "2025", "2025"],
                "Reeks": ["huishoudens 75+", "woningvoorraad"] * 3,
                "Index": [90.0, 99.0, 100.0, 100.0, h, w],
            }
        )

    def zin(h, w, herkomst=False):
        return housing.growth_finding(g(h, w), "2020", herkomst=herkomst).zin()

    assert zin(115, 101).endswith(
        "groeide het aantal huishoudens 75+ sneller dan de woningvoorraad: met 15% tegen 1%."
    )
    assert "even snel als de woningvoorraad: met 2% tegen 2%" in zin(102.2, 101.8)
    assert zin(103, 98) == (
        "Tussen 2020 en 2025 groeide het aantal huishoudens 75+ met 3%, terwijl de woningvoorraad "
        "met 2% kromp."
    )
    assert zin(97, 100) == (
        "Tussen 2020 en 2025 kromp het aantal huishoudens 75+ met 3%, terwijl de woningvoorraad "
        "gelijk bleef."
    )
    assert zin(100, 103) == (
        "Tussen 2020 en 2025 bleef het aantal huishoudens 75+ gelijk, terwijl de woningvoorraad "
        "met 3% groeide."
    )
    assert zin(115, 101, herkomst=True).startswith("In deze voorbeeldgegevens groeide")


def test_real_stock_and_households_per_dwelling_findings():
    from analysis.data import datasets

    ref = datasets.load("woningvoorraad_referentie")
    f = housing.real_stock_finding(ref, "GM0397", "de gemeente")
    assert f.zin() == "Rond 2019 telde de gemeente 12.561 woningen." and not f.voorbeeld
    t = pd.DataFrame({"periode": ["2025"], "groep": ["75+"], "per_100_woningen": [25.5]})
    assert housing.households_per_dwelling_finding(t, herkomst=True).zin() == (
        "In deze voorbeeldgegevens waren er in 2025 per 100 woningen \ue00026\ue001 huishoudens 75+."
    )


def test_demand_finding_lists_each_type():
    d = pd.DataFrame(
        {
            "Woningtype": ["nultredenwoningen", "geclusterde woningen", "zorggeschikte woningen"],
            "Jaar": ["2025"] * 3,
            "Laag": [270, 130, 60],
            "Midden": [535, 255, 125],
            "Hoog": [810, 380, 190],
        }
    )
    assert housing.demand_finding(d, "2025", herkomst=False).zin() == (
        "In 2025 komt de indicatieve extra opgave met deze aannames uit op 270 tot 810 "
        "nultredenwoningen, 130 tot 380 geclusterde woningen (middenwaarde 255) en 60 tot 190 "
        "zorggeschikte woningen."
    )


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

    # a registration: pools from newest: 2024+2025 = 11 -> 10 (5 per year); 2022+2023 = 10
    m = housing.pact_measure(Ctx())
    assert (m.waarde, m.vorige, m.doel.waarde, m.doel.richting) == (5.0, 5.0, 12.0, "hoger")
    assert (m.periode, m.vorige_periode) == ("2024-2025", "2022-2023")
    # published figures: the last year and the year before
    d.attrs = {"manifest": {"supplier": "publiek"}}
    m = housing.pact_measure(Ctx())
    assert (m.waarde, m.vorige, m.periode, m.vorige_periode) == (5.0, 6.0, "2025", "2024")
    Ctx.params.periode = "2023"
    m = housing.pact_measure(Ctx())
    assert (m.waarde, m.vorige, m.periode, m.vorige_periode) == (3.0, 7.0, "2023", "2022")
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


# --- regression: breakdown totals are dropped whatever the column dtype (edition 2025 defect D4)


def _load_like_the_report(tmp_path, name: str, rows: list[dict]) -> pd.DataFrame:
    """``rows`` written as CSV and loaded by the real loader with the real schema of ``name``.

    Columns the rows leave out get the schema's first allowed value (e.g. ``status``), so the test
    keeps following the shipped schema.
    """
    from analysis.data import datasets
    from tests.conftest import write_dataset

    schema = datasets.dataset_entry(name)["schema"]
    cols = list(schema["columns"])
    fill = {c: (spec.get("allowed") or [""])[0] for c, spec in schema["columns"].items()}
    lines = [",".join(cols)] + [",".join(str(r.get(c, fill[c])) for c in cols) for r in rows]
    folder = tmp_path / "data"
    write_dataset(folder, name, "\n".join(lines) + "\n", schema)
    return datasets.load(name, folder=folder)


def test_aged_series_does_not_count_men_women_and_total_from_the_loader(tmp_path):
    # 75+: men 30 + 10, women 50 + 10 = 100 residents; the totaal rows repeat them.
    rows = [
        {"gemeente_code": "GM0001", "periode": "2025", "leeftijd": age, "geslacht": sex,
         "waarde": n, "eenheid": "personen"}
        for age, ns in {"65-74": (60, 80, 140), "75-84": (30, 50, 80), "85+": (10, 10, 20)}.items()
        for sex, n in zip(("mannen", "vrouwen", "totaal"), ns, strict=True)
    ]  # fmt: skip
    pop = _load_like_the_report(tmp_path, "bevolking_leeftijd", rows)
    assert pop["geslacht"].dtype == "string"  # what the loader gives; the old filter skipped it
    assert housing.aged_series(pop, "GM0001", 75).to_dict() == {"2025": 100.0}
    assert housing.aged_series(pop, "GM0001", 65).to_dict() == {"2025": 240.0}


def test_dwelling_stock_does_not_add_owner_renter_and_total_from_the_loader(tmp_path):
    rows = [
        {"gemeente_code": "GM0001", "periode": "2025", "eigendom": kind, "waarde": n,
         "eenheid": "woningen"}
        for kind, n in [("koopwoningen", 600), ("huur woningcorporatie", 300),
                        ("huur overige verhuurders", 100), ("totaal", 1000)]
    ]  # fmt: skip
    stock = _load_like_the_report(tmp_path, "woningvoorraad", rows)
    assert stock["eigendom"].dtype == "string"
    assert housing.dwelling_stock(stock, "GM0001").to_dict() == {"2025": 1000.0}
    b = housing.stock_breakdown(stock, "GM0001", "eigendom", "2025")
    assert b["waarde"].tolist() == [600.0, 300.0, 100.0]
    assert b["aandeel"].tolist() == [60.0, 30.0, 10.0]
    h = pd.DataFrame({"periode": ["2025"], "groep": ["75+"], "waarde": [250.0]})
    per100 = housing.households_vs_stock(h, housing.dwelling_stock(stock, "GM0001"))
    assert per100["per_100_woningen"].tolist() == [25.0]


def test_only_totals_same_result_for_object_and_string_columns():
    d = pd.DataFrame(
        {
            "periode": ["2024"] * 3,
            "geslacht": ["mannen", "vrouwen", "Totaal"],
            "waarde": [4, 6, 10],
        }
    )
    for dtype in ("object", "string"):
        assert housing.only_totals(d.astype({"geslacht": dtype}))["waarde"].tolist() == [10]


def test_shipped_data_demand_and_households_per_dwelling_counted_once():
    """The project's own data: the 2025 figures the edition showed doubled (505 and 13)."""
    from analysis.config.params import load_params
    from analysis.data import datasets

    p = load_params(2025)
    pop = datasets.load("bevolking_leeftijd")
    tot = pop[(pop["gemeente_code"] == p.gemeente_code) & (pop["periode"] == "2025")]
    tot = tot[tot["geslacht"] == "totaal"]
    n75 = float(tot[tot["leeftijd"].isin(["75-84", "85+"])]["waarde"].sum())
    assert housing.aged_series(pop, p.gemeente_code, 75)["2025"] == n75
    ratios = housing.ratios_from_params(p.get("wonen.vraag.ratios"))
    est = housing.demand_for_years(pop, None, p.gemeente_code, ratios, 2025)
    geclusterd = est.set_index("woningtype").loc["geclusterde woningen", "midden"]
    assert geclusterd == pytest.approx(n75 * 57 / 1000)  # about 255, not 505
    assert 240 < geclusterd < 270

    stock = datasets.load("woningvoorraad")
    s = stock[(stock["gemeente_code"] == p.gemeente_code) & (stock["periode"] == "2025")]
    total = float(s.loc[s["eigendom"] == "totaal", "waarde"].iloc[0])
    assert housing.dwelling_stock(stock, p.gemeente_code)["2025"] == total
    hh = housing.older_households(datasets.load("huishoudens_leeftijd"), p.gemeente_code)
    per100 = housing.households_vs_stock(hh, housing.dwelling_stock(stock, p.gemeente_code))
    v = per100[(per100["periode"] == "2025") & (per100["groep"] == "75+")]["per_100_woningen"]
    assert 24 < v.item() < 28  # about 26, not 13


def test_demand_title_direction_follows_the_numbers():
    d = pd.DataFrame(
        {
            "Woningtype": ["geclusterde woningen"] * 3 + ["nultredenwoningen"],
            "Jaar": ["2025", "2030", "2040", "2040"],
            "Midden": [505, 275, 300, 900],
            "Laag": [250, 140, 150, 450],
            "Hoog": [760, 415, 450, 1350],
        }
    )

    def title(frame):
        return housing.demand_title(frame, herkomst=False).titel()

    # the edition's bug: 505 in 2025 falling to 275 in 2030 under a title that said "groeit"
    assert " daalt " in title(d.iloc[[0, 1]])
    assert " daalt " in title(d)
    assert title(d.assign(Midden=[250, 275, 300, 900])) == (
        "Tussen 2025 en 2040 groeit de indicatieve opgave aan geclusterde woningen tot 150 à 450"
    )
    assert "blijft de indicatieve opgave aan geclusterde woningen gelijk" in title(
        d.assign(Midden=[300, 275, 300, 900])
    )
    # from a stand-in: an example with its numbers marked
    example = housing.demand_title(d, herkomst=True).titel()
    assert (
        example.startswith("In deze voorbeeldgegevens daalt") and "\ue000150 à 450\ue001" in example
    )
