"""Offline tests of the CBS OData fetcher against the recorded responses in fixtures/cbs/."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml

from analysis.config.manifest import load_manifest, save_manifest, sha256_file
from analysis.core.errors import FetchError
from analysis.data.sources.cbs import fetch as cbs

FIXTURES = Path(__file__).parent / "fixtures" / "cbs"
TODAY = dt.date(2026, 11, 1)
REGIONS = ["GM0397", "GM0392", "NL01"]


class Recorded:
    """A transport serving ``fixtures/cbs/<table>/<resource>.json``; unknown paths give 404.

    ``overrides[(table, resource)]`` replaces a response: a dict (served as JSON), bytes, an
    exception to raise, or a function ``dict -> dict`` applied to the recorded JSON.
    """

    def __init__(self, overrides: dict[tuple[str, str], Any] | None = None) -> None:
        self.overrides = overrides or {}
        self.urls: list[str] = []

    def __call__(self, url: str, timeout: float) -> bytes:
        self.urls.append(url)
        parts = urlsplit(url)
        table, resource = parts.path.rstrip("/").split("/")[-2:]
        query = parse_qs(parts.query)
        name = resource
        if "$skiptoken" in query:
            name += f"_skiptoken_{query['$skiptoken'][0]}"
        path = FIXTURES / table / f"{name}.json"
        override = self.overrides.get((table, name))
        if isinstance(override, BaseException):
            raise override
        if isinstance(override, bytes):
            return override
        if isinstance(override, dict):
            return json.dumps(override).encode()
        if not path.is_file():
            raise HTTPError(url, 404, "Not Found", {}, io.BytesIO(b""))  # type: ignore[arg-type]
        if callable(override):
            return json.dumps(override(json.loads(path.read_text("utf-8")))).encode()
        return path.read_bytes()

    def data_urls(self) -> list[str]:
        return [unquote(u) for u in self.urls if "/TypedDataSet" in u]


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
    entry = cbs.manifest_entry(
        cbs.SERIES["wmo_clienten"], old.name, sha256_file(old), dt.date(2025, 1, 1)
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


def run(data_dir: Path, names: list[str] | None, regions: list[str], opener: Recorded) -> list[str]:
    """Fetch the CBS tables only (the conversion to report datasets: test_cbsreport.py)."""
    return cbs.fetch(names, regions, data_dir, opener=opener, today=TODAY, rapport=False)


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
    assert cbs.normalise_period(key) == expected


@pytest.mark.parametrize("key", ["2024SJ00", "2024HJ03", "2024KW05", "2024MM13", "2024JJ01", "x"])
def test_normalise_period_rejects_unknown_codes(key: str) -> None:
    with pytest.raises(FetchError, match="onbekende CBS-periodecode"):
        cbs.normalise_period(key)


def test_period_status() -> None:
    assert cbs.period_status("Definitief", "2023") == "definitief"
    assert cbs.period_status("Voorlopig", "2024*") == "voorlopig"
    assert cbs.period_status("Nader voorlopig", "2024**") == "nader voorlopig"
    assert cbs.period_status("", "1e halfjaar 2025*") == "voorlopig"
    assert cbs.period_status(None, "2024**") == "nader voorlopig"


def test_schema_matches_columns() -> None:
    s = cbs.SERIES["wmo_clienten"]
    schema = s.schema()
    assert list(schema["columns"]) == s.columns
    assert schema["key"] == ["gemeente_code", "periode", "indicator", "type_voorziening"]
    assert schema["columns"]["waarde"] == {"type": "getal", "nullable": True, "min": 0}
    assert schema["columns"]["status"]["allowed"] == [
        "definitief",
        "voorlopig",
        "nader voorlopig",
        "geheim",
    ]
    # one measure: no indicator column (as data/README.md's bevolking_leeftijd)
    assert cbs.SERIES["bevolking_leeftijd"].schema()["key"] == [
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
GM0397,2025H1,wmo_clienten,"Verblijf en opvang, totaal",,personen,geheim
GM0397,2025H1,wmo_clienten_per_1000,Totaal,61,per 1 000 inwoners,voorlopig
GM0397,2025H1,wmo_clienten_per_1000,Hulp bij het huishouden,34,per 1 000 inwoners,voorlopig
GM0397,2025H1,wmo_clienten_per_1000,"Verblijf en opvang, totaal",,per 1 000 inwoners,geheim
"""


def test_wmo_clienten_exact_tidy_file(data_dir: Path) -> None:
    opener = Recorded()
    assert run(data_dir, ["wmo_clienten"], ["GM0397"], opener) == ["cbs_wmo_clienten"]
    new = data_dir / "cbs_wmo_clienten_20261101.csv"
    assert new.read_text(encoding="utf-8") == WMO_GM0397


