"""The HTML report: one self-contained page to put into an accreditation application.

Verdict, every rule's result with the quoted regulation text, the coverage
matrix as a heat map, a practice timeline (inline SVG) and the programme's
metadata, per file.  Inline CSS with an A4 print stylesheet; no network, no
scripts.  The matrix is the one the pipeline built from the programme's
model (FileReport.matrix, for the formats in reporters.MATRIX_FORMATS): this
module only lays it out.
"""

from __future__ import annotations

import sys

from .. import __version__, messages
from ..kinds.programme.matrix import Matrix
from .matrix_render import NeedsJinja, environment
from ..core.result import EXIT_INVALID, FileReport
from .committee import fit, heading, long_date
from .common import finding_text, problem_text, summary_sentence, verdict_text, where
from .spool import MARK, Spool, split

# Timeline geometry, in SVG user units.
WIDTH, LABEL, LANE, TOP = 900, 96, 24, 36
CHAR = 6.2  # average width of a character at the timeline's font size


class _Page:
    """The report page's template with the values every part of it reads."""

    def __init__(self, ctx) -> None:
        try:
            env = environment()
        except NeedsJinja:
            sys.stderr.write(f"rusplan: {messages.text('needs-jinja', ctx.lang)}\n")
            raise SystemExit(EXIT_INVALID) from None
        lang = self.lang = ctx.lang
        self.ctx = ctx
        self.template = env.get_template("report.html.j2")
        self.values = dict(
            lang=lang,
            title=messages.text("report-title", lang),
            where=where,
            finding_text=finding_text,
            problem_text=problem_text,
            verdict_text=verdict_text,
            heading=heading,
            long_date=long_date,
            number=messages.number,
        )
        self._module = None

    def section(self, report: FileReport):
        """One file's <section>, as the page prints it (Markup: already escaped)."""
        if self._module is None:
            self._module = self.template.make_module(dict(self.values, files=[], sections=[], summary="", page_name="", intro="", ruleset_status=[]))
        return self._module.file_section(_file(report, self.lang))

    def render(self, files: list, reports: list, sections, page_name: str = "") -> str:
        """The page; `files` for the batch table (entries with a `report`: a FileReport or FileBrief);
        `page_name` titles the page when it holds one programme."""
        return self.template.render(self.values, files=files, sections=sections, summary=summary_sentence(reports, self.lang), page_name=page_name, **self._head())

    def _head(self) -> dict:
        """The intro and the rulesets' status, read when the page's head is written: after every
        file when streamed, so a --rules folder's several kinds are all named."""
        lang, ctx = self.lang, self.ctx
        # Every regulation the run applied (a --rules folder may hold several kinds' rules).
        regulation = ", ".join(r.regulation.get("title_en" if lang == "en" else "title", r.regulation["title"]) for r in ctx.rulesets)
        return {
            "intro": messages.text("report-intro", lang, regulation=regulation, as_of=long_date(ctx.as_of, lang), version=__version__),
            "ruleset_status": [r.status(lang)["statement"] for r in ctx.rulesets],
        }


def _name(report: FileReport) -> str:
    """The programme's name from its matrix (already made visible), or ""."""
    return report.matrix.programme.get("name", "") if report.matrix is not None else ""


def render(reports: list[FileReport], ctx) -> str:
    page = _Page(ctx)
    name = _name(reports[0]) if len(reports) == 1 else ""
    return page.render([{"report": r} for r in reports], reports, [page.section(r) for r in reports], name)


def stream(reports, ctx, out) -> list:
    """Each file's section spooled as it arrives (its matrix and timeline then dropped); then the
    page's head with the batch table, which needs every file's verdict, the sections, the footer."""
    page = _Page(ctx)
    from markupsafe import Markup  # Jinja2's; there now that _Page found Jinja2

    briefs: list = []
    with Spool() as spool:
        name = ""  # the first file's programme name: the page's title if it stays the only file
        for report in reports:
            spool.write(page.section(report))
            if not briefs:
                name = _name(report)
            briefs.append(report.brief())
        head, tail = split(page.render([{"report": b} for b in briefs], briefs, [Markup(MARK)], name if len(briefs) == 1 else ""))
        out(head)
        spool.copy_to(out)
        out(tail)
    return briefs


