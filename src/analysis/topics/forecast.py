"""Demand forecast for Wmo maatwerkvoorzieningen: usage rates by age × population prognosis.

Method (the standard cohort/prevalence method, DOMAIN.md section 6)::

    C(t, type) = Σ_age  u(age, type) × f(t, scenario) × P(t, age, variant)

* ``u(age, type)``: clients per inhabitant of the age group in the **base period** (a whole year,
  never a half-year: a year counts everyone with a provision at any time in the year), from the
  ``wmo_clienten`` counts divided by the population of that age group on 1 January.
* ``P(t, age, variant)``: the population prognosis (variants ``laag``, ``midden``, ``hoog``) summed
  into the client age groups (``0-64``, ``65-74``, ``75+``).
* ``f(t, scenario) = (1 + g) ** (t − base year)``: a usage-rate scenario with a yearly change ``g``
  (from params), e.g. −1%, 0% or +1% a year.

The band is *low* = prognosis ``laag`` × lowest rate scenario, *central* = ``midden`` × the central
scenario, *high* = ``hoog`` × highest scenario. ``Totaal`` is projected on its own age rates, not
as the sum of the types (a person with two types counts once in the total).

:func:`decompose` splits the growth from the base year to a target year into three parts that add
up exactly: *bevolkingsomvang* (more inhabitants, same age structure), *vergrijzing* (the shift to
older age groups with higher usage, the "dubbele vergrijzing" of the plan) and *gebruik* (the change
of the usage rates in the scenario).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from analysis.core.codes import age_bounds, is_total_label
from analysis.core.errors import DataError
from analysis.topics.wmo import TOTAAL, _clients, group_population, period_kind

VARIANTEN = ["laag", "midden", "hoog"]


def usage_rates(
    clients: pd.DataFrame,
    pop: pd.DataFrame,
    region: str,
    basisperiode: str,
    types: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Age-specific usage rates ``u`` (clients per inhabitant) in the base year.

    Parameters
    ----------
    clients
        ``wmo_clienten``: counts per type and age group (the ``totaal`` age row is ignored).
    pop
        ``bevolking_leeftijd`` (1 January, by the population's own age groups).
    basisperiode
        A whole year, e.g. ``"2024"``; a half-year raises ``ValueError``.

    Returns
    -------
    DataFrame
        ``type, leeftijd, clienten, inwoners, u``.

    Examples
    --------
    >>> c = pd.DataFrame({"gemeente_code": "GM1", "periode": "2024", "type": "Totaal",
    ...     "leeftijd": ["0-64", "65+"], "aantal": [20, 30]})
    >>> p = pd.DataFrame({"gemeente_code": "GM1", "periode": 2024, "geslacht": "totaal",
    ...     "leeftijd": ["0-64", "65+"], "waarde": [1000, 100]})
    >>> usage_rates(c, p, "GM1", "2024")["u"].tolist()
    [0.02, 0.3]
    """
    if period_kind(str(basisperiode)) != "jaar":
        raise ValueError(f"basisperiode moet een heel jaar zijn, niet {basisperiode!r}")
    c = _clients(clients)
    c = c[(c["gemeente_code"] == region) & (c["periode"] == str(basisperiode))]
    c = c[~c["leeftijd"].map(is_total_label).astype(bool)]
    if types is not None:
        c = c[c["type"].isin(list(types))]
    if c.empty:
        raise DataError(
            f"geen Wmo-cliënten naar leeftijd voor {region} in {basisperiode}",
            file=clients.attrs.get("dataset"),
        )
    den = group_population(pop, region, sorted(c["leeftijd"].unique()))
    den = den[den["periode"] == str(basisperiode)]
    if den.empty:
        raise DataError(f"geen bevolking voor {region} op 1 januari {basisperiode}")
    out = c.merge(den[["leeftijd", "inwoners"]], on="leeftijd", how="left")
    out["u"] = out["aantal"] / out["inwoners"]
    out = out.rename(columns={"aantal": "clienten"})
    return out[["type", "leeftijd", "clienten", "inwoners", "u"]].reset_index(drop=True)


