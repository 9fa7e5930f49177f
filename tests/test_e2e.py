"""End to end: build a whole edition of the shipped project and check the HTML for its key figures,
the edition stamp, the synthetic-data warning and the provenance page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis.config.params import load_params
from analysis.core.numbers import procent
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


def test_edition_opens_with_the_summary(edition):
    assert (edition / "index.html").is_file()
    assert "Samenvatting" in _text(edition / "chapters" / "samenvatting.html")


def test_demography_chapter_shows_the_computed_figures(edition):
    p = load_params(2025)
    pop = population.population_by_age(data.load("bevolking_leeftijd"), p.gemeente_code)
    row = population.ageing_table(pop).set_index("periode").loc["2025"]
    page = _text(edition / "chapters" / "demografie.html")
    assert procent(row["pct_75"], 0) in page and procent(row["pct_85"], 0) in page
    assert "Let op: synthetische gegevens" in page
    raw = (edition / "chapters" / "demografie.html").read_text(encoding="utf-8")
    # a figure from the synthetic population stands marked where it stands
    assert f'data-herkomst="synthetisch">{procent(row["pct_75"], 0)}<sup' in raw
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
    return sorted(p.stem for p in (ROOT / "params").glob("*.yml") if p.stem.isdigit())


@pytest.mark.parametrize("periode", [p for p in _periods() if p != "2025"])
def test_every_shipped_period_builds(tmp_path, periode):
    """Every ``params/<periode>.yml`` gives an edition (2025 is built above), about that period.

    Guards chapters against assumptions of the default period, e.g. a ``vorige_periode`` that
    is ``null`` in the first edition of a series.
    """
    result = build(periode, root=ROOT, out_root=tmp_path)
    page = _text(result.html / "chapters" / "clientervaring.html")
    assert f"periode {periode}" in page
    assert "None" not in page and "nan" not in page.split()
    # nothing from after the period: the survey table and the demography series stop at it
    later = str(int(periode) + 1)
    assert not re.search(rf"Stelling \d+ {later}", page)
    demo = _text(result.html / "chapters" / "demografie.html")
    assert not re.search(rf"jaar en ouder {later}", demo)
    assert re.search(rf"jaar en ouder {periode}", demo)
