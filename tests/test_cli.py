"""The command line through its real parser: Dutch help and errors, --version, python -m analysis,
nieuwe-periode, schema, and the documentation of exit codes and environment variables."""

from __future__ import annotations

import argparse
import importlib.metadata
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from analysis import cli
from analysis.config.params import load_params

ROOT = Path(__file__).resolve().parents[1]
ENGLISH = ("usage:", "positional arguments", "options:", "show this help", "error:", "required")


def _parsers(parser: argparse.ArgumentParser, name: str = "wmo-rapport"):
    """Every parser of the command line (commands and subcommands), with its command words."""
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                yield from _parsers(sub, f"{name} {sub_name}")


def test_every_command_has_dutch_help_on_every_option():
    parsers = list(_parsers(cli._parser()))
    names = [n for n, _ in parsers]
    assert {"wmo-rapport data fetch", "wmo-rapport nieuwe-periode", "wmo-rapport schema"} <= set(
        names
    )
    for name, parser in parsers:
        text = parser.format_help()
        assert text.startswith("gebruik: "), name
        assert not [w for w in ENGLISH if w in text], (name, text)
        assert "deze hulptekst tonen en stoppen" in text, name
        for action in parser._actions:
            if not isinstance(action, argparse._SubParsersAction):
                assert action.help, f"{name}: {action.option_strings or action.dest} zonder uitleg"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["build"], "fout: een van de argumenten --periode --alle-perioden is verplicht"),
        (["bouw"], "fout: argument opdracht: ongeldige keuze: 'bouw'"),
        (["build", "--periode", "20x5"], "ongeldige periode '20x5'"),
        (["list", "--snel"], "fout: onbekende argumenten: --snel"),
        (["nieuwe-periode", "2026", "--halfjaar", "3"], "ongeldige keuze: 3"),
        (["build", "--periode", "2025", "--jobs", "veel"], "ongeldige waarde voor int: 'veel'"),
    ],
)
def test_usage_errors_are_dutch(capsys, argv, expected):
    with pytest.raises(SystemExit) as stop:
        cli.main(argv)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("gebruik: wmo-rapport") and expected in err, err


def test_the_dutch_texts_leave_argparse_english_for_others(capsys):
    other = argparse.ArgumentParser(prog="ander")
    assert "usage: ander" in other.format_help() and "options:" in other.format_help()


def _pyproject_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]


def test_version_names_package_version_and_code_commit(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["--version"])
    assert stop.value.code == 0
    out = capsys.readouterr().out.strip()
    m = re.fullmatch(r"wmo-rapport (\S+) \(code (\w+)( \(met lokale wijzigingen\))?\)", out)
    assert m and m[1] == importlib.metadata.version("wmo-analysis") == _pyproject_version(), out
    head = subprocess.run(
        ["git", "log", "-1", "--format=%h"], cwd=ROOT, capture_output=True, text=True
    )
    assert m[2] == (head.stdout.strip() if head.returncode == 0 else "onbekend")


def test_python_m_analysis_is_the_same_command():
    run = subprocess.run(
        [sys.executable, "-m", "analysis", "--version"], capture_output=True, text=True, cwd=ROOT
    )
    assert run.returncode == 0 and run.stdout.startswith(f"wmo-rapport {_pyproject_version()} ")
    run = subprocess.run(
        [sys.executable, "-m", "analysis", "list", "--snel"], capture_output=True, text=True
    )
    assert run.returncode == 2
    assert run.stderr.startswith("gebruik: python -m analysis ")
    assert "python -m analysis: fout: onbekende argumenten: --snel" in run.stderr


