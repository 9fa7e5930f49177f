"""Executed chapter notebooks as the book uses them: the synthetic-data warning and the marks.

The presentation layer decides what a page shows (:func:`analysis.present.pages.finish_executed`:
the warning for a page that uses synthetic data, and every value computed from a stand-in marked
where it stands); the build calls it once per executed chapter.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from analysis.present.pages import WARNING_TAG, finish_executed, synthetic_warning

SYNTHETIC_TAG = WARNING_TAG


def add_synthetic_warning(nb_path: Path, synthetic: list[str], manifest: dict[str, Any]) -> None:
    """Prepare an executed chapter for the book (see :func:`analysis.present.pages.finish_executed`).

    An earlier warning is replaced; cell ids are renumbered (``cel-01``, …) afterwards.
    """
    finish_executed(nb_path, synthetic, manifest)


__all__ = ["SYNTHETIC_TAG", "add_synthetic_warning", "synthetic_warning"]
