"""`rusplan check --format html`: one self-contained, printable accreditation report."""

from __future__ import annotations

import re
import subprocess
import sys
from html import escape, unescape

import pytest

from rusplan import messages
from rusplan.core.ruleset import load_rulesets

AS_OF = "2026-01-15"
RULESET = load_rulesets()[0]
INJECTED = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def report(run_cli, tmp_path_factory):
    """`report(*files, lang="en") -> (CliResult, html)`, each command line run once per module."""
    folder = tmp_path_factory.mktemp("html")
    seen: dict = {}

    def make(*files, lang: str = "en"):
        key = (files, lang)
        if key not in seen:
            out = folder / f"report-{len(seen)}.html"
            result = run_cli("check", *files, "--format", "html", "--output", out, "--as-of", AS_OF, "--lang", lang)
            assert "Traceback" not in result.output, str(result)
            seen[key] = (result, out.read_text(encoding="utf-8") if out.exists() else "")
        return seen[key]

    return make


def test_compliant_report_has_verdict_rules_and_quotes(report):
    result, page = report("examples/compliant.yaml")
    assert result.returncode == 0, str(result)
    assert result.stdout == ""  # the report went to the file
    assert f'<span class="verdict pass">{messages.text("verdict-pass", "en")}</span>' in page
    for rule in RULESET.rules:
        assert f'data-rule="{rule.id}"' in page, rule.id
        assert escape(rule.quote) in page, rule.id
    assert page.count('<span class="badge pass">') == len(RULESET.rules)


def test_report_shows_all_outcomes_courses_and_metadata(report):
    _, page = report("examples/compliant.yaml")
    for outcome in RULESET.outcomes:
        assert f'data-outcome="{outcome}"' in page, outcome
    for code in ("PHR1001", "PHR1002", "PHR2001", "PHR3001", "PHR4001*", "PHR4001M*"):
        assert f"<span>{code}</span>" in page, code
    assert "<svg class=\"timeline\"" in page
    text = unescape(page)
    for value in ("Høgskolen i Fjordane", "PHR60", "2024-autumn", "2 periods, 6 weeks", messages.text("meta-professions", "en")):
        assert value in text, value


def test_report_says_13f_is_uncovered(report, without_13f):
    result, page = report(str(without_13f))
    assert result.returncode == 1, str(result)
    assert f'<span class="verdict fail">{messages.text("verdict-fail", "en")}</span>' in page
    assert '<tr class="uncovered" data-outcome="13f">' in page
    assert messages.text("matrix-uncovered-list", "en", count=1, ids="13f") in unescape(page)
    row = page[page.index('data-rule="learning-outcomes"') :]
    row = row[: row.index("</tr>")]
    assert "13f" in row and f"{without_13f}:" in row


def test_programme_text_is_escaped(report, programme_variant):
    injected = programme_variant({"    name: Relasjon, kommunikasjon og samhandling\n": f'    name: "{INJECTED}"\n'})
    result, page = report(str(injected))
    assert result.returncode == 0, str(result)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page


def test_no_network_resources(report):
    _, page = report("examples/compliant.yaml")
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?\s*(?:[a-z]+:)?//""", page, re.I)
    assert "http://" not in page and "https://" not in page
    assert "@import" not in page and "url(" not in page
    assert "<script" not in page and "<link" not in page


def test_printable_on_a4(report):
    _, page = report("examples/compliant.yaml")
    assert re.search(r"@page\s*\{[^}]*size:\s*A4", page)
    assert "@media print" in page


def test_norwegian_and_english(report):
    _, nb = report("examples/compliant.yaml", lang="nb")
    _, en = report("examples/compliant.yaml")
    assert '<html lang="nb">' in nb and '<html lang="en">' in en
    assert f"<h1>{messages.text('report-title', 'nb')}</h1>" in nb
    assert f'<span class="verdict pass">{messages.text("verdict-pass", "nb")}</span>' in nb
    assert f"<h1>{messages.text('report-title', 'en')}</h1>" in en


def test_several_files_one_section_each_and_unreadable_files_show_why(report, tmp_path_factory):
    broken = tmp_path_factory.mktemp("html-broken") / "broken.yaml"
    broken.write_text("format: rusplan/v1\nprogramme: [\n", encoding="utf-8")
    result, page = report("examples/compliant.yaml", "examples/fail-practice-weeks.yaml", str(broken))
    assert result.returncode == 2, str(result)
    sections = dict(re.findall(r'<section class="file" data-verdict="(\w+)">\s*<h2>([^<]*)</h2>', page))
    assert sections == {"pass": "examples/compliant.yaml", "fail": "examples/fail-practice-weeks.yaml", "invalid": str(broken)}
    assert re.search(rf'<span class="loc">{re.escape(str(broken))}:\d+:\d+</span>', page)
    assert messages.text("batch-total", "en", files=3, passed=1, failed=1, invalid=1) in page


def test_same_input_same_bytes(report, run_cli, tmp_path):
    _, first = report("examples/compliant.yaml")
    out = tmp_path / "again.html"
    run_cli("check", "examples/compliant.yaml", "--format", "html", "--output", out, "--as-of", AS_OF, "--lang", "en")
    assert out.read_text(encoding="utf-8") == first


@pytest.mark.parametrize("command", [("check", "examples/compliant.yaml"), ("matrix", "examples/compliant.yaml")])
def test_without_jinja2_html_says_what_to_install(command, repo_root, rusplan_env):
    # Jinja2 is a dependency, but an install can lack it; a None entry in sys.modules makes `import jinja2` fail.
    script = f"import sys; sys.modules['jinja2'] = None; sys.argv = ['rusplan', *{list(command)!r}, '--format', 'html']; from rusplan.cli import main; main()"
    proc = subprocess.run([sys.executable, "-c", script], cwd=repo_root, env=rusplan_env, capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == "" and "Traceback" not in proc.stderr
    assert proc.stderr.strip() == "rusplan: " + messages.text("needs-jinja", "nb")
