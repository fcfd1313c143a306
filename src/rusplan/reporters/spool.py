"""What streaming reporters need to write a document whose head depends on its whole body.

JUnit's totals, SARIF's rule list, Markdown's overall verdict and HTML's batch
table come before the files they sum up. Those reporters write each file's
part to a :class:`Spool` as it arrives (in memory while it is small, then a
temporary file), and at the end write the head, copy the spool, write the
tail. Memory stays flat however many files there are.

The head and tail come from rendering the document's skeleton once with a
:data:`MARK` where the files go and splitting it there (:func:`split`), so
they are the bytes the one-piece renderer writes.
"""

from __future__ import annotations

import codecs
import tempfile
from typing import Any, Callable

# Where the files' parts go in a rendered skeleton; nothing rusplan writes contains it.
MARK = "rusplan-stream-mark-7f3e"
_IN_MEMORY = 512 * 1024  # bytes kept in memory before the spool moves to a temporary file
_CHUNK = 1024 * 1024


class Spool:
    """Text written once and copied out once, in order."""

    def __init__(self) -> None:
        self._file = tempfile.SpooledTemporaryFile(max_size=_IN_MEMORY, mode="w+b")
        self.empty = True

    def write(self, text: str) -> None:
        if text:
            self.empty = False
            # surrogatepass: the text comes back exactly as it went in, whatever it holds.
            self._file.write(text.encode("utf-8", "surrogatepass"))

    def copy_to(self, out: Callable[[str], Any]) -> None:
        self._file.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")("surrogatepass")
        while True:
            chunk = self._file.read(_CHUNK)
            text = decoder.decode(chunk, final=not chunk)
            if text:
                out(text)
            if not chunk:
                break

    def lines(self):
        """The text written, line by line (each with its newline), for a second pass over it."""
        self._file.seek(0)
        for line in self._file:
            yield line.decode("utf-8", "surrogatepass")

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> "Spool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def split(rendered: str, mark: str = MARK) -> tuple[str, str]:
    """`rendered` before and after its one `mark`."""
    head, found, tail = rendered.partition(mark)
    if not found or mark in tail:
        raise ValueError("the skeleton must hold the stream mark exactly once")
    return head, tail


def json_items(skeleton: str) -> tuple[str, str, str]:
    """Head, item indent and tail of an indented JSON skeleton whose array holds only `"MARK"`.

    `json.dumps(..., indent=2)` writes an array's items one per line at the
    array's depth, so an item dumped on its own with every line prefixed by
    that indent is the same text, and items are joined by ",\\n" + indent.
    """
    head, tail = split(skeleton, f'"{MARK}"')
    indent = head[len(head.rstrip(" ")):]
    return head, indent, tail


def indented(text: str, indent: str) -> str:
    """Every line of `text` after the first prefixed by `indent` (JSON has no raw newline in a string)."""
    return text.replace("\n", "\n" + indent)
