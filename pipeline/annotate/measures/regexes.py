"""The compiled measure patterns (applied to ``numbers.normalise``d text; see ``candidates.py`` for what
each match becomes and ``triggers.py`` for where each pattern is tried)."""

from __future__ import annotations

from .guards import guarded
from .lazy import lazy_compile
from .patterns import ADJ as _ADJ_FOR_NO
from .patterns import (
    COUNTED,
    HYPHEN_UNIT,
    INT,
    NUM,
    NUM_END,
    NUMB,
    OPSYM,
    OPWORD,
    PERSON_NOUNS,
    UNIT,
    WNUM,
)

# -- building blocks ----------------------------------------------------------------------------
_LEVEL = r"(?P<level>\d{2}(?:\.\d+)?)[ ]?%"
_CIKEY = (r"(?:CI|C\.I\.|CrI|Cl|(?i:confidence[ ]intervals?|confidence[ ]limits?|credible[ ]intervals?"
          r"|uncertainty[ ]intervals?))")
_CI_HEAD = (rf"(?:(?<![\w.]){_LEVEL}[ ]{{0,2}}{_CIKEY}(?:[ ]{{0,2}}[\[(][ ]?(?:CI|CrI)[ ]?[\])])?"
            rf"|(?<![\w])(?:CI|CrI)(?:[ ]{{0,2}}\(?(?P<level2>\d{{2}}(?:\.\d+)?)[ ]?%\)?)?(?![\w]))")
_LINK = r"(?:[,:=][ ]{0,2}|(?:of|was|were|is|from)[ ]{1,2})?"
_RSEP = r"(?:[ ]{0,3}(?:-|to|,|;|and)[ ]{0,3})"
_PM = r"(?:±|\+[ ]?/[ ]?-|\+-)"
_STAT_ABBR = (r"(?<![\w-])(?P<abbr>a?ORs?|AORs?|a?HRs?|AHRs?|a?RRs?|ARR|RRR|IRR|SIR|SMR|sHR|SHR|csHR|SMD|WMD|MD|"
              r"ARD|RD|AUCs?|AUROC|ICC|NNT|NNH|GMR)(?![\w-])")
_STAT_WORD = (r"(?P<word>(?i:(?:adjusted[ ]|unadjusted[ ]|pooled[ ]|crude[ ]|overall[ ]|summary[ ]|"
              r"multivariate[ ]|multivariable[ ])?(?:odds[ ]ratio|hazard[ ]ratio|risk[ ]ratio|rate[ ]ratio|"
              r"relative[ ]risk|relative[ ]hazard|incidence[ ]rate[ ]ratio|subdistribution[ ]hazard[ ]ratio|"
              r"standardi[sz]ed[ ]mean[ ]difference|weighted[ ]mean[ ]difference|mean[ ]difference|"
              r"risk[ ]difference|absolute[ ]risk[ ]reduction|relative[ ]risk[ ]reduction|"
              r"number[ ]needed[ ]to[ ]treat|standardi[sz]ed[ ]incidence[ ]ratio|standardi[sz]ed[ ]mortality[ ]"
              r"ratio|prevalence[ ]ratio|area[ ]under[ ](?:the[ ])?(?:curve|ROC[ ]curve)|correlation[ ]"
              r"coefficient|kappa)s?))")
_STAT_EQ = r"(?P<eq>(?<![\w])(?:r|ρ|rho|β|beta|κ|R2|R\^2|τ|tau)(?![\w])(?=[ ]{0,2}(?:=|<|>|≤|≥)))"
_FREQ = (r"(?:,?[ ]{1,2}(?:(?:once|twice|thrice|(?:one|two|three|four|five|six|\d)[ ]times)[ ]"
         r"(?:a[ ]|per[ ]|each[ ]|every[ ])?(?:day|daily|week|weekly|month|monthly)|once|twice|daily|weekly|monthly|"
         r"nightly|(?:a|per|each)[ ](?:day|week)|b\.?i\.?d\.?|t\.?i\.?d\.?|q\.?i\.?d\.?|q\.?d\.?|qhs|"
         r"q[ ]?\d{1,2}[ ]?(?:h|hr|hrs|hours|w|wk|wks|weeks|d|days)|every[ ](?:other[ ])?"
         r"(?:(?:\d{1,3}|two|three|four|six|eight|twelve)(?:[ ]?(?:-|to)[ ]?\d{1,3})?[ ])?"
         r"(?:h|hr|hrs|hours?|days?|d|weeks?|wks?|months?))(?![\w]))")
