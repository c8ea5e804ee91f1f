"""``claimex_sentences``: a fast rule sentence splitter tuned for biomedical abstracts.

scispaCy's ``pysbd_sentencizer`` is accurate but costs ~7 ms an abstract (14x the
tokenizer). Abstracts are regular enough for rules over scispaCy tokens:

* a newline ends a sentence (titles, structured-abstract sections), except a line wrap: one newline after a
  word that ends no sentence or heading and before a word in lower case;
* ``.``, ``!``, ``?`` end a sentence when the next word token starts with an upper-case
  letter, a digit or an opening bracket/quote, unless the token before the stop is a known
  abbreviation (``vs``, ``mo``, ``e.g``, ``et al``, ``Fig``, ``approx`` ...), or the
  stop is inside brackets that are still open;
* ``;`` never ends a sentence;
* a bracket counts wherever it stands in a token (scispaCy keeps ``mouse)-two`` whole), and a bracket
  left open for more than 60 tokens is stray: it no longer blocks a stop;
* a **heading** is a sentence of its own: an upper-case label ending in colons at a sentence start
  (``RESULTS:``, ``ABSTRACT.RESULTS::``, ``TITLE:``, ``MATERIALS AND METHODS:``), a known section word
  in title case with a colon (``Results:``), a known upper-case section word with a colon glued inside
  a sentence (``...were randomised RESULTS: Mortality``), or a known upper-case section word alone before
  a capitalised word (``RESULTS Mortality ...``), or section words in square brackets at a sentence start
  (``[Results]``, ``[Subjects and Methods]``). :func:`heading_label` turns the heading sentence
  into its section label (``ABSTRACT.RESULTS::`` -> ``RESULTS``); the record builder uses it as the
  section of the sentences that follow and keeps the heading out of the sentence list.

Accuracy against one-sentence-per-line gold is measured by ``bench/sentences.py``.
"""

from __future__ import annotations

import re
from itertools import compress
from typing import cast

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .tokens import token_texts

ABBREVIATIONS = frozenset(
    """
    vs v al e.g i.e etc fig figs approx ca cf resp mo mos yr yrs wk wks no nos vol dr mr mrs ms
    prof st inc ltd co jr sr dept univ eq eqs ref refs ed eds suppl incl min max tab viz pts
    o.d b.i.d t.i.d q.i.d q.d i.v i.m s.c p.o
    """.split()
)
_STOPS = frozenset(".!?")
_OPEN = frozenset("([{")
_CLOSE = frozenset(")]}")
_BRACKETS = _OPEN | _CLOSE
_STARTERS = frozenset("([{\"'“‘")


_STRAY = 60  # tokens after which an unclosed bracket no longer blocks a stop

#: section words that make a heading (upper case anywhere; title case at a sentence start)
SECTION_WORDS = frozenset(
    """
    ABSTRACT BACKGROUND INTRODUCTION CONTEXT RATIONALE IMPORTANCE OBJECTIVE OBJECTIVES AIM AIMS PURPOSE
    PURPOSES GOAL GOALS HYPOTHESIS METHOD METHODS METHODOLOGY DESIGN SETTING SETTINGS PARTICIPANTS PATIENTS
    SUBJECTS INTERVENTION INTERVENTIONS MEASUREMENTS MATERIALS MAIN OUTCOME OUTCOMES RESULT RESULTS FINDINGS
    CONCLUSION CONCLUSIONS INTERPRETATION DISCUSSION SIGNIFICANCE IMPLICATIONS SUMMARY TRIAL REGISTRATION
    FUNDING TITLE UNLABELLED LIMITATIONS
    """.split()
)
_CAPS = re.compile(r"[A-Z][A-Z0-9&/-]*(?:\.[A-Z][A-Z0-9&/-]*)*$")


def _caps(word: str) -> bool:
    """An upper-case label word (``RESULTS``, ``ABSTRACT.RESULTS``, ``AND/OR``): ``_CAPS.match``. A word it matches
    has only upper-case letters and at least one, so ``str.isupper`` answers the other words (most capitalised
    words of a text: "The", "Patients") without a regex call."""
    return word.isupper() and _CAPS.match(word) is not None
_LINK_WORDS = frozenset(["AND", "OF", "&", "/", "THE", "AND/OR", ","])
_TITLE_TAIL = frozenset(["and", "of", "the", "&", "methods", "measures", "measurements", "outcome", "outcomes",
                         "design", "setting", "participants", "interventions", "findings", "results", "conclusions"])


def _starts_sentence(text: str) -> bool:
    ch = text[0]
    return ch.isupper() or ch.isdigit() or ch in _STARTERS


def _section_word(text: str) -> bool:
    return text.split(".")[-1].upper() in SECTION_WORDS


