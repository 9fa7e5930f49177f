"""The Uitvoeringsagenda page in words: what the plan says (real) and where the action points stand.

The plan's own facts (the action points, their themes and planned years) are real; the status per
action point comes from ``agenda_status``. While that is a stand-in, the page never says the
municipality reported it: the sentences read *in deze voorbeeldgegevens* and their figures are
marked. Action points whose planned years were reconstructed from the plan's text are counted
apart, also among the points behind schedule, because those counts rest on the guessed years.
Every sentence is correct for none, one and many; a category without action points is left out.

Usage in the notebook::

    stand = agenda.status_for_period(plan, status, ctx.params.periode)
    voorbeeld = report.provenance_of(status).is_synthetic
    report.markdown(agenda_page.summary_markdown(stand, ctx.params.periode, voorbeeld=voorbeeld))
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analysis.core.codes import Periode
from analysis.core.numbers import getal, procent
from analysis.core.provenance import mark
from analysis.present.marks import real_html
from analysis.present.summary import chapter_link
from analysis.present.tables import table_html
from analysis.topics import agenda

__all__ = [
    "plan_sentence",
    "reconstructed_html",
    "reconstructed_table",
    "source_sentence",
    "status_sentence",
    "summary_markdown",
]


def _when(periode: str | int) -> str:
    """A period as it follows "in": ``2025``, or ``het 1e halfjaar 2026`` for a half-year.

    Examples
    --------
    >>> _when("2025"), _when("2026H1")
    ('2025', 'het 1e halfjaar 2026')
    """
    per = Periode(str(periode))
    return f"het {per.label}" if per.is_halfjaar else per.label


def _n(value: int, voorbeeld: bool) -> str:
    """A count as it stands: marked when it rests on the stand-in status, else real."""
    text = getal(value)
    return mark(text) if voorbeeld else real_html(text)


def _points(n: int) -> str:
    return "actiepunt" if n == 1 else "actiepunten"


def _join(items: Sequence[str]) -> str:
    """``a``, ``a en b``, ``a, b en c``."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def plan_sentence(stand: pd.DataFrame, periode: str | int) -> str:
    """What the plan itself says about ``periode`` (real): how many action points in how many
    themes, how many were due by the plan's planning and for how many of those the planned years
    are not certain.

    ``stand`` is :func:`analysis.topics.agenda.status_for_period`'s result.

    Examples
    --------
    >>> import re
    >>> s = pd.DataFrame({"id": ["A", "B", "C"], "thema": ["t", "t", "u"],
    ...     "eerste_jaar": [2025, 2025, 2027], "jaren_zeker": [False, True, False]})
    >>> print(re.sub(r"<[^>]+>", "", plan_sentence(s, 2025)))
    De uitvoeringsagenda telt 3 actiepunten in 2 thema's. Volgens de planning in het plan waren in 2025 2 daarvan aan de beurt. Bij 1 van die 2 zijn de geplande jaren niet zeker: ze zijn afgeleid uit de tekst van het plan.
    >>> print(re.sub(r"<[^>]+>", "", plan_sentence(s, 2024)))
    De uitvoeringsagenda telt 3 actiepunten in 2 thema's. Volgens de planning in het plan was in 2024 nog geen actiepunt aan de beurt.
    >>> print(re.sub(r"<[^>]+>", "", plan_sentence(s.assign(jaren_zeker=True), 2026)))
    De uitvoeringsagenda telt 3 actiepunten in 2 thema's. Volgens de planning in het plan waren in 2026 2 daarvan aan de beurt.
    """
    year = int(str(periode)[:4])
    total, themes = len(stand), stand["thema"].nunique()
    theme_word = "thema" if themes == 1 else "thema's"
    text = (
        f"De uitvoeringsagenda telt {real_html(getal(total))} {_points(total)} in "
        f"{real_html(getal(themes))} {theme_word}. "
    )
    due = stand[stand["eerste_jaar"] <= year]
    n = len(due)
    if n == 0:
        return (
            text
            + f"Volgens de planning in het plan was in {_when(periode)} nog geen actiepunt aan de beurt."
        )
    if n == total:
        text += f"Volgens de planning in het plan waren in {_when(periode)} alle actiepunten aan de beurt."
    elif n == 1:
        text += f"Volgens de planning in het plan was in {_when(periode)} één daarvan aan de beurt."
    else:
        text += (
            f"Volgens de planning in het plan waren in {_when(periode)} {real_html(getal(n))} daarvan "
            "aan de beurt."
        )
    k = int((~due["jaren_zeker"].astype(bool)).sum()) if "jaren_zeker" in due.columns else 0
    if k:
        which = "dat actiepunt" if n == 1 else ("al die actiepunten" if k == n else "")
        which = which or f"{real_html(getal(k))} van die {real_html(getal(n))}"
        text += (
            f" Bij {which} zijn de geplande jaren niet zeker: ze zijn afgeleid uit de tekst van "
            "het plan."
        )
    return text


