"""The machine-readable formats as CI reads them: content, not only syntax.

Every report here comes from the CLI in a subprocess (`python -m rusplan`),
with --as-of fixed.  Expected lines and columns are found independently, by
searching the example file's text for the node a finding is about.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml

import rusplan
from prerequisites import require
from rusplan import messages
from rusplan.reporters import FORMATS
from rusplan.core.ruleset import load_rulesets

AS_OF = "2026-01-15"
REPO = Path(__file__).resolve().parents[1]
SARIF_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json"
REPORT_SCHEMA = REPO / "src" / "rusplan" / "schema" / "schemas" / "report-v2.schema.json"
RULESET = load_rulesets()[0]
RULE_IDS = [rule.id for rule in RULESET.rules]

# (example, the rule it breaks, regex whose group `at` starts the node the finding points at)
FAILING = [
    ("fail-practice-weeks.yaml", "practice-weeks", r"^(?P<at>practice):"),
    ("fail-credits-sum.yaml", "credits-sum", r"^(?P<at>courses):"),
    ("fail-practice-kind.yaml", "practice-kind", r"^    kind: (?P<at>observation)$"),
    ("fail-admission-professions.yaml", "admission-professions", r"^  professions: (?P<at>\[)"),
]
WAIVER = "\nwaivers:\n  - rule: practice-weeks\n    reason: {reason}\n    expires: {expires}\nagreements:"


def position(text: str, pattern: str) -> tuple[int, int]:
    """1-based (line, column) where `pattern`'s group `at` starts in `text`; exactly one match."""
    found = list(re.finditer(pattern, text, re.M))
    assert len(found) == 1, f"{pattern!r} matches {len(found)} times"
    start = found[0].start("at")
    return text.count("\n", 0, start) + 1, start - (text.rfind("\n", 0, start) + 1) + 1


def example_position(name: str, pattern: str) -> tuple[int, int]:
    return position((REPO / "examples" / name).read_text(encoding="utf-8"), pattern)


def section(rule_id: str) -> str:
    return RULESET.rule(rule_id).section


@pytest.fixture(scope="module")
def run(run_cli):
    """`run(*args)`: the CLI's result, memoised (the same run is read by several tests); never a traceback."""

    @functools.lru_cache(maxsize=None)
    def cached(*args, cwd=None):
        result = run_cli(*args, cwd=cwd)
        assert "Traceback" not in result.output, str(result)
        return result

    return cached


def check(run, fmt: str, *paths: str, extra: tuple = ()):
    return run("check", *paths, "--as-of", AS_OF, "--format", fmt, *extra)


@pytest.fixture(scope="module")
def sarif_validator():
    require(SARIF_SCHEMA.is_file(), f"official SARIF 2.1.0 schema not found at {SARIF_SCHEMA}; SARIF is not validated")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


@pytest.fixture(scope="module")
def report_validator():
    schema = json.loads(REPORT_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def valid_sarif(result, validator) -> dict:
    doc = json.loads(result.stdout)
    errors = sorted(validator.iter_errors(doc), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])
    return doc


@pytest.fixture
def waived_variant(programme_variant):
    """fail-practice-weeks.yaml with a waiver for practice-weeks; returns the file's folder and name."""

    def make(reason: str = "Ny avtale signeres i mars", expires: str = "2026-06-30"):
        path = programme_variant(
            {"\nagreements:": WAIVER.format(reason=json.dumps(reason, ensure_ascii=False), expires=expires)},
            source="fail-practice-weeks.yaml",
            name="waived.yaml",
        )
        return path.parent, path.name

    return make


# --- SARIF -------------------------------------------------------------------------


