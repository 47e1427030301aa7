"""A report, start to end: frame, template, appendix, then Markdown or .docx.

Takes the report data (`build.Report`) and the workspace's document frame,
runs the template to Markdown, adds the appendix table when asked, and turns
the same Markdown into the .docx, so the two outputs always agree.
"""

from __future__ import annotations

import re
from datetime import date

from doanreport.load.workspace import Workspace
from doanreport.model.catalog import Catalog
from doanreport.model.periods import Period
from doanreport.report import vnformat
from doanreport.report.context import Frame, ReportContext
from doanreport.report.docx.writer import markdown_to_docx
from doanreport.report.exports import table_rows
from doanreport.report.templating import environment, render_markdown
from doanreport.rollup.aggregation import Aggregate
from doanreport.rollup.build import Report

APPENDIX_COLUMNS = 8  # indicator columns per appendix table
LANDSCAPE_FROM = 5  # more indicator columns than this: landscape pages


def frame_for(ws: Workspace, number: str | None, day: date | None, period: Period) -> Frame:
    """The document frame from doanreport.yaml and the command line.

    Without a date the day and month are left blank to fill in by hand, and
    the year is the one the report is due in (the month after the period).
    """
    d = ws.config.document
    recipients = list(d.recipients)
    if not any(r.lower().startswith("lưu") for r in recipients):
        recipients.append("Lưu VP")
    return Frame(
        issuer=(d.issuer or "").upper(),
        symbol=d.symbol or "",
        number=number,
        place=d.place or "",
        date=day,
        year=period.end // 12,
        signer_on_behalf=d.signer.on_behalf or "",
        signer_title=d.signer.title or "",
        signer_name=d.signer.name or "",
        recipients=tuple(recipients),
    )


def render(ws: Workspace, report: Report, template: str, frame: Frame, appendix: str | None = None) -> str:
    """The report as Markdown."""
    ctx = ReportContext(report, ws.catalog, ws.require_tree(), frame, ws.config.cutoff)
    text = render_markdown(environment(ws.templates_dir), template, ctx)
    if appendix:
        codes = [c for c in ctx.used if c in report.agg.values]
        text = text.rstrip() + "\n\n" + appendix_markdown(report.agg, ws.catalog, codes, appendix)
    return tidy(text)


def tidy(markdown: str) -> str:
    """One blank line between blocks, a list always closed by a blank line (so the
    next sentence is not swallowed into its last item), no trailing spaces but
    Markdown's hard breaks."""
    lines: list[str] = []
    for line in markdown.splitlines():
        line = line if line.endswith("  ") and line.strip() else line.rstrip()
        if lines and _is_item(lines[-1]) and line and not _is_item(line) and not line.startswith(" "):
            lines.append("")
        elif lines and lines[-1].startswith("#") and line:
            lines.append("")
        lines.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def _is_item(line: str) -> bool:
    return line.lstrip().startswith(("- ", "+ ", "* ")) or bool(re.match(r"\s*\d+\. ", line))


def codes_used(ws: Workspace, template: str, unit: str, period: Period) -> list[str]:
    """The indicators a template can state: those it names, and every indicator of
    a group it lists with `others()`. Found by running it over data where every
    indicator is reported, so that every `{% if has(...) %}` branch is taken."""
    from doanreport.load.submission import Facts
    from doanreport.model.facts import Sourced
    from doanreport.rollup.build import build_report

    everything = {code: (50 if ind.is_percent else 1) for code, ind in ws.catalog.indicators.items()}
    probe = Facts(unit, period, "own", None, everything, (), {}, None, None, None)
    report = build_report(ws, unit, period, sources=[Sourced("(mẫu)", probe)])
    ctx = ReportContext(report, ws.catalog, ws.require_tree(), frame_for(ws, None, None, period), ws.config.cutoff)
    render_markdown(environment(ws.templates_dir), template, ctx)
    wanted = set(ctx.used) | {c for g in ctx.groups_listed for c in ws.catalog.codes_in(g)}
    return [c for c in ws.catalog.indicators if c in wanted]


def to_docx(markdown: str, title: str = "") -> bytes:
    return markdown_to_docx(markdown, title)


def appendix_markdown(agg: Aggregate, catalog: Catalog, codes: list[str], rows: str) -> str:
    """'Phụ lục': the figures the template used, one row per unit, and a total row."""
    units = [(name, values) for _, name, values in table_rows(agg, rows)]
    landscape = len(codes) > LANDSCAPE_FROM
    scope = "đơn vị trực thuộc" if rows == "children" else "đơn vị"
    out = [f"<!-- doanreport:appendix{' landscape' if landscape else ''} -->", "",
           "## PHỤ LỤC", "",
           f"Số liệu tổng hợp {agg.period.label} theo {scope} của {agg.unit.name}", ""]
    if not codes:
        out += ["Không có số liệu.", ""]
    for start in range(0, len(codes), APPENDIX_COLUMNS):
        chunk = codes[start:start + APPENDIX_COLUMNS]
        out.append("| TT | Đơn vị | " + " | ".join(f"{catalog[c].label} ({catalog[c].unit})" for c in chunk) + " |")
        out.append("|---:|:---|" + "---:|" * len(chunk))
        for n, (name, values) in enumerate(units, 1):
            out.append(f"| {n} | {_cell_text(name)} | " + " | ".join(_fmt(catalog, c, values.get(c)) for c in chunk) + " |")
        out.append("|  | Tổng cộng | " + " | ".join(_fmt(catalog, c, agg.values.get(c)) for c in chunk) + " |")
        out.append("")
    return "\n".join(out)


def _fmt(catalog: Catalog, code: str, value) -> str:
    if value is None:
        return ""
    return vnformat.so_tp(value, 1) if catalog[code].is_percent else vnformat.so(value)


def _cell_text(text: str) -> str:
    return text.replace("|", "/")
