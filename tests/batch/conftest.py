"""Batch test fixtures. The model is the rule pipeline (``CLAIMEX_BATCH_TEST_MODEL`` overrides it)."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(scope="session")
def model() -> str:
    return os.environ.get("CLAIMEX_BATCH_TEST_MODEL", "rules")
