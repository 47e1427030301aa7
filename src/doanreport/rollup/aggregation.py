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
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from datetime import date

from doanreport.model.catalog import Catalog
from doanreport.model.diagnostics import Diagnostic, error, warning
from doanreport.model.facts import Facts, Highlight, Number, Sourced
from doanreport.model.periods import Period
from doanreport.model.units import Tree, Unit
from doanreport.rollup import completeness
from doanreport.rollup.beside import alongside, covered_units, decide
from doanreport.rollup.completeness import NO_COMPLETENESS, NOT_REPORTED, Completeness, Reporting
from doanreport.rollup.measures import EMPTY, Measure, over_time, plus
from doanreport.rollup.selection import Choice, SetAside, choose, choose_by_item


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
    """A file not used, or not for everything: `partial` (straddles the period),
    `overlap` (other files of the unit give the same items for its months),
    `rollup` / `rollup-part` (a rollup above stands for all / some of its months),
    `rollup-fewer-months` (a rollup that would hide more than it gives)."""

    file: str
    unit: str
    period: Period
    reason: str
    instead: tuple[str, ...] = ()
    what: frozenset[str] = frozenset()  # `overlap`: the items it was set aside for


@dataclass(frozen=True)
class Said:
    """One narrative item a unit of the subtree wrote, and where (for notes)."""

    unit: str
    unit_name: str
    key: str
    text: str
    file: str
    path: tuple[str | int, ...]  # where in the file: ("narrative", key, i) or ("unit_narrative", i, "text")
    figures: Mapping[str, Number] | None = None  # passed on by a rollup: the writing unit's figures the text states


@dataclass(frozen=True)
class Aggregate:
    unit: Unit
    period: Period
    measure: Measure
    own: Measure
    children: tuple[Aggregate, ...]
    completeness: Completeness
    highlights: tuple[Highlight, ...]  # each with its unit
    narrative: Mapping[str, tuple[str, ...]]  # the unit's own, by section
    said: tuple[Said, ...]  # every narrative item of the subtree, the unit's own first
    used: tuple[Used, ...]
    set_aside: tuple[Aside, ...]
    notes: tuple[Diagnostic, ...] = ()  # what the reduction could not do exactly (`stock-mixed`)

    @property
    def values(self) -> dict[str, Number]:
        return self.measure.final()

    @property
    def coverage(self) -> Mapping[str, int]:
        return self.measure.coverage

    def subtree(self) -> Iterable[Aggregate]:
        """This aggregate and every one below it, parents first."""
        yield self
        for child in self.children:
            yield from child.subtree()


@dataclass(frozen=True)
class Mask:
    """A rollup above that stands for its branch's months, except for the units
    it lists as missing (their own files still count)."""

    period: Period
    missing: frozenset[str]

    def hides(self, f: Sourced) -> bool:
        return self.period.overlaps(f.facts.period) and f.facts.unit not in self.missing


