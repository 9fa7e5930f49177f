"""The CBS series registry: which CBS tables are fetched, and how (``data/bronnen/cbs_reeksen.yml``).

The registry is a data file, not code: table ids, the titles of topics, dimensions and categories
as CBS publishes them, the Wmo type titles, and which report dataset is made from which series.
:func:`load_registry` reads and checks it into the dataclasses below; an error names the file and
the field.

Examples
--------
>>> reg = load_registry()
>>> reg.series["wmo_clienten"].table_id, reg.series["wmo_clienten"].period_types
('86050NED', ('JJ', 'HJ'))
>>> reg.report_datasets["wmo_clienten"].series
('wmo_clienten', 'wmo_clienten_leeftijd')
>>> reg.series["wmo_clienten"].dimensions[0].categories[:2]  # the named list 'wmo_types'
('Totaal', 'Totaal exclusief verblijf en opvang')
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from analysis.config import schemas
from analysis.core.errors import DataError
from analysis.core.paths import data_dir
from analysis.data.sources.cbs.periods import PERIOD_KINDS

REGISTRY_FILE = Path("bronnen") / "cbs_reeksen.yml"
"""Place of the registry inside the data folder."""

VALUE_TYPES = ("aantal", "getal")
_TABLE_ID_RE = re.compile(r"^[0-9]{5}[A-Za-z]{3}$")
_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Measure:
    """A CBS topic (measure) to keep, found in ``DataProperties`` by its title.

    Parameters
    ----------
    title
        The CBS title, e.g. ``"Wmo-cliënten"``. Matched case- and space-insensitively against
        ``Title`` or ``"Title (Unit)"``; if nothing matches exactly, a *unique* topic whose title
        starts with it is accepted.
    indicator
        Value of the tidy ``indicator`` column (written when a series has more than one measure).
    eenheid
        Value of the tidy ``eenheid`` column.
    """

    title: str
    indicator: str
    eenheid: str


@dataclass(frozen=True)
class Dimension:
    """A CBS dimension to filter on (and usually to write as a column).

    Parameters
    ----------
    title
        The dimension's CBS title in ``DataProperties``, e.g. ``"Geslacht"``.
    categories
        CBS titles of the categories to keep, in output order.
    column
        Tidy column name; ``None`` filters on the categories without writing a column (use it for
        a dimension fixed to one category, such as ``Totaal burgerlijke staat``).
    labels
        Optional ``{CBS title: value written}``; by default the CBS title is written.
    """

    title: str
    categories: tuple[str, ...]
    column: str | None
    labels: Mapping[str, str] = field(default_factory=dict)

    def label(self, title: str) -> str:
        """Value written for a category title.

        Examples
        --------
        >>> Dimension("Geslacht", ("Mannen",), "geslacht", {"Mannen": "mannen"}).label("Mannen")
        'mannen'
        """
        return self.labels.get(title, title)


@dataclass(frozen=True)
class Series:
    """One dataset fetched from one CBS table (an entry under ``series`` in the registry).

    Parameters
    ----------
    name
        Series name; the manifest entry is ``cbs_<name>``.
    table_id
        CBS table identifier, e.g. ``"86050NED"``.
    title, description
        Written to the manifest.
    measures
        Topics to keep.
    dimensions
        Dimensions besides region and period.
    period_types
        CBS period kinds to keep: ``JJ`` year, ``HJ`` half-year, ``KW`` quarter, ``MM`` month.
    first_year
        When set, only periods from this year on are requested.
    value_type
        Manifest type of ``waarde``: ``aantal`` (whole counts) or ``getal``.
    """

    name: str
    table_id: str
    title: str
    description: str
    measures: tuple[Measure, ...]
    dimensions: tuple[Dimension, ...] = ()
    period_types: tuple[str, ...] = ("JJ",)
    first_year: int | None = None
    value_type: str = "aantal"

    @property
    def has_indicator(self) -> bool:
        """Whether the tidy file has an ``indicator`` column (more than one measure)."""
        return len(self.measures) > 1

    @property
    def columns(self) -> list[str]:
        """Tidy columns, in file order."""
        cols = ["gemeente_code", "periode"]
        if self.has_indicator:
            cols.append("indicator")
        cols += [d.column for d in self.dimensions if d.column]
        return cols + ["waarde", "eenheid", "status"]

    def schema(self) -> dict[str, Any]:
        """The manifest ``schema`` of the tidy file (see ``data/README.md``)."""
        columns: dict[str, Any] = {
            "gemeente_code": {"type": "regio"},
            "periode": {"type": "periode"},
        }
        if self.has_indicator:
            columns["indicator"] = _categorie(m.indicator for m in self.measures)
        for d in self.dimensions:
            if d.column:
                columns[d.column] = _categorie(d.label(c) for c in d.categories)
        waarde: dict[str, Any] = {"type": self.value_type, "nullable": True}
        if self.value_type == "getal":
            waarde["min"] = 0
        columns["waarde"] = waarde
        columns["eenheid"] = _categorie(dict.fromkeys(m.eenheid for m in self.measures))
        columns["status"] = _categorie(schemas.vocabulary("cbs_status"))
        key = [c for c in self.columns if c not in ("waarde", "eenheid", "status")]
        return {"key": key, "columns": columns}


def _categorie(values: Any) -> dict[str, Any]:
    return {"type": "categorie", "allowed": list(values)}


@dataclass(frozen=True)
class ReportSource:
    """Which series a report dataset is made from (an entry under ``report_datasets``)."""

    name: str
    series: tuple[str, ...]
    title: str
    description: str
    vooruitblik: bool = False


@dataclass(frozen=True)
class Registry:
    """The whole registry: provenance, named category lists, series and report datasets."""

    path: Path
    source: Mapping[str, Any]
    lists: Mapping[str, tuple[str, ...]]
    series: Mapping[str, Series]
    report_datasets: Mapping[str, ReportSource]

    @property
    def base_url(self) -> str:
        """The OData root the series are fetched from."""
        return str(self.source["url"])

    @property
    def licence(self) -> str:
        """Licence of the fetched tables."""
        return str(self.source["licence"])

    def names(self) -> list[str]:
        """Every name ``--reeks`` accepts: series and report datasets, sorted."""
        return sorted(set(self.series) | set(self.report_datasets))


def registry_path(folder: str | os.PathLike[str] | None = None) -> Path:
    """Path of the registry in ``folder`` (default: the project's data folder)."""
    return Path(folder or data_dir()) / REGISTRY_FILE


def load_registry(path: str | os.PathLike[str] | None = None) -> Registry:
    """Read and check the CBS series registry.

    Parameters
    ----------
    path
        The YAML file; default ``data/bronnen/cbs_reeksen.yml`` of the project.

    Raises
    ------
    DataError
        The file is missing or not YAML, or a field is missing, unknown or wrong; the message
        names the file and the field (``series.wmo_clienten.measures[0].title``).

    Examples
    --------
    >>> load_registry().series["bevolking_leeftijd"].dimensions[0].label("Mannen")
    'mannen'
    """
    return _load(Path(path) if path is not None else registry_path())


@functools.lru_cache(maxsize=8)
def _load_cached(path: Path, mtime_ns: int) -> Registry:
    return _parse(path, _read(path))


def _load(path: Path) -> Registry:
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        raise DataError("het register van CBS-reeksen ontbreekt", file=str(path)) from exc
    return _load_cached(path, mtime)


def _read(path: Path) -> dict[str, Any]:
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"kan het register niet lezen: {exc}", file=str(path)) from exc
    return _mapping(
        doc, "", path, required=("source", "series", "report_datasets"), optional=("lists",)
    )


