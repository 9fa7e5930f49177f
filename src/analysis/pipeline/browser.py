"""Headless Debian Chromium driven over the DevTools protocol, with the standard library only.

Used for the PDF of an edition (:mod:`analysis.pipeline.pdf`) and by the browser tests (accessibility audit
with axe-core, offline check). Chromium is started with ``--remote-debugging-pipe``: commands and
events are NUL-terminated JSON messages on file descriptors 3 (to the browser) and 4 (from it), so
no websocket client and no open port are needed. No browser is ever downloaded: the Chromium of the
system is used (``scripts/install-browser.sh`` installs Debian's package), or the one named by
``WMO_CHROMIUM``.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from analysis.core.errors import ReportError

#: Flags for a quiet, reproducible headless browser that contacts nobody by itself.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--mute-audio",
    "--font-render-hinting=none",
]

INSTALL_HINT = "installeer Chromium en axe-core met `make browser` (scripts/install-browser.sh)"


class BrowserError(ReportError):
    """Chromium is missing, did not start, or a page could not be loaded."""

    exit_code = 8


def find_chromium() -> str | None:
    """Path of the system's Chromium (``WMO_CHROMIUM`` first), or None.

    Examples
    --------
    >>> find_chromium() is None or Path(find_chromium()).exists()
    True
    """
    env = os.environ.get("WMO_CHROMIUM")
    if env:
        return env if Path(env).exists() else shutil.which(env)
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    """One headless Chromium process; use as a context manager.

    Examples
    --------
    >>> with Browser() as b:  # doctest: +SKIP
    ...     page = b.new_page()
    ...     page.goto("file:///tmp/x.html")
    ...     page.evaluate("document.title")
    'x'
    """

    def __init__(self, executable: str | None = None, *, window: str = "1280,900") -> None:
        exe = executable or find_chromium()
        if not exe:
            raise BrowserError(f"Chromium niet gevonden: {INSTALL_HINT}")
        self._profile = tempfile.mkdtemp(prefix="wmo-chromium-")
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        def wire() -> None:  # runs in the child before exec: fd 3 = commands in, fd 4 = out
            # Move both ends out of the way first: either may already sit on fd 3 or 4.
            high_r = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 10)
            high_w = fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 10)
            os.dup2(high_r, 3)  # dup2 makes the target inheritable
            os.dup2(high_w, 4)

        cmd = [
            exe,
            *FLAGS,
            f"--user-data-dir={self._profile}",
            f"--window-size={window}",
            "--remote-debugging-pipe",
            "about:blank",
        ]
        self.proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=wire,  # noqa: PLW1509 - only dup2, no Python state touched
            close_fds=False,
            start_new_session=True,
        )
        os.close(to_child_r)
        os.close(from_child_w)
        self._next_id = 0
        self._lock = threading.Lock()
        self._pending: dict[int, dict[str, Any]] = {}
        self._cond = threading.Condition()
        self._listeners: list[Callable[[dict[str, Any]], None]] = []
        self._closed = False
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    # -- protocol -------------------------------------------------------------------------
    def _read(self) -> None:
        buf = b""
        while True:
            try:
                chunk = os.read(self._from_child, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                with self._cond:
                    self._closed = True
                    self._cond.notify_all()
                return
            buf += chunk
            while b"\0" in buf:
                raw, buf = buf.split(b"\0", 1)
                msg = json.loads(raw)
                if "id" in msg:
                    with self._cond:
                        self._pending[msg["id"]] = msg
                        self._cond.notify_all()
                else:
                    for fn in list(self._listeners):
                        fn(msg)

    def send(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        *,
        session: str | None = None,
        timeout: float = 60,
    ) -> dict[str, Any]:
        """Send one DevTools command and wait for its result."""
        with self._lock:
            self._next_id += 1
            mid = self._next_id
            msg: dict[str, Any] = {"id": mid, "method": method, "params": params or {}}
            if session:
                msg["sessionId"] = session
            os.write(self._to_child, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        with self._cond:
            while mid not in self._pending:
                left = deadline - time.monotonic()
                if self._closed or left <= 0:
                    raise BrowserError(f"Chromium antwoordde niet op {method}")
                self._cond.wait(left)
            reply = self._pending.pop(mid)
        if "error" in reply:
            raise BrowserError(f"Chromium: {method} mislukt: {reply['error'].get('message')}")
        return reply.get("result", {})

    def version(self) -> str:
        """The browser's name and version, e.g. ``Chromium 156.0.8078.108``."""
        product = str(self.send("Browser.getVersion").get("product", ""))
        return f"Chromium {product.rpartition('/')[2] or 'onbekend'}"

    def listen(self, fn: Callable[[dict[str, Any]], None]) -> None:
        """Call ``fn`` with every event message."""
        self._listeners.append(fn)

    def new_page(self, *, offline: bool = False) -> Page:
        """Open a new tab; with ``offline`` every network request fails (files still load)."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        sid = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        return Page(self, sid, target, offline=offline)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.send("Browser.close", timeout=5)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, 9)
            self.proc.wait()
        for fd in (self._to_child, self._from_child):
            with contextlib.suppress(OSError):
                os.close(fd)
        shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Page:
    """A tab of :class:`Browser`. ``requests`` lists every URL the page asked for."""

    def __init__(self, browser: Browser, session: str, target: str, *, offline: bool) -> None:
        self.browser = browser
        self.session = session
        self.target = target
        self.requests: list[str] = []
        self.failed: list[str] = []
        self._loaded = threading.Event()
        browser.listen(self._on_event)
        self.send("Page.enable")
        self.send("Network.enable")
        self.send("Runtime.enable")
        if offline:
            self.send(
                "Network.emulateNetworkConditions",
                {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
            )

    def _on_event(self, msg: dict[str, Any]) -> None:
        if msg.get("sessionId") != self.session:
            return
        method = msg.get("method")
        params = msg.get("params", {})
        if method == "Page.loadEventFired":
            self._loaded.set()
        elif method == "Network.requestWillBeSent":
            self.requests.append(params["request"]["url"])
        elif method == "Network.loadingFailed":
            self.failed.append(params.get("errorText", "") + " " + params.get("requestId", ""))

    def send(self, method: str, params: dict[str, Any] | None = None, **kw: Any) -> dict[str, Any]:
        return self.browser.send(method, params, session=self.session, **kw)

    def goto(self, url: str, *, timeout: float = 60, settle: float = 0.0) -> None:
        """Load ``url`` and wait for its load event (and ``settle`` seconds more)."""
        self._loaded.clear()
        result = self.send("Page.navigate", {"url": url})
        if result.get("errorText"):
            raise BrowserError(f"{url} kon niet geladen worden: {result['errorText']}")
        if not self._loaded.wait(timeout):
            raise BrowserError(f"{url} laadde niet binnen {timeout:.0f} s")
        if settle:
            time.sleep(settle)

    def evaluate(self, expression: str, *, timeout: float = 120) -> Any:
        """Evaluate JavaScript (promises are awaited) and return its JSON value."""
        res = self.send(
            "Runtime.evaluate",
            {"expression": expression, "awaitPromise": True, "returnByValue": True},
            timeout=timeout,
        )
        if "exceptionDetails" in res:
            detail = res["exceptionDetails"]
            text = detail.get("exception", {}).get("description") or detail.get("text")
            raise BrowserError(f"JavaScript-fout: {text}")
        return res.get("result", {}).get("value")

    def pdf(self, **options: Any) -> bytes:
        """``Page.printToPDF`` with the given options; returns the PDF bytes."""
        res = self.send("Page.printToPDF", options, timeout=180)
        return base64.b64decode(res["data"])

    def screenshot(self) -> bytes:
        """PNG of the visible part of the page."""
        return base64.b64decode(self.send("Page.captureScreenshot", {"format": "png"})["data"])

    def close(self) -> None:
        with contextlib.suppress(BrowserError):
            self.browser.send("Target.closeTarget", {"targetId": self.target})
