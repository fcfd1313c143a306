"""The 44 one-edit mutations of the bundled rules file (tests/rules_mutations/mutations.yaml), issue 13.

Each variant is either refused — by `rusplan rules validate` and by
`rusplan check`, exit 2, no verdict, a located one-line reason on the line
the mutation changed — or valid and judged as the edit says.  None may give
a traceback or a verdict from a broken file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from rusplan.core.ruleset import bundled_rules_dir

from conftest import AS_OF

HERE = Path(__file__).parent / "rules_mutations"
SPEC = yaml.safe_load((HERE / "mutations.yaml").read_text(encoding="utf-8"))["mutations"]
BUNDLED = Path(bundled_rules_dir()) / "tverrfaglig-psykisk-helse-rus.yaml"
DIGITS = "6" + "0" * 4999


def test_the_corpus_has_44_distinct_mutations_each_with_one_expected_outcome():
    assert len(SPEC) == 44
    assert len({m["id"] for m in SPEC}) == 44
    assert all(("refused" in m) != ("valid" in m) for m in SPEC)


@pytest.fixture(params=SPEC, ids=[m["id"] for m in SPEC])
def variant(request, tmp_path):
    """(mutation, the path to give --rules, the edited file, its text)."""
    mutation = request.param
    original = BUNDLED.read_text(encoding="utf-8")
    old, new = mutation["edit"]["old"], mutation["edit"]["new"].replace("<digits>", DIGITS)
    assert original.count(old) == 1, f"{mutation['id']}: {old!r} occurs {original.count(old)} times in the bundled rules"
    text = original.replace(old, new)
    folder = tmp_path / "rules"
    folder.mkdir()
    if mutation.get("beside"):
        (folder / "a-bundled.yaml").write_text(original, encoding="utf-8")
    edited = folder / "b-variant.yaml"
    edited.write_text(text, encoding="utf-8")
    return mutation, (folder if mutation.get("beside") else edited), edited, text


def _line_of(text: str, needle: str, nth: int = 1) -> int:
    lines = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(lines) >= nth, f"the variant has {len(lines)} lines containing {needle!r}, not {nth}"
    return lines[nth - 1]


def _assert_refused(result, edited: Path, line: int, says: str) -> None:
    assert "Traceback" not in result.output, str(result)
    assert result.returncode == 2, str(result)
    assert result.stdout == "" or "valid" not in result.stdout, str(result)
    located = [l for l in result.stderr.splitlines() if l.startswith(f"{edited}:{line}:")]
    assert located, f"no stderr line starts {edited}:{line}:\n{result}"
    assert any(says in l for l in located), f"no located line says {says!r}\n{result}"


def test_each_mutation_is_refused_or_judged_correctly(variant, run_cli):
    mutation, rules, edited, text = variant
    validated = run_cli("rules", "validate", rules)
    programme = (mutation.get("valid") or {}).get("programme", "compliant.yaml")
    checked = run_cli("check", "--rules", rules, f"examples/{programme}", "--as-of", AS_OF, "--format", "json")
    for result in (validated, checked):
        assert "Traceback" not in result.output, str(result)
    if "refused" in mutation:
        expected = mutation["refused"]
        line = _line_of(text, expected["line"], expected.get("nth", 1))
        _assert_refused(validated, edited, line, expected["says"])
        _assert_refused(checked, edited, line, expected["says"])
        assert checked.stdout == ""  # no verdict at all
        return
    expected = mutation["valid"]
    assert validated.returncode == 0 and "valid" in validated.stdout, str(validated)
    assert checked.returncode == expected["exit"], str(checked)
    [report] = checked.json()["files"]
    [result] = [r for r in report["results"] if r["rule"] == expected["rule"]]
    assert result["status"] == expected["status"], result
    assert expected["says"] in result["message"], result
