"""The findings scorer on hand-made records (claimex.evaluate.findings, findings_match)."""

from __future__ import annotations

import json

import pytest

from claimex.corpora.findings import (
    GoldAbstract,
    GoldFinding,
    Span,
    dump_abstract,
    load_gold,
    load_text,
    read_keys,
    select_gold,
    text_sha1,
)
from claimex.evaluate.findings import Tally, evaluate, render_markdown
from claimex.evaluate.findings_match import arms_state, judge
from claimex.schema import Abbreviation, Claim, Entity, Measure, Record, Sentence

TEXT = ("Pressure-regulated volume control (PRVC) versus volume control (VC). "
        "Mortality was lower with PRVC than with VC (12% vs 20%, P = 0.03). "
        "Forty patients were randomised in the intervention group.")
S1 = (0, TEXT.index(" Mortality"))
S2 = (S1[1] + 1, TEXT.index(" Forty"))
S3 = (S2[1] + 1, len(TEXT))


def sp(phrase: str, nth: int = 1) -> Span:
    pos = -1
    for _ in range(nth):
        pos = TEXT.index(phrase, pos + 1)
    return Span(pos, pos + len(phrase), phrase)


def gold_finding(**change) -> GoldFinding:
    f = GoldFinding(sentence=S2, type="finding", outcome=sp("Mortality"), intervention=sp("PRVC", 2),
                    comparator=sp("VC", 3), numbers=[sp("12%"), sp("20%"), sp("P = 0.03")],
                    direction="decrease", significant=True)
    for k, v in change.items():
        setattr(f, k, v)
    return f


def record(claims: list[dict], entities: dict[str, tuple[str, str, int]]) -> Record:
    """entities: id -> (label, phrase, nth occurrence); claims: Claim fields (sentence 1 unless given)."""
    ents = []
    for eid, (label, phrase, nth) in entities.items():
        s = sp(phrase, nth)
        ents.append(Entity(id=eid, label=label, start=s.start, end=s.end, text=s.text))
    measures = [Measure(id=f"M{k}", start=s.start, end=s.end, text=s.text, kind="value")
                for k, s in enumerate([sp("12%"), sp("20%"), sp("P = 0.03"), sp("Forty patients")], start=1)]
    out = []
    for k, c in enumerate(claims, start=1):
        sent = c.pop("sentence", 1)
        span = (S1, S2, S3)[sent]
        out.append(Claim(id=f"C{k}", sentence=sent, type=c.pop("type", "finding"), text=TEXT[slice(*span)],
                         start=span[0], end=span[1], **c))
    abbrevs = [Abbreviation(start=35, end=39, short="PRVC", long="Pressure-regulated volume control"),
               Abbreviation(start=64, end=66, short="VC", long="volume control")]
    return Record(id="x", text=TEXT, sentences=[Sentence(start=a, end=b) for a, b in (S1, S2, S3)],
                  abbreviations=abbrevs, entities=ents, measures=measures, claims=out)


ENTS = {"O": ("OUTCOME", "Mortality", 1), "I": ("INTERVENTION", "PRVC", 2), "C": ("COMPARATOR", "VC", 3)}
RIGHT = dict(outcome=["O"], intervention=["I"], comparator=["C"], measures=["M1", "M2", "M3"],
             direction="decrease", significant=True)


def test_a_right_claim_is_fully_right():
    j = judge(gold_finding(), record([dict(RIGHT)], ENTS), TEXT)
    assert j.found and j.fully_right and j.errors == [] and j.claim == "C1"


def test_swapped_arms_are_wrong_but_the_flipped_direction_is_right():
    rec = record([dict(RIGHT, intervention=["C"], comparator=["I"], direction="increase")], ENTS)
    j = judge(gold_finding(), rec, TEXT)
    assert j.found and not j.fields["intervention"] and not j.fields["comparator"]
    assert j.fields["direction"] and "swapped arms" in j.errors


def test_bare_label_and_missing_comparator():
    ents = dict(ENTS, B=("INTERVENTION", "the intervention group", 1))
    j = judge(gold_finding(), record([dict(RIGHT, intervention=["B"], comparator=[])], ents), TEXT)
    assert j.errors[:2] == ["intervention bare label", "comparator missing"]