def test_periode_option_accepts_the_half_year_file_name():
    args = cli._parser().parse_args(["pdf", "--periode", "2026-1"])
    assert args.periode == "2026H1" and args.periode.label == "1e halfjaar 2026"


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "_toc.yml").write_text("root: index\n", encoding="utf-8")
    (tmp_path / "params").mkdir()
    for name in ("gemeente.yml", "2024.yml", "2025.yml", "schema.json"):
        shutil.copy(ROOT / "params" / name, tmp_path / "params" / name)
    monkeypatch.setenv("WMO_PROJECT_ROOT", str(tmp_path))
    return tmp_path


def test_nieuwe_periode_starts_the_next_year_from_the_last(project, capsys):
    assert cli.main(["nieuwe-periode", "2026"]) == 0
    path = project / "params" / "2026.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=schema.json\n")
    doc = yaml.safe_load(text)
    assert doc == {"periode": 2026, "editie": "1.0", "vorige_periode": 2025, "wijzigingen": []}
    p = load_params(2026)
    assert (p.periode, p.vorige_periode, p.editie, p.wijzigingen) == ("2026", "2025", "1.0", [])
    assert "Geschreven: params/2026.yml (2026, editie 1.0, vorige periode 2025)" in (
        capsys.readouterr().out
    )


def test_nieuwe_periode_refuses_to_overwrite(project, capsys):
    before = (project / "params" / "2025.yml").read_bytes()
    assert cli.main(["nieuwe-periode", "2025"]) == 4
    assert "params/2025.yml: bestaat al" in capsys.readouterr().err
    assert (project / "params" / "2025.yml").read_bytes() == before


def test_nieuwe_periode_half_year_and_carried_overrides(project, capsys):
    last = project / "params" / "2025.yml"
    last.write_text(last.read_text(encoding="utf-8") + "privacy:\n  min_cel: 5\n", encoding="utf-8")
    assert cli.main(["nieuwe-periode", "2026", "--halfjaar"]) == 0
    p = load_params("2026H1")
    assert p.path.name == "2026-1.yml"
    assert (p.periode.label, p.vorige_periode, p.privacy.min_cel) == (
        "1e halfjaar 2026",
        "2025H1",
        5,
    )
    out = capsys.readouterr().out
    assert "Overgenomen uit het vorige periodebestand (controleer): privacy.min_cel" in out
    assert cli.main(["nieuwe-periode", "2026", "--halfjaar", "2"]) == 0
    p2 = load_params("2026H2")
    assert (p2.vorige_periode, p2.privacy.min_cel) == ("2025H2", 5)  # from 2026-1.yml


def test_nieuwe_periode_needs_an_earlier_period(project, capsys):
    assert cli.main(["nieuwe-periode", "2020"]) == 4
    assert "geen periodebestand vóór 2020" in capsys.readouterr().err
    assert not (project / "params" / "2020.yml").exists()


def test_schema_command_writes_and_checks(project, capsys):
    assert cli.main(["schema", "--controleer"]) == 0
    (project / "params" / "schema.json").write_text("{}\n", encoding="utf-8")
    assert cli.main(["schema", "--controleer"]) == 4
    assert "past niet bij de parametermodellen" in capsys.readouterr().err
    assert cli.main(["schema"]) == 0
    assert cli.main(["schema", "--controleer"]) == 0


def test_readme_documents_every_exit_code_and_environment_variable():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Exitcodes") :]
    for code, _ in cli.EXIT_CODES:
        assert re.search(rf"^\| `{code}` \|", section, re.M), f"exitcode {code} niet in README"
    read = r"""(?:environ\.get\(|environ\[|getenv\(|setenv\(|"(?=WMO_\w+":))"?(WMO_\w+)"""
    used = set()
    for path in [*(ROOT / "src").rglob("*.py"), *(ROOT / "tests").glob("*.py")]:
        used |= set(re.findall(read, path.read_text(encoding="utf-8")))
    assert {"WMO_PROJECT_ROOT", "WMO_DATA_DIR", "WMO_CHROMIUM"} <= used
    env = readme[readme.index("### Omgevingsvariabelen") :]
    assert used and not [v for v in sorted(used) if f"`{v}`" not in env]
