import shutil
from pathlib import Path

import pytest
import yaml

from analysis.config.params import available_periods, load_params, params_path
from analysis.config.params_models import Privacy
from analysis.core.errors import ParamsError

ROOT = Path(__file__).resolve().parents[1]


def _project(tmp_path: Path, base: dict | None = None, period: dict | None = None) -> Path:
    """A params folder with the shipped base and 2025 files, optionally replaced; returns 2025.yml."""
    folder = tmp_path / "params"
    folder.mkdir()
    for name, doc in (("gemeente.yml", base), ("2025.yml", period)):
        if doc is None:
            shutil.copy(ROOT / "params" / name, folder / name)
        else:
            (folder / name).write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return folder / "2025.yml"


def _doc(name: str) -> dict:
    return yaml.safe_load((ROOT / "params" / name).read_text(encoding="utf-8"))


def _set(doc: dict, dotted: str, value: object) -> dict:
    node = doc
    *parents, last = dotted.split(".")
    for part in parents:
        node = node.setdefault(part, {})
    node[last] = value
    return doc


def test_shipped_params_load_and_list_regions():
    p = load_params(2025)
    assert p.periode == "2025" and p.periode.label == "2025"
    assert p.vorige_periode == "2024"
    assert p.data["vorige_periode"] == "2024"
    regions = p.regions()
    assert list(regions)[0] == p.gemeente_code
    assert regions["NL01"] == "Nederland"
    assert p.privacy.model_dump() == {"min_cel": 10, "afronding": 5, "min_n_percentage": 50}
    assert p.privacy["min_cel"] == 10 and p.land["code"] == "NL01"  # the older mapping access
    assert [f.name for f in p.bestanden] == ["gemeente.yml", "2025.yml"]
    assert {"2024", "2025"} <= set(available_periods())


def test_period_file_overrides_the_base(tmp_path):
    period = _doc("2025.yml")
    _set(period, "privacy.min_cel", 5)
    _set(period, "wmo.prognosejaren", [2035])
    p = load_params(path=_project(tmp_path, period=period))
    assert p.privacy.min_cel == 5 and p.privacy.afronding == 5  # merged field by field
    assert p.wmo.prognosejaren == [2035]  # a list replaces
    assert p.gemeente.code == "GM0397" and p.wmo.scenarios[0].groei == -0.01  # from the base


def test_defaults_live_in_the_models(tmp_path):
    base = _doc("gemeente.yml")
    for section in ("privacy", "sociale_basis", "agenda", "samenvatting", "wonen"):
        del base[section]
    p = load_params(path=_project(tmp_path, base=base))
    assert p.privacy == Privacy(min_cel=10, afronding=5, min_n_percentage=50)
    assert p.sociale_basis.afronding_schatting == 10
    assert p.agenda.norm_achter == 0 and p.samenvatting.inleiding == ""
    assert p.titel == "Wmo-monitor 2025"
    assert p.wmo.basisperiode == "2024"  # the year before the period
    assert p.get("wonen.vraag.doeljaren", []) == []  # an absent optional section: the default


def test_missing_field_in_base_names_base_file_and_field(tmp_path):
    base = _doc("gemeente.yml")
    del base["gemeente"]["code"]
    with pytest.raises(ParamsError) as err:
        load_params(path=_project(tmp_path, base=base))
    assert err.value.field == "gemeente.code"
    assert err.value.file.endswith("gemeente.yml")
    assert "verplicht veld ontbreekt" in str(err.value)


def test_missing_period_field_names_period_file(tmp_path):
    period = _doc("2025.yml")
    del period["editie"]
    with pytest.raises(ParamsError, match="verplicht veld ontbreekt") as err:
        load_params(path=_project(tmp_path, period=period))
    assert err.value.field == "editie" and err.value.file.endswith("2025.yml")


def test_unknown_field_in_base_is_refused(tmp_path):
    base = _set(_doc("gemeente.yml"), "gemeente.inwoners", 27000)
    with pytest.raises(ParamsError, match=r"veld 'gemeente.inwoners': onbekend veld") as err:
        load_params(path=_project(tmp_path, base=base))
    assert err.value.file.endswith("gemeente.yml")


def test_misspelled_field_in_period_file_names_it_and_lists_the_right_ones(tmp_path):
    period = _set(_doc("2025.yml"), "wonen.vraag.ratio", [])
    with pytest.raises(ParamsError) as err:
        load_params(path=_project(tmp_path, period=period))
    assert err.value.file.endswith("2025.yml")
    assert err.value.field == "wonen.vraag.ratio"
    assert "onbekend veld, bedoelt u 'ratios'? (toegestaan: doeljaren, ratios, toelichting)" in str(
        err.value
    )


def test_period_fields_are_refused_in_the_base(tmp_path):
    base = _set(_doc("gemeente.yml"), "editie", "1.0")
    with pytest.raises(ParamsError, match="hoort in het bestand van de periode") as err:
        load_params(path=_project(tmp_path, base=base))
    assert err.value.field == "editie" and err.value.file.endswith("gemeente.yml")


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("periode", "vijfentwintig", "jaartal"),
        ("editie", 3, "tekst"),
        ("editie", "eerste", "versienummer"),
        ("gemeente.code", "0397", "CBS-regiocode"),
        ("privacy.min_cel", True, "geheel getal"),
        ("privacy.min_cel", "10", "geheel getal"),
        ("wmo.basisperiode", "2024H1", "heel jaar"),
    ],
)
def test_wrong_type_names_field(tmp_path, field, value, expected):
    period = _set(_doc("2025.yml"), field, value)
    with pytest.raises(ParamsError, match=expected) as err:
        load_params(path=_project(tmp_path, period=period))
    assert err.value.field == field


