"""PubMed / MEDLINE XML: ``<PubmedArticleSet>`` (PubmedArticle) and ``<MedlineCitationSet>`` (bare
MedlineCitation), plain or gzipped.

Streaming: the byte stream is cut into records at their start tags (``<PubmedArticle>``, ``<PubmedBookArticle>``,
``<DeleteCitation>``; the bare ``<MedlineCitation>`` of a ``<MedlineCitationSet>``) without parsing it
(:mod:`claimex.read.xml_cutter`), and each record is parsed on its own by lxml, after the file's own head (XML
declaration, DOCTYPE, root start tag) so that its declarations and encoding apply. Memory stays flat on a whole
baseline file: a 64 KiB block plus one record (a record over 64 MiB, or over 8 x ``max_chars`` bytes when that is
more, is skipped with a ``ReadError`` as it streams by). The parser is safe: no entity expansion
(``resolve_entities=False``: an external ``SYSTEM`` entity is never fetched), no network, no DTD loading, no huge
trees. Unresolved entity references are dropped from the text (with a warning).

Errors: a bad record (no PMID, no title and no abstract, text over ``max_chars``) gives a ``ReadError``
naming the record (PMID, or ``#index`` with the line) and the run goes on. So does a record that is not
well-formed XML (a cut tag, a missing end tag, an undefined entity, invalid UTF-8 with
``encoding_errors="strict"``): one ``ReadError`` naming the record (its PMID when it can be seen, else
``#index``) and its line, and reading resumes at the next record's start tag; lxml's ``recover`` mode is
deliberately not used (it silently invents structure). What stands between one record's end tag and the
next record's start tag is passed over.
A record that uses an entity bomb declared in the DOCTYPE (billion laughs, quadratic blowup) is refused by
libxml2's amplification guard: that record gets a ``ReadError`` and the records after it are read.
File errors (``record`` None) end the file after the good records before them: a truncated/corrupt gzip
(every record complete before the break is kept: :mod:`claimex.read.gzip_stream`), a file that is not
XML or not PubMed XML, and a broken head. ``PubmedBookArticle`` records are skipped
without an error; ``<DeleteCitation>`` gives a :class:`Deletion`. Every record is yielded, duplicates
included: ``Document.version`` carries ``<PMID Version>`` and superseding is up to the consumer (the later
record of a PMID wins in PubMed update files).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from typing import BinaryIO

from lxml import etree

from .base import (
    DEFAULT_MAX_CHARS,
    Deletion,
    Document,
    PathLike,
    Progress,
    ReadError,
    ReadItem,
    add_warning,
    check_encoding_errors,
    checked_record,
    clean_doi,
    collapse_ws,
    decode_utf8,
    make_record,
    stream_records,
    year_of,
)
from .mesh import add_mesh_heading
from .xml_cutter import Piece, RecordCutter

RECORD_TAGS = ("PubmedArticle", "MedlineCitation", "PubmedBookArticle", "DeleteCitation")
ROOT_TAGS = ("PubmedArticleSet", "MedlineCitationSet")
PMID_RE = re.compile(rb"<PMID\b[^>]*>\s*(\d+)\s*</PMID>")
MAX_RECORD_BYTES = 64 << 20  # a record larger than this (or 8 x max_chars) is skipped, not held in memory
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _text(el) -> tuple[str, int]:
    """All text inside ``el`` (inline markup included), whitespace collapsed; also the number of
    unresolved entity references dropped."""
    parts: list[str] = []
    dropped = 0

    def walk(node):
        nonlocal dropped
        parts.append(node.text or "")
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            elif child.tag is etree.Entity:
                dropped += 1
            parts.append(child.tail or "")

    if el is not None:
        walk(el)
    return collapse_ws("".join(parts)), dropped


def _declared_encoding(head: bytes) -> str | None:
    m = re.match(rb"\s*<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9._-]+)", head)
    return m.group(1).decode("ascii").lower() if m else None


def _citation(journal_abbrev: str, pubdate, issue_el, pages: str, doi: str | None) -> str:
    date = ""
    if pubdate is not None:
        if pubdate.findtext("MedlineDate"):
            date = collapse_ws(pubdate.findtext("MedlineDate"))
        else:
            month = (pubdate.findtext("Month") or "").strip()
            if month.isdigit() and 1 <= int(month) <= 12:
                month = MONTHS[int(month) - 1]
            date = " ".join(x for x in ((pubdate.findtext("Year") or "").strip(), month,
                                        (pubdate.findtext("Day") or "").strip().lstrip("0")) if x)
    vol = (issue_el.findtext("Volume") or "").strip() if issue_el is not None else ""
    iss = (issue_el.findtext("Issue") or "").strip() if issue_el is not None else ""
    cite = f"{journal_abbrev}. {date}" if journal_abbrev else date
    if vol or iss:
        cite += f";{vol}" + (f"({iss})" if iss else "")
    if pages:
        cite += f":{pages}"
    cite = cite.strip() + "." if cite.strip() else ""
    if doi:
        cite += f" doi: {doi}."
    return cite.strip()


def parse_record(el, source: str, *, error_source: str | None = None, index: int | None = None,
                 max_chars: int = DEFAULT_MAX_CHARS, line_offset: int = 0) -> Document | ReadError:
    """One ``<PubmedArticle>`` or bare ``<MedlineCitation>`` element -> Document (or ReadError).

    ``line_offset``: added to the element's line (it was parsed apart from the lines before it).
    """
    error_source = error_source or source
    cit = el if el.tag == "MedlineCitation" else el.find("MedlineCitation")
    where = f"#{index}" if index is not None else None
    sourceline = el.sourceline + line_offset if el.sourceline else None
    line = f" (line {sourceline})" if sourceline else ""
    if cit is None:
        return ReadError(error_source, where, f"record without MedlineCitation{line}")
    pmid_el = cit.find("PMID")
    pmid = (pmid_el.text or "").strip() if pmid_el is not None else ""
    if not pmid:
        return ReadError(error_source, where, f"record without PMID{line}")
    version = None
    if pmid_el is not None and (pmid_el.get("Version") or "").strip().isdigit():
        version = int(pmid_el.get("Version").strip())
    art = cit.find("Article")
    if art is None:
        return ReadError(error_source, pmid, f"record without Article{line}")
    dropped = 0
    warnings: list[str] = []

    def text(node) -> str:
        nonlocal dropped
        value, n = _text(node)
        dropped += n
        return value

    title = text(art.find("ArticleTitle")) or text(art.find("VernacularTitle"))
    meta: dict = {"format": "pubmed-xml", "source": error_source}
    paragraphs: list[tuple[str | None, str]] = []
    abstract = art.find("Abstract")
    pieces = abstract.findall("AbstractText") if abstract is not None else []
    if not any(_text(p)[0] for p in pieces):
        others = cit.findall("OtherAbstract")
        other = next((o for o in others if (o.get("Language") or "eng") == "eng"), others[0] if others else None)
        if other is not None and any(_text(p)[0] for p in other.findall("AbstractText")):
            abstract, pieces = other, other.findall("AbstractText")
            meta["abstract_source"] = "OtherAbstract"
    categories = []
    for p in pieces:
        label = (p.get("Label") or "").strip() or None
        paragraphs.append((label, text(p)))
        if label:
            categories.append({"label": label, "nlm_category": p.get("NlmCategory")})
    if categories:
        meta["nlm_categories"] = categories
    if abstract is not None and abstract.findtext("CopyrightInformation"):
        meta["copyright"] = collapse_ws(abstract.findtext("CopyrightInformation"))

    journal = art.find("Journal")
    issue_el = journal.find("JournalIssue") if journal is not None else None
    pubdate = issue_el.find("PubDate") if issue_el is not None else None
    if journal is not None:
        meta["journal"] = collapse_ws(journal.findtext("Title"))
        meta["journal_iso"] = collapse_ws(journal.findtext("ISOAbbreviation"))
    medline_ta = collapse_ws(cit.findtext("MedlineJournalInfo/MedlineTA"))
    if medline_ta:
        meta["journal_abbrev"] = medline_ta
    year = None
    if pubdate is not None:
        year = year_of(pubdate.findtext("Year")) or year_of(pubdate.findtext("MedlineDate"))
    meta["year"] = year or year_of(art.findtext("ArticleDate/Year"))
    meta["pub_types"] = [collapse_ws(t.text) for t in art.iterfind("PublicationTypeList/PublicationType")]
    mesh: list[str] = []
    terms: list[dict] = []
    for head in cit.iterfind("MeshHeadingList/MeshHeading"):
        d = head.find("DescriptorName")
        if d is not None:
            quals = [(collapse_ws(q.text), q.get("MajorTopicYN") == "Y") for q in head.iterfind("QualifierName")]
            add_mesh_heading(mesh, terms, collapse_ws(d.text), d.get("MajorTopicYN") == "Y", quals, d.get("UI"))
    meta["mesh"], meta["mesh_terms"] = mesh, terms
    meta["chemicals"] = [collapse_ws(c.text) for c in cit.iterfind("ChemicalList/Chemical/NameOfSubstance")]
    meta["keywords"] = [k for k in (text(k) for k in cit.iterfind("KeywordList/Keyword")) if k]
    doi = None
    for loc in art.iterfind("ELocationID"):
        if (loc.get("EIdType") or "").lower() == "doi":
            doi = clean_doi(loc.text)
            break
    for aid in el.iterfind("PubmedData/ArticleIdList/ArticleId"):  # the article's own ids, not references'
        kind = (aid.get("IdType") or "").lower()
        if kind == "doi" and not doi:
            doi = clean_doi(aid.text)
        elif kind == "pmc":
            meta["pmcid"] = collapse_ws(aid.text)
    if doi:
        meta["doi"] = doi
    language = art.findtext("Language")
    if language:
        meta["language"] = language.strip()
    meta["citation"] = _citation(medline_ta or meta.get("journal_iso", ""), pubdate, issue_el,
                                 collapse_ws(art.findtext("Pagination/MedlinePgn")), doi)
    if dropped:
        warnings.append(f"{dropped} unresolved entity reference(s) dropped")
    for w in warnings:
        add_warning(meta, w)
    src = f"{source}:{sourceline}" if sourceline else source
    return make_record(pmid, title, paragraphs, meta, source=src, error_source=error_source,
                       version=version, max_chars=max_chars)


# -- parsing the records ----------------------------------------------------------------------------------
def _safe_parser(cls=etree.XMLParser, **kw):
    """No entity expansion, no network, no DTD loading, no huge trees (see the module docstring)."""
    return cls(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True,
               **kw)


def _refused(message: str) -> bool:
    """libxml2's guard against entity bombs (billion laughs, quadratic blowup) refused the record."""
    low = message.lower()
    return "amplification" in low or "entity reference loop" in low


