"""The LIS rules at their limits: each figure of the source passes at the limit and fails just past it.

Every case is a copy of examples/lis/compliant.yaml with a few values
changed.  Together with the examples they pin the transcription: change a
figure in the rules file (or flip a comparison in a function) and a case here
changes verdict.
"""

from __future__ import annotations

import pytest

COMPLIANT = "lis/compliant.yaml"
DETOX = "    start: 2025-09\n    months: 12\n"
INPATIENT = "    start: 2026-09\n    months: 12\n"
ACUTE = "    place: Psykiatrisk klinikk, akuttpost\n    start: 2027-09\n    months: 6\n"
DPS = "    place: Vestfjord DPS, døgnpost\n    start: 2028-03\n    months: 6\n"
OTHER = "    start: 2028-09\n    months: 6\n    supervisor: overlege, spesialist i infeksjonsmedisin"
LAR = "    start: 2029-09\n    months: 4\n"
GENERAL = "    start: 2030-01\n    months: 8\n"


def months(anchor: str, new: float) -> tuple[str, str]:
    head, rest = anchor.split("    months: ", 1)
    tail = rest.split("\n", 1)[1]
    return anchor, f"{head}    months: {new}\n{tail}"


def period(anchor: str, start: str, new: float) -> tuple[str, str]:
    """`anchor` (a period's start and months) moved to `start`, lasting `new` months."""
    tail = anchor.split("    months: ", 1)[1].split("\n", 1)[1]
    return anchor, f"    start: {start}\n    months: {new}\n{tail}"


def appended(arena: str, months: float, extra: str = "") -> tuple[str, str]:
    """A period added after the last one (2030-09 on)."""
    return "therapy_supervision:\n", f"  - arena: {arena}\n    start: 2030-09\n    months: {months}\n{extra}    supervision_minutes: 60\n    supervisor_specialist: true\n    supervisor_permanent: true\n\ntherapy_supervision:\n"


