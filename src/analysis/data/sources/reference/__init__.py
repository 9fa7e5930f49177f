"""Import the real reference figures into tidy datasets under ``data/``.

Reads only from ``data/bronnen/`` (:mod:`analysis.data.sources.bronnen`): the copied reference data
(``referentie/seed_figures.csv``: figures transcribed from the policy documents;
``referentie/public_figures.csv``: CBS, RIVM, GGD and other public pages), the plan's
transcriptions (``plan/``), the regions and label mappings, and ``import.yml`` (manifest texts and
settings). One small producer per dataset (:data:`PRODUCERS`, dataset name → function) writes:

* ``seed_cijfers`` and ``publieke_cijfers``: **every** figure, as published;
* focused tidy datasets the chapters use: ``bevolking_2019``, ``bevolking_totaal``,
  ``bevolking_nl_leeftijd``, ``dementie_schattingen``, ``wonen_doelgroepen``,
  ``beschermd_wonen_prognose``, ``uitstroom_pact``, ``begroting_sociaal_domein``,
  ``wmo_clienten_nl``, ``wmo_clienten_wijk``, ``wmo_uitgaven_nl``, ``gezondheid_referentie``,
  ``loket_referentie``, ``clientervaring_2022``, ``woningvoorraad_referentie``;
* the policy data from the plan: ``uitvoeringsagenda``, ``beleidsdoelen`` and ``impactvragen``
  (the impact questions of the plan's vision, plan 6.5), and what the
  Begroting 2026 says about the Wmo (``begroting_2026_wmo``);
* documented mappings: ``productcategorie_cbs`` (the plan's product categories and the CBS types)
  and ``indicatoren_monitor`` (the report's indicators and their national counterparts).

Each is written in the columns of its schema (:mod:`analysis.config.schemas`) and registered in the
manifest. Deterministic: the same sources give byte-identical files (``wmo-rapport data importeer``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from analysis.config.manifest import register
from analysis.core.paths import data_dir as default_data_dir
from analysis.data.sources.bronnen import FOLDER, Sources
from analysis.data.sources.common import Producer, manifest_entry, write_dataset
from analysis.data.sources.reference import (
    figures,
    finance,
    health,
    housing,
    mappings,
    plan,
    population,
    wmo,
)
from analysis.data.sources.reference.inputs import SETTINGS, Inputs

#: Every imported dataset and the function that makes it.
PRODUCERS: dict[str, Producer] = {
    "seed_cijfers": figures.seed_cijfers,
    "publieke_cijfers": figures.publieke_cijfers,
    "bevolking_2019": population.bevolking_2019,
    "bevolking_totaal": population.bevolking_totaal,
    "bevolking_nl_leeftijd": population.bevolking_nl_leeftijd,
    "dementie_schattingen": health.dementie_schattingen,
    "gezondheid_referentie": health.gezondheid_referentie,
    "wonen_doelgroepen": housing.wonen_doelgroepen,
    "beschermd_wonen_prognose": housing.beschermd_wonen_prognose,
    "uitstroom_pact": housing.uitstroom_pact,
    "woningvoorraad_referentie": housing.woningvoorraad_referentie,
    "begroting_sociaal_domein": finance.begroting_sociaal_domein,
    "begroting_2026_wmo": finance.begroting_2026_wmo,
    "wmo_clienten_nl": wmo.wmo_clienten_nl,
    "wmo_clienten_wijk": wmo.wmo_clienten_wijk,
    "wmo_uitgaven_nl": wmo.wmo_uitgaven_nl,
    "loket_referentie": wmo.loket_referentie,
    "clientervaring_2022": wmo.clientervaring_2022,
    "uitvoeringsagenda": plan.uitvoeringsagenda,
    "beleidsdoelen": plan.beleidsdoelen,
    "impactvragen": plan.impactvragen,
    "productcategorie_cbs": mappings.productcategorie_cbs,
    "indicatoren_monitor": mappings.indicatoren_monitor,
}


def import_reference(
    bronnen: Path | str | None = None,
    data_dir: Path | str | None = None,
    region: str | None = None,
) -> list[str]:
    """Write the real datasets from the sources in ``bronnen`` into ``data_dir``.

    Parameters
    ----------
    bronnen
        The sources folder; default ``<data_dir>/bronnen``. Its files are checked against the
        ``bronnen`` section of the manifest in the folder above it.
    data_dir
        Output folder; default the project's ``data/``. The manifest there is updated (created
        when missing); entries of other datasets are kept.
    region
        CBS code of the municipality the documents are about (default: role ``gemeente`` in
        ``regios.csv``).

    Returns
    -------
    list of str
        The dataset names written, sorted.

    Examples
    --------
    >>> import tempfile
    >>> names = import_reference(data_dir=Path(tempfile.mkdtemp()))  # doctest: +SKIP
    >>> "uitvoeringsagenda" in names  # doctest: +SKIP
    True
    """
    out = Path(data_dir or default_data_dir())
    src = Sources.at(Path(bronnen) if bronnen else out / FOLDER)
    inp = Inputs.read(src, region)
    meta = src.yaml(SETTINGS)["datasets"]
    defaults = {
        "licence": inp.settings["licentie"],
        "retrieved": inp.settings["opgehaald"],
        "synthetic": False,
    }
    entries: dict[str, dict[str, Any]] = {}
    for name, produce in PRODUCERS.items():
        made = produce(inp)
        write_dataset(name, made.rows, out)
        entries[name] = manifest_entry(name, meta[name], defaults, made.values)
    register(entries, out)
    return sorted(entries)


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m analysis.data.sources.reference [BRONNEN [DATA_DIR]]``."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    print(", ".join(import_reference(*(Path(a) for a in args[:2]))))
    return 0


__all__ = ["PRODUCERS", "import_reference", "main"]
