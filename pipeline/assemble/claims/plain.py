"""Plain read-only copies of a record's entities for the claim-assembly loops (session 23, issue 13).

The pydantic :class:`~claimex.schema.Entity` is the record's one typed schema, but reading its fields is slow in the
claims' hot loops: ``BaseModel`` defines ``__getattr__``, so Python 3.11 cannot specialise an attribute read of a
model (every ``e.label`` / ``e.start`` / ``e.text`` goes through ``slot_tp_getattr_hook``, ~340 instructions; ~2,900
entity reads per abstract, ``bench/SPEED.md``, session 22). :class:`PlainEntity` holds the same fields in
``__slots__`` (a specialised read, ~20 instructions), copied once per record after the entities are final (joined arms
split, dose labels added, MeSH grounded: :class:`~claimex.assemble.claims.ClaimAssembler`); :func:`plain_entities`
makes the list that :func:`.base.sentence_views` places and :class:`.armrank.AbstractFacts` groups, so every entity
the assembly reads is one of these. The claims carry entity ids only, never these objects.

Two differences from the model, both on purpose: equality is identity (the model compares all fields; a record's
entities have distinct ids, so the two agree on one record's list, and ``e in list`` no longer calls pydantic's
``__eq__`` per item), and the copy is read-only (it is no place to change an entity: change the record, then copy
again). ``mesh`` is the model's own list, shared.
"""

from __future__ import annotations

from ...schema import Entity, Record

#: the fields of :class:`~claimex.schema.Entity`, in its order (``tests/assemble/claims/test_claims_plain.py`` pins it)
FIELDS = ("start", "end", "id", "label", "text", "expanded", "score", "subtype", "mesh")

_set = object.__setattr__


class PlainEntity:
    """One entity's fields (:data:`FIELDS`), read-only; ``entity``: the model it was copied from."""

    __slots__ = (*FIELDS, "entity")

    start: int
    end: int
    id: str
    label: str
    text: str
    expanded: str | None
    score: float | None
    subtype: str | None
    mesh: list[str]
    entity: Entity

    def __init__(self, entity: Entity):
        values = entity.__dict__  # one read through the model's hook; the fields from its dict
        for name in FIELDS:
            _set(self, name, values[name])
        _set(self, "entity", entity)

    def __setattr__(self, name: str, value) -> None:
        raise AttributeError(f"PlainEntity is read-only (set {name!r} on the record's Entity, then copy again)")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"PlainEntity is read-only (cannot delete {name!r})")

    def __repr__(self) -> str:
        return (f"PlainEntity(id={self.id!r}, label={self.label!r}, start={self.start}, end={self.end}, "
                f"text={self.text!r})")


def plain_entities(record: Record) -> list[PlainEntity]:
    """A :class:`PlainEntity` per entity of ``record``, in the record's order (made once per record: the views and
    the arm ranker's facts share it)."""
    return [PlainEntity(e) for e in record.entities]
