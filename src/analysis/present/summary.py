"""The Samenvatting: the plan's vision in one sentence and a dashboard of every key indicator.

The dashboard is built from :func:`analysis.topics.indicators.compute_all`, which runs every registered
key indicator from the data itself. The Samenvatting therefore agrees with the chapters (both call
the same functions) and a new chapter's indicator appears without editing the summary.

Usage in the notebook::

    table = indicators.compute_all(ctx)
    display(HTML(summary.dashboard_html(table, titles=summary.chapter_titles(table))))
    display(Markdown(summary.verdict_rule_markdown()))
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.topics.indicators import (
    AANDACHT,
    ONVOLDOENDE,
    OP_KOERS,
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
2. Noemt het plan een **getal als doel** (bijvoorbeeld 12 plaatsingen per jaar), dan is het
   oordeel **op koers** als dat getal is gehaald: minstens het doel bij een doel dat omhoog moet
   of gelijk moet blijven, ten hoogste het doel bij een doel dat omlaag moet. Anders is het
   oordeel **aandacht nodig**.
3. Noemt het plan alleen een **richting** (stijgen, dalen of gelijk blijven), dan vergelijken we
   met de vorige periode. Zonder waarde van de vorige periode is het oordeel **onvoldoende
   gegevens**. Bij cijfers uit een steekproef telt een verschil dat binnen de
   onzekerheidsmarge (95%-interval) valt als *geen verandering*. Het oordeel is **op koers** bij
   een stijging als het plan stijgen wil, bij een daling als het plan dalen wil, en bij gelijk
   blijven of stijgen als het plan ten minste gelijk blijven wil; anders **aandacht nodig**.

Het oordeel zegt alleen of de indicator de kant op gaat die het plan wil. Het zegt niet of het
beleid de oorzaak is. Cijfers uit synthetische gegevens zijn gemarkeerd: daarop kan geen oordeel
over het beleid worden gebaseerd.
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


def verdict_counts(table: pd.DataFrame) -> dict[str, int]:
    """Number of indicators per verdict (all three, zeros included).

    Examples
    --------
    >>> verdict_counts(pd.DataFrame({"oordeel": ["op koers", "op koers", "aandacht nodig"]}))
    {'op koers': 2, 'aandacht nodig': 1, 'onvoldoende gegevens': 0}
    """
    c = table["oordeel"].value_counts() if len(table) else pd.Series(dtype=int)
    return {v: int(c.get(v, 0)) for v in VERDICTS}


def _comparison_text(row: pd.Series) -> str:
    v = row.get("vergelijking")
    if v is None or pd.isna(v):
        return "–"
    name = row.get("vergelijking_naam") or "vergelijking"
    return f"{name}: {format_value(v, row['eenheid'], int(row['decimalen']))}"


def dashboard(table: pd.DataFrame, titles: dict[str, str] | None = None) -> pd.DataFrame:
    """The dashboard as a display table with Dutch headers, one row per key indicator.

    Parameters
    ----------
    table
        Output of :func:`analysis.topics.indicators.compute_all`.
    titles
        Chapter titles by ``hoofdstuk`` (see :func:`chapter_titles`).

    Returns
    -------
    DataFrame
        ``Hoofdstuk, Link, Indicator, Waarde, Verandering, Vergelijking, Doel of ambitie, Oordeel,
        Regel, Synthetisch``; values formatted the Dutch way.

    Examples
    --------
    >>> t = pd.DataFrame([{"id": "x", "label": "Pact-plaatsingen", "hoofdstuk": "chapters/w",
    ...     "eenheid": "per jaar", "decimalen": 0, "waarde": 5.0, "vorige": None,
    ...     "verandering": None, "vergelijking": None, "vergelijking_naam": "", "doel": "12",
    ...     "oordeel": "aandacht nodig", "regel": "doel: minstens 12", "synthetisch": False,
    ...     "bron": ""}])
    >>> dashboard(t).iloc[0][["Link", "Waarde", "Verandering", "Oordeel"]].tolist()
    ['w.html', '5 per jaar', '–', 'aandacht nodig']
    """
    titles = titles or {}
    rows = []
    for _, r in table.iterrows():
        dec = int(r["decimalen"])
        rows.append(
            {
                "Hoofdstuk": titles.get(r["hoofdstuk"], Path(r["hoofdstuk"]).name),
                "Link": chapter_link(r["hoofdstuk"]),
                "Indicator": r["label"],
                "Waarde": format_value(r["waarde"], r["eenheid"], dec),
                "Verandering": format_change(r["verandering"], r["eenheid"], dec),
                "Vergelijking": _comparison_text(r),
                "Doel of ambitie": r["doel"] or "–",
                "Oordeel": r["oordeel"],
                "Regel": r["regel"],
                "Synthetisch": bool(r["synthetisch"]),
            }
        )
    cols = ["Hoofdstuk", "Link", "Indicator", "Waarde", "Verandering", "Vergelijking"]
    cols += ["Doel of ambitie", "Oordeel", "Regel", "Synthetisch"]
    return pd.DataFrame(rows, columns=cols)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def dashboard_html(
    table: pd.DataFrame, titles: dict[str, str] | None = None, *, periode: str = ""
) -> str:
    """The dashboard as one accessible HTML table, grouped by chapter.

    Each chapter starts with a header row that links to the chapter; each indicator row has the
    value, the change since the previous period, the comparison, the plan's target or ambition,
    the verdict in words (the class ``wmo-oordeel-<verdict>`` only adds colour) and the rule that
    produced it. Synthetic values are marked *(synthetisch)*.

    Examples
    --------
    >>> t = pd.DataFrame([{"id": "x", "label": "L", "hoofdstuk": "chapters/w", "eenheid": "%",
    ...     "decimalen": 1, "waarde": 5.0, "vorige": 4.0, "verandering": 1.0,
    ...     "vergelijking": 6.0, "vergelijking_naam": "Nederland", "doel": "hoger",
    ...     "oordeel": "op koers", "regel": "r", "synthetisch": True, "bron": ""}])
    >>> h = dashboard_html(t, {"chapters/w": "Wonen"})
    >>> '<a href="w.html">Wonen</a>' in h, "+1,0 procentpunt" in h, "(synthetisch)" in h
    (True, True, True)
    """
    d = dashboard(table, titles)
    cap = "Kernindicatoren per hoofdstuk" + (f", rapportageperiode {periode}" if periode else "")
    head_cols = ["Indicator", "Waarde, verandering en vergelijking"]
    head_cols += ["Doel of ambitie uit het plan", "Oordeel en regel"]
    head = "".join(f'<th scope="col">{html.escape(c)}</th>' for c in head_cols)
    body = []
    for chap, g in d.groupby("Hoofdstuk", sort=False):
        link = g["Link"].iloc[0]
        body.append(
            f'<tr class="wmo-hoofdstuk"><th scope="colgroup" colspan="{len(head_cols)}">'
            f'<a href="{html.escape(link)}">{html.escape(str(chap))}</a></th></tr>'
        )
        for _, r in g.iterrows():
            synth = (
                ' <span class="wmo-synthetisch">(synthetisch)</span>' if r["Synthetisch"] else ""
            )
            cls = f"wmo-oordeel wmo-oordeel-{_slug(r['Oordeel'])}"
            extra = [f"sinds vorige periode: {r['Verandering']}"]
            if r["Vergelijking"] != "–":
                extra.append(r["Vergelijking"])
            details = "".join(f'<br><span class="wmo-regel">{html.escape(t)}</span>' for t in extra)
            body.append(
                "<tr>"
                f'<th scope="row"><a href="{html.escape(r["Link"])}">'
                f"{html.escape(r['Indicator'])}</a></th>"
                f"<td><strong>{html.escape(r['Waarde'])}</strong>{synth}{details}</td>"
                f"<td>{html.escape(r['Doel of ambitie'])}</td>"
                f'<td><strong class="{cls}">{html.escape(r["Oordeel"])}</strong>'
                f'<br><span class="wmo-regel">{html.escape(r["Regel"])}</span></td>'
                "</tr>"
            )
    return (
        f'<table class="wmo-tabel wmo-dashboard"><caption>{html.escape(cap)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def cards_html(counts: dict[str, int]) -> str:
    """Three summary cards with the number of indicators per verdict (text, not colour only).

    Examples
    --------
    >>> "2</span> indicatoren" in cards_html({"op koers": 2, "aandacht nodig": 0,
    ...     "onvoldoende gegevens": 1})
    True
    """
    items = []
    for v in VERDICTS:
        n = counts.get(v, 0)
        word = "indicator" if n == 1 else "indicatoren"
        items.append(
            f'<li class="wmo-kaart wmo-oordeel-{_slug(v)}"><span class="wmo-kaart-getal">{n}</span>'
            f" {word} <strong>{html.escape(v)}</strong></li>"
        )
    return f'<ul class="wmo-kaarten" aria-label="Oordelen in één oogopslag">{"".join(items)}</ul>'


def chapter_overview(table: pd.DataFrame, titles: dict[str, str] | None = None) -> pd.DataFrame:
    """Per chapter: number of key indicators per verdict, and the link.

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


