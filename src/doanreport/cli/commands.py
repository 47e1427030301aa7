"""The command line: each command parses its options and calls the library.

This is the one place where exceptions become output and exit codes:
`DoanreportGroup.invoke` turns a `UserError` into its message (exit 1, or 2
for wrong usage) and a `DiagnosticsError` into the list of problems (exit 1).
No traceback reaches the user for a data or usage problem.
"""

from __future__ import annotations

import os
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup

from doanreport.cli import views
from doanreport.cli.forms import blank_form
from doanreport.cli.scaffold import init_workspace
from doanreport.load.pipeline import load_workspace
from doanreport.load.workspace import open_workspace
from doanreport.model import messages, periods
from doanreport.model.diagnostics import format_json, has_errors, sorted_diagnostics
from doanreport.model.errors import DiagnosticsError, UsageError, UserError
from doanreport.report.output import write_atomic
from doanreport.rollup.build import build_report

LANG_KEY = "doanreport.lang"


class Lang(str, Enum):
    vi = "vi"
    en = "en"


class TextOrJson(str, Enum):
    text = "text"
    json = "json"


class AggFormat(str, Enum):
    table = "table"
    json = "json"
    yaml = "yaml"
    csv = "csv"
    xlsx = "xlsx"


class Rows(str, Enum):
    children = "children"
    all = "all"


class DocFormat(str, Enum):
    md = "md"
    docx = "docx"


AGG_SUFFIXES = {".json": AggFormat.json, ".yaml": AggFormat.yaml, ".yml": AggFormat.yaml,
                ".csv": AggFormat.csv, ".xlsx": AggFormat.xlsx, ".txt": AggFormat.table}
DOC_SUFFIXES = {".docx": DocFormat.docx, ".md": DocFormat.md, ".markdown": DocFormat.md, ".txt": DocFormat.md}


def _default_lang() -> str:
    return "en" if os.environ.get("DOANREPORT_LANG", "").lower() == "en" else "vi"


def _set_lang(ctx: typer.Context, value: Lang | None) -> Lang | None:
    if value is not None:
        ctx.meta[LANG_KEY] = value.value
    return value


def _lang(ctx: typer.Context) -> str:
    return ctx.meta.get(LANG_KEY) or _default_lang()


def _stdout() -> Console:
    console = Console(highlight=False, soft_wrap=True)
    if not console.is_terminal:  # piped or redirected: do not cut lines at 80 columns
        console = Console(highlight=False, soft_wrap=True, width=200)
    return console


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


class DoanreportGroup(TyperGroup):
    """Runs a command and turns doanreport's errors into messages and exit codes."""

    def invoke(self, ctx: typer.Context):  # noqa: ANN201 - click's signature
        try:
            return super().invoke(ctx)
        except DiagnosticsError as exc:
            lang = _lang(ctx)
            diags = sorted_diagnostics(exc.diagnostics)
            views.print_diagnostics(_stderr(), diags, lang)
            closing = "data-invalid" if exc.kind == "data" else "setup-invalid"
            _stderr().print(f"[red]{messages.render(closing, {}, lang)}[/red]")
            raise typer.Exit(exc.exit_code) from None
        except UserError as exc:
            lang = _lang(ctx)
            label = messages.phrase("error", lang).capitalize()
            _stderr().print(f"[red]{label}:[/red] {escape(messages.render(exc.code, exc.args_map, lang))}")
            raise typer.Exit(exc.exit_code) from None


app = typer.Typer(
    cls=DoanreportGroup,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    help="doanreport: tổng hợp số liệu và lập báo cáo công tác Đoàn từ các tệp YAML của đơn vị.",
)

WorkspaceOpt = Annotated[
    Optional[Path],
    typer.Option("--workspace", "-w", help="Thư mục không gian làm việc (mặc định: tìm doanreport.yaml từ thư mục hiện tại trở lên)."),
]
StrictOpt = Annotated[bool, typer.Option(
    "--strict", help="Dừng (mã 1) nếu có đơn vị chưa báo cáo, báo cáo thiếu tháng, hoặc số liệu không phủ đủ kỳ.")]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Không dùng bộ nhớ đệm .doanreport/ (đọc lại mọi tệp).")]
