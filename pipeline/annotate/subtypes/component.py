"""``claimex_subtypes``: an EBM-NLP fine label for every PICO span (after the tagger).

POPULATION: Age / Sex / Sample_size / Condition; INTERVENTION: Surgical / Physical /
Pharmacological / Educational / Psychological / Other; COMPARATOR: Control (fixed); OUTCOME:
Physical / Pain / Mortality / Adverse_effects / Mental / Other. Writes
``doc.spans["pico"].attrs["subtypes"]`` (and those of ``doc.spans["pico_claims"]``, the claims layer)
aligned with the spans (``attrs["scores"]`` is left as it is) and ``attrs["subtype_scores"]`` (the
classifier's probability). A span whose probability is under ``min_score`` gets None. Trained by
:mod:`claimex.train.subtypes`; an untrained component leaves the subtypes as they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path, minibatch

from ..entities import CLAIMS_KEY, SPANS_KEY, SUBTYPES, span_bounds
from .features import batch_features
from .model import SubtypeModel

MODEL_DIR = "model"
LAYERS = (SPANS_KEY, CLAIMS_KEY)


@Language.factory(
    "claimex_subtypes",
    assigns=["doc.spans"],
    requires=["doc.spans"],
    default_config={"min_score": 0.0},
)
def make_claimex_subtypes(nlp: Language, name: str, min_score: float) -> SubtypeTagger:
    return SubtypeTagger(nlp, name, min_score=min_score)


class SubtypeTagger:
    def __init__(self, nlp: Language, name: str = "claimex_subtypes", min_score: float = 0.0,
                 model: SubtypeModel | None = None) -> None:
        self.name = name
        self.min_score = float(min_score)
        self.model = model
        self._label_names = {nlp.vocab.strings.add(label): label for label in SUBTYPES}

    @property
    def is_trained(self) -> bool:
        return self.model is not None

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            self.set_annotations(batch)
            yield from batch

    def set_annotations(self, docs: Sequence[Doc]) -> None:
        """Subtypes for the PICO spans of ``docs``, in both layers (:data:`SPANS_KEY`, :data:`CLAIMS_KEY`);
        a span in both is classified once (features and scoring once for the batch)."""
        if self.model is None:
            return
        items, groups, labels = [], [], []
        names = self._label_names
        for doc in docs:
            index: dict[tuple[int, int, int], int] = {}
            starts, ends = [], []
            for key in LAYERS:
                bounds = span_bounds(doc, key)  # no Span objects (they were a good part of this component's time)
                if not bounds:
                    continue
                rows = []
                for ident in bounds:  # (start, end, label id)
                    row = index.get(ident)
                    if row is None:
                        row = index[ident] = len(starts)
                        starts.append(ident[0])
                        ends.append(ident[1])
                        label = names.get(ident[2])
                        labels.append(label if label is not None else doc.vocab.strings[ident[2]])
                    rows.append(row)
                groups.append((doc.spans[key], len(items), rows))
            if starts:
                items.append((doc, starts, ends))
        if not items:
            return
        subs, probs = self.model.predict(self.model.logits(batch_features(items, self.model.bits)), labels)
        if self.min_score > 0:
            subs = [s if p is not None and p >= self.min_score else None for s, p in zip(subs, probs)]
        offsets, k = [], 0
        for _doc, starts, _ends in items:
            offsets.append(k)
            k += len(starts)
        for group, doc_k, rows in groups:
            base = offsets[doc_k]
            group.attrs["subtypes"] = [subs[base + r] for r in rows]
            group.attrs["subtype_scores"] = [probs[base + r] for r in rows]

    # -- serialization: <dir>/model/{weights.npy,cfg.json} -------------------------------------------
    def to_disk(self, path, *, exclude=()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.model is not None:
            self.model.to_disk(path / MODEL_DIR)

    def from_disk(self, path, *, exclude=()) -> SubtypeTagger:
        path = ensure_path(path)
        if (path / MODEL_DIR / "cfg.json").exists():
            self.model = SubtypeModel.from_disk(path / MODEL_DIR)
        return self

    def to_bytes(self, *, exclude=()) -> bytes:
        return self.model.to_bytes() if self.model is not None else b""

    def from_bytes(self, data: bytes, *, exclude=()) -> SubtypeTagger:
        self.model = SubtypeModel.from_bytes(data) if data else None
        return self


def load_component(path: Path | str) -> SubtypeModel:
    """The trained model in a component directory (``<dir>/model``) or a model directory itself."""
    path = Path(path)
    return SubtypeModel.from_disk(path / MODEL_DIR if (path / MODEL_DIR / "cfg.json").exists() else path)
