"""The study programme's own commands: `outcomes`, `matrix` and `init` (added to the CLI by `register`)."""

from __future__ import annotations

import os
import sys
from enum import Enum
from typing import Optional

import typer

from ...cli import EXIT_INVALID, Lang, _opened, _refuse_input_as_output, _rulesets, _save_bytes, _use_color, fail
from . import KIND


class MatrixFormat(str, Enum):
    text = "text"
    csv = "csv"
    markdown = "markdown"
    html = "html"
    xlsx = "xlsx"


class CsvDialect(str, Enum):
    excel_nb = "excel-nb"
    rfc4180 = "rfc4180"


class InitFormat(str, Enum):
    yaml = "yaml"
    xlsx = "xlsx"


def _programme_rulesets(rules: Optional[str], lang: str) -> list:
    """The loaded rulesets for study programmes (a --rules folder may hold other kinds' too); exit 2 if none."""
    found = [r for r in _rulesets(rules, lang) if r.kind == KIND.name]
    if not found:
        fail("no-rules-for-kind", lang, format=KIND.format, kind=KIND.name)
    return found


def outcomes(
    area: Optional[int] = typer.Option(None, "--area", help="Only this competence area (1-5)."),
    rules: Optional[str] = typer.Option(None, "--rules"),
    lang: Lang = typer.Option(Lang.nb, "--lang"),
) -> None:
    """List the learning outcomes with the ids to use in `covers`."""
    from ...messages import category_label

    for ruleset in _programme_rulesets(rules, lang.value):
        areas = ruleset.vocabularies["areas"]
        for area_id in areas.ids:
            if area is not None and area_id != str(area):
                continue
            sys.stdout.write(f"{area_id}. {areas.label(area_id, lang.value)}\n")
            for outcome in ruleset.outcomes.values():
                if str(outcome["area"]) == area_id:
                    sys.stdout.write(f"  {outcome['id']:<4} [{category_label(outcome['category'], lang.value)}] {outcome['text']}\n")


