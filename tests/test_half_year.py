"""The half-year edition (the P&C rapportage, plan 6.3): which data an edition ``2026H1`` sees and
how periods read in it. The whole edition is built in tests/test_e2e.py."""

from __future__ import annotations

import pandas as pd

from analysis.present.report import chapter
from analysis.topics import agenda, population, social, survey


def test_a_stand_on_1_january_belongs_to_the_half_year_a_year_total_does_not():
    ctx = chapter("2026H1")
    bev = ctx.load("bevolking_leeftijd", periode_vereist=True)  # 1 January 2026 lies in 2026H1
    assert bev["periode"].astype(str).max() == "2026"
    clients = ctx.load("wmo_clienten")  # the year 2026 ends after the half-year
    assert "2026" not in set(clients["periode"].astype(str))
    assert "2026H1" in set(clients["periode"].astype(str))
    # the year edition before it does not see 1 January 2026
    assert chapter("2025").load("bevolking_leeftijd")["periode"].astype(str).max() == "2025"


def test_key_indicators_of_a_half_year_use_the_right_stand_and_survey():
    assert population.stand_year("2026H1") == "2026" and population.stand_year(2025) == "2025"
    t = pd.DataFrame({"nr": 1, "periode": ["2023", "2025"]})
    assert survey.survey_year(t, "2026H1") == "2025" and survey.survey_year(t, "2025") == "2025"
    from analysis.topics.indicators import compute, registry

    ctx = chapter("2026H1")
    reg = registry()
    share = compute(ctx, reg["demografie_75plus"])
    assert (share.meting.periode, share.meting.vorige_periode) == ("2026", "2025")
    quality = compute(ctx, reg["clientervaring_kwaliteit"])
    assert quality.meting.periode == "2025" and quality.meting.waarde is not None


def test_yearly_registrations_never_compare_a_half_year_with_a_year():
    d = pd.DataFrame({"gemeente_code": "A", "periode": ["2025", "2026H1"],
                      "indicator": "respijtzorg", "waarde": [60, 35]})  # fmt: skip
    assert social.support_table(d, "A", upto="2026H1")["Jaar"].tolist() == ["2025"]
    v = pd.DataFrame({"gemeente_code": "A", "periode": ["2025", "2025", "2026H1", "2026H1"],
                      "indicator": ["vacatures", "matches"] * 2, "leeftijd": "jong",
                      "waarde": [40, 30, 20, 15]})  # fmt: skip
    assert set(social.desk_table(v, "A", upto="2026H1")["Jaar"]) == {"2025"}


def test_the_agenda_names_the_half_year_by_its_label():
    p = pd.DataFrame({"Thema": ["a"], "Aan de beurt": [2], "% gereed of op schema": [50.0]})
    text = agenda.progress_description(p, "2026H1")
    assert "in het 1e halfjaar 2026 aan de beurt" in text and "2026H1" not in text


def test_the_meldingen_key_indicator_of_a_half_year_is_the_last_full_year():
    from analysis.topics.indicators import compute, registry

    r = compute(chapter("2026H1"), registry()["loket_meldingen_jaar"])
    assert (r.meting.periode, r.meting.vorige_periode) == ("2025", "2024")
    assert r.meting.waarde is not None
