"""Written values to vocabulary ids: the rules file's spellings, read at the paths each vocabulary `normalise`s.

Generic over document kinds: a kind's model builder calls `normalise_spellings`
on its own copy of the data.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .ruleset import Ruleset
from .selector import select


def set_at(data: Any, path: tuple, value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _splitter(ruleset: Ruleset) -> re.Pattern | None:
    return _compile_splitter(tuple(ruleset.settings.get("list_separators", [])))


@lru_cache(maxsize=8)
def _compile_splitter(separators: tuple[str, ...]) -> re.Pattern | None:
    """The separators of a list item that holds several values ("title A/title B"), compiled once.

    A separator right after a hyphen marks a shortened compound (a word's
    shared ending left out, "A- og B"), never a split.
    """
    parts = []
    for sep in separators:
        word = sep.strip()
        if word.isalpha():
            parts.append(rf"(?<!-)\s+{re.escape(word)}\s+")
        elif word:
            parts.append(rf"(?<!-)\s*{re.escape(word)}\s*")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def normalise_spellings(data: dict, ruleset: Ruleset) -> None:
    """Spellings to ids, in place, at every path a vocabulary `normalise`s (any document kind).

    A list item that no entry spells but that splits into several values
    becomes a tuple of them (ids where recognised, the written text where
    not), at the item's own place, so every finding keeps its line.
    """
    splitter = _splitter(ruleset)
    for vocab in ruleset.vocabularies.values():
        for expr in vocab.normalise:
            in_list = expr.endswith("[*]")
            for match in select(expr, data):
                ident = vocab.lookup(match.value)
                if ident is None and in_list and splitter is not None and isinstance(match.value, str):
                    parts = [part.strip() for part in splitter.split(match.value) if part.strip()]
                    if len(parts) > 1:
                        set_at(data, match.path, tuple(vocab.lookup(part) or part for part in parts))
                        continue
                if ident is not None and ident != match.value:
                    set_at(data, match.path, ident)
