"""Records -> review tables: one row per claim, one per abstract, one per claim-measure pair.

``claims``
    One row per claim: the study (id, PMID, title, year), the claim (type, section, sentence), its
    P/I/C/O (entity texts joined with ``" | "``, an entity's ``expanded`` text where it has one, so
    abbreviations read in full), its measures as joined text (``measures``) and as a JSON list of
    ``{text, kind, value, low, high, unit, ...}`` objects (``measures_json``), the p-value that decides
    significance, direction, significant, hedged, negated, and for finding/adverse_effect claims the
    confidence (:class:`claimex.schema.ClaimConfidence`): ``confidence`` (a score that every field is right: a
    ranking, not a calibrated probability) and ``check`` (the fields whose confidence is under
    :data:`CHECK_BELOW`: the ones to re-read).
``abstracts``
    One row per record: PICO lists (every entity of the abstract, unique texts), sample size (the largest
    ``sample_size`` measure; all of them in ``sample_sizes``), publication types, whether it is an RCT and
    why, MeSH headings, abbreviations, counts, reader/pipeline errors.
``measures``
    One row per (claim, measure) pair with the numbers in their own columns (value, low, high, unit, CI,
    SD, denominator, the arm it was reported for). This is the sheet to pull effect estimates from; the
    claims sheet stays one row per claim so that it can be read and screened like a list.

Input: a JSONL(.gz) or Parquet file of claimex/1 records, or a ``claimex batch`` run directory (its
current records as :func:`claimex.batch.supersede.iter_run_records` gives them: the shards listed in
``manifest.json``, less records superseded or deleted by a later shard; a directory without a manifest:
every ``*.jsonl.gz`` in it).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..schema import Claim, Measure, Record
from ..write.tables import Column, Table, write_csv, write_parquet, write_xlsx
from .filters import RecordFilter, item_pmid, publication_types, rct_evidence, record_year
from .records import SHARD_SUFFIXES, iter_records, record_files, record_title, strip_suffix  # noqa: F401

FORMATS = ("csv", "xlsx", "parquet")
JOIN = " | "
LIST_JOIN = "; "

_STUDY = [
    Column("id", "string", "record id (the PMID for PubMed input)", 12),
    Column("pmid", "string", "PubMed id (meta pmid, or the id when it is numeric)", 11),
    Column("title", "string", "article title (meta title, else the TITLE sentence)", 40),
    Column("year", "int", "publication year (meta year)", 7),
]
CHECK_BELOW = 0.6  # a field under this confidence is listed in the claims sheet's ``check`` column
CLAIM_COLUMNS = _STUDY + [
    Column("claim", "string", "claim id within the record (C1, C2, ...)", 7),
    Column("type", "string", "finding | adverse_effect | conclusion | background | aim", 12),
    Column("section", "string", "structured-abstract section of the sentence", 12),
    Column("population", "string", "population entities, ' | '-joined (expanded text where present)", 30),
    Column("intervention", "string", "intervention entities, ' | '-joined", 30),
    Column("comparator", "string", "comparator entities, ' | '-joined", 24),
    Column("outcome", "string", "outcome entities, ' | '-joined", 30),
    Column("measures", "string", "the claim's measures as written, ' | '-joined", 30),
    Column(
        "measures_json",
        "string",
        "JSON list: one {id, text, kind, value, low, high, unit, ...} per measure",
        40,
    ),
    Column("p_value", "string", "the p-value that decides significance, as written", 12),
    Column("direction", "string", "increase | decrease | no_difference | positive | negative", 13),
    Column("significant", "bool", "statistically significant (None: not stated)", 11),
    Column("hedged", "bool", "the claim is hedged (may, suggests, ...)", 9),
    Column("negated", "bool", "the claim is negated", 9),
    Column("confidence", "float", "score that every field of the claim is right (findings only; a ranking of what to "
           "re-read, not a calibrated probability)", 10),
    Column("check", "string", f"fields to re-read: confidence under {CHECK_BELOW}, '; '-joined", 20),
    Column("sentence", "string", "the sentence that states the claim", 80),
    Column("sentence_index", "int", "index of the sentence in the record", 9),
    Column("start", "int", "character offset of the sentence in the record text", 8),
    Column("end", "int", "end offset (exclusive)", 8),
]
ABSTRACT_COLUMNS = _STUDY + [
    Column("journal", "string", "journal (meta journal)", 24),
    Column("doi", "string", "DOI (meta doi)", 20),
    Column("pub_types", "string", "publication types, '; '-joined", 30),
    Column(
        "rct", "string", "why it counts as an RCT: 'publication type', 'text' (design detector), or empty", 12
    ),
    Column("mesh", "string", "MeSH headings, '; '-joined", 40),
    Column("population", "string", "all population entities of the abstract (unique), ' | '-joined", 30),
    Column("intervention", "string", "all intervention entities (unique)", 30),
    Column("comparator", "string", "all comparator entities (unique)", 24),
    Column("outcome", "string", "all outcome entities (unique)", 30),
    Column("sample_size", "int", "the largest sample_size measure (total N, usually)", 11),
    Column("sample_sizes", "string", "every sample_size measure as written, ' | '-joined", 24),
    Column("abbreviations", "string", "SHORT = long form, '; '-joined", 30),
    Column("claims", "int", "number of claims", 8),
    Column("findings", "int", "number of claims of type finding", 8),
    Column("measures", "int", "number of measures", 9),
    Column("errors", "string", "reader/pipeline errors and warnings, '; '-joined", 20),
]
MEASURE_COLUMNS = _STUDY[:2] + [
    Column("claim", "string", "claim id (join with the claims sheet on id + claim)", 7),
    Column("claim_type", "string", "the claim's type", 12),
    Column("intervention", "string", "the claim's intervention entities", 26),
    Column("comparator", "string", "the claim's comparator entities", 22),
    Column("outcome", "string", "the claim's outcome entities", 26),
    Column("measure", "string", "measure id within the record (M1, M2, ...)", 8),
    Column("text", "string", "the measure as written", 22),
    Column("kind", "string", "percentage, ratio, ci, p_value, mean_sd, sample_size, ...", 11),
    Column("stat", "string", "OR, RR, HR, mean, median, ...", 8),
    Column("value", "float", "the value", 9),
    Column("low", "float", "range/CI lower bound", 9),
    Column("high", "float", "range/CI upper bound", 9),
    Column("unit", "string", "unit", 9),
    Column("op", "string", "comparison operator (<, <=, >, >=, =, ~)", 5),
    Column("level", "float", "confidence level of a CI (95 = 95%)", 7),
    Column("ci_low", "float", "CI attached to an estimate: lower", 9),
    Column("ci_high", "float", "CI attached to an estimate: upper", 9),
    Column("sd", "float", "standard deviation (mean +/- SD)", 8),
    Column("denominator", "float", "'16 of 41': 41", 11),
    Column("arm", "string", "the arm the value was reported for, as written", 20),
    Column("decides_significance", "bool", "this is the claim's deciding p-value", 11),
    Column("sentence", "string", "the claim's sentence", 60),
]
TABLE_COLUMNS = {"claims": CLAIM_COLUMNS, "abstracts": ABSTRACT_COLUMNS, "measures": MEASURE_COLUMNS}
_MEASURE_EXTRA = ("op", "stat", "level", "ci_low", "ci_high", "sd", "denominator")


# -- tables ----------------------------------------------------------------------------------------


def _entity_texts(record: Record, ids: Iterable[str]) -> str:
    out: list[str] = []
    by_id = {e.id: e for e in record.entities}
    for ident in ids:
        entity = by_id.get(ident)
        if entity is not None:
            text = " ".join((entity.expanded or entity.text).split())
            if text not in out:
                out.append(text)
    return JOIN.join(out)


def measure_dict(measure: Measure) -> dict[str, Any]:
    """The compact JSON form used in ``measures_json`` (None fields left out)."""
    out: dict[str, Any] = {"id": measure.id, "text": measure.text, "kind": measure.kind}
    for key in ("value", "low", "high", "unit", *_MEASURE_EXTRA):
        value = getattr(measure, key)
        if value is not None:
            out[key] = value
    return out


def _study(record: Record) -> dict[str, Any]:
    return {
        "id": record.id,
        "pmid": item_pmid(record),
        "title": record_title(record),
        "year": record_year(record),
    }


def to_check(claim: Claim) -> str | None:
    """The fields of a scored claim whose confidence is under :data:`CHECK_BELOW` ('; '-joined); None unscored."""
    if claim.confidence is None:
        return None
    conf = claim.confidence.model_dump()
    return "; ".join(name for name, p in conf.items() if name != "all" and p < CHECK_BELOW)


def claim_row(record: Record, claim: Claim) -> dict[str, Any]:
    by_id = {m.id: m for m in record.measures}
    measures = [by_id[m] for m in claim.measures if m in by_id]
    sentence = record.sentences[claim.sentence] if claim.sentence < len(record.sentences) else None
    p_value = by_id.get(claim.p_value) if claim.p_value else None
    return {
        **_study(record),
        "claim": claim.id,
        "type": claim.type,
        "section": sentence.section if sentence else None,
        "population": _entity_texts(record, claim.population),
        "intervention": _entity_texts(record, claim.intervention),
        "comparator": _entity_texts(record, claim.comparator),
        "outcome": _entity_texts(record, claim.outcome),
        "measures": JOIN.join(m.text for m in measures),
        "measures_json": json.dumps([measure_dict(m) for m in measures], ensure_ascii=False)
        if measures
        else "",
        "p_value": p_value.text if p_value else None,
        "direction": claim.direction,
        "significant": claim.significant,
        "hedged": claim.hedged,
        "negated": claim.negated,
        "confidence": claim.confidence.all if claim.confidence else None,
        "check": to_check(claim),
        "sentence": claim.text,
        "sentence_index": claim.sentence,
        "start": claim.start if claim.start is not None else (sentence.start if sentence else None),
        "end": claim.end if claim.end is not None else (sentence.end if sentence else None),
    }


def measure_rows(record: Record, claim: Claim) -> list[dict[str, Any]]:
    by_id = {m.id: m for m in record.measures}
    arms = {a.measure: a.arm_text or (_entity_texts(record, [a.arm]) if a.arm else None) for a in claim.arms}
    base = {
        "id": record.id,
        "pmid": item_pmid(record),
        "claim": claim.id,
        "claim_type": claim.type,
        "intervention": _entity_texts(record, claim.intervention),
        "comparator": _entity_texts(record, claim.comparator),
        "outcome": _entity_texts(record, claim.outcome),
        "sentence": claim.text,
    }
    rows = []
    for ident in claim.measures:
        m = by_id.get(ident)
        if m is None:
            continue
        row = dict(
            base,
            measure=m.id,
            text=m.text,
            kind=m.kind,
            value=m.value,
            low=m.low,
            high=m.high,
            unit=m.unit,
            arm=arms.get(m.id),
            decides_significance=(claim.p_value == m.id),
        )
        row.update({key: getattr(m, key) for key in _MEASURE_EXTRA})
        rows.append(row)
    return rows


def abstract_row(record: Record) -> dict[str, Any]:
    def label(name: str) -> str:
        return _entity_texts(record, [e.id for e in record.entities if e.label == name])

    sizes = [m for m in record.measures if m.kind == "sample_size"]
    values = [m.value for m in sizes if m.value is not None]
    mesh = record.meta.get("mesh") or []
    errors = [*record.errors, *[str(w) for w in record.meta.get("warnings") or []]]
    abbreviations: list[str] = []
    for a in record.abbreviations:
        pair = f"{a.short} = {a.long}"
        if pair not in abbreviations:
            abbreviations.append(pair)
    return {
        **_study(record),
        "journal": record.meta.get("journal"),
        "doi": record.meta.get("doi"),
        "pub_types": LIST_JOIN.join(publication_types(record)),
        "rct": rct_evidence(record) or "",
        "mesh": LIST_JOIN.join(str(m) for m in (mesh if isinstance(mesh, list) else [mesh])),
        "population": label("POPULATION"),
        "intervention": label("INTERVENTION"),
        "comparator": label("COMPARATOR"),
        "outcome": label("OUTCOME"),
        "sample_size": max(values) if values else None,
        "sample_sizes": JOIN.join(m.text for m in sizes),
        "abbreviations": LIST_JOIN.join(abbreviations),
        "claims": len(record.claims),
        "findings": sum(c.type == "finding" for c in record.claims),
        "measures": len(record.measures),
        "errors": LIST_JOIN.join(errors),
    }


def build_tables(records: Iterable[Record], record_filter: RecordFilter | None = None) -> dict[str, Table]:
    """The three review tables (``claims``, ``abstracts``, ``measures``) for ``records``."""
    tables = {name: Table(name, columns) for name, columns in TABLE_COLUMNS.items()}
    for record in records:
        if record_filter is not None and not record_filter.accepts(record):
            continue
        tables["abstracts"].rows.append(abstract_row(record))
        for claim in record.claims:
            tables["claims"].rows.append(claim_row(record, claim))
            tables["measures"].rows.extend(measure_rows(record, claim))
    return tables


# -- output ----------------------------------------------------------------------------------------


def default_output(source: str | Path, fmt: str) -> Path:
    """``results.jsonl.gz`` -> ``results.xlsx`` (or ``.csv``/``.parquet``) in the current directory;
    a run directory ``runs/x`` -> ``x.xlsx``."""
    name = Path(strip_suffix(Path(source))).name or "claims"
    return Path(f"{name}.{fmt}")


def output_paths(out: str | Path, fmt: str) -> dict[str, Path]:
    """Where each table goes. XLSX: all sheets in ``out``. CSV/Parquet: the claims table in ``out``,
    the others beside it as ``<stem>.abstracts.<ext>`` and ``<stem>.measures.<ext>``."""
    out = Path(out)
    if fmt == "xlsx":
        return {name: out for name in TABLE_COLUMNS}
    stem = out.name[: -len(out.suffix)] if out.suffix else out.name
    return {
        "claims": out,
        **{
            name: out.with_name(f"{stem}.{name}{out.suffix or '.' + fmt}")
            for name in ("abstracts", "measures")
        },
    }


EXPORT_NOTES = [
    (
        "claimex review export: sheets 'claims' (one row per claim), 'abstracts' (one row per record) and "
        "'measures' (one row per claim-measure pair; join with claims on id + claim)."
    ),
    "Entity columns join several entities with ' | ' and use the abbreviation-expanded text where there is "
    "one.",
]


def write_tables(tables: dict[str, Table], fmt: str, out: str | Path) -> list[Path]:
    """Write the tables in ``fmt`` (csv | xlsx | parquet); returns the files written. CSV text cells that a
    spreadsheet would run as a formula get a leading ``'`` (see :mod:`claimex.write.tables`)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    paths = output_paths(out, fmt)
    if fmt == "xlsx":
        return [write_xlsx(tables.values(), paths["claims"], notes=EXPORT_NOTES)]
    writer = write_csv if fmt == "csv" else write_parquet
    return [writer(table, paths[name]) for name, table in tables.items()]


def export(
    source: str | Path, fmt: str, out: str | Path | None = None, record_filter: RecordFilter | None = None,
    track: Callable[[Iterable[Record]], Iterable[Record]] = iter,
) -> tuple[dict[str, Table], list[Path]]:
    """Read records from ``source``, build the tables, write them; returns (tables, files). ``track``
    wraps the stream of records read (a progress bar's)."""
    tables = build_tables(track(iter_records(source, record_filter)))
    return tables, write_tables(tables, fmt, out or default_output(source, fmt))
