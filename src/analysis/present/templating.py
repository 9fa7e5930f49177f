"""HTML and Markdown of the report from Jinja2 templates (``analysis/present/templates/``).

Templates hold the words and the markup; Python hands them data. ``*.html`` templates escape every
value (autoescape); a value that holds marks (:mod:`analysis.core.provenance`) is shown with the
``|merk`` filter, which escapes it and converts its marks. Undefined names are an error
(``StrictUndefined``), so a misspelt field cannot silently vanish from a page.

Examples
--------
>>> render("synthetische_waarschuwing.md", reeksen=[], teken="s").startswith(":::{admonition}")
True
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import jinja2
from markupsafe import Markup

from analysis.core.numbers import getal, procent
from analysis.present.marks import markdown_fragment, text_html


def _merk(value: Any) -> Markup:
    return Markup(text_html(str(value)))


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The template environment (package loader, autoescape for HTML, strict undefined)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("analysis.present", "templates"),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default=False),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        {"getal": getal, "procent": procent, "merk": _merk, "merk_md": markdown_fragment}
    )
    return env


def render(name: str, **context: Any) -> str:
    """Render template ``name`` with ``context``.

    Examples
    --------
    >>> from analysis.core.provenance import mark
    >>> 'data-herkomst="synthetisch"' in render("tabel.html", caption=mark("1"), kop=[],
    ...     rijen=[], klasse="wmo-tabel")
    True
    """
    return environment().get_template(name).render(**context)
