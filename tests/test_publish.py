"""Publishing editions: immutable versions, landing page, old-version banner, key-figure diff.

Fast: the builds here are minimal fake edition folders (two pages, a build record and a notebook
source with glued values), made by :func:`fake_build`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from analysis.core.errors import PublishError
from analysis.pipeline.publish import BEGIN, END, diff_key_figures, key_figures, publish

PAGE = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>{title} — Wmo-monitor</title></head>
<body><main id="main-content" class="bd-main" role="main"><h1>{title}</h1>
<p>{body} · gebouwd {date}</p>
<a class="right-next" href="{next}">volgende</a></main></body></html>
"""


def _glue(name: str, text: str) -> dict:
    prefix = "application/papermill.record/"
    return {
        "output_type": "display_data",
        "metadata": {"scrapbook": {"name": name, "mime_prefix": prefix}},
        "data": {prefix + "text/plain": text},
    }


def fake_build(
    root: Path,
    periode: str,
    editie: str,
    figures: dict[str, str],
    *,
    wijzigingen: list[dict] | None = None,
    date: str = "2025-03-01",
) -> Path:
    """A minimal successful build of ``periode`` in ``root/_build/<periode>/html``."""
    html = root / "_build" / periode / "html"
    if html.exists():
        import shutil

        shutil.rmtree(html)
    (html / "chapters").mkdir(parents=True)
    (html / "index.html").write_text(
        '<meta http-equiv="Refresh" content="0; url=chapters/samenvatting.html" />'
    )
    for name, nxt in (("samenvatting", "demografie.html"), ("demografie", "")):
        (html / "chapters" / f"{name}.html").write_text(
            PAGE.format(title=name.title(), body=f"editie {editie}", date=date, next=nxt)
        )
    (html / "search.html").write_text(
        PAGE.format(title="Zoeken", body="", date=date, next="chapters/samenvatting.html")
    )
    nb = {"cells": [{"cell_type": "code", "outputs": [_glue(k, v) for k, v in figures.items()]}]}
    (html / "_sources" / "chapters").mkdir(parents=True)
    (html / "_sources" / "chapters" / "demografie.ipynb").write_text(json.dumps(nb))
    params = {"periode": periode, "editie": editie, "wijzigingen": wijzigingen or []}
    record = {"periode": periode, "editie": editie, "commit": "onbekend", "params": params}
    (html / "bouwverslag.json").write_text(json.dumps(record))
    (root / "params").mkdir(exist_ok=True)
    (root / "params" / f"{periode}.yml").write_text(f'periode: {periode}\neditie: "{editie}"\n')
    return html


def _links(page: Path) -> list[Path]:
    """Files the page links to (relative links resolved; fragments dropped)."""
    out = []
    for href in re.findall(r'href="([^"]+)"', page.read_text()):
        parts = urlsplit(href)
        assert not parts.scheme and not parts.path.startswith("/"), f"niet relatief: {href}"
        if parts.path:
            out.append((page.parent / parts.path).resolve())
    return out


def test_refuses_without_build(tmp_path):
    (tmp_path / "params").mkdir()
    with pytest.raises(PublishError, match="geen gebouwde editie"):
        publish("2025", root=tmp_path, pdf=False)
    assert not (tmp_path / "site" / "2025").exists()


def test_cli_refusal_is_one_dutch_line_and_nonzero_exit(tmp_path, monkeypatch, capsys):
    from analysis.cli import main

    (tmp_path / "params").mkdir()
    (tmp_path / "_toc.yml").write_text("root: x\n")
    monkeypatch.setenv("WMO_PROJECT_ROOT", str(tmp_path))
    assert main(["publish", "--periode", "2025", "--zonder-pdf"]) == PublishError.exit_code
    err = capsys.readouterr().err.strip()
    assert err.startswith("FOUT: er is geen gebouwde editie voor periode 2025")
    assert len(err.splitlines()) == 1


def test_refuses_to_overwrite_a_published_version(tmp_path):
    fake_build(tmp_path, "2025", "1.0", {"n": "10"})
    edition = publish("2025", root=tmp_path, pdf=False)
    assert edition == tmp_path / "site" / "2025" / "v1.0"
    before = {p: p.read_bytes() for p in edition.rglob("*") if p.is_file()}
    fake_build(tmp_path, "2025", "1.0", {"n": "99"})  # rebuilt, but the same version
    with pytest.raises(PublishError, match="al gepubliceerd"):
        publish("2025", root=tmp_path, pdf=False)
    after = {p: p.read_bytes() for p in edition.rglob("*") if p.is_file()}
    assert after == before
    assert not list((tmp_path / "site").glob(".nieuw-*")), "tijdelijke map achtergebleven"


def test_refuses_a_build_of_another_edition_than_the_params(tmp_path):
    fake_build(tmp_path, "2025", "1.0", {"n": "10"})
    (tmp_path / "params" / "2025.yml").write_text('periode: 2025\neditie: "1.1"\n')
    with pytest.raises(PublishError, match="bouw eerst opnieuw"):
        publish("2025", root=tmp_path, pdf=False)


def test_failure_leaves_no_half_edition(tmp_path, monkeypatch):
    import analysis.pipeline.publish as pub

    fake_build(tmp_path, "2025", "1.0", {"n": "10"})

    def boom(*a, **k):
        raise OSError("schijf vol")

    monkeypatch.setattr(pub, "changes_page", boom)
    with pytest.raises(OSError):
        publish("2025", root=tmp_path, pdf=False)
    site = tmp_path / "site"
    assert not (site / "2025" / "v1.0").exists()
    assert not list(site.glob(".nieuw-*"))


