"""Fetch public CBS StatLine tables (OData v3) into tidy snapshot files under ``data/``.

This is the optional *refresh* step of the pipeline: the report itself never goes online. A
fetch downloads the series named in :data:`SERIES` and writes each as CBS delivers it (its
categories, one ``waarde`` row per measure) to a **new** snapshot ``data/cbs_<series>_<yyyymmdd>.csv``
with manifest entry ``cbs_<series>``. :mod:`analysis.data.sources.cbs.convert` then converts those tables into the
report's datasets (``bevolking_leeftijd``, ``wmo_clienten``, …: the layout the chapters read),
written as ``data/<dataset>_<yyyymmdd>.csv``; their manifest entries replace the synthetic
stand-ins. Older snapshots stay where they are (raw data is immutable).

The fetch is all-or-nothing: everything is downloaded and converted in a temporary folder
first; only when every requested series succeeded are the files moved into ``data/`` and the
manifest saved. On any error a :class:`~analysis.core.errors.FetchError` with a Dutch message is
raised and ``data/`` is left byte-for-byte unchanged.

How a table is read (``https://opendata.cbs.nl/ODataFeed/odata/<table>/``):

1. ``TableInfos``: the table exists (an empty list means an unknown table);
2. ``DataProperties``: finds the column keys by their *title*, because CBS adds table-specific
   numeric suffixes (``WmoClienten_5``). The region and period columns are found by their type
   (``GeoDimension``, ``TimeDimension``);
3. one request per dimension (``Geslacht``, ``Perioden``, …) for the category keys and titles
   and the period status (``Voorlopig``, ``Nader voorlopig``);
4. ``TypedDataSet`` filtered on the server (``startswith(RegioS,'GM0397')``,
   ``substringof('JJ',Perioden)``, ``Geslacht eq 'T001038'``), following ``odata.nextLink`` pages.

Status: a value of ``null`` in the typed data set is a CBS ``.`` (unknown, unreliable or secret):
it is written as an **empty** ``waarde`` with ``status = geheim``, never as 0. Other rows carry the
period's status: ``definitief``, ``voorlopig`` (``*``) or ``nader voorlopig`` (``**``).

Command line
------------
Another module wires :func:`add_fetch_arguments` and :func:`run_fetch` into the CLI::

    wmo-rapport data fetch --regio GM0397 --regio GM0392 --regio NL01
    wmo-rapport data fetch --regio GM0397 --regio NL01 --reeks wmo_clienten --reeks wmo_uitgaven
    wmo-rapport data fetch --params params/2025.yml          # regions from the params file

Without ``--regio`` the regions are ``gemeente.code`` plus every ``code`` under ``vergelijking`` of
the params file (``--params``, or ``params/<periode>.yml`` when the parser has a ``periode``).

Examples
--------
>>> normalise_period("2024HJ01")
'2024H1'
>>> sorted(SERIES)[:3]
['bevolking_leeftijd', 'bevolkingsprognose', 'huishoudens']
>>> from pathlib import Path
>>> fetch(["wmo_clienten"], ["GM0397", "NL01"], Path("data"))  # doctest: +SKIP
['wmo_clienten']
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import tempfile
import urllib.request
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import quote, urlencode

import yaml

from analysis.config.manifest import load_manifest, manifest_path, save_manifest, sha256_file
from analysis.core.codes import REGION_RE
from analysis.core.errors import FetchError
from analysis.core.io import write_csv

DEFAULT_BASE_URL = "https://opendata.cbs.nl/ODataFeed/odata"
"""Bulk feed: no 10 000-row cap, paged with ``odata.nextLink`` (what ``cbsodata`` uses)."""

LICENCE = "CC BY 4.0"
STATUSES = ("definitief", "voorlopig", "nader voorlopig", "geheim")
_PERIOD_RE = re.compile(r"^(\d{4})(JJ|HJ|KW|MM)(\d{2})$")
_MAX_PAGES = 1000

Transport = Callable[[str, float], bytes]
"""``transport(url, timeout) -> body``; raises ``urllib.error.URLError``/``HTTPError`` or
``TimeoutError`` like :func:`urllib.request.urlopen` does."""


# --------------------------------------------------------------------------------------------
# Registry
# --------------------------------------------------------------------------------------------
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
        """Value written for a category title."""
        return self.labels.get(title, title)


@dataclass(frozen=True)
class Series:
    """One dataset fetched from one CBS table.

    Parameters
    ----------
    name
        Dataset name in the manifest (and start of the snapshot file name).
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
            columns["indicator"] = {
                "type": "categorie",
                "allowed": [m.indicator for m in self.measures],
            }
        for d in self.dimensions:
            if d.column:
                columns[d.column] = {
                    "type": "categorie",
                    "allowed": [d.label(c) for c in d.categories],
                }
        waarde: dict[str, Any] = {"type": self.value_type, "nullable": True}
        if self.value_type == "getal":
            waarde["min"] = 0
        columns["waarde"] = waarde
        columns["eenheid"] = {
            "type": "categorie",
            "allowed": list(dict.fromkeys(m.eenheid for m in self.measures)),
        }
        columns["status"] = {"type": "categorie", "allowed": list(STATUSES)}
        key = [c for c in self.columns if c not in ("waarde", "eenheid", "status")]
        return {"key": key, "columns": columns}


WMO_TYPES = (  # CBS 'Type maatwerkvoorziening' titles, also the report's type labels
    "Totaal",
    "Totaal exclusief verblijf en opvang",
    "Hulp bij het huishouden",
    "Ondersteuning thuis, totaal",
    "Hulpmiddelen en diensten, totaal",
    "Verblijf en opvang, totaal",
)
_GESLACHT = Dimension(
    "Geslacht",
    ("Totaal mannen en vrouwen", "Mannen", "Vrouwen"),
    "geslacht",
    labels={"Totaal mannen en vrouwen": "totaal", "Mannen": "mannen", "Vrouwen": "vrouwen"},
)
_FIVE_YEAR_AGES = tuple(f"{a} tot {a + 5} jaar" for a in range(0, 95, 5)) + ("95 jaar of ouder",)

