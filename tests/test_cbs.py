"""Offline tests of the CBS OData fetcher against the recorded responses in fixtures/cbs/."""

from __future__ import annotations

import csv
import datetime as dt
import inspect
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.error import URLError

import pytest
import yaml

from analysis import cli
from analysis.config import schemas
from analysis.config.manifest import load_manifest, save_manifest, sha256_file
from analysis.core.errors import DataError, FetchError
from analysis.data.sources.cbs import client as cbs_client
from analysis.data.sources.cbs import fetch as cbs
from analysis.data.sources.cbs.client import Client
from analysis.data.sources.cbs.periods import normalise_period
from analysis.data.sources.cbs.registry import Measure, load_registry
from analysis.data.sources.cbs.snapshot import manifest_entry
from analysis.data.sources.cbs.status import STATUS_RANK, period_status
from tests.cbs_transport import FIXTURES, REGISTRY, Recorded, client, http_error
from tests.conftest import ROOT

TODAY = dt.date(2026, 11, 1)
REGIONS = ["GM0397", "GM0392", "NL01"]
SERIES = REGISTRY.series


def recorded(table: str, resource: str) -> dict[str, Any]:
    return json.loads((FIXTURES / table / f"{resource}.json").read_text("utf-8"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder with one earlier snapshot and its manifest entry."""
    folder = tmp_path / "data"
    folder.mkdir()
    old = folder / "cbs_wmo_clienten_20250101.csv"
    old.write_text(
        "gemeente_code,periode,indicator,type_voorziening,waarde,eenheid,status\n"
        "GM0397,2022,wmo_clienten,Totaal,1800,personen,definitief\n",
        encoding="utf-8",
    )
    entry = manifest_entry(
        REGISTRY, SERIES["wmo_clienten"], old.name, sha256_file(old), dt.date(2025, 1, 1)
    )
    other = {**entry, "file": "elders.csv", "title": "Iets anders", "source": {"table_id": None}}
    (folder / "elders.csv").write_text("a\n1\n", encoding="utf-8")
    other["sha256"] = sha256_file(folder / "elders.csv")
    save_manifest({"cbs_wmo_clienten": entry, "elders": other}, folder)
    return folder


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): sha256_file(p) for p in sorted(folder.rglob("*"))}


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def run(
    data_dir: Path,
    names: list[str] | None,
    regions: list[str],
    opener: Recorded,
    registry: Any = REGISTRY,
    **client_options: Any,
) -> list[str]:
    """Fetch the CBS tables only (the conversion to report datasets: test_cbsreport.py)."""
    return cbs.fetch(
        names,
        regions,
        data_dir,
        client=client(opener, **client_options),
        registry=registry,
        today=TODAY,
        rapport=False,
    )


# ------------------------------------------------------------------------------------------
# Pure helpers
# ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("2024JJ00", "2024"),
        ("2024HJ01", "2024H1"),
        ("2024HJ02", "2024H2"),
        ("2024KW03", "2024Q3"),
        ("2024MM03", "2024-03"),
        ("2024MM12", "2024-12"),
        ("  2023JJ00 ", "2023"),
    ],
)
def test_normalise_period(key: str, expected: str) -> None:
    assert normalise_period(key) == expected


@pytest.mark.parametrize("key", ["2024SJ00", "2024HJ03", "2024KW05", "2024MM13", "2024JJ01", "x"])
def test_normalise_period_rejects_unknown_codes(key: str) -> None:
    with pytest.raises(FetchError, match="onbekende CBS-periodecode"):
        normalise_period(key)


def test_period_status() -> None:
    assert period_status("Definitief", "2023") == "definitief"
    assert period_status("Voorlopig", "2024*") == "voorlopig"
    assert period_status("Nader voorlopig", "2024**") == "nader voorlopig"
    assert period_status("", "1e halfjaar 2025*") == "voorlopig"
    assert period_status(None, "2024**") == "nader voorlopig"


def test_schema_matches_columns() -> None:
    s = SERIES["wmo_clienten"]
    schema = s.schema()
    assert list(schema["columns"]) == s.columns
    assert schema["key"] == ["gemeente_code", "periode", "indicator", "type_voorziening"]
    assert schema["columns"]["waarde"] == {"type": "getal", "nullable": True, "min": 0}
    assert schema["columns"]["status"]["allowed"] == [
        "definitief",
        "nader voorlopig",
        "voorlopig",
        "onbekend",
    ]
    # one measure: no indicator column (as data/README.md's bevolking_leeftijd)
    assert SERIES["bevolking_leeftijd"].schema()["key"] == [
        "gemeente_code",
        "periode",
        "geslacht",
        "leeftijd",
    ]


# ------------------------------------------------------------------------------------------
# Conversion to tidy rows
# ------------------------------------------------------------------------------------------
WMO_GM0397 = """\
gemeente_code,periode,indicator,type_voorziening,waarde,eenheid,status
GM0397,2023,wmo_clienten,Totaal,1830,personen,definitief
GM0397,2023,wmo_clienten,Hulp bij het huishouden,1010,personen,definitief
GM0397,2023,wmo_clienten_per_1000,Totaal,66,per 1 000 inwoners,definitief
GM0397,2023,wmo_clienten_per_1000,Hulp bij het huishouden,37,per 1 000 inwoners,definitief
GM0397,2024,wmo_clienten,Totaal,1875,personen,nader voorlopig
GM0397,2024,wmo_clienten,Hulp bij het huishouden,1040,personen,nader voorlopig
GM0397,2024,wmo_clienten_per_1000,Totaal,67,per 1 000 inwoners,nader voorlopig
GM0397,2024,wmo_clienten_per_1000,Hulp bij het huishouden,37,per 1 000 inwoners,nader voorlopig
GM0397,2025H1,wmo_clienten,Totaal,1700,personen,voorlopig
GM0397,2025H1,wmo_clienten,Hulp bij het huishouden,955,personen,voorlopig
GM0397,2025H1,wmo_clienten,"Verblijf en opvang, totaal",,personen,onbekend
GM0397,2025H1,wmo_clienten_per_1000,Totaal,61,per 1 000 inwoners,voorlopig
GM0397,2025H1,wmo_clienten_per_1000,Hulp bij het huishouden,34,per 1 000 inwoners,voorlopig
GM0397,2025H1,wmo_clienten_per_1000,"Verblijf en opvang, totaal",,per 1 000 inwoners,onbekend
"""


def test_wmo_clienten_exact_tidy_file(data_dir: Path) -> None:
    opener = Recorded()
    assert run(data_dir, ["wmo_clienten"], ["GM0397"], opener) == ["cbs_wmo_clienten"]
    new = data_dir / "cbs_wmo_clienten_20261101.csv"
    assert new.read_text(encoding="utf-8") == WMO_GM0397


def test_suppressed_cell_is_empty_with_status_onbekend_never_zero(data_dir: Path) -> None:
    run(data_dir, ["wmo_clienten", "wmo_uitgaven"], ["GM0397"], Recorded())
    wmo = read_csv(data_dir / "cbs_wmo_clienten_20261101.csv")
    vo = [r for r in wmo if r["type_voorziening"] == "Verblijf en opvang, totaal"]
    assert [(r["waarde"], r["status"]) for r in vo] == [("", "onbekend"), ("", "onbekend")]
    assert all(r["waarde"] != "0" for r in wmo)
    uitg = {
        r["indicator"]: (r["waarde"], r["status"])
        for r in read_csv(data_dir / "cbs_wmo_uitgaven_20261101.csv")
    }
    assert uitg == {
        "begroot": ("7350", "voorlopig"),
        "begroot_per_1000": ("264.2", "voorlopig"),
        "gerealiseerd": ("", "onbekend"),
        "gerealiseerd_per_1000": ("", "onbekend"),
    }


def test_provisional_status_from_period(data_dir: Path) -> None:
    run(data_dir, ["wmo_clienten"], ["NL01"], Recorded())
    rows = read_csv(data_dir / "cbs_wmo_clienten_20261101.csv")
    assert [
        (r["periode"], r["indicator"], r["type_voorziening"], r["waarde"], r["status"])
        for r in rows
    ] == [
        ("2024", "wmo_clienten", "Totaal", "1284680", "nader voorlopig"),
        ("2024", "wmo_clienten", "Hulp bij het huishouden", "556180", "nader voorlopig"),
        ("2024", "wmo_clienten_per_1000", "Totaal", "72", "nader voorlopig"),
        ("2024", "wmo_clienten_per_1000", "Hulp bij het huishouden", "31", "nader voorlopig"),
    ]


def test_paging_follows_next_link(data_dir: Path) -> None:
    opener = Recorded()
    run(data_dir, ["wmo_clienten"], REGIONS, opener)
    data_urls = opener.data_urls()
    assert len(data_urls) == 2
    assert data_urls[1].endswith("TypedDataSet?$format=json&$skiptoken=6")
    rows = read_csv(data_dir / "cbs_wmo_clienten_20261101.csv")
    # rows of page 1 (GM0392) and page 2 (NL01, GM0397 2025H1) are both there, in region order
    assert list(dict.fromkeys(r["gemeente_code"] for r in rows)) == REGIONS
    assert len(rows) == 14 + 4 + 4
    assert ("GM0397", "2025H1") in {(r["gemeente_code"], r["periode"]) for r in rows}


def test_filters_server_side(data_dir: Path) -> None:
    opener = Recorded()
    run(data_dir, ["wmo_clienten", "bevolking_leeftijd"], ["GM0397", "NL01"], opener)
    wmo, bev = opener.data_urls()[0], opener.data_urls()[-1]
    assert "$filter=(startswith(RegioS,'GM0397') or startswith(RegioS,'NL01'))" in wmo
    assert "(substringof('JJ',Perioden) or substringof('HJ',Perioden))" in wmo
    assert "TypeMaatwerkvoorziening eq 'A050101'" in wmo  # Hulp bij het huishouden
    assert "'A050103'" not in wmo  # Begeleiding is not in the registry
    # first_year=2015: 2014 is not requested; the fixed 'Totaal burgerlijke staat' is
    assert "(startswith(Perioden,'2024') or startswith(Perioden,'2025'))" in bev
    assert "2014" not in bev
    assert "(BurgerlijkeStaat eq 'T001019')" in bev


def test_only_requested_regions_are_written(data_dir: Path) -> None:
    # the recorded page also holds GM0392 rows; asking for two regions must drop them
    run(data_dir, ["wmo_clienten"], ["NL01", "GM0397"], Recorded())
    rows = read_csv(data_dir / "cbs_wmo_clienten_20261101.csv")
    assert list(dict.fromkeys(r["gemeente_code"] for r in rows)) == ["NL01", "GM0397"]


def test_population_labels_and_fixed_dimension(data_dir: Path) -> None:
    run(data_dir, ["bevolking_leeftijd"], ["GM0397", "NL01"], Recorded())
    text = (data_dir / "cbs_bevolking_leeftijd_20261101.csv").read_text(encoding="utf-8")
    assert text == (
        "gemeente_code,periode,geslacht,leeftijd,waarde,eenheid,status\n"
        "GM0397,2025,totaal,Totaal leeftijd,27930,personen,definitief\n"
        "GM0397,2025,totaal,65 tot 70 jaar,1525,personen,definitief\n"
        "GM0397,2025,mannen,Totaal leeftijd,13210,personen,definitief\n"
        "GM0397,2025,vrouwen,Totaal leeftijd,14720,personen,definitief\n"
        "NL01,2025,totaal,Totaal leeftijd,18044027,personen,definitief\n"
    )


def with_series(**changed: Any) -> Any:
    """The registry with some series replaced."""
    return replace(REGISTRY, series={**REGISTRY.series, **changed})


def test_exact_title_wins_over_prefix(data_dir: Path) -> None:
    # 71486ned has 'Meerpersoonshuishouden' and 'Meerpersoonshuishouden zonder kinderen'
    series = SERIES["huishoudens"]
    extra = Measure("Meerpersoonshuishouden", "meerpersoonshuishoudens", "huishoudens")
    registry = with_series(huishoudens=replace(series, measures=(*series.measures, extra)))
    run(data_dir, ["huishoudens"], ["GM0397"], Recorded(), registry)
    rows = read_csv(data_dir / "cbs_huishoudens_20261101.csv")
    got = {(r["indicator"], r["leeftijd_referentiepersoon"]): r["waarde"] for r in rows}
    assert got[("meerpersoonshuishoudens", "Totaal")] == "8310"


def test_household_age_bands(data_dir: Path) -> None:
    run(data_dir, ["huishoudens"], ["GM0397"], Recorded())
    rows = read_csv(data_dir / "cbs_huishoudens_20261101.csv")
    got = {(r["indicator"], r["leeftijd_referentiepersoon"]): r["waarde"] for r in rows}
    assert [a for i, a in got if i == "huishoudens_totaal"] == [
        "Totaal",
        "65 tot 70 jaar",
        "70 tot 75 jaar",
        "75 tot 80 jaar",
        "80 tot 85 jaar",
        "85 tot 90 jaar",
        "90 tot 95 jaar",
        "95 jaar of ouder",
    ]
    assert got[("eenpersoonshuishoudens", "85 tot 90 jaar")] == "300"
    # '75 jaar of ouder' exists in the table but is not asked for (the five-year bands are)
    assert ("huishoudens_totaal", "75 jaar of ouder") not in got


def test_geo_dimension_found_by_type_not_name(data_dir: Path) -> None:
    opener = Recorded()
    run(data_dir, ["bevolkingsprognose"], ["GM0397"], opener)
    assert "startswith(RegioIndeling2021,'GM0397')" in opener.data_urls()[0]
    rows = read_csv(data_dir / "cbs_bevolkingsprognose_20261101.csv")
    assert [(r["variant"], r["leeftijd"], r["waarde"], r["eenheid"]) for r in rows] == [
        ("prognose", "85 jaar of ouder", "1.6", "1 000 personen"),
        ("ondergrens", "85 jaar of ouder", "1.4", "1 000 personen"),
        ("bovengrens", "85 jaar of ouder", "1.9", "1 000 personen"),
    ]


def test_measure_keys_are_discovered_not_hard_coded(data_dir: Path) -> None:
    """CBS renumbers topic suffixes between table versions: the output must not change."""

    def renumber_props(doc: dict) -> dict:
        for p in doc["value"]:
            p["Key"] = p["Key"].replace("_5", "_17").replace("_6", "_18")
        return doc

    def renumber_rows(doc: dict) -> dict:
        doc["value"] = [
            {k.replace("_5", "_17").replace("_6", "_18"): v for k, v in r.items()}
            for r in doc["value"]
        ]
        return doc

    opener = Recorded(
        {
            ("86050NED", "DataProperties"): renumber_props,
            ("86050NED", "TypedDataSet"): renumber_rows,
            ("86050NED", "TypedDataSet_skiptoken_6"): renumber_rows,
        }
    )
    run(data_dir, ["wmo_clienten"], ["GM0397"], opener)
    assert (data_dir / "cbs_wmo_clienten_20261101.csv").read_text(encoding="utf-8") == WMO_GM0397


def test_all_series_fetch(data_dir: Path) -> None:
    written = run(data_dir, None, REGIONS, Recorded())
    assert written == ["cbs_" + name for name in SERIES]
    manifest = load_manifest(data_dir)
    for name in SERIES:
        path = data_dir / manifest["cbs_" + name]["file"]
        with open(path, encoding="utf-8") as fh:
            assert next(csv.reader(fh)) == SERIES[name].columns
        assert manifest["cbs_" + name]["source"]["table_id"] == SERIES[name].table_id


# ------------------------------------------------------------------------------------------
# Manifest and snapshots
# ------------------------------------------------------------------------------------------
def test_manifest_updated_and_old_snapshot_kept(data_dir: Path) -> None:
    before = snapshot(data_dir)
    run(data_dir, ["wmo_clienten"], ["GM0397"], Recorded())
    manifest = load_manifest(data_dir)
    entry = manifest["cbs_wmo_clienten"]
    new = data_dir / "cbs_wmo_clienten_20261101.csv"
    assert entry["file"] == "cbs_wmo_clienten_20261101.csv"
    assert entry["sha256"] == sha256_file(new)
    assert entry["retrieved"] == TODAY
    assert entry["licence"] == "CC-BY-4.0" and "CBS" in entry["licence_toelichting"]  # SPDX
    assert entry["synthetic"] is False
    assert entry["supplier"] == "publiek"
    assert entry["source"] == {
        "organisation": "CBS",
        "url": "https://opendata.cbs.nl/ODataFeed/odata/86050NED/",
        "table_id": "86050NED",
        "document": None,
    }
    assert "2025-10-31" in entry["description"]  # TableInfos.Modified
    assert list(entry["schema"]["columns"]) == next(csv.reader(new.open(encoding="utf-8")))
    # the earlier snapshot and the unrelated entry are untouched
    after = snapshot(data_dir)
    assert after["cbs_wmo_clienten_20250101.csv"] == before["cbs_wmo_clienten_20250101.csv"]
    assert after["elders.csv"] == before["elders.csv"]
    assert manifest["elders"]["title"] == "Iets anders"
    raw = (data_dir / "manifest.yml").read_text(encoding="utf-8")
    assert "&id" not in raw and "retrieved: 2026-11-01" in raw
    assert not [p for p in data_dir.iterdir() if p.name.startswith(".")]


def test_second_fetch_same_day_writes_another_file(data_dir: Path) -> None:
    run(data_dir, ["wmo_clienten"], ["GM0397"], Recorded())
    first = sha256_file(data_dir / "cbs_wmo_clienten_20261101.csv")
    run(data_dir, ["wmo_clienten"], ["NL01"], Recorded())
    assert sha256_file(data_dir / "cbs_wmo_clienten_20261101.csv") == first
    assert load_manifest(data_dir)["cbs_wmo_clienten"]["file"] == "cbs_wmo_clienten_20261101_2.csv"


def test_fetch_into_folder_without_manifest(tmp_path: Path) -> None:
    run(tmp_path, ["woningvoorraad"], ["GM0397"], Recorded())
    doc = yaml.safe_load((tmp_path / "manifest.yml").read_text(encoding="utf-8"))
    assert list(doc["datasets"]) == ["cbs_woningvoorraad"]
    rows = read_csv(tmp_path / "cbs_woningvoorraad_20261101.csv")
    assert [(r["indicator"], r["waarde"]) for r in rows] == [
        ("totaal", "12700"),
        ("koop", "8230"),
        ("corporatie", "2560"),
        ("overige_verhuur", "1860"),
    ]


# ------------------------------------------------------------------------------------------
# Errors: a FetchError with a helpful Dutch message, and data/ unchanged
# ------------------------------------------------------------------------------------------
def _rename_title(old: str, new: str) -> Callable[[dict], dict]:
    def f(doc: dict) -> dict:
        for item in doc["value"]:
            if item.get("Title") == old:
                item["Title"] = new
        return doc

    return f


def _drop_title(title: str) -> Callable[[dict], dict]:
    def f(doc: dict) -> dict:
        doc["value"] = [m for m in doc["value"] if m.get("Title") != title]
        return doc

    return f


ODATA_ERROR = json.dumps(
    {"odata.error": {"code": "", "message": {"lang": "nl-NL", "value": "Interne fout"}}}
).encode()

ERROR_CASES = {
    "geen netwerk": (
        {("86050NED", "TableInfos"): URLError("[Errno -3] Temporary failure in name resolution")},
        ["geen verbinding met CBS", "Temporary failure in name resolution", "86050NED"],
    ),
    "time-out": (
        {("86050NED", "DataProperties"): TimeoutError("timed out")},
        ["CBS reageerde niet binnen 30 seconden", "86050NED (DataProperties)"],
    ),
    "time-out via URLError": (
        {("86050NED", "TableInfos"): URLError(TimeoutError("timed out"))},
        ["CBS reageerde niet binnen 30 seconden"],
    ),
    "HTTP 500": (
        {("86050NED", "TypedDataSet"): [http_error(500, ODATA_ERROR) for _ in range(4)]},
        ["HTTP-fout 500", "tabel 86050NED (TypedDataSet)", "Interne fout"],
    ),
    "HTTP 500 op tweede pagina": (
        {("86050NED", "TypedDataSet_skiptoken_6"): http_error(503)},
        ["HTTP-fout 503", "86050NED"],
    ),
    "lege TableInfos": (
        {("86050NED", "TableInfos"): {"odata.metadata": "x", "value": []}},
        ["tabel 86050NED is onbekend bij CBS", "TableInfos is leeg"],
    ),
    "onderwerp hernoemd": (
        {
            ("86050NED", "DataProperties"): _rename_title(
                "Wmo-cliënten per 1 000 inwoners", "Wmo-cliënten per 10 000 inwoners"
            )
        },
        [
            "tabel 86050NED is gewijzigd",
            "onderwerp 'Wmo-cliënten per 1 000 inwoners' niet gevonden",
            "'Wmo-cliënten per 10 000 inwoners'",
        ],
    ),
    "dimensie hernoemd": (
        {
            ("86050NED", "DataProperties"): _rename_title(
                "Type maatwerkvoorziening", "Soort voorziening"
            )
        },
        ["dimensie 'Type maatwerkvoorziening' niet gevonden", "'Soort voorziening'"],
    ),
    "categorie verdwenen": (
        {("86050NED", "TypeMaatwerkvoorziening"): _drop_title("Hulp bij het huishouden")},
        [
            "categorie van dimensie 'Type maatwerkvoorziening' 'Hulp bij het huishouden' "
            "niet gevonden",
            "'Begeleiding'",
        ],
    ),
    "geen JSON": (
        {("86050NED", "DataProperties"): b"<html>Onderhoud</html>"},
        ["onverwacht antwoord van CBS", "DataProperties", "geen geldige JSON"],
    ),
    "JSON zonder value": (
        {("86050NED", "Perioden"): {"error": "x"}},
        ["onverwacht antwoord van CBS", "lijst 'value'", "'error'"],
    ),
    "tekst in plaats van getal": (
        {
            ("86050NED", "TypedDataSet_skiptoken_6"): lambda d: {
                **d,
                "value": [{**d["value"][0], "WmoClienten_5": "       ."}],
            }
        },
        ["kolom WmoClienten_5 bevat '       .'", "verwacht een getal of null"],
    ),
    "fout in tweede reeks": (
        {("84580NED", "TypedDataSet"): http_error(500)},
        ["HTTP-fout 500", "84580NED"],
    ),
}


@pytest.mark.parametrize("case", list(ERROR_CASES))
def test_errors_leave_data_unchanged(data_dir: Path, case: str) -> None:
    overrides, fragments = ERROR_CASES[case]
    before = snapshot(data_dir)
    with pytest.raises(FetchError) as info:
        run(data_dir, ["wmo_clienten", "wmo_uitgaven"], REGIONS, Recorded(overrides))
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message
    assert snapshot(data_dir) == before


def test_unknown_table_404(data_dir: Path) -> None:
    registry = with_series(wmo_clienten=replace(SERIES["wmo_clienten"], table_id="99999NED"))
    before = snapshot(data_dir)
    opener = Recorded()
    with pytest.raises(FetchError, match=r"tabel 99999NED is onbekend bij CBS \(HTTP 404\)"):
        run(data_dir, ["wmo_clienten"], REGIONS, opener, registry)
    assert len(opener.urls) == 1  # a 404 is not retried
    assert snapshot(data_dir) == before


def test_failure_while_moving_files_rolls_back(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_save(*args: Any, **kwargs: Any) -> None:
        raise OSError("schijf vol")

    monkeypatch.setattr(cbs, "save_manifest", broken_save)
    before = snapshot(data_dir)
    with pytest.raises(FetchError, match="schijf vol.*niets gewijzigd"):
        run(data_dir, ["wmo_clienten", "huishoudens"], REGIONS, Recorded())
    assert snapshot(data_dir) == before


def test_no_rows_for_regions(data_dir: Path) -> None:
    before = snapshot(data_dir)
    with pytest.raises(FetchError, match="gaf geen gegevens voor regio"):
        run(data_dir, ["woningvoorraad"], ["GM0473"], Recorded())
    assert snapshot(data_dir) == before


@pytest.mark.parametrize(
    ("names", "regions", "message"),
    [
        (["wmo"], ["GM0397"], "onbekende reeks"),
        (["wmo_clienten"], [], "geen regio's"),
        (["wmo_clienten"], ["GM0397') or (1 eq 1"], "ongeldige regiocode"),
        (["wmo_clienten"], ["Heemstede"], "ongeldige regiocode"),
    ],
)
def test_bad_requests_fail_before_any_download(
    data_dir: Path, names: list[str], regions: list[str], message: str
) -> None:
    opener = Recorded()
    with pytest.raises(FetchError, match=message):
        run(data_dir, names, regions, opener)
    assert opener.urls == []


# ------------------------------------------------------------------------------------------
# Retries: time-outs, HTTP 429 and 5xx with backoff; never 4xx; nothing written on failure
# ------------------------------------------------------------------------------------------
TIMEOUT = TimeoutError("timed out")


def test_time_outs_are_retried_with_exponential_backoff(data_dir: Path) -> None:
    waits: list[float] = []
    opener = Recorded({("86050NED", "DataProperties"): [TIMEOUT, TIMEOUT, TIMEOUT, None]})
    run(data_dir, ["wmo_clienten"], ["GM0397"], opener, waits=waits)
    assert waits == [2.0, 4.0, 8.0]  # RetryPolicy(): 2 s, doubling
    assert sum("DataProperties" in u for u in opener.urls) == 4
    rows = (data_dir / "cbs_wmo_clienten_20261101.csv").read_text(encoding="utf-8")
    assert rows == WMO_GM0397  # the same file as without the time-outs


def test_server_errors_are_retried_then_reported(data_dir: Path) -> None:
    waits: list[float] = []
    before = snapshot(data_dir)
    opener = Recorded({("86050NED", "TypedDataSet"): [http_error(502), http_error(503)]})
    with pytest.raises(FetchError) as info:
        run(data_dir, ["wmo_clienten"], ["GM0397"], opener, attempts=3, waits=waits)
    assert "HTTP-fout 503" in str(info.value) and "(3 pogingen)" in str(info.value)
    assert sum("/TypedDataSet" in u for u in opener.urls) == 3
    assert waits == [2.0, 4.0]
    assert snapshot(data_dir) == before


def test_429_honours_retry_after(data_dir: Path) -> None:
    waits: list[float] = []
    busy = http_error(429, headers={"Retry-After": "7"})
    opener = Recorded({("86050NED", "TableInfos"): [busy, None]})
    run(data_dir, ["wmo_clienten"], ["GM0397"], opener, waits=waits)
    assert waits == [7.0]


def test_429_with_a_date_and_a_too_long_wait(data_dir: Path) -> None:
    waits: list[float] = []
    # the fake clock is at 0 (1 January 1970 00:00:00 UTC): this date is 30 s later
    soon = http_error(429, headers={"Retry-After": "Thu, 01 Jan 1970 00:00:30 GMT"})
    run(data_dir, ["wmo_clienten"], ["GM0397"], Recorded({("86050NED", "TableInfos"): [soon, None]}),
        waits=waits)  # fmt: skip
    assert waits == [30.0]
    later = http_error(429, headers={"Retry-After": "3600"})
    with pytest.raises(FetchError, match="CBS vraagt 3600 seconden te wachten"):
        run(data_dir, ["wmo_clienten"], ["GM0397"],
            Recorded({("86050NED", "TableInfos"): later}), waits=waits)  # fmt: skip
    assert waits == [30.0]  # did not wait an hour


@pytest.mark.parametrize("code", [400, 401, 403, 404, 410])
def test_client_errors_are_not_retried(data_dir: Path, code: int) -> None:
    waits: list[float] = []
    opener = Recorded({("86050NED", "DataProperties"): http_error(code)})
    with pytest.raises(FetchError, match=f"HTTP-fout {code}"):
        run(data_dir, ["wmo_clienten"], ["GM0397"], opener, waits=waits)
    assert sum("DataProperties" in u for u in opener.urls) == 1 and waits == []


def test_unknown_host_is_not_retried(data_dir: Path) -> None:
    waits: list[float] = []
    opener = Recorded({("86050NED", "TableInfos"): URLError("Name or service not known")})
    with pytest.raises(FetchError, match="geen verbinding met CBS"):
        run(data_dir, ["wmo_clienten"], ["GM0397"], opener, waits=waits)
    assert len(opener.urls) == 1 and waits == []


# ------------------------------------------------------------------------------------------
# Progress: one line per table and per page, as it happens
# ------------------------------------------------------------------------------------------
def test_progress_lines_per_table_and_page_as_it_goes(data_dir: Path) -> None:
    events: list[str] = []
    opener = Recorded({("86050NED", "TypedDataSet"): [http_error(503), None]})
    opener.log = events
    run(data_dir, ["wmo_clienten", "woningvoorraad"], REGIONS, opener, say=events.append)
    said = [e for e in events if not e.startswith("GET")]
    assert said == [
        "[1/2] CBS-tabel 86050NED (wmo_clienten) ophalen",
        "  tabel 86050NED (TypedDataSet): CBS gaf HTTP-fout 503; nieuwe poging 2 van 4 over 2 s",
        "  86050NED: pagina 1 ontvangen (6 records, samen 6)",
        "  86050NED: pagina 2 ontvangen (5 records, samen 11)",
        "  86050NED: klaar, 22 rij(en) voor cbs_wmo_clienten",  # 11 records × 2 measures
        "[2/2] CBS-tabel 82900NED (woningvoorraad) ophalen",
        "  82900NED: pagina 1 ontvangen (1 record, samen 1)",
        "  82900NED: klaar, 4 rij(en) voor cbs_woningvoorraad",  # 1 record × 4 measures
    ]
    # as it goes: page 1 is reported before page 2 is requested
    page1 = events.index("  86050NED: pagina 1 ontvangen (6 records, samen 6)")
    assert events.index("GET 86050NED/TypedDataSet_skiptoken_6") > page1


# ------------------------------------------------------------------------------------------
# The registry is a data file
# ------------------------------------------------------------------------------------------
def test_registry_file_drives_the_request(data_dir: Path, tmp_path: Path) -> None:
    doc = yaml.safe_load(REGISTRY.path.read_text(encoding="utf-8"))
    doc["lists"]["wmo_types"] = ["Totaal", "Hulp bij het huishouden"]
    edited = tmp_path / "cbs_reeksen.yml"
    edited.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    registry = load_registry(edited)
    assert registry.series["wmo_clienten"].dimensions[0].categories == (
        "Totaal",
        "Hulp bij het huishouden",
    )
    opener = Recorded()
    run(data_dir, ["wmo_clienten"], ["GM0397"], opener, registry)
    assert (
        "(TypeMaatwerkvoorziening eq 'T001027' or TypeMaatwerkvoorziening eq 'A050101')"
        in (opener.data_urls()[0])
    )
    rows = read_csv(data_dir / "cbs_wmo_clienten_20261101.csv")
    assert {r["type_voorziening"] for r in rows} == {"Totaal", "Hulp bij het huishouden"}


REGISTRY_ERRORS = {
    "onbekend veld": (
        lambda d: d["series"]["wmo_clienten"].update(first_jaar=2015),
        "veld 'series.wmo_clienten': onbekend(e) veld(en): first_jaar",
    ),
    "ontbrekend veld": (
        lambda d: d["series"]["woningvoorraad"]["measures"][1].pop("indicator"),
        "veld 'series.woningvoorraad.measures[1]': ontbrekend(e) veld(en): indicator",
    ),
    "tabelnummer": (
        lambda d: d["series"]["huishoudens"].update(table_id="71486"),
        "veld 'series.huishoudens.table_id': geen CBS-tabelnummer: '71486'",
    ),
    "onbekende lijst": (
        lambda d: d["series"]["wmo_clienten"]["dimensions"][0].update(categories="wmo_typen"),
        "veld 'series.wmo_clienten.dimensions[0].categories': onbekende lijst 'wmo_typen'",
    ),
    "periodesoort": (
        lambda d: d["series"]["wmo_clienten"].update(period_types=["JJ", "SJ"]),
        "veld 'series.wmo_clienten.period_types': onbekend(e) soort(en) ['SJ']",
    ),
    "rapportdataset zonder reeks": (
        lambda d: d["report_datasets"]["wmo_clienten"].update(series=["wmo_clienten", "wmo"]),
        "veld 'report_datasets.wmo_clienten.series': onbekende reeks(en) ['wmo']",
    ),
    "label voor onbekende categorie": (
        lambda d: d["series"]["bevolking_leeftijd"]["dimensions"][0]["labels"].update(X="x"),
        "veld 'series.bevolking_leeftijd.dimensions[0].labels': label(s) voor onbekende",
    ),
}


@pytest.mark.parametrize("case", list(REGISTRY_ERRORS))
def test_registry_errors_name_file_and_field(tmp_path: Path, case: str) -> None:
    edit, message = REGISTRY_ERRORS[case]
    doc = yaml.safe_load(REGISTRY.path.read_text(encoding="utf-8"))
    edit(doc)
    path = tmp_path / "cbs_reeksen.yml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_registry(path)
    assert str(info.value).startswith(f"{path}: ")
    assert message in str(info.value)


def test_missing_registry(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="het register van CBS-reeksen ontbreekt"):
        load_registry(tmp_path / "geen.yml")


def test_registry_matches_what_the_code_had() -> None:
    """The values moved out of the code, checked against the tables' known ids and shapes."""
    assert {n: s.table_id for n, s in SERIES.items()} == {
        "bevolking_leeftijd": "03759ned",
        "huishoudens": "71486ned",
        "wmo_clienten": "86050NED",
        "wmo_clienten_leeftijd": "85896NED",
        "wmo_uitgaven": "84580NED",
        "woningvoorraad": "82900NED",
        "bevolkingsprognose": "85173NED",
    }
    ages = SERIES["bevolking_leeftijd"].dimensions[1].categories
    assert len(ages) == 21 and ages[1] == "0 tot 5 jaar" and ages[-1] == "95 jaar of ouder"
    wmo_types = REGISTRY.lists["wmo_types"]
    assert SERIES["wmo_clienten"].dimensions[0].categories == wmo_types
    # the CBS titles are the report's type labels: the schema of wmo_clienten allows them all
    assert list(wmo_types) == schemas.vocabulary("wmo_type")


def test_every_status_is_in_the_schemas() -> None:
    assert set(STATUS_RANK) == set(schemas.vocabulary("cbs_status"))
    allowed = SERIES["wmo_clienten"].schema()["columns"]["status"]["allowed"]
    assert allowed == schemas.vocabulary("cbs_status")


def test_recorded_fixtures_have_the_odata_shape() -> None:
    for path in sorted(FIXTURES.glob("*/*.json")):
        doc = json.loads(path.read_text("utf-8"))
        assert doc["odata.metadata"].startswith("https://opendata.cbs.nl/"), path
        assert isinstance(doc["value"], list), path
    regio = recorded("86050NED", "RegioS")["value"]
    assert [r["Key"] for r in regio] == ["GM0397    ", "GM0392    ", "NL01      "]


# ------------------------------------------------------------------------------------------
# Command line: through the real `wmo-rapport` parser
# ------------------------------------------------------------------------------------------
FETCH_OPTIONS = {
    "--periode": "periode",
    "--params": "params",
    "--regio": "regio",
    "--reeks": "reeks",
    "--alleen-cbs": "alleen_cbs",
    "--data-dir": "data_dir",
    "--reeksen-bestand": "reeksen_bestand",
    "--lijst": "lijst",
    "--timeout": "timeout",
    "--pogingen": "pogingen",
    "--base-url": "base_url",
}


def test_fetch_help_lists_every_option_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["data", "fetch", "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for option in [*FETCH_OPTIONS, "-h, --help"]:
        assert option in out, option
    assert "deze hulptekst tonen en stoppen" in out
    assert "show this help message" not in out
    assert "wmo-rapport data fetch --periode 2025" in out  # the examples


def test_every_fetch_parameter_has_an_option() -> None:
    """Each knob of fetch() and Client() is reachable from `wmo-rapport data fetch`."""
    args = cli._parser().parse_args(["data", "fetch"])
    assert set(FETCH_OPTIONS.values()) <= set(vars(args))
    knobs = {"series_names": "reeks", "regions": "regio", "data_dir": "data_dir",
             "registry": "reeksen_bestand", "rapport": "alleen_cbs", "base_url": "base_url",
             "timeout": "timeout", "retry": "pogingen"}  # fmt: skip
    fetch_params = set(inspect.signature(cbs.fetch).parameters) - {"client", "today"}
    client_params = set(inspect.signature(Client).parameters) - {
        "transport",
        "sleep",
        "clock",
        "say",
    }  # test seams and progress, not options
    assert fetch_params | client_params == set(knobs)


def test_wmo_rapport_data_fetch_with_every_option(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    opener = Recorded()
    monkeypatch.setattr(cbs_client, "urllib_transport", opener)
    code = cli.main(
        ["data", "fetch", "--regio", "GM0397", "--regio", "NL01", "--reeks", "wmo_clienten",
         "--alleen-cbs", "--data-dir", str(data_dir), "--timeout", "12.5", "--pogingen", "2",
         "--base-url", "https://spiegel.example/odata/",
         "--reeksen-bestand", str(REGISTRY.path)]
    )  # fmt: skip
    assert code == 0
    assert set(opener.timeouts) == {12.5}
    # every request goes to the given address; a next page is where CBS's nextLink points
    first = [u for u in opener.urls if "skiptoken" not in u]
    assert first and all(u.startswith("https://spiegel.example/odata/86050NED/") for u in first)
    manifest = load_manifest(data_dir)
    assert (
        manifest["cbs_wmo_clienten"]["source"]["url"] == "https://spiegel.example/odata/86050NED/"
    )
    assert "wmo_clienten" not in manifest  # --alleen-cbs: no report dataset
    out, err = capsys.readouterr()
    assert out.startswith("CBS-tabel opgehaald: cbs_wmo_clienten (86050NED) → ")
    assert "[1/1] CBS-tabel 86050NED (wmo_clienten) ophalen" in err  # progress on stderr
    assert "pagina 2 ontvangen" in err and "ophalen" not in out


def test_wmo_rapport_data_fetch_gives_up_after_the_attempts(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(data_dir)
    busy = http_error(503, headers={"Retry-After": "0"})  # no real waiting in the test
    opener = Recorded({("86050NED", "TypedDataSet"): busy})
    monkeypatch.setattr(cbs_client, "urllib_transport", opener)
    code = cli.main(["data", "fetch", "--regio", "GM0397", "--reeks", "wmo_clienten",
                     "--data-dir", str(data_dir), "--pogingen", "2"])  # fmt: skip
    assert code == FetchError.exit_code
    err = capsys.readouterr().err
    assert "FOUT: CBS gaf HTTP-fout 503" in err and "(2 pogingen)" in err
    assert sum("/TypedDataSet" in u for u in opener.urls) == 2
    assert snapshot(data_dir) == before


def test_wmo_rapport_data_fetch_regions_from_the_period(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opener = Recorded()
    monkeypatch.setattr(cbs_client, "urllib_transport", opener)
    code = cli.main(["data", "fetch", "--periode", "2025", "--reeks", "woningvoorraad",
                     "--alleen-cbs", "--data-dir", str(data_dir)])  # fmt: skip
    assert code == 0
    # params/2025.yml: the municipality, its comparison municipalities and Nederland
    assert (
        "(startswith(RegioS,'GM0397') or startswith(RegioS,'GM0392') or "
        "startswith(RegioS,'GM0377') or startswith(RegioS,'NL01'))"
    ) in opener.data_urls()[0]


def test_wmo_rapport_data_fetch_regions_from_a_params_file(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    params = tmp_path / "2025.yml"
    params.write_bytes((ROOT / "params" / "2025.yml").read_bytes())
    text = (ROOT / "params" / "gemeente.yml").read_text(encoding="utf-8")  # the base next to it
    (tmp_path / "gemeente.yml").write_text(
        text.replace("    - {code: GM0377, naam: Bloemendaal}\n", ""), encoding="utf-8"
    )
    opener = Recorded()
    monkeypatch.setattr(cbs_client, "urllib_transport", opener)
    code = cli.main(["data", "fetch", "--params", str(params), "--reeks", "wmo_clienten",
                     "--alleen-cbs", "--data-dir", str(data_dir)])  # fmt: skip
    assert code == 0
    rows = read_csv(data_dir / load_manifest(data_dir)["cbs_wmo_clienten"]["file"])
    assert list(dict.fromkeys(r["gemeente_code"] for r in rows)) == REGIONS


def test_wmo_rapport_data_fetch_needs_regions(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["data", "fetch", "--data-dir", str(data_dir)]) == FetchError.exit_code
    err = capsys.readouterr().err
    assert "geef de regio's met --periode 2025" in err and "--regio" in err


def test_wmo_rapport_data_fetch_lijst(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    opener = Recorded()
    monkeypatch.setattr(cbs_client, "urllib_transport", opener)
    assert cli.main(["data", "fetch", "--lijst"]) == 0
    out = capsys.readouterr().out
    assert "  wmo_clienten             86050NED  Wmo-cliënten per type maatwerkvoorziening" in out
    assert "  wmo_clienten             uit wmo_clienten, wmo_clienten_leeftijd" in out
    assert opener.urls == []


@pytest.mark.parametrize("bad", ["0", "-1", "twee"])
def test_pogingen_must_be_positive(bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli._parser().parse_args(["data", "fetch", "--pogingen", bad])
    assert "verwacht een geheel getal ≥ 1" in capsys.readouterr().err


# ------------------------------------------------------------------------------------------
# A CBS "." is stored as CBS means it: unknown, not reliable enough or secret
# ------------------------------------------------------------------------------------------
def test_shipped_data_labels_a_cbs_dot_onbekend() -> None:
    data = ROOT / "data"
    for path in sorted(data.glob("*.csv")):
        rows = read_csv(path)
        if rows and "status" in rows[0]:
            assert "geheim" not in {r["status"] for r in rows}, path.name
    publiek = read_csv(data / "publieke_cijfers.csv")
    dots = [r for r in publiek if r["waarde_tekst"].strip() == "."]
    assert len(dots) == 2  # a wijk in 2023 and Nederland in the provisional 1e halfjaar 2025*
    assert {(r["waarde"], r["status"]) for r in dots} == {("", "onbekend")}
    for entry in load_manifest(data).values():
        allowed = entry["schema"]["columns"].get("status", {}).get("allowed", [])
        assert "geheim" not in allowed
