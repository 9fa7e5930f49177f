"""The Bronnen page for the council (analysis.present.sources_page) and the report's indicators in
the national monitors (analysis.topics.counterparts, plan 6.4)."""

from __future__ import annotations

import re
import shutil

from analysis.data import datasets as data
from analysis.present import sources_page
from analysis.topics import counterparts
from tests.conftest import ROOT

DATA = ROOT / "data"


def test_sources_are_cited_by_title_publisher_and_date_without_file_names():
    t = sources_page.real_sources(DATA)
    assert t.columns.tolist() == ["Gegevens", "Uitgever", "Documenten en tabellen", "Geraadpleegd"]
    text = " ".join(t.astype(str).to_numpy().ravel())
    for wrong in (".txt", "seeds/", "DOMAIN.md", "manifest", "(synthetisch)", "_"):
        assert wrong not in text, wrong
    agenda = t.set_index("Gegevens").loc[
        "Uitvoeringsagenda 2025-2028 (bijlage van het beleidsplan)"
    ]
    # the file name in the manifest's document field gives way to the plan's title
    assert (
        agenda["Documenten en tabellen"] == "Beleidsplan Maatschappelijke Ondersteuning 2025-2028"
    )
    assert (agenda["Uitgever"], agenda["Geraadpleegd"]) == ("Gemeente", "1 november 2026")
    # a bare file name is replaced by the title other citations give it
    pop = t.set_index("Gegevens").loc[
        "Bevolking naar leeftijd en geslacht (tabel beleidsplan 2019)"
    ]
    assert pop["Documenten en tabellen"] == "Concept Beleidsplan Sociaal Domein 2019-2023, mei 2019"
    # a CBS table by its id, the publisher without the id
    nl = t.set_index("Gegevens").loc["Wmo-cliënten Nederland per type maatwerkvoorziening"]
    assert nl["Documenten en tabellen"].startswith("CBS-tabel 86050NED")
    assert nl["Uitgever"] == "CBS"


def test_stand_ins_say_who_supplies_the_real_figures(tmp_path):
    t = sources_page.stand_in_sources(DATA).set_index("Gegevens")
    assert t.loc["Status van de actiepunten per rapportageperiode"].tolist() == [
        "de gemeente",
        "voorbeeldgegevens",
    ]
    assert (
        t.loc["Wmo-cliënten per type maatwerkvoorziening en leeftijd", "Echte cijfers van"] == "CBS"
    )
    # an optional dataset that is removed is 'nog niet aangeleverd', and the page still works
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    (folder / "klankbordgroep_signalen.csv").unlink()
    t = sources_page.stand_in_sources(folder).set_index("Gegevens")
    assert t.loc["Signalen van de Wmo-klankbordgroep per thema", "Nu"] == "nog niet aangeleverd"
    assert "Signalen van de Wmo-klankbordgroep per thema" not in set(
        sources_page.real_sources(folder)["Gegevens"]
    )


def test_every_indicator_with_its_counterpart_or_none():
    m = data.load("indicatoren_monitor", folder=DATA)
    t = counterparts.counterpart_table(m).set_index("Indicator in dit rapport")
    mz = t.loc["Aandeel volwassenen dat mantelzorg geeft"]
    assert mz["Tegenhanger"] == "Mantelzorger (18 jaar of ouder)"
    assert mz["Tabel en veld"] == "50120NED, veld Mantelzorger_31"
    assert "Een eigen id van waarstaatjegemeente" not in mz["Toelichting"]
    agenda = t.loc["Actiepunten achter op schema"]
    assert (agenda["Landelijke bron"], agenda["Tegenhanger"]) == ("geen tegenhanger", "–")
    assert agenda["Toelichting"] == "Zie ‘Actiepunten gereed of op schema’."
    # count by hand in the CSV: 22 rows, 8 with monitor 'geen', 4 with a field name in 'id',
    # every row with a counterpart says no waarstaatjegemeente id was found
    assert counterparts.coverage(m) == counterparts.Coverage(22, 14, 4, 14)


def _plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_coverage_sentence_for_none_some_and_all():
    # the counts come from the real mapping: marked real where they stand
    html = sources_page.coverage_sentence(counterparts.Coverage(22, 14, 4, 14))
    assert 'data-herkomst="echt">22</span>' in html
    s = _plain(html)
    assert s.startswith("Van de 22 indicatoren van dit rapport hebben er 14 een tegenhanger")
    assert "De andere 8 hebben geen tegenhanger" in s
    assert "voor geen van de indicatoren" in s
    none = _plain(sources_page.coverage_sentence(counterparts.Coverage(3, 0, 0, 0)))
    assert (
        none
        == "Van de 3 indicatoren van dit rapport heeft geen een tegenhanger in een landelijke bron."
    )
    some = _plain(sources_page.coverage_sentence(counterparts.Coverage(3, 2, 2, 1)))
    assert "bij al die indicatoren noemen de bronnen ook de tabel en het veld" in some
    assert "De andere heeft geen tegenhanger" in some
    assert "Bij 1 van de 2 staat geen eigen nummer" in some
    for text in (s, none, some):
        assert " 0 " not in text


def test_a_title_keeps_its_own_words():
    idx = sources_page.document_index(["003_ab.txt (Uitvoeringsprogramma 2024-2027); x"])
    assert sources_page.document_titles("seeds/003_ab.txt", idx) == [
        "Uitvoeringsprogramma 2024-2027"
    ]
    assert sources_page.document_titles("", idx) == []
