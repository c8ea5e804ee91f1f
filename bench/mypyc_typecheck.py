"""mypyc's first build phase alone - mypy's parse and type check with mypyc's options (``preserve_asts``,
``export_types``), no C - timed, for the modules ``tools/mypyc_build.py`` compiles (session 26, issue 13).

    python bench/mypyc_typecheck.py [--config tools/mypyc_mypy.ini] [-- MYPY_ARGS...]
    python bench/mypyc_typecheck.py -- --timing-stats /tmp/timing.txt    # per module (microseconds)

Prints wall and CPU seconds, the number of modules in mypy's graph and the peak RSS. With mypyc's options mypy checks
every package it follows in full, function bodies included; ``--timing-stats`` shows which packages cost the time
(bench/SPEED.md, session 26: transformers, reached through spaCy and thinc, was 62 of 94 s before
``tools/mypyc_mypy.ini`` skipped it).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))


def main() -> None:
    import mypyc_build  # tools/mypyc_build.py: the module list, the build's source folder and group
    from mypy.fscache import FileSystemCache
    from mypyc.build import construct_groups, get_mypy_config
    from mypyc.codegen import emitmodule
    from mypyc.options import CompilerOptions

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", default=str(mypyc_build.CONFIG), help="mypy config file (default: the build's)")
    ap.add_argument("mypy_args", nargs="*", help="more mypy arguments, after --")
    args = ap.parse_args()
    if not (mypyc_build.SRC / "claimex").is_symlink():
        raise SystemExit(f"no {mypyc_build.SRC}/claimex: run tools/mypyc_build.py once")
    os.chdir(mypyc_build.SRC)
    options = CompilerOptions(multi_file=True, target_dir=str(ROOT / "build" / "mypyc"),
                              group_name=mypyc_build.GROUP)
    fscache = FileSystemCache()
    sources, everything, mypy_options = get_mypy_config(
        ["--config-file", args.config, "--ignore-missing-imports", "--follow-imports=silent", *args.mypy_args,
         *(f"claimex/{m}" for m in mypyc_build.listed())], None, options, fscache)
    groups = construct_groups(sources, False, True, options.group_name)
    t0 = time.perf_counter()
    result = emitmodule.parse_and_typecheck(everything, mypy_options, options, groups, fscache)
    used = resource.getrusage(resource.RUSAGE_SELF)
    print(f"{time.perf_counter() - t0:.1f} s wall, {used.ru_utime + used.ru_stime:.1f} s CPU, "
          f"{len(result.graph)} modules, {len(result.errors)} errors, peak RSS {used.ru_maxrss / 1e6:.2f} GB")


if __name__ == "__main__":
    main()
