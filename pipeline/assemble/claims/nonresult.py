"""Sentences that report no result of the study, whatever their numbers and words (used by
:mod:`claimex.assemble.claims.types`, ``reports_nothing`` and the background zone): baseline comparisons, enrolment
and flow, descriptions of the sample, registration / funding / captions / significance levels, background
statements. Each cue is keyword-gated (:class:`.base.Gated`, :class:`.base.Alternation`)."""

from __future__ import annotations

import re

from .gates import Alternation, Anchored, Gated, GatedBoth

#: baseline comparisons: "groups were similar at baseline", "no significant differences in patient characteristics";
#: every alternative has a baseline word and a likeness word (similar, comparable, ..., differ): both gate it
BASELINE = GatedBoth(re.compile(
    r"(?:\bat\s+baseline|\bdemography|\bdemographics?(?:\s+(?:data|variables|characteristics|features))?|"
    r"(?<!from\s)(?<!over\s)\bbaseline\s+(?:\w+\s+)?(?:characteristics|variables|data|values|"
    r"demographics|features|parameters|measures|levels?|scores?|severity))\b(?:[^.;]|(?<=\d)\.(?=\d)){0,80}?\b(?:similar|comparable|"
    r"balanced|"
    r"well[- ]matched|matched|homogeneous|did\s+not\s+differ|no\s+(?:\w+\s+){0,2}differen)|"
    r"\b(?:similar|comparable|balanced|well[- ]matched|homogeneous|no\s+(?:\w+\s+){0,2}differences?|did\s+not\s+differ)"
    r"\b(?:[^.;]|(?<=\d)\.(?=\d)){0,100}?(?:\bat\s+baseline|(?<!from\s)(?<!over\s)\bbaseline\s+(?:\w+\s+)?(?:characteristics|variables|"
    r"data|"
    r"values|demographics|features)|\bdemographics?|\bdemographic\s+(?:data|variables)|\b(?:patient|patients'|clinical|"
    r"baseline|demographic|background)\s+characteristics|\b(?:characteristics|demographics)\s+(?:of|between)|"
    r"\boperative\s+details|\b(?:in|of)\s+(?:the\s+)?baseline\s+[a-z]+|\bdemography)\b"
    # a baseline or demographic difference denied: "There were no demographic data differences between groups"
    r"|\bno\s+(?:significant\s+)?(?:demographic|baseline)\s+(?:\w+\s+){0,2}differen"
    # sample attributes compared, a list led by age / sex: "were of similar age ( 54.0 +/- 0.8 years ) , height",
    # "no significant differences between age, weight, body mass index"; "demographically comparable"
    r"|\b(?:similar|comparable|no\s+(?:\w+\s+){0,2}differences?\s+(?:between|in|of|regarding)|did\s+not\s+differ\s+"
    r"(?:in|regarding))\s+(?:the\s+)?(?:mean\s+)?(?:age|sex|gender)\s*(?:[,(]|and\b|or\b)"
    r"|\bdemographically\s+(?:similar|comparable|matched|balanced)\b",
    re.IGNORECASE,
), ('baseline', 'demograph', 'characteristics', 'operative', 'age', 'sex', 'gender'),
    ('similar', 'comparable', 'balanced', 'matched', 'homogeneous', 'differ'))
#: comparison words ("vs", "compared", "than", "respectively") and contrast words ("but", "whereas", ";")
COMPARES = re.compile(r"\b(?:vs\.?|versus|compared|than|respectively)(?![\w-])", re.IGNORECASE)
CONTRAST = re.compile(r"\b(?:but|whereas|while|however|although)\b|;"
                      # session 11: values after treatment beside the baseline ones report ("no significant difference
                      # between two groups in the baseline value or after propofol or placebo injection")
                      r"|\b(?:or|and)\s+after\b", re.IGNORECASE)
