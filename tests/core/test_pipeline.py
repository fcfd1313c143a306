"""core/pipeline.py: the one entry point, load -> validate -> model -> evaluate -> waivers."""

from __future__ import annotations

import datetime as dt

from rusplan import kinds
from rusplan.core.pipeline import Options, check_bytes, check_file, models, read
from rusplan.core.result import FileReport, Skipped

OPTIONS = Options(lang="en", as_of=dt.date(2026, 1, 15))


def test_models_gives_the_kind_and_one_model_per_ruleset_of_it(examples_dir, bundled_rulesets):
    doc = read(str(examples_dir / "compliant.yaml"), OPTIONS)
    kind, built = models(doc, bundled_rulesets, "en")
    assert kind is kinds.get("programme")
    assert [ruleset for ruleset, _ in built] == [r for r in bundled_rulesets if r.kind == "programme"]  # not the LIS rules
    [(_, programme)] = built
    assert programme.doc is doc and programme.data is not doc.data


def test_check_bytes_answers_exactly_like_check_file(examples_dir, bundled_rulesets):
    for path in sorted(examples_dir.glob("*.yaml")):
        from_file = check_file(str(path), bundled_rulesets, OPTIONS)
        from_bytes = check_bytes(path.read_bytes(), str(path), bundled_rulesets, OPTIONS)
        assert from_bytes.as_dict() == from_file.as_dict(), path.name


def test_a_walk_skips_yaml_of_no_known_format_that_a_named_file_reports(tmp_path, bundled_rulesets):
    other = tmp_path / "docker-compose.yaml"
    other.write_text("services: {web: {image: nginx}}\n", encoding="utf-8")
    skipped = check_file(str(other), bundled_rulesets, OPTIONS, explicit=False)
    named = check_file(str(other), bundled_rulesets, OPTIONS)
    assert isinstance(skipped, Skipped) and isinstance(named, FileReport)
    assert [e.code for e in named.errors] == ["not-a-programme"]
    assert skipped.reason == named.errors[0].message == "not a rusplan programme file: 'format' is -, expected 'rusplan/v1', 'rusplan-lis/v1'"


def test_a_near_miss_of_a_format_is_checked_in_a_walk_and_named(tmp_path, examples_dir, bundled_rulesets):
    text = (examples_dir / "compliant.yaml").read_text(encoding="utf-8").replace("format: rusplan/v1\n", "format: rusplan/v1.1\n")
    near = tmp_path / "plan.yaml"
    near.write_text(text, encoding="utf-8")
    report = check_file(str(near), bundled_rulesets, OPTIONS, explicit=False)
    assert isinstance(report, FileReport)
    assert [(e.code, e.message) for e in report.errors] == [("format-near-miss", "format 'rusplan/v1.1' is unknown; did you mean 'rusplan/v1'?")]


def test_waivers_are_judged_against_the_rules_of_the_documents_kind(programme_variant, bundled_rulesets):
    path = programme_variant({"format: rusplan/v1\n": "format: rusplan/v1\nwaivers:\n  - {rule: practice-weeks, reason: Godkjent unntak, expires: '2027-01-01'}\n"})
    report = check_file(str(path), bundled_rulesets, OPTIONS)
    assert report.verdict == "pass" and not [r for r in report.results if r.rule == "waiver"]
    unknown = programme_variant({"format: rusplan/v1\n": "format: rusplan/v1\nwaivers:\n  - {rule: reading-languages, reason: Godkjent, expires: '2027-01-01'}\n"})
    report = check_file(str(unknown), bundled_rulesets, OPTIONS)
    assert [(r.rule, r.status) for r in report.results if r.rule == "waiver"] == [("waiver", "fail")]
