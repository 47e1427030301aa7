"""Writing output files atomically: all of the file or none of it.

Content goes to a temporary file in the target's folder and is moved into
place only once it is complete, so a failed run never leaves half a file.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from doanreport.model.errors import UserError
from doanreport.model.messages import os_reason


def write_atomic(path: Path, content: str | bytes) -> None:
    data = content.encode("utf-8") if isinstance(content, str) else content
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(tmp, 0o666 & ~_umask())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise UserError("output-failed", path=str(path), reason=os_reason(exc)) from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


FIXED_TIME = (2000, 1, 1, 0, 0, 0)


def reproducible_zip(data: bytes, transform: Callable[[str, bytes], bytes] | None = None) -> bytes:
    """Rewrite an Office zip so the same content gives the same bytes.

    Entry times are fixed, document timestamps in docProps/core.xml are set to
    2000-01-01, and `transform(name, body)` may rewrite any entry.
    """
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)", rb"\g<1>2000-01-01T00:00:00Z\3", body)
            if transform is not None:
                body = transform(info.filename, body)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, body, compresslevel=1)  # fast; the bytes are still fixed
    return out.getvalue()
