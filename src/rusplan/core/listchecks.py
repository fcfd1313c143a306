"""Generic check functions over lists of objects: counts, totals, dates, order.

Like the functions in checks.py, each receives the matches of a rule's
`given` and its options and returns Findings with the figures its message
needs; none knows any particular document.  Names for the rules files:

- ``count-in``: how many distinct values fall in a set (2 of 3 topic courses);
- ``total``: the total of a numeric field, and of parts of it, against a limit;
- ``max-gap``: the largest gap in months between consecutive dates;
- ``first-before``: the first date of one group of objects comes before another's;
- ``allowed-per-entry``: each value listed in an entry is allowed for that entry's key.

Options are documented in docs/rules.md.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from .checks import _OPS, MISSING, Context, Finding, _where, exact, number, unrecognised
from .dates import month_number, month_text
from .selector import Match


def _numeric(value: Any) -> bool:
    return isinstance(value, (int, float, Fraction)) and not isinstance(value, bool)


def _passes_filter(value: Any, wanted: dict | None) -> bool:
    """Whether a matched object has every key of `filter` at the given value."""
    if not wanted:
        return True
    return isinstance(value, dict) and all(value.get(k) == v for k, v in wanted.items())


def _field_values(matches: list[Match], field: str | None, wanted: dict | None) -> list[Match]:
    """The values to judge: each match (or its `field`), list items one by one, objects failing `filter` left out."""
    out = []
    for m in matches:
        if not _passes_filter(m.value, wanted):
            continue
        value, path = m.value, m.path
        if field is not None:
            if not isinstance(value, dict) or value.get(field) is None:
                continue
            value, path = value[field], path + (field,)
        if isinstance(value, list):
            out.extend(Match(v, path + (i,)) for i, v in enumerate(value))
        elif isinstance(value, tuple):  # a split list item: several values at one place
            out.extend(Match(v, path) for v in value)
        elif value is not MISSING:
            out.append(Match(value, path))
    return out


def _labels(ctx: Context, vocabulary: str | None, ids) -> str:
    if vocabulary is None:
        return ", ".join(str(i) for i in ids)
    vocab = ctx.vocabulary(vocabulary)
    return ", ".join(vocab.label(str(i), ctx.lang) for i in ids)


def count_in(ctx: Context, matches: list[Match], options: dict) -> list[Finding]:
    """The number of distinct values that are ids of a set `op` `value` (default: every id of the set).

    The set is `values`, or the ids of `vocabulary` that match `where`.  With
    `field`, each matched object's `field` is read; `filter` keeps only the
    objects whose keys have the given values.  When the count fails while some
    value is not an id of `vocabulary`, that value is reported as unrecognised
    instead: it may be one of the missing ones, spelt in a way rusplan does not know.
    """
    vocab = ctx.vocabulary(options["vocabulary"])
    wanted = [str(v) for v in options["values"]] if "values" in options else vocab.select(options.get("where"))
    values = _field_values(matches, options.get("field"), options.get("filter"))
    present = {m.value for m in values if isinstance(m.value, str)}
    found = [i for i in wanted if i in present]
    missing = [i for i in wanted if i not in present]
    expected = options.get("value", len(wanted))
    op = options.get("op", ">=")
    ctx.facts.update(
        count=len(found),
        expected=expected,
        total=len(wanted),
        found=_labels(ctx, options["vocabulary"], found) or "–",
        missing=_labels(ctx, options["vocabulary"], missing) or "–",
    )
    if _OPS[op](len(found), expected):
        return []
    unknown = [unrecognised(ctx, vocab, m.value, m.path) for m in values if m.value not in vocab.by_id]
    if unknown:
        return unknown
    return [Finding(ctx.anchor, dict(ctx.facts, missing_ids=missing))]


def _sum(ctx: Context, matches: list[Match], name: str, where: dict | None) -> tuple[Fraction, list[Finding], Match | None]:
    """The exact sum of `name` over the objects passing `where`, the objects `where` could not judge, and the first counted."""
    total, unjudged, first = Fraction(0), [], None
    for m in matches:
        ok = _where(ctx, m, where)
        if isinstance(ok, Finding):
            unjudged.append(ok)
        elif ok and isinstance(m.value, dict) and _numeric(m.value.get(name)):
            total += Fraction(exact(m.value[name]))
            first = first or m
    return total, unjudged, first


def total(ctx: Context, matches: list[Match], options: dict) -> list[Finding]:
    """The total of `field` over the matched objects passing `where` (plus the numbers at the `add` paths) `op` the expected value.

    Each of `parts` (``{where, op, value}``, at most two) is the total over the
    objects that also pass the part's `where`, judged the same way; its figures
    are reported as ``part1_actual``/``part1_expected`` and ``part2_...``.  The finding points
    at the first counted object (``locate: first``, the default) or at the
    list (``locate: list``).  As with ``sum``, an object whose `where` value a
    vocabulary does not know is left out, and reported as unrecognised unless
    the total passes without it under ``>=`` or ``>``.
    """
    name, op = options["field"], options.get("op", "==")
    counted, unjudged, first = _sum(ctx, matches, name, options.get("where"))
    added = sum((Fraction(exact(m.value)) for p in options.get("add", []) for m in ctx.select(p) if _numeric(m.value)), Fraction(0))
    actual = counted + added
    expected = ctx.resolve(options)
    facts = {"actual": number(actual), "expected": number(expected), "counted": number(counted), "added": number(added)}
    passed = expected is not None and _OPS[op](actual, exact(expected))
    for index, part in enumerate(options.get("parts", []), 1):
        where = dict(options.get("where") or {}, **part["where"])
        part_total, part_unjudged, _ = _sum(ctx, matches, name, where)
        unjudged += [f for f in part_unjudged if f.path not in {u.path for u in unjudged}]
        facts[f"part{index}_actual"] = number(part_total)
        facts[f"part{index}_expected"] = number(part["value"])
        passed = passed and _OPS[part.get("op", op)](part_total, exact(part["value"]))
    ctx.facts.update(facts)
    if unjudged and not (passed and op in (">=", ">")):
        return unjudged
    if passed:
        return []
    at = first.path if first is not None and options.get("locate", "first") == "first" else ctx.anchor
    return [Finding(at, dict(facts, op=op))]


def _point(ctx: Context, path: str) -> tuple[int, str, tuple] | None:
    found = ctx.select(path)
    if not found:
        return None
    month = month_number(found[0].value)
    return (month, month_text(month), found[0].path) if month is not None else None


def max_gap(ctx: Context, matches: list[Match], options: dict) -> list[Finding]:
    """The largest gap in months between consecutive dates `op` `value` (default ``<=``).

    Dates are ``YYYY-MM`` or ``YYYY-MM-DD`` (compared by month).  `from` and
    `until` name paths of dates that bound the series (the start of a position,
    the end of a plan), so that a long wait before the first date or after the
    last one counts too.  The finding points at the date after the gap (or at
    the last date, for a gap up to `until`).
    """
    points = []
    for m in _field_values(matches, options.get("field"), None):
        month = month_number(m.value)
        if month is None:
            return [Finding(m.path, {"value": m.value}, code="unreadable")]
        points.append((month, month_text(month), m.path))
    own = list(points)
    for key in ("from", "until"):
        if key in options and (bound := _point(ctx, options[key])) is not None:
            points.append(bound)
    points.sort(key=lambda p: p[0])
    expected = options["value"]
    op = options.get("op", "<=")
    if len(points) < 2:
        ctx.facts.update(gap=0, expected=expected, count=len(own))
        return [] if own else [Finding(ctx.anchor, {"expected": expected, "count": 0}, code="none")]
    gap, after, before = max(((b[0] - a[0], a, b) for a, b in zip(points, points[1:])), key=lambda g: g[0])
    ctx.facts.update(gap=gap, expected=expected, after=after[1], before=before[1], count=len(own))
    if _OPS[op](gap, expected):
        return []
    own_paths = {p[2] for p in own}
    at = before[2] if before[2] in own_paths else (max(own, key=lambda p: p[0])[2] if own else ctx.anchor)
    return [Finding(at, {"gap": gap, "expected": expected, "after": after[1], "before": before[1], "count": len(own)})]


def _group_of(ctx: Context, value: Any, options: dict) -> str | None:
    """The group an entry's key stands for: the key itself, or its `key_property` in `key_vocabulary`."""
    key = value.get(options["key"]) if isinstance(value, dict) else None
    if key is None:
        return None
    if "key_vocabulary" not in options:
        return str(key)
    entry = ctx.vocabulary(options["key_vocabulary"]).by_id.get(str(key))
    if entry is None:
        return None  # not recognised: the vocabulary's own rules say so
    prop = options.get("key_property")
    return str(entry[prop]) if prop and prop in entry else (None if prop else str(key))