def prognosis_groups(prog: pd.DataFrame, region: str, groups: list[str]) -> pd.DataFrame:
    """The population prognosis summed into the client age groups, per year and variant.

    Returns ``jaar`` (int), ``variant``, ``leeftijd``, ``inwoners``.

    Examples
    --------
    >>> p = pd.DataFrame({"gemeente_code": "GM1", "periode": 2030, "variant": "midden",
    ...     "leeftijd": ["0-64", "65-84", "85+"], "waarde": [900, 80, 20]})
    >>> prognosis_groups(p, "GM1", ["0-64", "65+"])["inwoners"].tolist()
    [900.0, 100.0]
    """
    rows = []
    sel = prog[prog["gemeente_code"] == region]
    if sel.empty:
        raise DataError(f"geen bevolkingsprognose voor {region}", file=prog.attrs.get("dataset"))
    labels = list(sel["leeftijd"].unique())
    for g in groups:
        lo, hi = age_bounds(g)
        keep = []
        for label in labels:
            a, b = age_bounds(label)
            if a >= lo and (hi is None or (b is not None and b <= hi)):
                keep.append(label)
            elif not ((b is not None and b < lo) or (hi is not None and a > hi)):
                raise ValueError(f"prognosegroep {label!r} valt deels in {g!r}")
        s = sel[sel["leeftijd"].isin(keep)].groupby(["periode", "variant"])["waarde"].sum()
        s = s.astype("float64").rename("inwoners").reset_index()
        s["leeftijd"] = g
        rows.append(s)
    out = pd.concat(rows, ignore_index=True).rename(columns={"periode": "jaar"})
    out["jaar"] = out["jaar"].astype(int)
    return out[["jaar", "variant", "leeftijd", "inwoners"]]


def rate_factor(jaar: int, basisjaar: int, groei: float) -> float:
    """Usage-rate factor ``(1 + groei) ** (jaar − basisjaar)``.

    Examples
    --------
    >>> round(rate_factor(2030, 2024, 0.01), 4)
    1.0615
    """
    return (1.0 + groei) ** (jaar - basisjaar)


def project(
    rates: pd.DataFrame,
    groups: pd.DataFrame,
    basisjaar: int,
    scenarios: dict[str, float],
) -> pd.DataFrame:
    """Expected clients per type, year, prognosis variant and usage scenario.

    Parameters
    ----------
    rates
        From :func:`usage_rates`.
    groups
        From :func:`prognosis_groups`.
    scenarios
        Scenario name → yearly change of all usage rates (``{"gelijk": 0.0, "hoog": 0.01}``).

    Returns
    -------
    DataFrame
        ``type, jaar, variant, scenario, clienten`` (unrounded).

    Examples
    --------
    >>> r = pd.DataFrame({"type": "T", "leeftijd": ["0-64", "65+"], "u": [0.02, 0.3]})
    >>> g = pd.DataFrame({"jaar": 2030, "variant": "midden", "leeftijd": ["0-64", "65+"],
    ...     "inwoners": [1000.0, 200.0]})
    >>> project(r, g, 2024, {"gelijk": 0.0})["clienten"].tolist()
    [80.0]
    """
    m = rates[["type", "leeftijd", "u"]].merge(groups, on="leeftijd", how="inner")
    parts = []
    for name, g in scenarios.items():
        f = m["jaar"].map(lambda j, g=g: rate_factor(int(j), basisjaar, float(g)))
        part = m.assign(scenario=name, clienten=m["u"] * f * m["inwoners"])
        parts.append(part)
    out = pd.concat(parts, ignore_index=True)
    out = out.groupby(["type", "jaar", "variant", "scenario"], as_index=False)["clienten"].sum()
    return out


