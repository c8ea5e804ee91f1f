"""PubMed / MEDLINE XML: ``<PubmedArticleSet>`` (PubmedArticle) and ``<MedlineCitationSet>`` (bare
MedlineCitation), plain or gzipped.

Streaming: ``lxml.etree.iterparse`` on the end events of the record tags; each record is cleared and its
previous siblings deleted, so memory stays flat on a whole baseline file. The parser is safe: no entity
expansion (``resolve_entities=False``: a billion-laughs DOCTYPE stays unexpanded, an external
``SYSTEM`` entity is never fetched), no network, no DTD loading, no huge trees. Unresolved entity
references are dropped from the text (with a warning).

Errors: a bad record (no PMID, no title and no abstract, text over ``max_chars``) gives a ``ReadError``
naming the record (PMID, or ``#index`` with the line) and the run goes on. A file that stops being
well-formed XML, or a truncated/corrupt gzip, gives the good records before the break and then one
``ReadError`` naming the file and what broke; the rest of that file is not read (lxml's ``recover`` mode is
deliberately not used: it silently invents structure). ``PubmedBookArticle`` records are skipped without
an error; ``<DeleteCitation>`` gives a :class:`Deletion`. Every record is yielded, duplicates included:
``Document.version`` carries ``<PMID Version>`` and superseding is up to the consumer (the later record
of a PMID wins in PubMed update files).
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator

from lxml import etree

from .base import (
    DEFAULT_MAX_CHARS,
    Deletion,
    Document,
    PathLike,
    ReadError,
    ReadItem,
    Utf8Sanitizer,
    add_warning,
    check_encoding_errors,
    clean_doi,
    collapse_ws,
    make_record,
    mesh_display,
    open_any,
    utf8_warning,
    year_of,
)

RECORD_TAGS = ("PubmedArticle", "MedlineCitation", "PubmedBookArticle", "DeleteCitation")
ROOT_TAGS = ("PubmedArticleSet", "MedlineCitationSet")
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
                 max_chars: int = DEFAULT_MAX_CHARS) -> Document | ReadError:
    """One ``<PubmedArticle>`` or bare ``<MedlineCitation>`` element -> Document (or ReadError)."""
    error_source = error_source or source
    cit = el if el.tag == "MedlineCitation" else el.find("MedlineCitation")
    where = f"#{index}" if index is not None else None
    line = f" (line {el.sourceline})" if el.sourceline else ""
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
    mesh, terms = [], []
    for head in cit.iterfind("MeshHeadingList/MeshHeading"):
        d = head.find("DescriptorName")
        desc = collapse_ws(d.text) if d is not None else ""
        if not desc:
            continue
        d_major = d.get("MajorTopicYN") == "Y"
        quals = [(collapse_ws(q.text), q.get("MajorTopicYN") == "Y") for q in head.iterfind("QualifierName")]
        mesh.extend(mesh_display(desc, d_major, quals))
        if terms and terms[-1]["descriptor"] == desc:  # a split heading: merge, like base.mesh_terms
            terms[-1]["qualifiers"].extend(q for q, _ in quals if q not in terms[-1]["qualifiers"])
            terms[-1]["major"] = terms[-1]["major"] or d_major or any(m for _, m in quals)
            continue
        terms.append({"descriptor": desc, "qualifiers": [q for q, _ in quals],
                      "major": d_major or any(m for _, m in quals), "ui": d.get("UI")})
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
    src = f"{source}:{el.sourceline}" if el.sourceline else source
    return make_record(pmid, title, paragraphs, meta, source=src, error_source=error_source,
                       version=version, max_chars=max_chars)


def _parser_input(f, encoding_errors: str):
    """Put a UTF-8 sanitizer in front of lxml unless strict, or the file declares another encoding."""
    head = f.peek(256)[:256]
    enc = _declared_encoding(head)
    if encoding_errors == "replace" and enc in (None, "utf-8", "utf8"):
        return Utf8Sanitizer(f)
    return f


def read_pubmed_xml(path: PathLike, *, encoding_errors: str = "replace",
                    max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[ReadItem]:
    """Stream the records of one PubMed/MEDLINE XML file (see the module docstring)."""
    check_encoding_errors(encoding_errors)
    source = str(path)
    index = 0
    try:
        with open_any(path) as f:
            stream = _parser_input(f, encoding_errors)
            sanitizer = stream if isinstance(stream, Utf8Sanitizer) else None
            context = etree.iterparse(stream, events=("end",), tag=RECORD_TAGS, resolve_entities=False,
                                      no_network=True, load_dtd=False, huge_tree=False, remove_comments=True)
            for _event, el in context:
                parent = el.getparent()
                if el.tag == "MedlineCitation" and parent is not None and parent.tag == "PubmedArticle":
                    continue  # inside a PubmedArticle: handled at the article's end
                if el.tag == "DeleteCitation":
                    pmids = [p.text.strip() for p in el.iterfind("PMID") if p.text and p.text.strip()]
                    yield Deletion(source, pmids)
                elif el.tag != "PubmedBookArticle":
                    index += 1
                    try:
                        item = parse_record(el, source, index=index, max_chars=max_chars)
                    except Exception as err:  # noqa: BLE001 - one odd record must not end the file
                        item = ReadError(source, f"#{index}", f"cannot read record: {type(err).__name__}: {err}")
                    if sanitizer is not None and sanitizer.replaced and isinstance(item, Document) \
                            and "\ufffd" in item.text + str(item.meta):
                        add_warning(item.meta, utf8_warning(sanitizer.pop_replaced()))
                    yield item
                el.clear(keep_tail=True)
                if parent is not None:
                    while el.getprevious() is not None:
                        del parent[0]
            root = getattr(context, "root", None)
            if root is not None and root.tag not in ROOT_TAGS and not index:
                yield ReadError(source, None, f"not a PubMed XML file (root element <{root.tag}>)")
    except FileNotFoundError:
        yield ReadError(source, None, "no such file")
    except etree.XMLSyntaxError as err:
        yield ReadError(source, None, f"XML not well-formed after {index} record(s): {err}")
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:
        yield ReadError(source, None, f"truncated or corrupt gzip after {index} record(s): {err}")
    except OSError as err:
        yield ReadError(source, None, f"read error after {index} record(s): {err}")
