"""Author findings gold from excerpts, so offsets are never computed by hand.

    .venv/bin/python corpora/gold/author_findings.py corpora/gold/findings/src/evidence-inference.txt \
        -o corpora/gold/findings/evidence-inference.findings.jsonl [--show]

Spec file (one abstract after another; ``#`` starts a comment line):

    @ evidence-inference 28991                      source and id (text rebuilt by claimex.corpora.findings)
    S peak inspiratory pressure was significantly   a result sentence: any excerpt inside it (unique in the
                                                    text); the sentence is widened to its boundaries
    S= In the crossover || No other statistically   explicit sentence: from the first excerpt's start to the
                                                    second's end
    N Thus PRVC may be superior                     a neutral sentence (a conclusion that judges results):
                                                    a finding claim there is neither required nor spurious
    F o="peak inspiratory pressure" i=PRVC c=VC n="20 cmH2O" n="24 cmH2O" n="P < 0.0001" d=decrease s=y
                                                    a finding of the last S: o outcome, i intervention,
                                                    c comparator (c=- for single arm), n numbers (repeat),
                                                    d direction, s significant (y / n / -), t=adverse for
                                                    an adverse_effect

Excerpts are searched in the sentence (arms: the sentence first, then the whole abstract; prefix ``@``
to search the whole abstract at once); ``text#k`` takes the k-th occurrence. Every excerpt must be found;
each record is checked with :func:`claimex.corpora.findings.check_abstract` before it is written.
"""

from __future__ import annotations

import argparse
import re
import shlex
import sys
from pathlib import Path

from claimex.corpora.findings import (
    GoldAbstract,
    GoldFinding,
    Span,
    check_abstract,
    dump_abstract,
    load_text,
    split_of,
    text_sha1,
)

FORMS = {"evidence-inference": "headed", "evidence-inference-abstracts": "headed", "evidencemap": "plain"}
_BOUNDARY = re.compile(r"\n+|(?<=[.!?])\s+(?=[A-Z(\[])")
_NO_END = re.compile(r"(?:\bvs|\be\.g|\bi\.e|\bal|\bFig|\bapprox|\bca|\bNo)\.$", re.IGNORECASE)


class SpecError(ValueError):
    pass


def find(text: str, excerpt: str, lo: int, hi: int) -> Span:
    """The k-th (``excerpt#k``, default 1st) occurrence of ``excerpt`` in ``text[lo:hi]``."""
    k = 1
    m = re.fullmatch(r"(.*)#(\d+)", excerpt, re.DOTALL)
    if m:
        excerpt, k = m.group(1), int(m.group(2))
    left = r"(?<![A-Za-z0-9])" if excerpt[:1].isalnum() else ""
    right = r"(?![A-Za-z0-9])" if excerpt[-1:].isalnum() else ""
    body = r"\s+".join(re.escape(part) for part in excerpt.split())  # any space (NBSP, thin) matches
    hits = [m.span() for m in re.finditer(left + body + right, text[lo:hi])]
    if len(hits) < k:
        raise SpecError(f"excerpt {excerpt!r} (occurrence {k}, whole words) not found in [{lo}:{hi}]")
    a, b = lo + hits[k - 1][0], lo + hits[k - 1][1]
    return Span(a, b, text[a:b])


def _has_second(text: str, spec: str) -> bool:
    try:
        find(text, spec + "#2", 0, len(text))
        return True
    except SpecError:
        return False


def sentence_of(text: str, spec: str) -> tuple[int, int]:
    if "||" in spec:
        a, b = (x.strip() for x in spec.split("||"))
        start = find(text, a, 0, len(text)).start
        return start, find(text, b, start, len(text)).end
    span = find(text, spec, 0, len(text))
    if "#" not in spec and _has_second(text, spec):
        raise SpecError(f"sentence excerpt {spec!r} occurs more than once; make it longer")
    cuts = [m for m in _BOUNDARY.finditer(text) if not _NO_END.search(text[max(0, m.start() - 8):m.start()])]
    start = max([m.end() for m in cuts if m.end() <= span.start], default=0)
    end = min([m.start() for m in cuts if m.start() >= span.end], default=len(text))
    return start, end


