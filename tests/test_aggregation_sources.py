"""Which sources count, item by item, and what rollups may hide (issue: nothing lost).

A file displaces another only for the indicators, narrative sections and
highlights it reports itself; a rollup never hides more of its branch than it
gives; stocks come from the latest months and each unit is counted once.
"""

from __future__ import annotations

import textwrap

import yaml

from doanreport.load.catalog_file import build_catalog, builtin_document
from doanreport.load.source import parse_yaml
from doanreport.load.submission import Submission
from doanreport.load.tree import build_tree
from doanreport.model.facts import Sourced
from doanreport.model.periods import parse
from doanreport.rollup.aggregation import aggregate

CATALOG, _ = build_catalog([builtin_document()])

BRANCH = """\
code: dcs
name: Đoàn cơ sở X
kind: doan_co_so
children:
  - {code: a, name: Chi đoàn A, kind: chi_doan}
  - {code: b, name: Chi đoàn B, kind: chi_doan}
"""


def tree_of(text: str):
    doc, _ = parse_yaml(textwrap.dedent(text), "units.yaml")
    tree, diags = build_tree(doc)
    assert tree is not None, diags
    return tree


TREE = tree_of(BRANCH)


def sub(text: str, file: str) -> Sourced:
    return Sourced(file, Submission.model_validate(yaml.safe_load(textwrap.dedent(text))).facts())


def run(files, period: str, unit: str = "dcs"):
    return aggregate(TREE, CATALOG, files, unit, parse(period))


def aside(result) -> dict[str, tuple[str, tuple[str, ...], frozenset[str]]]:
    return {a.file: (a.reason, a.instead, a.what) for a in result.set_aside}


# --- per item -------------------------------------------------------------------

QUARTERS = [
    sub("""
        unit: a
        period: 2024Q1
        values: {hien_mau: {luot_tham_gia: 40}, tuyen_truyen: {cuoc: 5, luot_tham_gia: 300}}
    """, "a-q1.yaml"),
    sub("""
        unit: a
        period: 2024Q2
        values: {hien_mau: {luot_tham_gia: 12}, tuyen_truyen: {cuoc: 7, luot_tham_gia: 200}}
    """, "a-q2.yaml"),
]


def test_a_text_only_half_year_file_sets_no_quarterly_figure_aside():
    text = sub("""
        unit: a
        period: 2024H1
        narrative:
          kho_khan: [Kinh phí hoạt động còn hạn chế.]
          kien_nghi: Đề nghị hỗ trợ kinh phí.
    """, "a-h1-thuyet-minh.yaml")
    result = run(QUARTERS + [text], "2024H1")
    assert result.values == {"hien_mau.luot_tham_gia": 52, "tuyen_truyen.cuoc": 12, "tuyen_truyen.luot_tham_gia": 500}
    assert result.children[0].narrative == {"kho_khan": ("Kinh phí hoạt động còn hạn chế.",),
                                            "kien_nghi": ("Đề nghị hỗ trợ kinh phí.",)}
    assert result.set_aside == ()
    assert sorted(u.file for u in result.used) == ["a-h1-thuyet-minh.yaml", "a-q1.yaml", "a-q2.yaml"]


def test_a_half_year_file_sets_aside_the_quarters_only_for_what_it_reports():
    half = sub("""
        unit: a
        period: 2024H1
        values: {tuyen_truyen: {cuoc: 15}}
        narrative: {tuyen_truyen: Tổ chức nhiều đợt tuyên truyền.}
    """, "a-h1.yaml")
    result = run(QUARTERS + [half], "2024H1")
    assert result.values == {"hien_mau.luot_tham_gia": 52, "tuyen_truyen.cuoc": 15, "tuyen_truyen.luot_tham_gia": 500}
    assert aside(result) == {
        "a-q1.yaml": ("overlap", ("a-h1.yaml",), frozenset({"tuyen_truyen.cuoc"})),
        "a-q2.yaml": ("overlap", ("a-h1.yaml",), frozenset({"tuyen_truyen.cuoc"})),
    }
    assert result.coverage["tuyen_truyen.cuoc"] == 1


