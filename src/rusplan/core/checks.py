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
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Callable

from .. import messages
from .selector import Match, select
from .similar import closest
from .similar import spelling_key as _key

if TYPE_CHECKING:
    from .ruleset import Vocabulary


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

    programme: Any  # the document kind's model (kinds.programme.model.Programme)
    ruleset: Any  # ruleset.Ruleset
    lang: str
    as_of: dt.date
    roots: dict  # per-path overrides for `select`
    anchor: tuple  # where a finding about the whole selection points
    # Figures a function found even when nothing failed, for the rule's
    # `pass_message` ("practice totals 6 weeks; § 21 requires at least 4").
    facts: dict = field(default_factory=dict)
    kind: Any = None  # the document kind (rusplan.kinds.Kind): its vocabulary maps

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


def exact(value: Any) -> Any:
    """A number as the person wrote it, exactly: 4.3 is 43/10, not the nearest binary float."""
    if isinstance(value, float):
        return Fraction(repr(value))
    return value


def number(value: Any) -> Any:
    """7.0 -> 7, 7.2 -> 7.2, 13/3 -> 4.33: figures as people write them."""
    if isinstance(value, Fraction):
        return int(value) if value.denominator == 1 else float(round(value, 2))
    if isinstance(value, float):
        return int(value) if value.is_integer() else round(value, 2)
    return value


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, Fraction)) and not isinstance(value, bool)


def _flat(matches: list[Match]) -> list[Match]:
    """Matches with a split list item ("A/B", a tuple) as one match per value, at the item's place."""
    out = []
    for m in matches:
        if isinstance(m.value, tuple):
            out.extend(Match(v, m.path) for v in m.value)
        else:
            out.append(m)
    return out


def unrecognised(ctx: "Context", vocab: Vocabulary, value: Any, path: tuple) -> Finding:
    """A value no entry of `vocab` spells: the rule could not judge it, which is not a failure of the requirement."""
    best = vocab.nearest(value)
    noun = vocab.noun.get(ctx.lang) or vocab.noun.get("nb") or messages.text("unrecognised-noun", ctx.lang)
    return Finding(
        path,
        {
            "value": value,
            "noun": noun,
            "suggestion": messages.text("unrecognised-suggestion", ctx.lang, best=best) if best else messages.text("unrecognised-no-suggestion", ctx.lang),
            "accepted": ctx.labels(vocab, vocab.ids, with_id=False),
        },
        code="unrecognised",
        status="unrecognised",
        message=messages.MESSAGES["unrecognised-value"],
    )


_OPS: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
}


def _indexed(value: Any) -> list[tuple[int | None, Any]]:
    """(index in the list, value) for each value of a list (split items keep their index); index None for a scalar."""
    if value is MISSING or value is None:
        return []
    if not isinstance(value, list):
        return [(None, value)]
    return [(i, v) for i, item in enumerate(value) for v in (item if isinstance(item, tuple) else (item,))]


def _values(value: Any) -> list:
    return [v for _, v in _indexed(value)]


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
            ok = op(exact(m.value), exact(expected))
        except TypeError:
            ok = False
        if not ok:
            findings.append(Finding(m.path, {"actual": number(m.value), "expected": number(expected), "op": options.get("op", "==")}))
    return findings


def _where(ctx: Context, m: Match, where: dict | None) -> bool | Finding:
    """Whether the matched object passes `where`; a Finding when a vocabulary does not know its value."""
    if not where:
        return True
    item = m.value
    if not isinstance(item, dict):
        return False
    for key, wanted in where.items():
        if isinstance(wanted, dict) and "vocabulary" in wanted:
            vocab = ctx.vocabulary(wanted["vocabulary"])
            value = item.get(key)
            if value not in vocab.by_id:
                return unrecognised(ctx, vocab, value, m.path + (key,)) if value is not None else False
            if not all(vocab.by_id[value].get(k) == v for k, v in wanted.get("where", {}).items()):
                return False
        elif item.get(key) != wanted:
            return False
    return True


