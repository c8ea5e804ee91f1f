"""The tagger's word embeddings made once per distinct word: a cache of spaCy's ``MultiHashEmbed`` rows.

Method. The tagger's network is ``tok2vec`` (an embedding, then a CNN encoder over a window of neighbours)
and a linear layer. The embedding half - four hash embeddings of NORM, PREFIX, SUFFIX and SHAPE, the static
vector of ORTH, one maxout layer with layer normalisation - maps each token to its row from that token's own
attributes alone, so a word's row is the same wherever it stands. Those attributes are the lexeme's (fixed by
ORTH) except NORM, which the tokenizer may set per token, so ``(ORTH, NORM)`` keys a row. Running text repeats
its words (the 300 bench abstracts: 78,729 tokens, 11,813 distinct), and the embedding was more than half of
the network's time; :class:`EmbedCache` looks each token up, runs the embedding once over the distinct keys
not seen yet (one :class:`~spacy.tokens.Doc` of their words, with their NORMs) and hands the encoder the same
rows it would have made. On the blis and ``numpy64`` routes of :mod:`.ops` the floats are the same bits, since a
row's product does not depend on where it stands in the batch; on the float32 ``numpy`` route (OpenBLAS) a row's
last bits do depend on its offset (session 28: modulo 12 on an AMD EPYC box, :mod:`.ops`), so there the cached rows
carry the last bits of the batch the word was first met in, as an uncached run carries those of its own batch.
New rows are made at least :data:`MIN_ROWS` at a time (repeats pad a short batch; with 7 rows OpenBLAS takes its
small-matrix kernels). ``bench/identity.py`` checks the records byte for byte.

Bounded: at :data:`MAX_ROWS` rows (32 floats each for the default model: 16 MB) the cache starts again empty.
For inference only: rows made with one set of weights are wrong for another, so :class:`.component.PicoTagger`
turns it on when its weights are loaded (``from_disk`` / ``from_bytes``: ``spacy.load``, an installed model
package; :meth:`~.component.PicoTagger.cache_embeddings`) and empties it whenever its weights may change.
:func:`fits` says whether a network has this shape (a ``tok2vec`` whose embedding reads only lexical attributes);
another network is run as it is. Not for threads sharing one pipeline at once
(``claimex.batch`` runs one document batch at a time per loaded pipeline).
"""

from __future__ import annotations

import numpy
from spacy.attrs import IDS, LOWER, NORM, ORTH, PREFIX, SHAPE, SUFFIX
from spacy.tokens import Doc
from thinc.api import Model

from ..tokens import token_orths, token_texts

MIN_ROWS = 256  # new rows made at once, at least (fewer: OpenBLAS's small-matrix kernels, other last bits)
MAX_ROWS = 1 << 17  # rows kept; the cache is emptied when a batch would take it past this
LEXICAL = frozenset([ORTH, LOWER, NORM, PREFIX, SUFFIX, SHAPE])  # token attributes fixed by (ORTH, NORM)
#: the leaf layers of spaCy's MultiHashEmbed.v2 (``include_static_vectors`` or not)
EMBED_LEAVES = frozenset(["extract_features", "list2ragged", "ints-getitem", "hashembed", "static_vectors",
                          "maxout", "layernorm", "dropout", "ragged2list"])


def _attr_id(attr) -> int:
    return IDS[attr.upper()] if isinstance(attr, str) else int(attr)


def _keys(doc: Doc) -> numpy.ndarray:
    """``doc.to_array([ORTH, NORM])`` with the ORTH column the doc's shared one
    (:func:`~claimex.annotate.tokens.token_orths`; ``to_array`` costs ~200 instructions per token and attribute)."""
    keys = numpy.empty((len(doc), 2), dtype="uint64")
    keys[:, 0] = token_orths(doc)
    keys[:, 1] = doc.to_array(NORM)
    return keys


def parts(model: Model) -> tuple[Model, Model, Model] | None:
    """(embedding, encoder, output layer) of a ``claimex.PicoTagger.v1`` network over ``spacy.Tok2Vec.v2``, or None."""
    if not model.has_ref("tok2vec") or len(model.layers) != 2:
        return None
    tok2vec = model.get_ref("tok2vec")
    if model.layers[0] is not tok2vec or len(tok2vec.layers) != 2:
        return None
    return tok2vec.layers[0], tok2vec.layers[1], model.layers[1]


def fits(model: Model, vocab) -> bool:
    """Does ``model``'s embedding read only the lexical attributes of each token (:data:`LEXICAL`)?"""
    found = parts(model)
    if found is None:
        return False
    leaves = [node for node in found[0].walk() if not node.layers]
    if not leaves or any(node.name not in EMBED_LEAVES for node in leaves):
        return False
    for node in leaves:
        if node.name == "extract_features" and not all(_attr_id(a) in LEXICAL for a in node.attrs["columns"]):
            return False
        if node.name == "static_vectors" and getattr(vocab.vectors, "attr", ORTH) not in LEXICAL:
            return False
    return True


