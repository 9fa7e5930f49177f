"""The pages of the published site (``site/``), from Jinja2 templates.

:mod:`analysis.pipeline.publish` decides *what* is published (which editions, which versions,
which key figures changed); this module decides how it reads. Every function takes plain data
(an edition is anything with ``periode``, ``editie``, ``datum``, ``toelichting``, ``folder``,
``start`` and ``pdf``; a change anything with ``naam``, ``oud`` and ``nieuw``) and returns HTML
from the templates ``site_*.html`` (CSS in ``site.css``): no HTML is built by concatenation.

The pages are self-contained (inline CSS, no scripts), so a published folder works offline, e.g.
from a USB stick.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from markupsafe import Markup

from analysis.core.dates import long_date
from analysis.present.templating import render

CHANGES_PAGE = "wijzigingen.html"


def page(title: str, body: str, *, up: str = "") -> str:
    """A whole site page around ``body`` (HTML): header link to all editions, footer.

    Examples
    --------
    >>> html = page("Titel", "<p>x</p>", up="../../")
    >>> html.startswith("<!DOCTYPE html>") and '<a href="../../index.html">' in html
    True
    """
    return render("site_pagina.html", titel=title, inhoud=Markup(body), up=up)


def changes_table(changes: Iterable[Any], caption: str, old_label: str, new_label: str) -> str:
    """A table of key figures that differ (``naam``, ``oud``, ``nieuw``; ``None``: absent).

    Examples
    --------
    >>> from types import SimpleNamespace as C
    >>> t = changes_table([C(naam="h/n", oud="10", nieuw=None)], "c", "Oud", "Nieuw")
    >>> "<td>10</td><td><em>(niet aanwezig)</em></td>" in t
    True
    """
    return render(
        "site_wijzigingentabel.html",
        wijzigingen=list(changes),
        caption=caption,
        oud=old_label,
        nieuw=new_label,
    )


def landing_page(editions: Sequence[Any], *, sort_key: Any = None) -> str:
    """``site/index.html``: every edition, newest period first, newest version first.

    ``sort_key`` orders the versions of a period (default: by their number, e.g.
    :func:`analysis.pipeline.publish.version_key`).

    Examples
    --------
    >>> from types import SimpleNamespace as E
    >>> e = E(periode="2025", editie="1.0", datum="2025-01-01", toelichting="", pdf=None,
    ...       folder="2025/v1.0", start="chapters/s.html")
    >>> "2025/v1.0/chapters/s.html" in landing_page([e])
    True
    """
    key = sort_key or (lambda v: tuple(int(p) for p in str(v).split(".") if p.isdigit()))
    by_period: dict[str, list[Any]] = {}
    for e in editions:
        by_period.setdefault(e.periode, []).append(e)
    periods = []
    for periode in sorted(by_period, reverse=True):
        eds = sorted(by_period[periode], key=lambda e: key(e.editie), reverse=True)
        versions = []
        for i, e in enumerate(eds):
            what = e.toelichting or (
                "Eerste versie." if i == len(eds) - 1 else "Geen toelichting opgegeven."
            )
            versions.append(
                {
                    "periode": e.periode,
                    "editie": e.editie,
                    "datum": long_date(e.datum),
                    "wat": what,
                    "map": e.folder,
                    "start": e.start,
                    "pdf": e.pdf,
                    "nieuwste": i == 0,
                }
            )
        periods.append({"periode": periode, "versies": versions})
    body = render("site_index.html", perioden=periods).rstrip("\n")
    return page("Wmo-monitor: alle edities", body)


def edition_bar(
    periode: str,
    editie: str,
    *,
    up: str,
    changes_href: str,
    latest_editie: str | None = None,
    latest_href: str = "",
) -> str:
    """The bar on every page of a published edition (between ``<!-- wmo-editie:begin -->`` and
    ``<!-- wmo-editie:einde -->``); for an older version, with a note that links to the newest.

    Examples
    --------
    >>> bar = edition_bar("2025", "1.0", up="../../", changes_href="wijzigingen.html",
    ...                   latest_editie="1.1", latest_href="../../2025/v1.1/index.html")
    >>> "Let op: dit is een oudere versie (versie 1.0)" in bar and bar.endswith("einde -->")
    True
    """
    latest = {"editie": latest_editie, "href": latest_href} if latest_editie else None
    return render(
        "site_editiebalk.html",
        periode=periode,
        editie=editie,
        up=up,
        wijzigingen=changes_href,
        nieuwste=latest,
    )


def changes_page(
    edition: Any,
    prev_version: Any | None,
    prev_period: Any | None,
    version_changes: Sequence[Any],
    period_changes: Sequence[Any],
) -> str:
    """``wijzigingen.html`` of an edition: what changed since the previous version (its
    ``version_changes``) and against the previous period (``period_changes``: the key figures
    both editions have).

    Examples
    --------
    >>> from types import SimpleNamespace as E
    >>> e = E(periode="2025", editie="1.0", datum="2026-01-10", commit="abc", start="s.html",
    ...       toelichting="")
    >>> "Dit is de eerste gepubliceerde versie" in changes_page(e, None, None, [], [])
    True
    """
    e = edition
    version_table = period_table = ""
    why = ""
    if prev_version is not None:
        why = e.toelichting or (
            f"geen toelichting opgegeven (vul de lijst wijzigingen in params/{e.periode}.yml aan)"
        )
        if version_changes:
            version_table = changes_table(
                version_changes,
                f"Gewijzigde kerncijfers: versie {prev_version.editie} → {e.editie}",
                f"Versie {prev_version.editie}",
                f"Versie {e.editie}",
            )
    if prev_period is not None and period_changes:
        period_table = changes_table(
            period_changes,
            f"Kerncijfers {prev_period.periode} en {e.periode}",
            f"Editie {prev_period.periode}",
            f"Editie {e.periode}",
        )
    body = render(
        "site_wijzigingen.html",
        e=e,
        datum=long_date(e.datum),
        vorige=prev_version,
        vorige_datum=long_date(prev_version.datum) if prev_version is not None else "",
        waarom=why,
        n_wijzigingen=len(version_changes),
        versietabel=Markup(version_table),
        periode=prev_period,
        periodetabel=Markup(period_table),
    ).rstrip("\n")
    return page(f"Wijzigingen editie {e.periode} versie {e.editie}", body, up="../../")
