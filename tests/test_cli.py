"""The commands a new user tries first: init, units, form, and their errors."""

from __future__ import annotations

from pathlib import Path

import yaml

from doanreport.model.catalog import Catalog


def test_init_form_validate_round_trip(run, tmp_path):
    ws = tmp_path / "ws"
    result = run("init", ws)
    assert result.exit_code == 0, result.stdout
    assert (ws / "doanreport.yaml").is_file() and (ws / "units.yaml").is_file()
    assert run("validate", "--workspace", ws).exit_code == 0

    form = ws / "data" / "khoa-noi.yaml"
    result = run("form", "--workspace", ws, "--unit", "cd-khoa-noi", "--period", "2026q3", "-o", form)
    assert result.exit_code == 0, result.stderr
    text = form.read_text(encoding="utf-8")
    assert "period: 2026Q3" in text and "# Số đoàn viên (đoàn viên), số cuối kỳ" in text
    result = run("validate", "--workspace", ws)
    assert result.exit_code == 0, result.stdout
    assert "empty-submission" in result.stdout  # a blank form is valid, and flagged as blank

    filled = text.replace("    doan_vien:", "    doan_vien: 25", 1).replace("    buoi:", "    buoi: 3", 1)
    form.write_text(filled, encoding="utf-8")
    result = run("validate", "--workspace", ws)
    assert result.exit_code == 0 and "empty-submission" not in result.stdout
    data = yaml.safe_load(filled)
    assert data["values"]["to_chuc"]["doan_vien"] == 25 and data["values"]["sinh_hoat"]["buoi"] == 3


def test_form_lists_every_catalog_indicator(make_ws, run):
    ws = make_ws()
    result = run("form", "--workspace", ws, "--unit", "cd-vp-tinh-uy", "--period", "2012Q1")
    assert result.exit_code == 0
    data = yaml.safe_load(result.stdout)
    listed = {f"{g}.{n}" for g, items in data["values"].items() for n in items}
    from doanreport.load.workspace import open_workspace

    catalog: Catalog = open_workspace(ws).catalog
    assert listed == set(catalog.indicators)
    assert all(v is None for items in data["values"].values() for v in items.values())
    assert data["unit"] == "cd-vp-tinh-uy" and data["period"] == "2012Q1"


def test_form_refuses_to_overwrite(make_ws, run):
    ws = make_ws({"data/filled.yaml": "unit: cd-vp-tinh-uy\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {cuoc: 5}\n"})
    target = ws / "data" / "filled.yaml"
    before = target.read_bytes()
    result = run("form", "--workspace", ws, "--unit", "cd-vp-tinh-uy", "--period", "2012Q1", "-o", target)
    assert result.exit_code == 1
    assert "--force" in result.stderr
    assert target.read_bytes() == before


def test_form_errors(make_ws, run):
    ws = make_ws()
    result = run("form", "--workspace", ws, "--unit", "nobody", "--period", "2012Q1")
    assert result.exit_code == 1 and "nobody" in result.stderr
    result = run("form", "--workspace", ws, "--unit", "cd-vp-tinh-uy", "--period", "2012Q5")
    assert result.exit_code == 2
    assert "không có quý 5" in result.stderr
    result = run("form", "--workspace", ws, "--unit", "cd-vp-tinh-uy", "--period", "2012Q5", "--lang", "en")
    assert "there is no quarter 5" in result.stderr


def test_init_refuses_existing_workspace(make_ws, run):
    ws = make_ws()
    before = (ws / "doanreport.yaml").read_bytes()
    result = run("init", ws)
    assert result.exit_code == 1 and "doanreport.yaml" in result.stderr
    assert (ws / "doanreport.yaml").read_bytes() == before


def test_units_shows_tree_kinds_and_dissolved(make_ws, run):
    ws = make_ws()
    result = run("units", "--workspace", ws)
    assert result.exit_code == 0
    out = result.stdout
    assert "Đoàn Khối các cơ quan tỉnh (dk-test · Đoàn Khối)" in out
    assert "Chi đoàn Khoa Nội (cd-khoa-noi · Chi đoàn) đã giải thể 15/02/2012" in out
    assert out.index("Văn phòng Tỉnh ủy") < out.index("Sở Tài chính") < out.index("Khoa Nội")
    assert "4 đơn vị trực thuộc (2 chi đoàn cơ sở, 1 đoàn cơ sở, 1 chi đoàn)." in out
    sub = run("units", "--workspace", ws, "--unit", "dcs-bv").stdout
    assert "Văn phòng" not in sub and "Khoa Ngoại" in sub


def test_workspace_found_from_a_subfolder(make_ws, run, monkeypatch):
    ws = make_ws({"data/q1/a.yaml": "unit: cd-vp-tinh-uy\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {cuoc: 5}\n"})
    monkeypatch.chdir(ws / "data" / "q1")
    result = run("validate")
    assert result.exit_code == 0 and "1 tệp" in result.stdout


def test_setup_errors_stop_other_commands_cleanly(make_ws, run):
    ws = make_ws(units="code: x\nname: X\nkind: tinh_doann\n")
    result = run("units", "--workspace", ws)
    assert result.exit_code == 1
    assert "units.yaml:3:7" in result.stderr and "Traceback" not in result.stderr


def test_no_arguments_shows_help(run):
    result = run()
    assert result.exit_code in (0, 2)
    assert "validate" in result.stdout + result.stderr


def test_unknown_option_is_usage_error(make_ws, run):
    ws = make_ws()
    result = run("validate", "--workspace", ws, "--frmat", "json")
    assert result.exit_code == 2


def test_module_runs_as_console_script():
    from importlib.metadata import entry_points

    scripts = {e.name: e.value for e in entry_points(group="console_scripts")}
    assert scripts.get("doanreport") == "doanreport.cli:main"


def test_catalog_ships_in_package():
    from importlib import resources

    assert resources.files("doanreport").joinpath("catalog.yaml").is_file()
    assert Path(resources.files("doanreport").joinpath("catalog.yaml")).stat().st_size > 1000
