"""Planning a batch run: inputs -> files -> one output shard per input file.

A shard is named after its input file with the format suffixes removed (``pubmed25n0001.xml.gz`` ->
``pubmed25n0001``); two inputs that would get the same name (``a/x.xml`` and ``b/x.xml``) are told apart
by a short hash of the input path. Names already recorded in the manifest are reused, so a shard keeps
its name across runs. Each shard ``NAME`` owns these files in the output directory:

* ``NAME.jsonl.gz`` or ``NAME.parquet`` - the records (claimex/1);
* ``NAME.ids.tsv.gz`` - ``id<TAB>version`` per record, in record order (used to supersede across shards);
* ``NAME.errors.jsonl`` - one JSON object per bad record / file error (only when there are any);
* ``NAME.deletions.txt`` - the PMIDs of the file's ``<DeleteCitation>`` (only when there are any).

While a shard is written its files are ``.NAME.*.part`` temporaries, renamed when complete; with the process
pool a shard is written in parts (``Settings.part_size`` citations each, :mod:`claimex.batch.parts`), whose
own ``.NAME.*.pNNNNN.*.part`` files are appended to the shard's in order. A run removes the ``.part`` files a
killed run left (:func:`clean_partials`) and redoes that shard whole.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..read import input_files
from ..read.base import EXTENSIONS

OUTPUT_FORMATS = {"jsonl": ".jsonl.gz", "parquet": ".parquet"}
INPUT_SUFFIXES = set(EXTENSIONS)  # .txt .text .jsonl .ndjson .xml .nbib .medline .ris (each also .gz)
GLOB_CHARS = re.compile(r"[*?\[]")
PART_SIZE = 256  # most citations per part (fewer toward the end of a run); see bench/BATCH.md "Parts"


class InputError(ValueError):
    """An input that names nothing (missing file, glob without matches)."""


@dataclass(frozen=True)
class Settings:
    """What a shard's content depends on besides its input (a change redoes the shard)."""

    model: str | None = None  # as given: None = shipped default, "rules", a path or name
    input_format: str | None = None  # None = by extension/content
    output_format: str = "jsonl"
    batch_size: int = 32  # nlp.pipe batch
    zone_size: int = 1000  # documents per spaCy memory zone (keeps the vocab from growing)
    part_size: int = PART_SIZE  # pool only: items per unit of work (parts.py); 0 = whole files


    def key(self) -> dict:
        """The part of the settings that decides the output (batch, zone and part sizes do not)."""
        return {"model": self.model, "input_format": self.input_format, "output_format": self.output_format}

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class ShardSpec:
    """One unit of work: read ``input``, write shard ``name`` into ``out_dir``."""

    input: str  # absolute path
    name: str
    out_dir: str  # absolute path
    size: int = 0
    index: int = 0  # position in the run

    def path(self, kind: str, output_format: str = "jsonl") -> Path:
        return Path(self.out_dir) / shard_file(self.name, kind, output_format)


@dataclass
class Plan:
    shards: list[ShardSpec] = field(default_factory=list)
    skipped_outputs: list[str] = field(default_factory=list)  # input files inside the output dir, ignored


def shard_file(name: str, kind: str, output_format: str = "jsonl") -> str:
    if kind == "records":
        return name + OUTPUT_FORMATS[output_format]
    return name + {"ids": ".ids.tsv.gz", "errors": ".errors.jsonl", "deletions": ".deletions.txt"}[kind]


def expand_inputs(inputs: Iterable[str | Path], exclude: Path | None = None) -> list[Path]:
    """Files named by ``inputs``, in order: a file as given; a directory's input files (by extension, as
    :func:`claimex.read.input_files`: recursively, hidden files skipped, the others named in a warning) sorted
    by path; a glob's matches sorted. Duplicates are dropped
    (first occurrence kept); files under ``exclude`` (the output directory) are left out.
    Raises :class:`InputError` for an input that names nothing.
    """
    out: list[Path] = []
    seen: set[Path] = set()
    excl = exclude.resolve() if exclude is not None else None

    def add(p: Path) -> None:
        p = p.resolve()
        if excl is not None and (p == excl or excl in p.parents):
            return
        if p not in seen:
            seen.add(p)
            out.append(p)

    for item in inputs:
        path = Path(item).expanduser()
        if path.is_file():
            add(path)
        elif path.is_dir():
            files = input_files(path)
            if not files:
                raise InputError(f"{item}: no input files in this directory (by extension: "
                                 f"{', '.join(sorted(INPUT_SUFFIXES))}, optionally .gz)")
            for p in files:
                add(p)
        elif GLOB_CHARS.search(str(item)):
            matches = sorted(glob.glob(str(path), recursive=True))
            if not matches:
                raise InputError(f"{item}: no file matches")
            for m in matches:
                mp = Path(m)
                if mp.is_file():
                    add(mp)
                elif mp.is_dir():
                    with contextlib.suppress(InputError):  # a matched directory may hold no input file
                        for p in expand_inputs([mp], exclude=exclude):
                            add(p)
        else:
            raise InputError(f"{item}: no such file or directory")
    return out


def base_name(path: str | Path) -> str:
    """The shard name of an input file: its name without ``.gz`` and a known format suffix."""
    name = Path(path).name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    stem, dot, ext = name.rpartition(".")
    if dot and stem and ("." + ext.lower()) in INPUT_SUFFIXES:
        name = stem
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._") or "input"
    return name


def assign_names(files: list[Path], known: dict[str, str]) -> dict[str, str]:
    """Shard names for ``files``: ``known`` (input path -> name, from the manifest) first, then fresh names
    that collide with no other input's name."""
    names: dict[str, str] = {}
    taken = {name: path for path, name in known.items()}
    for f in files:
        key = str(f)
        if key in known:
            names[key] = known[key]
            continue
        name = base_name(f)
        if name in taken and taken[name] != key:
            name = f"{name}-{hashlib.sha1(key.encode()).hexdigest()[:8]}"
        taken[name] = key
        names[key] = name
    return names


def plan(inputs: Iterable[str | Path], out_dir: Path, known: dict[str, str] | None = None) -> Plan:
    out_dir = out_dir.resolve()
    files = expand_inputs(inputs, exclude=out_dir)
    names = assign_names(files, known or {})
    result = Plan()
    for k, f in enumerate(files):
        result.shards.append(ShardSpec(input=str(f), name=names[str(f)], out_dir=str(out_dir),
                                       size=f.stat().st_size, index=k))
    return result


def sha256_file(path: str | Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while True:
            block = fh.read(chunk)
            if not block:
                break
            h.update(block)
    return h.hexdigest()


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _read_umask()  # once, at import: os.umask is process-wide, not safe to toggle in threads


def make_readable(path: str | Path) -> None:
    """mkstemp makes 0600 files; give outputs the usual umask-based mode (others on a cluster read them)."""
    os.chmod(path, 0o666 & ~_UMASK)


def clean_partials(out_dir: Path) -> int:
    """Remove the temporary ``.NAME.*.part`` files a killed run left behind; returns how many."""
    n = 0
    for p in out_dir.glob(".*.part"):
        try:
            os.unlink(p)
            n += 1
        except FileNotFoundError:
            pass
    return n
