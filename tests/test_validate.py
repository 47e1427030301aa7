"""`doanreport validate` on good and broken files, as a user runs it."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from conftest import validate_json

GOOD = """\
unit: cd-vp-tinh-uy
period: 2012Q1
submitted: 2012-03-14
values:
  tuyen_truyen: {cuoc: 5, luot_tham_gia: 120}
  to_chuc: {doan_vien: 45, dang_vien_sinh_hoat_doan: 9}
highlights:
  - {kind: mo_hinh, name: Đưa chuyên đề về Bác vào sinh hoạt chi đoàn, program: ct03}
narrative:
  han_che: [Việc đưa chuyên đề về Bác vào sinh hoạt chi đoàn còn ít.]
"""

BILLION_LAUGHS = """\
unit: cd-vp-tinh-uy
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def _by_file(diags: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for d in diags:
        out.setdefault(d["file"], []).append(d)
    return out


def _one(diags: list[dict], file: str) -> dict:
    found = [d for d in diags if d["file"] == file and d["severity"] == "error"]
    assert len(found) == 1, found
    return found[0]


def test_good_workspace_is_clean(make_ws, run):
    ws = make_ws({"data/good.yaml": GOOD})
    result = run("validate", "--workspace", ws)
    assert result.exit_code == 0, result.stdout
    assert "Không có lỗi: 1 tệp hợp lệ." in result.stdout


def test_every_broken_file_reported_in_one_run(make_ws, run, tmp_path):
    marker = tmp_path / "pwned"
    files = {
        "data/good.yaml": GOOD,
        "data/syntax.yaml": "unit: cd-so-tai-chinh\nperiod: 2012Q1\nvalues:\n  to_chuc: {doan_vien: 4\n",
        "data/dupkey.yaml": "unit: cd-so-tai-chinh\nperiod: 2012Q2\nperiod: 2012Q3\n",
        "data/negative.yaml": "unit: cd-so-tai-chinh\nperiod: 2012M01\nvalues:\n  hien_mau: {don_vi: -3}\n",
        "data/misspelt.yaml": "unit: cd-so-tai-chinh\nperiod: 2012M02\nvalues:\n  tuyen_truyen: {cuocc: 5}\n",
        "data/unknown-unit.yaml": "unit: cd-so-tai-chinhh\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {cuoc: 1}\n",
        "data/q5.yaml": "unit: cd-so-tai-chinh\nperiod: 2012Q5\nvalues:\n  tuyen_truyen: {cuoc: 1}\n",
        "data/word.yaml": "unit: cd-so-tai-chinh\nperiod: 2012M03\nvalues:\n  tuyen_truyen: {cuoc: năm}\n",
        "data/bomb.yaml": BILLION_LAUGHS,
        "data/binary.yaml": bytes(range(256)) * 8,
        "data/empty.yaml": "",
        "data/list.yaml": "- unit: cd-so-tai-chinh\n- period: 2012Q1\n",
        "data/no-period.yaml": "unit: cd-so-tai-chinh\nvalues:\n  tuyen_truyen: {cuoc: 1}\n",
        "data/python-tag.yaml": f"unit: !!python/object/apply:os.system ['touch {marker}']\nperiod: 2012Q1\n",
        "data/rule.yaml": "unit: cd-so-tai-chinh\nperiod: 2012\nvalues:\n  to_chuc: {doan_vien: 10, dang_vien_sinh_hoat_doan: 12}\n",
        "data/twin-a.yaml": "unit: cd-vp-tinh-uy\nperiod: 2012Q2\nvalues:\n  tuyen_truyen: {cuoc: 1}\n",
        "data/twin-b.yaml": "unit: cd-vp-tinh-uy\nperiod: 2012q2\nvalues:\n  tuyen_truyen: {cuoc: 2}\n",
    }
    ws = make_ws(files)
    code, diags = validate_json(run, ws)
    assert code == 1
    assert not marker.exists(), "a !!python tag must never run"
    by_file = _by_file(diags)
    assert "data/good.yaml" not in by_file
    expected = {
        "data/syntax.yaml": ("yaml-syntax-flow", 5),
        "data/dupkey.yaml": ("yaml-duplicate-key", 3),
        "data/negative.yaml": ("negative-value", 4),
        "data/misspelt.yaml": ("unknown-indicator", 4),
        "data/unknown-unit.yaml": ("unknown-unit", 1),
        "data/q5.yaml": ("invalid-period", 2),
        "data/word.yaml": ("expected-number", 4),
        "data/bomb.yaml": ("yaml-alias", None),
        "data/binary.yaml": ("file-binary", None),
        "data/empty.yaml": ("file-empty", None),
        "data/list.yaml": ("not-mapping", 1),
        "data/no-period.yaml": ("missing-field", 1),
        "data/python-tag.yaml": ("yaml-tag", 1),
        "data/rule.yaml": ("rule", 4),
    }
    for file, (err_code, line) in expected.items():
        diag = _one(diags, file)
        assert diag["code"] == err_code, (file, diag)
        if line is not None:
            assert diag["line"] == line, (file, diag)
            assert diag["column"] >= 1
        assert diag["message"], diag
    for twin, other in (("data/twin-a.yaml", "twin-b"), ("data/twin-b.yaml", "twin-a")):
        diag = _one(diags, twin)
        assert diag["code"] == "duplicate-submission" and other in diag["message"]
    assert set(diags[0]) == {"file", "line", "column", "severity", "code", "message"}


def test_messages_name_the_fix(make_ws, run):
    ws = make_ws({
        "data/a.yaml": "unit: cd-so-tai-chinh\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {cuocc: 5}\n"
                       "  tinh_nguyen: {qua_gia_tri: 14.236.000}\n  sinh_hoat: {ty_le_tham_gia: '85,5'}\n"
                       "  to_chuc: {doan_vien: 2.145}\n",
    })
    result = run("validate", "--workspace", ws)
    assert result.exit_code == 1
    out = result.stdout
    assert "data/a.yaml:4:18: lỗi [unknown-indicator]" in out
    assert "Có phải ý bạn là «tuyen_truyen.cuoc»?" in out
    assert "14236000" in out  # thousands separators explained
    assert "85.5" in out  # decimal comma explained
    assert "2145" in out  # 2.145 read as a decimal
    assert "Traceback" not in out + result.stderr


def test_english_messages(make_ws, run):
    ws = make_ws({"data/a.yaml": "unit: cd-so-tai-chinh\nperiod: 2012Q1\nvalue:\n  tuyen_truyen: {cuoc: 5}\n"})
    result = run("validate", "--workspace", ws, "--lang", "en")
    assert result.exit_code == 1
    assert "data/a.yaml:3:1: error [unknown-key] Unknown key 'value'. Did you mean 'values'?" in result.stdout


def test_unit_not_active_in_period(make_ws, run):
    ws = make_ws({
        "data/gone.yaml": "unit: cd-khoa-noi\nperiod: 2012Q2\nvalues:\n  tuyen_truyen: {cuoc: 1}\n",
        "data/still.yaml": "unit: cd-khoa-noi\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {cuoc: 1}\n",
        "data/early.yaml": "unit: cd-khoa-ngoai\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {cuoc: 1}\n",
        "data/new.yaml": "unit: cd-khoa-ngoai\nperiod: 2012Q2\nvalues:\n  tuyen_truyen: {cuoc: 1}\n",
    })
    code, diags = validate_json(run, ws)
    assert code == 1
    assert sorted((d["file"], d["code"]) for d in diags) == [
        ("data/early.yaml", "unit-inactive"),
        ("data/gone.yaml", "unit-inactive"),
    ]
    gone = _one(diags, "data/gone.yaml")
    assert "giải thể ngày 15/02/2012" in gone["message"] and gone["line"] == 2


def test_warning_rule_does_not_fail(make_ws, run):
    ws = make_ws({"data/a.yaml": "unit: cd-so-tai-chinh\nperiod: 2012\nvalues:\n  xay_dung_dang: {gioi_thieu: 2, ket_nap: 3}\n"})
    code, diags = validate_json(run, ws)
    assert code == 0
    assert [(d["severity"], d["code"], d["line"]) for d in diags] == [("warning", "rule", 4)]


def test_only_given_paths_are_checked(make_ws, run):
    ws = make_ws({"data/good.yaml": GOOD, "data/bad.yaml": "unit: nobody\nperiod: 2012Q1\n"})
    result = run("validate", "--workspace", ws, ws / "data" / "good.yaml")
    assert result.exit_code == 0
    result = run("validate", "--workspace", ws, ws / "data" / "bad.yaml")
    assert result.exit_code == 1 and "unknown-unit" in result.stdout


def test_setup_errors_are_reported(make_ws, run):
    units = """\
    code: dk-test
    name: Đoàn Khối
    kind: doan_khoi
    children:
      - {code: cd-a, name: Chi đoàn A, kind: chi_doan_co_so}
      - {code: cd-a, name: Chi đoàn A2, kind: chi_doan_co_so}
      - {code: tinh, name: Tỉnh Đoàn, kind: tinh_doan}
    """
    ws = make_ws({}, config="root: dk-test\ndeadline_dya: 20\n", units=units)
    code, diags = validate_json(run, ws)
    assert code == 1
    got = {(d["file"], d["code"], d["line"]) for d in diags}
    assert ("doanreport.yaml", "unknown-key", 2) in got
    assert ("units.yaml", "duplicate-unit", 6) in got
    assert ("units.yaml", "unit-kind-order", 7) in got
    assert any("deadline_day" in d["message"] for d in diags)


def test_input_files_are_not_modified(make_ws, run):
    ws = make_ws({"data/good.yaml": GOOD, "data/bad.yaml": "unit: x\nperiod: 2012Q9\n"})
    before = {p: p.read_bytes() for p in Path(ws).rglob("*") if p.is_file()}
    run("validate", "--workspace", ws)
    after = {p: p.read_bytes() for p in before}
    assert before == after
    written = {p.relative_to(ws).as_posix() for p in Path(ws).rglob("*") if p.is_file() and p not in before}
    assert written <= {".doanreport/files.cache"}


def test_text_output_is_sorted_by_file_and_line(make_ws, run):
    ws = make_ws({
        "data/b.yaml": "unit: cd-so-tai-chinh\nperiod: 2012Q1\nvalues:\n  hien_mau: {don_vi: -1}\n  tuyen_truyen: {cuocc: 1}\n",
        "data/a.yaml": "unit: nobody\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {cuoc: 1}\n",
    })
    lines = [line for line in run("validate", "--workspace", ws).stdout.splitlines() if line.startswith("data/")]
    assert [line.split(": ", 1)[0] for line in lines] == ["data/a.yaml:1:7", "data/b.yaml:4:22", "data/b.yaml:5:18"]


def test_json_is_a_list_even_when_clean(make_ws, run):
    ws = make_ws({"data/good.yaml": GOOD})
    code, diags = validate_json(run, ws)
    assert (code, diags) == (0, [])


def test_missing_workspace_is_a_clear_error(run, tmp_path):
    result = run("validate", "--workspace", tmp_path)
    assert result.exit_code == 1
    assert "doanreport.yaml" in result.stderr and "doanreport init" in result.stderr


def to_cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: base letters precomposed, tone marks combining."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", ch)
            shaped = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in "\u0302\u0306\u031b"))
            out += shaped.encode("cp1258") + "".join(m for m in marks if m not in "\u0302\u0306\u031b").encode("cp1258")
    return bytes(out)


