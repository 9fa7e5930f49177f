"""Access to support (the Loket): Wmo meldingen, herindicaties and throughput.

The ``loket_meldingen`` dataset holds monthly counts from the municipal registration (meldingen per
kind of request, herindicaties) and the monthly median number of days from melding to decision.
Counts of people are published only after :func:`analysis.data.privacy.suppress_counts`; the functions
that return publishable tables say so and apply it themselves.

**Legal terms.** The Wmo 2015 has two terms on the way from a melding to a decision: at most six
weeks for the *onderzoek* after the melding (art. 2.3.2, first paragraph) and two weeks for the
*beschikking* after the *aanvraag* (art. 2.3.5, first paragraph). The terms are parameters
(``toegang.termijnen`` in ``params/<periode>.yml``), and each throughput series in the data names the
steps it spans (``toegang.doorlooptijden``): a series from melding to decision spans both, so it is
held against their sum (:func:`series_term`), never against the six weeks of the onderzoek alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from analysis.config.params_models import Privacy
from analysis.core.errors import DataError, ParamsError
from analysis.data.privacy import secondary_suppression, suppress_counts

MELDINGEN = "meldingen"
HERINDICATIES = "herindicaties"
DOORLOOPTIJD = "doorlooptijd melding tot besluit (mediaan)"

_TELWOORDEN = {1: "één", 2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 7: "zeven",
               8: "acht", 9: "negen", 10: "tien", 11: "elf", 12: "twaalf"}  # fmt: skip


def weken_tekst(weken: int) -> str:
    """A number of weeks in Dutch words: ``"één week"``, ``"acht weken"``, ``"14 weken"``.

    Examples
    --------
    >>> weken_tekst(1), weken_tekst(8), weken_tekst(14)
    ('één week', 'acht weken', '14 weken')
    """
    n = int(weken)
    return f"{_TELWOORDEN.get(n, str(n))} {'week' if n == 1 else 'weken'}"


@dataclass(frozen=True)
class LegalTerm:
    """One legal term of the Wmo 2015 on the way from melding to decision.

    Attributes
    ----------
    stap
        Short name, e.g. ``"onderzoek"``.
    weken
        The term in weeks.
    omschrijving
        What the term is for, e.g. ``"het onderzoek na de melding"``.
    reeks
        The throughput series that would measure this step alone, e.g.
        ``"van melding tot verslag van het onderzoek"``.
    artikel
        The legal basis, e.g. ``"artikel 2.3.2, eerste lid, Wmo 2015"``.
    """

    stap: str
    weken: int
    omschrijving: str
    reeks: str
    artikel: str


@dataclass(frozen=True)
class SeriesTerm:
    """The term a throughput series is held against: the sum of the legal steps it spans.

    Examples
    --------
    >>> a = LegalTerm("onderzoek", 6, "het onderzoek", "van melding tot verslag", "art. 1")
    >>> b = LegalTerm("beschikking", 2, "de beschikking", "van aanvraag tot besluit", "art. 2")
    >>> t = SeriesTerm("x", "van melding tot besluit", (a, b))
    >>> t.weken, t.dagen, t.label
    (8, 56, 'onderzoek en beschikking samen: acht weken')
    """

    indicator: str
    reeks: str
    stappen: tuple[LegalTerm, ...]

    @property
    def weken(self) -> int:
        """The term in weeks (the steps added up)."""
        return sum(t.weken for t in self.stappen)

    @property
    def dagen(self) -> int:
        """The term in days."""
        return 7 * self.weken

    @property
    def label(self) -> str:
        """Short Dutch label for a chart legend."""
        names = [t.stap for t in self.stappen]
        what = names[0] if len(names) == 1 else " en ".join(names) + " samen"
        return f"{what}: {weken_tekst(self.weken)}"


def series_term(toegang: Mapping[str, Any] | None, indicator: str = DOORLOOPTIJD) -> SeriesTerm:
    """The legal term for one throughput series, from the params section ``toegang``.

    ``toegang.termijnen`` lists the legal terms (``stap, weken, omschrijving, reeks, artikel``);
    ``toegang.doorlooptijden`` says for each series in the data which steps it spans
    (``indicator, reeks, stappen``). A series that spans several steps is held against their sum.

    Raises
    ------
    ParamsError
        When the section, the series or one of its steps is missing.

    Examples
    --------
    >>> spec = {"termijnen": [
    ...     {"stap": "onderzoek", "weken": 6, "omschrijving": "het onderzoek na de melding",
    ...      "reeks": "van melding tot verslag", "artikel": "artikel 2.3.2, eerste lid, Wmo 2015"},
    ...     {"stap": "beschikking", "weken": 2, "omschrijving": "de beschikking na de aanvraag",
    ...      "reeks": "van aanvraag tot beschikking", "artikel": "artikel 2.3.5, eerste lid, Wmo 2015"}],
    ...   "doorlooptijden": [{"indicator": DOORLOOPTIJD, "reeks": "van melding tot besluit",
    ...                       "stappen": ["onderzoek", "beschikking"]}]}
    >>> series_term(spec).dagen
    56
    """
    if not toegang or not toegang.get("termijnen"):
        raise ParamsError("de wettelijke termijnen ontbreken", field="toegang.termijnen")
    terms = {
        str(t["stap"]): LegalTerm(
            str(t["stap"]),
            int(t["weken"]),
            str(t["omschrijving"]),
            str(t["reeks"]),
            str(t["artikel"]),
        )
        for t in toegang["termijnen"]
    }
    for spec in toegang.get("doorlooptijden") or []:
        if spec["indicator"] != indicator:
            continue
        unknown = [s for s in spec["stappen"] if s not in terms]
        if unknown or not spec["stappen"]:
            raise ParamsError(
                f"onbekende stap {unknown[0] if unknown else '(geen)'!r} voor {indicator!r} "
                f"(bekend: {', '.join(terms)})",
                field="toegang.doorlooptijden",
            )
        return SeriesTerm(indicator, str(spec["reeks"]), tuple(terms[s] for s in spec["stappen"]))
    raise ParamsError(f"geen termijn voor de reeks {indicator!r}", field="toegang.doorlooptijden")


def term_explanation(term: SeriesTerm) -> str:
    """Dutch explanation of the legal terms and of what the series is compared with.

    Examples
    --------
    >>> a = LegalTerm("onderzoek", 6, "het onderzoek na de melding",
    ...               "van melding tot verslag van het onderzoek", "artikel 2.3.2, eerste lid")
    >>> b = LegalTerm("beschikking", 2, "de beschikking na de aanvraag",
    ...               "van aanvraag tot beschikking", "artikel 2.3.5, eerste lid")
    >>> print(term_explanation(SeriesTerm("x", "van melding tot verslag van het onderzoek", (a,))))
    De wet geeft zes weken voor het onderzoek na de melding (artikel 2.3.2, eerste lid). De registratie geeft de doorlooptijd van melding tot verslag van het onderzoek; die vergelijken we met deze termijn van zes weken (42 dagen).
    >>> t = term_explanation(SeriesTerm("x", "van melding tot besluit", (a, b)))
    >>> t[84:]  # doctest: +ELLIPSIS
    'en twee weken voor de beschikking na de aanvraag (artikel 2.3.5, eerste lid). De registratie ...'
    >>> "acht weken (56 dagen)" in t
    True
    """
    parts = [f"{weken_tekst(t.weken)} voor {t.omschrijving} ({t.artikel})" for t in term.stappen]
    law = "De wet geeft " + (
        parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]
    )
    days = f"{weken_tekst(term.weken)} ({term.dagen} dagen)"
    if len(term.stappen) == 1:
        return (
            f"{law}. De registratie geeft de doorlooptijd {term.reeks}; die vergelijken we met "
            f"deze termijn van {days}."
        )
    separate = " en ".join(t.reeks for t in term.stappen)
    return (
        f"{law}. De registratie geeft alleen de doorlooptijd {term.reeks}: die omvat "
        f"{'beide stappen' if len(term.stappen) == 2 else 'al deze stappen'}. Daarom vergelijken "
        f"we haar met de termijnen samen, {days}: de uiterste termijn als elke stap direct op de "
        "vorige volgt. Een langere doorlooptijd is dus niet zonder meer een overschrijding (de "
        "aanvraag kan later zijn ingediend, of de termijn in overleg verlengd), en een kortere "
        "betekent niet dat elke stap op tijd was. Om elke termijn apart te toetsen zijn aparte "
        f"doorlooptijden nodig: {separate}."
    )


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
    privacy: Privacy | Mapping[str, int],
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
    priv = Privacy.of(privacy)
    for c in wide.columns:
        wide[c] = suppress_counts(wide[c], min_cel=priv.min_cel, afronding=priv.afronding)
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
    df: pd.DataFrame, gemeente: str, termijn_dagen: int, indicator: str = DOORLOOPTIJD
) -> pd.DataFrame:
    """Monthly median days of a throughput series, against its term (see :func:`series_term`).

    Returns
    -------
    DataFrame
        ``periode, mediaan_dagen, binnen_termijn`` (bool: median at most ``termijn_dagen``).

    Examples
    --------
    >>> d = pd.DataFrame({"gemeente_code": "GM1", "periode": ["2024-01", "2024-02"],
    ...     "indicator": DOORLOOPTIJD, "soort": "alle", "waarde": [35, 50]})
    >>> throughput(d, "GM1", 42)["binnen_termijn"].tolist()
    [True, False]
    """
    sel = _select(df, gemeente, indicator).sort_values("periode")
    out = pd.DataFrame(
        {"periode": sel["periode"].to_numpy(), "mediaan_dagen": sel["waarde"].to_numpy()}
    )
    out["binnen_termijn"] = out["mediaan_dagen"] <= termijn_dagen
    return out


def throughput_summary(tp: pd.DataFrame, jaar: str | int, termijn_dagen: int) -> dict[str, Any]:
    """Key figures of one year's throughput: months, months within the term, highest median.

    Examples
    --------
    >>> tp = pd.DataFrame({"periode": ["2024-01", "2024-02", "2023-12"],
    ...     "mediaan_dagen": [35, 50, 30], "binnen_termijn": [True, False, True]})
    >>> s = throughput_summary(tp, 2024, 42)
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


