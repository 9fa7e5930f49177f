"""End to end: build a whole edition of the shipped project and check the HTML for its key figures,
the edition stamp, the synthetic-data warning and the provenance page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis.config.params import load_params
from analysis.core.numbers import getal, procent
from analysis.data import datasets as data
from analysis.pipeline.build import build
from analysis.topics import population
from tests.conftest import ROOT

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("e2e")
    result = build("2025", root=ROOT, out_root=out)
    assert result.html.is_dir()
    return result.html


def _text(path: Path) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))


def test_edition_opens_with_conclusies_and_then_the_summary(edition):
    """Issue 15.1: the book opens with Conclusies en aandachtspunten, then the Leeswijzer and the
    Samenvatting."""
    index = (edition / "index.html").read_text(encoding="utf-8")
    assert "url=chapters/conclusies.html" in index

    def next_of(name: str) -> str:
        page = (edition / "chapters" / f"{name}.html").read_text(encoding="utf-8")
        return re.search(r'href="([^"]+)"', page.split('class="right-next"', 1)[1])[1]

    assert next_of("conclusies") == "leeswijzer.html"
    assert next_of("leeswijzer") == "samenvatting.html"
    assert "Samenvatting" in _text(edition / "chapters" / "samenvatting.html")


def test_conclusies_draw_conclusions_from_real_data_only(edition):
    """Findings and attention points rest on real data only (every figure there says so); what
    rests on a stand-in stands apart as an example; what waits for data is named with who supplies
    it; each item links to its chapter."""
    from analysis.present import report
    from analysis.topics import indicators

    page = (edition / "chapters" / "conclusies.html").read_text(encoding="utf-8")
    sections = {}
    for sid in ("bevindingen", "wat-aandacht-vraagt", "wat-nog-niet-te-beoordelen-is"):
        sections[sid] = page.split(f'<section id="{sid}">', 1)[1].split("<section", 1)[0]
    examples = page.split('<section id="voorbeelden">', 1)[1]
    table = indicators.compute_all(report.chapter("2025"))
    real = table[~table["synthetisch"].astype(bool) & table["waarde"].notna()]
    assert len(real) >= 1
    for sid in ("bevindingen", "wat-aandacht-vraagt"):
        assert 'data-herkomst="synthetisch"' not in sections[sid], sid
    for label, doc in zip(real["label"], real["hoofdstuk"], strict=True):
        link = f'href="{doc.split("/")[-1]}.html"'
        assert link in sections["bevindingen"] and label in _text_of(sections["bevindingen"])
    # every example verdict is there, marked, and no stand-in appears among the findings
    fake = table[table["synthetisch"].astype(bool) & table["oordeel"].ne("onvoldoende gegevens")]
    assert _text_of(examples).count("in voorbeeldgegevens:") == len(fake) > 0
    for label in fake["label"]:
        assert label not in _text_of(sections["bevindingen"])
    gaps = _text_of(sections["wat-nog-niet-te-beoordelen-is"])
    assert "levert de gemeente aan" in gaps and "publiceert CBS" in gaps


def test_demography_chapter_shows_the_computed_figures(edition):
    p = load_params(2025)
    pop = population.population_by_age(data.load("bevolking_leeftijd"), p.gemeente_code)
    row = population.ageing_table(pop).set_index("periode").loc["2025"]
    page = _text(edition / "chapters" / "demografie.html")
    assert "Let op: synthetische gegevens" in page
    raw = (edition / "chapters" / "demografie.html").read_text(encoding="utf-8")
    # a figure from the synthetic population stands marked where it stands, in a sentence that
    # is an example, not a statement about the municipality
    for pct in (row["pct_75"], row["pct_85"]):
        assert f'data-herkomst="synthetisch">{procent(pct, 1)}<sup' in raw
    assert f"In deze voorbeeldgegevens telde op 1 januari 2025 {p.gemeente_naam} " in page
    assert f"Op 1 januari 2025 telde {p.gemeente_naam}" not in page
    # the calibration of each stand-in folds open under the warning
    assert (
        '<details class="wmo-ijking"><summary>Waarop zijn deze voorbeeldgegevens afgestemd?' in raw
    )
    fold = raw.index('<details class="wmo-ijking">')
    assert fold < raw.index("27.286 in 2019") < raw.index("</details>", fold)
    assert raw.count('class="wmo-figuur"') >= 3 and "<svg" in raw
    assert "Bekijk de gegevens als tabel" in raw


def test_every_page_carries_the_edition_stamp(edition):
    p = load_params(2025)
    stamp = f"Editie: Gemeente {p.gemeente_naam} · periode 2025 · editie {p.editie}"
    pages = sorted(
        p for p in edition.rglob("*.html") if "_static" not in p.parts and "_sources" not in p.parts
    )
    assert len(pages) >= 5
    for page in pages:
        if page.name in {"genindex.html", "search.html", "index.html"}:  # index = redirect
            continue
        assert stamp in page.read_text(encoding="utf-8"), page.name


def test_provenance_page_lists_datasets_and_commit(edition):
    page = _text(edition / "verantwoording.html")
    assert "bevolking_leeftijd" in page and "Code-commit" in page
    assert (edition / "bouwverslag.json").is_file()
    bronnen = _text(edition / "chapters" / "bronnen.html")
    assert "uitvoeringsagenda" in bronnen and "CC BY 4.0" in bronnen


TEXT_SUFFIXES = {".py", ".ipynb", ".md", ".yml", ".yaml", ".csv", ".html", ".css", ".txt"}


def _municipality_names() -> set[str]:
    """Every municipality named in params/ (any ``naam`` next to a ``GM`` code) and in data/."""
    import csv

    import yaml

    names: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if str(node.get("code", "")).startswith("GM") and node.get("naam"):
                names.add(str(node["naam"]))
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    for f in sorted((ROOT / "params").glob("*.yml")):
        walk(yaml.safe_load(f.read_text(encoding="utf-8")))
    with open(ROOT / "data" / "bronnen" / "regios.csv", encoding="utf-8", newline="") as fh:
        names |= {r["naam"] for r in csv.DictReader(fh) if r["code"].startswith("GM")}
    return names


def test_nothing_in_code_or_chapters_names_a_municipality():
    names = _municipality_names()
    assert {load_params(2025).gemeente_naam, "Haarlem", "Bloemendaal"} <= names
    offenders = []
    for folder in ("src", "chapters"):
        for f in sorted((ROOT / folder).rglob("*")):
            if f.is_file() and f.suffix in TEXT_SUFFIXES:
                text = f.read_text(encoding="utf-8")
                offenders += [f"{f.relative_to(ROOT).as_posix()}: {n}" for n in names if n in text]
    assert offenders == []  # no exemptions: names live in params/ and data/ only


def test_no_small_counts_are_published(edition):
    from analysis.config.manifest import load_manifest
    from analysis.data.privacy import scan_edition

    p = load_params(2025).privacy
    assert (
        scan_edition(edition, load_manifest(), min_cel=p["min_cel"], afronding=p["afronding"]) == []
    )


def _periods() -> list[str]:
    """Every shipped period, years and half-years (``params/2026-1.yml`` is ``2026H1``)."""
    from analysis.core.codes import Periode

    return sorted(
        str(Periode(p.stem)) for p in (ROOT / "params").glob("*.yml") if p.stem[:4].isdigit()
    )


@pytest.mark.parametrize("periode", [p for p in _periods() if p != "2025"])
def test_every_shipped_period_builds(tmp_path, periode):
    """Every ``params/<periode>.yml`` gives an edition (2025 is built above), about that period.

    Guards chapters against assumptions of the default period, e.g. a ``vorige_periode`` that
    is ``null`` in the first edition of a series, or a year where a half-year stands.
    """
    from analysis.core.codes import Periode
    from analysis.present.audit import unmarked_figures

    per = Periode(periode)
    result = build(periode, root=ROOT, out_root=tmp_path)
    page = _text(result.html / "chapters" / "clientervaring.html")
    assert f"periode {per.label}" in page
    assert "None" not in page and "nan" not in page.split()
    # nothing from after the period: the survey table and the demography series stop at it
    later = str(per.jaar + 1)
    assert not re.search(rf"Stelling \d+ {later}", page)
    demo = _text(result.html / "chapters" / "demografie.html")
    assert not re.search(rf"jaar en ouder {later}", demo)
    # the population is the stand on 1 January of the period's year (also in a half-year)
    assert re.search(rf"jaar en ouder {per.jaar}", demo)
    if per.is_halfjaar:
        _check_half_year_edition(result.html, per)
        pages = _pages_with_stand_ins(result.html)
        problems = {p.name: unmarked_figures(p.read_text(encoding="utf-8")) for p in pages}
        assert {k: v for k, v in problems.items() if v} == {}


def _check_half_year_edition(html: Path, per) -> None:  # noqa: ANN001 - a Periode
    """A half-year edition (the P&C rapportage) says which half-year it is about, never shows the
    period code, and compares the half-year with the same half-year a year earlier."""
    for page in sorted((html / "chapters").glob("*.html")):
        if page.stem == "bronnen":  # lists the data periods as codes, by design
            continue
        assert str(per) not in _text(page), page.name  # "2026H1" is a code, not a label
    uitgaven = _text(html / "chapters" / "uitgaven.html")
    assert f"Over het {per.label} is per post gerealiseerd" in uitgaven
    assert f"Begroting en prognose per post, {per.label}" in uitgaven
    assert f"tussen het {per.vorige().label} en het {per.label}" in uitgaven
    samenvatting = _text(html / "chapters" / "samenvatting.html")
    assert f"rapportageperiode {per.label}" in samenvatting


# ------------------------------------------------------------------ provenance on the built pages
# Issue 14.6: the edition itself is checked, whatever way a figure took to the page.


def _pages_with_stand_ins(edition: Path) -> list[Path]:
    pages = sorted((edition / "chapters").glob("*.html"))
    # the warning itself (its title element), not a page that only names it (the Leeswijzer)
    title = '<p class="admonition-title">Let op: synthetische gegevens</p>'
    return [p for p in pages if title in p.read_text(encoding="utf-8")]


def test_every_figure_on_a_page_with_stand_ins_says_where_it_comes_from(edition):
    """A figure on a page that uses a stand-in is marked synthetic or said (bron=) to be real."""
    from analysis.present.audit import unmarked_figures

    pages = _pages_with_stand_ins(edition)
    assert len(pages) >= 10
    problems = {p.name: unmarked_figures(p.read_text(encoding="utf-8")) for p in pages}
    assert {k: v for k, v in problems.items() if v} == {}


def test_no_internal_mark_reaches_the_edition(edition):
    from analysis.core.provenance import END, START

    for f in edition.rglob("*"):
        if f.is_file() and f.suffix in {".html", ".js", ".json", ".txt"}:
            text = f.read_text(encoding="utf-8", errors="replace")
            assert START not in text and END not in text, f


def _card_counts(page: str) -> dict[str, int]:
    ul = page.split('<ul class="wmo-kaarten"', 1)[1].split("</ul>", 1)[0]
    found = re.findall(
        r'wmo-kaart-getal">(\d+)</span> indicator(?:en)? <strong>([^<]+)</strong>', ul
    )
    return {verdict: int(n) for n, verdict in found}


def test_samenvatting_counts_no_verdict_from_a_stand_in(edition):
    from analysis.present import report
    from analysis.topics import indicators

    page = (edition / "chapters" / "samenvatting.html").read_text(encoding="utf-8")
    table = indicators.compute_all(report.chapter("2025"))
    real = table[~table["synthetisch"].astype(bool)]
    expected = {
        v: int((real["oordeel"] == v).sum())
        for v in ("op koers", "aandacht nodig", "onvoldoende gegevens")
    }
    assert _card_counts(page) == expected
    # the real dashboard holds exactly the real rows; every example verdict is labelled as such
    dashboards = page.split('<table class="wmo-tabel wmo-dashboard')[1:]
    real_table = next(t for t in dashboards if not t.startswith(" wmo-voorbeelden"))
    examples = next(t for t in dashboards if t.startswith(" wmo-voorbeelden"))
    assert real_table.count('<tr data-herkomst="echt">') == len(real)
    n_examples = len(table) - len(real)
    assert examples.count("voorbeeld: ") == n_examples > 0
    # the closing paragraph counts the same real verdicts only
    closing = _text_of(page.split("Wat zegt dit over de ambitie?", 1)[1])
    assert f"Voor {n_examples} kernindicatoren zijn alleen voorbeeldgegevens beschikbaar" in closing
    for verdict, n in expected.items():
        assert f"{verdict}: {n or 'geen'}" in closing


def _text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


#: The Leeswijzer's explanations of the words chapter text avoids (issue 15.2), by section id.
GLOSSARY = {
    "procentpunt": "procentpunt",
    "significant": "significant",
    "noemer": "noemer",
    "stand-in": "voorbeeldgegevens-synthetisch-en-stand-in",
    "gekalibreerd": "afgestemd-of-gekalibreerd",
}


def test_leeswijzer_explains_margin_uncertainty_stand_ins_sign_and_periods(edition):
    """Issue 15.2: a Leeswijzer explains once, in plain words, what the other pages use."""
    from analysis.core.provenance import mark
    from analysis.present.marks import markdown_fragment

    page = (edition / "chapters" / "leeswijzer.html").read_text(encoding="utf-8")
    text = _text_of(page)
    for words in (
        "Voorbeeldgegevens zijn cijfers die een computerprogramma heeft gemaakt",
        "het verschil is niet zeker",
        "interval",
        "marge",
        "1e halfjaar 2025",
        "voorlopig",
        "95%-interval",
    ):
        assert words in text, words
    # the sign it explains is the one the pages use
    assert markdown_fragment(mark("1.060")) in page
    for section in GLOSSARY.values():
        assert f'<section id="{section}">' in page
    # it is reachable: from the Conclusies and from every page-top warning about stand-ins
    assert 'href="leeswijzer.html"' in (edition / "chapters" / "conclusies.html").read_text(
        encoding="utf-8"
    )
    for p in _pages_with_stand_ins(edition):
        warning = p.read_text(encoding="utf-8").split('<div class="warning admonition">', 1)[1]
        assert 'href="leeswijzer.html"' in warning.split("</details>", 1)[0], p.name


def test_demografie_shows_the_real_anchors_unmarked(edition):
    """A real anchor in data/ and the page agree: 27.286 on 1-1-2019, 27.589 on 1-1-2024, and the
    2019 plan's age table (27.302 in all, 13,4% aged 75+)."""
    naam = load_params(2025).gemeente_naam
    page = (edition / "chapters" / "demografie.html").read_text(encoding="utf-8")
    for sentence in (
        f"Op 1 januari 2019 telde {naam} 27.286 inwoners.",
        f"Op 1 januari 2024 telde {naam} 27.589 inwoners.",
    ):
        assert f'data-herkomst="echt">{sentence}</span>' in page, sentence
    table = page.split("Inwoners naar leeftijd en geslacht volgens het beleidsplan van 2019")[1]
    table = table.split("</table>")[0]
    assert "27.302" in table and "13,4" in table and 'data-herkomst="synthetisch"' not in table
    # the same anchors from the data, not only as typed above
    totaal = population.real_totals(data.load("bevolking_totaal"), load_params(2025).gemeente_code)
    for year in ("2019", "2024"):
        assert f"telde {naam} {getal(totaal[year])} inwoners" in _text_of(page)


