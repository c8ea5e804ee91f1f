"""The transformers backend end to end with a tiny BERT built here (no hub, no GPU): train a few
steps through ``datasets``, save (safetensors), reload, run inside a spaCy pipeline."""

from __future__ import annotations

import json

import pytest
from pico_samples import TEXTS  # tests/ is on sys.path through its conftest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")
tokenizers = pytest.importorskip("tokenizers")


@pytest.fixture(autouse=True, scope="module")
def _one_thread():
    """Tiny models on a shared CI box: OpenMP spin-waiting across threads costs 15x here."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def build_tiny_bert(path):
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors
    from transformers import BertConfig, BertForTokenClassification, PreTrainedTokenizerFast

    words = sorted({w.strip(".,").lower() for t, _ in TEXTS for w in t.split()} | {".", ","})
    vocab = {w: i for i, w in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + words + ["##s", "##ed"])}
    tok = Tokenizer(models.WordPiece(vocab=vocab, unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B [SEP]", special_tokens=[("[CLS]", 2), ("[SEP]", 3)])
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
                                   sep_token="[SEP]", mask_token="[MASK]")
    assert fast("aspirin reduced")["input_ids"][1] == vocab["aspirin"]  # the vocabulary is really used
    config = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=64)
    torch.manual_seed(0)
    BertForTokenClassification(config).save_pretrained(path, safe_serialization=True)
    fast.save_pretrained(path)
    return path


@pytest.fixture(scope="module")
def tiny_bert(tmp_path_factory):
    return build_tiny_bert(tmp_path_factory.mktemp("tiny-bert"))


@pytest.fixture(scope="module")
def gold_jsonl(tmp_path_factory):
    path = tmp_path_factory.mktemp("gold") / "train.jsonl"
    with open(path, "w") as fh:
        fh.writelines(json.dumps({"id": f"d{k}", "text": text, "entities": [
                {"start": a, "end": b, "label": lab} for a, b, lab in ents]}) + "\n" for k, (text, ents) in enumerate(TEXTS * 4))
    return path


@pytest.fixture(scope="module")
def sci_nlp():
    import spacy

    from claimex.annotate.tokenizer import create_sci_tokenizer

    nlp = spacy.blank("en")
    nlp.tokenizer = create_sci_tokenizer()(nlp)
    return nlp


def test_alignment_first_subword():
    from claimex.train.hf_backend import align_labels

    assert align_labels([None, 0, 0, 1, None], [3, 4]) == [-100, 3, -100, 4, -100]
    assert align_labels([None, 0, 0, 1, None], [3, 4], label_all_subwords=True) == [-100, 3, 3, 4, -100]


def test_word_windows():
    from claimex.annotate.tagger.hf import word_windows

    assert word_windows([2, 2, 2, 2], 4) == [(0, 2), (2, 4)]
    assert word_windows([5, 1], 4) == [(0, 1), (1, 2)]  # an oversize word gets its own window


def test_train_save_reload_run(tiny_bert, gold_jsonl, sci_nlp, tmp_path):
    from safetensors.torch import load_file  # noqa: F401  (safetensors is what is saved)

    from claimex.train.hf_backend import train_hf

    out = train_hf(str(tiny_bert), tmp_path / "model", [f"json:{gold_jsonl}"], nlp=sci_nlp, max_steps=60,
                   batch_size=4, learn_rate=5e-3, seed=0, device="cpu")
    assert (out / "model.safetensors").exists() and not list(out.glob("*.bin"))
    sci_nlp.add_pipe("claimex_hf_pico", config={"model": str(out)})
    doc = sci_nlp("Aspirin reduced mortality in adults with stroke.")
    labels = {(s.text, s.label_) for s in doc.spans["pico"]}
    assert ("Aspirin", "INTERVENTION") in labels
    scores = doc.spans["pico"].attrs["scores"]
    assert len(scores) == len(doc.spans["pico"]) and all(0 <= s <= 1 for s in scores)
    sci_nlp.remove_pipe("claimex_hf_pico")


def test_partial_annotation_ignored(sci_nlp):
    from claimex.corpora import CorpusDoc, SpanAnn
    from claimex.train.hf_backend import LABELS, word_labels

    doc = CorpusDoc(id="x", text="Aspirin reduced mortality.", spans=[SpanAnn(16, 25, "OUTCOME")],
                    annotated=frozenset({"OUTCOME"}))
    row = word_labels(sci_nlp, doc)
    assert row["words"] == ["Aspirin", "reduced", "mortality", "."]
    # only outcomes annotated: the outcome word is labelled, the others carry no loss
    assert row["labels"] == [-100, -100, LABELS.index("OUTCOME"), -100]
