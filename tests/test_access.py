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
    tp = access.throughput(d, "GM1")
    assert tp["periode"].tolist() == ["2023-12", "2024-01", "2024-02", "2024-03"]
    assert tp["binnen_termijn"].tolist() == [False, True, False, True]  # 42 days is within
    s = access.throughput_summary(tp, "2024")
    assert (s["maanden"], s["binnen"], s["boven"], s["hoogste"]) == (3, 2, 1, 43.0)
    assert s["gemiddelde_mediaan"] == pytest.approx(115 / 3)
    with pytest.raises(DataError):
        access.throughput_summary(tp, "2019")


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
    from analysis.topics.indicators import REGISTRY

    assert REGISTRY["loket_meldingen_jaar"].hoofdstuk == "chapters/toegang"


def test_throughput_chart_data_floats_and_term():
    tp = pd.DataFrame(
        {
            "periode": ["2024-01", "2024-02"],
            "mediaan_dagen": [35, 50],
            "binnen_termijn": [True, False],
        }
    )
    cd = access.throughput_chart_data(tp)
    assert cd["Reeks"].value_counts().to_dict() == {
        "Mediane doorlooptijd": 2,
        "Wettelijke termijn (6 weken)": 2,
    }
    assert cd["Dagen"].dtype == float
    assert cd[cd["Reeks"].str.startswith("Wettelijke")]["Dagen"].tolist() == [42.0, 42.0]