@pytest.mark.parametrize("example, rule_id, node", FAILING)
def test_sarif_locates_the_failing_node(run, sarif_validator, example, rule_id, node):
    result = check(run, "sarif", f"examples/{example}")
    assert result.returncode == 1, str(result)
    doc = valid_sarif(result, sarif_validator)
    [sarif_run] = doc["runs"]
    driver = sarif_run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("rusplan", rusplan.__version__)
    assert driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    assert [r["id"] for r in rules][: len(RULE_IDS)] == RULE_IDS
    assert "input-error" in [r["id"] for r in rules]
    [found] = sarif_run["results"]
    assert (found["ruleId"], found["level"]) == (rule_id, "error")
    assert rules[found["ruleIndex"]]["id"] == rule_id
    location = found["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": f"examples/{example}", "uriBaseId": "%SRCROOT%"}
    line, column = example_position(example, node)
    assert (location["region"]["startLine"], location["region"]["startColumn"]) == (line, column)
    descriptor = rules[found["ruleIndex"]]
    assert descriptor["defaultConfiguration"]["level"] == "error"
    assert descriptor["properties"]["section"] == section(rule_id)
    for help_text in (descriptor["help"]["text"], descriptor["help"]["markdown"]):
        assert section(rule_id) in help_text and RULESET.rule(rule_id).quote in help_text


def test_sarif_rule_help_follows_lang_and_quotes_stay_norwegian(run, sarif_validator):
    rule = RULESET.rule("practice-weeks")
    for lang in ("nb", "en"):
        doc = valid_sarif(check(run, "sarif", "examples/compliant.yaml", extra=("--lang", lang)), sarif_validator)
        [descriptor] = [r for r in doc["runs"][0]["tool"]["driver"]["rules"] if r["id"] == rule.id]
        assert descriptor["shortDescription"]["text"] == rule.title[lang]
        assert descriptor["fullDescription"]["text"] == rule.description[lang]
        assert rule.quote in descriptor["help"]["text"]


def test_sarif_of_the_compliant_example_has_no_results(run, sarif_validator):
    result = check(run, "sarif", "examples/compliant.yaml")
    assert result.returncode == 0, str(result)
    assert valid_sarif(result, sarif_validator)["runs"][0]["results"] == []


def test_sarif_over_the_examples_folder(run, sarif_validator):
    result = check(run, "sarif", "examples/")
    assert result.returncode == 1, str(result)
    assert str(REPO) not in result.stdout, "SARIF must carry no absolute paths"
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:", result.stdout), "SARIF must carry no timestamps"
    [sarif_run] = valid_sarif(result, sarif_validator)["runs"]
    found: dict[str, list] = {}
    for item in sarif_run["results"]:
        found.setdefault(item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], []).append(item)
    for path in sorted((REPO / "examples").glob("*.yaml")):
        items = found.get(f"examples/{path.name}", [])
        if path.name.startswith("compliant"):
            assert items == [], path.name
        elif path.name.startswith("fail-"):
            rule_id = path.stem[len("fail-") :]
            assert rule_id in {i["ruleId"] for i in items}, path.name
            assert all(i["level"] == "error" for i in items)
        else:  # warn-<rule>.yaml
            assert [(i["ruleId"], i["level"]) for i in items] == [(path.stem[len("warn-") :], "warning")]
    assert list(found) == sorted(found), "results are ordered by path"


