from __future__ import annotations

from types import SimpleNamespace

import pytest

from claimex.review.filters import (
    RecordFilter,
    is_rct,
    rct_evidence,
    rct_from_text,
    read_pmid_file,
    record_year,
)


def doc(text="", **meta):
    return SimpleNamespace(id=meta.pop("id", "1"), text=text, meta=meta)


def test_rct_by_publication_type_wins_over_text(rct_record):
    assert rct_evidence(rct_record) == "publication type"
    assert rct_evidence(doc("We randomized 40 patients.", pub_types=["Journal Article", "Review"])) is None
    assert is_rct(doc("", pub_types=["Randomized Controlled Trial, Veterinary"]))
    assert is_rct(doc("", publication_types=["Randomized Controlled Trial"]))


@pytest.mark.parametrize(
    "text",
    [
        "Patients were randomized to drug or placebo.",
        "Participants were randomly assigned (1:1) to two arms.",
        "We randomised 300 women.",
        "A double-blind, placebo-controlled study of X.",
        "Random allocation used sealed envelopes.",
        "After randomization, 12 withdrew.",
    ],
)
def test_design_detector_positive(text):
    assert rct_from_text(text)
    assert rct_evidence(doc(text)) == "text"


@pytest.mark.parametrize(
    "text",
    [
        "A non-randomized comparison of two cohorts.",
        "This was not randomized; patients chose.",
        "A quasi-randomised design was used.",
        "A systematic review and meta-analysis of randomized controlled trials.",
        "Patients were randomly selected from the registry.",
        "A retrospective cohort study of 200 patients.",
        "",
    ],
)
def test_design_detector_negative(text):
    assert not rct_from_text(text)


def test_year_parsing():
    assert record_year(doc(year=2003)) == 2003
    assert record_year(doc(year="1999 Jan")) == 1999
    assert record_year(doc(year="2002-09-16")) == 2002
    assert record_year(doc(year="n.d.")) is None
    assert record_year(doc()) is None


def test_year_bounds(rct_record, other_record):
    assert RecordFilter(min_year=2000).accepts(rct_record)
    assert not RecordFilter(min_year=2000).accepts(other_record)
    assert RecordFilter(max_year=1999).accepts(other_record)
    assert not RecordFilter(min_year=2004).accepts(rct_record)
    assert not RecordFilter(max_year=2020).accepts(doc())  # no year, a bound set: out
    assert RecordFilter().accepts(doc())


def test_pmid_file(tmp_path, rct_record, other_record):
    path = tmp_path / "ids.txt"
    path.write_text(
        "\ufeff# my screening list\nPMID- 12345678\n\n999 trailing words\nPMID:42\n", encoding="utf-8"
    )
    assert read_pmid_file(path) == {"12345678", "999", "42"}
    flt = RecordFilter.from_options(pmids_file=path)
    assert flt.accepts(rct_record) and not flt.accepts(other_record)
    assert flt.accepts(doc(id="x", pmid=42))  # meta pmid matches too


def test_only_rct_and_combination(rct_record, other_record):
    flt = RecordFilter(only_rct=True, min_year=2000, max_year=2010)
    assert flt.accepts(rct_record)
    assert not flt.accepts(other_record)
    assert flt.active and not RecordFilter().active
    assert "RCTs only" in flt.describe()


def test_filter_passes_non_documents_through(rct_record, other_record):
    error = SimpleNamespace(source="f.xml", record="7", message="broken")
    out = list(RecordFilter(only_rct=True).filter([other_record, error, rct_record]))
    assert out == [error, rct_record]


def test_bad_year_range():
    with pytest.raises(ValueError):
        RecordFilter.from_options(min_year=2010, max_year=2000)
