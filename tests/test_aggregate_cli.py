"""`doanreport aggregate` and `status` as a user runs them."""

from __future__ import annotations

import csv
import io
import json

import yaml
from openpyxl import load_workbook

FILES = {
    "data/vp-q1.yaml": """\
        unit: cd-vp-tinh-uy
        period: 2012Q1
        submitted: 2012-04-10
        values:
          to_chuc: {doan_vien: 45, dang_vien_sinh_hoat_doan: 9}
          tuyen_truyen: {cuoc: 5, luot_tham_gia: 120}
          sinh_hoat: {ty_le_tham_gia: 90}
        highlights:
          - {kind: mo_hinh, name: Ngày thứ Bảy tình nguyện}
        """,
    "data/stc-q1.yaml": """\
        unit: cd-so-tai-chinh
        period: 2012Q1
        submitted: 2012-04-25
        values:
          to_chuc: {doan_vien: 15}
          tuyen_truyen: {cuoc: 2, luot_tham_gia: 30}
          sinh_hoat: {ty_le_tham_gia: 50}
        """,
    "data/noi-m1.yaml": """\
        unit: cd-khoa-noi
        period: 2012M01
        submitted: 2012-02-05
        values:
          tuyen_truyen: {cuoc: 1}
        """,
    "data/vp-2011q1.yaml": """\
        unit: cd-vp-tinh-uy
        period: 2011Q1
        values:
          tuyen_truyen: {cuoc: 4}
        """,
}


