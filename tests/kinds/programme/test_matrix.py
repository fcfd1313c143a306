"""`rusplan matrix`: the 49 outcomes against every course and practice period, gaps highlighted."""

from __future__ import annotations

import csv
import io
import re

import pytest
import yaml

from rusplan import messages
from rusplan.core.ruleset import load_rulesets

RULESET = load_rulesets()[0]
OUTCOME_IDS = list(RULESET.outcomes)
UNCOVERED = messages.text("matrix-status-uncovered", "en")
PARTIAL = messages.text("matrix-status-partial", "en")
COVERED = messages.text("matrix-status-covered", "en")


@pytest.fixture(scope="module")
def cli(run_cli):
    """run_cli that asserts no traceback and runs each command line once per module."""
    seen: dict = {}

    def run(*args, **kwargs):
        key = (args, tuple(sorted(kwargs.items())))
        if key not in seen:
            result = run_cli(*args, **kwargs)
            assert "Traceback" not in result.output, str(result)
            seen[key] = result
        return seen[key]

    return run


def course_labels(path) -> list[str]:
    """Every course code in the file; options of a choice end in '*'."""
    labels = []
    for item in yaml.safe_load(path.read_text(encoding="utf-8"))["courses"]:
        if "options" in item:
            labels += [o["code"] + "*" for o in item["options"]]
        else:
            labels.append(item["code"])
    return labels


def csv_rows(text: str) -> tuple[list[str], list[dict]]:
    reader = csv.DictReader(io.StringIO(text))
    return reader.fieldnames, list(reader)


# --- the compliant example: everything shown -----------------------------------------


def test_text_shows_all_outcomes_and_courses(cli, examples_dir):
    result = cli("matrix", "examples/compliant.yaml", "--lang", "en")
    assert result.returncode == 0, str(result)
    lines = result.stdout.splitlines()
    for outcome in OUTCOME_IDS:
        assert any(re.match(rf"^\s*{outcome}\s", line) for line in lines), outcome
    headers = [line for line in lines if "PHR1001" in line and "PHR4001M*" in line]
    assert headers, result.stdout
    for label in course_labels(examples_dir / "compliant.yaml"):
        assert label in headers[0].split(), label
    assert messages.text("matrix-all-covered", "en", count=49) in result.stdout
    assert not any(line.startswith(("✗", "~")) for line in lines)


def test_text_fits_in_100_columns_in_norwegian_by_default(cli):
    result = cli("matrix", "examples/compliant.yaml")
    assert result.returncode == 0, str(result)
    assert max(len(line) for line in result.stdout.splitlines()) <= 100
    assert messages.text("matrix-outcome", "nb") in result.stdout
    assert messages.text("matrix-all-covered", "nb", count=49) in result.stdout


def test_text_groups_by_area_and_category(cli):
    result = cli("matrix", "examples/compliant.yaml", "--lang", "en")
    areas = RULESET.vocabularies["areas"]
    positions = [result.stdout.index(messages.text("matrix-area", "en", id=a, label=areas.label(a, "en"))) for a in areas.ids]
    assert positions == sorted(positions)
    first_area = result.stdout[positions[0] : positions[1]]
    heads = [first_area.index(messages.text(f"category-{c}", "en")) for c in ("kunnskap", "ferdigheter", "generell-kompetanse")]
    assert heads == sorted(heads)


def test_csv_has_every_outcome_and_every_column_in_semester_order(cli, examples_dir):
    result = cli("matrix", "examples/compliant.yaml", "--format", "csv", "--lang", "en")
    assert result.returncode == 0, str(result)
    header, rows = csv_rows(result.stdout)
    assert [row["outcome"] for row in rows] == OUTCOME_IDS
    assert {row["status"] for row in rows} == {COVERED}
    columns = header[4:-2]
    # semester order: PHR1002 runs over semesters 1-2; practice of semester 3 follows PHR3001
    assert [c.split()[0] for c in columns] == ["PHR1001", "PHR1002", "PHR2001", "PHR3001", "P1", "P2", "PHR4001*", "PHR4001M*"]
    assert set(course_labels(examples_dir / "compliant.yaml")) <= set(columns)
    by_id = {row["outcome"]: row for row in rows}
    assert by_id["4a"]["PHR1001"] == "x" and by_id["4a"]["PHR1002"] == ""
    assert by_id["16a"]["PHR4001*"] == by_id["16a"]["PHR4001M*"] == "x"
    practice = next(c for c in columns if c.startswith("P1 "))
    assert by_id["14c"][practice] == "x"


# --- a programme that misses 13f ------------------------------------------------------


