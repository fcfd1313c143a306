"""Write a programme, or an empty starter, as the coordinator's workbook (layout: workbook.LAYOUT).

The words (sheet names, labels, instructions) are messages.py's `wb-*`
entries in the chosen language; the outcome ids and texts and the
drop-down lists come from the ruleset.  Drop-downs warn but do not forbid
another spelling: rusplan itself says what it did not recognise.
"""

from __future__ import annotations

import re
from typing import Any

from .. import messages
from .workbook import (
    ADMISSION,
    AGREEMENTS,
    COURSES,
    MATRIX_FIXED,
    PRACTICE,
    PROGRAMME,
    WAIVERS,
    ConvertError,
    Field,
    column_letter,
    course_list,
    join_list,
    label,
    matrix_rows,
    sheet_title,
)

STARTER_COURSE_COLUMNS = 8
STARTER_ROWS = 30  # table rows that get drop-downs and prompts in a starter
LIST_CELLS = 8  # cells to the right of a list row's label that get its drop-down

# Which vocabulary's drop-down a field gets (a single value per cell only).
DROPDOWNS = {
    ("programme", "framework"): "frameworks",
    ("admission", "professions"): "professions",
    ("kind",): "practice_kinds",
}
# Fields whose cell lists several values from a vocabulary: the prompt names them.
LISTED = {("learning_forms",): "learning_forms", ("fields",): "practice_fields", ("regulates",): "agreement_topics"}


def build(data: dict | None, ruleset, lang: str, format_id: str = ""):
    """`data` (or, for None, an empty starter of the format `format_id`) as an openpyxl Workbook; ConvertError for what it cannot hold."""
    return Builder(data, ruleset, lang, format_id).book


def to_bytes(book) -> bytes:
    """The workbook's file, the same bytes for the same data: no save time in it (zip entries or properties)."""
    import datetime as dt
    import io
    import zipfile

    fixed = dt.datetime(2000, 1, 1)
    book.properties.created = book.properties.modified = fixed
    book.properties.creator = "rusplan"
    saved = io.BytesIO()
    book.save(saved)
    out = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type, entry.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
            data = source.read(info)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time as "modified"
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", data)
            target.writestr(entry, data)
    return out.getvalue()


def _get(data: Any, path: tuple):
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def _cell(value: Any) -> Any:
    """A value as a cell holds it: text, number, boolean; nothing else reaches a cell.

    A cell cannot hold control characters (XML 1.0 has none of them but tab and line breaks):
    a text with one is refused rather than changed.
    """
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str) and ILLEGAL_CHARACTERS_RE.search(value):
        raise ConvertError("wb-cannot-hold", value=value.encode("ascii", "backslashreplace").decode("ascii")[:60])
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise ConvertError("wb-cannot-hold", value=str(value)[:40])


