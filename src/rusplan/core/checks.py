"""The check functions rules are written with, each declared once in a registry.

A rule says *where* (``given``) and *which function with which options*
(``then``).  A function receives the matches and returns an
:class:`Outcome`: its findings (one per thing wrong, with the figures the
message needs) and its facts (figures found even when nothing failed, for
the rule's ``pass_message``).  It never formats a sentence, never prints and
never writes into anything shared; the engine words the findings with the
rule's own messages.

How to declare a function
-------------------------
Decorate it with :func:`register`; that is the only list of functions
(the rules meta-schema's ``function`` enum and per-function ``options``
schemas, and the reference in docs/rules.md, are generated from it by
``python -m rusplan.schema.generate``; tests/test_registry.py keeps them in step)::

    @register(
        "count-in",                       # the name rules write in `then.function`
        input=("string", "number"),       # JSON types of the values it judges: a `given` selecting
                                          # anything else (an object, a list) is refused at load
        options=takes(                    # JSON Schema of `then.options` (no other keys), checked when a rules file loads
            {
                "vocabulary": VOCABULARY,          # x-vocabulary: must be a declared vocabulary
                "where": WHERE,                    # x-where: keys are properties of its entries
                "op": OP, "value": {"type": "number"},
            },
            "vocabulary",                         # the required ones
        ),
        reports={                         # placeholder names each message may use ({section} always)
            "fail": ("actual", "expected"),   # the rule's `message` (and a check's own `message`)
            "pass": ("actual",),              # the rule's `pass_message`: Outcome.facts
        },
    )
    def count_in(ctx: Context, matches: list[Match], options: dict) -> Outcome:
        \"\"\"One line for docs/rules.md.

        More lines, also shown there.
        \"\"\"
        ...
        return Outcome([Finding(ctx.anchor, {"actual": n, "expected": want})] if bad else [], {"actual": n})

Rules for a function:
- every option it reads is in `options` (unknown options are refused), with
  ``required`` for the ones it cannot do without; never ``options["x"]`` on
  an option that is not required;
- every key of a Finding's `params` that a message may show, and every key
  of `facts`, is in `reports` under the message code ("fail", or the
  `code` given to Finding, e.g. "empty", "missing"); a rules-file message
  naming anything else is refused at load;
- a message code that only some options produce is named in `only_with`
  (``{"empty": "non_empty"}``), so a rule without that option needs no
  message for it;
- options that name things in the rules file or the document say so with
  the annotations below, so they are checked at load, not at the first
  programme that happens to reach them:

  ``x-vocabulary``       the value names a vocabulary of the rules file;
  ``x-path``             the value is a document path, resolved against the
                         document kind's JSON Schema (a path that can never
                         match is an error);
  ``x-field``            a key of the matched objects (``given.<value>`` must
                         resolve, as for `sum`'s ``field``);
  ``x-where``            an object whose keys are properties of the entries
                         of the vocabulary named by the sibling option
                         ``vocabulary``;
  ``x-property``         a property of those entries (e.g. ``group_by``);
  ``x-ids``              a list of ids: ``{"option": "vocabulary"}`` of the
                         vocabulary named by that sibling option, or
                         ``{"vocabulary": "areas"}`` of a fixed one;
  ``x-object-where``     an object whose keys are keys of the matched objects
                         (checked against the kind's schema) and whose
                         values are a value or ``{vocabulary, where}``;
  ``x-message``          a message (nb/nn/en) carried in the options, checked
                         against ``reports[<value>]``;
  ``x-compared``         the value is compared with the matched values: its
                         type must be one the kind's schema allows there.
- `cross_check(options, site)` is for anything else that can be checked at
  load (a date that does not exist, a term the rules file cannot read); it
  returns ``[(path inside options, problem), ...]``.

Then run ``python -m rusplan.schema.generate`` (meta-schemas and docs), and
add tests named ``test_<name>_...`` (``count_in`` for ``count-in``) to
tests/test_checks.py, with a passing and a failing case; a test there fails
for a registered function without them.

A document kind contributes its own functions the same way, with
``into=FUNCTIONS`` of its own checks module, which its hooks module exports
(see rusplan.kinds): they are offered only to rules files of that kind, and
the kind's part of the rules meta-schema lists them.
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
from .dates import month_number, month_text

if TYPE_CHECKING:
    from .ruleset import Vocabulary


def exact(value: Any) -> Any:
    """A number as the person wrote it, exactly: 4.3 is 43/10, not the nearest binary float."""
    if isinstance(value, float):
        return Fraction(repr(value))
    return value


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
class Outcome:
    """What a function returns: its findings, and figures for the pass message."""

    findings: list[Finding] = field(default_factory=list)
    facts: dict = field(default_factory=dict)


@dataclass
class Context:
    """What a check function may look at besides its matches (read-only)."""

    programme: Any  # the document's model
    ruleset: Any  # ruleset.Ruleset
    lang: str
    as_of: dt.date
    roots: dict  # per-path overrides for `select`
    anchor: tuple  # where a finding about the whole selection points
    kind: Any = None  # the document kind (rusplan.kinds.Kind): its vocabulary maps
    selections: Any = None  # selector.Selections of the document: `select` memoised

    def select(self, expr: str) -> list[Match]:
        if self.selections is not None:
            return self.selections(expr, self.roots)
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


Run = Callable[[Context, list, dict], Outcome]


@dataclass(frozen=True)
class Function:
    """A registered check function: what rules may write and what its messages may say."""

    name: str
    run: Run
    options: dict  # JSON Schema of `then.options`
    reports: dict  # message code -> placeholder names ("pass": the facts)
    cross_check: Callable | None = None
    only_with: dict = field(default_factory=dict)  # message code -> the option without which it never occurs
    input: tuple = ()  # the JSON types of the values it judges (what `given`/`field` select); () for any

    @property
    def doc(self) -> str:
        import inspect

        return inspect.getdoc(self.run) or ""


FUNCTIONS: dict[str, Function] = {}

NO_OPTIONS: dict = {"type": "object", "additionalProperties": False, "properties": {}}


def register(
    name: str,
    *,
    reports: dict,
    input: tuple = (),
    options: dict | None = None,
    cross_check: Callable | None = None,
    only_with: dict | None = None,
    into: dict | None = None,
):
    """Declare a check function (see the module docstring); a name is declared once.

    Generic functions go into FUNCTIONS; a document kind passes `into=` its
    own dict (its hooks' FUNCTIONS), offered only to rules files of the kind.
    """
    table = FUNCTIONS if into is None else into

    def add(run: Run) -> Run:
        if name in table or name in FUNCTIONS:
            raise ValueError(f"check function '{name}' is declared twice")
        reported = {k: tuple(v) for k, v in reports.items()}
        table[name] = Function(name, run, options or NO_OPTIONS, reported, cross_check, dict(only_with or {}), tuple(input))
        return run

    return add


# --- option schemas shared by several functions ---------------------------------------

_OPS: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
}
compare_ops = _OPS
OP = {"enum": list(_OPS), "description": "comparison, default =="}
VALUE = {"type": ["number", "string", "boolean"], "x-compared": True, "description": "the expected value"}
PATH = {"$ref": "#/$defs/path", "x-path": True}
REF = dict(PATH, description="a document path whose value is the expected value")
VOCABULARY = {"type": "string", "minLength": 1, "x-vocabulary": True, "description": "a vocabulary of the rules file"}
WHERE = {
    "type": "object",
    "additionalProperties": {"type": ["boolean", "string", "number"]},
    "x-where": True,
    "description": "only the entries whose properties have these values",
}
# Values a function judges (`input`): an id or spelling; any scalar.
ID = ("string", "integer")
SCALAR = ("string", "number", "boolean")
# `value` or `ref`, exactly one
EXPECTED = [{"required": ["value"]}, {"required": ["ref"]}]


def takes(properties: dict, *required: str, **more) -> dict:
    """The JSON Schema of a function's options: these properties and no others."""
    schema = {"type": "object", "additionalProperties": False, "properties": properties, **more}
    if required:
        schema["required"] = list(required)
    return schema


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) or type(value).__name__ == "Fraction"