def _mask(rollup: Sourced) -> Mask:
    done = rollup.facts.completeness
    return Mask(rollup.facts.period, frozenset(done.missing) if done else frozenset())


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

    def node(self, code: str, masked: tuple[Mask, ...], credits: Mapping[str, Reporting],
             stale: Mapping[str, tuple[int, frozenset[str]]]) -> Aggregate:
        """`masked`: what rollups above already stand for; `credits`: what they
        say of the units below them; `stale`: stocks they state later, for
        some units (code -> (end month, units))."""
        unit = self.tree[code]
        files = self.by_unit.get(code, [])
        rollups, aside_r = self._choose_rollups(code, [f for f in files if f.facts.scope == "rollup"], masked)
        masked = masked + tuple(_mask(f) for f in rollups)
        own_files, aside_m = self._unmasked([f for f in files if f.facts.scope == "own"], masked)
        choices, owns, aside_o = self._choose_own(own_files)
        if rollups and self.detail:
            credits = _merged(credits, (self._credits(f.facts) for f in rollups))
        used = [self._used(f) for f in rollups + owns]
        rollup_measure = self._over_time(rollups, stale=stale)
        own_measure = self._own_measure(choices, stale)
        kids = [self.node(c, masked, credits, stale) for c in unit.children]
        own, notes = own_measure, []
        if rollups:
            own, kids, notes = self._beside(code, rollups, rollup_measure, own_measure, choices, kids, masked, credits,
                                            stale)
        shown = tuple(k for k in kids if k.used or self.tree[k.unit.code].active_in(self.period))
        detail = self.detail
        chosen = _chosen_for(choices, rollups)
        said = tuple(self._said(rollups + owns, chosen)) if detail else ()
        return Aggregate(
            unit=unit,
            period=self.period,
            measure=plus([own] + [k.measure for k in kids]),
            own=own,
            children=shown,
            completeness=(completeness.plus([self._own_completeness(unit, owns, used, credits)]
                                            + [k.completeness for k in kids]) if detail else NO_COMPLETENESS),
            highlights=(tuple(self._highlights(f for f in rollups + owns if id(f) in chosen.get(HIGHLIGHTS, ())))
                        + tuple(h for k in kids for h in k.highlights) if detail else ()),
            narrative=_own_narrative(said),
            said=(said + tuple(self._said_hidden(files, aside_m)) + tuple(x for k in kids for x in k.said)
                  if detail else ()),
            used=tuple(used) + tuple(u for k in kids for u in k.used),
            set_aside=tuple(aside_r + aside_m + aside_o) + tuple(a for k in kids for a in k.set_aside),
            notes=tuple(notes) + tuple(n for k in kids for n in k.notes),
        )

    def _own_measure(self, choices: Sequence[Choice[Sourced]], stale: Mapping[str, tuple[int, frozenset[str]]]) -> Measure:
        """The unit's own files over time, each indicator from the files chosen for it."""
        if len(choices) == 1:  # the same files for every item: nothing to filter
            return self._over_time(choices[0].files, None, stale)
        return plus(self._over_time(c.files, c.what, stale) for c in choices)

    def _beside(self, code: str, rollups: list[Sourced], rollup_measure: Measure, own_measure: Measure,
                choices: list[Choice[Sourced]], kids: list[Aggregate], masked: tuple[Mask, ...],
                credits: Mapping[str, Reporting], stale: Mapping[str, tuple[int, frozenset[str]]]
                ) -> tuple[Measure, list[Aggregate], list[Diagnostic]]:
        """The unit's own part when it has rollups: its own files, plus what the
        rollups add beside the files below for other months (`beside`)."""
        rest = plus([own_measure] + [k.measure for k in kids])
        theirs = self._reporters(code, masked)
        choice = decide(rollup_measure, rest, covered_units(rollups, self.tree), theirs)
        if choice.stale:  # the rollup supersedes earlier stocks of its units below: compute them again
            stale = {**stale, **choice.stale}
            own_measure = self._own_measure(choices, stale)
            kids = [self.node(c, masked, credits, stale) for c in self.tree[code].children]
        notes = [warning("stock-mixed", r.file, None, code=c, label=self.catalog[c].label, period=self.period.label)
                 for c in choice.mixed for r in rollups[-1:]]
        return plus([own_measure, alongside(rollup_measure, choice)]), kids, notes

    def _reporters(self, code: str, masked: tuple[Mask, ...]) -> Callable[[str], frozenset[str]]:
        """code -> the units below `code` whose own files inside the period, not
        hidden by a rollup, give it (worked out when first asked)."""
        files = [f for u in self.tree.subtree(code) for f in self.by_unit.get(u.code, ())
                 if f.facts.scope == "own" and self.period.contains(f.facts.period) and not any(m.hides(f) for m in masked)]
        memo: dict[str, frozenset[str]] = {}

        def reporters(indicator: str) -> frozenset[str]:
            if indicator not in memo:
                memo[indicator] = frozenset(f.facts.unit for f in files if indicator in f.facts.values)
            return memo[indicator]

        return reporters

    def _unmasked(self, files: list[Sourced], masked: tuple[Mask, ...]) -> tuple[list[Sourced], list[Aside]]:
        """Files not hidden by a rollup that stands for their months (those are set
        aside: `rollup` when their months all lie in it, `rollup-part` if only some)."""
        aside, free = [], []
        for f in files:
            p = f.facts.period
            hiding = [m.period for m in masked if m.hides(f)]
            if hiding and self.period.overlaps(p):
                inside = set().union(*(m.month_indexes() for m in hiding)).issuperset(p.month_indexes())
                aside.append(Aside(f.file, f.facts.unit, p, "rollup" if inside else "rollup-part",
                                   tuple(m.code for m in hiding)))
            elif not hiding:
                free.append(f)
        return free, aside

    def _choose_rollups(self, code: str, files: list[Sourced], masked: tuple[Mask, ...]
                        ) -> tuple[list[Sourced], list[Aside]]:
        """A unit's rollups for the period: whole files, as `choose` picks them,
        but never one that would hide as many unit-months of the branch's own
        files as it gives, or more (a January rollup beside the branch's
        quarterly files)."""
        free, aside = self._unmasked(files, masked)
        chosen, rejected = choose(free, [f.facts.period for f in free], self.period)
        aside += [self._aside(r) for r in rejected]
        kept = []
        for r in chosen:
            straddling, loses = self._weigh_rollup(code, r, masked)
            if loses:
                aside.append(Aside(r.file, r.facts.unit, r.facts.period, "rollup-fewer-months",
                                   tuple(f.file for f in straddling)))
            else:
                kept.append(r)
        return kept, aside

    def _weigh_rollup(self, code: str, rollup: Sourced, masked: tuple[Mask, ...]) -> tuple[list[Sourced], bool]:
        """The branch's own files only partly inside the rollup's months, and
        whether using the rollup would cover fewer unit-months than those files."""
        months = set(rollup.facts.period.month_indexes())
        credit = self._credits(rollup.facts)
        straddling: list[Sourced] = []
        with_rollup = without = 0
        missing = _mask(rollup).missing
        for u in self.tree.subtree(code):
            mine: set[int] = set()
            outside: set[int] = set()
            files = [f for f in self.by_unit.get(u.code, ()) if f.facts.scope == "own"]
            for f in files:
                p = f.facts.period
                if not self.period.contains(p) or any(m.hides(f) for m in masked):
                    continue
                if f.facts.unit in missing:  # a unit the rollup lists as missing: its files stay either way
                    continue
                ms = set(p.month_indexes())
                mine |= ms
                if not ms & months:
                    outside |= ms
                elif not ms <= months:
                    straddling.append(f)
            if not ((u.reports and u.active_in(self.period)) or files):  # nobody expects a file from it, none came
                continue
            without += len(mine)
            with_rollup += len(outside | credit.get(u.code, NOT_REPORTED).months)
        return straddling, bool(straddling) and without >= with_rollup  # a tie: the files, not the summary

    def _choose_own(self, files: list[Sourced]) -> tuple[list[Choice[Sourced]], list[Sourced], list[Aside]]:
        """Per item (indicator, narrative section, highlights): the files that
        count, the files used for anything (or for completeness only, when they
        report nothing), and those set aside."""
        reports = [reported(f.facts) for f in files]
        choices, rejected = choose_by_item(files, [f.facts.period for f in files], reports, self.period)
        picked = {id(f) for c in choices for f in c.files}
        owns = [f for f, what in zip(files, reports, strict=True)
                if id(f) in picked or (not what and self.period.contains(f.facts.period))]
        return choices, owns, [self._aside(r) for r in rejected]

    def _aside(self, r: SetAside[Sourced]) -> Aside:
        f = r.item
        return Aside(f.file, f.facts.unit, f.facts.period, r.reason, tuple(x.file for x in r.instead), r.what)

    def _over_time(self, files: Sequence[Sourced], only: AbstractSet[str] | None = None,
                   stale: Mapping[str, int] | None = None) -> Measure:
        if not files:
            return EMPTY
        return over_time((f.facts for f in files), self.catalog, only, stale)

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

    def _said(self, files: Sequence[Sourced], chosen: Mapping[str, set[int]]) -> Iterable[Said]:
        for f in sorted(files, key=lambda f: (f.facts.period.start, f.facts.period.end)):
            unit = f.facts.unit
            name = self.tree[unit].name if unit in self.tree else unit
            for key, texts in f.facts.narrative.items():
                if id(f) in chosen.get(NARRATIVE + key, ()):
                    yield from (Said(unit, name, key, t, f.file, ("narrative", key, i)) for i, t in enumerate(texts))
            for i, t in enumerate(f.facts.unit_narrative):  # a rollup's: the units below it
                below = t.unit_name or (self.tree[t.unit].name if t.unit in self.tree else t.unit)
                yield Said(t.unit, below, t.key, t.text, f.file, ("unit_narrative", i, "text"), t.figures)

    def _said_hidden(self, files: Sequence[Sourced], hidden: Sequence[Aside]) -> Iterable[Said]:
        """What the unit wrote in files a rollup above stands for: a rollup sums
        figures, it does not always carry the text, so the text still counts."""
        if not hidden:
            return ()
        names = {a.file for a in hidden}
        kept = [f for f in files if f.file in names and f.facts.scope == "own"]
        return self._said(kept, {NARRATIVE + key: {id(f) for f in kept} for f in kept for key in f.facts.narrative})

    def _highlights(self, files: Iterable[Sourced]) -> Iterable[Highlight]:
        for f in files:
            for i, h in enumerate(f.facts.highlights):
                code = h.unit or f.facts.unit
                name = h.unit_name or (self.tree[code].name if code in self.tree else code)
                yield replace(h, unit=code, unit_name=name, file=f.file, index=i)


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


