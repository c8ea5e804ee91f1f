"""Fewer ``Doc.to_array`` columns per doc (session 22; ~200 instructions per token and attribute): the ORTH column
made once per Doc (``tokens.token_orths``, the token texts are made from it) and shared by the abbreviation
matcher, the tagger's embedding cache and the subtype features. Against the ``to_array`` forms it replaced, on real
PubMed abstracts from ../shared and texts with whitespace tokens."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.attrs import NORM, ORTH

from claimex.annotate import tokenizer  # noqa: F401
from claimex.annotate.tagger.embedcache import _keys
from claimex.annotate.tokens import token_orths, token_texts

ODD = ("Urinary 5-HIAA decrease: 57-91%;\n\nIL-6 levels  (P = 0.971) fell in 12 of 24 patients.",
       "  two leading\tand a tab\u00a0no-break space\u2003em space \u3000 ideographic space\n", "", " ", "\n\n", "a")


def _nlp():
    return spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "claimex.SciTokenizer.v1"}}})


@pytest.fixture(scope="module")
def docs(pubmed_abstracts):
    nlp = _nlp()
    return [nlp(t) for t in ODD] + [nlp(f"{title}\n{body}") for _, title, body in pubmed_abstracts[:150]]


def test_token_orths_are_the_orth_column_made_once(docs):
    for doc in docs:
        orths = token_orths(doc)
        assert orths.dtype == doc.to_array(ORTH).dtype and orths.tolist() == doc.to_array(ORTH).tolist()
        assert token_orths(doc) is orths and not orths.flags.writeable
        assert token_texts(doc) == [t.text for t in doc]


def test_token_orths_follow_a_retokenised_doc():
    doc = _nlp()(ODD[0])
    before = token_orths(doc).tolist()
    with doc.retokenize() as retok:
        retok.merge(doc[0:2])
    assert token_orths(doc).tolist() == doc.to_array(ORTH).tolist() != before
    assert token_texts(doc) == [t.text for t in doc]


def test_embedding_keys_equal_the_two_column_array(docs):
    for doc in docs:
        if len(doc):
            want = doc.to_array([ORTH, NORM]).reshape(len(doc), 2)
            got = _keys(doc)
            assert got.dtype == want.dtype and numpy.array_equal(got, want)