def test_long_form_of_the_arm_counts_and_the_other_arms_long_form_does_not():
    ents = dict(ENTS, L=("INTERVENTION", "Pressure-regulated volume control", 1), V=("INTERVENTION", "volume control", 2))
    assert judge(gold_finding(), record([dict(RIGHT, intervention=["L"])], ents), TEXT).fields["intervention"]
    j = judge(gold_finding(), record([dict(RIGHT, intervention=["V"])], ents), TEXT)
    assert not j.fields["intervention"] and j.errors == ["intervention is the other arm"]
    j = judge(gold_finding(), record([dict(RIGHT, intervention=["I", "C"])], ents), TEXT)
    assert j.errors == ["intervention wrong or mixed"]


def test_outcome_cover_rules():
    ents = dict(ENTS, X=("OUTCOME", "Mortality was lower with PRVC than with VC", 1))
    j = judge(gold_finding(), record([dict(RIGHT, outcome=["X"])], ents), TEXT)
    assert j.found and j.errors == ["outcome too long"]
    ents = dict(ENTS, Y=("OUTCOME", "lower", 1))
    j = judge(gold_finding(), record([dict(RIGHT, outcome=["Y"])], ents), TEXT)
    assert not j.found and j.errors == ["outcome not covered"]
    assert judge(gold_finding(), record([], ENTS), TEXT).errors == ["no claim in sentence"]
    j = judge(gold_finding(), record([dict(RIGHT, type="conclusion")], ENTS), TEXT)
    assert j.errors == ["sentence claim not a finding"]


def test_numbers_direction_significance_and_single_arm():
    rec = record([dict(RIGHT, measures=["M1"], direction="increase", significant=None)], ENTS)
    j = judge(gold_finding(), rec, TEXT)
    assert j.errors == ["number missing", "wrong sign", "significance missing"]
    j = judge(gold_finding(comparator=None, direction="positive"), record([dict(RIGHT, direction="positive")], ENTS),
              TEXT)
    assert j.errors == ["comparator for a single-arm finding"]
    j = judge(gold_finding(direction="no_difference", significant=False),
              record([dict(RIGHT, direction="decrease", significant=True)], ENTS), TEXT)
    assert j.errors == ["difference vs no difference", "significance wrong"]


def test_best_claim_is_judged_and_spurious_and_precision_are_counted():
    gold = GoldAbstract("evidence-inference", "x", "headed", "tune", text_sha1(TEXT), len(TEXT), [S2],
                        [gold_finding()])
    rec = record([dict(RIGHT, direction=None), dict(RIGHT),
                  dict(outcome=["O"], intervention=["I"], sentence=2, measures=["M4"], direction="increase")], ENTS)
    tally = Tally()
    [(_, j)] = tally.add_abstract(gold, rec, TEXT)
    assert j.claim == "C2" and j.fully_right
    assert (tally.claims, tally.spurious, tally.in_results, tally.matching) == (3, 1, 2, 2)
    rows = {r["name"]: r["rate"] for r in tally.rows()}
    assert rows["spurious claims"] == pytest.approx(1 / 3, abs=1e-4) and rows["fully right (of all gold)"] == 1.0
    gold.neutral_sentences = [S3]  # a neutral sentence: its claim is neither spurious nor in precision
    tally = Tally()
    tally.add_abstract(gold, rec, TEXT)
    assert (tally.claims, tally.spurious, tally.in_results, tally.matching) == (3, 0, 2, 2)


