"""Hand-built claimex/1 records for the review tests (no pipeline needed): a structured RCT abstract with
nested and crossing spans, an abbreviation, arms, a newline inside a sentence and hostile text
(``<script>``, quotes, ``&``, a leading ``=``), and a second, non-RCT record without publication types."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimex.schema import Abbreviation, ArmValue, Claim, Entity, Measure, Record, Sentence
from claimex.write import JsonlWriter

RCT_TITLE = 'Aspirin versus placebo in adults with "acute" stroke: a randomised trial'
RCT_BODY = (
    "BACKGROUND: Stroke <script>alert(1)</script> & death remain common.\n"
    "METHODS: We randomly assigned 620 adults with acute ischaemic stroke (AIS) to aspirin or placebo.\n"
    "RESULTS: Mortality at 30 days was 12.5% with aspirin vs 20.1% with placebo "
    "(OR 0.57, 95% CI 0.36-0.90; P = 0.02). "
    "Bleeding was similar\nin both groups (3% vs 2%; P = 0.41).\n"
    "CONCLUSIONS: Aspirin may reduce mortality in AIS."
)


class _Finder:
    def __init__(self, text: str):
        self.text = text

    def span(self, needle: str, after: int = 0) -> tuple[int, int]:
        start = self.text.index(needle, after)
        return start, start + len(needle)


def make_rct_record() -> Record:
    text = RCT_TITLE + "\n\n" + RCT_BODY
    f = _Finder(text)
    lines = text.split("\n")
    sentences = [Sentence(start=0, end=len(RCT_TITLE), section="TITLE")]
    pos = len(RCT_TITLE) + 2
    for line in lines[2:]:
        label = line.split(":", 1)[0]
        if label == "RESULTS":
            first = line.index("). ") + 2
            sentences.append(Sentence(start=pos, end=pos + first, section=label))
            # the second RESULTS sentence runs over the newline, into the next line
            b_start = pos + first + 1
            b_end = f.span("P = 0.41).")[1]
            sentences.append(Sentence(start=b_start, end=b_end, section=label))
        elif line.startswith("in both"):
            pass
        else:
            sentences.append(Sentence(start=pos, end=pos + len(line), section=label))
        pos += len(line) + 1

    def ent(ident, label, needle, after=0, **kw):
        s, e = f.span(needle, after)
        return Entity(id=ident, label=label, start=s, end=e, text=text[s:e], **kw)

    def msr(ident, needle, kind, after=0, **kw):
        s, e = f.span(needle, after)
        return Measure(id=ident, text=text[s:e], start=s, end=e, kind=kind, **kw)

    results = text.index("RESULTS")
    conclusions = text.index("CONCLUSIONS")
    entities = [
        ent("E1", "POPULATION", "620 adults with acute ischaemic stroke", score=0.91, subtype="Condition"),
        ent("E2", "INTERVENTION", "aspirin", text.index("METHODS")),
        ent("E3", "COMPARATOR", "placebo", text.index("METHODS")),
        ent("E4", "OUTCOME", "Mortality at 30 days"),
        ent("E5", "INTERVENTION", "aspirin", results),
        ent("E6", "COMPARATOR", "placebo", results),
        ent("E7", "OUTCOME", "Bleeding"),
        ent("E8", "OUTCOME", "mortality in AIS", conclusions, expanded="mortality in acute ischaemic stroke"),
        ent("E9", "INTERVENTION", "Aspirin", conclusions),
        # crosses the abbreviation "(AIS)" boundary: "stroke (AIS" overlaps "AIS)" partially
        ent("E10", "POPULATION", "stroke (AI", text.index("METHODS")),
    ]
    measures = [
        msr("M1", "620", "sample_size", value=620),
        msr("M2", "30 days", "duration", value=30, unit="days"),
        msr("M3", "12.5%", "percentage", value=12.5, unit="%"),
        msr("M4", "20.1%", "percentage", value=20.1, unit="%"),
        msr(
            "M5",
            "OR 0.57, 95% CI 0.36-0.90",
            "ratio",
            value=0.57,
            stat="OR",
            level=95,
            ci_low=0.36,
            ci_high=0.90,
        ),
        msr("M6", "P = 0.02", "p_value", value=0.02, op="="),
        msr("M7", "3%", "percentage", value=3, unit="%"),
        msr("M8", "2%", "percentage", value=2, unit="%"),
        msr("M9", "P = 0.41", "p_value", value=0.41, op="="),
    ]
    abbreviations = []
    for needle, after in (("AIS", 0), ("AIS", conclusions)):
        s, e = f.span(needle, after)
        abbreviations.append(Abbreviation(start=s, end=e, short="AIS", long="acute ischaemic stroke"))

    def claim(ident, index, ctype, **kw):
        sent = sentences[index]
        return Claim(
            id=ident,
            sentence=index,
            type=ctype,
            text=text[sent.start : sent.end],
            start=sent.start,
            end=sent.end,
            **kw,
        )

    claims = [
        claim(
            "C1",
            3,
            "finding",
            intervention=["E5"],
            comparator=["E6"],
            outcome=["E4"],
            measures=["M2", "M3", "M4", "M5", "M6"],
            direction="decrease",
            significant=True,
            p_value="M6",
            arms=[
                ArmValue(measure="M3", arm="E5", arm_text="aspirin"),
                ArmValue(measure="M4", arm="E6", arm_text="placebo"),
            ],
        ),
        claim(
            "C2",
            4,
            "adverse_effect",
            outcome=["E7"],
            measures=["M7", "M8", "M9"],
            direction="no_difference",
            significant=False,
            p_value="M9",
        ),
        claim("C3", 5, "conclusion", intervention=["E9"], outcome=["E8"], direction="decrease", hedged=True),
    ]
    meta = {
        "title": RCT_TITLE,
        "year": 2003,
        "journal": "Lancet & <b>Co</b>",
        "pmid": "12345678",
        "doi": "10.1000/xyz",
        "pub_types": ["Journal Article", "Randomized Controlled Trial"],
        "mesh": ["Aspirin / therapeutic use*", "Humans", "Stroke / drug therapy*"],
    }
    return Record(
        id="12345678",
        text=text,
        meta=meta,
        sentences=sentences,
        abbreviations=abbreviations,
        entities=entities,
        measures=measures,
        claims=claims,
    )


def make_other_record() -> Record:
    """No publication types, a year as "1999 Jan", text with no design cue, a hostile id."""
    text = "=SUM(A1) Cohort study.\n\nIn 40 patients, survival improved (P < 0.01)."
    s1 = (0, text.index("study.") + 6)
    s2 = (text.index("In 40"), len(text))
    m1 = text.index("40")
    m2 = text.index("P < 0.01")
    e1 = text.index("survival")
    record = Record(
        id='doc"><img src=x onerror=alert(2)>',
        text=text,
        meta={"year": "1999 Jan", "title": "=SUM(A1) Cohort study."},
        sentences=[Sentence(start=s1[0], end=s1[1], section="TITLE"), Sentence(start=s2[0], end=s2[1])],
        entities=[Entity(id="E1", label="OUTCOME", start=e1, end=e1 + 8, text="survival")],
        measures=[
            Measure(id="M1", text="40", start=m1, end=m1 + 2, kind="sample_size", value=40),
            Measure(id="M2", text="P < 0.01", start=m2, end=m2 + 8, kind="p_value", value=0.01, op="<"),
        ],
        claims=[
            Claim(
                id="C1",
                sentence=1,
                type="finding",
                outcome=["E1"],
                measures=["M2"],
                direction="increase",
                significant=True,
                text=text[s2[0] : s2[1]],
                start=s2[0],
                end=s2[1],
            )
        ],
    )
    return record


@pytest.fixture()
def rct_record() -> Record:
    return make_rct_record()


@pytest.fixture()
def other_record() -> Record:
    return make_other_record()


@pytest.fixture()
def records(rct_record, other_record) -> list[Record]:
    return [rct_record, other_record]


@pytest.fixture()
def records_jsonl(tmp_path, records) -> Path:
    path = tmp_path / "records.jsonl.gz"
    with JsonlWriter(path) as writer:
        for record in records:
            writer.write(record)
    return path


@pytest.fixture()
def run_dir(tmp_path, rct_record, other_record) -> Path:
    """A batch output directory shaped like ``claimex batch`` writes it (claimex-batch/1 manifest)."""
    out = tmp_path / "run"
    out.mkdir()
    entries = []
    for k, record in enumerate((rct_record, other_record)):
        name = f"shard{k}"
        with JsonlWriter(out / f"{name}.jsonl.gz") as writer:
            writer.write(record)
        import gzip

        with gzip.open(out / f"{name}.ids.tsv.gz", "wt", encoding="utf-8") as fh:
            fh.write(f"{record.id}\t0\n")
        (out / f"{name}.errors.jsonl").write_text('{"error": "not a record"}\n', encoding="utf-8")
        entries.append(
            {
                "name": name,
                "input": f"/in/{name}.xml",
                "size": 1,
                "sha256": "x",
                "status": "complete",
                "error": None,
                "records": 1,
                "files": {
                    "records": f"{name}.jsonl.gz",
                    "ids": f"{name}.ids.tsv.gz",
                    "errors": f"{name}.errors.jsonl",
                },
                "timings": {"finished": "now"},
            }
        )
    manifest = {
        "schema": "claimex-batch/1",
        "created": "now",
        "updated": "now",
        "shards": entries,
        "runs": [],
    }
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return out


ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """``test-artifacts/`` at the repository root (gitignored): screenshots and pages to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