LangOpt = Annotated[
    Optional[Lang],
    typer.Option("--lang", help="Ngôn ngữ thông báo: vi (mặc định) hoặc en.", callback=_set_lang, is_eager=True),
]


def parse_period(text: str) -> periods.Period:
    try:
        return periods.parse(text)
    except periods.PeriodError as exc:
        raise UsageError("bad-period-option", value=text, reason=messages.Bilingual(exc.vi, exc.en)) from None


def _parse_date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError("bad-date-option", value=text) from None


def _choose_format(fmt: Enum | None, output: Path | None, suffixes: dict, default: Enum) -> Enum:
    """The format asked for, else the one the output's suffix names; they must agree."""
    if output is None:
        return fmt or default
    by_suffix = suffixes.get(output.suffix.lower())
    if fmt is not None and by_suffix is not None and by_suffix is not fmt:
        raise UsageError("format-mismatch", format=fmt.value, path=str(output))
    if fmt is None and by_suffix is None:
        raise UsageError("unknown-suffix", path=str(output), suffixes=", ".join(sorted(suffixes)))
    return fmt or by_suffix


def _write(ws, output: Path, content: str | bytes, lang: str) -> None:
    """Write an output file, never over one of the workspace's inputs."""
    if ws.is_input(output):
        raise UserError("output-is-input", path=str(output))
    write_atomic(output, content)
    _stderr().print(escape(messages.phrase("written", lang, path=output)))


def _notes(report, lang: str, strict: bool | None = None) -> None:
    """What the aggregation noticed (files set aside, rules broken in sum) and,
    unless `strict` is None (`status` shows it its own way), who has not
    reported in full, on stderr. `strict` stops the command on the latter."""
    shown = report.diagnostics + (report.incomplete if strict is not None else ())
    views.print_diagnostics(_stderr(), sorted_diagnostics(shown), lang)
    if strict and report.incomplete:
        raise UserError("strict-incomplete")


@app.command()
def init(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(help="Thư mục sẽ tạo không gian làm việc.")] = Path("."),
    lang: LangOpt = None,
) -> None:
    """Tạo không gian làm việc mới: doanreport.yaml, units.yaml và một tệp số liệu mẫu."""
    created = init_workspace(folder)
    console, language = _stdout(), _lang(ctx)
    for path in created:
        console.print(escape(messages.phrase("created", language, path=path)))
    console.print(messages.phrase("init-next", language))


@app.command()
def units(
    ctx: typer.Context,
    unit: Annotated[Optional[str], typer.Option("--unit", help="Chỉ hiện nhánh của đơn vị này.")] = None,
    workspace: WorkspaceOpt = None,
    lang: LangOpt = None,
) -> None:
    """Hiện cây tổ chức: các đơn vị, loại đơn vị, đơn vị đã giải thể."""
    ws = open_workspace(workspace)
    tree = ws.require_tree()
    code = ws.unit_code(unit)
    today = date.today()
    console = _stdout()
    language = _lang(ctx)
    console.print(views.unit_tree(tree, code, today, language))
    console.print(views.unit_counts(tree, code, today, language, ws.config.wording.kinds))


