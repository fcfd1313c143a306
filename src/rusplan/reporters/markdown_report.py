"""A merge-request comment: the verdict per file, a table of what to fix, a summary.

User text (messages name courses and values from the programme file) is
escaped for GitHub/GitLab-flavoured markdown (escape.markdown_text): a `|` or
a newline would break the table, `<` could open HTML, `[`/`!` a link or an
image and `@` a mention.
"""

from __future__ import annotations

from .. import messages
from ..core.result import FileReport, summary
from .common import finding_text, problem_text, skipped_lines, summary_sentence, verdict_text, where
from .escape import markdown_code, markdown_text
from .spool import Spool

_MARKS = {"fail": "❌", "warn": "⚠️", "waived": "➖", "invalid": "❌", "pass": "✅", "unrecognised": "❓", "transition": "⏳"}
_LISTED = ("fail", "unrecognised", "warn", "waived")


cell, code = markdown_text, markdown_code


def _mark(report: FileReport) -> str:
    if report.verdict == "pass" and report.count("warn"):
        return _MARKS["warn"]
    return _MARKS[report.verdict]


def _heading(report: FileReport, lang: str) -> str:
    title = " ".join(x for x in (report.institution, report.programme) if x)
    verdict = verdict_text(report.verdict, lang, report.judged_only_by, report.kind)
    return f"### {_mark(report)} {code(report.path)}" + (f" — {cell(title)}" if title else "") + f": {verdict}"


def _rows(report: FileReport, lang: str) -> list[str]:
    rows = [
        f"| {_MARKS['invalid']} {code(p.code)} |  | {code(where(report.path, p.line, p.column, p.sheet))} | {cell(problem_text(p))} |"
        for p in report.errors
    ]
    rows += [
        f"| {_MARKS[r.status]} {code(r.rule)} | {cell(r.section)} | {code(where(report.path, r.line, r.column, r.sheet))} | {cell(finding_text(r, lang))} |"
        for r in report.results
        if r.status in _LISTED
    ]
    return rows


def _head_lines(reports: list, ctx) -> list[str]:
    """The overall verdict and what the rules transcribe; over FileReports or FileBriefs."""
    lang = ctx.lang
    s = summary(reports)
    overall = next((v for v in ("invalid", "failed", "unrecognised", "transition") if s[v]), "pass").replace("failed", "fail")
    only = next((r.judged_only_by for r in reports if r.judged_only_by), "")
    mark = _MARKS["warn"] if overall == "pass" and s["warnings"] else _MARKS[overall]
    lines = [f"## {mark} rusplan: {verdict_text(overall, lang, only)}", ""]
    return lines + [f"*{cell(ruleset.status(lang)['statement'])}*" for ruleset in ctx.rulesets] + ([""] if ctx.rulesets else [])


def _file_lines(report: FileReport, lang: str) -> list[str]:
    head = f"| {messages.text('col-rule', lang)} | § | {messages.text('col-location', lang)} | {messages.text('col-message', lang)} |"
    lines = [_heading(report, lang), ""]
    rows = _rows(report, lang)
    if rows:
        lines += [head, "|---|---|---|---|", *rows, ""]
    return lines


def _tail_lines(reports: list, ctx) -> list[str]:
    lines = [f"**{cell(summary_sentence(reports, ctx.lang))}**"]
    return lines + (["", *(cell(line) for line in skipped_lines(ctx.skipped, ctx.lang))] if ctx.skipped else [])


def render(reports: list[FileReport], ctx) -> str:
    lines = _head_lines(reports, ctx)
    for report in reports:
        lines += _file_lines(report, ctx.lang)
    return "\n".join(lines + _tail_lines(reports, ctx)) + "\n"


def stream(reports, ctx, out) -> list:
    """Each file's heading and table spooled as it arrives; the overall verdict, which opens the comment, first."""
    briefs: list = []
    with Spool() as spool:
        for report in reports:
            spool.write("".join(line + "\n" for line in _file_lines(report, ctx.lang)))
            briefs.append(report.brief())
        out("".join(line + "\n" for line in _head_lines(briefs, ctx)))
        spool.copy_to(out)
    out("".join(line + "\n" for line in _tail_lines(briefs, ctx)))
    return briefs
