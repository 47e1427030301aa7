"""Reading one input file safely: bytes, text encoding, YAML with positions.

Owns everything between a path on disk and a plain Python value whose every
key and value has a known line and column. Refuses, as diagnostics and never
as a crash or a hang: oversized, empty and binary files, unknown encodings,
YAML syntax errors, duplicate keys, anchors and aliases (so alias bombs cost
nothing), tags other than YAML's plain ones (so nothing in a file ever runs),
and absurd nesting. Text is normalised to Unicode NFC.
"""

from __future__ import annotations

import bisect
import codecs
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from doanreport.model.diagnostics import Diagnostic, error, warning
from doanreport.model.messages import os_reason

try:  # libyaml's parser when present: same events, several times faster
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

MAX_BYTES = 4 * 1024 * 1024
MAX_FLOW_DEPTH = 200
MAX_BLOCK_DEPTH = 2000  # indentation columns plus chained `- `; C composer crashes past ~20,000
MAX_DEPTH = 64
MAX_ITEMS = 10_000  # items in one list: a report has tens

Path_ = tuple  # a path into the document: keys and list indexes

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_constructor = yaml.constructor.SafeConstructor()


LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")  # YAML's line breaks


@dataclass(frozen=True)
class Document:
    """A parsed file: its data, and where each part of it stands (1-based).

    Positions are worked out only when a message needs one, by reading the
    text again: the common case, a valid file, never pays for them.
    """

    file: str
    data: Any
    text: str = field(default="", repr=False, compare=False)
    path: str | Path | None = field(default=None, repr=False, compare=False)  # to read the text from, lazily

    @cached_property
    def source(self) -> str:
        """The file's text as written (read again when only its path was kept)."""
        text = self.text
        if not text and self.path is not None:
            text = read_text(self.path, self.file)[0] or ""
        return text

    @cached_property
    def _positions(self) -> tuple[dict[Path_, tuple[int, int]], dict[Path_, tuple[int, int]]]:
        text = self.source
        builder = _Builder(self.file, record=True)
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is not None:
                builder.build(node, (), 0)
        except (_Refused, yaml.YAMLError):
            pass  # positions found so far stay usable (the file may have changed meanwhile)
        finally:
            loader.dispose()
        return builder.values, builder.keys

    def has_path(self, path: Path_) -> bool:
        return tuple(path) in self._positions[0]

    def pos(self, path: Path_) -> tuple[int, int] | None:
        """Position of the value at `path`, or of its nearest existing parent."""
        return _nearest(self._positions[0], tuple(path))

    @cached_property
    def lines(self) -> list[str]:
        """The text's lines, broken where YAML breaks them (its lines and columns count these)."""
        return LINE_BREAK.split(self.source)

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0, *(m.end() for m in LINE_BREAK.finditer(self.source))]

    @cached_property
    def _value_starts(self) -> list[int]:
        """Offsets where values begin, in order: where a value's text must end."""
        return sorted(self._offset(p) for p in self._positions[0].values())

    def _offset(self, pos: tuple[int, int]) -> int:
        starts = self._line_starts
        return (starts[pos[0] - 1] if pos[0] - 1 < len(starts) else len(self.source)) + pos[1] - 1

    def locate(self, path: Path_, snippet: str, nth: int = 0) -> tuple[int, int] | None:
        """Position of the `nth` occurrence of `snippet` written inside the value at
        `path` (a placeholder in a text), never past the value's end; the value's
        own position when the text is not found as written (an escape or a
        folded line in between)."""
        start = self.pos(path)
        if start is None:
            return None
        offset = self._offset(start)
        after = bisect.bisect_right(self._value_starts, offset)
        limit = self._value_starts[after] if after < len(self._value_starts) else len(self.source)
        found = offset - len(snippet)
        for _ in range(nth + 1):
            found = self.source.find(snippet, found + len(snippet), limit)
            if found < 0:
                return start
        line = bisect.bisect_right(self._line_starts, found)
        return line, found - self._line_starts[line - 1] + 1

    def key_pos(self, path: Path_) -> tuple[int, int] | None:
        """Position of the key naming `path` (falls back like `pos`)."""
        path = tuple(path)
        return self._positions[1].get(path) or self.pos(path)


