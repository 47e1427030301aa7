"""The .docx writer on its own: Markdown and an appendix record in, .docx bytes out, read back with python-docx."""

from __future__ import annotations

import io
import textwrap

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Emu, Pt

from doanreport.report.appendix import Appendix, DataTable
from doanreport.report.docx.writer import markdown_to_docx

REPORT = textwrap.dedent("""\
    <!-- doanreport:header -->
    **BCH ĐOÀN KHỐI CÁC CƠ QUAN TỈNH**\\
    \\*\\*\\*\\
    Số: 36-BC/ĐTNK

    **<u>ĐOÀN TNCS HỒ CHÍ MINH</u>**\\
    *Sóc Trăng, ngày 08 tháng 4 năm 2012*
    <!-- /doanreport:header -->

    # BÁO CÁO

    **Kết quả công tác Đoàn quý I/2012**

    -----

    ## I. CÔNG TÁC TUYÊN TRUYỀN, GIÁO DỤC

    ### 1. Học tập chủ trương, nghị quyết

    #### a) Ở các chi đoàn

    Các cơ sở Đoàn đã tổ chức **219 cuộc** tuyên truyền, *vượt kế hoạch*.

    - Tổ chức hội thi tìm hiểu lịch sử Đoàn
      + ở Chi đoàn Văn phòng Tỉnh ủy
    - Phát động phong trào hiến máu

    1. Tiếp tục sinh hoạt chi đoàn theo chủ đề
    2. Củng cố chi đoàn yếu kém

    <!-- doanreport:signature -->
    **Nơi nhận:**

    - BTV Tỉnh Đoàn;
    - Lưu VP.

    **TM. BAN THƯỜNG VỤ**\\
    **BÍ THƯ**

    **Ký Minh Thi**
    <!-- /doanreport:signature -->
    """)  # a line ending in a backslash: a hard break


def appendix(landscape: bool = False) -> Appendix:
    table = DataTable(
        header=("TT", "Đơn vị", "Cuộc tuyên truyền (cuộc)", "Tỷ lệ tham gia sinh hoạt (%)"),
        rows=(("1", "Chi đoàn Văn phòng Tỉnh ủy", "216", "95"),
              ("2", "Chi đoàn Sở Tài chính | Kho bạc *tỉnh*", "3", "92,5"),
              ("", "Tổng cộng", "219", "93,8")),
        numeric=(True, False, True, True),
        total_row=2,
    )
    return Appendix(title="PHỤ LỤC", lines=("Số liệu tổng hợp quý I/2012 theo đơn vị trực thuộc",),
                    tables=(table,), landscape=landscape)


def read(markdown: str = REPORT, app: Appendix | None = None) -> docx.document.Document:
    return docx.Document(io.BytesIO(markdown_to_docx(markdown, "Báo cáo quý I/2012", app)))


def mm(*lengths) -> tuple[int, ...]:
    return tuple(round(length.mm) for length in lengths)


def paragraph(document, text: str):
    return next(p for p in document.paragraphs if p.text == text)


def test_headings_by_level():
    document = read()
    title = paragraph(document, "BÁO CÁO")
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert all(r.bold and r.font.size == Pt(15) for r in title.runs)
    subject = paragraph(document, "Kết quả công tác Đoàn quý I/2012")
    assert subject.alignment == WD_ALIGN_PARAGRAPH.CENTER and subject.runs[0].bold
    for text, italic in (("I. CÔNG TÁC TUYÊN TRUYỀN, GIÁO DỤC", None), ("1. Học tập chủ trương, nghị quyết", None),
                         ("a) Ở các chi đoàn", True)):
        heading = paragraph(document, text)
        assert heading.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert heading.paragraph_format.keep_with_next
        assert [(r.bold, r.italic) for r in heading.runs] == [(True, italic)]


def test_items_are_typed_paragraphs_not_word_lists():
    document = read()
    texts = [p.text for p in document.paragraphs]
    start = texts.index("- Tổ chức hội thi tìm hiểu lịch sử Đoàn")
    assert texts[start:start + 5] == [
        "- Tổ chức hội thi tìm hiểu lịch sử Đoàn",
        "+ ở Chi đoàn Văn phòng Tỉnh ủy",
        "- Phát động phong trào hiến máu",
        "1. Tiếp tục sinh hoạt chi đoàn theo chủ đề",
        "2. Củng cố chi đoàn yếu kém",
    ]
    for p in document.paragraphs[start:start + 5]:
        assert p.style.name == "Normal" and "<w:numPr>" not in p._p.xml
        assert p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY


