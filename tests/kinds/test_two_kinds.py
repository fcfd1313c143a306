"""Two document kinds side by side: the study programme and a minimal test kind (tests/kinds/minimal/).

A rules file declares its kind; the checker picks rulesets by the document's
`format`, a folder walk accepts every registered format, and adding a kind
changes no programme verdict: `--rules DIR` holding the programme's rules and
the test kind's gives every programme file the same report, byte for byte, as
the programme's rules file alone.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from rusplan import kinds
from rusplan.cli import app
from rusplan.kinds import Kind

HERE = Path(__file__).resolve().parent
MINIMAL = HERE / "minimal"
REPO = HERE.parents[1]
BUNDLED = REPO / "rules" / "tverrfaglig-psykisk-helse-rus.yaml"
AS_OF = "2026-01-15"


class ReadingList:
    """The test kind's model: a normalised copy of the data, no study paths."""

    def __init__(self, doc, data: dict) -> None:
        self.doc, self.data, self.paths, self.conversions = doc, data, [], {}


def _build(doc, ruleset, lang: str) -> ReadingList:
    languages = ruleset.vocabularies["languages"]
    books = [dict(book, language=languages.lookup(book["language"]) or book["language"]) for book in doc.data["books"]]
    return ReadingList(doc, dict(doc.data, books=books))


@pytest.fixture
def reading_lists():
    kind = kinds.register(
        Kind(
            name="test-reading-list",
            format="rusplan-test-reading-list/v1",
            schema=str(MINIMAL / "reading-list-v1.schema.json"),
            rules_schema=str(MINIMAL / "rules.schema.json"),
            hooks=SimpleNamespace(build=_build, title=lambda model: (model.data["owner"], "")),
        )
    )
    yield kind
    kinds.unregister(kind.name)


@pytest.fixture
def two_kinds(tmp_path, reading_lists) -> Path:
    """A --rules folder: the programme's rules file and the test kind's."""
    folder = tmp_path / "rules"
    folder.mkdir()
    shutil.copy(BUNDLED, folder / BUNDLED.name)
    shutil.copy(MINIMAL / "reading-list.rules.yaml", folder / "reading-list.yaml")
    return folder


def check(*args) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", *map(str, args), "--as-of", AS_OF, "-j", "1"], catch_exceptions=False)
    return result.exit_code, result.stdout


def by_path(report: dict) -> dict:
    return {entry["path"]: entry for entry in report["files"]}


def test_two_kinds_leave_every_programme_report_byte_identical(two_kinds, examples_dir):
    alone_code, alone = check(examples_dir, "--rules", BUNDLED, "--format", "json")
    both_code, both = check(examples_dir, MINIMAL / "reading-list-fail.yaml", "--rules", two_kinds, "--format", "json")
    alone_files, both_files = by_path(json.loads(alone)), by_path(json.loads(both))
    alone_files = {path: entry for path, entry in alone_files.items() if "/lis/" not in path}  # examples/lis/: LIS plans
    assert len(alone_files) == len(list(examples_dir.glob("*.yaml")))
    for path, entry in alone_files.items():
        assert json.dumps(both_files[path], ensure_ascii=False) == json.dumps(entry, ensure_ascii=False), path
    assert alone_code == both_code == 2  # the LIS plans in examples/lis/ have no rules among these


def test_two_kinds_leave_the_text_report_of_each_programme_unchanged(two_kinds, examples_dir):
    _, alone = check(examples_dir, "--rules", BUNDLED, "--no-color")
    _, both = check(examples_dir, MINIMAL / "reading-list-fail.yaml", "--rules", two_kinds, "--no-color")
    # The per-file blocks, from each file's heading line to the next; the header names both rulesets.
    blocks = alone.split("\n\n")[1:-1]
    assert len(blocks) >= len(list(examples_dir.glob("*.yaml")))
    for block in blocks:
        assert block in both, block.splitlines()[0]


def test_the_test_kinds_document_is_judged_by_its_own_rules_only(two_kinds):
    code, out = check(MINIMAL / "reading-list-fail.yaml", "--rules", two_kinds, "--format", "json")
    [entry] = json.loads(out)["files"]
    assert code == 1
    assert entry["institution"] == "Kari Nordmann"  # the kind's title hook
    assert [(r["rule"], r["status"], r["line"]) for r in entry["results"]] == [("reading-languages", "fail", 5)]
    assert entry["results"][0]["message"] == "'engelsk' er ikke et skandinavisk språk"


def test_a_folder_walk_accepts_every_registered_format_and_skips_the_rest(two_kinds, tmp_path, examples_dir):
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(examples_dir / "compliant.yaml", folder / "programme.yaml")
    (folder / "reading.yaml").write_text((MINIMAL / "reading-list-fail.yaml").read_text(encoding="utf-8").replace("engelsk", "svensk"), encoding="utf-8")
    (folder / "ci.yaml").write_text("jobs: {test: {runs-on: ubuntu-latest}}\n", encoding="utf-8")
    code, out = check(folder, "--rules", two_kinds, "--format", "json")
    verdicts = {Path(p).name: e["verdict"] for p, e in by_path(json.loads(out)).items()}
    assert verdicts == {"programme.yaml": "pass", "reading.yaml": "pass"}
    assert code == 0


