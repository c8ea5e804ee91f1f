"""``words.is_number`` and ``words.ends_numeric`` cached per token text (``functools.lru_cache``): the answers are
the regex tests', on the tokens of real abstracts and on made-up number tokens, asked twice."""

from __future__ import annotations

import re

from claimex.annotate.tagger import words
from claimex.annotate.tagger.words import _COMPARED_NUMBER, _NUMBER, TOKEN_CACHE, ends_numeric, is_number


def test_cached_word_tests_answer_as_the_patterns(pubmed_abstracts):
    tokens = [t for _, title, body in pubmed_abstracts[:200] for t in re.findall(r"\S+|\s+", f"{title} {body}")]
    tokens += ["12", "0.5%", "6-42.5", "≥5", "%", "index≥5", "1,000.5", "3–4", "±2", "12a", "", " ", "5%%", "=1"]
    is_number.cache_clear()
    ends_numeric.cache_clear()
    numbers = 0
    for _ in range(2):  # the second round is answered from the caches
        for t in tokens:
            assert is_number(t) is bool(_NUMBER.match(t)), t
            assert ends_numeric(t) is (bool(_NUMBER.match(t)) or bool(_COMPARED_NUMBER.search(t))), t
            numbers += is_number(t)
    assert numbers > 100
    info = is_number.cache_info()
    assert info.hits > info.misses > 0 and info.maxsize == TOKEN_CACHE
    assert words.ends_numeric.cache_info().currsize == len(set(tokens))


def test_has_alnum_answers_as_the_alnum_pattern(pubmed_abstracts):
    from claimex.annotate.tagger.words import has_alnum

    alnum = re.compile(r"[^\W_]")  # the search span hygiene ran per edge token before has_alnum

    tokens = {t for _, title, body in pubmed_abstracts[:200] for t in re.findall(r"\S+|\s+", f"{title} {body}")}
    tokens |= {"", "_", "__", "(", "-_-", "a_", "²", "½", "٣", "Ⅻ", "µ", "é", "(_)", "—", "%", "1", "x"}
    assert any(not has_alnum(t) for t in tokens) and any(has_alnum(t) for t in tokens)
    for t in tokens:
        assert has_alnum(t) is bool(alnum.search(t)), t
