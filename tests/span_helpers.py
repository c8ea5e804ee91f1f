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


def outcome_lists_of(nlp, text, pieces):
    """``text`` through ``nlp``, the (label, piece) spans set as the tagger's entities (score 0.9), then the
    :class:`~claimex.annotate.outcome_lists.OutcomeLists` component: the rules downstream of the tagger alone."""
    from claimex.annotate.entities import set_entities
    from claimex.annotate.outcome_lists import OutcomeLists

    doc = nlp(text)
    spans = char_spans(doc, text, pieces)
    set_entities(doc, spans, scores=[0.9] * len(spans), subtypes=[None] * len(spans))
    return OutcomeLists()(doc)
