"""What a row of the benchmark produces: measured values, tables, and goals met or missed. No I/O here."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field


@dataclass
class Stat:
    """One metric of one contender over its rounds."""

    values: list[float] = field(default_factory=list)

    def add(self, value: float) -> None:
        self.values.append(value)

    @property
    def ok(self) -> bool:
        return bool(self.values)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    def show(self, decimals: int | None = None, scale: float = 1.0) -> str:
        """`median (min to max)`, or the value alone for one round; `—` when nothing was measured.

        `decimals=None` picks them from the median's size (3 significant digits).
        """
        if not self.values:
            return "—"
        places = decimals if decimals is not None else digits(self.median * scale)
        middle = f"{self.median * scale:,.{places}f}"
        if len(self.values) == 1:
            return middle
        low, high = min(self.values) * scale, max(self.values) * scale
        return f"{middle} ({low:,.{places}f} to {high:,.{places}f})"


@dataclass
class Goal:
    text: str
    measured: str
    met: bool | None  # None: not measured, because a contender failed
    why: list[str] = field(default_factory=list)  # measured evidence of what limits it, shown when missed

    @property
    def mark(self) -> str:
        return {True: "✅", False: "❌", None: "⚠️ not measured"}[self.met]


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Row:
    number: int
    title: str
    how: str
    tables: list[Table] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0


def ratio(numerator: Stat, denominator: Stat) -> float | None:
    if not (numerator.ok and denominator.ok) or denominator.median == 0:
        return None
    return numerator.median / denominator.median


def digits(value: float) -> int:
    """Decimal places that show `value` with about 3 significant digits."""
    size = abs(value)
    return 0 if size >= 100 else 1 if size >= 10 else 2 if size >= 1 else 3 if size >= 0.1 else 4


def number(value: float) -> str:
    return f"{value:,.{digits(value)}f}"
