"""Files generated from the function registry: the rules meta-schemas' function part and docs/rules.md's reference.

``python -m rusplan.schema.generate`` rewrites, from core.checks.registry():
- in schema/schemas/rules-v1.schema.json (the generic meta-schema), the
  `function` enum and each function's `options` schema (an if/then per
  function) for the generic functions;
- in each document kind's part of the meta-schema (Kind.rules_schema), the
  same for the generic functions and the kind's own, so that a rules file of
  one kind cannot name another kind's function;
- the function reference in docs/rules.md.
tests/test_registry.py fails while any of them is out of step, so the list
of functions exists once, in the code that runs them.
"""

from __future__ import annotations

import json
import os
import sys

from ..core.checks import Function, registry

BEGIN = "<!-- check functions: generated from the registry by `python -m rusplan.schema.generate`; do not edit by hand -->"
END = "<!-- end of generated check functions -->"


def check_part(functions: dict[str, Function]) -> dict:
    """The `$defs.check` keys that name `functions` and give each its options schema."""
    branches = []
    for name, function in functions.items():
        then: dict = {"properties": {"options": function.options}}
        if function.options.get("required"):
            then["required"] = ["options"]
        branches.append({"if": {"properties": {"function": {"const": name}}, "required": ["function"]}, "then": then})
    return {"properties": {"function": {"enum": list(functions)}}, "allOf": branches}


def with_functions(schema: dict, functions: dict[str, Function]) -> dict:
    """`schema` (a meta-schema or a kind's part of it) with its `$defs.check` function part replaced."""
    out = json.loads(json.dumps(schema))
    check = out.setdefault("$defs", {}).setdefault("check", {})
    part = check_part(functions)
    check.setdefault("properties", {})["function"] = part["properties"]["function"]
    check["allOf"] = part["allOf"]
    return out


def _kinds():
    from .. import kinds

    return [k for k in kinds.all_kinds() if k.rules_schema]


def targets() -> list[tuple[str, dict[str, Function]]]:
    """(schema file, the functions it lists): the generic meta-schema, then each kind's part."""
    from .validate import RULES_SCHEMA, schema_path

    return [(schema_path(RULES_SCHEMA), registry())] + [(kind.rules_schema, registry(kind)) for kind in _kinds()]


def generated(path: str, functions: dict[str, Function]) -> str:
    with open(path, encoding="utf-8") as handle:
        current = json.load(handle)
    return json.dumps(with_functions(current, functions), indent=2, ensure_ascii=False) + "\n"


def _type(schema: dict) -> str:
    if "enum" in schema:
        return " ".join(f"`{v}`" for v in schema["enum"])
    if "$ref" in schema:
        return {"path": "path", "text": "text", "i18n": "{nb, nn, en}"}.get(schema["$ref"].rsplit("/", 1)[-1], "")
    kind = schema.get("type", "")
    if kind == "array":
        return f"list of {_type(schema.get('items', {})) or 'values'}"
    if isinstance(kind, list):
        return " or ".join(kind)
    return str(kind)


def reference() -> str:
    """The Markdown reference of every registered function, generic and per kind."""
    lines = [BEGIN, ""]
    for name, function in sorted(registry().items()):
        lines += _function(name, function, "")
    for kind in _kinds():
        for name, function in sorted(kind.functions.items()):
            lines += _function(name, function, kind.name)
    lines.append(END)
    return "\n".join(lines)


def _function(name: str, function: Function, kind: str) -> list[str]:
    doc = function.doc.split("\n\n")
    lines = [f"### `{name}`" + (f" (rules of kind `{kind}`)" if kind else ""), "", doc[0], ""]
    lines += [part.replace("\n", " ") + "\n" for part in doc[1:]]
    if function.input:
        lines += [f"Judges {' or '.join(function.input)} values (what `given`, with `field`, selects).", ""]
    props = function.options.get("properties", {})
    required = set(function.options.get("required", []))
    if props:
        lines += ["| option | type | required | meaning |", "|---|---|---|---|"]
        for key, schema in props.items():
            lines.append(f"| `{key}` | {_type(schema)} | {'yes' if key in required else ''} | {schema.get('description', '')} |")
        if any("required" in branch for branch in function.options.get("oneOf", [])):
            wanted = " or ".join(f"`{b['required'][0]}`" for b in function.options["oneOf"])
            lines.append(f"\nExactly one of {wanted}.")
        lines.append("")
    else:
        lines += ["No options.", ""]
    for code, names in function.reports.items():
        shown = ", ".join(f"`{{{n}}}`" for n in names) or "none"
        where = "`pass_message`" if code == "pass" else "`message`" if code == "fail" else f"`messages.{code}`"
        lines.append(f"- placeholders in {where}: {shown}")
    return lines + [""]


def docs_path() -> str:
    return os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..", "..", "docs", "rules.md"))


def generated_docs_text(current: str) -> str:
    """docs/rules.md with its generated part replaced."""
    start, end = current.index(BEGIN), current.index(END) + len(END)
    return current[:start] + reference() + current[end:]


def main() -> None:
    written = []
    for path, functions in targets():
        text = generated(path, functions)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        written.append(path)
    with open(docs_path(), encoding="utf-8") as handle:
        docs = generated_docs_text(handle.read())
    with open(docs_path(), "w", encoding="utf-8") as handle:
        handle.write(docs)
    sys.stdout.write("wrote " + ", ".join(written + [docs_path()]) + "\n")


if __name__ == "__main__":
    main()