def test_encodings(make_ws, run):
    text = GOOD.replace("cd-vp-tinh-uy", "cd-so-tai-chinh")
    ws = make_ws({
        "data/bom.yaml": b"\xef\xbb\xbf" + GOOD.encode("utf-8"),
        "data/utf16.yaml": text.replace("2012Q1", "2012Q2").encode("utf-16"),
        "data/cp1258.yaml": to_cp1258(text.replace("2012Q1", "2012Q3")),
    })
    code, diags = validate_json(run, ws)
    assert code == 0, diags
    assert [(d["file"], d["code"]) for d in diags] == [("data/cp1258.yaml", "encoding-cp1258")]


def test_json_output_is_valid_utf8_vietnamese(make_ws, run):
    ws = make_ws({"data/a.yaml": "unit: nobody\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {cuoc: 1}\n"})
    result = run("validate", "--workspace", ws, "--format", "json")
    assert "Không có đơn vị mã «nobody»" in json.loads(result.stdout)[0]["message"]


def test_impossible_date_is_reported_at_its_position(make_ws, run):
    ws = make_ws({"data/a.yaml": "unit: cd-so-tai-chinh\nperiod: 2012Q1\nsubmitted: 2012-02-30\nvalues:\n  tuyen_truyen: {cuoc: 1}\n"})
    code, diags = validate_json(run, ws)
    assert code == 1
    assert [(d["code"], d["line"], d["column"]) for d in diags] == [("expected-date", 3, 12)]