#: enrolment and flow: "120 were randomised; 86 completed", "seven could not be included", "lost to follow-up"
#: (round 9: the cues below are cut into runs gated apart, each run's keywords in every match of it)
FLOW = Alternation([GatedBoth(re.compile(
    r"\b(?:were|was|been|being)\s+(?:\w+\s+)?(?:randomi[sz]ed|enrolled|recruited|included|excluded|screened|entered|"
    r"allocated|assigned|approached|eligible)\b", re.IGNORECASE,
), ('randomi', 'enrol', 'recruit', 'includ', 'exclud', 'screen', 'enter', 'allocat', 'assign', 'approach', 'eligib'),
    ('were', 'was', 'been', 'being')), Gated(re.compile(
    r"\bunderwent\s+randomi[sz]ation|\bcompleted\s+(?:the\s+|"
    r"all\s+)?(?:\w+\s+)?"
    r"(?:study|trial|follow-?\s?up|protocol|questionnaires?|assessments?|intervention|programme|program)|\bwithdr[ea]w|"
    r"\bdropped\s+out|\bdrop-?outs?\b|\blost\s+to\s+follow|\bdiscontinued\s+(?:the\s+)?(?:study|trial)|"
    r"\bcould\s+not\s+be\s+(?:included|analy[sz]ed|evaluated|assessed|followed)",
    re.IGNORECASE,
), ('underwent', 'completed', 'withdr', 'drop', 'lost', 'discontinued', 'could')), GatedBoth(re.compile(
    r"\b(?:available|analy[sz]ed|"
    r"evaluable)\s+for\s+"
    r"(?:the\s+)?(?:\w+\s+)?(?:analys[ie]s|follow-?\s?up|evaluation)", re.IGNORECASE,
), ('available', 'analy', 'evaluable'), ('for',)), Gated(re.compile(
    r"\bdata\s+(?:from|of|on)\s+\d+|"
    r"\bentered\s+(?:the|into)\s+"
    r"(?:study|trial)|\bparticipated\s+in\b",
    re.IGNORECASE,
), ('data', 'entered', 'participated'))])
#: a description of the sample: "The mean age of patients was 36.68 ± 10.8 years", "Forty percent were male"
SAMPLE = Alternation([GatedBoth(re.compile(  # runs gated apart (round 9): "age" alone opens on "percentage"
    r"\b(?:mean|median|average)\s+(?:\(?±?\s*SD\)?\s+|±\s*SD\s+)?age\b", re.IGNORECASE), ('mean', 'median', 'average'),
    ('age',)), GatedBoth(re.compile(
    r"\bage[sd]?\s+(?:was|were|of\s+(?:the\s+)?(?:patients|participants|subjects))\b", re.IGNORECASE), ('age',),
    ('was', 'were', 'patients', 'participants', 'subjects')), GatedBoth(re.compile(
    r"\b(?:were|was)\s+(?:male|female|men|women|boys|girls|white|black)\b", re.IGNORECASE),
    ('male', 'men', 'boys', 'girls', 'white', 'black'), ('were', 'was')),
    # (session 11) an age given as a value or a mean ± SD: "(n = 37; age = 27.1 ± 4.2; height = 165.1 ± 6.4)",
    # "ages 26.8 ± 5.9 years", "50 overweight to obese subjects (46 ± 9 years of age; BMI, 32.5 ± 3.3 kg/m2)"
    Gated(re.compile(r"\bage[sd]?\s*[=:]\s*\d|\bages?\s+(?:of\s+)?\d+(?:\.\d+)?\s*(?:±|\+/-)|"
                     r"\d\s*(?:±|\+/-)\s*\d+(?:\.\d+)?\s*(?:years?|yrs?)\s+of\s+age\b", re.IGNORECASE), ('age',))])
#: trial registration, funding, figure and table captions, significance levels (two keyword-gated runs)
ADMIN = Alternation([Gated(re.compile(  # "fig", "table" alone open on "significant", "stable"
    r"\b(?:NCT\s?\d{8}|ISRCTN\s?\d+|ACTRN\s?\d+|ChiCTR|EudraCT|UMIN\s?\d+|DRKS\s?\d+|CTRI/|ClinicalTrials\.gov|"
    r"trial\s+registration|registered\s+(?:at|with|in|on|under)\b)", re.IGNORECASE,
), ('nct', 'isrctn', 'actrn', 'chictr', 'eudract', 'umin', 'drks', 'ctri/', 'clinicaltrials', 'regist')),
    Anchored(re.compile(
    r"^\W*(?:this\s+(?:\w+\s+)?(?:was|is)\s+)?"
    r"(?:funded|supported|sponsored|financed)\s+(?:in\s+part\s+)?by\b", re.IGNORECASE,
), ('funded', 'supported', 'sponsored', 'financed')), Gated(re.compile(
    r"\b(?:was|were|is)\s+(?:funded|sponsored|"
    r"financed)\s+by\b", re.IGNORECASE), ('funded', 'sponsored', 'financed')), Anchored(re.compile(
    r"^\W*(?:fig(?:ure)?s?\.?|table)\s*\d", re.IGNORECASE,
), ('fig', 'table')), Gated(re.compile(  # "significan" alone is common
    r"\b(?:was|were|is|are)\s+(?:considered|regarded|defined|set|accepted|taken)\s+"
    r"(?:as\s+|to\s+be\s+|at\s+)?(?:statistically\s+)?significan|\bsignificance\s+(?:level\s+)?(?:was|is)\s+set",
    re.IGNORECASE), ("considered", "regarded", "defined", "set", "accepted", "taken"))])
