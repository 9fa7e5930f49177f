"""Impact en onderzoek (plan 6.5): the plan's impact questions as data, what the report measures
toward each and what it cannot (analysis.topics.impact, analysis.present.impact_page)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from analysis.core.errors import DataError
from analysis.data import datasets as data
from analysis.present import impact_page
from analysis.topics import impact
from analysis.topics.indicators import registry
from tests.conftest import ROOT

SEEDS = Path("/work/shared/seeds")


def _table(**synthetic: bool) -> pd.DataFrame:
    ids = list(synthetic)
    return pd.DataFrame(
        {
            "id": ids,
            "label": [i.upper() for i in ids],
            "hoofdstuk": [f"chapters/{i}" for i in ids],
            "waarde": [1.0] * len(ids),
            "synthetisch": list(synthetic.values()),
        }
    )


def test_every_question_names_known_key_indicators_and_says_what_it_cannot_measure():
    vragen = data.load("impactvragen", folder=ROOT / "data")
    known = set(registry())
    assert len(vragen) == 7
    for _, r in vragen.iterrows():
        ids = [] if pd.isna(r["indicatoren"]) else str(r["indicatoren"]).split(";")
        assert set(ids) <= known, r["id"]
        assert r["vraag"].endswith("?") and r["wat_niet"]
    # the plan's own question about measuring impact (6.5) has no indicator yet
    assert pd.isna(vragen.set_index("id").loc["impact_meten", "indicatoren"])


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the policy documents are not in this clone")
def test_the_quotes_are_the_plans_own_words():
    plan = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
    flat = re.sub(r"-\s*\n\s*", "", plan)  # words hyphenated over two lines
    flat = re.sub(r"\s+", " ", flat).replace("’", "'")
    for quote in data.load("impactvragen", folder=ROOT / "data")["citaat"]:
        assert re.sub(r"\s+", " ", quote) in flat, quote


def test_each_measure_says_real_or_example_and_links_its_chapter():
    imp = pd.DataFrame(
        {
            "id": ["q"],
            "vraag": ["Vinden inwoners het Loket?"],
            "citaat": ["We willen dat ..."],
            "vindplaats": ["samenvatting"],
            "indicatoren": ["a;b"],
            "wat_niet": ["Wie zich niet meldt."],
        }
    )
    (q,) = impact.questions(imp, _table(a=False, b=True))
    assert [(m.label, m.stand) for m in q.metingen] == [
        ("A", "echte cijfers"),
        ("B", "voorbeeldgegevens"),
    ]
    text = re.sub(r"<[^>]+>", "", impact_page.question_markdown(q))
    assert "[A](a.html) (echte cijfers); [B](b.html) (nog voorbeeldgegevens)." in text
    assert "**Wat dit rapport niet kan meten:** Wie zich niet meldt." in text


def test_an_unknown_indicator_is_an_error_with_its_row():
    imp = pd.DataFrame(
        {
            "id": ["q", "r"],
            "vraag": ["V?", "W?"],
            "citaat": ["C", "C"],
            "vindplaats": ["1", "1"],
            "indicatoren": ["a", "a;zz"],
            "wat_niet": ["x", "y"],
        }
    )
    with pytest.raises(DataError, match="zz") as e:
        impact.questions(imp, _table(a=False))
    assert e.value.row == 3 and e.value.column == "indicatoren"
