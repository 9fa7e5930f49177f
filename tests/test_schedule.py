"""The build starts the longest chapters first (analysis.pipeline.schedule)."""

from __future__ import annotations

from pathlib import Path

import nbformat

from analysis.pipeline.pages import Page
from analysis.pipeline.schedule import computes_key_indicators, recorded_seconds, running_order
from analysis.pipeline.state import ChapterRun
from tests.conftest import ROOT
from tests.minibook import chapter_notebook


def _runs(folder: Path, bodies: dict[str, str]) -> list[ChapterRun]:
    runs = []
    for name, body in bodies.items():
        path = folder / f"{name}.ipynb"
        nbformat.write(chapter_notebook(body), path)
        runs.append(ChapterRun(Page(f"chapters/{name}", path), True, ["x"]))
    return runs


def _labels(runs: list[ChapterRun]) -> list[str]:
    return [r.page.label for r in runs]


def test_cold_build_starts_the_key_indicator_chapters_first(tmp_path):
    runs = _runs(
        tmp_path,
        {
            "a": "x = 1",
            "b": "tabel = indicators.compute_all(ctx)",
            "c": "y = 2",
            "d": "from analysis import indicators\nt = indicators.compute_all(ctx, only=['x'])",
        },
    )
    assert _labels(running_order(runs, {})) == ["b", "d", "a", "c"]


def test_recorded_durations_order_longest_first_and_unknown_chapters_lead(tmp_path):
    runs = _runs(tmp_path, {"a": "x = 1", "b": "x = 2", "c": "x = 3", "nieuw": "x = 4"})
    previous = {
        "chapters/a": {"seconden": 1.5},
        "chapters/b": {"seconden": 7.25},
        "chapters/c": {"seconden": 3},
    }
    assert _labels(running_order(runs, previous)) == ["nieuw", "b", "c", "a"]
    # equal durations keep the book's order
    same = {f"chapters/{n}": {"seconden": 2.0} for n in ("a", "b", "c", "nieuw")}
    assert _labels(running_order(runs, same)) == ["a", "b", "c", "nieuw"]


def test_recorded_seconds_ignores_what_is_not_a_duration():
    assert recorded_seconds({"seconden": 4}) == 4.0
    assert recorded_seconds({"seconden": "4"}) is None
    assert recorded_seconds({"seconden": -1}) is None
    assert recorded_seconds({"inputs": {}}) is None


def test_the_real_summary_and_conclusions_compute_key_indicators():
    chapters = ROOT / "chapters"
    assert computes_key_indicators(chapters / "samenvatting.ipynb")
    assert computes_key_indicators(chapters / "conclusies.ipynb")
    assert not computes_key_indicators(chapters / "demografie.ipynb")
    assert not computes_key_indicators(chapters / "bestaat_niet.ipynb")