@pytest.fixture
def three_editions(tmp_path):
    """2024 v1.0, 2025 v1.0, then 2025 v1.1 with one corrected figure."""
    fake_build(tmp_path, "2024", "1.0", {"n_clienten": "1.100", "gemeente": "Heemstede"})
    publish("2024", root=tmp_path, pdf=False)
    figs = {"n_clienten": "1.250", "aandeel_75": "15,6%", "gemeente": "Heemstede"}
    fake_build(tmp_path, "2025", "1.0", figs)
    publish("2025", root=tmp_path, pdf=False)
    old_page = tmp_path / "site" / "2025" / "v1.0" / "chapters" / "demografie.html"
    before_old = old_page.read_text()
    why = "Aantal cliënten gecorrigeerd: dubbele telling in het kwartaalbestand verwijderd."
    fake_build(
        tmp_path,
        "2025",
        "1.1",
        {**figs, "n_clienten": "1.205"},
        wijzigingen=[{"versie": "1.1", "toelichting": why}],
        date="2025-04-15",
    )
    publish("2025", root=tmp_path, pdf=False)
    return tmp_path / "site", before_old, why


def test_landing_page_lists_three_editions(three_editions):
    site, _, why = three_editions
    landing = (site / "index.html").read_text()
    assert '<html lang="nl">' in landing and "<main>" in landing
    rows = re.findall(r"<tr[^>]*><th scope=\"row\">(\d{4})</th><td>([\d.]+)", landing)
    assert rows == [("2025", "1.1"), ("2025", "1.0"), ("2024", "1.0")]
    # dates from the builds, written out in Dutch
    assert "15 april 2025" in landing and "1 maart 2025" in landing
    assert why in landing
    targets = _links(site / "index.html")
    for ed in ("2024/v1.0", "2025/v1.0", "2025/v1.1"):
        assert (site / ed / "chapters" / "samenvatting.html").resolve() in targets
        assert (site / ed / "wijzigingen.html").resolve() in targets
    assert all(t.exists() for t in targets)
    assert "http" not in landing and "<script" not in landing


def test_old_version_carries_banner_to_latest_and_nothing_else_changed(three_editions):
    site, before_old, _ = three_editions
    old = site / "2025" / "v1.0" / "chapters" / "demografie.html"
    new = site / "2025" / "v1.1" / "chapters" / "demografie.html"
    text = old.read_text()
    assert "oudere versie" in text
    banner = text[text.index(BEGIN) : text.index(END)]
    assert (site / "2025" / "v1.1" / "chapters" / "demografie.html").resolve() in _links(old)
    assert 'href="../../../2025/v1.1/chapters/demografie.html"' in banner
    # the only change to the published old version is the block between the markers
    strip = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.S)
    assert strip.sub("", text) == strip.sub("", before_old)
    assert "oudere versie" not in new.read_text()
    assert (
        "oudere versie" not in (site / "2024" / "v1.0" / "chapters" / "demografie.html").read_text()
    )


def test_every_page_links_to_the_editions_list(three_editions):
    site, _, _ = three_editions
    pages = [p for p in site.glob("*/v*/**/*.html") if "url=" not in p.read_text()]
    assert len(pages) >= 9
    for page in pages:
        assert (site / "index.html").resolve() in _links(page), page


def test_changes_page_lists_changed_key_figures_with_reason(three_editions):
    site, _, why = three_editions
    page = (site / "2025" / "v1.1" / "wijzigingen.html").read_text()
    version_part = page[: page.index("Ten opzichte van de vorige periode")]
    assert why in version_part
    assert '<th scope="row">demografie/n_clienten</th><td>1.250</td><td>1.205</td>' in page
    assert "aandeel_75" not in version_part  # unchanged figures are not listed as changed
    period_part = page[page.index("Ten opzichte van de vorige periode") :]
    assert "<td>1.100</td><td>1.205</td>" in period_part  # compared with 2024 v1.0
    figures = json.loads((site / "2025" / "v1.1" / "kerncijfers.json").read_text())
    assert figures["kerncijfers"]["demografie/n_clienten"] == "1.205"
    meta = json.loads((site / "2025" / "v1.1" / "editie.json").read_text())
    assert meta["vorige_versie"] == "1.0" and meta["vorige_periode"] == "2024/v1.0"
    first = (site / "2025" / "v1.0" / "wijzigingen.html").read_text()
    assert "eerste gepubliceerde versie" in first


def test_key_figures_and_diff(tmp_path):
    html = fake_build(tmp_path, "2025", "1.0", {"a": "1", "b": "'tekst'"})
    assert key_figures(html) == {"demografie/a": "1", "demografie/b": "tekst"}
    changes = diff_key_figures({"x/a": "1", "x/b": "2"}, {"x/a": "1", "x/b": "3"})
    assert [(c.naam, c.oud, c.nieuw) for c in changes] == [("x/b", "2", "3")]


def test_params_schema_accepts_changelog(tmp_path):
    import yaml

    from analysis.config.params import load_params
    from analysis.core.errors import ParamsError

    root = Path(__file__).resolve().parents[1]
    data = yaml.safe_load((root / "params" / "2025.yml").read_text(encoding="utf-8"))
    data["wijzigingen"] = [{"versie": "1.1", "toelichting": "Correctie."}]
    path = tmp_path / "2025.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (tmp_path / "gemeente.yml").write_bytes((root / "params" / "gemeente.yml").read_bytes())
    assert load_params(path=path).get("wijzigingen")[0]["versie"] == "1.1"
    data["wijzigingen"] = [{"versie": "1.1"}]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ParamsError, match="wijzigingen"):
        load_params(path=path)
