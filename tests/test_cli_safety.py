"""The command line protects the user's files and says clearly what it did."""

from __future__ import annotations

import json

import yaml

GOOD = "unit: cd-vp-tinh-uy\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {cuoc: 5}\n"


def test_outputs_never_overwrite_inputs(make_ws, run):
    ws = make_ws({"data/a.yaml": GOOD})
    before = {p: p.read_bytes() for p in ws.rglob("*") if p.is_file()}
    for target in (ws / "units.yaml", ws / "doanreport.yaml", ws / "data" / "a.yaml", ws / "data" / "new.yaml"):
        result = run("aggregate", "--workspace", ws, "--period", "2012Q1", "--format", "yaml", "-o", target)
        assert result.exit_code == 1 and "tệp đầu vào" in result.stderr, target
    result = run("render", "--workspace", ws, "--template", "quy", "--period", "2012Q1", "--format", "md",
                 "-o", ws / "templates" / "x.md.j2")
    assert result.exit_code != 0
    assert {p: p.read_bytes() for p in before} == before


def test_output_formats_follow_the_suffix_or_must_agree(make_ws, run, tmp_path):
    ws = make_ws({"data/a.yaml": GOOD})
    result = run("aggregate", "--workspace", ws, "--period", "2012Q1", "-o", tmp_path / "x.xls")
    assert result.exit_code == 2 and ".xlsx" in result.stderr
    result = run("aggregate", "--workspace", ws, "--period", "2012Q1", "--format", "csv", "-o", tmp_path / "x.xlsx")
    assert result.exit_code == 2
    result = run("render", "--workspace", ws, "--template", "quy", "--period", "2012Q1", "--format", "md",
                 "-o", tmp_path / "x.docx")
    assert result.exit_code == 2
    assert not list(tmp_path.glob("x.*"))


def test_table_to_a_file_leaves_stdout_empty(make_ws, run, tmp_path):
    ws = make_ws({"data/a.yaml": GOOD})
    out = tmp_path / "bang.txt"
    result = run("aggregate", "--workspace", ws, "--period", "2012Q1", "-o", out)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "Cuộc tuyên truyền" in out.read_text(encoding="utf-8")
    assert "Đã ghi" in result.stderr
    english = run("aggregate", "--workspace", ws, "--period", "2012Q1", "-o", out, "--lang", "en")
    assert "Wrote" in english.stderr


def test_init_refuses_a_folder_with_any_of_its_files(run, tmp_path):
    folder = tmp_path / "ws"
    folder.mkdir()
    (folder / "units.yaml").write_text("# my tree\n", encoding="utf-8")
    result = run("init", folder)
    assert result.exit_code == 1 and "units.yaml" in result.stderr
    assert (folder / "units.yaml").read_text(encoding="utf-8") == "# my tree\n"
    assert not (folder / "doanreport.yaml").exists()


def test_missing_data_folder_is_an_error(make_ws, run):
    ws = make_ws(config="root: dk-test\ndata: du-lieu\n")
    result = run("validate", "--workspace", ws, "--format", "json")
    assert result.exit_code == 1
    diags = json.loads(result.stdout)
    assert [(d["file"], d["code"], d["line"]) for d in diags] == [("doanreport.yaml", "data-dir-missing", 2)]


def test_data_in_the_workspace_root_skips_setup_files(make_ws, run):
    ws = make_ws({"a.yaml": GOOD}, config="root: dk-test\ndata: .\n")
    result = run("validate", "--workspace", ws)
    assert result.exit_code == 0, result.stdout
    assert "1 tệp" in result.stdout


def test_workspace_option_errors(run, tmp_path):
    result = run("validate", "--workspace", tmp_path / "khong-co")
    assert result.exit_code == 1 and "Không có thư mục" in result.stderr
    result = run("validate", "--workspace", tmp_path)
    assert result.exit_code == 1 and "doanreport init" in result.stderr


def test_unknown_unit_option_suggests(make_ws, run):
    ws = make_ws()
    result = run("units", "--workspace", ws, "--unit", "cd-vp-tinh-uyy")
    assert result.exit_code == 1 and "cd-vp-tinh-uy" in result.stderr.replace("cd-vp-tinh-uyy", "")


