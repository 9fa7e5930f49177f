"""Real first (issue 14.3): every real figure in data/ that measures the same quantity, region and
period as a stand-in is reproduced by that stand-in.

The test walks ALL real datasets of the manifest: each has a checker below or a stated reason why no
stand-in measures the same thing; a new real dataset (or an unclassified figure of a stand-in region)
fails until someone decides. The expected values are the real figures themselves; the precision is
the figure's own (a whole percentage is compared after rounding, "ongeveer 1000" within 5%).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

import pandas as pd
import pytest

from analysis.config.manifest import load_manifest
from analysis.data import datasets as data
from tests.conftest import ROOT

DATA = ROOT / "data"
Check = tuple[str, float, float, bool]  # what, real, stand-in, agrees


@functools.cache
def load(name: str) -> pd.DataFrame:
    """A validated dataset (read once per test session; the checks only read it)."""
    return data.load(name, folder=DATA)


def _pop() -> pd.DataFrame:
    return load("bevolking_leeftijd")


def _regions() -> set[str]:
    return set(_pop()["gemeente_code"])


def _total(code: str, year: str, sex: str = "totaal") -> float:
    p = _pop()
    sel = p[(p.gemeente_code == code) & (p.periode == year) & (p.geslacht == sex)]
    return float(sel["waarde"].sum()) if not sel.empty else float("nan")


def _exact(what: str, real: float, standin: float) -> Check:
    return what, real, standin, bool(real == standin)


def _within(what: str, real: float, standin: float, tol: float) -> Check:
    return what, real, standin, bool(abs(real - standin) <= tol)


# ---------------------------------------------------------------------------------- population
def check_bevolking_2019() -> Iterator[Check]:
    """The 2019 plan's table, cell by cell (75+ = 75-84 + 85+), at its reference date."""
    t, p = load("bevolking_2019"), _pop()
    for _, r in t.iterrows():
        sel = p[(p.gemeente_code == r.gemeente_code) & (p.periode == r.periode)]
        sel = sel[sel.geslacht == r.geslacht]
        if r.leeftijd == "75+":
            sel = sel[sel.leeftijd.isin(["75-84", "85+"])]
        elif r.leeftijd != "totaal":
            sel = sel[sel.leeftijd == r.leeftijd]
        yield _exact(f"tabel 2019 {r.leeftijd} {r.geslacht}", r.waarde, sel["waarde"].sum())


def check_bevolking_totaal() -> Iterator[Check]:
    """Every real total on 1 January of a stand-in region and year."""
    years = set(_pop()["periode"])
    for _, r in load("bevolking_totaal").iterrows():
        if r.gemeente_code in _regions() and r.periode in years:
            yield _exact(
                f"inwoners {r.gemeente_code} {r.periode}",
                r.waarde,
                _total(r.gemeente_code, r.periode),
            )


