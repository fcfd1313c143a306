"""Per-programme waivers: a documented, dated exception to one rule.

A valid waiver turns the rule's failures and warnings into `waived` results
that carry the reason.  A waiver that has expired, gives no reason or names
no rule is itself an error, so exceptions cannot outlive their purpose.
"""

from __future__ import annotations

import datetime as dt

from .. import messages
from ..io.loader import Document
from .result import FileReport, RuleResult

WAIVER_RULE = "waiver"


def apply_waivers(report: FileReport, doc: Document, options, known: set[str]) -> None:
    """`known`: the ids of every rule loaded, selected or not."""
    active: dict[str, dict] = {}
    for index, waiver in enumerate(doc.data.get("waivers", [])):
        rule, reason = waiver["rule"], waiver["reason"].strip()
        expires = dt.date.fromisoformat(waiver["expires"])
        problem = None
        if rule not in known:
            problem = messages.text("waiver-unknown-rule", options.lang, rule=rule)
        elif not reason:
            problem = messages.text("waiver-no-reason", options.lang, rule=rule)
        elif expires < options.as_of:
            problem = messages.text("waiver-expired", options.lang, rule=rule, expires=waiver["expires"])
        if problem:
            line, column = doc.locate(("waivers", index))
            report.results.append(
                RuleResult(
                    rule=WAIVER_RULE,
                    status="fail",
                    severity="error",
                    section="",
                    title=messages.text("waiver-title", options.lang),
                    message=problem,
                    line=line,
                    column=column,
                )
            )
        else:
            active[rule] = waiver
    for result in report.results:
        waiver = active.get(result.rule)
        if waiver and result.status in ("fail", "warn"):
            result.status = "waived"
            result.reason = waiver["reason"].strip()
