"""Selections: `select` memoised per document gives what `select` gives, per study path."""

from __future__ import annotations

from rusplan.core.selector import Match, Selections, select

DATA = {
    "admission": {"professions": ["Sykepleier", "Vernepleier"]},
    "courses": [
        {"code": "PHR101", "credits": 15},
        {"options": [{"code": "PHR110", "credits": 15}, {"code": "PHR111", "credits": 10}]},
    ],
}


def _values(matches):
    return [(m.value, m.path) for m in matches]


def test_a_repeated_selection_is_computed_once_and_equals_select():
    selections = Selections(DATA)
    first = selections("admission.professions[*]")
    assert _values(first) == _values(select("admission.professions[*]", DATA)) == [
        ("Sykepleier", ("admission", "professions", 0)),
        ("Vernepleier", ("admission", "professions", 1)),
    ]
    assert selections("admission.professions[*]") is first
    # A per-path root that the expression does not start from changes nothing.
    assert selections("admission.professions[*]", {"courses": []}) is first


def test_each_study_path_gets_its_own_courses():
    selections = Selections(DATA)
    fixed = Match(DATA["courses"][0], ("courses", 0))
    options = [Match(o, ("courses", 1, "options", j)) for j, o in enumerate(DATA["courses"][1]["options"])]
    paths = [[fixed, option] for option in options]
    credits = [[m.value for m in selections("courses[*].credits", {"courses": courses})] for courses in paths]
    assert credits == [[15, 15], [15, 10]]
    assert [m.value for m in selections("courses[*].credits", {"courses": paths[1]})] == [15, 10]  # still its own


def test_a_dropped_root_list_is_never_taken_for_a_new_one():
    """A root list made, selected from and dropped may leave its id to the next list: that must not hit."""
    selections = Selections(DATA)
    seen = []
    for option in DATA["courses"][1]["options"]:
        seen.append([m.value for m in selections("courses[*].code", {"courses": [Match(option, ("courses", 1))]})])
    assert seen == [["PHR110"], ["PHR111"]]
