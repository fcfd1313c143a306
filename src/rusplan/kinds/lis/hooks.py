"""What the pipeline asks the LIS plan kind (see rusplan.kinds for the protocol)."""

from __future__ import annotations

from ...core.ruleset import Vocabulary
from .model import LisPlan, build, objective_label  # noqa: F401  (build: Document + Ruleset -> LisPlan)

__all__ = ["FUNCTIONS", "VIEWS", "build", "conversion_note", "outcomes", "reword", "rules_vocabularies", "starter", "title"]

FUNCTIONS: dict = {}  # the LIS rules use generic functions only (core.checks)


def title(plan: LisPlan) -> tuple[str, str]:
    """What titles the report: the employer and the doctor's pseudonymous id."""
    return plan.data["plan"]["employer"], plan.data["plan"]["candidate"]


def rules_vocabularies(data: dict, problem) -> dict:
    """The vocabulary a LIS rules file declares outside `vocabularies`: its learning objectives.

    An entry's words are its title (or the source's short label): reports
    write "014 (psykisk status, ...)".  `problem(path, message)` records an
    objective listed for a learning arena the file does not declare.
    """
    arenas = {str(e["id"]) for e in data["vocabularies"].get("learning_arenas", {}).get("entries", [])}
    entries = []
    for index, objective in enumerate(data["objectives"]):
        words = {lang: objective_label(objective, lang) for lang in ("nb", "nn", "en")}
        entries.append(dict(objective, **{lang: text for lang, text in words.items() if text}))
        for a_index, arena in enumerate(objective["arenas"]):
            if str(arena) not in arenas:
                problem(("objectives", index, "arenas", a_index), f"objective {objective['id']} names learning arena '{arena}', which is not declared")
    return {"objectives": Vocabulary("objectives", entries)}


def starter(ruleset, lang: str) -> str:
    """The commented starter plan of `rusplan init --kind lis-plan`."""
    from .starter import starter as text

    return text(ruleset, lang)


# Keys rusplan computes for the rules: the format declares them so that rules may read them, and refuses them in a plan.
COMPUTED = {"counted_months": "lis-computed-counted", "end": "lis-computed-end"}


def reword(problem, doc, ruleset, lang: str):
    """A computed key written in a plan (`counted_months`, `plan.end`): say so, at the key, not the schema's English.

    The format declares them `false`, which JSON Schema reports at the object holding the key.
    """
    import re

    from ... import messages
    from ...core.result import Problem

    if problem.code != "schema":
        return problem
    path = tuple(int(index) if index else key for key, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", problem.where))
    node = doc.data
    for step in path:
        node = node[step] if isinstance(node, (dict, list)) and (isinstance(step, int) or step in node) else None
    key = next((k for k in COMPUTED if isinstance(node, dict) and k in node), None)
    if key is None:
        return problem
    where = f"{problem.where}.{key}" if problem.where else key
    line, column = doc.locate(path + (key,), key=True)
    return Problem(messages.text(COMPUTED[key], lang, where=where), line, column, code="computed-key", where=where)


def conversion_note(converted: dict, lang: str) -> str:
    """' (deltid: 12 mnd × 50 % = 6 mnd)' for the part-time periods a rule counted."""
    from ... import messages

    if not converted:
        return ""
    items = [
        messages.text("lis-part-time", lang, months=messages.number(months, lang), percent=messages.number(percent, lang), counted=messages.number(counted, lang))
        for months, percent, counted in converted.values()
    ]
    return messages.text("lis-part-time-note", lang, items="; ".join(dict.fromkeys(items)))


def _matrix(plan: LisPlan, ruleset, lang: str):
    from .matrix import from_plan

    return from_plan(plan, ruleset, lang)


VIEWS = {"matrix": _matrix}


def outcomes(ruleset, lang: str, arena: str | None = None) -> list[str]:
    """`rusplan outcomes --kind lis-plan`: the objectives with the learning arenas the source lists them for.

    One line per objective: its id, its arenas and its title or the source's
    short label.  `arena` (an id or spelling of a learning arena) keeps only
    the objectives listed for it.
    """
    arenas = ruleset.vocabularies["learning_arenas"]
    wanted = arenas.lookup(arena) if arena is not None else None
    lines = []
    for objective in ruleset.vocabularies["objectives"].by_id.values():
        listed = [str(a) for a in objective.get("arenas", [])]
        if arena is not None and wanted not in listed:
            continue
        where = ", ".join(arenas.label(a, lang) for a in listed)
        label = objective_label(objective, lang)
        lines.append(f"{objective['id']}  [{where}]" + (f" {label}" if label else ""))
    return lines
