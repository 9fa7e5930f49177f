"""HTTP for the CBS OData v3 API: one GET with bounded retries, JSON checks, paging.

Every failure becomes a :class:`~analysis.core.errors.FetchError` with a Dutch message. Transient
failures are retried with exponential backoff (:class:`RetryPolicy`): a time-out, a dropped
connection, HTTP 429 (the ``Retry-After`` header is honoured) and HTTP 5xx. Any other 4xx, an
unknown or unreachable host and a response that is not the expected JSON fail at once. The transport, the sleep function and the clock are
parameters, so the tests run without network and without waiting.

Examples
--------
>>> calls = []
>>> def transport(url, timeout):
...     calls.append(url)
...     return b'{"value": [{"Key": "GM0397    "}]}'
>>> client = Client("https://opendata.cbs.nl/ODataFeed/odata", transport=transport)
>>> client.get_all("86050NED", "RegioS")
[{'Key': 'GM0397    '}]
>>> calls
['https://opendata.cbs.nl/ODataFeed/odata/86050NED/RegioS?$format=json']
"""

from __future__ import annotations

import email.utils
import http.client
import json
import time
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import quote, urlencode

from analysis.core.errors import FetchError

Transport = Callable[[str, float], bytes]
"""``transport(url, timeout) -> body``; raises ``urllib.error.URLError``/``HTTPError`` or
``TimeoutError`` like :func:`urllib.request.urlopen` does."""

Say = Callable[[str], None]
"""Receives one progress line (the command line prints it to stderr)."""

MAX_PAGES = 1000
"""Safety stop for ``odata.nextLink`` chains."""