def _flat(matches: list[Match]) -> list[Match]:
    """Matches with a split list item ("A/B", a tuple) as one match per value, at the item's place."""
    out = []
    for m in matches:
        if isinstance(m.value, tuple):
            out.extend(Match(v, m.path) for v in m.value)
        else:
            out.append(m)
    return out


def unrecognised(ctx: Context, vocab: Vocabulary, value: Any, path: tuple) -> Finding:
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


def _indexed(value: Any) -> list[tuple[int | None, Any]]:
    """(index in the list, value) for each value of a list (split items keep their index); index None for a scalar."""
    if value is MISSING or value is None:
        return []
    if not isinstance(value, list):
        return [(None, value)]
    return [(i, v) for i, item in enumerate(value) for v in (item if isinstance(item, tuple) else (item,))]


def _values(value: Any) -> list:
    return [v for _, v in _indexed(value)]


# --- the generic functions -----------------------------------------------------------


@register(
    "compare",
    input=SCALAR,
    options=takes({"op": OP, "value": VALUE, "ref": REF}, oneOf=EXPECTED),
    reports={"fail": ("actual", "expected", "op"), "pass": ("actual", "expected")},
)
def compare(ctx: Context, matches: list[Match], options: dict) -> Outcome:
    """Each value `op` the expected value (`value` or the value at `ref`)."""
    expected = ctx.resolve(options)
    op = _OPS[options.get("op", "==")]
    out = Outcome()
    for m in matches:
        if m.value is MISSING:
            continue
        out.facts.update(actual=exact(m.value), expected=exact(expected))
        try:
            ok = op(exact(m.value), exact(expected))
        except TypeError:
            ok = False
        if not ok:
            out.findings.append(Finding(m.path, {"actual": exact(m.value), "expected": exact(expected), "op": options.get("op", "==")}))
    return out


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


