"""Finding and running report templates: Jinja in, Markdown out.

Templates are `NAME.md.j2` files found along an override path: the
workspace's `templates/` folder, then the built-in ones (always reachable as
`builtin/NAME.md.j2`, so a workspace template can extend the one it
replaces). Undefined names and unknown indicator codes fail with the
template's file and line.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from doanreport.model.errors import UserError
from doanreport.model.messages import Phrase
from doanreport.report.context import FILTERS, ReportContext, TemplateDataError

SUFFIX = ".md.j2"


def builtin_dir() -> Path:
    """The built-in templates: inside the installed package, or the repository's."""
    packaged = Path(str(resources.files("doanreport"))) / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "templates"  # an editable checkout


def environment(workspace_dir: Path | None) -> SandboxedEnvironment:
    paths = [str(p) for p in (workspace_dir, builtin_dir()) if p is not None and p.is_dir()]
    loader = jinja2.ChoiceLoader([
        jinja2.FileSystemLoader(paths),
        jinja2.PrefixLoader({"builtin": jinja2.FileSystemLoader(str(builtin_dir()))}),
    ])
    env = SandboxedEnvironment(  # a shared workspace's templates must not run Python
        loader=loader,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    env.filters["ket_thuc"] = end_mark
    return env


@dataclass(frozen=True)
class TemplateInfo:
    name: str
    origin: str  # "builtin" or "workspace"
    description: str | None  # None: the file could not be read
    path: Path


def available(workspace_dir: Path | None) -> list[TemplateInfo]:
    """Templates by name; a workspace one hides the built-in of the same name."""
    found: dict[str, TemplateInfo] = {}
    for origin, folder in (("builtin", builtin_dir()), ("workspace", workspace_dir)):
        if folder is None or not folder.is_dir():
            continue
        for path in sorted(folder.glob(f"*{SUFFIX}")):
            name = path.name[: -len(SUFFIX)]
            if not name.startswith("_"):
                found[name] = TemplateInfo(name, origin, _description(path), path)
    return sorted(found.values(), key=lambda t: t.name)


def _description(path: Path) -> str | None:
    """The first line of the template's opening `{# ... #}` comment; None if unreadable."""
    try:
        text = path.read_text(encoding="utf-8").lstrip()
    except (OSError, UnicodeDecodeError):
        return None
    if text.startswith("{#"):
        lines = text[2:].split("#}", 1)[0].strip("-# \n").splitlines()
        return lines[0].strip() if lines else ""
    return ""


TEMPLATE_FAULTS = (jinja2.TemplateError, TemplateDataError, TypeError, ValueError, KeyError, IndexError,
                   AttributeError, ZeroDivisionError, RecursionError, UnicodeDecodeError, OverflowError,
                   MemoryError)


def render_markdown(env: SandboxedEnvironment, name: str, ctx: ReportContext) -> str:
    """Run template `name`; any template problem becomes a UserError with file:line."""
    if name.startswith("_") or "/" in name:
        raise UserError("template-not-found", name=name)
    try:
        template = env.get_template(name + SUFFIX)
    except jinja2.TemplateNotFound as exc:
        if exc.name == name + SUFFIX:
            raise UserError("template-not-found", name=name) from None
        raise UserError("template-error", where=name + SUFFIX, detail=Phrase("template-missing", {"name": exc.name})) from None
    except jinja2.TemplateSyntaxError as exc:
        raise UserError("template-error", where=f"{_short(exc.filename or exc.name or name)}:{exc.lineno}",
                        detail=exc.message) from None
    except UnicodeDecodeError:
        raise UserError("template-error", where=name + SUFFIX, detail=Phrase("template-not-utf8")) from None
    env.filters.update(ctx.style.filters())  # the report's own way with money and small counts
    try:
        return template.render(ctx.as_dict())
    except RecursionError:
        raise UserError("template-error", where=_short(template.filename or name),
                        detail=Phrase("template-extends-itself", {"extends": f'{{% extends "builtin/{name}{SUFFIX}" %}}'})) from None
    except TEMPLATE_FAULTS as exc:
        raise UserError("template-error", where=_where(exc, template.filename), detail=_detail(exc)) from None


def _detail(exc: BaseException) -> Phrase | str:
    """What went wrong, in the reader's language where it is doanreport's own words
    (Jinja's own messages are English only)."""
    if isinstance(exc, TemplateDataError):
        return Phrase(exc.code, exc.args_map)
    if isinstance(exc, jinja2.TemplateNotFound):  # an include or extends naming no template
        return Phrase("template-missing", {"name": exc.name})
    return str(exc)


def _where(exc: BaseException, fallback: str | None) -> str:
    """`file:line` of the innermost template frame in the exception's traceback."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(SUFFIX):
            return f"{_short(frame.filename)}:{frame.lineno}"
    return _short(fallback or "?")


def _short(path: str) -> str:
    """A template's name as the user knows it: `templates/quy.md.j2` for the
    workspace's own (relative to the workspace), `doanreport:quy.md.j2` for a built-in."""
    p = Path(path)
    builtin = builtin_dir().resolve()
    if p.is_absolute() and p.resolve().is_relative_to(builtin):
        return f"doanreport:{p.resolve().relative_to(builtin).as_posix()}"
    if p.is_absolute() and p.parent.parent.exists() and (p.parent.parent / "doanreport.yaml").is_file():
        return p.resolve().relative_to(p.parent.parent.resolve()).as_posix()
    return p.as_posix()


def end_mark(text: str) -> str:
    """Close a report body with `./.` after its last sentence."""
    body = text.rstrip()
    return body + "./.\n" if body else body
