"""The template context of SPEC §8: names and functions a report template uses.

Built from the report data (`build.Report`) and the document frame; takes the
aggregate as data and computes nothing but presentation: values by code,
ratios, changes against earlier periods, highlights merged by name. It also
records which indicators the template asked for, for the appendix table.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from doanreport.model import placeholders
from doanreport.model.catalog import Catalog
from doanreport.model.facts import Highlight
from doanreport.model.periods import Period
from doanreport.model.units import Kind, Tree
from doanreport.report import vnformat
from doanreport.report.prose import Prose, Style, figures_for
from doanreport.rollup.aggregation import Aggregate, Said
from doanreport.rollup.build import Report


class TemplateDataError(Exception):
    """A template asked for something that does not exist (an unknown code).

    Like `UserError`, it carries a key of the message table's phrases and its
    arguments, not a sentence: the reader's language is chosen when it is shown.
    """

    def __init__(self, code: str, /, **args: Any) -> None:
        super().__init__(code)
        self.code = code
        self.args_map: Mapping[str, Any] = args

    def __str__(self) -> str:  # for logs and tests; users see the phrase (templating.py)
        return f"{self.code}: {dict(self.args_map)}"


@dataclass(frozen=True)
class Frame:
    """The document frame: header, numbering, date, signature, recipients."""

    issuer: str = ""  # the issuing body, in capitals (bold in the header)
    superior: str = ""  # the body above it, written over it in plain capitals; "" when none
    symbol: str = ""
    number: str | None = None
    place: str = ""
    date: date | None = None
    year: int | None = None  # the year printed when no date is given
    subject: str | None = None
    kind: str = "BÁO CÁO"
    signer_on_behalf: str = ""
    signer_title: str = ""
    signer_name: str = ""
    recipients: tuple[str, ...] = ()

    @property
    def so_ky_hieu(self) -> str:
        """`Số: 36-BC/ĐTNK`, or `Số:    -BC/ĐTNK` without a number."""
        number = self.number if self.number else "   "
        return f"Số: {number}-BC/{self.symbol}" if self.symbol else f"Số: {number}-BC"

    @property
    def date_line(self) -> str:
        """`Sóc Trăng, ngày 08 tháng 5 năm 2013`, blanks for day and month when undated."""
        if self.date is None:
            text = f"ngày      tháng      năm {self.year or ''}".rstrip()
        else:
            text = vnformat.ngay(self.date)
        return f"{self.place}, {text}" if self.place else text.capitalize()

    @property
    def signer(self) -> dict[str, str]:
        return {"on_behalf": self.signer_on_behalf, "title": self.signer_title, "name": self.signer_name}


@dataclass
class Counter:
    """A section counter for templates: `{{ sec.next() | la_ma }}`."""

    n: int = 0

    def next(self) -> int:
        self.n += 1
        return self.n


@dataclass(frozen=True)
class Change:
    """A figure against the same figure of an earlier period, as values only:
    templates word it with `m.change_words(...)` of `_macros.md.j2`."""

    percent: float  # signed: 12.5 is a rise of 12,5%; 0.0 when within ±0.05%
    against: str  # "last_year" or "previous"
    earlier: Period  # the period compared with (`label`, `first_year`, ...)
    now: float | int
    before: float | int

    @property
    def direction(self) -> str:
        """`up`, `down` or `same`."""
        return "same" if self.percent == 0 else ("up" if self.percent > 0 else "down")

    def __str__(self) -> str:
        # Printed as it is, a change would read as Python; the words are the template's.
        raise TemplateDataError("template-change-not-text", write="{{ m.change_words(change(...)) }}",
                                macros='{% import "_macros.md.j2" as m %}')


@dataclass(frozen=True)
class MergedHighlight:
    kind: str
    name: str
    program: str | None
    role: str | None
    description: str | None
    units: tuple[str, ...]  # unit names


class AggView:
    """An aggregate as templates see it: `x.unit.name`, `x.v('code')`."""

    def __init__(self, agg: Aggregate, ctx: ReportContext) -> None:
        self.agg = agg
        self.unit = agg.unit
        self.period = agg.period
        self.values = agg.values
        self.completeness = agg.completeness
        self._ctx = ctx

    def v(self, code: str) -> float | int | None:
        return self._ctx.value_in(self.agg, code)

    def narrative(self, key: str) -> list[str]:
        return list(self.agg.narrative.get(key, ()))


class ReportContext:
    """Everything a template can use, with the codes it used recorded."""

    def __init__(self, report: Report, catalog: Catalog, tree: Tree, frame: Frame, cutoff: str = "calendar",
                 style: Style | None = None, setting: str | None = None, kinds: Mapping[str, str] | None = None,
                 placed: Iterable[Said] | None = None) -> None:
        self.report, self.catalog, self.tree, self.frame = report, catalog, tree, frame
        self.cutoff = cutoff
        self.style = style or Style()
        root_kind = tree[tree.root].kind if tree.root in tree else report.agg.unit.kind
        # agencies (a Đoàn khối's cơ quan) or a place (xã, ấp): the words of some headings follow it
        self.wording = {"setting": setting or ("co_quan" if root_kind == Kind.doan_khoi else "dia_phuong"),
                        "kinds": dict(kinds or {})}
        self.prose = Prose(catalog, self.style)
        self.used: dict[str, None] = {}
        self._by_unit: dict[str, Aggregate] | None = None
        self._placed: set[tuple[str, tuple]] = set()  # (file, path) of the texts stating figures placed so far
        self._said_texts: dict[str, tuple[str, str]] = {}  # text as a reader compares it -> the section giving it
        self._told: str | None = None  # the unit's own prose joined, for `highlights`
        # what the prose states: of every text, or (second pass) of the texts the first pass placed
        self.stated = self.stated_by(report.agg.said if placed is None else placed)
        self.groups_listed: set[str] = set()
        self.asked: Asked = Asked(set(), set())  # what the template placed, for `report.notes`

    # --- values ------------------------------------------------------------
    def _check(self, code: str) -> None:
        if code not in self.catalog:
            raise TemplateDataError("template-unknown-indicator", code=code)

    def value_in(self, agg: Aggregate, code: str) -> float | int | None:
        self._check(code)
        self.used.setdefault(code)
        return agg.values.get(code)

    def v(self, code: str) -> float | int | None:
        return self.value_in(self.report.agg, code)

    def has(self, *codes: str) -> bool:
        """Whether every one of `codes` has a figure to state: reported, not zero
        (a zero is no news, and no sentence), and not already stated by the
        unit's prose (a figure is said once)."""
        values = self.report.agg.values
        for c in codes:
            self._check(c)
        return all(values.get(c) and c not in self.stated for c in codes)

    def told(self, *codes: str) -> bool:
        """Whether the prose states any of `codes` (a template then does not
        state a sum or a pair that holds it)."""
        for c in codes:
            self._check(c)
        return any(c in self.stated for c in codes)

    def total(self, *codes: str) -> float | int | None:
        """Sum of the reported ones among `codes` (those the prose does not
        state), None if there are none."""
        found = [self.v(c) for c in codes if self.has(c)]
        return sum(found) if found else None

    def phrase(self, code: str) -> str:
        """The indicator's phrase with its figure ("tổ chức 219 cuộc tuyên
        truyền"), or "" when it was not reported."""
        value = self.v(code)
        return "" if value is None else self.style.phrase(self.catalog[code], value)

    def others(self, group: str, exclude: Iterable[str] = ()) -> list[dict[str, Any]]:
        """Reported indicators of `group` the template has not named so far
        (nor names in `exclude`, which it will name later)."""
        skip = set(exclude)
        self.groups_listed.add(group)
        out = []
        for code in self.catalog.codes_in(group):
            if code not in self.used and code not in skip and self.has(code):
                ind = self.catalog[code]
                out.append({"code": code, "label": ind.label, "unit": ind.unit, "value": self.v(code),
                            "text": self.phrase(code)})
        return out

    def spread(self, code: str) -> tuple[float, float] | None:
        """Lowest and highest value among the direct children that reported `code`."""
        self._check(code)
        found = [c.values[code] for c in self.report.agg.children if code in c.values]
        return (min(found), max(found)) if found else None

    def label(self, code: str) -> str:
        self._check(code)
        return self.catalog[code].label

    def ratio(self, a: float | None, b: float | None) -> float | None:
        if a is None or not b:
            return None
        return 100.0 * a / b

    def change(self, code: str, against: str = "last_year") -> Change | None:
        if against not in ("last_year", "previous"):
            raise TemplateDataError("template-change-against", against=against)
        now = self.v(code)
        other = self.report.last_year if against == "last_year" else self.report.previous
        if other is None:
            return None
        before = other.values.get(code)
        if now is None or not before or not _comparable(self.report.agg.coverage.get(code, 0), other.coverage.get(code, 0)):
            return None
        pct = 100.0 * (now - before) / before
        return Change(0.0 if abs(pct) < 0.05 else pct, against, other.period, now, before)

    # --- tree, highlights, narrative ------------------------------------------
    def count_units(self, kind: str | Iterable[str] | None = None) -> int:
        agg = self.report.agg
        if kind is None:
            return self.tree.count(agg.unit.code, agg.period)
        kinds = [kind] if isinstance(kind, str) else list(kind)
        return sum(self.tree.count(agg.unit.code, agg.period, Kind(k)) for k in kinds)

    def count_children(self, kind: str | Iterable[str] | None = None) -> int:
        """Active direct children, of one kind or several."""
        kinds = None if kind is None else ({kind} if isinstance(kind, str) else set(kind))
        agg = self.report.agg
        return sum(1 for c in agg.unit.children
                   if self.tree[c].active_in(agg.period) and (kinds is None or self.tree[c].kind.value in kinds))

    def highlights(self, kind: str | None = None, program: str | None = None) -> list[MergedHighlight]:
        """Highlights of the subtree merged by name, except those the unit's own
        prose already names (a point is made once)."""
        self.asked.highlights.add((kind, program))
        if self._told is None:  # the unit's own prose, as a reader compares it
            self._told = " | ".join(same_text(t) for texts in self.report.agg.narrative.values() for t in texts)
        return [h for h in merge_highlights(self.report.agg.highlights, kind, program) if not _named_in(h, self._told)]

    def narrative(self, key: str, scope: str = "own") -> list:
        """The unit's own items for a section (`own`, a list of texts), or what the
        units below it wrote (`children`: entries with `.text` and `.units`, the
        same text from several units once)."""
        agg = self.report.agg
        self.asked.narrative.add((key, scope))
        if scope == "own":
            own = [s for s in agg.said if s.unit == agg.unit.code and s.path[0] == "narrative" and s.key == key]
            return [t for t in (self._fill(s) for s in own) if self._first_time(t, (key, scope))]
        if scope == "children":
            merged = merge_said(replace(s, text=self._fill(s)) for s in agg.said if s.key == key and s.unit != agg.unit.code)
            return [e for e in merged if self._first_time(e.text, (key, scope))]
        raise TemplateDataError("template-narrative-scope", scope=scope)

    def _first_time(self, text: str, where: tuple[str, str]) -> bool:
        """Whether this section is the first to give this text (the same point
        under two keys, or the unit's own words repeated by a unit below, is
        said once; asking the same section twice gives it again)."""
        key = same_text(text)
        if len(key.split()) < SAID_ONCE_WORDS:  # "Không có." may answer several sections
            return True
        return self._said_texts.setdefault(key, where) == where

    def _fill(self, said: Said) -> str:
        """A narrative text with its placeholders filled by the figures of the
        unit that wrote it (a gap where it has none)."""
        holes = placeholders.OPEN in said.text
        if not (holes or said.figures):
            return said.text
        self._placed.add((said.file, said.path))
        values = self._values_for(said)
        self.used.update(dict.fromkeys(sorted(self._states(said, values))))  # the report's figures it states
        return self.prose.fill(said.text, values, said.unit_name, said.file, said.path) if holes else said.text

    def stated_by(self, texts: Iterable[Said]) -> set[str]:
        """The report's figures that these texts state with placeholders, which
        the templates then do not state again: a text states a figure when it
        is filled with the report's own value for it (the unit's own text for
        the period, or a unit's below that alone reported the figure)."""
        out: set[str] = set()
        for said in texts:
            if placeholders.OPEN in said.text or said.figures:
                out |= self._states(said, self._values_for(said))
        return out

    def _states(self, said: Said, values: Mapping[str, Any]) -> set[str]:
        agg = self.report.agg
        own = said.unit == agg.unit.code
        codes = placeholders.codes_in(said.text) | set(said.figures or ())  # a rollup's filled text: its figures
        return {c for c in codes if c in agg.values and (said.figures or values).get(c) == agg.values[c]
                and (own or agg.coverage.get(c, 0) <= 1)}

    def placed(self) -> list[Said]:
        """The texts stating figures that the template placed (so far)."""
        return [s for s in self.report.agg.said if (s.file, s.path) in self._placed]

    def _values_for(self, said: Said) -> Mapping[str, Any]:
        return figures_for(said, self.report.shorter, self._aggregates())

    def _aggregates(self) -> dict[str, Aggregate]:
        if self._by_unit is None:
            self._by_unit = {a.unit.code: a for a in self.report.agg.subtree()}
        return self._by_unit

    def has_text(self, key: str) -> bool:
        """Whether the unit, or any unit below it, wrote something for a section."""
        agg = self.report.agg
        return bool(agg.narrative.get(key)) or any(s.key == key and s.unit != agg.unit.code for s in agg.said)

    def children(self) -> list[AggView]:
        return [AggView(c, self) for c in self.report.agg.children]

    def organisation(self) -> dict[str, Any]:
        """The unit's organisation as counts, for the sentence "X hiện có 40 cơ sở
        đoàn trực thuộc (08 đoàn cơ sở, 32 chi đoàn cơ sở) với tổng số 3.399 đoàn
        viên": active direct children by kind (kinds with none left out), the
        units one level further down when the children are all of one kind, and
        the members when reported and not already stated."""
        agg = self.report.agg
        children = [self.tree[c] for c in agg.unit.children if self.tree[c].active_in(agg.period)]
        below = [self.tree[g] for c in children for g in c.children if self.tree[g].active_in(agg.period)]
        kinds = _by_kind(children)
        return {"children": kinds, "total": len(children),
                "below": _by_kind(below) if len(kinds) == 1 else [],
                "members": self.v("to_chuc.doan_vien") if self.has("to_chuc.doan_vien") else None,
                "party": self.v(PARTY) if self.has("to_chuc.doan_vien", PARTY) else None}

    def period_view(self) -> dict[str, Any]:
        p: Period = self.report.agg.period
        window = None
        if self.cutoff == "nd09":
            a, b = p.cutoff_window()
            window = f"số liệu tính từ ngày {a.day}/{a.month}/{a.year} đến ngày {b.day}/{b.month}/{b.year}"
        return {**_period_dict(p), "window": window, "ahead": _period_dict(p.ahead())}

    def as_dict(self) -> dict[str, Any]:
        agg = self.report.agg
        return {
            "unit": {"code": agg.unit.code, "name": agg.unit.name, "kind": agg.unit.kind.value,
                     "kind_label": agg.unit.kind.label, "has_children": bool(agg.unit.children),
                     "leadership": "Ban Thường vụ" if agg.unit.children else "Ban Chấp hành"},
            "period": self.period_view(),
            "doc": self.frame,
            "agg": AggView(agg, self),
            "previous": self.report.previous,
            "last_year": self.report.last_year,
            "children": self.children(),
            "completeness": agg.completeness,
            "months_covered": self.report.months_covered,
            "v": self.v, "has": self.has, "total": self.total, "others": self.others, "label": self.label,
            "phrase": self.phrase, "told": self.told, "organisation": self.organisation, "wording": self.wording,
            "ratio": self.ratio, "change": self.change, "spread": self.spread, "count_units": self.count_units,
            "count_children": self.count_children, "highlights": self.highlights,
            "narrative": self.narrative, "has_text": self.has_text, "counter": Counter, "unit_name": lambda code: self.tree[code].name,
        }


