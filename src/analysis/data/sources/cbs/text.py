"""Comparing CBS titles and quoting OData literals."""

from __future__ import annotations


def norm(text: str) -> str:
    """A title for comparison: case-folded, non-breaking spaces and runs of spaces as one space.

    Examples
    --------
    >>> norm("  Wmo-cliënten\\u00a0per  1 000 ")
    'wmo-cliënten per 1 000'
    """
    return " ".join(str(text).replace("\u00a0", " ").split()).casefold()


def quote_literal(text: str) -> str:
    """An OData string literal (single quotes doubled).

    Examples
    --------
    >>> quote_literal("O'Neill")
    "'O''Neill'"
    """
    return "'" + text.replace("'", "''") + "'"
