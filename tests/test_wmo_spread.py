"""Wmo use per wijk (CBS figures) and per product category of the plan (issue 15.4), the plan's
"merendeel 75+" against example figures, and the method break with its source."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.core.errors import NotSupplied
from analysis.data import datasets
from analysis.topics import neighbourhoods as nb
from analysis.topics import products, supply, wmo

PRIV = {"min_cel": 10, "afronding": 5}


def _wijken(rows) -> pd.DataFrame:
    return pd.DataFrame(
        rows,
        columns=[
            "gemeente_code",
            "periode",
            "wijk",
            "financieringsvorm",
            "aantal",
            "per_1000",
            "status",
        ],
    )


def test_wijk_table_keeps_the_municipality_s_wijken_and_applies_the_small_number_rules():
    d = _wijken(
        [
            ("WK039700", "2023", "Wijk 00 Centrum", "Totaal", 412, 61.0, "definitief"),
            ("WK039701", "2023", "Wijk 01 Zuid", "Totaal", 8, 3.0, "definitief"),  # < 10
            ("WK039702", "2023", "Wijk 02 West", "Totaal", None, None, "onbekend"),  # CBS '.'
            ("WK039702", "2023", "Wijk 02 West", "Uitsluitend PGB", 12, 1.0, "definitief"),
            ("WK037702", "2023", "Wijk 02 Elders (Buur)", "Totaal", 145, 31.0, "definitief"),
        ]
    )
    t = nb.wijk_table(d, "GM0397", PRIV)
    assert t["Wijk"].tolist() == ["Centrum", "West", "Zuid"]  # only WK0397, only 'Totaal'
    assert t["Wmo-cliënten"].tolist()[0] == 410  # rounded to 5
    assert pd.isna(t["Wmo-cliënten"].iloc[2]) and pd.isna(t["Per duizend inwoners"].iloc[2])
    assert nb.display(t).values.tolist() == [
        ["Centrum", "2023", "410", "61"],
        ["West", "2023", "onbekend", "onbekend"],
        ["Zuid", "2023", "< 10", "–"],
    ]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([], "CBS heeft voor G nog geen cijfers per wijk gepubliceerd die in deze gegevens staan."),
        (
            [("WK000101", "2023", "Wijk 01 Zuid", "Totaal", 8, 3.0, "definitief")],
            "In 2023 waren de aantallen per wijk te klein of onbekend om te tonen. "
            "Van één andere wijk is het aantal te klein of onbekend om te tonen.",
        ),
        (
            [("WK000102", "2023", "Wijk 02 West", "Totaal", 30, 28.0, "definitief")],
            "In 2023 hadden in de wijk West 30 inwoners een Wmo-maatwerkvoorziening: "
            "28 per 1.000 inwoners van die wijk.",
        ),
        (
            [
                ("WK000100", "2023", "Wijk 00 Centrum", "Totaal", 412, 61.0, "definitief"),
                ("WK000101", "2023", "Wijk 01 Zuid", "Totaal", 8, 3.0, "definitief"),
                ("WK000102", "2023", "Wijk 02 West", "Totaal", 30, 28.0, "definitief"),
                ("WK000103", "2023", "Wijk 03 Oost", "Totaal", None, None, "onbekend"),
                ("WK000100", "2021", "Wijk 00 Centrum", "Totaal", 300, 50.0, "definitief"),
            ],
            "In 2023 liep het Wmo-gebruik in de 2 wijken uiteen van 28 per 1.000 inwoners (West) "
            "tot 61 (Centrum). Van 2 andere wijken is het aantal te klein of onbekend om te tonen.",
        ),
        (
            [
                ("WK000100", "2023", "Wijk 00 Centrum", "Totaal", 30, 28.0, "definitief"),
                ("WK000102", "2023", "Wijk 02 West", "Totaal", 30, 28.0, "definitief"),
            ],
            "In 2023 was het Wmo-gebruik in alle 2 wijken 28 per 1.000 inwoners.",
        ),
    ],
    ids=["geen", "alleen-klein", "een", "meer", "gelijk"],
)
def test_wijk_sentence_reads_right_for_none_one_and_several(rows, expected):
    assert nb.wijk_sentence(nb.wijk_table(_wijken(rows), "GM0001", PRIV), "G") == expected


def test_the_shipped_wijk_figures_are_the_real_cbs_row():
    t = nb.wijk_table(datasets.load("wmo_clienten_wijk"), "GM0397", PRIV)
    assert t[["Wijk", "Jaar"]].values.tolist() == [["Heemstede west van de spoorbaan", "2023"]]
    assert (int(t["Wmo-cliënten"].iloc[0]), float(t["Per duizend inwoners"].iloc[0])) == (30, 28.0)


def test_chart_shows_only_wijken_that_can_be_shown():
    rows = [
        ("WK000102", "2023", "Wijk 02 West", "Totaal", 30, 28.0, "definitief"),
        ("WK000103", "2023", "Wijk 03 Oost", "Totaal", 6, 5.0, "definitief"),
    ]
    t = nb.wijk_table(_wijken(rows), "GM0001", PRIV)
    assert nb.chart_data(t).values.tolist() == [["West", 28.0]]
    assert nb.chart_data(t.iloc[0:0]).empty


def test_neighbourhood_actions_come_from_the_agenda():
    plan = datasets.load("uitvoeringsagenda")
    assert nb.neighbourhood_actions(plan, ["Voorzieningenaanbod Wmo"]) == [
        "Behoefte voorzieningen aanpassen aan behoefte per buurt"
    ]


def _mapping() -> pd.DataFrame:
    return datasets.load("productcategorie_cbs")


def test_product_table_puts_every_plan_category_next_to_its_cbs_type():
    prod = pd.DataFrame(
        {
            "gemeente_code": "GM1",
            "periode": "2024",
            "aantal": [1145, 363, 4],
            "productcategorie": [
                "huishoudelijke ondersteuning",
                "begeleiding",
                "kortdurend verblijf",
            ],
        }
    )
    cl = pd.DataFrame(
        {
            "gemeente_code": "GM1",
            "periode": "2024",
            "leeftijd": "totaal",
            "type": ["Hulp bij het huishouden", "Ondersteuning thuis, totaal"],
            "aantal": [1146, 512],
        }
    )
    t = products.product_table(prod, _mapping(), cl, "GM1", "2024", PRIV).set_index(
        products.CATEGORIE
    )
    assert list(t.index) == [
        "huishoudelijke ondersteuning",
        "begeleiding",
        "dagbesteding",
        "kortdurend verblijf",
        "vervoer",
        "woonvoorzieningen",
        "hulpmiddelen",
    ]
    assert t.loc["begeleiding", products.TYPE] == "Ondersteuning thuis"
    assert t.loc["vervoer", products.ONDERDELEN] == "Vervoersdiensten; Vervoervoorzieningen"
    assert t.loc["vervoer", products.CODES] == "08, 12"
    assert t.loc["huishoudelijke ondersteuning", products.CLIENTEN] == 1145
    assert t.loc["begeleiding", products.CLIENTEN_TYPE] == 510
    assert pd.isna(t.loc["kortdurend verblijf", products.CLIENTEN])  # < 10
    assert pd.isna(t.loc["vervoer", products.CLIENTEN])  # not in the registration
    assert products.summary(t.reset_index(), "2024").zin() == (
        "In 2024 had de grootste categorie, huishoudelijke ondersteuning, 1.145 cliënten."
    )


def test_product_section_without_the_registration_says_not_supplied_and_keeps_the_mapping():
    cl = pd.DataFrame(
        {
            "gemeente_code": "GM1",
            "periode": "2024",
            "leeftijd": "totaal",
            "type": ["Hulp bij het huishouden"],
            "aantal": [1146],
        }
    )
    t = products.product_table(None, _mapping(), cl, "GM1", "2024", PRIV)
    assert products.CLIENTEN not in t and len(t) == 7
    text = products.summary(t, "2024").zin()
    assert not products.summary(t, "2024").provenance.is_synthetic  # shown as a plain statement
    assert "nog niet aangeleverd" in text and "de gemeente" in text
    assert (
        products.latest_period(pd.DataFrame({"gemeente_code": [], "periode": []}), "GM1", "2024")
        is None
    )


def test_optional_loads_none_only_when_not_supplied():
    class Ctx:
        def __init__(self, exc):
            self.exc = exc

        def load(self, name):
            raise self.exc

    assert supply.optional(Ctx(NotSupplied("wachttijden")), "wachttijden") is None
    with pytest.raises(ValueError):
        supply.optional(Ctx(ValueError("kapot")), "wachttijden")


def test_the_75plus_share_never_confirms_the_plan_from_example_figures():
    voorbeeld = wmo.share_75_sentence(64.0, "2024", herkomst=True).zin()
    assert "zoals het plan zegt" not in voorbeeld and "niet bevestigen" in voorbeeld
    assert voorbeeld.startswith("In deze voorbeeldgegevens")
    assert wmo.share_75_sentence(64.0, "2024").zin().endswith("zoals het plan zegt.")
    assert "minder dan de helft" in wmo.share_75_sentence(40.0, "2024").zin()


def test_method_break_cites_title_publisher_and_date():
    text = wmo.method_break({"titel": "T", "uitgever": "U", "datum": "december 2024"})
    assert text.startswith(wmo.METHODEBREUK[:-1]) and text.endswith("(“T”, U, december 2024).")
