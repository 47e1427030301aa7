"""The per-file cache: used while a file is unchanged, never trusted otherwise."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from doanreport.load import cache as cache_module

A = "unit: cd-vp-tinh-uy\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {cuoc: 5}\n"
B = "unit: cd-so-tai-chinh\nperiod: 2012Q1\nvalues:\n  tuyen_truyen: {cuoc: 7}\n"


def age(ws: Path) -> Path:
    """Date the data files an hour back: files changed in the last seconds are
    never trusted to the cache (coarse timestamps could hide an edit)."""
    old = time.time() - 3600
    for path in (ws / "data").rglob("*.yaml"):
        os.utime(path, (old, old))
    return ws


def total(run, ws: Path, *extra: str) -> int | None:
    result = run("aggregate", "--workspace", ws, "--period", "2012Q1", "--format", "json", *extra)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["values"].get("tuyen_truyen.cuoc")


@pytest.fixture
def spy(monkeypatch):
    """Counts the files actually read and checked (cache misses)."""
    from doanreport.load import pipeline as loading

    seen: list[str] = []
    original = loading.check_file

    def counting(path, display, ctx):
        seen.append(display)
        return original(path, display, ctx)

    monkeypatch.setattr(loading, "check_file", counting)
    return seen


def test_second_run_reads_nothing(make_ws, run, spy):
    ws = age(make_ws({"data/a.yaml": A, "data/b.yaml": B}))
    assert total(run, ws) == 12
    assert sorted(spy) == ["data/a.yaml", "data/b.yaml"]
    spy.clear()
    assert total(run, ws) == 12
    assert spy == []
    assert (ws / ".doanreport" / "files.cache").is_file()


def test_changed_file_is_read_again(make_ws, run, spy):
    ws = age(make_ws({"data/a.yaml": A, "data/b.yaml": B}))
    total(run, ws)
    spy.clear()
    path = ws / "data" / "a.yaml"
    stat = path.stat()
    path.write_text(A.replace("cuoc: 5", "cuoc: 6"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same mtime: size and ctime still differ
    assert total(run, ws) == 13
    assert spy == ["data/a.yaml"]


def test_same_size_same_mtime_edit_is_still_seen(make_ws, run, spy):
    ws = age(make_ws({"data/a.yaml": A}))
    total(run, ws)
    spy.clear()
    path = ws / "data" / "a.yaml"
    stat = path.stat()
    path.write_text(A.replace("cuoc: 5", "cuoc: 8"), encoding="utf-8")  # same length
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert total(run, ws) == 8  # ctime moved
    assert spy == ["data/a.yaml"]


def test_added_removed_and_renamed_files(make_ws, run, spy):
    ws = age(make_ws({"data/a.yaml": A}))
    assert total(run, ws) == 5
    (ws / "data" / "b.yaml").write_text(B, encoding="utf-8")
    age(ws)
    assert total(run, ws) == 12
    (ws / "data" / "a.yaml").unlink()
    assert total(run, ws) == 7
    spy.clear()
    (ws / "data" / "b.yaml").rename(ws / "data" / "b2.yaml")
    assert total(run, ws) == 7
    assert spy == ["data/b2.yaml"]
    result = run("validate", "--workspace", ws, "--format", "json")
    assert json.loads(result.stdout) == []  # no stale twin of the renamed file


def test_diagnostics_come_from_the_cache_too(make_ws, run, spy):
    ws = age(make_ws({"data/bad.yaml": "unit: cd-vp-tinh-uy\nperiod: 2012Q1\nvalues:\n  hien_mau: {don_vi: -1}\n"}))
    first = run("validate", "--workspace", ws, "--format", "json").stdout
    spy.clear()
    second = run("validate", "--workspace", ws, "--format", "json").stdout
    assert spy == [] and first == second and "negative-value" in second


def test_setup_change_invalidates_everything(make_ws, run, spy):
    ws = age(make_ws({"data/a.yaml": A}))
    total(run, ws)
    spy.clear()
    units = ws / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("Sở Tài chính", "Sở Tài chính tỉnh"), encoding="utf-8")
    total(run, ws)
    assert spy == ["data/a.yaml"]


def test_corrupt_or_foreign_cache_is_ignored(make_ws, run, spy, tmp_path, monkeypatch):
    ws = age(make_ws({"data/a.yaml": A}))
    total(run, ws)
    path = ws / ".doanreport" / "files.cache"
    path.write_bytes(path.read_bytes()[:-20])  # truncated
    spy.clear()
    assert total(run, ws) == 5 and spy == ["data/a.yaml"]
    # a cache signed with somebody else's key is not unpickled
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "someone-else"))
    spy.clear()
    assert total(run, ws) == 5 and spy == ["data/a.yaml"]
    path.write_bytes(b"DRC1" + b"\0" * 32 + b"cos\nsystem\n(S'touch pwned'\ntR.")
    spy.clear()
    assert total(run, ws) == 5 and spy == ["data/a.yaml"]
    assert not (Path.cwd() / "pwned").exists()


def test_no_cache_reads_everything_and_writes_nothing(make_ws, run, spy):
    ws = age(make_ws({"data/a.yaml": A}))
    assert total(run, ws, "--no-cache") == 5
    assert not (ws / ".doanreport").exists()
    total(run, ws)
    spy.clear()
    assert total(run, ws, "--no-cache") == 5
    assert spy == ["data/a.yaml"]


def test_read_only_workspace_works_without_a_cache(make_ws, run, monkeypatch):
    ws = age(make_ws({"data/a.yaml": A}))

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(cache_module.Path, "write_bytes", refuse)
    assert total(run, ws) == 5


def test_files_changed_just_now_are_not_trusted_to_the_cache(make_ws, run, spy):
    ws = make_ws({"data/a.yaml": A})  # written a moment ago
    total(run, ws)
    spy.clear()
    total(run, ws)
    assert spy == ["data/a.yaml"]  # read again: a same-tick edit could not be told apart
    age(ws)
    total(run, ws)
    spy.clear()
    total(run, ws)
    assert spy == []


def test_code_fingerprint_follows_every_source_file(tmp_path):
    package = tmp_path / "pkg"
    (package / "load").mkdir(parents=True)
    (package / "load" / "checks.py").write_text("LIMIT = 1\n")
    (package / "catalog.yaml").write_text("indicators: []\n")
    (package / "notes.txt").write_text("not code\n")
    first = cache_module.code_fingerprint(package)
    (package / "notes.txt").write_text("still not code\n")
    assert cache_module.code_fingerprint.__wrapped__(package) == first
    (package / "load" / "checks.py").write_text("LIMIT = 2\n")
    changed = cache_module.code_fingerprint.__wrapped__(package)
    assert changed != first
    (package / "load" / "checks.py").write_text("LIMIT = 1\n")
    (package / "catalog.yaml").write_text("indicators: [x]\n")
    assert cache_module.code_fingerprint.__wrapped__(package) not in (first, changed)


def test_new_code_reads_every_file_again(make_ws, run, spy, monkeypatch):
    ws = age(make_ws({"data/a.yaml": A, "data/b.yaml": B}))
    assert total(run, ws) == 12
    spy.clear()
    assert total(run, ws) == 12
    assert spy == []
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: b"an upgraded doanreport")
    assert total(run, ws) == 12
    assert sorted(spy) == ["data/a.yaml", "data/b.yaml"]
