"""Loading submissions: a short pipeline of stages over the data files.

Each stage takes the items so far and the context (tree and catalog) and
returns the items it passes on and the diagnostics it found, so that one run
reports every problem in every file:

    read -> check_raw -> validate_submissions -> check_rules   (each file on its own)
         -> check_duplicates                     (across files)

The per-file stages run in parallel across the machine's cores, and their
result for a file is kept in the workspace cache (`cache.py`) while the file
is unchanged; the cross-file stages always run.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from doanreport.load.cache import FileCache, fingerprint, stat_key
from doanreport.load.checks import Context, check_document
from doanreport.load.schema import validate
from doanreport.load.source import Document, load
from doanreport.load.submission import Submission
from doanreport.load.workspace import Workspace
from doanreport.model.diagnostics import Diagnostic, error, warning
from doanreport.model.facts import Facts, Sourced
from doanreport.model.periods import Period


def document(item: Sourced) -> Document:
    """The document of a loaded file, for positions in messages: the one parsed
    in this run, or the file read again from disk (a file served by the cache)."""
    if isinstance(item.source, Document):
        return item.source
    return Document(item.file, None, path=item.source if item.source is not None else item.file)


@dataclass(frozen=True)
class FileResult:
    """What the per-file stages learnt from one file, in a compact form that
    crosses process boundaries and the cache cheaply: the fields of its facts by
    name (validated already), not the model, and no parsed YAML."""

    diagnostics: tuple[Diagnostic, ...]
    fields: dict[str, Any] | None = None  # the facts by field name

    def loaded(self, path: str | Path, display: str) -> Sourced | None:
        if self.fields is None:
            return None
        return Sourced(display, Facts(**self.fields), path)


@dataclass(frozen=True)
class LoadResult:
    submissions: list[Sourced]
    diagnostics: list[Diagnostic]
    files: int


def read(paths: Iterable[tuple[str | Path, str]]) -> tuple[list[Document], list[Diagnostic]]:
    docs, diags = [], []
    for path, display in paths:
        doc, found = load(path, display)
        diags += found
        if doc is not None:
            docs.append(doc)
    return docs, diags


def check_raw(docs: list[Document], ctx: Context) -> tuple[list[Document], list[Diagnostic]]:
    diags: list[Diagnostic] = []
    for doc in docs:
        diags += check_document(doc, ctx)
    return docs, diags


def validate_submissions(docs: list[Document], ctx: Context) -> tuple[list[Sourced], list[Diagnostic]]:
    loaded, diags = [], []
    for doc in docs:
        sub, found = validate(Submission, doc)
        diags += found
        if sub is not None:
            loaded.append(Sourced(doc.file, sub.facts(), doc))
    return loaded, diags


def check_duplicates(items: list[Sourced], ctx: Context) -> tuple[list[Sourced], list[Diagnostic]]:
    groups: dict[tuple[str, int, int, str], list[Sourced]] = defaultdict(list)
    for item in items:  # a unit's own file and its rollup for one period may stand together
        f = item.facts
        groups[(f.unit, f.period.start, f.period.end, f.scope)].append(item)
    diags = []
    for (unit, start, end, _), group in groups.items():
        if len(group) < 2:
            continue
        period = Period(start, end).code
        for item in group:
            others = ", ".join(o.file for o in group if o is not item)
            diags.append(error("duplicate-submission", item.file, document(item).pos(("period",)),
                               unit=unit, period=period, other=others))
    return items, diags


def check_rules(items: list[Sourced], ctx: Context) -> tuple[list[Sourced], list[Diagnostic]]:
    diags = []
    for item in items:
        for rule, left, right in ctx.catalog.broken_rules(item.facts.values):
            make = error if rule.severity == "error" else warning
            diags.append(make("rule", item.file, document(item).pos(("values", *rule.left.split("."))),
                              **ctx.catalog.rule_args(rule, left, right)))
    return items, diags


Stage = Callable[[list, Context], tuple[list, list[Diagnostic]]]
FILE_STAGES: tuple[Stage, ...] = (check_raw, validate_submissions, check_rules)
CROSS_STAGES: tuple[Stage, ...] = (check_duplicates,)
PARALLEL_FROM = 200  # files; fewer are faster in one process


def check_file(path: str | Path, display: str, ctx: Context) -> FileResult:
    """The per-file stages on one file."""
    items, diags = read([(path, display)])
    for stage in FILE_STAGES:
        items, found = stage(items, ctx)
        diags += found
    return FileResult(tuple(diags), items[0].facts.by_name() if items else None)


def load_submissions(paths: list[tuple[str | Path, str]], ctx: Context, cache: FileCache | None = None,
                     complete: bool = True) -> LoadResult:
    """Run every stage over the files; nothing stops at the first problem."""
    keys = [stat_key(path) for path, _ in paths]
    results: list[FileResult | None] = [cache.get(d, k) if cache else None for (_, d), k in zip(paths, keys, strict=True)]
    todo = [i for i, r in enumerate(results) if r is None]
    for i, result in zip(todo, _check_files([paths[i] for i in todo], ctx), strict=True):
        results[i] = result
        if cache:
            cache.put(paths[i][1], keys[i], result)
    if cache:
        cache.save(complete)
    items = [x for x in (r.loaded(p, d) for r, (p, d) in zip(results, paths, strict=True)) if x is not None]
    diags = [d for r in results for d in r.diagnostics]
    for stage in CROSS_STAGES:
        items, found = stage(items, ctx)
        diags += found
    return LoadResult(items, diags, len(paths))


_WORKER_CTX: Context | None = None


def _check_chunk(chunk: list[tuple[str | Path, str]]) -> list[FileResult]:
    return [check_file(path, display, _WORKER_CTX) for path, display in chunk]


def _check_files(paths: list[tuple[str | Path, str]], ctx: Context) -> list[FileResult]:
    """check_file over many files, on every core where the platform forks."""
    jobs = min(os.cpu_count() or 1, 8)
    if len(paths) < PARALLEL_FROM or jobs < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [check_file(path, display, ctx) for path, display in paths]
    global _WORKER_CTX
    _WORKER_CTX = ctx  # inherited by the forked workers, never pickled
    size = max(50, len(paths) // (jobs * 4))
    chunks = [paths[i:i + size] for i in range(0, len(paths), size)]
    try:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            return [r for part in pool.map(_check_chunk, chunks) for r in part]
    except (BrokenProcessPool, OSError):
        # a worker died (memory limit) or none could start: do the work here instead
        return [check_file(path, display, ctx) for path, display in paths]
    finally:
        _WORKER_CTX = None


def load_workspace(ws: Workspace, paths: list[Path] | None = None, use_cache: bool = True) -> LoadResult:
    """Load the workspace's data files (or only `paths`), setup problems included."""
    setup = list(ws.diagnostics)
    if paths:
        files, missing = _expand(ws, paths)
        named = [(str(p), ws.display(p)) for p in files]
    else:
        named, missing = ws.data_files()
    cache = FileCache(ws.root, fingerprint(ws.setup_bytes())) if use_cache and ws.tree is not None else None
    result = load_submissions(named, Context(ws.tree, ws.catalog), cache, complete=not paths)
    return LoadResult(result.submissions, setup + missing + result.diagnostics, result.files)


def _expand(ws: Workspace, paths: list[Path]) -> tuple[list[Path], list[Diagnostic]]:
    """Files named on the command line; folders stand for their YAML files."""
    setup_files = {(ws.root / name).resolve() for name in ws.setup_names()}
    files: list[Path] = []
    missing: list[Diagnostic] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix.lower() in (".yaml", ".yml") and p.is_file())
        elif path.exists():
            files.append(path)
        else:
            missing.append(error("no-paths", str(path), path=str(path)))
    seen: set[Path] = set()
    unique: list[Path] = []
    for path in files:  # the same file named twice is read once
        real = path.resolve()
        if real not in setup_files and real not in seen:
            seen.add(real)
            unique.append(path)
    return unique, missing
