"""Publish a built edition as an immutable, versioned folder: ``site/<periode>/v<editie>/``.

``wmo-rapport publish --periode 2025`` takes the current successful build
(``_build/2025/html``, with its ``bouwverslag.json``) and:

1. refuses when there is no build, when the build is of another edition than
   ``params/<periode>.yml`` names (rebuild first), or when ``site/<periode>/v<editie>`` exists
   (a published version is never overwritten: raise ``editie`` in the params for a correction);
2. copies the build into a temporary folder inside ``site/`` and adds:

   - ``kerncijfers.json``: every glued text value of the edition's notebooks (the key figures of
     the prose), as ``{"<hoofdstuk>/<naam>": "<tekst>"}``;
   - ``editie.json``: period, version, date (the code commit's date, from the build record, not
     the clock), commit, start page and the changelog entry of this version;
   - ``wijzigingen.html``: the key figures that differ from the previous published version of the
     period (with the reason from the changelog) and the comparison with the previous period's
     latest edition;
   - a PDF of the whole edition for the council (:mod:`analysis.pipeline.pdf`), unless switched off;
   - on every page, a bar with the edition and a relative link to the list of editions;

3. renames the temporary folder to ``site/<periode>/v<editie>`` (atomic: a failure or
   interruption leaves no half edition);
4. puts a banner on every page of the older versions of that period, linking to the same page
   in the newest version. **This banner is the only change ever made to a published edition**: it
   sits between the markers ``<!-- wmo-editie:begin -->`` and ``<!-- wmo-editie:einde -->`` and
   is replaced as a whole when a still newer version appears (files are rewritten atomically);
5. regenerates the landing page ``site/index.html`` listing every edition.

The changelog of a period is the ``wijzigingen`` list in ``params/<periode>.yml``: one entry per
version, ``{versie: "1.1", toelichting: "…"}``; it is read from the build record, so it is the
changelog the edition was built with.

Every link is relative and nothing is loaded from elsewhere, so the ``site/`` folder works from
a USB stick or an intranet share.
"""

from __future__ import annotations

import contextlib
import fcntl
import html
import json
import os
import re
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from analysis.config.params import params_path
from analysis.core.dates import iso_from_long
from analysis.core.errors import PublishError
from analysis.core.io import write_atomic
from analysis.present import site as site_pages

SITE_DIR = "site"
RECORD_FILE = "bouwverslag.json"
EDITION_FILE = "editie.json"
KEY_FIGURES_FILE = "kerncijfers.json"
CHANGES_PAGE = site_pages.CHANGES_PAGE
BEGIN = "<!-- wmo-editie:begin -->"
END = "<!-- wmo-editie:einde -->"
_VERSION_RE = re.compile(r"^\d+(\.\d+)*$")
_MAIN_RE = re.compile(r"<main\b[^>]*>", re.IGNORECASE)
_BLOCK_RE = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.DOTALL)


# ------------------------------------------------------------------------------ versions


def version_key(version: str) -> tuple[int, ...]:
    """Sort key of a version string.

    Examples
    --------
    >>> sorted(["1.10", "1.2", "2.0", "1.0"], key=version_key)
    ['1.0', '1.2', '1.10', '2.0']
    """
    return tuple(int(p) for p in re.findall(r"\d+", version))


@dataclass
class Edition:
    """A published edition, read from its ``editie.json`` and ``kerncijfers.json``."""

    periode: str
    editie: str
    path: Path
    datum: str
    commit: str
    start: str
    toelichting: str = ""
    pdf: str | None = None
    kerncijfers: dict[str, str] = field(default_factory=dict)
    chromium: str | None = None  # the browser that printed the PDF

    @property
    def folder(self) -> str:
        """Path relative to the site root, e.g. ``2025/v1.1``."""
        return f"{self.periode}/v{self.editie}"


