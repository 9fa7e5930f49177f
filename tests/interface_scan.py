"""Scan a built page for English interface text and numbers not written the Dutch way.

What a reader sees or hears is checked: visible text outside code, and the ``aria-label``,
``title``, ``alt`` and ``placeholder`` attributes. Used by ``tests/test_interface_nl.py`` on every
page of a built edition (and on the published pages).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bs4 import BeautifulSoup, Comment

from analysis.core.numbers import dutch_numbers

ATTRIBUTES = ("aria-label", "title", "alt", "placeholder", "data-bs-title")

# Interface strings the themes and Sphinx use in English (whole words, case-sensitive).
ENGLISH = [
    "Skip to main content",
    "Back to top",
    "Toggle primary sidebar",
    "Toggle secondary sidebar",
    "Link to this heading",
    "Link to this",
    "Site navigation",
    "Section Navigation",
    "On this page",
    "Please activate JavaScript",
    "Version warning",
    "Color mode",
    "System Settings",
    "Light",
    "Dark",
    "Index",
    "General Index",
    "previous page",
    "next page",
    "previous",
    "next",
    "Main",
    "Page",
    "Search",
    "Contents",
    "Table of Contents",
    "Breadcrumb",
    "Announcement",
    "Last updated",
    "By",
    "Copyright",
    "Show code",
    "Hide code",
    "Download",
    "Fullscreen",
    "Error",
]
_ENGLISH_RE = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ENGLISH)) + r")(?![\w-])")

# Where a point between digits is not a decimal point: versions, section numbers, licence and
# standard names, web addresses.
_NOT_A_NUMBER = re.compile(
    r"(?i:\b(?:editie|versie|paragraaf|hoofdstuk|indicator|bijlage|WCAG\)?|CC BY|CC0|Python)"
    r"(?:\s+\(?\d+(?:\.\d+)*\)?(?:,|\s+en|\s+of|\s*→)?)+)"
    r"|(?<![\w.])v\d+(?:\.\d+)+|\b\d+(?:\.\d+){2,}\S*|\bhttps?://\S+|\b[\w.-]+\.txt\b"
    r"|\b(?:[A-Za-z][A-Za-z0-9]*-)+\d+(?:\.\d+)+"  # SPDX licence ids: CC-BY-4.0, EUPL-1.2
)
_ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
# A quotation between Dutch quotation marks is the source's own text, number format included.
_QUOTE = re.compile(r"“[^”]*”")
_HEX = re.compile(r"\b(?:code|commit|gegevens|sha256)\s+[0-9a-f]{7,64}\b")


@dataclass(frozen=True)
class Finding:
    """One problem on a page: where (``text`` or an attribute name) and the offending text."""

    where: str
    problem: str
    text: str

    def __str__(self) -> str:
        return f"{self.where}: {self.problem}: {self.text[:160]!r}"


def texts(html: str) -> list[tuple[str, str, bool]]:
    """The ``(where, text, interface)`` triples a reader sees or hears on a page.

    ``interface`` is false for the text of the article itself (chapter prose and tables, where
    a Dutch word such as "Index" may stand); attributes always count as interface. A table
    cell is given its row's first cell as context (``Editie 1.0``).
    """
    soup = BeautifulSoup(html, "html.parser")
    for el in soup(["script", "style", "code", "pre", "kbd", "noscript", "template"]):
        el.decompose()
    for c in soup.find_all(string=lambda s: isinstance(s, Comment)):
        c.extract()
    found: list[tuple[str, str, bool]] = []
    for el in soup.find_all(True):
        for attr in ATTRIBUTES:
            value = el.get(attr)
            if isinstance(value, str) and value.strip():
                found.append((attr, value, True))
    article = soup.select_one("article.bd-article")
    body = soup.body or soup
    for s in body.find_all(string=True):
        if not s.strip():
            continue
        text = " ".join(s.split())
        text = _with_context(s, text)
        found.append(("text", text, article is None or article not in s.parents))
    title = soup.find("title")
    if title and title.string:
        found.append(("title-element", title.string, True))
    return found


def _with_context(node: Any, text: str) -> str:
    """A table cell's text preceded by its column header or the row's first cell."""
    cell = node.find_parent(["td", "th"])
    row = cell.find_parent("tr") if cell else None
    if row is None:
        return text
    cells = row.find_all(["td", "th"], recursive=False)
    table = row.find_parent("table")
    head = table.select("thead th") if table else []
    index = cells.index(cell) if cell in cells else -1
    header = head[index].get_text(" ") if 0 <= index < len(head) else ""
    if re.search(r"(?i)versie|editie", header):
        return f"versie {text}"
    if cells and cells[0] is not cell:
        return f"{' '.join(cells[0].get_text(' ').split())} {text}"
    return text


def non_dutch_numbers(text: str) -> list[str]:
    """Numbers written the English way in ``text`` (``92.6``, ``1035``), versions excepted.

    Examples
    --------
    >>> non_dutch_numbers("Totaal: 92.6; 2024: 1035; editie 1.0; 27.286; 1.1.2; 2026-11-22")
    ['92.6', '1035']
    >>> non_dutch_numbers("paragraaf 6.4; WCAG 2.0 en 2.1; CC BY 4.0; CC-BY-4.0; 1.5 uur")
    ['1.5']
    >>> non_dutch_numbers("het plan: “ongeveer 1000 meldingen”; 1000 in 2024")
    ['1000']
    """
    cleaned = _HEX.sub(" ", _ISO_DATE.sub(" ", _NOT_A_NUMBER.sub(" ", _QUOTE.sub(" ", text))))
    bad = []
    for token in re.findall(r"(?<![\w.,])\d[\d.,]*\d(?![\w])|(?<![\w.,])\d(?![\w.,])", cleaned):
        if dutch_numbers(token) != token:
            bad.append(token)
    return bad


def scan(html: str) -> list[Finding]:
    """Every English interface string and non-Dutch number on one page."""
    findings = []
    for where, text, interface in texts(html):
        if interface:
            for m in _ENGLISH_RE.finditer(text):
                findings.append(Finding(where, f"Engels ({m.group(1)})", text))
            for date in _ISO_DATE.findall(text):
                findings.append(Finding(where, f"datum niet uitgeschreven ({date})", text))
        for number in non_dutch_numbers(text):
            findings.append(Finding(where, f"getal niet Nederlands ({number})", text))
    return findings
