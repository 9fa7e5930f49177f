"""Section 6.2, the Wmo-klankbordgroep: signals per theme and kind for the edition's half-years,
sentences right for none, one and many signals, "nog niet aangeleverd" without the export."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.core.provenance import strip
from analysis.data import datasets
from analysis.topics import sounding_board as sb


def _signals(rows) -> pd.DataFrame:
    return pd.DataFrame(
        rows, columns=["gemeente_code", "periode", "thema", "soort", "aantal", "samenvatting"]
    )


ROWS = [
    ("GM1", "2025H1", "Toegang", "knelpunt", 3, None),
    ("GM1", "2025H2", "Toegang", "advies", 1, "Meer uitleg over de eigen bijdrage."),
    ("GM1", "2025H2", "Mantelzorg", "knelpunt", 2, None),
    ("GM1", "2025H2", "Mantelzorg", "compliment", 1, None),
    ("GM1", "2026H1", "Toegang", "vraag", 9, None),  # a later edition
    ("GM2", "2025H1", "Toegang", "knelpunt", 5, None),  # another municipality
]


def test_signal_table_sums_the_edition_s_half_years_per_theme_and_kind():
    t = sb.signal_table(_signals(ROWS), "GM1", "2025")
    assert t[["thema", "knelpunt", "advies", "compliment", "vraag", "totaal"]].values.tolist() == [
        ["Toegang", 3, 1, 0, 0, 4],
        ["Mantelzorg", 2, 0, 1, 0, 3],
    ]
    assert t["samenvatting"].tolist() == ["Meer uitleg over de eigen bijdrage.", ""]
    assert list(sb.display(t).columns)[-1] == "Samenvatting"
    h1 = sb.signal_table(_signals(ROWS), "GM1", "2026H1")
    assert h1[["thema", "vraag", "totaal"]].values.tolist() == [["Toegang", 9, 9]]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([], "In 2025 zijn er geen signalen van de Wmo-klankbordgroep vastgelegd."),
        (
            [("GM1", "2025H1", "Toegang", "advies", 1, None)],
            "In 2025 gaf de Wmo-klankbordgroep 1 signaal.",
        ),
        (
            ROWS,
            "In 2025 gaf de Wmo-klankbordgroep 7 signalen. De meeste gingen over Toegang (4); "
            "van alle signalen waren er 5 knelpunten.",
        ),
        (
            [
                ("GM1", "2025H1", "Toegang", "advies", 2, None),
                ("GM1", "2025H1", "Mantelzorg", "knelpunt", 2, None),
            ],
            "In 2025 gaf de Wmo-klankbordgroep 4 signalen. Het vaakst ging het over Mantelzorg en Toegang; "
            "van alle signalen waren er 2 knelpunten.",
        ),
        (
            [
                ("GM1", "2025H1", "Toegang", "advies", 2, None),
                ("GM1", "2025H1", "Toegang", "knelpunt", 1, None),
            ],
            "In 2025 gaf de Wmo-klankbordgroep 3 signalen. De meeste gingen over Toegang (3); "
            "van alle signalen was er 1 knelpunt.",
        ),
    ],
    ids=["geen", "een", "meer", "gelijk", "een-knelpunt"],
)
def test_summary_reads_right(rows, expected):
    assert sb.summary(sb.signal_table(_signals(rows), "GM1", "2025"), "2025").zin() == expected


def test_half_year_edition_is_named_in_words():
    t = sb.signal_table(_signals(ROWS), "GM1", "2026H1")
    assert sb.summary(t, "2026H1").zin().startswith("In het eerste halfjaar van 2026 gaf")


def test_section_without_export_says_not_supplied_and_who_supplies_it():
    table, text = sb.section(None, "GM1", "2025")
    assert table is None
    assert "nog niet aangeleverd" in text.zin() and "de gemeente" in text.zin()
    assert not text.provenance.is_synthetic


def test_section_from_the_stand_in_reads_as_an_example():
    table, text = sb.section(datasets.load("klankbordgroep_signalen"), "GM0397", "2025")
    assert int(table["totaal"].sum()) == 22
    assert strip(text.zin()).startswith(
        "In deze voorbeeldgegevens gaf in 2025 de Wmo-klankbordgroep 22 signalen"
    )
