"""What is never a measure: names with digits, enumerators, identifiers, dates, citations, names of stages..."""

from __future__ import annotations

import pytest

from claimex.annotate.measures import parse_measures
from claimex.annotate.measures.parse import _parse_strict


def find(text: str, surface: str):
    """The one measure whose text is ``surface`` (fails, showing the parse, when absent)."""
    found = [m for m in _parse_strict(text) if m.text == surface]
    assert found, f"no measure {surface!r} in {[m.text for m in _parse_strict(text)]}"
    return found[0]


def texts(text: str) -> list[str]:
    return [m.text for m in _parse_strict(text)]


@pytest.mark.parametrize("text", [
    "urinary 5-HIAA decrease was seen",
    "serum IL-6 and TNF-alpha were measured",
    "patients hospitalized with COVID-19 in Wuhan",
    "carriers of BRCA1 or BRCA2 mutations",
    "CD4+ T cells and CD8+ cells",
    "the H1N1 pandemic",
    "HbA1c was measured in T2DM patients",
    "The aims are: (1) to control symptoms; (2) to inhibit growth, and (3) to improve survival.",
    "1) surgery; 2) radiotherapy",
    "Trial registration: NCT00380692; ISRCTN12345678; EudraCT 2004-001234-12.",
    "This trial is registered with ClinicalTrials.gov, number NCT 00380692.",
    "Digestion. 2000;62 Suppl 1:79-83. doi: 10.1159/000051860.",
    "(J Am Assoc Gynecol Laparosc 6(3):285-288, 1999)",
    "Between January 2010 and Feb 2, 2012, patients were enrolled; follow-up ended on 30 October 2020.",
    "In 2000, the guideline changed; data from 1999-2000 were pooled.",
    "A phase 2 trial of type 2 diabetes in stage 3 and 4 disease",
    "grade 3 and 4 adverse events were rare",
    "as shown in Table 2 and Figure 3",
    "2.1 Methods",
    "randomised 1:1 at 10:30 each morning",
    "see https://example.org/trial/2019 for details",
    "carbon dioxide (CO2) and water (H2O) levels",
    "version 4.0 of CTCAE was used",
    "on day 28 of cycle 2",
    "the 5th and 10th percentiles",
])
def test_never_a_measure(text):
    assert parse_measures(text) == [], [m.text for m in parse_measures(text)]


def test_names_do_not_hide_real_measures():
    text = "In COVID-19 patients, IL-6 above 40 pg/mL predicted death (HR 2.1; P = 0.01)."
    assert texts(text) == ["above 40 pg/mL", "HR 2.1", "P = 0.01"]


def test_bare_integers_need_a_reason():
    assert texts("Patients in arm 2 were treated for 3 reasons.") == ["3 reasons"]
    assert texts("These 3 were excluded.") == ["3"]  # "3 were ...": a count
    assert texts("Of these, 12 had the phase 3 regimen.") == ["12"]
    assert texts("Results for 2 arms and 14 days are shown in phase 2.") == ["2 arms", "14 days"]


def test_seed_citation_and_mesh_lines_have_no_measures(seed_path):
    raw = seed_path.read_text(encoding="utf-8")
    found = [m.text for m in parse_measures(raw)]
    assert found == [">50%", "57-91%", "33-80%", "6-42.5 months"]