def test_a_programme_with_only_another_kinds_rules_cannot_be_checked(reading_lists, examples_dir):
    code, out = check(examples_dir / "compliant.yaml", "--rules", MINIMAL / "reading-list.rules.yaml", "--format", "json", "--lang", "en")
    [entry] = json.loads(out)["files"]
    assert code == 2
    assert [e["code"] for e in entry["errors"]] == ["no-rules-for-kind"]
    lines = (examples_dir / "compliant.yaml").read_text(encoding="utf-8").splitlines()
    assert "'rusplan/v1'" in entry["errors"][0]["message"]
    assert entry["errors"][0]["line"] == next(n for n, text in enumerate(lines, 1) if text.startswith("format:"))


def test_rules_validate_names_both_files(two_kinds):
    result = CliRunner().invoke(app, ["rules", "validate", str(two_kinds)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "reading-list.yaml: valid (1 rules" in result.output
    assert f"{BUNDLED.name}: valid (16 rules, 49 outcomes)" in result.output


def test_an_unknown_kind_is_refused_where_it_is_written(tmp_path, reading_lists):
    text = (MINIMAL / "reading-list.rules.yaml").read_text(encoding="utf-8").replace("kind: test-reading-list", "kind: test-reading-lists")
    (tmp_path / "typo.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["rules", "validate", str(tmp_path / "typo.yaml")], catch_exceptions=False)
    assert result.exit_code == 2
    [line] = result.output.strip().splitlines()
    assert line.startswith(f"{tmp_path / 'typo.yaml'}:3:7: ")
    assert "'test-reading-lists'" in line and "'test-reading-list'" in line  # the kind written, and the one meant


def test_the_test_kinds_rules_may_not_use_the_programmes_own_functions(tmp_path, reading_lists):
    text = (MINIMAL / "reading-list.rules.yaml").read_text(encoding="utf-8")
    text = text.replace("then: {function: all-in, options: {vocabulary: languages, where: {scandinavian: true}}}", "then: {function: precedes, options: {earlier: [1], later: [2]}}")
    (tmp_path / "borrowed.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["rules", "validate", str(tmp_path / "borrowed.yaml")], catch_exceptions=False)
    assert result.exit_code == 2
    # The kind's meta-schema lists only the generic functions and the kind's own (issue 13: generated from the registry).
    [line] = result.output.strip().splitlines()
    assert line.startswith(f"{tmp_path / 'borrowed.yaml'}:") and "'precedes'" in line and "compare" in line


def test_a_second_programme_ruleset_reads_the_file_as_written(tmp_path, examples_dir):
    """The bug of issue 13: the model added `weeks` beside `hours` in the loaded data, so a second
    ruleset's schema check refused the valid hours-only file ("give either 'weeks' or 'hours')."""
    folder = tmp_path / "rules"
    folder.mkdir()
    shutil.copy(BUNDLED, folder / "a.yaml")
    # The same regulation under other rule ids (two files may not share an id).
    head, rules = BUNDLED.read_text(encoding="utf-8").split("\nrules:\n")
    (folder / "b.yaml").write_text(head + "\nrules:\n" + rules.replace("  - id: ", "  - id: second-"), encoding="utf-8")
    plan = examples_dir / "compliant-hours-nynorsk.yaml"
    alone_code, alone = check(plan, "--rules", BUNDLED, "--format", "json")
    both_code, both = check(plan, "--rules", folder, "--format", "json")
    [one], [two] = json.loads(alone)["files"], json.loads(both)["files"]
    assert alone_code == both_code == 0
    assert two["errors"] == []
    first = [r for r in two["results"] if not r["rule"].startswith("second-")]
    second = [dict(r, rule=r["rule"].removeprefix("second-")) for r in two["results"] if r["rule"].startswith("second-")]
    assert first == one["results"] == second
    assert "(omregnet fra timer: 225 t ÷ 37,5 t/uke = 6 uker)" in next(r["message"] for r in second if r["rule"] == "practice-weeks")


def test_two_kinds_change_only_the_html_reports_list_of_regulations(two_kinds, examples_dir):
    """A report names the regulations applied to its files: rules of a kind no file in the run has leave
    the HTML report byte-identical; with a file of that kind, the introduction names both regulations."""
    alone = check(examples_dir, "--rules", BUNDLED, "--format", "html")[1]
    both = check(examples_dir, "--rules", two_kinds, "--format", "html")[1]
    assert both == alone
    mixed = check(examples_dir / "compliant.yaml", MINIMAL / "reading-list-fail.yaml", "--rules", two_kinds, "--format", "html")[1]
    lead = next(line for line in mixed.splitlines() if 'class="lead' in line)
    assert "Leselisteforskriften (testregler)" in lead and "Forskrift om nasjonal retningslinje" in lead, lead
