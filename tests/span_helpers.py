"""Test helper: spaCy spans of a doc from (label, piece) pairs (tests/ is on sys.path through its conftest)."""


def char_spans(doc, text, pieces):
    """One span per (label, piece): the first occurrence of ``piece`` in ``text``, which must align to tokens."""
    out = []
    for label, piece in pieces:
        a = text.index(piece)
        span = doc.char_span(a, a + len(piece), label=label)
        assert span is not None, piece
        out.append(span)
    return out
