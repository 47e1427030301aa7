"""Unit tests of `doanreport.source`: bytes -> text -> YAML with positions, safely."""

from __future__ import annotations

import codecs
import subprocess
import sys
import textwrap
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from doanreport.load import source
from doanreport.load.source import decode, load, parse_yaml


def codes(diags) -> list[str]:
    return [d.code for d in diags]


def parse_ok(text: str):
    doc, diags = parse_yaml(textwrap.dedent(text), "f.yaml")
    assert doc is not None, diags
    return doc, diags


def parse_refused(text: str):
    doc, diags = parse_yaml(text, "f.yaml")
    assert doc is None
    assert len(diags) == 1, diags
    assert diags[0].severity == "error"
    assert diags[0].file == "f.yaml"
    return diags[0]


# --- positions --------------------------------------------------------------------


def test_positions_of_keys_and_values() -> None:
    doc, diags = parse_ok(
        """\
        unit: cd-vp-tinh-uy
        period: 2012Q1
        values:
          tuyen_truyen: {cuoc: 5, luot_tham_gia: 120}
          to_chuc:
            doan_vien: 45
        """
    )
    assert diags == []
    assert doc.file == "f.yaml"
    assert doc.data == {
        "unit": "cd-vp-tinh-uy",
        "period": "2012Q1",
        "values": {"tuyen_truyen": {"cuoc": 5, "luot_tham_gia": 120}, "to_chuc": {"doan_vien": 45}},
    }
    assert doc.key_pos(("unit",)) == (1, 1)
    assert doc.pos(("unit",)) == (1, 7)
    assert doc.key_pos(("period",)) == (2, 1)
    assert doc.pos(("period",)) == (2, 9)
    assert doc.key_pos(("values",)) == (3, 1)
    assert doc.key_pos(("values", "tuyen_truyen")) == (4, 3)
    assert doc.pos(("values", "tuyen_truyen")) == (4, 17)
    assert doc.key_pos(("values", "tuyen_truyen", "cuoc")) == (4, 18)
    assert doc.pos(("values", "tuyen_truyen", "cuoc")) == (4, 24)
    assert doc.key_pos(("values", "tuyen_truyen", "luot_tham_gia")) == (4, 27)
    assert doc.pos(("values", "tuyen_truyen", "luot_tham_gia")) == (4, 42)
    assert doc.key_pos(("values", "to_chuc", "doan_vien")) == (6, 5)
    assert doc.pos(("values", "to_chuc", "doan_vien")) == (6, 16)
    assert doc.pos(()) == (1, 1)


def test_positions_of_list_items() -> None:
    doc, _ = parse_ok(
        """\
        highlights:
          - kind: mo_hinh
            name: Mô hình A
          - {kind: ca_nhan, name: Lý Minh Toàn}
        tags: [a, bb, ccc]
        """
    )
    assert doc.pos(("highlights", 0)) == (2, 5)
    assert doc.key_pos(("highlights", 0, "name")) == (3, 5)
    assert doc.pos(("highlights", 0, "name")) == (3, 11)
    assert doc.pos(("highlights", 1)) == (4, 5)
    assert doc.pos(("highlights", 1, "name")) == (4, 27)
    assert doc.pos(("tags", 0)) == (5, 8)
    assert doc.pos(("tags", 1)) == (5, 11)
    assert doc.pos(("tags", 2)) == (5, 15)
    assert doc.data["highlights"][1] == {"kind": "ca_nhan", "name": "Lý Minh Toàn"}


def test_pos_falls_back_to_nearest_existing_parent() -> None:
    doc, _ = parse_ok(
        """\
        a: 1
        b:
          c: 2
        """
    )
    assert doc.pos(("b", "c", "missing", 3)) == doc.pos(("b", "c")) == (3, 6)
    assert doc.key_pos(("b", "nope")) == doc.pos(("b",))
    assert doc.pos(("zzz",)) == (1, 1)


