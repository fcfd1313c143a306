"""The result objects that flow from the checker to the reporters.

load -> validate -> evaluate rules -> report: every stage adds to one
:class:`FileReport`; reporters only read it.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

# Exit codes, as documented in the README.
EXIT_PASS, EXIT_FAIL, EXIT_INVALID = 0, 1, 2

VERDICT_PASS, VERDICT_FAIL, VERDICT_INVALID = "pass", "fail", "invalid"
# A value rusplan did not recognise kept a rule from judging: not compliant as
# written (exit 1), but not a statement that a requirement is unmet.
VERDICT_UNRECOGNISED = "unrecognised"
# Out of the ruleset's scope (a programme under a former framework), judged only by
# the rules that apply to every programme (§ 22): exit 0, never "compliant".
VERDICT_TRANSITION = "transition"
EXIT_BY_VERDICT = {VERDICT_PASS: EXIT_PASS, VERDICT_TRANSITION: EXIT_PASS, VERDICT_UNRECOGNISED: EXIT_FAIL, VERDICT_FAIL: EXIT_FAIL, VERDICT_INVALID: EXIT_INVALID}


@dataclass
class Problem:
    """Why a file could not be checked (exit code 2)."""

    message: str
    line: int = 0
    column: int = 0
    code: str = "error"
    where: str = ""  # path in the document, e.g. courses[2].credits
    hint: str = ""
    sheet: str = ""  # in a workbook: the sheet; line and column are then the cell's row and column

    def as_dict(self) -> dict:
        return located(asdict(self))


class InconsistentDocument(Exception):
    """A document kind's model builder found what the schema cannot check; the problems say where."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems)
        self.problems = problems


@dataclass(slots=True)
class Skipped:
    """A YAML file a folder walk found that is no document rusplan checks, and why (localised)."""

    path: str
    reason: str


@dataclass
class RuleResult:
    """One verdict of one rule: a pass, or one located failure/warning."""

    rule: str
    status: str  # pass | fail | warn | skip | waived | unrecognised
    severity: str  # error | warning
    section: str
    title: str
    message: str
    quote: str = ""
    line: int = 0
    column: int = 0
    study_path: str = ""
    reason: str = ""  # waiver reason
    sheet: str = ""  # in a workbook: the sheet; line and column are then the cell's row and column

    def as_dict(self) -> dict:
        return located(asdict(self))


def located(item: dict) -> dict:
    """A finding as JSON: `sheet` and `cell` ("Emner!C4") only for a workbook, so YAML reports stay as they were."""
    sheet = item.pop("sheet")
    if sheet:
        item["sheet"], item["cell"] = sheet, cell_name(sheet, item["line"], item["column"])
    return item


def column_letter(column: int) -> str:
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_name(sheet: str, row: int, column: int) -> str:
    """`Emner!C4`; a sheet name Excel would quote is quoted ('Min plan'!C4)."""
    shown = sheet if re.fullmatch(r"[^\W\d]\w*", sheet) else "'" + sheet.replace("'", "''") + "'"
    return f"{shown}!{column_letter(column)}{row}" if row else shown



@dataclass
class FileReport:
    path: str
    results: list[RuleResult] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    info: list[str] = field(default_factory=list)
    institution: str = ""
    programme: str = ""  # programme code
    matrix: Any = None  # the coverage matrix (matrix.Matrix), built only for formats that show it
    kind: str = ""  # the document kind (rusplan.kinds) the file declares, when it declares a known one
    # The sections ("§ 22") a programme outside the ruleset's scope was judged by alone.
    judged_only_by: str = ""

    @property
    def verdict(self) -> str:
        if self.errors:
            return VERDICT_INVALID
        if any(r.status == "fail" for r in self.results):
            return VERDICT_FAIL
        if any(r.status == "unrecognised" for r in self.results):
            return VERDICT_UNRECOGNISED
        if self.judged_only_by:
            return VERDICT_TRANSITION
        return VERDICT_PASS

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    def brief(self) -> "FileBrief":
        return FileBrief(
            self.path,
            self.institution,
            self.programme,
            self.verdict,
            self.count("fail") + self.count("unrecognised") or len(self.errors),
            self.count("warn"),
            self.count("pass"),
            self.judged_only_by,
            self.kind,
        )

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "institution": self.institution,
            "programme": self.programme,
            "verdict": self.verdict,
            "judged_only_by": self.judged_only_by,
            "results": [r.as_dict() for r in self.results],
            "errors": [e.as_dict() for e in self.errors],
            "info": list(self.info),
        }


@dataclass(frozen=True, slots=True)  # one per file of a batch, held until the closing table
class FileBrief:
    """What a batch keeps of each file after it is reported: a table row."""

    path: str
    institution: str
    programme: str
    verdict: str
    errors: int
    warnings: int
    passed: int
    judged_only_by: str = ""
    kind: str = ""  # the document kind, for the verdict's words


def _briefs(reports: list) -> list[FileBrief]:
    return [r.brief() if isinstance(r, FileReport) else r for r in reports]


def exit_code(reports: list) -> int:
    """2 if any file could not be checked, else 1 if any failed or held a value not recognised, else 0."""
    return max((EXIT_BY_VERDICT[r.verdict] for r in reports), default=EXIT_PASS)


def summary(reports: list) -> dict:
    """Totals over FileReports or FileBriefs."""
    reports = _briefs(reports)
    return {
        "files": len(reports),
        "passed": sum(r.verdict == VERDICT_PASS for r in reports),
        "failed": sum(r.verdict == VERDICT_FAIL for r in reports),
        "invalid": sum(r.verdict == VERDICT_INVALID for r in reports),
        "unrecognised": sum(r.verdict == VERDICT_UNRECOGNISED for r in reports),
        "transition": sum(r.verdict == VERDICT_TRANSITION for r in reports),
        "errors": sum(r.errors for r in reports),
        "warnings": sum(r.warnings for r in reports),
        "exit_code": exit_code(reports),
    }
