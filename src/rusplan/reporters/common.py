"""Small helpers shared by the reporters: locations, message text, summaries."""

from __future__ import annotations

import os

from .. import messages
from ..core.result import FileBrief, FileReport, summary


def artifact_path(path: str) -> str:
    """`path` relative to the working directory, with forward slashes, for CI annotations."""
    if os.path.isabs(path):
        try:
            path = os.path.relpath(path)
        except ValueError:  # another drive on Windows: nothing relative exists
            pass
    path = path.replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def where(path: str, line: int, column: int, sheet: str = "") -> str:
    """`path:line:column`, `plan.xlsx:Emner!C4` in a workbook, or the bare path for a problem with no position."""
    sheet = sheet or getattr(line, "sheet", "")
    if sheet:
        from ..core.result import cell_name

        return f"{path}:{cell_name(sheet, line, column)}"
    return f"{path}:{line}:{column}" if line else path



def finding_text(result, lang: str) -> str:
    """A failure's message with the study path it was found on and a waiver's reason."""
    text = result.message
    if result.study_path:
        text += f" [{messages.text('on-path', lang, path=result.study_path)}]"
    if result.reason:
        text += f" ({messages.text('waived-reason', lang, reason=result.reason)})"
    return text


def problem_text(problem) -> str:
    hint = f" ({problem.hint})" if problem.hint and problem.hint not in problem.message else ""
    return problem.message + hint


def verdict_text(verdict: str, lang: str, judged_only_by: str = "", kind: str = "") -> str:
    """A file's verdict in words; a programme judged by § 22 alone says so; a kind may word it its own way."""
    own = f"verdict-{verdict}-{kind}"
    return messages.text(own if kind and messages.has(own) else f"verdict-{verdict}", lang, sections=judged_only_by)


def file_sentence(brief: FileBrief, lang: str) -> str:
    """`path: verdict (N errors, N warnings, N passed)`."""
    return messages.text(
        "summary-line",
        lang,
        path=brief.path,
        verdict=verdict_text(brief.verdict, lang, brief.judged_only_by, brief.kind),
        errors=brief.errors,
        warnings=brief.warnings,
        passed=brief.passed,
    )


def summary_sentence(reports: list, lang: str) -> str:
    """One file: its verdict and counts; a batch: how many files passed, failed, could not be checked."""
    if len(reports) == 1:
        report = reports[0]
        return file_sentence(report.brief() if isinstance(report, FileReport) else report, lang)
    s = summary(reports)
    text = messages.text("batch-total", lang, files=s["files"], passed=s["passed"], failed=s["failed"], invalid=s["invalid"])
    for key in ("unrecognised", "transition"):
        if s[key]:
            text += messages.text(f"batch-total-{key}", lang, count=s[key])
    return text


def skipped_lines(skipped: list, lang: str) -> list[str]:
    """'5 filer hoppet over: <reason>', one line per distinct reason, in path order."""
    from .escape import shorten, visible

    groups: dict[str, int] = {}
    for entry in skipped:
        groups[entry.reason] = groups.get(entry.reason, 0) + 1
    return [
        messages.text("skipped-files", lang, count=count, reason=shorten(visible(reason), 200)) for reason, count in groups.items()
    ]
