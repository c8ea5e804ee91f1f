"""measures.context.ends_with_name: the fast form of the end-anchored name patterns must give the same
answer as the engine's search (a speed-up that must not change a verdict)."""

from __future__ import annotations

import random

import pytest

from claimex.annotate.measures import context
from claimex.annotate.measures.numbers import normalise
from claimex.paths import seed_fixture
from claimex.read import read_documents

PIECES = ["a", "b", "G", "grade", "stage", "Table", "WHO", "ſ", "K", "İ", "ı", "-", "#", " ", "  ", "0", "1", "23",
          ",", "&", "/", "vs.", "and", "or", "to", "III", "Fig.", "figs.", "bi-rads", "no.", "(", ")", ":", "IL",
          "pT", "Ki", "era", "1-", "2a", "cycles", "Grade II-", "phase 3 and "]


def _windows() -> list[str]:
    """The 60 characters before each number of the gold fixture's abstract, and random strings made of
    name words, numbers, separators and letters that IGNORECASE matches to ASCII ones (ſ, K, İ, ı)."""
    text = normalise("\n".join(d.text for d in read_documents([seed_fixture()]) if hasattr(d, "text")))
    out = [text[max(0, k - 60):k] for k, ch in enumerate(text) if ch.isdigit()]
    rng = random.Random(13)
    out += ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 12))) for _ in range(5000)]
    return out + ["grade ", "Grade 3 and ", "stage II-", "WHO ", "xWHO ", "1 grade ", "-grade ", "ſtage ", "see Fig. "]


@pytest.mark.parametrize("name", ["_NAME_CHAIN", "_NAME_DIRECT"])
def test_ends_with_name_answers_as_search(name):
    rx = getattr(context, name)
    windows = _windows()
    assert sum(bool(rx.search(w)) for w in windows) > 100  # the windows do hold names
    for before in windows:
        assert context.ends_with_name(rx, before) == bool(rx.search(before)), before
