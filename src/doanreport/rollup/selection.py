"""Choosing which of a unit's files count for a report period (SPEC §6, step 1).

Files whose period lies inside the report period are candidates; a file that
only partly overlaps it is set aside. Among overlapping candidates the chosen
set is the one that covers the most months, then the one with the fewest
files (a unit's own 6-month report over its two quarterly ones). That is
weighted interval scheduling, solved exactly by dynamic programming.

The choice is made per item a file reports (an indicator, a narrative
section, the highlights): a file displaces another only for what both report
(`choose_by_item`), so a text-only 6-month file never hides quarterly figures.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from doanreport.model.periods import Period

T = TypeVar("T")


@dataclass(frozen=True)
class SetAside(Generic[T]):
    """A file not used, and why: `partial` (straddles the report period) or
    `overlap` (another file of the same unit covers its months)."""

    item: T
    reason: str
    instead: tuple[T, ...] = ()
    what: frozenset[str] = frozenset()  # the items it was set aside for, if not all it reports


def choose(items: Sequence[T], periods: Sequence[Period], report: Period) -> tuple[list[T], list[SetAside[T]]]:
    """The items to use for `report` (in time order) and those set aside."""
    inside: list[tuple[Period, int]] = []
    aside: list[SetAside[T]] = []
    for i, period in enumerate(periods):
        if report.contains(period):
            inside.append((period, i))
        elif report.overlaps(period):
            aside.append(SetAside(items[i], "partial"))
    chosen = _best(inside)
    chosen_set = set(chosen)
    for period, i in inside:
        if i not in chosen_set:
            rivals = tuple(items[j] for j in chosen if periods[j].overlaps(period))
            aside.append(SetAside(items[i], "overlap", rivals))
    return [items[i] for i in chosen], aside


@dataclass(frozen=True)
class Choice(Generic[T]):
    """The files chosen for some items: the same files for each of them."""

    what: frozenset[str]
    files: tuple[T, ...]  # in time order


def choose_by_item(items: Sequence[T], periods: Sequence[Period], reports: Sequence[frozenset[str]],
                   report: Period) -> tuple[list[Choice[T]], list[SetAside[T]]]:
    """`choose` for each item on its own: among the files inside `report` that
    report it. Items with the same candidate files share one choice; a file set
    aside for some items is listed once, with those items."""
    inside = [i for i, p in enumerate(periods) if report.contains(p)]
    aside: list[SetAside[T]] = [SetAside(items[i], "partial") for i, p in enumerate(periods)
                                if not report.contains(p) and report.overlaps(p)]
    candidates: dict[tuple[int, ...], set[str]] = {}
    distinct = {reports[i] for i in inside}
    if len(distinct) == 1:  # the common case: every file reports the same items
        candidates[tuple(inside)] = set(next(iter(distinct)))
    else:
        for what in {w for i in inside for w in reports[i]}:
            candidates.setdefault(tuple(i for i in inside if what in reports[i]), set()).add(what)
    choices: list[Choice[T]] = []
    lost: dict[int, tuple[set[str], set[int]]] = {}
    for group, what in sorted(candidates.items()):
        chosen = _best([(periods[i], i) for i in group])
        choices.append(Choice(frozenset(what), tuple(items[i] for i in chosen)))
        for i in set(group) - set(chosen):
            names, rivals = lost.setdefault(i, (set(), set()))
            names |= what
            rivals.update(j for j in chosen if periods[j].overlaps(periods[i]))
    for i, (names, rivals) in sorted(lost.items()):
        what = frozenset(names) if names != reports[i] else frozenset()  # empty: the whole file
        aside.append(SetAside(items[i], "overlap", tuple(items[j] for j in sorted(rivals)), what))
    return choices, aside


def _best(inside: list[tuple[Period, int]]) -> list[int]:
    """Indexes of a non-overlapping subset: most months, then fewest files.

    Ties beyond that go to the files that end first, then to the
    earliest-listed, so the choice does not depend on the order files were
    read in as long as callers sort them.
    """
    if not inside:
        return []
    ordered = sorted(inside, key=lambda pi: (pi[0].end, pi[0].start, pi[1]))
    ends = [p.end for p, _ in ordered]
    # best[k] = ((months, -files), chosen indexes) using the first k intervals
    best: list[tuple[tuple[int, int], tuple[int, ...]]] = [((0, 0), ())]
    for k, (period, index) in enumerate(ordered):
        (months, neg_files), picked = best[bisect_right(ends, period.start)]  # after those ending by its start
        take = ((months + period.months, neg_files - 1), picked + (index,))
        skip = best[k]
        best.append(take if take[0] > skip[0] else skip)
    start = {i: p.start for p, i in inside}
    return sorted(best[-1][1], key=lambda i: start[i])  # chosen periods never share a start
