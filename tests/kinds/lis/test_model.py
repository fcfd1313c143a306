"""The LIS plan model: counted months, objective ids, months, spellings, overlaps.

The model is built from the bundled LIS rules file's vocabularies and
settings, read here directly, so these tests pin the builder without the rest
of the pipeline.
"""

from __future__ import annotations

import copy
from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from rusplan.core.ruleset import Ruleset, Vocabulary
from rusplan.io import loader
from rusplan.kinds.lis.model import InconsistentPlan, build, objective_id

ROOT = Path(__file__).resolve().parents[3]
NAME = "spesialistutdanning-rus-og-avhengighetsmedisin.yaml"
RULES = ROOT / "rules" / NAME


@pytest.fixture(scope="module")
def ruleset() -> Ruleset:
    data = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    vocabularies = {name: Vocabulary(name, spec["entries"], spec.get("normalise", [])) for name, spec in data["vocabularies"].items()}
    return Ruleset(str(RULES), data, [], vocabularies)


def plan(rotations: str, extra: str = "") -> loader.Document:
    text = f"""format: rusplan-lis/v1
plan:
  specialty: rus- og avhengighetsmedisin
  candidate: LIS-2025-001
  employer: Helse Vestfjord HF
  lis1_months: 18
  position_start: 2025-09
rotations:
{rotations}
{extra}"""
    return loader.parse(text, "plan.yaml")


def test_twelve_months_at_fifty_percent_count_six(ruleset):
    doc = plan("  - {arena: forskning, start: 2027-09, months: 12, percent: 50}\n  - {arena: LAR, start: 2028-09, months: 4}")
    model = build(doc, ruleset, "nb")
    first, second = model.data["rotations"]
    assert first["counted_months"] == 6 and isinstance(first["counted_months"], Fraction)
    assert second["counted_months"] == 4  # no percent: full time
    assert model.conversions == {("rotations", 0, "counted_months"): (12, 50, 6)}


def test_part_time_is_exact(ruleset):
    doc = plan("  - {arena: LAR, start: 2028-09, months: 7, percent: 33.3}")
    assert build(doc, ruleset, "nb").data["rotations"][0]["counted_months"] == Fraction(7) * Fraction("33.3") / 100


@pytest.mark.parametrize(
    "written, normalised",
    [("001", "001"), ("1", "001"), (1, "001"), ("01", "001"), ("RAM-001", "001"), ("ram 1", "001"), ("RAM001", "001"),
     ("Læringsmål 14", "014"), (" 75 ", "075"), (75, "075"), ("076", "076"), ("RAM-1b", "RAM-1b"), ("LM-12", "012"), (True, True)],
)
def test_objective_ids_are_normalised_as_the_rules_file_says(ruleset, written, normalised):
    assert objective_id(written, ruleset.settings) == normalised


def test_objective_width_and_prefixes_come_from_the_rules_file():
    settings = {"objective_ids": {"prefixes": ["LM"], "digits": 2}}
    assert objective_id("LM-7", settings) == "07"
    assert objective_id("RAM-7", settings) == "RAM-7"


def test_build_normalises_objectives_months_and_spellings(ruleset):
    doc = plan(
        "  - arena: Rusakuttmottak og avgiftning\n    start: '2025-09-15'\n    months: 12\n    objectives: ['1', 2, RAM-003]\n"
        "  - {arena: Sengepost 3, start: 2026-09, months: 6}",
        "assessed:\n  - {objective: Læringsmål 1, recommended_by: [Klinisk veileder, Supervisør]}\n",
    )
    before = copy.deepcopy(doc.data)
    model = build(doc, ruleset, "nb")
    first, second = model.data["rotations"]
    assert first["arena"] == "detox-acute" and first["start"] == "2025-09"
    assert first["objectives"] == ["001", "002", "003"]
    assert second["arena"] == "Sengepost 3"  # not recognised: left as written for the rules to report
    assert model.data["assessed"][0] == {"objective": "001", "recommended_by": ["veileder", "supervisor"]}
    assert model.data["plan"]["specialty"] == "rus-og-avhengighetsmedisin"
    assert model.data["plan"]["end"] == "2027-03"
    assert doc.data == before  # the loaded document is never changed


def test_plan_end_is_the_month_after_the_last_period(ruleset):
    doc = plan("  - {arena: LAR, start: 2029-09, months: 4}\n  - {arena: DPS, start: 2028-03, months: 6.5}")
    assert build(doc, ruleset, "nb").data["plan"]["end"] == "2030-01"


def test_overlapping_full_time_periods_cannot_be_checked(ruleset):
    doc = plan("  - {arena: LAR, start: 2028-09, months: 6}\n  - {arena: DPS, start: 2029-01, months: 6}")
    with pytest.raises(InconsistentPlan) as err:
        build(doc, ruleset, "nb")
    (problem,) = err.value.problems
    assert problem.code == "lis-overlap" and problem.line == 10
    assert "periode 2 overlapper periode 1 i 2029-01" in problem.message and "200 %" in problem.message


def test_parallel_part_time_periods_and_back_to_back_periods_are_fine(ruleset):
    doc = plan(
        "  - {arena: forskning, start: 2028-09, months: 12, percent: 50}\n"
        "  - {arena: ruspoliklinikk, start: 2028-09, months: 12, percent: 50}\n"
        "  - {arena: LAR, start: 2029-09, months: 4}"
    )
    assert len(build(doc, ruleset, "nb").data["rotations"]) == 3


def test_teaching_absent_is_an_empty_section_for_the_rules(ruleset):
    assert build(plan("  - {arena: LAR, start: 2029-09, months: 4}"), ruleset, "nb").data["teaching"] == {}
