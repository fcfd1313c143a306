"""The coverage matrix as text (rich), CSV, Markdown or a self-contained HTML page.

Every renderer takes a :class:`matrix.Matrix` and returns a string; none of
them reads files or judges rules.  HTML goes through Jinja2 with
autoescaping on, because course names and outcome texts are untrusted.
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache

from .. import __version__, messages
from ..kinds.programme.matrix import PARTIAL, UNCOVERED, Column, Matrix

MARK_ON, MARK_OFF = "●", "·"
ROW_MARK = {UNCOVERED: "✗", PARTIAL: "~"}
PRACTICE_ONLY = "P"  # the row mark of an outcome only practice covers
MIN_TEXT = 36  # columns of outcome text the terminal table keeps at least


class NeedsJinja(Exception):
    """Jinja2 (the `html` extra) is not installed."""


def render(matrix: Matrix, fmt: str, lang: str, *, color: bool = False, width: int = 100, csv_dialect: str = "excel-nb") -> str:
    if fmt == "text":
        return text(matrix, lang, color=color, width=width)
    if fmt == "csv":
        return csv_text(matrix, lang, csv_dialect)
    if fmt == "markdown":
        return markdown(matrix, lang)
    return html(matrix, lang)


def word(matrix: Matrix, key: str) -> str:
    """The message key for `key` in the matrix's own words: a document kind's (Matrix.words), the programme's by default."""
    return matrix.words.get(key, key)


def status_label(status: str, lang: str, matrix: Matrix | None = None) -> str:
    key = f"matrix-status-{status}"
    return messages.text(word(matrix, key) if matrix is not None else key, lang)


def semesters(column: Column) -> str:
    return ",".join(str(s) for s in column.semesters)


def legend(matrix: Matrix, lang: str) -> list[str]:
    """One line per column: label, semester(s), name (and what it belongs to)."""
    lines = []
    for column in matrix.columns:
        where = column.when or messages.text(word(matrix, "matrix-semester-short"), lang, semesters=semesters(column))
        extra = ""
        if column.choice:
            extra = " — " + messages.text(word(matrix, "matrix-option-of"), lang, choice=column.choice)
        elif column.kind == "practice":
            extra = " — " + messages.text(
                "matrix-practice-note", lang, kind=column.practice_kind, duration=messages.text("weeks", lang, weeks=messages.number(column.weeks, lang))
            )
        lines.append(f"{column.label} ({where}): {column.name}{extra}")
    return lines


def verdict_lines(matrix: Matrix, lang: str) -> list[str]:
    """What the highlighting means, in words: the gaps, or that there are none."""
    uncovered = matrix.with_status(UNCOVERED)
    partial = matrix.with_status(PARTIAL)
    lines = []
    if uncovered:
        lines.append(messages.text(word(matrix, "matrix-uncovered-list"), lang, count=len(uncovered), ids=", ".join(r.id for r in uncovered)))
    for row in partial:
        lines.append(messages.text(word(matrix, "matrix-partial-row"), lang, id=row.id, paths=", ".join(row.missing_on)))
    practice_only = matrix.practice_only()
    if practice_only:
        lines.append(messages.text(word(matrix, "matrix-practice-only-list"), lang, count=len(practice_only), ids=", ".join(r.id for r in practice_only)))
    if not uncovered and not partial:
        lines.append(messages.text(word(matrix, "matrix-all-covered"), lang, count=len(matrix.rows)))
    return lines


def title(matrix: Matrix, lang: str) -> str:
    p = matrix.programme
    return messages.text(word(matrix, "matrix-title"), lang, institution=p["institution"], code=p["code"])


# --- text -------------------------------------------------------------------


def text(matrix: Matrix, lang: str, *, color: bool = False, width: int = 100) -> str:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    out = io.StringIO()
    console = Console(
        file=out,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
        markup=False,
    )
    codes = [c.label for c in matrix.columns]
    # Course codes head the columns while they leave room for the outcome
    # text; a wider programme gets numbered columns and a numbered legend.
    numbered = width - 2 - sum(len(l) + 1 for l in codes) < MIN_TEXT
    labels = [str(i + 1) for i in range(len(codes))] if numbered else codes
    text_width = max(MIN_TEXT // 2, width - 2 - sum(len(l) + 1 for l in labels))
    style = {UNCOVERED: "bold red", PARTIAL: "yellow"}
    console.print(Text(title(matrix, lang), style="bold"))
    for area in matrix.areas:
        table = Table(
            title=messages.text(word(matrix, "matrix-area"), lang, id=area.id, label=area.label),
            title_justify="left",
            title_style="bold",
            box=box.SIMPLE_HEAD,
            show_edge=False,
            pad_edge=False,
            padding=0,
        )
        table.add_column("", width=1, no_wrap=True)
        table.add_column(messages.text(word(matrix, "matrix-outcome"), lang), width=text_width, no_wrap=True, overflow="ellipsis")
        for label in labels:
            table.add_column(label, justify="center", no_wrap=True, width=len(label))
        blank = [""] * len(labels)
        for category in area.categories:
            table.add_row("", Text(category.label, style="italic"), *blank)
            for row in category.rows:
                cells = [MARK_ON if on else MARK_OFF for on in row.cells]
                mark = ROW_MARK.get(row.status, PRACTICE_ONLY if row.practice_only else "")
                table.add_row(mark, f"{row.id:<4} {row.text}", *cells, style=style.get(row.status))
        console.print()
        console.print(table)
    console.print()
    console.print(Text(messages.text(word(matrix, "matrix-key"), lang)))
    for i, line in enumerate(legend(matrix, lang)):
        console.print(Text(f"{i + 1:>2} = {line}" if numbered else line), overflow="ellipsis", no_wrap=True)
    if any(c.choice for c in matrix.columns):
        console.print(Text(messages.text(word(matrix, "matrix-star"), lang)))
    console.print()
    for line in verdict_lines(matrix, lang):
        console.print(Text(line, style="bold red" if matrix.with_status(UNCOVERED) else None))
    if color:
        return out.getvalue()
    return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())


