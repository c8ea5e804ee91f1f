"""Context of a measure candidate: where no measure may be (dates, citations, identifiers), numbers that
name things ("grade 3"), age and range contexts, and what confirms a bare integer (see the package
docstring). All regexes apply to ``numbers.normalise``d text."""

from __future__ import annotations

import re

from .numbers import NUMBER_WORD_SET
from .patterns import UNIT

# -- spans where no measure may be (dates, citations, identifiers) ----------------------------------
_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
           r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_MONTH_GATE = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ID_GATE = ("NCT", "ISRCTN", "ACTRN", "ChiCTR", "CTRI", "DRKS", "EUCTR", "IRCT", "JPRN", "KCT", "NTR", "PACTR",
            "SLCTR", "TCTR", "UMIN", "PMID", "PMC", "ISBN", "ISSN", "Eudra", "EUDRA")
# (gate: the pattern is tried only if the text contains one of these strings; None = always, pattern)
# A pattern that opens with an assertion (``\b``, a look-behind) is tried by ``re`` at every position of the text;
# one that opens with a character class or a literal is tried only where that character stands (``re`` skips to
# it). So the first character is matched before the assertion, which then looks back over it: ``\d(?<!\w\d)`` is
# ``\b\d``, ``\d(?<![\w.]\d)`` is ``(?<![\w.])\d``, ``(?:1(?<!\w1)[89]|2(?<!\w2)0)`` is ``\b(?:1[89]|20)``:
# the same matches and groups (tests/annotate/measures/test_measures_speedups.py), about half the scan time.
_BLOCKER_GROUPS: list[tuple[tuple[str, ...] | None, str]] = [
    (("10.",), r"(?i:doi:?[ ]?)?\b10\.\d{4,9}/[^\s]+"),  # DOI
    (("http", "www", "HTTP", "WWW"), r"(?i:https?://|www\.)[^\s]+"),  # URL
    (_ID_GATE, (r"(?i:\b(?:NCT|ISRCTN|ACTRN|ChiCTR|CTRI|DRKS|EUCTR|IRCT|JPRN|KCT|NTR|PACTR|SLCTR|TCTR|UMIN|PMID"
                r"|PMCID|ISBN|ISSN)[ ]?[:#]?[ ]?[\w/-]*\d[\w/-]*)")),  # registration / record numbers
    (_ID_GATE, r"(?i:EudraCT)(?:[ ](?:number|no\.?))?[ :#]{0,3}\d{4}-\d{6}-\d{2}"),
    (_MONTH_GATE, rf"\d(?<!\w\d)\d?(?:st|nd|rd|th)?[ ]{{1,2}}{_MONTHS}\b\.?(?:,?[ ]{{1,2}}\d{{4}})?"),  # 2 Feb 2003
    (_MONTH_GATE, rf"\b{_MONTHS}\b\.?[ ]{{1,2}}\d{{1,2}}(?:st|nd|rd|th)?,?[ ]{{1,2}}\d{{4}}\b"),  # Feb 2, 2003
    (_MONTH_GATE, rf"\b{_MONTHS}\b\.?[ ]{{1,2}}\d{{1,2}}(?:st|nd|rd|th)?\b(?![ ]?[%\d.]|[ ]{{1,2}}[a-zμ])"),  # Dec 16
    (_MONTH_GATE, rf"\b{_MONTHS}\b\.?(?:[ ]?-[ ]?{_MONTHS}\.?)?,?[ ]{{1,2}}(?:of[ ])?\d{{4}}\b"),  # January 2010
    (None, r"\d(?<!\w\d)(?:\d{3}-\d{6}-\d{2}\b|\d?(?P<dsep>[/.-])\d{1,2}(?P=dsep)\d{2,4}\b|\d{3}-\d{2}-\d{2}\b)"),  # 12/05/2003
    ((";",), (r"(?:1(?<!\w1)[89]|2(?<!\w2)0)\d{2}(?:;\d+(?:[ ]?\([^)]{0,12}\))?(?:[ ]?(?i:suppl)\.?[ ]?\d*)?"
              r"(?:[ ]?:[ ]?[A-Za-z]?\d+(?:[ ]?-[ ]?[A-Za-z]?\d+)?)?|[ ]?;[ ]?\d+(?:[ ]?\([^)]{0,12}\))?"
              r"(?:[ ]?(?i:suppl)\.?[ ]?\d*)?[ ]?:[ ]?[A-Za-z]?\d+(?:[ ]?-[ ]?[A-Za-z]?\d+)?)")),  # 2000;62 Suppl 1:79-83
    ((":",), r"\d(?<!\w\d)\d*[ ]?\([\w -]{1,10}\)[ ]?:[ ]?[A-Za-z]?\d+(?:[ ]?-[ ]?[A-Za-z]?\d+)?"),  # 6(3):285-288
    ((":",), r"\d(?<!\w\d)\d*(?::\d+)+(?:-\d+)?"),  # 1:1, 10:30, 1:79-83
    (None, r"(?m:^[ ]{0,3}\d{1,2}(?:(?:\.\d{1,2}){1,3}\.?|\.)[ ]{1,3}(?=[A-Z][a-z]))"),  # section numbers "2.1 Methods"
    (("(",), r"[FtTχZzH](?<!\w[FtTχZzH])[ ]?\([ ]?\d+(?:[ ]?,[ ]?\d+(?:\.\d+)?)?[ ]?\)"),  # F(1, 38), χ(2)
    (None, r"(?:1(?<![\w.]1)9|2(?<![\w.]2)0)\d{2}[ ]?(?:-|/)[ ]?(?:(?:19|20)\d{2}|\d{2})(?![\d%.])(?!" + UNIT + ")"),  # 1999-2000
]


