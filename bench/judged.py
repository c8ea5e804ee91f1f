"""The found gold findings of each tune abstract with the claim the findings scorer judged (for the bench scripts
that count arm errors: arm_classes, arm_stages, carry_counts, pair_classes).

``tune_options(__doc__, help)`` parses a script's options and selects its tune gold. ``judged(golds)`` runs the
pipeline over the gold abstracts (as ``claimex evaluate --task findings`` does) and yields,
per abstract, ``(gold, record, text, found)`` with ``found`` the list of ``(finding, judgement, claim)`` of its gold
findings that :func:`claimex.evaluate.findings_match.judge` finds.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from pathlib import Path

import claimex.assemble.claims as claims_pkg
from claimex.corpora.findings import load_gold, select_gold
from claimex.evaluate.findings import _predict
from claimex.evaluate.findings_match import arm_aliases, judge


def tune_options(doc: str, examples: str, more: Callable[[argparse.ArgumentParser], None] | None = None):
    """The bench scripts' options (``--ids`` / ``--skip-ids`` FILE, ``--examples`` CLASS, and ``more``) and the tune
    gold they select: ``(args, golds)``. ``--examples`` prints gold sentences, so only with ``--skip-ids`` (OPEN)."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--ids", type=Path)
    ap.add_argument("--skip-ids", type=Path)
    if more is not None:
        more(ap)
    ap.add_argument("--examples", help=examples)
    args = ap.parse_args()
    if args.examples and not args.skip_ids:
        raise SystemExit("--examples only with --skip-ids (OPEN)")
    return args, select_gold(load_gold(None, errors=[]), "tune", args.ids, args.skip_ids)


def gold_arms(g, record) -> list:
    """The distinct arms an abstract's gold findings name, each as the scorer's alias word sets
    (:func:`claimex.evaluate.findings_match.arm_aliases`); an arm is new when its first alias differs from every
    earlier arm's."""
    out = []
    for f in g.findings:
        for span in (f.intervention, f.comparator):
            if span is not None:
                a = arm_aliases(span, record)
                if a and all(a[0] != b[0] for b in out):
                    out.append(a)
    return out


def print_counts(counts, width: int = 4) -> None:
    """Print a counter's rows sorted by key, one ``count  key`` line each (a tuple key joined by " | ")."""
    for key, n in sorted(counts.items()):
        print(f"{n:{width}d}  {' | '.join(key) if isinstance(key, tuple) else key}")


def judged(golds) -> Iterator[tuple]:
    for g, record, text in _predict(golds, None, None, []):
        claims = {c.id: c for c in record.claims}
        found = []
        for finding in g.findings:
            j = judge(finding, record, text)
            if j.found:
                found.append((finding, j, claims[j.claim]))
        yield g, record, text, found


def require_pure_claims() -> None:
    """The patches below replace classes and methods of ``claimex.assemble.claims``; compiled (``make compile``),
    its modules call one another natively and never see them, so the counts would be silently wrong (or a lookup
    fails): refuse with the way out."""
    if not str(claims_pkg.__file__).endswith(".py"):
        raise SystemExit("bench: this script patches claim assembly, which is compiled here "
                         f"({claims_pkg.__file__}); run it on a pure tree: `python tools/mypyc_build.py --clean`, "
                         "or an export (`git archive HEAD`) with PYTHONPATH=EXPORT/imp")


def record_contexts() -> dict[str, object]:
    """Patch claim assembly so that each record's own ``InterventionContext`` (the first one made while its claims
    are assembled) is kept: returns the dict ``{record id: context}`` the patched assembler fills (for the bench
    scripts that count where arms come from: main_arm, swap_paths)."""
    require_pure_claims()
    seen: list = []
    by_record: dict[str, object] = {}

    class Recorded(claims_pkg.InterventionContext):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            seen.append(self)

    call = claims_pkg.ClaimAssembler.__call__

    def wrapped(self, record):
        at = len(seen)
        out = call(self, record)
        by_record[record.id] = seen[at]
        return out

    claims_pkg.InterventionContext = Recorded
    claims_pkg.ClaimAssembler.__call__ = wrapped
    return by_record


def comparator_state() -> dict[tuple[int, str], tuple]:
    """Patch claim assembly so that, per sentence, the comparator the context carries and its comparators at that
    point are kept: returns the dict ``{(sentence start, sentence text): (carried comparator, comparators)}`` the
    patched ``ClaimAssembler._claims`` fills (for comparator_arms and comparator_choice)."""
    require_pure_claims()
    state: dict[tuple[int, str], tuple] = {}
    original = claims_pkg.ClaimAssembler._claims

    def spy(self, view, ctype, ctx, *rest):
        state[(view.start, view.text)] = (ctx.named_comparator(), list(ctx.comparators))
        return original(self, view, ctype, ctx, *rest)

    claims_pkg.ClaimAssembler._claims = spy
    return state
