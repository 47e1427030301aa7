"""Reading `units.yaml`: its nested schema and the checks that make a `Tree`.

Duplicate codes, cycles, a child at the same or a higher level than its
parent and dissolution before establishment are reported with positions;
only a tree without errors is built.
"""

from __future__ import annotations

from datetime import date

from doanreport.load.schema import Record, Text, UnitCode, validate
from doanreport.load.source import Document
from doanreport.model.diagnostics import Diagnostic, error
from doanreport.model.units import Kind, Tree, Unit


class UnitNode(Record):
    """One entry of units.yaml, with its children nested."""

    code: UnitCode
    name: Text
    kind: Kind
    established: date | None = None
    dissolved: date | None = None
    reports: bool | None = None
    children: list[UnitNode] = []


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
    diags = _check_node(node, lineage, path, first_seen, doc)
    if node.code not in units:
        first_seen[node.code] = path
        units[node.code] = Unit(
            code=node.code,
            name=node.name,
            kind=node.kind,
            children=tuple(c.code for c in node.children),
            established=node.established,
            dissolved=node.dissolved,
            reports=node.reports if node.reports is not None else not node.children,
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
