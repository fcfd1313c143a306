"""What the meta-schema cannot see in a rules file: its rules against the function registry and the document kind.

Run when a rules file loads, after the meta-schema (which already checked
each function's options against the JSON Schema it was registered with).
Checked here, so that no rules file that gets past `rusplan rules validate`
can crash a check or judge nothing:

- every path (`given`, a check's `field`, `ref`/`in` options, `scope.path`,
  `normalise`) can match something in a document of the kind (schemapaths);
- options that name vocabularies, their entries' properties or ids, or
  keys of the matched objects name things that exist (the x- annotations of
  the function's options schema, see checks.py);
- `scope.in` values are ids of the vocabulary that reads the scope path;
- every message is a plain template (template.py) naming only placeholders
  the function reports for that message, and every message a check can
  produce exists;
- the function's own `cross_check`.

Each problem is (path in the rules file, English sentence for its author).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .checks import Function, registry
from ..schema.paths import PathError, resolve, types
from .template import TemplateError, fields

LANGS = ("nb", "nn", "en")
ALWAYS = ("section",)  # a placeholder every message may use: the rule's §


@dataclass
class Site:
    """What a function's `cross_check` may look at: the rules file's vocabularies and settings, the kind's schema."""

    vocabularies: dict
    settings: dict
    schema: dict  # the JSON Schema of the documents the rules judge
    kind: Any = None  # the rusplan.kinds.Kind the rules file declares


def problems(data: dict, site: Site) -> list[tuple[tuple, str]]:
    out: list[tuple[tuple, str]] = []
    out += _scope(data, site)
    for name, spec in data.get("vocabularies", {}).items():
        for index, expr in enumerate(spec.get("normalise", [])):
            out += _path(site, expr, ("vocabularies", name, "normalise", index))
    for index, rule in enumerate(data.get("rules", [])):
        out += _rule(rule, ("rules", index), site)
    return out


def _path(site: Site, expr: str, at: tuple) -> list[tuple[tuple, str]]:
    try:
        resolve(site.schema, expr)
    except PathError as exc:
        return [(at, f"path '{expr}' can never match: {exc}")]
    return []


def _scope(data: dict, site: Site) -> list[tuple[tuple, str]]:
    scope = data.get("scope")
    if not scope:
        return []
    out = _path(site, scope["path"], ("scope", "path"))
    for vocab in site.vocabularies.values():
        if scope["path"] in vocab.normalise:
            for index, value in enumerate(scope["in"]):
                if str(value) not in vocab.by_id:
                    out.append((("scope", "in", index), _not_an_id(value, vocab)))
    return out


def _not_an_id(value: Any, vocab) -> str:
    from .similar import closest

    best = closest(str(value), vocab.ids, cutoff=0.6)
    hint = f"; did you mean '{best}'?" if best else f" ({', '.join(vocab.ids)})"
    return f"'{value}' is not an id of vocabulary '{vocab.name}'{hint}"


def _properties(vocab) -> set[str]:
    return {key for entry in vocab.entries for key in entry}


def _rule(rule: dict, at: tuple, site: Site) -> list[tuple[tuple, str]]:
    FUNCTIONS = registry(site.kind)
    out: list[tuple[tuple, str]] = []
    given = rule["given"] if isinstance(rule["given"], list) else [rule["given"]]
    for index, expr in enumerate(given):
        out += _path(site, expr, at + (("given", index) if isinstance(rule["given"], list) else ("given",)))
    single = not isinstance(rule["then"], list)
    checks = [rule["then"]] if single else rule["then"]
    used_codes: dict[str, list[Function]] = {}
    for index, check in enumerate(checks):
        c_at = at + (("then",) if single else ("then", index))
        function = FUNCTIONS.get(check["function"])
        if function is None:
            continue  # the meta-schema named it
        options = check.get("options", {})
        targets = [f"{g}.{check['field']}" for g in given] if check.get("field") else given
        if check.get("field"):
            for expr in targets:
                out += [(c_at + ("field",), msg) for _, msg in _path(site, expr, ())]
        given_at = [at + (("given", i) if isinstance(rule["given"], list) else ("given",)) for i in range(len(given))]
        places = [c_at + ("field",)] * len(targets) if check.get("field") else given_at
        out += _input(function, list(zip(targets, places)), site)
        out += _options(function, function.options, options, c_at + ("options",), options, site, targets)
        if function.cross_check:
            out += [(c_at + ("options",) + path, msg) for path, msg in function.cross_check(options, site)]
        for code, names in function.reports.items():
            if code == "pass" or (code in function.only_with and not options.get(function.only_with[code])):
                continue
            used_codes.setdefault(code, []).append(function)
            if code == "fail" and check.get("message"):
                out += _message(check["message"], c_at + ("message",), names)
                continue
            template_at = at + ("message",) if code == "fail" else at + ("messages", code)
            template = rule.get("message") if code == "fail" else rule.get("messages", {}).get(code)
            if template is None and code != "fail" and "message" in rule:
                template, template_at = rule["message"], at + ("message",)  # the engine falls back to it
            if template is None:
                out.append((c_at, f"rule '{rule['id']}': check '{function.name}' can report '{code}', and the rule has no message for it"))
            else:
                out += _message(template, template_at, names)
    for code in rule.get("messages", {}):
        if code not in used_codes:
            reported = sorted({c for f in (FUNCTIONS.get(c["function"]) for c in checks) if f for c in f.reports if c not in ("fail", "pass")})
            out.append((at + ("messages", code), f"message '{code}' is never used: its checks report {', '.join(reported) or 'no other message'}"))
    if "pass_message" in rule:
        facts = [n for c in checks if c["function"] in FUNCTIONS for n in FUNCTIONS[c["function"]].reports.get("pass", ())]
        out += _message(rule["pass_message"], at + ("pass_message",), facts)
    return out


