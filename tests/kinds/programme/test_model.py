"""kinds/programme/model.py: the model is a new, normalised value; the loaded document never changes."""

from __future__ import annotations

import copy
from fractions import Fraction

from rusplan.io import loader
from rusplan.kinds.programme import model


def test_build_leaves_the_loaded_document_as_it_was(examples_dir, bundled_rulesets):
    [ruleset] = [r for r in bundled_rulesets if r.kind == "programme"]  # rules/ holds the LIS plan's rules too
    doc = loader.load(str(examples_dir / "compliant-hours-nynorsk.yaml"))
    before = copy.deepcopy(doc.data)
    programme = model.build(doc, ruleset, "nn")
    assert doc.data == before
    assert all("weeks" not in period for period in doc.data["practice"])  # the bug: weeks was added beside hours
    # The model holds the normalised copy: 75 hours at 37.5 hours a week is exactly 2 weeks, and
    # the outcome references are canonical ("§ 14 c" -> "14c", "15B" -> "15b").
    assert [period["weeks"] for period in programme.data["practice"]] == [Fraction(2)] * 3
    assert programme.data["practice"][0]["covers"] == ["14c", "15b", "11c"]
    assert doc.data["practice"][0]["covers"] == ["§ 14 c", "15B", "11 c"]
    assert programme.data is not doc.data and programme.doc is doc


def test_two_builds_give_equal_independent_models(examples_dir, bundled_rulesets):
    [ruleset] = [r for r in bundled_rulesets if r.kind == "programme"]  # rules/ holds the LIS plan's rules too
    doc = loader.load(str(examples_dir / "compliant-hours-nynorsk.yaml"))
    first, second = model.build(doc, ruleset, "nb"), model.build(doc, ruleset, "nb")
    assert first.data == second.data and first.conversions == second.conversions
    first.data["practice"][0]["weeks"] = 0
    assert second.data["practice"][0]["weeks"] != 0