def meldingen_measure(ctx: Any) -> Any:  # noqa: ANN401 - key indicator
    """Key indicator: formal Wmo meldingen in the year (published, rounded), against the
    previous year and the plan's figure (``kernindicatoren.yml``); a half-year edition shows the
    last full year."""
    from analysis.data.datasets import provenance_of
    from analysis.topics.indicators import Measurement
    from analysis.topics.population import previous_period

    df = ctx.load("loket_meldingen")
    pub = published_counts(df, ctx.code, ctx.params.privacy, freq="J").set_index("periode")
    per = str(ctx.params.periode)
    if getattr(ctx.params.periode, "is_halfjaar", False):  # a count per year: the last full year
        per = str(ctx.params.periode.jaar - 1)
    prev = previous_period(list(pub.index), per)
    ref, ref_periode, ref_herkomst = None, "", None
    try:
        refs = ctx.load("loket_referentie")
        ref = plan_reference(refs, ctx.code)
        ref_herkomst = provenance_of(refs)
        rows = refs[
            (refs["gemeente_code"] == ctx.code) & refs["indicator"].str.contains("meldingen")
        ]
        ref_periode = str(rows["periode"].iloc[0]) if not rows.empty else ""
    except Exception:  # noqa: BLE001 - the reference is context only
        ref = None
    val = pub.loc[per, "totaal"] if per in pub.index else None
    return Measurement(
        waarde=None if val is None or pd.isna(val) else float(val),
        vorige=float(pub.loc[prev, "totaal"]) if prev else None,
        vergelijking=ref,
        vergelijking_naam="beleidsplan (ongeveer)",
        doel=None,
        bron="loket_meldingen",
        periode=per,
        vorige_periode=str(prev or ""),
        vergelijking_periode=ref_periode if ref is not None else "",
        herkomst=provenance_of(df),
        herkomst_vergelijking=ref_herkomst,
    )


