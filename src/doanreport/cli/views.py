"""What the terminal shows: diagnostics, the unit tree, summaries.

Presentation only: takes results from the core and prints them with rich.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree as RichTree

from doanreport.model import messages
from doanreport.model.diagnostics import Diagnostic, format_text
from doanreport.model.units import Tree, Unit
from doanreport.report import vnformat

if TYPE_CHECKING:
    from doanreport.model.catalog import Catalog
    from doanreport.rollup.build import Report
    from doanreport.rollup.completeness import Completeness


def print_diagnostics(console: Console, diags: Sequence[Diagnostic], lang: str) -> None:
    for d in diags:
        style = {"error": "red", "warning": "yellow"}.get(d.severity, "dim")
        console.print(f"[{style}]{escape(format_text(d, lang))}[/{style}]", soft_wrap=True, highlight=False)


def print_summary(console: Console, diags: Sequence[Diagnostic], files: int, lang: str) -> None:
    errors = sum(1 for d in diags if d.is_error)
    warnings = sum(1 for d in diags if d.severity == "warning")
    if not diags:
        console.print(f"[green]{messages.phrase('all-good', lang, files=files)}[/green]", highlight=False)
    else:
        text = messages.phrase("summary", lang, errors=errors, warnings=warnings, files=files)
        console.print(f"[bold]{text}[/bold]", highlight=False)


def unit_tree(tree: Tree, code: str, today: date, lang: str = "vi", parent: RichTree | None = None) -> RichTree:
    """The subtree of `code` as a rich tree (the tree is at most four levels deep)."""
    label = _unit_label(tree[code], today, lang)
    node = RichTree(label) if parent is None else parent.add(label)
    for child in tree[code].children:
        unit_tree(tree, child, today, lang, node)
    return node


def _unit_label(unit: Unit, today: date, lang: str) -> str:
    text = f"[bold]{escape(unit.name)}[/bold] [dim]({unit.code} · {unit.kind.label})[/dim]"
    if unit.established and unit.established > today:
        text += f" [cyan]{messages.phrase('tree-established', lang, date=f'{unit.established:%d/%m/%Y}')}[/cyan]"
    if unit.dissolved:
        gone = unit.dissolved <= today
        key = "tree-dissolved" if gone else "tree-dissolving"
        text += f" [red]{messages.phrase(key, lang, date=f'{unit.dissolved:%d/%m/%Y}')}[/red]"
        if gone:
            text = f"[strike]{text}[/strike]"
    if not unit.reports and not unit.children:
        text += f" [dim]({messages.phrase('tree-no-report', lang)})[/dim]"
    return text


def unit_counts(tree: Tree, code: str, today: date, lang: str = "vi", words: dict[str, str] | None = None) -> str:
    """'5 đơn vị trực thuộc (2 chi đoàn cơ sở, 1 đoàn cơ sở, 2 chi đoàn)' as of today, each kind
    called as the workspace's `wording: kinds` calls it (`3 Đoàn xã`)."""
    below = [u for u in tree.subtree(code) if u.code != code and not (u.dissolved and u.dissolved <= today)]
    if not below:
        return messages.phrase("tree-no-units", lang)
    counts = Counter(u.kind for u in below)
    words = words or {}
    parts = ", ".join(f"{n} {words.get(kind.value, kind.label.lower())}"
                      for kind, n in sorted(counts.items(), key=lambda kv: kv[0].level))
    return escape(messages.phrase("tree-counts", lang, n=len(below), parts=parts))


