"""The build's data check runs in a background thread; it can be started later than created
(the build starts it once the chapters' warm kernels have loaded, issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.core.errors import DataError
from analysis.pipeline import datacheck
from analysis.pipeline.datacheck import DataCheck


def test_a_deferred_check_runs_once_when_started_or_awaited(monkeypatch):
    calls: list[Path] = []
    monkeypatch.setattr(datacheck, "check_data", lambda folder, params: calls.append(folder) or [])
    check = DataCheck(Path("gegevens"), None, start=False)  # type: ignore[arg-type]
    assert calls == [] and check._thread.ident is None  # nothing ran yet
    check.raise_problems()  # waiting for it starts it
    check.start()  # and starting again does nothing
    check.raise_problems()
    assert calls == [Path("gegevens")]


def test_a_deferred_check_reports_its_problems(monkeypatch):
    problem = DataError("kolom ontbreekt", file="data/tel.csv", column="waarde")
    monkeypatch.setattr(datacheck, "check_data", lambda folder, params: [problem])
    check = DataCheck(Path("gegevens"), None, start=False)  # type: ignore[arg-type]
    seen: list[bool] = []
    check.when_failed(lambda: seen.append(True))
    check.start()
    with pytest.raises(DataError, match="kolom ontbreekt"):
        check.raise_problems()
    assert seen == [True]
