from claimex import paths


def test_shared_dir_honours_env(monkeypatch, tmp_path):
    monkeypatch.setenv("CLAIMEX_SHARED", str(tmp_path))
    assert paths.shared_dir() == tmp_path.resolve()
    assert paths.corpus_path("evidencemap", "x.jsonl") == tmp_path.resolve() / "corpora" / "evidencemap" / "x.jsonl"


def test_shared_dir_defaults_beside_repo(monkeypatch):
    monkeypatch.delenv("CLAIMEX_SHARED", raising=False)
    assert paths.shared_dir() == (paths.REPO_DIR.parent / "shared").resolve()
