"""The book build after a prose edit (issue 17.4): compiled HTML templates are kept between
Sphinx runs, and the warm book builder loads what every book build loads, once."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SPHINX_RUN = """
import json, sys
import jinja2
from sphinx.cmd.build import build_main
compiled = []
real = jinja2.Environment.compile
def counting(self, source, name=None, filename=None, *args, **kwargs):
    compiled.append(name)
    return real(self, source, name, filename, *args, **kwargs)
jinja2.Environment.compile = counting
code = build_main(["-q", "-b", "html", sys.argv[1], sys.argv[2]])
print(json.dumps({"code": code, "compiled": compiled}))
"""


def _sphinx(src: Path, out: Path) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", SPHINX_RUN, str(src), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["code"] == 0, result.stderr
    return [name for name in report["compiled"] if name]  # not the strings Sphinx renders


def test_templates_are_compiled_once_and_the_pages_stay_the_same(tmp_path):
    src = tmp_path / "bron"
    src.mkdir()
    (src / "conf.py").write_text(
        "extensions = ['analysis.pipeline.partial']\nproject = 'proef'\n", encoding="utf-8"
    )
    (src / "index.rst").write_text("Proef\n=====\n\nEen alinea.\n", encoding="utf-8")
    out = tmp_path / "uit"
    assert _sphinx(src, out), "the first build compiles its templates"
    assert list((out / ".doctrees").glob("jinja-*/*")), "no compiled templates kept"

    (src / "index.rst").write_text("Proef\n=====\n\nEen andere alinea.\n", encoding="utf-8")
    assert _sphinx(src, out) == [], "the second build compiled templates again"

    clean = tmp_path / "schoon"
    assert _sphinx(src, clean)
    assert (out / "index.html").read_bytes() == (clean / "index.html").read_bytes()


def test_a_changed_template_is_compiled_anew(tmp_path):
    src = tmp_path / "bron"
    (src / "_templates").mkdir(parents=True)
    (src / "conf.py").write_text(
        "extensions = ['analysis.pipeline.partial']\ntemplates_path = ['_templates']\n",
        encoding="utf-8",
    )
    (src / "index.rst").write_text("Proef\n=====\n", encoding="utf-8")
    layout = src / "_templates" / "layout.html"
    layout.write_text('{% extends "!layout.html" %}{% block footer %}EEN{% endblock %}')
    out = tmp_path / "uit"
    _sphinx(src, out)
    layout.write_text('{% extends "!layout.html" %}{% block footer %}TWEE{% endblock %}')
    (src / "index.rst").write_text("Proef\n=====\n\nNieuw.\n", encoding="utf-8")
    assert _sphinx(src, out) == ["layout.html"]
    assert "TWEE" in (out / "index.html").read_text(encoding="utf-8")


@pytest.mark.e2e
def test_the_book_builder_loads_what_a_book_build_loads():
    """After the book builder's warm-up a book build has Sphinx's extensions and nbformat's
    validator in memory (a fork then does not load them again)."""
    probe = (
        "import sys\n"
        "from analysis.pipeline import warm\n"
        "warm.preload(warm.BOOK_PRELOAD)\n"
        "failed = warm.warm_book()\n"
        "from sphinx.application import builtin_extensions\n"
        "import nbformat.validator as v\n"
        "missing = [m for m in builtin_extensions if m not in sys.modules]\n"
        "print(failed, missing, len(v.validators) > 0, 'a11y_pygments' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[] [] True True", result.stderr
