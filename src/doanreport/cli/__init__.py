"""The command line: typer commands, terminal views, forms and `init`.

The top layer: it calls the library and is the one place where errors become
output and exit codes.
"""

from doanreport.cli.commands import app, main

__all__ = ["app", "main"]