_BLOCKERS = [(gate, re.compile(rx)) for gate, rx in _BLOCKER_GROUPS]


# a number that names something: "grade 3", "phase 2", "type 2", "Table 1", "day 28", "ECOG PS 0-1"
_NAME_WORDS = (
    r"(?<!\d[ ])(?<![\d-])\b(?:(?i:grades?|stages?|phases?|types?|class(?:es)?|level|cycles?|days?|week|wk|month|"
    r"year|visits?|arm|group|cohort|steps?|version|figures?|figs?\.?|tables?|nos?\.|algorithms?|methods?|"
    r"supplements?|axis|axes|sections?|chapters?|appendix|part|round|"
    r"session|lines?|fractions?|model|items?|criteria|criterion|questions?|no\.|refs?\.?|references?|lead|segment|chromosomes?|"
    r"exons?|introns?|codons?|position|lane|isotypes?|subtypes?|serotypes?|genotypes?|gleason|bi-?rads|nyha|ecog|"
    r"karnofsky|experiments?|protocol|dimension|domains?|quadrants?|equations?|eqs?\.?|formula|scheme|"
    r"supplementary|supplemental|suppl\.?|vol\.?|volume|issue|pp\.?|page|pages|tier|category|categories|"
    r"generation|era|edition|release)"
    r"|WHO|ASA|KPS|TNM|FIGO|AJCC|ICD|DSM|CTCAE|RECIST|PS|pT|pN|cT|cN|ISO|CA|IL|CD|HLA|CYP|HPV|HIV|HER|ERBB|COX|"
    r"BRCA|TLR|Ki|SF|EQ|QLQ|MK|GPT)[ ]{0,2}[-#]?[ ]{0,2}")
_NAME_CHAIN = re.compile(
    _NAME_WORDS + r"(?:(?:\d+[a-z]?|[IVX]+)[ ]{0,2}(?:,[ ]{0,2}(?:and|or)?|and|or|to|-|/|&|vs\.?)[ ]{0,2})*$")