def band(
    proj: pd.DataFrame,
    combinaties: dict[str, tuple[str, str]],
) -> pd.DataFrame:
    """Low/central/high per type and year from chosen (prognosis variant, scenario) pairs.

    ``combinaties`` maps ``laag``/``midden``/``hoog`` to ``(variant, scenario)``.

    Examples
    --------
    >>> p = pd.DataFrame({"type": "T", "jaar": 2030, "variant": ["laag", "midden", "hoog"],
    ...     "scenario": ["s", "s", "s"], "clienten": [90.0, 100.0, 110.0]})
    >>> c = {"laag": ("laag", "s"), "midden": ("midden", "s"), "hoog": ("hoog", "s")}
    >>> band(p, c)[["laag", "midden", "hoog"]].iloc[0].tolist()
    [90.0, 100.0, 110.0]
    """
    idx = proj.set_index(["type", "jaar", "variant", "scenario"])["clienten"]
    rows = []
    for (t, j), _ in proj.groupby(["type", "jaar"]):
        row: dict[str, Any] = {"type": t, "jaar": int(j)}
        for k, (v, s) in combinaties.items():
            row[k] = float(idx.get((t, j, v, s), float("nan")))
        rows.append(row)
    return pd.DataFrame(rows)


def base_clients(rates: pd.DataFrame) -> pd.Series:
    """Clients per type in the base year (Σ over age groups of the base counts).

    For ``Totaal`` this is the sum of its age groups, which is correct: each person has one age.

    Examples
    --------
    >>> r = pd.DataFrame({"type": "T", "leeftijd": ["0-64", "65+"], "clienten": [20.0, 30.0]})
    >>> float(base_clients(r)["T"])
    50.0
    """
    return rates.groupby("type")["clienten"].sum().astype("float64")


def decompose(
    rates: pd.DataFrame,
    groups: pd.DataFrame,
    basisjaar: int,
    doeljaar: int,
    *,
    variant: str = "midden",
    groei: float = 0.0,
    type_: str = TOTAAL,
) -> dict[str, float]:
    """Split the growth of clients from the base year to ``doeljaar`` into three additive parts.

    With ``P0`` the base-year population per age group (the denominators of ``u``), ``Pt`` the
    prognosis, ``N`` their totals and ``f`` the rate factor:

    * ``basis = Σ u·P0`` (the observed clients),
    * ``bevolkingsomvang = Σ u·P0·(Nt/N0) − basis`` (growth at the base age structure),
    * ``vergrijzing = Σ u·Pt − Σ u·P0·(Nt/N0)`` (the shift between age groups),
    * ``gebruik = (f − 1)·Σ u·Pt`` (the usage-rate scenario),
    * ``totaal`` = the sum, ``prognose = basis + totaal``.

    Examples
    --------
    >>> r = pd.DataFrame({"type": "T", "leeftijd": ["jong", "oud"], "u": [0.1, 0.5],
    ...     "clienten": [10.0, 50.0], "inwoners": [100.0, 100.0]})
    >>> g = pd.DataFrame({"jaar": 2030, "variant": "midden", "leeftijd": ["jong", "oud"],
    ...     "inwoners": [100.0, 140.0]})
    >>> d = decompose(r, g, 2024, 2030, type_="T")
    >>> d["bevolkingsomvang"], d["vergrijzing"], d["gebruik"]
    (12.0, 8.0, 0.0)
    """
    r = rates[rates["type"] == type_].set_index("leeftijd")
    g = groups[(groups["jaar"] == doeljaar) & (groups["variant"] == variant)].set_index("leeftijd")
    if r.empty or g.empty:
        raise DataError(f"geen gebruikscijfers of prognose voor {type_!r} in {doeljaar}")
    g = g.reindex(r.index)
    if g["inwoners"].isna().any():
        raise DataError(f"prognose mist leeftijdsgroepen voor {doeljaar}")
    basis = float((r["u"] * r["inwoners"]).sum())
    scale = float(g["inwoners"].sum()) / float(r["inwoners"].sum())
    size_only = basis * scale
    struct = float((r["u"] * g["inwoners"]).sum())
    f = rate_factor(doeljaar, basisjaar, groei)
    gebruik = (f - 1.0) * struct
    out = {
        "basis": basis,
        "bevolkingsomvang": size_only - basis,
        "vergrijzing": struct - size_only,
        "gebruik": gebruik,
    }
    out["totaal"] = out["bevolkingsomvang"] + out["vergrijzing"] + out["gebruik"]
    out["prognose"] = basis + out["totaal"]
    out["groei_pct"] = out["totaal"] / basis * 100 if basis else float("nan")
    out["aandeel_vergrijzing_pct"] = (
        out["vergrijzing"] / out["totaal"] * 100 if out["totaal"] else float("nan")
    )
    return {k: round(v, 10) for k, v in out.items()}


