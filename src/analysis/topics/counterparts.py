"""The report's indicators next to their counterparts in the national monitors (plan 6.4).

The plan names the *gemeenterapport sociaal domein* on waarstaatjegemeente.nl and the
*Gemeentelijke Monitor Sociaal Domein* as sources. The dataset ``indicatoren_monitor`` says, for
each indicator of the report, which monitor has the same quantity, under what name, in which CBS
or RIVM table and field; where none exists the row says ``geen``. This module turns it into a table
for readers and counts what it holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

__all__ = ["Coverage", "NONE", "counterpart_table", "coverage"]

#: How the mapping writes "no counterpart" in its ``monitor`` column.
NONE = "geen"
#: The note that the mapping repeats on every row without a waarstaatjegemeente id; said once on
#: the page instead.
_NO_ID_NOTE = re.compile(
    r"\s*Een eigen id van waarstaatjegemeente\.nl is in de gebruikte bronnen niet gevonden;"
    r"\s*zoek de indicator op naam in het dashboard\.?"
)


def _has(value: object) -> bool:
    return isinstance(value, str) and value.strip() not in ("", NONE)


def _note(text: object, names: dict[str, str]) -> str:
    """The row's explanation without the repeated no-id note, with ``Zie <indicator_id>`` in
    words (the other indicator's name)."""
    s = _NO_ID_NOTE.sub("", str(text) if isinstance(text, str) else "").strip()
    s = re.sub(r"\bZie (\w+)\.", lambda m: f"Zie ‘{names.get(m[1], m[1])}’.", s)
    return s or "–"


def counterpart_table(mapping: pd.DataFrame) -> pd.DataFrame:
    """The mapping as a table for readers, in the mapping's order.

    Columns: ``Indicator in dit rapport``, ``Landelijke bron``, ``Tegenhanger`` (its name there),
    ``Tabel en veld`` (CBS/RIVM table id and field name where a source names them), ``Toelichting``.
    An indicator without a counterpart says so in words.

    Examples
    --------
    >>> m = pd.DataFrame({"indicator_id": ["a", "b"], "indicator": ["Mantelzorg", "Agenda"],
    ...     "monitor": ["Gezondheidsmonitor", "geen"], "tegenhanger": ["Mantelzorger", None],
    ...     "tabel": ["50120NED", None], "id": ["Mantelzorger_31", None],
    ...     "toelichting": ["Een eigen id van waarstaatjegemeente.nl is in de gebruikte bronnen "
    ...         "niet gevonden; zoek de indicator op naam in het dashboard.", "Zie a."]})
    >>> counterpart_table(m).values.tolist()
    [['Mantelzorg', 'Gezondheidsmonitor', 'Mantelzorger', '50120NED, veld Mantelzorger_31', '–'], ['Agenda', 'geen tegenhanger', '–', '–', 'Zie ‘Mantelzorg’.']]
    """
    names = dict(zip(mapping["indicator_id"], mapping["indicator"], strict=True))
    rows = []
    for _, r in mapping.iterrows():
        table = ", ".join(
            x
            for x in (
                str(r["tabel"]) if _has(r.get("tabel")) else "",
                f"veld {r['id']}" if _has(r.get("id")) else "",
            )
            if x
        )
        rows.append(
            {
                "Indicator in dit rapport": r["indicator"],
                "Landelijke bron": r["monitor"] if _has(r["monitor"]) else "geen tegenhanger",
                "Tegenhanger": r["tegenhanger"] if _has(r.get("tegenhanger")) else "–",
                "Tabel en veld": table or "–",
                "Toelichting": _note(r.get("toelichting"), names),
            }
        )
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class Coverage:
    """How many indicators the mapping has (``totaal``), how many have a counterpart
    (``met_tegenhanger``), how many of those with a named table and field (``met_veld``), and for
    how many of those the sources gave no id of waarstaatjegemeente.nl (``zonder_id``)."""

    totaal: int
    met_tegenhanger: int
    met_veld: int
    zonder_id: int


def coverage(mapping: pd.DataFrame) -> Coverage:
    """Count :class:`Coverage` in the mapping.

    The ``id`` column holds the field name in the CBS/RIVM table; the explanation of a row says
    when no id of waarstaatjegemeente.nl was found (``zonder_id`` counts those rows).

    Examples
    --------
    >>> m = pd.DataFrame({"indicator_id": ["a", "b", "c"], "indicator": ["A", "B", "C"],
    ...     "monitor": ["GMSD", "GMSD", "geen"], "tegenhanger": ["x", "y", None],
    ...     "tabel": ["86050NED", None, None], "id": ["Veld_1", None, None],
    ...     "toelichting": ["Een eigen id van waarstaatjegemeente.nl is in de gebruikte bronnen "
    ...         "niet gevonden; zoek de indicator op naam in het dashboard.", "", ""]})
    >>> coverage(m)
    Coverage(totaal=3, met_tegenhanger=2, met_veld=1, zonder_id=1)
    """
    has_counterpart = mapping["monitor"].map(_has)
    no_id = mapping["toelichting"].fillna("").astype(str).str.contains(_NO_ID_NOTE)
    return Coverage(
        totaal=len(mapping),
        met_tegenhanger=int(has_counterpart.sum()),
        met_veld=int((has_counterpart & mapping["id"].map(_has)).sum()),
        zonder_id=int((has_counterpart & no_id).sum()),
    )
