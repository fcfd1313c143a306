"""schema/validate.py: a schema error in the words of the person who wrote the file, at its place."""

from __future__ import annotations

from rusplan.io.loader import parse
from rusplan.kinds import get
from rusplan.schema.validate import RULES_SCHEMA, extended, validate

PROGRAMME = get("programme")


def problems(examples_dir, changes: dict, schema: str = PROGRAMME.schema, lang: str = "en"):
    text = (examples_dir / "compliant.yaml").read_text(encoding="utf-8")
    for old, new in changes.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    lines = text.splitlines()
    found = validate(parse(text, "plan.yaml"), schema, lang)
    return [(p.code, p.message, lines[p.line - 1].strip()) for p in found]


def test_a_norwegian_key_is_named_with_the_formats_key(examples_dir):
    [(code, message, line)] = problems(examples_dir, {"\ncourses:": "\nemner:"})
    assert code == "schema-unknown-key"
    assert message == "top level: 'emner' is not a key of the format; did you mean 'courses'?"
    assert line == "emner:"


def test_yes_and_no_get_the_exact_rewrite(examples_dir):
    [(code, message, _)] = problems(examples_dir, {"individual_assessment: true": "individual_assessment: ja"})
    assert code == "schema-yes-no"
    assert message.endswith("write individual_assessment: true")


def test_weeks_and_hours_together_is_one_sentence_at_the_period(examples_dir):
    [(code, message, line)] = problems(examples_dir, {"    weeks: 5\n": "    weeks: 5\n    hours: 180\n"})
    assert code == "schema-weeks-or-hours"
    assert "give either 'weeks' or 'hours' (not both, not neither)" in message
    assert line.startswith("- name:")


def test_the_same_words_in_bokmal(examples_dir):
    [(_, message, _)] = problems(examples_dir, {"\ncourses:": "\nemner:"}, lang="nb")
    assert message.endswith("'emner' er ikke en nøkkel i formatet; mente du 'courses'?")


def test_a_rules_file_is_validated_with_its_kinds_part_merged_in(repo_root):
    text = (repo_root / "rules" / "tverrfaglig-psykisk-helse-rus.yaml").read_text(encoding="utf-8")
    generic_only = validate(parse(text, "rules.yaml"), RULES_SCHEMA, "en")
    # Without the programme's part, its sections and entry flags are unknown keys, its own functions
    # (precedes, timeline: the kind's part lists them, issue 13b) are unknown functions, and nothing else is wrong.
    assert {p.code for p in generic_only} == {"schema-unknown-key", "schema-enum"}
    unknown = {p.message.split("'")[1] for p in generic_only if p.code == "schema-unknown-key"}
    assert unknown == {"settings", "areas", "outcomes", "admits", "in_field", "counts", "core", "student_active"}
    functions = {p.message.rsplit("'", 2)[1] for p in generic_only if p.code == "schema-enum"}
    assert functions == {"precedes", "timeline"}
    assert validate(parse(text, "rules.yaml"), extended(RULES_SCHEMA, PROGRAMME.rules_schema), "en") == []
