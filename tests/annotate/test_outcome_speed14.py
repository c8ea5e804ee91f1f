"""Speed-ups of the outcome-list rules (session 14) that must not change a result: each new form against the form
it replaced (kept here), on real abstracts from ../shared and made-up spans over them."""

from __future__ import annotations

import random

import pytest

from claimex.annotate import outcome_arms
from claimex.annotate.outcome_lists import Tokens, _unbalanced
from claimex.annotate.outcome_results import CUE_WORDS
from claimex.annotate.outcome_weak import RESULT_WORDS, result_sentences
from claimex.annotate.tagger.words import FUNCTION_WORDS, is_number


@pytest.fixture(scope="module")
def docs(rules_nlp, pubmed_sentences):
    """Whole real abstracts (the fixture's long items) through the rule pipeline (sentences, measures)."""
    return [rules_nlp(t) for t in [s for s in pubmed_sentences if len(s) > 600][:60]]


def _is_wordish_old(t: Tokens, j: int) -> bool:
    low = t.lower[j]
    if low in FUNCTION_WORDS or _unbalanced(low):
        return False
    if any(ch.isalpha() for ch in low):
        return True
    glued = (j > 0 and not t.space[j - 1]) or (j + 1 < t.n and not t.space[j] and t.lower[j + 1] != ",")
    return glued and low not in ",;:.()[]" and not (is_number(low) and (j == 0 or t.space[j - 1]))


def test_token_views_equal_their_old_forms(docs):
    """``Tokens.where`` (cue positions by a C-side filter) and ``_is_wordish`` (its letters-only fast path) give
    what the per-token loops gave, on every token of the abstracts (and counted from the end)."""
    letters = 0
    for doc in docs:
        t = Tokens(doc)
        where: dict[str, list[int]] = {}
        for j, w in enumerate(t.lower):
            if w in CUE_WORDS:
                where.setdefault(w, []).append(j)
        assert t.where == where
        for j in [*range(t.n), -1, -2]:
            assert t._is_wordish(j) == _is_wordish_old(t, j)
            letters += t.lower[j].isalpha()
    assert letters > 1000 and any(Tokens(doc).where for doc in docs)


def _result_sentences_old(doc, t, sentences, which):
    from bisect import bisect_right

    from spacy.attrs import IDX

    from claimex.annotate.outcome_weak import RESULT_KINDS, _question

    which = {k for k in which if not _question(t, *sentences[k])}
    out = {k for k in which if any(t.lower[j] in RESULT_WORDS for j in range(*sentences[k]))}
    measures = doc._.measures if doc.has_extension("measures") else None
    if measures and len(out) < len(which):
        idx = doc.to_array(IDX).tolist()
        starts = [idx[lo] for lo, _ in sentences]
        out.update(k for k in (bisect_right(starts, m.start) - 1 for m in measures if m.kind in RESULT_KINDS)
                   if k in which)
    return out


def test_result_sentences_equal_the_old_form(docs):
    found = 0
    for doc in docs:
        t = Tokens(doc)
        which = set(range(len(t.sentences)))
        got = result_sentences(doc, t, t.sentences, which)
        assert got == _result_sentences_old(doc, t, t.sentences, which)
        found += len(got)
    assert found


def _measured_subjects_old(t, claims):
    taken, arm = outcome_arms._masks(t, claims)
    arm_starts = {o[0] - d for o in claims if o[2] == outcome_arms.INTERVENTION for d in (0, 1, 2)}
    for lo, hi in t.sentences:
        if not any(lo <= x < hi for x in arm_starts):
            continue
        starts = [lo] + [j + 1 for j in t.at(outcome_arms._OPENERS, lo, hi - 2)]
        starts += [j + 1 for j in range(lo, hi - 2) if j + 1 in arm_starts and t.text[j] in outcome_arms._INTRO_ENDS]
        for k in starts:
            if k not in arm_starts:
                continue
            hit = outcome_arms.measured_subject(t, k, hi, taken, arm)
            if hit is not None:
                claims = outcome_arms._replace(claims, hit[0], hit[1], "measured")
    return claims


def test_measured_subjects_equal_the_old_form(docs):
    """Made-up INTERVENTION spans (1-4 tokens, some right after a comma or bracket, some at a sentence start)
    over the real abstracts: the same claims, in the same order."""
    rng = random.Random(14)
    changed = 0
    for doc in docs:
        t = Tokens(doc)
        intro = [j + 1 for j in range(t.n - 1) if t.text[j] in outcome_arms._INTRO_ENDS]
        for _ in range(8):
            starts = rng.sample(range(t.n), min(6, t.n)) + rng.sample(intro, min(3, len(intro)))
            starts += [lo for lo, _ in rng.sample(t.sentences, min(2, len(t.sentences)))]
            claims, used = [], set()
            for s in sorted(set(starts)):
                e = min(t.n, s + rng.randint(1, 4))
                if used.isdisjoint(range(s, e)):
                    used.update(range(s, e))
                    claims.append([s, e, rng.choice(["INTERVENTION", "INTERVENTION", "OUTCOME"]), None, None, 0])
            new = outcome_arms._measured_subjects(t, [list(o) for o in claims])
            assert new == _measured_subjects_old(t, [list(o) for o in claims])
            changed += new != claims
    assert changed


def test_has_letter_equals_the_per_character_test(docs):
    from claimex.annotate.tagger.words import has_letter

    rng = random.Random(14)
    pieces = ["a", "Z", "é", "ß", "1", "²", "½", "-", "(", " ", "_", "\u0301", "İ", "α", "中", ".", "%"]
    texts = ["", *pieces, *("".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(3000))]
    texts += [w for doc in docs for w in Tokens(doc).lower]
    for text in texts:
        assert has_letter(text) == any(ch.isalpha() for ch in text), text


def _name_ok_old(t, a, b):
    from claimex.annotate import outcome_names as on

    words = [t.lower[j] for j in range(a, b) if any(ch.isalpha() for ch in t.lower[j])]
    if not 0 < len(words) <= on.MAX_NAME or is_number(t.lower[a]):
        return False
    if any(w in on.NOT_NAME and not (w in on.COMPOUND_HEADS and k > 0) for k, w in enumerate(words)):
        return False
    if all(w in on.HEADS or w in on.GENERIC for w in words) or not any(sum(ch.isalpha() for ch in w) >= 3
                                                                        for w in words):
        return False
    return not (len(words) == 1 and (words[0].endswith(on._NOT_NOUN) or on.adjective_like(words[0], words[0])
                                     or words[0] in on.PRE_HEAD))


def test_name_and_item_tests_equal_their_old_forms(docs):
    """``name_ok`` and the siblings' ``_item_ok`` (words with a letter by ``has_letter`` over a slice) answer as
    before for every token range of up to 8 tokens of the real abstracts."""
    from claimex.annotate import outcome_siblings as sib
    from claimex.annotate.outcome_names import name_ok

    names = items = 0
    for doc in docs[:30]:
        t = Tokens(doc)
        for a in range(t.n):
            for b in range(a + 1, min(t.n, a + 8) + 1):
                ok = name_ok(t, a, b)
                assert ok == _name_ok_old(t, a, b)
                words = [t.lower[j] for j in range(a, b) if any(ch.isalpha() for ch in t.lower[j])]
                item = 0 < b - a <= sib.MAX_ITEM + 2 and 0 < len(words) <= sib.MAX_ITEM and _name_ok_old(t, a, b)
                assert sib._item_ok(t, a, b) == item
                names += ok
                items += item
    assert names > 100 and items > 100
