"""Check a built page: does every figure on it say where it comes from?

On a page that uses synthetic data, every figure a reader sees must stand inside an element with
``data-herkomst="synthetisch"`` (a stand-in, marked) or ``data-herkomst="echt"`` (said, with
``bron=``, to come from real data). :func:`unmarked_figures` lists the figures that stand inside
neither: the edition tests fail on them (issue 14.6), so a figure computed from a stand-in cannot
reach the page unmarked, whatever way it took.

What is not a figure: years and periods (``2025``, ``2025H1``, ``2019-2025``), age groups
(``75-plussers``, ``85+``, ``65-74``, ``jonger dan 65``), dates (``1 januari``), units and rules
(``per 1.000``, ``afgerond op 5``, ``95%-interval``), article and paragraph numbers, ids
(``A28``), table headers, the plan's own words in quotation marks (“…”), the page-top warning,
the edition stamp and everything outside the article.
"""

from __future__ import annotations

import html as _html
import re

_DROP = [
    re.compile(r"<script\b.*?</script>", re.S | re.I),
    re.compile(r"<style\b.*?</style>", re.S | re.I),
    re.compile(r"<svg\b.*?</svg>", re.S | re.I),
    # the page-top warning names the stand-ins and their calibration: about the data, not figures
    re.compile(r'<div class="warning admonition">.*?</details>\s*</div>', re.S),
]
_TAG = re.compile(r"<(/?)([a-zA-Z0-9]+)([^>]*)>")
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "source"}
_NUMBER = re.compile(r"(?<![\w.,])[-−]?\d[\d.,]*(?:%|‰)?(?![\w])")
_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_LABELS = [
    re.compile(r"^(1[89]|20)\d{2}$"),  # a year
    re.compile(r"^\d{1,3}$"),  # a small whole number: judged by its context below
]
_CONTEXT_AFTER = re.compile(
    rf"^(\s*(-|–|\+|jaar|plussers|-plussers|e\b|ste\b|de\b|H[12]\b|Q[1-4]\b|{_MONTHS}"
    r"|en ouder|tot en met \d+ jaar)|[-–]\d|-plussers|\+|H[12]\b|e\s+(halfjaar|kwartaal))",
    re.I,
)
# a unit or a rule, not a figure: "per 1.000", "afgerond op 5", "< 10", "jonger dan 65",
# "art. 2.3.5", "termijn (6 weken)"
_CONTEXT_BEFORE = re.compile(
    r"(art\.?|artikel|hoofdstuk|paragraaf|stelling|vraag|score|thema|actiepunt|versie|editie|tabel|bijlage"
    r"|indicator|per|afgerond op|op|<|>|jonger dan|ouder dan|termijn \(|[-–]|\b[A-Z])\s*$",
    re.I,
)
_INTERVAL_AFTER = re.compile(r"^-(betrouwbaarheids)?interval", re.I)
_SECTION = re.compile(r"^\d{1,2}(\.\d{1,2}){1,2}$")  # 6.4, 2.3.5
_QUOTE = re.compile(r"“[^”]*”")


def _article(page: str) -> str:
    m = re.search(r'<article class="bd-article"[^>]*>(.*?)</article>', page, re.S)
    text = m[1] if m else page
    stamp = text.find("<p><small>Editie:")  # the edition stamp: build facts, not figures
    if stamp >= 0:
        text = text[:stamp]
    for rx in _DROP:
        text = rx.sub(" ", text)
    return text


def _texts_outside_marks(fragment: str) -> list[str]:
    """The text of ``fragment`` that is not inside an element with ``data-herkomst``."""
    out: list[str] = []
    stack: list[bool] = []  # per open element: does it (or an ancestor) carry data-herkomst?
    pos = 0
    for m in _TAG.finditer(fragment):
        if not (stack and stack[-1]):
            out.append(fragment[pos : m.start()])
        closing, name, attrs = m[1], m[2].lower(), m[3]
        if closing:
            if stack:
                stack.pop()
        elif name not in _VOID and not attrs.rstrip().endswith("/"):
            # a table header (row or column) names what a figure is; it is not one
            said = "data-herkomst=" in attrs or name == "th"
            stack.append(bool(stack and stack[-1]) or said)
        pos = m.end()
    out.append(fragment[pos:])
    return [_html.unescape(t) for t in out]


def _is_label(token: str, before: str, after: str) -> bool:
    bare = token.lstrip("-−").rstrip("%‰")
    if _INTERVAL_AFTER.match(after) or _SECTION.match(bare):
        return True  # "95%-interval", "paragraaf 6.4"
    if _CONTEXT_BEFORE.search(before) and re.fullmatch(r"\d{1,3}(\.000)?", bare):
        return True  # "per 1.000", "afgerond op 5"
    if token.endswith(("%", "‰")) or "," in bare or re.search(r"\.\d{3}", bare):
        return False  # a percentage, a decimal or a number with thousands: a figure
    if _LABELS[0].match(bare):
        return True
    return bool(_CONTEXT_AFTER.match(after) or _CONTEXT_BEFORE.search(before))


def unmarked_figures(page: str) -> list[str]:
    """The figures on a built page that say nothing about where they come from.

    Returns each as ``"… context [figure] context …"``.

    Examples
    --------
    >>> p = ('<article class="bd-article"><p>In 2025 waren er '
    ...      '<span data-herkomst="synthetisch">1.060</span> mantelzorgers, 75-plussers: '
    ...      '<span data-herkomst="echt">13,4%</span>; 55 trajecten.</p></article>')
    >>> unmarked_figures(p)
    ['… ; [55] trajecten. …']
    """
    found = []
    for text in _texts_outside_marks(_article(page)):
        text = _QUOTE.sub(" ", text)  # the plan's own words, quoted
        for m in _NUMBER.finditer(text):
            token = m[0].rstrip(".,")
            before, after = text[max(0, m.start() - 25) : m.start()], text[m.end() :][:25]
            if not token.strip("-−") or _is_label(token, before, after):
                continue
            context = re.sub(r"\s+", " ", f"… {before}[{token}]{after} …")
            found.append(context)
    return found