def test_files_that_report_the_same_items_still_never_overlap():
    half = sub("""
        unit: a
        period: 2024H1
        values: {hien_mau: {luot_tham_gia: 50}, tuyen_truyen: {cuoc: 11, luot_tham_gia: 480}}
    """, "a-h1.yaml")
    result = run(QUARTERS + [half], "2024H1")
    assert result.values == {"hien_mau.luot_tham_gia": 50, "tuyen_truyen.cuoc": 11, "tuyen_truyen.luot_tham_gia": 480}
    assert {f: r[0] for f, r in aside(result).items()} == {"a-q1.yaml": "overlap", "a-q2.yaml": "overlap"}


def test_highlights_are_chosen_on_their_own():
    q1 = sub("""
        unit: a
        period: 2024Q1
        highlights: [{kind: mo_hinh, name: Mô hình quý I}]
    """, "a-q1.yaml")
    half = sub("""
        unit: a
        period: 2024H1
        values: {tuyen_truyen: {cuoc: 3}}
    """, "a-h1.yaml")
    result = run([q1, half], "2024H1")
    assert [h.name for h in result.highlights] == ["Mô hình quý I"]
    assert result.values == {"tuyen_truyen.cuoc": 3}
    assert result.set_aside == ()


# --- rollups --------------------------------------------------------------------

def branch_quarter(cuoc_a: int = 3, cuoc_b: int = 4) -> list[Sourced]:
    return [
        sub(f"unit: a\nperiod: 2012Q1\nvalues: {{tuyen_truyen: {{cuoc: {cuoc_a}}}}}\n", "a-q1.yaml"),
        sub(f"unit: b\nperiod: 2012Q1\nvalues: {{tuyen_truyen: {{cuoc: {cuoc_b}}}}}\n", "b-q1.yaml"),
    ]


def test_a_january_rollup_never_hides_the_branch_quarterly_files():
    january = sub("""
        unit: dcs
        period: 2012M01
        scope: rollup
        values: {tuyen_truyen: {cuoc: 2}}
        coverage: {tuyen_truyen.cuoc: 2}
    """, "dcs-m1.yaml")
    result = run(branch_quarter() + [january], "2012Q1")
    assert result.values == {"tuyen_truyen.cuoc": 7}
    assert aside(result) == {"dcs-m1.yaml": ("rollup-fewer-months", ("a-q1.yaml", "b-q1.yaml"), frozenset())}
    assert result.completeness.months == {"a": 3, "b": 3}


def test_a_rollup_that_gives_more_than_a_straddling_file_stands():
    half = sub("""
        unit: dcs
        period: 2012H1
        scope: rollup
        values: {tuyen_truyen: {cuoc: 20}}
        coverage: {tuyen_truyen.cuoc: 2}
    """, "dcs-h1.yaml")
    straddling = sub("unit: a\nperiod: 2012Q2..2012Q3\nvalues: {tuyen_truyen: {cuoc: 9}}\n", "a-q2q3.yaml")
    result = run([half, straddling], "2012")
    assert result.values == {"tuyen_truyen.cuoc": 20}
    assert aside(result) == {"a-q2q3.yaml": ("rollup-part", ("2012H1",), frozenset())}


def test_a_rollup_then_later_files_take_stocks_from_the_later_months_and_count_units_once():
    q1 = sub("""
        unit: dcs
        period: 2012Q1
        scope: rollup
        values: {to_chuc: {doan_vien: 30}, tuyen_truyen: {cuoc: 10}}
        coverage: {to_chuc.doan_vien: 2, tuyen_truyen.cuoc: 2}
    """, "dcs-q1.yaml")
    q2 = [
        sub("unit: a\nperiod: 2012Q2\nvalues: {to_chuc: {doan_vien: 16}, tuyen_truyen: {cuoc: 3}}\n", "a-q2.yaml"),
        sub("unit: b\nperiod: 2012Q2\nvalues: {to_chuc: {doan_vien: 15}, tuyen_truyen: {cuoc: 4}}\n", "b-q2.yaml"),
    ]
    result = run([q1] + q2, "2012H1")
    assert result.values == {"to_chuc.doan_vien": 31, "tuyen_truyen.cuoc": 17}
    assert dict(result.coverage) == {"to_chuc.doan_vien": 2, "tuyen_truyen.cuoc": 2}
    assert result.set_aside == ()


