"""The HTML report in a real browser: headless Chromium (Debian's `chromium`).

Three pages are opened at once (a few seconds in all): the report of the
compliant example (with a screenshot), the report of a failing copy with 13f
uncovered and a <script> in a course name, and a control page that proves
this harness sees console errors and executed scripts, so that "no console
errors" and "the script did not run" cannot pass by accident.
"""

from __future__ import annotations

import re
import struct
from html import unescape
from pathlib import Path

import pytest

from make_screenshot import WINDOW, chromium_path, finish, render_report, start
from prerequisites import require
from rusplan import messages



@pytest.fixture(autouse=True, scope="module")
def _chromium():
    require(chromium_path() is not None, "chromium is not installed (apt-get install chromium; .ci/run installs it)")


INJECTED = "<script>document.title='pwned';console.error('pwned')</script>"
CONTROL = f"""<!DOCTYPE html><html><head><title>control</title></head>
<body><p>control</p>{INJECTED}</body></html>"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory, examples_dir):
    tmp = tmp_path_factory.mktemp("browser")
    text = (examples_dir / "compliant.yaml").read_text(encoding="utf-8")
    failing = re.sub(r'"13f",\s*|,\s*"13f"', "", text)
    assert "13f" not in failing
    name = "    name: Relasjon, kommunikasjon og samhandling\n"
    assert failing.count(name) == 1
    failing = failing.replace(name, f'    name: "Relasjon {INJECTED}"\n')
    (tmp / "failing.yaml").write_text(failing, encoding="utf-8")
    (tmp / "control.html").write_text(CONTROL, encoding="utf-8")

    compliant = render_report(examples_dir / "compliant.yaml", tmp / "compliant.html", "--lang", "en")
    assert compliant.returncode == 0, compliant.stderr
    failed = render_report(tmp / "failing.yaml", tmp / "failing.html", "--lang", "en")
    assert failed.returncode == 1, failed.stderr

    screenshot = tmp / "compliant.png"
    running = {
        "compliant": start(tmp / "compliant.html", tmp / "profile-compliant", screenshot),
        "failing": start(tmp / "failing.html", tmp / "profile-failing"),
        "control": start(tmp / "control.html", tmp / "profile-control"),
    }
    found = {key: finish(process) for key, process in running.items()}
    found["screenshot"] = screenshot
    return found


def title_of(dom: str) -> str:
    match = re.search(r"<title>(.*?)</title>", dom, re.S)
    assert match, dom[:500]
    return unescape(match.group(1))


def test_the_harness_sees_console_errors_and_scripts(pages):
    control = pages["control"]
    assert title_of(control.dom) == "pwned"
    assert any("pwned" in line for line in control.console), control.stderr[-2000:]


@pytest.mark.parametrize("key", ["compliant", "failing"])
def test_report_loads_without_console_errors(pages, key):
    page = pages[key]
    assert page.returncode == 0, page.stderr[-2000:]
    assert "<body" in page.dom
    assert page.console == []


def test_compliant_report_shows_its_verdict(pages):
    dom = pages["compliant"].dom
    assert f'<span class="verdict pass">{messages.text("verdict-pass", "en")}</span>' in dom
    assert dom.count('<tr class="covered" data-outcome=') == 49
    assert 'class="uncovered"' not in dom


def test_failing_report_shows_verdict_and_the_uncovered_outcome(pages):
    dom = pages["failing"].dom
    assert f'<span class="verdict fail">{messages.text("verdict-fail", "en")}</span>' in dom
    assert '<tr class="uncovered" data-outcome="13f">' in dom
    assert messages.text("matrix-uncovered-list", "en", count=1, ids="13f") in unescape(dom)


def test_injected_script_is_text_not_code(pages):
    dom = pages["failing"].dom
    # The page's title names the programme (the script did not change it).
    assert title_of(dom) == messages.text("report-title", "en") + ": Tverrfaglig videreutdanning i psykisk helse-, rus- og avhengighetsarbeid"
    assert "&lt;script&gt;document.title='pwned'" in dom
    assert "<script" not in dom


def test_screenshot_of_the_compliant_report(pages):
    png: Path = pages["screenshot"]
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == WINDOW
    assert len(data) > 50_000  # a rendered page, not a blank one
