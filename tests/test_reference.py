"""The real datasets written by analysis.data.sources.reference: every number from the reference data or the
seed documents, with its source, and the plan's action agenda complete. The import reads only from
``data/bronnen`` (no folder outside the repository)."""

from __future__ import annotations

import pandas as pd

from analysis.core.numbers import parse_number, parse_range
from analysis.data import datasets as data
from analysis.data.sources.reference import import_reference
from tests.conftest import ROOT

DATA = ROOT / "data"
BRONNEN = DATA / "bronnen"
#: Action points counted in the plan's appendix "Uitvoeringsagenda": 22 in chapter 3 (6 algemene
#: diensten, 4 mantelzorg, 6 vrijwillige inzet, 6 dementie), 20 in chapter 4 (6 toegang,
#: 8 voorzieningenaanbod, 3 Veilig Thuis, 3 zorg en veiligheid) and 14 in chapter 5.
N_ACTIONS = 56


def load(name: str) -> pd.DataFrame:
    return data.load(name, folder=DATA)


def test_parsers_read_dutch_numbers_and_cbs_symbols():
    assert parse_number("1.169.010") == 1169010 and parse_number("20,2") == 20.2
    assert parse_number("2024*") == 2024 and parse_number(".") is None
    assert parse_range("11-15") == (11.0, 15.0) and parse_range("4") == (4.0, 4.0)


def test_population_table_of_the_2019_plan_cell_by_cell():
    t = load("bevolking_2019").set_index(["leeftijd", "geslacht"])["waarde"]
    assert t[("totaal", "totaal")] == 27302
    assert t[("0-14", "mannen")] == 2413 and t[("75+", "vrouwen")] == 2265
    assert t[("65-74", "totaal")] == 3625
    for sex in ("mannen", "vrouwen", "totaal"):
        parts = t.xs(sex, level="geslacht").drop("totaal").sum()
        assert parts == t[("totaal", sex)]


def test_population_totals_with_source_priority():
    t = load("bevolking_totaal").set_index(["gemeente_code", "periode"])
    assert t.loc[("GM0397", "2019"), "waarde"] == 27286
    assert t.loc[("GM0397", "2024"), "waarde"] == 27589
    assert t.loc[("GM0392", "2020"), "waarde"] == 162902
    # two values for NL 1-1-2024: the official 70072NED figure wins
    assert t.loc[("NL01", "2024"), "waarde"] == 17947684
    assert t["bron"].str.len().gt(0).all()


def test_dementia_estimates_are_the_plans():
    d = load("dementie_schattingen")
    gm = d[d.gemeente_code == "GM0397"].set_index("periode")["waarde"].to_dict()
    assert gm == {"2018": 720, "2022": 780, "2040": 1100, "2050": 1200}
    assert d[d.gemeente_code == "NL01"].set_index("periode")["waarde"]["2050"] == 620000


def test_national_wmo_clients_and_suppressed_cell():
    w = load("wmo_clienten_nl").set_index(["periode", "type"])
    assert w.loc[("2024H1", "Totaal"), "aantal"] == 1169010
    assert w.loc[("2024H1", "Totaal"), "per_1000"] == 65
    assert w.loc[("2024", "Hulp bij het huishouden"), "aantal"] == 556180
    punt = w.loc[("2025H1", "Persoonlijke verzorging")]  # a CBS "."
    assert pd.isna(punt["aantal"]) and punt["status"] == "onbekend"
    assert (w["status"] != "definitief").all()  # all provisional (*) or suppressed


def test_other_real_series():
    u = load("uitstroom_pact")
    assert sorted(zip(u.periode, u.indicator, u.waarde, strict=True)) == [
        ("2022", "gerealiseerd", 7),
        ("2023", "doel per jaar", 12),
        ("2023", "gerealiseerd", 3),
    ]
    assert load("loket_referentie")["waarde"].tolist() == [1000]
    c = load("clientervaring_2022").set_index(["periode", "uitkomst"])["percentage"]
    assert c[("2022", "kan zich beter redden / betere kwaliteit van leven")] == 85
    assert c[("2022", "bekend met onafhankelijke cliëntondersteuning")] == 61
    b = load("begroting_sociaal_domein")
    wmo15 = b[(b.post == "begroting/meerjarenraming Wmo 2015") & (b.soort == "begroting")]
    assert wmo15.set_index("periode")["waarde"]["2019"] == 2700239
    nl = load("wmo_uitgaven_nl").set_index("eenheid")["waarde"]
    assert nl["1 000 euro"] == 5484000 and nl["1 000 euro per 1 000 inwoners"] == 308
    wv = load("woningvoorraad_referentie")
    assert wv[(wv.gemeente_code == "GM0397") & (wv.indicator == "Woningen (totaal)")][
        "waarde"
    ].tolist() == [12561]
    wd = load("wonen_doelgroepen")
    assert len(wd) >= 30 and wd["bron"].str.len().gt(0).all()


def test_agenda_has_every_action_point_of_the_appendix():
    a = load("uitvoeringsagenda")
    assert a["actie_id"].nunique() == N_ACTIONS
    assert len(a) == 4 * N_ACTIONS
    per_chapter = a.drop_duplicates("actie_id").groupby("hoofdstuk").size().to_dict()
    assert per_chapter == {"3": 22, "4": 20, "5": 14}
    plein = a[a.actiepunt.str.startswith("Inzetten voor een sprankelend")]
    assert plein[plein.gepland == "ja"]["jaar"].tolist() == ["2025", "2026", "2027", "2028"]
    herstel = a[a.actiepunt == "Pilot Herstelacademie op Plein1"]
    assert herstel[herstel.gepland == "ja"]["jaar"].tolist() == ["2025"]
    assert (herstel["jaren_zeker"] == "nee").all()
    assert "Creëren doorbraken in casuistiek" in set(a.actiepunt)


def test_policy_targets_have_numbers_only_where_the_plan_gives_them():
    d = load("beleidsdoelen").set_index("id")
    assert d.loc["pact_uitstroom", "doelwaarde"] == 12
    assert d.loc["sociale_huur", "doelwaarde"] == 30
    assert (d.loc["beschermd_wonen_plekken", ["doelwaarde", "doelwaarde_max"]] == [11, 15]).all()
    assert pd.isna(d.loc["vrijwilligers_stijgen", "doelwaarde"])


def test_import_is_byte_identical(tmp_path):
    names = import_reference(BRONNEN, tmp_path)
    assert "uitvoeringsagenda" in names and "bevolking_nl_leeftijd" in names
    for name in names:
        f = f"{name}.csv"
        assert (tmp_path / f).read_bytes() == (DATA / f).read_bytes(), f
