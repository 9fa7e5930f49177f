"""Load a dataset: read, verify its hash, validate it against its schema, return a tidy DataFrame.

This is the only way chapters read data. :func:`load` checks, in this order, and stops at the first
problem with a :class:`~analysis.core.errors.DataError` naming file, row and column:

1. the dataset is in the manifest and its file exists and is not empty (an optional municipal
   dataset, ``optioneel: true``, that is missing raises
   :class:`~analysis.core.errors.NotSupplied`: the chapter says "nog niet aangeleverd");
2. the file's sha256 equals the manifest's (no silent edits);
3. it holds no person-level data (:mod:`analysis.data.privacy`);
4. its columns are exactly the schema's; every value has the schema's type (counts whole and ≥ 0,
   percentages 0–100, categories from the allowed list, valid region and period codes);
5. the schema's key is unique.

Dutch spreadsheet exports are accepted: ``;`` as separator with decimal comma (and ``.`` as
thousands separator), Windows-1252 or UTF-8 with a byte-order mark.

Every load is recorded: :func:`loaded` lists what a chapter used (for its source list and synthetic
warning) and, when ``WMO_DEPS_FILE`` is set (the build sets it), one JSON line per dataset is
appended there so the build knows exactly which data each chapter depends on.

Provenance: a loaded frame carries ``df.attrs["herkomst"]`` (a
:class:`~analysis.core.provenance.Provenance`: the dataset and whether it is synthetic), and
:func:`session_provenance` is the union over everything loaded in this process so far — the
fail-safe provenance of a published value that does not say precisely where it comes from.
:func:`tracking` collects what is loaded inside a block (used per key indicator).
"""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.config import schemas
from analysis.config.manifest import load_manifest, sha256_file
from analysis.core.codes import PERIOD_RE, REGION_RE, period_months, period_within
from analysis.core.errors import DataError, DataErrors, NotSupplied
from analysis.core.paths import data_dir, project_root
from analysis.core.provenance import Provenance, union
from analysis.data.privacy import check_no_personal_data

MISSING_TOKENS = {"", "."}
_LOADED: dict[str, dict[str, Any]] = {}
#: Provenance of every dataset loaded since the last :func:`reset_session` (process start).
_SESSION: dict[str, Provenance] = {}
#: Validated tables of this process by (file, its sha256, schema): a chapter loads the same
#: dataset many times (the key indicators load ``bevolking_leeftijd`` seven times); reading and
#: validating it once is enough while its bytes and schema are the same. A copy is handed out.
_READ: dict[tuple[str, str, str], pd.DataFrame] = {}
#: Open :func:`tracking` blocks, innermost last.
_TRACKERS: list[dict[str, Provenance]] = []


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(project_root()).as_posix()
    except (ValueError, FileNotFoundError):
        return str(path)


def read_text_table(path: Path) -> tuple[pd.DataFrame, str]:
    """Read a CSV as text, normalising Dutch spreadsheet exports.

    Returns the table (every cell a string, empty cells ``""``) and the dialect: ``"nl"`` when the
    file uses ``;`` as separator (then numbers use decimal comma), otherwise ``"standaard"``.

    Raises
    ------
    DataError
        When the file is empty, has no header, or is not text.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = p.write_bytes("\\ufeffa;b\\r\\n1,5;x\\r\\n".encode("utf-8"))
    >>> df, dialect = read_text_table(p)
    >>> dialect, list(df.columns), df.iloc[0, 0]
    ('nl', ['a', 'b'], '1,5')
    """
    shown = _shown(path)
    raw = path.read_bytes()
    if not raw.strip():
        raise DataError("het bestand is leeg (verwacht een kopregel en gegevens)", file=shown)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise DataError("geen tekstbestand (UTF-8 of Windows-1252)", file=shown) from exc
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise DataError("het bestand is leeg", file=shown)
    header = [h.strip() for h in rows[0]]
    if len(rows) == 1:
        raise DataError("het bestand heeft een kopregel maar geen gegevens", file=shown)
    width = len(header)
    for i, r in enumerate(rows[1:], start=2):
        if len(r) != width:
            raise DataError(
                f"verwacht {width} kolommen (zoals de kopregel), gevonden {len(r)}",
                file=shown,
                row=i,
            )
    df = pd.DataFrame([[c.strip() for c in r] for r in rows[1:]], columns=header, dtype="string")
    return df, ("nl" if delimiter == ";" else "standaard")


