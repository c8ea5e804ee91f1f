"""``claimex batch``: many input files -> one output shard per file; streaming, resumable, parallel.

>>> from pipeline.batch import run_batch, iter_records
>>> result = run_batch(["baseline/"], "out/", model="rules", workers=4)
>>> result.ok, result.records, [r["name"] for r in result.failed]
>>> for record in iter_records("out/"):     # current records: superseded/deleted ones left out
...     ...

Modules: ``shards`` (inputs -> shard names and files), ``manifest`` (``manifest.json``, resume), ``lock``
(one run per output directory), ``worker`` (one shard, run anywhere), ``runner`` (the run; in-process or
a process pool), ``dask_runner`` (shards as Dask tasks), ``supersede`` (across shards,
``superseded.json``), ``progress`` (bars and the summary). See docs/pubmed-at-scale.md.
"""

from .lock import OutputLock, OutputLocked  # noqa: F401
from .manifest import MANIFEST, Manifest, ManifestError  # noqa: F401
from .runner import BatchResult, run_batch  # noqa: F401
from .shards import InputError, Settings, ShardSpec, expand_inputs, plan  # noqa: F401
from .supersede import SUPERSEDED, compute_superseded, iter_records, write_superseded  # noqa: F401
from .worker import process_shard  # noqa: F401

__all__ = ["run_batch", "BatchResult", "iter_records", "process_shard", "plan", "expand_inputs", "Settings",
           "ShardSpec", "Manifest", "ManifestError", "MANIFEST", "OutputLock", "OutputLocked", "InputError",
           "compute_superseded", "write_superseded", "SUPERSEDED"]
