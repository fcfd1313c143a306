"""Check functions of the study-programme kind: they know semesters, areas and terms.

Declared with the same :func:`rusplan.core.checks.register` as the generic
functions (see its docstring), into this kind's own FUNCTIONS: rules of kind
programme use them like the generic ones, their options are checked when a
rules file loads, and rules files of other kinds cannot name them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...core.checks import Context, Finding, Outcome, register, takes
from ...core.selector import Match

FUNCTIONS: dict = {}  # name -> core.checks.Function, offered to rules files of kind programme (hooks.FUNCTIONS)

AREA_IDS = {"type": "array", "minItems": 1, "items": {"type": "integer"}, "x-ids": {"vocabulary": "areas"}}


@register(
    "precedes",
    into=FUNCTIONS,
    input=("object",),
    options=takes(
        {
            "earlier": dict(AREA_IDS, description="areas that should be covered first"),
            "later": dict(AREA_IDS, description="areas that build on them"),
            "later_by": {"enum": ["first", "complete"], "description": "a later area is reached when first touched (default) or when completely covered"},
        },
        "earlier",
        "later",
    ),
    reports={"fail": ("area", "semester", "later_area", "later_semester")},
)
def precedes(ctx: Context, matches: list[Match], options: dict) -> Outcome:
    """Areas in `earlier` are first covered no later than the areas in `later` are reached.

    The matches are courses (their outcomes' `covers`) or practice periods
    (their own `covers`); an item's first semester is when it covers.  With
    `later_by: complete`, a later area is reached in the semester its last
    outcome is first covered (an area never completely covered is never
    reached); by default, in the semester it is first covered at all.  Only a
    strictly later semester is "after".
    """
    from .model import semesters_of

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
        return Outcome()
    later_semester, later_area = min(later)
    areas = ctx.vocabulary("areas")
    return Outcome(
        [
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
    )


_TERM = {"type": "string", "minLength": 1}
_DAY = {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
TIMELINE_FACTS = ("framework", "start", "last_exam", "as_of")


def _cross_check(options: dict, site) -> list[tuple[tuple, str]]:
    """Frameworks the rules file knows, terms its `settings.terms` can read, days that exist: else a case never holds or fails at run time."""
    from .model import parse_term

    problems = []
    for c_index, case in enumerate(options.get("cases", [])):
        for key, wanted in case.get("when", {}).items():
            at = ("cases", c_index, "when", key)
            if key == "framework":
                problems += [(at, p) for p in _framework_problems(wanted, site)]
            elif key in ("start_from", "start_before") and parse_term(str(wanted), site) is None:
                problems.append((at, f"'{wanted}' is not a term: write YEAR-autumn or YEAR-spring (the words of settings.terms)"))
            elif key in ("last_exam_after", "as_of_after", "as_of_from"):
                try:
                    dt.date.fromisoformat(str(wanted))
                except ValueError:
                    problems.append((at, f"'{wanted}' is not a date (YYYY-MM-DD)"))
    return problems


def _framework_problems(wanted, site) -> list[str]:
    """A framework the vocabulary reading programme.framework does not have could never match."""
    for vocab in site.vocabularies.values():
        if "programme.framework" in vocab.normalise and str(wanted) not in vocab.by_id:
            return [f"'{wanted}' is not an id of vocabulary '{vocab.name}' ({', '.join(vocab.ids)})"]
    return []


@register(
    "timeline",
    into=FUNCTIONS,
    input=("object",),
    options=takes(
        {
            "cases": {
                "type": "array",
                "minItems": 1,
                "items": takes(
                    {
                        "when": takes(
                            {
                                "framework": {"type": "string", "minLength": 1},
                                "start_from": _TERM,
                                "start_before": _TERM,
                                "last_exam_after": _DAY,
                                "as_of_after": _DAY,
                                "as_of_from": _DAY,
                            },
                            anyOf=[{"required": [k]} for k in ("framework", "start_from", "start_before", "last_exam_after", "as_of_after", "as_of_from")],
                        ),
                        "status": {"enum": ["fail", "warn"]},
                        "quote": {"$ref": "#/$defs/text"},
                        "message": {"$ref": "#/$defs/i18n", "x-message": "fail"},
                    },
                    "when",
                ),
            }
        },
        "cases",
    ),
    reports={"fail": TIMELINE_FACTS},
    cross_check=_cross_check,
)
def timeline(ctx: Context, matches: list[Match], options: dict) -> Outcome:
    """Dated cases: each case's `when` (framework, start term, last exam, --as-of date) gives a fail or warn.

    Every failing case is reported; warning cases only when no case fails.
    """
    from .model import parse_term

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
        return ctx.as_of >= day  # as_of_from: the options schema admits no other key

    hits = [case for case in options["cases"] if all(holds(k, v) for k, v in case["when"].items())]
    failing = [c for c in hits if c.get("status", "fail") == "fail"]
    return Outcome(
        [
            Finding(anchor, dict(facts), status=case.get("status", "fail"), message=case.get("message"), quote=case.get("quote"))
            for case in (failing or hits)
        ]
    )


def area_of_outcome(ruleset, value: Any) -> str | None:
    """The competence area an outcome id belongs to (covers-all over `areas` names areas by their outcomes)."""
    outcome = ruleset.outcomes.get(value) if isinstance(value, str) else None
    return str(outcome["area"]) if outcome is not None else None


VOCABULARY_MAPS = {"areas": area_of_outcome}