@app.command()
def form(
    ctx: typer.Context,
    unit: Annotated[str, typer.Option("--unit", help="Mã đơn vị nộp báo cáo.")],
    period: Annotated[str, typer.Option("--period", help="Kỳ báo cáo, ví dụ 2012Q1.")],
    template: Annotated[Optional[str], typer.Option("--template", "-t", help="Chỉ liệt kê các chỉ tiêu mẫu báo cáo này dùng.")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Ghi ra tệp này thay vì in ra màn hình.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Ghi đè tệp đã có.")] = False,
    workspace: WorkspaceOpt = None,
    lang: LangOpt = None,
) -> None:
    """Tạo mẫu báo cáo trống cho một đơn vị và một kỳ, có chú thích từng chỉ tiêu."""
    ws = open_workspace(workspace)
    tree = ws.require_tree()
    code = ws.unit_code(unit)
    report_period = parse_period(period)
    codes = None
    if template is not None:
        from doanreport.report.rendering import codes_used

        codes = codes_used(ws, template, code, report_period)
    text = blank_form(tree[code], report_period, ws.catalog, codes)
    if output is None:
        typer.echo(text, nl=False)
        return
    if ws.is_setup(output) or (output.exists() and not force):  # --force covers data files only
        raise UserError("output-is-input" if ws.is_setup(output) else "output-exists", path=str(output))
    write_atomic(output, text)
    _stderr().print(escape(messages.phrase("written", _lang(ctx), path=output)))


@app.command()
def validate(
    ctx: typer.Context,
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Tệp hoặc thư mục cần kiểm tra (mặc định: cả thư mục data).")] = None,
    fmt: Annotated[TextOrJson, typer.Option("--format", help="Dạng kết quả: text hoặc json.")] = TextOrJson.text,
    no_cache: NoCacheOpt = False,
    workspace: WorkspaceOpt = None,
    lang: LangOpt = None,
) -> None:
    """Kiểm tra mọi tệp: cú pháp, mẫu, mã chỉ tiêu, đơn vị, kỳ, trùng lặp, quy tắc."""
    ws = open_workspace(workspace)
    result = load_workspace(ws, paths or None, use_cache=not no_cache)
    diags = sorted_diagnostics(result.diagnostics)
    language = _lang(ctx)
    if fmt is TextOrJson.json:
        typer.echo(format_json(diags, language))
    else:
        console = _stdout()
        views.print_diagnostics(console, diags, language)
        views.print_summary(console, diags, result.files, language)
    if has_errors(diags):
        raise typer.Exit(1)


PeriodOpt = Annotated[str, typer.Option("--period", help="Kỳ báo cáo: 2012, 2012H1, 2012Q1, 2012M03, 2012Q1..2012Q3.")]
UnitOpt = Annotated[Optional[str], typer.Option("--unit", help="Đơn vị được tổng hợp (mặc định: root trong doanreport.yaml).")]


@app.command()
def aggregate(
    ctx: typer.Context,
    period: PeriodOpt,
    unit: UnitOpt = None,
    fmt: Annotated[Optional[AggFormat], typer.Option(
        "--format", help="table, json, yaml (tệp rollup cho cấp trên), csv hoặc xlsx.")] = None,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="Ghi ra tệp; dạng theo đuôi tệp nếu không ghi --format.")] = None,
    rows: Annotated[Rows, typer.Option(
        "--rows", help="Dòng của csv/xlsx: children (đơn vị trực thuộc) hoặc all (mọi đơn vị).")] = Rows.children,
    strict: StrictOpt = False,
    no_cache: NoCacheOpt = False,
    workspace: WorkspaceOpt = None,
    lang: LangOpt = None,
) -> None:
    """Tổng hợp số liệu của một đơn vị cho một kỳ, theo cây tổ chức và theo thời gian."""
    from doanreport.report import exports  # imported when needed: start-up time counts on every run

    ws = open_workspace(workspace)
    default = AggFormat.table if _stdout().is_terminal else AggFormat.json
    chosen = _choose_format(fmt, output, AGG_SUFFIXES, default)
    if chosen is AggFormat.xlsx and output is None:
        raise UsageError("binary-needs-output", format=chosen.value)
    report = build_report(ws, unit, parse_period(period), use_cache=not no_cache)
    language = _lang(ctx)
    _notes(report, language, strict)
    if chosen is AggFormat.table:
        content = views.aggregate_text(report, ws.catalog, ws.require_tree(), None if output else _stdout(), language)
    else:
        content = exports.export(report, ws.catalog, chosen.value, rows.value, date.today(), language)
    if output is not None:
        _write(ws, output, content, language)
    elif content:
        typer.echo(content, nl=False)


