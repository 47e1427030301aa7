"""Rolling submissions up the tree and over time (SPEC §6).

`aggregate` is a tree reduction over one half-open report period. At each
unit: choose its files inside the period (`selection.choose`), combine them
over time (`measures.over_time`), then add its children's results
(`measures.plus`). A `scope: rollup` file stands for its unit's whole subtree
for its months: files below it for those months are set aside, not added.
The result keeps, at every level, what a report needs: values, coverage,
completeness, per-child results, highlights, narrative, and every decision
about a file that was not used.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from doanreport.model.catalog import Catalog
from doanreport.model.diagnostics import Diagnostic, warning
from doanreport.rollup.measures import EMPTY, Measure, Number, over_time, plus
from doanreport.model.periods import Period
from doanreport.rollup.selection import choose
from doanreport.load.submission import Facts
from doanreport.model.units import Tree, Unit


@dataclass(frozen=True)
class Used:
    file: str
    unit: str
    period: Period
    scope: str
    submitted: date | None
    late: bool


@dataclass(frozen=True)
class Aside:
    """A file that was not used: `partial`, `overlap` or `rollup` (covered by one)."""

    file: str
    unit: str
    period: Period
    reason: str
    instead: tuple[str, ...] = ()


@dataclass(frozen=True)
class HighlightRef:
    unit: str
    unit_name: str
    kind: str
    name: str
    program: str | None = None
    role: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class Completeness:
    expected: tuple[str, ...]
    reported: tuple[str, ...]  # sent files (or were covered by a rollup) for the period
    late: tuple[str, ...]
    missing: tuple[str, ...]
    partial: tuple[str, ...]  # reported, but for fewer months than they were active
    undated: tuple[str, ...]  # reported without a `submitted` date
    months: Mapping[str, int] = field(default_factory=dict)  # unit -> months covered


NO_COMPLETENESS = Completeness((), (), (), (), (), ())


@dataclass(frozen=True)
class Aggregate:
    unit: Unit
    period: Period
    measure: Measure
    own: Measure
    children: tuple[Aggregate, ...]
    completeness: Completeness
    highlights: tuple[HighlightRef, ...]
    narrative: Mapping[str, tuple[str, ...]]
    used: tuple[Used, ...]
    set_aside: tuple[Aside, ...]

    @property
    def values(self) -> dict[str, Number]:
        return self.measure.final()

    @property
    def coverage(self) -> Mapping[str, int]:
        return self.measure.coverage


@dataclass(frozen=True)
class Sourced:
    """A valid submission's facts and the file they came from."""

    file: str
    facts: Facts


def due_date(period: Period, deadline_day: int) -> date:
    """The day a file for `period` is due: `deadline_day` of the next month."""
    month = period.end  # index of the month after the period
    year, m = month // 12, month % 12 + 1
    return date(year, m, min(deadline_day, calendar.monthrange(year, m)[1]))


