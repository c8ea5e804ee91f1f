"""One self-contained HTML page showing records: the text with PICO entities, measures and abbreviations
highlighted, beneath it the claims as a table whose rows link to their sentences.

* Entities: one background colour per label (:data:`LABEL_COLOURS`); measures: bold with a red
  underline; abbreviations: ``<abbr title="long form">`` (dotted underline, tooltip) and a list.
* Every sentence is ``<span class="sent" id="recN-sK">``; each claim row links to it (``href="#recN-sK"``)
  and a click on the row goes there too. The target sentence (and its claim rows) are highlighted by CSS
  ``:target`` and by a small script that sets ``is-target`` (so the state is visible in the DOM as well).
  A superscript badge after a claim sentence links back to its row.
* Overlapping spans nest; a span that crosses another is split into pieces (the first piece carries the
  id and tooltip). Everything taken from the record is HTML-escaped; a Content-Security-Policy allows
  only the page's own script (by hash) and inline styles, so nothing else can run or load.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from string import Template

from ..schema import Claim, Measure, Record
from ..version import __version__
from .export import to_check
from .filters import item_pmid, publication_types, rct_evidence, record_year
from .marks import Mark, esc, render_marked_text
from .records import record_title

SEP = " \u00b7 "
LABEL_COLOURS = {
    "POPULATION": "#cfe3ff",
    "INTERVENTION": "#c8f0cf",
    "COMPARATOR": "#ffe0b8",
    "OUTCOME": "#f1d0f5",
}
LABEL_BORDERS = {
    "POPULATION": "#5b8fd9",
    "INTERVENTION": "#3f9e52",
    "COMPARATOR": "#d98a1f",
    "OUTCOME": "#a24db3",
}



@cache
def _template(name: str) -> Template:
    """A page template shipped in ``claimex/review/templates/`` (package data)."""
    return Template(files(__package__).joinpath("templates", name).read_text(encoding="utf-8"))


SCRIPT = _template("page.js").template.rstrip("\n")


def _cls(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", value)


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def measure_summary(m: Measure) -> str:
    """A one-line reading of a measure's parsed fields (the tooltip)."""
    parts = [m.kind + (f" ({m.stat})" if m.stat else "")]
    if m.value is not None:
        parts.append(f"value {m.op + ' ' if m.op and m.op != '=' else ''}{_num(m.value)}")
    if m.low is not None or m.high is not None:
        parts.append(f"range {_num(m.low)}\u2013{_num(m.high)}")
    if m.ci_low is not None or m.ci_high is not None:
        level = f"{_num(m.level)}% " if m.level is not None else ""
        parts.append(f"{level}CI {_num(m.ci_low)}\u2013{_num(m.ci_high)}")
    if m.sd is not None:
        parts.append(f"SD {_num(m.sd)}")
    if m.denominator is not None:
        parts.append(f"of {_num(m.denominator)}")
    if m.unit:
        parts.append(f"unit {m.unit}")
    return "; ".join(parts)


class _Ids:
    def __init__(self, index: int):
        self.prefix = f"rec{index}"

    def sentence(self, k: int) -> str:
        return f"{self.prefix}-s{k}"

    def item(self, ident: str) -> str:
        return f"{self.prefix}-{_cls(ident)}"


def _text_html(record: Record, ids: _Ids) -> str:
    marks: list[Mark] = []
    for k, s in enumerate(record.sentences):
        marks.append(Mark(s.start, s.end, 0, 0, "span", {"class": "sent", "id": ids.sentence(k)}))
    for e in record.entities:
        tip = [e.label.lower() + (f" ({e.subtype})" if e.subtype else "")]
        if e.expanded:
            tip.append(f"= {e.expanded}")
        if e.score is not None:
            tip.append(f"score {e.score:.2f}")
        marks.append(
            Mark(
                e.start,
                e.end,
                1,
                0,
                "mark",
                {
                    "class": f"ent ent-{_cls(e.label)}",
                    "id": ids.item(e.id),
                    "data-label": e.label,
                    "title": " \u00b7 ".join(tip),
                },
            )
        )
    for m in record.measures:
        marks.append(
            Mark(
                m.start,
                m.end,
                1,
                1,
                "span",
                {
                    "class": f"msr msr-{_cls(m.kind)}",
                    "id": ids.item(m.id),
                    "data-kind": m.kind,
                    "title": measure_summary(m),
                },
            )
        )
    for a in record.abbreviations:
        marks.append(Mark(a.start, a.end, 1, 2, "abbr", {"class": "abbr", "title": a.long}))
    inserts: dict[int, list[str]] = defaultdict(list)
    for claim in record.claims:
        if claim.sentence < len(record.sentences):
            end = record.sentences[claim.sentence].end
            inserts[end].append(
                f'<a class="badge" href="#{ids.item(claim.id)}" title="claim {esc(claim.id)}">'
                f"{esc(claim.id)}</a>"
            )
    return render_marked_text(record.text, marks, inserts)


