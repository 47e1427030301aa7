"""Aggregation over the tree and over time: pinned cases and properties."""

from __future__ import annotations

import textwrap
from datetime import date

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doanreport.load.catalog_file import build_catalog, builtin_document
from doanreport.load.source import parse_yaml
from doanreport.load.submission import Submission
from doanreport.load.tree import build_tree
from doanreport.model.facts import Sourced
from doanreport.model.periods import Period, parse
from doanreport.report.exports import to_rollup_yaml
from doanreport.rollup.aggregation import aggregate, due_date, index_by_unit, rule_warnings
from doanreport.rollup.measures import NO_RATE

CATALOG, _ = build_catalog([builtin_document()])

TREE_YAML = """\
code: dk
name: Đoàn Khối
kind: doan_khoi
children:
  - {code: a, name: Chi đoàn A, kind: chi_doan_co_so}
  - {code: b, name: Chi đoàn B, kind: chi_doan_co_so}
  - code: d
    name: Đoàn cơ sở D
    kind: doan_co_so
    children:
      - {code: d1, name: Chi đoàn D1, kind: chi_doan}
      - {code: d2, name: Chi đoàn D2, kind: chi_doan, dissolved: 2012-01-01}
      - {code: d3, name: Chi đoàn D3, kind: chi_doan, established: 2012-02-10}
"""


def tree_of(text: str = TREE_YAML):
    doc, diags = parse_yaml(textwrap.dedent(text), "units.yaml")
    tree, diags = build_tree(doc)
    assert tree is not None, diags
    return tree


TREE = tree_of()


def sub(text: str, file: str = "f.yaml") -> Sourced:
    return Sourced(file, Submission.model_validate(yaml.safe_load(textwrap.dedent(text))).facts())


def agg(files, period: str, unit: str = "dk", deadline: int | None = 20, tree=TREE):
    return aggregate(tree, CATALOG, files, unit, parse(period), deadline)


# --- pinned cases -------------------------------------------------------------

def test_monthly_files_make_a_quarter_and_a_stock_takes_the_last_month():
    files = [
        sub("""
            unit: a
            period: 2012M01
            values: {to_chuc: {doan_vien: 20}, tuyen_truyen: {cuoc: 1}}
        """, "m1"),
        sub("""
            unit: a
            period: 2012M02
            values: {to_chuc: {doan_vien: 22}, tuyen_truyen: {cuoc: 2}}
        """, "m2"),
        sub("""
            unit: a
            period: 2012M03
            values: {to_chuc: {doan_vien: 25}, tuyen_truyen: {cuoc: 4}}
        """, "m3"),
    ]
    result = agg(files, "2012Q1")
    assert result.values["tuyen_truyen.cuoc"] == 7
    assert result.values["to_chuc.doan_vien"] == 25
    assert result.completeness.months["a"] == 3
    assert "a" not in result.completeness.partial


def test_stock_takes_the_latest_month_that_reported_it():
    files = [
        sub("unit: a\nperiod: 2012M01\nvalues: {to_chuc: {doan_vien: 20}}", "m1"),
        sub("unit: a\nperiod: 2012M02\nvalues: {tuyen_truyen: {cuoc: 2}}", "m2"),
    ]
    assert agg(files, "2012Q1").values["to_chuc.doan_vien"] == 20


def test_half_year_file_wins_over_its_two_quarters():
    files = [
        sub("unit: a\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 3}}", "q1"),
        sub("unit: a\nperiod: 2012Q2\nvalues: {tuyen_truyen: {cuoc: 4}}", "q2"),
        sub("unit: a\nperiod: 2012H1\nvalues: {tuyen_truyen: {cuoc: 10}}", "h1"),
    ]
    result = agg(files, "2012H1")
    assert result.values["tuyen_truyen.cuoc"] == 10
    assert sorted((a.file, a.reason, a.instead) for a in result.set_aside) == [
        ("q1", "overlap", ("h1",)),
        ("q2", "overlap", ("h1",)),
    ]
    # the quarters still serve a report of one quarter
    assert agg(files, "2012Q2").values["tuyen_truyen.cuoc"] == 4


def test_whole_year_file_beside_a_december_file():
    files = [
        sub("unit: a\nperiod: 2012\nvalues: {tuyen_truyen: {cuoc: 40}, to_chuc: {doan_vien: 30}}", "year"),
        sub("unit: a\nperiod: 2012M12\nvalues: {tuyen_truyen: {cuoc: 5}, to_chuc: {doan_vien: 31}}", "dec"),
    ]
    result = agg(files, "2012")
    assert result.values == {"tuyen_truyen.cuoc": 40, "to_chuc.doan_vien": 30}
    assert [(a.file, a.reason) for a in result.set_aside] == [("dec", "overlap")]
    assert agg(files, "2012Q4").values["tuyen_truyen.cuoc"] == 5


