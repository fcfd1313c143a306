"""What an accreditation committee reads besides the verdicts: the programme as evidence.

Pure data for the HTML report (issue 15), built from the model like the
matrix: the courses with their credits, the credits of each study path, for
every national outcome the programme's own outcome texts that claim it (the
evidence, with the course code), the practice periods with provider, weeks
and the agreement each relies on, the agreements, and admission with the
criteria for other education.  Nothing here judges a rule: "relies on" names
the agreement whose provider is the period's, as written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Programme, semesters_of


@dataclass(frozen=True)
class Evidence:
    source: str  # a course code, or P1, P2 ... for a practice period
    text: str  # the course's outcome text, or the practice period's name
    practice: bool = False


@dataclass
class Course:
    code: str
    name: str
    credits: object  # a number as written (exact)
    semesters: tuple
    choice: str
    learning_forms: list[str]
    outcomes: list[tuple[str, tuple]]  # (text, covered ids)


@dataclass
class Period:
    label: str  # P1, P2 ...
    name: str
    course: str
    kind: str
    weeks: object
    semester: object
    fields: list[str]
    provider: str
    covers: tuple
    agreement: list[str] | None  # what the provider's agreement regulates; None: no agreement names the provider


@dataclass
class Dossier:
    courses: list[Course]
    path_credits: list[tuple[str, object]]  # (study path, credits of its courses)
    evidence: dict[str, list[Evidence]]  # national outcome id -> what claims it
    practice: list[Period]
    agreements: list[tuple[str, list[str], str]]  # (provider, regulates, notes)
    professions: list[str]
    other_education: dict = field(default_factory=dict)
    additional: list[str] = field(default_factory=list)
    admission_notes: str = ""


def _labels(ruleset, vocabulary: str, values, lang: str) -> list[str]:
    vocab = ruleset.vocabularies.get(vocabulary)
    out = []
    for value in values or []:
        for item in value if isinstance(value, tuple) else (value,):  # one item read as several
            out.append(vocab.label(str(item), lang) if vocab and str(item) in vocab.by_id else str(item))
    return out


def _same_provider(a, b) -> bool:
    return isinstance(a, str) and isinstance(b, str) and " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def build(programme: Programme, ruleset, lang: str) -> Dossier:
    data = programme.data
    choices = {i: item["choice"] for i, item in enumerate(data["courses"]) if "choice" in item}
    courses, evidence = [], {ident: [] for ident in ruleset.outcomes}
    for match in programme.all_courses():
        course = match.value
        outcomes = [(o["text"], tuple(o["covers"])) for o in course.get("outcomes", [])]
        courses.append(
            Course(
                course["code"],
                course["name"],
                course["credits"],
                tuple(sorted(set(semesters_of(course)))),
                choices.get(match.path[1], ""),
                _labels(ruleset, "learning_forms", course.get("learning_forms"), lang),
                outcomes,
            )
        )
        for text, covers in outcomes:
            for ident in dict.fromkeys(covers):
                evidence.setdefault(ident, []).append(Evidence(course["code"], text))
    courses.sort(key=lambda c: (c.semesters[:1], 0))  # stable: document order within a semester
    kinds = ruleset.vocabularies.get("practice_kinds")
    agreements = [
        (a["provider"], _labels(ruleset, "agreement_topics", a.get("regulates"), lang), a.get("notes", "")) for a in data.get("agreements", [])
    ]
    practice = []
    for index, period in enumerate(data.get("practice", [])):
        label = f"P{index + 1}"
        provider = period.get("provider", "")
        agreement = next((regulates for name, regulates, _ in agreements if _same_provider(name, provider)), None)
        practice.append(
            Period(
                label,
                period["name"],
                period.get("course", ""),
                kinds.label(str(period["kind"]), lang) if kinds else str(period["kind"]),
                period["weeks"],
                period["semester"],
                _labels(ruleset, "practice_fields", period.get("fields"), lang),
                provider,
                tuple(period.get("covers", [])),
                agreement if provider else None,
            )
        )
        for ident in dict.fromkeys(period.get("covers", [])):
            evidence.setdefault(ident, []).append(Evidence(label, period["name"], practice=True))
    path_credits = [(p.name, sum(m.value["credits"] for m in p.courses)) for p in programme.paths]
    admission = data["admission"]
    other = dict(admission.get("other_education") or {})
    if "fields" in other:
        other["fields"] = [str(f) for f in other["fields"]]
    return Dossier(
        courses,
        path_credits,
        evidence,
        practice,
        agreements,
        _labels(ruleset, "professions", admission.get("professions"), lang),
        other,
        [str(a) for a in admission.get("additional_requirements") or []],
        admission.get("notes", ""),
    )
