"""CLI tests run commands in this process: undo what --quiet/--verbose set on loggers after each test."""

import logging

import pytest

LOGGERS = ("", "claimex", "distributed", "dask", "spacy", "py.warnings")


@pytest.fixture(autouse=True)
def restore_logging():
    levels = {name: logging.getLogger(name).level for name in LOGGERS}
    yield
    logging.captureWarnings(False)
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


@pytest.fixture(scope="module")
def runner():
    from typer.testing import CliRunner

    return CliRunner()
