"""Checks of one submission file's content against the tree and the catalog.

They work on the parsed YAML itself, not on the validated model, so that a
misspelt indicator or an unknown unit is reported even in a file whose
envelope has errors too, all in the same run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from doanreport.load.schema import suggest
from doanreport.load.source import Document
from doanreport.load.submission import NARRATIVE_KEYS, ROLLUP_ONLY, TEMPLATE_KEYS, Submission
from doanreport.model import periods, placeholders
from doanreport.model.catalog import Catalog
from doanreport.model.diagnostics import Diagnostic, error, warning
from doanreport.model.messages import Phrase
from doanreport.model.units import Tree

MAX_VALUE = 10**15  # a count or a sum of money beyond this is a typing slip
MAX_PLACEHOLDERS = 300  # figures in one text: a report paragraph holds a few dozen at most


@dataclass(frozen=True)
class Context:
    """What the checks need to know: the organisation tree and the catalog."""

    tree: Tree | None  # None when units.yaml itself is broken: files are still read
    catalog: Catalog


def check_document(doc: Document, ctx: Context) -> list[Diagnostic]:
    """Every content problem of one parsed submission file."""
    if not isinstance(doc.data, dict):
        return []
    unit_checks = _check_unit(doc, ctx.tree) + _check_rollup(doc, ctx) if ctx.tree is not None else []
    return (unit_checks + _check_values(doc, ctx.catalog)
            + _check_narrative(doc, ctx.catalog) + _check_placeholders(doc, ctx.catalog) + _check_highlight_texts(doc)
            + _check_rollup_keys(doc) + _check_file_name(doc))


# A period code in a file name: a year, then perhaps a half, quarter or month
# (`dk-2012q1.yaml`, `bao-cao_2024-h1.yaml`, `2013m01-05-tong-hop.yaml`).
_NAMED_PERIOD = re.compile(r"(?<![0-9])(20[0-9]{2})(?:[-_ ]?(h[12]|q[1-4]|m(?:0?[1-9]|1[0-2]))(?![0-9]))?(?![0-9])", re.I)


def _check_file_name(doc: Document) -> list[Diagnostic]:
    """A file whose name names a period its `period:` does not touch: a copied
    form whose period was not changed, or a name typed wrong. A warning only."""
    period = _period_of(doc)
    found = list(_NAMED_PERIOD.finditer(PurePath(doc.file).stem))
    if period is None or not found:
        return []
    named = [periods.parse(m.group(1) + (m.group(2) or "")) for m in found]
    if any(n.overlaps(period) for n in named):  # `cd-k2019-2024q1`: one of them is the period
        return []
    named = named[-1]
    return [warning("period-name-mismatch", doc.file, doc.pos(("period",)), name=PurePath(doc.file).name,
                    named=named.label, period=period.label)]


def _check_unit(doc: Document, tree: Tree) -> list[Diagnostic]:
    code = doc.data.get("unit")
    if not isinstance(code, str) or not code:
        return []
    if code not in tree:
        return [error("unknown-unit", doc.file, doc.pos(("unit",)), unit=code, suggestion=suggest(code, tree.units))]
    try:
        period = periods.parse(doc.data.get("period"))
    except periods.PeriodError:
        return []
    unit = tree[code]
    if unit.active_in(period):
        return []
    if unit.established and unit.established > period.end_date:
        why = Phrase("not-established", {"date": unit.established.strftime("%d/%m/%Y")})
    else:
        why = Phrase("dissolved", {"date": unit.dissolved.strftime("%d/%m/%Y")})
    return [error("unit-inactive", doc.file, doc.pos(("period",)), unit=code, name=unit.name, period=period.label, why=why)]


def _check_values(doc: Document, catalog: Catalog) -> list[Diagnostic]:
    values = doc.data.get("values")
    diags: list[Diagnostic] = []
    reported = 0
    if isinstance(values, dict):
        groups = catalog.all_groups()
        for group, items in values.items():
            if not isinstance(items, dict):
                continue
            if group not in groups:
                diags.append(error("unknown-group", doc.file, doc.key_pos(("values", group)),
                                   group=group, suggestion=suggest(group, groups)))
                continue
            for name, value in items.items():
                reported += value is not None
                diags += _check_value(doc, catalog, group, name, value)
        if doc.data.get("scope") != "rollup":
            diags += _check_rate_weights(doc, values, catalog)
    narrative = doc.data.get("narrative")
    has_text = isinstance(narrative, dict) and any(narrative.values())
    known_keys = all(key in Submission.model_fields for key in doc.data)  # else the typo is the news
    if not reported and not doc.data.get("highlights") and not has_text and known_keys:
        diags.append(warning("empty-submission", doc.file, doc.key_pos(("values",))))
    return diags


def _check_value(doc: Document, catalog: Catalog, group: str, name: object, value: object) -> list[Diagnostic]:
    code = f"{group}.{name}"
    path = ("values", group, name)
    if code not in catalog:
        names = [c.split(".", 1)[1] for c in catalog.codes_in(group)]
        near = suggest(str(name), names)
        guess = f"{group}.{near}" if near else suggest(code, catalog.indicators)
        return [error("unknown-indicator", doc.file, doc.key_pos(path), code=code, suggestion=guess)]
    if value is None or isinstance(value, bool) or not isinstance(value, (int, float)):
        return []  # absent, or a type error the schema stage reports
    ind = catalog[code]
    if abs(value) > MAX_VALUE:
        return [error("value-too-large", doc.file, doc.pos(path), code=code, label=ind.label, value=value,
                      limit=MAX_VALUE)]
    if ind.is_percent:
        if not 0 <= value <= 100:
            return [error("percent-range", doc.file, doc.pos(path), code=code, label=ind.label, value=value)]
        return []
    if value < 0:
        return [error("negative-value", doc.file, doc.pos(path), code=code, label=ind.label, value=value)]
    if isinstance(value, float):
        return [error("not-integer", doc.file, doc.pos(path), code=code, label=ind.label, value=value,
                      hint=_thousands_hint(value))]
    return []


def _check_rate_weights(doc: Document, values: dict, catalog: Catalog) -> list[Diagnostic]:
    """A rate is averaged weighted by its weight indicator; warn when it is missing."""
    diags = []
    for group, items in values.items():
        if not isinstance(items, dict):
            continue
        for name, value in items.items():
            ind = catalog.indicators.get(f"{group}.{name}")
            if ind is None or ind.weight is None or value is None:
                continue
            w_group, w_name = ind.weight.split(".", 1)
            w_items = values.get(w_group)
            if not isinstance(w_items, dict) or w_items.get(w_name) is None:
                diags.append(warning("rate-without-weight", doc.file, doc.pos(("values", group, name)),
                                     code=ind.code, label=ind.label, weight=ind.weight,
                                     weight_label=catalog[ind.weight].label))
    return diags


def _thousands_hint(value: float) -> Phrase | None:
    """`2.145` in YAML is two point one four five; a Vietnamese writer meant 2145."""
    scaled = value * 1000
    if abs(scaled - round(scaled)) < 1e-6:
        return Phrase("hint-thousands-dot", {"fixed": int(round(scaled))})
    return None


def _check_rollup(doc: Document, ctx: Context) -> list[Diagnostic]:
    """What a rollup says of its subtree must fit the catalog and, where the tree
    knows the subtree, the tree."""
    if doc.data.get("scope") != "rollup":
        return []
    diags: list[Diagnostic] = []
    for key in ("coverage", "weights"):
        table = doc.data.get(key)
        for code, value in (table.items() if isinstance(table, dict) else ()):
            if code not in ctx.catalog:
                diags.append(error("unknown-indicator", doc.file, doc.key_pos((key, code)), code=code,
                                   suggestion=suggest(str(code), ctx.catalog.indicators)))
            elif key == "weights" and isinstance(value, (int, float)) and not 0 < value <= MAX_VALUE:
                diags.append(error("weight-not-positive", doc.file, doc.pos((key, code)), code=code, value=value))
    unit, period = doc.data.get("unit"), _period_of(doc)
    if not isinstance(unit, str) or unit not in ctx.tree or not ctx.tree[unit].children or period is None:
        return diags  # a leaf here: the rollup's subtree is not known to this tree
    below = {u.code for u in ctx.tree.subtree(unit)}
    most = sum(1 for u in ctx.tree.subtree(unit) if u.active_in(period))  # each may have figures of its own
    coverage = doc.data.get("coverage")
    for code, value in (coverage.items() if isinstance(coverage, dict) else ()):
        if isinstance(value, int) and value > most:
            diags.append(error("coverage-too-high", doc.file, doc.pos(("coverage", code)), code=code, value=value, most=most))
    done = doc.data.get("completeness")
    for key, codes in (done.items() if isinstance(done, dict) else ()):
        for i, code in enumerate(codes if isinstance(codes, (list, dict)) else ()):
            if isinstance(code, str) and code not in below:
                where = doc.key_pos(("completeness", key, code)) if isinstance(codes, dict) else doc.pos(("completeness", key, i))
                diags.append(warning("rollup-unknown-unit", doc.file, where, unit=code, parent=unit))
    return diags


def _period_of(doc: Document) -> periods.Period | None:
    try:
        return periods.parse(doc.data.get("period"))
    except periods.PeriodError:
        return None


def _check_rollup_keys(doc: Document) -> list[Diagnostic]:
    if doc.data.get("scope") == "rollup":
        return []
    return [error("rollup-only", doc.file, doc.key_pos((key,)), key=key) for key in ROLLUP_ONLY if key in doc.data]


def _check_narrative(doc: Document, catalog: Catalog) -> list[Diagnostic]:
    """Warn about a section key that looks like a misspelt known one."""
    narrative = doc.data.get("narrative")
    if not isinstance(narrative, dict):
        return []
    known = (*NARRATIVE_KEYS, *TEMPLATE_KEYS, *catalog.all_groups())
    diags = []
    for key in narrative:
        if isinstance(key, str) and key not in known:
            near = suggest(key, known)
            if near:
                diags.append(warning("unknown-narrative-key", doc.file, doc.key_pos(("narrative", key)),
                                     key=key, suggestion=near))
    return diags


def _texts(doc: Document):
    """Every narrative text of a file with its path: (path, text)."""
    narrative = doc.data.get("narrative")
    if isinstance(narrative, dict):
        for key, value in narrative.items():
            if isinstance(value, str):
                yield ("narrative", key), value
            elif isinstance(value, list):
                yield from ((("narrative", key, i), t) for i, t in enumerate(value) if isinstance(t, str))
    below = doc.data.get("unit_narrative")
    if isinstance(below, list):
        for i, entry in enumerate(below):
            if isinstance(entry, dict) and isinstance(entry.get("text"), str):
                yield ("unit_narrative", i, "text"), entry["text"]


def _check_highlight_texts(doc: Document) -> list[Diagnostic]:
    """A placeholder is filled in narrative only: in a highlight it would be
    printed as written."""
    items = doc.data.get("highlights")
    diags = []
    for i, h in enumerate(items if isinstance(items, list) else ()):
        for key, value in (h.items() if isinstance(h, dict) else ()):
            if isinstance(value, str) and (placeholders.OPEN in value or "{%" in value):
                diags.append(warning("placeholder-not-here", doc.file, doc.pos(("highlights", i, key)), key=key))
    return diags


def _adds_up(indicators: list) -> bool:
    """Counts add up with counts (công trình + phần việc), money with money; a
    rate never does (85% + 90% is no figure)."""
    kinds = {i.figure_kind for i in indicators}
    return len(kinds) == 1 and "rate" not in kinds


def _check_placeholders(doc: Document, catalog: Catalog) -> list[Diagnostic]:
    """A malformed placeholder, an unknown filter or an unknown code in a
    narrative text, at its own line and column."""
    diags = []
    for path, text in _texts(doc):
        if "{%" in text:
            diags.append(warning("template-tag-in-text", doc.file, doc.locate(path, "{%")))
        if placeholders.OPEN not in text and placeholders.CLOSE not in text:
            continue
        parsed = placeholders.parse(text)
        items = sorted([*parsed.problems, *parsed.slots], key=lambda x: x.start)
        if len(items) > MAX_PLACEHOLDERS:
            diags.append(error("placeholder-too-many", doc.file, doc.pos(path), count=len(items), limit=MAX_PLACEHOLDERS))
            continue
        seen: dict[str, int] = {}
        for item in items:
            if isinstance(item, placeholders.Problem):  # its text may be the start of a slot before it
                where = doc.locate(path, item.source, text.count(item.source, 0, item.start))
                diags.append(error(item.code, doc.file, where, text=item.source, filters=", ".join(placeholders.FILTERS)))
            else:
                seen[item.source] = seen.get(item.source, -1) + 1
                diags += _slot_problems(item, catalog, doc.file, doc.locate(path, item.source, seen[item.source]))
    return diags


def _slot_problems(slot: placeholders.Slot, catalog: Catalog, file: str, where: tuple[int, int] | None) -> list[Diagnostic]:
    """What is wrong with a well-formed placeholder: unknown codes, a sum that
    does not add up, a filter that does not suit the figure."""
    unknown = [c for c in slot.codes if c not in catalog]
    if unknown:
        return [error("placeholder-unknown-code", file, where, code=c, suggestion=suggest(c, catalog.indicators))
                for c in unknown]
    indicators = [catalog[c] for c in slot.codes]
    kind = indicators[0].figure_kind
    if len(set(slot.codes)) < len(slot.codes):
        return [error("placeholder-sum-twice", file, where, text=slot.source)]
    if len(slot.codes) > 1 and not _adds_up(indicators):
        return [error("placeholder-sum", file, where, text=slot.source)]
    if slot.filter is not None and slot.filter not in placeholders.FILTERS_FOR[kind]:
        return [error("placeholder-filter-kind", file, where, text=slot.source, kind=Phrase(f"kind-{kind}"),
                      filters=", ".join(placeholders.FILTERS_FOR[kind]))]
    return []
