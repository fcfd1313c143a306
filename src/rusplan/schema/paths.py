"""Where a rules-file path can lead in a document kind's JSON Schema.

A `given`, `ref`, `in`, `scope` or `normalise` path that names a key the
document format does not have selects nothing in every document, so its
rule would silently judge nothing (``given: programme.kredits``) or judge
the wrong thing (``scope.path: programme.frameworks`` puts every programme
out of scope).  `resolve` walks the path through the schema and says why it
can never match, with a did-you-mean; `types` gives the JSON types a path
can hold, for options compared with it.
"""

from __future__ import annotations

from ..core.selector import SelectorError, compile_path
from ..core.similar import closest


class PathError(ValueError):
    pass


def _expand(root: dict, node) -> list:
    """The concrete alternatives of a subschema: $ref followed, oneOf/anyOf/allOf/if-then-else flattened."""
    if node is True or node == {}:
        return [True]
    if not isinstance(node, dict):
        return []
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        return _expand(root, root.get("$defs", {}).get(name, True))
    out = [node]
    for key in ("oneOf", "anyOf", "allOf"):
        for branch in node.get(key, []):
            out += _expand(root, branch)
    for key in ("then", "else"):
        if key in node:
            out += _expand(root, node[key])
    return out


def _children(root: dict, nodes: list, key: str) -> tuple[list, list[str]]:
    """The subschemas at `key` below `nodes`, and the keys they do have (for the message)."""
    found, known = [], []
    for node in nodes:
        for alt in _expand(root, node):
            if alt is True:
                found.append(True)
                continue
            props = alt.get("properties", {})
            known += [k for k in props if k not in known]
            if key in props:
                found.append(props[key])
            elif isinstance(alt.get("additionalProperties"), dict):
                found.append(alt["additionalProperties"])
            elif alt.get("type") == "object" and "properties" not in alt and alt.get("additionalProperties", True) is True:
                found.append(True)  # a free-form object: any key may be there
    return found, known


def _items(root: dict, nodes: list) -> list:
    found = []
    for node in nodes:
        for alt in _expand(root, node):
            if alt is True:
                found.append(True)
            elif "items" in alt:
                found.append(alt["items"])
            elif alt.get("type") == "array":
                found.append(True)
    return found


def resolve(root: dict, expr: str) -> list:
    """The subschemas `expr` can select, or PathError saying why it selects nothing in any valid document."""
    try:
        steps = compile_path(expr)
    except SelectorError as exc:
        raise PathError(str(exc)) from None
    nodes: list = [root]
    walked = ""
    for step in steps:
        found, known = _children(root, nodes, step.key)
        if not found:
            if _items(root, nodes):
                raise PathError(f"'{walked}' is a list: write '{walked}[*].{step.key}' to reach '{step.key}' in each item")
            best = closest(step.key, known, cutoff=0.6)
            hint = f"; did you mean '{best}'?" if best else (f" (it has {', '.join(known)})" if known else "")
            raise PathError(f"'{step.key}' is not a key of {walked or 'the document'}{hint}")
        walked = f"{walked}.{step.key}" if walked else step.key
        nodes = found
        if step.every:
            items = _items(root, nodes)
            if not items:
                raise PathError(f"'{walked}' is not a list, so '[…]' after it selects nothing")
            nodes = items
            walked += "[*]"
            if step.where is not None:
                key = step.where[0]
                has, known = _children(root, nodes, key)
                if not has:
                    best = closest(key, known, cutoff=0.6)
                    hint = f"; did you mean '{best}'?" if best else ""
                    raise PathError(f"'{key}' in '[?{key}=…]' is not a key of the items of '{walked[:-3]}'{hint}")
    return nodes


def types(root: dict, nodes: list) -> set[str] | None:
    """The JSON types the subschemas allow, or None when any value may stand there."""
    out: set[str] = set()
    for node in nodes:
        found = _node_types(root, node, 0)
        if found is None:
            return None
        out |= found
    return out or None


def _node_types(root: dict, node, depth: int) -> set[str] | None:
    """A subschema's own `type` (or const/enum) wins; else the union over its branches; else None (anything)."""
    if node is True or not isinstance(node, dict) or depth > 32:
        return None
    if "$ref" in node:
        return _node_types(root, root.get("$defs", {}).get(node["$ref"].rsplit("/", 1)[-1], True), depth + 1)
    kind = node.get("type")
    if isinstance(kind, str):
        return {kind}
    if isinstance(kind, list):
        return set(kind)
    if "const" in node or "enum" in node:
        values = node.get("enum", [node.get("const")])
        return {"boolean" if isinstance(v, bool) else "string" if isinstance(v, str) else "number" for v in values}
    branches = [b for key in ("oneOf", "anyOf") for b in node.get(key, [])] + [node[k] for k in ("then", "else") if k in node]
    if not branches:
        return None
    out: set[str] = set()
    for branch in branches:
        found = _node_types(root, branch, depth + 1)
        if found is None:
            return None
        out |= found
    return out
