"""The Uitvoeringsagenda page in words (analysis.present.agenda_page, issue 14.4): no invented
attribution, reconstructed years said per action point and in the counts, no "0 actiepunten"."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis.core.provenance import plain
from analysis.data import datasets as data
from analysis.present import agenda_page as page
from analysis.present.marks import markdown_fragment
from analysis.topics import agenda
from tests.conftest import ROOT


def _text(s: str) -> str:
    return re.sub(r"<[^>]+>", "", plain(s)).replace(" (synthetisch)", "*")


@pytest.fixture
def plan() -> pd.DataFrame:
    # A: 2025 only, guessed; B: 2025-2028; C: from 2027, guessed; D: 2025-2026
    return pd.DataFrame(
        {
            "actie_id": ["A", "B", "C", "D"],
            "thema": ["t", "t", "u", "u"],
            "actiepunt": ["a", "b", "c", "d"],
            "jaren": ["2025", "2025-2028", "2027", "2025-2026"],
            "jaren_zeker": ["nee", "ja", "nee", "ja"],
            "jaren_toelichting": ["één kruisje, 2025 aangenomen", "", "2027 aangenomen", ""],
        }
    )


def _stand(plan: pd.DataFrame, statuses: dict[str, str], periode: str = "2025") -> pd.DataFrame:
    s = pd.DataFrame(
        {"actie_id": list(statuses), "periode": periode, "status": list(statuses.values())}
    )
    return agenda.status_for_period(plan, s, periode)


def test_counts_by_hand_with_reconstructed_years(plan):
    # 2025: A (lopend, last year 2025) and D (vertraagd) are behind, B lopend on schedule,
    # C not yet due; A's years are guessed -> 1 of the 2 behind rests on guessed years
    stand = _stand(plan, {"A": "lopend", "B": "lopend", "D": "vertraagd"})
    text = _text(page.summary_markdown(stand, "2025", ["2025"], voorbeeld=False))
    assert "De uitvoeringsagenda telt 4 actiepunten in 2 thema's." in text
    assert "Volgens de planning in het plan waren in 2025 3 daarvan aan de beurt." in text
    assert "Bij 1 van die 3 zijn de geplande jaren niet zeker" in text
    assert "De stand in 2025: 1 actiepunt op schema en 2 achter op schema." in text
    assert "is 33% gereed of op schema" in text
    assert "Bij 1 van de 2 actiepunten achter op schema zijn de geplande jaren niet zeker" in text
    assert "De stand komt uit de registratie van de gemeente (perioden: 2025)." in text


def test_a_stand_in_status_is_never_attributed_to_the_municipality(plan):
    stand = _stand(plan, {"A": "lopend", "B": "gereed", "D": "lopend"})
    text = _text(page.summary_markdown(stand, "2025", ["2025"], voorbeeld=True))
    assert "In deze voorbeeldgegevens is de stand in 2025: 1* actiepunt gereed" in text
    assert "nog niet aangeleverd" in text and "voorbeeld dat een computerprogramma" in text
    assert "registratie van de gemeente" not in text and "gemeld" not in text
    # the plan's own counts are real, the status counts are marked
    html = markdown_fragment(page.summary_markdown(stand, "2025", voorbeeld=True))
    assert 'data-herkomst="echt">4</span> actiepunten' in html
    assert 'data-herkomst="synthetisch">1<sup' in html


@pytest.mark.parametrize(
    ("statuses", "periode", "expected"),
    [
        ({}, "2024", "Voor 2024 is nog geen stand bekend."),
        ({"A": "gereed"}, "2025", "De stand in 2025: 1 actiepunt gereed en 2 zonder stand."),
        (
            {"A": "gereed", "B": "gereed", "D": "gereed"},
            "2025",
            "De stand in 2025: 3 actiepunten gereed.",
        ),
        (
            {"A": "vervallen", "B": "lopend", "D": "lopend"},
            "2025",
            "De stand in 2025: 2 actiepunten op schema en 1 vervallen.",
        ),
    ],
)
def test_empty_categories_are_left_out_and_no_clause_starts_with_zero(
    plan, statuses, periode, expected
):
    stand = _stand(plan, statuses, periode)
    text = _text(page.summary_markdown(stand, periode, voorbeeld=False))
    assert expected in text
    assert not re.search(r"(^|[.:;,] )0\b", text), text
    assert " 0 " not in text


def test_nothing_due_yet_and_every_point_due(plan):
    assert "was in 2024 nog geen actiepunt aan de beurt." in _text(
        page.plan_sentence(_stand(plan, {}, "2024"), "2024")
    )
    everything = _text(page.plan_sentence(_stand(plan, {}, "2027"), "2027"))
    assert "waren in 2027 alle actiepunten aan de beurt" in everything
    assert "Bij 2 van die 4 zijn de geplande jaren niet zeker" in everything


def test_each_reconstructed_point_says_so_in_the_tables(plan):
    points = agenda.action_points(plan)
    assert points["Gepland"].tolist() == [
        "2025 (niet zeker)",
        "2025-2028",
        "2027 (niet zeker)",
        "2025-2026",
    ]
    stand = _stand(plan, {"A": "lopend", "B": "lopend", "D": "vertraagd"})
    behind = agenda.overdue(stand)
    assert behind[["Nr.", "Gepland", "Waarom"]].values.tolist() == [
        ["A", "2025 (niet zeker)", "gepland tot en met 2025, nog niet gereed"],
        ["D", "2025-2026", "de stand is vertraagd"],
    ]
    t = page.reconstructed_table(plan)
    assert t.values.tolist() == [
        ["A", "a", "2025", "één kruisje, 2025 aangenomen"],
        ["C", "c", "2027", "2027 aangenomen"],
    ]


def test_the_shipped_agenda_says_which_years_are_guessed():
    """The plan's appendix: 56 action points; 29 have jaren_zeker = nee in the data file (count
    the distinct actie_id of those rows by hand; the review counted 30 in an earlier version)."""
    plan = data.load("uitvoeringsagenda", folder=ROOT / "data")
    assert len(agenda.action_points(plan)) == 56
    assert len(page.reconstructed_table(plan)) == 29
    assert agenda.action_points(plan)["Gepland"].str.endswith("(niet zeker)").sum() == 29
