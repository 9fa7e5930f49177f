"""Shared fixtures: a small, self-contained data folder whose expected values are obvious."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from analysis.config.manifest import save_manifest, sha256_file

ROOT = Path(__file__).resolve().parents[1]

COUNTS_SCHEMA = {
    "key": ["gemeente_code", "periode", "leeftijd"],
    "columns": {
        "gemeente_code": {"type": "regio"},
        "periode": {"type": "periode"},
        "leeftijd": {"type": "categorie", "allowed": ["0-64", "65+"]},
        "waarde": {"type": "aantal"},
        "aandeel": {"type": "percentage"},
    },
}
GOOD_CSV = (
    "gemeente_code,periode,leeftijd,waarde,aandeel\n"
    "GM0397,2024,0-64,1200,80.0\n"
    "GM0397,2024,65+,300,20.0\n"
    "NL01,2024,65+,3600000,20.2\n"
)


def entry(file: str, schema: dict | None = None, **extra) -> dict:
    """A complete manifest entry for a test dataset."""
    e = {
        "file": file,
        "title": "Testreeks",
        "source": {"organisation": "CBS", "url": "https://example.org", "table_id": "T1"},
        "licence": "CC BY 4.0",
        "retrieved": "2026-11-01",
        "synthetic": False,
        "calibrated_to": None,
        "supplier": "publiek",
        "sha256": "",
        "schema": schema or COUNTS_SCHEMA,
    }
    e.update(extra)
    return e


def write_dataset(
    folder: Path, name: str, content: bytes | str, schema: dict | None = None, **extra
) -> Path:
    """Write ``content`` as ``<name>.csv`` and register it in the folder's manifest (hash fixed)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.csv"
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    manifest_file = folder / "manifest.yml"
    datasets = {}
    if manifest_file.exists():
        datasets = (yaml.safe_load(manifest_file.read_text()) or {}).get("datasets") or {}
    e = entry(path.name, schema, **extra)
    e["sha256"] = sha256_file(path)
    datasets[name] = e
    save_manifest(datasets, folder)
    return path


@pytest.fixture
def datadir(tmp_path: Path) -> Path:
    """A data folder with one good dataset ``tel``."""
    folder = tmp_path / "data"
    write_dataset(folder, "tel", GOOD_CSV)
    return folder


@pytest.fixture(autouse=True)
def _fresh_load_session():
    """Each test starts with nothing loaded: the fail-safe provenance (everything loaded so far in
    the process, :func:`analysis.data.datasets.session_provenance`) must not leak between tests."""
    from analysis.data import datasets

    datasets.reset_session()
    yield
    datasets.reset_session()
