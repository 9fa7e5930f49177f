"""Sphinx extension: the search index stems each distinct word once per build, not once per page.

Sphinx's indexer memoises the stemmer per page only, so a word on every page is stemmed on every
page; for Dutch that is the pure-Python snowball stemmer (some 10 000 calls for the report, most
of them repeats). The stem of a word depends on the word alone, so remembering it for the whole
build changes no byte of ``searchindex.js`` (``tests/test_reproducible.py``).
"""

from __future__ import annotations

import functools
from typing import Any

MARK = "_wmo_stem_memoised"


def memoise_stem(app: Any, *_: Any) -> None:  # noqa: ANN401 - the Sphinx application
    """Remember the search language's stems for the rest of the build (once per build).

    Connected to ``doctree-resolved``, which Sphinx emits for a page just before it feeds the
    page to the search index.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> class Lang:
    ...     def stem(self, word):
    ...         return word[:4]
    >>> app = SimpleNamespace(builder=SimpleNamespace(indexer=SimpleNamespace(lang=Lang())))
    >>> memoise_stem(app)
    >>> app.builder.indexer.lang.stem("zorgvrager"), app.builder.indexer.lang.stem.cache_info().hits
    ('zorg', 0)
    """
    lang = getattr(getattr(app.builder, "indexer", None), "lang", None)
    if lang is None or getattr(lang, MARK, False):
        return
    lang.stem = functools.lru_cache(maxsize=None)(lang.stem)
    setattr(lang, MARK, True)


def setup(app: Any) -> dict[str, Any]:  # noqa: ANN401 - the Sphinx application
    """Register the extension with Sphinx."""
    app.connect("doctree-resolved", memoise_stem)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
