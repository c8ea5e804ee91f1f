"""Measures that issue 10 (class 6) found wrong: spaced number words, time windows taken for percentages,
a median whose IQR label carries its abbreviation, bare arm counts. Sentences from ../shared where the corpora
have them (EvidenceMap ``evidencemap.jsonl``, pre-tokenised), else the issue's own examples."""

from claimex.annotate.measures import parse_measures


def found(text):
    return [(m.text, m.kind, m.value) for m in parse_measures(text)]


def test_number_words_with_a_spaced_hyphen():
    # EvidenceMap (COVID-19 interferon trial): "RESULTS : Forty - three patients were randomly assigned"
    assert found("RESULTS : Forty - three patients were randomly assigned to the interferon group .")[0] == (
        "Forty - three patients", "sample_size", 43.0)
    # EvidenceMap: "One hundred ninety - four patients with confirmed diagnosis"
    assert found("One hundred ninety - four patients with confirmed diagnosis were enrolled .")[0][2] == 194.0


def test_a_time_window_is_not_a_percentage():
    got = found("HIV RNA <50 copies/mL at weeks 0-96, 41.5% vs 38.2%")
    assert ("96", "percentage", 96.0) not in got
    assert [g for g in got if g[1] == "percentage"] == [("41.5%", "percentage", 41.5), ("38.2%", "percentage", 38.2)]


def test_a_list_of_percentages_still_shares_its_unit():
    assert [g[1] for g in found("Response rates were 40, 35 and 20% respectively.")][:3] == ["percentage"] * 3


def test_median_with_an_abbreviated_iqr_label():
    got = parse_measures("The median stay was 12 days (interquartile range [IQR], 8-16 days).")
    assert [(m.kind, m.value, m.low, m.high) for m in got] == [("median_iqr", 12.0, 8.0, 16.0)]


def test_bare_arm_counts():
    assert ("7 such events", "count", 7.0) in found("There were 7 such events in the placebo group.")


def test_bare_arm_counts_written_as_a_labelled_list():
    # PICO-Corpus (pico_corpus.jsonl) PMID 25537159 and 23036277: arm counts with no noun after the number
    assert ("8", "count", 8.0) in found("Objective response was seen in 8 afatinib-, 6 lapatinib-, and 7 "
                                        "trastuzumab-treated patients.")
    got = found("271 patients have relapsed: 110 radiotherapy, 161 no radiotherapy.")
    assert ("110", "count", 110.0) in got and ("161", "count", 161.0) in got
    assert not any(g[0] == "1" for g in found("where 1 is the largest and 5 is the 5th largest"))
