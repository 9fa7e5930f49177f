"""The loader refuses every kind of bad input with file, row and column, and accepts Dutch exports."""

import json

import pytest

from analysis.core.errors import DataError, PrivacyError
from analysis.data import datasets as data
from tests.conftest import COUNTS_SCHEMA, GOOD_CSV, write_dataset


def test_good_dataset_is_typed(datadir):
    df = data.load("tel", folder=datadir)
    assert df["waarde"].tolist() == [1200, 300, 3600000]
    assert str(df["waarde"].dtype) == "Int64"
    assert df["aandeel"].tolist() == [80.0, 20.0, 20.2]
    assert df.attrs["dataset"] == "tel" and df.attrs["manifest"]["licence"] == "CC-BY-4.0"


def test_derived_frames_share_the_loaded_entry_read_only(datadir):
    """pandas deep-copies attrs on every operation: the entry and provenance are shared, not
    copied, and nobody can change the entry they share."""
    import copy
    import pickle

    df = data.load("tel", folder=datadir)
    derived = df[df["waarde"] > 500].assign(dubbel=lambda d: d["waarde"] * 2).copy(deep=True)
    assert derived.attrs["manifest"] is df.attrs["manifest"]
    assert derived.attrs["herkomst"] is df.attrs["herkomst"]
    assert derived.attrs["manifest"]["licence"] == "CC-BY-4.0"
    with pytest.raises(TypeError, match="alleen-lezen"):
        derived.attrs["manifest"]["licence"] = "anders"
    with pytest.raises(TypeError, match="alleen-lezen"):
        derived.attrs["manifest"].update(licence="anders")
    assert df.attrs["manifest"]["licence"] == "CC-BY-4.0"
    again = pickle.loads(pickle.dumps(df))
    assert again.attrs["manifest"] == df.attrs["manifest"] and again.attrs["dataset"] == "tel"
    assert json.loads(json.dumps(df.attrs["manifest"], default=str))["licence"] == "CC-BY-4.0"
    other = data.load("tel", folder=datadir)  # each load has its own entry
    assert other.attrs["manifest"] is not df.attrs["manifest"]
    assert copy.deepcopy(dict(df.attrs["manifest"])) == df.attrs["manifest"]


def _bad(datadir, text):
    write_dataset(datadir, "tel", text)
    with pytest.raises(DataError) as err:
        data.load("tel", folder=datadir)
    return err.value


def test_unknown_dataset_lists_known(datadir):
    with pytest.raises(DataError, match=r"'wmo' staat niet in het manifest \(wel: tel\)"):
        data.load("wmo", folder=datadir)


def test_missing_file(datadir):
    (datadir / "tel.csv").unlink()
    with pytest.raises(DataError, match="ontbreekt") as err:
        data.load("tel", folder=datadir)
    assert err.value.file.endswith("tel.csv")


def test_empty_file(datadir):
    err = _bad(datadir, "")
    assert "leeg" in str(err) and err.file.endswith("tel.csv")


def test_header_only(datadir):
    assert "geen gegevens" in str(_bad(datadir, "gemeente_code,periode,leeftijd,waarde,aandeel\n"))


def test_missing_column(datadir):
    err = _bad(datadir, "gemeente_code,periode,leeftijd,waarde\nGM0397,2024,65+,3\n")
    assert err.column == "aandeel" and "kolom ontbreekt" in str(err)


def test_unexpected_column(datadir):
    lines = GOOD_CSV.strip().split("\n")
    text = "\n".join([lines[0] + ",extra"] + [x + ",1" for x in lines[1:]]) + "\n"
    err = _bad(datadir, text)
    assert err.column == "extra" and "onverwachte kolom" in str(err)


@pytest.mark.parametrize(
    ("value", "needle"),
    [("abc", "geheel getal"), ("-3", "geheel getal"), ("2.5", "geheel getal")],
)
def test_bad_counts_name_row_and_column(datadir, value, needle):
    err = _bad(datadir, GOOD_CSV.replace("GM0397,2024,65+,300,", f"GM0397,2024,65+,{value},"))
    assert (err.row, err.column) == (3, "waarde")
    assert needle in str(err) and f"'{value}'" in str(err)
    assert str(err).startswith("data/tel.csv, rij 3, kolom 'waarde'") or "tel.csv, rij 3" in str(
        err
    )


def test_percentage_out_of_range(datadir):
    err = _bad(datadir, GOOD_CSV.replace("80.0", "180.0"))
    assert (err.row, err.column) == (2, "aandeel") and "tussen 0 en 100" in str(err)


def test_category_not_allowed(datadir):
    err = _bad(datadir, GOOD_CSV.replace(",0-64,", ",0-65,"))
    assert err.column == "leeftijd" and "een van: 0-64, 65+" in str(err)


def test_duplicate_keys(datadir):
    err = _bad(datadir, GOOD_CSV + "GM0397,2024,65+,301,20.1\n")
    assert "dubbele sleutel" in str(err) and "rijen 3, 5" in str(err)


