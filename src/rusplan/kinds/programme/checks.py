"""The study programme's own check functions: they know semesters, terms and competence areas.

Same signature as the generic functions (rusplan.core.checks): the matches,
the options from the rules file, and a Context; they return Findings.  The
pipeline offers them to the rules of programme rulesets only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...core.checks import Context, Finding
from ...core.selector import Match
from .model import parse_term, semesters_of


def precedes(ctx: Context, matches: list[Match], options: dict) -> list[Finding]:
    """Areas in `earlier` are first covered no later than the areas in `later` are reached.

    The matches are courses (their outcomes' `covers`) or practice periods
    (their own `covers`); an item's first semester is when it covers.  With
    `later_by: complete`, a later area is reached in the semester its last
    outcome is first covered (an area never completely covered is never
    reached); by default, in the semester it is first covered at all.  Only a
    strictly later semester is "after".
    """
    outcomes = ctx.ruleset.outcomes
    first_area: dict[str, tuple[int, tuple]] = {}
    first_outcome: dict[str, int] = {}
    for m in matches:
        semester = min(semesters_of(m.value), default=None)
        if semester is None:
            continue
        refs = m.value.get("covers") or [r for o in m.value.get("outcomes", []) for r in o.get("covers", [])]
        for ref in refs:
            if ref in outcomes:
                area = str(outcomes[ref]["area"])
                if area not in first_area or semester < first_area[area][0]:
                    first_area[area] = (semester, m.path)
                first_outcome[ref] = min(semester, first_outcome.get(ref, semester))
    complete = options.get("later_by", "first") == "complete"

    def reached(area: str) -> int | None:
        if not complete:
            return first_area[area][0] if area in first_area else None
        semesters = [first_outcome.get(i) for i, o in outcomes.items() if str(o["area"]) == area]
        return None if not semesters or None in semesters else max(semesters)

    later = [(s, str(a)) for a in options["later"] if (s := reached(str(a))) is not None]
    if not later:
        return []
    later_semester, later_area = min(later)
    areas = ctx.vocabulary("areas")
    return [
        Finding(
            first_area[str(a)][1],
            {
                "area": f"{a} ({areas.label(str(a), ctx.lang)})",
                "semester": first_area[str(a)][0],
                "later_area": f"{later_area} ({areas.label(later_area, ctx.lang)})",
                "later_semester": later_semester,
            },
        )
        for a in options["earlier"]
        if str(a) in first_area and first_area[str(a)][0] > later_semester
    ]


def timeline(ctx: Context, matches: list[Match], options: dict) -> list[Finding]:
    """Dated cases: each case's `when` (framework, start term, last exam, --as-of date) gives a fail or warn.

    Every failing case is reported; warning cases only when no case fails.
    """
    programme = ctx.programme
    start = programme.start
    last_exam = start.plus(programme.semesters - 1).end(ctx.ruleset)
    facts = {
        "framework": programme.data["programme"]["framework"],
        "start": start.label(ctx.ruleset, ctx.lang),
        "last_exam": last_exam.strftime("%d.%m.%Y"),
        "as_of": ctx.as_of.strftime("%d.%m.%Y"),
    }
    anchor = ("programme", "start")

    def holds(key: str, wanted: Any) -> bool:
        if key == "framework":
            return facts["framework"] == wanted
        if key in ("start_from", "start_before"):
            term = parse_term(wanted, ctx.ruleset)
            return (start.index >= term.index) == (key == "start_from")
        day = dt.date.fromisoformat(str(wanted))
        if key == "last_exam_after":
            return last_exam > day
        if key == "as_of_after":
            return ctx.as_of > day
        if key == "as_of_from":
            return ctx.as_of >= day
        raise ValueError(f"unknown timeline condition {key}")

    hits = [case for case in options["cases"] if all(holds(k, v) for k, v in case["when"].items())]
    failing = [c for c in hits if c.get("status", "fail") == "fail"]
    return [
        Finding(anchor, dict(facts), status=case.get("status", "fail"), message=case.get("message"), quote=case.get("quote"))
        for case in (failing or hits)
    ]


FUNCTIONS = {
    "precedes": precedes,
    "timeline": timeline,
}


def area_of_outcome(ruleset, value: Any) -> str | None:
    """The competence area an outcome id belongs to (covers-all over `areas` names areas by their outcomes)."""
    outcome = ruleset.outcomes.get(value) if isinstance(value, str) else None
    return str(outcome["area"]) if outcome is not None else None


VOCABULARY_MAPS = {"areas": area_of_outcome}