def test_file_straddling_the_year_end_is_set_aside():
    files = [
        sub("unit: a\nperiod: 2012M12..2013M01\nvalues: {tuyen_truyen: {cuoc: 9}}", "straddle"),
        sub("unit: a\nperiod: 2012Q4\nvalues: {tuyen_truyen: {cuoc: 2}}", "q4"),
    ]
    result = agg(files, "2012")
    assert result.values["tuyen_truyen.cuoc"] == 2
    assert [(a.file, a.unit, a.period.code, a.reason, a.instead) for a in result.set_aside] == [
        ("straddle", "a", "2012M12..2013M01", "partial", ())]
    assert agg(files, "2012M12..2013M01").values["tuyen_truyen.cuoc"] == 9


def test_overlap_choice_maximises_months_not_length():
    files = [
        sub("unit: a\nperiod: 2012M02..2012M07\nvalues: {tuyen_truyen: {cuoc: 100}}", "feb-jul"),
        sub("unit: a\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 1}}", "q1"),
        sub("unit: a\nperiod: 2012Q2\nvalues: {tuyen_truyen: {cuoc: 2}}", "q2"),
        sub("unit: a\nperiod: 2012Q3\nvalues: {tuyen_truyen: {cuoc: 3}}", "q3"),
    ]
    assert agg(files, "2012").values["tuyen_truyen.cuoc"] == 6


def test_dissolved_unit_not_expected_and_new_unit_expected():
    result = agg([], "2012Q2")
    assert "d2" not in result.completeness.expected  # dissolved 2012-01-01
    assert "d3" in result.completeness.expected  # established mid-period
    assert set(result.completeness.missing) == {"a", "b", "d1", "d3"}
    assert "d3" not in agg([], "2011Q4").completeness.expected
    assert "d2" in agg([], "2011Q4").completeness.expected


def test_unit_established_mid_period_is_not_partial_for_its_active_months():
    files = [sub("unit: d3\nperiod: 2012M02\nvalues: {tuyen_truyen: {cuoc: 1}}", "feb"),
             sub("unit: d3\nperiod: 2012M03\nvalues: {tuyen_truyen: {cuoc: 1}}", "mar")]
    done = agg(files, "2012Q1").completeness
    assert "d3" in done.reported and "d3" not in done.partial and done.months["d3"] == 2
    files = files[1:]
    assert "d3" in agg(files, "2012Q1").completeness.partial


def test_late_file():
    files = [
        sub("unit: a\nperiod: 2012Q1\nsubmitted: 2012-04-20\nvalues: {tuyen_truyen: {cuoc: 1}}", "a"),
        sub("unit: b\nperiod: 2012Q1\nsubmitted: 2012-04-21\nvalues: {tuyen_truyen: {cuoc: 1}}", "b"),
        sub("unit: d1\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 1}}", "d1"),
    ]
    done = agg(files, "2012Q1").completeness
    assert done.late == ("b",)
    assert done.undated == ("d1",)
    assert done.missing == ("d3",)
    assert agg(files, "2012Q1", deadline=None).completeness.late == ()
    assert due_date(parse("2012Q4"), 31) == date(2013, 1, 31)
    assert due_date(parse("2012M01"), 31) == date(2012, 2, 29)


def test_participation_rate_weighted_by_members():
    files = [
        sub("unit: a\nperiod: 2012Q1\nvalues: {to_chuc: {doan_vien: 100}, sinh_hoat: {ty_le_tham_gia: 90}}", "a"),
        sub("unit: b\nperiod: 2012Q1\nvalues: {to_chuc: {doan_vien: 300}, sinh_hoat: {ty_le_tham_gia: 50}}", "b"),
    ]
    result = agg(files, "2012Q1")
    assert result.values["sinh_hoat.ty_le_tham_gia"] == pytest.approx(60.0)  # (90*100 + 50*300) / 400
    assert result.values["to_chuc.doan_vien"] == 400


def test_absent_is_not_zero_and_coverage_counts_reporters():
    files = [
        sub("unit: a\nperiod: 2012Q1\nvalues: {hien_mau: {don_vi: 0, luot_tham_gia: null}}", "a"),
        sub("unit: b\nperiod: 2012Q1\nvalues: {hien_mau: {don_vi: 5}}", "b"),
    ]
    result = agg(files, "2012Q1")
    assert result.values["hien_mau.don_vi"] == 5
    assert "hien_mau.luot_tham_gia" not in result.values
    assert result.coverage["hien_mau.don_vi"] == 2
    only_zero = agg(files[:1], "2012Q1")
    assert only_zero.values["hien_mau.don_vi"] == 0 and only_zero.coverage["hien_mau.don_vi"] == 1