def _unknown_keys(ctx: Context, matches: list[Match], options: dict) -> list[Finding]:
    """The matched objects whose key `key_vocabulary` does not know: a group rusplan cannot place."""
    if "key_vocabulary" not in options:
        return []
    vocab = ctx.vocabulary(options["key_vocabulary"])
    return [
        unrecognised(ctx, vocab, m.value[options["key"]], m.path + (options["key"],))
        for m in matches
        if isinstance(m.value, dict) and m.value.get(options["key"]) is not None and str(m.value[options["key"]]) not in vocab.by_id
    ]


def first_before(ctx: Context, matches: list[Match], options: dict) -> list[Finding]:
    """The first object of the `earlier` groups starts no later than the first of the `later` groups.

    Each matched object belongs to the group of its `key` (mapped through
    `key_vocabulary`'s `key_property`, if given) and starts at its `field`
    (a date).  Only a strictly later month is "after"; an object without a
    readable date or group is left out; when nothing is found out of order and
    some key is not recognised, those keys are reported as unrecognised (one of
    them may be the group that comes first).  `labels` names the vocabulary the
    group ids are labelled with.
    """
    earlier, later = [str(g) for g in options["earlier"]], [str(g) for g in options["later"]]
    first: dict[str, tuple[int, tuple]] = {}
    for m in matches:
        group = _group_of(ctx, m.value, options)
        month = month_number(m.value.get(options["field"])) if isinstance(m.value, dict) else None
        if group is None or month is None:
            continue
        if group not in first or month < first[group][0]:
            first[group] = (month, m.path)
    starts = [(first[g][0], g) for g in earlier if g in first]
    ends = [(first[g][0], g) for g in later if g in first]
    if not starts or not ends:
        return _unknown_keys(ctx, matches, options)
    (start, group), (end, later_group) = min(starts), min(ends)
    if start <= end:
        return _unknown_keys(ctx, matches, options)
    labels = options.get("labels")
    return [
        Finding(
            first[group][1] + (options["field"],),
            {
                "earlier": _labels(ctx, labels, [group]),
                "earlier_start": month_text(start),
                "later": _labels(ctx, labels, [later_group]),
                "later_start": month_text(end),
            },
        )
    ]


