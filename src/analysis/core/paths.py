"""Where the project lives: the root folder and its standard paths."""

from __future__ import annotations

import os
from pathlib import Path

ROOT_MARKER = "_toc.yml"

#: The JSON Schema of the parameter files, in ``params/`` (written from the models).
PARAMS_SCHEMA_FILE = "schema.json"


def project_root(start: str | os.PathLike[str] | None = None) -> Path:
    """Return the project root folder.

    ``WMO_PROJECT_ROOT`` wins when set (the build sets it for executed chapters); otherwise the
    first folder upwards from ``start`` (default: the current folder) holding ``_toc.yml`` and
    ``params/``.

    Examples
    --------
    >>> (project_root() / "_toc.yml").exists()  # doctest: +SKIP
    True
    """
    env = os.environ.get("WMO_PROJECT_ROOT")
    if env:
        return Path(env).resolve()
    here = Path(start or Path.cwd()).resolve()
    for folder in [here, *here.parents]:
        if (folder / ROOT_MARKER).is_file() and (folder / "params").is_dir():
            return folder
    raise FileNotFoundError(
        f"geen projectmap gevonden boven {here} (verwacht {ROOT_MARKER} en params/)"
    )


def data_dir(root: Path | None = None) -> Path:
    """The data folder (``WMO_DATA_DIR`` overrides ``<root>/data``)."""
    env = os.environ.get("WMO_DATA_DIR")
    if env:
        return Path(env).resolve()
    return (root or project_root()) / "data"


def rel(path: Path, root: Path | None = None) -> str:
    """``path`` relative to the project root when it is inside it, for messages."""
    root = root or project_root()
    try:
        return Path(path).resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)
