"""The result objects that flow from the checker to the reporters.

load -> validate -> evaluate rules -> report: every stage adds to one
:class:`FileReport`; reporters only read it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Exit codes, as documented in the README.
EXIT_PASS, EXIT_FAIL, EXIT_INVALID = 0, 1, 2

VERDICT_PASS, VERDICT_FAIL, VERDICT_INVALID = "pass", "fail", "invalid"


@dataclass
class Problem:
    """Why a file could not be checked (exit code 2)."""

    message: str
    line: int = 0
    column: int = 0
    code: str = "error"
    where: str = ""  # path in the document, e.g. courses[2].credits
    hint: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class RuleResult:
    """One verdict of one rule: a pass, or one located failure/warning."""

    rule: str
    status: str  # pass | fail | warn | skip | waived
    severity: str  # error | warning
    section: str
    title: str
    message: str
    quote: str = ""
    line: int = 0
    column: int = 0
    study_path: str = ""
    reason: str = ""  # waiver reason

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class FileReport:
    path: str
    results: list[RuleResult] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    info: list[str] = field(default_factory=list)
    institution: str = ""
    programme: str = ""  # programme code
    matrix: Any = None  # the coverage matrix (matrix.Matrix), built only for formats that show it

    @property
    def verdict(self) -> str:
        if self.errors:
            return VERDICT_INVALID
        if any(r.status == "fail" for r in self.results):
            return VERDICT_FAIL
        return VERDICT_PASS

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    def brief(self) -> "FileBrief":
        return FileBrief(
            self.path,
            self.institution,
            self.programme,
            self.verdict,
            self.count("fail") or len(self.errors),
            self.count("warn"),
            self.count("pass"),
        )

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "institution": self.institution,
            "programme": self.programme,
            "verdict": self.verdict,
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


def _briefs(reports: list) -> list[FileBrief]:
    return [r.brief() if isinstance(r, FileReport) else r for r in reports]


def exit_code(reports: list) -> int:
    """2 if any file could not be checked, else 1 if any failed, else 0."""
    verdicts = {r.verdict for r in reports}
    if VERDICT_INVALID in verdicts:
        return EXIT_INVALID
    if VERDICT_FAIL in verdicts:
        return EXIT_FAIL
    return EXIT_PASS


def summary(reports: list) -> dict:
    """Totals over FileReports or FileBriefs."""
    reports = _briefs(reports)
    return {
        "files": len(reports),
        "passed": sum(r.verdict == VERDICT_PASS for r in reports),
        "failed": sum(r.verdict == VERDICT_FAIL for r in reports),
        "invalid": sum(r.verdict == VERDICT_INVALID for r in reports),
        "errors": sum(r.errors for r in reports),
        "warnings": sum(r.warnings for r in reports),
        "exit_code": exit_code(reports),
    }