def _message(message: dict, at: tuple, names) -> list[tuple[tuple, str]]:
    allowed = set(names) | set(ALWAYS)
    out = []
    for lang in LANGS:
        text = message.get(lang)
        if text is None:
            continue
        try:
            used = fields(text)
        except TemplateError as exc:
            out.append((at + (lang,), f"message: {exc}"))
            continue
        for name in used:
            if name not in allowed:
                from .similar import closest

                best = closest(name, sorted(allowed), cutoff=0.6)
                hint = f"did you mean {{{best}}}? " if best else ""
                out.append((at + (lang,), f"message names {{{name}}}, which this check does not report; {hint}it reports {', '.join('{' + n + '}' for n in sorted(allowed))}"))
    return out


def _options(function: Function, schema: Any, value: Any, at: tuple, siblings: dict, site: Site, targets: list[str]) -> list[tuple[tuple, str]]:
    """The x- annotations of `schema` checked on `value` (and below it)."""
    if not isinstance(schema, dict):
        return []
    out: list[tuple[tuple, str]] = []
    vocabs = site.vocabularies

    def vocab_of(name: Any):
        return vocabs.get(name) if isinstance(name, str) else None

    if schema.get("x-vocabulary") and isinstance(value, str) and value not in vocabs:
        from .similar import closest

        best = closest(value, sorted(vocabs), cutoff=0.6)
        out.append((at, f"names vocabulary '{value}', which is not declared" + (f"; did you mean '{best}'?" if best else "")))
    if schema.get("x-path") and isinstance(value, str):
        out += _path(site, value, at)
    if schema.get("x-field") and isinstance(value, str):
        for expr in targets:
            out += _path(site, f"{expr}.{value}", at)
    if schema.get("x-where") and isinstance(value, dict):
        vocab = vocab_of(siblings.get("vocabulary"))
        if vocab is not None:
            props = _properties(vocab)
            for key in value:
                if key not in props:
                    out.append((at + (key,), f"'{key}' is not a property of the entries of vocabulary '{vocab.name}' ({', '.join(sorted(props))})"))
    if schema.get("x-property") and isinstance(value, str):
        vocab = vocab_of(siblings.get("vocabulary"))
        if vocab is not None and value not in _properties(vocab):
            out.append((at, f"'{value}' is not a property of the entries of vocabulary '{vocab.name}' ({', '.join(sorted(_properties(vocab)))})"))
    if "x-ids" in schema and isinstance(value, list):
        source = schema["x-ids"]
        vocab = vocab_of(siblings.get(source["option"]) if "option" in source else source["vocabulary"])
        if vocab is not None:
            for index, item in enumerate(value):
                if str(item) not in vocab.by_id:
                    out.append((at + (index,), _not_an_id(item, vocab)))
    if schema.get("x-object-where") and isinstance(value, dict):
        for key, wanted in value.items():
            for expr in targets:
                out += _path(site, f"{expr}.{key}", at + (key,))
            if isinstance(wanted, dict):
                vocab = vocab_of(wanted.get("vocabulary"))
                if vocab is None:
                    out += _options(function, VOCAB_NAME, wanted.get("vocabulary"), at + (key, "vocabulary"), wanted, site, targets)
                else:
                    out += _options(function, {"x-where": True}, wanted.get("where", {}), at + (key, "where"), wanted, site, targets)
    if schema.get("x-compared") and not isinstance(value, (dict, list)):
        out += _compared(value, at, site, targets)
    if "x-message" in schema and isinstance(value, dict):
        out += _message(value, at, function.reports.get(schema["x-message"], ()))
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for key, item in value.items():
            if key in props:
                out += _options(function, props[key], item, at + (key,), value, site, targets)
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(value):
            out += _options(function, schema["items"], item, at + (index,), {}, site, targets)
    return out


VOCAB_NAME = {"x-vocabulary": True}


def _input(function: Function, targets: list[tuple[str, tuple]], site: Site) -> list[tuple[tuple, str]]:
    """What `given` (and `field`) select must be a kind of value the function judges."""
    if not function.input:
        return []
    wanted = set(function.input) | ({"integer"} if "number" in function.input else set())
    for expr, at in targets:
        try:
            found = types(site.schema, resolve(site.schema, expr))
        except PathError:
            continue  # reported with the path
        if found is not None and not found & wanted and not ("number" in found and "integer" in wanted):
            shown = ", ".join(sorted(found))
            return [(at, f"'{function.name}' judges {' or '.join(function.input)} values, but '{expr}' selects {shown}")]
    return []


def _compared(value: Any, at: tuple, site: Site, targets: list[str]) -> list[tuple[tuple, str]]:
    """A value compared with what `targets` select must have a type the kind's schema allows there."""
    shown = "a number" if isinstance(value, (int, float)) and not isinstance(value, bool) else "true/false" if isinstance(value, bool) else "text"
    kind = "number" if shown == "a number" else "boolean" if isinstance(value, bool) else "string"
    for expr in targets:
        try:
            allowed = types(site.schema, resolve(site.schema, expr))
        except PathError:
            continue  # reported with the path
        if allowed is None:
            continue
        if kind in allowed or (kind == "number" and "integer" in allowed):
            continue
        out = ", ".join(sorted(allowed))
        return [(at, f"{value!r} is {shown}, but '{expr}' holds {out}: the comparison could never be true (write it unquoted?)" if kind == "string" else f"{value!r} is {shown}, but '{expr}' holds {out}")]
    return []
