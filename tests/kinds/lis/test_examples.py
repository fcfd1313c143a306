"""Every LIS rule passes on the compliant plan and fails (or warns) on its own example.

Data-driven over the rule ids of the bundled LIS rules file: a new rule
without an example file, or an example that breaks a second rule, fails the
suite.  Then the issue's cases: the warning-only plan and --strict, four
years of TSB with five months of psychiatry, six years four months in all,
part time.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from located import has_figure, line_of
from rusplan.core.ruleset import load_rulesets

LIS = Path(__file__).resolve().parents[3] / "examples" / "lis"
FIXTURES = Path(__file__).resolve().parent
RULESET = next(r for r in load_rulesets() if r.kind == "lis-plan")
RULE_IDS = [rule.id for rule in RULESET.rules]

# rule id -> (figures its message must state, regex of the one line the finding points at)
EXPECTED = {
    "total-duration": (["76", "16", "60", "78"], r"^rotations:"),
    "objectives-planned": (["075"], r"^rotations:"),
    "objective-ids": (["076"], r'"074", "075", "076"\]'),
    "objectives-reached": (["72", "002"], r"^assessed:"),
    "assessment-recommendations": (["deltaker i supervisjonen"], r'objective: "045"'),
    "research-position": (["forskerstilling uten LIS-stilling"], r"employment: stipendiat"),
    "research-agreement": ([], r"agreement: false"),
    "other-specialty-time": (["42", "39"], r"- arena: akutt psykiatrisk avdeling"),
    "detox-months": (["9", "12"], r"- arena: Rusakuttmottak og avgiftning"),
    "outpatient-months": (["12", "2", "10", "3"], r"- arena: LAR$"),
    "inpatient-months": (["4", "6"], r"- arena: TSB døgn"),
    "psychiatry-months": (["12", "6", "4"], r"- arena: akutt psykiatrisk avdeling"),
    "other-service-months": (["15", "12"], r"- arena: øvrig tellende tjeneste"),
    "other-service-specialty": (["generell kirurgi"], r"^    specialty: generell kirurgi"),
    "clinical-supervision": (["30", "60"], r"supervision_minutes: 30"),
    "therapy-supervision": (["20", "30"], r"^therapy_supervision:"),
    "internal-teaching": (["40", "70"], r"hours_per_year: 40"),
    "teaching-programme": ([], r"programme_published: false"),
    "study-time": (["2", "4"], r"study_hours_per_week: 2"),
    "courses": (["ADHD-kurs", "8", "9"], r"^courses:"),
    "topic-courses": (["1", "2", "3", "Emnekurs i kognitiv terapi"], r"^courses:"),
    "evaluations": (["18", "2026-08", "2028-02"], r"\{date: 2028-02\}"),
    "acute-function": ([], r"^rotations:"),
    "objective-arena": (["067", "TSB døgn", "Ruspoliklinikk"], r'"064", "066", "067"\]'),
    "rotation-order": (["2026-09", "2025-09", "Rusakuttmottak og avgiftning"], r"start: 2026-09$"),
}


def example(rule_id: str) -> Path:
    """A rule's own example: fail-<rule>.yaml for an error (exit 1), warn-<rule>.yaml for a recommendation (exit 0; 1 with --strict)."""
    return LIS / f"{'fail' if RULESET.rule(rule_id).severity == 'error' else 'warn'}-{rule_id}.yaml"


def broken(report) -> set:
    return {r.rule for r in report.results if r.status in ("fail", "warn", "unrecognised")}


def test_every_rule_has_an_example_and_a_figure_expectation():
    assert sorted(EXPECTED) == sorted(RULE_IDS)
    assert sorted(p.name for p in LIS.glob("fail-*.yaml")) == sorted(f"fail-{i}.yaml" for i in RULE_IDS if RULESET.rule(i).severity == "error")
    warnings = sorted(p.name for p in LIS.glob("warn-*.yaml") if p.name != "warn-nynorsk-deltid.yaml")
    assert warnings == sorted(f"warn-{i}.yaml" for i in RULE_IDS if RULESET.rule(i).severity == "warning")


