"""libyaml's safe loader gives what PyYAML's Python parser gives (analysis.core.yamltext)."""

from __future__ import annotations

import subprocess

import pytest
import yaml

from analysis.core import yamltext
from tests.conftest import ROOT


def _repository_yaml() -> list[str]:
    out = subprocess.run(
        ["git", "ls-files", "*.yml", "*.yaml"], cwd=ROOT, capture_output=True, text=True
    )
    return sorted(out.stdout.split()) or ["data/manifest.yml"]


@pytest.mark.parametrize("rel", _repository_yaml())
def test_same_objects_as_the_python_parser(rel):
    text = (ROOT / rel).read_text(encoding="utf-8")
    assert yamltext.safe_load(text) == yaml.safe_load(text)


def test_libyaml_is_used_when_installed(monkeypatch):
    if not getattr(yaml, "__with_libyaml__", False):
        pytest.skip("PyYAML zonder libyaml")
    monkeypatch.setattr(yaml, "safe_load", lambda text: pytest.fail("Python parser used"))
    assert yamltext.safe_load("a: 1") == {"a": 1}


@pytest.mark.parametrize("text", ["a: [1, 2\n", "a: b: c\n", "- a\nb: 1\n", "a: 'x\n"])
def test_invalid_yaml_raises_the_python_parsers_error(text):
    with pytest.raises(yaml.YAMLError) as plain:
        yaml.safe_load(text)
    with pytest.raises(yaml.YAMLError) as ours:
        yamltext.safe_load(text)
    assert type(ours.value) is type(plain.value) and str(ours.value) == str(plain.value)
