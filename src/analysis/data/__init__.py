"""Data layer: load and validate datasets (:mod:`.datasets`), refuse personal data
(:mod:`.privacy`), and produce datasets from their sources (:mod:`.sources`)."""

from analysis.data.datasets import (
    check_all,
    dataset_entry,
    load,
    loaded,
    read_dataset,
    require_periods,
    up_to,
    validate,
)

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
