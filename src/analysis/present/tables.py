"""The generic table of the report: any small DataFrame as an accessible HTML table.

Every chapter shows its tables through :func:`table_html` (or :func:`show_table`): a caption,
column headers, the first column as row headers, Dutch numbers — and provenance. The numbers of a
table computed from synthetic data are marked where they stand (see :mod:`analysis.present.marks`):

- ``bron=``: what the table was computed from (loaded frames, dataset names, ``"params"``);
  default: everything the chapter loaded so far and what ``table`` itself carries (fail-safe);
- ``synthetisch=``: per row, a boolean column of ``table`` (not shown) or a list, for a table
  that mixes real rows and stand-ins;
- ``kolommen=``: the columns whose values come from that source (default: every column after the
  first whose cell holds a figure). Listed columns are marked whole, words included;
- ``echt=``: columns known to hold real figures (e.g. a plan's own estimates) in a table whose
  other columns are stand-ins; their cells carry ``data-herkomst="echt"`` and stay unmarked.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
from markupsafe import Markup

from analysis.core.numbers import getal
from analysis.core.provenance import NONE, Provenance, has_unmarked_figure, mark
from analysis.data.datasets import provenance_of as _frame_provenance
from analysis.data.datasets import session_provenance
from analysis.present.marks import text_html
from analysis.present.report import AUTO, provenance_of
from analysis.present.templating import render


def table_provenance(table: pd.DataFrame, bron: Any = AUTO) -> Provenance:
    """What a table was computed from (see the module docstring).

    Examples
    --------
    >>> table_provenance(pd.DataFrame(), bron="params").is_synthetic
    False
    """
    if bron is not AUTO:
        return provenance_of(bron)
    return session_provenance() | (_frame_provenance(table) or NONE)


def _cell_text(v: Any, decimalen: int | None = None) -> str:
    if v is None or v is pd.NA or (isinstance(v, float) and pd.isna(v)):
        return ""
    if isinstance(v, int | float) and not isinstance(v, bool):
        if decimalen is None:
            decimalen = 0 if float(v).is_integer() else 1
        return getal(v, decimalen)
    return str(v)


def _column_decimals(table: pd.DataFrame) -> dict[Any, int]:
    """One decimal for every figure of a numeric column that holds a fraction anywhere, so a
    column reads alike ("35,0" next to "4,9", never "35").

    Examples
    --------
    >>> _column_decimals(pd.DataFrame({"a": [4.9, 35.0], "b": [1.0, 2.0], "c": ["x", "y"]}))
    {'a': 1}
    """
    out = {}
    for c in table.columns:
        col = table[c]
        if pd.api.types.is_float_dtype(col):
            vals = col.dropna().astype(float)
            if len(vals) and not all(float(v).is_integer() for v in vals):
                out[c] = 1
    return out


def _row_flags(
    table: pd.DataFrame, synthetisch: str | Sequence[bool] | None, default: bool
) -> list[bool]:
    if synthetisch is None:
        return [default] * len(table)
    if isinstance(synthetisch, str):
        return [bool(v) for v in table[synthetisch].fillna(True)]
    flags = [bool(v) for v in synthetisch]
    if len(flags) != len(table):
        raise ValueError(f"synthetisch= heeft {len(flags)} waarden voor {len(table)} rijen")
    return flags


def table_html(
    table: pd.DataFrame,
    caption: str,
    *,
    highlight: str | None = None,
    highlight_value: str = "achter op schema",
    bron: Any = AUTO,
    synthetisch: str | Sequence[bool] | None = None,
    kolommen: Sequence[str] | None = None,
    echt: Sequence[str] = (),
    klasse: str = "wmo-tabel",
) -> str:
    """Any small table as an accessible HTML table (caption, column headers, row headers).

    The first column is the row header (``<th scope="row">``). With ``highlight`` (a column
    name), rows whose value in that column is ``highlight_value`` get the class ``wmo-achter``
    and the word stays in the cell, so the highlight does not depend on colour. Synthetic values
    are marked (module docstring).

    Examples
    --------
    >>> t = pd.DataFrame({"Nr.": ["A1"], "Actiepunt": ["Respijtzorg <nieuw>"]})
    >>> print(table_html(t, "Actiepunten", bron="params"))  # doctest: +NORMALIZE_WHITESPACE
    <table class="wmo-tabel"><caption>Actiepunten</caption><thead><tr><th scope="col">Nr.</th><th
    scope="col">Actiepunt</th></tr></thead><tbody><tr data-herkomst="echt"><th
    scope="row">A1</th><td>Respijtzorg &lt;nieuw&gt;</td></tr></tbody></table>
    >>> s = table_html(pd.DataFrame({"Jaar": ["2025"], "Aantal": [1060]}), "t",
    ...                bron=Provenance.dataset("x", synthetic=True))
    >>> 'data-herkomst="synthetisch">1.060<sup' in s
    True
    >>> s = table_html(pd.DataFrame({"Jaar": ["2040"], "Plan": [1100], "Projectie": [970]}), "t",
    ...                bron=Provenance.dataset("x", synthetic=True), kolommen=["Projectie"],
    ...                echt=["Plan"])
    >>> '<td data-herkomst="echt">1.100</td>' in s, 'synthetisch">970<sup' in s
    (True, True)
    """
    prov = table_provenance(table, bron)
    flags = _row_flags(table, synthetisch, prov.is_synthetic)
    said = bron is not AUTO  # rows not synthetic are then known to be real
    shown = [c for c in table.columns if not (isinstance(synthetisch, str) and c == synthetisch)]
    rows = []
    decimals = _column_decimals(table)
    for (_, r), synthetic in zip(table.iterrows(), flags, strict=True):
        cells = []
        for i, c in enumerate(shown):
            text = _cell_text(r[c], decimals.get(c))
            listed = kolommen is not None and c in kolommen
            by_default = kolommen is None and i > 0 and has_unmarked_figure(text)
            known_real = c in echt and i > 0
            if synthetic and text and (listed or by_default) and not known_real:
                text = mark(text)
            cells.append(
                {"kop": i == 0, "html": Markup(text_html(text)), "echt": known_real and bool(text)}
            )
        cls = ""
        if highlight and highlight in table.columns and r[highlight] == highlight_value:
            cls = "wmo-achter"
        real = said and not synthetic and kolommen is None
        rows.append({"klasse": cls, "cellen": cells, "echt": real})
    return render(
        "tabel.html",
        caption=caption,
        kop=[str(c) for c in shown],
        rijen=rows,
        klasse=klasse,
    )


def show_table(table: pd.DataFrame, caption: str, **kwargs: Any) -> None:
    """Display :func:`table_html` in a chapter (``kwargs`` as there)."""
    from IPython.display import HTML, display

    display(HTML(table_html(table, caption, **kwargs)))


__all__ = ["show_table", "table_html", "table_provenance"]
