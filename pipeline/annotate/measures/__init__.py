"""claimex measures: a rule (regex) parser for the numbers of biomedical abstracts.

``parse_measures(text) -> list[ParsedMeasure]`` is pure, compiled once, works on the raw text (not on
tokens) and never raises. Offsets are Python ``str`` indices into ``text`` (end exclusive) and
``text[m.start:m.end] == m.text``. The spaCy component ``claimex_measures`` (``component.py``) stores
the result in ``doc._.measures``.

How a text is read
------------------
* Unicode is folded one character for one (offsets survive): dashes/minus ``– — ‑ −`` -> ``-``,
  thin/narrow/no-break spaces -> space, ``≦ ⩽`` -> ``≤``, ``≧ ⩾`` -> ``≥``, ``∼ ≈`` -> ``~``,
  ``µ`` -> ``μ``, superscript digits (``m²``, ``10⁻³``), ``0·05`` -> ``0.05`` (``numbers.py``).
* Numbers: ``1,009`` and ``13 388`` (thousands), ``.004``, ``-5.8``, ``4.0 × 10-10`` / ``×10^9``,
  number words (``Twenty one``, ``Nine hundred seven``, ``thirty-nine``).
* Operators: ``< > ≤ ≥ <= >= </= >/= =< <or=`` and words (``more than``, ``at least`` -> ``>=``,
  ``up to`` -> ``<=``, ``approximately``/``about``/``~`` -> ``~``).
* Units are normalised lightly: ``percent``/``per cent`` -> ``%``; ``mo``, ``mo.``, ``months`` ->
  ``months``; ``yrs``/``y`` -> ``years``; ``d``/``days`` -> ``days``; ``hrs``/``h`` -> ``h``;
  ``ml`` -> ``mL``; ``mcg``/``ug`` -> ``μg``; ``mm Hg`` -> ``mmHg``; ``mg/m(2)`` -> ``mg/m2``;
  compounds keep their slashes (``mg/kg``, ``mL/kg/min``); ``per day`` -> ``/day``.
  For counts, the counted noun is the unit (``127 patients`` -> unit ``patients``).

Which kind wins (one measure per span; spans never overlap)
------------------------------------------------------------
The longest candidate span wins; among equally long ones the more structured kind wins, in this
order: ``ratio`` > ``ci`` > ``p_value`` > ``mean_sd`` > ``median_iqr`` > IQR/age patterns >
``threshold`` > ``range`` > ``count`` (``X of Y``, ``X/Y``) > ``sample_size`` (``n = X``) > unit-typed
single values > counted nouns > bare decimals. Concretely:

* ``ratio``: ``OR 2.1 (95% CI 1.2-3.4)`` is ONE measure: stat ``OR``, value 2.1, ci_low/ci_high 1.2/3.4,
  level 95. Stats: OR/aOR/HR/aHR/RR/IRR/MD/SMD/WMD/RD/ARR/RRR/NNT/AUC/ICC/SIR/SMR and their spelled-out
  names (``hazard ratio for X, 1.31; 95% CI, 0.95 to 1.80``); ``r``/``β``/``κ`` only with ``=``/``<``/``>``.
  A bracketed range right after the ratio (``HR 0.76 (0.61-0.95)``) is its CI (level None).
* ``ci``: ``95% CI 1.2-3.4`` -> level 95, low 1.2, high 3.4. A CI directly after any estimate (value,
  percentage, duration, dose, mean_sd) is merged into that estimate, which keeps its kind.
* ``p_value``: ``P = 0.971`` (op ``=``), ``p<0.05`` (op ``<``), ``P = .004``, ``P for trend = 0.02``;
  value must lie in [0, 1]. ``stat`` is ``P``.
* ``mean_sd``: ``12.3 ± 4.5``, ``12.3 +/- 4.5``, ``59.5 (SD=5.6) years``, ``10.5 (± 4.28)``,
  ``mean (SD) 12.3 (4.5)`` -> value, sd; stat ``SE`` when the dispersion is written SE/SEM, else ``SD``.
* ``median_iqr``: ``median 5 (IQR 3-7)``, ``54% (IQR: 46-59%)`` -> value, low, high, stat ``median``.
  ``IQR 3-7`` alone is a ``range`` with stat ``IQR``.
* ``threshold``: an inequality operator before a number (``>50%`` -> op ``>``, value 50, unit ``%``;
  ``≥ 18 years``; ``at least 18 months``) or after it (``50 years or older`` -> op ``>=``). ``~``
  (``approximately 40%``) is not a threshold: the measure keeps its base kind with op ``~``.
* ``range``: two numbers joined by ``-``, ``to``, ``through``, ``between X and Y``, ``from X to Y``
  (``57-91%`` -> low 57, high 91, unit ``%``; ``6-42.5 months``; ``3 to 7``; ``13 [9, 16]`` -> the
  bracketed ``9, 16``). Requires low < high (otherwise it is not a range; two negatives written
  ``-25.9 to -26.5`` are swapped). ``between`` is part of the span, ``from`` is not. A bare integer hyphen range (``3-7``, no unit, no decimal) is a
  range only in a range context (``range 3-7``, ``IQR``, right after a number's opening bracket
  ``16 (11-21)``, ``aged 50-69``): otherwise it may be pages, a reference list or a name.
* ``age``: any value/duration/range/threshold in years/months/weeks/days (or unitless) in an age
  context (``aged``, ``age``, ``mean age of``, ``age range``, ``... years old``, ``... of age``,
  ``62-year-old``) becomes kind ``age`` and keeps op/low/high. Without such a context ``≥ 18 years``
  stays a ``threshold`` and ``43-61 yrs`` a ``range``.
* ``count``: ``16 of 41`` (value 16, denominator 41), ``Thirty-nine of the 221 women``, ``3 from 20
  patients``, ``24/53``, ``n = 25/51``; a number followed by a counted noun that is not a person
  (``8 cases``, ``3 cycles``, ``30 vertices``, ``5 PR``, ``28 VTEs``; ``no deaths`` -> 0); a bare integer
  confirmed as a count by its context: a bracketed percentage (``57 (90%)``), ``in the X group/arm``,
  ``to placebo``, a verb (``113 were evaluable``, ``63 enrolled``), an arm list
  (``(74 placebo, 62 tamoxifen)``, ``(TAM 64, ACT 65)``, ``SC (34) or control arm (17)``).
* ``sample_size``: ``n = 96`` and a number followed by (up to two modifiers and) a person noun
  (``127 patients``, ``Twenty consecutive women``, ``121 breast cancer survivors``).
* ``dose``: a mass/activity/radiation amount, alone or per kg/m2/time (``400 mg``, ``75 mg/m2``,
  ``10 IU``, ``50 Gy``, ``2.5 mg/day``), including a frequency that follows (``400 mg every 12 h``,
  ``20 mg twice daily``). ``kg`` alone is a body weight (``value``); ``g/dL`` a concentration (``value``).
* ``duration``: a time unit (``14 days``, ``12 h``, ``5-year``); ``percentage``: ``%``/``percent``;
  ``value``: anything else with a unit (``120 mmHg``, ``4.5 mmol/L``, ``$2436``, ``pH 7.4``) and bare
  decimals (``0.78``). A ``stat`` of ``mean``/``median`` is set when the word directly precedes.
* Approximation (``approximately 78 ± 0.6%``, ``~250 to ~550 ppm``) sets op ``~`` and keeps the kind.

Never a measure
---------------
* Bare integers in running text (``phase 2``, enumerators ``(1)``, ``1)``, years ``2000``) - unless a
  unit, a counted noun or one of the count contexts above confirms them, or they are compared with
  another number (``1 vs 10``) or listed with numbers that carry a unit (``19, 25, and 2 %`` -> three
  percentages: the unit spreads left through a list, also to bare decimals: ``10.8 and 10.2 months``).
* Numbers glued to letters (``5-HIAA``, ``IL-6``, ``COVID-19``, ``BRCA1``, ``CD4+``, ``H1N1``, ``HbA1c``,
  ``T2DM``, ``H2O``, ``v4.0``, ``5th``), unless the letters are a unit (``5mg``, ``6-month``).
* Names: a number after ``grade``, ``stage``, ``phase``, ``type``, ``class``, ``cycle``, ``day``,
  ``week``, ``Table``, ``Figure``, ``version``, ``ECOG PS``, ... (and lists after them: ``grade 3 and 4``).
* Registration numbers (``NCT00380692``, ``ISRCTN...``, EudraCT), DOIs and URLs, PMIDs, dates
  (``January 2010``, ``2 Feb 2003``, ``12/05/2003``), year ranges (``1999-2000``), citations
  (``2000;62 Suppl 1:79-83``, ``6(3):285-288``), ``1:1`` ratios and clock times, section numbers at the
  start of a line (``2.1 Methods``).
"""

from __future__ import annotations

from .measure import KINDS, ParsedMeasure
from .parse import parse_measures

__all__ = ["KINDS", "ParsedMeasure", "parse_measures"]

from . import component as _component  # noqa: F401  (registers the spaCy factory)
