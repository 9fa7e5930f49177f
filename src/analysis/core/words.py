"""Plain words for readers: the words of the data folder and of statistics that a page does not use
(the Leeswijzer explains them once), and sources by their title instead of their file name."""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlparse

__all__ = ["document_index", "document_titles", "plain_words"]

#: A policy document cited as ``<file>.txt (<title>)`` or ``<title> (seeds/<file>.txt)``.
_FILE_THEN_TITLE = re.compile(r"(?:seeds/)?(\d{3}_[0-9a-f]+)\.txt\s*\(([^()]+)\)")
_TITLE_THEN_FILE = re.compile(r"([^();]+?)\s*\((?:seeds/)?(\d{3}_[0-9a-f]+)\.txt\)")
_FILE = re.compile(r"(?:seeds/)?(\d{3}_[0-9a-f]+)\.txt")
#: Project files that are no public source (the domain notes and the data folder's own files).
_PROJECT_FILE = re.compile(r"(?:bronnen/)?(?:referentie/)?[\w./-]+\.(?:md|yml|csv)(?:,\s*[\d.]+)?")


def document_index(texts: list[str]) -> dict[str, str]:
    """Which title each policy-document file has, from every citation that names both.

    Examples
    --------
    >>> document_index(["001_ab.txt (Beleidsplan 2019, mei 2019); tabel", "Plan X (seeds/000_cd.txt)"])
    {'001_ab': 'Beleidsplan 2019, mei 2019', '000_cd': 'Plan X'}
    """
    index: dict[str, str] = {}
    for t in texts:
        for f, title in _FILE_THEN_TITLE.findall(t):
            index.setdefault(f, title.strip())
        for title, f in _TITLE_THEN_FILE.findall(t):
            index.setdefault(f, title.strip())
    return index


def _short(title: str) -> str:
    """A document title without the place in it (``, paragraaf 3.1``) or remarks in brackets."""
    title = re.sub(r"\s*\([^()]*\)", "", title)
    title = re.split(
        r",\s*(?:paragraaf|hoofdstuk|tabel|bijlage|\d+(?:\.\d+)*\b)", title, maxsplit=1, flags=re.I
    )[0]
    return title.strip(" ,;:")


def document_titles(text: str, index: Mapping[str, str], *, free_text: bool = False) -> list[str]:
    """The documents a citation names, by title: policy documents by their title (a file name is
    looked up in ``index``), web addresses by their site, project files left out. Other words in
    the citation (remarks, places in a document) are dropped, unless ``free_text`` (a manifest's
    document field, which may be a title without a file).

    Examples
    --------
    >>> idx = {"001_ab": "Beleidsplan 2019"}
    >>> document_titles("seeds/001_ab.txt, hoofdstuk 3.1", idx)
    ['Beleidsplan 2019']
    >>> document_titles("Plan 2025 (seeds/000_cd.txt), paragraaf 3.1; 'vier plekken'", idx)
    ['Plan 2025']
    >>> document_titles("https://www.cbs.nl/nl-nl/cijfers/detail/86050NED", idx)
    ['cbs.nl']
    >>> document_titles("bronnen/referentie/DOMAIN.md, 1.3; Plan 2025, 4.2", idx, free_text=True)
    ['Plan 2025']
    >>> document_titles("Begroting 2026, programma (uittreksel; seeds/004_ef.txt)", idx, free_text=True)
    ['Begroting 2026, programma']
    """
    out: list[str] = []

    def add(title: str) -> None:
        title = _short(title)
        if title and title not in out:
            out.append(title)

    for url in re.findall(r"https?://[^\s;,)]+", text):
        add(urlparse(url).netloc.removeprefix("www."))
    found = _FILE_THEN_TITLE.findall(text) + [(f, t) for t, f in _TITLE_THEN_FILE.findall(text)]
    for _, title in found:
        add(title)
    for f in _FILE.findall(text):
        if f in index and not found:
            add(index[f])
    if free_text and not found:
        rest = _FILE.sub("", re.sub(r"https?://[^\s;,)]+", "", text))
        for part in re.split(r";\s*(?![^()]*\))", rest):
            add(_PROJECT_FILE.sub("", part))
    return out


def plain_words(text: str) -> str:
    """``text`` with the words a reader does not know replaced by the Leeswijzer's plain ones:
    *stand-in* → *voorbeeldgegevens*, *gekalibreerd* → *afgestemd* (for texts written for the data
    folder, such as a stand-in's calibration note, when they reach a page).

    Examples
    --------
    >>> plain_words("het beginpunt is de bevolking op 1 januari 2025 (stand-in)")
    'het beginpunt is de bevolking op 1 januari 2025 (voorbeeldgegevens)'
    >>> plain_words("gelijk aan de stand-in uitgaven; gekalibreerd op het plan")
    'gelijk aan de voorbeeldgegevens voor uitgaven; afgestemd op het plan'
    """
    text = re.sub(r"\bde stand-ins?\s+(?=[\w(])", "de voorbeeldgegevens voor ", text)
    text = re.sub(r"\b(?:synthetische )?stand-ins?\b", "voorbeeldgegevens", text)
    return re.sub(r"\bgekalibreerd\b", "afgestemd", text)
