"""The book's interface is Dutch on every page, and the book is light only.

Unit tests check the catalogue and template overrides of ``analysis.present.interface`` against
the installed themes (so a theme upgrade that adds an English label fails here); the e2e tests
scan every page of a built edition and of a published site (``tests/interface_scan.py``).
"""

from __future__ import annotations

import gettext
import json
import re
from pathlib import Path
from types import SimpleNamespace

import pydata_sphinx_theme
import pytest
import sphinx
import sphinx_book_theme

from analysis.core.dates import MONTHS
from analysis.present import interface
from tests.interface_scan import non_dutch_numbers, scan

PST = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"
SBT = Path(sphinx_book_theme.__file__).parent / "theme" / "sphinx_book_theme"
SPHINX_NL = Path(sphinx.__file__).parent / "locale"

# Content written by others that the scan still finds; each entry is (page stem, number) with
# the reason. Remove an entry when its source is fixed.

LONG_DATE = re.compile(r"\b\d{1,2} (?:" + "|".join(MONTHS) + r") \d{4}\b")


def _sphinx_nl() -> gettext.NullTranslations:
    return gettext.translation("sphinx", localedir=str(SPHINX_NL), languages=["nl"])


def _ours_then_sphinx() -> interface.DutchInterface:
    t = interface.DutchInterface(interface.read_catalogue(interface.CATALOGUE.read_text()))
    t.add_fallback(_sphinx_nl())
    return t


def _theme_msgids() -> set[str]:
    """Every ``_("…")`` message the pydata theme's templates translate."""
    found: set[str] = set()
    for f in PST.rglob("*.html"):
        found |= set(re.findall(r"""_\(\s*["']([^"']+)["']\s*\)""", f.read_text()))
    return found


def test_catalogue_reads_every_entry():
    entries = interface.read_catalogue(interface.CATALOGUE.read_text(encoding="utf-8"))
    assert entries["Skip to main content"] == "Naar de hoofdinhoud"
    assert entries["© Copyright %(copyright)s."] == "© %(copyright)s."
    assert "" not in entries and all(v.strip() for v in entries.values())
    # every msgid line of the file is read (one entry each, none lost to the parser)
    ids = re.findall(r'^msgid "(.+)"$', interface.CATALOGUE.read_text(), re.MULTILINE)
    assert len(entries) == len(ids) >= 30


def test_every_theme_string_is_translated():
    t = _ours_then_sphinx()
    msgids = _theme_msgids()
    assert {"Skip to main content", "Site navigation", "next page", "Color mode"} <= msgids
    untranslated = sorted(m for m in msgids if t.gettext(m) == m)
    assert not untranslated, f"geen Nederlandse vertaling voor: {untranslated}"
    # a template's {% trans %} block keeps its line break: still found
    wrapped = "Searching for multiple words only shows matches that contain\n    all words."
    assert t.gettext(wrapped).startswith("Zoekt u op meer woorden")


def test_our_catalogue_comes_before_sphinx(monkeypatch):
    from sphinx import locale

    monkeypatch.setitem(locale.translators, ("general", "sphinx"), _sphinx_nl())
    assert locale.translators["general", "sphinx"].gettext("Index") == "Index"
    app = SimpleNamespace(translator=None)
    ours = interface.install(app)
    assert app.translator is ours and locale.translators["general", "sphinx"] is ours
    assert ours.gettext("Index") == "Register"  # ours first
    assert ours.gettext("Search Results") == "Zoekresultaten"  # Sphinx's own, as fallback
    assert ours.ngettext("next page", "next pages", 1) == "volgende pagina"


