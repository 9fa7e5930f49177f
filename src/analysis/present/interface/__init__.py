"""The book's Dutch interface: a Sphinx extension (``sphinx.extra_extensions`` in ``_config.yml``).

Sphinx translates part of the theme's interface to Dutch; pydata-sphinx-theme has no Dutch
catalogue at all and sphinx-book-theme writes some labels straight into its templates. This
extension makes every interface string Dutch and keeps the book light-only:

- ``nl.po`` (next to this module) holds the missing translations; they are put *in front of*
  Sphinx's own catalogue, so they also replace an entry Sphinx translates less well ("Index");
- ``templates/`` overrides the theme components with hard-coded English labels and leaves the
  colour-mode switch out (the book is audited in light mode only, see ``_config.yml``);
- ``static/wmo-interface.js`` pins the colour mode to light before the page is drawn (a reader's
  stored or system preference cannot switch it) and adds the Dutch texts of the search page.

The extension imports nothing from ``analysis``: Sphinx loads it in its own process.
"""

from __future__ import annotations

import gettext
import re
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CATALOGUE = HERE / "nl.po"

_ENTRY = re.compile(r'^msgid "(.*)"\nmsgstr "(.*)"$', re.MULTILINE)


def read_catalogue(text: str) -> dict[str, str]:
    """The ``msgid → msgstr`` pairs of a one-line-per-entry ``.po`` text (header left out).

    Examples
    --------
    >>> read_catalogue('msgid ""\\nmsgstr ""\\n\\nmsgid "Back to top"\\nmsgstr "Terug"\\n')
    {'Back to top': 'Terug'}
    """
    found = {}
    for msgid, msgstr in _ENTRY.findall(text):
        if msgid and msgstr:
            found[_unescape(msgid)] = _unescape(msgstr)
    return found


def _unescape(s: str) -> str:
    return s.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")


class DutchInterface(gettext.NullTranslations):
    """Translations from :data:`CATALOGUE`, consulted before Sphinx's own Dutch catalogue.

    A message is also found when the template wraps it over several lines (Sphinx's
    ``{% trans %}`` blocks keep the line break and indentation): whitespace is compared collapsed.

    Examples
    --------
    >>> t = DutchInterface({"Back to top": "Terug naar boven"})
    >>> t.gettext("Back to top"), t.gettext("Elsewhere")
    ('Terug naar boven', 'Elsewhere')
    """

    def __init__(self, messages: dict[str, str]) -> None:
        super().__init__()
        self.messages = {" ".join(k.split()): v for k, v in messages.items()}

    def _lookup(self, message: str) -> str | None:
        return self.messages.get(" ".join(message.split()))

    def gettext(self, message: str) -> str:
        found = self._lookup(message)
        if found is not None:
            return found
        fallback = getattr(self, "_fallback", None)
        return fallback.gettext(message) if fallback else message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        found = self._lookup(msgid1 if n == 1 else msgid2)
        if found is not None:
            return found
        fallback = getattr(self, "_fallback", None)
        if fallback:
            return fallback.ngettext(msgid1, msgid2, n)
        return msgid1 if n == 1 else msgid2


def install(app: Any) -> DutchInterface:
    """Put the Dutch interface catalogue in front of Sphinx's ``sphinx`` catalogue."""
    from sphinx import locale

    ours = DutchInterface(read_catalogue(CATALOGUE.read_text(encoding="utf-8")))
    current = locale.translators.get(("general", "sphinx"))
    if current is not None:
        ours.add_fallback(current)
    locale.translators["general", "sphinx"] = ours
    app.translator = ours
    return ours


def files() -> list[Path]:
    """The extension's own files (catalogue, templates, script, this module), sorted."""
    return sorted(p for p in HERE.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def _add_paths(app: Any, config: Any) -> None:
    # first in templates_path: our components replace the themes' ones of the same name
    config.templates_path.insert(0, str(HERE / "templates"))
    config.html_static_path.append(str(HERE / "static"))


def setup(app: Any) -> dict[str, Any]:
    """Sphinx entry point."""
    if (app.config.language or "").split("_")[0] == "nl":
        install(app)
    app.connect("config-inited", _add_paths)
    app.add_js_file("wmo-interface.js", priority=800)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
