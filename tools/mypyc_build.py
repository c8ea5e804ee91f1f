"""Compile some of claimex's modules with mypyc, in place, for speed measurements (session 25, issue 13).

    .venv/bin/python tools/mypyc_build.py annotate/tagger/decode.py annotate/outcome_lists.py ...
    .venv/bin/python tools/mypyc_build.py --clean      # delete every compiled module this script made

Paths are relative to the package folder ``pipeline/`` (``claimex``). The build runs from ``imp/`` (where
``imp/claimex`` links to ``pipeline/``), so mypy names the modules ``claimex.…`` as they are imported; the
per-module extension files land next to the ``.py`` files (``pipeline/**/*.so``, gitignored) and the one shared
library of the group (``claimex_mypyc__mypyc.*.so``) in ``imp/`` (on the wrappers' PYTHONPATH). mypy type-checks
the modules first (``--ignore-missing-imports --follow-imports=silent``); a type error stops the build. The C
sources go to ``build/mypyc`` (gitignored).

An extension module shadows its ``.py``: after editing a compiled module, rebuild or ``--clean``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from mypyc.build import mypycify  # build-time only: mypy is not a runtime dependency
from setuptools import setup

ROOT = Path(__file__).resolve().parents[1]
IMP = ROOT / "imp"
GROUP = "claimex_mypyc"


def clean() -> list[Path]:
    """Delete the extension modules under ``pipeline/`` and the group library in ``imp/``."""
    gone = sorted((ROOT / "pipeline").rglob("*.so")) + sorted(IMP.glob(f"{GROUP}__mypyc*.so"))
    for path in gone:
        path.unlink()
    return gone


def build(modules: list[str], opt_level: str = "3") -> None:
    paths = [f"claimex/{m}" for m in modules]
    for path in paths:
        if not (IMP / path).is_file():
            raise SystemExit(f"no such module: {path}")
    os.chdir(IMP)
    ext = mypycify(["--ignore-missing-imports", "--follow-imports=silent", *paths], opt_level=opt_level,
                   group_name=GROUP, target_dir=str(ROOT / "build" / "mypyc"))
    setup(name="claimex-mypyc", ext_modules=ext, script_args=["build_ext", "--inplace",
                                                               "--build-temp", str(ROOT / "build" / "mypyc-temp")])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("modules", nargs="*", help="module files relative to pipeline/ (e.g. annotate/tagger/decode.py)")
    ap.add_argument("--clean", action="store_true", help="delete the compiled modules (before building any given)")
    ap.add_argument("--opt-level", default="3")
    args = ap.parse_args(argv)
    if args.clean:
        for path in clean():
            print(f"removed {path.relative_to(ROOT)}", file=sys.stderr)
    if args.modules:
        t0 = time.perf_counter()
        build(args.modules, args.opt_level)
        print(f"built {len(args.modules)} modules in {time.perf_counter() - t0:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
