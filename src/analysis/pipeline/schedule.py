"""In which order the build starts its chapters: the longest first.

The chapters run a few at a time (one per core); the build waits for the last one before it
builds the book. A long chapter started last keeps one core busy while the others idle, so the
longest chapters start first (the classic longest-processing-time rule). How long a chapter takes
is what its last execution took (``seconden`` in its entry of ``state.json``). A chapter without
a recorded time (a cold build, a new chapter) is not known to be short, so it starts before
those with a time; among them the chapters that compute every key indicator (the Samenvatting's
table, :func:`analysis.topics.indicators.compute_all`) come first, as they are the heaviest, and
otherwise the book's order is kept.

The order decides only when a chapter starts: each chapter runs in its own kernel from a clean
namespace, so the executed notebooks are the same in any order (``tests/test_warm.py``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from analysis.pipeline.state import ChapterRun

#: What a chapter's code calls when it computes every key indicator.
KEY_INDICATOR_CALL = "compute_all("


def computes_key_indicators(template: Path) -> bool:
    """Whether a chapter template's code computes every key indicator (``compute_all(``).

    Examples
    --------
    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "s.ipynb"
    >>> cell = {"cell_type": "code", "source": ["tabel = indicators.compute_all(ctx)"]}
    >>> _ = p.write_text(json.dumps({"cells": [cell]}), encoding="utf-8")
    >>> computes_key_indicators(p)
    True
    """
    try:
        nb = json.loads(template.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    for cell in nb.get("cells") or []:
        source = cell.get("source") or ""
        text = "".join(source) if isinstance(source, list) else str(source)
        if cell.get("cell_type") == "code" and KEY_INDICATOR_CALL in text:
            return True
    return False


def recorded_seconds(entry: dict[str, Any] | None) -> float | None:
    """The duration of a chapter's last execution from its ``state.json`` entry, if recorded.

    Examples
    --------
    >>> recorded_seconds({"seconden": 3.5}), recorded_seconds({}), recorded_seconds(None)
    (3.5, None, None)
    """
    value = (entry or {}).get("seconden")
    return float(value) if isinstance(value, int | float) and value >= 0 else None


def running_order(todo: list[ChapterRun], previous: dict[str, Any]) -> list[ChapterRun]:
    """The chapters to run, in the order to start them: the longest first.

    ``previous`` is the ``chapters`` part of the last ``state.json`` (``{doc: entry}``).
    Chapters without a recorded time come first (those computing every key indicator leading),
    then the others by their last duration, longest first; ties keep the book's order.

    Examples
    --------
    >>> from analysis.pipeline.pages import Page
    >>> runs = [ChapterRun(Page(f"chapters/{n}", Path(f"{n}.ipynb")), True, []) for n in "abc"]
    >>> prev = {"chapters/a": {"seconden": 2.0}, "chapters/b": {"seconden": 9.0}}
    >>> [r.page.label for r in running_order(runs, prev)]
    ['c', 'b', 'a']
    """

    def rank(item: tuple[int, ChapterRun]) -> tuple[int, float, int]:
        i, run = item
        seconds = recorded_seconds(previous.get(run.page.doc))
        if seconds is not None:
            return (2, -seconds, i)
        return (0 if computes_key_indicators(run.page.path) else 1, 0.0, i)

    return [run for _, run in sorted(enumerate(todo), key=rank)]


def max_workers(jobs: int | None) -> int:
    """How many chapters run at once: ``jobs``, else one per processor core.

    Examples
    --------
    >>> max_workers(3), max_workers(None) >= 1
    (3, True)
    """
    return max(1, jobs or os.cpu_count() or 1)