def _nearest(table: dict[Path_, tuple[int, int]], path: Path_) -> tuple[int, int] | None:
    while True:
        if path in table:
            return table[path]
        if not path:
            return None
        path = path[:-1]


class _Refused(Exception):
    """Stops the conversion of a document that cannot be read safely."""

    def __init__(self, diag: Diagnostic) -> None:
        super().__init__(diag.code)
        self.diag = diag


def read_text(path: str | Path, display: str) -> tuple[str | None, list[Diagnostic]]:
    """The file's text, decoded and NFC-normalised, or None and why not."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):  # a FIFO would hang, /dev/zero never end
            return None, [error("not-a-file", display)]
        if st.st_size > MAX_BYTES:
            return None, [error("file-too-large", display, size=st.st_size, limit=MAX_BYTES)]
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:  # it grew while we looked
            return None, [error("file-too-large", display, size=len(raw), limit=MAX_BYTES)]
    except OSError as exc:
        return None, [error("file-unreadable", display, reason=os_reason(exc))]
    return decode(raw, display)


def decode(raw: bytes, display: str) -> tuple[str | None, list[Diagnostic]]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 or Windows-1258."""
    diags: list[Diagnostic] = []
    if raw.startswith(codecs.BOM_UTF8):
        text = _try(raw[3:], "utf-8")
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _try(raw, "utf-16")
    elif _looks_utf16(raw):
        text = _try(raw, "utf-16-le" if raw[1:2] == b"\0" else "utf-16-be")
    else:
        text = _try(raw, "utf-8")
        if text is None and b"\0" not in raw:
            text = _try_cp1258(raw)
            if text is not None:
                diags.append(warning("encoding-cp1258", display))
    if text is None:
        if b"\0" in raw:
            return None, [error("file-binary", display)]
        return None, [error("encoding-unknown", display)]
    if "\0" in text or _mostly_control(text):
        return None, [error("file-binary", display)]
    if not text.strip() or not _has_content(text):
        return None, [error("file-empty", display)]
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text, diags