def arm(text: str, excerpt: str, sentence: tuple[int, int]) -> Span:
    if excerpt.startswith("@"):
        return find(text, excerpt[1:], 0, len(text))
    try:
        return find(text, excerpt, *sentence)
    except SpecError:
        return find(text, excerpt, 0, len(text))


def parse_finding(text: str, line: str, sentence: tuple[int, int]) -> GoldFinding:
    fields: dict[str, list[str]] = {}
    for item in shlex.split(line):
        key, eq, value = item.partition("=")
        if not eq:
            raise SpecError(f"expected key=value, got {item!r}")
        fields.setdefault(key, []).append(value)
    unknown = set(fields) - {"o", "i", "c", "n", "d", "s", "t"}
    if unknown or not all(k in fields for k in "oids"):
        raise SpecError(f"finding needs o, i, d, s (unknown keys: {sorted(unknown)})")
    comp = fields.get("c", ["-"])[0]
    sig = {"y": True, "n": False, "-": None}[fields["s"][0]]
    return GoldFinding(
        sentence=sentence, type="adverse_effect" if fields.get("t", [""])[0] == "adverse" else "finding",
        outcome=find(text, fields["o"][0], *sentence), intervention=arm(text, fields["i"][0], sentence),
        comparator=None if comp == "-" else arm(text, comp, sentence),
        numbers=[find(text, n, *sentence) for n in fields.get("n", [])], direction=fields["d"][0],
        significant=sig)


def parse_spec(path: Path) -> list[GoldAbstract]:
    out: list[GoldAbstract] = []
    text, current, sentence = "", None, None
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            tag, _, rest = line.partition(" ")
            rest = rest.strip()
            if tag == "@":
                source, doc_id = rest.split()
                text = load_text(source, doc_id)
                headed = re.search(r"^[A-Z][A-Z /&-]+: ", text, re.MULTILINE)
                form = FORMS.get(source) or ("headed" if headed else "plain")
                current = GoldAbstract(source, doc_id, form, split_of(source, doc_id), text_sha1(text), len(text),
                                       [], [], origin=f"{path}:{n}")
                out.append(current)
            elif tag in ("S", "S="):
                sentence = sentence_of(text, rest)
                if sentence not in current.result_sentences:
                    current.result_sentences.append(sentence)
            elif tag == "N":
                current.neutral_sentences.append(sentence_of(text, rest))
            elif tag == "F":
                current.findings.append(parse_finding(text, rest, sentence))
            else:
                raise SpecError(f"unknown line tag {tag!r}")
        except (SpecError, KeyError, ValueError, AttributeError, TypeError) as exc:
            raise SpecError(f"{path}:{n}: {exc}") from None
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("spec", type=Path)
    ap.add_argument("-o", "--out", type=Path, required=True)
    ap.add_argument("--show", action="store_true", help="print every sentence and finding for review")
    args = ap.parse_args(argv)
    try:
        golds = parse_spec(args.spec)
    except SpecError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    bad = 0
    for g in golds:
        text = load_text(g.source, g.id)
        for problem in check_abstract(g, text):
            bad += 1
            print(f"error: {g.origin}: {g.key}: {problem}", file=sys.stderr)
        if args.show:
            print(f"== {g.key} ({g.split}) {len(g.findings)} findings")
            for s in g.neutral_sentences:
                print(f"  N {text[s[0]:s[1]]!r}")
            for s in g.result_sentences:
                print(f"  S {text[s[0]:s[1]]!r}")
                for f in (f for f in g.findings if f.sentence == s):
                    c = f.comparator.text if f.comparator else None
                    print(f"    F [{f.type}] O={f.outcome.text!r} I={f.intervention.text!r} C={c!r} "
                          f"N={[x.text for x in f.numbers]} {f.direction} sig={f.significant}")
    if bad:
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(dump_abstract(g) + "\n" for g in golds), encoding="utf-8")
    print(f"wrote {len(golds)} abstracts, {sum(len(g.findings) for g in golds)} findings to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
