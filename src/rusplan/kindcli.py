"""The commands every document kind answers: `outcomes`, `matrix` and `init` (added to the CLI by `register`).

Each asks the kind's hooks (rusplan.kinds): `outcomes(ruleset, lang, group)`
lists what plans of the kind must cover, the "matrix" view is built from the
model the pipeline made, and `starter(ruleset, lang)` writes a starter file.
`--kind` names the kind (default: the study programme); `matrix` takes the
kind from the file's `format`.
"""

from __future__ import annotations

import sys
from enum import Enum
from typing import Optional

import typer

from .cli import EXIT_INVALID, Lang, _opened, _refuse_input_as_output, _rulesets, _use_color, fail


class MatrixFormat(str, Enum):
    text = "text"
    csv = "csv"
    markdown = "markdown"
    html = "html"


def _kind(name: str, lang: str):
    from . import kinds

    found = kinds.get(name)
    if found is None:
        fail("cli-unknown-kind", lang, kind=name, known=", ".join(k.name for k in kinds.all_kinds()))
    return found


def _kind_rulesets(kind, rules: Optional[str], lang: str) -> list:
    """The loaded rulesets for `kind` (a --rules folder may hold other kinds' too); exit 2 if none."""
    found = [r for r in _rulesets(rules, lang) if r.kind == kind.name]
    if not found:
        fail("no-rules-for-kind", lang, format=kind.format, kind=kind.name)
    return found


def outcomes(
    kind: str = typer.Option("programme", "--kind", help="The document kind: programme (default) or lis-plan."),
    area: Optional[int] = typer.Option(None, "--area", help="A study programme: only this competence area (1-5)."),
    arena: Optional[str] = typer.Option(None, "--arena", help="A LIS plan: only the objectives the source lists for this learning arena."),
    rules: Optional[str] = typer.Option(None, "--rules"),
    lang: Lang = typer.Option(Lang.nb, "--lang"),
) -> None:
    """List what a plan must cover: a programme's 49 learning outcomes (ids for `covers`), a LIS plan's 75 objectives."""
    found = _kind(kind, lang.value)
    listing = getattr(found.module, "outcomes", None)
    group = str(area) if area is not None else arena
    for ruleset in _kind_rulesets(found, rules, lang.value):
        for line in listing(ruleset, lang.value, group) if listing else []:
            sys.stdout.write(line + "\n")


def matrix(
    path: str = typer.Argument(..., metavar="FILE", help="A programme or LIS plan file."),
    fmt: MatrixFormat = typer.Option(MatrixFormat.text, "--format", "-f", help="Matrix format."),
    lang: Lang = typer.Option(Lang.nb, "--lang", help="Language of headings and notes."),
    rules: Optional[str] = typer.Option(None, "--rules", help="Another rules file or folder of rules files."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write the matrix to this file."),
    force: bool = typer.Option(False, "--force", help="Overwrite --output if it exists."),
    no_color: bool = typer.Option(False, "--no-color", help="No colour (also: NO_COLOR set)."),
) -> None:
    """Coverage matrix: a programme's outcomes against its courses and practice, a LIS plan's objectives against its rotation; gaps highlighted."""
    import shutil

    from .core.pipeline import Options, models, read
    from .core.result import Problem
    from .reporters.common import problem_text, where
    from .reporters.matrix_render import NeedsJinja, render

    rulesets = _rulesets(rules, lang.value)
    # The same pipeline as `check`, up to the model; the matrix is a view of the first ruleset's model.
    doc = read(path, Options(lang=lang.value))
    built = [doc] if isinstance(doc, Problem) else models(doc, rulesets, lang.value)
    if isinstance(built, list):
        from .reporters.escape import visible

        for problem in built:
            sys.stderr.write(f"{visible(where(path, problem.line, problem.column))}: {visible(problem_text(problem))}\n")
        raise typer.Exit(EXIT_INVALID)
    kind, per_ruleset = built
    ruleset, model = per_ruleset[0]
    view = kind.view("matrix")
    if view is None:
        fail("cli-no-matrix", lang.value, kind=kind.name)
    matrix = view(model, ruleset, lang.value)
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
    path: Optional[str] = typer.Argument(None, metavar="[FILE]", help="Where to write it ('-' for standard output); default <kind>.yaml."),
    kind: str = typer.Option("programme", "--kind", help="The document kind: programme (default) or lis-plan."),
    lang: Lang = typer.Option(Lang.nb, "--lang", help="Language of the comments and sample values."),
    rules: Optional[str] = typer.Option(None, "--rules", help="Another rules file or folder of rules files."),
    force: bool = typer.Option(False, "--force", help="Overwrite FILE if it exists."),
) -> None:
    """Write a commented starter file (a programme, or with --kind lis-plan a LIS plan): valid, deliberately unfinished, ready for `rusplan check`."""
    from . import messages

    found = _kind(kind, lang.value)
    path = path or f"{found.name}.yaml"
    ruleset = _kind_rulesets(found, rules, lang.value)[0]
    starter = getattr(found.module, "starter", None)
    text = starter(ruleset, lang.value) if starter is not None else None
    if text is None:
        fail("cli-no-starter", lang.value, kind=found.name)
    _refuse_input_as_output(path if path != "-" else None, [], [ruleset], lang.value)
    with _opened(path, force, lang.value) as out:
        out(text)
    if path != "-":
        from .reporters.escape import visible

        sys.stdout.write(visible(messages.text("init-written", lang.value, path=path)) + "\n")


def register(app: typer.Typer) -> None:
    app.command()(outcomes)
    app.command()(matrix)
    app.command()(init)
