"""Parameters of one reporting period: ``params/gemeente.yml`` + ``params/<periode>.yml``.

The municipal base file (``params/gemeente.yml``) says which municipality the report is about, its
comparison group, the policy plan, the privacy thresholds, the chapter settings and targets. A small
file per period (``params/2025.yml``, ``params/2026-1.yml`` for the half-year ``2026H1``) gives the
period, the edition version, the previous period, the changelog, and only what differs from the
base: its values override the base (mappings merge field by field; lists and values replace).
Nothing in ``src/`` or ``chapters/`` names a municipality: it all comes from here.

The merged document is validated into the typed models of :mod:`analysis.config.params_models`
(the one place of names, types and defaults). A missing required field, an unknown field or a value
of the wrong type is a :class:`~analysis.core.errors.ParamsError` naming the file and the dotted
field, e.g. ``params/gemeente.yml, veld 'gemeente.code': verplicht veld ontbreekt``.
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from analysis.config.params_models import PERIOD_FIELDS, Params, section_type
from analysis.core import yamltext
from analysis.core.codes import Periode
from analysis.core.errors import ParamsError
from analysis.core.paths import PARAMS_SCHEMA_FILE, project_root

__all__ = [
    "BASE_FILE",
    "Params",
    "available_periods",
    "load_params",
    "params_path",
    "read_document",
]

#: The municipal base file in ``params/``; every period file overrides it.
BASE_FILE = "gemeente.yml"

_PERIOD_FILE_RE = re.compile(r"^\d{4}(-[12])?$")


def params_path(periode: str | int, root: Path | None = None) -> Path:
    """Path of the params file of a period: ``params/2025.yml``, ``params/2026-1.yml`` (2026H1).

    Examples
    --------
    >>> params_path("2026H1", Path("/p")).as_posix(), params_path(2025, Path("/p")).name
    ('/p/params/2026-1.yml', '2025.yml')
    """
    return (root or project_root()) / "params" / f"{Periode(periode).bestandsnaam}.yml"


def available_periods(root: Path | None = None) -> list[Periode]:
    """Periods that have a params file, in chronological order (half-years included).

    ``params/2024.yml`` → ``"2024"``, ``params/2026-1.yml`` → ``"2026H1"``; the base file
    ``gemeente.yml`` is not a period.
    """
    folder = (root or project_root()) / "params"
    found = [Periode(p.stem) for p in folder.glob("*.yml") if _PERIOD_FILE_RE.match(p.stem)]
    return sorted(found, key=Periode.sort_key)


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(project_root()).as_posix()
    except (ValueError, FileNotFoundError):
        return str(path)


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        doc = yamltext.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ParamsError(f"geen geldige YAML: {exc}", file=_shown(path)) from exc
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise ParamsError("verwacht velden op het hoogste niveau", file=_shown(path))
    return doc


def merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """``override`` on top of ``base``: mappings merge field by field, everything else replaces.

    Examples
    --------
    >>> merge({"a": {"x": 1, "y": [1]}, "b": 2}, {"a": {"y": [2]}, "c": 3})
    {'a': {'x': 1, 'y': [2]}, 'b': 2, 'c': 3}
    """
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def read_document(path: Path) -> tuple[dict[str, Any], list[Path]]:
    """The merged, not yet validated document of a period file and the files it came from.

    The base file is ``gemeente.yml`` next to ``path``, when there is one; a period file without a
    base file must hold everything itself.
    """
    base = path.parent / BASE_FILE
    files = [base, path] if base.is_file() and base.resolve() != path.resolve() else [path]
    docs = [_read_yaml(f) for f in files]
    if len(files) == 2:
        for key in PERIOD_FIELDS:
            if key in docs[0]:
                raise ParamsError(
                    f"hoort in het bestand van de periode (params/<periode>.yml), niet in {BASE_FILE}",
                    file=_shown(base),
                    field=key,
                )
    return (merge(docs[0], docs[1]) if len(docs) == 2 else docs[0]), files


def load_params(periode: str | int | None = None, *, path: Path | None = None) -> Params:
    """Load and validate the params of a period (base file + period file).

    Parameters
    ----------
    periode
        The period, e.g. ``2025`` or ``"2026H1"``; reads ``params/gemeente.yml`` and
        ``params/2025.yml`` (``params/2026-1.yml``) in the project root.
    path
        Read this period file instead (with the ``gemeente.yml`` next to it, if any).

    Raises
    ------
    ParamsError
        File missing, not valid YAML, or a field missing, unknown or of the wrong type; the message
        names the file and the field.

    Examples
    --------
    >>> p = load_params(2025)  # doctest: +SKIP
    >>> p.gemeente_code, p.periode.label, p.privacy.min_cel  # doctest: +SKIP
    ('GM0397', '2025', 10)
    """
    if path is None:
        if periode is None:
            raise ValueError("geef een periode of een pad")
        try:
            path = params_path(periode)
        except ValueError as exc:
            raise ParamsError(str(exc)) from exc
    path = Path(path)
    if not path.is_file():
        have = ", ".join(available_periods()) if periode is not None else ""
        extra = f" (beschikbaar: {have})" if have else ""
        raise ParamsError(f"parameterbestand bestaat niet{extra}", file=_shown(path))
    doc, files = read_document(path)
    try:
        params = Params.model_validate(doc)
    except ValidationError as exc:
        raise _params_error(exc, doc, files) from None
    if periode is not None and Periode(periode) != params.periode:
        raise ParamsError(
            f"bestand is voor periode {params.periode}, niet {periode}",
            file=_shown(path),
            field="periode",
        )
    params._bestanden = tuple(files)
    return params


# --------------------------------------------------------------------------- Dutch errors

_MESSAGES = {
    "missing": "verplicht veld ontbreekt",
    "model_type": "verwacht een groep velden (mapping)",
    "model_attributes_type": "verwacht een groep velden (mapping)",
    "dict_type": "verwacht een groep velden (mapping)",
    "list_type": "verwacht een lijst",
}


def _params_error(exc: ValidationError, doc: dict[str, Any], files: list[Path]) -> ParamsError:
    """The first validation problem as one Dutch :class:`ParamsError` (file and dotted field)."""
    # An unknown field first: next to a "missing" field it is most often the same one misspelled.
    errors = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
    err = errors[0]
    loc = tuple(err["loc"]) or ((err["type"],) if err["type"] == "vorige_periode" else ())
    field = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")
    if err["type"] == "extra_forbidden":
        known = sorted(_model_at(loc[:-1]).model_fields)
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f", bedoelt u '{close[0]}'?" if close else ""
        message = f"onbekend veld{hint} (toegestaan: {', '.join(known)})"
    elif err["type"] == "literal_error":
        message = f"verwacht {err['ctx']['expected']}, gevonden {err['input']!r}".replace(
            " or ", " of "
        )
    else:
        message = _MESSAGES.get(err["type"], err["msg"])
    if len(errors) > 1:
        message += f" (en nog {len(errors) - 1} andere fout(en))"
    return ParamsError(message, file=_shown(_origin(loc, doc, files)), field=field or None)


def _model_at(loc: tuple[Any, ...]) -> type[Any]:
    model: type[Any] = Params
    for part in loc:
        if isinstance(part, str):
            annotation = model.model_fields[part].annotation
            inner = section_type(annotation)
            if inner is None:  # a list of sections
                inner = next(t for t in _types_in(annotation) if section_type(t) is not None)
            model = inner
    return model


def _types_in(annotation: Any) -> list[Any]:  # noqa: ANN401
    args = getattr(annotation, "__args__", ())
    return [t for a in args for t in (a, *_types_in(a))]


def _origin(loc: tuple[Any, ...], doc: dict[str, Any], files: list[Path]) -> Path:
    """The file that holds (or should hold) the field at ``loc``."""
    if len(files) == 1:
        return files[0]
    base, period = files
    if not loc or loc[0] in PERIOD_FIELDS:
        return period
    period_doc = _read_yaml(period)
    return period if _reaches(period_doc, loc) else base


def _reaches(node: Any, loc: tuple[Any, ...]) -> bool:  # noqa: ANN401
    """True when ``node`` holds ``loc``, or a list or value on the way to it (which replaces)."""
    for part in loc:
        if isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return not isinstance(node, dict)
    return True


# ------------------------------------------------------------------------------ JSON Schema

SCHEMA_FILE = PARAMS_SCHEMA_FILE


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a params file (``params/schema.json``), generated from the models.

    A params file holds only part of the whole (the base file has no period fields, a period file
    only what differs), so no field is required at the top or inside a mapping that a period file
    may override field by field; inside list items (which a period file replaces whole) the
    required fields stay required. Unknown fields are refused everywhere, as by the loader.

    Examples
    --------
    >>> s = json_schema()
    >>> "required" in s, s["additionalProperties"], s["$defs"]["Scenario"]["required"][:2]
    (False, False, ['naam', 'groei'])
    """
    schema = Params.model_json_schema()
    schema.pop("required", None)
    in_lists = _defs_in_lists(schema)
    for name, definition in schema.get("$defs", {}).items():
        if name not in in_lists:
            definition.pop("required", None)
    schema["title"] = "Parameters van de Wmo-monitor (params/gemeente.yml en params/<periode>.yml)"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def _defs_in_lists(node: Any, inside: bool = False) -> set[str]:  # noqa: ANN401
    """Names of the ``$defs`` that occur as list items (directly or nested in them)."""
    found: set[str] = set()
    if isinstance(node, dict):
        ref = node.get("$ref")
        if inside and isinstance(ref, str):
            found.add(ref.rsplit("/", 1)[-1])
        for key, value in node.items():
            found |= _defs_in_lists(value, inside or key == "items")
    elif isinstance(node, list):
        for value in node:
            found |= _defs_in_lists(value, inside)
    return found


def schema_text() -> str:
    """:func:`json_schema` as the committed file's text (sorted keys, two spaces, final newline)."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schema(root: Path | None = None) -> Path:
    """Write ``params/schema.json`` from the models (after a change to them)."""
    path = (root or project_root()) / "params" / SCHEMA_FILE
    path.write_text(schema_text(), encoding="utf-8")
    return path