def test_plain_scalars_are_typed_and_trimmed() -> None:
    doc, diags = parse_ok(
        """\
        count: 12
        rate: 85.5
        day: 2012-03-14
        flag: true
        empty:
        text: '  padded  '
        forced: !!str 123
        """
    )
    assert diags == []
    assert doc.data == {
        "count": 12,
        "rate": 85.5,
        "day": date(2012, 3, 14),
        "flag": True,
        "empty": None,
        "text": "padded",
        "forced": "123",
    }


# --- duplicate keys ---------------------------------------------------------------


def test_duplicate_key_reported_with_both_lines() -> None:
    doc, diags = parse_ok(
        """\
        unit: cd-a
        values:
          hien_mau: {don_vi: 7}
          to_chuc: {doan_vien: 45}
          hien_mau: {don_vi: 9}
        """
    )
    assert codes(diags) == ["yaml-duplicate-key"]
    dup = diags[0]
    assert dup.severity == "error"
    assert (dup.line, dup.column) == (5, 3)
    assert dup.args["first_line"] == 3
    assert dup.args["key"] == "hien_mau"
    assert "3" in dup.message("vi") and "hien_mau" in dup.message("vi")
    assert "lặp" in dup.message("vi")
    assert "Duplicate" in dup.message("en") and "line 3" in dup.message("en")
    # the first value is kept
    assert doc.data["values"]["hien_mau"] == {"don_vi": 7}


def test_each_duplicate_key_is_reported() -> None:
    _, diags = parse_ok(
        """\
        a: 1
        b: 2
        a: 3
        b: 4
        a: 5
        """
    )
    assert codes(diags) == ["yaml-duplicate-key"] * 3
    assert [(d.line, d.args["first_line"]) for d in diags] == [(3, 1), (4, 2), (5, 1)]


# --- encodings --------------------------------------------------------------------

VI_TEXT = "name: Đoàn Khối các cơ quan tỉnh Sóc Trăng\nnote: Thực hành tiết kiệm, chống tham ô, lãng phí\n"
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Encode as Windows-1258 the way Vietnamese Windows does: base letter + tone mark."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out += base.encode("cp1258") + tones.encode("cp1258")
    return out


def test_plain_utf8() -> None:
    text, diags = decode(VI_TEXT.encode("utf-8"), "x.yaml")
    assert text == VI_TEXT
    assert diags == []


def test_utf8_bom_is_removed() -> None:
    text, diags = decode(codecs.BOM_UTF8 + VI_TEXT.encode("utf-8"), "x.yaml")
    assert text == VI_TEXT
    assert not text.startswith("\ufeff")
    assert diags == []


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le-bom", "utf-16-be-bom"])
def test_utf16_with_bom(encoding: str) -> None:
    if encoding == "utf-16-le-bom":
        raw = codecs.BOM_UTF16_LE + VI_TEXT.encode("utf-16-le")
    elif encoding == "utf-16-be-bom":
        raw = codecs.BOM_UTF16_BE + VI_TEXT.encode("utf-16-be")
    else:
        raw = VI_TEXT.encode("utf-16")
    text, diags = decode(raw, "x.yaml")
    assert text == VI_TEXT
    assert not text.startswith("\ufeff")
    assert [d for d in diags if d.is_error] == []


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(encoding: str) -> None:
    text, diags = decode(VI_TEXT.encode(encoding), "x.yaml")
    assert text == VI_TEXT
    assert [d for d in diags if d.is_error] == []


def test_windows_1258_is_decoded_with_a_warning_and_nfc() -> None:
    raw = to_cp1258(VI_TEXT)
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # the test input really is not UTF-8
    text, diags = decode(raw, "x.yaml")
    assert text == VI_TEXT
    assert unicodedata.is_normalized("NFC", text)
    assert codes(diags) == ["encoding-cp1258"]
    assert diags[0].severity == "warning"
    assert diags[0].file == "x.yaml"
    assert "1258" in diags[0].message("vi") and "UTF-8" in diags[0].message("vi")
    assert "Windows-1258" in diags[0].message("en")


def test_decomposed_text_is_normalised_to_nfc() -> None:
    nfd = unicodedata.normalize("NFD", VI_TEXT)
    assert nfd != VI_TEXT
    text, diags = decode(nfd.encode("utf-8"), "x.yaml")
    assert text == VI_TEXT
    assert diags == []