SERIES: dict[str, Series] = {
    s.name: s
    for s in (
        Series(
            name="bevolking_leeftijd",
            table_id="03759ned",
            title="Bevolking naar leeftijdsgroep en geslacht, 1 januari",
            description="Bevolking op 1 januari per vijfjaarsleeftijdsgroep en geslacht "
            "(CBS StatLine 03759ned).",
            measures=(Measure("Bevolking op 1 januari", "bevolking", "personen"),),
            dimensions=(
                _GESLACHT,
                Dimension("Leeftijd", ("Totaal leeftijd", *_FIVE_YEAR_AGES), "leeftijd"),
                Dimension("Burgerlijke staat", ("Totaal burgerlijke staat",), None),
            ),
            first_year=2015,
        ),
        Series(
            name="huishoudens",
            table_id="71486ned",
            title="Particuliere huishoudens naar samenstelling, 1 januari",
            description="Particuliere huishoudens naar samenstelling en leeftijd van de "
            "referentiepersoon op 1 januari (CBS StatLine 71486ned).",
            measures=(
                Measure("Totaal particuliere huishoudens", "huishoudens_totaal", "huishoudens"),
                Measure("Eenpersoonshuishouden", "eenpersoonshuishoudens", "huishoudens"),
            ),
            dimensions=(
                Dimension(
                    "Leeftijd referentiepersoon",
                    ("Totaal", *_FIVE_YEAR_AGES[13:]),  # 65 tot 70 jaar … 95 jaar of ouder
                    "leeftijd_referentiepersoon",
                ),
            ),
            first_year=2015,
        ),
        Series(
            name="wmo_clienten",
            table_id="86050NED",
            title="Wmo-cliënten per type maatwerkvoorziening",
            description="Personen met een Wmo-maatwerkvoorziening per type, per jaar en "
            "halfjaar, aantal en per 1 000 inwoners (CBS StatLine 86050NED, GMSD, "
            "verbeterde methode).",
            measures=(
                Measure("Wmo-cliënten", "wmo_clienten", "personen"),
                Measure(
                    "Wmo-cliënten per 1 000 inwoners",
                    "wmo_clienten_per_1000",
                    "per 1 000 inwoners",
                ),
            ),
            dimensions=(Dimension("Type maatwerkvoorziening", WMO_TYPES, "type_voorziening"),),
            period_types=("JJ", "HJ"),
            value_type="getal",
        ),
        Series(
            name="wmo_clienten_leeftijd",
            table_id="85896NED",
            title="Wmo-cliënten per type maatwerkvoorziening en leeftijd",
            description="Personen met een Wmo-maatwerkvoorziening per type en leeftijdsgroep, "
            "aantal en per 1 000 inwoners van die leeftijd (CBS StatLine 85896NED).",
            measures=(
                Measure("Wmo-cliënten", "wmo_clienten", "personen"),
                Measure(
                    "Wmo-cliënten per 1 000 inwoners",
                    "wmo_clienten_per_1000",
                    "per 1 000 inwoners",
                ),
            ),
            dimensions=(
                Dimension("Geslacht", ("Totaal mannen en vrouwen",), None),
                Dimension(
                    "Leeftijd",
                    (
                        "Totaal",
                        "0 tot 18 jaar",
                        "18 tot 65 jaar",
                        "65 tot 75 jaar",
                        "75 tot 85 jaar",
                        "85 jaar of ouder",
                    ),
                    "leeftijd",
                ),
                Dimension("Type maatwerkvoorziening", WMO_TYPES[:5], "type_voorziening"),
            ),
            period_types=("JJ", "HJ"),
            value_type="getal",
        ),
        Series(
            name="wmo_uitgaven",
            table_id="84580NED",
            title="Gemeentelijke uitgaven Wmo-maatwerkvoorzieningen",
            description="Begrote en gerealiseerde uitgaven aan Wmo-maatwerkvoorzieningen per "
            "type, excl. uitvoeringskosten (CBS StatLine 84580NED).",
            measures=(
                Measure("Begrote uitgaven", "begroot", "1 000 euro"),
                Measure(
                    "Begrote uitgaven per 1000 inwoners",
                    "begroot_per_1000",
                    "1 000 euro per 1 000 inwoners",
                ),
                Measure("Gerealiseerde uitgaven", "gerealiseerd", "1 000 euro"),
                Measure(
                    "Gerealiseerde uitgaven per 1000 inwoners",
                    "gerealiseerd_per_1000",
                    "1 000 euro per 1 000 inwoners",
                ),
            ),
            dimensions=(
                Dimension(
                    "Type maatwerkvoorziening",
                    (
                        "Totaal",
                        "Totaal exclusief verblijf en opvang",
                        "Ondersteuning thuis, totaal",
                        "Hulp bij het huishouden",
                        "Verblijf en opvang, totaal",
                        "Hulpmiddelen en diensten, totaal",
                    ),
                    "type_voorziening",
                ),
            ),
            value_type="getal",
        ),
        Series(
            name="woningvoorraad",
            table_id="82900NED",
            title="Woningvoorraad naar eigendom, 1 januari",
            description="Voorraad woningen naar eigendom en type verhuurder op 1 januari "
            "(CBS StatLine 82900NED).",
            measures=(
                Measure("Totale woningvoorraad", "totaal", "woningen"),
                Measure("Koopwoningen", "koop", "woningen"),
                Measure("Eigendom woningcorporatie", "corporatie", "woningen"),
                Measure("Eigendom overige verhuurders", "overige_verhuur", "woningen"),
            ),
            dimensions=(Dimension("Status van bewoning", ("Totaal",), None),),
            first_year=2015,
        ),
        Series(
            name="bevolkingsprognose",
            table_id="85173NED",
            title="Regionale bevolkingsprognose 2023-2050 met 67%-interval",
            description="PBL/CBS regionale prognose van de bevolking naar leeftijd, met onder- en "
            "bovengrens van het 67%-prognose-interval, in duizenden (CBS StatLine 85173NED).",
            measures=(Measure("Totale bevolking", "bevolking", "1 000 personen"),),
            dimensions=(
                Dimension(
                    "Prognose(-interval)",
                    (
                        "Prognose",
                        "Ondergrens 67%-prognose-interval",
                        "Bovengrens 67%-prognose-interval",
                    ),
                    "variant",
                    labels={
                        "Prognose": "prognose",
                        "Ondergrens 67%-prognose-interval": "ondergrens",
                        "Bovengrens 67%-prognose-interval": "bovengrens",
                    },
                ),
                Dimension(
                    "Leeftijd",
                    (
                        "Totaal",
                        "0 tot 20 jaar",
                        "20 tot 65 jaar",
                        "65 tot 75 jaar",
                        "75 tot 85 jaar",
                        "85 jaar of ouder",
                    ),
                    "leeftijd",
                ),
            ),
            value_type="getal",
        ),
    )
}
"""The series the report needs, by dataset name. Titles are matched against ``DataProperties`` and
the dimension endpoints at fetch time; a changed title stops the fetch with a clear error."""


