"""Figures inside a unit's own prose: the grammar, `validate`'s messages at their
position, the figures filled in by `render`, gaps, and nothing stated twice."""

from __future__ import annotations

import pytest

from doanreport.model.placeholders import codes_in, fill, parse


@pytest.mark.parametrize(("text", "codes", "name", "arg"), [
    ("{{ tuyen_truyen.cuoc }}", ("tuyen_truyen.cuoc",), None, None),
    ("{{tuyen_truyen.cuoc|so}}", ("tuyen_truyen.cuoc",), "so", None),
    ("{{ a.b | xap_xi }}", ("a.b",), "xap_xi", None),
    ('{{ a.b | tien("trieu") }}', ("a.b",), "tien", "trieu"),
    ("{{ a.b | tien('ty') }}", ("a.b",), "tien", "ty"),
    ("{{ a.b + c.d | hai_so }}", ("a.b", "c.d"), "hai_so", None),
])
def test_a_well_formed_placeholder_is_one_slot(text, codes, name, arg):
    parsed = parse(f"Có {text} cuộc.")
    assert not parsed.problems
    (slot,) = parsed.slots
    assert (slot.codes, slot.filter, slot.arg, slot.start, slot.source) == (codes, name, arg, 3, text)


@pytest.mark.parametrize(("text", "code", "start"), [
    ("Có {{ a.b cuộc", "placeholder-malformed", 3),
    ("Có {{ a }} cuộc", "placeholder-malformed", 3),
    ("Có {{ A.b }} cuộc", "placeholder-malformed", 3),
    ("Có a.b }} cuộc", "placeholder-malformed", 7),
    ("Có {{ a.b | so( }}", "placeholder-malformed", 3),
    ("Có {{ a.b | lam_tron }}", "placeholder-filter", 3),
    ('Có {{ a.b | tien("usd") }}', "placeholder-argument", 3),
    ('Có {{ a.b | so("trieu") }}', "placeholder-argument", 3),
    ("Có {{ a.b {{ c.d }}", "placeholder-malformed", 3),
])
def test_a_bad_placeholder_is_a_problem_at_its_offset(text, code, start):
    problems = parse(text).problems
    assert [(p.code, p.start) for p in problems] == [(code, start)]


def test_text_without_placeholders_is_left_alone():
    assert parse("Tổ chức {1} cuộc; {a} và }").parts == ("Tổ chức {1} cuộc; {a} và }",)
    assert fill("Không có chỗ điền.", lambda s: "x") == "Không có chỗ điền."
    assert codes_in("{{ a.b }} và {{ c.d + a.b }}, {{ sai") == {"a.b", "c.d"}


def test_fill_keeps_the_text_around_each_slot():
    assert fill("A {{ a.b }} B {{ c.d | so }} C", lambda s: s.codes[0].upper()) == "A A.B B C.D C"


# --- through the command line ------------------------------------------------

OWN = """\
unit: dk-test
period: 2012Q1
values:
  tuyen_truyen: {cuoc: 7}
narrative:
  tuyen_truyen: >-
    Các cơ sở Đoàn tổ chức {{ tuyen_truyen.cuoc }} cuộc tuyên truyền
    với {{ tuyen_truyen.luot_tham_gia | xap_xi }} lượt đoàn viên thanh niên tham gia.
  tinh_nguyen:
    - "Tặng quà trị giá trên {{ tinh_nguyen.qua_gia_tri | tien(\\"trieu\\") }}."
    - "Hiến được {{ hien_mau.don_vi }} đơn vị máu."
"""
CHILD = """\
unit: cd-vp-tinh-uy
period: 2012Q1
values:
  tuyen_truyen: {cuoc: 212, luot_tham_gia: 2036}
  tinh_nguyen: {qua_gia_tri: 20400000}
narrative:
  kho_khan: ["Chi đoàn tổ chức {{ tuyen_truyen.cuoc }} cuộc nhưng kinh phí còn ít."]
"""


def render(run, ws, *args):
    return run("render", "--workspace", ws, "--template", "quy", "--period", "2012Q1", *args)


def test_placeholders_are_filled_with_the_units_aggregate_and_not_stated_again(make_ws, run):
    result = render(run, make_ws({"data/dk.yaml": OWN, "data/vp.yaml": CHILD}))
    assert result.exit_code == 0, result.stderr
    md = result.stdout
    assert "Các cơ sở Đoàn tổ chức 219 cuộc tuyên truyền với hơn 2.000 lượt đoàn viên thanh niên tham gia." in md
    assert "- Tặng quà trị giá trên 20 triệu đồng." in md
    # the figures the prose states are not said again by the template
    assert "219 cuộc tuyên truyền, học tập" not in md and md.count("219") == 1
    assert "20.400.000" not in md
    # a unit below: its own figure, not the sum
    assert "- Chi đoàn Văn phòng Tỉnh ủy: Chi đoàn tổ chức 212 cuộc nhưng kinh phí còn ít." in md
    assert "{{" not in md and "None" not in md


