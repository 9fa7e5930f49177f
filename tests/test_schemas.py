"""One schema per dataset (issue 13.4): every producer writes what ``analysis.config.schemas``
defines, the manifest carries that schema, and the manifest is written without YAML aliases."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from analysis.config import schemas
from analysis.config.manifest import load_manifest, manifest_path, save_manifest
from analysis.core.errors import DataError
from analysis.data.datasets import read_dataset
from analysis.data.sources.synthetic import generate_all
from tests.conftest import ROOT

DATA = ROOT / "data"
#: Datasets that both the stand-in generator and the CBS fetch produce.
SHARED = [
    "bevolking_leeftijd",
    "bevolkingsprognose",
    "huishoudens_leeftijd",
    "wmo_clienten",
    "wmo_uitgaven",
    "woningvoorraad",
]


def conforms(name: str, folder: Path, file: str) -> None:
    """Read ``folder/file`` against the canonical schema of ``name`` (DataError if not)."""
    read_dataset(name, {"file": file, "schema": schemas.schema(name)}, folder, check_hash=False)


def test_every_shipped_dataset_has_the_canonical_schema_in_its_manifest_entry():
    manifest = load_manifest(DATA)
    assert sorted(manifest) == schemas.names()
    for name, entry in manifest.items():
        assert entry["schema"] == schemas.schema(name), name
        conforms(name, DATA, entry["file"])


def test_generated_population_has_the_same_schema_as_the_fetched_one():
    s = schemas.schema("bevolking_leeftijd")
    assert list(s["columns"]) == [
        "gemeente_code", "periode", "leeftijd", "geslacht", "waarde", "eenheid", "status",
    ]  # fmt: skip
    assert s["columns"]["status"]["allowed"] == schemas.vocabulary("cbs_status")


def test_every_generated_dataset_conforms_to_its_schema(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    names = generate_all(folder)
    assert set(SHARED) <= set(names)
    for name in names:
        conforms(name, folder, f"{name}.csv")
        assert load_manifest(folder)[name]["schema"] == schemas.schema(name)


def test_every_cbs_report_dataset_conforms_to_the_same_schema(tmp_path):
    from tests.test_cbsreport import complete, fetch_all

    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    written = fetch_all(folder, complete())
    report = [n for n in written if not n.startswith("cbs_")]
    assert sorted(report) == sorted(SHARED)
    manifest = load_manifest(folder)
    for name in report:
        conforms(name, folder, manifest[name]["file"])


def test_schema_copies_are_independent():
    a, b = schemas.schema("wmo_clienten"), schemas.schema("wmo_clienten")
    a["columns"]["type"]["allowed"].append("iets anders")
    assert "iets anders" not in b["columns"]["type"]["allowed"]
    assert "iets anders" not in schemas.schema("wmo_clienten")["columns"]["type"]["allowed"]


def test_unknown_dataset_and_bad_schema_file_are_errors(tmp_path):
    with pytest.raises(DataError, match="heeft geen schema"):
        schemas.schema("bestaat_niet")
    bad = tmp_path / "schemas.yml"
    bad.write_text("datasets:\n  x:\n    key: [a]\n    columns:\n      a: tekts\n", "utf-8")
    with pytest.raises(DataError, match="onbekend type"):
        schemas.schema("x", bad)
    bad.write_text("datasets:\n  x:\n    key: [b]\n    columns:\n      a: tekst\n", "utf-8")
    with pytest.raises(DataError, match="sleutelkolom b ontbreekt"):
        schemas.schema("x", bad)


def test_manifest_is_written_without_aliases_and_loads_into_independent_objects(tmp_path):
    spec = {"type": "tekst"}
    shared = {"key": ["a"], "columns": {"a": spec, "b": spec}}
    entry = {"file": "x.csv", "schema": shared}
    save_manifest({"x": entry, "y": {**entry, "file": "y.csv"}}, tmp_path)
    text = manifest_path(tmp_path).read_text(encoding="utf-8")
    assert "&id" not in text and "*id" not in text
    doc = yaml.safe_load(text)["datasets"]
    doc["x"]["schema"]["columns"]["a"]["nullable"] = True
    assert doc["x"]["schema"]["columns"]["b"] == {"type": "tekst"}
    assert doc["y"]["schema"]["columns"]["a"] == {"type": "tekst"}


def test_shipped_manifest_has_no_shared_objects():
    text = manifest_path(DATA).read_text(encoding="utf-8")
    assert "&id" not in text and "*id" not in text
    seen: dict[int, str] = {}
    for name, entry in load_manifest(DATA).items():
        for col, spec in entry["schema"]["columns"].items():
            assert id(spec) not in seen, (name, col, seen.get(id(spec)))
            seen[id(spec)] = f"{name}.{col}"
