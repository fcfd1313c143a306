"""Reporters turn FileReports into bytes; they never evaluate rules.

Each format lives in its own module with one function
``render(reports, ctx) -> str``; modules are imported only when their format
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
    """Write the report for `reports` through `out`; return per-file summaries.

    Formats with a `stream` function write each file as it is checked (the
    text report), so a batch of 10,000 files is never held in memory; the
    others need the whole run and get a list.
    """
    module = importlib.import_module(f"rusplan.reporters.{fmt}_report")
    if hasattr(module, "stream"):
        return module.stream(reports, ctx, out)
    reports = list(reports)
    out(module.render(reports, replace(ctx, rulesets=rulesets_for(ctx, reports))))
    return [r.brief() for r in reports]
