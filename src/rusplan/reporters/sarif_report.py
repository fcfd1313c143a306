"""SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif).

One run; `tool.driver.rules` lists every loaded rule plus the tool's own
`input-error` and `waiver` rules, so each result's ruleIndex is stable;
one result per failure or warning, waived ones carry an external
suppression.  No timestamps and no absolute paths: the same input gives the
same bytes.
"""

from __future__ import annotations

import os
from urllib.parse import quote

from .. import __version__, kinds, messages
from ..core.result import FileReport
from ..core.waivers import WAIVER_RULE
from .common import artifact_path, finding_text, problem_text
from .escape import json_text, visible
from .spool import MARK, Spool, indented, json_items

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://rusplan.example/"  # the project has no public home yet; same host as the schemas' $id
INPUT_ERROR = "input-error"
_REPORTED = ("fail", "unrecognised", "warn", "waived")


def _pascal(rule_id: str) -> str:
    return "".join(part.capitalize() for part in rule_id.replace("_", "-").split("-"))


def _descriptor(rule_id: str, title: str, description: str, level: str, section: str, quote: str, source: str, tags: list) -> dict:
    head = f"{section}: " if section else ""
    text = f"{head}{description}" + (f"\n\n«{quote}» ({source})" if quote else "")
    markdown = (f"**{section}** " if section else "") + description + (f"\n\n> {quote}\n\n*{source}*" if quote else "")
    return {
        "id": rule_id,
        "name": _pascal(rule_id),
        "shortDescription": {"text": title},
        "fullDescription": {"text": description},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": level},
        "properties": {"section": section, "tags": tags},
    }


def descriptors(ctx) -> list[dict]:
    """The rules of every loaded ruleset, then the tool's own rules; first id wins."""
    lang = ctx.lang
    found: dict[str, dict] = {}
    for ruleset in ctx.rulesets:
        regulation = ruleset.regulation
        source = regulation.get("title_en") if lang == "en" and regulation.get("title_en") else regulation.get("title", "")
        for rule in ruleset.rules:
            found.setdefault(
                rule.id,
                _descriptor(
                    rule.id,
                    rule.text("title", lang),
                    rule.text("description", lang),
                    rule.severity,  # error | warning: SARIF levels too
                    rule.section,
                    rule.quote,
                    source,
                    ["compliance", regulation.get("id", "regulation")],
                ),
            )
    # The formats of the kinds this run reports on (ctx.rulesets is already narrowed to them).
    reported = {ruleset.kind for ruleset in ctx.rulesets}
    formats = ", ".join(k.format for k in kinds.all_kinds() if k.name in reported) or ", ".join(kinds.formats())
    for rule_id, key in ((INPUT_ERROR, "input-error"), (WAIVER_RULE, "waiver")):
        title = messages.text(f"{key}-title", lang)
        description = messages.text(f"{key}-description", lang, format=formats)
        found.setdefault(rule_id, _descriptor(rule_id, title, description, "error", "", "", "", ["rusplan"]))
    return list(found.values())


def _location(path: str, line: int, column: int, sheet: str = "") -> dict:
    artifact = {"uri": quote(os.fsencode(artifact_path(path)), safe="/"), "uriBaseId": "%SRCROOT%"}
    if sheet:
        # A workbook has no lines: the file itself, and the cell as a logical location (docs/ci.md).
        from ..core.result import cell_name

        name = cell_name(sheet, line, column)
        return {"physicalLocation": {"artifactLocation": artifact}, "logicalLocations": [{"name": name.rsplit("!", 1)[-1], "fullyQualifiedName": name, "kind": "element"}]}
    return {
        "physicalLocation": {
            # The URI names the file's real bytes (%FF for a byte that is not UTF-8).
            "artifactLocation": artifact,
            "region": {"startLine": max(line, 1), "startColumn": max(column, 1)},
        }
    }


def _result(rule_id: str, index: int, level: str, text: str, location: dict) -> dict:
    return {"ruleId": rule_id, "ruleIndex": index, "level": level, "message": {"text": text}, "locations": [location]}