def test_files_then_a_later_rollup_take_stocks_from_the_rollup():
    q1 = [
        sub("unit: a\nperiod: 2012Q1\nvalues: {to_chuc: {doan_vien: 14}, tuyen_truyen: {cuoc: 1}}\n", "a-q1.yaml"),
        sub("unit: b\nperiod: 2012Q1\nvalues: {to_chuc: {doan_vien: 13}, tuyen_truyen: {cuoc: 2}}\n", "b-q1.yaml"),
    ]
    q2 = sub("""
        unit: dcs
        period: 2012Q2
        scope: rollup
        values: {to_chuc: {doan_vien: 31}, tuyen_truyen: {cuoc: 7}}
        coverage: {to_chuc.doan_vien: 2, tuyen_truyen.cuoc: 2}
    """, "dcs-q2.yaml")
    result = run(q1 + [q2], "2012H1")
    assert result.values == {"to_chuc.doan_vien": 31, "tuyen_truyen.cuoc": 10}
    assert dict(result.coverage) == {"to_chuc.doan_vien": 2, "tuyen_truyen.cuoc": 2}


# --- through the command line -----------------------------------------------------

OLD_ROLLUP = """\
unit: dcs-bv
period: 2012Q1
scope: rollup
values: {tuyen_truyen: {cuoc: 9}}
coverage: {tuyen_truyen.cuoc: 2}
completeness: {expected: [cd-khoa-noi, cd-vp-tinh-uy], reported: [cd-khoa-noi, cd-vp-tinh-uy]}
"""


def test_a_unit_moved_out_of_a_branch_but_still_in_its_old_rollup_is_an_error(make_ws, run):
    ws = make_ws({
        "data/dcs-bv-q1.yaml": OLD_ROLLUP,
        "data/vp-q1.yaml": "unit: cd-vp-tinh-uy\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 4}}\n",
    })
    result = run("aggregate", "--workspace", ws, "--period", "2012Q1", "--format", "json", "--no-cache")
    assert result.exit_code == 1
    assert "rollup-double-count" in result.stdout + result.stderr
    assert "data/dcs-bv-q1.yaml" in result.stderr and "data/vp-q1.yaml" in result.stderr
    assert "Chi đoàn Văn phòng Tỉnh ủy" in result.stderr


def test_set_aside_notes_name_the_items(make_ws, run):
    ws = make_ws({
        "data/vp-q1.yaml": "unit: cd-vp-tinh-uy\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 4, luot_tham_gia: 40}}\n",
        "data/vp-q2.yaml": "unit: cd-vp-tinh-uy\nperiod: 2012Q2\nvalues: {tuyen_truyen: {cuoc: 5, luot_tham_gia: 50}}\n",
        "data/vp-h1.yaml": "unit: cd-vp-tinh-uy\nperiod: 2012H1\nvalues: {tuyen_truyen: {cuoc: 10}}\n"
                           "narrative: {kho_khan: Thiếu kinh phí.}\n",
    })
    result = run("aggregate", "--workspace", ws, "--period", "2012H1", "--format", "json", "--no-cache")
    assert result.exit_code == 0, result.stderr
    values = __import__("json").loads(result.stdout)["values"]
    assert values["tuyen_truyen.cuoc"] == 10 and values["tuyen_truyen.luot_tham_gia"] == 90
    notes = [line for line in result.stderr.splitlines() if "data/vp-q" in line]
    assert len(notes) == 2
    assert all("tuyen_truyen.cuoc" in line and "data/vp-h1.yaml" in line for line in notes)
    assert not any("luot_tham_gia" in line for line in notes)


