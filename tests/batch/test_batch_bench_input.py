"""``bench/batch_data.py --distinct`` (session 30): the batch benchmark's input where every citation holds another
real abstract of the shared corpora, as over PubMed. Read back through claimex's own PubMed reader."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from claimex import paths
from claimex.read import read_documents
from claimex.read.base import Deletion, Document

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import batch_data  # bench/batch_data.py

pytestmark = pytest.mark.skipif(not paths.corpus_path("pubmed-xml-samples").exists(),
                                reason="needs ../shared/corpora")


@pytest.fixture(scope="module")
def citations() -> list[bytes]:
    return batch_data.distinct_citations(batch_data.templates())


def test_every_citation_holds_another_abstract(citations, tmp_path):
    assert len(citations) > 6000  # the batch section of bench/speed.py asks 2 x 3,000
    for f in range(2):
        batch_data.write_file(tmp_path / f"pubmed26n{f + 1:04d}.xml.gz", f * 30, 30, citations, distinct=True)
    items = list(read_documents([tmp_path]))
    docs = [d for d in items if isinstance(d, Document)]
    assert len(docs) == 60
    # each file ends with a <DeleteCitation> of 5 PMIDs, as update files do
    assert [len(d.pmids) for d in items if isinstance(d, Deletion)] == [5, 5]
    assert len({d.id for d in docs}) == 60
    assert len({d.text for d in docs}) == 60
    bodies = [" ".join(d.text.split()) for d in docs]
    assert all(len(b) > 100 for b in bodies)
    # the same seed gives the same input
    again = batch_data.distinct_citations(batch_data.templates())
    assert again[:60] == citations[:60]


def test_more_citations_than_abstracts_is_refused(citations, tmp_path):
    with pytest.raises(SystemExit, match="distinct abstracts"):
        batch_data.write_file(tmp_path / "x.xml.gz", len(citations) - 5, 10, citations, distinct=True)
