"""``parse_measures`` of a baseline tree against this checkout, both in one process, passes interleaved.

    python bench/measures_ab.py BASE [--passes 16]      # BASE: an exported tree (git archive <commit>)

The measure parser is pure Python over ``re``, so two versions can be imported side by side: each tree's
``annotate/measures`` package is linked into a throwaway package (``basepkg``/``newpkg``, with the
``annotate/tokens.py`` it imports) and imported under that name; spaCy factory registration is skipped
(the parser does not need it). The input is ``bench/speed.py``'s 537 real abstracts. First the outputs
are compared (``repr`` of the measures of every abstract: the run stops if any differs), then ``--passes``
rounds time each version once (CPU time, order swapped every round). Prints each version's median and
range in ms per abstract and the paired ratio (new / base per round): on a shared machine the paired
figures separate small differences that whole-process runs cannot.
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def _link(tree: Path, name: str, into: Path) -> None:
    pkg = into / name / "annotate"
    pkg.mkdir(parents=True)
    (into / name / "__init__.py").write_text("")
    (pkg / "__init__.py").write_text("")
    (pkg / "tokens.py").symlink_to(tree / "pipeline" / "annotate" / "tokens.py")
    (pkg / "measures").symlink_to(tree / "pipeline" / "annotate" / "measures")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("base", type=Path, help="baseline tree (with pipeline/)")
    ap.add_argument("--passes", type=int, default=16)
    args = ap.parse_args(argv)

    from spacy.language import Language

    from claimex.corpora.raw import pubmed_samples

    Language.factory = classmethod(lambda cls, name, **kw: (lambda f: f))  # two copies of one factory
    texts = [text for _, text in pubmed_samples()]
    with tempfile.TemporaryDirectory(prefix="claimex-mab-") as tmp:
        _link(args.base.resolve(), "basepkg", Path(tmp))
        _link(ROOT, "newpkg", Path(tmp))
        sys.path.insert(0, tmp)
        versions = {name: importlib.import_module(f"{name}pkg.annotate.measures.parse").parse_measures
                    for name in ("base", "new")}
        differ = sum(repr(versions["base"](t)) != repr(versions["new"](t)) for t in texts)
        print(f"{len(texts)} abstracts, {differ} with different measures")
        if differ:
            raise SystemExit(1)
        got: dict[str, list[float]] = {"base": [], "new": []}
        for r in range(args.passes):
            for name in ("base", "new") if r % 2 == 0 else ("new", "base"):
                parse = versions[name]
                t0 = time.process_time()
                for t in texts:
                    parse(t)
                got[name].append((time.process_time() - t0) / len(texts) * 1e3)
    for name, v in got.items():
        print(f"{name}: median {statistics.median(v):.3f} ms per abstract ({min(v):.3f}-{max(v):.3f}, {len(v)} passes)")
    pairs = [n / b for n, b in zip(got["new"], got["base"])]
    print(f"paired new/base: median {statistics.median(pairs):.3f}, new faster in {sum(p < 1 for p in pairs)} "
          f"of {len(pairs)} passes")


if __name__ == "__main__":
    main()
