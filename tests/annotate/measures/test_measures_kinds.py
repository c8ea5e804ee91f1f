"""Every measure kind, on sentences taken from real abstracts (seed, PICO-Corpus, EvidenceMap, MeasEval)."""

from __future__ import annotations

import pytest

from claimex.annotate.measures import KINDS, ParsedMeasure, parse_measures
from claimex.annotate.measures.parse import _parse_strict


def find(text: str, surface: str):
    """The one measure whose text is ``surface`` (fails, showing the parse, when absent)."""
    found = [m for m in _parse_strict(text) if m.text == surface]
    assert found, f"no measure {surface!r} in {[m.text for m in _parse_strict(text)]}"
    return found[0]


def texts(text: str) -> list[str]:
    return [m.text for m in _parse_strict(text)]

SEED = ("The aims of HACE are: (1) to control otherwise untractable hormone-related symptoms, particularly the "
        "carcinoid syndrome (>50% urinary 5-HIAA decrease: 57-91%) and insulinoma-related life-threatening "
        "hypoglycemias; (2) to inhibit tumor growth (objective response rates: 33-80%; mean duration: 6-42.5 months), "
        "and (3) to improve patients' survival.")


def test_seed_sentence_exact():
    ms = parse_measures(SEED)
    assert [(m.text, m.kind) for m in ms] == [
        (">50%", "threshold"), ("57-91%", "range"), ("33-80%", "range"), ("6-42.5 months", "range")]
    th, r1, r2, r3 = ms
    assert (th.op, th.value, th.unit) == (">", 50.0, "%")
    assert (r1.low, r1.high, r1.unit) == (57.0, 91.0, "%")
    assert (r2.low, r2.high, r2.unit) == (33.0, 80.0, "%")
    assert (r3.low, r3.high, r3.unit, r3.value) == (6.0, 42.5, "months", None)


def test_p_values():
    text = ("In the control group, six women had recurrent endometrial polyps requiring hysteroscopic removal "
            "(two-tail Fisher's exact test p <0.06). Survival did not differ (P = 0.971), but toxicity did "
            "(P = .004; p = 0·01; P\u2009<\u20090.001).")
    m = find(text, "p <0.06")
    assert (m.kind, m.op, m.value) == ("p_value", "<", 0.06)
    m = find(text, "P = 0.971")
    assert (m.kind, m.op, m.value) == ("p_value", "=", 0.971)
    assert find(text, "P = .004").value == 0.004
    assert find(text, "p = 0·01").value == 0.01
    assert find(text, "P\u2009<\u20090.001").op == "<"


def test_ci_alone_and_merged():
    m = find("The difference was 3.1 points (95% CI 1.2-3.4).", "3.1 points (95% CI 1.2-3.4)")
    assert (m.value, m.ci_low, m.ci_high, m.level) == (3.1, 1.2, 3.4, 95.0)
    m = find("Mortality differed (difference, -5.8 percentage points; 95 % CI, -17.3 to 5.7).",
             "-5.8 percentage points; 95 % CI, -17.3 to 5.7")
    assert (m.kind, m.value, m.unit, m.ci_low, m.ci_high) == ("percentage", -5.8, "percentage points", -17.3, 5.7)
    m = find("PFS improved (95% CI 1.2-3.4).", "95% CI 1.2-3.4")
    assert (m.kind, m.level, m.low, m.high) == ("ci", 95.0, 1.2, 3.4)


