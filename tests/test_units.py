"""Unit tests of `doanreport.units`: the organisation tree (SPEC section 2)."""

from __future__ import annotations

import textwrap
from datetime import date

import pytest

from doanreport.load.source import parse_yaml
from doanreport.load.tree import build_tree
from doanreport.model.periods import parse
from doanreport.model.units import Kind, Tree


def tree_of(text: str):
    doc, diags = parse_yaml(textwrap.dedent(text), "units.yaml")
    assert doc is not None, diags
    return build_tree(doc)


def good_tree(text: str) -> Tree:
    tree, diags = tree_of(text)
    assert diags == []
    assert tree is not None
    return tree


def errors_of(text: str) -> list:
    tree, diags = tree_of(text)
    assert tree is None
    assert diags, "expected at least one diagnostic"
    assert all(d.file == "units.yaml" for d in diags)
    return diags


def only(diags, code: str):
    found = [d for d in diags if d.code == code]
    assert len(found) == 1, [(d.code, d.line, d.column) for d in diags]
    assert found[0].severity == "error"
    return found[0]


TREE = """\
code: dk-ccq-soc-trang
name: Đoàn Khối các cơ quan tỉnh Sóc Trăng
kind: doan_khoi
children:
  - {code: cd-vp-tinh-uy, name: Chi đoàn Văn phòng Tỉnh ủy, kind: chi_doan_co_so}
  - {code: cd-so-tai-chinh, name: Chi đoàn Sở Tài chính, kind: chi_doan_co_so, reports: false}
  - code: dcs-bv-da-khoa
    name: Đoàn cơ sở Bệnh viện Đa khoa
    kind: doan_co_so
    children:
      - {code: cd-khoa-noi, name: Chi đoàn Khoa Nội, kind: chi_doan, dissolved: 2012-02-15}
      - {code: cd-khoa-ngoai, name: Chi đoàn Khoa Ngoại, kind: chi_doan, established: 2012-05-10}
  - code: dcs-cong-an
    name: Đoàn cơ sở Công an tỉnh
    kind: doan_co_so
    reports: true
    children:
      - {code: cd-pc45, name: Chi đoàn PC45, kind: chi_doan}
"""


# --- a valid tree ---------------------------------------------------------------


def test_valid_tree_is_indexed() -> None:
    tree = good_tree(TREE)
    assert tree.root == "dk-ccq-soc-trang"
    assert list(tree.units) == [
        "dk-ccq-soc-trang",
        "cd-vp-tinh-uy",
        "cd-so-tai-chinh",
        "dcs-bv-da-khoa",
        "cd-khoa-noi",
        "cd-khoa-ngoai",
        "dcs-cong-an",
        "cd-pc45",
    ]
    assert "cd-khoa-noi" in tree and "nope" not in tree
    root = tree["dk-ccq-soc-trang"]
    assert root.name == "Đoàn Khối các cơ quan tỉnh Sóc Trăng"
    assert root.kind is Kind.doan_khoi
    assert all(root.code not in u.children for u in tree.units.values())
    assert root.children == ("cd-vp-tinh-uy", "cd-so-tai-chinh", "dcs-bv-da-khoa", "dcs-cong-an")
    noi = tree["cd-khoa-noi"]
    assert "cd-khoa-noi" in tree["dcs-bv-da-khoa"].children
    assert noi.kind is Kind.chi_doan
    assert noi.dissolved == date(2012, 2, 15)
    assert noi.established is None
    assert tree["cd-khoa-ngoai"].established == date(2012, 5, 10)
    assert tree["cd-vp-tinh-uy"].children == ()


def test_subtree_and_ancestors_in_file_order() -> None:
    tree = good_tree(TREE)
    assert [u.code for u in tree.subtree("dcs-bv-da-khoa")] == ["dcs-bv-da-khoa", "cd-khoa-noi", "cd-khoa-ngoai"]
    assert [u.code for u in tree.subtree("dk-ccq-soc-trang")] == list(tree.units)
    assert "cd-khoa-ngoai" in tree["dcs-bv-da-khoa"].children
    assert "dcs-bv-da-khoa" in tree["dk-ccq-soc-trang"].children


