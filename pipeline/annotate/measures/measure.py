"""``ParsedMeasure``: one measure found by :func:`pipeline.annotate.measures.parse_measures`."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Optional

KINDS: tuple[str, ...] = (
    "value", "percentage", "range", "threshold", "count", "sample_size", "p_value", "ci", "mean_sd",
    "median_iqr", "ratio", "duration", "dose", "age",
)


@dataclass(slots=True)
class ParsedMeasure:
    """A measure: character offsets into the parsed text (end exclusive), its kind and its numbers.

    The field names are those of :class:`pipeline.schema.Measure` (see that class for meanings).
    """

    start: int
    end: int
    text: str
    kind: str
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    unit: Optional[str] = None
    op: Optional[str] = None
    stat: Optional[str] = None
    level: Optional[float] = None
    denominator: Optional[float] = None
    ci_low: Optional[float] = None
    ci_high: Optional[float] = None
    sd: Optional[float] = None

    def to_schema(self, id: str):  # noqa: A002 - the schema's field name
        """This measure as a :class:`pipeline.schema.Measure` with the given id."""
        from pipeline.schema import Measure

        return Measure(id=id, **asdict(self))

    def to_dict(self) -> dict[str, Any]:
        """All fields, including the ``None`` ones."""
        return asdict(self)

    @property
    def numbers(self) -> tuple[float, ...]:
        """The main numbers of the measure (value, or low/high), for quick comparisons."""
        if self.value is not None:
            return (self.value,)
        return tuple(x for x in (self.low, self.high) if x is not None)
