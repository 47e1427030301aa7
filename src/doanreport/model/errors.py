"""The exception root of doanreport and the two errors the CLI turns into exits.

Library code raises these; only `cli.py` catches them and decides what the user
sees and the exit code. A user's mistake is never shown as a traceback.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class DoanreportError(Exception):
    """Root of every error doanreport raises on purpose."""


class UserError(DoanreportError):
    """Show this message and exit 1: the data or the setup stops the command.

    The message is a key of the message table plus its arguments, so it can be
    printed in Vietnamese or English.
    """

    exit_code = 1

    def __init__(self, code: str, /, **args: Any) -> None:
        super().__init__(code)
        self.code = code
        self.args_map: Mapping[str, Any] = args


class UsageError(UserError):
    """Show this message and exit 2: the command line itself is wrong."""

    exit_code = 2


class DiagnosticsError(DoanreportError):
    """The inputs have errors; the diagnostics say which. Exit 1."""

    exit_code = 1

    def __init__(self, diagnostics: list, kind: str = "setup") -> None:
        super().__init__(f"{len(diagnostics)} diagnostics")
        self.diagnostics = diagnostics
        self.kind = kind  # "setup" (configuration, tree, catalog) or "data" (unit files)