class _Prolog:
    """What each record is parsed inside: the file's own head (XML declaration, DOCTYPE with its entity
    declarations, root start tag) before it and the root's end tag after it. Raises XMLSyntaxError when the
    head is broken."""

    def __init__(self, head: bytes, encoding_errors: str):
        encoding = _declared_encoding(head[:256])
        self.utf8 = encoding in (None, "utf-8", "utf8")
        if self.utf8 and encoding_errors == "replace":
            head = decode_utf8(head)[0].encode("utf-8")
        self.head = head
        self.parser = _safe_parser()
        pull = _safe_parser(etree.XMLPullParser, events=("start", "end"))
        pull.feed(head)
        open_tags: list[str] = []
        for event, el in pull.read_events():
            if event == "start":
                open_tags.append(el.prefix + ":" + etree.QName(el).localname if el.prefix else el.tag)
            else:
                open_tags.pop()
        self.closing = "".join(f"</{t}>" for t in reversed(open_tags)).encode("ascii")
        etree.fromstring(head + (self.closing or b"<_/>"), self.parser)  # the head alone must be well-formed
        self.first_line = 1 + head.count(b"\n")  # where a record starts when parsed after the head
        self.first_column = len(head) - head.rfind(b"\n")

    def parse(self, piece: Piece, data: bytes):
        """The record's element, or the XMLSyntaxError that its bytes give."""
        try:
            root = etree.fromstring(self.head + data + self.closing, self.parser)
        except etree.XMLSyntaxError as err:
            return err
        tag = piece.tag.decode("ascii")
        if len(root) and root[0].tag == tag:  # the usual case: the record is the root's first child
            return root[0]
        return next(root.iter(tag))


