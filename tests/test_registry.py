"""The function registry (core/checks.py) is the one list of check functions.

The meta-schema's function enum and option schemas and the reference in
docs/rules.md are generated from it (`python -m rusplan.schema.generate`);
these tests fail while either is out of step.  Also: templates reach names
only, and paths are checked against the programme schema.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from rusplan.core import checks
from rusplan.core.checks import Outcome, register, registry
from rusplan.core.template import TemplateError, fields, fill
from rusplan.schema import generate
from rusplan.schema.paths import PathError, resolve, types
from rusplan.kinds.programme import KIND
from rusplan.schema.validate import schema

PROGRAMME_SCHEMA = KIND.schema


def test_the_meta_schemas_are_generated_from_the_registry():
    targets = generate.targets()
    assert [Path(p).name for p, _ in targets][:2] == ["rules-v1.schema.json", "rules.schema.json"]  # generic, then the programme's part
    for path, functions in targets:
        on_disk = Path(path).read_text(encoding="utf-8")
        assert on_disk == generate.generated(path, functions), f"{path} is out of step: run python -m rusplan.schema.generate"
        enum = json.loads(on_disk)["$defs"]["check"]["properties"]["function"]["enum"]
        assert enum == list(functions)


def test_a_programme_rules_file_may_name_the_kind_functions_and_the_generic_meta_schema_may_not():
    generic = json.loads(Path(generate.targets()[0][0]).read_text(encoding="utf-8"))
    assert "precedes" not in generic["$defs"]["check"]["properties"]["function"]["enum"]
    merged = schema(f"rules-v1.schema.json+{KIND.rules_schema}")
    assert {"precedes", "timeline", "compare"} <= set(merged["$defs"]["check"]["properties"]["function"]["enum"])


def test_the_function_reference_in_docs_is_generated_from_the_registry(repo_root):
    docs = (repo_root / "docs/rules.md").read_text(encoding="utf-8")
    assert generate.generated_docs_text(docs) == docs, "run python -m rusplan.schema.generate"
    for name in registry(KIND):
        assert f"### `{name}`" in docs


@pytest.mark.parametrize("name", sorted(registry(KIND)))
def test_each_function_is_declared_completely(name):
    function = registry(KIND)[name]
    Draft202012Validator.check_schema(function.options)
    assert function.options.get("additionalProperties") is False, "unknown options must be refused"
    assert "fail" in function.reports
    assert function.doc.strip(), "the docstring is the reference in docs/rules.md"
    for code, option in function.only_with.items():
        assert code in function.reports and option in function.options["properties"]


def test_every_function_the_bundled_rules_use_is_registered(bundled_rulesets):
    used = {c.function for rs in bundled_rulesets for r in rs.rules for c in r.checks}
    assert used <= set(registry(KIND))


def test_the_kind_functions_register_with_the_same_mechanism():
    assert {"precedes", "timeline"}.isdisjoint(registry())  # offered only to rules of kind programme
    functions = registry(KIND)
    assert functions["precedes"].run.__module__ == "rusplan.kinds.programme.checks"
    assert functions["timeline"].run.__module__ == "rusplan.kinds.programme.checks"
    assert functions["compare"].run.__module__ == "rusplan.core.checks"


def test_a_name_is_declared_once(monkeypatch):
    monkeypatch.setattr(checks, "FUNCTIONS", dict(checks.FUNCTIONS))
    with pytest.raises(ValueError, match="declared twice"):
        register("compare", reports={"fail": ()})(lambda ctx, matches, options: Outcome())


# --- message templates -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["{section.__class__.__mro__}", "{found[0]}", "{value!r}", "{actual:>999999999}", "{}", "{0}", "{actual", "actual}", "{ actual }"],
)
def test_a_template_names_plain_placeholders_only(text):
    with pytest.raises(TemplateError):
        fields(text)


def test_template_fields_and_fill():
    assert fields("praksis utgjør {actual} uker; {section} krever minst {expected} {{ikke et felt}}") == ["actual", "section", "expected"]
    shown = fill("{actual} uker; {{x}} {unknown}", {"actual": 3.5}, lambda v: str(v).replace(".", ","))
    assert shown == "3,5 uker; {x} {unknown}"


def test_fill_never_reaches_an_attribute():
    class Secret:
        def __format__(self, spec):  # would run under str.format
            raise AssertionError("formatted")

        def __str__(self):
            return "shown"

    assert fill("{s.__class__} {s}", {"s": Secret()}, str) == "{s.__class__} shown"


# --- paths against the programme schema -------------------------------------------


@pytest.mark.parametrize(
    "expr, says",
    [
        ("programme.kredits", "did you mean 'credits'"),
        ("programme.frameworks", "did you mean 'framework'"),
        ("practice.fields", "write 'practice[*].fields'"),
        ("practice[?knd=placement]", "did you mean 'kind'"),
        ("programme[*]", "not a list"),
        ("agreements[*].providers", "did you mean 'provider'"),
    ],
)
def test_a_path_that_can_never_match_is_refused(expr, says):
    with pytest.raises(PathError, match=says.replace("[", r"\[").replace("*", r"\*").replace("]", r"\]")):
        resolve(schema(PROGRAMME_SCHEMA), expr)


@pytest.mark.parametrize(
    "expr, kinds",
    [
        ("programme.credits", {"number"}),
        ("courses[*].outcomes[*].covers[*]", {"string"}),
        ("practice[*].weeks", {"number"}),
        ("courses[*].options[*].learning_forms[*]", {"string"}),
        ("practice[?kind=placement]", None),
    ],
)
def test_paths_the_bundled_rules_use_resolve(expr, kinds):
    root = schema(PROGRAMME_SCHEMA)
    found = resolve(root, expr)
    if kinds is not None:
        assert types(root, found) == kinds
