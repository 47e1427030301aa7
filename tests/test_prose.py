"""The figures inside sentences: one style per report, phrases, placeholders
filled and gaps recorded (report/prose.py), and the default phrase of an
indicator without one (model/catalog.py)."""

from __future__ import annotations

import pytest

from doanreport.model.catalog import Catalog, Indicator, default_phrase
from doanreport.report.prose import GAP, Prose, Style


def ind(code: str, unit: str, phrase: str = "", label: str = "Nhãn") -> Indicator:
    return Indicator(code=code, label=label, unit=unit, aggregate="sum", weight=None, help=None, source="t", phrase=phrase)


CATALOG = Catalog({i.code: i for i in (
    ind("tt.cuoc", "cuộc", "tổ chức {n} cuộc tuyên truyền"),
    ind("tt.luot", "lượt", "{n} lượt tham gia"),
    ind("sh.ty_le", "%", "tỷ lệ đạt {n}"),
    ind("tn.gia_tri", "đồng", "quà trị giá {n}"),
)}, {}, [])


@pytest.mark.parametrize(("value", "padded", "text"), [
    (8, True, "08"), (8, False, "8"), (0, True, "0"), (10, True, "10"), (3399, True, "3.399"),
    (8.5, True, "8"), (None, True, ""),
])
def test_small_counts_follow_the_reports_convention(value, padded, text):
    assert Style(padded=padded).so(value) == text


def test_money_follows_the_reports_convention_unless_the_writer_chose():
    assert Style().tien(14_236_000) == "14.236.000 đồng"
    assert Style(money="trieu").tien(14_236_000) == "14 triệu đồng"
    assert Style(money="trieu").tien(14_236_000, "dong") == "14.236.000 đồng"


@pytest.mark.parametrize(("code", "name", "arg", "value", "text"), [
    ("tt.cuoc", None, None, 5, "05"),
    ("sh.ty_le", None, None, 85.5, "85,5%"),
    ("tn.gia_tri", None, None, 20_400_000, "20.400.000 đồng"),
    ("tn.gia_tri", "tien", "trieu", 20_400_000, "20 triệu đồng"),
    ("tt.luot", "xap_xi", None, 2036, "hơn 2.000"),
    ("tt.luot", "pct", None, 40, "40%"),
    ("tt.cuoc", "hai_so", None, 4, "04"),
    ("tt.cuoc", "la_ma", None, 4, "IV"),
    ("tt.cuoc", "la_ma", None, 4000, "4.000"),
    ("tt.cuoc", "la_ma", None, 0, "0"),
    ("tt.cuoc", "so", None, 1234, "1.234"),
])
def test_a_figure_is_written_by_its_filter_or_its_kind(code, name, arg, value, text):
    assert Style().write(CATALOG[code], value, name, arg) == text


def test_a_phrase_takes_its_figure():
    assert Style().phrase(CATALOG["tt.cuoc"], 219) == "tổ chức 219 cuộc tuyên truyền"
    assert Style(padded=False).phrase(CATALOG["tt.cuoc"], 2) == "tổ chức 2 cuộc tuyên truyền"


def test_fill_writes_sums_and_leaves_a_gap_where_nothing_was_reported():
    prose = Prose(CATALOG, Style())
    values = {"tt.cuoc": 6, "tt.luot": 27}
    text = "Có {{ tt.cuoc + tt.luot }} việc, {{ tt.luot | xap_xi }} lượt, {{ tn.gia_tri }}, {{ tn.gia_tri }}."
    out = prose.fill(text, values, "Chi đoàn A", "a.yaml", ("narrative", "k", 0))
    assert out == f"Có 33 việc, 27 lượt, {GAP}, {GAP}."
    assert [(g.code, g.nth, g.unit_name) for g in prose.gaps] == [("tn.gia_tri", 0, "Chi đoàn A"), ("tn.gia_tri", 1, "Chi đoàn A")]
    assert prose.shown("a.yaml", ("narrative", "k", 0), text) == out
    assert prose.shown("b.yaml", (), "khác") == "khác"
    prose.fill(text, values, "Chi đoàn A", "a.yaml", ("narrative", "k", 0))  # placed twice: one gap each still
    assert len(prose.gaps) == 2


def test_a_sum_with_one_part_reported_is_that_part():
    assert Prose(CATALOG, Style()).fill("{{ tt.cuoc + tt.luot }}", {"tt.luot": 12}, "X") == "12"


@pytest.mark.parametrize(("label", "unit", "phrase"), [
    ("Mùng được tẩm hóa chất", "cái", "{n} cái mùng được tẩm hóa chất"),
    ("Hoạt động, đợt tình nguyện", "hoạt động", "{n} hoạt động, đợt tình nguyện"),
    ("Hoạt động", "hoạt động", "{n} hoạt động"),
    ("Hoạt độngx", "hoạt động", "{n} hoạt động hoạt độngx"),
    ("ĐVTN tham gia hiến máu", "lượt", "{n} lượt ĐVTN tham gia hiến máu"),
    ("Đoàn viên mới", "đoàn viên", "{n} đoàn viên mới"),
    ("Đoàn phí thu được", "đồng", "Đoàn phí thu được {n}"),
    ("Tỷ lệ đoàn viên đóng đoàn phí", "%", "tỷ lệ đoàn viên đóng đoàn phí đạt {n}"),
    ("Bác Hồ và thanh niên", "cuộc", "{n} cuộc Bác Hồ và thanh niên"),
    ("Số buổi sinh hoạt chuyên đề", "buổi", "{n} buổi sinh hoạt chuyên đề"),
    ("Tổng số đoàn viên", "đoàn viên", "{n} đoàn viên"),
    ("Hồ Chí Minh - những bài học", "buổi", "{n} buổi Hồ Chí Minh - những bài học"),
    ("Hội thi tin học", "hội thi", "{n} hội thi tin học"),
    ("Nhà tình nghĩa xây mới", "căn", "{n} căn nhà tình nghĩa xây mới"),
])
def test_an_indicator_without_a_phrase_gets_one_from_its_label_and_unit(label, unit, phrase):
    assert default_phrase(label, unit) == phrase
    assert ind("g.x", unit, label=label).phrase == phrase
