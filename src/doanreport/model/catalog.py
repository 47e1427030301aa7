"""The indicator catalog: what can be reported, in what unit, how it adds up.

Indicators and rules are data: the built-in catalog ships as `catalog.yaml`
inside the package and a workspace may add codes (never redefine them). Each
indicator says how it combines over time and over units (`sum`, `last`, or a
`mean` weighted by another indicator); each rule compares two indicators.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Annotated, Literal

from pydantic import StringConstraints

from doanreport.model.diagnostics import Diagnostic, error
from doanreport.model.messages import Phrase
from doanreport.load.schema import Record, Slug, Text, validate
from doanreport.load.source import Document, parse_yaml

IndicatorCode = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(_[a-z0-9]+)*\.[a-z0-9]+(_[a-z0-9]+)*$")]
Aggregate = Literal["sum", "last", "mean"]
Op = Literal["<=", "<", ">=", ">", "=="]

OPS: dict[str, Callable[[float, float], bool]] = {
    "<=": operator.le,
    "<": operator.lt,
    ">=": operator.ge,
    ">": operator.gt,
    "==": operator.eq,
}
BUILTIN_NAME = "doanreport:catalog.yaml"


class IndicatorDef(Record):
    code: IndicatorCode
    label: Text
    unit: Text
    aggregate: Aggregate
    weight: IndicatorCode | None = None
    help: str | None = None


class RuleDef(Record):
    left: IndicatorCode
    op: Op
    right: IndicatorCode
    severity: Literal["error", "warning"] = "error"
    message: Text


class CatalogFile(Record):
    groups: dict[Slug, Text] = {}
    indicators: list[IndicatorDef] = []
    rules: list[RuleDef] = []


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    unit: str
    aggregate: str
    weight: str | None
    help: str | None
    source: str

    @property
    def group(self) -> str:
        return self.code.split(".", 1)[0]

    @property
    def name(self) -> str:
        return self.code.split(".", 1)[1]

    @property
    def is_percent(self) -> bool:
        return self.unit.strip() == "%"


@dataclass(frozen=True)
class Rule:
    left: str
    op: str
    right: str
    severity: str
    message: str

    def holds(self, left: float, right: float) -> bool:
        return OPS[self.op](left, right)


class Catalog:
    """Indicators by code in catalog order, group headings, and rules."""

    def __init__(self, indicators: dict[str, Indicator], groups: dict[str, str], rules: list[Rule]) -> None:
        self.indicators = indicators
        self.groups = groups
        self.rules = rules
        order = dict.fromkeys(groups)
        for ind in indicators.values():
            order.setdefault(ind.group)
        self._groups = list(order)
        self.rules_by_code = {code: ind.aggregate for code, ind in indicators.items()}
        self._by_group: dict[str, list[str]] = {g: [] for g in self._groups}
        for code, ind in indicators.items():
            self._by_group[ind.group].append(code)

    def __contains__(self, code: object) -> bool:
        return code in self.indicators

    def __getitem__(self, code: str) -> Indicator:
        return self.indicators[code]

    def broken_rules(self, values: Mapping[str, float]) -> list[tuple[Rule, float, float]]:
        """The rules `values` break, with both sides; a rule with a side not given is not checked."""
        out = []
        for rule in self.rules:
            left, right = values.get(rule.left), values.get(rule.right)
            if left is not None and right is not None and not rule.holds(left, right):
                out.append((rule, left, right))
        return out

    def rule_args(self, rule: Rule, left: float, right: float) -> dict:
        """The arguments of a rule's message."""
        return {"message": rule.message, "op": rule.op, "left_value": left, "right_value": right,
                "left_label": self[rule.left].label, "right_label": self[rule.right].label}

    def group_heading(self, group: str) -> str:
        return self.groups.get(group, group)

    def codes_in(self, group: str) -> list[str]:
        return list(self._by_group.get(group, ()))

    def all_groups(self) -> list[str]:
        """Groups in catalog order: declared headings first, then any other."""
        return list(self._groups)


@cache
def builtin_document() -> Document:
    text = resources.files("doanreport").joinpath("catalog.yaml").read_text(encoding="utf-8")
    doc, diags = parse_yaml(text, BUILTIN_NAME)
    if doc is None:  # pragma: no cover - the shipped file is tested
        raise RuntimeError(f"built-in catalog is broken: {diags}")
    return doc


def build_catalog(docs: Iterable[Document]) -> tuple[Catalog, list[Diagnostic]]:
    """Merge catalog files in order (built-in first); report clashes and bad refs."""
    docs = list(docs)
    indicators: dict[str, Indicator] = {}
    groups: dict[str, str] = {}
    rules: list[tuple[Rule, Document, int]] = []
    diags: list[Diagnostic] = []
    for doc in docs:
        model, errs = validate(CatalogFile, doc)
        diags += errs
        if model is None:
            continue
        for group, heading in model.groups.items():
            groups.setdefault(group, heading)
        for i, ind in enumerate(model.indicators):
            if ind.code in indicators:
                diags.append(error("catalog-duplicate", doc.file, doc.pos(("indicators", i, "code")),
                                   code=ind.code, first=_where(indicators[ind.code].source)))
                continue
            indicators[ind.code] = Indicator(ind.code, ind.label, ind.unit, ind.aggregate, ind.weight, ind.help, doc.file)
        rules += [(Rule(**r.model_dump()), doc, i) for i, r in enumerate(model.rules)]
    diags += _check_weights(indicators, docs)
    kept = []
    for rule, doc, i in rules:
        missing = [side for side in ("left", "right") if getattr(rule, side) not in indicators]
        for side in missing:
            diags.append(error("catalog-rule-ref", doc.file, doc.pos(("rules", i, side)), code=getattr(rule, side)))
        if not missing:
            kept.append(rule)
    return Catalog(indicators, groups, kept), diags


def _where(source: str) -> Phrase | str:
    return Phrase("built-in") if source == BUILTIN_NAME else source


def _check_weights(indicators: dict[str, Indicator], docs: Iterable[Document]) -> list[Diagnostic]:
    by_file = {d.file: d for d in docs}
    diags = []
    for ind in indicators.values():
        problem = None
        if ind.aggregate == "mean" and ind.weight is None:
            problem = Phrase("weight-missing")
        elif ind.aggregate != "mean" and ind.weight is not None:
            problem = Phrase("weight-not-mean")
        elif ind.weight is not None and ind.weight not in indicators:
            problem = Phrase("weight-unknown", {"weight": ind.weight})
        if problem:
            doc = by_file.get(ind.source)
            pos = _indicator_pos(doc, ind.code) if doc else None
            diags.append(error("catalog-weight", ind.source, pos, code=ind.code, problem=problem))
    return diags


def _indicator_pos(doc: Document, code: str) -> tuple[int, int] | None:
    items = doc.data.get("indicators", []) if isinstance(doc.data, dict) else []
    for i, item in enumerate(items):
        if isinstance(item, dict) and item.get("code") == code:
            return doc.pos(("indicators", i))
    return None
