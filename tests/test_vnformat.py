"""Vietnamese number, money and date formats (the template filters)."""

from __future__ import annotations

from datetime import date

import pytest

from doanreport.report.vnformat import hai_so, la_ma, ngay, pct, so, so_tp, tien, xap_xi


@pytest.mark.parametrize(("value", "text"), [
    (0, "0"), (7, "7"), (999, "999"), (1000, "1.000"), (3399, "3.399"), (1_000_000, "1.000.000"),
    (-1234, "-1.234"), (2145.4, "2.145"), (None, ""),
])
def test_so(value, text):
    assert so(value) == text


@pytest.mark.parametrize(("value", "decimals", "text"), [
    (85.5, 1, "85,5"), (85.0, 1, "85"), (1234.56, 2, "1.234,56"), (-12.5, 1, "-12,5"), (0.04, 1, "0"),
    (1000.25, 1, "1.000,2"), (None, 1, ""),
])
def test_so_tp(value, decimals, text):
    assert so_tp(value, decimals) == text


@pytest.mark.parametrize(("value", "text"), [
    (85.5, "85,5%"), (100, "100%"), (100.0, "100%"), (0, "0%"), (13.25, "13,2%"), (1.3, "1,3%"), (None, ""),
])
def test_pct(value, text):
    assert pct(value) == text


def test_pct_whole():
    assert pct(28.57, 0) == "29%"


@pytest.mark.parametrize(("value", "unit", "text"), [
    (14_236_000, "dong", "14.236.000 đồng"),
    (14_236_000, "trieu", "14 triệu đồng"),
    (20_000_000, "trieu", "20 triệu đồng"),
    (3_600_000, "trieu", "3,6 triệu đồng"),
    (110_000_000, "trieu", "110 triệu đồng"),
    (1_250_000_000, "ty", "1,25 tỷ đồng"),
    (0, "dong", "0 đồng"),
])
def test_tien(value, unit, text):
    assert tien(value, unit) == text


@pytest.mark.parametrize(("day", "text"), [
    (date(2013, 5, 8), "ngày 08 tháng 5 năm 2013"),
    ("2013-02-05", "ngày 05 tháng 02 năm 2013"),
    (date(2013, 1, 15), "ngày 15 tháng 01 năm 2013"),
    (date(2013, 12, 31), "ngày 31 tháng 12 năm 2013"),
])
def test_ngay(day, text):
    assert ngay(day) == text


def test_roman_and_two_digits_and_approximations():
    assert [la_ma(n) for n in (1, 4, 9, 14, 40)] == ["I", "IV", "IX", "XIV", "XL"]
    assert hai_so(4) == "04" and hai_so(12) == "12" and hai_so(None) == ""
    assert xap_xi(6947) == "hơn 6.900"
    assert xap_xi(6900) == "6.900"
    assert xap_xi(85) == "85"
    assert xap_xi(1_000_001) == "hơn 1.000.000"