def matrix(
    path: str = typer.Argument(..., metavar="FILE", help="A programme file."),
    fmt: MatrixFormat = typer.Option(MatrixFormat.text, "--format", "-f", help="Matrix format."),
    lang: Lang = typer.Option(Lang.nb, "--lang", help="Language of headings and notes."),
    rules: Optional[str] = typer.Option(None, "--rules", help="Another rules file or folder of rules files."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write the matrix to this file."),
    force: bool = typer.Option(False, "--force", help="Overwrite --output if it exists."),
    no_color: bool = typer.Option(False, "--no-color", help="No colour (also: NO_COLOR set)."),
    csv_dialect: CsvDialect = typer.Option(
        CsvDialect.excel_nb, "--csv-dialect", help="excel-nb: UTF-8 with BOM, ';', CRLF (opens in Excel); rfc4180: ',' and LF, for scripts."
    ),
) -> None:
    """Coverage matrix: the learning outcomes against the courses and practice periods, gaps highlighted."""
    import shutil

    from ... import messages
    from ...core.pipeline import Options, models, read
    from ...core.result import Problem
    from ...reporters.common import problem_text, where
    from ...reporters.matrix_render import NeedsJinja, render

    rulesets = _rulesets(rules, lang.value)
    # The same pipeline as `check`, up to the model; the matrix is a view of the first ruleset's model.
    doc = read(path, Options(lang=lang.value))
    built = [doc] if isinstance(doc, Problem) else models(doc, rulesets, lang.value)
    if not isinstance(built, list) and built[0].name != KIND.name:  # a document of another kind has no coverage matrix
        text = messages.text("not-a-programme", lang.value, found=f"'{doc.data['format']}'", expected=f"'{KIND.format}'")
        built = [Problem(text, *doc.locate(("format",)), code="not-a-programme")]
    if isinstance(built, list):
        from ...reporters.escape import visible

        for problem in built:
            sys.stderr.write(f"{visible(where(path, problem.line, problem.column, problem.sheet))}: {visible(problem_text(problem))}\n")
        raise typer.Exit(EXIT_INVALID)
    ruleset, programme = built[1][0]
    matrix = KIND.view("matrix")(programme, ruleset, lang.value)
    _refuse_input_as_output(output, [path], [ruleset], lang.value)
    if fmt == MatrixFormat.xlsx:
        from ...reporters.matrix_xlsx import to_bytes

        if output is None or output == "-":
            fail("matrix-xlsx-needs-output", lang.value)
        _save_bytes(to_bytes(matrix, lang.value), output, force, lang.value)
        return
    terminal = output is None and sys.stdout.isatty()
    try:
        text = render(
            matrix,
            fmt.value,
            lang.value,
            color=fmt == MatrixFormat.text and terminal and _use_color(no_color, sys.stdout),
            width=shutil.get_terminal_size((100, 24)).columns if terminal else 100,
            csv_dialect=csv_dialect.value,
        )
    except NeedsJinja:
        fail("needs-jinja", lang.value)
    with _opened(output, force, lang.value) as out:
        out(text)


def init(
    path: str = typer.Argument("programme.yaml", metavar="[FILE]", help="Where to write it ('-' for standard output)."),
    lang: Lang = typer.Option(Lang.nb, "--lang", help="Language of the comments and sample values."),
    rules: Optional[str] = typer.Option(None, "--rules", help="Another rules file or folder of rules files."),
    force: bool = typer.Option(False, "--force", help="Overwrite FILE if it exists."),
    fmt: Optional[InitFormat] = typer.Option(None, "--format", "-f", help="yaml, or xlsx: a workbook to fill in Excel (default: from FILE's suffix)."),
) -> None:
    """Write a commented starter programme file (or workbook): deliberately unfinished, ready for `rusplan check`."""
    from ... import messages

    ruleset = _programme_rulesets(rules, lang.value)[0]
    if fmt == InitFormat.xlsx or (fmt is None and path.lower().endswith(".xlsx")):
        from ...reporters.escape import visible

        _write_workbook(None, ruleset, lang.value, path, force)
        sys.stdout.write(visible(messages.text("init-written", lang.value, path=path)) + "\n")
        return
    text = KIND.starter(ruleset, lang.value)
    _refuse_input_as_output(path if path != "-" else None, [], [ruleset], lang.value)
    with _opened(path, force, lang.value) as out:
        out(text)
    if path != "-":
        from ...reporters.escape import visible

        sys.stdout.write(visible(messages.text("init-written", lang.value, path=path)) + "\n")


def _write_workbook(data, ruleset, lang: str, path: str, force: bool) -> None:
    """Save `data` (None: an empty starter) as a workbook at `path`; ConvertError is one line and exit 2."""
    from ...io.workbook import ConvertError
    from ...io.workbook_writer import build, to_bytes

    if path == "-":
        fail("matrix-xlsx-needs-output", lang)
    if os.path.exists(path) and not force:
        fail("cli-output-exists", lang, path=path)
    try:
        book = build(data, ruleset, lang, KIND.format)
    except ConvertError as err:
        fail(err.key, lang, **err.params)
    _save_bytes(to_bytes(book), path, force, lang)


def convert(
    source: str = typer.Argument(..., metavar="FROM", help="A programme file (.yaml) or workbook (.xlsx)."),
    target: str = typer.Argument(..., metavar="TO", help="The workbook (.xlsx) or programme file (.yaml) to write."),
    lang: Lang = typer.Option(Lang.nb, "--lang", help="Language of the workbook's sheets, headings and instructions."),
    rules: Optional[str] = typer.Option(None, "--rules", help="Another rules file or folder of rules files."),
    force: bool = typer.Option(False, "--force", help="Overwrite TO if it exists."),
    max_bytes: int = typer.Option(5 * 1024 * 1024, "--max-bytes", help="Refuse files larger than this."),
) -> None:
    """Convert between a programme file (YAML) and the coordinator's workbook (xlsx), both ways, without loss."""
    from ... import messages
    from ...core.pipeline import Options, is_workbook, read
    from ...reporters.common import problem_text, where
    from ...reporters.escape import visible

    if is_workbook(source) == is_workbook(target):
        fail("convert-same-kind", lang.value, kind="xlsx" if is_workbook(source) else "YAML")
    ruleset = _programme_rulesets(rules, lang.value)[0]
    _refuse_input_as_output(target, [source], [ruleset], lang.value)
    doc = read(source, Options(lang=lang.value, max_bytes=max_bytes))
    if not hasattr(doc, "data"):
        sys.stderr.write(f"{visible(where(source, doc.line, doc.column, doc.sheet))}: {visible(problem_text(doc))}\n")
        raise typer.Exit(EXIT_INVALID)
    if is_workbook(target):
        _write_workbook(doc.data, ruleset, lang.value, target, force)
    else:
        from ...io.workbook import to_yaml

        with _opened(target, force, lang.value) as out:
            out(to_yaml(doc.data))
    sys.stdout.write(visible(messages.text("convert-written", lang.value, path=target)) + "\n")


def register(app: typer.Typer) -> None:
    app.command()(outcomes)
    app.command()(matrix)
    app.command()(init)
    app.command()(convert)
