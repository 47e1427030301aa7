"""The shared base of every input model, and pydantic errors as diagnostics.

Input models derive from `Record` (`extra="forbid"`, frozen). `validate` runs
a model over a parsed `Document` and turns each pydantic error into a
positioned `Diagnostic` in plain words: the key that is unknown (with the
closest allowed key suggested), the key that is missing, the value of the
wrong type, each at its own line and column. Where the file's text shows how
the mistake was made (a comma that split a text inside `{…}`, a figure in
quotes or with a % sign), the message says how to write it: `quoted` writes a
text so that the loader reads it back as it is.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterable
from typing import Annotated, Any, TypeVar, Union

from pydantic import BaseModel, ConfigDict, StrictFloat, StrictInt, StringConstraints, ValidationError

from doanreport.load.source import Document
from doanreport.model.diagnostics import Diagnostic, error
from doanreport.model.messages import Bilingual, Phrase

NumberField = Union[StrictInt, StrictFloat]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(_[a-z0-9]+)*$")]
UnitCode = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(min_length=1)]

M = TypeVar("M", bound=BaseModel)


class Record(BaseModel):
    """Base of input models: unknown keys are errors, instances immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # built on first use


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """The closest choice to a misspelt word, if one is close enough."""
    found = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def validate(model: type[M], doc: Document, context: dict | None = None) -> tuple[M | None, list[Diagnostic]]:
    """Validate the document's data with `model`; errors become diagnostics."""
    if not isinstance(doc.data, dict):
        found = Phrase("a-list") if isinstance(doc.data, list) else Phrase("a-text")
        return None, [error("not-mapping", doc.file, doc.pos(()), found=found)]
    try:
        return model.model_validate(doc.data, context=context), []
    except ValidationError as exc:
        return None, errors_to_diagnostics(model, doc, exc.errors())


MAX_ERRORS = 50  # per file: past that, more of the same helps nobody


def errors_to_diagnostics(model: type[BaseModel], doc: Document, errors: list[dict]) -> list[Diagnostic]:
    errors = _matching_branch(doc, errors)
    out: list[Diagnostic] = []
    seen: set[tuple] = set()
    raw = _RawText(doc)
    for err in errors:
        if len(out) == MAX_ERRORS:
            out.append(error("too-many-errors", doc.file, None, more=len(errors) - MAX_ERRORS))
            break
        diag = _one(model, doc, err, raw)
        key = (diag.line, diag.column, diag.code, diag.message("en"))
        if key not in seen:
            seen.add(key)
            out.append(diag)
    return out


def _matching_branch(doc: Document, errors: list[dict]) -> list[dict]:
    """Of the errors a union gives (`str | list[str]`), keep those of the branch
    that fits the input: a type error at a place that has a deeper error below it
    is the other branch complaining."""
    paths = [_data_path(doc, tuple(e["loc"])) for e in errors]
    above = {path[:n] for path in paths for n in range(len(path))}  # every proper prefix, once
    return [err for err, path in zip(errors, paths, strict=True) if not (err["type"] in _TYPE_CODES and path in above)]


def _data_path(doc: Document, loc: tuple) -> tuple:
    """The part of a pydantic location that exists in the document (union branch
    tags such as `str` or `list[str]` are skipped)."""
    path: tuple = ()
    for part in loc:
        if doc.has_path(path + (part,)):
            path = path + (part,)
    return path


_TYPE_CODES = {
    "int_type": "expected-number",
    "int_parsing": "expected-number",
    "float_type": "expected-number",
    "float_parsing": "expected-number",
    "int_from_float": "expected-integer",
    "string_type": "expected-text",
    "date_type": "expected-date",
    "date_parsing": "expected-date",
    "date_from_datetime_parsing": "expected-date",
    "date_from_datetime_inexact": "expected-date",
    "dict_type": "expected-mapping",
    "model_type": "expected-mapping",
    "model_attributes_type": "expected-mapping",
    "list_type": "expected-list",
    "bool_type": "expected-bool",
    "bool_parsing": "expected-bool",
    "string_too_short": "too-short",
}


