"""Speed rewrites that must not change a match: gates.Alternation (NOT_SIGNIFICANT cut into keyword-gated runs
must match exactly as the single pattern of 5dc2a68 did) and the keyword gates of harms.HARMFUL and
polarity.BOTH_ARMS (same span as their pattern), on the sentences of the 537 real PubMed abstracts and
tricky cases."""

from __future__ import annotations

import re

import pytest

from claimex.assemble.claims.gates import Alternation, Gated
from claimex.assemble.claims.harms import HARMFUL
from claimex.assemble.claims.polarity import BOTH_ARMS
from claimex.assemble.claims.significance import NOT_SIGNIFICANT

#: what a trend leans towards; session 32 (issue 10) added slow ... differen ("only a trend towards slowing of decline")
_MORE_LESS = (r"(?:greater|higher|lower|more|less|fewer|better|worse|improv|reduc|increas|decreas|declin|ris|slow|"
              r"short|long|prolong|advantag|superior|benefi|differen)\w*")
#: the pattern as it stood in 5dc2a68 (one alternation), frozen here as the reference
ORIGINAL = re.compile(
    r"\b(?:no|not|nor|without)\s+(?:\w+\s+){0,3}?(?:statistically\s+)?significan\w*|\bnon-?\s?significant(?:ly)?\b|"
    r"\binsignificant(?:ly)?\b|\bn\.?s\.?(?=[\s,;)])|\bdid\s+not\s+(?:\w+\s+)?differ\b|\bno\s+(?:\w+\s+){0,2}?"
    r"(?:differences?|changes?|effects?|associations?|benefits?)\b|"
    # added in round 8 (issue 10): "without differences between groups"
    r"\bwithout\s+(?:\w+\s+){0,2}?differences?\b|"
    # added in session 20 (issue 10): "no between-group differences"
    r"\b(?:no|without)\s+(?:\w+\s+)?\w+(?:-\w+)+\s+differences?\b|"
    r"\b(?:similar|comparable|unchanged|not\s+different|indistinguishable)\b|"
    r"\b(?:is|are|was|were|be|been|remained|proved|produced|provided|showed|had|has|have|yielded|achieved|gave|"
    r"clinically|therapeutically|statistically)\s+equivalen\w*|\bequivalen\w*\s+(?:between|to|in\s+(?:both|the\s+two))\b|"
    r"\bfailed\s+to\s+(?:\w+\s+)?(?:reach|show|demonstrate|achieve)\b|\bremained\s+(?:stable|constant|unchanged)\b|"
    r"\bsignifican\w*\s+(?:\w+\s+){0,8}?(?:was|were)\s+not\s+(?:shown|found|observed|detected|seen|noted|demonstrated)\b|"
    r"\btrend(?:ed|s)?\s+(?:\w+\s+){0,2}?(?:towards?|to|for)\s+(?:an?\s+)?(?:\w+\s+)?" + _MORE_LESS + r"|"
    r"\btend(?:ed|s)?\s+to\s+(?:be\s+)?(?:\w+\s+)?" + _MORE_LESS + r"|"
    r"\bnot\s+(?:\w+\s+){0,3}?statistical(?:ly)?\s+(?:\w+\s+)?differen\w*|"
    r"\b(?:did|does|do|was|were)\s+not\s+(?:significantly\s+)?(?:affect|alter|influence|modify|change)\b|"
    # added after 5dc2a68 (issue 10): "did not have a clinically relevant effect on"
    r"\b(?:did|does|do)\s+not\s+have\s+(?:a|an|any)\s+(?:[\w-]+\s+){0,3}?(?:effect|impact|benefit)s?\s+(?:on|in)\b|"
    r"\b(?:did|does|do)\s+not\s+(?:result\s+in|lead\s+to|produce|provide)\s+(?:an?\s+|any\s+)?(?:added\s+|additional\s+|"
    r"further\s+|significant\s+)?(?:benefit|improvement|change|difference|effect)s?\b|"
    r"(?<!twice\s)(?<!times\s)\bas\s+(?:effective|efficacious|safe|good)\s+as\b|\bequally\s+(?:effective|efficacious)\b|"
    r"\bnot\s+(?:by|with|in)\s+(?:any\s+|a\s+)?(?:significant\s+)?changes?\s+(?:in|of)\b",
    re.IGNORECASE,
)

