"""JSON Schema validation with located, bilingual messages.

jsonschema's own messages ("Additional properties are not allowed ('x' was
unexpected)") are for programmers; coordinators get the path in their file,
what was expected in their language, and a did-you-mean for typos.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from typing import Any, Iterable

from .. import messages
from ..io.loader import Document
from ..core.result import Problem
from ..core.similar import closest

RULES_SCHEMA = "rules-v1.schema.json"


def schema_path(name: str) -> str:
    """A bundled schema's file (schema/schemas/), or `name` itself when it is a path (a kind's schema)."""
    if os.path.isabs(name):
        return name
    # A plain path, not importlib.resources: the package is always installed
    # as files, and importlib.resources costs ~5 ms of imports per cold start.
    return os.path.join(os.path.dirname(__file__), "schemas", name)


def extended(base: str, extension: str | None) -> str:
    """The name of schema `base` with a document kind's `extension` merged in (see `schema`)."""
    return f"{base}+{extension}" if extension else base


@lru_cache(maxsize=None)
def schema(name: str) -> dict:
    """The schema called `name`: a file, or "base+extension", the extension's keys merged into the base's."""
    base, plus, extension = name.partition("+")
    with open(schema_path(base), encoding="utf-8") as handle:
        loaded = json.load(handle)
    if plus:
        with open(schema_path(extension), encoding="utf-8") as handle:
            _merge(loaded, json.load(handle))
    return loaded


def _merge(into: dict, extra: dict) -> None:
    """Objects merged key by key, `required` lists joined; anything else in `extra` wins."""
    for key, value in extra.items():
        if key == "$comment":
            continue
        if key == "required" and isinstance(into.get(key), list):
            into[key] = into[key] + [v for v in value if v not in into[key]]
        elif isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


@lru_cache(maxsize=None)
def validator(name: str):
    """The compiled validator for a bundled schema, built once per process."""
    from jsonschema import Draft202012Validator, ValidationError, validators

    from .fastschema import compile_pattern

    def pattern(validator, pattern, instance, schema):  # ECMA's `$`, as fastschema has it
        if validator.is_type(instance, "string") and not compile_pattern(pattern).search(instance):
            yield ValidationError(f"{instance!r} does not match {pattern!r}")

    cls = validators.extend(Draft202012Validator, {"pattern": pattern})
    return cls(schema(name), format_checker=Draft202012Validator.FORMAT_CHECKER)


@lru_cache(maxsize=None)
def fast_check(name: str):
    """The closure-compiled yes/no check for a bundled schema, or None."""
    from .fastschema import Unsupported, compile_schema

    try:
        return compile_schema(schema(name))
    except Unsupported:
        return None


