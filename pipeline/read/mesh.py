"""MeSH headings, the one helper every reader uses (PubMed XML, MEDLINE, the PubMed abstract page).

``meta["mesh"]``: PubMed's display lines, one per descriptor/qualifier pair, ``"*"`` marking a major topic
(``"Liver Neoplasms / secondary*"``); ``meta["mesh_terms"]``: one ``{"descriptor", "qualifiers", "major",
"ui"}`` per heading (``ui``: the MeSH descriptor id where the format carries it, PubMed XML; else None).
"""

from __future__ import annotations


def mesh_display(descriptor: str, descriptor_major: bool,
                 qualifiers: list[tuple[str, bool]]) -> list[str]:
    """PubMed's display lines for one heading: ``"Humans"``, ``"Hepatic Artery*"``,
    ``"Liver Neoplasms / secondary*"`` (one line per qualifier; ``*`` marks the major topic)."""
    star = "*" if descriptor_major else ""
    if not qualifiers:
        return [descriptor + star]
    return [f"{descriptor}{star} / {q}{'*' if major else ''}" for q, major in qualifiers]


def parse_mesh_line(line: str) -> tuple[str, bool, list[tuple[str, bool]]]:
    """``"Liver Neoplasms / secondary*"`` -> ("Liver Neoplasms", False, [("secondary", True)])."""
    parts = [p.strip() for p in line.strip().split(" / ")]
    desc = parts[0]
    desc_major = desc.endswith("*")
    quals = [(q.rstrip("*").strip(), q.endswith("*")) for q in parts[1:] if q.rstrip("*").strip()]
    return desc.rstrip("*").strip(), desc_major, quals


def add_mesh_heading(mesh: list[str], terms: list[dict], descriptor: str, descriptor_major: bool,
                     qualifiers: list[tuple[str, bool]], ui: str | None = None) -> None:
    """Add one heading to ``meta["mesh"]`` (display lines, :func:`mesh_display`) and ``meta["mesh_terms"]``
    (``{"descriptor", "qualifiers", "major", "ui"}``; ``major``: the descriptor or one of its qualifiers
    is a major topic; ``ui``: the MeSH descriptor id where the format carries it, else None). A heading
    that repeats the previous one's descriptor (a split heading) is merged into its term. The one MeSH
    helper of every reader (PubMed XML, MEDLINE, the PubMed page)."""
    if not descriptor:
        return
    mesh.extend(mesh_display(descriptor, descriptor_major, qualifiers))
    if terms and terms[-1]["descriptor"] == descriptor:
        term = terms[-1]
    else:
        term = {"descriptor": descriptor, "qualifiers": [], "major": False, "ui": ui}
        terms.append(term)
    term["qualifiers"].extend(q for q, _ in qualifiers if q not in term["qualifiers"])
    term["major"] = term["major"] or descriptor_major or any(m for _, m in qualifiers)
    term["ui"] = term["ui"] or ui


def mesh_terms(lines: list[str]) -> list[dict]:
    """Parsed headings from display lines (:func:`add_mesh_heading`):
    ``[{"descriptor": "Liver Neoplasms", "qualifiers": ["secondary", "therapy"], "major": True, "ui": None}]``."""
    display: list[str] = []
    out: list[dict] = []
    for line in lines:
        add_mesh_heading(display, out, *parse_mesh_line(line))
    return out
