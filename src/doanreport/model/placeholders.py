"""Figures inside a unit's own prose: the placeholder grammar.

A narrative text may hold placeholders such as `{{ tuyen_truyen.cuoc }}`,
`{{ tuyen_truyen.luot_tham_gia | xap_xi }}`, `{{ tinh_nguyen.qua_gia_tri |
tien("trieu") }}` or a sum, `{{ cong_viec.cong_trinh + cong_viec.phan_viec }}`.
They are not Jinja: a unit's text never runs code. This module owns the
grammar (what a placeholder may be, which filters exist) and splits a text into
its literal parts and its slots, with the offset of each in the text, so that
`validate` can point at a mistake and a report can fill the figures in.

    placeholder := "{{" expr [ "|" filter ] "}}"
    expr        := code { "+" code }          code := slug "." slug
    filter      := name [ "(" quoted-word ")" ]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

FILTERS: dict[str, tuple[str, ...]] = {
    # filter name -> the arguments it accepts (none: takes no argument)
    "so": (),
    "xap_xi": (),
    "pct": (),
    "tien": ("dong", "trieu", "ty"),
    "hai_so": (),
    "la_ma": (),
}

# the filters that write each kind of figure (`Indicator.figure_kind`) truly; the first is its default
FILTERS_FOR: dict[str, tuple[str, ...]] = {
    "rate": ("pct",),
    "money": ("tien",),
    "count": ("so", "xap_xi", "hai_so", "la_ma"),
}

OPEN, CLOSE = "{{", "}}"
_CODE = r"[a-z0-9_]+\.[a-z0-9_]+"
_BODY = re.compile(
    rf"^\s*(?P<expr>{_CODE}(?:\s*\+\s*{_CODE})*)\s*"
    r"(?:\|\s*(?P<filter>[A-Za-z_][A-Za-z0-9_]*)\s*(?:\(\s*(?P<arg>\"[^\"]*\"|'[^']*')\s*\))?\s*)?$"
)


@dataclass(frozen=True)
class Slot:
    """One well-formed placeholder: the codes it adds up and how to write them."""

    codes: tuple[str, ...]
    filter: str | None
    arg: str | None
    start: int  # offset of "{{" in the text
    source: str  # the placeholder as written


@dataclass(frozen=True)
class Problem:
    """A placeholder that cannot be filled: its message code, offset and text."""

    code: str  # "placeholder-malformed", "placeholder-filter" or "placeholder-argument"
    start: int
    source: str


@dataclass(frozen=True)
class Parsed:
    """A text as literal parts and slots (in order), and what is wrong in it."""

    parts: tuple[str | Slot, ...]
    problems: tuple[Problem, ...]

    @property
    def slots(self) -> tuple[Slot, ...]:
        return tuple(p for p in self.parts if isinstance(p, Slot))


def parse(text: str) -> Parsed:
    """Split `text` at its placeholders. A malformed one stays literal text and is
    named in `problems`; so is a lone `}}`. Text without `{{` is one part."""
    if OPEN not in text and CLOSE not in text:
        return Parsed((text,) if text else (), ())
    parts: list[str | Slot] = []
    problems: list[Problem] = []
    pos, end = 0, -1
    while True:
        start = text.find(OPEN, pos)
        if start < 0:
            _literal(text[pos:], pos, parts, problems)
            break
        _literal(text[pos:start], pos, parts, problems)
        if end < start + 2 and end != len(text):  # the next "}}", looked for again only once passed
            end = text.find(CLOSE, start + 2)
            end = len(text) if end < 0 else end
        nested = text.find(OPEN, start + 2, end + 1)
        nested = -1 if nested > end else nested
        end_found = end if end < len(text) else -1
        if end_found < 0 or 0 <= nested < end_found:  # unclosed: literal up to the next "{{" or the end
            stop = nested if nested >= 0 else len(text)
            problems.append(Problem("placeholder-malformed", start, text[start:stop].strip()[:60]))
            parts.append(text[start:stop])
            pos = stop
            continue
        item, problem = _slot(text[start:end_found + 2], start)
        parts.append(item)
        if problem:
            problems.append(problem)
        pos = end_found + 2
    return Parsed(tuple(p for p in parts if p != ""), tuple(problems))


def _literal(chunk: str, offset: int, parts: list[str | Slot], problems: list[Problem]) -> None:
    close = chunk.find(CLOSE)
    if close >= 0:
        problems.append(Problem("placeholder-malformed", offset + close, CLOSE))
    parts.append(chunk)


def _slot(source: str, start: int) -> tuple[str | Slot, Problem | None]:
    match = _BODY.match(source[2:-2])
    if match is None:
        return source, Problem("placeholder-malformed", start, source)
    name, arg = match["filter"], match["arg"]
    arg = arg[1:-1] if arg else None
    if name is not None and name not in FILTERS:
        return source, Problem("placeholder-filter", start, source)
    if arg is not None and arg not in FILTERS[name or ""]:
        return source, Problem("placeholder-argument", start, source)
    codes = tuple(c.strip() for c in match["expr"].split("+"))
    return Slot(codes, name, arg, start, source), None


def codes_in(text: str) -> set[str]:
    """The codes a text states through its well-formed placeholders."""
    if OPEN not in text:
        return set()
    return {code for slot in parse(text).slots for code in slot.codes}


def fill(text: str, write: Callable[[Slot], str]) -> str:
    """`text` with each well-formed placeholder replaced by `write(slot)`."""
    if OPEN not in text:
        return text
    return "".join(p if isinstance(p, str) else write(p) for p in parse(text).parts)