@app.command()
def status(
    ctx: typer.Context,
    period: PeriodOpt,
    unit: UnitOpt = None,
    no_cache: NoCacheOpt = False,
    workspace: WorkspaceOpt = None,
    lang: LangOpt = None,
) -> None:
    """Ai đã nộp, ai trễ hạn, ai chưa nộp, ai nộp thiếu tháng: danh sách để đôn đốc."""
    ws = open_workspace(workspace)
    report = build_report(ws, unit, parse_period(period), use_cache=not no_cache)
    language = _lang(ctx)
    _notes(report, language)
    console = _stdout()
    console.print(views.status_table(report, ws.require_tree(), language))
    for line in views.completeness_lines(report, ws.require_tree(), language):
        console.print(line)


@app.command()
def templates(
    ctx: typer.Context,
    workspace: WorkspaceOpt = None,
    lang: LangOpt = None,
) -> None:
    """Danh sách mẫu báo cáo: có sẵn và của không gian làm việc (ghi đè mẫu cùng tên)."""
    from doanreport.report.templating import available

    folder = None
    try:
        folder = open_workspace(workspace).templates_dir
    except UserError:
        if workspace is not None:
            raise
    console, language = _stdout(), _lang(ctx)
    for info in available(folder):
        origin = (messages.phrase("builtin-template", language) if info.origin == "builtin"
                  else messages.phrase("workspace-template", language, name=info.path.name))
        about = messages.phrase("template-unreadable", language) if info.description is None else info.description
        console.print(f"[bold]{escape(info.name)}[/bold]  ({escape(origin)})\n    {escape(about)}")


@app.command()
def render(
    ctx: typer.Context,
    template: Annotated[str, typer.Option("--template", "-t", help="Tên mẫu báo cáo (xem `doanreport templates`).")],
    period: PeriodOpt,
    unit: UnitOpt = None,
    fmt: Annotated[Optional[DocFormat], typer.Option("--format", help="md hoặc docx (mặc định theo đuôi tệp -o, không có -o: md).")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Tệp kết quả (.md hoặc .docx).")] = None,
    number: Annotated[Optional[str], typer.Option("--number", help="Số văn bản, ví dụ 36.")] = None,
    on: Annotated[Optional[str], typer.Option("--date", help="Ngày ký văn bản, dạng 2013-05-08.")] = None,
    appendix: Annotated[Optional[Rows], typer.Option(
        "--appendix", help="Thêm phụ lục số liệu: children (đơn vị trực thuộc) hoặc all (mọi đơn vị).")] = None,
    strict: StrictOpt = False,
    no_cache: NoCacheOpt = False,
    workspace: WorkspaceOpt = None,
    lang: LangOpt = None,
) -> None:
    """Lập báo cáo từ mẫu: ra Markdown hoặc .docx đúng thể thức văn bản của Đoàn."""
    from doanreport.report.docx.writer import markdown_to_docx
    from doanreport.report.notes import left_out
    from doanreport.report.rendering import frame_for
    from doanreport.report.rendering import render as render_report

    ws = open_workspace(workspace)
    chosen = _choose_format(fmt, output, DOC_SUFFIXES, DocFormat.md)
    if chosen is DocFormat.docx and output is None:
        raise UsageError("binary-needs-output", format="docx")
    report_period = parse_period(period)
    report = build_report(ws, unit, report_period, use_cache=not no_cache)
    language = _lang(ctx)
    _notes(report, language, strict)
    frame = frame_for(ws, number, _parse_date(on), report_period)
    rendered = render_report(ws, report, template, frame, appendix.value if appendix else None)
    views.print_diagnostics(_stderr(), left_out(report, rendered, ws.root, ws.catalog), language)
    title = messages.phrase("docx-title", "vi", period=report.agg.period.label)  # a Vietnamese document
    content = (markdown_to_docx(rendered.body, title, rendered.appendix) if chosen is DocFormat.docx
               else rendered.markdown)
    if output is None:
        typer.echo(content, nl=False)
    else:
        _write(ws, output, content, language)


def main() -> None:  # pragma: no cover - the console-script entry point
    app()
