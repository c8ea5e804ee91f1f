"""spaCy is imported without torch (``claimex/thinc_torch.py``) unless torch is asked for.

Subprocess tests: whether torch gets imported is decided once per interpreter."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys

import pytest

needs_torch = pytest.mark.skipif(importlib.util.find_spec("torch") is None,
                                 reason="torch not installed (nothing to keep out)")


def _python(code: str, env_extra: dict | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "CLAIMEX_THINC_TORCH"}
    env.update(env_extra or {})
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


@needs_torch
def test_claimex_extract_with_the_default_model_does_not_import_torch(tmp_path, shipped_model_path, seed_path):
    out = tmp_path / "one.jsonl"
    code = (
        "import json, sys\n"
        "from claimex.cli import main\n"
        f"sys.argv = ['claimex', 'extract', {str(seed_path)!r}, '-o', {str(out)!r}]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\n"
        "import thinc.compat\n"
        "print(json.dumps({'code': code, 'torch': 'torch' in sys.modules, 'spacy': 'spacy' in sys.modules,"
        " 'has_torch': thinc.compat.has_torch}))"
    )
    got = _python(code)
    assert got == {"code": 0, "torch": False, "spacy": True, "has_torch": False}
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["id"] and record["measures"] and record["claims"]


@needs_torch
def test_torch_still_imports_after_spacy():
    got = _python("import json, sys, claimex, spacy, thinc.compat\n"
                  "before = 'torch' in sys.modules\n"
                  "import torch\n"
                  "print(json.dumps({'before': before, 'sum': int(torch.tensor([1, 2]).sum()),"
                  " 'has_torch': thinc.compat.has_torch, 'finder_left': any(type(f).__name__ == '_Finder'"
                  " for f in sys.meta_path)}))")
    assert got == {"before": False, "sum": 3, "has_torch": False, "finder_left": False}


@needs_torch
def test_torch_imported_first_or_asked_for_is_seen_by_thinc():
    first = _python("import json, torch, claimex, spacy, thinc.compat; "
                    "print(json.dumps({'has_torch': thinc.compat.has_torch}))")
    asked = _python("import json, claimex, spacy, thinc.compat; "
                    "print(json.dumps({'has_torch': thinc.compat.has_torch}))", {"CLAIMEX_THINC_TORCH": "1"})
    assert first == asked == {"has_torch": True}


def test_install_is_a_no_op_once_thinc_is_imported():
    got = _python("import json, thinc.compat, claimex.thinc_torch as t; "
                  "print(json.dumps({'installed': t.install()}))")
    assert got == {"installed": False}
