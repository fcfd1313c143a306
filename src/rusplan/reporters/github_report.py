"""GitHub Actions workflow commands, so failures show inline on the diff.

``::error file=…,line=…,col=…,title=…::message`` per failure, ``::warning``
per warning, ``::notice`` per waived failure, nothing for passes, then one
plain summary line.
"""

from __future__ import annotations

from ..result import FileReport
from .common import artifact_path, finding_text, problem_text, summary_sentence

_COMMANDS = {"fail": "error", "unrecognised": "error", "warn": "warning", "waived": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, path: str, line: int, column: int, title: str, message: str) -> str:
    props = [f"file={_property(artifact_path(path))}"]
    if line:
        props += [f"line={line}", f"col={max(column, 1)}"]
    props.append(f"title={_property(title)}")
    return f"::{kind} {','.join(props)}::{_data(message)}"


def render(reports: list[FileReport], ctx) -> str:
    lines = []
    for report in reports:
        for problem in report.errors:
            lines.append(command("error", report.path, problem.line, problem.column, f"rusplan {problem.code}", problem_text(problem)))
        for r in report.results:
            kind = _COMMANDS.get(r.status)
            if kind is None:
                continue
            title = f"rusplan {r.rule}" + (f" ({r.section})" if r.section else "")
            text = finding_text(r, ctx.lang) + (f"\n«{r.quote}»" if r.quote else "")
            lines.append(command(kind, report.path, r.line, r.column, title, text))
    lines.append(summary_sentence(reports, ctx.lang))
    return "\n".join(lines) + "\n"
