"""The context of one chapter run: its validated params and a loader that checks what it reads.

Topic functions that compute a key indicator take this context (``ctx``); chapters get it from
:func:`analysis.present.report.chapter`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.config.params import Params, load_params
from analysis.data import datasets as _data


@dataclass
class Chapter:
    """Context of one chapter run: params and a checked loader."""

    params: Params

    def load(self, name: str, *, periode_vereist: bool = False) -> pd.DataFrame:
        """Load a dataset (see :func:`analysis.data.datasets.load`), checking municipality codes.

        With ``periode_vereist=True`` the data must cover the report's period (the period itself
        or a half-year, quarter or month inside it, :func:`analysis.data.datasets.require_periods`);
        otherwise a :class:`DataError` names the file and lists the periods that are there.

        Rows about periods after the report's period are left out (:func:`analysis.data.datasets.up_to`),
        so an edition shows the same figures however much newer data the folder already holds;
        projections (manifest ``vooruitblik: true``) are kept whole.
        """
        df = _data.up_to(_data.load(name, regions=list(self.params.regions())), self.params.periode)
        if periode_vereist:
            _data.require_periods(df, [self.params.periode])
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
    p = load_params(periode, path=Path(params_file) if params_file else None)
    return Chapter(params=p)
