"""Tests for analysis.topics.survey: shares with intervals, masking, changes, real anchors."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.core.errors import DataError
from analysis.topics import survey


def _ce() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "gemeente_code": ["GM1", "GM1", "GM1", "GM1", "GM2"],
            "periode": [2024, 2025, 2024, 2025, 2025],
            "nr": [6, 6, 5, 5, 6],
            "thema": ["kwaliteit", "kwaliteit", "toegang", "toegang", "kwaliteit"],
            "stelling": ["Kwaliteit goed.", "Kwaliteit goed.", "Wist u? (ja)", "Wist u? (ja)", "K"],
            "n_antwoorden": [400, 400, 40, 200, 100],
            "n_eens": [100, 120, 20, 150, 50],
        }
    )


def test_shares_percentages_intervals_and_masking():
    t = survey.shares(_ce(), "GM1", min_n=50)
    assert t[["nr", "periode"]].values.tolist() == [
        [5, "2024"],
        [5, "2025"],
        [6, "2024"],
        [6, "2025"],
    ]
    row = t[(t["nr"] == 6) & (t["periode"] == "2025")].iloc[0]
    assert row["percentage"] == pytest.approx(30.0)
    assert row["ondergrens"] < 30 < row["bovengrens"]
    # 40 respondents < 50: masked, and so is its interval
    small = t[(t["nr"] == 5) & (t["periode"] == "2024")].iloc[0]
    assert math.isnan(small["percentage"]) and math.isnan(small["ondergrens"])
    assert small["n"] == 40


def test_shares_unknown_municipality():
    with pytest.raises(DataError):
        survey.shares(_ce(), "GM9")


def test_value_and_change():
    t = survey.shares(_ce(), "GM1")
    assert survey.value(t, 6, 2024) == (25.0, 400.0)
    c = survey.change(t, 6, 2025, 2024)
    # 30% vs 25% with n = 400 each: difference 5.0, margin 6.2 -> not significant
    assert round(c["verschil"], 1) == 5.0 and round(c["marge"], 1) == 6.2
    assert c["significant"] is False and c["tekst"] == "niet aantoonbaar veranderd"
    with pytest.raises(DataError):
        survey.value(t, 9, 2025)


def test_change_significant():
    t = pd.DataFrame(
        {
            "nr": [1, 1],
            "periode": ["2024", "2025"],
            "percentage": [50.0, 40.0],
            "n": [2000.0, 2000.0],
        }
    )
    c = survey.change(t, 1, 2025, 2024)
    assert c["significant"] is True and c["tekst"] == "duidelijk gedaald"


def test_anchors_and_anchor_table():
    a = pd.DataFrame(
        {
            "gemeente_code": "GM1",
            "periode": [2022, 2022, 2021],
            "uitkomst": [
                "tevreden over hulp (ongeveer)",
                "iets anders",
                "bekend met onafhankelijke cliëntondersteuning",
            ],
            "percentage": [90, 10, 55],
        }
    )
    anch = survey.anchors(a, "GM1")
    assert anch["nr"].tolist() == [6, pd.NA, 5]
    t = pd.DataFrame(
        {
            "nr": [6],
            "periode": ["2022"],
            "stelling": ["K"],
            "percentage": [88.0],
            "ondergrens": [85.0],
            "bovengrens": [91.0],
            "n": [300.0],
        }
    )
    tab = survey.anchor_table(t, anch)
    assert tab.iloc[0].tolist() == ["tevreden over hulp (ongeveer)", "2022", 90.0, 6, 88.0]
    # no matching statement or year: the series column is empty; no "within the interval" verdict
    assert math.isnan(tab.iloc[1]["Voorbeeldreeks (%)"]) and math.isnan(
        tab.iloc[2]["Voorbeeldreeks (%)"]
    )
    assert "Binnen interval" not in tab.columns


def test_chart_data():
    t = survey.shares(_ce(), "GM1")
    cd = survey.chart_data(t, [6])
    assert cd["Stelling"].unique().tolist() == ["Stelling 6"]
    assert cd["Respondenten"].tolist() == [400, 400]


def test_key_indicators_registered():
    from analysis.topics.indicators import registry

    assert registry()["clientervaring_kwaliteit"].hoofdstuk == "chapters/clientervaring"
    assert registry()["clientervaring_wist_waar"].eenheid == "%"


def test_display_table_masks_small_n():
    t = survey.shares(_ce(), "GM1", min_n=50)
    d = survey.display_table(t, 2024)
    assert d["Nr."].tolist() == [5, 6]
    assert d["Aandeel (helemaal) eens (%)"].tolist() == ["", "25,0"]
    assert d["Marge"].iloc[0] == ""
    assert d["Respondenten"].tolist() == [40, 400]


def test_survey_action_points():
    d = pd.DataFrame(
        {
            "id": ["A1", "A2", "B1"],
            "thema": ["Toegang", "Toegang", "Voorzieningen"],
            "actiepunt": [
                "Continu meten cliënttevredenheid toegang",
                "Inloop",
                "Meten Tevredenheid kwaliteit",
            ],
            "jaar": [2025, 2026, 2027],
        }
    )
    t = survey.survey_action_points(d)
    assert t["Nr."].tolist() == ["A1", "B1"]
    assert t["Gepland"].tolist() == ["2025", "2027"]


def test_anchor_value():
    a = pd.DataFrame(
        {
            "gemeente_code": "GM1",
            "periode": [2022, 2021],
            "uitkomst": ["bekend met cliëntondersteuning"] * 2,
            "percentage": [61, 55],
        }
    )
    anch = survey.anchors(a, "GM1")
    assert survey.anchor_value(anch, 5, 2022) == 61.0
    with pytest.raises(DataError):
        survey.anchor_value(anch, 6, 2022)


def test_lowest_excludes_question_5_and_masked():
    t = survey.shares(_ce(), "GM1", min_n=50)
    # 2025: statement 5 = 75%, statement 6 = 30% -> 6; in 2024 statement 5 is masked anyway
    assert survey.lowest(t, 2025)["nr"] == 6
    assert survey.lowest(t, 2025, exclude=())["nr"] == 6
    with pytest.raises(DataError):
        survey.lowest(t, 2025, thema="effect")


# --- regression: the toegang key indicator is the plan's "inwoners weten ons te vinden"


def _ctx(nrs=(1, 5)):
    from types import SimpleNamespace

    from analysis.data import datasets

    ce = pd.DataFrame(
        {
            "gemeente_code": "GM1",
            "periode": ["2024", "2024", "2025", "2025"],
            "nr": list(nrs) * 2,
            "thema": "toegang",
            "stelling": ["Ik wist waar ik moest zijn met mijn hulpvraag.", "Wist u? (ja)"] * 2,
            "n_antwoorden": [400, 400, 400, 400],
            "n_eens": [340, 200, 336, 260],
        }
    )
    loads = {"clientervaring": ce, "beleidsdoelen": datasets.load("beleidsdoelen")}
    return SimpleNamespace(
        load=loads.__getitem__,
        code="GM1",
        params=SimpleNamespace(periode="2025", privacy={"min_n_percentage": 50}),
    )


def test_toegang_key_indicator_is_statement_1_with_the_plans_direction():
    from analysis.topics.indicators import OP_KOERS, compute, registry

    assert "clientervaring_clientondersteuning" not in registry()  # awareness: no plan ambition
    ki = registry()["clientervaring_wist_waar"]
    assert ki.argumenten == {"nr": survey.WIST_WAAR} and ki.doel == "toegang_bereikbaar"
    r = compute(_ctx(), ki)
    m = r.meting
    assert (m.waarde, m.vorige) == (84.0, 85.0)  # 336/400 against 340/400
    # beleidsdoelen 'toegang_bereikbaar': CEO vraag 1, direction stabiel, the plan's words
    assert m.doel.richting == "stabiel" and m.doel.waarde is None
    assert m.doel.tekst.startswith("Inwoners weten ons te vinden met hun hulpvraag")
    # a drop of 1 point within the 95% margin holds "stabiel" (the old "stijgen" would not)
    assert r.oordeel == OP_KOERS


def test_quality_key_indicator_ambition_from_beleidsdoelen():
    from analysis.topics.indicators import compute, registry

    r = compute(_ctx(nrs=(6, 5)), registry()["clientervaring_kwaliteit"])
    assert r.meting.doel.richting == "stabiel"
    assert r.meting.doel.tekst == (
        "We beschikken over een ruim aanbod aan kwalitatief goede voorzieningen."
    )


def test_change_finding_in_plain_dutch_for_up_down_same_and_no_earlier_year():
    t = pd.DataFrame(
        {
            "nr": 6,
            "periode": ["2023", "2024", "2025"],
            "percentage": [70.0, 80.0, 80.0],
            "n": [400.0] * 3,
        }
    )
    up = survey.change_finding(t, 6, 2024, 2023, "het aandeel").zin()
    assert up == "Tussen 2023 en 2024 steeg het aandeel van 70% naar 80%."
    down = survey.change_finding(t, 6, 2023, 2024, "het aandeel").zin()
    assert down == "Tussen 2024 en 2023 daalde het aandeel van 80% naar 70%."
    same = survey.change_finding(t, 6, 2025, 2024, "het aandeel").zin()
    assert "gelijk" in same and "significant" not in same
    assert survey.change_finding(t, 6, 2025, None, "het aandeel").zin() == (
        "Er is geen eerdere meting om mee te vergelijken."
    )
    assert survey.change_finding(
        t, 6, 2024, 2023, "het aandeel", herkomst=True
    ).provenance.is_synthetic


def test_anchor_citation_names_the_article_and_the_site():
    from analysis.data import datasets

    cite = survey.anchor_citation(datasets.load("clientervaring_2022"), "Heemstede")
    assert (
        cite
        == "“Cliënten tevreden over maatschappelijke ondersteuning in Heemstede”, 023magazine.nl"
    )
