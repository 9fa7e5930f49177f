"""Impact questions (plan 6.5): what the plan wants to achieve, what this report measures toward
each question and what it cannot measure.

The questions, the plan's words and the link to the key indicators are data
(``impactvragen``, from ``data/bronnen/plan/impactvragen.csv``); this module joins them with the
key-indicator table of the edition (:func:`analysis.topics.indicators.compute_all`), so each
question says whether its indicators rest on real figures or still on voorbeeldgegevens.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.core.errors import DataError

__all__ = ["Measure", "Question", "questions"]

#: How a key indicator stands in the edition.
ECHT, VOORBEELD, GEEN = "echte cijfers", "voorbeeldgegevens", "nog geen cijfer"


@dataclass(frozen=True)
class Measure:
    """A key indicator that says something about a question: its label, chapter and state
    (:data:`ECHT`, :data:`VOORBEELD` or :data:`GEEN`)."""

    label: str
    hoofdstuk: str
    stand: str


@dataclass(frozen=True)
class Question:
    """An impact question with the plan's words, where they stand, the measures toward it and
    what the report cannot measure."""

    id: str
    vraag: str
    citaat: str
    vindplaats: str
    metingen: tuple[Measure, ...]
    wat_niet: str


def _state(row: pd.Series) -> str:
    if bool(row.get("synthetisch")):
        return VOORBEELD
    value = row.get("waarde")
    return GEEN if value is None or pd.isna(value) else ECHT


def questions(impact: pd.DataFrame, table: pd.DataFrame) -> list[Question]:
    """The impact questions in the data's order, each with its measures from ``table`` (the
    key-indicator table: ``id``, ``label``, ``hoofdstuk``, ``waarde``, ``synthetisch``).

    Raises
    ------
    DataError
        When a question names a key indicator that the table does not have (file, row, column).

    Examples
    --------
    >>> imp = pd.DataFrame({"id": ["q"], "vraag": ["V?"], "citaat": ["C."], "vindplaats": ["1.4"],
    ...     "indicatoren": ["a;b"], "wat_niet": ["W."]})
    >>> t = pd.DataFrame({"id": ["a", "b"], "label": ["A", "B"], "hoofdstuk": ["chapters/x"] * 2,
    ...     "waarde": [1.0, 2.0], "synthetisch": [False, True]})
    >>> [(m.label, m.stand) for m in questions(imp, t)[0].metingen]
    [('A', 'echte cijfers'), ('B', 'voorbeeldgegevens')]
    """
    known = table.set_index("id")
    out = []
    for i, r in impact.reset_index(drop=True).iterrows():
        raw = r.get("indicatoren")
        text = "" if raw is None or pd.isna(raw) else str(raw)
        ids = [x.strip() for x in text.split(";") if x.strip()]
        unknown = [x for x in ids if x not in known.index]
        if unknown:
            raise DataError(
                f"onbekende kernindicator {', '.join(unknown)}",
                file=impact.attrs.get("dataset", "impactvragen"),
                row=int(str(i)) + 2,  # header is row 1
                column="indicatoren",
            )
        measures = tuple(
            Measure(str(known.at[x, "label"]), str(known.at[x, "hoofdstuk"]), _state(known.loc[x]))
            for x in ids
        )
        out.append(
            Question(
                str(r["id"]),
                str(r["vraag"]),
                str(r["citaat"]),
                str(r["vindplaats"]),
                measures,
                str(r["wat_niet"]),
            )
        )
    return out
