"""Forms that cannot break: what `form` and `init` write reads back as meant.

Names and narrative are written double-quoted, or as block scalars when long
or of several lines, so a comma in a name, `85,5`, a colon, `#`, a leading
`-`, `{`, `[`, `*`, `&`, `!`, `%`, `@`, a backtick or a quote can neither split
a flow mapping nor change what the text means. Every property parses the
written text back with the project's own loader (`parse_yaml`), whose only
normalisation of a text is `strip`.
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import CONFIG
from doanreport.cli import app
from doanreport.cli.forms import yaml_text
from doanreport.cli.scaffold import (
    SAMPLE_TREE,
    SampleDocument,
    SampleHighlight,
    SampleSubmission,
    SampleUnit,
    config_text,
    submission_text,
    units_text,
)
from doanreport.load.schema import quoted
from doanreport.load.source import parse_yaml
from doanreport.model.periods import parse as parse_period

# The characters the loader takes out of a text (with an error): left out of the
# generated texts, which are to read back unchanged.
LOADER_CONTROLS = "".join(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]))
YAML_SPECIAL = list(",:#-{}[]*&!%@`\"'|>?~\\ \t\n\r.+_0123456789") + ["yes", "no", "null", "~", "85,5", "0x10", "1:30",
                                                                        ": ", " #", "- ", "{{ ", " }}", "...", "---"]
ANY_CHAR = st.characters(exclude_categories=("Cs",), exclude_characters=LOADER_CONTROLS)
WORDS = st.sampled_from(["Chi", "đoàn", "Sở", "Lao", "động,", "Thương", "binh", "và", "Xã", "hội", "85,5%", "#1",
                         "“Tuổi", "trẻ”", "{{", "tuyen_truyen.cuoc", "|", "xap_xi", "}}", '"45"', "-", "a:b", "x: y"])

texts = st.one_of(
    st.text(ANY_CHAR, max_size=40),
    st.lists(st.one_of(st.sampled_from(YAML_SPECIAL), ANY_CHAR), max_size=40).map("".join),
    st.lists(WORDS, min_size=1, max_size=40).map(" ".join),  # long texts: folded
    st.lists(st.tuples(WORDS, st.sampled_from([" ", " ", " ", "  ", " \t", "\t", " \u00a0"])), max_size=40).map(
        lambda pairs: "".join(w + sep for w, sep in pairs)),  # long, and spaced as a hurried hand does
    st.lists(st.lists(WORDS, max_size=12).map(" ".join), min_size=2, max_size=5).map("\n".join),  # several lines
)
names = texts.filter(lambda t: t.strip())  # a name must say something

TRICKY = [
    "Chi đoàn Sở Lao động, Thương binh và Xã hội",
    "Mô hình A, B và C",
    "Tỷ lệ: 85,5%",
    "85,5",
    "45",
    "92%",
    "# không phải chú thích",
    "Đạt 100% #1",
    "- gạch đầu dòng",
    "{kind: mo_hinh}",
    "[ý 1, ý 2]",
    "*sao",
    "&neo",
    "!thẻ",
    "%phần trăm",
    "@tên",
    "`lệnh`",
    '"ngoặc kép" ở đầu',
    "'nháy đơn' ở đầu",
    "có \\ gạch chéo ngược",
    "yes",
    "null",
    "~",
    "2012-03-14",
    "0x10",
    "1:30",
    "? hỏi",
    "| dọc",
    "> lớn hơn",
    "Tổ chức {{ tuyen_truyen.cuoc }} cuộc, thu hút {{ tuyen_truyen.luot_tham_gia | xap_xi }} lượt",
    "Dòng một:\nDòng hai, # ba\n\n- dòng bốn",
    "Tiếp tục đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; " * 3,
]


def read_back(text: str):
    """The data of a YAML text, read by the project's loader; no diagnostic allowed."""
    doc, diags = parse_yaml(text, "t.yaml")
    assert doc is not None and not diags, (text, diags)
    return doc.data


# --- the two writers, in every place a text stands --------------------------------


def check_quoted(text: str) -> None:
    q = quoted(text)
    assert "\n" not in q  # one line, whatever the text
    data = read_back(f"a: {q}\nm: {{a: {q}, b: {q}}}\nl: [{q}, {q}]\ns:\n  - {q}\n  - {{name: {q}, kind: x}}\nz: end\n")
    want = text.strip()
    assert data == {"a": want, "m": {"a": want, "b": want}, "l": [want, want], "s": [want, {"name": want, "kind": "x"}],
                    "z": "end"}


