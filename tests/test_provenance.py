"""Provenance travels with every published value (issue 14.1).

A value computed from a synthetic dataset cannot reach the page unmarked: not as a glued figure
(with or without ``bron=``), not inside a chart title, not in a table cell, not in a chart's data
table. A real figure that says where it comes from is shown unmarked, also in a chapter that uses
stand-ins.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis.core.provenance import END, START, Provenance, Traced, mark, parts, plain, strip
from analysis.data import datasets
from analysis.present import charts, marks, report, tables
from tests.conftest import write_dataset

SYNTH = "gemeente_code,periode,leeftijd,waarde,aandeel\nGM0397,2025,0-64,1060,80.0\n"
REAL = "gemeente_code,periode,leeftijd,waarde,aandeel\nGM0397,2019,0-64,27286,80.0\n"
MARKED = 'data-herkomst="synthetisch"'


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A data folder with one real and one synthetic dataset; an empty load session."""
    f = tmp_path / "data"
    write_dataset(f, "echt", REAL)
    write_dataset(f, "stand_in", SYNTH, synthetic=True, calibrated_to="een test")
    monkeypatch.setattr(datasets, "data_dir", lambda: f)
    datasets.reset_session()
    yield f
    datasets.reset_session()


def _html(glued: str) -> str:
    return glued._repr_html_() or ""


# --------------------------------------------------------------------------- the value type


def test_marks_survive_string_building_and_convert_once():
    title = f"Mantelzorgers: {mark('1.060')} in 2025"
    assert parts(title) == [("Mantelzorgers: ", False), ("1.060", True), (" in 2025", False)]
    assert plain(title) == "Mantelzorgers: 1.060 (synthetisch) in 2025"
    assert strip(title) == "Mantelzorgers: 1.060 in 2025"
    assert mark(mark("3")) == START + "3" + END


def test_traced_number_loses_its_provenance_in_arithmetic():
    x = Traced(27286, Provenance.dataset("echt"))
    assert x.provenance.datasets == {"echt"} and not hasattr(x * 2, "provenance")


# --------------------------------------------------------------------------- loader and glue


def test_loader_attaches_provenance_and_records_the_session(folder):
    echt = datasets.load("echt")
    assert echt.attrs["herkomst"] == Provenance.dataset("echt")
    assert not datasets.session_provenance().is_synthetic
    with datasets.tracking() as used:
        datasets.load("stand_in")
    assert list(used) == ["stand_in"]
    assert datasets.session_provenance().synthetic == {"stand_in"}


def test_a_figure_computed_from_a_stand_in_is_marked_without_bron(folder):
    df = datasets.load("stand_in")
    g = report.glue("n", int(df["waarde"].iloc[0]))
    assert g == mark("1.060")
    assert repr(g) == "1.060 (synthetisch)"
    assert MARKED in _html(g) and '<span class="visually-hidden"> (synthetisch)</span>' in _html(g)


def test_any_number_is_marked_once_anything_synthetic_was_loaded(folder):
    """Fail-safe: a figure that does not say where it comes from is marked."""
    datasets.load("echt")
    assert report.glue("a", 27286) == "27.286"  # only real data loaded so far
    datasets.load("stand_in")
    assert report.glue("b", 27286) == mark("27.286")
    assert report.glue("c", "tussen 2019 en 2025") == mark("tussen 2019 en 2025")
    # a period as text is a label, not a figure computed from the data
    assert [report.glue("p", p) for p in ("2024", "2025H1", "2019-2025")] == [
        "2024",
        "2025H1",
        "2019-2025",
    ]
    assert report.glue("d", "Heemstede-achtige naam") == "Heemstede-achtige naam"  # no figure


def test_bron_shows_a_real_figure_unmarked_in_a_chapter_with_stand_ins(folder):
    echt = datasets.load("echt")
    synth = datasets.load("stand_in")
    assert report.glue("a", 27286, bron=echt) == "27.286"
    assert report.glue("b", 27286, bron="echt") == "27.286"
    assert report.glue("p", "2025", bron="params") == "2025"
    assert report.glue("c", 1, bron=[echt, synth]) == mark("1")
    # a frame that lost its attrs (merge drops them) falls back to everything loaded: marked
    merged = echt.merge(synth, on="gemeente_code")
    assert report.glue("d", 5, bron=merged) == mark("5")
    with pytest.raises(ValueError):
        report.glue("e", 5, bron=[])


