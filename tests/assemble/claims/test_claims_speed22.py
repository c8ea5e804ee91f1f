"""Claim assembly made cheaper (session 22, issue 13): :meth:`SentenceView.label` and :meth:`SentenceView.masked`
read each entity's label once per entities list (a pydantic attribute read costs ~340 instructions); their answers
are those of the bodies they replace (kept here), on real sentences, after the list is appended to and after it is
replaced (:func:`.arms.settle_roles`)."""

from __future__ import annotations

from itertools import combinations

from claims_helpers import make_record

from claimex.assemble.claims.base import SentenceView, blank, sentence_views

LABELS = ("INTERVENTION", "COMPARATOR", "OUTCOME", "POPULATION")


def _old_label(view: SentenceView, *labels: str) -> list:
    return [e for e in view.entities if e.label in labels]


def _old_mask(view: SentenceView, labels: tuple[str, ...]) -> str:
    at = view.start
    return blank(view.text, [(e.start - at, e.end - at) for e in view.entities if e.label in labels])


def _record():
    # Evidence Inference 3558644 (methods and a result sentence), every label
    text = ("For this prospective, randomized, placebo-controlled, double-blind study a total of 140 patients were "
            "randomly allocated to one of 4 treatment groups to receive intravenously placebo (saline), lidocaine "
            "(20 mg), ketorolac (10 mg), or both (n = 35 for each group), with venous occlusion. "
            "There was a significantly lower incidence of withdrawal movements in patients receiving the "
            "lidocaine/ketorolac combination than in those receiving lidocaine or ketorolac alone (P = 0.009 and "
            "0.002, respectively).")
    return make_record(text, [("POPULATION", "140 patients"), ("COMPARATOR", "placebo"),
                              ("INTERVENTION", "lidocaine"), ("INTERVENTION", "ketorolac"),
                              ("OUTCOME", "incidence of withdrawal movements"),
                              ("INTERVENTION", "lidocaine/ketorolac combination"), ("INTERVENTION", "lidocaine", 2),
                              ("INTERVENTION", "ketorolac", 2), ("OUTCOME", "withdrawal movements")])


def _asks(view: SentenceView) -> None:
    for n in (1, 2, 3, 4):
        for labels in combinations(LABELS, n):
            assert view.label(*labels) == _old_label(view, *labels), labels
            view._cache.clear()
            assert view.masked(*labels) == _old_mask(view, labels), labels
    assert view.label("TITLE") == []


def test_label_and_masked_as_before_on_real_sentences():
    views = sentence_views(_record())
    assert [len(v.entities) for v in views] == [4, 5]
    for view in views:
        _asks(view)
        _asks(view)  # the labels read before answer again


def test_labels_read_once_per_list_and_remade_when_the_list_changes():
    view = sentence_views(_record())[1]
    ents = view.entities
    assert [e.text for e in view.label("OUTCOME")] == ["incidence of withdrawal movements", "withdrawal movements"]
    assert view._labels[0] is ents  # read once for this list
    # settle_roles puts a new list (an OUTCOME dropped)
    view.entities = [e for e in ents if e.text != "withdrawal movements"]
    view._cache.clear()
    _asks(view)
    assert [e.text for e in view.label("OUTCOME")] == ["incidence of withdrawal movements"]
    # sentence_views appends to the list it made
    view.entities.append(ents[-1])
    _asks(view)
    assert len(view.label("OUTCOME")) == 2
    view.entities.pop()  # shorter again: read again
    _asks(view)
