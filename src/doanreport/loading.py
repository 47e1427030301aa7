"""Loading submissions: a short pipeline of stages over the data files.

Each stage takes the items so far and the context (tree and catalog) and
returns the items it passes on and the diagnostics it found, so that one run
reports every problem in every file:

    read -> check_raw -> parse -> check_duplicates -> check_rules

`check_raw` works on the parsed YAML itself, not on the validated model, so a
misspelt indicator is reported even in a file whose envelope has errors too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from . import periods
from .catalog import Catalog
from .diagnostics import Diagnostic, error, warning
from .messages import Phrase
from .schema import suggest, validate
from .source import Document, load
from .submissions import NARRATIVE_KEYS, ROLLUP_ONLY, TEMPLATE_KEYS, Submission
from .units import Tree
from .workspace import Workspace


@dataclass(frozen=True)
class Context:
    tree: Tree
    catalog: Catalog


@dataclass(frozen=True)
class Loaded:
    """A valid submission and the document it came from (for positions)."""

    doc: Document
    submission: Submission


@dataclass(frozen=True)
class LoadResult:
    submissions: list[Loaded]
    diagnostics: list[Diagnostic]
    files: int

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


def read(paths: Iterable[tuple[Path, str]]) -> tuple[list[Document], list[Diagnostic]]:
    docs, diags = [], []
    for path, display in paths:
        doc, found = load(path, display)
        diags += found
        if doc is not None:
            docs.append(doc)
    return docs, diags


def check_raw(docs: list[Document], ctx: Context) -> tuple[list[Document], list[Diagnostic]]:
    diags: list[Diagnostic] = []
    for doc in docs:
        if isinstance(doc.data, dict):
            diags += _check_unit(doc, ctx.tree)
            diags += _check_values(doc, ctx.catalog)
            diags += _check_narrative(doc, ctx.catalog)
            diags += _check_rollup_keys(doc)
    return docs, diags


def parse(docs: list[Document], ctx: Context) -> tuple[list[Loaded], list[Diagnostic]]:
    loaded, diags = [], []
    for doc in docs:
        sub, found = validate(Submission, doc)
        diags += found
        if sub is not None:
            loaded.append(Loaded(doc, sub))
    return loaded, diags


def check_duplicates(items: list[Loaded], ctx: Context) -> tuple[list[Loaded], list[Diagnostic]]:
    groups: dict[tuple[str, str], list[Loaded]] = defaultdict(list)
    for item in items:
        groups[(item.submission.unit, item.submission.period.code)].append(item)
    diags = []
    for (unit, period), group in groups.items():
        if len(group) < 2:
            continue
        for item in group:
            others = ", ".join(o.doc.file for o in group if o is not item)
            diags.append(error("duplicate-submission", item.doc.file, item.doc.pos(("period",)),
                               unit=unit, period=period, other=others))
    return items, diags


def check_rules(items: list[Loaded], ctx: Context) -> tuple[list[Loaded], list[Diagnostic]]:
    diags = []
    for item in items:
        values = item.submission.value_items()
        for rule in ctx.catalog.rules:
            left, right = values.get(rule.left), values.get(rule.right)
            if left is None or right is None or rule.holds(left, right):
                continue
            make = error if rule.severity == "error" else warning
            diags.append(make(
                "rule", item.doc.file, item.doc.pos(("values", *rule.left.split("."))),
                message=rule.message, op=rule.op, left_value=left, right_value=right,
                left_label=ctx.catalog[rule.left].label, right_label=ctx.catalog[rule.right].label,
            ))
    return items, diags


Stage = Callable[[list, Context], tuple[list, list[Diagnostic]]]
PIPELINE: tuple[Stage, ...] = (check_raw, parse, check_duplicates, check_rules)


def load_submissions(paths: list[tuple[Path, str]], ctx: Context) -> LoadResult:
    """Run every stage over the files; nothing stops at the first problem."""
    items, diags = read(paths)
    for stage in PIPELINE:
        items, found = stage(items, ctx)
        diags += found
    return LoadResult(items, diags, len(paths))


# --- raw checks -------------------------------------------------------------

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
            diags += _check_weights(doc, values, catalog)
    narrative = doc.data.get("narrative")
    has_text = isinstance(narrative, dict) and any(narrative.values())
    if not reported and not doc.data.get("highlights") and not has_text:
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
    pos = doc.pos(path)
    if ind.is_percent:
        if not 0 <= value <= 100:
            return [error("percent-range", doc.file, pos, code=code, label=ind.label, value=value)]
        return []
    if value < 0:
        return [error("negative-value", doc.file, pos, code=code, label=ind.label, value=value)]
    if isinstance(value, float):
        return [error("not-integer", doc.file, pos, code=code, label=ind.label, value=value, hint=_thousands_hint(value))]
    return []


def _check_weights(doc: Document, values: dict, catalog: Catalog) -> list[Diagnostic]:
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


def load_workspace(ws: Workspace, paths: list[Path] | None = None) -> LoadResult:
    """Load the workspace's data files (or only `paths`), setup problems included."""
    setup = list(ws.diagnostics)
    if ws.tree is None:
        return LoadResult([], setup, 0)
    files, missing = _expand(ws, paths) if paths else (ws.data_files(), [])
    result = load_submissions([(p, ws.display(p)) for p in files], Context(ws.tree, ws.catalog))
    return LoadResult(result.submissions, setup + missing + result.diagnostics, result.files)


def _expand(ws: Workspace, paths: list[Path]) -> tuple[list[Path], list[Diagnostic]]:
    """Files named on the command line; folders stand for their YAML files."""
    setup_files = {(ws.root / name).resolve() for name in ("doanreport.yaml", ws.config.units, *ws.config.catalog)}
    files: list[Path] = []
    missing: list[Diagnostic] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix.lower() in (".yaml", ".yml") and p.is_file())
        elif path.exists():
            files.append(path)
        else:
            missing.append(error("no-paths", str(path), path=str(path)))
    unique = dict.fromkeys(p for p in files if p.resolve() not in setup_files)
    return list(unique), missing
