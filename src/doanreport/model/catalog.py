"""The indicator catalog as values: what can be reported, in what unit, how it adds up.

Each indicator says how it combines over time and over units (its `Method`:
`sum`, `last`, or a `mean` weighted by another indicator); each rule compares
two indicators. Reading the catalog files is `load.catalog_file`'s job.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

Method = Literal["sum", "last", "mean"]
Op = Literal["<=", "<", ">=", ">", "=="]

OPS: dict[str, Callable[[float, float], bool]] = {
    "<=": operator.le,
    "<": operator.lt,
    ">=": operator.ge,
    ">": operator.gt,
    "==": operator.eq,
}


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    unit: str
    aggregate: str
    weight: str | None
    help: str | None
    source: str
    phrase: str = ""  # how a report says it: "tổ chức {n} cuộc tuyên truyền"; "" = `default_phrase`

    def __post_init__(self) -> None:
        if not self.phrase:
            object.__setattr__(self, "phrase", default_phrase(self.label, self.unit))

    @property
    def group(self) -> str:
        return self.code.split(".", 1)[0]

    @property
    def name(self) -> str:
        return self.code.split(".", 1)[1]

    @property
    def is_percent(self) -> bool:
        return self.unit.strip() == "%"

    @property
    def is_money(self) -> bool:
        return self.unit.strip() == MONEY

    @property
    def figure_kind(self) -> str:
        """How its figure is written: "rate" (85,5%), "money" (14.236.000 đồng) or "count"."""
        return "rate" if self.is_percent else "money" if self.is_money else "count"


FIGURE = "{n}"  # where a phrase's figure goes
MONEY = "đồng"  # the unit of every sum of money


def default_phrase(label: str, unit: str) -> str:
    """A phrase for an indicator that has none, from its label and unit:
    "Mùng được tẩm hóa chất" in "cái" → "{n} cái mùng được tẩm hóa chất";
    "Hoạt động, đợt tình nguyện" in "hoạt động" → "{n} hoạt động, đợt tình nguyện".
    Only a first letter that starts an ordinary word is lowercased: "ĐVTN …"
    and "Đoàn …" keep their capitals. A rate reads "{label} đạt {n}"."""
    words = label.split()
    while len(words) > 1 and words[0].casefold() in ("số", "tổng") and words[1].casefold() in ("số", *unit.casefold().split()[:1]):
        words = words[1:]  # "Số buổi sinh hoạt" is "buổi sinh hoạt"; "Tổng số đoàn viên" is "đoàn viên"
    if len(words) > 1 and words[0].casefold() == "số":
        words = words[1:]
    first = words[0] if words else ""
    second = words[1] if len(words) > 1 else ""
    proper = (first in _PROPER and second not in ("viên", "thanh")) or second[:1].isupper()
    lower = first[:1].lower() + first[1:] if first[1:2].islower() and not proper else first
    text = " ".join([lower, *words[1:]])
    if unit.strip() == "%":
        return f"{text} đạt {FIGURE}"
    if unit.strip() == MONEY:  # the figure is written with its "đồng"
        return f"{text} {FIGURE}"
    fold, head = text.casefold(), unit.strip().casefold()
    if fold.startswith(head) and not fold[len(head):len(head) + 1].isalnum():
        return f"{FIGURE} {text}"
    return f"{FIGURE} {unit} {text}"


_PROPER = {"Đoàn", "Đảng", "Bác"}  # capitalised in running text; a name of several capitalised words too


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
        self.methods = {code: ind.aggregate for code, ind in indicators.items()}
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