def published_editions(site: Path) -> list[Edition]:
    """Every edition under ``site``, sorted by period then version.

    Examples
    --------
    >>> published_editions(Path("/nonexistent"))
    []
    """
    out = []
    for meta in sorted(site.glob(f"*/v*/{EDITION_FILE}")):
        d = json.loads(meta.read_text(encoding="utf-8"))
        kf_path = meta.parent / KEY_FIGURES_FILE
        kf = {}
        if kf_path.is_file():
            kf = json.loads(kf_path.read_text(encoding="utf-8")).get("kerncijfers", {})
        out.append(
            Edition(
                periode=str(d["periode"]),
                editie=str(d["editie"]),
                path=meta.parent,
                datum=d.get("datum", "onbekend"),
                commit=d.get("commit", "onbekend"),
                start=d.get("start", "index.html"),
                toelichting=d.get("toelichting", ""),
                pdf=d.get("pdf"),
                kerncijfers=kf,
                chromium=d.get("pdf_chromium"),
            )
        )
    return sorted(out, key=lambda e: (e.periode, version_key(e.editie)))


# --------------------------------------------------------------------------- key figures


def _glued_values(nb_path: Path) -> dict[str, str]:
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for cell in nb.get("cells", []):
        for o in cell.get("outputs", []) or []:
            meta = (o.get("metadata") or {}).get("scrapbook")
            if not meta or "name" not in meta:
                continue
            prefix = meta.get("mime_prefix", "")
            text = (o.get("data") or {}).get(prefix + "text/plain")
            if text is None:
                continue
            text = "".join(text) if isinstance(text, list) else str(text)
            if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
                text = text[1:-1]  # repr of a str glued without a display format
            out[meta["name"]] = text
    return out


def key_figures(html_dir: Path, executed_dir: Path | None = None) -> dict[str, str]:
    """Every glued text value of an edition, as ``{"<hoofdstuk>/<naam>": text}``.

    Read from the notebook sources Sphinx copied into the edition (``_sources/**/*.ipynb``,
    exactly what the pages were made from); ``executed_dir`` is the fallback for a build without
    them.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()); (d / "_sources").mkdir()
    >>> out = {"output_type": "display_data", "metadata": {"scrapbook": {"name": "n",
    ...        "mime_prefix": "application/papermill.record/"}},
    ...        "data": {"application/papermill.record/text/plain": "1.234"}}
    >>> nb = {"cells": [{"cell_type": "code", "outputs": [out]}]}
    >>> _ = (d / "_sources" / "h.ipynb").write_text(json.dumps(nb))
    >>> key_figures(d)
    {'h/n': '1.234'}
    """
    sources = html_dir / "_sources"
    notebooks = sorted(sources.rglob("*.ipynb")) if sources.is_dir() else []
    if not notebooks and executed_dir is not None and executed_dir.is_dir():
        notebooks = sorted(executed_dir.rglob("*.ipynb"))
    out: dict[str, str] = {}
    for nb in notebooks:
        chapter = nb.stem
        for name, text in _glued_values(nb).items():
            out[f"{chapter}/{name}"] = text
    return dict(sorted(out.items()))


@dataclass(frozen=True)
class Change:
    """A key figure that differs between two editions (None: absent in that edition)."""

    naam: str
    oud: str | None
    nieuw: str | None


def diff_key_figures(old: dict[str, str], new: dict[str, str]) -> list[Change]:
    """Key figures whose text differs, was added or was removed, in name order.

    Examples
    --------
    >>> diff_key_figures({"a/x": "1", "a/y": "2"}, {"a/x": "1", "a/y": "3", "a/z": "4"})
    [Change(naam='a/y', oud='2', nieuw='3'), Change(naam='a/z', oud=None, nieuw='4')]
    """
    names = sorted(set(old) | set(new))
    return [Change(n, old.get(n), new.get(n)) for n in names if old.get(n) != new.get(n)]


def is_figure(text: str | None) -> bool:
    """Whether a glued text looks like a figure (short and holding a digit), not a sentence.

    Examples
    --------
    >>> is_figure("15,6%"), is_figure("Gemeentenaam"), is_figure("In 2019 groeide het aantal " * 3)
    (True, False, False)
    """
    return text is not None and len(text) <= 40 and any(ch.isdigit() for ch in text)


# ------------------------------------------------------------------------------- build info


def _read_record(html_dir: Path) -> dict[str, Any]:
    path = html_dir / RECORD_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PublishError(
            f"{path} ontbreekt of is onleesbaar: dit is geen volledige bouw ({exc})"
        ) from exc


