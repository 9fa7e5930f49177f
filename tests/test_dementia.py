"""Tests for analysis.topics.dementia: plan estimates, implied rate, projection, side-by-side table."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.topics import dementia
from analysis.topics.indicators import registry


@pytest.fixture
def estimates() -> pd.DataFrame:
    d = pd.DataFrame(
        {
            "gemeente_code": ["A", "A", "A", "NL01"],
            "periode": ["2040", "2022", "2018", "2021"],
            "soort": ["prognose", "schatting", "schatting", "schatting"],
            "waarde": [1100, 800, 700, 290000],
            "bron": ["p; ", "p", "q", "r"],
        }
    )
    return dementia.plan_estimates(d, "A")


@pytest.fixture
def prognose() -> pd.DataFrame:
    # 2040: 65+ = 6000 + 4000 = 10 000 (midden), 75+ = 4000; laag/hoog -/+ 10%
    rows = []
    for variant, f in {"laag": 0.9, "midden": 1.0, "hoog": 1.1}.items():
        for lab, v in {"0-64": 20000, "65-74": 6000, "75+": 4000}.items():
            rows.append(
                {
                    "gemeente_code": "A",
                    "periode": "2040",
                    "leeftijd": lab,
                    "variant": variant,
                    "waarde": v * f,
                }
            )
    return pd.DataFrame(rows)


@pytest.fixture
def bev() -> pd.DataFrame:
    # 2022: 65+ = 8000, 75+ = 3200; 2025: 65+ = 8800
    rows = []
    for per, vals in {"2022": [20000, 4800, 3200], "2025": [20000, 5200, 3600]}.items():
        for lab, v in zip(["0-64", "65-74", "75+"], vals, strict=True):
            rows.append(
                {
                    "gemeente_code": "A",
                    "periode": per,
                    "leeftijd": lab,
                    "geslacht": "totaal",
                    "waarde": v,
                }
            )
    return pd.DataFrame(rows)


def test_plan_estimates(estimates):
    assert estimates["Jaar"].tolist() == ["2018", "2022", "2040"]
    assert estimates["Aantal"].tolist() == [700.0, 800.0, 1100.0]
    assert estimates["Bron"].tolist()[2] == "p"
    with pytest.raises(KeyError):
        dementia.plan_estimates(
            pd.DataFrame(
                {
                    "gemeente_code": ["B"],
                    "periode": ["1"],
                    "soort": ["s"],
                    "waarde": [1],
                    "bron": ["x"],
                }
            ),
            "A",
        )


def test_implied_rate():
    assert dementia.implied_rate(800, 8000) == 10.0
    with pytest.raises(ValueError):
        dementia.implied_rate(800, 0)


def test_aged_prognosis_and_project(prognose):
    a = dementia.aged_prognosis(prognose, "A", 65)
    assert a.loc["2040", "midden"] == 10000.0 and a.loc["2040", "laag"] == 9000.0
    assert dementia.project(10.0, a).loc["2040"].tolist() == [900.0, 1000.0, 1100.0]


def test_base_residents(bev):
    assert dementia.base_residents(bev, "A", [65, 75], 2022).to_dict() == {65: 8000.0, 75: 3200.0}


def test_projection_table_and_side_by_side(estimates, prognose, bev):
    base = dementia.base_residents(bev, "A", [65, 75], 2022)
    aged = {a: dementia.aged_prognosis(prognose, "A", a) for a in (65, 75)}
    t = dementia.projection_table(estimates, base, aged, 2022)
    # 65+: 800/8000 = 10% x 10 000 = 1000; 75+: 800/3200 = 25% x 4000 = 1000 (laag 900, hoog 1100)
    assert t["Basis"].tolist() == ["65-plussers", "75-plussers"]
    assert t["Percentage"].tolist() == [10.0, 25.0]
    assert t[["Laag", "Midden", "Hoog"]].values.tolist() == [[900.0, 1000.0, 1100.0]] * 2
    s = dementia.side_by_side(estimates, t)
    assert s["Jaar"].tolist() == ["2018", "2022", "2040"]
    row = s.set_index("Jaar").loc["2040"]
    assert row["Schatting p"] == 1100.0 and row["Projectie hoogste"] == 1100.0
    # one column per source: the 2018 figure of source q is not in source p's column
    assert s.set_index("Jaar").loc["2018", "Schatting q"] == 700.0
    assert pd.isna(s.set_index("Jaar").loc["2018", "Schatting p"])
    assert row["Projectie 65-plussers (midden)"] == 1000.0
    with pytest.raises(KeyError):
        dementia.projection_table(estimates, base, aged, 2030)


def test_chart_data(estimates, prognose, bev):
    base = dementia.base_residents(bev, "A", [65], 2022)
    t = dementia.projection_table(
        estimates, base, {65: dementia.aged_prognosis(prognose, "A", 65)}, 2022
    )
    c = dementia.chart_data(estimates, t, "65-plussers")
    assert c["Reeks"].tolist() == ["Projectie (65-plussers)"] + ["Schatting p"] * 2 + [
        "Schatting q"
    ]
    plan = c[c["Reeks"].str.startswith("Schatting")]
    assert (plan["Laag"] == plan["Aantal"]).all()


def test_current_estimate(estimates, bev):
    # 10% of 8800
    assert dementia.current_estimate(bev, estimates, "A", 65, 2022, 2025) == 880.0


def test_key_indicator_registered():
    assert registry()["dementie_geschat"].hoofdstuk == "chapters/dementie"


def test_chart_data_all_bases(estimates, prognose, bev):
    base = dementia.base_residents(bev, "A", [65, 75], 2022)
    aged = {a: dementia.aged_prognosis(prognose, "A", a) for a in (65, 75)}
    t = dementia.projection_table(estimates, base, aged, 2022)
    c = dementia.chart_data(estimates, t)
    assert sorted(set(c["Reeks"])) == [
        "Projectie (65-plussers)",
        "Projectie (75-plussers)",
        "Schatting p",
        "Schatting q",
    ]


def test_project_rounds_and_chart_text():
    a = pd.DataFrame({"midden": [10043.0]}, index=["2040"])
    assert dementia.project(10.0, a).loc["2040", "midden"] == 1000.0
    assert dementia.project(10.0, a, afronding=1).loc["2040", "midden"] == 1004.0
    d = pd.DataFrame(
        {
            "Reeks": ["Plan"],
            "Jaar": ["2040"],
            "Aantal": [1100.0],
            "Laag": [1100.0],
            "Hoog": [1100.0],
        }
    )
    assert dementia.chart_text(d) == "Plan 2040: 1.100"


def test_calibration_note():
    """Plain words (no raw calibration notes with "stand-in" and unformatted numbers): a stand-in
    made to follow the plan is said to be no confirmation of it."""
    p = pd.DataFrame({"waarde": [1]})
    p.attrs["manifest"] = {"synthetic": True, "calibrated_to": "volgt het plan (stand-in), 1100"}
    note = dementia.calibration_note(p)
    assert "zo zijn gemaakt dat ze de schattingen van het plan volgen" in note
    assert "geen bevestiging van het plan" in note
    assert "stand-in" not in note and "1100" not in note
    p.attrs["manifest"] = {"synthetic": False, "calibrated_to": "plan"}
    assert dementia.calibration_note(p) == ""


# --- regression: two vintages of the estimates are never one series (edition 2025, D8)


def test_growth_only_within_one_vintage(estimates):
    # q: 700 in 2018; p: 800 in 2022 and 1100 in 2040. The old page took 2018 -> 2040 (700 -> 1100).
    g = dementia.vintage_growth(estimates)
    assert g[["Raming", "Van", "Tot", "Begin", "Eind"]].values.tolist() == [
        ["p", "2022", "2040", 800.0, 1100.0]
    ]
    assert g["Groei"].item() == pytest.approx(37.5)


def test_shipped_estimates_two_vintages_not_compared_with_nederland():
    from analysis.config.params import load_params
    from analysis.data import datasets

    p = load_params(2025)
    dem = datasets.load("dementie_schattingen")
    local = dementia.plan_estimates(dem, p.gemeente_code)
    g = dementia.vintage_growth(local).set_index("Raming")
    assert g.loc["beleidsplan 2019-2023", ["Van", "Tot", "Begin", "Eind"]].tolist() == [
        "2018",
        "2050",
        720.0,
        1200.0,
    ]
    assert g.loc["beleidsplan 2025-2028", ["Van", "Tot", "Begin", "Eind"]].tolist() == [
        "2022",
        "2040",
        780.0,
        1100.0,
    ]
    nl = dementia.vintage_growth(dementia.plan_estimates(dem, "NL01"))
    text = dementia.vintage_comparison_text(dementia.vintage_growth(local), nl, "Nederland")
    assert "komen uit verschillende ramingen en vormen samen geen doorlopende reeks" in text
    assert "een stijging van 121%" in text  # still shown, within its own source
    assert text.endswith("ze zijn daarom niet met elkaar te vergelijken.")
    assert "sneller" not in text and "langzamer" not in text
    # the chart: each vintage its own series, with only its own years
    c = dementia.chart_data(
        local, pd.DataFrame(columns=["Basis", "Jaar", "Midden", "Laag", "Hoog"])
    )
    years = c.groupby("Reeks")["Jaar"].apply(list).to_dict()
    assert years == {
        "Schatting beleidsplan 2019-2023": ["2018", "2050"],
        "Schatting beleidsplan 2025-2028": ["2022", "2040"],
    }


def test_comparison_only_within_same_vintage_and_years():
    loc = pd.DataFrame(
        {"Raming": ["r"], "Van": ["2020"], "Tot": ["2040"], "Begin": [100.0], "Eind": [150.0],
         "Groei": [50.0]}
    )  # fmt: skip
    same = loc.assign(Begin=1000.0, Eind=1600.0, Groei=60.0)
    assert dementia.vintage_comparison_text(loc, same, "Nederland").endswith(
        "In dezelfde raming en dezelfde jaren groeit het aantal hier langzamer dan in Nederland."
    )
    other_years = same.assign(Van="2021")
    assert dementia.vintage_comparison_text(loc, other_years, "Nederland").endswith(
        "Deze groeicijfers gaan over verschillende jaren; ze zijn daarom niet met elkaar te "
        "vergelijken."
    )
    falling = loc.assign(Eind=90.0, Groei=-10.0)
    assert "een daling van 10%" in dementia.vintage_comparison_text(falling, loc.iloc[:0], "NL")
