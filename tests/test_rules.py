"""Every bundled rule passes on the compliant programme and fails on its own example.

Data-driven over the rule ids of the bundled rules file: a new rule without
an example file, or an example that breaks a second rule, fails the suite.
Then targeted cases: study paths, practice in hours, Nynorsk and English
spellings, the former framework plan and § 22's dates, and waivers.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from located import has_figure, line_of  # noqa: F401  (other test modules import them from here too)
from rusplan import messages
from rusplan.core.ruleset import load_rulesets

AS_OF = "2026-01-15"
RULES = load_rulesets()[0].rules
RULE_IDS = [rule.id for rule in RULES]

# Rules an example may fail besides the one it is named for, and why.
ALSO_FAILS = {
    # no outcome of area 5 means the §§ 16–18 outcomes are missing too
    "competence-areas": {"learning-outcomes"},
}

# rule id -> (figures its message must state, regex of the line the failure points at)
# A finding about a whole list (practice totals, course credits, coverage) points at
# the list's key; a finding about one value points at that value.
EXPECTED = {
    "credits-total": (["50", "60"], r"^  credits: 50$"),
    "credits-sum": (["55", "60", "PHR4001M"], r"^courses:"),
    "competence-areas": (["5"], r"^courses:"),
    "learning-outcomes": (["2", "13f", "16c"], r"^courses:"),
    "outcome-references": (["4h", "4g"], r'covers: \["4g", "4h"\]'),
    "areas-order": (["2", "4", "3"], r"- code: PHR1002$"),
    "student-active": (["forelesning", "digital forelesning", "selvstudium"], r"^courses:"),  # by label, not id
    "practice-weeks": (["3", "4"], r"^practice:"),
    "practice-field": (["somatic-care"], r"fields: \[somatic-care\]"),
    "practice-outcomes": ([], r"covers: \[\]"),
    "practice-kind": (["observation"], r"kind: observation"),
    "practice-agreements": (["Kinn kommune"], r"provider: Kinn kommune"),
    "agreement-content": (["kapasitet"], r"regulates: \[responsibility, roles, competence, cooperation-arenas\]"),
    "admission-professions": (["ergoterapeut"], r"^  professions:"),
    "admission-other": ([], r"individual_assessment: false"),
    "transition": (["2024"], r"^  start:"),
}


def example_name(rule) -> str:
    prefix = "warn" if rule.severity == "warning" else "fail"
    return f"{prefix}-{rule.id}.yaml"




def statuses(report) -> dict[str, set]:
    out: dict[str, set] = {}
    for result in report.results:
        out.setdefault(result.rule, set()).add(result.status)
    return out


def failing(report) -> set:
    return {r.rule for r in report.results if r.status in ("fail", "warn")}


def no_traceback(result) -> None:
    assert "Traceback" not in result.output, str(result)


# --- every rule, both ways ----------------------------------------------------


def test_every_rule_has_a_failing_example(examples_dir):
    missing = [example_name(rule) for rule in RULES if not (examples_dir / example_name(rule)).exists()]
    assert not missing, f"rules without an example that breaks them: {missing}"


def test_every_failing_example_names_a_rule(examples_dir):
    names = {example_name(rule) for rule in RULES}
    strays = sorted(p.name for p in examples_dir.glob("*.yaml") if p.name.startswith(("fail-", "warn-")) and p.name not in names)
    assert not strays, f"examples named for no rule: {strays}"


def test_the_expectations_cover_every_rule():
    assert sorted(EXPECTED) == sorted(RULE_IDS)


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_passes_on_the_compliant_programme(rule_id, check_programme):
    report = check_programme("compliant.yaml")
    assert report.errors == []
    assert statuses(report).get(rule_id) == {"pass"}


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_fails_on_its_example(rule_id, examples_dir, check_programme, run_cli):
    rule = next(r for r in RULES if r.id == rule_id)
    name = example_name(rule)
    warning = rule.severity == "warning"
    status = "warn" if warning else "fail"

    # nothing else fails (rammeplan programmes skip every other rule)
    report = check_programme(name)
    assert report.errors == []
    assert failing(report) == {rule_id} | ALSO_FAILS.get(rule_id, set())
    assert statuses(report)[rule_id] == {status}

    result = run_cli("check", f"examples/{name}", "--as-of", AS_OF)
    no_traceback(result)
    assert result.returncode == (0 if warning else 1), str(result)
    lines = [l for l in result.stdout.splitlines() if f" {rule_id} " in l and f"examples/{name}:" in l]
    assert len(lines) >= 1, str(result)
    line = lines[0]
    assert messages.text(f"status-{status}", "nb") in line
    assert f" {rule.section} " in line
    figures, pattern = EXPECTED[rule_id]
    for figure in figures:
        assert has_figure(figure, line), f"{figure!r} not in {line!r}"
    text = (examples_dir / name).read_text(encoding="utf-8")
    assert f"examples/{name}:{line_of(text, pattern)}:" in line

    if warning:
        strict = run_cli("check", f"examples/{name}", "--as-of", AS_OF, "--strict")
        assert strict.returncode == 1, str(strict)


# --- study paths --------------------------------------------------------------


def test_failure_on_one_study_path_names_the_path(check_programme):
    [result] = [r for r in check_programme("fail-credits-sum.yaml").results if r.rule == "credits-sum"]
    assert (result.status, result.study_path) == ("fail", "PHR4001M")
    assert has_figure("55", result.message)


def test_identical_findings_on_every_path_are_reported_once_without_a_path(check_programme):
    results = [r for r in check_programme("fail-learning-outcomes.yaml").results if r.rule == "learning-outcomes"]
    assert len(results) == 1
    assert results[0].study_path == ""


def test_outcome_missing_on_one_path_only_names_that_path(programme_variant, check_programme):
    path = programme_variant({
        "          - text: Kandidaten har inngående kunnskap om systematisk fagutviklingsarbeid, forskningsetikk og "
        "vilkårene for fag- og utviklingsarbeid i tjenestene.\n            covers: [\"16c\"]\n": "",
    })
    report = check_programme(path)
    assert failing(report) == {"learning-outcomes"}
    [result] = [r for r in report.results if r.rule == "learning-outcomes"]
    assert result.study_path == "PHR4001M"
    assert has_figure("16c", result.message)


# --- practice in hours, spellings ---------------------------------------------


def practice_weeks(report):
    [result] = [r for r in report.results if r.rule == "practice-weeks"]
    return result


def test_practice_in_hours_225_is_six_weeks(programme_variant, check_programme):
    path = programme_variant({"    weeks: 5\n": "    hours: 187.5\n", "    weeks: 1\n": "    hours: 37.5\n"})
    report = check_programme(path)
    assert failing(report) == set()
    result = practice_weeks(report)
    assert result.status == "pass"
    assert has_figure("6", result.message)


def test_practice_in_hours_112_5_is_three_weeks_and_fails(programme_variant, check_programme):
    path = programme_variant({"    weeks: 5\n": "    hours: 75\n", "    weeks: 1\n": "    hours: 37.5\n"})
    report = check_programme(path, lang="en")
    assert failing(report) == {"practice-weeks"}
    result = practice_weeks(report)
    assert result.status == "fail"
    assert has_figure("3", result.message) and has_figure("4", result.message)


def test_nynorsk_programme_in_hours_passes(check_programme, run_cli):
    report = check_programme("compliant-hours-nynorsk.yaml")
    assert report.errors == [] and failing(report) == set()
    assert statuses(report)["admission-professions"] == {"pass"}
    result = run_cli("check", "examples/compliant-hours-nynorsk.yaml", "--as-of", AS_OF)
    assert result.returncode == 0, str(result)


def test_english_profession_names_are_accepted(programme_variant, check_programme):
    path = programme_variant({
        "professions: [sosionom, vernepleier, barnevernspedagog, sykepleier, fysioterapeut, ergoterapeut]":
        "professions: [social worker, Social Educator, child welfare worker, nurse, physiotherapist, occupational therapist]",
    })
    report = check_programme(path)
    assert report.errors == [] and failing(report) == set()


def test_nynorsk_profession_names_and_outcome_spellings_are_accepted(programme_variant, check_programme):
    path = programme_variant({
        "vernepleier, barnevernspedagog, sykepleier": "vernepleiar, barnevernspedagog, sjukepleiar",
        'covers: ["4a"]': 'covers: ["§ 4 a"]',
        'covers: ["4c"]': 'covers: ["4C"]',
        'covers: ["4d"]': 'covers: ["§4d"]',
        'covers: ["4f"]': 'covers: ["4 f"]',
    })
    report = check_programme(path)
    assert report.errors == [] and failing(report) == set()
    assert statuses(report)["outcome-references"] == {"pass"}


def test_an_unknown_profession_is_not_recognised_rather_than_a_missing_one(programme_variant, check_programme):
    # Issue 10: a title rusplan does not know may be the "missing" one; saying
    # "admission does not include nurse" would be a false legal claim.
    path = programme_variant({"sykepleier, fysioterapeut": "lege, fysioterapeut"})
    report = check_programme(path, lang="en")
    assert failing(report) == set()
    assert report.verdict == "unrecognised"
    [result] = [r for r in report.results if r.rule == "admission-professions"]
    assert result.status == "unrecognised"
    assert "'lege' is not a known professional title" in result.message
    assert "does not include" not in result.message


# --- the former framework plan and § 22 ----------------------------------------

RAMMEPLAN = {"framework: retningslinje-2022": "framework: rammeplan-2005"}


def transition(report) -> list:
    return [r for r in report.results if r.rule == "transition"]


def test_rammeplan_programme_is_judged_by_transition_only(check_programme):
    report = check_programme("fail-transition.yaml")
    by_rule = statuses(report)
    assert set(by_rule) == set(RULE_IDS)
    assert {rule: s for rule, s in by_rule.items() if rule != "transition"} == {
        rule: {"skip"} for rule in RULE_IDS if rule != "transition"
    }
    assert all(len([r for r in report.results if r.rule == rule]) == 1 for rule in RULE_IDS)


def test_rammeplan_finished_before_autumn_2024_passes(programme_variant, check_programme):
    # 2023-autumn + 4 semesters: the last exam is in spring 2025
    path = programme_variant({**RAMMEPLAN, "start: 2024-autumn": "start: 2023-autumn"})
    report = check_programme(path, as_of=dt.date(2026, 1, 15))
    assert [r.status for r in transition(report)] == ["pass"]
    assert report.verdict == "transition"  # issue 10: judged by § 22 alone, never plain "compliant"


def test_rammeplan_starting_autumn_2024_fails_with_the_section_22_quote(check_programme, run_cli):
    [result] = transition(check_programme("fail-transition.yaml"))
    assert result.status == "fail"
    assert result.quote.startswith("Fra høsten 2024")
    cli = run_cli("check", "examples/fail-transition.yaml", "--as-of", AS_OF)
    assert cli.returncode == 1 and "«Fra høsten 2024" in cli.stdout, str(cli)


@pytest.mark.parametrize(
    "as_of, status, figures",
    [
        ("2027-06-30", "pass", []),
        ("2027-07-01", "warn", ["01.07.2027"]),
        ("2028-01-01", "warn", ["01.01.2028"]),
        ("2029-12-31", "warn", ["31.12.2029"]),
        ("2030-01-01", "fail", ["01.01.2030", "31.12.2029"]),
    ],
)
def test_rammeplan_exams_by_the_as_of_date(as_of, status, figures, programme_variant, run_cli):
    path = programme_variant({**RAMMEPLAN, "start: 2024-autumn": "start: 2023-autumn"})
    result = run_cli("check", path, "--as-of", as_of, "--lang", "en", "--format", "json")
    no_traceback(result)
    assert result.returncode == (1 if status == "fail" else 0), str(result)
    [found] = [r for r in result.json()["files"][0]["results"] if r["rule"] == "transition"]
    assert found["status"] == status
    for figure in figures:
        assert figure in found["message"]


def test_rammeplan_last_exam_after_2029_fails(programme_variant, check_programme):
    # 2027-autumn + 6 semesters: the last exam is in spring 2030
    path = programme_variant({**RAMMEPLAN, "start: 2024-autumn": "start: 2027-autumn", "semesters: 4": "semesters: 6"})
    results = transition(check_programme(path, lang="en"))
    assert {r.status for r in results} == {"fail"}
    [late] = [r for r in results if "30.06.2030" in r.message]
    assert "31.12.2029" in late.message and "31.12.2029" in late.quote


def test_rammeplan_starting_2027_spring_fails(programme_variant, check_programme):
    # 2027-spring + 6 semesters ends with the autumn 2029 exams, on 31.12.2029 itself:
    # the start fails (from autumn 2024 the regulation applies); the exam deadline holds.
    path = programme_variant({**RAMMEPLAN, "start: 2024-autumn": "start: 2027-spring", "semesters: 4": "semesters: 6"})
    results = transition(check_programme(path, lang="en"))
    assert [r.status for r in results] == ["fail"]
    assert results[0].quote.startswith("Fra høsten 2024")


def test_regulation_followed_before_autumn_2023_warns(programme_variant, check_programme, run_cli):
    path = programme_variant({"start: 2024-autumn": "start: 2022-autumn"})
    [result] = transition(check_programme(path, lang="en"))
    assert result.status == "warn"
    assert "2022" in result.message and "2023" in result.message
    cli = run_cli("check", path, "--as-of", AS_OF)
    assert cli.returncode == 0, str(cli)


def test_transition_message_follows_lang_but_the_quote_stays_norwegian(check_programme, run_cli):
    [nb] = transition(check_programme("fail-transition.yaml", lang="nb"))
    [en] = transition(check_programme("fail-transition.yaml", lang="en"))
    assert nb.message != en.message
    assert "autumn" in en.message and "høst" in nb.message
    assert nb.quote == en.quote == "Fra høsten 2024 skal alle institusjoner som tilbyr utdanningen følge forskriften."
    outputs = [run_cli("check", "examples/fail-transition.yaml", "--as-of", AS_OF, "--lang", lang).stdout for lang in ("nb", "en")]
    assert all("«Fra høsten 2024 skal alle institusjoner" in out for out in outputs)
    assert outputs[0] != outputs[1]


# --- waivers --------------------------------------------------------------------


@pytest.fixture
def waived(tmp_path, examples_dir):
    """fail-practice-weeks.yaml with a `waivers:` block appended."""

    def make(rule: str = "practice-weeks", reason: str = "Praksis utvides til fem uker fra høsten 2026", expires: str = "2027-06-30"):
        text = (examples_dir / "fail-practice-weeks.yaml").read_text(encoding="utf-8")
        text += f'waivers:\n  - {{rule: {rule}, reason: "{reason}", expires: {expires}}}\n'
        path = tmp_path / "waived.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return make


def test_waiver_turns_a_failure_into_waived(waived, run_cli):
    result = run_cli("check", waived(), "--as-of", AS_OF, "--format", "json")
    no_traceback(result)
    assert result.returncode == 0, str(result)
    [found] = [r for r in result.json()["files"][0]["results"] if r["rule"] == "practice-weeks"]
    assert found["status"] == "waived"
    assert found["reason"] == "Praksis utvides til fem uker fra høsten 2026"
    assert has_figure("3", found["message"])  # the finding itself is still stated


def test_expired_waiver_is_itself_a_failure(waived, run_cli):
    path = waived(expires="2025-12-31")
    result = run_cli("check", path, "--as-of", AS_OF, "--lang", "en")
    no_traceback(result)
    assert result.returncode == 1, str(result)
    waiver_line = line_of(path.read_text(encoding="utf-8"), r"^  - \{rule: practice-weeks")
    assert any(f"{path}:{waiver_line}:" in l and "2025-12-31" in l for l in result.stdout.splitlines()), str(result)
    assert any(" practice-weeks " in l and "fail" in l for l in result.stdout.splitlines())


def test_waiver_for_an_unknown_rule_fails(waived, run_cli):
    result = run_cli("check", waived(rule="practise-weeks"), "--as-of", AS_OF, "--lang", "en")
    no_traceback(result)
    assert result.returncode == 1, str(result)
    assert "practise-weeks" in result.stdout


def test_waiver_without_a_reason_fails(waived, run_cli):
    result = run_cli("check", waived(reason="  "), "--as-of", AS_OF, "--lang", "en")
    assert result.returncode == 1, str(result)
    assert "no reason" in result.stdout


def test_waiver_for_a_rule_left_out_with_ignore_is_not_unknown(waived, run_cli):
    # --ignore/--select choose what is reported; they do not make a rule unknown
    result = run_cli("check", waived(), "--as-of", AS_OF, "--lang", "en", "--ignore", "practice-weeks")
    no_traceback(result)
    assert result.returncode == 0, str(result)
    assert "unknown rule" not in result.stdout