@register(
    "sum",
    input=("object",),
    options=takes(
        {
            "field": {"type": "string", "minLength": 1, "x-field": True, "description": "the key of the matched objects to add up"},
            "op": OP,
            "value": {"type": "number", "description": "the expected total"},
            "ref": REF,
            "where": {
                "type": "object",
                "x-object-where": True,
                "description": "only the objects whose keys have these values; {vocabulary, where} for a value read through a vocabulary",
                "additionalProperties": {
                    "oneOf": [{"type": ["boolean", "string", "number"]}, takes({"vocabulary": VOCABULARY, "where": WHERE}, "vocabulary")]
                },
            },
        },
        "field",
        oneOf=EXPECTED,
    ),
    reports={"fail": ("actual", "expected", "op"), "pass": ("actual", "expected")},
)
def sum_(ctx: Context, matches: list[Match], options: dict) -> Outcome:
    """The sum of `field` over the matched objects (filtered by `where`) `op` the expected value.

    An object that `where` cannot judge (a vocabulary does not know its
    value) is left out; if the sum then fails, the rule could not judge it
    and says so, rather than that the requirement is unmet.  With `>=` or
    `>`, a sum that passes without them passes.
    """
    op = options.get("op", "==")
    total, unjudged = sum_parts(ctx, matches, options)
    expected = ctx.resolve(options)
    facts = {"actual": total, "expected": exact(expected)}
    passed = _is_number(expected) and _OPS[op](total, exact(expected))
    if unjudged and not (passed and op in (">=", ">")):
        return Outcome(unjudged, facts)
    if not passed:
        return Outcome([Finding(ctx.anchor, {"actual": total, "expected": exact(expected), "op": op})], facts)
    return Outcome([], facts)


def sum_parts(ctx: Context, matches: list[Match], options: dict) -> tuple[Any, list[Finding]]:
    """The total of `field` over the matches `where` admits, and a Finding for each it cannot judge."""
    name = options["field"]
    total, unjudged = exact(0), []
    for m in matches:
        ok = _where(ctx, m, options.get("where"))
        if isinstance(ok, Finding):
            unjudged.append(ok)
        elif ok and isinstance(m.value, dict) and _is_number(m.value.get(name)):
            total += exact(m.value[name])
    return total, unjudged


def covered_ids(ctx: Context, matches: list[Match], options: dict) -> set:
    """The ids of `vocabulary` the values name (through the document kind's map, if it has one)."""
    vocab = ctx.vocabulary(options["vocabulary"])
    named = {m.value for m in matches}
    mapping = ctx.kind.vocabulary_maps.get(vocab.name) if ctx.kind is not None else None
    if mapping is not None:
        named = {found for v in named if (found := mapping(ctx.ruleset, v)) is not None}
    return named


