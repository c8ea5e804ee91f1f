"""Session 21 (issue 13, s21-speed2): :func:`.harms.harmful` asks :data:`.harms.HARMFUL`'s alternatives in
keyword-gated runs (:data:`.harms.HARM_RUNS`) instead of the whole alternation: the same answer as before on real
sentences and on their word windows (outcome-name-sized texts), whitespace and case variants included."""

from __future__ import annotations

import re

import pytest

from claimex.assemble.claims.gates import Gated
from claimex.assemble.claims.harms import HARM_OBJECT, HARM_RUNS, HARMFUL, NOT_HARMFUL, harmful

#: harms.HARMFUL's pattern as it stood in main c4a2cb8 (one alternation), frozen as the reference; with session 31's
#: "diagnosis" / "prognosis" / "hypothesis" left out of the disease suffixes and "itch" / "tension" made words of their
#: own ("switch", "attention", "extension"; "distension" kept), "anger" not of "Langerhans" - the runs must still join
#: to it
ORIGINAL = re.compile(
    # "die(d/s)" as a word: "diet", "dietary", "studied" name no harm (docs/claims-rounds.md section 32.6)
    r"pain|symptom|depress|anxiety|distress|mortality|death|\bd(?:ie[sd]?|ying)\b|risk|complication|adverse|"
    r"side[- ]effect|toxicit|"
    r"relapse|recurren|infection|nausea|vomit|fatigue|stress|disab|severity|incidence|failure|bleed|h(?:a)?emorrh|"
    r"stay|swelling|discomfort|inflammat|edema|oedema|\bitch|prurit|dyspn|cough|wheez|exacerbat|hospitali|admission|"
    r"lesion|handicap|dizz|damage|injur|stenos|\btension|disten[st]ion|(?<!l)anger|confusion|insomnia|disturbance|"
    r"burden|morbidity|"
    r"craving|attrition|dropout|drop-out|cholesterol|ldl|triglycerid|glucose|hba1c|blood pressure|tumou?r size|"
    r"viral|virus|requirement|consumption|rescue|dose of|pressure|reaction time|latenc|"
    r"(?<=\w)(?<!diagn)(?<!progn)(?:itis|osis)\b|\bhyper(?!trophy)\w|\bhypo(?!thes)\w|sweat|arrhythm|fibrillation|"
    r"\bdependen|dyskinesia|seizure|"
    r"delirium|agitation|shivering|headache|constipation|diarrh|fracture|ulcer|stroke|infarct|thrombo|sepsis|"
    r"pneumonia|nause|complaint|\b[SD]?BP\b|\b(?:systolic|diastolic)$|"  # blood pressure, also "systolic" alone
    # severity scales, where a higher score is worse (depression, psychosis, skin disease, disability)
    r"\bHAM-?[DA]|\bMADRS|\bBDI\b|\bPANSS|\bBPRS|\bDLQI|\bPASI\b|\bWOMAC|\bODI\b|\bNIHSS|\bEDSS|\bCGI-S\b|"
    r"\bYMRS|\bADAS|\bNDI\b|\bSTAI\b|\bVRS\b|"  # neck disability, state-trait anxiety, verbal rating (pain)
    # adiposity and blood lost, where less is better ("Waist circumference was significantly improved")
    r"\bwaist|\bhip\s+circumference|\b(?:body|visceral|abdominal|trunk)\s+fat\b|\bfat\s+mass|blood\s+loss|"
    # other outcomes where less is better: impairment, fear, costs and errors, transfusions, time spent operating,
    # markers of inflammation, dental plaque, urinary and nasal complaints, hot flushes, falls
    r"impairment|\bfear|phobia|loneliness|burnout|stigma|\bcosts?\b(?![- ]effective)|expenditure|\berrors?\b|"
    r"transfus|\b(?:operati\w*|surgical|procedur\w*)\s+(?:time|duration)|c-reactive|\bCRP\b|insulin\s+resistance|"
    r"\bHOMA|plaque|gingival|caries|probing\s+depth|incontinen|nocturia|urgency|congestion|rhinorrh|sneez|"
    r"sore\s+throat|hoarse|hot\s+fl|\bfalls\b|\bfall\s+(?:rate|incidence)|"
    # markers of organ damage and inflammation, negative affect and behaviour, attacks, waiting and time off work,
    # time to recover or to take effect, ventilation by machine
    r"creatinine|bilirubin|transaminase|uric\s+acid|interleukin-?\s?6|\bIL-?6\b|\bTNF|"
    r"malondialdehyde|\bMDA\b|fibrinogen|d-dimer|homocysteine|\bnegative\s+(?:emotion|affect|symptom|"
    r"behaviou?r|mood|thought)|suicid|self-harm|aggressi|hostility|irritab|crying|drowsiness|sleepiness|snoring|"
    r"heartburn|reflux|bloating|flatulence|dyspepsia|\battacks?\b|obesity|overweight|absentee|sick\s+leave|"
    r"\bwait|recovery\s+time|extubation\s+time|\bonset\s+time|time\s+to\s+onset|mechanical\s+ventilation|"
    # session 31: toxicities and complications named by their disorder, a disease's progression
    r"penia\b|(?:neuro|retino|nephro|myo|encephalo|radiculo|arthro)path(?:y|ies)\b|algias?\b|\ban(?:a)?emi|alopecia|"
    r"\brash|xerostomia|dysphagia|dysfunction|metasta|progression|h(?:a)?ematoma|seroma|spasm|cramp|numbness|"
    r"dehiscence|\bleak|syndrome|"
    r"\bevents?\b|(?<=\w)(?:a)?emias?\b|\bfevers?\b|embolism|bradycardi|tachycardi|somnolence|\bchills\b|apn(?:o)?ea|"
    r"atelectasis|tinnitus|syncope|vertigo|(?:cardiac|cardiopulmonary|respiratory)\s+arrest|"
    r"(?:urinary|fluid|water|sodium|gastric)\s+retention",
    re.IGNORECASE,
)
#: the gate of c4a2cb8: the pattern tried only where one of these keywords occurs
OLD_HARMFUL = Gated(ORIGINAL, HARMFUL.keywords)


