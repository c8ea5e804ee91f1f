"""Compile claimex's hot non-regex modules with mypyc, in place (issue 13; bench/SPEED.md, session 25).

    python tools/mypyc_build.py            # the modules listed in tools/mypyc_modules.txt (what `make compile` runs)
    python tools/mypyc_build.py MOD ...    # these instead (paths relative to pipeline/, e.g. annotate/outcome_lists.py)
    python tools/mypyc_build.py --clean    # back to pure Python: delete every compiled module and the stamp

mypyc (mypy's compiler) type-checks the modules (``--ignore-missing-imports --follow-imports=silent``; a type
error stops the build) and compiles them to C: one shim extension beside each ``.py``
(``pipeline/**/*.so``, gitignored) and one shared library for the group, ``claimex/_mypyc__mypyc.*.so``
(``pipeline/``). The build runs from ``build/mypyc-src/``, where ``claimex`` links to ``pipeline/``, so mypy
names the modules ``claimex.…`` as they are imported. Outputs are the same as the pure modules' (checked:
``claimex extract`` of 1,248 outside-gold abstracts byte-identical; the test suite runs against the compiled
modules in CI).

An extension module shadows its ``.py``. The build writes a stamp, ``pipeline/_compiled.txt`` (the compiled
modules, gitignored); ``claimex.compiled.check`` reads it at import and refuses a compiled module older than its
source, naming the fix (``make compile`` rebuilds what changed; ``--clean`` returns to pure Python).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "pipeline"
LIST = ROOT / "tools" / "mypyc_modules.txt"
STAMP = PACKAGE / "_compiled.txt"
SRC = ROOT / "build" / "mypyc-src"
GROUP = "claimex._mypyc"  # the shared library is claimex/_mypyc__mypyc.*.so, inside the package


def listed() -> list[str]:
    """The modules ``make compile`` builds: tools/mypyc_modules.txt, one path relative to pipeline/ per line."""
    lines = (line.split("#", 1)[0].strip() for line in LIST.read_text().splitlines())
    return [line for line in lines if line]


def clean() -> list[Path]:
    """Delete every extension module under ``pipeline/`` and the stamp; return what was removed."""
    gone = sorted(PACKAGE.rglob("*.so")) + ([STAMP] if STAMP.exists() else [])
    for path in gone:
        path.unlink()
    return gone


def build(modules: list[str], opt_level: str = "3") -> None:
    """Compile ``modules`` in place and write the stamp (after the build: a failed build leaves none)."""
    from mypyc.build import mypycify  # build-time only: mypy is a dev dependency, not a runtime one
    from setuptools import setup

    for module in modules:
        if not (PACKAGE / module).is_file():
            raise SystemExit(f"mypyc_build: no such module: pipeline/{module}")
    SRC.mkdir(parents=True, exist_ok=True)
    link = SRC / "claimex"
    if not link.is_symlink():
        link.symlink_to(PACKAGE)
    cwd = os.getcwd()
    os.chdir(SRC)
    try:
        ext = mypycify(["--ignore-missing-imports", "--follow-imports=silent",
                        *(f"claimex/{m}" for m in modules)],
                       opt_level=opt_level, group_name=GROUP, target_dir=str(ROOT / "build" / "mypyc"))
        setup(name="claimex-mypyc", ext_modules=ext,
              script_args=["-q", "build_ext", "--inplace", "--build-temp", str(ROOT / "build" / "mypyc-temp")])
    finally:
        os.chdir(cwd)
    for extension in PACKAGE.rglob("*.so"):  # build_ext copies a reused build with its old time: mark them built now
        extension.touch()
    STAMP.write_text("".join(f"{m}\n" for m in modules))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("modules", nargs="*", help="module files relative to pipeline/ (default: tools/mypyc_modules.txt)")
    ap.add_argument("--clean", action="store_true", help="delete the compiled modules and build nothing")
    ap.add_argument("--opt-level", default="3")
    args = ap.parse_args(argv)
    if args.clean:
        for path in clean():
            print(f"removed {path.relative_to(ROOT)}", file=sys.stderr)
        return
    modules = args.modules or listed()
    clean()
    t0 = time.perf_counter()
    build(modules, args.opt_level)
    print(f"mypyc_build: compiled {len(modules)} modules in {time.perf_counter() - t0:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