def scenario_settings(
    params: Any,
) -> tuple[int, list[int], dict[str, float], dict[str, tuple[str, str]]]:  # noqa: ANN401
    """Base year, forecast years, scenarios and band combinations from ``params.wmo``.

    Expects ``wmo.basisperiode``, ``wmo.prognosejaren`` and ``wmo.scenarios`` as a list of
    ``{naam, groei, variant, band}`` (``band``: ``laag``/``midden``/``hoog``; ``groei`` the yearly
    change of the usage rates as a fraction).

    Examples
    --------
    >>> sc = [{"naam": n, "groei": g, "variant": b, "band": b}
    ...       for n, g, b in [("min", -0.01, "laag"), ("gelijk", 0.0, "midden"), ("plus", 0.01, "hoog")]]
    >>> class P:
    ...     def get(self, k, d=None):
    ...         return {"wmo.basisperiode": "2024", "wmo.prognosejaren": [2030],
    ...                 "wmo.scenarios": sc}.get(k, d)
    >>> scenario_settings(P())[3]["midden"]
    ('midden', 'gelijk')
    """
    base = params.get("wmo.basisperiode")
    years = params.get("wmo.prognosejaren")
    scen = params.get("wmo.scenarios")
    if base is None or not years or not scen:
        raise DataError("params: wmo.basisperiode, wmo.prognosejaren en wmo.scenarios zijn nodig")
    scenarios = {s["naam"]: float(s["groei"]) for s in scen}
    combos = {s["band"]: (s["variant"], s["naam"]) for s in scen}
    if set(combos) != {"laag", "midden", "hoog"}:
        raise DataError("params: wmo.scenarios moet precies één laag, midden en hoog bevatten")
    return int(base), [int(y) for y in years], scenarios, combos


def forecast(ctx: Any, types: list[str] | None = None) -> dict[str, Any]:  # noqa: ANN401
    """The whole forecast for a chapter: rates, band per type and year, decompositions.

    Returns a dict with ``basisjaar``, ``jaren``, ``scenarios``, ``combinaties``, ``rates``,
    ``band`` (with the base year as first row, observed), ``groups`` and the loaded frames
    ``clients``, ``pop``, ``prog`` (for source lines).

    Examples
    --------
    >>> f = forecast(ctx)  # doctest: +SKIP
    """
    clients = ctx.load("wmo_clienten")
    pop = ctx.load("bevolking_leeftijd")
    prog = ctx.load("bevolkingsprognose")
    basisjaar, jaren, scenarios, combos = scenario_settings(ctx.params)
    rates = usage_rates(clients, pop, ctx.code, str(basisjaar), types)
    groups = prognosis_groups(prog, ctx.code, sorted(rates["leeftijd"].unique()))
    proj = project(rates, groups, basisjaar, scenarios)
    b = band(proj, combos)
    base = base_clients(rates)
    first = pd.DataFrame(
        {
            "type": base.index,
            "jaar": basisjaar,
            "laag": base.values,
            "midden": base.values,
            "hoog": base.values,
        }
    )
    b = pd.concat([first, b[b["jaar"] > basisjaar]], ignore_index=True)
    return {
        "basisjaar": basisjaar,
        "jaren": jaren,
        "scenarios": scenarios,
        "combinaties": combos,
        "rates": rates,
        "groups": groups,
        "band": b.sort_values(["type", "jaar"]).reset_index(drop=True),
        "clients": clients,
        "pop": pop,
        "prog": prog,
    }


def round_to(x: float, step: int = 10) -> float:
    """Round a projection to ``step`` (projections suggest no false precision).

    Examples
    --------
    >>> round_to(2514.0), round_to(2515.0, 5)
    (2510.0, 2515.0)
    """
    return float(round(x / step) * step)