def test_yaml_number_forms_that_are_not_plain_decimals_are_refused(make_ws, run):
    ws = make_ws({"data/a.yaml": (
        "unit: cd-so-tai-chinh\nperiod: 2012Q1\nvalues:\n"
        "  hien_mau: {luot_tham_gia: 0x10, don_vi: 0b101}\n"
        "  tuyen_truyen: {cuoc: 1:30, luot_tham_gia: 1_000}\n"
        "  sinh_hoat: {ty_le_tham_gia: .nan}\n"
        "  to_chuc: {doan_vien: .inf, ket_nap_doan_vien: 010}\n")})
    code, diags = validate_json(run, ws)
    assert code == 1
    got = sorted((d["line"], d["column"], d["code"]) for d in diags)
    assert got == [(4, 29, "expected-number"), (4, 43, "expected-number"),
                   (5, 24, "expected-number"), (5, 45, "expected-number"),
                   (6, 31, "expected-number"), (7, 24, "expected-number")]
    assert "14236000" not in json_messages(diags)
    result = run("aggregate", "--workspace", make_ws({"data/a.yaml": "unit: cd-so-tai-chinh\nperiod: 2012Q1\n"
                                                       "values:\n  to_chuc: {ket_nap_doan_vien: 010}\n"}),
                 "--period", "2012Q1", "--format", "json")
    assert json.loads(result.stdout)["values"]["to_chuc.ket_nap_doan_vien"] == 10  # decimal, not octal 8


