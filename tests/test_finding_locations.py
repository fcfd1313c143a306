"""The line a finding points at, where more than one place could carry it.

A coordinator fixes what the report points at, so when two courses could be
named, the report names the first one the file lists.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
AS_OF = "2026-12-01"


def test_areas_order_names_the_first_course_of_the_semester_that_introduces_the_area(run_cli, tmp_path):
    """Two semester-4 courses both give area 2's outcome 7a: the warning stays at the first (PHR1002, line 63)."""
    source = (REPO / "examples" / "warn-areas-order.yaml").read_text(encoding="utf-8")
    lines = source.splitlines(keepends=True)
    assert lines[62].strip() == "- code: PHR1002" and "semester: 4" in lines[65]
    option = next(i for i, line in enumerate(lines) if line.strip() == "- code: PHR4001")
    assert "semester: 4" in lines[option + 3]
    covers = next(i for i in range(option, len(lines)) if "covers: [" in lines[i])
    lines[covers] = lines[covers].replace("covers: [", 'covers: ["7a", ', 1)
    path = tmp_path / "plan.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    result = run_cli("check", path, "--as-of", AS_OF, "--format", "json")
    assert result.returncode == 0, result.stdout
    [warning] = [r for r in result.json()["files"][0]["results"] if r["rule"] == "areas-order" and r["status"] == "warn"]
    assert (warning["line"], warning["column"]) == (63, 5)
    assert "semester 4" in warning["message"]


def _results(run_cli, path) -> list[dict]:
    result = run_cli("check", path, "--as-of", AS_OF, "--format", "json")
    return result.json()["files"][0]["results"]


def test_a_passed_rule_points_at_the_key_of_the_section_it_read(run_cli):
    """credits-total reads `programme:`, credits-sum reads `courses:`: the key's line, column 1 (not the first value under it)."""
    path = REPO / "examples" / "compliant.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = {key: lines.index(f"{key}:") + 1 for key in ("programme", "courses")}
    by_rule = {r["rule"]: r for r in _results(run_cli, path)}
    assert (by_rule["credits-total"]["line"], by_rule["credits-total"]["column"]) == (at["programme"], 1)
    assert (by_rule["credits-sum"]["line"], by_rule["credits-sum"]["column"]) == (at["courses"], 1)


def test_a_rule_skipped_outside_the_scope_points_nowhere(run_cli):
    """A skipped rule found nothing in the file: no line a coordinator could go to, in JSON or in the text report."""
    path = REPO / "examples" / "fail-transition.yaml"
    skipped = [r for r in _results(run_cli, path) if r["status"] == "skip"]
    assert skipped and all((r["line"], r["column"]) == (0, 0) for r in skipped)
    text = run_cli("check", path, "--as-of", AS_OF, "--no-color").stdout
    skip_lines = [line for line in text.splitlines() if skipped[0]["rule"] in line]
    assert skip_lines and "fail-transition.yaml:" not in skip_lines[0]
