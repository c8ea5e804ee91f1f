"""One abstract per text file: a PubMed abstract page, or plain text.

**PubMed abstract page** (what PubMed displays, or its "Abstract (text)" export; the gold fixture is one):
a title, a citation line (``Digestion. 2000;62 Suppl 1:79-83. doi: ...``; in the export it comes first,
numbered, and the title follows), optional authors / "Author information:" / "Affiliations" blocks, an
optional "Abstract" heading, the abstract paragraphs, then the tail: "Keywords:", "Copyright ...",
"PMID:", "DOI:", "PMCID:", and headed bullet lists ("Publication types", "MeSH terms", "Substances",
"Grants and funding"). A bullet list without a heading that follows a list after two or more blank lines
is the next list in PubMed's order (so the unheaded list after the MeSH terms is the substances); after
a single blank line it continues the list before. The document is built like
every PubMed record (``base.build_text``): text = title + "\\n\\n" + abstract, one line per paragraph
(wrapped lines are re-joined); a structured abstract ("Background: ...") gets a section per paragraph,
labelled in upper case. The page's metadata (citation, journal, year, doi, mesh, chemicals, keywords,
pmid, ...) goes to ``meta``; nothing of the tail enters the text.

**Plain text**: the file stripped of leading/trailing whitespace is the text, kept exactly
(``meta["stripped"]`` records the characters removed: ``{"leading": n, "trailing": m}``, so
``file_text[leading + i] == text[i]``). A short first line (< 300 chars, no final period) followed by a
blank line is the title (``TITLE`` section, ``meta["title"]``).

A file is read as a page when a citation line is found among its first blocks, or it has a
"MeSH terms"/"Substances" heading or a "PMID:" line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import BinaryIO

from .base import (
    DEFAULT_MAX_CHARS,
    Document,
    PathLike,
    Progress,
    ReadError,
    check_encoding_errors,
    checked_record,
    clean_doi,
    collapse_ws,
    decode_utf8,
    make_record,
    stream_records,
)
from .mesh import mesh_terms

CITATION_RE = re.compile(
    r"^(?:\d+\.\s+)?(?P<journal>[^\n]{1,200}?)\s?\.\s+(?P<year>(?:1[89]|20)\d\d)"
    r"(?:\s+[A-Z][a-z]{2}(?:[-/][A-Z][a-z]{2})?(?:\s+\d{1,2})?)?\s*(?:[;:.]|$)")
LIST_ORDER = ("pub_types", "mesh", "chemicals", "grants")
LIST_HEADINGS = {"publication types": "pub_types", "mesh terms": "mesh", "substances": "chemicals",
                 "grants and funding": "grants", "grant support": "grants", "keywords": "keywords"}
TAIL_HEADINGS = {
    "conflict of interest statement", "comment in", "comment on", "erratum in", "update of", "update in",
    "similar articles", "cited by", "references", "figures", "linkout - more resources", "related information",
    "full text links", "supplementary info", "associated data", "supplementary concepts", "secondary source id",
    "expression of concern in", "retraction in", "republished in", "mesh terms", "substances",
}
NOISE = {"review", "free article", "free pmc article", "clinical trial", "randomized controlled trial",
         "meta-analysis", "systematic review", "comparative study", "multicenter study", "observational study",
         "case reports", "editorial", "letter", "comment", "item in clipboard", "cite", "display options",
         "display options format", "expand", "collapse", "show details", "save", "email", "send to",
         "actions", "share", "page navigation", "title & authors"}
BULLET_RE = re.compile(r"^\s*[•·▪◦*-]\s+(\S.*)$")
META_RE = re.compile(r"^(PMID|PMCID|DOI|Keywords?|Copyright|©|Conflict of interest statement)\b\s*:?", re.IGNORECASE)
LABEL_RE = re.compile(r"^(?P<label>[A-Z][A-Za-z0-9 ,/&()'’-]{1,60}?):\s+\S")
PARTICLES = {"de", "del", "der", "den", "van", "von", "la", "le", "di", "da", "du", "dos", "das", "y", "e",
             "al", "el", "ten", "ter", "bin", "ibn", "st", "et", "al."}
MARKER_RE = re.compile(r"\s*\(?\d+(?:\s*,\s*\d+)*\)?\s*$")


def _blocks(text: str, gaps: list[int] | None = None) -> list[list[str]]:
    """Runs of non-blank lines; ``gaps`` (when given) gets the number of blank lines before each."""
    blocks: list[list[str]] = []
    current: list[str] = []
    blank = 0
    for line in text.split("\n"):
        if line.strip():
            if not current and gaps is not None:
                gaps.append(blank)
            current.append(line.rstrip())
            blank = 0
        else:
            blank += 1
            if current:
                blocks.append(current)
                current = []
    if current:
        blocks.append(current)
    return blocks


def _looks_like_authors(lines: list[str]) -> bool:
    joined = collapse_ws(" ".join(lines))
    if len(joined) > 3000 or ":" in joined:
        return False
    items = [MARKER_RE.sub("", i).strip().rstrip(".").strip() for i in joined.split(",")]
    items = [i for i in items if i]
    if not items:
        return False
    if len(items) == 1:  # one author, export style: "Roche A(1)."
        return bool(re.fullmatch(r"[A-Z][\w'’-]+(?: [A-Z]?[\w'’-]+)* [A-Z]{1,3}", items[0]))
    for item in items:
        words = item.split()
        if len(words) > 6 or not all(w[0].isupper() or w.lower() in PARTICLES for w in words):
            return False
    return True


def _label_paragraphs(lines: list[str], structured: bool) -> list[tuple[str | None, str]]:
    """Re-join wrapped lines; a line starting with a section label starts a new paragraph."""
    paras: list[list[str]] = []
    for line in lines:
        if structured and LABEL_RE.match(line.strip()) and paras:
            paras.append([line])
        elif paras:
            paras[-1].append(line)
        else:
            paras.append([line])
    out: list[tuple[str | None, str]] = []
    for para in paras:
        text = collapse_ws(" ".join(para))
        m = LABEL_RE.match(text) if structured else None
        if m and len(m.group("label").split()) <= 6:
            out.append((m.group("label"), text[m.end("label") + 1:].strip()))
        else:
            out.append((None, text))
    return out


def _is_page(blocks: list[list[str]]) -> bool:
    for lines in blocks[:4]:
        if CITATION_RE.match(collapse_ws(" ".join(lines))):
            return True
    return any(b[0].strip().rstrip(":").lower() in ("mesh terms", "substances") or
               re.match(r"^\s*PMID:\s*\d", b[0]) for b in blocks)


def _tail_meta(key: str, lines: list[str], meta: dict) -> None:
    joined = collapse_ws(" ".join(lines))
    for name, pattern in (("pmid", r"\bPMID:\s*(\d+)"), ("pmcid", r"\bPMCID:\s*(PMC\d+)")):
        m = re.search(pattern, joined)
        if m:
            meta.setdefault(name, m.group(1))
    m = re.search(r"\bDOI:\s*(10\.\S+)", joined, re.IGNORECASE)
    if m:
        meta.setdefault("doi", clean_doi(m.group(1)))
    if key.startswith("keyword"):
        body = re.sub(r"^Keywords?\s*:?\s*", "", joined, flags=re.IGNORECASE)
        words = [k.strip().rstrip(".").strip() for k in re.split(r";" if ";" in body else r",", body)]
        meta.setdefault("keywords", []).extend(k for k in words if k)
    elif key in ("copyright", "©"):
        meta["copyright"] = joined


def parse_page(raw: str, doc_id: str, *, source: str, max_chars: int = DEFAULT_MAX_CHARS) -> Document | ReadError:
    """A PubMed abstract page (see the module docstring) -> Document."""
    gaps: list[int] = []
    blocks = _blocks(raw, gaps)
    meta: dict = {"format": "text", "layout": "pubmed-page", "source": source}
    title: str | None = None
    abstract: list[list[str]] = []
    phase = "head"  # head -> abstract -> tail
    in_affiliations = False
    lists: dict[str, list[str]] = {}
    list_key: str | None = None  # the heading waiting for its bullets
    last_list: str | None = None
    previous_was_list = False
    for n, lines in enumerate(blocks):
        first = lines[0].strip()
        head = first.rstrip(":").strip().lower()
        joined = collapse_ws(" ".join(lines))
        bullets = [BULLET_RE.match(x) for x in lines]
        if head in LIST_HEADINGS or head in TAIL_HEADINGS:
            phase = "tail"
            list_key = LIST_HEADINGS.get(head)
            rest = lines[1:]
            if list_key == "keywords" and rest and not BULLET_RE.match(rest[0]):
                _tail_meta("keywords", rest, meta)
                list_key = None
            previous_was_list = bool(rest and list_key and all(BULLET_RE.match(x) for x in rest))
            if previous_was_list:
                lists.setdefault(list_key, []).extend(BULLET_RE.match(x).group(1).strip() for x in rest)
                last_list, list_key = list_key, None
            continue
        if all(bullets) and phase != "abstract":
            if list_key:
                key = list_key
            elif previous_was_list and gaps[n] <= 1:  # items of one list split by single blank lines
                key = last_list
            else:  # an unheaded list after a list: the next one in PubMed's order
                key = LIST_ORDER[LIST_ORDER.index(last_list) + 1] if last_list in LIST_ORDER[:-1] else None
            if key:
                lists.setdefault(key, []).extend(b.group(1).strip() for b in bullets)
                last_list, list_key = key, None
            previous_was_list = key is not None
            continue
        previous_was_list = False
        m = META_RE.match(first)
        if m:
            if abstract:
                phase = "tail"
            _tail_meta(m.group(1).lower(), lines, meta)
            continue
        if head in ("author information", "affiliations") or first.lower().startswith("author information:"):
            in_affiliations = True
            if abstract:
                phase = "tail"
            continue
        if phase == "tail":
            continue
        if phase == "head":
            if head in NOISE:
                continue
            if head == "abstract":
                phase = "abstract"
                if lines[1:]:
                    abstract.append(lines[1:])
                continue
            cite = CITATION_RE.match(joined)
            if cite and "citation" not in meta:
                meta["citation"] = re.sub(r"^\d+\.\s+", "", joined)
                meta["journal"] = cite.group("journal").strip()
                meta["year"] = int(cite.group("year"))
                doi = re.search(r"\bdoi:\s*(10\.\S+)", joined, re.IGNORECASE)
                if doi:
                    meta["doi"] = clean_doi(doi.group(1))
                continue
            if in_affiliations and re.match(r"^\(?\d{1,2}\)?\s*\S", first):
                continue
            if title is None:
                title = joined
                continue
            if not abstract and "authors" not in meta and _looks_like_authors(lines):
                meta["authors"] = joined
                continue
            phase = "abstract"
        abstract.append(lines)
    structured = bool(abstract) and bool(LABEL_RE.match(abstract[0][0].strip()))
    paragraphs = [p for lines in abstract for p in _label_paragraphs(lines, structured)]
    for key, items in lists.items():
        meta[key] = items
    if "mesh" in meta:
        meta["mesh_terms"] = mesh_terms(meta["mesh"])
    doc = make_record(meta.get("pmid") if doc_id is None else doc_id, title or "", paragraphs, meta,
                      source=source, error_source=source, max_chars=max_chars)
    if isinstance(doc, Document):
        doc.sections = [(s, e, lab if lab == "TITLE" else lab.upper()) for s, e, lab in doc.sections]
    return doc


def parse_plain(raw: str, doc_id: str, *, source: str, max_chars: int = DEFAULT_MAX_CHARS) -> Document | ReadError:
    """Plain text: the whole (stripped) text is the abstract; an optional first-line title."""
    text = raw.strip()
    if not text:
        return ReadError(source, None, "empty abstract")
    if len(text) > max_chars:
        return ReadError(source, None, f"abstract too long ({len(text)} chars > {max_chars})")
    meta: dict = {"format": "text", "layout": "plain", "source": source}
    leading, trailing = len(raw) - len(raw.lstrip()), len(raw) - len(raw.rstrip())
    if leading or trailing:
        meta["stripped"] = {"leading": leading, "trailing": trailing}
    sections = []
    m = re.match(r"([^\n]*?)[ \t\r]*\n[ \t\r]*\n", text)
    if m and m.group(1).strip() and len(m.group(1)) < 300 and not m.group(1).rstrip().endswith("."):
        meta["title"] = m.group(1).strip()
        sections.append((0, len(m.group(1).rstrip()), "TITLE"))
    return Document(id=doc_id, text=text, meta=meta, sections=sections, source=source)


def parse_text(raw: str, doc_id: str | None = None, *, source: str = "<text>", default_id: str | None = None,
               max_chars: int = DEFAULT_MAX_CHARS) -> Document | ReadError:
    """One abstract from a string: a PubMed page or plain text. The id: ``doc_id``, else the printed PMID
    (page), else ``default_id``, else ``source``'s stem."""
    raw = raw.removeprefix("\ufeff")
    norm = raw.replace("\r\n", "\n").replace("\r", "\n")
    if _is_page(_blocks(norm[:20000])):
        doc = parse_page(norm, doc_id, source=source, max_chars=max_chars)
    else:
        doc = parse_plain(raw, doc_id, source=source, max_chars=max_chars)
    if isinstance(doc, Document) and not doc.id:
        doc.id = default_id or Path(source).stem
    return doc


def read_text_file(path: PathLike, doc_id: str | None = None, *, encoding_errors: str = "replace",
                   max_chars: int = DEFAULT_MAX_CHARS) -> Document | ReadError:
    """Read one abstract from a ``.txt`` (or ``.txt.gz``) file. The id: ``doc_id``, else a printed
    ``PMID: N``, else the file stem (``.txt``/``.gz`` stripped)."""
    check_encoding_errors(encoding_errors)
    source = str(path)
    cap = 4 * max_chars + 65536
    stem = Path(source).name
    for ext in (".gz", ".txt", ".text"):
        stem = stem[: -len(ext)] if stem.lower().endswith(ext) else stem

    def records(f: BinaryIO, at: Progress) -> Iterator[Document | ReadError]:
        data = f.read(cap + 1)
        if len(data) > cap:
            yield ReadError(source, None, f"abstract too long (over {cap} bytes > {max_chars} chars)")
            return
        raw, bad = decode_utf8(data)
        parse = partial(parse_text, raw, doc_id, source=source, default_id=stem, max_chars=max_chars)
        yield checked_record(parse, source=source, record=None, bad=bad, encoding_errors=encoding_errors,
                             what="text")

    (item,) = stream_records(path, records)  # one record, or the error that stopped it
    return item