def test_sarif_file_that_cannot_be_checked_is_an_input_error(run_cli, sarif_validator, tmp_path):
    (tmp_path / "broken.yaml").write_text("format: rusplan/v1\nprogramme: {}\nformat: rusplan/v1\n", encoding="utf-8")
    result = run_cli("check", "broken.yaml", "missing.yaml", "--as-of", AS_OF, "--format", "sarif", cwd=tmp_path)
    assert result.returncode == 2, str(result)
    doc = valid_sarif(result, sarif_validator)
    regions = {
        i["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: (i["ruleId"], i["level"], i["locations"][0]["physicalLocation"]["region"])
        for i in doc["runs"][0]["results"]
    }
    assert set(regions) == {"broken.yaml", "missing.yaml"}
    rule_id, level, region = regions["broken.yaml"]
    assert (rule_id, level) == ("input-error", "error")
    assert (region["startLine"], region["startColumn"]) == (3, 1)  # the duplicate key
    # A file with no position at all still gets a valid region.
    assert regions["missing.yaml"][2] == {"startLine": 1, "startColumn": 1}


def test_sarif_waived_failure_is_an_external_suppression(run_cli, sarif_validator, waived_variant):
    folder, name = waived_variant(reason="Ny praksisavtale signeres i mars")
    result = run_cli("check", name, "--as-of", AS_OF, "--format", "sarif", cwd=folder)
    assert result.returncode == 0, str(result)
    [found] = valid_sarif(result, sarif_validator)["runs"][0]["results"]
    assert found["ruleId"] == "practice-weeks"
    assert found["suppressions"] == [{"kind": "external", "status": "accepted", "justification": "Ny praksisavtale signeres i mars"}]


def test_sarif_expired_waiver_is_a_result_of_its_own(run_cli, sarif_validator, waived_variant):
    folder, name = waived_variant(expires="2025-12-31")
    result = run_cli("check", name, "--as-of", AS_OF, "--format", "sarif", cwd=folder)
    assert result.returncode == 1, str(result)
    [sarif_run] = valid_sarif(result, sarif_validator)["runs"]
    by_rule = {i["ruleId"]: i for i in sarif_run["results"]}
    assert set(by_rule) == {"practice-weeks", "waiver"}
    assert "suppressions" not in by_rule["practice-weeks"]
    text = (folder / name).read_text(encoding="utf-8")
    line, column = position(text, r"^  - (?P<at>rule): practice-weeks")
    region = by_rule["waiver"]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (line, column)
    assert sarif_run["tool"]["driver"]["rules"][by_rule["waiver"]["ruleIndex"]]["id"] == "waiver"


# --- JUnit -------------------------------------------------------------------------


def junit(result) -> ET.Element:
    root = ET.fromstring(result.stdout)
    assert root.tag == "testsuites"
    return root


def failed_rules(json_result) -> dict[str, set]:
    return {f["path"]: {r["rule"] for r in f["results"] if r["status"] == "fail"} for f in json_result.json()["files"]}


@pytest.mark.parametrize("example, rule_id, node", FAILING)
def test_junit_failure_carries_message_location_and_section(run, example, rule_id, node):
    result = check(run, "junit", f"examples/{example}")
    assert result.returncode == 1, str(result)
    root = junit(result)
    [suite] = root.findall("testsuite")
    assert suite.get("name") == f"examples/{example}"
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [f"{r} ({section(r)})" for r in RULE_IDS]
    assert {c.get("classname") for c in cases} == {"rusplan.PHR60"}
    failures = suite.findall("testcase/failure")
    assert suite.get("failures") == root.get("failures") == str(len(failures)) == "1"
    assert suite.get("tests") == str(len(RULE_IDS))
    [failure] = failures
    assert failure.get("type") == rule_id
    line, column = example_position(example, node)
    assert f"examples/{example}:{line}:{column}" in failure.text
    assert section(rule_id) in failure.text and RULESET.rule(rule_id).quote in failure.text
    json_result = check(run, "json", f"examples/{example}")
    [message] = [r["message"] for r in json_result.json()["files"][0]["results"] if r["status"] == "fail"]
    assert failure.get("message").startswith(message)


def test_junit_over_the_folder_counts_one_failure_per_failed_rule(run):
    result = check(run, "junit", "examples/")
    assert result.returncode == 1, str(result)
    expected = failed_rules(check(run, "json", "examples/"))
    root = junit(result)
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == sorted(expected)
    for suite in suites:
        failed = {case.get("name").split(" ")[0] for case in suite.findall("testcase") if case.find("failure") is not None}
        assert failed == expected[suite.get("name")], suite.get("name")
        assert suite.get("failures") == str(len(failed))
    assert root.get("failures") == str(sum(len(rules) for rules in expected.values()))
    # One example breaks two rules: the count is per rule, not per file.
    assert len(expected["examples/fail-competence-areas.yaml"]) == 2


def test_junit_warning_passes_with_a_note_unless_strict(run):
    example = "warn-areas-order.yaml"
    line, column = example_position(example, r"^  - (?P<at>code): PHR1002$")
    relaxed = check(run, "junit", f"examples/{example}")
    assert relaxed.returncode == 0, str(relaxed)
    [case] = [c for c in junit(relaxed).iter("testcase") if c.get("name").startswith("areas-order ")]
    assert case.find("failure") is None
    assert f"examples/{example}:{line}:{column}" in case.find("system-out").text
    strict = check(run, "junit", f"examples/{example}", extra=("--strict",))
    assert strict.returncode == 1, str(strict)
    root = junit(strict)
    assert root.get("failures") == "1"
    [failure] = root.iter("failure")
    assert failure.get("type") == "areas-order"


def test_junit_rules_out_of_scope_are_skipped(run):
    result = check(run, "junit", "examples/fail-transition.yaml")
    root = junit(result)
    skipped = [c.get("name").split(" ")[0] for c in root.iter("testcase") if c.find("skipped") is not None]
    assert skipped == [r for r in RULE_IDS if r != "transition"]
    assert root.get("skipped") == str(len(skipped)) and root.get("failures") == "1"


def test_junit_file_that_cannot_be_checked_is_one_input_error(run_cli, tmp_path):
    (tmp_path / "other.yaml").write_text("format: something-else\n", encoding="utf-8")
    result = run_cli("check", "other.yaml", "--as-of", AS_OF, "--format", "junit", cwd=tmp_path)
    assert result.returncode == 2, str(result)
    root = junit(result)
    [case] = root.iter("testcase")
    assert (case.get("name"), case.get("classname")) == ("input", "rusplan.other")
    error = case.find("error")
    assert error.get("type") == "not-a-programme" and error.text.startswith("other.yaml:1:")
    assert (root.get("errors"), root.get("failures")) == ("1", "0")


def test_junit_has_no_timestamps_or_hostnames(run):
    root = junit(check(run, "junit", "examples/"))
    for element in root.iter():
        assert not {"timestamp", "hostname", "time"} & set(element.attrib), element.tag


# --- JSON ----------------------------------------------------------------------------


@pytest.mark.parametrize("paths", [("examples/compliant.yaml",), ("examples/fail-practice-weeks.yaml",), ("examples/",)])
def test_json_report_validates_against_its_schema(run, report_validator, paths):
    doc = check(run, "json", *paths).json()
    report_validator.validate(doc)
    assert doc["schema"] == "rusplan/report/v2"


def test_json_report_of_broken_and_waived_files_validates(run_cli, report_validator, waived_variant):
    folder, name = waived_variant()
    (folder / "broken.yaml").write_text("format: rusplan/v1\nprogramme: {code: 1\n", encoding="utf-8")
    result = run_cli("check", name, "broken.yaml", "missing.yaml", "--as-of", AS_OF, "--format", "json", cwd=folder)
    assert result.returncode == 2, str(result)
    doc = result.json()
    report_validator.validate(doc)
    statuses = {f["path"]: {r["status"] for r in f["results"]} for f in doc["files"]}
    assert "waived" in statuses[name]
    assert [f["verdict"] for f in doc["files"]] == ["invalid", "invalid", "pass"]


def test_report_schema_rejects_a_report_missing_a_key(run, report_validator):
    doc = check(run, "json", "examples/fail-credits-sum.yaml").json()
    del doc["files"][0]["results"][1]["line"]
    assert not report_validator.is_valid(doc)


def test_report_schema_docs_copy_is_identical():
    assert (REPO / "docs" / "report-v2.schema.json").read_bytes() == REPORT_SCHEMA.read_bytes()


# --- Markdown ------------------------------------------------------------------------


def table_rows(markdown: str) -> list[list[str]]:
    """Table rows split at unescaped pipes (header and separator rows left out)."""
    rows = []
    for line in markdown.splitlines():
        if line.startswith("| ") and not line.startswith(("|---", f"| {messages.text('col-rule', 'nb')} ", f"| {messages.text('col-rule', 'en')} ")):
            rows.append([c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]])
    return rows