def _edition_date(record: dict[str, Any], html_dir: Path, root: Path) -> str:
    """Date of an edition: the build record's date, else its commit's date, else the stamp."""
    if record.get("datum"):
        return str(record["datum"])[:10]
    commit = str(record.get("commit") or "")
    if re.fullmatch(r"[0-9a-f]{4,40}", commit):
        with contextlib.suppress(OSError, subprocess.CalledProcessError):
            out = subprocess.run(
                ["git", "show", "-s", "--format=%cs", commit],
                cwd=root,
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", out):
                return out
    for page in sorted(html_dir.rglob("*.html"))[:20]:
        text = page.read_text(encoding="utf-8")
        m = re.search(r"gebouwd (\d{4}-\d{2}-\d{2})", text)  # stamps of older editions
        found = m.group(1) if m else iso_from_long(text.partition("gebouwd ")[2][:40])
        if found:
            return found
    return "onbekend"


def _start_page(html_dir: Path) -> str:
    index = html_dir / "index.html"
    if index.is_file():
        m = re.search(r'url=([^"\'>\s]+)', index.read_text(encoding="utf-8"))
        if m:
            return m.group(1)
    return "index.html"


def _changelog_entry(record: dict[str, Any], editie: str) -> str:
    for entry in (record.get("params") or {}).get("wijzigingen") or []:
        if str(entry.get("versie")) == editie:
            return str(entry.get("toelichting", "")).strip()
    return ""


def _page_title(page: Path) -> str:
    m = re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.DOTALL)
    return html.unescape(m.group(1)).split(" — ")[0].strip() if m else page.stem


# --------------------------------------------------------------------------- page injection


def _prefix(rel: Path) -> str:
    """Relative path from a page of an edition (``rel`` inside it) up to the site root."""
    return "../" * (len(rel.parts) - 1 + 2)


def _bar_html(edition: Edition, rel: Path, latest: Edition | None) -> str:
    """The edition bar of page ``rel`` of ``edition`` (:func:`analysis.present.site.edition_bar`);
    for an older version than ``latest``, linking to the same page there (or its start page)."""
    up = _prefix(rel)
    changes = f"{'../' * (len(rel.parts) - 1)}{CHANGES_PAGE}"
    if latest is None or latest.editie == edition.editie:
        return site_pages.edition_bar(edition.periode, edition.editie, up=up, changes_href=changes)
    target = rel.as_posix() if (latest.path / rel).is_file() else latest.start
    return site_pages.edition_bar(
        edition.periode,
        edition.editie,
        up=up,
        changes_href=changes,
        latest_editie=latest.editie,
        latest_href=f"{up}{latest.folder}/{target}",
    )


def inject_bars(edition: Edition, latest: Edition | None, *, base: Path | None = None) -> int:
    """Put the edition bar (and, for an older version, the banner) on every page.

    ``base`` is where the edition's files are now (its temporary folder while publishing);
    links are computed for its final place. Returns the number of pages changed.
    """
    base = base or edition.path
    n = 0
    for page in sorted(base.rglob("*.html")):
        rel = page.relative_to(base)
        if rel.parts[0] in ("_static", "_sources", "_images"):
            continue
        text = page.read_text(encoding="utf-8")
        block = _bar_html(edition, rel, latest)
        m = _BLOCK_RE.search(text)
        if m:
            new = text[: m.start()] + block + text[m.end() :]
        else:
            m = _MAIN_RE.search(text)
            if not m:
                continue  # e.g. the redirecting index.html
            new = text[: m.end()] + block + text[m.end() :]
        if new != text:
            write_atomic(page, new)
            n += 1
    return n


# ------------------------------------------------------------------------------ own pages