# ------------------------------------------------------- Sociale basis: stand-ins and real figures


def _real_sentences(page: str) -> list[str]:
    return re.findall(r'data-herkomst="echt">([^<]*)</span>', page)


@pytest.mark.parametrize("name", ["mantelzorg", "vrijwillige_inzet", "kwetsbaarheid"])
def test_sociale_basis_states_no_stand_in_as_a_fact(edition, name):
    """Issue 14.2/15.2: every finding from the health-monitor stand-in reads as an example, in
    plain Dutch; no invented national trend is said to be what the plan works against."""
    page = _text(edition / "chapters" / f"{name}.html")
    assert "significant" not in page and "procentpunt" not in page and "95%-interval" not in page
    assert "waar het plan tegenin wil gaan" not in page
    assert re.search(r"In \d{4} (gaf|deed|ervoer|was) \d", page) is None  # "In 2024 gaf 14,4% …"
    assert page.count("In deze voorbeeldgegevens") >= 5
    assert "Met deze voorbeeldgegevens zou het oordeel" in page


def test_sociale_basis_shows_the_real_public_figures_unmarked(edition):
    """Real first (14.3): the GGD region's 14,1% heavily burdened carers, the CBS 49,7%
    volunteering of 15+ and the municipality's own 35,3% lonely (against 42,9%) stand on their
    pages as real figures, taken from the data."""
    from analysis.topics import social

    p = load_params(2025)
    ref = data.load("gezondheid_referentie")

    def figure(gebied: str, *words: str):
        table = social.reference_figures(ref, [""], gebieden=[gebied])
        return social.reference_value(table, *words)

    own_region = social.reference_figures(ref, ["zwaarbelast"], gemeente=p.gemeente_naam)
    checks = {
        "mantelzorg": social.reference_value(own_region, "zwaarbelaste mantelzorgers"),
        "vrijwillige_inzet": figure(p.land["naam"], "vrijwilligerswerk, 15 jaar en ouder"),
        "kwetsbaarheid": figure(p.gemeente_naam, "waarstaatjegemeente"),
    }
    for name, row in checks.items():
        page = (edition / "chapters" / f"{name}.html").read_text(encoding="utf-8")
        shown = procent(row["Waarde"], 1)
        assert any(shown in s for s in _real_sentences(page)), (name, shown)
        # never a seed file name as a source
        assert not re.search(r"\d{3}_[0-9a-f]{16}\.txt", page), name