def test_rollup_file_stands_for_its_subtree():
    files = [
        sub("unit: d1\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 2}}", "d1"),
        sub("""
            unit: d
            period: 2012Q1
            scope: rollup
            values: {tuyen_truyen: {cuoc: 7}}
            coverage: {tuyen_truyen.cuoc: 3}
            completeness: {expected: [d1, d3], reported: [d1], missing: [d3]}
        """, "d-rollup"),
        sub("unit: a\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 1}}", "a"),
    ]
    result = agg(files, "2012Q1")
    assert result.values["tuyen_truyen.cuoc"] == 8
    assert result.coverage["tuyen_truyen.cuoc"] == 4
    assert [(a.file, a.reason) for a in result.set_aside] == [("d1", "rollup")]
    assert set(result.completeness.missing) == {"b", "d3"}
    assert "d1" in result.completeness.reported


def test_highlights_and_narrative_keep_their_units():
    files = [
        sub("""
            unit: a
            period: 2012Q1
            highlights: [{kind: mo_hinh, name: Mô hình X}]
            narrative: {han_che: [Còn ít.]}
        """, "a"),
        sub("""
            unit: dk
            period: 2012Q1
            values: {tuyen_truyen: {cuoc: 1}}
            narrative: {phuong_huong: Tiếp tục.}
        """, "dk"),
    ]
    result = agg(files, "2012Q1")
    assert [(h.unit, h.unit_name, h.name) for h in result.highlights] == [("a", "Chi đoàn A", "Mô hình X")]
    assert result.narrative == {"phuong_huong": ("Tiếp tục.",)}
    assert result.children[0].narrative == {"han_che": ("Còn ít.",)}


def test_children_in_tree_order_with_their_own_results():
    files = [sub("unit: b\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 2}}", "b"),
             sub("unit: a\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 1}}", "a")]
    result = agg(files, "2012Q1")
    assert [c.unit.code for c in result.children] == ["a", "b", "d"]
    assert [c.values.get("tuyen_truyen.cuoc") for c in result.children] == [1, 2, None]


# --- properties --------------------------------------------------------------

KINDS = ("year", "half", "quarter", "month")


def _random_workspace(draw) -> tuple[object, list[Sourced]]:
    n_bases = draw(st.integers(1, 3))
    n_cells = draw(st.lists(st.integers(0, 3), min_size=n_bases, max_size=n_bases))
    n_leaves = draw(st.integers(0, 3))
    lines = ["code: root", "name: Gốc", "kind: doan_khoi", "children:"]
    codes = []
    for i in range(n_leaves):
        lines.append(f"  - {{code: l{i}, name: Chi đoàn L{i}, kind: chi_doan_co_so}}")
        codes.append(f"l{i}")
    for i, cells in enumerate(n_cells):
        lines.append(f"  - {{code: b{i}, name: Đoàn cơ sở B{i}, kind: doan_co_so, reports: true"
                     + (", children: [" + ", ".join(f"{{code: b{i}c{j}, name: Chi đoàn {i}.{j}, kind: chi_doan}}"
                                                    for j in range(cells)) + "]}" if cells else "}"))
        codes.append(f"b{i}")
        codes += [f"b{i}c{j}" for j in range(cells)]
    codes.append("root")
    tree = tree_of("\n".join(lines) + "\n")
    files = []
    for code in codes:
        for kind in draw(st.lists(st.sampled_from(KINDS), max_size=3, unique=True)):
            size = {"year": 12, "half": 6, "quarter": 3, "month": 1}[kind]
            count = 12 // size
            for k in sorted(draw(st.sets(st.integers(0, count - 1), max_size=count))):
                start = 2012 * 12 + k * size
                values = {
                    "tuyen_truyen": {"cuoc": draw(st.integers(0, 50))},
                    "to_chuc": {"doan_vien": draw(st.integers(1, 200))},
                    "sinh_hoat": {"ty_le_tham_gia": draw(st.integers(0, 100))},
                }
                if draw(st.booleans()):
                    values["hien_mau"] = {"don_vi": draw(st.integers(0, 20))}
                data = {"unit": code, "period": Period(start, start + size).code, "values": values}
                files.append(Sourced(f"{code}-{kind}-{k}.yaml", Submission.model_validate(data).facts()))
    return tree, files