def json_messages(diags):
    return " ".join(d["message"] for d in diags)


def test_control_characters_in_text_are_reported(make_ws, run):
    ws = make_ws({"data/a.yaml": 'unit: cd-so-tai-chinh\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {cuoc: 1}\n'
                                 'narrative:\n  han_che: "a \\x01 b"\n'})
    code, diags = validate_json(run, ws)
    assert code == 1
    assert [(d["code"], d["line"]) for d in diags] == [("control-character", 6)]


def test_every_missing_key_is_reported(make_ws, run):
    ws = make_ws({"data/a.yaml": "prepared_by: An\nvalues:\n  tuyen_truyen: {cuoc: 1}\n"})
    code, diags = validate_json(run, ws)
    missing = sorted(d["message"] for d in diags if d["code"] == "missing-field")
    assert len(missing) == 2 and "«period»" in missing[0] + missing[1] and "«unit»" in missing[0] + missing[1]


def test_range_messages_name_the_bound(make_ws, run):
    ws = make_ws(config="root: dk-test\ndeadline_day: 45\n")
    code, diags = validate_json(run, ws)
    assert [(d["code"], d["line"]) for d in diags] == [("too-large", 2)]
    assert "nhiều nhất là 31" in diags[0]["message"]


def test_slug_message_names_the_right_separator(make_ws, run):
    ws = make_ws({"data/a.yaml": "unit: cd-so-tai-chinh\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {cuoc: 1}\n"
                                 "narrative:\n  Han-Che: [Còn ít.]\n"})
    code, diags = validate_json(run, ws)
    assert [(d["code"], d["line"], d["column"]) for d in diags] == [("invalid-slug", 6, 3)]
    assert "dấu _" in diags[0]["message"]


