"""Tests for analysis.topics.forecast against a small example computed by hand.

Example: two client age groups, 0-64 and 75+ (65-74 left out for brevity).

Base year 2024, population on 1 January: 0-64 = 1,000 (as 0-14 400 + 15-64 600), 75+ = 200
(75-84 150 + 85+ 50). Clients 2024: 0-64 = 20, 75+ = 60, so u = 0.02 and 0.30; Totaal = 80.

Prognosis 2030 (midden): 0-64 = 1,050, 75+ = 300. Σ u·P = 21 + 90 = 111.
Decomposition: N0 = 1,200, Nt = 1,350, scale = 1.125; size only = 80 × 1.125 = 90
→ bevolkingsomvang = 10, vergrijzing = 111 − 90 = 21, gebruik = 0 with the 'gelijk' scenario.
With +1% a year for 6 years: f = 1.01^6 = 1.0615201506010001, gebruik = 0.0615201506 × 111
= 6.82873671671.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.core.errors import DataError
from analysis.topics import forecast


def _clients() -> pd.DataFrame:
    rows = [
        ("2024", "Totaal", "0-64", 20),
        ("2024", "Totaal", "75+", 60),
        ("2024", "Totaal", "totaal", 80),
        ("2024", "Hulp bij het huishouden", "0-64", 5),
        ("2024", "Hulp bij het huishouden", "75+", 40),
        ("2024H1", "Totaal", "0-64", 15),
        ("2024H1", "Totaal", "75+", 50),
    ]
    d = pd.DataFrame(rows, columns=["periode", "type", "leeftijd", "aantal"])
    d["gemeente_code"] = "GM1"
    return d


def _pop() -> pd.DataFrame:
    rows = [("0-14", 400), ("15-64", 600), ("75-84", 150), ("85+", 50)]
    d = pd.DataFrame(rows, columns=["leeftijd", "waarde"])
    return d.assign(gemeente_code="GM1", periode=2024, geslacht="totaal")


def _prog() -> pd.DataFrame:
    rows = []
    for variant, k in [("laag", 0.9), ("midden", 1.0), ("hoog", 1.1)]:
        for label, v in [("0-14", 420), ("15-64", 630), ("75-84", 220), ("85+", 80)]:
            rows.append(("GM1", 2030, label, variant, v * k))
    return pd.DataFrame(rows, columns=["gemeente_code", "periode", "leeftijd", "variant", "waarde"])


SCEN = {"lager": -0.01, "gelijk": 0.0, "hoger": 0.01}
COMBOS = {"laag": ("laag", "lager"), "midden": ("midden", "gelijk"), "hoog": ("hoog", "hoger")}


def _rates() -> pd.DataFrame:
    return forecast.usage_rates(_clients(), _pop(), "GM1", "2024")


def test_usage_rates_by_hand():
    r = _rates().set_index(["type", "leeftijd"])
    assert r.loc[("Totaal", "0-64"), "u"] == pytest.approx(0.02)
    assert r.loc[("Totaal", "75+"), "u"] == pytest.approx(0.30)
    assert r.loc[("Hulp bij het huishouden", "75+"), "u"] == pytest.approx(0.20)
    assert r.loc[("Totaal", "75+"), "inwoners"] == 200
    # the all-ages row is not an age group
    assert "totaal" not in set(r.index.get_level_values("leeftijd"))


def test_usage_rates_refuse_half_year_and_missing_data():
    with pytest.raises(ValueError, match="heel jaar"):
        forecast.usage_rates(_clients(), _pop(), "GM1", "2024H1")
    with pytest.raises(DataError):
        forecast.usage_rates(_clients(), _pop(), "GM1", "2023")


def test_prognosis_groups_sum_and_straddle():
    g = forecast.prognosis_groups(_prog(), "GM1", ["0-64", "75+"])
    mid = g[g["variant"] == "midden"].set_index("leeftijd")["inwoners"]
    assert mid["0-64"] == 1050 and mid["75+"] == 300
    with pytest.raises(ValueError):
        forecast.prognosis_groups(_prog(), "GM1", ["0-10"])


def test_project_and_band_by_hand():
    g = forecast.prognosis_groups(_prog(), "GM1", ["0-64", "75+"])
    p = forecast.project(_rates(), g, 2024, SCEN)
    tot = p[(p["type"] == "Totaal")].set_index(["variant", "scenario"])["clienten"]
    assert tot[("midden", "gelijk")] == pytest.approx(111.0)
    assert tot[("hoog", "hoger")] == pytest.approx(111.0 * 1.1 * 1.01**6)
    assert tot[("laag", "lager")] == pytest.approx(111.0 * 0.9 * 0.99**6)
    b = forecast.band(p, COMBOS).set_index("type")
    assert b.loc["Totaal", "midden"] == pytest.approx(111.0)
    assert b.loc["Totaal", "laag"] < b.loc["Totaal", "midden"] < b.loc["Totaal", "hoog"]
    # HbH: 0.005 × 1050 + 0.2 × 300 = 65.25
    assert b.loc["Hulp bij het huishouden", "midden"] == pytest.approx(65.25)


def test_decompose_by_hand():
    g = forecast.prognosis_groups(_prog(), "GM1", ["0-64", "75+"])
    d = forecast.decompose(_rates(), g, 2024, 2030)
    assert d["basis"] == pytest.approx(80.0)
    assert d["bevolkingsomvang"] == pytest.approx(10.0)
    assert d["vergrijzing"] == pytest.approx(21.0)
    assert d["gebruik"] == 0
    assert d["prognose"] == pytest.approx(111.0)
    assert d["groei_pct"] == pytest.approx(38.75)
    assert d["aandeel_vergrijzing_pct"] == pytest.approx(21.0 / 31.0 * 100)
    d2 = forecast.decompose(_rates(), g, 2024, 2030, groei=0.01)
    assert d2["gebruik"] == pytest.approx(0.0615201506 * 111, rel=1e-9)
    assert d2["totaal"] == pytest.approx(31.0 + 0.0615201506 * 111, rel=1e-9)


def test_rate_factor_and_rounding():
    assert forecast.rate_factor(2024, 2024, 0.05) == 1.0
    assert forecast.rate_factor(2026, 2024, 0.1) == pytest.approx(1.21)
    assert forecast.round_to(2514.0) == 2510.0
    assert forecast.round_to(2516.0) == 2520.0


def test_base_clients_and_chart_data():
    base = forecast.base_clients(_rates())
    assert base["Totaal"] == 80.0
    b = pd.DataFrame(
        {
            "type": "T",
            "jaar": [2030, 2024],
            "laag": [101.0, 80.0],
            "midden": [111.0, 80.0],
            "hoog": [126.0, 80.0],
        }
    )
    c = forecast.band_chart_data(b, "T")
    assert c["Jaar"].tolist() == ["2024", "2030"]
    assert c["Cliënten"].tolist() == [80.0, 110.0]
    assert c["Hoog"].tolist() == [80.0, 130.0]
    assert forecast.band_chart_data(b, "T", tot=2025)["Jaar"].tolist() == ["2024"]


class _P:
    def __init__(self, scen):
        self.d = {
            "wmo.basisperiode": "2024",
            "wmo.prognosejaren": [2030, 2040],
            "wmo.scenarios": scen,
        }

    def get(self, k, default=None):
        return self.d.get(k, default)


def test_scenario_settings():
    scen = [
        {"naam": "lager", "groei": -0.01, "variant": "laag", "band": "laag"},
        {"naam": "gelijk", "groei": 0, "variant": "midden", "band": "midden"},
        {"naam": "hoger", "groei": 0.01, "variant": "hoog", "band": "hoog"},
    ]
    base, years, s, c = forecast.scenario_settings(_P(scen))
    assert base == 2024 and years == [2030, 2040]
    assert s == SCEN and c == COMBOS
    with pytest.raises(DataError):
        forecast.scenario_settings(_P(scen[:2]))


def test_tables_for_the_chapter():
    r = _rates()
    g = forecast.prognosis_groups(_prog(), "GM1", ["0-64", "75+"])
    rt = forecast.rates_table(r, ["Totaal", "Hulp bij het huishouden"]).set_index("Type")
    assert rt.loc["Totaal", "75+ jaar"] == 300.0
    assert rt.loc["Hulp bij het huishouden", "0-64 jaar"] == 5.0
    p = forecast.project(r, g, 2024, SCEN)
    b = forecast.band(p, COMBOS)
    base = forecast.base_clients(r)
    first = pd.DataFrame(
        {
            "type": base.index,
            "jaar": 2024,
            "laag": base.values,
            "midden": base.values,
            "hoog": base.values,
        }
    )
    bt = forecast.band_table(pd.concat([first, b]), 2024, [2030]).set_index("Type")
    assert bt.loc["Totaal", "2024 (basis)"] == 80.0
    assert bt.loc["Totaal", "2030 midden"] == 110.0  # 111 rounded to 10
    assert bt.index[0] == "Totaal"  # totals first, CBS order
    dt = forecast.decomposition_table(r, g, 2024, [2030]).set_index("Oorzaak")["Extra cliënten"]
    assert dt["meer inwoners"] == pytest.approx(10.0)
    assert dt["vergrijzing"] == pytest.approx(21.0)
    scen = [{"naam": "hoger", "groei": 0.01, "variant": "hoog", "band": "hoog", "toelichting": "t"}]
    st = forecast.scenario_table(_P(scen))
    assert st.iloc[0]["Gebruik per leeftijdsgroep"] == "1,0% per jaar"


def test_small_lookups():
    r = _rates()
    g = forecast.prognosis_groups(_prog(), "GM1", ["0-64", "75+"])
    assert forecast.group_size(g, "75+").to_dict() == {2030: 300.0}
    assert forecast.group_size(g, "75+", "hoog").to_dict() == {2030: pytest.approx(330.0)}
    assert forecast.rate_per_1000(r, "Totaal", "75+") == pytest.approx(300.0)
    assert forecast.base_population(r, "75+") == 200.0
    dt = forecast.decomposition_table(r, g, 2024, [2030], step=10)
    assert dt["Extra cliënten"].tolist() == [10.0, 20.0, 0.0]


def test_key_indicator_growth_on_the_project_data():
    from analysis.present import report

    m = forecast.growth_measure(report.chapter("2025"))
    assert m.waarde is not None and m.waarde > 0
    assert m.marge is None  # the band is a scenario range, not a 95% interval


def test_no_circular_confirmation_or_developer_words_in_the_projection_pages():
    """Review 1.6/1.11 and issue 14: a projection on stand-ins (a prognosis tuned to the plan's
    dementia figures) never 'bevestigt de richting' of the plan; no 'niet in de code'."""
    import json
    from pathlib import Path

    from analysis.topics import forecast

    d1 = {"groei_pct": 6.0, "aandeel_vergrijzing_pct": 77.0}
    d2 = {"groei_pct": 19.0, "aandeel_vergrijzing_pct": 76.0}
    text = forecast.direction_text(d1, d2, 2030, 2040, voorbeeld=True)
    assert (
        text.startswith("In deze voorbeeldgegevens")
        and "bevestigt de verwachting van het plan niet" in text
    )
    root = Path(__file__).resolve().parents[1] / "chapters"
    for name in ("vraagprognose", "dementie"):
        nb = json.loads((root / f"{name}.ipynb").read_text(encoding="utf-8"))
        prose = " ".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
        for bad in (
            "bevestigt de richting",
            "niet in de code",
            "stand-in",
            "synthetische gegevens)",
            "in dezelfde orde van grootte als het plan",
            "oordeel in de Samenvatting is *onvoldoende",
        ):
            assert bad not in prose, (name, bad)
