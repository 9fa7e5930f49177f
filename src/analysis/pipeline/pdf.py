"""A tagged PDF of a whole edition for the council, printed from the built HTML by Chromium.

:func:`edition_pdf` collects the pages of an edition in book order (following each page's
"next" link from the start page), takes the article of each, and combines them into one print
document: a cover (municipality, title, period, version, date), a table of contents with page
numbers, and every chapter starting on a new page. Charts stay inline SVG, so they are vector
graphics in the PDF; all text is real text. Headless Chromium prints it
(``Page.printToPDF`` with ``generateTaggedPDF`` and ``generateDocumentOutline``: a tagged PDF
with bookmarks) with page numbers in the footer. The table of contents gets its page numbers
from a first print (the page on which each chapter title first appears), then the document is
printed again; the numbers take the same space, so the pages do not shift.

The PDF says which Chromium printed it (its ``/Creator``, :func:`printed_by`): added as an
incremental update, so the bytes Chromium wrote stay as they were.
"""

from __future__ import annotations

import html
import io
import json
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from analysis.core.codes import Periode
from analysis.core.dates import long_date
from analysis.pipeline.browser import Browser

_SKIP_PAGES = {"genindex.html", "search.html", "py-modindex.html"}

PRINT_CSS = """
@page { size: A4; margin: 20mm 18mm 22mm 18mm; }
html { font-family: "DejaVu Sans", Verdana, sans-serif; font-size: 10.5pt; color: #1a1a1a; }
body { margin: 0; line-height: 1.45; }
a { color: #0a4f8a; }
h1 { font-size: 20pt; margin: 0 0 .6em; break-after: avoid; }
h2 { font-size: 14pt; margin: 1.2em 0 .4em; break-after: avoid; }
h3 { font-size: 12pt; break-after: avoid; }
.hoofdstuk { break-before: page; }
.omslag { height: 230mm; display: flex; flex-direction: column; justify-content: center; }
.omslag h1 { font-size: 30pt; color: #0a4f8a; }
.omslag p { font-size: 14pt; margin: .2em 0; }
.inhoud ol { list-style: none; padding: 0; }
.inhoud li { display: flex; gap: .5em; margin: .3em 0; }
.inhoud li a { flex: 1; text-decoration: none; color: #1a1a1a; }
.inhoud .nr { min-width: 3em; text-align: right; }
figure, table, .admonition { break-inside: avoid; }
.wmo-grafiek svg { max-width: 100%; height: auto; }
details > summary { display: none; }
details.wmo-gegevens { display: none; }
.admonition { border-left: 4px solid #8a5a00; background: #fff6e0; padding: .4em .8em;
  margin: .8em 0; }
.admonition-title { font-weight: 700; margin: 0 0 .3em; }
table { border-collapse: collapse; margin: .5em 0; font-size: 9pt; }
th, td { border: 1px solid #999; padding: .15em .4em; vertical-align: top; }
td.num { text-align: right; }
"""

FOOTER = (
    '<div style="font-size:8pt;width:100%;padding:0 18mm;color:#333;'
    'font-family:DejaVu Sans,sans-serif;display:flex;justify-content:space-between">'
    "<span>{label}</span><span>Pagina <span class=pageNumber></span> van "
    "<span class=totalPages></span></span></div>"
)


@dataclass
class Chapter:
    """One page of the edition in the print document."""

    rel: str  # path inside the edition, e.g. chapters/demografie.html
    slug: str
    title: str
    body: str


def book_order(edition: Path) -> list[str]:
    """Pages of an edition in book order: the start page, then every "next" link.

    Examples
    --------
    >>> book_order(Path("/nonexistent"))
    []
    """
    index = edition / "index.html"
    if not index.is_file():
        return []
    m = re.search(r'url=([^"\'>\s]+)', index.read_text(encoding="utf-8"))
    current = m.group(1) if m else "index.html"
    order: list[str] = []
    while current and current not in order and (edition / current).is_file():
        if Path(current).name in _SKIP_PAGES:
            break
        order.append(current)
        text = (edition / current).read_text(encoding="utf-8")
        nxt = re.search(r'<a[^>]*class="right-next"[^>]*href="([^"#]+)', text) or re.search(
            r'<a[^>]*href="([^"#]+)"[^>]*class="right-next"', text
        )
        if not nxt:
            break
        current = (Path(current).parent / nxt.group(1)).as_posix()
        current = _normalise(current)
    return order


def _normalise(path: str) -> str:
    parts: list[str] = []
    for p in path.split("/"):
        if p == "..":
            if parts:
                parts.pop()
        elif p not in ("", "."):
            parts.append(p)
    return "/".join(parts)


