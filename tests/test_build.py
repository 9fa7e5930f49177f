"""Atomic builds and the run record (issue 8, items 4 and 6).

A build that fails at any step (bad data, a chapter raising, Jupyter Book failing, an interrupt)
leaves ``_build/<periode>/html`` and every file in it byte-for-byte as it was, and no half-written
folder behind. Every edition carries its run record.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import threading
from pathlib import Path

import nbformat
import pytest

from analysis.config.manifest import sha256_file
from analysis.core.errors import BuildError, DataError
from analysis.pipeline import assemble, swap
from analysis.pipeline.record import ARCHIVAL_FILE, RECORD_FILE, TIMINGS_FILE
from tests.conftest import ROOT
from tests.minibook import chapter_notebook, tree_digest
from tests.test_incremental import make_small_project, run_build

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = make_small_project(tmp_path_factory.mktemp("atomair") / "project")
    run_build(root)
    return root


@pytest.fixture
def project(built, tmp_path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    return root


def _snapshot(root: Path) -> tuple[Path, dict[str, bytes], list[str]]:
    link = root / "_build/2025/html"
    return link.resolve(), tree_digest(link), _listing(root)


def _listing(root: Path) -> list[str]:
    """Every entry of the build folder except the caches a failed build may refresh."""
    out = root / "_build"
    keep = []
    for p in sorted(out.rglob("*")):
        rel = p.relative_to(out).as_posix()
        if rel.startswith(("2025/work", "2025/executed", "2025/state.json")):
            continue
        keep.append(rel)
    return keep


def _assert_untouched(root: Path, snap) -> None:
    target, files, listing = snap
    link = root / "_build/2025/html"
    assert link.resolve() == target
    assert tree_digest(link) == files
    assert _listing(root) == listing, "een halve map of tijdelijk bestand bleef achter"


def _break_chapter(root: Path, body: str) -> None:
    nbformat.write(chapter_notebook(body, title="C"), root / "chapters" / "c.ipynb")


def test_chapter_raising_mid_build_changes_nothing(project):
    snap = _snapshot(project)
    _break_chapter(project, "raise RuntimeError('opzettelijk kapot')")
    with pytest.raises(BuildError, match="hoofdstuk 'c'.*RuntimeError: opzettelijk kapot"):
        run_build(project)
    _assert_untouched(project, snap)


def test_bad_data_changes_nothing(project):
    snap = _snapshot(project)
    csv = project / "data" / "tel.csv"
    csv.write_bytes(csv.read_bytes() + b"GM0397,2023,65+,abc,1.0\n")  # manifest not updated
    with pytest.raises(DataError, match="tel.csv"):
        run_build(project)
    _assert_untouched(project, snap)


def test_jupyter_book_failing_after_writing_changes_nothing(project, monkeypatch):
    original = assemble.run_jupyter_book

    def failing(src, out, epoch, server=None):
        original(src, out, epoch, server)  # it wrote a whole new book, then fails
        raise BuildError("Jupyter Book kon het boek niet bouwen: opzettelijk")

    monkeypatch.setattr(assemble, "run_jupyter_book", failing)
    snap = _snapshot(project)
    _break_chapter(project, "from analysis import report\nreport.glue('n65', 9)")
    with pytest.raises(BuildError, match="opzettelijk"):
        run_build(project)
    _assert_untouched(project, snap)
    # the next build (book fixed) publishes the new page, although the book source already synced
    monkeypatch.setattr(assemble, "run_jupyter_book", original)
    result, _ = run_build(project)
    assert result.executed == [] and result.book_built
    assert ">9<" in (project / "_build/2025/html/chapters/c.html").read_text(encoding="utf-8")


def test_interrupt_while_copying_the_new_edition(project, monkeypatch):
    real_fill = swap.fill_edition

    def copy_then_interrupt(*args, **kwargs):
        real_fill(*args, **kwargs)
        raise KeyboardInterrupt

    snap = _snapshot(project)
    _break_chapter(project, "from analysis import report\nreport.glue('n65', 9)")
    monkeypatch.setattr(swap, "fill_edition", copy_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        run_build(project)
    monkeypatch.undo()
    _assert_untouched(project, snap)


def test_interrupt_while_chapters_run_stops_them(project):
    snap = _snapshot(project)
    _break_chapter(project, "import time\ntime.sleep(60)")
    timer = threading.Timer(4.0, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            run_build(project)
    finally:
        timer.cancel()
    _assert_untouched(project, snap)


def test_leftovers_of_a_killed_build_are_removed(project):
    snap = _snapshot(project)
    period = project / "_build/2025"
    (period / "html.dood12345678").mkdir()
    (period / ".html.halfje.tmp").mkdir()
    (project / "_build" / ".uitvoer-2025-abc").mkdir()
    result, _ = run_build(project)
    assert result.executed == [] and not result.book_built
    _assert_untouched(project, snap)


def test_second_build_of_same_period_waits_its_turn(project):
    import fcntl

    with open(project / "_build/2025/.bouw.lock", "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        with pytest.raises(BuildError, match="er loopt al een bouw"):
            run_build(project)


def test_failed_first_build_leaves_no_build_folder(tmp_path):
    root = make_small_project(tmp_path / "nieuw")
    _break_chapter(root, "raise ValueError('kapot')")
    with pytest.raises(BuildError):
        run_build(root)
    assert not (root / "_build" / "2025").exists()


def test_run_record_in_the_edition(built):
    html = built / "_build/2025/html"
    record = json.loads((html / RECORD_FILE).read_text(encoding="utf-8"))
    assert record["periode"] == "2025"
    assert record["params"]["gemeente"]["code"] == "GM0397"
    assert len(record["params_sha256"]) == 64
    assert set(record["data"]) == {"tel", "woon"}
    assert record["data"]["tel"]["sha256"] == sha256_file(built / "data/tel.csv")
    assert record["pakketten"]["papermill"] and record["pakketten"]["jupyter-book"]
    assert record["commit"] != "onbekend" and not record["lokale_wijzigingen"]
    assert record["datum_bron"] == "commit" and len(record["datum"]) == 10
    chapters = {c["hoofdstuk"]: c["datasets"] for c in record["hoofdstukken"]}
    assert chapters == {"a": ["tel"], "b": ["woon"], "c": []}
    timings = json.loads((html / TIMINGS_FILE).read_text(encoding="utf-8"))
    assert timings["duur_seconden"] > 0
    assert {c["hoofdstuk"] for c in timings["hoofdstukken"] if c["uitgevoerd"]} == {"a", "b", "c"}
    assert all(c["seconden"] > 0 for c in timings["hoofdstukken"])
    assert {c["kernel"] for c in timings["hoofdstukken"]} == {"warm"}
    page = (html / "verantwoording.html").read_text(encoding="utf-8")
    assert "tel.csv" in page and record["commit"] in page


# ----------------------------------------------------------------- editions built without git


def _git_archive_export(root: Path, dest: Path) -> Path:
    """``git archive HEAD`` of ``root`` unpacked into ``dest`` (no .git: a release archive)."""
    tar = subprocess.run(
        ["git", "archive", "--format=tar", "HEAD"], cwd=root, capture_output=True, check=True
    ).stdout
    dest.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(dest)], input=tar, check=True)
    assert not (dest / ".git").exists()
    return dest


def test_edition_from_a_git_archive_export(tmp_path, monkeypatch):
    """Issue 16.4: an edition built from ``git archive`` output names the commit and its date
    (from .git_archival.txt, which git archive fills in), and a user's SOURCE_DATE_EPOCH wins."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    root = make_small_project(tmp_path / "p")
    for name in (ARCHIVAL_FILE, ".gitattributes"):
        shutil.copy(ROOT / name, root / name)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    env = {**os.environ, "GIT_COMMITTER_DATE": "2025-03-04T10:00:00+00:00"}
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "archief"]
    subprocess.run(git, cwd=root, check=True, env=env)
    commit = subprocess.run(
        ["git", "rev-parse", "--short=7", "HEAD"], cwd=root, capture_output=True, text=True
    ).stdout.strip()
    export = _git_archive_export(root, tmp_path / "export")
    _, out = run_build(export)
    assert "  ! " not in out  # no warning: the archive says which code and when
    page = (export / "_build/2025/html/chapters/a.html").read_text(encoding="utf-8")
    assert f"gebouwd 4 maart 2025 · code {commit} (archief)" in page
    record = json.loads((export / "_build/2025/html" / RECORD_FILE).read_text(encoding="utf-8"))
    assert (record["commit"], record["archief"]) == (commit, "archief")
    assert (record["datum"], record["datum_bron"]) == ("2025-03-04", "archief")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 1 January 2026
    result, _ = run_build(export)
    assert result.book_built
    page = (export / "_build/2025/html/chapters/a.html").read_text(encoding="utf-8")
    assert f"gebouwd 1 januari 2026 · code {commit} (archief)" in page
    verantwoording = (export / "_build/2025/html/verantwoording.html").read_text(encoding="utf-8")
    assert "Bouwdatum (SOURCE_DATE_EPOCH)" in verantwoording


