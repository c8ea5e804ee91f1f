"""Faster CPU matrix products for the tagger: the faster of two BLAS routes, measured per process.

thinc's ``NumpyOps.gemm`` goes through cython-blis; numpy's ``matmul`` goes through the OpenBLAS
that numpy ships. Which one is faster depends on the CPU: on an AMD EPYC box OpenBLAS ran about 3x
faster than blis; on an Intel Xeon (KVM, CPU model 207) the OpenBLAS 0.3.23 of numpy 1.26 does not
recognise the core, falls back to its generic ``Prescott`` kernels and runs 3-4x *slower* than
blis (``bench/pico_speed.py`` shows the difference in the tagger's milliseconds).
``FastNumpyOps`` keeps every op of ``NumpyOps`` and routes ``gemm`` to the route :func:`gemm_route`
picks: the faster of the two on a product of the tagger's shape (timed once per process, at the first
product - not at model load -, best of a few repeats, about 10 ms), or the one ``CLAIMEX_GEMM=blis|numpy|numpy64``
names. :func:`use_fast_ops` puts it on every node of a model (training and inference alike).

Batch invariance. blis gives a row of a product the same bits wherever it stands in the matrix. OpenBLAS's float32
kernels do not: on an AMD EPYC box (numpy 1.26's OpenBLAS 0.3.23, Zen kernels) a row's last bits depend on its
offset modulo 12 and on whether it lies in the matrix's last rows, so a document's scores move in their last digits
with the other documents of its ``nlp.pipe`` batch and with the words the embedding cache met first
(:mod:`.embedcache`), and ``claimex batch`` with two workers wrote 21 of 1,500 records with other last digits than
with one (each worker's embedding cache meets the words in another order). The ``numpy64`` route (never chosen by
the timing, only by ``CLAIMEX_GEMM=numpy64``) takes the same OpenBLAS product in float64 and rounds it to float32: a
float32 product term is exact in float64 and the float64 sums of rows at other offsets differ by ~1e-16, far under
float32's rounding step, so the rounded rows come out the same (unless a sum lies that close to a float32 rounding
boundary: none did in the runs below). ``claimex extract`` of 1,248 abstracts gave byte-identical records at
``--batch-size`` 1, 8, 32 and 128 and in reversed order with it, and ``claimex batch`` the same records with one
worker as with two (session 28, ``bench/SPEED.md``), at about a third more time in the tagger's network: +3% end to
end on repeated abstracts, +7.6% on abstracts the process has not met (more embedding rows to make), against +3.5%
for blis there. So the default stays the fastest route, batch-invariant or not.
"""

from __future__ import annotations

import os
import time

import numpy
from thinc.api import Model, NumpyOps

ROUTES = ("blis", "numpy", "numpy64")  # numpy64: forced only (module docstring)
_route: str | None = None


def _time(fn, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def gemm_route() -> str:
    """A name of :data:`ROUTES`: ``$CLAIMEX_GEMM`` when set, else the faster of ``"blis"`` and ``"numpy"`` on this
    CPU (timed once per process on a 2,048 x 96 by 96 x 96 float32 product, the shape of the tagger's CNN layers)."""
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
        route = self.route or gemm_route()
        if route == "blis":
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        if route == "numpy64" and a.dtype == numpy.float32 and b.dtype == numpy.float32:
            wide = numpy.matmul(a.astype(numpy.float64), b.astype(numpy.float64))
            if out is None:
                return wide.astype(numpy.float32)
            out[...] = wide
            return out
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
