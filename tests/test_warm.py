"""Warm execution (issue 17, item 1): chapters run in forks (kernel included) of a process that
has the heavy imports loaded, and the executed notebooks are byte-identical to those from a fresh kernel
per chapter, whatever the order and the number of chapters at once.

The chapters of this project are made to show any leak between chapters in their output:

- ``zet`` changes module state (a constant of the package, a pandas option, a module attribute)
  and leaves a name in its namespace;
- ``lees`` prints that state and the names in its namespace, so it would print something else if
  it ran in a kernel that ``zet`` (or any other chapter) had used;
- ``tel`` reads a dataset, glues a figure and draws a chart.

Every run executes each chapter once; the executed notebooks of all runs are compared byte for
byte with those of fresh kernels.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from analysis.pipeline.chapters import chapter_env, execute_all, execute_page
from analysis.pipeline.pages import toc_pages
from analysis.pipeline.state import ChapterRun
from analysis.pipeline.warm import PoolError, WarmPool
from tests.conftest import ROOT
from tests.test_incremental import make_small_project
from tests.test_reproducible import CHART_BODY

pytestmark = pytest.mark.e2e

ZET = (
    "import pandas as pd\n"
    "from analysis import report\n"
    "from analysis.present import charts\n"
    "print('voor', charts.WIDTH, pd.get_option('display.precision'))\n"
    "charts.WIDTH = 999\n"
    "pd.set_option('display.precision', 1)\n"
    "import json\n"
    "json.gewijzigd_door_zet = True\n"
    "achtergelaten = 'zet'\n"
    "report.glue('n65', 1)"
)
LEES = (
    "import json\n"
    "import pandas as pd\n"
    "from analysis import report\n"
    "from analysis.present import charts\n"
    "print(charts.WIDTH, pd.get_option('display.precision'), hasattr(json, 'gewijzigd_door_zet'))\n"
    "skip = {'In', 'Out', 'exit', 'quit', 'open', 'get_ipython'}\n"
    "print(sorted(k for k in globals() if not k.startswith('_') and k not in skip))\n"
    "display(pd.DataFrame({'x': [1.23456]}))\n"
    "report.glue('n65', 2)"
)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    bodies = {"a": ZET, "b": LEES, "c": CHART_BODY}
    return make_small_project(tmp_path_factory.mktemp("warm") / "p", bodies)


def _runs(root: Path, order: list[str]) -> list[ChapterRun]:
    pages = {p.label: p for p in toc_pages(root) if p.is_notebook}
    return [ChapterRun(pages[name], True, ["test"]) for name in order]


def _execute(root: Path, out: Path, order: list[str], jobs: int, pool) -> dict[str, bytes]:
    done, errors = execute_all(
        _runs(root, order), out, "2025", root, jobs, lambda m: None, pool=pool
    )
    assert errors == [] and len(done) == len(order)
    return {name: (out / "chapters" / f"{name}.ipynb").read_bytes() for name in order}


@pytest.fixture(scope="module")
def fresh(project, tmp_path_factory) -> dict[str, bytes]:
    """The reference: a fresh kernel per chapter (papermill starts it)."""
    return _execute(project, tmp_path_factory.mktemp("vers"), ["a", "b", "c"], 1, None)


def test_reference_shows_no_leak(fresh):
    text = fresh["b"].decode()
    assert "560 6 False" in text  # the package's constant, pandas' default, json untouched
    assert "['charts', 'json', 'pd', 'periode', 'report', 'skip']" in text
    assert "voor 560 6" in fresh["a"].decode()


@pytest.mark.parametrize(
    ("order", "jobs"),
    [(["a", "b", "c"], 1), (["c", "b", "a"], 1), (["b", "a", "c"], 2), (["a", "c", "b"], 3)],
)
def test_warm_equals_fresh_whatever_order_and_pool_size(project, fresh, tmp_path, order, jobs):
    with WarmPool(chapter_env(project, "")) as pool:
        warm = _execute(project, tmp_path, order, jobs, pool)
        assert pool.alive
    assert warm == fresh


def test_one_pool_for_several_builds(project, fresh, tmp_path):
    """A preview session keeps its pool: the second round starts from the same clean state."""
    with WarmPool(chapter_env(project, "")) as pool:
        first = _execute(project, tmp_path / "1", ["a", "b", "c"], 1, pool)
        second = _execute(project, tmp_path / "2", ["b", "a", "c"], 2, pool)
    assert first == second == fresh


class _FlakyPool:
    """A pool whose first start of a kernel fails the way a port race does."""

    def __init__(self, real: WarmPool) -> None:
        self.real, self.calls = real, 0

    alive = True

    def wait_ready(self, stop=None):
        return self.real.wait_ready(stop)

    def run(self, args, env, log, on_pid):
        self.calls += 1
        if self.calls == 1:
            log.write_text("RuntimeError: Kernel died before replying to kernel_info\n")
            return 1
        return self.real.run(args, env, log, on_pid)


def test_kernel_start_failure_in_the_pool_is_retried(project, fresh, tmp_path):
    page = next(p for p in toc_pages(project) if p.label == "c")
    with WarmPool(chapter_env(project, "")) as real:
        flaky = _FlakyPool(real)
        out = tmp_path / "c.ipynb"
        ex = execute_page(page, out, "2025", project, pool=flaky)
    assert ex.attempts == 2 and flaky.calls == 2 and ex.datasets == ["tel"] and ex.warm
    assert out.read_bytes() == fresh["c"]


class _GonePool:
    alive = True

    def wait_ready(self, stop=None):
        return False

    def run(self, *a, **k):
        raise PoolError("de warme kernels zijn gestopt")


def test_a_stopped_pool_falls_back_to_a_fresh_kernel(project, fresh, tmp_path):
    page = next(p for p in toc_pages(project) if p.label == "b")
    out = tmp_path / "b.ipynb"
    ex = execute_page(page, out, "2025", project, pool=_GonePool())
    assert ex.attempts == 1 and ex.datasets == [] and not ex.warm
    assert out.read_bytes() == fresh["b"]


def test_pool_stops_with_its_build(project, tmp_path):
    pool = WarmPool(chapter_env(project, ""))
    _execute(project, tmp_path, ["c"], 1, pool)
    pool.close()
    assert not pool.alive
    with pytest.raises(PoolError):
        pool.run([], {}, tmp_path / "log", lambda pid: None)


def test_failing_cell_reports_the_cell_warm_as_fresh(project, tmp_path):
    root = tmp_path / "kapot"
    shutil.copytree(project, root)
    nb = root / "chapters" / "a.ipynb"
    nb.write_text(nb.read_text().replace("achtergelaten = 'zet'", "1 / 0"))
    page = next(p for p in toc_pages(root) if p.label == "a")
    from analysis.core.errors import BuildError

    messages = []
    for pool in (None, WarmPool(chapter_env(root, ""))):
        with pytest.raises(BuildError) as exc:
            execute_page(page, tmp_path / "a.ipynb", "2025", root, pool=pool)
        messages.append(str(exc.value))
        if pool is not None:
            pool.close()
    assert messages[0] == messages[1]
    assert "faalt in cel" in messages[0] and "ZeroDivisionError" in messages[0]


def test_a_cell_that_ends_the_process_is_reported(project, tmp_path):
    """The warm kernel lives in the chapter's process: a cell that ends it ends the chapter with
    a message that says so, not with silence."""
    root = tmp_path / "weg"
    shutil.copytree(project, root)
    nb = root / "chapters" / "a.ipynb"
    nb.write_text(nb.read_text().replace("achtergelaten = 'zet'", "__import__('os')._exit(3)"))
    page = next(p for p in toc_pages(root) if p.label == "a")
    from analysis.core.errors import BuildError

    with WarmPool(chapter_env(root, "")) as pool, pytest.raises(BuildError) as exc:
        execute_page(page, tmp_path / "a.ipynb", "2025", root, pool=pool, retries=0)
    assert "hoofdstuk 'a' kon niet worden uitgevoerd" in str(exc.value)
    assert "het hoofdstuk beëindigde zijn proces (exitcode 3)" in str(exc.value)


def test_the_books_chapters_warm_equal_fresh(tmp_path):
    """Every chapter of the real book, executed in the warm pool (kernel in the chapter's own
    process) and in a fresh kernel process per chapter: the same bytes."""
    pages = [p for p in toc_pages(ROOT) if p.is_notebook]

    def run(out: Path, pool) -> dict[str, bytes]:  # noqa: ANN001 - a WarmPool or None
        runs = [ChapterRun(p, True, ["test"]) for p in pages]
        done, errors = execute_all(runs, out, "2025", ROOT, 2, lambda m: None, pool=pool)
        assert errors == [] and len(done) == len(pages)
        assert all(r.warm for r in done) is (pool is not None)
        return {p.doc: (out / f"{p.doc}.ipynb").read_bytes() for p in pages}

    with WarmPool(chapter_env(ROOT, "")) as pool:
        warm = run(tmp_path / "warm", pool)
    fresh = run(tmp_path / "vers", None)
    assert len(pages) >= 15
    assert [d for d in fresh if warm[d] != fresh[d]] == []


SPEC = {
    "data": {"values": [{"jaar": 2024, "n": 1234.5}, {"jaar": 2025, "n": 1300.25}]},
    "mark": "bar",
    "encoding": {
        "x": {"field": "jaar", "type": "ordinal"},
        "y": {"field": "n", "type": "quantitative", "axis": {"format": ",.1f"}},
    },
}
LOCALE = {"format_locale": "nl-NL", "time_format_locale": "nl-NL"}


def test_renderer_converts_as_vl_convert_does(tmp_path):
    """Warm kernels have their charts converted by one shared renderer: the same SVG, the same
    error; without a renderer a kernel converts itself."""
    import vl_convert

    from analysis.pipeline.render import Renderer, install

    original = vl_convert.vegalite_to_svg
    local = original(SPEC, **LOCALE)
    try:
        with Renderer({**os.environ, "PYTHONPATH": str(ROOT / "src")}) as renderer:
            install(renderer.socket)
            assert vl_convert.vegalite_to_svg is not original
            assert vl_convert.vegalite_to_svg(SPEC, **LOCALE) == local
            with pytest.raises(ValueError, match="conversion failed"):
                vl_convert.vegalite_to_svg({"mark": "geen-mark"})
        vl_convert.vegalite_to_svg = original
        install(str(tmp_path / "geen-renderer.sock"))
        assert vl_convert.vegalite_to_svg(SPEC, **LOCALE) == local
    finally:
        vl_convert.vegalite_to_svg = original


def test_a_stopped_renderer_and_template_end_by_themselves():
    """Closing the renderer (SIGTERM) and a template (input closed) ends them cleanly, with exit
    code 0: they stop on their own and are never killed after the five-second wait."""
    import time

    from analysis.pipeline.render import Renderer

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}

    renderer = Renderer(env)
    deadline = time.monotonic() + 30
    while not os.path.exists(renderer.socket) and time.monotonic() < deadline:
        time.sleep(0.05)  # listening: its SIGTERM handler is in place
    renderer.close()
    assert renderer._proc.returncode == 0
    pool = WarmPool(env, kind="boek")
    pool.wait_ready()
    pool.close()
    assert pool._proc.returncode == 0


def _running(pid: int) -> bool:
    """Whether process ``pid`` exists and is not a zombie (an ended child not yet reaped)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