TRICKY = [
    "There was a trend towards a decrease in the mortality rate.",
    "Scores tended to be lower in group A; the difference was N.S. (p = 0.2).",
    "Mortality ns, morbidity n.s; the effect was nonsignificant.",
    "Non significant trends: TRENDS FOR HIGHER uptake.",
    "Efficacy was twice as effective as placebo but equally efficacious to B.",
    "No changes were seen; not by any significant change in HbA1c.",
    "The groups were not statistically different; did not differ; results remained stable.",
    "ſignificance was not found and there was no ſignificant effect.",  # long s: IGNORECASE matches s
    "Sıgnificant? no sıgnificant difference; Tended TO Rıse.",  # dotless i
    "The dose was equivalent to 5 mg; morphine equivalents were similar.",
    "significant differences in weight were not observed between groups",
    "failed to reach significance; did not result in any added benefit",
    "did not have a clinically relevant effect on kidney function; did not have any impact in",
    "Similar",
    "There were no between-treatment differences; no significant inter-group differences.",
    "",
]


@pytest.fixture(scope="module")
def sentences(pubmed_sentences):
    return pubmed_sentences


def _span(m):
    return None if m is None else m.span()


def test_joined_runs_are_the_original_pattern():
    assert NOT_SIGNIFICANT.pattern.pattern == ORIGINAL.pattern
    assert NOT_SIGNIFICANT.pattern.flags == ORIGINAL.flags


def test_same_match_as_the_original_on_real_and_tricky_sentences(sentences):
    texts = sentences + TRICKY + [t.upper() for t in TRICKY]
    hits = 0
    for text in texts:
        want = ORIGINAL.search(text)
        assert _span(NOT_SIGNIFICANT.search(text)) == _span(want), text
        hits += want is not None
    assert hits > 100  # the real sentences exercise the pattern, not only misses


def test_every_match_of_a_run_holds_one_of_its_keywords(sentences):
    # ASCII texts: for letters such as the long s the gate stays open whatever the keywords (Gated.closed)
    for run in NOT_SIGNIFICANT.runs:
        for text in [t for t in sentences + TRICKY if t.isascii()]:
            for m in run.pattern.finditer(text):
                assert any(k in m.group().lower() for k in run.keywords), (run.pattern.pattern[:40], m.group())


def test_leftmost_wins_and_a_tie_goes_to_the_earlier_run():
    alt = Alternation([Gated(re.compile(r"\bab", re.I), ("ab",)), Gated(re.compile(r"\babc|\bx", re.I), ("abc", "x"))])
    assert alt.search("x abc").group() == "x"
    assert alt.search("abc x").group() == "ab"
    assert alt.search("zzz") is None


GATED_TRICKY = [
    "SBP", "DBP fell", "BP", "hypertension", "hypotrophy", "hypertrophy", "arthritis", "HAM-D", "HAMA score", "CGI-S",
    "side-effects", "side effect", "tumour size", "tumor size", "Systolic", "diastolic", "drop-out", "Haemorrhage",
    "reaction time", "dose of morphine", "ſide effects", "Kelvin Kſ", "in both.", "In Both groups", "in all treatment "
    "groups", "irrespective of allocation", "regardleſs of arm", "in eıther arm", "ALL GROUPS", "",
]


@pytest.mark.parametrize("gated", [HARMFUL, BOTH_ARMS], ids=["HARMFUL", "BOTH_ARMS"])
def test_polarity_gates_never_hide_a_match(gated, sentences):
    hits = 0
    for text in sentences + GATED_TRICKY + [t.upper() for t in GATED_TRICKY]:
        want = gated.pattern.search(text)
        assert _span(gated.search(text)) == _span(want), text
        hits += want is not None
    assert hits > 20  # 57 for BOTH_ARMS, far more for HARMFUL
    for text in [t for t in sentences + GATED_TRICKY if t.isascii()]:
        for m in gated.pattern.finditer(text):
            assert any(k in m.group().lower() for k in gated.keywords), m.group()


