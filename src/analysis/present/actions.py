"""The action points of the plan's agenda as tables on the page (:mod:`analysis.topics.agenda`
computes them).

The plan's own columns (number, theme, action point, planned years) are real: they come from the
plan. The reported status and what follows from it (schema, counts per theme, why a point is
behind) come from ``agenda_status``; when that is a stand-in, those cells are marked.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from analysis.core.codes import Periode
from analysis.core.numbers import getal
from analysis.present.report import provenance_of
from analysis.present.tables import table_html
from analysis.topics import agenda
from analysis.topics.agenda import ONBEKEND, VERVALLEN
from analysis.topics.social import with_progress_indicator


def _when(periode: str | int) -> str:
    """A period as it follows "in": ``2025``, or ``het 1e halfjaar 2026`` for a half-year.

    Examples
    --------
    >>> _when(2025), _when("2026H1")
    ('2025', 'het 1e halfjaar 2026')
    """
    per = Periode(str(periode))
    return f"het {per.label}" if per.is_halfjaar else per.label


def action_points_html(
    df_agenda: pd.DataFrame,
    thema: str | Iterable[str] | None = None,
    *,
    caption: str | None = None,
    per_jaar: bool = False,
    df_status: pd.DataFrame | None = None,
    periode: str | int | None = None,
) -> str:
    """:func:`analysis.topics.agenda.action_points` as an accessible HTML table.

    Overdue points (*achter op schema*) carry the class ``wmo-achter`` and say so in words. The
    status columns are marked when ``df_status`` is synthetic; the plan's columns never are.

    Examples
    --------
    >>> d = pd.DataFrame({"id": ["A1"], "thema": ["Mantelzorg"], "actiepunt": ["Respijtzorg"],
    ...     "jaar": [2025]})
    >>> action_points_html(d, "Mantelzorg").startswith('<table class="wmo-tabel"><caption>')
    True
    """
    table = agenda.action_points(
        df_agenda, thema, per_jaar=per_jaar, df_status=df_status, periode=periode
    )
    if caption is None:
        name = thema if isinstance(thema, str) or thema is None else ", ".join(thema)
        caption = "Actiepunten uit de uitvoeringsagenda" + (f": {name}" if name else "")
    status_cols = [c for c in table.columns if c.startswith("Status ") or c == "Schema"]
    sources = [df_agenda] + ([df_status] if df_status is not None else [])
    return table_html(
        table,
        caption,
        highlight="Schema" if "Schema" in table.columns else None,
        bron=provenance_of(sources),
        kolommen=status_cols,
    )


def show_action_points(
    df_agenda: pd.DataFrame, thema: str | Iterable[str] | None = None, **kwargs: Any
) -> None:
    """Display :func:`action_points_html` in a chapter (for the end of a chapter)."""
    from IPython.display import HTML, display

    display(HTML(action_points_html(df_agenda, thema, **kwargs)))


def show_plan_actions(
    ctx: Any, themas: str, caption: str, *, voortgang: str | None = "sociale_basis.voortgang"
) -> None:
    """The closing table of a chapter: the plan's action points of its themes, with the planned
    years and the indicator that shows progress.

    Parameters
    ----------
    ctx
        The chapter context (``report.chapter(periode)``).
    themas
        The params key that names the chapter's themes, e.g.
        ``"sociale_basis.agenda_themas.mantelzorg"``.
    caption
        The table's caption.
    voortgang
        The params key with ``{actie, indicator}`` pairs for the column *Indicator voor voortgang*
        (``None``: no such column).

    Examples
    --------
    >>> from analysis.present import report  # doctest: +SKIP
    >>> show_plan_actions(report.chapter("2025"), "sociale_basis.agenda_themas.mantelzorg",
    ...                   "Actiepunten mantelzorg")  # doctest: +SKIP
    """
    from IPython.display import HTML, display

    plan = ctx.load("uitvoeringsagenda")
    table = agenda.action_points(plan, ctx.params.get(themas))
    if voortgang:
        table = with_progress_indicator(table, ctx.params.get(voortgang) or {})
    display(HTML(table_html(table, caption, bron=plan)))


# Columns of the progress table that come from the plan itself (its action points and years).
PLAN_COLUMNS = ("Actiepunten", "Aan de beurt", "Nog niet aan de beurt")


def progress_html(progress: pd.DataFrame, periode: str | int, *, bron: Any) -> str:
    """:func:`analysis.topics.agenda.progress_by_theme` as an accessible HTML table with Dutch
    headers. The counts per status come from the reported status (``bron``: ``agenda_status``);
    the number of action points and which are due come from the plan (:data:`PLAN_COLUMNS`) and
    are never marked as stand-ins.

    The columns *status onbekend* and *vervallen* are shown only when some theme has one.

    Examples
    --------
    >>> s = pd.DataFrame({"thema": ["t"], "schema": ["op schema"]})
    >>> p = agenda.progress_by_theme(s)
    >>> "<caption>Voortgang per thema, 2025</caption>" in progress_html(p, 2025, bron="params")
    True
    >>> from analysis.core.provenance import Provenance
    >>> h = progress_html(p, 2025, bron=Provenance.dataset("agenda_status", synthetic=True))
    >>> '<td data-herkomst="echt">1</td>' in h, 'data-herkomst="synthetisch">100%' in h
    (True, True)
    """
    cols = ["Thema", "Actiepunten", "Aan de beurt", agenda.GEREED, agenda.OP_SCHEMA]
    cols += [agenda.ACHTER, ONBEKEND, agenda.NOG_NIET, VERVALLEN, "% gereed of op schema"]
    # columns that are zero everywhere (no unknown status, nothing dropped) are left out
    cols = [c for c in cols if c not in (ONBEKEND, VERVALLEN) or progress[c].sum() > 0]
    t = progress[cols].copy()
    t["% gereed of op schema"] = t["% gereed of op schema"].map(
        lambda v: "–" if pd.isna(v) else f"{getal(v, 0)}%"
    )
    t.columns = [c[0].upper() + c[1:] for c in t.columns]
    # how many action points a theme has and which are due come from the plan, not the status
    real = [c for c in t.columns if c in PLAN_COLUMNS]
    caption = f"Voortgang per thema, {Periode(str(periode)).label}"
    return table_html(t, caption, bron=bron, echt=real)


def overdue_html(status: pd.DataFrame, periode: str | int, *, bron: Any) -> str:
    """:func:`analysis.topics.agenda.overdue` as an accessible HTML table, or a sentence when
    there are none. The reported status and the reason are marked when ``bron`` is synthetic.

    Examples
    --------
    >>> overdue_html(pd.DataFrame(columns=["id", "thema", "actiepunt", "gepland", "status",
    ...     "schema", "laatste_jaar"]), 2025, bron="params")
    '<p>Geen actiepunten achter op schema in 2025.</p>'
    """
    t = agenda.overdue(status)
    if t.empty:
        return f"<p>Geen actiepunten achter op schema in {_when(periode)}.</p>"
    return table_html(
        t,
        f"Actiepunten achter op schema, {Periode(str(periode)).label}",
        bron=bron,
        kolommen=["Stand", "Waarom"],
    )


def before_start_note(status: pd.DataFrame, periode: str | int) -> str:
    """A Dutch note (HTML) when no action point is due yet in ``periode``, else ``""``.

    ``status`` is :func:`analysis.topics.agenda.status_for_period`'s result. An edition of a
    period before the plan's first planned year has nothing to measure against the agenda; the
    note says so and names the first year, instead of showing a page of zeros without
    explanation.

    Examples
    --------
    >>> st = pd.DataFrame({"eerste_jaar": [2025, 2026], "schema": ["nog niet aan de beurt"] * 2})
    >>> before_start_note(st, 2024)
    '<p class="wmo-noot"><strong>Nog niets aan de beurt.</strong> De eerste actiepunten staan gepland voor 2025; in 2024 was nog geen actiepunt aan de beurt. De tabellen hieronder tonen daarom alleen wat gepland is.</p>'
    >>> before_start_note(st.assign(schema="op schema"), 2025)
    ''
    """
    if status.empty or (status["schema"] != agenda.NOG_NIET).any():
        return ""
    first = int(status["eerste_jaar"].min())
    return (
        '<p class="wmo-noot"><strong>Nog niets aan de beurt.</strong> De eerste actiepunten '
        f"staan gepland voor {first}; in {_when(periode)} was nog geen actiepunt aan de beurt. De "
        "tabellen hieronder tonen daarom alleen wat gepland is.</p>"
    )
