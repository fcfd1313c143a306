"""Study paths too many to build (issue 16): per-path rules judged from the choices, never refused.

Up to 16 study paths every path is built and named where a finding is on it
(as before). Beyond that the rules are evaluated from the choices
(rusplan.core.paths) and a finding names one path it is on as an example. The
verdicts must be those of checking every path: the tests below check the same
programmes both ways, with the enumeration forced off.
"""

from __future__ import annotations

import importlib.util
import random
import re

import pytest

from rusplan.core import paths as composed
from rusplan.kinds.programme import checks as programme_checks
from rusplan.kinds.programme import model

from conftest import REPO_ROOT

PLANS = REPO_ROOT / "tests" / "plans"
EXAMPLE = re.compile(r"^(?P<path>.*), one example of (?P<count>\d+) study paths$")
RANK = {"fail": 4, "unrecognised": 3, "warn": 2, "waived": 1, "pass": 0, "skip": 0}


@pytest.fixture(scope="module")
def generate():
    spec = importlib.util.spec_from_file_location("generate", REPO_ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _verdicts(report) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in report.results:
        out[r.rule] = max(out.get(r.rule, 0), RANK[r.status])
    return out


def _write(generate, tmp_path, data, name="plan.yaml"):
    path = tmp_path / name
    path.write_text(generate.render(data, "test"), encoding="utf-8")
    return path


def test_nine_choices_are_checked_and_a_failing_path_is_named(run_cli):
    """512 study paths used to be refused (exit 2); now each rule is judged, one concrete path named."""
    result = run_cli("check", PLANS / "nine-choices.yaml", "--lang", "en", "--as-of", "2026-01-15", "--format", "json")
    assert result.returncode == 1, result
    report = result.json()["files"][0]
    assert report["errors"] == []
    failed = {r["rule"]: r for r in report["results"] if r["status"] == "fail"}
    assert set(failed) == {"credits-sum", "competence-areas", "learning-outcomes"}
    credits = failed["credits-sum"]
    # 10 credits of fixed courses and nine choices of 5: every path has 55, the first one is named.
    assert credits["message"] == "the courses add up to 55 credits; the programme is 60"
    assert credits["study_path"] == "V1A + V2A + V3A + V4A + V5A + V6A + V7A + V8A + V9A, one example of 512 study paths"
    assert {r["rule"] for r in report["results"] if r["status"] == "pass"} >= {"practice-weeks", "areas-order", "student-active"}


@pytest.mark.parametrize("courses", [20, 60])
def test_twenty_binary_choices_are_checked(generate, tmp_path, check_programme, courses):
    data = generate.shaped(1, courses, 20, generate.regulation())
    report = check_programme(_write(generate, tmp_path, data))
    assert report.errors == []
    assert report.verdict == "pass"
    assert all(r.status == "pass" for r in report.results), [(r.rule, r.status, r.message) for r in report.results if r.status != "pass"]


def _options(data) -> list[tuple[int, int, dict]]:
    return [(i, j, o) for i, c in enumerate(data["courses"]) if "options" in c for j, o in enumerate(c["options"])]


def test_an_outcome_missing_from_one_option_of_twenty_names_a_path_without_it(generate, tmp_path, check_programme):
    data = generate.shaped(1, 20, 20, generate.regulation())
    i, j, option = _options(data)[27]  # choice 14, its second option ("masterløp")
    elsewhere = {ref for k, c in enumerate(data["courses"]) if k != i for c in c.get("options", [c]) for o in c["outcomes"] for ref in o["covers"]}
    elsewhere |= {ref for period in data["practice"] for ref in period["covers"]}
    lost = next(ref for o in option["outcomes"] for ref in o["covers"] if ref not in elsewhere)  # only this choice covers it
    for outcome in option["outcomes"]:
        outcome["covers"] = [ref for ref in outcome["covers"] if ref != lost]
    report = check_programme(_write(generate, tmp_path, data), lang="en")
    failed = [r for r in report.results if r.status == "fail"]
    assert [r.rule for r in failed] == ["learning-outcomes"]
    ident = re.sub(r"[§\s]", "", lost)  # written "§ 13 d", "§13d" or "13d"
    assert failed[0].message.endswith(f"(1): Working methods in mental health work and substance use work: {ident}")
    example = EXAMPLE.match(failed[0].study_path)
    assert example and example["count"] == "1048576"
    codes = example["path"].split(" + ")
    assert len(codes) == 20 and codes[13] == option["code"]  # the path takes the option that lacks it
    assert sum(code.endswith("M") for code in codes) == 1  # and the first option of every other choice


def _mutate(rng: random.Random, data: dict, reg: dict) -> None:
    """One edit a coordinator might make to an option: credits, an outcome, a semester, a whole area early, a practice link."""
    options = _options(data)
    _, _, course = rng.choice(options)
    kind = rng.randrange(6)
    if kind == 0:
        course["credits"] = max(1, course["credits"] + rng.choice([-5, -3, 3, 5]))
    elif kind == 1 and course["outcomes"] and course["outcomes"][0]["covers"]:
        course["outcomes"][0]["covers"].pop(rng.randrange(len(course["outcomes"][0]["covers"])))
    elif kind == 2:
        course["semester"] = rng.randint(1, data["programme"]["semesters"])
    elif kind == 3:
        late = rng.choice([oid for area in (4, 5) for oid in reg["areas"][area]])
        course["outcomes"][0]["covers"].append(late)
    elif kind == 4:  # area 4 complete in semester 1 on the paths that take it: before area 3 begins (areas-order)
        course["semester"] = 1
        course["outcomes"][0]["covers"] += reg["areas"][4]
    else:
        period = rng.choice(data["practice"])
        period["course"] = course["code"]  # the period now counts only on the paths that take the option


@pytest.mark.parametrize("seed", range(24))
def test_composed_verdicts_are_those_of_every_path(generate, tmp_path, check_programme, monkeypatch, seed):
    """Four binary choices (16 paths), a few random edits: the same verdict per rule whether the 16
    paths are built (the default up to 16) or the rule is judged from the choices; the example path
    is one the finding is on."""
    reg = generate.regulation()
    data = generate.shaped(seed, 20, 4, reg)
    rng = random.Random(seed)
    for _ in range(rng.randint(1, 4)):
        _mutate(rng, data, reg)
    path = _write(generate, tmp_path, data)
    every = check_programme(path, lang="en")
    monkeypatch.setattr(model, "MAX_STUDY_PATHS", 1)
    judged = check_programme(path, lang="en")
    assert every.errors == judged.errors == []
    assert _verdicts(judged) == _verdicts(every)
    on_paths: dict[str, set] = {}
    for r in every.results:
        on_paths.setdefault(r.rule, set()).update(r.study_path.split(", ") if r.study_path else {"*"})
    for r in judged.results:
        if r.status in ("fail", "warn", "unrecognised"):
            example = EXAMPLE.match(r.study_path)
            assert example and example["count"] == "16", r
            assert example["path"] in on_paths[r.rule] or "*" in on_paths[r.rule], (r.rule, example["path"], on_paths[r.rule])


def test_a_function_with_no_composed_rule_is_bounded_and_says_which_path_it_did_not_reach(generate, tmp_path, check_programme, monkeypatch):
    """`precedes` without its composed search: the first 256 paths in order, then a warning naming the 257th."""
    monkeypatch.delattr(programme_checks.precedes, "paths")
    data = generate.shaped(1, 20, 20, generate.regulation())
    report = check_programme(_write(generate, tmp_path, data), lang="en")
    order = [r for r in report.results if r.rule == "areas-order"]
    assert [r.status for r in order] == ["warn"]  # a warning rule; an error rule would be "unrecognised" (exit 1)
    assert "the rule holds on the first 256 of 1048576, but study path " in order[0].message
    named = order[0].message.split("but study path ")[1].split(" and those after it")[0].split(" + ")
    # The 257th path in order: the first option everywhere but the 12th choice from the end (256 = 2**8).
    assert [code.endswith("M") for code in named] == [i == 11 for i in range(20)]
    assert report.verdict == "pass"  # a warning: every error rule was judged on every path


def test_an_error_rule_that_cannot_be_judged_on_every_path_is_not_compliant(generate, tmp_path, check_programme, monkeypatch):
    monkeypatch.setattr(composed, "WITNESSES", {})
    data = generate.shaped(1, 20, 20, generate.regulation())
    report = check_programme(_write(generate, tmp_path, data), lang="en")
    unjudged = {r.rule for r in report.results if r.status == "unrecognised"}
    assert unjudged == {"credits-sum", "competence-areas", "learning-outcomes", "practice-weeks"}
    assert report.verdict == "unrecognised"  # exit 1: never "compliant" without judging every path


def test_the_matrix_of_too_many_paths_names_one_path_an_outcome_is_missing_on(run_cli, tmp_path):
    """4b only in option V3B of nine choices: covered on some paths, so partial, not uncovered."""
    text = (PLANS / "nine-choices.yaml").read_text(encoding="utf-8")
    old = '{code: V3B, name: Valg 3 B, credits: 5, semester: 2, outcomes: [{text: b, covers: ["4a"]}]}'
    assert text.count(old) == 1
    plan = tmp_path / "partial.yaml"
    plan.write_text(text.replace(old, old.replace('["4a"]', '["4a", "4b"]')), encoding="utf-8")
    result = run_cli("matrix", plan, "--lang", "en")
    assert result.returncode == 0, result
    words = " ".join(result.stdout.split())  # the terminal table wraps
    assert "4b is not covered on study path V1A + V2A + V3A + V4A + V5A + V6A + V7A + V8A + V9A, one example of 512 study paths" in words
    assert "46 learning outcomes are covered by no course or practice" in words  # 4b is no longer among them
