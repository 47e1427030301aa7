"""Unit tests of `doanreport.rollup.measures`: one indicator's rule over time and over units."""

from __future__ import annotations

import textwrap

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from doanreport.load.submission import Submission
from doanreport.model.catalog import Catalog, Indicator
from doanreport.model.facts import Facts
from doanreport.rollup.measures import EMPTY, NO_RATE, Measure, RatePool, over_time, plus


def indicator(code: str, aggregate: str, weight: str | None = None, unit: str = "lượt") -> Indicator:
    return Indicator(code=code, label=code, unit=unit, aggregate=aggregate, weight=weight, help=None, source="test")


# A catalog of one indicator of each rule: a flow, a stock, and a rate weighted by the stock.
CATALOG = Catalog(
    {
        "g.cuoc": indicator("g.cuoc", "sum", unit="cuộc"),
        "g.doan_vien": indicator("g.doan_vien", "last", unit="đoàn viên"),
        "g.ty_le": indicator("g.ty_le", "mean", weight="g.doan_vien", unit="%"),
        "g.ty_le_khac": indicator("g.ty_le_khac", "mean", unit="%"),  # a rate with no weight indicator
    },
    {"g": "Nhóm thử"},
    [],
)


def facts(text: str) -> Facts:
    """A submission's facts from inline YAML (unit and period default to a and 2012Q1)."""
    data = {"unit": "a", "period": "2012Q1", **yaml.safe_load(textwrap.dedent(text))}
    return Submission.model_validate(data).facts()


# --- RatePool -------------------------------------------------------------------


def test_rate_pool_is_the_weighted_mean():
    pool = RatePool(weighted=90 * 100 + 50 * 300, weight=400, plain=140, units=2)
    assert pool.rate() == 60


def test_rate_pool_with_zero_weight_is_the_plain_mean_over_its_units():
    assert RatePool(weighted=0, weight=0, plain=100, units=1).rate() == 100
    assert RatePool(weighted=0, weight=0, plain=180, units=2).rate() == 90
    assert RatePool(weighted=0, weight=0, plain=150, units=3).rate() == 50


def test_an_empty_rate_pool_has_no_rate():
    assert NO_RATE.rate() is None
    assert RatePool().rate() is None


def test_rate_pools_add_field_by_field():
    a = RatePool(weighted=1.5, weight=2.0, plain=3.0, units=1)
    b = RatePool(weighted=10.0, weight=20.0, plain=30.0, units=4)
    assert a.plus(b) == RatePool(weighted=11.5, weight=22.0, plain=33.0, units=5)
    assert a.plus(NO_RATE) == a


# --- Measure ----------------------------------------------------------------------


def test_final_gives_values_and_rates_and_leaves_out_rates_nobody_gave():
    measure = Measure(
        values={"g.cuoc": 7, "g.doan_vien": 40},
        means={"g.ty_le": RatePool(weighted=3600, weight=40, plain=90, units=1), "g.ty_le_khac": NO_RATE},
        coverage={"g.cuoc": 1},
    )
    assert measure.final() == {"g.cuoc": 7, "g.doan_vien": 40, "g.ty_le": 90}
    assert measure.weights() == {"g.ty_le": 40, "g.ty_le_khac": 0}


def test_empty_measure():
    assert EMPTY.final() == {} and EMPTY.weights() == {} and dict(EMPTY.coverage) == {}


# --- plus: over units -------------------------------------------------------------


def test_plus_adds_values_pools_rates_and_adds_coverage():
    a = Measure({"g.cuoc": 2, "g.doan_vien": 10}, {"g.ty_le": RatePool(900, 10, 90, 1)}, {"g.cuoc": 1, "g.ty_le": 1})
    b = Measure({"g.cuoc": 3}, {"g.ty_le": RatePool(1500, 30, 50, 1)}, {"g.cuoc": 2, "g.ty_le": 1})
    total = plus([a, b])
    assert dict(total.values) == {"g.cuoc": 5, "g.doan_vien": 10}
    assert dict(total.means) == {"g.ty_le": RatePool(2400, 40, 140, 2)}
    assert dict(total.coverage) == {"g.cuoc": 3, "g.ty_le": 2}
    assert total.final()["g.ty_le"] == 60


