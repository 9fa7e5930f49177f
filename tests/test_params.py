from pathlib import Path

import pytest
import yaml

from analysis.config.params import available_periods, load_params
from analysis.core.errors import ParamsError

ROOT = Path(__file__).resolve().parents[1]


def _write(tmp_path: Path, doc: dict) -> Path:
    p = tmp_path / "2025.yml"
    p.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return p


def _base() -> dict:
    return yaml.safe_load((ROOT / "params" / "2025.yml").read_text(encoding="utf-8"))


def test_shipped_params_load_and_list_regions():
    p = load_params(2025)
    assert p.periode == "2025"
    assert p.data["vorige_periode"] == "2024"
    regions = p.regions()
    assert list(regions)[0] == p.gemeente_code
    assert regions["NL01"] == "Nederland"
    assert p.privacy == {"min_cel": 10, "afronding": 5, "min_n_percentage": 50}
    assert {"2024", "2025"} <= set(available_periods())


def test_missing_field_names_file_and_field(tmp_path):
    doc = _base()
    del doc["gemeente"]["code"]
    with pytest.raises(ParamsError) as err:
        load_params(path=_write(tmp_path, doc))
    assert err.value.field == "gemeente.code"
    assert "2025.yml" in str(err.value) and "verplicht veld ontbreekt" in str(err.value)


def test_unknown_field_is_refused(tmp_path):
    doc = _base()
    doc["gemeente"]["inwoners"] = 27000
    with pytest.raises(ParamsError, match=r"veld 'gemeente.inwoners': onbekend veld"):
        load_params(path=_write(tmp_path, doc))


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("periode", "vijfentwintig", "jaartal"),
        ("editie", 3, "tekst"),
        ("gemeente.code", "0397", "CBS-regiocode"),
    ],
)
def test_wrong_type_names_field(tmp_path, field, value, expected):
    doc = _base()
    node = doc
    *parents, last = field.split(".")
    for part in parents:
        node = node[part]
    node[last] = value
    with pytest.raises(ParamsError, match=expected) as err:
        load_params(path=_write(tmp_path, doc))
    assert err.value.field == field


def test_missing_file_lists_available_periods():
    with pytest.raises(ParamsError, match=r"bestaat niet \(beschikbaar: .*2025"):
        load_params(1999)


def test_period_must_match_file_name(tmp_path):
    doc = _base()
    doc["periode"] = 2024
    with pytest.raises(ParamsError, match="niet 2025"):
        load_params(2025, path=_write(tmp_path, doc))
