"""Executed chapter notebooks as the book uses them: the synthetic-data warning, the marks, and
the executed copy of a chapter whose prose alone changed.

The presentation layer decides what a page shows (:func:`analysis.present.pages.finish_executed`:
the warning for a page that uses synthetic data, and every value computed from a stand-in marked
where it stands); the build calls it once per executed chapter.

A change confined to the Markdown cells of a chapter does not change what executing it gives
(:func:`code_fingerprint` is the same), so the build makes the new executed copy from the old one
(:func:`merge_prose`): its code cells, outputs and glued values, with the template's text.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis.present.pages import WARNING_TAG, finish_executed, synthetic_warning

if TYPE_CHECKING:
    from nbformat import NotebookNode

SYNTHETIC_TAG = WARNING_TAG


def add_synthetic_warning(nb_path: Path, synthetic: list[str], manifest: dict[str, Any]) -> None:
    """Prepare an executed chapter for the book (see :func:`analysis.present.pages.finish_executed`).

    An earlier warning is replaced; cell ids are renumbered (``cel-01``, …) afterwards.
    """
    finish_executed(nb_path, synthetic, manifest)


# --------------------------------------------------------------------------- prose edits

#: Notebook fields that do not change what executing it produces (cell ids are renumbered).
_NOT_EXECUTED = ("outputs", "execution_count", "id")


def code_fingerprint(nb: dict[str, Any]) -> str:
    """Hash of everything in a notebook that executing it depends on, and nothing else.

    That is the notebook's format and metadata and, in order, every code cell's source and
    metadata; not the Markdown (or raw) cells, nor where they stand between the code cells. Two
    templates with the same fingerprint give the same code cells and outputs when executed.

    Examples
    --------
    >>> nb = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
    ...     {"cell_type": "markdown", "source": "# Titel", "metadata": {}},
    ...     {"cell_type": "code", "source": "x = 1", "metadata": {}, "outputs": []}]}
    >>> before = code_fingerprint(nb)
    >>> nb["cells"][0]["source"] = "# Andere titel"
    >>> code_fingerprint(nb) == before
    True
    >>> nb["cells"][1]["source"] = "x = 2"
    >>> code_fingerprint(nb) == before
    False
    """
    code = [
        {
            k: ("".join(v) if k == "source" and isinstance(v, list) else v)
            for k, v in c.items()
            if k not in _NOT_EXECUTED
        }
        for c in nb.get("cells", [])
        if c.get("cell_type") == "code"
    ]
    doc = {
        "nbformat": nb.get("nbformat"),
        "nbformat_minor": nb.get("nbformat_minor"),
        "metadata": nb.get("metadata", {}),
        "code": code,
    }
    return hashlib.sha256(json.dumps(doc, sort_keys=True).encode()).hexdigest()


def notebook_fingerprint(path: Path) -> str:
    """:func:`code_fingerprint` of a notebook file ("" when it is not a readable notebook)."""
    try:
        return code_fingerprint(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, AttributeError):
        return ""


def _as_papermill_reads(path: Path) -> NotebookNode:
    """The template as papermill loads it (``papermill.iorw.load_notebook_node``): upgraded to
    the current format, every cell with a ``tags`` list (its other additions are removed by
    :func:`analysis.pipeline.execute.normalise`). ``tests/test_reproducible.py`` checks that the
    result equals an execution."""
    import nbformat  # here, not at import: a build that executes nothing needs no nbformat

    nb = nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
    nb = nbformat.v4.upgrade(nb) or nb
    for cell in nb.cells:
        if "tags" not in cell.metadata:
            cell.metadata["tags"] = []
    return nb


def merge_prose(template: Path, executed: Path, out: Path) -> None:
    """Write the executed copy of ``template`` made from an execution of the same code.

    ``executed`` is the executed copy of an earlier version of the template with the same
    :func:`code_fingerprint`: its code cells (with their outputs and glued values) and the
    parameters papermill injected are kept; every other cell comes from the template, as
    executing it would give. The synthetic-data warning is left out (the build adds it).
    """
    import nbformat

    from analysis.pipeline.execute import normalise

    new = _as_papermill_reads(template)
    old = nbformat.read(executed, as_version=4)
    kept = [c for c in old.cells if SYNTHETIC_TAG not in c.metadata.get("tags", [])]
    injected = [c for c in kept if "injected-parameters" in c.metadata.get("tags", [])]
    code = iter(
        [
            c
            for c in kept
            if c.cell_type == "code" and "injected-parameters" not in c.metadata.get("tags", [])
        ]
    )
    cells = []
    for cell in new.cells:
        if cell.cell_type != "code":
            cells.append(cell)
            continue
        cells.append(next(code))
        if "parameters" in cell.metadata.get("tags", []):
            cells.extend(injected)
    old.cells = cells
    out.write_text(nbformat.writes(normalise(old)) + "\n", encoding="utf-8")


__all__ = [
    "SYNTHETIC_TAG",
    "add_synthetic_warning",
    "code_fingerprint",
    "merge_prose",
    "notebook_fingerprint",
    "synthetic_warning",
]
