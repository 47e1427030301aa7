"""The figures inside a report's sentences: conventions, phrases, placeholders.

A report writes money one way (`14.236.000 đồng` or `14 triệu đồng`) and small
counts one way (`01 lớp` or `1 lớp`), everywhere: `Style` holds the choice and
gives the template filters `so` and `tien` that follow it. An indicator's
phrase (`tổ chức {n} cuộc tuyên truyền`) and a unit's placeholder
(`{{ tuyen_truyen.cuoc | so }}`) are filled here with the same writing. A
placeholder for a figure nobody reported becomes a visible gap, and the gap is
recorded for the command to name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from doanreport.model import placeholders
from doanreport.model.catalog import FIGURE, Catalog, Indicator
from doanreport.model.facts import Number
from doanreport.model.placeholders import Slot
from doanreport.report import vnformat
from doanreport.rollup.aggregation import Aggregate, Said

GAP = "……"  # a figure nobody reported, to fill in by hand (and named by `render`)
SMALL = 10  # counts below this are written with two digits when `padded`
ROMAN_MAX = 3999  # the largest Roman numeral; a larger figure is written in digits


@dataclass(frozen=True)
class Style:
    """How one report writes money and small counts."""

    money: str = "dong"  # "dong": 14.236.000 đồng; "trieu": 14 triệu đồng
    padded: bool = True  # 01 lớp, 08 đoàn cơ sở

    def so(self, value: float | int | None, decimals: int = 0) -> str:
        """A count: `3.399`, and `08` for a small whole one when padded."""
        if self.padded and decimals == 0 and value is not None and 0 < value < SMALL and value == int(value):
            return vnformat.hai_so(int(value))
        return vnformat.so(value, decimals)

    def tien(self, value: float | int | None, unit: str | None = None) -> str:
        return vnformat.tien(value, unit or self.money)

    def write(self, indicator: Indicator, value: float | int, name: str | None = None, arg: str | None = None) -> str:
        """A figure with a filter of the placeholder grammar, or as its kind is
        written by default: a rate in %, money in đồng, anything else a count."""
        if name is None:
            name = placeholders.FILTERS_FOR[indicator.figure_kind][0]
        if name == "so":
            return self.so(value)
        if name == "tien":
            return self.tien(value, arg)
        if name == "xap_xi":
            return vnformat.xap_xi(value) if value >= SMALL else self.so(value)
        if name == "pct":
            return vnformat.pct(value)
        if name == "hai_so":
            return vnformat.hai_so(int(value)) if 0 <= value < SMALL and value == int(value) else vnformat.so(value)
        if 0 < value <= ROMAN_MAX and value == int(value):  # "la_ma": the grammar knows no other
            return vnformat.la_ma(int(value))
        return self.so(value)  # no Roman numeral for it

    def phrase(self, indicator: Indicator, value: float | int) -> str:
        """The indicator's phrase with its figure: "tổ chức 219 cuộc tuyên truyền"."""
        return indicator.phrase.replace(FIGURE, self.write(indicator, value))

    def filters(self) -> dict[str, object]:
        return {"so": self.so, "tien": self.tien}


def figures_for(said: Said, shorter: Mapping[str, Mapping[str, Number]],
                by_unit: Mapping[str, Aggregate]) -> Mapping[str, Number]:
    """The figures a text speaks of: the writing unit's figures (its own and
    its units') for the months of its file when that file covers less than the
    period (a monthly file's text in a quarterly report), else its aggregate.
    A text a rollup passed on has none: the rollup filled what it could."""
    if said.path[0] != "narrative":
        return {}
    if said.file in shorter:
        return shorter[said.file]
    agg = by_unit.get(said.unit)
    return agg.values if agg is not None else {}


@dataclass(frozen=True)
class Gap:
    """A placeholder whose figure nobody reported: whose text, which code."""

    unit_name: str
    code: str
    source: str  # the placeholder as written
    nth: int  # how many times the same placeholder is written before it in the text
    file: str | None
    path: tuple[str | int, ...]


@dataclass
class Prose:
    """Fills the placeholders of a report's texts and remembers the gaps."""

    catalog: Catalog
    style: Style
    gaps: list[Gap] = field(default_factory=list)
    filled: dict[tuple[str | None, tuple], str] = field(default_factory=dict)  # (file, path) -> text as shown
    _gap_set: set[Gap] = field(default_factory=set, repr=False)

    def fill(self, text: str, values: Mapping[str, float | int], unit_name: str,
             file: str | None = None, path: tuple[str | int, ...] = ()) -> str:
        key = (file, path)
        if file is not None and key in self.filled:
            return self.filled[key]

        def write(slot: Slot) -> str:
            found = [values[c] for c in slot.codes if c in values and c in self.catalog]
            if not found:
                gap = Gap(unit_name, slot.codes[0], slot.source, text.count(slot.source, 0, slot.start), file, path)
                if gap not in self._gap_set:
                    self._gap_set.add(gap)
                    self.gaps.append(gap)
                return GAP
            return self.style.write(self.catalog[slot.codes[0]], sum(found), slot.filter, slot.arg)

        out = placeholders.fill(text, write)
        if file is not None:
            self.filled[key] = out
        return out

    def shown(self, file: str | None, path: tuple[str | int, ...], text: str) -> str:
        """A text as the report shows it (placeholders filled), if it was placed."""
        return self.filled.get((file, path), text)