def _one(model: type[BaseModel], doc: Document, err: dict, raw: _RawText) -> Diagnostic:
    kind, loc = err["type"], tuple(err["loc"])
    value = _show(err.get("input"))
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return error("missing-field", doc.file, doc.pos(_data_path(doc, loc[:-1])), field=loc[-1])
    key_loc = loc if kind == "extra_forbidden" else loc[:-1] if loc and loc[-1] == "[key]" else None
    if key_loc and not (kind == "extra_forbidden" and suggest(loc[-1], allowed_keys(model, loc[:-1]))):
        # not a misspelt key: a text, or a number, that a comma split inside `{…}`?
        split = _comma_split(doc, key_loc, raw)
        if split is not None:
            return error(split[0], doc.file, doc.key_pos(key_loc), key=key_loc[-1], text=split[1], fixed=split[2])
    if kind == "extra_forbidden":
        key = loc[-1]
        choices = allowed_keys(model, loc[:-1])
        return error("unknown-key", doc.file, doc.key_pos(loc), key=key, suggestion=suggest(key, choices))
    pos = doc.pos(_data_path(doc, loc))
    if kind in _TYPE_CODES:
        code = _TYPE_CODES[kind]
        if code == "expected-number":
            return _not_a_number(doc, pos, err.get("input"), raw)
        return error(code, doc.file, pos, value=value)
    if kind in ("literal_error", "enum"):
        choices = ", ".join(re.findall(r"'([^']*)'", str(ctx.get("expected", ""))))
        return error("invalid-choice", doc.file, pos, value=value, choices=choices)
    if kind == "string_pattern_mismatch":
        sep = "-" if "(-" in str(ctx.get("pattern", "")) else "_"
        where = doc.key_pos(loc[:-1]) if loc and loc[-1] == "[key]" else pos
        return error("invalid-slug", doc.file, where, value=value, sep=sep)
    if kind in ("greater_than_equal", "greater_than"):
        return error("too-small", doc.file, pos, value=value, low=ctx.get("ge", ctx.get("gt")))
    if kind in ("less_than_equal", "less_than"):
        return error("too-large", doc.file, pos, value=value, high=ctx.get("le", ctx.get("lt")))
    if kind == "doan_period":
        return error("invalid-period", doc.file, pos, value=value, reason=Bilingual(ctx["vi"], ctx["en"]))
    return error("schema-other", doc.file, pos, detail=err.get("msg", kind))


def _show(value: Any) -> str | Phrase:
    """A value as a message quotes it: as the YAML wrote it, not as Python
    prints it (an empty value, `true`, not `None`, `True`)."""
    if isinstance(value, dict):
        return "{...}"
    if isinstance(value, list):
        return "[...]"
    if value is None:
        return Phrase("empty-value")
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


_THOUSANDS = re.compile(r"^\d{1,3}([.,]\d{3})+$")
_DECIMAL_COMMA = re.compile(r"^\d+,\d+$")


def number_hint(value: Any) -> Phrase | None:
    """How to write a number the way YAML reads it, for '14.236.000' or '85,5'."""
    if not isinstance(value, str):
        return None
    text = value.strip().replace(" ", "")
    if _THOUSANDS.match(text) and not _DECIMAL_COMMA.match(text):
        return Phrase("hint-thousands", {"fixed": re.sub(r"[.,]", "", text)})
    if _DECIMAL_COMMA.match(text):
        return Phrase("hint-decimal-comma", {"fixed": text.replace(",", ".")})
    return None


_PERCENT = re.compile(r"^([-+]?\d+(?:[.,]\d+)?)\s*%$")
_PLAIN_NUMBER = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)$")  # what the loader reads as a number


def _not_a_number(doc: Document, pos: tuple[int, int] | None, value: Any, raw: _RawText) -> Diagnostic:
    """`expected-number`, or what to write instead: 92 for '92%', 45 for '"45"'."""
    text = value.strip() if isinstance(value, str) else None
    if text is not None and (percent := _PERCENT.match(text)):
        return error("number-percent", doc.file, pos, value=_show(value), fixed=percent.group(1).replace(",", "."))
    hint = number_hint(value)  # '1.200' or '85,5', quoted or not
    written = raw.at(pos)[:1]
    if hint is None and text is not None and _PLAIN_NUMBER.match(text) and written in ("\"", "'"):
        return error("number-quoted", doc.file, pos, value=_show(value), fixed=text, written=written + text + written)
    return error("expected-number", doc.file, pos, value=_show(value), hint=hint)


