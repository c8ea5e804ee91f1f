"""Print the abridged example record shown in the README (run: python bench/readme_example.py)."""

import json
import subprocess
import sys

from claimex import paths

out = subprocess.run([sys.executable, "-m", "claimex", "extract", str(paths.seed_fixture()), "--id", "10940692"],
                     capture_output=True, text=True, check=True).stdout
r = json.loads(out)
ents = {e["id"]: e for e in r["entities"]}
keep_claims = [c for c in r["claims"] if c["measures"] or c["type"] in ("conclusion", "adverse_effect")][:3]
used = {i for c in keep_claims for k in ("population", "intervention", "comparator", "outcome") for i in c[k]}
abridged = {
    "schema": r["schema"], "id": r["id"], "text": r["text"][:120] + "...",
    "meta": {k: r["meta"][k] for k in ("journal", "year", "doi", "chemicals") if k in r["meta"]},
    "sentences": r["sentences"][:2] + ["..."],
    "abbreviations": r["abbreviations"][:1] + ["..."],
    "entities": [ents[i] for i in sorted(used, key=lambda i: ents[i]["start"])][:4] + ["..."],
    "measures": r["measures"],
    "claims": keep_claims,
    "errors": r["errors"],
}
lines = ["{"]
for k, v in abridged.items():
    if isinstance(v, list) and v:
        lines.append(f' "{k}": [')
        lines += [f"   {json.dumps(x, ensure_ascii=False)}," for x in v]
        lines[-1] = lines[-1].rstrip(",")
        lines.append("  ],")
    else:
        lines.append(f' "{k}": {json.dumps(v, ensure_ascii=False)},')
lines[-1] = lines[-1].rstrip(",")
lines.append("}")
print("\n".join(lines))
