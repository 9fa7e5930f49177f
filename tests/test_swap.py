"""Installing an edition (issue 17.4): unchanged files are hard links to the previous edition,
changed ones copies, and the previous edition is never written through a link."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from analysis.pipeline import swap


def _built(tmp_path: Path, files: dict[str, str]) -> Path:
    built = tmp_path / "out" / "html"
    for rel, text in files.items():
        (built / rel).parent.mkdir(parents=True, exist_ok=True)
        (built / rel).write_text(text, encoding="utf-8")
    return built


def _files(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def first(tmp_path):
    """A period folder with one installed edition (three pages and a record)."""
    period = tmp_path / "2025"
    period.mkdir()
    built = _built(tmp_path, {"index.html": "voorpagina", "a.html": "a oud", "_static/s.css": "x"})
    edition = swap.install_edition(period, built, {"bouwverslag.json": b"{1}"})
    return period, built, edition


def test_a_prose_edit_links_unchanged_files_and_copies_the_changed_page(first):
    period, built, edition = first
    inode = {rel: (edition / rel).stat().st_ino for rel in ("index.html", "_static/s.css")}
    old_a = (edition / "a.html").stat().st_ino
    (built / "a.html").write_text("a nieuw", encoding="utf-8")  # Sphinx rewrites in place

    new = swap.install_edition(period, built, {"bouwverslag.json": b"{2}"})

    assert new != edition and not edition.exists()
    assert (period / "html").resolve() == new
    assert _files(new) == {
        "_static/s.css": "x",
        "a.html": "a nieuw",
        "bouwverslag.json": "{2}",
        "index.html": "voorpagina",
    }
    # the unchanged files are the previous edition's (linked), the changed page is a new file
    assert {rel: (new / rel).stat().st_ino for rel in inode} == inode
    assert (new / "a.html").stat().st_ino != old_a
    # never a link into Sphinx's output (it writes its files in place)
    assert (new / "index.html").stat().st_ino != (built / "index.html").stat().st_ino


def test_rewritten_with_the_same_bytes_is_linked_too(first):
    period, built, edition = first
    inode = (edition / "index.html").stat().st_ino
    os.utime(built / "index.html", ns=(1, 1))  # written again, same bytes, other time
    new = swap.install_edition(period, built, {})
    assert (new / "index.html").stat().st_ino == inode


def test_same_size_other_bytes_is_copied(first):
    period, built, edition = first
    (built / "a.html").write_text("a OUD", encoding="utf-8")
    os.utime(built / "a.html", ns=(1, 1))
    new = swap.install_edition(period, built, {})
    assert (new / "a.html").read_text(encoding="utf-8") == "a OUD"


def test_same_size_and_time_other_bytes_is_copied(first):
    """Sphinx gives a static file its source's time: a changed file may carry the old time."""
    period, built, edition = first
    old = (edition / "_static" / "s.css").stat()
    (built / "_static" / "s.css").write_text("y", encoding="utf-8")
    os.utime(built / "_static" / "s.css", ns=(old.st_atime_ns, old.st_mtime_ns))
    new = swap.install_edition(period, built, {})
    assert (new / "_static" / "s.css").read_text(encoding="utf-8") == "y"


def test_extra_files_never_write_through_a_link_into_the_current_edition(first, monkeypatch):
    period, built, edition = first
    # Sphinx's output holds a file of the same name as an extra one (equal to the edition's)
    (built / "bouwverslag.json").write_bytes((edition / "bouwverslag.json").read_bytes())
    os.utime(built / "bouwverslag.json", ns=(1, 1))
    seen = {}
    real_swap = swap.swap_symlink

    def look_first(link, name):
        seen["oud"] = (edition / "bouwverslag.json").read_text(encoding="utf-8")
        real_swap(link, name)

    monkeypatch.setattr(swap, "swap_symlink", look_first)
    new = swap.install_edition(period, built, {"bouwverslag.json": b"{3}"})
    assert seen["oud"] == "{1}"
    assert (new / "bouwverslag.json").read_text(encoding="utf-8") == "{3}"


def test_a_failure_while_filling_leaves_the_current_edition_as_it_was(first, monkeypatch):
    period, built, edition = first
    before = _files(edition)
    (built / "a.html").write_text("a nieuw", encoding="utf-8")
    real_fill = swap.fill_edition

    def fill_then_interrupt(*args):
        real_fill(*args)
        raise KeyboardInterrupt

    monkeypatch.setattr(swap, "fill_edition", fill_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        swap.install_edition(period, built, {})
    assert (period / "html").resolve() == edition and _files(edition) == before
    assert sorted(p.name for p in period.iterdir()) == ["html", edition.name]


def test_the_previous_edition_can_be_left_for_later_and_removed_then(first):
    """The preview shows the new edition first and removes the previous one after."""
    period, built, edition = first
    (built / "a.html").write_text("a nieuw", encoding="utf-8")
    new = swap.install_edition(period, built, {}, keep_previous=True)
    assert (period / "html").resolve() == new and _files(edition)["a.html"] == "a oud"
    assert swap.remove_previous(period, period.parent, "2025")
    assert sorted(p.name for p in period.iterdir() if p.name.startswith("html")) == [
        "html",
        new.name,
    ]
    assert _files(new)["a.html"] == "a nieuw" and _files(new)["index.html"] == "voorpagina"


def test_previous_edition_is_not_removed_while_another_build_runs(first):
    import fcntl

    period, built, edition = first
    new = swap.install_edition(period, built, {}, keep_previous=True)
    with open(period / ".bouw.lock", "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        assert not swap.remove_previous(period, period.parent, "2025")
    assert edition.is_dir() and (period / "html").resolve() == new
    assert not swap.remove_previous(period / "bestaat-niet", period.parent, "2025")
