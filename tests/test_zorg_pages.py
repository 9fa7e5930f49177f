"""The chapters Sociale basis and Hulp en ondersteuning read as plain Dutch for the raad (issue 15.2):
no statistical jargon, no developer artefacts and no typed figures in the text a reader sees.

Fast: reads the notebook templates, does not execute them (the built pages are checked in
``tests/test_e2e.py``)."""

from __future__ import annotations

import json
import re

import pytest

from analysis.config.manifest import load_manifest
from tests.conftest import ROOT

#: The pages of Sociale basis and Hulp en ondersteuning that this test reads.
CHAPTERS = [
    "mantelzorg",
    "vrijwillige_inzet",
    "kwetsbaarheid",
    "wmo_gebruik",
    "toegang",
    "clientervaring",
]

#: Words the Leeswijzer explains once; chapter text avoids them (issue 15.2).
JARGON = re.compile(
    r"significant|procentpunt|noemer|gekalibreerd|stand-in|95%-interval|ijkcijfer", re.I
)


def _markdown(name: str) -> str:
    nb = json.loads((ROOT / "chapters" / f"{name}.ipynb").read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def _code(name: str) -> str:
    nb = json.loads((ROOT / "chapters" / f"{name}.ipynb").read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_text_has_no_jargon(name):
    prose = re.sub(r"\{glue\}`[^`]+`", "", _markdown(name))
    assert JARGON.findall(prose) == []


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_text_names_no_dataset_file_or_params(name):
    prose = re.sub(r"\{glue\}`[^`]+`", "", _markdown(name))
    ids = [d for d in load_manifest() if "_" in d and re.search(rf"\b{d}\b", prose)]
    assert ids == []
    assert not re.search(r"params/|data/|\.csv|\.txt|\.yml|seeds/|wmo-rapport", prose)


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_text_types_no_figures(name):
    """Figures come from the data through glue; prose writes small definitional numbers as words."""
    prose = re.sub(r"\{glue\}`[^`]+`", "", _markdown(name))
    prose = re.sub(r"“[^”]*”", "", prose)  # the plan's own words
    prose = re.sub(r"\b(19|20)\d{2}\b", "", prose)  # years
    prose = re.sub(r"(paragraaf|hoofdstuk|artikel|stelling|vraag)\s+\d+(\.\d+)*", "", prose)
    prose = re.sub(r"\b\d+(-plussers|\+| jaar| tot \d+ jaar)", "", prose)  # age groups
    prose = re.sub(r"\b\d{1,2} (januari|juli)\b", "", prose)  # a reference date
    prose = re.sub(r"per 1\.000", "", prose)  # a unit, as the edition audit reads it
    prose = re.sub(r"^#.*$", "", prose, flags=re.M)
    assert re.findall(r"\d[\d.,]*%?", prose) == []


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_code_types_no_direction_in_titles(name):
    """A chart title that states a finding comes from a tested function, never an f-string with
    'stijgt', 'boven', 'zoals het plan' (issue 14.2)."""
    titles = re.findall(r"(?<![a-z])title=f?\"([^\"]*)\"", _code(name))
    typed = [
        t
        for t in titles
        if re.search(r"stijg|daal|boven|onder |hoger|lager|zoals het plan|groeit", t)
    ]
    assert typed == []
