"""The shipped data: real figures where they exist, synthetic stand-ins calibrated to them,
regeneration byte-identical, every file in the manifest with a matching hash."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import data
from analysis.manifest import load_manifest, sha256_file
from analysis.reference import AGENDA, import_reference, parse_number, parse_range
from analysis.synthetic import generate_all
from tests.conftest import ROOT

DATA = ROOT / "data"
REFERENCE = ROOT.parent / "shared" / "reference-data"


def test_every_file_is_in_the_manifest_with_its_hash_and_source():
    manifest = load_manifest(DATA)
    files = {e["file"] for e in manifest.values()}
    assert files == {p.name for p in DATA.glob("*.csv")}
    for name, e in manifest.items():
        assert sha256_file(DATA / e["file"]) == e["sha256"], name
        assert e["source"]["organisation"], name
        assert e["synthetic"] in (True, False)
        if e["synthetic"]:
            assert e["calibrated_to"], name
    assert data.check_all(DATA) == []


def test_population_2019_is_the_real_table_and_synthetic_series_matches_it():
    real = data.load("bevolking_2019", folder=DATA)
    tot = real[(real.leeftijd == "totaal") & (real.geslacht == "totaal")]["waarde"].iloc[0]
    assert tot == 27302
    syn = data.load("bevolking_leeftijd", folder=DATA)
    gm = syn[(syn.gemeente_code == "GM0397") & (syn.geslacht == "totaal")]
    by_year = gm.groupby("periode")["waarde"].sum()
    assert by_year["2019"] == 27302
    assert abs(by_year["2024"] - 27589) <= 5  # real 1-1-2024 total, within rounding
    r19 = real[(real.geslacht == "mannen") & (real.leeftijd == "65-74")]["waarde"].iloc[0]
    s19 = syn[
        (syn.gemeente_code == "GM0397")
        & (syn.periode == "2019")
        & (syn.geslacht == "mannen")
        & (syn.leeftijd == "65-74")
    ]["waarde"].iloc[0]
    assert r19 == s19 == 1655


def test_wmo_counting_rules_hold_in_the_synthetic_series():
    w = data.load("wmo_clienten", folder=DATA)
    piv = w.pivot_table(
        index=["gemeente_code", "periode", "leeftijd"], columns="type", values="aantal"
    )
    types = [c for c in piv.columns if not c.startswith("Totaal")]
    assert (piv["Totaal"] >= piv[types].max(axis=1)).all()
    assert (piv["Totaal"] < piv[types].sum(axis=1)).any()  # persons counted once
    tot = piv["Totaal"].xs("totaal", level="leeftijd")
    for (code, per), v in tot.items():
        if "H" not in per and f"{per}H1" in tot.loc[code].index:
            assert v >= tot.loc[(code, f"{per}H1")] and v >= tot.loc[(code, f"{per}H2")]
            assert v < tot.loc[(code, f"{per}H1")] + tot.loc[(code, f"{per}H2")]


def test_client_survey_2022_matches_the_published_results():
    c = data.load("clientervaring", folder=DATA)
    c22 = c[c.periode == "2022"].set_index("nr")
    share = 100 * c22["n_eens"] / c22["n_antwoorden"]
    assert abs(share[9] - 85) < 1 and abs(share[5] - 61) < 1 and abs(share[6] - 90) < 1


def test_agenda_has_every_action_point_of_the_appendix():
    a = data.load("uitvoeringsagenda", folder=DATA)
    assert a["actie_id"].nunique() == len(AGENDA) == 56
    assert set(a["hoofdstuk"]) == {"3", "4", "5"}
    plein = a[a.actiepunt.str.startswith("Inzetten voor een sprankelend")]
    assert plein[plein.gepland == "ja"]["jaar"].tolist() == ["2025", "2026", "2027", "2028"]
    status = data.load("agenda_status", folder=DATA)
    assert set(status["actie_id"]) == set(a["actie_id"])


def test_dementia_estimates_are_the_plans():
    d = data.load("dementie_schattingen", folder=DATA)
    gm = d[d.gemeente_code == "GM0397"].set_index("periode")["waarde"].to_dict()
    assert gm == {"2018": 720, "2022": 780, "2040": 1100, "2050": 1200}


def test_pact_figures():
    p = data.load("uitstroom_pact", folder=DATA)
    assert sorted(zip(p.periode, p.indicator, p.waarde)) == [
        ("2022", "gerealiseerd", 7),
        ("2023", "doel per jaar", 12),
        ("2023", "gerealiseerd", 3),
    ]


def test_parsers():
    assert parse_number("1.169.010") == 1169010 and parse_number("20,2") == 20.2
    assert parse_number(".") is None and parse_range("8-9") == (8.0, 9.0)


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="../shared/reference-data ontbreekt")
def test_regenerating_gives_byte_identical_files(tmp_path):
    out = tmp_path / "data"
    out.mkdir()
    import_reference(REFERENCE, out)
    generate_all(out)
    for f in sorted(DATA.glob("*.csv")):
        assert (out / f.name).read_bytes() == f.read_bytes(), f.name
    for f in sorted((DATA / "templates").glob("*.csv")):
        assert (out / "templates" / f.name).read_bytes() == f.read_bytes()
    m1, m2 = load_manifest(out), load_manifest(DATA)
    assert {k: v["sha256"] for k, v in m1.items()} == {k: v["sha256"] for k, v in m2.items()}


def test_templates_have_no_person_columns():
    for f in (DATA / "templates").glob("*.csv"):
        header = f.read_text(encoding="utf-8").strip().split(",")
        df = pd.DataFrame(columns=header, dtype="string")
        from analysis.privacy import check_no_personal_data

        check_no_personal_data(df, f.name)  # raises on a person-level column
        assert "gemeente_code" in header or "actie_id" in header
