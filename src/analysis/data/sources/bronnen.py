"""The source files under ``data/bronnen/``: read only after their sha256 matches the manifest.

The importer (:mod:`analysis.data.sources.reference`) and the stand-in generator
(:mod:`analysis.data.sources.synthetic`) read everything they need from this folder: the copied
reference data, the plan's transcriptions (action points, goals, target groups), the regions, the
label mappings and the stand-ins' assumptions. Nothing of it is typed into Python. Each file has a
``bronnen`` entry in ``data/manifest.yml`` with its provenance; a file whose bytes differ from the
recorded sha256 is refused, so a source cannot change unnoticed.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from analysis.config.manifest import load_sources, manifest_path, sha256_file
from analysis.core.errors import DataError
from analysis.core.paths import data_dir

FOLDER = "bronnen"


def default_folder() -> Path:
    """``data/bronnen`` of the project (or of ``WMO_DATA_DIR``)."""
    return data_dir() / FOLDER


@dataclass(frozen=True)
class Sources:
    """A ``bronnen`` folder and the manifest that records its files' provenance and hashes.

    Examples
    --------
    >>> src = Sources.at(default_folder())  # doctest: +SKIP
    >>> src.csv("regios.csv")[0]["rol"]  # doctest: +SKIP
    'gemeente'
    """

    folder: Path
    entries: dict[str, dict[str, Any]]

    @classmethod
    def at(cls, folder: Path | str) -> Sources:
        """The sources in ``folder``; their manifest is the one in the folder above it."""
        folder = Path(folder)
        if not folder.is_dir():
            raise DataError("de map met bronbestanden ontbreekt", file=str(folder))
        parent = folder.parent
        if not manifest_path(parent).is_file():
            raise DataError(
                "geen manifest naast de map met bronbestanden", file=str(manifest_path(parent))
            )
        prefix = f"{folder.name}/"
        entries = {
            e["file"][len(prefix) :]: e
            for e in load_sources(parent).values()
            if str(e["file"]).startswith(prefix)
        }
        return cls(folder, entries)

    def path(self, name: str) -> Path:
        """Path of source ``name`` (relative to the folder), after checking its hash."""
        path = self.folder / name
        entry = self.entries.get(name)
        if entry is None:
            raise DataError(
                f"bronbestand '{name}' staat niet in het manifest (sectie bronnen): voeg het toe "
                "met titel, herkomst, licentie en ophaaldatum",
                file=str(path),
            )
        if not path.is_file():
            raise DataError("bronbestand ontbreekt", file=str(path))
        digest = sha256_file(path)
        if digest != entry["sha256"]:
            raise DataError(
                f"sha256 {digest[:12]}… wijkt af van het manifest ({str(entry['sha256'])[:12]}…): "
                "het bronbestand is gewijzigd zonder het manifest bij te werken. Controleer de "
                "wijziging en voer `wmo-rapport data manifest` uit",
                file=str(path),
            )
        return path

    def text(self, name: str) -> str:
        """The UTF-8 text of source ``name``."""
        return self.path(name).read_text(encoding="utf-8")

    def csv(self, name: str) -> list[dict[str, str]]:
        """Rows of a CSV source as dicts of text."""
        return list(csv.DictReader(io.StringIO(self.text(name), newline="")))

    def yaml(self, name: str) -> dict[str, Any]:
        """A YAML source as a dict."""
        try:
            doc = yaml.safe_load(self.text(name))
        except yaml.YAMLError as exc:
            raise DataError(f"geen geldige YAML: {exc}", file=str(self.folder / name)) from exc
        if not isinstance(doc, dict):
            raise DataError("verwacht een YAML-mapping", file=str(self.folder / name))
        return doc


@dataclass(frozen=True)
class Regions:
    """The regions of ``regios.csv``: names, codes and their role in the report.

    Examples
    --------
    >>> r = Regions([{"naam": "A-stad", "code": "GM0001", "rol": "gemeente"},
    ...              {"naam": "B-dorp", "code": "GM0002", "rol": "vergelijking"},
    ...              {"naam": "Nederland", "code": "NL01", "rol": "land"}])
    >>> r.municipality, r.comparison, r.code("B-dorp"), r.code("Elders")
    ('GM0001', ('GM0002',), 'GM0002', None)
    >>> r.municipality_in("Wijk 02 Zuid (B-dorp)")
    'GM0002'
    """

    rows: list[dict[str, str]]

    def code(self, name: str) -> str | None:
        """The code of a region named exactly ``name`` (surrounding spaces ignored)."""
        return next((r["code"] for r in self.rows if r["naam"] == name.strip()), None)

    def with_role(self, role: str) -> tuple[str, ...]:
        """Codes of the regions with ``role``, in file order."""
        return tuple(r["code"] for r in self.rows if r["rol"] == role)

    @property
    def municipality(self) -> str:
        """Code of the municipality the documents and stand-ins are about (role ``gemeente``)."""
        found = self.with_role("gemeente")
        if len(found) != 1:
            raise DataError("regios.csv: verwacht precies één regio met rol 'gemeente'")
        return found[0]

    @property
    def comparison(self) -> tuple[str, ...]:
        """Codes of the comparison municipalities (role ``vergelijking``)."""
        return self.with_role("vergelijking")

    def municipality_in(self, text: str) -> str | None:
        """Code of the first municipality whose name occurs in ``text`` (e.g. a district label)."""
        return next(
            (r["code"] for r in self.rows if r["code"].startswith("GM") and r["naam"] in text),
            None,
        )


def regions(src: Sources) -> Regions:
    """The regions of the sources' ``regios.csv``."""
    return Regions(src.csv("regios.csv"))
