"""Access to support (the Loket): Wmo meldingen, herindicaties and throughput.

The ``loket_meldingen`` dataset holds monthly counts from the municipal registration (meldingen per
kind of request, herindicaties) and the monthly median number of days from melding to decision.
Counts of people are published only after :func:`analysis.data.privacy.suppress_counts`; the functions
that return publishable tables say so and apply it themselves.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.core.errors import DataError
from analysis.data.privacy import secondary_suppression, suppress_counts

MELDINGEN = "meldingen"
HERINDICATIES = "herindicaties"
DOORLOOPTIJD = "doorlooptijd melding tot besluit (mediaan)"
#: The legal term from melding to decision: 6 weeks for the investigation (Wmo 2015, art. 2.3.2).
WETTELIJKE_TERMIJN_DAGEN = 42


def _select(df: pd.DataFrame, gemeente: str, indicator: str) -> pd.DataFrame:
    sel = df[(df["gemeente_code"] == gemeente) & (df["indicator"] == indicator)].copy()
    if sel.empty:
        raise DataError(
            f"geen gegevens voor indicator {indicator!r} en gemeente {gemeente}",
            file=df.attrs.get("dataset"),
        )
    sel["periode"] = sel["periode"].astype(str)
    sel["waarde"] = pd.to_numeric(sel["waarde"], errors="coerce")
    return sel


def period_of_month(maand: str, freq: str) -> str:
    """The quarter (``"2024K2"``, as CBS writes it) or year (``"2024"``) a month ``"YYYY-MM"`` belongs to.

    ``freq`` is ``"M"`` (month itself), ``"K"`` (quarter) or ``"J"`` (year).

    Examples
    --------
    >>> period_of_month("2024-05", "K"), period_of_month("2024-05", "J")
    ('2024K2', '2024')
    """
    jaar, maand_nr = maand[:4], int(maand[5:7])
    if freq == "M":
        return maand
    if freq == "K":
        return f"{jaar}K{(maand_nr - 1) // 3 + 1}"
    if freq == "J":
        return jaar
    raise ValueError(f"onbekende frequentie {freq!r}: gebruik 'M', 'K' of 'J'")


def raw_counts(
    df: pd.DataFrame, gemeente: str, indicator: str = MELDINGEN, freq: str = "J"
) -> pd.DataFrame:
    """Unsuppressed counts per period (month, quarter or year) and kind, plus a total per period.

    For computation only (e.g. a key indicator that is suppressed afterwards); never show this
    table: use :func:`published_counts`.

    Returns
    -------
    DataFrame
        Columns ``periode, soort, aantal``; a row ``soort == "totaal"`` per period is added when
        there is more than one kind. Only complete periods are returned (3 months for a quarter,
        12 for a year).

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": "GM1", "indicator": "meldingen",
    ...     "periode": ["2024-01", "2024-02", "2024-03", "2024-04"], "soort": "vervoer",
    ...     "waarde": [5, 6, 7, 8]})
    >>> raw_counts(d, "GM1", freq="K").values.tolist()
    [['2024K1', 'vervoer', 18]]
    """
    sel = _select(df, gemeente, indicator)
    sel["p"] = sel["periode"].map(lambda m: period_of_month(m, freq))
    need = {"M": 1, "K": 3, "J": 12}[freq]
    months = sel.groupby("p")["periode"].nunique()
    complete = months[months == need].index
    sel = sel[sel["p"].isin(complete)]
    out = sel.groupby(["p", "soort"], sort=True)["waarde"].sum().reset_index()
    if out["soort"].nunique() > 1:
        tot = out.groupby("p")["waarde"].sum().reset_index().assign(soort="totaal")
        out = pd.concat([out, tot], ignore_index=True)
    out = out.rename(columns={"p": "periode", "waarde": "aantal"})
    out["aantal"] = out["aantal"].astype(int)
    return out.sort_values(["periode", "soort"]).reset_index(drop=True)[
        ["periode", "soort", "aantal"]
    ]


def published_counts(
    df: pd.DataFrame,
    gemeente: str,
    privacy: dict[str, int],
    indicator: str = MELDINGEN,
    freq: str = "J",
) -> pd.DataFrame:
    """Counts per period and kind, safe to publish: suppressed, rounded and secondarily suppressed.

    Each cell goes through :func:`~analysis.data.privacy.suppress_counts` (thresholds from
    ``privacy``: ``min_cel``, ``afronding``); when a period's total is published and exactly one
    kind is suppressed, :func:`~analysis.data.privacy.secondary_suppression` hides one more kind.

    Returns
    -------
    DataFrame
        Wide: ``periode`` and one column per kind (``totaal`` last when present), nullable
        integers (``<NA>`` = suppressed).

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": "GM1", "indicator": "meldingen",
    ...     "periode": ["2024-01"] * 3, "soort": ["a", "b", "c"], "waarde": [4, 22, 31]})
    >>> t = published_counts(d, "GM1", {"min_cel": 10, "afronding": 5}, freq="M")
    >>> t.columns.tolist(), t["totaal"].tolist(), t["a"].isna().tolist(), t["b"].isna().tolist()
    (['periode', 'a', 'b', 'c', 'totaal'], [55], [True], [True])
    """
    raw = raw_counts(df, gemeente, indicator, freq)
    wide = raw.pivot(index="periode", columns="soort", values="aantal")
    kinds = [c for c in wide.columns if c != "totaal"]
    wide = wide[kinds + (["totaal"] if "totaal" in wide.columns else [])]
    for c in wide.columns:
        wide[c] = suppress_counts(
            wide[c], min_cel=privacy.get("min_cel", 10), afronding=privacy.get("afronding", 5)
        )
    if "totaal" in wide.columns:
        wide = secondary_suppression(wide, kinds, "totaal")
    wide = wide.astype("Int64")
    wide.columns.name = None
    return wide.reset_index()


def to_long(wide: pd.DataFrame, value: str = "Aantal", kind: str = "Soort") -> pd.DataFrame:
    """A wide table from :func:`published_counts` in long form for a chart (Dutch headers).

    Examples
    --------
    >>> w = pd.DataFrame({"periode": ["2024"], "a": pd.array([10], "Int64")})
    >>> to_long(w).values.tolist()
    [['2024', 'a', 10]]
    """
    long = wide.melt(id_vars="periode", var_name=kind, value_name=value)
    return long.rename(columns={"periode": "Periode"})


def throughput(
    df: pd.DataFrame, gemeente: str, termijn_dagen: int = WETTELIJKE_TERMIJN_DAGEN
) -> pd.DataFrame:
    """Monthly median days from melding to decision, against the legal term.

    Returns
    -------
    DataFrame
        ``periode, mediaan_dagen, binnen_termijn`` (bool: median at most ``termijn_dagen``).

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": "GM1", "periode": ["2024-01", "2024-02"],
    ...     "indicator": DOORLOOPTIJD, "soort": "alle", "waarde": [35, 50]})
    >>> throughput(d, "GM1")["binnen_termijn"].tolist()
    [True, False]
    """
    sel = _select(df, gemeente, DOORLOOPTIJD).sort_values("periode")
    out = pd.DataFrame(
        {"periode": sel["periode"].to_numpy(), "mediaan_dagen": sel["waarde"].to_numpy()}
    )
    out["binnen_termijn"] = out["mediaan_dagen"] <= termijn_dagen
    return out


def throughput_summary(
    tp: pd.DataFrame, jaar: str | int, termijn_dagen: int = WETTELIJKE_TERMIJN_DAGEN
) -> dict[str, Any]:
    """Key figures of one year's throughput: months, months within the term, highest median.

    Examples
    --------
    >>> tp = pd.DataFrame({"periode": ["2024-01", "2024-02", "2023-12"],
    ...     "mediaan_dagen": [35, 50, 30], "binnen_termijn": [True, False, True]})
    >>> s = throughput_summary(tp, 2024)
    >>> s["maanden"], s["binnen"], s["hoogste"], s["gemiddelde_mediaan"]
    (2, 1, 50.0, 42.5)
    """
    year = tp[tp["periode"].str.startswith(str(jaar))]
    if year.empty:
        raise DataError(f"geen doorlooptijden voor {jaar}")
    return {
        "maanden": int(len(year)),
        "binnen": int(year["binnen_termijn"].sum()),
        "boven": int((~year["binnen_termijn"]).sum()),
        "hoogste": float(year["mediaan_dagen"].max()),
        "gemiddelde_mediaan": float(year["mediaan_dagen"].mean()),
        "termijn": termijn_dagen,
    }


def plan_reference(df_ref: pd.DataFrame, gemeente: str) -> float | None:
    """The plan's figure for formal Wmo meldingen a year (``loket_referentie``), or ``None``.

    Examples
    --------
    >>> r = pd.DataFrame({"gemeente_code": ["GM1"], "periode": [2024],
    ...     "indicator": ["formele Wmo-meldingen per jaar (ongeveer)"], "waarde": [1000]})
    >>> plan_reference(r, "GM1")
    1000.0
    """
    sel = df_ref[
        (df_ref["gemeente_code"] == gemeente)
        & df_ref["indicator"].str.contains("meldingen", case=False)
    ]
    return float(sel["waarde"].iloc[0]) if not sel.empty else None


def _ind_meldingen(ctx: Any) -> Any:  # noqa: ANN401 - registry callback
    from analysis.topics.indicators import Measurement
    from analysis.topics.population import previous_period

    df = ctx.load("loket_meldingen")
    pub = published_counts(df, ctx.code, ctx.params.privacy, freq="J").set_index("periode")
    per = str(ctx.params.periode)
    prev = previous_period(list(pub.index), per)
    try:
        ref = plan_reference(ctx.load("loket_referentie"), ctx.code)
    except Exception:  # noqa: BLE001 - the reference is context only
        ref = None
    val = pub.loc[per, "totaal"] if per in pub.index else None
    return Measurement(
        waarde=None if val is None or pd.isna(val) else float(val),
        vorige=float(pub.loc[prev, "totaal"]) if prev else None,
        vergelijking=ref,
        vergelijking_naam="beleidsplan (ongeveer)",
        doel=None,
        synthetisch=bool(df.attrs.get("manifest", {}).get("synthetic", False)),
        bron="loket_meldingen",
    )


def _register() -> None:
    from analysis.topics.indicators import key_indicator

    key_indicator(
        "loket_meldingen_jaar",
        label="Formele Wmo-meldingen bij het Loket per jaar",
        hoofdstuk="chapters/toegang",
        eenheid="meldingen",
        decimalen=0,
    )(_ind_meldingen)


_register()


def throughput_chart_data(
    tp: pd.DataFrame, termijn_dagen: int = WETTELIJKE_TERMIJN_DAGEN
) -> pd.DataFrame:
    """Monthly medians plus the legal term as a second series (Dutch headers), for a line chart.

    Values are floats (days, not counts of people).

    Examples
    --------
    >>> tp = pd.DataFrame({"periode": ["2024-01"], "mediaan_dagen": [35], "binnen_termijn": [True]})
    >>> throughput_chart_data(tp).values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['2024-01', 'Mediane doorlooptijd', 35.0],
     ['2024-01', 'Wettelijke termijn (6 weken)', 42.0]]
    """
    a = pd.DataFrame(
        {
            "Maand": tp["periode"].to_numpy(),
            "Reeks": "Mediane doorlooptijd",
            "Dagen": tp["mediaan_dagen"].astype(float).to_numpy(),
        }
    )
    b = a.assign(Reeks="Wettelijke termijn (6 weken)", Dagen=float(termijn_dagen))
    return pd.concat([a, b], ignore_index=True)