#: background statements: "No effective therapy exists for X", "little is known", "X is a major cause of"
BACKGROUND_CUE = Gated(re.compile(
    r"\b(?:no|few|limited)\s+(?:\w+\s+)?(?:effective|proven|established|approved|specific|satisfactory|standard|"
    r"curative|"
    r"evidence-based)\s+(?:\w+\s+)?(?:treatments?|therap\w*|options?|interventions?|drugs?|cures?|management|"
    r"prevention)\b|"
    r"\b(?:little|less|nothing|much)\s+is\s+known|\b(?:is|are|remains?)\s+(?:still\s+|largely\s+|currently\s+)?"
    r"(?:unknown|unclear|not\s+(?:well\s+|fully\s+)?(?:known|understood|established)|controversial|debated|uncertain)|"
    r"\b(?:is|are|remains?)\s+(?:a|an|the|one\s+of\s+the)\s+(?:\w+\s+)?(?:major|leading|common|commonest|most\s+common|"
    r"important|significant|frequent|serious|growing)\s+(?:\w+\s+){0,3}?(?:causes?|problems?|complications?|burden|"
    r"challenges?|concerns?|reasons?)\b",
    re.IGNORECASE,
), ('effective', 'proven', 'established', 'approved', 'specific', 'satisfactory', 'standard', 'curative',
    'evidence-based', 'known', 'unclear', 'understood', 'controversial', 'debated', 'uncertain', 'cause', 'problem',
    'complication', 'burden', 'challenge', 'concern', 'reason'))
#: (session 11) an outcome or end point defined, not reported: "The primary endpoint was the overall cumulative
#: failure rate at day 56", "Secondary efficacy measure was reduced stiffness", "Positive responses were defined as an
#: increase in HR >= 20 bpm", "An AFXa level between 0.1 to 0.3 IU/ml was considered evidence of effective activity";
#: not "The primary end point was met / reached / significantly ...", which reports it
DEFINITION = Alternation([Anchored(re.compile(
    r"^\W*(?:the\s+|our\s+)?(?:[\w-]+\s+){0,2}?(?:primary|secondary|main|principal|co-?primary|key)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:end\s*-?\s*points?|outcomes?(?:\s+(?:measures?|variables?))?|objectives?|measures?|measurements?|variables?|"
    r"parameters?|criteri(?:on|a)|comparisons?|hypothes[ie]s)\s+(?:of\s+(?:the|this)\s+(?:study|trial)\s+)?"
    r"(?:was|were|is|are|included|comprised|consisted\s+of)\s+"
    r"(?!(?:not\s+)?(?:\w+ly\s+)?(?:achieved|reached|met|attained|observed|seen|found|noted|similar|comparable|"
    r"higher|lower|better|worse|greater|improved|reduced|increased|decreased|more|less|different|unchanged|"
    r"superior|inferior|equivalent|statistically|significant|(?:the\s+)?(?:same|identical|lowest|highest)|no\b|"
    r"none\b|\d))", re.IGNORECASE),
    ("primary", "secondary", "main", "principal", "key")), Gated(re.compile(
        r"\b(?:was|were|is|are)\s+(?:\w+ly\s+)?defined\s+(?:(?:either|both)\s+)?(?:as|by|according|if|when)\b|"
        r"\b(?:was|were)\s+considered\s+(?:as\s+)?(?:evidence|indicative|a\s+(?:positive|negative|response|"
        r"success|failure))\b", re.IGNORECASE), ("defined", "considered"))])
