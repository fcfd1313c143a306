"""Per-path rules over more study paths than can be built: evaluated from the choices.

A programme with 20 binary choices has 1,048,576 study paths. Rather than run a
per-path rule on each, the engine runs it on a few *candidate* paths chosen so
that, if the rule fails on any path, it fails on one of them:

- `sum`: the totals of the paths lie between the path that takes each choice's
  smallest option and the one that takes each largest, so those two decide
  `==`, `<=`, `>=`, `<` and `>`; `!=` looks for a path whose total is the
  expected one (the distinct totals, choice by choice); a path with a value the
  vocabulary does not know is one more candidate where such a value matters;
- `covers-all`: an id is covered on every path iff the fixed courses cover it or
  every option of some choice does; otherwise the path that takes, in each
  choice, the first option not covering it lacks it;
- `any-in`: no path lacks an allowed value iff the fixed part has one or some
  choice has one in every option; otherwise the path of first such options;
- functions that judge each value on its own (`compare`, `known`, `all-in`,
  `non-empty`, `contains-all`, `exists-in`): a finding on an option is on every
  path that takes it, so one path per option that has findings.

Each candidate is then checked like any study path, by the rule's own function,
so the findings and their wording are the function's. The first path (the first
option of every choice) is always checked, for the figures of a pass message.
The cost is linear in the number of choices (and options).

A document kind's function may bring its own (`function.paths`, same
signature as the ones below; the programme's `precedes` does). A function with
no such rule is run
on the paths in order, as many as MAX_STUDY_PATHS and the value budget allow;
if none of them fails and paths are left, the engine says which path it did not
reach (`unreached`): the rule was not judged on every path.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from .checks import Context, any_in_found, compare_ops, covered_ids, field_values, sum_parts
from .selector import Match, compile_path

ROOTS = ("courses", "practice")  # the keys a study path's selectors start from
PER_VALUE = frozenset({"compare", "known", "all-in", "non-empty", "contains-all", "exists-in"})
MAX_TOTALS = 100_000  # distinct totals `!=` follows before it gives up on the shortcut


@dataclass
class Segments:
    """What a check reads, split by where it comes from: the fixed part and each option of each choice."""

    fixed: list[Match]
    options: list[list[list[Match]]]


@dataclass
class Plan:
    """The paths to check (picks -> the checks to run there), in order; the first path not reached, if any."""

    runs: dict[tuple, list] = field(default_factory=dict)
    unreached: tuple | None = None
    reached: int = 0


def plan(rule, programme, ctx: Context, selections, functions: dict, budget: tuple[int, int]) -> Plan:
    """Which study paths `rule`'s checks must be run on for a verdict on every path."""
    choices = programme.choices
    out = Plan()
    out.runs[choices.first()] = list(rule.checks)
    for check in rule.checks:
        picks = _candidates(rule, check, choices, ctx, selections, functions[check.function])
        if picks is None:
            picks = _in_order(choices, budget, out)
        for p in picks:
            checks = out.runs.setdefault(p, [])
            if check not in checks:
                checks.append(check)
    return out


def _candidates(rule, check, choices, ctx: Context, selections, function) -> list[tuple] | None:
    """The candidate paths of one check, or None if its function has no composed rule."""
    name, options = check.function, check.options
    if any(_rooted(options.get(key)) for key in ("ref", "in")):
        return None  # the expected value itself depends on the path
    own = getattr(function.run, "paths", None)  # a document kind's function may bring its own
    if own is None and name not in WITNESSES and name not in PER_VALUE:
        return None
    segments = _segments(rule, check, choices, selections)
    if own is not None:
        return own(_probe(ctx), segments, options)
    if name in PER_VALUE:
        found = []
        for c, option_matches in enumerate(segments.options):
            for j, matches in enumerate(option_matches):
                if function.run(_probe(ctx), matches, options).findings:
                    found.append(_with(choices.first(), c, j))
        return found
    return WITNESSES[name](_probe(ctx), segments, options)


def _rooted(expr: Any) -> bool:
    return isinstance(expr, str) and compile_path(expr)[0].key in ROOTS


def _probe(ctx: Context) -> Context:
    """A context for judging a part of a path: the same programme and rules, its own facts."""
    return Context(ctx.programme, ctx.ruleset, ctx.lang, ctx.as_of, {}, ctx.anchor, kind=ctx.kind, selections=ctx.selections)


