"""Grounding: the record's own MeSH headings and chemicals that each entity denotes (``Entity.mesh``).

Only the record's metadata is searched (``meta["mesh_terms"]``, else ``meta["mesh"]`` as dicts or
PubMed display strings; ``meta["chemicals"]``); no external vocabulary.

**Descriptor rule.** Words are lower-cased, singularised and stem-compared (equal, or a shared prefix of
>= 5 letters covering 3/4 of the shorter word: *arterial*/*artery*); a small synonym table maps
*tumor/tumour/cancer* -> *neoplasm*, *renal* -> *kidney*, *hepatic* -> *liver*, *cardiac* -> *heart*,
*pulmonary* -> *lung*, *gastric* -> *stomach*. A descriptor is attached to an entity when

1. every content word of the descriptor (generic words such as *Therapeutic*, *Mellitus*, *Agents*
   excluded) matches a word of the entity's ``expanded`` text (else its text), and
2. the entity's **head** word (last word before the first preposition or bracket; for "patients
   with X"-style phrases also the heads of the phrases after the preposition) matches a descriptor
   word, generic ones included (*coronary artery disease* -> *Coronary Artery Disease*).

So *HACE* (expanded: *hepatic arterial chemoembolization*) gets *Chemoembolization, Therapeutic* but
not *Hepatic Artery* (head *chemoembolization* is not in it), and *liver metastases* does not get
*Liver Neoplasms* (*metastases* is not *neoplasms*). Check tags (Humans, Male, Female, Adult, Aged, ...)
are never attached.

**Chemical rule.** A chemical attaches to every INTERVENTION/COMPARATOR entity that names it (all its
words match). In a *drug-therapy record* - a chemical whose MeSH heading carries the qualifier
*administration & dosage* or *therapeutic use* - a chemical that no entity names attaches to the
mentions of the record's **main intervention** (the title's INTERVENTION, else the first one) when that
intervention is worded as drug delivery (*chemo-*, *drug*, *infusion*, *regimen*, *dose*, *-therapy* ...):
HACE (hepatic arterial *chemo*embolization) gets *Doxorubicin* and *Streptozocin*.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ...schema import Entity, Record
from .base import entity_words, same_stem, singular, words
from .context import same_intervention

SYNONYMS = {"tumor": "neoplasm", "tumour": "neoplasm", "cancer": "neoplasm", "renal": "kidney",
            "hepatic": "liver", "cardiac": "heart", "pulmonary": "lung", "gastric": "stomach"}
GENERIC = frozenset(
    ["therapeutic", "therapy", "therapeutics", "drug", "drugs", "agent", "agents", "method", "procedure",
     "procedures", "mellitus", "human", "use", "disease", "diseases", "disorder", "disorders", "syndrome", "and",
     "or", "of", "in", "the", "by", "for", "with", "to", "type", "product", "products", "preparation",
     "preparations", "compound", "compounds", "substance", "substances"]
)
CHECK_TAGS = frozenset(
    ["humans", "animals", "male", "female", "adult", "aged", "middle-aged", "young-adult", "adolescent", "child",
     "infant", "pregnancy", "rats", "mice", "dogs", "swine", "rabbits", "cattle"]
) | {"aged, 80 and over", "child, preschool", "infant, newborn", "middle aged", "young adult", "animals",
     "rats, sprague-dawley", "rats, wistar", "mice, inbred c57bl"}
THERAPY_QUALIFIERS = frozenset({"administration & dosage", "therapeutic use"})
DRUG_WORDING = re.compile(r"chemo|drug|pharmac|infus|regimen|medicat|inject|agent|tablet|capsule|dos(?:e|ing)|"
                          r"(?<!radio)therap", re.IGNORECASE)
_HEAD_BREAK = re.compile(r"\s*(?:\(|\[|,|;|\b(?:of|from|with|in|for|to|undergoing|receiving|who|after|on|at|by|"
                         r"without|among|treated|during|versus|vs)\b)", re.IGNORECASE)
_PERSON = frozenset(["patient", "subject", "participant", "women", "woman", "men", "man", "child", "children",
                    "adult", "people", "individual", "infant", "volunteer", "case", "smoker", "user"])


def _norm(word: str) -> str:
    word = singular(word)
    return SYNONYMS.get(word, word)


def _words(text: str) -> list[str]:
    return [_norm(w) for w in words(text)]


def _heads(text: str) -> set[str]:
    """Head words: the last word of the first phrase; for person phrases ("patients with X") also the
    heads of the following phrases."""
    text = re.sub(r"\([^)]*\)", " ", text)
    chunks = [c for c in _HEAD_BREAK.split(text) if c and c.strip()]
    heads: set[str] = set()
    for k, chunk in enumerate(chunks):
        ws = _words(chunk)
        if not ws:
            continue
        heads.add(ws[-1])
        if k == 0 and ws[-1] not in _PERSON:
            break
    return heads


def _match(a: str, b: str) -> bool:
    return same_stem(a, b)


def mesh_terms(meta: dict[str, Any]) -> list[dict[str, Any]]:
    """Parsed MeSH headings of a record's metadata (dicts kept; display strings parsed)."""
    raw = meta.get("mesh_terms") or meta.get("mesh") or []
    out: list[dict[str, Any]] = []
    for item in raw:
        if isinstance(item, dict) and item.get("descriptor"):
            out.append({"descriptor": str(item["descriptor"]), "qualifiers": list(item.get("qualifiers") or [])})
        elif isinstance(item, str) and item.strip():
            parts = [p.strip().rstrip("*").strip() for p in item.split(" / ")]
            out.append({"descriptor": parts[0], "qualifiers": [q for q in parts[1:] if q]})
    return out


