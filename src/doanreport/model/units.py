"""The organisation tree as values: unit kinds, levels, activity in time.

`Tree` is the checked, indexed tree everything else uses: units by code, tree
order, children, which units are active in a period and which are expected
to report. Reading and checking `units.yaml` is `load.tree`'s job.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from enum import Enum

from doanreport.model.periods import Period


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


@dataclass(frozen=True)
class Unit:
    """A unit in the checked tree."""

    code: str
    name: str
    kind: Kind
    children: tuple[str, ...]
    established: date | None
    dissolved: date | None
    reports: bool

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
