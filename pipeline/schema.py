"""The claim record: claimex's public, versioned JSON contract (``"schema": "claimex/1"``).

One :class:`Record` per input document. Offsets are Python string indices into
``Record.text`` (end exclusive). Fields added within claimex/1 are optional, so older records still
load: ``Claim.arm_mentions`` (round 7) and ``Claim.confidence`` (round 8, :class:`ClaimConfidence`).
Everything else in claimex converts to and from these types; ``Record.model_json_schema()`` gives the
JSON Schema (``claimex schema``).
"""

from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "claimex/1"

EntityLabel = Literal["POPULATION", "INTERVENTION", "COMPARATOR", "OUTCOME"]
PICO_LABELS: tuple[str, ...] = ("POPULATION", "INTERVENTION", "COMPARATOR", "OUTCOME")
ClaimType = Literal["finding", "adverse_effect", "conclusion", "background", "aim"]
Direction = Literal["increase", "decrease", "no_difference", "positive", "negative"]
#: a comparison's direction read with its two arms swapped (no_difference and single-arm directions stay)
FLIP: dict[str, str] = {"increase": "decrease", "decrease": "increase"}
MeasureKind = Literal[
    "value",  # a single number
    "percentage",
    "range",
    "threshold",
    "count",
    "sample_size",
    "p_value",
    "ci",
    "mean_sd",
    "median_iqr",
    "ratio",  # OR / RR / HR / ... with optional CI
    "duration",
    "dose",
    "age",
]


class _Span(BaseModel):
    model_config = ConfigDict(extra="forbid")
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self):
        if self.end < self.start:
            raise ValueError(f"end {self.end} < start {self.start}")
        return self


class Sentence(_Span):
    section: Optional[str] = None


class Abbreviation(_Span):
    short: str
    long: str


class Entity(_Span):
    id: str
    label: EntityLabel
    text: str
    expanded: Optional[str] = None  # the text with abbreviations replaced by their long forms
    score: Optional[float] = None
    subtype: Optional[str] = None  # EBM-NLP fine label (Age, Sex, Pharmacological, Mortality, ...)
    mesh: list[str] = Field(default_factory=list)  # MeSH headings of the record that this entity denotes


class Measure(_Span):
    id: str
    text: str
    kind: str
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    unit: Optional[str] = None
    op: Optional[str] = None  # "<", "<=", ">", ">=", "=", "~" ; None for plain values
    # optional refinements (a ratio's type, the CI level, a count's denominator, ...)
    stat: Optional[str] = None  # "OR", "RR", "HR", "mean", "median", "SD", "IQR", ...
    level: Optional[float] = None  # confidence level of a CI, e.g. 95
    denominator: Optional[float] = None  # "16 of 41" -> value 16, denominator 41
    ci_low: Optional[float] = None  # CI attached to a ratio/estimate
    ci_high: Optional[float] = None
    sd: Optional[float] = None  # mean +/- SD


class ArmValue(BaseModel):
    """A measure reported for one arm of a comparison (``44.8% in the study group``)."""

    model_config = ConfigDict(extra="forbid")
    measure: str  # measure id
    arm: Optional[str] = None  # entity id of the arm's intervention/comparator, if linked
    arm_text: Optional[str] = None  # the arm as written ("the study group")


class ClaimConfidence(BaseModel):
    """Per-field confidence of a finding/adverse_effect claim (``claims/confidence.py``; added within
    claimex/1, optional): a logistic score that the field is right for the gold finding the claim best matches,
    and ``all`` that every field is (one model each, ``models/claimex-confidence``). On held-out abstracts it
    ranks what to re-read but is not a calibrated probability (the card's report-half figures)."""

    model_config = ConfigDict(extra="forbid")
    intervention: float = Field(ge=0, le=1)
    comparator: float = Field(ge=0, le=1)
    outcome: float = Field(ge=0, le=1)
    direction: float = Field(ge=0, le=1)
    significance: float = Field(ge=0, le=1)
    all: float = Field(ge=0, le=1)


class Claim(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    sentence: int = Field(ge=0)
    type: ClaimType
    population: list[str] = Field(default_factory=list)
    intervention: list[str] = Field(default_factory=list)
    comparator: list[str] = Field(default_factory=list)
    outcome: list[str] = Field(default_factory=list)
    measures: list[str] = Field(default_factory=list)
    direction: Optional[Direction] = None
    significant: Optional[bool] = None
    hedged: bool = False
    negated: bool = False
    text: str
    start: Optional[int] = None  # the sentence's offsets, repeated for convenience
    end: Optional[int] = None
    arms: list[ArmValue] = Field(default_factory=list)
    p_value: Optional[str] = None  # measure id of the p-value that decides significance
    inherited: list[str] = Field(default_factory=list)  # entity ids carried over from earlier sentences
    # entity ids of the sentence's own arm mentions that the intervention/comparator were resolved from
    # ("the intervention group" -> the named arm of the design sentence), or that the arm ranker set aside for
    # them (claims/armrank.py); added within claimex/1, optional
    arm_mentions: list[str] = Field(default_factory=list)
    # per-field confidence (finding/adverse_effect claims, when the shipped weights are present); added within
    # claimex/1, optional: records without it still load, and None means "not scored"
    confidence: Optional[ClaimConfidence] = None


class Record(BaseModel):
    """One analysed document."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    schema_: Literal["claimex/1"] = Field(default=SCHEMA_VERSION, alias="schema")
    id: str
    text: str
    meta: dict[str, Any] = Field(default_factory=dict)
    sentences: list[Sentence] = Field(default_factory=list)
    abbreviations: list[Abbreviation] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    errors: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _offsets_in_text(self):
        n = len(self.text)
        for group in (self.sentences, self.abbreviations, self.entities, self.measures):
            for item in group:
                if item.end > n:
                    raise ValueError(f"record {self.id}: span {item.start}-{item.end} beyond text length {n}")
        for item in (*self.entities, *self.measures):
            if self.text[item.start:item.end] != item.text:
                raise ValueError(
                    f"record {self.id}: {item.id} text {item.text!r} != text[{item.start}:{item.end}]"
                )
        ids = {e.id for e in self.entities} | {m.id for m in self.measures}
        for claim in self.claims:
            for ref in (*claim.population, *claim.intervention, *claim.comparator, *claim.outcome,
                        *claim.measures, *claim.arm_mentions):
                if ref not in ids:
                    raise ValueError(f"record {self.id}: claim {claim.id} refers to unknown id {ref}")
            if claim.sentence >= max(len(self.sentences), 1):
                raise ValueError(f"record {self.id}: claim {claim.id} sentence {claim.sentence} out of range")
        return self

    # -- conversions ---------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(by_alias=True, mode="json")

    def to_json(self) -> str:
        return self.model_dump_json(by_alias=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Record":
        return cls.model_validate(data)

    @classmethod
    def from_json(cls, line: str) -> "Record":
        return cls.model_validate_json(line)

    def entity(self, ident: str) -> Entity:
        return next(e for e in self.entities if e.id == ident)

    def measure(self, ident: str) -> Measure:
        return next(m for m in self.measures if m.id == ident)


def json_schema() -> dict[str, Any]:
    return Record.model_json_schema(by_alias=True)
