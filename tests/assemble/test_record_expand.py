"""``Entity.expanded``: abbreviations replaced by their long forms, except a short form bracketed right after
its own long form (issue 11: "Histone deacetylase inhibitors (Histone deacetylase inhibitors)" was rendered).
Sentence from the shared PubMed samples (the entinostat + erlotinib trial)."""

from claimex.assemble.record import _expand

TEXT = ("Histone deacetylase inhibitors (HDACis) have been shown to overcome resistance to epidermal growth factor "
        "receptor tyrosine kinase inhibitors (EGFR-TKIs). HDACis were combined with erlotinib.")


def _abbrev(short: str, occurrence: int, long: str) -> tuple[int, int, str, str]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(short, start + 1)
    return start, start + len(short), short, long


LONG = "Histone deacetylase inhibitors"
ABBREVS = [_abbrev("HDACis", 0, LONG), _abbrev("HDACis", 1, LONG)]


def test_definition_is_not_expanded_into_x_of_x():
    end = TEXT.index(")") + 1
    assert _expand(TEXT, 0, end, ABBREVS) is None  # "Histone deacetylase inhibitors (HDACis)" as written


def test_later_mentions_are_still_expanded():
    start = TEXT.index("HDACis were")
    assert _expand(TEXT, start, start + len("HDACis"), ABBREVS) == LONG