class Builder:
    def __init__(self, data: dict | None, ruleset, lang: str, format_id: str = "") -> None:
        import openpyxl

        self.data, self.ruleset, self.lang, self.format_id = data, ruleset, lang, format_id
        self.starter = data is None
        self.book = openpyxl.Workbook()
        self.guide = self.book.active
        self.guide.title = messages.text("wb-sheet-guide", lang)
        self.lists = None
        self.list_ranges: dict[str, str] = {}
        self._styles()
        self._vocabulary_sheet()
        self._guide()
        self._rows("programme", PROGRAMME)
        self._rows("admission", ADMISSION)
        self._courses()
        self._matrix()
        self._table("practice", PRACTICE, (data or {}).get("practice") or [])
        self._table("agreements", AGREEMENTS, (data or {}).get("agreements") or [])
        self._table("waivers", WAIVERS, (data or {}).get("waivers") or [])
        self.book.move_sheet(self.lists, offset=len(self.book.sheetnames))
        self.book.active = 1

    # -- look -----------------------------------------------------------------
    def _styles(self) -> None:
        from openpyxl.styles import Alignment, Font, PatternFill

        self.bold = Font(bold=True)
        self.head_fill = PatternFill("solid", fgColor="DDE7F0")
        self.wrap = Alignment(wrap_text=True, vertical="top")

    def _head(self, cell) -> None:
        cell.font, cell.fill, cell.alignment = self.bold, self.head_fill, self.wrap

    def _prompt(self, ws, ref: str, text: str, vocabulary: str | None = None) -> None:
        from openpyxl.worksheet.datavalidation import DataValidation

        kwargs = {}
        if vocabulary and vocabulary in self.list_ranges:
            kwargs = {"type": "list", "formula1": self.list_ranges[vocabulary], "allow_blank": True, "errorStyle": "warning", "showErrorMessage": True}
            kwargs["error"] = messages.text("wb-dropdown-warning", self.lang)
        check = DataValidation(showInputMessage=True, prompt=text[:255], promptTitle=None, **kwargs)
        ws.add_data_validation(check)
        check.add(ref)

    def _help(self, field: Field) -> str:
        key = f"wb-help-{field.label}"
        text = messages.text(key, self.lang) if messages.has(key) else label(field.label, self.lang)
        vocabulary = LISTED.get(field.key) or DROPDOWNS.get(field.key)
        if vocabulary and vocabulary in self.ruleset.vocabularies:
            names = [self.ruleset.vocabularies[vocabulary].label(i, self.lang) for i in self.ruleset.vocabularies[vocabulary].ids]
            text += " " + messages.text("wb-help-choose", self.lang, values=", ".join(names))
        return text

    def _vocabulary_sheet(self) -> None:
        self.lists = self.book.create_sheet(messages.text("wb-sheet-lists", self.lang))
        column = 1
        vocabularies = self.ruleset.vocabularies
        for name in sorted({*DROPDOWNS.values(), *LISTED.values()}):
            if name not in vocabularies:
                continue
            vocab = vocabularies[name]
            self.lists.cell(1, column, name)
            self._head(self.lists.cell(1, column))
            for row, ident in enumerate(vocab.ids, start=2):
                self.lists.cell(row, column, vocab.label(ident, self.lang))
            letter = column_letter(column)
            self.list_ranges[name] = f"'{self.lists.title}'!${letter}$2:${letter}${len(vocab.ids) + 1}"
            self.lists.column_dimensions[letter].width = 40
            column += 1
        yes, no = messages.text("wb-yes", self.lang), messages.text("wb-no", self.lang)
        self.lists.cell(1, column, "ja/nei")
        self.lists.cell(2, column, yes)
        self.lists.cell(3, column, no)
        letter = column_letter(column)
        self.list_ranges["yes-no"] = f"'{self.lists.title}'!${letter}$2:${letter}$3"

    def _guide(self) -> None:
        ws = self.guide
        ws.column_dimensions["A"].width = 110
        lines = messages.text("wb-guide", self.lang, count=len(self.ruleset.outcomes)).split("\n")
        for row, line in enumerate(lines, start=1):
            ws.cell(row, 1, line).alignment = self.wrap
        ws.cell(1, 1).font = Font_bold_large()

    # -- sheets ---------------------------------------------------------------
    def _rows(self, name: str, fields: tuple) -> None:
        ws = self.book.create_sheet(sheet_title(name, self.lang))
        ws.column_dimensions["A"].width = 42
        for letter in "BCDEFGHI":
            ws.column_dimensions[letter].width = 22 if name == "admission" else 60
        for row, field in enumerate(fields, start=1):
            self._head(ws.cell(row, 1, label(field.label, self.lang)))
            value = _get(self.data, field.key)
            if self.starter and field.key == ("format",):
                value = self.format_id
            vocabulary = DROPDOWNS.get(field.key) or ("yes-no" if field.kind == "bool" else None)
            if field.kind == "list":
                values = value if isinstance(value, list) else ([] if value is None else [value])
                for i, item in enumerate(values):
                    ws.cell(row, 2 + i, _cell(item))
                last = column_letter(1 + max(LIST_CELLS, len(values)))
                self._prompt(ws, f"B{row}:{last}{row}", self._help(field), vocabulary)
                continue
            if field.kind == "bool" and isinstance(value, bool):
                value = messages.text("wb-yes" if value else "wb-no", self.lang)
            if isinstance(value, (dict, list)):
                raise ConvertError("wb-cannot-hold", value=".".join(field.key))
            ws.cell(row, 2, _cell(value)).alignment = self.wrap
            self._prompt(ws, f"B{row}", self._help(field), vocabulary)

    def _table_sheet(self, name: str, fields: tuple):
        ws = self.book.create_sheet(sheet_title(name, self.lang))
        for column, field in enumerate(fields, start=1):
            self._head(ws.cell(1, column, label(field.label, self.lang)))
            ws.column_dimensions[column_letter(column)].width = 16 if field.kind in ("number", "int", "semester") else 34
        ws.freeze_panes = "A2"
        return ws

    def _table_prompts(self, ws, fields: tuple, rows: int) -> None:
        for column, field in enumerate(fields, start=1):
            letter = column_letter(column)
            vocabulary = DROPDOWNS.get(field.key)
            if field.key == ("course",):
                courses = sheet_title("courses", self.lang)
                self.list_ranges["courses"] = f"'{courses}'!$A$2:$A$200"
                vocabulary = "courses"
            self._prompt(ws, f"{letter}2:{letter}{rows + 1}", self._help(field), vocabulary)

    def _write_row(self, ws, row: int, fields: tuple, record: dict) -> None:
        for column, field in enumerate(fields, start=1):
            value = record.get(field.key[0]) if isinstance(record, dict) else None
            if field.kind in ("list", "refs"):
                if value is None or value == []:
                    continue
                value = join_list(value) if isinstance(value, list) else value
            elif isinstance(value, list) and field.kind == "semester":
                value = ", ".join(str(v) for v in value)
            elif isinstance(value, (dict, list)):
                raise ConvertError("wb-cannot-hold", value=field.key[0])
            ws.cell(row, column, _cell(value)).alignment = self.wrap

    def _table(self, name: str, fields: tuple, records: list) -> None:
        ws = self._table_sheet(name, fields)
        for row, record in enumerate(records, start=2):
            self._write_row(ws, row, fields, record)
        self._table_prompts(ws, fields, max(STARTER_ROWS, len(records)))

    def _courses(self) -> None:
        ws = self._table_sheet("courses", COURSES)
        listed = course_list(self.data or {})
        for row, (course, choice) in enumerate(listed, start=2):
            record = dict(course) if isinstance(course, dict) else {}
            unknown = set(record) - {"code", "name", "credits", "semester", "learning_forms", "notes", "outcomes"}
            if unknown:
                raise ConvertError("wb-cannot-hold", value=", ".join(sorted(unknown)))
            if choice is not None:
                record["choice"] = choice.get("choice")
                first = next(c for c, ch in listed if ch is choice)
                if first is course and "notes" in choice:
                    record["choice_notes"] = choice["notes"]
            self._write_row(ws, row, COURSES, record)
        self._table_prompts(ws, COURSES, max(STARTER_ROWS, len(listed)))

    def _matrix(self) -> None:
        from openpyxl.formatting.rule import FormulaRule
        from openpyxl.styles import PatternFill

        ws = self.book.create_sheet(sheet_title("outcomes", self.lang))
        for column, name in enumerate(MATRIX_FIXED, start=1):
            self._head(ws.cell(1, column, label(name, self.lang)))
        ws.column_dimensions["A"].width = 8
        ws.column_dimensions["B"].width = 8
        ws.column_dimensions["C"].width = 60
        ws.freeze_panes = "D2"
        ids = matrix_rows(self.data or {}, self.ruleset)
        outcomes = self.ruleset.outcomes
        for row, ident in enumerate(ids, start=2):
            ws.cell(row, 1, ident).font = self.bold
            known = outcomes.get(ident)
            if known:
                ws.cell(row, 2, int(known["area"]) if str(known["area"]).isdigit() else str(known["area"]))
                ws.cell(row, 3, f"§ {known['section']}: {known['text']}").alignment = self.wrap
        listed = [c for c, _ in course_list(self.data or {})] if self.data else []
        column = len(MATRIX_FIXED)
        for column, course in enumerate(listed, start=len(MATRIX_FIXED) + 1):
            code = course.get("code") if isinstance(course, dict) else None
            ws.column_dimensions[column_letter(column)].width = 40
            self._head(ws.cell(1, column, _cell(code)))
            cells: dict[str, list[str]] = {}
            for outcome in course.get("outcomes") or []:
                self._outcome_fits(outcome, code)
                for ref in outcome["covers"]:
                    cells.setdefault(str(ref), [])
                    if outcome["text"] in cells[str(ref)]:
                        raise ConvertError("wb-outcome-twice", course=str(code), ref=str(ref))
                    cells[str(ref)].append(outcome["text"])
            for row, ident in enumerate(ids, start=2):
                if ident in cells:
                    texts = cells[ident]
                    ws.cell(row, column, texts[0] if len(texts) == 1 else "\n\n".join(texts)).alignment = self.wrap
        if self.starter:
            for column in range(len(MATRIX_FIXED) + 1, len(MATRIX_FIXED) + 1 + STARTER_COURSE_COLUMNS):
                self._head(ws.cell(1, column))
                ws.column_dimensions[column_letter(column)].width = 40
            column = len(MATRIX_FIXED) + STARTER_COURSE_COLUMNS
        self._prompt(ws, f"D1:{column_letter(max(column, 4))}1", messages.text("wb-help-matrix-code", self.lang))
        self._prompt(ws, f"D2:{column_letter(max(column, 4))}{len(ids) + 1}", messages.text("wb-help-matrix-cell", self.lang))
        # A national outcome no course column covers is shaded (gaps show while filling in).
        last = column_letter(max(column, 4))
        gap = PatternFill("solid", fgColor="F8D7DA")
        ws.conditional_formatting.add(f"A2:A{len(ids) + 1}", FormulaRule(formula=[f"COUNTA($D2:${last}2)=0"], fill=gap))

    @staticmethod
    def _outcome_fits(outcome: Any, code) -> None:
        """The matrix holds an outcome as its text in the rows it covers: nothing else survives."""
        if not isinstance(outcome, dict) or set(outcome) - {"text", "covers"}:
            raise ConvertError("wb-outcome-extra", course=str(code))
        text, covers = outcome.get("text"), outcome.get("covers")
        if not isinstance(text, str) or not text.strip() or text != text.strip() or "\n\n" in text:
            raise ConvertError("wb-outcome-text", course=str(code), text=str(text)[:60])
        if not isinstance(covers, list) or not covers:
            raise ConvertError("wb-outcome-covers-nothing", course=str(code), text=text[:60])


def Font_bold_large():
    from openpyxl.styles import Font

    return Font(bold=True, size=14)