def check_yaml_text(text: str) -> None:
    want = text.strip()
    for indent in (0, 2, 4):
        pad = " " * indent
        written = (f"{pad}k: {yaml_text(text, indent)}\n{pad}after: 1\n"
                   f"{pad}l:\n{pad}  - {yaml_text(text, indent + 2)}\n{pad}  - {yaml_text(text, indent + 2)}\n")
        body = read_back(written if not indent else "outer:\n" + written)
        assert (body if not indent else body["outer"]) == {"k": want, "after": 1, "l": [want, want]}, written


@settings(max_examples=400, deadline=None)
@given(texts)
def test_a_quoted_text_reads_back_as_written_inside_braces_or_out(text):
    check_quoted(text)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_a_text_written_for_a_block_reads_back_as_written(text):
    check_yaml_text(text)


@pytest.mark.parametrize("text", TRICKY)
def test_texts_that_break_plain_yaml_read_back_as_written(text):
    check_quoted(text)
    check_yaml_text(text)


def test_plain_writing_breaks_on_these_texts():
    """The control: written without quotes, these texts are misread or refused."""
    broken = 0
    for text in TRICKY:
        try:
            data = yaml.safe_load(f"m: {{name: {text}, kind: x}}\n")
        except yaml.YAMLError:
            broken += 1
            continue
        broken += data != {"m": {"name": text, "kind": "x"}}
    assert broken >= len(TRICKY) - 3  # `Dòng một` ... and the hedge of plain texts that do survive


def test_how_texts_are_written():
    assert quoted('Mô hình "A", B và C') == '"Mô hình \\"A\\", B và C"'
    assert quoted("a\\b\tc\nd\x85e\u2028f\x01") == '"a\\\\b\\tc\\nd\\Ne\\Lf\\x01"'
    assert yaml_text("Chi đoàn Sở Lao động, Thương binh và Xã hội", 2) == '"Chi đoàn Sở Lao động, Thương binh và Xã hội"'
    assert yaml_text("Dòng một:\nDòng hai", 2) == "|-\n    Dòng một:\n    Dòng hai"
    assert yaml_text("Theo \"Nghị quyết\" số 1", 0) == '>-\n  Theo "Nghị quyết" số 1'
    long = "Tổ chức {{ tuyen_truyen.cuoc }} cuộc tuyên truyền, " * 4
    folded = yaml_text(long, 2).split("\n")
    assert folded[0] == ">-" and all(len(line) <= 80 for line in folded)
    assert all(line.count("{{") == line.count("}}") for line in folded)  # never broken inside a placeholder
    assert yaml_text("  dòng một\n", 0) == '"dòng một"'  # stripped, like the loader does
    assert yaml_text("dòng một\n  lùi vào", 0) == '"dòng một\\n  lùi vào"'  # a block would not keep the indent


@pytest.mark.parametrize("shift", range(0, 90, 3))
def test_a_long_text_with_double_spaces_folds_back_to_its_spaces(shift):
    text = "x" * shift + " trên  20 triệu,   gần 500 " * 8
    written = yaml_text(text, 2).split("\n")
    assert written[0] == ">-" and len(written) > 3
    assert not any(line.endswith(" ") for line in written)  # nothing an editor's trimming would take
    check_yaml_text(text)


def test_a_control_character_is_escaped_and_the_loader_says_so():
    doc, diags = parse_yaml("a: " + quoted("a \x01 b") + "\n", "t.yaml")
    assert doc is not None and doc.data == {"a": "a  b"}
    assert [d.code for d in diags] == ["control-character"]


# --- init: every sample text written safely ---------------------------------------

kinds = st.sampled_from(["chi_doan_co_so", "doan_co_so", "chi_doan"])
leaves = st.builds(SampleUnit, code=st.from_regex(r"[a-z]{1,4}(-[a-z0-9]{1,3})?", fullmatch=True), name=names,
                   kind=kinds)
trees = st.builds(SampleUnit, code=st.just("dk-x"), name=names, kind=st.just("doan_khoi"), children=st.lists(
    st.one_of(leaves, st.builds(SampleUnit, code=st.just("dcs-y"), name=names, kind=st.just("doan_co_so"),
                                children=st.lists(leaves, min_size=1, max_size=3).map(tuple))),
    max_size=4).map(tuple))


def expected_unit(unit: SampleUnit) -> dict:
    out: dict = {"code": unit.code, "name": unit.name.strip(), "kind": unit.kind}
    if unit.children:
        out["children"] = [expected_unit(c) for c in unit.children]
    return out


