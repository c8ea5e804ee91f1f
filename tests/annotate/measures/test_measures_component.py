"""The ``claimex_measures`` spaCy component, unicode handling and the schema conversion."""

from __future__ import annotations

import spacy

from claimex.annotate.measures import ParsedMeasure, parse_measures
from claimex.schema import Measure


def test_component_sets_doc_measures_on_a_blank_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("claimex_measures")
    text = "Of 159 patients approached, 150 (94.3%) were randomized; median PFS was 9.2 months (HR 0.76, P = .01)."
    doc = nlp(text)
    got = [(m.text, m.kind) for m in doc._.measures]
    assert got == [("159 patients", "sample_size"), ("150", "count"), ("94.3%", "percentage"),
                   ("9.2 months", "duration"), ("HR 0.76", "ratio"), ("P = .01", "p_value")]
    assert [m.start for m in doc._.measures] == sorted(m.start for m in doc._.measures)
    assert all(doc.text[m.start:m.end] == m.text for m in doc._.measures)


def test_component_does_not_depend_on_tokenization():
    text = "rates were 57-91% (p<0.05) in 16 of 41 patients"
    a = spacy.blank("en")
    a.add_pipe("claimex_measures")
    b = spacy.blank("en")
    b.tokenizer = spacy.tokenizer.Tokenizer(b.vocab)  # whitespace-only tokenizer
    b.add_pipe("claimex_measures")
    assert [m.to_dict() for m in a(text)._.measures] == [m.to_dict() for m in b(text)._.measures]


def test_component_kinds_filter_and_default_none():
    nlp = spacy.blank("en")
    assert nlp.make_doc("x")._.measures is None
    nlp.add_pipe("claimex_measures", config={"kinds": ["p_value"]})
    assert [m.kind for m in nlp("12 mg daily, P = 0.03")._.measures] == ["p_value"]


def test_unicode_dashes_spaces_and_signs():
    text = ("response 57\u201391%, range 6\u201442.5 months, 0\u00b705 and P\u2009<\u20090\u00b701, "
            "change \u22125.8 percentage points, 12.3\u00a0\u00b1\u00a04.5 kg, dose 2\u2009mg, age \u2265\u200965 years, "
            "n\u202f=\u202f60, HbA1c \u2264 7%")
    got = {m.text: m for m in parse_measures(text)}
    assert (got["57\u201391%"].low, got["57\u201391%"].high) == (57.0, 91.0)
    assert got["6\u201442.5 months"].high == 42.5
    assert got["P\u2009<\u20090\u00b701"].value == 0.01
    assert got["\u22125.8 percentage points"].value == -5.8
    assert got["12.3\u00a0\u00b1\u00a04.5 kg"].sd == 4.5
    assert got["2\u2009mg"].unit == "mg"
    assert (got["\u2265\u200965 years"].kind, got["\u2265\u200965 years"].op) == ("age", ">=")
    assert got["n\u202f=\u202f60"].value == 60
    assert got["\u2264 7%"].op == "<="


def test_micro_sign_and_superscripts():
    got = {m.text: m for m in parse_measures("5 \u00b5g/kg and 75 mg/m\u00b2 and 4.5 \u00d7 10\u2079/L")}
    assert got["5 \u00b5g/kg"].unit == "\u03bcg/kg"
    assert got["75 mg/m\u00b2"].unit == "mg/m2"
    assert got["4.5 \u00d7 10\u2079/L"].value == 4.5e9


def test_to_schema_round_trip():
    m = parse_measures("OR 2.1 (95% CI 1.2-3.4)")[0]
    assert isinstance(m, ParsedMeasure)
    sm = m.to_schema("M1")
    assert isinstance(sm, Measure)
    assert (sm.id, sm.kind, sm.value, sm.ci_low, sm.ci_high, sm.level, sm.stat) == ("M1", "ratio", 2.1, 1.2, 3.4, 95.0, "OR")
    assert sm.text == "OR 2.1 (95% CI 1.2-3.4)" and (sm.start, sm.end) == (0, 23)
