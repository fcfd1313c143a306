"""`given` paths: a small JSONPath subset that remembers where each value was.

Syntax: dot-separated keys, each optionally followed by ``[*]`` (every item
of a list) or ``[?key=value]`` (the items whose `key` equals `value`):
``courses[*].outcomes[*].covers[*]``, ``practice[?kind=placement]``.
Missing keys select nothing, so rules about optional parts of a programme
simply have nothing to judge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

_STEP = re.compile(r"([^.\[\]]+)((?:\[\*\]|\[\?[^=\]]+=[^\]]*\])?)")


@dataclass(frozen=True)
class Match:
    value: Any
    path: tuple  # where the value stands in the document


@dataclass(frozen=True)
class _Step:
    key: str
    every: bool
    where: tuple | None  # (key, value) filter on list items


class SelectorError(ValueError):
    pass


@lru_cache(maxsize=None)
def compile_path(expr: str) -> tuple[_Step, ...]:
    steps = []
    for part in expr.split("."):
        m = _STEP.fullmatch(part)
        if not m:
            raise SelectorError(f"invalid path step '{part}' in '{expr}'")
        key, suffix = m.groups()
        where = None
        if suffix.startswith("[?"):
            k, _, v = suffix[2:-1].partition("=")
            where = (k.strip(), v.strip())
        steps.append(_Step(key, bool(suffix), where))
    return tuple(steps)


def select(expr: str, root: Any, roots: dict[str, list[Match]] | None = None) -> list[Match]:
    """Values at `expr` below `root`.

    `roots` replaces the first key with ready-made matches: for per-path rules
    the engine passes ``{"courses": <the courses of one study path>}``.
    """
    steps = compile_path(expr)
    first = steps[0]
    if roots and first.key in roots:
        current = _expand(roots[first.key], first, already_items=True)
        steps = steps[1:]
    else:
        current = [Match(root, ())]
    for step in steps:
        current = _descend(current, step)
    return current


def _descend(matches: Iterable[Match], step: _Step) -> list[Match]:
    found = []
    for m in matches:
        if isinstance(m.value, dict) and step.key in m.value:
            found.append(Match(m.value[step.key], m.path + (step.key,)))
    return _expand(found, step) if step.every else found


def _expand(matches: list[Match], step: _Step, already_items: bool = False) -> list[Match]:
    if already_items:
        items = matches
    else:
        items = [
            Match(item, m.path + (i,))
            for m in matches
            if isinstance(m.value, list)
            for i, item in enumerate(m.value)
        ]
    if step.where is None:
        return items
    key, wanted = step.where
    return [m for m in items if isinstance(m.value, dict) and str(m.value.get(key)) == wanted]
