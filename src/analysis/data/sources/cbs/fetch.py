"""Fetch public CBS StatLine tables into new snapshot files under ``data/`` (the orchestration).

This is the optional *refresh* step of the pipeline: the report itself never goes online. A fetch
downloads the series of the registry (``data/bronnen/cbs_reeksen.yml``) and writes each as CBS
delivers it (its categories, one ``waarde`` row per measure) to a **new** snapshot
``data/cbs_<series>_<yyyymmdd>.csv`` with manifest entry ``cbs_<series>``.
:mod:`analysis.data.sources.cbs.convert` then converts those tables into the report's datasets
(``bevolking_leeftijd``, ``wmo_clienten``, …), written as ``data/<dataset>_<yyyymmdd>.csv``; their
manifest entries replace the synthetic stand-ins. Older snapshots stay where they are.

All or nothing: everything is downloaded and converted in a temporary folder first; only when
every requested series succeeded are the files moved into ``data/`` and the manifest saved. On
any error a :class:`~analysis.core.errors.FetchError` with a Dutch message is raised and
``data/`` is left byte-for-byte unchanged.

The modules of this package, in the order a fetch uses them: ``registry`` (what to fetch),
``client`` (HTTP, retries, paging), ``layout`` (keys by title), ``download`` (one table to tidy
rows), ``convert`` (report datasets), ``snapshot`` (file names, manifest entries, placing),
``command`` (``wmo-rapport data fetch``).

Examples
--------
>>> from pathlib import Path
>>> fetch(["wmo_clienten"], ["GM0397", "NL01"], Path("data"))  # doctest: +SKIP
['cbs_wmo_clienten', 'cbs_wmo_clienten_leeftijd', 'wmo_clienten']
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.config.manifest import load_manifest, manifest_path, save_manifest, sha256_file
from analysis.core.codes import REGION_RE
from analysis.core.errors import DataError, FetchError
from analysis.core.io import write_csv
from analysis.data.datasets import read_dataset
from analysis.data.sources.cbs.client import Client
from analysis.data.sources.cbs.convert import convert, read_raw, report_datasets, text_rows
from analysis.data.sources.cbs.download import download_series
from analysis.data.sources.cbs.registry import Registry, Series, load_registry
from analysis.data.sources.cbs.snapshot import (
    RAW_PREFIX,
    Placer,
    manifest_entry,
    report_entry,
    snapshot_name,
)


@dataclass(frozen=True)
class Staged:
    """A downloaded CBS table in the temporary folder, with its ``TableInfos`` record."""

    series: Series
    path: Path
    info: Mapping[str, Any]


def check_request(
    registry: Registry,
    series_names: Sequence[str] | None,
    regions: Sequence[str],
    *,
    expand: bool = True,
) -> list[Series]:
    """The series to download for the requested names (checked before any download).

    With ``expand`` a report dataset name stands for every CBS series it is made from; without
    it, names must be series names.

    Examples
    --------
    >>> reg = load_registry()
    >>> [s.name for s in check_request(reg, ["wmo_clienten"], ["GM0397"])]
    ['wmo_clienten', 'wmo_clienten_leeftijd']
    >>> [s.name for s in check_request(reg, ["wmo_clienten"], ["GM0397"], expand=False)]
    ['wmo_clienten']
    """
    names = list(series_names) if series_names else list(registry.series)
    unknown = [n for n in names if n not in registry.series and n not in registry.report_datasets]
    if unknown:
        raise FetchError(
            f"onbekende reeks(en): {', '.join(unknown)}. Kies uit: {', '.join(registry.names())}"
        )
    if not regions:
        raise FetchError("geen regio's opgegeven (bijvoorbeeld --regio GM0397 --regio NL01)")
    bad = [r for r in regions if not REGION_RE.match(r)]
    if bad:
        raise FetchError(
            f"ongeldige regiocode(s): {', '.join(map(repr, bad))} (verwacht bijvoorbeeld "
            "GM0397, NL01, PV27)"
        )
    wanted: list[str] = []
    for n in names:
        if n not in registry.series and not expand:
            raise FetchError(
                f"'{n}' is geen CBS-reeks. Kies uit: {', '.join(sorted(registry.series))}"
            )
        in_report = expand and n in registry.report_datasets
        wanted += list(registry.report_datasets[n].series) if in_report else [n]
    return [registry.series[n] for n in dict.fromkeys(wanted)]


def _download_all(
    client: Client, todo: Sequence[Series], regions: Sequence[str], tmp: Path
) -> list[Staged]:
    """Download every series into ``tmp``, saying one line per table as it starts and ends."""
    staged: list[Staged] = []
    for i, series in enumerate(todo, 1):
        client.say(f"[{i}/{len(todo)}] CBS-tabel {series.table_id} ({series.name}) ophalen")
        rows, info = download_series(client, series, regions)
        path = tmp / f"{series.name}.csv"
        write_csv(path, series.columns, rows)
        client.say(
            f"  {series.table_id}: klaar, {len(rows)} rij(en) voor {RAW_PREFIX}{series.name}"
        )
        staged.append(Staged(series, path, info))
    return staged


def make_reports(registry: Registry, staged: Sequence[Staged], tmp: Path) -> list[tuple[str, Path]]:
    """Convert the staged CBS tables into every report dataset whose series are all there.

    Each result is checked against its schema by the loader before anything is placed.
    """
    by_name = {s.series.name: s.path for s in staged}
    out: list[tuple[str, Path]] = []
    for name, spec in report_datasets(registry).items():
        if not all(s in by_name for s in spec.series):
            continue
        frame = convert(name, {s: read_raw(by_name[s]) for s in spec.series}, registry)
        path = tmp / f"rapport-{name}.csv"
        columns = list(spec.schema["columns"])
        write_csv(path, columns, text_rows(frame, columns))
        try:
            read_dataset(name, {"file": path.name, "schema": spec.schema}, tmp, check_hash=False)
        except DataError as exc:
            raise FetchError(
                f"{name}: de omgezette CBS-gegevens kloppen niet met het schema: {exc}"
            ) from exc
        out.append((name, path))
    return out


def _place_all(
    registry: Registry,
    base_url: str,
    staged: Sequence[Staged],
    reports: Sequence[tuple[str, Path]],
    folder: Path,
    day: dt.date,
    manifest: dict[str, Any],
) -> list[str]:
    """Move the staged files into ``folder`` and save the manifest; undo everything on failure."""
    placer = Placer(folder)
    written: list[str] = []
    try:
        raw: dict[str, tuple[str, Series, Mapping[str, Any]]] = {}
        for st in staged:
            name = RAW_PREFIX + st.series.name
            final = placer.place(st.path, snapshot_name(name, day, folder))
            manifest[name] = manifest_entry(
                registry, st.series, final.name, sha256_file(final), day, st.info, base_url
            )
            raw[st.series.name] = (name, st.series, st.info)
            written.append(name)
        specs = report_datasets(registry)
        for name, path in reports:
            final = placer.place(path, snapshot_name(name, day, folder))
            parts = [raw[s] for s in specs[name].series]
            manifest[name] = report_entry(
                registry, name, final.name, sha256_file(final), day, parts,
                specs[name].schema, manifest.get(name), base_url,
            )  # fmt: skip
            written.append(name)
        save_manifest(manifest, folder)
    except OSError as exc:
        raise placer.undo(exc) from exc
    return written


def fetch(
    series_names: Sequence[str] | None,
    regions: Sequence[str],
    data_dir: str | os.PathLike[str],
    *,
    client: Client | None = None,
    registry: Registry | None = None,
    today: dt.date | None = None,
    rapport: bool = True,
) -> list[str]:
    """Download CBS series, write new snapshots and report datasets, update the manifest.

    All or nothing: every table is downloaded and converted in a temporary folder first.

    Parameters
    ----------
    series_names
        Series or report dataset names of the registry; ``None`` or empty means all series.
    regions
        CBS region codes, e.g. ``["GM0397", "GM0392", "NL01"]``; rows keep this order.
    data_dir
        The data folder holding ``manifest.yml`` (created when absent).
    client
        The HTTP client (address, time-out, retries, progress lines); default a
        :class:`~analysis.data.sources.cbs.client.Client` for the registry's address.
    registry
        The series registry; default ``data/bronnen/cbs_reeksen.yml`` of the project.
    today
        Retrieval date for file names and the manifest (default: today).
    rapport
        Also make the report datasets whose CBS series were all fetched in this run (default).
        ``False`` writes only the CBS tables as delivered.

    Returns
    -------
    list of str
        The manifest names written: first the CBS tables (``cbs_<series>``), then the report
        datasets made from them.

    Raises
    ------
    FetchError
        Nothing in ``data_dir`` has changed when this is raised.

    Examples
    --------
    >>> fetch(["wmo_clienten"], ["GM0397", "NL01"], "data")  # doctest: +SKIP
    ['cbs_wmo_clienten', 'cbs_wmo_clienten_leeftijd', 'wmo_clienten']
    """
    folder = Path(data_dir)
    registry = registry or load_registry()
    client = client or Client(registry.base_url)
    todo = check_request(registry, series_names, regions, expand=rapport)
    regions = list(dict.fromkeys(regions))
    if not folder.is_dir():
        raise FetchError(f"de datamap {folder} bestaat niet")
    # Read the manifest before downloading: a broken manifest should not cost a download.
    manifest = load_manifest(folder) if manifest_path(folder).is_file() else {}
    with tempfile.TemporaryDirectory(prefix="wmo-cbs-") as tmp:
        staged = _download_all(client, todo, regions, Path(tmp))
        reports = make_reports(registry, staged, Path(tmp)) if rapport else []
        for name, _ in reports:
            client.say(f"rapportdataset {name} omgezet")
        day = today or dt.date.today()
        return _place_all(registry, client.base_url, staged, reports, folder, day, manifest)
