"""Wmo use per wijk: the CBS neighbourhood figures (Gemeentelijke Monitor Sociaal Domein).

CBS publishes the number of Wmo clients per wijk with the rate per 1,000 inhabitants of that wijk
(its own denominator: the wijk's population). A wijk belongs to a municipality when its code is
``WK`` followed by the municipality's four digits (``GM0397`` → ``WK0397…``). Counts follow the
small-number rules of the report (below ``min_cel`` not shown, the rest rounded); the rate of a
count that is not shown is not shown either. A CBS ``.`` (unknown or secret) stays unknown.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from analysis.config.params_models import Privacy
from analysis.core.numbers import getal
from analysis.data.privacy import suppress_counts

#: Column headers of :func:`wijk_table`.
WIJK, JAAR, AANTAL, PER_1000 = "Wijk", "Jaar", "Wmo-cliënten", "Per duizend inwoners"


def wijk_code_prefix(gemeente_code: str) -> str:
    """The code prefix of the wijken of a municipality.

    Examples
    --------
    >>> wijk_code_prefix("GM0397")
    'WK0397'
    """
    return "WK" + str(gemeente_code)[2:]


def wijk_name(cbs_name: str) -> str:
    """A wijk name without CBS's number prefix or municipality suffix.

    Examples
    --------
    >>> wijk_name("Wijk 02 Centrum west van de spoorbaan")
    'Centrum west van de spoorbaan'
    >>> wijk_name("Wijk 02 Duinrand (Buurgemeente)")
    'Duinrand'
    """
    name = re.sub(r"^Wijk\s+\d+\s+", "", str(cbs_name).strip())
    return re.sub(r"\s*\([^)]*\)$", "", name)


def wijk_table(
    df: pd.DataFrame, gemeente_code: str, privacy: Privacy | dict[str, Any]
) -> pd.DataFrame:
    """The wijken of one municipality: clients (all financing forms) and the rate per 1,000.

    One row per wijk and year, latest year first, then by name. ``Wmo-cliënten`` is suppressed and
    rounded (``<NA>`` when not shown or unknown at CBS); ``Per duizend inwoners`` is CBS's rate, hidden
    with its count. ``Onbekend`` is ``True`` where CBS published a ``.``.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": ["WK039702", "WK039703", "WK037702"],
    ...     "periode": ["2023", "2023", "2023"], "wijk": ["Wijk 02 West", "Wijk 03 Oost", "Wijk 02 X"],
    ...     "financieringsvorm": "Totaal", "aantal": [32, 7, 50], "per_1000": [28.0, 4.0, 30.0],
    ...     "status": "definitief"})
    >>> wijk_table(d, "GM0397", {"min_cel": 10, "afronding": 5})["Wmo-cliënten"].tolist()
    [<NA>, 30]
    """
    priv = Privacy.of(privacy)
    d = df[df["gemeente_code"].astype(str).str.startswith(wijk_code_prefix(gemeente_code))]
    d = d[d["financieringsvorm"].astype(str).str.lower() == "totaal"].copy()
    count = suppress_counts(d["aantal"], priv.min_cel, priv.afronding)
    rate = pd.to_numeric(d["per_1000"], errors="coerce").astype("Float64").mask(count.isna())
    out = pd.DataFrame(
        {
            WIJK: d["wijk"].map(wijk_name).to_numpy(),
            JAAR: d["periode"].astype(str).to_numpy(),
            AANTAL: count.array,
            PER_1000: rate.array,
            "Onbekend": (d["status"].astype(str) == "onbekend").to_numpy(),
        }
    )
    out = out.sort_values([JAAR, WIJK], ascending=[False, True])
    return out.reset_index(drop=True)


def display(table: pd.DataFrame) -> pd.DataFrame:
    """:func:`wijk_table` as text for the page: "onbekend" where CBS gave none, "< 10" where the
    count is too small to show.

    Examples
    --------
    >>> t = pd.DataFrame({"Wijk": ["A", "B", "C"], "Jaar": "2023",
    ...     "Wmo-cliënten": pd.array([1250, None, None], dtype="Int64"),
    ...     "Per duizend inwoners": pd.array([28.0, None, None], dtype="Float64"),
    ...     "Onbekend": [False, False, True]})
    >>> display(t).values.tolist()
    [['A', '2023', '1.250', '28'], ['B', '2023', '< 10', '–'], ['C', '2023', 'onbekend', 'onbekend']]
    """
    out = table[[WIJK, JAAR]].copy()
    unknown = table["Onbekend"].to_numpy()
    out[AANTAL] = [
        "onbekend" if u else ("< 10" if pd.isna(v) else getal(float(v), 0))
        for v, u in zip(table[AANTAL], unknown, strict=True)
    ]
    out[PER_1000] = [
        "onbekend" if u else ("–" if pd.isna(v) else getal(float(v), 0))
        for v, u in zip(table[PER_1000], unknown, strict=True)
    ]
    return out


def _shown(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of the latest year whose rate can be shown."""
    if table.empty:
        return table
    latest = table[table[JAAR] == table[JAAR].max()]
    return latest[latest[PER_1000].notna()]


