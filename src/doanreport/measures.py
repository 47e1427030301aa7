"""Figures being added up: one indicator's rule over time and over units.

A `Measure` holds what a unit or a subtree has accumulated: plain values for
`sum` and `last` indicators, the weighted sums behind each `mean`, and how
many units reported each indicator. Combining over units (`plus`) is
associative and commutative, so a tree reduction gives the same result in any
order; combining over time follows each indicator's rule (`over_time`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .catalog import Catalog

Number = int | float


@dataclass(frozen=True)
class Measure:
    values: Mapping[str, Number] = field(default_factory=dict)  # sum and last indicators
    means: Mapping[str, tuple[float, float]] = field(default_factory=dict)  # code -> (Σ v·w, Σ w)
    coverage: Mapping[str, int] = field(default_factory=dict)  # code -> units that reported it

    def final(self) -> dict[str, Number]:
        """Indicator code -> value; a code nobody reported is absent."""
        out: dict[str, Number] = dict(self.values)
        for code, (vw, w) in self.means.items():
            if w:
                out[code] = vw / w
        return out

    def weights(self) -> dict[str, Number]:
        return {code: w for code, (_, w) in self.means.items()}


EMPTY = Measure()


def plus(parts: Iterable[Measure]) -> Measure:
    """Combine over units: sums and stocks add, rates pool their weights."""
    values: dict[str, Number] = {}
    means: dict[str, tuple[float, float]] = {}
    coverage: dict[str, int] = {}
    for part in parts:
        for code, v in part.values.items():
            values[code] = values.get(code, 0) + v
        for code, (vw, w) in part.means.items():
            a, b = means.get(code, (0.0, 0.0))
            means[code] = (a + vw, b + w)
        for code, n in part.coverage.items():
            coverage[code] = coverage.get(code, 0) + n
    return Measure(values, means, coverage)


def over_time(files: Iterable[tuple[Mapping[str, Number], Mapping[str, int] | None, Mapping[str, Number] | None]],
              catalog: Catalog) -> Measure:
    """Combine one unit's files, in time order, by each indicator's rule.

    Each file is `(values, coverage, weights)`; coverage and weights are given
    by rollup files only (an own file covers its one unit, each rate weighted
    by the weight indicator in the same file, or by 1 if it is missing).
    Over time a `sum` adds, a `last` keeps the latest reported value, a `mean`
    pools its weights; coverage keeps the most units any file had.
    """
    values: dict[str, Number] = {}
    means: dict[str, tuple[float, float]] = {}
    coverage: dict[str, int] = {}
    rules = catalog.rules_by_code
    for file_values, file_coverage, file_weights in files:
        for code, v in file_values.items():
            rule = rules.get(code)
            if rule is None:
                continue
            if rule == "sum":
                values[code] = values.get(code, 0) + v
            elif rule == "last":
                values[code] = v
            else:
                w = _weight(code, catalog[code].weight, file_values, file_weights)
                a, b = means.get(code, (0.0, 0.0))
                means[code] = (a + v * w, b + w)
            if file_coverage is None:
                coverage.setdefault(code, 1)
            else:
                coverage[code] = max(coverage.get(code, 0), file_coverage.get(code, 1))
    return Measure(values, means, coverage)


def _weight(code: str, weight_code: str | None, values: Mapping[str, Number], weights: Mapping[str, Number] | None) -> float:
    if weights is not None and code in weights:
        return weights[code]
    w = values.get(weight_code) if weight_code else None
    return 1 if w is None else w