_NAME_DIRECT = re.compile(_NAME_WORDS + r"$")
# where a match of a pattern that starts with a word-bounded letter can start: a letter after a word boundary
_WORD_START = re.compile(r"\b(?=[^\W\d_])")
# every character that may follow the name word in a _NAME_CHAIN / _NAME_DIRECT match: "grade 3a, 4 and 5-"
_AFTER_NAME = "0123456789abcdefghijklmnopqrstuvwxyzIVX ,-/&.#"


def ends_with_name(rx: re.Pattern, before: str) -> bool:
    """``bool(rx.search(before))`` for ``_NAME_CHAIN`` and ``_NAME_DIRECT``, tried only where a match can
    start. A match is a name word (letters, ``.``, ``-``) at a word start, then only characters of
    :data:`_AFTER_NAME` up to the end; so it starts in the run of letters around the last character that is
    not one of those, or after it, and ``rx.match`` is tried at those word starts alone. Same answer; the
    engine's search tries the case-insensitive alternation of some hundred name words at every word start
    of the window, one word at a time."""
    k = len(before.rstrip(_AFTER_NAME))
    while k > 0 and (before[k - 1].isalpha() or before[k - 1] in ".-"):
        k -= 1
    return any(rx.match(before, m.start()) for m in _WORD_START.finditer(before, k))
_NAME_DECIMAL = re.compile(r"\b(?i:version|sections?|sect|tables?|figs?|figures?|chapters?|appendix|eqs?|"
                           r"equations?|release|SPSS|Stata|SAS|R)\.?[ ]{0,2}$")
_WORD_STARTS = frozenset(w[:3] for w in NUMBER_WORD_SET) | {"app", "abo", "aro", "nea", "alm", "rou", "cir",
                                                           "ca.", "mor", "les", "gre", "hig", "low", "at ", "up ",
                                                           "bet", "wit", "bel", "exc", "no ", "not", "lar",
                                                           "sma", "sho", "lon", "few", "in "}
_FIRST_NUM = re.compile(r"\D{0,40}?(?P<int>\d+)(?P<dec>\.\d)?")
# "arm 2" is a name, "(TU arm 87, ACT arm 82)" are counts: these words name only small numbers
_SMALL_NAME = re.compile(r"\b(?i:arm|group|cohort)[ ]{0,2}[-#]?[ ]{0,2}$")
_AGE_BEFORE = re.compile(
    r"(?i:\b(?:aged?|ages)\b)[ ]{0,2}(?:\(?(?:range|mean|median|years?|yrs?|y)\)?[ ]{0,2})?"
    r"(?:(?:[,:=]|of|was|were|is|ranged|ranging|range|between|from|at|above|below)[ ]{0,2}){0,3}$")
_AGE_AFTER = re.compile(r"(?i:[ ]{0,2}(?:old\b|of[ ]age\b))")
_RANGE_BEFORE = re.compile(
    r"(?:(?i:\b(?:range[ds]?|ranging|IQR|interquartile[ ]range|between|from|quartiles?|CI))[ ]{0,2}[,:=]?[ ]{0,2}"
    r"(?i:from|of|was|were|is)?[ ]{0,2}$|\d[%\w/.]{0,10}[ ]{0,2}\([ ]{0,2}$|(?i:aged?|ages)[ ]{0,2}$)")
_STAT_BEFORE = re.compile(r"(?i:\b(mean|median|average))[ ]{0,2}(?:[,:=][ ]{0,2}|(?:of|was|were|is)[ ]{1,2})?$")
_YEAR = re.compile(r"(?:1[89]|20)\d{2}")

# confirmations of a weak (bare integer / number word) candidate
# a time point or window before a number: "at weeks 0-96", "week 48", "days 1 to 5"
_TIME_BEFORE = re.compile(r"\b(?i:weeks?|months?|days?|years?|hours?|visits?|cycles?|wk|mo)[ ]{1,2}"
                          r"(?:\d+(?:\.\d+)?[ ]{0,2}(?:-|to|through|and)[ ]{0,2})?$")