def test_load_normalises_keys_and_values(tmp_path: Path) -> None:
    path = tmp_path / "nfd.yaml"
    path.write_bytes(unicodedata.normalize("NFD", "Khối: Đoàn viên ưu tú\n").encode("utf-8"))
    doc, diags = load(path, "nfd.yaml")
    assert diags == []
    assert doc.data == {"Khối": "Đoàn viên ưu tú"}
    key, value = next(iter(doc.data.items()))
    assert unicodedata.is_normalized("NFC", key) and unicodedata.is_normalized("NFC", value)


def test_load_windows_1258_file(tmp_path: Path) -> None:
    path = tmp_path / "cp.yaml"
    path.write_bytes(to_cp1258(VI_TEXT))
    doc, diags = load(path, "cp.yaml")
    assert doc.data == {
        "name": "Đoàn Khối các cơ quan tỉnh Sóc Trăng",
        "note": "Thực hành tiết kiệm, chống tham ô, lãng phí",
    }
    assert codes(diags) == ["encoding-cp1258"]


def test_unknown_encoding_is_refused() -> None:
    # Not UTF-8, and as Windows-1258 it does not read as Vietnamese.
    text, diags = decode(b"\xff\xfe\xfd\x81\x8a", "x.yaml")
    assert text is None
    assert codes(diags) == ["encoding-unknown"]
    assert "UTF-8" in diags[0].message("vi")


# --- binary, empty, too large ----------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00",
        bytes(range(256)) * 4,
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" * 20,  # a .docx / .xlsx
        b"\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f" * 10,
    ],
)
def test_binary_is_refused(raw: bytes) -> None:
    text, diags = decode(raw, "x.yaml")
    assert text is None
    assert codes(diags) == ["file-binary"]
    assert diags[0].severity == "error"
    assert "nhị phân" in diags[0].message("vi")
    assert "binary" in diags[0].message("en")


def test_binary_file_through_load(tmp_path: Path) -> None:
    path = tmp_path / "photo.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    doc, diags = load(path, "photo.yaml")
    assert doc is None
    assert codes(diags) == ["file-binary"]
    assert diags[0].file == "photo.yaml"


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"   \n\n\t\n",
        b"# only a comment\n",
        b"# a comment\n   # another, indented\n\n",
        codecs.BOM_UTF8,
        codecs.BOM_UTF8 + b"# comment\n",
    ],
)
def test_empty_and_comment_only_files(raw: bytes) -> None:
    text, diags = decode(raw, "x.yaml")
    assert text is None
    assert codes(diags) == ["file-empty"]
    assert diags[0].severity == "error"


def test_empty_file_through_load(tmp_path: Path) -> None:
    path = tmp_path / "blank.yaml"
    path.write_text("# Biểu mẫu báo cáo\n# (chưa điền)\n", encoding="utf-8")
    doc, diags = load(path, "blank.yaml")
    assert doc is None
    assert codes(diags) == ["file-empty"]


def test_oversized_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "MAX_BYTES", 100)
    path = tmp_path / "big.yaml"
    path.write_text("a: 1\n" * 100, encoding="utf-8")
    doc, diags = load(path, "big.yaml")
    assert doc is None
    assert codes(diags) == ["file-too-large"]
    assert diags[0].args["size"] == 500
    assert diags[0].args["limit"] == 100
    assert "500" in diags[0].message("vi") and "100" in diags[0].message("vi")
    assert "too large" in diags[0].message("en")


def test_file_at_the_size_limit_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "MAX_BYTES", 500)
    path = tmp_path / "edge.yaml"
    path.write_text("a: 1\n" + "# padding\n" * 49 + "b:\n" + "\n" * 2, encoding="utf-8")
    assert path.stat().st_size <= 500
    doc, diags = load(path, "edge.yaml")
    assert doc is not None and diags == []


def test_missing_file_is_reported(tmp_path: Path) -> None:
    doc, diags = load(tmp_path / "nope.yaml", "nope.yaml")
    assert doc is None
    assert codes(diags) == ["file-unreadable"]


