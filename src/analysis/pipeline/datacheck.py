"""The data check of a build, run in a background thread while the chapters execute.

The chapters use the processor cores; the check mostly waits for imports and files. Nothing is
folded into the build's cache or published before the check passed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from analysis.config.params import Params
from analysis.core.errors import DataError, DataErrors


def check_data(folder: Path, params: Params) -> list[DataError]:
    """Every problem in the datasets of ``folder`` for the regions of ``params``."""
    from analysis.data.datasets import check_all

    return check_all(folder, regions=list(params.regions()))


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
        self._thread = threading.Thread(
            target=self._run, args=(folder, params), name="gegevenscontrole", daemon=True
        )
        if start:
            self.start()

    def start(self) -> None:
        """Start the check (once; ``start=False`` deferred it, e.g. until the chapters' warm
        kernels are loaded, so the two do not slow each other down at the start)."""
        with self._lock:
            if not self._thread.is_alive() and self._thread.ident is None:
                self._thread.start()

    def _run(self, folder: Path, params: Params) -> None:
        try:
            self.problems = check_data(folder, params)
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