_IQRLAB = (r"(?:IQR|(?i:interquartile[ ]range|inter-quartile[ ]range|quartiles?|Q1[ ]?-[ ]?Q3|"
           r"25th[ ]?(?:-|to|and)[ ]?75th[ ](?:percentiles?|centiles?))(?:[ ]{0,2}[(\[]IQR[)\]])?)")
_NUMX = rf"(?:{NUMB}|{WNUM})"
_APX = guarded(r"(?P<apx>(?<![\w])(?i:approximately|approx\.|about|around|nearly|almost|roughly|circa|ca\.)"
               r"[ ]{1,2}(?:~[ ]?)?|(?<![<>=])~[ ]?)")

RE_P = lazy_compile(
    r"(?<![^\W\d_])(?:[pP](?:[ ]?-?[ ]?values?)?(?:[ ]?(?:\([a-z ]{2,15}\)|(?:for[ ])?(?:linear[ ])?"
    r"(?:trend|interaction|heterogeneity|het|int)))?)[ ]{0,3}(?:[,:][ ]{0,2})?"
    rf"(?P<op>{OPSYM}|=|(?:of|was|is|equal[ ]to|was[ ]equal[ ]to)(?=[ ]))[ ]{{0,3}}"
    rf"(?P<num>10[ ]?\^?-\d{{1,3}}(?!\d)|{NUM}){NUM_END}")
RE_CI = lazy_compile(
    rf"{_CI_HEAD}[ ]{{0,3}}{_LINK}(?P<ob>[\[(])?[ ]{{0,2}}(?P<lo>{NUM})(?P<lu>{UNIT})?{_RSEP}"
    rf"(?P<hi>{NUM})(?P<hu>{UNIT})?(?(ob)[ ]{{0,2}}[\])]|{NUM_END})")
_TAIL_HEAD = _CI_HEAD.replace("?P<level>", "?P<tlevel>").replace("?P<level2>", "?P<tlevel2>")
RE_RATIO = lazy_compile(
    rf"(?:{_STAT_ABBR}|{_STAT_WORD}|{_STAT_EQ})"
    r"(?:[ ]{1,2}(?:for|of|in)[ ][^\d;:()\[\]=<>\n]{1,60}?(?=[ ]?[,:=]))?[ ]{0,2}(?:\([^()\n]{1,25}\)[ ]{0,2})?"
    r"(?:[,:=][ ]{0,3}|[ ](?:of|was|were|is|being)[ ]{1,2}|[ ]{0,2})"
    rf"(?P<op>{OPSYM}[ ]{{0,2}})?(?P<val>{NUM}){NUM_END}"
    rf"(?P<tail>[ ]{{0,2}}[,;]?[ ]{{0,3}}(?P<tob>[\[(])?[ ]{{0,2}}"
    rf"(?P<thead>{_TAIL_HEAD}[ ]{{0,3}}{_LINK}(?P<tob2>[\[(])?)?[ ]{{0,2}}"
    rf"(?P<tlo>{NUM}){_RSEP}(?P<thi>{NUM})(?(tob2)[ ]{{0,2}}[\])])(?(tob)[ ]{{0,2}}[\])]|{NUM_END}))?")
_KW_MEAN = r"(?P<kw>(?i:mean|average)[ ]{0,2}(?:[,:=][ ]{0,2}|(?:of|was|were|is)[ ]{1,2})?)?"
RE_MSD1 = lazy_compile(rf"{_KW_MEAN}{_APX}?(?P<val>{NUMB})(?P<u1>{UNIT})?[ ]{{0,3}}{_PM}[ ]{{0,3}}(?P<sd>{NUM})"
                     rf"(?:(?P<u2>{UNIT})|{NUM_END})")
RE_MSD2 = lazy_compile(rf"\([ ]{{0,2}}(?P<val>{NUM})[ ]{{0,3}}{_PM}[ ]{{0,3}}(?P<sd>{NUM})[ ]{{0,2}}\)(?P<u2>{UNIT})")
RE_MSD3 = lazy_compile(
    rf"{_KW_MEAN}(?P<val>{NUMB})(?P<u1>{UNIT})?[ ]{{0,2}}[(\[][ ]{{0,2}}"
    rf"(?:(?P<lab>SD|S\.D\.|sd|SE|SEM|s\.e\.|s\.d\.)(?:[ ]{{0,2}}[=:,][ ]{{0,2}}|[ ]{{1,2}})|{_PM}[ ]{{0,2}})"
    rf"(?P<sd>{NUM})(?P<u2>{UNIT})?[ ]{{0,2}}[)\]](?P<u3>{UNIT})?")
