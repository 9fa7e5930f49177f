"""A dataset is read and validated once per content and schema in a process (datasets._READ)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.config.manifest import load_manifest, save_manifest
from analysis.core.errors import DataError
from analysis.core.paths import project_root
from analysis.data import datasets as data
from tests.conftest import GOOD_CSV, write_dataset


@pytest.fixture
def reads(monkeypatch):
    """Count the reads of a file's text (a memo miss)."""
    calls: list[str] = []
    real = data.read_text_table

    def counted(path):
        calls.append(path.name)
        return real(path)

    monkeypatch.setattr(data, "read_text_table", counted)
    monkeypatch.setattr(data, "_READ", {})
    return calls


def test_unchanged_dataset_is_read_once_and_handed_out_as_a_copy(datadir, reads):
    first = data.load("tel", folder=datadir)
    first.loc[0, "waarde"] = -1  # a chapter changing its frame
    second = data.load("tel", folder=datadir)
    assert reads == ["tel.csv"]
    assert second.loc[0, "waarde"] == 1200
    assert second.attrs["dataset"] == "tel" and "tel" in data.loaded()


def test_changed_file_or_schema_is_read_again(datadir, reads):
    assert data.load("tel", folder=datadir)["waarde"].tolist() == [1200, 300, 3600000]
    write_dataset(datadir, "tel", GOOD_CSV.replace("1200", "1201"))
    assert data.load("tel", folder=datadir)["waarde"].tolist() == [1201, 300, 3600000]
    # the same bytes under a different schema: validated again (and refused)
    entries = load_manifest(datadir)
    entries["tel"]["schema"]["columns"]["leeftijd"]["allowed"] = ["65+"]
    save_manifest(entries, datadir)
    with pytest.raises(DataError, match="leeftijd"):
        data.load("tel", folder=datadir)
    assert reads == ["tel.csv"] * 3


def test_a_file_changed_behind_the_manifest_is_still_refused(datadir, reads):
    data.load("tel", folder=datadir)
    (datadir / "tel.csv").write_text(GOOD_CSV.replace("1200", "1300"), encoding="utf-8")
    with pytest.raises(DataError, match="wijkt af van het manifest"):
        data.load("tel", folder=datadir)


def test_memo_equals_an_uncached_read_for_every_shipped_dataset(reads):
    folder = project_root() / "data"
    for name, entry in sorted(load_manifest(folder).items()):
        if not (folder / entry["file"]).is_file():
            continue
        raw, dialect = data.read_text_table(folder / entry["file"])
        uncached = data.validate(raw, entry["schema"], entry["file"], dialect)
        for _ in range(2):  # a miss, then a hit
            got = data.read_dataset(name, entry, folder)
            pd.testing.assert_frame_equal(got, uncached, check_exact=True)
            assert list(got.dtypes) == list(uncached.dtypes)


def test_the_warm_template_reads_every_dataset_before_the_chapters(datadir, reads):
    """The warm pool's template fills the memo (issue 17): a chapter forked from it reads no file
    again, unless the file changed after the template read it."""
    from analysis.pipeline.warm import warm_caches

    write_dataset(datadir, "kapot", "periode,waarde\n2025,veel\n")  # unreadable: skipped
    assert warm_caches(datadir) == 1
    assert sorted(reads) == ["kapot.csv", "tel.csv"]
    reads.clear()
    assert data.load("tel", folder=datadir)["waarde"].tolist() == [1200, 300, 3600000]
    assert reads == []  # served from the template's read
    write_dataset(datadir, "tel", GOOD_CSV.replace("1200", "1201"))
    assert data.load("tel", folder=datadir)["waarde"].tolist() == [1201, 300, 3600000]
    assert reads == ["tel.csv"]
