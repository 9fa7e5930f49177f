"""The synthetic stand-ins: calibrated to the real anchors, counting rules honoured, and
byte-identical when regenerated."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.config.manifest import load_manifest, sha256_file
from analysis.data import datasets as data
from analysis.data.sources.reference import import_reference
from analysis.data.sources.synthetic import generate_all
from analysis.data.sources.synthetic.prognosis import dementia_index
from tests.conftest import ROOT

DATA = ROOT / "data"
BRONNEN = DATA / "bronnen"
PREVALENCE = {"65-74": 0.015, "75-84": 0.075, "85+": 0.24}  # bronnen/standin.yml


def load(name: str) -> pd.DataFrame:
    return data.load(name, folder=DATA)


def test_manifest_complete_and_hashes_match():
    manifest = load_manifest(DATA)
    assert {e["file"] for e in manifest.values()} == {p.name for p in DATA.glob("*.csv")}
    for name, e in manifest.items():
        assert sha256_file(DATA / e["file"]) == e["sha256"], name
        if e["synthetic"]:
            assert e["calibrated_to"], name
        if e["supplier"] == "gemeente":
            header = (DATA / e["file"]).read_text(encoding="utf-8").split("\n", 1)[0]
            assert (DATA / "templates" / e["file"]).read_text(encoding="utf-8") == header + "\n"
    assert data.check_all(DATA) == []


def test_population_matches_the_real_table_and_totals():
    real = load("bevolking_2019")
    syn = load("bevolking_leeftijd")
    gm = syn[syn.gemeente_code == "GM0397"]
    tot = gm[gm.geslacht == "totaal"].groupby("periode")["waarde"].sum()
    assert tot["2019"] == 27286 and tot["2024"] == 27589
    table_year = real["periode"].iloc[0]
    assert tot[table_year] == 27302
    s = gm[gm.periode == table_year].set_index(["leeftijd", "geslacht"])["waarde"]
    for _, r in real[real.leeftijd != "totaal"].iterrows():
        if r.leeftijd == "75+":
            v = s[("75-84", r.geslacht)] + s[("85+", r.geslacht)]
        else:
            v = s[(r.leeftijd, r.geslacht)]
        assert v == r.waarde, (r.leeftijd, r.geslacht)
    hl = syn[(syn.gemeente_code == "GM0392") & (syn.geslacht == "totaal")]
    assert hl.groupby("periode")["waarde"].sum()["2020"] == 162902
    # ageing: the 85+ grow faster than the total
    p85 = gm[(gm.geslacht == "totaal") & (gm.leeftijd == "85+")].set_index("periode")["waarde"]
    assert p85["2025"] / p85["2019"] > tot["2025"] / tot["2019"]


def test_prognosis_follows_the_dementia_estimates():
    prog = load("bevolkingsprognose")
    mid = prog[prog.variant == "midden"].pivot(index="periode", columns="leeftijd", values="waarde")
    pop = load("bevolking_leeftijd")
    p22 = pop[
        (pop.gemeente_code == "GM0397") & (pop.periode == "2022") & (pop.geslacht == "totaal")
    ]
    d22 = dementia_index(p22.set_index("leeftijd")["waarde"].to_dict(), PREVALENCE)
    d40 = dementia_index(mid.loc["2040"].to_dict(), PREVALENCE)
    d50 = dementia_index(mid.loc["2050"].to_dict(), PREVALENCE)
    assert d40 / d22 == pytest.approx(1100 / 780, rel=0.01)
    assert d50 / d22 == pytest.approx(1200 / 780, rel=0.01)
    assert mid.loc["2040"].sum() == pytest.approx(27286 * 1.06, abs=10)
    lo = prog[prog.variant == "laag"].set_index(["periode", "leeftijd"])["waarde"]
    hi = prog[prog.variant == "hoog"].set_index(["periode", "leeftijd"])["waarde"]
    assert (lo <= hi).all()


def test_wmo_counting_rules():
    w = load("wmo_clienten")
    piv = w.pivot_table(
        index=["gemeente_code", "periode", "leeftijd"], columns="type", values="aantal"
    )
    types = [c for c in piv.columns if not c.startswith("Totaal")]
    assert (piv["Totaal"] >= piv[types].max(axis=1)).all()
    home = [
        "Hulp bij het huishouden",
        "Ondersteuning thuis, totaal",
        "Hulpmiddelen en diensten, totaal",
    ]
    assert (piv["Totaal exclusief verblijf en opvang"] >= piv[home].max(axis=1)).all()
    assert (piv["Totaal"] >= piv["Totaal exclusief verblijf en opvang"]).all()
    assert (piv["Totaal"] < piv[types].sum(axis=1)).any()  # persons counted once
    tot = piv["Totaal"]
    for (code, per, age), v in tot.items():
        if "H" not in per and (code, f"{per}H2", age) in tot.index:
            h1, h2 = tot[(code, f"{per}H1", age)], tot[(code, f"{per}H2", age)]
            assert max(h1, h2) <= v < h1 + h2 or v == h1 == h2 == 0
    # most users are 75+ (the plan) and about 32% of the 75-plussers (CBS H1 2024)
    h1 = w[(w.gemeente_code == "GM0397") & (w.periode == "2024H1") & (w.type == "Totaal")]
    a = h1.set_index("leeftijd")
    assert a.loc["75+", "aantal"] > a.loc["totaal", "aantal"] / 2
    assert 28 <= a.loc["75+", "per_1000"] / 10 <= 36
    assert set(w[w.periode.isin(["2025H1", "2024"])]["status"]) == {"voorlopig"}


def test_client_survey_2022_matches_the_published_results():
    c = load("clientervaring")
    assert sorted(c["nr"].unique()) == list(range(1, 11))
    c22 = c[c.periode == "2022"].set_index("nr")
    share = 100 * c22["n_eens"] / c22["n_antwoorden"]
    assert abs(share[9] - 85) < 1 and abs(share[5] - 61) < 1 and abs(share[6] - 90) < 1
    assert (c["n_eens"] <= c["n_antwoorden"]).all()


def test_health_monitor_real_anchors_and_loket_volume():
    g = load("gezondheidsmonitor").set_index(["gemeente_code", "periode", "indicator", "leeftijd"])
    assert g.loc[("GM0397", "2016", "ernstig eenzaam", "18-64"), "percentage"] == 7
    assert g.loc[("GM0397", "2016", "ernstig eenzaam", "65+"), "percentage"] == 10
    assert g.loc[("GM0397", "2016", "eenzaam", "18+"), "percentage"] == 35.3
    assert g.loc[("NL01", "2020", "eenzaam", "18+"), "percentage"] == 46.6
    assert g["ijkpunt"].notna().sum() >= 10
    m = load("loket_meldingen")
    per_year = m[m.indicator == "meldingen"].assign(j=m.periode.str[:4]).groupby("j")["waarde"]
    full = per_year.sum()[per_year.apply(lambda s: len(s) == 12 * 5)]  # 12 months x 5 kinds
    assert len(full) == 3 and full.between(850, 1150).all()


def test_agenda_status_covers_every_action_point_in_2025_and_2026():
    a = load("uitvoeringsagenda")
    s = load("agenda_status")
    assert set(s["periode"]) == {"2025", "2026"}
    assert set(s["actie_id"]) == set(a["actie_id"]) and len(s) == 2 * a["actie_id"].nunique()
    st = s.pivot(index="actie_id", columns="periode", values="status")
    done = st["2025"].isin(["gereed", "vervallen"])
    assert (st.loc[done, "2025"] == st.loc[done, "2026"]).all()


def test_regenerating_gives_byte_identical_files(tmp_path):
    import_reference(BRONNEN, tmp_path)
    generate_all(tmp_path, bronnen=BRONNEN)
    for f in sorted(DATA.glob("*.csv")):
        assert (tmp_path / f.name).read_bytes() == f.read_bytes(), f.name
    for f in sorted((DATA / "templates").glob("*.csv")):
        assert (tmp_path / "templates" / f.name).read_bytes() == f.read_bytes(), f.name
    m1, m2 = load_manifest(tmp_path), load_manifest(DATA)
    assert {k: v["sha256"] for k, v in m1.items()} == {k: v["sha256"] for k, v in m2.items()}
