"""``claimex batch``: many input files -> one output shard per file; streaming, resumable, parallel.

>>> from claimex.batch import run_batch, iter_records
>>> result = run_batch(["baseline/"], "out/", model="rules", workers=4)
>>> result.ok, result.records, [r["name"] for r in result.failed]
>>> for record in iter_records("out/"):     # current records: superseded/deleted ones left out
...     ...

Modules: ``shards`` (inputs -> shard names and files), ``manifest`` (``manifest.json``, resume), ``lock``
(one run per output directory), ``worker`` (one shard, run anywhere), ``runner`` (the run; in-process or
a process pool), ``dask_runner`` (shards as Dask tasks), ``supersede`` (across shards,
``superseded.json``), ``progress`` (bars and the summary). See docs/pubmed-at-scale.md.
"""

from .lock import OutputLock, OutputLocked
from .manifest import MANIFEST, Manifest, ManifestError
from .runner import BatchResult, run_batch
from .shards import InputError, Settings, ShardSpec, expand_inputs, plan
from .supersede import SUPERSEDED, compute_superseded, iter_records, write_superseded
from .worker import process_shard

__all__ = [
           "MANIFEST",
           "SUPERSEDED",
           "BatchResult",
           "InputError",
           "Manifest",
           "ManifestError",
           "OutputLock",
           "OutputLocked",
           "Settings",
           "ShardSpec",
           "compute_superseded",
           "expand_inputs",
           "iter_records",
           "plan",
           "process_shard",
           "run_batch",
           "write_superseded",
]