@pytest.mark.parametrize("example, rule_id, node", FAILING)
def test_markdown_table_names_rule_section_and_location(run, example, rule_id, node):
    result = check(run, "markdown", f"examples/{example}")
    assert result.returncode == 1, str(result)
    line, column = example_position(example, node)
    [row] = table_rows(result.stdout)
    assert len(row) == 4
    assert rule_id in row[0] and "❌" in row[0]
    assert row[1] == section(rule_id)
    assert row[2] == f"`examples/{example}:{line}:{column}`"
    assert f"❌ `examples/{example}`" in result.stdout
    assert result.stdout.rstrip().splitlines()[-1].startswith(f"**examples/{example}: {messages.text('verdict-fail', 'nb')}")


def test_markdown_of_the_compliant_example_in_english(run):
    result = check(run, "markdown", "examples/compliant.yaml", extra=("--lang", "en"))
    assert result.returncode == 0, str(result)
    assert f"✅ `examples/compliant.yaml`" in result.stdout
    assert messages.text("verdict-pass", "en") in result.stdout
    assert table_rows(result.stdout) == []


def test_markdown_folder_summary_and_warning_mark(run):
    result = check(run, "markdown", "examples/")
    assert "⚠️ `examples/warn-areas-order.yaml`" in result.stdout
    files = sorted((REPO / "examples").rglob("*.yaml"))  # the programmes, and the LIS plans in examples/lis/
    warnings = {r.id for rs in load_rulesets() for r in rs.rules if r.severity == "warning"}
    passed = sum(not p.name.startswith("fail-") or p.stem[len("fail-"):] in warnings for p in files)
    expected = messages.text("batch-total", "nb", files=len(files), passed=passed, failed=len(files) - passed, invalid=0)
    assert result.stdout.rstrip().splitlines()[-1] == f"**{expected}**"