def _entities_cell(record: Record, idents: list[str]) -> str:
    by_id = {e.id: e for e in record.entities}
    out = []
    for ident in idents:
        e = by_id.get(ident)
        if e is not None:
            title = f' title="{esc(e.text)}"' if e.expanded else ""
            out.append(f'<mark class="ent ent-{_cls(e.label)}"{title}>{esc(e.expanded or e.text)}</mark>')
    return "<br>".join(out)


def _confidence_cell(claim: Claim) -> str:
    """The claim's confidence that every field is right, the per-field values as its tooltip and the fields to
    re-read under it (``Claim.confidence``; empty when the claim is not scored)."""
    if claim.confidence is None:
        return "<td></td>"
    tip = ", ".join(f"{k} {v:.2f}" for k, v in claim.confidence.model_dump().items())
    check = to_check(claim)
    return (f'<td title="{esc(tip)}">{claim.confidence.all:.2f}'
            + (f"<br><small>check: {esc(check)}</small>" if check else "") + "</td>")


def _claim_row(record: Record, claim: Claim, ids: _Ids) -> str:
    by_id = {m.id: m for m in record.measures}
    measures = "<br>".join(
        f'<span class="msr" title="{esc(measure_summary(by_id[m]))}">{esc(by_id[m].text)}</span>'
        for m in claim.measures
        if m in by_id
    )
    yes_no = {True: "yes", False: "no", None: ""}
    sid = ids.sentence(claim.sentence)
    section = record.sentences[claim.sentence].section if claim.sentence < len(record.sentences) else None
    if section and claim.text.upper().startswith(section.upper()):
        section = None  # the sentence already starts with its label ("RESULTS: ...")
    cells = [
        f'<td><a href="#{sid}">{esc(claim.id)}</a></td>',
        f"<td>{esc(claim.type)}</td>",
        f"<td>{_entities_cell(record, claim.population)}</td>",
        f"<td>{_entities_cell(record, claim.intervention)}</td>",
        f"<td>{_entities_cell(record, claim.comparator)}</td>",
        f"<td>{_entities_cell(record, claim.outcome)}</td>",
        f"<td>{measures}</td>",
        f"<td>{esc((claim.direction or '').replace('_', ' '))}</td>",
        f"<td>{yes_no[claim.significant]}</td>",
        f"<td>{yes_no[claim.hedged]}{' (negated)' if claim.negated else ''}</td>",
        _confidence_cell(claim),
        (
            f'<td class="sentence">{"<small>" + esc(section) + "</small> " if section else ""}'
            f'<a class="goto" href="#{sid}">{esc(claim.text)}</a></td>'
        ),
    ]
    return (
        f'<tr id="{ids.item(claim.id)}" data-claim="{esc(claim.id)}" data-sentence="{sid}">'
        + "".join(cells)
        + "</tr>"
    )


CLAIM_HEADERS = (
    "Claim",
    "Type",
    "Population",
    "Intervention",
    "Comparator",
    "Outcome",
    "Measures",
    "Direction",
    "Signif.",
    "Hedged",
    "Conf.",
    "Sentence",
)
_WIDTHS = ("54px", "92px", "9%", "9%", "9%", "9%", "10%", "92px", "62px", "66px", "84px", "")  # table-layout: fixed


