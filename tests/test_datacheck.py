"""The build's data check runs in a background thread; it can be started later than created
(the build starts it once the chapters' warm kernels have loaded, issue 17)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from analysis.core.errors import DataError, PrivacyError
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


class _ForkedCheck:
    """A pool that runs the check job as the warm template's fork would (here in-process)."""

    alive = True

    def __init__(self) -> None:
        self.jobs: list[tuple[str | None, list[str]]] = []

    def run(self, args, env, log, on_pid, soort=None):
        from analysis.pipeline.warm import _run_job

        self.jobs.append((soort, args))
        return _run_job({"soort": soort, "args": args})


class _GonePool:
    alive = True

    def run(self, *args, **kwargs):
        raise OSError("weg")


def test_the_check_runs_in_the_warm_template_and_reports_what_it_found(datadir):
    """With warm kernels the check is a job of their template; the problems come back as the
    errors they are (file, row, column, and a privacy problem as a privacy problem)."""
    from tests.conftest import GOOD_CSV, write_dataset

    write_dataset(datadir, "kapot", GOOD_CSV.replace("1200", "veel"))
    params = SimpleNamespace(regions=lambda: ["GM0397"])
    pool = _ForkedCheck()
    check = DataCheck(datadir, params, start=False)  # type: ignore[arg-type]
    check.start(pool)
    with pytest.raises(DataError) as exc:
        check.raise_problems()
    local = datacheck.check_data(datadir, params)  # type: ignore[arg-type]
    assert [p[0] for p in pool.jobs] == ["controle"]
    assert str(exc.value) == str(local[0]) and "kapot.csv, rij 2, kolom 'waarde'" in str(exc.value)
    assert type(exc.value) is type(local[0])


def test_privacy_problems_keep_their_kind_through_the_template():
    problem = PrivacyError("persoonsgegevens", file="data/p.csv", column="bsn")
    [back] = datacheck.problems_from_json(datacheck.problems_json([problem]))
    assert type(back) is PrivacyError and back.exit_code == 3
    assert str(back) == str(problem)


def test_a_gone_pool_falls_back_to_checking_here(datadir):
    params = SimpleNamespace(regions=lambda: ["GM0397"])
    check = DataCheck(datadir, params, start=False)  # type: ignore[arg-type]
    check.start(_GonePool())
    check.raise_problems()  # the good test data: no problem, found here
    assert check.problems == []
