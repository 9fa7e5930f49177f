"""What an edition records about how it was made: the code commit, the run record, the timings.

``bouwverslag.json`` (:func:`run_record`) follows from the inputs only (params, data, code,
installed packages), so two builds from the same inputs write the same bytes. ``bouwtijden.json``
(:func:`timings_record`) says what one run did and how long it took; it is the one file of an
edition that may differ between two builds (:data:`VARIABLE_FILES`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from analysis.config.params import Params
from analysis.pipeline.state import ChapterRun

RECORD_FILE = "bouwverslag.json"
TIMINGS_FILE = "bouwtijden.json"
#: Files of an edition that may differ between two builds from the same inputs and commit, with
#: the reason. Everything else must be byte-identical (``tests/test_reproducible.py``).
VARIABLE_FILES = {
    TIMINGS_FILE: "tijden, starttijd en welke hoofdstukken deze run uitvoerde (of hergebruikte)",
}
#: The parts of the project whose local changes the edition stamp mentions.
STAMPED_PATHS = ("src", "chapters", "params", "data", "_config.yml", "_toc.yml")


def git_commit(root: Path) -> tuple[str, int | None, bool]:
    """(short commit, commit time as epoch seconds, working tree has changes).

    ``('onbekend', None, False)`` outside git.

    Examples
    --------
    >>> git_commit(Path("/"))
    ('onbekend', None, False)
    """
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%h %ct"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no", "--", *STAMPED_PATHS],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return out[0], int(out[1]), bool(dirty)
    except (subprocess.CalledProcessError, FileNotFoundError, IndexError):
        return "onbekend", None, False


def installed_packages() -> dict[str, str]:
    """Every installed distribution, ``{lower-case name: version}``, sorted by name."""
    from importlib.metadata import distributions

    return {
        d.metadata["Name"].lower(): d.version
        for d in sorted(distributions(), key=lambda d: d.metadata["Name"].lower())
    }


def run_record(
    params: Params,
    manifest: dict[str, Any],
    runs: list[ChapterRun],
    commit: str,
    dirty: bool,
    packages: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The run record written into every edition (``bouwverslag.json``).

    Everything here follows from the inputs (params, data, code, installed packages), so two
    builds from the same inputs write the same bytes; run-dependent facts (durations, which
    chapters this run executed) go to :func:`timings_record`.
    """

    return {
        "periode": params.periode,
        "editie": params.editie,
        "gemeente": {"code": params.gemeente_code, "naam": params.gemeente_naam},
        "params": params.data,
        "params_sha256": params.sha256,
        "commit": commit,
        "lokale_wijzigingen": dirty,
        "python": sys.version.split()[0],
        "data": {
            k: {"bestand": v["file"], "sha256": v["sha256"], "synthetisch": bool(v["synthetic"])}
            for k, v in sorted(manifest.items())
        },
        "pakketten": packages if packages is not None else installed_packages(),
        "hoofdstukken": [
            {"hoofdstuk": r.page.label, "notebook": r.page.path.name, "datasets": r.datasets}
            for r in runs
        ],
    }


def timings_record(
    runs: list[ChapterRun],
    started: str,
    seconds: float,
    exec_seconds: float,
    book_seconds: float,
    jobs: int | None,
) -> dict[str, Any]:
    """What the run that made this edition did and how long it took (``bouwtijden.json``)."""
    return {
        "gestart": started,
        "duur_seconden": round(seconds, 2),
        "uitvoeren_seconden": round(exec_seconds, 2),
        "boek_seconden": round(book_seconds, 2),
        "parallel": jobs or os.cpu_count() or 1,
        "hoofdstukken": [
            {
                "hoofdstuk": r.page.label,
                "uitgevoerd": r.executed,
                "alleen_tekst": r.prose,
                "redenen": r.reasons,
                "seconden": round(r.seconds, 2),
                "pogingen": r.attempts,
                "kernel": ("warm" if r.warm else "nieuw") if r.executed else None,
            }
            for r in runs
        ],
    }


def json_bytes(data: dict[str, Any]) -> bytes:
    """A record as the edition stores it: indented, sorted keys, UTF-8, closing newline.

    Examples
    --------
    >>> json_bytes({"b": 1, "a": "é"})
    b'{\\n "a": "\\xc3\\xa9",\\n "b": 1\\n}\\n'
    """
    return (json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
