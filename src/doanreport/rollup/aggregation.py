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
from dataclasses import dataclass, replace
from datetime import date

from doanreport.model.catalog import Catalog
from doanreport.model.diagnostics import Diagnostic, warning
from doanreport.model.facts import Facts, Highlight, Number, Sourced
from doanreport.model.periods import Period
from doanreport.model.units import Tree, Unit
from doanreport.rollup import completeness
from doanreport.rollup.completeness import NO_COMPLETENESS, NOT_REPORTED, Completeness, Reporting
from doanreport.rollup.measures import EMPTY, Measure, over_time, plus
from doanreport.rollup.selection import choose


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
class Aggregate:
    unit: Unit
    period: Period
    measure: Measure
    own: Measure
    children: tuple[Aggregate, ...]
    completeness: Completeness
    highlights: tuple[Highlight, ...]  # each with its unit
    narrative: Mapping[str, tuple[str, ...]]
    used: tuple[Used, ...]
    set_aside: tuple[Aside, ...]

    @property
    def values(self) -> dict[str, Number]:
        return self.measure.final()

    @property
    def coverage(self) -> Mapping[str, int]:
        return self.measure.coverage


def due_date(period: Period, deadline_day: int) -> date:
    """The day a file for `period` is due: `deadline_day` of the next month."""
    month = period.end  # index of the month after the period
    year, m = month // 12, month % 12 + 1
    return date(year, m, min(deadline_day, calendar.monthrange(year, m)[1]))


class _Run:
    """One aggregation of one subtree over one period: the settings shared by
    every node. Each node's result is computed from its own files and its
    children's results only."""

    def __init__(self, tree: Tree, catalog: Catalog, by_unit: Mapping[str, list[Sourced]],
                 period: Period, deadline_day: int | None, detail: bool) -> None:
        self.tree, self.catalog, self.by_unit = tree, catalog, by_unit
        self.period, self.deadline_day, self.detail = period, deadline_day, detail
        self.due: dict[int, date] = {}  # due date by the month a period ends before (a memo)

    def node(self, code: str, masked: tuple[Period, ...], credits: Mapping[str, Reporting]) -> Aggregate:
        """`masked`: periods a rollup above already stands for; `credits`: what
        rollups above say of the units below them."""
        unit = self.tree[code]
        files = self.by_unit.get(code, [])
        rollups, aside_r = self._choose([f for f in files if f.facts.scope == "rollup"], masked)
        masked = masked + tuple(f.facts.period for f in rollups)
        owns, aside_o = self._choose([f for f in files if f.facts.scope == "own"], masked)
        if rollups and self.detail:
            credits = _merged(credits, (self._credits(f.facts) for f in rollups))
        used = [self._used(f) for f in rollups + owns]
        own = plus([self._over_time(owns), self._over_time(rollups)])
        kids = [self.node(c, masked, credits) for c in unit.children]
        shown = tuple(k for k in kids if k.used or self.tree[k.unit.code].active_in(self.period))
        detail = self.detail
        return Aggregate(
            unit=unit,
            period=self.period,
            measure=plus([own] + [k.measure for k in kids]),
            own=own,
            children=shown,
            completeness=(completeness.plus([self._own_completeness(unit, owns, used, credits)]
                                            + [k.completeness for k in kids]) if detail else NO_COMPLETENESS),
            highlights=(tuple(self._highlights(rollups + owns)) + tuple(h for k in kids for h in k.highlights)
                        if detail else ()),
            narrative=_narrative(f.facts for f in rollups + owns) if detail else {},
            used=tuple(used) + tuple(u for k in kids for u in k.used),
            set_aside=tuple(aside_r + aside_o) + tuple(a for k in kids for a in k.set_aside),
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
        return over_time((f.facts for f in files), self.catalog)

    def _used(self, f: Sourced) -> Used:
        sub = f.facts
        late = bool(self.deadline_day and sub.submitted and sub.submitted > self._due(sub.period))
        return Used(f.file, sub.unit, sub.period, sub.scope, sub.submitted, late)

    def _due(self, period: Period) -> date:
        due = self.due.get(period.end)
        if due is None:
            due = self.due[period.end] = due_date(period, self.deadline_day)
        return due

    def _own_completeness(self, unit: Unit, owns: Sequence[Sourced], used: Sequence[Used],
                          credits: Mapping[str, Reporting]) -> Completeness:
        """The unit's own part: nothing unless it is expected to report; else the
        months it was active, and how its files and any rollup (its own or one
        above) say it reported."""
        if not (unit.reports and unit.active_in(self.period)):
            return NO_COMPLETENESS
        mine = [Reporting(frozenset(f.facts.period.month_indexes())) for f in owns]
        mine += [Reporting(late=u.late, undated=u.submitted is None) for u in used]
        if unit.code in credits:
            mine.append(credits[unit.code])
        return Completeness((unit.code,), {unit.code: unit.active_months(self.period)}, {unit.code: _plus_reporting(mine)})

    def _credits(self, sub: Facts) -> dict[str, Reporting]:
        """Units below a rollup reported through it, as it says: missing ones not,
        partial ones for the months it gives, late and undated ones as such."""
        months = list(sub.period.month_indexes())
        done = sub.completeness
        out = {}
        for u in self.tree.subtree(sub.unit):
            if done is None:
                out[u.code] = Reporting(frozenset(months))
            elif u.code not in done.missing:
                given = months[:done.months[u.code]] if u.code in done.months else months
                out[u.code] = Reporting(frozenset(given), u.code in done.late, u.code in done.undated)
        return out

    def _highlights(self, files: Iterable[Sourced]) -> Iterable[Highlight]:
        for f in files:
            for h in f.facts.highlights:
                code = h.unit or f.facts.unit
                name = h.unit_name or (self.tree[code].name if code in self.tree else code)
                yield replace(h, unit=code, unit_name=name)


def _plus_reporting(parts: Iterable[Reporting]) -> Reporting:
    out = NOT_REPORTED
    for r in parts:
        out = out.plus(r)
    return out


def _merged(credits: Mapping[str, Reporting], more: Iterable[Mapping[str, Reporting]]) -> dict[str, Reporting]:
    out = dict(credits)
    for part in more:
        for code, r in part.items():
            out[code] = r if code not in out else out[code].plus(r)
    return out


def _narrative(subs: Iterable[Facts]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = defaultdict(list)
    for sub in sorted(subs, key=lambda s: (s.period.start, s.period.end)):
        for key in sub.narrative:
            out[key] += sub.narrative[key]
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
    return _Run(tree, catalog, by_unit, period, deadline_day, detail).node(unit, (), {})


def rule_warnings(agg: Aggregate, catalog: Catalog) -> list[Diagnostic]:
    """The catalog's rules on the aggregate and on every aggregate below it.

    Always warnings: files that each pass a rule can break it in sum when not
    every unit reported both sides, and that must not stop a report.
    """
    diags = [warning("rule-aggregate", unit=agg.unit.name, period=agg.period.label,
                     **catalog.rule_args(rule, left, right))
             for rule, left, right in catalog.broken_rules(agg.values)]
    for child in agg.children:
        diags += rule_warnings(child, catalog)
    return diags
