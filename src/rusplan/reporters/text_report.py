"""The terminal report: one line per rule verdict, located like a compiler.

Plain text with optional ANSI colour rather than rich: it is what hooks and
CI logs show on every run, so it must start fast and stay greppable
(``path:line:column: fail practice-weeks § 21 ...``).
"""

from __future__ import annotations

from .. import messages
from ..result import FileBrief, FileReport
from .common import file_sentence, finding_text, problem_text, summary_sentence, where

_COLORS = {"pass": "32", "fail": "31", "warn": "33", "skip": "2", "waived": "36", "invalid": "31"}
_MARKS = {"pass": "✓", "fail": "✗", "warn": "!", "skip": "-", "waived": "~"}


def _paint(text: str, status: str, on: bool) -> str:
    return f"\x1b[{_COLORS[status]}m{text}\x1b[0m" if on else text


def render_file(report: FileReport, ctx) -> list[str]:
    lang, color = ctx.lang, ctx.color
    lines = []
    title = " ".join(x for x in (report.institution, report.programme) if x)
    if not ctx.quiet:
        lines.append(f"{report.path}" + (f" — {title}" if title else ""))
    for problem in report.errors:
        at = where(report.path, problem.line, problem.column)
        lines.append(f"{at}: {_paint(messages.text('verdict-invalid', lang), 'invalid', color)}: {problem_text(problem)}")
    for r in report.results:
        if ctx.quiet and r.status not in ("fail", "warn"):
            continue
        status = _paint(f"{_MARKS[r.status]} {messages.text('status-' + r.status, lang)}", r.status, color)
        head = f"  {status:<{12 + (9 if color else 0)}} {r.rule:<22} {r.section:<9}"
        if r.status in ("pass", "skip"):
            lines.append(f"{head} {r.message}")
            continue
        lines.append(f"{head} {where(report.path, r.line, r.column)}: {finding_text(r, lang)}")
        if r.quote and not ctx.quiet:
            lines.append(f"{'':>46}«{r.quote}»")
    for note in report.info:
        if not ctx.quiet:
            lines.append(f"  i {note}")
    brief = report.brief()
    lines.append(_paint(file_sentence(brief, lang), brief.verdict, color))
    return lines


def stream(reports, ctx, out) -> list[FileBrief]:
    """Write each file's block as it arrives; end a batch with the table."""
    briefs: list[FileBrief] = []
    for report in reports:
        out(("\n" if briefs else "") + "\n".join(render_file(report, ctx)) + "\n")
        briefs.append(report.brief())
    if len(briefs) > 1:
        out("\n" + batch_table(briefs, ctx) + "\n")
    return briefs


def render(reports: list[FileReport], ctx) -> str:
    parts: list[str] = []
    stream(reports, ctx, parts.append)
    return "".join(parts)


def batch_table(briefs: list[FileBrief], ctx) -> str:
    """The closing table of a batch run: one row per file, then totals."""
    lang = ctx.lang
    head = tuple(messages.text(f"table-{c}", lang) for c in ("institution", "programme", "errors", "warnings", "verdict", "file"))
    rows = [
        (
            b.institution or "-",
            b.programme or "-",
            str(b.errors),
            str(b.warnings),
            messages.text(f"verdict-{b.verdict}", lang),
            b.path,
        )
        for b in briefs
    ]
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(len(head))]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    lines = [fmt.format(*head).rstrip(), "  ".join("-" * w for w in widths)]
    lines += [fmt.format(*row).rstrip() for row in rows]
    lines.append(summary_sentence(briefs, lang))
    return "\n".join(lines)
