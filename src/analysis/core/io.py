"""Writing files safely: atomically (never a half-written file) and byte-stable CSV."""

from __future__ import annotations

import csv
import io
import os
import uuid
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and one rename.

    A reader sees the old file or the new one, never a part; a failure leaves the old file.
    Text is written as UTF-8.

    Examples
    --------
    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "a" / "x.txt"
    >>> write_atomic(p, "één"); p.read_text(encoding="utf-8")
    'één'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        tmp.write_bytes(payload)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_if_changed(path: str | os.PathLike[str], data: bytes | str) -> bool:
    """Write atomically only when the content differs (keeps mtimes stable); ``True`` if written.

    Examples
    --------
    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "x.txt"
    >>> write_if_changed(p, "a"), write_if_changed(p, "a"), write_if_changed(p, "b")
    (True, False, True)
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if path.is_file() and path.read_bytes() == payload:
        return False
    write_atomic(path, payload)
    return True


def format_cell(value: Any) -> str:
    """A value as a CSV cell: empty for missing, whole floats without ``.0``, at most 4 decimals.

    Examples
    --------
    >>> format_cell(None), format_cell(12.0), format_cell(0.123456), format_cell("a")
    ('', '12', '0.1235', 'a')
    """
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.4f}".rstrip("0").rstrip(".")
    return str(value)


def csv_text(columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> str:
    """Rows as UTF-8 CSV text with ``\\n`` line ends, cells through :func:`format_cell`.

    Examples
    --------
    >>> csv_text(["a", "b"], [{"a": 1.0, "b": "x,y"}])
    'a,b\\n1,"x,y"\\n'
    """
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([format_cell(row.get(c)) for c in columns])
    return buf.getvalue()


def write_csv(
    path: str | os.PathLike[str], columns: Sequence[str], rows: Iterable[Mapping[str, Any]]
) -> None:
    """Write rows as a byte-stable CSV file, atomically (see :func:`csv_text`)."""
    write_atomic(path, csv_text(columns, rows))