def test_plus_of_nothing_is_empty():
    assert plus([]) == EMPTY
    assert plus([EMPTY, EMPTY]) == EMPTY


def test_plus_keeps_a_reported_zero():
    total = plus([Measure({"g.cuoc": 0}, {}, {"g.cuoc": 1}), EMPTY])
    assert dict(total.values) == {"g.cuoc": 0} and dict(total.coverage) == {"g.cuoc": 1}


pools = st.builds(RatePool, st.integers(0, 10**6).map(float), st.integers(0, 10**4).map(float),
                  st.integers(0, 100).map(float), st.integers(0, 50))
measures = st.builds(
    Measure,
    st.dictionaries(st.sampled_from(["g.cuoc", "g.doan_vien"]), st.integers(0, 1000)),
    st.dictionaries(st.sampled_from(["g.ty_le", "g.ty_le_khac"]), pools),
    st.dictionaries(st.sampled_from(["g.cuoc", "g.doan_vien", "g.ty_le"]), st.integers(0, 20)),
)


@given(measures, measures, measures)
def test_plus_is_associative_and_commutative(a, b, c):
    assert plus([plus([a, b]), c]) == plus([a, plus([b, c])]) == plus([c, b, a]) == plus([a, b, c])


# --- over_time: one unit's files ----------------------------------------------------


def test_over_time_sums_flows_keeps_the_last_stock_and_counts_one_unit():
    files = [
        facts("values: {g: {cuoc: 1, doan_vien: 20}}"),
        facts("{period: 2012Q2, values: {g: {cuoc: 2}}}"),
        facts("{period: 2012Q3, values: {g: {cuoc: 4, doan_vien: 25}}}"),
    ]
    measure = over_time(files, CATALOG)
    assert dict(measure.values) == {"g.cuoc": 7, "g.doan_vien": 25}
    assert dict(measure.coverage) == {"g.cuoc": 1, "g.doan_vien": 1}
    assert dict(measure.means) == {}


def test_over_time_stock_given_only_early_is_kept():
    files = [facts("values: {g: {doan_vien: 20}}"), facts("{period: 2012Q2, values: {g: {cuoc: 2}}}")]
    assert dict(over_time(files, CATALOG).values) == {"g.doan_vien": 20, "g.cuoc": 2}


def test_over_time_ignores_codes_the_catalog_does_not_know():
    measure = over_time([facts("values: {khac: {cai_gi: 5}, g: {cuoc: 1}}")], CATALOG)
    assert dict(measure.values) == {"g.cuoc": 1}
    assert dict(measure.coverage) == {"g.cuoc": 1}


def test_over_time_rate_weighted_by_the_weight_in_the_same_file_then_counted_with_the_latest_weight():
    files = [
        facts("values: {g: {doan_vien: 40, ty_le: 90}}"),
        facts("{period: 2012Q2, values: {g: {doan_vien: 50, ty_le: 100}}}"),
    ]
    pool = over_time(files, CATALOG).means["g.ty_le"]
    rate = (90 * 40 + 100 * 50) / 90
    assert pool.rate() == pytest.approx(rate)
    assert pool.weight == 50 and pool.units == 1
    assert pool.weighted == pytest.approx(rate * 50)
    assert pool.plain == pytest.approx(rate)