def changes_page(
    edition: Edition, prev_version: Edition | None, prev_period: Edition | None
) -> str:
    """HTML of ``wijzigingen.html``: what changed since the previous version and period.

    Decides which key figures to show; :func:`analysis.present.site.changes_page` words them.

    Examples
    --------
    >>> old = Edition("2025", "1.0", Path("x"), "2025-01-01", "a", "i.html",
    ...               kerncijfers={"h/n": "10"})
    >>> new = Edition("2025", "1.1", Path("y"), "2025-02-01", "b", "i.html",
    ...               toelichting="Gecorrigeerd.", kerncijfers={"h/n": "12"})
    >>> page = changes_page(new, old, None)
    >>> "Gecorrigeerd." in page and "<td>10</td><td>12</td>" in page
    True
    """
    e = edition
    version = diff_key_figures(prev_version.kerncijfers, e.kerncijfers) if prev_version else []
    period: list[Change] = []
    if prev_period is not None:
        shared = sorted(set(prev_period.kerncijfers) & set(e.kerncijfers))
        period = [
            Change(n, prev_period.kerncijfers[n], e.kerncijfers[n])
            for n in shared
            if is_figure(e.kerncijfers[n]) or is_figure(prev_period.kerncijfers[n])
        ]
    return site_pages.changes_page(e, prev_version, prev_period, version, period)


def landing_page(editions: list[Edition]) -> str:
    """HTML of ``site/index.html``: every edition, newest period first, newest version first.

    Examples
    --------
    >>> e = Edition("2025", "1.0", Path("x"), "2025-01-01", "a", "chapters/s.html")
    >>> "2025/v1.0/chapters/s.html" in landing_page([e])
    True
    """
    return site_pages.landing_page(editions, sort_key=version_key)


# ---------------------------------------------------------------------------------- publish


