"""Abbreviation plausibility (claimex.annotate.longforms) on pairs scispaCy's detector produced
from the shared PubMed XML samples, and the detector hook on a real sentence."""

from __future__ import annotations

import pytest

from claimex.annotate.longforms import is_definition, letters_match, plausible_pair, plausible_short

KEPT = [("HACE", "hepatic arterial chemoembolization"), ("COVID-19", "coronavirus disease 2019"),
        ("5-HIAA", "5-hydroxyindoleacetic acid"), ("TERT", "telomerase reverse transcriptase"),
        ("DMAPP", "dimethylallyl diphosphate"), ("CaMKII", "Ca(2+)/calmodulin-dependent protein kinase II"),
        ("FOXO3a", "forkhead box transcription factor 3a"), ("CQ", "chloroquine diphosphate"),
        ("NT-proBNP", "N-terminal pro-brain natriuretic peptide"), ("mAb", "monoclonal antibody"),
        ("OAC", "omeprazole, amoxicillin, and clarithromycin")]  # EvidenceMap PMID 10889149
# pairs the detector made on the shared PubMed XML samples (PMIDs 22508830, 23415808, 30108519,
# 26083773, 26126785, 26702216, 26432120, 26432313)
DROPPED = [("EE", "every 28 days"), ("months", "months"), ("LEmin", "LT, conceptually comprehended as in the old days"),
           ("TL", "trend = 0.007 and 0.04, respectively"),
           ("Diptera", "deer flies are common names applied to members of the family Tabanidae"),
           ("range", "regarding the hemodynamic parameters between the groups. The median"),
           ("UIVA", "uncorrected distance (UDVA), uncorrected intermediate"), ("stages", "stage 1 in females"),
           ("days", "length of hospital stay"),
           # EvidenceMap (PMIDs 10213233, 10939601, 10643677, 10442506): a word repeated, a list that is no regimen
           ("eyes", "eyes, 24%"), ("response", "response, 25%"), ("CHO", "consumed, the 24 h carbohydrate"),
           ("MDA-basal", "malondialdehyde production test, either in basal conditions")]


@pytest.mark.parametrize("short,long", KEPT)
def test_real_abbreviations_kept(short, long):
    assert plausible_pair(short, long)


@pytest.mark.parametrize("short,long", DROPPED)
def test_implausible_pairs_dropped(short, long):
    assert not plausible_pair(short, long)


def test_letters_and_short_forms():
    assert letters_match("HACE", "hepatic arterial chemoembolization")
    assert not letters_match("HACE", "arterial chemoembolization")  # the first letter starts the long form
    assert not plausible_short("days") and not plausible_short("the") and plausible_short("iv")
    assert not plausible_pair("HACE", "HACE")  # never "X (X)"


def test_definition_site():
    text = "Histone deacetylase inhibitors (HDACi) were given. HDACi worked."
    start = text.index("HDACi")
    assert is_definition(text, start, start + 5, "Histone deacetylase inhibitors")
    later = text.rindex("HDACi")
    assert not is_definition(text, later, later + 5, "Histone deacetylase inhibitors")


def test_detector_drops_time_phrase_long_form(rules_nlp):
    # PMID 22508830 (shared PubMed XML samples): "every 28 days" is no long form of the arm label "EE"
    doc = rules_nlp("Previously treated patients with stage IIIB/IV non-small-cell lung cancer, no prior "
                    "EGFR-TKIs, and performance status ≤ 2 were randomly administered erlotinib 150 mg on days 1 "
                    "through 28 plus entinostat 10 mg orally on days 1 and 15 every 28 days (EE) or erlotinib "
                    "plus placebo (EP).")
    assert not any(a.text == "EE" for a in doc._.abbreviations)
    from scispacy.abbreviation import AbbreviationDetector

    raw = AbbreviationDetector(rules_nlp)(rules_nlp.make_doc(doc.text))  # scispaCy alone pairs them
    assert ("EE", "every 28 days") in {(a.text, a._.long_form.text) for a in raw._.abbreviations}


class _Mention:
    """Stands in for a spaCy Span: ``plausible`` reads only ``.text`` (and keeps the object)."""

    def __init__(self, text: str, start: int) -> None:
        self.text, self.start = text, start

    def __repr__(self) -> str:
        return f"{self.text}@{self.start}"


def test_plausible_judges_each_short_form_text_once():
    """Every mention of a short form repeats its text: the pair is judged once per text, and the kept
    mentions are those a per-mention judgement keeps."""
    from claimex.annotate import longforms

    groups = [(_Mention("transcatheter arterial chemoembolization", 0),
               {_Mention("TACE", k) for k in (5, 40, 77, 120)} | {_Mention("TAE", 9)}),
              (_Mention("response, 25%", 200), {_Mention("response", k) for k in (210, 260)}),
              (_Mention("Hepatocellular carcinoma", 300), {_Mention("HCC", 310), _Mention("HCC", 350)})]
    expected = [(lf, {s for s in shorts if longforms.plausible_pair(s.text, lf.text)}) for lf, shorts in groups]
    expected = [(lf, keep) for lf, keep in expected if keep]
    calls = []

    def counted(short: str, long: str) -> bool:
        calls.append((short, long))
        return longforms.plausible_pair(short, long)

    assert longforms.plausible(groups, judge=counted) == expected
    assert longforms.plausible(groups) == expected
    assert sorted(calls) == sorted({(s.text, lf.text) for lf, shorts in groups for s in shorts})
