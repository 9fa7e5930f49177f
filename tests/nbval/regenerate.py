"""Re-execute the nbval reference notebook(s) after a deliberate change of figures.

Run as ``make referentie``; review the diff of tests/nbval/*.ipynb before committing it.
"""

from pathlib import Path

import nbformat
from nbclient import NotebookClient

HERE = Path(__file__).parent

for path in sorted(HERE.glob("*.ipynb")):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, kernel_name="python3", resources={"metadata": {"path": str(HERE)}}).execute()
    for i, cell in enumerate(nb.cells, 1):
        cell["id"] = f"cel-{i:02d}"
        cell.metadata.pop("execution", None)
    nb.metadata["language_info"] = {"name": "python"}
    nbformat.write(nb, path)
    print(f"bijgewerkt: {path}")
