"""What the terminal shows: diagnostics, the unit tree, summaries.

Presentation only: takes results from the core and prints them with rich.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from rich.console import Console
from rich.markup import escape
from rich.tree import Tree as RichTree

from . import messages
from .diagnostics import Diagnostic, format_json, format_text
from .units import Tree, Unit


def print_diagnostics(console: Console, diags: Sequence[Diagnostic], lang: str) -> None:
    for d in diags:
        style = "red" if d.is_error else "yellow"
        console.print(f"[{style}]{escape(format_text(d, lang))}[/{style}]", soft_wrap=True, highlight=False)


def print_summary(console: Console, diags: Sequence[Diagnostic], files: int, lang: str) -> None:
    errors = sum(1 for d in diags if d.is_error)
    warnings = len(diags) - errors
    if not diags:
        console.print(f"[green]{messages.phrase('all-good', lang, files=files)}[/green]", highlight=False)
    else:
        text = messages.phrase("summary", lang, errors=errors, warnings=warnings, files=files)
        console.print(f"[bold]{text}[/bold]", highlight=False)


def diagnostics_json(diags: Sequence[Diagnostic], lang: str) -> str:
    return format_json(diags, lang)


def unit_tree(tree: Tree, code: str, today: date, parent: RichTree | None = None) -> RichTree:
    """The subtree of `code` as a rich tree (the tree is at most four levels deep)."""
    label = _unit_label(tree[code], today)
    node = RichTree(label) if parent is None else parent.add(label)
    for child in tree[code].children:
        unit_tree(tree, child, today, node)
    return node


def _unit_label(unit: Unit, today: date) -> str:
    text = f"[bold]{escape(unit.name)}[/bold] [dim]({unit.code} · {unit.kind.label})[/dim]"
    if unit.established and unit.established > today:
        text += f" [cyan]thành lập {unit.established:%d/%m/%Y}[/cyan]"
    if unit.dissolved:
        gone = unit.dissolved <= today
        text += f" [red]{'đã giải thể' if gone else 'giải thể'} {unit.dissolved:%d/%m/%Y}[/red]"
        if gone:
            text = f"[strike]{text}[/strike]"
    if not unit.reports and not unit.children:
        text += " [dim](không nộp báo cáo)[/dim]"
    return text


def unit_counts(tree: Tree, code: str, today: date) -> str:
    """'5 đơn vị trực thuộc (2 chi đoàn cơ sở, 1 đoàn cơ sở, 2 chi đoàn)' as of today."""
    below = [u for u in tree.subtree(code) if u.code != code and not (u.dissolved and u.dissolved <= today)]
    if not below:
        return "Chưa có đơn vị trực thuộc."
    counts = Counter(u.kind for u in below)
    parts = ", ".join(f"{n} {kind.label.lower()}" for kind, n in sorted(counts.items(), key=lambda kv: kv[0].level))
    return f"{len(below)} đơn vị trực thuộc ({parts})."
