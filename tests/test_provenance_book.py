"""Provenance through the real build (issue 14.1): a small book whose chapter uses a real and a
synthetic dataset. Every synthetic number reaches the HTML inside the smallest element with
``data-herkomst="synthetisch"``, a visible sign and a screen-reader text; the real figure with
``bron=`` stays unmarked; no internal mark character reaches any published file."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from analysis.core.provenance import END, START
from analysis.pipeline.build import build
from tests.conftest import write_dataset
from tests.minibook import chapter_notebook, make_project

pytestmark = pytest.mark.e2e

SYNTH_CSV = (
    "gemeente_code,periode,leeftijd,waarde,aandeel\n"
    "GM0397,2024,0-64,1000,80.0\n"
    "GM0397,2025,0-64,1060,80.0\n"
)

BODY = """\
from IPython.display import HTML, display
import pandas as pd
from analysis import charts, report, tables
ctx = report.chapter(periode)
echt = ctx.load("tel")
synth = ctx.load("steun")
n65 = int(echt[(echt.periode == periode) & (echt.leeftijd == "65+")].waarde.iloc[0])
report.glue("n65", n65, bron=echt)
reg = report.glue("reg", int(synth[synth.periode == periode].waarde.iloc[0]))
report.glue("zin", f"tegen {report.glue('reg_vorig', 1000)} een jaar eerder")
d = synth.rename(columns={"periode": "Jaar", "waarde": "Aantal"})
charts.line_chart(d, name="steun", x="Jaar", y="Aantal", title=f"Registraties groeien naar {reg}",
                  subtitle="aantal", description=f"Van 1.000 naar {reg}.", sources=[synth]).show()
display(HTML(tables.table_html(d[["Jaar", "Aantal"]], "Registraties", bron=synth)))
"""


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> tuple[Path, str]:
    root = make_project(tmp_path_factory.mktemp("herkomst") / "project")
    write_dataset(root / "data", "steun", SYNTH_CSV, synthetic=True, calibrated_to="niets (test)")
    nb = chapter_notebook(BODY)
    nb.cells.append(nbformat.v4.new_markdown_cell("Geregistreerd: {glue}`reg`, {glue}`zin`."))
    for i, c in enumerate(nb.cells, 1):
        c["id"] = f"cel-{i:02d}"
    nbformat.write(nb, root / "chapters" / "mini.ipynb")
    result = build("2025", root=root, out_root=root / "_build")
    html = (result.html / "chapters" / "mini.html").read_text(encoding="utf-8")
    return result.html, html


def _smallest(html: str, number: str) -> str:
    """The element that directly holds ``number`` in the page text (its opening tag)."""
    m = re.search(r"(<[^/>][^>]*>)" + re.escape(number) + r"(<)", html)
    assert m, f"{number} niet gevonden"
    return m[1]


def test_synthetic_glued_number_is_marked_where_it_stands(page):
    _, html = page
    tag = _smallest(html, "1.060")
    assert 'data-herkomst="synthetisch"' in tag and "herkomst-synthetisch" in tag
    at = html.index(tag + "1.060")
    after = html[at : at + 400]
    assert '<sup class="herkomst-teken" aria-hidden="true">s</sup>' in after
    assert '<span class="visually-hidden"> (synthetisch)</span>' in after


def test_every_synthetic_number_on_the_page_is_marked(page):
    _, html = page
    body = html.split('<article class="bd-article">')[1].split("</article>")[0]
    body = re.sub(r"<script.*?</script>", "", body, flags=re.S)
    body = re.sub(r"<svg.*?</svg>", "", body, flags=re.S)
    for number in ("1.060", "1.000"):
        for m in re.finditer(r"(<[^/>][^>]*>)" + re.escape(number) + "<", body):
            assert 'data-herkomst="synthetisch"' in m[1], (number, m[1])
    assert "Registraties groeien naar" in body and "Voorbeeld:" in body


def test_real_figure_with_bron_is_not_marked(page):
    _, html = page
    assert 'data-herkomst="synthetisch"' not in _smallest(html, "304")


def test_the_page_warning_explains_the_sign(page):
    _, html = page
    assert "Let op: synthetische gegevens" in html and "herkomst-voorbeeld-teken" in html


def test_no_internal_mark_reaches_any_published_file(page):
    folder, _ = page
    for f in folder.rglob("*"):
        if f.is_file() and f.suffix in {".html", ".js", ".json", ".txt", ".ipynb"}:
            text = f.read_text(encoding="utf-8", errors="replace")
            assert START not in text and END not in text, f
            assert "\\ue000" not in text.lower(), f
