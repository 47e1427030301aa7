"""The shared base of every input model, and pydantic errors as diagnostics.

Input models derive from `Record` (`extra="forbid"`, frozen). `validate` runs
a model over a parsed `Document` and turns each pydantic error into a
positioned `Diagnostic` in plain words: the key that is unknown (with the
closest allowed key suggested), the key that is missing, the value of the
wrong type, each at its own line and column.
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
    for err in errors:
        if len(out) == MAX_ERRORS:
            out.append(error("too-many-errors", doc.file, None, more=len(errors) - MAX_ERRORS))
            break
        diag = _one(model, doc, err)
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


def _one(model: type[BaseModel], doc: Document, err: dict) -> Diagnostic:
    kind, loc = err["type"], tuple(err["loc"])
    value = _show(err.get("input"))
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return error("missing-field", doc.file, doc.pos(_data_path(doc, loc[:-1])), field=loc[-1])
    if kind == "extra_forbidden":
        key = loc[-1]
        choices = allowed_keys(model, loc[:-1])
        return error("unknown-key", doc.file, doc.key_pos(loc), key=key, suggestion=suggest(key, choices))
    pos = doc.pos(_data_path(doc, loc))
    if kind in _TYPE_CODES:
        code = _TYPE_CODES[kind]
        return error(code, doc.file, pos, value=value, hint=number_hint(err.get("input")) if code == "expected-number" else None)
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


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "{...}"
    if isinstance(value, list):
        return "[...]"
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