def _slug(rel: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", rel.lower().removesuffix(".html")).strip("-")


def _chapter(edition: Path, rel: str, slugs: dict[str, str]) -> Chapter:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((edition / rel).read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.bd-article") or soup.select_one("main") or soup.body
    slug = slugs[rel]
    for sel in (
        "script",
        "a.headerlink",
        ".wmo-editiebalk",
        ".wmo-oud",
        "div.cell_input",
        "button",
        ".prev-next-area",
    ):
        for el in article.select(sel):
            el.decompose()
    # Ids are made unique per chapter; references to them follow.
    for el in article.find_all(id=True):
        el["id"] = f"{slug}--{el['id']}"
    for attr in ("aria-labelledby", "aria-describedby", "for"):
        for el in article.find_all(attrs={attr: True}):
            el[attr] = " ".join(f"{slug}--{i}" for i in str(el[attr]).split())
    base = Path(rel).parent
    for el in article.find_all(src=True):
        src = str(el["src"])
        if not urlsplit(src).scheme:
            el["src"] = (edition / _normalise((base / unquote(src)).as_posix())).as_uri()
    for a in article.find_all("a", href=True):
        href = str(a["href"])
        parts = urlsplit(href)
        if parts.scheme in ("http", "https", "mailto"):
            continue
        target = _normalise((base / unquote(parts.path)).as_posix()) if parts.path else rel
        if target in slugs:
            tslug = slugs[target]
            a["href"] = f"#{tslug}--{parts.fragment}" if parts.fragment else f"#{tslug}"
        else:
            a.unwrap()  # a file that is not in the PDF: keep the text
    h1 = article.find("h1")
    title = h1.get_text(" ", strip=True) if h1 else Path(rel).stem
    return Chapter(rel, slug, title, article.decode_contents())


def print_html(
    edition: Path,
    *,
    periode: str,
    editie: str,
    titel: str,
    gemeente: str,
    datum: str,
    page_numbers: dict[str, int] | None = None,
) -> tuple[str, list[Chapter]]:
    """The print document of an edition (HTML) and its chapters in order."""
    order = book_order(edition)
    slugs = {rel: _slug(rel) for rel in order}
    chapters = [_chapter(edition, rel, slugs) for rel in order]
    nums = page_numbers or {}
    toc = "".join(
        f'<li><a href="#{c.slug}">{html.escape(c.title)}</a>'
        f'<span class="nr">{nums.get(c.slug, "")}</span></li>'
        for c in chapters
    )
    css_link = ""
    css = Path(edition).resolve() / "_static" / "wmo.css"
    if css.is_file():
        css_link = f'<link rel="stylesheet" href="{css.as_uri()}">'
    body = [
        '<section class="omslag" aria-label="Omslag">'
        f"<p>Gemeente {html.escape(gemeente)}</p><h1>{html.escape(titel)}</h1>"
        f"<p>Evaluatie van het Wmo-beleid · periode {html.escape(Periode(periode).label)}</p>"
        f"<p>Editie {html.escape(Periode(periode).label)}, versie {html.escape(editie)}</p>"
        f"<p>Datum: {html.escape(long_date(datum))}</p></section>",
        f'<nav class="inhoud hoofdstuk" aria-label="Inhoud"><h1>Inhoud</h1><ol>{toc}</ol></nav>',
    ]
    for c in chapters:
        body.append(f'<section class="hoofdstuk" id="{c.slug}">{c.body}</section>')
    doc = (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(titel)} · editie {html.escape(periode)} versie "
        f"{html.escape(editie)}</title>\n{css_link}\n<style>{PRINT_CSS}</style>\n</head>\n"
        f"<body>\n{''.join(body)}\n</body>\n</html>\n"
    )
    return doc, chapters


def _first_pages(pdf: bytes, chapters: list[Chapter]) -> dict[str, int]:
    """Page number (1-based) of each chapter, from the PDF's outline (its top-level headings).

    The outline's top-level entries are the cover title, "Inhoud" and then each chapter's
    title in order, so the chapters are matched in order by their normalised title.
    """
    from pypdf import PdfReader

    def norm(text: str) -> str:
        return re.sub(r"\W+", "", text.replace("\ufb01", "fi").replace("\ufb02", "fl")).lower()

    reader = PdfReader(io.BytesIO(pdf))
    top = [o for o in reader.outline if not isinstance(o, list)]
    entries = [(norm(str(o.title)), reader.get_destination_page_number(o) + 1) for o in top]
    out: dict[str, int] = {}
    i = 0
    for c in chapters:
        want = norm(c.title)
        for j in range(i, len(entries)):
            if entries[j][0] == want:
                out[c.slug] = entries[j][1]
                i = j + 1
                break
    return out


_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:(\d{14})")


def fixed_dates(pdf: bytes, datum: str) -> bytes:
    """Set the PDF's creation and modification dates to the edition date, keeping every offset.

    Chromium stamps the print time into the document information; that is the only thing that
    differs between two prints of the same edition. The date of the edition (the commit date,
    ``YYYY-MM-DD``) replaces it digit for digit, so the cross-reference offsets stay valid and
    two prints are byte-identical. A date that is not ``YYYY-MM-DD`` leaves the PDF unchanged.

    Examples
    --------
    >>> raw = b"<</Producer (Skia)\\n/CreationDate (D:20261122142303+00'00')>>"
    >>> fixed_dates(raw, "2026-11-01")
    b"<</Producer (Skia)\\n/CreationDate (D:20261101000000+00'00')>>"
    >>> fixed_dates(raw, "onbekend") == raw
    True
    """
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", datum):
        return pdf
    stamp = datum.replace("-", "").encode() + b"000000"
    return _PDF_DATE.sub(lambda m: b"/" + m.group(1) + b" (D:" + stamp, pdf)


def with_creator(pdf: bytes, creator: str) -> bytes:
    """The PDF with ``/Creator`` set to ``creator``, appended as an incremental update.

    Chromium writes its user agent there (with a reduced version number); the update names the
    exact browser version. The original bytes are kept, so equal input gives equal output.

    Examples
    --------
    >>> with_creator(pdf_bytes, "Chromium 156.0.8078.108")  # doctest: +SKIP
    """
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(PdfReader(io.BytesIO(pdf)), incremental=True)
    writer.add_metadata({"/Creator": creator})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def printed_by(pdf: Path) -> str | None:
    """The Chromium that printed an edition's PDF (``/Creator``), or None if not ours.

    Examples
    --------
    >>> printed_by(Path("wmo-monitor-2025-v1.0.pdf"))  # doctest: +SKIP
    'Chromium 156.0.8078.108'
    """
    from pypdf import PdfReader

    creator = str((PdfReader(pdf).metadata or {}).get("/Creator", ""))
    return creator if creator.startswith("Chromium ") else None


def _edition_info(edition: Path) -> dict[str, str]:
    info: dict[str, str] = {}
    for name in ("editie.json", "bouwverslag.json"):
        path = edition / name
        if path.is_file():
            data = json.loads(path.read_text(encoding="utf-8"))
            for k, v in data.items():
                info.setdefault(k, v)
    params = info.get("params") or {}
    if isinstance(params, dict):
        info.setdefault("titel", params.get("titel", ""))
    gem = info.get("gemeente")
    if isinstance(gem, dict):
        info["gemeente"] = gem.get("naam", "")
    return info


def edition_pdf(
    edition: Path,
    out: Path,
    *,
    periode: str | None = None,
    editie: str | None = None,
    datum: str | None = None,
) -> Path:
    """Print a built or published edition to one tagged PDF.

    Parameters
    ----------
    edition
        Folder of the edition's HTML (``_build/2025/html`` or ``site/2025/v1.0``).
    out
        The PDF to write.
    periode, editie, datum
        Shown on the cover; read from the edition's ``bouwverslag.json`` when not given.

    Examples
    --------
    >>> edition_pdf(Path("_build/2025/html"), Path("rapport.pdf"))  # doctest: +SKIP
    PosixPath('rapport.pdf')
    """
    edition = Path(edition).resolve()
    info = _edition_info(edition)
    periode = str(periode or info.get("periode", ""))
    editie = str(editie or info.get("editie", ""))
    datum = str(datum or info.get("datum") or "")
    if not datum:
        from analysis.pipeline.publish import _edition_date

        datum = _edition_date(info, edition, Path.cwd())
    titel = str(info.get("titel") or "Wmo-monitor")
    gemeente = str(info.get("gemeente") or "")
    label = html.escape(f"{titel} · editie {periode}, versie {editie}")
    options = {
        "printBackground": True,
        "preferCSSPageSize": True,
        "displayHeaderFooter": True,
        "headerTemplate": "<span></span>",
        "footerTemplate": FOOTER.format(label=label),
        "generateTaggedPDF": True,
        "generateDocumentOutline": True,
    }
    kw = {"periode": periode, "editie": editie, "titel": titel, "gemeente": gemeente}
    with tempfile.TemporaryDirectory(prefix="wmo-pdf-") as tmp, Browser() as browser:
        chromium = browser.version()
        page = browser.new_page(offline=True)
        src = Path(tmp) / "afdruk.html"
        doc, chapters = print_html(edition, datum=datum, **kw)
        src.write_text(doc, encoding="utf-8")
        page.goto(src.as_uri())
        first = page.pdf(**options)
        numbers = _first_pages(first, chapters)
        doc, _ = print_html(edition, datum=datum, page_numbers=numbers, **kw)
        src.write_text(doc, encoding="utf-8")
        page.goto(src.as_uri())
        data = fixed_dates(page.pdf(**options), datum)
    data = with_creator(data, chromium)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return out
