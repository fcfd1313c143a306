"""Every escape between a programme file (or a file name) and an output: the one place for it.

Strings from a programme file can hold anything YAML's escapes make
("\\e[2J", "\\r", "\\n::error::") and file names anything but "/" and NUL,
even bytes that are not UTF-8 (Python hands those over as lone surrogates).
None of it may reach a terminal, a CI log or a report as a control sequence
or a command, so every reporter passes user text through this module:

- `visible`: control characters (C0, DEL, C1), the bidirectional overrides
  and isolates (U+202A-202E, U+2066-2069), line and paragraph separators and
  lone surrogates become printable escapes (``\\x1b``, ``\\n``, ``\\u202e``,
  ``\\xff`` for an undecodable byte of a file name), so one value is one
  line and reads the same in every format;
- `safe_line`: a text-report line that a CI runner would read as a workflow
  command (``::error::``, ``##[error]``, ``##vso[``) gets its first colon or
  hash escaped;
- `github_data` / `github_property`: GitHub's own escaping of workflow
  command values (%, CR, LF; and : , in properties);
- `markdown_text` / `markdown_code`: text for a Markdown table or heading
  with Markdown syntax escaped, raw HTML, links and images made inert and
  @mentions broken;
- `json_text`: JSON with C1 and bidirectional controls written as \\u
  escapes (same data, no raw control bytes);
- `shorten`: caps a string for table cells.

All of it is linear in the length of the text.
"""

from __future__ import annotations

import re

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# C0 and DEL, C1, line/paragraph separators, bidi embeddings/overrides/isolates, lone surrogates.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: object) -> str:
    """`text` with every control, bidi and undecodable character as a printable escape."""
    text = str(text)
    return _INVISIBLE.sub(_escape, text) if _INVISIBLE.search(text) else text


# A line a CI runner reads as a command: GitHub (::cmd::, ##[cmd]) and Azure (##vso[).
_COMMAND = re.compile(r"\A(\s*)(::|##)")


def safe_line(line: str) -> str:
    """`line` (already `visible`) that no CI runner takes as a workflow command."""
    return _COMMAND.sub(lambda m: m.group(1) + ("\\x3a:" if m.group(2) == "::" else "\\x23#"), line, count=1)


def github_data(text: str) -> str:
    """A workflow command's message, as GitHub's toolkit escapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A workflow command's property value (file=, title=), as GitHub's toolkit escapes it."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


# The characters that can open markup inside a line: emphasis, code, links and images ([ !),
# HTML and entities (< &), tables (|), strikethrough (~).  The rest of ASCII punctuation
# stays as written, so the raw comment stays readable.
_MARKDOWN = re.compile(r"([\\`*_\[\]|~!])")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _entities(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def markdown_text(text: object) -> str:
    """Plain text inside a Markdown table cell or heading: nothing in it is markup.

    `& < >` become entities (no HTML) and every other character that can open
    markup is backslash-escaped (no link, image, emphasis or table cell), line breaks
    become <br> (the one tag rusplan writes itself), and a word joiner after
    "@", in "://" and after "www" stops GitHub and GitLab from turning
    mentions and bare addresses into links.
    """
    text = _LINE_BREAK.sub("\n", str(text))
    lines = [_MARKDOWN.sub(r"\\\1", _entities(visible(part))) for part in text.split("\n")]
    out = "<br>".join(lines)
    return out.replace("@", "@\u2060").replace("://", ":\u2060//").replace("www", "www\u2060")


def markdown_code(text: object) -> str:
    """`text` as a code span in a table cell or heading, fenced past any backticks inside it."""
    text = visible(text)
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text.replace('|', chr(92) + '|')}{pad}{fence}"


_JSON_RAW = "[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"  # compiled on first use (re's cache)


def json_text(document: object, **options) -> str:
    """`json.dumps(document, ensure_ascii=False)`, with no raw control or bidi character in it.

    json already escapes C0; C1, DEL and the bidirectional controls become
    \\u escapes, which JSON readers decode to the same string.
    """
    import json

    text = json.dumps(document, ensure_ascii=False, **options)
    return re.sub(_JSON_RAW, lambda m: f"\\u{ord(m.group()):04x}", text)


def shorten(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, the cut marked with "…"."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
