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


def command(kind: str, path: str, line: int, column: int, title: str, message: str) -> str:
    """One workflow command; `message` may hold rusplan's own line breaks, user text has none left."""
    props = [f"file={github_property(visible(artifact_path(path)))}"]
    if line:
        props += [f"line={line}", f"col={max(column, 1)}"]
    props.append(f"title={github_property(visible(title))}")
    return f"::{kind} {','.join(props)}::{github_data(message)}"


def render(reports: list[FileReport], ctx) -> str:
    lines = []
    for report in reports:
        for problem in report.errors:
            lines.append(command("error", report.path, problem.line, problem.column, f"rusplan {problem.code}", visible(problem_text(problem))))
        for r in report.results:
            kind = _COMMANDS.get(r.status)
            if kind is None:
                continue
            title = f"rusplan {r.rule}" + (f" ({r.section})" if r.section else "")
            text = visible(finding_text(r, ctx.lang)) + (f"\n«{visible(r.quote)}»" if r.quote else "")
            lines.append(command(kind, report.path, r.line, r.column, title, text))
    lines.append(safe_line(visible(summary_sentence(reports, ctx.lang))))
    lines += [safe_line(line) for line in skipped_lines(ctx.skipped, ctx.lang)]
    return "\n".join(lines) + "\n"
