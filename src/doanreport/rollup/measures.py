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

from doanreport.model.catalog import Catalog

Number = int | float
Mean = tuple[float, float, float, int]


@dataclass(frozen=True)
class Measure:
    values: Mapping[str, Number] = field(default_factory=dict)  # sum and last indicators
    # rates: code -> (Σ rate·weight, Σ weight, Σ rate, units), over units
    means: Mapping[str, Mean] = field(default_factory=dict)
    coverage: Mapping[str, int] = field(default_factory=dict)  # code -> units that reported it

    def final(self) -> dict[str, Number]:
        """Indicator code -> value; a code nobody reported is absent. A rate is the
        weighted mean, or the plain mean where every weight was zero."""
        out: dict[str, Number] = dict(self.values)
        for code, (vw, w, v, n) in self.means.items():
            if w:
                out[code] = vw / w
            elif n:
                out[code] = v / n
        return out

    def weights(self) -> dict[str, Number]:
        return {code: m[1] for code, m in self.means.items()}


EMPTY = Measure()


def plus(parts: Iterable[Measure]) -> Measure:
    """Combine over units: sums and stocks add, rates pool their weights."""
    values: dict[str, Number] = {}
    means: dict[str, Mean] = {}
    coverage: dict[str, int] = {}
    for part in parts:
        for code, v in part.values.items():
            values[code] = values.get(code, 0) + v
        for code, (vw, w, r, n) in part.means.items():
            a, b, c, d = means.get(code, (0.0, 0.0, 0.0, 0))
            means[code] = (a + vw, b + w, c + r, d + n)
        for code, n in part.coverage.items():
            coverage[code] = coverage.get(code, 0) + n
    return Measure(values, means, coverage)


def over_time(files: Iterable[tuple[Mapping[str, Number], Mapping[str, int] | None, Mapping[str, Number] | None]],
              catalog: Catalog) -> Measure:
    """Combine one unit's files, in time order, by each indicator's rule.

    Each file is `(values, coverage, weights)`; coverage and weights are given
    by rollup files only (an own file covers its one unit, each rate weighted
    by the weight indicator in the same file, or by 1 if it is missing).
    Over time a `sum` adds, a `last` keeps the latest reported value, and a
    `mean` is the unit's time-weighted average rate, which then counts among
    units with the weight of the unit's latest file (its current member count),
    not the sum of weights over time: how often a unit reports does not change
    its say. Coverage keeps the most units any file had.
    """
    values: dict[str, Number] = {}
    rates: dict[str, tuple[float, float, float, int, float]] = {}  # Σvw, Σw, Σv, files, latest w
    coverage: dict[str, int] = {}
    rules = catalog.rules_by_code
    get = values.get
    for file_values, file_coverage, file_weights in files:
        for code, v in file_values.items():
            rule = rules.get(code)
            if rule == "sum":
                values[code] = get(code, 0) + v
            elif rule == "last":
                values[code] = v
            elif rule is None:
                continue
            else:
                w = _weight(code, catalog[code].weight, file_values, file_weights)
                a, b, c, n, _ = rates.get(code, (0.0, 0.0, 0.0, 0, 0.0))
                rates[code] = (a + v * w, b + w, c + v, n + 1, w)
            if file_coverage is None:
                coverage.setdefault(code, 1)
            else:
                coverage[code] = max(coverage.get(code, 0), file_coverage.get(code, 1))
    means: dict[str, Mean] = {}
    for code, (vw, w, v, n, latest) in rates.items():
        rate = vw / w if w else v / n
        means[code] = (rate * latest, latest, rate, 1)
    return Measure(values, means, coverage)


def _weight(code: str, weight_code: str | None, values: Mapping[str, Number], weights: Mapping[str, Number] | None) -> float:
    if weights is not None and code in weights:
        return weights[code]
    w = values.get(weight_code) if weight_code else None
    return 1 if w is None else w
