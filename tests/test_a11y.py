"""Accessibility audit: axe-core (WCAG 2.0/2.1, A and AA) on every page of a published edition in
headless Debian Chromium, with zero violations allowed.

Skipped with an install hint when Chromium or axe-core is missing (``make browser``). The pages
audited are every page of an older version of an edition (they carry the old-version banner and
the edition bar inserted on publish), the landing page and the changes page (tests/published.py).
"""

from __future__ import annotations

import pytest

from tests.published import browser_pass, published_site, require_browser, site_pages

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_has_zero_wcag_violations(scheme):
    """Audited with the reader's system in light and in dark mode (prefers-color-scheme, and a
    stored dark preference of the theme): the book is light only, so both must pass."""
    require_browser(axe=True)
    results = browser_pass(scheme)
    s = published_site()
    assert len(results) >= len(site_pages(s)) >= 5
    problems = []
    for page, res in results.items():
        for v in res.violations:
            nodes = "\n      ".join(v["nodes"])
            problems.append(
                f"{page.relative_to(s.site)}: {v['id']} ({v['impact']}): {v['help']}\n      {nodes}"
            )
    assert not problems, f"WCAG-overtredingen ({scheme}):\n  " + "\n  ".join(problems)


def test_dark_system_setting_keeps_the_audited_light_colours():
    """A reader whose system (and stored theme preference) is dark gets the same light pages."""
    require_browser(axe=True)
    light, dark = browser_pass("light"), browser_pass("dark")
    book = [p for p in dark if dark[p].theme.split(" ")[0] not in ("undefined", "none")]
    assert len(book) >= 14, "te weinig boekpagina's met het thema"
    wrong = {
        page.name: (light[page].theme, dark[page].theme)
        for page in book
        if not dark[page].theme == light[page].theme == "light rgb(255, 255, 255)"
    }
    assert not wrong, f"niet de lichte kleuren (licht, donker): {wrong}"


def test_pages_are_dutch_and_charts_have_alternatives():
    from bs4 import BeautifulSoup

    require_browser(axe=True)
    s = published_site()
    charts = 0
    for page in site_pages(s):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        if soup.html is None:  # the edition's index.html only redirects to the start page
            continue
        assert soup.html.get("lang") == "nl", page
        for fig in soup.select(".wmo-grafiek"):
            charts += 1
            assert fig.get("role") == "img" and len(fig.get("aria-label", "")) > 20, page
            table = fig.find_parent("figure").select_one("details table")
            assert table is not None and table.select("thead th[scope=col]"), page
    assert charts >= 5, "te weinig grafieken gevonden om te toetsen"
