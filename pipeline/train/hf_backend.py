"""``claimex train --backend transformers --base-model PATH_OR_NAME``.

Corpora -> spaCy (scispaCy) tokens -> word-level IO labels (``N`` or a PICO label; a word
outside every gold span but in a region where some P/I/O label is *not* annotated gets -100,
i.e. no loss: missing != negative) -> a ``datasets.Dataset`` -> subword alignment (first
subword labelled, the others -100; or every subword with ``label_all_subwords``) -> a plain
torch fine-tuning loop -> ``save_pretrained`` (safetensors) + tokenizer. The saved directory
loads with ``claimex_hf_pico`` / ``claimex.annotate.load_nlp(PATH)``.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Iterable
from pathlib import Path

import numpy

from ..corpora import CorpusDoc, load_docs
from . import distill  # noqa: F401  (registers the pseudo: corpus source)

log = logging.getLogger(__name__)

LABELS = ["N", "POPULATION", "INTERVENTION", "COMPARATOR", "OUTCOME"]
PRIORITY = ("COMPARATOR", "INTERVENTION", "OUTCOME", "POPULATION")  # one label per word
PIO = ("POPULATION", "INTERVENTION", "OUTCOME")
IGNORE = -100


def word_labels(nlp, cdoc: CorpusDoc) -> dict:
    """``{"id", "words", "labels"}``: the doc's non-space spaCy tokens and their label ids."""
    from ..annotate.tagger.model import GOLD_KEY, REGIONS_KEY
    from .data import reference_doc

    doc = reference_doc(nlp.make_doc(cdoc.text), cdoc)
    n = len(doc)
    gold: list[set] = [set() for _ in range(n)]
    for s in doc.spans[GOLD_KEY]:
        for t in range(s.start, s.end):
            gold[t].add(s.label_)
    annotated: list[set] = [set() for _ in range(n)]
    for s in doc.spans[REGIONS_KEY]:
        for t in range(s.start, s.end):
            annotated[t].add(s.label_)
    words, labels = [], []
    for t in doc:
        if t.is_space:
            continue
        words.append(t.text)
        g = gold[t.i]
        if g:
            labels.append(LABELS.index(next(lab for lab in PRIORITY if lab in g)))
        elif all(lab in annotated[t.i] for lab in PIO):
            labels.append(0)
        else:
            labels.append(IGNORE)
    return {"id": cdoc.id, "words": words, "labels": labels}


def build_dataset(nlp, docs: Iterable[CorpusDoc]):
    """Word-level ``datasets.Dataset`` (columns id, words, labels)."""
    import datasets

    docs = list(docs)

    def gen(docs):
        for d in docs:
            yield word_labels(nlp, d)

    features = datasets.Features({"id": datasets.Value("string"), "words": [datasets.Value("string")],
                                  "labels": [datasets.Value("int32")]})
    return datasets.Dataset.from_generator(gen, gen_kwargs={"docs": docs}, features=features)


def align_labels(word_ids: list[int | None], labels: list[int], label_all_subwords: bool = False) -> list[int]:
    """Word labels -> subword labels: first subword of a word gets its label, the others -100
    (or the word's label with ``label_all_subwords``); special tokens -100."""
    out, prev = [], None
    for wid in word_ids:
        if wid is None:
            out.append(IGNORE)
        elif wid != prev or label_all_subwords:
            out.append(labels[wid])
        else:
            out.append(IGNORE)
        prev = wid
    return out


def tokenize_dataset(ds, tokenizer, max_length: int = 512, label_all_subwords: bool = False):
    """Word rows -> subword rows (``input_ids``, ``attention_mask``, ``labels``); long documents are
    cut into word windows that fit ``max_length``."""
    from ..annotate.tagger.hf import word_windows

    def fn(batch):
        out = {"input_ids": [], "attention_mask": [], "labels": []}
        for words, labels in zip(batch["words"], batch["labels"]):
            if not words:
                continue
            n_sub = [len(x) for x in tokenizer(words, add_special_tokens=False)["input_ids"]]
            for s, e in word_windows(n_sub, max_length - 2):
                enc = tokenizer(words[s:e], is_split_into_words=True, truncation=True, max_length=max_length)
                out["input_ids"].append(enc["input_ids"])
                out["attention_mask"].append(enc["attention_mask"])
                out["labels"].append(align_labels(enc.word_ids(), labels[s:e], label_all_subwords))
        return out

    return ds.map(fn, batched=True, remove_columns=ds.column_names)


def train_hf(base_model: str, output: Path, sources: Iterable[str], nlp=None, max_steps: int = 1000,
             epochs: int | None = None, batch_size: int = 8, learn_rate: float = 5e-5, seed: int = 0,
             max_length: int = 512, label_all_subwords: bool = False, limit: int = 0,
             device: str | None = None) -> Path:
    import torch
    from transformers import (
        AutoModelForTokenClassification,
        AutoTokenizer,
        DataCollatorForTokenClassification,
    )

    random.seed(seed)
    numpy.random.seed(seed)
    torch.manual_seed(seed)
    if nlp is None:
        from ..annotate.language import build_pipeline

        nlp = build_pipeline()
    docs = load_docs(list(sources), split="train")
    if limit:
        random.Random(seed).shuffle(docs)
        docs = docs[:limit]
    tokenizer = AutoTokenizer.from_pretrained(base_model, trust_remote_code=False)
    net = AutoModelForTokenClassification.from_pretrained(
        base_model, num_labels=len(LABELS), id2label=dict(enumerate(LABELS)),
        label2id={lab: k for k, lab in enumerate(LABELS)}, trust_remote_code=False, use_safetensors=True,
        ignore_mismatched_sizes=True)
    max_length = min(max_length, getattr(net.config, "max_position_embeddings", max_length))
    words = build_dataset(nlp, docs)
    data = tokenize_dataset(words, tokenizer, max_length, label_all_subwords)
    collate = DataCollatorForTokenClassification(tokenizer, label_pad_token_id=IGNORE)
    device = device or ("cuda" if torch.cuda.is_available() else "cpu")
    net.to(device).train()
    opt = torch.optim.AdamW(net.parameters(), lr=learn_rate)
    steps_per_epoch = max(1, (len(data) + batch_size - 1) // batch_size)
    total = epochs * steps_per_epoch if epochs else max_steps
    def linear_warmup_decay(s: int) -> float:
        return max(0.0, 1 - s / max(total, 1)) * min(1.0, (s + 1) / max(1, total // 10))

    sched = torch.optim.lr_scheduler.LambdaLR(opt, linear_warmup_decay)
    step, t0 = 0, time.time()
    order = list(range(len(data)))
    rng = random.Random(seed)
    while step < total:
        rng.shuffle(order)
        for b in range(0, len(order), batch_size):
            batch = collate([{k: data[i][k] for k in ("input_ids", "attention_mask", "labels")}
                             for i in order[b:b + batch_size]])
            batch = {k: v.to(device) for k, v in batch.items()}
            loss = net(**batch).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            if step % 50 == 0 or step == total:
                log.info("step %d/%d loss %.4f (%.0fs)", step, total, loss.item(), time.time() - t0)
            if step >= total:
                break
    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)
    net.cpu().save_pretrained(output, safe_serialization=True)
    tokenizer.save_pretrained(output)
    (output / "claimex_train.json").write_text(json.dumps({
        "base_model": base_model, "sources": list(sources), "steps": step, "batch_size": batch_size,
        "learn_rate": learn_rate, "seed": seed, "max_length": max_length, "label_all_subwords": label_all_subwords,
        "train_docs": len(docs), "seconds": round(time.time() - t0)}, indent=1))
    return output
