"""What the pipeline asks the study-programme kind (see rusplan.kinds for the protocol)."""

from __future__ import annotations

from ... import messages
from ...core.result import Problem
from .checks import FUNCTIONS, VOCABULARY_MAPS  # noqa: F401  (the kind's functions, offered to its rules)
from .model import Programme, build  # noqa: F401  (build: Document + Ruleset -> Programme)

__all__ = ["FUNCTIONS", "VOCABULARY_MAPS", "VIEWS", "build", "info", "outcomes", "reword", "rules_vocabularies", "starter", "title"]


def title(programme: Programme) -> tuple[str, str]:
    """What titles the report: the institution and the programme's code."""
    return programme.data["programme"]["institution"], programme.data["programme"]["code"]


def info(programme: Programme, lang: str) -> list[str]:
    """Notes for the report that are no verdict: admission requirements beyond the regulation's."""
    extra = programme.data["admission"].get("additional_requirements")
    return [messages.text("info-additional", lang, items=", ".join(extra))] if extra else []


def reword(problem: Problem, doc, ruleset, lang: str) -> Problem:
    """A start term the format's pattern refused ("høst 2024", a date): the exact rewrite, from the ruleset's term words."""
    from ...schema.validate import place
    from .model import suggest_term

    if problem.where != "programme.start" or problem.code not in ("schema-pattern", "date-not-text"):
        return problem
    value = doc.data["programme"]["start"]
    suggestion = suggest_term(value, ruleset, lang)
    if not suggestion:
        return problem
    at = place(("programme", "start"), doc.data, lang)
    text = messages.text("term-suggestion", lang, where=at, term=value, suggestion=suggestion)
    return Problem(text, problem.line, problem.column, code="term-suggestion", where=problem.where)


def rules_vocabularies(data: dict, problem) -> dict:
    """The vocabularies a programme rules file declares outside `vocabularies`: its outcomes and competence areas.

    `problem(path, message)` records what is inconsistent (an outcome in an undeclared area).
    """
    from ...core.ruleset import Vocabulary

    found = {
        "outcomes": Vocabulary("outcomes", [dict(o, nb=o["text"]) for o in data["outcomes"]]),
        "areas": Vocabulary("areas", [dict(a, id=str(a["id"]), nb=a["name"], en=a.get("name_en")) for a in data["areas"]]),
    }
    for index, outcome in enumerate(data["outcomes"]):
        if str(outcome["area"]) not in found["areas"].by_id:
            problem(("outcomes", index, "area"), f"outcome {outcome['id']} names area {outcome['area']}, which is not declared")
    return found


def starter(ruleset, lang: str) -> str:
    """The commented starter programme file of `rusplan init`."""
    from .starter import starter as text

    return text(ruleset, lang)


def outcomes(ruleset, lang: str, group: str | None = None) -> list[str]:
    """`rusplan outcomes`: the learning outcomes by competence area, with the ids to use in `covers` (`group`: one area)."""
    from ...messages import category_label

    areas = ruleset.vocabularies["areas"]
    lines = []
    for area_id in areas.ids:
        if group is not None and area_id != group:
            continue
        lines.append(f"{area_id}. {areas.label(area_id, lang)}")
        for outcome in ruleset.outcomes.values():
            if str(outcome["area"]) == area_id:
                lines.append(f"  {outcome['id']:<4} [{category_label(outcome['category'], lang)}] {outcome['text']}")
    return lines


def _matrix(programme: Programme, ruleset, lang: str):
    from .matrix import from_programme

    return from_programme(programme, ruleset, lang)


VIEWS = {"matrix": _matrix}
