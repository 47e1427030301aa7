"""render names every narrative item and highlight that the report leaves out."""

from __future__ import annotations

CHILD = """\
unit: cd-vp-tinh-uy
period: 2012Q1
values: {tuyen_truyen: {cuoc: 4}}
highlights:
  - {kind: mo_hinh, name: Mô hình Ngày thứ Bảy tình nguyện}
narrative:
  kho_khan:
    - Kinh phí hoạt động còn hạn chế.
  phuong_huong: Tổ chức đại hội chi đoàn trong quý II/2012.
"""
OTHER = """\
unit: cd-so-tai-chinh
period: 2012Q1
values: {tuyen_truyen: {cuoc: 2}}
narrative:
  kho_khan: kinh phí hoạt động còn hạn chế
"""
OWN_TEMPLATE = """\
{# Khó khăn của các cơ sở. #}
{% for item in narrative("kho_khan", scope="children") %}
- {{ item.units | join(", ") }}: {{ item.text }}
{% endfor %}
"""


def render(run, ws, *extra):
    return run("render", "--workspace", ws, "--period", "2012Q1", "--no-cache", *extra)


def test_what_a_template_leaves_out_is_named_at_its_file_and_line(make_ws, run):
    ws = make_ws({"data/vp.yaml": CHILD, "templates/chi-kho-khan.md.j2": OWN_TEMPLATE})
    result = render(run, ws, "--template", "chi-kho-khan")
    assert result.exit_code == 0, result.stderr
    assert "- Chi đoàn Văn phòng Tỉnh ủy: Kinh phí hoạt động còn hạn chế." in result.stdout
    notes = [line for line in result.stderr.splitlines() if "left-out" in line]
    assert notes == [
        "data/vp.yaml:9:17: ghi chú [narrative-left-out] Báo cáo chưa có mục «phuong_huong» của Chi đoàn Văn phòng "
        "Tỉnh ủy: «Tổ chức đại hội chi đoàn trong quý II/2012.». Mẫu báo cáo không đặt mục này; thêm vào mẫu, "
        "hoặc chép vào báo cáo nếu cần.",
        "data/vp.yaml:5:5: ghi chú [highlight-left-out] Báo cáo chưa nêu điển hình «Mô hình Ngày thứ Bảy tình nguyện» "
        "của Chi đoàn Văn phòng Tỉnh ủy; mẫu báo cáo không đặt loại điển hình này.",
        "doanreport: ghi chú [figure-left-out] Báo cáo chưa nêu số liệu «Cuộc tuyên truyền, học tập chủ trương, "
        "nghị quyết» (4, mã tuyen_truyen.cuoc): mẫu báo cáo không có câu cho số liệu này. Viết nó vào đoạn văn "
        "của đơn vị bằng {{ tuyen_truyen.cuoc }}, hoặc thêm vào mẫu.",
    ]


def test_the_same_point_from_two_units_is_written_once_with_both(make_ws, run):
    ws = make_ws({"data/vp.yaml": CHILD, "data/tc.yaml": OTHER, "templates/chi-kho-khan.md.j2": OWN_TEMPLATE})
    result = render(run, ws, "--template", "chi-kho-khan")
    assert "- Chi đoàn Văn phòng Tỉnh ủy, Chi đoàn Sở Tài chính: Kinh phí hoạt động còn hạn chế." in result.stdout
    assert result.stdout.count("inh phí") == 1
    assert not [line for line in result.stderr.splitlines() if "kho_khan" in line]


def test_a_wrong_scope_stops_the_render(make_ws, run):
    ws = make_ws({"data/vp.yaml": CHILD, "templates/sai.md.j2": '{{ narrative("kho_khan", scope="xa") }}\n'})
    result = render(run, ws, "--template", "sai")
    assert result.exit_code == 1
    assert "scope" in result.stderr


