"""cProfile of ``claimex extract`` end to end (after a warm-up pass), grouped by where the time goes.

    python bench/profile_extract.py                       # the 537 abstracts of bench/speed.py
    python bench/profile_extract.py --out /tmp/extract.prof --top 40
    python bench/profile_extract.py --cold                # the one-abstract start-up instead

Prints the functions with the most own time, and own time summed per module group (claimex
subpackages, spaCy, scispaCy, thinc, pydantic, ...), so the share of each step shows. The pass is
``bench/speed.py``'s ``extract_file``: read JSONL, pipeline, record, claims, write. cProfile slows
Python code more than C code, so shares are indicative; ``bench/speed.py`` gives the real timings.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import cProfile
import pstats
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

# first match wins: scispacy before spacy; Cython files show as "spacy/tokens/doc.pyx" (no leading slash)
GROUPS = [("/claimex/", None), ("/pipeline/", None), ("scispacy/", "scispacy"), ("spacy/", "spacy"),
          ("thinc/", "thinc"), ("pydantic", "pydantic"), ("numpy/", "numpy"), ("/re/", "re (compile)"),
          ("dataclasses.py", "dataclasses"), ("copy.py", "copy")]


def group_of(filename: str) -> str:
    for needle, name in GROUPS:
        if needle in filename:
            if name:
                return name
            rest = filename.split(needle, 1)[1]
            parts = rest.split("/")
            return "claimex." + ".".join(p.removesuffix(".py") for p in parts[:2])
    if filename.startswith(("~", "<")):
        return "builtins/C"
    return "other"


def by_group(stats: pstats.Stats) -> list[tuple[str, float]]:
    totals: dict[str, float] = defaultdict(float)
    for (filename, _line, _name), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():
        totals[group_of(filename)] += tottime
    return sorted(totals.items(), key=lambda kv: -kv[1])


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=None)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--out", type=Path, help="also save the raw profile here (for snakeviz / pstats)")
    ap.add_argument("--cold", action="store_true", help="profile import + load + one abstract instead")
    args = ap.parse_args(argv)
    prof = cProfile.Profile()
    with tempfile.TemporaryDirectory(prefix="claimex-prof-") as tmp:
        folder = Path(tmp)
        if args.cold:
            prof.enable()
            import speed

            from claimex.extractor import Extractor
            from claimex.paths import seed_fixture

            speed.extract_file(Extractor.load(args.model), seed_fixture(), folder / "one.jsonl")
            prof.disable()
        else:
            import speed

            from claimex.extractor import Extractor

            src = speed.write_abstracts(folder, args.limit)
            extractor = Extractor.load(args.model)
            speed.extract_file(extractor, src, folder / "warm.jsonl")
            prof.enable()
            speed.extract_file(extractor, src, folder / "out.jsonl")
            prof.disable()
    stats = pstats.Stats(prof)
    if args.out:
        stats.dump_stats(str(args.out))
    total = sum(v for _, v in by_group(stats))
    print(f"own time by module group (total {total:.2f} s under cProfile):")
    for name, secs in by_group(stats):
        if secs / total >= 0.005:
            print(f"  {name:40s} {secs:7.3f} s  {secs / total:6.1%}")
    print()
    stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
