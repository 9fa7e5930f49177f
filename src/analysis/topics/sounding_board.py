"""The Wmo-klankbordgroep's signals (plan 6.2): how many signals per theme of the plan and per
kind (knelpunt, advies, compliment, vraag), per half-year, from the municipality's optional export.

Only aggregates: a row is a number of signals about a theme, with at most a short summary in the
group's own words (no names, no recognisable situations). When the municipality has not supplied
the export, :func:`section` says so plainly.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

#: Kinds of signal, in the order of the table.
SOORTEN = ["knelpunt", "advies", "compliment", "vraag"]
_MEERVOUD = {"knelpunt": "knelpunten", "advies": "adviezen", "compliment": "complimenten",
             "vraag": "vragen"}  # fmt: skip


def in_edition(periode: str, editie: str) -> bool:
    """Whether half-year ``periode`` (``2025H2``) lies in edition ``editie`` (a year or a
    half-year).

    Examples
    --------
    >>> in_edition("2025H2", "2025"), in_edition("2026H1", "2025"), in_edition("2025H2", "2025H1")
    (True, False, False)
    """
    p, e = str(periode), str(editie)
    return p[:4] == e[:4] and (len(e) == 4 or p == e)


def edition_label(editie: str) -> str:
    """An edition's period in words.

    Examples
    --------
    >>> edition_label("2025"), edition_label("2026H1")
    ('2025', 'het eerste halfjaar van 2026')
    """
    e = str(editie)
    if len(e) == 4:
        return e
    return f"het {'eerste' if e.endswith('H1') else 'tweede'} halfjaar van {e[:4]}"


def signal_table(df: pd.DataFrame, gemeente: str, editie: str) -> pd.DataFrame:
    """Signals of the edition per theme: one column per kind, ``totaal`` and ``samenvatting``
    (the summaries of the theme joined; empty when none), largest total first.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": "GM1", "periode": ["2025H1", "2025H2", "2025H2", "2026H1"],
    ...     "thema": ["Toegang", "Toegang", "Mantelzorg", "Toegang"],
    ...     "soort": ["knelpunt", "advies", "knelpunt", "vraag"], "aantal": [3, 1, 2, 9],
    ...     "samenvatting": [None, "Meer uitleg over de eigen bijdrage", None, None]})
    >>> signal_table(d, "GM1", "2025")[["thema", "knelpunt", "advies", "totaal"]].values.tolist()
    [['Toegang', 3, 1, 4], ['Mantelzorg', 2, 0, 2]]
    """
    d = df[(df["gemeente_code"] == gemeente) & df["periode"].map(lambda p: in_edition(p, editie))]
    counts = (
        d.pivot_table(index="thema", columns="soort", values="aantal", aggfunc="sum", fill_value=0)
        .reindex(columns=SOORTEN, fill_value=0)
        .astype(int)
    )
    counts["totaal"] = counts.sum(axis=1)
    texts = (
        d.dropna(subset=["samenvatting"])
        .groupby("thema")["samenvatting"]
        .agg(lambda s: " ".join(str(x).strip() for x in s if str(x).strip()))
    )
    counts["samenvatting"] = texts.reindex(counts.index).fillna("")
    counts = counts.sort_values("totaal", ascending=False, kind="stable")
    return counts.reset_index().rename_axis(columns=None)


def summary(table: pd.DataFrame, editie: str, *, herkomst: Any = None) -> Any:  # noqa: ANN401
    """What the signals of the edition say, as one finding (right for none, one and many).

    Examples
    --------
    >>> t = pd.DataFrame({"thema": ["Toegang", "Mantelzorg"], "knelpunt": [3, 2], "advies": [1, 0],
    ...     "compliment": [0, 0], "vraag": [0, 0], "totaal": [4, 2], "samenvatting": ""})
    >>> summary(t, "2025").zin()
    'In 2025 gaf de Wmo-klankbordgroep 6 signalen. De meeste gingen over Toegang (4); van alle signalen waren er 5 knelpunten.'
    >>> summary(t.iloc[0:0], "2025").zin()
    'In 2025 zijn er geen signalen van de Wmo-klankbordgroep vastgelegd.'
    """
    from analysis.topics.findings import is_example, joined, level, number

    total = int(table["totaal"].sum()) if len(table) else 0
    if total == 0:
        return joined(
            f"In {edition_label(editie)} zijn er geen signalen van de Wmo-klankbordgroep vastgelegd."
        )
    ex = is_example(herkomst)
    head = level(
        "de Wmo-klankbordgroep",
        "gaf",
        total,
        eenheid="signaal" if total == 1 else "signalen",
        bepaling=f"in {edition_label(editie)}",
        herkomst=herkomst,
    )
    if total == 1:
        return head
    top = table.iloc[0]
    knel = int(table["knelpunt"].sum())
    tail = f"De meeste gingen over {top['thema']} ({number(int(top['totaal']), voorbeeld=ex)})"
    if len(table) > 1 and int(table["totaal"].iloc[1]) == int(top["totaal"]):
        tail = f"Het vaakst ging het over {top['thema']} en {table['thema'].iloc[1]}"
    if knel:
        soort, verb = ("knelpunt", "was") if knel == 1 else ("knelpunten", "waren")
        tail += f"; van alle signalen {verb} er {number(knel, soort, voorbeeld=ex)}"
    return joined(head, tail + ".")


def display(table: pd.DataFrame) -> pd.DataFrame:
    """:func:`signal_table` with Dutch headers for the page (the summary column only when there
    is a summary).

    Examples
    --------
    >>> t = pd.DataFrame({"thema": ["Toegang"], "knelpunt": [3], "advies": [1], "compliment": [0],
    ...     "vraag": [0], "totaal": [4], "samenvatting": [""]})
    >>> list(display(t).columns)
    ['Thema', 'Knelpunten', 'Adviezen', 'Complimenten', 'Vragen', 'Totaal']
    """
    out = table.rename(
        columns={"thema": "Thema", "totaal": "Totaal", "samenvatting": "Samenvatting",
                 **{s: _MEERVOUD[s].capitalize() for s in SOORTEN}}
    )  # fmt: skip
    if not table["samenvatting"].astype(str).str.strip().any():
        out = out.drop(columns="Samenvatting")
    return out


def section(df: pd.DataFrame | None, gemeente: str, editie: str) -> tuple[pd.DataFrame | None, Any]:
    """The table and the text of section 6.2; without an export (``None``) no table and a plain
    "nog niet aangeleverd" with who supplies it.

    Examples
    --------
    >>> table, text = section(None, "GM1", "2025")
    >>> table is None, "nog niet aangeleverd" in text.zin()
    (True, True)
    """
    from analysis.topics.findings import joined
    from analysis.topics.supply import not_supplied

    if df is None:
        return None, joined(
            not_supplied(
                "De signalen van de Wmo-klankbordgroep",
                "de gemeente, die ze per halfjaar met de klankbordgroep vastlegt",
            )
        )
    table = signal_table(df, gemeente, editie)
    return table, summary(table, editie, herkomst=df)