def test_the_built_in_report_puts_the_units_difficulties_in_its_assessment(make_ws, run):
    ws = make_ws({"data/vp.yaml": CHILD, "data/tc.yaml": OTHER})
    result = render(run, ws, "--template", "quy")
    assert result.exit_code == 0, result.stderr
    md = result.stdout
    assert "ĐÁNH GIÁ CHUNG" in md and "**Khó khăn:**\n" in md
    assert "- Chi đoàn Văn phòng Tỉnh ủy, Chi đoàn Sở Tài chính: Kinh phí hoạt động còn hạn chế." in md
    assert md.count("inh phí hoạt động") == 1
    assert "Ngày thứ Bảy" in md and "PHƯƠNG HƯỚNG" not in md  # a chi đoàn's own plans are not the Khối's
    left = [line for line in result.stderr.splitlines() if "left-out" in line]
    assert len(left) == 1 and "«phuong_huong»" in left[0] and "data/vp.yaml:9:17:" in left[0]


def test_a_highlight_whose_name_only_appears_inside_another_sentence_is_still_named(make_ws, run):
    ws = make_ws({"data/vp.yaml": """\
        unit: cd-vp-tinh-uy
        period: 2012Q1
        highlights: [{kind: mo_hinh, name: Đưa chuyên đề về Bác vào sinh hoạt chi đoàn}]
        narrative:
          han_che: [Việc đưa chuyên đề về Bác vào sinh hoạt chi đoàn còn ít.]
        """})
    quiet = '{% for t in narrative("han_che", scope="children") %}{{ t.text }}{% endfor %}\n'
    ws.joinpath("templates").mkdir(exist_ok=True)
    ws.joinpath("templates", "lang.md.j2").write_text(quiet, encoding="utf-8")  # places no highlight
    result = render(run, ws, "--template", "lang")
    assert "Việc đưa chuyên đề về Bác vào sinh hoạt chi đoàn còn ít." in result.stdout
    assert any("[highlight-left-out]" in line and "data/vp.yaml:3:" in line for line in result.stderr.splitlines()), result.stderr


def test_several_points_of_one_unit_come_under_its_name_once(make_ws, run):
    ws = make_ws({"data/vp.yaml": """\
        unit: cd-vp-tinh-uy
        period: 2012Q1
        narrative:
          kho_khan: [Thiếu kinh phí., Đoàn viên đi công tác nhiều.]
        """})
    md = render(run, ws, "--template", "quy").stdout
    assert "- Chi đoàn Văn phòng Tỉnh ủy:\n+ Thiếu kinh phí.\n+ Đoàn viên đi công tác nhiều.\n" in md
    assert md.count("Chi đoàn Văn phòng Tỉnh ủy:") == 1


def test_points_that_differ_in_punctuation_stay_apart_and_invisible_characters_do_not_count(make_ws, run):
    ws = make_ws({
        "data/vp.yaml": "unit: cd-vp-tinh-uy\nperiod: 2012Q1\nnarrative: {kho_khan: \"Không, đạt chỉ tiêu A.\"}\n",
        "data/tc.yaml": "unit: cd-so-tai-chinh\nperiod: 2012Q1\nnarrative: {kho_khan: \"Không đạt: chỉ tiêu A.\"}\n",
        "data/noi.yaml": "unit: cd-khoa-noi\nperiod: 2012M01\nnarrative: {han_che: \"Cần th\\u200bêm kinh phí\"}\n",
        "data/vp2.yaml": "unit: cd-vp-tinh-uy\nperiod: 2012M02\nnarrative: {han_che: 'Có ký tự A\\B\\\\C.'}\n",
    })
    result = render(run, ws, "--template", "quy")
    md = result.stdout
    assert "- Chi đoàn Văn phòng Tỉnh ủy: Không, đạt chỉ tiêu A." in md
    assert "- Chi đoàn Sở Tài chính: Không đạt: chỉ tiêu A." in md
    assert "Có ký tự A\\\\B" in md  # the backslash written, escaped for Markdown
    assert "left-out" not in result.stderr


def test_a_change_against_something_unknown_stops_the_render(make_ws, run):
    ws = make_ws({"data/vp.yaml": CHILD, "templates/so-sanh.md.j2": '{{ change("tuyen_truyen.cuoc", "bogus") }}\n'})
    result = render(run, ws, "--template", "so-sanh")
    assert result.exit_code == 1 and '"last_year"' in result.stderr
