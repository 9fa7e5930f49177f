"""The Bronnen page for the council: every source by title, publisher and date, the stand-ins
with who supplies the real figures, and the report's indicators in the national monitors (plan 6.4).

Everything comes from the data manifest and the data files; no title is typed here. File names of
the policy documents (``seeds/…``, ``001_….txt``) and the project's own notes (``DOMAIN.md``) are
left out of the titles: the council reads the document's name, the technical part of the page
keeps the paths.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from analysis.config.manifest import load_manifest
from analysis.core.dates import long_date
from analysis.core.numbers import getal
from analysis.core.paths import data_dir
from analysis.data.datasets import read_dataset
from analysis.present.catalog import record_manifest_dependency
from analysis.present.citations import document_index, document_titles, publisher
from analysis.present.marks import real_html
from analysis.topics.conclusions import supplier
from analysis.topics.counterparts import Coverage

__all__ = [
    "coverage_sentence",
    "real_sources",
    "stand_in_sources",
]


def _cited(name: str, entry: dict[str, Any], folder: Path) -> list[str]:
    """Every citation text of a dataset: its manifest document and URL, and its ``bron`` column."""
    src = entry.get("source") or {}
    texts = [
        str(src[k]) for k in ("document", "url") if src.get(k) and "kolom bron" not in str(src[k])
    ]
    df = read_dataset(name, entry, folder)
    if "bron" in df.columns:
        texts += [str(b) for b in df["bron"].dropna().unique()]
    return texts


def real_sources(folder: Path | None = None) -> pd.DataFrame:
    """One row per real dataset, for the council: ``Gegevens`` (its title), ``Uitgever``,
    ``Documenten en tabellen`` (titles, CBS tables, web sites; no file names) and
    ``Geraadpleegd`` (the retrieval date in words).

    Examples
    --------
    >>> t = real_sources()  # doctest: +SKIP
    >>> t.columns.tolist()  # doctest: +SKIP
    ['Gegevens', 'Uitgever', 'Documenten en tabellen', 'Geraadpleegd']
    """
    folder = folder or data_dir()
    manifest = load_manifest(folder)
    record_manifest_dependency(manifest)
    real = {n: e for n, e in manifest.items() if not e.get("synthetic")}
    real = {n: e for n, e in real.items() if (folder / str(e["file"])).is_file()}
    cited = {n: _cited(n, e, folder) for n, e in real.items()}
    index = document_index([t for texts in cited.values() for t in texts])
    rows = []
    for name, e in sorted(real.items(), key=lambda kv: str(kv[1]["title"])):
        docs: list[str] = []
        for i, t in enumerate(cited[name]):
            free = i == 0 and bool((e.get("source") or {}).get("document"))
            docs += [d for d in document_titles(t, index, free_text=free) if d not in docs]
        table = (e.get("source") or {}).get("table_id")
        if table and not any(str(table).lower() in d.lower() for d in docs):
            docs.insert(0, f"CBS-tabel {table}")
        rows.append(
            {
                "Gegevens": e["title"],
                "Uitgever": publisher(e),
                "Documenten en tabellen": "; ".join(docs) or "–",
                "Geraadpleegd": long_date(str(e["retrieved"])) if e.get("retrieved") else "–",
            }
        )
    return pd.DataFrame(
        rows, columns=["Gegevens", "Uitgever", "Documenten en tabellen", "Geraadpleegd"]
    )


def stand_in_sources(folder: Path | None = None) -> pd.DataFrame:
    """One row per stand-in: ``Gegevens`` (its title), ``Echte cijfers van`` (who supplies them)
    and ``Nu`` (*voorbeeldgegevens*, or *nog niet aangeleverd* for a missing optional file).

    Examples
    --------
    >>> stand_in_sources().columns.tolist()  # doctest: +SKIP
    ['Gegevens', 'Echte cijfers van', 'Nu']
    """
    folder = folder or data_dir()
    manifest = load_manifest(folder)
    rows = []
    for _, e in sorted(manifest.items(), key=lambda kv: str(kv[1]["title"])):
        present = (folder / str(e["file"])).is_file()
        if present and not e.get("synthetic"):
            continue
        rows.append(
            {
                "Gegevens": e["title"],
                "Echte cijfers van": supplier(e)[0],
                "Nu": "voorbeeldgegevens" if present else "nog niet aangeleverd",
            }
        )
    return pd.DataFrame(rows, columns=["Gegevens", "Echte cijfers van", "Nu"])


def _real(n: int) -> str:
    """A count from the real mapping, marked as real."""
    return real_html(getal(n))


def coverage_sentence(c: Coverage) -> str:
    """The counterparts in the national monitors in words, right for none, one and all.

    Examples
    --------
    >>> import re
    >>> from analysis.topics.counterparts import Coverage
    >>> print(re.sub(r"<[^>]+>", "", coverage_sentence(Coverage(22, 14, 4, 14))))
    Van de 22 indicatoren van dit rapport hebben er 14 een tegenhanger in een landelijke bron; bij 4 daarvan noemen de bronnen ook de tabel en het veld. De andere 8 hebben geen tegenhanger: registraties van de gemeente, schattingen of berekeningen van dit rapport, of de uitvoeringsagenda van het plan. Een eigen nummer van waarstaatjegemeente.nl staat voor geen van de indicatoren in de gebruikte bronnen; zoek ze daar op naam.
    >>> print(re.sub(r"<[^>]+>", "", coverage_sentence(Coverage(2, 0, 0, 0))))
    Van de 2 indicatoren van dit rapport heeft geen een tegenhanger in een landelijke bron.
    >>> print(re.sub(r"<[^>]+>", "", coverage_sentence(Coverage(1, 1, 1, 0))))
    Van de ene indicator van dit rapport heeft er 1 een tegenhanger in een landelijke bron; bij die indicator noemen de bronnen ook de tabel en het veld.
    """
    n, k = c.totaal, c.met_tegenhanger
    of = "Van de ene indicator" if n == 1 else f"Van de {_real(n)} indicatoren"
    if k == 0:
        return f"{of} van dit rapport heeft geen een tegenhanger in een landelijke bron."
    verb = "heeft" if k == 1 else "hebben"
    text = f"{of} van dit rapport {verb} er {_real(k)} een tegenhanger in een landelijke bron"
    if c.met_veld:
        which = (
            "die indicator"
            if k == 1
            else ("al die indicatoren" if c.met_veld == k else f"{_real(c.met_veld)} daarvan")
        )
        text += f"; bij {which} noemen de bronnen ook de tabel en het veld"
    text += "."
    if n > k:
        rest = "De andere heeft" if n - k == 1 else f"De andere {_real(n - k)} hebben"
        text += (
            f" {rest} geen tegenhanger: registraties van de gemeente, schattingen of "
            "berekeningen van dit rapport, of de uitvoeringsagenda van het plan."
        )
    if c.zonder_id and c.zonder_id == k:
        text += (
            " Een eigen nummer van waarstaatjegemeente.nl staat voor geen van de indicatoren in de "
            "gebruikte bronnen; zoek ze daar op naam."
        )
    elif c.zonder_id:
        text += (
            f" Bij {_real(c.zonder_id)} van de {_real(k)} staat geen eigen nummer van "
            "waarstaatjegemeente.nl in de gebruikte bronnen; zoek die daar op naam."
        )
    return text
