"""What the importer and the stand-in generator share: a produced table, writing it in its schema,
and its manifest entry from the metadata in ``data/bronnen``."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.config import schemas
from analysis.core.io import write_csv
from analysis.core.numbers import getal

#: Manifest fields a producer may set besides the required ones (see data/README.md).
OPTIONAL_FIELDS = ("periode_vereist", "privacy", "vooruitblik", "optioneel")


@dataclass
class Produced:
    """Rows of one dataset and the values its manifest texts refer to (``{name}`` placeholders).

    Examples
    --------
    >>> p = Produced([{"a": 1}], {"n": 1})
    >>> p.rows, p.values
    ([{'a': 1}], {'n': 1})
    """

    rows: list[dict[str, Any]]
    values: dict[str, Any] = field(default_factory=dict)


#: A producer makes one dataset from its inputs.
Producer = Callable[[Any], Produced]


def write_dataset(name: str, rows: Iterable[Mapping[str, Any]], folder: Path) -> Path:
    """Write ``rows`` as ``folder/<name>.csv`` in the columns of the dataset's schema.

    Examples
    --------
    >>> import tempfile
    >>> p = write_dataset("agenda_status", [{"actie_id": "A01", "periode": "2025",
    ...                   "status": "lopend"}], Path(tempfile.mkdtemp()))
    >>> p.read_text(encoding="utf-8")
    'actie_id,periode,status\\nA01,2025,lopend\\n'
    """
    path = folder / f"{name}.csv"
    write_csv(path, schemas.columns(name), rows)
    return path


def nl(value: Any) -> str:
    """A number as a reader sees it in a manifest text: Dutch format, whole or one decimal.

    Examples
    --------
    >>> nl(27286), nl(6.0), nl(472000.4), nl(14.5), nl("tekst")
    ('27.286', '6', '472.000', '14,5', 'tekst')
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    rounded = round(float(value), 1)
    return getal(rounded, 0 if rounded.is_integer() or abs(rounded) >= 1000 else 1)


def manifest_entry(
    name: str,
    meta: Mapping[str, Any],
    defaults: Mapping[str, Any],
    values: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The manifest entry of dataset ``name`` from its metadata in ``data/bronnen``.

    ``meta`` holds ``title``, ``description``, ``source`` and optionally ``licence``,
    ``supplier``, ``ijking`` (the calibration note of a stand-in) and the optional manifest flags;
    ``defaults`` gives ``licence``, ``retrieved``, ``synthetic`` and ``document`` where ``meta``
    does not. ``{placeholders}`` in the texts are filled from ``values`` (numbers in Dutch format).

    Examples
    --------
    >>> e = manifest_entry("agenda_status", {"title": "T", "description": "{n} punten",
    ...     "source": {"organisation": "G"}, "ijking": "aanname"},
    ...     {"licence": "CC0", "retrieved": "2026-11-22", "synthetic": True}, {"n": 1056})
    >>> e["description"], e["calibrated_to"], e["source"]["url"], e["schema"]["key"]
    ('1.056 punten', 'aanname', None, ['actie_id', 'periode'])
    """
    shown = {k: nl(v) for k, v in (values or {}).items()}
    source = {"organisation": None, "url": None, "table_id": None, "document": None}
    source.update(copy.deepcopy(dict(meta.get("source") or {})))
    if source["document"] is None and defaults.get("document"):
        source["document"] = defaults["document"]
    entry: dict[str, Any] = {
        "file": f"{name}.csv",
        "title": str(meta["title"]).format(**shown),
        "description": str(meta["description"]).format(**shown),
        "source": source,
        "licence": meta.get("licence", defaults["licence"]),
        "retrieved": str(meta.get("retrieved", defaults["retrieved"])),
        "synthetic": bool(defaults["synthetic"]),
        "calibrated_to": str(meta["ijking"]).format(**shown) if meta.get("ijking") else None,
        "supplier": meta.get("supplier", "publiek"),
        "sha256": "",
        "schema": schemas.schema(name),
    }
    entry.update({k: meta[k] for k in OPTIONAL_FIELDS if k in meta})
    return entry