#: (session 11) how the data were analysed: a statistical test or model named with a method frame ("One-way analysis
#: of variance was used to compare shear bond strengths", "Enamel hardness data were analyzed by ANOVA and Tukey
#: tests", "Statistical analyses were performed using the repeated measures ANOVA or Mann-Whiney tests (*p<0.05)")
STATS_TEST = Gated(re.compile(
    r"\b(?:t[-– ]?tests?|anova|analys[ie]s\s+of\s+(?:co)?variance|chi[-– ]?squared?|mann[-– ]?whitney|wilcoxon|"
    r"kruskal[-– ]?wallis|hodges[-– ]lehmann|fisher'?s?\s+exact|(?:logistic|linear|cox(?:'s)?|poisson|multivariate|"
    r"multivariable|univariat\w*)\s+"
    r"(?:proportional\s+hazards?\s+)?(?:regressions?|models?)|regression\s+models?|kaplan[- ]?meier|log[- ]?rank|"
    r"mixed[- ](?:effects?\s+)?models?|generali[sz]ed\s+estimating|(?:statistical|univariat\w*|multivariat\w*|"
    r"validity|sensitivity|regression|subgroup)\s+analys[ie]s|tukey|bonferroni|"
    r"student'?s|intention[- ]to[- ]treat\s+(?:analys[ie]s|principle|basis))", re.IGNORECASE),
    ("test", "anova", "variance", "chi", "whitney", "wilcoxon", "wallis", "lehmann", "exact", "regression", "model",
     "meier", "rank", "estimating", "analys", "tukey", "bonferroni", "student", "intention", "univariat"))
STATS_FRAME = Gated(re.compile(
    r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:used|performed|applied|conducted|carried\s+out|employed|done|fitted|"
    r"undertaken|calculated|estimated|computed)\b|\b(?:analy[sz]ed|compared|evaluated|assessed|tested|examined|"
    r"calculated|estimated|determined|modell?ed)\s+(?:\w+\s+){0,3}?(?:by|using|with|via)\s+(?:the\s+|a\s+)?"
    r"(?:[\w'-]+\s+){0,3}?(?:tests?|anova|analys[ie]s|models?|regressions?)\b|\b(?:we|they)\s+(?:used|ran|fitted|"
    r"performed|applied)\b|\b(?:analys[ie]s|models?|tests?)\s+(?:examined|tested|compared|assessed|evaluated|"
    r"estimated|explored)\b", re.IGNORECASE),
    ("used", "performed", "applied", "conducted", "carried", "employed", "done", "fitted", "undertaken",
     "calculated", "estimated", "computed", "analy", "compared", "evaluated", "assessed", "tested", "examined",
     "determined", "model", "ran", "explored"))
#: result words that make a statistics sentence a report ("were analysed by ANOVA and showed a significant ...")
STATS_RESULT = Gated(re.compile(
    r"\b(?:significant(?:ly)?|showed|shows?|revealed|demonstrated|indicated|found|higher|lower|greater|fewer|"
    r"better|worse|improved|reduced|increased|decreased)\b", re.IGNORECASE),
    ("significant", "show", "revealed", "demonstrated", "indicated", "found", "higher", "lower", "greater",
     "fewer", "better", "worse", "improved", "reduced", "increased", "decreased"))
#: (session 11) values at the start of treatment named after the subject: "Mean [95% CI] pain scores on day 0 were 5.4
#: ... and 5.7", "The frequency of orgasmic disorder before the intervention was 41.5%, 40.5%, and 57.1%", "Mean
#: plasma glucose at time of glucagon administration was 48 ± 8 and 49 ± 8 mg/dL" (typing reads them as it reads a
#: sentence opening "At baseline, ...":
#: no claim without change words); not a bare "at diagnosis", which names patients ("with high C-peptide at diagnosis")
AT_START = Gated(re.compile(  # the time inside the subject, before its verb: not "VAS scores on Day 0 (...), ... did
    # not differ" in a list, nor "No differences were found in melatonin for the night before surgery"
    r"^[^,;]{0,100}?(?:\b(?:at|on)\s+(?:the\s+)?(?:time\s+of\s+(?:diagnosis|randomi[sz]ation|inclusion|enrol\w*|"
    r"admission|\w+\s+administration)|study\s+entry|day\s+(?:0|zero)\b)|\bbefore\s+(?:the\s+)?(?:start\s+of\s+)?"
    r"(?:radiotherapy|chemotherapy|treatment|surgery|randomi[sz]ation|the\s+intervention|intervention)\b)"
    r"[^,;]{0,60}?\b(?:was|were)\b", re.IGNORECASE),
    ("diagnosis", "randomi", "inclusion", "enrol", "admission", "administration", "entry", "day", "before"))
