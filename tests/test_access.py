"""Tests for analysis.topics.access: Loket counts (suppressed), throughput, plan reference."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.core.errors import DataError
from analysis.topics import access

PRIV = {"min_cel": 10, "afronding": 5}


def _meldingen() -> pd.DataFrame:
    """Two kinds over 12 months of 2024 plus January 2025: a = 20/month, b = 3/month."""
    rows = []
    for m in range(1, 13):
        rows.append(("GM1", f"2024-{m:02d}", "meldingen", "a", 20))
        rows.append(("GM1", f"2024-{m:02d}", "meldingen", "b", 3))
    rows.append(("GM1", "2025-01", "meldingen", "a", 20))
    rows.append(("GM1", "2025-01", "meldingen", "b", 3))
    rows.append(("GM2", "2024-01", "meldingen", "a", 99))
    return pd.DataFrame(rows, columns=["gemeente_code", "periode", "indicator", "soort", "waarde"])


def test_period_of_month():
    assert access.period_of_month("2023-12", "K") == "2023K4"
    assert access.period_of_month("2023-01", "K") == "2023K1"
    assert access.period_of_month("2023-07", "J") == "2023"
    assert access.period_of_month("2023-07", "M") == "2023-07"
    with pytest.raises(ValueError):
        access.period_of_month("2023-07", "X")


def test_raw_counts_year_only_complete_periods_and_total():
    raw = access.raw_counts(_meldingen(), "GM1", freq="J")
    # 2025 has one month only: not a complete year
    assert raw["periode"].unique().tolist() == ["2024"]
    got = dict(zip(raw["soort"], raw["aantal"], strict=True))
    assert got == {"a": 240, "b": 36, "totaal": 276}


def test_raw_counts_quarter():
    raw = access.raw_counts(_meldingen(), "GM1", freq="K")
    q1 = raw[raw["periode"] == "2024K1"].set_index("soort")["aantal"]
    assert q1.to_dict() == {"a": 60, "b": 9, "totaal": 69}
    assert "2025K1" not in set(raw["periode"])


def test_published_counts_suppresses_and_rounds():
    q = access.published_counts(_meldingen(), "GM1", PRIV, freq="K").set_index("periode")
    # b = 9 < 10 suppressed; total 69 -> 70 published, so a (60) is hidden as well
    assert pd.isna(q.loc["2024K1", "b"])
    assert pd.isna(q.loc["2024K1", "a"])
    assert q.loc["2024K1", "totaal"] == 70
    y = access.published_counts(_meldingen(), "GM1", PRIV, freq="J").set_index("periode")
    assert y.loc["2024"].tolist() == [240, 35, 275]  # 36 -> 35, 276 -> 275
    assert list(y.columns) == ["a", "b", "totaal"]


def test_published_counts_monthly_values_all_safe():
    m = access.published_counts(_meldingen(), "GM1", PRIV, freq="M")
    vals = m.drop(columns="periode").stack().dropna().astype(int)
    assert ((vals >= 10) & (vals % 5 == 0)).all()


def test_to_long():
    w = pd.DataFrame(
        {"periode": ["2024"], "a": pd.array([10], "Int64"), "b": pd.array([pd.NA], "Int64")}
    )
    long = access.to_long(w)
    assert list(long.columns) == ["Periode", "Soort", "Aantal"]
    assert long["Aantal"].isna().tolist() == [False, True]


def test_unknown_indicator_raises():
    with pytest.raises(DataError):
        access.raw_counts(_meldingen(), "GM1", indicator="herindicaties")


def test_throughput_and_summary():
    d = pd.DataFrame(
        {
            "gemeente_code": "GM1",
            "periode": ["2024-02", "2024-01", "2024-03", "2023-12"],
            "indicator": access.DOORLOOPTIJD,
            "soort": "alle",
            "waarde": [43, 42, 30, 60],
        }
    )
    tp = access.throughput(d, "GM1", 42)
    assert tp["periode"].tolist() == ["2023-12", "2024-01", "2024-02", "2024-03"]
    assert tp["binnen_termijn"].tolist() == [False, True, False, True]  # 42 days is within
    s = access.throughput_summary(tp, "2024", 42)
    assert (s["maanden"], s["binnen"], s["boven"], s["hoogste"]) == (3, 2, 1, 43.0)
    assert s["gemiddelde_mediaan"] == pytest.approx(115 / 3)
    with pytest.raises(DataError):
        access.throughput_summary(tp, "2019", 42)


def test_plan_reference():
    r = pd.DataFrame(
        {
            "gemeente_code": ["GM1", "GM1"],
            "periode": [2024, 2024],
            "indicator": ["iets anders", "formele Wmo-meldingen per jaar (ongeveer)"],
            "waarde": [5, 1000],
        }
    )
    assert access.plan_reference(r, "GM1") == 1000.0
    assert access.plan_reference(r, "GM9") is None


def test_key_indicator_registered():
    from analysis.topics.indicators import registry

    assert registry()["loket_meldingen_jaar"].hoofdstuk == "chapters/toegang"


def test_throughput_chart_data_floats_and_term():
    tp = pd.DataFrame(
        {
            "periode": ["2024-01", "2024-02"],
            "mediaan_dagen": [35, 50],
            "binnen_termijn": [True, False],
        }
    )
    cd = access.throughput_chart_data(tp, access.series_term(TOEGANG))
    assert cd["Reeks"].value_counts().to_dict() == {
        "Mediane doorlooptijd": 2,
        "Wettelijke termijn (onderzoek en beschikking samen: acht weken)": 2,
    }
    assert cd["Dagen"].dtype == float
    assert cd[cd["Reeks"].str.startswith("Wettelijke")]["Dagen"].tolist() == [56.0, 56.0]


# --- regression: melding -> besluit is held against onderzoek + beschikking (edition 2025, D8)

TOEGANG = {
    "termijnen": [
        {
            "stap": "onderzoek",
            "weken": 6,
            "omschrijving": "het onderzoek na de melding",
            "reeks": "van melding tot verslag van het onderzoek",
            "artikel": "artikel 2.3.2, eerste lid, Wmo 2015",
        },
        {
            "stap": "beschikking",
            "weken": 2,
            "omschrijving": "de beschikking na de aanvraag",
            "reeks": "van aanvraag tot beschikking",
            "artikel": "artikel 2.3.5, eerste lid, Wmo 2015",
        },
    ],
    "doorlooptijden": [
        {
            "indicator": access.DOORLOOPTIJD,
            "reeks": "van melding tot besluit",
            "stappen": ["onderzoek", "beschikking"],
        },
        {
            "indicator": "doorlooptijd melding tot verslag (mediaan)",
            "reeks": "van melding tot verslag van het onderzoek",
            "stappen": ["onderzoek"],
        },
    ],
}


def test_melding_to_decision_is_held_against_six_plus_two_weeks():
    t = access.series_term(TOEGANG)
    assert (t.weken, t.dagen) == (8, 56)
    assert [s.artikel for s in t.stappen] == [
        "artikel 2.3.2, eerste lid, Wmo 2015",
        "artikel 2.3.5, eerste lid, Wmo 2015",
    ]
    # a series of the onderzoek alone keeps its six weeks
    assert access.series_term(TOEGANG, "doorlooptijd melding tot verslag (mediaan)").dagen == 42
    d = pd.DataFrame(
        {
            "gemeente_code": "GM1",
            "periode": ["2024-01", "2024-02", "2024-03"],
            "indicator": access.DOORLOOPTIJD,
            "soort": "alle",
            "waarde": [42, 50, 57],
        }
    )
    tp = access.throughput(d, "GM1", t.dagen)
    # 50 days from melding to besluit is within 6 + 2 weeks; the old code called it late
    assert tp["binnen_termijn"].tolist() == [True, True, False]
    s = access.throughput_summary(tp, 2024, t.dagen)
    assert (s["binnen"], s["boven"], s["termijn"]) == (2, 1, 56)


def test_shipped_params_give_both_legal_terms():
    from analysis.config.params import available_periods, load_params

    for periode in available_periods():
        t = access.series_term(load_params(periode).get("toegang"))
        assert [(s.stap, s.weken) for s in t.stappen] == [("onderzoek", 6), ("beschikking", 2)]
        assert t.dagen == 56


def test_series_term_errors_name_the_field():
    from analysis.core.errors import ParamsError

    with pytest.raises(ParamsError, match="toegang.termijnen"):
        access.series_term(None)
    with pytest.raises(ParamsError, match="geen termijn"):
        access.series_term(TOEGANG, "iets anders")
    bad = {**TOEGANG, "doorlooptijden": [{**TOEGANG["doorlooptijden"][0], "stappen": ["x"]}]}
    with pytest.raises(ParamsError, match="onbekende stap 'x'"):
        access.series_term(bad)


def test_term_explanation_names_both_articles_and_the_sum():
    text = access.term_explanation(access.series_term(TOEGANG))
    assert "zes weken voor het onderzoek na de melding (artikel 2.3.2" in text
    assert "twee weken voor de beschikking na de aanvraag (artikel 2.3.5" in text
    assert "acht weken (56 dagen)" in text
    assert "van melding tot verslag van het onderzoek en van aanvraag tot beschikking" in text


@pytest.mark.parametrize(
    ("binnen", "boven", "expected"),
    [
        (12, 0, "in alle 12 maanden binnen acht weken;"),
        (0, 12, "in geen van de 12 maanden binnen acht weken;"),
        (11, 1, "in 11 van de 12 maanden binnen acht weken en in 1 maand erboven;"),
        (8, 4, "in 8 van de 12 maanden binnen acht weken en in 4 maanden erboven;"),
    ],
)
def test_throughput_sentence_reads_right_for_all_none_one_many(binnen, boven, expected):
    t = access.series_term(TOEGANG)
    s = {"maanden": 12, "binnen": binnen, "boven": boven, "hoogste": 70.0}
    text = access.throughput_sentence(s, 2025, t)
    assert text == (
        f"In 2025 lag de mediane doorlooptijd van melding tot besluit {expected} "
        "de hoogste maandmediaan was 70 dagen."
    )


def test_throughput_sentence_and_title_one_month():
    t = access.series_term(TOEGANG)
    one = {"maanden": 1, "binnen": 1, "boven": 0, "hoogste": 40.0}
    assert "in de enige maand met gegevens binnen acht weken" in access.throughput_sentence(
        one, 2025, t
    )
    assert "in de enige maand met gegevens boven acht weken" in access.throughput_sentence(
        {**one, "binnen": 0, "boven": 1}, 2025, t
    )
    assert access.throughput_title(one, 2025, t) == (
        "Mediane doorlooptijd in de enige maand van 2025 binnen acht weken"
    )
    assert access.throughput_title({"maanden": 12, "binnen": 12}, 2025, t) == (
        "Mediane doorlooptijd in alle 12 maanden van 2025 binnen acht weken"
    )
