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
import re
from pathlib import Path
from typing import Any

from analysis.config import schemas
from analysis.config.manifest import register
from analysis.core.io import write_csv
from analysis.core.numbers import parse_number, parse_range
from analysis.data.sources.cbs.status import UNKNOWN

SEED_DOC = "000_efd20162d3471d10.txt"
PLAN = "Beleidsplan Maatschappelijke Ondersteuning 2025-2028 (seeds/000_efd20162d3471d10.txt)"
RETRIEVED = "2026-11-01"  # the reference data gives no retrieval date: see the descriptions
DEFAULT_REGION = "GM0397"  # the municipality whose documents are in ../shared/seeds (default only)
#: The undated age x sex table of the 2019 plan is placed at 1 January 2018: its total (27,302)
#: differs from the 27,286 inhabitants on 1 January 2019, so it is not the 2019 table.
TABLE_2019_PERIOD = "2018"
UITVOERINGSPROGRAMMA = (
    "Uitvoeringsprogramma opvang, wonen en herstel 2024-2027 (seeds/003_4f3f793028928489.txt)"
)
PUBLIC_DOC = "openbaar overheidsdocument (hergebruik toegestaan, Wet open overheid)"


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _entry(
    file: str,
    title: str,
    description: str,
    source: dict[str, Any],
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
        "schema": schemas.schema(Path(file).stem),
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
    ("3", "Vrijwillige inzet", "Doorontwikkeling vrijwilligerspunt", 1),
    ("3", "Vrijwillige inzet", "Doorontwikkeling vrijwilligersfeest en -prijs", 1),
    ("3", "Vrijwillige inzet", "Scholing vrijwilligers", 1),
    ("3", "Vrijwillige inzet", "Ondersteunen kwetsbare vrijwilligers", 1),
    ("3", "Vrijwillige inzet", "Inzetten op 'Grijs voor grijs'", 1),
    ("3", "Vrijwillige inzet", "Onderzoek aantrekken jonge vrijwilligers", 1),
    ("3", "Dementie", "Vergroten bewustwording in samenleving en onder partners", 4),
    ("3", "Dementie", "Vergroten inclusie en participatie van mensen met dementie", 4),
    ("3", "Dementie", "Versterken ondersteuning aan mensen met dementie en naasten", 4),
    ("3", "Dementie", "Stimuleren partners toepassen sociale benadering dementie", 4),
    ("3", "Dementie", "Stimuleren partners samen te werken op gebied van dementie", 4),
    ("3", "Dementie", "Trefpunten Dementie in stand houden", 4),
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
    ("4", "Samenwerking zorg, welzijn en veiligheid", "Creëren doorbraken in casuistiek", 4),
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
        "Onderzoeken mogelijkheden locatie voor logeerzorg en sterfbegeleiding",
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
#: Themes whose X's came out of the PDF extraction as a rotated table ("X | X | X | X | X | X":
#: one line per year, one X per action point): dementie 4 lines (all four years), vrijwillige
#: inzet 1 line (one year, which one is lost).
ROTATED = {"Dementie", "Vrijwillige inzet"}
CHAPTERS = {"3": "Een stevige sociale basis", "4": "Hulp en ondersteuning", "5": "Wonen en zorg"}


# Targets and ambitions of the plan (chapters 3-6), in the plan's words where possible. A number
# only where the plan gives one (doelwaarde, doelwaarde_max for a range, eenheid).
def _doel(id_, par, thema, ambitie, indicator, richting, lo=None, hi=None, eenheid=None):
    bron = UITVOERINGSPROGRAMMA if id_ == "pact_uitstroom" else PLAN
    return {
        "bron": bron + (f", paragraaf {par}" if "." in par else f", hoofdstuk {par}"),
        "id": id_,
        "hoofdstuk": par.split(".")[0],
        "paragraaf": par,
        "thema": thema,
        "ambitie": ambitie,
        "indicator": indicator,
        "richting": richting,
        "doelwaarde": lo,
        "doelwaarde_max": hi,
        "eenheid": eenheid,
    }


DOELEN: list[dict[str, Any]] = [
    _doel(
        "algemene_voorzieningen",
        "3.1",
        "Algemene diensten en voorzieningen",
        "Wij willen de algemene diensten en voorzieningen in Heemstede behouden en versterken, "
        "met aandacht voor spreiding over de (focus)buurten.",
        "bereik algemene voorzieningen; aandeel inwoners met maatwerk (beweging van zorg naar "
        "welzijn)",
        "stabiel",
    ),
    _doel(
        "eenzaamheid",
        "3.1",
        "Algemene diensten en voorzieningen",
        "Versterken aanpak eenzaamheid.",
        "aandeel (ernstig) eenzame inwoners (GGD)",
        "lager",
    ),
    _doel(
        "mantelzorg_niet_alleen",
        "3.2",
        "Mantelzorg",
        "De ambitie is dat geen enkele mantelzorger er alleen voor hoeft te staan.",
        "aandeel zwaar belaste mantelzorgers (GGD); gebruik respijtzorg",
        "lager",
    ),
    _doel(
        "vrijwilligers_stijgen",
        "3.3",
        "Vrijwillige inzet",
        "In weerwil van de landelijke dalende trend, is onze ambitie het aantal vrijwilligers in "
        "Heemstede niet alleen te behouden, maar zelfs te laten stijgen.",
        "aandeel inwoners dat vrijwilligerswerk doet (GGD); matches vrijwilligerspunt",
        "hoger",
    ),
    _doel(
        "dementie_thuis",
        "3.4",
        "Dementie",
        "Mensen met dementie kunnen zo lang mogelijk thuis blijven wonen en blijven meedraaien in "
        "de maatschappij.",
        "aantal mensen met dementie (schatting) en bereik Trefpunten",
        "stabiel",
    ),
    _doel(
        "toegang_bereikbaar",
        "4.1",
        "Toegang",
        "Inwoners weten ons te vinden met hun hulpvraag, we zoeken samen naar een passende "
        "oplossing; een laagdrempelige, goed bereikbare toegang.",
        "aandeel cliënten dat wist waar het moest zijn (CEO vraag 1); meldingen Loket",
        "stabiel",
    ),
    _doel(
        "voorzieningenaanbod",
        "4.2",
        "Voorzieningenaanbod Wmo",
        "We beschikken over een ruim aanbod aan kwalitatief goede voorzieningen.",
        "aandeel (helemaal) eens over kwaliteit (CEO vraag 6); Wmo-cliënten per 1.000; uitgaven",
        "stabiel",
    ),
    _doel(
        "veilig_thuis",
        "4.3",
        "Veilig Thuis",
        "Samen met ketenpartners en regiogemeenten het verloop in de keten beter vormgeven, "
        "om wachtlijsten bij Veilig Thuis te voorkomen.",
        "wachtlijst Veilig Thuis",
        "lager",
    ),
    _doel(
        "zorg_veiligheid",
        "4.4",
        "Samenwerking zorg, welzijn en veiligheid",
        "Inwoners in het zorg- en veiligheidsdomein krijgen de juiste ondersteuning, ongeacht "
        "bestaande zorgvragen.",
        "casuïstiek met doorbraak",
        "hoger",
    ),
    _doel(
        "clienttevredenheid",
        "6.2",
        "Monitoring",
        "We meten jaarlijks de tevredenheid van inwoners over onze voorzieningen en over de "
        "toegang tot die voorzieningen via het Wmo cliëntervaringsonderzoek.",
        "aandeel (helemaal) eens per standaardvraag",
        "stabiel",
    ),
    _doel(
        "sociale_huur",
        "5",
        "Wonen en zorg",
        "Conform het Woonakkoord streven wij naar een netto uitbreiding van de sociale "
        "woningvoorraad, waarbij 30% van de woningbouwproductie sociale huur betreft.",
        "aandeel sociale huur in de nieuwbouw",
        "hoger",
        30,
        None,
        "%",
    ),
    _doel(
        "woondeal_mra",
        "5",
        "Wonen en zorg",
        "Bod Woondeal MRA: 100 nieuwe woningen tot 2030, waarvan 30 sociale huur en 36 "
        "betaalbare middenhuur of koopwoningen.",
        "nieuwe woningen tot 2030",
        "hoger",
        100,
        None,
        "woningen",
    ),
    _doel(
        "beschermd_wonen_plekken",
        "5.2",
        "Wonen en zorg",
        "De verwachting is dat het in Heemstede over 11 tot 15 plekken beschermd (thuis) wonen "
        "per jaar gaat.",
        "Heemstedenaren met behoefte aan beschermd wonen",
        "stabiel",
        11,
        15,
        "plekken per jaar",
    ),
    _doel(
        "kleinschalig_beschermd_wonen",
        "5.2",
        "Wonen en zorg",
        "Onderzoeken mogelijkheden kleinschalige locatie beschermd wonen (ideaal 4 tot 6 "
        "plekken) met 1 tot 2 pauzeplekken.",
        "plekken kleinschalige voorziening",
        "hoger",
        4,
        6,
        "plekken",
    ),
    _doel(
        "pact_uitstroom",
        "5.2",
        "Wonen en zorg",
        "Pact voor uitstroom: 12 woningtoewijzingen per jaar voor uitstroom uit beschermd wonen "
        "en opvang (Uitvoeringsprogramma opvang, wonen en herstel 2024-2027).",
        "plaatsingen per jaar",
        "hoger",
        12,
        None,
        "plaatsingen per jaar",
    ),
    _doel(
        "jeugd_verblijf",
        "5.3",
        "Wonen en zorg",
        "Onderzoeken wensen en mogelijkheden kleinschalige voorziening en tussenvorm jeugdhulp "
        "met verblijf (11 tot 15 jeugdigen per jaar, vooral 16-19 jaar; gezinshuis 4 tot 6).",
        "jeugdigen met zorg- en verblijfsbehoefte",
        "stabiel",
        11,
        15,
        "jeugdigen per jaar",
    ),
    _doel(
        "noodopvang",
        "5.4",
        "Wonen en zorg",
        "Onderzoeken de mogelijkheden voor een noodopvang voor economisch daklozen in Heemstede "
        "met in ieder geval vier plekken.",
        "plekken noodopvang",
        "hoger",
        4,
        None,
        "plekken",
    ),
]


TARGET_GROUPS = [
    "ouderen",
    "psychisch kwetsbaar",
    "kwetsbare jeugd",
    "(dreigend) dakloos",
    "sociale huur",
]


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
    if any(
        w in t
        for w in (
            "dakloos",
            "daklozen",
            "noodopvang",
            "bct",
            "brede centrale",
            "skaeve",
            "onder de pannen",
        )
    ):
        return "(dreigend) dakloos"
    if any(w in t for w in ("mra", "sociale huur", "woondeal")):
        return "sociale huur"
    if any(w in t for w in ("ouderen", "75", "nultreden")):
        return "ouderen"
    return "psychisch kwetsbaar"


def agenda_years_note(thema: str, nx: int) -> str:
    """How the planned years of an action point were read from the extracted appendix.

    Examples
    --------
    >>> agenda_years_note("Toegang", 4)
    'vier kruisjes in de bron'
    """
    if thema == "Dementie":
        return (
            "gekantelde tabel in de extractie: 4 regels met 6 kruisjes (één per actiepunt), "
            "gelezen als 2025-2028"
        )
    if thema == "Vrijwillige inzet":
        return (
            "gekantelde tabel in de extractie: 1 regel met 6 kruisjes, gelezen als één jaar per "
            "actiepunt; welk jaar is verloren, 2025 aangenomen"
        )
    if nx == 4:
        return "vier kruisjes in de bron"
    if nx == 0:
        return "geen kruisjes leesbaar in de extractie; 2025-2028 aangenomen"
    return (
        f"{nx} kruisje(s) in de bron; kolompositie verloren in de extractie, "
        f"eerste {nx} jaar/jaren aangenomen"
    )


def _total_priority(r: dict[str, str]) -> int | None:
    """Rank of a public row as a 1 January population total (lower wins); ``None``: not one.

    Examples
    --------
    >>> _total_priority({"topic": "population", "region_code": "NL01",
    ...     "indicator": "Totale bevolking op 1 januari", "period": "2024-01-01"})
    0
    """
    if r["topic"] != "population" or not r["region_code"]:
        return None
    ind = r["indicator"]
    if ind.startswith("Totale bevolking op 1 januari"):
        return 0
    if ind.startswith("Population on 1 January") and "male" not in ind:
        return 1 if "gemeente-overzicht" not in ind else 2
    if ind.startswith("Bevolking op 1 januari (totaal)"):
        return 2
    if ind.startswith("Inwoners (gemeente"):
        return 3
    if ind.startswith("Bevolking 2019 (huidige"):
        return 4
    return None


def import_reference(
    reference_dir: Path | str | None = None,
    data_dir: Path | str | None = None,
    region: str = DEFAULT_REGION,
) -> list[str]:
    """Write the real datasets from ``reference_dir`` into ``data_dir`` and their manifest entries.

    Parameters
    ----------
    reference_dir
        Folder with ``seed_figures.csv`` and ``public_figures.csv``; default
        ``<project root>/../shared/reference-data``.
    data_dir
        Output folder; default the project's ``data/``. The manifest there is updated (created
        when missing); entries of other datasets are kept.
    region
        CBS code of the municipality the seed documents are about.

    Returns
    -------
    list of str
        The dataset names written, sorted.

    Examples
    --------
    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> names = import_reference(data_dir=out)  # doctest: +SKIP
    >>> "uitvoeringsagenda" in names  # doctest: +SKIP
    True
    """
    from analysis.core.paths import data_dir as _default_data_dir
    from analysis.core.paths import project_root

    reference_dir = Path(reference_dir or project_root().parent / "shared" / "reference-data")
    data_dir = Path(data_dir or _default_data_dir())
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
            "status": _status(r["value"], r["period"]),
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
        licence="CC BY 4.0 (CBS); overige bronnen: citaat met bronvermelding",
    )

    # --- population 2019 (age x sex) ------------------------------------------------------
    pop = []
    for r in seeds:
        m = re.fullmatch(r"inwoners (.+?) jaar, (mannen|vrouwen|totaal)", r["indicator"])
        if r["topic"] == "demografie" and m:
            pop.append(
                {
                    "gemeente_code": region,
                    "periode": TABLE_2019_PERIOD,
                    "leeftijd": m[1],
                    "geslacht": m[2],
                    "waarde": int(float(r["value"])),
                    "eenheid": "personen",
                    "peildatum_bron": r["period"],
                    "bron": r["source_document"] + "; " + r["note"],
                }
            )
    write_csv(
        data_dir / "bevolking_2019.csv",
        [
            "gemeente_code",
            "periode",
            "leeftijd",
            "geslacht",
            "waarde",
            "eenheid",
            "peildatum_bron",
            "bron",
        ],
        pop,
    )
    entries["bevolking_2019"] = _entry(
        "bevolking_2019.csv",
        "Bevolking naar leeftijd en geslacht (tabel beleidsplan 2019)",
        "Tabel uit hoofdstuk 3.1 van het Beleidsplan Sociaal Domein 2019-2023 (mei 2019). De "
        "peildatum staat niet in het document (kolom peildatum_bron). Het totaal (27.302) wijkt af "
        "van de 27.286 inwoners op 1 januari 2019 (bevolking_totaal), dus de tabel is niet van "
        "1-1-2019; hier als 1 januari 2018 opgenomen (afgeleid, niet in de bron vermeld).",
        {"organisation": "Gemeente", "document": "seeds/001_472be077156590ad.txt, hoofdstuk 3.1"},
    )

    # --- population totals -------------------------------------------------------------
    tot: dict[tuple[str, str], dict[str, Any]] = {}
    for r in public:
        prio = _total_priority(r)
        v = parse_number(r["value"])
        if prio is None or v is None:
            continue
        key = (r["region_code"], r["period"][:4])
        if key in tot and tot[key]["_prio"] <= prio:
            continue
        tot[key] = {
            "_prio": prio,
            "gemeente_code": r["region_code"],
            "periode": r["period"][:4],
            "waarde": int(v),
            "eenheid": "personen",
            "indicator_bron": r["indicator"],
            "betrouwbaarheid": r["reliability"].split(" ")[0],
            "tabel": r["table_id"],
            "bron": r["source_url"],
        }
    rows = [tot[k] for k in sorted(tot)]
    write_csv(
        data_dir / "bevolking_totaal.csv",
        [
            "gemeente_code",
            "periode",
            "waarde",
            "eenheid",
            "indicator_bron",
            "betrouwbaarheid",
            "tabel",
            "bron",
        ],
        rows,
    )
    entries["bevolking_totaal"] = _entry(
        "bevolking_totaal.csv",
        "Bevolking op 1 januari, totaal",
        "Totale bevolking per regio en jaar zoals gevonden in publieke bronnen: CBS 70072NED/37259 "
        "(official) gaat voor; anders secundaire bronnen die CBS citeren (pers, AlleCijfers, "
        "Wikipedia), met hun eigen label in indicator_bron. Bij twee waarden voor hetzelfde jaar "
        "wint de officiële tabel (Nederland 1-1-2024: 70072NED 17.947.684, niet de 17.942.942 uit "
        "37259ENG, die gelijk is aan 'personen in huishoudens').",
        {
            "organisation": "CBS (70072NED) en secundaire bronnen",
            "url": "zie kolom bron",
            "table_id": "70072NED",
        },
        licence="CC BY 4.0 (CBS)",
    )

    # --- dementia ---------------------------------------------------------------------------
    rows = []
    for r in seeds:
        if r["topic"] == "dementie":
            rows.append(
                {
                    "gemeente_code": region,
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
    )
    entries["dementie_schattingen"]["vooruitblik"] = True  # holds prognoses for 2040 and 2050

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
    )
    rows = []
    for r in seeds:
        if r["indicator"].startswith("Pact voor uitstroom"):
            doel = "doel" in r["indicator"]
            rows.append(
                {
                    "gemeente_code": region,
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
                "gemeente_code": region,
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
    )

    # --- national Wmo clients ---------------------------------------------------------------
    rows = {}
    for r in public:
        if r["topic"] != "wmo_clients" or r["region_code"] != "NL01":
            continue
        m = re.match(r"Wmo-cliënten (.+?) \((aantal|per 1 000 inwoners)\)", r["indicator"])
        v = parse_number(r["value"])
        if not m or (v is None and r["value"].strip() != "."):
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
        if v is None:
            row["status"] = UNKNOWN
    write_csv(
        data_dir / "wmo_clienten_nl.csv",
        ["gemeente_code", "periode", "type", "aantal", "per_1000", "status", "tabel", "bron"],
        [rows[k] for k in sorted(rows)],
    )
    entries["wmo_clienten_nl"] = _entry(
        "wmo_clienten_nl.csv",
        "Wmo-cliënten Nederland per type maatwerkvoorziening",
        "Landelijke benchmark uit CBS StatLine (Gemeentelijke Monitor Sociaal Domein, nieuwe "
        "methode na de methodebreuk van december 2024). Een CBS-punt ('.': onbekend, onvoldoende "
        "betrouwbaar of geheim) staat leeg met status onbekend.",
        {
            "organisation": "CBS",
            "url": "https://www.cbs.nl/nl-nl/cijfers/detail/86050NED",
            "table_id": "86050NED",
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
        licence="CC BY 4.0 (CBS); overige: citaat met bronvermelding",
    )

    # --- Loket and client survey anchors ----------------------------------------------------
    loket = [r for r in seeds if r["topic"] == "toegang"][0]
    write_csv(
        data_dir / "loket_referentie.csv",
        ["gemeente_code", "periode", "indicator", "waarde", "eenheid", "bron"],
        [
            {
                "gemeente_code": region,
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
                "gemeente_code": region,
                "periode": "2022",
                "uitkomst": u,
                "percentage": p,
                "bron": url,
            }
            for u, p in ceo
        ]
        + [
            {
                "gemeente_code": region,
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
    )

    # --- policy: action agenda and targets -------------------------------------------------
    rows = []
    for i, (ch, thema, actie, nx) in enumerate(AGENDA, 1):
        years = [2025, 2026, 2027, 2028][: (nx or 4)]
        exact = nx == 4 and thema not in ROTATED
        note = agenda_years_note(thema, nx)
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
                    "kruisjes_bron": nx or None,
                    "jaren_toelichting": note,
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
        "kruisjes_bron",
        "jaren_toelichting",
    ]
    write_csv(data_dir / "uitvoeringsagenda.csv", cols, rows)
    entries["uitvoeringsagenda"] = _entry(
        "uitvoeringsagenda.csv",
        "Uitvoeringsagenda 2025-2028 (bijlage van het beleidsplan)",
        f"Alle {len(AGENDA)} actiepunten uit de bijlage, met hoofdstuk, thema en de jaren waarin ze "
        "gepland zijn (één rij per actiepunt en jaar); teksten zoals in het plan. In de "
        "tekstextractie van de pdf zijn de kolomposities van de kruisjes verloren gegaan: waar niet "
        "alle vier jaren zijn aangekruist is aangenomen dat het om de eerste jaren gaat "
        "(jaren_zeker = nee). Dementie en vrijwillige inzet staan als gekantelde tabel in de "
        "extractie (4 resp. 1 regel met 6 kruisjes: 2025-2028 resp. één jaar, 2025 aangenomen); bij "
        "'Onderzoek community platform' zijn geen kruisjes leesbaar (2025-2028 aangenomen). "
        "Kolom jaren_toelichting zegt het per actiepunt. Controleer dit tegen de pdf.",
        {"organisation": "Gemeente", "document": PLAN + ", Bijlage: Uitvoeringsagenda"},
    )
    cols = [
        "id",
        "hoofdstuk",
        "paragraaf",
        "thema",
        "ambitie",
        "indicator",
        "richting",
        "doelwaarde",
        "doelwaarde_max",
        "eenheid",
        "bron",
    ]
    write_csv(data_dir / "beleidsdoelen.csv", cols, DOELEN)
    entries["beleidsdoelen"] = _entry(
        "beleidsdoelen.csv",
        "Doelen en ambities van het beleidsplan",
        "De ambities per thema, met de indicator die voortgang zou laten zien en de gewenste "
        "richting; een getal alleen waar het plan er een noemt.",
        {"organisation": "Gemeente", "document": PLAN},
    )

    entries.update(_extra_public(public, data_dir))
    register(entries, data_dir)
    return sorted(entries)


# ------------------------------------------------------------------ further public datasets
def _status(value: str, period: str = "") -> str:
    """CBS status of a published value: ``onbekend`` (``.``), ``voorlopig`` (``*``) or definitief.

    A ``.`` wins over a ``*`` of its period: the value itself is unknown.

    Examples
    --------
    >>> _status("."), _status("72", "2024*"), _status("12")
    ('onbekend', 'voorlopig', 'definitief')
    >>> _status(".", "1e halfjaar 2025*")
    'onbekend'
    """
    if value.strip() == ".":
        return UNKNOWN
    return "voorlopig" if "*" in value + period else "definitief"


def _year(period: str) -> str | None:
    """The year of a period as the sources write it (``2019-01-01``, ``c. 2019``, ``2018*``).

    Examples
    --------
    >>> _year("2019-01-01"), _year("c. 2019"), _year("2018*"), _year("2012-2020")
    ('2019', '2019', '2018', None)
    """
    m = re.fullmatch(r"\s*(?:c\.\s*)?(\d{4})(?:-01-01)?\*?\s*(?:\(.*\))?", period)
    return m[1] if m else None


_AGE_NL = [
    (r"^65-plussers op 1 januari", "65+", "1 januari"),
    (r"^Aandeel 65-plussers op 1 januari", "65+", "1 januari"),
    (r"^80 jaar of ouder op 1 januari", "80+", "1 januari"),
    (r"^80-plussers op 1 januari", "80+", "1 januari"),
    (r"^Aandeel 80 jaar of ouder op 1 januari", "80+", "1 januari"),
    (r"^Bevolking totaal \(peildatum 2e vrijdag november\)", "totaal", "2e vrijdag november"),
    (r"^Bevolking 65 tot 80 jaar \(peildatum", "65-79", "2e vrijdag november"),
    (r"^Bevolking 80 jaar of ouder \(peildatum", "80+", "2e vrijdag november"),
    (r"^Honderdplussers op 1 januari", "100+", "1 januari"),
    (r"^Honderdplussers per 1000 tachtigplussers", "100+", "1 januari"),
]


def _extra_public(public: list[dict[str, str]], data_dir: Path) -> dict[str, dict[str, Any]]:
    """Age-group, housing, expenditure and district Wmo figures from ``public_figures.csv``."""
    entries: dict[str, dict[str, Any]] = {}

    # population by age group (national, plus the few municipal 80+/100+ figures)
    rows = []
    for r in public:
        if r["topic"] != "population" or not r["region_code"]:
            continue
        hit = next(((a, d) for pat, a, d in _AGE_NL if re.search(pat, r["indicator"])), None)
        year = _year(r["period"])
        if hit is None or year is None:
            continue
        text = r["value"]
        v = parse_number(text.replace(" mln (bijna)", "").replace(" (bijna)", ""))
        if "mln" in text and v is not None:
            v *= 1_000_000
        unit = r["unit"]
        maat = (
            "aandeel"
            if unit.startswith("%")
            else ("per 1.000 80-plussers" if "per 1000" in unit else "aantal")
        )
        rows.append(
            {
                "gemeente_code": r["region_code"],
                "periode": year,
                "peildatum": hit[1],
                "leeftijd": hit[0],
                "maat": maat,
                "waarde": v,
                "waarde_tekst": text,
                "status": _status(text, r["period"]),
                "tabel": r["table_id"],
                "bron": r["source_url"],
            }
        )
    rows.sort(
        key=lambda x: (
            x["gemeente_code"],
            x["periode"],
            x["peildatum"],
            x["leeftijd"],
            x["maat"],
            x["waarde_tekst"],
        )
    )
    cols = [
        "gemeente_code",
        "periode",
        "peildatum",
        "leeftijd",
        "maat",
        "waarde",
        "waarde_tekst",
        "status",
        "tabel",
        "bron",
    ]
    write_csv(data_dir / "bevolking_nl_leeftijd.csv", cols, rows)
    entries["bevolking_nl_leeftijd"] = _entry(
        "bevolking_nl_leeftijd.csv",
        "Bevolking naar leeftijdsgroep: landelijke (en enkele gemeentelijke) cijfers",
        "Alle leeftijdscijfers uit de referentieset: 65+, 65-79, 80+ en 100+ als aantal of aandeel, "
        "met peildatum (1 januari of, in de oudere CBS-reeks, de tweede vrijdag van november). "
        "'Bijna' en 'mln' staan in waarde_tekst; waarde is het getal zoals genoemd.",
        {
            "organisation": "CBS en secundaire bronnen",
            "url": "zie kolom bron",
            "table_id": "70072NED",
        },
        licence="CC BY 4.0 (CBS); overige: citaat met bronvermelding",
    )

    # housing stock
    rows = []
    for r in public:
        if r["topic"] != "housing" or not r["region_code"]:
            continue
        year = _year(r["period"])
        v = parse_number(r["value"].split(" (")[0])
        if year is None or v is None or r["region_code"] == "GM0396":  # Heemskerk: not in scope
            continue
        rows.append(
            {
                "gemeente_code": r["region_code"],
                "periode": year,
                "indicator": re.sub(r"\s*\((secondary[^)]*|1 januari)\)", "", r["indicator"]),
                "waarde": v,
                "eenheid": r["unit"].split(" ")[0] if r["unit"] != "% van respondenten" else "%",
                "periode_tekst": r["period"],
                "betrouwbaarheid": r["reliability"].split(" ")[0],
                "tabel": r["table_id"],
                "bron": r["source_url"],
            }
        )
    rows.sort(key=lambda x: (x["gemeente_code"], x["periode"], x["indicator"]))
    cols = [
        "gemeente_code",
        "periode",
        "indicator",
        "waarde",
        "eenheid",
        "periode_tekst",
        "betrouwbaarheid",
        "tabel",
        "bron",
    ]
    write_csv(data_dir / "woningvoorraad_referentie.csv", cols, rows)
    entries["woningvoorraad_referentie"] = _entry(
        "woningvoorraad_referentie.csv",
        "Woningvoorraad en wonen: publieke referentiecijfers",
        "Woningvoorraad naar eigendom (CBS 82900NED, Nederland en Noord-Holland), woningvoorraad "
        "op 1 januari (70072NED) en de gemeentelijke cijfers c. 2019 uit secundaire bronnen "
        "(AlleCijfers via de Heemsteedse Courant: periode 'c. 2019' staat als 2019, zie "
        "periode_tekst) en de woonpeiling 2022.",
        {
            "organisation": "CBS (82900NED, 70072NED), gemeente en secundaire bronnen",
            "url": "zie kolom bron",
            "table_id": "82900NED",
        },
        licence="CC BY 4.0 (CBS); overige: citaat met bronvermelding",
    )

    # national Wmo expenditure: only the figure in DOMAIN.md section 1.5 (CBS 84580NED)
    src = "DOMAIN.md 1.5 (CBS 84580NED, https://www.cbs.nl/nl-nl/cijfers/detail/84580NED)"
    rows = [
        {
            "gemeente_code": "NL01",
            "periode": "2023",
            "type": "Totaal",
            "soort": "gerealiseerd",
            "waarde": 5484000,
            "eenheid": "1 000 euro",
            "status": "voorlopig",
            "bron": src,
        },
        {
            "gemeente_code": "NL01",
            "periode": "2023",
            "type": "Totaal",
            "soort": "gerealiseerd",
            "waarde": 308,
            "eenheid": "1 000 euro per 1 000 inwoners",
            "status": "voorlopig",
            "bron": src,
        },
    ]
    cols = ["gemeente_code", "periode", "type", "soort", "waarde", "eenheid", "status", "bron"]
    write_csv(data_dir / "wmo_uitgaven_nl.csv", cols, rows)
    entries["wmo_uitgaven_nl"] = _entry(
        "wmo_uitgaven_nl.csv",
        "Uitgaven Wmo-maatwerkvoorzieningen Nederland",
        "Het enige landelijke uitgavencijfer in de referentieset: gerealiseerd 2023* € 5.484 mln "
        "= 308 k€ per 1.000 inwoners (exclusief uitvoeringskosten), zoals genoteerd in DOMAIN.md "
        "1.5 uit CBS 84580NED. `wmo-rapport data fetch` haalt de volledige reeks.",
        {
            "organisation": "CBS",
            "url": "https://www.cbs.nl/nl-nl/cijfers/detail/84580NED",
            "table_id": "84580NED",
            "document": "../shared/reference-data/DOMAIN.md, 1.5",
        },
        licence="CC BY 4.0",
    )

    # Wmo clients in districts (wijken): CBS wijk code WK + municipality + district number
    rows = {}
    for r in public:
        if r["topic"] != "wmo_clients" or r["region_code"] == "NL01":
            continue
        m = re.match(r"Wijk (\d\d) (.+?)(?: \(|$)", r["region"])
        gm = {"Heemstede": "0397", "Bloemendaal": "0377"}
        town = next((g for g in gm if g in r["region"]), None)
        mi = re.match(
            r"Wmo-cliënten,? (?:financieringsvorm )?(.+?) \((aantal|per 1 000)", r["indicator"]
        )
        if not m or not town or not mi:
            continue  # Haarlem districts: no code in the source (kept in publieke_cijfers)
        key = (f"WK{gm[town]}{m[1]}", r["period"][:4], mi[1])
        row = rows.setdefault(
            key,
            {
                "gemeente_code": key[0],
                "periode": key[1],
                "wijk": r["region"].strip(),
                "financieringsvorm": mi[1],
                "aantal": None,
                "per_1000": None,
                "status": "definitief",
                "tabel": r["table_id"],
                "bron": r["source_url"],
            },
        )
        st = _status(r["value"], r["period"])
        if st == UNKNOWN:
            row["status"] = UNKNOWN
        row["aantal" if mi[2] == "aantal" else "per_1000"] = parse_number(r["value"])
    cols = [
        "gemeente_code",
        "periode",
        "wijk",
        "financieringsvorm",
        "aantal",
        "per_1000",
        "status",
        "tabel",
        "bron",
    ]
    write_csv(data_dir / "wmo_clienten_wijk.csv", cols, [rows[k] for k in sorted(rows)])
    entries["wmo_clienten_wijk"] = _entry(
        "wmo_clienten_wijk.csv",
        "Wmo-cliënten in enkele wijken",
        "De wijkcijfers uit de referentieset (CBS 85638NED 2023, 84751NED 2017). De wijkcode is "
        "afgeleid volgens de CBS-regel WK + gemeentenummer + wijknummer; wijken zonder nummer in "
        "de bron (Haarlem) staan alleen in publieke_cijfers. '.' (onbekend, onvoldoende "
        "betrouwbaar of geheim) staat leeg met status onbekend.",
        {"organisation": "CBS", "url": "zie kolom bron", "table_id": "85638NED"},
        licence="CC BY 4.0",
    )
    return entries


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m analysis.data.sources.reference [REFERENCE_DIR [DATA_DIR]]``."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    names = import_reference(*(Path(a) for a in args[:2]))
    print(", ".join(names))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
