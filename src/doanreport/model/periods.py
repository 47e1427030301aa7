"""Report periods as half-open ranges of months, with their codes and labels.

A period is `[start, end)` counted in months since year 0 (month index
`year * 12 + month - 1`). Every written form of SPEC section 5 parses to one:
`2012`, `2012H1`, `2012Q1`, `2012M03` and ranges `A..B`. The canonical code is
the coarsest of those forms that fits exactly, so `2012M01..2012M03` is
`2012Q1`. Labels are the Vietnamese ones the reports use (`quý I/2012`).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property

QUARTER_NUMERALS = ("I", "II", "III", "IV")  # quý I .. quý IV

_ONE = re.compile(r"^(\d{4})(?:H(\d+)|Q(\d+)|M(\d{1,2}))?$")  # year, then half, quarter or month


class PeriodError(ValueError):
    """A period written wrongly; the message says why (Vietnamese, English)."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi = vi
        self.en = en


@dataclass(frozen=True, order=True)
class Period:
    """Months `[start, end)`, each an index `year * 12 + month - 1`."""

    start: int
    end: int

    def __reduce__(self) -> tuple:
        return (Period, (self.start, self.end))  # small in caches: no cached labels

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise PeriodError("kỳ kết thúc trước khi bắt đầu", "the period ends before it starts")

    # --- shape ----------------------------------------------------------
    @property
    def months(self) -> int:
        return self.end - self.start

    @property
    def years(self) -> int:
        """Whole years the period spans, to the nearest, halves up (48 months → 4, 30 → 3)."""
        return max(1, (self.months + 6) // 12)

    @property
    def first_year(self) -> int:
        return self.start // 12

    @property
    def last_year(self) -> int:
        return (self.end - 1) // 12

    @property
    def start_date(self) -> date:
        return date(self.start // 12, self.start % 12 + 1, 1)

    @property
    def end_date(self) -> date:
        """The last day of the period (inclusive)."""
        year, month = (self.end - 1) // 12, (self.end - 1) % 12 + 1
        return date(year, month, calendar.monthrange(year, month)[1])

    @cached_property
    def kind(self) -> str:
        """`year`, `half`, `quarter`, `month` or `range`."""
        return _kind(self.start, self.end)

    # --- algebra --------------------------------------------------------
    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Period) -> bool:
        return self.start < other.end and other.start < self.end

    def previous(self) -> Period:
        """The period of the same length just before this one."""
        return Period(self.start - self.months, self.start)

    def ahead(self) -> Period:
        """The period a report's tasks are for: the next month, quarter, half or
        year; the rest of the year after "9 tháng đầu năm"; the working year
        (the next 12 months) after a review of several years."""
        kind = self.kind
        if kind != "range":
            return Period(self.end, self.end + self.months)
        year_end = (self.start // 12 + 1) * 12
        if self.start % 12 == 0 and self.end < year_end:
            return Period(self.end, year_end)
        return Period(self.end, self.end + (12 if self.months >= 12 else self.months))

    def year_earlier(self) -> Period:
        return Period(self.start - 12, self.end - 12)

    def month_indexes(self) -> range:
        return range(self.start, self.end)

    # --- text -------------------------------------------------------------
    @cached_property
    def code(self) -> str:
        return _code(self.start, self.end, self.kind)

    @property
    def label(self) -> str:
        """The Vietnamese label: `quý I/2012`, `9 tháng đầu năm 2012`, ..."""
        return _label(self.start, self.end, self.kind)

    def cutoff_window(self) -> tuple[date, date]:
        """Nghị định 09/2019 data window: 15th of the month before to 14th of the last month."""
        before, last = self.start - 1, self.end - 1
        return date(before // 12, before % 12 + 1, 15), date(last // 12, last % 12 + 1, 14)

    def __str__(self) -> str:
        return self.code


def _kind(start: int, end: int) -> str:
    for kind, size in (("year", 12), ("half", 6), ("quarter", 3), ("month", 1)):
        if end - start == size and start % size == 0:
            return kind
    return "range"


def _code(start: int, end: int, kind: str) -> str:
    """The coarsest written form that fits exactly."""
    if kind != "range":
        return _single_code(start, kind)
    for kind, size in (("year", 12), ("half", 6), ("quarter", 3)):
        if start % size == 0 and end % size == 0:
            return f"{_single_code(start, kind)}..{_single_code(end - size, kind)}"
    return f"{_single_code(start, 'month')}..{_single_code(end - 1, 'month')}"


def _label(start: int, end: int, kind: str) -> str:
    year, last_year, n = start // 12, (end - 1) // 12, end - start
    first, last = start % 12 + 1, (end - 1) % 12 + 1
    if kind == "year":
        return f"năm {year}"
    if kind == "quarter":
        return f"quý {QUARTER_NUMERALS[start % 12 // 3]}/{year}"
    if kind == "month":
        return f"tháng {first}/{year}"
    if year == last_year:  # halves too: 6 tháng đầu năm, 6 tháng cuối năm
        if first == 1:
            return f"{n} tháng đầu năm {year}"
        if last == 12:
            return f"{n} tháng cuối năm {year}"
        return f"từ tháng {first} đến tháng {last} năm {year}"
    if n % 12 == 0 and n >= 24:
        return f"giai đoạn {year} – {last_year} ({n // 12:02d} năm)"
    return f"từ tháng {first}/{year} đến tháng {last}/{last_year}"


def _single_code(month: int, kind: str) -> str:
    """The code of the year, half, quarter or month that `month` falls in."""
    year, m = month // 12, month % 12  # m counts from 0
    if kind == "year":
        return f"{year}"
    if kind == "half":
        return f"{year}H{m // 6 + 1}"
    if kind == "quarter":
        return f"{year}Q{m // 3 + 1}"
    return f"{year}M{m + 1:02d}"


def _parse_one(text: str) -> Period:
    match = _ONE.match(text)
    if not match:
        raise PeriodError("không đúng dạng", "not a recognised form")
    year = int(match.group(1))
    if year < 1900 or year > 2200:
        raise PeriodError(f"năm {year} nằm ngoài khoảng 1900–2200", f"year {year} is outside 1900–2200")
    base = year * 12
    half, quarter, month = match.group(2, 3, 4)
    if half is not None:
        h = int(half)
        if h not in (1, 2):
            raise PeriodError(f"không có nửa năm H{h} (chỉ H1, H2)", f"there is no half year H{h} (H1 or H2)")
        return Period(base + 6 * (h - 1), base + 6 * h)
    if quarter is not None:
        q = int(quarter)
        if not 1 <= q <= 4:
            raise PeriodError(f"không có quý {q} (chỉ từ Q1 đến Q4)", f"there is no quarter {q} (Q1 to Q4)")
        return Period(base + 3 * (q - 1), base + 3 * q)
    if month is not None:
        m = int(month)
        if not 1 <= m <= 12:
            raise PeriodError(f"không có tháng {m} (chỉ từ 1 đến 12)", f"there is no month {m} (1 to 12)")
        return Period(base + m - 1, base + m)
    return Period(base, base + 12)


def parse(text: object) -> Period:
    """Parse a written period (case-insensitive); raise PeriodError if wrong."""
    if isinstance(text, bool) or not isinstance(text, (str, int)):
        raise PeriodError("cần ghi kỳ dạng chữ", "a period must be written as text")
    raw = str(text).strip().upper().replace(" ", "")
    if not raw:
        raise PeriodError("để trống", "it is empty")
    if ".." in raw:
        left, _, right = raw.partition("..")
        a, b = _parse_one(left), _parse_one(right)
        if b.start < a.start or b.end < a.end:
            raise PeriodError("kỳ sau «..» phải bắt đầu và kết thúc không sớm hơn kỳ trước «..»",
                              "the part after '..' must not start or end before the part before it")
        return Period(a.start, b.end)
    return _parse_one(raw)
