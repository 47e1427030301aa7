"""Completeness: who was expected to report for a period, and how each did.

`Reporting` is what one unit's files (or a rollup above it) say about that
unit: the months they cover, and whether any was late or undated.
`Completeness` gathers it for a subtree and combines over units like a
`Measure` does (`plus`), so the result of a subtree is its own unit's part
plus its children's results, in any order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True, slots=True)
class Reporting:
    """What is known of one unit's reporting over the report period."""

    months: frozenset[int] = frozenset()  # month indexes covered
    late: bool = False
    undated: bool = False

    def plus(self, other: Reporting) -> Reporting:
        return Reporting(self.months | other.months, self.late or other.late, self.undated or other.undated)


NOT_REPORTED = Reporting()


@dataclass(frozen=True)
class Completeness:
    """Expected reporters of a subtree (tree order), the months each was active,
    and how every unit reported. The lists a report needs are derived."""

    expected: tuple[str, ...] = ()
    active: Mapping[str, int] = field(default_factory=dict)  # expected unit -> months active in the period
    reporting: Mapping[str, Reporting] = field(default_factory=dict)

    def of(self, code: str) -> Reporting:
        return self.reporting.get(code, NOT_REPORTED)

    @cached_property
    def months(self) -> dict[str, int]:
        """Expected unit -> months of the period its files cover."""
        return {c: len(self.of(c).months) for c in self.expected}

    @cached_property
    def reported(self) -> tuple[str, ...]:
        """Sent files (or were covered by a rollup) for the period."""
        return tuple(c for c in self.expected if self.months[c])

    @cached_property
    def missing(self) -> tuple[str, ...]:
        return tuple(c for c in self.expected if not self.months[c])

    @cached_property
    def late(self) -> tuple[str, ...]:
        return tuple(c for c in self.reported if self.of(c).late)

    @cached_property
    def partial(self) -> tuple[str, ...]:
        """Reported, but for fewer months than they were active."""
        return tuple(c for c in self.reported if self.months[c] < self.active[c])

    @cached_property
    def undated(self) -> tuple[str, ...]:
        """Reported without a `submitted` date."""
        return tuple(c for c in self.reported if self.of(c).undated)


NO_COMPLETENESS = Completeness()


def plus(parts: Iterable[Completeness]) -> Completeness:
    """Combine over units: expected reporters in order, each unit's reporting merged."""
    expected: list[str] = []
    active: dict[str, int] = {}
    reporting: dict[str, Reporting] = {}
    for part in parts:
        expected += part.expected
        active.update(part.active)
        for code, r in part.reporting.items():
            known = reporting.get(code)
            reporting[code] = r if known is None else known.plus(r)
    return Completeness(tuple(expected), active, reporting)
