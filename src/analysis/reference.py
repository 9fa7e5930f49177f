"""Import the real reference figures into tidy datasets under ``data/``.

Reads ``seed_figures.csv`` (figures transcribed from the policy documents) and
``public_figures.csv`` (CBS, RIVM, GGD and other public pages) from the shared reference folder and
writes:

* ``seed_cijfers`` and ``publieke_cijfers``: **every** figure, as published (value text, parsed value
  where it is a single number, unit, period as written, source document or URL, reliability), so no
  usable figure is lost;
* focused tidy datasets the chapters use: ``bevolking_2019``, ``bevolking_totaal``,
  ``dementie_schattingen``, ``wonen_doelgroepen``, ``beschermd_wonen_prognose``, ``uitstroom_pact``,
  ``begroting_sociaal_domein``, ``wmo_clienten_nl``, ``gezondheid_referentie``,
  ``loket_referentie`` and ``clientervaring_2022``;
* the policy data transcribed from the plan: ``uitvoeringsagenda`` (every action point of the
  appendix) and ``beleidsdoelen`` (targets and ambitions).

Deterministic: the same inputs give byte-identical files. Run with ``wmo-rapport data importeer``.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from .manifest import register

SEED_DOC = "000_efd20162d3471d10.txt"
PLAN = "Beleidsplan Maatschappelijke Ondersteuning 2025-2028 (seeds/000_efd20162d3471d10.txt)"
RETRIEVED = "2026-11-01"
PUBLIC_DOC = "openbaar overheidsdocument (hergebruik toegestaan, Wet open overheid)"


def parse_number(text: str) -> float | None:
    """Parse a figure as the source wrote it (Dutch decimal comma, ``.`` thousands, ``*``).

    Returns ``None`` for ranges, words and CBS's ``.`` (suppressed).

    Examples
    --------
    >>> parse_number("1.169.010"), parse_number("20,2"), parse_number("2024*"), parse_number(".")
    (1169010.0, 20.2, 2024.0, None)
    >>> parse_number("11-15") is None
    True
    """
    t = str(text).strip().rstrip("*").strip()
    if not t or t == ".":
        return None
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+", t):
        return float(t.replace(".", ""))
    if re.fullmatch(r"-?\d+(,\d+)?", t):
        return float(t.replace(",", "."))
    if re.fullmatch(r"-?\d+\.\d+", t):
        return float(t)
    return None


def parse_range(text: str) -> tuple[float | None, float | None]:
    """Lower and upper value of ``"11-15"``, ``"4"`` or ``"123000-143000"``.

    Examples
    --------
    >>> parse_range("11-15"), parse_range("4"), parse_range("ongeveer")
    ((11.0, 15.0), (4.0, 4.0), (None, None))
    """
    m = re.fullmatch(r"\s*(\d+(?:,\d+)?)\s*-\s*(\d+(?:,\d+)?)\s*", str(text))
    if m:
        return float(m[1].replace(",", ".")), float(m[2].replace(",", "."))
    v = parse_number(text)
    return (v, v)


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _fmt(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else f"{v:.4f}".rstrip("0").rstrip(".")
    return str(v)


def write_csv(path: Path, columns: list[str], rows: list[dict[str, Any]]) -> None:
    """Write rows as UTF-8 CSV with ``\\n`` line ends (byte-stable)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for r in rows:
        w.writerow([_fmt(r.get(c)) for c in columns])
    path.write_text(buf.getvalue(), encoding="utf-8")


T = {"type": "tekst"}
TN = {"type": "tekst", "nullable": True}
GN = {"type": "getal", "nullable": True}


def _entry(
    file: str,
    title: str,
    description: str,
    source: dict[str, Any],
    schema: dict,
    licence: str = PUBLIC_DOC,
) -> dict[str, Any]:
    return {
        "file": file,
        "title": title,
        "description": description,
        "source": {"organisation": None, "url": None, "table_id": None, "document": None, **source},
        "licence": licence,
        "retrieved": RETRIEVED,
        "synthetic": False,
        "calibrated_to": None,
        "supplier": "publiek",
        "sha256": "",
        "schema": schema,
    }


SEED_SRC = {"organisation": "Gemeente (beleidsdocumenten)", "document": "zie kolom bron"}


def _region_code(name: str) -> str | None:
    return {
        "Heemstede": "GM0397",
        "Nederland": "NL01",
        "Haarlem": "GM0392",
        "Bloemendaal": "GM0377",
    }.get(name.strip())


