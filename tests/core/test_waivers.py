"""core/waivers.py: a valid waiver turns one rule's failures into `waived`; a bad waiver is a failure itself."""

from __future__ import annotations

import datetime as dt

from rusplan import messages
from rusplan.core.pipeline import Options
from rusplan.core.result import FileReport, RuleResult
from rusplan.core.waivers import WAIVER_RULE, apply_waivers
from rusplan.io.loader import parse

OPTIONS = Options(lang="nb", as_of=dt.date(2026, 1, 15))
KNOWN = {"practice-weeks", "transition", "areas-order"}


def report_with(*statuses: tuple[str, str]) -> FileReport:
    report = FileReport("plan.yaml")
    report.results = [RuleResult(rule, status, "error", "§ 21", "tittel", "melding") for rule, status in statuses]
    return report


def waivers(*entries: str):
    return parse("waivers:\n" + "".join(f"  - {e}\n" for e in entries), "plan.yaml")


def test_a_valid_waiver_waives_failures_and_warnings_of_its_rule_only():
    report = report_with(("practice-weeks", "fail"), ("practice-weeks", "warn"), ("transition", "fail"), ("areas-order", "pass"))
    apply_waivers(report, waivers("{rule: practice-weeks, reason: '  Godkjent av dekan ', expires: '2026-06-30'}"), OPTIONS, KNOWN)
    assert [(r.rule, r.status, r.reason) for r in report.results] == [
        ("practice-weeks", "waived", "Godkjent av dekan"),
        ("practice-weeks", "waived", "Godkjent av dekan"),
        ("transition", "fail", ""),
        ("areas-order", "pass", ""),
    ]


def test_a_waiver_expiring_today_still_holds_and_one_expired_yesterday_fails_at_its_line():
    report = report_with(("practice-weeks", "fail"))
    apply_waivers(report, waivers("{rule: practice-weeks, reason: ok, expires: '2026-01-15'}"), OPTIONS, KNOWN)
    assert report.results[0].status == "waived"
    report = report_with(("practice-weeks", "fail"))
    apply_waivers(report, waivers("{rule: practice-weeks, reason: ok, expires: '2026-01-14'}"), OPTIONS, KNOWN)
    [kept, waiver] = report.results
    assert kept.status == "fail"
    assert (waiver.rule, waiver.status, waiver.line) == (WAIVER_RULE, "fail", 2)
    assert waiver.message == messages.text("waiver-expired", "nb", rule="practice-weeks", expires="2026-01-14")


def test_a_waiver_without_a_reason_or_for_an_unknown_rule_fails():
    report = report_with(("practice-weeks", "fail"))
    apply_waivers(report, waivers("{rule: practice-weeks, reason: '  ', expires: '2027-01-01'}", "{rule: practise-weeks, reason: ok, expires: '2027-01-01'}"), OPTIONS, KNOWN)
    assert [(r.rule, r.status, r.line) for r in report.results] == [("practice-weeks", "fail", 0), (WAIVER_RULE, "fail", 2), (WAIVER_RULE, "fail", 3)]
    assert report.results[1].message == messages.text("waiver-no-reason", "nb", rule="practice-weeks")
    assert report.results[2].message == messages.text("waiver-unknown-rule", "nb", rule="practise-weeks")