@settings(max_examples=200, deadline=None)
@given(trees)
def test_a_tree_of_any_names_reads_back_as_meant(tree):
    assert read_back(units_text(tree)) == expected_unit(tree)


@settings(max_examples=200, deadline=None)
@given(st.builds(SampleDocument, issuer=texts, symbol=texts, place=texts, on_behalf=texts, title=texts, signer=texts,
                 recipients=st.lists(texts, max_size=4).map(tuple)))
def test_a_document_frame_of_any_words_reads_back_as_meant(document):
    data = read_back(config_text("dk-x", document))
    assert data["root"] == "dk-x" and data["deadline_day"] == 20
    assert data["document"] == {
        "issuer": document.issuer.strip(), "symbol": document.symbol.strip(), "place": document.place.strip(),
        "signer": {"on_behalf": document.on_behalf.strip(), "title": document.title.strip(), "name": document.signer.strip()},
        "recipients": [r.strip() for r in document.recipients]}


submissions = st.builds(
    SampleSubmission, unit=st.just("cd-x"), prepared_by=texts,
    highlights=st.lists(st.builds(SampleHighlight, kind=st.just("mo_hinh"), name=names,
                                  program=st.sampled_from([None, "ct03"])), max_size=3).map(tuple),
    narrative=st.lists(st.tuples(st.sampled_from(["han_che", "kho_khan", "phuong_huong", "chi_dao"]),
                                 st.one_of(names, st.lists(names, min_size=1, max_size=3).map(tuple))),
                       max_size=4, unique_by=lambda kv: kv[0]).map(tuple))


@settings(max_examples=200, deadline=None)
@given(submissions)
def test_a_sample_submission_of_any_texts_reads_back_as_meant(sample):
    data = read_back(submission_text(parse_period("2026Q3"), sample))
    assert data["unit"] == "cd-x" and data["period"] == "2026Q3" and data["values"]["tuyen_truyen"] == {
        "cuoc": 5, "luot_tham_gia": 130}
    assert data["prepared_by"] == sample.prepared_by.strip()
    assert data.get("highlights") == ([{"kind": h.kind, "name": h.name.strip(), **({"program": h.program} if h.program else {})}
                                       for h in sample.highlights] or None)
    assert data.get("narrative") == ({k: v.strip() if isinstance(v, str) else [p.strip() for p in v]
                                      for k, v in sample.narrative} or None)


def walk(unit: SampleUnit):
    yield unit
    for child in unit.children:
        yield from walk(child)


def test_init_writes_every_name_and_sentence_quoted(run, tmp_path):
    ws = tmp_path / "ws"
    assert run("init", ws).exit_code == 0
    units = (ws / "units.yaml").read_text(encoding="utf-8")
    for unit in walk(SAMPLE_TREE):
        assert f'name: "{unit.name}"' in units
    config = (ws / "doanreport.yaml").read_text(encoding="utf-8")
    assert '  issuer: "BCH ĐOÀN KHỐI CÁC CƠ QUAN TỈNH"\n' in config
    assert '  signer: {on_behalf: "TM. BAN THƯỜNG VỤ", title: "BÍ THƯ", name: "Nguyễn Văn An"}\n' in config
    assert '  recipients: ["Ban Thường vụ Tỉnh Đoàn", "Thường trực Đảng ủy Khối", "Các cơ sở Đoàn trực thuộc", "Lưu VP"]\n' in config
    sample = next((ws / "data").glob("*.yaml")).read_text(encoding="utf-8")
    assert 'prepared_by: "Trần Thị Bình"\n' in sample
    assert '    name: "Đưa chuyên đề về Bác vào sinh hoạt chi đoàn"\n' in sample
    assert '    - "Việc đưa chuyên đề về Bác vào sinh hoạt chi đoàn định kỳ còn ít."\n' in sample
    assert ("  phuong_huong: >-\n    Tiếp tục đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí\n"
            "    Minh.\n") in sample
    result = run("validate", "--workspace", ws)
    assert result.exit_code == 0 and "Không có lỗi" in result.stdout, result.stdout


def test_a_name_put_in_the_samples_place_stays_whole(run, tmp_path):
    """A secretary edits a name in the sample tree inside its quotes: the comma stays in the name."""
    ws = tmp_path / "ws"
    run("init", ws)
    units = ws / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace(
        '"Chi đoàn Sở Tài chính"', '"Chi đoàn Sở Lao động, Thương binh và Xã hội"'), encoding="utf-8")
    assert run("validate", "--workspace", ws).exit_code == 0
    listed = run("units", "--workspace", ws).stdout
    assert "Chi đoàn Sở Lao động, Thương binh và Xã hội" in listed


