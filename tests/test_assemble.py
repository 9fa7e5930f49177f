"""Assembling the book source (issue 17.4: the preview does it after every edit)."""

from __future__ import annotations

import nbformat

from analysis.pipeline import assemble
from tests.conftest import ROOT


def test_the_stamped_notebook_is_made_once_per_notebook_and_stamp(monkeypatch):
    """The preview assembles the whole book after every edit: the unchanged notebooks are not
    parsed and written again."""
    parsed = []
    real_reads = nbformat.v4.reads

    def counting(*args, **kwargs):
        parsed.append(1)
        return real_reads(*args, **kwargs)

    monkeypatch.setattr(assemble.nbformat.v4, "reads", counting)
    nb = nbformat.writes(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("Hoi")]))
    first = assemble.with_stamp_cell(nb.encode(), "editie 1 van de test")
    again = assemble.with_stamp_cell(nb.encode(), "editie 1 van de test")
    other = assemble.with_stamp_cell(nb.encode(), "editie 2 van de test")
    assert len(parsed) == 2
    assert first == again and b"editie 1 van de test" in first and b"editie 2" in other


def test_stamping_gives_the_bytes_of_a_validated_read_and_write():
    """Stamping skips nbformat's schema validation (every build, even a no-op, assembles the
    book); the result is byte for byte what reading and writing through nbformat gives."""
    for path in sorted((ROOT / "chapters").glob("*.ipynb")):
        raw = path.read_bytes()
        nb = nbformat.reads(raw.decode("utf-8"), as_version=4)
        cell = nbformat.v4.new_markdown_cell(assemble.stamp_markdown("editie x").strip())
        cell["id"], cell.metadata["tags"] = "cel-stempel", ["wmo-stempel"]
        nb.cells.append(cell)
        validated = (nbformat.writes(nb) + "\n").encode("utf-8")
        assert assemble.with_stamp_cell(raw, "editie x") == validated, path.name


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