def test_the_renderer_ends_with_the_process_that_started_it():
    """A build that is killed cannot stop its renderer; the renderer notices its input closing
    and ends (none is left running after a crashed build)."""
    import subprocess
    import sys
    import time

    script = (
        "import os\n"
        "from analysis.pipeline.render import Renderer\n"
        "r = Renderer(dict(os.environ))\n"
        "print(r._proc.pid, flush=True)\n"
        "os._exit(9)  # killed: no clean-up\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    pid = int(out.stdout.strip())
    deadline = time.monotonic() + 30
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = _running(pid)
    if left:
        os.kill(pid, 9)
    assert not left, "de renderer draait nog na het einde van de bouw"


def test_precompiled_modules_are_used_only_while_their_source_is_unchanged(tmp_path, monkeypatch):
    """The template compiles the modules a chapter imports itself; a fork importing one gets
    that code, unless the file changed since: then it is compiled from its new source."""
    import importlib
    import importlib.machinery
    import sys

    from analysis.pipeline import warm

    monkeypatch.setattr(sys, "dont_write_bytecode", True)  # as with PYTHONDONTWRITEBYTECODE
    monkeypatch.syspath_prepend(str(tmp_path))
    pkg = tmp_path / "wmo_precompile_probe"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "sub").mkdir()
    (pkg / "sub" / "__init__.py").write_text("")
    mod = pkg / "sub" / "waarde.py"
    mod.write_text("X = 1\n")
    monkeypatch.setattr(warm, "_COMPILED", {})
    importlib.invalidate_caches()
    compiled = list(warm.precompile("wmo_precompile_probe"))
    assert str(mod) in compiled and len(compiled) == 3  # with the two __init__.py files
    assert "wmo_precompile_probe.sub.waarde" not in sys.modules  # compiled, not run
    loader = importlib.machinery.SourceFileLoader("wmo_precompile_probe.sub.waarde", str(mod))
    assert loader.source_to_code(mod.read_bytes(), str(mod)) is warm._COMPILED[str(mod)][1]
    m = importlib.import_module("wmo_precompile_probe.sub.waarde")
    assert m.X == 1
    mod.write_text("X = 22\n")  # changed after the template compiled it
    assert loader.source_to_code(mod.read_bytes(), str(mod)) is not warm._COMPILED[str(mod)][1]
    assert importlib.reload(m).X == 22
    for name in [n for n in sys.modules if n.startswith("wmo_precompile_probe")]:
        del sys.modules[name]


