"""Files generated from the function registry: the rules meta-schema's function part and docs/rules.md's reference.

``python -m rusplan.schema.generate`` rewrites both from checks.registry();
tests/test_registry.py fails while either is out of step, so the list of
functions exists once, in the code that runs them.
"""

from __future__ import annotations

import copy
import json
import os
import sys

from ..core.checks import Function, registry

BEGIN = "<!-- check functions: generated from the registry by `python -m rusplan.schema.generate`; do not edit by hand -->"
END = "<!-- end of generated check functions -->"


def rules_meta_schema(base: dict) -> dict:
    """`base` (the meta-schema) with the `function` enum and each function's `options` schema from the registry."""
    out = copy.deepcopy(base)
    check = out["$defs"]["check"]
    functions = registry()
    check["properties"]["function"] = {"enum": list(functions)}
    check["properties"]["options"] = {"type": "object"}
    branches = []
    for name, function in functions.items():
        then: dict = {"properties": {"options": function.options}}
        if function.options.get("required"):
            then["required"] = ["options"]
        branches.append({"if": {"properties": {"function": {"const": name}}, "required": ["function"]}, "then": then})
    check["allOf"] = branches
    return out


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
    if schema.get("x-vocabulary"):
        return "vocabulary name"
    return str(kind)


def reference() -> str:
    """The Markdown reference of every registered function."""
    lines = [BEGIN, ""]
    for name, function in sorted(registry().items()):
        lines += _function(name, function)
    lines.append(END)
    return "\n".join(lines)


def _function(name: str, function: Function) -> list[str]:
    doc = function.doc.split("\n\n")
    lines = [f"### `{name}`", "", doc[0], ""]
    lines += [part.replace("\n", " ") + "\n" for part in doc[1:]]
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


def _root() -> str:
    return os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


def meta_schema_path() -> str:
    from .validate import RULES_SCHEMA, schema_path

    return schema_path(RULES_SCHEMA)


def generated_meta_schema_text() -> str:
    with open(meta_schema_path(), encoding="utf-8") as handle:
        base = json.load(handle)
    return json.dumps(rules_meta_schema(base), indent=2, ensure_ascii=False) + "\n"


def generated_docs_text(current: str) -> str:
    """docs/rules.md with its generated part replaced."""
    start, end = current.index(BEGIN), current.index(END) + len(END)
    return current[:start] + reference() + current[end:]


def main() -> None:
    schema_text = generated_meta_schema_text()
    with open(meta_schema_path(), "w", encoding="utf-8") as handle:
        handle.write(schema_text)
    docs = os.path.join(_root(), "docs", "rules.md")
    with open(docs, encoding="utf-8") as handle:
        text = generated_docs_text(handle.read())
    with open(docs, "w", encoding="utf-8") as handle:
        handle.write(text)
    sys.stdout.write(f"wrote {meta_schema_path()} and {docs}\n")


if __name__ == "__main__":
    main()
