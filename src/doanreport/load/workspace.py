"""The workspace: finding it, its configuration, and its setup files.

A workspace is a folder with `doanreport.yaml` (found like git finds its
repository: from the current folder upwards, or given with `--workspace`).
Opening one validates the configuration, the organisation tree and the
catalog, and keeps every problem found as diagnostics.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, StrictBool

from doanreport.load.catalog_file import build_catalog, builtin_document
from doanreport.load.schema import Record, Text, UnitCode, suggest, validate
from doanreport.load.source import Document, load
from doanreport.load.tree import build_tree
from doanreport.model.catalog import Catalog
from doanreport.model.diagnostics import Diagnostic, error, has_errors
from doanreport.model.errors import DiagnosticsError, UserError
from doanreport.model.messages import Phrase, os_reason
from doanreport.model.units import Tree

CONFIG_NAME = "doanreport.yaml"


def _as_list(value: object) -> object:
    return [value] if isinstance(value, str) else value


def _issuer_lines(value: object) -> object:
    """`issuer` as its lines: one name, or [superior body, issuing body]. Any
    other single value becomes a one-item list, so that it is reported as what
    it is (a number where a name belongs), not as a missing list."""
    if value is None or value == "":
        return []
    return value if isinstance(value, list) else [value]


class Signer(Record):
    on_behalf: str | None = None
    title: str | None = None
    name: str | None = None


class DocumentFrame(Record):
    # the issuing body, or [superior body, issuing body] (see _check_issuer)
    issuer: Annotated[list[Text], BeforeValidator(_issuer_lines)] = []
    symbol: str | None = None
    place: str | None = None
    signer: Signer = Signer()
    recipients: list[Text] = []


KindName = Literal["tinh_doan", "doan_khoi", "huyen_doan", "doan_co_so", "chi_doan_co_so", "chi_doan"]


class Wording(Record):
    """How this workspace's reports word what differs between organisations:
    money (`dong`: 14.236.000 đồng, `trieu`: 14 triệu đồng), small counts
    (`pad_small_counts`: 08 đoàn cơ sở, or 8 đoàn cơ sở), the setting (`co_quan` for
    agencies, `dia_phuong` for xã and ấp; by default from the root's kind) and
    what each kind of unit is called in a sentence (`doan_co_so: Đoàn xã`)."""

    money: Literal["dong", "trieu"] = "dong"
    pad_small_counts: StrictBool = True
    setting: Literal["co_quan", "dia_phuong"] | None = None
    kinds: dict[KindName, Text] = {}


class Config(Record):
    """The schema of doanreport.yaml."""

    root: UnitCode | None = None
    units: Text = "units.yaml"
    data: Text = "data"
    catalog: Annotated[list[Text], BeforeValidator(_as_list)] = []
    templates: Text = "templates"
    deadline_day: Annotated[int, Field(ge=1, le=31)] | None = None
    cutoff: Literal["calendar", "nd09"] = "calendar"
    document: DocumentFrame = DocumentFrame()
    wording: Wording = Wording()


@dataclass
class Workspace:
    """An opened workspace: its folder, configuration, tree and catalog."""

    root: Path
    config: Config
    tree: Tree | None
    catalog: Catalog
    diagnostics: list[Diagnostic] = field(default_factory=list)
    setup_texts: list[bytes] = field(default_factory=list, repr=False)  # what was parsed, for the cache

    @property
    def data_dir(self) -> Path:
        return self.root / self.config.data

    @property
    def templates_dir(self) -> Path:
        return self.root / self.config.templates

    def display(self, path: Path) -> str:
        """A path as shown to the user: relative to the workspace when inside it."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def data_files(self) -> tuple[list[tuple[str, str]], list[Diagnostic]]:
        """Every *.yaml / *.yml below the data folder, sorted, each with the name it
        is shown by; hidden files, the setup files and the templates folder are
        not data. A folder that cannot be read is reported, not skipped."""
        found: list[tuple[str, str]] = []
        diags: list[Diagnostic] = []
        if not self.data_dir.is_dir():
            return found, diags
        skip = {str((self.root / n).resolve()) for n in self.setup_names()} | {str(self.templates_dir.resolve())}
        stack = [(str(self.data_dir), self.display(self.data_dir))]
        seen: set[tuple[int, int]] = set()  # folders by device and inode: links cannot loop
        while stack:
            folder, shown = stack.pop()
            try:
                st = os.stat(folder)
                if (st.st_dev, st.st_ino) in seen:
                    continue
                seen.add((st.st_dev, st.st_ino))
                entries = list(os.scandir(folder))
            except OSError as exc:
                diags.append(error("file-unreadable", shown, reason=os_reason(exc)))
                continue
            for entry in entries:
                name = f"{shown}/{entry.name}" if shown != "." else entry.name
                try:
                    if entry.name.startswith(".") or entry.path in skip:
                        continue
                    if entry.is_symlink() and os.path.realpath(entry.path) in skip:
                        continue
                    if entry.is_dir():
                        stack.append((entry.path, name))
                    elif entry.name.lower().endswith((".yaml", ".yml")):
                        found.append((entry.path, name))  # not a regular file? reading says so
                except OSError as exc:
                    diags.append(error("file-unreadable", name, reason=os_reason(exc)))
        found.sort(key=lambda pair: pair[1])
        return found, diags

    def setup_names(self) -> list[str]:
        return [CONFIG_NAME, self.config.units, *self.config.catalog]

    def _is_setup_file(self, target: Path) -> bool:
        return any(target == (self.root / n).resolve() for n in self.setup_names())

    def is_setup(self, path: Path) -> bool:
        """Whether `path` is the configuration, the tree, a catalog or a template."""
        target = path.resolve()
        return self._is_setup_file(target) or target.is_relative_to(self.templates_dir.resolve())

    def is_input(self, path: Path) -> bool:
        """Whether writing to `path` would overwrite or add to the workspace's inputs."""
        target = path.resolve()
        if self._is_setup_file(target):
            return True
        return any(target.is_relative_to(d.resolve()) for d in (self.data_dir, self.templates_dir)) and \
            target.suffix.lower() in (".yaml", ".yml", ".j2")

    def setup_bytes(self) -> list[bytes]:
        """The setup as it was parsed (the tool's own catalog included), for the
        cache's fingerprint: results are never filed under a newer setup."""
        return [builtin_document().text.encode(), *self.setup_texts]

    def require_tree(self) -> Tree:
        """The tree, or stop with the setup's diagnostics."""
        if self.tree is None or has_errors(self.diagnostics):
            raise DiagnosticsError(self.diagnostics)
        return self.tree

    def unit_code(self, code: str | None) -> str:
        """The unit a command reports on: the one given, else the workspace root."""
        tree = self.require_tree()
        code = code or self.config.root or tree.root
        if code not in tree:
            raise UserError("unit-not-found", unit=code, suggestion=suggest(code, tree.units))
        return code


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` holding doanreport.yaml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise UserError("workspace-not-found", start=str(start))


def open_workspace(explicit: Path | None = None, cwd: Path | None = None) -> Workspace:
    """Find and load a workspace; setup problems are kept as diagnostics."""
    if explicit is not None:
        root = explicit.resolve()
        if not root.is_dir():
            raise UserError("workspace-dir-missing", path=str(explicit))
        if not (root / CONFIG_NAME).is_file():
            raise UserError("workspace-no-config", path=str(explicit))
    else:
        root = find_root(cwd or Path.cwd())
    diags: list[Diagnostic] = []
    texts: list[bytes] = []
    config, config_doc = _load_config(root, diags, texts)
    catalog = _load_catalog(root, config, diags, texts)
    tree = _load_tree(root, config, diags, texts)
    if tree is not None and config.root and config.root not in tree:
        pos = config_doc.pos(("root",)) if config_doc else None
        diags.append(error("root-unknown", CONFIG_NAME, pos, unit=config.root))
    if not (root / config.data).is_dir():
        pos = config_doc.pos(("data",)) if config_doc else None
        diags.append(error("data-dir-missing", CONFIG_NAME, pos, path=config.data))
    return Workspace(root, config, tree, catalog, diags, texts)


def _load_doc(root: Path, name: str, what: str, diags: list[Diagnostic], texts: list[bytes]) -> Document | None:
    path = root / name
    if not path.is_file():
        diags.append(error("workspace-file-missing", CONFIG_NAME, what=Phrase(what), path=name))
        texts.append(name.encode())
        return None
    doc, more = load(path, Path(name).as_posix())
    diags.extend(more)
    texts.append(name.encode() + b"\0" + (doc.text.encode() if doc else b"?"))
    return doc


def _load_config(root: Path, diags: list[Diagnostic], texts: list[bytes]) -> tuple[Config, Document | None]:
    doc = _load_doc(root, CONFIG_NAME, "what-config", diags, texts)
    if doc is None:
        return Config(), None
    config, more = validate(Config, doc)
    diags.extend(more)
    diags.extend(_check_issuer(doc))
    return config or Config(), doc


def _check_issuer(doc: Document) -> list[Diagnostic]:
    """`issuer` as a list holds one or two names: a superior body above the issuing body."""
    frame = doc.data.get("document") if isinstance(doc.data, dict) else None
    names = frame.get("issuer") if isinstance(frame, dict) else None
    if isinstance(names, list) and not 1 <= len(names) <= 2:
        return [error("issuer-lines", doc.file, doc.pos(("document", "issuer")), count=len(names))]
    return []


def _load_catalog(root: Path, config: Config, diags: list[Diagnostic], texts: list[bytes]) -> Catalog:
    docs = [builtin_document()]
    for name in config.catalog:
        doc = _load_doc(root, name, "what-catalog", diags, texts)
        if doc is not None:
            docs.append(doc)
    catalog, more = build_catalog(docs)
    diags.extend(more)
    return catalog


def _load_tree(root: Path, config: Config, diags: list[Diagnostic], texts: list[bytes]) -> Tree | None:
    doc = _load_doc(root, config.units, "what-units", diags, texts)
    if doc is None:
        return None
    tree, more = build_tree(doc)
    diags.extend(more)
    return tree
