"""Offline reading: a published edition works from a USB stick (relative links, no CDN, charts
and search without network)."""

from __future__ import annotations

import re
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from tests.conftest import ROOT
from tests.published import (
    browser_pass,
    published_site,
    redirect_target,
    require_browser,
)

# Attributes that make a browser load something: an absolute http(s) URL in one is a CDN load.
_LOADS = re.compile(
    r"<(script|img|iframe|source|video|audio|embed|object|link)\b[^>]*?\b(src|href|data|srcset)"
    r"\s*=\s*[\"']?\s*(https?:)?//",
    re.IGNORECASE,
)
_CSS_LOADS = re.compile(r"(@import\s+[\"']?|url\(\s*[\"']?)(https?:)?//", re.IGNORECASE)
_JS_LOADS = re.compile(
    r"(importScripts\(|import\(|\.src\s*=|fetch\()\s*[\"'`](https?:)?//", re.IGNORECASE
)


def _resource_links(text: str) -> list[str]:
    return [m.group(0) for m in _LOADS.finditer(text)]


def test_scanner_finds_cdn_loads():
    assert _resource_links('<script src="https://cdn.example/x.js"></script>')
    assert _resource_links("<link rel=stylesheet href='//cdn.example/x.css'>")
    assert not _resource_links('<a href="https://cbs.nl">CBS</a><script src="_static/x.js">')
    assert _CSS_LOADS.search("@font-face{src:url(https://fonts.example/f.woff)}")
    assert _JS_LOADS.search('s.src = "https://cdn.example/v.js"')


def test_redirect_pages_are_followed_to_their_target(tmp_path):
    """The browser pass reads a redirect-only page's target, not the page being left."""
    (tmp_path / "chapters").mkdir()
    redirect = tmp_path / "index.html"
    redirect.write_text('<meta http-equiv="Refresh" content="0; url=chapters/a.html" />\n')
    page = tmp_path / "chapters" / "a.html"
    page.write_text(
        '<html><head><meta http-equiv="refresh" content="5; url=b.html"></head>'
        "<body>tekst</body></html>"
    )
    assert redirect_target(redirect) == (tmp_path / "chapters" / "a.html").resolve()
    assert redirect_target(page) is None  # a page with content of its own is read itself


@pytest.mark.e2e
def test_the_editions_index_is_a_redirect_to_the_books_first_page():
    s = published_site()
    root = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))["root"]
    target = redirect_target(s.old / "index.html")
    assert target == (s.old / f"{root}.html").resolve() and target.is_file()


@pytest.mark.e2e
def test_no_external_resources_in_any_file():
    s = published_site()
    bad = []
    files = [p for p in s.site.rglob("*") if p.suffix in (".html", ".css", ".js")]
    assert len(files) > 20
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        if f.suffix == ".html":
            hits = _resource_links(text)
        elif f.suffix == ".css":
            hits = [m.group(0) for m in _CSS_LOADS.finditer(text)]
        else:
            hits = [m.group(0) for m in _JS_LOADS.finditer(text)]
        bad += [f"{f.relative_to(s.site)}: {h[:120]}" for h in hits]
    assert not bad, "externe bronnen:\n  " + "\n  ".join(bad)


@pytest.mark.e2e
def test_all_links_are_relative_and_resolve():
    s = published_site()
    href = re.compile(r"""(?:href|src)\s*=\s*["']([^"'#]+)""")
    broken = []
    for page in [*s.old.rglob("*.html"), s.site / "index.html", *s.new.glob("*.html")]:
        if "_static" in page.parts:
            continue
        for url in href.findall(page.read_text(encoding="utf-8")):
            parts = urlsplit(url)
            if parts.scheme in ("http", "https", "mailto", "data") or not parts.path:
                continue
            assert not parts.path.startswith("/"), f"{page}: absolute link {url}"
            target = (page.parent / unquote(parts.path)).resolve()
            if not target.exists():
                broken.append(f"{page.relative_to(s.site)} -> {url}")
    assert not broken, "verwijzingen naar niet-bestaande bestanden:\n  " + "\n  ".join(broken)


@pytest.mark.browser
def test_pages_load_nothing_from_the_network_and_charts_render_offline():
    require_browser()
    results = browser_pass()
    external = [
        f"{p.name}: {u}"
        for p, r in results.items()
        for u in r.requests
        if urlsplit(u).scheme not in ("file", "data", "blob", "about")
    ]
    assert not external, "laadt van het netwerk:\n  " + "\n  ".join(external)
    charts = sum(r.charts for r in results.values())
    drawn = sum(r.charts_drawn for r in results.values())
    assert charts >= 5 and drawn == charts, f"{drawn} van {charts} grafieken getekend"
    # the Vega bundle shipped in _static/ makes every chart interactive without a network
    live = sum(r.charts_interactive for r in results.values())
    assert live == charts, f"{live} van {charts} grafieken interactief (Vega-bundel geladen?)"
    english = {p.name: r.english_dates for p, r in results.items() if r.english_dates}
    assert not english, f"Engelse datums in grafieken: {english}"


@pytest.mark.browser
def test_screenshot_of_a_chapter_offline_shows_charts(tmp_path):
    from analysis.pipeline.browser import Browser

    require_browser()
    s = published_site()
    page = next(
        p for p in sorted(s.new.glob("chapters/*.html")) if 'class="wmo-grafiek"' in p.read_text()
    )
    with Browser() as b:
        tab = b.new_page(offline=True)
        tab.goto(page.as_uri(), settle=0.5)
        # Scroll the first chart into view and check it is drawn by the interactive bundle too.
        box = tab.evaluate(
            "(() => { const el = document.querySelector('.wmo-grafiek');"
            " el.scrollIntoView(); const r = el.querySelector('svg').getBoundingClientRect();"
            " return [r.width, r.height, el.querySelectorAll('svg path').length]; })()"
        )
        png = tab.screenshot()
    shot = tmp_path / "hoofdstuk-offline.png"
    shot.write_bytes(png)
    assert box[0] > 200 and box[1] > 100 and box[2] > 3, box
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000


@pytest.mark.browser
def test_search_works_over_file_urls():
    from analysis.pipeline.browser import Browser

    require_browser()
    s = published_site()
    search = s.new / "search.html"
    assert (s.new / "searchindex.js").is_file()
    with Browser() as b:
        tab = b.new_page(offline=True)
        tab.goto(search.as_uri() + "?q=mantelzorg")
        found = 0
        for _ in range(40):
            found = tab.evaluate("document.querySelectorAll('#search-results li').length")
            if found:
                break
            time.sleep(0.25)
        links = tab.evaluate(
            "[...document.querySelectorAll('#search-results li a')].map(a => a.href)"
        )
    assert found > 0, "zoeken vond niets over file://"
    assert all(Path(unquote(urlsplit(u).path)).is_file() for u in links), links
