"""The .docx built from the report's Markdown (parsed with markdown-it-py)
and its appendix (an `appendix.Appendix` record, not Markdown).

The Markdown a template produces is the single source of the report: the
writer walks its tokens and lays each region out the Youth Union's way.
Regions are marked by HTML comments the base template writes: `header`
(issuing body and date, a borderless two-column table), then the title
(`# BÁO CÁO`, the subject, a short rule), the body (Roman-numeral headings,
justified paragraphs, `-`/`+` items as typed paragraphs, bordered tables) and
`signature` (recipients and signer side by side, kept on one page with the
closing sentence and the text before it). The appendix follows in a new
section, landscape when it is wide; no section ends on an empty paragraph
that could make a blank page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from markdown_it import MarkdownIt
from markdown_it.token import Token

from doanreport.report.appendix import Appendix, DataTable
from doanreport.report.docx import layout

_MARKER = re.compile(r"<!--\s*(/?)doanreport:(\w+)[^>]*-->")
_NUMERIC = re.compile(r"^[\s\d.,%+\-–]*$")
_PARSER = MarkdownIt("commonmark").enable("table")
_P, _TBL = qn("w:p"), qn("w:tbl")


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    br: bool = False  # a line break before this run's text


def inline_runs(token: Token) -> list[Run]:
    """Inline Markdown as runs: **bold**, *italic*, <u>underline</u>, line breaks."""
    runs: list[Run] = []
    bold = italic = underline = False
    pending_br = False
    for child in token.children or []:
        kind = child.type
        if kind in ("strong_open", "strong_close"):
            bold = kind == "strong_open"
        elif kind in ("em_open", "em_close"):
            italic = kind == "em_open"
        elif kind == "html_inline" and child.content.lower() in ("<u>", "</u>"):
            underline = child.content.lower() == "<u>"
        elif kind == "hardbreak":
            pending_br = True
        elif kind == "softbreak":
            runs.append(Run(" ", bold, italic, underline))
        elif kind in ("text", "code_inline") and child.content:
            runs.append(Run(child.content, bold, italic, underline, pending_br))
            pending_br = False
    return runs


def lines_of(runs: list[Run]) -> list[list[Run]]:
    lines: list[list[Run]] = [[]]
    for run in runs:
        if run.br:
            lines.append([])
            run = Run(run.text, run.bold, run.italic, run.underline)
        lines[-1].append(run)
    return lines


def add_runs(paragraph, runs: list[Run], size: float | None = None, bold: bool | None = None,
             italic: bool | None = None) -> None:
    for run in runs:
        if run.br:
            paragraph.add_run().add_break(WD_BREAK.LINE)
        r = paragraph.add_run(run.text)
        r.bold = True if bold else (run.bold or None)
        r.italic = True if italic else (run.italic or None)
        r.underline = run.underline or None
        if size:
            r.font.size = Pt(size)


class Writer:
    def __init__(self, title: str) -> None:
        self.doc = layout.new_document(title)
        self.region = "body"
        self.seen_title = False
        self.region_title = False  # between the title and its rule: the subject lines
        self.lists: list[list] = []  # open lists: [ordered, next number]
        self.block: list[Token] = []  # tokens of the current header/signature region

    def write(self, markdown: str, appendix: Appendix | None = None) -> bytes:
        tokens = _PARSER.parse(markdown)
        i = 0
        while i < len(tokens):
            i = self.token(tokens, i)
        if appendix is not None:
            self.appendix(appendix)
        self._end_section()
        if self._last_block().tag == _TBL:  # Word needs a paragraph after it
            layout.hairline(self.doc.add_paragraph())
        return layout.save_bytes(self.doc)

    def _last_block(self):
        return next(el for el in reversed(self.doc.element.body) if el.tag in (_P, _TBL))

    def _end_section(self) -> None:
        """A section ends on its last text or table, not on the empty paragraph a
        table leaves after it: that paragraph could spill onto a page of its own."""
        last = self._last_block()
        previous = last.getprevious()
        if last.tag == _P and not Paragraph(last, self.doc).text and previous is not None and previous.tag == _TBL:
            last.getparent().remove(last)

    def appendix(self, appendix: Appendix) -> None:
        """A new section (landscape when wide), the title, the lines under it, the
        tables. The section break is a hairline paragraph, never a page of its own."""
        self._end_section()
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        layout.hairline(self.doc.paragraphs[-1])
        layout.page_setup(section, landscape=appendix.landscape)
        section.different_first_page_header_footer = False
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_runs(p, [Run(appendix.title)], bold=True)
        for line in appendix.lines:
            p = self.doc.add_paragraph()
            layout.body_format(p, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
            add_runs(p, [Run(line)])
        for table in appendix.tables:
            self._add_table(table)

    def token(self, tokens: list[Token], i: int) -> int:
        tok = tokens[i]
        if tok.type == "html_block" and _MARKER.search(tok.content):
            self.marker(_MARKER.search(tok.content))
            return i + 1
        if self.region in ("header", "signature"):
            self.block.append(tok)
            return i + 1
        handler = {
            "heading_open": self.heading,
            "paragraph_open": self.paragraph,
            "bullet_list_open": self.list_open,
            "bullet_list_close": self.list_close,
            "ordered_list_open": self.list_open,
            "ordered_list_close": self.list_close,
            "table_open": self.table,
            "hr": self.rule,
            "code_block": self.literal,
            "fence": self.literal,
        }.get(tok.type)
        return handler(tokens, i) if handler else i + 1

    # --- regions ------------------------------------------------------------
    def marker(self, match: re.Match) -> None:
        closing, name = match.group(1) == "/", match.group(2)
        if name in ("header", "signature") and not closing:
            self.region, self.block = name, []
        elif name in ("header", "signature"):
            (self.header if name == "header" else self.signature)(self.block)
            self.region = "body"

    def _paragraph_blocks(self, tokens: list[Token]) -> list[list[Run]]:
        return [inline_runs(t) for t in tokens if t.type == "inline"]

    def header(self, tokens: list[Token]) -> None:
        """Left: the superior body (plain) and the issuing body (bold), `***`,
        then the number on the last line; right: ĐOÀN TNCS HỒ CHÍ MINH, then the
        date line. Sizes by place in the block (layout's figures); the words,
        bold and italics are the template's."""
        blocks = self._paragraph_blocks(tokens)
        table = layout.borderless_table(self.doc, layout.HEADER_MM, layout.HEADER_OUTDENT_MM, padding=False)
        for column, (cell, runs) in enumerate(zip(table.rows[0].cells, blocks[:2], strict=True)):
            cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
            lines = lines_of(runs)
            for n, line in enumerate(lines):
                if column == 0:
                    size = layout.NUMBER_PT if n == len(lines) - 1 and n > 0 else layout.BODIES_PT
                else:
                    size = layout.UNION_PT if n == 0 else layout.DATE_PT
                p = cell.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p.paragraph_format.space_after = Pt(0)
                p.paragraph_format.first_line_indent = None
                add_runs(p, line, size=size)
        self.doc.add_paragraph().paragraph_format.space_after = Pt(0)

    def signature(self, tokens: list[Token]) -> None:
        """Recipients and signer side by side, in a row that never splits, kept
        on one page with the closing sentence and the text before it."""
        self._keep_with_signature()
        left_title, items, right = [], [], []
        depth = 0
        for tok in tokens:
            depth += tok.nesting if tok.type in ("bullet_list_open", "bullet_list_close") else 0
            if tok.type != "inline":
                continue
            if depth:
                items.append(inline_runs(tok))
            elif not left_title:
                left_title = inline_runs(tok)
            else:
                right.append(inline_runs(tok))
        table = layout.borderless_table(self.doc, layout.SIGNATURE_MM)
        layout.keep_row_together(table.rows[0])
        left, right_cell = table.rows[0].cells
        p = left.paragraphs[0]
        p.paragraph_format.space_before = Pt(6)
        p.paragraph_format.space_after = Pt(0)
        add_runs(p, left_title, size=layout.RECIPIENTS_TITLE_PT, bold=True, italic=True)
        for runs in items:
            q = left.add_paragraph()
            q.paragraph_format.space_after = Pt(0)
            add_runs(q, [Run("- ")] + runs, size=layout.RECIPIENTS_PT)
        lines = [(line, b == len(right) - 1 and k == 0 and b > 0)
                 for b, block in enumerate(right) for k, line in enumerate(lines_of(block))]
        for n, (line, is_name) in enumerate(lines):
            q = right_cell.paragraphs[0] if n == 0 else right_cell.add_paragraph()
            q.alignment = WD_ALIGN_PARAGRAPH.CENTER
            q.paragraph_format.space_before = Pt(6) if n == 0 else None
            q.paragraph_format.space_after = Pt(0)
            if is_name:
                q.paragraph_format.space_before = Pt(72)  # room to sign
            add_runs(q, line, size=layout.SIGNER_PT, bold=True)

    def _keep_with_signature(self) -> None:
        """The closing sentence (the body's last paragraph) is not split and stays
        with the signature; the text before it stays with it too: the last lines
        of the paragraph before, or the last row of a table before."""
        body = [el for el in self.doc.element.body if el.tag in (_P, _TBL)]
        kept = 0
        for el in reversed(body):
            if el.tag == _TBL:
                for p in el.xpath("./w:tr[last()]//w:p"):
                    Paragraph(p, self.doc).paragraph_format.keep_with_next = True
                break
            p = Paragraph(el, self.doc)
            p.paragraph_format.keep_with_next = True
            if kept == 0:
                p.paragraph_format.keep_together = True
            if p.text.strip():
                kept += 1
            if kept == 2:
                break

    # --- blocks ---------------------------------------------------------------
    def heading(self, tokens: list[Token], i: int) -> int:
        level = int(tokens[i].tag[1])
        runs = inline_runs(tokens[i + 1])
        p = self.doc.add_paragraph()
        if level == 1 and not self.seen_title:
            self.seen_title = True
            self.region_title = True
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.space_before = Pt(12)
            p.paragraph_format.space_after = Pt(0)
            add_runs(p, runs, size=layout.KIND_PT, bold=True)
        else:
            layout.body_format(p)
            p.paragraph_format.keep_with_next = True
            add_runs(p, runs, bold=True, italic=level >= 4)
        return i + 3

    def paragraph(self, tokens: list[Token], i: int) -> int:
        runs = inline_runs(tokens[i + 1])
        p = self.doc.add_paragraph()
        if self.region_title:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.space_after = Pt(0)
            add_runs(p, runs, size=layout.SUBJECT_PT, bold=True)
        elif self.lists:
            layout.body_format(p)
            add_runs(p, [Run(self._item_mark())] + runs)
        else:
            layout.body_format(p)
            add_runs(p, runs)
        return i + 3

    def literal(self, tokens: list[Token], i: int) -> int:
        """Preformatted text (which the templates never write): kept, line by line."""
        for line in tokens[i].content.splitlines():
            p = self.doc.add_paragraph()
            layout.body_format(p)
            add_runs(p, [Run(line)])
        return i + 1

    def rule(self, tokens: list[Token], i: int) -> int:
        p = self.doc.add_paragraph("-----------")
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(12)
        self.region_title = False
        return i + 1

    def list_open(self, tokens: list[Token], i: int) -> int:
        tok = tokens[i]
        start = int(tok.attrs.get("start", 1)) if tok.type == "ordered_list_open" else 0
        self.lists.append([tok.type == "ordered_list_open", start])
        return i + 1

    def list_close(self, tokens: list[Token], i: int) -> int:
        self.lists.pop()
        return i + 1

    def _item_mark(self) -> str:
        """`1. ` for numbered items, `- ` for items, `+ ` one level down, as typed."""
        ordered, number = self.lists[-1]
        if ordered:
            self.lists[-1][1] += 1
            return f"{number}. "
        return "- " if len(self.lists) == 1 else "+ "

    def table(self, tokens: list[Token], i: int) -> int:
        """A template's own Markdown table: numbers right-aligned, as marked
        (`---:`) or as they look."""
        header: list[str] = []
        rows: list[list[str]] = []
        aligns: list[bool] = []
        while tokens[i].type != "table_close":
            tok = tokens[i]
            if tok.type in ("th_open", "td_open"):
                text = "".join(r.text for r in inline_runs(tokens[i + 1]))
                if tok.type == "th_open":
                    header.append(text)
                    aligns.append("right" in str(tok.attrs.get("style", "")))
                else:
                    rows[-1].append(text)
            elif tok.type == "tr_open" and header and tokens[i - 1].type != "thead_open":
                rows.append([])
            i += 1
        numeric = [a or all(_NUMERIC.match(r[k]) for r in rows if k < len(r)) for k, a in enumerate(aligns)]
        self._add_table(DataTable(tuple(header), tuple(map(tuple, rows)), tuple(numeric)))
        return i + 1

    def _add_table(self, table: DataTable) -> None:
        widths = _column_widths(table.header, table.rows, self._text_width())
        xml = layout.data_table_xml(table.header, table.rows, table.numeric, widths, bold_row=table.total_row)
        self.doc.element.body.sectPr.addprevious(parse_xml(xml))
        self.doc.add_paragraph().paragraph_format.space_after = Pt(0)

    def _text_width(self) -> int:
        section = self.doc.sections[-1]
        return int((section.page_width - section.left_margin - section.right_margin) / 635)  # EMU → twips


def _column_widths(header: Sequence[str], rows: Sequence[Sequence[str]], total: int) -> list[int]:
    """Share the text width by content: long names wide, numbers and 'TT' narrow.

    A column needs room for its longest cell, and for the longest word of its
    header (headers wrap between words).
    """
    weights = []
    for k, title in enumerate(header):
        longest_cell = max((len(r[k]) for r in rows if k < len(r)), default=0)
        longest_word = max((len(w) for w in title.split()), default=1)
        weights.append(min(max(longest_cell, longest_word, 3), 28))
    scale = total / sum(weights)
    widths = [int(w * scale) for w in weights]
    widths[-1] += total - sum(widths)
    return widths


def markdown_to_docx(markdown: str, title: str = "", appendix: Appendix | None = None) -> bytes:
    """The report's Markdown, then `appendix` in its own section, as .docx bytes
    (the same bytes for the same input); `title` goes in the document properties."""
    return Writer(title).write(markdown, appendix)
