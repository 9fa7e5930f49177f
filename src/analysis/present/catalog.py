"""The data page of the book: every dataset with its source, licence, coverage and synthetic flag."""

from __future__ import annotations

import html
import json
import os
from pathlib import Path
from typing import Any

import pandas as pd
from markupsafe import Markup

from analysis.config.manifest import load_manifest
from analysis.core.errors import NotSupplied
from analysis.core.paths import data_dir
from analysis.data.datasets import read_dataset
from analysis.present.templating import render


def _coverage(df: pd.DataFrame) -> str:
    for col in ("periode", "jaar", "golf"):
        if col in df.columns:
            vals = sorted({str(v) for v in df[col].dropna()})
            if not vals:
                return "–"
            return vals[0] if len(vals) == 1 else f"{vals[0]} – {vals[-1]} ({len(vals)} perioden)"
    return "–"


def record_manifest_dependency(manifest: dict[str, Any]) -> None:
    """Record every dataset of the manifest as a dependency of the calling chapter, so the build
    re-executes it when any entry or file changes (also when an optional file is removed).

    Outside a build (no ``WMO_DEPS_FILE``) this does nothing.
    """
    deps = os.environ.get("WMO_DEPS_FILE")
    if deps:
        with open(deps, "a", encoding="utf-8") as fh:
            for name in sorted(manifest):
                fh.write(json.dumps({"dataset": name, "file": manifest[name]["file"]}) + "\n")


def catalog(folder: Path | None = None) -> pd.DataFrame:
    """One row per dataset in the manifest, with Dutch column names, sorted by name.

    Columns: Dataset, Titel, Bron, Tabel, Licentie, Opgehaald, Perioden, Synthetisch, Leverancier.
    Also records the whole manifest as a dependency of the calling chapter (so the page is rebuilt
    when any entry changes).

    Examples
    --------
    >>> catalog().columns.tolist()[:3]  # doctest: +SKIP
    ['Dataset', 'Titel', 'Bron']
    """
    folder = folder or data_dir()
    manifest = load_manifest(folder)
    rows: list[dict[str, Any]] = []
    for name in sorted(manifest):
        e = manifest[name]
        src = e.get("source") or {}
        try:
            perioden = _coverage(read_dataset(name, e, folder))
        except NotSupplied:  # an optional municipal export that has not been supplied (yet)
            perioden = "nog niet aangeleverd"
        bron = src.get("organisation") or "–"
        if e.get("afgeleid_van"):  # a report dataset converted from fetched CBS tables
            bron += f" (omgezet uit {', '.join(e['afgeleid_van'])})"
        rows.append(
            {
                "Dataset": name,
                "Titel": e["title"],
                "Bron": bron,
                "Adres": src.get("url") or src.get("document") or "–",
                "Tabel": src.get("table_id") or "–",
                "Licentie": " – ".join(
                    str(x) for x in (e.get("licence"), e.get("licence_toelichting")) if x
                )
                or "–",
                "Opgehaald": str(e.get("retrieved") or "–"),
                "Perioden": perioden,
                "Synthetisch": "ja" if e["synthetic"] else "nee",
                "Leverancier": e.get("supplier", "–"),
            }
        )
    record_manifest_dependency(manifest)
    columns = [
        "Dataset",
        "Titel",
        "Bron",
        "Adres",
        "Tabel",
        "Licentie",
        "Opgehaald",
        "Perioden",
        "Synthetisch",
        "Leverancier",
    ]
    return pd.DataFrame(rows, columns=columns)


def catalog_html(table: pd.DataFrame) -> str:
    """The catalog as an accessible HTML table (links for source addresses; template
    ``catalogus.html``). It describes the data files themselves (from the manifest), so it says
    ``data-herkomst="echt"``."""
    cols = [c for c in table.columns if c != "Adres"]
    rows = []
    for _, r in table.iterrows():
        cells = []
        for c in cols:
            v = html.escape(str(r[c]))
            if c == "Bron" and str(r["Adres"]).startswith("http"):
                v = f'<a href="{html.escape(str(r["Adres"]))}">{v}</a>'
            elif c == "Bron" and r["Adres"] != "–":
                v = f"{v} ({html.escape(str(r['Adres']))})"
            if c == "Synthetisch" and r[c] == "ja":
                v = "<strong>ja</strong>"
            cells.append({"kop": c == "Dataset", "html": Markup(v)})
        rows.append(cells)
    return render("catalogus.html", kop=cols, rijen=rows)
