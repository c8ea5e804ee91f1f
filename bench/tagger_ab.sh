#!/bin/bash
# bench/tagger_ab.sh MODEL TAG: every check of a candidate tagger (findings OPEN and BLIND - BLIND figures only -, fixture, prompts, direction, the shipped-model test against it, span lint, dev sets) into runs/ei-TAG-*
M=$1; T=$2
export OPENBLAS_NUM_THREADS=1
cd "$(dirname "$0")/.." && mkdir -p runs
.venv/bin/claimex evaluate --task findings --split tune --skip-ids models/claimex-confidence/calibration_ids.txt --model $M > runs/ei-$T-open.txt 2>&1
.venv/bin/claimex evaluate --task findings --split tune --ids models/claimex-confidence/calibration_ids.txt --model $M 2>&1 | head -16 > runs/ei-$T-blind.txt
.venv/bin/claimex evaluate --task fixture --model $M > runs/ei-$T-fixture.txt 2>&1
.venv/bin/claimex evaluate --task prompts --model $M > runs/ei-$T-prompts.txt 2>&1
.venv/bin/claimex evaluate --task direction --model $M > runs/ei-$T-direction.txt 2>&1
mkdir -p runs/ei-$T-models && ln -sfn $(realpath $M) runs/ei-$T-models/claimex-pico-sm && ln -sfn $(realpath models/claimex-pico-md) runs/ei-$T-models/claimex-pico-md
EI_MODELS_DIR=runs/ei-$T-models PYTHONPATH=bench .venv/bin/python -m pytest -q -p no:cacheprovider -p tagger_ab_models tests/annotate/tagger/test_shipped_model.py > runs/ei-$T-shippedtest.txt 2>&1
.venv/bin/python bench/span_lint.py --model $M --json runs/ei-$T-lint.json > runs/ei-$T-lint.txt 2>&1
.venv/bin/python bench/pico_dev.py $M --json runs/ei-$T-dev.json > runs/ei-$T-dev.txt 2>&1
echo done $T
