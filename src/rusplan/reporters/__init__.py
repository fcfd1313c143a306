"""Reporters turn FileReports into bytes; they never evaluate rules.

Each format lives in its own module with ``render(reports, ctx) -> str`` (the
whole report from a list) and ``stream(reports, ctx, out) -> briefs`` (the same
bytes, written as the reports arrive); modules are imported only when their format
is asked for, so `check` pays only for the format it prints.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field, replace
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


def rulesets_for(ctx: RenderContext, reports: Iterable) -> tuple:
    """The loaded rulesets for the kinds of document among `reports` (a file of no known kind counts as the default kind).

    A report states what its verdicts are measured against: a run over study
    programmes names the programme rules only, whatever else `--rules` loaded.
    """
    from ..kinds import DEFAULT

    present = {getattr(r, "kind", "") or DEFAULT for r in reports} or {DEFAULT}
    return tuple(ruleset for ruleset in ctx.rulesets if ruleset.kind in present)


def render(fmt: str, reports: list, ctx: RenderContext) -> str:
    module = importlib.import_module(f"rusplan.reporters.{fmt}_report")
    return module.render(reports, replace(ctx, rulesets=rulesets_for(ctx, reports)))


def write(fmt: str, reports: Iterable, ctx: RenderContext, out: Callable[[str], Any]) -> list:
    """Write the report for `reports` through `out` as each file's report arrives; return per-file summaries.

    No format holds the batch: a file's report is dropped once its part is
    written (or spooled, where the document opens with totals: see spool.py),
    so memory stays flat over 10,000 files. The bytes are those of `render`.
    """
    module = importlib.import_module(f"rusplan.reporters.{fmt}_report")
    # A report names the rulesets of the kinds it reports (rulesets_for).  A stream cannot wait for
    # the last file, so the kinds are those seen so far, and the first report is fetched before
    # the format starts.  Formats that write their head after the files (spooled: JSON, JUnit,
    # Markdown, HTML) name every kind's rulesets; SARIF lists the rules of the first file's kind
    # up front and adds the others' as they come.
    from ..kinds import DEFAULT

    seen: set = set()
    reports = iter(reports)
    held = [next(reports, None)]
    if held[0] is not None:
        seen.add(getattr(held[0], "kind", "") or DEFAULT)

    def passing():
        if held[0] is not None:
            yield held.pop()  # and no longer held here: a written report is dropped
        for report in reports:
            seen.add(getattr(report, "kind", "") or DEFAULT)
            yield report

    return module.stream(passing(), replace(ctx, rulesets=_SeenRulesets(ctx.rulesets, seen)), out)


class _SeenRulesets(tuple):
    """The loaded rulesets, read as those of the kinds in `seen` at the moment they are read."""

    def __new__(cls, rulesets, seen: set):
        self = super().__new__(cls, rulesets)
        self.seen = seen
        return self

    def _now(self) -> tuple:
        from ..kinds import DEFAULT

        present = self.seen or {DEFAULT}
        return tuple(r for r in tuple.__iter__(self) if r.kind in present)

    def __iter__(self):
        return iter(self._now())

    def __len__(self) -> int:
        return len(self._now())

    def __getitem__(self, index):
        return self._now()[index]

    def __bool__(self) -> bool:
        return bool(self._now())
