"""Sentence zones for typing (:mod:`claimex.assemble.claims.types`): which part of an abstract a sentence is in.

A zone comes from the sentence's own inline heading ("RESULTS The mean ..."), else from the latest heading seen
inside its labelled reader section (an inline heading, or a sentence that is only a heading word: "Results.",
"Conclusions."; an abstract without section labels keeps its running typing state instead), else from the
reader's section label (``Sentence.section``). Labels map to zones by the patterns of :data:`_ZONES`, first
match wins. :func:`title_like`: the title line of an unlabelled abstract (and a verbless design phrase after it).
"""

from __future__ import annotations

import re

_ZONES = (
    ("skip", re.compile(r"TITLE|REGISTRATION|FUNDING|SPONSOR|KEY ?WORDS|CLINICAL ?TRIAL|TRIAL|DISCLOSURE|"
                        r"CONFLICT|ABBREVIATION|SUPPLEMENTARY|ELECTRONIC")),
    ("conclusion", re.compile(r"CONCLU|INTERPRETATION|IMPLICATION|SIGNIFICANCE|DISCUSSION|PERSPECTIVE|"
                              r"RELEVANCE|MESSAGE")),  # a lone SUMMARY heading covers a whole abstract: no zone
    ("results", re.compile(r"RESULT|FINDING|OUTCOMES?$")),
    ("aim", re.compile(r"OBJECTIVE|\bAIMS?\b|PURPOSE|GOAL|QUESTION|HYPOTHES")),
    ("methods", re.compile(r"METHOD|DESIGN|SETTING|PARTICIPANT|PATIENT|SUBJECT|INTERVENTION|MEASURE|MATERIAL|"
                           r"PROCEDURE|SELECTION|DATA|POPULATION|ANALYSIS|SAMPLE|EXPOSURE|STUDY")),
    ("background", re.compile(r"BACKGROUND|INTRODUCTION|CONTEXT|RATIONALE|PREMISE|IMPORTANCE")),
)
_INLINE_HEADING = re.compile(r"^\s*([A-Z][A-Z &/]{2,}[A-Z])\s*:?\s+(?=[A-Z(\d])")
#: a sentence that is only a heading word: "Results.", "Conclusions." (headings the splitter left as sentences)
_HEADING_ONLY = re.compile(r"^\W*([A-Z][A-Za-z]+(?:\s+(?:[A-Z][A-Za-z]*|and|of|&|/)){0,3})\s*[.:]+\s*$")

#: a design phrase standing alone after the title ("A prospective, randomized, placebo-controlled clinical trial.")
_SUBTITLE = re.compile(r"^\W*(?:an?\s+)?(?:[\w-]+,?\s+){0,8}(?:trial|study)\W*$", re.IGNORECASE)
#: a finite verb (auxiliaries, methods verbs) in lower case: a first sentence with one is a sentence of the abstract,
#: not a title (a title-case "Patients Who Underwent" is part of a title)
_FINITE = re.compile(r"\b(?:was|were|is|are|has|have|had|did|does|do|[Ww]e|received|underwent|enrolled|recruited|"
                     r"included|participated|completed|took|given|assigned|allocated)\b")

#: the latest heading inside a reader section: (that section's label, the heading's zone)
Heading = tuple[str | None, str]


def zone_of(label: str | None) -> str | None:
    if not label:
        return None
    label = label.upper().strip()
    for zone, pattern in _ZONES:
        if pattern.search(label):
            return zone
    return None


def inline_zone(text: str) -> str | None:
    """``"RESULTS The mean ..."`` / ``"IMPLICATIONS This study ..."`` -> the heading's zone."""
    m = _INLINE_HEADING.match(text)
    if not m or m.group(1) == "UNLABELLED":
        return None
    return zone_of(m.group(1))


def section_zone(text: str, section: str | None, heading: Heading | None) -> tuple[str | None, Heading | None]:
    """(the zone of the sentence ``text`` in reader section ``section``, the latest heading after it), given the
    latest heading before it. A sentence that is only a heading ("Results.") has zone ``"heading"`` (no claim)."""
    own = inline_zone(text)
    if own is None:
        m = _HEADING_ONLY.match(text)
        if m and (own := zone_of(m.group(1))):
            return "heading", (section, own)
    if own is not None:
        return own, (section, own)
    if heading is not None and section is not None and heading[0] == section:
        return heading[1], heading
    return zone_of(section), heading


def title_like(text: str, section: str | None, index: int) -> bool:
    """The title of an abstract without section labels (its first sentence, no finite verb), or a design phrase
    standing alone after it: no aim or methods sentence, so the background zone goes on after it."""
    if section is not None or index > 1 or _FINITE.search(text):
        return False
    return index == 0 or _SUBTITLE.match(text) is not None
