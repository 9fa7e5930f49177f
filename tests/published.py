"""A published site built from a real edition, shared by the browser tests (built once per run).

:func:`published_site` takes the project's own build of ``PERIODE`` (``_build/<periode>/html``;
built first when it is missing; ``WMO_TEST_BUILD`` names another build folder to use), publishes it into a temporary ``site/`` twice — as the params'
edition and as a fake newer version with one changed key figure — so the older version carries the
banner. :func:`browser_pass` loads every page of that site once in headless Chromium with the
network off and records, per page, the requests made, the axe-core violations (WCAG 2.1 A/AA) and
the charts drawn; ``tests/test_a11y.py`` and ``tests/test_offline.py`` assert on it.
"""

from __future__ import annotations

import atexit
import functools
import json
import os
import re
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml

if TYPE_CHECKING:
    from analysis.pipeline.browser import Page

ROOT = Path(__file__).resolve().parents[1]
PERIODE = "2025"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
INSTALL = (
    "installeer Chromium en axe-core met `make browser` (scripts/install-browser.sh: "
    "apt-get install chromium fonts-dejavu-core poppler-utils, npm ci)"
)


def require_browser(axe: bool = False) -> str:
    """Path of Chromium; skip the test (saying how to install) when it or axe-core is missing."""
    from analysis.pipeline.browser import find_chromium

    exe = find_chromium()
    if not exe:
        pytest.skip(f"Chromium niet gevonden: {INSTALL}")
    if axe and not AXE.is_file():
        pytest.skip(f"axe-core niet gevonden ({AXE.relative_to(ROOT)}): {INSTALL}")
    return exe


@dataclass
class Site:
    """The temporary published site: ``old`` and ``new`` are edition folders of one period."""

    root: Path
    site: Path
    old: Path
    new: Path
    old_version: str
    new_version: str
    changed: str  # the key figure changed in the newer version


def _bump(version: str) -> str:
    parts = version.split(".")
    parts[-1] = str(int(parts[-1]) + 1)
    return ".".join(parts)


@functools.cache
def published_site() -> Site:
    """Publish the project's build twice into a temporary site (see module docstring)."""
    from analysis.pipeline.publish import publish

    build = Path(os.environ.get("WMO_TEST_BUILD") or ROOT / "_build" / PERIODE / "html")
    if not (build / "index.html").is_file():
        from analysis.pipeline.build import build as build_edition

        build_edition(PERIODE, root=ROOT)
    tmp = Path(tempfile.mkdtemp(prefix="wmo-site-"))
    atexit.register(shutil.rmtree, tmp, True)
    html_dir = tmp / "_build" / PERIODE / "html"
    shutil.copytree(build.resolve(), html_dir)
    (tmp / "params").mkdir()
    params = yaml.safe_load((ROOT / "params" / f"{PERIODE}.yml").read_text(encoding="utf-8"))
    record = json.loads((html_dir / "bouwverslag.json").read_text(encoding="utf-8"))
    old_version = str(record["editie"])
    params["editie"] = old_version
    (tmp / "params" / f"{PERIODE}.yml").write_text(yaml.safe_dump(params), encoding="utf-8")
    site = tmp / "site"
    old = publish(PERIODE, site=site, root=tmp, pdf=False)

    # A corrected version: same pages, one key figure changed, changelog entry.
    new_version = _bump(old_version)
    changed = _change_one_figure(html_dir)
    record["editie"] = new_version
    record.setdefault("params", {})["wijzigingen"] = [
        {"versie": new_version, "toelichting": "Testcorrectie: één kerncijfer aangepast."}
    ]
    (html_dir / "bouwverslag.json").write_text(json.dumps(record), encoding="utf-8")
    params["editie"] = new_version
    (tmp / "params" / f"{PERIODE}.yml").write_text(yaml.safe_dump(params), encoding="utf-8")
    new = publish(PERIODE, site=site, root=tmp, pdf=False)
    return Site(tmp, site, old, new, old_version, new_version, changed)


def _change_one_figure(html_dir: Path) -> str:
    """Append " (gecorrigeerd)" to the first glued value; return its key-figure name."""
    for nb_path in sorted((html_dir / "_sources").rglob("*.ipynb")):
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            for out in cell.get("outputs", []):
                meta = out.get("metadata", {}).get("scrapbook")
                key = meta and meta.get("mime_prefix", "") + "text/plain"
                if meta and key in out.get("data", {}):
                    out["data"][key] = str(out["data"][key]) + " (gecorrigeerd)"
                    nb_path.write_text(json.dumps(nb), encoding="utf-8")
                    return f"{nb_path.stem}/{meta['name']}"
    raise AssertionError("geen gelijmde waarde gevonden in de editie")


def site_pages(s: Site) -> list[Path]:
    """The pages the browser tests check: every page of the older version (which carries both
    the banner and the edition bar), the landing page and both changes pages."""
    pages = [
        p
        for p in sorted(s.old.rglob("*.html"))
        if not {"_static", "_sources", "_images"} & set(p.relative_to(s.old).parts)
    ]
    return [*pages, s.site / "index.html", s.new / "wijzigingen.html"]


@dataclass
class PageResult:
    """What one page did in the browser."""

    violations: list[dict] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    charts: int = 0
    charts_drawn: int = 0
    charts_interactive: int = 0
    english_dates: list[str] = field(default_factory=list)
    theme: str = ""  # data-theme of the page and the page's background colour, as drawn