def test_glued_text_carries_its_provenance_into_titles(folder):
    synth = datasets.load("stand_in")
    n = report.glue("n", 1060, bron=synth)
    title = f"Geregistreerde mantelzorgers groeien naar {n}"
    again = report.glue("t", title)
    assert again.count(START) == 1 and MARKED in _html(again)


def test_glue_all_applies_formats_and_sources(folder):
    echt = datasets.load("echt")
    datasets.load("stand_in")
    out = report.glue_all(
        {
            "inwoners": report.fmt(27286, bron=echt),
            "aandeel": report.fmt(16.04, soort="procent", decimalen=1),
        }
    )
    assert out["inwoners"] == "27.286" and out["aandeel"] == mark("16,0%")


# --------------------------------------------------------------------------- charts and tables


def test_chart_from_a_stand_in_says_voorbeeld_and_marks_its_numbers(folder):
    synth = datasets.load("stand_in")
    n = report.glue("n", 1060, bron=synth)
    d = pd.DataFrame({"Jaar": ["2024", "2025"], "Aantal": [1000, 1060]})
    fig = charts.line_chart(
        d, name="t", x="Jaar", y="Aantal", title=f"Aantal groeit naar {n}",
        subtitle="aantal", description=f"Van 1.000 naar {n}.", sources=[synth],
    )  # fmt: skip
    page = fig.to_html()
    assert START not in page and END not in page
    assert '<span class="wmo-voorbeeld">Voorbeeld:</span>' in page
    assert f"{MARKED}>1.060<sup" in page.split("<figcaption")[1].split("</figcaption>")[0]
    assert 'aria-label="Van 1.000 naar 1.060 (synthetisch)." ' in page or (
        "1.060 (synthetisch)." in page
    )
    table = page.split('<details class="wmo-gegevens">')[1]
    assert table.count(MARKED) == 3  # the caption's figure and both numbers; years are labels


def test_chart_without_sources_is_marked_when_the_chapter_loaded_a_stand_in(folder):
    datasets.load("stand_in")
    d = pd.DataFrame({"Jaar": ["2025"], "Aantal": [3]})  # derived: no attrs
    fig = charts.bar_chart(d, name="b", x="Jaar", y="Aantal", title="t", subtitle="s",
                           description="d")  # fmt: skip
    assert fig.synthetic and MARKED in fig.table_html()


def test_chart_of_real_data_in_a_chapter_with_stand_ins_is_unmarked_with_sources(folder):
    echt = datasets.load("echt")
    datasets.load("stand_in")
    fig = charts.bar_chart(echt, name="b", x="periode", y="waarde", title="Inwoners",
                           subtitle="aantal", description="d", sources=[echt])  # fmt: skip
    assert not fig.synthetic and MARKED not in fig.to_html() and "Voorbeeld" not in fig.to_html()


def test_chart_rows_marked_per_row():
    d = pd.DataFrame({"Jaar": ["2019", "2025"], "Aantal": [27286, 27700], "s": [False, True]})
    fig = charts.bar_chart(
        d, name="r", x="Jaar", y="Aantal", title="t", subtitle="s", description="d",
        sources=[d.assign().pipe(lambda x: x)], synthetisch_kolom="s",
    )  # fmt: skip
    rows = fig.table_html().split("<tbody>")[1].split("<tr")[1:]
    assert MARKED not in rows[0] and MARKED in rows[1]
    assert rows[0].startswith(' data-herkomst="echt">')  # said to be real, row by row


def test_table_cells_marked_by_source_row_and_column(folder):
    synth = datasets.load("stand_in")
    t = pd.DataFrame({"Jaar": ["2025"], "Status": ["vertraagd"], "Aantal": ["1.060"]})
    html = tables.table_html(t, "c", bron=synth)
    assert html.count(MARKED) == 1 and f"{MARKED}>1.060<sup" in html  # words and row header not
    html = tables.table_html(t, "c", bron=synth, kolommen=["Status"])
    assert f"{MARKED}>vertraagd<sup" in html and html.count(MARKED) == 1
    mixed = pd.DataFrame({"Jaar": ["2019", "2025"], "Aantal": [27286, 27700], "s": [False, True]})
    html = tables.table_html(mixed, "c", bron=synth, synthetisch="s")
    assert (
        html.count(MARKED) == 1 and "27.286</td>" in html and ">s<" not in html.split("</thead>")[0]
    )


