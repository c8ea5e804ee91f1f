"""Build every wheel a claimex user needs into one folder (``make dist``).

* ``claimex-<version>-py3-none-any.whl`` - the code, with ``configs/*.cfg`` and the claims layer's weights
  files (``models/claimex-arms/weights.json``, ``models/claimex-confidence/weights.json``) as package data;
* one spaCy model package per shipped model, built with ``spacy package`` (the spaCy convention):
  ``en_claimex_pico_sm`` (the default model) and ``en_claimex_direction`` (the claim direction
  classifier). Each model's requirements name ``claimex`` (same minor version) and spaCy, so
  ``pip install DIST/*.whl`` gives a working ``claimex extract`` and ``spacy.load("en_claimex_pico_sm")``.

Wheels are built with ``pip wheel --no-deps --no-build-isolation`` (no network, no ``build`` package);
the models' own folders under ``models/`` are only read.

    python tools/build_dist.py [--out dist] [--model claimex-pico-sm --model claimex-direction]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_MODELS = ["claimex-pico-sm", "claimex-direction"]


def claimex_version() -> str:
    for line in (REPO / "pipeline" / "version.py").read_text(encoding="utf-8").splitlines():
        if line.startswith("__version__"):
            return line.split("=", 1)[1].strip().strip("\"'")
    raise SystemExit("tools/build_dist.py: no __version__ in pipeline/version.py")


def pip_wheel(source: Path, out: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                    "-w", str(out), str(source)], check=True)


def package_model(model: str, out: Path, work: Path) -> str:
    """``spacy package`` the model folder ``models/<model>`` (meta with ``claimex`` required) into
    ``work`` and build its wheel into ``out``; returns the package name."""
    src = REPO / "models" / model
    if not (src / "config.cfg").is_file():
        raise SystemExit(f"tools/build_dist.py: {src}: no model (config.cfg) to package")
    major, minor = claimex_version().split(".")[:2]
    meta = json.loads((src / "meta.json").read_text(encoding="utf-8"))
    requirement = f"claimex>={major}.{minor},<{major}.{int(minor) + 1}"
    meta["requirements"] = [r for r in meta.get("requirements", []) if not r.startswith("claimex")]
    meta["requirements"].append(requirement)
    meta_path = work / f"{model}.meta.json"
    meta_path.write_text(json.dumps(meta, indent=2), encoding="utf-8")
    name = model.replace("-", "_")
    subprocess.run([sys.executable, "-m", "spacy", "package", str(src), str(work), "--name", name,
                    "--meta-path", str(meta_path), "--build", "none", "--force"], check=True,
                   stdout=subprocess.DEVNULL)
    package = name if name.startswith(meta["lang"] + "_") else f"{meta['lang']}_{name}"
    pip_wheel(work / f"{package}-{meta['version']}", out)
    return package


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "dist")
    parser.add_argument("--model", action="append", dest="models",
                        help="model folder name under models/ (repeatable; default: %(default)s)")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.whl"):
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="claimex-dist-") as tmp:
        # build from a copy: setuptools writes build/ and *.egg-info beside pyproject.toml
        src = Path(tmp) / "src"
        shutil.copytree(REPO, src, ignore=shutil.ignore_patterns(
            ".git", ".venv*", "dist", "build", "*.egg-info", "runs", "__pycache__", ".pytest_cache", "models",
            "test-artifacts"))
        # of models/ only the weights files: pyproject.toml's package data picks those the wheel carries
        for weights in sorted((REPO / "models").glob("*/weights.json")):
            (src / "models" / weights.parent.name).mkdir(parents=True)
            shutil.copy2(weights, src / "models" / weights.parent.name / weights.name)
        pip_wheel(src, out)
        work = Path(tmp) / "models"
        work.mkdir()
        for model in args.models or DEFAULT_MODELS:
            package_model(model, out, work)
    for wheel in sorted(out.glob("*.whl")):
        print(wheel)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