def _parse_number(text: str, dialect: str) -> float:
    t = text.replace("\u00a0", "").replace(" ", "")
    if dialect == "nl":
        t = t.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?\d+,\d+", t):
        t = t.replace(",", ".")
    return float(t)


_TYPE_DESC = {
    "aantal": "een geheel getal ≥ 0 (telling)",
    "getal": "een getal",
    "percentage": "een percentage tussen 0 en 100",
    "regio": "een CBS-regiocode zoals GM0397 of NL01",
    "periode": "een periode zoals 2024, 2024H1, 2024Q3 of 2024-03",
    "datum": "een datum JJJJ-MM-DD",
}


def validate(
    raw: pd.DataFrame, schema: dict[str, Any], file: str, dialect: str = "standaard"
) -> pd.DataFrame:
    """Validate a text table against a manifest schema and convert its types.

    Parameters
    ----------
    raw
        As returned by :func:`read_text_table`.
    schema
        The manifest's ``schema`` (``key`` and ``columns``).
    file
        Shown in errors.
    dialect
        ``"nl"`` for decimal-comma numbers.

    Returns
    -------
    DataFrame
        Counts as ``Int64``, numbers and percentages as ``float64`` (missing = NaN), text as
        ``string``, in the schema's column order.

    Raises
    ------
    DataError
        The first violation, naming row (as a spreadsheet shows it: header = 1) and column.

    Examples
    --------
    >>> schema = {"key": ["periode"], "columns": {"periode": {"type": "periode"},
    ...           "waarde": {"type": "aantal"}}}
    >>> validate(pd.DataFrame({"periode": ["2024"], "waarde": ["abc"]}, dtype="string"),
    ...          schema, "x.csv")
    Traceback (most recent call last):
    ...
    analysis.core.errors.DataError: x.csv, rij 2, kolom 'waarde': verwacht een geheel getal ≥ 0 (telling), gevonden 'abc'
    """
    columns: dict[str, dict[str, Any]] = schema["columns"]
    missing = [c for c in columns if c not in raw.columns]
    if missing:
        raise DataError(
            f"kolom ontbreekt (verwacht: {', '.join(columns)})", file=file, column=missing[0]
        )
    extra = [c for c in raw.columns if c not in columns]
    if extra:
        raise DataError(
            f"onverwachte kolom (verwacht alleen: {', '.join(columns)})",
            file=file,
            column=extra[0],
        )
    out = {
        col: _convert_column(raw[col], col, spec, dialect, file) for col, spec in columns.items()
    }
    df = pd.DataFrame(out, index=raw.index)
    _check_key(df, schema.get("key") or [], file)
    return df.reset_index(drop=True)


def _convert_column(
    values: pd.Series, col: str, spec: dict[str, Any], dialect: str, file: str
) -> Any:
    """One column of a text table converted to its schema type (see :func:`validate`)."""
    kind = spec.get("type", "tekst")
    nullable = bool(spec.get("nullable", False))
    converted: list[Any] = []
    for idx, text in values.fillna("").items():
        row = int(idx) + 2
        if text in MISSING_TOKENS:
            if not nullable:
                raise DataError(
                    f"lege waarde niet toegestaan (verwacht {_TYPE_DESC.get(kind, kind)})",
                    file=file,
                    row=row,
                    column=col,
                )
            converted.append(None)
            continue
        converted.append(_convert(text, kind, spec, dialect, file, row, col))
    if kind == "aantal":
        return pd.array(converted, dtype="Int64")
    if kind in ("getal", "percentage"):
        return np.array([np.nan if v is None else v for v in converted], dtype="float64")
    return pd.array(converted, dtype="string")


