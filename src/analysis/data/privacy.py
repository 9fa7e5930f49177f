"""Privacy rules: refuse person-level data, and never publish a count small enough to identify people.

Two sides:

* **Input.** :func:`check_no_personal_data` refuses a table with person-level columns (BSN, name,
  birth date, full postcode, address, …) or values that pass the BSN *elfproef*, before anything is
  computed.
* **Output.** :func:`suppress_counts` applies CBS disclosure practice to counts from municipal
  registrations: cells below ``min_cel`` (10) are suppressed, the rest rounded to a multiple of
  ``afronding`` (5); :func:`secondary_suppression` hides one more cell where a total would reveal a
  suppressed one; :func:`mask_percentages` hides survey percentages based on fewer than
  ``min_n_percentage`` respondents.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.core.errors import PrivacyError

PERSONAL_COLUMNS = {
    "bsn": "burgerservicenummer",
    "burgerservicenummer": "burgerservicenummer",
    "sofinummer": "burgerservicenummer",
    "naam": "naam",
    "voornaam": "naam",
    "achternaam": "naam",
    "voorletters": "naam",
    "geboortedatum": "geboortedatum",
    "geb_datum": "geboortedatum",
    "geboortejaar_maand_dag": "geboortedatum",
    "adres": "adres",
    "straat": "adres",
    "straatnaam": "adres",
    "huisnummer": "adres",
    "postcode": "volledige postcode",
    "postcode6": "volledige postcode",
    "email": "e-mailadres",
    "e_mail": "e-mailadres",
    "telefoon": "telefoonnummer",
    "telefoonnummer": "telefoonnummer",
    "clientnummer": "persoonsnummer",
    "client_id": "persoonsnummer",
    "persoon_id": "persoonsnummer",
}
FULL_POSTCODE_RE = re.compile(r"^[1-9]\d{3}\s?[A-Za-z]{2}$")
NINE_DIGITS_RE = re.compile(r"^\d{9}$")


def is_bsn(value: str) -> bool:
    """True when ``value`` is exactly 9 digits that pass the BSN eleven-test (elfproef).

    Only 9-digit values are tested: BSNs are written with 9 digits (older 8-digit numbers with a
    leading zero), and 8-digit counts such as a national population must not be mistaken for one.

    The test: with digits d1..d9, 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by 11 (and not 0).

    Examples
    --------
    >>> is_bsn("111222333")
    True
    >>> is_bsn("123456789")
    False
    """
    value = str(value).strip()
    if not NINE_DIGITS_RE.match(value):
        return False
    digits = [int(c) for c in value]
    total = sum(w * d for w, d in zip(range(9, 1, -1), digits[:8], strict=True)) - digits[8]
    return total != 0 and total % 11 == 0


def _norm(col: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", col.strip().lower()).strip("_")


def check_no_personal_data(raw: pd.DataFrame, file: str) -> None:
    """Refuse a table that holds person-level data.

    Parameters
    ----------
    raw
        The table as read, all values as text.
    file
        Shown in the error.

    Raises
    ------
    PrivacyError
        Naming the file, the column and (for values) the row, and why.

    Examples
    --------
    >>> check_no_personal_data(pd.DataFrame({"bsn": ["111222333"]}), "x.csv")
    Traceback (most recent call last):
    ...
    analysis.core.errors.PrivacyError: x.csv, kolom 'bsn': persoonsgegevens geweigerd: ...
    """
    for col in raw.columns:
        kind = PERSONAL_COLUMNS.get(_norm(str(col)))
        if kind:
            raise PrivacyError(
                f"persoonsgegevens geweigerd: de kolom lijkt een {kind} te bevatten. De pijplijn "
                "accepteert alleen geaggregeerde tellingen, nooit gegevens over personen",
                file=file,
                column=str(col),
            )
    for col in raw.columns:
        values = raw[col].astype("string").fillna("")
        for idx, val in values.items():
            v = val.strip()
            if not v:
                continue
            reason = None
            if is_bsn(v):
                reason = f"de waarde '{v}' doorstaat de elfproef van een burgerservicenummer"
            elif FULL_POSTCODE_RE.match(v):
                reason = f"de waarde '{v}' is een volledige postcode (6 tekens)"
            if reason:
                raise PrivacyError(
                    f"persoonsgegevens geweigerd: {reason}. Lever geaggregeerde gegevens aan",
                    file=file,
                    row=int(idx) + 2,
                    column=str(col),
                )


def suppress_counts(values: pd.Series, min_cel: int = 10, afronding: int = 5) -> pd.Series:
    """Suppress small counts and round the rest (CBS practice).

    Counts below ``min_cel`` become missing (``<NA>``); others are rounded to the nearest multiple of
    ``afronding`` (halves up). Missing stays missing.

    Examples
    --------
    >>> suppress_counts(pd.Series([0, 4, 9, 10, 12, 13, 1002])).tolist()
    [<NA>, <NA>, <NA>, 10, 10, 15, 1000]
    """
    v = pd.to_numeric(values, errors="coerce").astype("Float64")
    rounded = (np.floor(v / afronding + 0.5) * afronding).astype("Int64")
    return rounded.mask(v < min_cel)


def secondary_suppression(
    table: pd.DataFrame, cells: Sequence[str], total: str | None = None
) -> pd.DataFrame:
    """Hide an extra cell in each row where the total would reveal a single suppressed cell.

    Parameters
    ----------
    table
        One row per group; ``cells`` columns already passed through :func:`suppress_counts`.
    cells
        The columns that add up to ``total``.
    total
        Column holding the row total (published); when ``None`` the total is not published and no
        secondary suppression is needed.

    Returns
    -------
    DataFrame
        A copy where, in every row with exactly one suppressed cell among ``cells`` and a published
        total, the smallest remaining cell is suppressed too.

    Examples
    --------
    >>> t = pd.DataFrame({"a": [pd.NA, 20], "b": [15, 30], "c": [40, 50], "tot": [60, 100]})
    >>> secondary_suppression(t.astype("Int64"), ["a", "b", "c"], "tot").iloc[0].tolist()
    [<NA>, <NA>, 40, 60]
    """
    out = table.copy()
    if total is None:
        return out
    for idx, row in out.iterrows():
        if pd.isna(row[total]):
            continue
        missing = [c for c in cells if pd.isna(row[c])]
        if len(missing) == 1:
            present = [c for c in cells if not pd.isna(row[c])]
            if present:
                smallest = min(present, key=lambda c: row[c])
                out.loc[idx, smallest] = pd.NA
    return out


def mask_percentages(pct: pd.Series, n: pd.Series | Iterable[float], min_n: int = 50) -> pd.Series:
    """Hide percentages computed from fewer than ``min_n`` respondents.

    Examples
    --------
    >>> mask_percentages(pd.Series([12.5, 40.0]), pd.Series([30, 400])).tolist()
    [nan, 40.0]
    """
    n = pd.Series(list(n), index=pct.index)
    return pct.where(n >= min_n)


_FIG_RE = re.compile(
    r'<figure class="wmo-figuur" id="(?P<id>[^"]+)".*?</figure>'
    r'<script type="application/json" id="(?P=id)-spec">(?P<spec>.*?)</script>',
    re.S,
)
_DATASET_RE = re.compile(r'data-datasets="([a-z0-9_ ]+)"')


def _cell_text(cell_html: str) -> str:
    """The number in a table cell, also when it is marked as synthetic (its sign and
    screen-reader text left out).

    Examples
    --------
    >>> _cell_text('<span data-herkomst="synthetisch">7<sup aria-hidden="true">s</sup>'
    ...            '<span class="visually-hidden"> (synthetisch)</span></span>')
    '7'
    """
    text = re.sub(r"<sup\b[^>]*>.*?</sup>", "", cell_html, flags=re.S)
    text = re.sub(r'<span class="visually-hidden">.*?</span>', "", text, flags=re.S)
    return re.sub(r"<[^>]+>", "", text).strip()


def scan_edition(
    html_dir: str | Path, manifest: dict, *, min_cel: int = 10, afronding: int = 5
) -> list[str]:
    """Scan a built edition for small counts that should have been suppressed.

    Every chart whose source line names a dataset marked ``privacy: kleine_aantallen`` in the
    manifest (counts of people from municipal registrations) is checked in the data embedded in
    its Vega-Lite specification **and** in its data table: every whole number must be missing
    (suppressed) or at least ``min_cel`` and a multiple of ``afronding``.

    Returns
    -------
    list of str
        One line per violation (page, figure, value); empty when the edition is clean.
    """
    import json

    flagged = {n for n, e in manifest.items() if e.get("privacy") == "kleine_aantallen"}
    problems = []
    for page in sorted(Path(html_dir).rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        for m in _FIG_RE.finditer(text):
            names = {n for found in _DATASET_RE.findall(m.group(0)) for n in found.split()}
            if not names & flagged:
                continue
            spec = json.loads(m.group("spec").replace("<\\/", "</"))
            values = [
                (k, v)
                for rows in (spec.get("datasets") or {}).values()
                for row in rows
                for k, v in row.items()
            ]
            for k, v in values:
                if isinstance(v, int) and not isinstance(v, bool):
                    if v < min_cel or v % afronding:
                        problems.append(
                            f"{page.name}, figuur {m.group('id')}: waarde {v} in '{k}' "
                            f"(niet onderdrukt of afgerond; dataset {', '.join(sorted(names))})"
                        )
            table = m.group(0).split("<tbody>", 1)[-1]
            for raw in re.findall(r'<td class="num">(.*?)</td>', table, flags=re.S):
                cell = _cell_text(raw)
                t = cell.replace(".", "")
                if t.isdigit() and (int(t) < min_cel or int(t) % afronding):
                    problems.append(
                        f"{page.name}, figuur {m.group('id')}: tabelwaarde {cell} niet onderdrukt"
                    )
    return problems
