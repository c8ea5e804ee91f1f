"""``claimex evaluate --task spans --input FILE``: a lint of PICO spans, defects per 1,000 spans.

Reads claimex records (JSONL with ``"schema"``), or any input the readers take (PubMed XML,
MEDLINE, RIS, text, JSONL documents), which the pipeline annotates first. Every entity is checked
on the record's own text and sentences; each defect class is counted per 1,000 spans, with
examples, and a span with any defect counts once in ``defective``. Classes (the ones
:mod:`claimex.annotate.tagger.hygiene` repairs; word lists shared with it):

* ``sentence`` - crosses a sentence boundary of the record;
* ``bracket`` - unbalanced ``()``/``[]``/``{}``;
* ``edge_word`` - starts or ends on a function word, or ends on a trailing adverb (``randomly``);
* ``edge_punct`` - starts or ends on punctuation (a closing bracket with its partner inside is fine);
* ``number_end`` - ends on a number (not after a naming word: ``type 2``, ``day 28``);
* ``clause`` - takes in a ``;`` or ``=``;
* ``date`` - holds a date (a month name by a number, a year 1950-2049 not followed by a word);
* ``org`` - holds a funder/company word, a trial registry number or statistics software;
* ``truncated`` - ends on an adjective-like word before a noun-like word of its sentence, or covers
  part of a mention of an abbreviation's long form;
* ``no_content`` - no content word.

Abbreviations are linted too, per 1,000 short-form occurrences: ``implausible`` (fails
:func:`claimex.annotate.longforms.plausible_pair`) and ``self_render`` (an entity's expanded text
reads ``X (X)``).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..annotate.longforms import plausible_pair
from ..annotate.tagger.words import (
    ARM_NOUNS,
    NAMING_WORDS,
    TRAILING_ADVERBS,
    adjective_like,
    blocked_kind,
    ends_on_function_word,
    is_content,
    is_function_word,
    is_number,
)
from ..schema import Record
from .report import EvalReport

CLASSES = ("sentence", "bracket", "edge_word", "edge_punct", "number_end", "clause", "date", "org", "truncated",
           "no_content")
ABBREVIATION_CLASSES = ("implausible", "self_render")
EXAMPLES = 5
_TOKEN = re.compile(r"[^\W_]+(?:[-'./*][^\W_]+)*%?|[^\w\s]")
_PAIRS = {")": "(", "]": "[", "}": "{"}


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def unbalanced(text: str) -> bool:
    stack: list[str] = []
    for ch in text:
        if ch in "([{":
            stack.append(ch)
        elif ch in _PAIRS:
            if not stack or stack[-1] != _PAIRS[ch]:
                return True
            stack.pop()
    return bool(stack)


def _sentence_of(record: Record, pos: int) -> int | None:
    for k, s in enumerate(record.sentences):
        if s.start <= pos < s.end:
            return k
    return None


def _long_form_mentions(record: Record) -> list[tuple[int, int]]:
    """Character ranges of every mention of a long form (word-bounded, case-insensitive)."""
    out = set()
    low = record.text.lower()
    for lf in {a.long.lower() for a in record.abbreviations if len(a.long.split()) >= 2}:
        for m in re.finditer(r"(?<!\w)" + re.escape(lf) + r"(?!\w)", low):
            out.add((m.start(), m.end()))
    return sorted(out)


def span_defects(record: Record, entity, long_forms: list[tuple[int, int]] | None = None) -> list[str]:
    """The defect classes of one entity of ``record`` (see the module docstring)."""
    text = entity.text
    toks = tokens(text)
    found = []
    if record.sentences:
        a, b = _sentence_of(record, entity.start), _sentence_of(record, max(entity.start, entity.end - 1))
        if a != b:
            found.append("sentence")
    if unbalanced(text):
        found.append("bracket")
    if not toks:
        return found + ["no_content"]
    first, last = toks[0], toks[-1]
    if is_function_word(first.lower()) or ends_on_function_word(last):
        found.append("edge_word")
    punct_start = not any(c.isalnum() for c in first) and first not in "([{"
    punct_end = not any(c.isalnum() for c in last) and not (last in _PAIRS and _PAIRS[last] in text)
    if punct_start or punct_end or text != text.strip():
        found.append("edge_punct")
    if is_number(last) and not (len(toks) > 1 and toks[-2].lower() in NAMING_WORDS):
        found.append("number_end")
    if ";" in text or "=" in text:
        found.append("clause")
    k = _sentence_of(record, entity.start)
    context = record.text[record.sentences[k].start:record.sentences[k].end] if k is not None else record.text
    shorts = frozenset(a.short for a in record.abbreviations)
    kinds = {blocked_kind(toks, j, lambda _j: context, shorts) for j in range(len(toks))}
    found += [kind for kind in ("date", "org") if kind in kinds]
    if _truncated(record, entity, last, long_forms or []):
        found.append("truncated")
    if not any(is_content(t, t.lower()) for t in toks):
        found.append("no_content")
    return found


def _truncated(record: Record, entity, last: str, long_forms: list[tuple[int, int]]) -> bool:
    for a, b in long_forms:
        if a < entity.end and entity.start < b and not (entity.start <= a and b <= entity.end):
            return True
    if not adjective_like(last, last.lower()) or not record.text[entity.end:entity.end + 1].isspace():
        return False
    m = re.match(r"\s+([^\W\d_]+)", record.text[entity.end:entity.end + 40])
    if not m or "\n" in record.text[entity.end:m.start(1) + entity.end]:
        return False
    nxt = m.group(1)
    low = nxt.lower()
    if not (nxt.islower() and len(nxt) >= 3 and is_content(nxt, low)) or low.endswith("ly") or low in TRAILING_ADVERBS:
        return False
    return not (entity.label in ("INTERVENTION", "COMPARATOR") and low in ARM_NOUNS)


def lint_records(records: Iterable[Record]) -> EvalReport:
    """Count the defect classes over the records' entities and abbreviations."""
    counts: Counter = Counter()
    by_label: dict[str, Counter] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    n_spans = n_defective = n_docs = n_abbr = 0
    for record in records:
        n_docs += 1
        long_forms = _long_form_mentions(record)
        for ent in record.entities:
            n_spans += 1
            by_label[ent.label]["spans"] += 1
            found = span_defects(record, ent, long_forms)
            if found:
                n_defective += 1
                by_label[ent.label]["defective"] += 1
            for cls in found:
                counts[cls] += 1
                if len(examples[cls]) < EXAMPLES:
                    examples[cls].append(f"{record.id} {ent.label}: {ent.text!r}")
        for abbr in record.abbreviations:
            n_abbr += 1
            if not plausible_pair(abbr.short, abbr.long):
                counts["implausible"] += 1
                if len(examples["implausible"]) < EXAMPLES:
                    examples["implausible"].append(f"{record.id}: {abbr.short} = {abbr.long!r}")
        longs = {a.long for a in record.abbreviations}
        for ent in record.entities:
            if ent.expanded and any(f"{lf} ({lf})".lower() in ent.expanded.lower() for lf in longs):
                counts["self_render"] += 1
                if len(examples["self_render"]) < EXAMPLES:
                    examples["self_render"].append(f"{record.id} {ent.label}: {ent.expanded!r}")
    rows = []
    for cls in CLASSES:
        rows.append({"name": cls, "count": counts[cls], "per_1000_spans": _per(counts[cls], n_spans, 1000),
                     "examples": " | ".join(examples[cls][:2])})
    for cls in ABBREVIATION_CLASSES:
        rows.append({"name": f"abbr:{cls}", "count": counts[cls], "per_1000_spans": _per(counts[cls], n_abbr, 1000),
                     "examples": " | ".join(examples[cls][:2])})
    summary = {"documents": n_docs, "spans": n_spans, "defective": n_defective,
               "defective_pct": _per(n_defective, n_spans, 100), "abbreviations": n_abbr,
               **{f"defective_pct_{lab}": _per(c["defective"], c["spans"], 100) for lab, c in sorted(by_label.items())}}
    notes = ["abbr:* rows are per 1,000 abbreviation occurrences, not spans"]
    notes += [f"{cls}: {ex}" for cls in (*CLASSES, *ABBREVIATION_CLASSES) for ex in examples[cls]]
    return EvalReport(task="spans", rows=rows, summary=summary, notes=notes)