def test_json_shape_and_figures(make_ws, run):
    ws = make_ws(FILES)
    result = run("aggregate", "--workspace", ws, "--period", "2012Q1", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["unit"] == "dk-test" and data["period"] == "2012Q1"
    assert data["values"]["tuyen_truyen.cuoc"] == 8
    assert data["values"]["to_chuc.doan_vien"] == 60
    assert data["values"]["sinh_hoat.ty_le_tham_gia"] == 80  # (90*45 + 50*15) / 60
    assert "hien_mau.don_vi" not in data["values"]
    assert data["completeness"]["expected"] == ["cd-vp-tinh-uy", "cd-so-tai-chinh", "cd-khoa-noi"]
    assert data["completeness"]["late"] == ["cd-so-tai-chinh"]
    assert data["completeness"]["missing"] == []
    assert data["completeness"]["partial"] == ["cd-khoa-noi"]
    assert [c["unit"] for c in data["children"]] == ["cd-vp-tinh-uy", "cd-so-tai-chinh", "dcs-bv"]
    assert data["children"][2]["values"] == {"tuyen_truyen.cuoc": 1}
    assert data["last_year"] == {"period": "2011Q1", "values": {"tuyen_truyen.cuoc": 4}}
    assert data["previous"] is None


def test_yaml_rollup_validates_in_the_next_level_up(make_ws, run, tmp_path):
    ws = make_ws(FILES)
    result = run("aggregate", "--workspace", ws, "--period", "2012Q1", "--format", "yaml")
    assert result.exit_code == 0, result.stderr
    rollup = yaml.safe_load(result.stdout)
    assert rollup["scope"] == "rollup" and rollup["values"]["tuyen_truyen"]["cuoc"] == 8

    upper = tmp_path / "tinh-doan"
    upper.mkdir()
    (upper / "doanreport.yaml").write_text("root: td\n", encoding="utf-8")
    (upper / "units.yaml").write_text(
        "code: td\nname: Tỉnh Đoàn\nkind: tinh_doan\nchildren:\n"
        "  - {code: dk-test, name: Đoàn Khối các cơ quan tỉnh, kind: doan_khoi, reports: true}\n"
        "  - {code: hd-a, name: Huyện Đoàn A, kind: huyen_doan}\n", encoding="utf-8")
    (upper / "data").mkdir()
    (upper / "data" / "dk-test-2012q1.yaml").write_text(result.stdout, encoding="utf-8")
    check = run("validate", "--workspace", upper)
    assert check.exit_code == 0, check.stdout
    assert "Không có lỗi" in check.stdout
    again = json.loads(run("aggregate", "--workspace", upper, "--period", "2012Q1", "--format", "json").stdout)
    assert again["values"]["tuyen_truyen.cuoc"] == 8
    assert again["values"]["sinh_hoat.ty_le_tham_gia"] == 80
    assert again["coverage"]["tuyen_truyen.cuoc"] == 3
    assert again["completeness"]["missing"] == ["hd-a"]
    assert again["highlights"][0]["unit_name"] == "Chi đoàn Văn phòng Tỉnh ủy"


def test_csv_rows_and_total(make_ws, run):
    ws = make_ws(FILES)
    result = run("aggregate", "--workspace", ws, "--period", "2012Q1", "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    header = rows[0]
    assert header[:2] == ["unit", "name"] and "tuyen_truyen.cuoc" in header
    col = header.index("tuyen_truyen.cuoc")
    assert [r[0] for r in rows[1:]] == ["cd-vp-tinh-uy", "cd-so-tai-chinh", "dcs-bv", ""]
    assert [r[col] for r in rows[1:]] == ["5", "2", "1", "8"]
    every = run("aggregate", "--workspace", ws, "--period", "2012Q1", "--format", "csv", "--rows", "all").stdout
    assert [r[0] for r in csv.reader(io.StringIO(every))][1:] == ["cd-vp-tinh-uy", "cd-so-tai-chinh", "cd-khoa-noi", ""]


def test_xlsx_written_atomically_and_reproducibly(make_ws, run):
    ws = make_ws(FILES)
    out = ws / "out" / "tong-hop.xlsx"
    assert run("aggregate", "--workspace", ws, "--period", "2012Q1", "-o", out).exit_code == 0
    first = out.read_bytes()
    assert run("aggregate", "--workspace", ws, "--period", "2012Q1", "-o", out).exit_code == 0
    assert out.read_bytes() == first
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][2].startswith("Số đoàn viên")
    assert rows[-1][1] == "Tổng cộng"
    assert not list((ws / "out").glob(".*tmp"))
    result = run("aggregate", "--workspace", ws, "--period", "2012Q1", "--format", "xlsx")
    assert result.exit_code == 2 and "-o" in result.stderr


def test_table_shows_labels_units_and_completeness(make_ws, run):
    ws = make_ws(FILES)
    out = ws / "bang.txt"
    result = run("aggregate", "--workspace", ws, "--period", "2012Q1", "--format", "table", "-o", out)
    assert result.exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "Số đoàn viên" in text and "đoàn viên" in text and "60" in text
    assert "Đơn vị phải báo cáo: 3; đã nộp: 3 (trễ hạn: 1); chưa nộp: 0." in text
    assert "Trễ hạn: Chi đoàn Sở Tài chính." in text


def test_aggregate_refuses_bad_data(make_ws, run):
    ws = make_ws({**FILES, "data/bad.yaml": "unit: cd-vp-tinh-uy\nperiod: 2012Q2\nvalues:\n  hien_mau: {don_vi: -1}\n"})
    out = ws / "x.json"
    result = run("aggregate", "--workspace", ws, "--period", "2012Q1", "-o", out)
    assert result.exit_code == 1
    assert "data/bad.yaml:4" in result.stderr
    assert not out.exists()


def test_status_lists_units_to_chase(make_ws, run):
    ws = make_ws(FILES)
    result = run("status", "--workspace", ws, "--period", "2012Q2")
    assert result.exit_code == 0
    assert "chưa nộp: 3" in result.stdout
    result = run("status", "--workspace", ws, "--period", "2012Q1")
    out = result.stdout
    assert "Trễ hạn" in out and "Thiếu tháng" in out and "Chi đoàn Khoa Nội (1 tháng)" in out


def test_bad_period_is_usage_error(make_ws, run):
    ws = make_ws(FILES)
    result = run("aggregate", "--workspace", ws, "--period", "2012Q7")
    assert result.exit_code == 2 and "2012Q7" in result.stderr


def test_set_aside_files_are_reported(make_ws, run):
    ws = make_ws({**FILES, "data/vp-m1.yaml": "unit: cd-vp-tinh-uy\nperiod: 2012M01\nvalues:\n  tuyen_truyen: {cuoc: 99}\n"})
    result = run("aggregate", "--workspace", ws, "--period", "2012Q1", "--format", "json")
    data = json.loads(result.stdout)
    assert data["values"]["tuyen_truyen.cuoc"] == 8
    assert data["set_aside"] == [{"file": "data/vp-m1.yaml", "unit": "cd-vp-tinh-uy", "period": "2012M01",
                                  "reason": "overlap", "instead": ["data/vp-q1.yaml"], "items": []}]
    assert "data/vp-m1.yaml" in result.stderr and "ghi chú" in result.stderr


def test_rules_checked_again_on_the_aggregate(make_ws, run):
    ws = make_ws({
        "data/a.yaml": "unit: cd-vp-tinh-uy\nperiod: 2012Q1\nvalues:\n  to_chuc: {dang_vien_sinh_hoat_doan: 10}\n",
        "data/b.yaml": "unit: cd-so-tai-chinh\nperiod: 2012Q1\nvalues:\n  to_chuc: {doan_vien: 5}\n",
    })
    assert run("validate", "--workspace", ws).exit_code == 0  # each file passes
    result = run("aggregate", "--workspace", ws, "--period", "2012Q1", "--format", "json")
    assert result.exit_code == 0
    assert "rule-aggregate" in result.stderr and "Đoàn Khối các cơ quan tỉnh, quý I/2012" in result.stderr
    assert json.loads(result.stdout)["values"]["to_chuc.doan_vien"] == 5


def test_outputs_get_ordinary_permissions(make_ws, run):
    import os

    ws = make_ws(FILES)
    out = ws / "t.json"
    run("aggregate", "--workspace", ws, "--period", "2012Q1", "-o", out)
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask


def test_rollup_contents_are_checked(make_ws, run):
    ws = make_ws({"data/r.yaml": """\
        unit: dcs-bv
        period: 2012Q1
        scope: rollup
        values:
          tuyen_truyen: {cuoc: 5}
        coverage: {tuyen_truyen.cuoc: 9, tuyen_truyen.cuocc: 1}
        weights: {sinh_hoat.ty_le_tham_gia: -3}
        completeness: {expected: [cd-khoa-noi, cd-la], reported: [cd-khoa-noi]}
        """})
    result = run("validate", "--workspace", ws, "--format", "json")
    got = sorted((d["code"], d["line"]) for d in json.loads(result.stdout))
    assert got == [("coverage-too-high", 6), ("rollup-unknown-unit", 8),
                   ("unknown-indicator", 6), ("weight-not-positive", 7)]


def test_rollup_keeps_partial_reporters(make_ws, run, tmp_path):
    files = {"data/noi.yaml": "unit: cd-khoa-noi\nperiod: 2012M01\nvalues:\n  tuyen_truyen: {cuoc: 1}\n",
             "data/vp.yaml": "unit: cd-vp-tinh-uy\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {cuoc: 2}\n"}
    ws = make_ws(files)
    before = json.loads(run("aggregate", "--workspace", ws, "--period", "2012Q1", "--format", "json").stdout)
    assert before["completeness"]["partial"] == ["cd-khoa-noi"]
    rollup = run("aggregate", "--workspace", ws, "--period", "2012Q1", "--format", "yaml", "--unit", "dcs-bv").stdout
    (ws / "data" / "rollup.yaml").write_text(rollup, encoding="utf-8")
    after = json.loads(run("aggregate", "--workspace", ws, "--period", "2012Q1", "--format", "json").stdout)
    assert after["values"] == before["values"]
    assert after["completeness"]["partial"] == ["cd-khoa-noi"]
    assert after["completeness"]["months"] == before["completeness"]["months"]


def test_data_files_are_read_even_when_the_tree_is_broken(make_ws, run):
    ws = make_ws({"data/bad.yaml": "unit: cd-a\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 1}\n"},
                 units="code: dk\nname: Đoàn Khối\nkind: doan_khoi\nchildren: 5\n")
    result = run("validate", "--workspace", ws, "--format", "json")
    codes = {(d["file"], d["code"]) for d in json.loads(result.stdout)}
    assert ("units.yaml", "expected-list") in codes and ("data/bad.yaml", "yaml-syntax-flow") in codes


def test_status_and_tables_in_english(make_ws, run):
    ws = make_ws(FILES)
    out = run("status", "--workspace", ws, "--period", "2012Q1", "--lang", "en").stdout
    assert "Units expected to report: 3; reported: 3 (late: 1); missing: 0." in out
    assert "Late" in out and "Months missing" in out and "Trễ hạn" not in out
    table = run("aggregate", "--workspace", ws, "--period", "2012Q1", "--format", "table", "-o", ws / "t.txt",
                "--lang", "en")
    assert table.exit_code == 0 and "Units reporting" in (ws / "t.txt").read_text(encoding="utf-8")
    assert "units below" in run("units", "--workspace", ws, "--lang", "en").stdout


def test_a_rollup_passes_on_the_texts_below_with_their_own_figures(make_ws, run):
    ws = make_ws({"data/noi.yaml": "unit: cd-khoa-noi\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 4}}\n"
                                   "narrative:\n  kho_khan: ['Chỉ tổ chức {{ tuyen_truyen.cuoc }} cuộc.']\n"})
    rollup = yaml.safe_load(run("aggregate", "--workspace", ws, "--period", "2012Q1", "--format", "yaml",
                                "--unit", "dcs-bv").stdout)
    assert rollup["unit_narrative"] == [{"unit": "cd-khoa-noi", "unit_name": "Chi đoàn Khoa Nội", "key": "kho_khan",
                                         "text": "Chỉ tổ chức 04 cuộc.", "figures": {"tuyen_truyen.cuoc": 4}}]


def test_a_figure_a_text_below_states_is_not_said_again_above_its_rollup(make_ws, run, tmp_path_factory):
    ws = make_ws({"data/noi.yaml": "unit: cd-khoa-noi\nperiod: 2012Q1\nvalues: {tinh_nguyen: {kham_benh_dot: 3}}\n"
                                   "narrative:\n  tinh_nguyen: ['Tổ chức {{ tinh_nguyen.kham_benh_dot }} đợt khám bệnh.']\n"})
    rollup = run("aggregate", "--workspace", ws, "--period", "2012Q1", "--format", "yaml", "--unit", "dcs-bv").stdout
    above = tmp_path_factory.mktemp("above")
    for name in ("doanreport.yaml", "units.yaml"):
        (above / name).write_text((ws / name).read_text(encoding="utf-8"), encoding="utf-8")
    (above / "data").mkdir()
    (above / "data" / "bv.yaml").write_text(rollup, encoding="utf-8")
    result = run("render", "--workspace", above, "--template", "quy", "--period", "2012Q1", "--no-cache")
    assert result.exit_code == 0, result.stderr
    assert "- Chi đoàn Khoa Nội: Tổ chức 03 đợt khám bệnh." in result.stdout and result.stdout.count("03 đợt") == 1
    assert "figure-left-out" not in result.stderr


def test_a_text_below_with_a_gap_keeps_its_placeholder_for_the_level_above(make_ws, run):
    ws = make_ws({"data/noi.yaml": "unit: cd-khoa-noi\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 4}}\n"
                                   "narrative:\n  kho_khan: ['Hiến {{ hien_mau.don_vi }} đơn vị máu.']\n"})
    rollup = yaml.safe_load(run("aggregate", "--workspace", ws, "--period", "2012Q1", "--format", "yaml",
                                "--unit", "dcs-bv").stdout)
    assert rollup["unit_narrative"][0]["text"] == "Hiến {{ hien_mau.don_vi }} đơn vị máu."


def test_a_monthly_text_below_a_rollup_speaks_of_its_month(make_ws, run):
    ws = make_ws({
        "data/noi-01.yaml": "unit: cd-khoa-noi\nperiod: 2012M01\nvalues: {tuyen_truyen: {cuoc: 1}}\n"
                            "narrative:\n  kho_khan: ['Tháng 1 chỉ tổ chức {{ tuyen_truyen.cuoc }} cuộc.']\n",
        "data/noi-02.yaml": "unit: cd-khoa-noi\nperiod: 2012M02\nvalues: {tuyen_truyen: {cuoc: 2}}\n"})
    rollup = yaml.safe_load(run("aggregate", "--workspace", ws, "--period", "2012Q1", "--format", "yaml",
                                "--unit", "dcs-bv").stdout)
    assert rollup["unit_narrative"][0]["text"] == "Tháng 1 chỉ tổ chức 01 cuộc."
    assert rollup["unit_narrative"][0]["figures"] == {"tuyen_truyen.cuoc": 1}
