"""Synthetic stand-ins for series we cannot have here, calibrated to the real anchor figures.

**These numbers are not real.** They exist so the report can be built and reviewed before the
municipality supplies its own exports and before ``wmo-rapport data fetch`` has been run on a machine
with internet access. Every dataset written here is marked ``synthetic: true`` in the manifest with
``calibrated_to`` (shown to readers) naming the real figures it matches, and every book page that
uses one marks it.

The generator reads its real anchors from the real datasets in ``data/`` (run the import first) and
its assumptions from ``data/bronnen/standin.yml``; nothing of either is typed into Python. One small
producer per dataset (:data:`PRODUCERS`, dataset name → function), each with its own seeded random
stream, no clock, fixed formatting: regenerating gives byte-identical files
(``wmo-rapport data genereer``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from analysis.config.manifest import register
from analysis.core.paths import data_dir as default_data_dir
from analysis.data.sources.bronnen import FOLDER, Sources, regions
from analysis.data.sources.common import Producer, manifest_entry, write_dataset
from analysis.data.sources.synthetic import (
    agenda,
    health,
    housing,
    municipal,
    population,
    pressure,
    products,
    wmo,
)
from analysis.data.sources.synthetic.prognosis import bevolkingsprognose
from analysis.data.sources.synthetic.run import ASSUMPTIONS, MAPPINGS, Run

#: Every stand-in and the function that makes it, in the order they are made (two producers
#: with the same seed share one random stream: vrijwilligerscentrale before mantelzorgondersteuning).
PRODUCERS: dict[str, Producer] = {
    "bevolking_leeftijd": population.bevolking_leeftijd,
    "bevolkingsprognose": bevolkingsprognose,
    "huishoudens_leeftijd": population.huishoudens_leeftijd,
    "woningvoorraad": housing.woningvoorraad,
    "wmo_clienten": wmo.wmo_clienten,
    "wmo_uitgaven": wmo.wmo_uitgaven,
    "loket_meldingen": municipal.loket_meldingen,
    "clientervaring": municipal.clientervaring,
    "gezondheidsmonitor": health.gezondheidsmonitor,
    "vrijwilligerscentrale": municipal.vrijwilligerscentrale,
    "mantelzorgondersteuning": municipal.mantelzorgondersteuning,
    "wonen_realisatie": housing.wonen_realisatie,
    "agenda_status": agenda.agenda_status,
    # issue 15: municipal data in the plan's terms and the pressures it names (all optional)
    "wmo_clienten_product": products.wmo_clienten_product,
    "wmo_budget_posten": products.wmo_budget_posten,
    "wachttijden": pressure.wachttijden,
    "veilig_thuis_wachtlijst": pressure.veilig_thuis_wachtlijst,
    "klankbordgroep_signalen": pressure.klankbordgroep_signalen,
}


def start(
    data_dir: Path,
    bronnen: Path | None = None,
    region: str | None = None,
    compare: tuple[str, ...] | None = None,
) -> Run:
    """A generator run on ``data_dir`` with the sources in ``bronnen`` (default ``data_dir/bronnen``).

    ``region`` and ``compare`` default to the roles ``gemeente`` and ``vergelijking`` in
    ``regios.csv``.
    """
    src = Sources.at(bronnen or data_dir / FOLDER)
    regs = regions(src)
    mapping = "gezondheid_ijkpunten"
    return Run(
        data_dir=data_dir,
        region=region or regs.municipality,
        compare=tuple(compare) if compare is not None else regs.comparison,
        assumptions=src.yaml(ASSUMPTIONS),
        mappings={mapping: src.csv(f"{MAPPINGS}/{mapping}.csv")},
        names={r["code"]: r["naam"] for r in regs.rows},
    )


def generate_all(
    data_dir: Path | str | None = None,
    region: str | None = None,
    compare: tuple[str, ...] | None = None,
    bronnen: Path | str | None = None,
) -> list[str]:
    """Write every synthetic dataset into ``data_dir`` and register it; return the names.

    Run :func:`analysis.data.sources.reference.import_reference` first: the real anchors are read
    from the files it writes.

    Parameters
    ----------
    data_dir
        The data folder (default: the project's ``data/``); the manifest there is updated and
        ``templates/`` gets a header-only CSV per municipal (``supplier: gemeente``) dataset.
    region, compare
        CBS codes of the municipality and its comparison municipalities (default: ``regios.csv``).
    bronnen
        The sources folder (default ``<data_dir>/bronnen``).

    Examples
    --------
    >>> names = generate_all()  # doctest: +SKIP
    >>> "wmo_clienten" in names  # doctest: +SKIP
    True
    """
    out = Path(data_dir or default_data_dir())
    run = start(out, Path(bronnen) if bronnen else None, region, compare)
    common = run.assumptions["algemeen"]
    defaults = {
        "licence": common["licentie"],
        "retrieved": common["opgehaald"],
        "synthetic": True,
        "document": common["document"],
    }
    entries: dict[str, dict[str, Any]] = {}
    for name, produce in PRODUCERS.items():
        made = produce(run)
        write_dataset(name, made.rows, out)
        entries[name] = manifest_entry(name, run.settings(name)["manifest"], defaults, made.values)
    register(entries, out)
    write_templates(entries, out)
    return sorted(entries)


def write_templates(entries: dict[str, dict[str, Any]], folder: Path) -> None:
    """A header-only CSV in ``folder/templates`` for every municipal (``gemeente``) dataset."""
    templates = folder / "templates"
    templates.mkdir(exist_ok=True)
    for e in entries.values():
        if e["supplier"] == "gemeente":
            header = (folder / e["file"]).read_text(encoding="utf-8").split("\n", 1)[0]
            (templates / e["file"]).write_text(header + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m analysis.data.sources.synthetic [DATA_DIR]``."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    print(", ".join(generate_all(Path(args[0]) if args else None)))
    return 0


__all__ = ["PRODUCERS", "generate_all", "main", "start"]
