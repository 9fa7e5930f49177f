"""The book source of an edition and the Jupyter Book (Sphinx) run that turns it into HTML.

:func:`assemble_book` returns every file of the period's book source as bytes: the executed
notebooks and the pages, each with the edition stamp as a closing paragraph, a ``_config.yml``
with title and stamp, the table of contents with the pages about the edition, and the static
files. :func:`sync_tree` writes it into ``_build/<periode>/work/book`` touching only what changed,
so Sphinx re-reads only changed pages; :func:`run_jupyter_book` builds the HTML.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path
from typing import Any

import yaml

from analysis.config.params import Params
from analysis.core.dates import long_date
from analysis.core.errors import BuildError
from analysis.core.io import write_atomic
from analysis.pipeline.chapters import kill_group
from analysis.pipeline.pages import Page
from analysis.pipeline.record import DATE_SOURCES, RECORD_FILE, TIMINGS_FILE, Provenance
from analysis.pipeline.state import ChapterRun, sha_hex
from analysis.pipeline.warm import PoolError, WarmPool
from analysis.present.interface import HERE as INTERFACE_DIR
from analysis.present.interface import files as interface_files

#: The Sphinx extension that keeps an incremental build equal to a clean one.
PARTIAL_EXTENSION = "analysis.pipeline.partial"
#: The Sphinx extension that stems each word of the search index once per build.
STEM_EXTENSION = "analysis.pipeline.stems"
#: Software whose version the Verantwoording page lists.
LISTED_SOFTWARE = (
    "jupyter-book",
    "myst-nb",
    "sphinx",
    "papermill",
    "pandas",
    "altair",
    "vl-convert-python",
)


def stamp_text(params: Params, prov: Provenance, fingerprint: str) -> str:
    """The edition stamp shown on every page."""
    return (
        f"Gemeente {params.gemeente_naam} · periode {params.periode.label} · editie "
        f"{params.editie} · gebouwd {long_date(prov.date)} · code {prov.code} · "
        f"gegevens {fingerprint}"
    )


def book_config(root: Path, params: Params, stamp: str, build_date: str) -> dict[str, Any]:
    """The period's ``_config.yml``: the project's, with title, stamp and fixed settings."""
    cfg = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8")) or {}
    cfg["title"] = f"{params.titel} · {params.gemeente_naam}"
    cfg["author"] = f"Gemeente {params.gemeente_naam}"
    cfg["copyright"] = f"Gemeente {params.gemeente_naam}; CBS-gegevens CC BY 4.0"
    cfg.setdefault("execute", {})["execute_notebooks"] = "off"
    cfg["only_build_toc_files"] = True
    html = cfg.setdefault("html", {})
    html["extra_footer"] = (
        f'<p class="wmo-stempel">{stamp} · <a href="verantwoording.html">verantwoording</a></p>'
    )
    sphinx = cfg.setdefault("sphinx", {})
    extensions = [*(sphinx.get("extra_extensions") or []), PARTIAL_EXTENSION, STEM_EXTENSION]
    sphinx["extra_extensions"] = extensions
    sph = sphinx.setdefault("config", {})
    sph["html_last_updated_fmt"] = long_date(build_date)
    sph["wmo_stempel"] = stamp  # put into every page as it is written (analysis.pipeline.partial)
    return cfg


def book_stamp(book_src: Path) -> str | None:
    """The edition stamp of the book source in ``book_src`` (its ``_config.yml``), if any."""
    try:
        cfg = yaml.safe_load((book_src / "_config.yml").read_text(encoding="utf-8")) or {}
        stamp = cfg["sphinx"]["config"]["wmo_stempel"]
    except (OSError, KeyError, TypeError, yaml.YAMLError):
        return None
    return stamp if isinstance(stamp, str) else None


def stamp_markdown(stamp: str) -> str:
    """The edition stamp as a closing Markdown paragraph (every page of the book carries it).

    Examples
    --------
    >>> stamp_markdown("periode 2025").strip().splitlines()[-1]
    '<small>Editie: periode 2025 · {doc}`verantwoording </verantwoording>`</small>'
    """
    return f"\n\n----\n\n{_stamp_line(stamp)}\n"


def _stamp_line(stamp: str) -> str:
    return f"<small>Editie: {stamp} · {{doc}}`verantwoording </verantwoording>`</small>"


#: What Sphinx's smart quotes may change in a text: a stamp holding one of these is not put in
#: at write time (:func:`only_stamp_changed` is False; the page is read again).
_SMART = re.compile(r"['\"]|--|\.\.\.")


def only_stamp_changed(old: bytes, new: bytes, old_stamp: str, new_stamp: str) -> bool:
    """Whether page source ``new`` is ``old`` with nothing changed but its edition stamp,
    ``old_stamp`` → ``new_stamp`` (as a Markdown page or inside a notebook's JSON).

    Such a page keeps its modification time, so Sphinx does not read it again: the stamp is
    the only text that changes on every page when the data or the code's commit change, and
    :mod:`analysis.pipeline.partial` puts the new one into the page when it is written.

    Examples
    --------
    >>> old = ("tekst" + stamp_markdown("gegevens a")).encode()
    >>> new = ("tekst" + stamp_markdown("gegevens b")).encode()
    >>> only_stamp_changed(old, new, "gegevens a", "gegevens b")
    True
    >>> only_stamp_changed(old, b"andere " + new, "gegevens a", "gegevens b")
    False
    """
    if old == new or not old_stamp or not new_stamp or _SMART.search(old_stamp + new_stamp):
        return False
    swapped = new
    for form in (_stamp_line, lambda s: json.dumps(_stamp_line(s), ensure_ascii=False)[1:-1]):
        swapped = swapped.replace(form(new_stamp).encode(), form(old_stamp).encode())
    return swapped == old


@functools.lru_cache(maxsize=64)
def with_stamp_cell(nb_bytes: bytes, stamp: str) -> bytes:
    """An executed notebook with the edition stamp appended as a last Markdown cell.

    Every build assembles the book, even one that changes nothing, and the executed chapters are
    large (their charts): parsing and writing them all costs a tenth of a second. An executed
    chapter is written by nbformat (sorted keys, one space per level), so the cell is written
    into its text, formatted as nbformat formats it, right after the last cell: the same bytes as
    reading and writing it with nbformat (``tests/test_assemble.py``). A notebook in another
    layout goes through nbformat. Remembered per notebook and stamp (the preview assembles the
    book after every edit, mostly of one page).

    Examples
    --------
    >>> nb = b'{\\n "cells": [],\\n "metadata": {},\\n "nbformat": 4,\\n "nbformat_minor": 5\\n}\\n'
    >>> b"Editie: periode 2025" in with_stamp_cell(nb, "periode 2025")
    True
    """
    cell = {"cell_type": "markdown", "id": "cel-stempel", "metadata": {"tags": ["wmo-stempel"]}}
    cell["source"] = stamp_markdown(stamp).strip().splitlines(keepends=True)  # as nbformat
    text = nb_bytes.decode("utf-8")
    block = "\n".join("  " + line for line in _nb_json(cell).splitlines())
    if text.startswith('{\n "cells": [],\n'):
        return ('{\n "cells": [\n' + block + "\n ]," + text[len('{\n "cells": [],') :]).encode()
    end = text.find(_CELLS_END)
    if text.startswith('{\n "cells": [\n') and end > 0 and text.endswith("}\n"):
        return (text[:end] + ",\n" + block + text[end:]).encode("utf-8")
    import nbformat

    nb = nbformat.v4.reads(text)
    nb.cells.append(nbformat.from_dict(cell))
    return (nbformat.v4.writes(nb) + "\n").encode("utf-8")


#: Where the list of cells ends in a notebook written by nbformat (the next key is "metadata").
_CELLS_END = '\n ],\n "metadata": '


def _nb_json(obj: Any) -> str:  # noqa: ANN401 - a JSON value
    """``obj`` as nbformat writes JSON (sorted keys, one space per level, no ASCII escapes).

    Examples
    --------
    >>> print(_nb_json({"b": 1, "a": ["x"]}))
    {
     "a": [
      "x"
     ],
     "b": 1
    }
    """
    return json.dumps(obj, sort_keys=True, indent=1, ensure_ascii=False)


def _toc_with_extra(root: Path, extra_pages: dict[str, str]) -> bytes:
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    if extra_pages:
        extra = [{"file": name} for name in extra_pages]
        if "parts" in toc:
            toc["parts"].append({"caption": "Over deze editie", "chapters": extra})
        else:
            toc.setdefault("chapters", []).extend(extra)
    return yaml.safe_dump(toc, allow_unicode=True, sort_keys=False).encode()


def assemble_book(
    root: Path,
    pages: list[Page],
    executed: dict[str, Path],
    params: Params,
    stamp: str,
    build_date: str,
    extra_pages: dict[str, str],
) -> dict[str, bytes]:
    """All files of the period's book source, as ``{relative path: bytes}``."""
    files: dict[str, bytes] = {}
    cfg = book_config(root, params, stamp, build_date)
    files["_config.yml"] = yaml.safe_dump(cfg, allow_unicode=True, sort_keys=True).encode()
    files["_toc.yml"] = _toc_with_extra(root, extra_pages)
    for page in pages:
        rel = page.path.relative_to(root).as_posix()
        if page.is_notebook:
            files[rel] = with_stamp_cell(executed[page.doc].read_bytes(), stamp)
        else:
            files[rel] = page.path.read_bytes() + stamp_markdown(stamp).encode()
    for name, text in extra_pages.items():
        files[f"{name}.md"] = (text + stamp_markdown(stamp)).encode()
    static = root / "_static"
    if static.is_dir():
        for f in sorted(static.rglob("*")):
            if f.is_file():
                files[f.relative_to(root).as_posix()] = f.read_bytes()
    from analysis.present.assets import vega_bundle

    files["_static/vega-bundle.js"] = vega_bundle()
    # the Dutch interface extension (Sphinx loads it from the package): a copy in the book
    # source, so that a change to it rebuilds the book
    for f in interface_files():
        files[f"_interface/{f.relative_to(INTERFACE_DIR).as_posix()}"] = f.read_bytes()
    return files


def _software_rows() -> list[str]:
    rows = []
    for pkg in LISTED_SOFTWARE:
        try:
            rows.append(f"| {pkg} | {version(pkg)} |")
        except Exception:  # noqa: BLE001 - a missing package is simply not listed
            pass
    return rows


def verantwoording_page(
    params: Params,
    manifest: dict[str, dict[str, Any]],
    runs: list[ChapterRun],
    prov: Provenance,
    fingerprint: str,
) -> str:
    """Markdown of the 'Verantwoording' page: how this edition was made (deterministic parts)."""
    used = sorted({d for r in runs for d in r.datasets})
    lines = [
        "# Verantwoording van deze editie",
        "",
        "Deze pagina legt vast waarmee deze editie is gemaakt, zodat elk getal te herleiden en "
        "opnieuw te berekenen is.",
        "",
        "| Onderdeel | Waarde |",
        "|---|---|",
        f"| Gemeente | {params.gemeente_naam} ({params.gemeente_code}) |",
        f"| Periode | {params.periode.label} |",
        f"| Editie | {params.editie} |",
        f"| Bouwdatum ({DATE_SOURCES[prov.date_source]}) | {long_date(prov.date)} |",
        f"| Code-commit | {prov.code} |",
        f"| Vingerafdruk van de gegevens | {fingerprint} |",
        f"| Parameterbestanden | {', '.join(params.bestandsnamen)} "
        f"(sha256 {params.sha256[:12]}…) |",
        "",
        "## Gebruikte datasets",
        "",
        "| Dataset | Bestand | sha256 | Synthetisch |",
        "|---|---|---|---|",
    ]
    for name in used:
        e = manifest.get(name, {})
        lines.append(
            f"| {name} | data/{e.get('file', '?')} | {str(e.get('sha256', ''))[:16]}… | "
            f"{'ja' if e.get('synthetic') else 'nee'} |"
        )
    lines += ["", "## Hoofdstukken en hun gegevens", "", "| Hoofdstuk | Datasets |", "|---|---|"]
    lines += [f"| {r.page.label} | {', '.join(r.datasets) or '–'} |" for r in runs]
    lines += ["", "## Softwareversies", "", "| Pakket | Versie |", "|---|---|"]
    lines += _software_rows()
    lines += [
        "",
        f"Het volledige bouwverslag staat in `{RECORD_FILE}` naast deze pagina (gegevens, "
        f"parameters, pakketversies); `{TIMINGS_FILE}` vermeldt de bouwtijden en welke "
        "hoofdstukken bij de laatste bouw opnieuw zijn uitgevoerd.",
        "",
    ]
    return "\n".join(lines)


def sync_tree(
    files: dict[str, bytes], dest: Path, stamps: tuple[str, str] | None = None
) -> list[str]:
    """Make ``dest`` hold exactly ``files``; untouched files keep their mtime, and so do pages
    whose edition stamp alone changed (``stamps``: the old and the new stamp; see
    :func:`only_stamp_changed`).

    Returns the paths written or removed.
    """
    changed = []
    for rel, data in files.items():
        path = dest / rel
        old = path.read_bytes() if path.is_file() else None
        if old == data:
            continue
        page = rel.endswith((".ipynb", ".md"))
        kept = None
        if old is not None and page and stamps is not None:
            kept = path.stat() if only_stamp_changed(old, data, *stamps) else None
        write_atomic(path, data)
        changed.append(rel)
        if kept is not None:
            os.utime(path, ns=(kept.st_atime_ns, kept.st_mtime_ns))
    if dest.exists():
        for f in sorted(dest.rglob("*")):
            rel = f.relative_to(dest).as_posix()
            if f.is_file() and rel not in files:
                f.unlink()
                changed.append(rel)
    return changed


#: Output files an extension writes only after the pages (Sphinx's ``build-finished``): a clean
#: build writes its pages before they exist, so their links carry no checksum. A build that keeps
#: the output removes them first, so the pages it writes link to them the same way.
LATE_OUTPUT_FILES = ("_static/mystnb.*.css",)


def forget_late_files(html: Path) -> None:
    """Remove :data:`LATE_OUTPUT_FILES` from a kept HTML output (they are written again)."""
    for pattern in LATE_OUTPUT_FILES:
        for f in html.glob(pattern):
            f.unlink()


def pages_only(changed: list[str]) -> bool:
    """Whether only pages of the book changed (not its configuration, contents or static files).

    Then Sphinx may keep the pages it wrote before (see :mod:`analysis.pipeline.partial`).

    Examples
    --------
    >>> pages_only(["chapters/a.ipynb", "verantwoording.md"]), pages_only(["_toc.yml"])
    (True, False)
    >>> pages_only(["_static/wmo.css"]), pages_only([])
    (False, True)
    """
    return all(
        rel.endswith((".ipynb", ".md")) and not rel.startswith(("_static/", "_interface/"))
        for rel in changed
    )


def tree_hash(files: dict[str, bytes]) -> str:
    """One hash of a whole book source (paths and contents).

    Examples
    --------
    >>> tree_hash({"a": b"1"}) == tree_hash({"a": b"1"}) != tree_hash({"a": b"2"})
    True
    """
    h = hashlib.sha256()
    for rel in sorted(files):
        h.update(rel.encode() + b"\0" + sha_hex(files[rel]).encode() + b"\n")
    return h.hexdigest()


def run_jupyter_book(src: Path, out: Path, epoch: int, server: WarmPool | None = None) -> None:
    """Build the HTML of the book source ``src`` into ``out/_build/html`` (Sphinx caches kept).

    ``epoch`` is the edition's date (``SOURCE_DATE_EPOCH`` for Sphinx). With a warm ``server``
    (the preview's, :mod:`analysis.pipeline.warm`) Jupyter Book runs in a fork of a process that
    has it loaded; otherwise as a process of its own. The same command either way.

    Raises
    ------
    BuildError
        With the last lines of Jupyter Book's output when it fails.
    """
    args = ["build", str(src), "--path-output", str(out), "--builder", "html"]
    args += ["-W", "--keep-going"]  # a Sphinx warning fails the build (all of them reported)
    result = None
    if server is not None and server.alive:
        with contextlib.suppress(PoolError):
            result = _run_warm_book(server, args, epoch)
    if result is None:
        result = _run_book_process(args, epoch)
    code, output = result
    if code != 0 or not (out / "_build" / "html" / "index.html").is_file():
        tail = "\n  ".join(output.strip().splitlines()[-15:])
        raise BuildError(f"Jupyter Book kon het boek niet bouwen:\n  {tail}")


def _run_book_process(args: list[str], epoch: int) -> tuple[int, str]:
    exe = Path(sys.executable).with_name("jupyter-book")
    cmd = [str(exe) if exe.exists() else "jupyter-book", *args]
    env = {**os.environ, "PYTHONHASHSEED": "0", "SOURCE_DATE_EPOCH": str(epoch)}
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        start_new_session=True,
    )
    try:
        output, _ = proc.communicate()
    except BaseException:
        kill_group(proc.pid)
        proc.wait()
        raise
    return proc.returncode, output


def _run_warm_book(server: WarmPool, args: list[str], epoch: int) -> tuple[int, str]:
    fd, log = tempfile.mkstemp(prefix="wmo-boek-", suffix=".log")
    os.close(fd)
    pids: list[int] = []
    try:
        code = server.run(args, {"SOURCE_DATE_EPOCH": str(epoch)}, Path(log), pids.append)
        return code, Path(log).read_text(encoding="utf-8", errors="replace")
    except BaseException:
        for pid in pids:
            kill_group(pid)
        raise
    finally:
        Path(log).unlink(missing_ok=True)