def test_markdown_escapes_pipes_and_newlines_in_cells(run_cli, waived_variant):
    folder, name = waived_variant(reason="avtale | signeres\nsak <12>")
    result = run_cli("check", name, "--as-of", AS_OF, "--format", "markdown", cwd=folder)
    assert result.returncode == 0, str(result)
    [row] = table_rows(result.stdout)
    assert len(row) == 4, row
    assert row[0].startswith("➖") and "avtale \\| signeres<br>sak &lt;12&gt;" in row[3]


# --- GitHub workflow commands ---------------------------------------------------------


@pytest.mark.parametrize("example, rule_id, node", FAILING)
def test_github_error_annotation_on_the_failing_line(run, example, rule_id, node):
    result = check(run, "github", f"examples/{example}")
    assert result.returncode == 1, str(result)
    line, column = example_position(example, node)
    lines = result.stdout.splitlines()
    [annotation] = [x for x in lines if x.startswith("::")]
    assert annotation.startswith(f"::error file=examples/{example},line={line},col={column},title=rusplan {rule_id} ({section(rule_id)})::")
    assert "\r" not in annotation and "%0A«" in annotation  # the quote follows on its own annotation line
    assert lines[-1].startswith(f"examples/{example}: {messages.text('verdict-fail', 'nb')}")


def test_github_warning_and_nothing_for_passes(run):
    result = check(run, "github", "examples/warn-areas-order.yaml", "examples/compliant.yaml")
    assert result.returncode == 0, str(result)
    annotations = [x for x in result.stdout.splitlines() if x.startswith("::")]
    assert len(annotations) == 1 and annotations[0].startswith("::warning file=examples/warn-areas-order.yaml,line=")
    assert "compliant.yaml" not in annotations[0]


