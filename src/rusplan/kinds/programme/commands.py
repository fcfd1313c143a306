"""The study programme's own commands: `outcomes`, `matrix` and `init` (added to the CLI by `register`)."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Optional

import typer

from ...cli import EXIT_INVALID, Lang, _opened, _refuse_input_as_output, _rulesets, _use_color, fail
from . import KIND


class MatrixFormat(str, Enum):
    text = "text"
    csv = "csv"
    markdown = "markdown"
    html = "html"


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
            sys.stderr.write(f"{visible(where(path, problem.line, problem.column))}: {visible(problem_text(problem))}\n")
        raise typer.Exit(EXIT_INVALID)
    ruleset, programme = built[1][0]
    matrix = KIND.view("matrix")(programme, ruleset, lang.value)
    _refuse_input_as_output(output, [path], [ruleset], lang.value)
    terminal = output is None and sys.stdout.isatty()
    try:
        text = render(
            matrix,
            fmt.value,
            lang.value,
            color=fmt == MatrixFormat.text and terminal and _use_color(no_color, sys.stdout),
            width=shutil.get_terminal_size((100, 24)).columns if terminal else 100,
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
) -> None:
    """Write a commented starter programme file: valid, deliberately unfinished, ready for `rusplan check`."""
    from ... import messages
    from .starter import starter

    ruleset = _programme_rulesets(rules, lang.value)[0]
    text = starter(ruleset, lang.value)
    _refuse_input_as_output(path if path != "-" else None, [], [ruleset], lang.value)
    with _opened(path, force, lang.value) as out:
        out(text)
    if path != "-":
        from ...reporters.escape import visible

        sys.stdout.write(visible(messages.text("init-written", lang.value, path=path)) + "\n")


def register(app: typer.Typer) -> None:
    app.command()(outcomes)
    app.command()(matrix)
    app.command()(init)
