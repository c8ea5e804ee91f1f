from claimex import paths


def test_shared_dir_honours_env(monkeypatch, tmp_path):
    monkeypatch.setenv("CLAIMEX_SHARED", str(tmp_path))
    assert paths.shared_dir() == tmp_path.resolve()
    want = tmp_path.resolve() / "corpora" / "evidencemap" / "x.jsonl"
    assert paths.corpus_path("evidencemap", "x.jsonl") == want


def test_shared_dir_defaults_beside_repo(monkeypatch):
    monkeypatch.delenv("CLAIMEX_SHARED", raising=False)
    assert paths.shared_dir() == (paths.REPO_DIR.parent / "shared").resolve()


def test_checkout_uses_the_repository_folders():
    assert paths.IN_CHECKOUT  # the tests run from a checkout (installed wheels: tests/packaging)
    assert paths.config_path() == paths.REPO_DIR / "configs" / "pipeline.cfg"
    assert paths.config_path().is_file()
    assert paths.model_dir("claimex-pico-sm") == paths.MODELS_DIR / "claimex-pico-sm"
    for name in ("claimex-arms", "claimex-confidence"):  # the claims layer's weights (wheel: tests/packaging)
        assert paths.weights_path(name) == paths.MODELS_DIR / name / "weights.json"
        assert paths.weights_path(name).is_file()


def test_model_names_map_to_spacy_packages():
    assert paths.package_name("claimex-pico-sm") == "en_claimex_pico_sm"
    assert paths.package_name("en_claimex_direction") == "en_claimex_direction"


def test_model_dir_finds_an_installed_model_package(tmp_path, monkeypatch):
    """A spaCy model package (as `spacy package` lays it out) on sys.path is found without importing it."""
    pkg = tmp_path / "en_claimex_demo"
    data = pkg / "en_claimex_demo-1.2.3"
    data.mkdir(parents=True)
    (pkg / "__init__.py").write_text("raise RuntimeError('must not be imported')\n")
    (data / "config.cfg").write_text("[nlp]\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert paths.model_dir("claimex-demo") == data
    assert paths.installed_model_dir("claimex-nothing") is None
    # a name found nowhere comes back as itself, for the error message
    assert paths.model_dir("claimex-nothing") == paths.Path("claimex-nothing")


def test_default_model_honours_env(monkeypatch, tmp_path):
    monkeypatch.setenv("CLAIMEX_MODEL", str(tmp_path))
    assert paths.default_model_dir() == tmp_path
    monkeypatch.delenv("CLAIMEX_MODEL")
    assert paths.default_model_dir() == paths.model_dir(paths.DEFAULT_MODEL_NAME)
