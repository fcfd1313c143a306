"""Look at it (issue 15, item 4): the report printed to PDF by headless Chromium, read back page
by page with pdftotext, and the coverage matrix of a workbook opened in the browser.

Chromium and pdftotext (Debian's poppler-utils) are prerequisites: skipped with the reason on a
developer's machine, a failure under CI (tests/prerequisites.py).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from make_screenshot import chromium_path, finish, print_pdf, render_report, render_workbook_matrix, start
from prerequisites import require

NAME = "Tverrfaglig videreutdanning i psykisk helse-, rus- og avhengighetsarbeid"
# A line that starts an outcome row: its id, then its text (the matrix and the evidence both print so).
OUTCOME_LINE = re.compile(r"^\s*(1?[0-9][a-h])\s+\S", re.M)


@pytest.fixture(autouse=True, scope="module")
def _tools():
    require(chromium_path() is not None, "chromium is not installed (apt-get install chromium; .ci/run installs it)")
    require(shutil.which("pdftotext") is not None, "pdftotext is not installed (apt-get install poppler-utils)")


def pages_of(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True, encoding="utf-8").stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


@pytest.fixture(scope="module")
def printed(tmp_path_factory, examples_dir):
    tmp = tmp_path_factory.mktemp("pdf")
    out = {}
    for name, example in (("compliant", "compliant.yaml"), ("failing", "fail-learning-outcomes.yaml")):
        html = tmp / f"{name}.html"
        rendered = render_report(examples_dir / example, html)
        assert rendered.returncode in (0, 1), rendered.stderr
        made = print_pdf(html, tmp / f"{name}.pdf", tmp / f"profile-{name}")
        assert made.returncode == 0, made.stderr[-2000:]
        out[name] = pages_of(tmp / f"{name}.pdf")
    return out


def test_the_programme_is_named_on_page_one(printed):
    first = " ".join(printed["compliant"][0].split())
    assert NAME in first and "Høgskolen i Fjordane · PHR60" in first and "oppfyller forskriften" in first


@pytest.mark.parametrize("name", ["compliant", "failing"])
def test_no_page_holds_a_single_outcome_row(printed, name):
    pages = printed[name]
    assert len(pages) > 5
    counts = [len(OUTCOME_LINE.findall(page)) for page in pages]
    assert sum(counts) >= 2 * 49  # the matrix and the evidence: every outcome twice at least
    assert 1 not in counts, counts


def test_the_evidence_of_an_outcome_is_in_the_pdf(printed):
    words = " ".join(" ".join(printed["compliant"]).split())
    assert "PHR4001M: Kandidaten har inngående kunnskap om systematisk fagutviklingsarbeid, forskningsetikk og vilkårene for fag- og utviklingsarbeid i tjenestene." in words


def test_the_gap_is_on_the_pages_of_a_failing_plan(printed):
    words = " ".join(" ".join(printed["failing"]).split())
    assert "ingen emner eller praksisperioder dekker dette læringsutbyttet" in words
    assert "13f" in words and "16c" in words


def test_the_matrix_of_a_workbook_opens_in_the_browser(tmp_path):
    html = tmp_path / "matrix.html"
    made = render_workbook_matrix(tmp_path / "plan.xlsx", html)
    assert made.returncode == 0, made.stderr
    page = finish(start(html, tmp_path / "profile", tmp_path / "matrix.png"))
    assert page.returncode == 0 and page.console == [], page.stderr[-2000:]
    assert "Σ PHR4001M" in page.dom and page.dom.count('data-outcome="') == 49
    assert (tmp_path / "matrix.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
