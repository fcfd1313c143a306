"""Each LIS rule's own `examples` (the snippets `rusplan explain` shows) are run: pass passes, fail does not.

As for the study programme (tests/kinds/programme/test_rule_examples.py), the
snippets are fragments of a plan, judged by their one rule on a model built
from the fragment alone: spellings, objective ids and months normalised,
counted months and the plan's end computed where the fragment has what they
need, not through the format's schema.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from fractions import Fraction

import pytest

from rusplan.core.checks import exact, registry
from rusplan.core.dates import month_number, month_text
from rusplan.core.engine import evaluate_rule
from rusplan.core.ruleset import load_rulesets
from rusplan.core.selector import select
from rusplan.io.loader import parse
from rusplan.kinds import get
from rusplan.kinds.lis import model
from rusplan.kinds.lis.model import WholePlan
from rusplan.kinds.programme.model import _normalise_vocabularies

RULESET = next(r for r in load_rulesets() if r.kind == "lis-plan")


@dataclass
class _Fragment:
    doc: object
    data: dict
    paths: list = field(default_factory=lambda: [WholePlan()])
    conversions: dict = field(default_factory=dict)


def _fragment(snippet: str) -> _Fragment:
    doc = parse(snippet)
    data = model.copy.deepcopy(doc.data)
    # A fragment is judged inside the ruleset's scope (the specialty it was written for).
    data.setdefault("plan", {}).setdefault("specialty", RULESET.scope["in"][0])
    _normalise_vocabularies(data, RULESET)
    for expr in model.OBJECTIVES:
        for match in select(expr, data):
            model._set(data, match.path, model.objective_id(match.value, RULESET.settings))
    for expr in model.MONTHS:
        for match in select(expr, data):
            if month_number(match.value) is not None:
                model._set(data, match.path, month_text(month_number(match.value)))
    full = Fraction(exact(RULESET.settings["full_time_percent"]))
    ends = []
    for period in data.get("rotations", []):
        if "months" in period:
            period["counted_months"] = Fraction(exact(period["months"])) * Fraction(exact(period.get("percent", full))) / full
            if month_number(period.get("start")) is not None:
                ends.append(month_number(period["start"]) + math.ceil(period["months"]))
    if ends:
        data["plan"]["end"] = month_text(max(ends))
    return _Fragment(doc, data)


def _statuses(rule, snippet: str) -> set[str]:
    results = evaluate_rule(rule, _fragment(snippet), RULESET, "nb", dt.date(2026, 12, 1), get("lis-plan"), registry(get("lis-plan")))
    return {r.status for r in results}


@pytest.mark.parametrize("rule", RULESET.rules, ids=lambda r: r.id)
def test_the_pass_example_passes_and_the_fail_example_does_not(rule):
    assert _statuses(rule, rule.examples["pass"]) == {"pass"}, rule.examples["pass"]
    failed = _statuses(rule, rule.examples["fail"])
    assert "pass" not in failed and failed & {"fail", "warn"}, (rule.examples["fail"], failed)