def _public_rules() -> list[tuple[str, Callable[[pd.Series], Iterator[Check]] | str]]:
    def sex(r: pd.Series) -> Iterator[Check]:
        s = (
            "mannen"
            if re.search(r"Mannen|male\b", r.indicator) and "female" not in r.indicator
            else "vrouwen"
        )
        yield _exact(
            f"{s} {r.regio_code} {r.periode_tekst}",
            r.waarde,
            _total(r.regio_code, r.periode_tekst[:4], s),
        )

    def total(r: pd.Series) -> Iterator[Check]:
        year = r.periode_tekst[:4]
        if r.indicator.startswith("Population on 31 December"):
            year = str(int(year) + 1)  # 31 December = 1 January of the next year
        if year in set(_pop()["periode"]):
            tol = 50 if r.waarde_tekst.endswith("00") and "huidige" in r.indicator else 0
            yield _within(
                f"inwoners {r.regio_code} {year}", r.waarde, _total(r.regio_code, year), tol
            )

    def growth(r: pd.Series) -> Iterator[Check]:
        if r.regio_code != load("bevolkingsprognose")["gemeente_code"].iloc[0]:
            return  # the stand-in prognosis covers the municipality only
        prog = load("bevolkingsprognose")
        mid = prog[(prog.variant == "midden") & (prog.periode == "2040")]["waarde"].sum()
        base = (
            load("bevolking_totaal")
            .set_index(["gemeente_code", "periode"])
            .loc[(r.regio_code, "2019"), "waarde"]
        )
        yield _exact("groei 2019-2040 (hele procenten)", r.waarde, round(100 * (mid / base - 1)))

    return [
        (r"^(Mannen|Vrouwen) op 1 januari|^Population on 1 January, (male|female)", sex),
        (
            r"^(Totale bevolking op 1 januari|Bevolking op 1 januari \(totaal\)|Population on 1 January \(|"
            r"Population on 31 December|Inwoners \(gemeente|Bevolking 2019 \(huidige)",
            total,
        ),  # fmt: skip
        (r"^Groei bevolking 2019-2040", growth),
        (
            r"^Bevolking 2040 \(prognose",
            "een prognose van de provincie voor een vergelijkingsgemeente: geen stand-in",
        ),
        (
            r"^(Woningen \(totaal\)|Koopwoningen|Huurwoningen woningcorporatie|Overige huur)",
            "zie woningvoorraad_referentie",
        ),
        (r"^Woningvoorraad op 1 januari", "alleen de gemeente heeft een stand-in woningvoorraad"),
        (
            r"Honderdplussers|80 jaar of ouder",
            "100+ en 80+: de stand-in heeft 75-84 en 85+, niet dezelfde groep",
        ),
        (r"^CEO Wmo", "zie clientervaring_2022 (steekproef en respons: geen stand-in)"),
        (
            r"WOZ|Adressen|gezinswoningen|Panden|woonpeiling|Respondenten woonpeiling|inkomen|Oppervlakte|"
            r"rijksbudget|max uren|Population density",
            "geen stand-in van deze grootheid",
        ),  # fmt: skip
    ]


def check_publieke_cijfers() -> Iterator[Check]:
    """Every public figure about a stand-in region: compared, or classified with a reason."""
    rules = _public_rules()
    for _, r in load("publieke_cijfers").iterrows():
        if r.regio_code not in _regions():
            continue  # national, provincial, GGD and district figures: no stand-in for the region
        rule = next((h for pattern, h in rules if re.search(pattern, r.indicator)), None)
        assert rule is not None, f"publieke_cijfers nr {r.nr} ({r.indicator}) is niet ingedeeld"
        if callable(rule) and pd.notna(r.waarde):
            yield from rule(r)


# ------------------------------------------------------------------------------------ housing
def check_woningvoorraad_referentie() -> Iterator[Check]:
    """The real housing stock and its ownership shares (whole %) in their year."""
    stock = load("woningvoorraad").set_index(["gemeente_code", "periode", "eigendom"])["waarde"]
    parts = {
        "Woningen (totaal)": "totaal",
        "Koopwoningen, aandeel": "koopwoningen",
        "Huurwoningen woningcorporatie, aandeel": "huur woningcorporatie",
        "Overige huur (particulier, vrije sector), aandeel": "huur overige verhuurders",
    }
    for _, r in load("woningvoorraad_referentie").iterrows():
        key = parts.get(r.indicator)
        if key is None or (r.gemeente_code, r.periode, key) not in stock.index:
            continue  # WOZ, addresses, survey, other regions: no stand-in
        v = stock[(r.gemeente_code, r.periode, key)]
        if key != "totaal":
            v = round(100 * v / stock[(r.gemeente_code, r.periode, "totaal")])
        yield _exact(f"woningvoorraad {key} {r.periode}", r.waarde, v)


def check_uitstroom_pact() -> Iterator[Check]:
    real = load("wonen_realisatie").set_index(["periode", "indicator"])["waarde"]
    for _, r in load("uitstroom_pact").iterrows():
        if r.indicator == "gerealiseerd":
            key = (r.periode, "uitstroom beschermd wonen en opvang (plaatsingen)")
            yield _exact(f"Pact {r.periode}", r.waarde, real[key])


def check_seed_cijfers() -> Iterator[Check]:
    """The plans' counts of sheltered housing and shelter clients (the rest: other datasets)."""
    real = load("wonen_realisatie").set_index(["periode", "indicator"])["waarde"]
    w = load("wmo_clienten")
    for _, r in load("seed_cijfers").iterrows():
        if "beschermd-wonen-indicatie" in r.indicator:
            year = r.periode_tekst
            yield _exact(
                "indicatie beschermd wonen",
                r.waarde,
                real[(year, "inwoners met indicatie beschermd wonen")],
            )
            vo = w[
                (w.periode == year)
                & (w.type == "Verblijf en opvang, totaal")
                & (w.leeftijd == "totaal")
            ]
            vo = vo[vo.gemeente_code == load("bevolkingsprognose")["gemeente_code"].iloc[0]]
            # CBS rounds to 5 and the plan says "circa": within 5
            yield _within("cliënten verblijf en opvang", r.waarde, vo["aantal"].iloc[0], 5)
        elif r.indicator.startswith("nieuwe cliënten BCT"):
            key = (r.periode_tekst, "nieuwe cliënten maatschappelijke opvang (BCT)")
            yield _exact("nieuwe cliënten BCT", r.waarde, real[key])


