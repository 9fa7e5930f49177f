"""Wmo clients per product category of the plan, next to the CBS types.

The plan monitors the "aantal inwoners met Wmo-voorzieningen per productcategorie" in its own
categories (huishoudelijke ondersteuning, begeleiding, dagbesteding, kortdurend verblijf, vervoer,
woonvoorzieningen, hulpmiddelen). CBS counts clients per type of maatwerkvoorziening. The documented
mapping (dataset ``productcategorie_cbs``: plan category → CBS type, CBS detail category, iWmo code)
puts them side by side. A client counts once in every category he has, so categories do not add up
to a CBS type, and types do not add up to the total.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.config.params_models import Privacy
from analysis.data.privacy import suppress_counts

#: Column headers of :func:`product_table`.
CATEGORIE, TYPE, ONDERDELEN, CODES = (
    "Productcategorie (plan)",
    "Type bij CBS",
    "Onderdelen bij CBS",
    "iWmo-code",
)
CLIENTEN, CLIENTEN_TYPE = "Cliënten in deze categorie", "Cliënten in dit CBS-type"

#: CBS type titles as the tables of the report write them (short, lower case in prose).
_TYPE_KORT = {
    "Hulp bij het huishouden": "Hulp bij het huishouden",
    "Ondersteuning thuis, totaal": "Ondersteuning thuis",
    "Hulpmiddelen en diensten, totaal": "Hulpmiddelen en diensten",
    "Verblijf en opvang, totaal": "Verblijf en opvang",
}


def latest_period(df: pd.DataFrame, gemeente: str, upto: str) -> str | None:
    """The latest whole year in ``df`` for ``gemeente`` not after ``upto`` (a year or half-year).

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": "GM1", "periode": ["2024", "2025H1", "2025"]})
    >>> latest_period(d, "GM1", "2025H1"), latest_period(d, "GM1", "2025")
    ('2024', '2025')
    """
    years = [
        p
        for p in df.loc[df["gemeente_code"] == gemeente, "periode"].astype(str).unique()
        if p.isdigit() and (p <= upto[:4] if upto.isdigit() else p < upto[:4])
    ]
    return max(years) if years else None


def product_table(
    products: pd.DataFrame | None,
    mapping: pd.DataFrame,
    clients: pd.DataFrame,
    gemeente: str,
    periode: str,
    privacy: Privacy | dict[str, Any],
) -> pd.DataFrame:
    """One row per product category of the plan (in the mapping's order) for one period.

    ``Cliënten in deze categorie`` comes from the municipality's own registration (``products``;
    the column is left out when it was not supplied, ``None``), ``Cliënten in dit CBS-type`` from the
    CBS series (``clients``, all ages); both pass the small-number rules (``<NA>`` when not shown or
    absent).

    Examples
    --------
    >>> m = pd.DataFrame({"productcategorie": ["begeleiding", "vervoer", "vervoer"],
    ...     "cbs_type": ["Ondersteuning thuis, totaal", "Hulpmiddelen en diensten, totaal",
    ...                  "Hulpmiddelen en diensten, totaal"],
    ...     "cbs_detail": ["Begeleiding", "Vervoersdiensten", "Vervoervoorzieningen"],
    ...     "iwmo_code": ["02", "08", "12"]})
    >>> p = pd.DataFrame({"gemeente_code": "GM1", "periode": "2024",
    ...     "productcategorie": ["begeleiding", "vervoer"], "aantal": [363, 8]})
    >>> c = pd.DataFrame({"gemeente_code": "GM1", "periode": "2024", "leeftijd": "totaal",
    ...     "type": ["Ondersteuning thuis, totaal"], "aantal": [512]})
    >>> t = product_table(p, m, c, "GM1", "2024", {"min_cel": 10, "afronding": 5})
    >>> t.values.tolist()
    [['begeleiding', 'Ondersteuning thuis', 'Begeleiding', '02', 365, 510], ['vervoer', 'Hulpmiddelen en diensten', 'Vervoersdiensten; Vervoervoorzieningen', '08, 12', <NA>, <NA>]]
    """
    priv = Privacy.of(privacy)
    grouped = mapping.groupby("productcategorie", sort=False).agg(
        cbs_type=("cbs_type", "first"),
        onderdelen=("cbs_detail", lambda s: "; ".join(map(str, s))),
        codes=("iwmo_code", lambda s: ", ".join(f"{int(c):02d}" for c in s)),
    )
    own = None
    if products is not None:
        sel = products[
            (products["gemeente_code"] == gemeente) & (products["periode"].astype(str) == periode)
        ]
        own = sel.set_index("productcategorie")["aantal"].reindex(grouped.index)
    cl = clients[
        (clients["gemeente_code"] == gemeente)
        & (clients["periode"].astype(str) == periode)
        & (clients["leeftijd"] == "totaal")
    ]
    per_type = cl.set_index("type")["aantal"].reindex(grouped["cbs_type"])
    out = pd.DataFrame(
        {
            CATEGORIE: grouped.index,
            TYPE: grouped["cbs_type"].map(lambda t: _TYPE_KORT.get(t, t)).to_numpy(),
            ONDERDELEN: grouped["onderdelen"].to_numpy(),
            CODES: grouped["codes"].to_numpy(),
        }
    )
    if own is not None:
        out[CLIENTEN] = suppress_counts(own, priv.min_cel, priv.afronding).array
    out[CLIENTEN_TYPE] = suppress_counts(per_type, priv.min_cel, priv.afronding).array
    return out


def display(table: pd.DataFrame) -> pd.DataFrame:
    """:func:`product_table` as text for the page (without the iWmo codes): a count too small to
    show reads "< 10", an absent one "–".

    Examples
    --------
    >>> t = pd.DataFrame({"Productcategorie (plan)": ["vervoer"], "Type bij CBS": ["Hulpmiddelen"],
    ...     "Onderdelen bij CBS": ["Vervoersdiensten"], "iWmo-code": ["08"],
    ...     "Cliënten in deze categorie": pd.array([None], dtype="Int64"),
    ...     "Cliënten in dit CBS-type": pd.array([1250], dtype="Int64")})
    >>> display(t).values.tolist()
    [['vervoer', 'Hulpmiddelen', 'Vervoersdiensten', '< 10', '1.250']]
    """
    from analysis.core.numbers import getal

    out = table.drop(columns=[CODES]).astype(object)
    for c in (CLIENTEN, CLIENTEN_TYPE):
        if c in out:
            out[c] = ["< 10" if pd.isna(v) else getal(float(v), 0) for v in table[c]]
    return out


def summary(table: pd.DataFrame, periode: str, *, herkomst: object = None) -> Any:  # noqa: ANN401
    """One sentence on the categories (a :class:`~analysis.topics.findings.Finding`): the largest
    one, or that the figures were not supplied (and who supplies them).

    Examples
    --------
    >>> t = pd.DataFrame({"Productcategorie (plan)": ["begeleiding", "vervoer"],
    ...     "Cliënten in deze categorie": pd.array([365, 640], dtype="Int64")})
    >>> summary(t, "2024").zin()
    'In 2024 had de grootste categorie, vervoer, 640 cliënten.'
    >>> summary(t.drop(columns="Cliënten in deze categorie"), "2024").zin()[:72]
    'De aantallen cliënten per productcategorie zijn nog niet aangeleverd. De'
    """
    from analysis.topics.findings import joined, level
    from analysis.topics.supply import not_supplied

    if CLIENTEN not in table or table[CLIENTEN].isna().all():
        return joined(
            not_supplied(
                "De aantallen cliënten per productcategorie",
                "de gemeente uit haar eigen registratie",
            )
        )
    top = table.loc[table[CLIENTEN].astype("Float64").idxmax()]
    return level(
        f"de grootste categorie, {top[CATEGORIE]},",
        "had",
        float(top[CLIENTEN]),
        eenheid="cliënten",
        bepaling=f"in {periode}",
        herkomst=herkomst,
    )