def render_record(record: Record, index: int) -> str:
    ids = _Ids(index)
    title = record_title(record) or record.id
    pmid = item_pmid(record)
    meta = [f"id <b>{esc(record.id)}</b>"]
    if pmid:
        meta.append(
            f'<a href="https://pubmed.ncbi.nlm.nih.gov/{esc(pmid)}/" rel="noopener noreferrer">PubMed</a>'
        )
    year = record_year(record)
    if year:
        meta.append(esc(year))
    if record.meta.get("journal"):
        meta.append(f"<i>{esc(record.meta['journal'])}</i>")
    tags = "".join(f'<span class="tag">{esc(t)}</span>' for t in publication_types(record))
    evidence = rct_evidence(record)
    if evidence:
        tags += f'<span class="tag rct" title="RCT by {esc(evidence)}">RCT</span>'
    counts = (
        f"{len(record.entities)} entities \u00b7 {len(record.measures)} measures \u00b7 "
        f"{len(record.claims)} claims"
    )
    parts = [
        f'<article class="record" id="{ids.prefix}" data-record-id="{esc(record.id)}">',
        f"<h2>{esc(title)}</h2>",
        f'<p class="meta">{SEP.join(meta)}{SEP}{counts}<br>{tags}</p>',
        f'<div class="text">{_text_html(record, ids)}</div>',
        "<h3>Claims</h3>",
    ]
    if record.claims:
        cols = "".join(f'<col style="width:{w}">' if w else "<col>" for w in _WIDTHS)
        head = "".join(f'<th title="{h}">{h}</th>' for h in CLAIM_HEADERS)
        rows = "".join(_claim_row(record, c, ids) for c in record.claims)
        parts.append(
            f'<div class="scroll"><table class="claims"><colgroup>{cols}</colgroup>'
            f"<thead><tr>{head}</tr></thead>"
            f"<tbody>{rows}</tbody></table></div>"
        )
    else:
        parts.append('<p class="empty">No claims.</p>')
    pairs: dict[str, str] = {}
    for a in record.abbreviations:
        pairs.setdefault(a.short, a.long)
    if pairs:
        parts.append(
            '<h3>Abbreviations</h3><dl class="abbrevs">'
            + "".join(f"<dt>{esc(s)}</dt><dd>{esc(lf)}</dd>" for s, lf in pairs.items())
            + "</dl>"
        )
    mesh = record.meta.get("mesh") or []
    if isinstance(mesh, list) and mesh:
        parts.append(
            f"<details><summary>MeSH ({len(mesh)})</summary><ul>"
            + "".join(f"<li>{esc(m)}</li>" for m in mesh)
            + "</ul></details>"
        )
    if record.errors:
        parts.append(
            "<details open><summary>Errors</summary><ul>"
            + "".join(f"<li>{esc(e)}</li>" for e in record.errors)
            + "</ul></details>"
        )
    parts.append("</article>")
    return "\n".join(parts)


def _legend() -> str:
    items = [f'<mark class="ent ent-{label}">{label.lower()}</mark>' for label in LABEL_COLOURS]
    items.append('<span class="msr" title="a measure">12.5% (P = 0.03)</span>')
    items.append('<abbr class="abbr" title="long form">ABBR</abbr>')
    items.append('<span class="sent demo">claim sentence you clicked</span>')
    items.append('<a class="badge">C1</a> claim')
    return '<div class="legend" id="legend"><b>Legend</b> ' + " ".join(items) + "</div>"


def render_page(records: Iterable[Record], title: str | None = None, note: str = "") -> str:
    """The whole page for ``records`` (HTML string, UTF-8, no external resources)."""
    records = list(records)
    label_css = "\n".join(
        f".ent-{label} {{ background: {colour}; border-bottom-color: {LABEL_BORDERS[label]}; }}"
        for label, colour in LABEL_COLOURS.items()
    )
    css = _template("page.css").substitute(label_css=label_css)
    script_hash = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
    csp = (
        f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{script_hash}'; base-uri 'none'; form-action 'none'"
    )
    page_title = title or (
        f"claimex: {record_title(records[0]) or records[0].id}"
        if len(records) == 1
        else f"claimex: {len(records)} abstracts"
    )
    toc = ""
    if len(records) > 1:
        toc = (
            '<nav class="toc">'
            + "".join(f'<a href="#rec{k}">{esc(r.id)}</a>' for k, r in enumerate(records))
            + "</nav>"
        )
    body = "\n".join(render_record(r, k) for k, r in enumerate(records)) or '<p class="empty">No records.</p>'
    return _template("page.html").substitute(
        csp=esc(csp), version=esc(__version__), title=esc(page_title), css=css, count=len(records),
        note=SEP + esc(note) if note else "", legend=_legend(), toc=toc, body=body, script=SCRIPT,
    )
