"""Static word vectors from the unlabelled abstracts (a cheap first pretraining stage).

PPMI over a symmetric +-``window`` co-occurrence window of lower-cased scispaCy tokens
(context-distribution smoothing 0.75), reduced by truncated SVD (``U * sqrt(S)``), rows
L2-normalised; keyed on ``NORM``. Deterministic (fixed SVD start vector). The vectors are saved
as a spaCy pipeline directory for ``[initialize] vectors`` and end up inside the trained model.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy

log = logging.getLogger(__name__)


def cooccurrence(seqs: list[numpy.ndarray], n: int, window: int):
    from scipy import sparse

    rows, cols, vals = [], [], []
    for ids in seqs:
        for d in range(1, window + 1):
            if len(ids) <= d:
                break
            a, b = ids[:-d], ids[d:]
            keep = (a >= 0) & (b >= 0)
            a, b = a[keep], b[keep]
            w = numpy.full(len(a), 1.0 / d, dtype="f4")
            rows += [a, b]
            cols += [b, a]
            vals += [w, w]
    m = sparse.coo_matrix((numpy.concatenate(vals), (numpy.concatenate(rows), numpy.concatenate(cols))),
                          shape=(n, n)).tocsr()
    m.sum_duplicates()
    return m


def ppmi_svd(counts, dim: int, alpha: float = 0.75, seed: int = 0) -> numpy.ndarray:
    from scipy import sparse
    from scipy.sparse.linalg import svds

    counts = counts.tocoo()
    total = counts.sum()
    row = numpy.asarray(counts.sum(axis=1)).ravel()
    col = numpy.asarray(counts.sum(axis=0)).ravel() ** alpha
    col_total = col.sum()
    pmi = numpy.log((counts.data / total) / ((row[counts.row] / total) * (col[counts.col] / col_total)))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep].astype("f4"), (counts.row[keep], counts.col[keep])), shape=counts.shape)
    v0 = numpy.random.RandomState(seed).rand(min(ppmi.shape)).astype("f4")
    u, s, _ = svds(ppmi, k=dim, v0=v0)
    order = numpy.argsort(-s)
    vecs = u[:, order] * numpy.sqrt(s[order])
    vecs /= numpy.linalg.norm(vecs, axis=1, keepdims=True) + 1e-8
    # fix the sign of each dimension so results do not depend on the solver's choice
    vecs *= numpy.sign(vecs.sum(axis=0, keepdims=True) + 1e-12)
    return vecs.astype("f4")


def build_vectors(output: Path, texts: Iterable[str] | None = None, dim: int = 64, min_count: int = 3,
                  max_words: int = 40000, window: int = 5, nlp=None) -> Path:
    """Train vectors on ``texts`` (default: all non-dev shared abstracts) and save a spaCy
    pipeline holding them to ``output``."""
    import spacy
    from spacy.attrs import NORM
    from spacy.vectors import Vectors

    t0 = time.time()
    if texts is None:
        from ..corpora.raw import iter_abstracts

        texts = iter_abstracts()
    if nlp is None:
        from ..annotate.tokenizer import create_sci_tokenizer

        nlp = spacy.blank("en")
        nlp.tokenizer = create_sci_tokenizer()(nlp)
    docs = [[t.norm_ for t in nlp.make_doc(text) if not t.is_space] for text in texts]
    freq = Counter(w for doc in docs for w in doc)
    words = [w for w, c in sorted(freq.items(), key=lambda x: (-x[1], x[0])) if c >= min_count][:max_words]
    index = {w: k for k, w in enumerate(words)}
    seqs = [numpy.array([index.get(w, -1) for w in doc], dtype="i8") for doc in docs]
    vecs = ppmi_svd(cooccurrence(seqs, len(words), window), dim)
    out_nlp = spacy.blank("en")
    keys = [out_nlp.vocab.strings.add(w) for w in words]
    out_nlp.vocab.vectors = Vectors(strings=out_nlp.vocab.strings, data=vecs, keys=keys, name="claimex_abstracts",
                                    attr=NORM)
    output = Path(output)
    out_nlp.to_disk(output)
    log.info("vectors: %d words x %d dims from %d texts (%d tokens) in %.0fs", len(words), dim, len(docs),
             sum(freq.values()), time.time() - t0)
    return output