def test_github_escapes_data_and_properties(run_cli, waived_variant, tmp_path):
    folder, name = waived_variant(reason="100% klart\nneste linje")
    result = run_cli("check", name, "--as-of", AS_OF, "--format", "github", cwd=folder)
    [notice] = [x for x in result.stdout.splitlines() if x.startswith("::")]
    assert notice.startswith("::notice file=waived.yaml,")
    # GitHub's escaping of %; a line break from the file is shown as \n (escape.visible), so the
    # annotation stays one line whatever the reason holds.
    assert "100%25 klart\\nneste linje" in notice
    odd = tmp_path / "a,b:c.yaml"
    odd.write_text("format: [\n", encoding="utf-8")
    result = run_cli("check", odd.name, "--format", "github", cwd=tmp_path)
    assert result.returncode == 2, str(result)
    assert result.stdout.startswith("::error file=a%2Cb%3Ac.yaml,line=")


# --- --output and --jobs ----------------------------------------------------------------


def test_output_writes_the_report_and_never_overwrites_without_force(run_cli, tmp_path):
    target = tmp_path / "rusplan.sarif"
    args = ("check", "examples/fail-practice-weeks.yaml", "--as-of", AS_OF, "--format", "sarif", "--output", str(target))
    first = run_cli(*args)
    assert first.returncode == 1, str(first)
    assert first.stdout == ""
    written = target.read_text(encoding="utf-8")
    assert json.loads(written)["runs"][0]["results"][0]["ruleId"] == "practice-weeks"
    target.write_text("keep me", encoding="utf-8")
    refused = run_cli(*args)
    assert refused.returncode == 2, str(refused)
    assert "--force" in refused.stderr and target.read_text(encoding="utf-8") == "keep me"
    forced = run_cli(*args, "--force")
    assert forced.returncode == 1, str(forced)
    assert target.read_text(encoding="utf-8") == written


def _has_reporter(fmt: str) -> bool:
    return importlib.util.find_spec(f"rusplan.reporters.{fmt}_report") is not None


@pytest.mark.parametrize("fmt", FORMATS)
def test_jobs_1_and_4_give_byte_identical_output(run_cli, fmt):
    if not _has_reporter(fmt):
        pytest.skip(f"no reporter module for --format {fmt} yet")
    runs = [
        subprocess.run(
            [sys.executable, "-m", "rusplan", "check", "examples/", "--as-of", AS_OF, "--format", fmt, "--jobs", jobs],
            cwd=REPO,
            capture_output=True,
        )
        for jobs in ("1", "4")
    ]
    assert runs[0].returncode == runs[1].returncode == 1, runs[0].stderr.decode(errors="replace")
    assert runs[0].stdout and runs[0].stdout == runs[1].stdout


# --- pre-commit and docs ------------------------------------------------------------------


def test_pre_commit_hook_definition():
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["entry"], hook["language"]) == ("rusplan", "rusplan check --only-programmes", "python")
    assert "yaml" in hook["types"]
    files = re.compile(hook["files"])
    assert files.search("examples/compliant.yaml") and files.search("programmes/a.yml")
    assert not files.search("README.md")
    # The entry is a real command: its first words name the console script and a subcommand.
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^rusplan = "rusplan\.cli:main"$', pyproject, re.M)


def test_only_programmes_skips_other_yaml_named_on_the_command_line():
    """What the hook relies on: a staged CI config is not a programme and must not block the commit."""
    args = [sys.executable, "-m", "rusplan", "check", "--lang", "en"]
    other = str(REPO / ".pre-commit-hooks.yaml")
    plain = subprocess.run(args + [other], cwd=REPO, capture_output=True, text=True)
    assert plain.returncode == 2 and "not a rusplan programme file" in plain.stdout
    hooked = subprocess.run(args + ["--only-programmes", other, "examples/fail-practice-weeks.yaml"], cwd=REPO, capture_output=True, text=True)
    assert hooked.returncode == 1
    assert "pre-commit-hooks" not in hooked.stdout and "practice-weeks" in hooked.stdout


def _pre_commit() -> list[str] | None:
    if importlib.util.find_spec("pre_commit") is not None:
        return [sys.executable, "-m", "pre_commit"]
    found = shutil.which("pre-commit")
    return [found] if found else None


