import gzip

import pytest

from claimex.write import JsonlWriter, atomic_path, read_records


def test_jsonl_round_trip_and_gzip(tmp_path, gold_fixture):
    for name in ("out.jsonl", "out.jsonl.gz"):
        path = tmp_path / name
        with JsonlWriter(path) as w:
            w.write(gold_fixture)
            w.write(gold_fixture)
        assert [r.id for r in read_records(path)] == ["10940692", "10940692"]
    with gzip.open(tmp_path / "out.jsonl.gz", "rt") as fh:
        assert fh.readline().startswith('{"schema":"claimex/1"')


def test_failed_write_leaves_previous_file_whole(tmp_path, gold_fixture):
    path = tmp_path / "out.jsonl"
    path.write_text("previous\n")
    with pytest.raises(RuntimeError):
        with JsonlWriter(path) as w:
            w.write(gold_fixture)
            raise RuntimeError("killed")
    assert path.read_text() == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_atomic_path_renames_on_success(tmp_path):
    target = tmp_path / "sub" / "x.txt"
    with atomic_path(target) as tmp:
        tmp.write_text("whole")
        assert not target.exists()
    assert target.read_text() == "whole"


def test_atomic_files_get_normal_permissions(tmp_path):
    import os

    target = tmp_path / "perm.txt"
    with atomic_path(target) as tmp:
        tmp.write_text("x")
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
