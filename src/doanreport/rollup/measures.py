"""Figures being added up: one indicator's rule over time and over units.

A `Measure` holds what a unit or a subtree has accumulated: plain values for
`sum` and `last` indicators, a `RatePool` behind each `mean`, and how many
units reported each indicator. Combining over units (`plus`) is associative
and commutative, so a tree reduction gives the same result in any order;
combining over time follows each indicator's rule (`over_time`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from doanreport.model.catalog import Catalog
from doanreport.model.facts import Facts, Number


@dataclass(frozen=True, slots=True)
class RatePool:
    """A rate pooled over units: Σ rate·weight, Σ weight, Σ rate, and units."""

    weighted: float = 0.0
    weight: float = 0.0
    plain: float = 0.0
    units: int = 0

    def plus(self, other: RatePool) -> RatePool:
        return RatePool(self.weighted + other.weighted, self.weight + other.weight,
                        self.plain + other.plain, self.units + other.units)

    def rate(self) -> float | None:
        """The weighted mean, or the plain mean where every weight was zero."""
        if self.weight:
            return self.weighted / self.weight
        if self.units:
            return self.plain / self.units
        return None


@dataclass(frozen=True)
class Measure:
    values: Mapping[str, Number] = field(default_factory=dict)  # sum and last indicators
    means: Mapping[str, RatePool] = field(default_factory=dict)  # rates, pooled over units
    coverage: Mapping[str, int] = field(default_factory=dict)  # code -> units that reported it
    asof: Mapping[str, int] = field(default_factory=dict)  # stocks: code -> end month of the latest value

    def final(self) -> dict[str, Number]:
        """Indicator code -> value; a code nobody reported is absent."""
        out: dict[str, Number] = dict(self.values)
        for code, pool in self.means.items():
            rate = pool.rate()
            if rate is not None:
                out[code] = rate
        return out

    def weights(self) -> dict[str, Number]:
        return {code: pool.weight for code, pool in self.means.items()}


EMPTY = Measure()
NO_RATE = RatePool()


def plus(parts: Iterable[Measure]) -> Measure:
    """Combine over units: sums and stocks add, rates pool their weights."""
    values: dict[str, Number] = {}
    means: dict[str, RatePool] = {}
    coverage: dict[str, int] = {}
    asof: dict[str, int] = {}
    for part in parts:
        for code, v in part.values.items():
            values[code] = values.get(code, 0) + v
        for code, pool in part.means.items():
            means[code] = means.get(code, NO_RATE).plus(pool)
        for code, n in part.coverage.items():
            coverage[code] = coverage.get(code, 0) + n
        for code, month in part.asof.items():
            asof[code] = max(asof.get(code, month), month)
    return Measure(values, means, coverage, asof)


@dataclass(slots=True)
class _RateOverTime:
    """One unit's rate over its files: Σ rate·weight, Σ weight, Σ rate, files,
    and the weight of the latest file."""

    weighted: float = 0.0
    weight: float = 0.0
    plain: float = 0.0
    files: int = 0
    latest: float = 0.0

    def add(self, rate: Number, weight: Number) -> None:
        self.weighted += rate * weight
        self.weight += weight
        self.plain += rate
        self.files += 1
        self.latest = weight

    def pool(self) -> RatePool:
        """The unit's rate, counted among units with its latest weight."""
        rate = self.weighted / self.weight if self.weight else self.plain / self.files
        return RatePool(rate * self.latest, self.latest, rate, 1)


def over_time(files: Iterable[Facts], catalog: Catalog, only: AbstractSet[str] | None = None,
              stale: Mapping[str, tuple[int, AbstractSet[str]]] | None = None) -> Measure:
    """Combine one unit's files, in time order, by each indicator's rule.

    Coverage and weights are given by rollup files only (an own file covers
    its one unit, each rate weighted by the weight indicator in the same file,
    or by 1 if it is missing; a rollup's rate missing from its weights stands
    on no weight, as it is written when it had none). Over time a `sum` adds, a `last` keeps the
    latest reported value, and a `mean` is the unit's time-weighted average
    rate, which then counts among units with the weight of the unit's latest
    file (its current member count), not the sum of weights over time: how
    often a unit reports does not change its say. Coverage keeps the most
    units any file had.

    `only` restricts the result to some codes (those these files were chosen
    for); `stale` gives, per stock, the end month of a rollup above that states
    it later and the units it covers: their values from files ending by then
    are superseded.
    """
    values: dict[str, Number] = {}
    asof: dict[str, int] = {}
    rates: dict[str, _RateOverTime] = {}
    coverage: dict[str, int] = {}
    methods = catalog.methods
    get = values.get
    for facts in files:
        file_values, file_coverage, end = facts.values, facts.coverage, facts.period.end
        for code, v in file_values.items():
            if only is not None and code not in only:
                continue
            method = methods.get(code)
            if method == "sum":
                values[code] = get(code, 0) + v
            elif method == "last":
                if stale and code in stale and end <= stale[code][0] and facts.unit in stale[code][1]:
                    continue
                values[code] = v
                asof[code] = end
            elif method is None:
                continue
            else:
                w = _weight(code, catalog[code].weight, file_values, facts.weights)
                rates.setdefault(code, _RateOverTime()).add(v, w)
            if file_coverage is None:
                coverage.setdefault(code, 1)
            else:
                coverage[code] = max(coverage.get(code, 0), file_coverage.get(code, 1))
    return Measure(values, {code: run.pool() for code, run in rates.items()}, coverage, asof)


def _weight(code: str, weight_code: str | None, values: Mapping[str, Number],
            weights: Mapping[str, Number] | None) -> Number:
    if weights is not None:  # a rollup: it lists the weight behind every rate, leaving out zeros
        return weights.get(code, 0)
    w = values.get(weight_code)  # None also when the rate has no weight indicator
    return 1 if w is None else w
