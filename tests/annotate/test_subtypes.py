"""``claimex_subtypes``: hashed span features, the per-label softmax, the component and its
serialization, and the classifier shipped in models/claimex-pico-sm."""

from __future__ import annotations

import json

import numpy
import pytest
import spacy

import claimex.annotate  # noqa: F401  (factories)
from claimex import paths
from claimex.annotate.entities import set_entities
from claimex.annotate.subtypes import CLASSES, SubtypeModel, span_features
from claimex.annotate.subtypes.features import batch_features

TEXT = "We randomized 120 patients aged 18-65 years with type 2 diabetes to metformin or placebo."
OTHER = "Mortality and pain were lower in women after laparoscopic cholecystectomy."


@pytest.fixture(scope="module")
def nlp():
    from claimex.annotate import build_pipeline

    return build_pipeline()


def _spans(doc, pieces):
    """[(text, label)] -> Spans of ``doc`` (first occurrence of each text)."""
    out = []
    for piece, label in pieces:
        a = doc.text.index(piece)
        span = doc.char_span(a, a + len(piece), label=label)
        assert span is not None, piece
        out.append(span)
    return out


def _rows(doc, spans, bits=16):
    return span_features(doc, [s.start for s in spans], [s.end for s in spans], bits)


# -- features ---------------------------------------------------------------------------------------
def test_features_shape_and_head(nlp):
    doc = nlp.make_doc("Adults with asthma who smoke were enrolled. Adults were enrolled.")
    long, short = _spans(doc, [("Adults with asthma who smoke", "POPULATION"), ("Adults", "POPULATION")])
    feats = _rows(doc, [long, short])
    assert feats.span_rows.shape == (2, 9) and feats.token_rows.shape == (len(long) + 1, 5)
    assert feats.bounds.tolist() == [0, len(long)]
    assert feats.span_rows.min() >= 0 and feats.span_rows.max() < 2 ** 16
    # template 3 is the head word: "Adults" (before "with") for both spans; the last word (2) differs
    assert feats.span_rows[0, 3] == feats.span_rows[1, 3]
    assert feats.span_rows[0, 2] != feats.span_rows[1, 2]
    # same word, same token rows (word, suffix, prefix, shape); the pair (col 4) depends on the next word
    assert (feats.token_rows[0, :4] == feats.token_rows[-1, :4]).all()
    assert feats.token_rows[0, 4] != feats.token_rows[-1, 4]


def test_batch_equals_single_and_context_stays_in_its_doc(nlp):
    a, b = nlp.make_doc(TEXT), nlp.make_doc(OTHER)
    sa = _spans(a, [("120 patients", "POPULATION"), ("placebo", "COMPARATOR")])
    sb = _spans(b, [("Mortality", "OUTCOME"), ("laparoscopic cholecystectomy", "INTERVENTION")])
    one, two = _rows(a, sa), _rows(b, sb)
    both = batch_features([(a, [s.start for s in sa], [s.end for s in sa]),
                           (b, [s.start for s in sb], [s.end for s in sb])], 16)
    assert (both.span_rows == numpy.vstack([one.span_rows, two.span_rows])).all()
    assert (both.token_rows == numpy.vstack([one.token_rows, two.token_rows])).all()
    # "Mortality" opens its doc: the same left context (start markers) alone as after another doc
    alone = _rows(nlp.make_doc("Mortality fell."), _spans(nlp.make_doc("Mortality fell."), [("Mortality", "OUTCOME")]))
    assert (both.span_rows[2, 4:6] == alone.span_rows[0, 4:6]).all()


def test_features_are_stable_across_processes(nlp):
    """Rows come from spaCy's string hashes, not Python's salted hash: fixed numbers."""
    doc = nlp.make_doc(TEXT)
    feats = _rows(doc, _spans(doc, [("metformin", "INTERVENTION")]))
    again = _rows(nlp.make_doc(TEXT), _spans(doc, [("metformin", "INTERVENTION")]))
    assert (feats.span_rows == again.span_rows).all()
    assert feats.span_rows[0, 0] == 48666  # the bias row of a 16-bit table


# -- the model --------------------------------------------------------------------------------------
def _toy_data(nlp):
    """Two recognisable subtypes per label, repeated."""
    pieces = [("metformin", "INTERVENTION", "Pharmacological"), ("surgery", "INTERVENTION", "Surgical"),
              ("mortality", "OUTCOME", "Mortality"), ("pain", "OUTCOME", "Pain"),
              ("elderly adults", "POPULATION", "Age"), ("diabetes", "POPULATION", "Condition")]
    rows, lens, labels, targets = [], [], [], []
    for text, label, sub in pieces * 5:
        doc = nlp.make_doc(f"Patients got {text} today.")
        (span,) = _spans(doc, [(text, label)])
        r, _ = _rows(doc, [span], bits=12).flat()
        rows.append(r)
        lens.append(len(r))
        labels.append(label)
        targets.append(sub)
    return numpy.concatenate(rows), numpy.concatenate(([0], numpy.cumsum(lens))), labels, targets


