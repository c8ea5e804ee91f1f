"""Weak INTERVENTION spans (the tagger's second, lower-threshold decode of its INTERVENTION head) in the claims layer:
taken only where they repeat an arm the abstract tagged in another sentence and their sentence reports a result in
figures; never in the token-level PICO layer. Sentences are real ones from ``../shared`` outside the findings gold
(PICO-Corpus 23053638 and 30832580).

The tagger's spans and its weak spans are given by hand, so the rule is tested alone; the last test runs the shipped
model."""

from __future__ import annotations

import pytest

from claimex.annotate.entities import WEAK_ARMS_KEY, claim_entities, get_entities, set_entities
from claimex.annotate.outcome_lists import OutcomeLists


@pytest.fixture(scope="module")
def nlp(blank_nlp):
    return blank_nlp


def run(nlp, parts: list[str], tagged: list[tuple[int, str, str]], weak: list[tuple[int, str]]):
    """The doc of the sentences ``parts`` (joined by spaces) after the outcome-list component, given the tagger's
    spans ``(part, label, text)`` and its weak INTERVENTION spans ``(part, text)``: the first occurrence of the text
    in that part, or after the words before "|" ("with |EC-D")."""
    text = " ".join(parts)
    starts = [sum(len(p) + 1 for p in parts[:k]) for k in range(len(parts))]

    def span(k, piece, label):
        before, _, piece = piece.rpartition("|")
        a = text.index(before + piece, starts[k]) + len(before)
        out = doc.char_span(a, a + len(piece), label=label)
        assert out is not None, piece
        return out

    doc = nlp(text)
    doc.user_data["parts"] = starts
    spans = [span(k, piece, label) for k, label, piece in tagged]
    set_entities(doc, spans, scores=[0.9] * len(spans), subtypes=[None] * len(spans))
    if weak:
        set_entities(doc, [span(k, piece, "INTERVENTION") for k, piece in weak], scores=[0.28] * len(weak),
                     key=WEAK_ARMS_KEY)
    return OutcomeLists()(doc)


def arms(doc, part: int | None = None) -> list[str]:
    """The claims layer's arm texts (of one of the parts ``run`` joined, by index; the sentence splitter joins
    "... EC-DCb). pCR rate ..." into one sentence, as in the abstract)."""
    bounds = doc.user_data["parts"] + [len(doc.text)]
    return [x.span.text for x in claim_entities(doc) if x.label in ("INTERVENTION", "COMPARATOR")
            and (part is None or bounds[part] <= x.span.start_char < bounds[part + 1])]


# PICO-Corpus 23053638: the design sentence tags "EC-D"; the result sentence writes it again and the tagger scored it
# under its threshold there (the main decode's propagation copies no word without three letters in a row: "ec-d")
DESIGN = ("Patients were randomized to receive EC (epirubicin 90 mg/m(2) plus cyclophosphamide 600 mg/m(2) for 4 "
          "cycles) followed either by D (docetaxel 100 mg/m(2) × 4 cycles; EC-D) or DCb (docetaxel 75 mg/m(2) plus "
          "carboplatin AUC 6 × 4 cycles; EC-DCb).")
ENDPOINT = ("The primary end point was pathological complete response (pCR) in the breast following the Miller and "
            "Payne criteria.")
RESULT = ("Ninety-four patients were randomized (46 EC-D, 48 EC-DCb). pCR rate in the breast was seen in 16 patients "
          "(35 %) with EC-D and 14 patients (30 %) with EC-DCb (P value = 0.61).")
CONCLUSION = ("The addition of carboplatin to conventional chemotherapy with EC-D in basal-like breast cancer patients "
              "did not improve the efficacy probably because they had already received an alkylating agent.")
TAGGED = [(0, "INTERVENTION", "EC"), (0, "INTERVENTION", "EC-D"), (0, "INTERVENTION", "EC-DCb"),
          (2, "OUTCOME", "pCR rate"), (2, "INTERVENTION", "with |EC-DCb")]


def test_a_weak_repeat_of_a_tagged_arm_is_an_arm_in_a_sentence_with_figures(nlp):
    assert arms(run(nlp, [DESIGN, ENDPOINT, RESULT], TAGGED, []), 2) == ["EC-DCb"]
    doc = run(nlp, [DESIGN, ENDPOINT, RESULT], TAGGED, [(2, "with |EC-D")])
    assert arms(doc, 2) == ["EC-D", "EC-DCb"]
    assert [x.span.text for x in get_entities(doc)] == ["EC", "EC-D", "EC-DCb", "pCR rate", "EC-DCb"]  # PICO layer


