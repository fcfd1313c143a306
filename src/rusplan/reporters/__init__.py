"""Reporters turn FileReports into bytes; they never evaluate rules.

Each format lives in its own module with one function
``render(reports, ctx) -> str``; modules are imported only when their format
is asked for, so `check` pays only for the format it prints.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

FORMATS = ("text", "json", "sarif", "junit", "markdown", "github", "html")


@dataclass
class RenderContext:
    lang: str = "nb"
    color: bool = False
    quiet: bool = False
    rulesets: tuple = field(default_factory=tuple)
    as_of: str = ""


def render(fmt: str, reports: list, ctx: RenderContext) -> str:
    module = importlib.import_module(f"rusplan.reporters.{fmt}_report")
    return module.render(reports, ctx)
