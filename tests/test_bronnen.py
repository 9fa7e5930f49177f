"""Source data lives in files under data/bronnen with provenance in the manifest (issue 13.2):
the importer and the generator read nothing else, nothing outside the repository, and refuse a
source that changed without its manifest entry."""

from __future__ import annotations

import re
import shutil

import pytest

from analysis.config.manifest import load_manifest, load_sources, register, sha256_file
from analysis.core.errors import DataError
from analysis.data.sources.bronnen import Sources
from analysis.data.sources.reference import import_reference
from analysis.data.sources.synthetic import generate_all
from tests.conftest import ROOT

DATA = ROOT / "data"
BRONNEN = DATA / "bronnen"


def test_every_source_file_has_provenance_and_its_hash():
    sources = load_sources(DATA)
    files = {
        p.relative_to(DATA).as_posix()
        for p in BRONNEN.rglob("*")
        if p.is_file() and p != BRONNEN / "README.md"
    }
    assert {e["file"] for e in sources.values()} == files
    for name, e in sources.items():
        assert sha256_file(DATA / e["file"]) == e["sha256"], name
        assert e["title"] and e["licence"] and e["retrieved"], name
        assert e["source"]["organisation"], name
        assert isinstance(e["synthetic"], bool), name
    # the reference data is a byte copy, kept with its own explanation
    assert sources["referentie/public_figures.csv"]["synthetic"] is False
    assert sources["standin.yml"]["synthetic"] is True


def test_the_code_reads_nothing_outside_the_repository():
    offenders = []
    for f in sorted((ROOT / "src").rglob("*.py")):
        text = f.read_text(encoding="utf-8")
        if re.search(r"['\"]shared['\"]|reference-data", text):
            offenders.append(f.relative_to(ROOT).as_posix())
    assert offenders == []


def test_a_changed_source_is_refused(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    regions = folder / "bronnen" / "regios.csv"
    regions.write_text(regions.read_text(encoding="utf-8") + "Ergens,GM9999,regio,\n", "utf-8")
    with pytest.raises(DataError, match="gewijzigd zonder het manifest"):
        import_reference(data_dir=folder)
    with pytest.raises(DataError, match="regios.csv"):
        generate_all(folder)


def test_a_source_without_manifest_entry_is_refused(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    (folder / "bronnen" / "nieuw.csv").write_text("a\n1\n", "utf-8")
    with pytest.raises(DataError, match="staat niet in het manifest"):
        Sources.at(folder / "bronnen").path("nieuw.csv")


def test_registering_datasets_keeps_the_sources_section(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    entry = dict(load_manifest(folder)["loket_referentie"])
    register({"loket_referentie": entry}, folder)
    assert load_sources(folder) == load_sources(DATA)


def test_import_and_generator_follow_the_regions_file(tmp_path):
    """Another municipality is a matter of data: the roles in regios.csv choose the regions."""
    src = Sources.at(BRONNEN)
    rows = src.csv("regios.csv")
    municipality = next(r for r in rows if r["rol"] == "gemeente")
    assert re.fullmatch(r"GM\d{4}", municipality["code"])
    out = tmp_path / "data"
    shutil.copytree(DATA, out)
    import_reference(data_dir=out)
    generate_all(out)
    codes = {
        line.split(",")[0]
        for line in (out / "bevolking_leeftijd.csv").read_text(encoding="utf-8").splitlines()[1:]
    }
    comparison = {r["code"] for r in rows if r["rol"] == "vergelijking"}
    assert codes == {municipality["code"]} | comparison