def old_harmful(outcome_text: str) -> bool:
    """harms.harmful's body as it stood in main c4a2cb8."""
    if not OLD_HARMFUL.search(outcome_text) or NOT_HARMFUL.search(outcome_text):
        return False
    objects = [(m.start(), m.end()) for m in HARM_OBJECT.finditer(outcome_text)]
    return not objects or any(not any(a <= m.start() < b for a, b in objects)
                              for m in OLD_HARMFUL.finditer(outcome_text))


#: matches whose spaces are not one blank, behind the gate opened by a keyword that matches nothing ("ndi" in
#: "findings", "die" in "diet"); case-folding letters (long s, dotless i, Kelvin sign); scales and short words
TRICKY = [
    "blood\tloss findings", "blood  loss", "sick\nleave in diet", "sore  throat and hot\n flushes (findings)",
    "insulin\u00a0resistance index", "time  to onset", "mechanical\tventilation", "negative   mood",
    "operative  time", "uric\tacid", "interleukin- 6", "IL6", "il-6 levels", "probing\ndepth", "recovery\ttime",
    "extubation  time", "onset\ttime", "fall  rate", "hip\ncircumference", "trunk\tfat", "fat\u2003mass",
    "ſide effects", "dıet", "Kelvın", "SBP", "DBP fell", "BP", "hypertension", "hypotrophy", "hypertrophy",
    "arthritis", "HAM-D", "HAMA score", "CGI-S", "Systolic", "diastolic", "tumour size", "dose of morphine",
    "relapse-free survival and toxicity", "pain control", "time to first relapse", "knowledge about pain",
    "cost-effectiveness", "costs", "diet", "studied", "dying", "", "survival", "quality of life",
]


@pytest.fixture(scope="module")
def texts(pubmed_sentences):
    out = list(pubmed_sentences)
    for sentence in pubmed_sentences[:200]:
        words = sentence.split()
        out.extend(" ".join(words[i:i + n]) for n in (1, 2, 4) for i in range(0, len(words), n))
    out += TRICKY + [t.upper() for t in TRICKY]
    return list(dict.fromkeys(out))


def test_joined_runs_are_the_original_pattern():
    assert HARM_RUNS.pattern.pattern == ORIGINAL.pattern == HARMFUL.pattern.pattern
    assert HARM_RUNS.pattern.flags == ORIGINAL.flags == HARMFUL.pattern.flags


def test_harmful_answers_as_before(texts):
    answers = [harmful.__wrapped__(t) for t in texts]
    assert answers == [old_harmful(t) for t in texts]
    assert 1000 < sum(answers) < len(answers) - 1000  # both answers, many times


def test_runs_match_wherever_the_whole_pattern_does(texts):
    for text in texts:
        assert HARM_RUNS.found(text) == (ORIGINAL.search(text) is not None), text


def test_every_match_of_a_run_holds_one_of_its_keywords(texts):
    # ASCII texts: for letters such as the long s the gate stays open whatever the keywords (Gated.closed)
    for run in HARM_RUNS.runs:
        for text in [t for t in texts if t.isascii()]:
            for m in run.pattern.finditer(text):
                assert any(k in m.group().lower() for k in run.keywords), (run.pattern.pattern[:40], m.group())


def test_a_blank_in_a_keyword_would_miss_other_spaces():
    # why ``blood\s+loss``'s run is gated by "blood", not "blood loss": the gate of c4a2cb8 is open here ("ndi")
    assert old_harmful("blood\tloss findings") and harmful.__wrapped__("blood\tloss findings")
    assert Gated(re.compile(r"blood\s+loss", re.IGNORECASE), ("blood loss",)).search("blood\tloss findings") is None
