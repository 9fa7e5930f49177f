"""Static assets shipped with every edition (the Vega libraries, once per book)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def vega_bundle() -> bytes:
    """Vega, Vega-Lite and Vega-Embed as one self-contained script (no CDN), from vl-convert.

    The bundle sets ``window.vegaEmbed``; ``_static/wmo-grafieken.js`` uses it to make the
    server-rendered SVG charts interactive.
    """
    import vl_convert as vlc

    return vlc.javascript_bundle().encode("utf-8")