NARRATIVE = "narrative:"  # item names: indicator codes, "narrative:KEY" and "highlights"
HIGHLIGHTS = "highlights"


def reported(facts: Facts) -> frozenset[str]:
    """What a file reports, item by item: each file displaces another only for these."""
    items = set(facts.values)
    items.update(NARRATIVE + key for key in facts.narrative)
    if facts.highlights:
        items.add(HIGHLIGHTS)
    return frozenset(items)


def _chosen_for(choices: Sequence[Choice[Sourced]], rollups: Sequence[Sourced]) -> dict[str, set[int]]:
    """Narrative section or highlights -> the files chosen for it, by identity (a
    rollup counts for everything it gives)."""
    out: dict[str, set[int]] = defaultdict(set)
    for c in choices:
        ids = {id(f) for f in c.files}
        for what in c.what:
            if what == HIGHLIGHTS or what.startswith(NARRATIVE):  # indicators are measured, not looked up
                out[what] |= ids
    for r in rollups:
        for what in reported(r.facts):
            out[what].add(id(r))
    return out


def _own_narrative(said: Iterable[Said]) -> dict[str, tuple[str, ...]]:
    """The unit's own sections, from what its files said (in time order), not
    what a rollup passed on from the units below."""
    out: dict[str, list[str]] = defaultdict(list)
    for s in said:
        if s.path[0] == "narrative":
            out[s.key].append(s.text)
    return {k: tuple(v) for k, v in out.items()}


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
    return _Run(tree, catalog, by_unit, period, deadline_day, detail).node(unit, (), {}, {})