class _RawText:
    """A document's text as written (`Document.lines`, read only when a message quotes it)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc

    @property
    def lines(self) -> list[str]:
        return self.doc.lines

    def at(self, pos: tuple[int, int] | None) -> str:
        """The rest of the line from `pos` (1-based), or ''."""
        if pos is None or not 0 < pos[0] <= len(self.lines):
            return ""
        return self.lines[pos[0] - 1][pos[1] - 1:]

    def between(self, start: tuple[int, int], end: tuple[int, int]) -> str:
        """The text from `start` up to (not including) `end`, lines joined with '\n'."""
        if not 0 < start[0] <= end[0] <= len(self.lines):  # (the file changed since it was read)
            return ""
        if start[0] == end[0]:
            return self.lines[start[0] - 1][start[1] - 1:end[1] - 1]
        middle = self.lines[start[0]:end[0] - 1]
        return "\n".join([self.lines[start[0] - 1][start[1] - 1:], *middle, self.lines[end[0] - 1][:end[1] - 1]])

    def before(self, pos: tuple[int, int]) -> str:
        """The last character that is not white space before `pos`, across lines."""
        line, col = pos
        head = self.lines[line - 1][:col - 1].rstrip() if line <= len(self.lines) else ""
        while not head and line > 1:
            line -= 1
            head = self.lines[line - 1].rstrip()
        return head[-1:]


_DIGIT_GROUPS = re.compile(r"^\d+(,\d+)+$")
_KEY_END = re.compile(r"[,\[\]{}\n]|:(?=[\s,\[\]{}]|$)")  # where a plain key inside `{…}` ends


def _comma_split(doc: Document, key_loc: tuple, raw: _RawText) -> tuple[str, str, str] | None:
    """For a key that came of a comma inside `{…}` (`name: Mô hình A, B và C` read
    as `name: Mô hình A` and a key `B và C` with no value): the message code, the
    text as written and the line that says what was meant, in YAML that reads it
    back (`name: "Mô hình A, B và C"`, or `cuoc: 85.5` for `cuoc: 85,5`)."""
    parent = _data_at(doc.data, key_loc[:-1])
    key = key_loc[-1]
    if not isinstance(parent, dict) or key not in parent or parent[key] is not None:
        return None
    where = doc.pos(key_loc[:-1])
    if where is None or raw.at(where)[:1] != "{":  # not a flow mapping
        return None
    keys = list(parent)
    at = keys.index(key)
    first = at
    while first > 0 and parent[keys[first - 1]] is None:  # `A, B, C`: every piece but the first is a key
        first -= 1
    if first == 0:
        return None
    owner, value = keys[first - 1], parent[keys[first - 1]]
    start, last = doc.pos(key_loc[:-1] + (owner,)), at
    while last + 1 < len(keys) and parent[keys[last + 1]] is None:
        last += 1
    last_pos = doc.key_pos(key_loc[:-1] + (keys[last],))
    if start is None or last_pos is None or not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return None
    if raw.at(start)[:1] in ("\"", "'", "[", "{", "|", ">"):  # the value was quoted: no comma was lost there
        return None
    if any(raw.before(doc.key_pos(key_loc[:-1] + (k,)) or (1, 1)) != "," for k in keys[first:last + 1]):
        return None
    tail = raw.at(last_pos)
    end = _KEY_END.search(tail)
    written = raw.between(start, last_pos) + (tail[:end.start()] if end else tail)
    text = " ".join(written.split())
    if isinstance(value, str):
        return "unknown-key-comma", text, f"{owner}: {quoted(text)}"
    hint = number_hint(text) if _DIGIT_GROUPS.match(text) else None  # `45, 9` is two things, `85,5` one
    return None if hint is None else ("number-comma-split", text, f"{owner}: {hint.args['fixed']}")


def _data_at(data: Any, path: tuple) -> Any:
    for part in path:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


# --- writing text the loader reads back as it is ----------------------------

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\t": "\\t", "\n": "\\n", "\r": "\\r", "\0": "\\0",
            "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}
# what a double-quoted YAML scalar cannot hold as it is: the quote and the
# backslash, line breaks and tabs, and every character YAML does not print
NEEDS_ESCAPE = re.compile('[\\\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]')


def _escape(match: re.Match) -> str:
    char = match.group()
    if char in _ESCAPES:
        return _ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02X}" if code < 0x100 else f"\\u{code:04X}"


def quoted(text: str) -> str:
    """`text` as a double-quoted YAML scalar, on one line: a comma, a colon, `#`,
    `85,5`, a leading `-`, `{`, `[`, `*`, `&`, `!`, `%`, `@`, a backtick, a quote,
    `yes` or `null` can neither end it nor change what it means, inside `{…}` or
    out. The loader reads it back as `text` (stripped, like every text)."""
    return '"' + NEEDS_ESCAPE.sub(_escape, text) + '"'


def allowed_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    """The keys a model accepts at a location, for did-you-mean suggestions."""
    current: Any = model
    for part in loc:
        current = _step(current, part)
        if current is None:
            return []
    found = _models_in(current)
    return sorted({name for m in found for name in m.model_fields})


def _models_in(tp: Any) -> list[type[BaseModel]]:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    if typing.get_origin(tp) is Annotated:
        return _models_in(typing.get_args(tp)[0])
    if typing.get_origin(tp) in (Union, types.UnionType):
        return [m for arg in typing.get_args(tp) for m in _models_in(arg)]
    return []


def _step(tp: Any, part: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin is Annotated:
        return _step(typing.get_args(tp)[0], part)
    if origin in (Union, types.UnionType):
        for arg in typing.get_args(tp):
            found = _step(arg, part)
            if found is not None:
                return found
        return None
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        field = tp.model_fields.get(part) if isinstance(part, str) else None
        return field.annotation if field else None
    if origin in (list, tuple) and isinstance(part, int):
        return typing.get_args(tp)[0]
    if origin is dict:
        return typing.get_args(tp)[1]
    return None