def test_a_figure_nobody_reported_is_a_visible_gap_and_a_warning(make_ws, run):
    result = render(run, make_ws({"data/dk.yaml": OWN, "data/vp.yaml": CHILD}))
    assert "- Hiến được …… đơn vị máu." in result.stdout
    gap = [line for line in result.stderr.splitlines() if "[placeholder-no-figure]" in line]
    assert len(gap) == 1 and gap[0].startswith("data/dk.yaml:11:18:") and "hien_mau.don_vi" in gap[0]
    assert "narrative-left-out" not in result.stderr  # the filled text was found in the report


def test_validate_points_at_each_bad_placeholder(make_ws, run):
    ws = make_ws({"data/dk.yaml": """\
        unit: dk-test
        period: 2012Q1
        narrative:
          tuyen_truyen: "Tổ chức {{ tuyen_truyen.cuocc }} cuộc, {{ tuyen_truyen.cuoc | lam_tron }} lượt"
          kho_khan:
            - |
              Dòng một đúng {{ to_chuc.doan_vien }}.
              Dòng hai sai {{ to_chuc.doan_vien
        """})
    result = run("validate", "--workspace", ws)
    assert result.exit_code == 1
    lines = result.stdout.splitlines() + result.stderr.splitlines()
    found = {line.split(" ")[0]: line for line in lines if "[placeholder-" in line}
    assert set(found) == {"data/dk.yaml:4:26:", "data/dk.yaml:4:57:", "data/dk.yaml:8:20:"}
    assert "[placeholder-unknown-code]" in found["data/dk.yaml:4:26:"] and "tuyen_truyen.cuoc»?" in found["data/dk.yaml:4:26:"]
    assert "[placeholder-filter]" in found["data/dk.yaml:4:57:"] and "xap_xi" in found["data/dk.yaml:4:57:"]
    assert "[placeholder-malformed]" in found["data/dk.yaml:8:20:"]


def test_a_rollups_unit_narrative_is_checked_too(make_ws, run):
    ws = make_ws({"data/dk.yaml": """\
        unit: dk-test
        period: 2012Q1
        scope: rollup
        unit_narrative:
          - {unit: cd-vp-tinh-uy, key: kho_khan, text: "Thiếu {{ sai.ma }} cuộc"}
        """})
    result = run("validate", "--workspace", ws)
    assert "[placeholder-unknown-code]" in result.stdout + result.stderr


def test_a_figure_only_one_unit_below_reported_and_states_is_not_stated_again(make_ws, run):
    child = ("unit: cd-vp-tinh-uy\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 5, luot_tham_gia: 130}}\n"
             "narrative:\n  tuyen_truyen: 'Chi đoàn tổ chức {{ tuyen_truyen.cuoc }} cuộc tuyên truyền.'\n")
    md = render(run, make_ws({"data/vp.yaml": child})).stdout
    assert "- Chi đoàn Văn phòng Tỉnh ủy: Chi đoàn tổ chức 05 cuộc tuyên truyền." in md
    assert md.count("05 cuộc") == 1
    assert "130 lượt" in md  # the figure the prose does not state is still stated
    other = "unit: cd-so-tai-chinh\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 3}}\n"
    md = render(run, make_ws({"data/vp.yaml": child, "data/tc.yaml": other})).stdout
    assert "Tổ chức 08 cuộc tuyên truyền" in md  # the total differs from what the chi đoàn said


def test_a_sum_of_rates_or_of_money_and_counts_is_refused(make_ws, run):
    ws = make_ws({"data/dk.yaml": """\
        unit: dk-test
        period: 2012Q1
        narrative:
          sinh_hoat: "Đạt {{ sinh_hoat.ty_le_tham_gia + ban_than.ty_le_trinh_do_dai_hoc }}"
          tinh_nguyen: "Tặng {{ tinh_nguyen.qua_tang + tinh_nguyen.qua_gia_tri }}"
          cong_viec: "Thực hiện {{ cong_viec.cong_trinh + cong_viec.phan_viec }} công trình, phần việc"
        """})
    out = run("validate", "--workspace", ws)
    sums = [line for line in (out.stdout + out.stderr).splitlines() if "[placeholder-sum]" in line]
    assert [line.split(" ")[0] for line in sums] == ["data/dk.yaml:4:19:", "data/dk.yaml:5:22:"]


