"""Parameters of one reporting period: ``params/<periode>.yml``.

A params file says which municipality the report is about, its comparison group, the period and
edition version, and the settings chapters need (targets, scenarios, privacy thresholds). Nothing in
``src/`` or ``chapters/`` names a municipality: it all comes from here.

The schema below is strict: a missing required field, an unknown field or a value of the wrong type is
a :class:`~analysis.core.errors.ParamsError` that names the file and the field (dotted path). Chapters that
need new settings add them to :data:`SCHEMA`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from analysis.core.codes import REGION_RE
from analysis.core.errors import ParamsError
from analysis.core.paths import project_root

# A field spec is either a type tuple/"type name" or a dict of sub-fields. A leading "?" in a key
# marks the field optional. Type names: str, int, float, num (int or float), bool, list[...] and
# "regio" (a CBS region code such as GM0397 or NL01), "periode" (four digits).

_REGIO = {"code": "regio", "naam": "str"}

SCHEMA: dict[str, Any] = {
    "periode": "periode",
    "editie": "str",
    "?vorige_periode": "periode|null",
    "?titel": "str",
    "gemeente": {"code": "regio", "naam": "str", "?regio_naam": "str"},
    "vergelijking": {
        "gemeenten": ["list", _REGIO],
        "?regio": _REGIO,
        "land": _REGIO,
    },
    "beleidsplan": {
        "titel": "str",
        "looptijd": ["list", "int"],
        "?visie": "str",
        "?vorig_plan": "str",
    },
    "?privacy": {
        "?min_cel": "int",
        "?afronding": "int",
        "?min_n_percentage": "int",
    },
    "?demografie": {
        "?basisjaar": "int",
        "?prognosejaren": ["list", "int"],
        "?dementie_plan": ["list", {"jaar": "int", "aantal": "num", "bron": "str"}],
    },
    "?wmo": {
        "?basisperiode": "periode",
        "?prognosejaren": ["list", "int"],
        "?scenarios": [
            "list",
            {"naam": "str", "groei": "num", "variant": "str", "band": "str", "?toelichting": "str"},
        ],
        "?referentie_75plus": {
            "waarde": "num",
            "periode": "str",
            "?omschrijving": "str",
            "bron": "str",
        },
        "?agenda_themas": ["list", "str"],
        "?merendeel_75plus": "str",
    },
    "?toegang": {
        "termijnen": [
            "list",
            {
                "stap": "str",
                "weken": "int",
                "omschrijving": "str",
                "reeks": "str",
                "artikel": "str",
            },
        ],
        "doorlooptijden": [
            "list",
            {"indicator": "str", "reeks": "str", "stappen": ["list", "str"]},
        ],
    },
    "?sociale_basis": {
        "?agenda_themas": {
            "?mantelzorg": ["list", "str"],
            "?vrijwillige_inzet": ["list", "str"],
            "?kwetsbaarheid": ["list", "str"],
            "?dementie": ["list", "str"],
        },
        "?afronding_schatting": "int",
        "?voortgang": ["list", {"actie": "str", "indicator": "str"}],
        "?mantelzorg_landelijk": "str",
        "?kwetsbaarheid_definitie": "str",
        "?dementie": {
            "basisjaar": "int",
            "basis_leeftijden": ["list", "int"],
            "?doeljaar": "int",
            "?toelichting": "str",
        },
    },
    "?wonen": {
        "?visie": "str",
        "?basisjaar": "int",
        "?vraag": {
            "?doeljaren": ["list", "int"],
            "?toelichting": "str",
            "ratios": [
                "list",
                {
                    "woningtype": "str",
                    "laag": "num",
                    "midden": "num",
                    "hoog": "num",
                    "?basis": "str",
                    "?per": "num",
                    "?toelichting": "str",
                },
            ],
        },
        "?landelijk_programma": {
            "naam": "str",
            "?bron": "str",
            "doeljaar": "int",
            "basis_75plus": "num",
            "basis_jaar": "int",
            "doelen": ["list", {"woningtype": "str", "aantal": "num", "?omschrijving": "str"}],
        },
        "?agenda_themas": ["list", "str"],
        "?ambitie": "str",
    },
    "?agenda": {
        "?ambitie": "str",
        "?norm_achter": "int",
        "?norm_op_schema": "num|null",
    },
    "?samenvatting": {"?visie_zin": "str", "?inleiding": "str"},
    "?publicatie": "any",
    # Changelog of the period, one entry per published version (analysis.pipeline.publish): why this
    # version exists. Quote the version ("1.1") so YAML keeps it text.
    "?wijzigingen": ["list", {"versie": "str", "toelichting": "str"}],
}

DEFAULT_PRIVACY = {"min_cel": 10, "afronding": 5, "min_n_percentage": 50}


@dataclass(frozen=True)
class Params:
    """Validated parameters of one period.

    Attributes
    ----------
    path : Path
        The params file.
    data : dict
        The whole validated document (nested dicts), for chapter-specific sections.
    """

    path: Path
    data: dict[str, Any]

    @property
    def periode(self) -> str:
        """The reporting period, e.g. ``"2025"``."""
        return str(self.data["periode"])

    @property
    def editie(self) -> str:
        """The edition version, e.g. ``"1.0"``."""
        return str(self.data["editie"])

    @property
    def gemeente_code(self) -> str:
        """CBS code of the municipality, e.g. ``"GM0397"``."""
        return self.data["gemeente"]["code"]

    @property
    def gemeente_naam(self) -> str:
        """Name of the municipality."""
        return self.data["gemeente"]["naam"]

    @property
    def vergelijking(self) -> list[dict[str, str]]:
        """Comparison municipalities as ``[{code, naam}, ...]``."""
        return list(self.data["vergelijking"]["gemeenten"])

    @property
    def land(self) -> dict[str, str]:
        """The national benchmark, ``{code: NL01, naam: Nederland}``."""
        return self.data["vergelijking"]["land"]

    @property
    def regio(self) -> dict[str, str] | None:
        """The region (e.g. the GGD region) when given."""
        return self.data["vergelijking"].get("regio")

    @property
    def privacy(self) -> dict[str, int]:
        """Disclosure thresholds, defaults filled in (CBS practice)."""
        return {**DEFAULT_PRIVACY, **(self.data.get("privacy") or {})}

    def regions(self) -> dict[str, str]:
        """All region codes of the report mapped to their names, municipality first."""
        out = {self.gemeente_code: self.gemeente_naam}
        for g in self.vergelijking:
            out[g["code"]] = g["naam"]
        if self.regio:
            out[self.regio["code"]] = self.regio["naam"]
        out[self.land["code"]] = self.land["naam"]
        return out

    def get(self, dotted: str, default: Any = None) -> Any:
        """A value by dotted path, e.g. ``params.get("wmo.basisperiode")``."""
        node: Any = self.data
        for part in dotted.split("."):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return node


def _type_ok(value: Any, spec: str) -> bool:
    for alt in spec.split("|"):
        if alt == "any":
            return True
        if alt == "null" and value is None:
            return True
        if alt == "str" and isinstance(value, str) and value.strip():
            return True
        if alt == "int" and isinstance(value, int) and not isinstance(value, bool):
            return True
        if alt == "num" and isinstance(value, int | float) and not isinstance(value, bool):
            return True
        if alt == "bool" and isinstance(value, bool):
            return True
        if alt == "regio" and isinstance(value, str) and REGION_RE.match(value):
            return True
        if alt == "periode" and re.fullmatch(r"\d{4}", str(value)) and not isinstance(value, bool):
            return True
    return False


_TYPE_WORDS = {
    "str": "tekst",
    "int": "geheel getal",
    "num": "getal",
    "bool": "ja/nee (true/false)",
    "regio": "CBS-regiocode zoals GM0397 of NL01",
    "periode": "jaartal van vier cijfers",
    "null": "leeg",
}


def _describe(spec: str) -> str:
    return " of ".join(_TYPE_WORDS.get(s, s) for s in spec.split("|"))


def _validate(value: Any, spec: Any, path: str, file: str) -> None:
    if isinstance(spec, dict):
        if not isinstance(value, dict):
            raise ParamsError("verwacht een groep velden (mapping)", file=file, field=path or None)
        known = {k.lstrip("?"): k.startswith("?") for k in spec}
        for key in value:
            if key not in known:
                allowed = ", ".join(sorted(known))
                raise ParamsError(
                    f"onbekend veld (toegestaan: {allowed})",
                    file=file,
                    field=f"{path}.{key}" if path else str(key),
                )
        for key, optional in known.items():
            sub = f"{path}.{key}" if path else key
            sub_spec = spec["?" + key] if optional else spec[key]
            if key not in value:
                if not optional:
                    raise ParamsError("verplicht veld ontbreekt", file=file, field=sub)
                continue
            _validate(value[key], sub_spec, sub, file)
    elif isinstance(spec, list):
        if not isinstance(value, list):
            raise ParamsError("verwacht een lijst", file=file, field=path)
        for i, item in enumerate(value):
            _validate(item, spec[1], f"{path}[{i}]", file)
    else:
        if not _type_ok(value, spec):
            raise ParamsError(
                f"verwacht {_describe(spec)}, gevonden {value!r}", file=file, field=path
            )


def params_path(periode: str | int, root: Path | None = None) -> Path:
    """Path of the params file of a period."""
    return (root or project_root()) / "params" / f"{periode}.yml"


def available_periods(root: Path | None = None) -> list[str]:
    """Periods that have a params file, sorted (``params/2024.yml`` → ``"2024"``)."""
    folder = (root or project_root()) / "params"
    return sorted(p.stem for p in folder.glob("*.yml") if re.fullmatch(r"\d{4}", p.stem))


def load_params(periode: str | int | None = None, *, path: Path | None = None) -> Params:
    """Load and validate the params of a period.

    Parameters
    ----------
    periode
        The period, e.g. ``2025``; reads ``params/2025.yml`` in the project root.
    path
        Read this file instead.

    Raises
    ------
    ParamsError
        File missing, not valid YAML, or a field missing, unknown or of the wrong type; the message
        names the file and the field.

    Examples
    --------
    >>> p = load_params(2025)  # doctest: +SKIP
    >>> p.gemeente_code  # doctest: +SKIP
    'GM0397'
    """
    if path is None:
        if periode is None:
            raise ValueError("geef een periode of een pad")
        path = params_path(periode)
    path = Path(path)
    try:
        shown = path.resolve().relative_to(project_root()).as_posix()
    except (ValueError, FileNotFoundError):
        shown = str(path)
    if not path.is_file():
        have = ", ".join(available_periods()) if periode is not None else ""
        extra = f" (beschikbaar: {have})" if have else ""
        raise ParamsError(f"parameterbestand bestaat niet{extra}", file=shown)
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ParamsError(f"geen geldige YAML: {exc}", file=shown) from exc
    if not isinstance(doc, dict):
        raise ParamsError("verwacht velden op het hoogste niveau", file=shown)
    _validate(doc, SCHEMA, "", shown)
    doc["periode"] = str(doc["periode"])
    if periode is not None and str(periode) != doc["periode"]:
        raise ParamsError(
            f"bestand is voor periode {doc['periode']}, niet {periode}", file=shown, field="periode"
        )
    if doc.get("vorige_periode") is not None:
        doc["vorige_periode"] = str(doc["vorige_periode"])
    return Params(path=path, data=doc)