# The plan's appendix (Bijlage: Uitvoeringsagenda), transcribed. Years: "2025-2028" where the
# extraction shows four X's; where fewer X's are shown their positions are lost in the text
# extraction, so the years are taken as the first years of the period and flagged.
AGENDA: list[tuple[str, str, str, int]] = [
    # (hoofdstuk, thema, actiepunt, number of X's; 0 = not readable in the extraction)
    (
        "3",
        "Algemene diensten en voorzieningen",
        "Inzetten voor een sprankelend en inclusief Plein1",
        4,
    ),
    (
        "3",
        "Algemene diensten en voorzieningen",
        "Afspraken budgetsubsidie WIJ Heemstede 2025-2028 monitoren",
        4,
    ),
    (
        "3",
        "Algemene diensten en voorzieningen",
        "Verstevigen netwerk Sociale Coalitie Heemstede en betrekken SC bij actuele sociale thema's",
        4,
    ),
    ("3", "Algemene diensten en voorzieningen", "Versterken aanpak eenzaamheid", 1),
    (
        "3",
        "Algemene diensten en voorzieningen",
        "Versterken samenwerking medisch en sociaal domein",
        1,
    ),
    (
        "3",
        "Algemene diensten en voorzieningen",
        "Ontwikkelen ontmoetingsruimte voor de buurt in het voormalige gebouw Prinsenhof",
        2,
    ),
    ("3", "Mantelzorg", "Ondersteunen initiatieven jonge mantelzorgers (gestart 2024)", 1),
    ("3", "Mantelzorg", "Onderzoek erkenning gemeente als mantelzorgvriendelijke werkgever", 1),
    ("3", "Mantelzorg", "Onderzoeken en implementeren nieuwe vormen respijtzorg", 1),
    ("3", "Mantelzorg", "Onderzoek community platform", 0),
    ("3", "Vrijwillige inzet", "Doorontwikkeling vrijwilligerspunt", 0),
    ("3", "Vrijwillige inzet", "Doorontwikkeling vrijwilligersfeest en -prijs", 0),
    ("3", "Vrijwillige inzet", "Scholing vrijwilligers", 0),
    ("3", "Vrijwillige inzet", "Ondersteunen kwetsbare vrijwilligers", 0),
    ("3", "Vrijwillige inzet", "Inzetten op 'Grijs voor grijs'", 0),
    ("3", "Vrijwillige inzet", "Onderzoek aantrekken jonge vrijwilligers", 0),
    ("3", "Dementie", "Vergroten bewustwording in samenleving en onder partners", 0),
    ("3", "Dementie", "Vergroten inclusie en participatie van mensen met dementie", 0),
    ("3", "Dementie", "Versterken ondersteuning aan mensen met dementie en naasten", 0),
    ("3", "Dementie", "Stimuleren partners toepassen sociale benadering dementie", 0),
    ("3", "Dementie", "Stimuleren partners samen te werken op gebied van dementie", 0),
    ("3", "Dementie", "Trefpunten Dementie in stand houden", 0),
    ("4", "Toegang", "Investeren in laagdrempelige goed bereikbare toegang", 4),
    ("4", "Toegang", "Inzetten op bekendheid Loket", 4),
    ("4", "Toegang", "Versimpelen (administratieve) processen", 1),
    ("4", "Toegang", "Actief meedenken over houdbaarheid Wmo", 2),
    ("4", "Toegang", "Inzetten op samenwerking met andere professionals", 4),
    ("4", "Toegang", "Continu meten cliënttevredenheid toegang", 4),
    ("4", "Voorzieningenaanbod Wmo", "Aanpassen regelgeving waar nodig", 4),
    ("4", "Voorzieningenaanbod Wmo", "Stimuleren eigen kracht inwoners", 4),
    ("4", "Voorzieningenaanbod Wmo", "Stimuleren doneren of verkopen voorzieningen in eigendom", 3),
    ("4", "Voorzieningenaanbod Wmo", "Aanmoedigen gebruik zorg in natura", 3),
    ("4", "Voorzieningenaanbod Wmo", "Continu meten cliënttevredenheid kwaliteit voorzieningen", 4),
    ("4", "Voorzieningenaanbod Wmo", "Onderzoek beheersbaarheid Wmo", 1),
    ("4", "Voorzieningenaanbod Wmo", "Behoefte voorzieningen aanpassen aan behoefte per buurt", 2),
    (
        "4",
        "Voorzieningenaanbod Wmo",
        "Behouden en waar nodig verbeteren sterke inkoop voorzieningen",
        4,
    ),
    ("4", "Veilig Thuis", "Ondersteunen Veilig Thuis in samenwerking met ketenpartners", 4),
    ("4", "Veilig Thuis", "Zorg- en welzijnspartners werken met meldcode Veilig Thuis", 4),
    ("4", "Veilig Thuis", "In stand houden samenwerking Veilig Thuis met CJG en Loket", 4),
    (
        "4",
        "Samenwerking zorg, welzijn en veiligheid",
        "Behouden trekkersrol thema zorg en veiligheid met partners",
        4,
    ),
    (
        "4",
        "Samenwerking zorg, welzijn en veiligheid",
        "Faciliteren samenwerking partners in zorg- en veiligheidsdomein",
        2,
    ),
    ("4", "Samenwerking zorg, welzijn en veiligheid", "Creëren doorbraken in casuïstiek", 4),
    ("5", "Wonen en zorg", "Stimuleren inwoners levensloopbestendig te wonen", 4),
    (
        "5",
        "Wonen en zorg",
        "Stimuleren ouderen zo lang als mogelijk thuis te blijven wonen en inzetten op doorstroming op de woningmarkt",
        4,
    ),
    (
        "5",
        "Wonen en zorg",
        "In gesprek over een woningvoorraad met voldoende nultreden-, zorggeschikte en geclusterde woningen en waar mogelijk realiseren",
        4,
    ),
    (
        "5",
        "Wonen en zorg",
        "Inzetten op meer sociale huurwoningen; conform de afspraken in de woonvisie",
        4,
    ),
    (
        "5",
        "Wonen en zorg",
        "Onderzoeken mogelijkheden locatie voor logeerzorg en stervensbegeleiding",
        4,
    ),
    ("5", "Wonen en zorg", "Inzetten op de uitstroom uit beschermd wonen", 4),
    (
        "5",
        "Wonen en zorg",
        "Onderzoeken mogelijkheden kleinschalige locatie beschermd wonen met pauzeplekken",
        3,
    ),
    (
        "5",
        "Wonen en zorg",
        "Verder werken aan een sterke sociale basis, voor een zachte landing van psychisch kwetsbare mensen in de wijk",
        4,
    ),
    ("5", "Wonen en zorg", "Pilot Herstelacademie op Plein1", 1),
    ("5", "Wonen en zorg", "In gesprek met de regio over een verdeling van regionale opgaven", 3),
    (
        "5",
        "Wonen en zorg",
        "We stimuleren initiatieven waarbij de samenleving elkaar helpt en ondersteunt binnen gezinnen",
        4,
    ),
    (
        "5",
        "Wonen en zorg",
        "Onderzoeken wensen en mogelijkheden kleinschalige voorziening voor jeugdhulp met verblijf",
        4,
    ),
    (
        "5",
        "Wonen en zorg",
        "Onderzoeken wensen en mogelijkheden tussenvorm jeugdhulp met verblijf",
        4,
    ),
    (
        "5",
        "Wonen en zorg",
        "Onderzoeken de mogelijkheden voor een noodopvang voor economisch daklozen",
        4,
    ),
]
CHAPTERS = {"3": "Een stevige sociale basis", "4": "Hulp en ondersteuning", "5": "Wonen en zorg"}