def _extra_descriptor(r) -> dict:
    """A result whose rule is not among the loaded ones: described from the result, so ruleIndex always resolves."""
    return _descriptor(r.rule, r.title or r.rule, r.title or r.rule, r.severity, r.section, r.quote, "", ["rusplan"])


def results(reports: list[FileReport], rules: list[dict], lang: str) -> list[dict]:
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    return [item for report in reports for item in file_results(report, rules, index, lang)]


def file_results(report: FileReport, rules: list[dict], index: dict[str, int], lang: str):
    """The results of one file; a rule not yet described is added to `rules` and `index`."""
    for problem in report.errors:
        yield _result(INPUT_ERROR, index[INPUT_ERROR], "error", visible(problem_text(problem)), _location(report.path, problem.line, problem.column, problem.sheet))
    for r in report.results:
        if r.status not in _REPORTED:
            continue
        if r.rule not in index:
            index[r.rule] = len(rules)
            rules.append(_extra_descriptor(r))
        level = "warning" if r.status == "warn" or (r.status == "waived" and r.severity == "warning") else "error"
        item = _result(r.rule, index[r.rule], level, visible(finding_text(r, lang)), _location(report.path, r.line, r.column, r.sheet))
        if r.status == "waived":
            item["suppressions"] = [{"kind": "external", "status": "accepted", "justification": visible(r.reason)}]
        yield item


def _verdicts(reports) -> dict[str, str]:
    return {visible(artifact_path(r.path)): r.verdict for r in reports}


def document(reports: list[FileReport], ctx) -> dict:
    rules = descriptors(ctx)
    return skeleton(rules, results(reports, rules, ctx.lang), _verdicts(reports), ctx)


def skeleton(rules: list[dict], found: list, verdicts: dict[str, str], ctx) -> dict:
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "rusplan",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                        # What the rules transcribe: the 2021 proposal, not the regulation in force.
                        "properties": {"rulesets": [ruleset.status(ctx.lang) for ruleset in ctx.rulesets]},
                    }
                },
                "language": ctx.lang,
                "columnKind": "unicodeCodePoints",
                "results": found,
                # Each file's verdict, which results alone cannot tell: a § 22-only programme
                # ("transition") or one rusplan could not fully judge ("unrecognised").
                "properties": {"verdicts": verdicts},
            }
        ],
    }


def render(reports: list[FileReport], ctx) -> str:
    return json_text(document(reports, ctx), indent=2) + "\n"


def stream(reports, ctx, out) -> list:
    """Results spooled as the reports arrive, one compact line each; then the rules and the results.

    The rule list comes first and depends on every file (the rulesets of the kinds the batch held,
    then rules no loaded file describes, in order of appearance), so each result's ruleIndex is
    set on a second pass over the spool.  The closing `properties` (each file's verdict) come from
    the briefs the command keeps anyway.
    """
    import json

    seen_rules: dict[str, dict] = {}  # rule id -> a descriptor made from its first result
    briefs: list = []
    with Spool() as spool:
        for report in reports:
            for r in report.results:
                if r.status in _REPORTED and r.rule not in seen_rules:
                    seen_rules[r.rule] = _extra_descriptor(r)
            # A throwaway rule list and index: each result's ruleIndex is set on the second pass.
            for item in file_results(report, [], {INPUT_ERROR: 0}, ctx.lang):
                spool.write(json_text(item) + "\n")
            briefs.append(report.brief())
        rules = descriptors(ctx)
        index = {rule["id"]: i for i, rule in enumerate(rules)}
        for rule_id, descriptor in seen_rules.items():
            if rule_id not in index:
                index[rule_id] = len(rules)
                rules.append(descriptor)
        verdicts = _verdicts(briefs)
        if spool.empty:
            out(json_text(skeleton(rules, [], verdicts, ctx), indent=2) + "\n")
            return briefs
        head, indent, tail = json_items(json_text(skeleton(rules, [MARK], verdicts, ctx), indent=2))
        out(head)
        for n, line in enumerate(spool.lines()):
            item = json.loads(line)
            item["ruleIndex"] = index[item["ruleId"]]
            out(("" if n == 0 else ",\n" + indent) + indented(json_text(item, indent=2), indent))
        out(tail + "\n")
    return briefs