#: types.RESULT_STRONG as it stood in main 100cd63 (one alternation under one gate), frozen as the reference
RESULT_STRONG_100CD63 = re.compile(
    r"\b(?:(?:statistically\s+)?significant(?:ly)?|non-?significant|no\s+(?:\w+\s+){0,2}differences?|"
    r"did\s+not\s+differ|(?:was|were|remained)\s+(?:\w+\s+)?(?:similar|comparable|unchanged|equivalent)|"
    r"(?:higher|lower|greater|fewer|less|more|shorter|longer|better|worse|larger|smaller)\s+(?:\w+\s+){0,3}?"
    r"(?:than|in|with|among|for|after|during|compared)|"
    r"(?:was|were)\s+(?:\w+\s+)?(?:more|less)\s+(?:common|frequent|prevalent|likely)|"
    r"increased|decreased|reduced|improved|worsened|unchanged|"
    r"superior|inferior|associated\s+with|odds\s+ratio|hazard\s+ratio|relative\s+risk|risk\s+reduction|"
    r"(?:rose|fell|declined|dropped)|(?:increase|decrease|reduction|improvement|rise|decline)\s+(?:in|of)|"
    r"differed|differences?\s+(?:in|between|was|were)|no\s+(?:\w+\s+)?(?:effects?|benefits?|changes?)|"
    r"(?:did|does|do)\s+not\s+(?:significantly\s+)?(?:alter|affect|change|influence|modify|improve|reduce|increase|"
    r"decrease|prevent)|(?:was|were)\s+not\s+(?:significantly\s+)?(?:altered|affected|changed|influenced|modified))\b",
    re.IGNORECASE,
)
RESULT_TRICKY = [
    "Pain was significantly lower in A than in B; there were no differences.", "did not differ; WERE SIMILAR",
    "reactions were more common, and less likely", "Odds Ratio 2.1; hazard ratio; relative risk reduction",
    "Weight rose and fell; a decline in HbA1c; an improvement of 3", "differences between groups; differed",
    "no further benefits; no changes", "did not significantly alter; were not modified", "ſignificant; fewer ſide",
    "non-significant; nonsignificant; more than; less in", "increasedly; reducedness", "",
]


def _same_as_reference(alternation, reference, tricky, sentences, min_hits, runs, same_words=False):
    """``alternation`` finds what the frozen ``reference`` found (same span; with ``same_words`` the same matched
    words) on the real sentences and the tricky ones (also upper-cased), the real ones hit it at least
    ``min_hits`` times, and every match of each of ``runs`` holds one of its keywords (the gates' promise, on
    ASCII text)."""
    assert isinstance(alternation, Alternation)
    hits = 0
    for text in sentences + tricky + [t.upper() for t in tricky]:
        want, got = reference.search(text), alternation.search(text)
        assert _span(got) == _span(want), text
        if same_words:
            assert (got and got.group(0)) == (want and want.group(0))
        hits += want is not None
    assert hits > min_hits
    for run in runs:
        for text in [t for t in sentences + tricky if t.isascii()]:
            for m in run.pattern.finditer(text):
                assert any(k in m.group().lower() for k in run.keywords), (run.pattern.pattern[:40], m.group())


def test_result_strong_runs_match_as_the_single_pattern(sentences):
    from claimex.assemble.claims.resultcues import RESULT_STRONG

    _same_as_reference(RESULT_STRONG, RESULT_STRONG_100CD63, RESULT_TRICKY, sentences, 100, RESULT_STRONG.runs)


