"""Message templates of rules files: ``{name}`` placeholders and nothing else.

A rules file's messages are data written by people, filled with figures a
check function found.  ``str.format`` would let a template reach attributes
(``{section.__class__.__mro__}``), index values (``{found[0]}``), call
``repr`` (``{value!r}``) or ask for a billion-character padding
(``{actual:>999999999}``).  Here a placeholder is a bare name; anything else
is refused when the rules file loads (`fields`), and `fill` substitutes
names only, so no template ever reaches more than the value it names.
``{{`` and ``}}`` stand for literal braces.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|\{|\}")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


class TemplateError(ValueError):
    pass


def fields(text: str) -> list[str]:
    """The placeholder names of `text`, in order; TemplateError for anything that is not a bare ``{name}``."""
    names = []
    for m in _TOKEN.finditer(text):
        token = m.group(0)
        if token in ("{{", "}}"):
            continue
        if token in ("{", "}"):
            raise TemplateError(f"unmatched '{token}' at character {m.start() + 1}; write '{token}{token}' for a literal brace")
        name = m.group(1)
        if not _NAME.match(name):
            raise TemplateError(f"placeholder '{{{name}}}' is not a plain name such as {{actual}}")
        names.append(name)
    return names


def fill(text: str, params: dict, show) -> str:
    """`text` with each ``{name}`` replaced by ``show(params[name])``; an unknown name stays visible as ``{name}``."""

    def one(m: re.Match) -> str:
        token = m.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        name = m.group(1)
        if name is not None and name in params:
            return show(params[name])
        return token

    return _TOKEN.sub(one, text)
