"""``claimex_hf_pico``: a Hugging Face ``AutoModelForTokenClassification`` inside the spaCy pipeline.

The model (a local directory or a hub name; safetensors only, ``trust_remote_code=False``)
labels words with IO tags ``N`` / POPULATION / INTERVENTION / COMPARATOR / OUTCOME (``B-``/``I-``
prefixed labels are accepted too). The words are the spaCy (scispaCy) tokens; documents longer
than ``max_length`` subwords are cut into word windows; a word takes the prediction of its
first subword (``aggregation="first"``) or the mean over its subwords (``"mean"``). Spans are
runs of equal labels, scored by their mean probability. torch/transformers load lazily.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..entities import set_entities
from .decode import _trim, runs

OUTSIDE = ("N", "O", "OUTSIDE")


def load_hf(model: str):
    """(tokenizer, model) from a local path or hub name, safetensors only, no remote code."""
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model, trust_remote_code=False)
    net = AutoModelForTokenClassification.from_pretrained(model, trust_remote_code=False, use_safetensors=True)
    net.eval()
    return tokenizer, net


def label_of(tag: str) -> str | None:
    tag = str(tag)
    if tag.upper() in OUTSIDE:
        return None
    if len(tag) > 2 and tag[1] == "-" and tag[0] in "BIESLU":
        tag = tag[2:]
    return tag if tag in ("POPULATION", "INTERVENTION", "COMPARATOR", "OUTCOME") else None


def word_windows(n_sub: list[int], max_sub: int) -> list[tuple[int, int]]:
    """Greedy windows of consecutive words holding at most ``max_sub`` subwords each."""
    out, start, total = [], 0, 0
    for k, n in enumerate(n_sub):
        n = max(n, 1)
        if total + n > max_sub and k > start:
            out.append((start, k))
            start, total = k, 0
        total += n
    if start < len(n_sub):
        out.append((start, len(n_sub)))
    return out


def word_probs(tokenizer, net, words: list[str], max_length: int = 512, aggregation: str = "first",
               batch_size: int = 16) -> numpy.ndarray:
    """(n_words, n_labels) probabilities."""
    import torch

    n_labels = net.config.num_labels
    out = numpy.zeros((len(words), n_labels), dtype="f")
    if not words:
        return out
    n_sub = [len(ids) for ids in tokenizer(words, add_special_tokens=False)["input_ids"]]
    windows = word_windows(n_sub, max_length - 2)
    for b in range(0, len(windows), batch_size):
        chunk = windows[b:b + batch_size]
        enc = tokenizer([words[s:e] for s, e in chunk], is_split_into_words=True, truncation=True,
                        max_length=max_length, padding=True, return_tensors="pt")
        with torch.no_grad():
            logits = net(**{k: v for k, v in enc.items() if k in ("input_ids", "attention_mask", "token_type_ids")}
                         ).logits
        probs = torch.softmax(logits.float(), dim=-1).numpy()
        for row, (s, _e) in enumerate(chunk):
            sums = {}
            for pos, wid in enumerate(enc.word_ids(row)):
                if wid is None:
                    continue
                if aggregation == "first" and wid in sums:
                    continue
                acc = sums.setdefault(wid, [numpy.zeros(n_labels, dtype="f"), 0])
                acc[0] += probs[row, pos]
                acc[1] += 1
            for wid, (total, count) in sums.items():
                out[s + wid] = total / count
    return out


def probs_to_spans(doc: Doc, token_ids: list[int], probs: numpy.ndarray, id2label: dict, trim: bool = True
                   ) -> tuple[list[Span], list[float]]:
    labels = [label_of(id2label[int(k)]) for k in probs.argmax(-1)] if len(probs) else []
    spans, scores = [], []
    for lab in ("POPULATION", "INTERVENTION", "COMPARATOR", "OUTCOME"):
        on = numpy.array([x == lab for x in labels], dtype=bool)
        col = [k for k, v in id2label.items() if label_of(v) == lab]
        for a, b in runs(on):
            s, e = token_ids[a], token_ids[b - 1] + 1
            if trim:
                s, e = _trim(doc, s, e)
            if e > s:
                spans.append(Span(doc, s, e, label=lab))
                scores.append(round(float(probs[a:b][:, [int(c) for c in col]].sum(-1).mean()), 4))
    return spans, scores


class HFPicoTagger:
    def __init__(self, name: str, model: str, batch_size: int = 16, max_length: int = 512,
                 aggregation: str = "first", trim: bool = True) -> None:
        if aggregation not in ("first", "mean"):
            raise ValueError("aggregation must be 'first' or 'mean'")
        self.name = name
        self.model_name = model
        self.batch_size = batch_size
        self.max_length = max_length
        self.aggregation = aggregation
        self.trim = trim
        self.tokenizer, self.net = load_hf(model)
        self.max_length = min(max_length, getattr(self.net.config, "max_position_embeddings", max_length))
        self.id2label = {int(k): v for k, v in self.net.config.id2label.items()}

    def __call__(self, doc: Doc) -> Doc:
        token_ids = [t.i for t in doc if not t.is_space]
        words = [doc[i].text for i in token_ids]
        probs = word_probs(self.tokenizer, self.net, words, self.max_length, self.aggregation, self.batch_size)
        spans, scores = probs_to_spans(doc, token_ids, probs, self.id2label, self.trim)
        set_entities(doc, spans, scores, [None] * len(spans))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    # the weights live in the HF directory named by ``model``; nothing to serialize here
    def to_disk(self, path, exclude=()) -> None:
        pass

    def from_disk(self, path, exclude=()) -> HFPicoTagger:
        return self


@Language.factory(
    "claimex_hf_pico",
    assigns=["doc.spans"],
    default_config={"model": None, "batch_size": 16, "max_length": 512, "aggregation": "first", "trim": True},
)
def make_hf_pico(nlp: Language, name: str, model: str | None, batch_size: int, max_length: int,
                 aggregation: str, trim: bool) -> Any:
    if not model:
        raise ValueError("claimex_hf_pico needs config {'model': PATH_OR_HUB_NAME}")
    return HFPicoTagger(name, str(model), batch_size, max_length, aggregation, trim)
