"""Tests for analysis.topics.social: survey series with intervals, comparisons, estimated counts,
registration tables (suppressed) and the key indicators."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.topics import social
from analysis.topics.indicators import Target, registry


@pytest.fixture
def survey() -> pd.DataFrame:
    # A: 2020 20% of 400, 2024 30% of 400 (difference 10 pp, margin ~6 pp: significant);
    # 65+ has only 40 respondents (masked below 50). NL01: 25% of 10 000 in 2024.
    rows = [
        ("A", "2020", "mantelzorger", "18+", 20.0, 400),
        ("A", "2024", "mantelzorger", "18+", 30.0, 400),
        ("A", "2024", "mantelzorger", "65+", 50.0, 40),
        ("A", "2020", "mantelzorger", "65+", 45.0, 40),
        ("NL01", "2024", "mantelzorger", "18+", 25.0, 10000),
        ("A", "2020", "eenzaam", "18+", 40.0, 400),
        ("A", "2024", "eenzaam", "18+", 42.0, 400),
    ]
    cols = ["gemeente_code", "periode", "indicator", "leeftijd", "percentage", "n"]
    return pd.DataFrame(rows, columns=cols)


def test_survey_series_intervals_and_masking(survey):
    s = social.survey_series(survey, "mantelzorger", {"A": "Aa", "NL01": "NL"}, ["18+", "65+"])
    assert s["Gebied"].tolist() == ["Aa", "Aa", "Aa", "Aa", "NL"]
    assert s["Leeftijd"].tolist()[:3] == [
        "18 jaar en ouder",
        "18 jaar en ouder",
        "65 jaar en ouder",
    ]
    first = s.iloc[0]
    # Wilson 95% for 80/400: 16.4% - 24.2%
    assert (first["Percentage"], first["Ondergrens"], first["Bovengrens"]) == (20.0, 16.4, 24.2)
    masked = s[s["Leeftijd"] == "65 jaar en ouder"]
    assert masked["Percentage"].isna().all() and masked["Ondergrens"].isna().all()


def test_survey_series_unknown_indicator(survey):
    with pytest.raises(ValueError, match="geen gegevens"):
        social.survey_series(survey, "roken", {"A": "Aa"})


def test_waves(survey):
    assert social.waves(survey) == ["2020", "2024"]
    assert social.waves(survey, upto=2022) == ["2020"]


def test_compare_waves_significant(survey):
    c = social.compare_waves(survey, "mantelzorger", "A", "18+", "2020", "2024")
    assert c["verschil"] == pytest.approx(10.0)
    # se = sqrt(.2*.8/400 + .3*.7/400) = 0.03041; margin = 1.96 * 3.041 = 5.96 pp
    assert c["marge"] == pytest.approx(5.96, abs=0.01)
    assert c["significant"] and c["tekst"] == "steeg"


def test_compare_waves_not_significant_and_too_few(survey):
    c = social.compare_waves(survey, "eenzaam", "A", "18+", "2020", "2024")
    assert not c["significant"]
    assert c["tekst"] == "bleef ongeveer gelijk; het verschil is niet zeker"
    c = social.compare_waves(survey, "mantelzorger", "A", "65+", "2020", "2024")
    assert c["verschil"] is None and "te weinig" in c["tekst"]


def _plain(finding) -> str:
    from analysis.core.provenance import plain

    return plain(finding.zin())


def test_wave_change_reads_right_for_rise_fall_equal_and_too_few(survey):
    rise = social.wave_change(survey, "mantelzorger", "A", "18+", "2020", "2024", herkomst=False)
    assert rise.zin() == "Tussen 2020 en 2024 steeg het aandeel van 20,0% naar 30,0%."
    # 40% -> 42% of 400 each: difference 2 pp, margin 6.8 pp: not a finding
    same = social.wave_change(survey, "eenzaam", "A", "18+", "2020", "2024", herkomst=False)
    assert same.zin() == (
        "Tussen 2020 en 2024 bleef het aandeel ongeveer gelijk (van 40,0% naar 42,0%); "
        "het verschil is niet zeker."
    )
    fall = social.wave_change(
        survey.assign(percentage=survey["percentage"].where(survey["periode"] == "2020", 10.0)),
        "mantelzorger",
        "A",
        "18+",
        "2020",
        "2024",
        onderwerp="het aandeel mantelzorgers",
        herkomst=False,
    )
    assert (
        fall.zin() == "Tussen 2020 en 2024 daalde het aandeel mantelzorgers van 20,0% naar 10,0%."
    )
    few = social.wave_change(survey, "mantelzorger", "A", "65+", "2020", "2024", herkomst=False)
    assert (
        few.zin()
        == "Tussen 2020 en 2024 is het aandeel niet te vergelijken (te weinig ondervraagden)."
    )
    # from a stand-in: an example with marked numbers, never a statement
    example = social.wave_change(survey, "mantelzorger", "A", "18+", "2020", "2024", herkomst=True)
    assert _plain(example).startswith("In deze voorbeeldgegevens steeg het aandeel tussen 2020")
    assert "(synthetisch)" in _plain(example)


def test_region_difference(survey):
    # 30 vs 25: margin 1.96*sqrt(.3*.7/400+.25*.75/10000) = 4.55 pp < 5 pp: higher
    f = social.region_difference(
        survey, "mantelzorger", "A", "NL01", "Nederland", "18+", "2024", herkomst=False
    )
    assert f.zin() == "In 2024 was het aandeel 30,0%: hoger dan in Nederland (25,0%)."
    lower = social.region_difference(
        survey.assign(percentage=survey["percentage"].where(survey["gemeente_code"] == "A", 40.0)),
        "mantelzorger",
        "A",
        "NL01",
        "Nederland",
        "18+",
        "2024",
        herkomst=False,
    )
    assert lower.zin() == "In 2024 was het aandeel 30,0%: lager dan in Nederland (40,0%)."
    unsure = social.region_difference(
        survey.assign(n=100),
        "mantelzorger",
        "A",
        "NL01",
        "Nederland",
        "18+",
        "2024",
        herkomst=False,
    )
    assert unsure.zin().endswith("tegen 25,0% in Nederland; het verschil is niet zeker.")
    few = social.region_difference(
        survey.assign(n=10),
        "mantelzorger",
        "A",
        "NL01",
        "Nederland",
        "18+",
        "2024",
        herkomst=False,
    )
    assert "niet te vergelijken met Nederland (te weinig ondervraagden)" in few.zin()
    with pytest.raises(KeyError):
        social.region_difference(survey, "mantelzorger", "A", "NL01", "NL", "65+", "2024")
    assert _plain(
        social.region_difference(
            survey, "mantelzorger", "A", "NL01", "Nederland", "18+", "2024", herkomst=True
        )
    ).startswith("In deze voorbeeldgegevens was in 2024 het aandeel 30,0% (synthetisch)")


def test_share_level(survey):
    f = social.share_level(
        survey,
        "mantelzorger",
        "A",
        "18+",
        "2024",
        onderwerp="het aandeel mantelzorgers",
        herkomst=False,
    )
    # Wilson 95% for 120/400: 25,7% - 34,7%
    assert f.zin() == "In 2024 was het aandeel mantelzorgers 30,0% (marge 25,7 tot 34,7%)."
    few = social.share_level(
        survey, "mantelzorger", "A", "65+", "2024", onderwerp="het aandeel", herkomst=False
    )
    assert few.zin() == "In 2024 was het aandeel niet te schatten (te weinig ondervraagden)."


def test_residents_aged_prorates_straddling_group():
    p = pd.DataFrame(
        {
            "periode": ["2024"] * 4,
            "leeftijd": ["0-14", "15-24", "25-64", "65+"],
            "waarde": [100.0, 100.0, 500.0, 200.0],
        }
    )
    # 18-24 is 7 of the 10 years of 15-24: 70 + 500 + 200
    assert social.residents_aged(p, 18, "2024") == 770.0
    assert social.residents_aged(p, 65, "2024") == 200.0
    with pytest.raises(KeyError):
        social.residents_aged(p, 18, "2030")


def test_estimated_count():
    assert social.estimated_count(30.0, 25.5, 34.8, 1000) == (300.0, 260.0, 350.0)
    assert social.estimated_count(30.0, 25.5, 34.8, 1000, afronding=1) == (300.0, 255.0, 348.0)


def test_desk_table_suppresses_and_totals():
    d = pd.DataFrame(
        {
            "gemeente_code": ["A"] * 4 + ["B"] * 2,
            "periode": ["2024"] * 6,
            "indicator": ["vacatures", "matches"] * 3,
            "leeftijd": ["jong", "jong", "oud", "oud", "jong", "jong"],
            "waarde": [42, 33, 9, 4, 100, 100],
        }
    )
    t = social.desk_table(d, "A")
    assert t["Leeftijd"].tolist() == ["jong", "oud", "totaal"]
    assert t["Vacatures"].tolist() == [40, pd.NA, 50]  # 42 -> 40, 9 suppressed, 51 -> 50
    assert t["Matches"].tolist()[2] == 35  # 37 -> 35
    assert t["Matches per 100 vacatures"].iloc[0] == 79.0  # 33/42 from unrounded counts
    assert math.isnan(t["Matches per 100 vacatures"].iloc[1])


def test_support_table():
    d = pd.DataFrame(
        {
            "gemeente_code": ["A", "A", "B"],
            "periode": ["2024"] * 3,
            "indicator": ["respijtzorg", "jong", "respijtzorg"],
            "waarde": [63, 8, 5],
        }
    )
    t = social.support_table(d, "A")
    assert t["Aantal"].tolist() == [65, pd.NA]
    assert t["Registratie"].tolist() == ["respijtzorg", "jong"]


def test_reference_figures():
    d = pd.DataFrame(
        {
            "indicator": ["Ernstig eenzaam, 75+", "Eenzaam 65+", "Roken"],
            "regio": ["Nederland"] * 3,
            "periode_tekst": ["2020"] * 3,
            "waarde": [12.0, None, 20.0],
            "eenheid": ["%"] * 3,
            "bron": ["u"] * 3,
        }
    )
    assert social.reference_figures(d, ["eenzaam"])["Indicator"].tolist() == [
        "Ernstig eenzaam, 75+"
    ]


def test_reference_figures_name_sources_and_regions_in_words():
    d = pd.DataFrame(
        {
            "indicator": ["Zwaar belast (2016)", "Zwaar belast (2016)", "eenzaam, ouderen"],
            "regio": ["GGD Kennemerland (regio)", "GGD Amsterdam (regio)", "Gemeente"],
            "periode_tekst": ["2016", "2016", "c. 2016"],
            "waarde": [14.1, 17.1, 10.0],
            "eenheid": ["%"] * 3,
            "bron": [
                "https://www.ggdzw.nl/zwaarbelaste-mantelzorgers-2016-per-ggd-regio/",
                "https://www.ggdzw.nl/x",
                "001_472be077156590ad.txt (Concept Beleidsplan Sociaal Domein 2019-2023, mei 2019)",
            ],
        }
    )
    t = social.reference_figures(
        d, ["belast", "eenzaam"], gebieden=["GGD Kennemerland", "Gemeente"]
    )
    assert t["Waarde"].tolist() == [14.1, 10.0]
    # a document by its title, a web page by its site: never a file name
    assert t["Bron"].tolist() == [
        "ggdzw.nl",
        "Concept Beleidsplan Sociaal Domein 2019-2023, mei 2019",
    ]
    assert float(social.reference_value(t, "zwaar", "belast")["Waarde"]) == 14.1
    with pytest.raises(KeyError):
        social.reference_value(t, "roken")


def test_ambition():
    d = pd.DataFrame(
        {
            "id": ["a", "b"],
            "ambitie": ["Minder.", "Twaalf."],
            "richting": ["lager", "hoger"],
            "doelwaarde": [float("nan"), 12.0],
        }
    )
    assert social.ambition(d, "a") == Target("lager", None, "Minder.")
    assert social.ambition(d, "b").waarde == 12.0
    with pytest.raises(KeyError):
        social.ambition(d, "c")


def test_survey_measurement(survey):
    m = social.survey_measurement(survey, "mantelzorger", "A", "18+", "2025", doel=Target("lager"))
    assert (m.waarde, m.vorige, m.vergelijking) == (30.0, 20.0, 25.0)
    assert m.marge == pytest.approx(5.96, abs=0.01)
    # period before the first wave: nothing to report
    with pytest.raises(KeyError):
        social.survey_measurement(survey, "mantelzorger", "A", "18+", "2019")
    # too few respondents: no value
    assert social.survey_measurement(survey, "mantelzorger", "A", "65+", "2025").waarde is None


def test_key_indicators_registered():
    for key in [
        "mantelzorg_aandeel",
        "mantelzorg_zwaar_belast",
        "vrijwilligerswerk_aandeel",
        "ernstig_eenzaam_65plus",
    ]:
        assert key in registry()
    assert registry()["ernstig_eenzaam_65plus"].hoofdstuk == "chapters/kwetsbaarheid"


def test_estimate(survey):
    e = social.estimate(survey, "mantelzorger", "A", "18+", "2020")
    assert e["percentage"] == 20.0
    assert (round(e["ondergrens"], 1), round(e["bovengrens"], 1)) == (16.4, 24.2)
    assert social.estimate(survey, "mantelzorger", "A", "65+", "2024")["percentage"] is None


def test_estimated_residents(survey):
    pop = pd.DataFrame(
        {
            "periode": ["2024"] * 4,
            "leeftijd": ["0-14", "15-24", "25-64", "65+"],
            "waarde": [100.0, 100.0, 500.0, 200.0],
        }
    )
    # 30% (Wilson 25.7%-34.7%) of 770 adults: 231 -> 230, 198 -> 200, 267 -> 270
    r = social.estimated_residents(survey, pop, "mantelzorger", "A", "18+", "2024")
    assert r == {"aantal": 230.0, "ondergrens": 200.0, "bovengrens": 270.0, "bevolking": 770.0}
    masked = social.estimated_residents(survey, pop, "mantelzorger", "A", "65+", "2024")
    assert masked["aantal"] is None and masked["bevolking"] == 200.0


def test_estimated_residents_closed_age_group():
    d = pd.DataFrame(
        {
            "gemeente_code": ["A"],
            "periode": ["2024"],
            "indicator": ["x"],
            "leeftijd": ["18-64"],
            "percentage": [10.0],
            "n": [1000],
        }
    )
    pop = pd.DataFrame(
        {
            "periode": ["2024"] * 4,
            "leeftijd": ["0-14", "15-24", "25-64", "65+"],
            "waarde": [100.0, 100.0, 500.0, 200.0],
        }
    )
    assert social.estimated_residents(d, pop, "x", "A", "18-64", "2024")["bevolking"] == 570.0


def test_with_progress_indicator():
    t = pd.DataFrame({"Nr.": ["A07", "A08"], "Actiepunt": ["jong", "werkgever"]})
    out = social.with_progress_indicator(t, {"A07": "bereikte jonge mantelzorgers"})
    assert out["Indicator voor voortgang"].tolist() == [
        "bereikte jonge mantelzorgers",
        "geen meetbare indicator in de gegevens",
    ]


def test_with_progress_indicator_from_params_list():
    t = pd.DataFrame({"Nr.": ["A07"], "Actiepunt": ["jong"]})
    out = social.with_progress_indicator(t, [{"actie": "A07", "indicator": "jong bereikt"}])
    assert out["Indicator voor voortgang"].tolist() == ["jong bereikt"]


def test_series_text_and_wide_support():
    s = pd.DataFrame(
        {
            "Gebied": ["Aa"],
            "Jaar": ["2024"],
            "Percentage": [12.5],
            "Ondergrens": [10.0],
            "Bovengrens": [15.25],
        }
    )
    assert social.series_text(s) == "Aa 2024: 12,5% (10,0-15,2)"
    d = pd.DataFrame(
        {
            "gemeente_code": ["A"] * 2,
            "periode": ["2023", "2024"],
            "indicator": ["respijtzorg"] * 2,
            "waarde": [8, 21],
        }
    )
    w = social.support_table(d, "A", wide=True)
    assert pd.isna(w.loc["2023", "respijtzorg"]) and w.loc["2024", "respijtzorg"] == 20


def test_measure_uses_plan_ambition():
    from analysis.present import report

    ctx = report.chapter("2025")
    m = social.measure(ctx, social.ZWAAR_BELAST, "18+", "mantelzorg_niet_alleen")
    assert m.doel is not None and m.doel.richting == "lager"
    assert m.waarde is not None and m.vorige is not None and m.marge > 0


def test_support_text():
    t = social.support_table(
        pd.DataFrame(
            {
                "gemeente_code": ["A", "A"],
                "periode": ["2024"] * 2,
                "indicator": ["r", "j"],
                "waarde": [1012, 3],
            }
        ),
        "A",
    )
    assert social.support_text(t) == "r 2024: 1.010; j 2024: minder dan 10 (niet getoond)"


def test_tables_upto_period():
    d = pd.DataFrame(
        {
            "gemeente_code": ["A"] * 4,
            "periode": ["2024", "2024", "2025", "2025"],
            "indicator": ["vacatures", "matches"] * 2,
            "leeftijd": ["jong"] * 4,
            "waarde": [40, 30, 50, 40],
        }
    )
    assert social.desk_table(d, "A", upto=2024)["Jaar"].unique().tolist() == ["2024"]
    s = pd.DataFrame(
        {
            "gemeente_code": ["A"] * 2,
            "periode": ["2024", "2025"],
            "indicator": ["r"] * 2,
            "waarde": [20, 30],
        }
    )
    assert social.support_table(s, "A", upto="2024")["Jaar"].tolist() == ["2024"]


def test_count_change():
    d = pd.DataFrame(
        {
            "gemeente_code": ["A", "A"],
            "periode": ["2020", "2024"],
            "indicator": ["x", "x"],
            "leeftijd": ["18+", "18+"],
            "percentage": [30.0, 30.0],
            "n": [10000, 10000],
        }
    )
    pop = pd.DataFrame(
        {"periode": ["2020", "2024"], "leeftijd": ["18+", "18+"], "waarde": [10000.0, 12000.0]}
    )
    c = social.count_change(d, pop, "x", "A", "18+", "2020", "2024")
    # 3000 -> 3600; se of the counts 10000*0.00458 = 45.8 and 55.0: margin 1.96*71.6 = 140
    assert (c["start"], c["end"]) == pytest.approx((3000.0, 3600.0))
    assert c["marge"] == pytest.approx(140.3, abs=0.5)
    assert c["significant"] and c["tekst"] == "steeg"
    small = social.count_change(d.assign(n=20), pop, "x", "A", "18+", "2020", "2024")
    assert small["verschil"] is None
    assert (
        social.count_finding(c, "het aantal", herkomst=False).zin() == "Het aantal steeg met 20%."
    )
    wide = {**c, "marge": 700.0}
    assert social.count_finding(wide, "het aantal", herkomst=False).zin() == (
        "Het aantal bleef ongeveer gelijk (van 3.000 naar 3.600); het verschil is niet zeker."
    )
    down = {**c, "start": 3600.0, "end": 3000.0}
    assert social.count_finding(down, "het aantal", herkomst=False).zin() == (
        "Het aantal daalde met 17%."
    )
    assert "te weinig" in social.count_finding(small, "het aantal", herkomst=False).zin()


def test_desk_table_without_totals():
    d = pd.DataFrame(
        {
            "gemeente_code": ["A"] * 2,
            "periode": ["2024"] * 2,
            "indicator": ["vacatures", "matches"],
            "leeftijd": ["jong"] * 2,
            "waarde": [40, 30],
        }
    )
    assert social.desk_table(d, "A", totals=False)["Leeftijd"].tolist() == ["jong"]


def test_survey_series_period_filters(survey):
    s = social.survey_series(survey, "mantelzorger", {"A": "Aa"}, "18+", periode="2024")
    assert s["Jaar"].tolist() == ["2024"]
    s = social.survey_series(survey, "mantelzorger", {"A": "Aa"}, "18+", upto="2022")
    assert s["Jaar"].tolist() == ["2020"]


def test_age_comparison_against_land_and_over_time():
    # 65+: A 35% of 400 vs NL 28% of 10 000: difference 7 pp, margin 1.96*sqrt(.35*.65/400
    # + .28*.72/10000) = 4.8 pp -> significantly higher. A 30% -> 35% (margin 6.5 pp): no
    # significant change; NL 30% -> 28% of 10 000 (margin 1.3 pp): significant decline.
    # 75+: A has 30 respondents (< 50): masked, not compared.
    rows = [
        ("A", "2020", "x", "65+", 30.0, 400),
        ("A", "2024", "x", "65+", 35.0, 400),
        ("NL01", "2020", "x", "65+", 30.0, 10000),
        ("NL01", "2024", "x", "65+", 28.0, 10000),
        ("A", "2020", "x", "75+", 30.0, 30),
        ("A", "2024", "x", "75+", 40.0, 30),
        ("NL01", "2020", "x", "75+", 25.0, 5000),
        ("NL01", "2024", "x", "75+", 25.0, 5000),
    ]
    cols = ["gemeente_code", "periode", "indicator", "leeftijd", "percentage", "n"]
    d = pd.DataFrame(rows, columns=cols)
    t = social.age_comparison(d, "x", "A", "Aa", "NL01", "NL", ["65+", "75+"], "2024", "2020")
    assert t.columns.tolist() == [
        "Leeftijd",
        "Aa (%)",
        "Marge",
        "NL (%)",
        "Verschil met NL",
        "Aa sinds 2020",
        "NL sinds 2020",
    ]
    first, second = t.iloc[0], t.iloc[1]
    assert first["Leeftijd"] == "65 jaar en ouder"
    assert first["Aa (%)"] == 35.0 and first["NL (%)"] == 28.0
    assert first["Marge"] == "30,5 - 39,8"
    assert first["Verschil met NL"] == "hoger"
    assert first["Aa sinds 2020"] == "bleef ongeveer gelijk; het verschil is niet zeker"
    assert first["NL sinds 2020"] == "daalde"
    assert pd.isna(second["Aa (%)"]) and second["Marge"] == ""
    assert second["Verschil met NL"] == "te weinig ondervraagden"
    assert second["Aa sinds 2020"].startswith("is niet te vergelijken")
    assert second["NL sinds 2020"] == "bleef ongeveer gelijk; het verschil is niet zeker"
