"""Start the next period: write its small params file from the last one (``wmo-rapport nieuwe-periode``).

The new file gets the period, edition ``"1.0"``, an empty changelog and the previous comparable
period (:meth:`analysis.core.codes.Periode.vorige`: the year before, or the same half-year a year
earlier); every other override of the last period file is carried over, so what the municipality
deliberately set per period stays set until someone changes it. An existing file is never
overwritten.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from analysis.config.params import (
    SCHEMA_FILE,
    available_periods,
    load_params,
    params_path,
    read_document,
)
from analysis.config.params_models import PERIOD_FIELDS
from analysis.core.codes import Periode
from analysis.core.errors import ParamsError
from analysis.core.paths import project_root


def _dotted(doc: dict[str, Any], prefix: str = "") -> list[str]:
    """The leaf fields of a mapping as dotted paths (lists count as one field)."""
    out: list[str] = []
    for key, value in doc.items():
        path = f"{prefix}{key}"
        out += _dotted(value, f"{path}.") if isinstance(value, dict) and value else [path]
    return out


def period_file_text(periode: Periode, vorige: Periode | None, overrides: dict[str, Any]) -> str:
    """The text of a new period file: schema line, comment, period fields, carried overrides.

    Examples
    --------
    >>> print(period_file_text(Periode("2026-1"), Periode("2025H1"), {}), end="")
    # yaml-language-server: $schema=schema.json
    # Rapportageperiode 1e halfjaar 2026. De gemeentelijke parameters staan in gemeente.yml; hier
    # alleen wat bij deze periode hoort of ervan afwijkt.
    periode: 2026H1
    editie: "1.0"
    vorige_periode: 2025H1
    wijzigingen: []
    """
    lines = [
        f"# yaml-language-server: $schema={SCHEMA_FILE}",
        f"# Rapportageperiode {periode.label}. De gemeentelijke parameters staan in gemeente.yml; hier",
        "# alleen wat bij deze periode hoort of ervan afwijkt.",
        f"periode: {periode}",
        'editie: "1.0"',
        f"vorige_periode: {vorige if vorige is not None else 'null'}",
        "wijzigingen: []",
    ]
    text = "\n".join(lines) + "\n"
    if overrides:
        text += "\n# Overgenomen uit het vorige periodebestand; controleer of het nog klopt.\n"
        text += yaml.safe_dump(overrides, allow_unicode=True, sort_keys=False, width=100)
    return text


def new_period(periode: str | int, root: Path | None = None) -> tuple[Path, list[str]]:
    """Write ``params/<periode>.yml`` from the last period file before it.

    Returns the new file and the dotted fields carried over from the last file (besides the period
    fields). The result is validated like any params file; nothing is left behind when it is not
    valid.

    Raises
    ------
    ParamsError
        The file exists already, there is no earlier period file to start from, or the result is
        not valid.
    """
    root = root or project_root()
    new = Periode(periode)
    target = params_path(new, root)
    if target.exists():
        raise ParamsError(
            "bestaat al; een bestaand parameterbestand wordt niet overschreven",
            file=f"params/{target.name}",
        )
    earlier = [p for p in available_periods(root) if p.sort_key() < new.sort_key()]
    if not earlier:
        raise ParamsError(f"geen periodebestand vóór {new.label} in params/ om van uit te gaan")
    last = params_path(earlier[-1], root)
    overrides = {k: v for k, v in _own_fields(last).items() if k not in PERIOD_FIELDS}
    text = period_file_text(new, new.vorige(), overrides)
    with open(target, "x", encoding="utf-8") as fh:  # "x": never overwrite, even in a race
        fh.write(text)
    try:
        load_params(new, path=target)
    except ParamsError:
        target.unlink()
        raise
    return target, _dotted(overrides)


def _own_fields(path: Path) -> dict[str, Any]:
    """The fields written in the period file itself (not those of the base file)."""
    read_document(path)  # the file must be readable YAML with a mapping, the base file sound
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return dict(doc)