def _parse(path: Path, doc: dict[str, Any]) -> Registry:
    source = _mapping(
        doc["source"],
        "source",
        path,
        required=("organisation", "url", "licence"),
        optional=("title", "retrieved"),
    )
    lists = {
        name: _strings(values, f"lists.{name}", path)
        for name, values in _mapping(doc.get("lists") or {}, "lists", path, extra=True).items()
    }
    series = {
        name: _series(name, spec, lists, path)
        for name, spec in _mapping(doc["series"], "series", path, extra=True).items()
    }
    reports = {
        name: _report(name, spec, series, path)
        for name, spec in _mapping(
            doc["report_datasets"], "report_datasets", path, extra=True
        ).items()
    }
    if not series:
        raise _error(path, "series", "het register noemt geen enkele reeks")
    return Registry(path, source, lists, series, reports)


def _series(name: str, spec: Any, lists: Mapping[str, tuple[str, ...]], path: Path) -> Series:
    where = f"series.{name}"
    _name(name, where, path)
    spec = _mapping(
        spec,
        where,
        path,
        required=("table_id", "title", "description", "measures"),
        optional=("dimensions", "period_types", "first_year", "value_type"),
    )
    table_id = _text(spec["table_id"], f"{where}.table_id", path)
    if not _TABLE_ID_RE.match(table_id):
        raise _error(path, f"{where}.table_id", f"geen CBS-tabelnummer: {table_id!r}")
    measures = tuple(
        _measure(m, f"{where}.measures[{i}]", path)
        for i, m in enumerate(_list(spec["measures"], f"{where}.measures", path))
    )
    indicators = [m.indicator for m in measures]
    if not measures or len(set(indicators)) != len(indicators):
        raise _error(path, f"{where}.measures", "verwacht onderwerpen met elk een eigen indicator")
    dims = tuple(
        _dimension(d, f"{where}.dimensions[{i}]", lists, path)
        for i, d in enumerate(_list(spec.get("dimensions") or [], f"{where}.dimensions", path))
    )
    kinds = _strings(spec.get("period_types") or ["JJ"], f"{where}.period_types", path)
    bad = [k for k in kinds if k not in PERIOD_KINDS]
    if bad:
        raise _error(
            path,
            f"{where}.period_types",
            f"onbekend(e) soort(en) {bad}; kies uit {', '.join(PERIOD_KINDS)}",
        )
    first = spec.get("first_year")
    if first is not None and (isinstance(first, bool) or not isinstance(first, int)):
        raise _error(
            path, f"{where}.first_year", f"verwacht een jaartal of null, gevonden {first!r}"
        )
    value_type = spec.get("value_type") or "aantal"
    if value_type not in VALUE_TYPES:
        raise _error(path, f"{where}.value_type", f"kies uit {', '.join(VALUE_TYPES)}")
    return Series(
        name,
        table_id,
        _text(spec["title"], f"{where}.title", path),
        _text(spec["description"], f"{where}.description", path),
        measures,
        dims,
        kinds,
        first,
        value_type,
    )


