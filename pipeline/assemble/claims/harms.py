"""Which outcomes are harms: less of them is better (pain, mortality, relapse, adverse events, length of stay), so
"improved" of them is a decrease and a single-arm fall is positive (GUIDELINES, *Findings*: "increase when more X is
better"). A keyword list behind a first-letter gate (:data:`HARMFUL`), with two readings that name a harm without
measuring it: what is gained against it ("pain control", :data:`NOT_HARMFUL`) and the object of what is measured
(freedom from it, the time until it, knowing or handling it: :data:`HARM_OBJECT`, docs/claims-rounds.md section
32.6)."""

from __future__ import annotations

import re
from functools import lru_cache

from .gates import Alternation, Gated, prefiltered

#: :data:`HARMFUL`'s alternatives in runs, each gated by words that every match of it holds
#: (:class:`.gates.Alternation`): whether an outcome names a harm is asked of the runs whose words occur, not of the
#: whole alternation, which the engine tries at every position of the text (no first letter to skip to under
#: IGNORECASE: ~175 us on a 42-character outcome name). A run's words are looser than :data:`HARMFUL`'s where a match
#: may hold other spaces ("blood" for ``blood\s+loss``), so the runs match wherever the whole pattern does
#: (bench/SPEED.md, session 21).
HARM_RUNS = Alternation([Gated(re.compile(alts, re.IGNORECASE), keys) for alts, keys in [
    # "die(d/s)" as a word: "diet", "dietary", "studied" name no harm (docs/claims-rounds.md section 32.6)
    (r"pain|symptom|depress|anxiety|distress|mortality|death|\bd(?:ie[sd]?|ying)\b|risk|complication|adverse|"
     r"side[- ]effect|toxicit",
     ("pain", "symptom", "depress", "anxiety", "distress", "mortality", "death", "die", "dying", "risk",
      "complication", "adverse", "side-effect", "side effect", "toxicit")),
    (r"relapse|recurren|infection|nausea|vomit|fatigue|stress|disab|severity|incidence|failure|bleed|h(?:a)?emorrh",
     ("relapse", "recurren", "infection", "nausea", "vomit", "fatigue", "stress", "disab", "severity", "incidence",
      "failure", "bleed", "hemorrh", "haemorrh")),
    # "itch" and "tension" as words of their own: "switch", "attention", "extension", "retention" name no harm
    (r"stay|swelling|discomfort|inflammat|edema|oedema|\bitch|prurit|dyspn|cough|wheez|exacerbat|hospitali|admission",
     ("stay", "swelling", "discomfort", "inflammat", "edema", "oedema", "itch", "prurit", "dyspn", "cough", "wheez",
      "exacerbat", "hospitali", "admission")),
    (r"lesion|handicap|dizz|damage|injur|stenos|\btension|disten[st]ion|(?<!l)anger|confusion|insomnia|disturbance|"
     r"burden|morbidity",
     ("lesion", "handicap", "dizz", "damage", "injur", "stenos", "tension", "disten", "anger", "confusion", "insomnia",
      "disturbance", "burden", "morbidity")),
    (r"craving|attrition|dropout|drop-out|cholesterol|ldl|triglycerid|glucose|hba1c|blood pressure|tumou?r size",
     ("craving", "attrition", "dropout", "drop-out", "cholesterol", "ldl", "triglycerid", "glucose", "hba1c",
      "blood pressure", "tumor size", "tumour size")),
    (r"viral|virus|requirement|consumption|rescue|dose of|pressure|reaction time|latenc",
     ("viral", "virus", "requirement", "consumption", "rescue", "dose of", "pressure", "reaction time", "latenc")),
    # a disease's suffix, not a word that merely ends so ("diagnosis", "prognosis"); "hypo-" of a disorder, not
    # "hypothesis"
    (r"(?<=\w)(?<!diagn)(?<!progn)(?:itis|osis)\b|\bhyper(?!trophy)\w|\bhypo(?!thes)\w|sweat|arrhythm|fibrillation|"
     r"\bdependen|dyskinesia|seizure",
     ("itis", "osis", "hyper", "hypo", "sweat", "arrhythm", "fibrillation", "dependen", "dyskinesia", "seizure")),
    (r"delirium|agitation|shivering|headache|constipation|diarrh|fracture|ulcer|stroke|infarct|thrombo|sepsis",
     ("delirium", "agitation", "shivering", "headache", "constipation", "diarrh", "fracture", "ulcer", "stroke",
      "infarct", "thrombo", "sepsis")),
    # blood pressure, also "systolic" alone
    (r"pneumonia|nause|complaint|\b[SD]?BP\b|\b(?:systolic|diastolic)$",
     ("pneumonia", "nause", "complaint", "bp", "systolic", "diastolic")),
    # severity scales, where a higher score is worse (depression, psychosis, skin disease, disability; neck
    # disability, state-trait anxiety, verbal rating (pain))
    (r"\bHAM-?[DA]|\bMADRS|\bBDI\b|\bPANSS|\bBPRS|\bDLQI|\bPASI\b|\bWOMAC|\bODI\b|\bNIHSS|\bEDSS|\bCGI-S\b|"
     r"\bYMRS|\bADAS|\bNDI\b|\bSTAI\b|\bVRS\b",
     ("ham", "madrs", "bdi", "panss", "bprs", "dlqi", "pasi", "womac", "odi", "nihss", "edss", "cgi-s", "ymrs", "adas",
      "ndi", "stai", "vrs")),
    # adiposity and blood lost, where less is better ("Waist circumference was significantly improved")
    (r"\bwaist|\bhip\s+circumference|\b(?:body|visceral|abdominal|trunk)\s+fat\b|\bfat\s+mass|blood\s+loss",
     ("waist", "circumference", "fat", "blood")),
    # other outcomes where less is better: impairment, fear, costs and errors, transfusions, time spent operating,
    # markers of inflammation, dental plaque, urinary and nasal complaints, hot flushes, falls
    (r"impairment|\bfear|phobia|loneliness|burnout|stigma|\bcosts?\b(?![- ]effective)|expenditure|\berrors?\b|"
     r"transfus|\b(?:operati\w*|surgical|procedur\w*)\s+(?:time|duration)",
     ("impairment", "fear", "phobia", "loneliness", "burnout", "stigma", "cost", "expenditure", "error", "transfus",
      "operati", "surgical", "procedur")),
    (r"c-reactive|\bCRP\b|insulin\s+resistance|\bHOMA|plaque|gingival|caries|probing\s+depth|incontinen|nocturia|"
     r"urgency|congestion|rhinorrh|sneez|sore\s+throat|hoarse|hot\s+fl|\bfalls\b|\bfall\s+(?:rate|incidence)",
     ("c-reactive", "crp", "insulin", "homa", "plaque", "gingival", "caries", "probing", "incontinen", "nocturia",
      "urgency", "congestion", "rhinorrh", "sneez", "sore", "hoarse", "hot", "fall")),
    # markers of organ damage and inflammation, negative affect and behaviour, attacks, waiting and time off work,
    # time to recover or to take effect, ventilation by machine
    (r"creatinine|bilirubin|transaminase|uric\s+acid|interleukin-?\s?6|\bIL-?6\b|\bTNF|"
     r"malondialdehyde|\bMDA\b|fibrinogen|d-dimer|homocysteine|\bnegative\s+(?:emotion|affect|symptom|"
     r"behaviou?r|mood|thought)",
     ("creatinine", "bilirubin", "transaminase", "uric", "interleukin", "il-6", "il6", "tnf", "malondialdehyde", "mda",
      "fibrinogen", "d-dimer", "homocysteine", "negative")),
    (r"suicid|self-harm|aggressi|hostility|irritab|crying|drowsiness|sleepiness|snoring|"
     r"heartburn|reflux|bloating|flatulence|dyspepsia|\battacks?\b|obesity|overweight|absentee|sick\s+leave",
     ("suicid", "self-harm", "aggressi", "hostility", "irritab", "crying", "drowsiness", "sleepiness", "snoring",
      "heartburn", "reflux", "bloating", "flatulence", "dyspepsia", "attack", "obesity", "overweight", "absentee",
      "sick")),
    (r"\bwait|recovery\s+time|extubation\s+time|\bonset\s+time|time\s+to\s+onset|mechanical\s+ventilation",
     ("wait", "recovery", "extubation", "onset", "mechanical")),
    # toxicities and complications of treatment named by their disorder (session 31: among 1,248 outside abstracts'
    # outcomes, "neutropenia" 124 times, "seroma" 50, "dysfunction" 35, "neuropathy" 30, "metastases" 42), and a
    # disease's progression
    (r"penia\b|(?:neuro|retino|nephro|myo|encephalo|radiculo|arthro)path(?:y|ies)\b|algias?\b|\ban(?:a)?emi|alopecia|"
     r"\brash|xerostomia|dysphagia|dysfunction|metasta|progression|h(?:a)?ematoma|seroma|spasm|cramp|numbness|"
     r"dehiscence|\bleak|syndrome",
     ("penia", "neuropath", "retinopath", "nephropath", "myopath", "encephalopath", "radiculopath", "arthropath",
      "algia", "anemi", "anaemi", "alopecia", "rash", "xerostomia", "dysphagia", "dysfunction", "metasta",
      "progression", "hematoma", "haematoma", "seroma", "spasm", "cramp", "numbness", "dehiscence", "leak",
      "syndrome")),
    # clinical events and the signs of harm an outcome names: "cardiovascular events", "-emia" (leukaemia, ischaemia,
    # candidemia), fever, a cardiac arrest (not a cell-cycle one), fluid or urinary retention (not a retention rate)
    (r"\bevents?\b|(?<=\w)(?:a)?emias?\b|\bfevers?\b|embolism|bradycardi|tachycardi|somnolence|\bchills\b|apn(?:o)?ea|"
     r"atelectasis|tinnitus|syncope|vertigo|(?:cardiac|cardiopulmonary|respiratory)\s+arrest|"
     r"(?:urinary|fluid|water|sodium|gastric)\s+retention",
     ("event", "emia", "fever", "embolism", "bradycardi", "tachycardi", "somnolence", "chills", "apnea", "apnoea",
      "atelectasis", "tinnitus", "syncope", "vertigo", "arrest", "retention")),
]])
#: the harms words as one alternation (:data:`HARM_RUNS` joined), gated by the runs' keywords (every match of a run
#: holds one of its own: the gate is open wherever the pattern can match)
HARMFUL = Gated(HARM_RUNS.pattern, tuple(dict.fromkeys(k for run in HARM_RUNS.runs for k in run.keywords)))
#: a harm named as what is gained against it ("pain control", "symptom relief", "pain-free"): not harmful
NOT_HARMFUL = re.compile(r"\b(?:pain|symptoms?|risk)[- ](?:control|relief|free|reduction|improvement)", re.IGNORECASE)
#: A harm named as the object of what an outcome measures, where more is better (session 18, docs/claims-rounds.md
#: section 32.6; GUIDELINES, Findings: "increase when more X is better"): freedom from it ("relapse-free survival",
#: "free of recurrence"), the time until it happens ("time to first relapse"), knowing or handling it ("pain
#: management", "arthritis self-efficacy", "knowledge about pain"). Each match covers the harm's words; a harm outside
#: every such stretch still makes the outcome harmful ("relapse-free survival and toxicity", "weight self-efficacy,
#: negative emotions"). Also, session 31: a harm word turned into its absence or its remedy ("asymptomatic", "painless",
#: "anti-inflammatory", "antiviral", "antithrombotic"), its control ("blood pressure control", "control of acute and
#: delayed CINV") and how much of it is borne ("pain threshold", "glucose tolerance"). Session 32: an outcome that
#: names the harm's absence ("no vomiting", "no nausea": more patients with it is better).
HARM_OBJECT = prefiltered(re.compile(
    r"\b[\w-]+-free\b|\b[\w-]+\s+free(?=\s+(?:survival|interval|days))|\bfree\s+(?:of|from)\s+(?:[\w-]+\s+){0,3}[\w-]+|"
    r"^(?:no|without)\s+(?:[\w-]+\s+){0,2}[\w-]+|"  # session 32: an outcome named as a harm's absence ("no vomiting")
    r"\basymptomatic\b|\b(?:pain|symptom)less\b|\banti-?(?:inflammat|viral|thrombo)\w*|"
    r"\btime\s+to\s+(?:the\s+)?(?:first\s+)?(?:\w+\s+){0,2}(?:relapse|recurren|progression|death|failure|exacerbation|"
    r"hospitali|readmission|reinfarction|stroke|fracture|metasta|events?\b)\w*|"
    r"\b(?:[\w-]+\s+){1,2}?(?:management|coping|self-efficacy|prevention|control|thresholds?|tolerance|healing)\b|"
    r"\b(?:knowledge|awareness|attitudes?|beliefs?|management|prevention|control)\s+(?:of|about|towards?|regarding|on)\s+"
    r"(?:[\w-]+\s+){0,3}[\w-]+", re.IGNORECASE))


@lru_cache(maxsize=4096)
def harmful(outcome_text: str) -> bool:
    """Is less of this outcome better (:data:`HARMFUL`)? Not when a harm is named only as what is gained against it
    (:data:`NOT_HARMFUL`) or as the object of what is measured (:data:`HARM_OBJECT`). Cached: a claim's outcome is
    asked several times. :data:`HARMFUL`'s gate, then its runs (:data:`HARM_RUNS`, the same answer as the whole
    pattern): whether it matches where its keywords occur."""
    if HARMFUL.closed(outcome_text) or not HARM_RUNS.found(outcome_text) or NOT_HARMFUL.search(outcome_text):
        return False
    objects = [(m.start(), m.end()) for m in HARM_OBJECT.finditer(outcome_text)]
    return not objects or any(not any(a <= m.start() < b for a, b in objects)
                              for m in HARM_RUNS.pattern.finditer(outcome_text))  # (HARMFUL's own regex)