# ------------------------------------------------------------------------------------ care
def check_begroting_sociaal_domein() -> Iterator[Check]:
    """Budgeted Wmo maatwerk per year = the real Wmo budget minus the non-maatwerk lines of 2019."""
    b = load("begroting_sociaal_domein")
    wmo = b[b.post.str.startswith("begroting/meerjarenraming Wmo") & (b.soort == "begroting")]
    lines = b[b.post.str.startswith("begroot 2019")]
    other = lines[
        lines.post.str.contains(
            "mantelzorg|cliëntondersteuning|inloop GGZ|daklozen|dementerenden|klanttevredenheid"
        )
    ]["waarde"].sum()
    u = load("wmo_uitgaven")
    standin = u[u.soort == "begroot"].groupby("periode")["waarde"].sum()
    for year, budget in wmo.groupby("periode")["waarde"].sum().items():
        yield _exact(
            f"begroot maatwerk {year} (1 000 euro)", round((budget - other) / 1000), standin[year]
        )


def check_loket_referentie() -> Iterator[Check]:
    m = load("loket_meldingen")
    m = m[m.indicator == "meldingen"]
    for _, r in load("loket_referentie").iterrows():
        n = m[m.periode.str.startswith(r.periode)]["waarde"].sum()
        yield _within(f"meldingen {r.periode} (ongeveer)", r.waarde, n, 0.05 * r.waarde)


def check_clientervaring_2022() -> Iterator[Check]:
    c = load("clientervaring")
    share = (100 * c.n_eens / c.n_antwoorden).groupby([c.periode, c.nr]).first()
    for _, r in load("clientervaring_2022").iterrows():
        if r.periode not in set(c.periode):
            continue  # 2021: before the stand-in
        if r.uitkomst.startswith("bekend met"):
            yield _exact(
                "bekend met cliëntondersteuning", r.percentage, round(share[(r.periode, 5)])
            )
        elif r.uitkomst.startswith("kan zich beter redden"):
            for nr in (9, 10):
                yield _exact(f"vraag {nr}", r.percentage, round(share[(r.periode, nr)]))
        else:  # "bijna 90" tevreden over hulp, kwaliteit en effect: all questions but 5
            mean = share.loc[r.periode].drop(5).mean()
            yield r.uitkomst, r.percentage, mean, bool(r.percentage - 3 <= mean < r.percentage)


def _health_rules() -> list[tuple[str, str | tuple[int | None, str, str, float]]]:
    """Label → (wave or None = year of the period, indicator, age, tolerance) or a reason."""
    return [
        (r"^Ervaren gezondheid \(zeer\) goed, 18\+", (None, "ervaren gezondheid goed", "18+", 0)),
        (r"^Eenzaam totaal, 18\+$", (2020, "eenzaam", "18+", 0)),
        (r"^Ernstig eenzaam, 18\+$", (2020, "ernstig eenzaam", "18+", 0)),
        (r"^Eenzaam, 75\+$", (2020, "eenzaam", "75+", 0)),
        (r"^Ernstig eenzaam, 75\+$", (2020, "ernstig eenzaam", "75+", 0)),
        (r"^Eenzaam, 19\+ \(GM 2016\)$", (2016, "eenzaam", "18+", 0)),
        (r"^\(Zeer\) ernstig eenzaam, 19\+ \(GM 2016\)$", (2016, "ernstig eenzaam", "18+", 0)),
        (r"^eenzaamheid \(waarstaatjegemeente\)$", (2016, "eenzaam", "18+", 0.5)),
        (r"^ernstig eenzaam, volwassenen$", (2016, "ernstig eenzaam", "18-64", 0)),
        (r"^ernstig eenzaam, ouderen$", (2016, "ernstig eenzaam", "65+", 0)),
        # 2012 has no wave: the level of the first wave must agree (the old 9,5% contradicted it)
        (
            r"zwaar belast, aandeel van mantelzorgers \(GM 2012\)",
            (2016, "zwaar belaste mantelzorger", "18+", 1.5),
        ),
        (r"Matig eenzaam|85\+", "geen cel van de stand-in (matig eenzaam, 85+)"),
        (r"angst|depressie|rokers|overgewicht|drinkers", "geen indicator van de stand-in"),
        (
            r"Mantelzorg geven|mantelzorg geeft|Vrijwilligerswerk|ontvangen|80-plus-ouders|uur|uren",
            "andere definitie (CBS 15+/16+) of andere groep dan de GGD-vraag",
        ),  # fmt: skip
    ]


