"""Reading indicator catalogs: the built-in `catalog.yaml` and a workspace's own.

Catalog files are merged in order (built-in first): a workspace may add codes,
never redefine them. Clashes, weights that do not fit their indicator and
rules naming unknown codes are reported with positions.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Annotated, Literal

from pydantic import StringConstraints

from doanreport.load.schema import Record, Slug, Text, validate
from doanreport.load.source import Document, parse_yaml
from doanreport.model.catalog import FIGURE, MONEY, Catalog, Indicator, Method, Op, Rule
from doanreport.model.diagnostics import Diagnostic, error
from doanreport.model.messages import Phrase

IndicatorCode = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(_[a-z0-9]+)*\.[a-z0-9]+(_[a-z0-9]+)*$")]
BUILTIN_NAME = "doanreport:catalog.yaml"


class IndicatorDef(Record):
    code: IndicatorCode
    label: Text
    phrase: Text | None = None  # checked by `_phrase_problem`
    unit: Text
    aggregate: Method
    weight: IndicatorCode | None = None
    help: str | None = None


class RuleDef(Record):
    left: IndicatorCode
    op: Op
    right: IndicatorCode
    severity: Literal["error", "warning"] = "error"
    message: Text


class CatalogFile(Record):
    groups: dict[Slug, Text] = {}
    indicators: list[IndicatorDef] = []
    rules: list[RuleDef] = []


@cache
def builtin_document() -> Document:
    text = resources.files("doanreport").joinpath("catalog.yaml").read_text(encoding="utf-8")
    doc, diags = parse_yaml(text, BUILTIN_NAME)
    if doc is None:  # pragma: no cover - the shipped file is tested
        raise RuntimeError(f"built-in catalog is broken: {diags}")
    return doc


def build_catalog(docs: Iterable[Document]) -> tuple[Catalog, list[Diagnostic]]:
    """Merge catalog files in order (built-in first); report clashes and bad refs."""
    docs = list(docs)
    indicators: dict[str, Indicator] = {}
    groups: dict[str, str] = {}
    rules: list[tuple[Rule, Document, int]] = []
    diags: list[Diagnostic] = []
    for doc in docs:
        model, errs = validate(CatalogFile, doc)
        diags += errs
        if model is None:
            continue
        for group, heading in model.groups.items():
            groups.setdefault(group, heading)
        for i, ind in enumerate(model.indicators):
            if ind.code in indicators:
                diags.append(error("catalog-duplicate", doc.file, doc.pos(("indicators", i, "code")),
                                   code=ind.code, first=_where(indicators[ind.code].source)))
                continue
            if ind.phrase is not None and not _phrase_fits(ind.phrase, ind.unit):
                diags.append(error("catalog-phrase", doc.file, doc.pos(("indicators", i, "phrase")), code=ind.code,
                                   figure=FIGURE))
                continue
            indicators[ind.code] = Indicator(code=ind.code, label=ind.label, unit=ind.unit, aggregate=ind.aggregate,
                                             weight=ind.weight, help=ind.help, source=doc.file, phrase=ind.phrase or "")
        rules += [(Rule(**r.model_dump()), doc, i) for i, r in enumerate(model.rules)]
    diags += _weight_problems(indicators, docs)
    kept = []
    for rule, doc, i in rules:
        missing = [side for side in ("left", "right") if getattr(rule, side) not in indicators]
        for side in missing:
            diags.append(error("catalog-rule-ref", doc.file, doc.pos(("rules", i, side)), code=getattr(rule, side)))
        if not missing:
            kept.append(rule)
    return Catalog(indicators, groups, kept), diags


def _phrase_fits(phrase: str, unit: str) -> bool:
    """A phrase holds its figure once, as {n}, words beside it, and no other
    braces; a rate's or a sum's figure is written with its "%" or "đồng", so
    the phrase does not add them again."""
    rest = phrase.replace(FIGURE, "")
    again = (FIGURE + "%", FIGURE + " %") if unit.strip() == "%" else (FIGURE + " " + MONEY,) if unit.strip() == MONEY else ()
    return (phrase.count(FIGURE) == 1 and not set("{}") & set(rest) and any(ch.isalpha() for ch in rest)
            and len(phrase) <= MAX_PHRASE and not any(a in phrase for a in again))


MAX_PHRASE = 200  # characters: a phrase is a few words


def _where(source: str) -> Phrase | str:
    return Phrase("built-in") if source == BUILTIN_NAME else source


def _weight_problems(indicators: dict[str, Indicator], docs: Iterable[Document]) -> list[Diagnostic]:
    by_file = {d.file: d for d in docs}
    diags = []
    for ind in indicators.values():
        problem = None
        if ind.aggregate == "mean" and ind.weight is None:
            problem = Phrase("weight-missing")
        elif ind.aggregate != "mean" and ind.weight is not None:
            problem = Phrase("weight-not-mean")
        elif ind.weight is not None and ind.weight not in indicators:
            problem = Phrase("weight-unknown", {"weight": ind.weight})
        if problem:
            doc = by_file.get(ind.source)
            pos = _indicator_pos(doc, ind.code) if doc else None
            diags.append(error("catalog-weight", ind.source, pos, code=ind.code, problem=problem))
    return diags


def _indicator_pos(doc: Document, code: str) -> tuple[int, int] | None:
    items = doc.data.get("indicators", []) if isinstance(doc.data, dict) else []
    for i, item in enumerate(items):
        if isinstance(item, dict) and item.get("code") == code:
            return doc.pos(("indicators", i))
    return None
