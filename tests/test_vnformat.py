"""Vietnamese number, money and date formats (the template filters)."""

from __future__ import annotations

from datetime import date

import pytest

from doanreport.report.vnformat import figure, hai_so, la_ma, ngay, pct, so, so_tp, tien, xap_xi


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
    assert xap_xi(6947) == "gần 7.000"
    assert xap_xi(6900) == "6.900"
    assert xap_xi(85) == "85"
    assert xap_xi(1_000_001) == "hơn 1.000.000"


@pytest.mark.parametrize(("n", "text"), [
    (1, "I"), (2, "II"), (3, "III"), (4, "IV"), (5, "V"), (6, "VI"), (8, "VIII"), (9, "IX"), (10, "X"),
    (14, "XIV"), (19, "XIX"), (40, "XL"), (44, "XLIV"), (49, "XLIX"), (50, "L"), (90, "XC"), (99, "XCIX"),
    (100, "C"), (400, "CD"), (500, "D"), (900, "CM"), (1000, "M"), (1994, "MCMXCIV"), (2013, "MMXIII"),
    (3999, "MMMCMXCIX"), (0, ""),
])
def test_la_ma(n, text):
    assert la_ma(n) == text


@pytest.mark.parametrize(("value", "decimals", "text"), [
    (1234.5, 1, "1.234,5"), (-1234.5, 1, "-1.234,5"), (1234567.891, 2, "1.234.567,89"), (0.5, 0, "0"), (1.5, 0, "2"),
    (999.96, 1, "1.000,0"), (12, 2, "12,00"),
])
def test_so_with_decimals(value, decimals, text):
    assert so(value, decimals) == text


@pytest.mark.parametrize(("value", "text"), [
    (85.55, "85,5"), (85.56, "85,6"), (7, "7"), (0, "0"), (12345.0, "12.345"), (12345.1, "12.345,1"), (100.04, "100"),
])
def test_so_tp_default_one_decimal(value, text):
    assert so_tp(value) == text


def test_so_tp_keeps_zeros_of_the_integer_part():
    assert so_tp(100.0, 2) == "100" and so_tp(1000, 1) == "1.000" and so_tp(10.10, 2) == "10,1"


@pytest.mark.parametrize(("value", "decimals", "text"), [(85.55, 2, "85,55%"), (85.55, 0, "86%"), (99.95, 1, "99,95%")])
def test_pct_decimals(value, decimals, text):
    assert pct(value, decimals) == text


@pytest.mark.parametrize(("value", "unit", "text"), [
    (14_236_000, None, "14.236.000 đồng"),
    (9_960_000, "trieu", "10 triệu đồng"),  # under ten millions: one decimal, rounded
    (9_940_000, "trieu", "9,9 triệu đồng"),
    (10_400_000, "trieu", "10 triệu đồng"),
    (10_600_000, "trieu", "11 triệu đồng"),
    (500_000, "trieu", "500.000 đồng"),
    (2_000_000_000, "ty", "2 tỷ đồng"),
    (1_234_567_890, "ty", "1,23 tỷ đồng"),
    (None, "trieu", ""),
    (None, "dong", ""),
])
def test_tien_more(value, unit, text):
    assert (tien(value) if unit is None else tien(value, unit)) == text


def test_ngay_blank_and_padding():
    assert ngay(None) == "ngày    tháng    năm"
    assert ngay(date(2013, 3, 1)) == "ngày 01 tháng 3 năm 2013"
    assert ngay(date(2013, 2, 28)) == "ngày 28 tháng 02 năm 2013"
    assert ngay(date(2013, 10, 9)) == "ngày 09 tháng 10 năm 2013"
    assert ngay("2012-04-08") == "ngày 08 tháng 4 năm 2012"


@pytest.mark.parametrize(("n", "text"), [(0, "00"), (9, "09"), (10, "10"), (100, "100"), (None, "")])
def test_hai_so(n, text):
    assert hai_so(n) == text


@pytest.mark.parametrize(("value", "text"), [
    (None, ""), (0, "0"), (99, "99"), (99.7, "99"), (100, "100"), (101, "hơn 100"), (109, "hơn 100"), (110, "110"),
    (999, "gần 1.000"), (1000, "1.000"), (1050, "hơn 1.000"), (3399, "hơn 3.300"), (5260, "hơn 5.200"),
    (12_345, "hơn 12.000"), (6947.9, "gần 7.000"), (494, "gần 500"), (2036, "hơn 2.000"), (1_000_001, "hơn 1.000.000"),
    (1060, "hơn 1.000"), (940, "940"), (943, "hơn 900"), (951, "gần 1.000"), (1234, "hơn 1.200"),
])
def test_xap_xi(value, text):
    assert xap_xi(value) == text


def test_figure_by_the_indicator_unit():
    from doanreport.model.catalog import Indicator

    def ind(unit: str) -> Indicator:
        return Indicator(code="g.x", label="X", unit=unit, aggregate="sum", weight=None, help=None, source="t")

    assert figure(ind("%"), 85.55) == "85,5" and figure(ind("%"), 100.0) == "100"
    assert figure(ind("lượt"), 3399) == "3.399" and figure(ind("lượt"), 2145.6) == "2.146"
    assert figure(ind("%"), None) == figure(ind("lượt"), None) == ""


def test_tien_divides_by_exactly_a_million_and_a_thousand_millions():
    assert tien(1_050_000, "trieu") == "1,1 triệu đồng"
    assert tien(10_000_000, "trieu") == "10 triệu đồng"
    assert tien(2_135_000_001, "ty") == "2,14 tỷ đồng"
    assert tien(999_999_999_999, "ty") == "1.000 tỷ đồng"


@pytest.mark.parametrize(("value", "unit", "text"), [
    (36_000, "trieu", "36.000 đồng"), (999_999, "trieu", "999.999 đồng"), (1_500_000, "trieu", "1,5 triệu đồng"),
    (20_400_000, "trieu", "20 triệu đồng"), (500_000, "ty", "500.000 đồng"), (250_000_000, "ty", "250 triệu đồng"),
    (1_250_000_000, "ty", "1,25 tỷ đồng"),
])
def test_a_small_sum_is_never_zero_millions(value, unit, text):
    assert tien(value, unit) == text