def _record_name(piece: Piece, index: int) -> str:
    """How errors name a record: its PMID when it can be seen, else ``#index`` (its place in the file); a
    ``<DeleteCitation>`` by its line."""
    if piece.tag == b"DeleteCitation":
        return str(piece.line)
    m = PMID_RE.search(piece.data, 0, 2048)
    return m.group(1).decode("ascii") if m else f"#{index}"


def _piece_item(el, piece: Piece, prolog: _Prolog, *, source: str, index: int, max_chars: int) -> ReadItem:
    """A parsed record (or its XMLSyntaxError) -> Document / Deletion / ReadError (``record`` None: the file
    is refused)."""
    delta = piece.line - prolog.first_line  # parsed lines -> the file's lines
    if isinstance(el, etree.XMLSyntaxError):
        if _refused(str(el.msg)):  # an entity bomb in this record: it alone is lost
            return ReadError(source, _record_name(piece, index),
                             f"record at line {piece.line} refused (entity expansion limit), skipped: {el.msg}")

        def in_file(m: re.Match) -> str:  # lxml's "line N[, column M]" -> the file's
            line = int(m.group(1))
            if m.group(2) is None:
                return f"line {line + delta}"
            column = int(m.group(2))
            if line == prolog.first_line:
                column += piece.column - prolog.first_column
            return f"line {line + delta}, column {column}"

        msg = re.sub(r"\bline (\d+)(?:, column (\d+))?", in_file, str(el.msg))
        what = "<DeleteCitation>" if piece.tag == b"DeleteCitation" else "record"
        return ReadError(source, _record_name(piece, index),
                         f"not well-formed XML, {what} at line {piece.line} skipped: {msg}")
    if el.tag == "DeleteCitation":
        return Deletion(source, [p.text.strip() for p in el.iterfind("PMID") if p.text and p.text.strip()])
    return parse_record(el, source, index=index, max_chars=max_chars, line_offset=delta)


