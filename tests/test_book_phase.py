"""The start-up and the book phase of a build (issue 17.4): what a build starts, and when.

- the command line and the build module load without pandas (the chapters need it, the
  build's own process does not);
- the search index stems each distinct word once per build, with the same stems;
- a build that runs or remakes chapters starts the warm book builder at once (it loads Jupyter
  Book while the chapters run) and stops it on every path; a build that reuses every chapter
  starts nothing; a builder that died does not stop the book from being built.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest

from analysis.core.errors import BuildError
from analysis.pipeline import assemble
from analysis.pipeline import build as build_mod
from analysis.pipeline.warm import WarmPool
from tests.conftest import ROOT
from tests.minibook import chapter_notebook
from tests.test_incremental import make_small_project, run_build


def test_build_command_loads_without_pandas():
    code = (
        "import sys, analysis.cli, analysis.pipeline.build\n"
        "print(sorted(m for m in ('pandas', 'numpy', 'altair') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "[]"


def test_search_index_stems_each_word_once_with_the_same_stems():
    from sphinx.search.nl import SearchDutch

    from analysis.pipeline import assemble, stems

    words = ["zorgvragers", "gemeenten", "voorzieningen", "zorgvragers", "Gemeenten", "wonen"]
    plain = SearchDutch({})
    memo = SearchDutch({})
    calls: list[str] = []
    inner = memo.stemmer.stemWord
    memo.stemmer.stemWord = lambda w: calls.append(w) or inner(w)
    app = SimpleNamespace(builder=SimpleNamespace(indexer=SimpleNamespace(lang=memo)))
    stems.memoise_stem(app, None, "hoofdstuk")
    stems.memoise_stem(app, None, "volgend-hoofdstuk")  # a second page: no second wrapper
    assert [memo.stem(w) for w in words] == [plain.stem(w) for w in words]
    assert [plain.stem(w) for w in words[:3]] == ["zorgvrager", "meen", "voorzien"]
    assert calls == ["zorgvragers", "gemeenten", "voorzieningen", "gemeenten", "wonen"]
    assert memo.stem.cache_info().hits == 1
    assert (
        stems.__name__
        in assemble.book_config(ROOT, _params(), "stempel", "2025-01-01")["sphinx"][
            "extra_extensions"
        ]
    )


def _params():
    from analysis.config.params import load_params

    saved = os.environ.get("WMO_PROJECT_ROOT")
    os.environ["WMO_PROJECT_ROOT"] = str(ROOT)
    try:
        return load_params("2025")
    finally:
        if saved is None:
            os.environ.pop("WMO_PROJECT_ROOT")
        else:
            os.environ["WMO_PROJECT_ROOT"] = saved


# ------------------------------------------------------------------ the warm book builder


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = make_small_project(tmp_path_factory.mktemp("boekfase") / "project")
    run_build(root)
    return root


@pytest.fixture
def project(built, tmp_path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    return root


@pytest.fixture
def pools(monkeypatch) -> SimpleNamespace:
    """Record every pool the build starts and the book builder Jupyter Book is run in."""
    seen = SimpleNamespace(started=[], servers=[], kill=False, loaded_before=[])

    class Recorded(WarmPool):
        def __init__(self, env, key="", kind="kernels"):
            # were the pools started before this one loaded when it started?
            seen.loaded_before.append([p._ready.is_set() for p in seen.started])
            super().__init__(env, key, kind)
            seen.started.append(self)
            if seen.kill and kind == "boek":
                os.killpg(self._proc.pid, signal.SIGKILL)
                self._proc.wait()

    real = assemble.run_jupyter_book

    def recording(src, out, epoch, server=None):
        seen.servers.append((server, server is not None and server.alive))
        real(src, out, epoch, server)

    monkeypatch.setattr(build_mod, "WarmPool", Recorded)
    monkeypatch.setattr(assemble, "run_jupyter_book", recording)
    return seen


def _edit_chapter(root: Path, value: int) -> None:
    body = f"from analysis import report\nreport.glue('n65', {value})"
    nbformat.write(chapter_notebook(body, title="Hoofdstuk c"), root / "chapters" / "c.ipynb")


def _page(root: Path, doc: str) -> str:
    return (root / "_build/2025/html/chapters" / f"{doc}.html").read_text(encoding="utf-8")


@pytest.mark.e2e
def test_build_that_runs_a_chapter_builds_the_book_in_the_builder_it_started(project, pools):
    _edit_chapter(project, 17)
    result, _ = run_build(project)
    assert result.executed == ["c"] and result.book_built
    books = [p for p in pools.started if p.kind == "boek"]
    assert len(books) == 1
    assert pools.servers == [(books[0], True)]  # handed to Jupyter Book, still running
    # started just after the chapters' kernels (it loads at a lower priority than they do)
    assert [p.kind for p in pools.started] == ["kernels", "boek"]
    assert all(not p.alive for p in pools.started)  # stopped with the build
    assert ">17<" in _page(project, "c")


@pytest.mark.e2e
def test_build_that_reuses_every_chapter_starts_nothing(project, pools):
    result, _ = run_build(project)
    assert result.executed == [] and not result.book_built
    assert pools.started == [] and pools.servers == []


@pytest.mark.e2e
def test_build_whose_book_builder_died_still_builds_the_book(project, pools):
    pools.kill = True
    _edit_chapter(project, 18)
    result, _ = run_build(project)
    assert result.book_built
    [(server, alive)] = pools.servers
    assert server.kind == "boek" and not alive  # so Jupyter Book ran as a process
    assert ">18<" in _page(project, "c")


@pytest.mark.e2e
def test_book_builder_stops_when_a_chapter_fails(project, pools):
    nbformat.write(
        chapter_notebook("raise RuntimeError('kapot')", title="C"), project / "chapters/c.ipynb"
    )
    with pytest.raises(BuildError, match="kapot"):
        run_build(project)
    [book] = [p for p in pools.started if p.kind == "boek"]
    assert all(not p.alive for p in pools.started) and pools.servers == []
    assert book._proc.returncode == -signal.SIGKILL  # stopped at once, not after loading


@pytest.mark.e2e
def test_book_builder_stops_on_an_interrupt(project, pools, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(build_mod, "execute_all", interrupted)
    _edit_chapter(project, 19)
    with pytest.raises(KeyboardInterrupt):
        run_build(project)
    assert [p.kind for p in pools.started] == ["kernels", "boek"]
    assert all(not p.alive for p in pools.started)
    assert pools.started[1]._proc.returncode == -signal.SIGKILL


@pytest.mark.e2e
def test_book_builder_ends_normally_after_a_good_build(project, pools):
    _edit_chapter(project, 21)
    run_build(project)
    [book] = [p for p in pools.started if p.kind == "boek"]
    assert book._proc.returncode == 0


def test_kernels_start_before_the_build_only_when_something_probably_runs(project, tmp_path):
    """``early_kernels``: no earlier build of the period, ``--opnieuw``, or a source newer than
    the last build → start them now; nothing changed since → leave it to the build."""
    from analysis.pipeline.chapters import early_kernels

    state = project / "_build/2025/state.json"
    later = max(p.stat().st_mtime for p in project.rglob("*") if "_build" not in p.parts) + 10
    os.utime(state, (later, later))
    assert early_kernels(project, "2025", force=False) is None
    data = project / "data" / "tel.csv"
    os.utime(data, (later + 5, later + 5))  # changed after the last build
    for pool in (
        early_kernels(project, "2025", force=True),
        early_kernels(project, "2025", force=False, out_root=tmp_path / "leeg"),
        early_kernels(project, "2025", force=False),
    ):
        assert isinstance(pool, WarmPool) and pool.kind == "kernels"
        pool.kill()


@pytest.mark.e2e
def test_a_build_runs_its_chapters_in_the_kernels_started_before_it(project, pools):
    from analysis.pipeline.chapters import chapter_env

    early = WarmPool(chapter_env(project, ""))
    _edit_chapter(project, 23)
    result, _ = run_build(project, early=early)
    assert result.executed == ["c"] and all(r.warm for r in result.runs if r.executed)
    assert [p.kind for p in pools.started] == ["boek"]  # no second kernels pool
    assert not early.alive and early._proc.returncode == 0  # stopped with the build, normally
    assert ">23<" in _page(project, "c")


@pytest.mark.e2e
def test_a_build_that_runs_nothing_stops_the_kernels_started_before_it(project, pools):
    from analysis.pipeline.chapters import chapter_env

    early = WarmPool(chapter_env(project, ""))
    result, _ = run_build(project, early=early)
    assert result.executed == [] and pools.started == []
    assert not early.alive