def test_suppressed_cell_is_empty_with_status_geheim_never_zero(data_dir: Path) -> None:
    run(data_dir, ["wmo_clienten", "wmo_uitgaven"], ["GM0397"], Recorded())
    wmo = read_csv(data_dir / "cbs_wmo_clienten_20261101.csv")
    vo = [r for r in wmo if r["type_voorziening"] == "Verblijf en opvang, totaal"]
    assert [(r["waarde"], r["status"]) for r in vo] == [("", "geheim"), ("", "geheim")]
    assert all(r["waarde"] != "0" for r in wmo)
    uitg = {
        r["indicator"]: (r["waarde"], r["status"])
        for r in read_csv(data_dir / "cbs_wmo_uitgaven_20261101.csv")
    }
    assert uitg == {
        "begroot": ("7350", "voorlopig"),
        "begroot_per_1000": ("264.2", "voorlopig"),
        "gerealiseerd": ("", "geheim"),
        "gerealiseerd_per_1000": ("", "geheim"),
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


def test_exact_title_wins_over_prefix(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 71486ned has 'Meerpersoonshuishouden' and 'Meerpersoonshuishouden zonder kinderen'
    series = cbs.SERIES["huishoudens"]
    extra = cbs.Measure("Meerpersoonshuishouden", "meerpersoonshuishoudens", "huishoudens")
    monkeypatch.setitem(
        cbs.SERIES, "huishoudens", replace(series, measures=(*series.measures, extra))
    )
    run(data_dir, ["huishoudens"], ["GM0397"], Recorded())
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
    assert written == ["cbs_" + name for name in cbs.SERIES]
    manifest = load_manifest(data_dir)
    for name in cbs.SERIES:
        path = data_dir / manifest["cbs_" + name]["file"]
        with open(path, encoding="utf-8") as fh:
            assert next(csv.reader(fh)) == cbs.SERIES[name].columns
        assert manifest["cbs_" + name]["source"]["table_id"] == cbs.SERIES[name].table_id


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
    assert entry["licence"] == "CC BY 4.0"
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
    cbs.fetch(
        ["woningvoorraad"], ["GM0397"], tmp_path, opener=Recorded(), today=TODAY, rapport=False
    )
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
def _http(code: int, body: bytes = b"") -> HTTPError:
    return HTTPError("https://opendata.cbs.nl/x", code, "Server Error", {}, io.BytesIO(body))  # type: ignore[arg-type]


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
        {("86050NED", "TypedDataSet"): _http(500, ODATA_ERROR)},
        ["HTTP-fout 500", "tabel 86050NED (TypedDataSet)", "Interne fout"],
    ),
    "HTTP 500 op tweede pagina": (
        {("86050NED", "TypedDataSet_skiptoken_6"): _http(503)},
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
        {("84580NED", "TypedDataSet"): _http(500)},
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


def test_unknown_table_404(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(
        cbs.SERIES, "wmo_clienten", replace(cbs.SERIES["wmo_clienten"], table_id="99999NED")
    )
    before = snapshot(data_dir)
    with pytest.raises(FetchError, match=r"tabel 99999NED is onbekend bij CBS \(HTTP 404\)"):
        run(data_dir, ["wmo_clienten"], REGIONS, Recorded())
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
# Command line
# ------------------------------------------------------------------------------------------
def test_run_fetch_with_regions_from_params(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    params = tmp_path / "2025.yml"
    params.write_text(
        "periode: 2025\ngemeente: {code: GM0397, naam: Heemstede}\n"
        "vergelijking:\n  gemeenten:\n    - {code: GM0392, naam: Haarlem}\n"
        "  land: {code: NL01, naam: Nederland}\n",
        encoding="utf-8",
    )
    parser = argparse.ArgumentParser()
    cbs.add_fetch_arguments(parser)
    args = parser.parse_args(
        [
            "--params",
            str(params),
            "--reeks",
            "wmo_clienten",
            "--data-dir",
            str(data_dir),
            "--alleen-cbs",
        ]
    )
    assert cbs.run_fetch(args, opener=Recorded(), today=TODAY) == 0
    rows = read_csv(data_dir / "cbs_wmo_clienten_20261101.csv")
    assert list(dict.fromkeys(r["gemeente_code"] for r in rows)) == REGIONS
    out = capsys.readouterr().out
    assert "CBS-tabel opgehaald: cbs_wmo_clienten (86050NED)" in out
    assert "rapportdataset" not in out


def test_run_fetch_needs_regions(data_dir: Path) -> None:
    args = argparse.Namespace(regio=None, reeks=None, params=None, data_dir=str(data_dir))
    with pytest.raises(FetchError, match="--regio"):
        cbs.run_fetch(args, opener=Recorded(), today=TODAY)


def test_recorded_fixtures_have_the_odata_shape() -> None:
    for path in sorted(FIXTURES.glob("*/*.json")):
        doc = json.loads(path.read_text("utf-8"))
        assert doc["odata.metadata"].startswith("https://opendata.cbs.nl/"), path
        assert isinstance(doc["value"], list), path
    regio = recorded("86050NED", "RegioS")["value"]
    assert [r["Key"] for r in regio] == ["GM0397    ", "GM0392    ", "NL01      "]
