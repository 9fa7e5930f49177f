"""Download one CBS series and turn its rows into tidy rows (no files are written).

How a table is read (``<base url>/<table>/…``):

1. ``TableInfos``: the table exists (an empty list means an unknown table);
2. ``DataProperties``: the column keys, found by title (:mod:`~analysis.data.sources.cbs.layout`);
3. one request per dimension for the category keys, and ``Perioden`` for the periods and their
   status (``Voorlopig``, ``Nader voorlopig``);
4. ``TypedDataSet`` filtered on the server (``startswith(RegioS,'GM0397')``,
   ``substringof('JJ',Perioden)``, ``Geslacht eq 'T001038'``), following ``odata.nextLink`` pages.

A ``null`` in the typed data set is a CBS ``.``: written as an empty ``waarde`` with the status of
:data:`~analysis.data.sources.cbs.status.UNKNOWN`, never as 0.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from analysis.core.errors import FetchError
from analysis.core.io import format_cell
from analysis.data.sources.cbs.client import Client
from analysis.data.sources.cbs.layout import Layout, category_keys, find_layout
from analysis.data.sources.cbs.periods import normalise_period, period_kind
from analysis.data.sources.cbs.registry import Series
from analysis.data.sources.cbs.status import period_status, value_status
from analysis.data.sources.cbs.text import quote_literal

Row = dict[str, str]


@dataclass(frozen=True)
class TableMeta:
    """What the metadata endpoints say about one table, for one series.

    ``categories`` holds per dimension ``{raw key: CBS title}`` of the wanted categories;
    ``periods`` maps a period key to its ``(title, status)``; ``years`` are the years requested
    (empty: all).
    """

    info: Mapping[str, Any]
    layout: Layout
    categories: tuple[dict[str, str], ...]
    periods: Mapping[str, tuple[str, str]]
    years: tuple[str, ...]


def read_meta(client: Client, series: Series) -> TableMeta:
    """Table info, column keys, category keys and periods of a series' table."""
    tid = series.table_id
    infos = client.get_all(tid, "TableInfos")
    if not infos:
        raise FetchError(
            f"tabel {tid} is onbekend bij CBS (TableInfos is leeg). Controleer het tabelnummer "
            "in de CBS-catalogus."
        )
    layout = find_layout(series, client.get_all(tid, "DataProperties"))
    categories = tuple(
        category_keys(tid, d, client.get_all(tid, key))
        for d, key in zip(series.dimensions, layout.dim_keys, strict=True)
    )
    periods = _periods(client, tid, layout.time_key)
    return TableMeta(infos[0], layout, categories, periods, _years(series, periods))


def _periods(client: Client, tid: str, time_key: str) -> dict[str, tuple[str, str]]:
    periods: dict[str, tuple[str, str]] = {}
    for p in client.get_all(tid, time_key):
        if not isinstance(p.get("Key"), str):
            raise FetchError(
                f"onverwacht antwoord van CBS voor tabel {tid} ({time_key}): een periode heeft "
                "geen 'Key'"
            )
        periods[p["Key"].strip()] = (str(p.get("Title") or ""), str(p.get("Status") or ""))
    return periods


def _years(series: Series, periods: Mapping[str, tuple[str, str]]) -> tuple[str, ...]:
    if series.first_year is None:
        return ()
    years = sorted({k[:4] for k in periods if k[:4].isdigit() and int(k[:4]) >= series.first_year})
    if not years:
        raise FetchError(
            f"tabel {series.table_id} heeft geen perioden vanaf {series.first_year} "
            f"(gevonden: {', '.join(sorted(periods)) or 'geen'})"
        )
    return tuple(years)


def build_filter(series: Series, meta: TableMeta, regions: Sequence[str]) -> str:
    """The ``$filter`` of the data request: regions, period kinds and years, categories.

    Examples
    --------
    >>> from analysis.data.sources.cbs.registry import Measure
    >>> s = Series("x", "12345NED", "t", "d", (Measure("M", "m", "e"),), first_year=2024)
    >>> meta = TableMeta({}, Layout("RegioS", "Perioden", ("M_1",), ()), (), {}, ("2024",))
    >>> build_filter(s, meta, ["GM0397"])
    "(startswith(RegioS,'GM0397')) and (substringof('JJ',Perioden)) and (startswith(Perioden,'2024'))"
    """
    geo, time = meta.layout.geo_key, meta.layout.time_key
    parts = [
        " or ".join(f"startswith({geo},'{r}')" for r in regions),
        " or ".join(f"substringof('{t}',{time})" for t in series.period_types),
    ]
    if meta.years:
        parts.append(" or ".join(f"startswith({time},'{y}')" for y in meta.years))
    for key, cats in zip(meta.layout.dim_keys, meta.categories, strict=True):
        parts.append(" or ".join(f"{key} eq {quote_literal(k)}" for k in cats))
    return " and ".join(f"({p})" for p in parts)