def _period_dict(p: Period) -> dict[str, Any]:
    """A period as templates see it. `review` is a period of two years or more
    (a sơ kết), `span` its "giai đoạn 2009 – 2013"."""
    review = p.first_year != p.last_year and p.months >= 24
    span = f"giai đoạn {p.first_year} – {p.last_year}" if review else p.label
    return {"code": p.code, "label": p.label, "start": p.start_date, "end": p.end_date, "months": p.months,
            "years": p.years, "kind": p.kind, "first_year": p.first_year, "last_year": p.last_year,
            "review": review, "span": span}


def _by_kind(units: Iterable[Any]) -> list[dict[str, Any]]:
    """Counts by kind, in the order of the kinds (`Kind`), kinds with none left out."""
    counts: dict[Kind, int] = {}
    for u in units:
        counts[u.kind] = counts.get(u.kind, 0) + 1
    return [{"kind": k.value, "count": counts[k]} for k in Kind if k in counts]


PARTY = "to_chuc.dang_vien_sinh_hoat_doan"  # said with the members: "(trong đó 446 đảng viên ...)"
COMPARABLE_SHARE = 0.8


def _comparable(now_reporters: int, before_reporters: int) -> bool:
    """A change is stated only when at least 80% as many units reported the
    figure then as now: against a half-reported period it would mislead."""
    return before_reporters >= COMPARABLE_SHARE * now_reporters