def test_uitvoeringsagenda_says_what_is_an_example_and_which_years_are_guessed(edition):
    """Issue 14.4: a stand-in status is never attributed to the municipality; each action point
    with reconstructed years says so, and so do the counts; no clause starts with 0."""
    text = _text(edition / "chapters" / "uitvoeringsagenda.html")
    for wrong in (
        "registratie van de gemeente",
        "gemeld als",
        "zoals de gemeente",
        "meldt de stand",
    ):
        assert wrong not in text, wrong
    assert "In deze voorbeeldgegevens is de stand in 2025" in text
    assert "nog niet aangeleverd" in text and "{doc}" not in text
    assert "Geplande jaren die niet zeker zijn" in text
    assert "(niet zeker)" in text
    assert re.search(r"Bij \S+ van die \S+ zijn de geplande jaren niet zeker", text)
    assert not re.search(r"(^|[.:;] )0 actiepunt", text)
    # the Samenvatting's count behind schedule says how many rest on reconstructed years
    summary_text = _text(edition / "chapters" / "samenvatting.html")
    assert "daarvan zijn de geplande jaren niet zeker" in summary_text


#: Pages where paths, dataset ids and commands may stand (the Verantwoording part of the book).
TECHNICAL_PAGES = {"bronnen", "toegankelijkheid"}
_PATH = re.compile(r"(?<![\w@/])(?:[\w.-]+/)*[\w-]+\.(?:csv|ya?ml|txt|md|py|ipynb|json|toml)\b")
_SEED = re.compile(r"\b\d{3}_[0-9a-f]{16}\b")


