"""The registry of document kinds (rusplan.kinds): found by folder, looked up by name and by format."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from rusplan import kinds
from rusplan.kinds import Kind

KINDS_DIR = Path(kinds.__file__).parent


def test_the_programme_is_the_kind_of_format_rusplan_v1():
    programme = kinds.get("programme")
    assert programme is not None and kinds.DEFAULT == "programme"
    assert kinds.by_format("rusplan/v1") is programme
    assert "rusplan/v1" in kinds.formats()
    # Only the exact id: a near miss is the pipeline's to word, not the registry's to guess.
    for near in ("rusplan/v1 ", "Rusplan/v1", "rusplan/v2", 1, None):
        assert kinds.by_format(near) is None


def test_every_folder_under_kinds_is_a_registered_kind_with_its_pieces():
    folders = sorted(p.name for p in KINDS_DIR.iterdir() if (p / "__init__.py").is_file())
    assert "programme" in folders
    found = {kind.name: kind for kind in kinds.all_kinds()}
    for folder in folders:
        kind = importlib.import_module(f"rusplan.kinds.{folder}").KIND
        assert found[kind.name] is kind
        assert Path(kind.schema).is_file() and (kind.rules_schema is None or Path(kind.rules_schema).is_file())
        assert callable(kind.module.build)  # the hooks module imports and builds models
    assert len({k.format for k in found.values()}) == len(found)  # one format per kind


def test_a_kind_cannot_take_a_name_or_format_in_use():
    programme = kinds.get("programme")
    with pytest.raises(ValueError, match="clashes"):
        kinds.register(Kind(name="programme", format="other/v1", schema=programme.schema, hooks=object()))
    with pytest.raises(ValueError, match="clashes"):
        kinds.register(Kind(name="other", format="rusplan/v1", schema=programme.schema, hooks=object()))
    assert kinds.get("other") is None and kinds.by_format("rusplan/v1") is programme


def test_a_rules_file_that_names_no_kind_is_for_study_programmes(bundled_rulesets):
    [ruleset] = [r for r in bundled_rulesets if r.kind == "programme"]  # rules/ holds the LIS plan's rules too
    assert "kind" not in ruleset.data
    assert ruleset.kind == "programme"


def test_the_programme_kind_offers_its_own_functions_and_no_generic_one():
    from rusplan.core.checks import FUNCTIONS

    programme = kinds.get("programme")
    assert set(programme.functions) == {"precedes", "timeline"}
    assert not set(programme.functions) & set(FUNCTIONS)
    assert {"precedes", "timeline"}.isdisjoint(FUNCTIONS)  # they moved out of the generic module


def test_the_programme_kind_has_its_starter_and_its_matrix_view(bundled_rulesets):
    programme = kinds.get("programme")
    [ruleset] = [r for r in bundled_rulesets if r.kind == "programme"]  # rules/ holds the LIS plan's rules too
    assert programme.starter(ruleset, "nn").startswith("# Programfil for rusplan (format rusplan/v1)")
    assert programme.view("matrix") is not None and programme.view("timetable") is None


def test_the_format_id_is_written_once_in_the_code():
    """Every message, the starter and the pipeline take it from the kind (it was in three modules)."""
    import ast

    src = KINDS_DIR.parent
    found = []
    for path in sorted(src.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(n.body[0].value) for n in ast.walk(tree) if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef)) and n.body and isinstance(n.body[0], ast.Expr)}
        found += [
            str(path.relative_to(src))
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and "rusplan/v1" in node.value and id(node) not in docstrings
        ]
    assert found == ["kinds/programme/__init__.py"]
