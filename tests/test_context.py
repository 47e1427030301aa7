"""The template context: values, ratios, changes, highlights merged by name."""

from __future__ import annotations

import textwrap

import pytest
import yaml

from doanreport.load.submission import Submission
from doanreport.load.workspace import open_workspace
from doanreport.model.facts import Highlight, Sourced
from doanreport.model.periods import parse
from doanreport.report.context import Frame, ReportContext, TemplateDataError, group_by_units, merge_highlights
from doanreport.report.templating import builtin_dir, environment
from doanreport.rollup.build import build_report


def sourced(text: str, name: str) -> Sourced:
    return Sourced(name, Submission.model_validate(yaml.safe_load(textwrap.dedent(text))).facts())


@pytest.fixture
def ctx(make_ws):
    ws = open_workspace(make_ws())
    files = [
        sourced("unit: cd-vp-tinh-uy\nperiod: 2011Q1\nvalues: {tuyen_truyen: {cuoc: 8}, hien_mau: {don_vi: 10}}", "a0"),
        sourced("unit: cd-vp-tinh-uy\nperiod: 2011Q4\nvalues: {tuyen_truyen: {cuoc: 20}}", "a1"),
        sourced("unit: cd-vp-tinh-uy\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 9}, hien_mau: {don_vi: 10}}", "a2"),
        sourced("unit: cd-so-tai-chinh\nperiod: 2011Q1\nvalues: {tuyen_truyen: {cuoc: 0}}", "b0"),
        sourced("unit: cd-so-tai-chinh\nperiod: 2011Q4\nvalues: {tuyen_truyen: {cuoc: 0}}", "b1"),
        sourced("unit: cd-so-tai-chinh\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 1}}", "b2"),
    ]
    report = build_report(ws, None, parse("2012Q1"), files)
    return ReportContext(report, ws.catalog, ws.require_tree(), Frame(place="Sóc Trăng", year=2012))


def test_values_and_unknown_codes(ctx):
    assert ctx.v("tuyen_truyen.cuoc") == 10
    assert ctx.v("hien_mau.luot_tham_gia") is None
    with pytest.raises(TemplateDataError, match="tuyen_truyen.khong_co"):
        ctx.v("tuyen_truyen.khong_co")
    assert ctx.has("tuyen_truyen.cuoc") and not ctx.has("tuyen_truyen.cuoc", "hien_mau.luot_tham_gia")
    assert ctx.total("tuyen_truyen.cuoc", "hien_mau.don_vi", "hien_mau.luot_tham_gia") == 20
    assert ctx.total("hien_mau.luot_tham_gia") is None
    assert list(ctx.used) == ["tuyen_truyen.cuoc", "hien_mau.luot_tham_gia", "hien_mau.don_vi"]


def test_others_lists_what_the_template_did_not_name(ctx):
    ctx.v("tuyen_truyen.cuoc")
    assert [o["code"] for o in ctx.others("tuyen_truyen")] == []
    assert [(o["code"], o["value"], o["unit"]) for o in ctx.others("hien_mau")] == [("hien_mau.don_vi", 10, "đơn vị")]
    assert ctx.others("hien_mau") == []  # listed once


def test_ratio(ctx):
    assert ctx.ratio(1, 4) == 25.0
    assert ctx.ratio(1, 0) is None and ctx.ratio(None, 4) is None and ctx.ratio(3, None) is None


def test_change_against_last_year_and_previous(ctx):
    up = ctx.change("tuyen_truyen.cuoc", "last_year")
    assert (up.percent, up.direction, up.against, up.now, up.before) == (pytest.approx(25.0), "up", "last_year", 10, 8)
    assert up.earlier.code == "2011Q1"
    down = ctx.change("tuyen_truyen.cuoc", "previous")
    assert (down.percent, down.direction, down.earlier.label) == (pytest.approx(-50.0), "down", "quý IV/2011")
    same = ctx.change("hien_mau.don_vi", "last_year")
    assert (same.percent, same.direction) == (0.0, "same")
    assert ctx.change("hien_mau.don_vi", "previous") is None  # nothing to compare with


def _words(ctx, source: str) -> str:
    env = environment(None)
    return env.from_string('{% import "_macros.md.j2" as m %}' + source).render(ctx.as_dict())


def test_change_words_come_from_the_macro(ctx):
    assert _words(ctx, '{{ m.change_words(change("tuyen_truyen.cuoc", "last_year")) }}') == "tăng 25% so với cùng kỳ năm 2011"
    assert _words(ctx, '{{ m.change_words(change("tuyen_truyen.cuoc", "previous")) }}') == "giảm 50% so với quý IV/2011"
    assert _words(ctx, '{{ m.change_words(change("hien_mau.don_vi", "last_year")) }}') == "bằng cùng kỳ năm 2011"
    assert _words(ctx, '[{{ m.change_words(change("hien_mau.don_vi", "previous")) }}]') == "[]"


