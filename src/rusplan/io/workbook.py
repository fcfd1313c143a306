"""The coordinator's workbook (.xlsx) as a rusplan/v1 programme, both ways.

`load` reads a workbook into the same `loader.Document` the YAML loader
produces: the same plain data (so every rule and every report works
unchanged) and marks that name a sheet and a cell instead of a line and a
column.  A mark's row is a :class:`SheetRow`, an int that knows its sheet,
so `Document.locate` and every stage that copies a (line, column) pair keep
working; `settle` moves the sheet into the `sheet` field of each Problem and
RuleResult at the end of a check, and `reporters.common.where` writes it as
`plan.xlsx:Emner!C4`.

workbook_writer.py builds a workbook from programme data (`rusplan convert`,
`init --format xlsx`); `to_yaml` writes data back as YAML the strict loader reads
to the same data.  The layout (sheets, rows, columns) is `LAYOUT` below; the
words on it are messages.py's `wb-*` entries in nb, nn and en, and a
workbook in any of the three languages reads the same.

openpyxl is imported only here, and only when a workbook is read or
written.  A workbook is a zip of XML files, so reading one is bounded before
openpyxl sees it: the file's size (--max-bytes), the number of parts, their
declared uncompressed size and ratio (zip bombs; zipfile never inflates a
part past its declared size), no DTD in any part (entity expansion), rows
and columns per sheet, and cells in all.  Formulas are refused, never
evaluated: a cached value can be stale, and one that was never computed
(a file written by a script) reads as an empty cell, which would be a
false verdict.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from .. import messages
from ..core.result import cell_name, column_letter  # noqa: F401 - the workbook's names for places, used by the writer too
from .loader import DEFAULT_MAX_BYTES, Document, LoadError, read_raw

SUFFIXES = (".xlsx",)

MAX_PARTS = 500
MAX_UNCOMPRESSED = 20 * 1024 * 1024  # all parts together, as declared in the zip directory (a real plan: under 1 MB)
MAX_RATIO = 200  # uncompressed : compressed of one part; XML compresses 5-20x, a bomb 1000x
MAX_ROWS = 2000
MAX_COLUMNS = 200
MAX_CELLS = 100_000  # the YAML loader's node limit
# Cells as written in the sheets' XML, empty styled ones too, counted before openpyxl builds
# any: openpyxl holds every cell of a workbook in memory (121,000 cells: 2.6 s and 90 MB).
MAX_WRITTEN_CELLS = 2 * MAX_CELLS
MARKS = ("x", "X", "✓", "✔", "●", "*")  # a matrix cell that says "covered" without a text


def is_workbook(path: str) -> bool:
    return str(path).lower().endswith(SUFFIXES)


class SheetRow(int):
    """A 1-based row number that remembers its sheet; compares like an int."""

    def __new__(cls, row: int, sheet: str):
        value = super().__new__(cls, row)
        value.sheet = sheet
        return value

    def __reduce__(self):  # batch workers send reports through pickle
        return (SheetRow, (int(self), self.sheet))

    def __eq__(self, other):
        if isinstance(other, SheetRow) and other.sheet != self.sheet:
            return False
        return int(self) == other

    def __ne__(self, other):
        return not self == other

    __hash__ = int.__hash__

    def __repr__(self) -> str:
        return f"SheetRow({int(self)}, {self.sheet!r})"

    __str__ = int.__repr__  # int's str() would be this repr


def settle(items) -> None:
    """Move each SheetRow's sheet into the `sheet` field of these Problems and RuleResults."""
    for item in items:
        if isinstance(item.line, SheetRow):
            item.sheet, item.line = item.line.sheet, int(item.line)


# --- the layout ---------------------------------------------------------------
# A field: (key in the data, kind, label).  Kinds: text, number, int, bool,
# semester (a number, or "1, 2" for several), list (one value per cell in a
# row sheet; "a, b" in a table cell) and refs (outcome ids in a table cell).


@dataclass(frozen=True)
class Field:
    key: tuple  # path from the sheet's object: ("programme", "institution") or ("code",)
    kind: str
    label: str  # messages.py wb-field-<label>
    required_list: bool = False  # an empty cell is [] (the format requires the list), not an absent key

    def names(self) -> set[str]:
        return _names(f"wb-field-{self.label}", self.key[-1])