def test_unknown_field_in_a_list_item_lists_that_items_fields(tmp_path):
    base = _doc("gemeente.yml")
    base["wmo"]["scenarios"][2]["grooi"] = 0.02
    with pytest.raises(ParamsError, match="bedoelt u 'groei'") as err:
        load_params(path=_project(tmp_path, base=base))
    assert err.value.field == "wmo.scenarios[2].grooi"
    assert "toegestaan: band, groei, naam, toelichting, variant" in str(err.value)


def test_wrong_type_in_a_list_names_the_item(tmp_path):
    base = _doc("gemeente.yml")
    base["vergelijking"]["gemeenten"][1]["code"] = "Bloemendaal"
    base["wmo"]["scenarios"][0]["band"] = "laagste"
    with pytest.raises(ParamsError, match="CBS-regiocode") as err:
        load_params(path=_project(tmp_path, base=base))
    assert err.value.field == "vergelijking.gemeenten[1].code"
    assert "en nog 1 andere fout" in str(err.value)


def test_housing_ratios_are_checked_when_loading(tmp_path):
    base = _doc("gemeente.yml")
    base["wonen"]["vraag"]["ratios"][1]["hoog"] = 40  # below midden 57
    with pytest.raises(
        ParamsError, match="verwacht 0 ≤ laag ≤ midden ≤ hoog, gevonden 29, 57, 40"
    ) as err:
        load_params(path=_project(tmp_path, base=base))
    assert err.value.field == "wonen.vraag.ratios[1]"
    p = load_params(2025)
    assert (p.wonen.vraag.ratios[0].basis, p.wonen.vraag.ratios[0].per) == ("75+", 1000)


def test_previous_period_must_lie_before(tmp_path):
    period = _set(_doc("2025.yml"), "vorige_periode", 2025)
    with pytest.raises(ParamsError, match="ligt niet vóór de periode 2025") as err:
        load_params(path=_project(tmp_path, period=period))
    assert err.value.field == "vorige_periode"


def test_get_refuses_unknown_paths_and_gives_plain_data():
    p = load_params(2025)
    assert p.get("wmo.basisperiode") == "2024"
    assert p.get("agenda.norm_achter", 99) == 0  # a value present wins over the default
    assert p.get("sociale_basis.dementie")["basis_leeftijden"] == [65, 75]
    assert p.get("vergelijking.gemeenten")[0] == {"code": "GM0392", "naam": "Haarlem"}
    assert p.get("wmo.referentie_75plus.waarde") == 32
    for typo in ("wonen.vraag.ratio", "wmo.basisperiode.jaar", "sociale_basis.afronding"):
        with pytest.raises(ParamsError, match="bestaat niet in de parameters") as err:
            p.get(typo, "standaard")
        assert err.value.field == typo


def test_fingerprint_covers_base_and_period_file(tmp_path):
    path = _project(tmp_path)
    before = load_params(path=path).sha256
    base = path.parent / "gemeente.yml"
    base.write_text(base.read_text(encoding="utf-8") + "\n# opmerking\n", encoding="utf-8")
    assert load_params(path=path).sha256 != before


def test_half_year_files_are_periods(tmp_path):
    folder = _project(tmp_path).parent
    half = {"periode": "2026H1", "editie": "1.0", "vorige_periode": "2025H1"}
    (folder / "2026-1.yml").write_text(yaml.safe_dump(half), encoding="utf-8")
    assert available_periods(tmp_path) == ["2025", "2026H1"]
    assert params_path("2026H1", tmp_path) == folder / "2026-1.yml"
    p = load_params(path=folder / "2026-1.yml")
    assert p.periode.is_halfjaar and p.periode.jaar == 2026
    assert p.titel == "Wmo-monitor 1e halfjaar 2026"
    assert p.wmo.basisperiode == "2025"


def test_missing_file_lists_available_periods():
    with pytest.raises(ParamsError, match=r"bestaat niet \(beschikbaar: .*2025"):
        load_params(1999)


def test_period_must_match_file_name(tmp_path):
    period = _set(_doc("2025.yml"), "periode", 2024)
    period["vorige_periode"] = None
    with pytest.raises(ParamsError, match="niet 2025"):
        load_params(2025, path=_project(tmp_path, period=period))


def test_committed_schema_is_generated_from_the_models():
    from analysis.config.params import schema_text

    committed = (ROOT / "params" / "schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), (
        "params/schema.json is verouderd: schrijf hem opnieuw met "
        "analysis.config.params.write_schema()"
    )


def test_every_params_file_validates_against_the_schema_and_names_it():
    import json

    import jsonschema

    schema = json.loads((ROOT / "params" / "schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    files = sorted((ROOT / "params").glob("*.yml"))
    assert {"gemeente.yml", "2025.yml"} <= {f.name for f in files}
    for file in files:
        text = file.read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=schema.json\n"), file.name
        errors = [e.message for e in validator.iter_errors(yaml.safe_load(text))]
        assert errors == [], file.name


def test_schema_refuses_what_the_loader_refuses():
    import jsonschema

    from analysis.config.params import json_schema

    validator = jsonschema.Draft202012Validator(json_schema())
    assert not validator.is_valid({"gemeente": {"nam": "X"}})  # unknown field
    assert not validator.is_valid({"editie": 1.0})  # a number, not text
    assert not validator.is_valid({"vergelijking": {"gemeenten": [{"code": "GM0392"}]}})
    assert validator.is_valid({"periode": "2026H1", "privacy": {"min_cel": 5}})
