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
from doanreport.rollup.aggregation import aggregate, due_date
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
    assert [(a.file, a.reason) for a in result.set_aside] == [("straddle", "partial")]
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


@SETTINGS
@given(workspaces(), st.sampled_from(REPORTS))
def test_result_is_own_plus_children_computed_separately(ws, report):
    tree, files = ws
    period = parse(report)
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
    return Sourced(f"rollup-{code}.yaml", Submission.model_validate(yaml.safe_load(text)).facts())


@SETTINGS
@given(workspaces(), st.sampled_from(REPORTS), st.data())
def test_rollup_round_trip_and_beside_its_files(ws, report, data):
    tree, files = ws
    period = parse(report)
    inner = [u.code for u in tree.subtree("root") if u.code != "root"]
    if not inner:
        return
    code = data.draw(st.sampled_from(inner))
    original = aggregate(tree, CATALOG, files, code, period)
    rollup = _rollup_of(tree, files, code, period)
    # aggregating again from the rollup file alone gives the same figures
    again = aggregate(tree, CATALOG, [rollup], code, period)
    assert _close(again.values, original.values)
    assert dict(again.coverage) == dict(original.coverage)
    # beside the files it summarises it changes nothing, at its level or above
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
