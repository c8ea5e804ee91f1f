"""pyproject's spaCy entry points name the functions that the decorators register, under the same names."""

import importlib

import pytest
import spacy
import tomllib
from spacy.language import Language

from claimex import paths

with open(paths.REPO_DIR / "pyproject.toml", "rb") as fh:
    ENTRY_POINTS = tomllib.load(fh)["project"]["entry-points"]

POINTS = [(group, name, target) for group, table in ENTRY_POINTS.items() if group.startswith("spacy_")
          for name, target in table.items()]


def load(target: str):
    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module), attr)


@pytest.mark.parametrize("group, name, target", POINTS, ids=[p[1] for p in POINTS])
def test_entry_point_is_the_registered_function(group, name, target):
    func = load(target)
    if group == "spacy_factories":
        assert Language.has_factory(name) and Language.get_factory_meta(name).factory == name
        assert func.__name__ == target.rsplit(":", 1)[1]
    else:
        assert spacy.registry.get(group.removeprefix("spacy_"), name) is func


def test_every_claimex_factory_has_an_entry_point():
    import claimex.annotate
    import claimex.assemble  # noqa: F401

    ours = {name for name in Language.factories if name.startswith("claimex_")}
    assert ours == set(ENTRY_POINTS["spacy_factories"])


def test_shipped_model_configs_use_only_registered_names():
    """Every @-function a shipped model's [nlp] block uses is spaCy's or has a claimex entry point."""
    names = {name for table in ENTRY_POINTS.values() for name in table}
    for model in ("claimex-pico-sm", "claimex-pico-md", "claimex-direction"):
        config = spacy.util.load_config(paths.MODELS_DIR / model / "config.cfg", interpolate=False)
        text = config.to_str()
        used = {line.split("=", 1)[1].strip().strip('"')
                for line in text.splitlines() if line.startswith("@")}
        assert {u for u in used if u.startswith("claimex")} <= names, model