def throughput_chart_data(tp: pd.DataFrame, term: SeriesTerm) -> pd.DataFrame:
    """Monthly medians plus the term as a second series (Dutch headers), for a line chart.

    Values are floats (days, not counts of people).

    Examples
    --------
    >>> a = LegalTerm("onderzoek", 6, "het onderzoek", "van melding tot verslag", "art. 1")
    >>> b = LegalTerm("beschikking", 2, "de beschikking", "van aanvraag tot besluit", "art. 2")
    >>> tp = pd.DataFrame({"periode": ["2024-01"], "mediaan_dagen": [35], "binnen_termijn": [True]})
    >>> throughput_chart_data(tp, SeriesTerm("x", "y", (a, b))).values.tolist()
    ... # doctest: +NORMALIZE_WHITESPACE
    [['2024-01', 'Mediane doorlooptijd', 35.0],
     ['2024-01', 'Wettelijke termijn (onderzoek en beschikking samen: acht weken)', 56.0]]
    """
    a = pd.DataFrame(
        {
            "Maand": tp["periode"].to_numpy(),
            "Reeks": "Mediane doorlooptijd",
            "Dagen": tp["mediaan_dagen"].astype(float).to_numpy(),
        }
    )
    b = a.assign(Reeks=f"Wettelijke termijn ({term.label})", Dagen=float(term.dagen))
    return pd.concat([a, b], ignore_index=True)


def _maanden(n: int) -> str:
    return f"{n} {'maand' if n == 1 else 'maanden'}"


