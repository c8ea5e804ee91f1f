"""Findings gold authoring: excerpt specs -> verified offsets (format: FINDINGS_FORMAT in the gold README).

Usage::

    python corpora/gold/findings/author.py build SPEC.txt OUT.jsonl   # spec -> gold file (fails on any doubt)
    python corpora/gold/findings/author.py check GOLD.jsonl           # re-verify a gold file against ../shared
    python corpora/gold/findings/author.py show SOURCE ID             # print a text with sentence numbers

Offsets are never typed by hand: each span is written as an excerpt and located here by exact string search;
an excerpt that is missing or ambiguous is an error naming the abstract and the line.

Spec syntax (one file per set; ``#`` starts a comment line)::

    = <source> <id> <form>                 # a new abstract (form: plain | headed)
    S <first words> ... <last words>       # a result sentence with findings (or the whole sentence, no "...")
    R <first words> ... <last words>       # a result sentence with no nameable finding
    F o=<outcome> | i=<intervention> | c=<comparator or -> | n=<num> ; <num> | d=<dir> | s=<1|0|?> [| t=ae]

* A space in an excerpt also matches a no-break/thin space. A span excerpt may carry context: ``vs [[12 %]] at``, the span being the bracketed part.
* ``o`` and ``n`` are searched inside the sentence (must be unique there). ``i``/``c`` are searched inside the
  sentence first (its first mention there); when absent there (the sentence says "the intervention group"), the named mention is taken
  from the whole text: the last occurrence before the sentence, else the first after it.
  ``#k`` after an excerpt picks its k-th occurrence (1-based) in the search scope.
* ``d``: inc | dec | nd | pos | neg; ``s``: 1 (significant), 0 (not), ? (not stated); ``t=ae``: adverse effect.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from pathlib import Path

SHARED = Path(os.environ.get("CLAIMEX_SHARED", Path(__file__).resolve().parents[4] / "shared")) / "corpora"
DIRS = {"inc": "increase", "dec": "decrease", "nd": "no_difference", "pos": "positive", "neg": "negative"}
SIGS = {"1": True, "0": False, "?": None}
SENT_SEP = " ... "


class SpecError(ValueError):
    pass


# -- texts ------------------------------------------------------------------------------------------------
_CACHE: dict[str, dict[str, str]] = {}


def _pubmed_texts() -> dict[str, str]:
    from claimex.read.pubmed_xml import read_pubmed_xml  # the project's own reader defines the text

    out: dict[str, str] = {}
    root = SHARED / "pubmed-xml-samples"
    for path in sorted(p for p in root.rglob("*") if p.name.endswith((".xml", ".xml.gz"))):
        for doc in read_pubmed_xml(path):
            if hasattr(doc, "text"):
                if doc.id in out and out[doc.id] != doc.text:
                    raise SpecError(f"pubmed-xml {doc.id}: two different texts in the samples")
                out.setdefault(doc.id, doc.text)
    return out


def _evidencemap_texts() -> dict[str, str]:
    with open(SHARED / "evidencemap" / "evidencemap.jsonl", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    return {r["pmid"]: r["text"] for r in rows}


def load_text(source: str, doc_id: str) -> str:
    """The text a gold line's offsets index: ``claimex.corpora.findings.load_text`` when it exists (helper
    ``gold``), else the same definition rebuilt here (see the format)."""
    try:
        from claimex.corpora.findings import load_text as project_load_text
    except ImportError:
        project_load_text = None
    if project_load_text is not None:
        return project_load_text(source, doc_id)
    if source not in _CACHE:
        loaders = {"pubmed-xml": _pubmed_texts, "evidencemap": _evidencemap_texts}
        if source not in loaders:  # evidence-inference: only through claimex.corpora.findings
            raise SpecError(f"unknown source {source!r} (claimex.corpora.findings not importable)")
        _CACHE[source] = loaders[source]()
    try:
        return _CACHE[source][doc_id]
    except KeyError:
        raise SpecError(f"{source} {doc_id}: no such record in ../shared") from None


def split_of(source: str, doc_id: str) -> str:
    return "tune" if int(hashlib.sha1(f"{source}:{doc_id}".encode()).hexdigest(), 16) % 2 == 0 else "report"


# -- locating excerpts --------------------------------------------------------------------------------------
def _pattern(excerpt: str) -> str:
    """An excerpt as a regex: literal, except that a space also matches a no-break or thin space."""
    return "".join("[ \u00a0\u2009\u202f]" if ch == " " else re.escape(ch) for ch in excerpt)


def locate(text: str, excerpt: str, lo: int, hi: int, *, unique: bool = True) -> list[tuple[int, int]]:
    """All (start, end) of ``excerpt`` (with ``[[span]]`` context, ``#k`` occurrence) in ``text[lo:hi]``;
    exactly one when ``unique`` (or ``#k`` given)."""
    k = None
    m = re.fullmatch(r"(.*?)#(\d+)", excerpt, re.S)
    if m:
        excerpt, k = m.group(1), int(m.group(2))
    if "[[" in excerpt:
        pre, rest = excerpt.split("[[", 1)
        span, post = rest.split("]]", 1)
    else:
        pre, span, post = "", excerpt, ""
    if not span.strip():
        raise SpecError(f"empty span in {excerpt!r}")
    rx = re.compile(f"(?={_pattern(pre)}({_pattern(span)}){_pattern(post)})")
    hits = []
    for m in rx.finditer(text, lo, hi):
        if m.start() + len(pre) + len(span) + len(post) <= hi:
            hits.append((m.start(1), m.end(1)))
    if k is not None:
        if len(hits) < k:
            raise SpecError(f"{excerpt!r}: occurrence #{k} not found ({len(hits)} found)")
        return [hits[k - 1]]
    if unique and len(hits) != 1:
        raise SpecError(f"{excerpt!r}: {len(hits)} occurrences, need exactly 1 (add [[context]] or #k)")
    return hits


def locate_sentence(text: str, excerpt: str) -> tuple[int, int]:
    if SENT_SEP in excerpt:
        first, last = excerpt.split(SENT_SEP, 1)
        (s, _), = locate(text, first, 0, len(text))
        m = re.compile(_pattern(last)).search(text, s)
        if m is None:
            raise SpecError(f"sentence end {last!r} not found after {first!r}")
        return s, m.end()
    (s, e), = locate(text, excerpt, 0, len(text))
    return s, e


def locate_arm(text: str, excerpt: str, sent: tuple[int, int]) -> tuple[int, int]:
    inside = locate(text, excerpt, sent[0], sent[1], unique=False)
    if inside:  # the arm's first mention in the sentence (another one is the same arm)
        return inside[0]
    hits = locate(text, excerpt, 0, len(text), unique=False)
    if not hits:
        raise SpecError(f"arm {excerpt!r} not found in the text")
    before = [h for h in hits if h[1] <= sent[0]]
    return before[-1] if before else hits[0]


def _mention(text: str, span: tuple[int, int]) -> dict:
    return {"start": span[0], "end": span[1], "text": text[span[0]:span[1]]}


# -- building -----------------------------------------------------------------------------------------------
def _finding(text: str, line: str, sent: tuple[int, int]) -> dict:
    fields = {}
    for part in line.split(" | "):
        key, _, value = part.strip().partition("=")
        fields[key.strip()] = value.strip()
    unknown = set(fields) - {"o", "i", "c", "n", "d", "s", "t"}
    if unknown or not {"o", "i", "d", "s"} <= set(fields):
        raise SpecError(f"bad finding fields {sorted(fields)}")
    direction = DIRS.get(fields["d"])
    if direction is None or fields["s"] not in SIGS:
        raise SpecError(f"bad d= or s= in {line!r}")
    comp = fields.get("c", "-")
    single = comp in ("", "-")
    if single != (direction in ("positive", "negative")):
        raise SpecError("comparator must be empty exactly for single-arm (positive/negative) findings")
    (o,) = locate(text, fields["o"], *sent)
    nums = [n.strip() for n in fields.get("n", "").split(";") if n.strip()]
    return {"sentence": list(sent),
            "type": "adverse_effect" if fields.get("t") == "ae" else "finding",
            "outcome": _mention(text, o),
            "intervention": _mention(text, locate_arm(text, fields["i"], sent)),
            "comparator": None if single else _mention(text, locate_arm(text, comp, sent)),
            "numbers": sorted((_mention(text, locate(text, n, *sent)[0]) for n in nums), key=lambda m: m["start"]),
            "direction": direction,
            "significant": SIGS[fields["s"]]}


def _finish(doc: dict) -> dict:
    spans = sorted(set(map(tuple, doc["result_sentences"])))
    for a, b in zip(spans, spans[1:]):
        if a[1] > b[0]:
            raise SpecError(f"{doc['source']} {doc['id']}: overlapping sentences {a} {b}")
    doc["result_sentences"] = [list(s) for s in spans]
    return doc


def build(spec_lines: list[str]) -> list[dict]:
    docs: list[dict] = []
    doc = text = sent = None
    for no, raw in enumerate(spec_lines, 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        tag, _, rest = line.partition(" ")
        try:
            if tag == "=":
                source, doc_id, form = rest.split()
                if form not in ("plain", "headed"):
                    raise SpecError(f"bad form {form!r}")
                text = load_text(source, doc_id)
                doc = {"source": source, "id": doc_id, "form": form, "split": split_of(source, doc_id),
                       "text_sha1": hashlib.sha1(text.encode("utf-8")).hexdigest(), "text_len": len(text),
                       "result_sentences": [], "findings": []}
                docs.append(doc)
                sent = None
            elif tag in ("S", "R"):
                sent = locate_sentence(text, rest.strip())
                doc["result_sentences"].append(list(sent))
                if tag == "R":
                    sent = None
            elif tag == "F":
                if sent is None:
                    raise SpecError("F line without an S sentence before it")
                doc["findings"].append(_finding(text, rest, sent))
            else:
                raise SpecError(f"unknown line tag {tag!r}")
        except (SpecError, ValueError) as err:
            where = f"{doc['source']} {doc['id']}" if doc else "(no abstract yet)"
            raise SpecError(f"spec line {no} ({where}): {err}") from None
    for d in docs:
        _finish(d)
        if not d["findings"]:
            raise SpecError(f"{d['source']} {d['id']}: no findings")
    ids = [(d["source"], d["id"]) for d in docs]
    if len(ids) != len(set(ids)):
        raise SpecError("an abstract appears twice in the spec")
    return docs


def check(path: str) -> int:
    """Re-verify a gold file against ../shared; returns the number of problems (printed)."""
    problems = 0
    with open(path, encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            d = json.loads(line)
            text = load_text(d["source"], d["id"])
            bad = []
            if hashlib.sha1(text.encode("utf-8")).hexdigest() != d["text_sha1"] or len(text) != d["text_len"]:
                bad.append("text_sha1/text_len differ")
            if d["split"] != split_of(d["source"], d["id"]):
                bad.append("split")
            sents = {tuple(s) for s in d["result_sentences"]}
            for i, fd in enumerate(d["findings"]):
                if tuple(fd["sentence"]) not in sents:
                    bad.append(f"finding {i}: sentence not in result_sentences")
                s, e = fd["sentence"]
                for key in ("outcome", "intervention", "comparator"):
                    m = fd[key]
                    if m is not None and text[m["start"]:m["end"]] != m["text"]:
                        bad.append(f"finding {i}: {key} text differs")
                for m in fd["numbers"] + [fd["outcome"]]:
                    if text[m["start"]:m["end"]] != m["text"] or not s <= m["start"] < m["end"] <= e:
                        bad.append(f"finding {i}: {m['text']!r} off or outside its sentence")
            for msg in bad:
                print(f"{path}:{no} {d['source']} {d['id']}: {msg}")
            problems += len(bad)
    return problems


def show(source: str, doc_id: str) -> None:
    text = load_text(source, doc_id)
    print(f"{source} {doc_id} split={split_of(source, doc_id)} len={len(text)}")
    print(text)


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "build":
        with open(argv[1], encoding="utf-8") as f:
            docs = build(f.readlines())
        with open(argv[2], "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
        n = sum(len(d["findings"]) for d in docs)
        print(f"{argv[2]}: {len(docs)} abstracts, {n} findings, "
              f"{sum(len(d['result_sentences']) for d in docs)} result sentences")
        return 0
    if len(argv) == 2 and argv[0] == "check":
        problems = check(argv[1])
        print(f"{argv[1]}: {problems} problem(s)")
        return 1 if problems else 0
    if len(argv) == 3 and argv[0] == "show":
        show(argv[1], argv[2])
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except SpecError as err:
        print(f"error: {err}", file=sys.stderr)
        sys.exit(1)
