"""One file through the pipeline: load -> validate -> model -> rules.

`check_file` never raises for anything wrong with the input: every problem
ends up in the returned FileReport, so a batch run goes on and a reporter
can say exactly why a file was not checked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..io import loader
from .. import messages
from .engine import evaluate, outside_scope, scope_all_sections
from ..kinds.programme.model import InconsistentProgramme, Programme, build
from .result import FileReport, Problem
from .ruleset import Ruleset
from ..schema.validate import PROGRAMME_SCHEMA, validate
from .waivers import apply_waivers

FORMAT = "rusplan/v1"


@dataclass
class Options:
    lang: str = "nb"
    as_of: dt.date = field(default_factory=dt.date.today)
    max_bytes: int = loader.DEFAULT_MAX_BYTES
    select: frozenset = frozenset()
    ignore: frozenset = frozenset()
    strict: bool = False
    with_matrix: bool = False  # also build each file's coverage matrix (reporters.MATRIX_FORMATS)


def load_problem(err: loader.LoadError, lang: str) -> Problem:
    text = messages.localise(err.code, lang, err.params, "")
    # The catalogue's sentences already say what to do; a code it lacks
    # (none today: test_every_refusal_of_the_loader_has_a_sentence_in_each_language)
    # falls back to the loader's English and its hint.
    return Problem(text or err.message, err.line, err.column, code=err.code, hint="" if text else err.hint)


def read(path: str, options: Options) -> loader.Document | Problem:
    try:
        return loader.load(path, max_bytes=options.max_bytes)
    except loader.LoadError as err:
        return load_problem(err, options.lang)


def is_programme(doc: loader.Document) -> bool:
    return isinstance(doc.data, dict) and doc.data.get("format") == FORMAT


def check_file(path: str, rulesets: tuple[Ruleset, ...], options: Options) -> FileReport:
    report = FileReport(path)
    doc = read(path, options)
    if isinstance(doc, Problem):
        report.errors.append(doc)
        return report
    return check_document(doc, rulesets, options, report)


def near_miss(doc: loader.Document) -> tuple[str, str] | None:
    """The (key, value) that shows `doc` was meant as a programme without being one, or None.

    A `format` key, or one spelt like it (`fromat`, `Format`), whose value is
    nearly 'rusplan/v1': 'rusplan/v1.0', 'rusplan/v2', a trailing space, a
    Cyrillic letter.  Such a file is checked, not skipped, in a folder walk.
    """
    if not isinstance(doc.data, dict) or is_programme(doc):
        return None
    import unicodedata

    from .similar import closest

    for key, value in doc.data.items():
        if not isinstance(key, str) or not isinstance(value, str):
            continue
        if key != "format" and not closest(key.strip().casefold(), ["format"], cutoff=0.7):
            continue
        written = unicodedata.normalize("NFKC", value).strip().casefold()
        if "rusplan" in written or closest(written, [FORMAT], cutoff=0.7):
            return key, value
    return None


def programme_problems(doc: loader.Document, lang: str) -> list[Problem]:
    """Why `doc` is not a valid rusplan/v1 programme (empty if it is)."""
    near = near_miss(doc)
    if near is not None:
        key, value = near
        if key != "format":
            line, column = doc.locate((key,), key=True)
            return [Problem(messages.text("format-key-near-miss", lang, key=key, expected=FORMAT), line, column, code="format-near-miss")]
        line, column = doc.locate(("format",))
        # The format is ASCII: show any other letter as \u0430, or the Cyrillic а looks right.
        shown = value.encode("ascii", "backslashreplace").decode("ascii")
        return [Problem(messages.text("format-near-miss", lang, found=shown, expected=FORMAT), line, column, code="format-near-miss")]
    if not is_programme(doc):
        found = doc.data.get("format") if isinstance(doc.data, dict) else None
        line, column = doc.locate(("format",)) if isinstance(doc.data, dict) and "format" in doc.data else (1, 1)
        shown = f"'{found}'" if found is not None else "-"
        return [Problem(messages.text("not-a-programme", lang, found=shown), line, column, code="not-a-programme")]
    return validate(doc, PROGRAMME_SCHEMA, lang)


def prepare(doc: loader.Document, ruleset: Ruleset, lang: str) -> Programme | list[Problem]:
    """The programme as `ruleset` sees it, or why it cannot be checked."""
    problems = programme_problems(doc, lang)
    if problems:
        worded = [_term_suggestion(p, doc, ruleset, lang) for p in problems]
        return [p for i, p in enumerate(worded) if (p.line, p.column, p.message) not in {(q.line, q.column, q.message) for q in worded[:i]}]
    try:
        return build(doc, ruleset, lang)
    except InconsistentProgramme as exc:
        return exc.problems


def _term_suggestion(problem: Problem, doc: loader.Document, ruleset: Ruleset, lang: str) -> Problem:
    """A start term the format's pattern refused ("høst 2024", a date): the exact rewrite, from the ruleset's term words."""
    from ..kinds.programme.model import suggest_term
    from ..schema.validate import place

    if problem.where != "programme.start" or problem.code not in ("schema-pattern", "date-not-text"):
        return problem
    value = doc.data["programme"]["start"]
    suggestion = suggest_term(value, ruleset, lang)
    if not suggestion:
        return problem
    at = place(("programme", "start"), doc.data, lang)
    text = messages.text("term-suggestion", lang, where=at, term=value, suggestion=suggestion)
    return Problem(text, problem.line, problem.column, code="term-suggestion", where=problem.where)


def check_document(doc: loader.Document, rulesets: tuple[Ruleset, ...], options: Options, report: FileReport) -> FileReport:
    lang = options.lang
    for ruleset in rulesets:
        programme = prepare(doc, ruleset, lang)
        if isinstance(programme, list):
            report.errors.extend(programme)
            return report
        report.institution = programme.data["programme"]["institution"]
        report.programme = programme.data["programme"]["code"]
        results = evaluate(programme, ruleset, lang, options.as_of)
        if outside_scope(programme, ruleset) is not None:
            report.judged_only_by = scope_all_sections(ruleset)
        report.results.extend(r for r in results if _selected(r.rule, options))
        if options.with_matrix and report.matrix is None:
            from ..kinds.programme.matrix import from_programme  # matrix imports this module

            report.matrix = from_programme(programme, ruleset, lang)
    extra = doc.data["admission"].get("additional_requirements")
    if extra:
        report.info.append(messages.text("info-additional", lang, items=", ".join(extra)))
    for line, column, key, kept in doc.glued_comments:
        report.info.append(messages.text("info-glued-comment", lang, line=line, column=column, key=key, kept=kept))
    apply_waivers(report, doc, options, {rule.id for ruleset in rulesets for rule in ruleset.rules})
    if options.strict:
        for result in report.results:
            if result.status == "warn":
                result.status = "fail"
    return report


def _selected(rule_id: str, options: Options) -> bool:
    if options.select and rule_id not in options.select:
        return False
    return rule_id not in options.ignore
