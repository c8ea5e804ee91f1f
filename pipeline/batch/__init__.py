"""``claimex batch``: many input files -> one output shard per file; streaming, resumable, parallel.

>>> from claimex.batch import run_batch, iter_run_records
>>> result = run_batch(["baseline/"], "out/", model="rules", workers=4)
>>> result.ok, result.records, [r["name"] for r in result.failed]
>>> for record in iter_run_records("out/"):     # current records: superseded/deleted ones left out
...     ...

Modules: ``shards`` (inputs -> shard names and files), ``manifest`` (``manifest.json``, resume,
``verify_run``), ``integrity`` (shard checksums), ``lock`` (one run per output directory), ``shardfiles``
(writing a shard's files), ``worker`` (one shard, run anywhere), ``parts`` (a shard cut into parts that any
pool worker annotates, assembled in order), ``outcome`` (what the executors share), ``runner`` (the run;
in-process or a process pool), ``pool`` (the process pool: workers forked from a driver that loaded the
pipeline, taking parts of shards),
``dask_runner`` (shards as Dask tasks), ``supersede`` (across shards, ``superseded.json``,
``iter_run_records``), ``progress`` (bars and the summary). See docs/pubmed-at-scale.md.
"""

from .integrity import ShardCheck
from .lock import OutputLock, OutputLocked
from .manifest import MANIFEST, Manifest, ManifestError, ManifestSaveError, verify_run
from .runner import BatchResult, run_batch
from .shards import InputError, Settings, ShardSpec, expand_inputs, plan
from .supersede import SUPERSEDED, compute_superseded, iter_run_records, write_superseded
from .worker import process_shard

__all__ = [
           "MANIFEST",
           "SUPERSEDED",
           "BatchResult",
           "InputError",
           "Manifest",
           "ManifestError",
           "ManifestSaveError",
           "OutputLock",
           "OutputLocked",
           "Settings",
           "ShardCheck",
           "ShardSpec",
           "compute_superseded",
           "expand_inputs",
           "iter_run_records",
           "plan",
           "process_shard",
           "run_batch",
           "verify_run",
           "write_superseded",
]