# --------------------------------------------------------------------------------------------
# Small pure helpers
# --------------------------------------------------------------------------------------------
def normalise_period(key: str) -> str:
    """Convert a CBS period key to the ``periode`` format of ``data/README.md``.

    Parameters
    ----------
    key
        A CBS key such as ``2024JJ00`` (year), ``2024HJ01`` (half-year), ``2024KW03`` (quarter)
        or ``2024MM03`` (month); surrounding spaces are ignored.

    Returns
    -------
    str
        ``2024``, ``2024H1``, ``2024Q3`` or ``2024-03``.

    Raises
    ------
    FetchError
        For any other code (e.g. school years ``2024SJ00``).

    Examples
    --------
    >>> [normalise_period(k) for k in ["2024JJ00", "2024HJ02", "2024KW03", "2024MM03"]]
    ['2024', '2024H2', '2024Q3', '2024-03']
    """
    m = _PERIOD_RE.match(key.strip())
    if m:
        year, kind, n = m.group(1), m.group(2), int(m.group(3))
        if kind == "JJ" and n == 0:
            return year
        if kind == "HJ" and n in (1, 2):
            return f"{year}H{n}"
        if kind == "KW" and 1 <= n <= 4:
            return f"{year}Q{n}"
        if kind == "MM" and 1 <= n <= 12:
            return f"{year}-{n:02d}"
    raise FetchError(
        f"onbekende CBS-periodecode '{key.strip()}' (verwacht bijvoorbeeld 2024JJ00, 2024HJ01, "
        "2024KW03 of 2024MM03)"
    )


def period_status(status: str | None, title: str = "") -> str:
    """Tidy status of a CBS period from its ``Status`` field (or the ``*`` in its title).

    Examples
    --------
    >>> period_status("Voorlopig"), period_status("Nader voorlopig"), period_status(None, "2024**")
    ('voorlopig', 'nader voorlopig', 'nader voorlopig')
    >>> period_status("Definitief", "2023")
    'definitief'
    """
    s = _norm(status or "")
    if s == "nader voorlopig":
        return "nader voorlopig"
    if s == "voorlopig":
        return "voorlopig"
    if not s:
        t = title.strip()
        if t.endswith("**"):
            return "nader voorlopig"
        if t.endswith("*"):
            return "voorlopig"
    return "definitief"


def format_value(value: float | int) -> str:
    """Write a number as the tidy CSV does: whole numbers without decimals, ``.`` as separator.

    Examples
    --------
    >>> format_value(1284680.0), format_value(72), format_value(28.45)
    ('1284680', '72', '28.45')
    """
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def _norm(text: str) -> str:
    return " ".join(str(text).replace("\u00a0", " ").split()).casefold()


def _quote_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# --------------------------------------------------------------------------------------------
# HTTP
# --------------------------------------------------------------------------------------------
def urllib_transport(url: str, timeout: float) -> bytes:
    """Default transport: a GET with :func:`urllib.request.urlopen`, JSON accepted."""
    req = urllib.request.Request(
        url, headers={"Accept": "application/json", "User-Agent": "wmo-analysis (cbs.py)"}
    )
    with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - fixed https host
        return resp.read()


def _http_error_detail(exc: HTTPError) -> str:
    try:
        body = exc.read().decode("utf-8", "replace")
        msg = json.loads(body)["odata.error"]["message"]["value"]
        return f": {msg}"
    except Exception:  # noqa: BLE001 - the detail is optional
        return f": {exc.reason}" if exc.reason else ""


