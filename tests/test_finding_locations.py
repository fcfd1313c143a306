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
