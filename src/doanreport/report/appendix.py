"""The appendix ("Phụ lục") of `render --appendix`, as data.

One row per unit and a total row, with the figures the template used, in
tables of at most `COLUMNS` indicators. The record is what the .docx writer
lays out, and what the `_phu_luc.md.j2` partial writes as Markdown; the
partial also holds the appendix's words (title, column headings, the total
row's label), so Python only places values.
"""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment

from doanreport.model.catalog import Catalog
from doanreport.report.exports import table_rows
from doanreport.report.vnformat import figure
from doanreport.rollup.aggregation import Aggregate

PARTIAL = "_phu_luc.md.j2"
COLUMNS = 8  # indicator columns per table
LANDSCAPE_FROM = 5  # more indicator columns than this: landscape pages


@dataclass(frozen=True)
class DataTable:
    """A bordered table: a header row (repeated on every page) and rows of cell text."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]  # per column: numbers, right-aligned
    total_row: int | None = None  # the index in `rows` of the bold total row


@dataclass(frozen=True)
class Appendix:
    """A title, lines under it, and tables, on a new page (landscape when wide)."""

    title: str
    lines: tuple[str, ...]
    tables: tuple[DataTable, ...]
    landscape: bool


def build_appendix(env: Environment, agg: Aggregate, catalog: Catalog, codes: list[str], rows: str) -> Appendix:
    """The figures of `codes` by unit (`rows`: "children" or "all"), worded by the partial."""
    words = env.get_template(PARTIAL).module
    units = [(name, values) for _, name, values in table_rows(agg, rows)]
    tables = []
    for start in range(0, len(codes), COLUMNS):
        chunk = [catalog[c] for c in codes[start:start + COLUMNS]]
        body = [(str(n), name, *(figure(ind, values.get(ind.code)) for ind in chunk))
                for n, (name, values) in enumerate(units, 1)]
        body.append(("", words.total_label, *(figure(ind, agg.values.get(ind.code)) for ind in chunk)))
        tables.append(DataTable(
            header=(words.number_header, words.unit_header, *(words.column(ind) for ind in chunk)),
            rows=tuple(body),
            numeric=(True, False, *(True for _ in chunk)),
            total_row=len(body) - 1,
        ))
    caption = words.caption(agg.period.label, rows, agg.unit.name)
    return Appendix(title=words.title, lines=(caption,) if tables else (caption, words.no_data),
                    tables=tuple(tables), landscape=len(codes) > LANDSCAPE_FROM)


def appendix_markdown(env: Environment, appendix: Appendix) -> str:
    """The appendix as the partial writes it in the .md: pipe tables."""
    return str(env.get_template(PARTIAL).module.markdown(appendix))
