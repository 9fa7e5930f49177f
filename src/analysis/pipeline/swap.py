"""Atomic publication of ``_build/<periode>/html``: a complete new edition or the old one.

The HTML of each build goes into its own folder ``_build/<periode>/html.<id>``; ``html`` is a
symlink that is swapped to it in one rename. A reader (or the preview server) sees the old edition
or the new one, never a mix, and a failure or interruption at any step leaves the old edition
byte-for-byte as it was. Leftovers of a killed build are removed by the next one.

A new edition mostly repeats the previous one (a prose edit changes a few pages of some 240
files): a file whose bytes equal the previous edition's is a hard link to it, not a copy
(:func:`fill_edition`). Nothing writes into an edition once it is installed, so the shared files
never change; the previous edition's folder is removed by unlinking, which leaves them in the new.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import stat
import uuid
from collections.abc import Iterator
from pathlib import Path

from analysis.core.errors import BuildError


@contextlib.contextmanager
def period_lock(period_dir: Path, periode: str) -> Iterator[None]:
    """One build per period at a time (a second one stops with a clear message)."""
    with open(period_dir / ".bouw.lock", "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError(
                f"er loopt al een bouw voor periode {periode} "
                f"({period_dir}); wacht tot die klaar is"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def current_edition(html_link: Path) -> Path | None:
    """The folder the ``html`` link points to (or ``html`` itself from before symlinks)."""
    if html_link.is_symlink():
        target = html_link.resolve()
        return target if target.is_dir() else None
    return html_link if html_link.is_dir() else None


def clean_leftovers(period_dir: Path, out_root: Path, periode: str) -> None:
    """Remove what an interrupted or killed earlier build left behind (never the edition)."""
    current = current_edition(period_dir / "html")
    for d in [
        *period_dir.glob("html.*"),
        *period_dir.glob(".html.*"),
        *out_root.glob(f".uitvoer-{periode}-*"),
    ]:
        if d.is_dir() and not d.is_symlink() and (current is None or d.resolve() != current):
            shutil.rmtree(d, ignore_errors=True)
    for f in [*period_dir.glob(".*.tmp"), *(period_dir / "executed").rglob(".*.tmp")]:
        f.unlink(missing_ok=True)


def swap_symlink(link: Path, target_name: str) -> None:
    """Point ``link`` at ``target_name`` (a sibling) in one atomic rename."""
    tmp = link.with_name(f".{link.name}.{os.getpid()}.nieuw")
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    os.symlink(target_name, tmp)
    os.replace(tmp, link)


def _same_file(a: Path, a_stat: os.stat_result, b: Path) -> bool:
    """Whether ``b`` holds the same bytes as ``a`` (compared when their sizes are equal).

    Not by modification time: Sphinx gives the static files it copies their source's time, so
    a changed file can carry the time of the one it replaces.
    """
    try:
        b_stat = b.stat()
    except OSError:
        return False
    if not stat.S_ISREG(b_stat.st_mode) or b_stat.st_size != a_stat.st_size:
        return False
    return a.read_bytes() == b.read_bytes()


def fill_edition(built_html: Path, dest: Path, previous: Path | None) -> tuple[int, int]:
    """Put the files of ``built_html`` into the new folder ``dest``: a hard link to the file in
    ``previous`` (the current edition) when its bytes are the same, else a copy (``copy2``).

    Returns (linked, copied). Directories get their times from ``built_html`` like ``copytree``.

    Examples
    --------
    >>> fill_edition(Path("_build/2025/work/out/_build/html"), Path("nieuw"), None)  # doctest: +SKIP
    (0, 239)
    """
    linked = copied = 0
    dirs: list[tuple[Path, Path]] = []
    for top, _, names in os.walk(built_html):
        src_dir = Path(top)
        rel_dir = src_dir.relative_to(built_html)
        out_dir = dest / rel_dir
        out_dir.mkdir(parents=True, exist_ok=True)
        dirs.append((src_dir, out_dir))
        for name in names:
            src, out = src_dir / name, out_dir / name
            src_stat = src.stat()
            old = previous / rel_dir / name if previous is not None else None
            if old is not None and _same_file(src, src_stat, old):
                try:
                    os.link(old, out)
                    linked += 1
                    continue
                except OSError:
                    pass  # another file system, or no links: copy
            shutil.copy2(src, out)
            copied += 1
    for src_dir, out_dir in reversed(dirs):
        shutil.copystat(src_dir, out_dir)
    return linked, copied


def install_edition(
    period_dir: Path, built_html: Path, extra: dict[str, bytes], *, keep_previous: bool = False
) -> Path:
    """Make ``built_html`` plus the ``extra`` files the period's edition, atomically.

    Files equal to the current edition's are hard links to them (:func:`fill_edition`); the
    ``extra`` files are always new files (never written through a link).

    Returns the new edition folder; the previous one is removed once the link points away
    from it (``keep_previous``: left for :func:`remove_previous`, so that the new edition can
    be shown first). On any failure (also an interruption) the new folder is removed and the
    link still points at the previous edition.
    """
    html_link = period_dir / "html"
    current = current_edition(html_link)
    name = f"html.{uuid.uuid4().hex[:12]}"
    tmp = period_dir / f".{name}.tmp"
    new_tmp: Path | None = tmp  # removed on failure until renamed
    new_dir: Path | None = None
    try:
        tmp.mkdir()
        fill_edition(built_html, tmp, current)
        for rel, data in extra.items():
            target = tmp / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.unlink(missing_ok=True)  # a link to the current edition stays as it is
            target.write_bytes(data)
        new_dir = period_dir / name
        os.rename(tmp, new_dir)
        new_tmp = None
        if html_link.exists() and not html_link.is_symlink():
            # an edition from before symlinks: move it aside, then swap
            aside = period_dir / f".html.oud-{uuid.uuid4().hex[:8]}"
            os.rename(html_link, aside)
            current = aside
        swap_symlink(html_link, name)
        published, new_dir = period_dir / name, None
    finally:
        for d in (new_tmp, new_dir):
            if d is not None:
                shutil.rmtree(d, ignore_errors=True)
    if not keep_previous and current is not None and current.exists() and current.name != name:
        shutil.rmtree(current, ignore_errors=True)
    return published


def remove_previous(period_dir: Path, out_root: Path, periode: str) -> bool:
    """Remove earlier editions and leftovers of the period, unless a build of it runs now.

    Returns whether it could (False: another build holds the period's lock; it cleans up).

    Examples
    --------
    >>> remove_previous(Path("_build/2025"), Path("_build"), "2025")  # doctest: +SKIP
    True
    """
    if not period_dir.is_dir():
        return False  # a first build that failed left nothing
    try:
        with period_lock(period_dir, periode):
            clean_leftovers(period_dir, out_root, periode)
    except (BuildError, OSError):
        return False
    return True