def aggregate_table(report: Report, catalog: Catalog, lang: str = "vi") -> Table:
    """Indicators with labels, units, values and how many units reported each."""
    agg = report.agg
    expected = len(agg.completeness.expected)
    table = Table(title=escape(f"{agg.unit.name} — {agg.period.label}"), show_lines=False, title_justify="left")
    for key, justify in (("col-indicator", "left"), ("col-measure", "left"), ("col-value", "right"), ("col-reporters", "right")):
        table.add_column(messages.phrase(key, lang), justify=justify)
    values = agg.values
    for group in catalog.all_groups():
        codes = [c for c in catalog.codes_in(group) if c in values]
        if not codes:
            continue
        table.add_row(f"[bold]{escape(catalog.group_heading(group))}[/bold]", "", "", "")
        for code in codes:
            ind = catalog[code]
            table.add_row(f"  {escape(ind.label)}", escape(ind.unit), vnformat.figure(ind, values[code]),
                          f"{agg.coverage.get(code, 0)}/{expected}")
    return table


def completeness_lines(report: Report, tree: Tree, lang: str = "vi") -> list[str]:
    done = report.agg.completeness

    def names(codes: Sequence[str]) -> str:
        return escape("; ".join(tree[c].name for c in codes))

    lines = [messages.phrase("done-summary", lang, expected=len(done.expected), reported=len(done.reported),
                             late=len(done.late), missing=len(done.missing))]
    if done.missing:
        lines.append(f"{messages.phrase('state-missing', lang)}: {names(done.missing)}.")
    if done.late:
        lines.append(f"{messages.phrase('state-late', lang)}: {names(done.late)}.")
    if done.partial:
        months = messages.phrase("months", lang)
        lines.append(f"{messages.phrase('state-partial', lang)}: "
                     + escape("; ".join(f"{tree[c].name} ({done.months[c]} {months})" for c in done.partial)) + ".")
    return lines


STATUS_ORDER = {"missing": 0, "late": 1, "partial": 2, "undated": 3, "ok": 4}
STATUS_STYLE = {"missing": "red", "late": "yellow", "partial": "yellow", "undated": "cyan", "ok": "green"}


def unit_status(code: str, done: Completeness) -> str:
    if code in done.missing:
        return "missing"
    if code in done.late:
        return "late"
    if code in done.partial:
        return "partial"
    return "undated" if code in done.undated else "ok"


def status_table(report: Report, tree: Tree, lang: str = "vi") -> Table:
    """Every expected unit with its state, the ones to chase first."""
    agg = report.agg
    done = agg.completeness
    files: dict[str, list] = {}
    for used in agg.used:
        files.setdefault(used.unit, []).append(used)
    title = messages.phrase("status-title", lang, period=agg.period.label, unit=agg.unit.name)
    table = Table(title=escape(title), title_justify="left")
    for key, justify in (("col-unit", "left"), ("col-code", "left"), ("col-state", "left"), ("col-months", "right"),
                         ("col-submitted", "left"), ("col-files", "left")):
        table.add_column(messages.phrase(key, lang), justify=justify)
    ordered = sorted(done.expected, key=lambda c: (STATUS_ORDER[unit_status(c, done)], c))
    for code in ordered:
        state = unit_status(code, done)
        mine = files.get(code, [])
        dates = ", ".join(f"{u.submitted:%d/%m/%Y}" for u in mine if u.submitted)
        label = messages.phrase(f"state-{state}", lang)
        shown = ", ".join(u.file for u in mine)
        near = report.nearby.get(code)
        if near:
            shown = "; ".join(x for x in (shown, messages.phrase("nearby-files", lang, files=", ".join(
                f"{file} ({label})" for file, label in near))) if x)
        table.add_row(escape(tree[code].name), code, f"[{STATUS_STYLE[state]}]{label}[/]",
                      f"{done.months.get(code, 0)}/{agg.period.months}", dates, escape(shown))
    return table


def aggregate_text(report: Report, catalog: Catalog, tree: Tree, console: Console | None, lang: str = "vi") -> str:
    """The table and completeness lines: printed to `console`, or returned as text."""
    target = console or Console(file=io.StringIO(), record=True, width=120, highlight=False)
    target.print(aggregate_table(report, catalog, lang))
    for line in completeness_lines(report, tree, lang):
        target.print(line)
    return "" if console else target.export_text()