def style_html() -> str:
    """A small style block for the dashboard and cards (colour only adds to the words).

    Examples
    --------
    >>> style_html().startswith("<style>")
    True
    """
    return (
        "<style>"
        "ul.wmo-kaarten{display:flex;flex-wrap:wrap;gap:.75rem;list-style:none;padding:0;margin:1rem 0}"
        "li.wmo-kaart{flex:1 1 12rem;border:1px solid #bbb;border-left-width:.5rem;"
        "padding:.6rem .8rem;border-radius:.25rem;background:#fff}"
        ".wmo-kaart-getal{font-size:1.8rem;font-weight:700;margin-right:.25rem}"
        "strong.wmo-oordeel{padding-left:.35rem;border-left:.3rem solid #767676}"
        "li.wmo-oordeel-op-koers,strong.wmo-oordeel-op-koers{border-left-color:#009E73}"
        "li.wmo-oordeel-aandacht-nodig,strong.wmo-oordeel-aandacht-nodig{border-left-color:#D55E00}"
        "table.wmo-dashboard{width:100%;table-layout:fixed;font-size:.85rem}"
        "table.wmo-dashboard th,table.wmo-dashboard td{overflow-wrap:break-word;hyphens:auto;vertical-align:top}"
        "table.wmo-dashboard thead th:nth-child(1){width:30%}"
        "table.wmo-dashboard thead th:nth-child(2){width:24%}"
        "table.wmo-dashboard thead th:nth-child(3){width:24%}"
        "table.wmo-dashboard thead th:nth-child(4){width:22%}"
        "table.wmo-dashboard tr.wmo-hoofdstuk th{background:#f0f0f0;text-align:left}"
        "table.wmo-dashboard .wmo-regel{font-size:.8rem;color:#333}"
        ".wmo-synthetisch{font-size:.8rem;color:#333}"
        "</style>"
    )
