"""The JSON report, schema ``rusplan/report/v1`` (see schemas/report-v1.schema.json)."""

from __future__ import annotations

import json

from ..result import FileReport, summary

SCHEMA_ID = "rusplan/report/v1"


def document(reports: list[FileReport], ctx) -> dict:
    return {
        "schema": SCHEMA_ID,
        "lang": ctx.lang,
        "as_of": ctx.as_of,
        "files": [r.as_dict() for r in reports],
        "summary": summary(reports),
    }


def render(reports: list[FileReport], ctx) -> str:
    return json.dumps(document(reports, ctx), ensure_ascii=False, indent=2) + "\n"