_PCT_AFTER = re.compile(r"[ ]{0,2}[(\[][ ]{0,2}[-+]?\d+(?:\.\d+)?[ ]?(?:%|(?i:per[ ]?cent|percent))")
_NUM_BRACKET_AFTER = re.compile(r"[ ]{0,2}[(\[][ ]{0,2}[-+]?\.?\d")
# an item of a parenthetical arm list: "(26 Poly E, eight placebo)", "(tamoxifen 34, placebo 36, ..."
_LABEL = r"(?:(?!and\b)[A-Za-z][\w/+.-]*(?:[ ](?!and\b)[\w/+.-]+){0,4})"
_ITEM_A_AFTER = re.compile(rf",?[ ]{{1,2}}{_LABEL}[ ]{{0,2}}(?:[,;)\]]|[ ]and\b)")
_ITEM_A_BEFORE = re.compile(r"(?:[(\[,;:]|\band)[ ]{0,2}$")
_ITEM_B_BEFORE = re.compile(rf"[(\[,;][ ]{{0,2}}{_LABEL}[ ]{{0,2}}[:=,]?[ ]{{1,2}}$")
_ITEM_B_AFTER = re.compile(r"[ ]{0,2}(?:[,;)\]]|and\b)")
_VS = r"(?:versus|vs\.?|v\.?(?![a-z])|compared[ ](?:with|to)|against)"
_VS_AFTER = re.compile(rf"[ ]{{0,3}},?[ ]{{0,2}}(?i:{_VS})[ ]{{0,3}}(?=[-+]?[\d.]|[A-Za-z]+\b)")
_VS_BEFORE = re.compile(rf"(?i:{_VS})[ ]{{0,3}}$")
_LIST_AFTER = re.compile(r"[ ]{0,2}(?:,[ ]{0,2}(?:and|or)?|and|or|&|;)[ ]{0,3}")
_GROUP_AFTER = re.compile(
    r"[ ]{1,2}(?:in|on|with|from|for|into|to)[ ]{1,2}(?:the[ ]{1,2})?(?:[\w+/-]+[ ]{1,2}){0,3}(?i:group|arm|cohort)s?\b")
# (the arm-pair patterns below run over the whole text: their first digit comes before the look-behind, as in
# the blockers above)
_ARM_PAIR = re.compile(
    r"(?P<a>\d(?<![\w.]\d)\d*)[ ]{1,2}(?:on|in|with|for|receiving|to)[ ]{1,2}(?:the[ ])?[\w+/-]+(?:[ ][\w+/-]+)?[ ]{0,2},?"
    r"[ ]{0,2}(?:versus|vs\.?|v\.?|and|compared[ ]with)[ ]{1,2}(?P<b>\d+)[ ]{1,2}(?:on|in|with|for|receiving|to)\b")
# bare arm counts written as a list of labelled items: "8 afatinib-, 6 lapatinib-", "110 radiotherapy, 161 no
# radiotherapy", "787 white (80%) and 195 African American", "297 no-Ax and 310 Ax"
_LABELLED_PAIR = re.compile(
    r"(?P<a>\d(?<![\w.,:/-]\d)\d{0,4})[ ]{1,2}(?!(?i:of|to|in|at|on|and|or|vs|versus|per|times|x|years?|months?|weeks?|"
    r"days?|hours?|is|was|are|were|be|been|has|have|had)\b)[A-Za-z][\w+/-]*(?:[ ](?!and\b|or\b|vs\b|versus\b)[A-Za-z][\w+/-]*){0,2}[ ]{0,2}"
    r"(?:\([^()\n]{1,20}\)[ ]{0,2})?(?:,|;|and|vs\.?|versus)[ ]{1,3}(?:and[ ]{1,2})?(?P<b>\d{1,5})(?![\w.,%-]|[ ]?%)"
    r"[ ]{1,2}(?!(?i:of|to|in|at|on|and|or|vs|versus|per|times|x|years?|months?|weeks?|days?|hours?)\b)[A-Za-z]")