#: what a methods-cue sentence without result measures needs to report: result or likeness words (session 11;
#: "Improvement in QOL was assessed by the IBS-QOL instrument" has none)
REPORTED_WORDS = re.compile(r"\b(?:significant\w*|trends?|associated|similar|comparable|differ\w*|no|not|none|showed|"
                            r"revealed|demonstrated|found|higher|lower|greater|fewer|less|more|better|worse|improved|"
                            r"reduced|increased|decreased|than|versus|vs)\b", re.IGNORECASE)


def defines_or_analyses(text: str, measures, result_kinds: frozenset[str]) -> bool:
    """An outcome defined (:data:`DEFINITION`) without a CI or a p-value with "=", or how the data were analysed
    (:data:`STATS_TEST` in a :data:`STATS_FRAME`, no :data:`STATS_RESULT` words, no CI or ratio, p-values only as
    bounds: "(*p<0.05)", under two result measures of ``result_kinds``): session 11."""
    kinds = {m.kind for m in measures}
    bounds = all("=" not in m.text for m in measures if m.kind == "p_value")  # "(significance level P<0.01)"
    if DEFINITION.found(text):
        return "ci" not in kinds and bounds
    if kinds & {"ci", "ratio"} or not bounds or sum(m.kind in result_kinds for m in measures) >= 2:
        return False  # cheap tests first, then the keyword-gated test names (most sentences name none)
    return bool(STATS_TEST.search(text)) and bool(STATS_FRAME.search(text)) and not STATS_RESULT.search(text)

#: (session 13) a methods passive as the sentence's verb: "Between-treatment differences in the mean duration of each
#: state were calculated", "Six- and 12-month weight change was compared among ...", "PFS times ... were also compared
#: between ..."
METHOD_VERB = Gated(re.compile(
    r"\b(?:was|were)\s+(?:(?:also|then|further|subsequently|additionally|first|\w+ly)\s+)?(?:compared|calculated|"
    r"computed|determined|assessed|evaluated|examined|analy[sz]ed|estimated|investigated|quantified|explored|studied|"
    r"tested|monitored|collected|captured)\b", re.IGNORECASE),
    ("compared", "calculated", "computed", "determined", "assessed", "evaluated", "examined", "analy", "estimated",
     "investigated", "quantified", "explored", "studied", "tested", "monitored", "collected", "captured"))
#: result words after that verb make it a report ("were compared ... and were significantly higher")
_REST_RESULT = re.compile(r"\b(?:significant\w*|trends?|associated|similar|comparable|differ\w*|no|not|none|showed|"
                          r"shown|revealed|demonstrated|found|higher|lower|greater|fewer|less|more|better|worse|"
                          r"improved|reduced|increased|decreased|unchanged|superior|inferior)\b", re.IGNORECASE)


def measured_only(text: str, measures, result_kinds: frozenset[str]) -> bool:
    """A sentence whose verb is a methods passive and whose result words all stand in its subject, before that verb
    ("Between-treatment differences in the mean duration of each state were calculated."): it says what was measured
    or compared, not what was found (session 13). No result measure of ``result_kinds`` anywhere, and a subject that
    names what was compared without saying how it came out ("significant", "no", "similar", "higher" ...)."""
    if any(m.kind in result_kinds for m in measures):
        return False
    m = METHOD_VERB.search(text)
    return m is not None and _REST_RESULT.search(text, m.end()) is None and _SAID.search(text, 0, m.start()) is None


#: what a subject says when it reports (not "differences in X", "changes in Y", which name what was compared)
_SAID = re.compile(r"\b(?:significant\w*|no|none|not|similar|comparable|higher|lower|greater|fewer|better|worse|"
                   r"more|less)\b", re.IGNORECASE)
