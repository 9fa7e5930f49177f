"""Static assets shipped with every edition (the Vega libraries, once per book)."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path


def cache_dir() -> Path:
    """Folder for machine-wide build caches: ``WMO_CACHE_DIR``, else ``~/.cache/wmo-monitor``."""
    env = os.environ.get("WMO_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "wmo-monitor"


@lru_cache(maxsize=1)
def vega_bundle() -> bytes:
    """Vega, Vega-Lite and Vega-Embed as one self-contained script (no CDN), from vl-convert.

    The bundle sets ``window.vegaEmbed``; ``_static/wmo-grafieken.js`` uses it to make the
    server-rendered SVG charts interactive. Making it takes vl-convert about two seconds, and it
    depends only on the vl-convert version, so it is cached in :func:`cache_dir` under a name
    holding that version.

    Examples
    --------
    >>> vega_bundle()[:20]  # doctest: +SKIP
    b'...'
    """
    from importlib.metadata import version

    path = cache_dir() / f"vega-bundle-vl-convert-{version('vl-convert-python')}.js"
    try:
        return _own_scope(path.read_bytes())
    except OSError:
        pass
    import vl_convert as vlc

    with _quiet_stderr():  # vl-convert 2 reports each pass of its tree shaker there
        data = vlc.javascript_bundle(None).encode("utf-8")  # None: the default snippet
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".vega-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:  # a read-only home: build without the cache
        pass
    return _own_scope(data)


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Send what native code writes to standard error (file descriptor 2) to ``os.devnull``
    while the block runs; Python's own errors are raised as usual."""
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _own_scope(bundle: bytes) -> bytes:
    """The bundle wrapped in a function, so its top-level names stay its own.

    vl-convert's bundle declares top-level names such as ``_``; loaded as a classic script next to
    Sphinx's ``doctools.js`` (which declares ``const _``) it failed with "Identifier '_' has
    already been declared" and the charts never became interactive. Inside a function scope its
    declarations are local; it still sets ``window.vegaEmbed``.

    Examples
    --------
    >>> _own_scope(b"const _ = 1; window.x = _;")
    b'(function () {\\nconst _ = 1; window.x = _;\\n})();\\n'
    """
    return b"(function () {\n" + bundle + b"\n})();\n"
