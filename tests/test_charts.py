"""Chart builders: house style, Dutch number format, text alternative, data table, determinism."""

import json
import re

import pandas as pd
import pytest

from analysis.present import charts


@pytest.fixture
def fig():
    df = pd.DataFrame({"Jaar": ["2023", "2024"], "Inwoners": [1000, 12345], "geheim": [7, 8]})
    df.attrs = {
        "dataset": "bev",
        "manifest": {"source": {"organisation": "CBS", "table_id": "03759ned"}, "synthetic": False},
    }
    return charts.line_chart(
        df,
        name="groei",
        x="Jaar",
        y="Inwoners",
        title="Groei tot 2024",
        subtitle="aantal inwoners",
        description="Van 1.000 naar 12.345.",
    )


def test_spec_carries_title_subtitle_and_description(fig):
    spec = fig.spec()
    assert spec["title"] == {"text": "Groei tot 2024", "subtitle": ["aantal inwoners"]}
    assert spec["description"] == "Van 1.000 naar 12.345."
    assert spec["config"]["range"]["category"][0] == charts.PALETTE[0]


def test_only_encoded_columns_are_embedded(fig):
    spec = fig.spec()
    values = next(iter(spec["datasets"].values()))
    assert set(values[0]) == {"Jaar", "Inwoners"}  # 'geheim' never leaves the notebook


def test_svg_uses_dutch_number_format(fig):
    svg = fig.svg()
    labels = re.findall(r">([0-9][0-9.,]*)<", svg)
    assert "12.000" in labels and "2.000" in labels
    assert 'aria-hidden="true"' in svg


def test_html_has_accessible_structure_and_source(fig):
    out = fig.to_html()
    assert 'id="fig-groei"' in out and 'role="img"' in out
    assert 'aria-label="Van 1.000 naar 12.345."' in out
    # readers get the publisher and table, the dataset id stays out of the text (issue 15.5)
    assert '<p class="wmo-bron" data-datasets="bev">Bron: CBS, tabel 03759ned</p>' in out
    assert '<th scope="col">Inwoners</th>' in out and '<td class="num">12.345</td>' in out
    spec = json.loads(re.search(r'id="fig-groei-spec">(.*?)</script>', out).group(1))
    assert spec["description"] == "Van 1.000 naar 12.345."
    assert "title" not in spec and spec["width"] == charts.WIDTH  # caption carries the title
    assert out.count("Groei tot 2024") == 2  # caption + table caption, not inside the image


def test_rendering_is_deterministic(fig):
    assert fig.to_html() == fig.to_html()


def test_synthetic_source_is_labelled():
    df = pd.DataFrame({"Jaar": ["2024"], "Aantal": [10]})
    df.attrs = {
        "dataset": "wmo",
        "manifest": {"source": {"organisation": "CBS"}, "synthetic": True},
    }
    f = charts.bar_chart(
        df, name="w", x="Jaar", y="Aantal", title="t", subtitle="s", description="d"
    )
    out = f.to_html()
    assert f.synthetic and "Bron: voorbeeldgegevens in plaats van cijfers van CBS</p>" in out
    assert "(dataset" not in out and "stand-in" not in out


def test_figure_requires_description_and_valid_name():
    df = pd.DataFrame({"x": ["a"], "y": [1]})
    with pytest.raises(ValueError, match="tekstalternatief"):
        charts.bar_chart(df, name="ok", x="x", y="y", title="t", subtitle="s", description=" ")
    with pytest.raises(ValueError, match="ongeldige figuurnaam"):
        charts.bar_chart(
            df, name="Met Spatie", x="x", y="y", title="t", subtitle="s", description="d"
        )


def test_interval_band_chart_layers():
    df = pd.DataFrame(
        {
            "Jaar": ["2030", "2040"],
            "Midden": [10.0, 12.0],
            "Laag": [9.0, 10.0],
            "Hoog": [11.0, 14.0],
        }
    )
    f = charts.interval_chart(
        df,
        name="p",
        x="Jaar",
        y="Midden",
        lower="Laag",
        upper="Hoog",
        title="t",
        subtitle="s",
        description="d",
        band=True,
    )
    assert [layer["mark"]["type"] for layer in f.spec()["layer"]] == ["area", "line"]
    assert list(f.table.columns) == ["Jaar", "Midden", "Laag", "Hoog"]


def test_crowded_time_axes_hide_overlapping_labels():
    """Sixteen quarters on a narrow chart printed their labels over each other ('2023K32023K4'):
    time axes drop labels that would overlap (the data table keeps every period)."""
    d = pd.DataFrame(
        {
            "Kwartaal": [f"{y}K{q}" for y in range(2022, 2026) for q in range(1, 5)],
            "Meldingen": range(16),
        }
    )
    f = charts.line_chart(
        d, name="k", x="Kwartaal", y="Meldingen", title="t", subtitle="s", description="d"
    )
    assert f.spec()["encoding"]["x"]["axis"]["labelOverlap"] == "greedy"
    assert len(f.table) == 16