def test_the_compliant_plan_breaks_nothing(check_programme):
    report = check_programme(LIS / "compliant.yaml")
    assert not report.errors, report.errors
    assert broken(report) == set()
    statuses = {r.rule: r.status for r in report.results}
    assert statuses["objectives-reached"] == "skip"  # the plan is in progress
    assert {s for rule, s in statuses.items() if rule != "objectives-reached"} == {"pass"}


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_each_example_breaks_exactly_its_rule(rule_id, check_programme):
    path = example(rule_id)
    report = check_programme(path)
    assert not report.errors, report.errors
    assert broken(report) == {rule_id}
    rule = RULESET.rule(rule_id)
    found = [r for r in report.results if r.rule == rule_id and r.status != "pass"]
    assert {r.status for r in found} == {"fail" if rule.severity == "error" else "warn"}
    figures, pattern = EXPECTED[rule_id]
    text = path.read_text(encoding="utf-8")
    assert [r.line for r in found] == [line_of(text, pattern)] * len(found)
    message = " ".join(r.message for r in found)
    for figure in figures:
        assert has_figure(figure, message), (figure, message)
    assert rule.section in message or all(r.section == rule.section for r in found)


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_exit_codes_follow_severity(rule_id, rusplan_check):
    rule = RULESET.rule(rule_id)
    code, stdout, _ = rusplan_check(example(rule_id), "--quiet")
    assert code == (1 if rule.severity == "error" else 0), stdout
    assert rule_id in stdout
    if rule.severity == "warning":  # a trust that adopts the recommendations: --strict fails on it
        code, stdout, _ = rusplan_check(example(rule_id), "--quiet", "--strict")
        assert code == 1 and rule_id in stdout, stdout


def test_compliant_exits_0_and_warning_only_plan_exits_1_with_strict(run_cli, rusplan_check):
    assert rusplan_check(LIS / "compliant.yaml")[0] == 0
    code, stdout, _ = rusplan_check(LIS / "warn-nynorsk-deltid.yaml", "--lang", "nn")
    assert code == 0, stdout
    for rule_id in ("clinical-supervision", "internal-teaching", "topic-courses"):
        assert rule_id in stdout
    strict = run_cli("check", LIS / "warn-nynorsk-deltid.yaml", "--strict")  # once as a user runs it
    assert strict.returncode == 1, strict


def test_warning_only_plan_warns_exactly_three_recommendations(check_programme):
    report = check_programme(LIS / "warn-nynorsk-deltid.yaml", lang="nn")
    assert not report.errors, report.errors
    assert broken(report) == {"clinical-supervision", "internal-teaching", "topic-courses"}
    assert {r.status for r in report.results if r.rule in broken(report)} == {"warn"}


def test_four_years_tsb_and_five_months_psychiatry_warns_at_the_rotation(check_programme):
    path = FIXTURES / "psychiatry-5-months.yaml"
    report = check_programme(path)
    assert broken(report) == {"psychiatry-months"}
    (found,) = [r for r in report.results if r.rule == "psychiatry-months"]
    assert found.status == "warn"
    assert "5 mnd; pkt. 4.1 anbefaler minst 12, hvorav 6 akutt" in found.message
    assert found.line == line_of(path.read_text(encoding="utf-8"), r"- arena: akutt psykiatrisk avdeling")


def test_six_years_four_months_fails_with_the_figure(check_programme):
    report = check_programme(LIS / "fail-total-duration.yaml", lang="en")
    (found,) = [r for r in report.results if r.rule == "total-duration"]
    assert found.status == "fail"
    assert "76 months (LIS1 16 + rotation 60)" in found.message and "at least 78 months" in found.message


def test_part_time_counts_and_says_so(check_programme):
    report = check_programme(LIS / "warn-nynorsk-deltid.yaml", lang="nn")
    (total,) = [r for r in report.results if r.rule == "total-duration"]
    assert total.status == "pass" and has_figure("78", total.message)  # 24 months at 50 % twice count 24
    assert total.message.endswith("(deltid: 24 mnd × 50 % = 12 mnd)")  # the conversion, in the report's words
    (other,) = [r for r in report.results if r.rule == "other-service-months"]
    assert other.status == "pass" and has_figure("12", other.message)  # research: 24 months at 50 %