def test_bad_region_code(datadir):
    err = _bad(datadir, GOOD_CSV.replace("NL01", "Nederland"))
    assert (err.row, err.column) == (4, "gemeente_code")


def test_unknown_municipality_code(datadir):
    write_dataset(datadir, "tel", GOOD_CSV.replace("GM0397,2024,65+", "GM9999,2024,65+"))
    with pytest.raises(DataError, match="onbekende gemeentecode 'GM9999'") as err:
        data.load("tel", folder=datadir, regions=["GM0397", "NL01"])
    assert (err.value.row, err.value.column) == (3, "gemeente_code")


def test_hash_mismatch(datadir):
    (datadir / "tel.csv").write_text(GOOD_CSV.replace("1200", "1201"))
    with pytest.raises(DataError, match="sha256 .* wijkt af van het manifest"):
        data.load("tel", folder=datadir)


def test_missing_period_lists_what_is_there(datadir):
    df = data.load("tel", folder=datadir)
    with pytest.raises(DataError, match=r"periode 2025 ontbreekt .*\(aanwezig: 2024\)"):
        data.require_periods(df, ["2025"])


def test_person_level_data_refused_before_validation(datadir):
    write_dataset(datadir, "tel", "bsn,waarde\n111222333,1\n", COUNTS_SCHEMA)
    with pytest.raises(PrivacyError, match="persoonsgegevens"):
        data.load("tel", folder=datadir)


DUTCH = (
    "gemeente_code;periode;leeftijd;waarde;aandeel\r\n"
    "GM0397;2024;0-64;1.200;80,0\r\n"
    "GM0397;2024;65+;300;20,0\r\n"
    "NL01;2024;65+;3.600.000;20,2\r\n"
)


@pytest.mark.parametrize(
    "encoded",
    [DUTCH.encode("utf-8"), DUTCH.encode("cp1252"), b"\xef\xbb\xbf" + DUTCH.encode("utf-8")],
    ids=["puntkomma-decimale-komma", "windows-1252", "utf8-bom"],
)
def test_dutch_spreadsheet_exports_are_normalised(datadir, encoded):
    write_dataset(datadir, "tel", encoded)
    df = data.load("tel", folder=datadir)
    assert df["waarde"].tolist() == [1200, 300, 3600000]
    assert df["aandeel"].tolist() == [80.0, 20.0, 20.2]


def test_windows_1252_text_is_decoded(datadir):
    schema = {
        "key": ["omschrijving"],
        "columns": {"omschrijving": {"type": "tekst"}, "waarde": {"type": "aantal"}},
    }
    write_dataset(
        datadir, "tel", "omschrijving;waarde\r\nCliëntondersteuning;12\r\n".encode("cp1252"), schema
    )
    assert data.load("tel", folder=datadir)["omschrijving"].iloc[0] == "Cliëntondersteuning"


def test_loads_are_recorded_for_the_build(datadir, tmp_path, monkeypatch):
    deps = tmp_path / "deps.jsonl"
    monkeypatch.setenv("WMO_DEPS_FILE", str(deps))
    data.load("tel", folder=datadir)
    assert [json.loads(x) for x in deps.read_text().splitlines()] == [
        {"dataset": "tel", "file": "tel.csv"}
    ]
    assert "tel" in data.loaded()


def test_check_all_reports_every_problem(datadir):
    write_dataset(datadir, "tweede", GOOD_CSV.replace("80.0", "180.0"))
    (datadir / "tel.csv").write_text(GOOD_CSV.replace("1200", "1201"))
    problems = data.check_all(datadir)
    assert len(problems) == 2
    assert any("sha256" in str(p) for p in problems)
    assert any(p.column == "aandeel" for p in problems)


def test_an_edition_never_loads_data_from_after_its_period():
    """The 2024 edition reads the same figures however much newer data ``data/`` holds."""
    from analysis.present import report

    ctx = report.chapter(2024)
    wmo = ctx.load("wmo_clienten")
    assert max(wmo["periode"].astype(str)) == "2024H2"
    assert ctx.load("agenda_status").empty  # the first status is for 2025
    assert sorted(set(ctx.load("clientervaring")["periode"].astype(str))) == [
        "2022",
        "2023",
        "2024",
    ]
    # projections are kept whole (manifest: vooruitblik)
    prog = ctx.load("bevolkingsprognose")
    assert prog.attrs["manifest"]["vooruitblik"] is True
    assert {"2025", "2050"} <= set(prog["periode"].astype(str))
    assert "2050" in set(ctx.load("dementie_schattingen")["periode"].astype(str))
    # the 2025 edition keeps 2025 and drops the status reported for 2026
    later = report.chapter(2025)
    assert sorted(set(later.load("agenda_status")["periode"].astype(str))) == ["2025"]
    assert "2025H1" in set(later.load("wmo_clienten")["periode"].astype(str))
