"""The municipal datasets of issue 15 (data part): a documented template, a manifest entry, a
schema, a stand-in consistent with the rest of the edition, and a report that survives when an
optional one is removed; plus the half-year figures a 2026H1 edition needs."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
import yaml

from analysis.config import schemas
from analysis.config.manifest import load_manifest, save_manifest
from analysis.core.errors import NotSupplied
from analysis.data import datasets as data
from tests.conftest import ROOT

DATA = ROOT / "data"
OPTIONAL = [
    "klankbordgroep_signalen",
    "veilig_thuis_wachtlijst",
    "wachttijden",
    "wmo_budget_posten",
    "wmo_clienten_product",
]
PLAN_CATEGORIES = [
    "huishoudelijke ondersteuning",
    "begeleiding",
    "dagbesteding",
    "kortdurend verblijf",
    "vervoer",
    "woonvoorzieningen",
    "hulpmiddelen",
]  # fmt: skip  (plan 4.2)


def load(name: str, folder=DATA) -> pd.DataFrame:
    return data.load(name, folder=folder)


def test_optional_datasets_are_marked_templated_and_documented():
    manifest = load_manifest(DATA)
    readme = (DATA / "templates" / "README.md").read_text(encoding="utf-8")
    assert sorted(n for n, e in manifest.items() if e.get("optioneel")) == OPTIONAL
    for name in OPTIONAL:
        e = manifest[name]
        assert schemas.is_optional(name) and e["synthetic"] and e["supplier"] == "gemeente", name
        header = (DATA / "templates" / f"{name}.csv").read_text(encoding="utf-8")
        assert header == ",".join(schemas.columns(name)) + "\n"
        assert f"`{name}.csv`" in readme, name
    # every template is documented, and only aggregates: no column can hold a person
    for template in (DATA / "templates").glob("*.csv"):
        assert f"`{template.name}`" in readme, template.name


@pytest.mark.parametrize("name", OPTIONAL)
def test_the_data_survive_the_removal_of_an_optional_dataset(tmp_path, name):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    (folder / f"{name}.csv").unlink()  # the stand-in removed, the manifest entry kept
    assert data.check_all(folder) == []
    with pytest.raises(NotSupplied, match="nog niet aangeleverd") as err:
        data.load(name, folder=folder)
    assert f"data/templates/{name}.csv" in str(err.value)
    manifest = load_manifest(folder)
    del manifest[name]  # … and the entry removed too
    save_manifest(manifest, folder)
    assert data.check_all(folder) == []
    with pytest.raises(NotSupplied):
        data.load(name, folder=folder)


def test_a_missing_required_dataset_is_still_an_error(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    (folder / "wmo_clienten.csv").unlink()
    problems = data.check_all(folder)
    assert len(problems) == 1 and not isinstance(problems[0], NotSupplied)


def test_product_categories_map_onto_the_cbs_types():
    m = load("productcategorie_cbs")
    assert sorted(set(m["productcategorie"])) == sorted(PLAN_CATEGORIES)
    assert set(m["cbs_type"]) <= set(schemas.vocabulary("wmo_type"))
    assert m.groupby("productcategorie")["cbs_type"].nunique().max() == 1
    assert m.set_index("cbs_detail").loc["Dagbesteding", "iwmo_code"] == "07"


def test_clients_per_product_category_never_contradict_the_cbs_types():
    p = load("wmo_clienten_product")
    w = load("wmo_clienten")
    code = p["gemeente_code"].iloc[0]
    w = w[(w.gemeente_code == code) & (w.leeftijd == "totaal")].set_index(["periode", "type"])
    types = load("productcategorie_cbs").drop_duplicates("productcategorie")
    types = types.set_index("productcategorie")["cbs_type"]
    for _, r in p.iterrows():
        total = w.loc[(r.periode, types[r.productcategorie]), "aantal"]
        assert r.aantal <= total, (r.periode, r.productcategorie)
        if r.productcategorie == "huishoudelijke ondersteuning":
            assert r.aantal == total  # the same provision under two names


def test_budget_posts_add_up_to_the_expenditure_and_costs_stabilise_in_2026():
    b = load("wmo_budget_posten")
    u = load("wmo_uitgaven")
    types = load("productcategorie_cbs").drop_duplicates("productcategorie")
    b = b.merge(
        types[["productcategorie", "cbs_type"]], left_on="post", right_on="productcategorie"
    )
    years = b[~b.periode.str.contains("H")]
    sums = years.groupby(["periode", "cbs_type", "soort"])["waarde"].sum()
    for (per, t, soort), v in sums.items():
        real = u[(u.periode == per) & (u.type == t) & (u.soort == soort)]["waarde"].iloc[0]
        assert v == real * 1000, (per, t, soort)
    pivot = years.pivot_table(index=["post", "periode"], columns="soort", values="waarde")
    for post in PLAN_CATEGORIES:
        assert pivot.loc[(post, "2026"), "begroot"] == pivot.loc[(post, "2025"), "gerealiseerd"]
    halves = b[b.periode.str.contains("H")].pivot_table(
        index=["post", "periode"], columns="soort", values="waarde"
    )
    assert (halves["prognose"] > halves["gerealiseerd"]).all()


def test_the_plan_and_the_begroting_2026_say_costs_should_stabilise():
    goals = load("beleidsdoelen").set_index("id")
    assert goals.loc["wmo_kosten_stabiel", "richting"] == "stabiel"
    assert goals.loc["wmo_kosten_stabiel", "bron"].startswith("Begroting 2026")
    quotes = load("begroting_2026_wmo")
    assert quotes[quotes.soort == "uitgangspunt"]["tekst"].str.contains("kosten stabiliseren").any()
    assert quotes["tekst"].str.contains("wachttijden nemen bijvoorbeeld toe").any()


def test_a_half_year_edition_2026H1_has_its_data():
    w = load("wmo_clienten")
    code = w["gemeente_code"].iloc[0]
    h1 = w[(w.periode == "2026H1") & (w.gemeente_code == code)]
    assert (
        set(h1["type"]) == set(schemas.vocabulary("wmo_type")) and (h1.status == "voorlopig").all()
    )
    assert {"2025", "2025H2"} <= set(w["periode"])
    months = set(load("loket_meldingen")["periode"])
    assert {f"2026-{m:02d}" for m in range(1, 7)} <= months and "2026-07" not in months
    for name in ("vrijwilligerscentrale", "mantelzorgondersteuning", "klankbordgroep_signalen"):
        assert "2026H1" in set(load(name)["periode"]), name
    assert "2026" in set(load("bevolking_leeftijd")["periode"])
    assert {"2026Q1", "2026Q2"} <= set(load("wachttijden")["periode"])


def test_every_key_indicator_has_a_monitor_mapping_with_sourced_ids_only():
    doc = yaml.safe_load(
        (ROOT / "src" / "analysis" / "topics" / "kernindicatoren.yml").read_text("utf-8")
    )
    items = doc if isinstance(doc, list) else next(v for v in doc.values() if isinstance(v, list))
    ids = {i["id"] for i in items}
    m = load("indicatoren_monitor").set_index("indicator_id")
    assert ids <= set(m.index)
    for iid, r in m.iterrows():
        assert r["toelichting"], iid
        if pd.notna(r["id"]):
            assert pd.notna(r["tabel"]) and pd.notna(r["bron"]), iid  # an id only with its source
        elif r["monitor"] != "geen":
            assert "niet gevonden" in r["toelichting"], iid  # the reader learns it was not found