def test_ratio_with_ci():
    m = find("Smoking was associated with recurrence (OR 2.1 (95% CI 1.2-3.4)).", "OR 2.1 (95% CI 1.2-3.4)")
    assert (m.kind, m.stat, m.value, m.ci_low, m.ci_high, m.level) == ("ratio", "OR", 2.1, 1.2, 3.4, 95.0)
    # EvidenceMap (pre-tokenised text)
    text = ("Treatment with lopinavir-ritonavir was not associated with a difference from standard care in the time "
            "to clinical improvement ( hazard ratio for clinical improvement , 1.31 ; 95 % confidence interval [ CI ] "
            ", 0.95 to 1.80 ) .")
    m = next(m for m in parse_measures(text) if m.kind == "ratio")
    assert (m.stat, m.value, m.ci_low, m.ci_high, m.level) == ("HR", 1.31, 0.95, 1.80, 95.0)
    m = find("(HR\u2009=\u20090.86, 95% CI 0.61-1.22)", "HR\u2009=\u20090.86, 95% CI 0.61-1.22")
    assert (m.stat, m.value, m.ci_low) == ("HR", 0.86, 0.61)
    m = find("Median PFS was longer (hazard ratio, 0.75; P = 0.0015).", "hazard ratio, 0.75")
    assert (m.kind, m.stat) == ("ratio", "HR")


def test_mean_sd():
    m = find("Drainage volume was 12.3 ± 4.5 mL.", "12.3 ± 4.5 mL")
    assert (m.kind, m.value, m.sd, m.unit) == ("mean_sd", 12.3, 4.5, "mL")
    m = find("number of queries par patient: 6.1 +/- 9.7 versus 5.4 +/- 6.4", "6.1 +/- 9.7")
    assert (m.value, m.sd) == (6.1, 9.7)
    m = find("Participants (n=54) had a mean age of 59.5 (SD=5.6) years, BMI of 31.9", "59.5 (SD=5.6) years")
    assert (m.kind, m.value, m.sd, m.unit, m.stat) == ("mean_sd", 59.5, 5.6, "years", "SD")


def test_median_iqr_and_iqr():
    m = find("Time to drain removal was median 5 (IQR 3-7) days.", "median 5 (IQR 3-7)")
    assert (m.kind, m.value, m.low, m.high, m.stat) == ("median_iqr", 5.0, 3.0, 7.0, "median")
    m = find("decreased from pre intervention level of 54% (IQR: 46-59%)", "54% (IQR: 46-59%)")
    assert (m.kind, m.value, m.low, m.high, m.unit) == ("median_iqr", 54.0, 46.0, 59.0, "%")
    m = find("The IQR 3-7 was narrow.", "IQR 3-7")
    assert (m.kind, m.stat, m.low, m.high) == ("range", "IQR", 3.0, 7.0)


def test_ranges():
    text = ("They were followed for at least 18 months (range 18-24 mo), and lesions measured 3 to 7 mm; "
            "women aged 50-69\u2009years were invited.")
    m = find(text, "18-24 mo")
    assert (m.kind, m.low, m.high, m.unit) == ("range", 18.0, 24.0, "months")
    m = find(text, "3 to 7 mm")
    assert (m.kind, m.low, m.high, m.unit) == ("range", 3.0, 7.0, "mm")
    m = find("The score ranged from 3 to 7 in both arms.", "3 to 7")
    assert (m.kind, m.low, m.high, m.unit) == ("range", 3.0, 7.0, None)
    m = find("patients between 55 and 80\u2009years underwent", "between 55 and 80\u2009years")
    assert (m.low, m.high, m.unit) == (55.0, 80.0, "years")


def test_thresholds_and_age():
    text = "They were followed for at least 18 months, including transvaginal ultrasonography."
    m = find(text, "at least 18 months")
    assert (m.kind, m.op, m.value, m.unit) == ("threshold", ">=", 18.0, "months")
    m = find("Eligible women were \u2265 18 years.", "\u2265 18 years")
    assert (m.kind, m.op, m.value, m.unit) == ("threshold", ">=", 18.0, "years")
    m = find("women with advanced breast cancer aged \u2265\u200965\u2009years were enrolled", "\u2265\u200965\u2009years")
    assert (m.kind, m.op, m.value, m.unit) == ("age", ">=", 65.0, "years")
    m = find("in women >/=70 years", ">/=70 years")
    assert (m.op, m.value, m.unit) == (">=", 70.0, "years")
    m = find("Twenty consecutive women (age range 43-61 yrs).", "43-61 yrs")
    assert (m.kind, m.low, m.high, m.unit) == ("age", 43.0, 61.0, "years")
    m = find("in women 50 years of age or older who had T1 tumours", "50 years of age or older")
    assert (m.kind, m.op, m.value) == ("age", ">=", 50.0)
    m = find("A 62-year-old woman presented.", "62-year-old")
    assert (m.kind, m.value, m.unit) == ("age", 62.0, "years")


