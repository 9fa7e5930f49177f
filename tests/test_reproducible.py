"""Byte-identical rebuilds (issue 8, item 5).

Building the same period twice from the same inputs and commit gives byte-identical HTML and
executed notebooks; an incremental rebuild gives the same bytes as a clean build of the same inputs.
The only files allowed to differ are listed in :data:`analysis.pipeline.record.VARIABLE_FILES`, with a reason.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import nbformat
import pytest

from analysis.config.manifest import refresh_hashes
from analysis.pipeline.record import VARIABLE_FILES
from tests.conftest import write_dataset
from tests.minibook import TEL_CSV, tree_digest
from tests.test_incremental import make_small_project, run_build

pytestmark = pytest.mark.e2e

CHART_BODY = (
    "from analysis import charts, report\n"
    "ctx = report.chapter(periode)\n"
    "df = ctx.load('tel')\n"
    "tabel = df.rename(columns={'periode': 'Jaar', 'leeftijd': 'Leeftijd', 'waarde': 'Aantal'})\n"
    "fig = charts.line_chart(tabel[['Jaar', 'Leeftijd', 'Aantal']], name='tel', x='Jaar',\n"
    "    y='Aantal', color='Leeftijd', title='Aantal inwoners stabiel', subtitle='aantal',\n"
    "    description='Twee lijnen', sources=[df])\n"
    "fig.show()\n"
    "report.glue('n65', len(tabel))"
)


def _edition(out: Path) -> dict[str, bytes]:
    files = {f"html/{k}": v for k, v in tree_digest(out / "2025" / "html").items()}
    files.update({f"executed/{k}": v for k, v in tree_digest(out / "2025" / "executed").items()})
    return {k: v for k, v in files.items() if Path(k).name not in VARIABLE_FILES}


def _differences(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    return sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """The small project, with ``tel`` a synthetic stand-in: its values are marked where they
    stand and its pages carry the warning, so those steps are compared too."""
    root = make_small_project(tmp_path_factory.mktemp("reproduceerbaar") / "p", {"c": CHART_BODY})
    write_dataset(root / "data", "tel", TEL_CSV, synthetic=True, calibrated_to="een ijkpunt")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "synthetisch"]
    subprocess.run(git, cwd=root, check=True)
    run_build(root)
    return root


def test_two_clean_builds_are_byte_identical(project):
    """The second build runs every chapter in a fresh kernel (the first in warm ones): the same
    bytes (issue 17: warm execution changes no byte of the output)."""
    result, _ = run_build(project, force=True, out_root=project / "_tweede", warm=False)
    assert not any(r.warm for r in result.runs)
    assert sorted(result.executed) == ["a", "b", "c"]
    first, second = _edition(project / "_build"), _edition(project / "_tweede")
    assert any(k.endswith("chapters/c.html") for k in first)
    assert 'class="wmo-figuur"' in first["html/chapters/c.html"].decode()
    assert 'data-herkomst="synthetisch"' in first["html/chapters/a.html"].decode()
    assert _differences(first, second) == []
    # only the listed files differ, and they exist
    for name in VARIABLE_FILES:
        assert (project / "_build/2025/html" / name).is_file()


def test_incremental_build_equals_clean_build(project):
    """A changed dataset gives every page a new stamp (its data fingerprint). Page b does not
    read it: only its stamp changed, so Sphinx does not read b again (its parsed page is kept)
    and the new stamp is put in as b is written; the edition equals a clean build's."""
    doctrees = project / "_build/2025/work/out/_build/.doctrees/chapters"
    parsed = {p.name: p.stat().st_mtime_ns for p in doctrees.glob("*.doctree")}
    old_b = (project / "_build/2025/html/chapters/b.html").read_text(encoding="utf-8")
    csv = project / "data" / "tel.csv"
    csv.write_bytes(csv.read_bytes().replace(b"2025,65+,304", b"2025,65+,306"))
    refresh_hashes(project / "data")
    incremental, _ = run_build(project)
    assert sorted(incremental.executed) == ["a", "c"]
    again = {p.name: p.stat().st_mtime_ns for p in doctrees.glob("*.doctree")}
    assert again["b.doctree"] == parsed["b.doctree"]  # not read again
    assert again["a.doctree"] != parsed["a.doctree"] and again["c.doctree"] != parsed["c.doctree"]
    new_b = (project / "_build/2025/html/chapters/b.html").read_text(encoding="utf-8")
    stamp = re.compile(r"Editie: [^<]* · ")
    assert stamp.findall(old_b) and stamp.findall(new_b) != stamp.findall(old_b)
    clean, _ = run_build(project, force=True, out_root=project / "_schoon")
    assert _differences(_edition(project / "_build"), _edition(project / "_schoon")) == []


