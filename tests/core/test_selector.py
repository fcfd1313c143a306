"""core/selector.py: `given` paths select values and remember where each one stands."""

from __future__ import annotations

import pytest

from rusplan.core.selector import Match, SelectorError, compile_path, select

PLAN = {
    "programme": {"credits": 60},
    "courses": [
        {"code": "PHR1001", "outcomes": [{"covers": ["4a", "4b"]}]},
        {"code": "PHR1002", "outcomes": [{"covers": ["5a"]}, {"covers": []}]},
    ],
    "practice": [{"kind": "placement", "weeks": 4}, {"kind": "observation", "weeks": 1}],
}


def test_a_key_path_selects_one_value_at_its_place():
    assert select("programme.credits", PLAN) == [Match(60, ("programme", "credits"))]


def test_every_item_of_nested_lists_with_its_indices():
    found = select("courses[*].outcomes[*].covers[*]", PLAN)
    assert [(m.value, m.path) for m in found] == [
        ("4a", ("courses", 0, "outcomes", 0, "covers", 0)),
        ("4b", ("courses", 0, "outcomes", 0, "covers", 1)),
        ("5a", ("courses", 1, "outcomes", 0, "covers", 0)),
    ]


def test_a_filter_keeps_the_items_whose_key_has_the_value():
    assert [m.path for m in select("practice[?kind=placement].weeks", PLAN)] == [("practice", 0, "weeks")]
    assert select("practice[?kind=visit]", PLAN) == []


def test_missing_keys_and_wrong_shapes_select_nothing():
    assert select("admission.professions[*]", PLAN) == []
    assert select("programme.credits[*]", PLAN) == []  # a number is not a list
    assert select("courses.code", PLAN) == []  # a list has no keys


def test_roots_replace_the_first_key_with_one_study_paths_items():
    only_second = {"courses": [Match(PLAN["courses"][1], ("courses", 1))]}
    assert [m.value for m in select("courses[*].code", PLAN, only_second)] == ["PHR1002"]
    assert [m.value for m in select("practice[*].weeks", PLAN, only_second)] == [4, 1]  # other keys read the document


@pytest.mark.parametrize("bad", ["courses[0].code", "courses..code", "courses[*", ""])
def test_a_path_outside_the_syntax_is_refused(bad):
    with pytest.raises(SelectorError):
        compile_path(bad)
