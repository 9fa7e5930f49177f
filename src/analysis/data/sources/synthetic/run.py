"""One run of the stand-in generator: where it reads and writes, for which regions, with which
assumptions, and the random streams (seeded, so a rerun gives the same bytes)."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from analysis.core.errors import DataError

ASSUMPTIONS = "standin.yml"
MAPPINGS = "koppelingen"


@dataclass
class Run:
    """The inputs of one generator run, shared by the producers.

    ``data_dir`` holds the real datasets the stand-ins are calibrated to (written by the import);
    ``assumptions`` is ``data/bronnen/standin.yml``; ``cache`` keeps results that several
    producers use (the population series), ``streams`` the random generators by seed.
    """

    data_dir: Path
    region: str
    compare: tuple[str, ...]
    assumptions: dict[str, Any]
    mappings: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict)
    streams: dict[int, np.random.Generator] = field(default_factory=dict)

    def settings(self, dataset: str) -> dict[str, Any]:
        """The assumptions of ``dataset`` (its section of ``standin.yml``)."""
        return self.assumptions[dataset]

    def name(self, code: str) -> str:
        """The name of region ``code`` (from ``regios.csv``), or the code itself."""
        return self.names.get(code, code)

    def random(self, seed: int) -> np.random.Generator:
        """The random stream of ``seed``: producers with the same seed continue one stream."""
        if seed not in self.streams:
            self.streams[seed] = np.random.default_rng(int(seed))
        return self.streams[seed]

    def real(self, name: str) -> list[dict[str, str]]:
        """Rows (as text) of the real dataset ``name`` in ``data_dir``.

        Raises
        ------
        DataError
            When the file is missing: the import has to run first.
        """
        path = self.data_dir / f"{name}.csv"
        if not path.is_file():
            raise DataError(
                "echte ijkcijfers ontbreken: draai eerst de import (wmo-rapport data importeer)",
                file=str(path),
            )
        with open(path, encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))

    def years(self) -> list[int]:
        """The years (1 January) of the population series.

        Examples
        --------
        >>> Run(Path("."), "GM1", (), {"algemeen": {"jaren": [2015, 2017]}}).years()
        [2015, 2016, 2017]
        """
        first, last = self.assumptions["algemeen"]["jaren"]
        return list(range(int(first), int(last) + 1))


def year_range(pair: list[int]) -> list[int]:
    """The years from the first to the last of ``[first, last]``.

    Examples
    --------
    >>> year_range([2022, 2025])
    [2022, 2023, 2024, 2025]
    """
    return list(range(int(pair[0]), int(pair[1]) + 1))
