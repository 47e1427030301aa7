"""From files to facts: bytes → text → YAML with positions → checked values.

Finding the workspace and reading its setup (configuration, tree, catalogs),
the pydantic schemas of every input file, the content checks, the loading
pipeline of stages `(items, context) -> (items, diagnostics)` and the cache of
per-file results. Imports only `model`.
"""
