"""The programme as the rules see it.

After the schema has accepted a document, `build` makes the model: a new,
normalised copy of the data (spellings to vocabulary ids, outcome references
like "§ 4 a" to their canonical id, hours to weeks, exact numbers; the loaded
document is never changed, so every ruleset reads the file as written),
checks what the schema cannot (semesters within the programme, course links,
unique codes) and expands choices into study paths.  Everything
regulation-specific it needs comes from the ruleset.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from ... import messages
from ...io.loader import Document
from ...core.checks import exact
from ...core.paths import value_count
from ...core.result import InconsistentDocument, Problem
from ...core.ruleset import Ruleset
from ...core.selector import Match, select
from ...core.spellings import normalise_spellings, set_at
from ...core.similar import Suggester
from ...core.similar import spelling_key as _key
from ...schema.validate import place, where

# Up to this many study paths (four binary choices), each is built and every per-path rule
# runs on each, so a finding names every path it is on; that costs up to ~2.5x one path.
# Beyond it (or beyond MAX_PATH_VALUES), the paths are not built: per-path rules are
# evaluated from the choices (core/paths.py), in time linear in the number of choices, and
# a finding names one path it is on as an example (a list of 32 or more paths helps no one).
MAX_STUDY_PATHS = 16
# Enumerating costs about (values under the courses of a path) x (study paths): with 256
# paths of 6,000 courses that was 49 s.  Past this sum over all paths of the values under each
# path's courses (a value counted once per path it is on), the paths are not built either.
MAX_PATH_VALUES = 300_000

# Every place in the format where an outcome reference may stand.
OUTCOME_REFS = (
    "courses[*].outcomes[*].covers",
    "courses[*].options[*].outcomes[*].covers",
    "practice[*].covers",
)
# One optional run of spaces on each side of "§", never two runs in a row: linear time
# (a form like \s*§?\s* backtracks quadratically over 40,000 spaces).
_REF = re.compile(r"\s*(?:§\s*)?([0-9]+)\s*([A-Za-z])\s*\Z")


class InconsistentProgramme(InconsistentDocument):
    """What the schema cannot check is wrong (a semester past the end, a course linked twice ...)."""


@dataclass(frozen=True)
class Term:
    year: int
    autumn: bool

    @property
    def index(self) -> int:
        return self.year * 2 + int(self.autumn)

    def plus(self, terms: int) -> "Term":
        index = self.index + terms
        return Term(index // 2, bool(index % 2))

    def label(self, ruleset: Ruleset, lang: str) -> str:
        season = "autumn" if self.autumn else "spring"
        labels = ruleset.settings.get("term_labels", {})
        if lang in labels or "nb" in labels:
            return f"{self.year}-{labels.get(lang, labels.get('nb'))[season]}"
        names = ruleset.settings["terms"][season]
        word = names[0] if lang == "en" else next((n for n in names if not n.isascii()), names[0])
        return f"{self.year}-{word}"

    def end(self, ruleset: Ruleset) -> dt.date:
        month, day = ruleset.settings["term_end"]["autumn" if self.autumn else "spring"].split("-")
        return dt.date(self.year, int(month), int(day))


def parse_term(text: str, ruleset: Ruleset) -> Term | None:
    year, _, word = str(text).partition("-")
    for season, names in ruleset.settings["terms"].items():
        if _key(word) in {_key(n) for n in names}:
            return Term(int(year), season == "autumn")
    return None


def suggest_term(text: str, ruleset: Ruleset, lang: str) -> str | None:
    """The term `text` means, written as the format wants it, or None.

    Reads the forms people write: "høst 2024", "Høst 2024", "2024-HØST",
    "autumn 2024", "H24", "2024H", "2024 haust", and a date ("2024-08-15": the
    term whose end, in settings.term_end, it falls before).  Season words and
    short forms come from the rules' settings.
    """
    words = str(text).strip()
    date = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", words)
    if date:
        year, month_day = int(date.group(1)), f"{date.group(2)}-{date.group(3)}"
        spring_end = ruleset.settings["term_end"]["spring"]
        return Term(year, month_day > spring_end).label(ruleset, lang)
    settings = ruleset.settings
    seasons = {}
    for season in ("autumn", "spring"):
        for name in settings["terms"][season] + settings.get("term_abbreviations", {}).get(season, []):
            seasons[_key(name)] = season
    parts = re.findall(r"[0-9]+|[^\W\d_]+", words)
    years = [p for p in parts if p.isdigit()]
    names = [p for p in parts if not p.isdigit()]
    if len(years) != 1 or len(names) != 1 or _key(names[0]) not in seasons or len(years[0]) not in (2, 4):
        return None
    year = int(years[0]) + (2000 if len(years[0]) == 2 else 0)
    return Term(year, seasons[_key(names[0])] == "autumn").label(ruleset, lang)


def _in_calendar(start: Term, semesters: int, ruleset: Ruleset) -> bool:
    """Whether every term from `start` has an end date Python can represent (years 1-9999)."""
    try:
        start.end(ruleset)
        start.plus(semesters - 1).end(ruleset)
    except (ValueError, OverflowError):
        return False
    return True


@dataclass
class StudyPath:
    name: str  # "" when the programme has no choices
    courses: list[Match]
    # The practice periods of this path: those linked to no course or to a
    # course the path takes (a period of an option counts only where it is taken).
    practice: list[Match] = field(default_factory=list)

    @property
    def roots(self) -> dict:
        """Where this path's selectors start: its own courses and practice, not the whole file's."""
        return {"courses": self.courses, "practice": self.practice}


@dataclass
class Choices:
    """The study paths without building them: the fixed courses, each choice's options, the practice.

    A path takes every fixed course and one option of each choice (`picks`: the
    option's index per choice); a practice period linked to a course is on the
    paths that take the course.
    """

    fixed: list[tuple[int, Match]]  # (place in `courses`, course)
    options: list[list[tuple[int, Match]]]  # per choice, its options
    periods: list[Match]
    count: int  # how many study paths there are

    def path(self, picks: tuple[int, ...]) -> StudyPath:
        picked = [options[j] for options, j in zip(self.options, picks)]
        ordered = sorted(self.fixed + picked, key=lambda pair: pair[0])
        name = " + ".join(m.value["code"] for _, m in picked)
        codes = {m.value["code"] for _, m in ordered}
        practice = [p for p in self.periods if p.value.get("course") is None or p.value["course"] in codes]
        return StudyPath(name, [m for _, m in ordered], practice)

    def first(self) -> tuple[int, ...]:
        return (0,) * len(self.options)


@dataclass
class Programme:
    doc: Document  # the file as loaded: its marks locate every finding; its data is never changed
    data: dict  # the normalised copy the rules read
    paths: list[StudyPath]
    start: Term
    semesters: int
    conversions: dict = field(default_factory=dict)  # path of a figure -> (hours, hours per week) it was converted from
    # The choices the paths are made of; `paths` is empty when they are too many to build.
    choices: Choices | None = None

    def all_courses(self) -> list[Match]:
        if self.choices is not None and not self.paths:
            return [m for _, m in sorted(self.choices.fixed + [o for options in self.choices.options for o in options], key=lambda p: p[0])]
        seen: dict[tuple, Match] = {}
        for path in self.paths:
            for match in path.courses:
                seen.setdefault(match.path, match)
        return list(seen.values())


def semesters_of(course: dict) -> list[int]:
    value = course.get("semester", [])
    return list(value) if isinstance(value, list) else [value]


def practice_weeks(period: dict, ruleset: Ruleset) -> Fraction:
    """A period's weeks, exactly; hours at the period's own hours_per_week, else the rules file's."""
    if "weeks" in period:
        return Fraction(exact(period["weeks"]))
    return Fraction(exact(period["hours"])) / Fraction(exact(hours_per_week(period, ruleset)))


def hours_per_week(period: dict, ruleset: Ruleset):
    """The full-time week a period's hours are counted in: its own, else the rules file's."""
    return period.get("hours_per_week", ruleset.settings["hours_per_week"])


def build(doc: Document, ruleset: Ruleset, lang: str) -> Programme:
    """The programme `ruleset` judges, or InconsistentProgramme; `doc.data` stays as loaded."""
    data = _copy(doc.data)
    _whole_numbers(data)
    _normalise_vocabularies(data, ruleset)
    _normalise_refs(data)
    conversions: dict = {}  # ("practice", i, "weeks") -> (hours, hours per week), for the messages
    for index, period in enumerate(data.get("practice", [])):
        period["weeks"] = practice_weeks(period, ruleset)
        if "hours" in period and period["weeks"]:
            conversions[("practice", index, "weeks")] = (period["hours"], hours_per_week(period, ruleset))
    data["programme"]["credits"] = exact(data["programme"]["credits"])
    for match in _course_matches(data):
        match.value["credits"] = exact(match.value["credits"])

    problems: list[Problem] = []

    def problem(path: tuple, message_key: str, **params) -> None:
        line, column = doc.locate(path)
        at = place(path, data, lang)
        problems.append(Problem(messages.text(message_key, lang, where=at, **params), line, column, code=message_key, where=where(path)))

    programme = data["programme"]
    frameworks = ruleset.vocabularies.get("frameworks")
    if frameworks is not None and programme["framework"] not in frameworks.by_id:
        best = frameworks.nearest(programme["framework"])
        suggestion = messages.text("schema-suggestion", lang, best=best) if best else ""
        problem(("programme", "framework"), "unknown-framework", value=programme["framework"], suggestion=suggestion)
    start = parse_term(programme["start"], ruleset)
    semesters = programme["semesters"]
    if start is None:
        suggestion = suggest_term(programme["start"], ruleset, lang)
        if suggestion:
            problem(("programme", "start"), "term-suggestion", term=programme["start"], suggestion=suggestion)
        else:
            problem(("programme", "start"), "unknown-term", term=programme["start"], example=Term(2024, True).label(ruleset, lang))
    elif not _in_calendar(start, semesters, ruleset):
        problem(("programme", "start"), "term-out-of-range", term=programme["start"])

    courses = [m for m in _course_matches(data)]
    for path in [m.path for m in courses] + [("practice", i) for i in range(len(data.get("practice", [])))]:
        if path in doc.repeats:
            # Both named by position: a copy has the same code and name as its original.
            problem(path, "alias-repeat", copy=where(path), first=where(doc.repeats[path]))
    codes: dict[str, tuple] = {}
    for match in courses:
        code = match.value["code"]
        if code in codes and match.path not in doc.repeats:
            problem(match.path + ("code",), "duplicate-course", code=code, first_line=doc.locate(codes[code])[0])
        codes.setdefault(code, match.path + ("code",))
        for i, semester in enumerate(semesters_of(match.value)):
            if semester > semesters:
                sub = ("semester", i) if isinstance(match.value["semester"], list) else ("semester",)
                problem(match.path + sub, "semester-beyond", semester=semester, semesters=semesters)
    suggest = None
    for index, period in enumerate(data.get("practice", [])):
        if period["semester"] > semesters:
            problem(("practice", index, "semester"), "semester-beyond", semester=period["semester"], semesters=semesters)
        linked = period.get("course")
        if linked is not None and linked not in codes:
            if suggest is None:
                suggest = Suggester(codes, cutoff=0.6)
            close = suggest(linked)
            suggestion = messages.text("schema-suggestion", lang, best=close) if close else ""
            problem(("practice", index, "course"), "unknown-course", code=linked, suggestion=suggestion)

    choices = _choices(data)
    paths = _study_paths(choices)
    if problems:
        problems.sort(key=lambda p: (p.line, p.column))
        raise InconsistentProgramme(problems)
    return Programme(doc, data, paths, start, semesters, conversions, choices)  # type: ignore[arg-type]


def _copy(value: Any) -> Any:
    """A copy of loaded data (mappings, lists, scalars) to normalise; faster than copy.deepcopy.

    The loader shares no objects (an alias is built again), so a plain tree copy is exact.
    """
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


def _course_matches(data: dict):
    for i, item in enumerate(data["courses"]):
        if "options" in item:
            for j, option in enumerate(item["options"]):
                yield Match(option, ("courses", i, "options", j))
        else:
            yield Match(item, ("courses", i))


def _choices(data: dict) -> Choices:
    fixed: list[tuple[int, Match]] = []
    choices: list[list[tuple[int, Match]]] = []
    for i, item in enumerate(data["courses"]):
        if "options" in item:
            choices.append([(i, Match(o, ("courses", i, "options", j))) for j, o in enumerate(item["options"])])
        else:
            fixed.append((i, Match(item, ("courses", i))))
    count = 1
    for options in choices:
        count *= len(options)
    periods = [Match(p, ("practice", i)) for i, p in enumerate(data.get("practice", []))]
    return Choices(fixed, choices, periods, count)


def _study_paths(choices: Choices) -> list[StudyPath]:
    """Every study path, in the order of the choices' options; none if they are too many to build."""
    if choices.count > MAX_STUDY_PATHS:
        return []
    # Every path holds each fixed course, and each option of a choice is on count / len(options) paths.
    count = choices.count
    values = count * sum(value_count(m.value) for _, m in choices.fixed)
    values += sum(count // len(options) * sum(value_count(m.value) for _, m in options) for options in choices.options)
    if values > MAX_PATH_VALUES and count > 1:  # one path is read once: the node limit bounds it
        return []
    return [choices.path(picks) for picks in itertools.product(*(range(len(options)) for options in choices.options))]


def _whole(value: Any) -> Any:
    return int(value) if isinstance(value, float) else value


def _whole_numbers(data: dict) -> None:
    """Semesters written `4.0` are the integer 4 (JSON Schema's "integer" accepts them)."""
    programme = data["programme"]
    programme["semesters"] = _whole(programme["semesters"])
    for expr in ("courses[*].semester", "courses[*].options[*].semester", "practice[*].semester"):
        for match in select(expr, data):
            value = match.value
            _set(data, match.path, [_whole(v) for v in value] if isinstance(value, list) else _whole(value))


# Spellings to ids is generic (core.spellings); the names stay for this module's callers.
_set = set_at
_normalise_vocabularies = normalise_spellings


def _normalise_refs(data: dict) -> None:
    for expr in OUTCOME_REFS:
        for match in select(expr, data):
            refs = match.value
            for i, ref in enumerate(refs):
                m = _REF.match(ref) if isinstance(ref, str) else None
                if m:
                    # Leading zeros stripped as text: int() refuses numbers over 4,300 digits.
                    refs[i] = f"{m.group(1).lstrip('0') or '0'}{m.group(2).lower()}"
