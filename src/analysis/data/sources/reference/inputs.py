"""What every import step reads: the reference figures, the regions and the import settings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from analysis.core.numbers import parse_number
from analysis.data.sources.bronnen import Regions, Sources, regions
from analysis.data.sources.cbs.status import UNKNOWN

SEEDS = "referentie/seed_figures.csv"
PUBLIC = "referentie/public_figures.csv"
SETTINGS = "import.yml"


@dataclass(frozen=True)
class Inputs:
    """The sources of one import run.

    ``seeds`` are the figures transcribed from the policy documents, ``public`` the figures from
    public pages (both as text, as in ``data/bronnen/referentie``); ``region`` is the municipality
    the documents are about; ``settings`` the ``instellingen`` of ``import.yml``.
    """

    src: Sources
    seeds: list[dict[str, str]]
    public: list[dict[str, str]]
    regions: Regions
    region: str
    settings: dict[str, Any]

    @classmethod
    def read(cls, src: Sources, region: str | None = None) -> Inputs:
        """Read the sources; ``region`` defaults to the municipality of ``regios.csv``."""
        regs = regions(src)
        return cls(
            src=src,
            seeds=src.csv(SEEDS),
            public=src.csv(PUBLIC),
            regions=regs,
            region=region or regs.municipality,
            settings=dict(src.yaml(SETTINGS)["instellingen"]),
        )

    def seed_topic(self, *topics: str) -> list[dict[str, str]]:
        """Seed figures of the given topics, in file order."""
        return [r for r in self.seeds if r["topic"] in topics]

    def public_topic(self, *topics: str) -> list[dict[str, str]]:
        """Public figures of the given topics, in file order."""
        return [r for r in self.public if r["topic"] in topics]


def status(value: str, period: str = "") -> str:
    """CBS status of a published value: ``onbekend`` (``.``), ``voorlopig`` (``*``) or definitief.

    A ``.`` wins over a ``*`` of its period: the value itself is unknown ("onbekend, onvoldoende
    betrouwbaar of geheim", as CBS defines the symbol).

    Examples
    --------
    >>> status("."), status("72", "2024*"), status("12"), status(".", "1e halfjaar 2025*")
    ('onbekend', 'voorlopig', 'definitief', 'onbekend')
    """
    if value.strip() == ".":
        return UNKNOWN
    return "voorlopig" if "*" in value + period else "definitief"


def year(period: str) -> str | None:
    """The year of a period as the sources write it (``2019-01-01``, ``c. 2019``, ``2018*``).

    Examples
    --------
    >>> year("2019-01-01"), year("c. 2019"), year("2018*"), year("2012-2020")
    ('2019', '2019', '2018', None)
    """
    m = re.fullmatch(r"\s*(?:c\.\s*)?(\d{4})(?:-01-01)?\*?\s*(?:\(.*\))?", period)
    return m[1] if m else None


def count(text: str) -> int:
    """A whole count as written in a source (``"27286"``, ``"12.0"``).

    Examples
    --------
    >>> count("27286"), count("12.0")
    (27286, 12)
    """
    return int(float(text))


def number(text: str) -> float | None:
    """A figure as written, ignoring a leading ``bijna``/``ongeveer`` (the label says so).

    Examples
    --------
    >>> number("bijna 90"), number("20,2"), number(".")
    (90.0, 20.2, None)
    """
    return parse_number(re.sub(r"^\s*(bijna|ongeveer|circa)\s+", "", text))
