"""The shape of the code: layers, one name per class, modules that fit in a head.

The import-linter contract in pyproject.toml is the authority on layers (CI runs
`lint-imports`); this test states the same rule from the source text, so a
plain `pytest` run catches a wrong import too.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "doanreport"
LAYERS = ["model", "load", "rollup", "report", "cli"]  # lowest first
MAX_LINES = 600


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def layer_of(module: str) -> int | None:
    parts = module.split(".")
    if len(parts) < 2 or parts[0] != "doanreport" or parts[1] not in LAYERS:
        return None
    return LAYERS.index(parts[1])


def imported(tree: ast.AST) -> list[str]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append(node.module)
        elif isinstance(node, ast.Import):
            out += [alias.name for alias in node.names]
    return out


def test_the_package_has_the_five_layers():
    assert sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()) == sorted(LAYERS)


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_a_higher_layer_nor_relatively(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own = layer_of("doanreport." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts))
    assert not any(isinstance(n, ast.ImportFrom) and n.level for n in ast.walk(tree)), "use absolute imports"
    if own is None:
        return
    higher = [m for m in imported(tree) if (layer_of(m) or 0) > own]
    assert higher == [], f"{path.name} ({LAYERS[own]}) imports {higher}"


def test_no_class_name_is_defined_in_two_modules():
    where: dict[str, list[str]] = defaultdict(list)
    for path in modules():
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef):
                where[node.name].append(str(path.relative_to(PACKAGE)))
    assert {name: files for name, files in where.items() if len(files) > 1} == {}


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_module_says_what_it_owns_and_fits(path: Path):
    text = path.read_text(encoding="utf-8")
    assert ast.get_docstring(ast.parse(text)), f"{path.name} has no docstring"
    assert text.count("\n") <= MAX_LINES


def test_model_knows_no_file_format():
    for path in (PACKAGE / "model").glob("*.py"):
        names = imported(ast.parse(path.read_text(encoding="utf-8")))
        assert not [n for n in names if n.split(".")[0] in ("yaml", "pydantic", "pydantic_core", "docx", "openpyxl")], path.name


def test_no_file_keeps_a_merge_conflict():
    root = PACKAGE.parents[1]
    kept = [p for p in [root / "README.md", *root.glob("examples/**/*"), *root.glob("templates/*"), *PACKAGE.rglob("*")]
            if p.is_file() and p.suffix in (".md", ".py", ".yaml", ".j2")
            and any(line.startswith(("<<<<<<< ", ">>>>>>> ")) for line in p.read_text(encoding="utf-8").splitlines())]
    assert not kept