def double_counts(agg: Aggregate, by_unit: Mapping[str, list[Sourced]], tree: Tree) -> list[Diagnostic]:
    """Errors for units a used rollup still lists from an old tree (no longer
    below its unit) while they also count in their new branch: through their
    own files, or through a rollup of a unit above them there."""
    used_by_unit: dict[str, list[Used]] = defaultdict(list)
    for u in agg.used:
        used_by_unit[u.unit].append(u)
    rollups = [u for u in agg.used if u.scope == "rollup"]
    parent = {child: unit.code for unit in tree.units.values() for child in unit.children}

    def above(code: str) -> set[str]:
        out = set()
        while code is not None:
            out.add(code)
            code = parent.get(code)
        return out

    diags = []
    for u in rollups:
        facts = next((f.facts for f in by_unit.get(u.unit, ()) if f.file == u.file and f.facts.period == u.period), None)
        done = facts.completeness if facts is not None else None
        if done is None:
            continue
        below = {x.code for x in tree.subtree(u.unit)}
        for code in done.expected:
            if code in below or code in done.missing:
                continue
            branch = above(code) if code in tree else set()
            others = [o for o in used_by_unit.get(code, ()) if o.scope == "own"]
            others += [r for r in rollups if r is not u and r.unit in branch]
            for other in others:
                if other.period.overlaps(u.period):
                    diags.append(error("rollup-double-count", u.file, None, period=agg.period.label, rollup=u.file,
                                       unit=tree[code].name if code in tree else code, file=other.file))
    return diags


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
