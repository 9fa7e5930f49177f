"""Live preview for writers: ``wmo-rapport bekijk --periode 2025``.

Builds the edition, serves ``_build/<periode>/html`` on ``http://127.0.0.1:<poort>/`` and watches
``chapters/``, ``params/``, ``data/``, ``src/`` (and ``_static/``, ``_toc.yml``, ``_config.yml``).
After a change it rebuilds incrementally (exactly the chapters whose inputs changed; a Markdown
edit executes nothing) and every open page reloads itself. The kernels stay warm between builds.
The warm book builder starts first (it loads while the first build runs; a prose edit needs only
it), the kernels once it has loaded, so the two do not compete for the processor at the start.

The server never shows a half-built edition: a build publishes by swapping the ``html`` link to a
complete new folder (:mod:`analysis.pipeline.swap`), and a failed build leaves the previous edition
in place while the page shows the error. Ctrl-C stops the server, the kernels and a running build
(which then leaves the previous edition as it was).

The reload script is added to pages as they are served; the files of the edition are not changed.
"""

from __future__ import annotations

import contextlib
import functools
import html
import json
import os
import signal
import stat
import threading
import time
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from analysis.core.errors import ReportError
from analysis.pipeline import swap
from analysis.pipeline.build import BuildOptions, build_with, print_message
from analysis.pipeline.swap import current_edition
from analysis.pipeline.warm import WarmKernels, WarmPool

#: What the preview watches, relative to the project root.
WATCHED = ("chapters", "params", "data", "src", "_static", "_toc.yml", "_config.yml")
_IGNORED = {"__pycache__", ".ipynb_checkpoints", ".git", ".mypy_cache", ".ruff_cache"}
STATUS_PATH = "/__bekijk__"
#: Milliseconds between two questions of an open page for the status (the reload follows the
#: new edition within this time; a question costs the server well under a millisecond).
PAGE_ASKS_EVERY_MS = 250

RELOAD_SCRIPT = """<script>/* wmo-rapport bekijk: herlaadt na een nieuwe bouw */
(function () {
  var versie = null;
  function melding(tekst) {
    var el = document.getElementById("wmo-bekijk");
    if (!tekst) { if (el) { el.remove(); } return; }
    if (!el) {
      el = document.createElement("div");
      el.id = "wmo-bekijk";
      el.setAttribute("role", "alert");
      el.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:9999;padding:.8rem 1rem;" +
        "background:#fff4ce;color:#1a1a1a;border-top:4px solid #8a5a00;white-space:pre-wrap;" +
        "font:14px/1.4 monospace;max-height:40vh;overflow:auto";
      document.body.appendChild(el);
    }
    el.textContent = tekst;
  }
  function vraag() {
    fetch("__STATUS__", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (s) {
      if (versie === null) { versie = s.versie; }
      else if (s.versie !== versie) { location.reload(); return; }
      melding(s.fout ? "De laatste bouw is mislukt; u ziet de vorige editie.\\n" + s.fout :
              (s.bezig ? "Bezig met bouwen…" : ""));
    }).catch(function () { melding("De voorvertoning is gestopt."); });
  }
  vraag();
  setInterval(vraag, __ELKE__);
})();
</script>""".replace("__STATUS__", STATUS_PATH).replace("__ELKE__", str(PAGE_ASKS_EVERY_MS))


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every watched file with its modification time and size.

    Walks with :func:`os.scandir` (one call per folder, the file's type from the folder
    listing): a look at the project costs about a millisecond, not the seven of ``rglob``.

    Examples
    --------
    >>> snapshot(Path("/nonexistent"))
    {}
    """
    out: dict[str, tuple[int, int]] = {}
    for name in WATCHED:
        with contextlib.suppress(OSError):
            st = (root / name).stat(follow_symlinks=True)
            if stat.S_ISREG(st.st_mode):
                out[name] = (st.st_mtime_ns, st.st_size)
            elif stat.S_ISDIR(st.st_mode):
                _walk(root / name, name, out)
    return out


def _walk(folder: Path, rel: str, out: dict[str, tuple[int, int]]) -> None:
    """Add the watched files under ``folder`` (``rel`` from the project root) to ``out``."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name in _IGNORED:
            continue
        path = f"{rel}/{entry.name}"
        with contextlib.suppress(OSError):
            if entry.is_dir(follow_symlinks=False):  # as rglob: no linked folders
                _walk(Path(entry.path), path, out)
            elif not entry.name.startswith((".#", "~")) and entry.is_file():
                st = entry.stat()
                out[path] = (st.st_mtime_ns, st.st_size)


def changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """Paths added, removed or changed between two snapshots, sorted.

    Examples
    --------
    >>> changes({"a": 1, "b": 2}, {"b": 3, "c": 4})
    ['a', 'b', 'c']
    """
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


class Status:
    """What the pages ask every second: the edition's version, a build error, a build running.

    Version and error change together after each build (under a lock), so a page never sees the
    new edition with the old build's error.
    """

    def __init__(self, html_link: Path) -> None:
        self.html_link = html_link
        self.building = False
        self._lock = threading.Lock()
        self._version = ""
        self._error: str | None = None
        self.finished(None)

    def finished(self, error: str | None) -> None:
        """A build ended (``error``: its message, or None)."""
        target = current_edition(self.html_link)
        with self._lock:
            self._version = target.name if target is not None else ""
            self._error = error

    @property
    def error(self) -> str | None:
        """The last build's error, if it failed."""
        return self._error

    def to_json(self) -> bytes:
        """The status as the reload script reads it."""
        with self._lock:
            doc = {"versie": self._version, "fout": self._error, "bezig": self.building}
        return json.dumps(doc, ensure_ascii=False).encode()


class _Handler(SimpleHTTPRequestHandler):
    """Serves the current edition (the link is resolved per request) with the reload script."""

    status: Status

    def __init__(self, *args: Any, status: Status, **kwargs: Any) -> None:  # noqa: ANN401
        self.status = status
        super().__init__(*args, directory=str(status.html_link), **kwargs)

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        path = self.path.split("?", 1)[0]
        if path == STATUS_PATH:
            self._send(self.status.to_json(), "application/json")
            return
        if current_edition(self.status.html_link) is None:
            self._send(_waiting_page(self.status.error), "text/html; charset=utf-8")
            return
        local = Path(self.translate_path(path))
        if local.is_dir() and path.endswith("/"):
            local = local / "index.html"
        if local.suffix == ".html" and local.is_file():
            page = local.read_bytes()
            marker = b"</body>"
            at = page.rfind(marker)
            script = RELOAD_SCRIPT.encode()
            page = page[:at] + script + page[at:] if at >= 0 else page + script
            self._send(page, "text/html; charset=utf-8")
            return
        super().do_GET()

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002, ANN401
        pass  # the writer reads the build's messages, not every request


def _waiting_page(error: str | None) -> bytes:
    text = html.escape(error) if error else "Het rapport wordt gebouwd…"
    return (
        '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8"><title>Wmo-monitor: '
        f"voorvertoning</title></head><body><main><h1>Voorvertoning</h1><pre>{text}</pre>"
        f"</main>{RELOAD_SCRIPT}</body></html>\n"
    ).encode()


def serve(status: Status, port: int = 8000) -> ThreadingHTTPServer:
    """Start the server on 127.0.0.1 (the next free port if ``port`` is taken; 0: any)."""
    handler = functools.partial(_Handler, status=status)
    for candidate in [port, *range(port + 1, port + 20)] if port else [0]:
        try:
            server = ThreadingHTTPServer(("127.0.0.1", candidate), handler)
            break
        except OSError:
            continue
    else:
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="bekijk-server", daemon=True).start()
    return server


def _build_once(periode: str, root: Path, options: BuildOptions, status: Status) -> None:
    status.building = True
    error = None
    try:
        build_with(periode, options, root=root)
    except ReportError as exc:
        error = str(exc)
        options.say(f"FOUT: {exc}\n  (de vorige editie blijft staan; verbeter en sla op)")
    finally:
        status.building = False
        status.finished(error)
    # the new edition shows; now remove the previous one (not while the writer waits)
    period_dir = status.html_link.parent
    swap.remove_previous(period_dir, period_dir.parent, periode)


def _start_book_builder(root: Path, kernels: WarmKernels) -> WarmPool:
    """Start the warm book builder now (it loads while the first build runs): the writer's
    most frequent change, a prose edit, needs nothing else."""
    from analysis.pipeline.build import pool_key

    return kernels.book_server(os.environ.copy(), pool_key(root))


def _start_kernels(root: Path, kernels: WarmKernels) -> WarmPool:
    """Start the warm kernels now, not at the first change that executes a chapter."""
    from analysis.pipeline.build import pool_key
    from analysis.pipeline.chapters import chapter_env

    return kernels.pool(chapter_env(root, ""), pool_key(root))


