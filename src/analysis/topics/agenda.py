"""The plan's action agenda (Uitvoeringsagenda): action points, planned years and their status.

Two datasets feed this module:

* ``uitvoeringsagenda``: every action point of the plan's appendix, with its theme, the plan's
  chapter and the years (2025-2028) it is planned for;
* ``agenda_status``: the municipality's status per action point per period: ``gepland``,
  ``lopend``, ``gereed``, ``vertraagd`` or ``vervallen``.

Column names are read leniently (``id``/``actie_id``, ``actiepunt``/``tekst``, a ``jaar`` column in
long form, year columns ``2025``…``2028`` in wide form, or a ``jaren`` text such as
``"2025;2026"``) and normalised by :func:`planned_years` to one row per action point and planned
year: ``id, hoofdstuk, thema, actiepunt, jaar``.

Chapters call :func:`action_points` (a table of one theme's action points with their planned
years, Dutch column headers); :mod:`analysis.present.actions` shows it as an accessible HTML table
(with the reported status marked as synthetic where it is a stand-in) to end with the plan's agenda
for their theme.

Schedule rule (:func:`schedule_state`), for reporting period *P* (a year):

* ``gereed`` / ``vervallen``: as reported;
* **achter op schema** (overdue): the last planned year is ≤ *P* and the point is not
  ``gereed``/``vervallen``; or it is reported ``vertraagd``; or its first planned year is ≤ *P*
  and it is still only ``gepland`` (not started);
* **op schema**: due (first planned year ≤ *P*) and ``lopend`` without being overdue;
* **nog niet aan de beurt**: first planned year > *P* and not reported otherwise;
* **status onbekend**: due, but no status reported for *P*.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

import pandas as pd

from analysis.core.codes import Periode
from analysis.core.errors import DataError
from analysis.topics.indicators import Measurement, Target

STATUSES = ["gepland", "lopend", "gereed", "vertraagd", "vervallen"]
DONE = {"gereed", "vervallen"}

OP_SCHEMA = "op schema"
ACHTER = "achter op schema"
NOG_NIET = "nog niet aan de beurt"
GEREED = "gereed"
VERVALLEN = "vervallen"
ONBEKEND = "status onbekend"
SCHEDULE_STATES = [GEREED, OP_SCHEMA, ACHTER, NOG_NIET, ONBEKEND, VERVALLEN]
#: Added to the planned years of an action point whose years were reconstructed (see
#: :func:`reconstructed`), wherever those years are shown.
NIET_ZEKER = " (niet zeker)"

_ALIASES = {
    "id": ["id", "actie_id", "actiepunt_id", "nr", "nummer", "code"],
    "actiepunt": ["actiepunt", "tekst", "omschrijving", "actie", "titel"],
    "thema": ["thema"],
    "hoofdstuk": ["hoofdstuk", "paragraaf", "onderdeel", "sectie", "hoofdstuk_plan"],
}
_TRUE = {"x", "1", "ja", "true", "waar", "gepland", "yes", "j"}


def _norm(text: object) -> str:
    """Lower-case, accents stripped, whitespace collapsed (for matching themes)."""
    s = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", s).strip().lower()


def _pick(df: pd.DataFrame, key: str, *, required: bool = True) -> str | None:
    for c in _ALIASES[key]:
        if c in df.columns:
            return c
    if required:
        raise DataError(
            f"kolom voor '{key}' ontbreekt (verwacht een van: {', '.join(_ALIASES[key])}; "
            f"aanwezig: {', '.join(map(str, df.columns))})",
            file=df.attrs.get("dataset"),
        )
    return None


def _year_of(value: object) -> int | None:
    m = re.match(r"^\s*(\d{4})", str(value))
    return int(m[1]) if m else None


def planned_years(df_agenda: pd.DataFrame) -> pd.DataFrame:
    """The action agenda in long form: one row per action point and planned year.

    Parameters
    ----------
    df_agenda
        The ``uitvoeringsagenda`` dataset in long form (a ``jaar`` column; with an optional
        boolean-like ``gepland`` column), wide form (columns ``2025`` … ``2028`` marked ``x``/``1``/
        ``ja``) or with a ``jaren`` text column (``"2025;2026"`` or ``"2025-2028"``).

    Returns
    -------
    DataFrame
        ``id, hoofdstuk, thema, actiepunt, jaar`` (``jaar`` int), sorted by the order of the
        action points in the input and by year.

    Examples
    --------
    >>> d = pd.DataFrame({"id": ["A1", "A2"], "thema": ["mantelzorg"] * 2,
    ...     "actiepunt": ["Respijtzorg", "Platform"], "2025": ["x", ""], "2026": ["x", "x"]})
    >>> planned_years(d)[["id", "jaar"]].values.tolist()
    [['A1', 2025], ['A1', 2026], ['A2', 2026]]
    """
    d = df_agenda.copy()
    cid, ctext, cthema = _pick(d, "id"), _pick(d, "actiepunt"), _pick(d, "thema")
    chfd = _pick(d, "hoofdstuk", required=False)
    base = pd.DataFrame(
        {
            "id": d[cid].astype(str),
            "hoofdstuk": d[chfd].astype(str) if chfd else "",
            "thema": d[cthema].astype(str),
            "actiepunt": d[ctext].astype(str),
        }
    )
    base["_order"] = pd.factorize(base["id"])[0]
    year_cols = [c for c in d.columns if re.fullmatch(r"(jaar_)?\d{4}", str(c))]
    if "jaar" in d.columns:
        base["jaar"] = d["jaar"].map(_year_of)
        if "gepland" in d.columns:
            keep = d["gepland"].map(lambda v: _norm(v) in _TRUE or v is True)
            base = base[keep.to_numpy()]
        long = base
    elif year_cols:
        parts = []
        for c in year_cols:
            mark = d[c].map(lambda v: v is True or _norm(v) in _TRUE)
            part = base[mark.to_numpy()].copy()
            part["jaar"] = int(str(c)[-4:])
            parts.append(part)
        long = pd.concat(parts, ignore_index=True)
    elif "jaren" in d.columns:
        rows = []
        for (_, b), text in zip(base.iterrows(), d["jaren"], strict=True):
            for y in _parse_years(text):
                rows.append({**b.to_dict(), "jaar": y})
        long = pd.DataFrame(rows, columns=[*base.columns, "jaar"])
    else:
        raise DataError(
            "geen geplande jaren gevonden: verwacht een kolom 'jaar', kolommen '2025'…'2028' "
            "of een kolom 'jaren'",
            file=df_agenda.attrs.get("dataset"),
        )
    long = long.dropna(subset=["jaar"]).copy()
    long["jaar"] = long["jaar"].astype(int)
    long = long.drop_duplicates(["id", "jaar"]).sort_values(["_order", "jaar"])
    return long.drop(columns="_order").reset_index(drop=True)


def _parse_years(text: object) -> list[int]:
    """Years in a text such as ``"2025;2026"``, ``"2025-2028"`` or ``"2025, 2027"``."""
    s = str(text)
    if m := re.fullmatch(r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*", s):
        return list(range(int(m[1]), int(m[2]) + 1))
    return [int(y) for y in re.findall(r"\d{4}", s)]


def years_text(years: Iterable[int]) -> str:
    """Planned years as compact Dutch text: consecutive years as a range.

    Examples
    --------
    >>> years_text([2025, 2026, 2027, 2028]), years_text([2026]), years_text([2025, 2027, 2028])
    ('2025-2028', '2026', '2025, 2027-2028')
    """
    ys = sorted(set(int(y) for y in years))
    if not ys:
        return "–"
    runs: list[list[int]] = [[ys[0], ys[0]]]
    for y in ys[1:]:
        if y == runs[-1][1] + 1:
            runs[-1][1] = y
        else:
            runs.append([y, y])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


def reconstructed(df_agenda: pd.DataFrame) -> pd.DataFrame:
    """The action points whose planned years were reconstructed, with the reason in words.

    In the text of the plan's appendix the position of the crosses under the years was lost; where
    not all four years are crossed, the years were reconstructed (``jaren_zeker = nee``) and
    ``jaren_toelichting`` says how. Without a ``jaren_zeker`` column every year counts as certain.

    Returns
    -------
    DataFrame
        ``id, toelichting``, one row per action point, in the plan's order.

    Examples
    --------
    >>> d = pd.DataFrame({"actie_id": ["A1", "A1", "A2"], "thema": ["t"] * 3,
    ...     "actiepunt": ["a", "a", "b"], "jaar": [2025, 2026, 2025],
    ...     "jaren_zeker": ["nee", "nee", "ja"], "jaren_toelichting": ["eerste twee jaren", "", ""]})
    >>> reconstructed(d).values.tolist()
    [['A1', 'eerste twee jaren']]
    """
    if "jaren_zeker" not in df_agenda.columns:
        return pd.DataFrame(columns=["id", "toelichting"])
    cid = _pick(df_agenda, "id")
    d = df_agenda[df_agenda["jaren_zeker"].map(_norm) == "nee"]
    notes = d["jaren_toelichting"] if "jaren_toelichting" in d.columns else pd.Series("", d.index)
    out = pd.DataFrame(
        {
            "id": d[cid].astype(str).to_numpy(),
            "toelichting": notes.fillna("").astype(str).to_numpy(),
        }
    )
    return out.drop_duplicates("id").reset_index(drop=True)


def reconstructed_ids(df_agenda: pd.DataFrame) -> set[str]:
    """The ids of :func:`reconstructed` as a set.

    Examples
    --------
    >>> reconstructed_ids(pd.DataFrame({"id": ["A"], "thema": ["t"], "actiepunt": ["a"],
    ...     "jaar": [2025], "jaren_zeker": ["nee"]}))
    {'A'}
    """
    return set(reconstructed(df_agenda)["id"])


def themes(df_agenda: pd.DataFrame) -> list[str]:
    """The themes of the agenda in the plan's order.

    Examples
    --------
    >>> themes(pd.DataFrame({"id": ["1", "2", "3"], "thema": ["b", "a", "b"],
    ...     "actiepunt": ["x", "y", "z"], "jaar": [2025] * 3}))
    ['b', 'a']
    """
    return list(dict.fromkeys(planned_years(df_agenda)["thema"]))


def _select(
    long: pd.DataFrame, thema: str | Iterable[str] | None, file: str | None
) -> pd.DataFrame:
    if thema is None:
        return long
    wanted = [thema] if isinstance(thema, str) else list(thema)
    keys = {_norm(t) for t in wanted}
    mask = long["thema"].map(_norm).isin(keys) | long["hoofdstuk"].map(_norm).isin(keys)
    if not mask.any():
        have = "; ".join(dict.fromkeys(long["thema"]))
        raise DataError(f"thema {', '.join(wanted)!r} niet gevonden (wel: {have})", file=file)
    return long[mask]


def action_points(
    df_agenda: pd.DataFrame,
    thema: str | Iterable[str] | None = None,
    *,
    per_jaar: bool = False,
    df_status: pd.DataFrame | None = None,
    periode: str | int | None = None,
) -> pd.DataFrame:
    """The plan's action points of one theme (or several, or all) with their planned years.

    Parameters
    ----------
    df_agenda
        The ``uitvoeringsagenda`` dataset.
    thema
        A theme (or chapter) name as in the data, matched case- and accent-insensitively; a list
        of them; or ``None`` for the whole agenda.
    per_jaar
        Add one column per year of the agenda with ``"x"`` where the point is planned (as in the
        plan's appendix).
    df_status, periode
        With the ``agenda_status`` dataset and the reporting period: add the columns
        ``Status <periode>`` and ``Schema``.

    Returns
    -------
    DataFrame
        Columns ``Nr.``, ``Thema``, ``Actiepunt``, ``Gepland`` (e.g. ``"2025-2028"``, followed by
        :data:`NIET_ZEKER` when the years were reconstructed), then the optional year and status
        columns; one row per action point, in the plan's order.

    Raises
    ------
    DataError
        When the theme does not occur (the message lists the themes that do).

    Examples
    --------
    >>> d = pd.DataFrame({"id": ["A1", "A1", "B1"], "thema": ["Mantelzorg", "Mantelzorg", "Dementie"],
    ...     "actiepunt": ["Respijtzorg", "Respijtzorg", "Trefpunten"], "jaar": [2025, 2026, 2027]})
    >>> action_points(d, "mantelzorg").values.tolist()
    [['A1', 'Mantelzorg', 'Respijtzorg', '2025-2026']]
    >>> action_points(d.assign(jaren_zeker=["nee", "nee", "ja"]))["Gepland"].tolist()
    ['2025-2026 (niet zeker)', '2027']
    """
    long = _select(planned_years(df_agenda), thema, df_agenda.attrs.get("dataset"))
    g = long.groupby("id", sort=False)
    out = pd.DataFrame(
        {
            "Nr.": list(g.groups.keys()),
            "Thema": g["thema"].first().to_numpy(),
            "Actiepunt": g["actiepunt"].first().to_numpy(),
            "Gepland": g["jaar"].agg(years_text).to_numpy(),
        }
    )
    guessed = reconstructed_ids(df_agenda)
    out["Gepland"] = [
        y + NIET_ZEKER if i in guessed else y
        for i, y in zip(out["Nr."], out["Gepland"], strict=True)
    ]
    if per_jaar:
        all_years = sorted(planned_years(df_agenda)["jaar"].unique())
        sets = g["jaar"].agg(set)
        for y in all_years:
            out[str(y)] = ["x" if y in s else "" for s in sets]
    if df_status is not None:
        if periode is None:
            raise ValueError("geef de periode bij de status")
        st = status_for_period(df_agenda, df_status, periode).set_index("id")
        out[f"Status {Periode(str(periode)).label}"] = (
            out["Nr."].map(st["status"]).fillna("niet gemeld").to_numpy()
        )
        out["Schema"] = out["Nr."].map(st["schema"]).to_numpy()
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------------------- status


def _status_columns(df_status: pd.DataFrame) -> tuple[str, str]:
    cid = _pick(df_status, "id")
    if "status" not in df_status.columns:
        raise DataError("kolom 'status' ontbreekt", file=df_status.attrs.get("dataset"))
    return cid, "status"


def status_periods(df_status: pd.DataFrame) -> list[str]:
    """The reporting periods in the status file, sorted.

    Examples
    --------
    >>> status_periods(pd.DataFrame({"id": ["1", "1"], "periode": ["2026", "2025H2"],
    ...     "status": ["gereed", "lopend"]}))
    ['2025H2', '2026']
    """
    return sorted(set(df_status["periode"].astype(str)))


def latest_status(df_status: pd.DataFrame, periode: str | int) -> pd.DataFrame:
    """Each action point's most recent status up to and including reporting period ``periode``.

    A period counts when it is ``periode`` itself or one of its half-years, quarters or months
    (``2025H2``), or any earlier period; per action point the latest such period wins.

    Returns
    -------
    DataFrame
        ``id, status, status_periode`` (plus ``toelichting`` when the file has it).

    Examples
    --------
    >>> s = pd.DataFrame({"id": ["A", "A", "A"], "periode": ["2025H1", "2025H2", "2026"],
    ...     "status": ["gepland", "lopend", "gereed"]})
    >>> latest_status(s, 2025)[["id", "status", "status_periode"]].values.tolist()
    [['A', 'lopend', '2025H2']]
    """
    cid, cst = _status_columns(df_status)
    p = str(periode)
    d = df_status.copy()
    d["_per"] = d["periode"].astype(str)
    d = d[d["_per"].map(lambda x: x[:4] <= p[:4]).astype(bool)]
    bad = set(d[cst].astype(str)) - set(STATUSES)
    if bad:
        raise DataError(
            f"onbekende status {sorted(bad)} (toegestaan: {', '.join(STATUSES)})",
            file=df_status.attrs.get("dataset"),
            column=cst,
        )
    d = d.sort_values("_per").groupby(cid, sort=False).tail(1)
    out = pd.DataFrame(
        {"id": d[cid].astype(str), "status": d[cst].astype(str), "status_periode": d["_per"]}
    )
    if "toelichting" in d.columns:
        out["toelichting"] = d["toelichting"].fillna("").astype(str).to_numpy()
    return out.reset_index(drop=True)


def schedule_state(first: int, last: int, status: str | None, periode: str | int) -> str:
    """Where an action point stands against its planned years (see the module docstring).

    Examples
    --------
    >>> schedule_state(2025, 2028, "lopend", 2025), schedule_state(2025, 2025, "lopend", 2025)
    ('op schema', 'achter op schema')
    >>> schedule_state(2025, 2026, "gepland", 2025), schedule_state(2027, 2028, None, 2025)
    ('achter op schema', 'nog niet aan de beurt')
    >>> schedule_state(2025, 2028, "vertraagd", 2025), schedule_state(2025, 2026, None, 2025)
    ('achter op schema', 'status onbekend')
    """
    y = int(str(periode)[:4])
    if status == "gereed":
        return GEREED
    if status == "vervallen":
        return VERVALLEN
    if status == "vertraagd":
        return ACHTER
    if first > y:
        return NOG_NIET
    if status is None or (isinstance(status, float) and pd.isna(status)):
        return ONBEKEND
    if last <= y or status == "gepland":
        return ACHTER
    return OP_SCHEMA


def status_for_period(
    df_agenda: pd.DataFrame, df_status: pd.DataFrame, periode: str | int
) -> pd.DataFrame:
    """Every action point with its planned years, its status for ``periode`` and its schedule state.

    Returns
    -------
    DataFrame
        ``id, hoofdstuk, thema, actiepunt, eerste_jaar, laatste_jaar, gepland, status,
        status_periode, schema, te_laat, jaren_zeker`` (``te_laat``: True when *achter op
        schema*; ``jaren_zeker``: False when the planned years were reconstructed), in the
        plan's order. Action points without a reported status have ``status`` missing.

    Examples
    --------
    >>> a = pd.DataFrame({"id": ["A", "B"], "thema": ["t", "t"], "actiepunt": ["a", "b"],
    ...     "jaren": ["2025", "2025-2028"]})
    >>> s = pd.DataFrame({"id": ["A", "B"], "periode": ["2025", "2025"],
    ...     "status": ["lopend", "lopend"]})
    >>> status_for_period(a, s, 2025)["schema"].tolist()
    ['achter op schema', 'op schema']
    """
    long = planned_years(df_agenda)
    g = long.groupby("id", sort=False)
    pts = g.agg(
        hoofdstuk=("hoofdstuk", "first"),
        thema=("thema", "first"),
        actiepunt=("actiepunt", "first"),
        eerste_jaar=("jaar", "min"),
        laatste_jaar=("jaar", "max"),
        gepland=("jaar", years_text),
    ).reset_index()
    st = latest_status(df_status, periode)
    unknown = sorted(set(st["id"]) - set(pts["id"]))
    if unknown:
        raise DataError(
            f"status voor onbekende actiepunten: {', '.join(unknown[:5])}",
            file=df_status.attrs.get("dataset"),
        )
    out = pts.merge(st, on="id", how="left")
    out["schema"] = [
        schedule_state(f, la, s if isinstance(s, str) else None, periode)
        for f, la, s in zip(out["eerste_jaar"], out["laatste_jaar"], out["status"], strict=True)
    ]
    out["te_laat"] = out["schema"] == ACHTER
    out["jaren_zeker"] = ~out["id"].isin(reconstructed_ids(df_agenda))
    return out


def progress_by_theme(status: pd.DataFrame) -> pd.DataFrame:
    """Progress per theme: number of action points per schedule state, and shares.

    Parameters
    ----------
    status
        Output of :func:`status_for_period`.

    Returns
    -------
    DataFrame
        One row per theme (plan order) plus ``Totaal``: ``Thema``, ``Actiepunten``, one column per
        schedule state, ``Aan de beurt`` (due: not *nog niet aan de beurt* and not *vervallen*),
        ``% gereed of op schema`` and ``% achter op schema`` (both of the points due; missing when
        none is due).

    Examples
    --------
    >>> s = pd.DataFrame({"thema": ["t", "t", "u"],
    ...     "schema": ["op schema", "achter op schema", "nog niet aan de beurt"]})
    >>> progress_by_theme(s)[["Thema", "Aan de beurt", "% achter op schema"]].values.tolist()
    [['t', 2, 50.0], ['u', 0, nan], ['Totaal', 2, 50.0]]
    """
    counts = (
        status.groupby(["thema", "schema"], sort=False)
        .size()
        .unstack(fill_value=0)
        .reindex(columns=SCHEDULE_STATES, fill_value=0)
    )
    counts = counts.reindex(list(dict.fromkeys(status["thema"])))
    counts.loc["Totaal"] = counts.sum()
    out = counts.reset_index().rename(columns={"thema": "Thema", "index": "Thema"})
    out.insert(1, "Actiepunten", counts.sum(axis=1).to_numpy())
    due = out[[GEREED, OP_SCHEMA, ACHTER, ONBEKEND]].sum(axis=1)
    out["Aan de beurt"] = due
    safe = due.where(due > 0)
    out["% gereed of op schema"] = (out[GEREED] + out[OP_SCHEMA]) / safe * 100
    out["% achter op schema"] = out[ACHTER] / safe * 100
    return out.reset_index(drop=True)


def status_counts(status: pd.DataFrame) -> pd.DataFrame:
    """Number of action points per reported status (all five, zeros included; plus unreported).

    Examples
    --------
    >>> status_counts(pd.DataFrame({"status": ["lopend", "gereed", "lopend", None]})).values.tolist()
    [['gepland', 0], ['lopend', 2], ['gereed', 1], ['vertraagd', 0], ['vervallen', 0], ['niet gemeld', 1]]
    """
    s = status["status"].fillna("niet gemeld")
    counts = s.value_counts().reindex([*STATUSES, "niet gemeld"], fill_value=0)
    if counts["niet gemeld"] == 0:
        counts = counts.drop("niet gemeld")
    return pd.DataFrame({"Status": counts.index, "Actiepunten": counts.to_numpy()})


def status_history(df_agenda: pd.DataFrame, df_status: pd.DataFrame) -> pd.DataFrame:
    """Number of action points per status for every period in the status file.

    Returns
    -------
    DataFrame
        Long form ``Periode, Status, Actiepunten`` (all five statuses per period, zeros included).

    Examples
    --------
    >>> a = pd.DataFrame({"id": ["A"], "thema": ["t"], "actiepunt": ["a"], "jaar": [2025]})
    >>> s = pd.DataFrame({"id": ["A", "A"], "periode": ["2025", "2026"],
    ...     "status": ["lopend", "gereed"]})
    >>> h = status_history(a, s)
    >>> h[h["Actiepunten"] > 0].values.tolist()
    [['2025', 'lopend', 1], ['2026', 'gereed', 1]]
    """
    cid, cst = _status_columns(df_status)
    known = set(planned_years(df_agenda)["id"])
    d = df_status[df_status[cid].astype(str).isin(known)]
    rows = []
    for per in status_periods(d):
        sub = d[d["periode"].astype(str) == per][cst].astype(str).value_counts()
        for s in STATUSES:
            rows.append({"Periode": per, "Status": s, "Actiepunten": int(sub.get(s, 0))})
    return pd.DataFrame(rows, columns=["Periode", "Status", "Actiepunten"])


def schedule_summary(status: pd.DataFrame) -> dict[str, float | int | None]:
    """Headline figures of the agenda for a period, from :func:`status_for_period`.

    Returns
    -------
    dict
        ``totaal``, ``aan_de_beurt``, ``gereed``, ``op_schema``, ``achter``, ``onbekend``,
        ``nog_niet``, ``vervallen`` (counts) and ``pct_op_schema`` (gereed or on schedule, as % of the
        points due) and ``pct_achter`` (% of the points due); the percentages are ``None`` when no
        point is due.

    Examples
    --------
    >>> s = pd.DataFrame({"schema": ["gereed", "op schema", "achter op schema", "vervallen"]})
    >>> r = schedule_summary(s); r["aan_de_beurt"], round(r["pct_op_schema"], 1)
    (3, 66.7)
    """
    c = status["schema"].value_counts()
    n = {s: int(c.get(s, 0)) for s in SCHEDULE_STATES}
    due = n[GEREED] + n[OP_SCHEMA] + n[ACHTER] + n[ONBEKEND]
    return {
        "totaal": int(len(status)),
        "aan_de_beurt": due,
        "gereed": n[GEREED],
        "op_schema": n[OP_SCHEMA],
        "achter": n[ACHTER],
        "onbekend": n[ONBEKEND],
        "nog_niet": n[NOG_NIET],
        "vervallen": n[VERVALLEN],
        "pct_op_schema": (n[GEREED] + n[OP_SCHEMA]) / due * 100 if due else None,
        "pct_achter": n[ACHTER] / due * 100 if due else None,
    }


# ------------------------------------------------------------------------------ key indicators


def schedule_measure(ctx: object, key: str) -> Measurement:
    """Key indicator from the agenda's schedule in the period: ``key`` of
    :func:`schedule_summary` (``"pct_op_schema"`` or ``"achter"``), against the previous period,
    with the norms in params (``agenda.norm_op_schema``, ``agenda.norm_achter``)."""
    agenda = ctx.load("uitvoeringsagenda")  # type: ignore[attr-defined]
    status = ctx.load("agenda_status")  # type: ignore[attr-defined]
    params = ctx.params  # type: ignore[attr-defined]
    per = params.periode
    cur = schedule_summary(status_for_period(agenda, status, per))[key]
    prev = None
    vorige = params.vorige_periode
    if vorige and any(p[:4] <= str(vorige) for p in status_periods(status)):
        prev = schedule_summary(status_for_period(agenda, status, vorige))[key]
    ambitie = params.agenda.ambitie or ""
    if key == "pct_op_schema":
        doel = Target("stabiel", params.agenda.norm_op_schema, ambitie)
    else:
        doel = Target("lager", params.agenda.norm_achter, ambitie)
    return Measurement(
        waarde=cur,
        vorige=prev,
        doel=doel,
        bron="uitvoeringsagenda (plan) en agenda_status (gemeente)",
        periode=str(per),
        vorige_periode=str(vorige or "") if prev is not None else "",
    )


# ----------------------------------------------------------------------- chapter helpers


def most_behind_theme(progress: pd.DataFrame) -> dict[str, Any]:
    """The theme with the most action points *achter op schema* (first in plan order on a tie).

    Returns ``{"Thema": "geen", "achter op schema": 0}`` when no point is behind.

    Examples
    --------
    >>> p = pd.DataFrame({"Thema": ["a", "b", "Totaal"], "achter op schema": [1, 2, 3]})
    >>> most_behind_theme(p)
    {'Thema': 'b', 'achter op schema': 2}
    """
    t = progress[progress["Thema"] != "Totaal"]
    if t.empty or int(t[ACHTER].max()) == 0:
        return {"Thema": "geen", ACHTER: 0}
    row = t.loc[t[ACHTER].astype(int).idxmax()]
    return {"Thema": str(row["Thema"]), ACHTER: int(row[ACHTER])}


def progress_title(progress: pd.DataFrame) -> str:
    """Chart title stating the finding of :func:`progress_by_theme`.

    Examples
    --------
    >>> progress_title(pd.DataFrame({"Thema": ["a", "Totaal"], "achter op schema": [0, 0]}))
    'Geen actiepunten achter op schema'
    """
    top = most_behind_theme(progress)
    if top[ACHTER] == 0:
        return "Geen actiepunten achter op schema"
    return f"Meeste actiepunten achter op schema bij het thema ‘{top['Thema']}’"


def progress_chart_data(progress: pd.DataFrame) -> pd.DataFrame:
    """Per theme with points due: % gereed of op schema, for a bar chart (no ``Totaal`` row).

    Examples
    --------
    >>> p = pd.DataFrame({"Thema": ["a", "b", "Totaal"], "Aan de beurt": [2, 0, 2],
    ...     "% gereed of op schema": [50.0, float("nan"), 50.0]})
    >>> progress_chart_data(p).values.tolist()
    [['a', 50.0]]
    """
    t = progress[(progress["Thema"] != "Totaal") & (progress["Aan de beurt"] > 0)]
    return pd.DataFrame(
        {
            "Thema": t["Thema"].to_numpy(),
            "Aandeel (%)": t["% gereed of op schema"].round(1).to_numpy(),
        }
    )


def progress_description(progress: pd.DataFrame, periode: str | int) -> str:
    """Text alternative for the progress chart: the share per theme in words.

    Examples
    --------
    >>> p = pd.DataFrame({"Thema": ["a", "Totaal"], "Aan de beurt": [2, 2],
    ...     "% gereed of op schema": [50.0, 50.0]})
    >>> progress_description(p, 2025)
    'Staafdiagram per thema: aandeel van de actiepunten die in 2025 aan de beurt zijn dat gereed of op schema is. a: 50%. Totaal: 50%.'
    """
    from analysis.core.numbers import getal

    t = progress[progress["Aan de beurt"] > 0]
    parts = [f"{r['Thema']}: {getal(r['% gereed of op schema'], 0)}%" for _, r in t.iterrows()]
    per = Periode(str(periode))
    when = f"het {per.label}" if per.is_halfjaar else per.label
    return (
        "Staafdiagram per thema: aandeel van de actiepunten die in "
        f"{when} aan de beurt zijn dat gereed of op schema is. " + ". ".join(parts) + "."
    )


def overdue(status: pd.DataFrame) -> pd.DataFrame:
    """The action points *achter op schema*, with Dutch headers and the reason in words.

    Examples
    --------
    >>> s = pd.DataFrame({"id": ["A"], "thema": ["t"], "actiepunt": ["a"], "gepland": ["2025"],
    ...     "status": ["lopend"], "schema": ["achter op schema"], "laatste_jaar": [2025]})
    >>> overdue(s)["Waarom"].tolist()
    ['gepland tot en met 2025, nog niet gereed']
    >>> overdue(s.assign(jaren_zeker=[False], status=["vertraagd"]))[["Gepland", "Waarom"]].values.tolist()
    [['2025 (niet zeker)', 'de stand is vertraagd']]
    """
    t = status[status["schema"] == ACHTER]
    sure_years = t["jaren_zeker"] if "jaren_zeker" in t.columns else pd.Series(True, t.index)
    reasons = []
    for _, r in t.iterrows():
        if r["status"] == "vertraagd":
            reasons.append("de stand is vertraagd")
        elif r["status"] == "gepland":
            reasons.append(
                f"aan de beurt sinds {r.get('eerste_jaar', '')}, nog niet begonnen".strip()
            )
        else:
            reasons.append(f"gepland tot en met {r['laatste_jaar']}, nog niet gereed")
    out = pd.DataFrame(
        {
            "Nr.": t["id"].to_numpy(),
            "Thema": t["thema"].to_numpy(),
            "Actiepunt": t["actiepunt"].to_numpy(),
            "Gepland": [
                y if sure else y + NIET_ZEKER
                for y, sure in zip(t["gepland"], sure_years, strict=True)
            ],
            "Stand": t["status"].to_numpy(),
            "Waarom": reasons,
        }
    )
    if "toelichting" in t.columns:
        out["Toelichting"] = t["toelichting"].fillna("").to_numpy()
    return out


def history_title(history: pd.DataFrame) -> str:
    """Title for the status-per-period chart: the change in points *gereed* (first → last period),
    right for none, one and many (never a title that starts with 0).

    Examples
    --------
    >>> h = pd.DataFrame({"Periode": ["2025", "2026"], "Status": ["gereed", "gereed"],
    ...     "Actiepunten": [1, 4]})
    >>> history_title(h)
    'Aantal actiepunten gereed van 1 naar 4'
    >>> history_title(h.iloc[:1]), history_title(h.iloc[:1].assign(Actiepunten=0))
    ('1 actiepunt gereed in 2025', 'Nog geen actiepunt gereed in 2025')
    >>> flat = pd.DataFrame({"Periode": ["2025", "2026", "2026"],
    ...     "Status": ["gereed", "gereed", "lopend"], "Actiepunten": [0, 0, 2]})
    >>> history_title(flat), history_title(flat.assign(Actiepunten=[3, 3, 0]))
    ('Nog geen actiepunt gereed; 2 lopend in 2026', 'Nog steeds 3 actiepunten gereed in 2026')
    """

    def points(n: int) -> str:
        return "geen actiepunt" if n == 0 else f"{n} {'actiepunt' if n == 1 else 'actiepunten'}"

    g = history[history["Status"] == "gereed"]
    if len(g) < 2:
        per = g["Periode"].iloc[0] if len(g) else "–"
        n = int(g["Actiepunten"].iloc[0]) if len(g) else 0
        return f"{'Nog ' if n == 0 else ''}{points(n)} gereed in {per}"
    a, b = int(g["Actiepunten"].iloc[0]), int(g["Actiepunten"].iloc[-1])
    if a == b:
        per = g["Periode"].iloc[-1]
        last = history[history["Periode"] == per]
        lopend = int(last.loc[last["Status"] == "lopend", "Actiepunten"].sum())
        head = f"Nog {points(b)} gereed" if b == 0 else f"Nog steeds {points(b)} gereed"
        return f"{head}; {lopend} lopend in {per}" if lopend else f"{head} in {per}"
    return f"Aantal actiepunten gereed van {a} naar {b}"


def history_description(history: pd.DataFrame) -> str:
    """Text alternative for the status-per-period chart.

    Examples
    --------
    >>> h = pd.DataFrame({"Periode": ["2025"], "Status": ["lopend"], "Actiepunten": [3]})
    >>> history_description(h)
    'Staafdiagram van het aantal actiepunten per stand en periode. 2025: lopend 3.'
    """
    parts = []
    for per, g in history.groupby("Periode", sort=False):
        items = ", ".join(f"{s} {n}" for s, n in zip(g["Status"], g["Actiepunten"], strict=True))
        parts.append(f"{per}: {items}")
    return "Staafdiagram van het aantal actiepunten per stand en periode. " + "; ".join(parts) + "."