def throughput_sentence(
    summary: Mapping[str, Any], jaar: str | int, term: SeriesTerm, *, voorbeeld: bool = False
) -> str:
    """How many months of a year had a median throughput within the term, in Dutch.

    Reads right for none, one, some and all months. From example figures (``voorbeeld``) it reads
    as an illustration ("In deze voorbeeldgegevens lag …"), never as a finding about the
    municipality.

    Examples
    --------
    >>> a = LegalTerm("onderzoek", 6, "het onderzoek", "van melding tot verslag", "art. 1")
    >>> b = LegalTerm("beschikking", 2, "de beschikking", "van aanvraag tot besluit", "art. 2")
    >>> t = SeriesTerm("x", "van melding tot besluit", (a, b))
    >>> s = {"maanden": 12, "binnen": 8, "boven": 4, "hoogste": 61.0}
    >>> throughput_sentence(s, 2025, t)
    'In 2025 lag de mediane doorlooptijd van melding tot besluit in 8 van de 12 maanden binnen acht weken en in 4 maanden erboven; de hoogste maandmediaan was 61 dagen.'
    >>> throughput_sentence({**s, "binnen": 12, "boven": 0, "hoogste": 50.0}, 2025, t)[60:]
    'in alle 12 maanden binnen acht weken; de hoogste maandmediaan was 50 dagen.'
    >>> throughput_sentence({**s, "binnen": 11, "boven": 1}, 2025, t)[60:]
    'in 11 van de 12 maanden binnen acht weken en in 1 maand erboven; de hoogste maandmediaan was 61 dagen.'
    >>> throughput_sentence(s, 2025, t, voorbeeld=True)[:52]
    'In deze voorbeeldgegevens lag in 2025 de mediane doo'
    """
    from analysis.core.numbers import getal

    n, binnen, boven = int(summary["maanden"]), int(summary["binnen"]), int(summary["boven"])
    termijn = weken_tekst(term.weken)
    if n == 1:
        where = "in de enige maand met gegevens " + ("binnen" if binnen else "boven")
        core = f"{where} {termijn}"
    elif binnen == n:
        core = f"in alle {n} maanden binnen {termijn}"
    elif binnen == 0:
        core = f"in geen van de {n} maanden binnen {termijn}"
    else:
        core = f"in {binnen} van de {n} maanden binnen {termijn} en in {_maanden(boven)} erboven"
    begin = f"In deze voorbeeldgegevens lag in {jaar}" if voorbeeld else f"In {jaar} lag"
    return (
        f"{begin} de mediane doorlooptijd {term.reeks} {core}; de hoogste maandmediaan "
        f"was {getal(summary['hoogste'])} dagen."
    )


def throughput_title(summary: Mapping[str, Any], jaar: str | int, term: SeriesTerm) -> str:
    """Chart title: in how many months of the year the median stayed within the term.

    Examples
    --------
    >>> a = LegalTerm("onderzoek", 6, "het onderzoek", "van melding tot verslag", "art. 1")
    >>> t = SeriesTerm("x", "van melding tot verslag", (a,))
    >>> throughput_title({"maanden": 12, "binnen": 1}, 2025, t)
    'Mediane doorlooptijd in 1 van de 12 maanden van 2025 binnen zes weken'
    >>> throughput_title({"maanden": 12, "binnen": 0}, 2025, t)
    'Mediane doorlooptijd in geen van de 12 maanden van 2025 binnen zes weken'
    """
    n, binnen = int(summary["maanden"]), int(summary["binnen"])
    if binnen == n:
        hoeveel = f"alle {n}" if n > 1 else "de enige"
        tail = "maanden" if n > 1 else "maand"
        return (
            f"Mediane doorlooptijd in {hoeveel} {tail} van {jaar} binnen {weken_tekst(term.weken)}"
        )
    hoeveel = "geen" if binnen == 0 else str(binnen)
    return (
        f"Mediane doorlooptijd in {hoeveel} van de {_maanden(n)} van {jaar} binnen "
        f"{weken_tekst(term.weken)}"
    )


def plan_sentence(aantal: float, plan: float | None, periode: str, *, herkomst: Any = None) -> Any:  # noqa: ANN401
    """The number of meldingen against the plan's "ongeveer 1000" (a
    :class:`~analysis.topics.findings.Finding`).

    From real figures: as the plan expects, or more or fewer. From example figures, which were
    made to match the plan's number, the sentence says so and confirms nothing; the plan's number
    is then not repeated (it is glued apart as a real figure).

    Examples
    --------
    >>> plan_sentence(1035, 1000, "2025").zin()
    'Het aantal formele meldingen was 1.035: zoals het plan verwacht (ongeveer 1.000).'
    >>> plan_sentence(1000, 1000, "2025", herkomst=True).zin()[-78:]
    'n afgestemd op het getal uit het plan; ze kunnen het plan dus niet bevestigen.'
    """
    from analysis.topics.findings import against_plan, is_example, joined, level

    if plan is None or is_example(herkomst):
        f = level("het aantal formele meldingen", "was", aantal, bepaling=f"in {periode}",
                  herkomst=herkomst)  # fmt: skip
        if plan is None:
            return f
        return joined(
            f,
            "Deze voorbeeldgegevens zijn afgestemd op het getal uit het plan; ze kunnen het plan "
            "dus niet bevestigen.",
        )
    return against_plan("het aantal formele meldingen", aantal, plan, herkomst=herkomst)