PROGRAMME = (
    Field(("format",), "text", "format"),
    Field(("programme", "institution"), "text", "institution"),
    Field(("programme", "code"), "text", "programme-code"),
    Field(("programme", "name"), "text", "programme-name"),
    Field(("programme", "credits"), "number", "credits"),
    Field(("programme", "pace"), "text", "pace"),
    Field(("programme", "semesters"), "int", "semesters"),
    Field(("programme", "start"), "text", "start"),
    Field(("programme", "framework"), "text", "framework"),
    Field(("programme", "notes"), "text", "programme-notes"),
    Field(("notes",), "text", "file-notes"),
)
ADMISSION = (
    Field(("admission", "degree_years"), "number", "degree-years"),
    Field(("admission", "professions"), "list", "professions", required_list=True),
    Field(("admission", "other_education", "individual_assessment"), "bool", "individual-assessment"),
    Field(("admission", "other_education", "min_years"), "number", "min-years"),
    Field(("admission", "other_education", "fields"), "list", "other-fields"),
    Field(("admission", "other_education", "work_experience_years"), "number", "work-experience"),
    Field(("admission", "other_education", "notes"), "text", "other-notes"),
    Field(("admission", "additional_requirements"), "list", "additional"),
    Field(("admission", "notes"), "text", "admission-notes"),
)
COURSES = (
    Field(("code",), "text", "code"),
    Field(("name",), "text", "name"),
    Field(("credits",), "number", "credits"),
    Field(("semester",), "semester", "semester"),
    Field(("choice",), "text", "choice"),
    Field(("learning_forms",), "list", "learning-forms"),
    Field(("notes",), "text", "notes"),
    Field(("choice_notes",), "text", "choice-notes"),
)
PRACTICE = (
    Field(("name",), "text", "practice-name"),
    Field(("course",), "text", "course"),
    Field(("kind",), "text", "kind"),
    Field(("weeks",), "number", "weeks"),
    Field(("hours",), "number", "hours"),
    Field(("hours_per_week",), "number", "hours-per-week"),
    Field(("semester",), "int", "semester"),
    Field(("fields",), "list", "fields", required_list=True),
    Field(("provider",), "text", "provider"),
    Field(("covers",), "refs", "covers", required_list=True),
    Field(("notes",), "text", "notes"),
)
AGREEMENTS = (
    Field(("provider",), "text", "provider"),
    Field(("regulates",), "list", "regulates", required_list=True),
    Field(("notes",), "text", "notes"),
)
WAIVERS = (
    Field(("rule",), "text", "rule"),
    Field(("reason",), "text", "reason"),
    Field(("expires",), "text", "expires"),
    Field(("notes",), "text", "notes"),
)
# The outcome matrix: id, area and the regulation's text, then one column per course.
MATRIX_FIXED = ("outcome-id", "area", "outcome-text")

# sheet name (messages.py wb-sheet-<name>), shape, fields, data key
LAYOUT = (
    ("programme", "rows", PROGRAMME, None),
    ("admission", "rows", ADMISSION, None),
    ("courses", "table", COURSES, "courses"),
    ("outcomes", "matrix", (), None),
    ("practice", "table", PRACTICE, "practice"),
    ("agreements", "table", AGREEMENTS, "agreements"),
    ("waivers", "table", WAIVERS, "waivers"),
)
OPTIONAL_SHEETS = ("waivers",)


def _fold(text: Any) -> str:
    return re.sub(r"\s+", " ", str(text)).strip().rstrip(":*").strip().casefold()


def _names(key: str, *extra: str) -> set[str]:
    entry = messages.MESSAGES[key]
    return {_fold(entry[lang]) for lang in messages.LANGS if lang in entry} | {_fold(e) for e in extra}


def _language(title: str) -> str:
    """The language a sheet's name is written in (nb where nb and nn spell it alike)."""
    for lang in ("nb", "nn", "en"):
        if any(_fold(messages.text(f"wb-sheet-{name}", lang)) == _fold(title) for name, *_ in LAYOUT):
            return lang
    return "nb"


def label(name: str, lang: str) -> str:
    return messages.text(f"wb-field-{name}", lang)


