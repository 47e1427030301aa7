"""Unit tests of `doanreport.rollup.selection`: which of a unit's files count for a report period."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from doanreport.model.periods import Period, parse
from doanreport.rollup.selection import SetAside, _best, choose


def pick(files: dict[str, str], report: str) -> tuple[list[str], list[tuple[str, str, tuple[str, ...]]]]:
    """choose() over files named by their written period: chosen names, and (name, reason, instead) set aside."""
    names = list(files)
    chosen, aside = choose(names, [parse(files[n]) for n in names], parse(report))
    return chosen, [(a.item, a.reason, a.instead) for a in aside]


def test_nothing_to_choose_from():
    assert choose([], [], parse("2012")) == ([], [])


def test_files_outside_the_report_are_ignored_silently():
    assert pick({"q4-2011": "2011Q4", "q2": "2012Q2"}, "2012Q1") == ([], [])


def test_a_file_straddling_the_report_is_set_aside_as_partial():
    chosen, aside = pick({"straddle": "2011M12..2012M01", "q1": "2012Q1"}, "2012Q1")
    assert chosen == ["q1"]
    assert aside == [("straddle", "partial", ())]


def test_non_overlapping_files_are_all_chosen_in_time_order():
    chosen, aside = pick({"m3": "2012M03", "m1": "2012M01", "m2": "2012M02"}, "2012Q1")
    assert chosen == ["m1", "m2", "m3"] and aside == []


def test_a_longer_file_wins_over_shorter_ones_covering_the_same_months():
    chosen, aside = pick({"q1": "2012Q1", "q2": "2012Q2", "h1": "2012H1"}, "2012H1")
    assert chosen == ["h1"]
    assert aside == [("q1", "overlap", ("h1",)), ("q2", "overlap", ("h1",))]


def test_most_months_win_over_fewest_files():
    chosen, aside = pick({"feb-jul": "2012M02..2012M07", "q1": "2012Q1", "q2": "2012Q2", "q3": "2012Q3"}, "2012")
    assert chosen == ["q1", "q2", "q3"]
    assert aside == [("feb-jul", "overlap", ("q1", "q2", "q3"))]


def test_instead_names_only_the_chosen_files_that_overlap():
    chosen, aside = pick({"q1": "2012Q1", "q2": "2012Q2", "feb": "2012M02"}, "2012H1")
    assert chosen == ["q1", "q2"]
    assert aside == [("feb", "overlap", ("q1",))]


def test_a_year_file_wins_over_a_december_file():
    chosen, aside = pick({"year": "2012", "dec": "2012M12"}, "2012")
    assert chosen == ["year"] and aside == [("dec", "overlap", ("year",))]
    assert pick({"year": "2012", "dec": "2012M12"}, "2012Q4") == (["dec"], [("year", "partial", ())])


def test_a_tie_goes_to_the_earliest_listed_file():
    assert pick({"first": "2012Q1", "second": "2012Q1"}, "2012Q1") == (["first"], [("second", "overlap", ("first",))])
    assert pick({"second": "2012Q1", "first": "2012Q1"}, "2012Q1") == (["second"], [("first", "overlap", ("second",))])
    many = {f"f{i}": "2012M02" for i in range(5)}
    assert pick(many, "2012Q1")[0] == ["f0"]


def test_a_tie_between_shifted_files_goes_to_the_one_that_ends_first():
    assert pick({"jan-feb": "2012M01..2012M02", "feb-mar": "2012M02..2012M03"}, "2012Q1")[0] == ["jan-feb"]
    assert pick({"feb-mar": "2012M02..2012M03", "jan-feb": "2012M01..2012M02"}, "2012Q1")[0] == ["jan-feb"]


def test_fewest_files_among_sets_of_equal_months():
    chosen, aside = pick({"m1": "2012M01", "m2": "2012M02", "m3": "2012M03", "q1": "2012Q1", "q2": "2012Q2"}, "2012H1")
    assert chosen == ["q1", "q2"]
    assert [a[0] for a in aside] == ["m1", "m2", "m3"]


def test_set_aside_record_defaults():
    assert SetAside("x", "partial") == SetAside("x", "partial", ())


def test_best_returns_indexes_in_time_order():
    inside = [(parse("2012Q3"), 0), (parse("2012Q1"), 1), (parse("2012Q2"), 2)]
    assert _best(inside) == [1, 2, 0]
    assert _best([]) == []


# --- against brute force ----------------------------------------------------------


def _brute(periods: list[Period]) -> tuple[int, int]:
    """(most months, fewest files) over every non-overlapping subset."""
    best = (0, 0)
    for r in range(len(periods) + 1):
        for subset in itertools.combinations(periods, r):
            if all(not a.overlaps(b) for a, b in itertools.combinations(subset, 2)):
                best = max(best, (sum(p.months for p in subset), -len(subset)))
    return best


spans = st.tuples(st.integers(0, 11), st.integers(1, 12)).map(lambda t: Period(2012 * 12 + t[0], 2012 * 12 + min(12, t[0] + t[1])))


@given(st.lists(spans, max_size=7))
def test_choice_is_optimal_and_never_overlaps(periods):
    report = parse("2012")
    chosen, aside = choose(list(range(len(periods))), periods, report)
    picked = [periods[i] for i in chosen]
    assert all(not a.overlaps(b) for a, b in itertools.combinations(picked, 2))
    assert (sum(p.months for p in picked), -len(picked)) == _brute(periods)
    assert [p.start for p in picked] == sorted(p.start for p in picked)
    # every file is either chosen or set aside, once, and each set-aside one names its overlapping rivals
    assert sorted(chosen + [a.item for a in aside]) == list(range(len(periods)))
    for a in aside:
        assert a.reason == "overlap"
        assert a.instead == tuple(i for i in chosen if periods[i].overlaps(periods[a.item]))
        assert a.instead  # a file is only set aside for a chosen one covering its months
