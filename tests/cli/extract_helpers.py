"""Run `claimex extract` (rule pipeline) in this process and parse its JSONL records."""

import json

from claimex.cli import app


def run(runner, *args):
    result = runner.invoke(app, ["extract", *map(str, args), "--model", "rules"])
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return result, records