def wijk_sentence(table: pd.DataFrame, gemeente: str) -> str:
    """What the wijk figures of the latest year say, right for none, one and several wijken.

    Examples
    --------
    >>> t = pd.DataFrame({"Wijk": ["Oost", "West"], "Jaar": "2023",
    ...     "Wmo-cliënten": pd.array([None, 30], dtype="Int64"),
    ...     "Per duizend inwoners": pd.array([None, 28.0], dtype="Float64"), "Onbekend": False})
    >>> wijk_sentence(t, "Gemeente")
    'In 2023 hadden in de wijk West 30 inwoners een Wmo-maatwerkvoorziening: 28 per 1.000 inwoners van die wijk. Van één andere wijk is het aantal te klein of onbekend om te tonen.'
    >>> wijk_sentence(t.iloc[0:0], "Gemeente")
    'CBS heeft voor Gemeente nog geen cijfers per wijk gepubliceerd die in deze gegevens staan.'
    """
    if table.empty:
        return (
            f"CBS heeft voor {gemeente} nog geen cijfers per wijk gepubliceerd die in deze "
            "gegevens staan."
        )
    jaar = table[JAAR].max()
    shown = _shown(table)
    hidden = int((table[JAAR] == jaar).sum()) - len(shown)
    if len(shown) == 0:
        text = f"In {jaar} waren de aantallen per wijk te klein of onbekend om te tonen."
    elif len(shown) == 1:
        r = shown.iloc[0]
        text = (
            f"In {jaar} hadden in de wijk {r[WIJK]} {getal(float(r[AANTAL]), 0)} inwoners een "
            f"Wmo-maatwerkvoorziening: {getal(float(r[PER_1000]), 0)} per 1.000 inwoners van die wijk."
        )
    else:
        lo = shown.loc[shown[PER_1000].astype(float).idxmin()]
        hi = shown.loc[shown[PER_1000].astype(float).idxmax()]
        text = (
            f"In {jaar} liep het Wmo-gebruik in de {len(shown)} wijken uiteen van "
            f"{getal(float(lo[PER_1000]), 0)} per 1.000 inwoners ({lo[WIJK]}) tot "
            f"{getal(float(hi[PER_1000]), 0)} ({hi[WIJK]})."
        )
        if lo[PER_1000] == hi[PER_1000]:
            text = (
                f"In {jaar} was het Wmo-gebruik in alle {len(shown)} wijken "
                f"{getal(float(lo[PER_1000]), 0)} per 1.000 inwoners."
            )
    if hidden == 1:
        text += " Van één andere wijk is het aantal te klein of onbekend om te tonen."
    elif hidden > 1:
        text += f" Van {hidden} andere wijken is het aantal te klein of onbekend om te tonen."
    return text


def chart_data(table: pd.DataFrame) -> pd.DataFrame:
    """Bars for the latest year: each wijk whose rate can be shown (CBS figures only; a
    municipal figure from other data is not set beside them).

    Examples
    --------
    >>> t = pd.DataFrame({"Wijk": ["West", "Oost"], "Jaar": "2023",
    ...     "Wmo-cliënten": pd.array([30, None], dtype="Int64"),
    ...     "Per duizend inwoners": pd.array([28.0, None], dtype="Float64"), "Onbekend": False})
    >>> chart_data(t).values.tolist()
    [['West', 28.0]]
    """
    shown = _shown(table)
    return pd.DataFrame(
        {
            WIJK: shown[WIJK].astype(str).to_numpy(),
            PER_1000: shown[PER_1000].astype(float).to_numpy(),
        }
    )


def neighbourhood_actions(plan: pd.DataFrame, themas: list[str] | None = None) -> list[str]:
    """The action points of the plan's agenda about buurten or wijken (in ``themas`` when given),
    each once, in the plan's own words.

    Examples
    --------
    >>> a = pd.DataFrame({"thema": ["Wmo", "Wmo", "Wmo", "Wonen"],
    ...     "actiepunt": ["Aanbod aanpassen aan behoefte per buurt", "Aanbod aanpassen aan behoefte per buurt",
    ...                   "Tarieven herzien", "Landing in de wijk"]})
    >>> neighbourhood_actions(a, ["Wmo"])
    ['Aanbod aanpassen aan behoefte per buurt']
    >>> neighbourhood_actions(a)
    ['Aanbod aanpassen aan behoefte per buurt', 'Landing in de wijk']
    """
    d = plan if not themas else plan[plan["thema"].isin(themas)]
    hits = d.loc[d["actiepunt"].astype(str).str.contains(r"\b(?:buurt|wijk)", case=False)]
    return list(dict.fromkeys(hits["actiepunt"].astype(str)))
