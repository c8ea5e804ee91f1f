"""The PICO tagger network and its training targets.

One sigmoid per (token, head): heads POPULATION, INTERVENTION (any arm), COMPARATOR (this
intervention token is a control arm), OUTCOME. Independent heads let labels overlap (EBM-NLP
spans do) and let a document teach only the heads it annotates: the loss of a head is masked
to the regions where the document annotates it (missing != negative).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import registry
from thinc.api import Linear, Model, chain, with_array
from thinc.types import Floats2d

HEADS: tuple[str, ...] = ("POPULATION", "INTERVENTION", "COMPARATOR", "OUTCOME")
GOLD_KEY = "pico"  # reference doc: gold spans
REGIONS_KEY = "pico_annotated"  # reference doc: spans (label = head) where a head is annotated
SOFT_KEY = "claimex_soft"  # reference doc user_data: (alpha, teacher probabilities) - see train/distill.py


@registry.architectures("claimex.PicoTagger.v1")
def build_pico_tagger(tok2vec: Model[list[Doc], list[Floats2d]], nO: int | None = None
                      ) -> Model[list[Doc], list[Floats2d]]:
    """tok2vec -> linear layer: one logit per token and head."""
    output = Linear(nO=nO, nI=tok2vec.maybe_get_dim("nO"))
    model = chain(tok2vec, with_array(output))
    model.set_ref("tok2vec", tok2vec)
    model.set_ref("output_layer", output)
    return model


def sigmoid(x: numpy.ndarray) -> numpy.ndarray:
    return 1.0 / (1.0 + numpy.exp(-numpy.clip(x, -30, 30)))


def targets(example: Example, heads: Iterable[str] = HEADS) -> tuple[numpy.ndarray, numpy.ndarray]:
    """(y, mask) arrays of shape (len(example.x), n_heads) from the reference doc's spans.

    A COMPARATOR gold span is an intervention (INTERVENTION head = 1) that is a control arm
    (COMPARATOR head = 1); an INTERVENTION gold span sets COMPARATOR = 0 where COMPARATOR is
    annotated. Without ``doc.spans[REGIONS_KEY]`` every head is taken as annotated."""
    heads = list(heads)
    n = len(example.x)
    y = numpy.zeros((n, len(heads)), dtype="f")
    ref = example.y
    if REGIONS_KEY in ref.spans:
        mask = numpy.zeros((n, len(heads)), dtype="f")
        regions = [s for s in ref.spans[REGIONS_KEY] if s.label_ in heads]
        for span in example.get_aligned_spans_y2x(regions, allow_overlap=True):
            mask[span.start:span.end, heads.index(span.label_)] = 1.0
    else:
        mask = numpy.ones((n, len(heads)), dtype="f")
    gold = list(ref.spans[GOLD_KEY]) if GOLD_KEY in ref.spans else list(ref.ents)
    for span in example.get_aligned_spans_y2x(gold, allow_overlap=True):
        label = span.label_
        if label == "COMPARATOR":
            for head in ("INTERVENTION", "COMPARATOR"):
                if head in heads:
                    y[span.start:span.end, heads.index(head)] = 1.0
        elif label in heads:
            y[span.start:span.end, heads.index(label)] = 1.0
    soft = ref.user_data.get(SOFT_KEY)
    if soft is not None and len(ref) == n and tuple(heads) == HEADS:
        alpha, probs = soft  # distillation: mix the teacher's probabilities into the decisions
        y = (1.0 - alpha) * y + alpha * numpy.asarray(probs, dtype="f")
    if "COMPARATOR" in heads and "INTERVENTION" in heads:
        c, i = heads.index("COMPARATOR"), heads.index("INTERVENTION")
        # the comparator head is only trained on (gold) intervention tokens
        mask[:, c] *= y[:, i] * mask[:, i]
    return y, mask
