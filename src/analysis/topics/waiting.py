"""Waiting and delivery times (huishoudelijke ondersteuning, hulpmiddelen) and the Veilig Thuis
waiting list: the pressures the plan and the Begroting 2026 name.

Both datasets are optional municipal exports (per quarter). Counts of people waiting pass the
small-number rules; days are medians or averages and are shown as they are. A quarter is in an
edition when it ends in the edition's period or before it.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from analysis.config.params_models import Privacy
from analysis.data.privacy import suppress_counts

WACHTTIJD = "wachttijd besluit tot start of levering (mediaan)"
WACHTENDEN = "wachtenden (einde kwartaal)"
VT_WACHTLIJST = "meldingen op de wachtlijst (einde kwartaal)"
VT_WACHTTIJD = "gemiddelde wachttijd tot onderzoek"

_Q = re.compile(r"^(\d{4})Q([1-4])$")


def in_edition(kwartaal: str, periode: str) -> bool:
    """Whether quarter ``kwartaal`` (``2025Q3``) ends within or before edition ``periode``
    (a year ``2025`` or a half-year ``2026H1``).

    Examples
    --------
    >>> in_edition("2025Q4", "2025"), in_edition("2026Q1", "2025")
    (True, False)
    >>> in_edition("2026Q2", "2026H1"), in_edition("2026Q3", "2026H1")
    (True, False)
    """
    m = _Q.match(str(kwartaal))
    if not m:
        return False
    jaar, q = int(m[1]), int(m[2])
    p = str(periode)
    last = int(p[:4]), (2 if p.endswith("H1") else 4)
    return (jaar, q) <= last


def quarter_label(kwartaal: str) -> str:
    """A quarter in words.

    Examples
    --------
    >>> quarter_label("2025Q3")
    'het 3e kwartaal van 2025'
    """
    m = _Q.match(str(kwartaal))
    return f"het {m[2]}e kwartaal van {m[1]}" if m else str(kwartaal)


def axis_label(kwartaal: str) -> str:
    """A quarter for a chart axis, the Dutch way and like the other charts (``2025K3``).

    Examples
    --------
    >>> axis_label("2025Q3"), axis_label("2025")
    ('2025K3', '2025')
    """
    m = _Q.match(str(kwartaal))
    return f"{m[1]}K{m[2]}" if m else str(kwartaal)


def waiting_table(
    df: pd.DataFrame, gemeente: str, periode: str, privacy: Privacy | dict[str, Any]
) -> pd.DataFrame:
    """One row per quarter and voorziening: ``Kwartaal``, ``Voorziening``, ``Wachttijd (dagen)``
    and ``Wachtenden`` (suppressed and rounded), quarters of the edition only.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": "GM1", "periode": ["2025Q4", "2025Q4", "2026Q1"],
    ...     "voorziening": "hulpmiddelen", "indicator": [WACHTTIJD, WACHTENDEN, WACHTTIJD],
    ...     "waarde": [29, 22, 31], "eenheid": ["dagen", "personen", "dagen"]})
    >>> waiting_table(d, "GM1", "2025", {"min_cel": 10, "afronding": 5}).values.tolist()
    [['2025Q4', 'hulpmiddelen', 29.0, 20]]
    """
    priv = Privacy.of(privacy)
    d = df[(df["gemeente_code"] == gemeente) & df["periode"].map(lambda p: in_edition(p, periode))]
    wide = d.pivot_table(
        index=["periode", "voorziening"], columns="indicator", values="waarde", aggfunc="first"
    ).reset_index()
    days = wide[WACHTTIJD] if WACHTTIJD in wide else pd.Series(float("nan"), index=wide.index)
    waiting = wide[WACHTENDEN] if WACHTENDEN in wide else pd.Series(pd.NA, index=wide.index)
    return pd.DataFrame(
        {
            "Kwartaal": wide["periode"].astype(str),
            "Voorziening": wide["voorziening"].astype(str),
            "Wachttijd (dagen)": pd.to_numeric(days, errors="coerce").astype(float).to_numpy(),
            "Wachtenden": suppress_counts(waiting, priv.min_cel, priv.afronding).array,
        }
    ).sort_values(["Kwartaal", "Voorziening"], ignore_index=True)


def veilig_thuis_table(
    df: pd.DataFrame, gemeente: str, periode: str, privacy: Privacy | dict[str, Any]
) -> pd.DataFrame:
    """One row per quarter: ``Meldingen op de wachtlijst`` (suppressed and rounded) and
    ``Wachttijd tot onderzoek (dagen)``, quarters of the edition only.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": "GM1", "periode": ["2025Q1", "2025Q1", "2025Q2"],
    ...     "indicator": [VT_WACHTLIJST, VT_WACHTTIJD, VT_WACHTLIJST], "waarde": [4, 30, 13]})
    >>> veilig_thuis_table(d, "GM1", "2025", {"min_cel": 10, "afronding": 5}).values.tolist()
    [['2025Q1', <NA>, 30.0], ['2025Q2', 15, nan]]
    """
    priv = Privacy.of(privacy)
    d = df[(df["gemeente_code"] == gemeente) & df["periode"].map(lambda p: in_edition(p, periode))]
    wide = d.pivot_table(
        index="periode", columns="indicator", values="waarde", aggfunc="first"
    ).reindex(columns=[VT_WACHTLIJST, VT_WACHTTIJD])
    return pd.DataFrame(
        {
            "Kwartaal": wide.index.astype(str),
            "Meldingen op de wachtlijst": suppress_counts(
                wide[VT_WACHTLIJST], priv.min_cel, priv.afronding
            ).array,
            "Wachttijd tot onderzoek (dagen)": wide[VT_WACHTTIJD].astype(float).to_numpy(),
        }
    ).reset_index(drop=True)


def _year_before(kwartaal: str) -> str:
    return f"{int(kwartaal[:4]) - 1}{kwartaal[4:]}"


def waiting_sentences(table: pd.DataFrame, *, herkomst: Any = None) -> Any:  # noqa: ANN401
    """Per voorziening the waiting time in the latest quarter, against the same quarter a year
    earlier when it is there (an example when the figures are); one
    :class:`~analysis.topics.findings.Finding` for ``report.glue``.

    Examples
    --------
    >>> t = pd.DataFrame({"Kwartaal": ["2024Q4", "2025Q4", "2025Q4"],
    ...     "Voorziening": ["hulpmiddelen", "hulpmiddelen", "huishoudelijke ondersteuning"],
    ...     "Wachttijd (dagen)": [29.0, 34.0, 12.0], "Wachtenden": pd.array([20, 25, None], dtype="Int64")})
    >>> print(waiting_sentences(t).zin())
    In het 4e kwartaal van 2025 was de wachttijd bij huishoudelijke ondersteuning 12 dagen. Tussen het 4e kwartaal van 2024 en het 4e kwartaal van 2025 steeg de wachttijd bij hulpmiddelen van 29 dagen naar 34 dagen.
    >>> waiting_sentences(t.iloc[0:0]).zin()
    'Over de periode van dit rapport zijn geen wachttijden aangeleverd.'
    """
    from analysis.topics.findings import change, joined, level

    if table.empty:
        return joined("Over de periode van dit rapport zijn geen wachttijden aangeleverd.")
    q = table["Kwartaal"].max()
    days = table.set_index(["Kwartaal", "Voorziening"])["Wachttijd (dagen)"]
    zinnen = []
    for v in sorted(table.loc[table["Kwartaal"] == q, "Voorziening"]):
        now, prev = days.get((q, v)), days.get((_year_before(q), v))
        if now is None or pd.isna(now):
            continue
        onderwerp = f"de wachttijd bij {v}"
        if prev is not None and not pd.isna(prev) and prev == now:
            f = level(onderwerp, "was", now, herkomst=herkomst, eenheid="dagen",
                      bepaling=f"in {quarter_label(q)}", toelichting="even lang als een jaar eerder")  # fmt: skip
        elif prev is not None and not pd.isna(prev):
            bep = f"tussen {quarter_label(_year_before(q))} en {quarter_label(q)}"
            f = change(
                onderwerp,
                prev,
                now,
                herkomst=herkomst,
                eenheid="dagen",
                van_naar=True,
                bepaling=bep,
            )
        else:
            f = level(
                onderwerp,
                "was",
                now,
                herkomst=herkomst,
                eenheid="dagen",
                bepaling=f"in {quarter_label(q)}",
            )
        zinnen.append(f)
    return joined(*zinnen)


def veilig_thuis_sentence(table: pd.DataFrame, *, herkomst: Any = None) -> Any:  # noqa: ANN401
    """The Veilig Thuis waiting list at the end of the latest quarter and the waiting time until
    the investigation starts (a :class:`~analysis.topics.findings.Finding`); a list below the
    small-number limit reads "minder dan tien".

    Examples
    --------
    >>> t = pd.DataFrame({"Kwartaal": ["2025Q4"], "Meldingen op de wachtlijst": pd.array([15], dtype="Int64"),
    ...     "Wachttijd tot onderzoek (dagen)": [38.0]})
    >>> veilig_thuis_sentence(t).zin()
    'Aan het eind van het 4e kwartaal van 2025 stonden er 15 meldingen op de wachtlijst; de wachttijd tot het onderzoek was gemiddeld 38 dagen.'
    >>> veilig_thuis_sentence(t.assign(**{"Meldingen op de wachtlijst": pd.array([None], dtype="Int64")})).zin()[:76]
    'Aan het eind van het 4e kwartaal van 2025 stonden er minder dan tien melding'
    >>> veilig_thuis_sentence(t.iloc[0:0]).zin()
    'Over de periode van dit rapport zijn geen cijfers over de wachtlijst aangeleverd.'
    """
    from analysis.topics.findings import Finding, is_example, joined, number, provenance

    if table.empty:
        return joined(
            "Over de periode van dit rapport zijn geen cijfers over de wachtlijst aangeleverd."
        )
    r = table.iloc[-1]
    ex = is_example(herkomst)
    n = r["Meldingen op de wachtlijst"]
    aantal = (
        "minder dan tien meldingen" if pd.isna(n) else number(float(n), "meldingen", voorbeeld=ex)
    )
    rest = f"{aantal} op de wachtlijst"
    dagen = r["Wachttijd tot onderzoek (dagen)"]
    if not pd.isna(dagen):
        rest += f"; de wachttijd tot het onderzoek was gemiddeld {number(float(dagen), 'dagen', voorbeeld=ex)}"
    bepaling = f"aan het eind van {quarter_label(r['Kwartaal'])}"
    return Finding("er", "stonden", rest, bepaling, ex, provenance(herkomst))


def quote(df: pd.DataFrame, column: str, value: str, text: str) -> str:
    """The text of the row whose ``column`` is ``value``, between Dutch quotation marks; empty
    when there is no such row.

    Examples
    --------
    >>> d = pd.DataFrame({"onderwerp": ["wachttijden"], "tekst": ["Wachttijden nemen toe."]})
    >>> quote(d, "onderwerp", "wachttijden", "tekst"), quote(d, "onderwerp", "x", "tekst")
    ('“Wachttijden nemen toe.”', '')
    """
    rows = df.loc[df[column].astype(str) == value, text]
    return f"“{str(rows.iloc[0]).strip()}”" if len(rows) else ""


def waiting_section(
    df: pd.DataFrame | None, gemeente: str, periode: str, privacy: Privacy | dict[str, Any]
) -> tuple[pd.DataFrame | None, Any]:
    """The table and the text of the section on waiting times; without data (``None``: not
    supplied) no table and a plain "nog niet aangeleverd" with who supplies the figures.

    Examples
    --------
    >>> waiting_section(None, "GM1", "2025", {})[1].zin()[:60]
    'De wachttijden voor huishoudelijke ondersteuning en hulpmidd'
    """
    from analysis.topics.findings import joined
    from analysis.topics.supply import not_supplied

    if df is None:
        return None, joined(
            not_supplied(
                "De wachttijden voor huishoudelijke ondersteuning en hulpmiddelen",
                "de gemeente, met gegevens van de aanbieders",
            )
        )
    table = waiting_table(df, gemeente, periode, privacy)
    return table, waiting_sentences(table, herkomst=df)


def veilig_thuis_section(
    df: pd.DataFrame | None, gemeente: str, periode: str, privacy: Privacy | dict[str, Any]
) -> tuple[pd.DataFrame | None, Any]:
    """The table and the text of the section on the Veilig Thuis waiting list (as
    :func:`waiting_section`).

    Examples
    --------
    >>> waiting_section(None, "GM1", "2025", {})[0] is None
    True
    >>> veilig_thuis_section(None, "GM1", "2025", {})[1].zin()[-84:]
    'Deze gegevens levert Veilig Thuis, via de gemeente; zodra ze er zijn, staan ze hier.'
    """
    from analysis.topics.findings import joined
    from analysis.topics.supply import not_supplied

    if df is None:
        return None, joined(
            not_supplied(
                "De cijfers over de wachtlijst van Veilig Thuis", "Veilig Thuis, via de gemeente"
            )
        )
    table = veilig_thuis_table(df, gemeente, periode, privacy)
    return table, veilig_thuis_sentence(table, herkomst=df)


def display(table: pd.DataFrame) -> pd.DataFrame:
    """A waiting-time or waiting-list table as text for the page: quarters in words, counts not
    shown read "< 10", days without a figure "–".

    Examples
    --------
    >>> t = pd.DataFrame({"Kwartaal": ["2025Q1"], "Meldingen op de wachtlijst": pd.array([None], dtype="Int64"),
    ...     "Wachttijd tot onderzoek (dagen)": [30.0]})
    >>> display(t).values.tolist()
    [['1e kwartaal 2025', '< 10', '30']]
    """
    from analysis.core.numbers import getal

    out = table.astype(object).copy()
    out["Kwartaal"] = [f"{k[5]}e kwartaal {k[:4]}" for k in table["Kwartaal"].astype(str)]
    for c in table.columns:
        if c in ("Wachtenden", "Meldingen op de wachtlijst"):
            out[c] = ["< 10" if pd.isna(v) else getal(float(v), 0) for v in table[c]]
        elif "dagen" in c:
            out[c] = ["–" if pd.isna(v) else getal(float(v), 0) for v in table[c]]
    return out
