"""The data check of a build, run in a background thread while the chapters execute.

Nothing is folded into the build's cache or published before the check passed. With the warm
kernels running, the check runs in a fork of their template process (which has pandas loaded and
has read the datasets already), so the build process itself loads no data library; without them,
in the build process.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis.config.params import Params
from analysis.core.errors import DataError, DataErrors, PrivacyError

if TYPE_CHECKING:
    from analysis.pipeline.warm import WarmPool

#: The problems a check can find, by name (as a forked check reports them).
KINDS: dict[str, type[DataError]] = {"DataError": DataError, "PrivacyError": PrivacyError}


def check_data(folder: Path, params: Params) -> list[DataError]:
    """Every problem in the datasets of ``folder`` for the regions of ``params``."""
    from analysis.data.datasets import check_all

    return check_all(folder, regions=list(params.regions()))


def problems_json(problems: list[DataError]) -> str:
    """The problems as JSON (a forked check hands them to the build this way).

    Examples
    --------
    >>> text = problems_json([DataError("leeg", file="data/x.csv", row=2, column="n")])
    >>> [str(p) for p in problems_from_json(text)]
    ["data/x.csv, rij 2, kolom 'n': leeg"]
    """
    return json.dumps(
        [
            {
                "soort": type(p).__name__ if type(p).__name__ in KINDS else "DataError",
                "melding": p.message,
                "bestand": p.file,
                "rij": p.row,
                "kolom": p.column,
            }
            for p in problems
        ],
        ensure_ascii=False,
    )


def problems_from_json(text: str) -> list[DataError]:
    """The problems written by :func:`problems_json`, as the errors they were."""
    return [
        KINDS[p["soort"]](p["melding"], file=p["bestand"], row=p["rij"], column=p["kolom"])
        for p in json.loads(text)
    ]


def check_job(args: list[str]) -> int:
    """In a fork of the warm template: ``FOLDER RESULT [REGION ...]``; write the problems of the
    datasets in FOLDER to RESULT (JSON). Returns 0."""
    from analysis.data.datasets import check_all

    folder, result, *regions = args
    problems = check_all(Path(folder), regions=regions)
    Path(result).write_text(problems_json(problems), encoding="utf-8")
    return 0


def check_in_pool(pool: WarmPool, folder: Path, params: Params) -> list[DataError] | None:
    """Run the check in a fork of the warm ``pool``; None when that could not be done (the
    caller then checks in its own process)."""
    fd, result = tempfile.mkstemp(prefix="wmo-controle-", suffix=".json")
    os.close(fd)
    log = Path(result).with_suffix(".log")
    try:
        args = [str(folder), result, *params.regions()]
        code = pool.run(args, {}, log, lambda pid: None, soort="controle")
        text = Path(result).read_text(encoding="utf-8")
        return problems_from_json(text) if code == 0 and text else None
    except Exception:  # noqa: BLE001 - the pool stopped: check here instead
        return None
    finally:
        Path(result).unlink(missing_ok=True)
        log.unlink(missing_ok=True)


class DataCheck:
    """Validate every dataset (:func:`analysis.data.datasets.check_all`) in a background thread.

    Examples
    --------
    >>> check = DataCheck(Path("data"), params)  # doctest: +SKIP
    >>> check.raise_problems()  # doctest: +SKIP
    """

    def __init__(self, folder: Path, params: Params, *, start: bool = True) -> None:
        self.problems: list[DataError] = []
        self.on_problems: Callable[[], Any] | None = None
        self._exc: BaseException | None = None
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._pool: WarmPool | None = None
        self._thread = threading.Thread(
            target=self._run, args=(folder, params), name="gegevenscontrole", daemon=True
        )
        if start:
            self.start()

    def start(self, pool: WarmPool | None = None) -> None:
        """Start the check (once; ``start=False`` deferred it, e.g. until the chapters' warm
        kernels are loaded, so the two do not slow each other down at the start). With a warm
        ``pool`` it runs in a fork of its template (:func:`check_in_pool`)."""
        with self._lock:
            if not self._thread.is_alive() and self._thread.ident is None:
                self._pool = pool
                self._thread.start()

    def _run(self, folder: Path, params: Params) -> None:
        try:
            found = None
            if self._pool is not None and self._pool.alive:
                found = check_in_pool(self._pool, folder, params)
            self.problems = found if found is not None else check_data(folder, params)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the main thread
            self._exc = exc
        with self._lock:
            self._done.set()
            if (self.problems or self._exc) and self.on_problems:
                self.on_problems()

    def when_failed(self, callback: Callable[[], Any]) -> None:
        """Call ``callback`` as soon as the check has found a problem (now, if it already has)."""
        with self._lock:
            self.on_problems = callback
            if self._done.is_set() and (self.problems or self._exc):
                callback()

    def raise_problems(self) -> None:
        """Wait for the check (starting it if it was deferred); raise its first problem (or all
        of them)."""
        self.start()
        self._thread.join()
        if self._exc is not None:
            raise self._exc
        if self.problems:
            raise DataErrors(self.problems) if len(self.problems) > 1 else self.problems[0]