#: The schedule states in the order the status sentence names them, with their words.
_STATE_WORDS = [
    (agenda.GEREED, "gereed"),
    (agenda.OP_SCHEMA, "op schema"),
    (agenda.ACHTER, "achter op schema"),
    (agenda.ONBEKEND, "zonder stand"),
    (agenda.VERVALLEN, "vervallen"),
]


def status_sentence(stand: pd.DataFrame, periode: str | int, *, voorbeeld: bool) -> str:
    """Where the action points stand in ``periode``, by schedule state; states without action
    points are left out; the share done or on schedule of those due; and how many of the points
    behind schedule rest on reconstructed years. Reads as an example when ``voorbeeld``.

    Examples
    --------
    >>> import re
    >>> s = pd.DataFrame({"id": list("ABCD"), "eerste_jaar": [2025] * 4,
    ...     "schema": ["gereed", "achter op schema", "achter op schema", "nog niet aan de beurt"],
    ...     "jaren_zeker": [True, False, True, True]})
    >>> print(re.sub(r"<[^>]+>", "", status_sentence(s, 2025, voorbeeld=False)))
    De stand in 2025: 1 actiepunt gereed en 2 achter op schema. Van de actiepunten die aan de beurt waren, is 33% gereed of op schema. Bij 1 van de 2 actiepunten achter op schema zijn de geplande jaren niet zeker; of het echt achter loopt, hangt af van de echte planning.
    >>> from analysis.core.provenance import plain
    >>> t = re.sub(r"<[^>]+>", "", plain(status_sentence(s.iloc[[1]], 2025, voorbeeld=True)))
    >>> print(t.replace(" (synthetisch)", "*"))
    In deze voorbeeldgegevens is de stand in 2025: 1* actiepunt achter op schema. Van de actiepunten die aan de beurt waren, is 0%* gereed of op schema. Bij dat actiepunt zijn de geplande jaren niet zeker; of het echt achter loopt, hangt af van de echte planning.
    >>> status_sentence(s.assign(schema="nog niet aan de beurt"), 2024, voorbeeld=False)
    'Voor 2024 is nog geen stand bekend.'
    """
    kern = agenda.schedule_summary(stand)
    counts = stand["schema"].value_counts()
    items = [(int(counts.get(s, 0)), w) for s, w in _STATE_WORDS if counts.get(s, 0)]
    if not items:
        return f"Voor {_when(periode)} is nog geen stand bekend."
    parts = [f"{_n(items[0][0], voorbeeld)} {_points(items[0][0])} {items[0][1]}"]
    parts += [f"{_n(n, voorbeeld)} {w}" for n, w in items[1:]]
    lead = "In deze voorbeeldgegevens is de stand" if voorbeeld else "De stand"
    text = f"{lead} in {_when(periode)}: {_join(parts)}."
    if kern["pct_op_schema"] is not None:
        pct = procent(float(kern["pct_op_schema"]), 0)
        shown = mark(pct) if voorbeeld else real_html(pct)
        text += f" Van de actiepunten die aan de beurt waren, is {shown} gereed of op schema."
    behind = stand[stand["schema"] == agenda.ACHTER]
    k = int((~behind["jaren_zeker"].astype(bool)).sum()) if "jaren_zeker" in behind else 0
    if k:
        n = len(behind)
        which = "dat actiepunt" if n == 1 else ("al die actiepunten" if k == n else "")
        which = (
            which or f"{_n(k, voorbeeld)} van de {_n(n, voorbeeld)} actiepunten achter op schema"
        )
        text += (
            f" Bij {which} zijn de geplande jaren niet zeker; of "
            f"{'het' if k == 1 else 'ze'} echt achter {'loopt' if k == 1 else 'lopen'}, hangt af "
            "van de echte planning."
        )
    return text


