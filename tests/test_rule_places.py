"""Every place a rule reads counts: options of a choice and practice periods as much as plain courses.

A rules file lists, per rule and per vocabulary, the places in a programme it
reads (`given`, `normalise`).  Forgetting one is silent: the rule still passes
on plans that happen not to use that place.  Each test here writes the value
only in the one place under test.
"""

from __future__ import annotations

import re

AREA_3 = ["10a", "10b", "10c", "10d", "10e", "11a", "11b", "11c", "11d", "11e", "12a", "12b"]


def by_rule(report) -> dict:
    out: dict = {}
    for result in report.results:
        out.setdefault(result.rule, []).append(result)
    return out


def test_learning_forms_of_an_option_are_read_in_norwegian(programme_variant, check_programme):
    path = programme_variant(
        {
            "learning_forms: [lecture, seminar, project-work, supervision-group, student-presentation]":
            "learning_forms: [forelesninger, seminarer, prosjektarbeid, veiledningsgrupper, studentpresentasjoner]"
        }
    )
    report = check_programme(path)
    assert [r.rule for r in report.results if r.status not in ("pass", "skip")] == []
    assert report.verdict == "pass"


def test_an_unknown_outcome_in_a_practice_period_is_named(programme_variant, check_programme):
    path = programme_variant({'covers: ["11d", "14a"]': 'covers: ["11d", "14a", "19z"]'})
    [result] = [r for r in by_rule(check_programme(path))["outcome-references"] if r.status != "pass"]
    assert result.status == "fail"
    assert "'19z' er ikke et læringsutbytte i forskriften" in result.message
    assert result.line == 205


def test_an_unknown_outcome_in_an_option_is_named(tmp_path, examples_dir, check_programme):
    text = (examples_dir / "compliant.yaml").read_text(encoding="utf-8")
    start = text.index("- code: PHR4001\n")  # the first option of the last choice
    text = text[:start] + text[start:].replace('covers: ["16a"]', 'covers: ["16a", "16x"]', 1)
    path = tmp_path / "option.yaml"
    path.write_text(text, encoding="utf-8")
    [result] = [r for r in by_rule(check_programme(path))["outcome-references"] if r.status != "pass"]
    assert "'16x' er ikke et læringsutbytte i forskriften" in result.message
    assert result.line == 154


def test_an_area_given_only_in_practice_is_covered(tmp_path, examples_dir, check_programme):
    """§§ 20–21: practice is part of the education, so an area its periods cover is covered."""
    text = (examples_dir / "compliant.yaml").read_text(encoding="utf-8")
    courses, practice = text.split("\npractice:\n")
    courses = re.sub(r'"1[0-2][a-e]"', '"4a"', courses)  # no course gives area 3 any more
    practice = practice.replace('covers: ["11d", "14a"]', "covers: [" + ", ".join(f'"{o}"' for o in AREA_3) + ', "14a"]', 1)
    path = tmp_path / "area-3-in-practice.yaml"
    path.write_text(courses + "\npractice:\n" + practice, encoding="utf-8")
    rules = by_rule(check_programme(path, lang="en"))
    assert [r.status for r in rules["competence-areas"]] == ["pass"]
    assert [r.status for r in rules["learning-outcomes"]] == ["pass"]
    assert rules["competence-areas"][0].message == "all 5 competence areas are covered"


def test_the_student_active_forms_of_an_option_are_listed(programme_variant, check_programme):
    path = programme_variant(
        {
            "learning_forms: [lecture, seminar, project-work, supervision-group, student-presentation]":
            "learning_forms: [forelesninger, omvendt klasserom]"
        }
    )
    [result] = by_rule(check_programme(path))["student-active"]
    assert result.status == "pass" and "omvendt undervisning" in result.message, result.message


# --- areas-order (§ 20): which areas come first, and what "first" and "complete" read


def _semesters(text: str, code: str, new: str) -> str:
    """compliant.yaml with the `semester:` of course `code` set to `new`."""
    return re.sub(rf"(- code: {code}\n(?:.*\n)*?\s+semester: )[^\n]+", rf"\g<1>{new}", text, count=1)


def _areas_order(tmp_path, check_programme, text: str):
    path = tmp_path / "areas-order.yaml"
    path.write_text(text, encoding="utf-8")
    return [r for r in by_rule(check_programme(path, lang="en"))["areas-order"] if r.status != "pass"]


def _area(n: int) -> str:
    return f"area {n} ("


def test_area_1_after_area_4_is_complete_warns(tmp_path, examples_dir, check_programme):
    text = _semesters((examples_dir / "compliant.yaml").read_text(encoding="utf-8"), "PHR1001", "4")
    [warning] = _areas_order(tmp_path, check_programme, text)
    assert warning.status == "warn"
    assert warning.message.startswith(_area(1)) and "is first covered in semester 4, after " + _area(4) in warning.message
    assert warning.message.endswith("was completely covered in semester 3")


def test_area_2_after_area_4_is_complete_warns(tmp_path, examples_dir, check_programme):
    text = _semesters((examples_dir / "compliant.yaml").read_text(encoding="utf-8"), "PHR1002", "4")
    [warning] = _areas_order(tmp_path, check_programme, text)
    assert warning.message.startswith(_area(2)) and "after " + _area(4) in warning.message


def test_area_3_given_late_in_practice_warns(tmp_path, examples_dir, check_programme):
    """Practice counts for areas-order too, from its own semester."""
    text = (examples_dir / "compliant.yaml").read_text(encoding="utf-8")
    courses, practice = text.split("\npractice:\n")
    courses = re.sub(r'"1[0-2][a-e]"', '"4a"', courses)
    practice = practice.replace('covers: ["11d", "14a"]', "covers: [" + ", ".join(f'"{o}"' for o in AREA_3) + ', "14a"]', 1)
    practice = practice.replace("    weeks: 1\n    semester: 3\n", "    weeks: 1\n    semester: 4\n", 1)
    practice = practice.replace('covers: ["11c", "14c", "14d", "15b"]', 'covers: ["14c", "14d", "15b"]', 1)  # no area 3 in semester 3
    [warning] = _areas_order(tmp_path, check_programme, courses + "\npractice:\n" + practice)
    assert warning.message.startswith(_area(3)) and "in semester 4, after " + _area(4) in warning.message


def test_area_5_complete_before_area_1_warns(tmp_path, examples_dir, check_programme):
    text = (examples_dir / "compliant.yaml").read_text(encoding="utf-8")
    for code, semester in (("PHR4001", "1"), ("PHR4001M", "1"), ("PHR1001", "2")):
        text = _semesters(text, code, semester)
    [warning] = _areas_order(tmp_path, check_programme, text)
    assert warning.message.startswith(_area(1)) and "in semester 2, after " + _area(5) in warning.message
    assert warning.message.endswith("was completely covered in semester 1")
