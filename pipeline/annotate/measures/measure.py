"""``ParsedMeasure``: one measure found by :func:`claimex.annotate.measures.parse_measures`."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

KINDS: tuple[str, ...] = (
    "value", "percentage", "range", "threshold", "count", "sample_size", "p_value", "ci", "mean_sd",
    "median_iqr", "ratio", "duration", "dose", "age",
)


@dataclass(slots=True)
class ParsedMeasure:
    """A measure: character offsets into the parsed text (end exclusive), its kind and its numbers.

    The field names are those of :class:`claimex.schema.Measure` (see that class for meanings).
    """

    start: int
    end: int
    text: str
    kind: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    op: str | None = None
    stat: str | None = None
    level: float | None = None
    denominator: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    sd: float | None = None

    def to_schema(self, id: str):
        """This measure as a :class:`claimex.schema.Measure` with the given id."""
        from claimex.schema import Measure

        return Measure(id=id, **self.to_dict())

    def to_dict(self) -> dict[str, Any]:
        """All fields, including the ``None`` ones. A flat copy: every field is a str, int, float or None,
        so ``dataclasses.asdict``'s recursive deep copy (most of ``measures_of``'s time) is not needed."""
        return {name: getattr(self, name) for name in _FIELDS}

    @property
    def numbers(self) -> tuple[float, ...]:
        """The main numbers of the measure (value, or low/high), for quick comparisons."""
        if self.value is not None:
            return (self.value,)
        return tuple(x for x in (self.low, self.high) if x is not None)


_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(ParsedMeasure))