def test_reports_default_and_explicit() -> None:
    tree = good_tree(TREE)
    # default: leaves report, parents do not
    assert tree["cd-vp-tinh-uy"].reports is True
    assert tree["cd-khoa-noi"].reports is True
    assert tree["dcs-bv-da-khoa"].reports is False
    assert tree["dk-ccq-soc-trang"].reports is False
    # explicit values win
    assert tree["cd-so-tai-chinh"].reports is False
    assert tree["dcs-cong-an"].reports is True


def test_single_unit_tree_reports_itself() -> None:
    tree = good_tree(
        """\
        code: cd-mot
        name: Chi đoàn Một
        kind: chi_doan_co_so
        """
    )
    assert list(tree.units) == ["cd-mot"]
    assert tree["cd-mot"].reports is True


def test_text_is_trimmed_and_kinds_have_labels() -> None:
    tree = good_tree(
        """\
        code: tinh
        name: "  Tỉnh Đoàn Sóc Trăng  "
        kind: tinh_doan
        children:
          - {code: hd-a, name: Huyện Đoàn A, kind: huyen_doan}
        """
    )
    assert tree["tinh"].name == "Tỉnh Đoàn Sóc Trăng"
    assert Kind.tinh_doan.label == "Tỉnh Đoàn"
    assert Kind.chi_doan_co_so.label == "Chi đoàn cơ sở"
    assert Kind.tinh_doan.level < Kind.doan_khoi.level < Kind.doan_co_so.level < Kind.chi_doan.level


# --- errors -----------------------------------------------------------------------


def test_duplicate_code() -> None:
    diags = errors_of(
        """\
        code: dk-test
        name: Đoàn Khối
        kind: doan_khoi
        children:
          - {code: cd-a, name: Chi đoàn A, kind: chi_doan_co_so}
          - code: dcs-b
            name: Đoàn cơ sở B
            kind: doan_co_so
            children:
              - {code: cd-a, name: Chi đoàn A trùng, kind: chi_doan}
        """
    )
    dup = only(diags, "duplicate-unit")
    assert (dup.line, dup.column) == (10, 16)
    assert dup.args["first_line"] == 5
    assert dup.args["unit"] == "cd-a"
    assert "cd-a" in dup.message("vi") and "dòng 5" in dup.message("vi")
    assert "trùng" in dup.message("vi")
    assert "Duplicate" in dup.message("en") and "line 5" in dup.message("en")


def test_duplicate_siblings() -> None:
    diags = errors_of(
        """\
        code: dk-test
        name: Đoàn Khối
        kind: doan_khoi
        children:
          - {code: cd-a, name: Chi đoàn A, kind: chi_doan_co_so}
          - {code: cd-b, name: Chi đoàn B, kind: chi_doan_co_so}
          - {code: cd-a, name: Chi đoàn A lần hai, kind: chi_doan_co_so}
        """
    )
    dup = only(diags, "duplicate-unit")
    assert dup.line == 7
    assert dup.args["first_line"] == 5


def test_code_inside_its_own_subtree_is_a_cycle() -> None:
    diags = errors_of(
        """\
        code: dk-test
        name: Đoàn Khối
        kind: doan_khoi
        children:
          - code: dcs-b
            name: Đoàn cơ sở B
            kind: doan_co_so
            children:
              - {code: dcs-b, name: Lại là B, kind: chi_doan}
        """
    )
    cycle = only(diags, "unit-cycle")
    assert (cycle.line, cycle.column) == (9, 16)
    assert cycle.args["unit"] == "dcs-b"
    assert "dcs-b" in cycle.message("vi") and "vòng lặp" in cycle.message("vi")
    assert "cycle" in cycle.message("en")
    assert not [d for d in diags if d.code == "duplicate-unit"]


