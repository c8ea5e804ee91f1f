"""Reader types and helpers shared by every input format.

Readers turn input files into a stream of :class:`Document`, :class:`ReadError` and (PubMed only)
:class:`Deletion` objects, in input order, streaming, and never lose the good records around a bad one:
a bad record becomes a ``ReadError`` and the stream goes on.

The analysed text of a PubMed record
------------------------------------
This is a project-wide definition (:func:`build_text`); every reader of bibliographic records
(PubMed XML, MEDLINE text, RIS, the PubMed abstract page) produces it the same way::

    text = title + "\\n\\n" + abstract

* Unstructured abstract: the paragraphs as they are, joined with ``"\\n"``.
* Structured abstract (sections with a label): one line per section, ``"LABEL: section text"``, joined
  with ``"\\n"``; ``Document.sections`` gets one ``(start, end, LABEL)`` span per section covering that
  whole line (label as given, e.g. ``"BACKGROUND"``; an unlabelled paragraph among labelled ones gets no
  span). The title span is ``(0, len(title), "TITLE")``.
* Inline markup (``<i>``, ``<sup>``, ``<sub>``) contributes its text; whitespace runs inside a paragraph
  collapse to one space.
* No abstract: ``text`` is the title alone and ``meta["no_abstract"] = True``. No title and no abstract:
  a ``ReadError("empty abstract")``.

Common ``meta`` keys: ``title``, ``journal``, ``year`` (int), ``pub_types``, ``mesh`` and ``mesh_terms``
(:mod:`claimex.read.mesh`), ``chemicals``, ``keywords``, ``doi``, ``citation``, ``format`` (the reader),
``source`` (the file), and ``warnings`` (e.g. ``"invalid UTF-8 replaced at byte N"``).

Encodings: every file is opened in binary (:func:`open_any`; gzip recognised by its magic bytes, not only
by the ``.gz`` extension), a UTF-8 BOM is dropped, and bytes are decoded as UTF-8. With
``encoding_errors="replace"`` (the default) invalid bytes become U+FFFD and the document carries a
warning; with ``"strict"`` the record becomes a ``ReadError``.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from .gzip_stream import SalvagingGzipReader

# Longer texts are refused (one ReadError line), so that one text stays within 1 GB through the shipped model.
# Measured peak RSS (bench/long_text_memory.py; 0.42 GB of it the loaded model): real abstracts joined,
# 0.62 GB at 300k characters; the densest case tried (one bracketed result sentence repeated), 0.82 GB at
# 300k and 1.09 GB at 500k. Memory grows linearly; PubMed's longest abstracts are a few tens of thousands.
DEFAULT_MAX_CHARS = 300_000
GZIP_MAGIC = b"\x1f\x8b"
UTF8_BOM = codecs.BOM_UTF8
ENCODING_ERRORS = ("replace", "strict")
FORMATS = ("text", "jsonl", "pubmed-xml", "medline", "ris")
FORMAT_ALIASES = {"txt": "text", "xml": "pubmed-xml", "pubmed": "pubmed-xml", "medline-xml": "pubmed-xml",
                  "nbib": "medline", "ndjson": "jsonl"}
EXTENSIONS = {".txt": "text", ".text": "text", ".jsonl": "jsonl", ".ndjson": "jsonl", ".xml": "pubmed-xml",
              ".nbib": "medline", ".medline": "medline", ".ris": "ris"}

PathLike = str | Path


@dataclass
class Document:
    id: str  # PMID for PubMed, the "id" field for JSONL, file stem (or printed PMID) for text
    text: str  # the analysed text (see the module docstring)
    meta: dict = field(default_factory=dict)
    sections: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, label) char spans
    source: str | None = None  # "path" or "path:line" for error messages
    version: int | None = None  # PubMed <PMID Version=..>, for superseding


@dataclass
class ReadError:
    source: str  # file path
    record: str | None  # PMID / line number / "#index", when known
    message: str

    def __str__(self) -> str:
        msg = " ".join(str(self.message).split())
        if self.record is None:
            return f"{self.source}: {msg}"
        return f"{self.source}: record {self.record}: {msg}"


@dataclass
class Deletion:
    """A PubMed ``<DeleteCitation>``: these PMIDs are withdrawn."""

    source: str
    pmids: list[str]


ReadItem = Document | ReadError | Deletion


def check_encoding_errors(encoding_errors: str) -> None:
    if encoding_errors not in ENCODING_ERRORS:
        raise ValueError(f"encoding_errors must be one of {ENCODING_ERRORS}, not {encoding_errors!r}")


# -- the record loop every reader shares ------------------------------------------------------------------
READ_ERRORS = (EOFError, zlib.error, OSError)  # a truncated or corrupt gzip, a failing disk


class Progress:
    """How far a reader got in its file (``"line 12"``, ``"record 3"``), for the read error that ends it."""

    __slots__ = ("n", "unit")

    def __init__(self, unit: str):
        self.unit = unit
        self.n = 0

    def __str__(self) -> str:
        return f"{self.unit} {self.n}"


def stream_records(path: PathLike, records: Callable[[BinaryIO, Progress], Iterator[ReadItem]],
                 unit: str = "record") -> Iterator[ReadItem]:
    """Open ``path`` (:func:`open_any`) and yield what ``records(stream, progress)`` yields.

    A missing file, or one that stops being readable (truncated or corrupt gzip, I/O error), ends with one
    file-level ``ReadError`` (``record`` None) after the records read so far; ``records`` keeps
    ``progress.n`` at the ``unit`` (line, record) it has reached, for that message.
    """
    source = str(path)
    progress = Progress(unit)
    try:
        with open_any(path) as f:
            yield from records(f, progress)
    except FileNotFoundError:
        yield ReadError(source, None, "no such file")
    except READ_ERRORS as err:
        where = f" after {progress}" if progress.n else ""
        yield ReadError(source, None, f"read error{where} (truncated or corrupt gzip?): {err}")


def checked_record(parse: Callable[[], ReadItem], *, source: str, record: str | None, bad: list[int],
                   encoding_errors: str, what: str = "record") -> ReadItem:
    """One record through the checks every reader makes around its own parser.

    ``bad`` (the byte positions of the record's invalid UTF-8, already replaced): a ``ReadError`` with
    ``encoding_errors="strict"``, else a warning on the Document. ``parse()`` raising becomes a
    ``ReadError`` naming ``record``, so one odd record never ends the file.
    """
    if bad and encoding_errors == "strict":
        return ReadError(source, record, f"invalid UTF-8 at byte {bad[0]}")
    try:
        item = parse()
    except Exception as err:
        return ReadError(source, record, f"cannot read {what}: {type(err).__name__}: {err}")
    if isinstance(item, Document):
        add_warning(item.meta, utf8_warning(bad))
    return item


# -- opening and decoding ---------------------------------------------------------------------------------
@contextlib.contextmanager
def open_any(path: PathLike) -> Iterator[BinaryIO]:
    """Open ``path`` for binary reading: gunzip when it starts with the gzip magic bytes, drop a UTF-8 BOM.

    A truncated or corrupt gzip yields every byte decompressed before the damage, then raises
    (:mod:`claimex.read.gzip_stream`), so no complete record before it is lost.

    Raises ``OSError`` (``FileNotFoundError``, ...) like :func:`open`.
    """
    raw = open(path, "rb")
    try:
        stream: BinaryIO = raw
        if raw.peek(2)[:2] == GZIP_MAGIC:
            stream = io.BufferedReader(SalvagingGzipReader(raw), buffer_size=1 << 16)
        head = stream.peek(3)[:3]  # type: ignore[attr-defined]
        if head == UTF8_BOM:
            stream.read(3)
        yield stream
    finally:
        raw.close()


def read_head(path: PathLike, size: int = 4096) -> bytes:
    """The first ``size`` bytes of the (decompressed, BOM-less) file."""
    with open_any(path) as f:
        return f.read(size)


def decode_utf8(data: bytes, offset: int = 0) -> tuple[str, list[int]]:
    """Decode UTF-8, replacing invalid bytes with U+FFFD; also return the byte positions replaced.

    ``offset`` is added to the positions (the data's place in its file).
    """
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    view = memoryview(data)
    parts: list[str] = []
    bad: list[int] = []
    pos = 0
    while pos < len(data):
        try:
            parts.append(codecs.utf_8_decode(view[pos:], "strict", True)[0])
            break
        except UnicodeDecodeError as err:
            parts.append(codecs.utf_8_decode(view[pos:pos + err.start], "strict", True)[0])
            parts.append("\ufffd")
            bad.append(offset + pos + err.start)
            pos += max(err.end, err.start + 1)
    return "".join(parts), bad


def utf8_warning(positions: list[int]) -> str | None:
    """The one warning a document gets for its replaced bytes (None when there were none)."""
    if not positions:
        return None
    more = f" and {len(positions) - 1} more place{'s' if len(positions) > 2 else ''}" if len(positions) > 1 else ""
    return f"invalid UTF-8 replaced at byte {positions[0]}{more}"


def add_warning(meta: dict, warning: str | None) -> None:
    if warning:
        meta.setdefault("warnings", []).append(warning)


# -- format detection -------------------------------------------------------------------------------------
def normalize_format(fmt: str) -> str:
    """A canonical format name (``FORMATS``) for a name or alias; ValueError when unknown."""
    name = fmt.strip().lower()
    name = FORMAT_ALIASES.get(name, name)
    if name not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    return name


def sniff_format(head: bytes) -> str | None:
    """Guess a format from the first bytes of a file, or None."""
    text = head.decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    if text.startswith("PMID-"):
        return "medline"
    if re.match(r"TY  -", text):
        return "ris"
    if text.startswith("<"):
        if re.search(r"<(PubmedArticleSet|MedlineCitationSet|PubmedArticle|MedlineCitation)\b", text):
            return "pubmed-xml"
        return None
    if text.startswith("{"):
        return "jsonl"
    return None


def detect_format(path: PathLike) -> str:
    """The format of ``path``: by extension (``.gz`` stripped); a ``.txt`` is sniffed (a MEDLINE export
    starts with ``PMID- ``, a RIS export with ``TY  - ``; otherwise a text abstract). A file with an unknown
    extension is sniffed too. Raises ``ValueError`` when the format cannot be told.
    """
    p = Path(path)
    suffixes = [s.lower() for s in p.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    ext = suffixes[-1] if suffixes else ""
    fmt = EXTENSIONS.get(ext)
    if fmt is not None and fmt != "text":
        return fmt
    try:
        sniffed = sniff_format(read_head(p))
    except (OSError, EOFError):
        sniffed = None
    if fmt == "text":
        return sniffed if sniffed in ("medline", "ris") else "text"
    if sniffed is None:
        raise ValueError(f"unknown format for {path} (extension {ext or 'none'!r})")
    return sniffed


def has_known_extension(path: PathLike) -> bool:
    suffixes = [s.lower() for s in Path(path).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return bool(suffixes) and suffixes[-1] in EXTENSIONS


# -- the analysed text ------------------------------------------------------------------------------------
_WS = re.compile(r"[ \t\n\r\f\v]+")  # ASCII whitespace only: NBSP, thin spaces etc. are kept


def collapse_ws(text: str | None) -> str:
    """ASCII whitespace runs to one space, stripped (U+00A0, U+2009, U+202F... are data and stay)."""
    if not text:
        return ""
    if "  " not in text and "\n" not in text and "\t" not in text and "\r" not in text and "\f" not in text \
            and "\v" not in text:
        return text.strip(" ")
    return _WS.sub(" ", text).strip(" ")


def build_text(title: str, paragraphs: list[tuple[str | None, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    """The analysed text and its section spans from a title and (label or None, paragraph text) pairs.

    Implements the project-wide definition in this module's docstring. Empty paragraphs are dropped; a
    labelled paragraph becomes the line ``"LABEL: text"`` (``"LABEL:"`` when its text is empty) with a
    ``(start, end, LABEL)`` span.
    """
    title = title.strip()
    sections: list[tuple[int, int, str]] = []
    if title:
        sections.append((0, len(title), "TITLE"))
    lines: list[str] = []
    spans: list[tuple[int, int, str]] = []
    pos = len(title) + 2 if title else 0
    for label, para in paragraphs:
        para = para.strip()
        label = (label or "").strip()
        if not para and not label:
            continue
        line = f"{label}: {para}" if label and para else (f"{label}:" if label else para)
        if label:
            spans.append((pos, pos + len(line), label))
        lines.append(line)
        pos += len(line) + 1
    abstract = "\n".join(lines)
    if title and abstract:
        return title + "\n\n" + abstract, sections + spans
    if title:
        return title, sections
    return abstract, spans


def make_record(doc_id: str, title: str, paragraphs: list[tuple[str | None, str]], meta: dict, *,
                source: str, error_source: str, version: int | None = None,
                max_chars: int = DEFAULT_MAX_CHARS) -> Document | ReadError:
    """A bibliographic record -> Document (or ReadError when empty or too long)."""
    text, sections = build_text(title, paragraphs)
    if not text:
        return ReadError(error_source, doc_id or None, "empty abstract")
    if len(text) > max_chars:
        return ReadError(error_source, doc_id or None, f"abstract too long ({len(text)} chars > {max_chars})")
    meta["title"] = title.strip()
    if not any(p.strip() for _, p in paragraphs):
        meta["no_abstract"] = True
    return Document(id=doc_id, text=text, meta=meta, sections=sections, source=source, version=version)


def year_of(text: str | None) -> int | None:
    m = re.search(r"\b(1[5-9]\d\d|2\d\d\d)\b", text or "")
    return int(m.group(1)) if m else None


DOI_RE = re.compile(r"\b(10\.\d{4,9}/\S+)")


def clean_doi(text: str | None) -> str | None:
    m = DOI_RE.search(text or "")
    return m.group(1).rstrip(".,;") if m else None
