"""Unit tests of `doanreport.load.checks`: one file's content against the tree and the catalog."""

from __future__ import annotations

import textwrap

import pytest

from doanreport.load.catalog_file import build_catalog, builtin_document
from doanreport.load.checks import MAX_VALUE, Context, check_document
from doanreport.load.source import Document, parse_yaml
from doanreport.load.tree import build_tree
from doanreport.model.messages import Phrase

CATALOG, _ = build_catalog([builtin_document()])

TREE_YAML = """\
code: dk
name: Đoàn Khối
kind: doan_khoi
children:
  - {code: cd-a, name: Chi đoàn A, kind: chi_doan_co_so}
  - {code: cd-moi, name: Chi đoàn Mới, kind: chi_doan_co_so, established: 2012-05-10}
  - {code: cd-cu, name: Chi đoàn Cũ, kind: chi_doan_co_so, dissolved: 2012-02-15}
  - code: dcs
    name: Đoàn cơ sở
    kind: doan_co_so
    children:
      - {code: cd-x, name: Chi đoàn X, kind: chi_doan}
      - {code: cd-y, name: Chi đoàn Y, kind: chi_doan}
"""
TREE = build_tree(parse_yaml(TREE_YAML, "units.yaml")[0])[0]
CTX = Context(TREE, CATALOG)


def doc(text: str) -> Document:
    document, diags = parse_yaml(textwrap.dedent(text), "data/f.yaml")
    assert document is not None and not diags, diags
    return document


def check(text: str, ctx: Context = CTX) -> list[tuple]:
    """(severity, code, line, column, args) of every diagnostic, in the order the checks give them."""
    return [(d.severity, d.code, d.line, d.column, dict(d.args)) for d in check_document(doc(text), ctx)]


def codes(text: str, ctx: Context = CTX) -> list[str]:
    return [d.code for d in check_document(doc(text), ctx)]


def test_a_clean_file_has_no_diagnostics():
    assert check("""
        unit: cd-a
        period: 2012Q1
        values:
          to_chuc: {doan_vien: 20}
          sinh_hoat: {ty_le_tham_gia: 85.5}
          tuyen_truyen: {cuoc: 3, luot_tham_gia: null}
        narrative: {han_che: [Còn ít.], tuyen_truyen: Tốt.}
    """) == []


def test_a_document_that_is_not_a_mapping_is_left_to_the_schema():
    assert check_document(Document("data/f.yaml", ["unit", "cd-a"]), CTX) == []


# --- the unit ---------------------------------------------------------------------


def test_unknown_unit_with_a_suggestion():
    assert check("unit: cd-aa\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 1}}") == [
        ("error", "unknown-unit", 1, 7, {"unit": "cd-aa", "suggestion": "cd-a"}),
    ]
    assert check("unit: zzz\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 1}}")[0][4] == {"unit": "zzz", "suggestion": None}


def test_unit_not_yet_established():
    assert check("unit: cd-moi\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 1}}") == [
        ("error", "unit-inactive", 2, 9, {"unit": "cd-moi", "name": "Chi đoàn Mới", "period": "quý I/2012",
                                         "why": Phrase("not-established", {"date": "10/05/2012"})}),
    ]
    assert check("unit: cd-moi\nperiod: 2012Q2\nvalues: {tuyen_truyen: {cuoc: 1}}") == []


def test_unit_dissolved():
    assert check("unit: cd-cu\nperiod: 2012Q2\nvalues: {tuyen_truyen: {cuoc: 1}}") == [
        ("error", "unit-inactive", 2, 9, {"unit": "cd-cu", "name": "Chi đoàn Cũ", "period": "quý II/2012",
                                         "why": Phrase("dissolved", {"date": "15/02/2012"})}),
    ]
    assert check("unit: cd-cu\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 1}}") == []


@pytest.mark.parametrize("unit", ['""', "123", "[cd-a]"])
def test_a_unit_that_is_not_a_code_is_left_to_the_schema(unit):
    assert codes(f"unit: {unit}\nperiod: 2012Q1\nvalues: {{tuyen_truyen: {{cuoc: 1}}}}") == []


@pytest.mark.parametrize("period", ["2012Q5", "[1]", "null"])
def test_a_wrong_period_is_left_to_the_schema(period):
    assert codes(f"unit: cd-moi\nperiod: {period}\nvalues: {{tuyen_truyen: {{cuoc: 1}}}}") == []


