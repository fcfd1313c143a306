"""Read a YAML file into plain Python data plus the position of every node.

The loader is the only place that touches YAML.  It composes the node tree
with libyaml's C parser (falling back to the pure-Python one) and builds the
data itself instead of letting PyYAML construct it, because PyYAML silently
accepts what a compliance checker must not: duplicate keys, YAML 1.1
booleans (``no``), octal and sexagesimal numbers (``010``, ``1:30``), merge
keys and arbitrary tags.  Every refusal is a :class:`LoadError` with a line
and column; the caller decides how to report it.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .spaces import ODD_SPACE as _ODD_SPACE
from .spaces import ODD_SPACES

try:  # libyaml is an optional part of PyYAML; the C parser is ~10x faster.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple  # a path into the document: ("courses", 2, "credits")

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_MAX_DEPTH = 64
DEFAULT_MAX_NODES = 100_000
MAX_NUMBER_LENGTH = 30  # characters of a plain number: credits, weeks and semesters need a handful

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
# What a plain or quoted key resolves to without a tag; any other tag on a key was written.
_KEY_TAGS = frozenset({_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP})

_PLAIN_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)\Z")
_PLAIN_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\Z")
# Numbers are taken only in their plain decimal spelling; YAML 1.1's others are errors.
_PLAIN_NUMBERS = {_INT: (_PLAIN_INT, int), _FLOAT: (_PLAIN_FLOAT, float)}
# "7,5": the Norwegian decimal comma.  YAML reads it as text; where the format
# wants a number, validate.py reads it as 7.5 (docs/programme-format.md).
_DECIMAL_COMMA = re.compile(r"[-+]?[0-9]+,[0-9]+\Z")


def decimal_comma(text: str):
    """The number "7,5" spells, converted as the loader converts "7.5"."""
    return _PLAIN_NUMBERS[_FLOAT][1](text.replace(",", "."))


@dataclass
class LoadError(Exception):
    """A file that could not be read as a programme/rules document."""

    message: str
    line: int = 0
    column: int = 0
    hint: str = ""
    # A stable, language-neutral key for the kind of problem (used by tests,
    # JSON output and the English/Norwegian message tables).
    code: str = "yaml-syntax"
    params: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        # messages.py is the one catalogue: where it has the code, its English
        # sentence (which says what to do) replaces the text and hint given here.
        from .. import messages

        worded = messages.localise(self.code, "en", self.params, "")
        if worded:
            self.message, self.hint = worded, ""

    def __str__(self) -> str:  # pragma: no cover - convenience only
        return self.message


def load_problem(err: LoadError, lang: str):
    """The LoadError as the located Problem a report shows, in `lang`."""
    from .. import messages
    from ..core.result import Problem

    text = messages.localise(err.code, lang, err.params, "")
    # The catalogue's sentences already say what to do; a code it lacks
    # (none today: test_every_refusal_of_the_loader_has_a_sentence_in_each_language)
    # falls back to the loader's English and its hint.
    return Problem(text or err.message, err.line, err.column, code=err.code, hint="" if text else err.hint)


@dataclass
class Document:
    """The data of one YAML file with 1-based (line, column) marks per node."""

    path: str
    data: Any
    marks: dict = field(default_factory=dict)  # Path -> (line, column) of the value
    key_marks: dict = field(default_factory=dict)  # Path -> (line, column) of the key
    dates: list = field(default_factory=list)  # Paths of unquoted YAML timestamps
    repeats: dict = field(default_factory=dict)  # Path of an aliased list or mapping -> Path of its anchor
    commas: list = field(default_factory=list)  # Paths of unquoted decimal-comma figures ("7,5")
    yes_no: list | None = field(default_factory=list)  # Paths of unquoted YAML 1.1 booleans (yes, no, on, off)
    glued_comments: list = field(default_factory=list)  # (line, column, key, kept) of values cut short by ' #word'

    def locate(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """Line and column of `path`, or of its nearest located ancestor."""
        path = tuple(path)
        table = self.key_marks if key else self.marks
        while path:
            if path in table:
                return table[path]
            if key and path in self.marks:
                return self.marks[path]
            path = path[:-1]
        return self.marks.get((), (1, 1))


def read_text(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read a file as UTF-8 text (BOM allowed), refusing huge or binary files."""
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        raise LoadError("file not found", code="not-found") from None
    except OSError as exc:
        raise LoadError(f"cannot read file: {exc.strerror}", code="unreadable", params={"reason": exc.strerror}) from None
    if not os.path.isfile(path):
        raise LoadError("not a regular file", code="not-a-file")
    if size > max_bytes:
        raise LoadError(
            f"file is {size} bytes, over the limit of {max_bytes}",
            hint="raise the limit with --max-bytes if the file is genuine",
            code="too-large",
            params={"size": size, "limit": max_bytes},
        )
    # Read in chunks up to the limit rather than trusting stat: files can grow
    # while read, and /proc-like files report size 0.
    chunks, total = [], 0
    try:
        with open(path, "rb") as handle:
            while total <= max_bytes:
                chunk = handle.read(1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
    except OSError as exc:
        raise LoadError(f"cannot read file: {exc.strerror}", code="unreadable", params={"reason": exc.strerror}) from None
    if total > max_bytes:
        raise LoadError(
            f"file is over the limit of {max_bytes} bytes", code="too-large", params={"size": total, "limit": max_bytes}
        )
    return decode(b"".join(chunks))


def decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    nul = raw.find(b"\x00")
    if nul != -1:
        line, column = _byte_position(raw, nul)
        code, what, hint = (
            ("utf16", "UTF-16 text", "save the file as UTF-8")
            if _looks_like_utf16(raw)
            else ("binary", "binary data", "programme files are UTF-8 text")
        )
        raise LoadError(
            f"{what}: NUL byte at offset {nul}", line=line, column=column, hint=hint, code=code, params={"offset": nul}
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _byte_position(raw, exc.start)
        raise LoadError(
            f"not UTF-8: byte 0x{raw[exc.start]:02x} at offset {exc.start}",
            line=line,
            column=column,
            hint="save the file as UTF-8 (Latin-1 and Windows-1252 are not accepted)",
            code="encoding",
            params={"offset": exc.start},
        ) from None


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in bytes) of `offset`."""
    return raw.count(b"\n", 0, offset) + 1, offset - (raw.rfind(b"\n", 0, offset) + 1) + 1


def _looks_like_utf16(raw: bytes) -> bool:
    """A UTF-16 byte order mark, or mostly ASCII text with every other byte NUL."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return True
    head = raw[:256]
    return len(head) >= 4 and any(head[i::2].count(0) * 4 >= len(head[i::2]) * 3 for i in (0, 1))


def _flow_offset(text: str, depth: int) -> int | None:
    """Where a [ or { nested `depth` deep opens, found without parsing; or None.

    Brackets inside quoted strings count too: this over-estimates, and
    `_prescan` parses the few files it flags to find the real depth.
    """
    if text.count("[") + text.count("{") < depth:
        return None
    level = 0
    for match in re.finditer(r"[\[\]{}]", text):
        if match.group() in "[{":
            level += 1
            if level == depth:
                return match.start()
        elif level:
            level -= 1
    return None



def _block_prefix(limit: int) -> re.Pattern:
    """A line starting with more than 4 * `limit` characters that are spaces,
    tabs or block indicators ("- - - ", "? ", ": ").  Every block collection
    starts within that prefix of its line, and each nested one starts at least
    one column further in (a sequence under a key may share its column once),
    so without such a line block nesting stays below 8 * `limit` + 2 levels."""
    return re.compile(r"^[ \t?:-]{%d}" % (4 * limit + 1), re.M)


def _node_bound(text: str) -> int:
    """An upper bound on the nodes the composer builds, without parsing.

    Every sequence item needs a "-", "," or "[" and every mapping entry
    (two nodes) a ":", "?", "," or "{"; aliases add no node.  Characters in
    text and comments count too, so this over-estimates.
    """
    count = text.count
    return 1 + 2 * (count(":") + count("?") + count(",") + count("{")) + count("-") + count(",") + count("[")


def _prescan(text: str, max_depth: int, max_nodes: int) -> LoadError | None:
    """Why `text` must not reach the composer, found from parser events; or None.

    libyaml composes nested collections recursively and crashes the
    interpreter (a C stack overflow, not an exception) somewhere past 20,000
    levels of flow ("[[[[") or block ("- - - -") nesting, and composes every
    node before the builder can count them: a 5 MB file of list items costs
    seconds and most of a gigabyte.  Cheap upper bounds come first; only a
    file they flag is parsed to events, which libyaml does with its own stack
    and constant memory, to find the exact place.  Depth counts like the
    builder's: the collections around a node.  Files that pass are at most a
    few hundred levels deep and have at most `max_nodes` nodes as written;
    the builder then refuses nesting beyond `max_depth` and aliases that
    expand beyond `max_nodes`.
    """
    deep = _flow_offset(text, max_depth + 1) is not None or _block_prefix(max_depth).search(text)
    if not deep and _node_bound(text) <= max_nodes:
        return None
    loader = _Loader(text)
    # Open collections: [is a mapping, nodes in it so far].  Like the builder,
    # count and nest values, not plain keys (the value that follows a key is
    # as deep); a list or mapping as a key is refused later, but nested keys
    # ("? ? ? ?") must not reach the composer either.
    stack: list[list] = []
    nodes = 0
    try:
        while True:
            event = loader.get_event()
            if event is None:
                return None
            if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.CollectionStartEvent)):
                mark = event.start_mark
                is_key = bool(stack) and stack[-1][0] and stack[-1][1] % 2 == 0
                plain_key = is_key and not isinstance(event, yaml.CollectionStartEvent)
                if len(stack) > max_depth and not plain_key:
                    return LoadError(
                        f"nesting is deeper than {max_depth} levels",
                        line=mark.line + 1,
                        column=mark.column + 1,
                        code="too-deep",
                        params={"limit": max_depth},
                    )
                if stack:
                    stack[-1][1] += 1
                if isinstance(event, yaml.CollectionStartEvent):
                    stack.append([isinstance(event, yaml.MappingStartEvent), 0])
                nodes += not is_key
                if nodes > max_nodes:
                    return LoadError(
                        f"the document has more than {max_nodes} nodes",
                        line=mark.line + 1,
                        column=mark.column + 1,
                        hint="a programme file needs far fewer",
                        code="too-many-nodes-written",
                        params={"limit": max_nodes},
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                stack.pop()
    except yaml.YAMLError as exc:
        if "maximum nesting depth" in str(exc):
            # libyaml 0.2.6 stops flow nesting at 1,000 levels while scanning ahead, before the
            # events reach our limit: point at the collection our limit refuses, as for block nesting.
            offset = _flow_offset(text, max_depth + 2)
            if offset is not None:
                line = text.count("\n", 0, offset) + 1
                column = offset - text.rfind("\n", 0, offset)
                return LoadError(
                    f"nesting is deeper than {max_depth} levels", line=line, column=column, code="too-deep", params={"limit": max_depth}
                )
        return None  # the composer reports the error, and stops there too: no deeper, no more nodes
    finally:
        loader.dispose()


def parse(
    text: str,
    path: str = "<string>",
    *,
    max_depth: int = DEFAULT_MAX_DEPTH,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> Document:
    """Parse one YAML document from `text`; raise LoadError on anything doubtful."""
    refused = _prescan(text, max_depth, max_nodes)
    if refused:
        raise refused
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(text, exc) from None
    except yaml.reader.ReaderError as exc:  # a control character; no mark, and libyaml's position is in bytes
        index = text.find(chr(exc.character)) if isinstance(exc.character, int) else -1
        problem = f"unacceptable character #x{exc.character:04x}: {exc.reason}" if index != -1 else exc.reason
        raise LoadError(
            f"invalid YAML: {problem}",
            line=text.count("\n", 0, index) + 1 if index != -1 else 0,
            column=index - text.rfind("\n", 0, index) if index != -1 else 0,
            code="yaml-control" if index != -1 else "yaml-syntax",
            params={"problem": problem, "code": f"U+{exc.character:04X}" if index != -1 else ""},
        ) from None
    except yaml.YAMLError as exc:
        raise LoadError(f"invalid YAML: {exc}".splitlines()[0], code="yaml-syntax", params={"problem": str(exc).splitlines()[0] if str(exc) else ""}) from None
    except RecursionError:
        raise LoadError(f"nesting is deeper than {max_depth} levels", code="too-deep", params={"limit": max_depth}) from None
    finally:
        loader.dispose()
    if root is None:
        raise LoadError("the file is empty", line=1, column=1, code="empty")
    doc = Document(path=path, data=None)
    doc.data = _Builder(doc, max_depth, max_nodes).build(root, ())
    if doc.repeats:
        # A repeated node carries its anchor's position; point at the alias instead.
        for repeat, mark in zip(doc.repeats, _collection_aliases(text)):
            doc.marks[repeat] = mark
    if " #" in text or "\t#" in text:
        from .yamlerrors import glued_comments

        doc.glued_comments = glued_comments(text)
    return doc


def _collection_aliases(text: str) -> list[tuple[int, int]]:
    """Line and column of each alias (*a) of a list or mapping, in document order."""
    collections, found = set(), []
    loader = _Loader(text)
    try:
        while True:
            event = loader.get_event()
            if event is None:
                return found
            if isinstance(event, yaml.CollectionStartEvent) and event.anchor:
                collections.add(event.anchor)
            elif isinstance(event, yaml.AliasEvent) and event.anchor in collections:
                found.append((event.start_mark.line + 1, event.start_mark.column + 1))
    finally:
        loader.dispose()


def _syntax_error(text: str, exc: yaml.MarkedYAMLError) -> LoadError:
    """A LoadError that names the mistake behind a libyaml syntax error (yamlerrors.py)."""
    from .yamlerrors import explain

    if "another document" in (exc.problem or ""):
        mark = exc.problem_mark
        return LoadError(
            "a second YAML document ('---') follows the first; a programme file holds exactly one",
            line=mark.line + 1,
            column=mark.column + 1,
            code="multiple-documents",
        )
    mark, context = exc.problem_mark or exc.context_mark, exc.context_mark
    code, line, column, params = explain(
        text,
        exc.problem or "",
        exc.context or "",
        mark.line + 1 if mark else 1,
        mark.column + 1 if mark else 1,
        context.line + 1 if context else 0,
        context.column + 1 if context else 0,
    )
    params.setdefault("problem", exc.problem or "")
    return LoadError(f"invalid YAML: {exc.problem or exc.context}", line=line, column=column, code=code, params=params)


def load(
    path: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> Document:
    return parse(read_text(path, max_bytes), path, max_depth=max_depth, max_nodes=max_nodes)


def load_bytes(raw: bytes, path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """The document in `raw` (the bytes of a file called `path`), with the limits `load` applies."""
    if len(raw) > max_bytes:
        raise LoadError(
            f"file is over the limit of {max_bytes} bytes", code="too-large", params={"size": len(raw), "limit": max_bytes}
        )
    return parse(decode(raw), path)


def _refuse_odd_space(node: yaml.Node, value: str, anywhere: bool) -> None:
    """A pasted odd space (NBSP, ...) in a key, or around an unquoted value, is a paste error."""
    if anywhere:
        found = _ODD_SPACE.search(value)
        spot = found.start() if found else -1
    else:
        spot = 0 if value[0] in ODD_SPACES else len(value) - 1 if value[-1] in ODD_SPACES else -1
    if spot >= 0:
        mark = node.start_mark
        raise LoadError(
            f"special space U+{ord(value[spot]):04X} in '{value.strip()}'",
            line=mark.line + 1,
            column=mark.column + 1 + (spot if mark.line == node.end_mark.line else 0),
            code="yaml-odd-space",
            params={"code": f"U+{ord(value[spot]):04X}"},
        )


class _Builder:
    """Turn a composed node tree into dicts/lists/scalars, recording marks."""

    def __init__(self, doc: Document, max_depth: int, max_nodes: int) -> None:
        self.doc = doc
        self.max_depth = max_depth
        self.budget = max_nodes
        self.max_nodes = max_nodes
        self.built: dict[int, Path] = {}

    def inside_repeat(self, path: Path) -> bool:
        return any(path[:i] in self.doc.repeats for i in range(len(path)))

    def fail(self, node: yaml.Node, message: str, hint: str = "", code: str = "yaml", **params) -> None:
        mark = node.start_mark
        raise LoadError(message, line=mark.line + 1, column=mark.column + 1, hint=hint, code=code, params=params)

    def build(self, node: yaml.Node, path: Path) -> Any:
        # Aliases are shared node objects; building them again (not reusing
        # the result) keeps marks per path and makes the node budget count the
        # expanded size, which is what stops "billion laughs".
        self.budget -= 1
        if self.budget < 0:
            self.fail(
                node,
                f"the document expands to more than {self.max_nodes} nodes",
                hint="anchors and aliases (&a / *a) multiply the data; a programme file never needs this many",
                code="too-many-nodes",
                limit=self.max_nodes,
            )
        if len(path) > self.max_depth:
            self.fail(node, f"nesting is deeper than {self.max_depth} levels", code="too-deep", limit=self.max_depth)
        mark = node.start_mark
        self.doc.marks[path] = (mark.line + 1, mark.column + 1)
        if isinstance(node, yaml.CollectionNode):
            # An alias is the same node object again: remember where it was first built
            # (not for what lies inside a repeat: that is one alias in the text).
            first = self.built.setdefault(id(node), path)
            if first != path and not self.inside_repeat(path):
                self.doc.repeats[path] = first
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                self.fail(node, f"unsupported tag {node.tag}", code="tag", tag=node.tag)
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self.scalar(node, path)

    def mapping(self, node: yaml.MappingNode, path: Path) -> dict:
        if node.tag != _MAP:
            self.fail(node, f"unsupported tag {node.tag}", code="tag", tag=node.tag)
        result: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                self.fail(key_node, "YAML merge keys ('<<') are not supported", hint="write the keys out in full", code="merge-key")
            if not isinstance(key_node, yaml.ScalarNode):
                self.fail(key_node, "a key must be plain text, not a list or mapping", code="complex-key")
            if key_node.tag not in _KEY_TAGS:  # `!!python/object/apply:os.system credits: 60`
                self.fail(key_node, f"unsupported tag {key_node.tag}", hint="remove the '!' tag", code="tag", tag=key_node.tag)
            key = key_node.value
            _refuse_odd_space(key_node, key, anywhere=True)
            if key in result:
                first = self.doc.key_marks[path + (key,)]
                self.fail(
                    key_node,
                    f"duplicate key '{key}' (first at line {first[0]})",
                    hint="YAML keeps only the last value; remove or merge the duplicates",
                    code="duplicate-key",
                    key=key,
                    first_line=first[0],
                )
            mark = key_node.start_mark
            self.doc.key_marks[path + (key,)] = (mark.line + 1, mark.column + 1)
            result[key] = self.build(value_node, path + (key,))
        return result

    def scalar(self, node: yaml.ScalarNode, path: Path) -> Any:
        tag, value = node.tag, node.value
        if tag == _STR:
            if not node.style and value:  # plain (libyaml gives "", the Python parser None)
                if value[0] in ODD_SPACES or value[-1] in ODD_SPACES:
                    _refuse_odd_space(node, value, anywhere=False)
                if "," in value and _DECIMAL_COMMA.match(value):
                    self.doc.commas.append(path)
            return value
        if tag == _NULL:
            return None
        if tag == _BOOL:
            if value.lower() in ("true", "false"):
                return value.lower() == "true"
            if self.doc.yes_no is not None:
                # Kept as text; the validator words it for what the format
                # wants here: a boolean (write true/false) or text (quote it).
                self.doc.yes_no.append(path)
                return value
            self.fail(
                node,
                f"unquoted '{value}' is a YAML 1.1 boolean",
                hint=f"write \"{value}\" in quotes if you mean the text, or true/false if you mean yes/no",
                code="yaml11-bool",
                value=value,
            )
        if tag in _PLAIN_NUMBERS:
            pattern, convert = _PLAIN_NUMBERS[tag]
            if len(value) > MAX_NUMBER_LENGTH:  # int() refuses over 4,300 digits
                self.fail(
                    node,
                    f"'{value[:20]}…' is a number of {len(value)} characters; rusplan reads numbers of at most {MAX_NUMBER_LENGTH}",
                    code="number-too-long",
                    value=value[:20] + "…" if len(value) > 20 else value,
                    length=len(value),
                    limit=MAX_NUMBER_LENGTH,
                )
            if pattern.match(value):
                number = convert(value)
                if not math.isfinite(number):  # float() makes 1.0e+999 infinity
                    self.fail(node, f"'{value}' is too large a number", code="number-too-large", value=value)
                return number
            self.fail(
                node,
                f"'{value}' is read as a number in a way people do not expect (octal, sexagesimal, hex, exponent or '_')",
                hint=f"write \"{value}\" in quotes for text, or a plain decimal number",
                code="ambiguous-number",
                value=value,
            )
        if tag == _TIMESTAMP:
            # Kept as the literal text; the validator decides whether a date
            # is welcome at this path (schema/validate.py: date-not-text).
            self.doc.dates.append(path)
            return value
        self.fail(node, f"unsupported tag {tag}", hint="remove the '!' tag", code="tag", tag=tag)
