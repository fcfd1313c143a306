"""Did-you-mean on bounded input.

difflib's similarity is quadratic in the length of the strings it compares,
so a 100,000-character course code made one suggestion take 45 s.  Only
words and candidates of at most MAX_LENGTH characters are compared, and a
Suggester (one per file and kind of name) makes at most MAX_COMPARISONS
comparisons in all (repeats are remembered), so suggestions cost at most
MAX_COMPARISONS x MAX_LENGTH**2 steps per file whatever it holds (measured:
5,000 unknown links among 3,000 courses, docs/robustness.md).  Past the
budget a misspelling is still reported, only without "did you mean".
"""

from __future__ import annotations

from typing import Iterable

# Quotation marks a word processor puts around a word ('title' typed in
# Word becomes ‘title’ or «title»): never part of the spelling.
_QUOTES = str.maketrans("", "", "'\"‘’‚‛“”„‟«»‹›")


def spelling_key(text: object) -> str:
    """How spellings are compared: case-, quote- and spacing-insensitive (NBSP is a space)."""
    text = str(text).translate(_QUOTES).replace("_", " ").replace("-", " ")
    return " ".join(text.split()).casefold()


MAX_LENGTH = 64  # no identifier in the format is longer; a longer word gets no suggestion
MAX_COMPARISONS = 20_000  # per Suggester: word-to-candidate comparisons in all


def closest(word: object, candidates: Iterable[str], cutoff: float) -> str | None:
    """The candidate most like `word` (difflib ratio >= cutoff), or None."""
    if not isinstance(word, str) or len(word) > MAX_LENGTH:
        return None
    from difflib import get_close_matches  # only for a misspelling

    pool = [c for c in candidates if isinstance(c, str) and len(c) <= MAX_LENGTH]
    found = get_close_matches(word, pool, n=1, cutoff=cutoff)
    return found[0] if found else None


class Suggester:
    """`closest` against one fixed set of candidates, memoised and with a lookup budget."""

    def __init__(self, candidates: Iterable[str], cutoff: float) -> None:
        self.pool = [c for c in candidates if isinstance(c, str) and len(c) <= MAX_LENGTH]
        self.cutoff = cutoff
        self.left = MAX_COMPARISONS
        self.seen: dict[str, str | None] = {}

    def __call__(self, word: object) -> str | None:
        if not isinstance(word, str) or len(word) > MAX_LENGTH:
            return None
        if word not in self.seen:
            if self.left < len(self.pool):
                return None
            self.left -= len(self.pool)
            self.seen[word] = closest(word, self.pool, self.cutoff)
        return self.seen[word]
