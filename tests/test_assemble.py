"""Assembling the book source (issue 17.4: the preview does it after every edit)."""

from __future__ import annotations

import json

import nbformat

from analysis.pipeline import assemble
from tests.conftest import ROOT


def test_the_stamped_notebook_is_made_once_per_notebook_and_stamp(monkeypatch):
    """The preview assembles the whole book after every edit: the unchanged notebooks are not
    stamped again."""
    made = []
    real = assemble._nb_json

    def counting(obj):
        made.append(1)
        return real(obj)

    monkeypatch.setattr(assemble, "_nb_json", counting)
    cells = [nbformat.v4.new_markdown_cell("Hoi")]
    nb = nbformat.writes(nbformat.v4.new_notebook(cells=cells)) + "\n"
    first = assemble.with_stamp_cell(nb.encode(), "editie 1 van de test")
    again = assemble.with_stamp_cell(nb.encode(), "editie 1 van de test")
    other = assemble.with_stamp_cell(nb.encode(), "editie 2 van de test")
    assert len(made) == 2
    assert first == again and b"editie 1 van de test" in first and b"editie 2" in other


def _validated_stamp(text: str, stamp: str) -> bytes:
    nb = nbformat.reads(text, as_version=4)
    cell = nbformat.v4.new_markdown_cell(assemble.stamp_markdown(stamp).strip())
    cell["id"], cell.metadata["tags"] = "cel-stempel", ["wmo-stempel"]
    nb.cells.append(cell)
    return (nbformat.writes(nb) + "\n").encode("utf-8")


def test_stamping_gives_the_bytes_of_a_validated_read_and_write():
    """Stamping writes the cell into the notebook's text (every build, even a no-op, assembles
    the book); the result is byte for byte what reading and writing through nbformat gives: for
    every chapter as executed (written by nbformat), for a notebook without cells, and for one in
    another layout (which goes through nbformat)."""
    texts = {
        p.name: nbformat.writes(nbformat.read(p, as_version=4)) + "\n"
        for p in sorted((ROOT / "chapters").glob("*.ipynb"))
    }
    texts["leeg"] = nbformat.writes(nbformat.v4.new_notebook()) + "\n"
    texts["compact"] = json.dumps(json.loads(texts["leeswijzer.ipynb"]))
    for name, text in texts.items():
        stamp = f"editie x van {name} · ‘ü’"
        assert assemble.with_stamp_cell(text.encode(), stamp) == _validated_stamp(text, stamp), name


def test_finishing_an_executed_chapter_gives_the_bytes_of_a_validated_read_and_write(tmp_path):
    """The synthetic warning is added without nbformat's schema validation (the notebook was
    validated when it was written); the bytes are those of the validated way."""
    from analysis.config.manifest import load_manifest
    from analysis.present import pages

    manifest = load_manifest(ROOT / "data")
    synthetic = sorted(n for n, e in manifest.items() if e.get("synthetic"))[:2]
    for path in sorted((ROOT / "chapters").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        cell = nbformat.v4.new_markdown_cell(pages.synthetic_warning(synthetic, manifest))
        cell.metadata["tags"] = [pages.WARNING_TAG]
        nb.cells.insert(1 if nb.cells and nb.cells[0].cell_type == "markdown" else 0, cell)
        pages.finish_notebook(nb)
        for i, c in enumerate(nb.cells, start=1):
            c["id"] = f"cel-{i:02d}"
        validated = nbformat.writes(nb) + "\n"
        out = tmp_path / path.name
        out.write_bytes(path.read_bytes())
        pages.finish_executed(out, synthetic, manifest)
        assert out.read_text(encoding="utf-8") == validated, path.name
        assert "synthetisch" in out.read_text(encoding="utf-8")
