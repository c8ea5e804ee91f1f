"""The wheel route: `make dist`'s wheels installed in a fresh venv, used from outside the checkout.

The venv gets the built wheels (claimex, en_claimex_pico_sm, en_claimex_direction) with --no-deps and
--no-index; their dependencies (spaCy, scispaCy, ...) come from this environment's site-packages seen
through a .pth file, minus every claimex distribution and the editable install, so only the wheels can
provide claimex, its configs and its models (the claims layer's weights files ride in the claimex wheel). `make dist-check` does the same with dependencies from
the package index.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from claimex import __version__, paths

pytestmark = [pytest.mark.packaging, pytest.mark.slow]

OURS = ("claimex", "__editable__", "en_claimex", "_claimex")


@pytest.fixture(scope="module")
def wheels(tmp_path_factory) -> list[Path]:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, str(paths.REPO_DIR / "tools" / "build_dist.py"), "--out", str(out)],
                   check=True, capture_output=True)
    return sorted(out.glob("*.whl"))


@pytest.fixture(scope="module")
def venv(tmp_path_factory, wheels) -> Path:
    root = tmp_path_factory.mktemp("venv")
    env_dir = root / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True)
    deps = root / "deps"  # this environment's packages, less claimex's own
    deps.mkdir()
    for entry in Path(sysconfig.get_paths()["purelib"]).iterdir():
        if not entry.name.lower().startswith(OURS) and entry.suffix != ".pth":
            (deps / entry.name).symlink_to(entry)
    python = env_dir / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    Path(site, "_claimex_test_deps.pth").write_text(f"{deps}\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
                    "--no-index", *map(str, wheels)], check=True, capture_output=True)
    return env_dir


CLAIMS_WEIGHTS = ["claimex/models/claimex-arms/weights.json", "claimex/models/claimex-confidence/weights.json",
                  "claimex/models/claimex-trialarm/weights.json"]


def clean_env() -> dict[str, str]:
    """This environment less claimex's settings (default model, shared folder) and Python's."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("CLAIMEX_", "PYTHON"))}


def run(venv: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = clean_env()
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_dist_holds_every_wheel_and_the_configs(wheels):
    names = sorted(w.name.split("-")[0] for w in wheels)
    assert names == ["claimex", "en_claimex_direction", "en_claimex_pico_sm"]
    (code,) = [w for w in wheels if w.name.startswith("claimex-")]
    files = zipfile.ZipFile(code).namelist()
    assert "claimex/configs/pipeline.cfg" in files and "claimex/cli/__init__.py" in files
    # of the models, only the claims layer's weights files (package data); the spaCy models are their own wheels
    assert sorted(f for f in files if "/models/" in f) == CLAIMS_WEIGHTS
    for name in CLAIMS_WEIGHTS:
        assert zipfile.ZipFile(code).read(name) == (paths.REPO_DIR / name.removeprefix("claimex/")).read_bytes()
    assert not any(f.endswith((".bin", "config.cfg", "meta.json")) for f in files)
    entry_points = zipfile.ZipFile(code).read(f"claimex-{__version__}.dist-info/entry_points.txt").decode()
    assert "[spacy_factories]" in entry_points and "claimex_pico = " in entry_points
    (model,) = [w for w in wheels if w.name.startswith("en_claimex_pico_sm")]
    metadata = next(f for f in zipfile.ZipFile(model).namelist() if f.endswith(".dist-info/METADATA"))
    assert "Requires-Dist: claimex" in zipfile.ZipFile(model).read(metadata).decode()


def test_installed_wheels_work_outside_the_checkout(venv, tmp_path):
    source = tmp_path / "10940692.xml"
    shutil.copy(paths.GOLD_DIR / "10940692.xml", source)

    result = run(venv, tmp_path, "python", "-c", "import claimex, claimex.paths as p; "
                 "print(claimex.__file__, p.IN_CHECKOUT, p.config_path().is_file())")
    where, in_checkout, config_found = result.stdout.split()
    assert Path(where).is_relative_to(venv) and in_checkout == "False" and config_found == "True"

    assert run(venv, tmp_path, "claimex", "--version").stdout.strip() == f"claimex {__version__}"

    result = run(venv, tmp_path, "claimex", "extract", source.name, "-o", "out.jsonl")
    assert result.returncode == 0, result.stderr
    record = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert record["id"] == "10940692" and record["entities"] and record["measures"] and record["claims"]
    labels = {e["label"] for e in record["entities"]}
    assert {"POPULATION", "INTERVENTION", "OUTCOME"} <= labels

    # the same claims as the checkout's: the arm ranker and the confidence load from the wheel's package data
    # (on this abstract the ranker keeps the rules' arms, so its loading is checked on its own)
    result = run(venv, tmp_path, "python", "-c", "import claimex.paths as p; "
                 "from claimex.assemble.claims import ClaimAssembler as A; a = A(); "
                 "print(a.arms is not None, a.confidence is not None, a.arms.trial_arms is not None, "
                 "*(p.weights_path(m) for m in ('claimex-arms', 'claimex-confidence', 'claimex-trialarm')))")
    arms, confidence, trial_arms, *weights = result.stdout.split()
    assert arms == confidence == trial_arms == "True", result.stderr
    assert len(weights) == 3 and all(Path(w).is_relative_to(venv) and Path(w).is_file() for w in weights)
    checkout = subprocess.run([sys.executable, "-m", "claimex", "extract", source.name, "-o", "checkout.jsonl"],
                              cwd=tmp_path, env=clean_env(), capture_output=True, text=True, timeout=300)
    assert checkout.returncode == 0, checkout.stderr
    expected = json.loads((tmp_path / "checkout.jsonl").read_text(encoding="utf-8"))
    assert any(c.get("confidence") for c in expected["claims"])
    assert record["claims"] == expected["claims"]

    result = run(venv, tmp_path, "claimex", "extract", source.name, "--model", "rules")
    assert result.returncode == 0 and json.loads(result.stdout)["measures"] == record["measures"]

    result = run(venv, tmp_path, "claimex", "export", "out.jsonl", "--to", "xlsx", "-o", "review.xlsx")
    assert result.returncode == 0, result.stderr
    assert zipfile.is_zipfile(tmp_path / "review.xlsx")

    info = json.loads(run(venv, tmp_path, "claimex", "info", "--json").stdout)
    assert info["install"] == "package" and info["model"] == "claimex-pico-sm-0.0.0"
    assert Path(info["model_dir"]).is_relative_to(venv)


def test_spacy_load_needs_no_claimex_import(venv, tmp_path):
    """The model package resolves claimex's factories, tokenizer and architecture through entry points."""
    code = ("import sys, spacy; assert 'claimex' not in sys.modules; "
            "nlp = spacy.load('en_claimex_pico_sm'); "
            "doc = nlp('Mortality fell by 12% in 40 patients given aspirin.'); "
            "print(nlp.pipe_names[-1], sorted({s.label_ for s in doc.spans['pico']}))")
    result = run(venv, tmp_path, "python", "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("claimex_subtypes") and "OUTCOME" in result.stdout
