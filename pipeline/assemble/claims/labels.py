"""Arm labels a design sentence defines ("X (group I)", "group A received X", "... (Group 2)", "A, B or C
... (Group C), (Group B) and (Group D), respectively"), read by :class:`.context.InterventionContext`.

A label phrase of a later sentence ("in Group 2", "130 ± 46 min (Group C)") then resolves to the entity
the label was defined for; :func:`arm_phrases` finds such phrases ("group I", "the control group", "both
groups") in a sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .base import SentenceView, entity_words
from .gates import first_letter, prefiltered
from .plain import EntityLike

ARM_HEAD_WORDS = ("groups?", "arms?", "cohorts?")
ARM_HEAD = "(?:" + "|".join(ARM_HEAD_WORDS) + ")"
ARM_LABEL = r"(?:[A-D]|I{1,3}|IV|[1-4])"

_DEFINE_AFTER = re.compile(rf"^\s*[(,]\s*(?:the\s+)?{ARM_HEAD}\s+(?P<label>{ARM_LABEL})\b|"
                           rf"^\s*\(\s*(?P<label2>{ARM_LABEL})\s*\)", re.IGNORECASE)
# \b{ARM_HEAD}\s+(?P<label>...)...$, case-insensitive, opened on its first letters (gates.first_letter)
_DEFINE_BEFORE = first_letter(ARM_HEAD_WORDS, r"\w", rf"\s+(?P<label>{ARM_LABEL})\s*(?:\(|:|,|received|was\s+given|"
                              r"were\s+given|was\s+treated\s+with|were\s+treated\s+with|underwent|got)\s*"
                              r"(?:\w+\s+){0,3}$")
_BRACKET_LABEL = re.compile(rf"\(\s*(?:the\s+)?{ARM_HEAD}\s+(?P<label>{ARM_LABEL})\s*[),;]", re.IGNORECASE)


def defined_label(view: SentenceView, ent: EntityLike) -> str | None:
    """The label defined right at an entity: "X (group I)", "X, arm B", "X (A)", "group A received X"."""
    after = view.text[ent.end - view.start:ent.end - view.start + 20]
    before = view.text[max(0, ent.start - view.start - 40):ent.start - view.start]
    m = _DEFINE_AFTER.match(after) or _DEFINE_BEFORE.search(before)
    if not m:
        return None
    return (m.group("label") or m.groupdict().get("label2") or "").lower() or None


def bracket_labels(view: SentenceView, ents: Sequence[EntityLike]) -> list[tuple[str, EntityLike, str]]:
    """(label, entity, the label's own phrase) for labels in brackets that close an arm's clause: "a cold
    (4°C) solution in the contralateral eye (Group 2)" (the nearest arm before, no other label or ";"
    between, at most 60 characters away), or, with "respectively", the sentence's different arms in order:
    "Sterile water or buprenorphine or dexmedetomidine was added to control group (Group C), buprenorphine
    group (Group B), and dexmedetomidine group (Group D), respectively" (Group C = sterile water; its phrase
    "control group" says it is the control arm)."""
    found = list(_BRACKET_LABEL.finditer(view.text))
    if not found or not ents:
        return []
    ents = sorted(ents, key=lambda e: e.start)
    keys: list[frozenset[str]] = []
    lead: list[EntityLike] = []
    first = view.start + found[0].start()
    for e in ents:
        key = entity_words(e)
        if e.end <= first and key not in keys:
            keys.append(key)
            lead.append(e)
    by_order = len(found) >= 2 and "respectively" in view.text.lower() and len(lead) >= len(found)
    out: list[tuple[str, EntityLike, str]] = []
    prev_end = view.start
    for k, m in enumerate(found):
        at = view.start + m.start()
        ent: EntityLike | None = None
        if by_order:
            ent = lead[k]
        else:
            before = [e for e in ents if prev_end <= e.start and e.end <= at]
            gap = view.between(before[-1].end, at) if before else ""
            ent = before[-1] if before and len(gap) <= 60 and ";" not in gap else None
        phrase = view.between(prev_end, at)[-30:]
        prev_end = view.start + m.end()
        if ent is not None:
            out.append((m.group("label").lower(), ent, phrase))
    return out


# "X (intervention group) or Y (control group)": a design sentence naming each arm's role in a bracket after it
_ROLE_BRACKET = re.compile(r"\(\s*(?:the\s+)?(?:(?P<i>intervention|experimental|treatment|active|study)|"
                           r"(?P<c>control|placebo|comparison|sham|usual[- ]care))\s+(?:groups?|arms?|condition)\s*"
                           r"(?:[;,][^()]{0,30})?\)", re.IGNORECASE)


def role_brackets(view: SentenceView, ents: Sequence[EntityLike]) -> list[tuple[str, EntityLike]]:
    """("I" or "C", entity) for each arm whose role a bracket right after it names: "mammography alone (control
    group)", "ultrasonography (intervention group)" (the bracket inside the tagged span or at most 3 characters after
    it, no other arm between)."""
    if "(" not in view.text:
        return []
    out = []
    ordered = sorted(ents, key=lambda e: e.start)
    for m in _ROLE_BRACKET.finditer(view.text):
        at, end = view.start + m.start(), view.start + m.end()
        ent = next((e for e in reversed(ordered) if e.start < at and (e.end >= end or 0 <= at - e.end <= 3)), None)
        if ent is not None:
            out.append(("I" if m.group("i") else "C", ent))
    return out


# "group I", "arm B", "the control group", "the combination group", "both groups"
_STOP = frozenset(
    ["in", "the", "of", "and", "or", "with", "for", "to", "than", "between", "among", "a", "an", "on", "at", "by",
     "from", "was", "were", "is", "are", "that", "this", "those", "these", "both", "either", "each", "all", "two",
     "vs", "versus", "compared", "per", "same", "other", "one", "age", "different", "first", "second", "whole",
     "entire"]
)
_PRE = frozenset(["the", "both", "either", "two", "each", "all", "these", "three", "four"])
# \b{ARM_HEAD}\b, case-insensitive, opened on its first letters (gates.first_letter)
ARM_HEAD_WORD = prefiltered(first_letter(ARM_HEAD_WORDS, r"\w", r"\b"))
_LABEL_AFTER = re.compile(rf"\s+(?P<label>{ARM_LABEL})\b(?![-.]\d)")


def _token_before(text: str, end: int) -> tuple[int, str] | None:
    """(start, token) of the word that ends before the whitespace preceding ``end``."""
    j = end
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j == end:
        return None
    i = j
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "_+/-"):
        i -= 1
    return (i, text[i:j]) if i < j else None


def arm_phrases(text: str) -> list[tuple[int, int, str | None, str, str]]:
    """(start, end, label, pre, words) of the arm phrases of ``text``: "group I" / "arm B" (label), "the
    control group" (pre "the", words "control"), "both groups" (pre "both")."""
    out = []
    for m in ARM_HEAD_WORD.finditer(text):
        lab = _LABEL_AFTER.match(text, m.end())
        if lab and m.group(0).lower() in ("group", "arm", "cohort"):
            out.append((m.start(), lab.end(), lab.group("label"), "", ""))
            continue
        words: list[str] = []
        start, pre = m.start(), ""
        while len(words) < 3:
            tok = _token_before(text, start)
            if not tok or tok[1].lower() in _STOP:
                break
            words.insert(0, tok[1])
            start = tok[0]
        tok = _token_before(text, start)
        if tok and tok[1].lower() in _PRE:
            pre, start = tok[1], tok[0]
        out.append((start, m.end(), None, pre, " ".join(words)))
    return out


