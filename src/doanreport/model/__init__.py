"""The bottom layer: the values everything else is about.

Periods, the organisation tree, the indicator catalog and the facts of a
submission, as plain immutable values; diagnostics (problems as values), the
exception root and the message table. No file formats, no YAML, no pydantic.
"""
