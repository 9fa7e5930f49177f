"""What a chapter notebook needs besides data and charts: its context and glued figures.

A chapter starts with::

    from analysis.present import report
    ctx = report.chapter(periode)

and gets the validated params (``ctx.params``), a loader that also checks region codes against the
params (``ctx.load(name)``), and :func:`glue` / :func:`glue_all` to put computed figures into the
prose.

**Provenance is automatic.** A glued figure is marked as synthetic (visible sign, screen-reader text,
``data-herkomst="synthetisch"``) unless it says precisely where it comes from: without ``bron=`` it
gets the union of everything the chapter has loaded so far (fail-safe: over-marking is safe). Give
``bron=`` — the loaded frames, dataset names or ``"params"`` it was computed from — to show a real
figure unmarked in a chapter that also uses stand-ins::

    totaal = ctx.load("bevolking_totaal")                      # real
    report.glue("inwoners_2019", n2019, bron=totaal)           # unmarked
    report.glue("inwoners", nu["totaal"])                      # marked if anything loaded is synthetic
    report.glue("periode", periode, bron="params")             # a label from params: never marked
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from analysis.core.numbers import getal, procent
from analysis.core.provenance import (
    NONE,
    Provenance,
    has_unmarked_figure,
    is_marked,
    mark,
    plain,
    union,
)
from analysis.data import datasets as _data
from analysis.data.context import Chapter, chapter
from analysis.present.marks import markdown_fragment, real_html, text_html
from analysis.topics.findings import Finding, verdict_sentence
from analysis.topics.indicators import Result, evaluate


class _Auto:
    def __repr__(self) -> str:
        return "AUTO"


#: Default of ``bron=``: the value's own provenance, else everything loaded so far.
AUTO: Any = _Auto()
#: ``bron=PARAMS``: a value from params or the plan (a label, a period, a target), no dataset.
PARAMS = Provenance.assumption("params")


class GluedText(str):
    """Glued text: knows its provenance; shown without quotes and, when synthetic, marked.

    ``str(glued)`` holds the marks (:mod:`analysis.core.provenance`), so a marked figure put into
    a title or a sentence stays marked.
    """

    provenance: Provenance = NONE
    #: True when the value said it comes from real data (``bron=``, or its own provenance).
    real: bool = False

    def __repr__(self) -> str:
        return plain(str(self))

    def _repr_html_(self) -> str | None:
        if is_marked(self):
            return text_html(str(self))
        if self.real and has_unmarked_figure(self):
            return real_html(text_html(str(self)))
        return None


def provenance_of(bron: Any) -> Provenance:
    """The provenance of what ``bron`` names.

    Parameters
    ----------
    bron
        A loaded frame or column (its ``attrs``), a :class:`Provenance`, a value that carries one
        (:class:`~analysis.core.provenance.Traced`, :class:`GluedText`, a measurement), a dataset
        name, ``"params"`` / ``"plan"`` (a params value or a figure from the plan, no dataset),
        ``"manifest"`` (a fact about the data files), or a list of these (their union). Anything whose
        provenance is unknown (e.g. a derived frame that lost its ``attrs``) counts as everything
        loaded so far (:func:`analysis.data.datasets.session_provenance`).

    Examples
    --------
    >>> provenance_of("params").is_synthetic
    False
    >>> provenance_of(Provenance.dataset("x", True)).is_synthetic
    True
    """
    if isinstance(bron, Provenance):
        return bron
    if isinstance(bron, str) and not isinstance(bron, GluedText):
        if bron in ("params", "plan", "manifest"):
            return Provenance.assumption(bron)
        return _data.dataset_provenance(bron)
    if isinstance(bron, pd.DataFrame | pd.Series):
        return _data.provenance_of(bron) or _data.session_provenance()
    own = getattr(bron, "provenance", None)
    if isinstance(own, Provenance):
        return own
    if isinstance(bron, Iterable) and not isinstance(bron, str | bytes):
        items = list(bron)
        if not items:
            raise ValueError("bron= is leeg: noem de gegevens waaruit de waarde komt")
        return union(provenance_of(b) for b in items)
    if bron is None:
        raise ValueError("bron=None: noem de gegevens waaruit de waarde komt, of 'params'")
    return _data.session_provenance()


#: Text that is a period or a span of periods ("2024", "2025H1", "2019-2025"): a label, not a figure.
_PERIOD_LABEL = re.compile(r"\d{4}(H[12]|Q[1-4]|-\d{2})?(\s*[-–]\s*\d{4}(H[12]|Q[1-4]|-\d{2})?)?")


def _own_provenance(value: Any) -> Provenance:
    own = getattr(value, "provenance", None)
    if isinstance(own, Provenance):
        return own
    if isinstance(value, str):
        if _PERIOD_LABEL.fullmatch(value.strip()):
            return NONE  # a period names when, it is not a figure computed from the data
        return _data.session_provenance() if has_unmarked_figure(value) else NONE
    return _data.session_provenance()


def _text(value: Any, decimalen: int, soort: str) -> str:
    if soort == "procent":
        return procent(value, decimalen)
    if soort == "tekst" or isinstance(value, str):
        return str(value)
    return getal(value, decimalen)


def glue(
    name: str, value: Any, *, decimalen: int = 0, soort: str = "getal", bron: Any = AUTO
) -> GluedText:
    """Glue a figure for the prose as Dutch text, marked when it rests on synthetic data.

    Parameters
    ----------
    name
        Glue key used in the Markdown as ``{glue}`name```.
    value
        A number (formatted with :func:`analysis.core.numbers.getal` or
        :func:`analysis.core.numbers.procent`), text (used as is) or a
        :class:`~analysis.topics.findings.Finding` (its sentence, marked as it marks itself).
    soort
        ``"getal"``, ``"procent"`` or ``"tekst"``.
    bron
        Where the value comes from (see :func:`provenance_of`). By default: the value's own
        provenance when it carries one; text without figures has none; anything else gets
        everything the chapter loaded so far.

    Returns
    -------
    GluedText
        The text as shown; marked (:func:`analysis.core.provenance.mark`) when synthetic.

    Examples
    --------
    >>> glue("n", 1234.5, decimalen=1, bron="params")
    1.234,5
    >>> glue("m", 7, bron=Provenance.dataset("x", synthetic=True))
    7 (synthetisch)
    """
    said = bron is not AUTO or isinstance(getattr(value, "provenance", None), Provenance)
    if isinstance(value, Finding):  # a finding marks its own numbers, exactly
        prov = value.provenance if bron is AUTO else provenance_of(bron)
        text = value.zin()
    else:
        prov = _own_provenance(value) if bron is AUTO else provenance_of(bron)
        text = _text(value, decimalen, soort)
        if prov.is_synthetic and (has_unmarked_figure(text) or not is_marked(text)):
            text = mark(text)
    out = GluedText(text)
    out.provenance = prov
    out.real = said and not prov.is_synthetic
    try:
        from myst_nb import glue as _glue

        _glue(name, out, display=False)
    except ImportError:  # pragma: no cover - outside a notebook build
        pass
    return out


@dataclass(frozen=True)
class Fmt:
    """A value with its format for :func:`glue_all` (made by :func:`fmt`)."""

    value: Any
    decimalen: int = 0
    soort: str = "getal"
    bron: Any = AUTO


def fmt(value: Any, *, decimalen: int = 0, soort: str = "getal", bron: Any = AUTO) -> Fmt:
    """A value for :func:`glue_all` with its format and, optionally, its source.

    Examples
    --------
    >>> fmt(18.44, soort="procent", decimalen=1).soort
    'procent'
    """
    return Fmt(value, decimalen, soort, bron)


class Glued(dict):
    """The texts :func:`glue_all` glued, by name; shows nothing in a notebook."""

    def _ipython_display_(self) -> None:
        return None


def glue_all(values: Mapping[str, Any], *, bron: Any = AUTO) -> Glued:
    """Glue several figures at once: ``{name: value or fmt(value, ...)}``; return the texts.

    ``bron`` applies to every value that does not give its own in :func:`fmt`.

    Examples
    --------
    >>> out = glue_all({"a": 3, "b": fmt(12.5, soort="procent", decimalen=1)}, bron="params")
    >>> [str(v) for v in out.values()]
    ['3', '12,5%']
    """
    out = Glued()
    for name, v in values.items():
        f = v if isinstance(v, Fmt) else Fmt(v)
        own = f.bron if f.bron is not AUTO else bron
        out[name] = glue(name, f.value, decimalen=f.decimalen, soort=f.soort, bron=own)
    return out


def glue_verdict(ctx: Chapter, indicator: str) -> Result:
    """Glue what a chapter says about its key indicator, computed as the Samenvatting does.

    Glues ``ambitie`` (the plan's words), ``regel`` (the rule that gave the verdict),
    ``oordeel`` (the verdict, marked when it rests on synthetic data) and ``oordeel_zin``
    (the verdict in a sentence; from synthetic data only as an example that says nothing about
    the municipality). Returns the computed :class:`~analysis.topics.indicators.Result`.

    Examples
    --------
    >>> r = glue_verdict(chapter("2025"), "mantelzorg_zwaar_belast")  # doctest: +SKIP
    >>> r.voorbeeld  # doctest: +SKIP
    True
    """
    r = evaluate(ctx, indicator)
    doel = r.meting.doel.tekst if r.meting.doel else "het plan noemt geen doel of ambitie"
    verdict_prov = r.herkomst if r.voorbeeld else PARAMS
    glue_all(
        {
            "ambitie": fmt(doel, soort="tekst", bron="plan"),
            "regel": fmt(r.regel, soort="tekst", bron="params"),
            "oordeel": fmt(r.oordeel, soort="tekst", bron=verdict_prov),
            "oordeel_zin": fmt(
                verdict_sentence(r.oordeel, voorbeeld=r.voorbeeld), soort="tekst", bron="params"
            ),
        }
    )
    return r


def markdown(text: str) -> None:
    """Display Markdown in a chapter with its marked values converted (see :mod:`.marks`)."""
    from IPython.display import Markdown, display

    display(Markdown(markdown_fragment(text)))


__all__ = [
    "AUTO",
    "PARAMS",
    "Chapter",
    "Fmt",
    "Glued",
    "GluedText",
    "chapter",
    "fmt",
    "glue",
    "glue_all",
    "glue_verdict",
    "markdown",
    "provenance_of",
]
