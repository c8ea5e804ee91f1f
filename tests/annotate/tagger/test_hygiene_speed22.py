"""Span hygiene's per-doc views without the token attributes the token texts give (session 22): ``Doc.to_array``
costs ~200 instructions per token and attribute, so ``SpanHygiene`` reads only SENT_START and LOWER from it; ORTH,
LENGTH and IS_DIGIT were read for the special tokens (funder and software names by ORTH id, all-digit tokens) and
the token offsets, which are the texts, their ``len`` and ``str.isdigit`` (spaCy's IS_DIGIT getter), and the
months are tested on the lower-cased texts (a lexeme's LOWER is ``str.lower`` of its text). Against the old
``__init__`` form (kept here) on real PubMed abstracts and made-up texts with months, names and odd digits."""

from __future__ import annotations

import numpy
import pytest
from spacy.attrs import IS_DIGIT, LENGTH, LOWER, ORTH, SENT_START
from spacy.strings import hash_string
from spacy.symbols import IDS

from claimex.annotate.tagger.hygiene import SpanHygiene
from claimex.annotate.tagger.words import CLAUSE_CHARS, HAS_BRACKET, MONTHS, NAMES, OPEN, REGISTRY_START, member
from claimex.annotate.tokens import SEP, token_texts

MONTH_IDS = numpy.array(sorted(hash_string(m) for m in MONTHS), dtype="uint64")  # LOWER ids (words.py before s22)
NAME_IDS = numpy.array(sorted(hash_string(w) for w in NAMES), dtype="uint64")  # ORTH ids

MADE = (
    "Funded by the Wellcome Trust Foundation and Novo Nordisk Inc. from May 2010 to June 2012; analysed with SPSS "
    "version 22 and Stata.",
    "Recruited between Jan 3 and Dec 2019 (March, 2020) at 12 sites; GraphPad Prism 8; may improve pain in May.",
    "Scores rose from 3² to ٣ and 10 ½ points (p=0.04), n=35; NCT01234567 and ISRCTN12345678 registered in September.",
    "Institute Grant 2018 Council; Ministry of Health. Agency (EudraCT 2015-001234-56) Ltd. GmbH Corp. Pharma",
)


def _deltas_old(joined, offsets, n):
    """The bracket deltas before session 22: each bracket's token found in the offsets array."""
    pos = [m.start() for m in HAS_BRACKET.finditer(joined)]
    delta = [0] * n
    if pos:
        for k, p in zip((offsets.searchsorted(pos, side="right") - 1).tolist(), pos):
            delta[k] += 1 if joined[p] in OPEN else -1
    return delta


def _views_old(doc):
    """``SpanHygiene.__init__``'s sentence ids, LOWER ids, token offsets and special tokens before session 22."""
    arr = doc.to_array([ORTH, SENT_START, LENGTH, LOWER, IS_DIGIT])
    texts = token_texts(doc)
    starts = arr[:, 1].astype("int64") == 1
    starts[0] = True
    joined = SEP.join(texts)
    offsets = numpy.concatenate(([0], (arr[:, 2].astype("int64") + 1).cumsum()[:-1]))
    month = member(arr[:, 3], MONTH_IDS)
    flags = month | (arr[:, 4] == 1) | member(arr[:, 0], NAME_IDS)
    flags[:-1] |= month[1:]
    hits = [m.start() for m in REGISTRY_START.finditer(SEP + joined)]
    hits += [m.start() for m in CLAUSE_CHARS.finditer(joined)]
    special = set(flags.nonzero()[0].tolist())
    if hits:
        special.update((offsets.searchsorted(hits, side="right") - 1).tolist())
    delta = _deltas_old(joined, offsets, len(doc))
    return starts.cumsum().tolist(), arr[:, 3].tolist(), delta, special


@pytest.fixture(scope="module")
def docs(rules_nlp, pubmed_abstracts):
    return [rules_nlp(body) for _, _, body in pubmed_abstracts[:200] if body] + [rules_nlp(t) for t in MADE]


def test_hygiene_views_equal_the_to_array_form(docs):
    months = names = digits = 0
    for doc in docs:
        h = SpanHygiene(doc)
        sent, lower_ids, delta, special = _views_old(doc)
        assert h.sent == sent
        assert h.lower_ids.tolist() == lower_ids
        assert h.delta == delta
        assert h.special == special
        months += sum(w in MONTHS for w in h.lower)
        names += sum(w in NAMES for w in h.text)
        digits += sum(w.isdigit() for w in h.text)
    assert months > 20 and names > 15 and digits > 500


def test_the_texts_give_the_lexeme_attributes(docs):
    """What the new form rests on: IS_DIGIT is ``str.isdigit``, LENGTH is ``len``, LOWER and ORTH ids are the ids of
    the lower-cased text and the text (superscript and Arabic-Indic digits included); no name or month is one of
    spaCy's symbols (whose ids are small ints, not hashes), so the old hash tables held their ids."""
    assert not (NAMES | MONTHS) & set(IDS)
    for doc in docs[-len(MADE):] + docs[:50]:
        arr = doc.to_array([ORTH, LENGTH, LOWER, IS_DIGIT]).tolist()
        texts, strings = token_texts(doc), doc.vocab.strings
        assert [bool(r[3]) for r in arr] == [t.isdigit() for t in texts]
        assert [r[1] for r in arr] == [len(t) for t in texts]
        assert [r[2] for r in arr] == [strings[t.lower()] for t in texts]
        assert [r[0] for r in arr] == [strings[t] for t in texts]
