"""The shared dev sets (all on the dev side of :mod:`claimex.corpora.split`), used for tuning
(:mod:`claimex.train.tune`) and evaluation (:mod:`claimex.evaluate.pico`):

* ``ebm_crowd`` - EBM-NLP docs with the crowd P/I/O layer (what the plain model was trained on);
* ``ebm_expert_i`` - EBM-NLP docs with the expert intervention re-annotation (I only);
* ``evidence_outcomes``, ``evidencemap``, ``pico_corpus`` - the other corpora, their own labels.
"""

from __future__ import annotations

from dataclasses import replace

from . import load_docs


def dev_sets(names=None) -> dict[str, list]:
    """The dev sets by name (all of them, or ``names``)."""
    def expert():
        docs = [d for d in load_docs("ebm_nlp", split="dev")
                if str(d.meta.get("interventions", "")).startswith("expert")]
        docs += load_docs("ebm_difficulty", split="dev")
        return [replace(d, annotated=frozenset({"INTERVENTION"}), regions={}) for d in docs]

    loaders = {
        "ebm_crowd": lambda: load_docs("ebm_nlp:interventions=crowd", split="dev"),
        "ebm_expert_i": expert,
        "evidence_outcomes": lambda: load_docs("evidence_outcomes", split="dev"),
        "evidencemap": lambda: load_docs("evidencemap", split="dev"),
        "pico_corpus": lambda: load_docs("pico_corpus", split="dev"),
    }
    return {name: loaders[name]() for name in (names or loaders)}
