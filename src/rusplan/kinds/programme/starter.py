"""`rusplan init`: a commented starter programme file, in Bokmål, Nynorsk or English.

The starter is valid against the schema but deliberately incomplete (and
says so), so that `rusplan check` on it answers with located failures that
show what is left to write.  Every figure, id and name of the regulation in
it is read from the ruleset: the courses are named after the competence
areas, cover the first outcomes of the first areas, and each section lists
the rules that judge it.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap

from ... import messages
from ...core.ruleset import Ruleset
from . import KIND
from .model import Term

COMMENT_COLUMN = 44
WRAP = 88
FORMAT = KIND.format

def starter(ruleset: Ruleset, lang: str, today: dt.date | None = None) -> str:
    """The starter file's text in `lang` (nb, nn or en); its words are messages.py's `init-*` entries."""
    words = _Words(lang)
    today = today or dt.date.today()
    vocab = ruleset.vocabularies
    areas = vocab["areas"].ids
    outcomes = list(ruleset.outcomes.values())

    def first_outcomes(area: str, count: int) -> list[str]:
        return [o["id"] for o in outcomes if str(o["area"]) == area][:count]

    def ids(name: str, count: int | None = None) -> list[str]:
        return vocab[name].ids[:count] if name in vocab else []

    def listing(values: list[str]) -> str:
        return " | ".join(values)

    fill = {
        "format": FORMAT,
        "outcome_count": len(outcomes),
        "frameworks": listing(ids("frameworks")),
        "kinds": listing(ids("practice_kinds")),
        "fields": listing(ids("practice_fields")),
        "examples": ", ".join(ids("learning_forms", 4)),
    }
    professions = [vocab["professions"].label(p, lang) for p in ids("professions")]
    scope = ruleset.scope or {}
    framework = (scope.get("in") or ids("frameworks") or [""])[0]
    # The coming autumn: a start the transition rules accept for a new programme.
    start = Term(today.year + (today.month > 6), True).label(ruleset, lang)
    course_credits = 10
    credits = _required(ruleset, "programme.credits", 2 * course_credits)

    lines: list[str] = [f"# {line.format(**fill)}".rstrip() for line in words["header"].split("\n")]
    out = _Writer(lines, words, fill, ruleset)
    out.blank()
    out.key("format: " + FORMAT, "format")
    out.section("programme")
    out.key(f"  institution: {words['institution-value']}", "institution")
    out.key("  code: PROG60", "code")
    out.key(f"  name: {words['name-value']}", "name")
    out.key(f"  credits: {_number(credits)}", "credits")
    out.key("  pace: part-time", "pace")
    out.key("  semesters: 4", "semesters")
    out.key(f"  start: {start}", "start")
    out.key(f"  framework: {framework}", "framework")
    out.section("admission")
    out.key(f"  degree_years: {_number(_required(ruleset, 'admission.degree_years', 3))}", "degree-years")
    out.key(f"  professions: {_flow(professions)}", "professions")
    out.comment("  " + words["other"])
    out.key("  # other_education:", None)
    out.key("  #   individual_assessment: true", "individual")
    out.key(f"  #   min_years: {_number(_required(ruleset, 'admission.other_education.min_years', 3))}", "min-years")
    out.section("courses", words["courses"], words["courses-2"])
    for index, area in enumerate(areas[:2]):
        code = f"EMNE{index + 1}" if lang != "en" else f"COURSE{index + 1}"
        first = index == 0
        out.key(f"  - code: {code}", "course-code" if first else None)
        out.key(f"    name: {_scalar(vocab['areas'].label(area, lang))}", None)
        out.key(f"    credits: {course_credits}", "course-credits" if first else None)
        out.key(f"    semester: {index + 1}", "course-semester" if first else None)
        out.key(f"    learning_forms: {_flow(ids('learning_forms', 2))}", "learning-forms" if first else None)
        out.key("    outcomes:", "outcomes" if first else None)
        out.key(f"      - text: {words['outcome-text']}", None)
        out.key(f"        covers: {_flow(first_outcomes(area, 2 if first else 1))}", "covers" if first else None)
    out.comment("  " + words["todo-courses"])
    out.section("practice", words["practice"])
    out.key("practice: []", None)
    out.key("# practice:", None)
    out.key(f"#   - name: {words['practice-name']}", None)
    out.key(f"#     course: {'EMNE2' if lang != 'en' else 'COURSE2'}", "practice-course")
    out.key(f"#     kind: {(ids('practice_kinds', 1) or ['placement'])[0]}", "kind")
    out.key(f"#     weeks: {_number(_required(ruleset, 'practice[*].weeks', 1))}", "weeks")
    out.key("#     semester: 2", None)
    out.key(f"#     fields: {_flow(ids('practice_fields'))}", "fields")
    out.key(f"#     provider: {words['provider-value']}", "provider")
    out.key(f"#     covers: {_flow(first_outcomes(areas[1], 1) if len(areas) > 1 else [])}", "practice-covers")
    out.section("agreements", words["agreements"])
    out.key("agreements: []", None)
    out.key("# agreements:", None)
    out.key(f"#   - provider: {words['provider-value']}", None)
    out.key(f"#     regulates: {_flow(ids('agreement_topics'))}", "regulates")
    return "\n".join(lines) + "\n"


class _Words:
    """The starter's words in `lang`: messages.py entries `init-<word>`, unfilled ({placeholders} stay)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __getitem__(self, word: str) -> str:
        entry = messages.MESSAGES[f"init-{word}"]
        return entry.get(self.lang) or entry["en"]


