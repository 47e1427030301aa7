"""What was learnt from each file, kept under `.doanreport/` while it is unchanged.

An entry is keyed by the file's path in the workspace and its size, mtime,
ctime and inode, so a changed, added, removed or renamed file is always seen
afresh. The whole cache is tied to a fingerprint of the code that made it
(every source file of the installed package, so an upgrade or a local edit
never serves stale results) and of the workspace setup (the configuration,
the tree and the catalogs), since checks depend on them. The file is signed with a secret kept in the user's own cache
folder: a corrupt, truncated or foreign cache file fails the check and is
ignored, never unpickled.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
import stat
import tempfile
import time
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parents[1]

MAGIC = b"DRC1"
FOLDER = ".doanreport"
NAME = "files.cache"

StatKey = tuple[int, int, int, int]
RACY_NS = 3_000_000_000  # files changed in the last 3 seconds are read again next time


def stat_key(path: str | Path) -> StatKey | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


@cache
def code_fingerprint(package: Path = PACKAGE_DIR) -> bytes:
    """A digest of the package's own files (code and the built-in catalog)."""
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".yaml") and path.is_file():
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.digest()


def fingerprint(parts: Iterable[bytes]) -> bytes:
    """What the cache is tied to: the code, then each setup file."""
    digest = hashlib.sha256(code_fingerprint())
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.digest()


def _secret() -> bytes | None:
    """This user's signing key (created on first use), or None if there is nowhere to keep it."""
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "doanreport"
    except (RuntimeError, KeyError):  # no home folder: go without a cache
        return None
    path = base / "secret"
    try:
        return path.read_bytes()
    except OSError:
        pass
    try:
        base.mkdir(parents=True, exist_ok=True)
        key = secrets.token_bytes(32)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
        return key
    except FileExistsError:
        return path.read_bytes()
    except OSError:
        return None


class FileCache:
    """Per-file results for one workspace and setup; `save` writes back what was used."""

    def __init__(self, root: Path, setup: bytes) -> None:
        self.path = root / FOLDER / NAME
        self.setup = setup
        self.key = _secret()
        self.old: dict[str, tuple[StatKey, Any]] = self._read() if self.key else {}
        self.new: dict[str, tuple[StatKey, Any]] = {}
        self.changed = False

    def _read(self) -> dict[str, tuple[StatKey, Any]]:
        try:
            if not stat.S_ISREG(os.stat(self.path).st_mode):
                return {}
            blob = self.path.read_bytes()
        except OSError:
            return {}
        if len(blob) < 36 or not blob.startswith(MAGIC):
            return {}
        signature, payload = blob[4:36], blob[36:]
        if not hmac.compare_digest(signature, hmac.new(self.key, payload, hashlib.sha256).digest()):
            return {}
        try:
            setup, entries = pickle.loads(payload)
        except Exception:  # noqa: BLE001 - a signed payload we cannot read is just a miss
            return {}
        return entries if setup == self.setup and isinstance(entries, dict) else {}

    def get(self, name: str, key: StatKey | None) -> Any | None:
        entry = self.old.get(name)
        if key is None or entry is None or entry[0] != key:
            return None
        self.new[name] = entry
        return entry[1]

    def put(self, name: str, key: StatKey | None, value: Any) -> None:
        """Keep a result, unless the file changed too recently to be sure: on file
        systems with coarse timestamps an edit in the same tick would look unchanged
        (git's "racily clean" rule)."""
        if key is not None and key[1] < time.time_ns() - RACY_NS:
            self.new[name] = (key, value)
            self.changed = True

    def save(self, complete: bool = True) -> None:
        """Write back, if anything changed. After a run over every data file only
        the entries it used are kept, so removed and renamed files drop out;
        after a run over some files the others' entries are kept too."""
        entries = self.new if complete else {**self.old, **self.new}
        if self.key is None or not (self.changed or entries.keys() != self.old.keys()):
            return
        payload = pickle.dumps((self.setup, entries), protocol=pickle.HIGHEST_PROTOCOL)
        blob = MAGIC + hmac.new(self.key, payload, hashlib.sha256).digest() + payload
        folder = self.path.parent
        try:
            folder.mkdir(exist_ok=True)
            if folder.is_symlink() or not folder.is_dir():
                return  # never write through a link someone planted
            fd, tmp = tempfile.mkstemp(prefix=f".{NAME}.", suffix=".tmp", dir=folder)  # O_EXCL: no link followed
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(blob)
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            pass  # a read-only workspace simply goes without a cache
