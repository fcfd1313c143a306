"""The pipeline, one file in one direction: load -> validate -> model -> evaluate -> waivers.

Every caller goes through here: the CLI and its batch workers (`check_file`),
`rusplan matrix` (`models`), the HTML report (`Options.with_matrix`), the fuzz
target and the tests.  The document's `format` names its kind
(rusplan.kinds); the kind's schema validates it, the kind builds one model per
ruleset of that kind (a new value: the loaded document is never changed), the
engine evaluates the rules on the model, and the waivers written in the
document apply last.

Nothing here raises for anything wrong with the input: every problem ends up
in the returned FileReport, so a batch run goes on and a reporter can say
exactly why a file was not checked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .. import kinds, messages
from ..io import loader
from ..schema.validate import validate
from .engine import evaluate, outside_scope, scope_all_sections, skip_text
from .selector import compile_path
from .result import FileReport, InconsistentDocument, Problem, Skipped
from .ruleset import Ruleset
from .waivers import apply_waivers


@dataclass
class Options:
    lang: str = "nb"
    as_of: dt.date = field(default_factory=dt.date.today)
    max_bytes: int = loader.DEFAULT_MAX_BYTES
    select: frozenset = frozenset()
    ignore: frozenset = frozenset()
    strict: bool = False
    with_matrix: bool = False  # also build each file's coverage matrix (reporters.MATRIX_FORMATS)


load_problem = loader.load_problem


def read(path: str, options: Options) -> loader.Document | Problem:
    try:
        if is_workbook(path):
            from ..io import workbook  # imports openpyxl: only for a workbook

            return workbook.load(path, max_bytes=options.max_bytes)
        return loader.load(path, max_bytes=options.max_bytes)
    except loader.LoadError as err:
        return _located(load_problem(err, options.lang), path)


def is_workbook(path: str) -> bool:
    """A workbook (issue 15) is read by io.workbook into the same Document as YAML."""
    return str(path).lower().endswith(".xlsx")


def _located(problem: Problem, path: str) -> Problem:
    if is_workbook(path):
        from ..io.workbook import settle

        settle([problem])  # the problem names a sheet and a cell
    return problem


def read_bytes(data: bytes, path: str, options: Options) -> loader.Document | Problem:
    try:
        if is_workbook(path):
            from ..io import workbook

            return workbook.parse(data, path, max_bytes=options.max_bytes)
        return loader.load_bytes(data, path, max_bytes=options.max_bytes)
    except loader.LoadError as err:
        return _located(load_problem(err, options.lang), path)


def kind_of(doc: loader.Document) -> kinds.Kind | None:
    """The kind whose format the document declares, or None."""
    return kinds.by_format(doc.data.get("format")) if isinstance(doc.data, dict) else None


def check_file(path: str, rulesets: tuple[Ruleset, ...], options: Options, *, explicit: bool = True) -> FileReport | Skipped:
    """The report on the file at `path`.

    A file a folder walk found (`explicit=False`) that declares no format
    rusplan knows, nor one spelt nearly like it, is Skipped, not reported.
    """
    return _check(read(path, options), path, rulesets, options, explicit)


def check_bytes(data: bytes, path: str, rulesets: tuple[Ruleset, ...], options: Options) -> FileReport:
    """The report on `data`, the contents of a file called `path` (the fuzz target's way in)."""
    return _check(read_bytes(data, path, options), path, rulesets, options, True)


def _check(doc: loader.Document | Problem, path: str, rulesets, options: Options, explicit: bool):
    report = FileReport(path)
    if isinstance(doc, Problem):
        if not explicit and doc.code == "wb-missing-sheet":  # a workbook a walk found that is not a study plan
            return Skipped(path, doc.message)
        report.errors.append(doc)
        return report
    if not explicit and kind_of(doc) is None and near_miss(doc) is None:
        return Skipped(path, document_problems(doc, options.lang)[0].message)
    return check_document(doc, rulesets, options, report)


def near_miss(doc: loader.Document) -> tuple[str, str] | None:
    """The (key, value) that shows `doc` was meant as a rusplan document without being one, or None.

    A `format` key, or one spelt like it (`fromat`, `Format`), whose value is
    nearly a known format: 'rusplan/v1.0', 'rusplan/v2', a trailing space, a
    Cyrillic letter.  Such a file is checked, not skipped, in a folder walk.
    """
    if not isinstance(doc.data, dict) or kind_of(doc) is not None:
        return None
    return _near_format(doc.data)


def _near_format(data: dict) -> tuple[str, str] | None:
    import unicodedata

    from .similar import closest

    known = kinds.formats()
    for key, value in data.items():
        if not isinstance(key, str) or not isinstance(value, str):
            continue
        if key != "format" and not closest(key.strip().casefold(), ["format"], cutoff=0.7):
            continue
        written = unicodedata.normalize("NFKC", value).strip().casefold()
        if "rusplan" in written or closest(written, known, cutoff=0.7):
            return key, value
    return None


def _nearest_format(value: str) -> str:
    """The registered format `value` is closest to (the first one if none is close)."""
    import unicodedata

    from .similar import closest

    known = kinds.formats()
    written = unicodedata.normalize("NFKC", value).strip().casefold()
    return closest(written, known, cutoff=0.0) or known[0]


def document_problems(doc: loader.Document, lang: str) -> list[Problem]:
    """Why `doc` is not a valid document of a registered kind (empty if it is)."""
    near = near_miss(doc)
    if near is not None:
        key, value = near
        expected = _nearest_format(value)
        if key != "format":
            line, column = doc.locate((key,), key=True)
            return [Problem(messages.text("format-key-near-miss", lang, key=key, expected=expected), line, column, code="format-near-miss")]
        line, column = doc.locate(("format",))
        # A format is ASCII: show any other letter as \u0430, or the Cyrillic а looks right.
        shown = value.encode("ascii", "backslashreplace").decode("ascii")
        return [Problem(messages.text("format-near-miss", lang, found=shown, expected=expected), line, column, code="format-near-miss")]
    kind = kind_of(doc)
    if kind is None:
        found = doc.data.get("format") if isinstance(doc.data, dict) else None
        line, column = doc.locate(("format",)) if isinstance(doc.data, dict) and "format" in doc.data else (1, 1)
        shown = f"'{found}'" if found is not None else "-"
        expected = ", ".join(f"'{f}'" for f in kinds.formats())
        return [Problem(messages.text("not-a-programme", lang, found=shown, expected=expected), line, column, code="not-a-programme")]
    return validate(doc, kind.schema, lang)


def models(doc: loader.Document, rulesets: tuple[Ruleset, ...], lang: str) -> tuple[kinds.Kind, list[tuple[Ruleset, Any]]] | list[Problem]:
    """The document's kind and its model for each ruleset of that kind, or why it cannot be checked.

    The document is validated once; each ruleset gets its own model, built
    from the document as loaded (a ruleset's spellings never leak into the next).
    """
    kind = kind_of(doc)
    chosen = [r for r in rulesets if kind is not None and r.kind == kind.name]
    problems = document_problems(doc, lang)
    if problems:
        if kind is not None and chosen:
            problems = [kind.reword(p, doc, chosen[0], lang) for p in problems]
        return [p for i, p in enumerate(problems) if (p.line, p.column, p.message) not in {(q.line, q.column, q.message) for q in problems[:i]}]
    assert kind is not None  # document_problems said why otherwise
    if not chosen:
        line, column = doc.locate(("format",))
        text = messages.text("no-rules-for-kind", lang, format=kind.format, kind=kind.name)
        return [Problem(text, line, column, code="no-rules-for-kind")]
    built = []
    for ruleset in chosen:
        try:
            built.append((ruleset, kind.build(doc, ruleset, lang)))
        except InconsistentDocument as exc:
            return exc.problems
    return kind, built


def check_document(doc: loader.Document, rulesets: tuple[Ruleset, ...], options: Options, report: FileReport) -> FileReport:
    _check_document(doc, rulesets, options, report)
    if is_workbook(doc.path):
        from ..io.workbook import settle

        settle([*report.errors, *report.results])  # findings name a sheet and a cell
    return report


def _check_document(doc: loader.Document, rulesets: tuple[Ruleset, ...], options: Options, report: FileReport) -> FileReport:
    lang = options.lang
    declared = kind_of(doc)
    report.kind = declared.name if declared is not None else ""
    built = models(doc, rulesets, lang)
    if isinstance(built, list):
        report.errors.extend(built)
        return report
    kind, per_ruleset = built
    for ruleset, model in per_ruleset:
        report.institution, report.programme = kind.title(model)
        results = evaluate(model, ruleset, lang, options.as_of, kind)
        outside = outside_scope(model, ruleset)
        if outside is not None and scope_all_sections(ruleset):
            report.judged_only_by = scope_all_sections(ruleset)
        elif outside is not None:  # no rule judges such a document: it was not checked, which is no verdict
            text = skip_text(ruleset.scope, outside, ruleset, lang)
            path = tuple(step.key for step in compile_path(ruleset.scope["path"]))
            report.errors.append(Problem(text, *doc.locate(path), code="outside-scope", where=ruleset.scope["path"]))
        report.results.extend(r for r in results if _selected(r.rule, options))
        if options.with_matrix and report.matrix is None:
            view = kind.view("matrix")
            report.matrix = view(model, ruleset, lang) if view else None
    report.info.extend(kind.info(per_ruleset[-1][1], lang))
    for line, column, key, kept in doc.glued_comments:
        report.info.append(messages.text("info-glued-comment", lang, line=line, column=column, key=key, kept=kept))
    apply_waivers(report, doc, options, {rule.id for ruleset, _ in per_ruleset for rule in ruleset.rules})
    if options.strict:
        for result in report.results:
            if result.status == "warn":
                result.status = "fail"
    return report


def _selected(rule_id: str, options: Options) -> bool:
    if options.select and rule_id not in options.select:
        return False
    return rule_id not in options.ignore
