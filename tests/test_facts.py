"""Unit tests of `doanreport.model.facts`: the light records aggregation works on."""

from __future__ import annotations

import pickle
import textwrap

import yaml

from doanreport.load.submission import Submission
from doanreport.model.facts import Facts, Highlight, RollupCompleteness
from doanreport.model.periods import parse


def facts(text: str) -> Facts:
    return Submission.model_validate(yaml.safe_load(textwrap.dedent(text))).facts()


def test_facts_of_a_rollup_file():
    got = facts("""
        unit: dcs
        period: 2012m01..2012m03
        scope: rollup
        submitted: 2012-04-05
        values: {tuyen_truyen: {cuoc: 3, luot_tham_gia: null}, to_chuc: null}
        highlights: [{kind: mo_hinh, name: Mô hình X, unit: cd-x}]
        narrative: {han_che: Còn ít., kho_khan: [Một., Hai.], thuan_loi: [], kien_nghi: null}
        coverage: {tuyen_truyen.cuoc: 2}
        weights: {}
        completeness: {expected: [cd-x, cd-y], reported: [cd-x], missing: [cd-y], months: {cd-x: 2}}
    """)
    assert got.unit == "dcs" and got.period == parse("2012Q1") and got.scope == "rollup"
    assert got.values == {"tuyen_truyen.cuoc": 3}
    assert got.highlights == (Highlight(kind="mo_hinh", name="Mô hình X", unit="cd-x"),)
    assert got.narrative == {"han_che": ("Còn ít.",), "kho_khan": ("Một.", "Hai.")}
    assert got.coverage == {"tuyen_truyen.cuoc": 2} and got.weights == {}
    assert got.completeness == RollupCompleteness(expected=("cd-x", "cd-y"), reported=("cd-x",), missing=("cd-y",),
                                                  months={"cd-x": 2})


def test_rollup_completeness_defaults_to_nobody_and_no_months():
    done = RollupCompleteness()
    assert done.months == {} and done.expected == done.reported == done.late == done.missing == ()
    assert done.partial == done.undated == ()
    assert RollupCompleteness(months={"a": 1}).months == {"a": 1}
    assert RollupCompleteness(months={}).months == {}


def test_facts_by_name_round_trips_and_pickles():
    got = facts("unit: a\nperiod: 2012\nvalues: {tuyen_truyen: {cuoc: 1}}")
    fields = got.by_name()
    assert list(fields) == ["unit", "period", "scope", "submitted", "values", "highlights", "narrative",
                            "coverage", "weights", "completeness", "unit_narrative"]
    assert fields["unit"] == "a" and fields["scope"] == "own" and fields["coverage"] is None
    assert Facts(**fields) == got
    assert pickle.loads(pickle.dumps(got)) == got


def test_highlight_defaults():
    h = Highlight(kind="ca_nhan", name="Nguyễn Văn A")
    assert (h.unit, h.unit_name, h.program, h.role, h.description) == (None, None, None, None, None)
