"""The command line end to end, as a coordinator or a CI job runs it."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys

import pytest
import yaml

from rusplan import messages
from rusplan.core.ruleset import load_rulesets

AS_OF = "2026-01-15"
RULESET = load_rulesets()[0]
RULE_IDS = [rule.id for rule in RULESET.rules]


@pytest.fixture(scope="module")
def cli(run_cli):
    """run_cli that also asserts what every run must honour: no traceback, ever."""

    def run(*args, **kwargs):
        result = run_cli(*args, **kwargs)
        assert "Traceback" not in result.output, str(result)
        return result

    return run


def one_line_on_stderr(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, str(result)
    return lines[0]


# --- check ----------------------------------------------------------------------


def test_readme_command_passes_the_compliant_example(cli):
    result = cli("check", "examples/compliant.yaml")
    assert result.returncode == 0, str(result)
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("examples/compliant.yaml: " + messages.text("verdict-pass", "nb")), str(result)
    for rule_id in RULE_IDS:
        assert re.search(rf"^\s+\S+ {messages.text('status-pass', 'nb')}\s+{rule_id}\s", result.stdout, re.M), rule_id


def test_python_dash_m_help(cli):
    result = cli("--help")
    assert result.returncode == 0, str(result)
    for command in ("check", "rules", "explain", "outcomes", "schema"):
        assert command in result.stdout


def test_json_report_has_the_documented_keys(cli):
    result = cli("check", "examples/fail-practice-weeks.yaml", "--as-of", AS_OF, "--format", "json")
    assert result.returncode == 1, str(result)
    doc = result.json()
    assert set(doc) >= {"files", "summary"}
    [file] = doc["files"]
    assert set(file) >= {"path", "verdict", "results", "errors"}
    assert file["path"] == "examples/fail-practice-weeks.yaml"
    assert file["verdict"] == "fail"
    assert file["errors"] == []
    assert [r["rule"] for r in file["results"]] == RULE_IDS
    for r in file["results"]:
        assert set(r) >= {"rule", "status", "severity", "section", "message", "line", "column"}
        assert r["status"] in ("pass", "fail", "warn", "skip")
        assert r["severity"] in ("error", "warning")
        assert isinstance(r["line"], int) and isinstance(r["column"], int)
    [weeks] = [r for r in file["results"] if r["rule"] == "practice-weeks"]
    assert (weeks["status"], weeks["section"]) == ("fail", "§ 21")
    assert weeks["line"] > 0 and weeks["column"] > 0
    assert re.search(r"\b3\b", weeks["message"]) and re.search(r"\b4\b", weeks["message"])
    assert doc["summary"]["files"] == 1


def test_json_report_of_a_file_that_cannot_be_checked(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: rusplan/v1\nprogramme: [\n", encoding="utf-8")
    result = cli("check", bad, "--format", "json")
    assert result.returncode == 2, str(result)
    [file] = result.json()["files"]
    assert file["verdict"] == "invalid"
    assert file["results"] == []
    [error] = file["errors"]
    assert error["message"] and error["line"] >= 2 and error["column"] >= 1


def test_output_is_deterministic(cli):
    args = ("check", "examples/fail-credits-sum.yaml", "--as-of", AS_OF, "--format", "json")
    assert cli(*args).stdout == cli(*args).stdout


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_lang_chooses_the_language_of_messages(cli, lang):
    result = cli("check", "examples/fail-practice-weeks.yaml", "--as-of", AS_OF, "--lang", lang)
    assert result.returncode == 1
    expected = {"nb": "praksis utgjør 3 uker; § 21 krever minst 4", "en": "practice totals 3 weeks; § 21 requires at least 4"}
    assert expected[lang] in result.stdout
    other = "en" if lang == "nb" else "nb"
    assert expected[other] not in result.stdout
    assert messages.text("verdict-fail", lang) in result.stdout.splitlines()[-1]
    # the regulation is quoted in Norwegian whatever the language
    assert "«I utdanningen skal det inngå praksis" in result.stdout


def test_select_reports_only_the_chosen_rules(cli):
    result = cli("check", "examples/fail-practice-weeks.yaml", "--as-of", AS_OF, "--format", "json", "--select", "credits-total,credits-sum")
    assert result.returncode == 0, str(result)
    assert [r["rule"] for r in result.json()["files"][0]["results"]] == ["credits-total", "credits-sum"]


def test_ignore_leaves_out_a_failing_rule(cli):
    result = cli("check", "examples/fail-practice-weeks.yaml", "--as-of", AS_OF, "--format", "json", "--ignore", "practice-weeks")
    assert result.returncode == 0, str(result)
    rules = [r["rule"] for r in result.json()["files"][0]["results"]]
    assert rules == [r for r in RULE_IDS if r != "practice-weeks"]


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_rule_in_select_or_ignore_is_a_usage_error(cli, option):
    result = cli("check", "examples/compliant.yaml", option, "practise-weeks")
    assert result.returncode == 2, str(result)
    assert "practise-weeks" in one_line_on_stderr(result)
    assert result.stdout == ""


def test_strict_turns_warnings_into_failures(cli):
    assert cli("check", "examples/warn-areas-order.yaml", "--as-of", AS_OF).returncode == 0
    result = cli("check", "examples/warn-areas-order.yaml", "--as-of", AS_OF, "--strict")
    assert result.returncode == 1, str(result)
    assert messages.text("verdict-fail", "nb") in result.stdout.splitlines()[-1]


def test_missing_file_is_a_located_one_line_reason(cli):
    result = cli("check", "no-such-programme.yaml")
    assert result.returncode == 2, str(result)
    reason = messages.text("not-found", "nb")
    assert [l for l in result.output.splitlines() if "no-such-programme.yaml" in l and reason in l], str(result)


def test_bad_as_of_is_a_usage_error(cli):
    result = cli("check", "examples/compliant.yaml", "--as-of", "notadate")
    assert result.returncode == 2, str(result)
    assert "notadate" in one_line_on_stderr(result)
    assert result.stdout == ""


def test_folder_run_checks_every_example_and_ends_with_a_table(cli, examples_dir):
    result = cli("check", "examples", "--as-of", AS_OF)
    assert result.returncode == 1, str(result)
    lines = result.stdout.splitlines()
    header = [i for i, l in enumerate(lines) if l.startswith("Institusjon")]
    assert header, str(result)
    table = lines[header[-1]:]
    names = sorted(p.name for p in examples_dir.glob("*.yaml"))
    assert len(names) >= 10
    for name in names:
        rows = [row for row in table if row.rstrip().endswith(f"examples/{name}")]
        assert len(rows) == 1, f"{name} not in the summary table"
    # examples/lis/ holds LIS plans: a folder run checks both kinds of document
    assert len([row for row in table if "examples/lis/" in row]) == len(list((examples_dir / "lis").glob("*.yaml")))
    [compliant] = [row for row in table if row.rstrip().endswith("examples/compliant.yaml")]
    assert messages.text("verdict-pass", "nb") in compliant
    [failed] = [row for row in table if row.rstrip().endswith("/fail-practice-weeks.yaml")]
    assert messages.text("verdict-fail", "nb") in failed


# --- rules, explain, outcomes, schema ----------------------------------------------


def test_rules_lists_the_sixteen_rules(cli):
    result = cli("rules")
    assert result.returncode == 0, str(result)
    listed = [line.split()[0] for line in result.stdout.splitlines() if line.strip()]
    # the study programme's rules first, then the LIS plan's (rules/ holds both kinds)
    assert listed[:16] == RULE_IDS
    assert listed[16:] == [r.id for rs in load_rulesets() if rs.kind == "lis-plan" for r in rs.rules]
    assert re.search(r"^practice-weeks\s+§ 21\s+error\s", result.stdout, re.M)
    assert re.search(r"^areas-order\s+§ 20\s+warning\s", result.stdout, re.M)


def test_explain_shows_the_quote_and_both_examples(cli):
    rule = RULESET.rule("practice-weeks")
    result = cli("explain", "practice-weeks")
    assert result.returncode == 0, str(result)
    assert "minimum fire uker totalt" in rule.quote
    assert f"«{rule.quote}»" in result.stdout
    assert "§ 21" in result.stdout
    for snippet in (rule.examples["pass"], rule.examples["fail"]):
        for line in snippet.splitlines():
            assert line in result.stdout


def test_explain_unknown_rule_is_a_usage_error(cli):
    result = cli("explain", "nope")
    assert result.returncode == 2, str(result)
    assert "nope" in one_line_on_stderr(result)


def test_outcomes_of_area_1(cli):
    result = cli("outcomes", "--area", "1")
    assert result.returncode == 0, str(result)
    ids = re.findall(r"^\s+(\d+[a-z])\s", result.stdout, re.M)
    assert ids == ["4a", "4b", "4c", "4d", "4e", "4f", "4g", "5a", "5b", "6a"]
    assert RULESET.outcomes["4a"]["text"] in result.stdout
    assert RULESET.outcomes["7a"]["text"] not in result.stdout
    assert re.search(r"^\s+6a\s+\[Generell kompetanse\] ", result.stdout, re.M)  # the category in words, not its id


def test_schema_is_json_that_accepts_the_compliant_example(cli, examples_dir):
    from jsonschema import Draft202012Validator

    result = cli("schema")
    assert result.returncode == 0, str(result)
    schema = json.loads(result.stdout)
    Draft202012Validator.check_schema(schema)
    data = yaml.safe_load((examples_dir / "compliant.yaml").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(data)) == []
    data["programme"]["credit"] = 60
    assert list(Draft202012Validator(schema).iter_errors(data))


def test_a_reader_that_stops_early_gets_no_traceback(rusplan_env, examples_dir, tmp_path):
    # `rusplan check examples/ | head -1`: the pipe closes while two workers
    # still send results; rusplan must stop them quietly and leave no process behind.
    folder = tmp_path / "many"
    folder.mkdir()
    text = (examples_dir / "compliant.yaml").read_text(encoding="utf-8")
    for i in range(300):  # enough that the workers are still busy when the pipe closes
        (folder / f"p{i:03}.yaml").write_text(text, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "rusplan", "check", str(folder), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=rusplan_env,
        start_new_session=True,  # rusplan and its workers in one process group, to clean up
    )
    first = b"".join(proc.stdout.readline() for _ in range(3))  # the ruleset's status line, a blank line, the first file
    proc.stdout.close()
    proc.stdout = None
    try:
        # stderr ends only when every process holding it has ended, orphaned workers included.
        _, stderr = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        raise AssertionError("rusplan or one of its workers kept running after the reader left") from None
    assert b"p000.yaml" in first
    # 141 = 128 + SIGPIPE, what a shell reports for a program the closed pipe ended
    # (never 0, 1 or 2: the run did not finish, so there is no verdict), and not a word on stderr.
    assert proc.returncode == 141, proc.returncode
    assert stderr == b"", stderr.decode(errors="replace")[-2000:]
