"""`rusplan explain RULE`: a rule's documentation, ruff-style, and what the file may say.

Besides the rule's text, quote and examples, it lists the accepted spellings
of every vocabulary the rule reads (they live in the installed rules file,
which coordinators never open), lists the rules of a section for
`explain "§ 21"`, and suggests the nearest rule id for a typo.  Every word
is from messages.py (`explain-*`) or the rules file.
"""

from __future__ import annotations

import re

from . import messages
from .core.ruleset import Rule, Ruleset
from .core.similar import spelling_key as _key
from .core.selector import compile_path

# Vocabularies too long to list here; `rusplan outcomes` lists them.
_LISTED_ELSEWHERE = {"outcomes", "areas"}


def explain_rule(rule: Rule, ruleset: Ruleset, lang: str) -> str:
    t = lambda key, **params: messages.text(key, lang, **params)  # noqa: E731
    checks = ", ".join(c.function for c in rule.checks)
    how = t("explain-how", given=", ".join(rule.given), checks=checks, severity=t(f"explain-severity-{rule.severity}"))
    if rule.per_path:
        how += t("explain-per-path")
    lines = [
        f"{rule.id} — {rule.text('title', lang)}",
        "",
        t("explain-what"),
        f"  {rule.text('description', lang)}",
        "",
        t("explain-why", section=rule.section, regulation=ruleset.regulation["title"]),
        f"  «{rule.quote}»",
        "",
        how,
        "",
    ]
    lines += _spellings(rule, ruleset, lang)
    lines += [
        t("explain-pass") + ":",
        *("  " + l for l in rule.examples["pass"].splitlines()),
        "",
        t("explain-fail") + ":",
        *("  " + l for l in rule.examples["fail"].splitlines()),
        "",
    ]
    return "\n".join(lines)


def read_vocabularies(rule: Rule, ruleset: Ruleset) -> list[str]:
    """Names of the vocabularies `rule` reads: named in its checks, or normalising a path it selects."""
    names: list[str] = []

    def add(name: str) -> None:
        if name in ruleset.vocabularies and name not in names:
            names.append(name)

    for check in rule.checks:
        if "vocabulary" in check.options:
            add(check.options["vocabulary"])
        for wanted in (check.options.get("where") or {}).values():
            if isinstance(wanted, dict) and "vocabulary" in wanted:
                add(wanted["vocabulary"])
        if check.function == "timeline" and "frameworks" in ruleset.vocabularies:
            add("frameworks")
    given = [_plain(expr + (f".{c.field}" if c.field else "")) for expr in rule.given for c in rule.checks]
    for name, vocab in ruleset.vocabularies.items():
        for expr in vocab.normalise:
            target = _plain(expr)
            if any(target.startswith(g) or g.startswith(target) for g in given):
                add(name)
    return names


def _plain(expr: str) -> str:
    """A path with its list steps dropped: courses[*].learning_forms[*] -> courses.learning_forms."""
    try:
        return ".".join(step.key for step in compile_path(expr))
    except Exception:  # noqa: BLE001 - an unusual path only loses its spellings here
        return re.sub(r"\[[^\]]*\]", "", expr)


def _spellings(rule: Rule, ruleset: Ruleset, lang: str) -> list[str]:
    names = read_vocabularies(rule, ruleset)
    reads_terms = any(c.function == "timeline" for c in rule.checks)
    if not names and not reads_terms:
        return []
    lines = [messages.text("explain-spellings", lang)]
    for name in names:
        vocab = ruleset.vocabularies[name]
        if name in _LISTED_ELSEWHERE:
            lines.append("  " + messages.text("explain-see-outcomes", lang, name=name))
            continue
        where = ", ".join(vocab.normalise)
        lines.append(f"  {name}" + (f" ({where})" if where else "") + ":")
        if not vocab.normalise:  # read as written: only the ids are accepted
            lines.append("    " + ", ".join(vocab.ids))
            continue
        for ident in vocab.ids:
            entry = vocab.by_id[ident]
            spelt = [entry.get(k) for k in ("nb", "nn", "en")] + list(entry.get("aliases", []))
            others = [s for i, s in enumerate(spelt) if s and _key(s) != _key(ident) and _key(s) not in {_key(x) for x in spelt[:i] if x}]
            lines.append(f"    {ident}" + (f": {', '.join(others)}" if others else ""))
    if reads_terms:
        terms = ruleset.settings["terms"]
        lines.append("  programme.start: " + messages.text(
            "explain-terms", lang, autumn="/".join(terms["autumn"]), spring="/".join(terms["spring"])
        ))
    lines += ["  " + messages.text("explain-spellings-note", lang), ""]
    return lines


def section_rules(section: str, rulesets) -> list[Rule]:
    """The rules of `section` ("§ 21", "§21", "21"; a point of the LIS advice: "pkt. 4.1", "4.1").

    A range like "§§ 4–18" holds each § in it; a § never matches a point.
    """
    point = re.fullmatch(r"(?:pkt\.?|punkt)?\s*([0-9]+\.[0-9]+)", section.strip(), re.IGNORECASE)
    if point:
        return [rule for ruleset in rulesets for rule in ruleset.rules if rule.section == f"pkt. {point[1]}"]
    wanted = re.sub(r"[§\s]", "", section)
    if not wanted.isdigit():
        return []
    number = int(wanted)
    found = []
    for ruleset in rulesets:
        for rule in ruleset.rules:
            if "§" not in rule.section:
                continue
            numbers = [int(n) for n in re.findall(r"[0-9]+", rule.section)]
            ranged = len(numbers) == 2 and re.search(r"[–-]", rule.section)
            if (ranged and numbers[0] <= number <= numbers[1]) or (not ranged and number in numbers):
                found.append(rule)
    return found


def explain_section(section: str, rules: list[Rule], lang: str) -> str:
    lines = [messages.text("explain-section", lang, section=section.strip(), count=len(rules)), ""]
    width = max(len(r.id) for r in rules)
    for rule in rules:
        severity = messages.text(f"explain-severity-{rule.severity}", lang)
        lines.append(f"  {rule.id:<{width}}  {rule.section:<9} {severity:<10} {rule.text('title', lang)}")
    lines += ["", messages.text("explain-section-hint", lang), ""]
    return "\n".join(lines)


def nearest_rule(name: str, rulesets) -> str:
    from .core.similar import closest

    return closest(name, [r.id for rs in rulesets for r in rs.rules], cutoff=0.6) or ""
