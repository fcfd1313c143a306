"""Helpers for tests that assert where a finding points and which figures its message states."""

from __future__ import annotations

import re


def line_of(text: str, pattern: str) -> int:
    """1-based number of the one non-comment line matching `pattern`."""
    found = [n for n, line in enumerate(text.splitlines(), 1) if not line.lstrip().startswith("#") and re.search(pattern, line)]
    assert len(found) == 1, f"{pattern!r} matches lines {found}"
    return found[0]


def has_figure(figure: str, text: str) -> bool:
    """`figure` stands in `text` as a whole figure: "3" is not found in "13" or "3,5"."""
    return re.search(rf"(?<![\w.-]){re.escape(figure)}(?![\w-])", text) is not None
