"""Command line for evaluators: ``wmo-rapport`` (also ``python -m analysis``).

Every error the user can cause ends in one clear Dutch line (file, row, column where they apply)
and a non-zero exit code (:data:`EXIT_CODES`); nothing already built or published is changed. All
help is Dutch, argparse's own texts included (:class:`DutchArgumentParser`).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.metadata
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

from analysis.core.codes import Periode
from analysis.core.errors import (
    BuildError,
    DataError,
    FetchError,
    ParamsError,
    PrivacyError,
    PublishError,
    ReportError,
)
from analysis.core.paths import PARAMS_SCHEMA_FILE as SCHEMA_FILE
from analysis.core.paths import project_root
from analysis.data.sources.cbs.command import add_fetch_arguments, run_fetch

#: What each exit code means; the numbers are the error classes' own ``exit_code``.
EXIT_CODES: list[tuple[int, str]] = [
    (0, "gelukt"),
    (ReportError.exit_code, "andere fout van de pijplijn"),
    (DataError.exit_code, "gegevensfout, `check` vond problemen, of verkeerde aanroep"),
    (PrivacyError.exit_code, "persoonsgegevens geweigerd"),
    (ParamsError.exit_code, "parameterbestand ontbreekt, klopt niet of bestaat al"),
    (BuildError.exit_code, "een hoofdstuk of het boek kon niet worden gebouwd"),
    (FetchError.exit_code, "ophalen bij CBS mislukt (data/ blijft ongewijzigd)"),
    (PublishError.exit_code, "publiceren geweigerd of mislukt (site/ blijft ongewijzigd)"),
    (130, "afgebroken met Ctrl-C"),
]  # fmt: skip

# ------------------------------------------------------------------ argparse in Dutch

#: argparse's own texts (its gettext message ids, Python 3.11-3.13) in Dutch.
ARGPARSE_NL = {
    "usage: ": "gebruik: ",
    "positional arguments": "positionele argumenten",
    "options": "opties",
    "optional arguments": "opties",
    "show this help message and exit": "deze hulptekst tonen en stoppen",
    "show program's version number and exit": "versie tonen en stoppen",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "the following arguments are required: %s": "deze argumenten zijn verplicht: %s",
    "one of the arguments %s is required": "een van de argumenten %s is verplicht",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "not allowed with argument %s": "niet toegestaan samen met argument %s",
    "ignored explicit argument %r": "waarde %r genegeerd",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "ambiguous option: %(option)s could match %(matches)s": (
        "dubbelzinnige optie: %(option)s kan zijn: %(matches)s"
    ),
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ongeldige keuze: %(value)r (kies uit %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "ongeldige waarde voor %(type)s: %(value)r",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "onbekende opdracht %(parser_name)r (kies uit %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
    "subcommands": "opdrachten",
}


def _gettext_nl(message: str) -> str:
    return ARGPARSE_NL.get(message, message)


def _ngettext_nl(singular: str, plural: str, n: int) -> str:
    if singular == "expected %s argument":
        return "verwacht %s waarde" if n == 1 else "verwacht %s waarden"
    return singular if n == 1 else plural


@contextlib.contextmanager
def _in_dutch() -> Iterator[None]:
    """argparse's messages in Dutch for the duration (argparse looks them up when it needs them)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _gettext_nl, _ngettext_nl  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class DutchArgumentParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose own texts (usage, option headings, errors) are Dutch.

    Its sub-parsers are of the same class, so every command and subcommand speaks Dutch.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with _in_dutch():
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:  # noqa: ANN401 - argparse's own type
        with _in_dutch():
            return super().add_subparsers(**kwargs)

    def parse_args(self, *args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
        with _in_dutch():
            return super().parse_args(*args, **kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
        with _in_dutch():
            return super().parse_known_args(*args, **kwargs)

    def format_usage(self) -> str:
        with _in_dutch():
            return super().format_usage()

    def format_help(self) -> str:
        with _in_dutch():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        with _in_dutch():
            super().error(message)


def periode_arg(text: str) -> Periode:
    """``--periode``: a year (``2025``) or half-year (``2026H1`` or ``2026-1``), as :class:`Periode`.

    Examples
    --------
    >>> periode_arg("2026-1")
    '2026H1'
    """
    try:
        return Periode(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"ongeldige periode {text!r}: geef een jaar (2025) of halfjaar (2026H1 of 2026-1)"
        ) from None


def version_text() -> str:
    """``wmo-rapport <version> (code <commit>)``: the package version and the commit of the code.

    The commit is that of the checkout the package runs from, as the edition stamp names it
    (:func:`analysis.pipeline.record.provenance`: also from a ``git archive`` export, ``onbekend``
    otherwise).
    """
    from analysis.pipeline.record import provenance

    try:
        version = importlib.metadata.version("wmo-analysis")
    except importlib.metadata.PackageNotFoundError:
        version = "onbekend"
    code = provenance(Path(__file__).resolve().parents[2]).code  # git, or a git archive export
    return f"wmo-rapport {version} (code {code})"


class _VersionAction(argparse.Action):
    """``--version``: computed only when asked (it runs git)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault("help", "versie van het pakket en de commit van de code tonen en stoppen")
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any) -> None:
        print(version_text())
        parser.exit()


def _epilog() -> str:
    codes = "\n".join(f"  {code:>3}  {text}" for code, text in EXIT_CODES)
    return f"Exitcodes:\n{codes}\n\nOmgevingsvariabelen en meer: README.md."


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
  wmo-rapport nieuwe-periode 2026       params/2026.yml beginnen vanuit de laatste periode
"""


def _parser(prog: str = "wmo-rapport") -> argparse.ArgumentParser:
    p = DutchArgumentParser(
        prog=prog,
        description=DESCRIPTION,
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action=_VersionAction)
    sub = p.add_subparsers(dest="command", metavar="opdracht", title="opdrachten")

    def cmd(name: str, text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=text, description=text)

    _build_commands(cmd)
    c = cmd("check", "gegevens en parameters controleren (alle problemen tegelijk)")
    c.add_argument(
        "--periode", type=periode_arg, help="ook controleren of de gegevens deze periode dekken"
    )

    cmd("list", "perioden, hoofdstukken en datasets tonen")

    _publish_commands(cmd)
    _data_commands(cmd)
    _period_commands(cmd)
    return p


def _build_commands(cmd: Any) -> None:  # noqa: ANN401 - the add_parser helper of _parser
    """``build`` and ``bekijk``."""
    b = cmd("build", "rapport bouwen voor één of alle perioden")
    g = b.add_mutually_exclusive_group(required=True)
    g.add_argument(
        "--periode",
        type=periode_arg,
        help="rapportageperiode, bv. 2025 (params/2025.yml) of 2026H1 (params/2026-1.yml)",
    )
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
    bk.add_argument(
        "--periode", required=True, type=periode_arg, help="rapportageperiode, bv. 2025"
    )
    bk.add_argument(
        "--poort",
        type=int,
        default=8000,
        help="poort op 127.0.0.1 (standaard 8000; is die bezet, dan de volgende vrije)",
    )


def _publish_commands(cmd: Any) -> None:  # noqa: ANN401 - the add_parser helper of _parser
    """``publish`` and ``pdf``."""
    pub = cmd("publish", "gebouwde editie publiceren als onveranderlijke versie")
    pub.add_argument(
        "--periode", required=True, type=periode_arg, help="rapportageperiode, bv. 2025"
    )
    pub.add_argument("--site", default=None, help="publicatiemap (standaard: site/)")
    pub.add_argument(
        "--zonder-pdf",
        action="store_true",
        help="geen PDF maken (standaard: wel, als Chromium geïnstalleerd is)",
    )

    pdf = cmd("pdf", "PDF van de gebouwde editie maken voor de raad (headless Chromium)")
    pdf.add_argument(
        "--periode", required=True, type=periode_arg, help="rapportageperiode, bv. 2025"
    )
    pdf.add_argument(
        "--uit",
        default=None,
        help="PDF-bestand (standaard: _build/<periode>/wmo-monitor-<periode>.pdf)",
    )


def _data_commands(cmd: Any) -> None:  # noqa: ANN401 - the add_parser helper of _parser
    """``data`` with its actions."""
    d = cmd("data", "gegevens beheren: ophalen, genereren, manifest bijwerken")
    dsub = d.add_subparsers(dest="data_command", metavar="actie", required=True, title="acties")
    fetch_text = "publieke reeksen ophalen bij CBS StatLine (OData) en omzetten"
    f = dsub.add_parser("fetch", help=fetch_text, description=fetch_text, add_help=False)
    add_fetch_arguments(f)
    dsub.add_parser("genereer", help="synthetische stand-ins opnieuw genereren (vast zaad)")
    i = dsub.add_parser("importeer", help="echte referentiecijfers importeren")
    i.add_argument(
        "--bron", default=None, help="map met bronbestanden (standaard data/bronnen, zie manifest)"
    )
    dsub.add_parser("manifest", help="sha256 in het manifest bijwerken na een bewuste wijziging")


def _period_commands(cmd: Any) -> None:  # noqa: ANN401 - the add_parser helper of _parser
    n = cmd(
        "nieuwe-periode",
        "het parameterbestand van een nieuwe periode beginnen vanuit het laatste (editie 1.0, "
        "lege wijzigingen, vorige periode ingevuld); overschrijft nooit",
    )
    n.add_argument(
        "jaar", type=periode_arg, help="de nieuwe periode: een jaar, bv. 2026 (of 2026H1)"
    )
    n.add_argument(
        "--halfjaar",
        type=int,
        choices=(1, 2),
        nargs="?",
        const=1,
        default=None,
        help="een halfjaar: --halfjaar (1e halfjaar, params/2026-1.yml) of --halfjaar 2",
    )
    s = cmd(
        "schema",
        f"params/{SCHEMA_FILE} opnieuw schrijven uit de parametermodellen (na een wijziging daarvan)",
    )
    s.add_argument(
        "--controleer",
        action="store_true",
        help="niets schrijven; exitcode 4 als het bestand niet bij de modellen past",
    )


def main(argv: list[str] | None = None, prog: str = "wmo-rapport") -> int:
    """Entry point of ``wmo-rapport`` (and ``python -m analysis``); returns the exit code."""
    parser = _parser(prog)
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
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
    early = None
    if args.command == "build" and not args.alle_perioden and not args.verse_kernels:
        # before loading the rest: everything runs, so start the warm kernels now
        from analysis.pipeline.chapters import early_kernels

        early = early_kernels(project_root(), str(args.periode), force=args.opnieuw)
    try:
        return _run_command(args, early)
    finally:
        if early is not None and early.alive:  # a build takes it over; otherwise stop it
            early.kill()


def _run_command(args: argparse.Namespace, early: Any) -> int:  # noqa: ANN401 - a WarmPool
    from analysis.config.params import available_periods, load_params
    from analysis.core.paths import project_root
    from analysis.pipeline import build as build_mod

    root = project_root()
    if args.command == "build":
        periods = available_periods(root) if args.alle_perioden else [args.periode]
        for per in periods:
            build_mod.build(
                per,
                root=root,
                jobs=args.jobs,
                force=args.opnieuw,
                warm=not args.verse_kernels,
                early=early,
            )
            early = None
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
            print(
                f"  {per:7s} {per.label:18s} editie {p.editie}  "
                f"{p.gemeente_naam} ({p.gemeente_code})"
            )
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
    if args.command in ("nieuwe-periode", "schema"):
        return _params_command(args)
    return 2  # pragma: no cover


def _preview(periode: str, root: Path, port: int) -> int:
    from analysis.pipeline.build import print_message
    from analysis.pipeline.preview import preview

    with contextlib.suppress(KeyboardInterrupt):  # it returns only when stopped
        preview(periode, root, port=port, say=print_message)
    print(f"\nGestopt. De laatste volledige editie staat in _build/{periode}/html.", flush=True)
    return 0


def _params_command(args: argparse.Namespace) -> int:
    from analysis.config.newperiod import new_period
    from analysis.config.params import schema_text, write_schema

    if args.command == "schema":
        path = project_root() / "params" / SCHEMA_FILE
        if not args.controleer:
            print(f"Geschreven: {write_schema()}")
            return 0
        if path.is_file() and path.read_text(encoding="utf-8") == schema_text():
            print(f"params/{SCHEMA_FILE} past bij de modellen.")
            return 0
        raise ParamsError(
            "past niet bij de parametermodellen: schrijf het opnieuw met `wmo-rapport schema`",
            file=f"params/{SCHEMA_FILE}",
        )
    periode = args.jaar
    if args.halfjaar is not None:
        if periode.is_halfjaar:
            raise ParamsError(f"geef een jaar met --halfjaar, geen halfjaar ({periode})")
        periode = Periode(f"{periode.jaar}H{args.halfjaar}")
    path, carried = new_period(periode)
    p = Periode(periode)
    print(f"Geschreven: params/{path.name} ({p.label}, editie 1.0, vorige periode {p.vorige()})")
    if carried:
        print("Overgenomen uit het vorige periodebestand (controleer): " + ", ".join(carried))
    print(f"Volgende stap: wmo-rapport check --periode {p}")
    return 0


def _check(periode: str | None) -> int:
    from analysis.config.params import available_periods, load_params
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
                    try:
                        require_periods(load(name), [p.periode])
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
