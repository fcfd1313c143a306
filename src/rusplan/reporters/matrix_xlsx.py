"""The coverage matrix as an Excel workbook (`rusplan matrix --format xlsx`), for the accreditation application.

One sheet per study path when the paths differ (each with the columns that
path takes), else one sheet; a frozen header, outcome texts wrapped, the
number of courses that cover each outcome (Σ) on that path, and gaps
coloured by a conditional format on Σ, so the colour follows an edit in
Excel.  Values only, no formulas.  The bytes are the same for the same
matrix (io.workbook_writer.to_bytes).
"""

from __future__ import annotations

import re

from .. import messages
from ..kinds.programme.matrix import PARTIAL, UNCOVERED, Matrix
from .matrix_render import legend, status_label, title, verdict_lines

SHEET_NAME_LIMIT = 31  # Excel's


def _sheet_name(name: str, used: set) -> str:
    """A name Excel accepts: no []:*?/\\, at most 31 characters, unique."""
    base = re.sub(r"[\[\]:*?/\\]", "-", name).strip("'") or "-"
    base = base[:SHEET_NAME_LIMIT]
    candidate, n = base, 2
    while candidate.casefold() in used:
        suffix = f" ({n})"
        candidate, n = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix, n + 1
    used.add(candidate.casefold())
    return candidate


def to_bytes(matrix: Matrix, lang: str) -> bytes:
    import openpyxl

    from ..io.workbook_writer import to_bytes as save

    book = openpyxl.Workbook()
    book.remove(book.active)
    everything = tuple(range(len(matrix.columns)))
    paths = [(name, matrix.path_columns.get(name, everything)) for name in matrix.study_paths]
    if len({taken for _, taken in paths}) <= 1:
        paths = [(messages.text("matrix-xlsx-sheet", lang), everything)]
    used: set = set()
    for name, taken in paths:
        _sheet(book.create_sheet(_sheet_name(name, used)), matrix, lang, taken, name if len(paths) > 1 else "")
    return save(book)


def _sheet(ws, matrix: Matrix, lang: str, taken: tuple, path_name: str) -> None:
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    head_fill = PatternFill("solid", fgColor="DDE7F0")
    heading = title(matrix, lang) + (f" — {messages.text('on-path', lang, path=path_name)}" if path_name else "")
    ws.cell(1, 1, heading).font = Font(bold=True, size=13)
    columns = [matrix.columns[i] for i in taken]
    head = [messages.text(f"matrix-csv-{k}", lang) for k in ("area", "outcome", "text")]
    head += [c.label for c in columns] + ["Σ", messages.text("matrix-csv-status", lang)]
    top = 3
    for column, text in enumerate(head, start=1):
        cell = ws.cell(top, column, text)
        cell.font, cell.fill, cell.alignment = bold, head_fill, wrap
    sigma = len(head) - 1
    row = top
    for area in matrix.areas:
        for category in area.categories:
            for outcome in category.rows:
                row += 1
                ws.cell(row, 1, int(area.id) if area.id.isdigit() else area.id)
                ws.cell(row, 2, outcome.id).font = bold
                ws.cell(row, 3, outcome.text).alignment = wrap
                courses = 0
                for offset, (index, column) in enumerate(zip(taken, columns)):
                    if outcome.cells[index]:
                        ws.cell(row, 4 + offset, "x").alignment = Alignment(horizontal="center", vertical="top")
                        courses += column.kind == "course"
                ws.cell(row, sigma, courses)
                status = "uncovered" if not any(outcome.cells[i] for i in taken) else ("practice-only" if not courses else "covered")
                if not path_name and outcome.status in (UNCOVERED, PARTIAL):
                    status = outcome.status
                ws.cell(row, sigma + 1, status_label(status, lang))
    last = row
    ws.freeze_panes = ws.cell(top + 1, 4)
    ws.column_dimensions["A"].width = 8
    ws.column_dimensions["B"].width = 7
    ws.column_dimensions["C"].width = 70
    for column in range(4, sigma):
        ws.column_dimensions[get_column_letter(column)].width = 11
    ws.column_dimensions[get_column_letter(sigma + 1)].width = 24
    # Gaps: no course on this path covers the outcome (Σ is 0).
    letter = get_column_letter(sigma)
    gap = PatternFill("solid", fgColor="F8D7DA")
    ws.conditional_formatting.add(f"A{top + 1}:{get_column_letter(sigma + 1)}{last}", FormulaRule(formula=[f"${letter}{top + 1}=0"], fill=gap))
    row = last + 2
    for line in legend(matrix, lang) + [messages.text("matrix-key", lang)] + verdict_lines(matrix, lang):
        ws.cell(row, 1, line)
        row += 1
