"""The data manifest (``data/manifest.yml``): what every dataset is, where it comes from, its hash.

See ``data/README.md`` for the format. The manifest is the single place that says whether a file is
real or synthetic, and the sha256 that the loader checks before it trusts a file.

Two sections: ``datasets`` (what chapters load, :func:`load_manifest`) and ``bronnen`` (the source
files under ``data/bronnen/`` that the importer and the stand-in generator read: copies of the
reference data, the plan's transcriptions, the stand-ins' assumptions; :func:`load_sources`).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

import yaml

from analysis.config.licences import normalise as normalise_licence
from analysis.core import yamltext
from analysis.core.errors import DataError
from analysis.core.io import write_atomic
from analysis.core.paths import data_dir

MANIFEST_NAME = "manifest.yml"
REQUIRED_FIELDS = (
    "file",
    "title",
    "source",
    "licence",
    "retrieved",
    "synthetic",
    "supplier",
    "sha256",
    "schema",
)
SUPPLIERS = ("publiek", "gemeente")
SOURCE_FIELDS = ("file", "title", "source", "licence", "retrieved", "synthetic", "sha256")


class _NoAliasDumper(yaml.SafeDumper):
    """A YAML dumper that writes every object in full: no ``&id001`` anchors, no ``*id001``.

    With anchors, one column specification shared by many datasets would load back as one object,
    so editing one dataset's schema after loading would edit the others.
    """

    def ignore_aliases(self, data: Any) -> bool:
        return True


def sha256_file(path: str | os.PathLike[str]) -> str:
    """Hex sha256 of a file's bytes.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.txt"; _ = p.write_bytes(b"abc")
    >>> sha256_file(p)[:12]
    'ba7816bf8f01'
    """
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            h.update(block)
    return h.hexdigest()


def manifest_path(folder: Path | None = None) -> Path:
    """Path of ``manifest.yml`` in ``folder`` (default: the project's data folder)."""
    return (folder or data_dir()) / MANIFEST_NAME


#: The last parse of each manifest: ``{path: (its bytes, the parsed document pickled)}``.
_PARSED: dict[str, tuple[bytes, bytes]] = {}


def _read_document(path: Path) -> dict[str, Any]:
    """The parsed manifest: a fresh copy each call, parsed again only when its bytes changed.

    Chapters load a dozen datasets and every load reads the manifest; parsing its YAML each time
    was most of a key indicator's cost. The file is read every call and compared with the bytes
    of the last parse, so an edited manifest is never served stale.
    """
    if not path.is_file():
        raise DataError("het datamanifest ontbreekt", file=str(path))
    raw = path.read_bytes()
    key = str(path.resolve())
    cached = _PARSED.get(key)
    if cached is not None and cached[0] == raw:
        return pickle.loads(cached[1])
    doc = parse_yaml(raw.decode("utf-8"), path)
    _PARSED[key] = (raw, pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL))
    return doc


def parse_yaml(text: str, path: Path) -> dict[str, Any]:
    """Parse a manifest's text (:func:`analysis.core.yamltext.safe_load`: libyaml when installed).

    Examples
    --------
    >>> parse_yaml("datasets: {a: {file: a.csv, synthetic: false}}", Path("m.yml"))
    {'datasets': {'a': {'file': 'a.csv', 'synthetic': False}}}
    """
    try:
        return yamltext.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise DataError(f"geen geldige YAML: {exc}", file=str(path)) from exc


def load_manifest(folder: Path | None = None) -> dict[str, dict[str, Any]]:
    """Read and check the manifest; return ``{dataset name: entry}``.

    Raises
    ------
    DataError
        When the manifest is missing, not YAML, or an entry lacks a required field.
    """
    path = manifest_path(folder)
    doc = _read_document(path)
    datasets = doc.get("datasets")
    if not isinstance(datasets, dict):
        raise DataError("verwacht een sleutel 'datasets' met één item per dataset", file=str(path))
    for name, entry in datasets.items():
        missing = [f for f in REQUIRED_FIELDS if f not in (entry or {})]
        if missing:
            raise DataError(f"dataset '{name}' mist veld(en): {', '.join(missing)}", file=str(path))
        if entry["synthetic"] and not entry.get("calibrated_to"):
            raise DataError(
                f"dataset '{name}' is synthetisch maar zegt niet waarop hij is gekalibreerd "
                "(veld 'calibrated_to')",
                file=str(path),
            )
        if entry["supplier"] not in SUPPLIERS:
            raise DataError(
                f"dataset '{name}': supplier moet een van {SUPPLIERS} zijn, "
                f"gevonden {entry['supplier']!r}",
                file=str(path),
            )
    return datasets


def load_sources(folder: Path | None = None) -> dict[str, dict[str, Any]]:
    """The ``bronnen`` section: ``{path under data/bronnen: entry}`` (empty when there is none).

    Raises
    ------
    DataError
        When an entry lacks a provenance field (title, source, licence, retrieval date, …).
    """
    path = manifest_path(folder)
    sources = _read_document(path).get("bronnen") or {}
    for name, entry in sources.items():
        missing = [f for f in SOURCE_FIELDS if f not in (entry or {})]
        if missing:
            raise DataError(
                f"bronbestand '{name}' mist veld(en): {', '.join(missing)}", file=str(path)
            )
    return sources


def save_manifest(
    datasets: dict[str, dict[str, Any]],
    folder: Path | None = None,
    sources: dict[str, dict[str, Any]] | None = None,
) -> Path:
    """Write the manifest atomically, datasets sorted by name (stable diffs), without YAML aliases.

    ``sources`` replaces the ``bronnen`` section; by default the section already in the file is kept.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> spec = {"type": "tekst"}
    >>> _ = save_manifest({"a": {"schema": {"x": spec}}, "b": {"schema": {"x": spec}}}, folder)
    >>> "&id" in manifest_path(folder).read_text(encoding="utf-8")
    False
    """
    path = manifest_path(folder)
    if sources is None:
        sources = (_read_document(path).get("bronnen") or {}) if path.is_file() else {}
    # licences as SPDX ids with the Dutch explanation beside them (analysis.config.licences)
    doc: dict[str, Any] = {
        "datasets": {k: normalise_licence(datasets[k]) for k in sorted(datasets)}
    }
    if sources:
        doc["bronnen"] = {k: normalise_licence(sources[k]) for k in sorted(sources)}
    text = (
        "# Datamanifest: één item per dataset. Formaat: data/README.md.\n"
        "# sha256 wordt bijgewerkt met `wmo-rapport data manifest`.\n"
        + yaml.dump(doc, Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False, width=100)
    )
    write_atomic(path, text)
    return path


def refresh_hashes(folder: Path | None = None) -> list[str]:
    """Recompute every entry's sha256 from its file (datasets and bronnen); return what changed."""
    folder = folder or data_dir()
    datasets, sources = load_manifest(folder), load_sources(folder)
    changed = []
    for name, entry in [*datasets.items(), *sources.items()]:
        digest = sha256_file(folder / entry["file"])
        if digest != entry.get("sha256"):
            entry["sha256"] = digest
            changed.append(name)
    if changed:
        save_manifest(datasets, folder, sources)
    return changed


def register(entries: dict[str, dict[str, Any]], folder: Path) -> None:
    """Add or replace manifest entries for files just written in ``folder`` (sha256 filled in).

    Entries of other datasets are kept; a missing manifest is created.
    """
    manifest = load_manifest(folder) if manifest_path(folder).is_file() else {}
    for name, entry in entries.items():
        entry["sha256"] = sha256_file(folder / entry["file"])
        manifest[name] = entry
    save_manifest(manifest, folder)
