"""``wmo-rapport data fetch``: the options, and running a fetch from them.

The command line (:mod:`analysis.cli`) calls :func:`add_fetch_arguments` on its ``fetch``
subparser and :func:`run_fetch` with the parsed arguments, so every option of the fetcher is
reachable from ``wmo-rapport``::

    wmo-rapport data fetch --periode 2025                      # regions from params/
    wmo-rapport data fetch --regio GM0397 --regio NL01 --reeks wmo_clienten
    wmo-rapport data fetch --periode 2025 --alleen-cbs --timeout 120 --pogingen 6
    wmo-rapport data fetch --lijst                              # what can be fetched

Progress (one line per table, per page and per retry) goes to stderr as it happens; the summary
of what was written goes to stdout at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import TextIO

from analysis.config.manifest import load_manifest
from analysis.core.errors import FetchError
from analysis.core.paths import data_dir
from analysis.data.sources.cbs.client import Client, RetryPolicy
from analysis.data.sources.cbs.registry import Registry, load_registry
from analysis.data.sources.cbs.snapshot import RAW_PREFIX

EXAMPLES = """\
Voorbeelden:
  wmo-rapport data fetch --periode 2025
      alle reeksen voor de gemeente, de vergelijkingsregio's en Nederland uit params/
  wmo-rapport data fetch --regio GM0397 --regio NL01 --reeks wmo_clienten
      alleen de tabellen die de rapportdataset wmo_clienten nodig heeft
  wmo-rapport data fetch --periode 2025 --alleen-cbs --timeout 120 --pogingen 6
  wmo-rapport data fetch --lijst
      toont de reeksen en rapportdatasets uit data/bronnen/cbs_reeksen.yml

Voortgang (per tabel, per pagina, per nieuwe poging) gaat naar stderr; wat geschreven is naar
stdout. Bij een fout blijft data/ ongewijzigd (exitcode 6).
"""


def add_fetch_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``wmo-rapport data fetch`` (with Dutch help) to a parser.

    A parser made with ``add_help=False`` gets a Dutch ``-h/--help`` too.

    Examples
    --------
    >>> p = argparse.ArgumentParser(add_help=False); add_fetch_arguments(p)
    >>> a = p.parse_args(["--regio", "GM0397", "--regio", "NL01", "--reeks", "wmo_clienten"])
    >>> a.regio, a.reeks, a.timeout, a.pogingen
    (['GM0397', 'NL01'], ['wmo_clienten'], 30.0, 4)
    """
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EXAMPLES
    if not parser.add_help:
        parser.add_argument("-h", "--help", action="help", help="deze hulptekst tonen en stoppen")
    regions = parser.add_argument_group("regio's (één van deze)")
    regions.add_argument(
        "--periode", help="regio's uit params/<periode>.yml: gemeente, vergelijking, Nederland"
    )
    regions.add_argument("--params", metavar="PAD", help="regio's uit dit params-bestand")
    regions.add_argument(
        "--regio", action="append", metavar="CODE",
        help="CBS-regiocode (herhaalbaar), bv. GM0397, NL01, PV27; gaat voor --periode/--params",
    )  # fmt: skip
    what = parser.add_argument_group("wat en waarheen")
    what.add_argument(
        "--reeks", action="append", metavar="NAAM",
        help="CBS-reeks of rapportdataset (herhaalbaar; standaard alle reeksen; zie --lijst)",
    )  # fmt: skip
    what.add_argument(
        "--alleen-cbs", action="store_true",
        help="alleen de CBS-tabellen zoals CBS ze levert (cbs_<reeks>), geen rapportdatasets",
    )  # fmt: skip
    what.add_argument(
        "--data-dir", metavar="MAP", help="datamap (standaard: data/ van het project)"
    )
    what.add_argument(
        "--reeksen-bestand", metavar="PAD",
        help="register van CBS-reeksen (standaard: data/bronnen/cbs_reeksen.yml van het project)",
    )  # fmt: skip
    what.add_argument(
        "--lijst", action="store_true", help="reeksen tonen en stoppen (geen internet)"
    )
    net = parser.add_argument_group("verbinding")
    net.add_argument(
        "--timeout", type=float, default=30.0, metavar="SEC",
        help="seconden per verzoek (standaard 30)",
    )  # fmt: skip
    net.add_argument(
        "--pogingen", type=_positive_int, default=RetryPolicy.attempts, metavar="N",
        help="pogingen per verzoek bij time-out, HTTP 429 of 5xx, met oplopende wachttijd "
        f"(standaard {RetryPolicy.attempts}; 1 = niet opnieuw proberen)",
    )  # fmt: skip
    net.add_argument(
        "--base-url", metavar="URL",
        help="OData-adres van CBS (standaard uit het register: de bulkfeed ODataFeed)",
    )  # fmt: skip


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"verwacht een geheel getal ≥ 1, gevonden {text!r}")
    return value


