"""Open data that travels: SPDX licences in the manifest and a valid Frictionless Data Package
(``datapackage.json`` + ``gegevens/``) in every built and published edition."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from frictionless import Package, validate

from analysis.config import licences
from analysis.config.datapackage import datapackage, field, write_datapackage
from analysis.config.manifest import load_manifest, save_manifest

ROOT = Path(__file__).resolve().parents[1]


def test_every_manifest_licence_is_an_spdx_id_with_a_dutch_explanation():
    manifest = load_manifest(ROOT / "data")
    for name, entry in manifest.items():
        assert licences.is_spdx(entry["licence"]), f"{name}: {entry['licence']!r} is geen SPDX-id"
        assert entry.get("licence_toelichting"), f"{name}: Nederlandse toelichting ontbreekt"


def test_saving_the_manifest_turns_dutch_licence_texts_into_spdx(tmp_path):
    (tmp_path / "x.csv").write_text("a\n1\n", encoding="utf-8")
    entry = {"file": "x.csv", "licence": "CC BY 4.0 (CBS)", "sha256": "0", "title": "X"}
    save_manifest({"x": entry}, tmp_path)
    text = (tmp_path / "manifest.yml").read_text(encoding="utf-8")
    assert "licence: CC-BY-4.0\n" in text
    assert "licence_toelichting: vrij te gebruiken met naamsvermelding van de bron (CBS)" in text
    assert licences.normalise({"licence": "CC0-1.0"}) == {"licence": "CC0-1.0"}  # already SPDX
    assert licences.from_dutch("openbaar overheidsdocument (Woo)")[0] == (
        "LicenseRef-openbaar-overheidsdocument"
    )


def test_fields_carry_types_and_constraints():
    assert field("n", "aantal") == {
        "name": "n",
        "type": "number",
        "description": "aantal (telling)",
        "constraints": {"required": True, "minimum": 0},
    }
    assert field("p", {"type": "percentage", "nullable": True})["constraints"] == {
        "minimum": 0,
        "maximum": 100,
    }
    assert field("d", "datum")["type"] == "date"


def _tiny(tmp_path: Path) -> tuple[Path, dict]:
    data = tmp_path / "data"
    data.mkdir()
    (data / "tel.csv").write_text(
        "gemeente_code,periode,groep,aantal,aandeel\n"
        "GM0001,2024,a,10,12.5\nGM0001,2024,b,,\nGM0001,2025,a,12,14.0\n",
        encoding="utf-8",
    )
    from analysis.config.manifest import sha256_file

    manifest = {
        "tel": {
            "file": "tel.csv",
            "title": "Telling",
            "description": "Een kleine telling.",
            "source": {"organisation": "CBS", "table_id": "03759ned", "url": None},
            "licence": "CC BY 4.0",
            "retrieved": "2026-11-01",
            "synthetic": False,
            "sha256": sha256_file(data / "tel.csv"),
            "schema": {
                "key": ["gemeente_code", "periode", "groep"],
                "columns": {
                    "gemeente_code": "regio",
                    "periode": "periode",
                    "groep": {"type": "categorie", "allowed": ["a", "b"]},
                    "aantal": {"type": "aantal", "nullable": True},
                    "aandeel": {"type": "percentage", "nullable": True},
                },
            },
        }
    }
    return data, manifest


def test_a_written_package_is_valid_and_loads_without_this_code(tmp_path):
    data, manifest = _tiny(tmp_path)
    out = tmp_path / "editie"
    path = write_datapackage(
        out,
        data,
        manifest,
        ["tel"],
        package="wmo-monitor-2025",
        title="t",
        version="1.0",
        created="2026-11-22",
    )
    report = validate(str(path))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = Package(str(path))
    rows = package.get_resource("tel").read_rows()
    assert [r["aantal"] for r in rows] == [10, None, 12]
    doc = json.loads(path.read_text(encoding="utf-8"))
    res = doc["resources"][0]
    assert res["hash"] == f"sha256:{manifest['tel']['sha256']}"
    assert res["licenses"][0]["name"] == "CC-BY-4.0" and res["licentie_toelichting"]
    assert res["sources"] == [{"title": "CBS · 03759ned"}]
    assert doc["created"] == "2026-11-22T00:00:00Z"


def test_a_changed_file_makes_the_package_invalid(tmp_path):
    """The hash in the package is the manifest's: a file changed after the fact is caught."""
    data, manifest = _tiny(tmp_path)
    out = tmp_path / "editie"
    path = write_datapackage(
        out, data, manifest, ["tel"], package="p", title="t", version="1", created="2026-11-22"
    )
    (out / "gegevens" / "tel.csv").write_text(
        "gemeente_code,periode,groep,aantal,aandeel\nGM0001,2024,a,-3,12.5\n", encoding="utf-8"
    )
    report = validate(str(path))
    assert not report.valid
    kinds = {row[0] for row in report.flatten(["type"])}
    assert "hash-count" in kinds and "constraint-error" in kinds, kinds  # hash, and -3 < 0


def test_the_package_lists_the_licences_of_its_resources(tmp_path):
    _, manifest = _tiny(tmp_path)
    doc = datapackage(manifest, ["tel"], package="p", title="t", version="1", created="2026")
    assert [lic["name"] for lic in doc["licenses"]] == ["CC-BY-4.0"]


@pytest.mark.e2e
def test_every_built_and_published_edition_carries_a_valid_datapackage():
    from tests.published import published_site

    s = published_site()
    record = json.loads((s.old / "bouwverslag.json").read_text(encoding="utf-8"))
    for edition in (s.old, s.new):
        path = edition / "datapackage.json"
        assert path.is_file(), edition
        report = validate(str(path))
        assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type"])
        doc = json.loads(path.read_text(encoding="utf-8"))
        names = {r["name"] for r in doc["resources"]}
        # the datasets the chapters read, each with the hash the build recorded
        used = {d for chapter in record["hoofdstukken"] for d in chapter["datasets"]}
        assert names == used and len(names) >= 10
        for res in doc["resources"]:
            assert (edition / res["path"]).is_file()
            assert res["hash"] == f"sha256:{record['data'][res['name']]['sha256']}"
            assert res["synthetisch"] == record["data"][res["name"]]["synthetisch"]
            assert all(licences.is_spdx(lic["name"]) for lic in res["licenses"])
