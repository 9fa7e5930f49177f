"""The preview's watcher (issue 17.4): how often it looks and how long a change must stand still
are parameters; a save in steps is built once. No build, no kernels: the build is replaced."""

from __future__ import annotations

import threading
from pathlib import Path

from analysis.pipeline import preview as pv


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "p"
    (root / "chapters").mkdir(parents=True)
    (root / "chapters" / "a.ipynb").write_text("{}", encoding="utf-8")
    return root


def test_settled_waits_debounce_until_a_save_in_steps_is_complete(tmp_path, monkeypatch):
    root = _project(tmp_path)
    first = pv.snapshot(root)
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        if len(sleeps) == 1:  # the editor writes a second file while we wait
            (root / "chapters" / "b.ipynb").write_text("{}", encoding="utf-8")

    monkeypatch.setattr(pv.time, "sleep", sleep)
    settled = pv._settled(root, first, 0.5)
    assert sleeps == [0.5, 0.5]
    assert sorted(settled) == ["chapters/a.ipynb", "chapters/b.ipynb"]


class _Clock(threading.Event):
    """A stop event that records how long the watcher waits, and saves a change once."""

    def __init__(self, root: Path, builds: list[str], waits: int = 0) -> None:
        super().__init__()
        self.root, self.builds, self.waits, self.least = root, builds, [], waits

    def wait(self, timeout: float | None = None) -> bool:
        self.waits.append(timeout)
        if len(self.waits) == 2:
            (self.root / "chapters" / "a.ipynb").write_text('{"x": 1}', encoding="utf-8")
        if (len(self.builds) >= 2 and len(self.waits) >= self.least) or len(self.waits) > 50:
            self.set()
        return self.is_set()


class _Book:
    """A book builder that has loaded when asked the second time."""

    def __init__(self, events: list[str]) -> None:
        self.events, self.asked = events, 0

    @property
    def loaded(self) -> bool:
        self.asked += 1
        return self.asked > 1


def test_preview_looks_every_interval_and_builds_after_debounce(tmp_path, monkeypatch):
    root = _project(tmp_path)
    builds: list[str] = []
    sleeps: list[float] = []
    monkeypatch.setattr(pv, "_build_once", lambda *a: builds.append("bouw"))
    monkeypatch.setattr(pv, "_start_book_builder", lambda *a: _Book([]))
    monkeypatch.setattr(pv, "_start_kernels", lambda *a: _Book([]))
    monkeypatch.setattr(pv.time, "sleep", sleeps.append)
    said: list[str] = []
    clock = _Clock(root, builds)
    pv.preview("2025", root, port=0, interval=0.05, debounce=0.03, say=said.append, stop=clock)
    assert builds == ["bouw", "bouw"]  # the first build, then one for the change
    assert set(clock.waits) == {0.05}
    assert sleeps == [0.03]
    assert "\nGewijzigd: chapters/a.ipynb" in said


def test_the_book_builder_starts_before_the_first_build_the_kernels_once_it_loaded(
    tmp_path, monkeypatch
):
    """A prose edit needs only the book builder: it loads while the first build runs; the
    kernels start after it, not at the same time."""
    root = _project(tmp_path)
    events: list[str] = []
    builds: list[str] = []
    book = _Book(events)
    monkeypatch.setattr(pv, "_start_book_builder", lambda *a: events.append("boek") or book)
    pool = _Book(events)
    monkeypatch.setattr(pv, "_start_kernels", lambda *a: events.append("kernels") or pool)

    def build(*args) -> None:
        events.append("bouw")
        builds.append("bouw")

    monkeypatch.setattr(pv, "_build_once", build)
    monkeypatch.setattr(pv.time, "sleep", lambda s: None)
    clock = _Clock(root, builds, waits=5)
    said: list[str] = []
    pv.preview("2025", root, port=0, interval=0.05, say=said.append, stop=clock)
    assert events[:2] == ["boek", "bouw"]
    assert events.count("kernels") == 1 and book.asked == 2
    assert pool.asked == 2 and said.count(pv.WARM_MESSAGE) == 1  # once both have loaded