def markdown_text(text: object) -> str:
    """User text made literal in Markdown: a `#`, `*`, `1.`, an indented line or an
    `===` underline a unit typed stays text instead of turning into a heading,
    emphasis, a list or a code block."""
    lines = [line.strip() for line in str(text).splitlines()]  # indentation would make code blocks
    out = "\n".join(line for line in lines)
    out = re.sub(r"([\\`*_\[\]<>|~&])", r"\\\1", out)
    out = re.sub(r"^([#+=-])", r"\\\1", out, flags=re.M)
    return re.sub(r"^(\d+)([.)])(?=\s|$)", r"\1\\\2", out, flags=re.M)


SAID_ONCE_WORDS = 6  # a text this long said in two sections is one point made twice
NAMED_WORDS = 4  # a shorter name ("Xanh", a person's name) may stand in prose for something else


def _named_in(h: MergedHighlight, told: str) -> bool:
    """Whether the prose already names this model or project: its whole name,
    of four words or more, between word boundaries. A person is always listed
    (with role and description, which the prose would not carry)."""
    name = same_text(h.name)
    if h.kind == "ca_nhan" or len(name.split()) < NAMED_WORDS or h.description:
        return False
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", told) is not None


def upper_first(text: object) -> str:
    """The first letter in capitals, the rest as written ("ĐVTN" stays): a
    phrase that opens a sentence. Jinja's `capitalize` would lowercase the rest."""
    text = str(text)
    return text[:1].upper() + text[1:]