def test_root_code_repeated_deep_below_is_a_cycle() -> None:
    diags = errors_of(
        """\
        code: dk-test
        name: Đoàn Khối
        kind: doan_khoi
        children:
          - code: dcs-b
            name: Đoàn cơ sở B
            kind: doan_co_so
            children:
              - {code: dk-test, name: Gốc lặp lại, kind: chi_doan}
        """
    )
    assert only(diags, "unit-cycle").line == 9


def test_unknown_kind() -> None:
    diags = errors_of(
        """\
        code: dk-test
        name: Đoàn Khối
        kind: doan_khoi
        children:
          - {code: cd-a, name: Chi đoàn A, kind: chi_doan_xx}
        """
    )
    bad = only(diags, "invalid-choice")
    assert (bad.line, bad.column) == (5, 42)
    assert "chi_doan_xx" in bad.message("vi")
    assert "chi_doan_co_so" in bad.message("vi")
    assert "not valid" in bad.message("en")


def test_unknown_kind_message_is_vietnamese_throughout() -> None:
    # SPEC 7: messages are in Vietnamese. The list of choices should not be
    # joined with the English word "or" in the Vietnamese message.
    diags = errors_of(
        """\
        code: dk-test
        name: Đoàn Khối
        kind: doan_khoi_xx
        """
    )
    message = only(diags, "invalid-choice").message("vi")
    assert " or " not in message, message


@pytest.mark.parametrize(
    ("parent_kind", "child_kind"),
    [
        ("doan_khoi", "tinh_doan"),  # higher
        ("doan_khoi", "huyen_doan"),  # same level
        ("doan_co_so", "doan_co_so"),  # same kind
        ("doan_co_so", "chi_doan_co_so"),  # same level
        ("chi_doan", "doan_co_so"),  # higher
    ],
)
def test_child_of_higher_or_equal_level(parent_kind: str, child_kind: str) -> None:
    diags = errors_of(
        f"""\
        code: cha
        name: Đơn vị cha
        kind: {parent_kind}
        children:
          - code: con
            name: Đơn vị con
            kind: {child_kind}
        """
    )
    order = only(diags, "unit-kind-order")
    assert (order.line, order.column) == (7, 11)
    assert order.args["child"] == "Đơn vị con"
    assert order.args["parent"] == "Đơn vị cha"
    assert "Đơn vị con" in order.message("vi") and "trực thuộc" in order.message("vi")
    assert "cannot sit under" in order.message("en")


@pytest.mark.parametrize(
    ("parent_kind", "child_kind"),
    [
        ("tinh_doan", "doan_khoi"),
        ("tinh_doan", "huyen_doan"),
        ("tinh_doan", "chi_doan"),
        ("huyen_doan", "doan_co_so"),
        ("doan_khoi", "chi_doan_co_so"),
        ("doan_co_so", "chi_doan"),
    ],
)
def test_child_of_lower_level_is_fine(parent_kind: str, child_kind: str) -> None:
    tree = good_tree(
        f"""\
        code: cha
        name: Đơn vị cha
        kind: {parent_kind}
        children:
          - {{code: con, name: Đơn vị con, kind: {child_kind}}}
        """
    )
    assert tree["cha"].children == ("con",)


@pytest.mark.parametrize("code", ["Bad_Code", "cd a", "cd_a", "-cd", "cd-", "cd--a", "chi-đoàn"])
def test_bad_code_slug(code: str) -> None:
    diags = errors_of(
        f"""\
        code: dk-test
        name: Đoàn Khối
        kind: doan_khoi
        children:
          - code: "{code}"
            name: Chi đoàn A
            kind: chi_doan_co_so
        """
    )
    bad = only(diags, "invalid-slug")
    assert (bad.line, bad.column) == (5, 11)
    assert "-" in bad.message("vi") and "chữ thường" in bad.message("vi")


