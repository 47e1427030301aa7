"""The Youth Union's document layout (thể thức văn bản) as python-docx settings.

Page (A4, margins 20/20/30/20 mm), fonts (Times New Roman in every script
slot, theme fonts removed so Word and LibreOffice both really use it),
paragraph formats, page numbers from page 2, borderless frame tables,
bordered data tables built as XML in one go (fast for thousands of rows),
and saving to reproducible bytes.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import datetime
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt

from doanreport.report.output import reproducible_zip

FONT = "Times New Roman"
# Sizes in points, per Hướng dẫn 29-HD/TWĐTN-VP and Phụ lục I of Nghị định
# 30/2020/NĐ-CP (the README's "The document layout" gives the same table).
BODIES_PT = 13  # the header's superior body (plain), issuing body (bold) and `***`
NUMBER_PT = 14  # Số: 36-BC/ĐTNK
UNION_PT = 15  # ĐOÀN TNCS HỒ CHÍ MINH, bold, underlined
DATE_PT = 14  # the place and date line, italic
KIND_PT = 15  # BÁO CÁO
SUBJECT_PT = 14  # the trích yếu under it, bold
BODY_PT = 14
TABLE_PT = 12
RECIPIENTS_TITLE_PT = 12  # Nơi nhận:, bold italic
RECIPIENTS_PT = 11
SIGNER_PT = 14  # TM. BAN THƯỜNG VỤ, BÍ THƯ and the name, bold
# The header table: 170 mm, 5 mm into each side margin, so that an issuing body
# such as BCH ĐOÀN KHỐI CÁC CƠ QUAN TỈNH (85 mm at 13 pt bold) and a date line
# such as "Sóc Trăng, ngày 08 tháng 12 năm 2013" (78 mm at 14 pt italic) each
# fit on one line; a longer name wraps between words (no word is near that wide).
HEADER_MM = (88, 82)
HEADER_OUTDENT_MM = 5
SIGNATURE_MM = (80, 80)
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_FIXED = datetime(2000, 1, 1)


def new_document(title: str = "") -> Document:
    doc = Document()
    section = doc.sections[0]
    page_setup(section, landscape=False)
    _fonts(doc)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(6), 1.15
    props = doc.core_properties
    props.author = props.last_modified_by = "doanreport"
    props.title, props.revision = title, 1
    props.created = props.modified = props.last_printed = _FIXED
    page_numbers(section)
    return doc


def page_setup(section, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.page_width, section.page_height = width, height
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(20)
    section.header_distance = section.footer_distance = Mm(10)


def _fonts(doc: Document) -> None:
    """Times New Roman in all four slots of every rFonts, theme attributes removed."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for r_pr in [defaults, *styles.iter(qn("w:rPr"))]:
        fonts = r_pr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = r_pr.makeelement(qn("w:rFonts"), {})
            r_pr.insert(0, fonts)
        set_fonts(fonts)
    lang = defaults.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:val"), "vi-VN")


def set_fonts(fonts) -> None:
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)


def page_numbers(section) -> None:
    """Page number centred in the top margin; none on the first page."""
    section.different_first_page_header_footer = True
    para = section.header.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))


def body_format(paragraph, indent: bool = True, align=WD_ALIGN_PARAGRAPH.JUSTIFY) -> None:
    fmt = paragraph.paragraph_format
    paragraph.alignment = align
    fmt.first_line_indent = Cm(1) if indent else None
    fmt.space_after = Pt(6)


def borderless_table(doc, widths_mm: Sequence[float], outdent_mm: float = 0, padding: bool = True):
    """A one-row table without borders, its columns exactly `widths_mm` wide in
    Word and in LibreOffice (table width, grid and cells agree, fixed layout),
    starting `outdent_mm` left of the margin; without `padding` the cells have
    no inner left and right margins."""
    table = doc.add_table(rows=1, cols=len(widths_mm))
    table.autofit = False
    tbl = table._tbl
    tbl_pr = tbl.tblPr
    twips = [_twips(w) for w in widths_mm]
    tbl_w = tbl_pr.find(qn("w:tblW"))
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(sum(twips)))
    extra = [f'<w:tblInd {nsdecls("w")} w:w="{-_twips(outdent_mm)}" w:type="dxa"/>'] if outdent_mm else []
    extra.append(f'<w:tblBorders {nsdecls("w")}>' + "".join(
        f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + "</w:tblBorders>")
    if not padding:
        extra.append(f'<w:tblCellMar {nsdecls("w")}><w:left w:w="0" w:type="dxa"/>'
                     '<w:right w:w="0" w:type="dxa"/></w:tblCellMar>')
    for xml in extra:
        tbl_pr.append(parse_xml(xml))
    for col, width in zip(tbl.tblGrid.findall(qn("w:gridCol")), twips, strict=True):
        col.set(qn("w:w"), str(width))
    for cell, width in zip(table.rows[0].cells, widths_mm, strict=True):
        cell.width = Mm(width)
    return table


def _twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def keep_row_together(row) -> None:
    """A table row never split across two pages (the signature block)."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(parse_xml(f'<w:cantSplit {nsdecls("w")}/>'))


def hairline(paragraph) -> None:
    """An empty paragraph that Word requires (after a table, or holding a section
    break) made 1 pt high, so it never spills onto a page of its own."""
    fmt = paragraph.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(1)  # exact
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.append(parse_xml(f'<w:rPr {nsdecls("w")}><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>'))


def data_table_xml(header: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[bool], widths_twips: list[int],
                   bold_row: int | None = None) -> str:
    """A bordered table as WordprocessingML: bold header row repeated on every page;
    `bold_row` (an index in `rows`, the total row) bold too."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths_twips)
    borders = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    out = [f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{sum(widths_twips)}" w:type="dxa"/>'
           f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
           f'<w:tblCellMar><w:left w:w="60" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar>'
           f'</w:tblPr><w:tblGrid>{grid}</w:tblGrid>']
    out.append(_row(header, [False] * len(header), widths_twips, header=True))
    for k, row in enumerate(rows):
        out.append(_row(row, right, widths_twips, bold=k == bold_row))
    out.append("</w:tbl>")
    return "".join(out)


def _row(cells: Sequence[str], right: Sequence[bool], widths: list[int], header: bool = False, bold: bool = False) -> str:
    tr_pr = "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" if header else "<w:trPr><w:cantSplit/></w:trPr>"
    keep = "<w:keepNext/>" if header else ""
    size = TABLE_PT * 2
    b = "<w:b/><w:bCs/>" if header or bold else ""
    parts = [f"<w:tr>{tr_pr}"]
    for text, is_right, width in zip(cells, right, widths, strict=True):
        jc = "center" if header else ("right" if is_right else "left")
        parts.append(
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
            f'<w:p><w:pPr>{keep}<w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/><w:jc w:val="{jc}"/></w:pPr>'
            f'<w:r><w:rPr>{b}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
            f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p></w:tc>')
    parts.append("</w:tr>")
    return "".join(parts)


def _strip_theme_fonts(name: str, body: bytes) -> bytes:
    """stylesWithEffects.xml (read by some Word versions) gets the same fonts."""
    if name != "word/stylesWithEffects.xml":
        return body
    fonts = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'.encode()
    return re.sub(rb"<w:rFonts\b[^>]*/>", fonts, body)


def save_bytes(doc: Document) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return reproducible_zip(buffer.getvalue(), _strip_theme_fonts)
