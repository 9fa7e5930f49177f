"""Fake transports for the CBS tests: recorded OData responses, no network, no waiting.

``Recorded`` serves ``fixtures/cbs/<table>/<resource>.json``; ``Complete`` prefers the complete
tables of ``fixtures/cbs_volledig/``. Both give HTTP 404 for a resource that was not recorded.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any
from urllib.error import HTTPError
from urllib.parse import parse_qs, unquote, urlsplit

from analysis.data.sources.cbs.client import Client, RetryPolicy
from analysis.data.sources.cbs.registry import load_registry

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures" / "cbs"
FULL = HERE / "fixtures" / "cbs_volledig"
REGISTRY = load_registry(HERE.parent / "data" / "bronnen" / "cbs_reeksen.yml")
BASE_URL = "https://opendata.cbs.nl/ODataFeed/odata"


def http_error(code: int, body: bytes = b"", headers: dict[str, str] | None = None) -> HTTPError:
    """An HTTPError as urllib raises it (a fresh one: its body can be read once)."""
    return HTTPError(f"{BASE_URL}/x", code, "Fout", headers or {}, io.BytesIO(body))  # type: ignore[arg-type]


def resource_name(url: str) -> tuple[str, str]:
    """``(table, resource)`` of a request; a next page is ``<resource>_skiptoken_<n>``."""
    parts = urlsplit(url)
    table, resource = parts.path.rstrip("/").split("/")[-2:]
    query = parse_qs(parts.query)
    if "$skiptoken" in query:
        resource += f"_skiptoken_{query['$skiptoken'][0]}"
    return table, resource


class Recorded:
    """Serves the recorded responses; ``overrides[(table, resource)]`` replaces one.

    An override is a dict (served as JSON), bytes, an exception to raise, a list of those (one
    per request, the last one repeated), or a function ``dict -> dict`` applied to the recorded
    JSON. ``roots`` are searched in order.
    """

    def __init__(
        self, overrides: dict[tuple[str, str], Any] | None = None, roots: tuple[Path, ...] = ()
    ) -> None:
        self.overrides = overrides or {}
        self.roots = roots or (FIXTURES,)
        self.urls: list[str] = []
        self.timeouts: list[float] = []
        self.log: list[str] | None = None  # when a list: "GET <resource>" per request

    def __call__(self, url: str, timeout: float) -> bytes:
        self.urls.append(url)
        self.timeouts.append(timeout)
        table, name = resource_name(url)
        if self.log is not None:
            self.log.append(f"GET {table}/{name}")
        override = self.overrides.get((table, name))
        if isinstance(override, list):
            n = sum(1 for u in self.urls if resource_name(u) == (table, name))
            override = override[min(n, len(override)) - 1]
        if isinstance(override, BaseException):
            raise override
        if isinstance(override, bytes):
            return override
        if isinstance(override, dict):
            return json.dumps(override).encode()
        for root in self.roots:
            path = root / table / f"{name}.json"
            if path.is_file():
                doc = json.loads(path.read_text("utf-8"))
                return json.dumps(override(doc) if callable(override) else doc).encode()
        raise http_error(404)

    def data_urls(self) -> list[str]:
        return [unquote(u) for u in self.urls if "/TypedDataSet" in u]


def client(
    transport: Recorded, attempts: int = 4, waits: list[float] | None = None, say: Any = None
) -> Client:
    """A client on the fake transport; sleeping only records the wait in ``waits``."""
    slept = waits if waits is not None else []
    return Client(
        BASE_URL,
        timeout=30,
        transport=transport,
        retry=RetryPolicy(attempts=attempts),
        sleep=slept.append,
        clock=lambda: 0.0,
        say=say,
    )
