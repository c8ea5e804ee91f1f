"""Experiments without typer:

    python -m claimex.train.cli_run CONFIG OUTPUT [--no-pretrain] [key=value ...]  # (pretrain +) train
    python -m claimex.train.cli_run --pretrain CONFIG OUTDIR [key=value ...]
"""

import logging
import sys
import time
from pathlib import Path

from .spacy_backend import parse_overrides, pretrain, train_spacy

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    args = sys.argv[1:]
    t0 = time.time()
    if args[0] == "--pretrain":
        cfg, out, *rest = args[1:]
        print(pretrain(Path(cfg), Path(out), parse_overrides(rest)))
    else:
        do_pretrain = "--no-pretrain" not in args
        cfg, out, *rest = [a for a in args if a != "--no-pretrain"]
        train_spacy(Path(cfg), Path(out), overrides=parse_overrides(rest), keep_workdir=False, do_pretrain=do_pretrain)
    print(f"TOTAL_SECONDS {time.time() - t0:.0f}")
