"""The schema of a submission: one unit's figures for one period.

Values are `group: {name: number}`; absent or null means "not reported", 0
means "reported, none". Highlights are the models, projects and people a unit
puts forward; narrative is its free text by report section.
"""

from __future__ import annotations

import sys
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import Field, PlainValidator
from pydantic_core import PydanticCustomError

from doanreport.load.schema import NumberField, Record, Slug, Text, UnitCode
from doanreport.model import periods
from doanreport.model.facts import Facts, Highlight, RollupCompleteness, UnitText

NARRATIVE_KEYS = (
    "chi_dao",
    "trien_khai",
    "danh_gia_chung",
    "thuan_loi",
    "kho_khan",
    "han_che",
    "nguyen_nhan",
    "kinh_nghiem",
    "kien_nghi",
    "phuong_huong",
)
# Further sections the built-in templates ask for, besides one per indicator
# group (the text about `tuyen_truyen` goes under `tuyen_truyen`, ...).
TEMPLATE_KEYS = ("mo_dau", "mo_hinh", "nhan_dan", "cai_cach_hanh_chinh")
ROLLUP_ONLY = ("coverage", "weights", "completeness", "unit_narrative")


def _period(value: Any) -> periods.Period:
    if isinstance(value, periods.Period):
        return value
    try:
        return periods.parse(value)
    except periods.PeriodError as exc:
        raise PydanticCustomError("doan_period", "{en}", {"vi": exc.vi, "en": exc.en}) from None


PeriodField = Annotated[periods.Period, PlainValidator(_period)]


class HighlightEntry(Record):
    """A model, project, task, person or collective put forward (điển hình)."""

    kind: Literal["mo_hinh", "cong_trinh", "phan_viec", "ca_nhan", "tap_the"]
    name: Text
    program: Slug | None = None
    role: str | None = None
    description: str | None = None
    unit: UnitCode | None = None  # the unit it comes from, when not the file's own (rollups)
    unit_name: str | None = None


class CompletenessEntry(Record):
    """Who, below a rollup's unit, was expected to report and how they did."""

    expected: list[UnitCode] = []
    reported: list[UnitCode] = []
    late: list[UnitCode] = []
    missing: list[UnitCode] = []
    partial: list[UnitCode] = []
    undated: list[UnitCode] = []
    months: dict[UnitCode, Annotated[int, Field(ge=0)]] = {}


class UnitTextEntry(Record):
    """One item of what a unit below a rollup's unit wrote."""

    unit: UnitCode
    unit_name: str | None = None
    key: Slug
    text: Text
    figures: dict[str, NumberField] | None = None  # what the text states, as the rollup filled it in


class Submission(Record):
    """One file of data/: a unit's figures for a period."""

    unit: UnitCode
    period: PeriodField
    scope: Literal["own", "rollup"] = "own"
    submitted: date | None = None
    prepared_by: str | None = None
    values: dict[Slug, dict[Slug, NumberField | None] | None] = {}
    highlights: list[HighlightEntry] | None = None
    narrative: dict[Slug, str | list[Text] | None] = {}
    # rollup files only: how many units reported each indicator, the weight
    # behind each rate, and the completeness of the subtree they summarise
    coverage: dict[str, Annotated[int, Field(ge=0)]] | None = None
    weights: dict[str, NumberField] | None = None
    completeness: CompletenessEntry | None = None
    unit_narrative: list[UnitTextEntry] | None = None

    def facts(self) -> Facts:
        """The light, immutable form aggregation works on."""
        done = self.completeness
        return Facts(
            unit=sys.intern(self.unit),
            period=self.period,
            scope=self.scope,
            submitted=self.submitted,
            values=self.value_items(),
            highlights=tuple(Highlight(**h.model_dump()) for h in self.highlights or ()),
            narrative={k: tuple(self.narrative_items(k)) for k in self.narrative if self.narrative_items(k)},
            coverage=self.coverage,
            weights=self.weights,
            completeness=None if done is None else RollupCompleteness(
                **{k: tuple(v) for k, v in done.model_dump().items() if k != "months"}, months=dict(done.months)),
            unit_narrative=tuple(UnitText(**t.model_dump()) for t in self.unit_narrative or ()),
        )

    def value_items(self) -> dict[str, float | int]:
        """Reported values by full indicator code (`group.name`), nulls left out."""
        return {  # codes interned: thousands of files share one copy, in memory and in the cache
            sys.intern(f"{group}.{name}"): value
            for group, items in self.values.items()
            if items
            for name, value in items.items()
            if value is not None
        }

    def narrative_items(self, key: str) -> list[str]:
        text = self.narrative.get(key)
        if text is None:
            return []
        return [text] if isinstance(text, str) else list(text)
