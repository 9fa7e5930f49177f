"""Data layer: load and validate datasets (:mod:`.datasets`), refuse personal data
(:mod:`.privacy`), and produce datasets from their sources (:mod:`.sources`).

The names below come from :mod:`.datasets` on first use (PEP 562), so importing a light module of
this layer (e.g. the options of ``wmo-rapport data fetch``) does not import pandas.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "check_all",
    "dataset_entry",
    "load",
    "loaded",
    "read_dataset",
    "require_periods",
    "up_to",
    "validate",
]


def __getattr__(name: str) -> Any:
    """``analysis.data.load`` etc.: the functions of :mod:`analysis.data.datasets`."""
    if name in __all__:
        return getattr(importlib.import_module("analysis.data.datasets"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
