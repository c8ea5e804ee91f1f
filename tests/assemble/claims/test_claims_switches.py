"""The switches that turn single claim rules off for the tests (``claimex.assemble.claims.switches``; session 26)."""

from __future__ import annotations

import pytest

from claimex.assemble.claims import switches
from claimex.assemble.claims.switches import RULES, off, without


def test_a_switch_is_off_only_inside_its_block_and_says_whether_it_took():
    assert not any(off(rule) for rule in RULES)
    with without("set_aside", "short_label") as took:
        assert off("set_aside") and not off("judge_named")
        with without("set_aside") as inner:  # nested: the outer block keeps it off
            pass
        assert off("set_aside")
        with without("judge_named") as other:
            assert off("judge_named")
    assert took == {"set_aside"} and inner == set() and other == {"judge_named"}
    assert not any(off(rule) for rule in RULES) and not switches._TOOK


def test_an_unknown_rule_is_refused():
    with pytest.raises(KeyError, match="no switch for fill_empty"):
        with without("fill_empty"):
            pass