def _article(page: Path) -> str:
    """The page's own content as HTML: the article, without scripts (chart specs) and styles."""
    s = page.read_text(encoding="utf-8")
    s = s.split('<article class="bd-article">', 1)[1].split("</article>", 1)[0]
    return re.sub(r"<(script|style)\b.*?</\1>", " ", s, flags=re.S)


def chapter_text_problems(edition: Path) -> list[str]:
    """Issue 15.5 over every chapter page except Bronnen/Verantwoording: file paths, seed file
    names, ``params/``, dataset ids (manifest names with an underscore) and jargon that the page
    does not explain (an explained word links to its section of the Leeswijzer)."""
    import html as _html

    from analysis.config.manifest import load_manifest

    ids = [n for n in load_manifest() if "_" in n]
    problems = []
    for page in sorted((edition / "chapters").glob("*.html")):
        if page.stem in TECHNICAL_PAGES:
            continue
        s = _article(page)
        text = _html.unescape(_text_of(s))
        found = [f"pad {m[0]}" for m in _PATH.finditer(text)]
        found += [f"bestandsnaam {m[0]}" for m in _SEED.finditer(text)]
        found += ["params/"] if "params/" in text else []
        found += [f"dataset-id {n}" for n in ids if re.search(rf"(?<![\w-]){n}(?![\w-])", text)]
        if page.stem != "leeswijzer":
            for word, section in GLOSSARY.items():
                if re.search(rf"\b{word}", text, re.I) and f"leeswijzer.html#{section}" not in s:
                    found.append(f"vakwoord {word}")
        problems += [f"{page.stem}: {f}" for f in dict.fromkeys(found)]
    return problems


