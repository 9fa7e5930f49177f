"""One warm chart renderer for the chapters of a build (vl-convert, shared through a socket).

The first chart a process renders with vl-convert costs about 0,6 s of processor time (starting
its JavaScript engine and loading Vega); every later one a few hundredths of a second. Warm
kernels are forked per chapter (:mod:`analysis.pipeline.warm`), and the engine cannot be started
in the template process (its threads do not survive a fork), so each chapter would pay the start
again. Instead one renderer process (``python -m analysis.pipeline.render SOCKET``) starts the
engine once and converts for every chapter: :func:`install` replaces
``vl_convert.vegalite_to_svg`` in a warm kernel by a call to it, with the same arguments and the
same result (a conversion does not depend on the ones before it: ``tests/test_warm.py`` compares
charts from warm and fresh kernels byte for byte). When the renderer cannot be reached, the
chapter converts itself, as a fresh kernel does.
"""

from __future__ import annotations

import builtins
import contextlib
import json
import os
import signal
import socket
import socketserver
import struct
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: Environment variable naming the renderer's socket for the template process (not the kernel).
RENDER_SOCKET = "WMO_RENDERER"
#: The vl-convert functions a warm kernel gets from the renderer.
FUNCTIONS = ("vegalite_to_svg",)
_HEADER = struct.Struct("!I")


def _send(sock: socket.socket, payload: bytes) -> None:
    sock.sendall(_HEADER.pack(len(payload)) + payload)


def _receive(sock: socket.socket) -> bytes:
    def exactly(n: int) -> bytes:
        buf = b""
        while len(buf) < n:
            chunk = sock.recv(n - len(buf))
            if not chunk:
                raise ConnectionError("verbinding met de renderer verbroken")
            buf += chunk
        return buf

    (size,) = _HEADER.unpack(exactly(_HEADER.size))
    return exactly(size)


# ------------------------------------------------------------------------------- the server


class _Handler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        import vl_convert

        request = json.loads(_receive(self.request))
        try:
            if request["functie"] not in FUNCTIONS:
                raise ValueError(f"onbekende functie {request['functie']!r}")
            fn = getattr(vl_convert, request["functie"])
            reply = {"uitkomst": fn(*request["args"], **request["kwargs"])}
        except Exception as exc:  # noqa: BLE001 - raised again in the chapter, same type
            reply = {"fout": type(exc).__name__, "melding": str(exc)}
        _send(self.request, json.dumps(reply).encode())


class _Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True


def serve(path: str) -> int:
    """The renderer: start vl-convert's engine, then convert on request until stopped."""
    import vl_convert

    # stopped: end at once (the engine's threads made a normal interpreter exit wait about a
    # second, which a build waited for at its end); there is nothing to write or close
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    threading.Thread(target=_exit_when_input_closes, name="ouder", daemon=True).start()
    with _Server(path, _Handler) as server:  # listening: early requests wait for the engine
        spec = {"mark": "point", "data": {"values": [{"a": 1}]}, "encoding": {}}
        vl_convert.vegalite_to_svg(spec)  # starts the engine before the first chapter asks
        server.serve_forever()
    return 0


def _exit_when_input_closes() -> None:
    """End the renderer when its input closes: the process that started it (a build, a preview)
    ended, also when it was killed and could not stop the renderer itself."""
    while sys.stdin.buffer.read(65536):
        pass
    os._exit(0)


# ------------------------------------------------------------------------------- the client


def _remote(path: str, name: str, local: Callable[..., Any]) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:  # noqa: ANN401 - vl-convert's own signature
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
                sock.connect(path)
                request = {"functie": name, "args": args, "kwargs": kwargs}
                _send(sock, json.dumps(request).encode())
                reply = json.loads(_receive(sock))
        except (OSError, ConnectionError, TypeError, ValueError):
            return local(*args, **kwargs)  # no renderer (or arguments it cannot take): as fresh
        if "fout" in reply:
            exc_type = getattr(builtins, reply["fout"], None)
            if not (isinstance(exc_type, type) and issubclass(exc_type, Exception)):
                exc_type = RuntimeError
            raise exc_type(reply["melding"])
        return reply["uitkomst"]

    call.__name__ = call.__qualname__ = name
    call.__doc__ = local.__doc__
    return call


def install(path: str) -> None:
    """In a warm kernel: let vl-convert's conversions run in the renderer at ``path``."""
    import vl_convert

    for name in FUNCTIONS:
        setattr(vl_convert, name, _remote(path, name, getattr(vl_convert, name)))


class Renderer:
    """A renderer process for one build or preview session; use as a context manager.

    Examples
    --------
    >>> with Renderer(env) as r:  # doctest: +SKIP
    ...     r.socket
    '/tmp/wmo-render-…/vl.sock'
    """

    def __init__(self, env: dict[str, str]) -> None:
        self._dir = tempfile.mkdtemp(prefix="wmo-render-")
        self.socket = os.path.join(self._dir, "vl.sock")
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "analysis.pipeline.render", self.socket],
            stdin=subprocess.PIPE,  # closed when this process ends: the renderer ends too
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            start_new_session=True,
        )

    def close(self, *, now: bool = False) -> None:
        """Stop the renderer and remove its socket (``now``: kill it, do not let it end)."""
        if self._proc.poll() is None:
            if now:
                self._proc.kill()
            else:
                self._proc.terminate()
            try:
                self._proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        if self._proc.stdin is not None:
            with contextlib.suppress(OSError):
                self._proc.stdin.close()
        with contextlib.suppress(OSError):
            os.unlink(self.socket)
        with contextlib.suppress(OSError):
            Path(self._dir).rmdir()

    def __enter__(self) -> Renderer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


if __name__ == "__main__":
    sys.exit(serve(sys.argv[1]))
