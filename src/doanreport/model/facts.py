"""The facts of one valid submission: what aggregation needs, as plain values.

`Facts` is light to cache, to send between processes and to keep by the
thousand; `Highlight` is a model, project or person put forward (điển hình);
`RollupCompleteness` and `UnitText` are what a rollup file says about the
units below it (who reported, what they wrote);
`Sourced` pairs facts with the file they came from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from doanreport.model.periods import Period

Number = int | float


@dataclass(frozen=True, slots=True, kw_only=True)
class Highlight:
    """A model, project, task, person or collective put forward (điển hình).

    `unit` and `unit_name` name the unit it comes from: in a file, only when it
    is not the file's own unit (rollups); in an aggregate, always.
    """

    unit: str | None = None
    unit_name: str | None = None
    kind: str
    name: str
    program: str | None = None
    role: str | None = None
    description: str | None = None
    file: str | None = None  # in an aggregate: the file it was read from,
    index: int | None = None  # and its place in that file's list


@dataclass(frozen=True, slots=True)
class UnitText:
    """A narrative item a rollup passes on from a unit below it."""

    unit: str
    unit_name: str | None
    key: str
    text: str
    figures: Mapping[str, Number] | None = None  # the figures of that unit the text states (filled in by the rollup)


@dataclass(frozen=True, slots=True)
class RollupCompleteness:
    """Who, below a rollup's unit, was expected to report and how they did."""

    expected: tuple[str, ...] = ()
    reported: tuple[str, ...] = ()
    late: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    partial: tuple[str, ...] = ()
    undated: tuple[str, ...] = ()
    months: Mapping[str, int] = None  # type: ignore[assignment]  # unit -> months covered

    def __post_init__(self) -> None:
        if self.months is None:
            object.__setattr__(self, "months", {})


@dataclass(frozen=True, slots=True)
class Facts:
    """What aggregation needs of a valid submission."""

    unit: str
    period: Period
    scope: str  # "own" or "rollup"
    submitted: date | None
    values: dict[str, Number]  # by full code (`group.name`), nulls left out
    highlights: tuple[Highlight, ...]
    narrative: dict[str, tuple[str, ...]]  # section key -> items, empty sections left out
    coverage: dict[str, int] | None  # rollups: units that reported each indicator
    weights: dict[str, Number] | None  # rollups: the weight behind each rate
    completeness: RollupCompleteness | None  # rollups: the subtree's completeness
    unit_narrative: tuple[UnitText, ...] = ()  # rollups: what the units below wrote

    def by_name(self) -> dict[str, Any]:
        """The fields by name: how the cache keeps them, so a new field never
        shifts the others."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, slots=True)
class Sourced:
    """A valid submission's facts and the file they came from.

    `source` is where positions for messages come from: the parsed document,
    or a path to read it from again (loading knows which).
    """

    file: str
    facts: Facts
    source: Any = None