def test_roman_numerals_and_two_digit_counts_stay_figures(make_ws, run):
    ws = make_ws({"data/dk.yaml": """\
        unit: dk-test
        period: 2012Q1
        values: {tuyen_truyen: {cuoc: 1000000000}, sinh_hoat: {ty_le_tham_gia: 85.5}}
        narrative:
          tuyen_truyen: "Lần {{ tuyen_truyen.cuoc | la_ma }}; {{ tuyen_truyen.cuoc | hai_so }}."
        """})
    md = render(run, ws).stdout
    assert "Lần 1.000.000.000; 1.000.000.000." in md


def test_a_filter_must_suit_the_figure_and_highlights_hold_no_placeholder(make_ws, run):
    ws = make_ws({"data/dk.yaml": """        unit: dk-test
        period: 2012Q1
        highlights:
          - {kind: mo_hinh, name: "Mô hình {{ tuyen_truyen.cuoc }}"}
        narrative:
          kho_khan:
            - "{{ to_chuc.doan_vien | pct }} và {{ sinh_hoat.ty_le_tham_gia | so }}"
            - "{{ tinh_nguyen.qua_gia_tri | xap_xi }} và {{ tuyen_truyen.cuoc + tuyen_truyen.cuoc }}"
            - "{{ to_chuc.doan_vien | xap_xi }}, {{ sinh_hoat.ty_le_tham_gia | pct }}, {{ tinh_nguyen.qua_gia_tri | tien }}"
        """})
    out = run("validate", "--workspace", ws)
    lines = (out.stdout + out.stderr).splitlines()
    kinds = [line.split(" ")[0] for line in lines if "[placeholder-filter-kind]" in line]
    assert kinds == ["data/dk.yaml:7:8:", "data/dk.yaml:7:41:", "data/dk.yaml:8:8:"]
    assert [line.split(" ")[0] for line in lines if "[placeholder-sum-twice]" in line] == ["data/dk.yaml:8:50:"]
    assert [line.split(" ")[0] for line in lines if "[placeholder-not-here]" in line] == ["data/dk.yaml:4:27:"]


def test_a_monthly_files_text_speaks_of_that_files_figures(make_ws, run):
    jan = ("unit: cd-vp-tinh-uy\nperiod: 2012M01\nvalues: {tuyen_truyen: {cuoc: 1}}\n"
           "narrative:\n  kho_khan: ['Tháng 1 chỉ tổ chức {{ tuyen_truyen.cuoc }} cuộc.']\n")
    feb = ("unit: cd-vp-tinh-uy\nperiod: 2012M02\nvalues: {tuyen_truyen: {cuoc: 2}}\n"
           "narrative:\n  kho_khan: ['Tháng 2 tổ chức {{ tuyen_truyen.cuoc }} cuộc.']\n")
    md = render(run, make_ws({"data/jan.yaml": jan, "data/feb.yaml": feb})).stdout
    assert "Tháng 1 chỉ tổ chức 01 cuộc." in md and "Tháng 2 tổ chức 02 cuộc." in md
    assert "- Tổ chức 03 cuộc tuyên truyền" in md  # the quarter's figure is still the report's


def test_a_figure_in_a_text_the_template_does_not_place_is_still_stated(make_ws, run):
    own = ("unit: dk-test\nperiod: 2012\nvalues: {tuyen_truyen: {cuoc: 12}}\n"
           "narrative:\n  tuyen_truyne: 'Toàn Khối tổ chức {{ tuyen_truyen.cuoc }} cuộc.'\n")
    result = run("render", "--workspace", make_ws({"data/dk.yaml": own}), "--template", "quy", "--period", "2012")
    assert "- Tổ chức 12 cuộc tuyên truyền" in result.stdout
    assert "Toàn Khối tổ chức" not in result.stdout and "[narrative-left-out]" in result.stderr


def test_template_code_in_a_units_text_is_pointed_at(make_ws, run):
    ws = make_ws({"data/dk.yaml": "unit: dk-test\nperiod: 2012Q1\nnarrative:\n  kho_khan: 'Ghi {% if x %}a{% endif %}'\n"})
    result = run("validate", "--workspace", ws)
    assert any(line.startswith("data/dk.yaml:4:18:") and "[template-tag-in-text]" in line
               for line in (result.stdout + result.stderr).splitlines())


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_bad_placeholder_is_found_whatever_the_line_breaks(make_ws, run, newline):
    text = newline.join(["unit: dk-test", "period: 2012Q1", "narrative:", "  kho_khan: |", "    Dòng một.",
                         "    Dòng hai {{ sai.ma }}.", ""])
    result = run("validate", "--workspace", make_ws({"data/dk.yaml": text.encode("utf-8")}))
    assert any(line.startswith("data/dk.yaml:6:14:") and "[placeholder-unknown-code]" in line
               for line in (result.stdout + result.stderr).splitlines()), result.stdout