def sheet_title(name: str, lang: str) -> str:
    return messages.text(f"wb-sheet-{name}", lang)


# --- reading ------------------------------------------------------------------


def _refuse(key: str, at: tuple = (), **params) -> LoadError:
    """A LoadError (messages.py `key`) located at `at`, (sheet, row, column), when given."""
    if not at:
        return LoadError(key, code=key, params=params)
    sheet, row, column = at
    return LoadError(key, line=SheetRow(row or 1, sheet), column=column or 1, code=key, params=params)


def _guard_zip(source) -> None:
    """Refuse what must not reach openpyxl: not a zip, too many or too large parts, a bomb, a DTD."""
    import zipfile

    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise _refuse("wb-not-a-workbook") from None
    with archive:
        parts = archive.infolist()
        if len(parts) > MAX_PARTS:
            raise _refuse("wb-too-many-parts", count=len(parts), limit=MAX_PARTS)
        total = 0
        for part in parts:
            total += part.file_size
            ratio = part.file_size / max(part.compress_size, 1)
            if total > MAX_UNCOMPRESSED or (part.file_size > 1 << 20 and ratio > MAX_RATIO):
                raise _refuse("wb-zip-bomb", part=part.filename[:80], size=part.file_size, limit=MAX_UNCOMPRESSED)
            if part.filename.startswith("xl/worksheets/") and part.filename.endswith(".xml"):
                written = _count_cells(archive, part)
                if written > MAX_WRITTEN_CELLS:
                    raise _refuse("wb-too-many-cells", limit=MAX_CELLS)
            if part.filename.endswith((".xml", ".rels", ".vml")):
                try:
                    with archive.open(part) as handle:
                        head = handle.read(4096)
                except Exception:  # a bad CRC, an unsupported compression, an encrypted part
                    raise _refuse("wb-not-a-workbook") from None
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise _refuse("wb-dtd", part=part.filename[:80])


def _count_cells(archive, part) -> int:
    """How many <c> elements a sheet's XML holds, streamed (never the whole part in memory)."""
    count, tail = 0, b""
    try:
        with archive.open(part) as handle:
            while True:
                chunk = handle.read(1 << 20)
                if not chunk:
                    return count
                data = tail + chunk
                count += data.count(b"<c ") + data.count(b"<c>") - tail.count(b"<c ") - tail.count(b"<c>")
                tail = data[-2:]
                if count > MAX_WRITTEN_CELLS:
                    return count
    except Exception:  # a bad CRC, an unsupported compression, an encrypted part
        raise _refuse("wb-not-a-workbook") from None


def _open(source):
    """The workbook in `source`, a binary file object, once it has passed the guards."""
    _guard_zip(source)
    source.seek(0)
    import warnings

    import openpyxl

    try:
        with warnings.catch_warnings():  # "Data Validation extension is not supported" and the like
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(source, data_only=False, read_only=False, keep_links=False)
    except Exception:  # openpyxl raises KeyError, ValueError, TypeError, zipfile errors ... on a broken file
        raise _refuse("wb-not-a-workbook") from None


class _Sheet:
    """The cells of one worksheet that hold a value, bounded, as {(row, column): value}."""

    def __init__(self, ws, budget: list) -> None:
        self.title = ws.title
        self.values: dict[tuple[int, int], Any] = {}
        for (row, column), cell in ws._cells.items():  # only the cells the file has: linear in the input
            value = cell.value
            if value is None or value == "":
                continue
            if row > MAX_ROWS or column > MAX_COLUMNS:
                raise _refuse("wb-too-big", (self.title, row, column), rows=MAX_ROWS, columns=MAX_COLUMNS)
            budget[0] -= 1
            if budget[0] < 0:
                raise _refuse("wb-too-many-cells", (self.title, row, column), limit=MAX_CELLS)
            if cell.data_type == "f" or (isinstance(value, str) and cell.data_type == "f"):
                raise _refuse("wb-formula", (self.title, row, column), formula=str(value)[:60])
            if type(value).__name__ in ("ArrayFormula", "DataTableFormula"):
                raise _refuse("wb-formula", (self.title, row, column), formula=str(getattr(value, "text", ""))[:60])
            if cell.data_type == "e":
                raise _refuse("wb-cell-error", (self.title, row, column), value=str(value)[:20])
            self.values[(row, column)] = value
        self.rows = sorted({r for r, _ in self.values})

    def get(self, row: int, column: int):
        return self.values.get((row, column))

    def row(self, row: int) -> list[tuple[int, Any]]:
        return sorted((c, v) for (r, c), v in self.values.items() if r == row)


