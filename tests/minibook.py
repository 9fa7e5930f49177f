"""A tiny, complete project (params, one dataset, one chapter) for fast pipeline tests."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import nbformat

from tests.conftest import ROOT, write_dataset

TEL_CSV = (
    "gemeente_code,periode,leeftijd,waarde,aandeel\n"
    "GM0397,2024,0-64,1200,80.0\n"
    "GM0397,2024,65+,300,20.0\n"
    "GM0397,2025,0-64,1210,79.9\n"
    "GM0397,2025,65+,304,20.1\n"
)


def chapter_notebook(body: str, title: str = "Mini") -> nbformat.NotebookNode:
    """A chapter notebook with a title, a parameters cell and ``body`` as its code."""
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    cells = [
        nbformat.v4.new_markdown_cell(f"# {title}\n\nEen klein hoofdstuk voor de tests."),
        nbformat.v4.new_code_cell('periode = "2025"'),
        nbformat.v4.new_code_cell(body),
        nbformat.v4.new_markdown_cell("Aantal 65-plussers: {glue}`n65`."),
    ]
    cells[1].metadata["tags"] = ["parameters"]
    for i, c in enumerate(cells, 1):
        c["id"] = f"cel-{i:02d}"
    nb.cells = cells
    return nb


MINI_BODY = (
    "from analysis import report\n"
    "ctx = report.chapter(periode)\n"
    "df = ctx.load('tel', periode_vereist=True)\n"
    "sel = df[(df.periode == periode) & (df.leeftijd == '65+')]\n"
    "report.glue('n65', int(sel.waarde.iloc[0]))"
)


def make_project(dest: Path) -> Path:
    """Write the mini project into ``dest`` (a git repo with one commit) and return it."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("_config.yml", "pyproject.toml"):
        shutil.copy(ROOT / name, dest / name)
    shutil.copytree(ROOT / "_static", dest / "_static")
    shutil.copytree(ROOT / "params", dest / "params")
    shutil.copytree(ROOT / "src", dest / "src", ignore=shutil.ignore_patterns("__pycache__"))
    (dest / "chapters").mkdir()
    (dest / "chapters" / "index.md").write_text("# Mini-rapport\n\nTest.\n", encoding="utf-8")
    nbformat.write(chapter_notebook(MINI_BODY), dest / "chapters" / "mini.ipynb")
    (dest / "_toc.yml").write_text(
        "format: jb-book\nroot: chapters/index\nchapters:\n  - file: chapters/mini\n",
        encoding="utf-8",
    )
    write_dataset(dest / "data", "tel", TEL_CSV)
    subprocess.run(["git", "init", "-q"], cwd=dest, check=True)
    subprocess.run(["git", "add", "-A"], cwd=dest, check=True)
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "mini"],
        cwd=dest,
        check=True,
    )
    return dest


def tree_digest(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (following the html symlink) with its bytes."""
    out = {}
    for f in sorted(folder.rglob("*")):
        if f.is_file():
            out[f.relative_to(folder).as_posix()] = f.read_bytes()
    return out