def sum_(ctx: Context, matches: list[Match], options: dict) -> list[Finding]:
    """The sum of `field` over the matched objects (filtered by `where`) `op` the expected value.

    An object that `where` cannot judge (a vocabulary does not know its
    value) is left out; if the sum then fails, the rule could not judge it
    and says so, rather than that the requirement is unmet.  With `>=` or
    `>`, a sum that passes without them passes.
    """
    name, op = options["field"], options.get("op", "==")
    total, unjudged = Fraction(0), []
    for m in matches:
        ok = _where(ctx, m, options.get("where"))
        if isinstance(ok, Finding):
            unjudged.append(ok)
        elif ok and isinstance(m.value, dict) and _is_number(m.value.get(name)):
            total += exact(m.value[name])
    expected = ctx.resolve(options)
    ctx.facts.update(actual=number(total), expected=number(expected))
    passed = expected is not None and _OPS[op](total, exact(expected))
    if unjudged and not (passed and op in (">=", ">")):
        return unjudged
    if not passed:
        return [Finding(ctx.anchor, {"actual": number(total), "expected": number(expected), "op": op})]
    return []


def covers_all(ctx: Context, matches: list[Match], options: dict) -> list[Finding]:
    """Every entry of `vocabulary` is named among the values.

    A document kind may map values to the vocabulary's ids (the programme:
    an outcome id names its competence area, for `areas`).
    """
    vocab = ctx.vocabulary(options["vocabulary"])
    named = {m.value for m in matches}
    mapping = ctx.kind.vocabulary_maps.get(vocab.name) if ctx.kind is not None else None
    if mapping is not None:
        named = {found for v in named if (found := mapping(ctx.ruleset, v)) is not None}
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
        close = closest(str(m.value), vocab.ids, cutoff=0.5)
        suggestion = messages.text("nearest", ctx.lang, best=close) if close else ""
        findings.append(Finding(m.path, {"value": m.value, "suggestion": suggestion}))
    return findings


def any_in(ctx: Context, matches: list[Match], options: dict) -> list[Finding]:
    """At least one value is an id of `vocabulary` (restricted by `where`)."""
    vocab = ctx.vocabulary(options["vocabulary"])
    allowed = set(vocab.select(options.get("where")))
    matches = _flat(matches)
    values = [m.value for m in matches]
    # Named by the vocabulary's label in the report's language ("casearbeid"), not by id.
    ctx.facts["found"] = ", ".join(sorted({_label(vocab, v, ctx.lang) for v in values if v in allowed}))
    if any(v in allowed for v in values):
        return []
    unknown = [unrecognised(ctx, vocab, m.value, m.path) for m in matches if m.value not in vocab.by_id]
    if unknown:
        return unknown  # one of them may be the allowed value, written in a way rusplan does not know
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
        values = _indexed(m.value)
        if not values and options.get("non_empty"):
            findings.append(Finding(m.path, {"allowed": allowed}, code="empty"))
        for i, value in values:
            path = m.path + (i,) if i is not None else m.path
            if value not in vocab.by_id:
                findings.append(unrecognised(ctx, vocab, value, path))
            elif value not in allowed_ids:
                findings.append(Finding(path, {"value": value, "label": vocab.label(value, ctx.lang), "allowed": allowed}))
    return findings


def non_empty(ctx: Context, matches: list[Match], options: dict) -> list[Finding]:
    """Each value is present and not empty."""
    return [Finding(m.path) for m in matches if not _values(m.value)]


def contains_all(ctx: Context, matches: list[Match], options: dict) -> list[Finding]:
    """Each list value contains every id in `values` (default: every id of `vocabulary`)."""
    vocab = ctx.vocabulary(options["vocabulary"])
    required = [str(v) for v in options.get("values", vocab.select(options.get("where")))]
    findings = []
    for m in matches:
        have = set(_values(m.value))
        missing = [r for r in required if r not in have]
        unknown = [(i, v) for i, v in _indexed(m.value) if v not in vocab.by_id]
        if missing and unknown:
            # A value rusplan does not know may be one of the missing ones.
            findings.extend(unrecognised(ctx, vocab, v, m.path + (i,) if i is not None else m.path) for i, v in unknown)
        elif missing:
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


FUNCTIONS: dict[str, Callable[[Context, list[Match], dict], list[Finding]]] = {
    "compare": compare,
    "sum": sum_,
    "covers-all": covers_all,
    "known": known,
    "any-in": any_in,
    "all-in": all_in,
    "non-empty": non_empty,
    "contains-all": contains_all,
    "exists-in": exists_in,
}