def band_chart_data(
    b: pd.DataFrame, type_: str, step: int = 10, tot: int | None = None
) -> pd.DataFrame:
    """One type's band with Dutch headers (``Jaar, Cliënten, Laag, Hoog``), rounded to ``step``,
    up to year ``tot`` when given.

    Examples
    --------
    >>> b = pd.DataFrame({"type": "T", "jaar": [2024, 2030], "laag": [100.0, 104.0],
    ...     "midden": [100.0, 112.0], "hoog": [100.0, 121.0]})
    >>> band_chart_data(b, "T")["Hoog"].tolist()
    [100.0, 120.0]
    """
    d = b[b["type"] == type_].sort_values("jaar")
    if tot is not None:
        d = d[d["jaar"] <= tot]
    return pd.DataFrame(
        {
            "Jaar": d["jaar"].astype(str).to_numpy(),
            "Cliënten": [round_to(v, step) for v in d["midden"]],
            "Laag": [round_to(v, step) for v in d["laag"]],
            "Hoog": [round_to(v, step) for v in d["hoog"]],
        }
    )


def rates_table(rates: pd.DataFrame, types: list[str]) -> pd.DataFrame:
    """Usage rates per 1,000 inhabitants: one row per type, one column per age group.

    Examples
    --------
    >>> r = pd.DataFrame({"type": "T", "leeftijd": ["75+", "0-64"], "u": [0.3, 0.02]})
    >>> rates_table(r, ["T"]).values.tolist()
    [['T', 20.0, 300.0]]
    """
    from analysis.topics.wmo import KORT

    t = rates[rates["type"].isin(types)].pivot(index="type", columns="leeftijd", values="u") * 1000
    t = t.reindex(types)[sorted(t.columns, key=lambda a: age_bounds(a)[0])].round(1)
    t.index = [KORT.get(x, x) for x in t.index]
    t.columns = [f"{c} jaar" for c in t.columns]
    return t.rename_axis("Type").reset_index()


def band_table(b: pd.DataFrame, basisjaar: int, jaren: list[int], step: int = 10) -> pd.DataFrame:
    """Per type: clients in the base year and the band (laag–hoog, midden) in each forecast year,
    rounded to ``step``, with Dutch headers.

    Examples
    --------
    >>> b = pd.DataFrame({"type": "Totaal", "jaar": [2024, 2030], "laag": [100.0, 104.0],
    ...     "midden": [100.0, 112.0], "hoog": [100.0, 121.0]})
    >>> band_table(b, 2024, [2030]).values.tolist()[0]
    ['Totaal', 100.0, 110.0, 100.0, 120.0]
    """
    from analysis.topics.wmo import KORT, TOTAAL, TOTAAL_EXCL, TYPES

    order = [t for t in [TOTAAL, TOTAAL_EXCL, *TYPES] if t in set(b["type"])]
    idx = b.set_index(["type", "jaar"])
    rows = []
    for t in order:
        row: dict[str, Any] = {"Type": KORT.get(t, t)}
        row[f"{basisjaar} (basis)"] = round_to(idx.loc[(t, basisjaar), "midden"], step)
        for j in jaren:
            row[f"{j} midden"] = round_to(idx.loc[(t, j), "midden"], step)
            row[f"{j} laag"] = round_to(idx.loc[(t, j), "laag"], step)
            row[f"{j} hoog"] = round_to(idx.loc[(t, j), "hoog"], step)
        rows.append(row)
    return pd.DataFrame(rows)


