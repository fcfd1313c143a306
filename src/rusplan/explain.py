"""`rusplan explain RULE`: a rule's documentation, ruff-style."""

from __future__ import annotations

from .ruleset import Rule, Ruleset


def explain_rule(rule: Rule, ruleset: Ruleset, lang: str) -> str:
    nb = lang == "nb"
    checks = ", ".join(c.function for c in rule.checks)
    given = ", ".join(rule.given)
    lines = [
        f"{rule.id} — {rule.text('title', lang)}",
        "",
        ("Hva den kontrollerer" if nb else "What it checks"),
        f"  {rule.text('description', lang)}",
        "",
        ("Hvorfor" if nb else "Why") + f" ({rule.section}, {ruleset.regulation['title']})",
        f"  «{rule.quote}»",
        "",
        ("Hvordan" if nb else "How") + f": given {given} → {checks}; severity {rule.severity}"
        + ("; per studieløp" if nb and rule.per_path else "; per study path" if rule.per_path else ""),
        "",
        ("Eksempel som består" if nb else "Passing example") + ":",
        *("  " + l for l in rule.examples["pass"].splitlines()),
        "",
        ("Eksempel som feiler" if nb else "Failing example") + ":",
        *("  " + l for l in rule.examples["fail"].splitlines()),
        "",
    ]
    return "\n".join(lines)