def _heading_run(words: list[str], i: int, at_start: bool) -> int:
    """End (exclusive) of a heading that begins at token ``i``: the index of the first token after its
    colons, or -1 when no heading starts at ``i``."""
    n, j = len(words), i
    caps = []
    while j < n and j - i < 6 and (_caps(words[j]) or words[j] in _LINK_WORDS) and len(words[j].strip(":")):
        caps.append(words[j])
        j += 1
    known = bool(caps) and _section_word(caps[0]) and any(len(w) > 2 for w in caps)
    if not caps and at_start and words[i][:1].isupper() and _section_word(words[i]) and words[i][1:].islower():
        caps, j, known = [words[i]], i + 1, True  # "Results:" in title case
        while j < n and j - i < 4 and words[j] in _TITLE_TAIL:
            j += 1
    if not caps or caps[-1] in _LINK_WORDS:
        return -1
    colons = j
    while colons < n and words[colons] in (":", "::"):
        colons += 1
    if colons > j:
        nxt = colons
        while nxt < n and words[nxt].isspace() and "\n" not in words[nxt]:
            nxt += 1
        follows = nxt >= n or words[nxt].isspace() or _starts_sentence(words[nxt])
        if known or at_start and follows and any(len(w) > 2 for w in caps):
            return colons
        return -1
    if at_start and known and words[i].isupper() and len(caps) <= 3 and j < n and not words[j].isspace() \
            and words[j][:1].isupper() and not _caps(words[j]):
        return j  # "RESULTS Mortality was ..."
    return -1


def heading_label(text: str) -> str | None:
    """The section label of a heading sentence (``"ABSTRACT.RESULTS::"`` -> ``"RESULTS"``,
    ``"Materials and methods:"`` -> ``"MATERIALS AND METHODS"``); None when ``text`` is not a heading. Its words are
    split off up to a seventh (the rest of a longer text stays one string: a sentence is ~25 words, each a new string,
    and a heading has at most six)."""
    body = text.strip()
    if body.startswith("[") and body.endswith("]"):  # "[Subjects and Methods]"
        body = body[1:-1].strip().upper() + ":"
    colon = body.endswith(":")
    words = body.rstrip(":").replace(",", " , ").split(None, 6)
    if not words or len(words) > 6:
        return None
    if all(_caps(w) or w in _LINK_WORDS for w in words):
        if not (colon or len(words) <= 3 and _section_word(words[0])):
            return None
    elif not (colon and _section_word(words[0]) and words[0][1:].islower()
              and all(w in _TITLE_TAIL for w in words[1:])):
        return None
    label = " ".join(words).replace(" ,", ",").upper()
    return label.split(".", 1)[1] if label.startswith("ABSTRACT.") and len(label) > 9 else label


_NO_WRAP = frozenset(".!?:;")


def _wrapped(words: list[str], i: int, in_bracket: bool = False) -> bool:
    """Is the newline token ``words[i]`` a line wrap inside a sentence ("showed significant\\nimprovement in
    static balance ... compared to\\npre-intervention measurements")? One newline, after a word that ends no
    sentence or heading, before a word in lower case - or any word inside a bracket opened on the same line
    ("[Subjects and\\nMethods]")."""
    if words[i].count("\n") != 1 or i == 0 or i + 1 >= len(words):
        return False
    prev, nxt = words[i - 1], words[i + 1]
    return (not prev.isspace() and prev[-1] not in _NO_WRAP and not nxt.isspace()
            and (nxt[0].islower() or in_bracket))


def _bracket_heading(words: list[str], i: int) -> int:
    """End (exclusive) of a bracketed heading at token ``i`` ("[Results]", "[Subjects and Methods]"), else -1."""
    j, n = i + 1, len(words)
    while j < n and j - i <= 6 and words[j] != "]":
        word = words[j]
        if not (word.isspace() or word.upper() in SECTION_WORDS or word.upper() in _LINK_WORDS):
            return -1
        j += 1
    return j + 1 if j < n and j > i + 1 and words[j] == "]" else -1


#: :func:`token_kind` codes: a word that no rule but the sentence start and the stray-bracket count reads, a space
#: token without a newline, any other token
PLAIN, SPACE, OTHER = 1, 2, 0
_KINDS: dict[str, int] = {}  # token text -> kind, emptied when it holds TOKEN_KINDS texts
TOKEN_KINDS = 65536


def token_kind(text: str) -> int:
    """:data:`PLAIN` for a word token that holds no bracket, does not end with ``.``, ``!`` or ``?`` and starts no
    heading (its first character is not upper case, or it is neither an upper-case label word, :func:`_caps`, nor
    a section word: "The", "Patients"; :func:`_heading_run` answers -1 at such a word wherever it stands) - most
    words of a text, which no heading, bracket or stop rule of :func:`sentence_starts` acts on -, :data:`SPACE` for
    whitespace without a newline, else :data:`OTHER`."""
    if text.isspace():
        return OTHER if "\n" in text else SPACE
    if text[-1] in _STOPS or not _BRACKETS.isdisjoint(text):
        return OTHER
    if text[0].isupper() and (_caps(text) or text in _LINK_WORDS or _section_word(text)):
        return OTHER
    return PLAIN


