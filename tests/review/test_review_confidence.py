"""A claim's confidence (``Claim.confidence``) in the review outputs: the claims sheet's ``confidence`` and
``check`` columns, and the HTML claims table's "Conf." cell; unscored claims leave them empty."""

from __future__ import annotations

from claimex.review.export import CHECK_BELOW, build_tables, to_check
from claimex.review.html import render_page
from claimex.schema import ClaimConfidence

CONF = ClaimConfidence(intervention=0.9, comparator=0.35, outcome=0.97, direction=0.55, significance=0.93, all=0.21)


def _scored(record):
    claims = [c.model_copy(update={"confidence": CONF}) if k == 0 else c for k, c in enumerate(record.claims)]
    return record.model_copy(update={"claims": claims})


def test_claims_sheet_has_confidence_and_fields_to_check(rct_record):
    rows = build_tables([_scored(rct_record)])["claims"].rows
    assert rows[0]["confidence"] == 0.21 and rows[0]["check"] == "comparator; direction"
    assert rows[1]["confidence"] is None and rows[1]["check"] is None
    assert CHECK_BELOW == 0.6 and to_check(rct_record.claims[0]) is None


def test_html_shows_confidence_with_fields_in_the_tooltip(rct_record):
    page = render_page([_scored(rct_record)])
    assert "<th title=\"Conf.\">Conf.</th>" in page
    assert 'title="intervention 0.90, comparator 0.35, outcome 0.97, direction 0.55, significance 0.93, all 0.21"' \
        in page
    assert "0.21<br><small>check: comparator; direction</small>" in page
