"""The report reads as an office writes it: no sentence twice, no label pasted
before its figure, no acronym lowercased, lượt never turned into người; the
organisation in one sentence; headings that follow the period and the place.
Checked over every bundled example and over a generated workspace where every
indicator of the catalog is reported."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from doanreport.load.catalog_file import build_catalog, builtin_document
from doanreport.report.vnformat import so

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
RUNS = [("kcq-quy1-2012", "quy", "2012Q1"), ("baclieu-3tn", "soket", "2009M06..2013M05"),
        ("soctrang-ct03", "ct03", "2011M05..2013M04"), ("mau", "quy", "2012Q1")]
CATALOG = build_catalog([builtin_document()])[0]


def body(md: str) -> str:
    """The report between its header and its signature."""
    return md.split("<!-- /doanreport:header -->", 1)[1].split("<!-- doanreport:signature -->", 1)[0]


def sentences(md: str) -> list[str]:
    out = []
    for line in body(md).splitlines():
        line = re.sub(r"^(#+|[-+]) ", "", line.strip())
        parts = (s.strip() for s in re.split(r"(?<=[.;:!?])\s+", line))
        out += [s for s in parts if len(s) > 25 and not s.endswith(":")]  # a lead-in ("Chi đoàn X:") is no sentence
    return out


def assert_reads_as_an_office_writes(md: str) -> None:
    text = body(md)
    repeated = [s for s, n in Counter(sentences(md)).items() if n > 1]
    assert not repeated, repeated
    for ind in CATALOG.indicators.values():
        assert f"{ind.label.casefold()}:" not in text.casefold(), ind.code  # "Label: 70 hoạt động"
    for acronym in ("ĐVTN", "CB", "HS-SV", "TNCS", "TDTT"):
        assert not re.search(rf"\b{re.escape(acronym.lower())}\b", text), acronym
    assert "None" not in text and "{{" not in text and "……" not in text


@pytest.mark.parametrize(("example", "template", "period"), RUNS)
def test_every_example_reads_as_an_office_writes(run, example, template, period):
    result = run("render", "--workspace", EXAMPLES / example, "--template", template, "--period", period)
    assert result.exit_code == 0, result.stderr
    assert_reads_as_an_office_writes(result.stdout)


# --- a generated workspace: every indicator reported, each figure unique -------

def _every_value() -> dict[str, dict[str, float | int]]:
    values: dict[str, float | int] = {}
    for i, (code, ind) in enumerate(CATALOG.indicators.items()):
        values[code] = 40 + i % 50 + 0.5 if ind.is_percent else 1013 + 37 * i
    for i, rule in enumerate(CATALOG.rules):  # every consistency rule holds
        values[rule.right] = 900_007 + 101 * i
    values["to_chuc.da_dai_hoi"] = 2
    grouped: dict[str, dict[str, float | int]] = {}
    for code, value in values.items():
        group, name = code.split(".")
        grouped.setdefault(group, {})[name] = value
    return grouped


def _everything(make_ws, period: str = "2012Q1", narrative: dict | None = None):
    own = {"unit": "dk-test", "period": period, "values": _every_value(), "narrative": narrative or {}}
    return make_ws({"data/dk.yaml": yaml.safe_dump(own, allow_unicode=True)})


@pytest.mark.parametrize(("template", "period"), [("quy", "2012Q1"), ("soket", "2010..2012"), ("ct03", "2011..2012")])
def test_a_report_of_every_indicator_reads_as_an_office_writes(make_ws, run, template, period):
    result = run("render", "--workspace", _everything(make_ws, period), "--template", template, "--period", period)
    assert result.exit_code == 0, result.stderr
    assert_reads_as_an_office_writes(result.stdout)
    text = body(result.stdout)
    for code, ind in CATALOG.indicators.items():
        if ind.unit.startswith("lượt"):
            value = _every_value()[ind.group][ind.name]
            for found in re.finditer(rf"\b{re.escape(so(value))}\b", text):  # lượt is never written as người
                assert text[found.end():].startswith(" lượt"), (code, text[found.start():found.end() + 30])


def test_a_figure_the_prose_states_is_not_stated_again(make_ws, run):
    prose = {"tuyen_truyen": "Tổ chức {{ tuyen_truyen.cuoc }} cuộc với {{ tuyen_truyen.luot_tham_gia }} lượt tham gia."}
    ws = _everything(make_ws, narrative=prose)
    md = run("render", "--workspace", ws, "--template", "quy", "--period", "2012Q1").stdout
    values = _every_value()["tuyen_truyen"]
    assert body(md).count(so(values["cuoc"])) == 1 and body(md).count(so(values["luot_tham_gia"])) == 1


# --- the organisation sentence ---------------------------------------------------

def test_a_doan_khoi_says_its_cơ_sở_by_kind(run):
    md = run("render", "--workspace", EXAMPLES / "kcq-quy1-2012", "--template", "quy", "--period", "2012Q1").stdout
    assert "Đoàn Khối các cơ quan tỉnh Sóc Trăng hiện có 40 cơ sở đoàn trực thuộc (11 đoàn cơ sở, " \
           "29 chi đoàn cơ sở) với tổng số 2.145 đoàn viên" in md


RURAL_UNITS = """\
code: hd-my-tu
name: Huyện Đoàn Mỹ Tú
kind: huyen_doan
children:
  - code: xa-a
    name: Đoàn xã Long Hưng
    kind: doan_co_so
    children:
      - {code: ap-1, name: Chi đoàn ấp Cầu Đồn, kind: chi_doan}
      - {code: ap-2, name: Chi đoàn ấp Tam Sóc, kind: chi_doan}
  - code: xa-b
    name: Đoàn xã Mỹ Hương
    kind: doan_co_so
    children:
      - {code: ap-3, name: Chi đoàn ấp Mỹ Khánh, kind: chi_doan}
      - {code: ap-4, name: Chi đoàn ấp Mỹ Thuận, kind: chi_doan}
  - code: xa-c
    name: Đoàn xã Thuận Hưng
    kind: doan_co_so
    children:
      - {code: ap-5, name: Chi đoàn ấp Phước Bình, kind: chi_doan}
      - {code: ap-6, name: Chi đoàn ấp Phước Thọ, kind: chi_doan}
