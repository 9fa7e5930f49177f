"""One schema per dataset, whoever produces it: read from ``schemas.yml`` next to this module.

The import of real figures, the stand-in generator, the CBS fetch and a municipality's own export
all write the same layout for a dataset; its columns, types, allowed values and key are defined once,
in ``schemas.yml``. Producers copy :func:`schema` into the dataset's manifest entry (so the manifest
stays self-describing, e.g. for the open-data package) and the loader checks every file against it.

The file is data, not code: a column is a type name (``regio``) or a mapping (``{type: aantal,
nullable: true}``); ``lijst: <naam>`` stands for a named list of allowed values under ``lijsten``
(one list of Wmo types or CBS statuses for every dataset that uses it). :func:`schema` expands both
into the manifest form ``{"type": ..., "allowed": [...]}`` and returns a fresh copy each call.
"""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any

import yaml

from analysis.core import yamltext
from analysis.core.errors import DataError

SCHEMA_FILE = Path(__file__).with_name("schemas.yml")
#: Column types the loader knows (see ``analysis.data.datasets.validate``).
TYPES = ("regio", "periode", "categorie", "tekst", "aantal", "getal", "percentage", "datum")
_OPTIONS = {"type", "nullable", "min", "max", "allowed", "lijst"}
_DATASET_FIELDS = {"key", "columns", "optioneel", "peildatum"}


@functools.lru_cache(maxsize=4)
def _document(path: Path) -> dict[str, Any]:
    try:
        doc = yamltext.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"schema's niet leesbaar: {exc}", file=str(path)) from exc
    if not isinstance(doc.get("datasets"), dict):
        raise DataError(
            "verwacht een sleutel 'datasets' met één schema per dataset", file=str(path)
        )
    lists = doc.get("lijsten") or {}
    return {
        name: _expand(name, spec, lists, path) for name, spec in sorted(doc["datasets"].items())
    }


def _expand(name: str, spec: Any, lists: dict[str, list[Any]], path: Path) -> dict[str, Any]:
    """One dataset's schema in manifest form; a :class:`DataError` on anything unknown."""
    if not isinstance(spec, dict) or not isinstance(spec.get("columns"), dict):
        raise DataError(f"schema '{name}': verwacht 'key' en 'columns'", file=str(path))
    columns: dict[str, dict[str, Any]] = {}
    for col, raw in spec["columns"].items():
        c = {"type": raw} if isinstance(raw, str) else dict(raw or {})
        unknown = set(c) - _OPTIONS
        if c.get("type") not in TYPES or unknown:
            raise DataError(
                f"schema '{name}', kolom '{col}': onbekend type of veld "
                f"({c.get('type')!r}{', ' + ', '.join(sorted(unknown)) if unknown else ''}; "
                f"typen: {', '.join(TYPES)})",
                file=str(path),
            )
        if "lijst" in c:
            listed = c.pop("lijst")
            if listed not in lists:
                raise DataError(f"schema '{name}': onbekende lijst '{listed}'", file=str(path))
            c["allowed"] = [str(v) for v in lists[listed]]
        if c["type"] == "categorie" and not c.get("allowed"):
            raise DataError(
                f"schema '{name}', kolom '{col}': categorie zonder 'allowed'", file=str(path)
            )
        columns[str(col)] = c
    key = [str(k) for k in spec.get("key") or []]
    if missing := [k for k in key if k not in columns]:
        raise DataError(f"schema '{name}': sleutelkolom {missing[0]} ontbreekt", file=str(path))
    if unknown := set(spec) - _DATASET_FIELDS:
        raise DataError(f"schema '{name}': onbekend veld {sorted(unknown)[0]}", file=str(path))
    return {"key": key, "columns": columns}


@functools.lru_cache(maxsize=4)
def _optional(path: Path) -> frozenset[str]:
    doc = yamltext.safe_load(path.read_text(encoding="utf-8")) or {}
    return frozenset(n for n, spec in (doc.get("datasets") or {}).items() if spec.get("optioneel"))


@functools.lru_cache(maxsize=4)
def _lists(path: Path) -> dict[str, list[Any]]:
    return (yamltext.safe_load(path.read_text(encoding="utf-8")) or {}).get("lijsten") or {}