def test_bold_and_italic_runs():
    document = read()
    body = paragraph(document, "Các cơ sở Đoàn đã tổ chức 219 cuộc tuyên truyền, vượt kế hoạch.")
    assert [(r.text, r.bold, r.italic) for r in body.runs] == [
        ("Các cơ sở Đoàn đã tổ chức ", None, None),
        ("219 cuộc", True, None),
        (" tuyên truyền, ", None, None),
        ("vượt kế hoạch", None, True),
        (".", None, None),
    ]
    assert body.paragraph_format.first_line_indent is not None


def test_header_and_signature_are_borderless_tables():
    document = read()
    header, signature = document.tables
    left, right = header.rows[0].cells
    assert [p.text for p in left.paragraphs] == ["BCH ĐOÀN KHỐI CÁC CƠ QUAN TỈNH", "***", "Số: 36-BC/ĐTNK"]
    assert right.paragraphs[0].runs[0].underline and right.paragraphs[1].runs[0].italic
    recipients, signer = signature.rows[0].cells
    assert [p.text for p in recipients.paragraphs] == ["Nơi nhận:", "- BTV Tỉnh Đoàn;", "- Lưu VP."]
    assert [p.text for p in signer.paragraphs] == ["TM. BAN THƯỜNG VỤ", "BÍ THƯ", "Ký Minh Thi"]
    borders = header._tbl.tblPr.xml
    assert '<w:top w:val="nil"/>' in borders and 'w:val="single"' not in borders


def test_appendix_from_data_with_bold_total_row_and_repeated_header():
    document = read(app=appendix())
    assert document.paragraphs[-3].text == "PHỤ LỤC" and document.paragraphs[-3].runs[0].bold
    caption = document.paragraphs[-2]
    assert caption.text == "Số liệu tổng hợp quý I/2012 theo đơn vị trực thuộc"
    assert caption.alignment == WD_ALIGN_PARAGRAPH.CENTER
    table = document.tables[-1]
    assert [c.text for c in table.rows[0].cells] == list(appendix().tables[0].header)
    assert "<w:tblHeader/>" in table.rows[0]._tr.xml
    assert "<w:tblHeader/>" not in table.rows[1]._tr.xml
    assert 'w:val="single"' in table._tbl.xml  # bordered
    assert all(c.paragraphs[0].runs[0].bold for c in table.rows[0].cells)
    assert all(c.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER for c in table.rows[0].cells)
    # cell text as given, not read as Markdown
    assert table.rows[2].cells[1].text == "Chi đoàn Sở Tài chính | Kho bạc *tỉnh*"
    bold = [[bool(c.paragraphs[0].runs[0].bold) for c in row.cells if c.text] for row in table.rows[1:]]
    assert bold == [[False] * 4, [False] * 4, [True] * 3]
    aligns = [c.paragraphs[0].alignment for c in table.rows[1].cells]
    assert aligns == [WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.RIGHT]


def test_the_total_row_is_bold_by_its_flag_not_its_words():
    plain = DataTable(header=("Đơn vị", "Số"), rows=(("A", "1"), ("Tổng cộng", "1")), numeric=(False, True))
    document = read(app=Appendix("PHỤ LỤC", (), (plain,), landscape=False))
    assert not document.tables[-1].rows[-1].cells[0].paragraphs[0].runs[0].bold
    marked = DataTable(header=("Đơn vị", "Số"), rows=(("A", "1"), ("Cộng", "1")), numeric=(False, True), total_row=1)
    document = read(app=Appendix("PHỤ LỤC", (), (marked,), landscape=False))
    assert document.tables[-1].rows[-1].cells[0].paragraphs[0].runs[0].bold


def test_a_template_table_in_the_body_is_bordered_with_numbers_right():
    table_md = REPORT.replace("<!-- doanreport:signature -->", textwrap.dedent("""\
        | Đơn vị | Cuộc |
        |:---|:---|
        | Chi đoàn A | 1.216 |
        | Tổng cộng | 1.219 |

        <!-- doanreport:signature -->"""))
    table = read(table_md).tables[1]
    assert [[c.text for c in row.cells] for row in table.rows] == [["Đơn vị", "Cuộc"], ["Chi đoàn A", "1.216"],
                                                                  ["Tổng cộng", "1.219"]]
    assert "<w:tblHeader/>" in table.rows[0]._tr.xml
    assert table.rows[1].cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT  # looks like a number
    assert table.rows[1].cells[0].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert not table.rows[2].cells[0].paragraphs[0].runs[0].bold