def test_over_time_rate_without_its_weight_counts_with_weight_one():
    pool = over_time([facts("values: {g: {ty_le: 80}}")], CATALOG).means["g.ty_le"]
    assert pool == RatePool(weighted=80, weight=1, plain=80, units=1)
    # beside a file that gives its weight, it counts as one member
    files = [facts("values: {g: {ty_le: 90}}"), facts("{period: 2012Q2, values: {g: {ty_le: 50, doan_vien: 1}}}")]
    assert over_time(files, CATALOG).means["g.ty_le"].rate() == 70


def test_over_time_rate_of_an_indicator_with_no_weight_counts_with_weight_one():
    files = [facts("values: {g: {ty_le_khac: 60, doan_vien: 30}}"), facts("{period: 2012Q2, values: {g: {ty_le_khac: 80}}}")]
    assert over_time(files, CATALOG).means["g.ty_le_khac"] == RatePool(weighted=70, weight=1, plain=70, units=1)


def test_over_time_rate_with_zero_weights_is_the_plain_mean_of_its_files():
    files = [
        facts("values: {g: {doan_vien: 0, ty_le: 100}}"),
        facts("{period: 2012Q2, values: {g: {doan_vien: 0, ty_le: 50}}}"),
    ]
    pool = over_time(files, CATALOG).means["g.ty_le"]
    assert pool == RatePool(weighted=0, weight=0, plain=75, units=1)
    assert pool.rate() == 75


def test_over_time_rate_weight_from_the_rollup_weights_first():
    rollup = facts("""
        scope: rollup
        values: {g: {doan_vien: 500, ty_le: 80}}
        weights: {g.ty_le: 400}
        coverage: {g.ty_le: 3, g.doan_vien: 5}
    """)
    measure = over_time([rollup], CATALOG)
    assert measure.means["g.ty_le"] == RatePool(weighted=80 * 400, weight=400, plain=80, units=1)
    assert dict(measure.coverage) == {"g.ty_le": 3, "g.doan_vien": 5}


def test_over_time_rollup_rate_missing_from_its_weights_stands_on_no_weight():
    # what `aggregate --format yaml` writes for a rate whose subtree gave it no weight (zeros are left out)
    rollup = facts("""
        scope: rollup
        values: {g: {doan_vien: 500, ty_le: 80}}
        weights: {}
    """)
    assert over_time([rollup], CATALOG).means["g.ty_le"] == RatePool(weighted=0, weight=0, plain=80, units=1)


def test_over_time_rollup_without_weights_falls_back_to_its_weight_indicator():
    rollup = facts("{scope: rollup, values: {g: {doan_vien: 500, ty_le: 80}}}")
    assert over_time([rollup], CATALOG).means["g.ty_le"].weight == 500


def test_over_time_rollup_coverage_missing_for_a_code_counts_one_unit():
    rollup = facts("""
        scope: rollup
        values: {g: {cuoc: 9, doan_vien: 12}}
        coverage: {g.cuoc: 4}
    """)
    assert dict(over_time([rollup], CATALOG).coverage) == {"g.cuoc": 4, "g.doan_vien": 1}


def test_over_time_coverage_keeps_the_most_units_any_file_had():
    files = [
        facts("{scope: rollup, values: {g: {cuoc: 1, doan_vien: 3}}, coverage: {g.cuoc: 5, g.doan_vien: 2}}"),
        facts("{period: 2012Q2, scope: rollup, values: {g: {cuoc: 1, doan_vien: 4}}, coverage: {g.cuoc: 3, g.doan_vien: 6}}"),
        facts("{period: 2012Q3, values: {g: {cuoc: 1}}}"),
    ]
    assert dict(over_time(files, CATALOG).coverage) == {"g.cuoc": 5, "g.doan_vien": 6}


def test_over_time_rollup_coverage_of_zero_is_kept():
    rollup = facts("{scope: rollup, values: {g: {cuoc: 0}}, coverage: {g.cuoc: 0}}")
    assert dict(over_time([rollup], CATALOG).coverage) == {"g.cuoc": 0}


def test_over_time_of_no_files_is_empty():
    assert over_time([], CATALOG) == EMPTY
