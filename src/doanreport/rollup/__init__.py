"""Adding figures up: which files count, how figures combine, the tree reduction.

`selection` chooses a unit's files for a period, `measures` and
`completeness` are values that combine over time and over units, `aggregation`
reduces the tree, and `build` turns a workspace into a report's data (the
aggregate and its comparisons). Imports `load` and `model` only.
"""