def test_deep_block_nesting_is_refused_without_crashing(tmp_path):
    import subprocess
    import sys

    deep = "unit: x\nnarrative:\n  han_che:\n    " + "- " * 50000 + "x\n"
    path = tmp_path / "deep.yaml"
    path.write_text(deep, encoding="utf-8")
    code = ("from pathlib import Path; from doanreport.load.source import load; "
            f"d, diags = load(Path({str(path)!r}), 'deep.yaml'); print(d, [x.code for x in diags])")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "None ['yaml-too-deep']" in proc.stdout


def test_a_misspelt_values_key_is_not_also_called_empty(make_ws, run):
    ws = make_ws({"data/a.yaml": "unit: cd-so-tai-chinh\nperiod: 2012Q1\nvalus:\n  tuyen_truyen: {cuoc: 1}\n"})
    code, diags = validate_json(run, ws)
    assert [d["code"] for d in diags] == ["unknown-key"]


# --- a comma inside {…}, a figure in quotes or with a % sign: how to write it ------

def _errors(diags: list[dict]) -> list[tuple[int, int, str]]:
    return sorted((d["line"], d["column"], d["code"]) for d in diags if d["severity"] == "error")


def test_a_name_split_by_a_comma_inside_braces_is_told_to_go_in_quotes(make_ws, run):
    ws = make_ws({"data/a.yaml": (
        "unit: cd-vp-tinh-uy\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {cuoc: 5}\nhighlights:\n"
        "  - {kind: mo_hinh, name: Mô hình A, B và C, program: ct03}\n")})
    code, diags = validate_json(run, ws)
    assert code == 1
    assert _errors(diags) == [(6, 38, "unknown-key-comma")]
    assert diags[0]["message"] == (
        "Mục «B và C» không có trong mẫu: dấu phẩy trong {…} ngăn cách các mục, nên dòng chữ «Mô hình A, B và C» "
        'đã bị tách ra. Hãy đặt dòng chữ trong dấu ngoặc kép: `name: "Mô hình A, B và C"`.')
    result = run("validate", "--workspace", ws, "--lang", "en")
    assert ("data/a.yaml:6:38: error [unknown-key-comma] Unknown key 'B và C': a comma inside {…} separates entries, "
            "so the text 'Mô hình A, B và C' was split. Put the text in quotes: `name: \"Mô hình A, B và C\"`.") in result.stdout
    fixed = (ws / "data" / "a.yaml").read_text(encoding="utf-8").replace("Mô hình A, B và C", '"Mô hình A, B và C"')
    (ws / "data" / "a.yaml").write_text(fixed, encoding="utf-8")
    assert run("validate", "--workspace", ws).exit_code == 0  # the line the message shows is the cure


def test_a_unit_name_split_by_commas_is_told_to_go_in_quotes_at_each_piece(make_ws, run):
    units = UNITS_WITH.format(name="Chi đoàn Sở Lao động, Thương binh, Xã hội")
    code, diags = validate_json(run, make_ws(units=units))
    assert code == 1
    assert [(d["file"], d["line"], d["column"], d["code"]) for d in diags] == [
        ("units.yaml", 5, 55, "unknown-key-comma"), ("units.yaml", 5, 68, "unknown-key-comma")]
    for d in diags:
        assert d["message"].endswith('Hãy đặt dòng chữ trong dấu ngoặc kép: `name: "Chi đoàn Sở Lao động, Thương binh, Xã hội"`.')