def test_no_weak_arm_in_a_sentence_without_figures(nlp):
    # the conclusion writes the arm again, but reports no test, estimate or values side by side
    doc = run(nlp, [DESIGN, ENDPOINT, CONCLUSION], TAGGED[:3], [(2, "EC-D")])
    assert arms(doc, 2) == []


def test_a_weak_span_no_tagged_arm_of_another_sentence_names_is_no_arm(nlp):
    # "breast" is a word of no tagged arm; "EC-D" tagged only in the result sentence itself is no repeat of an arm
    # of another sentence (the sentence's own mention is the tagger's)
    doc = run(nlp, [DESIGN, ENDPOINT, RESULT], TAGGED, [(2, "breast")])
    assert arms(doc, 2) == ["EC-DCb"]
    doc = run(nlp, [DESIGN, ENDPOINT, RESULT], [(2, "INTERVENTION", "46 |EC-D"), (2, "INTERVENTION", "with |EC-DCb")],
              [(2, "with |EC-D")])
    assert arms(doc, 2) == ["EC-D", "EC-DCb"]


# PICO-Corpus 30832580: the groups are labels ("group I", "group II"); a weak "II" is a bare label, not an arm
LABELS = "In group II, ESP block was performed with 0.25% bupivacaine."
LABELLED = ("The mean tramadol consumption at the postoperative 24th h was 149.52 ± 25.39 mg in group I, and 199.52 ± "
            "32.78 mg in group II (p = 0.001).")


def test_a_bare_label_is_no_weak_arm(nlp):
    doc = run(nlp, [LABELS, LABELLED], [(0, "INTERVENTION", "group II"), (0, "INTERVENTION", "ESP block"),
                                        (1, "OUTCOME", "mean tramadol consumption")], [(1, "II")])
    assert arms(doc, 1) == []


# PICO-Corpus 16109560 (findings tune half, OPEN), the whole abstract: the design names "epirubicin-activated carbon
# suspension (Epi-CH)"; the result sentences write "in Epi-CH group", which the tagger scored 0.29-0.31
ABSTRACT = ("[Effect of preoperative lymphatic chemotherapy on Bcl-2 and Bax expression in axillary metastasis of breast "
            "cancer]. To observe the expression of Bcl-2 and Bax proteins and cell apoptosis induced by preoperative "
            "lymphatic chemotherapy with epirubicin-activated carbon suspension (Epi-CH) in the cells of axillary "
            "metastatic lymph node of breast cancer and investigate the mechanism. Sixty patients with breast cancer of "
            "stages II-III were randomly divided into two groups. Forty patients in Epi-CH group were injected with 10 mg "
            "Epi-CH in the tissue around the primary tumor or biopsy excision 72 h before operation. Twenty patients in the"
            " control group were injected with 10 mg epirubicin solution in the same region. The stained lymph nodes full "
            "of tumor cells in Epi-CH group and the non-stained nodes in the control group were selected for apoptotic "
            "detection by TUNEL method. The expression of Bcl-2 and Bax proteins were examined by SP immunohistochemistry. "
            "The apoptotic index of the metastatic cancer cells in Epi-CH group was increased remarkably in comparison with"
            " that in the control group [(9.5+/-2.7) % vs (3.8+/-1.4) %, P<0.01). Compared with the control group, the "
            "expression of Bcl-2 and Bax proteins were up-regulated significantly in Epi-CH group (P<0.05 and P<0.01, "
            "respectively), resulting in decreased ratio of Bcl-2/Bax. Lymphatic chemotherapy can promote cell apotosis in "
            "axillary metastasis of breast cancer, which may result from decreased ratio of Bcl-2/Bax.")


def test_the_shipped_model_decodes_weak_arms(shipped_model_path):
    # the whole pipeline: "Epi-CH" of the two result sentences (P values) is a weak arm of the claims layer, not of
    # the PICO layer; the methods sentence's weak "Epi-CH" (no figures) is not taken
    from claimex.annotate import load_nlp

    nlp = load_nlp(shipped_model_path)
    doc = nlp(ABSTRACT)
    assert nlp.get_pipe("claimex_pico").cfg["weak_intervention"] == 0.2
    methods = ABSTRACT.index("Epi-CH group and the non-stained")
    results = [ABSTRACT.index("Epi-CH group was increased"), ABSTRACT.index("Epi-CH group (P<0.05")]
    weak = [s.start_char for s in doc.spans[WEAK_ARMS_KEY]]
    assert methods in weak and all(at in weak for at in results)
    arms_at = [x.span.start_char for x in claim_entities(doc) if x.label == "INTERVENTION"]
    assert all(at in arms_at for at in results) and methods not in arms_at
    assert not {methods, *results} & {x.span.start_char for x in get_entities(doc)}