def test_appendix_on_a_new_page_landscape_when_wide():
    narrow = read(app=appendix(landscape=False))
    assert len(narrow.sections) == 2
    assert narrow.sections[1].orientation == WD_ORIENT.PORTRAIT
    wide = read(app=appendix(landscape=True))
    body, annex = wide.sections
    assert body.orientation == WD_ORIENT.PORTRAIT and mm(body.page_width, body.page_height) == (210, 297)
    assert annex.orientation == WD_ORIENT.LANDSCAPE and mm(annex.page_width, annex.page_height) == (297, 210)
    assert mm(annex.left_margin, annex.right_margin, annex.top_margin, annex.bottom_margin) == (30, 20, 20, 20)
    assert len(read().sections) == 1  # no appendix, no second section


def test_page_numbers_from_page_two():
    document = read(app=appendix(landscape=True))
    first, annex = document.sections
    assert first.different_first_page_header_footer
    assert 'w:instr="PAGE"' in first.header.paragraphs[0]._p.xml
    assert first.header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert "PAGE" not in "".join(p._p.xml for p in first.first_page_header.paragraphs)
    # the appendix's first page is not the document's: it has its number
    assert not annex.different_first_page_header_footer and annex.header.is_linked_to_previous


def test_same_input_same_bytes():
    once = markdown_to_docx(REPORT, "Báo cáo quý I/2012", appendix(landscape=True))
    assert markdown_to_docx(REPORT, "Báo cáo quý I/2012", appendix(landscape=True)) == once
    assert markdown_to_docx(REPORT, "Báo cáo quý I/2012") != once


# --- the document frame and the page flow -------------------------------------

TWO_LINE = REPORT.replace("    **BCH ĐOÀN KHỐI CÁC CƠ QUAN TỈNH**\\\n".replace("    ", ""),
                          "TỈNH ĐOÀN SÓC TRĂNG\\\n**BCH ĐOÀN KHỐI CÁC CƠ QUAN TỈNH**\\\n")
CLOSING = "Trên đây là báo cáo kết quả công tác Đoàn quý I/2012./."


def with_closing(before: str = "Các chi đoàn sinh hoạt đều đặn.") -> str:
    return REPORT.replace("<!-- doanreport:signature -->", f"{before}\n\n{CLOSING}\n\n<!-- doanreport:signature -->")


def sizes(paragraph) -> set[float]:
    return {r.font.size.pt for r in paragraph.runs}


def test_two_line_issuer_superior_plain_then_issuing_body_bold():
    assert TWO_LINE != REPORT
    left, right = read(TWO_LINE).tables[0].rows[0].cells
    assert [p.text for p in left.paragraphs] == ["TỈNH ĐOÀN SÓC TRĂNG", "BCH ĐOÀN KHỐI CÁC CƠ QUAN TỈNH", "***",
                                                 "Số: 36-BC/ĐTNK"]
    superior, issuer = left.paragraphs[0].runs, left.paragraphs[1].runs
    assert [r.bold for r in superior] == [None] and [r.bold for r in issuer] == [True]
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in left.paragraphs)
    # Hướng dẫn 29-HD/TWĐTN-VP: the bodies 13 pt, the number 14; ĐOÀN TNCS HỒ CHÍ MINH 15, the date 14
    assert [sizes(p) for p in left.paragraphs] == [{13}, {13}, {13}, {14}]
    assert [sizes(p) for p in right.paragraphs] == [{15}, {14}]


def test_a_single_issuer_is_bold_as_before():
    left, _ = read().tables[0].rows[0].cells
    assert [p.text for p in left.paragraphs] == ["BCH ĐOÀN KHỐI CÁC CƠ QUAN TỈNH", "***", "Số: 36-BC/ĐTNK"]
    assert [r.bold for r in left.paragraphs[0].runs] == [True]
    assert [sizes(p) for p in left.paragraphs] == [{13}, {13}, {14}]


