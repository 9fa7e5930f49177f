"""The Samenvatting: the plan's vision in one sentence and a dashboard of every key indicator.

The dashboard is built from :func:`analysis.topics.indicators.compute_all`, which computes every
key indicator of ``kernindicatoren.yml`` from the data itself. The Samenvatting therefore agrees
with the chapters (both call the same functions) and a new indicator appears without editing it.

**Only real data counts.** A verdict that rests on synthetic data (column ``synthetisch``) is an
example: it is shown apart (:func:`dashboard_html` with ``voorbeelden=True``), labelled as such,
with its numbers marked, and it never enters the cards (:func:`cards_html`), the counts
(:func:`verdict_counts`) or the closing paragraph (:func:`conclusion`). Every row says the period of
its value, of the previous value and of the comparison.

Usage in the notebook::

    tabel = indicators.compute_all(ctx)
    echt, voorbeelden = summary.split(tabel)
    display(HTML(summary.cards_html(tabel)))
    display(HTML(summary.dashboard_html(echt, titels)))
    display(HTML(summary.dashboard_html(voorbeelden, titels, voorbeelden=True)))
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
from markupsafe import Markup

from analysis.core.codes import Periode
from analysis.core.provenance import NONE, Provenance, mark, union
from analysis.present.marks import real_html, text_html
from analysis.present.templating import render
from analysis.topics.conclusions import AgendaFacts
from analysis.topics.findings import count
from analysis.topics.indicators import (
    AANDACHT,
    ONVOLDOENDE,
    OP_KOERS,
    change_words,
    format_change,
    format_value,
)

VERDICTS = [OP_KOERS, AANDACHT, ONVOLDOENDE]

#: The verdict rule of :func:`analysis.topics.indicators.verdict`, in Dutch for the council. The tests
#: check every sentence against the function, so the text cannot drift from the rule.
VERDICT_RULE_NL = """\
**Hoe komt het oordeel tot stand?** Elke kernindicator krijgt één van drie oordelen, volgens
een vaste regel die voor alle hoofdstukken gelijk is:

1. **Onvoldoende gegevens** als er geen actuele waarde is, of als het plan voor deze indicator
   geen doel of ambitie noemt.
2. Noemt het plan een **getal als doel** (bijvoorbeeld twaalf plaatsingen per jaar), dan is het
   oordeel **op koers** als dat getal is gehaald: minstens het doel bij een doel dat omhoog moet
   of gelijk moet blijven, ten hoogste het doel bij een doel dat omlaag moet. Anders is het
   oordeel **aandacht nodig**.