def _find_sheets(book) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name, *_ in LAYOUT:
        names = _names(f"wb-sheet-{name}", name)
        for ws in book.worksheets:
            if _fold(ws.title) in names:
                found[name] = ws
                break
    return found


class _Reader:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.dates = doc.dates
        self.commas = doc.commas

    def mark(self, path: tuple, sheet: str, row: int, column: int, key: bool = False) -> None:
        self.doc.marks.setdefault(path, (SheetRow(row, sheet), column))
        if key:
            self.doc.key_marks.setdefault(path, (SheetRow(row, sheet), column))

    def value(self, field: Field, raw: Any, path: tuple, sheet: str, row: int, column: int, one_per_cell: bool = False):
        """The data a cell stands for, as the YAML loader would give it."""
        kind = field.kind
        if isinstance(raw, (dt.datetime, dt.date)):
            day = raw.date() if isinstance(raw, dt.datetime) else raw
            self.dates.append(path)
            return day.isoformat()
        if isinstance(raw, dt.time) or isinstance(raw, dt.timedelta):
            return str(raw)
        if kind in ("list", "refs") and not one_per_cell:
            items = split_list(raw) if isinstance(raw, str) else [raw]
            for i in range(len(items)):
                self.mark(path + (i,), sheet, row, column)
            return items
        if kind == "bool" and isinstance(raw, str):
            return _BOOL_WORDS.get(_fold(raw), raw)
        if kind == "semester" and isinstance(raw, str):
            parts = [p.strip() for p in re.split(r"[,;]", raw)]
            if parts and all(re.fullmatch(r"[0-9]{1,2}", p) for p in parts):
                return [int(p) for p in parts]
        if kind in ("number", "int", "semester") and isinstance(raw, str) and re.fullmatch(r"[-+]?[0-9]+,[0-9]+", raw.strip()):
            self.commas.append(path)  # "7,5": validate reads it as 7.5, as it does in YAML
        if isinstance(raw, float) and raw.is_integer() and kind in ("int", "semester"):
            return int(raw)
        return raw


_BOOL_WORDS = {"ja": True, "nei": False, "yes": True, "no": False, "true": True, "false": False, "sann": True, "usann": False}


def split_list(text: str) -> list[str]:
    """ "a, b" -> [a, b]; a cell with line breaks is one value per line (so a value may hold a comma)."""
    if "\n" in text:
        parts = text.split("\n")
    elif ";" in text:
        parts = text.split(";")
    else:
        parts = text.split(",")
    return [p.strip() for p in parts if p.strip()]


def join_list(values: list) -> Any:
    texts = [str(v) for v in values]
    if len(values) == 1 and not isinstance(values[0], str):
        return values[0]
    if any(("," in t or ";" in t or "\n" in t or t != t.strip() or not t) for t in texts):
        return "\n".join(texts) + ("\n" if len(texts) == 1 else "")
    return ", ".join(texts)


