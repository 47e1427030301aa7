"""The aggregate as data files: JSON, a rollup YAML submission, CSV and XLSX.

Presentation of the core's result; nothing here computes a figure. The YAML
form is a valid `scope: rollup` submission the next level up can put in its
own data folder; CSV and XLSX give one row per unit and a total row. Their
words (headers, labels) are Vietnamese whatever `--lang` says, from the
message table.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import asdict
from datetime import date
from typing import Any

import yaml

from doanreport.model import messages, placeholders
from doanreport.model.catalog import Catalog
from doanreport.model.facts import Number
from doanreport.report.output import reproducible_zip
from doanreport.report.prose import Prose, Style, figures_for
from doanreport.rollup.aggregation import Aggregate
from doanreport.rollup.build import Report
from doanreport.rollup.completeness import Completeness


def _num(value: Number) -> Number:
    return round(value, 6) if isinstance(value, float) else value


def aggregate_dict(agg: Aggregate, catalog: Catalog) -> dict[str, Any]:
    done = agg.completeness
    return {
        "unit": agg.unit.code,
        "unit_name": agg.unit.name,
        "period": agg.period.code,
        "period_label": agg.period.label,
        "values": {c: _num(v) for c, v in _ordered(agg.values, catalog)},
        "coverage": dict(_ordered(agg.coverage, catalog)),
        "own": {c: _num(v) for c, v in _ordered(agg.own.final(), catalog)},
        "completeness": _completeness(done, dict(done.months)),
        "highlights": [asdict(h) for h in agg.highlights],
        "narrative": {k: list(v) for k, v in agg.narrative.items()},
        "children": [aggregate_dict(child, catalog) for child in agg.children],
    }


def to_json(report: Report, catalog: Catalog, lang: str = "vi") -> str:
    data = aggregate_dict(report.agg, catalog)
    for key, other in (("previous", report.previous), ("last_year", report.last_year)):
        data[key] = None if other is None else {
            "period": other.period.code,
            "values": {c: _num(v) for c, v in _ordered(other.values, catalog)},
        }
    data["set_aside"] = [
        {"file": a.file, "unit": a.unit, "period": a.period.code, "reason": a.reason, "instead": list(a.instead),
         "items": sorted(a.what)}
        for a in report.agg.set_aside
    ]
    data["months_covered"] = report.months_covered
    data["warnings"] = [d.as_dict(lang) for d in report.incomplete + report.diagnostics if d.severity == "warning"]
    # indented while it is small enough to read; compact (and fast) for a province
    indent = 2 if len(report.agg.used) <= 2000 else None
    return json.dumps(data, ensure_ascii=False, indent=indent) + "\n"


def to_rollup_yaml(agg: Aggregate, catalog: Catalog, today: date,
                   shorter: Mapping[str, Mapping[str, Number]] | None = None) -> str:
    """A `scope: rollup` submission standing for the unit's whole subtree."""
    values: dict[str, dict[str, Number]] = {}
    for code, value in _ordered(agg.values, catalog):
        group, name = code.split(".", 1)
        values.setdefault(group, {})[name] = value
    done = agg.completeness
    data: dict[str, Any] = {
        "unit": agg.unit.code,
        "period": agg.period.code,
        "scope": "rollup",
        "submitted": today,
        "values": values,
        "coverage": dict(_ordered(agg.coverage, catalog)),
        "weights": {c: w for c, w in agg.measure.weights().items() if w},
        "completeness": _completeness(done, {c: done.months[c] for c in done.partial}),
        "highlights": [_highlight(h) for h in agg.highlights],
        "narrative": {k: list(v) for k, v in agg.narrative.items()},
        "unit_narrative": _below(agg, catalog, shorter or {}),
    }
    about = messages.phrase("rollup-header", "vi", unit=agg.unit.name, period=agg.period.label)  # a Vietnamese file
    header = "".join(f"# {line}\n" for line in about.splitlines())
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def _below(agg: Aggregate, catalog: Catalog, shorter: Mapping[str, Mapping[str, Number]]) -> list[dict[str, Any]]:
    """What the units below wrote, their placeholders filled with the figures
    each text speaks of (`prose.figures_for`), with those figures beside it:
    the level above has the rollup's sums only, not theirs."""
    by_unit = {a.unit.code: a for a in agg.subtree()}
    prose = Prose(catalog, Style())
    out = []
    for x in agg.said:
        if x.unit != agg.unit.code:
            entry: dict[str, Any] = {"unit": x.unit, "unit_name": x.unit_name, "key": x.key, "text": x.text}
            if placeholders.OPEN in x.text:
                values, gaps = figures_for(x, shorter, by_unit), len(prose.gaps)
                text = prose.fill(x.text, values, x.unit_name)
                if len(prose.gaps) == gaps:  # a gap stays a placeholder: named above
                    codes = placeholders.codes_in(x.text)
                    entry |= {"text": text, "figures": {c: values[c] for c in sorted(codes) if c in values}}
            elif x.figures:
                entry["figures"] = dict(x.figures)
            out.append(entry)
    return out


