"""The regulation lives in rules/, not in Python.

1. Changing "four weeks" is a one-line edit of a copy of rules/, and the
   verdicts follow the copy.
2. src/ holds no profession, outcome id or § 22 date.
3. A broken rules file is refused with FILE:LINE and never yields a verdict.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from rusplan.core.ruleset import bundled_rules_dir, load_rulesets

AS_OF = "2026-01-15"


def rules_file(folder: Path) -> Path:
    [path] = [p for p in folder.glob("*.yaml") if "- id: practice-weeks" in p.read_text(encoding="utf-8")]
    return path


def copy_with_practice_weeks(tmp_path: Path, weeks: int) -> Path:
    """A copy of the bundled rules folder where practice-weeks requires `weeks` instead of 4."""
    folder = tmp_path / f"rules-{weeks}"
    shutil.copytree(bundled_rules_dir(), folder, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    path = rules_file(folder)
    before = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(before) if line.strip() == "- id: practice-weeks")
    end = next((i for i in range(start + 1, len(before)) if before[i].lstrip().startswith("- id: ")), len(before))
    [index] = [i for i in range(start, end) if "value: 4" in before[i]]
    after = list(before)
    after[index] = before[index].replace("value: 4", f"value: {weeks}")
    path.write_text("".join(after), encoding="utf-8")
    changed = [i for i, (a, b) in enumerate(zip(before, after)) if a != b]
    assert changed == [index] and len(before) == len(after)
    return folder


def practice_weeks(result) -> dict:
    [found] = [r for r in result.json()["files"][0]["results"] if r["rule"] == "practice-weeks"]
    return found


def figures(message: str) -> list[str]:
    return re.findall(r"\d+", message)


# --- 1. a one-line edit changes the verdict -----------------------------------------


def test_four_weeks_changed_to_two_in_a_copy(tmp_path, run_cli):
    args = ("check", "examples/fail-practice-weeks.yaml", "--as-of", AS_OF, "--format", "json", "--lang", "en")
    bundled = run_cli(*args)
    assert bundled.returncode == 1, str(bundled)
    assert practice_weeks(bundled)["status"] == "fail"

    copy = copy_with_practice_weeks(tmp_path, 2)
    edited = run_cli(*args, "--rules", copy)
    assert edited.returncode == 0, str(edited)
    found = practice_weeks(edited)
    assert found["status"] == "pass"
    assert figures(found["message"])[:1] == ["3"] and "2" in figures(found["message"])


def test_four_weeks_changed_to_six_in_a_copy(tmp_path, run_cli, programme_variant):
    copy = copy_with_practice_weeks(tmp_path, 6)
    compliant = run_cli("check", "examples/compliant.yaml", "--as-of", AS_OF, "--rules", copy)
    assert compliant.returncode == 0, str(compliant)

    five_weeks = programme_variant({"    weeks: 5\n": "    weeks: 4\n"})  # 4 + 1 weeks
    result = run_cli("check", five_weeks, "--as-of", AS_OF, "--rules", copy, "--format", "json", "--lang", "en")
    assert result.returncode == 1, str(result)
    found = practice_weeks(result)
    assert found["status"] == "fail"
    assert "5" in figures(found["message"]) and "6" in figures(found["message"])
    # the same file passes the bundled rules
    assert run_cli("check", five_weeks, "--as-of", AS_OF).returncode == 0


# --- 2. no regulation in Python ----------------------------------------------------


def python_sources(repo_root: Path) -> list[Path]:
    files = sorted((repo_root / "src").rglob("*.py"))
    assert files
    return files


def offending(repo_root: Path, pattern: re.Pattern) -> list[str]:
    hits = []
    for path in python_sources(repo_root):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                hits.append(f"{path.relative_to(repo_root)}:{number}: {line.strip()}")
    return hits


def test_no_profession_name_in_src(repo_root):
    professions = load_rulesets()[0].vocabularies["professions"].entries
    assert len([e for e in professions if e.get("admits")]) == 6  # § 19's six; the others are titles it does not admit
    names = {str(e[k]).lower() for e in professions for k in ("id", "nb", "nn") if e.get(k)}
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names)), re.IGNORECASE)
    assert offending(repo_root, pattern) == []


def test_no_outcome_id_in_src(repo_root):
    assert offending(repo_root, re.compile(r"['\"](1[0-8]|[4-9])[a-g]['\"]")) == []


@pytest.mark.parametrize("literal", ["2027-07-01", "2029-12-31", "31.12.2029", "2024-autumn"])
def test_no_section_22_date_in_src(repo_root, literal):
    assert offending(repo_root, re.compile(re.escape(literal))) == []


# --- 3. a broken rules file ---------------------------------------------------------


def bundled_text() -> str:
    return rules_file(Path(bundled_rules_dir())).read_text(encoding="utf-8")


def delete_quote(text: str, rule_id: str) -> str:
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {rule_id}")
    quote = next(i for i in range(start, len(lines)) if lines[i].lstrip().startswith("quote:"))
    return "".join(lines[:quote] + lines[quote + 1 :])


# id -> (edit of the bundled text, text on the line the error must name, message fragment)
BROKEN = {
    "bad-yaml": (lambda t: t.replace("  hours_per_week: 37.5\n", "  hours_per_week: 37.5: x\n", 1), "hours_per_week: 37.5: x", ""),
    "unknown-function": (
        lambda t: t.replace('then: {function: compare, options: {op: "==", value: 60}}', 'then: {function: comparre, options: {op: "==", value: 60}}', 1),
        "function: comparre",
        "comparre",
    ),
    "unknown-vocabulary": (
        lambda t: t.replace("{function: all-in, options: {vocabulary: practice_kinds, where: {counts: true}}}", "{function: all-in, options: {vocabulary: practise_kinds, where: {counts: true}}}", 1),
        "vocabulary: practise_kinds",
        "practise_kinds",
    ),
    "missing-quote": (lambda t: delete_quote(t, "practice-outcomes"), "- id: practice-outcomes", "quote"),
}


@pytest.fixture(params=sorted(BROKEN))
def broken_rules(request, tmp_path):
    edit, needle, fragment = BROKEN[request.param]
    original = bundled_text()
    text = edit(original)
    assert text != original, f"the {request.param} edit no longer applies to the bundled rules"
    path = tmp_path / f"{request.param}.yaml"
    path.write_text(text, encoding="utf-8")
    [line] = [n for n, l in enumerate(text.splitlines(), 1) if needle in l]
    return path, line, fragment


def assert_located(result, path: Path, line: int, fragment: str) -> None:
    assert "Traceback" not in result.output, str(result)
    assert result.returncode == 2, str(result)
    hits = [l for l in result.stderr.splitlines() if l.startswith(f"{path}:{line}:") and fragment in l]
    assert hits, f"no stderr line {path}:{line}: with {fragment!r}\n{result}"


def test_check_with_a_broken_rules_file_gives_no_verdict(broken_rules, run_cli):
    path, line, fragment = broken_rules
    result = run_cli("check", "--rules", path, "examples/compliant.yaml", "--as-of", AS_OF)
    assert_located(result, path, line, fragment)
    assert result.stdout == ""


def test_rules_validate_refuses_a_broken_rules_file(broken_rules, run_cli):
    path, line, fragment = broken_rules
    assert_located(run_cli("rules", "validate", path), path, line, fragment)


def test_rules_validate_accepts_the_bundled_rules(run_cli):
    result = run_cli("rules", "validate", "rules/")
    assert result.returncode == 0, str(result)
    assert "16 rules" in result.stdout and "49 outcomes" in result.stdout


def test_a_spelling_added_to_a_copy_of_the_rules_is_recognised(tmp_path, run_cli, programme_variant):
    """Issue 10: spellings are data.  A title the bundled rules do not know is 'not recognised';
    the same file passes once a copy of rules/ lists it as an alias."""
    path = programme_variant({"fysioterapeut, ergoterapeut]": "fysioterapeut, Bachelor i aktivitetsvitenskap (ergoterapeut)]"})
    bundled = run_cli("check", path, "--as-of", AS_OF, "--format", "json")
    assert bundled.returncode == 0  # the parenthetical title is read
    path = programme_variant({"fysioterapeut, ergoterapeut]": "fysioterapeut, aktivitetsviter]"}, name="alias.yaml")
    bundled = run_cli("check", path, "--as-of", AS_OF, "--format", "json")
    assert bundled.returncode == 1 and bundled.json()["files"][0]["verdict"] == "unrecognised"
    folder = tmp_path / "rules-alias"
    shutil.copytree(bundled_rules_dir(), folder, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    rules = rules_file(folder)
    text = rules.read_text(encoding="utf-8")
    old = "aliases: [ergoterapeuter, "
    assert text.count(old) == 1
    rules.write_text(text.replace(old, "aliases: [aktivitetsviter, ergoterapeuter, "), encoding="utf-8")
    edited = run_cli("check", path, "--as-of", AS_OF, "--rules", folder)
    assert edited.returncode == 0, str(edited)
