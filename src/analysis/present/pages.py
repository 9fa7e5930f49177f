"""What the build does to an executed chapter before the book is made of it.

:func:`finish_executed` is the one hook the pipeline calls for every executed chapter notebook:

1. the page-top warning for a page that uses synthetic data (it names the stand-ins in plain words
   and explains the sign next to a synthetic number; their calibration folds open);
2. every marked value in the outputs is converted for the book (:func:`analysis.present.marks.finish_notebook`);
3. cell ids are renumbered (stable, so rebuilds give identical pages).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from analysis.core.words import plain_words
from analysis.present.marks import SIGN, finish_notebook
from analysis.present.templating import render

WARNING_TAG = "wmo-synthetisch"


def synthetic_warning(synthetic: list[str], manifest: dict[str, Any]) -> str:
    """The Markdown of the warning for a page that uses the synthetic datasets ``synthetic``.

    Examples
    --------
    >>> m = {"x": {"title": "Bevolking naar leeftijd", "calibrated_to": "het echte totaal"}}
    >>> text = synthetic_warning(["x"], m)
    >>> "Bevolking naar leeftijd" in text and "het echte totaal" in text
    True
    """
    items = [
        {
            "titel": str(manifest[d].get("title", d)).strip(),
            "ijking": plain_words(str(manifest[d].get("calibrated_to") or "").strip()),
        }
        for d in synthetic
    ]
    return render("synthetische_waarschuwing.md", reeksen=items, teken=SIGN)


def finish_executed(nb_path: Path, synthetic: list[str], manifest: dict[str, Any]) -> None:
    """Prepare an executed chapter for the book, in place (see the module docstring).

    Parameters
    ----------
    nb_path
        The executed notebook.
    synthetic
        The synthetic datasets the chapter loaded (the warning lists them; none: no warning).
    manifest
        The data manifest (titles and calibration of the datasets).

    Notes
    -----
    Read and written with nbformat's version-4 functions, without its schema validation (the
    notebook was validated when its execution was written, and the book build validates it
    again when it reads it): the same bytes, without validating twice per build.
    """
    import nbformat

    nb = nbformat.v4.reads(nb_path.read_text(encoding="utf-8"))
    nb.cells = [c for c in nb.cells if WARNING_TAG not in c.metadata.get("tags", [])]
    if synthetic:
        cell = nbformat.from_dict({"cell_type": "markdown", "metadata": {"tags": [WARNING_TAG]}})
        cell.source = synthetic_warning(synthetic, manifest)
        at = 1 if nb.cells and nb.cells[0].cell_type == "markdown" else 0
        nb.cells.insert(at, cell)
    finish_notebook(nb)
    for i, c in enumerate(nb.cells, start=1):
        c["id"] = f"cel-{i:02d}"
    nb_path.write_text(nbformat.v4.writes(nb) + "\n", encoding="utf-8")
