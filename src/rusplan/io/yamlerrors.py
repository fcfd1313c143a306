"""Explain a libyaml syntax error the way a coordinator can act on it.

libyaml reports what its state machine expected ("mapping values are not
allowed in this context") where it noticed the trouble, which is often not
where the mistake is.  Plans are typed in Word and Excel; the same few
mistakes cause nearly every syntax error, and each can be recognised from
the text around the error: a colon or ' #' in an unquoted value, a tab or a
pasted odd space, a line indented one space off, an unclosed quote or
bracket, typographic quotes.  :func:`explain` names the mistake, where it
is and the exact fix, as a message code of messages.py with its fields;
what it cannot recognise it reports in the user's words without the
parser's English (``yaml-syntax``).
"""

from __future__ import annotations

import json
import re

from .spaces import ODD_SPACE as _ODD
# Quotes that Word and keyboards type but YAML does not treat as quotes.
TYPOGRAPHIC_QUOTES = "“”„‟«»‘’‚‛"
_KEY = re.compile(r"^(\s*(?:-\s+)*)([^\s#'\"{\[][^:#]*?|\"[^\"]*\"|'[^']*'):(?:\s|$)")


def explain(text: str, problem: str, context: str, line: int, column: int, context_line: int, context_column: int) -> tuple:
    """(code, line, column, params) for a syntax error libyaml reported at `line`:`column` (1-based)."""
    lines = text.splitlines() or [""]
    line = min(max(line, 1), len(lines))
    for finder in (_tab, _odd_space, _unclosed_quote, _typographic_quote):
        found = finder(lines, line)
        if found:
            return found
    problem, context = problem or "", context or ""
    here = lines[line - 1]
    if "quoted scalar" in context and context_line:
        quote = lines[context_line - 1][context_column - 1 : context_column] or '"'
        return "yaml-unclosed-quote", context_line, context_column, {"quote": quote}
    if "flow" in context:
        if "flow sequence" in context or "flow mapping" in context:
            at, col = context_line or line, context_column or column
        else:  # "while parsing a flow node": the opening bracket is somewhere above
            at, col = _open_bracket(lines, line) or (line, column)
        opening = lines[at - 1][col - 1 : col]
        if opening in ("[", "{"):
            code = "yaml-unclosed-bracket-hash" if " #" in lines[at - 1] else "yaml-unclosed-bracket"
            return code, at, col, {"bracket": opening, "closing": "]" if opening == "[" else "}"}
    if "mapping values are not allowed" in problem:
        return _colon_or_indent(lines, line, column)
    if "expected '-' indicator" in problem and context_line:
        found = _indent(here)
        if found != context_column:
            return "yaml-list-indent", line, found, {"found": found, "expected": context_column, "list_line": context_line}
    if "expected key" in problem or "expected <block end>" in problem or "expected '-' indicator" in problem:
        return _misplaced_line(lines, line, column)
    if "undefined alias" in problem:
        alias = re.match(r"\*?([^\s,\]}]+)", here[column - 1 :])
        return "yaml-undefined-alias", line, column, {"alias": alias.group(1) if alias else ""}
    if "end of stream" in problem:
        return "yaml-unexpected-end", line, column, {}
    return "yaml-syntax", line, column, {"problem": problem}


def _indent(text: str) -> int:
    """1-based column of the first character that is not a space."""
    return len(text) - len(text.lstrip(" ")) + 1