def where(path: Iterable) -> str:
    """``("courses", 2, "credits")`` -> ``courses[2].credits``: the path as JSON output gives it."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# The objects of a programme a coordinator names by what they are, not by index.
_NAMED = {"courses": "where-course", "options": "where-course", "practice": "where-practice", "agreements": "where-agreement"}


def place(path: Iterable, data: Any, lang: str) -> str:
    """Where `path` is, in words: ``emne PHR2001 (Rusmiddelbruk og avhengighet), semester``.

    Courses (and the options of a choice) are named by code and name, practice
    periods by name, agreements by provider; other list items by number.
    """
    # Segments joined by ", ": a named object, then dotted keys, each list item closing its segment.
    segments: list[str] = []
    current: list[str] = []
    node = data
    for index, part in enumerate(path):
        parent = path[index - 1] if index else None
        node = node[part] if isinstance(node, (dict, list)) and _has(node, part) else None
        if isinstance(part, int) and parent in _NAMED and isinstance(node, dict):
            segments, current = [_name(_NAMED[parent], node, part, lang)], []
        elif isinstance(part, int):
            key = current.pop() if current else ""
            segments.append(messages.text("where-item", lang, key=".".join(current + [key]), n=part + 1))
            current = []
        else:
            current.append(str(part))
    if current:
        segments.append(".".join(current))
    return ", ".join(segments) or messages.text("where-top", lang)


def _has(node, part) -> bool:
    return part in node if isinstance(node, dict) else isinstance(part, int) and 0 <= part < len(node)


def _name(kind: str, node: dict, index: int, lang: str) -> str:
    def shown(key: str) -> str:
        value = node.get(key)
        return str(value) if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip() else ""

    if kind == "where-course" and "choice" in node and shown("choice"):
        return messages.text("where-choice", lang, name=shown("choice"))
    if kind == "where-course":
        code, name = shown("code"), shown("name")
        if code:
            return messages.text("where-course-named" if name else "where-course", lang, code=code, name=name)
        if name:
            return messages.text("where-course-name", lang, name=name)
    if kind == "where-practice" and shown("name"):
        return messages.text("where-practice", lang, name=shown("name"))
    if kind == "where-agreement" and shown("provider"):
        return messages.text("where-agreement", lang, provider=shown("provider"))
    return messages.text(kind + "-n", lang, n=index + 1)


def validate(doc: Document, schema_name: str, lang: str) -> list[Problem]:
    if doc.commas:
        _read_decimal_commas(doc, schema(schema_name))
    quick = fast_check(schema_name)
    if quick is not None and quick(doc.data):
        # Valid: jsonschema (and its import) is needed only to explain errors.
        return _dates_where_text_expected(doc, schema(schema_name), lang) + _yes_no_where_text_expected(doc, schema(schema_name), lang)
    errors = list(validator(schema_name).iter_errors(doc.data))
    problems: list[Problem] = []
    seen: set = set()
    described = [(problem, meta) for error in errors for problem, meta in _describe(_deepest(error), doc, lang, schema(schema_name))]
    # One error per mistake: a key that is misspelt (or written in Norwegian)
    # explains the "missing" key it stands for; report the misspelling only.
    explained = {(meta[1], meta[2]) for _, meta in described if meta and meta[0] == "suggested"}
    for problem, meta in described:
        if meta and meta[0] == "missing" and (meta[1], meta[2]) in explained:
            continue
        if meta and meta[0] == "weeks-or-hours" and ((meta[1], "weeks") in explained or (meta[1], "hours") in explained):
            continue
        key = (problem.line, problem.column, problem.message)
        if key not in seen:
            seen.add(key)
            problems.append(problem)
    problems.extend(_dates_where_text_expected(doc, schema(schema_name), lang))
    problems.extend(_yes_no_where_text_expected(doc, schema(schema_name), lang))
    problems.sort(key=lambda p: (p.line, p.column, p.message))
    return problems


def _deepest(error):
    """For oneOf/anyOf/if-then, the sub-error that says most about the data."""
    from jsonschema.exceptions import relevance

    while error.context:
        # `oneOf`/`if` produce context errors; prefer the one that went
        # deepest into the data (it names the actual bad value), then
        # jsonschema's own relevance, taken the way best_match descends into
        # a context: the smallest key wins (a branch whose type the value
        # has, e.g. "at least 1" rather than "expected a list" for semester 0).
        deepest = max(len(e.absolute_path) for e in error.context)
        candidate = min((e for e in error.context if len(e.absolute_path) == deepest), key=relevance, default=None)
        if candidate is None or len(candidate.absolute_path) < len(error.absolute_path):
            break
        if error.validator == "oneOf" and _is_weeks_or_hours(error):
            break
        error = candidate
    return error


def _is_weeks_or_hours(error) -> bool:
    return any(s.get("required") in (["weeks"], ["hours"]) for s in error.validator_value if isinstance(s, dict))


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _show(value: Any, lang: str) -> str:
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, (dict, list)):
        return messages.text(f"type-{_type_name(value)}", lang)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return messages.number(value, lang)
    return json.dumps(value, ensure_ascii=False)


def _describe(error, doc: Document, lang: str, root: dict) -> list[tuple[Problem, tuple | None]]:
    """The problems `error` stands for, each with what it is about: (kind, object path, key) or None.

    `root` is the whole schema: its x-key-aliases and x-yes-no name the words people write instead.
    """
    path = tuple(error.absolute_path)
    at = place(path, doc.data, lang)
    line, column = doc.locate(path)
    kind = error.validator
    value = error.instance

    def problem(code: str, p: tuple = path, key_mark: bool = False, meta: tuple | None = None, **params):
        ln, col = doc.locate(p, key=key_mark)
        return Problem(messages.text(code, lang, **params), ln, col, code=code, where=where(p)), meta

    if kind == "additionalProperties" and isinstance(value, dict):
        allowed = list(error.schema.get("properties", {}))
        out = []
        for key in value:
            if key not in allowed:
                best = suggest_key(key, [k for k in allowed if k not in value], root)  # never a key already there
                if best:
                    suggestion = messages.text("schema-suggestion", lang, best=best)
                else:
                    keys = [k for k in allowed if k != "notes"]
                    suggestion = messages.text("schema-allowed-keys", lang, keys=", ".join(keys)) if keys else messages.text("schema-no-keys", lang)
                meta = ("suggested", path, best) if best else None
                out.append(problem("schema-unknown-key", path + (key,), True, meta, where=at, key=key, suggestion=suggestion))
        return out
    if kind == "required" and isinstance(value, dict):
        return [
            problem("schema-required", meta=("missing", path, key), where=at, key=key)
            for key in error.validator_value
            if key not in value
        ]
    if kind == "type":
        expected = error.validator_value
        names = " / ".join(messages.text(f"type-{t}", lang) for t in ([expected] if isinstance(expected, str) else expected))
        if value is None:
            return [problem("schema-null", where=at, expected=names)]
        if isinstance(value, str) and expected == "boolean":
            return [problem("schema-yes-no", where=at, found=_show(value, lang), rewrite=_yes_no_rewrite(path, value, root))]
        if isinstance(value, str) and {"number", "integer"} & set([expected] if isinstance(expected, str) else expected):
            from ..io.loader import _DECIMAL_COMMA

            figure = value.strip().replace(",", ".")
            if _DECIMAL_COMMA.match(value.strip()) or figure.replace(".", "", 1).lstrip("-+").isdigit():
                return [problem("schema-quoted-number", where=at, found=_show(value, lang), figure=value.strip())]
        return [problem("schema-type", where=at, expected=names, found=_show(value, lang))]
    if kind in ("enum", "const"):
        allowed = error.validator_value if kind == "enum" else [error.validator_value]
        if value is None:
            return [problem("schema-null", where=at, expected=", ".join(map(str, allowed)))]
        return [problem("schema-enum", where=at, allowed=", ".join(map(str, allowed)), found=_show(value, lang))]
    if kind == "format" and error.validator_value == "date":
        return [problem("schema-date", where=at, found=_show(value, lang))]
    if kind == "pattern":
        described = str(error.schema.get(f"x-description-{lang}") or error.schema.get("description", error.validator_value))
        described = described[:1].lower() + described[1:]  # it follows a semicolon
        return [problem("schema-pattern", where=at, found=_show(value, lang), description=described)]
    if kind in ("minimum", "maximum", "exclusiveMinimum", "minItems", "minLength"):
        return [problem(f"schema-{kind}", where=at, limit=error.validator_value, found=_show(value, lang))]
    if kind == "oneOf" and _is_weeks_or_hours(error):
        return [problem("schema-weeks-or-hours", meta=("weeks-or-hours", path, ""), where=at)]
    return [(Problem(messages.text("schema-other", lang, where=at, detail=error.message), line, column, code="schema", where=where(path)), None)]


def suggest_key(key: str, allowed: list[str], root: dict) -> str:
    """The format's key that `key` stands for: a Norwegian word for it, or a near spelling."""
    from ..core.similar import spelling_key as _key

    wanted = _key(key)
    aliases = root.get("x-key-aliases", {})
    for format_key in allowed:
        if wanted == _key(format_key) or wanted in {_key(a) for a in aliases.get(format_key, [])}:
            return format_key

    spellings = {_key(format_key): format_key for format_key in allowed}
    for format_key in allowed:
        for alias in aliases.get(format_key, []):
            spellings.setdefault(_key(alias), format_key)
    close = closest(wanted, list(spellings), cutoff=0.8)
    if close:
        return spellings[close]
    return closest(key, allowed, cutoff=0.6) or ""


