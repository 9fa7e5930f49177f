"""Conclusies en aandachtspunten: what an edition concludes, chosen from the verdicts and the agenda.

The page that opens the book is generated, never typed. This module *chooses* what it says;
:mod:`analysis.present.conclusions` words it and links each item to its chapter.

The rules:

* **A finding** is a key indicator (a row of :func:`analysis.topics.indicators.compute_all`) with a
  current value that rests on real data. Findings with a verdict come first (*aandacht nodig*,
  then *op koers*), then real values without a verdict; within each group the book's order. At most
  :data:`MAX_FINDINGS`.
* **Needs attention**: the real verdicts *aandacht nodig*, and the action points behind schedule
  when the agenda's status is real.
* **Not yet to be judged**: every synthetic stand-in behind a key indicator, and every optional
  dataset that has not been supplied, named with who supplies it and the indicators that wait for it.
* **Examples**: verdicts (*op koers*, *aandacht nodig*) that rest on stand-ins. They are listed
  apart and never count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from analysis.topics import agenda
from analysis.topics.indicators import AANDACHT, ONVOLDOENDE, OP_KOERS

#: At most this many findings open the book (the council reads five to eight).
MAX_FINDINGS = 8
#: Fewer real findings than this: the page says why there are so few.
MIN_FINDINGS = 5
_ORDER = {AANDACHT: 0, OP_KOERS: 1, ONVOLDOENDE: 2}


def _has_value(v: object) -> bool:
    return v is not None and not (isinstance(v, float) and pd.isna(v))


def _real(table: pd.DataFrame) -> pd.Series:
    return ~table["synthetisch"].astype(bool)


def findings(table: pd.DataFrame, max_n: int = MAX_FINDINGS) -> pd.DataFrame:
    """The key indicators that are findings: a current value from real data, verdicts first.

    Parameters
    ----------
    table
        Output of :func:`analysis.topics.indicators.compute_all` (in book order).
    max_n
        At most this many rows.

    Returns
    -------
    DataFrame
        The chosen rows: *aandacht nodig*, then *op koers*, then the rest, each in book order.

    Examples
    --------
    >>> t = pd.DataFrame({"id": ["a", "b", "c", "d"], "waarde": [1.0, 2.0, None, 4.0],
    ...     "oordeel": ["onvoldoende gegevens", "op koers", "aandacht nodig", "aandacht nodig"],
    ...     "synthetisch": [False, False, False, True]})
    >>> findings(t)["id"].tolist()
    ['b', 'a']
    """
    if table.empty:
        return table
    keep = _real(table) & table["waarde"].map(_has_value)
    chosen = table[keep].copy()
    chosen["_rang"] = chosen["oordeel"].map(_ORDER).fillna(len(_ORDER))
    chosen = chosen.sort_values("_rang", kind="stable").drop(columns="_rang")
    return chosen.head(max_n).reset_index(drop=True)


def attention(table: pd.DataFrame) -> pd.DataFrame:
    """The real verdicts *aandacht nodig* (stand-ins never need attention: they are examples).

    Examples
    --------
    >>> t = pd.DataFrame({"id": ["a", "b"], "oordeel": ["aandacht nodig"] * 2,
    ...     "synthetisch": [False, True]})
    >>> attention(t)["id"].tolist()
    ['a']
    """
    if table.empty:
        return table
    return table[_real(table) & (table["oordeel"] == AANDACHT)].reset_index(drop=True)


def examples(table: pd.DataFrame) -> pd.DataFrame:
    """Verdicts from stand-ins (*op koers* or *aandacht nodig*), to show how the page will read.

    Examples
    --------
    >>> t = pd.DataFrame({"id": ["a", "b", "c"], "waarde": [1.0, 2.0, 3.0],
    ...     "oordeel": ["aandacht nodig", "onvoldoende gegevens", "op koers"],
    ...     "synthetisch": [True, True, False]})
    >>> examples(t)["id"].tolist()
    ['a']
    """
    if table.empty:
        return table
    keep = ~_real(table) & table["oordeel"].isin([AANDACHT, OP_KOERS])
    keep &= table["waarde"].map(_has_value)
    return table[keep].reset_index(drop=True)


@dataclass(frozen=True)
class Gap:
    """A dataset without real data yet: what it is, who supplies it, what waits for it.

    Attributes
    ----------
    dataset
        The manifest name (for the Bronnen page; never shown in chapter text).
    titel
        The dataset's title from the manifest.
    leverancier
        Who supplies it: ``"de gemeente"`` or the publishing organisation (``"CBS"``).
    gemeente
        True when the municipality supplies it (an export from its own registration).
    aangeleverd
        False when the file is missing altogether (an optional dataset not supplied); True when a
        synthetic stand-in fills its place.
    indicatoren
        ``(label, hoofdstuk)`` of the key indicators that wait for it, in book order.
    """

    dataset: str
    titel: str
    leverancier: str
    gemeente: bool
    aangeleverd: bool
    indicatoren: tuple[tuple[str, str], ...] = ()


def supplier(entry: Mapping[str, Any]) -> tuple[str, bool]:
    """Who supplies a dataset (from its manifest entry), and whether that is the municipality.

    Examples
    --------
    >>> supplier({"supplier": "gemeente", "source": {"organisation": "Gemeente (synthetisch)"}})
    ('de gemeente', True)
    >>> supplier({"supplier": "publiek", "source": {"organisation": "CBS (synthetisch)"}})
    ('CBS', False)
    """
    if entry.get("supplier") == "gemeente":
        return "de gemeente", True
    org = str((entry.get("source") or {}).get("organisation") or "").strip()
    org = re.sub(r"\s*\(synthetisch\)\s*$", "", org)
    return org or "een publieke bron", False


def data_gaps(
    table: pd.DataFrame, manifest: Mapping[str, Mapping[str, Any]], missing: Iterable[str] = ()
) -> list[Gap]:
    """The datasets whose real data is not there yet, with the key indicators that wait for them.

    Parameters
    ----------
    table
        Output of :func:`analysis.topics.indicators.compute_all` (its ``herkomst`` column).
    manifest
        The data manifest (titles, suppliers and which datasets are synthetic stand-ins).
    missing
        Names of optional datasets whose file is absent (not supplied).

    Returns
    -------
    list of Gap
        First the stand-ins behind key indicators, in the order of the first indicator that waits
        for them; then the other stand-ins in the manifest (by title); then the datasets not
        supplied at all.

    Examples
    --------
    >>> from analysis.core.provenance import Provenance
    >>> t = pd.DataFrame({"label": ["Meldingen"], "hoofdstuk": ["chapters/toegang"],
    ...     "herkomst": [Provenance.dataset("loket", True)]})
    >>> m = {"loket": {"title": "Meldingen", "supplier": "gemeente", "synthetic": True},
    ...      "vrijw": {"title": "Vacatures", "supplier": "gemeente", "synthetic": True},
    ...      "klank": {"title": "Signalen", "supplier": "gemeente", "optioneel": True}}
    >>> [(g.titel, g.aangeleverd, len(g.indicatoren)) for g in data_gaps(t, m, ["klank"])]
    [('Meldingen', True, 1), ('Vacatures', True, 0), ('Signalen', False, 0)]
    """
    waiting: dict[str, list[tuple[str, str]]] = {}
    for _, r in table.iterrows():
        prov = r.get("herkomst")
        for name in sorted(getattr(prov, "synthetic", ()) or ()):
            waiting.setdefault(name, []).append((str(r["label"]), str(r["hoofdstuk"])))
    others = sorted(
        (n for n, e in manifest.items() if e.get("synthetic") and n not in waiting),
        key=lambda n: str(manifest[n].get("title") or n),
    )
    gaps = [_gap(name, manifest, True, tuple(items)) for name, items in waiting.items()]
    gaps += [_gap(name, manifest, True, ()) for name in others]
    gaps += [_gap(name, manifest, False, ()) for name in missing if name not in waiting]
    return gaps


def _gap(name: str, manifest: Mapping[str, Mapping[str, Any]], there: bool, items: tuple) -> Gap:
    entry = manifest.get(name, {})
    who, municipal = supplier(entry)
    title = str(entry.get("title") or name).strip()
    return Gap(name, title, who, municipal, there, items)


def missing_optional(manifest: Mapping[str, Mapping[str, Any]], folder: Any) -> list[str]:
    """Optional datasets (``optioneel: true``) whose file is absent: not supplied yet.

    Examples
    --------
    >>> from pathlib import Path
    >>> missing_optional({"a": {"file": "a.csv", "optioneel": True},
    ...                   "b": {"file": "b.csv"}}, Path("/nonexistent"))
    ['a']
    """
    from pathlib import Path

    base = Path(folder)
    return [
        name
        for name, e in manifest.items()
        if e.get("optioneel") and not (base / str(e.get("file", ""))).is_file()
    ]


@dataclass(frozen=True)
class AgendaFacts:
    """What the action agenda says about a period.

    ``totaal``, ``aan_de_beurt`` and ``gereconstrueerd`` come from the plan (real): the action
    points, those whose first planned year has come, and among those the ones whose planned years
    were reconstructed from the plan's text. ``achter`` counts the points behind schedule by the
    reported status, which is an example when ``status_voorbeeld``.
    """

    periode: str
    totaal: int
    aan_de_beurt: int
    gereconstrueerd: int
    achter: int
    achter_gereconstrueerd: int
    status_voorbeeld: bool


def agenda_facts(
    df_agenda: pd.DataFrame, df_status: pd.DataFrame, periode: str | int, *, status_voorbeeld: bool
) -> AgendaFacts:
    """The agenda's facts for ``periode`` (see :class:`AgendaFacts`).

    Examples
    --------
    >>> a = pd.DataFrame({"id": ["A", "B", "C"], "thema": ["t"] * 3, "actiepunt": ["a", "b", "c"],
    ...     "jaren": ["2025", "2025-2028", "2027"], "jaren_zeker": ["nee", "ja", "nee"]})
    >>> s = pd.DataFrame({"id": ["A", "B"], "periode": ["2025"] * 2, "status": ["lopend"] * 2})
    >>> f = agenda_facts(a, s, 2025, status_voorbeeld=True)
    >>> f.totaal, f.aan_de_beurt, f.gereconstrueerd, f.achter, f.achter_gereconstrueerd
    (3, 2, 1, 1, 1)
    """
    stand = agenda.status_for_period(df_agenda, df_status, periode)
    year = int(str(periode)[:4])
    guessed = agenda.reconstructed_ids(df_agenda)
    due = stand[stand["eerste_jaar"] <= year]
    behind = stand[stand["schema"] == agenda.ACHTER]
    return AgendaFacts(
        periode=str(periode),
        totaal=len(stand),
        aan_de_beurt=len(due),
        gereconstrueerd=int(due["id"].isin(guessed).sum()),
        achter=len(behind),
        achter_gereconstrueerd=int(behind["id"].isin(guessed).sum()),
        status_voorbeeld=status_voorbeeld,
    )