def _segments(rule, check, choices, selections) -> Segments:
    fixed_courses = [m for _, m in choices.fixed]
    fixed_codes = {m.value["code"] for m in fixed_courses}

    def practice_of(codes) -> list[Match]:
        return [p for p in choices.periods if p.value.get("course") in codes]

    def read(roots: dict, whole: bool) -> list[Match]:
        found = []
        for expr in rule.given:
            if compile_path(expr)[0].key in ROOTS:
                found.extend(selections(expr, roots))
            elif whole:  # not below a path's root: the same on every path, read once with the fixed part
                found.extend(selections(expr))
        return field_values(found, check.field)

    fixed_practice = [p for p in choices.periods if p.value.get("course") is None] + practice_of(fixed_codes)
    fixed_practice.sort(key=lambda m: m.path)
    segments = Segments(read({"courses": fixed_courses, "practice": fixed_practice}, True), [])
    for options in choices.options:
        segments.options.append(
            [read({"courses": [m], "practice": practice_of({m.value["code"]} - fixed_codes)}, False) for _, m in options]
        )
    return segments


def _with(picks: tuple, c: int, j: int) -> tuple:
    return picks[:c] + (j,) + picks[c + 1 :]


def _in_order(choices, budget: tuple[int, int], out: Plan) -> list[tuple]:
    """The first paths, in the order of the options, within the budget (paths, values); the next one is unreached."""
    most_paths, most_values = budget
    size = sum(value_count(m.value) for _, m in choices.fixed) or 1
    per_option = [[value_count(m.value) for _, m in options] for options in choices.options]
    picked, values = [], 0
    for picks in itertools.product(*(range(len(options)) for options in choices.options)):
        values += size + sum(sizes[j] for sizes, j in zip(per_option, picks))
        if len(picked) >= most_paths or values > most_values:
            out.unreached = out.unreached if out.unreached is not None else picks
            break
        picked.append(picks)
    out.reached = max(out.reached, len(picked)) if out.unreached is not None else out.reached
    return picked


def value_count(value: Any) -> int:
    """The values in `value`, itself included (a course: its code, name, outcomes, ...): the work of reading it."""
    if isinstance(value, dict):
        return 1 + sum(value_count(v) for v in value.values())
    if isinstance(value, list):
        return 1 + sum(value_count(v) for v in value)
    return 1


# --- the composed rules, one per function -------------------------------------------------


def _sum(ctx: Context, segments: Segments, options: dict) -> list[tuple] | None:
    fixed = sum_parts(ctx, segments.fixed, options)
    parts = [[sum_parts(ctx, matches, options) for matches in option] for option in segments.options]
    totals = [[total for total, _ in option] for option in parts]
    low = tuple(min(range(len(t)), key=t.__getitem__) for t in totals)
    high = tuple(max(range(len(t)), key=t.__getitem__) for t in totals)
    op = options.get("op", "==")
    found = [low, high]
    if op == "!=":
        hit = _total_of(fixed[0], totals, ctx.resolve(options))
        if hit is None:
            return None  # too many distinct totals to follow: the paths in order instead
        if hit:
            found.append(hit)
    if op not in (">=", ">"):  # a value `where` cannot judge is a finding on every path it is on
        first = tuple(0 for _ in totals)
        found += [_with(first, c, j) for c, option in enumerate(parts) for j, (_, unjudged) in enumerate(option) if unjudged][:1]
    return found


def _total_of(start: Fraction, totals: list[list[Fraction]], wanted: Any) -> tuple | bool | None:
    """A path whose total is `wanted`, from the distinct totals choice by choice; False if none, None if too many."""
    if wanted is None:
        return False
    reach: dict[Fraction, tuple] = {start: ()}
    for option in totals:
        nxt: dict[Fraction, tuple] = {}
        for total, picks in reach.items():
            for j, t in enumerate(option):
                nxt.setdefault(total + t, picks + (j,))
        if len(nxt) > MAX_TOTALS:
            return None
        reach = nxt
    for total, picks in reach.items():
        if compare_ops["=="](total, wanted):
            return picks
    return False


def _first_lacking(fixed_has, options_have) -> tuple | None:
    """The path of each choice's first option without it, if the fixed part lacks it and every choice has such an option."""
    if fixed_has:
        return None
    picks = []
    for option in options_have:
        j = next((j for j, has in enumerate(option) if not has), None)
        if j is None:
            return None
        picks.append(j)
    return tuple(picks)


def _covers_all(ctx: Context, segments: Segments, options: dict) -> list[tuple]:
    fixed = covered_ids(ctx, segments.fixed, options)
    per_option = [[covered_ids(ctx, matches, options) for matches in option] for option in segments.options]
    vocab = ctx.vocabulary(options["vocabulary"])
    for ident in vocab.ids:
        picks = _first_lacking(ident in fixed, [[ident in named for named in option] for option in per_option])
        if picks is not None:
            return [picks]
    return []


def _any_in(ctx: Context, segments: Segments, options: dict) -> list[tuple]:
    picks = _first_lacking(
        any_in_found(ctx, segments.fixed, options), [[any_in_found(ctx, matches, options) for matches in option] for option in segments.options]
    )
    return [] if picks is None else [picks]


WITNESSES = {"sum": _sum, "covers-all": _covers_all, "any-in": _any_in}
