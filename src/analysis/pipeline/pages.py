"""The pages of the book, in the order ``_toc.yml`` lists them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from analysis.core.errors import BuildError


@dataclass(frozen=True)
class Page:
    """A page of the book as listed in ``_toc.yml``.

    Examples
    --------
    >>> p = Page("chapters/demografie", Path("chapters/demografie.ipynb"))
    >>> p.label, p.is_notebook
    ('demografie', True)
    """

    doc: str  # toc path without extension, e.g. "chapters/demografie"
    path: Path  # the template file

    @property
    def is_notebook(self) -> bool:
        """Whether the page is a notebook (executed) rather than a Markdown page."""
        return self.path.suffix == ".ipynb"

    @property
    def label(self) -> str:
        """The short name shown in messages, e.g. ``demografie``."""
        return Path(self.doc).name


def _toc_docs(toc: dict[str, Any]) -> list[str]:
    docs: list[str] = [toc["root"]]

    def walk(entries: list[dict[str, Any]]) -> None:
        for e in entries or []:
            if "file" in e:
                docs.append(e["file"])
            walk(e.get("sections", []))
            walk(e.get("chapters", []))

    walk(toc.get("chapters", []))
    for part in toc.get("parts", []):
        walk(part.get("chapters", []))
    return docs


def toc_pages(root: Path) -> list[Page]:
    """Every page in ``_toc.yml`` in book order (root first).

    Raises
    ------
    BuildError
        When a listed file does not exist.

    Examples
    --------
    >>> [p.label for p in toc_pages(Path("."))][:1]  # doctest: +SKIP
    ['samenvatting']
    """
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    pages = []
    for doc in _toc_docs(toc):
        stem = doc[:-6] if doc.endswith(".ipynb") else doc[:-3] if doc.endswith(".md") else doc
        for ext in (".ipynb", ".md"):
            if (root / f"{stem}{ext}").is_file():
                pages.append(Page(stem, root / f"{stem}{ext}"))
                break
        else:
            raise BuildError(f"_toc.yml noemt '{doc}', maar dat bestand bestaat niet")
    return pages
