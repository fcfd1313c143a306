"""The planning matrix: the 75 learning objectives against a plan's rotation periods.

Pure data for the matrix renderers and the HTML report; nothing here prints
or judges a rule.  It is the coverage matrix of reporters/matrix_render.py
with the plan's words: one group of rows (the objectives, in the rules
file's order), one column per rotation period in the order of their start,
and a row flagged when no period plans it.
"""

from __future__ import annotations

from ... import messages
from ...reporters.escape import visible
from ..programme.matrix import COVERED, UNCOVERED, Area, Category, Column, Matrix, Row
from .model import LisPlan, objective_label

# The matrix renderers' sentences, in this kind's words (messages.py, issue 14 block).
WORDS = {
    "matrix-title": "lis-matrix-title",
    "matrix-area": "lis-matrix-group",
    "matrix-outcome": "lis-matrix-objective",
    "matrix-status-covered": "lis-matrix-planned",
    "matrix-status-uncovered": "lis-matrix-unplanned",
    "matrix-uncovered-list": "lis-matrix-unplanned-list",
    "matrix-all-covered": "lis-matrix-all-planned",
    "matrix-key": "lis-matrix-key",
    "matrix-csv-outcome": "lis-matrix-csv-objective",
    "matrix-csv-courses": "lis-matrix-csv-periods",
}


def from_plan(plan: LisPlan, ruleset, lang: str) -> Matrix:
    data = plan.data
    arenas = ruleset.vocabularies["arenas"]
    order = sorted(range(len(data["rotations"])), key=lambda i: data["rotations"][i]["start"])  # stable: document order within a month
    columns = []
    for n, index in enumerate(order, 1):
        period = data["rotations"][index]
        arena = str(period["arena"])
        name = arenas.label(arena, lang) + (f": {period['place']}" if period.get("place") else "")
        when = messages.text("lis-matrix-when", lang, start=period["start"], months=messages.number(period["counted_months"], lang))
        objectives = frozenset(o for o in period.get("objectives", []) if isinstance(o, str))
        columns.append(Column("course", f"R{n}", visible(name), (), objectives, when=visible(when)))

    rows = []
    for objective in ruleset.vocabularies["objectives"].by_id.values():
        ident = objective["id"]
        cells = tuple(ident in c.covers for c in columns)
        rows.append(Row(ident, visible(objective_label(objective, lang)), cells, COVERED if any(cells) else UNCOVERED))
    group = Area("", messages.text("lis-matrix-objectives", lang, count=len(rows)), [Category("", "", rows)])
    specialty = ruleset.vocabularies["specialties"].label(str(data["plan"]["specialty"]), lang)
    shown = {"institution": visible(data["plan"]["employer"]), "code": visible(data["plan"]["candidate"]), "name": visible(specialty)}
    counted = sum(p["counted_months"] for p in data["rotations"])
    meta = [
        (messages.text("lis-meta-employer", lang), shown["institution"]),
        (messages.text("lis-meta-candidate", lang), shown["code"]),
        (messages.text("lis-meta-specialty", lang), shown["name"]),
        (messages.text("lis-meta-lis1", lang), messages.text("lis-months", lang, months=messages.number(data["plan"]["lis1_months"], lang))),
        (messages.text("lis-meta-position", lang), str(data["plan"]["position_start"])),
        (messages.text("lis-meta-rotation", lang), messages.text("lis-meta-rotation-value", lang, count=len(columns), months=messages.number(counted, lang))),
    ]
    return Matrix(visible(plan.doc.path), shown, columns, [group], {}, [""], words=WORDS, meta=meta)