_TO_ARM_AFTER = re.compile(r"[ ]{1,2}(?:to|on|with)[ ]{1,2}(?:the[ ]{1,2})?[A-Za-z][\w-]*")
_TO_ARM_BEFORE = re.compile(r"(?:[,;(:]|\band|(?i:randomi[sz]ed|assigned|allocated))[ ]{0,2}$")
_OF_THESE_AFTER = re.compile(r"[ ]{1,2}of[ ]{1,2}(?:the|these|those|them|whom)\b")
# "SC (34) or control arm (17)": bracketed arm sizes (a lone "(28)" may be a citation)
_PAREN_PAIR = re.compile(r"(?P<a>\d(?<=[A-Za-z][ ]\(\d)\d{1,4})\)[ ]{1,2}(?:or|and|vs\.?|versus)[ ]{1,2}[^()\n]{1,40}?"
                         r"\((?P<b>\d{2,5})\)")
_STAT_PAREN_AFTER = re.compile(r"[ ]{0,2}\([ ]{0,2}(?i:range|IQR|SD|SE|95[ ]?%|median|mean)\b")
_PAREN_AFTER = re.compile(r"[ ]{0,2}\((?![ ]?(?i:figs?|tables?|see|suppl|phase|refs?|e\.g|i\.e|eqs?)\b)")
_ARM_WORD_AFTER = re.compile(r"[ ]{1,2}(?:(?:with|on|in|for|to)[ ]{1,2}(?:the[ ]{1,2})?)?"
                             r"(?i:intervention|control|placebo|usual[ ]care|experimental|comparison|"
                             r"treatment|treated|untreated)\b")
_STAT_WEAK_BEFORE = re.compile(r"(?i:\b(?:mean|median|average|total|overall)[ ]{0,2}(?:[,:=]|of|was|were|is)?[ ]{0,2})$")
_VERB_AFTER = re.compile(
    r"[ ]{1,2}(?:were|had|died|developed|experienced|completed|underwent|received|achieved|required|withdrew|"
    r"discontinued|remained|relapsed|responded|reported|showed|presented|agreed|enrolled|participated|consented|"
    r"declined|refused|dropped|returned|survived|each|formed|constituted|comprised|could|who|assigned|allocated|"
    r"randomi[sz]ed|receiving|given|treated|taking|using|undergoing|not|included|excluded|analy[sz]ed|evaluable|"
    r"evaluated|assessed)\b")
# "(74 placebo, 62 tamoxifen)", "(TAM 64, ACT 65)", "(Arm A: 284, Arm B: 277)", "(IG = 18)": arm lists of counts
_ARM_ITEM_A = r"[ ]{0,2}\d+(?:,\d{3})*[ ]{1,2}(?:given[ ]|on[ ]|in[ ])?[A-Za-z][\w/+-]*(?:[ ][A-Za-z][\w/+-]*)?[ ]{0,2}"
_ARM_ITEM_B = r"[ ]{0,2}[A-Za-z][\w/+ -]{0,20}?(?:[ ]?[:=,][ ]?|[ ])\d+(?:,\d{3})*[ ]{0,2}"
_ARM_LIST = re.compile(rf"\((?:(?:{_ARM_ITEM_A}[,;])+{_ARM_ITEM_A}|(?:{_ARM_ITEM_B}[,;])*{_ARM_ITEM_B})\)")
_INT_IN = re.compile(r"(?<![\w.,])\d+(?:,\d{3})*(?![\w.]|,\d)")
_UNIT_GAP = re.compile(rf"[ ]{{0,2}}(?:,[ ]{{0,2}}(?:and|or)?|and|or|to|;|(?i:{_VS}))[ ]{{0,3}}")
_CI_GAP = re.compile(r"[ ]{0,2}[,;]?[ ]{0,2}(?P<ob>[(\[])?[ ]{0,2}")
_CLOSE = re.compile(r"[ ]{0,2}[)\]]")
_SIMPLE = ("value", "percentage", "duration", "dose")