def any_in_found(ctx: Context, matches: list[Match], options: dict) -> bool:
    """Whether a value is an id of `vocabulary` that `where` admits (what `any-in` asks of a path)."""
    allowed = set(ctx.vocabulary(options["vocabulary"]).select(options.get("where")))
    return any(m.value in allowed for m in _flat(matches))


def field_values(matches: list[Match], field: str | None) -> list[Match]:
    """The matched objects' `field` (a rule's `field:`), MISSING where an object lacks it."""
    if field is None:
        return matches
    return [
        Match(m.value[field], m.path + (field,)) if isinstance(m.value, dict) and field in m.value else Match(MISSING, m.path)
        for m in matches
    ]


@register(
    "covers-all",
    input=ID,
    options=takes(
        {
            "vocabulary": VOCABULARY,
            "group_by": {"type": "string", "minLength": 1, "x-property": True, "description": "list the missing entries grouped by this property"},
            "group_labels": dict(VOCABULARY, description="the vocabulary whose labels name the groups"),
        },
        "vocabulary",
    ),
    reports={"fail": ("missing", "count"), "pass": ("covered", "total")},
)
def covers_all(ctx: Context, matches: list[Match], options: dict) -> Outcome:
    """Every entry of `vocabulary` is named among the values.

    A document kind may map values to the vocabulary's ids (the programme:
    an outcome id names its competence area, for `areas`).
    """
    vocab = ctx.vocabulary(options["vocabulary"])
    named = covered_ids(ctx, matches, options)
    missing = [i for i in vocab.ids if i not in named]
    facts = {"covered": len(vocab.ids) - len(missing), "total": len(vocab.ids)}
    if not missing:
        return Outcome([], facts)
    group = options.get("group_by")
    if group:
        labels = ctx.vocabulary(options["group_labels"]) if "group_labels" in options else None
        parts = []
        for key, ids in _group(missing, lambda i: str(vocab.by_id[i].get(group, ""))):
            parts.append(f"{labels.label(key, ctx.lang) if labels else key}: {', '.join(ids)}")
        text = "; ".join(parts)
    else:
        text = ctx.labels(vocab, missing)
    return Outcome([Finding(ctx.anchor, {"missing": text, "count": len(missing), "missing_ids": missing})], facts)


def _group(items, key):
    groups: dict = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups.items()


@register(
    "known",
    input=ID,
    options=takes({"vocabulary": VOCABULARY}, "vocabulary"),
    reports={"fail": ("value", "suggestion")},
)
def known(ctx: Context, matches: list[Match], options: dict) -> Outcome:
    """Each value is an id of `vocabulary`; the nearest id is suggested."""
    vocab = ctx.vocabulary(options["vocabulary"])
    findings = []
    for m in matches:
        if m.value in vocab.by_id:
            continue
        close = closest(str(m.value), vocab.ids, cutoff=0.5)
        suggestion = messages.text("nearest", ctx.lang, best=close) if close else ""
        findings.append(Finding(m.path, {"value": m.value, "suggestion": suggestion}))
    return Outcome(findings)


@register(
    "any-in",
    input=ID,
    options=takes({"vocabulary": VOCABULARY, "where": WHERE}, "vocabulary"),
    reports={"fail": ("found",), "pass": ("found",)},
)
def any_in(ctx: Context, matches: list[Match], options: dict) -> Outcome:
    """At least one value is an id of `vocabulary` (restricted by `where`)."""
    vocab = ctx.vocabulary(options["vocabulary"])
    allowed = set(vocab.select(options.get("where")))
    matches = _flat(matches)
    values = [m.value for m in matches]
    # Named by the vocabulary's label in the report's language ("casearbeid"), not by id.
    facts = {"found": ", ".join(sorted({_label(vocab, v, ctx.lang) for v in values if v in allowed}))}
    if any(v in allowed for v in values):
        return Outcome([], facts)
    unknown = [unrecognised(ctx, vocab, m.value, m.path) for m in matches if m.value not in vocab.by_id]
    if unknown:
        return Outcome(unknown, facts)  # one of them may be the allowed value, written in a way rusplan does not know
    found = ", ".join(sorted({_label(vocab, v, ctx.lang) for v in values})) or "–"
    return Outcome([Finding(ctx.anchor, {"found": found})], facts)


def _label(vocab: Vocabulary, value: Any, lang: str) -> str:
    return vocab.label(value, lang) if isinstance(value, str) and value in vocab.by_id else str(value)


