"""From fetched CBS tables to the report's datasets (issue 3: fetch "converts them to the same
tidy format" the chapters read).

The fetch runs offline against the recorded responses in ``fixtures/cbs/`` with the complete
tables of ``fixtures/cbs_volledig/`` (every age band; see ``make_fixtures.py``) into a copy of
the project's real ``data/`` folder. The expected values are recomputed by hand from the
fixture's construction rules.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from analysis.config import schemas
from analysis.config.manifest import load_manifest, sha256_file
from analysis.core.errors import FetchError
from analysis.data.datasets import check_all, read_dataset
from analysis.data.sources.cbs import convert as cbsreport
from analysis.data.sources.cbs import fetch as cbs
from analysis.data.sources.cbs.command import add_fetch_arguments, run_fetch
from analysis.present.catalog import catalog
from analysis.topics import forecast, housing, population, wmo
from tests.cbs_transport import FIXTURES, FULL, REGISTRY, Recorded, client

HERE = Path(__file__).parent
PROJECT_DATA = HERE.parent / "data"
TODAY = dt.date(2026, 11, 1)
REPORT = ["bevolking_leeftijd", "huishoudens_leeftijd", "wmo_clienten", "wmo_uitgaven",
          "woningvoorraad", "bevolkingsprognose"]  # fmt: skip


def complete(drop: dict[str, Any] | None = None) -> Recorded:
    """Serves ``cbs_volledig/…`` where it exists, else ``cbs/…``; ``drop[table](row)`` removes
    data rows."""

    def dropper(table: str) -> Any:
        return lambda doc: {**doc, "value": [r for r in doc["value"] if not drop[table](r)]}

    overrides = {(t, "TypedDataSet"): dropper(t) for t in (drop or {})}
    return Recorded(overrides, roots=(FULL, FIXTURES))


def fetch_all(folder: Path, opener: Recorded) -> list[str]:
    return cbs.fetch(None, ["GM0397", "NL01"], folder, client=client(opener), registry=REGISTRY,
                     today=TODAY)  # fmt: skip


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(PROJECT_DATA, folder)
    return folder


@pytest.fixture
def fetched(data_dir: Path) -> Path:
    written = fetch_all(data_dir, complete())
    assert written == [f"cbs_{s}" for s in REGISTRY.series] + REPORT
    return data_dir


def load(folder: Path, name: str) -> pd.DataFrame:
    return read_dataset(name, load_manifest(folder)[name], folder)


# ------------------------------------------------------------------------------------------
# Manifest: real data replaces the synthetic stand-ins, traceable to the CBS tables
# ------------------------------------------------------------------------------------------
def test_report_datasets_replace_the_synthetic_stand_ins(data_dir: Path, fetched: Path) -> None:
    original = load_manifest(PROJECT_DATA)
    manifest = load_manifest(fetched)
    for name in REPORT:
        assert original[name]["synthetic"] is True  # the shipped stand-in
        entry = manifest[name]
        assert entry["synthetic"] is False and entry["calibrated_to"] is None
        assert entry["file"] == f"{name}_20261101.csv"
        assert entry["sha256"] == sha256_file(fetched / entry["file"])
        assert entry["licence"] == "CC-BY-4.0" and entry["retrieved"] == TODAY  # SPDX id
        assert entry["afgeleid_van"] == [f"cbs_{s}" for s in REGISTRY.report_datasets[name].series]
        for raw in entry["afgeleid_van"]:
            assert manifest[raw]["synthetic"] is False
        # one schema per dataset: the fetched file has the schema of the shipped stand-in
        assert entry["schema"] == schemas.schema(name) == original[name]["schema"]
        # the report's own requirement stays with the dataset
        assert entry.get("periode_vereist") == original[name].get("periode_vereist")
        # the shipped synthetic file is still there, untouched (raw data is immutable)
        old = original[name]["file"]
        assert sha256_file(fetched / old) == sha256_file(PROJECT_DATA / old)
    assert manifest["wmo_clienten"]["source"]["table_id"] == "86050NED, 85896NED"
    assert "cbs_wmo_clienten, cbs_wmo_clienten_leeftijd" in manifest["wmo_clienten"]["description"]
    # every dataset in the folder, fetched or shipped, passes the checks
    assert check_all(fetched) == []
    # the book's data page says where the report dataset came from
    page = catalog(fetched).set_index("Dataset")
    assert page.loc["wmo_clienten", "Bron"] == (
        "CBS (omgezet uit cbs_wmo_clienten, cbs_wmo_clienten_leeftijd)"
    )
    assert page.loc["wmo_clienten", "Synthetisch"] == "nee"
    assert page.loc["cbs_wmo_clienten_leeftijd", "Tabel"] == "85896NED"


# ------------------------------------------------------------------------------------------
# Values, recomputed from the fixture rules
# ------------------------------------------------------------------------------------------
def test_population_bands_are_added_into_the_report_age_groups(fetched: Path) -> None:
    bev = load(fetched, "bevolking_leeftijd")
    assert sorted(bev["leeftijd"].unique()) == sorted(cbsreport.BEVOLKING_GROUPS)
    gm = bev[(bev["gemeente_code"] == "GM0397") & (bev["periode"] == "2025")]
    got = gm.set_index(["geslacht", "leeftijd"])["waarde"]
    # men in band i: 610 + 10 i, women 610 + 12 i (bands 0-4 … 95+)
    assert got[("mannen", "0-14")] == 610 + 620 + 630
    assert got[("vrouwen", "0-14")] == 610 + 622 + 634
    assert got[("totaal", "0-14")] == 3726
    assert got[("totaal", "85+")] == (780 + 790 + 800) + (814 + 826 + 838)
    # the seven groups add up to the CBS total (20 bands)
    total = sum(610 + 10 * i for i in range(20)) + sum(610 + 12 * i for i in range(20))
    assert gm[gm["geslacht"] == "totaal"]["waarde"].sum() == total
    assert set(gm["status"]) == {"definitief"}
    # and the report's functions read it: 75-plussers in 2025
    assert population.count_aged(population.population_by_age(bev, "GM0397"), 75)["2025"] == (
        sum(610 + 10 * i for i in range(15, 20)) + sum(610 + 12 * i for i in range(15, 20))
    )


def test_wmo_clients_by_age_with_recomputed_rates_and_suppressed_cells(fetched: Path) -> None:
    df = load(fetched, "wmo_clienten")
    gm = df[(df["gemeente_code"] == "GM0397") & (df["periode"] == "2024")]
    rows = gm.set_index(["type", "leeftijd"])
    # all ages from 86050NED (its own status), age groups from 85896NED
    assert rows.loc[("Totaal", "totaal"), "aantal"] == 1875
    assert rows.loc[("Totaal", "totaal"), "status"] == "nader voorlopig"
    assert rows.loc[("Totaal", "0-64"), "aantal"] == 10 + 290
    # residents 10 / 2.0 + 290 / 19.0 thousand: 300 per 20 263 residents
    assert rows.loc[("Totaal", "0-64"), "per_1000"] == pytest.approx(14.8)
    assert rows.loc[("Totaal", "65-74"), ["aantal", "per_1000"]].tolist() == [200, 70.0]
    assert rows.loc[("Totaal", "75+"), ["aantal", "per_1000"]].tolist() == [1300, 379.7]
    assert rows.loc[("Totaal", "75+"), "status"] == "voorlopig"
    # a CBS '.' in one band: the group is missing with status onbekend, never a partial sum
    hm = rows.loc[("Hulpmiddelen en diensten, totaal", "0-64")]
    assert pd.isna(hm["aantal"]) and pd.isna(hm["per_1000"]) and hm["status"] == "onbekend"
    assert rows.loc[("Hulpmiddelen en diensten, totaal", "75+"), "aantal"] == 295 + 225
    # the 86050NED suppressed cell stays missing too
    vo = df[(df["periode"] == "2025H1") & (df["type"] == "Verblijf en opvang, totaal")]
    assert vo["aantal"].isna().all() and set(vo["status"]) == {"onbekend"}


def test_households_housing_prognosis_and_costs_in_report_layout(fetched: Path) -> None:
    hh = load(fetched, "huishoudens_leeftijd")
    old = housing.older_households(hh, "GM0397")
    assert old.set_index("groep")["waarde"].to_dict() == {
        "65+": 2290 + 1790 + 690,
        "75+": 1790 + 690,
        "85+": 690,
        "totaal": 12620,
    }
    stock = load(fetched, "woningvoorraad").set_index("eigendom")["waarde"]
    assert stock.to_dict() == {
        "totaal": 12700,
        "koopwoningen": 8230,
        "huur woningcorporatie": 2560,
        "huur overige verhuurders": 1860,
    }
    prog = load(fetched, "bevolkingsprognose")
    assert prog["eenheid"].unique().tolist() == ["personen"]
    groups = forecast.prognosis_groups(prog, "GM0397", ["0-64", "65-74", "75+"])
    g2040 = groups[(groups["jaar"] == 2040) & (groups["variant"] == "midden")]
    assert g2040.set_index("leeftijd")["inwoners"].to_dict() == {
        "0-64": 6100 + 14200,
        "65-74": 3400,
        "75+": 3200 + 1600,
    }
    low = groups[(groups["jaar"] == 2040) & (groups["variant"] == "laag")]
    assert low.set_index("leeftijd")["inwoners"]["75+"] == 3000 + 1500  # 0.95 × (3.2, 1.6)
    uitg = load(fetched, "wmo_uitgaven").set_index(["gemeente_code", "type", "soort"])
    assert sorted(set(uitg.index.get_level_values("type"))) == [
        "Hulp bij het huishouden",
        "Hulpmiddelen en diensten, totaal",
        "Ondersteuning thuis, totaal",
    ]
    assert uitg.loc[("GM0397", "Hulp bij het huishouden", "begroot"), "waarde"] == 1800
    hh_real = uitg.loc[("GM0397", "Hulp bij het huishouden", "gerealiseerd")]
    assert pd.isna(hh_real["waarde"]) and hh_real["status"] == "onbekend"
    assert uitg.loc[("NL01", "Hulp bij het huishouden", "gerealiseerd"), "waarde"] == round(
        1800 * 700 * 1.04
    )


def test_rates_against_population_use_the_fetched_groups(fetched: Path) -> None:
    """The Wmo chapter divides clients by residents of the same age groups."""
    bev = load(fetched, "bevolking_leeftijd")
    groups = wmo.group_population(bev, "GM0397", ["0-64", "65-74", "75+"])
    got = groups[groups["periode"].astype(str) == "2025"].set_index("leeftijd")["inwoners"]
    assert got["65-74"] == (610 + 10 * 13) + (610 + 10 * 14) + (610 + 12 * 13) + (610 + 12 * 14)


# ------------------------------------------------------------------------------------------
# Errors: a CBS layout the report cannot use stops the fetch, data/ unchanged
# ------------------------------------------------------------------------------------------
def _snapshot(folder: Path) -> dict[str, str]:
    return {p.name: sha256_file(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def test_missing_age_band_stops_the_fetch(data_dir: Path) -> None:
    before = _snapshot(data_dir)
    drop = {"03759ned": lambda r: r["Leeftijd"] == "70200"}  # '5 tot 10 jaar'
    with pytest.raises(FetchError) as exc:
        fetch_all(data_dir, complete(drop))
    msg = str(exc.value)
    assert "03759ned" in msg and "'0-14'" in msg and "GM0397, 2024" in msg
    assert _snapshot(data_dir) == before


def test_straddling_band_is_refused() -> None:
    with pytest.raises(FetchError, match="valt over de grens van groep '0-64'"):
        cbsreport.regroup_ages(
            pd.DataFrame(
                {
                    "g": "GM1",
                    "leeftijd": ["0 tot 20 jaar", "20 tot 70 jaar", "70 jaar of ouder"],
                    "waarde": [1.0, 2.0, 3.0],
                    "status": "definitief",
                }
            ),
            "leeftijd",
            ["0-64", "65+"],
            ["g"],
            "T9",
        )


def test_report_name_fetches_every_table_it_needs(data_dir: Path, capsys) -> None:
    parser = argparse.ArgumentParser()
    add_fetch_arguments(parser)
    args = parser.parse_args(
        ["--regio", "GM0397", "--reeks", "wmo_clienten", "--data-dir", str(data_dir)]
    )
    assert run_fetch(args, client=client(complete()), today=TODAY) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"CBS-tabel opgehaald: cbs_wmo_clienten (86050NED) → {data_dir}/cbs_wmo_clienten_20261101.csv",
        "CBS-tabel opgehaald: cbs_wmo_clienten_leeftijd (85896NED) → "
        f"{data_dir}/cbs_wmo_clienten_leeftijd_20261101.csv",
        "rapportdataset bijgewerkt: wmo_clienten (uit cbs_wmo_clienten, "
        f"cbs_wmo_clienten_leeftijd) → {data_dir}/wmo_clienten_20261101.csv",
    ]
    manifest = load_manifest(data_dir)
    # only the report dataset whose tables were fetched changed
    assert manifest["bevolking_leeftijd"]["synthetic"] is True
    assert manifest["wmo_clienten"]["synthetic"] is False
