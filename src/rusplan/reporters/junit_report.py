"""JUnit XML, as GitLab (artifacts:reports:junit) and Jenkins render it.

One <testsuite> per programme file and one <testcase> per rule, so a rule
keeps its identity from run to run: a failing rule is a <failure> listing
each of its findings with path:line:column and the quoted §; a warning is a
passing case with a note in <system-out> (--strict has already turned
warnings into failures); a rule out of scope is <skipped/>; a file that
could not be checked is one `input` case with an <error>.  No timestamps or
hostnames, so the same input gives the same bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import PurePath

from .. import messages
from ..core.result import FileReport
from .common import finding_text, problem_text, where
from .escape import visible
from .spool import MARK, Spool, split

# Characters XML 1.0 cannot carry at all, even escaped; user text is already `visible`,
# so only U+FFFE/U+FFFF can be left for this net to catch.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _element(parent: ET.Element, tag: str, text: str = "", **attrs) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _clean(str(v)) for k, v in attrs.items()})
    if text:
        element.text = _clean(text)
    return element


def _by_rule(report: FileReport) -> dict[str, list]:
    groups: dict[str, list] = {}
    for r in report.results:
        groups.setdefault(r.rule, []).append(r)
    return groups


def _finding_lines(path: str, results: list, lang: str) -> str:
    lines = [
        f"{messages.text('status-' + r.status, lang)}: {where(visible(path), r.line, r.column, r.sheet)}: {visible(finding_text(r, lang))}"
        for r in results
        if r.status in ("fail", "unrecognised", "warn", "waived")
    ]
    first = results[0]
    if first.quote:
        lines.append(f"{first.section}: «{first.quote}»")
    return "\n".join(lines)


def _testcase(suite: ET.Element, classname: str, rule: str, results: list, path: str, lang: str) -> str:
    """Add one rule's testcase; return its outcome (pass, failure, skipped)."""
    section = results[0].section
    case = _element(suite, "testcase", classname=classname, name=f"{rule} ({section})" if section else rule)
    failed = [r for r in results if r.status == "fail"]
    unjudged = [r for r in results if r.status == "unrecognised"]
    if unjudged and not failed:
        # The rule could not judge a value: an error of the case, not a failed requirement.
        message = "; ".join(visible(finding_text(r, lang)) for r in unjudged)
        _element(case, "error", _finding_lines(path, results, lang), message=message, type="unrecognised")
        return "error"
    if failed:
        message = "; ".join(visible(finding_text(r, lang)) for r in failed)
        _element(case, "failure", _finding_lines(path, results, lang), message=message, type=rule)
        return "failure"
    if all(r.status == "skip" for r in results):
        _element(case, "skipped", message=results[0].message)
        return "skipped"
    notes = _finding_lines(path, results, lang) if any(r.status in ("warn", "waived") for r in results) else ""
    if notes:
        _element(case, "system-out", notes)
    return "pass"


def _properties(suite: ET.Element, report: FileReport, rulesets, lang: str) -> None:
    """What the rules of the file's own kind transcribe (the 2021 proposal; the regulation in force), and its verdict."""
    from ..kinds import DEFAULT

    props = _element(suite, "properties")
    kind = getattr(report, "kind", "") or DEFAULT
    for ruleset in (r for r in rulesets if r.kind == kind):
        status = ruleset.status(lang)
        _element(props, "property", name="ruleset", value=status["id"])
        _element(props, "property", name="ruleset.status", value=status["status"])
        if "in_force" in status:
            _element(props, "property", name="ruleset.in_force", value=status["in_force"]["reference"])
        _element(props, "property", name="ruleset.statement", value=status["statement"])
    _element(props, "property", name="verdict", value=report.verdict)


def _suite(parent: ET.Element, report: FileReport, lang: str, rulesets=()) -> dict:
    suite = _element(parent, "testsuite", name=visible(report.path))
    _properties(suite, report, rulesets, lang)
    classname = "rusplan." + visible(report.programme or PurePath(report.path).stem).replace(".", "_")
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    if report.errors:
        case = _element(suite, "testcase", classname=classname, name="input")
        body = "\n".join(f"{where(visible(report.path), p.line, p.column, p.sheet)}: {visible(problem_text(p))}" for p in report.errors)
        _element(case, "error", body, message=visible(problem_text(report.errors[0])), type=report.errors[0].code)
        counts["tests"] += 1
        counts["errors"] += 1
    for rule, results in _by_rule(report).items():
        outcome = _testcase(suite, classname, rule, results, report.path, lang)
        counts["tests"] += 1
        if outcome == "failure":
            counts["failures"] += 1
        elif outcome == "error":
            counts["errors"] += 1
        elif outcome == "skipped":
            counts["skipped"] += 1
    for key, value in counts.items():
        suite.set(key, str(value))
    return counts


_TOTALS = ("tests", "failures", "errors", "skipped")


def _root(totals: dict[str, int]) -> ET.Element:
    root = ET.Element("testsuites", {"name": "rusplan"})
    for key in _TOTALS:
        root.set(key, str(totals[key]))
    return root


def _text(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def render(reports: list[FileReport], ctx) -> str:
    holder = ET.Element("testsuites")
    totals = dict.fromkeys(_TOTALS, 0)
    for report in reports:
        for key, value in _suite(holder, report, ctx.lang, ctx.rulesets).items():
            totals[key] += value
    root = _root(totals)
    root.extend(holder)
    return _text(root)


def stream(reports, ctx, out) -> list:
    """Each file's <testsuite> spooled as it arrives; then the totals, which open the document, and the suites."""
    totals = dict.fromkeys(_TOTALS, 0)
    briefs: list = []
    with Spool() as spool:
        for report in reports:
            holder = ET.Element("testsuites")
            for key, value in _suite(holder, report, ctx.lang, ctx.rulesets).items():
                totals[key] += value
            suite = holder[0]
            ET.indent(suite, level=1)  # as deep as in the whole document
            spool.write(("\n  " if briefs else "") + ET.tostring(suite, encoding="unicode"))
            briefs.append(report.brief())
        root = _root(totals)
        if spool.empty:
            out(_text(root))
            return briefs
        ET.SubElement(root, MARK)
        head, tail = split(_text(root), f"<{MARK} />")
        out(head)
        spool.copy_to(out)
        out(tail)
    return briefs