def test_chapter_text_has_no_paths_ids_or_unexplained_jargon(edition):
    """Issue 15.5: the new pages exist, and no chapter text (all pages except Bronnen and
    Verantwoording) holds file paths, dataset ids, params/ or seed file names, or jargon that is
    not explained where it stands."""
    for name in ("conclusies", "leeswijzer", "uitvoeringsagenda", "impact", "bronnen"):
        assert (edition / "chapters" / f"{name}.html").is_file(), name
    assert chapter_text_problems(edition) == []


def test_the_check_finds_what_it_looks_for(tmp_path):
    """The 15.5 check fails on each kind of problem (and passes on a clean page)."""
    chapters = tmp_path / "chapters"
    chapters.mkdir()
    page = '<article class="bd-article"><p>{}</p><script>{{"x": "params/a.yml"}}</script></article>'
    (chapters / "schoon.html").write_text(page.format("Een gewone zin over 2025."), "utf-8")
    assert chapter_text_problems(tmp_path) == []
    cases = {
        "pad data/manifest.yml": "Zie data/manifest.yml.",
        "bestandsnaam 000_efd20162d3471d10": "Uit 000_efd20162d3471d10 (plan).",
        "params/": "Zet het in params/ neer.",
        "dataset-id wmo_clienten": "Bron: CBS (dataset wmo_clienten).",
        "vakwoord procentpunt": "Het steeg met 2 procentpunt.",
    }
    for expected, sentence in cases.items():
        (chapters / "vies.html").write_text(page.format(sentence), "utf-8")
        assert any(expected in p for p in chapter_text_problems(tmp_path)), expected
    explained = page.format('2 <a href="leeswijzer.html#procentpunt">procentpunt</a>')
    (chapters / "vies.html").write_text(explained, "utf-8")
    assert chapter_text_problems(tmp_path) == []