def test_without_a_tree_the_unit_is_not_checked_but_the_values_are():
    ctx = Context(None, CATALOG)
    assert codes("unit: nobody\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: -1}}", ctx) == ["negative-value"]
    assert codes("unit: dcs\nscope: rollup\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 1}}\ncoverage: {x.y: 1}", ctx) == []


# --- values ---------------------------------------------------------------------------


def test_unknown_group_with_a_suggestion():
    assert check("unit: cd-a\nperiod: 2012Q1\nvalues:\n  tuyen_truyn: {cuoc: 1}\n  to_chuc: {doan_vien: 3}") == [
        ("error", "unknown-group", 4, 3, {"group": "tuyen_truyn", "suggestion": "tuyen_truyen"}),
    ]


def test_unknown_indicator_suggested_within_its_group_then_in_the_catalog():
    assert check("unit: cd-a\nperiod: 2012Q1\nvalues:\n  to_chuc: {doan_vein: 3}") == [
        ("error", "unknown-indicator", 4, 13, {"code": "to_chuc.doan_vein", "suggestion": "to_chuc.doan_vien"}),
    ]
    [(_, _, _, _, args)] = check("unit: cd-a\nperiod: 2012Q1\nvalues:\n  sinh_hoat: {ket_nap_doan_vien: 3}")
    assert args == {"code": "sinh_hoat.ket_nap_doan_vien", "suggestion": "to_chuc.ket_nap_doan_vien"}
    [(_, _, _, _, args)] = check("unit: cd-a\nperiod: 2012Q1\nvalues:\n  to_chuc: {qqqqqqqq: 3}")
    assert args == {"code": "to_chuc.qqqqqqqq", "suggestion": None}


def test_a_group_that_is_not_a_mapping_is_left_to_the_schema():
    assert codes("unit: cd-a\nperiod: 2012Q1\nvalues:\n  to_chuc: 5\n  tuyen_truyen: {cuoc: 1}") == []


@pytest.mark.parametrize("value", ["null", "true", "mười", "[1]"])
def test_a_value_that_is_not_a_number_is_left_to_the_schema(value):
    assert codes(f"unit: cd-a\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {{cuoc: {value}, luot_tham_gia: 2}}") == []


def test_negative_count():
    assert check("unit: cd-a\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {cuoc: -2}") == [
        ("error", "negative-value", 4, 24, {"code": "tuyen_truyen.cuoc", "label": CATALOG["tuyen_truyen.cuoc"].label,
                                            "value": -2}),
    ]


def test_fraction_in_a_count_with_the_thousands_hint():
    [(sev, code, line, col, args)] = check("unit: cd-a\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {luot_tham_gia: 2.145}")
    assert (sev, code, line, col) == ("error", "not-integer", 4, 33)
    assert args["value"] == 2.145 and args["hint"] == Phrase("hint-thousands-dot", {"fixed": 2145})
    [(*_, args)] = check("unit: cd-a\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {luot_tham_gia: 2.1456}")
    assert args["hint"] is None
    [(*_, args)] = check("unit: cd-a\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {luot_tham_gia: 14.236}")
    assert args["hint"] == Phrase("hint-thousands-dot", {"fixed": 14236})


def test_percentages_between_zero_and_a_hundred_and_decimals_allowed():
    text = "unit: cd-a\nperiod: 2012Q1\nvalues:\n  to_chuc: {{doan_vien: 5}}\n  sinh_hoat: {{ty_le_tham_gia: {}}}"
    assert codes(text.format("0")) == codes(text.format("100")) == codes(text.format("85.5")) == []
    label = CATALOG["sinh_hoat.ty_le_tham_gia"].label
    assert check(text.format("100.5")) == [
        ("error", "percent-range", 5, 31, {"code": "sinh_hoat.ty_le_tham_gia", "label": label, "value": 100.5})]
    assert codes(text.format("-1")) == ["percent-range"]


