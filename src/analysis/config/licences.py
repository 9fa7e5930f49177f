"""Licences of the data as SPDX identifiers, with the Dutch explanation in a separate field.

The manifest's ``licence`` is an SPDX licence expression (``CC-BY-4.0``, ``CC0-1.0``, or a
``LicenseRef-…`` for a term SPDX does not list, joined with ``AND`` when parts of a dataset have
different terms); ``licence_toelichting`` says in Dutch what it means for this dataset. Producers
may still write the older Dutch licence text: :func:`normalise` turns it into the two fields when
the manifest is saved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Licence:
    """One licence identifier: its SPDX id, an English title and where its text is."""

    spdx: str
    title: str
    url: str | None


LICENCES = {
    lic.spdx: lic
    for lic in (
        Licence(
            "CC-BY-4.0",
            "Creative Commons Attribution 4.0 International",
            "https://creativecommons.org/licenses/by/4.0/",
        ),
        Licence(
            "CC0-1.0",
            "Creative Commons Zero v1.0 Universal",
            "https://creativecommons.org/publicdomain/zero/1.0/",
        ),
        Licence(
            "LicenseRef-citaatrecht",
            "Quotation with attribution (Dutch Copyright Act, art. 15a)",
            None,
        ),
        Licence(
            "LicenseRef-openbaar-overheidsdocument",
            "Public government document, re-use allowed (Dutch Open Government Act)",
            None,
        ),
    )
}

# Older Dutch licence texts (as producers wrote them) → (SPDX expression, Dutch explanation).
_DUTCH = [
    (
        re.compile(r"^CC0\b.*synthetisch", re.IGNORECASE),
        "CC0-1.0",
        "synthetische stand-in, geen echte gegevens: vrij te gebruiken",
    ),
    (
        re.compile(r"^CC0\b.*aannames", re.IGNORECASE),
        "CC0-1.0",
        "aannames van de stand-ins, geen gegevens: vrij te gebruiken",
    ),
    (
        re.compile(r"^CC0\b", re.IGNORECASE),
        "CC0-1.0",
        "vrij te gebruiken, zonder voorwaarden",
    ),
    (
        re.compile(r"^CC BY 4\.0.*(overige|citaat)", re.IGNORECASE),
        "CC-BY-4.0 AND LicenseRef-citaatrecht",
        "CBS-cijfers onder CC BY 4.0 (naamsvermelding: CBS); overige cijfers geciteerd met "
        "bronvermelding",
    ),
    (
        re.compile(r"^CC BY 4\.0", re.IGNORECASE),
        "CC-BY-4.0",
        "vrij te gebruiken met naamsvermelding van de bron (CBS)",
    ),
    (
        re.compile(r"^openbaar overheidsdocument", re.IGNORECASE),
        "LicenseRef-openbaar-overheidsdocument",
        "openbaar overheidsdocument, hergebruik toegestaan (Wet open overheid)",
    ),
]


def ids(expression: str) -> list[str]:
    """The licence identifiers in an SPDX expression (``AND``/``OR``/``WITH`` and brackets out).

    Examples
    --------
    >>> ids("CC-BY-4.0 AND LicenseRef-citaatrecht")
    ['CC-BY-4.0', 'LicenseRef-citaatrecht']
    """
    return [t for t in re.split(r"[\s()]+", expression) if t and t not in ("AND", "OR", "WITH")]


def is_spdx(expression: str) -> bool:
    """True when every identifier in the expression is one of :data:`LICENCES`.

    Examples
    --------
    >>> is_spdx("CC-BY-4.0"), is_spdx("CC BY 4.0")
    (True, False)
    """
    found = ids(expression)
    return bool(found) and all(i in LICENCES for i in found)


def from_dutch(text: str) -> tuple[str, str] | None:
    """``(SPDX expression, Dutch explanation)`` for an older Dutch licence text, or None.

    Examples
    --------
    >>> from_dutch("CC BY 4.0 (CBS)")
    ('CC-BY-4.0', 'vrij te gebruiken met naamsvermelding van de bron (CBS)')
    >>> from_dutch("CC0 (synthetische stand-in, geen echte gegevens)")[0]
    'CC0-1.0'
    >>> from_dutch("alle rechten voorbehouden") is None
    True
    """
    for pattern, spdx, explanation in _DUTCH:
        if pattern.search(text.strip()):
            return spdx, explanation
    return None


def normalise(entry: dict[str, Any]) -> dict[str, Any]:
    """A manifest entry with ``licence`` as SPDX expression and ``licence_toelichting`` in Dutch.

    An entry that already has an SPDX ``licence`` is returned unchanged; a Dutch text that is not
    recognised is left as it is (the manifest test reports it).

    Examples
    --------
    >>> normalise({"licence": "CC BY 4.0"})["licence"]
    'CC-BY-4.0'
    """
    text = str(entry.get("licence") or "")
    if is_spdx(text):
        return entry
    found = from_dutch(text)
    if found is None:
        return entry
    out = {}
    for key, value in entry.items():
        out[key] = value
        if key == "licence":
            out["licence"] = found[0]
            out["licence_toelichting"] = entry.get("licence_toelichting") or found[1]
    return out