UNITS_WITH = """\
code: dk-test
name: Đoàn Khối các cơ quan tỉnh
kind: doan_khoi
children:
  - {{code: cd-vp-tinh-uy, name: {name}, kind: chi_doan_co_so}}
"""


def test_a_quote_in_the_split_text_is_escaped_in_the_line_shown(make_ws, run):
    ws = make_ws({"data/a.yaml": ("unit: cd-vp-tinh-uy\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {cuoc: 5}\n"
                                  'narrative: {han_che: Phong trào "Tuổi trẻ" còn ít, chưa đều}\n')})
    code, diags = validate_json(run, ws)
    assert _errors(diags) == [(5, 52, "unknown-key-comma")]
    assert diags[0]["message"].endswith('`han_che: "Phong trào \\"Tuổi trẻ\\" còn ít, chưa đều"`.')


def test_a_text_split_across_the_lines_of_braces_is_shown_on_one_line(make_ws, run):
    ws = make_ws({"data/a.yaml": ("unit: cd-vp-tinh-uy\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {cuoc: 5}\nhighlights:\n"
                                  "  - {kind: mo_hinh, name: Mô hình A,\n     B và C}\n")})
    code, diags = validate_json(run, ws)
    assert _errors(diags) == [(7, 6, "unknown-key-comma")]
    assert diags[0]["message"].endswith('`name: "Mô hình A, B và C"`.')


def test_a_decimal_comma_inside_braces_is_told_to_take_a_dot(make_ws, run):
    ws = make_ws({"data/a.yaml": "unit: cd-vp-tinh-uy\nperiod: 2012Q1\nvalues:\n  sinh_hoat: {buoi: 3, ty_le_tham_gia: 85,5}\n"})
    code, diags = validate_json(run, ws)
    split = [d for d in diags if d["code"] == "number-comma-split"]
    assert [(d["line"], d["column"]) for d in split] == [(4, 43)]
    assert split[0]["message"] == (
        "Mục «5» không có trong mẫu: dấu phẩy trong {…} ngăn cách các mục, nên số «85,5» đã bị tách làm hai. "
        "Dùng dấu chấm cho phần thập phân, không dùng dấu ngăn cách hàng nghìn: `ty_le_tham_gia: 85.5`.")


def test_other_unknown_keys_get_no_quotes_hint(make_ws, run):
    """Only a key a comma made inside {…}, with nothing after it, is a split text."""
    ws = make_ws({"data/a.yaml": (
        "unit: cd-vp-tinh-uy\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {cuoc: 5, luot_tham_gia: 4}\nhighlights:\n"
        '  - {kind: mo_hinh, name: "Mô hình A", B và C}\n'    # the name was quoted: B và C is something else
        "  - {kind: mo_hinh, name: Mô hình D, descripton}\n"  # a misspelt key, not a piece of the name
        "  - {kind: mo_hinh, name: Mô hình E, ghi_chu: x}\n"  # a key with a value
        "  - kind: mo_hinh\n    name: Mô hình F,\n    G:\n")}) # not inside braces
    code, diags = validate_json(run, ws)
    assert _errors(diags) == [(6, 40, "unknown-key"), (7, 38, "unknown-key"), (8, 38, "unknown-key"), (11, 5, "unknown-key")]
    assert "Có phải ý bạn là «description»?" in diags[1]["message"]
    assert not any("ngoặc kép" in d["message"] for d in diags)
    # `45, 9` with a space is two figures, not one the comma split: no number written for it
    ws = make_ws({"data/a.yaml": "unit: cd-vp-tinh-uy\nperiod: 2012Q1\nvalues:\n  to_chuc: {doan_vien: 45, 9}\n"})
    code, diags = validate_json(run, ws)
    assert code == 1 and diags and not any(d["code"] in ("number-comma-split", "unknown-key-comma") for d in diags)