def test_bronnen_cites_for_the_council_and_maps_the_indicators(edition):
    """Bronnen: sources by title, publisher and date before the technical part (which keeps the
    ids and paths); each indicator with its counterpart in the national monitors (plan 6.4)."""
    text = _text_of(_article(edition / "chapters" / "bronnen.html"))
    council, technical = text.split("Technische verantwoording", 1)
    assert "Beleidsplan Maatschappelijke Ondersteuning 2025-2028" in council
    assert "1 november 2026" in council and "Echte cijfers van" in council
    assert not _SEED.search(council) and ".txt" not in council and "(dataset" not in council
    assert "De indicatoren in de landelijke monitors" in council
    assert (
        "Mantelzorger (18 jaar of ouder)" in council and "50120NED, veld Mantelzorger_31" in council
    )
    assert "geen tegenhanger" in council and "Van de 22 indicatoren" in council
    assert "data/manifest.yml" in technical


def test_impact_page_lists_the_questions_with_what_is_measured(edition):
    """Impact en onderzoek (plan 6.5): each question, its measures (real or example) and what the
    report cannot measure; how a researcher adds an analysis."""
    text = _text_of(_article(edition / "chapters" / "impact.html"))
    assert text.count("Wat dit rapport niet kan meten:") == 7
    assert "Zijn inwoners samenredzaam dankzij een sterke sociale basis?" in text
    assert "onderzoekslijn van Hogeschool InHolland" in text
    assert "(nog voorbeeldgegevens)" in text and "Een analyse toevoegen" in text
    assert "CONTRIBUTING" in text


# ------------------------------------------------------------- optional municipal data not supplied
# Issue 15.4: without any optional municipal dataset the edition still builds, and every section fed
# by one says plainly that the figures have not been supplied and who supplies them.


def _section(page: str, heading: str) -> str:
    """The text of a built page from section ``heading`` up to the next section heading (headings
    end in the permalink sign ``#``)."""
    rest = page[page.index(f"{heading} #") + len(heading) + 2 :]
    return rest[: rest.find(" # ")] if " # " in rest else rest


def test_edition_builds_without_the_optional_municipal_datasets(tmp_path, monkeypatch):
    import shutil

    from analysis.config.manifest import load_manifest

    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    optional = [n for n, e in load_manifest(folder).items() if e.get("optioneel")]
    assert len(optional) >= 5
    for name in optional:
        (folder / load_manifest(folder)[name]["file"]).unlink()  # the export was never supplied
    monkeypatch.setenv("WMO_DATA_DIR", str(folder))
    result = build("2025", root=ROOT, out_root=tmp_path / "out")
    pages = {
        n: _text(result.html / "chapters" / f"{n}.html")
        for n in ("wmo_gebruik", "toegang", "clientervaring")
    }
    expected = {
        ("wmo_gebruik", "Per productcategorie van het plan", "levert de gemeente"),
        (
            "toegang",
            "Wachttijden: huishoudelijke ondersteuning en hulpmiddelen",
            "levert de gemeente",
        ),
        ("toegang", "Wachtlijst Veilig Thuis", "levert Veilig Thuis"),
        ("clientervaring", "Wmo-klankbordgroep", "levert de gemeente"),
    }
    for page, heading, who in expected:
        text = _section(pages[page], heading)
        assert "nog niet aangeleverd" in text and who in text, (page, heading)
    for name, page in pages.items():
        assert (
            "Traceback" not in page and "None" not in page.split() and "nan" not in page.split()
        ), name
    # the mapping of the plan's categories onto the CBS types still shows
    assert "Onderdelen bij CBS" in pages["wmo_gebruik"]
