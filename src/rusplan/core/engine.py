"""Evaluate a ruleset against a document kind's model: rules in, RuleResults out.

The engine knows nothing about any particular rule or kind.  For each rule it
decides the scope (skip), the contexts (one per path of the model for per-path
rules: a programme's study paths), runs the rule's check functions (the
generic ones and the kind's own) on the selected values and turns their
findings into located, worded results.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .. import kinds, messages
from . import paths as composed
from .checks import FUNCTIONS, Context, Finding, field_values, registry
from .result import RuleResult
from .ruleset import Rule, Ruleset
from .selector import Match, Selections, compile_path, select

Model = Any  # a document kind's model: .doc, .data, .paths, .conversions (see rusplan.kinds)


def evaluate(programme: Model, ruleset: Ruleset, lang: str, as_of: dt.date, kind: kinds.Kind | None = None) -> list[RuleResult]:
    kind = kind or kinds.get(ruleset.kind)
    functions = registry(kind)
    selections = Selections(programme.data)  # rules and study paths read the same values: each selected once
    results: list[RuleResult] = []
    for rule in ruleset.rules:
        results.extend(evaluate_rule(rule, programme, ruleset, lang, as_of, kind, functions, selections))
    return results


def outside_scope(programme: Model, ruleset: Ruleset) -> str | None:
    """The programme's value at the ruleset's scope path when it is outside the scope, else None."""
    scope = ruleset.scope
    if not scope:
        return None
    found = select(scope["path"], programme.data)
    value = found[0].value if found else None
    return None if value in scope["in"] else str(value)


def scope_all_sections(ruleset: Ruleset) -> str:
    """The sections of the rules that judge every programme ("§ 22"): all an out-of-scope programme is judged by."""
    return ", ".join(dict.fromkeys(rule.section for rule in ruleset.rules if rule.scope_all))


def _out_of_scope(rule: Rule, programme: Model, ruleset: Ruleset) -> str | None:
    return None if rule.scope_all else outside_scope(programme, ruleset)


def _outside_rule_scope(rule: Rule, programme: Model) -> bool:
    """Whether the rule's own `scope` ({path, in}) leaves this document out (a plan not yet completed)."""
    if rule.scope is None:
        return False
    found = select(rule.scope["path"], programme.data)
    return (found[0].value if found else None) not in rule.scope["in"]


def skip_text(scope: dict, value: str, ruleset: Ruleset, lang: str) -> str:
    """Why a document is outside `scope`: the scope's own message, else the programme's wording (a framework)."""
    vocab = next((v for v in ruleset.vocabularies.values() if scope["path"] in v.normalise), None)
    label = vocab.label(value, lang) if vocab is not None else value
    if "message" in scope:
        return _fill(scope["message"], lang, {"value": label})
    return messages.text("skip-framework", lang, framework=label)


def evaluate_rule(
    rule: Rule,
    programme: Model,
    ruleset: Ruleset,
    lang: str,
    as_of: dt.date,
    kind: kinds.Kind | None = None,
    functions: dict = FUNCTIONS,
    selections: Selections | None = None,
) -> list[RuleResult]:
    outside = _out_of_scope(rule, programme, ruleset)
    if outside is not None:
        return [_result(rule, lang, "skip", skip_text(ruleset.scope, outside, ruleset, lang), (0, 0))]
    if _outside_rule_scope(rule, programme):
        return [_result(rule, lang, "skip", _fill(rule.scope["message"], lang, {}) if "message" in rule.scope else rule.text("title", lang), (0, 0))]

    selections = selections or Selections(programme.data)
    anchor = (compile_path(rule.given[0])[0].key,)
    choices = getattr(programme, "choices", None)
    plan = None
    if rule.per_path and not programme.paths and choices is not None:
        # Too many study paths to build: the few that decide the rule (core/paths.py).
        probe = Context(programme, ruleset, lang, as_of, {}, anchor, kind=kind, selections=selections)
        plan = composed.plan(rule, programme, probe, selections, functions, (MAX_PATHS_IN_ORDER, MAX_VALUES_IN_ORDER))
        runs = [(choices.path(picks), checks) for picks, checks in plan.runs.items()]
    else:
        runs = [(study_path, rule.checks) for study_path in (programme.paths if rule.per_path else [None])]
    # (finding's location, message) -> study paths it was found on, in order
    found: dict[tuple, list[str]] = {}
    details: dict[tuple, tuple[Finding, str, str]] = {}
    facts: dict = {}
    converted: dict = {}  # figures the rule read that were converted from hours
    for study_path, checks in runs:
        roots = study_path.roots if study_path else {}
        ctx = Context(programme, ruleset, lang, as_of, roots, anchor, kind=kind, selections=selections)
        path_facts: dict = {}
        for check in checks:
            matches = _matches(rule, check.field, selections, roots)
            converted.update(_conversions(programme, matches, check.options.get("field")))
            outcome = functions[check.function].run(ctx, matches, check.options)
            path_facts.update(outcome.facts)
            for finding in outcome.findings:
                text = _message(rule, check.message, finding, lang)
                key = (finding.path, text)
                on = found.setdefault(key, [])
                name = study_path.name if study_path else ""
                if name not in on:  # two checks of one rule may find the same thing
                    on.append(name)
                status = finding.status or ("warn" if check.severity == "warning" else "")
                details.setdefault(key, (finding, text, status))
        facts = facts or path_facts

    # A kind whose model converts figures in its own way words the note itself (a LIS plan: part time).
    own_note = getattr(kind.module, "conversion_note", None) if kind is not None else None
    note = own_note(converted, lang) if own_note is not None else _conversion_note(converted, lang)
    if not found and plan is not None and plan.unreached is not None:
        return [_unreached(rule, lang, choices, plan, programme.doc.locate(anchor, key=True))]
    if not found:
        text = _fill(rule.pass_message, lang, {"section": rule.section, **facts}) + note if rule.pass_message else rule.text("title", lang)
        return [_result(rule, lang, "pass", text, programme.doc.locate(anchor, key=True))]
    results = []
    for key, on_paths in found.items():
        finding, text, status = details[key]
        text += note
        if plan is not None:  # one of very many paths: named as an example
            named = messages.text("path-example", lang, path=on_paths[0], count=messages.number(choices.count, lang))
        else:  # a finding on every path is about the programme; on some, name them
            named = "" if len(on_paths) == len(runs) else ", ".join(on_paths)
        status = status or ("fail" if rule.severity == "error" else "warn")
        # A finding about a whole list (practice, courses) points at its key.
        line, column = programme.doc.locate(finding.path, key=finding.path == anchor)
        result = _result(rule, lang, status, text, (line, column), study_path=named)
        if finding.quote:
            result.quote = finding.quote
        results.append(result)
    return results