3. Noemt het plan alleen een **richting** (stijgen, dalen of gelijk blijven), dan vergelijken we
   met de vorige periode. Zonder waarde van de vorige periode is het oordeel **onvoldoende
   gegevens**. Bij cijfers uit een steekproef telt een verschil dat binnen de
   onzekerheidsmarge (95%-interval) valt als *geen verandering* (zie de
   [Leeswijzer](leeswijzer.html#marge-en-interval)). Het oordeel is **op koers** bij
   een stijging als het plan stijgen wil, bij een daling als het plan dalen wil, bij gelijk
   blijven of stijgen als het plan ten minste gelijk blijven wil, en bij gelijk blijven of dalen
   als de kosten moeten stabiliseren (niet stijgen); anders **aandacht nodig**.

Een verschil tussen twee percentages staat in *procentpunt* (zie de
[Leeswijzer](leeswijzer.html#procentpunt)).

Het oordeel zegt alleen of de indicator de kant op gaat die het plan wil. Het zegt niet of het
beleid de oorzaak is. Een oordeel over synthetische gegevens (voorbeeldgegevens) is alleen een
voorbeeld van hoe het rapport zal lezen: het staat apart, telt niet mee en zegt niets over het
beleid.
"""


def vision_sentence(params: Any) -> str:
    """The plan's vision in one sentence.

    ``samenvatting.visie_zin`` in the params when given; otherwise the first sentence of
    ``beleidsplan.visie`` (the plan's own words).

    Examples
    --------
    >>> class P:
    ...     def get(self, k, d=None):
    ...         return {"beleidsplan.visie": "Inwoners zijn samenredzaam. Verder iets."}.get(k, d)
    >>> vision_sentence(P())
    'Inwoners zijn samenredzaam.'
    """
    own = params.get("samenvatting.visie_zin")
    if own:
        return str(own).strip()
    text = re.sub(r"\s+", " ", str(params.get("beleidsplan.visie") or "")).strip()
    if not text:
        return ""
    m = re.match(r"(.+?[.!?])(\s|$)", text)
    return m[1] if m else text


def chapter_link(hoofdstuk: str, *, from_doc: str = "chapters/samenvatting") -> str:
    """Relative link from the Samenvatting page to a chapter's HTML page.

    Examples
    --------
    >>> chapter_link("chapters/wonen_zorg")
    'wonen_zorg.html'
    >>> chapter_link("bijlagen/x", from_doc="chapters/samenvatting")
    '../bijlagen/x.html'
    """
    here = posixpath.dirname(from_doc) or "."
    return posixpath.relpath(hoofdstuk, here) + ".html"


def chapter_titles(table: pd.DataFrame, root: Path | None = None) -> dict[str, str]:
    """Title of each chapter in ``table['hoofdstuk']``: the first Markdown heading of its page.

    Falls back to the file name when the page cannot be read.
    """
    from analysis.core.paths import project_root

    base = root or project_root()
    out: dict[str, str] = {}
    for doc in dict.fromkeys(table["hoofdstuk"]) if len(table) else []:
        out[doc] = _title_of(base, doc)
    return out


def _title_of(root: Path, doc: str) -> str:
    nb = root / f"{doc}.ipynb"
    md = root / f"{doc}.md"
    try:
        if nb.is_file():
            cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
            texts = ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
        elif md.is_file():
            texts = [md.read_text(encoding="utf-8")]
        else:
            texts = []
    except (OSError, ValueError, KeyError):
        texts = []
    for t in texts:
        if m := re.search(r"^#\s+(.+)$", t, flags=re.M):
            return m[1].strip()
    return Path(doc).name.replace("_", " ").capitalize()


def split(table: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The rows whose verdict rests on real data, and the examples (synthetic), in order.

    Examples
    --------
    >>> t = pd.DataFrame({"id": ["a", "b"], "synthetisch": [False, True]})
    >>> [x["id"].tolist() for x in split(t)]
    [['a'], ['b']]
    """
    if "synthetisch" not in table.columns or table.empty:
        return table, table.iloc[0:0]
    example = table["synthetisch"].astype(bool)
    return table[~example].reset_index(drop=True), table[example].reset_index(drop=True)


def verdict_counts(table: pd.DataFrame) -> dict[str, int]:
    """Number of indicators per verdict (all three, zeros included), **real data only**: rows
    whose verdict rests on synthetic data are never counted.

    Examples
    --------
    >>> verdict_counts(pd.DataFrame({"oordeel": ["op koers", "op koers", "aandacht nodig"],
    ...                              "synthetisch": [False, True, False]}))
    {'op koers': 1, 'aandacht nodig': 1, 'onvoldoende gegevens': 0}
    """
    real, _ = split(table)
    c = real["oordeel"].value_counts() if len(real) else pd.Series(dtype=int)
    return {v: int(c.get(v, 0)) for v in VERDICTS}


def real_provenance(table: pd.DataFrame) -> Provenance:
    """The provenance of what :func:`verdict_counts` counts (the real rows), for ``glue(bron=)``.

    Examples
    --------
    >>> real_provenance(pd.DataFrame({"synthetisch": [True]})).is_synthetic
    False
    """
    real, _ = split(table)
    if "herkomst" not in real.columns:
        return NONE
    return union(p for p in real["herkomst"] if isinstance(p, Provenance))


def period_label(code: object) -> str:
    """A period code as a reader says it.

    Examples
    --------
    >>> period_label("2025H1"), period_label("2024"), period_label("2024Q3"), period_label("2022-2023")
    ('1e halfjaar 2025', '2024', '3e kwartaal 2024', '2022-2023')
    """
    text = "" if code is None or (isinstance(code, float) and pd.isna(code)) else str(code)
    if m := re.fullmatch(r"(\d{4})H([12])", text):
        return f"{m[2]}e halfjaar {m[1]}"
    if m := re.fullmatch(r"(\d{4})Q([1-4])", text):
        return f"{m[2]}e kwartaal {m[1]}"
    return text


def _shown(value: float | None, eenheid: str, dec: int, synthetic: bool) -> str:
    text = format_value(value, eenheid, dec)
    return mark(text) if synthetic and text != "–" else text


def _comparison_name(row: pd.Series) -> str:
    name = str(row.get("vergelijking_naam") or "vergelijking")
    per = str(row.get("vergelijking_periode") or "")
    if per and name.endswith(" " + per):
        name = name[: -len(per) - 1]
    return f"{name} ({period_label(per)})" if per else name


def _details(r: pd.Series, synthetic: bool) -> list[Markup]:
    """The previous value and the comparison of a dashboard row, as HTML: stand-in values marked,
    a real comparison said to be real."""
    dec = int(r["decimalen"])
    out = []
    if r["vorige"] is not None and not pd.isna(r["vorige"]):
        prev = _shown(r["vorige"], r["eenheid"], dec, synthetic)
        size, word = change_words(r["verandering"], r["eenheid"], dec)
        when = period_label(r.get("vorige_periode")) or "vorige periode"
        if word == "gelijk":
            text = f"{when}: {prev} (nu gelijk)"
        elif word:
            text = f"{when}: {prev} (nu {mark(size) if synthetic else size} {word})"
        else:
            text = f"{when}: {prev}"
        out.append(Markup(text_html(text)))
    else:
        out.append(Markup("geen eerdere periode om mee te vergelijken"))
    v = r.get("vergelijking")
    if v is not None and not pd.isna(v):
        comp_synth = bool(r.get("vergelijking_synthetisch", synthetic))
        shown = text_html(_shown(v, r["eenheid"], dec, comp_synth))
        name = text_html(_comparison_name(r))
        out.append(Markup(f"{name}: {shown if comp_synth else real_html(shown)}"))
    return out


def dashboard(table: pd.DataFrame, titles: dict[str, str] | None = None) -> pd.DataFrame:
    """The dashboard as a display table with Dutch headers, one row per key indicator.

    Parameters
    ----------
    table
        Output of :func:`analysis.topics.indicators.compute_all` (or part of it).
    titles
        Chapter titles by ``hoofdstuk`` (see :func:`chapter_titles`).

    Returns
    -------
    DataFrame
        ``Hoofdstuk, Link, Indicator, Waarde, Periode, Verandering, Vergelijking, Doel of
        ambitie, Oordeel, Regel, Synthetisch``; values formatted the Dutch way, marked when
        synthetic.

    Examples
    --------
    >>> t = pd.DataFrame([{"id": "x", "label": "Pact-plaatsingen", "hoofdstuk": "chapters/w",
    ...     "eenheid": "per jaar", "decimalen": 0, "waarde": 5.0, "vorige": None,
    ...     "verandering": None, "vergelijking": None, "vergelijking_naam": "", "doel": "12",
    ...     "oordeel": "aandacht nodig", "regel": "doel: minstens 12", "synthetisch": False,
    ...     "bron": "", "periode": "2022-2023"}])
    >>> dashboard(t).iloc[0][["Link", "Waarde", "Periode", "Oordeel"]].tolist()
    ['w.html', '5 per jaar', '2022-2023', 'aandacht nodig']
    """
    titles = titles or {}
    rows = []
    for _, r in table.iterrows():
        dec = int(r["decimalen"])
        synthetic = bool(r["synthetisch"])
        comp_synth = bool(r.get("vergelijking_synthetisch", synthetic))
        comparison = "–"
        if r["vergelijking"] is not None and not pd.isna(r["vergelijking"]):
            comparison = (
                f"{_comparison_name(r)}: {_shown(r['vergelijking'], r['eenheid'], dec, comp_synth)}"
            )
        rows.append(
            {
                "Hoofdstuk": titles.get(r["hoofdstuk"], Path(r["hoofdstuk"]).name),
                "Link": chapter_link(r["hoofdstuk"]),
                "Indicator": r["label"],
                "Waarde": _shown(r["waarde"], r["eenheid"], dec, synthetic),
                "Periode": period_label(r.get("periode")),
                "Verandering": format_change(r["verandering"], r["eenheid"], dec),
                "Vergelijking": comparison,
                "Doel of ambitie": r["doel"] or "–",
                "Oordeel": r["oordeel"],
                "Regel": r["regel"],
                "Synthetisch": synthetic,
            }
        )
    cols = ["Hoofdstuk", "Link", "Indicator", "Waarde", "Periode", "Verandering", "Vergelijking"]
    cols += ["Doel of ambitie", "Oordeel", "Regel", "Synthetisch"]
    return pd.DataFrame(rows, columns=cols)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def dashboard_html(
    table: pd.DataFrame,
    titles: dict[str, str] | None = None,
    *,
    periode: str = "",
    voorbeelden: bool = False,
    notities: Mapping[str, str] | None = None,
) -> str:
    """The dashboard as one accessible HTML table, grouped by chapter.

    ``notities`` adds a line (HTML) to the details of the indicator with that id, e.g. the
    reconstructed planned years behind the agenda's counts (:func:`agenda_notes`).

    Each chapter starts with a header row that links to the chapter; each indicator row has the
    value and the period it is about, the previous value with its period and the change, the
    comparison with its period, the plan's target or ambition, the verdict in words (the class
    ``wmo-oordeel-<verdict>`` only adds colour) and the rule that produced it. Synthetic values
    are marked where they stand. With ``voorbeelden=True`` (the rows of :func:`split`'s second
    part) every verdict reads *voorbeeld: …*.

    Examples
    --------
    >>> t = pd.DataFrame([{"id": "x", "label": "L", "hoofdstuk": "chapters/w", "eenheid": "%",
    ...     "decimalen": 1, "waarde": 5.0, "vorige": 4.0, "verandering": 1.0,
    ...     "vergelijking": 6.0, "vergelijking_naam": "Nederland", "doel": "hoger",
    ...     "oordeel": "op koers", "regel": "r", "synthetisch": True, "bron": "",
    ...     "periode": "2024", "vorige_periode": "2022", "vergelijking_periode": "2024"}])
    >>> h = dashboard_html(t, {"chapters/w": "Wonen"}, voorbeelden=True)
    >>> '<a href="w.html">Wonen</a>' in h, ">1,0 procentpunt<" in h, "voorbeeld: op koers" in h
    (True, True, True)
    >>> "(nu <span" in h, "</span> hoger)" in h, "-1" in h
    (True, True, False)
    >>> 'data-herkomst="synthetisch">5,0%<sup' in h, "Nederland (2024)" in h, "(2024)" in h
    (True, True, True)
    """
    if table.empty:
        return (
            '<p class="wmo-noot">Geen voorbeelden: elke kernindicator rust op echte gegevens.</p>'
            if voorbeelden
            else '<p class="wmo-noot">Nog geen kernindicator rust op echte gegevens.</p>'
        )
    d = dashboard(table, titles)
    notes = dict(notities or {})
    if voorbeelden:
        cap = "Voorbeelden: kernindicatoren uit synthetische gegevens (tellen niet mee)"
    else:
        cap = "Kernindicatoren per hoofdstuk" + (
            f", rapportageperiode {Periode(str(periode)).label}" if periode else ""
        )
    chapters = []
    for chap, g in d.groupby("Hoofdstuk", sort=False):
        rows = []
        for i, r in g.iterrows():
            src = table.iloc[i]
            rows.append(
                {
                    "link": r["Link"],
                    "label": r["Indicator"],
                    "waarde": r["Waarde"],
                    "periode": r["Periode"],
                    "details": _details(src, bool(src["synthetisch"]))
                    + [Markup(n) for n in [notes.get(str(src.get("id")))] if n],
                    "doel": r["Doel of ambitie"],
                    "oordeel": f"voorbeeld: {r['Oordeel']}" if voorbeelden else r["Oordeel"],
                    "klasse": "voorbeeld" if voorbeelden else _slug(r["Oordeel"]),
                    "regel": r["Regel"],
                }
            )
        chapters.append({"titel": str(chap), "link": g["Link"].iloc[0], "rijen": rows})
    kop = ["Indicator", "Waarde (periode) en vergelijking", "Doel of ambitie uit het plan"]
    kop += ["Oordeel en regel"]
    return render(
        "dashboard.html", caption=cap, kop=kop, hoofdstukken=chapters, voorbeelden=voorbeelden
    )


def agenda_notes(facts: AgendaFacts) -> dict[str, str]:
    """For the agenda's key indicators: how many of the counted action points have planned years
    that were reconstructed from the plan's text (HTML for :func:`dashboard_html`'s
    ``notities``; the plan's counts real, the behind-schedule count marked on stand-ins).

    Examples
    --------
    >>> import re
    >>> n = agenda_notes(AgendaFacts("2025", 56, 56, 29, 29, 19, False))
    >>> re.sub(r"<[^>]+>", "", n["agenda_achter"])
    'bij 19 daarvan zijn de geplande jaren niet zeker (afgeleid uit de tekst van het plan)'
    >>> re.sub(r"<[^>]+>", "", n["agenda_op_schema"])
    'bij 29 van de 56 actiepunten die aan de beurt zijn, zijn de geplande jaren niet zeker'
    >>> agenda_notes(AgendaFacts("2025", 56, 0, 0, 0, 0, True))
    {}
    >>> re.sub(r"<[^>]+>", "", agenda_notes(AgendaFacts("2025", 5, 5, 5, 1, 1, True))["agenda_achter"])
    'bij dat actiepunt zijn de geplande jaren niet zeker (afgeleid uit de tekst van het plan)'
    """
    out = {}
    if facts.gereconstrueerd:
        k, n = real_html(str(facts.gereconstrueerd)), real_html(str(facts.aan_de_beurt))
        out["agenda_op_schema"] = (
            f"bij {k} van de {n} actiepunten die aan de beurt zijn, zijn de geplande jaren "
            "niet zeker"
        )
    if facts.achter_gereconstrueerd:
        k_text = str(facts.achter_gereconstrueerd)
        k = text_html(mark(k_text)) if facts.status_voorbeeld else real_html(k_text)
        which = "dat actiepunt" if facts.achter == 1 else f"{k} daarvan"
        if 1 < facts.achter == facts.achter_gereconstrueerd:
            which = "al die actiepunten"
        out["agenda_achter"] = (
            f"bij {which} zijn de geplande jaren niet zeker (afgeleid uit de tekst van het plan)"
        )
    return out


def cards_html(table_or_counts: pd.DataFrame | dict[str, int]) -> str:
    """Three cards with the number of indicators per verdict — real data only — and, below, how
    many rest on synthetic data and are left out (text, not colour only).

    Examples
    --------
    >>> t = pd.DataFrame({"oordeel": ["op koers", "op koers", "aandacht nodig"],
    ...                   "synthetisch": [False, False, True]})
    >>> h = cards_html(t)
    >>> "2</span> indicatoren <strong>op koers" in h, "0</span> indicatoren <strong>aandacht" in h
    (True, True)
    >>> "Niet meegeteld: 1 kernindicator, die" in h
    True
    """
    if isinstance(table_or_counts, dict):
        counts, n_examples = table_or_counts, 0
    else:
        counts = verdict_counts(table_or_counts)
        n_examples = len(split(table_or_counts)[1])
    cards = []
    for v in VERDICTS:
        n = counts.get(v, 0)
        word = "indicator" if n == 1 else "indicatoren"
        cards.append({"n": n, "woord": word, "oordeel": v, "klasse": _slug(v)})
    return render(
        "kaarten.html",
        kaarten=cards,
        voorbeelden=count(n_examples, "kernindicator", "kernindicatoren") if n_examples else "",
        rusten="rust" if n_examples == 1 else "rusten",
    )


def conclusion(table: pd.DataFrame, titles: dict[str, str] | None = None) -> str:
    """The closing paragraph (Markdown), drawn from real data only (its figures say so:
    ``data-herkomst="echt"``).

    Examples
    --------
    >>> t = pd.DataFrame({"label": ["Pact", "X"], "hoofdstuk": ["chapters/w", "chapters/x"],
    ...     "oordeel": ["aandacht nodig", "op koers"], "synthetisch": [False, True],
    ...     "eenheid": ["per jaar", "%"], "decimalen": [1, 1], "waarde": [5.0, 3.0],
    ...     "periode": ["2022-2023", "2025"]})
    >>> print(conclusion(t))
    Eén kernindicator rust op echte gegevens. Daarvan is het oordeel:
    <BLANKLINE>
    - op koers: geen
    - aandacht nodig: <span class="herkomst-echt" data-herkomst="echt">1</span> ([Pact](w.html): <span class="herkomst-echt" data-herkomst="echt">5,0 per jaar</span> in 2022-2023)
    - onvoldoende gegevens: geen
    <BLANKLINE>
    Voor <span class="herkomst-echt" data-herkomst="echt">1 kernindicator</span> zijn alleen voorbeeldgegevens beschikbaar. Die tellen niet mee en zeggen nog niets over het beleid.
    """
    real, examples = split(table)
    lines = []
    if real.empty:
        lines.append(
            "Nog geen enkele kernindicator rust op echte gegevens. Dit rapport trekt daarom nog "
            "geen conclusie over de ambities van het plan."
        )
    else:
        n = count(len(real), "kernindicator", "kernindicatoren", begin=True)
        verb = "rust" if len(real) == 1 else "rusten"
        lines.append(f"{n} {verb} op echte gegevens. Daarvan is het oordeel:\n")
        for v in VERDICTS:
            g = real[real["oordeel"] == v]
            named = "; ".join(
                f"[{r['label']}]({chapter_link(r['hoofdstuk'])}): "
                + real_html(format_value(r["waarde"], r["eenheid"], int(r["decimalen"])))
                + f" in {period_label(r.get('periode'))}"
                for _, r in g.iterrows()
                if v != ONVOLDOENDE
            )
            n_v = real_html(str(len(g))) if len(g) else "geen"
            lines.append(f"- {v}: {n_v}" + (f" ({named})" if named else ""))
    if len(examples):
        lines.append(
            f"\nVoor {real_html(count(len(examples), 'kernindicator', 'kernindicatoren'))} zijn alleen "
            "voorbeeldgegevens beschikbaar. Die tellen niet mee en zeggen nog niets over het beleid."
        )
    return "\n".join(lines)


def chapter_overview(table: pd.DataFrame, titles: dict[str, str] | None = None) -> pd.DataFrame:
    """Per chapter: number of key indicators per verdict (real data only), and the link.

    Examples
    --------
    >>> t = pd.DataFrame({"hoofdstuk": ["chapters/a", "chapters/a", "chapters/b"],
    ...     "oordeel": ["op koers", "aandacht nodig", "op koers"]})
    >>> chapter_overview(t).values.tolist()
    [['a', 'a.html', 1, 1, 0], ['b', 'b.html', 1, 0, 0]]
    """
    titles = titles or {}
    rows = []
    for doc, g in table.groupby("hoofdstuk", sort=False):
        c = verdict_counts(g)
        rows.append({"Hoofdstuk": titles.get(doc, Path(doc).name), "Link": chapter_link(doc), **c})
    return pd.DataFrame(rows, columns=["Hoofdstuk", "Link", *VERDICTS])