_AXE_RUN = (
    "axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})"
    ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
    " nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)})))"
)
# A chart counts as drawn when its figure holds an SVG of real size with marks in it, and as
# interactive when the shipped Vega bundle has replaced the static SVG (waits up to 5 s for it).
# English month names in a chart mean the interactive version lost the nl-NL time format.
_CHARTS = """new Promise(done => { const t0 = Date.now(); (function check() {
  const els = [...document.querySelectorAll('.wmo-grafiek')];
  const live = els.filter(el => el.querySelector('.vega-embed svg'));
  if (live.length < els.length && Date.now() - t0 < 5000) return setTimeout(check, 100);
  const drawn = els.filter(el => { const svg = el.querySelector('svg');
    if (!svg) return false; const r = svg.getBoundingClientRect();
    return r.width > 100 && r.height > 50 && svg.querySelectorAll('path').length > 0; });
  const english = /\\b(January|February|March|April|May|June|July|August|September|October|November|December|Mar|Oct)\\b/;
  const texts = els.flatMap(el => [...el.querySelectorAll('svg text')].map(t => t.textContent));
  done([els.length, drawn.length, live.length, texts.filter(t => english.test(t))]);
})(); })"""


# The colour theme as drawn, once the page has loaded.
_THEME = """new Promise(done => { const t0 = Date.now(); (function check() {
  if (document.readyState !== 'complete' && Date.now() - t0 < 5000) return setTimeout(check, 50);
  const root = document.documentElement, body = document.body;
  done((root ? root.dataset.theme : 'none') + ' '
       + (body ? getComputedStyle(body).backgroundColor : 'none'));
})(); })"""
_PREFER_DARK = "localStorage.setItem('mode', 'dark'); localStorage.setItem('theme', 'dark')"
_REFRESH = re.compile(
    r"""<meta\s+http-equiv=["']?refresh["']?\s+content=["']\d+;\s*url=([^"']+)""", re.I
)


def redirect_target(page: Path) -> Path | None:
    """The page a redirect-only page (``<meta http-equiv="Refresh" …>``, as Jupyter Book writes
    for an edition's ``index.html``) leads to, or None for a page with content of its own."""
    text = page.read_text(encoding="utf-8")
    m = _REFRESH.search(text)
    if m is None or "<body" in text:
        return None
    return (page.parent / m.group(1).split("#")[0]).resolve()


def _settle(tab: Page, page: Path) -> None:
    """After loading a redirect-only page, wait until the page it leads to has loaded: what is
    read and audited there is that page, never a document that is being navigated away from."""
    from analysis.pipeline.browser import BrowserError

    target = redirect_target(page)
    if target is None:
        return
    want = f"{target.as_uri()} complete"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            now = tab.evaluate("location.href.split('#')[0] + ' ' + document.readyState")
        except BrowserError:  # navigating: the old document is gone, the new one not yet there
            now = None
        if now == want:
            return
        time.sleep(0.05)
    raise AssertionError(f"{page}: de doorverwijzing naar {target.name} werd niet gevolgd")


@functools.cache
def browser_pass(scheme: str = "light") -> dict[Path, PageResult]:
    """Load every page of :func:`site_pages` offline in Chromium (two tabs in parallel).

    ``scheme`` is the reader's system colour scheme (``prefers-color-scheme``). With ``"dark"``
    the theme's own "dark" preference is also stored before each page's scripts run, so what is
    audited is what a reader with every dark setting gets.
    """
    from analysis.pipeline.browser import Browser

    s = published_site()
    axe = AXE.read_text(encoding="utf-8") if AXE.is_file() else None
    pages = site_pages(s)
    results: dict[Path, PageResult] = {}
    lock = threading.Lock()
    queue = list(pages)
    errors: list[BaseException] = []

    def worker(browser: Browser) -> None:
        try:
            work(browser)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the main thread
            errors.append(exc)

    def work(browser: Browser) -> None:
        tab = browser.new_page(offline=True)
        features = [{"name": "prefers-color-scheme", "value": scheme}]
        tab.send("Emulation.setEmulatedMedia", {"features": features})
        if scheme == "dark":
            # stored before any script of a page runs (a redirecting page gives no time between
            # loading and navigating on to store it afterwards)
            tab.send("Page.addScriptToEvaluateOnNewDocument", {"source": _PREFER_DARK})
        while True:
            with lock:
                if not queue:
                    break
                page = queue.pop(0)
            tab.requests.clear()
            tab.goto(page.as_uri())
            _settle(tab, page)
            res = PageResult(theme=tab.evaluate(_THEME))
            res.charts, res.charts_drawn, res.charts_interactive, res.english_dates = tab.evaluate(
                _CHARTS
            )
            if axe is not None:
                tab.evaluate(axe)
                res.violations = tab.evaluate(_AXE_RUN % json.dumps(AXE_TAGS), timeout=180)
            res.requests = list(tab.requests)
            with lock:
                results[page] = res
        tab.close()

    with Browser() as browser:
        threads = [threading.Thread(target=worker, args=(browser,)) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    if errors:
        raise errors[0]
    missing = [p for p in pages if p not in results]
    assert not missing, f"niet geladen: {missing}"
    return results