def urllib_transport(url: str, timeout: float) -> bytes:
    """Default transport: a GET with :func:`urllib.request.urlopen`, JSON accepted."""
    req = urllib.request.Request(
        url, headers={"Accept": "application/json", "User-Agent": "wmo-analysis (data fetch)"}
    )
    with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - https CBS host
        return resp.read()


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to retry a transient failure.

    Parameters
    ----------
    attempts
        Requests in total, the first included (1 = no retry).
    first_delay
        Seconds before the second attempt; each next wait is ``factor`` times longer.
    factor
        Growth of the wait between attempts (exponential backoff).
    max_delay
        Longest wait computed by the backoff.
    max_retry_after
        Longest ``Retry-After`` (HTTP 429/503) that is honoured; asked to wait longer, the fetch
        stops with a message instead of waiting.

    Examples
    --------
    >>> p = RetryPolicy(attempts=5, first_delay=2, factor=2, max_delay=10)
    >>> [p.delay(n) for n in (1, 2, 3, 4)]
    [2.0, 4.0, 8.0, 10.0]
    >>> p.delay(1, retry_after=30)
    30.0
    """

    attempts: int = 4
    first_delay: float = 2.0
    factor: float = 2.0
    max_delay: float = 60.0
    max_retry_after: float = 300.0

    def delay(self, failed: int, retry_after: float | None = None) -> float:
        """Seconds to wait after attempt ``failed`` (1-based) failed."""
        if retry_after is not None:
            return float(max(retry_after, 0.0))
        return float(min(self.max_delay, self.first_delay * self.factor ** (failed - 1)))


def retry_after_seconds(value: str | None, now: float) -> float | None:
    """Seconds from an HTTP ``Retry-After`` header: a number of seconds or an HTTP date.

    Examples
    --------
    >>> retry_after_seconds("120", 0.0), retry_after_seconds(None, 0.0), retry_after_seconds("x", 0.0)
    (120.0, None, None)
    >>> retry_after_seconds("Thu, 01 Jan 1970 00:01:00 GMT", 30.0)
    30.0
    """
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now)


@dataclass
class _Failure:
    """A failed request: retry or not, how long to wait, and the message if it stays failed."""

    retry: bool
    message: str
    retry_after: float | None = None


class Client:
    """Downloads JSON from the CBS OData v3 API and turns every failure into a FetchError.

    Parameters
    ----------
    base_url
        OData root, e.g. ``https://opendata.cbs.nl/ODataFeed/odata``.
    timeout
        Seconds per request.
    transport
        ``(url, timeout) -> bytes``; default :func:`urllib_transport`.
    retry
        The :class:`RetryPolicy`.
    sleep, clock
        ``time.sleep`` and ``time.time`` by default; the tests pass fakes.
    say
        Receives progress lines (a page received, a retry); default: silent.
    """

    def __init__(
        self,
        base_url: str,
        timeout: float = 30,
        transport: Transport | None = None,
        *,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] | None = None,
        clock: Callable[[], float] | None = None,
        say: Say | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.transport = transport or urllib_transport
        self.retry = retry or RetryPolicy()
        self.sleep = sleep or time.sleep
        self.clock = clock or time.time
        self.say: Say = say or (lambda line: None)

    def url(self, table_id: str, resource: str, params: Mapping[str, str] | None = None) -> str:
        """The address of a resource of a table, with ``$format=json`` and the query."""
        query = {"$format": "json", **(params or {})}
        return f"{self.base_url}/{table_id}/{resource}?" + urlencode(
            query, quote_via=quote, safe="$,"
        )

    def get(self, url: str, table_id: str, resource: str) -> dict[str, Any]:
        """One OData JSON document, retried as the :class:`RetryPolicy` says."""
        where = f"tabel {table_id} ({resource})"
        attempt = 1
        while True:
            try:
                body = self.transport(url, self.timeout)
                break
            except (OSError, http.client.HTTPException) as exc:
                failure = self._classify(exc, table_id, resource, where)
                if not failure.retry or attempt >= self.retry.attempts:
                    tried = f" ({attempt} pogingen)" if attempt > 1 else ""
                    raise FetchError(failure.message + tried) from exc
                if (failure.retry_after or 0) > self.retry.max_retry_after:
                    raise FetchError(
                        f"{failure.message} CBS vraagt {failure.retry_after:.0f} seconden te "
                        "wachten; probeer het later opnieuw."
                    ) from exc
                wait = self.retry.delay(attempt, failure.retry_after)
                self.say(
                    f"  {where}: {_short(failure.message)}; nieuwe poging "
                    f"{attempt + 1} van {self.retry.attempts} over {wait:g} s"
                )
                self.sleep(wait)
                attempt += 1
        return _parse_document(body, where)

    def get_all(
        self,
        table_id: str,
        resource: str,
        params: Mapping[str, str] | None = None,
        *,
        pages: bool = False,
    ) -> list[dict[str, Any]]:
        """All rows of a resource, following ``odata.nextLink`` pages.

        With ``pages`` one progress line is said per page received.
        """
        url: str | None = self.url(table_id, resource, params)
        rows: list[dict[str, Any]] = []
        seen: set[str] = set()
        while url:
            if url in seen or len(seen) >= MAX_PAGES:
                raise FetchError(
                    f"onverwacht antwoord van CBS voor tabel {table_id} ({resource}): de "
                    "vervolgpagina's (odata.nextLink) blijven terugverwijzen"
                )
            seen.add(url)
            doc = self.get(url, table_id, resource)
            rows.extend(doc["value"])
            if pages:
                n = len(doc["value"])
                self.say(
                    f"  {table_id}: pagina {len(seen)} ontvangen ({n} {_records(n)}, "
                    f"samen {len(rows)})"
                )
            url = _next_link(doc, table_id, resource)
        return rows

    def _classify(
        self, exc: OSError | http.client.HTTPException, table_id: str, resource: str, where: str
    ) -> _Failure:
        if isinstance(exc, HTTPError):
            return self._http_failure(exc, table_id, resource, where)
        if isinstance(
            exc, ConnectionResetError | ConnectionAbortedError | http.client.HTTPException
        ):
            return _Failure(True, f"de verbinding met CBS werd verbroken voor {where} ({exc!r}).")
        reason = exc.reason if isinstance(exc, URLError) else exc
        if isinstance(reason, TimeoutError):
            return _Failure(
                True,
                f"CBS reageerde niet binnen {self.timeout:g} seconden voor {where}. Probeer het "
                "later opnieuw of verhoog de time-out (--timeout).",
            )
        if isinstance(exc, URLError):
            return _Failure(
                False,
                f"geen verbinding met CBS ({self.base_url}) voor {where}: {exc.reason}. "
                "Controleer de internetverbinding of proxy.",
            )
        return _Failure(False, f"netwerkfout bij het ophalen van {where}: {exc}")

    def _http_failure(self, exc: HTTPError, table_id: str, resource: str, where: str) -> _Failure:
        code = exc.code
        if code == 404 and resource == "TableInfos":
            return _Failure(
                False,
                f"tabel {table_id} is onbekend bij CBS (HTTP 404). Controleer het tabelnummer in "
                "de CBS-catalogus; misschien is de tabel stopgezet en vervangen door een nieuwe "
                "(pas dan data/bronnen/cbs_reeksen.yml aan).",
            )
        transient = code == 429 or 500 <= code <= 599
        retry_after = None
        if code in (429, 503) and exc.headers is not None:
            retry_after = retry_after_seconds(exc.headers.get("Retry-After"), self.clock())
        message = f"CBS gaf HTTP-fout {code} voor {where}{_http_error_detail(exc)}."
        if transient:
            message += " Probeer het later opnieuw."
        return _Failure(transient, message, retry_after)


def _http_error_detail(exc: HTTPError) -> str:
    try:
        body = exc.read().decode("utf-8", "replace")
        msg = json.loads(body)["odata.error"]["message"]["value"]
        return f": {msg}"
    except Exception:  # noqa: BLE001 - the detail is optional
        return f": {exc.reason}" if exc.reason else ""


def _records(n: int) -> str:
    return "record" if n == 1 else "records"


def _short(message: str) -> str:
    """The first clause of a failure message, for a progress line."""
    return message.split(" voor tabel")[0].split(". ")[0]


def _parse_document(body: bytes | str, where: str) -> dict[str, Any]:
    try:
        doc = json.loads(body.decode("utf-8-sig") if isinstance(body, bytes) else body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FetchError(
            f"onverwacht antwoord van CBS voor {where}: geen geldige JSON ({exc})"
        ) from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("value"), list):
        raise FetchError(
            f"onverwacht antwoord van CBS voor {where}: verwacht een JSON-object met een lijst "
            f"'value', gevonden {_describe(doc)}"
        )
    if not all(isinstance(v, dict) for v in doc["value"]):
        raise FetchError(
            f"onverwacht antwoord van CBS voor {where}: 'value' bevat iets anders dan objecten"
        )
    return doc


def _next_link(doc: Mapping[str, Any], table_id: str, resource: str) -> str | None:
    nxt = doc.get("odata.nextLink")
    if nxt is not None and not isinstance(nxt, str):
        raise FetchError(
            f"onverwacht antwoord van CBS voor tabel {table_id} ({resource}): "
            f"'odata.nextLink' is geen adres ({nxt!r})"
        )
    if nxt and "$format=" not in nxt:
        nxt += ("&" if "?" in nxt else "?") + "$format=json"
    return nxt or None


def _describe(doc: Any) -> str:
    if isinstance(doc, dict):
        return "sleutels " + ", ".join(map(repr, list(doc)[:8])) if doc else "een leeg object"
    return type(doc).__name__
