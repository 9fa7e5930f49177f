"""Tests for analysis.topics.costs: expenditure totals, deviation, per inhabitant/client, references."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.core.errors import DataError
from analysis.topics import costs


def _uitgaven() -> pd.DataFrame:
    rows = [
        ("GM1", 2023, "HH", "begroot", 100),
        ("GM1", 2023, "HH", "gerealiseerd", 110),
        ("GM1", 2023, "OT", "begroot", 200),
        ("GM1", 2023, "OT", "gerealiseerd", 190),
        ("GM1", 2024, "HH", "begroot", 120),
        ("GM1", 2024, "HH", "gerealiseerd", 150),
        ("GM2", 2024, "HH", "gerealiseerd", 999),
    ]
    d = pd.DataFrame(rows, columns=["gemeente_code", "periode", "type", "soort", "waarde"])
    d["status"] = "definitief"
    return d


def test_expenditure_totals():
    e = costs.expenditure(_uitgaven(), "GM1")
    tot = e[e["type"] == costs.TOTAAL].set_index(["periode", "soort"])["waarde"]
    assert tot[("2023", "begroot")] == 300
    assert tot[("2023", "gerealiseerd")] == 300
    assert tot[("2024", "gerealiseerd")] == 150
    assert set(e["periode"]) == {"2023", "2024"}
    with pytest.raises(DataError):
        costs.expenditure(_uitgaven(), "GM9")


def test_budget_deviation():
    dev = costs.budget_deviation(costs.expenditure(_uitgaven(), "GM1")).set_index(
        ["periode", "type"]
    )
    assert dev.loc[("2023", "HH"), "verschil"] == 10
    assert dev.loc[("2023", "HH"), "verschil_pct"] == pytest.approx(10.0)
    assert dev.loc[("2023", "OT"), "verschil_pct"] == pytest.approx(-5.0)
    assert dev.loc[("2024", "HH"), "verschil_pct"] == pytest.approx(25.0)


def test_per_inhabitant():
    e = costs.expenditure(_uitgaven(), "GM1")
    pi = costs.per_inhabitant(e, pd.Series({2023: 1000.0}))
    # 2024 has no population: dropped; 300 (k euro) / 1000 inhabitants = 300 euro
    assert set(pi["periode"]) == {"2023"}
    row = pi[(pi["type"] == costs.TOTAAL) & (pi["soort"] == "gerealiseerd")].iloc[0]
    assert row["euro_per_inwoner"] == pytest.approx(300.0)


def test_per_client_uses_yearly_totals_and_excl_verblijf():
    e = costs.expenditure(_uitgaven(), "GM1")
    c = pd.DataFrame(
        {
            "gemeente_code": ["GM1"] * 5 + ["GM2"],
            "periode": ["2023", "2023", "2023", "2023H1", "2023", "2023"],
            "type": ["HH", "Totaal exclusief verblijf en opvang", "HH", "HH", "Totaal", "HH"],
            "leeftijd": ["totaal", "totaal", "75+", "totaal", "totaal", "totaal"],
            "aantal": [55, 150, 30, 40, 160, 1],
        }
    )
    pc = costs.per_client(e, c, "GM1").set_index("type")
    assert pc.loc["HH", "euro_per_client"] == pytest.approx(2000.0)  # 110 k / 55
    assert pc.loc[costs.TOTAAL, "euro_per_client"] == pytest.approx(2000.0)  # 300 k / 150
    assert len(pc) == 2


def test_growth():
    assert costs.growth(pd.Series({"2019": 200.0, "2024": 250.0}), "2019", "2024") == pytest.approx(
        25.0
    )


def test_earlier_plan_budget():
    d = pd.DataFrame(
        {
            "gemeente_code": "GM1",
            "periode": [2019, 2019, 2019, 2019, 2020],
            "post": [
                "begroting/meerjarenraming Wmo 2007",
                "begroting/meerjarenraming Wmo 2015",
                "begroting/meerjarenraming Wmo 2015",
                "begroot 2019 Wmo 2015: inloop GGZ",
                "begroting/meerjarenraming Wmo 2007",
            ],
            "soort": ["begroting", "begroting", "geactualiseerd", "begroting", "begroting"],
            "waarde": [1_000_000, 2_000_000, 5, 80_000, 1_500_000],
        }
    )
    assert costs.earlier_plan_budget(d, "GM1").values.tolist() == [
        ["2019", 3000.0],
        ["2020", 1500.0],
    ]
    with pytest.raises(DataError):
        costs.earlier_plan_budget(d, "GM9")


def test_key_indicator_registered():
    from analysis.topics.indicators import registry

    assert registry()["wmo_uitgaven_per_inwoner"].hoofdstuk == "chapters/uitgaven"


def test_reference_chart_data():
    e = costs.expenditure(_uitgaven(), "GM1")
    b = pd.DataFrame({"periode": ["2023"], "waarde": [250.0]})
    cd = costs.reference_chart_data(e, b)
    assert len(cd) == 5  # begroot + gerealiseerd in 2023 and 2024, 1 plan year
    plan = cd[cd["Reeks"] == "Wmo-begroting vorig beleidsplan"]
    assert plan["Uitgaven (duizend euro)"].tolist() == [250.0]


def test_financing_split():
    d = pd.DataFrame(
        {
            "gemeente_code": "GM1",
            "periode": [2019] * 4,
            "post": ["hh (PGB)", "hh (ZIN)", "begeleiding PGB", "inloop GGZ"],
            "soort": "begroting",
            "waarde": [100_000, 1_500_000, 400_000, 80_000],
        }
    )
    s = costs.financing_split(d, "GM1").iloc[0]
    assert (s["zin"], s["pgb"], s["aandeel_pgb"]) == (1500.0, 500.0, 25.0)
    with pytest.raises(DataError):
        costs.financing_split(d.iloc[[3]], "GM1")


def test_chart_table():
    e = costs.expenditure(_uitgaven(), "GM1")
    t = costs.chart_table(e, "waarde", "Uitgaven")
    assert set(t.columns) == {"Jaar", "Type", "Uitgaven"}
    assert t[(t["Jaar"] == "2023") & (t["Type"] == costs.TOTAAL)]["Uitgaven"].tolist() == [300.0]
    pc = pd.DataFrame({"periode": ["2023"], "type": ["HH"], "euro_per_client": [2000.0]})
    assert costs.chart_table(pc, "euro_per_client", "Euro").values.tolist() == [
        ["2023", "HH", 2000.0]
    ]
    assert costs.TOTAAL not in set(costs.chart_table(e, "waarde", "Uitgaven", totaal=False)["Type"])
    both = costs.chart_table(e, "waarde", "Uitgaven", soort=None)
    assert "HH, begroot" in set(both["Type"])


def test_total_chart_table():
    e = costs.per_inhabitant(costs.expenditure(_uitgaven(), "GM1"), pd.Series({"2023": 1000.0}))
    t = costs.total_chart_table(e, "euro_per_inwoner", "Euro per inwoner")
    assert t.values.tolist() == [["2023", "Begroot", 300.0], ["2023", "Gerealiseerd", 300.0]]


def test_inhabitants_from_population():
    from types import SimpleNamespace

    bev = pd.DataFrame(
        {
            "gemeente_code": "GM1",
            "periode": ["2024", "2024", "2025", "2025"],
            "leeftijd": ["0-64", "65+", "0-64", "65+"],
            "geslacht": "totaal",
            "waarde": [800, 200, 790, 230],
            "eenheid": "personen",
        }
    )
    ctx = SimpleNamespace(load=lambda name: bev, code="GM1")
    inw, loaded = costs.inhabitants(ctx)
    assert inw.to_dict() == {"2024": 1000.0, "2025": 1020.0}
    assert loaded is bev


# --- regression: the Uitgaven page's wording and comparisons (edition 2025, D8)


def test_per_client_change_on_the_shipped_data_never_rises_by_a_negative():
    """The edition printed "Kosten per cliënt stegen sinds 2019 met -3%" (a typed verb)."""
    from analysis.config.params import load_params
    from analysis.data import datasets
    from analysis.topics import findings

    p = load_params(2025)
    uitg, cl = datasets.load("wmo_uitgaven"), datasets.load("wmo_clienten")
    pc = costs.per_client(costs.expenditure(uitg, p.gemeente_code), cl, p.gemeente_code)
    tot = pc[pc["type"] == costs.TOTAAL].set_index("periode")["euro_per_client"]
    first, last = tot.index[0], tot.index[-1]
    title = findings.change(
        "de kosten per cliënt", tot[first], tot[last], herkomst=[uitg, cl], meervoud=True,
        bepaling=f"tussen {first} en {last}",
    ).titel()  # fmt: skip
    # the verb follows the sign of the shipped stand-in (whichever way it goes), never "met -"
    verb, other = ("daalden", "stegen") if tot[last] < tot[first] else ("stegen", "daalden")
    assert verb in title and other not in title and "-" not in title.split("met")[-1]


def test_budget_text_is_computed_not_assumed():
    # the edition: "€ 4,7 mln realised against € 4,8 mln" next to "boven de geraamde bedragen"
    assert costs.budget_text(4710, 4845) == "€ 4,7 miljoen, 3% minder dan begroot (€ 4,8 miljoen)"
    assert costs.budget_text(5500, 5000) == "€ 5,5 miljoen, 10% meer dan begroot (€ 5,0 miljoen)"
    assert costs.budget_text(4800, 4800) == "€ 4,8 miljoen, precies het begrote bedrag"
    # amounts that round alike get more decimals, so the words never contradict the numbers
    assert costs.budget_text(4790, 4810).startswith("€ 4,79 miljoen")


def test_plan_budget_text_says_below_when_below():
    text = costs.plan_budget_text(4710, 4845, 2023)
    assert "onder die begroting (€ 4,8 miljoen)" in text and "boven" not in text
    above = costs.plan_budget_text(4900, 4845, 2023)
    assert "boven die hele begroting" in above and "(€ 4,9 miljoen)" in above
    assert "gelijk aan die begroting" in costs.plan_budget_text(4845, 4845, 2023)


@pytest.mark.parametrize(
    ("realised", "expected"),
    [
        ([110, 120, 130], "In alle 3 jaren waren de gerealiseerde uitgaven hoger dan begroot."),
        (
            [90, 80, 100],
            "In geen van de 3 jaren waren de gerealiseerde uitgaven hoger dan begroot: in 2 jaren "
            "lager en in 1 jaar gelijk.",
        ),
        (
            [110, 90, 100],
            "In 1 van de 3 jaren waren de gerealiseerde uitgaven hoger dan begroot en in 1 jaar "
            "lager en in 1 jaar gelijk.",
        ),
    ],
)
def test_budget_years_text_none_one_all(realised, expected):
    years = ["2023", "2024", "2025"]
    r = pd.Series(realised, index=years, dtype=float)
    b = pd.Series([100.0] * 3, index=years)
    assert costs.budget_years_text(r, b) == expected


def test_national_comparator_from_the_shipped_data():
    """wmo_uitgaven_nl holds CBS 84580NED for Nederland: the page must not say it is missing."""
    from analysis.data import datasets

    nl = costs.national_expenditure(datasets.load("wmo_uitgaven_nl"))
    assert nl is not None
    assert (nl["periode"], nl["euro_per_inwoner"], nl["vergelijkbaar"]) == ("2023", 308.0, False)
    text = costs.national_text(nl, pd.Series({"2023": 190.0, "2025": 201.0}), "2025")
    assert "ontbreekt" not in text
    assert "in 2023 € 308 per inwoner" in text and "hier in dat jaar € 190" in text
    assert "geen één-op-één vergelijking" in text and "verblijf en opvang" in text


def test_national_text_without_or_like_for_like():
    assert "ontbreekt" in costs.national_text(None, pd.Series({"2025": 200.0}), "2025")
    nl = {"periode": "2023", "euro_per_inwoner": 150.0, "status": "", "vergelijkbaar": True}
    t = costs.national_text(nl, pd.Series({"2023": 1234.0}), "2023")
    assert t == "Landelijk was dat in 2023 € 150 per inwoner (CBS), hier in dat jaar € 1.234."


def test_key_indicator_compares_with_the_national_figure():
    from types import SimpleNamespace

    from analysis.data import datasets

    bev = pd.DataFrame(
        {
            "gemeente_code": "GM1",
            "periode": ["2024", "2025"],
            "leeftijd": "65+",
            "geslacht": "totaal",
            "waarde": [1000, 1000],
        }
    )
    loads = {
        "wmo_uitgaven": _uitgaven(),
        "bevolking_leeftijd": bev,
        "wmo_uitgaven_nl": datasets.load("wmo_uitgaven_nl"),
        "beleidsdoelen": datasets.load("beleidsdoelen"),
    }
    ctx = SimpleNamespace(
        load=loads.__getitem__, code="GM1", naam="X", params=SimpleNamespace(periode="2024")
    )
    m = costs.per_inhabitant_measure(ctx)
    assert m.waarde == 150.0 and m.vergelijking == 308.0
    # the year once, as the comparison's period: not "Nederland 2023, … (2023)"
    assert m.vergelijking_naam == "Nederland, inclusief verblijf en opvang"
    assert m.vergelijking_periode == "2023"


def test_pgb_budget_is_never_shown_as_0_17():
    """€ 175.000 pgb in the 2019 plan was printed as "0,17" (mln): money is formatted half-up."""
    from analysis.core.numbers import bedrag
    from analysis.data import datasets

    split = costs.financing_split(datasets.load("begroting_sociaal_domein"), "GM0397")
    pgb = split.set_index("periode").loc["2019", "pgb"] * 1000
    assert pgb == 175_000
    assert bedrag(pgb) == "€ 175.000"
    assert bedrag(1_175_000, decimalen=2) == "€ 1,18 miljoen"
    assert bedrag(3_040_000, decimalen=2) == "€ 3,04 miljoen"


def test_uitgaven_chapter_types_no_direction_word():
    """Titles and sentences of the Uitgaven chapter state no typed stijgen/dalen/boven/onder: the
    edition's 'stegen … met -3%', 'liggen boven de begroting' and 'boven de geraamde bedragen'
    were typed into the notebook."""
    import json
    import re
    from pathlib import Path

    nb = json.loads(
        (Path(__file__).resolve().parents[1] / "chapters" / "uitgaven.ipynb").read_text()
    )
    typed = re.compile(r"\b(stijg\w*|steg\w*|daal\w*|daald\w*|boven|hoger dan begroot)\b", re.I)
    for cell in nb["cells"]:
        src = "".join(cell["source"])
        if cell["cell_type"] == "code":
            literals = re.findall(r"title=f?\"([^\"]*)\"", src)
        else:
            # prose with figures; italics are the plan's own words (quotes, theme names)
            prose = re.sub(r"\*[^*]+\*", "", src.split("## Wat zegt dit")[0])
            literals = [prose] if "{glue}" in src else []
        for text in literals:
            assert not typed.search(text), text


# ----------------------------------------------------------------------------- per post (P&C 6.3)


def _posten() -> pd.DataFrame:
    rows = [
        ("2024", "vervoer", "gerealiseerd", 300.0),
        ("2025", "vervoer", "begroot", 400.0),
        ("2025", "vervoer", "gerealiseerd", 440.0),
        ("2025", "hulpmiddelen", "begroot", 200.0),
        ("2025", "hulpmiddelen", "gerealiseerd", 180.0),
        ("2026", "vervoer", "begroot", 440.0),
        ("2026H1", "vervoer", "gerealiseerd", 230.0),
        ("2026H1", "vervoer", "prognose", 462.0),
    ]
    d = pd.DataFrame(rows, columns=["periode", "post", "soort", "waarde"])
    d.insert(0, "gemeente_code", "GM1")
    return d


def test_budget_posts_of_a_year_and_of_a_half_year():
    year = costs.budget_posts(_posten(), "GM1", "2025").set_index("post")
    assert year.loc["vervoer", ["begroot", "uitkomst", "verschil"]].tolist() == [400, 440, 40]
    assert year.loc["hulpmiddelen", "verschil_pct"] == pytest.approx(-10.0)
    assert year.loc[costs.POSTEN_TOTAAL, ["begroot", "uitkomst"]].tolist() == [600, 620]
    half = costs.budget_posts(_posten(), "GM1", "2026H1").set_index("post")
    # the forecast for the year (462) against the year's budget (440); 230 realised in the half
    assert half.loc["vervoer", ["begroot", "uitkomst", "halfjaar"]].tolist() == [440, 462, 230]
    assert half.loc["vervoer", "verschil_pct"] == pytest.approx(5.0)
    with pytest.raises(DataError, match="prognose per post voor 2025H1"):
        costs.budget_posts(_posten(), "GM1", "2025H1")


@pytest.mark.parametrize(
    ("uitkomst", "expected"),
    [
        (
            [440.0, 180.0],
            "Bij 1 van de 2 posten waren de gerealiseerde uitgaven hoger dan begroot, bij 1 lager.",
        ),
        ([440.0, 220.0], "Bij alle 2 posten waren de gerealiseerde uitgaven hoger dan begroot."),
        (
            [360.0, 200.0],
            "Bij geen van de 2 posten waren de gerealiseerde uitgaven hoger dan begroot: bij 1 lager en bij 1 gelijk.",
        ),
    ],
)
def test_posts_text_reads_right_for_none_some_all(uitkomst, expected):
    t = pd.DataFrame({"post": ["vervoer", "hulpmiddelen"], "begroot": [400.0, 200.0],
                      "uitkomst": uitkomst})  # fmt: skip
    text = costs.posts_text(t)
    assert text.startswith(expected)
    assert "-" not in text  # never "met -10%"


def test_posts_text_of_synthetic_data_is_an_example_with_marked_counts():
    from analysis.core.provenance import has_unmarked_figure

    t = costs.budget_posts(_posten(), "GM1", "2026H1")
    text = costs.posts_text(t, halfjaar=True, voorbeeld=True)
    assert text.startswith(
        "In deze voorbeeldgegevens is de prognose voor het hele jaar bij de enige post"
    )
    assert not has_unmarked_figure(text)


def test_cost_target_is_the_begroting_2026_read_as_not_rising():
    from analysis.data import datasets
    from analysis.topics.indicators import Measurement, verdict

    t = costs.cost_target(datasets.load("beleidsdoelen"), "X")
    assert t.richting == "niet hoger"
    assert t.tekst == (
        "uitgangspunt: “de kosten stabiliseren” (Begroting 2026, programma sociaal domein, gemeente X)"
    )
    assert verdict(Measurement(waarde=201.0, vorige=197.0, doel=t))[0] == "aandacht nodig"
    assert verdict(Measurement(waarde=197.0, vorige=197.0, doel=t))[0] == "op koers"
    assert verdict(Measurement(waarde=190.0, vorige=197.0, doel=t))[0] == "op koers"


def test_the_key_indicator_has_the_cost_ambition_and_a_half_year_shows_the_last_year():
    from analysis.present.report import chapter
    from analysis.topics.indicators import compute, registry

    r = compute(chapter("2026H1"), registry()["wmo_uitgaven_per_inwoner"])
    assert r.meting.periode == "2025" and r.meting.vorige_periode == "2024"
    assert r.meting.doel is not None and r.meting.doel.richting == "niet hoger"
    assert r.oordeel != "onvoldoende gegevens"


def test_post_per_client_and_the_stand_in_budget_note():
    c = pd.DataFrame({"gemeente_code": "GM1", "periode": ["2025", "2026H1"],
                      "productcategorie": "vervoer", "aantal": [20, 10]})  # fmt: skip
    pc = costs.post_per_client(_posten(), c, "GM1", ["2025", "2026H1"])
    assert pc["euro_per_client"].tolist() == [22.0, 23.0]
    note = costs.budget_calibration_note(_posten(), "GM1", "2026", voorbeeld=True, document="B")
    assert "gelijk gezet aan wat in 2025 is uitgegeven" in note and "geen bewijs" in note
    assert costs.budget_calibration_note(_posten(), "GM1", "2025", voorbeeld=True) == ""


def test_uitgaven_says_not_supplied_when_the_posts_are_removed(tmp_path, monkeypatch):
    """The optional per-post file removed: the chapter still runs and says so plainly."""
    import json
    import shutil
    from pathlib import Path

    import papermill

    root = Path(__file__).resolve().parents[1]
    folder = tmp_path / "data"
    shutil.copytree(root / "data", folder)
    (folder / "wmo_budget_posten.csv").unlink()
    monkeypatch.setenv("WMO_DATA_DIR", str(folder))
    out = tmp_path / "uitgaven.ipynb"
    papermill.execute_notebook(
        str(root / "chapters" / "uitgaven.ipynb"), str(out), parameters={"periode": "2025"},
        cwd=str(root / "chapters"), progress_bar=False, kernel_name="python3",
    )  # fmt: skip
    text = out.read_text(encoding="utf-8")
    glued = {}
    for cell in json.loads(text)["cells"]:
        for o in cell.get("outputs", []):
            name = (o.get("metadata", {}).get("scrapbook") or {}).get("name")
            if name:
                glued[name] = o["data"].get("application/papermill.record/text/plain", "")
    assert "nog niet aangeleverd" in glued["posten_intro"]
    assert "P&C-documenten" in glued["posten_zin"]
    assert "per post, 2025" not in text  # no table


def test_stand_in_budget_sentences_read_as_examples():
    """From synthetic data the budget sentences are illustrations, never facts about the gemeente."""
    years = ["2023", "2024", "2025"]
    r = pd.Series([110.0, 120.0, 130.0], index=years)
    b = pd.Series([100.0] * 3, index=years)
    assert costs.budget_years_text(r, b, voorbeeld=True) == (
        "In deze voorbeeldgegevens waren de gerealiseerde uitgaven in alle 3 jaren hoger dan begroot."
    )
    assert costs.budget_years_text(r.iloc[:1], b.iloc[:1], voorbeeld=True) == (
        "In deze voorbeeldgegevens waren de gerealiseerde uitgaven in het enige jaar met beide "
        "cijfers hoger dan begroot."
    )
    assert costs.budget_years_text(r - 20, b, voorbeeld=True).startswith(
        "In deze voorbeeldgegevens waren de gerealiseerde uitgaven in 1 van de 3 jaren hoger"
    )
    below = costs.plan_budget_text(4710, 4845, 2023, voorbeeld=True)
    assert below.startswith(
        "In deze voorbeeldgegevens bleven de gerealiseerde uitgaven aan maatwerkvoorzieningen in "
        "2023 (€ 4,7 miljoen) onder die begroting"
    )
    above = costs.plan_budget_text(5000, 4845, 2023, voorbeeld=True)
    assert above.startswith(
        "In deze voorbeeldgegevens lagen alleen al de gerealiseerde uitgaven aan "
        "maatwerkvoorzieningen in 2023 (€ 5,0 miljoen) boven"
    )


def test_national_text_marks_the_own_stand_in_figure_as_example():
    nl = {"periode": "2023", "euro_per_inwoner": 150.0, "status": "", "vergelijkbaar": True}
    t = costs.national_text(nl, pd.Series({"2023": 1234.0}), "2023", voorbeeld=True)
    assert t == (
        "Landelijk was dat in 2023 € 150 per inwoner (CBS); in deze voorbeeldgegevens was het "
        "hier in dat jaar € 1.234."
    )
    t = costs.national_text(nl, pd.Series({"2025": 201.0}), "2025", voorbeeld=True)
    assert t.endswith("voor 2023 is hier geen cijfer (in deze voorbeeldgegevens in 2025: € 201).")


def test_posts_text_says_nearly_equal_when_the_percentage_rounds_to_zero():
    """A post 1.856 euro under budget shows 0% in the table: the text says 'vrijwel gelijk'."""
    t = pd.DataFrame(
        {
            "post": ["vervoer", "hulpmiddelen", "dagbesteding", costs.POSTEN_TOTAAL],
            "begroot": [415_100.0, 474_400.0, 406_899.0, 1_296_399.0],
            "uitkomst": [413_244.0, 474_400.0, 439_819.0, 1_327_463.0],
        }
    )
    text = costs.posts_text(t, halfjaar=True)
    assert "bij 2 vrijwel gelijk" in text and "bij 2 gelijk" not in text
    exact = t.assign(uitkomst=[415_100.0, 474_400.0, 439_819.0, 1_329_319.0])
    assert "bij 2 gelijk" in costs.posts_text(exact, halfjaar=True)
