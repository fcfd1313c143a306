"""A yes/no JSON Schema check compiled to closures, for the happy path.

jsonschema gives the best error reports but costs ~50 ms to import and
several milliseconds per programme file; most files in CI and batch runs are
valid.  This module compiles the subset of JSON Schema that rusplan's own
schemas use into plain Python closures that only answer "valid?".  When the
answer is no, validate.py asks jsonschema for the full, located errors — so
the messages never depend on this module, only the speed does.

A schema using a keyword outside the subset raises `Unsupported` at compile
time and the caller falls back to jsonschema for every document.
tests/schema/test_fastschema.py checks that both agree.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable

Check = Callable[[Any], bool]

# Keywords that never affect validity.
_ANNOTATIONS = {"$schema", "$id", "$defs", "title", "description", "default", "examples", "$comment"}


class Unsupported(Exception):
    pass


def compile_pattern(pattern: str) -> re.Pattern:
    """A JSON Schema (ECMA-262) pattern as a Python regex with the same meaning.

    In Python a final `$` also matches before a trailing newline, so "PHR1001\\n"
    would pass `^\\S+$`; ECMA's `$` is the end of the string, Python's `\\Z`.
    """
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern)


def _is_type(value: Any, name: str) -> bool:
    if name == "object":
        return isinstance(value, dict)
    if name == "array":
        return isinstance(value, list)
    if name == "string":
        return isinstance(value, str)
    if name == "boolean":
        return isinstance(value, bool)
    if name == "null":
        return value is None
    if isinstance(value, bool):
        return False
    if name == "number":
        return isinstance(value, (int, float))
    if name == "integer":
        return isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    raise Unsupported(f"type {name}")


def _is_date(value: Any) -> bool:
    if not isinstance(value, str):
        return True
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def _same(a: Any, b: Any) -> bool:
    """JSON equality: 1 == 1.0, but True is not 1."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    return a == b


def compile_schema(root: dict) -> Check:
    refs: dict[str, Check] = {}

    def ref(target: str) -> Check:
        if not target.startswith("#/$defs/"):
            raise Unsupported(f"$ref {target}")
        name = target[len("#/$defs/"):]
        if name not in refs:
            refs[name] = lambda v: True  # placeholder while compiling recursive refs
            compiled = build(root["$defs"][name])
            refs[name] = compiled
        return lambda v: refs[name](v)

    def build(schema: Any) -> Check:
        if schema is True:
            return lambda v: True
        if schema is False:
            return lambda v: False
        checks: list[Check] = []
        for key, arg in schema.items():
            if key in _ANNOTATIONS or key in ("then", "else") or key.startswith("x-"):
                continue
            checks.append(keyword(key, arg, schema))
        if len(checks) == 1:
            return checks[0]
        return lambda v: all(c(v) for c in checks)

    def keyword(key: str, arg: Any, schema: dict) -> Check:
        if key == "type":
            names = [arg] if isinstance(arg, str) else list(arg)
            for n in names:
                _is_type(None, n)  # reject unknown type names at compile time
            return lambda v: any(_is_type(v, n) for n in names)
        if key == "$ref":
            return ref(arg)
        if key == "properties":
            props = {name: build(sub) for name, sub in arg.items()}
            return lambda v: not isinstance(v, dict) or all(props[k](v[k]) for k in props if k in v)
        if key == "required":
            return lambda v: not isinstance(v, dict) or all(k in v for k in arg)
        if key == "additionalProperties":
            known = set(schema.get("properties", {}))
            if "patternProperties" in schema:
                raise Unsupported("patternProperties")
            extra = build(arg)
            return lambda v: not isinstance(v, dict) or all(extra(v[k]) for k in v if k not in known)
        if key == "items":
            item = build(arg)
            return lambda v: not isinstance(v, list) or all(item(x) for x in v)
        if key == "enum":
            return lambda v: any(_same(v, e) for e in arg)
        if key == "const":
            return lambda v: _same(v, arg)
        if key == "pattern":
            rx = compile_pattern(arg)
            return lambda v: not isinstance(v, str) or rx.search(v) is not None
        if key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
            test = {
                "minimum": lambda v: v >= arg,
                "maximum": lambda v: v <= arg,
                "exclusiveMinimum": lambda v: v > arg,
                "exclusiveMaximum": lambda v: v < arg,
            }[key]
            return lambda v: isinstance(v, bool) or not isinstance(v, (int, float)) or test(v)
        if key == "minItems":
            return lambda v: not isinstance(v, list) or len(v) >= arg
        if key == "maxItems":
            return lambda v: not isinstance(v, list) or len(v) <= arg
        if key == "minLength":
            return lambda v: not isinstance(v, str) or len(v) >= arg
        if key == "format":
            if arg != "date":
                raise Unsupported(f"format {arg}")
            return _is_date
        if key == "oneOf":
            subs = [build(s) for s in arg]
            return lambda v: sum(1 for s in subs if s(v)) == 1
        if key == "anyOf":
            subs = [build(s) for s in arg]
            return lambda v: any(s(v) for s in subs)
        if key == "allOf":
            subs = [build(s) for s in arg]
            return lambda v: all(s(v) for s in subs)
        if key == "if":
            cond = build(arg)
            then = build(schema.get("then", True))
            other = build(schema.get("else", True))
            return lambda v: then(v) if cond(v) else other(v)
        raise Unsupported(key)

    return build(root)
