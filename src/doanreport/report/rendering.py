"""A report, start to end: frame, template, appendix.

Takes the report data (`build.Report`) and the workspace's document frame,
runs the template to Markdown and, when asked, builds the appendix table as
data. The .md is that Markdown with the appendix written under it; the .docx
is made from the same Markdown and the same appendix record
(`docx.writer.markdown_to_docx`), so the two outputs always agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from jinja2.sandbox import SandboxedEnvironment

from doanreport.load.workspace import Workspace
from doanreport.model.errors import UserError
from doanreport.model.periods import Period
from doanreport.report.appendix import PARTIAL, Appendix, appendix_markdown, build_appendix
from doanreport.report.context import Asked, Frame, ReportContext
from doanreport.report.prose import Prose, Style
from doanreport.report.templating import TEMPLATE_FAULTS, environment, render_markdown
from doanreport.rollup.build import Report


@dataclass(frozen=True)
class Rendered:
    """A rendered report. `markdown` is the .md output; the .docx is made from
    `body` (the template's Markdown) and `appendix` (the table as data)."""

    markdown: str
    body: str
    appendix: Appendix | None = None
    asked: Asked | None = None  # what the template asked for (narrative, highlights)
    prose: Prose | None = None  # the texts as shown (placeholders filled), and their gaps
    figures: frozenset[str] = frozenset()  # the indicators whose figures the report states


def frame_for(ws: Workspace, number: str | None, day: date | None, period: Period) -> Frame:
    """The document frame from doanreport.yaml and the command line.

    Without a date the day and month are left blank to fill in by hand, and
    the year is the one the report is due in (the month after the period).
    """
    d = ws.config.document
    recipients = list(d.recipients)
    if not any(r.lower().startswith("lưu") for r in recipients):
        recipients.append("Lưu VP")
    names = [name.upper() for name in d.issuer]  # [issuing body] or [superior, issuing body]
    return Frame(
        issuer=names[-1] if names else "",
        superior=names[0] if len(names) > 1 else "",
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


def context_for(ws: Workspace, report: Report, frame: Frame, placed: list | None = None) -> ReportContext:
    """The template context, worded as the workspace's `wording:` says."""
    w = ws.config.wording
    return ReportContext(report, ws.catalog, ws.require_tree(), frame, ws.config.cutoff,
                         style=Style(money=w.money, padded=w.pad_small_counts), setting=w.setting, kinds=w.kinds,
                         placed=placed)


def _run(ws: Workspace, env: SandboxedEnvironment, report: Report, template: str,
         frame: Frame) -> tuple[ReportContext, str]:
    """Run the template twice when need be: a figure counts as stated by the
    prose only if the text stating it is in the report. The first run assumes
    every text is; the second knows which the template placed."""
    ctx = context_for(ws, report, frame)
    text = render_markdown(env, template, ctx)
    placed = ctx.placed()
    if ctx.stated_by(placed) != ctx.stated:
        ctx = context_for(ws, report, frame, placed)
        text = render_markdown(env, template, ctx)
    return ctx, text


def render(ws: Workspace, report: Report, template: str, frame: Frame, appendix: str | None = None) -> Rendered:
    """The report, with an appendix of the figures the template used by unit
    when `appendix` is "children" or "all"."""
    env = environment(ws.templates_dir)
    ctx, text = _run(ws, env, report, template, frame)
    body = tidy(text)
    if not appendix:
        return Rendered(body, body, None, ctx.asked, ctx.prose, frozenset(ctx.used))
    codes = [c for c in ctx.used if c in report.agg.values]
    try:
        data = build_appendix(env, report.agg, ws.catalog, codes, appendix)
        table = appendix_markdown(env, data)
    except TEMPLATE_FAULTS as exc:  # a workspace's own _phu_luc.md.j2 gone wrong
        line = getattr(exc, "lineno", None)
        raise UserError("template-error", where=f"{PARTIAL}:{line}" if line else PARTIAL, detail=str(exc)) from None
    return Rendered(tidy(text.rstrip() + "\n\n" + table), body, data, ctx.asked, ctx.prose, frozenset(ctx.used))


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
    ctx = context_for(ws, report, frame_for(ws, None, None, period))
    render_markdown(environment(ws.templates_dir), template, ctx)
    wanted = set(ctx.used) | {c for g in ctx.groups_listed for c in ws.catalog.codes_in(g)}
    return [c for c in ws.catalog.indicators if c in wanted]
