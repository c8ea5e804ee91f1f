"""Run PICO training experiments in parallel (one process per core) and collect dev scores.

    python bench/pico_sweep.py --out runs/sweep -j 15 --minutes 7 [--jobs A,B,...]

Each job: [wait for shared vectors] -> [pretrain for a time budget] -> train (time-limited,
constant learning rate, so a job's dev curve at step N equals a shorter run's) ->
``bench/pico_dev.py`` on the fixed dev split. Results: OUT/<job>/{train.log,dev.json}, and
OUT/summary.json. Used for the experiment table in models/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ALL = ["ebm_nlp", "ebm_difficulty", "evidencemap", "evidence_outcomes", "pico_corpus"]
MD = "configs/pico-md.cfg"
SM = "configs/pico-sm.cfg"
EMB = "components.claimex_pico.model.tok2vec"


def arch(width: int, depth: int) -> dict:
    return {f"{EMB}.embed.width": width, f"{EMB}.encode.width": width, f"{EMB}.encode.depth": depth}


VEC = {f"{EMB}.embed.include_static_vectors": True}
PRE_VEC = {"pretraining.objective": {"@architectures": "spacy.PretrainVectors.v1", "maxout_pieces": 3,
                                     "hidden_size": 300, "loss": "cosine"}}
PRE_CHR = {"pretraining.objective.hidden_size": 64}

# name: (config, overrides, options)
JOBS = {
    "A_crowd_md": (MD, {"corpora.train.sources": ["ebm_nlp:interventions=crowd"]}, {}),
    "B_expert_md": (MD, {"corpora.train.sources": ["ebm_nlp", "ebm_difficulty"]}, {}),
    "C_all_md": (MD, {}, {}),
    "C_all_md_seed1": (MD, {"system.seed": 1}, {}),
    "D_nopico_md": (MD, {"corpora.train.sources": ALL[:4]}, {}),
    "E_maxdata_md": (MD, {"corpora.train.sources": ["ebm_nlp:fine_only=true", "ebm_difficulty", "ebm_acl",
                                                    "ebm_sentences", *ALL[2:]]}, {}),
    "F_expertonly_md": (MD, {"corpora.train.sources": ["ebm_nlp:interventions=expert-only", *ALL[1:]]}, {}),
    "H_all_sm": (SM, {}, {}),
    "I_all_w64d3": (SM, arch(64, 3), {}),
    "K_vec_md": (MD, VEC, {"vectors": True}),
    "L_vec_sm": (SM, VEC, {"vectors": True}),
    "M_vec_pretrainvec_md": (MD, {**VEC, **PRE_VEC}, {"vectors": True, "pretrain": 3.0}),
    "N_pretrainchar_sm": (SM, PRE_CHR, {"pretrain": 3.0}),
    "O_pretrainvec_md_long": (MD, {**VEC, **PRE_VEC}, {"vectors": True, "pretrain": 99, "no_train": True}),
    "P_pretrainvec_sm_long": (SM, {**VEC, **PRE_VEC}, {"vectors": True, "pretrain": 99, "no_train": True}),
    # second sweep: small/fast encoders on the chosen data (ebm_nlp, ebm_difficulty, evidencemap,
    # evidence_outcomes; configs/pico-sm.cfg), static vectors on/off
    "S_w32d1_vec": (SM, {**arch(32, 1), **VEC}, {"vectors": True}),
    "S_w32d2_vec": (SM, {**arch(32, 2), **VEC}, {"vectors": True}),
    "S_w32d2_vec_seed1": (SM, {**arch(32, 2), **VEC, "system.seed": 1}, {"vectors": True}),
    "S_w32d2_novec": (SM, {**arch(32, 2), f"{EMB}.embed.include_static_vectors": False}, {}),
    "S_w32d1_novec": (SM, {**arch(32, 1), f"{EMB}.embed.include_static_vectors": False}, {}),
    "S_w48d1_vec": (SM, {**arch(48, 1), **VEC}, {"vectors": True}),
    "S_w48d2_vec": (SM, {**arch(48, 2), **VEC}, {"vectors": True}),
    "S_w64d2_vec": (SM, {**arch(64, 2), **VEC}, {"vectors": True}),
    "S_w96d4_vec": (MD, VEC, {"vectors": True}),
    "S_w32d2_vec_lr2": (SM, {**arch(32, 2), **VEC, "training.optimizer.learn_rate": 0.002}, {"vectors": True}),
    "S_w32d2_vec_drop0": (SM, {**arch(32, 2), **VEC, "training.dropout": 0.0}, {"vectors": True}),
    "S_w48d1_vec_lr2": (SM, {**arch(48, 1), **VEC, "training.optimizer.learn_rate": 0.002}, {"vectors": True}),
    "S_w32d2_vec_rows2x": (SM, {**arch(32, 2), **VEC, f"{EMB}.embed.rows": [10000, 2000, 5000, 5000]},
                           {"vectors": True}),
    "S_w32d2_vec_bigbatch": (SM, {**arch(32, 2), **VEC, "training.batcher.size.start": 1000,
                                  "training.batcher.size.stop": 3000}, {"vectors": True}),
}


def sh(cmd: list[str], log: Path, timeout: float | None = None) -> int:
    with open(log, "a") as fh:
        fh.write("$ " + " ".join(cmd) + "\n")
        fh.flush()
        try:
            return subprocess.run(cmd, stdout=fh, stderr=subprocess.STDOUT, cwd=ROOT, timeout=timeout,
                                  check=False).returncode
        except subprocess.TimeoutExpired:
            fh.write(f"TIMEOUT after {timeout}s\n")
            return 124


def ov_args(ov: dict) -> list[str]:
    return [f"{k}={json.dumps(v)}" for k, v in ov.items()]


SMOKE = {"corpora.train.limit": 40, "corpora.dev.limit": 20, "corpora.pretrain.limit": 60,
         "training.eval_frequency": 20}


def run_job(name: str, out: Path, minutes: float, deadline: float, vectors: Path, smoke: bool = False) -> dict:
    cfg, ov, opt = JOBS[name]
    if smoke:
        ov = {**ov, **SMOKE}
    jd = out / name
    jd.mkdir(parents=True, exist_ok=True)
    log = jd / "train.log"
    ov = dict(ov)
    t0 = time.time()
    if opt.get("vectors"):
        while not (vectors / "done").exists():
            if (vectors / "failed").exists() or time.time() > deadline:
                return {"name": name, "error": "no vectors"}
            time.sleep(2)
        ov["paths.vectors"] = str(vectors / "vectors")
    py = sys.executable
    if opt.get("pretrain"):
        budget = min(opt["pretrain"] * 60, deadline - time.time() - 30)
        sh([py, "-m", "claimex.train.cli_run", "--pretrain", cfg, str(jd / "pretrain"),
            *ov_args({**ov, "pretraining.max_epochs": 1000, "pretraining.n_save_every": 100})], log, timeout=budget)
        weights = sorted((jd / "pretrain").glob("model*.bin"), key=lambda p: p.stat().st_mtime)
        weights = [w for w in weights if w.name != "model-last.bin"] or weights
        if not weights:
            return {"name": name, "error": "no pretrained weights"}
        ov["paths.init_tok2vec"] = str(weights[-1])
        if opt.get("no_train"):
            return {"name": name, "pretrain_weights": str(weights[-1]), "seconds": round(time.time() - t0)}
    left = (deadline - time.time()) / 60 - 0.9  # keep time for the dev evaluation
    ov["training.before_update.minutes"] = round(min(minutes, left), 2)
    ov["training.max_steps"] = 100000
    rc = sh([py, "-m", "claimex.train.cli_run", cfg, str(jd / "model"), "--no-pretrain", *ov_args(ov)], log)
    if rc != 0 or not (jd / "model").exists():
        return {"name": name, "error": f"train rc {rc}"}
    sh([py, "bench/pico_dev.py", str(jd / "model"), "--json", str(jd / "dev.json"),
        *(["--limit", "10"] if smoke else [])], log)
    res = {"name": name, "seconds": round(time.time() - t0), "overrides": ov}
    if (jd / "dev.json").exists():
        res["dev"] = next(iter(json.loads((jd / "dev.json").read_text()).values()))
    return res


def build_vectors(vectors: Path, smoke: bool = False) -> None:
    vectors.mkdir(parents=True, exist_ok=True)
    texts = "list(__import__('itertools').islice(__import__('claimex.corpora.raw').corpora.raw.iter_abstracts(), 300))"
    code = ("import logging; logging.basicConfig(level=logging.INFO); "
            "from claimex.train.vectors import build_vectors; "
            f"build_vectors({str(vectors / 'vectors')!r}, dim=64, texts={texts if smoke else None})")
    rc = sh([sys.executable, "-c", code],
            vectors / "log")
    (vectors / ("done" if rc == 0 else "failed")).touch()


def pack(out: Path, dest: Path, top: int = 3) -> None:
    """Bundle results for transfer: logs + dev JSON, the ``top`` models by proxy, pretrained
    tok2vec weights, vectors (each a separate .tgz / .bin in ``dest``)."""
    import shutil
    import tarfile

    dest.mkdir(parents=True, exist_ok=True)
    summary = json.loads((out / "summary.json").read_text())
    with tarfile.open(dest / "results.tgz", "w:gz") as tar:
        for path in [out / "summary.json", *out.glob("*/train.log"), *out.glob("*/dev.json"), *out.glob("*/log")]:
            tar.add(path, arcname=str(path.relative_to(out)))
    ranked = sorted((r for r in summary.values() if r.get("dev")), key=lambda r: -r["dev"]["proxy"])
    for r in ranked[:top]:
        with tarfile.open(dest / f"model_{r['name']}.tgz", "w:gz") as tar:
            tar.add(out / r["name"] / "model", arcname=r["name"])
    for r in summary.values():
        if r.get("pretrain_weights"):
            shutil.copyfile(r["pretrain_weights"], dest / f"{r['name']}_tok2vec.bin")
    if (out / "vectors" / "vectors").exists() and not (out / "vectors" / "vectors").is_symlink():
        with tarfile.open(dest / "vectors.tgz", "w:gz") as tar:
            tar.add(out / "vectors" / "vectors", arcname="vectors")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="runs/sweep")
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--minutes", type=float, default=7.0, help="training minutes per job")
    ap.add_argument("--total", type=float, default=9.0, help="wall-clock budget of the whole sweep (minutes)")
    ap.add_argument("--jobs", default=",".join(JOBS))
    ap.add_argument("--smoke", action="store_true", help="tiny data, for checking the script")
    ap.add_argument("--pack", help="after the sweep, bundle results into this folder")
    ap.add_argument("--vectors", help="use these vectors (a spaCy dir) instead of building them")
    ap.add_argument("--top", type=int, default=3)
    args = ap.parse_args()
    os.environ.update(OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    deadline = time.time() + args.total * 60
    names = [n for n in args.jobs.split(",") if n]
    vectors = out / "vectors"
    if args.vectors:
        vectors.mkdir(parents=True, exist_ok=True)
        (vectors / "vectors").symlink_to(Path(args.vectors).resolve())
        (vectors / "done").touch()
    with ThreadPoolExecutor(max_workers=args.j + 1) as pool:
        if any(JOBS[n][2].get("vectors") for n in names) and not args.vectors:
            pool.submit(build_vectors, vectors, args.smoke)
        futures = [pool.submit(run_job, n, out, args.minutes, deadline, vectors, args.smoke) for n in names]
        results = [f.result() for f in futures]
    summary = {r["name"]: r for r in results}
    (out / "summary.json").write_text(json.dumps(summary, indent=1))
    for r in results:
        d = r.get("dev") or {}
        print(f"{r['name']:26s} proxy {d.get('proxy', float('nan')):.3f} crowd {d.get('crowd_macro', float('nan')):.3f}"
              f" {r.get('error', '')}")
    if args.pack:
        pack(out, Path(args.pack), args.top)


if __name__ == "__main__":
    main()