@register(
    "all-in",
    input=ID + ("array",),
    options=takes(
        {
            "vocabulary": VOCABULARY,
            "where": WHERE,
            "non_empty": {"type": "boolean", "description": "an empty or missing list is a finding too (message key `empty`)"},
        },
        "vocabulary",
    ),
    reports={"fail": ("value", "label", "allowed"), "empty": ("allowed",)},
    only_with={"empty": "non_empty"},
)
def all_in(ctx: Context, matches: list[Match], options: dict) -> Outcome:
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
    return Outcome(findings)


@register("non-empty", reports={"fail": ()})
def non_empty(ctx: Context, matches: list[Match], options: dict) -> Outcome:
    """Each value is present and not empty."""
    return Outcome([Finding(m.path) for m in matches if not _values(m.value)])


@register(
    "contains-all",
    input=("array",),
    options=takes(
        {
            "vocabulary": VOCABULARY,
            "values": {
                "type": "array",
                "minItems": 1,
                "items": {"type": ["string", "integer"]},
                "x-ids": {"option": "vocabulary"},
                "description": "the ids every list must contain (default: every id of `vocabulary`, restricted by `where`)",
            },
            "where": WHERE,
        },
        "vocabulary",
    ),
    reports={"fail": ("missing",)},
)
def contains_all(ctx: Context, matches: list[Match], options: dict) -> Outcome:
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
    return Outcome(findings)


@register(
    "exists-in",
    input=ID,
    options=takes({"in": dict(PATH, description="the document path whose values the value must be among")}, "in"),
    reports={"fail": ("value",), "missing": ()},
)
def exists_in(ctx: Context, matches: list[Match], options: dict) -> Outcome:
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
    return Outcome(findings)


# --- functions over lists of objects and dates ------------------------------------------
# count-in (how many values fall in a set), total (of a field, and of parts of it),
# max-gap (between consecutive dates), first-before (the order of groups),
# allowed-per-entry (each listed value allows its entry's key).

FIELD = {"type": "string", "minLength": 1, "x-field": True, "description": "the key of the matched objects to read"}
PROPERTY = {"type": "string", "minLength": 1, "description": "a property of the entries of `key_vocabulary`"}
GROUPS = {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}}
LABELS = dict(VOCABULARY, description="the vocabulary whose labels name the groups in messages")
OBJECT_FILTER = {
    "type": "object",
    "x-object-where": True,
    "additionalProperties": {"type": ["boolean", "string", "number"]},
    "description": "only the matched objects whose keys have these values",
}
# sum's `where`: a value, or {vocabulary, where} for a value read through a vocabulary
OBJECT_WHERE = {
    "type": "object",
    "x-object-where": True,
    "description": "only the objects whose keys have these values; {vocabulary, where} for a value read through a vocabulary",
    "additionalProperties": {
        "oneOf": [
            {"type": ["boolean", "string", "number"]},
            {"type": "object", "additionalProperties": False, "required": ["vocabulary"], "properties": {"vocabulary": VOCABULARY, "where": WHERE}},
        ]
    },
}
GROUPED = {  # the options of functions that group objects by a key read through a vocabulary
    "key": dict(FIELD, description="the key of the matched objects that names their group"),
    "key_vocabulary": dict(VOCABULARY, description="the vocabulary the key's value is an id of"),
    "key_property": PROPERTY,
    "labels": LABELS,
}


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


COUNT_FACTS = ("count", "expected", "total", "found", "missing")


@register(
    "count-in",
    options={
        "type": "object",
        "additionalProperties": False,
        "required": ["vocabulary"],
        "properties": {
            "vocabulary": VOCABULARY,
            "where": WHERE,
            "values": {"type": "array", "minItems": 1, "items": {"type": "string"}, "x-ids": {"option": "vocabulary"}, "description": "the set, instead of `where`"},
            "field": FIELD,
            "filter": OBJECT_FILTER,
            "op": dict(OP, description="comparison, default >="),
            "value": {"type": "integer", "minimum": 0, "description": "how many; default: the whole set"},
        },
    },
    reports={"fail": COUNT_FACTS, "pass": COUNT_FACTS},
)
def count_in(ctx: Context, matches: list[Match], options: dict) -> Outcome:
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
    facts = {
        "count": len(found),
        "expected": expected,
        "total": len(wanted),
        "found": _labels(ctx, options["vocabulary"], found) or "–",
        "missing": _labels(ctx, options["vocabulary"], missing) or "–",
    }
    if _OPS[options.get("op", ">=")](len(found), expected):
        return Outcome([], facts)
    unknown = [unrecognised(ctx, vocab, m.value, m.path) for m in values if m.value not in vocab.by_id]
    if unknown:
        return Outcome(unknown, facts)
    return Outcome([Finding(ctx.anchor, dict(facts, missing_ids=missing))], facts)


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


