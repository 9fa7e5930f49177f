"""Wmo-monitor analysis package: the layers of the report, as folders.

The package is layered; each layer imports only from the layers before it (``tests/test_layers.py``
checks this)::

    core      errors, paths, codes, io, numbers, stats          basic helpers, no project knowledge
    config    params, manifest, schemas                          what a run is configured with
    data      datasets (load, validate), privacy, sources/       reading and producing data
    topics    population, wmo, housing, … , indicators           the analyses (pure functions)
    present   report (glue), charts, tables, summary, catalog    what the reader sees
    pipeline  build, execute, publish, pdf, browser              turning chapters into editions
    cli       the ``wmo-rapport`` command

Chapter notebooks use the short names, ``from analysis import charts, population, report``: the
topic and presentation modules are reachable from the package itself (imported on first use).
"""

from __future__ import annotations

import importlib
import importlib.metadata
from types import ModuleType

#: The package version; its one definition is ``version`` in ``pyproject.toml``.
try:
    __version__ = importlib.metadata.version("wmo-analysis")
except importlib.metadata.PackageNotFoundError:  # pragma: no cover - run from a bare checkout
    __version__ = "onbekend"

#: Short names for chapter notebooks: ``from analysis import wmo`` is ``analysis.topics.wmo``.
SHORT_NAMES = {
    **{
        name: f"analysis.topics.{name}"
        for name in (
            "access",
            "agenda",
            "conclusions",
            "costs",
            "counterparts",
            "dementia",
            "findings",
            "forecast",
            "housing",
            "impact",
            "indicators",
            "neighbourhoods",
            "population",
            "products",
            "social",
            "sounding_board",
            "supply",
            "survey",
            "vulnerability",
            "waiting",
            "wmo",
        )
    },
    **{
        name: f"analysis.present.{name}"
        for name in (
            "actions",
            "agenda_page",
            "catalog",
            "charts",
            "conclusion_page",
            "impact_page",
            "reading_guide",
            "report",
            "sources_page",
            "summary",
            "tables",
        )
    },
    "fmt": "analysis.core.numbers",
}

__all__ = sorted(SHORT_NAMES)


def __getattr__(name: str) -> ModuleType:
    """Import a module by its short name on first use (PEP 562)."""
    target = SHORT_NAMES.get(name)
    if target is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    module = importlib.import_module(target)
    globals()[name] = module
    return module


def __dir__() -> list[str]:
    return sorted([*globals(), *SHORT_NAMES])
