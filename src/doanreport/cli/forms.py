"""Blank submission forms: every indicator listed with its label, ready to fill.

A form is a valid submission with every value left empty (empty means "not
reported"), each line commented with the indicator's Vietnamese label and
unit, grouped under the catalog's group headings. The form is a Vietnamese
document: its words come from the message table in Vietnamese.

The texts `init` writes (names, narrative) go through `yaml_text`: double-
quoted, or a block scalar for a long text or one of several lines, so that
nothing inside a text (a comma in a name, `85,5`, a colon, `#`, a leading `-`
or `{`, a quote) can split a mapping or change what it means. A form writes no
text as a value (a name stands only in a comment, on one line); the examples
in its comments are quoted the same way, for a secretary to copy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from doanreport.load.schema import NEEDS_ESCAPE, quoted
from doanreport.load.submission import NARRATIVE_KEYS
from doanreport.model import messages
from doanreport.model.catalog import Catalog, Indicator
from doanreport.model.periods import Period
from doanreport.model.units import Unit


def _vi(key: str, **args: object) -> str:
    """A form is a Vietnamese document: its words in Vietnamese whatever --lang says."""
    return messages.phrase(key, "vi", **args)


def _comment(text: str, indent: str = "") -> list[str]:
    """`text` as YAML comment lines (`#` alone for an empty line)."""
    return [f"{indent}# {line}" if line else f"{indent}#" for line in text.splitlines()]


def blank_form(unit: Unit, period: Period, catalog: Catalog, codes: Iterable[str] | None = None) -> str:
    """The text of a blank submission for `unit` and `period`."""
    wanted = set(codes) if codes is not None else set(catalog.indicators)
    name = " ".join(unit.name.split())
    lines = [*_comment(_vi("form-title", name=name, code=unit.code)),
             *_comment(_vi("form-period", label=period.label, period=period.code)), "#",
             *_comment(_vi("form-howto")), ""]
    lines += [f"unit: {unit.code}", f"period: {period.code}", "scope: own",
              f"submitted:            # {_vi('form-submitted')}",
              f"prepared_by:          # {_vi('form-prepared-by')}", "", "values:"]
    for group in catalog.all_groups():
        inds = [catalog[c] for c in catalog.codes_in(group) if c in wanted]
        if not inds:
            continue
        lines.append(f"  # {' '.join(catalog.group_heading(group).split())}")
        lines.append(f"  {group}:")
        width = max(len(i.name) for i in inds) + 1
        lines += [f"    {(i.name + ':').ljust(width)}  # {_describe(i)}" for i in inds]
    lines += ["", *_comment(_vi("form-highlights")),
              "#   - kind: mo_hinh          # mo_hinh | cong_trinh | phan_viec | ca_nhan | tap_the",
              f"#     name: {quoted(_vi('form-highlight-name'))}",
              f"#     program: ct03          # {_vi('form-highlight-optional')}: 3tn, ct03, ...",
              f"#     role: {quoted(_vi('form-highlight-role'))}",
              f"#     description: {quoted(_vi('form-highlight-description'))}",
              "highlights: []", "", *_comment(_vi("form-narrative")),
              f"#   {NARRATIVE_KEYS[0]}: {quoted('...')}",
              f"#   {NARRATIVE_KEYS[1]}:",
              f"#     - {quoted('...')}",
              f"#     - {quoted('...')}",
              "narrative:"]
    lines += [f"  {key}:{' ' * (16 - len(key))}# {_vi(f'narrative-{key}')}" for key in NARRATIVE_KEYS]
    return "\n".join(lines) + "\n"


def _describe(ind: Indicator) -> str:
    """One comment line (a label or help text with a line break would end the comment)."""
    text = f"{ind.label} ({ind.unit})"
    if ind.aggregate == "last":
        text += f", {_vi('form-last')}"
    elif ind.aggregate == "mean":
        text += f", {_vi('form-percent')}"
    if ind.help:
        text += f". {ind.help}"
    return " ".join(text.split())


WIDTH = 80  # the lines of a folded text end by this column


def yaml_text(text: str, indent: int = 0) -> str:
    """`text` as a YAML scalar to write after `key: ` or `- ` at column `indent` of
    a block mapping or list (inside `{…}` or `[…]`, use `quoted`): double-quoted;
    a text of several lines as a literal block (`|-`); a long one, or one with a
    quote or a backslash that would need escaping, as a folded block (`>-`). The
    block's lines start at indent + 2. The loader reads it back as `text.strip()`."""
    text = text.strip()
    if not _fits_a_block(text):
        return quoted(text)
    pad = " " * (indent + 2)
    if "\n" in text:
        return "|-\n" + "\n".join(pad + line if line else "" for line in text.split("\n"))
    lines = _fold(text, WIDTH - len(pad))
    if len(lines) > 1 or '"' in text or "\\" in text:
        return ">-\n" + "\n".join(pad + line for line in lines)
    return quoted(text)


def _fits_a_block(text: str) -> bool:
    """Whether a block scalar holds `text` as written: every character one YAML
    prints as it is (a block has no escapes), and no line that starts or ends
    with white space (read as indentation, or trimmed)."""
    return bool(text) and all(
        not NEEDS_ESCAPE.search(line.replace('"', "").replace("\\", "")) and line == line.strip(" \t")
        for line in text.split("\n"))


_PLACEHOLDER = re.compile(r"\{\{.*?\}\}")


def _fold(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` characters where it can be, broken only
    at a single space between two words (a folded block reads each such break
    back as that one space; a line would not start with a space, nor end with
    one an editor might trim), never inside a `{{ placeholder }}`."""
    inside = {i for m in _PLACEHOLDER.finditer(text) for i in range(m.start(), m.end())}
    pieces: list[str] = []
    start = 0
    for i, char in enumerate(text):
        if char == " " and text[i - 1] != " " and text[i + 1] != " " and i not in inside:  # (no tab: quoted)
            pieces.append(text[start:i])
            start = i + 1
    pieces.append(text[start:])
    lines = [pieces[0]]
    for piece in pieces[1:]:
        if len(lines[-1]) + 1 + len(piece) > width:
            lines.append(piece)
        else:
            lines[-1] += " " + piece
    return lines