def test_values_beyond_the_limit():
    assert MAX_VALUE == 10**15
    text = "unit: cd-a\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {{cuoc: {}}}"
    assert codes(text.format(10**15)) == []
    assert check(text.format(10**15 + 1)) == [
        ("error", "value-too-large", 4, 24, {"code": "tuyen_truyen.cuoc", "label": CATALOG["tuyen_truyen.cuoc"].label,
                                             "value": 10**15 + 1, "limit": 10**15})]
    assert codes(text.format(-(10**15) - 1)) == ["value-too-large"]


def test_a_rate_without_its_weight_is_warned_about_in_own_files_only():
    text = "unit: cd-a\nperiod: 2012Q1\n{}values:\n  sinh_hoat: {{ty_le_tham_gia: 90}}\n  to_chuc: {{{}}}"
    assert check(text.format("", "ket_nap_doan_vien: 1")) == [
        ("warning", "rate-without-weight", 4, 31, {
            "code": "sinh_hoat.ty_le_tham_gia", "label": CATALOG["sinh_hoat.ty_le_tham_gia"].label,
            "weight": "to_chuc.doan_vien", "weight_label": CATALOG["to_chuc.doan_vien"].label}),
    ]
    assert codes(text.format("", "doan_vien: null")) == ["rate-without-weight"]
    assert codes(text.format("", "doan_vien: 0")) == []
    assert codes(text.format("scope: rollup\n", "ket_nap_doan_vien: 1")) == []
    assert codes("unit: cd-a\nperiod: 2012Q1\nvalues:\n  sinh_hoat: {ty_le_tham_gia: 90}") == ["rate-without-weight"]
    assert codes("unit: cd-a\nperiod: 2012Q1\nvalues:\n  sinh_hoat: {ty_le_tham_gia: 90}\n  to_chuc: 3") == ["rate-without-weight"]
    assert codes("unit: cd-a\nperiod: 2012Q1\nvalues:\n  sinh_hoat: {ty_le_tham_gia: null, buoi: 2}") == []


# --- empty files ------------------------------------------------------------------------


def test_a_blank_form_is_flagged():
    assert check("unit: cd-a\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {cuoc: null}") == [
        ("warning", "empty-submission", 3, 1, {})]
    assert codes("unit: cd-a\nperiod: 2012Q1") == ["empty-submission"]
    assert codes("unit: cd-a\nperiod: 2012Q1\nnarrative: {han_che: null}") == ["empty-submission"]
    assert codes("unit: cd-a\nperiod: 2012Q1\nnarrative: {han_che: []}") == ["empty-submission"]


def test_a_form_with_anything_in_it_is_not_blank():
    assert codes("unit: cd-a\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {cuoc: 0}") == []
    assert codes("unit: cd-a\nperiod: 2012Q1\nhighlights: [{kind: mo_hinh, name: X}]") == []
    assert codes("unit: cd-a\nperiod: 2012Q1\nnarrative: {han_che: Còn ít.}") == []


def test_no_blank_form_warning_on_top_of_a_misspelt_key():
    assert codes("unit: cd-a\nperiod: 2012Q1\nvalue:\n  tuyen_truyen: {cuoc: 1}") == []


# --- rollups ----------------------------------------------------------------------------


def test_a_rollup_names_catalog_codes_and_positive_weights():
    assert check("""
        unit: dcs
        period: 2012Q1
        scope: rollup
        values: {sinh_hoat: {ty_le_tham_gia: 90}}
        coverage: {sinh_hoat.ty_le_tham_gia: 2, sinh_hoat.ty_le: 1}
        weights: {sinh_hoat.ty_le_tham_gia: 0, sinh_hoat.ty_le: 3}
    """) == [
        ("error", "unknown-indicator", 6, 41, {"code": "sinh_hoat.ty_le", "suggestion": "sinh_hoat.ty_le_tham_gia"}),
        ("error", "weight-not-positive", 7, 37, {"code": "sinh_hoat.ty_le_tham_gia", "value": 0}),
        ("error", "unknown-indicator", 7, 40, {"code": "sinh_hoat.ty_le", "suggestion": "sinh_hoat.ty_le_tham_gia"}),
    ]


@pytest.mark.parametrize(("weight", "ok"), [("1", True), ("0.5", True), (str(10**15), True), ("-2", False),
                                              (str(10**15 + 1), False), ("0", False), ("ba", True)])
