"""Load rules files: the regulation as data.

A rules file is read by the same strict loader as programme files, checked
against the bundled meta-schema, and then cross-checked (vocabularies that
rules name exist, paths compile, ids are unique).  Any problem is a
:class:`RulesError` naming the file and line: a broken rules file never
produces a verdict about a programme.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .. import kinds, messages
from ..io import loader
from . import cache as _cache
from .result import Problem
from .similar import spelling_key as _key


class RulesError(Exception):
    def __init__(self, path: str, problems: list[Problem]) -> None:
        super().__init__(path)
        self.path = path
        self.problems = problems


_PARENTHESIS = re.compile(r"^(?P<outside>[^()]*)\((?P<inside>[^()]*)\)(?P<after>[^()]*)$")


@dataclass
class Vocabulary:
    name: str
    entries: list[dict]
    normalise: list[str] = field(default_factory=list)
    noun: dict = field(default_factory=dict)  # one value in a message, with its article: {nb: "en kjent ...", ...}

    def __post_init__(self) -> None:
        self.ids = [str(e["id"]) for e in self.entries]
        self.by_id = {str(e["id"]): e for e in self.entries}
        self.spellings: dict[str, str] = {}
        for entry in self.entries:
            names = [entry["id"], entry.get("nb"), entry.get("nn"), entry.get("en"), *entry.get("aliases", [])]
            for name in names:
                if name is not None:
                    self.spellings.setdefault(_key(name), str(entry["id"]))

    def lookup(self, value: Any) -> str | None:
        """The id `value` spells, or None.

        "Degree name (title)": a spelling with a parenthetical
        is also tried without it, then by the words inside it.
        """
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            return None
        found = self.spellings.get(_key(value))
        if found is None and isinstance(value, str):
            m = _PARENTHESIS.match(value)
            if m:
                found = self.spellings.get(_key(m["outside"] + " " + m["after"])) or self.spellings.get(_key(m["inside"]))
        return found

    def nearest(self, value: Any) -> str | None:
        """The accepted spelling closest to `value`, for a 'did you mean'."""
        from .similar import closest  # only for a value not recognised

        names = {}
        for entry in self.entries:
            for name in (entry["id"], entry.get("nb"), entry.get("nn"), entry.get("en"), *entry.get("aliases", [])):
                if name is not None:
                    names.setdefault(_key(name), str(name))
        close = closest(_key(value), list(names), cutoff=0.6)
        return names[close] if close else None

    def select(self, where: dict | None) -> list[str]:
        """Ids of the entries whose properties match `where`."""
        if not where:
            return list(self.ids)
        return [i for i in self.ids if all(self.by_id[i].get(k) == v for k, v in where.items())]

    def label(self, ident: str, lang: str) -> str:
        entry = self.by_id.get(ident, {})
        return str(entry.get(lang) or entry.get("nb") or ident)


@dataclass
class Check:
    function: str
    options: dict
    field: str | None = None
    message: dict | None = None
    severity: str | None = None  # a check of its own severity: a warning inside an error rule


@dataclass
class Rule:
    id: str
    section: str
    quote: str
    severity: str
    title: dict
    description: dict
    given: list[str]
    checks: list[Check]
    message: dict
    messages: dict
    examples: dict
    pass_message: dict | None = None
    per_path: bool = False
    scope_all: bool = False
    scope: dict | None = None  # {path, in, message}: the rule judges only documents whose value at `path` is listed
    line: int = 0  # where the rule is declared, for `explain`
    id_position: tuple = (0, 0)  # (line, column) of its id, for a problem about the id

    def text(self, attr: str, lang: str) -> str:
        value = getattr(self, attr)
        return value.get(lang) or value.get("nb") or ""


@dataclass
class Ruleset:
    path: str
    data: dict
    rules: list[Rule]
    vocabularies: dict[str, Vocabulary]

    @property
    def regulation(self) -> dict:
        return self.data["regulation"]

    @property
    def kind(self) -> str:
        """The document kind the rules are for (rusplan.kinds): `kind:`, by default the study programme."""
        return self.data.get("kind", kinds.DEFAULT)

    @property
    def settings(self) -> dict:
        return self.data.get("settings", {})

    @property
    def scope(self) -> dict | None:
        return self.data.get("scope")

    @property
    def outcomes(self) -> dict[str, dict]:
        return self.vocabularies["outcomes"].by_id

    def status(self, lang: str) -> dict:
        """What the ruleset transcribes and whether that is the regulation in force, for every report."""
        reg = self.regulation
        title = reg.get("title_en") if lang == "en" and reg.get("title_en") else reg["title"]
        status_text = messages.text(f"status-text-{reg['status']}", lang) + (f" {reg['proposed']}" if reg.get("proposed") else "")
        adopted = reg.get("adopted")
        binding = reg.get("binding")
        if binding and reg["status"] == "advice":
            # Advice that restates binding regulation in part: which verdicts are errors and which warnings.
            binding_title = binding.get("title_en") if lang == "en" and binding.get("title_en") else binding["title"]
            sentence = messages.text(
                "ruleset-status-advice", lang, title=title, status_text=status_text, status_quote=reg.get("status_quote", ""),
                binding_title=binding_title, binding_reference=binding["reference"],
            )
        elif adopted and reg["status"] != "in-force":
            adopted_title = adopted.get("title_en") if lang == "en" and adopted.get("title_en") else adopted["title"]
            sentence = messages.text(
                "ruleset-status", lang, title=title, status_text=status_text, adopted_title=adopted_title, adopted_reference=adopted["reference"]
            )
        else:
            sentence = messages.text("ruleset-status-in-force", lang, title=title, status_text=status_text)
        out = {"id": reg["id"], "title": title, "status": reg["status"], "statement": sentence}
        if adopted:
            out["in_force"] = {"title": adopted["title"], "reference": adopted["reference"], "id": adopted.get("id", "")}
        if binding:  # the regulation in force that the advice restates in part
            out["in_force"] = {"title": binding["title"], "reference": binding["reference"], "id": binding.get("id", "")}
        return out

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


def bundled_rules_dir() -> str:
    """The rules shipped with the package (the repository's rules/ folder).

    An installed package has them at rusplan/rules/; a source checkout (and
    an editable install) has them at the repository's top.
    """
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the rusplan package
    installed = os.path.join(here, "rules")
    if os.path.isdir(installed):
        return installed
    return os.path.normpath(os.path.join(here, "..", "..", "rules"))


def rule_files(path: str | None) -> list[str]:
    path = path or bundled_rules_dir()
    if os.path.isdir(path):
        files = sorted(
            os.path.join(path, name)
            for name in os.listdir(path)
            if name.endswith((".yaml", ".yml")) and not name.startswith(".")
        )
        if not files:
            raise RulesError(path, [Problem(f"no rules files (*.yaml) in {path}", code="rules-missing")])
        return files
    return [path]


@lru_cache(maxsize=8)
def load_rulesets(path: str | None = None, lang: str = "en") -> tuple[Ruleset, ...]:
    """The rulesets of `path` (default: the bundled ones): the default kind's first, then by file name."""
    loaded = sorted((load_ruleset(f, lang) for f in rule_files(path)), key=lambda r: r.kind != kinds.DEFAULT)  # stable
    rulesets = tuple(loaded)
    _unique_ids(rulesets, lang)
    return rulesets


def _unique_ids(rulesets: tuple[Ruleset, ...], lang: str) -> None:
    """A rule id names one rule across all loaded files: --select, waivers and SARIF refer to rules by id."""
    first: dict[str, Ruleset] = {}
    for ruleset in rulesets:
        problems = []
        for rule in ruleset.rules:
            if rule.id in first:
                detail = f"rule id '{rule.id}' is also used in {first[rule.id].path}; rule ids must be unique across the rules files loaded together"
                problems.append(Problem(messages.text("rules-invalid", lang, detail=detail), rule.id_position[0], rule.id_position[1], code="rules-invalid"))
            first.setdefault(rule.id, ruleset)
        if problems:
            raise RulesError(ruleset.path, problems)


def load_ruleset(path: str, lang: str = "en") -> Ruleset:
    try:
        text = loader.read_text(path)
        cached = _cache.get(path, text)
        if cached is not None:
            try:
                return _checked(cached, lang)
            except RulesError:
                pass  # not the parse of this text after all (the text itself is judged below)
        doc = loader.parse(text, path)
    except loader.LoadError as err:
        raise RulesError(path, [loader.load_problem(err, lang)]) from None
    ruleset = _checked(doc, lang)
    _cache.put(doc, text)
    return ruleset


def _checked(doc: loader.Document, lang: str) -> Ruleset:
    """The ruleset of a parsed rules file that passes its kind's meta-schema and every cross-check, or RulesError."""
    from ..schema.validate import RULES_SCHEMA, extended, validate

    kind = _kind(doc, lang)
    problems = validate(doc, extended(RULES_SCHEMA, kind.rules_schema), lang)
    if problems:
        raise RulesError(doc.path, problems)
    return _build(doc, lang)


def _kind(doc: loader.Document, lang: str) -> kinds.Kind:
    """The registered kind the rules file declares (`kind:`, default the study programme), or RulesError."""
    named = doc.data.get("kind", kinds.DEFAULT) if isinstance(doc.data, dict) else kinds.DEFAULT
    kind = kinds.get(named) if isinstance(named, str) else None
    if kind is None:
        from .similar import closest

        known = [k.name for k in kinds.all_kinds()]
        best = closest(str(named), known, cutoff=0.6)
        suggestion = messages.text("schema-suggestion", lang, best=best) if best else ""
        line, column = doc.locate(("kind",))
        text = messages.text("rules-unknown-kind", lang, kind=named, known=", ".join(known), suggestion=suggestion)
        raise RulesError(doc.path, [Problem(text, line, column, code="rules-unknown-kind")])
    return kind


def _build(doc: loader.Document, lang: str) -> Ruleset:
    data = doc.data
    problems: list[Problem] = []
    kind = _kind(doc, lang)

    def problem(path: tuple, message: str) -> None:
        line, column = doc.locate(path)
        problems.append(Problem(messages.text("rules-invalid", lang, detail=message), line, column, code="rules-invalid"))

    vocabularies = {
        name: Vocabulary(name, spec["entries"], spec.get("normalise", []), spec.get("noun", {}))
        for name, spec in data["vocabularies"].items()
    }
    vocabularies.update(kind.rules_vocabularies(data, problem))
    for name, vocab in vocabularies.items():
        repeated = sorted({i for i in vocab.ids if vocab.ids.count(i) > 1})
        for ident in repeated:
            where = (name,) if name in data and isinstance(data[name], list) else ("vocabularies", name, "entries")
            index = [i for i, e in enumerate(vocab.entries) if str(e["id"]) == ident][1]
            problem(where + (index, "id"), f"vocabulary '{name}' repeats the id '{ident}'")

    from .rulecheck import Site, problems as declared_problems

    site = Site(vocabularies, data.get("settings", {}), kind_schema(kind), kind)
    for at, message in declared_problems(data, site):
        problem(at, message)

    rules: list[Rule] = []
    seen: set[str] = set()
    for index, spec in enumerate(data["rules"]):
        at = ("rules", index)
        if spec["id"] in seen:
            problem(at + ("id",), f"rule id '{spec['id']}' is used twice")
        seen.add(spec["id"])
        given = spec["given"] if isinstance(spec["given"], list) else [spec["given"]]
        then = spec["then"] if isinstance(spec["then"], list) else [spec["then"]]
        checks = [Check(c["function"], c.get("options", {}), c.get("field"), c.get("message"), c.get("severity")) for c in then]
        if "message" not in spec and not all(c.message for c in checks):
            problem(at, f"rule '{spec['id']}' has no message")
        rules.append(
            Rule(
                id=spec["id"],
                section=spec["section"],
                quote=spec["quote"],
                severity=spec["severity"],
                title=spec["title"],
                description=spec["description"],
                given=given,
                checks=checks,
                message=spec.get("message", {}),
                messages=spec.get("messages", {}),
                examples=spec["examples"],
                pass_message=spec.get("pass_message"),
                per_path=spec.get("per_path", False),
                scope_all=spec.get("scope") == "all",
                scope=spec["scope"] if isinstance(spec.get("scope"), dict) else None,
                line=doc.locate(at)[0],
                id_position=doc.locate(at + ("id",)),
            )
        )
    if problems:
        raise RulesError(doc.path, problems)
    return Ruleset(doc.path, data, rules, vocabularies)


def kind_schema(kind: kinds.Kind) -> dict:
    """The JSON Schema of the documents a kind's rules judge: what their paths must be able to match."""
    from ..schema.validate import schema

    return schema(kind.schema)
