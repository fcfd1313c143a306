"""The terminal report: one line per rule verdict, located like a compiler.

Plain text with optional ANSI colour rather than rich: it is what hooks and
CI logs show on every run, so it must start fast and stay greppable
(``path:line:column: fail practice-weeks § 21 ...``).
"""

from __future__ import annotations

from .. import messages
from ..result import FileReport, summary

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
        where = f"{report.path}:{problem.line}:{problem.column}" if problem.line else report.path
        hint = f" ({problem.hint})" if problem.hint and problem.hint not in problem.message else ""
        lines.append(f"{where}: {_paint(messages.text('verdict-invalid', lang), 'invalid', color)}: {problem.message}{hint}")
    for r in report.results:
        if ctx.quiet and r.status not in ("fail", "warn"):
            continue
        status = _paint(f"{_MARKS[r.status]} {messages.text('status-' + r.status, lang)}", r.status, color)
        head = f"  {status:<{12 + (9 if color else 0)}} {r.rule:<22} {r.section:<9}"
        if r.status in ("pass", "skip"):
            lines.append(f"{head} {r.message}")
            continue
        path_note = f" [{messages.text('on-path', lang, path=r.study_path)}]" if r.study_path else ""
        reason = f" — {messages.text('waived', lang, expires='', reason=r.reason).split(': ', 1)[-1]}" if r.reason else ""
        lines.append(f"{head} {report.path}:{r.line}:{r.column}: {r.message}{path_note}{reason}")
        if r.quote and not ctx.quiet:
            lines.append(f"{'':>46}«{r.quote}»")
    for note in report.info:
        if not ctx.quiet:
            lines.append(f"  i {note}")
    verdict = report.verdict
    lines.append(
        _paint(
            messages.text(
                "summary-line",
                lang,
                path=report.path,
                verdict=messages.text(f"verdict-{verdict}", lang),
                errors=report.count("fail") or len(report.errors),
                warnings=report.count("warn"),
                passed=report.count("pass"),
            ),
            {"pass": "pass", "fail": "fail", "invalid": "invalid"}[verdict],
            color,
        )
    )
    return lines


def render(reports: list[FileReport], ctx) -> str:
    blocks = ["\n".join(render_file(r, ctx)) for r in reports]
    out = "\n\n".join(blocks)
    if len(reports) > 1:
        out += "\n\n" + batch_table(reports, ctx)
    return out + "\n"


def batch_table(reports: list[FileReport], ctx) -> str:
    """The closing table of a batch run: one row per file, then totals."""
    lang = ctx.lang
    head = ("Institusjon", "Program", "Feil", "Advarsler", "Resultat", "Fil") if lang == "nb" else (
        "Institution", "Programme", "Errors", "Warnings", "Verdict", "File")
    rows = [
        (
            r.institution or "-",
            r.programme or "-",
            str(r.count("fail") or len(r.errors)),
            str(r.count("warn")),
            messages.text(f"verdict-{r.verdict}", lang),
            r.path,
        )
        for r in reports
    ]
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(len(head))]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    lines = [fmt.format(*head).rstrip(), "  ".join("-" * w for w in widths)]
    lines += [fmt.format(*row).rstrip() for row in rows]
    s = summary(reports)
    total = (
        f"{s['files']} filer: {s['passed']} bestått, {s['failed']} ikke bestått, {s['invalid']} kunne ikke kontrolleres"
        if lang == "nb"
        else f"{s['files']} files: {s['passed']} passed, {s['failed']} failed, {s['invalid']} could not be checked"
    )
    lines.append(total)
    return "\n".join(lines)
