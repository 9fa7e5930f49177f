"""Executed chapter notebooks as the book uses them: the synthetic-data warning."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat

SYNTHETIC_TAG = "wmo-synthetisch"


def synthetic_warning(synthetic: list[str], manifest: dict[str, Any]) -> str:
    """The Markdown of the warning on a page that uses synthetic data (``synthetic`` not empty).

    Examples
    --------
    >>> text = synthetic_warning(["tel"], {"tel": {"title": "Tellingen"}})
    >>> "- `tel`: Tellingen" in text
    True
    """
    # the datasets stay in view; what each is calibrated to folds open (long for a reader)
    items = "\n".join(f"- `{d}`: {manifest[d].get('title', d)}" for d in synthetic)
    calibration = "\n".join(
        f"- `{d}`: {str(manifest[d].get('calibrated_to', '')).strip()}" for d in synthetic
    )
    return (
        ":::{admonition} Let op: synthetische gegevens\n:class: warning\n"
        "Deze pagina gebruikt **synthetische** gegevens: door een script gemaakte "
        "stand-ins, afgestemd op echte ijkcijfers, omdat de echte reeks hier (nog) niet "
        "beschikbaar is. De cijfers laten zien hoe het rapport werkt, **niet** hoe het met "
        "de gemeente gaat. Vervang ze door echte gegevens (zie de pagina Bronnen).\n\n"
        f"{items}\n\n"
        '<details class="wmo-ijking"><summary>Waarop zijn deze stand-ins afgestemd?</summary>'
        f"\n\n{calibration}\n\n</details>\n:::"
    )


def add_synthetic_warning(nb_path: Path, synthetic: list[str], manifest: dict[str, Any]) -> None:
    """Insert a visible warning after the title cell of a page that uses synthetic data.

    An earlier warning is replaced; cell ids are renumbered (``cel-01``, …) afterwards.
    """
    nb = nbformat.read(nb_path, as_version=4)
    nb.cells = [c for c in nb.cells if SYNTHETIC_TAG not in c.metadata.get("tags", [])]
    if synthetic:
        cell = nbformat.v4.new_markdown_cell(synthetic_warning(synthetic, manifest))
        cell.metadata["tags"] = [SYNTHETIC_TAG]
        at = 1 if nb.cells and nb.cells[0].cell_type == "markdown" else 0
        nb.cells.insert(at, cell)
    for i, c in enumerate(nb.cells, start=1):
        c["id"] = f"cel-{i:02d}"
    nb_path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