def test_data_errors_are_called_data_errors(make_ws, run):
    ws = make_ws({"data/a.yaml": "unit: cd-vp-tinh-uy\nperiod: 2012Q9\n"})
    result = run("aggregate", "--workspace", ws, "--period", "2012Q1")
    assert result.exit_code == 1
    assert "doanreport validate" in result.stderr and "Cấu hình" not in result.stderr


def test_status_and_render_show_what_was_set_aside(make_ws, run):
    ws = make_ws({"data/a.yaml": GOOD, "data/b.yaml": "unit: cd-vp-tinh-uy\nperiod: 2012M02..2012M04\n"
                                                     "values:\n  tuyen_truyen: {cuoc: 1}\n"})
    for args in (("status",), ("render", "--template", "quy")):
        result = run(*args, "--workspace", ws, "--period", "2012Q1")
        assert result.exit_code == 0
        assert "data/b.yaml" in result.stderr and "một phần" in result.stderr


def test_render_with_no_data_warns(make_ws, run):
    ws = make_ws({"data/a.yaml": GOOD})
    result = run("render", "--workspace", ws, "--template", "quy", "--period", "2013Q1")
    assert result.exit_code == 0
    assert "no-data" in result.stderr and "quý I/2013" in result.stderr


def test_form_for_a_template_lists_only_its_indicators(make_ws, run):
    ws = make_ws()
    full = yaml.safe_load(run("form", "--workspace", ws, "--unit", "cd-vp-tinh-uy", "--period", "2012Q1").stdout)
    result = run("form", "--workspace", ws, "--unit", "cd-vp-tinh-uy", "--period", "2012Q1", "--template", "ct03")
    assert result.exit_code == 0, result.stderr
    data = yaml.safe_load(result.stdout)
    codes = {f"{g}.{n}" for g, items in data["values"].items() for n in items}
    every = {f"{g}.{n}" for g, items in full["values"].items() for n in items}
    assert {"ct03.hoc_tap_luot", "ct03.cuoc_thi_luot", "phan_loai_doan_vien.kha", "xay_dung_dang.ket_nap"} <= codes
    assert "van_nghe_tdtt.hoat_dong" not in codes and codes < every


def test_broken_workspace_templates_give_messages_not_tracebacks(make_ws, run):
    ws = make_ws({
        "data/a.yaml": GOOD,
        "templates/rong.md.j2": "{##}\n{% extends '_khung.md.j2' %}\n",
        "templates/quy.md.j2": "{% extends 'quy.md.j2' %}\n",
        "templates/latin1.md.j2": "Báo cáo".encode("latin-1", "replace") + b"\xe9\xff",
        "templates/ten.md.j2": "{% extends '_khung.md.j2' %}{% block body %}{{ unit_name('khong-co') }}{% endblock %}",
    })
    assert run("templates", "--workspace", ws).exit_code == 0
    for name, needle in (("quy", "builtin/quy.md.j2"), ("latin1", "UTF-8"), ("ten", "ten.md.j2"), ("_khung", "_khung")):
        result = run("render", "--workspace", ws, "--template", name, "--period", "2012Q1")
        assert result.exit_code == 1, name
        assert needle in result.stderr, (name, result.stderr)
        assert "Traceback" not in result.stderr


def test_templates_cannot_reach_python(make_ws, run):
    bad = "{% extends '_khung.md.j2' %}{% block body %}{{ v.__globals__ }}{% endblock %}"
    ws = make_ws({"data/a.yaml": GOOD, "templates/xau.md.j2": bad})
    result = run("render", "--workspace", ws, "--template", "xau", "--period", "2012Q1")
    assert result.exit_code == 1 and "xau.md.j2" in result.stderr


