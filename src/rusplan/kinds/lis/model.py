"""The LIS education plan as the rules see it.

After the schema has accepted a document, `build` makes the model: a new,
normalised copy of the data (the loaded document is never changed):

- spellings to vocabulary ids (arenas, specialties, courses, roles ...);
- objective ids as the rules file writes them: "1", "01", "RAM-001" and
  "læringsmål 1" become "001" (prefixes and width from the rules file's
  `settings.objective_ids`);
- months as ``YYYY-MM`` (a day written after the month is dropped);
- each rotation period's `counted_months`: its months at its percentage of
  full time (spesialistforskriften § 31: part time shortens the counted time),
  exactly, as a fraction;
- `plan.end`: the month after the last period ends.

It also checks what the schema cannot: rotation periods that overlap by more
than full time (their months would be counted twice).
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from ... import messages
from ...core.checks import exact
from ...core.dates import month_number, month_text
from ...core.result import InconsistentDocument, Problem
from ...core.ruleset import Ruleset
from ...core.selector import select
from ...io.loader import Document
from ...core.spellings import normalise_spellings, set_at

# Every place in the format where a month stands.
MONTHS = (
    "plan.position_start",
    "rotations[*].start",
    "therapy_supervision[*].start",
    "courses[*].date",
    "evaluations[*].date",
    "assessed[*].date",
)
# Every place where an objective id stands.
OBJECTIVES = ("rotations[*].objectives[*]", "assessed[*].objective")


class InconsistentPlan(InconsistentDocument):
    """What the schema cannot check is wrong (periods overlapping beyond full time)."""


@dataclass(frozen=True)
class WholePlan:
    """The one path a plan has: rules read the whole document (no study-path variants)."""

    name: str = ""
    roots: dict = field(default_factory=dict)


@dataclass
class LisPlan:
    doc: Document  # the file as loaded: its marks locate every finding; its data is never changed
    data: dict  # the normalised copy the rules read
    paths: list = field(default_factory=lambda: [WholePlan()])
    # ("rotations", i, "counted_months") -> (months, percent, counted months) for a part-time period
    conversions: dict = field(default_factory=dict)


def objective_label(objective: dict, lang: str) -> str:
    """An objective in words: its official title when the rules file has one, else the source's short label, else ''."""
    return objective.get(f"title_{lang}") or objective.get("title") or objective.get("label") or ""


def objective_id(value: Any, settings: dict) -> Any:
    """"1", 1, "01", "RAM-001", "ram 1" -> "001"; anything else is returned as written.

    A known prefix is removed case-insensitively with the spaces, hyphens,
    dots or colons after it; what remains must be digits.  Leading zeros are
    stripped as text (int() refuses numbers of over 4,300 digits).
    """
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return value
    spec = settings.get("objective_ids", {})
    text = str(value).strip()
    for prefix in sorted(spec.get("prefixes", []), key=len, reverse=True):
        if text.casefold().startswith(prefix.casefold()):
            text = text[len(prefix) :].lstrip(" -_.:")
            break
    if not (text.isascii() and text.isdigit()):
        return value
    return (text.lstrip("0") or "0").zfill(spec.get("digits", 0))


def build(doc: Document, ruleset: Ruleset, lang: str) -> LisPlan:
    """The plan `ruleset` judges, or InconsistentPlan; `doc.data` stays as loaded."""

    data = copy.deepcopy(doc.data)
    normalise_spellings(data, ruleset)
    for expr in OBJECTIVES:
        for match in select(expr, data):
            _set(data, match.path, objective_id(match.value, ruleset.settings))
    for expr in MONTHS:
        for match in select(expr, data):
            number = month_number(match.value)
            if number is not None:
                _set(data, match.path, month_text(number))

    full_time = Fraction(exact(ruleset.settings["full_time_percent"]))
    conversions: dict = {}
    ends = []
    for index, period in enumerate(data["rotations"]):
        months = Fraction(exact(period["months"]))
        percent = Fraction(exact(period.get("percent", full_time)))
        period["months"] = months
        period["counted_months"] = months * percent / full_time
        if percent != full_time:
            conversions[("rotations", index, "counted_months")] = (months, percent, period["counted_months"])
        start = month_number(period["start"])
        ends.append(start + math.ceil(months))
    data["plan"]["end"] = month_text(max(ends))
    data.setdefault("teaching", {})  # absent: the teaching rules say what is not stated

    problems = _overlaps(doc, data, full_time, lang)
    if problems:
        raise InconsistentPlan(problems)
    return LisPlan(doc, data, conversions=conversions)


def _overlaps(doc: Document, data: dict, full_time: Fraction, lang: str) -> list[Problem]:
    """Periods that together exceed full time in some month: one problem per period that tips it over.

    Periods are written by month, so a period occupies its whole months only
    (5.5 months from 2027-09 occupy 2027-09 to 2028-01): the next one may start
    in the month the last half month falls in.  A sweep over the starts and
    ends (sorted), so the cost does not depend on how long the periods last.
    """
    events = []
    for index, period in enumerate(data["rotations"]):
        start = month_number(period["start"])
        share = Fraction(exact(period.get("percent", full_time)))
        events.append((start, 1, index, share))
        events.append((start + math.floor(period["months"]), 0, index, share))  # ends sort before starts in a month
    load, active, problems, reported = Fraction(0), {}, [], set()
    for month, starting, index, share in sorted(events):
        if not starting:
            load -= share
            active.pop(index, None)
            continue
        load += share
        active[index] = share
        if load > full_time and index not in reported:
            reported.add(index)
            others = ", ".join(str(i + 1) for i in sorted(active) if i != index)
            line, column = doc.locate(("rotations", index, "start"))
            text = messages.text(
                "lis-overlap", lang, period=index + 1, others=others, month=month_text(month), percent=messages.number(load, lang)
            )
            problems.append(Problem(text, line, column, code="lis-overlap", where=f"rotations[{index}].start"))
    return problems


_set = set_at  # the name this module's callers use