def is_optional(name: str, path: Path = SCHEMA_FILE) -> bool:
    """Whether dataset ``name`` is an optional municipal dataset (the report survives without it).

    Examples
    --------
    >>> is_optional("wachttijden"), is_optional("bevolking_leeftijd"), is_optional("onbekend")
    (True, False, False)
    """
    return name in _optional(path)


@functools.lru_cache(maxsize=4)
def _snapshots(path: Path) -> dict[str, str]:
    doc = yamltext.safe_load(path.read_text(encoding="utf-8")) or {}
    return {
        n: str(spec["peildatum"])
        for n, spec in (doc.get("datasets") or {}).items()
        if spec.get("peildatum")
    }


def on_1_january(name: str, path: Path = SCHEMA_FILE) -> bool:
    """Whether dataset ``name`` holds a stand on 1 January (``peildatum: 1 januari``): its period
    ``2026`` is the stand on 1 January 2026, not the year 2026, so it is already known in the
    half-year edition ``2026H1``.

    Examples
    --------
    >>> on_1_january("bevolking_leeftijd"), on_1_january("wmo_clienten"), on_1_january("x")
    (True, False, False)
    """
    return _snapshots(path).get(name) == "1 januari"


def names(path: Path = SCHEMA_FILE) -> list[str]:
    """The datasets that have a schema, sorted.

    Examples
    --------
    >>> "bevolking_leeftijd" in names()
    True
    """
    return list(_document(path))


def has(name: str, path: Path = SCHEMA_FILE) -> bool:
    """Whether dataset ``name`` has a schema.

    Examples
    --------
    >>> has("wmo_clienten"), has("cbs_wmo_clienten")
    (True, False)
    """
    return name in _document(path)


def schema(name: str, path: Path = SCHEMA_FILE) -> dict[str, Any]:
    """The schema of dataset ``name`` in manifest form (a fresh copy: edit it freely).

    Raises
    ------
    DataError
        When the dataset has no schema (the message lists the ones that do).

    Examples
    --------
    >>> s = schema("bevolking_leeftijd")
    >>> s["key"], list(s["columns"])[-1], s["columns"]["status"]["allowed"][:2]
    (['gemeente_code', 'periode', 'leeftijd', 'geslacht'], 'status', ['definitief', 'nader voorlopig'])
    >>> schema("wmo_clienten")["columns"]["type"] is schema("wmo_clienten")["columns"]["type"]
    False
    """
    doc = _document(path)
    if name not in doc:
        raise DataError(
            f"dataset '{name}' heeft geen schema (wel: {', '.join(doc)})", file=str(path)
        )
    return copy.deepcopy(doc[name])


def columns(name: str, path: Path = SCHEMA_FILE) -> list[str]:
    """The column names of dataset ``name``, in file order.

    Examples
    --------
    >>> columns("agenda_status")
    ['actie_id', 'periode', 'status']
    """
    return list(schema(name, path)["columns"])


def vocabulary(list_name: str, path: Path = SCHEMA_FILE) -> list[str]:
    """A named list of allowed values (``lijsten`` in ``schemas.yml``), e.g. the Wmo types.

    Examples
    --------
    >>> vocabulary("wmo_type")[:2]
    ['Totaal', 'Totaal exclusief verblijf en opvang']
    """
    lists = _lists(path)
    if list_name not in lists:
        raise DataError(f"onbekende lijst '{list_name}' (wel: {', '.join(lists)})", file=str(path))
    return [str(v) for v in lists[list_name]]


def same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two schemas say the same (allowed values compared as sets, key and columns in order).

    Examples
    --------
    >>> x = {"key": ["a"], "columns": {"a": {"type": "categorie", "allowed": ["p", "q"]}}}
    >>> y = {"key": ["a"], "columns": {"a": {"allowed": ["q", "p"], "type": "categorie"}}}
    >>> same(x, y), same(x, {"key": ["a"], "columns": {"a": {"type": "tekst"}}})
    (True, False)
    """

    def norm(s: dict[str, Any]) -> tuple[Any, ...]:
        cols = tuple(
            (c, tuple(sorted((k, frozenset(v) if k == "allowed" else v) for k, v in spec.items())))
            for c, spec in s.get("columns", {}).items()
        )
        return tuple(s.get("key") or []), cols

    return norm(a) == norm(b)