"""
RURAL_CONFIG = """\
root: hd-my-tu
document: {issuer: BCH HUYỆN ĐOÀN MỸ TÚ, place: Mỹ Tú}
wording: {kinds: {doan_co_so: Đoàn xã, chi_doan: chi đoàn ấp}}
"""


def test_a_rural_huyen_doan_is_written_about_as_a_place(make_ws, run):
    ws = make_ws({"data/a.yaml": "unit: ap-1\nperiod: 2012Q1\nvalues:\n  to_chuc: {doan_vien: 250}\n"
                                 "  cong_viec: {cong_trinh: 3, phan_viec: 4}\n"},
                 config=RURAL_CONFIG, units=RURAL_UNITS)
    md = run("render", "--workspace", ws, "--template", "quy", "--period", "2012Q1").stdout
    assert "Huyện Đoàn Mỹ Tú hiện có 03 Đoàn xã với 06 chi đoàn ấp, tổng số 250 đoàn viên." in md
    assert "Xung kích phát triển kinh tế – xã hội ở địa phương" in md and "cơ quan, đơn vị" not in md
    assert "00 " not in md and "chi đoàn cơ sở" not in md  # no kind with no unit


def test_one_kind_of_cơ_sở_is_said_without_a_breakdown(make_ws, run):
    units = ("code: dk-test\nname: Đoàn Khối các cơ quan tỉnh\nkind: doan_khoi\nchildren:\n"
             "  - {code: cd-a, name: Chi đoàn A, kind: chi_doan_co_so}\n  - {code: cd-b, name: Chi đoàn B, kind: chi_doan_co_so}\n")
    ws = make_ws({"data/a.yaml": "unit: cd-a\nperiod: 2012Q1\nvalues: {to_chuc: {doan_vien: 30}}\n"}, units=units)
    md = run("render", "--workspace", ws, "--template", "quy", "--period", "2012Q1").stdout
    assert "Đoàn Khối các cơ quan tỉnh hiện có 02 chi đoàn cơ sở với tổng số 30 đoàn viên." in md


# --- headings follow the period ----------------------------------------------------

@pytest.mark.parametrize(("template", "period", "heading"), [
    ("quy", "2012M05", "PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 6/2012"),
    ("quy", "2012Q1", "PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II/2012"),
    ("quy", "2012Q4", "PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ I/2013"),
    ("quy", "2024H1", "PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024"),
    ("quy", "2012", "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2013"),
    ("quy", "2012M01..2012M08", "PHƯƠNG HƯỚNG, NHIỆM VỤ 4 THÁNG CUỐI NĂM 2012"),
    ("quy", "2012M01..2012M09", "PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ IV/2012"),
    ("soket", "2009M06..2013M05", "PHƯƠNG HƯỚNG TRONG NĂM 2013 – 2014"),
    ("ct03", "2011M05..2013M04", "MỘT SỐ CÔNG VIỆC THỰC HIỆN TRONG NĂM 2013 – 2014"),
])
def test_the_tasks_ahead_are_for_the_next_period(make_ws, run, template, period, heading):
    ws = make_ws({"data/dk.yaml": f"unit: dk-test\nperiod: {period}\nnarrative:\n  phuong_huong: [Tiếp tục.]\n"})
    md = run("render", "--workspace", ws, "--template", template, "--period", period).stdout
    assert re.search(rf"^## [IVX]+\. {re.escape(heading)}$", md, re.M), md
    assert "KỲ TỚI" not in md


def test_every_figure_is_stated_or_named(make_ws, run):
    catalog = ("groups: {rieng: Việc riêng}\nindicators:\n"
               "  - {code: rieng.buoi, label: Buổi sinh hoạt chuyên đề, unit: buổi, aggregate: sum}\n")
    from conftest import CONFIG
    ws = make_ws({"catalog.yaml": catalog, "data/dk.yaml": (
        "unit: dk-test\nperiod: 2012Q1\nvalues:\n  cong_viec: {cong_trinh: 5, cong_trinh_dang_ky: 7}\n"
        "  rieng: {buoi: 4}\n  tinh_nguyen: {hoat_dong: 0}\n")}, config=CONFIG + "catalog: [catalog.yaml]\n")
    result = run("render", "--workspace", ws, "--template", "quy", "--period", "2012Q1")
    assert result.exit_code == 0, result.stderr
    assert "- Thực hiện 05/07 công trình, phần việc thanh niên được đăng ký." in result.stdout
    assert "0 hoạt động" not in result.stdout and "Xung kích tình nguyện" not in result.stdout  # a zero is no news
    named = [line for line in result.stderr.splitlines() if "[figure-left-out]" in line]
    assert len(named) == 1 and "«Buổi sinh hoạt chuyên đề» (4, mã rieng.buoi)" in named[0]


def test_a_section_with_nothing_to_say_has_no_heading(make_ws, run):
    ws = make_ws({"data/a.yaml": "unit: cd-vp-tinh-uy\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 2}}\n"})
    md = run("render", "--workspace", ws, "--template", "quy", "--period", "2012Q1", "--unit", "cd-vp-tinh-uy").stdout
    assert "XÂY DỰNG ĐOÀN" not in md and "Xây dựng tổ chức Đoàn" not in md


def test_a_quarters_text_in_a_year_report_speaks_of_the_whole_khoi_that_quarter(run):
    result = run("render", "--workspace", EXAMPLES / "kcq-quy1-2012", "--template", "quy", "--period", "2012")
    assert result.exit_code == 0, result.stderr
    assert "219 cuộc" in result.stdout and "hơn 2.000" in result.stdout and "……" not in result.stdout
    assert "[placeholder-no-figure]" not in result.stderr


def test_a_registration_ratio_needs_both_sides(make_ws, run):
    ws = make_ws({"data/a.yaml": "unit: cd-vp-tinh-uy\nperiod: 2012Q1\nvalues: {cong_viec: {cong_trinh: 10, cong_trinh_dang_ky: 12}}\n",
                  "data/b.yaml": "unit: cd-so-tai-chinh\nperiod: 2012Q1\nvalues: {cong_viec: {phan_viec: 20}}\n"})
    md = run("render", "--workspace", ws, "--template", "quy", "--period", "2012Q1").stdout
    assert "30/12" not in md and "- Thực hiện 30 công trình, phần việc thanh niên." in md
    assert "- 12 công trình thanh niên được đăng ký." in md


def test_a_rate_a_unit_below_states_is_still_the_khois_when_others_reported_it(make_ws, run):
    values = "values: {sinh_hoat: {ty_le_tham_gia: 100}, to_chuc: {doan_vien: 10}}\n"
    ws = make_ws({"data/a.yaml": "unit: cd-vp-tinh-uy\nperiod: 2012Q1\n" + values +
                                 "narrative: {sinh_hoat: 'Tỷ lệ sinh hoạt đạt {{ sinh_hoat.ty_le_tham_gia }}.'}\n",
                  "data/b.yaml": "unit: cd-so-tai-chinh\nperiod: 2012Q1\n" + values})
    md = run("render", "--workspace", ws, "--template", "quy", "--period", "2012Q1").stdout
    assert "Tỷ lệ sinh hoạt đạt 100%." in md and "- Tỷ lệ đoàn viên tham gia sinh hoạt bình quân đạt 100%." in md


def test_units_calls_the_kinds_as_the_workspace_does(make_ws, run):
    ws = make_ws(config=RURAL_CONFIG, units=RURAL_UNITS)
    out = run("units", "--workspace", ws).stdout
    assert "3 Đoàn xã, 6 chi đoàn ấp" in out


def test_the_soket_closing_names_the_period_ahead_as_a_sentence_does(make_ws, run):
    ws = make_ws({"data/dk.yaml": "unit: dk-test\nperiod: 2012Q1\nnarrative:\n  phuong_huong: [Tiếp tục.]\n"})
    md = run("render", "--workspace", ws, "--template", "soket", "--period", "2012Q1").stdout
    assert re.search(r"^## [IVX]+\. PHƯƠNG HƯỚNG QUÝ II/2012$", md, re.M), md
    assert "và phương hướng quý II/2012 của" in md