def test_no_idle_work_once_the_build_says_no_chapter_follows():
    """The template does its idle work (datasets, compiling) a step at a time while nothing
    waits; a build whose chapters all start at once sends NO_IDLE_WORK, after which no further
    step runs (it would only take processor time from those chapters)."""
    import json
    import threading
    import time

    from analysis.pipeline import warm

    def loop(log: list[int], line: bytes | None) -> None:
        def steps() -> object:
            for i in range(100_000):
                log.append(i)
                time.sleep(0.001)
                yield "stap"

        read, write = os.pipe()
        wake = os.pipe()
        for fd in wake:
            os.set_blocking(fd, False)
        if line is not None:
            os.write(write, line)
        runner = threading.Thread(target=warm._loop, args=(wake, {}, steps(), read))
        runner.start()
        deadline = time.monotonic() + 30
        while line is None and not log and time.monotonic() < deadline:
            time.sleep(0.01)
        os.close(write)  # end of input: the loop returns
        runner.join(30)
        for fd in (*wake, read):
            os.close(fd)

    idle: list[int] = []
    loop(idle, None)
    assert idle  # nothing waiting: idle steps ran
    told: list[int] = []
    loop(told, json.dumps(warm.NO_IDLE_WORK).encode() + b"\n")
    assert told == []  # told before its first step: none ran


