"""The manifest is parsed once per content: a hit, a miss on any change, the same as uncached."""

from pathlib import Path

import pytest
import yaml

from analysis.config import manifest
from analysis.core.errors import DataError
from analysis.core.paths import project_root
from tests.conftest import GOOD_CSV, write_dataset


@pytest.fixture
def parses(monkeypatch):
    """Count the parses of a manifest's text."""
    calls: list[Path] = []
    real = manifest.parse_yaml

    def counted(text, path):
        calls.append(path)
        return real(text, path)

    monkeypatch.setattr(manifest, "parse_yaml", counted)
    monkeypatch.setattr(manifest, "_PARSED", {})
    return calls


def test_unchanged_manifest_is_parsed_once_and_served_as_a_fresh_copy(datadir, parses):
    first = manifest.load_manifest(datadir)
    first["tel"]["schema"]["columns"].clear()  # a caller editing its copy
    second = manifest.load_manifest(datadir)
    assert len(parses) == 1
    assert second["tel"]["schema"]["columns"]  # untouched by the edit of the first copy
    assert second["tel"]["file"] == "tel.csv"


def test_changed_manifest_is_parsed_again(datadir, parses):
    assert set(manifest.load_manifest(datadir)) == {"tel"}
    write_dataset(datadir, "tel2", GOOD_CSV)
    assert set(manifest.load_manifest(datadir)) == {"tel", "tel2"}
    # the same length and mtime would not fool it either: it compares the bytes
    path = manifest.manifest_path(datadir)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("file: tel2.csv", "file: tel3.csv"), encoding="utf-8")
    assert manifest.load_manifest(datadir)["tel2"]["file"] == "tel3.csv"
    assert len(parses) == 3


def test_parsed_manifest_equals_the_uncached_python_parse(parses):
    path = manifest.manifest_path(project_root() / "data")
    uncached = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert manifest.load_manifest(project_root() / "data") == uncached["datasets"]
    assert manifest.load_sources(project_root() / "data") == uncached["bronnen"]
    assert len(parses) == 1


def test_invalid_yaml_gives_the_python_parser_message(tmp_path, parses):
    path = manifest.manifest_path(tmp_path)
    path.write_text("datasets:\n  a: [1, 2\n", encoding="utf-8")
    with pytest.raises(yaml.YAMLError) as plain:
        yaml.safe_load(path.read_text(encoding="utf-8"))
    with pytest.raises(DataError, match="geen geldige YAML") as ours:
        manifest.load_manifest(tmp_path)
    assert str(plain.value) in str(ours.value)