# --- form: a tree of any names, a form that reads back blank ---------------------

NASTY = SampleUnit("dk-test", "Đoàn Khối: các cơ quan, tỉnh #1", "doan_khoi", (
    SampleUnit("cd-ldtbxh", "Chi đoàn Sở Lao động, Thương binh và Xã hội", "chi_doan_co_so"),
    SampleUnit("cd-ty-le", 'Chi đoàn "85,5%" - {A}, [B] *C &D !E %F @G `H`', "chi_doan_co_so"),
    SampleUnit("dcs-bv", "- Đoàn cơ sở: Bệnh viện\nĐa khoa, tỉnh", "doan_co_so", (
        SampleUnit("cd-khoa-noi", "Chi đoàn Khoa Nội # Ngoại", "chi_doan"),)),
))


def form_for(ws: Path, unit: str) -> str:
    result = CliRunner().invoke(app, ["form", "--workspace", str(ws), "--unit", unit, "--period", "2012Q1"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def check_form(form: str, unit: str, name: str) -> None:
    shown = unicodedata.normalize("NFC", " ".join(name.split()))  # the loader's NFC, the form's one line
    assert form.splitlines()[0] == f"# Báo cáo số liệu của {shown} ({unit})"
    data = read_back(form)
    assert data["unit"] == unit and data["period"] == "2012Q1" and data["highlights"] == []
    assert data["scope"] == "own" and data["submitted"] is None and data["prepared_by"] is None
    assert all(v is None for items in data["values"].values() for v in items.values()) and data["values"]
    assert all(v is None for v in data["narrative"].values()) and data["narrative"]


def test_a_tree_with_commas_colons_and_quotes_in_its_names(run, make_ws):
    ws = make_ws(units=units_text(NASTY))
    result = run("validate", "--workspace", ws)
    assert result.exit_code == 0, result.stdout
    listed = run("units", "--workspace", ws).stdout
    for unit in walk(NASTY):
        assert " ".join(unit.name.split()) in " ".join(listed.split())
        check_form(form_for(ws, unit.code), unit.code, unit.name)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=names, label=names, help_text=texts, heading=names)
def test_a_form_reads_back_blank_whatever_the_names_and_labels(name, label, help_text, heading):
    tree = SampleUnit("dk-test", "Đoàn Khối", "doan_khoi", (SampleUnit("cd-x", name, "chi_doan_co_so"),))
    catalog = (f"groups:\n  nhom_moi: {yaml_text(heading, 2)}\nindicators:\n"
               f"  - code: nhom_moi.so_luong\n    label: {yaml_text(label, 4)}\n    unit: {quoted('cái, chiếc')}\n"
               f"    aggregate: sum\n    help: {yaml_text(help_text, 4)}\n")
    with tempfile.TemporaryDirectory() as folder:
        ws = Path(folder)
        (ws / "data").mkdir()
        (ws / "doanreport.yaml").write_text(CONFIG + "catalog: [catalog.yaml]\n", encoding="utf-8")
        (ws / "units.yaml").write_text(units_text(tree), encoding="utf-8")
        (ws / "catalog.yaml").write_text(catalog, encoding="utf-8")
        form = form_for(ws, "cd-x")
    check_form(form, "cd-x", name)
    assert read_back(form)["values"]["nhom_moi"] == {"so_luong": None}
    described = next(line for line in form.splitlines() if line.startswith("    so_luong:"))
    assert re.search(r"# .*\(cái, chiếc\)", described)


def test_the_forms_examples_are_written_in_quotes(run, make_ws):
    ws = make_ws()
    form = form_for(ws, "cd-vp-tinh-uy")
    assert '#     name: "Tên mô hình"\n' in form and '#     description: "Mô tả ngắn"\n' in form
    assert '#   chi_dao: "..."\n#   trien_khai:\n#     - "..."\n' in form
    # the secretary uncomments the example and writes her own name inside the quotes
    example = form[form.index("#   - kind: mo_hinh"):form.index("highlights: []")]
    block = "\n".join(line[1:] for line in example.splitlines() if line.startswith("#  "))
    block = block.replace('"Tên mô hình"', '"Mô hình A, B và C: 85,5% # một"')
    filled = form.replace("highlights: []", "highlights:\n" + block).replace("    cuoc:", "    cuoc: 5", 1)
    (ws / "data" / "a.yaml").write_text(filled, encoding="utf-8")
    result = run("validate", "--workspace", ws)
    assert result.exit_code == 0, result.stdout
    assert read_back(filled)["highlights"][0]["name"] == "Mô hình A, B và C: 85,5% # một"