def _try(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a BOM: ASCII-heavy text with every other byte zero."""
    head = raw[:200]
    if len(head) < 4 or len(head) % 2:
        return False
    zeros_odd = head[1::2].count(0)
    zeros_even = head[0::2].count(0)
    half = len(head) // 2
    return max(zeros_odd, zeros_even) > 0.6 * half and min(zeros_odd, zeros_even) == 0


_CP1258_MARKS = set("ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323")


def _try_cp1258(raw: bytes) -> str | None:
    """Windows-1258 (Vietnamese) text, accepted only if it reads as Vietnamese."""
    text = _try(raw, "cp1258")
    if text is None or not any(ch in _CP1258_MARKS for ch in text):
        return None
    return text


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # C0 and C1 controls but tab and newlines


def _mostly_control(text: str) -> bool:
    sample = text[:4096]
    return len(_CONTROL.findall(sample)) > max(8, len(sample) // 20)


def _has_content(text: str) -> bool:
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            return True
    return False


def parse_yaml(text: str, display: str) -> tuple[Document | None, list[Diagnostic]]:
    """Parse YAML text into a Document, or None and the reason."""
    if _flow_depth(text) > MAX_FLOW_DEPTH or _block_depth(text) > MAX_BLOCK_DEPTH:
        return None, [error("yaml-too-deep", display, limit=MAX_DEPTH)]
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = (mark.line + 1, mark.column + 1) if mark else None
        problem = exc.problem or str(exc)
        code = "yaml-syntax-flow" if "expected ','" in problem or "expected key" in problem else "yaml-syntax"
        return None, [error(code, display, pos, problem=problem)]
    except yaml.YAMLError as exc:
        return None, [error("yaml-syntax", display, problem=str(exc))]
    finally:
        loader.dispose()
    if node is None or (node.tag == "tag:yaml.org,2002:null" and isinstance(node, yaml.ScalarNode)):
        return None, [error("file-empty", display)]
    builder = _Builder(display)
    try:
        data = builder.build(node, None, 0)
    except _Refused as refused:
        return None, [refused.diag]
    return Document(display, data, text), builder.diags


def load(path: str | Path, display: str) -> tuple[Document | None, list[Diagnostic]]:
    """Read, decode and parse one YAML file."""
    text, diags = read_text(path, display)
    if text is None:
        return None, diags
    doc, more = parse_yaml(text, display)
    return doc, diags + more


_DEEP_HINT = re.compile(r"(?:[-?] +){8}|\n {400}")
_LINE_DEPTH = re.compile(r"^( *)((?:[-?] +)*)", re.M)


def _block_depth(text: str) -> int:
    """Upper bound of block nesting (indentation and `- - -` chains): libyaml's
    composer recurses once per level and crashes the interpreter far down."""
    if not _DEEP_HINT.search(text):  # no real file comes near; skip the line scan
        return 0
    return max(len(m.group(1)) + m.group(2).count("-") + m.group(2).count("?")
               for m in _LINE_DEPTH.finditer(text))


def _flow_depth(text: str) -> int:
    """Upper bound of flow-collection nesting ('[' and '{'), cheap to compute."""
    if text.count("[") + text.count("{") <= MAX_FLOW_DEPTH:
        return 0
    depth = deepest = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth = max(0, depth - 1)
    return deepest


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_NULL = "tag:yaml.org,2002:null"
_DECIMAL = re.compile(r"^[-+]?[0-9]+$")
_REAL = re.compile(r"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?$")


class _Builder:
    """Turns a composed YAML node graph into plain data.

    With `record`, it also notes the position of every value and key by its
    path; without, it builds values only (the fast path for valid files).
    """

    def __init__(self, display: str, record: bool = False) -> None:
        self.display = display
        self.record = record
        self.values: dict[Path_, tuple[int, int]] = {}
        self.keys: dict[Path_, tuple[int, int]] = {}
        self.diags: list[Diagnostic] = []
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, path: Path_ | None, depth: int) -> Any:
        if id(node) in self.seen:
            raise _Refused(error("yaml-alias", self.display, _mark(node)))
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise _Refused(error("yaml-too-deep", self.display, _mark(node), limit=MAX_DEPTH))
        if self.record:
            self.values[path] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ_TAG:
                raise _Refused(error("yaml-tag", self.display, _mark(node), tag=node.tag))
            if len(node.value) > MAX_ITEMS:
                raise _Refused(error("yaml-too-long", self.display, _mark(node), limit=MAX_ITEMS))
            return [self.build(item, path + (i,) if self.record else None, depth + 1)
                    for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: Path_ | None, depth: int) -> dict:
        if node.tag != _MAP_TAG:
            raise _Refused(error("yaml-tag", self.display, _mark(node), tag=node.tag))
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _Refused(error("yaml-alias", self.display, _mark(key_node)))
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(error("yaml-complex-key", self.display, _mark(key_node)))
            key = self._scalar(key_node)
            if key in out:
                if not self.record:
                    first = next(k for k, _ in node.value if self._scalar(k) == key)
                    self.diags.append(error("yaml-duplicate-key", self.display, _mark(key_node),
                                            key=key, first_line=_mark(first)[0]))
                continue
            sub = None
            if self.record:
                sub = path + (key,)
                self.keys[sub] = _mark(key_node)
            out[key] = self.build(value_node, sub, depth + 1)
        return out

    def _scalar(self, node: yaml.Node) -> Any:
        tag, text = node.tag, node.value
        if tag == _STR:
            return self._text(node, text.strip())
        if tag == _NULL:
            return None
        if tag == _INT:
            # decimal digits only, leading zeros read as decimal ("010" is ten);
            # YAML 1.1's 0x.., 0o.., 0b.., 1:30 and 1_000 stay text, and the
            # schema says a number was expected there
            return int(text) if _DECIMAL.match(text) else text
        if tag == _FLOAT:
            return float(text) if _REAL.match(text) else text  # never .inf or .nan
        if tag not in _PLAIN_TAGS:
            raise _Refused(error("yaml-tag", self.display, _mark(node), tag=tag))
        try:
            value = _constructor.yaml_constructors[tag](_constructor, node)
        except (ValueError, yaml.YAMLError):
            # e.g. `2012-02-30` looks like a date but is none: keep the text, and
            # let the schema say what was expected at this position
            return text.strip()
        return value.strip() if isinstance(value, str) else value

    def _text(self, node: yaml.Node, text: str) -> str:
        """Text without control characters (a `\\x01` escape would break the .docx)."""
        if _CONTROL.search(text):
            if not self.record:
                self.diags.append(error("control-character", self.display, _mark(node)))
            text = _CONTROL.sub("", text)
        return text
