"""Copy a packaged tagger model with another model's decoding (thresholds and hysteresis), so that two taggers are
compared at equal decoding (models/README.md, "Evidence Inference prompts as partial supervision", ``sd`` rows).

    python bench/copy_decoding.py runs/cont-ei/model runs/cont-ei-sd/model [--like models/claimex-pico-sm]
    python bench/copy_decoding.py models/claimex-pico-sm /tmp/cand --set INTERVENTION=0.45@0.75   (one class changed)
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
from pathlib import Path

KEYS = ("thresholds", "hysteresis")


def copy_decoding(src: Path, dst: Path, like: Path, changes: dict[str, tuple[float, float]] | None = None) -> dict:
    """``src`` copied to ``dst`` with ``like``'s claimex_pico thresholds and hysteresis (config.cfg and the
    component's cfg, which the component reads at load); ``changes``: head -> (threshold, hysteresis) set on top."""
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst)
    ship_cfg = (like / "config.cfg").read_text(encoding="utf-8")
    cfg = (dst / "config.cfg").read_text(encoding="utf-8")
    for k, key in enumerate(KEYS):
        block = re.compile(r"\[components\.claimex_pico\.%s\]\n(?:[A-Z]+ = [0-9.]+\n)+" % key)
        found = block.search(ship_cfg)
        if found is None or not block.search(cfg):
            raise ValueError(f"no [components.claimex_pico.{key}] block in {like} or {src}")
        text = found.group(0)
        for head, values in (changes or {}).items():
            text, n = re.subn(r"(?m)^%s = [0-9.]+$" % head, f"{head} = {values[k]}", text)
            if not n:
                raise ValueError(f"no {head} in [components.claimex_pico.{key}] of {like}")
        cfg = block.sub(lambda _m, text=text: text, cfg)
    (dst / "config.cfg").write_text(cfg, encoding="utf-8")
    theirs = json.loads((like / "claimex_pico" / "cfg").read_text(encoding="utf-8"))
    mine = json.loads((dst / "claimex_pico" / "cfg").read_text(encoding="utf-8"))
    mine.update({k: theirs[k] for k in KEYS})
    for head, values in (changes or {}).items():
        for k, key in enumerate(KEYS):
            mine[key][head] = values[k]
    (dst / "claimex_pico" / "cfg").write_text(json.dumps(mine, indent=2), encoding="utf-8")
    return {k: mine[k] for k in KEYS}


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("src", type=Path)
    ap.add_argument("dst", type=Path)
    ap.add_argument("--like", type=Path, default=Path("models/claimex-pico-sm"))
    ap.add_argument("--set", action="append", default=[], metavar="HEAD=THRESHOLD@HYSTERESIS")
    args = ap.parse_args()
    changes = {}
    for item in args.set:
        head, value = item.split("=")
        thr, hy = value.split("@")
        changes[head] = (float(thr), float(hy))
    print(copy_decoding(args.src, args.dst, args.like, changes))
