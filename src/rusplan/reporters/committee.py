"""Small helpers for the HTML report a committee files (issue 15): dates in words, what a row is
headed by, the Σ of each study path, timeline labels that tell options apart.

The template calls them; none of them evaluates a rule.
"""

from __future__ import annotations

import datetime as dt

from .. import messages

SHOWN = ("fail", "warn", "unrecognised", "waived")  # a row headed by what was found, not by the claim


def long_date(value, lang: str) -> str:
    """2026-01-15 -> '15. januar 2026' (nb, nn), '15 January 2026' (en); anything else as given."""
    try:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    month = messages.text("months", lang).split()[day.month - 1]
    return f"{day.day} {month} {day.year}" if lang == "en" else f"{day.day}. {month} {day.year}"


def heading(result) -> str:
    """A failed rule is headed by what failed ('Praksis utgjør 3 uker ...'); a passed one by its title."""
    if result.status in SHOWN and result.message:
        return result.message[:1].upper() + result.message[1:]
    return result.title


def path_sums(matrix, row) -> list[int]:
    """For each study path, the courses on it that cover `row` (each option counts on its own path; practice not)."""
    everything = tuple(range(len(matrix.columns)))
    out = []
    for name in matrix.study_paths:
        taken = matrix.path_columns.get(name, everything)
        out.append(sum(1 for i in taken if row.cells[i] and matrix.columns[i].kind == "course"))
    return out


def fit(lanes: list[dict]) -> None:
    """Cut each lane's text to its bar; where two cut texts would read the same, keep their ends instead.

    "Forskning, formidling og fagutvikling" and "... (masterløp)" both become
    "Forskning, formidling og fag…"; kept at both ends they are "Forskning, fo…og fagutvikling"
    and "Forskning, fo…ng (masterløp)".
    """
    for lane in lanes:
        lane["text"] = _cut(lane["full"], lane["room"])
    seen: dict[str, list[dict]] = {}
    for lane in lanes:
        seen.setdefault(lane["text"], []).append(lane)
    for same in seen.values():
        if len(same) > 1 and len({lane["full"] for lane in same}) > 1:
            for lane in same:
                lane["text"] = _cut_middle(lane["full"], lane["room"])


def _cut(text: str, room: int) -> str:
    return text if len(text) <= room else text[: max(room - 1, 0)] + "…"


def _cut_middle(text: str, room: int) -> str:
    if len(text) <= room or room < 5:
        return _cut(text, room)
    tail = (room - 1) // 2
    return text[: room - 1 - tail] + "…" + text[len(text) - tail :]