def test_counts_and_sample_sizes():
    m = find("The SN was negative in 16 of 41 patients.", "16 of 41 patients")
    assert (m.kind, m.value, m.denominator, m.unit) == ("count", 16.0, 41.0, "patients")
    m = find("Thirty-nine of the 221 women in the HT arm died.", "Thirty-nine of the 221 women")
    assert (m.value, m.denominator) == (39.0, 221.0)
    m = find("pCR on WP = 5/19(26%)", "5/19")
    assert (m.kind, m.value, m.denominator) == ("count", 5.0, 19.0)
    text = "Patients were randomized to intervention (N\u2009=\u200918) or placebo (n = 96). 127 patients were analysed."
    assert find(text, "N\u2009=\u200918").kind == "sample_size"
    m = find(text, "n = 96")
    assert (m.kind, m.value, m.op) == ("sample_size", 96.0, "=")
    m = find(text, "127 patients")
    assert (m.kind, m.value, m.unit) == ("sample_size", 127.0, "patients")
    m = find("A sentinel node was identified in 57 (90%) of the PB group patients.", "57")
    assert m.kind == "count"
    assert find("There were 8 cases of grade 3 neutropenia.", "8 cases").kind == "count"


def test_dose_duration_value_percentage():
    m = find("Patients received lopinavir 400 mg every 12 h for 14 days.", "400 mg every 12 h")
    assert (m.kind, m.value, m.unit) == ("dose", 400.0, "mg")
    assert find("Patients received lopinavir 400 mg every 12 h for 14 days.", "14 days").kind == "duration"
    m = find("epirubicin 75 mg/m(2) on day 1", "75 mg/m(2)")
    assert (m.kind, m.unit) == ("dose", "mg/m2")
    m = find("a systolic pressure of 120 mmHg", "120 mmHg")
    assert (m.kind, m.unit) == ("value", "mmHg")
    m = find("the rate of axillary relapse at five years (2.5 percent in the tamoxifen group)", "2.5 percent")
    assert (m.kind, m.value, m.unit) == ("percentage", 2.5, "%")
    m = find("Data were drawn on 5318 participants (mean age 54.8 years, 31% women)", "54.8 years")
    assert m.kind == "age"


def test_lists_and_comparisons_share_units():
    text = "rash (32, 48, and 12\u00a0%), dry skin (19, 25, and 2\u00a0%)"
    ms = {m.text: m for m in parse_measures(text)}
    assert [ms[t].unit for t in ("19", "25", "2\u00a0%")] == ["%", "%", "%"]
    m = find("Median TTP was 10.8 and 10.2 months in the two arms.", "10.8")
    assert (m.kind, m.unit) == ("duration", "months")
    assert "1" in texts("were more frequent in treated patients than in follow-up patients (1 vs 10, p = 0.005)")


def test_kinds_are_documented_values():
    sample = parse_measures(SEED + " OR 2.1 (95% CI 1.2-3.4); n = 96; 12.3 ± 4.5; median 5 (IQR 3-7); 16 of 41.")
    assert all(m.kind in KINDS for m in sample)
    assert all(isinstance(m, ParsedMeasure) for m in sample)


@pytest.mark.parametrize("text,surface,value", [
    ("Twenty consecutive women", "Twenty consecutive women", 20),
    ("Nine hundred seven patients were randomized", "Nine hundred seven patients", 907),
    ("One hundred twenty-five BCS (n = 60 I; n = 65 C)", "n = 60", 60),
    ("were 13 388 and 1,009 women", "13 388", 13388),
    ("were 13 388 and 1,009 women", "1,009 women", 1009),
    ("Two hundred sixty-eight pre- and postmenopausal women", "Two hundred sixty-eight pre- and postmenopausal women",
     268),
])
def test_pico_corpus_number_forms(text, surface, value):
    assert find(text, surface).value == value
