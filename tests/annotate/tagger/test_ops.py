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


def test_measured_route_is_one_of_the_two(monkeypatch):
    monkeypatch.delenv("CLAIMEX_GEMM", raising=False)
    assert ops.gemm_route() in ops.ROUTES