def _check_key(df: pd.DataFrame, key: list[str], file: str) -> None:
    """Refuse duplicate keys, naming the rows (as a spreadsheet shows them) and the key."""
    if not key:
        return
    dup = df.duplicated(subset=key, keep=False)
    if dup.any():
        rows = [int(i) + 2 for i in df.index[dup]]
        first = df.loc[dup].iloc[0][key].tolist()
        raise DataError(
            f"dubbele sleutel {dict(zip(key, first, strict=True))} in rijen "
            f"{', '.join(map(str, rows[:10]))} (sleutel: {', '.join(key)})",
            file=file,
            row=rows[0],
        )


def _convert(
    text: str, kind: str, spec: dict[str, Any], dialect: str, file: str, row: int, col: str
) -> Any:
    def fail(what: str | None = None) -> DataError:
        return DataError(
            f"verwacht {what or _TYPE_DESC.get(kind, kind)}, gevonden '{text}'",
            file=file,
            row=row,
            column=col,
        )

    if kind in ("aantal", "getal", "percentage"):
        try:
            num = _parse_number(text, dialect)
        except ValueError:
            raise fail() from None
        if not np.isfinite(num):
            raise fail()
        if kind == "aantal":
            if num < 0 or num != int(num):
                raise fail()
            return int(num)
        if kind == "percentage" and not 0 <= num <= 100:
            raise fail()
        lo, hi = spec.get("min"), spec.get("max")
        if (lo is not None and num < lo) or (hi is not None and num > hi):
            raise fail(f"een getal tussen {lo} en {hi}")
        return num
    if kind == "regio":
        if not REGION_RE.match(text):
            raise fail()
        return text
    if kind == "periode":
        if not PERIOD_RE.match(text):
            raise fail()
        return text
    if kind == "datum":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise fail()
        return text
    if kind == "categorie":
        allowed = [str(a) for a in spec.get("allowed", [])]
        if allowed and text not in allowed:
            raise fail(f"een van: {', '.join(allowed)}")
        return text
    return text


def dataset_entry(name: str, folder: Path | None = None) -> dict[str, Any]:
    """The manifest entry of dataset ``name``.

    Raises
    ------
    DataError
        When the dataset is not in the manifest (lists the ones that are).
    """
    manifest = load_manifest(folder)
    if name not in manifest and schemas.is_optional(name):
        raise NotSupplied(name, file=_shown((folder or data_dir()) / "manifest.yml"))
    if name not in manifest:
        raise DataError(
            f"dataset '{name}' staat niet in het manifest (wel: {', '.join(sorted(manifest))})",
            file=_shown((folder or data_dir()) / "manifest.yml"),
        )
    return manifest[name]


