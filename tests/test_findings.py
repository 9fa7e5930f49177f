"""Findings only from real data, in sentences that read right (issues 14.2, 15.2).

Every finding function is checked for zero, one, many and negative values, and for what it says
when its input is synthetic: an illustration with marked numbers, never a statement.
"""

from __future__ import annotations

import pytest

from analysis.core.provenance import Provenance, is_marked, strip
from analysis.topics import findings as f

SYNTH = Provenance.dataset("stand_in", synthetic=True)
REAL = Provenance.dataset("echt")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (100, 120, "Het aantal steeg met 20%."),
        (100, 97, "Het aantal daalde met 3%."),  # never "steeg met -3%"
        (100, 100, "Het aantal bleef gelijk."),
        (1, 2, "Het aantal steeg met 100%."),
        (0, 1, "Het aantal steeg van 0 naar 1."),  # no division by zero
        (1000, 1003, "Het aantal steeg met 0,3%."),
        (100000, 100001, "Het aantal bleef vrijwel gelijk."),  # no "steeg met 0,0%"
        (-10, -5, "Het aantal steeg met 50%."),
    ],
)
def test_change_reads_right_for_every_sign_and_size(old, new, expected):
    assert f.change("het aantal", old, new, herkomst=REAL).zin() == expected


def test_change_of_a_share_names_both_values_and_respects_the_margin():
    assert (
        f.change("het aandeel", 14.0, 16.4, eenheid="%", decimalen=1).zin()
        == "Het aandeel steeg van 14,0% naar 16,4%."
    )
    within = f.change("het aandeel", 30.0, 28.0, eenheid="%", marge=3.0).zin()
    assert (
        within
        == "Het aandeel bleef ongeveer gelijk (van 30% naar 28%); het verschil is niet zeker."
    )
    assert "daalde" in f.change("het aandeel", 30.0, 26.0, eenheid="%", marge=3.0).zin()


def test_change_with_plural_subject_and_time_adverbial():
    c = f.change("de uitgaven", 4.0, 5.0, bepaling="sinds 2019", meervoud=True)
    assert c.zin() == "Sinds 2019 stegen de uitgaven met 25%."
    assert f.change("de uitgaven", 5.0, 4.0, meervoud=True, tijd="heden").titel() == (
        "De uitgaven dalen met 20%"
    )


def test_a_finding_from_synthetic_data_is_an_illustration_with_marked_numbers():
    c = f.change(
        "het aantal 85-plussers", 1400, 1680, herkomst=SYNTH, bepaling="tussen 2019 en 2025"
    )
    text = c.zin()
    assert text.startswith("In deze voorbeeldgegevens steeg het aantal 85-plussers")
    assert (
        strip(text)
        == "In deze voorbeeldgegevens steeg het aantal 85-plussers tussen 2019 en 2025 met 20%."
    )
    assert is_marked(text) and c.voorbeeld
    # the same numbers from real data are a statement, unmarked
    real = f.change(
        "het aantal 85-plussers", 1400, 1680, herkomst=REAL, bepaling="tussen 2019 en 2025"
    )
    assert real.zin() == "Tussen 2019 en 2025 steeg het aantal 85-plussers met 20%."
    assert not is_marked(real.zin())


def test_herkomst_may_be_a_frame_a_measurement_or_a_flag():
    import pandas as pd

    df = pd.DataFrame()
    df.attrs["herkomst"] = SYNTH
    assert f.change("x", 1, 2, herkomst=df).voorbeeld
    assert f.change("x", 1, 2, herkomst=True).voorbeeld
    assert not f.change("x", 1, 2).voorbeeld


def test_missing_value_is_refused():
    with pytest.raises(ValueError, match="ontbreekt"):
        f.change("het aantal", float("nan"), 3)