def _leaf_schemas(root: dict, node: dict, path: tuple) -> list[dict]:
    """The subschemas that could apply at `path` below `node` (best effort)."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        return _leaf_schemas(root, root["$defs"][name], path)
    branches = [node[k] for k in ("then", "else") if k in node]
    branches += node.get("oneOf", []) + node.get("anyOf", [])
    found = []
    for branch in branches:
        found += _leaf_schemas(root, branch, path)
    if not path:
        return found + [node]
    head, rest = path[0], path[1:]
    if isinstance(head, int) and "items" in node:
        found += _leaf_schemas(root, node["items"], rest)
    if isinstance(head, str) and head in node.get("properties", {}):
        found += _leaf_schemas(root, node["properties"][head], rest)
    return found


def _dates_where_text_expected(doc: Document, root: dict, lang: str) -> list[Problem]:
    """An unquoted 2000-01-01 is a YAML timestamp; welcome only where a date is."""
    problems = []
    for path in doc.dates:
        leaves = _leaf_schemas(root, root, path)
        if any(leaf.get("format") == "date" for leaf in leaves):
            continue
        line, column = doc.locate(path)
        value = _get(doc.data, path)
        problems.append(
            Problem(messages.text("date-not-text", lang, value=value), line, column, code="date-not-text", where=where(path))
        )
    return problems


def _yes_no_rewrite(path: tuple, value: str, root: dict) -> str:
    """`individual_assessment: true` for "ja"/"yes", `...: false` for "nei"/"no" (words in the schema's x-yes-no)."""
    from ..core.similar import spelling_key as _key

    words = root.get("x-yes-no", {})
    key = path[-1] if path and isinstance(path[-1], str) else ""
    for answer in ("true", "false"):
        if _key(value) in {_key(w) for w in words.get(answer, [])}:
            return f"{key}: {answer}" if key else answer
    return f"{key}: true / {key}: false" if key else "true / false"


def _yes_no_where_text_expected(doc: Document, root: dict, lang: str) -> list[Problem]:
    """An unquoted yes/no/on/off where text is wanted: other YAML tools read it as a boolean, so quote it.

    Where the format wants a boolean the schema error says what to write.
    """
    problems = []
    for path in doc.yes_no or []:
        leaves = _leaf_schemas(root, root, path)
        if any(leaf.get("type") in ("boolean", "number", "integer") or "enum" in leaf or "const" in leaf for leaf in leaves):
            continue  # the schema's own error says what to write; quoting would not help
        line, column = doc.locate(path)
        value = _get(doc.data, path)
        problems.append(Problem(messages.text("yaml11-bool", lang, value=value), line, column, code="yaml11-bool", where=where(path)))
    return problems


def _read_decimal_commas(doc: Document, root: dict) -> None:
    """`credits: 7,5` is 7.5 where the format wants a number; elsewhere it stays text."""
    from ..io.loader import decimal_comma

    for path in doc.commas:
        leaves = _leaf_schemas(root, root, path)
        wanted = {t for leaf in leaves for t in ([leaf["type"]] if isinstance(leaf.get("type"), str) else leaf.get("type", []))}
        if wanted & {"number", "integer"} and "string" not in wanted:
            parent = _get(doc.data, path[:-1])
            parent[path[-1]] = decimal_comma(parent[path[-1]])


def _get(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data