#: Said once the book builder and the kernels have loaded (``bench/benchmark.py`` waits for it).
WARM_MESSAGE = "Warm: wijzigingen worden vanaf nu zonder opstarttijd verwerkt"


class _WarmUp:
    """The start of the warm processes, one after the other: first the book builder (a prose
    edit needs only it), then, once it has loaded, the kernels; says so when both have."""

    def __init__(self, root: Path, kernels: WarmKernels, say: Callable[[str], None]) -> None:
        self.root, self.kernels, self.say = root, kernels, say
        self.book: WarmPool | None = _start_book_builder(root, kernels)
        self.pool: WarmPool | None = None

    def step(self) -> None:
        """Take the next step if the one before is done (called between two looks)."""
        if self.book is not None and self.book.loaded:
            self.book = None
            self.pool = _start_kernels(self.root, self.kernels)
        elif self.book is None and self.pool is not None and self.pool.loaded:
            self.pool = None
            self.say(WARM_MESSAGE)


#: Seconds between two looks at the watched files (one look costs about a millisecond).
INTERVAL = 0.05
#: Seconds a change must stand still before the build starts (an editor may save in steps; a
#: change during a build is built next, and a build never leaves a half-built edition).
DEBOUNCE = 0.05


def _settled(root: Path, first: dict[str, Any], debounce: float = DEBOUNCE) -> dict[str, Any]:
    """Wait until two snapshots ``debounce`` seconds apart agree (an editor may save in steps).

    Examples
    --------
    >>> _settled(Path("/nonexistent"), {}, 0.0)
    {}
    """
    current = first
    while True:
        time.sleep(debounce)
        again = snapshot(root)
        if again == current:
            return current
        current = again


@contextlib.contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """While the block runs: Ctrl-C (SIGINT) or SIGTERM sets ``stop`` and raises
    ``KeyboardInterrupt`` in the main thread; afterwards the previous handlers are back.

    ``stop`` makes the preview end even when the ``KeyboardInterrupt`` is lost on its way (Python
    runs a signal handler wherever the main thread is, and an exception raised inside, say, a
    finaliser is only printed). Outside the main thread (tests) nothing is installed.

    Examples
    --------
    >>> import signal, threading
    >>> stop = threading.Event()
    >>> with stop_on_signals(stop):
    ...     try:
    ...         signal.raise_signal(signal.SIGTERM)
    ...     except KeyboardInterrupt:
    ...         pass  # lost on its way
    >>> stop.is_set(), signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    (True, True)
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: object) -> None:
        stop.set()
        raise KeyboardInterrupt

    saved = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, previous in saved.items():
            signal.signal(sig, previous)


def preview(
    periode: str,
    root: Path,
    *,
    port: int = 8000,
    interval: float = INTERVAL,
    debounce: float = DEBOUNCE,
    say: Callable[[str], None] = print_message,
    stop: threading.Event | None = None,
    on_ready: Callable[[str], None] | None = None,
) -> None:
    """Build, serve and rebuild on every change until ``stop`` is set, Ctrl-C or SIGTERM.

    The watched files are looked at every ``interval`` seconds; a change is built once it stood
    still for ``debounce`` seconds. ``on_ready`` gets the address once the server runs.

    Examples
    --------
    >>> preview("2025", Path("."))  # doctest: +SKIP
    Bekijk het rapport op http://127.0.0.1:8000/ (Ctrl-C stopt)
    """
    stop = stop or threading.Event()
    kernels = WarmKernels()
    options = BuildOptions(say=say, kernels=kernels, keep_previous=True)
    status = Status((root / "_build" / periode).resolve() / "html")
    server = None
    with stop_on_signals(stop):
        try:
            before = snapshot(root)
            server = serve(status, port)
            url = f"http://127.0.0.1:{server.server_address[1]}/"
            say(f"Bekijk het rapport op {url} (Ctrl-C stopt)")
            warm_up = _WarmUp(root, kernels, say)  # loads while the first build runs
            _build_once(periode, root, options, status)
            if on_ready is not None:
                on_ready(url)
            while not stop.wait(interval):
                warm_up.step()
                now = snapshot(root)
                changed = changes(before, now)
                if not changed:
                    continue
                now = _settled(root, now, debounce)
                changed = changes(before, now)
                before = now
                shown = ", ".join(changed[:5]) + (
                    f" en {len(changed) - 5} meer" if len(changed) > 5 else ""
                )
                say(f"\nGewijzigd: {shown}")
                _build_once(periode, root, options, status)
        finally:
            if server is not None:
                server.shutdown()
                server.server_close()
            kernels.close()