def test_load_does_not_modify_the_file(tmp_path: Path) -> None:
    raw = codecs.BOM_UTF8 + unicodedata.normalize("NFD", "a: Khối\r\n").encode("utf-8")
    path = tmp_path / "keep.yaml"
    path.write_bytes(raw)
    doc, _ = load(path, "keep.yaml")
    assert doc.data == {"a": "Khối"}
    assert path.read_bytes() == raw


# --- hostile YAML -------------------------------------------------------------------

BILLION_LAUGHS = textwrap.dedent(
    """\
    a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
    f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
    g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
    h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
    i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
    j: &j [*i,*i,*i,*i,*i,*i,*i,*i,*i]
    k: &k [*j,*j,*j,*j,*j,*j,*j,*j,*j]
    l: &l [*k,*k,*k,*k,*k,*k,*k,*k,*k]
    """
)


def test_alias_bomb_is_refused() -> None:
    diag = parse_refused(BILLION_LAUGHS)
    assert diag.code == "yaml-alias"
    assert diag.line is not None and diag.line <= 2
    assert "&" in diag.message("vi") and "*" in diag.message("vi")


def test_alias_bomb_through_load(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    doc, diags = load(path, "bomb.yaml")
    assert doc is None
    assert codes(diags) == ["yaml-alias"]


def test_plain_alias_is_refused() -> None:
    diag = parse_refused(
        textwrap.dedent(
            """\
            to_chuc: &tc {doan_vien: 45}
            khac: *tc
            """
        )
    )
    assert diag.code == "yaml-alias"
    assert diag.line in (1, 2)
    assert "alias" in diag.message("en")


def test_merge_key_is_refused() -> None:
    diag = parse_refused(
        textwrap.dedent(
            """\
            base: &b {doan_vien: 45}
            to_chuc:
              <<: *b
              dang_vien_sinh_hoat_doan: 3
            """
        )
    )
    assert diag.code == "yaml-alias"
    assert (diag.line, diag.column) == (3, 3)


def test_anchor_without_alias_is_harmless() -> None:
    doc, diags = parse_ok("a: &x 1\nb: 2\n")
    assert doc.data == {"a": 1, "b": 2}
    assert diags == []


def test_python_tag_is_refused_and_not_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f'values: !!python/object/apply:os.system ["touch {marker}"]\n'
    diag = parse_refused(text)
    assert diag.code == "yaml-tag"
    assert (diag.line, diag.column) == (1, 9)
    assert "python/object/apply:os.system" in diag.message("en")
    assert not marker.exists()


def test_python_tag_through_load_is_not_executed(tmp_path: Path) -> None:
    marker = tmp_path / "created-by-yaml"
    path = tmp_path / "evil.yaml"
    path.write_text(
        textwrap.dedent(
            f"""\
            unit: cd-a
            period: 2012Q1
            x: !!python/object/apply:builtins.open ["{marker}", "w"]
            """
        ),
        encoding="utf-8",
    )
    doc, diags = load(path, "evil.yaml")
    assert doc is None
    assert codes(diags) == ["yaml-tag"]
    assert diags[0].line == 3
    assert not marker.exists()


@pytest.mark.parametrize(
    "text",
    [
        "a: !foo bar\n",
        "a: !!binary aGVsbG8=\n",
        "a: !!set {x, y}\n",
        "a: !!omap [x: 1]\n",
        "!!python/name:os.system\n",
    ],
)
def test_other_tags_are_refused(text: str) -> None:
    assert parse_refused(text).code == "yaml-tag"


def test_deep_flow_nesting_is_refused_in_process() -> None:
    depth = 100_000
    diag = parse_refused("[" * depth + "]" * depth)
    assert diag.code == "yaml-too-deep"


def test_deep_flow_nesting_does_not_crash_the_interpreter() -> None:
    # Run in a child process: a C-level stack overflow would kill pytest itself.
    script = textwrap.dedent(
        """\
        from doanreport.load.source import parse_yaml
        for text in ("[" * 100000 + "]" * 100000, "{a: " * 100000 + "1" + "}" * 100000):
            doc, diags = parse_yaml(text, "deep.yaml")
            assert doc is None
            print(",".join(d.code for d in diags))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["yaml-too-deep", "yaml-too-deep"]


def test_deep_nesting_below_the_flow_guard_is_refused_with_position() -> None:
    diag = parse_refused("[" * 100 + "]" * 100)
    assert diag.code == "yaml-too-deep"
    assert diag.line == 1 and diag.column is not None


def test_deep_block_nesting_is_refused() -> None:
    text = "".join("  " * i + "k:\n" for i in range(80)) + "  " * 80 + "v\n"
    diag = parse_refused(text)
    assert diag.code == "yaml-too-deep"
    assert diag.line is not None


def test_reasonable_nesting_is_fine() -> None:
    doc, diags = parse_ok("[" * 20 + "1" + "]" * 20)
    assert diags == []
    value = doc.data
    for _ in range(19):
        value = value[0]
    assert value == [1]


def test_complex_key_is_refused() -> None:
    diag = parse_refused("? [a, b]\n: 1\n")
    assert diag.code == "yaml-complex-key"
    assert diag.line == 1


def test_impossible_date_is_kept_as_text_for_the_schema_to_report() -> None:
    doc, diags = parse_ok("unit: cd-a\nsubmitted: 2012-02-30\n")
    assert diags == []
    assert doc.data["submitted"] == "2012-02-30"
    assert doc.pos(("submitted",)) == (2, 12)


# --- syntax errors ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("unit: cd-a\nvalues: {cuoc: 5\nperiod: 2012Q1\n", 3, 7),
        ("unit: cd-a\nvalues: [1, 2\nperiod: 2012Q1\n", 3, 7),
        ("unit: cd-a\n  period: 2012Q1\n", 2, 9),
        ("unit: cd-a\nname: 'Chi đoàn\n", 3, 1),
        ("unit: cd-a\n\tperiod: 2012Q1\n", 2, 1),
    ],
)
def test_syntax_errors_have_line_and_column(text: str, line: int, column: int) -> None:
    diag = parse_refused(text)
    assert diag.code == ("yaml-syntax-flow" if "{" in text or "[" in text else "yaml-syntax")
    assert (diag.line, diag.column) == (line, column)
    assert diag.args["problem"]
    assert "YAML" in diag.message("vi") and "cú pháp" in diag.message("vi")
    assert "syntax error" in diag.message("en")


def test_several_documents_are_a_syntax_error() -> None:
    diag = parse_refused("a: 1\n---\nb: 2\n")
    assert diag.code == "yaml-syntax"
    assert diag.line == 2


def test_top_level_list_is_parsed_with_positions() -> None:
    doc, diags = parse_ok("- a\n- b\n")
    assert doc.data == ["a", "b"]
    assert doc.pos((1,)) == (2, 3)


def test_crlf_line_endings_keep_positions() -> None:
    doc, diags = parse_yaml("unit: cd-a\r\nvalues:\r\n  hien_mau: {don_vi: 7}\r\n", "f.yaml")
    assert diags == []
    assert doc.data == {"unit": "cd-a", "values": {"hien_mau": {"don_vi": 7}}}
    assert doc.key_pos(("values", "hien_mau")) == (3, 3)
    assert doc.pos(("values", "hien_mau", "don_vi")) == (3, 22)


@pytest.mark.parametrize("text", ["", "# chỉ có chú thích\n"])
def test_parse_yaml_of_nothing_is_empty(text: str) -> None:
    assert parse_refused(text).code == "file-empty"


def test_document_marker_and_comments_only_is_empty(tmp_path: Path) -> None:
    # A blank form saved by an editor that adds a leading '---' holds no data:
    # it should be reported as an empty file, like a comment-only file.
    path = tmp_path / "blank.yaml"
    path.write_text("---\n# Mẫu báo cáo quý, chưa điền\n", encoding="utf-8")
    doc, diags = load(path, "blank.yaml")
    assert doc is None
    assert codes(diags) == ["file-empty"]
