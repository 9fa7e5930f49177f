"""Command line for evaluators: ``wmo-rapport``.

Every error the user can cause ends in one clear Dutch line (file, row, column where they apply)
and a non-zero exit code; nothing already built or published is changed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.core.errors import ReportError
from analysis.data.sources.cbs.command import add_fetch_arguments, run_fetch

DESCRIPTION = """\
Wmo-monitor: bouwt het evaluatierapport van het Wmo-beleidsplan per rapportageperiode.

Voorbeelden:
  wmo-rapport list                      perioden, hoofdstukken en datasets tonen
  wmo-rapport check --periode 2025      alle gegevens en parameters controleren
  wmo-rapport build --periode 2025      het rapport voor 2025 bouwen (_build/2025/html)
  wmo-rapport build --alle-perioden     alle perioden in params/ bouwen
  wmo-rapport bekijk --periode 2025     bouwen, tonen in de browser en bij elke wijziging bijwerken
  wmo-rapport publish --periode 2025    een gebouwde editie publiceren (site/2025/v<editie>)
  wmo-rapport pdf --periode 2025        PDF van de gebouwde editie voor de raad maken
  wmo-rapport data fetch --periode 2025 publieke CBS-reeksen ophalen (internet nodig)
"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="wmo-rapport",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        add_help=False,
    )
    p.add_argument("-h", "--help", action="help", help="deze hulptekst tonen en stoppen")
    sub = p.add_subparsers(dest="command", metavar="opdracht", title="opdrachten")

    def cmd(name: str, text: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=text, description=text, add_help=False)
        sp.add_argument("-h", "--help", action="help", help="deze hulptekst tonen en stoppen")
        return sp

    b = cmd("build", "rapport bouwen voor één of alle perioden")
    g = b.add_mutually_exclusive_group(required=True)
    g.add_argument("--periode", help="rapportageperiode, bv. 2025 (params/2025.yml)")
    g.add_argument("--alle-perioden", action="store_true", help="alle perioden in params/")
    b.add_argument(
        "--jobs",
        type=int,
        default=None,
        help="aantal hoofdstukken tegelijk (standaard: aantal processorkernen)",
    )
    b.add_argument(
        "--opnieuw", action="store_true", help="alles opnieuw uitvoeren, ook wat niet gewijzigd is"
    )
    b.add_argument(
        "--verse-kernels",
        action="store_true",
        help="elk hoofdstuk in een nieuw gestarte kernel (trager; zelfde uitkomst, ter controle)",
    )

    bk = cmd(
        "bekijk",
        "het rapport bouwen en in de browser tonen; bij elke wijziging in chapters/, params/, "
        "data/ of src/ opnieuw bouwen wat nodig is en de pagina herladen (Ctrl-C stopt)",
    )
    bk.add_argument("--periode", required=True, help="rapportageperiode, bv. 2025")
    bk.add_argument(
        "--poort",
        type=int,
        default=8000,
        help="poort op 127.0.0.1 (standaard 8000; is die bezet, dan de volgende vrije)",
    )

    c = cmd("check", "gegevens en parameters controleren (alle problemen tegelijk)")
    c.add_argument("--periode", help="ook controleren of de gegevens deze periode dekken")

    cmd("list", "perioden, hoofdstukken en datasets tonen")

    pub = cmd("publish", "gebouwde editie publiceren als onveranderlijke versie")
    pub.add_argument("--periode", required=True, help="rapportageperiode, bv. 2025")
    pub.add_argument("--site", default=None, help="publicatiemap (standaard: site/)")
    pub.add_argument(
        "--zonder-pdf",
        action="store_true",
        help="geen PDF maken (standaard: wel, als Chromium geïnstalleerd is)",
    )

    pdf = cmd("pdf", "PDF van de gebouwde editie maken voor de raad (headless Chromium)")
    pdf.add_argument("--periode", required=True, help="rapportageperiode, bv. 2025")
    pdf.add_argument(
        "--uit",
        default=None,
        help="PDF-bestand (standaard: _build/<periode>/wmo-monitor-<periode>.pdf)",
    )

    d = cmd("data", "gegevens beheren: ophalen, genereren, manifest bijwerken")
    dsub = d.add_subparsers(dest="data_command", metavar="actie", required=True)
    fetch_text = "publieke reeksen ophalen bij CBS StatLine (OData) en omzetten"
    f = dsub.add_parser("fetch", help=fetch_text, description=fetch_text, add_help=False)
    add_fetch_arguments(f)
    dsub.add_parser("genereer", help="synthetische stand-ins opnieuw genereren (vast zaad)")
    i = dsub.add_parser("importeer", help="echte referentiecijfers importeren")
    i.add_argument(
        "--bron", default=None, help="map met bronbestanden (standaard data/bronnen, zie manifest)"
    )
    dsub.add_parser("manifest", help="sha256 in het manifest bijwerken na een bewuste wijziging")
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``wmo-rapport``; returns the exit code."""
    args = _parser().parse_args(argv)
    if not args.command:
        _parser().print_help()
        return 2
    try:
        return _dispatch(args)
    except ReportError as exc:
        print(f"FOUT: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("Afgebroken; er is niets half gepubliceerd.", file=sys.stderr)
        return 130


def _dispatch(args: argparse.Namespace) -> int:
    from analysis.config.params import available_periods, load_params
    from analysis.core.paths import project_root
    from analysis.pipeline import build as build_mod

    root = project_root()
    if args.command == "build":
        periods = available_periods(root) if args.alle_perioden else [args.periode]
        for per in periods:
            build_mod.build(
                per, root=root, jobs=args.jobs, force=args.opnieuw, warm=not args.verse_kernels
            )
        return 0
    if args.command == "bekijk":
        return _preview(args.periode, root, args.poort)
    if args.command == "check":
        return _check(args.periode)
    if args.command == "list":
        from analysis.config.manifest import load_manifest

        print("Perioden:")
        for per in available_periods(root):
            p = load_params(per)
            print(f"  {per}  editie {p.editie}  {p.gemeente_naam} ({p.gemeente_code})")
        print("Hoofdstukken (_toc.yml):")
        from analysis.pipeline.pages import toc_pages

        for page in toc_pages(root):
            print(f"  {page.path.relative_to(root).as_posix()}")
        print("Datasets (data/manifest.yml):")
        for name, e in sorted(load_manifest().items()):
            flag = "synthetisch" if e["synthetic"] else "echt"
            print(f"  {name:32s} {flag:12s} {e['title']}")
        return 0
    if args.command == "publish":
        from analysis.pipeline.publish import publish

        final = publish(
            args.periode,
            site=Path(args.site) if args.site else None,
            pdf=False if args.zonder_pdf else None,
        )
        print(
            f"Gepubliceerd: {final} (overzicht van alle edities: {final.parent.parent}/index.html)"
        )
        return 0
    if args.command == "pdf":
        from analysis.pipeline.pdf import edition_pdf

        html_dir = root / "_build" / args.periode / "html"
        if not (html_dir / "index.html").is_file():
            from analysis.core.errors import PublishError

            raise PublishError(
                f"er is geen gebouwde editie voor periode {args.periode}: bouw eerst met "
                f"`wmo-rapport build --periode {args.periode}`"
            )
        out = Path(args.uit) if args.uit else html_dir.parent / f"wmo-monitor-{args.periode}.pdf"
        from analysis.pipeline.pdf import printed_by

        written = edition_pdf(html_dir.resolve(), out)
        print(f"PDF geschreven: {written} (gedrukt door {printed_by(written) or 'Chromium'})")
        return 0
    if args.command == "data":
        return _data(args)
    return 2  # pragma: no cover


def _preview(periode: str, root: Path, port: int) -> int:
    from analysis.pipeline.build import print_message
    from analysis.pipeline.preview import preview

    try:
        preview(periode, root, port=port, say=print_message)
    except KeyboardInterrupt:
        print(f"\nGestopt. De laatste volledige editie staat in _build/{periode}/html.", flush=True)
    return 0


def _check(periode: str | None) -> int:
    from analysis.config.params import available_periods, load_params
    from analysis.core.errors import DataError
    from analysis.data.datasets import check_all, load, require_periods

    problems: list[ReportError] = []
    periods = [periode] if periode else available_periods()
    regions: set[str] = set()
    plist = []
    for per in periods:
        try:
            p = load_params(per)
            plist.append(p)
            regions |= set(p.regions())
        except ReportError as exc:
            problems.append(exc)
    problems.extend(check_all(regions=sorted(regions) if regions else None))
    if not problems:
        from analysis.config.manifest import load_manifest

        for p in plist:
            for name, entry in load_manifest().items():
                if entry.get("periode_vereist"):
                    df = load(name)
                    have = set(df["periode"].astype(str))
                    if not any(x == p.periode or x.startswith(p.periode) for x in have):
                        try:
                            require_periods(df, [p.periode])
                        except DataError as exc:
                            problems.append(exc)
    if problems:
        print(f"{len(problems)} probleem/problemen gevonden:", file=sys.stderr)
        for exc in problems:
            print(f"  FOUT: {exc}", file=sys.stderr)
        return 2
    print("Alle gegevens en parameters in orde.")
    return 0


def _data(args: argparse.Namespace) -> int:
    from analysis.core.paths import data_dir

    if args.data_command == "manifest":
        from analysis.config.manifest import refresh_hashes

        changed = refresh_hashes()
        print("Bijgewerkt: " + (", ".join(changed) if changed else "niets (alles klopte al)"))
        return 0
    if args.data_command == "genereer":
        from analysis.data.sources.synthetic import generate_all

        names = generate_all(data_dir())
        print(f"{len(names)} synthetische datasets geschreven: {', '.join(names)}")
        return 0
    if args.data_command == "importeer":
        from analysis.data.sources.reference import import_reference

        names = import_reference(Path(args.bron) if args.bron else None, data_dir())
        print(f"{len(names)} datasets geïmporteerd: {', '.join(names)}")
        return 0
    if args.data_command == "fetch":
        return run_fetch(args)
    return 2  # pragma: no cover


if __name__ == "__main__":
    sys.exit(main())