def test_rollup_weights_range(weight, ok):
    text = ("unit: dcs\nperiod: 2012Q1\nscope: rollup\nvalues: {sinh_hoat: {ty_le_tham_gia: 90}}\n"
            f"weights: {{sinh_hoat.ty_le_tham_gia: {weight}}}")
    assert codes(text) == ([] if ok else ["weight-not-positive"])


def test_rollup_coverage_no_more_than_the_units_of_the_branch_active_in_the_period():
    # every unit may have figures of its own: the branch's units active in the period, itself included
    text = "unit: dcs\nperiod: 2012Q1\nscope: rollup\nvalues: {{tuyen_truyen: {{cuoc: 3}}}}\ncoverage: {{tuyen_truyen.cuoc: {}}}"
    assert codes(text.format(3)) == []
    assert check(text.format(4)) == [("error", "coverage-too-high", 5, 31, {"code": "tuyen_truyen.cuoc", "value": 4, "most": 3})]
    # the whole Đoàn Khối has six units active in 2012Q1 (the new one not yet, the old one still)
    top = "unit: dk\nperiod: 2012Q1\nscope: rollup\nvalues: {{tuyen_truyen: {{cuoc: 3}}}}\ncoverage: {{tuyen_truyen.cuoc: {}}}"
    assert codes(top.format(6)) == [] and codes(top.format(7)) == ["coverage-too-high"]


def test_rollup_completeness_names_units_of_its_branch():
    assert check("""
        unit: dcs
        period: 2012Q1
        scope: rollup
        values: {tuyen_truyen: {cuoc: 3}}
        completeness:
          expected: [cd-x, cd-y, cd-a]
          missing: [cd-z]
          months: {cd-x: 3, cd-q: 1}
    """) == [
        ("warning", "rollup-unknown-unit", 7, 26, {"unit": "cd-a", "parent": "dcs"}),
        ("warning", "rollup-unknown-unit", 8, 13, {"unit": "cd-z", "parent": "dcs"}),
        ("warning", "rollup-unknown-unit", 9, 21, {"unit": "cd-q", "parent": "dcs"}),
    ]


def test_a_rollup_of_a_leaf_or_an_unknown_unit_is_not_checked_against_the_tree():
    text = """
        unit: {}
        period: 2012Q1
        scope: rollup
        values: {{tuyen_truyen: {{cuoc: 3}}}}
        coverage: {{tuyen_truyen.cuoc: 9}}
        completeness: {{expected: [nobody]}}
    """
    assert codes(text.format("cd-a")) == []
    assert codes(text.format("cd-b")) == ["unknown-unit"]
    assert codes(text.format("dcs").replace("2012Q1", "2012Q9")) == []


def test_rollup_only_keys_in_an_own_file():
    assert check("""
        unit: cd-a
        period: 2012Q1
        values: {tuyen_truyen: {cuoc: 3}}
        coverage: {tuyen_truyen.cuoc: 1}
        weights: {}
        completeness: {}
    """) == [
        ("error", "rollup-only", 5, 1, {"key": "coverage"}),
        ("error", "rollup-only", 6, 1, {"key": "weights"}),
        ("error", "rollup-only", 7, 1, {"key": "completeness"}),
    ]


# --- narrative ----------------------------------------------------------------------------


def test_a_misspelt_narrative_key_is_warned_about():
    assert check("unit: cd-a\nperiod: 2012Q1\nnarrative:\n  han_chee: [Còn ít.]\n  tuyen_truyen: Tốt.\n  mo_hin: X\n  loi_rieng: Y") == [
        ("warning", "unknown-narrative-key", 4, 3, {"key": "han_chee", "suggestion": "han_che"}),
        ("warning", "unknown-narrative-key", 6, 3, {"key": "mo_hin", "suggestion": "mo_hinh"}),
    ]


def test_every_known_narrative_key_is_accepted():
    keys = ["chi_dao", "phuong_huong", "mo_dau", "cai_cach_hanh_chinh", "xay_dung_dang", "ct03"]
    text = "unit: cd-a\nperiod: 2012Q1\nnarrative:\n" + "".join(f"  {k}: Có.\n" for k in keys)
    assert codes(text) == []


def test_a_narrative_that_is_not_a_mapping_is_left_to_the_schema():
    assert codes("unit: cd-a\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 1}}\nnarrative: [a, b]") == []