class ManifestEntry(dict[str, Any]):
    """A dataset's manifest entry as a loaded frame carries it (``df.attrs["manifest"]``):
    read-only, so every frame derived from the loaded one shares it instead of copying it.

    pandas deep-copies ``attrs`` on every operation; copying the whole entry each time cost a
    tenth of a chapter's processor time. It is a dict (``json.dumps`` and ``entry.get`` work);
    changing it raises ``TypeError`` (make a copy with ``dict(entry)``).

    Examples
    --------
    >>> import copy
    >>> e = ManifestEntry({"file": "a.csv", "source": {"title": "T"}})
    >>> copy.deepcopy(e) is e, e["source"]["title"]
    (True, 'T')
    >>> e["file"] = "b.csv"
    Traceback (most recent call last):
    ...
    TypeError: een manifestregel van een geladen dataset is alleen-lezen (kopie: dict(regel))
    """

    def _read_only(self, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401
        raise TypeError(
            "een manifestregel van een geladen dataset is alleen-lezen (kopie: dict(regel))"
        )

    __setitem__ = __delitem__ = _read_only
    update = pop = popitem = setdefault = clear = _read_only  # type: ignore[assignment]

    def __ior__(self, other: object) -> ManifestEntry:  # type: ignore[override,misc]
        self._read_only()
        return self

    def __copy__(self) -> ManifestEntry:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> ManifestEntry:
        return self

    def __reduce__(self) -> tuple[type[ManifestEntry], tuple[dict[str, Any]]]:
        return ManifestEntry, (dict(self),)


def read_dataset(
    name: str, entry: dict[str, Any], folder: Path, *, check_hash: bool = True
) -> pd.DataFrame:
    """Read and validate one dataset described by its manifest ``entry`` (no recording)."""
    path = folder / entry["file"]
    shown = _shown(path)
    if not path.is_file() and entry.get("optioneel"):
        raise NotSupplied(name, file=shown)
    if not path.is_file():
        raise DataError(
            f"bestand van dataset '{name}' ontbreekt (zie data/manifest.yml)", file=shown
        )
    if path.stat().st_size == 0:
        raise DataError("het bestand is leeg", file=shown)
    digest = sha256_file(path)
    if check_hash and digest != entry["sha256"]:
        raise DataError(
            f"sha256 {digest[:12]}… wijkt af van het manifest ({str(entry['sha256'])[:12]}…): "
            "het bestand is gewijzigd zonder het manifest bij te werken. Controleer de "
            "wijziging en voer `wmo-rapport data manifest` uit",
            file=shown,
        )
    key = (shown, digest, json.dumps(entry["schema"], sort_keys=True, default=str))
    table = _READ.get(key)
    if table is None:
        raw, dialect = read_text_table(path)
        check_no_personal_data(raw, shown)
        table = validate(raw, entry["schema"], shown, dialect)
        if sha256_file(path) == digest:  # not replaced while it was read
            _READ[key] = table
    return table.copy(deep=True)


def load(
    name: str, *, folder: Path | None = None, regions: list[str] | None = None
) -> pd.DataFrame:
    """Load a validated, tidy dataset by its manifest name.

    Parameters
    ----------
    name
        Dataset name as in ``data/manifest.yml``, e.g. ``"bevolking_leeftijd"``.
    folder
        Data folder (default: the project's ``data/``).
    regions
        When given, region codes of municipalities (``GM…``) in the data must be among these
        (the params' municipality and comparison group); another code is an error.

    Returns
    -------
    DataFrame
        The validated data; ``df.attrs["dataset"]`` holds the name, ``df.attrs["manifest"]`` the
        entry (so charts and tables can cite their source) and ``df.attrs["herkomst"]`` its
        :class:`~analysis.core.provenance.Provenance`.

    Examples
    --------
    >>> bev = load("bevolking_leeftijd")  # doctest: +SKIP
    >>> bev.attrs["manifest"]["synthetic"]  # doctest: +SKIP
    True
    """
    folder = folder or data_dir()
    entry = dataset_entry(name, folder)
    df = read_dataset(name, entry, folder)
    if regions is not None and "gemeente_code" in df.columns:
        known = set(regions)
        for idx, code in df["gemeente_code"].items():
            if code and str(code).startswith("GM") and code not in known:
                raise DataError(
                    f"onbekende gemeentecode '{code}' (verwacht een van: {', '.join(regions)}; "
                    "voeg de gemeente toe aan params/ of verwijder de rij)",
                    file=_shown(folder / entry["file"]),
                    row=int(idx) + 2,
                    column="gemeente_code",
                )
    df.attrs["dataset"] = name
    df.attrs["manifest"] = ManifestEntry(copy.deepcopy(entry))
    df.attrs["herkomst"] = Provenance.dataset(name, bool(entry.get("synthetic")))
    _record(name, entry, folder)
    return df


def _record(name: str, entry: dict[str, Any], folder: Path) -> None:
    _LOADED[name] = entry
    prov = Provenance.dataset(name, bool(entry.get("synthetic")))
    _SESSION[name] = prov
    for tracker in _TRACKERS:
        tracker[name] = prov
    deps = os.environ.get("WMO_DEPS_FILE")
    if deps:
        with open(deps, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"dataset": name, "file": entry["file"]}) + "\n")


def loaded() -> dict[str, dict[str, Any]]:
    """Datasets loaded so far in this process, ``{name: manifest entry}``, in load order."""
    return dict(_LOADED)


def session_provenance() -> Provenance:
    """The union of the provenance of every dataset loaded since :func:`reset_session`.

    This is the fail-safe provenance of a published value that does not carry its own: it is
    synthetic as soon as anything loaded so far is (over-marking is safe, under-marking is not).

    Examples
    --------
    >>> reset_session(); session_provenance().is_synthetic
    False
    """
    return union(_SESSION.values())