# --- csv --------------------------------------------------------------------


def csv_heading(column: Column) -> str:
    return column.label if column.kind == "course" else f"{column.label} {column.name}"


# excel-nb (the default): what a Norwegian-locale Excel opens by a double click, one value per
# cell and æøå intact: UTF-8 with a byte-order mark, ';' between values (the list separator
# where the decimal mark is a comma), CRLF.  rfc4180: ',' and LF, no BOM, for scripts.
CSV_DIALECTS = {"excel-nb": ("\ufeff", ";", "\r\n"), "rfc4180": ("", ",", "\n")}


def csv_text(matrix: Matrix, lang: str, dialect: str = "excel-nb") -> str:
    bom, delimiter, newline = CSV_DIALECTS[dialect]
    out = io.StringIO()
    out.write(bom)
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline)
    head = [messages.text(word(matrix, f"matrix-csv-{k}"), lang) for k in ("area", "category", "outcome", "text")]
    writer.writerow(head + [csv_heading(c) for c in matrix.columns] + [messages.text(word(matrix, f"matrix-csv-{k}"), lang) for k in ("courses", "status")])
    for area in matrix.areas:
        for category in area.categories:
            for row in category.rows:
                cells = ["x" if on else "" for on in row.cells]
                courses = sum(on for on, c in zip(row.cells, matrix.columns) if c.kind == "course")
                writer.writerow([area.id, category.label, row.id, row.text, *cells, courses, status_label("practice-only" if row.practice_only else row.status, lang, matrix)])
    return out.getvalue()


# --- markdown ---------------------------------------------------------------


def _md(value: str) -> str:
    return value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def markdown(matrix: Matrix, lang: str) -> str:
    lines = [f"# {_md(title(matrix, lang))}", ""]
    head = ["", messages.text(word(matrix, "matrix-outcome"), lang), *(_md(c.label) for c in matrix.columns)]
    for area in matrix.areas:
        lines += [f"## {_md(messages.text('matrix-area', lang, id=area.id, label=area.label))}", ""]
        lines.append("| " + " | ".join(head) + " |")
        lines.append("|---|---|" + ":-:|" * len(matrix.columns))
        for category in area.categories:
            lines.append(f"| | *{_md(category.label)}* |" + " |" * len(matrix.columns))
            for row in category.rows:
                label = f"**{row.id}** {_md(row.text)}" if row.status in ROW_MARK else f"{row.id} {_md(row.text)}"
                if row.status in ROW_MARK:
                    label += f" **({_md(status_label(row.status, lang, matrix))})**"
                elif row.practice_only:
                    label += f" *({_md(status_label('practice-only', lang, matrix))})*"
                cells = ["✓" if on else "" for on in row.cells]
                lines.append(f"| {ROW_MARK.get(row.status, '')} | {label} | " + " | ".join(cells) + " |")
        lines.append("")
    lines += [f"- {_md(line)}" for line in legend(matrix, lang)]
    if any(c.choice for c in matrix.columns):
        lines.append(f"- {_md(messages.text('matrix-star', lang))}")
    lines.append("")
    lines += [f"**{_md(line)}**" if matrix.with_status(UNCOVERED) else _md(line) for line in verdict_lines(matrix, lang)]
    return "\n".join(lines) + "\n"


# --- html -------------------------------------------------------------------


@lru_cache(maxsize=1)
def environment():
    """The Jinja2 environment for rusplan's templates; raises NeedsJinja without Jinja2."""
    try:
        import jinja2
    except ImportError:
        raise NeedsJinja() from None
    from markupsafe import Markup

    from .committee import path_sums
    from .escape import visible

    def finalize(value):  # every {{ value }}: no control or bidi character from a programme file
        return visible(value) if isinstance(value, str) and not isinstance(value, Markup) else value

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("rusplan.reporters", "templates"),
        finalize=finalize,
        autoescape=True,  # programme files are untrusted: every value is escaped
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        t=messages.text,
        mt=lambda matrix, key, lang, **params: messages.text(word(matrix, key), lang, **params),
        status_label=status_label,
        semesters=semesters,
        legend=legend,
        verdict_lines=verdict_lines,
        version=__version__,
        UNCOVERED=UNCOVERED,
        PARTIAL=PARTIAL,
        path_sums=path_sums,
    )
    return env


def html(matrix: Matrix, lang: str) -> str:
    return environment().get_template("matrix.html.j2").render(matrix=matrix, lang=lang, title=title(matrix, lang))