def test_form_for_a_template_includes_figures_stated_only_when_reported(make_ws, run):
    ws = make_ws()
    result = run("form", "--workspace", ws, "--unit", "cd-vp-tinh-uy", "--period", "2012Q1", "--template", "quy")
    data = yaml.safe_load(result.stdout)
    codes = {f"{g}.{n}" for g, items in data["values"].items() for n in items}
    assert {"to_chuc.dang_vien_sinh_hoat_doan", "tuyen_truyen.luot_tham_gia", "sinh_hoat.luot_tham_gia",
            "tinh_nguyen.qua_gia_tri", "hien_mau.don_vi"} <= codes


def test_form_force_never_overwrites_the_setup(make_ws, run):
    ws = make_ws()
    before = (ws / "doanreport.yaml").read_bytes()
    result = run("form", "--workspace", ws, "--unit", "cd-vp-tinh-uy", "--period", "2012Q1",
                 "-o", ws / "doanreport.yaml", "--force")
    assert result.exit_code == 1 and (ws / "doanreport.yaml").read_bytes() == before


def test_names_with_brackets_are_printed_as_written(make_ws, run):
    units = "code: dk-test\nname: Đoàn Khối [khối A]\nkind: doan_khoi\nchildren:\n" \
            "  - {code: cd-a, name: 'Chi đoàn [/i] Sở Tài chính', kind: chi_doan_co_so}\n"
    ws = make_ws(units=units)
    result = run("status", "--workspace", ws, "--period", "2012Q1")
    assert result.exit_code == 0
    assert "Chi đoàn [/i] Sở Tài chính" in result.stdout and "Đoàn Khối [khối A]" in result.stdout
    result = run("units", "--workspace", ws, "--unit", "[/red]")
    assert result.exit_code == 1 and "[/red]" in result.stderr and "Traceback" not in result.stderr


def test_odd_files_in_data_are_reported_not_hung_on(make_ws, run):
    import os

    ws = make_ws({"data/a.yaml": GOOD})
    os.mkfifo(ws / "data" / "pipe.yaml")
    os.symlink(ws / "data", ws / "data" / "loop")
    result = run("validate", "--workspace", ws, "--format", "json")
    diags = json.loads(result.stdout)
    assert [(d["file"], d["code"]) for d in diags] == [("data/pipe.yaml", "not-a-file")]
    assert run("validate", "--workspace", ws, ws / "data" / "a.yaml", str(ws / "data" / "a.yaml")).exit_code == 0


def test_absurd_sizes_are_refused(make_ws, run):
    ws = make_ws({
        "data/big.yaml": "unit: cd-vp-tinh-uy\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {cuoc: " + "9" * 400 + "}\n",
        "data/long.yaml": "unit: cd-so-tai-chinh\nperiod: 2012Q1\nnarrative:\n  han_che: [" + ", ".join(["a"] * 20000) + "]\n",
    })
    result = run("validate", "--workspace", ws, "--format", "json")
    assert sorted(d["code"] for d in json.loads(result.stdout)) == ["value-too-large", "yaml-too-long"]
    assert run("aggregate", "--workspace", ws, "--period", "2012Q1").exit_code == 1


def test_a_wrong_item_in_a_list_is_pointed_at(make_ws, run):
    ws = make_ws({"data/a.yaml": "unit: cd-so-tai-chinh\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {cuoc: 1}\n"
                                 "narrative:\n  han_che:\n    - Một\n    - 2012\n    - Ba\n"})
    diags = json.loads(run("validate", "--workspace", ws, "--format", "json").stdout)
    assert [(d["code"], d["line"], d["column"]) for d in diags] == [("expected-text", 8, 7)]


def test_own_file_and_rollup_of_one_period_may_stand_together(make_ws, run):
    ws = make_ws({
        "data/own.yaml": "unit: dcs-bv\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {cuoc: 1}\n",
        "data/rollup.yaml": "unit: dcs-bv\nperiod: 2012Q1\nscope: rollup\nvalues:\n  tuyen_truyen: {cuoc: 4}\n",
    })
    assert run("validate", "--workspace", ws).exit_code == 0
    data = json.loads(run("aggregate", "--workspace", ws, "--period", "2012Q1", "--format", "json").stdout)
    assert data["values"]["tuyen_truyen.cuoc"] == 4  # the rollup stands for the branch, own file included
