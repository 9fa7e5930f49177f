"""Assembling the book source (issue 17.4: the preview does it after every edit)."""

from __future__ import annotations

import nbformat

from analysis.pipeline import assemble


def test_the_stamped_notebook_is_made_once_per_notebook_and_stamp(monkeypatch):
    """The preview assembles the whole book after every edit: the unchanged notebooks are not
    parsed and written again."""
    parsed = []
    real_reads = nbformat.reads

    def counting(*args, **kwargs):
        parsed.append(1)
        return real_reads(*args, **kwargs)

    monkeypatch.setattr(assemble.nbformat, "reads", counting)
    nb = nbformat.writes(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("Hoi")]))
    first = assemble.with_stamp_cell(nb.encode(), "editie 1 van de test")
    again = assemble.with_stamp_cell(nb.encode(), "editie 1 van de test")
    other = assemble.with_stamp_cell(nb.encode(), "editie 2 van de test")
    assert len(parsed) == 2
    assert first == again and b"editie 1 van de test" in first and b"editie 2" in other
