"""The organisation tree (`units.yaml`): unit kinds, levels, activity in time.

`UnitNode` is the nested schema of the file; `Tree` is the checked,
indexed form everything else uses: units by code, tree order, parents and
children, which units are active in a period and which are expected to report.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from enum import Enum

from doanreport.model.diagnostics import Diagnostic, error
from doanreport.model.periods import Period
from doanreport.load.schema import Record, Text, UnitCode, validate
from doanreport.load.source import Document


class Kind(str, Enum):
    tinh_doan = "tinh_doan"
    doan_khoi = "doan_khoi"
    huyen_doan = "huyen_doan"
    doan_co_so = "doan_co_so"
    chi_doan_co_so = "chi_doan_co_so"
    chi_doan = "chi_doan"

    @property
    def level(self) -> int:
        """0 for the province; a child's level is always greater than its parent's."""
        return _LEVELS[self]

    @property
    def label(self) -> str:
        return _LABELS[self]


_LEVELS = {
    Kind.tinh_doan: 0,
    Kind.doan_khoi: 1,
    Kind.huyen_doan: 1,
    Kind.doan_co_so: 2,
    Kind.chi_doan_co_so: 2,
    Kind.chi_doan: 3,
}
_LABELS = {
    Kind.tinh_doan: "Tỉnh Đoàn",
    Kind.doan_khoi: "Đoàn Khối",
    Kind.huyen_doan: "Huyện Đoàn",
    Kind.doan_co_so: "Đoàn cơ sở",
    Kind.chi_doan_co_so: "Chi đoàn cơ sở",
    Kind.chi_doan: "Chi đoàn",
}


class UnitNode(Record):
    """One entry of units.yaml, with its children nested."""

    code: UnitCode
    name: Text
    kind: Kind
    established: date | None = None
    dissolved: date | None = None
    reports: bool | None = None
    children: list[UnitNode] = []


@dataclass(frozen=True)
class Unit:
    """A unit in the checked tree."""

    code: str
    name: str
    kind: Kind
    parent: str | None
    children: tuple[str, ...]
    established: date | None
    dissolved: date | None
    reports: bool
    depth: int

    def active_months(self, period: Period) -> int:
        """How many months of the period the unit existed in (for at least a day)."""
        first, last = period.start, period.end - 1
        if self.established:
            first = max(first, self.established.year * 12 + self.established.month - 1)
        if self.dissolved:
            gone = self.dissolved.year * 12 + self.dissolved.month - 1  # month of the first day gone
            last = min(last, gone if self.dissolved.day > 1 else gone - 1)
        return max(0, last - first + 1)

    def active_in(self, period: Period) -> bool:
        """Existed on at least one day of the period (dissolved = first day gone)."""
        if self.established and self.established > period.end_date:
            return False
        return not (self.dissolved and self.dissolved <= period.start_date)


class Tree:
    """The checked organisation tree, indexed by code, in file order."""

    def __init__(self, units: dict[str, Unit], root: str) -> None:
        self.units = units
        self.root = root

    def __contains__(self, code: object) -> bool:
        return code in self.units

    def __getitem__(self, code: str) -> Unit:
        return self.units[code]

    def subtree(self, code: str) -> Iterator[Unit]:
        """The unit and every unit below it, depth first, in file order."""
        stack = [code]
        while stack:
            unit = self.units[stack.pop()]
            yield unit
            stack.extend(reversed(unit.children))

    def expected(self, code: str, period: Period) -> list[Unit]:
        """Units of the subtree that should send their own file for the period."""
        return [u for u in self.subtree(code) if u.reports and u.active_in(period)]

    def count(self, code: str, period: Period, kind: Kind | None = None) -> int:
        """Active units below `code` (not itself), of one kind or of all."""
        return sum(
            1
            for u in self.subtree(code)
            if u.code != code and u.active_in(period) and (kind is None or u.kind == kind)
        )


def build_tree(doc: Document) -> tuple[Tree | None, list[Diagnostic]]:
    """Validate units.yaml and index it; every problem found is returned."""
    node, diags = validate(UnitNode, doc)
    if node is None:
        return None, diags
    units: dict[str, Unit] = {}
    first_seen: dict[str, tuple] = {}
    diags += _index(node, (), ("",), units, first_seen, doc)
    if any(d.is_error for d in diags):
        return None, diags
    return Tree(units, node.code), diags


def _index(
    node: UnitNode, lineage: tuple[UnitNode, ...], path: tuple,
    units: dict[str, Unit], first_seen: dict[str, tuple], doc: Document,
) -> list[Diagnostic]:
    path = path[1:] if path == ("",) else path
    parent = lineage[-1] if lineage else None
    depth = len(lineage)
    diags = _check_node(node, lineage, path, first_seen, doc)
    if node.code not in units:
        first_seen[node.code] = path
        units[node.code] = Unit(
            code=node.code,
            name=node.name,
            kind=node.kind,
            parent=parent.code if parent else None,
            children=tuple(c.code for c in node.children),
            established=node.established,
            dissolved=node.dissolved,
            reports=node.reports if node.reports is not None else not node.children,
            depth=depth,
        )
    for i, child in enumerate(node.children):
        diags += _index(child, lineage + (node,), path + ("children", i), units, first_seen, doc)
    return diags


def _check_node(
    node: UnitNode, lineage: tuple[UnitNode, ...], path: tuple, first_seen: dict[str, tuple], doc: Document
) -> list[Diagnostic]:
    diags = []
    parent = lineage[-1] if lineage else None
    if any(a.code == node.code for a in lineage):
        diags.append(error("unit-cycle", doc.file, doc.pos(path + ("code",)), unit=node.code))
    elif node.code in first_seen:
        first = doc.pos(first_seen[node.code] + ("code",))
        diags.append(error("duplicate-unit", doc.file, doc.pos(path + ("code",)), unit=node.code,
                           first_line=first[0] if first else "?"))
    if parent is not None and node.kind.level <= parent.kind.level:
        diags.append(
            error(
                "unit-kind-order", doc.file, doc.pos(path + ("kind",)),
                child=node.name, child_kind=node.kind.label, parent=parent.name, parent_kind=parent.kind.label,
            )
        )
    if node.established and node.dissolved and node.dissolved <= node.established:
        diags.append(
            error("unit-dates", doc.file, doc.pos(path + ("dissolved",)), unit=node.code,
                  dissolved=node.dissolved.isoformat(), established=node.established.isoformat())
        )
    return diags
