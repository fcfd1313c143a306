"""The JSON report, schema ``rusplan/report/v2`` (see schemas/report-v2.schema.json)."""

from __future__ import annotations

from ..core.result import FileReport, summary
from .escape import json_text, visible
from .spool import MARK, Spool, indented, json_items

SCHEMA_ID = "rusplan/report/v2"


def _entry(report: FileReport) -> dict:
    return dict(report.as_dict(), path=visible(report.path))


def document(reports: list, ctx, files: list | None = None) -> dict:
    """The whole report; `files` (the entries of `reports`, or the stream's mark) if given."""
    return {
        "schema": SCHEMA_ID,
        "lang": ctx.lang,
        "as_of": ctx.as_of,
        "rulesets": [ruleset.status(ctx.lang) for ruleset in ctx.rulesets],
        "files": [_entry(r) for r in reports] if files is None else files,
        "summary": summary(reports),
    }


def render(reports: list[FileReport], ctx) -> str:
    return json_text(document(reports, ctx), indent=2) + "\n"


def stream(reports, ctx, out) -> list:
    """The `files` array spooled element by element as the reports arrive; then the head (the
    rulesets of every kind the batch held: known only after the last file), the files, the summary."""
    briefs: list = []
    with Spool() as spool:
        indent = ""
        for report in reports:
            if not briefs:
                indent = json_items(json_text(document([], ctx, files=[MARK]), indent=2))[1]
            else:
                spool.write(",\n" + indent)
            spool.write(indented(json_text(_entry(report), indent=2), indent))
            briefs.append(report.brief())
        if not briefs:
            out(render([], ctx))
            return briefs
        head, _, tail = json_items(json_text(document(briefs, ctx, files=[MARK]), indent=2))
        out(head)
        spool.copy_to(out)
        out(tail + "\n")
    return briefs
