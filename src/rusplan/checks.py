"""The vocabulary of generic check functions that rules are written with.

A rule says *where* (``given``) and *which function with which options*
(``then``).  A function receives the matches and returns :class:`Finding`
objects — one per thing wrong, with the figures the message needs.  It never
formats a sentence for the user and never prints; the engine does that with
the rule's own message.  Every function is documented in docs/rules.md with
its options and the fields it reports.
"""

from __future__ import annotations

import datetime as dt
import operator
from dataclasses import dataclass, field
from typing import Any, Callable

from . import messages
from .ruleset import Vocabulary, _key
from .selector import Match, select


class _Missing:
    def __repr__(self) -> str:
        return "<missing>"


MISSING = _Missing()  # the value of a `field` the matched object lacks


@dataclass
class Finding:
    """One thing a rule found wrong, before it becomes a message."""

    path: tuple
    params: dict = field(default_factory=dict)
    code: str = "fail"  # selects rule.messages[code]; "fail" is rule.message
    status: str | None = None  # override: "fail" or "warn"
    message: dict | None = None  # override: {nb, en}
    quote: str | None = None  # override for the quoted sentence


@dataclass
class Context:
    """What a check function may look at besides its matches."""

    programme: Any  # model.Programme
    ruleset: Any  # ruleset.Ruleset
    lang: str
    as_of: dt.date
    roots: dict  # per-path overrides for `select`
    anchor: tuple  # where a finding about the whole selection points
    # Figures a function found even when nothing failed, for the rule's
    # `pass_message` ("practice totals 6 weeks; § 21 requires at least 4").
    facts: dict = field(default_factory=dict)

    def select(self, expr: str) -> list[Match]:
        return select(expr, self.programme.data, self.roots)

    def vocabulary(self, name: str) -> Vocabulary:
        return self.ruleset.vocabularies[name]

    def resolve(self, options: dict) -> Any:
        """The expected value: `value`, or the value at path `ref`."""
        if "ref" in options:
            found = self.select(options["ref"])
            return found[0].value if found else None
        return options.get("value")

    def labels(self, vocab: Vocabulary, ids, *, with_id: bool = True) -> str:
        if with_id:
            return ", ".join(f"{i} ({vocab.label(i, self.lang)})" if vocab.label(i, self.lang) != i else i for i in ids)
        return ", ".join(vocab.label(i, self.lang) for i in ids)


def number(value: Any) -> Any:
    """7.0 -> 7, 7.2 -> 7.2: figures as people write them."""
    if isinstance(value, float):
        return int(value) if value.is_integer() else round(value, 2)
    return value


_OPS: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
}


def _values(value: Any) -> list:
    if value is MISSING or value is None:
        return []
    return value if isinstance(value, list) else [value]


def compare(ctx: Context, matches: list[Match], options: dict) -> list[Finding]:
    """Each value `op` the expected value (`value` or the value at `ref`)."""
    expected = ctx.resolve(options)
    op = _OPS[options.get("op", "==")]
    findings = []
    for m in matches:
        if m.value is MISSING:
            continue
        ctx.facts.update(actual=number(m.value), expected=number(expected))
        try:
            ok = op(m.value, expected)
        except TypeError:
            ok = False
        if not ok:
            findings.append(Finding(m.path, {"actual": number(m.value), "expected": number(expected), "op": options.get("op", "==")}))
    return findings


def _where_ok(ctx: Context, item: Any, where: dict | None) -> bool:
    if not where:
        return True
    if not isinstance(item, dict):
        return False
    for key, wanted in where.items():
        if isinstance(wanted, dict) and "vocabulary" in wanted:
            if item.get(key) not in ctx.vocabulary(wanted["vocabulary"]).by_id:
                return False
        elif item.get(key) != wanted:
            return False
    return True


def sum_(ctx: Context, matches: list[Match], options: dict) -> list[Finding]:
    """The sum of `field` over the matched objects (filtered by `where`) `op` the expected value."""
    name = options["field"]
    total = sum(
        m.value[name]
        for m in matches
        if _where_ok(ctx, m.value, options.get("where")) and isinstance(m.value.get(name), (int, float))
    )
    expected = ctx.resolve(options)
    ctx.facts.update(actual=number(total), expected=number(expected))
    if expected is None or not _OPS[options.get("op", "==")](total, expected):
        return [Finding(ctx.anchor, {"actual": number(total), "expected": number(expected), "op": options.get("op", "==")})]
    return []