@pytest.fixture(scope="module")
def toy_model(nlp):
    rows, offsets, labels, targets = _toy_data(nlp)
    return SubtypeModel(bits=12).fit(rows, offsets, labels, targets, epochs=10, learn_rate=0.3, seed=0)


def test_model_learns_and_predicts_within_the_label(nlp, toy_model):
    rows, offsets, labels, targets = _toy_data(nlp)
    logits = numpy.add.reduceat(toy_model.W[rows], offsets[:-1], axis=0)
    subs, probs = toy_model.predict(logits, labels)
    assert subs == targets
    assert all(0.5 < p <= 1.0 for p in probs)
    # scored as OUTCOME, the metformin span can only get an OUTCOME subtype; COMPARATOR is fixed
    subs, probs = toy_model.predict(logits[:1].repeat(3, 0), ["OUTCOME", "COMPARATOR", "UNKNOWN"])
    assert subs[0] in {sub for lab, sub in CLASSES if lab == "OUTCOME"}
    assert (subs[1], probs[1]) == ("Control", 1.0) and (subs[2], probs[2]) == (None, None)


def test_training_is_deterministic(nlp, toy_model):
    rows, offsets, labels, targets = _toy_data(nlp)
    again = SubtypeModel(bits=12).fit(rows, offsets, labels, targets, epochs=10, learn_rate=0.3, seed=0)
    assert numpy.array_equal(again.W, toy_model.W)


def test_model_round_trip_without_pickle(tmp_path, toy_model):
    toy_model.to_disk(tmp_path / "m")
    assert sorted(p.name for p in (tmp_path / "m").iterdir()) == ["cfg.json", "weights.npy"]
    numpy.load(tmp_path / "m" / "weights.npy", allow_pickle=False)  # plain array, no pickled objects
    back = SubtypeModel.from_disk(tmp_path / "m")
    assert back.bits == 12 and back.classes == toy_model.classes
    assert numpy.allclose(back.W, toy_model.W, atol=1e-3)  # stored as float16
    assert numpy.allclose(SubtypeModel.from_bytes(toy_model.to_bytes()).W, back.W)
    cfg = json.loads((tmp_path / "m" / "cfg.json").read_text())
    cfg["features_version"] = -1
    (tmp_path / "m" / "cfg.json").write_text(json.dumps(cfg))
    with pytest.raises(ValueError, match="retrain"):
        SubtypeModel.from_disk(tmp_path / "m")


# -- the component ----------------------------------------------------------------------------------
def _tagged(nlp, text, pieces):
    doc = nlp.make_doc(text)
    spans = _spans(doc, pieces)
    set_entities(doc, spans, scores=[0.9] * len(spans))
    return doc


PIECES = [("metformin", "INTERVENTION"), ("placebo", "COMPARATOR"), ("diabetes", "POPULATION")]


def test_component_untrained_leaves_subtypes(nlp):
    pipe = spacy.blank("en").add_pipe("claimex_subtypes")
    doc = pipe(_tagged(nlp, TEXT, PIECES))
    assert "subtypes" not in doc.spans["pico"].attrs and not pipe.is_trained
    assert pipe(nlp.make_doc("No spans here.")).spans.get("pico") is None


def test_component_writes_aligned_subtypes(nlp, toy_model):
    blank = spacy.blank("en")
    pipe = blank.add_pipe("claimex_subtypes")
    pipe.model = toy_model
    docs = [_tagged(nlp, TEXT, PIECES), nlp.make_doc("Nothing."), _tagged(nlp, OTHER, [("Mortality", "OUTCOME")])]
    out = list(pipe.pipe(docs, batch_size=8))
    group = out[0].spans["pico"]
    assert [s.text for s in group] == ["diabetes", "metformin", "placebo"]  # sorted by position
    assert group.attrs["scores"] == [0.9, 0.9, 0.9]  # the tagger's scores are kept
    assert group.attrs["subtypes"] == ["Condition", "Pharmacological", "Control"]
    assert len(group.attrs["subtype_scores"]) == 3 and group.attrs["subtype_scores"][2] == 1.0
    assert out[2].spans["pico"].attrs["subtypes"] == ["Mortality"]
    # min_score: an unsure subtype becomes None
    strict = blank.add_pipe("claimex_subtypes", name="strict", config={"min_score": 1.01})
    strict.model = toy_model
    assert strict(_tagged(nlp, TEXT, PIECES)).spans["pico"].attrs["subtypes"] == [None, None, None]


