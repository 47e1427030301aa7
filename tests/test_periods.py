"""Unit tests of `doanreport.periods` (SPEC section 5: written forms, codes, labels)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from doanreport.model.periods import Period, PeriodError, parse


def months(year: int, month: int) -> int:
    """Month index as the module counts it (`year * 12 + month - 1`)."""
    return year * 12 + month - 1


# --- parsing every written form -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2012", months(2012, 1), months(2013, 1)),
        ("2012H1", months(2012, 1), months(2012, 7)),
        ("2012H2", months(2012, 7), months(2013, 1)),
        ("2012Q1", months(2012, 1), months(2012, 4)),
        ("2012Q2", months(2012, 4), months(2012, 7)),
        ("2012Q3", months(2012, 7), months(2012, 10)),
        ("2012Q4", months(2012, 10), months(2013, 1)),
        ("2012M03", months(2012, 3), months(2012, 4)),
        ("2012M3", months(2012, 3), months(2012, 4)),
        ("2012M12", months(2012, 12), months(2013, 1)),
        ("2012Q1..2012Q3", months(2012, 1), months(2012, 10)),
        ("2009M06..2013M05", months(2009, 6), months(2013, 6)),
        ("2012H2..2013Q1", months(2012, 7), months(2013, 4)),
    ],
)
def test_parse_forms(text: str, start: int, end: int) -> None:
    assert parse(text) == Period(start, end)


@pytest.mark.parametrize(
    ("text", "code"),
    [("2012q1", "2012Q1"), (" 2012Q1 ", "2012Q1"), ("2012h1", "2012H1"), ("2012m03", "2012M03"), ("2012m3", "2012M03")],
)
def test_parse_is_case_insensitive_and_trims(text: str, code: str) -> None:
    assert parse(text).code == code


def test_parse_range_case_insensitive_with_spaces() -> None:
    assert parse("2012q1 .. 2012q3") == parse("2012Q1..2012Q3")


def test_parse_accepts_a_yaml_integer_year() -> None:
    # `period: 2012` in YAML arrives as the int 2012.
    assert parse(2012) == parse("2012")


def test_parse_range_of_identical_ends_is_that_period() -> None:
    assert parse("2012Q2..2012Q2") == parse("2012Q2")


# --- canonical codes ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("2012", "2012"),
        ("2012h2", "2012H2"),
        ("2012q4", "2012Q4"),
        ("2012m3", "2012M03"),
        ("2012M01..2012M03", "2012Q1"),
        ("2012M01..2012M06", "2012H1"),
        ("2012Q3..2012Q4", "2012H2"),
        ("2012Q1..2012Q4", "2012"),
        ("2012H1..2012H2", "2012"),
        ("2012M01..2012M12", "2012"),
        ("2012M04..2012M06", "2012Q2"),
        ("2012M05..2012M05", "2012M05"),
        ("2012Q1..2012Q3", "2012Q1..2012Q3"),
        ("2012M01..2012M09", "2012Q1..2012Q3"),
        ("2023M01..2023M08", "2023M01..2023M08"),
        ("2009M06..2013M05", "2009M06..2013M05"),
        ("2012..2013", "2012..2013"),
        ("2012M01..2013M12", "2012..2013"),
        ("2012H2..2013H1", "2012H2..2013H1"),
    ],
)
def test_canonical_code(text: str, code: str) -> None:
    period = parse(text)
    assert period.code == code
    assert str(period) == code


def test_canonical_forms_compare_equal() -> None:
    assert parse("2012M01..2012M03") == parse("2012Q1")
    assert hash(parse("2012M01..2012M03")) == hash(parse("2012Q1"))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("2012", "year"),
        ("2012H2", "half"),
        ("2012Q3", "quarter"),
        ("2012M07", "month"),
        ("2012Q1..2012Q3", "range"),
        # six months that are not a calendar half are a range, not a half year
        ("2012Q2..2012Q3", "range"),
    ],
)
def test_kind(text: str, kind: str) -> None:
    assert parse(text).kind == kind


# --- labels ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("2012", "năm 2012"),
        ("2012H1", "6 tháng đầu năm 2012"),
        ("2012H2", "6 tháng cuối năm 2012"),
        ("2012Q1", "quý I/2012"),
        ("2012Q2", "quý II/2012"),
        ("2012Q3", "quý III/2012"),
        ("2012Q4", "quý IV/2012"),
        ("2012M03", "tháng 3/2012"),
        ("2012M11", "tháng 11/2012"),
        ("2012Q1..2012Q3", "9 tháng đầu năm 2012"),
        ("2023M01..2023M08", "8 tháng đầu năm 2023"),
        ("2009M06..2013M05", "giai đoạn 2009 – 2013 (04 năm)"),
        ("2012M01..2012M03", "quý I/2012"),
    ],
)
def test_label(text: str, label: str) -> None:
    assert parse(text).label == label


def test_label_of_a_range_in_one_year_not_starting_in_january() -> None:
    label = parse("2012Q2..2012Q3").label
    assert "4" in label and "9" in label and "2012" in label
    assert not label.startswith("6 tháng")


# --- dates, months, years -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end", "n_months"),
    [
        ("2012", date(2012, 1, 1), date(2012, 12, 31), 12),
        ("2012H1", date(2012, 1, 1), date(2012, 6, 30), 6),
        ("2012H2", date(2012, 7, 1), date(2012, 12, 31), 6),
        ("2012Q1", date(2012, 1, 1), date(2012, 3, 31), 3),
        ("2012M02", date(2012, 2, 1), date(2012, 2, 29), 1),  # leap year
        ("2013M02", date(2013, 2, 1), date(2013, 2, 28), 1),
        ("2012Q1..2012Q3", date(2012, 1, 1), date(2012, 9, 30), 9),
        ("2009M06..2013M05", date(2009, 6, 1), date(2013, 5, 31), 48),
    ],
)
def test_dates_and_months(text: str, start: date, end: date, n_months: int) -> None:
    period = parse(text)
    assert period.start_date == start
    assert period.end_date == end
    assert period.months == n_months
    assert len(period.month_indexes()) == n_months


def test_years_and_first_last_year() -> None:
    period = parse("2009M06..2013M05")
    assert period.years == 4
    assert period.first_year == 2009
    assert period.last_year == 2013
    assert parse("2012Q1").years == 1


def test_contains() -> None:
    year = parse("2012")
    assert year.contains(parse("2012Q1"))
    assert year.contains(parse("2012M12"))
    assert year.contains(year)
    assert not year.contains(parse("2013M01"))
    assert not parse("2012Q1").contains(year)
    assert not year.contains(parse("2012Q4..2013Q1"))


def test_overlaps() -> None:
    assert parse("2012Q1").overlaps(parse("2012M03"))
    assert parse("2012H1").overlaps(parse("2012Q2..2012Q3"))
    # adjacent periods share no month
    assert not parse("2012Q1").overlaps(parse("2012Q2"))
    assert not parse("2012Q2").overlaps(parse("2012Q1"))
    assert not parse("2011").overlaps(parse("2012"))


# --- previous / year_earlier -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "previous"),
    [
        ("2012Q1", "2011Q4"),
        ("2012Q3", "2012Q2"),
        ("2012H1", "2011H2"),
        ("2012", "2011"),
        ("2012M01", "2011M12"),
        ("2012Q1..2012Q3", "2011Q2..2011Q4"),
    ],
)
def test_previous(text: str, previous: str) -> None:
    assert parse(text).previous() == parse(previous)


@pytest.mark.parametrize(
    ("text", "earlier"),
    [
        ("2012Q1", "2011Q1"),
        ("2012H2", "2011H2"),
        ("2012M03", "2011M03"),
        ("2012Q1..2012Q3", "2011Q1..2011Q3"),
        ("2023M01..2023M08", "2022M01..2022M08"),
    ],
)
def test_year_earlier(text: str, earlier: str) -> None:
    assert parse(text).year_earlier() == parse(earlier)


# --- Nghị định 09 cutoff window ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2012Q1", date(2011, 12, 15), date(2012, 3, 14)),
        ("2012Q2", date(2012, 3, 15), date(2012, 6, 14)),
        ("2012Q4", date(2012, 9, 15), date(2012, 12, 14)),
        ("2012M03", date(2012, 2, 15), date(2012, 3, 14)),
        ("2012H1", date(2011, 12, 15), date(2012, 6, 14)),
        ("2012", date(2011, 12, 15), date(2012, 12, 14)),
    ],
)
def test_cutoff_window(text: str, first: date, last: date) -> None:
    assert parse(text).cutoff_window() == (first, last)


# --- errors -------------------------------------------------------------------


VIETNAMESE_LETTERS = set("ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵằắẳẵặầấẩẫậềếểễệồốổỗộờớởỡợừứửữự")


def _is_vietnamese(text: str) -> bool:
    return any(ch in VIETNAMESE_LETTERS for ch in text.lower())


@pytest.mark.parametrize(
    "text",
    [
        "2012Q5",
        "2012Q0",
        "2012M13",
        "2012M00",
        "2012H3",
        "2012H0",
        "garbage",
        "Q1/2012",
        "12",
        "2012-03",
        "2012Q1..",
        "..2012Q1",
        "2013..2012",
        "2012Q2..2012Q1",
        "2012Q3..2012M06",
        "",
        "   ",
    ],
)
def test_errors_raise_period_error_with_vietnamese_text(text: str) -> None:
    with pytest.raises(PeriodError) as info:
        parse(text)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.vi and err.en
    assert err.vi != err.en
    assert _is_vietnamese(err.vi), err.vi
    assert str(err) == err.en


def test_error_messages_name_the_problem() -> None:
    with pytest.raises(PeriodError) as info:
        parse("2012Q5")
    assert "5" in info.value.vi and "quý" in info.value.vi
    with pytest.raises(PeriodError) as info:
        parse("2012M13")
    assert "13" in info.value.vi and "tháng" in info.value.vi
    with pytest.raises(PeriodError) as info:
        parse("2012H3")
    assert "H3" in info.value.vi


@pytest.mark.parametrize("value", [None, True, 2012.5, ["2012"], {"a": 1}])
def test_non_text_is_refused(value: object) -> None:
    with pytest.raises(PeriodError):
        parse(value)


def test_empty_or_reversed_period_cannot_be_built() -> None:
    with pytest.raises(PeriodError):
        Period(months(2012, 4), months(2012, 4))
    with pytest.raises(PeriodError):
        Period(months(2012, 4), months(2012, 1))


# --- properties -----------------------------------------------------------------

MIN_MONTH, MAX_MONTH = months(1900, 1), months(2200, 12)


@st.composite
def periods(draw) -> Period:
    start = draw(st.integers(MIN_MONTH, MAX_MONTH))
    length = draw(st.integers(1, min(120, MAX_MONTH + 1 - start)))
    return Period(start, start + length)


@given(periods())
def test_code_round_trips(p: Period) -> None:
    assert parse(p.code) == p
    assert parse(p.code.lower()) == p


@given(periods())
def test_canonical_code_is_stable(p: Period) -> None:
    assert parse(p.code).code == p.code


@given(periods().filter(lambda p: p.start - p.months >= MIN_MONTH))
def test_previous_ends_where_period_starts(p: Period) -> None:
    prev = p.previous()
    assert prev.end == p.start
    assert prev.months == p.months
    assert not prev.overlaps(p)
    assert prev.end_date < p.start_date


@given(periods())
def test_year_earlier_is_twelve_months_back(p: Period) -> None:
    earlier = p.year_earlier()
    assert earlier.months == p.months
    assert earlier.start_date.year == p.start_date.year - 1
    assert earlier.start_date.month == p.start_date.month


@given(periods())
def test_dates_are_consistent(p: Period) -> None:
    assert p.start_date.day == 1
    assert p.start_date <= p.end_date
    assert (p.end_date + timedelta(days=1)).day == 1  # the last day of its month
    first, last = p.cutoff_window()
    assert first.day == 15 and last.day == 14
    assert first < p.start_date and last <= p.end_date
    assert p.label  # every period has a label


# --- labels, pinned (README "Canonical period codes") --------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [(f"2012M{m:02d}", f"tháng {m}/2012") for m in range(1, 13)]
    + [
        ("2012H1..2012H1", "6 tháng đầu năm 2012"),
        ("2013Q4", "quý IV/2013"),
        ("2012M01..2012M02", "2 tháng đầu năm 2012"),
        ("2012M01..2012M11", "11 tháng đầu năm 2012"),
        ("2012M04..2012M12", "9 tháng cuối năm 2012"),
        ("2012Q2..2012Q4", "9 tháng cuối năm 2012"),
        ("2012M11..2012M12", "2 tháng cuối năm 2012"),
        ("2012M02..2012M09", "từ tháng 2 đến tháng 9 năm 2012"),
        ("2012M02..2012M12", "11 tháng cuối năm 2012"),
        ("2012M02..2012M11", "từ tháng 2 đến tháng 11 năm 2012"),
        ("2012Q2..2012Q3", "từ tháng 4 đến tháng 9 năm 2012"),
        ("2012..2013", "giai đoạn 2012 – 2013 (02 năm)"),
        ("2012M01..2013M12", "giai đoạn 2012 – 2013 (02 năm)"),
        ("2011M05..2013M04", "giai đoạn 2011 – 2013 (02 năm)"),
        ("2010..2019", "giai đoạn 2010 – 2019 (10 năm)"),
        ("2009M06..2013M05", "giai đoạn 2009 – 2013 (04 năm)"),
        ("2009M06..2010M08", "từ tháng 6/2009 đến tháng 8/2010"),
        ("2012M07..2013M06", "từ tháng 7/2012 đến tháng 6/2013"),  # twelve months across two years
        ("2012H2..2013H1", "từ tháng 7/2012 đến tháng 6/2013"),
        ("2011M01..2013M06", "từ tháng 1/2011 đến tháng 6/2013"),  # 30 months: not whole years
        ("2011M01..2013M01", "từ tháng 1/2011 đến tháng 1/2013"),  # 25 months
        ("2012M12..2013M01", "từ tháng 12/2012 đến tháng 1/2013"),
        ("2011M12..2012M11", "từ tháng 12/2011 đến tháng 11/2012"),
    ],
)
def test_label_pinned(text: str, label: str) -> None:
    assert parse(text).label == label


@pytest.mark.parametrize(
    ("n_months", "years"),
    [(1, 1), (5, 1), (6, 1), (11, 1), (12, 1), (17, 1), (18, 2), (23, 2), (24, 2), (29, 2), (30, 3), (35, 3),
     (36, 3), (42, 4), (47, 4), (48, 4), (54, 5), (120, 10)],
)
def test_years_rounded_to_the_nearest_halves_up(n_months: int, years: int) -> None:
    assert Period(months(2009, 6), months(2009, 6) + n_months).years == years


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("2012Q2..2012Q3", "2012Q2..2012Q3"),
        ("2012M02..2012M04", "2012M02..2012M04"),
        ("2012M07..2013M06", "2012H2..2013H1"),
        ("2012M04..2013M03", "2012Q2..2013Q1"),
        ("2011..2013M12", "2011..2013"),
        ("2012H2..2012M12", "2012H2"),
        ("2012M10..2013M12", "2012Q4..2013Q4"),
    ],
)
def test_canonical_code_of_ranges(text: str, code: str) -> None:
    assert parse(text).code == code


# --- errors, pinned -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "vi", "en"),
    [
        ("2012Q5", "không có quý 5 (chỉ từ Q1 đến Q4)", "there is no quarter 5 (Q1 to Q4)"),
        ("2012Q0", "không có quý 0 (chỉ từ Q1 đến Q4)", "there is no quarter 0 (Q1 to Q4)"),
        ("2012H3", "không có nửa năm H3 (chỉ H1, H2)", "there is no half year H3 (H1 or H2)"),
        ("2012H0", "không có nửa năm H0 (chỉ H1, H2)", "there is no half year H0 (H1 or H2)"),
        ("2012M13", "không có tháng 13 (chỉ từ 1 đến 12)", "there is no month 13 (1 to 12)"),
        ("2012M00", "không có tháng 0 (chỉ từ 1 đến 12)", "there is no month 0 (1 to 12)"),
        ("1899", "năm 1899 nằm ngoài khoảng 1900–2200", "year 1899 is outside 1900–2200"),
        ("2201Q1", "năm 2201 nằm ngoài khoảng 1900–2200", "year 2201 is outside 1900–2200"),
        ("garbage", "không đúng dạng", "not a recognised form"),
        ("2012M123", "không đúng dạng", "not a recognised form"),
        ("", "để trống", "it is empty"),
        (" ", "để trống", "it is empty"),
        ("2013..2012", "kỳ sau «..» phải bắt đầu và kết thúc không sớm hơn kỳ trước «..»",
         "the part after '..' must not start or end before the part before it"),
    ],
)
def test_error_messages_pinned(text: str, vi: str, en: str) -> None:
    with pytest.raises(PeriodError) as info:
        parse(text)
    assert (info.value.vi, info.value.en, str(info.value)) == (vi, en, en)


@pytest.mark.parametrize(
    "text",
    [
        "2012..2012Q1",  # ends before the part before '..' ends
        "2012H1..2012Q1",
        "2012..2012H1",
        "2012Q1..2012M02",
        "2012Q2..2012Q1",  # starts before it
        "2012M06..2012M05",
    ],
)
def test_range_whose_second_part_ends_or_starts_earlier_is_refused(text: str) -> None:
    with pytest.raises(PeriodError) as info:
        parse(text)
    assert info.value.en == "the part after '..' must not start or end before the part before it"


@pytest.mark.parametrize(("text", "expected"), [
    ("2012..2012Q4", "2012"),  # same end: fine
    ("2012Q1..2012", "2012"),  # same start: fine
    ("2012Q1..2012M03", "2012Q1"),
    ("2012H1..2012Q2", "2012H1"),
])
def test_range_ending_with_a_part_that_contains_the_end(text: str, expected: str) -> None:
    assert parse(text).code == expected


def test_years_at_the_ends_of_the_accepted_range() -> None:
    assert parse("1900").start == months(1900, 1)
    assert parse("2200M12").end == months(2201, 1)


@pytest.mark.parametrize("value", [None, True, False, 2012.0, b"2012"])
def test_non_text_message(value: object) -> None:
    with pytest.raises(PeriodError) as info:
        parse(value)
    assert (info.value.vi, info.value.en) == ("cần ghi kỳ dạng chữ", "a period must be written as text")


def test_reversed_period_message() -> None:
    with pytest.raises(PeriodError) as info:
        Period(5, 5)
    assert (info.value.vi, info.value.en) == ("kỳ kết thúc trước khi bắt đầu", "the period ends before it starts")


def test_inner_spaces_are_ignored() -> None:
    assert parse("2012 Q1").code == "2012Q1"
    assert parse("  2012 q1 ..  2012 q3 ").code == "2012Q1..2012Q3"


def test_pickled_periods_carry_no_cached_text() -> None:
    import pickle

    p = parse("2012Q1..2012Q3")
    assert p.label and p.code  # computed and cached on the instance
    assert p.__reduce__() == (Period, (p.start, p.end))
    again = pickle.loads(pickle.dumps(p))
    assert again == p and "code" not in again.__dict__ and again.code == "2012Q1..2012Q3"


def test_month_indexes_first_last_year_and_dates_of_a_december() -> None:
    p = parse("2012M12")
    assert list(p.month_indexes()) == [months(2012, 12)]
    assert (p.first_year, p.last_year) == (2012, 2012)
    assert (p.start_date, p.end_date) == (date(2012, 12, 1), date(2012, 12, 31))
    q = parse("2012M12..2013M02")
    assert list(q.month_indexes()) == [months(2012, 12), months(2013, 1), months(2013, 2)]
    assert (q.first_year, q.last_year) == (2012, 2013)


def test_contains_and_overlaps_at_the_edges() -> None:
    h1 = parse("2012H1")
    assert h1.contains(parse("2012M01")) and h1.contains(parse("2012M06"))
    assert not h1.contains(parse("2011M12..2012M01")) and not h1.contains(parse("2012M06..2012M07"))
    assert h1.overlaps(parse("2011M12..2012M01")) and h1.overlaps(parse("2012M06..2012M07"))
    assert not h1.overlaps(parse("2011M12")) and not h1.overlaps(parse("2012M07"))


def test_cutoff_window_of_january_and_of_a_range() -> None:
    assert parse("2012M01").cutoff_window() == (date(2011, 12, 15), date(2012, 1, 14))
    assert parse("2009M06..2013M05").cutoff_window() == (date(2009, 5, 15), date(2013, 5, 14))


@pytest.mark.parametrize(("code", "ahead", "label"), [
    ("2012M05", "2012M06", "tháng 6/2012"),
    ("2012M12", "2013M01", "tháng 1/2013"),
    ("2012Q1", "2012Q2", "quý II/2012"),
    ("2012Q4", "2013Q1", "quý I/2013"),
    ("2024H1", "2024H2", "6 tháng cuối năm 2024"),
    ("2024H2", "2025H1", "6 tháng đầu năm 2025"),
    ("2012", "2013", "năm 2013"),
    ("2023M01..2023M08", "2023M09..2023M12", "4 tháng cuối năm 2023"),
    ("2012M03..2012M08", "2012M09..2013M02", "từ tháng 9/2012 đến tháng 2/2013"),
    ("2009M06..2013M05", "2013M06..2014M05", "từ tháng 6/2013 đến tháng 5/2014"),
    ("2011..2012", "2013", "năm 2013"),
])
def test_the_period_ahead(code, ahead, label):
    nxt = parse(code).ahead()
    assert (nxt.code, nxt.label) == (ahead, label)
