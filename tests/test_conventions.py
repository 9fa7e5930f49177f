"""The conventions researchers and governments expect: licence, citation, publiccode.yml, a
devcontainer, templates without outputs, and documentation that points to files that exist."""

from __future__ import annotations

import importlib.util
import json
import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
VERSION = PYPROJECT["project"]["version"]


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_licence_is_the_full_eupl_1_2_text():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    # the 15 articles and the appendix of compatible licences: the whole text, not a summary
    for article in ("1.Definitions", "5.Obligations of the Licensee", "15.Applicable Law"):
        assert article in text, article
    assert "Appendix" in text and "Compatible Licences" in text
    assert len(text) > 12_000
    assert PYPROJECT["project"]["license"] == "EUPL-1.2"
    assert PYPROJECT["project"]["license-files"] == ["LICENSE"]


def test_citation_file_has_what_cff_1_2_requires():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    for key in ("message", "title", "authors"):
        assert cff.get(key), key
    assert all(a.get("name") or a.get("family-names") for a in cff["authors"])
    assert cff["type"] == "software" and cff["license"] == "EUPL-1.2"
    assert str(cff["version"]) == VERSION


def test_publiccode_yml_follows_the_standard():
    """The keys publiccode.yml 0.4 requires, with the values and lengths it allows."""
    pc = yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))
    assert pc["publiccodeYmlVersion"] == "0.4"
    assert pc["name"] and re.match(r"^https?://\S+$", pc["url"])
    assert str(pc["softwareVersion"]) == VERSION
    assert set(pc["platforms"]) <= {"web", "windows", "mac", "linux", "ios", "android"}
    assert pc["developmentStatus"] in {"concept", "development", "beta", "stable", "obsolete"}
    assert pc["softwareType"] in {
        "standalone/mobile",
        "standalone/iot",
        "standalone/desktop",
        "standalone/web",
        "standalone/backend",
        "standalone/other",
        "addon",
        "library",
        "configurationFiles",
    }
    for lang, desc in pc["description"].items():
        assert re.fullmatch(r"[a-z]{2,3}", lang)
        assert 0 < len(desc["shortDescription"]) <= 150, len(desc["shortDescription"])
        assert 150 <= len(desc["longDescription"]) <= 10_000
        assert desc["features"] and all(len(f) <= 100 for f in desc["features"])
    assert pc["legal"]["license"] == "EUPL-1.2"
    maintenance = pc["maintenance"]
    assert maintenance["type"] in {"internal", "contract", "community", "none"}
    if maintenance["type"] in ("internal", "community"):
        assert maintenance["contacts"] and all(c.get("name") for c in maintenance["contacts"])
    loc = pc["localisation"]
    assert isinstance(loc["localisationReady"], bool) and loc["availableLanguages"] == ["nl"]


def test_devcontainer_installs_like_make_and_is_linked_from_the_readme():
    text = (ROOT / ".devcontainer" / "devcontainer.json").read_text(encoding="utf-8")
    config = json.loads(re.sub(r"^\s*//.*$", "", text, flags=re.MULTILINE))
    assert "make install" in config["postCreateCommand"]
    dockerfile = (ROOT / ".devcontainer" / config["build"]["dockerfile"]).read_text()
    assert re.search(r"^FROM python:3\.1[1-3]-bookworm", dockerfile, re.MULTILINE)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(.devcontainer/devcontainer.json)" in readme
    # the book stays offline and says nothing about development environments
    assert not any("devcontainer" in p.read_text() for p in (ROOT / "chapters").glob("*.md"))


def test_chapter_templates_have_no_outputs(tmp_path):
    check = _script("check_notebooks")
    assert check.main([str(ROOT / "chapters")]) == 0
    bad = tmp_path / "x.ipynb"
    bad.write_text(
        json.dumps(
            {"cells": [{"cell_type": "code", "id": "c", "execution_count": 1, "outputs": []}]}
        )
    )
    assert check.main([str(tmp_path)]) == 1


def test_mypy_baseline_only_shrinks():
    from collections import Counter

    mb = _script("mypy_baseline")
    base = Counter({"src/a.py: [arg-type] x": 1})
    assert mb.compare(Counter(), base) == ([], ["[arg-type] x"])  # fixed: shrink the baseline
    assert mb.compare(Counter({"src/b.py: [misc] y": 1}), base)[0] == ["[misc] y"]  # new
    assert mb.compare(Counter({"src/moved.py: [arg-type] x": 1}), base) == ([], [])  # moved
    assert mb.BASELINE.is_file() and sum(mb.read_baseline().values()) > 0


def test_ci_runs_the_gates_and_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for step in (
        "make install",
        "make check-notebooks",
        "make lint",
        "make typecheck",
        "make test",
    ):
        assert step in ci, step
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lint = makefile.split("\nlint:")[1].split("\n\n")[0]
    assert "chapters" in lint and "ruff check" in lint


def test_docs_point_to_files_that_exist():
    """Every repository path that CONTRIBUTING and README put in backticks exists."""
    missing = []
    for doc in ("CONTRIBUTING.md", "README.md"):
        text = (ROOT / doc).read_text(encoding="utf-8")
        for path in re.findall(r"`((?:src|tests|scripts|chapters|data|\.ci)/[^`\s*<>]+)`", text):
            if "<" in path or "…" in path:
                continue
            if not (ROOT / path.rstrip("/")).exists():
                missing.append(f"{doc}: {path}")
    assert not missing, "verwijzingen naar bestanden die niet bestaan:\n  " + "\n  ".join(missing)