def test_components_with_hard_coded_english_are_overridden():
    """sphinx-book-theme writes some labels into its templates instead of translating them:
    each such template has a Dutch override in the extension."""
    hard = re.compile(r"""(?:title|aria-label)="([A-Z][a-z]+(?: [a-z]+)*)\"""")
    ours = interface.HERE / "templates"
    offenders = {
        f: set(hard.findall(f.read_text()))
        for f in [*SBT.glob("components/*.html"), SBT / "layout.html"]
        if hard.search(f.read_text())
    }
    assert offenders, "expected sphinx-book-theme components with fixed English labels"
    for f, labels in offenders.items():
        override = ours / f.name
        assert override.is_file(), f"geen Nederlandse vervanging voor {f.name}: {labels}"
        left = {label for label in labels if f'="{label}"' in override.read_text()}
        assert not left, f"{override.name}: nog Engels: {left}"
    # the colour-mode switch is not rendered: the book is light only
    assert "theme-switcher" not in (ours / "article-header-buttons.html").read_text()


def test_scanner_finds_english_interface_and_numbers():
    page = (
        '<html><head><title>Index</title></head><body><nav aria-label="Site navigation"></nav>'
        '<article class="bd-article"><p>De Index van 2020 = 100; 92.6 per 1.000</p>'
        '<div role="img" aria-label="Totaal: 1035; editie 1.0"></div></article>'
        "<footer>Laatste aanpassing op 2026-11-22.</footer></body></html>"
    )
    found = {f.problem for f in scan(page)}
    assert found == {
        "Engels (Index)",  # the title element is interface
        "Engels (Site navigation)",
        "getal niet Nederlands (92.6)",
        "getal niet Nederlands (1035)",
        "datum niet uitgeschreven (2026-11-22)",
    }
    assert non_dutch_numbers("1.035 inwoners, 27.286 in 2019, 12,5%") == []


# --- the built edition -----------------------------------------------------------------------


def _pages(folder: Path) -> list[Path]:
    return [
        p
        for p in sorted(folder.rglob("*.html"))
        if not {"_static", "_sources", "_images"} & set(p.relative_to(folder).parts)
    ]


def _findings(page: Path) -> list[str]:

    # no exemptions: a quotation between “ ” keeps its source's format (interface_scan)
    return [f"{page.name}: {f}" for f in scan(page.read_text(encoding="utf-8"))]


@pytest.mark.e2e
def test_every_page_of_the_edition_and_the_site_is_dutch():
    from tests.published import published_site

    s = published_site()
    pages = [*_pages(s.old), s.site / "index.html", s.new / "wijzigingen.html"]
    assert len(pages) >= 15
    problems = [p for page in pages for p in _findings(page)]
    assert not problems, "niet-Nederlandse interface of getallen:\n  " + "\n  ".join(problems)


@pytest.mark.e2e
def test_footer_and_dates_come_from_params_and_are_written_out():
    from bs4 import BeautifulSoup

    from tests.published import published_site

    s = published_site()
    record = json.loads((s.old / "bouwverslag.json").read_text(encoding="utf-8"))
    naam = record["gemeente"]["naam"]
    for page in _pages(s.old):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        if soup.select_one(".bd-footer-content") is None:
            continue  # the edition's index.html only redirects
        footer = " ".join(soup.select_one(".bd-footer-content").get_text(" ").split())
        assert f"Door Gemeente {naam}" in footer and "params" not in footer, (page, footer)
        assert re.search(r"Laatste aanpassing op " + LONG_DATE.pattern, footer), footer
        stamp = soup.find(string=re.compile("gebouwd"))
        if page.name not in ("genindex.html", "search.html"):  # Sphinx's own pages: no stamp
            assert stamp and LONG_DATE.search(stamp), (page, stamp)
    landing = (s.site / "index.html").read_text(encoding="utf-8")
    assert LONG_DATE.search(landing) and not re.search(r"<td>\d{4}-\d{2}-\d{2}</td>", landing)


@pytest.mark.e2e
def test_every_page_is_light_only():
    from tests.published import published_site

    s = published_site()
    for page in _pages(s.old):
        text = page.read_text(encoding="utf-8")
        if "bd-footer" not in text:
            continue
        assert 'data-theme="light"' in re.search(r"<html[^>]*>", text).group(0), page
        assert "theme-switch-button" not in text, page
        assert "wmo-interface.js" in text, page
