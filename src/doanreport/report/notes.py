"""What a rendered report left out of what the units sent.

Every narrative item and every highlight of the subtree either appears in the
report's text or is named here, with its file and line, so that nothing a unit
wrote disappears without a word. The check reads the rendered Markdown itself,
and what the template asked for, so it holds for any template, built-in or
the workspace's own.
"""

from __future__ import annotations

from pathlib import Path

from doanreport.load.source import Document
from doanreport.model.catalog import Catalog
from doanreport.model.diagnostics import Diagnostic, info, warning
from doanreport.report.context import markdown_text, same_text
from doanreport.report.rendering import Rendered
from doanreport.report.vnformat import figure
from doanreport.rollup.build import Report

SHOWN = 80  # characters of a left-out text quoted in its note


def left_out(report: Report, rendered: Rendered, root: Path, catalog: Catalog | None = None) -> list[Diagnostic]:
    """A note for each narrative item and highlight the report does not contain:
    the template never asked for it, or its text is not in the output. At its
    file and line (files are read again from `root` for positions)."""
    text, asked = same_text(rendered.body), rendered.asked
    docs: dict[str, Document] = {}

    def document(file: str) -> Document:
        return docs.setdefault(file, Document(file, None, path=root / file))

    def pos(file: str, path: tuple) -> tuple[int, int] | None:
        return document(file).pos(path)

    notes = []
    own = report.agg.unit.code
    prose = rendered.prose
    for said in report.agg.said:
        shown = prose.shown(said.file, said.path, said.text) if prose else said.text
        if not (asked and asked.said(said.key, said.unit == own)) or _plain(shown) not in text:
            notes.append(info("narrative-left-out", said.file, pos(said.file, said.path),
                              key=said.key, unit=said.unit_name, text=_short(said.text)))
    for h in report.agg.highlights:
        if h.file is not None and (not (asked and asked.highlight(h)) or _plain(h.name) not in text):
            notes.append(info("highlight-left-out", h.file, pos(h.file, ("highlights", h.index)),
                              unit=h.unit_name, name=_short(h.name)))
    notes += _figures_left_out(report, rendered, catalog)
    for gap in prose.gaps if prose else ():
        where = document(gap.file).locate(gap.path, gap.source, gap.nth) if gap.file else None
        notes.append(warning("placeholder-no-figure", gap.file, where, unit=gap.unit_name, code=gap.code))
    return notes


def _figures_left_out(report: Report, rendered: Rendered, catalog: Catalog | None) -> list[Diagnostic]:
    """A note for each figure of the report the template did not state (a zero
    is no news and is not named). Without the catalog (a caller that has none)
    nothing can be named."""
    if catalog is None or rendered.asked is None:
        return []
    return [info("figure-left-out", None, None, label=catalog[code].label, value=figure(catalog[code], value), code=code)
            for code, value in report.agg.values.items()
            if value != 0 and code not in rendered.figures and code in catalog]


def _plain(text: str) -> str:
    """User text as the report writes it (escaped for Markdown), compared as a
    reader would (`same_text`)."""
    return same_text(markdown_text(text))


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN else text[:SHOWN - 1].rstrip() + "…"