def check_gezondheid_referentie() -> Iterator[Check]:
    g = load("gezondheidsmonitor").set_index(["gemeente_code", "periode", "indicator", "leeftijd"])[
        "percentage"
    ]
    waves = {int(p) for p in g.index.get_level_values(1)}
    for _, r in load("gezondheid_referentie").iterrows():
        if r.regio_code not in _regions() | {"NL01"} or pd.isna(r.waarde):
            continue  # GGD regions: no stand-in for the region
        rule = next((h for p, h in _health_rules() if re.search(p, r.indicator)), None)
        assert rule is not None, (
            f"gezondheid_referentie nr {r.nr} ({r.indicator}) is niet ingedeeld"
        )
        if isinstance(rule, str):
            continue
        wave, ind, age, tol = rule
        wave = wave or int(r.periode_tekst[:4])
        if wave in waves:
            yield _within(
                f"{ind} {age} {r.regio_code} {wave}",
                r.waarde,
                g[(r.regio_code, str(wave), ind, age)],
                tol,
            )


CHECKS: dict[str, Callable[[], Iterator[Check]]] = {
    "bevolking_2019": check_bevolking_2019,
    "bevolking_totaal": check_bevolking_totaal,
    "publieke_cijfers": check_publieke_cijfers,
    "woningvoorraad_referentie": check_woningvoorraad_referentie,
    "uitstroom_pact": check_uitstroom_pact,
    "seed_cijfers": check_seed_cijfers,
    "begroting_sociaal_domein": check_begroting_sociaal_domein,
    "loket_referentie": check_loket_referentie,
    "clientervaring_2022": check_clientervaring_2022,
    "gezondheid_referentie": check_gezondheid_referentie,
}
#: Real datasets no stand-in measures the same quantity, region and period of, and why.
NO_STANDIN = {
    "bevolking_nl_leeftijd": "65-79, 80+ en 100+ en landelijke rijen; de stand-in heeft 75-84 en 85+",
    "dementie_schattingen": "geen stand-in van het aantal mensen met dementie (de prognose volgt "
    "hun verhouding: tests/test_synthetic.py)",
    "wonen_doelgroepen": "doelen en behoefteramingen van het plan, geen tellingen",
    "beschermd_wonen_prognose": "een prognose van de behoefte, geen stand-in",
    "wmo_clienten_nl": "landelijk; de stand-in dekt de gemeente en de vergelijkingsgemeenten",
    "wmo_clienten_wijk": "wijken; geen stand-in per wijk",
    "wmo_uitgaven_nl": "landelijk; geen landelijke stand-in",
    "uitvoeringsagenda": "actiepunten, geen cijfers (tests/test_consistency.py)",
    "beleidsdoelen": "doelen, geen cijfers",
    "begroting_2026_wmo": "citaten uit de Begroting 2026, zonder bedragen",
    "productcategorie_cbs": "een koppeling, geen cijfers (tests/test_municipal_data.py)",
    "indicatoren_monitor": "een koppeling, geen cijfers",
    "impactvragen": "vragen en citaten uit het plan, geen cijfers (tests/test_impact.py)",
}


def test_every_real_dataset_is_walked():
    real = {n for n, e in load_manifest(DATA).items() if not e["synthetic"]}
    assert real - set(CHECKS) - set(NO_STANDIN) == set()


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_stand_ins_reproduce_the_real_figures(name):
    checks = list(CHECKS[name]())
    assert checks, f"{name}: geen enkel ijkcijfer vergeleken"
    wrong = [c for c in checks if not c[3]]
    assert wrong == [], wrong