class _Client:
    """Downloads JSON from the CBS OData v3 API and turns every failure into a FetchError."""

    def __init__(self, base_url: str, timeout: float, transport: Transport) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.transport = transport

    def url(self, table_id: str, resource: str, params: Mapping[str, str] | None = None) -> str:
        query = {"$format": "json", **(params or {})}
        return f"{self.base_url}/{table_id}/{resource}?" + urlencode(
            query, quote_via=quote, safe="$,"
        )

    def get(self, url: str, table_id: str, resource: str) -> dict[str, Any]:
        where = f"tabel {table_id} ({resource})"
        try:
            body = self.transport(url, self.timeout)
        except HTTPError as exc:
            if exc.code == 404 and resource == "TableInfos":
                raise FetchError(
                    f"tabel {table_id} is onbekend bij CBS (HTTP 404). Controleer het "
                    "tabelnummer in de CBS-catalogus; misschien is de tabel stopgezet en "
                    "vervangen door een nieuwe."
                ) from exc
            raise FetchError(
                f"CBS gaf HTTP-fout {exc.code} voor {where}{_http_error_detail(exc)}. "
                "Probeer het later opnieuw."
            ) from exc
        except TimeoutError as exc:
            raise self._timeout(where) from exc
        except URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise self._timeout(where) from exc
            raise FetchError(
                f"geen verbinding met CBS ({self.base_url}) voor {where}: {exc.reason}. "
                "Controleer de internetverbinding of proxy."
            ) from exc
        except OSError as exc:
            raise FetchError(f"netwerkfout bij het ophalen van {where}: {exc}") from exc
        try:
            doc = json.loads(body.decode("utf-8-sig") if isinstance(body, bytes) else body)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise FetchError(
                f"onverwacht antwoord van CBS voor {where}: geen geldige JSON ({exc})"
            ) from exc
        if not isinstance(doc, dict) or not isinstance(doc.get("value"), list):
            raise FetchError(
                f"onverwacht antwoord van CBS voor {where}: verwacht een JSON-object met een "
                f"lijst 'value', gevonden {_describe(doc)}"
            )
        if not all(isinstance(v, dict) for v in doc["value"]):
            raise FetchError(
                f"onverwacht antwoord van CBS voor {where}: 'value' bevat iets anders dan objecten"
            )
        return doc

    def _timeout(self, where: str) -> FetchError:
        return FetchError(
            f"CBS reageerde niet binnen {self.timeout:g} seconden voor {where}. "
            "Probeer het later opnieuw of verhoog de time-out."
        )

    def get_all(
        self, table_id: str, resource: str, params: Mapping[str, str] | None = None
    ) -> list[dict[str, Any]]:
        """All rows of a resource, following ``odata.nextLink`` pages."""
        url: str | None = self.url(table_id, resource, params)
        rows: list[dict[str, Any]] = []
        seen: set[str] = set()
        while url:
            if url in seen or len(seen) >= _MAX_PAGES:
                raise FetchError(
                    f"onverwacht antwoord van CBS voor tabel {table_id} ({resource}): de "
                    "vervolgpagina's (odata.nextLink) blijven terugverwijzen"
                )
            seen.add(url)
            doc = self.get(url, table_id, resource)
            rows.extend(doc["value"])
            nxt = doc.get("odata.nextLink")
            if nxt is not None and not isinstance(nxt, str):
                raise FetchError(
                    f"onverwacht antwoord van CBS voor tabel {table_id} ({resource}): "
                    f"'odata.nextLink' is geen adres ({nxt!r})"
                )
            if nxt and "$format=" not in nxt:
                nxt += ("&" if "?" in nxt else "?") + "$format=json"
            url = nxt
        return rows


def _describe(doc: Any) -> str:
    if isinstance(doc, dict):
        return "sleutels " + ", ".join(map(repr, list(doc)[:8])) if doc else "een leeg object"
    return type(doc).__name__


# --------------------------------------------------------------------------------------------
# Table structure: find keys by titles
# --------------------------------------------------------------------------------------------
def _changed(table_id: str, what: str, wanted: str, found: Iterable[str]) -> FetchError:
    found = [f for f in found if f]
    return FetchError(
        f"tabel {table_id} is gewijzigd: {what} '{wanted}' niet gevonden. "
        f"Gevonden: {', '.join(repr(f) for f in found) or '(niets)'}. "
        "Pas de reeks aan in analysis/cbs.py (SERIES)."
    )


def _match_title(
    items: Sequence[dict[str, Any]], wanted: str, *, with_unit: bool = False
) -> list[dict[str, Any]]:
    w = _norm(wanted)
    exact = [
        it
        for it in items
        if _norm(it.get("Title", "")) == w
        or (with_unit and _norm(f"{it.get('Title', '')} ({it.get('Unit', '')})") == w)
    ]
    if exact:
        return exact
    return [it for it in items if _norm(it.get("Title", "")).startswith(w)]


def _find_one(
    table_id: str, items: Sequence[dict[str, Any]], wanted: str, what: str, *, with_unit=False
) -> dict[str, Any]:
    hits = _match_title(items, wanted, with_unit=with_unit)
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise _changed(table_id, what, wanted, [str(it.get("Title", "")) for it in items])
    raise FetchError(
        f"tabel {table_id}: {what} '{wanted}' is niet eenduidig; het past bij "
        f"{', '.join(repr(h.get('Title')) for h in hits)}. Geef de volledige titel op in "
        "analysis/cbs.py (SERIES)."
    )


def _key_of(table_id: str, prop: dict[str, Any], what: str) -> str:
    key = prop.get("Key")
    if not isinstance(key, str) or not key:
        raise FetchError(
            f"onverwacht antwoord van CBS voor tabel {table_id} (DataProperties): {what} "
            f"'{prop.get('Title')}' heeft geen 'Key'"
        )
    return key


@dataclass
class _Layout:
    geo_key: str
    time_key: str
    measure_keys: list[str]
    dim_keys: list[str]


def _layout(series: Series, props: list[dict[str, Any]]) -> _Layout:
    tid = series.table_id
    dims = [p for p in props if p.get("Type") in ("Dimension", "GeoDimension", "TimeDimension")]
    topics = [p for p in props if p.get("Type") == "Topic"]
    geo = [p for p in dims if p.get("Type") == "GeoDimension"] or [
        p for p in dims if p.get("Key") == "RegioS"
    ]
    time = [p for p in dims if p.get("Type") == "TimeDimension"] or [
        p for p in dims if p.get("Key") == "Perioden"
    ]
    dim_titles = [f"{p.get('Title')} ({p.get('Type')})" for p in dims]
    if len(geo) != 1:
        raise _changed(tid, "regiodimensie (GeoDimension)", "Regio's", dim_titles)
    if len(time) != 1:
        raise _changed(tid, "periodedimensie (TimeDimension)", "Perioden", dim_titles)
    plain = [p for p in dims if p.get("Type") == "Dimension"]
    dim_keys = [
        _key_of(tid, _find_one(tid, plain, d.title, "dimensie"), "dimensie")
        for d in series.dimensions
    ]
    measure_keys = [
        _key_of(tid, _find_one(tid, topics, m.title, "onderwerp", with_unit=True), "onderwerp")
        for m in series.measures
    ]
    return _Layout(
        geo_key=_key_of(tid, geo[0], "regiodimensie"),
        time_key=_key_of(tid, time[0], "periodedimensie"),
        measure_keys=measure_keys,
        dim_keys=dim_keys,
    )


