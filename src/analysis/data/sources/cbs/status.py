"""The status of a CBS figure: final, provisional, or unknown (CBS's ``.``).

CBS marks figures with symbols (*Verklaring van tekens*): ``*`` provisional, ``**`` further
provisional, and ``.`` for a figure that is "onbekend, onvoldoende betrouwbaar of geheim". In the
typed OData data set a ``.`` arrives as ``null``. The tidy files carry the meaning in a ``status``
column; a ``.`` is an **empty** value with status :data:`UNKNOWN`, never 0. The allowed values
of that column are the list ``cbs_status`` of :mod:`analysis.config.schemas`.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.data.sources.cbs.text import norm

FINAL = "definitief"
FURTHER_PROVISIONAL = "nader voorlopig"
PROVISIONAL = "voorlopig"
UNKNOWN = "onbekend"
"""Status of a CBS ``.``: "onbekend, onvoldoende betrouwbaar of geheim" (CBS does not say which;
the word is the first of CBS's own definition). The value is empty, never 0."""

#: Every status from most to least final (a further provisional figure is closer to final than a
#: provisional one). The schemas list the same values (``cbs_status`` in ``schemas.yml``).
STATUS_RANK = {FINAL: 0, FURTHER_PROVISIONAL: 1, PROVISIONAL: 2, UNKNOWN: 3}


def combined_status(statuses: Sequence[str]) -> str:
    """The least final status of the parts of a sum.

    Examples
    --------
    >>> combined_status(["definitief", "voorlopig"])
    'voorlopig'
    >>> combined_status(["nader voorlopig", "definitief"])
    'nader voorlopig'
    >>> combined_status(["voorlopig", "onbekend"])
    'onbekend'
    """
    worst = STATUS_RANK[UNKNOWN]
    return max(statuses, key=lambda s: STATUS_RANK.get(s, worst)) if statuses else FINAL


def period_status(status: str | None, title: str = "") -> str:
    """Status of a CBS period from its ``Status`` field (or the ``*`` in its title).

    Examples
    --------
    >>> period_status("Voorlopig"), period_status("Nader voorlopig"), period_status(None, "2024**")
    ('voorlopig', 'nader voorlopig', 'nader voorlopig')
    >>> period_status("Definitief", "2023")
    'definitief'
    """
    s = norm(status or "")
    if s in (FURTHER_PROVISIONAL, PROVISIONAL):
        return s
    if not s:
        t = title.strip()
        if t.endswith("**"):
            return FURTHER_PROVISIONAL
        if t.endswith("*"):
            return PROVISIONAL
    return FINAL


def value_status(value: object, period: str) -> str:
    """Status of one value: :data:`UNKNOWN` for a CBS ``.`` (``None``), else its period's status.

    Examples
    --------
    >>> value_status(None, "voorlopig"), value_status(12, "voorlopig")
    ('onbekend', 'voorlopig')
    """
    return UNKNOWN if value is None else period
