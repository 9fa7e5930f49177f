"""Altair chart builders in one house style, rendered for the book.

Every chart in the report is a :class:`Figure`: an Altair chart plus what a reader needs besides
the picture — a title that states the finding, a subtitle with the unit, the source line naming the
dataset, a text alternative (``description``) and the data as a table.

:meth:`Figure.show` puts it in a chapter as HTML that works without a network and without
JavaScript: the chart is rendered to SVG (vector, so it prints sharply in the PDF) with the nl-NL
number format, inside a ``<figure>`` with ``role="img"`` and the description as its accessible name,
followed by the source and a ``<details>`` table of the data. The Vega-Lite specification is
embedded alongside (``<script type="application/json">``) so the book's shipped Vega bundle can make
the chart interactive (tooltips) where JavaScript runs.

Only the columns a chart encodes are embedded in its specification, so nothing the chart does not
show (such as an unsuppressed count) can leak into the published page.

Provenance: a figure knows the datasets it was drawn from (``sources=``; without it, everything the
chapter loaded so far — fail-safe). A figure from synthetic data says *Voorbeeld* before its title,
its text alternative says so, and the numbers in its data table are marked (per row with
``synthetisch_kolom=``, a boolean column, when a chart mixes real and synthetic rows).
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
from dataclasses import dataclass, field
from typing import Any

import altair as alt
import pandas as pd
from markupsafe import Markup

from analysis.core.numbers import dutch_numbers, getal
from analysis.core.provenance import NONE, Provenance, has_unmarked_figure, plain, union
from analysis.data.datasets import provenance_of, session_provenance
from analysis.present.citations import document_titles, known_documents, publisher
from analysis.present.marks import (
    ATTRIBUTE,
    REAL_ATTRIBUTE,
    marked_html,
    real_html,
    text_html,
)
from analysis.present.templating import render
from analysis.topics.findings import Finding

# Okabe-Ito: distinguishable with every common colour-vision deficiency. Yellow is left out (too
# little contrast on white); order chosen so the first two differ in lightness too.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00", "#000000"]
FONT = "DejaVu Sans, Verdana, sans-serif"
WIDTH = 560
HEIGHT = 300


def theme() -> dict[str, Any]:
    """The Vega-Lite config of the house style (fonts, sizes, palette, no Vega ARIA noise)."""
    return {
        "config": {
            "font": FONT,
            "background": "#ffffff",
            "aria": False,
            "view": {"continuousWidth": WIDTH, "continuousHeight": HEIGHT, "stroke": None},
            "title": {
                "fontSize": 16,
                "subtitleFontSize": 13,
                "anchor": "start",
                "color": "#1a1a1a",
                "subtitleColor": "#333333",
                "offset": 12,
            },
            "axis": {
                "labelFontSize": 13,
                "titleFontSize": 13,
                "labelColor": "#1a1a1a",
                "titleColor": "#1a1a1a",
                "gridColor": "#dddddd",
                "domainColor": "#595959",
                "tickColor": "#595959",
            },
            "legend": {
                "labelFontSize": 13,
                "titleFontSize": 13,
                "orient": "bottom",
                "direction": "horizontal",
                "labelLimit": 320,
            },
            "range": {"category": PALETTE},
            "line": {"strokeWidth": 2.5},
            "point": {"size": 60, "filled": True},
        }
    }


@alt.theme.register("wmo", enable=True)
def _wmo_theme() -> alt.theme.ThemeConfig:
    return alt.theme.ThemeConfig(theme())  # type: ignore[arg-type]


_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass
class Figure:
    """A chart with everything a reader needs besides the picture.

    Attributes
    ----------
    name
        Stable id (lowercase, digits, hyphens), unique in the chapter: the HTML ids derive from it,
        so rebuilds give identical pages.
    chart
        The Altair chart.
    title, subtitle
        The finding, and the unit.
    description
        Text alternative for screen readers: what the chart shows and its main fact.
    source
        Source line, e.g. ``"CBS, tabel 03759ned"``.
    table
        The data as shown, with Dutch column headers (used for the data table).
    synthetic
        True when the data is a synthetic stand-in (shown in the source line and before the title).
    number_format
        Decimals per column of the data table.
    provenance
        The datasets the figure was drawn from.
    row_synthetic
        Per row of ``table``: is it synthetic? (``None``: every row is as ``synthetic``.)
    title_provenance
        What the title's finding rests on, when the title is a
        :class:`~analysis.topics.findings.Finding` (else the figure's).
    said_real
        True when ``sources=`` were given and none is synthetic: the figure carries
        ``data-herkomst="echt"``.
    datasets
        The manifest names of the datasets in the source line (the figure's ``data-datasets``,
        read by the privacy scan; the visible source line has no ids).
    """

    name: str
    chart: alt.Chart | alt.LayerChart
    title: str
    subtitle: str
    description: str
    source: str
    table: pd.DataFrame
    synthetic: bool = False
    number_format: dict[str, int] = field(default_factory=dict)
    provenance: Provenance = NONE
    row_synthetic: list[bool] | None = None
    title_provenance: Provenance | None = None
    said_real: bool = False
    datasets: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not _NAME_RE.match(self.name):
            raise ValueError(f"ongeldige figuurnaam {self.name!r}: gebruik a-z, 0-9 en '-'")
        if not self.description.strip():
            raise ValueError(f"figuur {self.name!r} heeft geen tekstalternatief (description)")
        self.description = dutch_numbers(self.description)  # "92.6" → "92,6", "1035" → "1.035"
        self.synthetic = bool(self.synthetic or self.provenance.is_synthetic)

    def spec(self) -> dict[str, Any]:
        """The Vega-Lite specification as a dict (deterministic: no random names); a marked value
        in a title or description reads ``… (synthetisch)`` there."""
        return _plain_strings(json.loads(self.chart.to_json(validate=False)))

    def render_spec(self) -> dict[str, Any]:
        """The specification as rendered in the book: without the title (the figure caption
        carries it, so it is neither shown nor read twice) and at the house width."""
        spec = self.spec()
        spec.pop("title", None)
        if "width" not in spec and "hconcat" not in spec:
            spec["width"] = WIDTH
        return spec

    def svg(self, spec: dict[str, Any] | None = None) -> str:
        """The chart rendered to SVG with the nl-NL number and date format (``spec``: its
        :meth:`render_spec`, when the caller has it already)."""
        import vl_convert as vlc

        svg = vlc.vegalite_to_svg(
            self.render_spec() if spec is None else spec,
            format_locale="nl-NL",
            time_format_locale="nl-NL",
        )
        svg = re.sub(r"<\?xml[^>]*>", "", svg)
        return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)

    def table_html(self) -> str:
        """The data as an accessible HTML table with Dutch number formatting; the numbers of
        synthetic rows are marked (template ``figuurtabel.html``)."""
        rows = []
        flags = self.row_synthetic or [self.synthetic] * len(self.table)
        for (_, r), synthetic in zip(self.table.iterrows(), flags, strict=True):
            cells = []
            for c in self.table.columns:
                v = r[c]
                if isinstance(v, int | float) and not isinstance(v, bool) or pd.isna(v):
                    text = getal(v, self.number_format.get(str(c), 0 if _is_int(v) else 1))
                    shown = marked_html(text) if synthetic and not pd.isna(v) else text
                    cells.append({"getal": True, "html": Markup(shown)})
                else:
                    cells.append({"getal": False, "html": Markup(text_html(str(v)))})
            rows.append({"echt": self.row_synthetic is not None and not synthetic, "cellen": cells})
        return render(
            "figuurtabel.html",
            bijschrift=Markup(f"Gegevens bij de figuur: {self._title_html()}"),
            kop=[str(c) for c in self.table.columns],
            rijen=rows,
        )

    def _title_synthetic(self) -> bool:
        return self.title_provenance.is_synthetic if self.title_provenance else self.synthetic

    def _title_html(self) -> str:
        """The title as HTML: its marked values converted; said to be real, or as a whole marked
        synthetic when it holds a figure that is not marked itself."""
        text = text_html(self.title)
        if not has_unmarked_figure(self.title):
            return text
        if self._title_synthetic():
            return f'<span class="herkomst-synthetisch" {ATTRIBUTE}>{text}</span>'
        if self.said_real or self.title_provenance is not None:
            return real_html(text)
        return text

    def _caption_html(self) -> str:
        """Title (after *Voorbeeld:* when synthetic) and unit; their marked values converted."""
        title_synthetic = (
            self.title_provenance.is_synthetic if self.title_provenance else self.synthetic
        )

        def part(cls: str, text: str, synthetic: bool, real: bool = False) -> str:
            attr = ""
            if has_unmarked_figure(text):
                attr = f" {ATTRIBUTE}" if synthetic else (f" {REAL_ATTRIBUTE}" if real else "")
            return f'<span class="{cls}"{attr}>{text_html(text)}</span>'

        label = ""
        if self.synthetic and "voorbeeld" not in plain(self.title).lower():
            mixed = self.row_synthetic is not None and not all(self.row_synthetic)
            label = f'<span class="wmo-voorbeeld">{"Deels voorbeeld" if mixed else "Voorbeeld"}:</span> '
        real_title = self.title_provenance is not None and not title_synthetic
        title = part("wmo-titel", self.title, title_synthetic, real_title or self.said_real)
        return f"{label}{title} {part('wmo-eenheid', self.subtitle, self.synthetic)}"

    def _description_text(self) -> str:
        text = plain(self.description)
        if self.synthetic and "synthetisch" not in text:
            text += " Voorbeeld met synthetische gegevens."
        return text

    def to_html(self) -> str:
        """The figure as HTML (figure + SVG + source + data table + embedded spec), from the
        template ``figuur.html``."""
        warn = (
            " (synthetische gegevens)"
            if self.synthetic and "voorbeeldgegevens" not in self.source
            else ""
        )
        rendered = self.render_spec()
        spec = json.dumps(rendered, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
        return render(
            "figuur.html",
            fid=f"fig-{self.name}",
            datasets=" ".join(self.datasets),
            echt=self.said_real,
            bijschrift=Markup(self._caption_html()),
            beschrijving=Markup(html.escape(self._description_text())),
            svg=Markup(self.svg(rendered)),
            bron=Markup(html.escape(plain(self.source))),
            waarschuwing=warn,
            tabel=Markup(self.table_html()),
            spec=Markup(spec),
        )

    def _repr_html_(self) -> str:
        return self.to_html()

    def show(self) -> None:
        """Display the figure in a notebook (HTML only, so the book renders it as is)."""
        from IPython.display import HTML, display

        display(HTML(self.to_html()))


def _plain_strings(obj: Any) -> Any:
    """``obj`` (parsed JSON) with every marked value in its strings in plain form."""
    if isinstance(obj, str):
        return plain(obj)
    if isinstance(obj, list):
        return [_plain_strings(v) for v in obj]
    if isinstance(obj, dict):
        return {k: _plain_strings(v) for k, v in obj.items()}
    return obj


def _is_int(v: Any) -> bool:
    try:
        return float(v).is_integer()
    except (TypeError, ValueError):
        return False


def source_line(df: pd.DataFrame) -> str:
    """Source line of a loaded dataset for readers, from its manifest entry (``df.attrs``): the
    publisher, the CBS table and the document by its title (no file names, no dataset ids; the
    figure names its datasets in ``data-datasets``). A stand-in says it is *voorbeeldgegevens*.

    Examples
    --------
    >>> df = pd.DataFrame(); df.attrs = {"dataset": "bev", "manifest": {"source":
    ...     {"organisation": "CBS", "table_id": "03759ned"}, "synthetic": False}}
    >>> source_line(df)
    'CBS, tabel 03759ned'
    >>> df.attrs["manifest"] = {"synthetic": True, "source": {"organisation": "CBS (synthetisch)",
    ...     "table_id": "03759ned", "document": "stand-in-generator"}}
    >>> source_line(df)
    'voorbeeldgegevens in plaats van cijfers van CBS, tabel 03759ned'
    >>> df.attrs["manifest"] = {"synthetic": False, "source": {"organisation": "Gemeente",
    ...     "document": "Plan 2025-2028 (seeds/000_ab12.txt), Bijlage: Agenda"}}
    >>> source_line(df)
    'Gemeente, Plan 2025-2028'
    >>> df.attrs["manifest"] = {"synthetic": True, "source": {"organisation": "Gemeente"}}
    >>> source_line(df)
    'voorbeeldgegevens in plaats van cijfers van de gemeente'
    """
    entry = df.attrs.get("manifest") or {}
    src = entry.get("source") or {}
    parts = [publisher(entry) if src.get("organisation") else "onbekende bron"]
    if src.get("table_id"):
        parts.append(f"tabel {src['table_id']}")
    if src.get("document") and not entry.get("synthetic"):
        parts += document_titles(str(src["document"]), known_documents(), free_text=True)
    text = ", ".join(dict.fromkeys(parts))
    if not entry.get("synthetic"):
        return text
    if text == "Gemeente" or text.startswith("Gemeente,"):  # "van Gemeente" → "van de gemeente"
        text = "de gemeente" + text[len("Gemeente") :]
    return f"voorbeeldgegevens in plaats van cijfers van {text}"


def figure_provenance(df: pd.DataFrame, sources: list[pd.DataFrame] | None) -> Provenance:
    """What a figure was drawn from: the union over ``sources``, each read from its ``attrs``
    (unknown: everything loaded so far); without ``sources``, everything loaded so far and
    what ``df`` carries (fail-safe).

    Examples
    --------
    >>> d = pd.DataFrame(); d.attrs = {"dataset": "x", "manifest": {"synthetic": True}}
    >>> figure_provenance(pd.DataFrame(), [d]).is_synthetic
    True
    """
    if sources:
        return union(provenance_of(f) or session_provenance() for f in sources)
    return session_provenance() | (provenance_of(df) or NONE)


def _meta(
    df: pd.DataFrame, sources: list[pd.DataFrame] | None
) -> tuple[str, Provenance, tuple[str, ...]]:
    frames = sources or [df]
    lines = []
    for f in frames:
        line = source_line(f)
        if line not in lines:
            lines.append(line)
    names = tuple(dict.fromkeys(str(f.attrs["dataset"]) for f in frames if f.attrs.get("dataset")))
    return "; ".join(lines), figure_provenance(df, sources), names


def _title(title: str | Finding) -> tuple[str, Provenance | None]:
    """A title as text, and the provenance of its finding when it is one."""
    if isinstance(title, Finding):
        return title.titel(), title.provenance
    return title, None


def _rows(df: pd.DataFrame, column: str | None) -> list[bool] | None:
    return None if column is None else [bool(v) for v in df[column].fillna(True)]


def _base(df: pd.DataFrame, cols: list[str]) -> alt.Chart:
    used = [c for c in dict.fromkeys(cols) if c]
    return alt.Chart(df[used].reset_index(drop=True))


def _figure(
    df: pd.DataFrame,
    chart: Any,
    *,
    name: str,
    title: tuple[str, Any],
    subtitle: str,
    description: str,
    columns: list[str | None],
    decimals: dict[str, int],
    sources: list[pd.DataFrame] | None,
    synthetisch_kolom: str | None,
) -> Figure:
    """The :class:`Figure` of a chart builder: its table (``columns`` of ``df``, ``None`` left
    out), source line and provenance (from ``sources``, default ``df``), and per-row marks."""
    text, title_prov = title
    source, prov, names = _meta(df, sources)
    return Figure(
        name,
        chart,
        text,
        subtitle,
        description,
        source,
        df[[c for c in columns if c]].reset_index(drop=True),
        prov.is_synthetic,
        decimals,
        prov,
        _rows(df, synthetisch_kolom),
        title_prov,
        bool(sources) and not prov.is_synthetic,
        names,
    )


def line_chart(
    df: pd.DataFrame,
    *,
    name: str,
    x: str,
    y: str,
    title: str | Finding,
    subtitle: str,
    description: str,
    color: str | None = None,
    x_title: str | None = None,
    y_title: str | None = None,
    y_format: str = ",.0f",
    x_type: str = "O",
    sources: list[pd.DataFrame] | None = None,
    decimals: int = 0,
    synthetisch_kolom: str | None = None,
) -> Figure:
    """Lines over time, one per ``color`` group, with points and tooltips.

    Parameters
    ----------
    df
        Tidy data; ``x``, ``y`` and ``color`` are its column names (Dutch headers, they appear in the
        legend and table).
    name, title, subtitle, description
        See :class:`Figure`.
    y_format
        d3 format of the y axis (``",.0f"`` → ``1.234`` in nl-NL).
    sources
        Loaded datasets the figure comes from (default: ``df`` itself) for the source line and
        the provenance (default: everything the chapter loaded so far).
    synthetisch_kolom
        A boolean column of ``df`` saying per row whether it is synthetic (marks in the data
        table); not drawn.

    Examples
    --------
    >>> d = pd.DataFrame({"Jaar": ["2023", "2024"], "Inwoners": [100, 120]})
    >>> f = line_chart(d, name="t", x="Jaar", y="Inwoners", title="Groei",
    ...                subtitle="aantal", description="Van 100 naar 120.")
    >>> f.spec()["mark"]["type"], f.table.shape
    ('line', (2, 2))
    """
    title, title_prov = _title(title)
    enc: dict[str, Any] = {
        "x": alt.X(
            f"{x}:{x_type}",
            title=x_title if x_title is not None else x,
            axis=alt.Axis(labelAngle=0, labelOverlap="greedy"),
        ),
        "y": alt.Y(
            f"{y}:Q", title=y_title if y_title is not None else y, axis=alt.Axis(format=y_format)
        ),
        "tooltip": [alt.Tooltip(f"{x}:{x_type}"), alt.Tooltip(f"{y}:Q", format=y_format)],
    }
    if color:
        enc["color"] = alt.Color(f"{color}:N", title=None)
        enc["tooltip"].insert(0, alt.Tooltip(f"{color}:N"))
    chart = (
        _base(df, [x, y, color])
        .mark_line(point=True)
        .encode(**enc)
        .properties(title=alt.TitleParams(title, subtitle=[subtitle]), description=description)
    )
    return _figure(
        df,
        chart,
        name=name,
        title=(title, title_prov),
        subtitle=subtitle,
        description=description,
        columns=[color, x, y],
        decimals={y: decimals},
        sources=sources,
        synthetisch_kolom=synthetisch_kolom,
    )


def bar_chart(
    df: pd.DataFrame,
    *,
    name: str,
    x: str,
    y: str,
    title: str | Finding,
    subtitle: str,
    description: str,
    color: str | None = None,
    x_title: str | None = None,
    y_title: str | None = None,
    y_format: str = ",.0f",
    horizontal: bool = False,
    sort: list[str] | None = None,
    sources: list[pd.DataFrame] | None = None,
    decimals: int = 0,
    synthetisch_kolom: str | None = None,
) -> Figure:
    """Bars per category; with ``color`` the groups stand side by side (not stacked).

    Examples
    --------
    >>> d = pd.DataFrame({"Leeftijd": ["0-64", "65+"], "Aandeel": [80.0, 20.0]})
    >>> f = bar_chart(d, name="b", x="Leeftijd", y="Aandeel", title="t", subtitle="%",
    ...               description="Twee staven.")
    >>> f.spec()["mark"]["type"]
    'bar'
    """
    title, title_prov = _title(title)
    cat = alt.X(
        f"{x}:N",
        title=x_title if x_title is not None else x,
        sort=sort,
        axis=alt.Axis(labelAngle=0, labelLimit=240),
    )
    val = alt.Y(
        f"{y}:Q", title=y_title if y_title is not None else y, axis=alt.Axis(format=y_format)
    )
    enc: dict[str, Any] = {
        "tooltip": [alt.Tooltip(f"{x}:N"), alt.Tooltip(f"{y}:Q", format=y_format)]
    }
    if horizontal:
        enc["y"] = alt.Y(
            f"{x}:N",
            title=x_title if x_title is not None else x,
            sort=sort,
            axis=alt.Axis(labelLimit=320),
        )
        enc["x"] = alt.X(
            f"{y}:Q", title=y_title if y_title is not None else y, axis=alt.Axis(format=y_format)
        )
    else:
        enc["x"], enc["y"] = cat, val
    if color:
        enc["color"] = alt.Color(f"{color}:N", title=None)
        enc["yOffset" if horizontal else "xOffset"] = (
            alt.XOffset(f"{color}:N") if not horizontal else alt.YOffset(f"{color}:N")
        )
        enc["tooltip"].insert(0, alt.Tooltip(f"{color}:N"))
    chart = (
        _base(df, [x, y, color])
        .mark_bar()
        .encode(**enc)
        .properties(title=alt.TitleParams(title, subtitle=[subtitle]), description=description)
    )
    if horizontal:
        chart = chart.properties(height=alt.Step(22 if not color else 12))
    return _figure(
        df,
        chart,
        name=name,
        title=(title, title_prov),
        subtitle=subtitle,
        description=description,
        columns=[color, x, y],
        decimals={y: decimals},
        sources=sources,
        synthetisch_kolom=synthetisch_kolom,
    )


def interval_chart(
    df: pd.DataFrame,
    *,
    name: str,
    x: str,
    y: str,
    lower: str,
    upper: str,
    title: str | Finding,
    subtitle: str,
    description: str,
    color: str | None = None,
    x_title: str | None = None,
    y_title: str | None = None,
    y_format: str = ",.0f",
    band: bool = False,
    sources: list[pd.DataFrame] | None = None,
    decimals: int = 1,
    synthetisch_kolom: str | None = None,
) -> Figure:
    """Estimates with an interval: error bars (survey %) or, with ``band=True``, a shaded band
    (projections with low/high variants).

    Examples
    --------
    >>> d = pd.DataFrame({"Jaar": ["2022"], "%": [20.0], "laag": [18.0], "hoog": [22.0]})
    >>> f = interval_chart(d, name="i", x="Jaar", y="%", lower="laag", upper="hoog",
    ...                    title="t", subtitle="%", description="Eén schatting.")
    >>> [layer["mark"]["type"] for layer in f.spec()["layer"]]
    ['errorbar', 'point']
    """
    title, title_prov = _title(title)
    xt = x_title if x_title is not None else x
    yt = y_title if y_title is not None else y
    base = _base(df, [x, y, lower, upper, color])
    x_enc = alt.X(f"{x}:O", title=xt, axis=alt.Axis(labelAngle=0, labelOverlap="greedy"))
    enc_color = {"color": alt.Color(f"{color}:N", title=None)} if color else {}
    off = {"xOffset": alt.XOffset(f"{color}:N")} if color and not band else {}
    tooltip = [alt.Tooltip(f"{color}:N")] if color else []
    tooltip += [alt.Tooltip(f"{x}:O")]
    tooltip += [alt.Tooltip(f"{c}:Q", format=y_format) for c in (y, lower, upper)]
    if band:
        spread = base.mark_area(opacity=0.25).encode(
            x=x_enc,
            y=alt.Y(f"{lower}:Q", title=yt, axis=alt.Axis(format=y_format)),
            y2=f"{upper}:Q",
            **enc_color,
        )
        centre = base.mark_line(point=True).encode(
            x=x_enc, y=alt.Y(f"{y}:Q"), tooltip=tooltip, **enc_color
        )
    else:
        spread = base.mark_errorbar(ticks=True).encode(
            x=x_enc,
            y=alt.Y(f"{lower}:Q", title=yt, axis=alt.Axis(format=y_format)),
            y2=f"{upper}:Q",
            **enc_color,
            **off,
        )
        centre = base.mark_point().encode(
            x=x_enc, y=alt.Y(f"{y}:Q"), tooltip=tooltip, **enc_color, **off
        )
    chart = alt.layer(spread, centre).properties(
        title=alt.TitleParams(title, subtitle=[subtitle]), description=description
    )
    return _figure(
        df,
        chart,
        name=name,
        title=(title, title_prov),
        subtitle=subtitle,
        description=description,
        columns=[color, x, y, lower, upper],
        decimals={y: decimals, lower: decimals, upper: decimals},
        sources=sources,
        synthetisch_kolom=synthetisch_kolom,
    )


def mark_method_break(
    fig: Figure, at: str | None, label: str = "methodewijziging CBS dec. 2024"
) -> Figure:
    """Add a dashed vertical rule with a short label at the x position ``at`` of a chart.

    The figure's title, subtitle and description stay on the outer (layered) chart, so the book
    renders them once. With ``at=None`` the figure is returned unchanged.

    Examples
    --------
    >>> d = pd.DataFrame({"Periode": ["2024-1e half", "2024-2e half"], "Aantal": [1, 2]})
    >>> f = line_chart(d, name="t", x="Periode", y="Aantal", title="T", subtitle="s",
    ...                description="d")
    >>> len(mark_method_break(f, "2024-2e half").spec()["layer"])
    3
    """
    if at is None:
        return fig
    spec = fig.spec()
    x = spec["encoding"]["x"]["field"]
    inner = fig.chart.copy()
    title, description = inner.title, inner.description
    inner.title = alt.Undefined
    inner.description = alt.Undefined
    mark = pd.DataFrame({x: [at], "Opmerking": [label]})
    rule = (
        alt.Chart(mark)
        .mark_rule(strokeDash=[4, 4], color="#555555")
        .encode(x=alt.X(f"{x}:O"), tooltip=[alt.Tooltip("Opmerking:N")])
    )
    text = (
        alt.Chart(mark)
        .mark_text(align="left", baseline="top", dx=4, y=4, fontSize=11, color="#333333")
        .encode(x=alt.X(f"{x}:O"), text="Opmerking:N")
    )
    layered = alt.layer(inner, rule, text).properties(title=title, description=description)
    return dataclasses.replace(fig, chart=layered)