# Targets and ambitions of the plan (chapter 3-6), in the plan's words where possible.
DOELEN: list[dict[str, Any]] = [
    {
        "id": "mantelzorg_niet_alleen",
        "hoofdstuk": "3",
        "thema": "Mantelzorg",
        "ambitie": "Geen enkele mantelzorger staat er alleen voor.",
        "indicator": "aandeel zwaar belaste mantelzorgers",
        "richting": "lager",
        "doelwaarde": None,
    },
    {
        "id": "vrijwilligers_stijgen",
        "hoofdstuk": "3",
        "thema": "Vrijwillige inzet",
        "ambitie": "Het aantal vrijwilligers blijft niet alleen gelijk, maar stijgt, tegen de landelijke daling in.",
        "indicator": "aandeel inwoners dat vrijwilligerswerk doet",
        "richting": "hoger",
        "doelwaarde": None,
    },
    {
        "id": "eenzaamheid",
        "hoofdstuk": "3",
        "thema": "Algemene diensten en voorzieningen",
        "ambitie": "Versterken aanpak eenzaamheid.",
        "indicator": "aandeel ernstig eenzame inwoners",
        "richting": "lager",
        "doelwaarde": None,
    },
    {
        "id": "toegang_bereikbaar",
        "hoofdstuk": "4",
        "thema": "Toegang",
        "ambitie": "Een laagdrempelige, goed bereikbare toegang (Loket).",
        "indicator": "aandeel cliënten dat wist waar het moest zijn",
        "richting": "stabiel",
        "doelwaarde": None,
    },
    {
        "id": "clienttevredenheid",
        "hoofdstuk": "6",
        "thema": "Monitoring",
        "ambitie": "Jaarlijks cliëntervaringsonderzoek; de tevredenheid blijft hoog.",
        "indicator": "aandeel (helemaal) eens over kwaliteit",
        "richting": "stabiel",
        "doelwaarde": None,
    },
    {
        "id": "pact_uitstroom",
        "hoofdstuk": "5",
        "thema": "Wonen en zorg",
        "ambitie": "Pact voor uitstroom: 12 woningtoewijzingen per jaar voor uitstroom uit beschermd wonen en opvang.",
        "indicator": "plaatsingen per jaar",
        "richting": "hoger",
        "doelwaarde": 12,
    },
    {
        "id": "sociale_huur",
        "hoofdstuk": "5",
        "thema": "Wonen en zorg",
        "ambitie": "30% sociale huur in de woningbouwproductie; bod Woondeal MRA: 100 woningen tot 2030, waarvan 30 sociale huur en 36 betaalbare middenhuur of koop.",
        "indicator": "aandeel sociale huur in nieuwbouw",
        "richting": "hoger",
        "doelwaarde": 30,
    },
]


TARGET_GROUPS = ["ouderen", "psychisch kwetsbaar", "kwetsbare jeugd", "(dreigend) dakloos",
                 "sociale huur"]


def target_group(indicator: str) -> str:
    """The plan's woonzorgdoelgroep an indicator belongs to (by keyword).

    Examples
    --------
    >>> target_group("gezinshuis, aantal jeugdigen"), target_group("pauzeplekken nodig")
    ('kwetsbare jeugd', 'psychisch kwetsbaar')
    """
    t = indicator.lower()
    if "jeugd" in t or "gezinshuis" in t:
        return "kwetsbare jeugd"
    if any(w in t for w in ("dakloos", "daklozen", "noodopvang", "bct", "brede centrale",
                            "skaeve", "onder de pannen")):
        return "(dreigend) dakloos"
    if any(w in t for w in ("mra", "sociale huur", "woondeal")):
        return "sociale huur"
    if any(w in t for w in ("ouderen", "75", "nultreden")):
        return "ouderen"
    return "psychisch kwetsbaar"


