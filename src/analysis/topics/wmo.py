"""Wmo use: clients with a maatwerkvoorziening per CBS type, age group and period.

The ``wmo_clienten`` dataset follows the CBS Gemeentelijke Monitor Sociaal Domein (tables 85896NED /
86050NED): counts of *persons* per type of maatwerkvoorziening, per half-year (``2024H1``) and per
year (``2024``), with the rate per 1,000 inhabitants of the same group and a status (``voorlopig`` /
``definitief``). Three CBS counting rules are kept here, in code, so chapters cannot break them:

* **Totals count persons once.** A client with help in the household *and* a wheelchair appears in
  both type rows but once in ``Totaal``; the types do not add up to the total (:func:`overlap`).
* **A year is not the sum of its half-years.** A yearly figure counts everyone with a provision at
  any moment of the year (:func:`year_vs_halves`); half-years and years are never mixed in a series
  (:func:`series`).
* **Method break of December 2024.** CBS reprocessed the whole series with an improved method and
  stopped the old tables; figures published before then are not comparable (:data:`METHODEBREUK`).
  Provisional figures carry an asterisk in labels (:func:`period_label`).

The denominator of a rate is the population *of the same group* (all ages for ``totaal``, the
75-plussers for ``75+``) on 1 January of the period's year (:func:`add_rates`); the rate CBS
publishes is kept where present.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pandas as pd

from analysis.config.params_models import Privacy
from analysis.core.codes import Periode, age_bounds, is_total_label
from analysis.core.errors import DataError
from analysis.data.privacy import suppress_counts
from analysis.topics.population import population_by_age

TOTAAL = "Totaal"
TOTAAL_EXCL = "Totaal exclusief verblijf en opvang"
HBH = "Hulp bij het huishouden"
OT = "Ondersteuning thuis, totaal"
HMD = "Hulpmiddelen en diensten, totaal"
VO = "Verblijf en opvang, totaal"
#: The four main CBS types, in StatLine order (the types under ``Totaal``).
TYPES = [HBH, OT, HMD, VO]
#: Short Dutch labels for charts.
KORT = {
    TOTAAL: "Totaal",
    TOTAAL_EXCL: "Totaal excl. verblijf en opvang",
    HBH: "Hulp bij het huishouden",
    OT: "Ondersteuning thuis",
    HMD: "Hulpmiddelen en diensten",
    VO: "Verblijf en opvang",
}
METHODEBREUK = (
    "CBS heeft in december 2024 de hele reeks herberekend met een verbeterde methode en de oude "
    "tabellen stopgezet. Cijfers die vóór december 2024 zijn gepubliceerd (ook in eerdere "
    "beleidsstukken) zijn daardoor niet vergelijkbaar met deze reeks."
)

#: Column header of rates per 1,000 in chart data and tables. No dot in it: Vega-Lite reads a dot in
#: a field name as a nested field ("Per 1" → "000 inwoners") and draws an empty chart.
PER_1000 = "Per duizend inwoners"

_YEAR = re.compile(r"^\d{4}$")
_HALF = re.compile(r"^(\d{4})H([12])$")


def period_kind(periode: str) -> str:
    """``"jaar"`` for ``"2024"``, ``"halfjaar"`` for ``"2024H1"``.

    Examples
    --------
    >>> period_kind("2024"), period_kind("2024H2")
    ('jaar', 'halfjaar')
    """
    p = str(periode)
    if _YEAR.match(p):
        return "jaar"
    if _HALF.match(p):
        return "halfjaar"
    raise ValueError(f"onbekende periode: {periode!r} (verwacht 2024 of 2024H1)")


def period_label(periode: str, status: str) -> str:
    """Dutch period label with an asterisk for provisional figures (CBS: ``*`` = voorlopig).

    Examples
    --------
    >>> period_label("2024H1", "voorlopig"), period_label("2023", "definitief")
    ('2024-1e half*', '2023')
    """
    p = str(periode)
    m = _HALF.match(p)
    label = f"{m[1]}-{m[2]}e half" if m else p
    return label + ("*" if str(status).lower().startswith("voorlopig") else "")


def period_text(periode: str, status: str) -> str:
    """The period in words for prose ("in …", "tot en met …"), with "(voorlopig)" for
    provisional figures; axis labels and tables use the compact :func:`period_label`.

    Examples
    --------
    >>> period_text("2025H2", "voorlopig"), period_text("2023", "definitief")
    ('het 2e halfjaar van 2025 (voorlopig)', '2023')
    """
    label = Periode(str(periode)).in_zin
    return label + (" (voorlopig)" if str(status).lower().startswith("voorlopig") else "")


def _clients(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["periode"] = out["periode"].astype(str)
    out["aantal"] = pd.to_numeric(out["aantal"], errors="coerce").astype("float64")
    if "per_1000" in out:
        out["per_1000"] = pd.to_numeric(out["per_1000"], errors="coerce").astype("float64")
    return out


def group_population(pop: pd.DataFrame, region: str, groups: list[str]) -> pd.DataFrame:
    """Population of ``region`` per year in the client age groups (``0-64``, ``75+``, ``totaal``).

    The population's own age groups (``0-14`` … ``85+``) are summed into each requested group; a
    population group that straddles a requested group's bound raises ``ValueError``.

    Returns
    -------
    DataFrame
        ``periode`` (year as text), ``leeftijd``, ``inwoners``.

    Examples
    --------
    >>> p = pd.DataFrame({"gemeente_code": "GM1", "periode": 2024, "geslacht": "totaal",
    ...     "leeftijd": ["0-64", "65-74", "75-84", "85+"], "waarde": [700, 150, 100, 50]})
    >>> group_population(p, "GM1", ["75+", "totaal"])["inwoners"].tolist()
    [150.0, 1000.0]
    """
    base = population_by_age(pop, region)
    base["periode"] = base["periode"].astype(str)
    parts = []
    for g in groups:
        if is_total_label(g):
            sel = base
        else:
            lo, hi = age_bounds(g)
            keep = []
            for label in base["leeftijd"].unique():
                a, b = age_bounds(label)
                inside = a >= lo and (hi is None or (b is not None and b <= hi))
                outside = (b is not None and b < lo) or (hi is not None and a > hi)
                if inside:
                    keep.append(label)
                elif not outside:
                    raise ValueError(f"leeftijdsgroep {label!r} valt deels in {g!r}")
            sel = base[base["leeftijd"].isin(keep)]
        s = sel.groupby("periode")["waarde"].sum().rename("inwoners").reset_index()
        s["leeftijd"] = g
        parts.append(s)
    return pd.concat(parts, ignore_index=True)[["periode", "leeftijd", "inwoners"]]


def add_rates(clients: pd.DataFrame, pop: pd.DataFrame, region: str) -> pd.DataFrame:
    """Clients of ``region`` with the denominator and the rate per 1,000 inhabitants of the group.

    The denominator (``inwoners``) is the population of the same age group on 1 January of the
    period's year (a half-year uses its year). ``per_1000_berekend`` is ``aantal / inwoners × 1000``;
    ``per_1000`` keeps the CBS-published rate where the data has one and falls back to the computed
    rate otherwise (CBS computes from unrounded counts, so the published rate is the better one).

    Examples
    --------
    >>> c = pd.DataFrame({"gemeente_code": "GM1", "periode": ["2024", "2024H1"], "type": "Totaal",
    ...     "leeftijd": "75+", "aantal": [60, 45], "status": "voorlopig"})
    >>> p = pd.DataFrame({"gemeente_code": "GM1", "periode": 2024, "geslacht": "totaal",
    ...     "leeftijd": ["0-74", "75+"], "waarde": [800, 200]})
    >>> add_rates(c, p, "GM1")["per_1000"].tolist()
    [300.0, 225.0]
    """
    c = _clients(clients[clients["gemeente_code"] == region])
    if c.empty:
        raise DataError(f"geen Wmo-cliënten voor {region}", file=clients.attrs.get("dataset"))
    c["jaar"] = c["periode"].str[:4]
    den = group_population(pop, region, sorted(c["leeftijd"].unique()))
    c = c.merge(den.rename(columns={"periode": "jaar"}), on=["jaar", "leeftijd"], how="left")
    c["per_1000_berekend"] = c["aantal"] / c["inwoners"] * 1000
    if "per_1000" not in c:
        c["per_1000"] = c["per_1000_berekend"]
    c["per_1000"] = c["per_1000"].fillna(c["per_1000_berekend"])
    return c.drop(columns="jaar")


def series(
    df: pd.DataFrame,
    region: str,
    *,
    soort: str = "jaar",
    types: list[str] | None = None,
    leeftijd: str = "totaal",
    upto: str | None = None,
) -> pd.DataFrame:
    """One kind of period only (years *or* half-years) for one region and age group.

    Parameters
    ----------
    soort
        ``"jaar"`` or ``"halfjaar"``: the two are never mixed in one series.
    upto
        Keep periods up to this reporting year (``"2024"`` keeps ``2024H2`` and ``2024``).

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": "GM1", "periode": ["2024", "2024H1", "2025H1"],
    ...     "type": "Totaal", "leeftijd": "totaal", "aantal": [10, 8, 9], "status": "voorlopig"})
    >>> series(d, "GM1", soort="halfjaar", upto="2024")["periode"].tolist()
    ['2024H1']
    """
    d = _clients(df[(df["gemeente_code"] == region) & (df["leeftijd"] == leeftijd)])
    d = d[d["periode"].map(period_kind) == soort]
    if types is not None:
        d = d[d["type"].isin(types)]
    if upto is not None:
        d = d[d["periode"].str[:4] <= str(upto)]
    return d.sort_values(["type", "periode"]).reset_index(drop=True)


def latest_year(df: pd.DataFrame, region: str, upto: str, soort: str = "jaar") -> str | None:
    """The latest *whole* year (or, with ``soort="halfjaar"``, half-year) with data for ``region``
    up to reporting year ``upto``; years and half-years are never mixed.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": "GM1", "periode": ["2023", "2024", "2025H1"]})
    >>> latest_year(d, "GM1", "2025"), latest_year(d, "GM1", "2022")
    ('2024', None)
    >>> latest_year(d, "GM1", "2025", soort="halfjaar")
    '2025H1'
    """
    p = df.loc[df["gemeente_code"] == region, "periode"].astype(str)
    have = sorted(x for x in p.unique() if period_kind(x) == soort and x[:4] <= str(upto))
    return have[-1] if have else None


def year_before(periode: str) -> str:
    """The same period one year earlier (``"2025H1"`` → ``"2024H1"``).

    Examples
    --------
    >>> year_before("2025H1"), year_before("2024")
    ('2024H1', '2023')
    """
    p = str(periode)
    return str(int(p[:4]) - 1) + p[4:]


def overlap(
    df: pd.DataFrame, region: str, periode: str, leeftijd: str = "totaal"
) -> dict[str, Any]:
    """The sum of the four types against ``Totaal``: clients with more than one type of provision.

    Returns ``som_typen``, ``totaal`` and ``verschil`` (= sum − total, the number of extra type
    rows from persons counted in several types; never negative under the CBS rule).

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": "GM1", "periode": "2024", "leeftijd": "totaal",
    ...     "type": ["Totaal", "Hulp bij het huishouden", "Ondersteuning thuis, totaal",
    ...              "Hulpmiddelen en diensten, totaal", "Verblijf en opvang, totaal"],
    ...     "aantal": [100, 60, 30, 40, 5]})
    >>> overlap(d, "GM1", "2024")["verschil"]
    35.0
    """
    d = _clients(df)
    d = d[(d["gemeente_code"] == region) & (d["periode"] == str(periode))]
    d = d[d["leeftijd"] == leeftijd].set_index("type")["aantal"]
    if TOTAAL not in d.index:
        raise DataError(f"geen {TOTAAL!r} voor {region} {periode}", file=df.attrs.get("dataset"))
    som = float(d.reindex(TYPES).sum())
    tot = float(d[TOTAAL])
    return {"som_typen": som, "totaal": tot, "verschil": som - tot}


def year_vs_halves(df: pd.DataFrame, region: str, type_: str = TOTAAL) -> pd.DataFrame:
    """Per year: the yearly count next to both half-years and their sum.

    A yearly count lies between the larger half-year and the sum of both (``binnen_grenzen``): a
    person with help in both halves counts once in the year.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": "GM1", "type": "Totaal", "leeftijd": "totaal",
    ...     "periode": ["2024", "2024H1", "2024H2"], "aantal": [120, 100, 105]})
    >>> r = year_vs_halves(d, "GM1").iloc[0]
    >>> r["jaar"], float(r["som_halfjaren"]), bool(r["binnen_grenzen"])
    ('2024', 205.0, True)
    """
    d = _clients(df)
    d = d[(d["gemeente_code"] == region) & (d["type"] == type_) & (d["leeftijd"] == "totaal")]
    a = d.set_index("periode")["aantal"]
    rows = []
    for p, v in a.items():
        if period_kind(p) != "jaar":
            continue
        h1, h2 = a.get(f"{p}H1"), a.get(f"{p}H2")
        if h1 is None or h2 is None:
            continue
        rows.append(
            {
                "jaar": p,
                "jaar_aantal": float(v),
                "h1": float(h1),
                "h2": float(h2),
                "som_halfjaren": float(h1 + h2),
                "binnen_grenzen": bool(max(h1, h2) <= v <= h1 + h2),
            }
        )
    return pd.DataFrame(rows)


def region_comparison(
    df: pd.DataFrame,
    nl: pd.DataFrame,
    names: dict[str, str],
    *,
    type_: str = TOTAAL_EXCL,
    soort: str = "jaar",
    upto: str | None = None,
) -> pd.DataFrame:
    """Rate per 1,000 of one type for each region and Nederland, long form with Dutch headers.

    ``names`` maps region codes (including ``NL01``) to names; only those regions appear.
    Columns: ``Periode`` (label with ``*`` for provisional), ``Regio``, ``Per duizend inwoners``.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": ["GM1"], "periode": "2024", "type": "Totaal",
    ...     "leeftijd": "totaal", "aantal": 90, "per_1000": 90.0, "status": "voorlopig"})
    >>> n = pd.DataFrame({"gemeente_code": ["NL01"], "periode": "2024", "type": "Totaal",
    ...     "aantal": 9, "per_1000": 70.0, "status": "voorlopig"})
    >>> region_comparison(d, n, {"GM1": "A", "NL01": "NL"}, type_="Totaal")["Regio"].tolist()
    ['A', 'NL']
    """
    frames = []
    for code in names:
        src = nl.assign(leeftijd="totaal") if code == nl["gemeente_code"].iloc[0] else df
        s = series(src, code, soort=soort, types=[type_], upto=upto)
        frames.append(s.assign(Regio=names[code]))
    out = pd.concat(frames, ignore_index=True)
    out["Periode"] = [
        period_label(p, s) for p, s in zip(out["periode"], out["status"], strict=True)
    ]
    out = out.rename(columns={"per_1000": PER_1000})
    return out.sort_values(["periode", "Regio"], key=lambda c: c.map(str))[
        ["Periode", "Regio", PER_1000]
    ].reset_index(drop=True)


def type_table(
    df: pd.DataFrame, region: str, periode: str, privacy: Privacy | Mapping[str, int]
) -> pd.DataFrame:
    """Publishable table of one period: per type the count (suppressed) and rate per 1,000.

    Counts pass :func:`analysis.data.privacy.suppress_counts`; the rate of a suppressed count is hidden
    too. Rows follow CBS order (totals first).

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": "GM1", "periode": "2024", "leeftijd": "totaal",
    ...     "type": ["Totaal", "Verblijf en opvang, totaal"], "aantal": [102, 4],
    ...     "per_1000": [51.0, 2.0], "status": "voorlopig"})
    >>> type_table(d, "GM1", "2024", {"min_cel": 10, "afronding": 5})["Aantal"].tolist()
    [100, <NA>]
    """
    d = _clients(df)
    d = d[(d["gemeente_code"] == region) & (d["periode"] == str(periode))]
    d = d[d["leeftijd"] == "totaal"]
    order = [TOTAAL, TOTAAL_EXCL, *TYPES]
    d = d.set_index("type").reindex([t for t in order if t in set(d["type"])]).reset_index()
    priv = Privacy.of(privacy)
    n = suppress_counts(d["aantal"], priv.min_cel, priv.afronding)
    rate = d["per_1000"].astype("Float64").mask(n.isna())
    return pd.DataFrame({"Type": d["type"].map(KORT), "Aantal": n, PER_1000: rate}).reset_index(
        drop=True
    )


def age_table(
    df: pd.DataFrame,
    region: str,
    periode: str,
    privacy: Privacy | Mapping[str, int],
    type_: str = TOTAAL,
) -> pd.DataFrame:
    """Clients of one type per age group in one period: suppressed count, share of all clients (%)
    and rate per 1,000 inhabitants of the age group.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": "GM1", "periode": "2024", "type": "Totaal",
    ...     "leeftijd": ["0-64", "75+", "totaal"], "aantal": [40, 60, 100],
    ...     "per_1000": [20.0, 300.0, 50.0], "status": "definitief"})
    >>> age_table(d, "GM1", "2024", {"min_cel": 10, "afronding": 5})["Aandeel (%)"].tolist()
    [40.0, 60.0]
    """
    d = _clients(df)
    d = d[(d["gemeente_code"] == region) & (d["periode"] == str(periode)) & (d["type"] == type_)]
    tot = d.loc[d["leeftijd"] == "totaal", "aantal"]
    d = d[d["leeftijd"] != "totaal"].copy()
    d["_lo"] = d["leeftijd"].map(lambda x: age_bounds(x)[0])
    d = d.sort_values("_lo")
    priv = Privacy.of(privacy)
    n = suppress_counts(d["aantal"], priv.min_cel, priv.afronding)
    share = (d["aantal"] / float(tot.iloc[0]) * 100).round(1) if len(tot) else None
    return pd.DataFrame(
        {
            "Leeftijd": d["leeftijd"].to_numpy(),
            "Aantal": n.to_numpy(),
            "Aandeel (%)": pd.Series(share.to_numpy()).astype("Float64").mask(n.isna().to_numpy()),
            PER_1000: d["per_1000"].to_numpy(),
        }
    )


def rate(
    df: pd.DataFrame, region: str, periode: str, type_: str, leeftijd: str = "totaal"
) -> float | None:
    """The rate per 1,000 of one cell, or ``None`` when absent.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": ["GM1"], "periode": "2024", "type": "Totaal",
    ...     "leeftijd": "75+", "aantal": 3, "per_1000": 321.0})
    >>> rate(d, "GM1", "2024", "Totaal", "75+")
    321.0
    """
    d = _clients(df if "leeftijd" in df else df.assign(leeftijd="totaal"))
    d = d[
        (d["gemeente_code"] == region)
        & (d["periode"] == str(periode))
        & (d["type"] == type_)
        & (d["leeftijd"] == leeftijd)
    ]
    return float(d["per_1000"].iloc[0]) if len(d) else None


def chart_series(
    df: pd.DataFrame,
    region: str,
    privacy: Privacy | Mapping[str, int],
    *,
    soort: str = "halfjaar",
    types: list[str] | None = None,
    leeftijd: str = "totaal",
    upto: str | None = None,
) -> pd.DataFrame:
    """Chart-ready series of one region: Dutch period labels (``*`` = voorlopig), short type
    names, the suppressed count and the rate per 1,000 (hidden where the count is suppressed).

    Columns: ``Periode``, ``Type``, ``Aantal``, ``Per duizend inwoners``.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": "GM1", "periode": ["2024H1", "2024H2"],
    ...     "type": "Totaal", "leeftijd": "totaal", "aantal": [102, 4], "per_1000": [51.0, 2.0],
    ...     "status": ["definitief", "voorlopig"]})
    >>> out = chart_series(d, "GM1", {"min_cel": 10, "afronding": 5})
    >>> out["Periode"].tolist(), float(out["Aantal"][0]), bool(pd.isna(out["Aantal"][1]))
    (['2024-1e half', '2024-2e half*'], 100.0, True)
    """
    s = series(df, region, soort=soort, types=types, leeftijd=leeftijd, upto=upto)
    order = {t: i for i, t in enumerate([TOTAAL, TOTAAL_EXCL, *TYPES])}
    s = s.sort_values(["periode", "type"], key=lambda c: c.map(lambda v: order.get(v, v)))
    priv = Privacy.of(privacy)
    n = suppress_counts(s["aantal"], priv.min_cel, priv.afronding)
    rate = s["per_1000"].astype("Float64").mask(n.isna())
    labels = [period_label(p, st) for p, st in zip(s["periode"], s["status"], strict=True)]
    return pd.DataFrame(
        {
            "Periode": labels,
            "Type": s["type"].map(KORT).fillna(s["type"]).to_numpy(),
            "Aantal": n.to_numpy(),
            PER_1000: rate.to_numpy(),
        }
    )


def break_position(labels: list[str]) -> str | None:
    """The first period label at or after the CBS method break (December 2024), or ``None``.

    The break falls in the second half of 2024: on a half-year axis the mark goes at ``2024-2e
    half``, on a year axis at ``2024`` (the first year that was still provisional when CBS
    switched). Labels may carry the provisional asterisk.

    Examples
    --------
    >>> break_position(["2023-2e half", "2024-1e half", "2024-2e half*", "2025-1e half*"])
    '2024-2e half*'
    >>> break_position(["2022", "2023", "2024*"]), break_position(["2019", "2020"])
    ('2024*', None)
    """
    for lab in labels:
        base = lab.rstrip("*")
        if base.startswith("2024-2e") or base == "2024" or base[:4] > "2024":
            return lab
    return None


def format_table(table: pd.DataFrame, decimalen: dict[str, int] | None = None) -> pd.DataFrame:
    """Numbers as Dutch text for an HTML table; suppressed or missing cells become ``"< 10"``
    (counts) or ``"–"`` (other columns).

    Examples
    --------
    >>> t = pd.DataFrame({"Type": ["A", "B"], "Aantal": pd.array([1250, None], dtype="Int64"),
    ...     "Per duizend inwoners": [45.26, None]})
    >>> format_table(t, {"Per duizend inwoners": 1}).values.tolist()
    [['A', '1.250', '45,3'], ['B', '< 10', '–']]
    """
    from analysis.core.numbers import getal

    dec = decimalen or {}
    out = table.copy().astype(object)
    for c in table.columns[1:]:
        out[c] = [
            ("< 10" if c == "Aantal" else "–") if pd.isna(v) else getal(float(v), dec.get(c, 0))
            for v in table[c]
        ]
    return out


def status(df: pd.DataFrame, region: str, periode: str) -> str:
    """``"voorlopig"`` when any figure of ``region`` in ``periode`` is provisional, else
    ``"definitief"``.

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": "GM1", "periode": ["2023", "2024"],
    ...     "status": ["definitief", "voorlopig"]})
    >>> status(d, "GM1", "2024"), status(d, "GM1", "2023")
    ('voorlopig', 'definitief')
    """
    sel = df[(df["gemeente_code"] == region) & (df["periode"].astype(str) == str(periode))]
    st = set(sel["status"].astype(str).str.lower())
    return (
        "voorlopig"
        if any(x.startswith("voorlopig") or x.startswith("nader") for x in st)
        else "definitief"
    )


def method_break(bron: Any = None) -> str:  # noqa: ANN401 - a Bronvermelding or mapping
    """:data:`METHODEBREUK` with its source by title, publisher and date (when ``bron`` is given).

    Examples
    --------
    >>> method_break({"titel": "CBS verbetert", "uitgever": "Blad", "datum": "december 2024"})[-50:]
    'deze reeks (“CBS verbetert”, Blad, december 2024).'
    >>> method_break() == METHODEBREUK
    True
    """
    if not bron:
        return METHODEBREUK
    return f"{METHODEBREUK[:-1]} (“{bron['titel']}”, {bron['uitgever']}, {bron['datum']})."


def compare_national(
    value: float,
    national: float,
    onderwerp: str,
    bepaling: str,
    *,
    herkomst: Any = None,  # noqa: ANN401
) -> Any:  # noqa: ANN401
    """``value`` (per 1,000) against the national figure, as a finding that does not repeat the
    national figure: that one is real and is glued apart (so each number says where it comes
    from, also when ``value`` rests on example data).

    Examples
    --------
    >>> compare_national(94.9, 70.0, "het gebruik", "in 2025").zin()
    'In 2025 was het gebruik 94,9 per 1.000 inwoners: hoger dan het landelijke cijfer.'
    >>> compare_national(70.0, 70.0, "het gebruik", "in 2025").zin()[-36:]
    'even hoog als het landelijke cijfer.'
    """
    from analysis.topics.findings import direction, level

    d = direction(national, value)
    word = {1: "hoger dan", -1: "lager dan", 0: "even hoog als"}[d]
    f = level(
        onderwerp, "was", value, eenheid="per 1.000 inwoners", decimalen=1, bepaling=bepaling,
        herkomst=herkomst,
    )  # fmt: skip
    return type(f)(f.onderwerp, f.werkwoord, f"{f.rest}: {word} het landelijke cijfer",
                   f.bepaling, f.voorbeeld, f.herkomst)  # fmt: skip


def share_75_sentence(pct: float, periode: str, *, herkomst: Any = None) -> Any:  # noqa: ANN401
    """The share of 75-plussers among the clients, set against the plan's "merendeel" (a
    :class:`~analysis.topics.findings.Finding`, for ``report.glue``).

    From example figures that were made to match the plan's statement, the sentence says so and
    draws no conclusion; from real figures it says whether the share is more than half.

    Examples
    --------
    >>> share_75_sentence(64.2, "2024").zin()
    'In 2024 was het aandeel 75-plussers onder de cliënten 64%. Dat is meer dan de helft, zoals het plan zegt.'
    >>> share_75_sentence(45.0, "2024").zin()[-68:]
    ' helft, terwijl het plan zegt dat het merendeel 75 jaar of ouder is.'
    >>> "niet bevestigen" in share_75_sentence(64.2, "2024", herkomst=True).zin()
    True
    """
    from analysis.topics.findings import is_example, joined, level

    zin = level(
        "het aandeel 75-plussers onder de cliënten",
        "was",
        pct,
        eenheid="%",
        bepaling=f"in {periode}",
        herkomst=herkomst,
    )
    if is_example(herkomst):
        extra = (
            "Deze voorbeeldgegevens zijn gemaakt om te passen bij de uitspraak van het plan dat het "
            "merendeel van de gebruikers 75 jaar of ouder is; ze kunnen die uitspraak dus niet "
            "bevestigen."
        )
    elif pct > 50:
        extra = "Dat is meer dan de helft, zoals het plan zegt."
    else:
        extra = "Dat is minder dan de helft, terwijl het plan zegt dat het merendeel 75 jaar of ouder is."
    return joined(zin, extra)


def plan_quote(text: str) -> str:
    """A quotation from the plan, intact, between Dutch quotation marks.

    The quote is shown as the plan wrote it, never spliced into a sentence of our own: it must be
    one or more whole sentences (capital first letter, closing punctuation) without editorial
    brackets such as ``[is]``.

    Raises
    ------
    ValueError
        When the text is not a whole, unedited quotation.

    Examples
    --------
    >>> plan_quote("Dit heeft invloed op de Wmo, omdat het merendeel 75 jaar of ouder is.")
    '“Dit heeft invloed op de Wmo, omdat het merendeel 75 jaar of ouder is.”'
    >>> plan_quote("Het merendeel [is] 75 jaar of ouder.")
    Traceback (most recent call last):
    ...
    ValueError: citaat is bewerkt (haken): 'Het merendeel [is] 75 jaar of ouder.'
    """
    quote = re.sub(r"\s+", " ", str(text)).strip()
    if re.search(r"[\[\]]", quote):
        raise ValueError(f"citaat is bewerkt (haken): {quote!r}")
    if not quote or not quote[0].isupper() or quote[-1] not in ".!?":
        raise ValueError(f"citaat is geen hele zin: {quote!r}")
    return f"“{quote}”"


def _measure(ctx: Any, type_: str, leeftijd: str, soort: str, factor: float) -> Any:  # noqa: ANN401
    from analysis.core.provenance import Provenance
    from analysis.data.datasets import provenance_of
    from analysis.topics.indicators import Measurement

    df = ctx.load("wmo_clienten")
    cur_p = latest_year(df, ctx.code, str(ctx.params.periode), soort)
    if cur_p is None:
        return Measurement(waarde=None, bron="wmo_clienten")
    cur = rate(df, ctx.code, cur_p, type_, leeftijd)
    prev = rate(df, ctx.code, year_before(cur_p), type_, leeftijd)
    nl_val, nl_name, nl_per, nl_prov = None, "", "", None
    if leeftijd == "totaal":
        nl = ctx.load("wmo_clienten_nl")
        land = ctx.params.land["code"]
        nl_p = latest_year(nl, land, cur_p[:4], soort)
        if nl_p is not None:
            v = rate(nl, land, nl_p, type_)
            if v is not None:
                nl_val, nl_name, nl_per = v * factor, f"Nederland {nl_p}", str(nl_p)
                nl_prov = provenance_of(nl)
    else:
        ref = ctx.params.wmo.referentie_75plus
        if ref:
            nl_val, nl_name = float(ref["waarde"]), f"Nederland {ref['periode']}"
            nl_per, nl_prov = str(ref["periode"]), Provenance.assumption("wmo.referentie_75plus")
    return Measurement(
        waarde=None if cur is None else cur * factor,
        vorige=None if prev is None else prev * factor,
        vergelijking=nl_val,
        vergelijking_naam=nl_name,
        doel=None,
        bron="wmo_clienten, wmo_clienten_nl" if leeftijd == "totaal" else "wmo_clienten",
        periode=str(cur_p),
        vorige_periode=str(year_before(cur_p)),
        vergelijking_periode=nl_per,
        herkomst=provenance_of(df),
        herkomst_vergelijking=nl_prov,
    )


def measure_per_1000(ctx: Any) -> Any:  # noqa: ANN401 - registry callback
    """Key indicator: clients per 1,000 (totaal excl. verblijf en opvang), latest whole year,
    against Nederland in the same year."""
    return _measure(ctx, TOTAAL_EXCL, "totaal", "jaar", 1.0)


def measure_75plus(ctx: Any) -> Any:  # noqa: ANN401 - registry callback
    """Key indicator: share (%) of 75-plussers with a maatwerkvoorziening, latest half-year,
    against the national half-year figure in params (``wmo.referentie_75plus``)."""
    return _measure(ctx, TOTAAL, "75+", "halfjaar", 0.1)
