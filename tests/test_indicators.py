"""Key indicators declared in one data file (issue 13.4) and measured with their provenance and
periods (issues 14.1, 15.3)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
import yaml

from analysis.core.errors import ReportError
from analysis.core.provenance import Provenance
from analysis.data import datasets
from analysis.topics import indicators
from analysis.topics.indicators import KeyIndicator, Measurement, Target
from tests.conftest import ROOT, write_dataset

ENTRY = {
    "id": "x",
    "label": "X",
    "hoofdstuk": "chapters/demografie",
    "eenheid": "%",
    "decimalen": 1,
    "functie": "analysis.topics.population.share_measure",
    "argumenten": {"min_age": 75},
    "doel": None,
}


def _write(tmp_path: Path, entries: list[dict]) -> Path:
    p = tmp_path / "k.yml"
    p.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    return p


def test_registry_file_declares_every_key_indicator_once():
    reg = indicators.registry()
    assert len(reg) == 20
    assert reg["wonen_opgave_geclusterd"].argumenten == {"woningtype": "geclusterde woningen"}
    assert reg["mantelzorg_zwaar_belast"].doel == "mantelzorg_niet_alleen"
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    for k in reg.values():
        assert k.hoofdstuk in toc, k.id
        assert callable(k.function())


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"eenhied": "%"}, "verwacht de velden"),
        ({"functie": "analysis.topics.population.bestaat_niet"}, "bestaat niet"),
        ({"functie": "analysis.nergens.f"}, "bestaat niet"),
    ],
)
def test_registry_errors_name_file_and_indicator(tmp_path, change, message):
    path = _write(tmp_path, [{**ENTRY, **change}])
    with pytest.raises(ReportError, match=message) as err:
        indicators.read_registry(path)
    assert "k.yml" in str(err.value) and "x" in str(err.value)


def test_registry_refuses_a_duplicate_id(tmp_path):
    with pytest.raises(ReportError, match="twee keer"):
        indicators.read_registry(_write(tmp_path, [ENTRY, ENTRY]))


def test_no_module_registers_indicators_by_importing():
    """No import side effects: no registry calls at module level anywhere in the package."""
    for f in (ROOT / "src" / "analysis").rglob("*.py"):
        text = f.read_text(encoding="utf-8")
        assert not re.search(r"^_register\(\)|^@?key_indicator\(", text, flags=re.M), f


# ------------------------------------------------------------------ provenance of a measurement


@pytest.fixture
def data(tmp_path, monkeypatch):
    f = tmp_path / "data"
    write_dataset(
        f, "echt", "gemeente_code,periode,leeftijd,waarde,aandeel\nGM0397,2024,65+,12,1.0\n"
    )
    write_dataset(
        f, "stand_in", "gemeente_code,periode,leeftijd,waarde,aandeel\nGM0397,2024,65+,30,1.0\n",
        synthetic=True, calibrated_to="test",
    )  # fmt: skip
    monkeypatch.setattr(datasets, "data_dir", lambda: f)
    return f


class Ctx:
    """A chapter context whose loader records (as the real one does)."""

    def load(self, name):
        if name == "beleidsdoelen":
            return pd.DataFrame(
                {"id": ["meer"], "ambitie": ["Meer."], "richting": ["hoger"], "doelwaarde": [None]}
            )
        return datasets.load(name)


def _uses_stand_in(ctx):
    v = float(ctx.load("stand_in")["waarde"].iloc[0])
    return Measurement(v, 20.0, periode="2024", vorige_periode="2023")


def _real_with_stand_in_comparison(ctx):
    echt, synth = ctx.load("echt"), ctx.load("stand_in")
    return Measurement(
        float(echt["waarde"].iloc[0]),
        vergelijking=float(synth["waarde"].iloc[0]),
        doel=Target("hoger", 10),
        periode="2024",
        vergelijking_periode="2024",
        herkomst=datasets.provenance_of(echt),
    )


def _ki(fn: str, doel: str | None = None) -> KeyIndicator:
    return KeyIndicator("k", "K", "chapters/a", "%", 1, f"tests.test_indicators.{fn}", {}, doel)


def test_a_measurement_from_a_stand_in_is_an_example_automatically(data):
    r = indicators.compute(Ctx(), _ki("_uses_stand_in", doel="meer"))
    assert r.voorbeeld and r.herkomst.synthetic == {"stand_in"}
    assert r.meting.doel == Target("hoger", None, "Meer.")  # attached from beleidsdoelen
    assert r.oordeel == "op koers"  # 30 > 20: but only as an example


def test_a_real_value_with_a_stand_in_comparison(data):
    r = indicators.compute(Ctx(), _ki("_real_with_stand_in_comparison"))
    assert not r.voorbeeld and r.vergelijking_synthetisch
    row = indicators.compute_all(Ctx(), indicators=[r.indicator]).iloc[0]
    assert (row["synthetisch"], row["vergelijking_synthetisch"]) == (False, True)
    assert (row["periode"], row["vergelijking_periode"]) == ("2024", "2024")


def test_a_context_that_records_nothing_gets_everything_loaded_so_far(data):
    class Blind:
        def load(self, name):
            df = datasets.read_dataset(name, datasets.dataset_entry(name, data), data)
            return df

    datasets.load("stand_in")  # loaded earlier in the chapter
    r = indicators.compute(Blind(), _ki("_uses_stand_in"))
    assert r.voorbeeld


def test_measurements_on_the_project_data_say_when():
    from analysis.present import report

    t = indicators.compute_all(report.chapter("2025"))
    assert set(t["id"]) == set(indicators.registry())
    have = t[t["waarde"].notna()]
    assert (have["periode"] != "").all(), have.loc[have["periode"] == "", "id"].tolist()
    # a previous value or a comparison always says which period it is about
    assert (t.loc[t["vorige"].notna(), "vorige_periode"] != "").all()
    assert (t.loc[t["vergelijking"].notna(), "vergelijking_periode"] != "").all()
    pact = t.set_index("id").loc["wonen_pact_plaatsingen"]
    # published per year: the latest year, against the year before (not an average over both)
    assert not pact["synthetisch"] and (pact["periode"], pact["vorige_periode"]) == ("2023", "2022")
    assert (pact["waarde"], pact["vorige"]) == (3.0, 7.0)
    assert isinstance(pact["herkomst"], Provenance)
