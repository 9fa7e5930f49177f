"""Live preview (issue 17, item 3): ``wmo-rapport bekijk`` builds, serves on localhost, rebuilds
exactly what changed, reloads the page, stops cleanly on Ctrl-C and never shows a half edition.

The waits below are bounds for a slow machine, not timings: nothing asserts how fast it is.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from analysis.pipeline.preview import STATUS_PATH, changes, preview, snapshot
from tests.minibook import chapter_notebook
from tests.test_incremental import _edit_prose, make_small_project

pytestmark = pytest.mark.e2e

BOUND = 600  # seconds: only a bound for a very slow machine


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read()


def _status(url: str) -> dict:
    return json.loads(_get(url + STATUS_PATH.lstrip("/")))


def _wait(condition, what: str) -> None:
    end = time.monotonic() + BOUND
    while time.monotonic() < end:
        if condition():
            return
        time.sleep(0.2)
    pytest.fail(f"niet gebeurd: {what}")


def _processes_of(root: Path) -> list[int]:
    """Processes whose environment names this project (the build's kernels and helpers)."""
    needle = f"WMO_PROJECT_ROOT={root}".encode()
    found = []
    for d in os.listdir("/proc"):
        if d.isdigit() and int(d) != os.getpid():
            try:
                if needle in Path(f"/proc/{d}/environ").read_bytes().split(b"\0"):
                    found.append(int(d))
            except OSError:
                continue
    return found


@pytest.fixture
def session(tmp_path):
    root = make_small_project(tmp_path / "p")
    lines: list[str] = []
    stop, ready, address = threading.Event(), threading.Event(), []

    def on_ready(url: str) -> None:
        address.append(url)
        ready.set()

    kwargs = {"port": 0, "interval": 0.2, "say": lines.append, "stop": stop, "on_ready": on_ready}
    thread = threading.Thread(target=preview, args=("2025", root), kwargs=kwargs)
    thread.start()
    assert ready.wait(BOUND), "\n".join(lines)
    yield root, address[0], lines
    stop.set()
    thread.join(BOUND)
    assert not thread.is_alive()


def test_preview_serves_rebuilds_what_changed_and_reloads(session):
    root, url, lines = session
    page = _get(url + "chapters/a.html").decode()
    assert STATUS_PATH in page, "de pagina herlaadt zichzelf niet"
    served = root / "_build/2025/html/chapters/a.html"
    assert STATUS_PATH.encode() not in served.read_bytes(), "het script hoort niet in de editie"
    first = _status(url)
    assert first["versie"] and first["fout"] is None

    other = _get(url + "chapters/b.html").decode()
    assert "(werkversie, mogelijk met lokale wijzigingen)" in other
    del lines[:]
    _edit_prose(root, "a")
    _wait(lambda: _status(url)["versie"] != first["versie"], "nieuwe editie na tekstwijziging")
    assert "Nieuwe paragraaf" in _get(url + "chapters/a.html").decode()
    # the first save after the commit left the stamp (on every page) as it was
    assert _get(url + "chapters/b.html").decode() == other
    period = root / "_build" / "2025"
    # the previous edition is removed once the new one shows (not while the writer waits)
    _wait(
        lambda: [p.name for p in period.glob("html.*")] == [(period / "html").resolve().name],
        "vorige editie opgeruimd",
    )
    assert any(line.startswith("  ~ a: ") for line in lines), lines
    assert not any(": uitvoeren (" in line for line in lines), "een tekstwijziging voerde uit"

    # a chapter that fails: the error shows, the previous edition stays
    second = _status(url)
    del lines[:]
    nbformat.write(chapter_notebook("raise ValueError('kapot')"), root / "chapters" / "b.ipynb")
    _wait(lambda: _status(url)["fout"], "foutmelding na een kapot hoofdstuk")
    assert "faalt in cel" in _status(url)["fout"]
    assert _status(url)["versie"] == second["versie"]
    assert "Nieuwe paragraaf" in _get(url + "chapters/a.html").decode()
    assert any("> b: uitvoeren" in line for line in lines) and not any(
        "> a: uitvoeren" in line for line in lines
    )

    # repaired: a new edition, the error gone
    nbformat.write(
        chapter_notebook("from analysis import report\nreport.glue('n65', 5)"),
        root / "chapters" / "b.ipynb",
    )
    _wait(lambda: _status(url)["versie"] != second["versie"], "nieuwe editie na herstel")
    assert _status(url)["fout"] is None


def test_snapshot_sees_the_watched_folders_only(tmp_path):
    root = make_small_project(tmp_path / "p")
    before = snapshot(root)
    assert "chapters/a.ipynb" in before and "data/tel.csv" in before
    assert "params/2025.yml" in before and "_toc.yml" in before
    assert any(k.startswith("src/analysis/") for k in before)
    (root / "src" / "analysis" / "__pycache__").mkdir(exist_ok=True)
    (root / "src" / "analysis" / "__pycache__" / "x.pyc").write_bytes(b"0")
    (root / "notities.txt").write_text("niet gevolgd")
    (root / "data" / "tel.csv").write_text("anders")
    assert changes(before, snapshot(root)) == ["data/tel.csv"]


def _start_preview(root: Path) -> subprocess.Popen[str]:
    """``wmo-rapport bekijk --periode 2025`` on the small project, its output as text lines."""
    env = {**os.environ, "WMO_PROJECT_ROOT": str(root), "PYTHONPATH": str(root / "src")}
    cmd = [sys.executable, "-m", "analysis.cli", "bekijk", "--periode", "2025", "--poort", "0"]
    return subprocess.Popen(
        cmd, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def _stop(proc: subprocess.Popen[str], sig: int) -> str:
    """Send ``sig`` to the preview; the rest of its output once it ended."""
    proc.send_signal(sig)
    out, _ = proc.communicate(timeout=BOUND)
    return out


def _kill_if_running(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        proc.kill()


def test_sigterm_stops_an_idle_preview_cleanly(tmp_path):
    """A stop asked for by the system (SIGTERM, e.g. a closed terminal or a service manager) ends
    the preview as Ctrl-C does: the same message, code 0, no process of it left."""
    root = make_small_project(tmp_path / "p")
    proc = _start_preview(root)
    seen: list[str] = []
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            seen.append(line)
            if line.startswith("Warm: "):
                break
        else:
            pytest.fail("bekijk werd niet warm:\n" + "".join(seen))
        out = _stop(proc, signal.SIGTERM)
    finally:
        _kill_if_running(proc)
    assert proc.returncode == 0, "".join(seen) + out
    assert "Gestopt. De laatste volledige editie staat in _build/2025/html." in out
    assert (root / "_build/2025/html/index.html").is_file()
    _wait(lambda: not _processes_of(root), "alle processen van de voorvertoning gestopt")


def test_a_lost_interrupt_still_stops_the_preview(tmp_path):
    """Python runs a signal handler wherever the main thread is; a KeyboardInterrupt raised in,
    say, a finaliser is only printed. The preview stops all the same."""
    from analysis.pipeline.preview import stop_on_signals

    stop = threading.Event()
    before = signal.getsignal(signal.SIGINT)
    with stop_on_signals(stop):
        try:
            signal.raise_signal(signal.SIGINT)
        except KeyboardInterrupt:
            pass  # lost, as in a finaliser
        assert stop.is_set()
    assert signal.getsignal(signal.SIGINT) is before


def test_ctrl_c_stops_cleanly_and_leaves_a_whole_edition(tmp_path):
    root = make_small_project(tmp_path / "p")
    proc = _start_preview(root)
    seen: list[str] = []

    def read_until(text: str) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            seen.append(line)
            if text in line:
                return
        pytest.fail(f"'{text}' niet gezien:\n{''.join(seen)}")

    try:
        read_until("Klaar in")
        link = root / "_build/2025/html"
        edition = link.resolve()
        # a build that takes long, interrupted while its chapter runs
        nbformat.write(chapter_notebook("import time\ntime.sleep(120)"), root / "chapters/c.ipynb")
        read_until("> c: uitvoeren")
        out = _stop(proc, signal.SIGINT)
    finally:
        _kill_if_running(proc)
    assert proc.returncode == 0, "".join(seen) + out
    assert "Gestopt" in out
    assert link.resolve() == edition and (link / "index.html").is_file()
    leftovers = [
        p.name for p in (root / "_build/2025").iterdir() if p.name.startswith(("html.", ".html"))
    ]
    assert leftovers == [edition.name]
    assert not list((root / "_build").glob(".uitvoer-*"))
    _wait(lambda: not _processes_of(root), "alle processen van de voorvertoning gestopt")