def decomposition_table(
    rates: pd.DataFrame,
    groups: pd.DataFrame,
    basisjaar: int,
    jaren: list[int],
    *,
    groei: float = 0.0,
    type_: str = TOTAAL,
    variant: str = "midden",
    step: int | None = None,
) -> pd.DataFrame:
    """:func:`decompose` for several target years, long form with Dutch headers for a bar chart
    (``Jaar``, ``Oorzaak``, ``Extra cliënten``), rounded to ``step`` when given.

    Examples
    --------
    >>> r = pd.DataFrame({"type": "T", "leeftijd": ["jong", "oud"], "u": [0.1, 0.5],
    ...     "clienten": [10.0, 50.0], "inwoners": [100.0, 100.0]})
    >>> g = pd.DataFrame({"jaar": 2030, "variant": "midden", "leeftijd": ["jong", "oud"],
    ...     "inwoners": [100.0, 140.0]})
    >>> decomposition_table(r, g, 2024, [2030], type_="T")["Extra cliënten"].tolist()
    [12.0, 8.0, 0.0]
    """
    names = {
        "bevolkingsomvang": "meer inwoners",
        "vergrijzing": "vergrijzing",
        "gebruik": "ander gebruik per leeftijd",
    }
    rows = []
    for j in jaren:
        d = decompose(rates, groups, basisjaar, j, variant=variant, groei=groei, type_=type_)
        for k, label in names.items():
            v = d[k] if step is None else round_to(d[k], step)
            rows.append({"Jaar": str(j), "Oorzaak": label, "Extra cliënten": v})
    return pd.DataFrame(rows)


def group_size(groups: pd.DataFrame, leeftijd: str, variant: str = "midden") -> pd.Series:
    """Prognosed inhabitants of one client age group per year (index: year).

    Examples
    --------
    >>> g = pd.DataFrame({"jaar": [2030, 2030], "variant": "midden", "leeftijd": ["0-64", "75+"],
    ...     "inwoners": [900.0, 100.0]})
    >>> group_size(g, "75+").to_dict()
    {2030: 100.0}
    """
    sel = groups[(groups["leeftijd"] == leeftijd) & (groups["variant"] == variant)]
    return sel.set_index("jaar")["inwoners"]


def rate_per_1000(rates: pd.DataFrame, type_: str, leeftijd: str) -> float:
    """The base-period usage rate of one type and age group, per 1,000 inhabitants.

    Examples
    --------
    >>> r = pd.DataFrame({"type": "T", "leeftijd": ["75+"], "u": [0.3], "inwoners": [200.0]})
    >>> rate_per_1000(r, "T", "75+")
    300.0
    """
    return float(rates.set_index(["type", "leeftijd"]).loc[(type_, leeftijd), "u"]) * 1000


def base_population(rates: pd.DataFrame, leeftijd: str) -> float:
    """Inhabitants of an age group in the base year (the denominator of the rates).

    Examples
    --------
    >>> r = pd.DataFrame({"type": "T", "leeftijd": ["75+"], "u": [0.3], "inwoners": [200.0]})
    >>> base_population(r, "75+")
    200.0
    """
    return float(rates.loc[rates["leeftijd"] == leeftijd, "inwoners"].iloc[0])


def scenario_table(params: Any) -> pd.DataFrame:  # noqa: ANN401
    """The scenarios of ``params.wmo.scenarios`` as a Dutch table (band, prognosis variant,
    yearly change of usage, explanation).

    Examples
    --------
    >>> class P:
    ...     def get(self, k, d=None):
    ...         return [{"naam": "gelijk", "groei": 0.0, "variant": "midden", "band": "midden",
    ...                  "toelichting": "x"}]
    >>> scenario_table(P()).iloc[0].tolist()
    ['midden', 'gelijk', 'midden', '0,0% per jaar', 'x']
    """
    from analysis.core.numbers import getal

    rows = []
    for s in params.get("wmo.scenarios") or []:
        rows.append(
            {
                "Band": s["band"],
                "Scenario": s["naam"],
                "Bevolkingsprognose": s["variant"],
                "Gebruik per leeftijdsgroep": f"{getal(float(s['groei']) * 100, 1)}% per jaar",
                "Toelichting": s.get("toelichting", ""),
            }
        )
    return pd.DataFrame(rows)


def growth_measure(ctx: Any) -> Any:  # noqa: ANN401 - key indicator
    """Key indicator: expected growth of Wmo clients to 2030 (central scenario) against the base
    year. No ``marge``: the low/high band is a scenario range, not the 95% interval ``marge``
    means."""
    from analysis.topics.indicators import Measurement

    f = forecast(ctx, [TOTAAL])
    b = f["band"].set_index("jaar")
    target = 2030 if 2030 in b.index else max(f["jaren"])
    base = float(b.loc[f["basisjaar"], "midden"])
    mid = float(b.loc[target, "midden"])
    return Measurement(
        waarde=(mid / base - 1) * 100,
        bron="wmo_clienten, bevolking_leeftijd, bevolkingsprognose",
        periode=f"{f['basisjaar']}-{target} (prognose)",
    )


