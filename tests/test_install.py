"""The install: a hashed, universal lock, truthful dependencies, and every supported Python.

``make`` installs ``requirements.txt`` with ``--require-hashes`` and removes what the lock does
not list (``scripts/sync_venv.py``). The tests marked ``install`` resolve the lock in fresh
environments of the oldest and newest supported Python (Debian 12's own 3.11.2 where it is
present, and 3.13): with the pip cache warm this takes about a minute, the first time it
downloads the wheels.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements.txt"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))

# Declared but not imported by the code, and why.
NOT_IMPORTED = {
    "ipykernel": "papermill runs every chapter in a Python kernel",
    "jupyter-book": "run as a command by the pipeline (jupyter-book build)",
}

_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def _load_sync():
    spec = importlib.util.spec_from_file_location("sync_venv", ROOT / "scripts" / "sync_venv.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def locked() -> dict[str, list[tuple[str, str | None, int]]]:
    """``name → [(version, marker, number of hashes)]`` of every pin in the lock."""
    pins: dict[str, list[tuple[str, str | None, int]]] = {}
    blocks = re.split(r"\n(?=\S)", LOCK.read_text(encoding="utf-8"))
    for block in blocks:
        first = block.splitlines()[0].strip()
        m = _PIN.match(first)
        if m:
            hashes = len(re.findall(r"--hash=sha256:[0-9a-f]{64}", block))
            pins.setdefault(canonicalize_name(m[1]), []).append((m[2], m[3], hashes))
    return pins


def test_lock_pins_every_package_with_hashes_including_the_installers():
    pins = locked()
    assert len(pins) > 100
    lines = [line for line in LOCK.read_text().splitlines() if line and line[0].isalnum()]
    assert all("==" in line for line in lines), "elke regel in de lock is een vaste versie"
    assert all(h > 0 for versions in pins.values() for _, _, h in versions)
    # pip, setuptools and wheel are locked too (nothing floats), setuptools new enough for the
    # PEP 639 licence fields of pyproject.toml
    for tool in ("pip", "setuptools", "wheel"):
        assert tool in pins, f"{tool} ontbreekt in de lock"
    assert Version(pins["setuptools"][0][0]) >= Version("77")
    assert "pandera" not in pins  # declared once, never imported: dropped


def test_one_version_for_every_supported_python():
    """What is tested is what users get: no package resolves to different versions on
    different Pythons (Debian 12's 3.11.2 and 3.13 install the same versions)."""
    forks = {name: v for name, v in locked().items() if len({x for x, _, _ in v}) > 1}
    assert not forks, f"versies verschillen per Python-versie: {forks}"
    soupsieve = Version(locked()["soupsieve"][0][0])
    assert soupsieve < Version("4.1.2"), "soupsieve 4.1.2+ needs Python 3.11.5 (Debian 12: 3.11.2)"


def test_pyproject_declares_every_import_and_only_what_is_used():
    declared = {
        canonicalize_name(Requirement(r).name) for r in PYPROJECT["project"]["dependencies"]
    }
    dists = metadata.packages_distributions()
    stdlib = set(sys.stdlib_module_names)
    imported: dict[str, str] = {}
    sources = [*sorted((ROOT / "src").rglob("*.py"))]
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top in stdlib or top == "analysis":
                    continue
                for dist in dists.get(top, [top]):
                    imported.setdefault(canonicalize_name(dist), str(path.relative_to(ROOT)))
    undeclared = {d: where for d, where in imported.items() if d not in declared}
    assert not undeclared, f"geïmporteerd maar niet in pyproject.toml: {undeclared}"
    unused = declared - set(imported) - set(NOT_IMPORTED)
    assert not unused, f"in pyproject.toml maar nergens geïmporteerd: {sorted(unused)}"


def test_every_declared_dependency_is_locked_within_its_range():
    pins = locked()
    extras = PYPROJECT["project"]["optional-dependencies"]["test"]
    for spec in [*PYPROJECT["project"]["dependencies"], *extras]:
        req = Requirement(spec)
        name = canonicalize_name(req.name)
        assert name in pins, f"{name} staat niet in requirements.txt (make lock)"
        for version, _, _ in pins[name]:
            assert req.specifier.contains(version, prereleases=True), (name, version)


def test_requires_python_says_what_is_supported():
    assert PYPROJECT["project"]["requires-python"] == ">=3.11,<3.14"
    classifiers = PYPROJECT["project"]["classifiers"]
    for minor in ("3.11", "3.12", "3.13"):
        assert f"Programming Language :: Python :: {minor}" in classifiers
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "3.11" in readme and "oktober 2027" in readme  # 3.11's end of life, in the README


def test_sync_removes_what_the_lock_does_not_list(tmp_path):
    """A fresh environment with a package that is not in the lock: the sync uninstalls it and
    keeps what the lock lists."""
    sync = _load_sync()
    assert sync.locked_names(
        "pip==26.3 \\\n    --hash=sha256:00\nappnope==1 ; sys_platform == 'x'\n"
    ) == {"pip"}
    env = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(env)], check=True)
    python = env / "bin" / "python"
    site = Path(
        subprocess.check_output(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
        ).strip()
    )
    info = site / "oud_pakket-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: oud-pakket\nVersion: 1.0\n")
    (site / "oud_pakket.py").write_text("")
    (info / "RECORD").write_text(
        "oud_pakket.py,,\noud_pakket-1.0.dist-info/METADATA,,\noud_pakket-1.0.dist-info/RECORD,,\n"
    )
    pip_version = subprocess.check_output(
        [python, "-c", "import pip; print(pip.__version__)"], text=True
    ).strip()
    lock = tmp_path / "lock.txt"
    lock.write_text(f"pip=={pip_version} \\\n    --hash=sha256:{'0' * 64}\n")
    out = subprocess.run(
        [python, str(ROOT / "scripts" / "sync_venv.py"), str(lock)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "oud-pakket" in out.stdout
    assert not info.exists() and not (site / "oud_pakket.py").exists()
    assert subprocess.run([python, "-m", "pip", "--version"], capture_output=True).returncode == 0


def _runs(exe: str) -> bool:
    try:
        return subprocess.run([exe, "-c", "import venv"], capture_output=True).returncode == 0
    except OSError:
        return False


def _interpreters() -> list[tuple[str, str]]:
    """The oldest and newest supported Pythons found here: Debian's own 3.11 (3.11.2 on
    Debian 12) or any 3.11, and 3.13 (on PATH, or installed by pyenv but not selected)."""
    pyenv = sorted(Path.home().glob(".pyenv/versions/3.1[13]*/bin/python3.1[13]"))
    found = []
    for label, minor in (("oudste", "3.11"), ("nieuwste", "3.13")):
        candidates = [f"/usr/bin/python{minor}", shutil.which(f"python{minor}")]
        candidates += [str(p) for p in pyenv if p.name == f"python{minor}"]
        exe = next((c for c in candidates if c and Path(c).exists() and _runs(c)), None)
        if exe:
            found.append((label, exe))
    return found


@pytest.mark.install
@pytest.mark.parametrize("label", ["oudste", "nieuwste"])
def test_lock_installs_on_oldest_and_newest_python(label, tmp_path):
    exe = dict(_interpreters()).get(label)
    if exe is None:
        pytest.skip(f"geen {label} ondersteunde Python gevonden")
    version = subprocess.check_output(
        [exe, "-c", "import platform; print(platform.python_version())"], text=True
    ).strip()
    env = tmp_path / "venv"
    subprocess.run([exe, "-m", "venv", str(env)], check=True)
    report = tmp_path / "report.json"
    proc = subprocess.run(
        [
            str(env / "bin" / "python"),
            "-m",
            "pip",
            "install",
            "--dry-run",
            "--quiet",
            "--disable-pip-version-check",
            "--require-hashes",
            "--ignore-installed",
            "--report",
            str(report),
            "-r",
            str(LOCK),
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, f"Python {version}: {proc.stderr[-2000:]}"
    chosen = {
        canonicalize_name(i["metadata"]["name"]): i["metadata"]["version"]
        for i in json.loads(report.read_text())["install"]
    }
    pins = locked()
    for name in ("pandas", "jupyter-book", "soupsieve", "setuptools", "pip", "wheel"):
        assert chosen.get(name) in {v for v, _, _ in pins[name]}, (version, name, chosen.get(name))