def _without_records(head: bytes, complete: bool, source: str) -> Iterator[ReadError]:
    """The error (if any) for a file in which no record start tag was found."""
    if not complete:
        yield ReadError(source, None, f"no PubMed record in the first {len(head)} bytes")
        return
    try:
        root = etree.fromstring(head, _safe_parser())
    except etree.XMLSyntaxError as err:
        yield ReadError(source, None, f"XML not well-formed after 0 record(s): {err}")
        return
    if root.tag not in ROOT_TAGS:
        yield ReadError(source, None, f"not a PubMed XML file (root element <{root.tag}>)")
    elif next(root.iter(*RECORD_TAGS), None) is not None:
        yield ReadError(source, None, "cannot cut this file into records (not an ASCII-compatible encoding?)")


def read_pubmed_xml(path: PathLike, *, encoding_errors: str = "replace",
                    max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[ReadItem]:
    """Stream the records of one PubMed/MEDLINE XML file (see the module docstring)."""
    check_encoding_errors(encoding_errors)
    source = str(path)
    cap = max(MAX_RECORD_BYTES, 8 * max_chars)

    def records(f: BinaryIO, at: Progress) -> Iterator[ReadItem]:
        cutter = RecordCutter(f, cap)
        prolog = None
        for piece in cutter:
            if prolog is None:
                try:
                    prolog = _Prolog(cutter.head, encoding_errors)
                except etree.XMLSyntaxError as err:
                    yield ReadError(source, None, f"XML not well-formed before the first record: {err}")
                    return
            if piece.tag == b"PubmedBookArticle":
                continue
            at.n += piece.tag != b"DeleteCitation"
            if piece.dropped:
                yield ReadError(source, _record_name(piece, at.n),
                                f"record at line {piece.line} too large ({piece.dropped} bytes > {cap}), skipped")
                continue
            el, bad = prolog.parse(piece, piece.data), []
            if isinstance(el, etree.XMLSyntaxError) and prolog.utf8:  # libxml2 refuses invalid UTF-8
                text, bad = decode_utf8(piece.data, piece.offset)
                if bad and encoding_errors == "replace":
                    el = prolog.parse(piece, text.encode("utf-8"))
            parse = partial(_piece_item, el, piece, prolog, source=source, index=at.n, max_chars=max_chars)
            item = checked_record(parse, source=source, record=_record_name(piece, at.n) if bad else f"#{at.n}",
                                  bad=bad, encoding_errors=encoding_errors)
            if piece.broken and isinstance(item, ReadError):
                at.n -= piece.tag != b"DeleteCitation"
                continue  # the record the stream broke in: the read error that comes next says it
            yield item
            if isinstance(item, ReadError) and item.record is None:
                return
        if prolog is None:
            yield from _without_records(cutter.head, cutter.complete, source)

    yield from stream_records(path, records, "record")
