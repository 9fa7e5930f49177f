"""A CBS table's structure: find column keys and category keys by their published titles.

CBS adds table-specific suffixes to topic keys (``WmoClienten_5``) and renumbers them between
table versions, so the registry names titles and this module looks the keys up in
``DataProperties`` and the dimension endpoints. A title that is gone stops the fetch with the
titles CBS does have.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from analysis.core.errors import FetchError
from analysis.data.sources.cbs.registry import REGISTRY_FILE, Dimension, Series
from analysis.data.sources.cbs.text import norm

_DIMENSION_TYPES = ("Dimension", "GeoDimension", "TimeDimension")


@dataclass(frozen=True)
class Layout:
    """The keys of one table's columns: region, period, the registry's dimensions and topics."""

    geo_key: str
    time_key: str
    measure_keys: tuple[str, ...]
    dim_keys: tuple[str, ...]


def changed(table_id: str, what: str, wanted: str, found: Iterable[str]) -> FetchError:
    """The error for a title the registry names but the table no longer has."""
    found = [f for f in found if f]
    return FetchError(
        f"tabel {table_id} is gewijzigd: {what} '{wanted}' niet gevonden. "
        f"Gevonden: {', '.join(repr(f) for f in found) or '(niets)'}. "
        f"Pas de reeks aan in data/{REGISTRY_FILE.as_posix()}."
    )


def match_title(
    items: Sequence[dict[str, Any]], wanted: str, *, with_unit: bool = False
) -> list[dict[str, Any]]:
    """Items whose title is ``wanted`` (or ``"title (unit)"``); else those starting with it.

    Examples
    --------
    >>> items = [{"Title": "Meerpersoonshuishouden"}, {"Title": "Meerpersoonshuishouden zonder kinderen"}]
    >>> [i["Title"] for i in match_title(items, "meerpersoonshuishouden")]
    ['Meerpersoonshuishouden']
    >>> len(match_title(items, "Meerpersoons"))
    2
    """
    w = norm(wanted)
    exact = [
        it
        for it in items
        if norm(it.get("Title", "")) == w
        or (with_unit and norm(f"{it.get('Title', '')} ({it.get('Unit', '')})") == w)
    ]
    if exact:
        return exact
    return [it for it in items if norm(it.get("Title", "")).startswith(w)]


def find_one(
    table_id: str,
    items: Sequence[dict[str, Any]],
    wanted: str,
    what: str,
    *,
    with_unit: bool = False,
) -> dict[str, Any]:
    """The one item with title ``wanted``; a missing or ambiguous title raises FetchError."""
    hits = match_title(items, wanted, with_unit=with_unit)
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise changed(table_id, what, wanted, [str(it.get("Title", "")) for it in items])
    raise FetchError(
        f"tabel {table_id}: {what} '{wanted}' is niet eenduidig; het past bij "
        f"{', '.join(repr(h.get('Title')) for h in hits)}. Geef de volledige titel op in "
        f"data/{REGISTRY_FILE.as_posix()}."
    )


def _key_of(table_id: str, prop: dict[str, Any], what: str) -> str:
    key = prop.get("Key")
    if not isinstance(key, str) or not key:
        raise FetchError(
            f"onverwacht antwoord van CBS voor tabel {table_id} (DataProperties): {what} "
            f"'{prop.get('Title')}' heeft geen 'Key'"
        )
    return key


def _typed(props: Sequence[dict[str, Any]], kind: str, fallback_key: str) -> list[dict[str, Any]]:
    """Dimensions of one type; a table without the type field falls back to the usual key."""
    dims = [p for p in props if p.get("Type") in _DIMENSION_TYPES]
    return [p for p in dims if p.get("Type") == kind] or [
        p for p in dims if p.get("Key") == fallback_key
    ]


def find_layout(series: Series, props: list[dict[str, Any]]) -> Layout:
    """The keys of a series' columns in a table's ``DataProperties``.

    The region and period columns are found by their type (``GeoDimension``,
    ``TimeDimension``), the other dimensions and the topics by their titles.
    """
    tid = series.table_id
    geo = _typed(props, "GeoDimension", "RegioS")
    time = _typed(props, "TimeDimension", "Perioden")
    dims = [p for p in props if p.get("Type") in _DIMENSION_TYPES]
    dim_titles = [f"{p.get('Title')} ({p.get('Type')})" for p in dims]
    if len(geo) != 1:
        raise changed(tid, "regiodimensie (GeoDimension)", "Regio's", dim_titles)
    if len(time) != 1:
        raise changed(tid, "periodedimensie (TimeDimension)", "Perioden", dim_titles)
    plain = [p for p in dims if p.get("Type") == "Dimension"]
    topics = [p for p in props if p.get("Type") == "Topic"]
    return Layout(
        geo_key=_key_of(tid, geo[0], "regiodimensie"),
        time_key=_key_of(tid, time[0], "periodedimensie"),
        measure_keys=tuple(
            _key_of(tid, find_one(tid, topics, m.title, "onderwerp", with_unit=True), "onderwerp")
            for m in series.measures
        ),
        dim_keys=tuple(
            _key_of(tid, find_one(tid, plain, d.title, "dimensie"), "dimensie")
            for d in series.dimensions
        ),
    )


def category_keys(table_id: str, dim: Dimension, members: list[dict[str, Any]]) -> dict[str, str]:
    """``{raw CBS key: CBS title}`` of the wanted categories, in the registry's order."""
    by_title: dict[str, dict[str, Any]] = {}
    for m in members:
        if not isinstance(m.get("Key"), str):
            raise FetchError(
                f"onverwacht antwoord van CBS voor tabel {table_id} (dimensie '{dim.title}'): "
                "een categorie heeft geen 'Key'"
            )
        by_title.setdefault(norm(m.get("Title", "")), m)
    out: dict[str, str] = {}
    for cat in dim.categories:
        m = by_title.get(norm(cat))
        if m is None:
            raise changed(
                table_id,
                f"categorie van dimensie '{dim.title}'",
                cat,
                [str(x.get("Title", "")) for x in members],
            )
        out[m["Key"]] = cat
    return out
