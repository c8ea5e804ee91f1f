"""``python -m pipeline.train.cli_run CONFIG OUTPUT [key=value ...]`` (experiments; no typer)."""

import logging
import sys
import time
from pathlib import Path

from .spacy_backend import parse_overrides, train_spacy

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    cfg, out, *rest = sys.argv[1:]
    t0 = time.time()
    train_spacy(Path(cfg), Path(out), overrides=parse_overrides(rest), keep_workdir=False)
    print(f"TOTAL_SECONDS {time.time() - t0:.0f}")
