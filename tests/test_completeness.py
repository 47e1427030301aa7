"""Unit tests of `doanreport.rollup.completeness`: who was expected, who reported and how."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from doanreport.rollup.completeness import NO_COMPLETENESS, NOT_REPORTED, Completeness, Reporting, plus

Q1 = frozenset(range(2012 * 12, 2012 * 12 + 3))  # the month indexes of 2012Q1
JAN, FEB, MAR = sorted(Q1)


def test_reporting_plus_joins_months_and_keeps_late_and_undated():
    a = Reporting(frozenset({JAN}))
    b = Reporting(frozenset({FEB}), late=True)
    c = Reporting(frozenset({MAR}), undated=True)
    assert a.plus(b) == Reporting(frozenset({JAN, FEB}), late=True, undated=False)
    assert b.plus(a) == Reporting(frozenset({JAN, FEB}), late=True, undated=False)
    assert a.plus(c) == Reporting(frozenset({JAN, MAR}), late=False, undated=True)
    assert a.plus(NOT_REPORTED) == a
    assert NOT_REPORTED == Reporting(frozenset(), late=False, undated=False)


def test_lists_derived_from_the_reporting():
    done = Completeness(
        expected=("a", "b", "c", "d", "e"),
        active={"a": 3, "b": 3, "c": 3, "d": 2, "e": 3},
        reporting={
            "a": Reporting(Q1),
            "b": Reporting(frozenset({JAN}), late=True),
            "d": Reporting(frozenset({FEB, MAR}), undated=True),
            "e": Reporting(frozenset(), late=True),  # a late word about no months is not a report
            "x": Reporting(Q1),  # reported, but not expected: no list names it
        },
    )
    assert done.months == {"a": 3, "b": 1, "c": 0, "d": 2, "e": 0}
    assert done.reported == ("a", "b", "d")
    assert done.missing == ("c", "e")
    assert done.late == ("b",)
    assert done.partial == ("b",)  # d was active two months and covered both
    assert done.undated == ("d",)
    assert done.of("x") == Reporting(Q1)
    assert done.of("nobody") == NOT_REPORTED


def test_no_completeness_is_empty():
    assert NO_COMPLETENESS == Completeness((), {}, {})
    assert NO_COMPLETENESS.expected == () and NO_COMPLETENESS.reported == () and NO_COMPLETENESS.missing == ()
    assert NO_COMPLETENESS.months == {}


def test_plus_keeps_the_expected_in_order_and_merges_a_unit_reported_twice():
    own = Completeness(("a",), {"a": 3}, {"a": Reporting(frozenset({JAN}))})
    kids = Completeness(("b", "c"), {"b": 3, "c": 3}, {"b": Reporting(Q1, late=True)})
    above = Completeness((), {}, {"a": Reporting(frozenset({FEB, MAR}), undated=True), "c": Reporting(Q1)})
    done = plus([own, kids, above])
    assert done.expected == ("a", "b", "c")
    assert dict(done.active) == {"a": 3, "b": 3, "c": 3}
    assert done.of("a") == Reporting(Q1, late=False, undated=True)
    assert done.reported == ("a", "b", "c") and done.partial == () and done.missing == ()
    assert done.late == ("b",) and done.undated == ("a",)


def test_plus_of_nothing():
    assert plus([]) == NO_COMPLETENESS
    assert plus([NO_COMPLETENESS, NO_COMPLETENESS]) == NO_COMPLETENESS


reportings = st.builds(Reporting, st.frozensets(st.sampled_from(sorted(Q1))), st.booleans(), st.booleans())
parts = st.builds(
    lambda codes, reps: Completeness(tuple(codes), {c: 3 for c in codes}, reps),
    st.lists(st.sampled_from("abc"), unique=True, max_size=2),
    st.dictionaries(st.sampled_from("abcd"), reportings, max_size=3),
)


@given(st.lists(parts, max_size=4))
def test_plus_is_associative_and_reporting_does_not_depend_on_order(items):
    whole = plus(items)
    assert plus([plus(items[:2]), plus(items[2:])]) == whole
    reversed_ = plus(list(reversed(items)))
    assert dict(reversed_.reporting) == dict(whole.reporting)
    assert sorted(reversed_.expected) == sorted(whole.expected)