def import_reference(reference_dir: Path, data_dir: Path) -> list[str]:
    """Write the real datasets from ``reference_dir`` into ``data_dir`` and their manifest entries.

    Returns the dataset names written.
    """
    reference_dir, data_dir = Path(reference_dir), Path(data_dir)
    seeds = _read(reference_dir / "seed_figures.csv")
    public = _read(reference_dir / "public_figures.csv")
    entries: dict[str, dict[str, Any]] = {}

    # --- everything, as published --------------------------------------------------------
    rows = [
        {
            "nr": i,
            "onderwerp": r["topic"],
            "indicator": r["indicator"],
            "regio": r["region"],
            "periode_tekst": r["period"],
            "waarde_tekst": r["value"],
            "waarde": parse_number(r["value"]),
            "eenheid": r["unit"],
            "bron": r["source_document"],
            "vindplaats": r["note"],
        }
        for i, r in enumerate(seeds, 1)
    ]
    cols = [
        "nr",
        "onderwerp",
        "indicator",
        "regio",
        "periode_tekst",
        "waarde_tekst",
        "waarde",
        "eenheid",
        "bron",
        "vindplaats",
    ]
    write_csv(data_dir / "seed_cijfers.csv", cols, rows)
    entries["seed_cijfers"] = _entry(
        "seed_cijfers.csv",
        "Alle cijfers uit de beleidsdocumenten",
        "Elk cijfer dat in de beleidsdocumenten staat, zoals gepubliceerd, met document en vindplaats.",
        SEED_SRC,
        {
            "key": ["nr"],
            "columns": {
                "nr": {"type": "aantal"},
                **{c: TN for c in cols[1:6]},
                "waarde": GN,
                "eenheid": TN,
                "bron": T,
                "vindplaats": TN,
            },
        },
    )
    rows = [
        {
            "nr": i,
            "onderwerp": r["topic"],
            "indicator": r["indicator"],
            "regio": r["region"],
            "regio_code": r["region_code"],
            "periode_tekst": r["period"],
            "waarde_tekst": r["value"],
            "waarde": parse_number(r["value"]),
            "status": "voorlopig"
            if "*" in r["value"] + r["period"]
            else ("geheim" if r["value"].strip() == "." else "definitief"),
            "eenheid": r["unit"],
            "tabel": r["table_id"],
            "bron": r["source_url"],
            "betrouwbaarheid": r["reliability"],
        }
        for i, r in enumerate(public, 1)
    ]
    cols = [
        "nr",
        "onderwerp",
        "indicator",
        "regio",
        "regio_code",
        "periode_tekst",
        "waarde_tekst",
        "waarde",
        "status",
        "eenheid",
        "tabel",
        "bron",
        "betrouwbaarheid",
    ]
    write_csv(data_dir / "publieke_cijfers.csv", cols, rows)
    entries["publieke_cijfers"] = _entry(
        "publieke_cijfers.csv",
        "Alle publieke cijfers (CBS, RIVM, GGD en andere)",
        "Elk publiek cijfer uit de referentieset met bron-URL, tabel-id en betrouwbaarheid "
        "(official of secondary). CBS-cijfers: licentie CC BY 4.0.",
        {"organisation": "CBS, RIVM/vzinfo, GGD Kennemerland e.a.", "url": "zie kolom bron"},
        {
            "key": ["nr"],
            "columns": {
                "nr": {"type": "aantal"},
                **{c: TN for c in cols[1:7]},
                "waarde": GN,
                "status": {"type": "categorie", "allowed": ["definitief", "voorlopig", "geheim"]},
                **{c: TN for c in cols[9:]},
            },
        },
        licence="CC BY 4.0 (CBS); overige bronnen: citaat met bronvermelding",
    )

    # --- population 2019 (age x sex) ------------------------------------------------------
    pop = []
    for r in seeds:
        m = re.fullmatch(r"inwoners (.+?) jaar, (mannen|vrouwen|totaal)", r["indicator"])
        if r["topic"] == "demografie" and m:
            age = m[1].replace("totaal", "totaal")
            pop.append(
                {
                    "gemeente_code": "GM0397",
                    "periode": "2019",
                    "leeftijd": age,
                    "geslacht": m[2],
                    "waarde": int(float(r["value"])),
                    "eenheid": "personen",
                }
            )
    ages = ["0-14", "15-24", "25-44", "45-64", "65-74", "75+", "totaal"]
    write_csv(
        data_dir / "bevolking_2019.csv",
        ["gemeente_code", "periode", "leeftijd", "geslacht", "waarde", "eenheid"],
        pop,
    )
    entries["bevolking_2019"] = _entry(
        "bevolking_2019.csv",
        "Bevolking naar leeftijd en geslacht (tabel beleidsplan 2019)",
        "Tabel uit hoofdstuk 3.1 van het Beleidsplan Sociaal Domein 2019-2023. De peildatum staat niet "
        "in het document (vermoedelijk 1 januari 2018 of 2019); hier als 2019 opgenomen.",
        {"organisation": "Gemeente", "document": "seeds/001_472be077156590ad.txt, hoofdstuk 3.1"},
        {
            "key": ["gemeente_code", "periode", "leeftijd", "geslacht"],
            "columns": {
                "gemeente_code": {"type": "regio"},
                "periode": {"type": "periode"},
                "leeftijd": {"type": "categorie", "allowed": ages},
                "geslacht": {"type": "categorie", "allowed": ["mannen", "vrouwen", "totaal"]},
                "waarde": {"type": "aantal"},
                "eenheid": {"type": "categorie", "allowed": ["personen"]},
            },
        },
    )

    # --- population totals -------------------------------------------------------------
    tot = {}
    for r in public:
        ind = r["indicator"]
        if r["topic"] != "population" or not r["region_code"]:
            continue
        if not (
            ind.startswith("Totale bevolking op 1 januari")
            or ind.startswith("Bevolking op 1 januari (totaal)")
            or ind == "Population on 1 January"
        ):
            continue
        per = r["period"][:4]
        v = parse_number(r["value"])
        if v is None or (r["region_code"], per) in tot:
            continue
        tot[(r["region_code"], per)] = {
            "gemeente_code": r["region_code"],
            "periode": per,
            "waarde": int(v),
            "eenheid": "personen",
            "bron": r["source_url"],
            "tabel": r["table_id"],
        }
    rows = [tot[k] for k in sorted(tot)]
    write_csv(
        data_dir / "bevolking_totaal.csv",
        ["gemeente_code", "periode", "waarde", "eenheid", "tabel", "bron"],
        rows,
    )
    entries["bevolking_totaal"] = _entry(
        "bevolking_totaal.csv",
        "Bevolking op 1 januari, totaal",
        "Totale bevolking per regio en jaar zoals gevonden in publieke bronnen (CBS 70072NED/37259, "
        "en voor de gemeente secundaire bronnen die CBS citeren).",
        {
            "organisation": "CBS (70072NED) en secundaire bronnen",
            "url": "zie kolom bron",
            "table_id": "70072NED",
        },
        {
            "key": ["gemeente_code", "periode"],
            "columns": {
                "gemeente_code": {"type": "regio"},
                "periode": {"type": "periode"},
                "waarde": {"type": "aantal"},
                "eenheid": {"type": "categorie", "allowed": ["personen"]},
                "tabel": TN,
                "bron": T,
            },
        },
        licence="CC BY 4.0 (CBS)",
    )

    # --- dementia ---------------------------------------------------------------------------
    rows = []
    for r in seeds:
        if r["topic"] == "dementie":
            rows.append(
                {
                    "gemeente_code": "GM0397",
                    "periode": r["period"],
                    "soort": "prognose" if int(r["period"]) > 2024 else "schatting",
                    "waarde": int(float(r["value"])),
                    "eenheid": "personen",
                    "bron": r["source_document"] + "; " + r["note"],
                }
            )
    for r in public:
        if r["topic"] == "dementia" and r["region_code"] == "NL01" and r["unit"] == "personen":
            v = parse_number(r["value"])
            if v is not None:
                rows.append(
                    {
                        "gemeente_code": "NL01",
                        "periode": r["period"][:4],
                        "soort": "prognose" if int(r["period"][:4]) > 2024 else "schatting",
                        "waarde": int(v),
                        "eenheid": "personen",
                        "bron": r["source_url"],
                    }
                )
    seen, uniq = set(), []
    for r in sorted(rows, key=lambda x: (x["gemeente_code"], x["periode"])):
        if (r["gemeente_code"], r["periode"]) not in seen:
            seen.add((r["gemeente_code"], r["periode"]))
            uniq.append(r)
    write_csv(
        data_dir / "dementie_schattingen.csv",
        ["gemeente_code", "periode", "soort", "waarde", "eenheid", "bron"],
        uniq,
    )
    entries["dementie_schattingen"] = _entry(
        "dementie_schattingen.csv",
        "Mensen met dementie: schattingen en prognoses",
        "Schattingen van Alzheimer Nederland zoals de beleidsplannen ze noemen (720 in 2018, "
        "ongeveer 780 in 2022, 1.100 in 2040, 1.200 in 2050) en landelijke cijfers.",
        {"organisation": "Alzheimer Nederland via beleidsplannen; vzinfo", "url": "zie kolom bron"},
        {
            "key": ["gemeente_code", "periode"],
            "columns": {
                "gemeente_code": {"type": "regio"},
                "periode": {"type": "periode"},
                "soort": {"type": "categorie", "allowed": ["schatting", "prognose"]},
                "waarde": {"type": "aantal"},
                "eenheid": {"type": "categorie", "allowed": ["personen"]},
                "bron": T,
            },
        },
    )

    # --- wonen en zorg ------------------------------------------------------------------------
    rows = []
    for i, r in enumerate([r for r in seeds if r["topic"] == "wonen en zorg"], 1):
        lo, hi = parse_range(r["value"])
        rows.append(
            {
                "nr": i,
                "doelgroep": target_group(r["indicator"]),
                "indicator": r["indicator"],
                "regio": r["region"],
                "periode_tekst": r["period"],
                "waarde_tekst": r["value"],
                "waarde_min": lo,
                "waarde_max": hi,
                "eenheid": r["unit"],
                "bron": f"{r['source_document']}; {r['note']}",
            }
        )
    cols = [
        "nr",
        "doelgroep",
        "indicator",
        "regio",
        "periode_tekst",
        "waarde_tekst",
        "waarde_min",
        "waarde_max",
        "eenheid",
        "bron",
    ]
    write_csv(data_dir / "wonen_doelgroepen.csv", cols, rows)
    entries["wonen_doelgroepen"] = _entry(
        "wonen_doelgroepen.csv",
        "Woonzorgdoelgroepen: cijfers uit het plan",
        "Omvang van de woonzorgdoelgroepen en de opgaven volgens het beleidsplan en het "
        "uitvoeringsprogramma opvang, wonen en herstel (bandbreedtes als min en max).",
        SEED_SRC,
        {
            "key": ["nr"],
            "columns": {
                "nr": {"type": "aantal"},
                "doelgroep": {"type": "categorie", "allowed": TARGET_GROUPS},
                "indicator": T,
                "regio": T,
                "periode_tekst": TN,
                "waarde_tekst": TN,
                "waarde_min": GN,
                "waarde_max": GN,
                "eenheid": TN,
                "bron": T,
            },
        },
    )
    rows = []
    for r in seeds:
        if r["indicator"].startswith("prognose ABF"):
            lo, hi = parse_range(r["value"])
            rows.append(
                {
                    "vorm": r["indicator"].split(": ", 1)[1],
                    "periode_tekst": r["period"],
                    "waarde_min": lo,
                    "waarde_max": hi,
                    "eenheid": r["unit"],
                    "bron": r["source_document"],
                }
            )
    write_csv(
        data_dir / "beschermd_wonen_prognose.csv",
        ["vorm", "periode_tekst", "waarde_min", "waarde_max", "eenheid", "bron"],
        rows,
    )
    entries["beschermd_wonen_prognose"] = _entry(
        "beschermd_wonen_prognose.csv",
        "Prognose ABF beschermd wonen per woonvorm",
        "Jaarlijkse behoefte per woonvorm volgens de ABF-prognose in het uitvoeringsprogramma.",
        {"organisation": "ABF Research via gemeente", "document": "seeds/003_4f3f793028928489.txt"},
        {
            "key": ["vorm"],
            "columns": {
                "vorm": T,
                "periode_tekst": TN,
                "waarde_min": GN,
                "waarde_max": GN,
                "eenheid": TN,
                "bron": T,
            },
        },
    )
    rows = []
    for r in seeds:
        if r["indicator"].startswith("Pact voor uitstroom"):
            doel = "doel" in r["indicator"]
            rows.append(
                {
                    "gemeente_code": "GM0397",
                    "periode": "2023" if doel else r["period"],
                    "indicator": "doel per jaar" if doel else "gerealiseerd",
                    "waarde": int(float(r["value"])),
                    "eenheid": "plaatsingen",
                    "bron": r["source_document"],
                }
            )
    rows.sort(key=lambda x: (x["periode"], x["indicator"]))
    write_csv(
        data_dir / "uitstroom_pact.csv",
        ["gemeente_code", "periode", "indicator", "waarde", "eenheid", "bron"],
        rows,
    )
    entries["uitstroom_pact"] = _entry(
        "uitstroom_pact.csv",
        "Pact voor uitstroom: doel en gerealiseerde plaatsingen",
        "Doel 12 woningtoewijzingen per jaar; gerealiseerd 7 (2022) en 3 (2023). Het doel staat "
        "bij 2023 als peiljaar van het uitvoeringsprogramma.",
        {"organisation": "Gemeente", "document": "seeds/003_4f3f793028928489.txt"},
        {
            "key": ["gemeente_code", "periode", "indicator"],
            "columns": {
                "gemeente_code": {"type": "regio"},
                "periode": {"type": "periode"},
                "indicator": {"type": "categorie", "allowed": ["doel per jaar", "gerealiseerd"]},
                "waarde": {"type": "aantal"},
                "eenheid": T,
                "bron": T,
            },
        },
    )

    # --- budgets -------------------------------------------------------------------------------
    rows = []
    for r in seeds:
        if r["topic"] != "financien":
            continue
        v = parse_number(r["value"])
        if v is None:
            continue
        per_m = re.match(r"(\d{4})", r["period"])
        if not per_m:
            continue
        soort = (
            "geactualiseerd"
            if "geactualiseerd" in r["period"]
            else ("stand" if "stand" in r["indicator"] else "begroting")
        )
        rows.append(
            {
                "gemeente_code": "GM0397",
                "periode": per_m[1],
                "post": r["indicator"],
                "soort": soort,
                "waarde": v,
                "eenheid": r["unit"] or "euro",
                "bron": r["source_document"],
            }
        )
    rows.sort(key=lambda x: (x["post"], x["periode"], x["soort"]))
    write_csv(
        data_dir / "begroting_sociaal_domein.csv",
        ["gemeente_code", "periode", "post", "soort", "waarde", "eenheid", "bron"],
        rows,
    )
    entries["begroting_sociaal_domein"] = _entry(
        "begroting_sociaal_domein.csv",
        "Begrotingen sociaal domein 2019-2023 en Wmo-posten 2019",
        "Begroting en meerjarenraming uit het vorige beleidsplan (2019-2023) en de Wmo-begrotingsposten "
        "2019; eigen bijdragen staan als negatief bedrag.",
        {"organisation": "Gemeente", "document": "seeds/001_472be077156590ad.txt"},
        {
            "key": ["gemeente_code", "periode", "post", "soort"],
            "columns": {
                "gemeente_code": {"type": "regio"},
                "periode": {"type": "periode"},
                "post": T,
                "soort": {"type": "categorie", "allowed": ["begroting", "geactualiseerd", "stand"]},
                "waarde": {"type": "getal"},
                "eenheid": T,
                "bron": T,
            },
        },
    )

    # --- national Wmo clients ---------------------------------------------------------------
    rows = {}
    for r in public:
        if r["topic"] != "wmo_clients" or r["region_code"] != "NL01":
            continue
        m = re.match(r"Wmo-cliënten (.+?) \((aantal|per 1 000 inwoners)\)", r["indicator"])
        v = parse_number(r["value"])
        if not m or v is None:
            continue
        per = r["period"].replace("*", "").strip()
        per = per[-4:] + "H1" if per.startswith("1e halfjaar") else per[:4]
        key = (per, m[1])
        row = rows.setdefault(
            key,
            {
                "gemeente_code": "NL01",
                "periode": per,
                "type": m[1],
                "status": "voorlopig" if "*" in r["period"] else "definitief",
                "tabel": r["table_id"] or "86050NED",
                "bron": r["source_url"],
            },
        )
        row["aantal" if m[2] == "aantal" else "per_1000"] = v
    write_csv(
        data_dir / "wmo_clienten_nl.csv",
        ["gemeente_code", "periode", "type", "aantal", "per_1000", "status", "tabel", "bron"],
        [rows[k] for k in sorted(rows)],
    )
    entries["wmo_clienten_nl"] = _entry(
        "wmo_clienten_nl.csv",
        "Wmo-cliënten Nederland per type maatwerkvoorziening",
        "Landelijke benchmark uit CBS StatLine (Gemeentelijke Monitor Sociaal Domein, nieuwe "
        "methode na de methodebreuk van december 2024).",
        {
            "organisation": "CBS",
            "url": "https://www.cbs.nl/nl-nl/cijfers/detail/86050NED",
            "table_id": "86050NED",
        },
        {
            "key": ["gemeente_code", "periode", "type"],
            "columns": {
                "gemeente_code": {"type": "regio"},
                "periode": {"type": "periode"},
                "type": T,
                "aantal": {"type": "aantal", "nullable": True},
                "per_1000": GN,
                "status": {"type": "categorie", "allowed": ["definitief", "voorlopig"]},
                "tabel": T,
                "bron": T,
            },
        },
        licence="CC BY 4.0",
    )

    # --- health reference -------------------------------------------------------------------
    rows = []
    for i, r in enumerate(
        [r for r in public if r["topic"] in ("health", "mantelzorg_vrijwilligers")], 1
    ):
        rows.append(
            {
                "nr": i,
                "indicator": r["indicator"],
                "regio": r["region"],
                "regio_code": r["region_code"],
                "periode_tekst": r["period"],
                "waarde": parse_number(r["value"]),
                "eenheid": r["unit"],
                "bron": r["source_url"],
            }
        )
    for r in seeds:
        if r["topic"] in ("kwetsbaarheid", "leefstijl", "mantelzorg"):
            rows.append(
                {
                    "nr": len(rows) + 1,
                    "indicator": r["indicator"],
                    "regio": r["region"],
                    "regio_code": _region_code(r["region"]) or "",
                    "periode_tekst": r["period"],
                    "waarde": parse_number(r["value"]),
                    "eenheid": r["unit"] or "%",
                    "bron": r["source_document"],
                }
            )
    cols = ["nr", "indicator", "regio", "regio_code", "periode_tekst", "waarde", "eenheid", "bron"]
    write_csv(data_dir / "gezondheid_referentie.csv", cols, rows)
    entries["gezondheid_referentie"] = _entry(
        "gezondheid_referentie.csv",
        "Gezondheid, eenzaamheid, mantelzorg en vrijwilligerswerk: publieke referentiecijfers",
        "GGD Gezondheidsmonitor (regio Kennemerland, 2016-2022), RIVM/vzinfo en CBS (Nederland) en "
        "de GGD-cijfers voor de gemeente uit het beleidsplan 2019.",
        {"organisation": "GGD Kennemerland, RIVM, CBS", "url": "zie kolom bron"},
        {
            "key": ["nr"],
            "columns": {
                "nr": {"type": "aantal"},
                "indicator": T,
                "regio": T,
                "regio_code": TN,
                "periode_tekst": TN,
                "waarde": GN,
                "eenheid": TN,
                "bron": T,
            },
        },
        licence="CC BY 4.0 (CBS); overige: citaat met bronvermelding",
    )

    # --- Loket and client survey anchors ----------------------------------------------------
    loket = [r for r in seeds if r["topic"] == "toegang"][0]
    write_csv(
        data_dir / "loket_referentie.csv",
        ["gemeente_code", "periode", "indicator", "waarde", "eenheid", "bron"],
        [
            {
                "gemeente_code": "GM0397",
                "periode": "2024",
                "indicator": "formele Wmo-meldingen per jaar (ongeveer)",
                "waarde": int(float(loket["value"])),
                "eenheid": "meldingen",
                "bron": loket["source_document"],
            }
        ],
    )
    entries["loket_referentie"] = _entry(
        "loket_referentie.csv",
        "Loket: formele Wmo-meldingen per jaar (plan)",
        "Het plan noemt ongeveer 1.000 formele Wmo-meldingen per jaar (circa 2024).",
        {"organisation": "Gemeente", "document": PLAN},
        {
            "key": ["gemeente_code", "periode", "indicator"],
            "columns": {
                "gemeente_code": {"type": "regio"},
                "periode": {"type": "periode"},
                "indicator": T,
                "waarde": {"type": "aantal"},
                "eenheid": T,
                "bron": T,
            },
        },
    )
    url = (
        "https://023magazine.nl/maatschappij/politiek/2749-clienten-tevreden-over-"
        "maatschappelijke-ondersteuning-in-heemstede"
    )
    ceo = [
        ("tevreden over hulp Loket, kwaliteit en effect (ongeveer)", 90.0),
        ("kan zich beter redden / betere kwaliteit van leven", 85.0),
        ("bekend met onafhankelijke cliëntondersteuning", 61.0),
    ]
    write_csv(
        data_dir / "clientervaring_2022.csv",
        ["gemeente_code", "periode", "uitkomst", "percentage", "bron"],
        [
            {
                "gemeente_code": "GM0397",
                "periode": "2022",
                "uitkomst": u,
                "percentage": p,
                "bron": url,
            }
            for u, p in ceo
        ]
        + [
            {
                "gemeente_code": "GM0397",
                "periode": "2021",
                "uitkomst": "bekend met onafhankelijke cliëntondersteuning",
                "percentage": 55.0,
                "bron": url,
            }
        ],
    )
    entries["clientervaring_2022"] = _entry(
        "clientervaring_2022.csv",
        "Cliëntervaringsonderzoek 2022: kernresultaten",
        "Kernresultaten van het cliëntervaringsonderzoek 2022 (Facit; 1.200 cliënten benaderd, 30% "
        "respons), zoals gepubliceerd, en de bekendheid met cliëntondersteuning in 2021.",
        {"organisation": "Gemeente / Onderzoeksbureau Facit (via 023magazine)", "url": url},
        {
            "key": ["gemeente_code", "periode", "uitkomst"],
            "columns": {
                "gemeente_code": {"type": "regio"},
                "periode": {"type": "periode"},
                "uitkomst": T,
                "percentage": {"type": "percentage"},
                "bron": T,
            },
        },
    )

    # --- policy: action agenda and targets -------------------------------------------------
    rows = []
    for i, (ch, thema, actie, nx) in enumerate(AGENDA, 1):
        years = [2025, 2026, 2027, 2028][: (nx or 4)]
        exact = nx in (4,)
        for y in (2025, 2026, 2027, 2028):
            rows.append(
                {
                    "actie_id": f"A{i:02d}",
                    "hoofdstuk": ch,
                    "hoofdstuk_titel": CHAPTERS[ch],
                    "thema": thema,
                    "actiepunt": actie,
                    "jaar": y,
                    "gepland": "ja" if y in years else "nee",
                    "jaren_zeker": "ja" if exact else "nee",
                }
            )
    cols = [
        "actie_id",
        "hoofdstuk",
        "hoofdstuk_titel",
        "thema",
        "actiepunt",
        "jaar",
        "gepland",
        "jaren_zeker",
    ]
    write_csv(data_dir / "uitvoeringsagenda.csv", cols, rows)
    entries["uitvoeringsagenda"] = _entry(
        "uitvoeringsagenda.csv",
        "Uitvoeringsagenda 2025-2028 (bijlage van het beleidsplan)",
        f"Alle {len(AGENDA)} actiepunten uit de bijlage, met hoofdstuk, thema en de jaren waarin ze "
        "gepland zijn (één rij per actiepunt en jaar). In de tekstextractie van de pdf zijn de "
        "kolomposities van de kruisjes verloren gegaan: waar niet alle vier jaren zijn aangekruist "
        "is aangenomen dat het om de eerste jaren gaat en staat jaren_zeker = nee; bij 22 punten "
        "(vrijwillige inzet, dementie, deel mantelzorg) zijn de kruisjes niet leesbaar en is 2025-2028 "
        "aangenomen. Controleer dit tegen de pdf.",
        {"organisation": "Gemeente", "document": PLAN + ", Bijlage: Uitvoeringsagenda"},
        {
            "key": ["actie_id", "jaar"],
            "columns": {
                "actie_id": T,
                "hoofdstuk": {"type": "categorie", "allowed": ["3", "4", "5"]},
                "hoofdstuk_titel": T,
                "thema": T,
                "actiepunt": T,
                "jaar": {"type": "categorie", "allowed": ["2025", "2026", "2027", "2028"]},
                "gepland": {"type": "categorie", "allowed": ["ja", "nee"]},
                "jaren_zeker": {"type": "categorie", "allowed": ["ja", "nee"]},
            },
        },
    )
    cols = ["id", "hoofdstuk", "thema", "ambitie", "indicator", "richting", "doelwaarde"]
    write_csv(data_dir / "beleidsdoelen.csv", cols, DOELEN)
    entries["beleidsdoelen"] = _entry(
        "beleidsdoelen.csv",
        "Doelen en ambities van het beleidsplan",
        "De ambities per thema, met de indicator die voortgang zou laten zien en de gewenste "
        "richting; een getal alleen waar het plan er een noemt.",
        {"organisation": "Gemeente", "document": PLAN},
        {
            "key": ["id"],
            "columns": {
                "id": T,
                "hoofdstuk": T,
                "thema": T,
                "ambitie": T,
                "indicator": T,
                "richting": {"type": "categorie", "allowed": ["hoger", "lager", "stabiel"]},
                "doelwaarde": GN,
            },
        },
    )

    register(entries, data_dir)
    return sorted(entries)


if __name__ == "__main__":  # pragma: no cover
    import sys

    from .project import data_dir, project_root

    src = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else (project_root().parent / "shared" / "reference-data")
    )
    print(", ".join(import_reference(src, data_dir())))