PART = {
    "type": "object",
    "additionalProperties": False,
    "required": ["where", "value"],
    "properties": {"where": OBJECT_WHERE, "op": OP, "value": {"type": "number"}},
}
TOTAL_FACTS = ("actual", "expected", "counted", "added", "part1_actual", "part1_expected", "part2_actual", "part2_expected")


@register(
    "total",
    options={
        "type": "object",
        "additionalProperties": False,
        "required": ["field"],
        "properties": {
            "field": dict(FIELD, description="the key of the matched objects to add up"),
            "where": OBJECT_WHERE,
            "op": OP,
            "value": {"type": "number", "description": "the expected value"},
            "ref": REF,
            "add": {"type": "array", "items": PATH, "description": "paths of numbers added to the total"},
            "parts": {"type": "array", "maxItems": 2, "items": PART, "description": "parts of the total, each judged on its own"},
            "locate": {"enum": ["first", "list"], "description": "point at the first counted object (default) or at the list"},
        },
        "oneOf": EXPECTED,
    },
    reports={"fail": TOTAL_FACTS + ("op",), "pass": TOTAL_FACTS},
)
def total(ctx: Context, matches: list[Match], options: dict) -> Outcome:
    """The total of `field` over the matched objects passing `where` (plus the numbers at the `add` paths) `op` the expected value.

    Each of `parts` (``{where, op, value}``, at most two) is the total over the
    objects that also pass the part's `where`, judged the same way; its figures
    are reported as ``part1_actual``/``part1_expected`` and ``part2_...``.  The
    finding points at the first counted object (``locate: first``, the default)
    or at the list (``locate: list``).  As with ``sum``, an object whose `where`
    value a vocabulary does not know is left out, and reported as unrecognised
    unless the total passes without it under ``>=`` or ``>``.
    """
    name, op = options["field"], options.get("op", "==")
    counted, unjudged, first = _sum(ctx, matches, name, options.get("where"))
    added = sum((Fraction(exact(m.value)) for p in options.get("add", []) for m in ctx.select(p) if _numeric(m.value)), Fraction(0))
    actual = counted + added
    expected = ctx.resolve(options)
    facts = {"actual": actual, "expected": exact(expected), "counted": counted, "added": added}
    passed = _numeric(expected) and _OPS[op](actual, exact(expected))
    for index, part in enumerate(options.get("parts", []), 1):
        where = dict(options.get("where") or {}, **part["where"])
        part_total, part_unjudged, _ = _sum(ctx, matches, name, where)
        unjudged += [f for f in part_unjudged if f.path not in {u.path for u in unjudged}]
        facts[f"part{index}_actual"] = part_total
        facts[f"part{index}_expected"] = exact(part["value"])
        passed = passed and _OPS[part.get("op", op)](part_total, exact(part["value"]))
    if unjudged and not (passed and op in (">=", ">")):
        return Outcome(unjudged, facts)
    if passed:
        return Outcome([], facts)
    at = first.path if first is not None and options.get("locate", "first") == "first" else ctx.anchor
    return Outcome([Finding(at, dict(facts, op=op))], facts)


def _point(ctx: Context, path: str) -> tuple[int, str, tuple] | None:
    found = ctx.select(path)
    if not found:
        return None
    month = month_number(found[0].value)
    return (month, month_text(month), found[0].path) if month is not None else None


GAP_FACTS = ("gap", "expected", "after", "before", "count")


