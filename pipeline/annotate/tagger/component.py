"""``claimex_pico``: the trained spaCy PICO tagger (tok2vec + one sigmoid per token and head).

Writes ``doc.spans["pico"]`` (labels POPULATION/INTERVENTION/COMPARATOR/OUTCOME) with aligned
``attrs["scores"]`` and ``attrs["subtypes"]``; with ``weak_outcome`` (a threshold, 0 = off) also
``doc.spans["pico_weak"]``: the OUTCOME head decoded again at that lower threshold
(:func:`.weakwide.decode_weak`), candidates that :mod:`claimex.annotate.outcome_weak` adds to the claims
layer only, and ``doc.spans["pico_wide"]``: how far the OUTCOME spans reach at that threshold's hysteresis floor
(:func:`.weakwide.decode_wide`, read by :mod:`claimex.annotate.outcome_wide`). Trains on partially annotated
documents: see :mod:`.model` for the targets and the loss mask.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import islice
from typing import Any

import numpy
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc
from spacy.training import Example, validate_examples, validate_get_examples
from thinc.api import Model, set_dropout_rate

from ..entities import SEEDS_KEY, WEAK_KEY, WIDE_KEY, set_entities
from .decode import decode_doc, hygiene_for
from .embedcache import EmbedCache, fits, parts
from .model import HEADS, sigmoid, targets
from .ops import use_fast_ops
from .scoring import make_pico_scorer  # noqa: F401  (registers claimex.pico_scorer.v1)
from .spaces import kept, spread, without_space
from .weakwide import decode_weak_wide

#: tokens the network sees at once, so that its layers' arrays (tokens x 32-160 floats, ~1.3 MB at 2,048)
#: stay in the CPU's cache: on the 537 bench abstracts (257 tokens each) in batches of 32 (``claimex
#: extract``'s default), runs of 1,536-3,072 tokens took 0.79-0.83x the time of the whole batch at once
#: (4,096: no gain). Each token's row depends on its own doc only (blis route: the same floats; numpy's
#: OpenBLAS route can differ in the last bit with the batch's size, as it did between batch sizes before).
PREDICT_TOKENS = 2048
DEFAULT_THRESHOLDS = {h: 0.5 for h in HEADS}
DEFAULT_HYSTERESIS = {h: 1.0 for h in HEADS}  # 1 = plain thresholding (see decode.decode)


@Language.factory(
    "claimex_pico",
    assigns=["doc.spans"],
    default_config={
        "thresholds": DEFAULT_THRESHOLDS,
        "hysteresis": DEFAULT_HYSTERESIS,
        "trim": True,
        "propagate": True,
        "exclusive": False,
        "hygiene": True,
        "weak_outcome": 0.0,
        "scorer": {"@scorers": "claimex.pico_scorer.v1"},
    },
    default_score_weights={"pico_macro_f": 1.0, "pico_micro_f": 0.0, "pico_p_f": 0.0, "pico_i_f": 0.0,
                           "pico_o_f": 0.0},
)
def make_claimex_pico(nlp: Language, name: str, model: Model, thresholds: dict[str, float],
                      hysteresis: dict[str, float], trim: bool, propagate: bool, exclusive: bool,
                      scorer: Callable | None, hygiene: bool = True, weak_outcome: float = 0.0) -> PicoTagger:
    return PicoTagger(nlp.vocab, model, name, thresholds=thresholds, hysteresis=hysteresis, trim=trim,
                      propagate=propagate, exclusive=exclusive, scorer=scorer, hygiene=hygiene,
                      weak_outcome=weak_outcome)


def token_chunks(docs: list[Doc], budget: int) -> list[list[Doc]]:
    """``docs`` in order, cut into runs of at most ``budget`` tokens (a longer doc is a run of its own)."""
    chunks: list[list[Doc]] = []
    size = budget + 1
    for doc in docs:
        if size + len(doc) > budget:
            chunks.append([])
            size = 0
        chunks[-1].append(doc)
        size += len(doc)
    return chunks


class PicoTagger(TrainablePipe):
    def __init__(self, vocab, model: Model, name: str = "claimex_pico", *, thresholds: dict | None = None,
                 hysteresis: dict | None = None, trim: bool = True, propagate: bool = False, exclusive: bool = False,
                 scorer: Callable | None = None, hygiene: bool = True, weak_outcome: float = 0.0) -> None:
        self.vocab = vocab
        self.model = use_fast_ops(model)
        self.name = name
        self.scorer = scorer
        self.embed_cache: EmbedCache | None = None  # on once loaded (from_disk / from_bytes, cache_embeddings)
        self.cfg: dict[str, Any] = {"heads": list(HEADS), "thresholds": dict(thresholds or DEFAULT_THRESHOLDS),
                                    "hysteresis": dict(hysteresis or DEFAULT_HYSTERESIS),
                                    "trim": trim, "propagate": propagate, "exclusive": exclusive,
                                    "hygiene": hygiene, "weak_outcome": weak_outcome}

    @property
    def heads(self) -> tuple[str, ...]:
        return tuple(self.cfg["heads"])

    @property
    def labels(self) -> tuple[str, ...]:
        return self.heads

    def predict(self, docs: Iterable[Doc]) -> list[numpy.ndarray]:
        """Head probabilities per doc: the network reads each doc without its whitespace tokens
        (:func:`.spaces.without_space`), over runs of docs of at most :data:`PREDICT_TOKENS` tokens together
        (:func:`token_chunks`; a token's row depends on its own doc only on the batch-invariant routes of :mod:`.ops`,
        blis and numpy64: numpy's float32 OpenBLAS gives a row other last bits by its place among the rows, so there
        a score's last digit can move with the batch, ``bench/SPEED.md`` sessions 27 and 28)."""
        docs = list(docs)
        if self.embed_cache is not None:
            return self._predict_cached(docs)
        views = [without_space(doc) for doc in docs]
        probs: list[numpy.ndarray] = []
        for chunk in token_chunks([view for view, _ in views], PREDICT_TOKENS):
            if not any(len(doc) for doc in chunk):
                probs.extend(numpy.zeros((len(doc), len(self.heads)), dtype="f") for doc in chunk)
                continue
            probs.extend(sigmoid(self.model.ops.to_numpy(x)) for x in self.model.predict(chunk))
        return [spread(p, keep, len(doc)) for doc, (_, keep), p in zip(docs, views, probs)]

    def _predict_cached(self, docs: list[Doc]) -> list[numpy.ndarray]:
        """:meth:`predict` with the embedding rows from :attr:`embed_cache` (:mod:`.embedcache`): the encoder
        and the output layer run over the same runs of tokens, on the same rows."""
        _, encode, output = parts(self.model)
        keeps = [kept(doc) for doc in docs]
        rows = self.embed_cache.rows(docs, keeps)
        probs: list[numpy.ndarray] = []
        for chunk in token_chunks(rows, PREDICT_TOKENS):
            if not any(len(x) for x in chunk):
                probs.extend(numpy.zeros((len(x), len(self.heads)), dtype="f") for x in chunk)
                continue
            probs.extend(sigmoid(self.model.ops.to_numpy(x)) for x in output.predict(encode.predict(chunk)))
        return [spread(p, keep, len(doc)) for doc, keep, p in zip(docs, keeps, probs)]

    def cache_embeddings(self, on: bool = True) -> bool:
        """Keep the embedding rows of the words seen (:class:`.embedcache.EmbedCache`; for inference: loading
        turns it on, ``on=False`` off). Returns whether it is on (a network of another shape runs as it is)."""
        self.embed_cache = EmbedCache(parts(self.model)[0], self.vocab) \
            if on and fits(self.model, self.vocab) else None
        return self.embed_cache is not None

    def _weights_change(self) -> None:
        """Empty the embedding cache: its rows were made with the weights about to change."""
        if self.embed_cache is not None:
            self.embed_cache.clear()

    def finish_update(self, sgd) -> None:
        self._weights_change()
        super().finish_update(sgd)

    def use_params(self, params: dict):
        """spaCy's ``TrainablePipe.use_params`` (a generator, as ``Language.use_params`` drives it), the
        embedding cache emptied on the way in and out."""
        self._weights_change()
        with self.model.use_params(params):
            yield
        self._weights_change()

    def from_disk(self, path, *, exclude=tuple()):
        """spaCy's ``from_disk``; a loaded tagger keeps its embedding rows (:meth:`cache_embeddings`): a pipeline
        read from disk or bytes (``spacy.load``, an installed model package) is for annotating, and training
        empties the cache at every weight change (:meth:`finish_update`, :meth:`use_params`)."""
        self._weights_change()
        loaded = super().from_disk(path, exclude=exclude)
        self.cache_embeddings()
        return loaded

    def from_bytes(self, bytes_data, *, exclude=tuple()):
        """spaCy's ``from_bytes``, the embedding cache turned on as by :meth:`from_disk`."""
        self._weights_change()
        loaded = super().from_bytes(bytes_data, exclude=exclude)
        self.cache_embeddings()
        return loaded

    def set_annotations(self, docs: Iterable[Doc], probs: list[numpy.ndarray]) -> None:
        for doc, p in zip(docs, probs):
            clean = hygiene_for(doc, self.cfg)
            set_entities(doc, *decode_doc(doc, p, self.heads, self.cfg, clean=clean))
            if self.cfg.get("weak_outcome"):  # candidates for the claims layer (claimex.annotate.outcome_weak)
                weak, scores, wide, seeds = decode_weak_wide(doc, p, self.heads, self.cfg, self.cfg["weak_outcome"],
                                                             clean=clean)  # one hysteresis pass for the layers
                set_entities(doc, weak, scores, key=WEAK_KEY)
                set_entities(doc, wide, key=WIDE_KEY)
                set_entities(doc, seeds, key=SEEDS_KEY)

    def update(self, examples: Iterable[Example], *, drop: float = 0.0, sgd=None,
               losses: dict[str, float] | None = None) -> dict[str, float]:
        losses = {} if losses is None else losses
        losses.setdefault(self.name, 0.0)
        examples = list(examples)
        validate_examples(examples, "PicoTagger.update")
        if not any(len(eg.predicted) for eg in examples):
            return losses
        set_dropout_rate(self.model, drop)
        logits, backprop = self.model.begin_update([eg.predicted for eg in examples])
        loss, d_logits = self.get_loss(examples, logits)
        backprop(d_logits)
        if sgd not in (None, False):
            self.finish_update(sgd)
        losses[self.name] += loss
        return losses

    def get_loss(self, examples: Iterable[Example], logits) -> tuple[float, list]:
        """Masked binary cross-entropy, summed over tokens and heads; gradient w.r.t. the logits."""
        ops = self.model.ops
        loss = 0.0
        grads = []
        for eg, x in zip(examples, logits):
            p = sigmoid(ops.to_numpy(x))
            y, mask = targets(eg, self.heads)
            grads.append(ops.asarray2f((p - y) * mask))
            eps = 1e-7
            loss += float(-(mask * (y * numpy.log(p + eps) + (1 - y) * numpy.log(1 - p + eps))).sum())
        return loss, grads

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *, nlp: Language | None = None) -> None:
        validate_get_examples(get_examples, "PicoTagger.initialize")
        self._weights_change()
        docs = [eg.x for eg in islice(get_examples(), 16)]
        output = self.model.get_ref("output_layer")
        if not output.has_dim("nO"):
            output.set_dim("nO", len(self.heads))
        self.model.initialize(X=docs)

    def add_label(self, label: str) -> int:
        raise NotImplementedError("claimex_pico has a fixed set of heads")
