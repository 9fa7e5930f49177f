"""The period model (analysis.core.codes.Periode) and the one coverage check built on it."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.core.codes import Periode, period_within
from analysis.core.errors import DataError
from analysis.data.datasets import require_periods, up_to


@pytest.mark.parametrize(
    ("given", "code", "label", "file", "previous"),
    [
        (2025, "2025", "2025", "2025", "2024"),
        ("2025", "2025", "2025", "2025", "2024"),
        ("2026H1", "2026H1", "1e halfjaar 2026", "2026-1", "2025H1"),
        ("2026-1", "2026H1", "1e halfjaar 2026", "2026-1", "2025H1"),
        ("2026h2", "2026H2", "2e halfjaar 2026", "2026-2", "2025H2"),
    ],
)
def test_codes_labels_files_and_previous_period(given, code, label, file, previous):
    p = Periode(given)
    assert (p, p.label, p.bestandsnaam, p.vorige()) == (code, label, file, previous)
    assert isinstance(p, str) and p == code  # usable wherever a period string was


@pytest.mark.parametrize("bad", ["25", "2025Q1", "2025-04", "2025H3", "2026-3", "", True, "twee"])
def test_only_years_and_half_years_are_report_periods(bad):
    with pytest.raises(ValueError, match="jaartal van vier cijfers"):
        Periode(bad)


def test_year_and_half_of_a_period():
    half, year = Periode("2026H2"), Periode(2026)
    assert (half.jaar, half.halfjaar, half.is_halfjaar) == (2026, 2, True)
    assert (year.jaar, year.halfjaar, year.is_halfjaar) == (2026, None, False)


def test_neighbours():
    assert [Periode("2026H1").voorgaande(), Periode("2026H1").volgende()] == ["2025H2", "2026H2"]
    assert [Periode("2026H2").voorgaande(), Periode("2026H2").volgende()] == ["2026H1", "2027H1"]
    assert [Periode(2026).voorgaande(), Periode(2026).volgende()] == ["2025", "2027"]


def test_chronological_order():
    # plain text order would put 2026 before 2026H1
    periods = [Periode(p) for p in ["2026", "2026H2", "2024", "2026H1", "2025H2", "2025"]]
    assert sorted(periods, key=Periode.sort_key) == [
        "2024",
        "2025H2",
        "2025",
        "2026H1",
        "2026H2",
        "2026",
    ]


@pytest.mark.parametrize(
    ("data", "report", "inside"),
    [
        ("2025", "2025", True),
        ("2025H2", "2025", True),
        ("2025Q4", "2025", True),
        ("2025-12", "2025", True),
        ("2025-04-17", "2025", True),
        ("2024-12", "2025", False),
        ("2026H1", "2026H1", True),
        ("2026Q2", "2026H1", True),
        ("2026-06", "2026H1", True),
        ("2026-07", "2026H1", False),
        ("2026Q3", "2026H1", False),
        ("2026", "2026H1", False),  # a year's figure is not inside its first half
    ],
)
def test_which_data_periods_a_report_period_holds(data, report, inside):
    assert Periode(report).bevat(data) is inside
    assert period_within(data, report) is inside


def test_coverage_check_for_a_half_year():
    months = pd.DataFrame({"periode": ["2025H2", "2026-01", "2026-02"]})
    require_periods(months, ["2026H1"])  # a month inside the half-year is enough
    require_periods(months, ["2026"])  # and inside the year
    with pytest.raises(DataError, match=r"periode 2026H1 ontbreekt .*aanwezig: 2025, 2026\)"):
        require_periods(pd.DataFrame({"periode": ["2025", "2026"]}), ["2026H1"])


def test_a_half_year_edition_leaves_out_what_ends_after_it():
    d = pd.DataFrame(
        {"periode": ["2025", "2026H1", "2026Q2", "2026-06", "2026-07", "2026H2", "2026"]}
    )
    assert up_to(d, "2026H1")["periode"].tolist() == ["2025", "2026H1", "2026Q2", "2026-06"]
    assert up_to(d, 2026)["periode"].tolist() == d["periode"].tolist()
    assert up_to(d, 2025)["periode"].tolist() == ["2025"]