class _Writer:
    """Appends YAML lines with their comments aligned at COMMENT_COLUMN."""

    def __init__(self, lines: list[str], words: dict, fill: dict, ruleset: Ruleset) -> None:
        self.lines, self.words, self.fill, self.ruleset = lines, words, fill, ruleset

    def blank(self) -> None:
        self.lines.append("")

    def comment(self, text: str) -> None:
        indent = len(text) - len(text.lstrip())
        self.lines.append(f"{' ' * indent}# {text.strip()}")

    def key(self, yaml_line: str, word: str | None) -> None:
        if word is None:
            self.lines.append(yaml_line)
            return
        note = self.words[word].format(**self.fill)
        if len(yaml_line) < COMMENT_COLUMN:
            self.lines.append(f"{yaml_line:<{COMMENT_COLUMN - 1}} # {note}")
        elif yaml_line.lstrip().startswith("#"):  # inside a commented-out example
            self.lines.append(f"{yaml_line}  # {note}")
        else:  # a long value gets its comment on the line above
            self.comment(" " * (len(yaml_line) - len(yaml_line.lstrip())) + note)
            self.lines.append(yaml_line)

    def section(self, name: str, *notes: str) -> None:
        """A blank line, the section's notes and the rules that judge it, then `name:`."""
        self.blank()
        for note in notes:
            self.comment(note)
        rules = [f"{r.id} ({r.section})" for r in self.ruleset.rules if any(_under(g, name) for g in r.given)]
        if rules:
            # wrap between rules, never inside "id (§ n)"
            text = self.words["checked-by"].format(rules=", ".join(r.replace(" ", "\0") for r in rules))
            wrapped = textwrap.wrap(text, WRAP, initial_indent="# ", subsequent_indent="#   ", break_on_hyphens=False)
            self.lines += [line.replace("\0", " ") for line in wrapped]
        if name not in ("practice", "agreements"):  # those two start with an empty list and an example
            self.lines.append(f"{name}:")


def _under(expr: str, name: str) -> bool:
    return expr == name or expr.startswith((name + ".", name + "["))


def _required(ruleset: Ruleset, path: str, default: float) -> float:
    """The figure a rule compares the value at `path` with (or sums it to), else `default`."""
    for rule in ruleset.rules:
        for check in rule.checks:
            field = check.field or check.options.get("field")
            for given in rule.given:
                full = f"{given}.{field}" if field else given
                if full == path and isinstance(check.options.get("value"), (int, float)):
                    return check.options["value"]
    return default


def _number(value: float):
    return int(value) if float(value).is_integer() else value


def _flow(values: list[str]) -> str:
    return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in values) + "]"


def _scalar(text: str) -> str:
    plain = text and text[0] not in "-?:,[]{}#&*!|>'\"%@`" and ": " not in text and " #" not in text
    return text if plain else json.dumps(text, ensure_ascii=False)
