"""Evidence Inference 2.0 train abstract PMC 5827033 (title and two sentences), shared by the trainer tests of the
arm ranker and the trial-arm check: its text and a Record of it with hand-placed entities and three sentences."""

import re

from claimex.schema import Entity, Record, Sentence

TEXT = ("Transcutaneous electroacupuncture alleviates postoperative ileus after gastrectomy: A randomized "
        "clinical trial\n"
        "After gastrectomy, the patients were randomly allocated to the TEA (n = 33) or control (n = 30) group. "
        "Time to first flatus in the TEA group was significantly shorter than in the control group (73.19 ± 15.61 "
        "vs 82.82 ± 20.25 h, P = 0.038), especially for open gastrectomy (76.53 ± 14.29 vs 87.23 ± 20.75 h, "
        "P = 0.048).")


def abstract_record(spans: list[tuple], **entity_fields) -> Record:
    """The abstract with one entity per ``(label, surface, nth[, expanded])`` (the ``nth`` occurrence of ``surface``;
    ``entity_fields`` set on every entity) and its title, design and result sentences."""
    ents = []
    for k, (label, surface, nth, *expanded) in enumerate(spans, start=1):
        pos = [m.start() for m in re.finditer(re.escape(surface), TEXT)][nth]
        extra = {"expanded": expanded[0]} if expanded else {}
        ents.append(Entity(id=f"E{k}", label=label, start=pos, end=pos + len(surface), text=surface, **extra,
                           **entity_fields))
    first, second = TEXT.index("\n"), TEXT.index("Time to first")
    sents = [Sentence(start=0, end=first, section="TITLE"), Sentence(start=first + 1, end=second - 1),
             Sentence(start=second, end=len(TEXT))]
    return Record(id="5827033", text=TEXT, sentences=sents, entities=ents)