def test_table_of_real_data_unmarked():
    t = pd.DataFrame({"Jaar": ["2019"], "Inwoners": [27286]})
    assert MARKED not in tables.table_html(t, "c", bron=Provenance.dataset("echt"))


# --------------------------------------------------------------------------- notebook → book


def test_finish_notebook_converts_every_mark_for_where_it_stands():
    fig_html = f'<div aria-label="n {mark("5")}"><b>{mark("5")}</b></div><script>{{"t": "{mark("5")}"}}</script>'
    nb = {
        "cells": [
            {"cell_type": "markdown", "source": "x"},
            {
                "cell_type": "code",
                "outputs": [
                    {"output_type": "display_data", "metadata": {}, "data": {"text/plain": mark("7")}},
                    {"output_type": "display_data", "metadata": {}, "data": {"text/html": fig_html}},
                    {"output_type": "display_data", "metadata": {}, "data": {"text/markdown": f"Nu {mark('8')}"}},
                    {"output_type": "stream", "name": "stdout", "text": f"{mark('9')}\n"},
                ],
            },
        ]
    }  # fmt: skip
    assert marks.finish_notebook(nb)
    outs = nb["cells"][1]["outputs"]
    assert outs[0]["data"]["text/plain"] == "7 (synthetisch)"
    assert f"{MARKED}>7<sup" in outs[0]["data"]["text/html"]
    html = outs[1]["data"]["text/html"]
    assert 'aria-label="n 5 (synthetisch)"' in html and "<b><span class" in html
    assert '"t": "5 (synthetisch)"' in html
    assert f"{MARKED}>8<sup" in outs[2]["data"]["text/markdown"]
    assert outs[3]["text"] == "9 (synthetisch)\n"
    assert not re.search(f"[{START}{END}]", str(nb))


def test_finish_notebook_converts_glued_values_stored_under_the_papermill_prefix():
    p = "application/papermill.record/"
    out = {"output_type": "display_data", "metadata": {"scrapbook": {"name": "n"}},
           "data": {p + "text/plain": mark("7")}}  # fmt: skip
    assert marks.finish_output(out)
    assert out["data"][p + "text/plain"] == "7 (synthetisch)"
    assert f"{MARKED}>7<sup" in out["data"][p + "text/html"]


def test_a_figure_said_to_be_real_says_so_in_the_html(folder):
    echt = datasets.load("echt")
    assert 'data-herkomst="echt">27.286</span>' in _html(report.glue("a", 27286, bron=echt))
    # not said: no claim either way (the page uses no stand-in, nothing to mark)
    assert _html(report.glue("b", 27286)) == ""
    fig = charts.bar_chart(echt, name="r", x="periode", y="waarde", title="t", subtitle="s",
                           description="d", sources=[echt])  # fmt: skip
    assert (
        '<figure class="wmo-figuur" id="fig-r" aria-labelledby="fig-r-titel" data-herkomst="echt">'
        in fig.to_html()
    )
    assert '<tr data-herkomst="echt">' in tables.table_html(echt, "c", bron=echt)


def test_table_keeps_real_columns_real_next_to_stand_ins():
    """A plan's own estimates beside a stand-in projection are not marked as stand-ins."""
    from analysis.core.provenance import Provenance
    from analysis.present.tables import table_html

    t = pd.DataFrame({"Jaar": ["2040"], "Plan": [1100], "Projectie": [970]})
    html = table_html(
        t,
        "t",
        bron=Provenance.dataset("x", synthetic=True),
        kolommen=["Projectie"],
        echt=["Plan"],
    )
    assert '<td data-herkomst="echt">1.100</td>' in html
    assert 'data-herkomst="synthetisch">970<sup' in html
    # without echt= the plan column carries no provenance at all (the audit flags it)
    bare = table_html(t, "t", bron=Provenance.dataset("x", synthetic=True), kolommen=["Projectie"])
    assert "<td>1.100</td>" in bare


def test_table_column_reads_alike():
    """A numeric column with fractions shows every value with one decimal ("35,0", not "35")."""
    from analysis.present.tables import table_html

    t = pd.DataFrame({"Type": ["a", "b"], "0-64 jaar": [4.9, 35.0], "Aantal": [12.0, 3.0]})
    html = table_html(t, "t", bron="params")
    assert "<td>35,0</td>" in html and "<td>4,9</td>" in html
    assert "<td>12</td>" in html  # a column of whole numbers keeps none
