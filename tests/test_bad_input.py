"""Bad input gets a clear error, never a wrong report (issue: trust).

Each case breaks one thing in a copy of a small, already built project, runs the command line as an
evaluator would, and checks: the message names the file (and row and column where they apply), the
exit code is non-zero, and the previous edition is byte-for-byte unchanged.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
import yaml

from analysis.cli import main
from tests.conftest import write_dataset
from tests.minibook import TEL_CSV, chapter_notebook, make_project, tree_digest

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("mini") / "project")
    mp = pytest.MonkeyPatch()
    mp.setenv("WMO_PROJECT_ROOT", str(root))
    try:
        assert main(["build", "--periode", "2025"]) == 0
    finally:
        mp.undo()
    assert "304" in (root / "_build/2025/html/chapters/mini.html").read_text()
    return root


@pytest.fixture
def project(built, tmp_path, monkeypatch) -> Path:
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    monkeypatch.setenv("WMO_PROJECT_ROOT", str(root))
    return root


def _fails(project: Path, capsys, *needles: str) -> str:
    before = tree_digest(project / "_build" / "2025" / "html")
    code = main(["build", "--periode", "2025"])
    err = capsys.readouterr().err
    assert code != 0, err
    for needle in needles:
        assert needle in err, f"{needle!r} ontbreekt in: {err}"
    assert tree_digest(project / "_build" / "2025" / "html") == before
    assert not list((project / "_build").glob(".uitvoer-*")), "halve bouwmap achtergelaten"
    return err


def _put(project: Path, text: str | bytes, *, keep_hash: bool = False) -> None:
    path = project / "data" / "tel.csv"
    if keep_hash:  # a file changed behind the manifest's back
        path.write_bytes(text.encode() if isinstance(text, str) else text)
    else:
        write_dataset(project / "data", "tel", text)


def test_missing_file(project, capsys):
    (project / "data" / "tel.csv").unlink()
    _fails(project, capsys, "data/tel.csv", "ontbreekt")


def test_empty_file(project, capsys):
    _put(project, "")
    _fails(project, capsys, "data/tel.csv", "leeg")


def test_missing_column(project, capsys):
    _put(project, "gemeente_code,periode,leeftijd,waarde\nGM0397,2025,65+,304\n")
    _fails(project, capsys, "data/tel.csv", "kolom 'aandeel'", "kolom ontbreekt")


def test_unexpected_column(project, capsys):
    lines = TEL_CSV.strip().split("\n")
    _put(project, "\n".join([lines[0] + ",bron"] + [x + ",x" for x in lines[1:]]) + "\n")
    _fails(project, capsys, "data/tel.csv", "kolom 'bron'", "onverwachte kolom")


@pytest.mark.parametrize(
    ("bad", "row"), [("abc", 5), ("-4", 5), ("304.5", 5)], ids=["tekst", "negatief", "gebroken"]
)
def test_bad_count(project, capsys, bad, row):
    _put(project, TEL_CSV.replace("2025,65+,304,", f"2025,65+,{bad},"))
    _fails(project, capsys, "data/tel.csv", f"rij {row}", "kolom 'waarde'", f"'{bad}'")


def test_percentage_out_of_range(project, capsys):
    _put(project, TEL_CSV.replace("20.1", "120.1"))
    _fails(project, capsys, "data/tel.csv", "rij 5", "kolom 'aandeel'", "tussen 0 en 100")


def test_duplicate_keys(project, capsys):
    _put(project, TEL_CSV + "GM0397,2025,65+,305,20.2\n")
    _fails(project, capsys, "data/tel.csv", "dubbele sleutel", "rijen 5, 6")


def test_unknown_municipality(project, capsys):
    _put(project, TEL_CSV.replace("GM0397,2024,0-64", "GM9999,2024,0-64"))
    _fails(project, capsys, "data/tel.csv", "onbekende gemeentecode", "GM9999")


def test_period_missing_lists_what_is_there(project, capsys):
    _put(project, "\n".join(x for x in TEL_CSV.split("\n") if ",2025," not in x))
    _fails(project, capsys, "mini", "data/tel.csv", "periode 2025 ontbreekt", "aanwezig: 2024")


def test_hash_mismatch(project, capsys):
    _put(project, TEL_CSV.replace("304", "305"), keep_hash=True)
    _fails(project, capsys, "data/tel.csv", "sha256", "manifest")


def test_params_unknown_field(project, capsys):
    p = project / "params" / "gemeente.yml"
    doc = yaml.safe_load(p.read_text())
    doc["gemeente"]["bewoners"] = 1
    p.write_text(yaml.safe_dump(doc, allow_unicode=True))
    _fails(project, capsys, "params/gemeente.yml", "gemeente.bewoners", "onbekend veld")


def test_params_missing_field(project, capsys):
    p = project / "params" / "2025.yml"
    doc = yaml.safe_load(p.read_text())
    del doc["editie"]
    p.write_text(yaml.safe_dump(doc, allow_unicode=True))
    _fails(project, capsys, "params/2025.yml", "'editie'", "verplicht veld ontbreekt")


def test_chapter_raising_mid_build(project, capsys):
    nbformat.write(
        chapter_notebook("raise RuntimeError('opzettelijk kapot')"),
        project / "chapters" / "mini.ipynb",
    )
    _fails(project, capsys, "hoofdstuk 'mini'", "cel", "RuntimeError: opzettelijk kapot")


def test_person_level_data(project, capsys):
    _put(project, "gemeente_code,bsn,waarde\nGM0397,111222333,1\n")
    _fails(project, capsys, "data/tel.csv", "persoonsgegevens geweigerd")


def test_dutch_export_is_accepted(project, capsys):
    _put(project, TEL_CSV.replace(",", ";").replace(".", ",").encode("cp1252"))
    assert main(["build", "--periode", "2025"]) == 0
    assert "304" in (project / "_build/2025/html/chapters/mini.html").read_text()


def test_check_reports_all_problems_and_missing_period(project, capsys):
    import yaml as _yaml

    m = project / "data" / "manifest.yml"
    doc = _yaml.safe_load(m.read_text())
    doc["datasets"]["tel"]["periode_vereist"] = True
    m.write_text(_yaml.safe_dump(doc, allow_unicode=True))
    p = _yaml.safe_load((project / "params" / "2025.yml").read_text())
    p["periode"] = 2026
    (project / "params" / "2026.yml").write_text(_yaml.safe_dump(p, allow_unicode=True))
    assert main(["check", "--periode", "2026"]) != 0
    err = capsys.readouterr().err
    assert "data/tel.csv: periode 2026 ontbreekt" in err and "aanwezig: 2024, 2025" in err
    assert main(["check", "--periode", "2025"]) == 0