def _measure(spec: Any, where: str, path: Path) -> Measure:
    spec = _mapping(spec, where, path, required=("title", "indicator", "eenheid"))
    indicator = _text(spec["indicator"], f"{where}.indicator", path)
    _name(indicator, f"{where}.indicator", path)
    return Measure(
        _text(spec["title"], f"{where}.title", path),
        indicator,
        _text(spec["eenheid"], f"{where}.eenheid", path),
    )


def _dimension(
    spec: Any, where: str, lists: Mapping[str, tuple[str, ...]], path: Path
) -> Dimension:
    spec = _mapping(
        spec, where, path, required=("title", "column", "categories"), optional=("labels",)
    )
    cats = spec["categories"]
    if isinstance(cats, str):
        if cats not in lists:
            raise _error(
                path,
                f"{where}.categories",
                f"onbekende lijst '{cats}'; bekend: {', '.join(sorted(lists))}",
            )
        categories = lists[cats]
    else:
        categories = _strings(cats, f"{where}.categories", path)
    if not categories or len(set(categories)) != len(categories):
        raise _error(path, f"{where}.categories", "verwacht een lijst verschillende categorieën")
    column = spec["column"]
    if column is not None:
        _name(_text(column, f"{where}.column", path), f"{where}.column", path)
    labels = _mapping(spec.get("labels") or {}, f"{where}.labels", path, extra=True)
    strange = [t for t in labels if t not in categories]
    if strange:
        raise _error(path, f"{where}.labels", f"label(s) voor onbekende categorie(ën) {strange}")
    labels = {k: _text(v, f"{where}.labels.{k}", path) for k, v in labels.items()}
    return Dimension(_text(spec["title"], f"{where}.title", path), categories, column, labels)


def _report(name: str, spec: Any, series: Mapping[str, Series], path: Path) -> ReportSource:
    where = f"report_datasets.{name}"
    _name(name, where, path)
    spec = _mapping(
        spec, where, path, required=("series", "title", "description"), optional=("vooruitblik",)
    )
    names = _strings(spec["series"], f"{where}.series", path)
    unknown = [s for s in names if s not in series]
    if unknown or not names:
        raise _error(
            path,
            f"{where}.series",
            f"onbekende reeks(en) {unknown or '(geen)'}; bekend: {', '.join(series)}",
        )
    vooruitblik = spec.get("vooruitblik", False)
    if not isinstance(vooruitblik, bool):
        raise _error(path, f"{where}.vooruitblik", "verwacht true of false")
    return ReportSource(
        name,
        names,
        _text(spec["title"], f"{where}.title", path),
        _text(spec["description"], f"{where}.description", path),
        vooruitblik,
    )


# ------------------------------------------------------------------------------------------
# Small checkers: each returns the value or raises a DataError naming the field
# ------------------------------------------------------------------------------------------
def _error(path: Path, where: str, message: str) -> DataError:
    return DataError(f"veld '{where}': {message}" if where else message, file=str(path))


def _mapping(
    value: Any,
    where: str,
    path: Path,
    *,
    required: tuple[str, ...] = (),
    optional: tuple[str, ...] = (),
    extra: bool = False,
) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _error(path, where, f"verwacht een YAML-mapping, gevonden {type(value).__name__}")
    missing = [k for k in required if k not in value]
    if missing:
        raise _error(path, where, f"ontbrekend(e) veld(en): {', '.join(missing)}")
    unknown = [str(k) for k in value if k not in required and k not in optional]
    if unknown and not extra:
        allowed = ", ".join((*required, *optional))
        raise _error(path, where, f"onbekend(e) veld(en): {', '.join(unknown)} (bekend: {allowed})")
    return {str(k): v for k, v in value.items()}


def _list(value: Any, where: str, path: Path) -> list[Any]:
    if not isinstance(value, list):
        raise _error(path, where, f"verwacht een lijst, gevonden {type(value).__name__}")
    return value


def _text(value: Any, where: str, path: Path) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _error(path, where, f"verwacht tekst, gevonden {value!r}")
    return value.strip()


def _strings(value: Any, where: str, path: Path) -> tuple[str, ...]:
    return tuple(_text(v, f"{where}[{i}]", path) for i, v in enumerate(_list(value, where, path)))


def _name(name: str, where: str, path: Path) -> None:
    if not _NAME_RE.match(name):
        raise _error(path, where, f"'{name}' is geen geldige naam (kleine letters, cijfers, _)")
