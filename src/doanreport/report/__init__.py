"""Showing an aggregate: template context, templates, formats, exports, .docx.

Python hands templates values (`context`); the templates word them; the
Markdown they produce becomes a .docx in the Youth Union's layout (`docx/`).
Exports write an aggregate as JSON, rollup YAML, CSV or XLSX. Figures never
depend on how they are shown: nothing here computes one.
"""
