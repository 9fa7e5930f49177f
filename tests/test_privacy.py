import pandas as pd
import pytest

from analysis.core.errors import PrivacyError
from analysis.data.privacy import (
    check_no_personal_data,
    is_bsn,
    mask_percentages,
    secondary_suppression,
    suppress_counts,
)


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("111222333", True),
        ("123456782", True),
        ("123456789", False),
        ("12345", False),
        ("000000000", False),
    ],
)
def test_elfproef(value, ok):
    assert is_bsn(value) is ok


def test_suppression_below_ten_and_rounding_to_five():
    out = suppress_counts(pd.Series([0, 9, 10, 11, 12, 13, 17, 18, 1003, None]))
    assert out.tolist() == [pd.NA, pd.NA, 10, 10, 10, 15, 15, 20, 1005, pd.NA]


def test_secondary_suppression_hides_the_next_smallest_cell():
    t = pd.DataFrame(
        {"a": [None, 20, None], "b": [15, 30, None], "c": [40, 50, 60], "tot": [60, 100, 70]}
    ).astype("Int64")
    out = secondary_suppression(t, ["a", "b", "c"], "tot")
    assert out["b"].isna().tolist() == [True, False, True]  # row 0: b hidden too
    assert out["c"].tolist() == [40, 50, 60]  # row 2 already had two hidden
    assert secondary_suppression(t, ["a", "b", "c"], None).equals(t)


def test_percentages_need_minimum_n():
    out = mask_percentages(pd.Series([10.0, 20.0, 30.0]), [49, 50, 500], min_n=50)
    assert out.isna().tolist() == [True, False, False]


@pytest.mark.parametrize("col", ["BSN", "Naam", "geboortedatum", "Adres", "postcode"])
def test_person_columns_refused(col):
    with pytest.raises(PrivacyError, match="persoonsgegevens geweigerd") as err:
        check_no_personal_data(pd.DataFrame({col: ["x"]}, dtype="string"), "in.csv")
    assert err.value.column == col


def test_bsn_value_refused_with_row():
    df = pd.DataFrame({"code": ["A", "111222333"]}, dtype="string")
    with pytest.raises(PrivacyError, match="elfproef") as err:
        check_no_personal_data(df, "in.csv")
    assert (err.value.row, err.value.column) == (3, "code")


def test_full_postcode_value_refused_but_four_digits_allowed():
    check_no_personal_data(pd.DataFrame({"pc4": ["2101"]}, dtype="string"), "in.csv")
    with pytest.raises(PrivacyError, match="volledige postcode"):
        check_no_personal_data(pd.DataFrame({"pc": ["2101 AB"]}, dtype="string"), "in.csv")


def _figure(values, dataset="loket"):
    from analysis.present import charts

    df = pd.DataFrame(
        {
            "Maand": [f"2025-0{i + 1}" for i in range(len(values))],
            "Meldingen": pd.array(values, dtype="Int64"),
        }
    )
    df.attrs = {
        "dataset": dataset,
        "manifest": {"source": {"organisation": "Gemeente"}, "synthetic": False},
    }
    return charts.bar_chart(
        df, name="m", x="Maand", y="Meldingen", title="t", subtitle="s", description="d"
    ).to_html()


MANIFEST = {"loket": {"privacy": "kleine_aantallen"}, "cbs": {}}


def test_scan_finds_unsuppressed_counts_in_spec_and_table(tmp_path):
    (tmp_path / "p.html").write_text(_figure([120, 7, 13]), encoding="utf-8")
    from analysis.data.privacy import scan_edition

    problems = scan_edition(tmp_path, MANIFEST)
    assert any("waarde 7 in 'Meldingen'" in p for p in problems)
    assert any("waarde 13" in p for p in problems)  # not rounded to 5
    assert any("tabelwaarde 7" in p for p in problems)


def test_scan_accepts_suppressed_counts_and_other_datasets(tmp_path):
    from analysis.data.privacy import scan_edition

    clean = suppress_counts(pd.Series([120, 7, 13])).tolist()
    (tmp_path / "a.html").write_text(_figure(clean), encoding="utf-8")
    (tmp_path / "b.html").write_text(_figure([1, 2, 3], dataset="cbs"), encoding="utf-8")
    assert scan_edition(tmp_path, MANIFEST) == []


def test_scan_finds_small_counts_also_in_cells_marked_synthetic(tmp_path):
    """A marked cell (span, sign, screen-reader text) is still read as its number."""
    from analysis.core.provenance import Provenance
    from analysis.data.privacy import scan_edition
    from analysis.present import charts

    df = pd.DataFrame({"Maand": ["2025-01", "2025-02"], "Meldingen": pd.array([120, 7], "Int64")})
    df.attrs = {"dataset": "loket", "manifest": {"source": {}, "synthetic": True}}
    df.attrs["herkomst"] = Provenance.dataset("loket", synthetic=True)
    fig = charts.bar_chart(
        df, name="m", x="Maand", y="Meldingen", title="t", subtitle="s", description="d"
    )
    assert 'data-herkomst="synthetisch">7<sup' in fig.to_html()
    (tmp_path / "p.html").write_text(fig.to_html(), encoding="utf-8")
    assert any("tabelwaarde 7" in p for p in scan_edition(tmp_path, MANIFEST))