def _category_keys(table_id: str, dim: Dimension, members: list[dict[str, Any]]) -> dict[str, str]:
    """``{raw CBS key: CBS title}`` of the wanted categories, in the registry's order."""
    by_title: dict[str, dict[str, Any]] = {}
    for m in members:
        if not isinstance(m.get("Key"), str):
            raise FetchError(
                f"onverwacht antwoord van CBS voor tabel {table_id} (dimensie '{dim.title}'): "
                "een categorie heeft geen 'Key'"
            )
        by_title.setdefault(_norm(m.get("Title", "")), m)
    out: dict[str, str] = {}
    for cat in dim.categories:
        m = by_title.get(_norm(cat))
        if m is None:
            raise _changed(
                table_id,
                f"categorie van dimensie '{dim.title}'",
                cat,
                [str(x.get("Title", "")) for x in members],
            )
        out[m["Key"]] = cat
    return out


# --------------------------------------------------------------------------------------------
# Download and convert one series
# --------------------------------------------------------------------------------------------
def _build_filter(
    layout: _Layout,
    series: Series,
    regions: Sequence[str],
    dim_maps: Sequence[dict[str, str]],
    years: Sequence[str],
) -> str:
    parts = [
        "(" + " or ".join(f"startswith({layout.geo_key},'{r}')" for r in regions) + ")",
        "("
        + " or ".join(f"substringof('{t}',{layout.time_key})" for t in series.period_types)
        + ")",
    ]
    if years:
        parts.append("(" + " or ".join(f"startswith({layout.time_key},'{y}')" for y in years) + ")")
    for key, cats in zip(layout.dim_keys, dim_maps, strict=True):
        parts.append("(" + " or ".join(f"{key} eq {_quote_literal(k)}" for k in cats) + ")")
    return " and ".join(parts)


def download_series(
    series: Series,
    regions: Sequence[str],
    *,
    base_url: str = DEFAULT_BASE_URL,
    timeout: float = 30,
    opener: Transport | None = None,
) -> tuple[list[dict[str, str]], dict[str, Any]]:
    """Download one series and convert it to tidy rows (no files are written).

    Parameters
    ----------
    series
        An entry of :data:`SERIES`.
    regions
        CBS region codes, e.g. ``["GM0397", "NL01"]``.
    base_url, timeout, opener
        As in :func:`fetch`.

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
    >>> rows, info = download_series(SERIES["wmo_clienten"], ["GM0397"])  # doctest: +SKIP
    >>> rows[0]["periode"], rows[0]["status"]  # doctest: +SKIP
    ('2023', 'definitief')
    """
    client = _Client(base_url, timeout, opener or urllib_transport)
    tid = series.table_id
    infos = client.get_all(tid, "TableInfos")
    if not infos:
        raise FetchError(
            f"tabel {tid} is onbekend bij CBS (TableInfos is leeg). Controleer het tabelnummer "
            "in de CBS-catalogus."
        )
    layout = _layout(series, client.get_all(tid, "DataProperties"))
    dim_maps = [
        _category_keys(tid, d, client.get_all(tid, key))
        for d, key in zip(series.dimensions, layout.dim_keys, strict=True)
    ]
    periods: dict[str, tuple[str, str]] = {}
    for p in client.get_all(tid, layout.time_key):
        if not isinstance(p.get("Key"), str):
            raise FetchError(
                f"onverwacht antwoord van CBS voor tabel {tid} ({layout.time_key}): een periode "
                "heeft geen 'Key'"
            )
        periods[p["Key"].strip()] = (str(p.get("Title") or ""), str(p.get("Status") or ""))
    years: list[str] = []
    if series.first_year is not None:
        years = sorted(
            {k[:4] for k in periods if k[:4].isdigit() and int(k[:4]) >= series.first_year}
        )
        if not years:
            raise FetchError(
                f"tabel {tid} heeft geen perioden vanaf {series.first_year} "
                f"(gevonden: {', '.join(sorted(periods)) or 'geen'})"
            )
    flt = _build_filter(layout, series, regions, dim_maps, years)
    data = client.get_all(tid, "TypedDataSet", {"$filter": flt})

    region_order = {r: i for i, r in enumerate(regions)}
    rows: list[tuple[tuple[Any, ...], dict[str, str]]] = []
    for rec in data:
        needed = [layout.geo_key, layout.time_key, *layout.dim_keys, *layout.measure_keys]
        missing = [k for k in needed if k not in rec]
        if missing:
            raise FetchError(
                f"onverwacht antwoord van CBS voor tabel {tid} (TypedDataSet): een rij mist "
                f"kolom(men) {', '.join(missing)}"
            )
        region = str(rec[layout.geo_key]).strip()
        pkey = str(rec[layout.time_key]).strip()
        if region not in region_order or pkey[4:6] not in series.period_types:
            continue
        if years and pkey[:4] not in years:
            continue
        picked = [
            (dim, cmap.get(rec[key]), list(cmap).index(rec[key]) if rec[key] in cmap else -1)
            for dim, key, cmap in zip(series.dimensions, layout.dim_keys, dim_maps, strict=True)
        ]
        if any(title is None for _, title, _ in picked):
            continue  # a category we did not ask for
        ptitle, pstatus = periods.get(pkey, ("", ""))
        base_status = period_status(pstatus, ptitle)
        periode = normalise_period(pkey)
        for mi, (m, mkey) in enumerate(zip(series.measures, layout.measure_keys, strict=True)):
            value = rec[mkey]
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int | float)
            ):
                raise FetchError(
                    f"onverwacht antwoord van CBS voor tabel {tid} (TypedDataSet): "
                    f"kolom {mkey} bevat {value!r}, verwacht een getal of null"
                )
            row = {"gemeente_code": region, "periode": periode}
            if series.has_indicator:
                row["indicator"] = m.indicator
            for dim, title, _ in picked:
                if dim.column:
                    row[dim.column] = dim.label(title)
            row["waarde"] = "" if value is None else format_value(value)
            row["eenheid"] = m.eenheid
            row["status"] = "geheim" if value is None else base_status
            order = [i for _, _, i in picked]
            sort_key = (region_order[region], pkey[4:6] != "JJ", pkey, mi, *order)
            rows.append((sort_key, row))
    if not rows:
        raise FetchError(
            f"tabel {tid} gaf geen gegevens voor regio('s) {', '.join(regions)}. Controleer de "
            "regiocodes; niet elke gemeente levert aan elke CBS-tabel."
        )
    rows.sort(key=lambda r: r[0])
    return [r for _, r in rows], infos[0]