def test_header_columns_are_as_wide_in_libreoffice_as_in_word():
    """LibreOffice lays a table out by its grid, Word by the cells: both say
    the same widths (88 and 82 mm, 5 mm into each side margin), so that
    BCH ĐOÀN KHỐI CÁC CƠ QUAN TỈNH fits on one line and longer names wrap
    between words."""
    document = read(TWO_LINE)
    tbl = document.tables[0]._tbl
    grid = [int(c.get(qn("w:w"))) for c in tbl.tblGrid.findall(qn("w:gridCol"))]
    cells = [c.width.twips for c in document.tables[0].rows[0].cells]
    assert grid == cells and [round(w * 25.4 / 1440) for w in grid] == [88, 82]
    assert tbl.tblPr.find(qn("w:tblW")).get(qn("w:w")) == str(sum(grid))
    assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    outdent = -int(tbl.tblPr.find(qn("w:tblInd")).get(qn("w:w")))
    section = document.sections[0]
    text_width = Emu(section.page_width - section.left_margin - section.right_margin).twips
    assert abs(sum(grid) - (text_width + 2 * outdent)) <= 2  # the text width and 5 mm each side (rounded)
    assert outdent < min(section.left_margin.twips, section.right_margin.twips)


def test_title_subject_signature_and_recipients_sizes():
    document = read()
    assert sizes(paragraph(document, "BÁO CÁO")) == {15}
    assert sizes(paragraph(document, "Kết quả công tác Đoàn quý I/2012")) == {14}
    recipients, signer = document.tables[-1].rows[0].cells
    assert sizes(recipients.paragraphs[0]) == {12} and all(sizes(p) == {11} for p in recipients.paragraphs[1:])
    assert all(sizes(p) == {14} and all(r.bold for r in p.runs) for p in signer.paragraphs)


def test_the_closing_sentence_and_the_text_before_it_stay_with_the_signature():
    document = read(with_closing())
    body = document.element.body
    closing = paragraph(document, CLOSING)
    before = paragraph(document, "Các chi đoàn sinh hoạt đều đặn.")
    assert closing.paragraph_format.keep_with_next and closing.paragraph_format.keep_together
    assert before.paragraph_format.keep_with_next and not before.paragraph_format.keep_together
    assert closing._p.getnext() is document.tables[-1]._tbl  # the signature table follows
    assert "<w:cantSplit/>" in document.tables[-1].rows[0]._tr.xml
    # only these two: the text further up flows as it will
    earlier = paragraph(document, "2. Củng cố chi đoàn yếu kém")
    assert not earlier.paragraph_format.keep_with_next
    assert sum(1 for p in body.iter(qn("w:keepNext"))) == len(
        [p for p in document.paragraphs if p.paragraph_format.keep_with_next])


def test_a_table_before_the_closing_sentence_keeps_its_last_row_with_it():
    md = with_closing("| Đơn vị | Cuộc |\n|:---|---:|\n| Chi đoàn A | 1 |\n| Chi đoàn B | 2 |")
    document = read(md)
    table = document.tables[1]
    assert all(p.paragraph_format.keep_with_next for c in table.rows[-1].cells for p in c.paragraphs)
    assert "<w:keepNext/>" not in table.rows[1]._tr.xml  # the row above flows as it will
    assert paragraph(document, CLOSING).paragraph_format.keep_with_next


def _blocks(document) -> list:
    return [el for el in document.element.body if el.tag in (qn("w:p"), qn("w:tbl"))]


def _is_hairline(p) -> bool:
    para = docx.text.paragraph.Paragraph(p, None)
    fmt = para.paragraph_format
    return (p.tag == qn("w:p") and not para.text and fmt.space_before == fmt.space_after == Pt(0)
            and fmt.line_spacing == Pt(1) and "<w:br" not in p.xml)


def test_no_empty_page_after_the_appendix():
    """The document ends on the appendix's last table and a 1 pt paragraph (Word
    needs a paragraph there): no page break, no empty section, nothing that could
    spill onto a page of its own."""
    for landscape in (False, True):
        document = read(with_closing(), appendix(landscape))
        blocks = _blocks(document)
        assert blocks[-2] is document.tables[-1]._tbl and _is_hairline(blocks[-1])
        assert len(document.sections) == 2 and len(document.element.body.findall(f".//{qn('w:sectPr')}")) == 2
        assert 'w:type="page"' not in document.element.body.xml
        # the section break before the appendix: right after the signature, 1 pt high
        breaks = [p for p in blocks if p.tag == qn("w:p") and p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None]
        assert len(breaks) == 1 and _is_hairline(breaks[0])
        assert breaks[0].getprevious() is document.tables[1]._tbl  # the signature table


def test_without_an_appendix_the_document_ends_on_the_signature():
    blocks = _blocks(read(with_closing()))
    assert blocks[-2].tag == qn("w:tbl") and _is_hairline(blocks[-1])