def lead(voorbeeld: bool, werkwoord: str, rest: str) -> str:
    """The start of a sentence about the projection (verb second), an example on stand-ins.

    Examples
    --------
    >>> lead(True, "groeit", "in het middenscenario")
    'In deze voorbeeldgegevens groeit in het middenscenario'
    >>> lead(False, "groeit", "in het middenscenario")
    'In het middenscenario groeit'
    """
    from analysis.topics.findings import VOORBEELD

    if voorbeeld:
        return f"{VOORBEELD} {werkwoord} {rest}"
    return f"{rest[:1].upper()}{rest[1:]} {werkwoord}"


def direction_text(
    d1: dict[str, Any], d2: dict[str, Any], eerste: int, laatste: int, *, voorbeeld: bool
) -> str:
    """The projection against the plan's expectation that demand keeps rising.

    ``d1``/``d2`` come from :func:`decompose` for the first and last projection year. From real
    data the direction is compared with the plan's; from stand-ins it is an example that cannot
    confirm the plan (no circular confirmation). The growth is total growth in the middle scenario
    (population size and ageing, with unchanged use per age group).

    Examples
    --------
    >>> d1 = {"groei_pct": 6.0, "aandeel_vergrijzing_pct": 77.0}
    >>> d2 = {"groei_pct": 19.0, "aandeel_vergrijzing_pct": 76.0}
    >>> print(direction_text(d1, d2, 2030, 2040, voorbeeld=False))
    Bij gelijk gebruik per leeftijdsgroep groeit het aantal cliënten in het middenscenario met 6% tot 2030 en 19% tot 2040; 77% van de groei tot 2030 komt door de vergrijzing. Dat is de richting die het plan verwacht.
    >>> print(direction_text(d1, d2, 2030, 2040, voorbeeld=True).replace("\\ue000", "").replace("\\ue001", ""))
    In deze voorbeeldgegevens groeit het aantal cliënten bij gelijk gebruik per leeftijdsgroep in het middenscenario met 6% tot 2030 en 19% tot 2040; 77% van de groei tot 2030 komt door de vergrijzing. Dat bevestigt de verwachting van het plan niet: de cliëntcijfers en de bevolkingsprognose zijn voorbeeldgegevens.
    >>> "daalt het aantal cliënten" in direction_text({**d1, "groei_pct": -2.0}, d2, 2030, 2040,
    ...                                                voorbeeld=False)
    True
    """
    from analysis.topics.findings import VOORBEELD, number

    def pct(v: float) -> str:
        return number(abs(float(v)), "%", 0, voorbeeld=voorbeeld)

    g1, g2 = float(d1["groei_pct"]), float(d2["groei_pct"])
    verb = "groeit" if g1 > 0 else ("daalt" if g1 < 0 else "blijft gelijk")
    first = f"met {pct(g1)} tot {eerste}" if g1 else f"tot {eerste}"
    second = f"{pct(g2)} tot {laatste}" if g2 >= 0 else f"met {pct(g2)} minder tot {laatste}"
    core = f"in het middenscenario {first} en {second}"
    share = (
        f"{pct(d1['aandeel_vergrijzing_pct'])} van de groei tot {eerste} komt door de vergrijzing"
    )
    if voorbeeld:
        return (
            f"{VOORBEELD} {verb} het aantal cliënten bij gelijk gebruik per leeftijdsgroep {core}; "
            f"{share}. Dat bevestigt de verwachting van het plan niet: de cliëntcijfers en de "
            "bevolkingsprognose zijn voorbeeldgegevens."
        )
    same = (
        "Dat is de richting die het plan verwacht."
        if g1 > 0
        else "Dat is niet de stijging die het plan verwacht."
    )
    return (
        f"Bij gelijk gebruik per leeftijdsgroep {verb} het aantal cliënten {core}; {share}. {same}"
    )
