"""The Leeswijzer's examples come from the code that writes the pages, so the explanation cannot
drift from what the pages show (analysis.present.reading_guide)."""

from __future__ import annotations

from analysis.core.provenance import mark
from analysis.present import reading_guide
from analysis.present.marks import SIGN, markdown_fragment
from analysis.topics.findings import change


def test_the_sign_is_the_one_the_pages_use():
    # a figure marked anywhere in a chapter becomes exactly this HTML
    assert reading_guide.sign_example("1.060") == markdown_fragment(mark("1.060"))
    assert f'aria-hidden="true">{SIGN}</sup>' in reading_guide.sign_example()
    assert "(synthetisch)" in reading_guide.sign_example()


def test_interval_example_by_hand():
    # 200 of 500: p = 0,4; Wilson with z = 1,96: centre (0,4 + 1,96²/1000) / (1 + 1,96²/500)
    # = 0,4008; half-width 1,96 · √(0,24/500 + 1,96²/10⁶) / 1,0077 = 0,0428 → 35,8% to 44,4%
    assert reading_guide.interval_example() == {
        "ja": "200",
        "n": "500",
        "aandeel": "40%",
        "onder": "35,8%",
        "boven": "44,4%",
    }
    # a larger survey gives a smaller margin, as the page says
    wide = reading_guide.interval_example(2000, 5000)
    assert (wide["onder"], wide["boven"]) == ("38,7%", "41,4%")  # half-width about 1,4 points


def test_difference_examples_are_what_the_chapters_write():
    d = reading_guide.difference_examples()
    assert d["klein"] == change("het aandeel", 30.0, 28.0, eenheid="%", marge=3.0).zin()
    assert d["klein"].endswith("het verschil is niet zeker.")
    assert d["groot"] == "Het aandeel daalde van 30% naar 24%."
    assert d["marge"] == "3 procentpunt"


def test_percentage_point_example():
    assert reading_guide.percentage_point_example() == {
        "van": "20%",
        "naar": "25%",
        "punten": "5 procentpunt",
        "relatief": "25%",
    }


def test_period_table_for_a_year_and_a_half_year_edition():
    t = reading_guide.period_table("2025")
    assert t["Zo staat het er"].tolist() == [
        "2025",
        "1e halfjaar 2025",
        "2022-2023",
        "2024*",
        "2030 (projectie)",
    ]
    assert "de vorige periode is dan 1e halfjaar 2024" in t["Betekenis"].iloc[1]
    h = reading_guide.period_table("2026H1")
    assert h["Zo staat het er"].tolist()[:2] == ["2026", "1e halfjaar 2026"]
    assert "voorlopig" in h["Betekenis"].iloc[3]
