"""Sphinx extension: an incremental book build writes only what a clean build would write anew.

The build keeps Sphinx's output between builds when only pages changed (not the configuration,
the table of contents or the static files: then every page is written, see
:func:`analysis.pipeline.build`). Sphinx then re-reads the changed pages and writes them and the
pages whose table of contents lists them. Other pages show a little of every page too: its title
(navigation, previous/next links), its sections and labels (references to them). So when a
re-read page changed any of those, or a page was added, this extension has Sphinx write every
page; otherwise the pages it did not write are byte-identical to what a clean build writes
(``tests/test_reproducible.py`` compares both).

The search index of a build that keeps its output starts from the previous index without the
pages it writes again; a word that no page holds any more stays in it with no pages (a clean
build does not have it). :func:`_drop_emptied_words` removes those before the index is written.

Every build makes a new Sphinx application, whose Jinja environment compiles each HTML template
it uses again (some 36 for this book: about a quarter of the time the preview's Sphinx spends
on a prose edit). :func:`_cache_templates` keeps their compiled code in a Jinja bytecode cache
next to the doctrees; Jinja checks each entry against the template's source, so a changed
template is compiled anew, and the rendered pages are the same.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any

SURFACE_KEY = "_wmo_oppervlak"


def surface(env: Any, doc: str) -> tuple[Any, ...]:  # noqa: ANN401 - Sphinx's environment
    """What other pages show of page ``doc``: title, sections, labels, metadata.

    The metadata leave out the word count MyST adds (only the page itself shows it).

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> env = SimpleNamespace(titles={}, longtitles={}, tocs={}, metadata={}, domaindata={})
    >>> surface(env, "x")
    (None, None, None, [], [], {})
    """
    std = env.domaindata.get("std", {})

    def text(node: Any) -> str | None:  # noqa: ANN401 - a docutils node
        return node.astext() if node is not None else None

    toc = env.tocs.get(doc)
    return (
        text(env.titles.get(doc)),
        text(env.longtitles.get(doc)),
        toc.pformat() if toc is not None else None,
        sorted((k, tuple(v)) for k, v in std.get("labels", {}).items() if v[0] == doc),
        sorted((k, tuple(v)) for k, v in std.get("anonlabels", {}).items() if v[0] == doc),
        {k: v for k, v in (env.metadata.get(doc) or {}).items() if k != "wordcount"},
    )


def _before_read(app: Any, env: Any, docnames: list[str]) -> None:  # noqa: ANN401
    known = [d for d in docnames if d in env.all_docs]
    setattr(
        app,
        SURFACE_KEY,
        ({d: surface(env, d) for d in known}, len(known) < len(docnames)),
    )


def _updated(app: Any, env: Any) -> list[str]:  # noqa: ANN401
    before, added = getattr(app, SURFACE_KEY, ({}, False))
    setattr(app, SURFACE_KEY, ({}, False))
    if added or any(surface(env, d) != s for d, s in before.items()):
        return sorted(env.found_docs)
    return []


def _drop_emptied_words(app: Any, *_: Any) -> None:  # noqa: ANN401
    """Once the search index is loaded and pruned (before the first page): drop empty words."""
    indexer = getattr(app.builder, "indexer", None)
    if indexer is None or getattr(app, "_wmo_index_opgeschoond", False):
        return
    for mapping in (getattr(indexer, "_mapping", {}), getattr(indexer, "_title_mapping", {})):
        for word in [w for w, docs in mapping.items() if not docs]:
            del mapping[word]
    app._wmo_index_opgeschoond = True


def template_cache_dir(app: Any) -> Path | None:  # noqa: ANN401 - the Sphinx application
    """The folder of the compiled HTML templates for this builder (None: not an HTML builder).

    One folder per Jinja version, Python version and Jinja extensions, so a cache entry is only
    read by an environment that compiles the same code.
    """
    templates = getattr(app.builder, "templates", None)
    environment = getattr(templates, "environment", None)
    if environment is None or not getattr(app, "doctreedir", None):
        return None
    import jinja2

    what = [
        jinja2.__version__,
        sys.version,
        type(environment).__name__,
        *sorted(environment.extensions),
    ]
    key = hashlib.sha256("\n".join(what).encode()).hexdigest()[:16]
    return Path(app.doctreedir) / f"jinja-{key}"


def _cache_templates(app: Any) -> None:  # noqa: ANN401 - the Sphinx application
    """Give the builder's Jinja environment a bytecode cache (see the module's docstring)."""
    folder = template_cache_dir(app)
    if folder is None:
        return
    from jinja2 import FileSystemBytecodeCache

    folder.mkdir(parents=True, exist_ok=True)
    app.builder.templates.environment.bytecode_cache = FileSystemBytecodeCache(str(folder))


def put_stamp(app: Any, doctree: Any, docname: str) -> None:  # noqa: ANN401 - Sphinx's
    """Give the page being written the edition stamp of this build (``wmo_stempel``).

    A page whose source changed only in its stamp keeps its modification time
    (:func:`analysis.pipeline.assemble.only_stamp_changed`), so Sphinx does not read it again
    and its parsed page still holds the previous stamp: the text after ``<small>`` in the
    closing paragraph ``<small>Editie: … · verantwoording</small>``. A page that was read again
    already holds this one; replacing it changes nothing.
    """
    from docutils import nodes

    stamp = getattr(app.config, "wmo_stempel", "")
    if not stamp:
        return
    for raw in list(doctree.findall(nodes.raw)):
        parent = raw.parent
        if raw.astext() != "<small>" or parent is None:
            continue
        i = parent.index(raw)
        text = parent[i + 1] if i + 1 < len(parent) else None
        if isinstance(text, nodes.Text) and text.startswith("Editie: ") and text.endswith(" · "):
            parent.replace(text, nodes.Text(f"Editie: {stamp} · "))


def setup(app: Any) -> dict[str, Any]:  # noqa: ANN401 - the Sphinx application
    """Register the extension with Sphinx."""
    # no page is read again for the stamp, and it is not part of the HTML settings' hash
    # (.buildinfo): a new stamp comes with a new _config.yml, and then the build writes every
    # page anew anyway (analysis.pipeline.build: the kept output is removed)
    app.add_config_value("wmo_stempel", "", "")
    app.connect("doctree-resolved", put_stamp)
    app.connect("builder-inited", _cache_templates)
    app.connect("env-before-read-docs", _before_read)
    app.connect("env-get-updated", _updated)
    app.connect("html-page-context", _drop_emptied_words)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