def test_a_rollup_of_a_unit_with_figures_of_its_own_validates_and_re_aggregates(make_ws, run, tmp_path_factory):
    import json

    ws = make_ws({
        "data/bv-own.yaml": "unit: dcs-bv\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 2}, to_chuc: {doan_vien: 5}}\n",
        "data/noi.yaml": "unit: cd-khoa-noi\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 3}, to_chuc: {doan_vien: 20}}\n",
    })
    before = run("aggregate", "--workspace", ws, "--period", "2012Q1", "--unit", "dcs-bv", "--format", "json", "--no-cache")
    rollup = run("aggregate", "--workspace", ws, "--period", "2012Q1", "--unit", "dcs-bv", "--format", "yaml", "--no-cache")
    assert rollup.exit_code == 0, rollup.stderr
    above = tmp_path_factory.mktemp("above")
    for name in ("doanreport.yaml", "units.yaml"):
        (above / name).write_text((ws / name).read_text(encoding="utf-8"), encoding="utf-8")
    (above / "data").mkdir()
    (above / "data" / "dcs-bv-2012q1.yaml").write_text(rollup.stdout, encoding="utf-8")
    checked = run("validate", "--workspace", above, "--format", "json", "--no-cache")
    assert checked.exit_code == 0, checked.stdout
    assert [d["code"] for d in json.loads(checked.stdout) if d["severity"] == "error"] == []
    after = run("aggregate", "--workspace", above, "--period", "2012Q1", "--unit", "dcs-bv", "--format", "json", "--no-cache")
    first, second = json.loads(before.stdout), json.loads(after.stdout)
    assert second["values"] == first["values"] == {"to_chuc.doan_vien": 25, "tuyen_truyen.cuoc": 5}
    assert second["coverage"] == first["coverage"] == {"to_chuc.doan_vien": 2, "tuyen_truyen.cuoc": 2}


def test_a_stock_is_never_the_sum_of_a_rollup_and_later_files_for_fewer_units():
    q1 = sub("""
        unit: dcs
        period: 2012Q1
        scope: rollup
        values: {to_chuc: {doan_vien: 30}}
        coverage: {to_chuc.doan_vien: 2}
    """, "dcs-q1.yaml")
    q2 = sub("unit: a\nperiod: 2012Q2\nvalues: {to_chuc: {doan_vien: 16}}\n", "a-q2.yaml")
    result = run([q1, q2], "2012H1")
    assert result.values == {"to_chuc.doan_vien": 30}  # the rollup covers both units; a's later 16 alone would lose b
    assert dict(result.coverage) == {"to_chuc.doan_vien": 2}


def test_a_rollup_passes_on_what_the_units_below_wrote(make_ws, run, tmp_path_factory):
    ws = make_ws({
        "data/noi.yaml": "unit: cd-khoa-noi\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 3}}\n"
                         "narrative: {kho_khan: [Thiếu phòng sinh hoạt.]}\n",
        "data/bv.yaml": "unit: dcs-bv\nperiod: 2012Q1\nnarrative: {han_che: Kinh phí còn ít.}\n",
    })
    rollup = run("aggregate", "--workspace", ws, "--period", "2012Q1", "--unit", "dcs-bv", "--format", "yaml", "--no-cache")
    assert "unit_narrative:" in rollup.stdout
    above = tmp_path_factory.mktemp("above")
    for name in ("doanreport.yaml", "units.yaml"):
        (above / name).write_text((ws / name).read_text(encoding="utf-8"), encoding="utf-8")
    (above / "data").mkdir()
    (above / "data" / "dcs-bv-2012q1.yaml").write_text(rollup.stdout, encoding="utf-8")
    assert run("validate", "--workspace", above, "--no-cache").exit_code == 0
    report = run("render", "--workspace", above, "--template", "quy", "--period", "2012Q1", "--no-cache")
    assert report.exit_code == 0, report.stderr
    assert "- Chi đoàn Khoa Nội: Thiếu phòng sinh hoạt." in report.stdout
    assert "- Đoàn cơ sở Bệnh viện Đa khoa: Kinh phí còn ít." in report.stdout
    assert "left-out" not in report.stderr


def test_unit_narrative_belongs_to_rollups_only(make_ws, run):
    ws = make_ws({"data/vp.yaml": "unit: cd-vp-tinh-uy\nperiod: 2012Q1\n"
                                  "unit_narrative: [{unit: cd-khoa-noi, key: kho_khan, text: X}]\n"})
    result = run("validate", "--workspace", ws, "--format", "json", "--no-cache")
    assert "rollup-only" in result.stdout and result.exit_code == 1


