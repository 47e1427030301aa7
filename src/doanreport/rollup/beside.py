"""A rollup beside the rest of its branch: files for other months of the period.

A rollup stands for its branch's months; files below it for other months
still count. Sums simply add. A stock (`last`) both state, and the units
counted by both, need care, since a rollup is a sum without its units'
figures. Which units a rollup covers comes from its completeness (reported,
or expected and not missing); which units the rest covers, from their files:

- no unit in common: both add (different units, each counted once);
- the rollup is later: it supersedes the earlier files of the units it
  covers, and only theirs (exact);
- the rest is later and covers every unit the rollup does: the rollup's
  stock is superseded (exact);
- the rest is later but not for every unit the rollup covers: the rollup's
  stands for its units, since its sum cannot be split by unit, and a warning
  says so (`stock-mixed`).

A unit counted by both is counted once in the coverage.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from doanreport.model.facts import Sourced
from doanreport.model.units import Tree
from doanreport.rollup.measures import Measure

EVER = 10**9  # a month after every period


@dataclass(frozen=True)
class Beside:
    """What to do with a rollup's stocks and coverage beside the rest."""

    drop: frozenset[str]  # stocks the rest gives in the rollup's place
    stale: Mapping[str, tuple[int, frozenset[str]]]  # stocks the rollup gives in the rest's place:
    # code -> (last month superseded, the units whose files it supersedes)
    overlap: Mapping[str, int]  # code -> units counted by both
    mixed: tuple[str, ...]  # stocks whose sources cover the units differently


def covered_units(rollups: Iterable[Sourced], tree: Tree) -> frozenset[str]:
    """The units the rollups say they cover."""
    out: set[str] = set()
    for r in rollups:
        done = r.facts.completeness
        if done is None:  # a rollup that does not say: every unit of its branch expected to report
            out.update(u.code for u in tree.subtree(r.facts.unit) if u.reports)
        else:
            out.update(done.reported or (c for c in done.expected if c not in done.missing))
    return frozenset(out)


def decide(rollup: Measure, rest: Measure, mine: frozenset[str], theirs: Callable[[str], frozenset[str]]) -> Beside:
    """`mine`: the units the rollup covers; `theirs(code)`: the units below whose
    files give `code` beside it."""
    drop: set[str] = set()
    stale: dict[str, tuple[int, frozenset[str]]] = {}
    mixed: list[str] = []
    overlap = {code: len(mine & theirs(code)) for code in rollup.coverage if code in rest.coverage}
    for code, month in rollup.asof.items():
        if code not in rest.asof or not mine & theirs(code):
            continue
        if month > rest.asof[code]:
            stale[code] = (month, mine)
        elif theirs(code) >= mine:
            drop.add(code)
        else:
            stale[code] = (EVER, mine)
            mixed.append(code)
    for code in stale:  # the rest no longer counts the rollup's units for these
        overlap.pop(code, None)
    return Beside(frozenset(drop), stale, overlap, tuple(mixed))


def alongside(rollup: Measure, beside: Beside) -> Measure:
    """What the rollup adds to the rest: its stocks but the dropped ones, and
    its coverage less the units the rest counts already."""
    values = {code: v for code, v in rollup.values.items() if code not in beside.drop}
    coverage = {code: n - beside.overlap.get(code, 0) for code, n in rollup.coverage.items()
                if n > beside.overlap.get(code, 0)}
    asof = {code: m for code, m in rollup.asof.items() if code not in beside.drop}
    return Measure(values, rollup.means, coverage, asof)