# --------------------------------------------------------------------------------------------
# Write snapshots and the manifest, atomically
# --------------------------------------------------------------------------------------------
def _snapshot_name(name: str, day: dt.date, folder: Path) -> str:
    stem = f"{name}_{day:%Y%m%d}"
    candidate, n = f"{stem}.csv", 1
    while (folder / candidate).exists():
        n += 1
        candidate = f"{stem}_{n}.csv"
    return candidate


def manifest_entry(
    series: Series,
    file: str,
    sha256: str,
    retrieved: dt.date,
    base_url: str = DEFAULT_BASE_URL,
    table_info: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The manifest entry for a fetched snapshot (format: ``data/README.md``).

    Examples
    --------
    >>> e = manifest_entry(SERIES["wmo_uitgaven"], "wmo_uitgaven_20261101.csv", "ab12",
    ...                    dt.date(2026, 11, 1))
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
        "source": {
            "organisation": "CBS",
            "url": f"{base_url.rstrip('/')}/{series.table_id}/",
            "table_id": series.table_id,
            "document": None,
        },
        "licence": LICENCE,
        "retrieved": dt.date(retrieved.year, retrieved.month, retrieved.day),  # no YAML alias
        "synthetic": False,
        "calibrated_to": None,
        "supplier": "publiek",
        "sha256": sha256,
        "schema": series.schema(),
    }


RAW_PREFIX = "cbs_"
"""Manifest names of the fetched tables as CBS delivers them: ``cbs_<series>``."""


def _check_request(
    series_names: Sequence[str] | None, regions: Sequence[str], expand: bool = True
) -> list[Series]:
    """The series to download for the requested names.

    With ``expand`` a report dataset name (:data:`analysis.data.sources.cbs.convert.REPORT_DATASETS`) stands for
    every CBS series it is made from; without it, names are series names.
    """
    from analysis.data.sources.cbs.convert import REPORT_DATASETS

    names = list(series_names) if series_names else list(SERIES)
    unknown = [n for n in names if n not in SERIES and n not in REPORT_DATASETS]
    if unknown:
        choices = sorted(set(SERIES) | set(REPORT_DATASETS))
        raise FetchError(
            f"onbekende reeks(en): {', '.join(unknown)}. Kies uit: {', '.join(choices)}"
        )
    if not regions:
        raise FetchError("geen regio's opgegeven (bijvoorbeeld --regio GM0397 --regio NL01)")
    bad = [r for r in regions if not REGION_RE.match(r)]
    if bad:
        raise FetchError(
            f"ongeldige regiocode(s): {', '.join(map(repr, bad))} (verwacht bijvoorbeeld "
            "GM0397, NL01, PV27)"
        )
    wanted: list[str] = []
    for n in names:
        if n not in SERIES and not expand:
            raise FetchError(f"'{n}' is geen CBS-reeks. Kies uit: {', '.join(sorted(SERIES))}")
        wanted += list(REPORT_DATASETS[n].series) if expand and n in REPORT_DATASETS else [n]
    return [SERIES[n] for n in dict.fromkeys(wanted)]


def report_entry(
    name: str,
    file: str,
    sha256: str,
    retrieved: dt.date,
    raw_entries: Sequence[tuple[str, Series, Mapping[str, Any]]],
    previous: Mapping[str, Any] | None = None,
    base_url: str = DEFAULT_BASE_URL,
) -> dict[str, Any]:
    """The manifest entry of a report dataset made from fetched CBS tables.

    ``raw_entries`` are ``(manifest name, series, TableInfos record)`` of the tables it is made
    from; ``previous`` is the entry it replaces (its ``periode_vereist`` and ``privacy`` are
    kept: they are the report's requirements, not properties of the source).

    Examples
    --------
    >>> e = report_entry("woningvoorraad", "woningvoorraad_20261101.csv", "ab", dt.date(2026, 11, 1),
    ...     [("cbs_woningvoorraad", SERIES["woningvoorraad"], {"Modified": "2025-08-01T02:00:00"})],
    ...     {"synthetic": True, "periode_vereist": True})
    >>> e["synthetic"], e["source"]["table_id"], e["afgeleid_van"], e["periode_vereist"]
    (False, '82900NED', ['cbs_woningvoorraad'], True)
    """
    from analysis.data.sources.cbs.convert import REPORT_DATASETS

    spec = REPORT_DATASETS[name]
    tables = [s.table_id for _, s, _ in raw_entries]
    modified = [
        f"{s.table_id} {str(info.get('Modified') or '')[:10]}"
        for _, s, info in raw_entries
        if info.get("Modified")
    ]
    description = spec.description
    if modified:
        description += f" CBS-tabel laatst gewijzigd: {'; '.join(modified)}."
    description += (
        " Gemaakt door `wmo-rapport data fetch` uit "
        + ", ".join(n for n, _, _ in raw_entries)
        + " (analysis.data.sources.cbs.convert)."
    )
    entry: dict[str, Any] = {
        "file": file,
        "title": spec.title,
        "description": description,
        "source": {
            "organisation": "CBS",
            "url": f"{base_url.rstrip('/')}/{tables[0]}/",
            "table_id": ", ".join(tables),
            "document": None,
        },
        "licence": LICENCE,
        "retrieved": dt.date(retrieved.year, retrieved.month, retrieved.day),
        "synthetic": False,
        "calibrated_to": None,
        "supplier": "publiek",
        "sha256": sha256,
        "afgeleid_van": [n for n, _, _ in raw_entries],
        "schema": spec.schema,
    }
    for key in ("periode_vereist", "privacy"):
        if previous and key in previous:
            entry[key] = previous[key]
    if spec.vooruitblik:
        entry["vooruitblik"] = True
    return entry