def test_a_moved_unit_counted_through_its_new_branch_rollup_is_an_error(make_ws, run):
    units = """\
code: dk-test
name: Đoàn Khối các cơ quan tỉnh
kind: doan_khoi
children:
  - code: dcs-bv
    name: Đoàn cơ sở Bệnh viện Đa khoa
    kind: doan_co_so
    children:
      - {code: cd-khoa-ngoai, name: Chi đoàn Khoa Ngoại, kind: chi_doan}
  - code: dcs-moi
    name: Đoàn cơ sở Mới
    kind: doan_co_so
    children:
      - {code: cd-khoa-noi, name: Chi đoàn Khoa Nội, kind: chi_doan}
"""
    old = ("unit: dcs-bv\nperiod: 2012Q1\nscope: rollup\nvalues: {to_chuc: {doan_vien: 30}}\n"
           "coverage: {to_chuc.doan_vien: 2}\ncompleteness: {expected: [cd-khoa-noi, cd-khoa-ngoai]}\n")
    new = ("unit: dcs-moi\nperiod: 2012Q1\nscope: rollup\nvalues: {to_chuc: {doan_vien: 10}}\n"
           "coverage: {to_chuc.doan_vien: 1}\ncompleteness: {expected: [cd-khoa-noi]}\n")
    ws = make_ws({"data/bv-q1.yaml": old, "data/moi-q1.yaml": new}, units=units)
    result = run("aggregate", "--workspace", ws, "--period", "2012Q1", "--format", "json", "--no-cache")
    assert result.exit_code == 1
    assert "[rollup-double-count]" in result.stderr
    assert "data/bv-q1.yaml" in result.stderr and "data/moi-q1.yaml" in result.stderr


def test_a_file_of_a_unit_the_rollup_lists_as_missing_still_counts():
    january = sub("""
        unit: dcs
        period: 2012Q1
        scope: rollup
        values: {tuyen_truyen: {cuoc: 3}}
        coverage: {tuyen_truyen.cuoc: 1}
        completeness: {expected: [a, b], reported: [a], missing: [b]}
    """, "dcs-q1.yaml")
    late = sub("unit: b\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 4}}\n", "b-q1.yaml")
    result = run([january, late], "2012Q1")
    assert result.values == {"tuyen_truyen.cuoc": 7}
    assert result.set_aside == ()
    assert result.completeness.missing == ()


def test_a_unit_nobody_expects_a_file_from_weighs_nothing_against_the_files():
    q1 = sub("""
        unit: dcs
        period: 2012Q1
        scope: rollup
        values: {tuyen_truyen: {cuoc: 5}}
        coverage: {tuyen_truyen.cuoc: 2}
    """, "dcs-q1.yaml")
    files = [sub("unit: a\nperiod: 2012H1\nvalues: {tuyen_truyen: {cuoc: 60}}\n", "a-h1.yaml")]
    files += [sub(f"unit: b\nperiod: 2012M0{m}\nvalues: {{tuyen_truyen: {{cuoc: 1}}}}\n", f"b-m{m}.yaml") for m in (1, 4, 5, 6)]
    result = run([q1] + files, "2012H1")
    assert result.values == {"tuyen_truyen.cuoc": 64}  # the rollup gives 9 unit-months, the files 10
    assert {a.file: a.reason for a in result.set_aside} == {"dcs-q1.yaml": "rollup-fewer-months"}


def test_a_rollup_and_files_of_other_units_for_other_months_both_count():
    q2 = sub("""
        unit: dcs
        period: 2012Q2
        scope: rollup
        values: {to_chuc: {doan_vien: 10}, tuyen_truyen: {cuoc: 2}}
        coverage: {to_chuc.doan_vien: 1, tuyen_truyen.cuoc: 1}
        completeness: {expected: [a, b], reported: [a], missing: [b]}
    """, "dcs-q2.yaml")
    b_q1 = sub("unit: b\nperiod: 2012Q1\nvalues: {to_chuc: {doan_vien: 30}, tuyen_truyen: {cuoc: 4}}\n", "b-q1.yaml")
    result = run([q2, b_q1], "2012H1")
    assert result.values == {"to_chuc.doan_vien": 40, "tuyen_truyen.cuoc": 6}
    assert dict(result.coverage) == {"to_chuc.doan_vien": 2, "tuyen_truyen.cuoc": 2}
    assert result.notes == ()


