"""annotate.tokens.token_texts: the shared token-text list is the tokens' texts, made once per Doc, never
stored on the Doc, and made afresh when the Doc was retokenised."""

import spacy

from claimex.annotate import tokenizer  # noqa: F401
from claimex.annotate.tokens import doc_text, make_doc, token_lowers, token_texts

TEXT = "Urinary 5-HIAA decrease: 57-91%;\n\nIL-6 levels  (P = 0.971) fell in 12 of 24 patients."


def _nlp():
    return spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "claimex.SciTokenizer.v1"}}})


def test_token_texts_are_the_token_texts_made_once():
    doc = _nlp()(TEXT)
    texts = token_texts(doc)
    assert texts == [t.text for t in doc]
    assert any(t.isspace() for t in texts)  # whitespace tokens included
    assert token_texts(doc) is texts
    assert doc.to_bytes() == _nlp()(TEXT).to_bytes()  # nothing stored on the Doc


def test_token_texts_follow_a_retokenised_doc():
    doc = _nlp()(TEXT)
    before = token_texts(doc)
    with doc.retokenize() as retok:
        retok.merge(doc[0:2])
    assert token_texts(doc) == [t.text for t in doc] != before


def test_doc_text_is_the_doc_text():
    nlp = _nlp()
    for text in (TEXT, "", " ", "a", "trailing space ", "  two leading", "tab\there\n"):
        doc = nlp(text)
        assert doc_text(doc) == doc.text == text


def test_token_lowers_are_the_lower_case_made_once_and_follow_a_retokenised_doc():
    doc = _nlp()(TEXT)
    lowers = token_lowers(doc)
    assert lowers == "\x01".join(t.text for t in doc).lower().split("\x01") == [t.text.lower() for t in doc]
    assert lowers[:3] == ["urinary", "5-hiaa", "decrease"]
    assert token_lowers(doc) is lowers  # made once
    with doc.retokenize() as retok:
        retok.merge(doc[0:2])
    assert token_lowers(doc) == [t.text.lower() for t in doc] and token_lowers(doc)[0] == "urinary 5-hiaa"
    assert token_lowers(_nlp()("")) == []


def test_make_doc_keeps_the_text_it_tokenised(pubmed_abstracts):
    """A Doc made by ``make_doc`` answers ``doc_text`` with its text, which is ``doc.text`` and what the tokens
    join to (real abstracts, with the titles' newline); the Doc is the tokenizer's, nothing stored on it."""
    nlp = _nlp()
    texts = [TEXT, "", " ", "tab\there\n"] + [f"{title}\n{body}" for _, title, body in pubmed_abstracts[:150]]
    for text in texts:
        doc = make_doc(nlp, text)
        assert doc_text(doc) is text
        assert doc.text == text
        joined = nlp.make_doc(text)
        assert doc_text(joined) == text and (doc_text(joined) is not text or len(text) < 2)  # joined from the tokens
        assert doc_text(joined) is doc_text(joined)  # joined once
        assert doc.to_bytes() == joined.to_bytes()
