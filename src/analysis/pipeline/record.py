"""What an edition records about how it was made: the code and its date, the run record, timings.

The date of an edition is not the clock: it is a user's ``SOURCE_DATE_EPOCH`` when set (the
reproducible-builds convention), else the time of the code commit; an edition built without git
(from a ``git archive`` export) takes commit and date from ``.git_archival.txt``, which
``git archive`` fills in (``export-subst`` in ``.gitattributes``); without either, the newest
modification time of the sources, with a warning (:func:`provenance`).

``bouwverslag.json`` (:func:`run_record`) follows from the inputs only (params, data, code,
installed packages), so two builds from the same inputs write the same bytes. ``bouwtijden.json``
(:func:`timings_record`) says what one run did and how long it took; it is the one file of an
edition that may differ between two builds (:data:`VARIABLE_FILES`).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.config.params import Params
from analysis.core.dates import long_date
from analysis.pipeline.schedule import max_workers
from analysis.pipeline.state import STAMPED_PATHS, ChapterRun, newest_source_time

RECORD_FILE = "bouwverslag.json"
TIMINGS_FILE = "bouwtijden.json"
#: Files of an edition that may differ between two builds from the same inputs and commit, with
#: the reason. Everything else must be byte-identical (``tests/test_reproducible.py``).
VARIABLE_FILES = {
    TIMINGS_FILE: "tijden, starttijd en welke hoofdstukken deze run uitvoerde (of hergebruikte)",
}


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


ARCHIVAL_FILE = ".git_archival.txt"
#: 2000-01-01: a file time before this is not a real edit (an unpacker that zeroes times).
_SENSIBLE = 946684800
#: How the Verantwoording page names where an edition's date comes from.
DATE_SOURCES = {
    "commit": "datum van de code-commit",
    "SOURCE_DATE_EPOCH": "SOURCE_DATE_EPOCH",
    "archief": "datum van de code-commit, uit het archief",
    "bestanden": "laatste wijziging van de bronbestanden; geen git",
    "klok": "klok bij het bouwen; geen git",
}


@dataclass(frozen=True)
class Provenance:
    """Which code an edition was built from, and its date (see the module's description)."""

    commit: str  # short commit, or "onbekend"
    dirty: bool  # local changes in the stamped paths
    epoch: int  # the edition's date, seconds since 1970 (UTC)
    date_source: str  # a key of DATE_SOURCES
    archive: str | None = None  # "archief" or "archief <describe>" for a git archive export
    warnings: tuple[str, ...] = ()
    #: A working copy shown while writing (``wmo-rapport bekijk``): its stamp does not follow
    #: every save (the first edit after a commit would otherwise rewrite every page).
    draft: bool = False

    @property
    def date(self) -> str:
        """The edition's date, ``YYYY-MM-DD``.

        Examples
        --------
        >>> Provenance("abc1234", False, 1764547200, "commit").date
        '2025-12-01'
        """
        return time.strftime("%Y-%m-%d", time.gmtime(self.epoch))

    @property
    def code(self) -> str:
        """The code as the edition stamp names it.

        Examples
        --------
        >>> Provenance("abc1234", True, 0, "commit").code
        'abc1234 (met lokale wijzigingen)'
        >>> Provenance("abc1234", False, 0, "archief", archive="archief v1.0").code
        'abc1234 (archief v1.0)'
        >>> Provenance("abc1234", False, 0, "commit", draft=True).code
        'abc1234 (werkversie, mogelijk met lokale wijzigingen)'
        """
        text = self.commit
        if self.archive:
            text += f" ({self.archive})"
        if self.draft:
            return text + " (werkversie, mogelijk met lokale wijzigingen)"
        return text + (" (met lokale wijzigingen)" if self.dirty else "")


def _user_epoch(environ: Mapping[str, str], warnings: list[str]) -> int | None:
    value = environ.get("SOURCE_DATE_EPOCH")
    if value is None or value == "":
        return None
    if value.strip().isdigit():
        return int(value.strip())
    warnings.append(f"SOURCE_DATE_EPOCH={value!r} is geen geheel aantal seconden; genegeerd")
    return None


def archival(root: Path) -> tuple[str, int | None, str] | None:
    """(short commit, commit time, describe) from a filled-in ``.git_archival.txt``, else None.

    In a git checkout the file holds ``$Format:…$`` placeholders; ``git archive`` replaces them.

    Examples
    --------
    >>> archival(Path("/nonexistent")) is None
    True
    """
    try:
        text = (root / ARCHIVAL_FILE).read_text(encoding="utf-8")
    except OSError:
        return None
    fields = dict(
        (k.strip(), v.strip()) for k, _, v in (line.partition(":") for line in text.splitlines())
    )
    node = fields.get("node", "")
    if not node or "$Format" in node or not all(c in "0123456789abcdef" for c in node):
        return None
    epoch = None
    with contextlib.suppress(ValueError):
        from datetime import datetime

        epoch = int(datetime.fromisoformat(fields.get("node-date", "")).timestamp())
    describe = fields.get("describe-name", "")
    return node[:7], epoch, "" if "$Format" in describe or "%(" in describe else describe


def provenance(root: Path, environ: Mapping[str, str] | None = None) -> Provenance:
    """The code and date of an edition built from ``root`` now (see the module's description).

    Examples
    --------
    >>> p = provenance(Path("/nonexistent"), {"SOURCE_DATE_EPOCH": "1764547200"})
    >>> p.commit, p.date, p.date_source
    ('onbekend', '2025-12-01', 'SOURCE_DATE_EPOCH')
    """
    environ = os.environ if environ is None else environ
    warnings: list[str] = []
    commit, commit_time, dirty = git_commit(root)
    user = _user_epoch(environ, warnings)
    archive = None
    if commit == "onbekend" and (found := archival(root)) is not None:
        commit, commit_time, describe = found
        archive = f"archief {describe}".strip()
    source = "commit" if archive is None else "archief"
    if user is not None:
        epoch, source = user, "SOURCE_DATE_EPOCH"
    elif commit_time is not None:
        epoch = commit_time
    elif (newest := newest_source_time(root)) >= _SENSIBLE:
        epoch, source = newest, "bestanden"
        warnings.append(
            "geen git en geen SOURCE_DATE_EPOCH: de bouwdatum is de laatste wijziging van de "
            f"bronbestanden ({long_date(time.strftime('%Y-%m-%d', time.gmtime(newest)))}); zet "
            "SOURCE_DATE_EPOCH voor een vaste datum"
        )
    else:
        epoch, source = int(time.time()), "klok"
        warnings.append(
            "geen git, geen SOURCE_DATE_EPOCH en geen bruikbare bestandstijden: de bouwdatum is "
            "vandaag; zet SOURCE_DATE_EPOCH voor een vaste datum"
        )
    return Provenance(commit, dirty, epoch, source, archive, tuple(warnings))


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
    prov: Provenance,
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
        "commit": prov.commit,
        "archief": prov.archive,
        "lokale_wijzigingen": prov.dirty,
        "datum": prov.date,
        "datum_bron": prov.date_source,
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
        "parallel": max_workers(jobs),
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
