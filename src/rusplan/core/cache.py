"""A content-addressed cache of parsed, valid rules files.

Parsing the 700-line rules file with libyaml costs ~10 ms on every run,
more than checking a programme.  A rules file that parsed and validated is
stored (data and marks, with marshal) under a checksum of its text and of
the rusplan version, together with the text itself: an entry is used only if
its text is the text read now, so an edited file, a checksum collision or a
new rusplan never sees stale data.  (zlib's checksums, not hashlib: importing
OpenSSL costs more than the cache saves on a cold start.)
Programme files are never cached, and nothing is written next to them.

Location: $RUSPLAN_CACHE_DIR, else $XDG_CACHE_HOME/rusplan, else
~/.cache/rusplan.  RUSPLAN_NO_CACHE=1 turns it off; a cache that cannot be
read or written is silently ignored.
"""

from __future__ import annotations

import marshal
import os
import zlib

from .. import __version__
from ..io.loader import Document


def _dir() -> str | None:
    if os.environ.get("RUSPLAN_NO_CACHE"):
        return None
    base = os.environ.get("RUSPLAN_CACHE_DIR")
    if not base:
        xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = os.path.join(xdg, "rusplan")
    return base


def _file(text: str) -> str | None:
    folder = _dir()
    if folder is None:
        return None
    raw = f"{__version__}\0{text}".encode("utf-8")
    return os.path.join(folder, f"rules-{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}{len(raw):x}.marshal")


def get(path: str, text: str) -> Document | None:
    target = _file(text)
    if target is None:
        return None
    try:
        with open(target, "rb") as handle:
            stored, data, marks = marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if stored != text:
        return None
    return Document(path=path, data=data, marks=marks)


def put(doc: Document, text: str) -> None:
    target = _file(text)
    if target is None:
        return
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        temp = f"{target}.{os.getpid()}.tmp"
        with open(temp, "wb") as handle:
            marshal.dump((text, doc.data, doc.marks), handle)
        os.replace(temp, target)  # atomic: parallel workers never read half a file
    except (OSError, ValueError):
        pass
