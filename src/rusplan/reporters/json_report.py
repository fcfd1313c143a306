"""The JSON report, schema ``rusplan/report/v2`` (see schemas/report-v2.schema.json)."""

from __future__ import annotations

from ..core.result import FileReport, summary
from .escape import json_text, visible

SCHEMA_ID = "rusplan/report/v2"


def document(reports: list[FileReport], ctx) -> dict:
    return {
        "schema": SCHEMA_ID,
        "lang": ctx.lang,
        "as_of": ctx.as_of,
        "rulesets": [ruleset.status(ctx.lang) for ruleset in ctx.rulesets],
        "files": [dict(r.as_dict(), path=visible(r.path)) for r in reports],
        "summary": summary(reports),
    }


def render(reports: list[FileReport], ctx) -> str:
    return json_text(document(reports, ctx), indent=2) + "\n"