def _per(k: int, n: int, scale: int) -> float:
    return round(scale * k / n, 2) if n else 0.0


def _is_records_file(path: Path) -> bool:
    name = path.name.lower()
    if not name.endswith((".jsonl", ".ndjson", ".jsonl.gz")):
        return False
    from ..read.base import open_any

    with open_any(path) as fh:
        for line in fh:
            line = line.decode("utf-8", "replace") if isinstance(line, bytes) else line
            if line.strip():
                try:
                    return "schema" in json.loads(line) and "entities" in json.loads(line)
                except ValueError:
                    return False
    return False


def records_from(path: Path, model=None, limit: int | None = None, errors: list | None = None
                 ) -> Iterator[Record]:
    """Records of ``path``: read as claimex records, or read and annotated by the pipeline.
    Read errors go to ``errors`` (one line each) and never stop the good records."""
    from itertools import islice

    if _is_records_file(path):
        from ..write import read_records

        yield from islice(read_records(path), limit)
        return
    from ..extractor import Extractor

    extractor = Extractor.load(model)
    k = 0
    for item in extractor.files([path]):
        if isinstance(item, Record):
            yield item
            k += 1
            if limit and k >= limit:
                return
        elif errors is not None and hasattr(item, "message"):
            errors.append(f"{getattr(item, 'source', path)}:{getattr(item, 'record', '')}: {item.message}")


def evaluate(input: Path | None = None, gold: Path | None = None, pred: Path | None = None, model=None,
             limit: int | None = None, **_) -> EvalReport:
    """Lint the spans of ``input`` (or ``pred``/``gold`` when no input is given)."""
    path = input or pred or gold
    if path is None:
        raise ValueError("--task spans needs --input FILE (claimex records JSONL, or any readable input)")
    errors: list[str] = []
    report = lint_records(records_from(Path(path), model=model, limit=limit, errors=errors))
    report.notes = [f"input: {path}"] + report.notes + [f"read error: {e}" for e in errors]
    return report