class _Run:
    """One aggregation of one subtree over one period."""

    def __init__(self, tree: Tree, catalog: Catalog, by_unit: Mapping[str, list[Sourced]],
                 period: Period, deadline_day: int | None, detail: bool = True) -> None:
        self.tree, self.catalog, self.by_unit = tree, catalog, by_unit
        self.period, self.deadline_day, self.detail = period, deadline_day, detail
        self.months: dict[str, set[int]] = defaultdict(set)
        self.late: set[str] = set()
        self.undated: set[str] = set()
        self.rollup_missing: set[str] = set()
        self.due: dict[int, date] = {}  # due date by the month a period ends before

    def node(self, code: str, masked: tuple[Period, ...]) -> Aggregate:
        unit = self.tree[code]
        files = self.by_unit.get(code, [])
        aside: list[Aside] = []
        rollups, aside_r = self._choose([f for f in files if f.facts.scope == "rollup"], masked)
        masked = masked + tuple(f.facts.period for f in rollups)
        owns, aside_o = self._choose([f for f in files if f.facts.scope == "own"], masked)
        aside += aside_r + aside_o
        for f in owns:
            self.months[code].update(f.facts.period.month_indexes())
        for f in rollups:
            self._credit_rollup(f.facts)
        used = [self._used(f) for f in rollups + owns]
        own = plus([self._over_time(owns), self._over_time(rollups)])
        kids = [self.node(c, masked) for c in unit.children]
        shown = tuple(k for k in kids if k.used or self.tree[k.unit.code].active_in(self.period))
        return Aggregate(
            unit=unit,
            period=self.period,
            measure=plus([own] + [k.measure for k in kids]),
            own=own,
            children=shown,
            completeness=self._completeness(code) if self.detail else NO_COMPLETENESS,
            highlights=(tuple(self._highlights(rollups + owns)) + tuple(h for k in kids for h in k.highlights)
                        if self.detail else ()),
            narrative=_narrative(f.facts for f in rollups + owns) if self.detail else {},
            used=tuple(used) + tuple(u for k in kids for u in k.used),
            set_aside=tuple(aside) + tuple(a for k in kids for a in k.set_aside),
        )

    def _choose(self, files: list[Sourced], masked: tuple[Period, ...]) -> tuple[list[Sourced], list[Aside]]:
        aside, free = [], []
        for f in files:
            p = f.facts.period
            hiding = [m for m in masked if m.overlaps(p)]
            if hiding and self.period.overlaps(p):
                aside.append(Aside(f.file, f.facts.unit, p, "rollup", tuple(m.code for m in hiding)))
            elif not hiding:
                free.append(f)
        chosen, rejected = choose(free, [f.facts.period for f in free], self.period)
        for r in rejected:
            aside.append(Aside(r.item.file, r.item.facts.unit, r.item.facts.period, r.reason,
                               tuple(x.file for x in r.instead)))
        return chosen, aside

    def _over_time(self, files: Sequence[Sourced]) -> Measure:
        if not files:
            return EMPTY
        rows = [(f.facts.value_items(), f.facts.coverage, f.facts.weights) for f in files]
        return over_time(rows, self.catalog)

    def _used(self, f: Sourced) -> Used:
        sub = f.facts
        late = bool(self.deadline_day and sub.submitted and sub.submitted > self._due(sub.period))
        if late:
            self.late.add(sub.unit)
        if sub.submitted is None:
            self.undated.add(sub.unit)
        return Used(f.file, sub.unit, sub.period, sub.scope, sub.submitted, late)

    def _due(self, period: Period) -> date:
        due = self.due.get(period.end)
        if due is None:
            due = self.due[period.end] = due_date(period, self.deadline_day)
        return due

    def _credit_rollup(self, sub: Facts) -> None:
        """Units below a rollup reported through it, as it says: missing ones not,
        partial ones for the months it gives, late and undated ones as such."""
        months = list(sub.period.month_indexes())
        done = sub.completeness
        for u in self.tree.subtree(sub.unit):
            if done and u.code in done.missing:
                self.rollup_missing.add(u.code)
                continue
            count = done.months.get(u.code, len(months)) if done else len(months)
            self.months[u.code].update(months[:count])
            if done and u.code in done.late:
                self.late.add(u.code)
            if done and u.code in done.undated:
                self.undated.add(u.code)

    def _completeness(self, code: str) -> Completeness:
        expected = self.tree.expected(code, self.period)
        window = range(self.period.start, self.period.end)
        months = {u.code: sum(1 for m in self.months[u.code] if m in window) for u in expected}
        reported = [u.code for u in expected if months[u.code]]
        partial = [u.code for u in expected if 0 < months[u.code] < u.active_months(self.period)]
        return Completeness(
            expected=tuple(u.code for u in expected),
            reported=tuple(reported),
            late=tuple(c for c in reported if c in self.late),
            missing=tuple(u.code for u in expected if not months[u.code]),
            partial=tuple(partial),
            undated=tuple(c for c in reported if c in self.undated),
            months=months,
        )

    def _highlights(self, files: Iterable[Sourced]) -> Iterable[HighlightRef]:
        for f in files:
            for h in f.facts.highlights or ():
                code = h.unit or f.facts.unit
                name = h.unit_name or (self.tree[code].name if code in self.tree else code)
                yield HighlightRef(code, name, h.kind, h.name, h.program, h.role, h.description)


def _narrative(subs: Iterable[Facts]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = defaultdict(list)
    for sub in sorted(subs, key=lambda s: (s.period.start, s.period.end)):
        for key in sub.narrative:
            out[key] += sub.narrative_items(key)
    return {k: tuple(v) for k, v in out.items() if v}


def index_by_unit(files: Iterable[Sourced]) -> dict[str, list[Sourced]]:
    """Files by unit, in a fixed order (period, then file name) whatever the read order."""
    by_unit: dict[str, list[Sourced]] = defaultdict(list)
    for f in files:
        by_unit[f.facts.unit].append(f)
    for items in by_unit.values():
        items.sort(key=lambda f: (f.facts.period.start, f.facts.period.end, f.facts.scope, f.file))
    return dict(by_unit)


def aggregate(tree: Tree, catalog: Catalog, files: Iterable[Sourced] | Mapping[str, list[Sourced]],
              unit: str, period: Period, deadline_day: int | None = None, detail: bool = True) -> Aggregate:
    """The aggregate of `unit`'s subtree over `period`; without `detail`, figures
    only (no completeness, highlights or narrative: for comparisons)."""
    by_unit = files if isinstance(files, Mapping) else index_by_unit(files)
    return _Run(tree, catalog, by_unit, period, deadline_day, detail).node(unit, ())


def check_rules(agg: Aggregate, catalog: Catalog) -> list[Diagnostic]:
    """The catalog's rules on the aggregate and on every aggregate below it.

    Always warnings: files that each pass a rule can break it in sum when not
    every unit reported both sides, and that must not stop a report.
    """
    diags = [warning("rule-aggregate", None, None, unit=agg.unit.name, period=agg.period.label,
                     **catalog.rule_args(rule, left, right))
             for rule, left, right in catalog.broken_rules(agg.values)]
    for child in agg.children:
        diags += check_rules(child, catalog)
    return diags
