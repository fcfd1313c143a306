"""The terminal report: one line per rule verdict, located like a compiler.

Plain text with optional ANSI colour rather than rich: it is what hooks and
CI logs show on every run, so it must start fast and stay greppable
(``path:line:column: fail practice-weeks § 21 ...``).
"""

from __future__ import annotations

from .. import messages
from ..core.result import FileBrief, FileReport
from .common import file_sentence, finding_text, problem_text, skipped_lines, summary_sentence, verdict_text, where
from .escape import safe_line, shorten, visible

_COLORS = {"pass": "32", "fail": "31", "warn": "33", "skip": "2", "waived": "36", "invalid": "31", "unrecognised": "35", "transition": "33"}
_MARKS = {"pass": "✓", "fail": "✗", "warn": "!", "skip": "-", "waived": "~", "unrecognised": "?"}
CELL, PATH_CELL = 60, 120  # longest institution/programme and path in the batch table


def _paint(text: str, status: str, on: bool) -> str:
    return f"\x1b[{_COLORS[status]}m{text}\x1b[0m" if on else text


# The message starts after "  ✓ bestått    practice-weeks         § 21      ".
_MESSAGE_COLUMN = 2 + 12 + 1 + 22 + 1 + 9 + 1
# Narrower than this beside the columns, the message goes on its own lines below.
_MIN_MESSAGE_WIDTH = 40
_INDENT = "    "


def render_file(report: FileReport, ctx) -> list[str]:
    """The file's lines; everything from the file or its name goes through `visible`,
    and each line through `safe_line` before it is painted."""
    lang, color = ctx.lang, ctx.color
    width = ctx.width
    lines = []
    path = visible(report.path)
    title = visible(" ".join(x for x in (report.institution, report.programme) if x))
    if not ctx.quiet:
        lines += _wrap(safe_line(path + (f" — {title}" if title else "")), width, _INDENT)
    for problem in report.errors:
        at = safe_line(where(path, problem.line, problem.column, problem.sheet))
        verdict = messages.text("verdict-invalid", lang)
        text = _wrap(f"{at}: {verdict}: {visible(problem_text(problem))}", width, _INDENT)
        lines += [text[0].replace(verdict, _paint(verdict, "invalid", color), 1), *text[1:]]
    beside = width is None or width - _MESSAGE_COLUMN >= _MIN_MESSAGE_WIDTH
    for r in report.results:
        if ctx.quiet and r.status not in ("fail", "warn", "unrecognised"):
            continue
        label = f"{_MARKS[r.status]} {messages.text('status-' + r.status, lang)}"
        head = f"  {label:<12} {r.rule:<22} {r.section:<9}"
        painted = head.replace(label, _paint(label, r.status, color), 1)
        message = visible(r.message) if r.status in ("pass", "skip") else f"{where(path, r.line, r.column, r.sheet)}: {visible(finding_text(r, lang))}"
        quote = f"«{visible(r.quote)}»" if r.quote and not ctx.quiet and r.status not in ("pass", "skip") else ""
        if beside or len(head) + 1 + len(message) <= width:
            indent = " " * (len(head) + 1)
            body = _wrap(f"{head} {message}", width, indent)
            lines += [painted + body[0][len(head):], *body[1:]]
            if quote:
                lines += _wrap(indent + quote, width, indent)
        else:  # a narrow terminal: the message and the quote under the rule, indented
            lines.append(painted.rstrip())
            lines += _wrap(_INDENT + message, width, _INDENT)
            if quote:
                lines += _wrap(_INDENT + "  " + quote, width, _INDENT + "   ")
    for note in report.info:
        if not ctx.quiet:
            lines += _wrap(f"  i {visible(note)}", width, _INDENT)
    brief = report.brief()
    summary = _wrap(safe_line(visible(file_sentence(brief, lang))), width, _INDENT)
    lines += [_paint(line, brief.verdict, color) for line in summary]
    return lines


def _wrap(text: str, width: int | None, indent: str) -> list[str]:
    """`text` broken between words to `width` columns, continued at `indent`; as is without a width.

    Words are never split (a path:line:column longer than the line stays whole).
    """
    if not width or len(text) <= width:
        return [text]
    import textwrap

    lead = text[: len(text) - len(text.lstrip(" "))]
    return textwrap.wrap(
        text.lstrip(" "),
        width,
        initial_indent=lead,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [text]


def stream(reports, ctx, out) -> list[FileBrief]:
    """Write each file's block as it arrives; end a batch with the table."""
    from . import rulesets_for

    briefs: list[FileBrief] = []
    stated: set = set()  # rulesets whose statement is written: before the first file they judge

    def state(rulesets) -> None:
        for ruleset in rulesets:
            if not ctx.quiet and id(ruleset) not in stated:  # what the verdicts below are measured against
                stated.add(id(ruleset))
                out("\n".join(_wrap(ruleset.status(ctx.lang)["statement"], ctx.width, "")) + "\n\n")

    for report in reports:
        state(rulesets_for(ctx, [report]))
        out(("\n" if briefs else "") + "\n".join(render_file(report, ctx)) + "\n")
        briefs.append(report.brief())
    if not briefs:
        state(rulesets_for(ctx, []))
    if len(briefs) > 1:
        out("\n")
        for line in table_lines(briefs, ctx):  # line by line: 10,000 rows are never one string
            out(line + "\n")
    for line in skipped_lines(ctx.skipped, ctx.lang):
        out(line + "\n")
    return briefs


def render(reports: list[FileReport], ctx) -> str:
    parts: list[str] = []
    stream(reports, ctx, parts.append)
    return "".join(parts)


def table_lines(briefs: list[FileBrief], ctx):
    """The closing table of a batch run: one row per file, then totals."""
    lang = ctx.lang
    head = tuple(messages.text(f"table-{c}", lang) for c in ("institution", "programme", "errors", "warnings", "verdict", "file"))

    def row(b: FileBrief) -> tuple:
        # Capped: one 1 MB institution name would pad every row to 1 MB.
        return (
            shorten(visible(b.institution), CELL) or "-",
            shorten(visible(b.programme), CELL) or "-",
            str(b.errors),
            str(b.warnings),
            verdict_text(b.verdict, lang, b.judged_only_by, b.kind),
            _tail(visible(b.path), PATH_CELL),
        )

    widths = [len(h) for h in head]
    for b in briefs:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row(b))]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    yield fmt.format(*head).rstrip()
    yield "  ".join("-" * w for w in widths)
    for b in briefs:
        yield safe_line(fmt.format(*row(b)).rstrip())
    yield summary_sentence(briefs, lang)


def _tail(path: str, limit: int) -> str:
    """A long path cut at the front: the file name is what a reader looks for."""
    return path if len(path) <= limit else "…" + path[len(path) - limit + 1:]