def _make_reports(
    staged: Sequence[tuple[Series, Path, dict[str, Any]]], tmp: Path
) -> list[tuple[str, Path]]:
    """Convert the staged CBS tables into every report dataset whose series are all there."""
    from analysis.core.errors import DataError
    from analysis.data.datasets import read_dataset
    from analysis.data.sources.cbs.convert import REPORT_DATASETS, convert, read_raw, text_rows

    by_name = {s.name: path for s, path, _ in staged}
    out: list[tuple[str, Path]] = []
    for name, spec in REPORT_DATASETS.items():
        if not all(s in by_name for s in spec.series):
            continue
        frame = convert(name, {s: read_raw(by_name[s]) for s in spec.series})
        path = tmp / f"rapport-{name}.csv"
        columns = list(spec.schema["columns"])
        write_csv(path, columns, text_rows(frame, columns))
        try:
            read_dataset(name, {"file": path.name, "schema": spec.schema}, tmp, check_hash=False)
        except DataError as exc:
            raise FetchError(
                f"{name}: de omgezette CBS-gegevens kloppen niet met het schema: {exc}"
            ) from exc
        out.append((name, path))
    return out


def fetch(
    series_names: Sequence[str] | None,
    regions: Sequence[str],
    data_dir: str | os.PathLike[str],
    *,
    base_url: str = DEFAULT_BASE_URL,
    timeout: float = 30,
    opener: Transport | None = None,
    today: dt.date | None = None,
    rapport: bool = True,
) -> list[str]:
    """Download CBS series, write new snapshots and report datasets, update the manifest.

    All or nothing: every table is downloaded and converted in a temporary folder first.

    Parameters
    ----------
    series_names
        Names from :data:`SERIES`; ``None`` or empty means all.
    regions
        CBS region codes, e.g. ``["GM0397", "GM0392", "NL01"]``; rows keep this order.
    data_dir
        The data folder holding ``manifest.yml`` (created when absent).
    base_url
        OData root, default the CBS bulk feed ``https://opendata.cbs.nl/ODataFeed/odata``.
    timeout
        Seconds per request.
    opener
        Transport ``(url, timeout) -> bytes``; default :func:`urllib_transport`. Tests pass one
        that serves recorded responses.
    today
        Retrieval date for file names and the manifest (default: today).
    rapport
        Also make the report datasets (:mod:`analysis.data.sources.cbs.convert`) whose CBS series were all
        fetched in this run (default). ``False`` writes only the CBS tables as delivered.

    Returns
    -------
    list of str
        The manifest names written: first the CBS tables (``cbs_<series>``), then the report
        datasets made from them.

    Raises
    ------
    FetchError
        Nothing in ``data_dir`` has changed when this is raised.

    Examples
    --------
    >>> fetch(["wmo_clienten"], ["GM0397", "NL01"], "data")  # doctest: +SKIP
    ['cbs_wmo_clienten', 'cbs_wmo_clienten_leeftijd', 'wmo_clienten']
    """
    folder = Path(data_dir)
    todo = _check_request(series_names, regions, expand=rapport)
    regions = list(dict.fromkeys(regions))
    day = today or dt.date.today()
    if not folder.is_dir():
        raise FetchError(f"de datamap {folder} bestaat niet")
    # Read the manifest before downloading: a broken manifest should not cost a download.
    manifest = load_manifest(folder) if manifest_path(folder).is_file() else {}

    staged: list[tuple[Series, Path, dict[str, Any]]] = []
    with tempfile.TemporaryDirectory(prefix="wmo-cbs-") as tmp:
        for series in todo:
            rows, info = download_series(
                series, regions, base_url=base_url, timeout=timeout, opener=opener
            )
            path = Path(tmp) / f"{series.name}.csv"
            write_csv(path, series.columns, rows)
            staged.append((series, path, info))
        reports = _make_reports(staged, Path(tmp)) if rapport else []

        # Everything downloaded and converted: move into data/ and save the manifest.
        placed: list[Path] = []
        written: list[str] = []
        try:
            raw_names: dict[str, tuple[str, Series, dict[str, Any]]] = {}
            for series, path, info in staged:
                entry_name = RAW_PREFIX + series.name
                final = _place(path, _snapshot_name(entry_name, day, folder), folder, placed)
                manifest[entry_name] = manifest_entry(
                    series, final.name, sha256_file(final), day, base_url, info
                )
                raw_names[series.name] = (entry_name, series, info)
                written.append(entry_name)
            from analysis.data.sources.cbs.convert import REPORT_DATASETS

            for name, path in reports:
                final = _place(path, _snapshot_name(name, day, folder), folder, placed)
                manifest[name] = report_entry(
                    name,
                    final.name,
                    sha256_file(final),
                    day,
                    [raw_names[s] for s in REPORT_DATASETS[name].series],
                    manifest.get(name),
                    base_url,
                )
                written.append(name)
            save_manifest(manifest, folder)
        except OSError as exc:
            for p in placed:
                p.unlink(missing_ok=True)
            for p in folder.glob(".*.part"):
                p.unlink(missing_ok=True)
            raise FetchError(
                f"kon de nieuwe bestanden niet in {folder} zetten: {exc}; er is niets gewijzigd"
            ) from exc
    return written