def _key(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    return re.sub(r"[\W_]+", " ", text).strip()


def merge_highlights(items: Iterable[Highlight], kind: str | None = None, program: str | None = None) -> list[MergedHighlight]:
    """One entry per model name (and kind): all the units that run it, in order."""
    merged: dict[tuple, dict] = {}
    for h in items:
        if (kind and h.kind != kind) or (program and h.program != program):
            continue
        key = (h.kind, _key(h.name), _key(h.role or "") if h.kind == "ca_nhan" else "")
        entry = merged.setdefault(key, {"h": h, "units": {}, })
        entry["units"].setdefault(h.unit, h.unit_name)
    return [MergedHighlight(kind=e["h"].kind, name=e["h"].name, program=e["h"].program, role=e["h"].role,
                            description=e["h"].description, units=tuple(e["units"].values())) for e in merged.values()]


@dataclass(frozen=True)
class Asked:
    """What a template asked for: narrative sections (key, scope) and highlights
    (kind, program). Something it never asked for cannot be in the report."""

    narrative: set[tuple[str, str]]
    highlights: set[tuple[str | None, str | None]]

    def said(self, key: str, own: bool) -> bool:
        return (key, "own" if own else "children") in self.narrative

    def highlight(self, h: Highlight) -> bool:
        return any((k is None or k == h.kind) and (p is None or p == h.program) for k, p in self.highlights)


@dataclass(frozen=True)
class SaidEntry:
    text: str
    units: tuple[str, ...]  # unit names


_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")


def same_text(text: str) -> str:
    """A text as a reader compares it: case, spacing, invisible characters and
    the closing punctuation do not count; every other mark does."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text)).casefold()
    return " ".join(text.split()).rstrip(" .;:!…")


def merge_said(items: Iterable[Said]) -> list[SaidEntry]:
    """One entry per text (`same_text`), with every unit that wrote it, in order."""
    merged: dict[str, dict] = {}
    for s in items:
        entry = merged.setdefault(same_text(s.text), {"text": s.text, "units": {}})
        entry["units"].setdefault(s.unit, s.unit_name)
    return [SaidEntry(e["text"], tuple(e["units"].values())) for e in merged.values()]


def group_by_units(items: Iterable[MergedHighlight]) -> list[tuple[tuple[str, ...], list[MergedHighlight]]]:
    """Highlights run by exactly the same units, together: 'mô hình A và mô hình B của X'."""
    groups: dict[tuple[str, ...], list[MergedHighlight]] = {}
    for h in items:
        groups.setdefault(h.units, []).append(h)
    return list(groups.items())


FILTERS: Mapping[str, Any] = {
    "group_units": group_by_units,
    "hoa_dau": upper_first,
    "md": markdown_text,
    "so": vnformat.so,
    "so_tp": vnformat.so_tp,
    "pct": vnformat.pct,
    "tien": vnformat.tien,
    "ngay": vnformat.ngay,
    "la_ma": vnformat.la_ma,
    "hai_so": vnformat.hai_so,
    "xap_xi": vnformat.xap_xi,
}