def _completeness(done: Completeness, months: dict[str, int]) -> dict[str, Any]:
    return {"expected": list(done.expected), "reported": list(done.reported), "late": list(done.late),
            "missing": list(done.missing), "partial": list(done.partial), "undated": list(done.undated),
            "months": months}


def _highlight(h) -> dict[str, Any]:
    out = {"kind": h.kind, "name": h.name}
    for key in ("program", "role", "description"):
        if getattr(h, key):
            out[key] = getattr(h, key)
    out["unit"] = h.unit
    out["unit_name"] = h.unit_name
    return out


def table_rows(agg: Aggregate, rows: str) -> list[tuple[str, str, dict[str, Number]]]:
    """(code, name, values) per row: direct children (and the unit's own
    figures if it has any), or every unit of the subtree with its own figures."""
    if rows == "all":
        return [(a.unit.code, a.unit.name, a.own.final()) for a in agg.subtree() if a.own.values or a.own.means]
    out = [(c.unit.code, c.unit.name, c.values) for c in agg.children]
    own = agg.own.final()
    if own:
        out.insert(0, (agg.unit.code, messages.phrase("own-figures", "vi", name=agg.unit.name), own))
    return out


def used_codes(agg: Aggregate, catalog: Catalog) -> list[str]:
    return [c for c in catalog.indicators if c in agg.values]


def to_csv(agg: Aggregate, catalog: Catalog, rows: str = "children") -> str:
    codes = used_codes(agg, catalog)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["unit", "name", *codes])
    for code, name, values in table_rows(agg, rows):
        writer.writerow([code, name, *(_cell(values.get(c)) for c in codes)])
    writer.writerow(["", messages.phrase("total", "vi"), *(_cell(agg.values.get(c)) for c in codes)])
    return out.getvalue()


def _cell(value: Number | None) -> Number | str:
    return "" if value is None else _num(value)


def to_xlsx(agg: Aggregate, catalog: Catalog, rows: str = "children") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    codes = used_codes(agg, catalog)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(messages.phrase("sheet-name", "vi"))
    bold = Font(bold=True)
    sheet.append([messages.phrase("sheet-title", "vi", unit=agg.unit.name, period=agg.period.label)])
    heads = [messages.phrase("col-unit-code", "vi"), messages.phrase("col-unit", "vi"),
             *(f"{catalog[c].label} ({catalog[c].unit})" for c in codes)]
    sheet.append(_bold_row(heads, sheet, bold))
    sheet.append(["", "", *codes])
    for code, name, values in table_rows(agg, rows):
        sheet.append([code, name, *(_cell(values.get(c)) for c in codes)])
    sheet.append(_bold_row(["", messages.phrase("total", "vi"), *(_cell(agg.values.get(c)) for c in codes)], sheet, bold))
    buffer = io.BytesIO()
    book.save(buffer)
    return reproducible_zip(buffer.getvalue())


def _bold_row(values: list, sheet, font) -> list:
    from openpyxl.cell import WriteOnlyCell

    cells = []
    for value in values:
        cell = WriteOnlyCell(sheet, value=value)
        cell.font = font
        cells.append(cell)
    return cells


def _ordered(mapping, catalog: Catalog):
    order = {c: i for i, c in enumerate(catalog.indicators)}
    return sorted(mapping.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))


def export(report: Report, catalog: Catalog, fmt: str, rows: str, today: date, lang: str = "vi") -> str | bytes:
    """The report in one of the data formats of `aggregate`."""
    if fmt == "json":
        return to_json(report, catalog, lang)
    if fmt == "yaml":
        return to_rollup_yaml(report.agg, catalog, today, report.shorter)
    if fmt == "csv":
        return to_csv(report.agg, catalog, rows)
    return to_xlsx(report.agg, catalog, rows)