def regions_from_args(args: argparse.Namespace) -> list[str]:
    """Regions to fetch: ``--regio``, else those of the params file (``--params``/``--periode``).

    The params regions are :meth:`analysis.config.params.Params.regions`: the municipality, the
    comparison municipalities, the region and the country.
    """
    regions = list(getattr(args, "regio", None) or [])
    if regions:
        return regions
    params, periode = getattr(args, "params", None), getattr(args, "periode", None)
    if not params and not periode:
        raise FetchError(
            "geef de regio's met --periode 2025 (uit params/), --params PAD of --regio GM0397 "
            "--regio NL01"
        )
    from analysis.config.params import load_params  # not at import: the CLI starts faster

    p = load_params(periode, path=Path(params) if params else None)
    return list(p.regions())


def _stderr_line(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def print_registry(registry: Registry, out: TextIO) -> None:
    """The ``--lijst`` output: every series and report dataset with its CBS tables."""
    print(f"Reeksen (CBS-tabellen zoals geleverd), uit {registry.path}:", file=out)
    for s in registry.series.values():
        print(f"  {s.name:24s} {s.table_id:9s} {s.title}", file=out)
    print("Rapportdatasets (omgezet uit de reeksen):", file=out)
    for r in registry.report_datasets.values():
        print(f"  {r.name:24s} uit {', '.join(r.series)}", file=out)


def run_fetch(
    args: argparse.Namespace,
    *,
    client: Client | None = None,
    today: dt.date | None = None,
) -> int:
    """Run ``wmo-rapport data fetch``; return the exit code (0) or raise :class:`FetchError`.

    ``client`` replaces the HTTP client built from the options (the tests pass one with a fake
    transport).

    Examples
    --------
    >>> ns = argparse.Namespace(regio=["GM0397", "NL01"], reeks=["wmo_clienten"])
    >>> run_fetch(ns)  # doctest: +SKIP
    CBS-tabel opgehaald: cbs_wmo_clienten (86050NED) → data/cbs_wmo_clienten_20261101.csv
    CBS-tabel opgehaald: cbs_wmo_clienten_leeftijd (85896NED) → data/cbs_wmo_clienten_leeftijd_20261101.csv
    rapportdataset bijgewerkt: wmo_clienten (uit cbs_wmo_clienten, cbs_wmo_clienten_leeftijd) → data/wmo_clienten_20261101.csv
    0
    """
    folder = Path(getattr(args, "data_dir", None) or data_dir())
    registry = load_registry(getattr(args, "reeksen_bestand", None))
    if getattr(args, "lijst", False):
        print_registry(registry, sys.stdout)
        return 0
    client = client or Client(
        getattr(args, "base_url", None) or registry.base_url,
        timeout=getattr(args, "timeout", None) or 30.0,
        retry=RetryPolicy(attempts=getattr(args, "pogingen", None) or RetryPolicy.attempts),
        say=_stderr_line,
    )
    # The fetch (pandas) is imported when a fetch runs, so that building the parser of
    # `wmo-rapport` (which imports this module) stays fast.
    from analysis.data.sources.cbs.fetch import fetch

    written = fetch(
        getattr(args, "reeks", None),
        regions_from_args(args),
        folder,
        client=client,
        registry=registry,
        today=today,
        rapport=not getattr(args, "alleen_cbs", False),
    )
    _print_written(folder, written)
    return 0


def _print_written(folder: os.PathLike[str], written: list[str]) -> None:
    manifest = load_manifest(Path(folder))
    for name in written:
        entry = manifest[name]
        path = Path(folder) / entry["file"]
        if name.startswith(RAW_PREFIX):
            print(f"CBS-tabel opgehaald: {name} ({entry['source']['table_id']}) → {path}")
        else:
            sources = ", ".join(entry["afgeleid_van"])
            print(f"rapportdataset bijgewerkt: {name} (uit {sources}) → {path}")
