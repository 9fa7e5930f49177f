"""Tests for analysis.present.summary (the Samenvatting dashboard) and the registry's book order."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.core.provenance import mark
from analysis.present import summary
from analysis.topics import indicators
from analysis.topics.indicators import Measurement, Target, verdict


def _row(**kw) -> dict:
    base = {
        "id": "x",
        "label": "Indicator",
        "hoofdstuk": "chapters/wonen_zorg",
        "eenheid": "%",
        "decimalen": 1,
        "waarde": 20.0,
        "vorige": 18.0,
        "verandering": 2.0,
        "vergelijking": 25.0,
        "vergelijking_naam": "Nederland",
        "doel": "Meer mensen",
        "oordeel": "op koers",
        "regel": "ambitie: stijgen ten opzichte van de vorige periode",
        "synthetisch": False,
        "bron": "",
    }
    base.update(kw)
    return base


@pytest.fixture
def table() -> pd.DataFrame:
    return pd.DataFrame(
        [
            _row(id="a", label="Aandeel <A>"),
            _row(
                id="b",
                label="Pact",
                eenheid="per jaar",
                decimalen=0,
                waarde=5.0,
                vorige=None,
                verandering=None,
                vergelijking=None,
                vergelijking_naam="",
                oordeel="aandacht nodig",
                regel="doel: minstens 12",
                synthetisch=True,
            ),
            _row(
                id="c",
                label="Op schema",
                hoofdstuk="chapters/uitvoeringsagenda",
                oordeel="onvoldoende gegevens",
                waarde=None,
                verandering=None,
            ),
        ]
    )


class _P:
    def __init__(self, d):
        self.d = d

    def get(self, k, default=None):
        return self.d.get(k, default)


def test_vision_sentence_first_sentence_or_own():
    visie = "Inwoners zijn samenredzaam dankzij een sterke sociale basis. We willen meer."
    assert summary.vision_sentence(_P({"beleidsplan.visie": visie})) == (
        "Inwoners zijn samenredzaam dankzij een sterke sociale basis."
    )
    assert (
        summary.vision_sentence(
            _P({"beleidsplan.visie": visie, "samenvatting.visie_zin": " Eigen zin. "})
        )
        == "Eigen zin."
    )
    assert summary.vision_sentence(_P({})) == ""


def test_chapter_link_is_relative():
    assert summary.chapter_link("chapters/wonen_zorg") == "wonen_zorg.html"
    assert summary.chapter_link("chapters/sub/x") == "sub/x.html"


def test_dashboard_formats_values(table):
    d = summary.dashboard(table, {"chapters/wonen_zorg": "Wonen en zorg"})
    first = d.iloc[0]
    assert first["Hoofdstuk"] == "Wonen en zorg"
    assert first["Waarde"] == "20,0%"
    assert first["Verandering"] == "+2,0 procentpunt"
    assert first["Vergelijking"] == "Nederland: 25,0%"
    # a synthetic value is marked where it stands
    assert d.iloc[1]["Waarde"] == mark("5 per jaar") and d.iloc[1]["Vergelijking"] == "–"
    assert d.iloc[2]["Waarde"] == "–" and d.iloc[2]["Hoofdstuk"] == "uitvoeringsagenda"


def test_dashboard_html_links_every_item_and_states_verdict_in_words(table):
    h = summary.dashboard_html(table, {"chapters/wonen_zorg": "Wonen en zorg"}, periode="2025")
    assert "<caption>Kernindicatoren per hoofdstuk, rapportageperiode 2025</caption>" in h
    assert h.count('<a href="wonen_zorg.html">') == 3  # chapter header + two indicators
    assert h.count('<a href="uitvoeringsagenda.html">') == 2
    assert "Aandeel &lt;A&gt;" in h  # escaped
    assert '<strong class="wmo-oordeel wmo-oordeel-aandacht-nodig">aandacht nodig</strong>' in h
    assert "doel: minstens 12" in h
    assert h.count("(synthetisch)") == 1


def test_verdict_counts_cards_and_overview_count_real_data_only(table):
    """The verdict of row b rests on synthetic data: it never enters counts, cards or overview."""
    c = summary.verdict_counts(table)
    assert c == {"op koers": 1, "aandacht nodig": 0, "onvoldoende gegevens": 1}
    assert summary.verdict_counts(table.iloc[0:0]) == {
        "op koers": 0,
        "aandacht nodig": 0,
        "onvoldoende gegevens": 0,
    }
    cards = summary.cards_html(table)
    assert cards.count("<li") == 3 and "1</span> indicator <strong>op koers" in cards
    assert "0</span> indicatoren <strong>aandacht nodig" in cards
    assert "Niet meegeteld: 1 kernindicator, die (nog) op voorbeeldgegevens rust." in cards
    o = summary.chapter_overview(table)
    assert o.values.tolist() == [
        ["wonen_zorg", "wonen_zorg.html", 1, 0, 0],
        ["uitvoeringsagenda", "uitvoeringsagenda.html", 0, 0, 1],
    ]


def test_examples_are_shown_apart_and_labelled(table):
    real, examples = summary.split(table)
    assert real["id"].tolist() == ["a", "c"] and examples["id"].tolist() == ["b"]
    h = summary.dashboard_html(examples, voorbeelden=True)
    assert "voorbeeld: aandacht nodig" in h and "tellen niet mee" in h
    assert 'data-herkomst="synthetisch">5 per jaar<sup' in h
    assert summary.dashboard_html(examples.iloc[0:0], voorbeelden=True).startswith("<p")
    assert "Nog geen kernindicator" in summary.dashboard_html(real.iloc[0:0])


def test_every_row_says_when(table):
    t = table.assign(
        periode=["2024", "2022-2023", ""],
        vorige_periode=["2022", "", ""],
        vergelijking_periode=["2024H1", "", ""],
    )
    h = summary.dashboard_html(t.iloc[[0]])
    assert '<span class="wmo-periode">(2024)</span>' in h
    assert "2022: 18,0%" in h
    assert (
        'Nederland (1e halfjaar 2024): <span class="herkomst-echt" data-herkomst="echt">25,0%' in h
    )


def test_a_synthetic_comparison_is_marked_in_a_real_row(table):
    t = table.iloc[[0]].assign(vergelijking_synthetisch=True, vergelijking_periode="2024")
    h = summary.dashboard_html(t)
    assert 'data-herkomst="synthetisch">25,0%<sup' in h
    assert 'data-herkomst="synthetisch">20,0%' not in h


@pytest.mark.parametrize(
    ("oordelen", "synthetisch", "expected"),
    [
        ([], [], "Nog geen enkele kernindicator rust op echte gegevens"),
        (["op koers"], [True], "Nog geen enkele kernindicator rust op echte gegevens"),
        (["op koers"], [False], "Eén kernindicator rust op echte gegevens"),
        (["op koers", "aandacht nodig"], [False, False], "Twee kernindicatoren rusten op echte"),
    ],
)
def test_conclusion_counts_only_real_verdicts(oordelen, synthetisch, expected):
    n = len(oordelen)
    t = pd.DataFrame(
        {
            "label": [f"L{i}" for i in range(n)],
            "hoofdstuk": ["chapters/a"] * n,
            "oordeel": oordelen,
            "synthetisch": synthetisch,
            "eenheid": ["%"] * n,
            "decimalen": [1] * n,
            "waarde": [1.0] * n,
            "periode": ["2025"] * n,
        }
    )
    text = summary.conclusion(t)
    assert text.startswith(expected)
    if any(synthetisch):
        assert 'data-herkomst="echt">1 kernindicator</span> zijn alleen voorbeeldgegevens' in text
        assert "op koers: 1" not in text


def test_chapter_titles_from_first_heading(tmp_path):
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "a.md").write_text("Intro\n\n# Wonen en zorg\n\ntekst\n")
    t = pd.DataFrame({"hoofdstuk": ["chapters/a", "chapters/geen_bestand"]})
    assert summary.chapter_titles(t, root=tmp_path) == {
        "chapters/a": "Wonen en zorg",
        "chapters/geen_bestand": "Geen bestand",
    }


# The Dutch rule text must describe what indicators.verdict does: one check per statement.
@pytest.mark.parametrize(
    ("statement", "m", "expected"),
    [
        ("geen actuele waarde", Measurement(None, doel=Target("hoger", 1)), "onvoldoende gegevens"),
        ("geen doel of ambitie", Measurement(5.0), "onvoldoende gegevens"),
        ("minstens het doel", Measurement(12, doel=Target("hoger", 12)), "op koers"),
        ("gelijk moet blijven", Measurement(12, doel=Target("stabiel", 12)), "op koers"),
        ("ten hoogste het doel", Measurement(1, doel=Target("lager", 0)), "aandacht nodig"),
        (
            "Zonder waarde van de vorige",
            Measurement(5, doel=Target("hoger")),
            "onvoldoende gegevens",
        ),
        ("binnen de", Measurement(30, 28, marge=3, doel=Target("hoger")), "aandacht nodig"),
        ("bij een daling als het plan dalen", Measurement(3, 5, doel=Target("lager")), "op koers"),
        ("gelijk blijven of stijgen", Measurement(5, 5, doel=Target("stabiel")), "op koers"),
    ],
)
def test_verdict_rule_text_matches_function(statement, m, expected):
    text = " ".join(summary.VERDICT_RULE_NL.replace("*", "").split()).lower()
    assert " ".join(statement.split()).lower() in text
    assert expected in text
    assert verdict(m)[0] == expected


def test_book_order_reads_toc(tmp_path):
    (tmp_path / "_toc.yml").write_text(
        "format: jb-book\nroot: chapters/samenvatting\nparts:\n"
        "  - caption: A\n    chapters:\n      - file: chapters/wonen_zorg\n"
        "      - file: chapters/uitvoeringsagenda.ipynb\n"
    )
    assert indicators.book_order(tmp_path) == {
        "chapters/samenvatting": 0,
        "chapters/wonen_zorg": 1,
        "chapters/uitvoeringsagenda": 2,
    }
    assert indicators.book_order(tmp_path / "nergens") == {}


def _eerst(ctx):
    return Measurement(7, doel=Target("hoger", 12))


def _kapot(ctx):
    raise KeyError("kolom 'waarde' ontbreekt")


def test_compute_all_orders_by_book_and_reports_failures(monkeypatch):
    monkeypatch.setattr(
        indicators, "book_order", lambda root=None: {"chapters/a": 1, "chapters/b": 0}
    )
    items = [
        indicators.KeyIndicator("eerst", "A", "chapters/a", "", 0, "tests.test_summary._eerst"),
        indicators.KeyIndicator("kapot", "B", "chapters/b", "", 0, "tests.test_summary._kapot"),
    ]
    t = indicators.compute_all(object(), indicators=items)
    assert t["id"].tolist() == ["kapot", "eerst"]
    assert t.loc[0, "oordeel"] == "onvoldoende gegevens"
    assert t.loc[0, "regel"] == "niet te berekenen: kolom 'waarde' ontbreekt"
    assert t.loc[1, "oordeel"] == "aandacht nodig"


@pytest.mark.parametrize(
    ("change", "eenheid", "expected"),
    [
        (-4.0, "per jaar", "2022: 9 per jaar (nu 4 per jaar lager)"),
        (2.0, "per jaar", "2022: 3 per jaar (nu 2 per jaar hoger)"),
        (0.2, "per jaar", "2022: 5 per jaar (nu gelijk)"),
        (1.0, "%", "2022: 4,0% (nu 1,0 procentpunt hoger)"),
    ],
)
def test_previous_value_reads_as_words_never_a_minus_sign(change, eenheid, expected):
    """'verschil -4 per jaar' (a bare minus sign in prose) reads 'nu 4 per jaar lager'."""
    from analysis.present.summary import _details

    dec = 1 if eenheid == "%" else 0
    value = 5.0
    row = pd.Series(
        {
            "decimalen": dec,
            "vorige": value - change,
            "verandering": change,
            "eenheid": eenheid,
            "vorige_periode": "2022",
            "vergelijking": None,
        }
    )
    first = str(_details(row, synthetic=False)[0])
    assert first == expected


def test_the_agenda_counts_say_how_many_rest_on_reconstructed_years():
    """Issue 14.4: the count of action points behind schedule says how many of them have planned
    years reconstructed from the plan's text; a stand-in count is marked."""
    from analysis.topics.conclusions import AgendaFacts

    facts = AgendaFacts("2025", 56, 56, 29, 29, 19, True)
    notes = summary.agenda_notes(facts)
    t = pd.DataFrame(
        [
            {
                "id": "agenda_achter",
                "label": "Achter",
                "hoofdstuk": "chapters/uitvoeringsagenda",
                "eenheid": "actiepunten",
                "decimalen": 0,
                "waarde": 29.0,
                "vorige": None,
                "verandering": None,
                "vergelijking": None,
                "vergelijking_naam": "",
                "doel": "0",
                "oordeel": "aandacht nodig",
                "regel": "r",
                "synthetisch": True,
                "bron": "",
                "periode": "2025",
            }
        ]
    )
    html = summary.dashboard_html(t, voorbeelden=True, notities=notes)
    assert 'data-herkomst="synthetisch">19<sup' in html
    assert "daarvan zijn de geplande jaren niet zeker" in html
    assert "niet zeker" not in summary.dashboard_html(t, voorbeelden=True)
