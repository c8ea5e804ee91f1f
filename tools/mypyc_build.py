"""Compile claimex's hot non-regex modules with mypyc, in place (issue 13; bench/SPEED.md, session 25).

    python tools/mypyc_build.py            # the modules listed in tools/mypyc_modules.txt (what `make compile` runs)
    python tools/mypyc_build.py MOD ...    # these instead (paths relative to pipeline/, e.g. annotate/outcome_lists.py)
    python tools/mypyc_build.py --clean    # back to pure Python: delete every compiled module and the stamp

mypyc (mypy's compiler) type-checks the modules (``--ignore-missing-imports --follow-imports=silent``, and
``tools/mypyc_mypy.ini``: the installed packages no compiled module uses are not followed; a type error stops the
build) and compiles them to C: one shim extension beside each ``.py`` (``pipeline/**/*.so``, gitignored) and one
shared library for the group, ``claimex/_mypyc__mypyc.*.so`` (``pipeline/``). The group's C is one file per module
(mypyc's ``multi_file``), compiled ``--jobs`` at a time (default: the CPU count) at gcc ``-O2`` (bench/SPEED.md,
session 26: as fast as ``-O3`` here; the 75 modules build in about 2.5 min on 2 cores, ~0.6 GB). The build runs from
``build/mypyc-src/``, where ``claimex`` links to ``pipeline/``, so mypy names the modules ``claimex.…`` as they are
imported. Outputs are the same as the pure modules' (checked: ``claimex extract`` of 1,248 outside-gold abstracts
byte-identical; the test suite runs against the compiled modules in CI).

An extension module shadows its ``.py``. The build writes a stamp, ``pipeline/_compiled.txt`` (the compiled modules,
gitignored); ``claimex.compiled.check`` reads it at import and refuses a compiled module older than its source,
naming the fix (``make compile`` rebuilds what changed; ``--clean`` returns to pure Python).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "pipeline"
LIST = ROOT / "tools" / "mypyc_modules.txt"
CONFIG = ROOT / "tools" / "mypyc_mypy.ini"  # mypy's per-package options: the packages not followed
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


def _parallel_build_ext(jobs: int) -> type:
    """``build_ext`` that compiles an extension's C files on ``jobs`` threads (as numpy.distutils did) and builds
    the extensions ``jobs`` at a time: with ``multi_file`` the group's library is one ``.c`` file per module, and gcc
    is most of the build (bench/SPEED.md, session 26)."""
    from concurrent.futures import ThreadPoolExecutor

    from setuptools.command.build_ext import build_ext

    class ParallelBuildExt(build_ext):
        def build_extensions(self) -> None:
            cc = self.compiler

            def compile(sources, output_dir=None, macros=None, include_dirs=None, debug=0,
                        extra_preargs=None, extra_postargs=None, depends=None):
                macros, objects, extra_postargs, pp_opts, todo = cc._setup_compile(
                    output_dir, macros, include_dirs, sources, depends, extra_postargs)
                cc_args = cc._get_cc_args(pp_opts, debug, extra_preargs)

                def one(obj: str) -> None:
                    src, ext = todo[obj]
                    cc._compile(obj, src, ext, cc_args, extra_postargs, pp_opts)

                # largest sources first, so the long ones do not start last
                order = sorted((o for o in objects if o in todo), key=lambda o: -os.path.getsize(todo[o][0]))
                with ThreadPoolExecutor(jobs) as pool:
                    list(pool.map(one, order))
                return objects

            cc.compile = compile
            self.parallel = jobs if jobs > 1 else None
            super().build_extensions()

    return ParallelBuildExt


def build(modules: list[str], opt_level: str = "2", multi_file: bool = True, jobs: int = 0,
          verbose: bool = False) -> dict[str, float]:
    """Compile ``modules`` in place and write the stamp (after the build: a failed build leaves none); return the
    seconds of the two phases, wall and CPU: ``mypyc`` (mypy's check and the C code generation) and ``cc`` (gcc and
    the link)."""
    from mypyc.build import mypycify  # build-time only: mypy is a dev dependency, not a runtime one
    from setuptools import setup

    for module in modules:
        if not (PACKAGE / module).is_file():
            raise SystemExit(f"mypyc_build: no such module: pipeline/{module}")
    jobs = jobs or os.cpu_count() or 1
    SRC.mkdir(parents=True, exist_ok=True)
    link = SRC / "claimex"
    if not link.is_symlink():
        link.symlink_to(PACKAGE)
    cwd = os.getcwd()
    os.chdir(SRC)
    phases = {}

    def cpu(who: int) -> float:
        used = resource.getrusage(who)
        return used.ru_utime + used.ru_stime

    try:
        t0, c0 = time.perf_counter(), cpu(resource.RUSAGE_SELF)
        ext = mypycify(["--config-file", str(CONFIG), "--ignore-missing-imports", "--follow-imports=silent",
                        *(f"claimex/{m}" for m in modules)],
                       opt_level=opt_level, multi_file=multi_file, group_name=GROUP, verbose=verbose,
                       target_dir=str(ROOT / "build" / "mypyc"))
        for extension in ext:  # multi_file writes the modules' C beside target_dir, the group's headers in claimex/
            extension.include_dirs.append(str(ROOT / "build" / "mypyc" / "claimex"))
        phases["mypyc"], phases["mypyc_cpu"] = time.perf_counter() - t0, cpu(resource.RUSAGE_SELF) - c0
        t0, c0 = time.perf_counter(), cpu(resource.RUSAGE_CHILDREN)
        setup(name="claimex-mypyc", ext_modules=ext, cmdclass={"build_ext": _parallel_build_ext(jobs)},
              script_args=["-q", "build_ext", "--inplace", "--build-temp", str(ROOT / "build" / "mypyc-temp")])
        phases["cc"], phases["cc_cpu"] = time.perf_counter() - t0, cpu(resource.RUSAGE_CHILDREN) - c0
    finally:
        os.chdir(cwd)
    for extension in PACKAGE.rglob("*.so"):  # build_ext copies a reused build with its old time: mark them built now
        extension.touch()
    STAMP.write_text("".join(f"{m}\n" for m in modules))
    return phases


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("modules", nargs="*", help="module files relative to pipeline/ (default: tools/mypyc_modules.txt)")
    ap.add_argument("--clean", action="store_true", help="delete the compiled modules and build nothing")
    ap.add_argument("--opt-level", default="2", help="gcc -O level (2: as fast as 3 here, builds sooner; SPEED.md)")
    ap.add_argument("--one-file", action="store_true", help="the group's C in one file (mypyc's default)")
    ap.add_argument("--verbose", action="store_true", help="mypyc's own times: type check, IR and C generation")
    ap.add_argument("--jobs", "-j", type=int, default=0, help="gcc processes at once (default: the CPU count)")
    args = ap.parse_args(argv)
    if args.clean:
        for path in clean():
            print(f"removed {path.relative_to(ROOT)}", file=sys.stderr)
        return
    modules = args.modules or listed()
    clean()
    t0 = time.perf_counter()
    phases = build(modules, args.opt_level, multi_file=not args.one_file, jobs=args.jobs,
                   verbose=args.verbose)
    print(f"mypyc_build: compiled {len(modules)} modules in {time.perf_counter() - t0:.0f} s"
          f" (mypyc {phases['mypyc']:.0f} s wall / {phases['mypyc_cpu']:.0f} s CPU,"
          f" cc {phases['cc']:.0f} s wall / {phases['cc_cpu']:.0f} s CPU)", file=sys.stderr)


if __name__ == "__main__":
    main()
