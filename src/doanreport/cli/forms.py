"""Blank submission forms: every indicator listed with its label, ready to fill.

A form is a valid submission with every value left empty (empty means "not
reported"), each line commented with the indicator's Vietnamese label and
unit, grouped under the catalog's group headings. The form is a Vietnamese
document: its words come from the message table in Vietnamese.
"""

from __future__ import annotations

from collections.abc import Iterable

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
              f"#     name: {_vi('form-highlight-name')}",
              f"#     program: ct03          # {_vi('form-highlight-optional')}: 3tn, ct03, ...",
              f"#     role: {_vi('form-highlight-role')}",
              f"#     description: {_vi('form-highlight-description')}",
              "highlights: []", "", *_comment(_vi("form-narrative")), "narrative:"]
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