def _content(lines: list[str], before: int):
    """(line number, text) of the lines above `before` that hold YAML, nearest first."""
    for number in range(before - 1, 0, -1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            yield number, lines[number - 1]


def _tab(lines: list[str], line: int):
    for number in range(1, line + 1):
        text = lines[number - 1]
        indent = text[: len(text) - len(text.lstrip(" \t"))]
        if "\t" in indent and text.strip():
            return "yaml-tab", number, indent.index("\t") + 1, {}
    return None


def _odd_space(lines: list[str], line: int):
    """An odd space on the error line or above it, outside comments and quotes."""
    for number in range(line, max(line - 3, 0), -1):
        text = _strip_comment(lines[number - 1])
        match = _ODD.search(text)
        if match and not _quoted_at(text, match.start()):
            return "yaml-odd-space", number, match.start() + 1, {"code": f"U+{ord(match.group()):04X}"}
    return None


def _strip_comment(text: str) -> str:
    match = re.search(r"(^|\s)#", text)
    return text[: match.start()] if match else text


def _quoted_at(text: str, index: int) -> bool:
    """Whether `index` is inside a '...' or "..." of the line (roughly: an odd count of quotes before it)."""
    before = text[:index]
    return before.count('"') % 2 == 1 or before.count("'") % 2 == 1


def _value_start(text: str) -> int:
    """Index where the value of a `key: value` or `- value` line starts, or -1."""
    key = _KEY.match(text)
    if key:
        start = key.end()
    else:
        dash = re.match(r"^\s*-\s+", text)
        if not dash:
            return -1
        start = dash.end()
    while start < len(text) and text[start] == " ":
        start += 1
    return start if start < len(text) else -1


def _unclosed_quote(lines: list[str], line: int):
    """A value that opens a quote and does not close it on its own line.

    A quoted value may legally run over several lines, but in a plan it is
    always a mistake, and libyaml then reports the error many lines below,
    where the next quote happens to be.
    """
    for number in range(1, line + 1):
        text = lines[number - 1]
        start = _value_start(text)
        if start < 0 or text[start] not in "\"'":
            continue
        quote, rest = text[start], text[start + 1 :]
        closed = re.search(r'(?<!\\)"', rest) if quote == '"' else re.search(r"'(?!')", rest.replace("''", "\0\0"))
        if not closed:
            return "yaml-unclosed-quote", number, start + 1, {"quote": quote}
        after = rest[closed.end() :].strip()
        if after and not after.startswith("#") and number == line:
            key = _KEY.match(text)
            rewrite = _rewrite(key.group(2) if key else "", text[start:].rstrip(), single=True)
            after_at = start + 1 + closed.end()
            after_at += len(text[after_at:]) - len(text[after_at:].lstrip())
            return "yaml-after-quote", number, after_at + 1, {"rewrite": rewrite}
    return None


def _open_bracket(lines: list[str], line: int):
    """(line, column) of the last '[' or '{' above `line` that its line does not close."""
    found = None
    for number in range(1, line + 1):
        stack = []
        text = _strip_comment(lines[number - 1])
        quote = ""
        for index, char in enumerate(text):
            if quote:
                quote = "" if char == quote else quote
            elif char in "\"'" and (index == 0 or text[index - 1] in " [{,:"):
                quote = char
            elif char in "[{":
                stack.append(index)
            elif char in "]}" and stack:
                stack.pop()
        if stack:
            found = (number, stack[-1] + 1)
    return found


def _typographic_quote(lines: list[str], line: int):
    for number in (line, line - 1):
        if number < 1:
            continue
        text = lines[number - 1]
        start = _value_start(text)
        if start >= 0 and text[start] in TYPOGRAPHIC_QUOTES:
            key = _KEY.match(text)
            value = _strip_comment(text[start:]).strip().strip(TYPOGRAPHIC_QUOTES)
            return "yaml-typographic-quote", number, start + 1, {"quote": text[start], "rewrite": _rewrite(key.group(2) if key else "", value)}
    return None


def _rewrite(key: str, value: str, single: bool = False) -> str:
    """`key: "value"`, the line written so that YAML reads `value` as text."""
    quoted = "'" + value.replace("'", "''") + "'" if single else json.dumps(value, ensure_ascii=False)
    return f"{key}: {quoted}" if key else quoted


def _colon_or_indent(lines: list[str], line: int, column: int):
    """"mapping values are not allowed": a second ': ' on a key's line, or a line indented too far."""
    text = lines[line - 1]
    key = _KEY.match(text)
    if key and key.end() < column:
        value = _strip_comment(text[key.end() :]).strip()
        hash_lost = text[key.end() :].strip() != value
        rewrite = _rewrite(key.group(2).strip(), text[key.end() :].strip() if hash_lost else value)
        return "yaml-colon-in-value", line, column, {"key": key.group(2).strip(), "rewrite": rewrite}
    # The line reads as the continuation of the value above: indented deeper than its sibling.
    for number, above in _content(lines, line):
        return "yaml-indent", line, _indent(text), {"found": _indent(text), "expected": _indent(above), "above": number}
    return "yaml-syntax", line, column, {"problem": ""}


def _misplaced_line(lines: list[str], line: int, column: int):
    """A line whose indentation fits no block above it, or a list item among keys."""
    text = lines[line - 1]
    found = _indent(text)
    dash = text.lstrip().startswith("- ") or text.strip() == "-"
    above = list(_content(lines, line))
    columns = [_indent(t) for _, t in above if (t.lstrip().startswith("-")) == dash] or [_indent(t) for _, t in above]
    if dash and above and not above[0][1].lstrip().startswith("-") and found == _indent(above[0][1]):
        return "yaml-dash-in-mapping", line, found, {}
    if not columns or found in columns:
        return "yaml-syntax", line, column, {"problem": ""}
    previous = _indent(above[0][1])
    nearest = min(columns, key=lambda c: (abs(c - found), c != previous, -c))
    return "yaml-indent", line, found, {"found": found, "expected": nearest, "above": next(n for n, t in above if _indent(t) == nearest)}


# `name: Emne #2 og 3`: YAML reads "Emne" and a comment.  A comment written on
# purpose has a space after '#'; one glued to a word is almost always text.
_GLUED_COMMENT = re.compile(r"^[ \t]*(?:-[ \t]+)?([A-Za-z_][\w-]*):[ \t]+([^\s\"'\[{#&*!|>%@`][^#\n]*?)[ \t]#[^\s#]", re.M)


def glued_comments(text: str) -> list[tuple[int, int, str, str]]:
    """(line, column of the '#', key, value YAML kept) for each unquoted value cut short by ' #word'."""
    found = []
    for match in _GLUED_COMMENT.finditer(text):
        hash_at = match.end() - 2
        line = text.count("\n", 0, match.start()) + 1
        found.append((line, hash_at - text.rfind("\n", 0, hash_at), match.group(1), match.group(2).strip()))
    return found
