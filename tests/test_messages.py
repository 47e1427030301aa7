"""The message table is the one source of what a user reads.

Every entry has a Vietnamese and an English text with the same placeholders;
every code the source looks up is in the table, and every entry is used. The
source is read as Python (ast), so a code in a conditional or a call over
several lines is found too. Template errors are shown in the user's language.
"""

from __future__ import annotations

import ast
import errno
import re
import string
from functools import cache
from pathlib import Path

import pytest

import doanreport
from doanreport.cli import views
from doanreport.load.schema import _TYPE_CODES
from doanreport.load.submission import NARRATIVE_KEYS
from doanreport.model import messages
from doanreport.model.messages import MESSAGES, PHRASES

SOURCE = Path(doanreport.__file__).parent
TABLE = SOURCE / "model" / "messages.py"

# Functions whose first argument is a code of MESSAGES, and those whose first
# argument is a key of PHRASES (`_vi`: the Vietnamese-document helper of
# cli/forms.py and cli/scaffold.py; a TemplateDataError carries a phrase key).
MESSAGE_CALLS = {"error", "warning", "info", "UserError", "UsageError", "render"}
PHRASE_CALLS = {"Phrase", "phrase", "_vi", "TemplateDataError", "severity_label"}

VIETNAMESE = re.compile(r"[À-ỹđĐ]")


def placeholders(text: str) -> set[str]:
    return {re.split(r"[.\[]", name)[0] for _, name, _, _ in string.Formatter().parse(text) if name is not None}


ENTRIES = [pytest.param(key, pair, id=f"{name}:{key}")
           for name, table in (("MESSAGES", MESSAGES), ("PHRASES", PHRASES)) for key, pair in table.items()]


@pytest.mark.parametrize(("key", "pair"), ENTRIES)
def test_every_entry_has_both_languages_with_the_same_placeholders(key, pair):
    assert isinstance(pair, tuple) and len(pair) == 2, key
    vi, en = pair
    assert vi.strip() and en.strip(), key
    assert placeholders(vi) == placeholders(en), key
    for text in pair:  # no stray brace: the text formats with its own placeholders
        text.format(**dict.fromkeys(placeholders(text), "x"))


def test_the_english_texts_are_english():
    for table in (MESSAGES, PHRASES):
        for key, (_, en) in table.items():
            assert not VIETNAMESE.search(en.replace("Số: 36-BC/ĐTNK", "")), key