def test_a_later_rollup_supersedes_only_its_own_units_earlier_stocks():
    q1 = [sub("unit: a\nperiod: 2012Q1\nvalues: {to_chuc: {doan_vien: 14}}\n", "a-q1.yaml"),
          sub("unit: b\nperiod: 2012Q1\nvalues: {to_chuc: {doan_vien: 13}}\n", "b-q1.yaml")]
    q2 = sub("""
        unit: dcs
        period: 2012Q2
        scope: rollup
        values: {to_chuc: {doan_vien: 15}}
        coverage: {to_chuc.doan_vien: 1}
        completeness: {expected: [a, b], reported: [a], missing: [b]}
    """, "dcs-q2.yaml")
    result = run(q1 + [q2], "2012H1")
    assert result.values == {"to_chuc.doan_vien": 28}  # a from the rollup (15), b from its own Q1 file (13)
    assert dict(result.coverage) == {"to_chuc.doan_vien": 2}


def test_a_stock_the_sources_give_for_different_units_is_flagged():
    q1 = sub("""
        unit: dcs
        period: 2012Q1
        scope: rollup
        values: {to_chuc: {doan_vien: 30}}
        coverage: {to_chuc.doan_vien: 2}
        completeness: {expected: [a, b], reported: [a, b]}
    """, "dcs-q1.yaml")
    result = run([q1, sub("unit: a\nperiod: 2012Q2\nvalues: {to_chuc: {doan_vien: 16}}\n", "a-q2.yaml")], "2012H1")
    assert result.values == {"to_chuc.doan_vien": 30}
    assert [(n.code, n.file, n.args["code"]) for n in result.notes] == [("stock-mixed", "dcs-q1.yaml", "to_chuc.doan_vien")]


# --- the records, exactly ---------------------------------------------------------

def test_what_each_unit_wrote_is_said_with_its_unit_file_and_place():
    own = sub("""
        unit: a
        period: 2012Q1
        narrative: {kho_khan: [Một., Hai.], kien_nghi: Ba.}
    """, "a-q1.yaml")
    rollup = sub("""
        unit: dcs
        period: 2012Q2
        scope: rollup
        narrative: {han_che: Bốn.}
        unit_narrative:
          - {unit: b, key: kho_khan, text: Năm.}
          - {unit: b, unit_name: Chi đoàn B cũ, key: kien_nghi, text: Sáu.}
          - {unit: x9, key: kho_khan, text: Bảy.}
    """, "dcs-q2.yaml")
    said = run([own, rollup], "2012H1").said
    assert [(s.unit, s.unit_name, s.key, s.text, s.file, s.path) for s in said] == [
        ("dcs", "Đoàn cơ sở X", "han_che", "Bốn.", "dcs-q2.yaml", ("narrative", "han_che", 0)),
        ("b", "Chi đoàn B", "kho_khan", "Năm.", "dcs-q2.yaml", ("unit_narrative", 0, "text")),
        ("b", "Chi đoàn B cũ", "kien_nghi", "Sáu.", "dcs-q2.yaml", ("unit_narrative", 1, "text")),
        ("x9", "x9", "kho_khan", "Bảy.", "dcs-q2.yaml", ("unit_narrative", 2, "text")),
        ("a", "Chi đoàn A", "kho_khan", "Một.", "a-q1.yaml", ("narrative", "kho_khan", 0)),
        ("a", "Chi đoàn A", "kho_khan", "Hai.", "a-q1.yaml", ("narrative", "kho_khan", 1)),
        ("a", "Chi đoàn A", "kien_nghi", "Ba.", "a-q1.yaml", ("narrative", "kien_nghi", 0)),
    ]


