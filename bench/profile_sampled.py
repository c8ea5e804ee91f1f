"""Sampling profile of ``claimex extract`` end to end with py-spy: where the time goes, by function and line.

    python bench/profile_sampled.py                          # 3 passes over bench/speed.py's 537 abstracts
    python bench/profile_sampled.py --passes 5 --top 50 --raw /tmp/extract.pyspy   # keep the raw stacks
    python bench/profile_sampled.py --under decode_doc       # the callees of one function, by line

cProfile (``bench/profile_extract.py``) charges each Python call a fixed overhead, so code that makes
many small calls looks dearer than it is (spaCy's ``Doc.text`` showed 0.5 s there, 0.05 s in fact);
py-spy samples the running process instead (``--rate`` a second) and leaves its speed alone. A child
process loads the model, makes one warm-up pass (compiling the lazy measure patterns) and then
``--passes`` timed passes inside ``measured_pass``; only samples under that function count. Prints the
share of samples per function including callees, per function itself ("self", a C call such as a regex
search is charged to the Python function that makes it), and with ``--under NAME`` the lines of
``NAME`` and of its direct callees. Needs ``py-spy`` (``pip install py-spy``, in the ``bench`` extra).
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
MARK = "measured_pass"


def measured_pass(extractor, src: Path, dst: Path, passes: int) -> None:
    import speed

    for _ in range(passes):
        speed.extract_file(extractor, src, dst)


def child(passes: int, model: str | None) -> None:
    import speed

    from claimex.extractor import Extractor

    with tempfile.TemporaryDirectory(prefix="claimex-prof-") as tmp:
        folder = Path(tmp)
        src = speed.write_abstracts(folder)
        extractor = Extractor.load(model)
        speed.extract_file(extractor, src, folder / "warm.jsonl")
        measured_pass(extractor, src, folder / "out.jsonl", passes)


_FRAME = re.compile(r"(?P<fn>.*) \((?P<file>.*):(?P<line>\d+)\)$")


def _short(frame: str, line: bool = False) -> str:
    m = _FRAME.match(frame)
    if not m:
        return frame
    path = m.group("file")
    for cut in ("site-packages/", "/pipeline/", "/bench/"):
        path = path.split(cut, 1)[-1]
    return f"{m.group('fn')} ({path}{':' + m.group('line') if line else ''})"


def aggregate(raw: Path, top: int, under: str | None) -> None:
    incl, own, lines = Counter(), Counter(), Counter()
    total = 0
    for row in raw.read_text().splitlines():
        stack, _, count = row.rpartition(" ")
        frames = stack.split(";")
        at = next((k for k, f in enumerate(frames) if f.startswith(MARK + " ")), None)
        if at is None:
            continue
        n = int(count)
        total += n
        frames = frames[at + 1:]
        for name in {_short(f) for f in frames}:
            incl[name] += n
        if frames:
            own[_short(frames[-1])] += n
        if under:
            k = next((k for k, f in enumerate(frames) if f.startswith(under + " ")), None)
            if k is not None:
                lines[_short(frames[k], line=True) + (" -> " + _short(frames[k + 1]) if k + 1 < len(frames)
                                                      else " (itself)")] += n
    print(f"{total} samples in {MARK}")
    for title, table in (("including callees", incl), ("self", own)) + ((f"lines of {under}", lines),) * bool(under):
        print(f"-- {title}")
        for name, n in table.most_common(top):
            print(f"{100 * n / total:6.1f}%  {name}")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--rate", type=int, default=250, help="samples a second")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--model", default=None)
    ap.add_argument("--under", help="also print the lines of this function and its direct callees")
    ap.add_argument("--raw", type=Path, help="keep py-spy's raw stacks here")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.passes, args.model)
        return
    pyspy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(pyspy).exists():
        raise SystemExit("py-spy not found: pip install py-spy")
    with tempfile.TemporaryDirectory(prefix="claimex-pyspy-") as tmp:
        raw = args.raw or Path(tmp) / "raw.txt"
        cmd = [pyspy, "record", "-r", str(args.rate), "-f", "raw", "-o", str(raw), "--", sys.executable,
               __file__, "--child", "--passes", str(args.passes)] + (["--model", args.model] if args.model else [])
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        aggregate(raw, args.top, args.under)


if __name__ == "__main__":
    main()