#: types.ADMIN as it stood in main 100cd63 (one pattern under one gate), frozen as the reference
ADMIN_100CD63 = re.compile(
    r"\b(?:NCT\s?\d{8}|ISRCTN\s?\d+|ACTRN\s?\d+|ChiCTR|EudraCT|UMIN\s?\d+|DRKS\s?\d+|CTRI/|ClinicalTrials\.gov|"
    r"trial\s+registration|registered\s+(?:at|with|in|on|under)\b)|^\W*(?:this\s+(?:\w+\s+)?(?:was|is)\s+)?"
    r"(?:funded|supported|sponsored|financed)\s+(?:in\s+part\s+)?by\b|\b(?:was|were|is)\s+(?:funded|sponsored|"
    r"financed)\s+by\b|"
    r"^\W*(?:fig(?:ure)?s?\.?|table)\s*\d|\b(?:was|were|is|are)\s+(?:considered|regarded|defined|set|accepted|taken)\s+"
    r"(?:as\s+|to\s+be\s+|at\s+)?(?:statistically\s+)?significan|\bsignificance\s+(?:level\s+)?(?:was|is)\s+set",
    re.IGNORECASE,
)
ADMIN_TRICKY = [
    "P < 0.05 was considered statistically significant.", "Significance level was set at 0.05; NCT01234567",
    "Funded by the NIH. Trial registration: ISRCTN12345", "Table 2 shows", "Fig. 3", "This study was supported by X",
    "values were taken as significant; the onset was set", "p<0.05 was conſidered ſignificant", "",
]


def test_admin_runs_match_as_the_single_pattern(sentences):
    from claimex.assemble.claims.types import ADMIN

    _same_as_reference(ADMIN, ADMIN_100CD63, ADMIN_TRICKY, sentences, 10, ADMIN.runs)


#: types.CONCLUSION as it stood in main 100cd63 (one pattern under one gate), frozen as the reference
CONCLUSION_100CD63 = Gated(re.compile(
    r"^\W*(?:[A-Z]{4,}\s+)?(?:in\s+conclusions?|to\s+conclude|we\s+conclude|in\s+summary|to\s+summari[sz]e|"
    r"taken\s+together|in\s+sum\b|overall\s*,|these\s+(?:results|data|findings|observations)|"
    r"(?:our|the\s+present|the)\s+(?:results|data|findings|study)\s+(?:suggest|indicate|show|demonstrate|"
    r"support|confirm|provide)|this\s+(?:study|trial|work)\s+(?:shows?|showed|demonstrates?|suggests?|indicates?|"
    r"provides?|confirms?|supports?))"
    r"|\bwe\s+conclude\b|\b(?:further|future|larger|additional|more)\s+(?:\w+\s+){0,3}(?:studies|research|trials?|"
    r"investigations?|work)\b.{0,120}\b(?:needed|required|warranted|necessary|help|beneficial|useful|valuable|"
    r"worthwhile)\b"  # round 8: "Additional research in ... also may be beneficial"
    r"|\b(?:should|could)\s+be\s+(?:considered|recommended|used|offered|preferred)\b|\b(?:is|are)\s+recommended\b",
    re.IGNORECASE,
), ("conclu", "summar", "in sum", "together", "overall", "these", "result", "data", "finding", "study", "this ",
    "needed", "required", "warranted", "necessary", "help", "beneficial", "useful", "valuable", "worthwhile", "should",
    "could", "recommended"))
CONCLUSION_TRICKY = [
    "In conclusion, X works.", "IN\tSUM\nwe conclude", "In  sum, it works", "this\nstudy shows X", "This  trial showed",
    "Further larger studies are needed to confirm; X should be considered.", "Y is recommended", "we ConClude",
    "More research in this area will help clarify", "These data suggest", "OVERALL , fine", "ſhould be used", "",
]


def test_conclusion_runs_match_as_the_single_gated_pattern(sentences):
    # the reference is the old gate + pattern (its gate missed "in  sum" / "this\nstudy": kept as it was);
    # _recommendation reads the matched words; the first run keeps the old gate's keywords
    from claimex.assemble.claims.types import CONCLUSION

    _same_as_reference(CONCLUSION, CONCLUSION_100CD63, CONCLUSION_TRICKY, sentences, 20, CONCLUSION.runs[1:],
                       same_words=True)