def token_kinds(words: list[str]) -> list[int]:
    """:func:`token_kind` of each word, looked up per text (token texts repeat within and across abstracts)."""
    kinds = list(map(_KINDS.get, words))
    if None in kinds:
        if len(_KINDS) >= TOKEN_KINDS:
            _KINDS.clear()
        for k, text in enumerate(words):
            if kinds[k] is None:
                kinds[k] = _KINDS[text] = token_kind(text)
    return cast("list[int]", kinds)  # every None filled in above


def sentence_starts(words: list[str]) -> list[bool]:
    """Sentence-start flags for a list of token texts (whitespace tokens included). Tokens of
    :func:`token_kind` :data:`PLAIN` and :data:`SPACE` take a short path that does what the full rules do to them
    (a plain word can start a sentence and end a stray bracket's reach; a space without a newline changes
    nothing)."""
    n = len(words)
    starts = [False] * n
    if not n:
        return starts
    starts[0] = True
    depth, opened = 0, 0
    pending = False  # a boundary was decided; the next non-space token starts a sentence
    split_at = -1  # a heading ends here: that token starts a sentence
    prev_stop = False  # the previous word token ends with . ! ?
    line_at = -1  # the last newline token
    for i, (text, kind) in enumerate(zip(words, token_kinds(words))):
        if kind:
            if kind == SPACE:
                continue
            if pending or i == split_at:
                starts[i] = True
                pending = False
            if depth and i - opened > _STRAY:
                depth = 0
            prev_stop = False
            continue
        if text.isspace():
            if "\n" in text:
                if not _wrapped(words, i, depth > 0 and opened > line_at):
                    pending = True
                    depth = 0
                line_at = i
            continue
        if pending or i == split_at:
            starts[i] = True
            pending = False
        if text == "[" and depth == 0 and (starts[i] or prev_stop):
            end = _bracket_heading(words, i)
            if end > 0:  # "[Results] The experimental group ...": the heading is a sentence of its own
                starts[i], split_at = True, end
        if depth == 0 and i > split_at and text[0].isupper():
            # "... 15-20 min . RESULTS Baseline ...": a stop the abbreviation rule kept still ends before a heading
            lead = starts[i] or prev_stop
            end = _heading_run(words, i, lead)
            if end > i and (lead or end > i + 1 and words[end - 1] in (":", "::")):
                starts[i] = True
                split_at = end
        if len(text) == 1:
            if text in _OPEN:
                depth, opened = depth + 1, opened if depth else i
            elif text in _CLOSE:
                depth = max(0, depth - 1)
        elif not _BRACKETS.isdisjoint(text):
            before = depth
            depth = max(0, depth + sum(ch in _OPEN for ch in text) - sum(ch in _CLOSE for ch in text))
            opened = i if depth and not before else opened
        if depth and i - opened > _STRAY:
            depth = 0
        last = text[-1]
        prev_stop = last in _STOPS
        if last not in _STOPS or depth:
            continue
        if last == "." and len(text) > 1 and text[:-1].lower().rstrip(".") in ABBREVIATIONS:
            continue  # "vs." "e.g." "al." tokenised whole
        if text == "." and i > 0 and words[i - 1].lower().rstrip(".") in ABBREVIATIONS:
            continue  # "mo ." split by the tokenizer
        nxt = i + 1
        while nxt < n and words[nxt].isspace() and "\n" not in words[nxt]:
            nxt += 1
        if nxt < n and (words[nxt].isspace() or _starts_sentence(words[nxt])):
            pending = True
    return starts


def sent_start_column(flags: list[bool]) -> numpy.ndarray:
    """The SENT_START column of sentence-start ``flags`` for ``Doc.from_array``: 1 at a start, -1 elsewhere, as
    uint64 (-1 wraps to 2**64 - 1), made as a filled array with the starts set (``compress`` finds them in C), not
    converted from a Python list of ints (numpy packs each element: ~340 instructions a token)."""
    column = numpy.full(len(flags), numpy.uint64(2**64 - 1))
    column[list(compress(range(len(flags)), flags))] = 1
    return column


def split_sentences(doc: Doc) -> Doc:
    """Set ``token.is_sent_start`` for every token of ``doc``."""
    if len(doc):
        doc.from_array([SENT_START], sent_start_column(sentence_starts(token_texts(doc))))  # type: ignore[arg-type]
    return doc


@Language.factory(
    "claimex_sentences",
    assigns=["token.is_sent_start"],
    default_config={},
)
def make_sentence_splitter(nlp: Language, name: str):
    return split_sentences
