"""Properties of the tree reduction over richer data: files with only some
indicators, text-only files, and rollups for part of the report period."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from tests.test_aggregation import _rollup_of, assert_own_plus_children, assert_rollup_round_trip, tree_of

from doanreport.load.catalog_file import build_catalog, builtin_document
from doanreport.load.submission import Submission
from doanreport.model.facts import Sourced
from doanreport.model.periods import Period, parse
from doanreport.rollup.aggregation import aggregate

CATALOG, _ = build_catalog([builtin_document()])
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
REPORTS = ("2012", "2012H1", "2012Q3", "2012Q2..2012Q4")
SIZES = {"year": 12, "half": 6, "quarter": 3, "month": 1}
SUMS = ("tuyen_truyen.cuoc", "hien_mau.don_vi")


@st.composite
def workspaces(draw):
    """A Đoàn khối with chi đoàn cơ sở and đoàn cơ sở (with chi đoàn), whose
    files each report some of four indicators, or only text."""
    leaves = draw(st.integers(0, 2))
    bases = draw(st.lists(st.integers(0, 3), min_size=1, max_size=3))
    lines = ["code: root", "name: Gốc", "kind: doan_khoi", "children:"]
    codes = [f"l{i}" for i in range(leaves)]
    lines += [f"  - {{code: l{i}, name: Chi đoàn L{i}, kind: chi_doan_co_so}}" for i in range(leaves)]
    for i, cells in enumerate(bases):
        kids = ", children: [" + ", ".join(f"{{code: b{i}c{j}, name: Chi đoàn {i}.{j}, kind: chi_doan}}"
                                           for j in range(cells)) + "]" if cells else ""
        lines.append(f"  - {{code: b{i}, name: Đoàn cơ sở B{i}, kind: doan_co_so, reports: true{kids}}}")
        codes += [f"b{i}"] + [f"b{i}c{j}" for j in range(cells)]
    tree = tree_of("\n".join(lines) + "\n")
    files = []
    for code in codes:
        for kind in draw(st.lists(st.sampled_from(sorted(SIZES)), max_size=3, unique=True)):
            size = SIZES[kind]
            for k in sorted(draw(st.sets(st.integers(0, 12 // size - 1), max_size=12 // size))):
                start = 2012 * 12 + k * size
                data = {"unit": code, "period": Period(start, start + size).code, "values": _values(draw)}
                if not data["values"] or draw(st.booleans()):
                    data["narrative"] = {"kho_khan": f"Khó khăn của {code} ({kind} {k})."}
                files.append(Sourced(f"{code}-{kind}-{k}.yaml", Submission.model_validate(data).facts()))
    return tree, files


def _values(draw) -> dict:
    values: dict = {}
    if draw(st.booleans()):
        values["tuyen_truyen"] = {"cuoc": draw(st.integers(0, 50))}
    if draw(st.booleans()):
        values["to_chuc"] = {"doan_vien": draw(st.integers(1, 200))}
    if draw(st.booleans()):
        values["sinh_hoat"] = {"ty_le_tham_gia": draw(st.integers(0, 100))}
    if draw(st.booleans()):
        values["hien_mau"] = {"don_vi": draw(st.integers(0, 20))}
    return values


@SETTINGS
@given(workspaces(), st.sampled_from(REPORTS))
def test_own_plus_children_computed_separately(ws, report):
    tree, files = ws
    assert_own_plus_children(tree, files, parse(report))


@SETTINGS
@given(workspaces(), st.sampled_from(REPORTS), st.data())
def test_file_order_does_not_matter_with_partial_rollups(ws, report, data):
    tree, files = ws
    inner = [u.code for u in tree.subtree("root") if u.children]
    if inner:
        code = data.draw(st.sampled_from(inner))
        part = parse(data.draw(st.sampled_from(("2012Q1", "2012H1", "2012M05", "2012Q3"))))
        files = files + [_rollup_of(tree, files, code, part)]
    shuffled = data.draw(st.permutations(files))
    a = aggregate(tree, CATALOG, files, "root", parse(report))
    b = aggregate(tree, CATALOG, shuffled, "root", parse(report))
    assert a.values == b.values and a.coverage == b.coverage and a.completeness == b.completeness
    assert a.narrative == b.narrative and sorted(a.said, key=repr) == sorted(b.said, key=repr)
    assert sorted(a.set_aside, key=repr) == sorted(b.set_aside, key=repr)


@SETTINGS
@given(workspaces(), st.sampled_from(REPORTS), st.data())
def test_rollup_round_trip_and_beside_its_files(ws, report, data):
    tree, files = ws
    period = parse(report)
    assert_rollup_round_trip(tree, files, data.draw(st.sampled_from([u.code for u in tree.subtree("root")
                                                                       if u.code != "root"])), period)


@SETTINGS
@given(workspaces(), st.data())
def test_a_rollup_for_part_of_the_period_beside_its_files_keeps_every_sum(ws, data):
    tree, files = ws
    inner = [u.code for u in tree.subtree("root") if u.children]
    if not inner:
        return
    code = data.draw(st.sampled_from(inner))
    part = parse(data.draw(st.sampled_from(("2012Q1", "2012H1", "2012Q3", "2012Q2..2012Q3"))))
    below = {u.code for u in tree.subtree(code)}
    # a file below that lies only partly in the rollup's months is weighed against it
    # (tests/test_aggregation_sources.py pins that); here none does
    assume(not any(f.facts.unit in below and f.facts.period.overlaps(part) and not part.contains(f.facts.period)
                   for f in files))
    rollup = _rollup_of(tree, files, code, part)
    for unit in ("root", code):
        before = aggregate(tree, CATALOG, files, unit, parse("2012"))
        after = aggregate(tree, CATALOG, files + [rollup], unit, parse("2012"))
        assert {c: after.values.get(c) for c in SUMS} == {c: before.values.get(c) for c in SUMS}
        assert after.completeness.missing == before.completeness.missing


@SETTINGS
@given(workspaces(), st.sampled_from(REPORTS))
def test_per_indicator_the_files_kept_never_overlap_and_give_the_sum(ws, report):
    tree, files = ws
    period = parse(report)
    for unit in tree.subtree("root"):
        result = aggregate(tree, CATALOG, files, unit.code, period)
        lost = {(a.file, c) for a in result.set_aside for c in (a.what or SUMS + ("to_chuc.doan_vien",))}
        for code in SUMS:
            kept = [f for f in files if f.facts.unit == unit.code and period.contains(f.facts.period)
                    and code in f.facts.values and (f.file, code) not in lost]
            for i, f in enumerate(kept):
                assert not any(f.facts.period.overlaps(g.facts.period) for g in kept[i + 1:]), (code, f.file)
            months = {m for f in kept for m in f.facts.period.month_indexes()}
            best = {m for f in files if f.facts.unit == unit.code and period.contains(f.facts.period)
                    and code in f.facts.values for m in f.facts.period.month_indexes()}
            assert len(months) <= len(best)
            assert result.own.values.get(code) == (sum(f.facts.values[code] for f in kept) if kept else None)