@contextlib.contextmanager
def _site_lock(site: Path) -> Iterator[None]:
    site.mkdir(parents=True, exist_ok=True)
    with open(site / ".publiceren.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _params_editie(root: Path, periode: str) -> str | None:
    try:
        path = params_path(periode, root)
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (ValueError, OSError, yaml.YAMLError):
        return None
    return str(data["editie"]) if "editie" in data else None


def publish(
    periode: str,
    site: Path | None = None,
    root: Path | None = None,
    *,
    pdf: bool | None = None,
) -> Path:
    """Publish the current build of ``periode`` as ``site/<periode>/v<editie>``.

    Parameters
    ----------
    periode
        Reporting period, e.g. ``"2025"``; the build must be in ``<root>/_build/<periode>/html``.
    site
        Publication folder (default ``<root>/site``).
    root
        Project root (default: :func:`analysis.core.paths.project_root`).
    pdf
        Make the PDF for the council (:func:`analysis.pipeline.pdf.edition_pdf`). ``None`` (default):
        when Chromium is installed. ``True`` fails without Chromium.

    Returns
    -------
    Path
        The new edition folder.

    Raises
    ------
    PublishError
        No build, build of another edition than the params name, or version already published.

    Examples
    --------
    >>> publish("2025", site=Path("site"))  # doctest: +SKIP
    PosixPath('site/2025/v1.0')
    """
    from analysis.core.paths import project_root

    root = Path(root) if root else project_root()
    site = Path(site) if site else root / SITE_DIR
    periode = str(periode)
    html_dir, record, editie = _checked_build(root, periode)
    if pdf is None:
        from analysis.pipeline.browser import find_chromium

        pdf = find_chromium() is not None
    with _site_lock(site):
        final = site / periode / f"v{editie}"
        if final.exists():
            raise PublishError(
                f"versie {editie} van periode {periode} is al gepubliceerd ({final}); een "
                "gepubliceerde versie wordt nooit overschreven: verhoog 'editie' in "
                f"params/{periode}.yml, vul 'wijzigingen' aan en bouw opnieuw"
            )
        before = published_editions(site)
        edition = Edition(
            periode=periode,
            editie=editie,
            path=final,
            datum=_edition_date(record, html_dir, root),
            commit=str(record.get("commit") or "onbekend"),
            start=_start_page(html_dir),
            toelichting=_changelog_entry(record, editie),
            kerncijfers=key_figures(html_dir, root / "_build" / periode / "executed"),
        )
        prev_version, prev_period = _neighbours(before, edition, record)
        same = [e for e in before if e.periode == periode]
        newest = max([*same, edition], key=lambda e: version_key(e.editie))
        _stage(site, html_dir, edition, (prev_version, prev_period), newest, pdf=pdf)
        for old in same:
            inject_bars(old, newest)
        write_atomic(site / "index.html", landing_page(published_editions(site)))
    return final


def _checked_build(root: Path, periode: str) -> tuple[Path, dict[str, Any], str]:
    """The build of ``periode`` to publish: (its HTML folder, its run record, its version).

    Raises
    ------
    PublishError
        No build, an invalid version, or a build of another edition than the params name.
    """
    html_dir = root / "_build" / periode / "html"
    if not (html_dir / "index.html").is_file():
        raise PublishError(
            f"er is geen gebouwde editie voor periode {periode} ({html_dir} ontbreekt): "
            f"bouw eerst met `wmo-rapport build --periode {periode}`"
        )
    html_dir = html_dir.resolve()
    record = _read_record(html_dir)
    editie = str(record.get("editie") or "")
    if not _VERSION_RE.match(editie):
        raise PublishError(
            f"ongeldig editienummer {editie!r} in de bouw; gebruik cijfers en punten, bv. 1.1"
        )
    wanted = _params_editie(root, periode)
    if wanted is not None and wanted != editie:
        raise PublishError(
            f"params/{periode}.yml noemt editie {wanted}, maar de bouw in _build/{periode}/html "
            f"is editie {editie}: bouw eerst opnieuw met `wmo-rapport build --periode {periode}`"
        )
    return html_dir, record, editie


def _neighbours(
    before: list[Edition], edition: Edition, record: dict[str, Any]
) -> tuple[Edition | None, Edition | None]:
    """(the previous version of the same period, the latest edition of the previous period).

    The previous period is ``vorige_periode`` of the params when it was published, else the
    latest earlier period.
    """
    periode, key = edition.periode, version_key(edition.editie)
    prev_version = max(
        (e for e in before if e.periode == periode and version_key(e.editie) < key),
        key=lambda e: version_key(e.editie),
        default=None,
    )
    vorige = (record.get("params") or {}).get("vorige_periode")
    earlier = [e for e in before if e.periode < periode]
    if vorige is not None and any(e.periode == str(vorige) for e in earlier):
        earlier = [e for e in earlier if e.periode == str(vorige)]
    prev_period = (
        max(earlier, key=lambda e: (e.periode, version_key(e.editie))) if earlier else None
    )
    return prev_version, prev_period


def _stage(
    site: Path,
    html_dir: Path,
    edition: Edition,
    previous: tuple[Edition | None, Edition | None],
    newest: Edition,
    *,
    pdf: bool,
) -> None:
    """Make the edition in a temporary folder inside ``site``, then rename it into place.

    A failure or interruption removes the temporary folder: no half edition is left.
    """
    periode, editie, final = edition.periode, edition.editie, edition.path
    tmp = site / f".nieuw-{periode}-v{editie}-{uuid.uuid4().hex[:8]}"
    try:
        shutil.copytree(html_dir, tmp, symlinks=False)
        if pdf:
            from analysis.pipeline.pdf import edition_pdf, printed_by

            name = f"wmo-monitor-{periode}-v{editie}.pdf"
            edition_pdf(tmp, tmp / name, periode=periode, editie=editie, datum=edition.datum)
            edition.pdf, edition.chromium = name, printed_by(tmp / name)
        _write_edition_files(tmp, edition, *previous)
        inject_bars(edition, newest, base=tmp)
        final.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.rename(tmp, final)
        except OSError as exc:
            raise PublishError(f"kon {final} niet aanmaken: {exc}") from exc
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def _write_edition_files(
    folder: Path, edition: Edition, prev_version: Edition | None, prev_period: Edition | None
) -> None:
    """``kerncijfers.json``, ``editie.json`` and ``wijzigingen.html`` of a new edition."""
    periode, editie = edition.periode, edition.editie
    figures = {"periode": periode, "editie": editie, "kerncijfers": edition.kerncijfers}
    (folder / KEY_FIGURES_FILE).write_text(
        json.dumps(figures, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    meta = {
        "periode": periode,
        "editie": editie,
        "datum": edition.datum,
        "commit": edition.commit,
        "start": edition.start,
        "toelichting": edition.toelichting,
        "pdf": edition.pdf,
        "pdf_chromium": edition.chromium,
        "vorige_versie": prev_version.editie if prev_version else None,
        "vorige_periode": prev_period.folder if prev_period else None,
    }
    (folder / EDITION_FILE).write_text(
        json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    (folder / CHANGES_PAGE).write_text(
        changes_page(edition, prev_version, prev_period), encoding="utf-8"
    )
