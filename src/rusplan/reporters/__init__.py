"""Reporters turn FileReports into bytes; they never evaluate rules.

Each format lives in its own module with ``render(reports, ctx) -> str`` (the
whole report from a list) and ``stream(reports, ctx, out) -> briefs`` (the same
bytes, written as the reports arrive); modules are imported only when their format
is asked for, so `check` pays only for the format it prints.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

FORMATS = ("text", "json", "sarif", "junit", "markdown", "github", "html")
# Formats that show the coverage matrix: the checker builds it from the
# programme it has already parsed, so reporters never read a file again.
MATRIX_FORMATS = frozenset({"html"})
# Formats that list the files a folder walk skipped; for the others the command says it on
# stderr (the JSON report's keys are fixed by rusplan/report/v1: a new key is a new version).
SKIPS_SHOWN = frozenset({"text", "markdown", "github"})


@dataclass
class RenderContext:
    lang: str = "nb"
    color: bool = False
    quiet: bool = False
    rulesets: tuple = field(default_factory=tuple)
    as_of: str = ""
    # Files a folder walk skipped (batch.Skipped), filled while the reports are read;
    # complete once the last report has been taken.
    skipped: list = field(default_factory=list)
    width: int | None = None  # the text report wraps to this many columns; None: one line per verdict


def render(fmt: str, reports: list, ctx: RenderContext) -> str:
    module = importlib.import_module(f"rusplan.reporters.{fmt}_report")
    return module.render(reports, ctx)


def write(fmt: str, reports: Iterable, ctx: RenderContext, out: Callable[[str], Any]) -> list:
    """Write the report for `reports` through `out` as each file's report arrives; return per-file summaries.

    No format holds the batch: a file's report is dropped once its part is
    written (or spooled, where the document opens with totals: see spool.py),
    so memory stays flat over 10,000 files. The bytes are those of `render`.
    """
    module = importlib.import_module(f"rusplan.reporters.{fmt}_report")
    return module.stream(reports, ctx, out)