def load(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """The workbook at `path` as a Document; LoadError (located at a sheet and cell) on anything doubtful."""
    # Read once, bounded, as YAML is: what is checked is what was read, even if the file changes meanwhile.
    return parse(read_raw(path, max_bytes), path, max_bytes=max_bytes)


def parse(data: bytes, path: str = "<bytes>", *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """The workbook in `data` (its file name `path`, for the reports), as `load` reads a file."""
    import io

    if len(data) > max_bytes:
        raise LoadError("too large", code="too-large", params={"size": len(data), "limit": max_bytes})
    book = _open(io.BytesIO(data))
    try:
        return _read(book, path)
    finally:
        book.close()


def _read(book, path: str) -> Document:
    sheets = _find_sheets(book)
    for name, *_ in LAYOUT:
        if name not in sheets and name not in OPTIONAL_SHEETS:
            raise _refuse("wb-missing-sheet", sheet=" / ".join(dict.fromkeys(messages.text(f"wb-sheet-{name}", lang) for lang in messages.LANGS)), found=", ".join(ws.title for ws in book.worksheets)[:200])
    budget = [MAX_CELLS]
    read = {name: _Sheet(ws, budget) for name, ws in sheets.items()}
    doc = Document(path=path, data=None)
    reader = _Reader(doc)
    data: dict = {}
    first = read["programme"]
    reader.mark((), first.title, 1, 1)
    _rows_sheet(reader, read["programme"], PROGRAMME, data)
    _rows_sheet(reader, read["admission"], ADMISSION, data)
    data.setdefault("programme", {})  # an empty sheet: the schema then names each missing value
    data.setdefault("admission", {})
    reader.mark(("admission",), read["admission"].title, 1, 1, key=True)
    reader.mark(("programme",), first.title, 1, 1, key=True)
    courses, codes = _courses(reader, read["courses"])
    _matrix(reader, read["outcomes"], courses, codes)
    data["courses"] = courses
    data["practice"] = _table(reader, read["practice"], PRACTICE, "practice")
    data["agreements"] = _table(reader, read["agreements"], AGREEMENTS, "agreements")
    if "waivers" in read:
        waivers = _table(reader, read["waivers"], WAIVERS, "waivers")
        if waivers:
            data["waivers"] = waivers
    ordered = {k: data[k] for k in ("format", "programme", "admission", "courses", "practice", "agreements", "waivers", "notes") if k in data}
    doc.data = ordered
    return doc


def _set(data: dict, path: tuple, value: Any) -> None:
    for key in path[:-1]:
        data = data.setdefault(key, {})
    data[path[-1]] = value


def _rows_sheet(reader: _Reader, sheet: _Sheet, fields: tuple, data: dict) -> None:
    """A sheet of label | value rows; a list takes the values to the right of its label, one per cell."""
    by_name = {name: f for f in fields for name in f.names()}
    seen: dict[Field, int] = {}
    for row in sheet.rows:
        cells = sheet.row(row)
        if not cells:
            continue
        head_col, head = cells[0]
        if head_col != 1:
            raise _refuse("wb-value-without-label", (sheet.title, row, head_col))
        field = by_name.get(_fold(head)) if isinstance(head, str) else None
        if field is None:
            raise _refuse("wb-unknown-row", (sheet.title, row, 1), label=str(head)[:60], labels=", ".join(label(f.label, _language(sheet.title)) for f in fields))
        if field in seen:
            raise _refuse("wb-repeated-row", (sheet.title, row, 1), label=str(head)[:60], first=seen[field])
        seen[field] = row
        values = [(c, v) for c, v in cells[1:]]
        reader.mark(field.key, sheet.title, row, 2, key=True)
        if field.kind == "list":
            items = [reader.value(field, v, field.key + (i,), sheet.title, row, c, one_per_cell=True) for i, (c, v) in enumerate(values)]
            for i, (c, _) in enumerate(values):
                reader.mark(field.key + (i,), sheet.title, row, c)
            if items or field.required_list:
                _set(data, field.key, items)
            continue
        if not values:
            continue
        if len(values) > 1:
            c, _ = values[1]
            raise _refuse("wb-extra-value", (sheet.title, row, c), label=str(head)[:60])
        c, v = values[0]
        reader.mark(field.key, sheet.title, row, c)
        _set(data, field.key, reader.value(field, v, field.key, sheet.title, row, c))
    # Where a value is missing, its empty cell is the place to point at.
    for field in fields:
        if field not in seen:
            continue
        for depth in range(1, len(field.key)):
            reader.mark(field.key[:depth], sheet.title, seen[field], 1, key=True)


def _header(sheet: _Sheet, fields: tuple) -> dict[int, Field]:
    by_name = {name: f for f in fields for name in f.names()}
    columns: dict[int, Field] = {}
    for column, head in sheet.row(1):
        field = by_name.get(_fold(head)) if isinstance(head, str) else None
        if field is None:
            raise _refuse("wb-unknown-column", (sheet.title, 1, column), label=str(head)[:60], labels=", ".join(label(f.label, _language(sheet.title)) for f in fields))
        if field in columns.values():
            raise _refuse("wb-repeated-column", (sheet.title, 1, column), label=str(head)[:60])
        columns[column] = field
    for row in sheet.rows:
        for column, _ in sheet.row(row):
            if column not in columns and row > 1:
                raise _refuse("wb-value-without-header", (sheet.title, row, column))
    return columns


def _records(reader: _Reader, sheet: _Sheet, fields: tuple, base: tuple) -> list[tuple[int, dict]]:
    """(row, {key: value}) per data row of a table sheet, marked under `base` + (index,)."""
    columns = _header(sheet, fields)
    out = []
    for row in sheet.rows:
        if row == 1:
            continue
        record: dict = {}
        index = len(out)
        path = base + (index,)
        reader.mark(path, sheet.title, row, 1)
        for column, field in columns.items():
            at = path + field.key
            reader.mark(at, sheet.title, row, column, key=True)
            raw = sheet.get(row, column)
            if raw is None:
                if field.required_list:
                    record[field.key[0]] = []
                continue
            record[field.key[0]] = reader.value(field, raw, at, sheet.title, row, column)
        order = [f.key[0] for f in fields]
        out.append((row, {k: record[k] for k in order if k in record}))
    return out


def _table(reader: _Reader, sheet: _Sheet, fields: tuple, key: str) -> list[dict]:
    reader.mark((key,), sheet.title, 1, 1, key=True)
    return [record for _, record in _records(reader, sheet, fields, (key,))]


_COURSE_ORDER = ("code", "name", "credits", "semester", "learning_forms", "notes", "outcomes")


def _courses(reader: _Reader, sheet: _Sheet) -> tuple[list, dict]:
    """The course list with choices grouped at their first option, and {code: (course dict, path)}."""
    reader.mark(("courses",), sheet.title, 1, 1, key=True)
    scratch = Document(path="", data=None)
    rows = _records(_Reader(scratch), sheet, COURSES, ("rows",))
    courses: list = []
    choices: dict[str, int] = {}
    codes: dict = {}
    for index, (row, record) in enumerate(rows):
        choice, choice_notes = record.pop("choice", None), record.pop("choice_notes", None)
        course = {k: record[k] for k in _COURSE_ORDER if k in record}
        course["outcomes"] = []
        if choice is not None:
            key = _fold(choice)
            if key not in choices:
                choices[key] = len(courses)
                entry = {"choice": choice}
                if choice_notes is not None:
                    entry["notes"] = choice_notes
                entry["options"] = []
                courses.append(entry)
                _copy_marks(reader.doc, scratch, ("rows", index), ("courses", choices[key]), {"choice": "choice", "choice_notes": "notes"})
            elif choice_notes is not None and "notes" not in courses[choices[key]]:
                courses[choices[key]] = {"choice": courses[choices[key]]["choice"], "notes": choice_notes, "options": courses[choices[key]]["options"]}
            options = courses[choices[key]]["options"]
            path = ("courses", choices[key], "options", len(options))
            options.append(course)
        else:
            path = ("courses", len(courses))
            courses.append(course)
        _copy_marks(reader.doc, scratch, ("rows", index), path, {k: k for k in _COURSE_ORDER})
        code = course.get("code")
        if isinstance(code, str) and code not in codes:
            codes[code] = (course, path)
        reader.mark(path + ("outcomes",), sheet.title, row, 1, key=True)
    return courses, codes


def _copy_marks(doc: Document, scratch: Document, source: tuple, target: tuple, keys: dict) -> None:
    n = len(source)
    for table, into in ((scratch.marks, doc.marks), (scratch.key_marks, doc.key_marks)):
        for path, mark in table.items():
            if path[:n] != source:
                continue
            rest = path[n:]
            if not rest:
                if "choice" in keys:
                    continue
                into.setdefault(target, mark)
            elif rest[0] in keys:
                into.setdefault(target + (keys[rest[0]],) + rest[1:], mark)
    for listed, into in ((scratch.dates, doc.dates), (scratch.commas, doc.commas)):
        for path in listed:
            if path[:n] == source and path[n:] and path[n] in keys:
                into.append(target + (keys[path[n]],) + path[n + 1 :])


def _matrix(reader: _Reader, sheet: _Sheet, courses: list, codes: dict) -> None:
    """Fill each course's outcomes from the matrix: a cell's text (or a mark) covers its row's outcome.

    A course's outcomes are its distinct texts in row order; a text in several
    rows covers each of them; a blank line in a cell separates two texts.
    """
    fixed = {}
    course_columns: dict[int, tuple] = {}
    names = {name: _names(f"wb-field-{name}") for name in MATRIX_FIXED}
    for column, head in sheet.row(1):
        folded = _fold(head)
        hit = next((n for n, ns in names.items() if folded in ns), None)
        if hit:
            fixed[hit] = column
            continue
        code = str(head).strip() if isinstance(head, (str, int)) else None
        if code not in codes:
            raise _refuse("wb-matrix-unknown-course", (sheet.title, 1, column), code=str(head)[:40], codes=", ".join(list(codes)[:20]))
        if any(c == codes[code] for c in course_columns.values()):
            raise _refuse("wb-repeated-column", (sheet.title, 1, column), label=code)
        course_columns[column] = codes[code]
        course, path = codes[code]
        reader.doc.marks[path + ("outcomes",)] = (SheetRow(1, sheet.title), column)
        reader.doc.key_marks[path + ("outcomes",)] = (SheetRow(1, sheet.title), column)
    if "outcome-id" not in fixed:
        raise _refuse("wb-matrix-no-id", (sheet.title, 1, 1))
    id_column = fixed["outcome-id"]
    ids: dict[int, str] = {}
    for row in sheet.rows:
        if row == 1:
            continue
        ident = sheet.get(row, id_column)
        for column, value in sheet.row(row):
            if column in course_columns and ident is None:
                raise _refuse("wb-matrix-no-id-in-row", (sheet.title, row, id_column))
        if ident is not None:
            ids[row] = str(ident).strip()
    for column, (course, path) in course_columns.items():
        texts: dict[str, dict] = {}
        for row in sorted(ids):
            raw = sheet.get(row, column)
            if raw is None:
                continue
            pieces = [p.strip() for p in re.split(r"\n\s*\n", raw)] if isinstance(raw, str) else [raw]
            for piece in pieces:
                if piece == "":
                    continue
                key = piece if isinstance(piece, str) else repr(piece)
                if key not in texts:
                    o_index = len(texts)
                    texts[key] = {"text": piece, "covers": []}
                    reader.mark(path + ("outcomes", o_index), sheet.title, row, column)
                    reader.mark(path + ("outcomes", o_index, "text"), sheet.title, row, column, key=True)
                    reader.mark(path + ("outcomes", o_index, "covers"), sheet.title, row, column, key=True)
                entry = texts[key]
                o_index = list(texts).index(key)
                reader.mark(path + ("outcomes", o_index, "covers", len(entry["covers"])), sheet.title, row, column)
                entry["covers"].append(ids[row])
        course["outcomes"] = list(texts.values())


# --- writing ------------------------------------------------------------------


class ConvertError(Exception):
    """Data the workbook cannot hold without loss (messages.py key and params)."""

    def __init__(self, key: str, **params) -> None:
        super().__init__(key)
        self.key, self.params = key, params


def course_list(data: dict) -> list[tuple[dict, dict | None]]:
    """(course, choice or None) in the order of the Emner sheet."""
    out = []
    for entry in data.get("courses") or []:
        if isinstance(entry, dict) and "choice" in entry:
            for option in entry.get("options") or []:
                out.append((option, entry))
        else:
            out.append((entry, None))
    return out


def matrix_rows(data: dict, ruleset) -> list[str]:
    """The regulation's outcome ids, then any other id a course covers, as written."""
    ids = list(ruleset.outcomes)
    for course, _ in course_list(data or {}):
        for outcome in course.get("outcomes") or [] if isinstance(course, dict) else []:
            for ref in outcome.get("covers") or [] if isinstance(outcome, dict) else []:
                if str(ref) not in ids:
                    ids.append(str(ref))
    return ids


def to_yaml(data: dict) -> str:
    """YAML that `loader.parse` reads back to `data` (strings that would read as something else are quoted)."""
    import yaml

    class _Dumper(yaml.SafeDumper):
        pass

    def text(dumper, value):
        style = None
        if "\n" in value:
            style = "|" if not value.endswith(" ") else '"'
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    _Dumper.add_representer(str, text)
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100000, default_flow_style=False)
    return body
