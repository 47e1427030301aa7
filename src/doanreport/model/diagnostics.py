"""Diagnostics as data: what is wrong, where, and how bad.

Every stage of loading returns its problems as `Diagnostic` values instead of
raising, so one run reports all of them. A diagnostic carries a message code
and arguments; the text is produced in the user's language only when printed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from doanreport.model import messages

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in one input file (or in the workspace setup)."""

    severity: Severity
    code: str
    file: str | None = None
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    args: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def message(self, lang: str = "vi") -> str:
        return messages.render(self.code, self.args, lang)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def where(self) -> str:
        parts = [self.file or "doanreport"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def as_dict(self, lang: str = "vi") -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "code": self.code,
            "message": self.message(lang),
        }


def error(code: str, file: str | None = None, pos: tuple[int, int] | None = None, /, **args: Any) -> Diagnostic:
    line, column = pos if pos else (None, None)
    return Diagnostic("error", code, file, line, column, args)


def warning(code: str, file: str | None = None, pos: tuple[int, int] | None = None, /, **args: Any) -> Diagnostic:
    line, column = pos if pos else (None, None)
    return Diagnostic("warning", code, file, line, column, args)


def info(code: str, file: str | None = None, pos: tuple[int, int] | None = None, /, **args: Any) -> Diagnostic:
    line, column = pos if pos else (None, None)
    return Diagnostic("info", code, file, line, column, args)


def sort_key(d: Diagnostic) -> tuple:
    rank = {"error": 0, "warning": 1, "info": 2}[d.severity]
    return (d.file or "", d.line or 0, d.column or 0, rank, d.code)


def sorted_diagnostics(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Sorted by file and position, with exact repeats dropped."""
    seen: set[tuple] = set()
    out = []
    for d in sorted(diags, key=sort_key):
        key = (d.file, d.line, d.column, d.severity, d.code, d.message("en"))
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


def has_errors(diags: Iterable[Diagnostic]) -> bool:
    return any(d.is_error for d in diags)


def format_text(d: Diagnostic, lang: str = "vi") -> str:
    label = messages.severity_label(d.severity, lang)
    return f"{d.where()}: {label} [{d.code}] {d.message(lang)}"


def format_json(diags: Iterable[Diagnostic], lang: str = "vi") -> str:
    return json.dumps([d.as_dict(lang) for d in diags], ensure_ascii=False, indent=2)