def covers_all(ctx: Context, matches: list[Match], options: dict) -> list[Finding]:
    """Every entry of `vocabulary` is named among the values (outcome ids map to their area for `areas`)."""
    vocab = ctx.vocabulary(options["vocabulary"])
    named = {m.value for m in matches}
    if vocab.name == "areas":
        outcomes = ctx.ruleset.outcomes
        named = {str(outcomes[v]["area"]) for v in named if v in outcomes}
    missing = [i for i in vocab.ids if i not in named]
    ctx.facts.update(covered=len(vocab.ids) - len(missing), total=len(vocab.ids))
    if not missing:
        return []
    group = options.get("group_by")
    if group:
        areas = ctx.ruleset.vocabularies["areas"]
        parts = []
        for key, ids in _group(missing, lambda i: str(vocab.by_id[i][group])):
            parts.append(f"{areas.label(key, ctx.lang)}: {', '.join(ids)}")
        text = "; ".join(parts)
    else:
        text = ctx.labels(vocab, missing)
    return [Finding(ctx.anchor, {"missing": text, "count": len(missing), "missing_ids": missing})]


def _group(items, key):
    groups: dict = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups.items()


def known(ctx: Context, matches: list[Match], options: dict) -> list[Finding]:
    """Each value is an id of `vocabulary`; the nearest id is suggested."""
    vocab = ctx.vocabulary(options["vocabulary"])
    findings = []
    for m in matches:
        if m.value in vocab.by_id:
            continue
        from difflib import get_close_matches  # only for a misspelling

        close = get_close_matches(str(m.value), vocab.ids, n=1, cutoff=0.5)
        suggestion = messages.text("nearest", ctx.lang, best=close[0]) if close else ""
        findings.append(Finding(m.path, {"value": m.value, "suggestion": suggestion}))
    return findings


def precedes(ctx: Context, matches: list[Match], options: dict) -> list[Finding]:
    """Areas in `earlier` are first covered no later than any area in `later`.

    The matches are courses; a course's first semester and the areas of the
    outcomes it covers give each area's first semester.
    """
    from .model import semesters_of

    outcomes = ctx.ruleset.outcomes
    first: dict[str, tuple[int, tuple]] = {}
    for m in matches:
        semester = min(semesters_of(m.value), default=None)
        if semester is None:
            continue
        for outcome in m.value.get("outcomes", []):
            for ref in outcome.get("covers", []):
                if ref in outcomes:
                    area = str(outcomes[ref]["area"])
                    if area not in first or semester < first[area][0]:
                        first[area] = (semester, m.path)
    later = [(first[str(a)][0], str(a)) for a in options["later"] if str(a) in first]
    if not later:
        return []
    later_semester, later_area = min(later)
    areas = ctx.vocabulary("areas")
    return [
        Finding(
            first[str(a)][1],
            {
                "area": f"{a} ({areas.label(str(a), ctx.lang)})",
                "semester": first[str(a)][0],
                "later_area": f"{later_area} ({areas.label(later_area, ctx.lang)})",
                "later_semester": later_semester,
            },
        )
        for a in options["earlier"]
        if str(a) in first and first[str(a)][0] > later_semester
    ]


def any_in(ctx: Context, matches: list[Match], options: dict) -> list[Finding]:
    """At least one value is an id of `vocabulary` (restricted by `where`)."""
    vocab = ctx.vocabulary(options["vocabulary"])
    allowed = set(vocab.select(options.get("where")))
    values = [m.value for m in matches]
    # Named by the vocabulary's label in the report's language ("casearbeid"), not by id.
    ctx.facts["found"] = ", ".join(sorted({_label(vocab, v, ctx.lang) for v in values if v in allowed}))
    if any(v in allowed for v in values):
        return []
    found = ", ".join(sorted({_label(vocab, v, ctx.lang) for v in values})) or "–"
    return [Finding(ctx.anchor, {"found": found})]


def _label(vocab: Vocabulary, value: Any, lang: str) -> str:
    return vocab.label(value, lang) if isinstance(value, str) and value in vocab.by_id else str(value)


