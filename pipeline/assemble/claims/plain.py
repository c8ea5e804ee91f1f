"""Plain read-only copies of a record's entities and measures for the claim-assembly loops (session 23, issue 13).

The pydantic :class:`~claimex.schema.Entity` and :class:`~claimex.schema.Measure` are the record's one typed schema,
but reading their fields is slow in the claims' hot loops: ``BaseModel`` defines ``__getattr__``, so Python 3.11
cannot specialise an attribute read of a model (every ``e.label`` / ``e.start`` / ``m.kind`` goes through
``slot_tp_getattr_hook``, ~340 instructions; ~3,400 model reads per abstract, ``bench/SPEED.md``, session 22).
:class:`PlainEntity` and :class:`PlainMeasure` hold the same fields in ``__slots__`` (a specialised read, ~20
instructions), copied once per record after the entities are final (joined arms split, dose labels added, MeSH
grounded: :class:`~claimex.assemble.claims.ClaimAssembler`): :func:`plain_entities` makes the list that
:func:`.base.sentence_views` places and :class:`.armrank.AbstractFacts` groups, :func:`.base.sentence_views` copies
the measures it places, so every entity and measure the assembly reads is one of these. The claims carry ids only,
never these objects.

Two differences from the models, both on purpose: equality is identity (a model compares all fields; a record's
entities and measures have distinct ids, so the two agree within one record, and ``x in list`` no longer calls
pydantic's ``__eq__`` per item), and a copy is read-only (no place to change an entity: change the record, then copy
again). List fields (``Entity.mesh``) are the model's own lists, shared.
"""

from __future__ import annotations

from typing import Any, TypeAlias

from ...schema import Entity, Measure, Record

#: the measure kinds that count people or events ("12 patients" a sample size, a bare "16" after it a count)
HEADCOUNT_KINDS = frozenset({"count", "sample_size"})


class _Plain:
    """The fields of a pydantic model (``_fields``: its ``model_fields``, in order), read-only; ``model``: the model
    it was copied from."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()
    # (field, its slot's setter) in ``_fields`` order, and the ``model`` slot's setter: made per subclass
    # (:meth:`__init_subclass__`). A slot descriptor's ``__set__`` writes the slot as ``object.__setattr__`` does,
    # without the type look-up and override check of that call (session 24: ~40% less time a copy, ~3,200 copies
    # a pass over 100 abstracts)
    _setters: tuple = ()
    _set_model: Any = None
    # what every subclass's slots hold (annotations only: no class attribute, the slots are the subclasses')
    id: str
    start: int
    end: int
    text: str
    model: Any

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        cls._setters = tuple((name, getattr(cls, name).__set__) for name in cls._fields)
        cls._set_model = cls.model.__set__

    def __init__(self, model):
        values = model.__dict__  # one read through the model's hook; the fields from its dict
        for name, put in self._setters:
            put(self, values[name])
        self._set_model(self, model)

    def __setattr__(self, name: str, value) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only (set {name!r} on the record's model, then copy "
                             "again)")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only (cannot delete {name!r})")

    def __repr__(self) -> str:
        return f"{type(self).__name__}(id={self.id!r}, start={self.start}, end={self.end}, text={self.text!r})"


class PlainEntity(_Plain):
    """An :class:`~claimex.schema.Entity`'s fields."""

    _fields = tuple(Entity.model_fields)
    __slots__ = (*_fields, "model")

    start: int
    end: int
    id: str
    label: str
    text: str
    expanded: str | None
    score: float | None
    subtype: str | None
    mesh: list[str]
    model: Entity


class PlainMeasure(_Plain):
    """A :class:`~claimex.schema.Measure`'s fields."""

    _fields = tuple(Measure.model_fields)
    __slots__ = (*_fields, "model")

    start: int
    end: int
    id: str
    text: str
    kind: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    op: str | None
    stat: str | None
    level: float | None
    denominator: float | None
    ci_low: float | None
    ci_high: float | None
    sd: float | None
    model: Measure


def plain_entities(record: Record) -> list[PlainEntity]:
    """A :class:`PlainEntity` per entity of ``record``, in the record's order (made once per record: the views and
    the arm ranker's facts share it)."""
    return [PlainEntity(e) for e in record.entities]


#: an entity as the assembly's helpers read it: the record's model (tests, the record-level passes) or its plain copy
#: (the sentence views); they read only the fields the two share
EntityLike: TypeAlias = Entity | PlainEntity
#: a measure as the assembly's helpers read it: the record's model or its plain copy (:func:`.base.sentence_views`)
MeasureLike: TypeAlias = Measure | PlainMeasure