def _written(project: Path) -> dict[str, int]:
    """Modification times of the pages Sphinx keeps between builds."""
    out = project / "_build/2025/work/out/_build/html"
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*.html")}


def test_prose_edit_equals_clean_build(project):
    """Issue 17, item 2: a chapter remade from its new text without executing it gives the same
    bytes as executing it, and the book the same HTML, although Sphinx wrote only that page
    (and the page listing it): the others are kept from the build before."""
    before = _written(project)
    path = project / "chapters" / "c.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells[0].source += "\n\nMet een gelijmd getal: {glue}`n65`."
    nb.cells.insert(2, nbformat.v4.new_markdown_cell("Een cel tussen de code."))
    nbformat.write(nb, path)
    incremental, _ = run_build(project)
    assert incremental.executed == [] and incremental.prose == ["c"]
    after = _written(project)
    rewritten = sorted(k for k in before if after.get(k) != before[k])
    assert "chapters/c.html" in rewritten and "chapters/a.html" not in rewritten, rewritten
    clean, _ = run_build(project, force=True, out_root=project / "_tekst")
    assert sorted(clean.executed) == ["a", "b", "c"]
    assert _differences(_edition(project / "_build"), _edition(project / "_tekst")) == []


def test_new_title_rewrites_every_page(project):
    """A page's title shows on every page (navigation): when it changes, every page is written
    (analysis.pipeline.partial), and the result equals a clean build."""
    path = project / "chapters" / "c.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells[0].source = "# Een andere titel\n\nMet een gelijmd getal: {glue}`n65`."
    nb.cells.append(nbformat.v4.new_markdown_cell("## Slot\n\nNog een alinea."))
    nbformat.write(nb, path)
    incremental, _ = run_build(project)
    assert incremental.executed == [] and incremental.prose == ["c"]
    assert "Een andere titel" in (project / "_build/2025/html/chapters/a.html").read_text()
    clean, _ = run_build(project, force=True, out_root=project / "_titel")
    assert _differences(_edition(project / "_build"), _edition(project / "_titel")) == []


def test_no_run_dependent_text_in_the_edition(project):
    """No absolute build paths, temporary folders or papermill timings in HTML or notebooks."""
    needles = [str(project).encode(), b"/tmp/", b"start_time", b'"duration"']
    # a Python object's address (``<… at 0x7f3a5c2e1d90>``); not a hex constant in the Vega code
    address = re.compile(rb"0x7f[0-9a-f]{8}")
    for name, data in _edition(project / "_build").items():
        if name.endswith((".html", ".ipynb", ".js", ".json", ".txt")):
            for needle in needles:
                assert needle not in data, f"{needle!r} in {name}"
            assert not address.search(data), f"een geheugenadres in {name}"


def test_prose_edit_in_the_preview_equals_clean_build(project):
    """Issue 17.4: ``bekijk`` builds a prose edit with its warm book builder (Jupyter Book forked
    from a process that loaded it, compiled templates kept) and installs it by linking the
    unchanged files of the previous edition: the same bytes as a clean build."""
    from analysis.pipeline.build import BuildOptions, build_with
    from analysis.pipeline.warm import WarmKernels

    path = project / "chapters" / "a.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("Een alinea die in de voorvertoning verschijnt."))
    nbformat.write(nb, path)
    kernels = WarmKernels()
    try:
        options = BuildOptions(say=lambda m: None, kernels=kernels, keep_previous=True)
        result = build_with("2025", options, root=project)
    finally:
        kernels.close()
    assert result.executed == [] and result.prose == ["a"] and result.book_built
    clean, _ = run_build(project, force=True, out_root=project / "_voorvertoning")
    # the one intended difference: the preview's stamp names the code as a working copy (also
    # in the search index, which indexes the stamp's words)
    draft, dirty = b" (werkversie, mogelijk met lokale wijzigingen)", b" (met lokale wijzigingen)"
    preview = {k: v.replace(draft, dirty) for k, v in _edition(project / "_build").items()}
    assert any(draft in v for v in _edition(project / "_build").values())
    differ = _differences(preview, _edition(project / "_voorvertoning"))
    assert differ in ([], ["html/searchindex.js"])