class EmbedCache:
    """The embedding rows of the words seen so far (see the module docstring)."""

    def __init__(self, embed: Model, vocab, max_rows: int = MAX_ROWS) -> None:
        self.embed = embed
        self.vocab = vocab
        self.max_rows = max_rows
        self.clear()

    def clear(self) -> None:
        self._first: dict[int, int] = {}  # ORTH -> the row of its first NORM seen
        self._orths = numpy.zeros(0, dtype="uint64")  # the ORTHs of _first, sorted (looked up in numpy)
        self._orth_rows = numpy.zeros(0, dtype="int64")  # their rows
        self._other: dict[tuple[int, int], int] = {}  # (ORTH, NORM) -> row, for the other NORMs of a word
        self._norms = numpy.zeros(0, dtype="uint64")  # NORM of each row
        self._table: numpy.ndarray | None = None  # the rows (the first ``self.size`` are made)
        self.size = 0

    def rows(self, docs: list[Doc], keeps: list[numpy.ndarray | None]) -> list[numpy.ndarray]:
        """The embedding's output for ``docs`` read at the token indices ``keeps`` (None: every token),
        one array per doc, as ``embed.predict`` of those docs gives it."""
        keys = [_keys(doc) if len(doc) else numpy.zeros((0, 2), "uint64") for doc in docs]
        keys = [k if keep is None else k[keep] for k, keep in zip(keys, keeps)]
        both = numpy.concatenate(keys) if keys else numpy.zeros((0, 2), "uint64")
        index = self._lookup(both, docs, keeps, [len(k) for k in keys])
        if not len(index):
            return [numpy.zeros((0, 0), dtype="float32") for _ in docs]
        return numpy.split(self._table[index], numpy.cumsum([len(k) for k in keys])[:-1].tolist())

    def _lookup(self, keys: numpy.ndarray, docs: list[Doc], keeps: list, lengths: list[int]) -> numpy.ndarray:
        """Row per token of ``keys`` (ORTH, NORM), rows made for the keys not in the cache."""
        at = numpy.minimum(numpy.searchsorted(self._orths, keys[:, 0]), max(len(self._orths) - 1, 0))
        index = numpy.where(self._orths[at] == keys[:, 0], self._orth_rows[at], -1) if len(self._orths) \
            else numpy.full(len(keys), -1, dtype="int64")
        miss = index < 0
        found = ~miss
        miss[found] = self._norms[index[found]] != keys[found, 1]
        where = numpy.flatnonzero(miss).tolist()
        if not where:
            return index
        orths = keys[:, 0].tolist()
        new: dict[tuple[int, int], int] = {}  # key -> its position among the new rows
        first_of_new: list[int] = []  # the token (position in ``keys``) of each new row
        norms = keys[:, 1].tolist()
        for p in where:
            key = (orths[p], norms[p])
            row = self._other.get(key)
            if row is None:
                at = new.get(key)
                if at is None:
                    at = new[key] = len(first_of_new)
                    first_of_new.append(p)
                row = -1 - at
            index[p] = row
        if first_of_new and self.size and self.size + len(first_of_new) > self.max_rows:
            self.clear()
            return self._lookup(keys, docs, keeps, lengths)
        base = self.size
        if first_of_new:  # every missed key may already have its row among the other NORMs of its word
            self._add(self._make(first_of_new, keys, docs, keeps, lengths), [keys[p] for p in first_of_new])
        pending = index < 0
        index[pending] = base - 1 - index[pending]
        return index

    def _make(self, positions: list[int], keys: numpy.ndarray, docs: list[Doc], keeps: list,
              lengths: list[int]) -> numpy.ndarray:
        """The embedding rows of the tokens at ``positions`` (positions in the concatenated kept tokens)."""
        starts = numpy.cumsum([0] + lengths[:-1])
        owner = numpy.searchsorted(starts, positions, side="right") - 1
        words = []
        for p, d in zip(positions, owner.tolist()):
            i = p - int(starts[d])
            keep = keeps[d]
            words.append(token_texts(docs[d])[i if keep is None else int(keep[i])])
        n = len(words)
        pad = numpy.resize(numpy.arange(n), max(n, MIN_ROWS))  # repeats: at least MIN_ROWS rows at once
        doc = Doc(self.vocab, words=[words[k] for k in pad.tolist()])
        doc.from_array([NORM], keys[numpy.asarray(positions)[pad], 1:2])
        return self.embed.predict([doc])[0][:n]

    def _add(self, rows: numpy.ndarray, keys: list[numpy.ndarray]) -> None:
        need = self.size + len(rows)
        if self._table is None or need > len(self._table):
            cap = max(need, 2 * (len(self._table) if self._table is not None else 0), 4096)
            table = numpy.empty((cap, rows.shape[1]), dtype=rows.dtype)
            norms = numpy.zeros(cap, dtype="uint64")
            if self._table is not None:
                table[:self.size] = self._table[:self.size]
                norms[:self.size] = self._norms[:self.size]
            self._table, self._norms = table, norms
        self._table[self.size:need] = rows
        firsts: list[tuple[int, int]] = []
        for r, (orth, norm) in enumerate(keys, start=self.size):
            orth, norm = int(orth), int(norm)
            if orth in self._first:
                self._other[(orth, norm)] = r
            else:
                self._first[orth] = r
                firsts.append((orth, r))
            self._norms[r] = norm
        self.size = need
        if firsts:  # merged into the sorted ORTHs
            firsts.sort()
            orths = numpy.array([o for o, _ in firsts], dtype="uint64")
            at = numpy.searchsorted(self._orths, orths)
            self._orths = numpy.insert(self._orths, at, orths)
            self._orth_rows = numpy.insert(self._orth_rows, at, numpy.array([r for _, r in firsts], dtype="int64"))
