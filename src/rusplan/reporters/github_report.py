"""GitHub Actions workflow commands, so failures show inline on the diff.

``::error file=…,line=…,col=…,title=…::message`` per failure, ``::warning``
per warning, ``::notice`` per waived failure, nothing for passes, then one
plain summary line.
"""

from __future__ import annotations

from ..core.result import FileReport
from .common import artifact_path, finding_text, problem_text, skipped_lines, summary_sentence
from .escape import github_data, github_property, safe_line, visible

_COMMANDS = {"fail": "error", "unrecognised": "error", "warn": "warning", "waived": "notice"}


def command(kind: str, path: str, line: int, column: int, title: str, message: str, sheet: str = "") -> str:
    """One workflow command; `message` may hold rusplan's own line breaks, user text has none left.

    A workbook has no lines: the annotation is on the file, and the message starts with the cell.
    """
    props = [f"file={github_property(visible(artifact_path(path)))}"]
    if sheet:
        from ..core.result import cell_name

        message, line = f"{visible(cell_name(sheet, line, column))}: {message}", 0
    if line:
        props += [f"line={line}", f"col={max(column, 1)}"]
    props.append(f"title={github_property(visible(title))}")
    return f"::{kind} {','.join(props)}::{github_data(message)}"


def file_lines(report: FileReport, lang: str):
    for problem in report.errors:
        yield command("error", report.path, problem.line, problem.column, f"rusplan {problem.code}", visible(problem_text(problem)), problem.sheet)
    for r in report.results:
        kind = _COMMANDS.get(r.status)
        if kind is None:
            continue
        title = f"rusplan {r.rule}" + (f" ({r.section})" if r.section else "")
        text = visible(finding_text(r, lang)) + (f"\n«{visible(r.quote)}»" if r.quote else "")
        yield command(kind, report.path, r.line, r.column, title, text, r.sheet)


def _tail_lines(reports: list, ctx) -> list[str]:
    return [safe_line(visible(summary_sentence(reports, ctx.lang))), *(safe_line(line) for line in skipped_lines(ctx.skipped, ctx.lang))]


def render(reports: list[FileReport], ctx) -> str:
    lines = [line for report in reports for line in file_lines(report, ctx.lang)]
    return "\n".join(lines + _tail_lines(reports, ctx)) + "\n"


def stream(reports, ctx, out) -> list:
    """Each file's commands as it arrives, then the summary."""
    briefs: list = []
    for report in reports:
        text = "".join(line + "\n" for line in file_lines(report, ctx.lang))
        if text:
            out(text)
        briefs.append(report.brief())
    out("".join(line + "\n" for line in _tail_lines(briefs, ctx)))
    return briefs
