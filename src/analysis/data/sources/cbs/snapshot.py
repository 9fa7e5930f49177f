"""Snapshots in ``data/``: file names, manifest entries, and placing files all or nothing.

A fetch never overwrites: each table is written to a new file ``<name>_<yyyymmdd>.csv`` (with
``_2``, ``_3``… for a second fetch on one day) and the manifest entry points at it; older
snapshots stay where they are (raw data is immutable).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from analysis.core.errors import FetchError
from analysis.data.sources.cbs.registry import Registry, Series

RAW_PREFIX = "cbs_"
"""Manifest names of the fetched tables as CBS delivers them: ``cbs_<series>``."""

REPORT_KEPT = ("periode_vereist", "privacy")
"""Fields of a report dataset's old entry that a fetch keeps: the report's own requirements."""


def snapshot_name(name: str, day: dt.date, folder: Path) -> str:
    """A file name for a new snapshot of ``name`` that does not exist in ``folder`` yet.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> snapshot_name("cbs_x", dt.date(2026, 11, 1), folder)
    'cbs_x_20261101.csv'
    >>> _ = (folder / "cbs_x_20261101.csv").write_text("")
    >>> snapshot_name("cbs_x", dt.date(2026, 11, 1), folder)
    'cbs_x_20261101_2.csv'
    """
    stem = f"{name}_{day:%Y%m%d}"
    candidate, n = f"{stem}.csv", 1
    while (folder / candidate).exists():
        n += 1
        candidate = f"{stem}_{n}.csv"
    return candidate


def _source(
    registry: Registry, url_table: str, table_ids: str, base_url: str | None
) -> dict[str, Any]:
    return {
        "organisation": str(registry.source["organisation"]),
        "url": f"{(base_url or registry.base_url).rstrip('/')}/{url_table}/",
        "table_id": table_ids,
        "document": None,
    }


def _date(day: dt.date) -> dt.date:
    """A plain date (a fresh object: the manifest is written without YAML aliases)."""
    return dt.date(day.year, day.month, day.day)


def manifest_entry(
    registry: Registry,
    series: Series,
    file: str,
    sha256: str,
    retrieved: dt.date,
    table_info: Mapping[str, Any] | None = None,
    base_url: str | None = None,
) -> dict[str, Any]:
    """The manifest entry for a fetched CBS table (format: ``data/README.md``).

    ``base_url`` is the OData root it was fetched from (default: the registry's).

    Examples
    --------
    >>> from analysis.data.sources.cbs.registry import load_registry
    >>> reg = load_registry()
    >>> e = manifest_entry(reg, reg.series["wmo_uitgaven"], "cbs_wmo_uitgaven_20261101.csv",
    ...                    "ab12", dt.date(2026, 11, 1))
    >>> e["source"]["table_id"], e["licence"], e["synthetic"], e["supplier"]
    ('84580NED', 'CC BY 4.0', False, 'publiek')
    """
    description = series.description
    modified = str((table_info or {}).get("Modified") or "")[:10]
    if modified:
        description += f" CBS-tabel laatst gewijzigd op {modified}."
    return {
        "file": file,
        "title": series.title,
        "description": description,
        "source": _source(registry, series.table_id, series.table_id, base_url),
        "licence": registry.licence,
        "retrieved": _date(retrieved),
        "synthetic": False,
        "calibrated_to": None,
        "supplier": "publiek",
        "sha256": sha256,
        "schema": series.schema(),
    }


def report_entry(
    registry: Registry,
    name: str,
    file: str,
    sha256: str,
    retrieved: dt.date,
    raw_entries: Sequence[tuple[str, Series, Mapping[str, Any]]],
    schema: Mapping[str, Any],
    previous: Mapping[str, Any] | None = None,
    base_url: str | None = None,
) -> dict[str, Any]:
    """The manifest entry of a report dataset made from fetched CBS tables.

    ``raw_entries`` are ``(manifest name, series, TableInfos record)`` of the tables it is made
    from; ``previous`` is the entry it replaces (its :data:`REPORT_KEPT` fields are kept).

    Examples
    --------
    >>> from analysis.data.sources.cbs.registry import load_registry
    >>> reg = load_registry()
    >>> e = report_entry(reg, "woningvoorraad", "woningvoorraad_20261101.csv", "ab",
    ...     dt.date(2026, 11, 1), [("cbs_woningvoorraad", reg.series["woningvoorraad"],
    ...     {"Modified": "2025-08-01T02:00:00"})], {}, {"synthetic": True, "periode_vereist": True})
    >>> e["synthetic"], e["source"]["table_id"], e["afgeleid_van"], e["periode_vereist"]
    (False, '82900NED', ['cbs_woningvoorraad'], True)
    """
    spec = registry.report_datasets[name]
    tables = [s.table_id for _, s, _ in raw_entries]
    modified = [
        f"{s.table_id} {str(info.get('Modified') or '')[:10]}"
        for _, s, info in raw_entries
        if info.get("Modified")
    ]
    description = spec.description
    if modified:
        description += f" CBS-tabel laatst gewijzigd: {'; '.join(modified)}."
    raw_names = [n for n, _, _ in raw_entries]
    description += (
        f" Gemaakt door `wmo-rapport data fetch` uit {', '.join(raw_names)}"
        " (analysis.data.sources.cbs.convert)."
    )
    entry: dict[str, Any] = {
        "file": file,
        "title": spec.title,
        "description": description,
        "source": _source(registry, tables[0], ", ".join(tables), base_url),
        "licence": registry.licence,
        "retrieved": _date(retrieved),
        "synthetic": False,
        "calibrated_to": None,
        "supplier": "publiek",
        "sha256": sha256,
        "afgeleid_van": raw_names,
        "schema": schema,
    }
    entry.update({k: previous[k] for k in REPORT_KEPT if previous and k in previous})
    if spec.vooruitblik:
        entry["vooruitblik"] = True
    return entry


class Placer:
    """Copies staged files into ``data/`` under their final names; :meth:`undo` removes them.

    Each file is copied to a hidden ``.<name>.part`` first and renamed, so ``data/`` never holds
    half a file under a snapshot name.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.placed: list[Path] = []

    def place(self, staged: Path, name: str) -> Path:
        """Copy ``staged`` to ``folder/name``; return the final path."""
        final = self.folder / name
        part = self.folder / f".{name}.part"
        shutil.copyfile(staged, part)
        os.replace(part, final)
        self.placed.append(final)
        return final

    def undo(self, exc: OSError) -> FetchError:
        """Remove everything placed (and any part file); the error to raise."""
        for p in self.placed:
            p.unlink(missing_ok=True)
        for p in self.folder.glob(".*.part"):
            p.unlink(missing_ok=True)
        return FetchError(
            f"kon de nieuwe bestanden niet in {self.folder} zetten: {exc}; er is niets gewijzigd"
        )
