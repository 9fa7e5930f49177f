"""What a chapter notebook needs besides data and charts: its context and glued figures.

A chapter starts with::

    from analysis.present import report
    ctx = report.chapter(periode)

and gets the validated params (``ctx.params``), a loader that also checks region codes against the
params (``ctx.load(name)``), and :func:`glue` to put computed figures into the prose.
"""

from __future__ import annotations

from typing import Any

from analysis.core.numbers import getal, procent
from analysis.data.context import Chapter, chapter


class GluedText(str):
    """A string whose plain-text representation has no quotes, so ``{glue}`` shows it as is."""

    def __repr__(self) -> str:
        return str(self)


def glue(name: str, value: Any, *, decimalen: int = 0, soort: str = "getal") -> GluedText:
    """Glue a figure for the prose as Dutch text; return the text.

    Parameters
    ----------
    name
        Glue key used in the Markdown as ``{glue}`name```.
    value
        A number (formatted with :func:`analysis.core.numbers.getal` or :func:`analysis.core.numbers.procent`) or
        text (used as is).
    soort
        ``"getal"``, ``"procent"`` or ``"tekst"``.

    Examples
    --------
    >>> glue("n", 1234.5, decimalen=1)  # doctest: +SKIP
    '1.234,5'
    """
    if soort == "procent":
        text = procent(value, decimalen)
    elif soort == "tekst" or isinstance(value, str):
        text = str(value)
    else:
        text = getal(value, decimalen)
    out = GluedText(text)
    try:
        from myst_nb import glue as _glue

        _glue(name, out, display=False)
    except ImportError:  # pragma: no cover - outside a notebook build
        pass
    return out


__all__ = ["Chapter", "GluedText", "chapter", "glue"]
