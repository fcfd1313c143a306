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
from functools import lru_cache
from typing import Any

from ... import messages
from ...io.loader import Document
from ...core.checks import exact
from ...core.result import InconsistentDocument, Problem
from ...core.ruleset import Ruleset
from ...core.selector import Match, select
from ...core.similar import Suggester
from ...core.similar import spelling_key as _key
from ...schema.validate import place, where

MAX_STUDY_PATHS = 256
# Per-path rules read every study path's courses, so checking costs about
# (values under the courses of a path) x (study paths).  With 256 paths of
# 6,000 courses that was 49 s; this caps the sum over all paths of the values
# under each path's courses (a value counted once per path it is on), which
# bounds a whole check at about 1 s of rules (docs/robustness.md).
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
class Programme:
    doc: Document  # the file as loaded: its marks locate every finding; its data is never changed
    data: dict  # the normalised copy the rules read
    paths: list[StudyPath]
    start: Term
    semesters: int
    conversions: dict = field(default_factory=dict)  # path of a figure -> (hours, hours per week) it was converted from

    def all_courses(self) -> list[Match]:
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

    paths = _study_paths(data, problems, lang, doc.locate(("courses",)))
    if problems:
        problems.sort(key=lambda p: (p.line, p.column))
        raise InconsistentProgramme(problems)
    return Programme(doc, data, paths, start, semesters, conversions)  # type: ignore[arg-type]


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
    # Every path holds each fixed course, and each option of a choice is on count / len(options) paths.
    values = count * sum(_size(m.value) for _, m in fixed)
    values += sum(count // len(options) * sum(_size(m.value) for _, m in options) for options in choices)
    if values > MAX_PATH_VALUES:
        problems.append(
            Problem(
                messages.text("too-many-path-values", lang, count=count, values=values, limit=MAX_PATH_VALUES),
                *at,
                code="too-many-path-values",
                where="courses",
            )
        )
        return []
    periods = [Match(p, ("practice", i)) for i, p in enumerate(data.get("practice", []))]
    paths = []
    for picked in itertools.product(*choices):
        ordered = sorted(fixed + list(picked), key=lambda pair: pair[0])
        name = " + ".join(m.value["code"] for _, m in picked)
        codes = {m.value["code"] for _, m in ordered}
        practice = [p for p in periods if p.value.get("course") is None or p.value["course"] in codes]
        paths.append(StudyPath(name, [m for _, m in ordered], practice))
    return paths


def _size(value: Any) -> int:
    """The values in `value`, itself included (a course: its code, name, outcomes, ...)."""
    if isinstance(value, dict):
        return 1 + sum(_size(v) for v in value.values())
    if isinstance(value, list):
        return 1 + sum(_size(v) for v in value)
    return 1


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


def _set(data: Any, path: tuple, value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _splitter(ruleset: Ruleset) -> re.Pattern | None:
    return _compile_splitter(tuple(ruleset.settings.get("list_separators", [])))


@lru_cache(maxsize=8)
def _compile_splitter(separators: tuple[str, ...]) -> re.Pattern | None:
    """The separators of a list item that holds several values ("title A/title B"), compiled once.

    A separator right after a hyphen marks a shortened compound (a word's
    shared ending left out, "A- og B"), never a split.
    """
    parts = []
    for sep in separators:
        word = sep.strip()
        if word.isalpha():
            parts.append(rf"(?<!-)\s+{re.escape(word)}\s+")
        elif word:
            parts.append(rf"(?<!-)\s*{re.escape(word)}\s*")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def _normalise_vocabularies(data: dict, ruleset: Ruleset) -> None:
    """Spellings to ids, in place.

    A list item that no entry spells but that splits into several values
    becomes a tuple of them (ids where recognised, the written text where
    not), at the item's own place, so every finding keeps its line.
    """
    splitter = _splitter(ruleset)
    for vocab in ruleset.vocabularies.values():
        for expr in vocab.normalise:
            in_list = expr.endswith("[*]")
            for match in select(expr, data):
                ident = vocab.lookup(match.value)
                if ident is None and in_list and splitter is not None and isinstance(match.value, str):
                    parts = [part.strip() for part in splitter.split(match.value) if part.strip()]
                    if len(parts) > 1:
                        _set(data, match.path, tuple(vocab.lookup(part) or part for part in parts))
                        continue
                if ident is not None and ident != match.value:
                    _set(data, match.path, ident)


def _normalise_refs(data: dict) -> None:
    for expr in OUTCOME_REFS:
        for match in select(expr, data):
            refs = match.value
            for i, ref in enumerate(refs):
                m = _REF.match(ref) if isinstance(ref, str) else None
                if m:
                    # Leading zeros stripped as text: int() refuses numbers over 4,300 digits.
                    refs[i] = f"{m.group(1).lstrip('0') or '0'}{m.group(2).lower()}"
