"""The page *Conclusies en aandachtspunten* in words: findings, attention, gaps and examples.

:mod:`analysis.topics.conclusions` chooses what the page says; this module says it in plain Dutch
(Markdown for ``report.markdown``), links every item to its chapter and marks every figure: a figure
from real data carries ``data-herkomst="echt"``, a figure from a stand-in is marked synthetic and
its sentence says *in voorbeeldgegevens*. Nothing here is typed about the municipality: every
sentence is made from a row of the key-indicator table or from the agenda's facts.

Usage in the notebook::

    tabel = indicators.compute_all(ctx)
    feiten = conclusions.agenda_facts(plan, status, ctx.params.periode, status_voorbeeld=...)
    report.markdown(tekst.findings_markdown(tabel, feiten))
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from analysis.config.manifest import load_manifest
from analysis.core.paths import data_dir
from analysis.core.provenance import mark
from analysis.present.catalog import record_manifest_dependency
from analysis.present.marks import real_html
from analysis.present.summary import chapter_link, period_label
from analysis.topics import conclusions
from analysis.topics.conclusions import AgendaFacts, Gap
from analysis.topics.findings import count
from analysis.topics.indicators import ONVOLDOENDE, format_value

#: The chapter that explains the action agenda (link target of the agenda's items).
AGENDA_DOC = "chapters/uitvoeringsagenda"
#: The key indicator that counts the action points behind schedule (``kernindicatoren.yml``).
AGENDA_BEHIND_ID = "agenda_achter"
_WISH = {
    "hoger": "het plan wil dat dit stijgt",
    "lager": "het plan wil dat dit daalt",
    "stabiel": "het plan wil dat dit ten minste gelijk blijft",
    "niet hoger": "de gemeente wil dat dit niet stijgt",
}


def gaps(table: pd.DataFrame, folder: Any = None) -> list[Gap]:
    """The datasets without real data yet (:func:`analysis.topics.conclusions.data_gaps`), read
    from the manifest in ``folder`` (default the project's ``data/``), optional datasets whose
    file is absent included. The whole manifest becomes a dependency of the chapter."""
    base = folder or data_dir()
    manifest = load_manifest(base)
    record_manifest_dependency(manifest)
    return conclusions.data_gaps(table, manifest, conclusions.missing_optional(manifest, base))


def _figure(value: Any, eenheid: str, decimalen: int, synthetic: bool) -> str:
    text = format_value(value, eenheid, decimalen)
    return mark(text) if synthetic else real_html(text)


def _target(row: Mapping[str, Any]) -> str:
    """The plan's target in words (``; het doel is minstens 12 per jaar``), or ``""``."""
    richting = str(row.get("richting") or "")
    waarde = row.get("doelwaarde")
    if waarde is not None and not pd.isna(waarde):
        if float(waarde) == 0 and richting == "lager":
            return "; het doel is nul"
        shown = real_html(format_value(waarde, str(row["eenheid"]), 0))
        return f"; het doel is {'ten hoogste' if richting == 'lager' else 'minstens'} {shown}"
    return f"; {_WISH[richting]}" if richting in _WISH else ""


def _behind_note(row: Mapping[str, Any], facts: AgendaFacts | None) -> str:
    """For the key indicator of action points behind schedule: how many of them rest on planned
    years that were reconstructed (the count is only as good as those years)."""
    if facts is None or row.get("id") != AGENDA_BEHIND_ID or not facts.achter_gereconstrueerd:
        return ""
    k = str(facts.achter_gereconstrueerd)
    shown = mark(k) if facts.status_voorbeeld else real_html(k)
    return f"; bij {shown} daarvan zijn de geplande jaren niet zeker"


def indicator_sentence(row: Mapping[str, Any], facts: AgendaFacts | None = None) -> str:
    """One key indicator in one sentence: its value with the period, the previous value, the
    plan's target and the verdict, linked to the chapter. From a stand-in the sentence says
    *in voorbeeldgegevens*, its figures are marked and the verdict reads as an example. With the
    agenda's ``facts``, the count of action points behind schedule says how many of them rest on
    reconstructed planned years.

    Examples
    --------
    >>> r = {"label": "Pact-plaatsingen", "hoofdstuk": "chapters/wonen_zorg", "eenheid": "per jaar",
    ...      "decimalen": 1, "waarde": 5.0, "periode": "2022-2023", "vorige": None,
    ...      "richting": "hoger", "doelwaarde": 12.0, "oordeel": "aandacht nodig",
    ...      "synthetisch": False}
    >>> import re; print(re.sub(r"<[^>]+>", "", indicator_sentence(r)))
    [Pact-plaatsingen](wonen_zorg.html): 5,0 per jaar in 2022-2023; het doel is minstens 12 per jaar (aandacht nodig).
    >>> r.update(synthetisch=True, vorige=4.0, vorige_periode="2024H1", periode="2025H1")
    >>> from analysis.core.provenance import plain
    >>> print(re.sub(r"<[^>]+>", "", plain(indicator_sentence(r))).replace(" (synthetisch)", "*"))
    [Pact-plaatsingen](wonen_zorg.html), in voorbeeldgegevens: 5,0 per jaar* in 1e halfjaar 2025, tegen 4,0 per jaar* in 1e halfjaar 2024; het doel is minstens 12 per jaar (voorbeeld: aandacht nodig).
    """
    synthetic = bool(row["synthetisch"])
    unit, dec = str(row["eenheid"]), int(row["decimalen"])
    text = f"[{row['label']}]({chapter_link(str(row['hoofdstuk']))})"
    text += ", in voorbeeldgegevens: " if synthetic else ": "
    text += f"{_figure(row['waarde'], unit, dec, synthetic)} in {period_label(row.get('periode'))}"
    text += _behind_note(row, facts)
    prev = row.get("vorige")
    if prev is not None and not pd.isna(prev):
        when = period_label(row.get("vorige_periode")) or "de vorige periode"
        text += f", tegen {_figure(prev, unit, dec, synthetic)} in {when}"
    text += _target(row)
    oordeel = str(row.get("oordeel") or "")
    if oordeel and oordeel != ONVOLDOENDE:
        text += f" ({'voorbeeld: ' if synthetic else ''}{oordeel})"
    return text + "."


#: Why a verdict is *aandacht nodig* when the plan names only a direction (the rule of
#: :func:`analysis.topics.indicators.verdict`: a change within the margin counts as none).
_NOT_AS_WISHED = {
    "hoger": "het plan wil dat dit stijgt, maar het steeg niet",
    "lager": "het plan wil dat dit daalt, maar het daalde niet",
    "stabiel": "het plan wil dat dit ten minste gelijk blijft, maar het daalde",
    "niet hoger": "de gemeente wil dat dit niet stijgt, maar het steeg",
}


def attention_sentence(row: Mapping[str, Any]) -> str:
    """Why a real verdict is *aandacht nodig*, in one sentence linked to the chapter.

    Examples
    --------
    >>> import re
    >>> r = {"label": "Pact", "hoofdstuk": "chapters/wonen_zorg", "eenheid": "per jaar",
    ...      "periode": "2022-2023", "richting": "hoger", "doelwaarde": 12.0}
    >>> print(re.sub(r"<[^>]+>", "", attention_sentence(r)))
    [Pact](wonen_zorg.html): het doel van minstens 12 per jaar is in 2022-2023 niet gehaald.
    >>> r.update(doelwaarde=None, richting="lager", vorige_periode="2022", periode="2024")
    >>> attention_sentence(r)
    '[Pact](wonen_zorg.html): het plan wil dat dit daalt, maar het daalde niet tussen 2022 en 2024.'
    """
    link = f"[{row['label']}]({chapter_link(str(row['hoofdstuk']))}): "
    per = period_label(row.get("periode"))
    waarde = row.get("doelwaarde")
    richting = str(row.get("richting") or "")
    if waarde is not None and not pd.isna(waarde):
        if float(waarde) == 0 and richting == "lager":
            return link + f"het doel is nul; in {per} is dat niet gehaald."
        shown = real_html(format_value(waarde, str(row["eenheid"]), 0))
        bound = "ten hoogste" if richting == "lager" else "minstens"
        return link + f"het doel van {bound} {shown} is in {per} niet gehaald."
    since = period_label(row.get("vorige_periode"))
    span = f" tussen {since} en {per}" if since else f" in {per}"
    return (
        link
        + _NOT_AS_WISHED.get(richting, "het gaat niet de kant op die het plan wil")
        + span
        + "."
    )


def agenda_sentence(facts: AgendaFacts) -> str:
    """The plan's own facts about the agenda in the period (real: the plan's planning), linked.

    Examples
    --------
    >>> import re
    >>> print(re.sub(r"<[^>]+>", "", agenda_sentence(AgendaFacts("2025", 56, 45, 20, 29, 18, True))))
    [Uitvoeringsagenda](uitvoeringsagenda.html): volgens de planning in het plan waren in 2025 45 van de 56 actiepunten aan de beurt; bij 20 daarvan zijn de geplande jaren niet zeker, omdat ze uit de tekst van het plan zijn afgeleid.
    >>> print(re.sub(r"<[^>]+>", "", agenda_sentence(AgendaFacts("2025", 56, 56, 0, 0, 0, True))))
    [Uitvoeringsagenda](uitvoeringsagenda.html): volgens de planning in het plan waren in 2025 alle 56 actiepunten aan de beurt.
    >>> print(re.sub(r"<[^>]+>", "", agenda_sentence(AgendaFacts("2024", 56, 0, 0, 0, 0, True))))
    [Uitvoeringsagenda](uitvoeringsagenda.html): volgens de planning in het plan was in 2024 nog geen van de 56 actiepunten aan de beurt.
    >>> print(re.sub(r"<[^>]+>", "", agenda_sentence(AgendaFacts("2025", 56, 1, 1, 0, 0, True))))
    [Uitvoeringsagenda](uitvoeringsagenda.html): volgens de planning in het plan was in 2025 1 van de 56 actiepunten aan de beurt; bij dat actiepunt zijn de geplande jaren niet zeker, omdat ze uit de tekst van het plan zijn afgeleid.
    """
    link = f"[Uitvoeringsagenda]({chapter_link(AGENDA_DOC)}): volgens de planning in het plan "
    per = period_label(facts.periode)
    total = real_html(str(facts.totaal))
    n = facts.aan_de_beurt
    if n == 0:
        return link + f"was in {per} nog geen van de {total} actiepunten aan de beurt."
    if n == facts.totaal:
        text = link + f"waren in {per} alle {total} actiepunten aan de beurt"
    else:
        verb = "was" if n == 1 else "waren"
        text = link + f"{verb} in {per} {real_html(str(n))} van de {total} actiepunten aan de beurt"
    k = facts.gereconstrueerd
    if k:
        which = "dat actiepunt" if n == 1 else f"{real_html(str(k))} daarvan"
        if 1 < n == k:
            which = "al die actiepunten"
        text += f"; bij {which} zijn de geplande jaren niet zeker, omdat ze uit de tekst van het plan zijn afgeleid"
    return text + "."


def _bullets(items: Sequence[str]) -> str:
    return "\n".join(f"- {i}" for i in items)


def findings_markdown(table: pd.DataFrame, facts: AgendaFacts | None = None) -> str:
    """The findings from real data as a list, after a sentence that says how many there are; the
    agenda's own facts (from the plan) close the list.

    Examples
    --------
    >>> t = pd.DataFrame([{"label": "Pact", "hoofdstuk": "chapters/w", "eenheid": "per jaar",
    ...     "decimalen": 0, "waarde": 5.0, "periode": "2023", "vorige": None, "richting": "",
    ...     "doelwaarde": None, "oordeel": "onvoldoende gegevens", "synthetisch": False}])
    >>> import re; print(re.sub(r"<[^>]+>", "", findings_markdown(t)))
    Nog maar 1 kernindicator van de 1 rust op echte gegevens. Daarom staan hier minder dan vijf bevindingen; de andere kernindicatoren wachten op gegevens (zie hieronder).
    <BLANKLINE>
    - [Pact](w.html): 5 per jaar in 2023.
    """
    chosen = conclusions.findings(table)
    items = [indicator_sentence(r, facts) for _, r in chosen.iterrows()]
    if facts is not None and len(items) < conclusions.MAX_FINDINGS:
        items.append(agenda_sentence(facts))
    n = len(chosen)
    if n >= conclusions.MIN_FINDINGS:
        lead = f"{count(n, 'bevinding', 'bevindingen', begin=True)} uit echte gegevens:"
    elif n == 0:
        lead = (
            "Nog geen enkele kernindicator rust op echte gegevens. Daarom trekt dit rapport nog "
            "geen conclusies; hieronder staat wat er nodig is."
        )
    else:
        lead = (
            f"Nog maar {real_html(count(n, 'kernindicator', 'kernindicatoren'))} van de "
            f"{real_html(str(len(table)))} {'rust' if n == 1 else 'rusten'} op echte gegevens. "
            "Daarom staan hier minder dan vijf bevindingen; de andere kernindicatoren wachten op "
            "gegevens (zie hieronder)."
        )
    return lead + ("\n\n" + _bullets(items) if items else "")


def attention_markdown(table: pd.DataFrame) -> str:
    """What needs attention: why each real verdict is *aandacht nodig* (the action points behind
    schedule among them once the reported status is real). A sentence when nothing does.

    Examples
    --------
    >>> t = pd.DataFrame([{"label": "Pact", "hoofdstuk": "chapters/w", "eenheid": "per jaar",
    ...     "periode": "2023", "richting": "hoger", "doelwaarde": 12.0,
    ...     "oordeel": "aandacht nodig", "synthetisch": False}])
    >>> import re; print(re.sub(r"<[^>]+>", "", attention_markdown(t)))
    - [Pact](w.html): het doel van minstens 12 per jaar is in 2023 niet gehaald.
    >>> print(attention_markdown(t.iloc[0:0]))
    Geen van de bevindingen uit echte gegevens vraagt nu aandacht.
    """
    items = [attention_sentence(r) for _, r in conclusions.attention(table).iterrows()]
    if not items:
        return "Geen van de bevindingen uit echte gegevens vraagt nu aandacht."
    return _bullets(items)


def gap_sentence(gap: Gap) -> str:
    """One dataset without real data: its title, who supplies it and what waits for it.

    Examples
    --------
    >>> g = Gap("loket", "Meldingen bij het Loket", "de gemeente", True, True,
    ...         (("Meldingen per jaar", "chapters/toegang"),))
    >>> import re; re.sub(r"<[^>]+>", "", gap_sentence(g))
    '**Meldingen bij het Loket**: levert de gemeente aan; nog niet aangeleverd, nu staan er voorbeeldgegevens. Nodig voor: [Meldingen per jaar](toegang.html).'
    >>> re.sub(r"<[^>]+>", "", gap_sentence(Gap("b", "Bevolking", "CBS", False, True)))
    '**Bevolking**: publiceert CBS; nog niet opgehaald, nu staan er voorbeeldgegevens.'
    >>> re.sub(r"<[^>]+>", "", gap_sentence(Gap("k", "Signalen", "de gemeente", True, False)))
    '**Signalen**: levert de gemeente aan; nog niet aangeleverd.'
    """
    who = f"levert {gap.leverancier} aan" if gap.gemeente else f"publiceert {gap.leverancier}"
    state = "nog niet aangeleverd" if gap.gemeente else "nog niet opgehaald"
    # the title is the manifest's (a fact about the data, its figures real: "de 10 standaardvragen")
    text = f"**{real_html(gap.titel)}**: {who}; {state}"
    text += ", nu staan er voorbeeldgegevens." if gap.aangeleverd else "."
    if gap.indicatoren:
        links = ", ".join(f"[{label}]({chapter_link(doc)})" for label, doc in gap.indicatoren)
        text += f" Nodig voor: {links}."
    return text


def gaps_markdown(gaps: Sequence[Gap]) -> str:
    """The datasets that block a judgement, first those the municipality supplies.

    Examples
    --------
    >>> import re
    >>> print(re.sub(r"<[^>]+>", "", gaps_markdown([Gap("b", "Bevolking", "CBS", False, True),
    ...                      Gap("k", "Signalen", "de gemeente", True, False)])))
    Van de gemeente:
    <BLANKLINE>
    - **Signalen**: levert de gemeente aan; nog niet aangeleverd.
    <BLANKLINE>
    Van publieke bronnen:
    <BLANKLINE>
    - **Bevolking**: publiceert CBS; nog niet opgehaald, nu staan er voorbeeldgegevens.
    >>> gaps_markdown([])
    'Alle gegevens zijn aangeleverd: niets wacht nog op gegevens.'
    """
    if not gaps:
        return "Alle gegevens zijn aangeleverd: niets wacht nog op gegevens."
    parts = []
    for head, municipal in (("Van de gemeente:", True), ("Van publieke bronnen:", False)):
        items = [gap_sentence(g) for g in gaps if g.gemeente == municipal]
        if items:
            parts.append(f"{head}\n\n{_bullets(items)}")
    return "\n\n".join(parts)


def examples_markdown(table: pd.DataFrame, facts: AgendaFacts | None = None) -> str:
    """Verdicts from stand-ins, each a sentence that says *in voorbeeldgegevens* and whose figures
    are marked; they show how the page will read and never count.

    Examples
    --------
    >>> t = pd.DataFrame([{"label": "X", "hoofdstuk": "chapters/x", "eenheid": "%",
    ...     "decimalen": 1, "waarde": 5.0, "periode": "2025", "vorige": None, "richting": "lager",
    ...     "doelwaarde": None, "oordeel": "op koers", "synthetisch": True}])
    >>> from analysis.core.provenance import plain
    >>> print(plain(examples_markdown(t)))
    - [X](x.html), in voorbeeldgegevens: 5,0% (synthetisch) in 2025; het plan wil dat dit daalt (voorbeeld: op koers).
    >>> examples_markdown(t.iloc[0:0])
    'Geen: elk oordeel rust op echte gegevens.'
    """
    items = [indicator_sentence(r, facts) for _, r in conclusions.examples(table).iterrows()]
    return _bullets(items) if items else "Geen: elk oordeel rust op echte gegevens."