def test_direction_errors_are_told_apart_by_whether_the_arms_were_right():
    gold = GoldAbstract("evidence-inference", "x", "headed", "tune", text_sha1(TEXT), len(TEXT), [S2],
                        [gold_finding(), gold_finding(direction="no_difference", significant=False),
                         gold_finding(comparator=None, direction="positive")])
    tally = Tally()
    # one claim, judged for three findings: a wrong sign with the arms right; a difference said where the gold
    # has none, arms right too; a comparison where the gold is single-arm (its comparator is the arm error)
    judged = tally.add_abstract(gold, record([dict(RIGHT, direction="increase")], ENTS), TEXT)
    assert [arms_state(j) for _, j in judged] == ["arms right", "arms right", "arms wrong"]
    assert tally.direction_arms == {("wrong sign", "arms right"): 1, ("difference vs no difference", "arms right"): 1,
                                    ("direction: comparison vs single arm", "arms wrong"): 1}
    rows = {r["name"]: r for r in tally.direction_rows()}
    assert rows["all direction errors"] == {"name": "all direction errors", "arms right": 2, "arms swapped": 0,
                                            "arms wrong": 1, "total": 3}
    # swapped arms with the direction not flipped: the error is told as the swap's
    rec = record([dict(RIGHT, intervention=["C"], comparator=["I"], direction="decrease")], ENTS)
    j = judge(gold_finding(), rec, TEXT)
    assert arms_state(j) == "arms swapped" and "wrong sign" in j.errors
    assert arms_state(judge(gold_finding(), record([dict(RIGHT)], ENTS), TEXT)) is None  # direction right


@pytest.mark.shared
def test_evaluate_reads_predicted_records(shared_dir, tmp_path):
    [gold] = [g for g in load_gold() if g.id == "28991"]
    gold.findings = gold.findings[:1]  # the Results finding; the record below has only its claim
    text_rec = Record(id="28991", text=load_text("evidence-inference", "28991"))
    f = gold.findings[0]
    ents = [Entity(id="O", label="OUTCOME", start=f.outcome.start, end=f.outcome.end, text=f.outcome.text),
            Entity(id="I", label="INTERVENTION", start=f.intervention.start, end=f.intervention.end,
                   text=f.intervention.text),
            Entity(id="C", label="COMPARATOR", start=f.comparator.start, end=f.comparator.end, text=f.comparator.text)]
    meas = [Measure(id=f"M{k}", start=n.start, end=n.end, text=n.text, kind="value") for k, n in enumerate(f.numbers)]
    claim = Claim(id="C1", sentence=0, type="finding", outcome=["O"], intervention=["I"], comparator=["C"],
                  measures=[m.id for m in meas], direction="decrease", significant=True, text="",
                  start=f.sentence[0], end=f.sentence[1])
    rec = text_rec.model_copy(update={"entities": ents, "measures": meas, "claims": [claim]})
    pred = tmp_path / "pred.jsonl"
    pred.write_text(rec.to_json() + "\n", encoding="utf-8")
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text(dump_abstract(gold) + "\n", encoding="utf-8")
    report = evaluate(gold=gold_path, pred=pred, split="all")
    assert report.summary["found"] == 1.0 and report.summary["fully_right"] == 1.0
    assert report.summary["spurious"] == 0.0
    md = render_markdown(report)
    assert "| found (recall) | 1.000 | 1 | 1 |" in md
    assert json.loads(json.dumps(report.to_dict()))["task"] == "findings"


@pytest.mark.shared
def test_ids_and_skip_ids_choose_the_gold_abstracts(two_findings_golds, tmp_path):
    golds, gold_path, pred = two_findings_golds
    ids = tmp_path / "ids.txt"
    ids.write_text(f"# one of them\n{golds[0].key}\n\n", encoding="utf-8")
    assert read_keys(ids) == {golds[0].key}
    only = evaluate(gold=gold_path, pred=pred, split="all", ids=ids)
    without = evaluate(gold=gold_path, pred=pred, split="all", skip_ids=ids)
    assert only.summary["abstracts"] == 1 and without.summary["abstracts"] == 1
    assert only.summary["gold_findings"] == len(golds[0].findings)
    assert without.summary["gold_findings"] == len(golds[1].findings)
    assert "only" in only.notes[0] and "without" in without.notes[0]


@pytest.mark.shared
def test_select_gold_by_half_and_key_files(two_findings_golds, tmp_path):
    golds, _, _ = two_findings_golds
    first = tmp_path / "first.txt"
    first.write_text(f"{golds[0].key}\n", encoding="utf-8")
    assert select_gold(golds) == golds
    assert select_gold(golds, ids=first) == [golds[0]]
    assert select_gold(golds, skip_ids=first) == [golds[1]]
    assert select_gold(golds, ids=first, skip_ids=first) == []
    half = golds[0].split
    assert select_gold(golds, half) == [g for g in golds if g.split == half]