workspaces = st.composite(_random_workspace)
REPORTS = ("2012", "2012H1", "2012Q3", "2012M05", "2012Q2..2012Q4")
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _close(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(a[k] == pytest.approx(b[k]) for k in a)


def assert_own_plus_children(tree, files, period) -> None:
    """At every unit: its own figures plus its children's results, each
    computed on its own, are its result (values, rates' weights, coverage)."""
    for unit in tree.subtree("root"):
        whole = aggregate(tree, CATALOG, files, unit.code, period)
        kids = [aggregate(tree, CATALOG, files, c, period) for c in unit.children]
        summed: dict = dict(whole.own.values)
        for k in kids:
            for code, v in k.measure.values.items():
                summed[code] = summed.get(code, 0) + v
        assert summed == dict(whole.measure.values)
        for code in whole.measure.means:
            parts = [whole.own.means.get(code, NO_RATE)] + [k.measure.means.get(code, NO_RATE) for k in kids]
            assert sum(p.weight for p in parts) == pytest.approx(whole.measure.means[code].weight)
            assert sum(p.weighted for p in parts) == pytest.approx(whole.measure.means[code].weighted)
        for code, n in whole.coverage.items():
            assert n == whole.own.coverage.get(code, 0) + sum(k.coverage.get(code, 0) for k in kids)
        assert len(whole.said) == len([s for s in whole.said if s.unit == unit.code]) + sum(len(k.said) for k in kids)


@SETTINGS
@given(workspaces(), st.sampled_from(REPORTS))
def test_result_is_own_plus_children_computed_separately(ws, report):
    tree, files = ws
    assert_own_plus_children(tree, files, parse(report))


@SETTINGS
@given(workspaces(), st.sampled_from(REPORTS), st.randoms(use_true_random=False))
def test_result_does_not_depend_on_file_order(ws, report, rnd):
    tree, files = ws
    shuffled = list(files)
    rnd.shuffle(shuffled)
    a = aggregate(tree, CATALOG, files, "root", parse(report))
    b = aggregate(tree, CATALOG, shuffled, "root", parse(report))
    assert a.values == b.values and a.coverage == b.coverage and a.completeness == b.completeness
    assert sorted(a.set_aside, key=repr) == sorted(b.set_aside, key=repr)


def _rollup_of(tree, files, code, period) -> Sourced:
    result = aggregate(tree, CATALOG, files, code, period)
    text = to_rollup_yaml(result, CATALOG, date(2013, 1, 10))
    return Sourced(f"rollup-{code}-{period.code}.yaml", Submission.model_validate(yaml.safe_load(text)).facts())


@SETTINGS
@given(workspaces(), st.sampled_from(REPORTS), st.data())
def test_rollup_round_trip_and_beside_its_files(ws, report, data):
    tree, files = ws
    period = parse(report)
    inner = [u.code for u in tree.subtree("root") if u.code != "root"]
    if not inner:
        return
    assert_rollup_round_trip(tree, files, data.draw(st.sampled_from(inner)), period)


def assert_rollup_round_trip(tree, files, code, period) -> None:
    """A rollup of `code` gives its figures again on its own, and beside the
    files it summarises changes nothing, at its level or above."""
    original = aggregate(tree, CATALOG, files, code, period)
    rollup = _rollup_of(tree, files, code, period)
    again = aggregate(tree, CATALOG, [rollup], code, period)
    assert _close(again.values, original.values)
    assert dict(again.coverage) == dict(original.coverage)
    for unit in ("root", code):
        before = aggregate(tree, CATALOG, files, unit, period)
        after = aggregate(tree, CATALOG, files + [rollup], unit, period)
        assert _close(after.values, before.values)
        assert dict(after.coverage) == dict(before.coverage)
        assert after.completeness.missing == before.completeness.missing


@SETTINGS
@given(workspaces(), st.sampled_from(REPORTS))
def test_sums_match_a_brute_force_oracle_when_files_do_not_overlap(ws, report):
    tree, files = ws
    period = parse(report)
    # keep only monthly and quarterly files that never overlap within a unit
    keep, taken = [], {}
    for f in sorted(files, key=lambda f: (f.facts.unit, f.facts.period.start, f.file)):
        months = set(f.facts.period.month_indexes())
        seen = taken.setdefault(f.facts.unit, set())
        if not months & seen:
            seen |= months
            keep.append(f)
    inside = [f for f in keep if period.contains(f.facts.period)]
    expected = sum(f.facts.values["tuyen_truyen.cuoc"] for f in inside)
    result = aggregate(tree, CATALOG, keep, "root", period)
    assert result.values.get("tuyen_truyen.cuoc", 0) == expected
    latest: dict[str, tuple[int, int]] = {}
    for f in inside:
        s = f.facts
        if s.unit not in latest or s.period.start > latest[s.unit][0]:
            latest[s.unit] = (s.period.start, s.values["to_chuc.doan_vien"])
    assert result.values.get("to_chuc.doan_vien", 0) == sum(v for _, v in latest.values())
    reporters = {f.facts.unit for f in inside}
    assert result.coverage.get("tuyen_truyen.cuoc", 0) == len(reporters)


def test_subtree_walks_in_file_order():
    tree = tree_of()
    assert [u.code for u in tree.subtree("dk")] == ["dk", "a", "b", "d", "d1", "d2", "d3"]


def test_a_rate_does_not_depend_on_how_often_a_unit_reports():
    quarterly = [
        sub("unit: a\nperiod: 2012Q1\nvalues: {to_chuc: {doan_vien: 40}, sinh_hoat: {ty_le_tham_gia: 90}}", "a1"),
        sub("unit: a\nperiod: 2012Q2\nvalues: {to_chuc: {doan_vien: 50}, sinh_hoat: {ty_le_tham_gia: 100}}", "a2"),
        sub("unit: b\nperiod: 2012Q1\nvalues: {to_chuc: {doan_vien: 10}, sinh_hoat: {ty_le_tham_gia: 50}}", "b1"),
    ]
    rate_a = (90 * 40 + 100 * 50) / 90  # a's own rate over the half year
    half = [
        sub(f"unit: a\nperiod: 2012H1\nvalues: {{to_chuc: {{doan_vien: 50}}, sinh_hoat: {{ty_le_tham_gia: {rate_a}}}}}", "a"),
        quarterly[2],
    ]
    expected = (rate_a * 50 + 50 * 10) / 60  # a counts with its 50 members, once
    assert agg(quarterly, "2012H1").values["sinh_hoat.ty_le_tham_gia"] == pytest.approx(expected)
    assert agg(half, "2012H1").values["sinh_hoat.ty_le_tham_gia"] == pytest.approx(expected)


def test_a_rate_with_zero_weight_is_kept_as_a_plain_mean():
    files = [sub("unit: a\nperiod: 2012Q1\nvalues: {to_chuc: {doan_vien: 0}, sinh_hoat: {ty_le_tham_gia: 100}}", "a")]
    result = agg(files, "2012Q1")
    assert result.values["sinh_hoat.ty_le_tham_gia"] == 100
    assert result.coverage["sinh_hoat.ty_le_tham_gia"] == 1


# --- pinned cases: rates ------------------------------------------------------------


def test_rates_all_with_zero_weight_are_a_plain_mean_over_the_units():
    files = [
        sub("unit: a\nperiod: 2012Q1\nvalues: {to_chuc: {doan_vien: 0}, sinh_hoat: {ty_le_tham_gia: 100}}", "a"),
        sub("unit: b\nperiod: 2012Q1\nvalues: {to_chuc: {doan_vien: 0}, sinh_hoat: {ty_le_tham_gia: 80}}", "b"),
        sub("unit: d1\nperiod: 2012Q1\nvalues: {to_chuc: {doan_vien: 0}, sinh_hoat: {ty_le_tham_gia: 60}}", "d1"),
    ]
    result = agg(files, "2012Q1")
    assert result.values["sinh_hoat.ty_le_tham_gia"] == 80
    assert result.coverage["sinh_hoat.ty_le_tham_gia"] == 3
    assert agg(files[:2], "2012Q1").values["sinh_hoat.ty_le_tham_gia"] == 90


def test_a_zero_weight_rate_beside_a_weighted_one_does_not_count():
    files = [
        sub("unit: a\nperiod: 2012Q1\nvalues: {to_chuc: {doan_vien: 0}, sinh_hoat: {ty_le_tham_gia: 100}}", "a"),
        sub("unit: b\nperiod: 2012Q1\nvalues: {to_chuc: {doan_vien: 10}, sinh_hoat: {ty_le_tham_gia: 50}}", "b"),
    ]
    assert agg(files, "2012Q1").values["sinh_hoat.ty_le_tham_gia"] == 50


def test_a_rate_given_without_its_weight_counts_with_weight_one():
    files = [
        sub("unit: a\nperiod: 2012Q1\nvalues: {sinh_hoat: {ty_le_tham_gia: 90}}", "a"),
        sub("unit: b\nperiod: 2012Q1\nvalues: {to_chuc: {doan_vien: 1}, sinh_hoat: {ty_le_tham_gia: 50}}", "b"),
    ]
    assert agg(files, "2012Q1").values["sinh_hoat.ty_le_tham_gia"] == 70
    files[1] = sub("unit: b\nperiod: 2012Q1\nvalues: {to_chuc: {doan_vien: 3}, sinh_hoat: {ty_le_tham_gia: 50}}", "b")
    assert agg(files, "2012Q1").values["sinh_hoat.ty_le_tham_gia"] == 60  # (90·1 + 50·3) / 4


# --- pinned cases: rollups ------------------------------------------------------------


def test_late_undated_and_partial_units_below_a_rollup_count_as_such():
    files = [sub("""
        unit: d
        period: 2012Q1
        scope: rollup
        submitted: 2012-04-05
        values: {tuyen_truyen: {cuoc: 7}}
        completeness:
          expected: [d1, d3]
          reported: [d1, d3]
          late: [d3]
          undated: [d1]
          partial: [d1]
          months: {d1: 1, d3: 2}
    """, "d-rollup")]
    done = agg(files, "2012Q1").completeness
    assert done.reported == ("d1", "d3")
    assert done.late == ("d3",)
    assert done.undated == ("d1",)
    assert done.months == {"a": 0, "b": 0, "d1": 1, "d3": 2}
    assert done.partial == ("d1",)  # d3 was active two months of the quarter
    assert done.missing == ("a", "b")


def test_a_rollup_without_completeness_credits_every_unit_below_for_its_months():
    files = [sub("unit: d\nperiod: 2012Q1\nscope: rollup\nvalues: {tuyen_truyen: {cuoc: 7}}", "d-rollup")]
    done = agg(files, "2012Q1").completeness
    assert done.reported == ("d1", "d3") and done.late == () and done.undated == ()
    assert done.months == {"a": 0, "b": 0, "d1": 3, "d3": 3}


def test_a_late_rollup_makes_its_reporters_late_only_through_what_it_says():
    files = [sub("""
        unit: d
        period: 2012Q1
        scope: rollup
        submitted: 2012-05-30
        values: {tuyen_truyen: {cuoc: 7}}
        completeness: {expected: [d1, d3], reported: [d1, d3]}
    """, "d-rollup")]
    result = agg(files, "2012Q1")
    assert [(u.file, u.unit, u.scope, u.late) for u in result.used] == [("d-rollup", "d", "rollup", True)]
    assert result.completeness.late == ()  # d itself is not an expected reporter


def test_rollups_of_two_quarters_credit_the_half_year():
    files = [
        sub("""
            unit: d
            period: 2012Q1
            scope: rollup
            values: {tuyen_truyen: {cuoc: 1}}
            completeness: {expected: [d1, d3], reported: [d1], missing: [d3]}
        """, "d-q1"),
        sub("""
            unit: d
            period: 2012Q2
            scope: rollup
            values: {tuyen_truyen: {cuoc: 2}}
            completeness: {expected: [d1, d3], reported: [d1, d3], late: [d1]}
        """, "d-q2"),
        sub("unit: d1\nperiod: 2012Q2\nvalues: {tuyen_truyen: {cuoc: 100}}", "d1-q2"),
        sub("unit: d3\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 100}}", "d3-q1"),
    ]
    result = agg(files, "2012H1")
    # d3's own Q1 file counts: the Q1 rollup lists d3 as missing, so it does not stand for it
    assert result.values["tuyen_truyen.cuoc"] == 103
    done = result.completeness
    assert done.months == {"a": 0, "b": 0, "d1": 6, "d3": 6}
    assert done.partial == () and done.late == ("d1",)
    assert sorted((a.file, a.reason, a.instead) for a in result.set_aside) == [("d1-q2", "rollup", ("2012Q2",))]


def test_a_rollup_above_masks_a_rollup_below():
    files = [
        sub("unit: dk\nperiod: 2012Q1\nscope: rollup\nvalues: {tuyen_truyen: {cuoc: 10}}", "dk-rollup"),
        sub("unit: d\nperiod: 2012Q1\nscope: rollup\nvalues: {tuyen_truyen: {cuoc: 4}}", "d-rollup"),
        sub("unit: dk\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 1}}", "dk-own"),
        sub("unit: a\nperiod: 2012M01\nvalues: {tuyen_truyen: {cuoc: 1}}", "a-jan"),
        sub("unit: a\nperiod: 2011Q4\nvalues: {tuyen_truyen: {cuoc: 1}}", "a-outside"),
    ]
    result = agg(files, "2012Q1")
    assert result.values["tuyen_truyen.cuoc"] == 10
    assert [(a.file, a.unit, a.period.code, a.reason, a.instead) for a in result.set_aside] == [
        ("dk-own", "dk", "2012Q1", "rollup", ("2012Q1",)),
        ("a-jan", "a", "2012M01", "rollup", ("2012Q1",)),
        ("d-rollup", "d", "2012Q1", "rollup", ("2012Q1",)),
    ]
    assert [u.file for u in result.used] == ["dk-rollup"]
    assert result.completeness.missing == ()


def test_own_file_for_months_a_rollup_does_not_cover_is_used():
    files = [
        sub("unit: d\nperiod: 2012Q2\nscope: rollup\nvalues: {tuyen_truyen: {cuoc: 4}}\nnarrative: {han_che: [Quý II.]}", "d-q2"),
        sub("unit: d\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 1}}\nnarrative: {han_che: [Quý I.]}", "d-q1-own"),
    ]
    result = agg(files, "2012H1", unit="d")
    assert result.values["tuyen_truyen.cuoc"] == 5
    assert [u.file for u in result.used] == ["d-q2", "d-q1-own"]
    assert result.narrative == {"han_che": ("Quý I.", "Quý II.")}  # in time order, whatever the file kind


def test_narrative_of_files_given_out_of_order():
    files = {"a": [
        sub("unit: a\nperiod: 2012Q2\nnarrative: {han_che: [Hai.]}", "q2"),
        sub("unit: a\nperiod: 2012Q1\nnarrative: {han_che: [Một.], kho_khan: [Khó.]}", "q1"),
    ]}
    result = agg(files, "2012H1", unit="a")
    assert result.narrative == {"han_che": ("Một.", "Hai."), "kho_khan": ("Khó.",)}


def test_a_rollup_for_part_of_a_file_below_does_not_hide_its_other_months():  # SPEC §6.3
    files = [
        sub("unit: d1\nperiod: 2012H1\nvalues: {tuyen_truyen: {cuoc: 6}}", "d1-h1"),
        sub("unit: d\nperiod: 2012Q1\nscope: rollup\nvalues: {tuyen_truyen: {cuoc: 2}}", "d-q1"),
    ]
    assert agg(files, "2012H1").completeness.months["d1"] == 6


# --- pinned cases: highlights, children, used ---------------------------------------------


def test_highlights_of_a_rollup_keep_the_unit_they_name():
    files = [sub("""
        unit: d
        period: 2012Q1
        scope: rollup
        highlights:
          - {kind: mo_hinh, name: Mô hình của D1, unit: d1}
          - {kind: ca_nhan, name: Nguyễn Văn A, unit: d9, unit_name: Chi đoàn đã giải thể}
          - {kind: cong_trinh, name: Công trình chung, unit: khac}
          - {kind: mo_hinh, name: Mô hình của D}
    """, "d-rollup")]
    result = agg(files, "2012Q1")
    assert [(h.unit, h.unit_name, h.name) for h in result.highlights] == [
        ("d1", "Chi đoàn D1", "Mô hình của D1"),
        ("d9", "Chi đoàn đã giải thể", "Nguyễn Văn A"),
        ("khac", "khac", "Công trình chung"),
        ("d", "Đoàn cơ sở D", "Mô hình của D"),
    ]


def test_children_shown_are_those_active_or_with_files():
    assert [c.unit.code for c in agg([], "2012Q1").children[2].children] == ["d1", "d3"]
    assert [c.unit.code for c in agg([], "2011Q4").children[2].children] == ["d1", "d2"]
    late_file = [sub("unit: d2\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 1}}", "d2")]
    assert [c.unit.code for c in agg(late_file, "2012Q1").children[2].children] == ["d1", "d2", "d3"]


def test_used_files_record_their_lateness():
    files = [
        sub("unit: a\nperiod: 2012M01\nsubmitted: 2012-02-20\nvalues: {tuyen_truyen: {cuoc: 1}}", "a1"),
        sub("unit: a\nperiod: 2012M02\nsubmitted: 2012-03-21\nvalues: {tuyen_truyen: {cuoc: 1}}", "a2"),
        sub("unit: a\nperiod: 2012M03\nvalues: {tuyen_truyen: {cuoc: 1}}", "a3"),
    ]
    result = agg(files, "2012Q1")
    assert [(u.file, u.unit, u.period.code, u.scope, u.submitted, u.late) for u in result.used] == [
        ("a1", "a", "2012M01", "own", date(2012, 2, 20), False),
        ("a2", "a", "2012M02", "own", date(2012, 3, 21), True),
        ("a3", "a", "2012M03", "own", None, False),
    ]
    assert result.completeness.late == ("a",) and result.completeness.undated == ("a",)


def test_due_date_clamps_the_day_to_the_month():
    assert due_date(parse("2012Q1"), 20) == date(2012, 4, 20)
    assert due_date(parse("2012M03"), 31) == date(2012, 4, 30)
    assert due_date(parse("2012M11"), 5) == date(2012, 12, 5)
    assert due_date(parse("2012H2"), 15) == date(2013, 1, 15)


def test_figures_only_without_detail():
    files = [sub("""
        unit: a
        period: 2012Q1
        values: {tuyen_truyen: {cuoc: 3}}
        highlights: [{kind: mo_hinh, name: X}]
        narrative: {han_che: [Y.]}
    """, "a"), sub("unit: d\nperiod: 2012Q1\nscope: rollup\nvalues: {tuyen_truyen: {cuoc: 4}}", "d")]
    full = aggregate(TREE, CATALOG, files, "dk", parse("2012Q1"), 20)
    bare = aggregate(TREE, CATALOG, files, "dk", parse("2012Q1"), 20, detail=False)
    assert bare.values == full.values == {"tuyen_truyen.cuoc": 7}
    assert bare.completeness.expected == () and bare.highlights == () and bare.children[0].narrative == {}
    assert full.completeness.reported == ("a", "d1", "d3") and len(full.highlights) == 1


def test_index_by_unit_orders_files_by_period_scope_and_name():
    files = [
        sub("unit: a\nperiod: 2012Q2\nvalues: {}", "z"),
        sub("unit: a\nperiod: 2012Q1\nvalues: {}", "y"),
        sub("unit: a\nperiod: 2012Q1\nscope: rollup\nvalues: {}", "x"),
        sub("unit: a\nperiod: 2012Q1..2012Q2\nvalues: {}", "w"),
        sub("unit: b\nperiod: 2012Q1\nvalues: {}", "v"),
        sub("unit: a\nperiod: 2012Q1\nvalues: {}", "b"),
    ]
    by_unit = index_by_unit(files)
    assert {u: [f.file for f in fs] for u, fs in by_unit.items()} == {"a": ["b", "y", "x", "w", "z"], "b": ["v"]}


# --- rules on aggregates ------------------------------------------------------------------


def test_rules_are_checked_on_every_aggregate_below():
    files = [
        # a's latest member count is below the party members it reported earlier in the quarter
        sub("unit: a\nperiod: 2012M01\nvalues: {to_chuc: {doan_vien: 10, dang_vien_sinh_hoat_doan: 8}}", "a1"),
        sub("unit: a\nperiod: 2012M02\nvalues: {to_chuc: {doan_vien: 5}}", "a2"),
        sub("unit: d1\nperiod: 2012M01\nvalues: {to_chuc: {doan_vien: 10, dang_vien_sinh_hoat_doan: 4}}", "d1a"),
        sub("unit: d1\nperiod: 2012M02\nvalues: {to_chuc: {doan_vien: 3}}", "d1b"),
        sub("unit: b\nperiod: 2012Q1\nvalues: {to_chuc: {doan_vien: 100}}", "b"),
    ]
    result = agg(files, "2012Q1")
    assert result.values["to_chuc.doan_vien"] == 108 and result.values["to_chuc.dang_vien_sinh_hoat_doan"] == 12
    warnings = rule_warnings(result, CATALOG)
    assert [(w.severity, w.code, w.args["unit"], w.args["period"], w.args["left_value"], w.args["right_value"])
            for w in warnings] == [
        ("warning", "rule-aggregate", "Chi đoàn A", "quý I/2012", 8, 5),
        ("warning", "rule-aggregate", "Đoàn cơ sở D", "quý I/2012", 4, 3),
        ("warning", "rule-aggregate", "Chi đoàn D1", "quý I/2012", 4, 3),
    ]
    assert warnings[0].args["op"] == "<=" and warnings[0].args["left_label"] == CATALOG["to_chuc.dang_vien_sinh_hoat_doan"].label
    assert warnings[0].file is None and warnings[0].line is None


def test_rules_broken_at_the_top_only():
    files = [
        sub("unit: a\nperiod: 2012Q1\nvalues: {to_chuc: {dang_vien_sinh_hoat_doan: 8}}", "a"),
        sub("unit: b\nperiod: 2012Q1\nvalues: {to_chuc: {doan_vien: 5}}", "b"),
    ]
    warnings = rule_warnings(agg(files, "2012Q1"), CATALOG)
    assert [w.args["unit"] for w in warnings] == ["Đoàn Khối"]


def test_a_rollup_of_a_rate_nobody_weighed_counts_with_no_weight_above():
    files = [
        sub("unit: d1\nperiod: 2012Q1\nvalues: {to_chuc: {doan_vien: 0}, sinh_hoat: {ty_le_tham_gia: 100}}", "d1"),
        sub("unit: d3\nperiod: 2012Q1\nvalues: {to_chuc: {doan_vien: 40}}", "d3"),  # members, but no rate
        sub("unit: a\nperiod: 2012Q1\nvalues: {to_chuc: {doan_vien: 10}, sinh_hoat: {ty_le_tham_gia: 50}}", "a"),
    ]
    rollup = _rollup_of(TREE, files, "d", parse("2012Q1"))
    assert rollup.facts.weights == {} and rollup.facts.values["to_chuc.doan_vien"] == 40
    from_files = agg(files, "2012Q1").values
    assert from_files["sinh_hoat.ty_le_tham_gia"] == 50  # a's 10 members carry the rate; d1's zero weight none
    assert agg([rollup, files[2]], "2012Q1").values == from_files
