"""``claimex show`` pages in a real browser (headless Chromium): what a person would see.

Needs a Chromium binary (Debian: ``apt-get install chromium``; or set ``CLAIMEX_CHROMIUM``); skips with
a message when there is none. Leaves ``test-artifacts/show.png`` (a screenshot) and ``show.html``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from claimex.review.html import LABEL_COLOURS
from claimex.review.show import write_page

pytestmark = pytest.mark.browser

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
    "--virtual-time-budget=3000",
]

# transitions off: the probe reads the final styles, not a frame of the .2s highlight fade (flaky under load)
PROBE_HEAD = ("<style>*, *::before, *::after { transition: none !important; }</style>"
              "<script>window.__alerts = 0; window.alert = function () { window.__alerts++; };</script>")
PROBE = """<script>
window.addEventListener('load', function () {
  var css = function (e, p) { return getComputedStyle(e)[p]; };
  var visible = function (e) { var r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  var out = {
    entities: [].map.call(document.querySelectorAll('article .text mark.ent[id]'), function (e) {
      return {label: e.dataset.label, bg: css(e, 'backgroundColor'), visible: visible(e),
              text: e.textContent}; }),
    measures: [].map.call(document.querySelectorAll('article .text .msr[id]'), function (e) {
      return {text: e.textContent, weight: css(e, 'fontWeight'), underline: css(e, 'borderBottomStyle')}; }),
    rows: [].map.call(document.querySelectorAll('tr[data-sentence]'), function (r) {
      var s = document.getElementById(r.dataset.sentence);
      return {record: r.closest('article').dataset.recordId, claim: r.dataset.claim, visible: visible(r),
              sentence: s ? s.textContent : null, cell: r.querySelector('a.goto').textContent}; }),
    abbr_titles: [].map.call(document.querySelectorAll('article .text abbr'),
                             function (e) { return e.title; }),
    target_bg: css(document.getElementById('rec0-s3'), 'backgroundColor'),
    other_bg: css(document.getElementById('rec0-s2'), 'backgroundColor'),
    images: document.images.length,
    alerts: window.__alerts
  };
  var pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>"""


def chromium_binary() -> str | None:
    env = os.environ.get("CLAIMEX_CHROMIUM")
    if env:
        return env
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def chromium() -> str:
    binary = chromium_binary()
    if binary is None:
        pytest.skip("no Chromium binary (apt-get install chromium, or set CLAIMEX_CHROMIUM)")
    return binary


def run_chromium(binary: str, profile: Path, url: str, *args: str) -> str:
    proc = subprocess.run(
        [binary, *FLAGS, f"--user-data-dir={profile}", *args, url],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def _rgb(hex_colour: str) -> str:
    h = hex_colour.lstrip("#")
    return "rgb({}, {}, {})".format(*(int(h[i : i + 2], 16) for i in (0, 2, 4)))


@pytest.fixture()
def page(tmp_path, records, artifacts_dir) -> Path:
    path = write_page(records, tmp_path / "show.html")
    shutil.copy(path, artifacts_dir / "show.html")
    return path


def test_rendered_dom(chromium, page, tmp_path, records):
    """The shipped page as the browser builds it (CSP on): its script ran, nothing hostile became markup."""
    dom = run_chromium(chromium, tmp_path / "profile", page.as_uri() + "#rec0-s3", "--dump-dom")
    assert re.search(r'<span class="sent is-target" id="rec0-s3">', dom)  # the page's own script ran
    assert re.search(r'<tr id="rec0-C1"[^>]*class="is-target"|<tr class="is-target" id="rec0-C1"', dom)
    assert dom.count("<script") == 1 and "<img" not in dom
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom


def test_what_a_person_sees(chromium, page, tmp_path, records):
    html_text = page.read_text(encoding="utf-8")
    html_text = re.sub(
        r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html_text
    )  # let the probe run
    probe_page = tmp_path / "probe.html"
    probe_page.write_text(
        html_text.replace("<head>", "<head>" + PROBE_HEAD, 1).replace("</body>", PROBE + "</body>"),
        encoding="utf-8",
    )
    dom = run_chromium(chromium, tmp_path / "profile", probe_page.as_uri() + "#rec0-s3", "--dump-dom")
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.DOTALL)
    assert found, dom[-3000:]
    seen = json.loads(found.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))

    assert seen["alerts"] == 0 and seen["images"] == 0  # nothing in the records ran or loaded
    entities = [e for r in records for e in r.entities]
    assert len(seen["entities"]) == len(entities)
    for shown in seen["entities"]:
        assert shown["visible"] and shown["bg"] == _rgb(LABEL_COLOURS[shown["label"]])
    assert {s["label"] for s in seen["entities"]} == {"POPULATION", "INTERVENTION", "COMPARATOR", "OUTCOME"}
    assert [m["text"] for m in seen["measures"]] == [m.text for r in records for m in r.measures]
    assert all(m["weight"] == "700" and m["underline"] == "solid" for m in seen["measures"])
    assert "acute ischaemic stroke" in seen["abbr_titles"]

    expected = [(r.id, c.id, c.text) for r in records for c in r.claims]
    assert [(row["record"], row["claim"], row["sentence"]) for row in seen["rows"]] == expected
    assert all(row["visible"] and row["cell"] == row["sentence"] for row in seen["rows"])
    assert seen["target_bg"] == "rgb(255, 241, 166)"  # the linked sentence is highlighted
    assert seen["other_bg"] in ("rgba(0, 0, 0, 0)", "transparent")


def test_screenshot(chromium, page, tmp_path, artifacts_dir):
    from PIL import Image

    shot = artifacts_dir / "show.png"
    if shot.exists():
        shot.unlink()
    run_chromium(
        chromium,
        tmp_path / "profile",
        page.as_uri() + "#rec0-s3",
        f"--screenshot={shot}",
        "--window-size=1280,2000",
    )
    image = Image.open(shot).convert("RGB")
    assert image.size == (1280, 2000)
    colours = {colour for _, colour in image.getcolors(maxcolors=1 << 20)}
    for label, hex_colour in LABEL_COLOURS.items():  # every entity colour is painted somewhere
        rgb = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
        assert rgb in colours, f"{label} highlight colour {hex_colour} not in the screenshot"
    assert (255, 241, 166) in colours  # the target sentence
