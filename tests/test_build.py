"""A report's data: who has not reported in full is said at render and aggregate time."""

from __future__ import annotations

import json

# The conftest tree: cd-vp-tinh-uy and cd-so-tai-chinh report directly; dcs-bv has
# cd-khoa-noi (dissolved 2012-02-15) and cd-khoa-ngoai (established 2012-05-10).
VP_Q1 = "unit: cd-vp-tinh-uy\nperiod: 2012Q1\nvalues: {tuyen_truyen: {cuoc: 4}}\n"
VP_Q2 = "unit: cd-vp-tinh-uy\nperiod: 2012Q2\nvalues: {tuyen_truyen: {cuoc: 5}}\n"
TC_Q1 = "unit: cd-so-tai-chinh\nperiod: 2012M01..2012M02\nvalues: {tuyen_truyen: {cuoc: 1}}\n"


def render(run, ws, *extra):
    return run("render", "--workspace", ws, "--template", "quy", "--no-cache", *extra)


def test_render_names_missing_and_partial_units_and_the_months_covered(make_ws, run):
    ws = make_ws({"data/vp-q1.yaml": VP_Q1, "data/vp-q2.yaml": VP_Q2, "data/tc.yaml": TC_Q1})
    result = render(run, ws, "--period", "2012")
    assert result.exit_code == 0, result.stderr
    err = result.stderr
    assert "[months-short] Các tệp số liệu chỉ phủ 6/12 tháng của năm 2012." in err
    assert "[units-missing] năm 2012: chưa có báo cáo của 2/4 đơn vị: Chi đoàn Khoa Nội; Chi đoàn Khoa Ngoại." in err
    assert ("[units-partial] năm 2012: 2 đơn vị báo cáo chưa đủ các tháng: Chi đoàn Văn phòng Tỉnh ủy (6/12 tháng); "
            "Chi đoàn Sở Tài chính (2/12 tháng).") in err
    assert "BÁO CÁO" in result.stdout


def test_a_complete_period_gives_no_coverage_warning(make_ws, run):
    ws = make_ws({"data/vp-q1.yaml": VP_Q1, "data/tc.yaml": TC_Q1.replace("2012M01..2012M02", "2012Q1"),
                  "data/noi.yaml": "unit: cd-khoa-noi\nperiod: 2012M01..2012M02\nvalues: {tuyen_truyen: {cuoc: 1}}\n"})
    result = render(run, ws, "--period", "2012Q1", "--strict")
    assert result.exit_code == 0, result.stderr
    assert "months-short" not in result.stderr and "units-" not in result.stderr


def test_strict_stops_without_writing(make_ws, run, tmp_path):
    ws = make_ws({"data/vp-q1.yaml": VP_Q1})
    out = tmp_path / "bao-cao.docx"
    result = render(run, ws, "--period", "2012H1", "--strict", "-o", out)
    assert result.exit_code == 1
    assert "--strict" in result.stderr and "[months-short]" in result.stderr
    assert not out.exists()
    agg = run("aggregate", "--workspace", ws, "--period", "2012H1", "--format", "json", "--strict", "--no-cache")
    assert agg.exit_code == 1 and agg.stdout == ""


def test_json_carries_the_warnings_and_the_months_covered(make_ws, run):
    ws = make_ws({"data/vp-q1.yaml": VP_Q1, "data/vp-q2.yaml": VP_Q2})
    result = run("aggregate", "--workspace", ws, "--period", "2012", "--format", "json", "--no-cache", "--lang", "en")
    data = json.loads(result.stdout)
    assert data["months_covered"] == 6
    codes = [w["code"] for w in data["warnings"]]
    assert codes == ["units-missing", "units-partial", "months-short"]
    assert data["warnings"][2]["message"] == "The files cover only 6/12 months of năm 2012."


def test_status_does_not_repeat_what_its_table_shows(make_ws, run):
    ws = make_ws({"data/vp-q1.yaml": VP_Q1})
    result = run("status", "--workspace", ws, "--period", "2012Q1", "--no-cache")
    assert result.exit_code == 0
    assert "units-missing" not in result.stderr


def test_status_shows_a_missing_unit_its_files_for_nearby_periods(make_ws, run):
    ws = make_ws({"data/vp-q1.yaml": VP_Q1, "data/tc-2011q1.yaml": TC_Q1.replace("2012M01..2012M02", "2011Q1")})
    result = run("status", "--workspace", ws, "--period", "2012Q1", "--no-cache")
    assert result.exit_code == 0
    row = next(line for line in result.stdout.splitlines() if "cd-so-tai-chinh" in line)
    assert "kỳ khác: data/tc-2011q1.yaml (quý I/2011)" in " ".join(row.split())


def test_a_template_can_state_who_reported_and_the_months_covered(make_ws, run):
    ws = make_ws({
        "data/vp-q1.yaml": VP_Q1, "data/vp-q2.yaml": VP_Q2,
        "templates/phu-song.md.j2": "{# Mức độ đầy đủ. #}\n{{ completeness.reported | length }}/{{ completeness.expected | length }}"
                                    " đơn vị gửi báo cáo; số liệu {{ months_covered }}/{{ period.months }} tháng.\n",
    })
    result = render(run, ws, "--template", "phu-song", "--period", "2012")
    assert result.exit_code == 0, result.stderr
    assert "1/4 đơn vị gửi báo cáo; số liệu 6/12 tháng." in result.stdout