def descriptor_matches(entity_text: str, descriptor: str) -> bool:
    """The descriptor rule (module docstring) for one entity text and one descriptor."""
    if descriptor.lower() in CHECK_TAGS:
        return False
    every = _words(descriptor)
    needed = [w for w in every if w not in GENERIC]
    if not needed:
        return False
    have = _words(entity_text)
    if not all(any(_match(n, h) for h in have) for n in needed):
        return False
    return any(_match(h, n) for h in _heads(entity_text) for n in every)


def names_chemical(entity_text: str, chemical: str) -> bool:
    needed = [w for w in _words(chemical) if w not in GENERIC]
    have = _words(entity_text)
    return bool(needed) and all(any(_match(n, h) for h in have) for n in needed)


def ground(record: Record, administered: bool = True) -> None:
    """Set ``Entity.mesh`` on every entity of ``record`` (in place) from ``record.meta``.
    ``administered=False`` leaves out the drug-therapy step (chemicals no entity names)."""
    terms = mesh_terms(record.meta)
    chemicals = [str(c) for c in record.meta.get("chemicals") or [] if str(c).strip()]
    if not terms and not chemicals:
        return
    descriptors = list(dict.fromkeys(t["descriptor"] for t in terms))
    for ent in record.entities:
        text = ent.expanded or ent.text
        ent.mesh = [d for d in descriptors if descriptor_matches(text, d)]
    if not chemicals:
        return
    arms = [e for e in record.entities if e.label in ("INTERVENTION", "COMPARATOR")]
    named: set[str] = set()
    for ent in arms:
        for chem in chemicals:
            if names_chemical(ent.expanded or ent.text, chem):
                _add(ent, chem)
                named.add(chem)
    rest = [c for c in _administered(terms, chemicals) if c not in named] if administered else []
    if not rest or named:
        return
    for ent in _main_mentions(record, arms):
        if DRUG_WORDING.search(ent.expanded or ent.text):
            for chem in rest:
                _add(ent, chem)


def _administered(terms: list[dict[str, Any]], chemicals: Iterable[str]) -> list[str]:
    given = {t["descriptor"].lower() for t in terms if THERAPY_QUALIFIERS & {q.lower() for q in t["qualifiers"]}}
    return [c for c in chemicals if c.lower() in given]


def _main_mentions(record: Record, arms: list[Entity]) -> list[Entity]:
    interventions = [e for e in arms if e.label == "INTERVENTION"]
    if not interventions:
        return []
    title_end = record.sentences[0].end if record.sentences else 0
    main: Entity = next((e for e in interventions if e.end <= title_end), interventions[0])
    key = entity_words(main)
    return [e for e in interventions if same_intervention(entity_words(e), key)]


def _add(ent: Entity, term: str) -> None:
    if term not in ent.mesh:
        ent.mesh.append(term)