# (rule, replacements, expected status of the rule)
CASES = [
    ("total-duration", [("  lis1_months: 18\n", "  lis1_months: 17.5\n")], "fail"),
    ("total-duration", [("  lis1_months: 18\n", "  lis1_months: 12\n"), months(GENERAL, 14)], "pass"),
    ("detox-months", [months(DETOX, 11.5)], "warn"),
    ("inpatient-months", [months(INPATIENT, 6)], "pass"),
    ("inpatient-months", [months(INPATIENT, 5.5)], "warn"),
    ("psychiatry-months", [months(ACUTE, 5.5), months(DPS, 6.5)], "warn"),  # 12 in all, under 6 acute
    ("psychiatry-months", [months(DPS, 5.5)], "warn"),  # 11.5 in all
    ("psychiatry-months", [months(ACUTE, 12), months(DPS, 0.5)], "pass"),
    ("outpatient-months", [months(LAR, 3), months(GENERAL, 9)], "pass"),
    ("outpatient-months", [months(LAR, 2.5), months(GENERAL, 9.5)], "warn"),
    ("outpatient-months", [months(LAR, 9), period(GENERAL, "2030-06", 3)], "pass"),
    ("outpatient-months", [months(LAR, 9.5), period(GENERAL, "2030-06", 2.5)], "warn"),
    ("outpatient-months", [months(GENERAL, 7.5)], "warn"),  # 11.5 in all
    ("other-service-months", [appended("annen relevant tjeneste", 0.5, "    specialty: nevrologi\n")], "warn"),
    ("other-service-months", [months(OTHER, 5.5), appended("annen relevant tjeneste", 0.5, "    specialty: nevrologi\n")], "pass"),
    ("other-specialty-time", [appended("DPS", 21, "    other_specialty: psykiatri\n")], "pass"),  # 6 + 6 + 6 + 21 = 39
    ("other-specialty-time", [appended("DPS", 21.5, "    other_specialty: psykiatri\n")], "fail"),
    ("clinical-supervision", [("    supervision_minutes: 60\n    supervisor_specialist: true\n    supervisor_permanent: true\n    objectives: [\"025\"",
                               "    supervision_minutes: 59\n    supervisor_specialist: true\n    supervisor_permanent: true\n    objectives: [\"025\"")], "warn"),
    ("clinical-supervision", [("    supervisor: overlege, spesialist i psykiatri\n    supervision_minutes: 60\n    supervisor_specialist: true\n    supervisor_permanent: true\n    objectives: [\"025\"",
                               "    supervisor: overlege, spesialist i psykiatri\n    supervision_minutes: 60\n    supervisor_specialist: true\n    supervisor_permanent: false\n    objectives: [\"025\"")], "warn"),
    ("clinical-supervision", [("    supervisor: overlege, spesialist i psykiatri\n    supervision_minutes: 60\n    supervisor_specialist: true\n    supervisor_permanent: true\n    objectives: [\"025\"",
                               "    supervisor: overlege, spesialist i psykiatri\n    supervision_minutes: 60\n    supervisor_specialist: false\n    supervisor_permanent: true\n    objectives: [\"025\"")], "warn"),
    ("therapy-supervision", [("    hours: 30\n", "    hours: 20\n")], "pass"),  # 20 + 10
    ("therapy-supervision", [("    hours: 30\n", "    hours: 19.5\n")], "warn"),
    ("internal-teaching", [("  hours_per_year: 76\n", "  hours_per_year: 70\n")], "pass"),
    ("internal-teaching", [("  hours_per_year: 76\n", "  hours_per_year: 69.5\n")], "warn"),
    ("internal-teaching", [("  sessions_per_week: 2\n", "  sessions_per_week: 1.5\n")], "warn"),
    ("internal-teaching", [("  session_minutes: 45\n", "  session_minutes: 40\n")], "warn"),
    ("internal-teaching", [("  hours_per_year: 76\n", "")], "warn"),  # not stated
    ("study-time", [("  study_hours_per_week: 4\n", "  study_hours_per_week: 3.5\n")], "warn"),
    ("study-time", [("  study_hours_per_week: 4\n", "")], "warn"),
    ("teaching-programme", [("  programme_published: true\n", "")], "warn"),
    ("evaluations", [("  - {date: 2026-08}\n", "  - {date: 2026-09}\n")], "warn"),  # 2026-02 -> 2026-09: 7 months
    ("evaluations", [("  - {date: 2026-02, by: utdanningsansvarlig overlege}\n", "  - {date: 2026-04, by: utdanningsansvarlig overlege}\n")], "warn"),  # 7 months from the start
    ("evaluations", [("  - {date: 2030-08}\n", "")], "warn"),  # 2030-02 -> end 2030-09: 7 months
    ("evaluations", [("  - {date: 2030-08}\n", "  - {date: 2030-03}\n")], "pass"),  # 2030-03 -> 2030-09: 6
    ("topic-courses", [("  - {course: Emnekurs i gruppeterapi, status: planlagt, date: 2028-05}\n",
                        "  - {course: Emnekurs i psykodynamisk terapi, status: planlagt, date: 2028-05}\n")], "pass"),
    ("topic-courses", [("  - {course: Emnekurs i gruppeterapi, status: planlagt, date: 2028-05}\n",
                        "  - {course: Emnekurs i mentaliseringsbasert terapi, status: planlagt, date: 2028-05}\n")], "warn"),
    ("courses", [("  - {course: Grunnkurs 4, status: planlagt, date: 2028-03}\n", "  - {course: Grunnkurs IV, status: planlagt, date: 2028-03}\n")], "pass"),
    ("courses", [("  - {course: Grunnkurs 4, status: planlagt, date: 2028-03}\n", "  - {course: Grunnkurs 5, status: planlagt, date: 2028-03}\n")], "unrecognised"),
    ("objective-arena", [('"014", "016", "037", "038", "039", "059", "065"]', '"014", "016", "037", "038", "039", "059", "065", "005"]')], "warn"),
    ("objective-arena", [('"074", "075"]', '"074", "075", "044"]')], "pass"),  # between the psychiatry and outpatient rows: both allowed
    ("research-position", [("    start: 2029-03\n    months: 6\n", "    start: 2025-03\n    months: 6\n")], "fail"),  # before the position
    ("research-position", [("    employment: LIS2/LIS3-stilling\n", "")], "fail"),  # not stated
    ("research-agreement", [("    agreement: true\n", "")], "fail"),  # not stated
    ("research-agreement", [("    institution: Universitetet i Vestfjord\n", "")], "fail"),
    ("acute-function", [("    acute_function: true\n", ""), ("    place: Psykiatrisk klinikk, akuttpost\n", "    place: Psykiatrisk klinikk, akuttpost\n    acute_function: true\n")], "warn"),  # psychiatry is no TSB place
    ("assessment-recommendations", [('recommended_by: [veileder, supervisør]}', 'recommended_by: [supervisør, avdelingsoverlege]}')], "fail"),
    ("objectives-reached", [("  status: under utdanning\n", "  status: under utdanning\n")], "skip"),
    ("other-service-specialty", [("    specialty: infeksjonsmedisin\n", "    specialty: BUP\n")], "pass"),
    ("objective-ids", [('"073",\n                 "074", "075"]', '"073",\n                 "RAM-074", "75"]')], "pass"),
]


@pytest.mark.parametrize("rule_id, replacements, expected", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_at_its_limit(rule_id, replacements, expected, programme_variant, check_programme):
    path = programme_variant(replacements, source=COMPLIANT, name="lis-plan.yaml")
    report = check_programme(path)
    assert not report.errors, [p.message for p in report.errors]
    statuses = {r.status for r in report.results if r.rule == rule_id}
    assert statuses == {expected}, [(r.status, r.message) for r in report.results if r.rule == rule_id]


def test_a_plan_for_another_specialty_is_outside_the_rules(programme_variant, check_programme):
    path = programme_variant([("  specialty: rus- og avhengighetsmedisin\n", "  specialty: psykiatri\n")], source=COMPLIANT, name="lis-plan.yaml")
    report = check_programme(path)
    assert {r.status for r in report.results} == {"skip"}


def test_a_completed_plan_with_every_objective_assessed_passes(programme_variant, check_programme):
    assessed = "".join(f'  - {{objective: "{n:03d}", recommended_by: [veileder, supervisør]}}\n' for n in range(1, 76))
    text_end = '  - {objective: "045", date: 2026-08, recommended_by: [klinisk veileder, supervisør]}\n'
    path = programme_variant([("  status: under utdanning\n", "  status: fullført\n"), (text_end, text_end + assessed)], source=COMPLIANT, name="lis-plan.yaml")
    report = check_programme(path)
    assert {r.status for r in report.results if r.rule == "objectives-reached"} == {"pass"}


def test_overlapping_periods_cannot_be_checked(programme_variant, check_programme):
    path = programme_variant([months(INPATIENT, 13)], source=COMPLIANT, name="lis-plan.yaml")
    report = check_programme(path)
    assert [p.code for p in report.errors] == ["lis-overlap"]