RE_MSD4 = lazy_compile(
    rf"(?P<kw>(?i:mean))[ ]{{0,2}}(?:\([ ]{{0,2}}(?:±[ ]?)?(?P<lab>SD|SE|SEM)[ ]{{0,2}}\)|{_PM}[ ]{{0,2}}"
    rf"(?P<lab2>SD|SE|SEM))[ ]{{0,3}}(?:[,:=][ ]{{0,2}}|(?:of|was|were|is)[ ]{{1,2}})?(?P<val>{NUM})(?P<u1>{UNIT})?"
    rf"[ ]{{0,3}}(?:\([ ]{{0,2}}(?P<sd>{NUM})[ ]{{0,2}}\)|{_PM}[ ]{{0,2}}(?P<sd2>{NUM}))(?P<u2>{UNIT})?")
_KW_MED = r"(?P<kw>(?i:median)[ ]{0,2}(?:[,:=][ ]{0,2}|(?:of|was|were|is)[ ]{1,2})?)?"
RE_MIQR1 = lazy_compile(
    rf"{_KW_MED}(?P<val>{NUMB})(?P<u1>{UNIT})?[ ]{{0,2}}[,;]?[ ]{{0,2}}(?P<ob>[(\[])?[ ]{{0,2}}(?P<lab>{_IQRLAB})"
    rf"[ ]{{0,2}}(?:[,:=][ ]{{0,2}})?(?P<lo>{NUM})(?P<lu>{UNIT})?(?:[ ]{{0,3}}(?:-|to|,|;)[ ]{{0,3}})(?P<hi>{NUM})"
    rf"(?P<u2>{UNIT})?(?(ob)[ ]{{0,2}}[)\]]|{NUM_END})")
RE_MIQR2 = lazy_compile(
    rf"(?P<kw>(?i:median))[ ]{{0,2}}[(\[][ ]{{0,2}}(?P<lab>{_IQRLAB})[ ]{{0,2}}[)\]][ ]{{0,3}}"
    rf"(?:[,:=][ ]{{0,2}}|(?:of|was|were|is)[ ]{{1,2}})?(?P<val>{NUM})(?P<u1>{UNIT})?[ ]{{0,3}}[(\[][ ]{{0,2}}"
    rf"(?P<lo>{NUM})(?:[ ]{{0,3}}(?:-|to|,|;)[ ]{{0,3}})(?P<hi>{NUM})[ ]{{0,2}}[)\]](?P<u2>{UNIT})?")
RE_IQR = lazy_compile(
    rf"(?<![\w])(?P<lab>IQR|(?i:interquartile[ ]range))[ ]{{0,2}}(?:[,:=][ ]{{0,2}})?(?P<lo>{NUM})(?P<lu>{UNIT})?"
    rf"(?:[ ]{{0,3}}(?:-|to|,)[ ]{{0,3}})(?P<hi>{NUM})(?:(?P<u2>{UNIT})|{NUM_END})")
RE_AGE_OLD = lazy_compile(
    rf"(?P<val>{NUMB}|{WNUM})[ -](?P<u>(?i:years?|yrs?|months?|mos?|weeks?|wks?|days?))[ -](?i:old)(?![\w])")
RE_TH1 = lazy_compile(
    rf"(?P<op>(?<![<>=/])(?<![^\W\d_]){OPSYM}[ ]{{0,2}}|(?<![\w]){OPWORD}[ ]{{1,2}})(?:~[ ]?)?(?P<val>{NUM}|{WNUM})"
    rf"(?:(?P<u>{UNIT})(?P<freq>{_FREQ})?|{COUNTED}|(?P<hu>{HYPHEN_UNIT})|{NUM_END})")
RE_TH2 = lazy_compile(
    rf"(?P<val>{NUMB})(?P<u>{UNIT})?(?P<suf>[ ]{{1,2}}(?:of[ ]age[ ]{{1,2}})?(?:or|and)[ ](?:older|more|over|above|"
    r"greater|higher|longer|less|fewer|younger|below|under|lower|shorter))(?![\w])")
_RANGE_TAIL = (rf"(?:(?P<hu>{UNIT})(?:(?P<freq>{_FREQ})|(?P<old>[ -](?i:old)(?![\w])))?|{COUNTED}"
               rf"|(?P<hh>{HYPHEN_UNIT})(?P<old2>-(?i:old)(?![\w]))?|{NUM_END})")
