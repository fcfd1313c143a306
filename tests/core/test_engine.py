"""core/engine.py: rules x model -> located, worded results; it knows no rule and no kind."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from rusplan import kinds
from rusplan.core.engine import _fill, evaluate
from rusplan.io import loader

AS_OF = dt.date(2026, 1, 15)


def test_a_message_shows_figures_as_the_language_writes_them_and_keeps_unknown_placeholders():
    template = {"nb": "praksis utgjør {actual} uker; {section} krever minst {expected} ({typo})", "en": "x"}
    assert _fill(template, "nb", {"actual": Fraction(7, 2), "expected": 4, "section": "§ 21"}) == "praksis utgjør 3,5 uker; § 21 krever minst 4 ({typo})"
    assert _fill({"nb": "{actual} uker"}, "en", {"actual": 3.5}) == "3.5 uker"  # no English text: Bokmål words, English figures


def _results(examples_dir, bundled_rulesets, name: str, changes: dict | None = None, lang: str = "nb"):
    [ruleset] = [r for r in bundled_rulesets if r.kind == "programme"]  # rules/ holds the LIS plan's rules too
    text = (examples_dir / name).read_text(encoding="utf-8")
    for old, new in (changes or {}).items():
        assert text.count(old) == 1
        text = text.replace(old, new)
    doc = loader.parse(text, name)
    kind = kinds.get(ruleset.kind)
    return evaluate(kind.build(doc, ruleset, lang), ruleset, lang, AS_OF, kind)


def test_a_programme_outside_the_scope_is_judged_only_by_the_rules_for_all(examples_dir, bundled_rulesets):
    results = _results(examples_dir, bundled_rulesets, "compliant.yaml", {"framework: retningslinje-2022": "framework: rammeplan-2005"})
    skipped = [r for r in results if r.status == "skip"]
    assert {r.rule for r in results if r.status != "skip"} == {"transition"}
    # The framework is named by the vocabulary that reads the scope's path, in the report's language.
    assert skipped and all(r.message == "gjelder ikke programmer etter rammeplan for videreutdanning i psykisk helsearbeid (2005)" for r in skipped)


def test_a_finding_on_every_study_path_names_none_and_is_located(examples_dir, bundled_rulesets):
    results = _results(examples_dir, bundled_rulesets, "compliant.yaml")
    assert {r.status for r in results} == {"pass"} and all(r.study_path == "" for r in results)
    weeks = [r for r in _results(examples_dir, bundled_rulesets, "fail-practice-weeks.yaml") if r.rule == "practice-weeks"]
    assert [(r.status, r.study_path) for r in weeks] == [("fail", "")]
    assert weeks[0].line > 0 and "§ 21" in weeks[0].message