@cache
def source_trees() -> dict[str, ast.Module]:
    """Every module of the package; messages.py without the table itself."""
    trees = {path.relative_to(SOURCE).as_posix(): ast.parse(path.read_text(encoding="utf-8"))
             for path in sorted(SOURCE.rglob("*.py"))}
    table = trees["model/messages.py"]
    table.body = [node for node in table.body
                  if not (isinstance(node, ast.AnnAssign) and getattr(node.target, "id", None) in ("MESSAGES", "PHRASES"))]
    assert len(table.body) < len(ast.parse(TABLE.read_text(encoding="utf-8")).body)
    return trees


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _literals(node: ast.expr):
    """The codes a first argument can be: a string, or either side of `a if c else b`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.IfExp):
        yield from _literals(node.body)
        yield from _literals(node.orelse)


def codes_looked_up() -> list[tuple[str, str, str, int]]:
    """(table, code, file, line) for every literal code passed to a lookup."""
    found = []
    for file, tree in source_trees().items():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = _name(node.func)
            table = "MESSAGES" if name in MESSAGE_CALLS else "PHRASES" if name in PHRASE_CALLS else None
            if table:
                found += [(table, code, file, node.lineno) for code in _literals(node.args[0])]
    return found


def test_every_code_the_source_looks_up_is_in_the_table():
    found = codes_looked_up()
    assert len({code for _, code, _, _ in found}) > 100  # the scan does see the source
    tables = {"MESSAGES": MESSAGES, "PHRASES": PHRASES}
    missing = [f"{file}:{line}: {code} ({table})" for table, code, file, line in found if code not in tables[table]]
    assert not missing, "\n".join(missing)


def test_codes_chosen_at_run_time_are_in_the_table():
    assert set(_TYPE_CODES.values()) <= set(MESSAGES)
    assert {f"state-{state}" for state in views.STATUS_ORDER} <= set(PHRASES)
    assert {f"narrative-{key}" for key in NARRATIVE_KEYS} <= set(PHRASES)
    assert {"error", "warning", "info", "what-config", "what-catalog", "what-units"} <= set(PHRASES)
    assert {"data-invalid", "setup-invalid"} <= set(MESSAGES)


def test_no_entry_is_unused():
    """An entry is used when the source names it as a string, or builds it with
    an f-string starting with its prefix (`f"state-{state}"`)."""
    named: set[str] = set()
    prefixes: set[str] = set()
    for tree in source_trees().values():
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                named.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                head = node.values[0].value
                if isinstance(head, str) and re.fullmatch(r"[a-z]+(-[a-z]+)*-", head):
                    prefixes.add(head)
    unused = [key for key in (*MESSAGES, *PHRASES)
              if key not in named and not any(key.startswith(p) for p in prefixes)]
    assert not unused, unused


def test_render_and_phrase_pick_the_language():
    assert messages.render("template-error", {"where": "x.md.j2:1", "detail": messages.Phrase("template-not-utf8")}, "en") \
        == "Error in template x.md.j2:1: the template file is not UTF-8"
    assert messages.render("template-error", {"where": "x.md.j2:1", "detail": messages.Phrase("template-not-utf8")}, "vi") \
        == "Lỗi trong mẫu báo cáo x.md.j2:1: tệp mẫu không phải UTF-8"
    assert messages.phrase("total", "vi") == "Tổng cộng"


def test_file_system_reasons_are_phrases_or_the_systems_words():
    denied = messages.os_reason(PermissionError(errno.EACCES, "Permission denied"))
    assert messages.render("output-failed", {"path": "x", "reason": denied}, "en") == "Cannot write x: permission denied."
    assert messages.render("output-failed", {"path": "x", "reason": denied}, "vi") == "Không ghi được tệp x: không có quyền truy cập."
    assert messages.os_reason(OSError(errno.ELOOP, "Too many levels of symbolic links")) == "Too many levels of symbolic links"


# --- the CLI: template errors in the user's language ----------------------------

DATA = "unit: cd-vp-tinh-uy\nperiod: {period}\nvalues:\n  tuyen_truyen: {{cuoc: 5}}\n"

BROKEN = {
    "ma": "{% extends '_khung.md.j2' %}{% block body %}{{ v('khong.co') }}{% endblock %}",
    "latin1": "Báo cáo".encode("latin-1", "replace") + b"\xe9\xff",
    "quy": "{% extends 'quy.md.j2' %}\n",
    "thieu": "dòng một\n{% include 'khong-co.md.j2' %}\n",
    "doi": "{{ change('tuyen_truyen.cuoc', 'last_year') }}\n",
}

EXPECTED = {
    "ma": ("templates/ma.md.j2:1: indicator 'khong.co' is not in the catalog",
           "templates/ma.md.j2:1: chỉ tiêu «khong.co» không có trong danh mục chỉ tiêu"),
    "latin1": ("latin1.md.j2: the template file is not UTF-8", "latin1.md.j2: tệp mẫu không phải UTF-8"),
    "quy": ("templates/quy.md.j2: the template extends itself; to extend the built-in one, write "
            '{% extends "builtin/quy.md.j2" %}',
            "templates/quy.md.j2: mẫu tự kế thừa chính nó; muốn mở rộng mẫu có sẵn, viết "
            '{% extends "builtin/quy.md.j2" %}'),
    "thieu": ("templates/thieu.md.j2:2: khong-co.md.j2 not found", "templates/thieu.md.j2:2: không tìm thấy khong-co.md.j2"),
    "doi": ("templates/doi.md.j2:1: change(...) gives figures, not words: write {{ m.change_words(change(...)) }} with "
            '{% import "_macros.md.j2" as m %}',
            "templates/doi.md.j2:1: kết quả change(...) là số liệu, không phải lời văn: viết "
            '{{ m.change_words(change(...)) }} với {% import "_macros.md.j2" as m %}'),
}


@pytest.fixture
def broken_ws(make_ws):
    files = {"data/a.yaml": DATA.format(period="2012Q1"), "data/b.yaml": DATA.format(period="2011Q1")}
    return make_ws({**files, **{f"templates/{name}.md.j2": text for name, text in BROKEN.items()}})


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_template_error_is_printed_in_english_under_lang_en(broken_ws, run, name):
    result = run("render", "--workspace", broken_ws, "--template", name, "--period", "2012Q1", "--lang", "en")
    assert result.exit_code == 1
    error = result.stderr.strip().splitlines()[-1]  # after the notes on who has not reported
    assert error == f"Error: Error in template {EXPECTED[name][0]}"
    assert not VIETNAMESE.search(error)


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_template_error_is_printed_in_vietnamese_by_default(broken_ws, run, name):
    result = run("render", "--workspace", broken_ws, "--template", name, "--period", "2012Q1")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == f"Lỗi: Lỗi trong mẫu báo cáo {EXPECTED[name][1]}"


def test_doanreport_lang_picks_english_too(broken_ws, run, monkeypatch):
    monkeypatch.setenv("DOANREPORT_LANG", "en")
    result = run("render", "--workspace", broken_ws, "--template", "ma", "--period", "2012Q1")
    assert "indicator 'khong.co' is not in the catalog" in result.stderr


def test_an_unreadable_template_is_listed_in_the_users_language(broken_ws, run):
    english = run("templates", "--workspace", broken_ws, "--lang", "en").stdout
    assert "latin1  (workspace: latin1.md.j2)\n    (the template file cannot be read)" in english
    vietnamese = run("templates", "--workspace", broken_ws).stdout
    assert "latin1  (không gian làm việc: latin1.md.j2)\n    (không đọc được tệp mẫu)" in vietnamese


def test_written_files_stay_vietnamese_under_lang_en(broken_ws, run, tmp_path):
    """A form and a rollup file are Vietnamese documents whatever --lang says."""
    form = run("form", "--workspace", broken_ws, "--unit", "cd-vp-tinh-uy", "--period", "2012Q1", "--lang", "en").stdout
    assert form.startswith("# Báo cáo số liệu của Chi đoàn Văn phòng Tỉnh ủy (cd-vp-tinh-uy)\n# Kỳ báo cáo: quý I/2012 (2012Q1)\n#\n"
                           "# Cách điền:\n#   - Ghi số vào sau dấu hai chấm")
    assert "  chi_dao:         # Công tác chỉ đạo\n" in form
    rollup = run("aggregate", "--workspace", broken_ws, "--period", "2012Q1", "--format", "yaml", "--lang", "en").stdout
    assert rollup.startswith("# Số liệu tổng hợp của Đoàn Khối các cơ quan tỉnh, quý I/2012, do doanreport lập.\n"
                             "# Đặt tệp này vào thư mục data của cấp trên; không sửa tay các con số.\nunit: dk-test\n")
    csv = run("aggregate", "--workspace", broken_ws, "--period", "2012Q1", "--format", "csv", "--lang", "en").stdout
    assert csv.splitlines()[-1].startswith(",Tổng cộng,")


def test_init_on_a_file_says_why_in_the_users_language(run, tmp_path):
    target = tmp_path / "a-file"
    target.write_text("x", encoding="utf-8")
    assert "it is a file, not a folder" in run("init", target, "--lang", "en").stderr
    assert "đó là một tệp, không phải thư mục" in run("init", target).stderr