_ALNUM = re.compile(r"[a-z0-9]+")
_BARE_WORDS = frozenset(["the", "a", "an", "this", "that", "group", "groups", "arm", "arms", "cohort", "intervention",
                         "interventions", "treatment", "treatments", "treated", "study", "experimental", "active",
                         "test", "therapy", "patients", "subjects", "participants", "condition", "program",
                         "programme", "drug", "verum", "trial", "of", "in", "receiving", "combination",
                         "combinations", "regimen", "regimens", "strategy", "protocol", "technique", "procedure",
                         "method", "anesthesia", "anaesthesia", "surgery", "monotherapy"])
_CONTROL_WORDS = frozenset(["control", "controls"])


@lru_cache(maxsize=65536)
def is_bare_label(text: str) -> bool:
    """A label that names no arm: "intervention", "the treatment group", "the experimental arm"
    (cached: asked for every mention in every sentence)."""
    toks = _ALNUM.findall(text.lower())
    return bool(toks) and all(t in _BARE_WORDS for t in toks)


@lru_cache(maxsize=65536)
def bare_control(text: str) -> bool:
    """A control label that names no arm: "control" / "controls" with nothing but the words of a bare label
    (:func:`is_bare_label`) - "the control group", "control treatment", "the control intervention" - unlike
    "standard care control" or "sham tDCS", which name what the control arm got."""
    toks = _ALNUM.findall(text.lower())
    return any(t in _CONTROL_WORDS for t in toks) and all(t in _BARE_WORDS or t in _CONTROL_WORDS for t in toks)


PLURAL_ARMS = re.compile(r"^(?:both|either|two|each|all|these|three|four)\b", re.IGNORECASE)
