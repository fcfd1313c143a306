"""Unit tests of the generic list functions (count-in, total, max-gap, first-before, allowed-per-entry).

Each function is called the way the engine calls it: a Context over a small
document, the matches of a `given` path, the rule's options.  The documents
are not LIS plans on purpose: the functions know no particular document.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from rusplan.core.checks import Context
from rusplan.core.dates import month_number, month_text
from rusplan.core.ruleset import Vocabulary
from rusplan.core.selector import select
from rusplan.core.checks import registry

FRUIT = Vocabulary(
    "fruit",
    [
        {"id": "apple", "nb": "eple", "en": "apple", "sweet": True, "kind": "pome"},
        {"id": "pear", "nb": "pære", "en": "pear", "sweet": True, "kind": "pome"},
        {"id": "plum", "nb": "plomme", "en": "plum", "sweet": True, "kind": "stone"},
        {"id": "lemon", "nb": "sitron", "en": "lemon", "sweet": False, "kind": "citrus"},
    ],
)
KINDS = Vocabulary("kinds", [{"id": "pome", "nb": "kjernefrukt"}, {"id": "stone", "nb": "steinfrukt"}, {"id": "citrus", "nb": "sitrusfrukt"}])
DISHES = Vocabulary(
    "dishes",
    [
        {"id": "pie", "nb": "pai", "kinds": ["pome", "stone"]},
        {"id": "curd", "nb": "krem", "kinds": ["citrus"]},
    ],
)


def run(function: str, data: dict, given: str, options: dict, lang: str = "nb"):
    ruleset = SimpleNamespace(vocabularies={"fruit": FRUIT, "kinds": KINDS, "dishes": DISHES})
    ctx = Context(SimpleNamespace(data=data), ruleset, lang, dt.date(2026, 1, 1), {}, (given.split("[")[0].split(".")[0],))
    outcome = registry()[function].run(ctx, select(given, data), options)
    return outcome.findings, outcome.facts


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize("text, back", [("2025-09", "2025-09"), ("2025-09-30", "2025-09"), ("2026-01", "2026-01"), (" 2024-12 ", "2024-12")])
def test_month_numbers_round_trip(text, back):
    assert month_text(month_number(text)) == back


@pytest.mark.parametrize("text", ["2025-13", "2025-00", "25-09", "2025/09", "september 2025", "", None, 202509, "２０２５-09"])
def test_month_number_refuses_what_is_not_a_month(text):
    assert month_number(text) is None


def test_month_numbers_subtract_to_months():
    assert month_number("2026-03") - month_number("2025-09") == 6
    assert month_number("2026-01") - month_number("2025-12") == 1


# ---------------------------------------------------------------- count-in


def test_count_in_two_of_three_passes_and_one_fails():
    options = {"vocabulary": "fruit", "where": {"sweet": True}, "op": ">=", "value": 2}
    findings, facts = run("count-in", {"basket": ["apple", "plum", "lemon"]}, "basket[*]", options)
    assert findings == [] and facts["count"] == 2 and facts["total"] == 3
    findings, facts = run("count-in", {"basket": ["apple", "apple", "lemon"]}, "basket[*]", options)
    assert len(findings) == 1 and findings[0].params["count"] == 1  # distinct values: two apples are one
    assert findings[0].params["missing"] == "pære, plomme"
    assert findings[0].path == ("basket",)


def test_count_in_without_value_wants_the_whole_set():
    options = {"vocabulary": "fruit", "where": {"kind": "pome"}}
    assert run("count-in", {"basket": ["pear", "apple"]}, "basket[*]", options)[0] == []
    findings, _ = run("count-in", {"basket": ["pear"]}, "basket[*]", options)
    assert findings[0].params["missing"] == "eple" and findings[0].params["expected"] == 2


def test_count_in_explicit_values_and_field_and_filter():
    data = {"rows": [{"f": "apple", "ok": True}, {"f": "pear", "ok": False}, {"f": "lemon", "ok": True}]}
    options = {"vocabulary": "fruit", "values": ["apple", "pear"], "field": "f", "filter": {"ok": True}, "op": ">=", "value": 2}
    findings, facts = run("count-in", data, "rows[*]", options)
    assert len(findings) == 1 and facts["count"] == 1  # the pear row is filtered out
    options["filter"] = {}
    assert run("count-in", data, "rows[*]", options)[0] == []


def test_count_in_names_an_unknown_value_instead_of_failing():
    options = {"vocabulary": "fruit", "where": {"sweet": True}, "op": ">=", "value": 2}
    findings, _ = run("count-in", {"basket": ["apple", "peer"]}, "basket[*]", options)
    assert [f.status for f in findings] == ["unrecognised"]
    assert findings[0].params["value"] == "peer" and findings[0].path == ("basket", 1)


def test_count_in_op_is_honoured():
    options = {"vocabulary": "fruit", "where": {"sweet": True}, "op": "<=", "value": 1}
    assert run("count-in", {"basket": ["apple"]}, "basket[*]", options)[0] == []
    assert len(run("count-in", {"basket": ["apple", "plum"]}, "basket[*]", options)[0]) == 1


# ---------------------------------------------------------------- total

ROWS = {
    "lis1": 18,
    "rows": [
        {"f": "apple", "n": 5},
        {"f": "lemon", "n": 7.5},
        {"f": "plum", "n": 1},
        {"f": "apple", "n": 2},
    ],
}


def test_total_sums_the_filtered_objects_exactly():
    options = {"field": "n", "where": {"f": {"vocabulary": "fruit", "where": {"sweet": True}}}, "op": ">=", "value": 8}
    findings, facts = run("total", ROWS, "rows[*]", options)
    assert findings == [] and facts["actual"] == 8
    options["value"] = 9
    findings, _ = run("total", ROWS, "rows[*]", options)
    assert findings[0].params["actual"] == 8 and findings[0].params["expected"] == 9
    assert findings[0].path == ("rows", 0)  # the first counted object


def test_total_adds_numbers_at_other_paths_and_can_point_at_the_list():
    options = {"field": "n", "add": ["lis1"], "op": ">=", "value": 34, "locate": "list"}
    findings, facts = run("total", ROWS, "rows[*]", options)
    assert facts["added"] == 18 and facts["counted"] == 15.5 and facts["actual"] == 33.5
    assert findings[0].path == ("rows",)
    options["value"] = 33.5
    assert run("total", ROWS, "rows[*]", options)[0] == []


def test_total_at_most():
    options = {"field": "n", "where": {"f": "lemon"}, "op": "<=", "value": 7.5}
    assert run("total", ROWS, "rows[*]", options)[0] == []
    options["value"] = 7
    assert run("total", ROWS, "rows[*]", options)[0][0].params["actual"] == 7.5


def test_total_parts_report_and_judge_their_own_figures():
    options = {
        "field": "n",
        "where": {"f": {"vocabulary": "fruit", "where": {"sweet": True}}},
        "op": ">=",
        "value": 8,
        "parts": [{"where": {"f": {"vocabulary": "fruit", "where": {"kind": "pome"}}}, "op": ">=", "value": 7}],
    }
    findings, facts = run("total", ROWS, "rows[*]", options)
    assert findings == [] and facts["part1_actual"] == 7 and facts["part1_expected"] == 7
    options["parts"][0]["value"] = 8  # the whole passes, the part does not
    findings, _ = run("total", ROWS, "rows[*]", options)
    assert len(findings) == 1 and findings[0].params["part1_actual"] == 7 and findings[0].params["actual"] == 8


def test_total_unknown_value_makes_it_unrecognised_unless_it_passes_without():
    data = {"rows": [{"f": "apple", "n": 5}, {"f": "aple", "n": 5}]}
    options = {"field": "n", "where": {"f": {"vocabulary": "fruit", "where": {"sweet": True}}}, "op": ">=", "value": 8}
    findings, _ = run("total", data, "rows[*]", options)
    assert [f.status for f in findings] == ["unrecognised"] and findings[0].path == ("rows", 1, "f")
    options["value"] = 5
    assert run("total", data, "rows[*]", options)[0] == []
    options["op"] = "<="  # at most 5: the unknown row might count, so no verdict
    assert [f.status for f in run("total", data, "rows[*]", options)[0]] == ["unrecognised"]


def test_total_of_nothing_fails_at_the_list():
    findings, _ = run("total", {"rows": []}, "rows[*]", {"field": "n", "op": ">=", "value": 1})
    assert findings[0].params["actual"] == 0 and findings[0].path == ("rows",)


# ---------------------------------------------------------------- max-gap


def test_max_gap_six_months_passes_seven_fails():
    data = {"start": "2025-09", "end": "2026-09", "ev": [{"d": "2026-03"}, {"d": "2026-09-15"}]}
    options = {"field": "d", "from": "start", "until": "end", "op": "<=", "value": 6}
    findings, facts = run("max-gap", data, "ev[*]", options)
    assert findings == [] and facts["gap"] == 6
    data["ev"][0]["d"] = "2026-04"
    findings, _ = run("max-gap", data, "ev[*]", options)
    assert findings[0].params == {"gap": 7, "expected": 6, "after": "2025-09", "before": "2026-04", "count": 2}
    assert findings[0].path == ("ev", 0, "d")


def test_max_gap_counts_the_wait_after_the_last_date():
    data = {"start": "2025-09", "end": "2027-09", "ev": ["2026-03", "2026-09"]}
    findings, _ = run("max-gap", data, "ev[*]", {"from": "start", "until": "end", "value": 6})
    assert findings[0].params["gap"] == 12 and findings[0].params["before"] == "2027-09"
    assert findings[0].path == ("ev", 1)  # the last date, since the end is not one of the dates


def test_max_gap_unsorted_dates_are_sorted():
    findings, facts = run("max-gap", {"ev": ["2026-09", "2025-09", "2026-03"]}, "ev[*]", {"value": 6})
    assert findings == [] and facts["gap"] == 6


def test_max_gap_no_dates_is_a_finding():
    findings, _ = run("max-gap", {"ev": []}, "ev[*]", {"value": 6})
    assert findings[0].code == "none"


def test_max_gap_unreadable_date_is_never_a_pass():
    findings, _ = run("max-gap", {"ev": ["2026-03", "mars 2026"]}, "ev[*]", {"value": 6})
    assert findings[0].code == "unreadable" and findings[0].path == ("ev", 1)


# ---------------------------------------------------------------- first-before

ORDER = {"rows": [{"f": "apple", "at": "2025-09"}, {"f": "lemon", "at": "2026-03"}, {"f": "plum", "at": "2025-03"}]}
ORDER_OPTIONS = {"field": "at", "key": "f", "key_vocabulary": "fruit", "key_property": "kind", "earlier": ["citrus"], "later": ["pome", "stone"], "labels": "kinds"}


def test_first_before_finds_the_later_group_first():
    findings, _ = run("first-before", ORDER, "rows[*]", ORDER_OPTIONS)
    assert findings[0].params == {"earlier": "sitrusfrukt", "earlier_start": "2026-03", "later": "steinfrukt", "later_start": "2025-03"}
    assert findings[0].path == ("rows", 1, "at")


def test_first_before_same_month_is_not_after():
    data = {"rows": [{"f": "lemon", "at": "2025-03"}, {"f": "plum", "at": "2025-03-20"}]}
    assert run("first-before", data, "rows[*]", ORDER_OPTIONS)[0] == []


def test_first_before_reversed_groups_pass():
    options = dict(ORDER_OPTIONS, earlier=["stone"], later=["citrus"])
    assert run("first-before", ORDER, "rows[*]", options)[0] == []


def test_first_before_missing_group_or_date_says_nothing():
    data = {"rows": [{"f": "apple", "at": "2025-09"}, {"f": "lemon"}]}
    assert run("first-before", data, "rows[*]", ORDER_OPTIONS)[0] == []


def test_first_before_unknown_key_is_unrecognised_unless_the_order_is_broken():
    data = {"rows": [{"f": "lemmon", "at": "2025-01"}, {"f": "plum", "at": "2025-03"}]}
    findings, _ = run("first-before", data, "rows[*]", ORDER_OPTIONS)
    assert [f.status for f in findings] == ["unrecognised"] and findings[0].path == ("rows", 0, "f")
    broken = {"rows": [{"f": "lemmon", "at": "2025-01"}, {"f": "plum", "at": "2025-03"}, {"f": "lemon", "at": "2025-05"}]}
    assert [f.code for f in run("first-before", broken, "rows[*]", ORDER_OPTIONS)[0]] == ["fail"]


def test_first_before_plain_keys():
    data = {"rows": [{"g": "b", "at": "2025-01"}, {"g": "a", "at": "2025-02"}]}
    findings, _ = run("first-before", data, "rows[*]", {"field": "at", "key": "g", "earlier": ["a"], "later": ["b"]})
    assert findings[0].params["earlier"] == "a" and findings[0].params["later"] == "b"


# ---------------------------------------------------------------- allowed-per-entry

DISH_OPTIONS = {"field": "dishes", "key": "f", "key_vocabulary": "fruit", "key_property": "kind", "vocabulary": "dishes", "property": "kinds", "labels": "kinds"}


def test_allowed_per_entry_flags_the_value_at_its_place():
    data = {"rows": [{"f": "apple", "dishes": ["pie"]}, {"f": "lemon", "dishes": ["curd", "pie"]}]}
    findings, _ = run("allowed-per-entry", data, "rows[*]", DISH_OPTIONS)
    assert len(findings) == 1
    assert findings[0].path == ("rows", 1, "dishes", 1)
    assert findings[0].params == {"value": "pie", "key": "sitron", "allowed": "kjernefrukt, steinfrukt"}


def test_allowed_per_entry_leaves_unknown_values_to_other_rules_and_names_unknown_keys():
    data = {"rows": [{"f": "lemon", "dishes": ["jam"]}, {"f": "kiwi", "dishes": ["pie"]}, {"dishes": ["pie"]}]}
    findings, _ = run("allowed-per-entry", data, "rows[*]", DISH_OPTIONS)
    assert [(f.status, f.path) for f in findings] == [("unrecognised", ("rows", 1, "f"))]


def test_allowed_per_entry_all_allowed():
    data = {"rows": [{"f": "plum", "dishes": ["pie"]}, {"f": "lemon", "dishes": ["curd"]}]}
    assert run("allowed-per-entry", data, "rows[*]", DISH_OPTIONS)[0] == []