def _matches(rule: Rule, field: str | None, selections: Selections, roots: dict) -> list[Match]:
    return field_values([m for expr in rule.given for m in selections(expr, roots)], field)


# A per-path rule whose function has no composed evaluation (core/paths.py) is run on the
# paths in order, as many as enumerating would once build (256 paths, 300,000 values).
MAX_PATHS_IN_ORDER = 256
MAX_VALUES_IN_ORDER = 300_000


def _unreached(rule: Rule, lang: str, choices, plan, position: tuple) -> RuleResult:
    """No failure on the paths checked, but not every path was: the rule is not judged (an error rule) or warns."""
    status = "unrecognised" if rule.severity == "error" else "warn"
    text = messages.text(
        "paths-not-reached",
        lang,
        checked=messages.number(plan.reached, lang),
        count=messages.number(choices.count, lang),
        path=choices.path(plan.unreached).name,
    )
    return _result(rule, lang, status, text, position)


def _conversions(programme: Model, matches: list[Match], field: str | None) -> dict:
    found = {}
    for m in matches:
        path = m.path + (field,) if field else m.path
        if path in programme.conversions:
            found[path] = programme.conversions[path]
    return found


def _conversion_note(converted: dict, lang: str) -> str:
    """' (omregnet fra timer: 140 t ÷ 37,5 t/uke = 3,73 uker)' for the figures a rule read in hours."""
    if not converted:
        return ""
    by_rate: dict = {}  # periods at the same hours per week are added up
    for hours, per_week in converted.values():
        by_rate[per_week] = by_rate.get(per_week, 0) + hours
    items = [
        messages.text("conversion", lang, hours=hours, per_week=per_week, weeks=messages.number(hours / per_week, lang))
        for per_week, hours in by_rate.items()
    ]
    return messages.text("conversion-note", lang, items="; ".join(items))


def _message(rule: Rule, check_message: dict | None, finding: Finding, lang: str) -> str:
    template = (
        finding.message
        or (check_message if finding.code == "fail" else None)
        or (rule.message if finding.code == "fail" else rule.messages.get(finding.code))
        or rule.message
    )
    return _fill(template, lang, {"section": rule.section, **finding.params})


def _fill(template: dict, lang: str, params: dict) -> str:
    """The template in `lang` with its placeholders filled; figures as the language writes them (3,5 in nb and nn).

    Names only (template.py): a rules file's message never reaches an attribute.
    """
    from .template import fill

    text = template.get(lang) or template.get("nb", "")
    return fill(text, params, lambda v: messages.number(v, lang) if _is_figure(v) else str(v))


def _is_figure(value) -> bool:
    """int, float, Decimal or Fraction (by name: decimal and fractions are imported only where used)."""
    return (isinstance(value, (int, float)) and not isinstance(value, bool)) or type(value).__name__ in ("Decimal", "Fraction")


def _result(rule: Rule, lang: str, status: str, message: str, position: tuple, study_path: str = "") -> RuleResult:
    return RuleResult(
        rule=rule.id,
        status=status,
        severity=rule.severity,
        section=rule.section,
        title=rule.text("title", lang),
        message=message,
        quote=rule.quote,
        line=position[0],
        column=position[1],
        study_path=study_path,
    )
