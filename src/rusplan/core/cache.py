"""A cache of parsed rules files that cannot lie and cannot be turned against the user.

What it saves: libyaml parses the 800-line rules file in about 10 ms on
every run; reading a stored parse takes under 1 ms (measured in
docs/performance.md, "rules cache").  Only the *parse* is stored (the data
and the line marks), never a judgement: a hit goes through the same
meta-schema validation and cross-checks as a fresh parse, so the cache can
never let a broken rules file through, and anything wrong with an entry
makes it a miss, never an error.

How it stays honest:
- the key is a checksum of everything that determines the stored value: the
  rules text, the rusplan version and the source of the YAML reader that
  produced the parse; the entry also holds the text itself, compared in full,
  so a checksum collision is a miss;
- an entry carries a CRC-32 over its payload (a flipped bit is a miss) and
  must have the expected shape;
- it is read only from a directory owned by the user and writable by no one
  else (like ssh's ~/.ssh), so no other account can plant an entry.  An
  entry the user edits by hand with a matching checksum is the user's own
  doing: the cache does not defend the user against themself;
- an entry is opened with O_NOFOLLOW|O_NONBLOCK and used only if it is a
  regular file of bounded size (a FIFO or a symlink at its path is a miss,
  never a hang, never a read of another file);
- it is written to a fresh random name opened O_CREAT|O_EXCL|O_NOFOLLOW, mode
  0600, then renamed over the entry atomically: a planted symlink is never
  followed and parallel workers never read half a file.

Programme files are never cached, and nothing is written next to them.
(zlib's checksums, not hashlib: importing OpenSSL costs more than the cache
saves on a cold start.)

Location: $RUSPLAN_CACHE_DIR, else $XDG_CACHE_HOME/rusplan, else
~/.cache/rusplan.  RUSPLAN_NO_CACHE=1 turns it off; a cache that cannot be
read or written is silently ignored.
"""

from __future__ import annotations

import marshal
import os
import stat
import zlib

from .. import __version__
from ..io.loader import Document

_MAGIC = b"rusplan-rules-cache/2\n"
MAX_ENTRY = 32 * 1024 * 1024  # far above any real rules file's parse; larger is not ours


def _dir() -> str | None:
    if os.environ.get("RUSPLAN_NO_CACHE"):
        return None
    base = os.environ.get("RUSPLAN_CACHE_DIR")
    if not base:
        xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = os.path.join(xdg, "rusplan")
    return base


def _private(folder: str) -> bool:
    """The folder is a real directory of this user that no one else can write to."""
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)):
        return False
    return True


def _reader_source() -> bytes:
    """The source of the code that turns text into the stored parse: a new reader never sees an old entry."""
    from ..io import loader

    try:
        with open(loader.__file__, "rb") as handle:
            return handle.read()
    except OSError:
        return b""


def key(text: str) -> str:
    """The entry's name: a checksum of the text, the version and the reader's source."""
    raw = f"{__version__}\0".encode() + _reader_source() + b"\0" + text.encode("utf-8")
    return f"rules-{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}{len(raw):x}.marshal"


def entry_path(text: str) -> str | None:
    folder = _dir()
    return None if folder is None else os.path.join(folder, key(text))


def _read(target: str) -> bytes | None:
    """The entry's bytes, if it is a regular file of ours of bounded size; never blocks, never follows a link."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(target, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY:
            return None
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            return None
        chunks, left = [], info.st_size + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        return data if len(data) <= info.st_size else None  # grew while read: not a stable entry
    except OSError:
        return None
    finally:
        os.close(fd)


def _unpack(raw: bytes, text: str):
    """(data, marks) from an entry, or None for anything that is not an intact entry for `text`."""
    if not raw.startswith(_MAGIC) or len(raw) < len(_MAGIC) + 4:
        return None
    body = raw[len(_MAGIC) + 4 :]
    if zlib.crc32(body).to_bytes(4, "big") != raw[len(_MAGIC) : len(_MAGIC) + 4]:
        return None
    try:
        stored = marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return None
    if not (isinstance(stored, tuple) and len(stored) == 3 and stored[0] == text and isinstance(stored[2], dict)):
        return None
    return stored[1], stored[2]


def get(path: str, text: str) -> Document | None:
    """The stored parse of `text`, or None (no cache, no entry, or an entry that is not intact)."""
    target = entry_path(text)
    if target is None or not _private(os.path.dirname(target)):
        return None
    raw = _read(target)
    found = _unpack(raw, text) if raw is not None else None
    if found is None:
        return None
    return Document(path=path, data=found[0], marks=found[1])


def put(doc: Document, text: str) -> None:
    """Store the parse of a rules file that validated; any failure leaves the cache as it was."""
    target = entry_path(text)
    if target is None:
        return
    folder = os.path.dirname(target)
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        if not _private(folder):
            return
        body = marshal.dumps((text, doc.data, doc.marks))
    except (OSError, ValueError):
        return
    temp = os.path.join(folder, f".{os.urandom(8).hex()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(temp, flags, 0o600)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(_MAGIC + zlib.crc32(body).to_bytes(4, "big") + body)
        os.replace(temp, target)  # atomic; replaces a link at `target` itself, never what it points to
    except OSError:
        try:
            os.unlink(temp)
        except OSError:
            pass
