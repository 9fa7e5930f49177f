"""The Leeswijzer: how to read the report, with examples made by the code that writes the pages.

Every example on the page comes from the functions the chapters use: the sign next to a figure
from voorbeeldgegevens (:func:`analysis.present.marks.marked_html`), an interval
(:func:`analysis.core.stats.wilson_interval`), a difference that is or is not certain
(:func:`analysis.topics.findings.change` with a margin), the labels of periods
(:class:`analysis.core.codes.Periode`) and of provisional figures
(:func:`analysis.topics.wmo.period_label`), a change in percentage points
(:func:`analysis.topics.indicators.format_change`). So the explanation cannot drift from what the
pages show. The example inputs below are teaching numbers, not data about anyone.
"""

from __future__ import annotations

import pandas as pd

from analysis.core.codes import Periode
from analysis.core.numbers import getal, procent
from analysis.core.stats import wilson_interval
from analysis.core.words import plain_words
from analysis.present.marks import SIGN, marked_html
from analysis.topics.findings import change
from analysis.topics.indicators import format_change
from analysis.topics.wmo import period_label as wmo_period_label

__all__ = [
    "SIGN",
    "plain_words",
    "difference_examples",
    "interval_example",
    "percentage_point_example",
    "period_table",
    "sign_example",
]

#: The interval example: this many of this many people answer "ja" (40%).
EXAMPLE_YES, EXAMPLE_N = 200, 500
#: The margin example: a share that goes from 30% to 28% or to 24%, with a margin of 3 points.
EXAMPLE_FROM, EXAMPLE_SMALL, EXAMPLE_LARGE, EXAMPLE_MARGIN = 30.0, 28.0, 24.0, 3.0
#: The percentage-point example: from 20% to 25%.
EXAMPLE_PP = (20.0, 25.0)


def sign_example(figure: str = "1.060") -> str:
    """A figure as it stands when it rests on voorbeeldgegevens (the page's own mark, as HTML).

    Examples
    --------
    >>> 'data-herkomst="synthetisch">1.060<sup' in sign_example()
    True
    """
    return marked_html(figure)


def interval_example(yes: int = EXAMPLE_YES, n: int = EXAMPLE_N) -> dict[str, str]:
    """The numbers of the interval example, as the report writes them.

    Examples
    --------
    >>> interval_example()
    {'ja': '200', 'n': '500', 'aandeel': '40%', 'onder': '35,8%', 'boven': '44,4%'}
    """
    low, high = wilson_interval(yes, n)
    return {
        "ja": getal(yes),
        "n": getal(n),
        "aandeel": procent(yes / n * 100, 0),
        "onder": procent(low, 1),
        "boven": procent(high, 1),
    }


def difference_examples() -> dict[str, str]:
    """Two sentences the chapters could write: a change within the margin and one beyond it.

    Examples
    --------
    >>> d = difference_examples()
    >>> d["klein"]
    'Het aandeel bleef ongeveer gelijk (van 30% naar 28%); het verschil is niet zeker.'
    >>> d["groot"], d["marge"]
    ('Het aandeel daalde van 30% naar 24%.', '3 procentpunt')
    """
    small = change("het aandeel", EXAMPLE_FROM, EXAMPLE_SMALL, eenheid="%", marge=EXAMPLE_MARGIN)
    large = change("het aandeel", EXAMPLE_FROM, EXAMPLE_LARGE, eenheid="%", marge=EXAMPLE_MARGIN)
    return {
        "klein": small.zin(),
        "groot": large.zin(),
        "marge": format_change(EXAMPLE_MARGIN, "%", 0).lstrip("+"),
    }


def percentage_point_example() -> dict[str, str]:
    """From 20% to 25%: a change of 5 percentage points, which is 25% more.

    Examples
    --------
    >>> percentage_point_example()
    {'van': '20%', 'naar': '25%', 'punten': '5 procentpunt', 'relatief': '25%'}
    """
    a, b = EXAMPLE_PP
    return {
        "van": procent(a, 0),
        "naar": procent(b, 0),
        "punten": format_change(b - a, "%", 0).lstrip("+"),
        "relatief": procent((b - a) / a * 100, 0),
    }


def period_table(periode: str | int) -> pd.DataFrame:
    """How periods are written on the pages, and what they mean, with the year of the edition's
    ``periode`` (labels from the code that writes the pages).

    Examples
    --------
    >>> period_table("2025")["Zo staat het er"].tolist()
    ['2025', '1e halfjaar 2025', '2022-2023', '2024*', '2030 (projectie)']
    >>> period_table("2025")["Betekenis"].iloc[1]
    'januari tot en met juni 2025; de vorige periode is dan 1e halfjaar 2024 (hetzelfde halfjaar een jaar eerder)'
    """
    y = Periode(periode).jaar
    half = Periode(f"{y}H1")
    rows = [
        (Periode(y).label, f"het hele jaar {y}; bij het aantal inwoners: de stand op 1 januari"),
        (
            half.label,
            f"januari tot en met juni {y}; de vorige periode is dan {half.vorige().label} "
            "(hetzelfde halfjaar een jaar eerder)",
        ),
        (f"{y - 3}-{y - 2}", "twee jaren samen, bijvoorbeeld een gemiddelde"),
        (
            wmo_period_label(str(y - 1), "voorlopig"),
            "een voorlopig cijfer: het CBS kan het later nog aanpassen",
        ),
        (f"{y + 5} (projectie)", "een berekende verwachting voor later, geen meting"),
    ]
    return pd.DataFrame(rows, columns=["Zo staat het er", "Betekenis"])