def test_dissolved_before_established() -> None:
    diags = errors_of(
        """\
        code: dk-test
        name: Đoàn Khối
        kind: doan_khoi
        children:
          - code: cd-a
            name: Chi đoàn A
            kind: chi_doan_co_so
            established: 2012-05-01
            dissolved: 2012-04-01
        """
    )
    dates = only(diags, "unit-dates")
    assert (dates.line, dates.column) == (9, 16)
    assert "2012-04-01" in dates.message("vi") and "2012-05-01" in dates.message("vi")


def test_dissolved_on_the_day_established() -> None:
    diags = errors_of(
        """\
        code: cd-a
        name: Chi đoàn A
        kind: chi_doan_co_so
        established: 2012-05-01
        dissolved: 2012-05-01
        """
    )
    assert only(diags, "unit-dates").line == 5


def test_unknown_key_with_suggestion() -> None:
    diags = errors_of(
        """\
        code: dk-test
        name: Đoàn Khối
        kind: doan_khoi
        chilren:
          - {code: cd-a, name: Chi đoàn A, kind: chi_doan_co_so}
        """
    )
    bad = only(diags, "unknown-key")
    assert (bad.line, bad.column) == (4, 1)
    assert bad.args["key"] == "chilren"
    assert bad.args["suggestion"] == "children"
    assert "chilren" in bad.message("vi") and "«children»" in bad.message("vi")
    assert "Did you mean 'children'?" in bad.message("en")


def test_unknown_key_in_a_nested_child() -> None:
    diags = errors_of(
        """\
        code: dk-test
        name: Đoàn Khối
        kind: doan_khoi
        children:
          - code: cd-a
            name: Chi đoàn A
            kind: chi_doan_co_so
            establised: 2012-01-01
        """
    )
    bad = only(diags, "unknown-key")
    assert (bad.line, bad.column) == (8, 5)
    assert bad.args["suggestion"] == "established"


def test_all_problems_reported_at_once() -> None:
    diags = errors_of(
        """\
        code: dk-test
        name: Đoàn Khối
        kind: doan_khoi
        children:
          - {code: cd-a, name: Chi đoàn A, kind: tinh_doan}
          - {code: cd-b, name: Chi đoàn B, kind: chi_doan, established: 2012-05-01, dissolved: 2012-01-01}
          - {code: cd-a, name: Chi đoàn A lặp, kind: chi_doan}
        """
    )
    assert sorted((d.code, d.line) for d in diags) == [
        ("duplicate-unit", 7),
        ("unit-dates", 6),
        ("unit-kind-order", 5),
    ]


def test_missing_required_fields() -> None:
    diags = errors_of(
        """\
        code: dk-test
        kind: doan_khoi
        """
    )
    assert only(diags, "missing-field").args["field"] == "name"


def test_not_a_mapping() -> None:
    doc, _ = parse_yaml("- a\n- b\n", "units.yaml")
    tree, diags = build_tree(doc)
    assert tree is None
    assert [d.code for d in diags] == ["not-mapping"]


# --- activity in time -----------------------------------------------------------


def unit_with(dates: str):
    tree = good_tree(
        f"""\
        code: cd-a
        name: Chi đoàn A
        kind: chi_doan_co_so
        {dates}
        """
    )
    return tree["cd-a"]


@pytest.mark.parametrize(
    ("dates", "active"),
    [
        ("", True),
        ("dissolved: 2012-01-01", False),  # gone on the first day of the period
        ("dissolved: 2011-12-31", False),
        ("dissolved: 2012-01-02", True),  # existed on 1 January
        ("dissolved: 2012-02-15", True),  # mid-period
        ("dissolved: 2012-04-01", True),
        ("established: 2012-01-01", True),
        ("established: 2011-05-01", True),
        ("established: 2012-02-15", True),  # mid-period
        ("established: 2012-03-31", True),  # the last day
        ("established: 2012-04-01", False),  # after the period
        ("established: 2012-02-01\ndissolved: 2012-03-01", True),
        ("established: 2010-01-01\ndissolved: 2011-06-01", False),
    ],
)
def test_active_in_edges(dates: str, active: bool) -> None:
    unit = unit_with(textwrap.indent(dates, " " * 8).lstrip())
    assert unit.active_in(parse("2012Q1")) is active


