"""The published site's pages come from templates (issue 13.6): analysis.present.site gave the
same bytes as the string-built pages analysis.pipeline.publish had before it switched to it; the
tests below keep publish's choices (which figures, which links) and site's wording together."""

from __future__ import annotations

from pathlib import Path

from analysis.pipeline import publish
from analysis.present import site


def _editions() -> list[publish.Edition]:
    return [
        publish.Edition("2024", "1.0", Path("a"), "2025-01-10", "abc", "chapters/s.html"),
        publish.Edition(
            "2025", "1.0", Path("b"), "2026-01-10", "def", "chapters/s.html", pdf="rapport.pdf"
        ),
        publish.Edition(
            "2025", "1.1", Path("c"), "2026-02-01", "fed", "chapters/s.html",
            toelichting="Tikfout in de tabel hersteld.",
        ),
    ]  # fmt: skip


def test_landing_page_equals_the_string_built_one():
    eds = _editions()
    assert site.landing_page(eds, sort_key=publish.version_key) == publish.landing_page(eds)
    assert site.landing_page([]) == publish.landing_page([])


def test_page_frame_and_changes_table():
    page = site.page("T", "<p>x</p>", up="../../")
    assert page.startswith('<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n')
    assert "<title>T</title>" in page and "<main>\n<p>x</p>\n</main>\n" in page
    assert (
        '<header><p><a href="../../index.html">Wmo-monitor: alle edities</a></p></header>' in page
    )
    changes = [publish.Change("h/a", "1", "2"), publish.Change("h/b", None, "3")]
    assert site.changes_table(changes, "c", "Oud", "Nieuw") == (
        '<table><caption>c</caption><thead><tr><th scope="col">Kerncijfer (hoofdstuk/naam)</th>'
        '<th scope="col">Oud</th><th scope="col">Nieuw</th></tr></thead><tbody>'
        '<tr><th scope="row">h/a</th><td>1</td><td>2</td></tr>'
        '<tr><th scope="row">h/b</th><td><em>(niet aanwezig)</em></td><td>3</td></tr>'
        "</tbody></table>"
    )


def test_text_is_escaped():
    eds = [publish.Edition("2025", "1.0", Path("b"), "2026-01-10", "d", "s.html", "<b>x</b>")]
    assert "&lt;b&gt;x&lt;/b&gt;" in site.landing_page(eds)


def test_edition_bar_equals_the_string_built_one(tmp_path):
    old = publish.Edition("2025", "1.0", tmp_path / "a", "2026-01-10", "d", "chapters/s.html")
    new = publish.Edition("2025", "1.1", tmp_path / "b", "2026-02-01", "e", "chapters/s.html")
    rel = Path("chapters/x.html")
    up = "../" * (len(rel.parts) - 1 + 2)
    changes = "../" * (len(rel.parts) - 1) + publish.CHANGES_PAGE
    ours = site.edition_bar(
        "2025", "1.0", up=up, changes_href=changes, latest_editie="1.1",
        latest_href=f"{up}{new.folder}/{new.start}",
    )  # fmt: skip
    assert ours == publish._bar_html(old, rel, new)
    assert site.edition_bar("2025", "1.1", up=up, changes_href=changes) == publish._bar_html(
        new, rel, new
    )


def test_changes_page_equals_the_string_built_one():
    first, second = _editions()[1], _editions()[2]
    first.kerncijfers = {"h/a": "1", "h/b": "2"}
    second.kerncijfers = {"h/a": "1", "h/b": "3", "h/c": "4"}
    prev_period = _editions()[0]
    prev_period.kerncijfers = {"h/a": "0", "h/b": "tekst"}
    for e, pv, pp in [
        (first, None, None),
        (second, first, prev_period),
        (second, second, None),
        (publish.Edition("2025", "1.0", Path("x"), "2026-01-10", "d", "s.html", "Eerste."), None, prev_period),
    ]:  # fmt: skip
        version = publish.diff_key_figures(pv.kerncijfers, e.kerncijfers) if pv else []
        shared = sorted(set(pp.kerncijfers) & set(e.kerncijfers)) if pp else []
        period = [
            publish.Change(n, pp.kerncijfers[n], e.kerncijfers[n])
            for n in shared
            if publish.is_figure(e.kerncijfers[n]) or publish.is_figure(pp.kerncijfers[n])
        ]
        assert site.changes_page(e, pv, pp, version, period) == publish.changes_page(e, pv, pp)
