"""Document kinds: the kinds of plan rusplan checks, one subpackage each.

The generic pipeline (rusplan.core) knows no kind.  It reads a document's
`format`, asks this registry for the kind that owns it, validates the document
against the kind's JSON Schema, has the kind build its model, and evaluates
the rulesets whose `kind:` names that kind.  A rules file without `kind:` is
for the study programme.

How to add a kind (say, `lis` for a doctor's individual education plan)
----------------------------------------------------------------------
1. Create ``src/rusplan/kinds/lis/__init__.py`` that defines ``KIND``::

       from .. import Kind, here
       KIND = Kind(
           name="lis",                       # what a rules file writes: `kind: lis`
           format="rusplan-lis/v1",           # what a document writes: `format: rusplan-lis/v1`
           schema=here(__file__, "lis-v1.schema.json"),          # the document's JSON Schema
           rules_schema=here(__file__, "rules-lis.schema.json"), # merged into the rules meta-schema
           hooks="rusplan.kinds.lis.hooks",   # imported only when a document of the kind is checked
           commands="rusplan.kinds.lis.commands",  # optional: `register(app)` adds CLI commands
       )

   Keep this ``__init__`` light: every run imports each kind's ``__init__``
   to learn its format.  Everything else goes in the hooks module.
2. The hooks module (see ``kinds/programme/hooks.py``) defines
   ``build(doc, ruleset, lang) -> model``, raising
   ``rusplan.core.result.InconsistentDocument`` with located Problems for what
   the schema cannot check.  The model is a new value: never change
   ``doc.data``.  It has ``doc`` (for line numbers), ``data`` (what rules
   select in), ``paths`` (the variants a ``per_path: true`` rule checks one by
   one, each with a ``name`` and the ``roots`` its selectors start from; an
   empty list for a kind without variants, whose rules then never say
   ``per_path``) and ``conversions`` (figure path -> how it was converted, for
   the messages; ``{}`` if nothing is).
   Optional: ``FUNCTIONS`` (kind-specific check functions, same signature as
   ``core.checks.FUNCTIONS``), ``VOCABULARY_MAPS`` (vocabulary name ->
   ``f(ruleset, value) -> id``, for values that stand for an entry of another
   vocabulary), ``title(model) -> (institution, code)`` (what titles the
   report), ``info(model, lang) -> [str]``, ``reword(problem, doc, ruleset,
   lang) -> Problem`` (a better sentence for a schema problem), ``VIEWS``
   (name -> ``f(model, ruleset, lang)``, e.g. the programme's "matrix"),
   ``rules_vocabularies(data, problem) -> {name: Vocabulary}`` (vocabularies
   the kind's rules files declare in their own sections, such as the
   programme's ``outcomes`` and ``areas``), ``starter(ruleset, lang) -> str``
   (a commented starter document, for an ``init`` command).
3. List the package (and its ``*.json``) in pyproject.toml, and put the
   kind's rules file, with ``kind: lis``, in ``rules/``.

No generic module changes: the registry finds kinds by listing this folder.
Tests and plug-ins may also call :func:`register`.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from typing import Any

DEFAULT = "programme"  # the kind of a rules file that names none


def here(module_file: str, name: str) -> str:
    """The path of `name` beside the module `module_file` (a kind's schemas)."""
    return os.path.join(os.path.dirname(os.path.abspath(module_file)), name)


@dataclass(eq=False)
class Kind:
    name: str
    format: str
    schema: str
    hooks: Any  # a module path, imported on first use, or any object with the hooks' attributes
    rules_schema: str | None = None
    commands: str | None = None
    _loaded: Any = field(default=None, repr=False)

    @property
    def module(self) -> Any:
        if self._loaded is None:
            self._loaded = importlib.import_module(self.hooks) if isinstance(self.hooks, str) else self.hooks
        return self._loaded

    def build(self, doc, ruleset, lang: str):
        return self.module.build(doc, ruleset, lang)

    @property
    def functions(self) -> dict:
        return getattr(self.module, "FUNCTIONS", {})

    @property
    def vocabulary_maps(self) -> dict:
        return getattr(self.module, "VOCABULARY_MAPS", {})

    def title(self, model) -> tuple[str, str]:
        hook = getattr(self.module, "title", None)
        return hook(model) if hook else ("", "")

    def info(self, model, lang: str) -> list[str]:
        hook = getattr(self.module, "info", None)
        return hook(model, lang) if hook else []

    def reword(self, problem, doc, ruleset, lang: str):
        hook = getattr(self.module, "reword", None)
        return hook(problem, doc, ruleset, lang) if hook else problem

    def rules_vocabularies(self, data: dict, problem) -> dict:
        """Vocabularies the kind's rules files declare outside `vocabularies` (the programme: outcomes, areas)."""
        hook = getattr(self.module, "rules_vocabularies", None)
        return hook(data, problem) if hook else {}

    def starter(self, ruleset, lang: str) -> str | None:
        """A commented starter document of the kind (`rusplan init`), or None if the kind has none."""
        hook = getattr(self.module, "starter", None)
        return hook(ruleset, lang) if hook else None

    def view(self, name: str):
        """The builder of view `name` (model, ruleset, lang) -> value, or None if the kind has none."""
        return getattr(self.module, "VIEWS", {}).get(name)


_KINDS: dict[str, Kind] = {}
_FOUND = False


def _discover() -> None:
    global _FOUND
    if _FOUND:
        return
    _FOUND = True
    folder = os.path.dirname(os.path.abspath(__file__))
    for entry in sorted(os.scandir(folder), key=lambda e: (e.name != DEFAULT, e.name)):  # the default kind first: its format is named first
        if entry.is_dir() and not entry.name.startswith(("_", ".")) and os.path.isfile(os.path.join(entry.path, "__init__.py")):
            kind = getattr(importlib.import_module(f"{__name__}.{entry.name}"), "KIND", None)
            if isinstance(kind, Kind):
                _KINDS.setdefault(kind.name, kind)


def register(kind: Kind) -> Kind:
    """Add `kind` (tests, plug-ins); a name or format already taken is a programming error."""
    _discover()
    for other in _KINDS.values():
        if other is not kind and (other.name == kind.name or other.format == kind.format):
            raise ValueError(f"kind {kind.name!r} ({kind.format}) clashes with {other.name!r} ({other.format})")
    _KINDS[kind.name] = kind
    return kind


def unregister(name: str) -> None:
    _KINDS.pop(name, None)


def all_kinds() -> list[Kind]:
    _discover()
    return list(_KINDS.values())


def get(name: str) -> Kind | None:
    _discover()
    return _KINDS.get(name)


def by_format(value: Any) -> Kind | None:
    """The kind whose format id `value` is exactly, or None."""
    if not isinstance(value, str):
        return None
    return next((k for k in all_kinds() if k.format == value), None)


def formats() -> list[str]:
    return [k.format for k in all_kinds()]