def _place(path: Path, name: str, folder: Path, placed: list[Path]) -> Path:
    final = folder / name
    part = folder / f".{name}.part"
    shutil.copyfile(path, part)
    os.replace(part, final)
    placed.append(final)
    return final


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------
def regions_from_params(path: str | os.PathLike[str]) -> list[str]:
    """Region codes of a params file: ``gemeente.code`` and every ``code`` under ``vergelijking``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "2025.yml"
    >>> _ = p.write_text("gemeente: {code: GM0397}\\nvergelijking:\\n  gemeenten: "
    ...     "[{code: GM0392}]\\n  land: {code: NL01}\\n", encoding="utf-8")
    >>> regions_from_params(p)
    ['GM0397', 'GM0392', 'NL01']
    """
    p = Path(path)
    try:
        doc = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise FetchError(f"kan de regio's niet uit {p} lezen: {exc}") from exc
    codes: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, str):
            codes.append(node)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            if isinstance(node.get("code"), str):
                codes.append(node["code"])
            else:
                for value in node.values():
                    walk(value)

    gemeente = doc.get("gemeente") if isinstance(doc, dict) else None
    if not isinstance(gemeente, dict) or not isinstance(gemeente.get("code"), str):
        raise FetchError(f"{p}: veld 'gemeente.code' ontbreekt; geef de regio's met --regio")
    codes.append(gemeente["code"])
    walk(doc.get("vergelijking") or [])
    return list(dict.fromkeys(codes))


def add_fetch_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``wmo-rapport data fetch`` to a parser.

    Examples
    --------
    >>> p = argparse.ArgumentParser(); add_fetch_arguments(p)
    >>> a = p.parse_args(["--regio", "GM0397", "--regio", "NL01", "--reeks", "wmo_clienten"])
    >>> a.regio, a.reeks
    (['GM0397', 'NL01'], ['wmo_clienten'])
    """
    parser.add_argument(
        "--regio",
        action="append",
        metavar="CODE",
        help="CBS-regiocode (herhaalbaar), bv. GM0397, NL01. Standaard: uit het params-bestand.",
    )
    from analysis.data.sources.cbs.convert import REPORT_DATASETS

    names = sorted(set(SERIES) | set(REPORT_DATASETS))
    parser.add_argument(
        "--reeks",
        action="append",
        choices=names,
        metavar="NAAM",
        help="CBS-reeks of rapportdataset om op te halen (herhaalbaar; standaard alle): "
        + ", ".join(names),
    )
    parser.add_argument(
        "--alleen-cbs",
        action="store_true",
        help="alleen de CBS-tabellen zoals CBS ze levert (cbs_<reeks>), geen rapportdatasets",
    )
    parser.add_argument("--params", metavar="PAD", help="params/<periode>.yml voor de regio's")
    parser.add_argument("--data-dir", metavar="MAP", help="datamap (standaard: data/)")
    parser.add_argument("--timeout", type=float, default=30, help="seconden per verzoek")
    parser.add_argument("--base-url", default=DEFAULT_BASE_URL, help=argparse.SUPPRESS)


def run_fetch(
    args: argparse.Namespace,
    *,
    opener: Transport | None = None,
    today: dt.date | None = None,
) -> int:
    """Run ``wmo-rapport data fetch``; return the exit code (0) or raise :class:`FetchError`.

    Reads ``regio``, ``reeks``, ``params``, ``periode``, ``data_dir``, ``timeout`` and
    ``base_url`` from ``args`` (all optional except that regions must come from ``--regio`` or a
    params file).

    Examples
    --------
    >>> ns = argparse.Namespace(regio=["GM0397", "NL01"], reeks=["wmo_clienten"])
    >>> run_fetch(ns)  # doctest: +SKIP
    CBS-tabel opgehaald: cbs_wmo_clienten (86050NED) → data/cbs_wmo_clienten_20261101.csv
    CBS-tabel opgehaald: cbs_wmo_clienten_leeftijd (85896NED) → data/cbs_wmo_clienten_leeftijd_20261101.csv
    rapportdataset bijgewerkt: wmo_clienten (uit cbs_wmo_clienten, cbs_wmo_clienten_leeftijd) → data/wmo_clienten_20261101.csv
    0
    """
    regions = list(getattr(args, "regio", None) or [])
    if not regions:
        params = getattr(args, "params", None)
        periode = getattr(args, "periode", None)
        if not params and periode:
            from analysis.core.paths import project_root

            params = project_root() / "params" / f"{periode}.yml"
        if not params:
            raise FetchError("geef regio's met --regio GM0397 --regio NL01 of een --params-bestand")
        regions = regions_from_params(params)
    folder = getattr(args, "data_dir", None)
    if not folder:
        from analysis.core.paths import data_dir

        folder = data_dir()
    written = fetch(
        getattr(args, "reeks", None),
        regions,
        folder,
        base_url=getattr(args, "base_url", None) or DEFAULT_BASE_URL,
        timeout=getattr(args, "timeout", None) or 30,
        opener=opener,
        today=today,
        rapport=not getattr(args, "alleen_cbs", False),
    )
    manifest = load_manifest(Path(folder))
    for name in written:
        entry = manifest[name]
        path = Path(folder) / entry["file"]
        if name.startswith(RAW_PREFIX):
            print(f"CBS-tabel opgehaald: {name} ({entry['source']['table_id']}) → {path}")
        else:
            print(
                f"rapportdataset bijgewerkt: {name} (uit {', '.join(entry['afgeleid_van'])}) → {path}"
            )
    return 0
