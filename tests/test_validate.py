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
        "data/syntax.yaml": ("yaml-syntax", 5),
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
