"""Unit tests of the generic check functions (src/rusplan/core/checks.py).

Each function gets a passing and a failing input, built on the real bundled
ruleset and the programme of examples/compliant.yaml, and the test asserts
the Finding's location (path) and figures (params): what the engine turns
into "file:line:column: practice totals 3 weeks; § 21 requires at least 4".
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from rusplan.io import loader
from rusplan import messages
from rusplan.kinds.programme import KIND, model
from rusplan.core.checks import MISSING, Context, Finding, Outcome, registry
from rusplan.core.selector import Match

AS_OF = dt.date(2026, 1, 15)


@pytest.fixture(scope="module")
def ruleset(bundled_rulesets):
    return bundled_rulesets[0]


@pytest.fixture(scope="module")
def programme(examples_dir, ruleset):
    doc = loader.load(str(examples_dir / "compliant.yaml"))
    return model.build(doc, ruleset, "en")


@pytest.fixture
def ctx(programme, ruleset):
    """A context like the engine builds for a whole-programme rule, in English."""

    def make(anchor=("practice",), roots=None, as_of=AS_OF, lang="en") -> Context:
        return Context(programme, ruleset, lang, as_of, roots or {}, anchor, kind=KIND)

    return make


def run(name: str, context: Context, matches: list[Match], options: dict | None = None) -> list[Finding]:
    return outcome(name, context, matches, options).findings


def outcome(name: str, context: Context, matches: list[Match], options: dict | None = None) -> Outcome:
    return FUNCTIONS[name].run(context, matches, options or {})


FUNCTIONS = registry(KIND)  # the generic functions and the programme kind's


def test_every_registered_function_has_unit_tests_here(ruleset):
    """The registry is the one list of functions; each needs tests named after it in this module."""
    used = {check.function for rule in ruleset.rules for check in rule.checks}
    assert used <= set(FUNCTIONS)
    import ast
    from pathlib import Path

    # the functions over lists of objects and dates have theirs in tests/core/test_listchecks.py
    lists = ast.parse((Path(__file__).parent / "core" / "test_listchecks.py").read_text(encoding="utf-8"))
    tests = [name for name in globals() if name.startswith("test_")] + [n.name for n in lists.body if isinstance(n, ast.FunctionDef)]
    untested = [f for f in FUNCTIONS if not any(t.startswith(f"test_{f.replace('-', '_')}_") for t in tests)]
    assert untested == []
    assert not set(registry()) & set(KIND.functions)  # a kind's function never shadows a generic one


# --- compare -------------------------------------------------------------------


def test_compare_pass(ctx):
    c = ctx()
    result = outcome("compare", c, [Match(60, ("programme", "credits"))], {"op": "==", "value": 60})
    assert result.findings == []
    assert result.facts == {"actual": 60, "expected": 60}


def test_compare_fail_reports_actual_expected_and_path(ctx):
    [finding] = run("compare", ctx(), [Match(50, ("programme", "credits"))], {"op": "==", "value": 60})
    assert finding.path == ("programme", "credits")
    assert finding.params == {"actual": 50, "expected": 60, "op": "=="}


def test_compare_ref_reads_the_expected_value_from_the_programme(ctx):
    # compliant.yaml says programme.credits: 60
    assert run("compare", ctx(), [Match(60, ("x",))], {"op": "==", "ref": "programme.credits"}) == []
    [finding] = run("compare", ctx(), [Match(45, ("x",))], {"op": "==", "ref": "programme.credits"})
    assert finding.params["expected"] == 60


def test_compare_greater_equal_and_missing_and_wrong_type(ctx):
    options = {"op": ">=", "value": 3}
    assert run("compare", ctx(), [Match(3, ("a",)), Match(MISSING, ("b",))], options) == []
    [finding] = run("compare", ctx(), [Match(2, ("admission", "degree_years"))], options)
    assert finding.params == {"actual": 2, "expected": 3, "op": ">="}
    # a value that cannot be compared is a finding, not a crash
    [wrong] = run("compare", ctx(), [Match("three", ("a",))], options)
    assert wrong.params["actual"] == "three"


# --- sum -----------------------------------------------------------------------


def test_sum_pass_on_each_study_path(ctx, programme):
    for study_path in programme.paths:
        c = ctx(anchor=("courses",), roots={"courses": study_path.courses})
        matches = c.select("courses[*]")
        result = outcome("sum", c, matches, {"field": "credits", "op": "==", "ref": "programme.credits"})
        assert result.findings == []
        assert result.facts["actual"] == 60


def test_sum_fail_points_at_the_anchor_with_the_total(ctx, programme):
    c = ctx(anchor=("courses",), roots={"courses": programme.paths[0].courses})
    [finding] = run("sum", c, c.select("courses[*]"), {"field": "credits", "op": "==", "value": 70})
    assert finding.path == ("courses",)
    assert finding.params == {"actual": 60, "expected": 70, "op": "=="}


def test_sum_where_counts_only_kinds_in_the_vocabulary_and_converts_figures(ctx):
    matches = [
        Match({"kind": "placement", "weeks": 2.0}, ("practice", 0)),
        Match({"kind": "skills-training", "weeks": 1}, ("practice", 1)),
        Match({"kind": "observation", "weeks": 5}, ("practice", 2)),  # known, but not a kind § 21 allows
    ]
    options = {"field": "weeks", "op": ">=", "value": 4, "where": {"kind": {"vocabulary": "practice_kinds", "where": {"counts": True}}}}
    [finding] = run("sum", ctx(), matches, options)
    assert finding.path == ("practice",)
    assert finding.params == {"actual": 3, "expected": 4, "op": ">="}
    assert messages.number(finding.params["actual"], "en") == "3"  # 2.0 + 1 is shown as 3
    matches.append(Match({"kind": "supervision-group", "weeks": 1.5}, ("practice", 3)))
    assert run("sum", ctx(), matches, options) == []


# --- covers-all ----------------------------------------------------------------

AREAS = {"vocabulary": "areas"}  # outcome ids stand for their area (the kind's vocabulary map)


def test_covers_all_areas_pass(ctx):
    refs = [Match(r, ("c", i)) for i, r in enumerate(["4a", "7a", "10a", "13a", "16a"])]
    c = ctx(anchor=("courses",))
    result = outcome("covers-all", c, refs, AREAS)
    assert result.findings == []
    assert result.facts == {"covered": 5, "total": 5}


def test_covers_all_areas_fail_names_the_missing_area(ctx):
    refs = [Match(r, ("c", i)) for i, r in enumerate(["4a", "7a", "10a", "13a", "zz"])]
    [finding] = run("covers-all", ctx(anchor=("courses",)), refs, AREAS)
    assert finding.path == ("courses",)
    assert finding.params["missing_ids"] == ["5"]
    assert finding.params["count"] == 1
    assert finding.params["missing"] == "5 (Research, dissemination and professional development)"


def test_covers_all_outcomes_grouped_by_area(ctx, ruleset):
    every = [o for o in ruleset.outcomes if o not in ("13f", "16c")]
    refs = [Match(r, ("c", i)) for i, r in enumerate(every)]
    [finding] = run("covers-all", ctx(anchor=("courses",)), refs, {"vocabulary": "outcomes", "group_by": "area", "group_labels": "areas"})
    assert finding.params["missing_ids"] == ["13f", "16c"]
    assert finding.params["count"] == 2
    assert finding.params["missing"] == (
        "Working methods in mental health work and substance use work: 13f; "
        "Research, dissemination and professional development: 16c"
    )
    all_refs = [Match(r, ("c", i)) for i, r in enumerate(ruleset.outcomes)]
    assert run("covers-all", ctx(), all_refs, {"vocabulary": "outcomes", "group_by": "area", "group_labels": "areas"}) == []


# --- known ---------------------------------------------------------------------


def test_known_pass(ctx):
    assert run("known", ctx(), [Match("4a", ("c", 0)), Match("18b", ("c", 1))], {"vocabulary": "outcomes"}) == []


def test_known_fail_locates_the_entry_and_suggests_the_nearest(ctx):
    path = ("courses", 0, "outcomes", 5, "covers", 1)
    [finding] = run("known", ctx(), [Match("4g", ("x",)), Match("4h", path)], {"vocabulary": "outcomes"})
    assert finding.path == path
    assert finding.params == {"value": "4h", "suggestion": "; the nearest is 4g"}


def test_known_without_a_near_id_suggests_nothing(ctx):
    [finding] = run("known", ctx(), [Match("qqqq", ("x",))], {"vocabulary": "outcomes"})
    assert finding.params == {"value": "qqqq", "suggestion": ""}


# --- precedes ------------------------------------------------------------------

PRECEDES = {"earlier": [1, 2, 3], "later": [4, 5]}


def course(semester, *refs) -> dict:
    return {"semester": semester, "outcomes": [{"covers": list(refs)}]}


def test_precedes_pass(ctx):
    matches = [Match(course([1, 2], "7a"), ("courses", 0)), Match(course(2, "13a"), ("courses", 1))]
    assert run("precedes", ctx(), matches, PRECEDES) == []


def test_precedes_fail_names_both_areas_and_semesters(ctx):
    matches = [
        Match(course(1, "4a", "10a"), ("courses", 0)),
        Match(course(3, "13a"), ("courses", 1)),
        Match(course(4, "7a"), ("courses", 2)),
        Match(course(4, "16a"), ("courses", 3)),
    ]
    [finding] = run("precedes", ctx(), matches, PRECEDES)
    assert finding.path == ("courses", 2)
    assert finding.params == {
        "area": "2 (Framework conditions, organisation and rights)",
        "semester": 4,
        "later_area": "4 (Working methods in mental health work and substance use work)",
        "later_semester": 3,
    }


# --- any-in --------------------------------------------------------------------

STUDENT_ACTIVE = {"vocabulary": "learning_forms", "where": {"student_active": True}}


def test_any_in_pass(ctx):
    c = ctx(anchor=("courses",))
    result = outcome("any-in", c, [Match("lecture", ("a",)), Match("seminar", ("b",))], STUDENT_ACTIVE)
    assert result.findings == []
    assert result.facts["found"] == "seminar"


def test_any_in_fail_lists_what_was_found(ctx):
    matches = [Match("self-study", ("a",)), Match("lecture", ("b",)), Match("lecture", ("c",))]
    [finding] = run("any-in", ctx(anchor=("courses",)), matches, STUDENT_ACTIVE)
    assert finding.path == ("courses",)
    assert finding.params == {"found": "lecture, self-study"}


# --- all-in --------------------------------------------------------------------


def test_all_in_pass(ctx):
    match = Match(["mental-health", "substance-use"], ("practice", 0, "fields"))
    assert run("all-in", ctx(), [match], {"vocabulary": "practice_fields", "non_empty": True}) == []


def test_all_in_fail_points_at_the_list_item(ctx):
    match = Match(["mental-health", "somatic-care"], ("practice", 0, "fields"))
    [finding] = run("all-in", ctx(), [match], {"vocabulary": "practice_fields", "where": {"in_field": True}})
    assert finding.path == ("practice", 0, "fields", 1)
    assert finding.params["value"] == "somatic-care"
    assert finding.code == "fail"
    assert finding.params["allowed"] == (
        "mental-health (mental-health work), substance-use (substance-use work), "
        "mental-health-and-substance-use (mental-health and substance-use work)"
    )


def test_all_in_scalar_and_empty(ctx):
    [finding] = run("all-in", ctx(), [Match("observation", ("practice", 1, "kind"))], {"vocabulary": "practice_kinds", "where": {"counts": True}})
    assert finding.path == ("practice", 1, "kind")
    assert finding.params["value"] == "observation"
    [empty] = run("all-in", ctx(), [Match([], ("practice", 2, "fields"))], {"vocabulary": "practice_fields", "non_empty": True})
    assert empty.code == "empty"
    assert empty.path == ("practice", 2, "fields")
    # without non_empty an empty list has nothing wrong in it
    assert run("all-in", ctx(), [Match([], ("p",))], {"vocabulary": "practice_fields"}) == []


# --- non-empty -----------------------------------------------------------------


def test_non_empty_pass(ctx):
    assert run("non-empty", ctx(), [Match(["14c"], ("practice", 0, "covers"))]) == []


def test_non_empty_fail_for_empty_and_missing(ctx):
    findings = run("non-empty", ctx(), [Match([], ("practice", 1, "covers")), Match(MISSING, ("practice", 2))])
    assert [f.path for f in findings] == [("practice", 1, "covers"), ("practice", 2)]


# --- contains-all --------------------------------------------------------------

AGREEMENT = {"vocabulary": "agreement_topics", "values": ["responsibility", "roles", "capacity", "competence", "cooperation-arenas"]}


def test_contains_all_pass(ctx):
    match = Match(["responsibility", "roles", "capacity", "competence", "cooperation-arenas"], ("agreements", 0, "regulates"))
    assert run("contains-all", ctx(), [match], AGREEMENT) == []


def test_contains_all_fail_names_what_is_missing(ctx):
    match = Match(["responsibility", "roles", "research"], ("agreements", 1, "regulates"))
    [finding] = run("contains-all", ctx(), [match], AGREEMENT)
    assert finding.path == ("agreements", 1, "regulates")
    assert finding.params == {"missing": "capacity, competence, cooperation arenas", "missing_ids": ["capacity", "competence", "cooperation-arenas"]}


def test_contains_all_defaults_to_the_whole_vocabulary(ctx, ruleset):
    every = ruleset.vocabularies["professions"].ids
    assert run("contains-all", ctx(), [Match(list(every), ("admission", "professions"))], {"vocabulary": "professions"}) == []
    [finding] = run("contains-all", ctx(), [Match(every[:-1], ("admission", "professions"))], {"vocabulary": "professions"})
    assert finding.params["missing_ids"] == [every[-1]]


# --- exists-in -----------------------------------------------------------------

PROVIDERS = {"in": "agreements[*].provider"}


def test_exists_in_pass_ignores_case_and_spacing(ctx):
    # compliant.yaml has an agreement with "Sunnfjord kommune"
    assert run("exists-in", ctx(), [Match("sunnfjord   KOMMUNE", ("practice", 0, "provider"))], PROVIDERS) == []


def test_exists_in_fail_and_missing(ctx):
    findings = run("exists-in", ctx(), [Match("Kinn kommune", ("practice", 0, "provider")), Match(MISSING, ("practice", 1))], PROVIDERS)
    assert [(f.path, f.params, f.code) for f in findings] == [
        (("practice", 0, "provider"), {"value": "Kinn kommune"}, "fail"),
        (("practice", 1), {}, "missing"),
    ]


# --- timeline ------------------------------------------------------------------
# compliant.yaml: retningslinje-2022, start 2024-autumn, 4 semesters: last exam spring 2026.


def case(status: str, **when) -> dict:
    return {"when": when, "status": status, "message": {"en": status}, "quote": f"quote {status}"}


def test_timeline_pass_when_no_case_applies(ctx):
    cases = [case("fail", framework="rammeplan-2005"), case("warn", start_before="2023-autumn")]
    assert run("timeline", ctx(), [], {"cases": cases}) == []


def test_timeline_fail_carries_the_dates_and_the_case_quote(ctx):
    [finding] = run("timeline", ctx(), [], {"cases": [case("fail", framework="retningslinje-2022", start_from="2024-autumn")]})
    assert finding.path == ("programme", "start")
    assert finding.status == "fail"
    assert finding.quote == "quote fail"
    assert finding.message == {"en": "fail"}
    assert finding.params == {
        "framework": "retningslinje-2022",
        "start": "2024-autumn",
        "last_exam": "30.06.2026",
        "as_of": "15.01.2026",
    }


def test_timeline_warnings_only_when_nothing_fails(ctx):
    warn = case("warn", last_exam_after="2026-06-29")
    fail = case("fail", as_of_after="2026-01-14")
    assert [f.status for f in run("timeline", ctx(), [], {"cases": [warn]})] == ["warn"]
    assert [f.status for f in run("timeline", ctx(), [], {"cases": [warn, fail]})] == ["fail"]


@pytest.mark.parametrize(
    "when, hits",
    [
        ({"last_exam_after": "2026-06-29"}, True),
        ({"last_exam_after": "2026-06-30"}, False),  # the last exam day itself is not after
        ({"as_of_after": "2026-01-14"}, True),
        ({"as_of_after": "2026-01-15"}, False),
        ({"as_of_from": "2026-01-15"}, True),
        ({"as_of_from": "2026-01-16"}, False),
        ({"start_from": "2024-autumn"}, True),
        ({"start_from": "2025-spring"}, False),
        ({"start_before": "2025-spring"}, True),
        ({"start_before": "2024-autumn"}, False),
    ],
)
def test_timeline_conditions_at_their_boundaries(ctx, when, hits):
    findings = run("timeline", ctx(), [], {"cases": [case("fail", **when)]})
    assert bool(findings) is hits


# --- issue 10: values not recognised, exact figures, precedes by complete areas --------------


def test_all_in_reports_an_unknown_value_as_not_recognised_with_the_nearest(ctx):
    match = Match(["mental-health", "psykisk helsevernn"], ("practice", 0, "fields"))
    [finding] = run("all-in", ctx(lang="nb"), [match], {"vocabulary": "practice_fields", "where": {"in_field": True}})
    assert (finding.code, finding.status, finding.path) == ("unrecognised", "unrecognised", ("practice", 0, "fields", 1))
    assert finding.params["noun"] == "et kjent praksisfelt"
    assert finding.params["suggestion"] == "; mente du 'psykisk helsevern'?"


def test_contains_all_does_not_call_a_title_missing_while_one_is_not_recognised(ctx):
    six = ["sosionom", "vernepleier", "barnevernspedagog", "sykepleier", "fysioterapeut"]
    options = {"vocabulary": "professions", "where": {"admits": True}}
    [finding] = run("contains-all", ctx(), [Match(six + ["ergoterapaut"], ("admission", "professions"))], options)
    assert finding.status == "unrecognised" and finding.path == ("admission", "professions", 5)
    [missing] = run("contains-all", ctx(), [Match(six, ("admission", "professions"))], options)
    assert missing.code == "fail" and missing.params["missing_ids"] == ["ergoterapeut"]
    # an unknown extra title does not hide that nothing is missing
    assert run("contains-all", ctx(), [Match(six + ["ergoterapeut", "ukjent"], ("admission", "professions"))], options) == []


def test_a_split_list_item_counts_each_of_its_values(ctx):
    options = {"vocabulary": "professions", "where": {"admits": True}}
    item = ("sosionom", "barnevernspedagog")  # "sosionom/barnevernspedagog" after normalisation
    value = ["vernepleier", item, "sykepleier", ("fysioterapeut", "ergoterapeut")]
    assert run("contains-all", ctx(), [Match(value, ("admission", "professions"))], options) == []
    [finding] = run("all-in", ctx(), [Match(["vernepleier", ("sosionom", "helsefagarbeider")], ("admission", "professions"))], options)
    assert finding.path == ("admission", "professions", 1) and finding.params["value"] == "helsefagarbeider"


def test_any_in_unknown_values_are_not_recognised_and_empty_fails(ctx):
    options = {"vocabulary": "learning_forms", "where": {"student_active": True}}
    [unknown] = run("any-in", ctx(), [Match("lecture", ("c", 0)), Match("gruppeting", ("c", 1))], options)
    assert unknown.status == "unrecognised" and unknown.path == ("c", 1)
    [empty] = run("any-in", ctx(), [], options)
    assert empty.code == "fail" and empty.params == {"found": "–"}
    assert run("any-in", ctx(), [Match("gruppeting", ("c", 1)), Match("seminar", ("c", 2))], options) == []


def test_sum_with_an_unknown_kind_is_not_recognised_unless_it_passes_without_it(ctx):
    where = {"kind": {"vocabulary": "practice_kinds", "where": {"counts": True}}}
    options = {"field": "weeks", "op": ">=", "value": 4, "where": where}
    short = [Match({"kind": "placement", "weeks": 2}, ("practice", 0)), Match({"kind": "hospiteringsopphold", "weeks": 6}, ("practice", 1))]
    [finding] = run("sum", ctx(), short, options)
    assert finding.status == "unrecognised" and finding.path == ("practice", 1, "kind")
    enough = [Match({"kind": "placement", "weeks": 4}, ("practice", 0)), short[1]]
    assert run("sum", ctx(), enough, options) == []


def test_sum_is_exact_for_decimal_credits(ctx):
    matches = [Match({"credits": c}, ("courses", i)) for i, c in enumerate([4.3, 10.4, 24.4, 5.9, 15])]
    assert 4.3 + 10.4 + 24.4 + 5.9 + 15 != 60  # what binary floats make of it
    assert run("sum", ctx(anchor=("courses",)), matches, {"field": "credits", "op": "==", "value": 60}) == []
    matches[-1] = Match({"credits": 14.9}, ("courses", 4))
    [finding] = run("sum", ctx(anchor=("courses",)), matches, {"field": "credits", "op": "==", "value": 60})
    assert finding.params["actual"] == Fraction("59.9") and messages.number(finding.params["actual"], "en") == "59.9"


@pytest.mark.parametrize("value, shown", [(Fraction(13, 3), "4.33"), (Fraction(105, 2), "52.5"), (Fraction(60), "60"), (60.0, "60")])
def test_numbers_print_as_people_write_them(value, shown):
    assert messages.number(value, "en") == shown


def test_hours_per_week_of_the_period_converts_exactly(ruleset):
    assert model.practice_weeks({"hours": 130, "hours_per_week": 30}, ruleset) == Fraction(13, 3)
    assert model.practice_weeks({"hours": 150}, ruleset) == 4
    assert model.practice_weeks({"weeks": 0.5}, ruleset) == Fraction(1, 2)


COMPLETE = {"earlier": [1, 2, 3], "later": [4, 5], "later_by": "complete"}
AREA_4 = ["13a", "13b", "13c", "13d", "13e", "13f", "14a", "14b", "14c", "14d", "14e", "15a", "15b"]


def test_precedes_by_complete_ignores_an_early_touch_of_area_5(ctx):
    matches = [Match(course(1, "4a", "16a"), ("courses", 0)), Match(course(2, "7a", "10a"), ("courses", 1))]
    assert run("precedes", ctx(), matches, COMPLETE) == []
    assert len(run("precedes", ctx(), matches, PRECEDES)) == 2  # the default reading: first touch


def test_precedes_by_complete_warns_after_area_4_is_complete_and_not_in_the_same_semester(ctx):
    area4 = Match(course(2, *AREA_4), ("courses", 0))
    [finding] = run("precedes", ctx(), [area4, Match(course(3, "7a"), ("courses", 1))], COMPLETE)
    assert finding.path == ("courses", 1) and (finding.params["semester"], finding.params["later_semester"]) == (3, 2)
    assert run("precedes", ctx(), [area4, Match(course(2, "7a"), ("courses", 1))], COMPLETE) == []
    # practice periods cover with their own `covers`
    practice = Match({"semester": 1, "covers": ["7a"]}, ("practice", 0))
    assert run("precedes", ctx(), [area4, Match(course(3, "7a"), ("courses", 1)), practice], COMPLETE) == []
