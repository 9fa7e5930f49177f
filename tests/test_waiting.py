"""Waiting and delivery times and the Veilig Thuis waiting list (issue 15.4): quarters of the
edition only, small numbers not shown, sentences right for the cases, "nog niet aangeleverd"
when the municipality has not supplied the figures."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.core.provenance import strip
from analysis.data import datasets
from analysis.topics import waiting

PRIV = {"min_cel": 10, "afronding": 5}


def _wacht(rows) -> pd.DataFrame:
    return pd.DataFrame(
        rows, columns=["gemeente_code", "periode", "voorziening", "indicator", "waarde", "eenheid"]
    )


W, N = waiting.WACHTTIJD, waiting.WACHTENDEN
ROWS = [
    ("GM1", "2024Q4", "hulpmiddelen", W, 29, "dagen"),
    ("GM1", "2024Q4", "hulpmiddelen", N, 22, "personen"),
    ("GM1", "2025Q4", "hulpmiddelen", W, 34, "dagen"),
    ("GM1", "2025Q4", "hulpmiddelen", N, 7, "personen"),
    ("GM1", "2025Q4", "huishoudelijke ondersteuning", W, 12, "dagen"),
    ("GM1", "2026Q1", "hulpmiddelen", W, 40, "dagen"),  # after the 2025 edition
    ("GM2", "2025Q4", "hulpmiddelen", W, 99, "dagen"),  # another municipality
]


def test_waiting_table_keeps_the_edition_s_quarters_and_hides_small_counts():
    t = waiting.waiting_table(_wacht(ROWS), "GM1", "2025", PRIV)
    assert t["Kwartaal"].tolist() == ["2024Q4", "2025Q4", "2025Q4"]
    assert t["Wachttijd (dagen)"].tolist() == [29.0, 12.0, 34.0]
    assert t["Wachtenden"].iloc[0] == 20 and pd.isna(t["Wachtenden"].iloc[2])  # 22 -> 20, 7 hidden
    assert waiting.display(t).iloc[2].tolist() == ["4e kwartaal 2025", "hulpmiddelen", "34", "< 10"]
    half = waiting.waiting_table(_wacht(ROWS), "GM1", "2026H1", PRIV)
    assert "2026Q1" in set(half["Kwartaal"])


def test_waiting_sentences_compare_with_the_same_quarter_a_year_earlier():
    t = waiting.waiting_table(_wacht(ROWS), "GM1", "2025", PRIV)
    assert waiting.waiting_sentences(t).zin() == (
        "In het 4e kwartaal van 2025 was de wachttijd bij huishoudelijke ondersteuning 12 dagen. "
        "Tussen het 4e kwartaal van 2024 en het 4e kwartaal van 2025 steeg de wachttijd bij "
        "hulpmiddelen van 29 dagen naar 34 dagen."
    )
    down = waiting.waiting_table(
        _wacht([ROWS[0], ("GM1", "2025Q4", "hulpmiddelen", W, 20, "dagen")]), "GM1", "2025", PRIV
    )
    assert (
        "daalde de wachttijd bij hulpmiddelen van 29 dagen naar 20 dagen"
        in waiting.waiting_sentences(down).zin()
    )
    same = waiting.waiting_table(
        _wacht([ROWS[0], ("GM1", "2025Q4", "hulpmiddelen", W, 29, "dagen")]), "GM1", "2025", PRIV
    )
    assert waiting.waiting_sentences(same).zin() == (
        "In het 4e kwartaal van 2025 was de wachttijd bij hulpmiddelen 29 dagen "
        "(even lang als een jaar eerder)."
    )
    example = waiting.waiting_sentences(t, herkomst=True)
    assert (
        strip(example.zin()).startswith("In deze voorbeeldgegevens")
        and example.provenance.is_synthetic
    )


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (
            None,
            "Aan het eind van het 2e kwartaal van 2025 stonden er minder dan tien meldingen op de wachtlijst; de wachttijd tot het onderzoek was gemiddeld 30 dagen.",
        ),
        (
            1,
            "Aan het eind van het 2e kwartaal van 2025 stonden er minder dan tien meldingen op de wachtlijst; de wachttijd tot het onderzoek was gemiddeld 30 dagen.",
        ),
        (
            13,
            "Aan het eind van het 2e kwartaal van 2025 stonden er 15 meldingen op de wachtlijst; de wachttijd tot het onderzoek was gemiddeld 30 dagen.",
        ),
    ],
    ids=["geen-cijfer", "een", "veel"],
)
def test_veilig_thuis_sentence(n, expected):
    rows = [("GM1", "2025Q2", waiting.VT_WACHTTIJD, 30)]
    if n is not None:
        rows.append(("GM1", "2025Q2", waiting.VT_WACHTLIJST, n))
    d = pd.DataFrame(rows, columns=["gemeente_code", "periode", "indicator", "waarde"])
    assert (
        waiting.veilig_thuis_sentence(waiting.veilig_thuis_table(d, "GM1", "2025", PRIV)).zin()
        == expected
    )


def test_sections_say_not_supplied_and_who_supplies_it():
    table, text = waiting.waiting_section(None, "GM1", "2025", PRIV)
    assert table is None and "nog niet aangeleverd" in text.zin() and "de gemeente" in text.zin()
    assert not text.provenance.is_synthetic  # a plain statement, not an example
    table, text = waiting.veilig_thuis_section(None, "GM1", "2025", PRIV)
    assert table is None and "nog niet aangeleverd" in text.zin() and "Veilig Thuis" in text.zin()


def test_sections_from_the_shipped_stand_ins_read_as_examples():
    for name, section in (
        ("wachttijden", waiting.waiting_section),
        ("veilig_thuis_wachtlijst", waiting.veilig_thuis_section),
    ):
        df = datasets.load(name)
        table, text = section(df, "GM0397", "2025", PRIV)
        assert not table.empty and table["Kwartaal"].max() == "2025Q4", name
        assert strip(text.zin()).startswith("In deze voorbeeldgegevens"), name


def test_quotes_come_from_the_documents():
    b = datasets.load("begroting_2026_wmo")
    assert waiting.quote(b, "onderwerp", "wachttijden", "tekst").startswith(
        "“De genoemde ontwikkelingen"
    )
    doelen = datasets.load("beleidsdoelen")
    assert "wachtlijsten bij Veilig Thuis" in waiting.quote(doelen, "id", "veilig_thuis", "ambitie")


def test_chart_quarters_read_dutch():
    """Chart axes show 2025K3 like the Loket charts, never the English 2025Q3."""
    assert waiting.axis_label("2025Q3") == "2025K3"
    assert waiting.axis_label("2026Q1") == "2026K1"
    assert waiting.axis_label("2025") == "2025"