def test_csv_marks_13f_uncovered(cli, without_13f):
    result = cli("matrix", without_13f, "--format", "csv", "--lang", "en")
    assert result.returncode == 0, str(result)
    _, rows = csv_rows(result.stdout)
    by_id = {row["outcome"]: row for row in rows}
    assert len(by_id) == 49
    assert by_id["13f"]["status"] == UNCOVERED and by_id["13f"]["courses"] == "0"
    assert [row["outcome"] for row in rows if row["status"] != COVERED] == ["13f"]


def test_markdown_highlights_13f(cli, without_13f):
    result = cli("matrix", without_13f, "--format", "markdown", "--lang", "en")
    assert result.returncode == 0, str(result)
    [row] = [line for line in result.stdout.splitlines() if "13f" in line and line.startswith("|")]
    assert row.startswith("| ✗ | **13f**") and f"**({UNCOVERED})**" in row
    assert sum(line.startswith("| ✗") for line in result.stdout.splitlines()) == 1
    assert messages.text("matrix-uncovered-list", "en", count=1, ids="13f") in result.stdout


def test_html_highlights_13f(cli, without_13f, tmp_path):
    out = tmp_path / "matrix.html"
    result = cli("matrix", without_13f, "--format", "html", "--output", out, "--lang", "en")
    assert result.returncode == 0, str(result)
    page = out.read_text(encoding="utf-8")
    assert '<tr class="uncovered" data-outcome="13f">' in page
    assert page.count('class="uncovered"') == 1
    assert page.count('<tr class="covered" data-outcome=') == 48


def test_text_marks_13f(cli, without_13f):
    result = cli("matrix", without_13f, "--lang", "en")
    [row] = [line for line in result.stdout.splitlines() if re.match(r"^\S?\s*13f\s", line)]
    assert row.startswith("✗")
    assert messages.text("matrix-uncovered-list", "en", count=1, ids="13f") in result.stdout


def test_one_gap_is_named_in_the_singular(cli, without_13f):
    norwegian = cli("matrix", without_13f, "--lang", "nb").stdout
    english = cli("matrix", without_13f, "--lang", "en").stdout
    assert "1 læringsutbytte er ikke dekket av noe emne eller praksis: 13f" in norwegian  # practice counts (issue 10)
    assert "1 learning outcome is covered by no course or practice: 13f" in english
    assert "1 uke" in norwegian and "1 uker" not in norwegian  # P2, one week of skills training


def test_outcome_on_only_one_study_path_is_partial(cli, programme_variant):
    # PHR4001M (the second option of the choice) no longer covers 16a
    one_option = programme_variant(
        {
            "forskning i psykisk helsearbeid og rusarbeid.\n            covers: [\"16a\"]": "forskning i psykisk helsearbeid og rusarbeid.\n            covers: []"
        }
    )
    result = cli("matrix", one_option, "--format", "markdown", "--lang", "en")
    assert result.returncode == 0, str(result)
    [row] = [line for line in result.stdout.splitlines() if "16a" in line and line.startswith("|")]
    assert row.startswith("| ~ | **16a**") and f"**({PARTIAL})**" in row
    cells = [cell.strip() for cell in row.strip("|").split("|")][2:]
    assert cells[-2:] == ["✓", ""]  # PHR4001*, PHR4001M*
    assert messages.text("matrix-partial-row", "en", id="16a", paths="PHR4001M") in result.stdout


# --- errors and options -----------------------------------------------------------------


def test_a_file_that_cannot_be_read_exits_2_with_located_lines(cli, programme_variant):
    beyond = programme_variant({"    semester: 2\n": "    semester: 9\n"})
    result = cli("matrix", beyond)
    assert result.returncode == 2, str(result)
    assert result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"{beyond}:96:15: ") and "9" in line


def test_broken_yaml_exits_2(cli, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: rusplan/v1\nprogramme: [\n", encoding="utf-8")
    result = cli("matrix", broken)
    assert result.returncode == 2, str(result)
    assert re.match(rf"{re.escape(str(broken))}:\d+:\d+: ", result.stderr)


def test_output_is_not_overwritten_without_force(cli, tmp_path):
    out = tmp_path / "m.csv"
    out.write_text("keep", encoding="utf-8")
    refused = cli("matrix", "examples/compliant.yaml", "-f", "csv", "-o", out)
    assert refused.returncode == 2 and "--force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "keep"
    forced = cli("matrix", "examples/compliant.yaml", "-f", "csv", "-o", out, "--force")
    assert forced.returncode == 0, str(forced)
    assert out.read_text(encoding="utf-8").count("\n") == 50

