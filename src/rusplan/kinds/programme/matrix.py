"""The coverage matrix: the regulation's learning outcomes against a programme's courses and practice.

A view of the programme's model (the pipeline builds it once, for
`rusplan matrix` and for the HTML report): pure data for
reporters/matrix_render.py and reporters/html_report.py; nothing here prints
or judges a rule.  Rows are the ruleset's outcomes, grouped by competence area
and category; columns are the courses (every option of a choice) and the
practice periods, in semester order.  A row is highlighted when no course
covers it: on no study path ("uncovered") or only on some ("partial").
Practice periods count towards coverage on the study paths that include them
(practice is part of the education, §§ 20–21, as in the rules file's outcome
rule), and a row covered only by practice is marked so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ... import messages
from ...core.ruleset import Ruleset
from ...reporters.escape import visible
from .model import Programme, Term, semesters_of

COVERED, PARTIAL, UNCOVERED = "covered", "partial", "uncovered"


@dataclass(frozen=True)
class Column:
    kind: str  # course | practice
    label: str  # short header: the course code, "*" marking an option of a choice; P1, P2 ... for practice
    name: str
    semesters: tuple[int, ...]
    covers: frozenset
    choice: str = ""  # the choice an option belongs to
    weeks: float = 0.0  # practice only
    practice_kind: str = ""  # practice only, in words
    when: str = ""  # shown instead of the semesters where a kind has none (a rotation period: "2025-09, 12 mnd")


@dataclass
class Row:
    id: str
    text: str
    cells: tuple[bool, ...]  # one per column
    status: str  # covered | partial | uncovered
    missing_on: tuple[str, ...] = ()  # study paths on which no course or practice period covers it (partial)
    practice_only: bool = False  # covered, but by practice periods alone

    @property
    def count(self) -> int:
        return sum(self.cells)


@dataclass
class Category:
    id: str
    label: str
    rows: list[Row]


@dataclass
class Area:
    id: str
    label: str
    categories: list[Category]

    @property
    def rows(self) -> list[Row]:
        return [row for category in self.categories for row in category.rows]


@dataclass
class Matrix:
    path: str
    programme: dict  # the file's `programme` mapping, normalised
    columns: list[Column]
    areas: list[Area]
    terms: dict[int, str]  # semester number -> term label (YYYY-høst, YYYY-vår)
    study_paths: list[str]
    professions: list[str] = field(default_factory=list)  # labels, in the file's order
    framework: str = ""  # the programme's framework, as its ruleset names it in the matrix's language
    path_columns: dict = field(default_factory=dict)  # study path name -> the indexes of the columns it takes
    dossier: object = None  # dossier.Dossier: the evidence behind the matrix, for the HTML report
    words: dict = field(default_factory=dict)  # renderer message key -> a document kind's own key (matrix_render.word)
    meta: list = field(default_factory=list)  # a kind's own (label, value) rows for the HTML report; none: the programme's

    @property
    def rows(self) -> list[Row]:
        return [row for area in self.areas for row in area.rows]

    def with_status(self, status: str) -> list[Row]:
        return [row for row in self.rows if row.status == status]

    def practice_only(self) -> list[Row]:
        """Outcomes that only practice periods cover."""
        return [row for row in self.rows if row.practice_only]

    def column_totals(self) -> list[int]:
        """How many outcomes each column covers."""
        return [sum(row.cells[i] for row in self.rows) for i in range(len(self.columns))]


def from_programme(programme: Programme, ruleset: Ruleset, lang: str) -> Matrix:
    data = programme.data
    entries: list[tuple[tuple, tuple, Column]] = []  # (sort key, place in the document, column)
    choices = {i: item["choice"] for i, item in enumerate(data["courses"]) if "choice" in item}
    for match in programme.all_courses():
        course = match.value
        choice = choices.get(match.path[1], "")
        covers = frozenset(ref for outcome in course["outcomes"] for ref in outcome["covers"])
        semesters = tuple(sorted(set(semesters_of(course))))
        label = visible(course["code"]) + ("*" if choice else "")
        column = Column("course", label, visible(course["name"]), semesters, covers, choice=visible(choice))
        entries.append(((semesters[0], 0), match.path, column))
    kinds = ruleset.vocabularies.get("practice_kinds")
    for index, period in enumerate(data.get("practice", [])):
        column = Column(
            "practice",
            f"P{index + 1}",
            visible(period["name"]),
            (period["semester"],),
            frozenset(period["covers"]),
            weeks=period["weeks"],
            practice_kind=kinds.label(str(period["kind"]), lang) if kinds else str(period["kind"]),
        )
        entries.append(((period["semester"], 1), ("practice", index), column))
    entries.sort(key=lambda entry: entry[0])  # stable: document order within a semester
    columns = [column for _, _, column in entries]

    # The columns each study path takes (its courses and practice), to tell
    # "covered nowhere" from "not on every path".
    place = {path: i for i, (_, path, _) in enumerate(entries)}
    paths = [(visible(p.name), [place[m.path] for m in p.courses + p.practice]) for p in programme.paths]
    lacking = _without_paths(programme, place, lang) if not paths else None

    def row(outcome: dict) -> Row:
        ident = outcome["id"]
        cells = tuple(ident in c.covers for c in columns)
        if lacking is not None:  # too many paths to build: one path that lacks it, as an example
            missing = lacking(cells)
            if not any(cells):
                return Row(ident, outcome["text"], cells, UNCOVERED)
        else:
            missing = tuple(name for name, taken in paths if not any(cells[i] for i in taken))
        if lacking is None and len(missing) == len(paths):
            return Row(ident, outcome["text"], cells, UNCOVERED)
        practice_only = not any(on and c.kind == "course" for on, c in zip(cells, columns))
        return Row(ident, outcome["text"], cells, PARTIAL if missing else COVERED, missing, practice_only)

    areas_vocab = ruleset.vocabularies["areas"]
    outcomes = list(ruleset.outcomes.values())
    categories = list(dict.fromkeys(o["category"] for o in outcomes))  # in the rules file's order
    areas = []
    for area_id in areas_vocab.ids:
        in_area = [o for o in outcomes if str(o["area"]) == area_id]
        groups = [
            Category(cat, messages.category_label(cat, lang), [row(o) for o in in_area if o["category"] == cat])
            for cat in categories
        ]
        areas.append(Area(area_id, areas_vocab.label(area_id, lang), [g for g in groups if g.rows]))

    start: Term = programme.start
    terms = {n: start.plus(n - 1).label(ruleset, lang) for n in range(1, programme.semesters + 1)}
    professions_vocab = ruleset.vocabularies.get("professions")
    professions = [
        visible(professions_vocab.label(str(p), lang) if professions_vocab else str(p))
        for item in data["admission"].get("professions", [])
        for p in (item if isinstance(item, tuple) else (item,))  # one item read as several titles
    ]
    # Every text from the file is `visible` here, once, for every matrix format and the HTML report.
    shown = {key: visible(value) if isinstance(value, str) else value for key, value in data["programme"].items()}
    from .dossier import build as dossier

    names = [name for name, _ in paths] if paths else [messages.text("path-count", lang, count=programme.choices.count)]

    frameworks = ruleset.vocabularies.get("frameworks")
    framework = frameworks.label(data["programme"]["framework"], lang) if frameworks else shown["framework"]
    taken = {name: tuple(sorted(indexes)) for name, indexes in paths}
    return Matrix(
        visible(programme.doc.path),
        shown,
        columns,
        areas,
        terms,
        names,
        professions,
        visible(framework),
        taken,
        dossier(programme, ruleset, lang),
    )


def _without_paths(programme: Programme, place: dict, lang: str):
    """For study paths too many to build: `lacking(cells)` -> (the name of a path none of whose
    columns is on, as an example,) or () when every path has one (core/paths.py reasons alike)."""
    choices = programme.choices
    fixed_codes = {m.value["code"] for _, m in choices.fixed}
    fixed = [place[m.path] for _, m in choices.fixed]
    fixed += [place[p.path] for p in choices.periods if p.value.get("course") is None or p.value["course"] in fixed_codes]
    options = [
        [[place[m.path]] + [place[p.path] for p in choices.periods if p.value.get("course") == m.value["code"]] for _, m in option]
        for option in choices.options
    ]

    def lacking(cells: tuple) -> tuple:
        if any(cells[i] for i in fixed):
            return ()
        picks = []
        for option in options:
            j = next((j for j, columns in enumerate(option) if not any(cells[i] for i in columns)), None)
            if j is None:
                return ()
            picks.append(j)
        name = visible(choices.path(tuple(picks)).name)
        return (messages.text("path-example", lang, path=name, count=messages.number(choices.count, lang)),)

    return lacking
