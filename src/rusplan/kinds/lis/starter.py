"""`rusplan init --kind lis-plan`: a commented starter plan, in Bokmål, Nynorsk or English.

The starter is valid against the format but deliberately unfinished: one
short period per learning arena, the first objectives the source lists for
it, no courses or evaluations yet.  `rusplan check` on it answers with
located findings that show what is left to plan.  Every arena, objective and
spelling in it is read from the ruleset; its words are messages.py's
`lis-init-*` entries.
"""

from __future__ import annotations

import datetime as dt
import json

from ... import messages
from ...core.dates import month_number, month_text
from ...core.ruleset import Ruleset

def _q(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def starter(ruleset: Ruleset, lang: str, today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    month = f"{today.year:04d}-{today.month:02d}"
    vocab = ruleset.vocabularies
    arenas = vocab["arenas"]
    objectives = list(vocab["objectives"].by_id.values())
    specialty = (ruleset.scope or {}).get("in", [""])[0]

    def t(key: str, **params) -> str:
        return messages.text(key, lang, **params)

    lines = [f"# {line}" for line in t("lis-init-header", title=ruleset.regulation["title"]).split("\n")]
    lines += [
        "format: rusplan-lis/v1",
        "plan:",
        f"  specialty: {_q(vocab['specialties'].label(specialty, lang))}",
        f"  candidate: LIS-{today.year}-001   # {t('lis-init-candidate')}",
        f"  employer: {_q(t('lis-init-employer'))}",
        f"  lis1_months: 0   # {t('lis-init-lis1')}",
        f"  position_start: {month}",
        "",
        f"# {t('lis-init-rotations')}",
        f"# {t('lis-init-arenas', arenas=' | '.join(arenas.label(i, lang) for i in arenas.ids))}",
        "rotations:",
    ]
    groups = list(dict.fromkeys(str(arenas.by_id[i].get("group")) for i in arenas.ids))
    first = month_number(month)
    for index, group in enumerate(groups):  # one month each, one after the other
        arena = next(i for i in arenas.ids if str(arenas.by_id[i].get("group")) == group)
        listed = [o["id"] for o in objectives if group in [str(a) for a in o.get("arenas", [])]][:1]  # one per period: the shape, and a plan left unfinished
        lines += [
            f"  - arena: {_q(arenas.label(arena, lang))}",
            f"    start: {month_text(first + index)}",
            "    months: 1",
            "    supervision_minutes: 0",
        ]
        if listed:
            lines.append(f"    objectives: [{', '.join(_q(o) for o in listed)}]   # {t('lis-init-objectives')}")
    lines += [
        "",
        f"teaching: {{}}   # {t('lis-init-teaching')}",
        f"courses: []   # {t('lis-init-courses', course=vocab['courses'].label(vocab['courses'].ids[0], lang))}",
        f"evaluations: []   # {t('lis-init-evaluations')}",
        "",
    ]
    return "\n".join(lines)
