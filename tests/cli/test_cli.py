"""The command line's own behaviour: --version, choices, train subcommands, info, missing extras, progress."""

import json
import sys

import pytest
from typer.testing import CliRunner

from claimex import __version__, paths
from claimex.cli import app
from claimex.cli.common import EXTRAS, missing_extra, show_progress

runner = CliRunner()


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"claimex {__version__}"


@pytest.mark.parametrize("args, bad", [
    (["evaluate", "--task", "nope"], "'nope' is not one of"),
    (["export", "x.jsonl", "--to", "docx"], "'docx' is not one of"),
    (["train", "pico", "--backend", "keras"], "'keras' is not one of"),
    (["batch", "x.xml", "--out", "o", "--format", "csv"], "'csv' is not one of"),
])
def test_choices_reject_unknown_values(args, bad):
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and bad in result.output


def option_choices(*path, option):
    """The choices click offers (and --help lists) for ``option`` of the command at ``path``."""
    import typer.main

    command = typer.main.get_command(app)
    for name in path:
        command = command.commands[name]
    (param,) = [p for p in command.params if option in p.opts]
    return [choice.value for choice in param.type_descriptor.annotation]


def test_choices_are_listed_in_help():
    from claimex.evaluate import TASKS
    from claimex.read.base import FORMATS
    from claimex.review.export import FORMATS as EXPORTS

    assert option_choices("evaluate", option="--task") == list(TASKS)
    assert option_choices("export", option="--to") == list(EXPORTS) == ["csv", "xlsx", "parquet"]
    assert option_choices("train", "pico", option="--backend") == ["spacy", "transformers"]
    assert option_choices("batch", option="--format") == ["jsonl", "parquet"]
    assert option_choices("extract", option="--format")[:len(FORMATS)] == list(FORMATS)


def test_train_is_one_subcommand_per_task():
    out = runner.invoke(app, ["train", "--help"]).output
    assert all(f" {task} " in out for task in ("pico", "direction", "subtypes"))
    pico = runner.invoke(app, ["train", "pico", "--help"]).output
    assert "transformers backend" in pico and "spaCy backend" in pico
    result = runner.invoke(app, ["train", "pico", "--backend", "transformers"])
    assert result.exit_code == 2 and "--base-model" in result.output
    result = runner.invoke(app, ["train", "pico"])
    assert result.exit_code == 2 and "--config FILE is required" in result.output


def test_info_prints_text_or_json_not_both():
    text = runner.invoke(app, ["info", "--model", "rules"])
    assert text.exit_code == 0 and text.stdout.startswith(f"claimex {__version__}") and "{" not in text.stdout
    result = runner.invoke(app, ["info", "--model", "rules", "--json"])
    facts = json.loads(result.stdout)
    assert facts["claimex"] == __version__ and facts["model"] == "rules"
    assert facts["pipeline"] == ["claimex_sentences", "claimex_abbreviations", "claimex_measures"]
    assert facts["install"] == ("checkout" if paths.IN_CHECKOUT else "package")


def test_missing_extra_is_one_line(monkeypatch, tmp_path, gold_fixture):
    records = tmp_path / "r.jsonl"
    records.write_text(gold_fixture.to_json() + "\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl now raises ModuleNotFoundError
    monkeypatch.setattr("importlib.util.find_spec", lambda name, *a: None if name == "openpyxl" else object())
    result = runner.invoke(app, ["export", str(records), "--to", "xlsx", "-o", str(tmp_path / "r.xlsx")])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "claimex: error: --to xlsx needs the optional package 'openpyxl': pip install \"claimex[review]\""]
    assert not (tmp_path / "r.xlsx").exists()


def test_missing_extra_inside_a_command_is_one_line(monkeypatch, tmp_path, gold_fixture):
    """An optional import deep in the library (not checked up front) still ends in one line."""
    records = tmp_path / "r.jsonl"
    records.write_text(gold_fixture.to_json() + "\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    monkeypatch.setattr("claimex.cli.export.require", lambda *a: None)
    result = runner.invoke(app, ["export", str(records), "--to", "xlsx", "-o", str(tmp_path / "r.xlsx")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr.strip() == ("claimex: error: this needs the optional package 'openpyxl': "
                                     "pip install \"claimex[review]\"")


def test_every_extra_named_exists_in_pyproject():
    import tomllib

    with open(paths.REPO_DIR / "pyproject.toml", "rb") as fh:
        extras = tomllib.load(fh)["project"]["optional-dependencies"]
    assert set(EXTRAS.values()) <= set(extras)
    for module, extra in EXTRAS.items():
        # the module's distribution (or the dask[distributed] extra) is listed in that extra
        assert any(req.lower().startswith(module) or f"[{module}]" in req for req in extras[extra]), module
    exc = ModuleNotFoundError("No module named 'dask'", name="dask")
    assert missing_extra(exc) == ("this needs the optional package 'dask': "
                                  "pip install \"claimex[distributed]\"")
    assert missing_extra(ModuleNotFoundError("x", name="claimex.nope")) is None


def test_progress_only_on_a_terminal_and_for_more_than_a_handful(monkeypatch):
    monkeypatch.setattr("claimex.cli.common.stderr_is_terminal", lambda: True)
    assert show_progress(False, 100) and show_progress(False, None)
    assert not show_progress(True, 100) and not show_progress(False, 3)
    monkeypatch.setattr("claimex.cli.common.stderr_is_terminal", lambda: False)
    assert not show_progress(False, 100)


def test_quiet_extract_writes_nothing_on_stderr(tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Mortality was 12% vs 20% (P = 0.03)."}) + "\n",
                   encoding="utf-8")
    result = runner.invoke(app, ["extract", str(src), "--model", "rules", "--quiet"])
    assert result.exit_code == 0 and result.stderr == "" and json.loads(result.stdout)["id"] == "a"


@pytest.mark.parametrize("n, shown", [(30, True), (3, False)])
def test_extract_progress_counts_records(monkeypatch, tmp_path, n, shown):
    """On a terminal (faked here) extract shows count, records/s and ETA, for more than a handful."""
    monkeypatch.setattr("claimex.cli.common.stderr_is_terminal", lambda: True)
    src = tmp_path / "many.jsonl"
    src.write_text("".join(json.dumps({"id": str(k), "text": f"Pain fell by {k}% in 40 patients."}) + "\n"
                           for k in range(n)), encoding="utf-8")
    result = runner.invoke(app, ["extract", str(src), "--model", "rules", "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0
    assert (f"{n}/{n}" in result.stderr and "records/s" in result.stderr and "ETA" in result.stderr) == shown
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == n


def test_missing_dask_is_one_line(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "distributed", None)
    result = runner.invoke(app, ["batch", str(paths.GOLD_DIR / "10940692.xml"), "--out", str(tmp_path / "run"),
                                 "--model", "rules", "--dask-local", "1", "--quiet"])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == (
        "claimex: error: this needs the optional package 'distributed': pip install \"claimex[distributed]\"")


def test_quiet_routes_python_warnings_through_logging(monkeypatch):
    import logging

    from claimex.cli.common import quiet_logs

    monkeypatch.setattr(logging, "captureWarnings", lambda on: calls.append(on))
    calls = []
    quiet_logs(False)
    assert calls == []
    quiet_logs(True)
    assert calls == [True] and logging.getLogger("py.warnings").level == logging.ERROR
    assert logging.getLogger("distributed").level == logging.ERROR