def test_edition_without_git_says_so_and_is_not_dated_1970(tmp_path, monkeypatch):
    """Without git and without archive information: 'code onbekend', a warning, and the date of
    the newest source file (for an unpacked archive: the commit's time), never 1 January 1970."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    root = make_small_project(tmp_path / "p")
    shutil.rmtree(root / ".git")
    june = 1749254400  # 7 June 2025
    for f in root.rglob("*"):
        if f.is_file():
            os.utime(f, (june - 86400, june - 86400))
    os.utime(root / "chapters" / "a.ipynb", (june, june))
    _, out = run_build(root)
    assert "! geen git en geen SOURCE_DATE_EPOCH" in out and "7 juni 2025" in out
    page = (root / "_build/2025/html/chapters/a.html").read_text(encoding="utf-8")
    assert "gebouwd 7 juni 2025 · code onbekend ·" in page
    assert "1970" not in page
    record = json.loads((root / "_build/2025/html" / RECORD_FILE).read_text(encoding="utf-8"))
    assert (record["commit"], record["datum_bron"]) == ("onbekend", "bestanden")


def test_installed_packages_are_reused_per_environment_or_read_alongside(monkeypatch):
    """The run record's package list comes from state.json while the environment is the same;
    otherwise it is read (in a thread, while the book builds) and kept for the next build."""
    from types import SimpleNamespace

    from analysis.pipeline import build as build_mod
    from analysis.pipeline import record as record_mod

    def not_again() -> dict[str, str]:
        raise AssertionError("opnieuw gelezen terwijl de omgeving gelijk bleef")

    monkeypatch.setattr(record_mod, "installed_packages", not_again)
    known = {"omgeving": "abc", "lijst": {"pandas": "2.2.3"}}
    b = SimpleNamespace(state={"pakketten": known}, current=SimpleNamespace(environment="abc"))
    assert build_mod._installed_packages_soon(b)() == {"pandas": "2.2.3"}

    monkeypatch.setattr(record_mod, "installed_packages", lambda: {"pandas": "3.0.0"})
    b.current.environment = "def"  # something was installed or upgraded
    assert build_mod._installed_packages_soon(b)() == {"pandas": "3.0.0"}
    assert b.state["pakketten"] == {"omgeving": "def", "lijst": {"pandas": "3.0.0"}}
