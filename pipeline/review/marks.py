"""Nested inline marks over a text, as HTML: sentences, entities, measures, abbreviations.

Marks are opened outermost first (a lower ``layer`` always outside a higher one, then by start, longer
first, then ``rank``); where two marks cross, the inner one is closed and reopened around the boundary, so
the HTML stays well-formed. A reopened piece carries the class ``cont`` and no ``id`` (ids stay unique).
The text between tags is HTML-escaped.
"""

from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass
from typing import Any


def esc(value: Any) -> str:
    """HTML-escape a value for text or a double-quoted attribute."""
    return html.escape("" if value is None else str(value), quote=True)


@dataclass
class Mark:
    start: int
    end: int
    layer: int  # 0: sentences (outermost, never split); 1: entities, measures, abbreviations
    rank: int  # tie-break among equal extents: entity outside measure outside abbreviation
    tag: str
    attrs: dict[str, str]
    first_only: tuple[str, ...] = ("id",)
    opened: bool = False

    def open_tag(self) -> str:
        attrs = (
            self.attrs
            if not self.opened
            else {k: v for k, v in self.attrs.items() if k not in self.first_only}
        )
        if self.opened:
            attrs = {**attrs, "class": attrs.get("class", "") + " cont"}
        self.opened = True
        return f"<{self.tag}" + "".join(f' {k}="{esc(v)}"' for k, v in attrs.items()) + ">"

    def close_tag(self) -> str:
        return f"</{self.tag}>"


def render_marked_text(text: str, marks: list[Mark], inserts: dict[int, list[str]] | None = None) -> str:
    """Escape ``text`` and wrap the marks (properly nested; crossing marks are split). ``inserts``: raw
    HTML to place at a position, after the marks that end there are closed."""
    inserts = inserts or {}
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    starts: dict[int, list[Mark]] = defaultdict(list)
    ends: dict[int, list[Mark]] = defaultdict(list)
    for m in marks:
        starts[m.start].append(m)
        ends[m.end].append(m)
    points = sorted({0, len(text), *starts, *ends, *(p for p in inserts if 0 <= p <= len(text))})
    order = {id(m): k for k, m in enumerate(marks)}
    active: set[int] = set()
    by_id = {id(m): m for m in marks}
    stack: list[Mark] = []
    out: list[str] = []
    for i, p in enumerate(points):
        for m in ends.get(p, ()):
            active.discard(id(m))
        for m in starts.get(p, ()):
            active.add(id(m))
        desired = sorted(
            (by_id[k] for k in active), key=lambda m: (m.layer, m.start, -m.end, m.rank, order[id(m)])
        )
        keep = 0
        while keep < len(stack) and keep < len(desired) and stack[keep] is desired[keep]:
            keep += 1
        out.extend(m.close_tag() for m in reversed(stack[keep:]))
        if p in inserts:
            out.extend(inserts[p])
        out.extend(m.open_tag() for m in desired[keep:])
        stack = desired
        if i + 1 < len(points):
            out.append(esc(text[p : points[i + 1]]))
    out.extend(m.close_tag() for m in reversed(stack))
    return "".join(out)