def test_active_in_a_longer_period() -> None:
    unit = unit_with("dissolved: 2012-02-15")
    assert unit.active_in(parse("2012"))
    assert unit.active_in(parse("2012M02"))
    assert not unit.active_in(parse("2012M03"))
    assert not unit.active_in(parse("2012Q2..2012Q4"))


def test_expected_reporters() -> None:
    tree = good_tree(TREE)
    q1, q2, q3 = parse("2012Q1"), parse("2012Q2"), parse("2012Q3")
    # Q1: Khoa Nội still active (dissolved 15/2), Khoa Ngoại not yet established (10/5),
    # Sở Tài chính reports: false, Công an reports: true although it has children.
    assert [u.code for u in tree.expected("dk-ccq-soc-trang", q1)] == [
        "cd-vp-tinh-uy",
        "cd-khoa-noi",
        "dcs-cong-an",
        "cd-pc45",
    ]
    assert [u.code for u in tree.expected("dk-ccq-soc-trang", q2)] == [
        "cd-vp-tinh-uy",
        "cd-khoa-ngoai",
        "dcs-cong-an",
        "cd-pc45",
    ]
    assert [u.code for u in tree.expected("dcs-bv-da-khoa", q3)] == ["cd-khoa-ngoai"]
    assert [u.code for u in tree.expected("cd-khoa-noi", q1)] == ["cd-khoa-noi"]
    assert tree.expected("cd-khoa-noi", q2) == []


def test_count_by_kind() -> None:
    tree = good_tree(TREE)
    q1, q2 = parse("2012Q1"), parse("2012Q2")
    root = "dk-ccq-soc-trang"
    # Q1: all but Khoa Ngoại (not yet established); the root itself not counted
    assert tree.count(root, q1) == 6
    assert tree.count(root, q1, Kind.doan_co_so) == 2
    assert tree.count(root, q1, Kind.chi_doan_co_so) == 2
    assert tree.count(root, q1, Kind.chi_doan) == 2
    assert tree.count(root, q1, Kind.doan_khoi) == 0
    # Q2: Khoa Nội gone, Khoa Ngoại there
    assert tree.count(root, q2) == 6
    assert tree.count(root, q2, Kind.chi_doan) == 2
    # over the whole year both existed
    assert tree.count("dcs-bv-da-khoa", parse("2012"), Kind.chi_doan) == 2
    assert tree.count("dcs-bv-da-khoa", parse("2013Q1")) == 1
    assert tree.count("dcs-bv-da-khoa", parse("2011Q4")) == 1
    assert tree.count("cd-pc45", q1) == 0


def test_active_months_counts_months_with_at_least_one_day():
    from doanreport.model.periods import parse

    doc, _ = parse_yaml(textwrap.dedent("""\
        code: dk
        name: Đoàn Khối
        kind: doan_khoi
        children:
          - {code: a, name: A, kind: chi_doan_co_so, dissolved: 2012-02-15}
          - {code: b, name: B, kind: chi_doan_co_so, dissolved: 2012-03-01}
          - {code: c, name: C, kind: chi_doan_co_so, established: 2012-02-10}
          - {code: d, name: D, kind: chi_doan_co_so, established: 2013-01-01}
          - {code: e, name: E, kind: chi_doan_co_so, dissolved: 2012-03-02}
          - {code: f, name: F, kind: chi_doan_co_so, established: 2012-03-31, dissolved: 2012-04-01}
        """), "units.yaml")
    tree, _ = build_tree(doc)
    q1 = parse("2012Q1")
    assert [tree[c].active_months(q1) for c in "abcdef"] == [2, 2, 2, 0, 3, 1]
    assert tree["dk"].active_months(parse("2012")) == 12
    for code in "abcdef":  # agrees with the day-by-day rule, month by month
        unit = tree[code]
        by_month = sum(unit.active_in(parse(f"2012M{m:02d}")) for m in range(1, 13))
        assert unit.active_months(parse("2012")) == by_month
