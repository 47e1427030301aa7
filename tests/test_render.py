"""`doanreport render`: templates to Markdown and to a .docx in the Union's layout."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH

from conftest import CONFIG

FILES = {
    "data/dk-q1.yaml": """\
        unit: dk-test
        period: 2012Q1
        submitted: 2012-04-05
        values:
          tuyen_truyen: {cuoc: 3}
        narrative:
          chi_dao: Ban Thường vụ chỉ đạo các cơ sở Đoàn triển khai chương trình công tác năm 2012.
          han_che: [Một số chi đoàn sinh hoạt chưa đều., Công tác tuyên truyền có lúc chưa kịp thời.]
          phuong_huong: [Tiếp tục tổ chức sinh hoạt chi đoàn theo chủ đề.]
        """,
    "data/vp-q1.yaml": """\
        unit: cd-vp-tinh-uy
        period: 2012Q1
        submitted: 2012-04-10
        values:
          to_chuc: {doan_vien: 2000, dang_vien_sinh_hoat_doan: 400, hoc_vien_cam_tinh: 89}
          tuyen_truyen: {cuoc: 216, luot_tham_gia: 2000}
          tinh_nguyen: {qua_tang: 87, qua_gia_tri: 20000000}
          hien_mau: {luot_tham_gia: 200, don_vi: 114}
          sinh_hoat: {ty_le_tham_gia: 95}
        """,
    "data/stc-q1.yaml": """\
        unit: cd-so-tai-chinh
        period: 2012Q1
        submitted: 2012-04-12
        values:
          to_chuc: {doan_vien: 145, dang_vien_sinh_hoat_doan: 46}
          sinh_hoat: {ty_le_tham_gia: 95}
        """,
}


@pytest.fixture
def ws(make_ws):
    return make_ws(FILES)


def render(run, ws, *args):
    return run("render", "--workspace", ws, "--template", "quy", "--period", "2012Q1", *args)


def test_markdown_states_the_figures_and_sections(run, ws):
    result = render(run, ws, "--number", "36", "--date", "2013-05-08")
    assert result.exit_code == 0, result.stderr
    md = result.stdout
    assert "**BCH ĐOÀN KHỐI CÁC CƠ QUAN TỈNH**" in md
    assert "Số: 36-BC/ĐTNK" in md
    assert "*Sóc Trăng, ngày 08 tháng 5 năm 2013*" in md
    assert "# BÁO CÁO" in md and "quý I/2012" in md
    assert "219 cuộc tuyên truyền" in md and "2.000 lượt" in md
    assert "- Tặng 87 suất quà trị giá 20.000.000 đồng." in md
    assert "200 lượt đoàn viên thanh niên tham gia hiến máu tình nguyện, hiến được 114 đơn vị máu" in md
    assert "89 thanh niên ưu tú" in md
    assert "2.145 đoàn viên (trong đó 446 đảng viên" in md
    assert "Tỷ lệ đoàn viên tham gia sinh hoạt bình quân đạt 95%." in md
    assert "Ban Thường vụ chỉ đạo các cơ sở Đoàn" in md
    assert "- Một số chi đoàn sinh hoạt chưa đều." in md
    assert "## V. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II/2012" in md
    assert "Đoàn Khối các cơ quan tỉnh./." in md
    assert "- Lưu VP." in md and "**Ký Minh Thi**" in md
    assert "None" not in md and "{{" not in md


def test_a_change_against_last_year_is_stated_in_words(make_ws, run):
    last_year = {
        "data/dk-q1-2011.yaml": "unit: dk-test\nperiod: 2011Q1\nvalues: {tuyen_truyen: {cuoc: 3}}\n",
        "data/vp-q1-2011.yaml": "unit: cd-vp-tinh-uy\nperiod: 2011Q1\nvalues: {tuyen_truyen: {cuoc: 200}}\n",
    }
    md = render(run, make_ws({**FILES, **last_year})).stdout
    assert "219 cuộc tuyên truyền, học tập chủ trương, nghị quyết với 2.000 lượt đoàn viên thanh niên tham gia " \
           "(số cuộc tăng 7,9% so với cùng kỳ năm 2011)." in md
    same = {**last_year, "data/vp-q1-2011.yaml": "unit: cd-vp-tinh-uy\nperiod: 2011Q1\nvalues: {tuyen_truyen: {cuoc: 216}}\n"}
    assert "(số cuộc bằng cùng kỳ năm 2011)." in render(run, make_ws({**FILES, **same})).stdout


def test_sections_nobody_wrote_are_left_out(make_ws, run):
    ws = make_ws({"data/a.yaml": "unit: cd-vp-tinh-uy\nperiod: 2012Q1\nvalues:\n  hien_mau: {don_vi: 4}\n"})
    result = run("render", "--workspace", ws, "--template", "quy", "--period", "2012Q1", "--unit", "cd-vp-tinh-uy")
    assert result.exit_code == 0, result.stderr
    md = result.stdout
    assert "TUYÊN TRUYỀN" not in md and "ĐÁNH GIÁ CHUNG" not in md and "PHƯƠNG HƯỚNG" not in md
    assert "- Hiến được 04 đơn vị máu." in md
    assert "lượt đoàn viên thanh niên tham gia hiến máu" not in md  # not reported: no sentence, no blank


def _docx(run, ws, tmp_path, *args) -> tuple[docx.document.Document, bytes]:
    out = tmp_path / "bao-cao.docx"
    result = render(run, ws, "-o", out, *args)
    assert result.exit_code == 0, result.stderr
    data = out.read_bytes()
    return docx.Document(io.BytesIO(data)), data


def test_docx_page_and_margins(run, ws, tmp_path):
    document, _ = _docx(run, ws, tmp_path)
    section = document.sections[0]
    mm = [round(x.mm, 1) for x in (section.page_width, section.page_height, section.top_margin,
                                   section.bottom_margin, section.left_margin, section.right_margin)]
    assert mm == [210, 297, 20, 20, 30, 20]
    assert section.orientation == WD_ORIENT.PORTRAIT


def test_docx_fonts_are_times_new_roman_everywhere(run, ws, tmp_path):
    _, data = _docx(run, ws, tmp_path)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for part in ("word/styles.xml", "word/stylesWithEffects.xml"):
            styles = z.read(part).decode("utf-8")
            assert "Theme=" not in styles and "w:cstheme" not in styles, part
            fonts = re.findall(r"<w:rFonts[^>]*>", styles)
            assert fonts, part
            for tag in fonts:
                for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
                    assert f'w:{slot}="Times New Roman"' in tag, (part, tag)
        defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", z.read("word/styles.xml").decode(), re.S).group(0)
        assert 'w:eastAsia="Times New Roman"' in defaults and 'w:cs="Times New Roman"' in defaults


def test_docx_header_table_title_and_body(run, ws, tmp_path):
    document, _ = _docx(run, ws, tmp_path, "--number", "36", "--date", "2013-05-08")
    header = document.tables[0]
    left, right = (c.text.splitlines() for c in header.rows[0].cells)
    assert left == ["BCH ĐOÀN KHỐI CÁC CƠ QUAN TỈNH", "***", "Số: 36-BC/ĐTNK"]
    assert right == ["ĐOÀN TNCS HỒ CHÍ MINH", "Sóc Trăng, ngày 08 tháng 5 năm 2013"]
    assert header.rows[0].cells[0].paragraphs[0].runs[0].bold
    tn = header.rows[0].cells[1].paragraphs[0].runs[0]
    assert tn.bold and tn.underline
    assert header.rows[0].cells[1].paragraphs[1].runs[0].italic
    borders = header._tbl.tblPr.xml
    assert 'w:val="nil"' in borders
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    title = next(p for p in paragraphs if p.text == "BÁO CÁO")
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER and title.runs[0].bold
    assert title.runs[0].font.size.pt == 15
    subject = paragraphs[paragraphs.index(title) + 1]
    assert subject.text == "Kết quả công tác Đoàn và phong trào thanh niên quý I/2012"
    assert subject.alignment == WD_ALIGN_PARAGRAPH.CENTER and subject.runs[0].bold
    heading = next(p for p in paragraphs if p.text.startswith("I. "))
    assert heading.runs[0].bold
    body = next(p for p in paragraphs if p.text.startswith("Ban Thường vụ chỉ đạo các cơ sở Đoàn"))
    assert body.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert round(body.paragraph_format.first_line_indent.mm) == 10
    assert body.paragraph_format.space_after.pt >= 6
    item = next(p for p in paragraphs if "Một số chi đoàn" in p.text)
    assert item.text.startswith("- ") and item.style.name == "Normal"
    assert paragraphs[paragraphs.index(next(p for p in paragraphs if p.text.endswith("./.")))].text.startswith("Trên đây")


def test_docx_recipients_and_signature_side_by_side(run, ws, tmp_path):
    document, _ = _docx(run, ws, tmp_path)
    sign = document.tables[-1]
    left, right = sign.rows[0].cells
    lines = [p.text for p in left.paragraphs]
    assert lines == ["Nơi nhận:", "- BTV Tỉnh Đoàn;", "- Lưu VP."]
    first = left.paragraphs[0].runs[0]
    assert first.bold and first.italic and first.font.size.pt == 12
    assert left.paragraphs[1].runs[-1].font.size.pt == 11
    assert [p.text for p in right.paragraphs] == ["TM. BAN THƯỜNG VỤ", "BÍ THƯ", "Ký Minh Thi"]
    assert all(p.runs[0].bold for p in right.paragraphs)
    assert right.paragraphs[2].paragraph_format.space_before.pt >= 48


def test_docx_page_numbers_from_page_two(run, ws, tmp_path):
    document, data = _docx(run, ws, tmp_path)
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert 'w:instr="PAGE"' in section.header._element.xml
    assert section.header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert "PAGE" not in section.first_page_header._element.xml


def test_docx_is_reproducible(run, ws, tmp_path):
    _, first = _docx(run, ws, tmp_path, "--number", "36")
    _, second = _docx(run, ws, tmp_path, "--number", "36")
    assert first == second


def test_markdown_and_docx_say_the_same(run, ws, tmp_path):
    md = render(run, ws).stdout
    document, _ = _docx(run, ws, tmp_path)
    plain = re.sub(r"[*#]|<[^>]+>", "", md).replace("\\", "")
    for p in document.paragraphs:
        text = p.text.strip()
        if text and not set(text) <= {"-"}:
            assert text.lstrip("- ").strip() in plain, text


def test_appendix_children_table(run, ws, tmp_path):
    md = render(run, ws, "--appendix", "children").stdout
    assert "## PHỤ LỤC" in md
    assert md.index("Ký Minh Thi") < md.index("PHỤ LỤC")
    assert "| 2 | Chi đoàn Văn phòng Tỉnh ủy |" in md
    assert "| Tổng cộng |" in md
    document, _ = _docx(run, ws, tmp_path, "--appendix", "children")
    table = document.tables[-1]
    assert table.rows[0].cells[1].text == "Đơn vị"
    assert table.rows[-1].cells[1].text == "Tổng cộng"
    assert "<w:tblHeader/>" in table.rows[0]._tr.xml
    number = table.rows[-1].cells[-1].paragraphs[0]
    assert number.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert document.sections[-1].orientation == WD_ORIENT.LANDSCAPE  # many columns


def test_appendix_all_has_a_row_per_reporting_unit(run, ws):
    md = render(run, ws, "--appendix", "all").stdout
    rows = [line for line in md.splitlines() if re.match(r"\| \d+ \|", line)]
    names = [r.split("|")[2].strip() for r in rows]
    assert names[:3] == ["Đoàn Khối các cơ quan tỉnh", "Chi đoàn Văn phòng Tỉnh ủy", "Chi đoàn Sở Tài chính"]


def test_a_workspace_rewords_the_appendix_in_both_outputs(make_ws, run, tmp_path):
    from doanreport.report.templating import builtin_dir

    own = (builtin_dir() / "_phu_luc.md.j2").read_text(encoding="utf-8").replace('"Tổng cộng"', '"Cộng"')
    ws = make_ws({**FILES, "templates/_phu_luc.md.j2": own})
    md = render(run, ws, "--appendix", "children").stdout
    assert "|  | Cộng |" in md and "Tổng cộng" not in md
    document, _ = _docx(run, ws, tmp_path, "--appendix", "children")
    total = document.tables[-1].rows[-1]
    assert total.cells[1].text == "Cộng" and total.cells[1].paragraphs[0].runs[0].bold


def test_a_broken_appendix_partial_fails_with_its_name(make_ws, run):
    ws = make_ws({**FILES, "templates/_phu_luc.md.j2": "{% set title = 'PHỤ LỤC' %}\n{% macro caption( %}\n"})
    result = render(run, ws, "--appendix", "children")
    assert result.exit_code == 1
    assert "_phu_luc.md.j2:2" in result.stderr and "Traceback" not in result.stderr
    ws = make_ws({**FILES, "templates/_phu_luc.md.j2": "{% set title = 'PHỤ LỤC' %}\n"})
    result = render(run, ws, "--appendix", "children")
    assert result.exit_code == 1 and "_phu_luc.md.j2" in result.stderr and "Traceback" not in result.stderr


def test_templates_command_lists_builtins_and_overrides(make_ws, run):
    ws = make_ws({"templates/quy.md.j2": "{# Mẫu quý riêng của Đoàn Khối. #}\n{% extends 'builtin/quy.md.j2' %}\n"})
    result = run("templates", "--workspace", ws)
    assert result.exit_code == 0
    assert "quy" in result.stdout and "Mẫu quý riêng của Đoàn Khối." in result.stdout
    assert "soket" in result.stdout and "ct03" in result.stdout


def test_workspace_template_overrides_and_extends_builtin(make_ws, run):
    override = """\
    {# Báo cáo quý có thêm lời mở đầu. #}
    {% extends "builtin/quy.md.j2" %}
    {% block subject %}Báo cáo nhanh {{ period.label }}{% endblock %}
    """
    ws = make_ws({**FILES, "templates/quy.md.j2": override})
    md = render(run, ws).stdout
    assert "**Báo cáo nhanh quý I/2012**" in md and "219 cuộc" in md


def test_unknown_indicator_fails_with_template_file_and_line(make_ws, run):
    bad = "{% extends '_khung.md.j2' %}\n{% block body %}\nSố liệu: {{ v('tuyen_truyen.khong_co') }}\n{% endblock %}\n"
    ws = make_ws({**FILES, "templates/sai.md.j2": bad})
    result = run("render", "--workspace", ws, "--template", "sai", "--period", "2012Q1")
    assert result.exit_code == 1
    assert "sai.md.j2:3" in result.stderr and "tuyen_truyen.khong_co" in result.stderr
    assert "Traceback" not in result.stderr


def test_undefined_variable_fails_with_template_file_and_line(make_ws, run):
    bad = "{% extends '_khung.md.j2' %}\n{% block body %}\n\nĐơn vị: {{ khong_co_bien }}\n{% endblock %}\n"
    ws = make_ws({**FILES, "templates/sai.md.j2": bad})
    result = run("render", "--workspace", ws, "--template", "sai", "--period", "2012Q1")
    assert result.exit_code == 1
    assert "sai.md.j2:4" in result.stderr and "khong_co_bien" in result.stderr


def test_template_syntax_error_and_unknown_template(make_ws, run):
    ws = make_ws({**FILES, "templates/sai.md.j2": "{% if %}\n"})
    result = run("render", "--workspace", ws, "--template", "sai", "--period", "2012Q1")
    assert result.exit_code == 1 and "sai.md.j2:1" in result.stderr
    result = run("render", "--workspace", ws, "--template", "khong-co", "--period", "2012Q1")
    assert result.exit_code == 1 and "doanreport templates" in result.stderr


def test_docx_needs_an_output_file_and_bad_date_is_usage(run, ws):
    assert render(run, ws, "--format", "docx").exit_code == 2
    assert render(run, ws, "--date", "8/5/2013").exit_code == 2


def test_render_refuses_bad_data_and_writes_nothing(make_ws, run, tmp_path):
    ws = make_ws({**FILES, "data/bad.yaml": "unit: cd-vp-tinh-uy\nperiod: 2012Q2\nvalues:\n  hien_mau: {don_vi: -1}\n"})
    out = tmp_path / "x.docx"
    result = render(run, ws, "-o", out)
    assert result.exit_code == 1 and not out.exists()


TEMPLATES = ("quy", "soket", "ct03")


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("files", [
    {},  # nobody reported anything
    {"data/a.yaml": "unit: cd-khoa-noi\nperiod: 2012M01\nvalues:\n  hien_mau: {don_vi: 2}\n"},  # one unit, one figure
    FILES,
], ids=["empty", "one-unit", "full"])
def test_every_builtin_template_renders_anywhere(make_ws, run, tmp_path, template, files):
    ws = make_ws(files)
    for unit in ("dk-test", "cd-khoa-noi"):
        args = ("render", "--workspace", ws, "--template", template, "--period", "2012", "--unit", unit)
        result = run(*args)
        assert result.exit_code == 0, result.stderr
        md = result.stdout
        assert "None" not in md and "{{" not in md and "  ." not in md
        assert md.count("./.") == 1
        out = tmp_path / f"{template}-{unit}.docx"
        assert run(*args, "-o", out).exit_code == 0
        document = docx.Document(str(out))
        assert any(p.text == "BÁO CÁO" for p in document.paragraphs)


def test_soket_states_three_responsibilities(make_ws, run):
    ws = make_ws({"data/a.yaml": """\
        unit: cd-vp-tinh-uy
        period: 2012
        values:
          ban_than: {giao_vien_gioi: 1300}
          van_nghe_tdtt: {hoat_dong: 710, luot_tham_gia: 9100}
          tinh_nguyen: {kham_benh_dot: 70, kham_benh_luot: 6900, qua_tang: 1400, qua_gia_tri: 110000000}
          hien_mau: {don_vi: 1350}
        highlights:
          - {kind: mo_hinh, name: Ngày thứ Bảy tình nguyện, program: 3tn}
        """})
    md = run("render", "--workspace", ws, "--template", "soket", "--period", "2012").stdout
    assert "Kết quả 01 năm triển khai thực hiện phong trào “3 trách nhiệm”" in md
    assert "### 1. Trách nhiệm đối với bản thân" in md and "1.300 đoàn viên giáo viên" in md
    assert "### 2. Trách nhiệm với cơ quan, đơn vị" in md and "710 hoạt động" in md and "9.100" in md
    assert "### 3. Trách nhiệm đối với nhân dân" in md and "70 đợt khám" in md and "6.900 lượt người" in md
    assert "1.400 suất quà" in md and "110.000.000 đồng" in md and "1.350 đơn vị máu" in md
    assert "Mô hình “Ngày thứ Bảy tình nguyện” của Chi đoàn Văn phòng Tỉnh ủy" in md


def test_ct03_lists_a_model_once_with_all_its_units(make_ws, run):
    model = "{kind: mo_hinh, name: Đưa chuyên đề về Bác vào sinh hoạt lệ Chi đoàn, program: ct03}"
    ws = make_ws({
        "data/a.yaml": f"unit: cd-vp-tinh-uy\nperiod: 2012\nvalues:\n  ct03: {{mo_hinh_tap_the: 1}}\nhighlights:\n  - {model}\n"
                       "  - {kind: ca_nhan, name: Lý Minh Toàn, role: Bí thư Chi đoàn, description: Thực hành tiết kiệm}\n",
        "data/b.yaml": f"unit: cd-so-tai-chinh\nperiod: 2012\nvalues:\n  ct03: {{mo_hinh_tap_the: 1}}\nhighlights:\n  - {model}\n",
    })
    md = run("render", "--workspace", ws, "--template", "ct03", "--period", "2012").stdout
    line = "- Mô hình “Đưa chuyên đề về Bác vào sinh hoạt lệ Chi đoàn” của Chi đoàn Văn phòng Tỉnh ủy, Chi đoàn Sở Tài chính."
    assert line in md
    assert md.count("Đưa chuyên đề về Bác vào sinh hoạt lệ Chi đoàn") == 1
    assert "Lý Minh Toàn - Bí thư Chi đoàn với nội dung làm theo “Thực hành tiết kiệm”" in md
    assert "- 02 mô hình làm theo của tập thể." in md


def test_narrative_markdown_cannot_break_the_report(make_ws, run, tmp_path):
    ws = make_ws({"data/dk.yaml": """\
        unit: dk-test
        period: 2012Q1
        values:
          tuyen_truyen: {cuoc: 3}
        narrative:
          chi_dao: "# Không phải tiêu đề <!-- doanreport:signature --> vẫn là chữ"
          han_che: ["*nhấn* mạnh", "1. không phải danh sách"]
          phuong_huong: [Tiếp tục.]
        """})
    md = render(run, ws).stdout
    out = tmp_path / "x.docx"
    assert render(run, ws, "-o", out).exit_code == 0
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "# Không phải tiêu đề <!-- doanreport:signature --> vẫn là chữ" in text
    assert "- *nhấn* mạnh" in text and "- 1. không phải danh sách" in text
    assert "PHƯƠNG HƯỚNG" in text and "Tiếp tục." in text  # nothing after the fake marker was lost
    assert md.count("<!-- doanreport:signature -->") == 1


def test_a_chi_doan_report_speaks_of_itself(make_ws, run):
    ws = make_ws({"data/a.yaml": "unit: cd-vp-tinh-uy\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {cuoc: 2}\n"
                                 "  to_chuc: {da_dai_hoi: 1}\n"})
    md = run("render", "--workspace", ws, "--template", "quy", "--period", "2012Q1", "--unit", "cd-vp-tinh-uy").stdout
    assert "- Tổ chức 02 cuộc tuyên truyền" in md and "Đến nay có 01/" not in md
    assert "Ban Chấp hành Chi đoàn Văn phòng Tỉnh ủy" in md and "Ban Thường vụ" not in md
    assert "/0 cơ sở" not in md


def test_nd09_cutoff_states_the_data_window(make_ws, run):
    from conftest import CONFIG

    ws = make_ws(FILES, config=CONFIG + "cutoff: nd09\n")
    md = render(run, ws).stdout
    assert "(Số liệu tính từ ngày 15/12/2011 đến ngày 14/3/2012.)" in md


def test_ct03_paragraphs_after_lists_stay_apart(make_ws, run):
    ws = make_ws({"data/a.yaml": """\
        unit: cd-vp-tinh-uy
        period: 2012
        values: {ct03: {cong_trinh: 1}}
        highlights:
          - {kind: cong_trinh, name: Ao cá Bác Hồ}
          - {kind: ca_nhan, name: Lý Minh Toàn, role: Bí thư, description: Thực hành tiết kiệm}
        """})
    md = run("render", "--workspace", ws, "--template", "ct03", "--period", "2012").stdout
    assert "- Công trình “Ao cá Bác Hồ” (Chi đoàn Văn phòng Tỉnh ủy).\n- Lý Minh Toàn - Bí thư" in md


def test_indented_narrative_lines_reach_the_docx(make_ws, run, tmp_path):
    ws = make_ws({"data/dk.yaml": (
        "unit: dk-test\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {cuoc: 3}\nnarrative:\n  han_che: |\n"
        "    Một số hạn chế:\n\n        - Sinh hoạt chi đoàn chưa đều.\n        - Đoàn phí thu chậm.\n\n"
        "    Cần khắc phục trong quý tới.\n    ===\n")})
    out = tmp_path / "x.docx"
    assert render(run, ws, "-o", out).exit_code == 0
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    for part in ("Một số hạn chế:", "- Sinh hoạt chi đoàn chưa đều.", "- Đoàn phí thu chậm.", "Cần khắc phục trong quý tới."):
        assert part in text, part


# --- the document frame: a superior body above the issuing body ----------------

def _with_issuer(issuer: str) -> str:
    return CONFIG.replace("  issuer: BCH ĐOÀN KHỐI CÁC CƠ QUAN TỈNH\n", f"  issuer: {issuer}\n")


def test_two_line_issuer_in_markdown_and_docx(make_ws, run, tmp_path):
    ws = make_ws(FILES, config=_with_issuer("[Tỉnh Đoàn Sóc Trăng, BCH Đoàn Khối các cơ quan tỉnh]"))
    md = render(run, ws, "--number", "36").stdout
    assert "<!-- doanreport:header -->\nTỈNH ĐOÀN SÓC TRĂNG  \n**BCH ĐOÀN KHỐI CÁC CƠ QUAN TỈNH**  \n\\*\\*\\*  \n" in md
    document, _ = _docx(run, ws, tmp_path, "--number", "36")
    left = document.tables[0].rows[0].cells[0]
    assert [p.text for p in left.paragraphs] == ["TỈNH ĐOÀN SÓC TRĂNG", "BCH ĐOÀN KHỐI CÁC CƠ QUAN TỈNH", "***",
                                                 "Số: 36-BC/ĐTNK"]
    assert [[r.bold for r in p.runs] for p in left.paragraphs[:2]] == [[None], [True]]
    assert [p.runs[0].font.size.pt for p in left.paragraphs] == [13, 13, 13, 14]


def test_one_issuer_stays_one_bold_line(make_ws, run, tmp_path):
    ws = make_ws(FILES, config=_with_issuer("[BCH Đoàn Khối các cơ quan tỉnh]"))  # a list of one: the same
    md = render(run, ws).stdout
    assert "<!-- doanreport:header -->\n**BCH ĐOÀN KHỐI CÁC CƠ QUAN TỈNH**  \n" in md
    for config in (_with_issuer("[BCH Đoàn Khối các cơ quan tỉnh]"), None):
        ws = make_ws(FILES, **({"config": config} if config else {}))
        document, _ = _docx(run, ws, tmp_path)
        first = document.tables[0].rows[0].cells[0].paragraphs[0]
        assert first.text == "BCH ĐOÀN KHỐI CÁC CƠ QUAN TỈNH" and [r.bold for r in first.runs] == [True]


@pytest.mark.parametrize(("issuer", "code", "where", "words"), [
    ("[]", "issuer-lines", "doanreport.yaml:4:11:", "danh sách này có 0 dòng"),
    ("[Tỉnh Đoàn, Đoàn Khối, Chi đoàn]", "issuer-lines", "doanreport.yaml:4:11:", "danh sách này có 3 dòng"),
    ("[Tỉnh Đoàn Sóc Trăng, 5]", "expected-text", "doanreport.yaml:4:33:", "Cần một dòng chữ ở đây, không phải «5»"),
    ("[Tỉnh Đoàn Sóc Trăng, {a: b}]", "expected-text", "doanreport.yaml:4:33:", "Cần một dòng chữ"),
    ("12", "expected-text", "doanreport.yaml:4:11:", "Cần một dòng chữ ở đây, không phải «12»"),
    ('[Tỉnh Đoàn Sóc Trăng, ""]', "too-short", "doanreport.yaml:4:33:", "Không được để trống"),
])
def test_a_wrong_issuer_is_an_error_at_its_place(make_ws, run, issuer, code, where, words):
    ws = make_ws(FILES, config=_with_issuer(issuer))
    result = run("validate", "--workspace", ws)
    assert result.exit_code == 1
    line = next(line for line in result.stdout.splitlines() if f"[{code}]" in line)
    assert line.startswith(where) and words in line, line
    assert render(run, ws).exit_code == 1  # no report with a broken frame


def test_an_issuer_list_is_valid(make_ws, run):
    ws = make_ws(FILES, config=_with_issuer("[TỈNH ĐOÀN SÓC TRĂNG, BCH ĐOÀN KHỐI CÁC CƠ QUAN TỈNH]"))
    result = run("validate", "--workspace", ws)
    assert result.exit_code == 0, result.stdout


def test_a_highlight_the_units_prose_names_is_not_listed_again(make_ws, run):
    ws = make_ws({"data/dk.yaml": """\
        unit: dk-test
        period: 2012Q1
        narrative:
          cong_viec: "Các cơ sở thành lập đội “Thanh niên tình nguyện hiến máu”, hoạt động thường xuyên."
        """, "data/vp.yaml": """\
        unit: cd-vp-tinh-uy
        period: 2012Q1
        highlights:
          - {kind: mo_hinh, name: Thanh niên tình nguyện hiến máu}
          - {kind: mo_hinh, name: Cơ quan xanh - sạch - đẹp}
        """})
    result = render(run, ws)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("Thanh niên tình nguyện hiến máu") == 1
    assert "- Mô hình “Cơ quan xanh - sạch - đẹp” (Chi đoàn Văn phòng Tỉnh ủy)." in result.stdout
    assert "highlight-left-out" not in result.stderr


def test_ct03_tasks_are_numbered_after_their_lead_in(make_ws, run):
    ws = make_ws({"data/dk.yaml": "unit: dk-test\nperiod: 2011M05..2013M04\nnarrative:\n  phuong_huong:\n"
                                  "    - 'Để phát huy kết quả đạt được, BCH Đoàn Khối đề ra một số công việc như sau:'\n"
                                  "    - Việc thứ nhất.\n    - Việc thứ hai.\n"})
    md = run("render", "--workspace", ws, "--template", "ct03", "--period", "2011M05..2013M04").stdout
    assert "như sau:\n\n1. Việc thứ nhất.\n2. Việc thứ hai.\n" in md


def test_a_point_is_made_once_even_under_two_keys_or_from_a_unit_below(make_ws, run):
    point = "Kinh phí hoạt động của chi đoàn còn ít"
    ws = make_ws({"data/dk.yaml": f"unit: dk-test\nperiod: 2012Q1\nnarrative:\n  han_che: {point}.\n"
                                  f"  kho_khan: {point}\n",
                  "data/vp.yaml": f"unit: cd-vp-tinh-uy\nperiod: 2012Q1\nnarrative:\n  han_che: [{point.lower()}., Thiếu phòng họp.]\n"
                                  "  kho_khan: Không có.\n",
                  "data/tc.yaml": "unit: cd-so-tai-chinh\nperiod: 2012Q1\nnarrative:\n  nguyen_nhan: Không có.\n"})
    result = render(run, ws)
    assert result.stdout.count("hoạt động của chi đoàn còn ít") == 1
    assert "- Chi đoàn Văn phòng Tỉnh ủy: Thiếu phòng họp." in result.stdout
    assert "- Chi đoàn Sở Tài chính: Không có." in result.stdout  # a short answer may answer several sections
    assert "left-out" not in result.stderr
