"""How a value computed from synthetic data looks on the page.

A marked value (see :mod:`analysis.core.provenance`) becomes, in HTML::

    <span class="herkomst-synthetisch" data-herkomst="synthetisch">1.060<sup
      class="herkomst-teken" aria-hidden="true">s</sup><span class="visually-hidden">
      (synthetisch)</span></span>

— the smallest element around the number carries ``data-herkomst="synthetisch"`` (tools and tests
find it), the raised *s* is the visible sign (also in the PDF, which is printed from the HTML, see
``_static/wmo.css``), and a screen reader hears "synthetisch". Where HTML cannot go (attribute
values, the JSON of a chart, plain text) the value is followed by ``(synthetisch)``. A figure that
said it comes from real data (``bron=``) carries ``data-herkomst="echt"`` (no visible change), so
the edition tests can find any figure whose origin was never said.

:func:`html_fragment` converts every mark in an HTML fragment the right way for where it stands;
:func:`finish_notebook` applies it to every output of an executed chapter, so nothing marked can
reach the book unconverted (the build calls it on each executed notebook).
"""

from __future__ import annotations

import html as _html
import re
from typing import Any

from analysis.core.provenance import END, START, parts, plain

#: The sign shown next to a synthetic value (explained in the page's warning and the Leeswijzer).
SIGN = "s"
#: What a screen reader hears after a synthetic value.
SPOKEN = " (synthetisch)"
ATTRIBUTE = 'data-herkomst="synthetisch"'
#: On an element whose figures are known to come from real data (said with ``bron=``).
REAL_ATTRIBUTE = 'data-herkomst="echt"'
#: How myst-nb stores a glued value's mime types in the notebook.
GLUE_PREFIX = "application/papermill.record/"


def marked_html(inner_html: str) -> str:
    """The marked form of one value whose HTML is ``inner_html`` (already escaped).

    Examples
    --------
    >>> marked_html("1.060")  # doctest: +NORMALIZE_WHITESPACE
    '<span class="herkomst-synthetisch" data-herkomst="synthetisch">1.060<sup
    class="herkomst-teken" aria-hidden="true">s</sup><span class="visually-hidden">
    (synthetisch)</span></span>'
    """
    return (
        f'<span class="herkomst-synthetisch" {ATTRIBUTE}>{inner_html}'
        f'<sup class="herkomst-teken" aria-hidden="true">{SIGN}</sup>'
        f'<span class="visually-hidden">{SPOKEN}</span></span>'
    )


def real_html(inner_html: str) -> str:
    """A figure (or a sentence) known to come from real data: no visible change, but tools and
    the edition tests can tell it from a figure whose origin was never said.

    Examples
    --------
    >>> real_html("27.286")
    '<span class="herkomst-echt" data-herkomst="echt">27.286</span>'
    """
    return f'<span class="herkomst-echt" {REAL_ATTRIBUTE}>{inner_html}</span>'


def text_html(text: str) -> str:
    """Plain ``text`` (may hold marks) as escaped HTML with its marked values converted.

    Examples
    --------
    >>> from analysis.core.provenance import mark
    >>> text_html("a < " + mark("3")).startswith('a &lt; <span class="herkomst-synthetisch"')
    True
    """
    return "".join(marked_html(_html.escape(p)) if m else _html.escape(p) for p, m in parts(text))


_RAW_TEXT = re.compile(
    r"(<(script|style|title|textarea)\b[^>]*>)(.*?)(</\2\s*>)", flags=re.S | re.I
)
_TAG = re.compile(r"<[^>]*>", flags=re.S)


def html_fragment(fragment: str) -> str:
    """An HTML fragment with every mark converted for where it stands.

    In text: the marked form (:func:`marked_html`). Inside a tag (attribute values such as
    ``aria-label``) and in ``<script>``, ``<style>``, ``<title>`` and ``<textarea>``: plain text
    followed by ``(synthetisch)``. A fragment without marks is returned unchanged.

    Examples
    --------
    >>> from analysis.core.provenance import mark
    >>> out = html_fragment('<div aria-label="n ' + mark("5") + '"><b>' + mark("5") + '</b></div>')
    >>> 'aria-label="n 5 (synthetisch)"' in out, '<b><span class="herkomst-synthetisch"' in out
    (True, True)
    """
    if START not in fragment and END not in fragment:
        return fragment
    # raw-text elements and tags first: their marks become plain text
    fragment = _RAW_TEXT.sub(lambda m: m[1] + plain(m[3]) + m[4], fragment)
    out = []
    pos = 0
    for m in _TAG.finditer(fragment):
        out.append(_text_marks(fragment[pos : m.start()]))
        out.append(plain(m[0]))
        pos = m.end()
    out.append(_text_marks(fragment[pos:]))
    return "".join(out)


def _text_marks(text: str) -> str:
    # ``text`` is already HTML (escaped); only the marks change
    return "".join(marked_html(p) if m else p for p, m in parts(text)) if START in text else text


def markdown_fragment(text: str) -> str:
    """Markdown (MyST) with every marked value as inline HTML (MyST passes inline HTML through).

    Examples
    --------
    >>> from analysis.core.provenance import mark
    >>> 'data-herkomst="synthetisch">3%<sup' in markdown_fragment("Daling van " + mark("3%"))
    True
    """
    if START not in text:
        return text
    return "".join(marked_html(p) if m else p for p, m in parts(text))


def finish_output(output: dict[str, Any]) -> bool:
    """Convert the marks in one notebook output in place; return True when it changed.

    ``text/html`` and ``text/markdown`` get the marked form, ``text/plain`` and streams the plain
    form. A glued value (``text/plain`` only) that holds a mark also gets a ``text/html`` form, so
    the book shows it marked.
    """
    changed = False
    data = output.get("data") or {}
    for mime in list(data):
        value = data[mime]
        text = "".join(value) if isinstance(value, list) else value
        if not isinstance(text, str) or (START not in text and END not in text):
            continue
        # glued values are stored under "application/papermill.record/<mime>"
        prefix = GLUE_PREFIX if mime.startswith(GLUE_PREFIX) else ""
        base = mime[len(prefix) :]
        if base == "text/plain" and prefix + "text/html" not in data:
            data[prefix + "text/html"] = text_html(text)
        if base == "text/html":
            data[mime] = html_fragment(text)
        elif base == "text/markdown":
            data[mime] = markdown_fragment(text)
        else:
            data[mime] = plain(text)
        changed = True
    if output.get("output_type") == "stream":
        text = "".join(output.get("text") or "")
        if START in text or END in text:
            output["text"] = plain(text)
            changed = True
    return changed


def finish_notebook(nb: Any) -> bool:
    """Convert the marks in every output of an executed notebook in place (see :func:`finish_output`).

    Returns True when anything changed.

    Examples
    --------
    >>> from analysis.core.provenance import mark
    >>> nb = {"cells": [{"cell_type": "code", "outputs": [{"output_type": "display_data",
    ...       "data": {"text/plain": mark("7")}, "metadata": {}}]}]}
    >>> finish_notebook(nb), nb["cells"][0]["outputs"][0]["data"]["text/plain"]
    (True, '7 (synthetisch)')
    """
    changed = False
    for cell in nb["cells"]:
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            changed = finish_output(output) or changed
    return changed