RE_R1 = lazy_compile(
    rf"{_APX}?(?P<lo>{_NUMX})(?P<lu>{UNIT})?(?P<sep>[ ]{{0,2}}-[ ]{{0,2}}|[ ]{{1,2}}(?:to|through)[ ]{{1,2}})(?:~[ ]?)?"
    rf"(?P<hi>{NUM}|{WNUM}){_RANGE_TAIL}")
RE_R2 = lazy_compile(
    rf"(?<![\w])(?P<kw>(?i:between|from))[ ]{{1,2}}(?P<lo_at>{_APX}?)(?P<lo>{_NUMX})(?P<lu>{UNIT})?[ ]{{1,2}}"
    rf"(?P<sep>and|to)[ ]{{1,2}}(?:~[ ]?)?(?P<hi>{NUM}|{WNUM}){_RANGE_TAIL}")
RE_C_OF = lazy_compile(
    rf"(?P<x>{_NUMX})[ ]{{1,2}}(?P<of>out[ ]of|of|from)[ ]{{1,2}}(?:(?:the|all|these|those|a[ ]total[ ]of)[ ]{{1,2}}"
    rf"(?:[a-z]{{3,15}}[ ]{{1,2}})?)?"
    rf"(?P<y>{INT}(?:[ ]\d{{3}})*(?![\d])|{WNUM})(?:{COUNTED}|{NUM_END})")
RE_C_SLASH = lazy_compile(
    rf"(?<![\w.,/^-])(?P<x>{INT})[ ]?/[ ]?(?P<y>{INT})(?![\d/]|[.,]\d)(?:{COUNTED}|{NUM_END})")
RE_C_N = lazy_compile(rf"(?<![\w])[nN][ ]{{0,2}}(?P<op>=|{OPSYM})[ ]{{0,2}}(?P<x>{NUM})(?:[ ]?/[ ]?(?P<y>{INT})(?!\d))?"
                    rf"(?:{COUNTED}|{NUM_END})")
RE_C_NOUN = lazy_compile(rf"(?P<x>{_NUMX}){COUNTED}")
RE_NO_NOUN = lazy_compile(
    rf"(?<![\w])(?P<x>(?i:no))(?:[ ]{{1,2}}(?:{_ADJ_FOR_NO}[ ]{{1,2}}){{0,2}}(?P<person>{PERSON_NOUNS})"
    rf"|[ ]{{1,2}}(?:{_ADJ_FOR_NO}[ ]{{1,2}}){{0,2}}(?P<cnoun>(?:deaths?|events?|cases?|recurrences?|relapses?|"
    rf"complications?|responses?|infections?|fractures?|episodes?)))(?![\w+-])")
RE_R_BRACKET = lazy_compile(
    rf"(?<=[\d%][ ]\[)(?P<lo>{NUMB})(?P<lu>{UNIT})?[ ]{{0,2}}(?:,|;)[ ]{{0,2}}(?P<hi>{NUM})(?P<hu>{UNIT})?(?=[ ]{{0,2}}\])"
    rf"|(?<=[\d%]\[)(?P<lo2>{NUMB})[ ]{{0,2}}(?:,|;)[ ]{{0,2}}(?P<hi2>{NUM})(?=[ ]{{0,2}}\])")
RE_UNIT = lazy_compile(rf"(?P<val>{NUMB})(?:(?P<u>{UNIT})(?P<freq>{_FREQ})?|(?P<hu>{HYPHEN_UNIT}))")
RE_WORD_UNIT = lazy_compile(rf"(?P<val>{WNUM})(?:(?P<u>{UNIT})|(?P<hu>{HYPHEN_UNIT}))")
RE_BARE = lazy_compile(rf"(?P<val>{NUMB}){NUM_END}")
RE_WORD = lazy_compile(rf"(?P<val>{WNUM})(?![\w-])")
RE_UNIT_AT = lazy_compile(UNIT)
RE_MONEY = lazy_compile(
    rf"(?P<cur>(?<![\w])(?:US|AU|CA|NZ)?\$|€|£)[ ]?(?P<val>{NUM})(?P<mult>[ ](?i:million|billion|thousand)|[ ]?[kKmM](?![\w]))?"
    rf"(?![\w])")
RE_PH = lazy_compile(
    rf"(?<![\w])pH[ ]{{0,2}}(?:[=~][ ]{{0,2}}|(?:of|was|at)[ ]{{1,2}})?(?P<lo>{NUM})(?:[ ]{{0,2}}(?:-|to)[ ]{{0,2}}(?P<hi>{NUM}))?"
    rf"{NUM_END}")
