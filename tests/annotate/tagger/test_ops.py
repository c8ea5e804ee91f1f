"""The tagger's gemm routes (blis / numpy OpenBLAS) agree, and the route can be forced."""

from __future__ import annotations

import numpy
import pytest

from claimex.annotate.tagger import ops


@pytest.mark.parametrize("trans1,trans2", [(False, False), (False, True), (True, False)])
def test_routes_agree(trans1, trans2):
    rng = numpy.random.default_rng(1)
    x = rng.standard_normal((96, 40) if trans1 else (40, 96), dtype=numpy.float32)
    y = rng.standard_normal((24, 96) if trans2 else (96, 24), dtype=numpy.float32)
    want = (x.T if trans1 else x) @ (y.T if trans2 else y)
    for route in ops.ROUTES:
        got = ops.FastNumpyOps(route=route).gemm(x, y, trans1=trans1, trans2=trans2)
        numpy.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-4)
        out = numpy.empty_like(want)
        assert ops.FastNumpyOps(route=route).gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
        numpy.testing.assert_allclose(out, want, rtol=1e-4, atol=1e-4)


def test_route_forced_by_environment(monkeypatch):
    for route in ops.ROUTES:
        monkeypatch.setenv("CLAIMEX_GEMM", route)
        assert ops.gemm_route() == route
    monkeypatch.setenv("CLAIMEX_GEMM", "mkl")
    with pytest.raises(ValueError, match="CLAIMEX_GEMM"):
        ops.gemm_route()


def test_measured_route_is_blis_or_numpy(monkeypatch):
    """Unless named, the route is the faster of blis and float32 numpy (numpy64 only when named)."""
    monkeypatch.delenv("CLAIMEX_GEMM", raising=False)
    assert ops.gemm_route() in ("blis", "numpy")


@pytest.mark.parametrize("route", ["blis", "numpy64"])
def test_invariant_routes_give_a_row_the_same_bits_wherever_it_stands(route):
    """A block of rows multiplied alone and at other offsets of bigger matrices (rows after it or not): the same
    bits on the batch-invariant routes (session 28: float32 OpenBLAS gives other last bits with the offset modulo
    12 on an AMD EPYC box)."""
    rng = numpy.random.default_rng(3)
    w = rng.standard_normal((96, 96), dtype=numpy.float32)
    block = rng.standard_normal((37, 96), dtype=numpy.float32)
    fast = ops.FastNumpyOps(route=route)
    alone = fast.gemm(block, w, trans2=True).tobytes()
    for before, after in [(1, 0), (5, 3), (11, 40), (12, 1), (200, 17)]:
        x = numpy.concatenate([rng.standard_normal((before, 96), dtype=numpy.float32), block,
                               rng.standard_normal((after, 96), dtype=numpy.float32)])
        assert fast.gemm(x, w, trans2=True)[before:before + 37].tobytes() == alone