def reset_session() -> None:
    """Forget what was loaded (a new chapter in a reused kernel starts from nothing)."""
    _SESSION.clear()
    _LOADED.clear()


@contextmanager
def tracking() -> Iterator[dict[str, Provenance]]:
    """Collect the datasets loaded inside the block, ``{name: provenance}``.

    Examples
    --------
    >>> with tracking() as used:
    ...     pass
    >>> used
    {}
    """
    used: dict[str, Provenance] = {}
    _TRACKERS.append(used)
    try:
        yield used
    finally:
        _TRACKERS.remove(used)


def dataset_provenance(name: str, folder: Path | None = None) -> Provenance:
    """The provenance of dataset ``name``: as loaded in this session, else from the manifest.

    Raises
    ------
    DataError
        When the dataset is not in the manifest.
    """
    if name in _SESSION:
        return _SESSION[name]
    entry = dataset_entry(name, folder or data_dir())
    return Provenance.dataset(name, bool(entry.get("synthetic")))


def provenance_of(df: pd.DataFrame | pd.Series) -> Provenance | None:
    """The provenance a loaded frame (or a column of it) carries, or ``None`` when unknown.

    Read from ``attrs["herkomst"]``, else from the manifest entry in ``attrs`` (older frames).

    Examples
    --------
    >>> provenance_of(pd.DataFrame()) is None
    True
    """
    p = df.attrs.get("herkomst")
    if isinstance(p, Provenance):
        return p
    entry, name = df.attrs.get("manifest"), df.attrs.get("dataset")
    if isinstance(entry, dict) and "synthetic" in entry and name:
        return Provenance.dataset(str(name), bool(entry["synthetic"]))
    return None


def up_to(df: pd.DataFrame, periode: str | int) -> pd.DataFrame:
    """Only the rows about ``periode`` or earlier (an edition never shows later data).

    A row stays when its period ends no later than the report period: for the 2024 edition
    ``2024H2`` and ``2024-12`` stay, ``2025`` and ``2025H1`` go; for the half-year edition ``2025H1``
    ``2025-06`` and ``2025Q2`` stay, ``2025H2`` and the whole year ``2025`` go. In a dataset that
    holds a stand on 1 January (schema ``peildatum: 1 januari``) the year ``2025`` is that day, so it
    stays in the half-year edition ``2025H1``. A dataset without a
    ``periode`` column is returned as is; so is one whose manifest entry says ``vooruitblik: true``
    (its periods are projections, e.g. a population prognosis). ``attrs`` (dataset name, manifest
    entry) are kept.

    Examples
    --------
    >>> d = pd.DataFrame({"periode": ["2023", "2024H2", "2025H1", "2025"], "waarde": [1, 2, 3, 4]})
    >>> up_to(d, 2024)["periode"].tolist()
    ['2023', '2024H2']
    >>> up_to(d, "2025H1")["periode"].tolist()
    ['2023', '2024H2', '2025H1']
    >>> d.attrs["manifest"] = {"vooruitblik": True}
    >>> len(up_to(d, 2024))
    4
    >>> b = pd.DataFrame({"periode": ["2025", "2026"]})
    >>> b.attrs["dataset"] = "bevolking_leeftijd"
    >>> up_to(b, "2026H1")["periode"].tolist(), up_to(b, "2025H2")["periode"].tolist()
    (['2025', '2026'], ['2025'])
    """
    if "periode" not in df.columns or (df.attrs.get("manifest") or {}).get("vooruitblik"):
        return df
    end = period_months(str(periode))[1]
    day = _on_1_january(df)
    ends = {p: _period_end(_as_data_period(p, day)) for p in df["periode"].astype(str).unique()}
    keep = df["periode"].astype(str).map(lambda p: ends[p] <= end)
    out = df[keep.to_numpy(dtype=bool)].reset_index(drop=True)
    out.attrs = dict(df.attrs)
    return out


def _on_1_january(df: pd.DataFrame) -> bool:
    """Whether ``df`` is a dataset whose years are the stand on 1 January (see ``schemas.yml``)."""
    name = df.attrs.get("dataset")
    return bool(name) and schemas.on_1_january(str(name))