def test_pipeline_with_component_round_trips(tmp_path, nlp, toy_model):
    from claimex.annotate import build_pipeline

    full = build_pipeline()
    full.add_pipe("claimex_subtypes", config={"min_score": 0.0}).model = toy_model
    full.to_disk(tmp_path / "pipe")
    assert (tmp_path / "pipe" / "claimex_subtypes" / "model" / "weights.npy").exists()
    loaded = spacy.load(tmp_path / "pipe")
    assert loaded.pipe_names[-1] == "claimex_subtypes"
    doc = _tagged(loaded, TEXT, PIECES)
    assert loaded.get_pipe("claimex_subtypes")(doc).spans["pico"].attrs["subtypes"] == [
        "Condition", "Pharmacological", "Control"]
    assert spacy.blank("en").add_pipe("claimex_subtypes").from_bytes(
        loaded.get_pipe("claimex_subtypes").to_bytes()).is_trained


# -- the shipped classifier -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def shipped():
    path = paths.MODELS_DIR / paths.DEFAULT_MODEL_NAME
    assert (path / "claimex_subtypes" / "model" / "cfg.json").exists(), (
        f"{path} has no subtype classifier: python -m claimex.train.subtypes add {path}")
    return spacy.load(path)


WANT = {"120 patients": ("POPULATION", "Sample_size"), "aged 18-65 years": ("POPULATION", "Age"),
        "type 2 diabetes": ("POPULATION", "Condition"), "Women": ("POPULATION", "Sex"),
        "metformin": ("INTERVENTION", "Pharmacological"), "placebo": ("COMPARATOR", "Control"),
        "laparoscopic cholecystectomy": ("INTERVENTION", "Surgical"),
        "a school-based education program": ("INTERVENTION", "Educational"),
        "mortality": ("OUTCOME", "Mortality"), "postoperative pain": ("OUTCOME", "Pain"),
        "nausea and vomiting": ("OUTCOME", "Adverse_effects"), "HbA1c": ("OUTCOME", "Physical")}
CLINICAL = ("We randomized 120 patients aged 18-65 years with type 2 diabetes to metformin or placebo. "
            "Women undergoing laparoscopic cholecystectomy received a school-based education program. "
            "Outcomes were mortality, postoperative pain, nausea and vomiting and HbA1c.")


def test_shipped_classifier_on_given_spans(shipped):
    doc = _tagged(shipped, CLINICAL, [(t, lab) for t, (lab, _) in WANT.items()])
    group = shipped.get_pipe("claimex_subtypes")(doc).spans["pico"]
    got = {s.text: sub for s, sub in zip(group, group.attrs["subtypes"])}
    assert got == {t: sub for t, (_, sub) in WANT.items()}


def test_shipped_pipeline_tags_subtypes(shipped):
    """The whole pipeline: the tagger's spans get subtypes of their own label."""
    assert shipped.pipe_names[-3:] == ["claimex_pico", "claimex_outcome_lists", "claimex_subtypes"]
    doc = shipped(CLINICAL)
    group = doc.spans["pico"]
    subs = group.attrs["subtypes"]
    assert len(subs) == len(group) == len(group.attrs["scores"]) and None not in subs
    allowed = {lab: {s for lb, s in CLASSES if lb == lab} | ({"Control"} if lab == "COMPARATOR" else set())
               for lab in ("POPULATION", "INTERVENTION", "COMPARATOR", "OUTCOME")}
    assert all(sub in allowed[s.label_] for s, sub in zip(group, subs))
    by_text = {s.text: sub for s, sub in zip(group, subs)}
    assert by_text.get("metformin") == "Pharmacological" and by_text.get("placebo") == "Control", by_text
    populations = [sub for s, sub in zip(group, subs) if s.label_ == "POPULATION" and "120" in s.text]
    assert populations and set(populations) <= {"Sample_size", "Age"}, by_text


def test_record_json_carries_subtype(shipped):
    from claimex.extractor import Extractor

    record = Extractor(shipped, model_name="claimex-pico-sm")(CLINICAL, id="t1")
    data = json.loads(record.model_dump_json(by_alias=True))
    subs = {e["text"]: e["subtype"] for e in data["entities"]}
    assert subs.get("metformin") == "Pharmacological", subs
    assert all(e["subtype"] is not None for e in data["entities"])


def test_lexicon_is_emptied_between_batches_only(nlp, monkeypatch):
    from claimex.annotate.subtypes.features import LEXICON

    doc = nlp.make_doc(TEXT)
    (span,) = _spans(doc, [("type 2 diabetes", "POPULATION")])
    before = _rows(doc, [span])
    monkeypatch.setattr(LEXICON, "MAX_ROWS", 3)  # full: emptied at the start of the next batch
    items = [(nlp.make_doc(f"{TEXT} Trial {k}."), [span.start], [span.end]) for k in range(3)]
    feats = batch_features(items, 16)
    assert len(LEXICON.index) > 3  # not emptied inside the batch: all three docs' rows stayed valid
    assert all((feats.span_rows[k, :4] == before.span_rows[0, :4]).all() for k in range(3))
    assert (feats.token_rows[:len(span)] == before.token_rows).all()