def _git(*args, cwd):
    subprocess.run(
        ["git", "-c", "user.name=rusplan-test", "-c", "user.email=test@rusplan.invalid", "-c", "commit.gpgsign=false", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def test_pre_commit_try_repo_runs_the_hook(tmp_path):
    pre_commit = _pre_commit()
    if pre_commit is None:
        pytest.skip("pre-commit is not installed (pip install pre-commit to run the hook test); .pre-commit-hooks.yaml is checked by test_pre_commit_hook_definition")
    if shutil.which("git") is None:
        pytest.skip("git is not installed; pre-commit needs it")
    # The hook repository: this project's committed-looking copy, so the test
    # does not depend on the state of the working tree's git index.
    hook_repo = tmp_path / "hook"
    hook_repo.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(REPO / name, hook_repo / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for name in ("src", "rules"):
        shutil.copytree(REPO / name, hook_repo / name, ignore=ignore)
    _git("init", "-q", cwd=hook_repo)
    _git("add", "-A", cwd=hook_repo)
    _git("commit", "-q", "-m", "hook", cwd=hook_repo)
    target = tmp_path / "target"
    (target / "programmes").mkdir(parents=True)
    for name in ("compliant.yaml", "fail-practice-weeks.yaml"):
        shutil.copy2(REPO / "examples" / name, target / "programmes" / name)
    _git("init", "-q", cwd=target)
    _git("add", "-A", cwd=target)
    proc = subprocess.run(
        [*pre_commit, "try-repo", str(hook_repo), "rusplan", "--all-files", "--color", "never"],
        cwd=target,
        capture_output=True,
        text=True,
        env={**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")},
        timeout=600,
    )
    output = proc.stdout + proc.stderr
    if proc.returncode == 3:  # pre-commit's own failure, e.g. no network to install the hook's dependencies
        pytest.skip(f"pre-commit could not set up the hook environment: {output.strip().splitlines()[-3:]}")
    assert proc.returncode == 1, output
    assert re.search(r"^rusplan\.+Failed$", output, re.M), output
    line, column = example_position("fail-practice-weeks.yaml", FAILING[0][2])
    assert f"programmes/fail-practice-weeks.yaml:{line}:{column}:" in output
    assert re.search(rf"{messages.text('verdict-pass', 'nb')}\s+programmes/compliant\.yaml", output), output


def test_ci_guide_snippets_are_valid_yaml_and_use_real_options():
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
    assert len(blocks) >= 4
    for block in blocks:
        yaml.safe_load(block)
    workflow = next(yaml.safe_load(b) for b in blocks if "upload-sarif" in b)
    steps = workflow["jobs"]["rusplan"]["steps"]
    runs = " ".join(s.get("run", "") for s in steps)
    assert "rusplan check programmes/ --format sarif --output rusplan.sarif" in runs and "--format github" in runs
    [upload] = [s for s in steps if "upload-sarif" in s.get("uses", "")]
    assert upload["with"]["sarif_file"] == "rusplan.sarif"
    gitlab = next(yaml.safe_load(b) for b in blocks if "junit:" in b)
    job = gitlab["rusplan"]
    assert job["artifacts"]["reports"]["junit"] in " ".join(job["script"])
    assert "# yaml-language-server: $schema=" in text and "rusplan schema > rusplan-programme.schema.json" in text


def test_machine_readable_reports_name_the_ruleset_by_its_stable_id(run):
    """CI dashboards key on the ruleset's id (JSON rulesets[].id, SARIF rule tags): renaming it breaks them."""
    ruleset_id = "forskrift-tverrfaglig-psykisk-helse-rus"
    report = check(run, "json", "examples/compliant.yaml").json()
    assert [r["id"] for r in report["rulesets"]] == [ruleset_id]
    sarif = check(run, "sarif", "examples/compliant.yaml").json()
    tags = {tag for rule in sarif["runs"][0]["tool"]["driver"]["rules"] for tag in rule["properties"]["tags"]}
    assert ruleset_id in tags