def test_a_figure_with_a_percent_sign_or_in_quotes_is_told_how_to_write_it(make_ws, run):
    ws = make_ws({"data/a.yaml": (
        "unit: cd-vp-tinh-uy\nperiod: 2012Q1\nvalues:\n"
        '  sinh_hoat: {ty_le_tham_gia: "92%", buoi: \'3\'}\n'
        "  to_chuc:\n    doan_vien: \"45\"\n    ket_nap_doan_vien: 92,5 %\n"
        "  tuyen_truyen:\n    cuoc: 85,5\n    luot_tham_gia: \"1.200\"\n"
        "  hien_mau: {don_vi: !!str 4}\n")})  # text, but not in quotes: nothing to remove
    code, diags = validate_json(run, ws)
    assert code == 1
    got = {(d["line"], d["column"]): (d["code"], d["message"]) for d in diags}
    assert got == {
        (4, 31): ("number-percent", "«92%» không phải là số. Bỏ dấu %, chỉ viết số: 92."),
        (4, 44): ("number-quoted", "«3» là chữ, không phải số, vì nằm trong dấu ngoặc. Bỏ dấu ngoặc: viết 3, không phải '3'."),
        (6, 16): ("number-quoted", '«45» là chữ, không phải số, vì nằm trong dấu ngoặc. Bỏ dấu ngoặc: viết 45, không phải "45".'),
        (7, 24): ("number-percent", "«92,5 %» không phải là số. Bỏ dấu %, chỉ viết số: 92.5."),
        (9, 11): ("expected-number", "«85,5» không phải là số. Dùng dấu chấm cho phần thập phân: 85.5."),
        (10, 20): ("expected-number", "«1.200» không phải là số. Viết liền, không dùng dấu chấm hay dấu phẩy ngăn cách hàng nghìn: 1200."),
        (11, 22): ("expected-number", "«4» không phải là số."),
    }
    english = run("validate", "--workspace", ws, "--lang", "en").stdout
    assert "data/a.yaml:4:31: error [number-percent] '92%' is not a number. Leave out the % sign and write 92." in english
    assert ("data/a.yaml:6:16: error [number-quoted] '45' is text, not a number, because it is in quotes. "
            'Remove the quotes: write 45, not "45".') in english
    assert "data/a.yaml:9:11: error [expected-number] '85,5' is not a number. Use a dot for decimals: 85.5." in english


def test_a_broken_flow_mapping_says_to_quote_the_text(make_ws, run):
    ws = make_ws({"data/x.yaml": "unit: cd-vp-tinh-uy\nperiod: 2012Q1\nhighlights:\n  - {kind: mo_hinh, name: Mô hình: tốt}\n"})
    result = run("validate", "--workspace", ws, "--no-cache")
    line = next(x for x in result.stdout.splitlines() if x.startswith("data/x.yaml:4:"))
    assert "[yaml-syntax-flow]" in line and 'name: "Mô hình A, B và C"' in line


def test_pad_small_counts_is_true_or_false(make_ws, run):
    from conftest import CONFIG
    result = run("validate", "--workspace", make_ws(config=CONFIG + "wording: {pad_small_counts: 01}\n"), "--no-cache")
    assert result.exit_code == 1 and "[expected-bool]" in result.stdout + result.stderr


def test_a_value_is_quoted_as_yaml_wrote_it(make_ws, run):
    config = "root: dk-test\nwording:\ndocument: {issuer: [true, B]}\n"
    result = run("validate", "--workspace", make_ws(config=config), "--no-cache")
    text = result.stdout + result.stderr
    assert "«(để trống)»" in text and "«true»" in text and "None" not in text and "True" not in text
