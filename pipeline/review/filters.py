"""Filters a systematic review needs: study design (RCT), publication year, a PMID list.

One :class:`RecordFilter` serves ``claimex export``, ``claimex show`` and (before annotation,
on reader Documents) ``claimex extract`` / ``claimex batch``: ``accepts(item)`` only looks at
``item.id``, ``item.text`` and ``item.meta``, which a :class:`claimex.schema.Record` and a
reader ``Document`` both have.

RCT detection (``only_rct``):

* when the item has publication types (meta ``pub_types``, a list of strings, as the PubMed XML,
  MEDLINE and RIS readers fill it; ``publication_types`` is accepted too), it is an RCT exactly when
  one of them is "Randomized Controlled Trial" (also "Randomized Controlled Trial, Veterinary");
* otherwise a simple design detector reads the text: it is an RCT when it says "randomized" /
  "randomised" / "randomization", "randomly assigned/allocated", "random allocation/assignment" or
  "placebo-controlled", not negated ("non-randomized", "not randomized", "quasi-randomized"), and
  the text does not present itself as a review ("systematic review", "meta-analysis").

Year bounds (``min_year`` / ``max_year``) use meta ``year`` (int, or a string whose first four-digit
number is the year, e.g. "2002 Sep"); an item without a year is rejected when a bound is set.
``pmids`` matches the item id or meta ``pmid``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

RCT_PUB_TYPE = "randomized controlled trial"

_RCT_CUES = re.compile(
    r"\b(?:randomi[sz](?:ed|ation)"
    r"|random(?:ly)?\s+(?:assign|allocat)\w*"
    r"|random\s+(?:allocation|assignment)"
    r"|placebo[-\s]controlled)\b",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"(?:\bnon[-\s]?|\bnot\s+|\bquasi[-\s]?)$", re.IGNORECASE)
_REVIEW = re.compile(r"\b(?:systematic(?:\s+literature)?\s+review|meta-?\s?analys[ie]s)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(1[6-9]\d\d|2\d\d\d)(?!\d)")


def _meta(item: Any) -> dict:
    meta = getattr(item, "meta", None)
    return meta if isinstance(meta, dict) else {}


def publication_types(item: Any) -> list[str]:
    """The item's publication types (meta ``pub_types``; ``publication_types`` accepted)."""
    meta = _meta(item)
    value = meta.get("pub_types", meta.get("publication_types"))
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in value or [] if str(v).strip()]


def record_year(item: Any) -> int | None:
    """Publication year from meta ``year`` (int or string such as "2002 Sep"); None when absent."""
    value = _meta(item).get("year")
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value)
    match = _YEAR.search(str(value))
    return int(match.group(1)) if match else None


def rct_from_text(text: str) -> bool:
    """The design detector used when an item has no publication types (see module docstring)."""
    if not text or _REVIEW.search(text):
        return False
    for match in _RCT_CUES.finditer(text):
        if not _NEGATED.search(text[max(0, match.start() - 8) : match.start()]):
            return True
    return False


def rct_evidence(item: Any) -> str | None:
    """Why an item counts as an RCT: ``"publication type"``, ``"text"``, or None (not an RCT)."""
    types = publication_types(item)
    if types:
        hit = any(t.strip().lower().startswith(RCT_PUB_TYPE) for t in types)
        return "publication type" if hit else None
    return "text" if rct_from_text(getattr(item, "text", "") or "") else None


def is_rct(item: Any) -> bool:
    return rct_evidence(item) is not None


def item_pmid(item: Any) -> str | None:
    """The PubMed id: meta ``pmid``, else the item id when it is all digits."""
    pmid = _meta(item).get("pmid")
    if pmid not in (None, ""):
        return str(pmid).strip()
    ident = str(getattr(item, "id", "") or "")
    return ident if ident.isdigit() else None


def read_pmid_file(path: str | Path) -> set[str]:
    """Ids from a file, one per line. Blank lines and ``#`` comments are skipped; a leading
    ``PMID``/``PMID-``/``PMID:`` label is dropped, so a grep of a MEDLINE file works as is."""
    ids: set[str] = set()
    for line in Path(path).read_text(encoding="utf-8-sig").splitlines():
        line = line.split("#", 1)[0].strip()
        line = re.sub(r"^PMID\s*[-:]?\s*", "", line, flags=re.IGNORECASE)
        if line:
            ids.add(line.split()[0])
    return ids


@dataclass
class RecordFilter:
    """Keep the records (or reader Documents) that a review wants. All criteria must hold."""

    only_rct: bool = False
    min_year: int | None = None
    max_year: int | None = None
    pmids: set[str] | None = None

    @classmethod
    def from_options(
        cls,
        only_rct: bool = False,
        min_year: int | None = None,
        max_year: int | None = None,
        pmids_file: str | Path | None = None,
    ) -> RecordFilter:
        """Build from CLI-style options (``pmids_file``: a file with one id per line)."""
        if min_year is not None and max_year is not None and min_year > max_year:
            raise ValueError(f"--min-year {min_year} is after --max-year {max_year}")
        pmids = read_pmid_file(pmids_file) if pmids_file is not None else None
        return cls(only_rct=only_rct, min_year=min_year, max_year=max_year, pmids=pmids)

    @property
    def active(self) -> bool:
        return bool(
            self.only_rct or self.min_year is not None or self.max_year is not None or self.pmids is not None
        )

    def accepts(self, record: Any) -> bool:
        if self.pmids is not None:
            ident = str(getattr(record, "id", ""))
            if ident not in self.pmids and item_pmid(record) not in self.pmids:
                return False
        if self.min_year is not None or self.max_year is not None:
            year = record_year(record)
            if year is None:
                return False
            if self.min_year is not None and year < self.min_year:
                return False
            if self.max_year is not None and year > self.max_year:
                return False
        return not self.only_rct or is_rct(record)

    __call__ = accepts

    def filter(self, items: Iterable[Any]) -> Iterator[Any]:
        """Yield the accepted items. Anything that is not a document (no ``text``/``meta``, e.g. a
        reader's ReadError or a deletion notice) passes through untouched, so errors still surface."""
        for item in items:
            if not (hasattr(item, "text") and hasattr(item, "meta")) or self.accepts(item):
                yield item

    def describe(self) -> str:
        parts = []
        if self.only_rct:
            parts.append("RCTs only")
        if self.min_year is not None:
            parts.append(f"year >= {self.min_year}")
        if self.max_year is not None:
            parts.append(f"year <= {self.max_year}")
        if self.pmids is not None:
            parts.append(f"{len(self.pmids)} listed id(s)")
        return ", ".join(parts) or "no filter"
