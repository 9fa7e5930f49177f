"""What a chapter notebook needs besides data and charts: its context and glued figures.

A chapter starts with::

    from analysis import report
    ctx = report.chapter(periode)

and gets the validated params (``ctx.params``), a loader that also checks region codes against the
params (``ctx.load(name)``), and :func:`glue` to put computed figures into the prose.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from . import data as _data
from .fmt import getal, procent
from .params import Params, load_params


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
        A number (formatted with :func:`analysis.fmt.getal` or :func:`analysis.fmt.procent`) or
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


@dataclass
class Chapter:
    """Context of one chapter run: params and a checked loader."""

    params: Params

    def load(self, name: str, *, periode_vereist: bool = False) -> pd.DataFrame:
        """Load a dataset (see :func:`analysis.data.load`), checking municipality codes.

        With ``periode_vereist=True`` the data must cover the report's period (the year itself
        or one of its half-years, quarters or months); otherwise a :class:`DataError` names the
        file and lists the periods that are there.

        Rows about periods after the report's period are left out (:func:`analysis.data.up_to`),
        so an edition shows the same figures however much newer data the folder already holds;
        projections (manifest ``vooruitblik: true``) are kept whole.
        """
        df = _data.up_to(_data.load(name, regions=list(self.params.regions())), self.params.periode)
        if periode_vereist:
            per = self.params.periode
            have = set(df["periode"].astype(str))
            if not any(p == per or p.startswith(per) for p in have):
                _data.require_periods(df, [per])
        return df

    @property
    def naam(self) -> str:
        """The municipality's name."""
        return self.params.gemeente_naam

    @property
    def code(self) -> str:
        """The municipality's CBS code."""
        return self.params.gemeente_code


def chapter(periode: str | int, params_file: str | None = None) -> Chapter:
    """The context of a chapter for a period (validated ``params/<periode>.yml``)."""
    from pathlib import Path

    p = load_params(periode, path=Path(params_file) if params_file else None)
    return Chapter(params=p)
