"""A Frictionless Data Package (``datapackage.json``) of an edition's data, from the manifest.

Every edition carries the datasets its chapters read, as the files they were read from, in
``gegevens/``, described by ``datapackage.json`` (Data Package v1, tabular data resources): path,
sha256 hash and size, the schema (fields with types and constraints, primary key), the licence as
SPDX id with the Dutch explanation in ``licentie_toelichting``, and the sources. A researcher can
load the data in Python or R (``frictionless``, ``datapackage``) without this code.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from analysis.config.licences import LICENCES, ids, normalise

DATA_FOLDER = "gegevens"
FILE_NAME = "datapackage.json"

# manifest column types → Table Schema field types (and fixed constraints)
_TYPES: dict[str, tuple[str, dict[str, Any]]] = {
    "tekst": ("string", {}),
    "categorie": ("string", {}),
    "regio": ("string", {}),
    "periode": ("string", {}),
    "aantal": ("number", {"minimum": 0}),
    "getal": ("number", {}),
    "percentage": ("number", {"minimum": 0, "maximum": 100}),
    "datum": ("date", {}),
}
_DESCRIPTIONS = {
    "regio": "regiocode (CBS: GM.... gemeente, PV.. provincie, NL01 Nederland)",
    "periode": "periode: jaar (2025), halfjaar (2026H1), kwartaal, maand of datum",
    "aantal": "aantal (telling)",
    "percentage": "percentage (0-100)",
}


def field(name: str, spec: dict[str, Any] | str) -> dict[str, Any]:
    """A Table Schema field from a manifest column specification.

    Examples
    --------
    >>> field("status", {"type": "categorie", "allowed": ["a", "b"]})
    {'name': 'status', 'type': 'string', 'constraints': {'required': True, 'enum': ['a', 'b']}}
    >>> field("waarde", {"type": "getal", "nullable": True})
    {'name': 'waarde', 'type': 'number'}
    """
    spec = {"type": spec} if isinstance(spec, str) else dict(spec)
    kind = str(spec.get("type", "tekst"))
    ftype, fixed = _TYPES.get(kind, ("string", {}))
    out: dict[str, Any] = {"name": name, "type": ftype}
    if kind in _DESCRIPTIONS:
        out["description"] = _DESCRIPTIONS[kind]
    constraints: dict[str, Any] = {} if spec.get("nullable") else {"required": True}
    constraints.update(fixed)
    if "min" in spec:
        constraints["minimum"] = spec["min"]
    if "max" in spec:
        constraints["maximum"] = spec["max"]
    if spec.get("allowed"):
        constraints["enum"] = [str(v) for v in spec["allowed"]]
    if constraints:
        out["constraints"] = constraints
    return out


def _licences(expression: str) -> list[dict[str, Any]]:
    found = []
    for spdx in ids(expression):
        lic = LICENCES.get(spdx)
        item: dict[str, Any] = {"name": spdx, "title": lic.title if lic else spdx}
        if lic and lic.url:
            item["path"] = lic.url
        found.append(item)
    return found


def _sources(entry: dict[str, Any]) -> list[dict[str, Any]]:
    src = entry.get("source") or {}
    parts = [src.get("organisation"), src.get("table_id") or src.get("document")]
    source: dict[str, Any] = {"title": " · ".join(str(p) for p in parts if p) or "onbekend"}
    if src.get("url"):
        source["path"] = src["url"]
    return [source]


def resource(name: str, entry: dict[str, Any]) -> dict[str, Any]:
    """The Data Package resource of one manifest entry (path under :data:`DATA_FOLDER`)."""
    entry = normalise(entry)
    schema = entry.get("schema") or {}
    columns = schema.get("columns") or {}
    res: dict[str, Any] = {
        "name": name,
        "path": f"{DATA_FOLDER}/{entry['file']}",
        "profile": "tabular-data-resource",
        "title": entry.get("title") or name,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "hash": f"sha256:{entry['sha256']}",
        "licenses": _licences(str(entry.get("licence") or "")),
        "licentie_toelichting": entry.get("licence_toelichting") or "",
        "sources": _sources(entry),
        "synthetisch": bool(entry.get("synthetic")),
        "opgehaald": str(entry.get("retrieved") or ""),
        "schema": {
            "fields": [field(col, spec) for col, spec in columns.items()],
            "missingValues": [""],
        },
    }
    if entry.get("description"):
        res["description"] = " ".join(str(entry["description"]).split())
    if schema.get("key"):
        res["schema"]["primaryKey"] = list(schema["key"])
    return res


def datapackage(
    manifest: dict[str, dict[str, Any]],
    names: list[str],
    *,
    package: str,
    title: str,
    version: str,
    created: str,
) -> dict[str, Any]:
    """The ``datapackage.json`` content for the datasets ``names`` of the manifest.

    Examples
    --------
    >>> entry = {"file": "x.csv", "title": "X", "sha256": "ab", "licence": "CC BY 4.0",
    ...          "source": {"organisation": "CBS", "table_id": "03759ned", "url": None},
    ...          "schema": {"key": ["a"], "columns": {"a": "regio"}}}
    >>> dp = datapackage({"x": entry}, ["x"], package="wmo-2025", title="t", version="1.0",
    ...                  created="2026-11-22")
    >>> dp["resources"][0]["path"], dp["resources"][0]["licenses"][0]["name"], dp["licenses"]
    ('gegevens/x.csv', 'CC-BY-4.0', [{'name': 'CC-BY-4.0', 'title': 'Creative Commons Attribution 4.0 International', 'path': 'https://creativecommons.org/licenses/by/4.0/'}])
    """
    resources = [resource(n, manifest[n]) for n in sorted(names)]
    licences: dict[str, dict[str, Any]] = {}
    for res in resources:
        for lic in res["licenses"]:
            licences.setdefault(lic["name"], lic)
    return {
        "profile": "tabular-data-package",
        "name": package,
        "title": title,
        "version": version,
        "created": f"{created[:10]}T00:00:00Z",
        "licenses": [licences[k] for k in sorted(licences)],
        "resources": resources,
    }


def edition_files(
    data: Path, manifest: dict[str, dict[str, Any]], names: list[str], **meta: str
) -> dict[str, bytes]:
    """The files an edition carries for its data: ``gegevens/<file>`` for each dataset of
    ``names`` (copied from ``data``) and ``datapackage.json`` (keyword arguments as
    :func:`datapackage`), as ``{relative path: bytes}``."""
    files = {
        f"{DATA_FOLDER}/{manifest[n]['file']}": (data / manifest[n]["file"]).read_bytes()
        for n in sorted(names)
    }
    doc = datapackage(manifest, names, **meta)
    files[FILE_NAME] = (json.dumps(doc, indent=1, ensure_ascii=False) + "\n").encode("utf-8")
    return files


def write_datapackage(
    folder: Path, data: Path, manifest: dict[str, dict[str, Any]], names: list[str], **meta: str
) -> Path:
    """Write :func:`edition_files` into ``folder``; return the path of ``datapackage.json``."""
    for rel, content in edition_files(data, manifest, names, **meta).items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(content)
    return folder / FILE_NAME
