"""The programme as the rules see it.

After the schema has accepted a document, this module normalises it in
place (spellings to vocabulary ids, outcome references like "§ 4 a" to
their canonical id, hours to weeks),
checks what the schema cannot (semesters within the programme, course links,
unique codes) and expands choices into study paths.  Everything
regulation-specific it needs comes from the ruleset.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from . import messages
from .loader import Document
from .result import Problem
from .ruleset import Ruleset, _key
from .selector import Match, select
from .validate import place, where

MAX_STUDY_PATHS = 256

# Every place in the format where an outcome reference may stand.
OUTCOME_REFS = (
    "courses[*].outcomes[*].covers",
    "courses[*].options[*].outcomes[*].covers",
    "practice[*].covers",
)
_REF = re.compile(r"\s*§?\s*([0-9]+)\s*([A-Za-z])\s*\Z")


class InconsistentProgramme(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems)
        self.problems = problems


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


@dataclass
class Programme:
    doc: Document
    paths: list[StudyPath]
    start: Term
    semesters: int
    conversions: dict = field(default_factory=dict)  # path of a figure -> (hours, hours per week) it was converted from

    @property
    def data(self) -> dict:
        return self.doc.data

    def all_courses(self) -> list[Match]:
        seen: dict[tuple, Match] = {}
        for path in self.paths:
            for match in path.courses:
                seen.setdefault(match.path, match)
        return list(seen.values())


def semesters_of(course: dict) -> list[int]:
    value = course.get("semester", [])
    return list(value) if isinstance(value, list) else [value]


def practice_weeks(period: dict, ruleset: Ruleset) -> float:
    if "weeks" in period:
        return period["weeks"]
    return period["hours"] / ruleset.settings["hours_per_week"]


def build(doc: Document, ruleset: Ruleset, lang: str) -> Programme:
    data = doc.data
    _normalise_vocabularies(data, ruleset)
    _normalise_refs(data)
    conversions: dict = {}  # ("practice", i, "weeks") -> (hours, hours per week), for the messages
    for index, period in enumerate(data.get("practice", [])):
        period["weeks"] = practice_weeks(period, ruleset)
        if "hours" in period and period["weeks"]:
            conversions[("practice", index, "weeks")] = (period["hours"], period["hours"] / period["weeks"])

    problems: list[Problem] = []

    def problem(path: tuple, message_key: str, **params) -> None:
        line, column = doc.locate(path)
        at = place(path, data, lang)
        problems.append(Problem(messages.text(message_key, lang, where=at, **params), line, column, code=message_key, where=where(path)))

    programme = data["programme"]
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
    codes: dict[str, tuple] = {}
    for match in courses:
        code = match.value["code"]
        if code in codes:
            problem(match.path + ("code",), "duplicate-course", code=code, first_line=doc.locate(codes[code])[0])
        codes.setdefault(code, match.path + ("code",))
        for i, semester in enumerate(semesters_of(match.value)):
            if semester > semesters:
                sub = ("semester", i) if isinstance(match.value["semester"], list) else ("semester",)
                problem(match.path + sub, "semester-beyond", semester=semester, semesters=semesters)
    for index, period in enumerate(data.get("practice", [])):
        if period["semester"] > semesters:
            problem(("practice", index, "semester"), "semester-beyond", semester=period["semester"], semesters=semesters)
        linked = period.get("course")
        if linked is not None and linked not in codes:
            from difflib import get_close_matches  # only for a misspelling

            close = get_close_matches(linked, list(codes), n=1, cutoff=0.6)
            suggestion = messages.text("schema-suggestion", lang, best=close[0]) if close else ""
            problem(("practice", index, "course"), "unknown-course", code=linked, suggestion=suggestion)

    paths = _study_paths(data, problems, lang, doc.locate(("courses",)))
    if problems:
        problems.sort(key=lambda p: (p.line, p.column))
        raise InconsistentProgramme(problems)
    return Programme(doc, paths, start, semesters, conversions)  # type: ignore[arg-type]


def _course_matches(data: dict):
    for i, item in enumerate(data["courses"]):
        if "options" in item:
            for j, option in enumerate(item["options"]):
                yield Match(option, ("courses", i, "options", j))
        else:
            yield Match(item, ("courses", i))


def _study_paths(data: dict, problems: list[Problem], lang: str, at: tuple[int, int]) -> list[StudyPath]:
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
    if count > MAX_STUDY_PATHS:
        problems.append(
            Problem(messages.text("too-many-paths", lang, count=count, limit=MAX_STUDY_PATHS), *at, code="too-many-paths", where="courses")
        )
        return []
    paths = []
    for picked in itertools.product(*choices):
        ordered = sorted(fixed + list(picked), key=lambda pair: pair[0])
        name = " + ".join(m.value["code"] for _, m in picked)
        paths.append(StudyPath(name, [m for _, m in ordered]))
    return paths


def _set(data: Any, path: tuple, value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _normalise_vocabularies(data: dict, ruleset: Ruleset) -> None:
    for vocab in ruleset.vocabularies.values():
        for expr in vocab.normalise:
            for match in select(expr, data):
                ident = vocab.lookup(match.value)
                if ident is not None and ident != match.value:
                    _set(data, match.path, ident)


def _normalise_refs(data: dict) -> None:
    for expr in OUTCOME_REFS:
        for match in select(expr, data):
            refs = match.value
            for i, ref in enumerate(refs):
                m = _REF.match(ref) if isinstance(ref, str) else None
                if m:
                    refs[i] = f"{int(m.group(1))}{m.group(2).lower()}"
