"""The PDF for the council: one tagged PDF of the whole edition, printed by headless Chromium."""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.published import published_site, require_browser

pytestmark = pytest.mark.browser


@functools.cache
def _pdf() -> tuple[Path, list[str]]:
    from analysis.pipeline.pdf import _chapter, _slug, book_order, edition_pdf

    s = published_site()
    out = s.root / "rapport.pdf"
    edition_pdf(s.new, out)
    order = book_order(s.new)
    slugs = {r: _slug(r) for r in order}
    titles = [_chapter(s.new, r, slugs).title for r in order]
    return out, titles


def _text(path: Path) -> str:
    if shutil.which("pdftotext"):
        return subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    from pypdf import PdfReader

    return "\f".join(p.extract_text() or "" for p in PdfReader(path).pages)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\ufb01", "fi").replace("\ufb02", "fl"))


def test_pdf_opens_and_is_tagged_with_outline():
    from pypdf import PdfReader

    require_browser()
    path, titles = _pdf()
    reader = PdfReader(path)
    assert len(reader.pages) > len(titles)
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root, "geen tagged PDF (StructTreeRoot ontbreekt)"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert str(root.get("/Lang", "")).startswith("nl")
    outline = [o.title for o in reader.outline if not isinstance(o, list)]
    assert "Inhoud" in outline and len(outline) >= len(titles)


def test_pdf_has_cover_contents_chapters_and_page_numbers():
    require_browser()
    path, titles = _pdf()
    s = published_site()
    text = _norm(_text(path))
    assert len(titles) >= 5
    cover = text[:400]
    assert f"versie {s.new_version}" in cover and "2025" in cover
    assert "Inhoud" in text
    for title in titles:
        assert _norm(title) in text, f"hoofdstuk ontbreekt in de PDF: {title}"
        # the table of contents lists each chapter with a page number
        assert re.search(re.escape(_norm(title)) + r" \.?\s*\d+", text), title
    assert re.search(r"Pagina 3 van \d+", text)


def test_pdf_has_real_text_and_vector_charts_not_images():
    from pypdf import PdfReader

    require_browser()
    path, _ = _pdf()
    reader = PdfReader(path)
    pages = _text(path).split("\f")[: len(reader.pages)]
    chars = [len(t.strip()) for t in pages]
    # every page but the cover and the last (short) one carries real text
    assert sum(c > 200 for c in chars) >= len(chars) - 2, chars
    images = 0
    for page in reader.pages:
        xobjects = (page.get("/Resources") or {}).get("/XObject") or {}
        images += sum(x.get_object().get("/Subtype") == "/Image" for x in xobjects.values())
    assert images == 0, f"{images} afbeeldingen: grafieken horen vectoren te zijn"
    # the charts' axis labels are text in the PDF (vector SVG), e.g. Dutch-formatted numbers
    assert re.search(r"\d\.\d{3}|\d+,\d", _text(path))


def test_printing_the_same_edition_twice_gives_the_same_pdf():
    """Issue 8, item 5: a rebuild gives a PDF with the same text and pages (here: the same bytes).

    Chromium stamps the print time into the PDF; :func:`analysis.pipeline.pdf.fixed_dates` replaces it by
    the edition date, so nothing run-dependent is left.
    """
    from pypdf import PdfReader

    from analysis.pipeline.pdf import edition_pdf

    require_browser()
    first, _ = _pdf()
    s = published_site()
    second = edition_pdf(s.new, s.root / "rapport-opnieuw.pdf")
    a, b = PdfReader(first), PdfReader(second)
    assert len(a.pages) == len(b.pages)
    for i, (pa, pb) in enumerate(zip(a.pages, b.pages, strict=True), start=1):
        assert pa.extract_text() == pb.extract_text(), f"pagina {i} heeft andere tekst"
    assert first.read_bytes() == second.read_bytes()
    # the print time is gone: the dates are the edition's date at midnight
    created = str(a.metadata["/CreationDate"])
    assert re.fullmatch(r"D:\d{8}000000.*", created), created


def test_pdf_names_the_chromium_that_printed_it():
    """Issue 16.4: the PDF's /Creator is the exact Chromium version that printed it."""
    from pypdf import PdfReader

    from analysis.pipeline.browser import Browser
    from analysis.pipeline.pdf import printed_by

    require_browser()
    path, _ = _pdf()
    with Browser() as browser:
        version = browser.version()
    assert re.fullmatch(r"Chromium \d+\.\d+\.\d+\.\d+", version), version
    assert printed_by(path) == version == PdfReader(path).metadata["/Creator"]


def test_published_edition_records_the_chromium_that_printed_its_pdf(tmp_path):
    import json

    from analysis.pipeline.pdf import printed_by
    from analysis.pipeline.publish import publish
    from tests.test_publish import fake_build

    require_browser()
    fake_build(tmp_path, "2025", "1.0", {"n": "10"})
    final = publish("2025", root=tmp_path, pdf=True)
    meta = json.loads((final / "editie.json").read_text(encoding="utf-8"))
    assert meta["pdf"] and meta["pdf_chromium"].startswith("Chromium ")
    assert meta["pdf_chromium"] == printed_by(final / meta["pdf"])