@register(
    "max-gap",
    options={
        "type": "object",
        "additionalProperties": False,
        "required": ["value"],
        "properties": {
            "field": FIELD,
            "from": dict(PATH, description="a date that starts the series (the start of a position)"),
            "until": dict(PATH, description="a date that ends it (the end of a plan)"),
            "op": dict(OP, description="comparison, default <="),
            "value": {"type": "integer", "minimum": 0, "description": "months"},
        },
    },
    reports={"fail": GAP_FACTS, "pass": ("gap", "expected", "count"), "none": ("expected", "count"), "unreadable": ("value",)},
)
def max_gap(ctx: Context, matches: list[Match], options: dict) -> Outcome:
    """The largest gap in months between consecutive dates `op` `value` (default ``<=``).

    Dates are ``YYYY-MM`` or ``YYYY-MM-DD`` (compared by month).  `from` and
    `until` name paths of dates that bound the series (the start of a position,
    the end of a plan), so that a long wait before the first date or after the
    last one counts too.  The finding points at the date after the gap (or at
    the last date, for a gap up to `until`); code ``none`` when there is no
    date at all, ``unreadable`` for a date it cannot read.
    """
    points = []
    for m in _field_values(matches, options.get("field"), None):
        month = month_number(m.value)
        if month is None:
            return Outcome([Finding(m.path, {"value": m.value}, code="unreadable")])
        points.append((month, month_text(month), m.path))
    own = list(points)
    for key in ("from", "until"):
        if key in options and (bound := _point(ctx, options[key])) is not None:
            points.append(bound)
    points.sort(key=lambda p: p[0])
    expected = options["value"]
    if len(points) < 2:
        facts = {"gap": 0, "expected": expected, "count": len(own)}
        return Outcome([] if own else [Finding(ctx.anchor, {"expected": expected, "count": 0}, code="none")], facts)
    gap, after, before = max(((b[0] - a[0], a, b) for a, b in zip(points, points[1:])), key=lambda g: g[0])
    facts = {"gap": gap, "expected": expected, "after": after[1], "before": before[1], "count": len(own)}
    if _OPS[options.get("op", "<=")](gap, expected):
        return Outcome([], facts)
    own_paths = {p[2] for p in own}
    at = before[2] if before[2] in own_paths else (max(own, key=lambda p: p[0])[2] if own else ctx.anchor)
    return Outcome([Finding(at, dict(facts))], facts)


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


@register(
    "first-before",
    options={
        "type": "object",
        "additionalProperties": False,
        "required": ["field", "key", "earlier", "later"],
        "properties": {
            "field": dict(FIELD, description="the key holding each object's start (a date)"),
            **GROUPED,
            "earlier": dict(GROUPS, description="the groups that should start first"),
            "later": dict(GROUPS, description="the groups that should start after them"),
        },
    },
    reports={"fail": ("earlier", "earlier_start", "later", "later_start")},
)
def first_before(ctx: Context, matches: list[Match], options: dict) -> Outcome:
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
        return Outcome(_unknown_keys(ctx, matches, options))
    (start, group), (end, later_group) = min(starts), min(ends)
    if start <= end:
        return Outcome(_unknown_keys(ctx, matches, options))
    labels = options.get("labels")
    params = {
        "earlier": _labels(ctx, labels, [group]),
        "earlier_start": month_text(start),
        "later": _labels(ctx, labels, [later_group]),
        "later_start": month_text(end),
    }
    return Outcome([Finding(first[group][1] + (options["field"],), params)])


@register(
    "allowed-per-entry",
    options={
        "type": "object",
        "additionalProperties": False,
        "required": ["field", "key", "vocabulary", "property"],
        "properties": {
            "field": dict(FIELD, description="the key holding each object's list of values"),
            **GROUPED,
            "vocabulary": dict(VOCABULARY, description="the vocabulary the values are ids of"),
            "property": {"type": "string", "minLength": 1, "x-property": True, "description": "the property of a value's entry that lists the groups it allows"},
        },
    },
    reports={"fail": ("value", "key", "allowed")},
)
def allowed_per_entry(ctx: Context, matches: list[Match], options: dict) -> Outcome:
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
                findings.append(Finding(m.path + (options["field"], i), {"value": value, "key": key_label, "allowed": _labels(ctx, labels, allowed) or "–"}))
    return Outcome(findings)


def registry(kind: Any = None) -> dict[str, Function]:
    """The functions rules of `kind` (a rusplan.kinds.Kind) may use: the generic ones and the kind's own.

    Without a kind, the generic ones only.
    """
    return {**FUNCTIONS, **kind.functions} if kind is not None else FUNCTIONS
