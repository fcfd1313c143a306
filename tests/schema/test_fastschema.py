"""The closure-compiled fast path must agree with jsonschema on validity.

If it ever said "valid" where jsonschema says "invalid", rusplan would skip
the schema errors and check a malformed file; these tests pin the two
together on the examples and on many mutations of them.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rusplan.schema.fastschema import Unsupported, compile_schema
from rusplan.kinds.programme import KIND
from rusplan.schema.validate import RULES_SCHEMA as GENERIC_RULES_SCHEMA
from rusplan.schema.validate import extended, fast_check, schema, validator

PROGRAMME_SCHEMA = KIND.schema
RULES_SCHEMA = extended(GENERIC_RULES_SCHEMA, KIND.rules_schema)  # what a programme rules file is validated against

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def _load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _agree(name: str, data) -> None:
    assert fast_check(name)(data) == validator(name).is_valid(data), data


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_agree(path):
    data = _load(path)
    assert fast_check(PROGRAMME_SCHEMA)(data) is True
    _agree(PROGRAMME_SCHEMA, data)


def test_bundled_rules_agree():
    data = _load(ROOT / "rules" / "tverrfaglig-psykisk-helse-rus.yaml")
    assert fast_check(RULES_SCHEMA)(data) is True
    del data["rules"][0]["quote"]
    assert fast_check(RULES_SCHEMA)(data) is False
    _agree(RULES_SCHEMA, data)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, prefix + (i,))


REPLACEMENTS = [None, True, 0, -1, 2.5, "", "x", "2024-13-01", [], {}, ["a"], {"extra": 1}, 60, "placement"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutations_agree(data):
    source = _load(data.draw(st.sampled_from(EXAMPLES)))
    mutated = copy.deepcopy(source)
    paths = [p for p in _paths(mutated) if p]
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(paths))
        parent = mutated
        try:
            for part in path[:-1]:
                parent = parent[part]
            action = data.draw(st.sampled_from(["replace", "delete", "add-key"]))
            if action == "replace":
                parent[path[-1]] = copy.deepcopy(data.draw(st.sampled_from(REPLACEMENTS)))
            elif action == "delete":
                del parent[path[-1]]
            elif isinstance(parent, dict):
                parent[data.draw(st.sampled_from(["notes", "credit", "weeks", "hours", "provider"]))] = 3
        except (KeyError, IndexError, TypeError):
            continue
    _agree(PROGRAMME_SCHEMA, mutated)


def test_unknown_keyword_is_refused_at_compile_time():
    with pytest.raises(Unsupported):
        compile_schema({"type": "object", "patternProperties": {"^x": {}}, "additionalProperties": False})


def test_json_equality_rules():
    check = compile_schema({"enum": [1, "a"]})
    assert check(1.0) and check("a")
    assert not check(True)
    assert compile_schema({"type": "integer"})(3.0)
    assert not compile_schema({"type": "number"})(False)
    date = compile_schema(schema(PROGRAMME_SCHEMA)["$defs"]["waiver"]["properties"]["expires"])
    assert date("2026-02-28") and not date("2026-02-30")