def test_a_change_printed_without_the_macro_says_how_to_word_it(ctx):
    with pytest.raises(TemplateDataError, match="change_words"):
        _words(ctx, '{{ change("tuyen_truyen.cuoc", "last_year") }}')


def test_frame_number_and_date_lines():
    frame = Frame(place="Sóc Trăng", symbol="ĐTNK", number="36", year=2013)
    assert frame.so_ky_hieu == "Số: 36-BC/ĐTNK"
    assert Frame(symbol="ĐTNK").so_ky_hieu == "Số:    -BC/ĐTNK"
    assert frame.date_line == "Sóc Trăng, ngày      tháng      năm 2013"
    from datetime import date

    assert Frame(place="Bạc Liêu", date=date(2013, 5, 8)).date_line == "Bạc Liêu, ngày 08 tháng 5 năm 2013"


def test_counts_of_units(ctx):
    assert ctx.count_units() == 4  # Khoa Nội dissolved 15/02/2012 is active in Q1, Khoa Ngoại not yet
    assert ctx.count_units("chi_doan_co_so") == 2
    assert ctx.count_units(["doan_co_so", "chi_doan"]) == 2
    assert ctx.count_children(["doan_co_so", "chi_doan_co_so"]) == 3


def test_highlights_merge_by_name_across_units_and_group_by_units():
    refs = [
        Highlight(unit="a", unit_name="Chi đoàn A", kind="mo_hinh", name="Sổ nhật ký làm theo lời Bác", program="ct03"),
        Highlight(unit="b", unit_name="Chi đoàn B", kind="mo_hinh", name="Sổ  nhật ký làm theo lời Bác.", program="ct03"),
        Highlight(unit="a", unit_name="Chi đoàn A", kind="mo_hinh", name="Cơ quan xanh - sạch - đẹp", program="ct03"),
        Highlight(unit="b", unit_name="Chi đoàn B", kind="mo_hinh", name="Cơ quan xanh – sạch – đẹp", program="3tn"),
        Highlight(unit="c", unit_name="Chi đoàn C", kind="ca_nhan", name="Lý Minh Toàn", program=None, role="Bí thư"),
    ]
    merged = merge_highlights(refs)
    assert [(h.name, h.units) for h in merged if h.kind == "mo_hinh"] == [
        ("Sổ nhật ký làm theo lời Bác", ("Chi đoàn A", "Chi đoàn B")),
        ("Cơ quan xanh - sạch - đẹp", ("Chi đoàn A", "Chi đoàn B")),
    ]
    assert [h.name for h in merge_highlights(refs, program="3tn")] == ["Cơ quan xanh – sạch – đẹp"]
    assert [h.name for h in merge_highlights(refs, kind="ca_nhan")] == ["Lý Minh Toàn"]
    groups = group_by_units(h for h in merged if h.kind == "mo_hinh")
    assert [(units, len(items)) for units, items in groups] == [(("Chi đoàn A", "Chi đoàn B"), 2)]


def test_builtin_templates_ship_with_the_package():
    names = {p.name for p in builtin_dir().glob("*.md.j2")}
    assert {"quy.md.j2", "soket.md.j2", "ct03.md.j2", "_khung.md.j2"} <= names


def test_no_change_is_stated_against_a_half_reported_period(make_ws):
    ws = open_workspace(make_ws())
    files = [
        sourced("unit: cd-vp-tinh-uy\nperiod: 2011Q1\nvalues: {tuyen_truyen: {cuoc: 1}}", "a0"),
        sourced("unit: cd-vp-tinh-uy\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 100}}", "a1"),
        sourced("unit: cd-so-tai-chinh\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 118}}", "b1"),
    ]
    report = build_report(ws, None, parse("2012Q1"), files)
    ctx = ReportContext(report, ws.catalog, ws.require_tree(), Frame())
    assert ctx.change("tuyen_truyen.cuoc", "last_year") is None  # 1 unit then, 2 now


def test_user_text_stays_text_in_markdown():
    from doanreport.report.context import markdown_text

    assert markdown_text("# không phải tiêu đề") == "\\# không phải tiêu đề"
    assert markdown_text("*a* <!-- doanreport:signature -->") == "\\*a\\* \\<!-- doanreport:signature --\\>"
    assert markdown_text("1. ý thứ nhất") == "1\\. ý thứ nhất"
    assert markdown_text("Sở Kế hoạch & Đầu tư, 2.000 lượt") == "Sở Kế hoạch \\& Đầu tư, 2.000 lượt"
    assert markdown_text("Một số hạn chế:\n\n    - thụt lề\n===") == "Một số hạn chế:\n\n\\- thụt lề\n\\==="
