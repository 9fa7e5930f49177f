"""The chapter *Impact en onderzoek* in words: per impact question of the plan, the plan's words,
what this report measures toward it (linked, real or voorbeeldgegevens) and what it cannot measure.

Usage in the notebook::

    vragen = impact.questions(ctx.load("impactvragen"), indicators.compute_all(ctx))
    report.markdown(impact_page.questions_markdown(vragen))
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.present.marks import real_html
from analysis.present.summary import chapter_link
from analysis.topics.impact import ECHT, GEEN, VOORBEELD, Question

__all__ = ["question_markdown", "questions_markdown"]

_STATE_WORDS = {ECHT: "echte cijfers", VOORBEELD: "nog voorbeeldgegevens", GEEN: "nog geen cijfer"}


def question_markdown(q: Question, *, from_doc: str = "chapters/impact") -> str:
    """One question as Markdown: heading, the plan's words, the measures and what is missing.

    Examples
    --------
    >>> from analysis.topics.impact import Measure
    >>> q = Question("q", "Vinden inwoners het Loket?", "We willen dat ...", "samenvatting",
    ...     (Measure("Wist waar", "chapters/clientervaring", "voorbeeldgegevens"),), "Wie zich niet meldt.")
    >>> import re; print(re.sub(r"<[^>]+>", "", question_markdown(q)))
    ### Vinden inwoners het Loket?
    <BLANKLINE>
    In de woorden van het plan (samenvatting): “We willen dat ...”
    <BLANKLINE>
    **Wat dit rapport meet:** [Wist waar](clientervaring.html) (nog voorbeeldgegevens).
    <BLANKLINE>
    **Wat dit rapport niet kan meten:** Wie zich niet meldt.
    >>> print(question_markdown(Question("i", "Hoe?", "C", "6.5", (), "W")).splitlines()[4])
    **Wat dit rapport meet:** nog geen kernindicator; zie hieronder hoe een onderzoek een analyse toevoegt.
    """
    if q.metingen:
        items = [
            f"[{m.label}]({chapter_link(m.hoofdstuk, from_doc=from_doc)}) ({_STATE_WORDS[m.stand]})"
            for m in q.metingen
        ]
        measured = "; ".join(items) + "."
    else:
        measured = "nog geen kernindicator; zie hieronder hoe een onderzoek een analyse toevoegt."
    return "\n\n".join(
        [
            f"### {q.vraag}",
            f"In de woorden van het plan ({q.vindplaats}): “{real_html(q.citaat)}”",
            f"**Wat dit rapport meet:** {measured}",
            f"**Wat dit rapport niet kan meten:** {q.wat_niet}",
        ]
    )


def questions_markdown(qs: Sequence[Question]) -> str:
    """All questions, in the data's order.

    Examples
    --------
    >>> questions_markdown([])
    'Het plan noemt nog geen vragen naar impact.'
    """
    if not qs:
        return "Het plan noemt nog geen vragen naar impact."
    return "\n\n".join(question_markdown(q) for q in qs)
