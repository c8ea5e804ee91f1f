"""Would scikit-learn's LogisticRegression replace the subtype model's own AdaGrad fit?

Same hashed features, same model family (one multinomial softmax per coarse label, no intercept, the
weights copied into the SubtypeModel table), scored on the dev split of the training sources:

    OPENBLAS_NUM_THREADS=1 python -W ignore bench/subtypes_sklearn.py 0.3 1 3

Measured 2026-12-05 on the 2-core box under load (fit seconds are wall time; dev accuracy over 4,534 spans):
own AdaGrad fit (SETTINGS) 0.8002 in 34 s; lbfgs C=0.3 0.7905 in 141 s, C=1 0.7914 in 98 s, C=3 0.7876 in
185 s (not converged at 200 iterations). The own fit stays: sklearn loses ~0.009 accuracy and is 3-5x slower.
"""

from __future__ import annotations

import sys
import time

import numpy
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from claimex.annotate.subtypes import SubtypeModel
from claimex.corpora.subtypes import SOURCES, default_tokenizer, load_span_docs
from claimex.evaluate.subtypes import predict, score
from claimex.train import subtypes as st


def sklearn_fit(data: st.SpanData, bits: int, C: float, max_iter: int = 200, seed: int = 0) -> SubtypeModel:
    model = SubtypeModel(bits=bits)
    n = len(data.labels)
    owner = numpy.repeat(numpy.arange(n), numpy.diff(data.offsets))
    X = sparse.csr_matrix((numpy.ones(len(data.rows), numpy.float32), (owner, data.rows)), shape=(n, 1 << bits))
    X.sum_duplicates()
    index = {c: k for k, c in enumerate(model.classes)}
    for label in model.columns:
        keep = [k for k in range(n) if data.labels[k] == label and (label, data.targets[k]) in index]
        y = numpy.array([index[(label, data.targets[k])] for k in keep])
        clf = LogisticRegression(C=C, fit_intercept=False, max_iter=max_iter, random_state=seed).fit(X[keep], y)
        coef = clf.coef_ if clf.coef_.shape[0] > 1 else numpy.vstack([-clf.coef_ / 2, clf.coef_ / 2])
        for row, column in enumerate(clf.classes_):
            model.W[:, column] = coef[row]
    return model


def main(cs: list[float]) -> None:
    tokenizer = default_tokenizer()
    train = load_span_docs(SOURCES, "train", tokenizer=tokenizer)
    dev = load_span_docs(SOURCES, "dev", tokenizer=tokenizer)
    data = st.featurize(train, st.SETTINGS["bits"])
    t0 = time.time()
    own = st.fit(data)
    print(f"own fit: {time.time() - t0:.1f} s", score(predict(own, dev)).summary, flush=True)
    for C in cs:
        t0 = time.time()
        model = sklearn_fit(data, st.SETTINGS["bits"], C)
        print(f"sklearn C={C}: {time.time() - t0:.1f} s", score(predict(model, dev)).summary, flush=True)


if __name__ == "__main__":
    main([float(a) for a in sys.argv[1:]] or [1.0])