def test_a_build_whose_chapters_all_start_at_once_stops_the_idle_work(monkeypatch, tmp_path):
    """Two chapters to run on two workers: the build tells its pool; with more chapters than
    workers it does not (later chapters gain from the template's idle work)."""
    from analysis.pipeline import build as build_mod

    told: list[str] = []

    class Pool:
        def no_idle_work(self) -> None:
            told.append("stil")

        def close(self) -> None:
            pass

    monkeypatch.setattr(build_mod, "WarmPool", lambda env, key: Pool())
    monkeypatch.setattr(build_mod, "chapter_env", lambda root, label: {})
    monkeypatch.setattr(build_mod, "pool_key", lambda *a: "sleutel")
    options = build_mod.BuildOptions(say=lambda m: None, jobs=2)
    b = type("B", (), {})()
    b.root, b.options, b.early, b.closing = tmp_path, options, None, []
    b.current = type("C", (), {"package": "p", "environment": "e"})()
    for todo, expected in ((["a", "b"], ["stil"]), (["a", "b", "c"], [])):
        told.clear()
        with build_mod._kernels(b, todo) as pool:  # type: ignore[arg-type]
            assert isinstance(pool, Pool)
        assert told == expected
        for t in b.closing:
            t.join()
        b.closing.clear()
