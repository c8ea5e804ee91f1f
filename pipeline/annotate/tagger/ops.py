"""Faster CPU matrix products for the tagger: the faster of two BLAS routes, measured per process.

thinc's ``NumpyOps.gemm`` goes through cython-blis; numpy's ``matmul`` goes through the OpenBLAS
that numpy ships. Which one is faster depends on the CPU: on an AMD EPYC box OpenBLAS ran about 3x
faster than blis; on an Intel Xeon (KVM, CPU model 207) the OpenBLAS 0.3.23 of numpy 1.26 does not
recognise the core, falls back to its generic ``Prescott`` kernels and runs 3-4x *slower* than
blis (``bench/pico_speed.py`` shows the difference in the tagger's milliseconds).
``FastNumpyOps`` keeps every op of ``NumpyOps`` and routes ``gemm`` to the route :func:`gemm_route`
picks: the faster of the two on a product of the tagger's shape (timed once per process, at the first
product - not at model load -, best of a few repeats, about 10 ms), or the one ``CLAIMEX_GEMM=blis|numpy``
names.
:func:`use_fast_ops` puts it on every node of a model (training and inference alike).
"""

from __future__ import annotations

import os
import time

import numpy
from thinc.api import Model, NumpyOps

ROUTES = ("blis", "numpy")
_route: str | None = None


def _time(fn, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def gemm_route() -> str:
    """``"blis"`` or ``"numpy"``: ``$CLAIMEX_GEMM`` when set, else the faster on this CPU (timed once
    per process on a 2,048 x 96 by 96 x 96 float32 product, the shape of the tagger's CNN layers)."""
    global _route
    forced = os.environ.get("CLAIMEX_GEMM", "").strip().lower()
    if forced:
        if forced not in ROUTES:
            raise ValueError(f"CLAIMEX_GEMM={forced!r}: expected one of {ROUTES}")
        return forced
    if _route is None:
        rng = numpy.random.default_rng(0)
        x = rng.standard_normal((2048, 96), dtype=numpy.float32)
        w = rng.standard_normal((96, 96), dtype=numpy.float32)
        blis = NumpyOps()
        blis.gemm(x, w, trans2=True)  # warm both (first calls load kernels)
        numpy.matmul(x, w.T)
        t_blis = _time(lambda: blis.gemm(x, w, trans2=True))
        t_numpy = _time(lambda: numpy.matmul(x, w.T))
        _route = "numpy" if t_numpy < t_blis else "blis"
    return _route


class FastNumpyOps(NumpyOps):
    name = "claimex_numpy"

    def __init__(self, *args, route: str | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.route = route  # None: gemm_route() at the first product

    def gemm(self, x, y, out=None, trans1: bool = False, trans2: bool = False):
        if (self.route or gemm_route()) == "blis":
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        if out is None:
            return numpy.matmul(a, b)
        numpy.matmul(a, b, out=out)
        return out


def use_fast_ops(model: Model) -> Model:
    """Swap plain ``NumpyOps`` for :class:`FastNumpyOps` on every node (GPU ops are left alone)."""
    if type(model.ops) is not NumpyOps:
        return model
    ops = FastNumpyOps()
    for node in model.walk():
        if type(node.ops) is NumpyOps:
            node.ops = ops
    return model