def allowed_per_entry(ctx: Context, matches: list[Match], options: dict) -> list[Finding]:
    """Each value in an entry's `field` list allows the entry's key.

    A value's allowed keys are the list at `property` of its entry in
    `vocabulary`; the entry's key is its `key` (mapped through
    `key_vocabulary`'s `key_property`, if given).  A value `vocabulary` does
    not know is left to the rule about it; an entry whose key is not recognised
    is reported as unrecognised (its values could not be judged).
    """
    vocab = ctx.vocabulary(options["vocabulary"])
    labels = options.get("labels")
    findings = _unknown_keys(ctx, matches, options)
    for m in matches:
        group = _group_of(ctx, m.value, options)
        values = m.value.get(options["field"]) if isinstance(m.value, dict) else None
        if group is None or not isinstance(values, list):
            continue
        key = m.value[options["key"]]
        key_label = ctx.vocabulary(options["key_vocabulary"]).label(str(key), ctx.lang) if "key_vocabulary" in options else str(key)
        for i, value in enumerate(values):
            entry = vocab.by_id.get(value) if isinstance(value, str) else None
            if entry is None:
                continue
            allowed = [str(a) for a in entry.get(options["property"], [])]
            if group not in allowed:
                findings.append(
                    Finding(m.path + (options["field"], i), {"value": value, "key": key_label, "allowed": _labels(ctx, labels, allowed) or "–"})
                )
    return findings


FUNCTIONS = {
    "count-in": count_in,
    "total": total,
    "max-gap": max_gap,
    "first-before": first_before,
    "allowed-per-entry": allowed_per_entry,
}