def all_in(ctx: Context, matches: list[Match], options: dict) -> list[Finding]:
    """Every value (or every item of a list value) is an id of `vocabulary`.

    With `non_empty: true`, an empty or missing list is a finding too
    (message key `empty`).
    """
    vocab = ctx.vocabulary(options["vocabulary"])
    allowed_ids = vocab.select(options.get("where"))
    allowed = ctx.labels(vocab, allowed_ids)
    findings = []
    for m in matches:
        values = _values(m.value)
        if not values and options.get("non_empty"):
            findings.append(Finding(m.path, {"allowed": allowed}, code="empty"))
        for i, value in enumerate(values):
            if value not in allowed_ids:
                path = m.path + (i,) if isinstance(m.value, list) else m.path
                findings.append(Finding(path, {"value": value, "allowed": allowed}))
    return findings


def non_empty(ctx: Context, matches: list[Match], options: dict) -> list[Finding]:
    """Each value is present and not empty."""
    return [Finding(m.path) for m in matches if not _values(m.value)]


def contains_all(ctx: Context, matches: list[Match], options: dict) -> list[Finding]:
    """Each list value contains every id in `values` (default: every id of `vocabulary`)."""
    vocab = ctx.vocabulary(options["vocabulary"])
    required = [str(v) for v in options.get("values", vocab.ids)]
    findings = []
    for m in matches:
        have = set(_values(m.value))
        missing = [r for r in required if r not in have]
        if missing:
            findings.append(Finding(m.path, {"missing": ctx.labels(vocab, missing, with_id=False), "missing_ids": missing}))
    return findings


def exists_in(ctx: Context, matches: list[Match], options: dict) -> list[Finding]:
    """Each value also occurs at path `in` (compared case- and spacing-insensitively).

    A matched object without the checked `field` is a finding with message
    key `missing`.
    """
    pool = {_key(m.value) for m in ctx.select(options["in"]) if isinstance(m.value, str)}
    findings = []
    for m in matches:
        if m.value is MISSING or m.value is None:
            findings.append(Finding(m.path, {}, code="missing"))
        elif _key(m.value) not in pool:
            findings.append(Finding(m.path, {"value": m.value}))
    return findings


def timeline(ctx: Context, matches: list[Match], options: dict) -> list[Finding]:
    """Dated cases: each case's `when` (framework, start term, last exam, --as-of date) gives a fail or warn.

    Every failing case is reported; warning cases only when no case fails.
    """
    from .model import parse_term

    programme = ctx.programme
    start = programme.start
    last_exam = start.plus(programme.semesters - 1).end(ctx.ruleset)
    facts = {
        "framework": programme.data["programme"]["framework"],
        "start": start.label(ctx.ruleset, ctx.lang),
        "last_exam": last_exam.strftime("%d.%m.%Y"),
        "as_of": ctx.as_of.strftime("%d.%m.%Y"),
    }
    anchor = ("programme", "start")

    def holds(key: str, wanted: Any) -> bool:
        if key == "framework":
            return facts["framework"] == wanted
        if key in ("start_from", "start_before"):
            term = parse_term(wanted, ctx.ruleset)
            return (start.index >= term.index) == (key == "start_from")
        day = dt.date.fromisoformat(str(wanted))
        if key == "last_exam_after":
            return last_exam > day
        if key == "as_of_after":
            return ctx.as_of > day
        if key == "as_of_from":
            return ctx.as_of >= day
        raise ValueError(f"unknown timeline condition {key}")

    hits = [case for case in options["cases"] if all(holds(k, v) for k, v in case["when"].items())]
    failing = [c for c in hits if c.get("status", "fail") == "fail"]
    return [
        Finding(anchor, dict(facts), status=case.get("status", "fail"), message=case.get("message"), quote=case.get("quote"))
        for case in (failing or hits)
    ]


FUNCTIONS: dict[str, Callable[[Context, list[Match], dict], list[Finding]]] = {
    "compare": compare,
    "sum": sum_,
    "covers-all": covers_all,
    "known": known,
    "precedes": precedes,
    "any-in": any_in,
    "all-in": all_in,
    "non-empty": non_empty,
    "contains-all": contains_all,
    "exists-in": exists_in,
    "timeline": timeline,
}
