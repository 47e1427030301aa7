"""From a workspace to a report's data: load, check, aggregate, compare.

The one place commands go to get an aggregate: it loads the data files
(stopping with every diagnostic if any file has errors, so nothing is
computed from bad data), aggregates the report period, the previous period
and the same period a year earlier, and checks the rules on the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from doanreport.load.pipeline import load_workspace
from doanreport.load.workspace import Workspace
from doanreport.model import placeholders
from doanreport.model.diagnostics import Diagnostic, has_errors, info, warning
from doanreport.model.errors import DiagnosticsError
from doanreport.model.facts import Facts, Number, Sourced
from doanreport.model.messages import Phrase
from doanreport.model.periods import Period
from doanreport.model.units import Tree
from doanreport.rollup.aggregation import NARRATIVE, Aggregate, aggregate, double_counts, index_by_unit, rule_warnings


@dataclass(frozen=True)
class Report:
    """A report's data: the aggregate, its comparisons and what was noticed."""

    agg: Aggregate
    previous: Aggregate | None
    last_year: Aggregate | None
    diagnostics: tuple[Diagnostic, ...]  # files set aside, rules broken in sum
    incomplete: tuple[Diagnostic, ...] = ()  # missing and partial units, months not covered
    months_covered: int = 0  # months of the period some used file covers
    nearby: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # missing or partial unit ->
    # (file, period label) of its files for periods near this one (a wrong period typed, a late file)
    shorter: Mapping[str, Mapping[str, Number]] = field(default_factory=dict)  # by file, for used files whose text
    # holds figures and that cover less than the period: the unit's figures (its own and its units') for the
    # file's months, of which that text speaks


def load_sources(ws: Workspace, use_cache: bool = True) -> list[Sourced]:
    """Every valid submission of the workspace, or stop with the diagnostics."""
    result = load_workspace(ws, use_cache=use_cache)
    if has_errors(result.diagnostics):
        raise DiagnosticsError(result.diagnostics, kind="data")
    return result.submissions


def build_report(ws: Workspace, unit: str | None, period: Period, sources: list[Sourced] | None = None,
                 use_cache: bool = True) -> Report:
    tree = ws.require_tree()
    code = ws.unit_code(unit)
    by_unit = index_by_unit(sources if sources is not None else load_sources(ws, use_cache))
    deadline = ws.config.deadline_day

    def compare(p: Period) -> Aggregate | None:
        """Figures of an earlier period, only where files cover every month of it:
        a comparison with a half-reported period would mislead."""
        covered = bytearray(p.months)
        for files in by_unit.values():
            for f in files:
                q = f.facts.period
                if p.contains(q):
                    covered[q.start - p.start:q.end - p.start] = b"\1" * q.months
        if not all(covered):
            return None
        other = aggregate(tree, ws.catalog, by_unit, code, p, deadline, detail=False)
        return other if other.values else None

    agg = aggregate(tree, ws.catalog, by_unit, code, period, deadline)
    doubled = double_counts(agg, by_unit, tree)
    if doubled:
        raise DiagnosticsError(doubled, kind="data")
    diags = rule_warnings(agg, ws.catalog) + set_aside_notes(agg) + list(agg.notes)
    if not agg.used:
        diags.append(warning("no-data", None, None, unit=agg.unit.name, period=period.label))
    covered = len({m for u in agg.used for m in u.period.month_indexes() if period.start <= m < period.end})
    part_files = {u.file for u in agg.used if u.period != period}
    shorter = {f.file: aggregate(tree, ws.catalog, by_unit, f.facts.unit, f.facts.period, deadline, detail=False).values
               for files in by_unit.values() for f in files if f.file in part_files and _has_placeholders(f.facts)}
    return Report(agg, compare(period.previous()), compare(period.year_earlier()), tuple(diags),
                  tuple(coverage_warnings(agg, tree, covered)), covered, nearby_files(agg, by_unit), shorter)


def _has_placeholders(facts: Facts) -> bool:
    return any(placeholders.OPEN in t for texts in facts.narrative.values() for t in texts)


NEAR = 12  # months either side of the period in which a unit's other files are shown


def nearby_files(agg: Aggregate, by_unit: Mapping[str, list[Sourced]]) -> dict[str, tuple[tuple[str, str], ...]]:
    """For each unit missing or partial, its files that lie near the period but not inside it."""
    p, done = agg.period, agg.completeness
    window = Period(p.start - NEAR, p.end + NEAR)
    out = {}
    for code in done.missing + done.partial:
        near = tuple((f.file, f.facts.period.label) for f in by_unit.get(code, ())
                     if window.overlaps(f.facts.period) and not p.contains(f.facts.period))
        if near:
            out[code] = near
    return out


def coverage_warnings(agg: Aggregate, tree: Tree, covered: int) -> list[Diagnostic]:
    """Which expected units have not reported, which covered only part of the
    period, and how many of its months the files cover, by name."""
    done, label = agg.completeness, agg.period.label
    out = []
    if done.missing:
        out.append(warning("units-missing", None, None, period=label, count=len(done.missing),
                           expected=len(done.expected), units=_some(tree[c].name for c in done.missing)))
    if done.partial:
        units = _some(Phrase("unit-months", {"name": tree[c].name, "covered": done.months[c], "months": done.active[c]})
                      for c in done.partial)
        out.append(warning("units-partial", None, None, period=label, count=len(done.partial), units=units))
    if agg.used and covered < agg.period.months:
        out.append(warning("months-short", None, None, period=label, covered=covered, months=agg.period.months))
    return out


NAMED = 30  # units named in one warning; the rest are counted


def _some(names: Iterable[str | Phrase]) -> tuple[str | Phrase, ...]:
    """The first names of a list, then how many more (`status` lists them all)."""
    names = list(names)
    more = (Phrase("and-more", {"count": len(names) - NAMED}),) if len(names) > NAMED else ()
    return tuple(names[:NAMED]) + more


def set_aside_notes(agg: Aggregate) -> list[Diagnostic]:
    """One note per file not used, or not used for everything it reports."""
    notes = []
    for a in agg.set_aside:
        code = f"set-aside-{a.reason}" + ("-items" if a.what else "")
        notes.append(info(code, a.file, None, period=agg.period.label, file_period=a.period.label,
                          instead=", ".join(a.instead), items=", ".join(_item_names(a.what))))
    return notes


def _item_names(what: frozenset[str]) -> list[str]:
    """Items as the file writes them: `tuyen_truyen.cuoc`, `narrative: kho_khan`, `highlights`."""
    return [f"narrative: {w[len(NARRATIVE):]}" if w.startswith(NARRATIVE) else w for w in sorted(what)]
