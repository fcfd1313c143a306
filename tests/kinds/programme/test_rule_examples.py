"""Each rule's own `examples` (the snippets `rusplan explain` shows) are run: pass passes, fail does not.

The snippets are fragments of a programme, as in yamllint's rule docs, so
they are judged by the one rule, on a model built from the fragment alone
(one study path of its courses and practice), not through the format's
schema.  A snippet that stopped meaning what it says fails here.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field

import pytest

from rusplan.core.checks import registry
from rusplan.core.engine import evaluate_rule
from rusplan.core.ruleset import load_rulesets
from rusplan.core.selector import Match
from rusplan.io.loader import parse
from rusplan.kinds import get
from rusplan.kinds.programme import model as programme_model

RULESET = next(r for r in load_rulesets() if r.kind == "programme")
AS_OF = dt.date(2026, 12, 1)


@dataclass
class _Path:
    name: str
    courses: list
    practice: list

    @property
    def roots(self) -> dict:
        return {"courses": self.courses, "practice": self.practice}


@dataclass
class _Fragment:
    doc: object
    data: dict
    paths: list
    conversions: dict = field(default_factory=dict)
    start: object = None
    semesters: int = 0


def _fragment(snippet: str) -> _Fragment:
    doc = parse(snippet)
    data = programme_model._copy(doc.data)
    # A fragment is judged inside the ruleset's scope (the framework it was written for).
    if RULESET.scope:
        data.setdefault("programme", {}).setdefault(RULESET.scope["path"].split(".")[-1], RULESET.scope["in"][0])
    programme_model._normalise_vocabularies(data, RULESET)
    programme_model._normalise_refs(data)
    for period in data.get("practice", []):
        if "weeks" in period or "hours" in period:
            period["weeks"] = programme_model.practice_weeks(period, RULESET)
    courses = [Match(c, ("courses", i)) for i, c in enumerate(data.get("courses", []))]
    practice = [Match(p, ("practice", i)) for i, p in enumerate(data.get("practice", []))]
    programme = data.get("programme", {})
    start = programme_model.parse_term(programme["start"], RULESET) if "start" in programme else None
    return _Fragment(doc, data, [_Path("", courses, practice)], start=start, semesters=programme.get("semesters", 0))


def _statuses(rule, snippet: str) -> set[str]:
    results = evaluate_rule(rule, _fragment(snippet), RULESET, "nb", AS_OF, get("programme"), registry(get("programme")))
    return {r.status for r in results}


@pytest.mark.parametrize("rule", [r for r in RULESET.rules if r.examples], ids=lambda r: r.id)
def test_the_pass_example_passes_and_the_fail_example_does_not(rule):
    assert _statuses(rule, rule.examples["pass"]) == {"pass"}, rule.examples["pass"]
    failed = _statuses(rule, rule.examples["fail"])
    assert "pass" not in failed and failed & {"fail", "warn"}, (rule.examples["fail"], failed)