def _file(report: FileReport, lang: str) -> dict:
    entry = {"report": report, "brief": report.brief(), "matrix": report.matrix, "meta": [], "timeline": None}
    if report.matrix is not None and report.matrix.meta:  # a kind that words its own (a LIS plan: no semesters)
        entry.update(meta=report.matrix.meta)
    elif report.matrix is not None:
        entry.update(meta=metadata(report.matrix, lang), timeline=timeline(report.matrix, lang))
    return entry


def _pace(pace: str, lang: str) -> str:
    """part-time / deltid in the report's language."""
    key = {"deltid": "part-time", "heltid": "full-time", "heiltid": "full-time"}.get(pace, pace)
    return messages.text(f"pace-{key}", lang) if messages.has(f"pace-{key}") else pace


def metadata(matrix: Matrix, lang: str) -> list[tuple[str, str]]:
    p = matrix.programme
    practice = [c for c in matrix.columns if c.kind == "practice"]
    rows = [
        ("meta-institution", p["institution"]),
        ("meta-code", p["code"]),
        ("meta-name", p["name"]),
        ("meta-credits", messages.number(p["credits"], lang)),
        ("meta-pace", _pace(p["pace"], lang)),
        ("meta-semesters", str(p["semesters"])),
        ("meta-start", matrix.terms.get(1, str(p["start"]))),
        ("meta-framework", matrix.framework),
        ("meta-professions", ", ".join(matrix.professions)),
        ("meta-courses", ", ".join(c.label for c in matrix.columns if c.kind == "course")),
        ("meta-practice", messages.text("meta-practice-total", lang, count=len(practice), duration=messages.text("weeks", lang, weeks=messages.number(sum(c.weeks for c in practice), lang)))),
    ]
    if len(matrix.study_paths) > 1:
        rows.append(("meta-study-paths", ", ".join(matrix.study_paths)))
    return [(messages.text(key, lang), value) for key, value in rows]


def timeline(matrix: Matrix, lang: str) -> dict:
    """Lanes of bars over the semesters: one lane per course, then practice, in matrix order."""
    count = max(len(matrix.terms), 1)
    span = (WIDTH - LABEL) / count
    ticks = [
        {"x": round(LABEL + (n - 1) * span, 1), "w": round(span - 2, 1), "label": messages.text("timeline-semester", lang, n=n), "term": term}
        for n, term in sorted(matrix.terms.items())
    ]
    lanes = []
    for index, column in enumerate(matrix.columns):
        bars = [
            {"x": round(LABEL + (first - 1) * span + 3, 1), "w": round((last - first + 1) * span - 8, 1)}
            for first, last in _runs(column.semesters)
        ]
        if column.kind == "practice":
            words = f"{messages.text('weeks', lang, weeks=messages.number(column.weeks, lang))} · {column.practice_kind} · {column.name}"
        else:
            words = column.name
        room = int((bars[0]["w"] - 12) / CHAR)
        lanes.append(
            {
                "kind": column.kind,
                "label": column.label,
                "name": column.name,
                "y": TOP + index * LANE,
                "bars": bars,
                "full": words,
                "room": room,
            }
        )
    fit(lanes)  # cut to the bar, and two options never read the same
    return {
        "width": WIDTH,
        "height": TOP + len(lanes) * LANE + 6,
        "lane": LANE,
        "ticks": ticks,
        "lanes": lanes,
        "title": messages.text("report-timeline", lang),
    }


def _runs(semesters: tuple[int, ...]) -> list[tuple[int, int]]:
    """(1, 2, 4) -> [(1, 2), (4, 4)]: consecutive semesters make one bar."""
    runs: list[list[int]] = []
    for s in semesters:
        if runs and s == runs[-1][1] + 1:
            runs[-1][1] = s
        else:
            runs.append([s, s])
    return [(a, b) for a, b in runs]
