"""The study programme's own commands: `convert` between a programme file and its workbook (added to the CLI by `register`).

`outcomes`, `matrix` and `init` are the CLI's, for every kind; `init --format xlsx` and `convert` write the workbook through `cli.write_workbook`.
"""

from __future__ import annotations

import os
import sys
from typing import Optional

import typer

from ...cli import EXIT_INVALID, Lang, _opened, _refuse_input_as_output, _rulesets, fail, write_workbook
from . import KIND


def _programme_rulesets(rules: Optional[str], lang: str) -> list:
    """The loaded rulesets for study programmes (a --rules folder may hold other kinds' too); exit 2 if none."""
    found = [r for r in _rulesets(rules, lang) if r.kind == KIND.name]
    if not found:
        fail("no-rules-for-kind", lang, format=KIND.format, kind=KIND.name)
    return found


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
        write_workbook(doc.data, ruleset, lang.value, target, force, KIND.format)
    else:
        from ...io.workbook import to_yaml

        with _opened(target, force, lang.value) as out:
            out(to_yaml(doc.data))
    sys.stdout.write(visible(messages.text("convert-written", lang.value, path=target)) + "\n")


def register(app: typer.Typer) -> None:
    app.command()(convert)
