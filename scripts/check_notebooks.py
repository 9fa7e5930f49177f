"""No outputs in the chapter templates: ``chapters/*.ipynb`` are committed without results.

The build executes a copy of each template per period; outputs in the template itself would leak
one period's figures (or a researcher's local data) into the repository and into diffs. Fails,
naming notebook and cell, when a code cell has outputs or an execution count. Standard library
only, so it runs before anything is installed::

    python3 scripts/check_notebooks.py chapters
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def problems(nb_path: Path) -> list[str]:
    """What is wrong with one template (empty when it has no outputs).

    Examples
    --------
    >>> import tempfile, json
    >>> p = Path(tempfile.mkdtemp()) / "x.ipynb"
    >>> _ = p.write_text(json.dumps({"cells": [{"cell_type": "code", "id": "a",
    ...     "execution_count": 3, "outputs": [{"output_type": "stream"}], "source": ""}]}))
    >>> problems(p)
    ['x.ipynb, cel 1 (a): 1 uitvoer(en)', 'x.ipynb, cel 1 (a): uitvoeringsnummer 3']
    """
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    found = []
    for i, cell in enumerate(nb.get("cells", []), start=1):
        if cell.get("cell_type") != "code":
            continue
        where = f"{nb_path.name}, cel {i} ({cell.get('id', '?')})"
        if cell.get("outputs"):
            found.append(f"{where}: {len(cell['outputs'])} uitvoer(en)")
        if cell.get("execution_count") is not None:
            found.append(f"{where}: uitvoeringsnummer {cell['execution_count']}")
    return found


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path("chapters")
    notebooks = sorted(folder.glob("*.ipynb"))
    found = [p for nb in notebooks for p in problems(nb)]
    if found:
        print("Sjablonen met uitvoer (wis de uitvoer voor het vastleggen):")
        print("\n".join(f"  {p}" for p in found))
        return 1
    print(f"notebooks: {len(notebooks)} sjablonen zonder uitvoer")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