def tidy_rows(
    series: Series, meta: TableMeta, records: Sequence[Mapping[str, Any]], regions: Sequence[str]
) -> list[Row]:
    """The tidy rows of the data records: wanted regions, periods and categories, sorted.

    Rows are sorted by the requested region order, years before half-years, period, measure and
    the registry's category order.
    """
    region_order = {r: i for i, r in enumerate(regions)}
    keyed: list[tuple[tuple[Any, ...], Row]] = []
    for rec in records:
        keyed += _record_rows(series, meta, rec, region_order)
    keyed.sort(key=lambda r: r[0])
    return [row for _, row in keyed]


def _check_record(series: Series, layout: Layout, rec: Mapping[str, Any]) -> None:
    needed = [layout.geo_key, layout.time_key, *layout.dim_keys, *layout.measure_keys]
    missing = [k for k in needed if k not in rec]
    if missing:
        raise FetchError(
            f"onverwacht antwoord van CBS voor tabel {series.table_id} (TypedDataSet): een rij "
            f"mist kolom(men) {', '.join(missing)}"
        )


def _record_rows(
    series: Series, meta: TableMeta, rec: Mapping[str, Any], region_order: Mapping[str, int]
) -> list[tuple[tuple[Any, ...], Row]]:
    """The tidy rows of one data record (one per measure), with their sort keys."""
    layout = meta.layout
    _check_record(series, layout, rec)
    region = str(rec[layout.geo_key]).strip()
    pkey = str(rec[layout.time_key]).strip()
    if region not in region_order or period_kind(pkey) not in series.period_types:
        return []
    if meta.years and pkey[:4] not in meta.years:
        return []
    picked = []  # (dimension, CBS title, position in the registry)
    for dim, key, cmap in zip(series.dimensions, layout.dim_keys, meta.categories, strict=True):
        if rec[key] not in cmap:
            return []  # a category we did not ask for
        picked.append((dim, cmap[rec[key]], list(cmap).index(rec[key])))
    ptitle, pstatus = meta.periods.get(pkey, ("", ""))
    base_status = period_status(pstatus, ptitle)
    base: Row = {"gemeente_code": region, "periode": normalise_period(pkey)}
    out = []
    for mi, (m, mkey) in enumerate(zip(series.measures, layout.measure_keys, strict=True)):
        value = _number(series, mkey, rec[mkey])
        row = dict(base)
        if series.has_indicator:
            row["indicator"] = m.indicator
        row.update({d.column: d.label(title) for d, title, _ in picked if d.column})
        row["waarde"] = format_cell(value)
        row["eenheid"] = m.eenheid
        row["status"] = value_status(value, base_status)
        order = (region_order[region], period_kind(pkey) != "JJ", pkey, mi)
        out.append(((*order, *(i for _, _, i in picked)), row))
    return out


def _number(series: Series, key: str, value: Any) -> float | int | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
        raise FetchError(
            f"onverwacht antwoord van CBS voor tabel {series.table_id} (TypedDataSet): kolom "
            f"{key} bevat {value!r}, verwacht een getal of null"
        )
    return value


def download_series(
    client: Client, series: Series, regions: Sequence[str]
) -> tuple[list[Row], Mapping[str, Any]]:
    """Download one series and convert it to tidy rows (no files are written).

    Parameters
    ----------
    client
        The :class:`~analysis.data.sources.cbs.client.Client` (address, time-out, retries).
    series
        An entry of the registry.
    regions
        CBS region codes, e.g. ``["GM0397", "NL01"]``; rows follow this order.

    Returns
    -------
    rows, table_info
        Tidy rows (``{column: text}``, in :attr:`Series.columns` order) and the table's
        ``TableInfos`` record.

    Raises
    ------
    FetchError
        Network, HTTP, unknown table, changed column or unexpected JSON.

    Examples
    --------
    >>> from analysis.data.sources.cbs.registry import load_registry
    >>> client = Client("https://opendata.cbs.nl/ODataFeed/odata")
    >>> rows, info = download_series(client, load_registry().series["wmo_clienten"],
    ...                              ["GM0397"])  # doctest: +SKIP
    >>> rows[0]["periode"], rows[0]["status"]  # doctest: +SKIP
    ('2023', 'definitief')
    """
    meta = read_meta(client, series)
    flt = build_filter(series, meta, regions)
    records = client.get_all(series.table_id, "TypedDataSet", {"$filter": flt}, pages=True)
    rows = tidy_rows(series, meta, records, regions)
    if not rows:
        raise FetchError(
            f"tabel {series.table_id} gaf geen gegevens voor regio('s) {', '.join(regions)}. "
            "Controleer de regiocodes; niet elke gemeente levert aan elke CBS-tabel."
        )
    return rows, meta.info