def test_a_set_aside_file_says_nothing():
    q1 = sub("unit: a\nperiod: 2012Q1\nnarrative: {kho_khan: Quý.}\n", "a-q1.yaml")
    half = sub("unit: a\nperiod: 2012H1\nnarrative: {kho_khan: Nửa năm.}\n", "a-h1.yaml")
    assert [s.text for s in run([q1, half], "2012H1").said] == ["Nửa năm."]


def test_double_counts_name_the_unit_the_period_and_both_files():
    from doanreport.rollup.aggregation import double_counts

    tree = tree_of("""\
        code: dk
        name: Đoàn Khối
        kind: doan_khoi
        children:
          - {code: dcs, name: Đoàn cơ sở X, kind: doan_co_so, children: [{code: a, name: Chi đoàn A, kind: chi_doan}]}
          - {code: b, name: Chi đoàn B, kind: chi_doan_co_so}
        """)
    old = sub("""
        unit: dcs
        period: 2012Q1
        scope: rollup
        values: {tuyen_truyen: {cuoc: 5}}
        completeness: {expected: [a, b, zz], missing: [zz]}
    """, "dcs-q1.yaml")
    b = sub("unit: b\nperiod: 2012M02\nvalues: {tuyen_truyen: {cuoc: 1}}\n", "b-m2.yaml")
    later = sub("unit: b\nperiod: 2012Q2\nvalues: {tuyen_truyen: {cuoc: 1}}\n", "b-q2.yaml")
    files = [old, b, later]
    result = aggregate(tree, CATALOG, files, "dk", parse("2012H1"))
    diags = double_counts(result, {f.facts.unit: [f] for f in files} | {"b": [b, later]}, tree)
    assert [(d.severity, d.code, d.file, dict(d.args)) for d in diags] == [
        ("error", "rollup-double-count", "dcs-q1.yaml",
         {"period": "6 tháng đầu năm 2012", "rollup": "dcs-q1.yaml", "unit": "Chi đoàn B", "file": "b-m2.yaml"}),
    ]


def test_a_mixed_stock_is_flagged_once_with_its_label_and_period():
    q1 = sub("""
        unit: dcs
        period: 2012Q1
        scope: rollup
        values: {to_chuc: {doan_vien: 30}, tuyen_truyen: {cuoc: 3}}
        coverage: {to_chuc.doan_vien: 2, tuyen_truyen.cuoc: 2}
        completeness: {expected: [a, b], reported: [a, b]}
    """, "dcs-q1.yaml")
    a = sub("unit: a\nperiod: 2012Q2\nvalues: {to_chuc: {doan_vien: 16}, tuyen_truyen: {cuoc: 2}}\n", "a-q2.yaml")
    result = run([q1, a], "2012H1")
    assert [(n.severity, n.code, n.file, dict(n.args)) for n in result.notes] == [
        ("warning", "stock-mixed", "dcs-q1.yaml",
         {"code": "to_chuc.doan_vien", "label": CATALOG["to_chuc.doan_vien"].label, "period": "6 tháng đầu năm 2012"}),
    ]
    assert result.values == {"to_chuc.doan_vien": 30, "tuyen_truyen.cuoc": 5}
    assert dict(result.coverage) == {"to_chuc.doan_vien": 2, "tuyen_truyen.cuoc": 2}
    assert dict(result.own.coverage) == {"to_chuc.doan_vien": 2, "tuyen_truyen.cuoc": 1}


def test_the_text_of_a_file_a_rollup_stands_for_still_counts():
    q1 = sub("""
        unit: dcs
        period: 2012Q1
        scope: rollup
        values: {tuyen_truyen: {cuoc: 5}}
        coverage: {tuyen_truyen.cuoc: 2}
    """, "dcs-q1.yaml")
    text = sub("unit: a\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 3}}\nnarrative: {kien_nghi: Cần thêm kinh phí.}\n",
               "a-q1.yaml")
    result = run([q1, text], "2012Q1")
    assert result.values == {"tuyen_truyen.cuoc": 5}
    assert [(s.unit, s.key, s.text, s.file) for s in result.said] == [("a", "kien_nghi", "Cần thêm kinh phí.", "a-q1.yaml")]