def _as_data_period(code: str, on_1_january: bool) -> str:
    """A data period as the time it is about: in a dataset of stands on 1 January, the year
    ``2026`` is the month ``2026-01``.

    Examples
    --------
    >>> _as_data_period("2026", True), _as_data_period("2026", False), _as_data_period("2026H1", True)
    ('2026-01', '2026', '2026H1')
    """
    text = str(code).strip()
    return f"{text}-01" if on_1_january and len(text) == 4 and text.isdigit() else text


def _period_end(code: str) -> int:
    """Last month of a data period; a code outside :data:`PERIOD_RE` counts as its whole year."""
    try:
        return period_months(code)[1]
    except ValueError:
        return period_months(code[:4])[1] if code[:4].isdigit() else -1


def require_periods(
    df: pd.DataFrame, periods: list[str], *, column: str = "periode", what: str = ""
) -> None:
    """Raise a :class:`DataError` unless the data cover each of ``periods``; the message lists
    what is there.

    The one coverage check (chapters' ``ctx.load(..., periode_vereist=True)`` and
    ``wmo-rapport check`` use it): a period is covered when at least one data period lies inside
    it (:func:`analysis.core.codes.period_within`), so the year 2025 is covered by ``2025H1`` or
    ``2025-04`` too, the half-year ``2026H1`` by ``2026Q1``, not by the year ``2026``.

    Examples
    --------
    >>> require_periods(pd.DataFrame({"periode": ["2024H1", "2025-03"]}), ["2025"])
    >>> require_periods(pd.DataFrame({"periode": ["2023", "2024"]}), ["2025"])
    Traceback (most recent call last):
    ...
    analysis.core.errors.DataError: periode 2025 ontbreekt in de gegevens (aanwezig: 2023, 2024)
    >>> require_periods(pd.DataFrame({"periode": ["2026"]}), ["2026H1"])
    Traceback (most recent call last):
    ...
    analysis.core.errors.DataError: periode 2026H1 ontbreekt in de gegevens (aanwezig: 2026)

    A dataset of stands on 1 January covers the half-year by its year (1 January 2026 lies in
    ``2026H1``), and the year too:

    >>> d = pd.DataFrame({"periode": ["2026"]})
    >>> d.attrs["dataset"] = "bevolking_leeftijd"
    >>> require_periods(d, ["2026H1"]), require_periods(d, ["2026"])
    (None, None)
    """
    have = sorted(set(df[column].astype(str)))
    day = column == "periode" and _on_1_january(df)
    valid = [_as_data_period(h, day) for h in have if PERIOD_RE.match(h)]
    lacking = [str(p) for p in periods if not any(period_within(h, str(p)) for h in valid)]
    if lacking:
        name = df.attrs.get("dataset")
        file = df.attrs.get("manifest", {}).get("file")
        raise DataError(
            f"periode {', '.join(lacking)} ontbreekt in de gegevens{what} "
            f"(aanwezig: {', '.join(have)})",
            file=f"data/{file}" if file else (name or None),
        )


def check_all(folder: Path | None = None, regions: list[str] | None = None) -> list[DataError]:
    """Validate every dataset in the manifest; return all problems (empty list = all good)."""
    folder = folder or data_dir()
    problems: list[DataError] = []
    try:
        manifest = load_manifest(folder)
    except DataError as exc:
        return [exc]
    for name, entry in manifest.items():
        try:
            df = read_dataset(name, entry, folder)
            if regions is not None and "gemeente_code" in df.columns:
                bad = sorted(
                    {c for c in df["gemeente_code"].dropna() if c.startswith("GM")} - set(regions)
                )
                if bad:
                    problems.append(
                        DataError(
                            f"onbekende gemeentecode(s) {', '.join(bad)} "
                            f"(verwacht een van: {', '.join(regions)})",
                            file=_shown(folder / entry["file"]),
                            column="gemeente_code",
                        )
                    )
        except NotSupplied:
            continue  # an optional municipal dataset not supplied yet: the report says so
        except DataErrors as exc:
            problems.extend(exc.errors)
        except DataError as exc:
            problems.append(exc)
    return problems
