"""The page Conclusies en aandachtspunten: what it chooses (analysis.topics.conclusions) and how it
says it (analysis.present.conclusion_page). Small tables whose expected sentences can be checked
by hand; every count reads right for none, one and many."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis.core.provenance import Provenance, plain
from analysis.present import conclusion_page as page
from analysis.present.marks import markdown_fragment
from analysis.topics import conclusions
from analysis.topics.conclusions import AgendaFacts, Gap


def _row(**kw) -> dict:
    base = {
        "id": "x",
        "label": "Indicator",
        "hoofdstuk": "chapters/wonen_zorg",
        "eenheid": "%",
        "decimalen": 1,
        "waarde": 20.0,
        "vorige": None,
        "vorige_periode": "",
        "periode": "2024",
        "richting": "",
        "doelwaarde": None,
        "oordeel": "onvoldoende gegevens",
        "synthetisch": False,
        "herkomst": Provenance.dataset("echt"),
    }
    base.update(kw)
    return base


def _text(markdown: str) -> str:
    """What a reader sees: tags dropped, a synthetic mark as '*'."""
    return re.sub(r"<[^>]+>", "", plain(markdown).replace(" (synthetisch)", "*"))


PACT = _row(
    id="pact",
    label="Pact-plaatsingen per jaar",
    eenheid="per jaar",
    waarde=5.0,
    periode="2022-2023",
    richting="hoger",
    doelwaarde=12.0,
    oordeel="aandacht nodig",
)
ZWAAR = _row(
    id="zwaar",
    label="Zwaar belaste mantelzorgers",
    hoofdstuk="chapters/mantelzorg",
    waarde=15.2,
    vorige=14.2,
    vorige_periode="2022",
    richting="lager",
    oordeel="aandacht nodig",
    synthetisch=True,
    herkomst=Provenance.dataset("gezondheidsmonitor", True),
)


def test_a_finding_rests_on_real_data_and_verdicts_come_first():
    t = pd.DataFrame(
        [
            _row(id="geen-doel", waarde=92.4),
            _row(id="op-koers", oordeel="op koers", richting="stabiel"),
            PACT,
            ZWAAR,
            _row(id="geen-waarde", waarde=None),
        ]
    )
    assert conclusions.findings(t)["id"].tolist() == ["pact", "op-koers", "geen-doel"]
    assert conclusions.attention(t)["id"].tolist() == ["pact"]
    assert conclusions.examples(t)["id"].tolist() == ["zwaar"]


def test_at_most_eight_findings():
    t = pd.DataFrame([_row(id=f"i{i}", waarde=float(i)) for i in range(10)])
    assert len(conclusions.findings(t)) == 8


@pytest.mark.parametrize(
    ("n", "lead"),
    [
        (0, "Nog geen enkele kernindicator rust op echte gegevens."),
        (1, "Nog maar 1 kernindicator van de 9 rust op echte gegevens."),
        (4, "Nog maar 4 kernindicatoren van de 9 rusten op echte gegevens."),
        (5, "Vijf bevindingen uit echte gegevens:"),
        (9, "Acht bevindingen uit echte gegevens:"),
    ],
)
def test_the_lead_counts_the_real_findings_right(n, lead):
    rows = [_row(id=f"r{i}", waarde=float(i)) for i in range(n)]
    rows += [_row(id=f"s{i}", synthetisch=True) for i in range(9 - n)]
    text = _text(page.findings_markdown(pd.DataFrame(rows)))
    assert text.startswith(lead)
    assert text.count("\n- ") == min(n, 8)


def test_a_stand_in_never_becomes_a_finding_or_needs_attention():
    t = pd.DataFrame([ZWAAR])
    findings = _text(page.findings_markdown(t))
    assert "Zwaar belaste" not in findings and findings.startswith("Nog geen enkele")
    assert _text(page.attention_markdown(t)) == (
        "Geen van de bevindingen uit echte gegevens vraagt nu aandacht."
    )
    example = _text(page.examples_markdown(t))
    assert example == (
        "- [Zwaar belaste mantelzorgers](mantelzorg.html), in voorbeeldgegevens: 15,2%* in "
        "2024, tegen 14,2%* in 2022; het plan wil dat dit daalt (voorbeeld: aandacht nodig)."
    )
    # on the page each stand-in figure carries the synthetic mark, the real target none
    html = markdown_fragment(page.examples_markdown(t))
    assert html.count('data-herkomst="synthetisch">15,2%<sup') == 1


def test_a_real_finding_says_its_number_period_target_and_link():
    sentence = page.indicator_sentence(PACT)
    assert _text(sentence) == (
        "[Pact-plaatsingen per jaar](wonen_zorg.html): 5,0 per jaar in 2022-2023; het doel is "
        "minstens 12 per jaar (aandacht nodig)."
    )
    # every figure says it is real, so the edition check can tell it from an unmarked one
    assert '<span class="herkomst-echt" data-herkomst="echt">5,0 per jaar</span>' in sentence
    assert '<span class="herkomst-echt" data-herkomst="echt">12 per jaar</span>' in sentence
    assert "synthetisch" not in markdown_fragment(sentence)


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (PACT, "het doel van minstens 12 per jaar is in 2022-2023 niet gehaald."),
        (
            _row(richting="lager", doelwaarde=0.0, periode="2025", eenheid="actiepunten"),
            "het doel is nul; in 2025 is dat niet gehaald.",
        ),
        (
            _row(richting="hoger", vorige=1.0, vorige_periode="2022"),
            "het plan wil dat dit stijgt, maar het steeg niet tussen 2022 en 2024.",
        ),
        (
            _row(richting="stabiel", vorige=1.0, vorige_periode="2025H1", periode="2026H1"),
            "het plan wil dat dit ten minste gelijk blijft, maar het daalde tussen "
            "1e halfjaar 2025 en 1e halfjaar 2026.",
        ),
    ],
)
def test_attention_says_why(row, expected):
    assert _text(page.attention_sentence(row)).split(": ", 1)[1] == expected


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (AgendaFacts("2024", 56, 0, 0, 0, 0, True), "was in 2024 nog geen van de 56 actiepunten"),
        (AgendaFacts("2025", 56, 1, 0, 0, 0, True), "was in 2025 1 van de 56 actiepunten aan"),
        (AgendaFacts("2025", 56, 45, 0, 0, 0, True), "waren in 2025 45 van de 56 actiepunten"),
        (AgendaFacts("2025", 56, 56, 29, 0, 0, True), "alle 56 actiepunten aan de beurt; bij 29"),
        (AgendaFacts("2025", 56, 1, 1, 0, 0, True), "aan de beurt; bij dat actiepunt zijn"),
        (AgendaFacts("2025", 56, 3, 3, 0, 0, True), "bij al die actiepunten zijn de geplande"),
    ],
)
def test_agenda_sentence_for_none_one_some_and_all(facts, expected):
    text = _text(page.agenda_sentence(facts))
    assert expected in text
    assert not re.search(r"(^|[.:;] )0 ", text)  # never a sentence or clause starting with 0


def test_agenda_facts_count_due_reconstructed_and_behind():
    plan = pd.DataFrame(
        {
            "actie_id": ["A", "B", "C", "D"],
            "thema": ["t"] * 4,
            "actiepunt": ["a", "b", "c", "d"],
            "jaren": ["2025", "2025-2028", "2027", "2025-2026"],
            "jaren_zeker": ["nee", "ja", "nee", "ja"],
        }
    )
    status = pd.DataFrame(
        {
            "actie_id": ["A", "B", "D"],
            "periode": ["2025"] * 3,
            "status": ["lopend", "lopend", "vertraagd"],
        }
    )
    f = conclusions.agenda_facts(plan, status, "2025", status_voorbeeld=False)
    # due: A, B, D (C starts 2027); reconstructed among them: A; behind: A (last year 2025, not
    # done) and D (vertraagd); of those, A rests on reconstructed years
    assert (f.totaal, f.aan_de_beurt, f.gereconstrueerd) == (4, 3, 1)
    assert (f.achter, f.achter_gereconstrueerd) == (2, 1)
    row = _row(id="agenda_achter", label="Achter", eenheid="actiepunten", decimalen=0, waarde=2.0)
    assert "2 actiepunten in 2024; bij 1 daarvan zijn de geplande jaren niet zeker" in _text(
        page.indicator_sentence(row, f)
    )


def test_data_gaps_name_the_dataset_who_supplies_it_and_what_waits():
    t = pd.DataFrame(
        [
            _row(
                label="Meldingen",
                hoofdstuk="chapters/toegang",
                herkomst=Provenance.dataset("loket", True),
            ),
            _row(label="Echt", herkomst=Provenance.dataset("bevolking_totaal")),
        ]
    )
    manifest = {
        "loket": {"title": "Loket: meldingen", "supplier": "gemeente", "synthetic": True},
        "bev": {
            "title": "Bevolking",
            "supplier": "publiek",
            "synthetic": True,
            "source": {"organisation": "CBS (synthetisch)"},
        },
        "bevolking_totaal": {"title": "Totaal", "supplier": "publiek", "synthetic": False},
        "klank": {"title": "Signalen", "supplier": "gemeente", "optioneel": True},
    }
    gaps = conclusions.data_gaps(t, manifest, ["klank"])
    assert [(g.dataset, g.leverancier, g.aangeleverd) for g in gaps] == [
        ("loket", "de gemeente", True),
        ("bev", "CBS", True),
        ("klank", "de gemeente", False),
    ]
    text = _text(page.gaps_markdown(gaps))
    assert text == (
        "Van de gemeente:\n\n"
        "- **Loket: meldingen**: levert de gemeente aan; nog niet aangeleverd, nu staan er "
        "voorbeeldgegevens. Nodig voor: [Meldingen](toegang.html).\n"
        "- **Signalen**: levert de gemeente aan; nog niet aangeleverd.\n\n"
        "Van publieke bronnen:\n\n"
        "- **Bevolking**: publiceert CBS; nog niet opgehaald, nu staan er voorbeeldgegevens."
    )
    # no dataset id reaches the reader
    assert "loket" not in text.replace("Loket", "") and "klank" not in text


def test_a_removed_optional_dataset_is_missing(tmp_path):
    (tmp_path / "aanwezig.csv").write_text("a\n1\n")
    manifest = {
        "aanwezig": {"file": "aanwezig.csv", "optioneel": True},
        "weg": {"file": "weg.csv", "optioneel": True},
        "verplicht": {"file": "verplicht.csv"},
    }
    assert conclusions.missing_optional(manifest, tmp_path) == ["weg"]


def test_no_gaps_says_so():
    assert page.gaps_markdown([]) == "Alle gegevens zijn aangeleverd: niets wacht nog op gegevens."
    assert _text(page.gap_sentence(Gap("x", "X", "RIVM", False, False))) == (
        "**X**: publiceert RIVM; nog niet opgehaald."
    )