def source_sentence(periods: Sequence[str], *, voorbeeld: bool) -> str:
    """Where the status comes from, in words: never the municipality while it is a stand-in.

    Examples
    --------
    >>> source_sentence(["2025", "2026"], voorbeeld=False)
    'De stand komt uit de registratie van de gemeente (perioden: 2025, 2026).'
    >>> print(source_sentence([], voorbeeld=True))  # doctest: +NORMALIZE_WHITESPACE
    De gemeente heeft de stand van de actiepunten nog niet aangeleverd. De stand op deze pagina is
    daarom een voorbeeld dat een computerprogramma heeft gemaakt (zie de
    [Leeswijzer](leeswijzer.html)); hij zegt niets over de echte uitvoering. Echt zijn alleen de
    actiepunten, de thema's en de geplande jaren uit het plan.
    """
    if voorbeeld:
        return (
            "De gemeente heeft de stand van de actiepunten nog niet aangeleverd. De stand op "
            "deze pagina is daarom een voorbeeld dat een computerprogramma heeft gemaakt (zie de "
            f"[Leeswijzer]({chapter_link('chapters/leeswijzer')})); hij zegt niets over de echte "
            "uitvoering. Echt zijn "
            "alleen de actiepunten, de thema's en de geplande jaren uit het plan."
        )
    if not periods:
        return "De gemeente heeft nog geen stand van de actiepunten gemeld."
    return f"De stand komt uit de registratie van de gemeente (perioden: {', '.join(periods)})."


def summary_markdown(
    stand: pd.DataFrame, periode: str | int, periods: Sequence[str] = (), *, voorbeeld: bool
) -> str:
    """The page's opening paragraphs: :func:`plan_sentence`, :func:`status_sentence` and
    :func:`source_sentence`.

    Examples
    --------
    >>> s = pd.DataFrame({"id": ["A"], "thema": ["t"], "eerste_jaar": [2025],
    ...     "schema": ["op schema"], "jaren_zeker": [True]})
    >>> summary_markdown(s, 2025, ["2025"], voorbeeld=False).count("\\n\\n")
    2
    """
    return "\n\n".join(
        [
            plan_sentence(stand, periode),
            status_sentence(stand, periode, voorbeeld=voorbeeld),
            source_sentence(list(periods), voorbeeld=voorbeeld),
        ]
    )


def reconstructed_table(df_agenda: pd.DataFrame) -> pd.DataFrame:
    """The action points whose planned years were reconstructed, with how (for a table on the
    page): ``Nr.``, ``Actiepunt``, ``Gepland``, ``Hoe afgeleid``.

    Examples
    --------
    >>> d = pd.DataFrame({"actie_id": ["A1", "A1", "A2"], "thema": ["t"] * 3,
    ...     "actiepunt": ["a", "a", "b"], "jaar": [2025, 2026, 2025],
    ...     "jaren_zeker": ["nee", "nee", "ja"], "jaren_toelichting": ["eerste twee jaren", "", ""]})
    >>> reconstructed_table(d).values.tolist()
    [['A1', 'a', '2025-2026', 'eerste twee jaren']]
    """
    guessed = agenda.reconstructed(df_agenda).set_index("id")["toelichting"]
    points = agenda.action_points(df_agenda)
    points = points[points["Nr."].isin(guessed.index)]
    return pd.DataFrame(
        {
            "Nr.": points["Nr."].to_numpy(),
            "Actiepunt": points["Actiepunt"].to_numpy(),
            "Gepland": points["Gepland"].str.removesuffix(agenda.NIET_ZEKER).to_numpy(),
            "Hoe afgeleid": points["Nr."].map(guessed).to_numpy(),
        }
    )


def reconstructed_html(df_agenda: pd.DataFrame) -> str:
    """:func:`reconstructed_table` as an accessible HTML table (the plan's data: real), or a
    sentence when every planned year is certain.

    Examples
    --------
    >>> d = pd.DataFrame({"id": ["A1"], "thema": ["t"], "actiepunt": ["a"], "jaar": [2025]})
    >>> reconstructed_html(d)
    '<p>Bij alle actiepunten staan de geplande jaren duidelijk in het plan.</p>'
    >>> reconstructed_html(d.assign(jaren_zeker="nee")).count("<tr")
    2
    """
    table = reconstructed_table(df_agenda)
    if table.empty:
        return "<p>Bij alle actiepunten staan de geplande jaren duidelijk in het plan.</p>"
    return table_html(
        table, "Actiepunten waarvan de geplande jaren niet zeker zijn", bron=df_agenda
    )
