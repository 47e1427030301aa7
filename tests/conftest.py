"""Shared helpers: build a workspace from inline YAML and run the CLI on it."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from doanreport.cli import app

CONFIG = """\
root: dk-test
deadline_day: 20
document:
  issuer: BCH ĐOÀN KHỐI CÁC CƠ QUAN TỈNH
  symbol: ĐTNK
  place: Sóc Trăng
  signer: {on_behalf: TM. BAN THƯỜNG VỤ, title: BÍ THƯ, name: Ký Minh Thi}
  recipients: [BTV Tỉnh Đoàn, Lưu VP]
"""

UNITS = """\
code: dk-test
name: Đoàn Khối các cơ quan tỉnh
kind: doan_khoi
children:
  - {code: cd-vp-tinh-uy, name: Chi đoàn Văn phòng Tỉnh ủy, kind: chi_doan_co_so}
  - {code: cd-so-tai-chinh, name: Chi đoàn Sở Tài chính, kind: chi_doan_co_so}
  - code: dcs-bv
    name: Đoàn cơ sở Bệnh viện Đa khoa
    kind: doan_co_so
    children:
      - {code: cd-khoa-noi, name: Chi đoàn Khoa Nội, kind: chi_doan, dissolved: 2012-02-15}
      - {code: cd-khoa-ngoai, name: Chi đoàn Khoa Ngoại, kind: chi_doan, established: 2012-05-10}
"""


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")


@pytest.fixture(autouse=True)
def private_cache_home(tmp_path_factory, monkeypatch):
    """The cache's signing key goes to a test folder, not the user's ~/.cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "xdg-cache"))


@pytest.fixture
def make_ws(tmp_path: Path):
    """make_ws({"data/a.yaml": "..."}) -> workspace folder with the default config and tree."""

    def make(files: dict[str, str | bytes] | None = None, config: str = CONFIG, units: str = UNITS) -> Path:
        write(tmp_path, {"doanreport.yaml": config, "units.yaml": units})
        (tmp_path / "data").mkdir(exist_ok=True)
        write(tmp_path, files or {})
        return tmp_path

    return make


@pytest.fixture
def run():
    """run(args...) -> click Result, invoking the CLI as a user would."""
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)

    return invoke


def validate_json(run, ws: Path, *extra: str) -> tuple[int, list[dict]]:
    result = run("validate", "--workspace", ws, "--format", "json", *extra)
    return result.exit_code, json.loads(result.stdout)
