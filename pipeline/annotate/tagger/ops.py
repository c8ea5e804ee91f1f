"""Faster CPU matrix products for the tagger.

thinc's ``NumpyOps.gemm`` goes through cython-blis, which on the AMD EPYC build machine runs at
about a third of numpy's OpenBLAS speed (bench/pico_speed.py measures both). ``FastNumpyOps``
routes ``gemm`` through ``numpy.matmul`` and keeps every other op of ``NumpyOps``;
:func:`use_fast_ops` puts it on every node of a model (training and inference alike).
"""

from __future__ import annotations

import numpy
from thinc.api import Model, NumpyOps


class FastNumpyOps(NumpyOps):
    name = "claimex_numpy"

    def gemm(self, x, y, out=None, trans1: bool = False, trans2: bool = False):
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