@pytest.mark.parametrize(
    ("value", "ref", "marge", "expected"),
    [
        (45.1, 40.7, None, "Het aandeel was 45,1%: hoger dan in Nederland (40,7%)."),
        (38.0, 40.7, None, "Het aandeel was 38,0%: lager dan in Nederland (40,7%)."),
        (40.7, 40.7, None, "Het aandeel was 40,7%: even hoog als in Nederland (40,7%)."),
        (
            41.5,
            40.7,
            2.0,
            "Het aandeel was 41,5%, tegen 40,7% in Nederland; het verschil is niet zeker.",
        ),
    ],
)
def test_compare_above_below_equal_and_uncertain(value, ref, marge, expected):
    got = f.compare(
        "het aandeel", value, ref, tegen="in Nederland", eenheid="%", decimalen=1, marge=marge
    )
    assert got.zin() == expected


def test_compare_with_a_synthetic_reference_is_an_example():
    c = f.compare("het aandeel", 45.1, 40.7, tegen="in Nederland", eenheid="%", decimalen=1,
                  herkomst=REAL, herkomst_referentie=SYNTH)  # fmt: skip
    assert c.voorbeeld and c.zin().startswith("In deze voorbeeldgegevens was het aandeel")


@pytest.mark.parametrize(
    ("real", "budget", "word"),
    [
        (4.7, 4.8, "lager dan begroot"),
        (5.5, 4.8, "hoger dan begroot"),
        (4.8, 4.8, "gelijk aan de begroting"),
    ],
)
def test_budget(real, budget, word):
    got = f.budget("de uitgaven", real, budget, eenheid="mln", decimalen=1).zin()
    assert got.startswith("De uitgaven waren ") and word in got


@pytest.mark.parametrize(
    ("n", "begin", "expected"),
    [
        (0, False, "geen actiepunten"),
        (1, False, "1 actiepunt"),
        (30, False, "30 actiepunten"),
        (0, True, "Geen actiepunten"),
        (1, True, "Eén actiepunt"),
        (3, True, "Drie actiepunten"),
        (1200, False, "1.200 actiepunten"),
    ],
)
def test_count_never_starts_a_sentence_with_a_digit_for_small_numbers(n, begin, expected):
    assert f.count(n, "actiepunt", "actiepunten", begin=begin) == expected


def test_count_marked_when_synthetic_but_geen_stays_a_word():
    assert is_marked(f.count(3, "punt", "punten", voorbeeld=True))
    assert f.count(0, "punt", "punten", voorbeeld=True) == "geen punten"


def test_verdict_from_synthetic_data_is_only_an_example():
    assert "zegt niets over de gemeente" in f.verdict_sentence("op koers", voorbeeld=True)
    assert f.verdict_sentence("op koers", voorbeeld=False).endswith("het oordeel: op koers.")


def test_a_stand_in_calibrated_on_the_plan_never_confirms_it():
    circular = f.against_plan(
        "het aantal meldingen", 1000, 1000, herkomst=SYNTH, afgestemd=True
    ).zin()
    assert "zoals het plan verwacht" not in circular and "geen bevestiging" in circular
    real = f.against_plan("het aantal meldingen", 1035, 1000, herkomst=REAL).zin()
    assert "zoals het plan verwacht" in real
    more = f.against_plan("het aantal meldingen", 1400, 1000).zin()
    assert "meer dan het plan verwacht" in more


def test_example_sentence_never_puts_two_numbers_side_by_side():
    """'In deze voorbeeldgegevens was in 2024 het aandeel 14%', never '… in 2024 14%'."""
    from analysis.topics.findings import Finding, number

    f = Finding("het aandeel", "was", number(14.4, "%", 1, voorbeeld=True), "in 2024", True)
    assert (
        f.zin()
        == f"In deze voorbeeldgegevens was in 2024 het aandeel {number(14.4, '%', 1, voorbeeld=True)}."
    )
    # a rest that opens with words keeps the usual order
    g = Finding("het aantal", "steeg", "met 20%", "tussen 2019 en 2025", True)
    assert g.zin() == "In deze voorbeeldgegevens steeg het aantal tussen 2019 en 2025 met 20%."
    # a statement from real data already has the time first
    assert Finding("het aandeel", "was", "14%", "in 2024").zin() == "In 2024 was het aandeel 14%."
