"""Sources cited for readers: a policy document by its title (never its file name), a web page by
its site, project notes left out. Used by the chart source lines and the Bronnen page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from analysis.config.manifest import load_manifest
from analysis.core.paths import data_dir
from analysis.core.words import document_index, document_titles
from analysis.data.datasets import read_dataset

__all__ = ["document_index", "document_titles", "known_documents", "publisher"]


def publisher(entry: Mapping[str, Any]) -> str:
    """The publishing organisation without table ids or the word *synthetisch*.

    Examples
    --------
    >>> publisher({"source": {"organisation": "CBS (70072NED) en secundaire bronnen"}})
    'CBS en secundaire bronnen'
    >>> publisher({"source": {"organisation": "Gemeente (synthetisch)"}})
    'Gemeente'
    >>> publisher({"source": {"organisation": "Gemeente (citaten); project"}})
    'Gemeente (citaten); project'
    """
    org = str((entry.get("source") or {}).get("organisation") or "–")
    org = re.sub(r"\s*\((?:synthetisch|\d{5}[A-Za-z]{0,3}(?:,\s*\d{5}[A-Za-z]{0,3})*)\)", "", org)
    return org.strip()


@lru_cache(maxsize=4)
def known_documents(folder: Path | None = None) -> dict[str, str]:
    """:func:`document_index` over every citation in the real datasets of ``folder`` (their
    manifest document and their ``bron`` column), so a bare file name finds its title.

    Examples
    --------
    >>> known_documents()  # doctest: +SKIP
    {'001_472be077156590ad': 'Concept Beleidsplan Sociaal Domein 2019-2023, mei 2019', ...}
    """
    folder = folder or data_dir()
    texts: list[str] = []
    for name, e in load_manifest(folder).items():
        if e.get("synthetic") or not (folder / str(e["file"])).is_file():
            continue
        texts.append(str((e.get("source") or {}).get("document") or ""))
        df = read_dataset(name, e, folder)
        if "bron" in df.columns:
            texts += [str(b) for b in df["bron"].dropna().unique()]
    return document_index(texts)
