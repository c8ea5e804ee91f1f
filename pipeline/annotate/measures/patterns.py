"""Lexicons and regex building blocks of the measure parser (all applied to ``numbers.normalise``d text).

Regexes are plain strings here; ``regexes.py`` compiles the full patterns once each, on first use (``lazy.py``).
Units are case-sensitive (``mg`` vs ``Mg``, ``min`` vs ``Min``) except spelled-out words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .guards import guarded, guarded_alternation
from .numbers import NUMBER_WORDS

# unit categories
PCT, TIME, MASS, VOLUME, AMOUNT, ACTIVITY, RADIATION, LENGTH, PRESSURE, TEMP, ENERGY, FREQ, ELEC, OTHER = (
    "pct", "time", "mass", "volume", "amount", "activity", "radiation", "length", "pressure", "temp",
    "energy", "freq", "elec", "other")

_MO = r"(?:\.(?=[ ]?[a-z,;)\]]))?"  # "mo." / "yr." keep the dot only inside a sentence
# (regex, normalised standalone form, form inside a compound unit, category, flags)
# flags: "g" = may be glued to the number ("5mg"); "c" = only inside a compound ("mg/l")
_ATOMS: list[tuple[str, str, str, str, str]] = [
    (r"%", "%", "%", PCT, "g"),
    (r"(?i:percentage[ ]points?|pct[ ]points?)", "percentage points", "percentage points", PCT, "g"),
    (r"(?i:percent|per[ ]cent)", "%", "%", PCT, "g"),
    (r"‰", "‰", "‰", PCT, "g"),
    (r"(?:wt|vol|mol|at)\.?[ ]?%", "", "", PCT, "g"),
    # time
    (r"(?i:seconds?|secs?)", "s", "s", TIME, "g"), (r"s", "s", "s", TIME, ""),
    (r"ms", "ms", "ms", TIME, "g"), (r"μs", "μs", "μs", TIME, "g"),
    (r"(?i:minutes?|mins?)", "min", "min", TIME, "g"),
    (r"(?i:hours?|hrs?)", "h", "h", TIME, "g"), (r"h", "h", "h", TIME, "g"),
    (r"(?i:days?)", "days", "day", TIME, "g"), (r"d", "days", "day", TIME, ""),
    (r"(?i:weeks?|wks?)", "weeks", "week", TIME, "g"),
    (r"(?i:months?|mos?)" + _MO, "months", "month", TIME, "g"),
    (r"(?i:years?|yrs?)" + _MO, "years", "year", TIME, "g"), (r"y", "years", "year", TIME, ""),
    (r"(?:ka|kyr|Ma|Myr|Ga|Gyr|byr|Byr)", "", "", TIME, "g"),
    # mass
    (r"kg", "kg", "kg", MASS, "g"), (r"(?i:kilograms?)", "kg", "kg", MASS, "g"),
    (r"g", "g", "g", MASS, "g"), (r"gm", "g", "g", MASS, "g"), (r"(?i:grams?)", "g", "g", MASS, "g"),
    (r"mg", "mg", "mg", MASS, "g"), (r"(?i:milligrams?)", "mg", "mg", MASS, "g"),
    (r"(?:μg|ug|mcg|microg)", "μg", "μg", MASS, "g"), (r"(?i:micrograms?)", "μg", "μg", MASS, "g"),
    (r"ng", "ng", "ng", MASS, "g"), (r"(?i:nanograms?)", "ng", "ng", MASS, "g"),
    (r"pg", "pg", "pg", MASS, "g"), (r"fg", "fg", "fg", MASS, "g"),
    # volume
    (r"L", "L", "L", VOLUME, ""), (r"l", "L", "L", VOLUME, "c"),
    (r"m[lL]", "mL", "mL", VOLUME, "g"), (r"d[lL]", "dL", "dL", VOLUME, "g"),
    (r"(?:μ[lL]|u[lL]|micro[lL])", "μL", "μL", VOLUME, "g"), (r"n[lL]", "nL", "nL", VOLUME, "g"),
    (r"(?i:lit(?:er|re)s?)", "L", "L", VOLUME, "g"), (r"(?i:millilit(?:er|re)s?)", "mL", "mL", VOLUME, "g"),
    (r"cc", "mL", "mL", VOLUME, "g"),
    # amount / concentration
    (r"mol", "mol", "mol", AMOUNT, "g"), (r"mmol", "mmol", "mmol", AMOUNT, "g"),
    (r"(?:μmol|umol|micromol)", "μmol", "μmol", AMOUNT, "g"), (r"nmol", "nmol", "nmol", AMOUNT, "g"),
    (r"pmol", "pmol", "pmol", AMOUNT, "g"), (r"fmol", "fmol", "fmol", AMOUNT, "g"),
    (r"mM", "mM", "mM", AMOUNT, "g"), (r"(?:μM|uM|microM)", "μM", "μM", AMOUNT, "g"),
    (r"nM", "nM", "nM", AMOUNT, "g"), (r"pM", "pM", "pM", AMOUNT, "g"),
    (r"M", "M", "M", AMOUNT, ""), (r"m[Ee]q", "mEq", "mEq", AMOUNT, "g"), (r"mOsm", "mOsm", "mOsm", AMOUNT, "g"),
    # activity
    (r"IU", "IU", "IU", ACTIVITY, "g"), (r"(?:mIU|μIU|uIU|kIU|MIU)", "", "", ACTIVITY, "g"),
    (r"U", "U", "U", ACTIVITY, ""), (r"(?:mU|kU|MU)", "", "", ACTIVITY, "g"),
    (r"(?i:international[ ]units?)", "IU", "IU", ACTIVITY, "g"), (r"(?i:units?)", "U", "U", ACTIVITY, ""),
    # radiation
    (r"(?:Gy|cGy|mGy|Sv|mSv|μSv|Bq|kBq|MBq|GBq|Ci|mCi|μCi)", "", "", RADIATION, "g"),
    # length
    (r"m", "m", "m", LENGTH, "g"), (r"cm", "cm", "cm", LENGTH, "g"), (r"mm", "mm", "mm", LENGTH, "g"),
    (r"(?:μm|um|microns?|micrometers?)", "μm", "μm", LENGTH, "g"), (r"nm", "nm", "nm", LENGTH, "g"),
    (r"km", "km", "km", LENGTH, "g"), (r"Å", "Å", "Å", LENGTH, "g"),
    (r"(?i:met(?:er|re)s?)", "m", "m", LENGTH, "g"), (r"(?i:centimet(?:er|re)s?)", "cm", "cm", LENGTH, "g"),
    (r"(?i:millimet(?:er|re)s?)", "mm", "mm", LENGTH, "g"), (r"(?i:kilomet(?:er|re)s?)", "km", "km", LENGTH, "g"),
    (r"(?i:nanomet(?:er|re)s?)", "nm", "nm", LENGTH, "g"), (r"ft", "ft", "ft", LENGTH, "g"),
    (r"(?i:inch(?:es)?)", "in", "in", LENGTH, "g"),
    # pressure
    (r"mm[ ]?Hg", "mmHg", "mmHg", PRESSURE, "g"), (r"cm[ ]?H2O", "cmH2O", "cmH2O", PRESSURE, "g"),
    (r"(?:Pa|hPa|kPa|MPa|GPa|mbar|mBar|μbar|nbar|atm|psi|Torr)", "", "", PRESSURE, "g"),
    (r"bar", "bar", "bar", PRESSURE, ""),
    # temperature
    (r"°[ ]?[NSEW](?![\w])", "", "", OTHER, "g"), (r"°[ ]?C", "°C", "°C", TEMP, "g"), (r"°[ ]?F", "°F", "°F", TEMP, "g"), (r"°", "°", "°", TEMP, "g"),
    (r"(?i:degrees?[ ](?:celsius|centigrade))", "°C", "°C", TEMP, "g"), (r"(?i:degrees?)[ ]?C(?![\w])", "°C", "°C", TEMP, ""),
    (r"(?i:degrees?)[ ]?F(?![\w])", "°F", "°F", TEMP, ""), (r"(?i:degrees?)", "°", "°", TEMP, ""),
    (r"K", "K", "K", TEMP, ""),
    # energy, power, frequency, electricity
    (r"(?:eV|keV|MeV|GeV|TeV|kJ|MJ|mJ|μJ|nJ|kcal|Kcal|kWh|Wh|mW|kW|MW|GW|dB)", "", "", ENERGY, "g"),
    (r"(?:J|W|cal)", "", "", ENERGY, ""),
    (r"(?:Hz|kHz|MHz|GHz|rpm|bpm)", "", "", FREQ, "g"),
    (r"(?i:beats?[ ]?(?:/|per[ ])[ ]?min(?:ute)?)", "bpm", "bpm", FREQ, "g"),
    (r"(?:mV|kV|μV|mA|μA|nA|Ω|kΩ|MΩ|mS|μS)", "", "", ELEC, "g"), (r"V", "V", "V", ELEC, ""),
    # other
    (r"(?:ppm|ppb|ppt|ppq)", "", "", OTHER, "g"), (r"[€$£]", "", "", OTHER, "g"),
    (r"×(?![ ]?[\d(])", "×", "×", OTHER, "g"), (r"(?:mT|μT|nT)", "", "", OTHER, "g"), (r"T", "T", "T", OTHER, ""),
    (r"ha", "ha", "ha", OTHER, ""), (r"(?i:fold)", "fold", "fold", OTHER, ""),
    (r"(?:kDa|Da|kb|Mb|bp)", "", "", OTHER, "g"),
    (r"(?i:(?:person|patient|woman|women|man|child)[- ]years?)", "person-years", "person-years", OTHER, ""),
    (r"(?i:points?)", "points", "point", OTHER, ""), (r"METs?", "MET", "MET", OTHER, "g"),
    (r"AU", "AU", "AU", OTHER, ""),
    (r"(?i:per)[ ](?:1,?000,?000|100,?000|10,?000|1,?000|100)(?![\d,])(?:[ ](?i:(?:person|patient|woman|women)-years?))?",
     "=keep", "=keep", OTHER, ""),
    # denominators only ("mg/kg body weight", "mg/dose", "g/cycle")
    (r"(?i:dose|cycle|fraction|session|infusion|body[ ]weight)", "", "", OTHER, "c"),
]


def _alt(entries) -> str:
    """The atoms' alternation, longest first, behind a first-character guard (``guards.py``: the same
    matches; a failure costs one class test where no atom can start instead of ~100 branch tries)."""
    return guarded_alternation(sorted((e[0] for e in entries), key=len, reverse=True))


_ATOM_ALL = _alt(_ATOMS)
_ATOM_HEAD = _alt([a for a in _ATOMS if 'c' not in a[4]])
_ATOM_GLUE = _alt([a for a in _ATOMS if 'g' in a[4]])
_EXPO = r"(?:\^?[23](?!\d)|\^-?[1-4](?!\d)|\(-?[1-4]\)|-[1-4](?!\d|\.\d))"
_CONT = (rf"(?:(?:[ ]?/[ ]?|·|\.(?=[a-zμ])|[ ]per[ ]){_ATOM_ALL}{_EXPO}?"
         rf"|[ ]{_ATOM_ALL}-[1-4](?!\d|\.\d))")
_UNIT_END = r"(?:(?<=[%°‰])|(?![^\W_]))(?!-[^\W\d_])"
#: a unit after a number: `` mg/kg``, ``%``, ``mmHg``, ``/μL``, ``m s-1``
UNIT = (rf"(?:[ ]{{1,2}}{_ATOM_HEAD}{_EXPO}?{_CONT}{{0,3}}|{_ATOM_GLUE}{_EXPO}?{_CONT}{{0,3}}"
        rf"|[ ]?/[ ]?{_ATOM_ALL}{_EXPO}?){_UNIT_END}")
#: the singular unit words allowed after a hyphen ("5-year", "1-cm", "2-fold")
HYPHEN_UNIT = (r"-(?:(?i:year|yr|month|mo|week|wk|day|hour|hr|h|minute|min|second|sec|fold|point|unit|degrees?|bit|item)"
               r"|cm|mm|mg|kg|g|m|km|mL|ml|μg|Gy|μm|nm|bp|kb|kDa)(?![^\W_]|-[^\W\d_])")

_ATOM_RES = [(re.compile(a[0]), a) for a in _ATOMS]
_SEP = re.compile(r"[ ]?/[ ]?|[ ]per[ ]|·|\.|[ ]")
_EXPO_RE = re.compile(_EXPO)


def _atom_at(raw: str, pos: int):
    """Longest unit atom at ``pos``: (end, entry) or None."""
    best = None
    for rx, entry in _ATOM_RES:
        m = rx.match(raw, pos)
        if m and m.end() > pos and (best is None or m.end() > best[0]):
            best = (m.end(), entry)
    return best


@lru_cache(maxsize=4096)
def unit_info(unit_text: str) -> tuple[str | None, str | None, bool]:
    """Normalised unit string, category of its head atom, and whether it is a dose unit."""
    raw = unit_text.strip()
    if not raw:
        return None, None, False
    lead_slash = raw.startswith("/")
    parts: list[tuple[str, str, str, str]] = []  # (separator, norm, compound norm, category)
    pos, sep = 0, ""
    while pos < len(raw):
        m = _SEP.match(raw, pos)
        if m and m.end() > pos:
            sep = "/" if "/" in m.group() or "per" in m.group() else ("·" if "·" in m.group() else " ")
            pos = m.end()
            continue
        hit = _atom_at(raw, pos)
        if hit is None:
            return raw, OTHER, False  # not made of known atoms: keep as written
        end, entry = hit
        atom = raw[pos:end]
        if entry[1] == "=keep":
            norm = comp = " ".join(atom.replace(",", "").split())
        else:
            norm = entry[1] or re.sub(r"[ .]", "", atom)
            comp = entry[2] or norm
        e = _EXPO_RE.match(raw, end)
        expo = ""
        if e:
            expo = e.group().replace("^", "").replace("(", "").replace(")", "")
            end = e.end()
        parts.append((sep if parts or lead_slash else "", norm + expo, comp + expo, entry[3]))
        pos, sep = end, ""
    if not parts:
        return raw, OTHER, False
    if len(parts) == 1 and not lead_slash:
        p = parts[0]
        return p[1], p[3], p[3] in (MASS, ACTIVITY, RADIATION) and p[1] != "kg"
    norm = "".join(p[0] + p[2] for p in parts)
    head_cat = parts[0][3]
    dose = (not lead_slash and head_cat in (MASS, ACTIVITY, RADIATION, AMOUNT)
            and all(p[0] == "/" for p in parts[1:])
            and all(p[3] in (TIME, OTHER) or p[2] in ("kg", "m2") for p in parts[1:]))
    return norm, head_cat, dose


# -- counted nouns --------------------------------------------------------------------------
PERSON_NOUNS = (
    "(?i:patients?)|Latin[ao]s?|Hispanics?|(?:African[ ])?Americans?|Caucasians?|Asians?|whites|blacks|Women|Men|"
    "Patients|Participants|Subjects|"
    "patients?|participants?|subjects?|women|woman|men|man|children|child|infants?|neonates?|newborns?|babies|baby|"
    "adults?|adolescents?|teenagers?|volunteers?|individuals?|persons?|people|controls?|girls?|boys?|mothers?|"
    "fathers?|parents?|survivors?|residents?|respondents?|(?:non)?smokers?|students?|nurses?|physicians?|doctors?|"
    "clinicians?|surgeons?|veterans?|users?|workers?|members?|athletes?|couples?|families|family|households?|twins?|"
    "donors?|recipients?|outpatients?|inpatients?|caregivers?|carers?|pupils?|employees?|enrollees?|"
    "females?|males?|pts|"
    "pregnancies|pairs|dyads|triads|mice|rats|animals|dogs|pigs|rabbits|volunteers"
)
# mice/rats/... are not people but counted like participants (sample sizes of animal studies)
COUNT_NOUNS = (
    "cases?|deaths?|events?|episodes?|cycles?|doses?|sessions?|tumou?rs?|lesions?|nodes?|sites?|cent(?:er|re)s?|"
    "hospitals?|trials?|studies|study|articles?|eyes?|teeth|tooth|breasts?|samples?|specimens?|biopsies|biopsy|"
    "procedures?|operations?|visits?|admissions?|infections?|fractures?|recurrences?|relapses?|responses?|items?|"
    "questions?|genes?|mutations?|variants?|cells?|colonies|copies|times|fractions?|injections?|infusions?|"
    "tablets?|capsules?|servings?|drinks?|cigarettes?|steps?|falls?|hospitali[sz]ations?|failures?|complications?|"
    "reactions?|groups?|arms?|cohorts?|countries|institutions?|practices?|clinics?|wards?|rounds?|"
    "courses?|treatments?|injuries|pregnancy|births?|live[ ]births|embryos?|oocytes?|follicles?|"
    "CRs?|PRs?|PDs?|AEs|SAEs|pCRs?|DLTs?|"
    "(?!(?:SD|SE|SEM|CI|OR|HR|RR|IQR|BMI|VAS|NRS|AUC|ICC|USD|EUR|GBP|AM|PM|BC|AD|CE|UT|GMT)s?(?![\\w-]))[A-Z]{2,5}s?"
)
_STOP_ADJ = (
    "of|the|a|an|in|on|at|to|for|with|without|within|and|or|but|by|from|as|were|was|is|are|be|been|being|had|has|"
    "have|who|whom|whose|which|that|than|vs|versus|per|each|all|these|those|their|our|more|less|further|also|"
    "not|only|into|after|before|during|between|among|did|could|would|will|may|might|should|must|can|this|its|it|"
    "they|we|he|she|them|both|either|neither|no|any|some|such|same|respectively|every|over|under|up|out|about|then|"
    "there|here|when|where|while|if|so|very|most|least"
)
_ADJ = (rf"(?!(?i:{_STOP_ADJ})(?![\w-]))(?:[a-z][a-z]{{1,20}}(?:-[a-zà-ÿ]+)?|[A-Z][a-z]{{2,15}}|[A-Z]{{2,5}}"
        rf"|[A-Za-z0-9]{{1,8}}-[a-zà-ÿ]{{3,15}}|[a-z]{{2,10}}-[ ](?:and|or)[ ][a-z]{{3,20}}(?:-[a-z]+)?)")
ADJ = _ADJ
_ADJ_LOW = rf"(?!(?:{_STOP_ADJ})(?![\w-]))(?![a-z]+ing\b)[a-z][a-z]{{1,20}}(?:-[a-z]+)?"
_STOP_PLURAL = (
    "does|goes|always|perhaps|whereas|besides|towards|afterwards|sometimes|becomes|remains|seems|appears|shows|"
    "requires|includes|occurs|provides|yields|means|suggests|indicates|demonstrates|represents|has|was|its|his|"
    "hers|ours|yours|theirs|was|is|thus|across|less|unless|respectively|ns|vs|others|years|months|weeks|days|hours|"
    "points|units|doses|gives|takes|makes|lies|reads|contains|consists|follows|uses|needs|leads|holds|"
    "allows|causes|helps|keeps|runs|sets|starts|ends|gets|puts|says|tends|varies|differs|exists|applies|"
    "relies|depends|refers|compares|describes|reflects|reveals|returns|gets|plays|stays|falls|rises|grows"
)
_PLURAL = rf"(?!(?:{_STOP_PLURAL})\b)[a-z]{{2,20}}[a-rtv-z]s"
#: a counted noun after a number, with up to two modifiers for people/explicit nouns
COUNTED = (rf"(?:[ ]{{1,2}}(?:{_ADJ},?[ ]{{1,2}}(?:(?:and|or|but)[ ]{{1,2}})?){{0,4}}(?P<person>{PERSON_NOUNS})"
           rf"|[ ]{{1,2}}(?:such[ ]{{1,2}})?(?:{_ADJ}[ ]{{1,2}}){{0,2}}(?P<cnoun>{COUNT_NOUNS})"  # "7 such events"
           rf"|[ ]{{1,2}}(?:{_ADJ_LOW}[ ]{{1,2}}){{0,2}}(?P<plural>{_PLURAL}))(?![\w+-])")

# -- numbers -------------------------------------------------------------------------------
_NUM_CORE = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ ]\d{3})+(?![\d])|\d+)(?:\.\d+)?|\.\d+"
_EXP = r"(?:[ ]?[x×][ ]?10(?:\^[ ]?[-+]?\d{1,3}|\([-+]?\d{1,3}\)|-\d{1,3}|[1-9]\d?)(?!\d)|(?<=\d)e-?\d{1,3}(?![\w]))"
_NUM_START = r"(?<![\w,^])(?:(?<!\.)|(?<=vs\.)|(?<=v\.))(?<![^%]/)(?<![^\W\d_]-)(?<![\w)]\+)(?<![^\W\d_]\d-)(?<![^\W\d_]\d\d-)"
_NUM_END = r"(?![^\W_])(?!-[^\W\d_])(?![.,]\d)"
#: an unsigned-or-signed numeric literal, without any boundary checks
NUM = rf"(?:[-+][ ]?(?=\.?\d))?(?:{_NUM_CORE})(?:{_EXP})?"
#: a numeric literal with boundary checks at its start
NUMB = rf"{_NUM_START}{NUM}"
INT = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)"
WNUM = guarded(NUMBER_WORDS)
NUM_END = _NUM_END

# -- operators ---------------------------------------------------------------------------------
OPSYM = r"(?:</=|>/=|<[ ]?or[ ]?=|>[ ]?or[ ]?=|<[ ]?=|>[ ]?=|=[ ]?<|=[ ]?>|≤|≥|<|>|~)"
OPWORD = (r"(?i:(?:no|not)[ ]more[ ]than|(?:no|not)[ ]less[ ]than|(?:no|not)[ ]fewer[ ]than|more[ ]than|"
          r"greater[ ]than|higher[ ]than|larger[ ]than|longer[ ]than|less[ ]than|lower[ ]than|fewer[ ]than|"
          r"smaller[ ]than|shorter[ ]than|at[ ]least|at[ ]most|up[ ]to|in[ ]excess[ ]of|exceeding|above|below|within|"
          r"approximately|approx\.|about|around|nearly|almost|roughly|circa|ca\.)")
_OP_NORM = {"</=": "<=", ">/=": ">=", "<=": "<=", ">=": ">=", "=<": "<=", "=>": ">=", "≤": "<=", "≥": ">=",
            "<": "<", ">": ">", "~": "~", "=": "="}
_OPWORD_NORM = [
    (r"(?:no|not) more|at most|up to|within", "<="), (r"(?:no|not) (?:less|fewer)|at least", ">="),
    (r"more|greater|higher|larger|longer|in excess|exceeding|above", ">"),
    (r"less|lower|fewer|smaller|shorter|below", "<"),
]


def op_of(raw: str | None) -> str | None:
    """Canonical operator (``<``, ``<=``, ``>``, ``>=``, ``=``, ``~``) of a written operator."""
    if raw is None:
        return None
    s = raw.strip().lower()
    if not s:
        return None
    compact = s.replace(" ", "").replace("or", "")
    if compact in _OP_NORM:
        return _OP_NORM[compact]
    for rx, op in _OPWORD_NORM:
        if re.match(rx, s):
            return op
    return "~"
