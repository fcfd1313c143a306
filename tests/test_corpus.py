"""The corpus of broken programme files (issue 4): every file in tests/corpus gets the answer
tests/corpus/expected.yaml gives for it — exit code, a located one-line reason, never a traceback —
and one bad file never stops a batch.

Each file goes through the real command (`rusplan check FILE`) in-process with typer's CliRunner,
about 10 ms a file instead of a process start each; the batch tests at the end run the command in
subprocesses, with worker processes, over the whole folder.  (Inputs that could crash the
interpreter itself, like 100,000 levels of nesting, are tested in subprocesses in test_limits.py.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from rusplan import messages

CORPUS = Path(__file__).resolve().parent / "corpus"
EXPECTED: dict = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))["files"]
AS_OF = "2026-01-15"
VERDICT_EXIT = {"pass": 0, "transition": 0, "fail": 1, "unrecognised": 1, "invalid": 2}
# The classes of bad input docs/robustness.md promises a corpus file for.
CLASSES = {
    "syntax", "duplicate-key", "yaml11-bool", "yaml11-number", "date-as-text", "null-value", "wrong-type", "unknown-key",
    "missing-key", "bad-value", "document", "tag", "merge-key", "anchor-alias", "deep-nesting", "complex-key",
    "encoding", "inconsistent", "waiver", "unrecognised", "accepted", "near-miss-format", "workbook",
}


def corpus_files() -> list[str]:
    """Every input in tests/corpus (not expected.yaml, nor .gitattributes, which keeps the bytes exact)."""
    return sorted(
        p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*") if p.is_file() and p.name not in ("expected.yaml", ".gitattributes")
    )


def rel(name: str) -> str:
    return f"tests/corpus/{name}"


def test_every_corpus_file_has_an_expectation():
    assert corpus_files() == sorted(EXPECTED)


def test_the_corpus_covers_every_class():
    malformed = [name for name, e in EXPECTED.items() if e["class"] != "accepted"]
    assert len(malformed) >= 60
    assert {e["class"] for e in EXPECTED.values()} == CLASSES
    for name, e in EXPECTED.items():
        # Files that must be accepted live in accepted/ and nothing else does.
        assert (e["class"] == "accepted") == name.startswith("accepted/") == (e["exit"] == 0), name
        assert e["exit"] in (0, 1, 2) and e["fragment"], name



@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file(name, rusplan_check, repo_root, monkeypatch):
    monkeypatch.chdir(repo_root)
    expected = EXPECTED[name]
    path = rel(name)
    code, stdout, stderr = rusplan_check(path, "--as-of", AS_OF, "--lang", expected.get("lang", "nb"), "--no-color")
    shown = f"rusplan check {path} -> {code}\n--- stdout\n{stdout}\n--- stderr\n{stderr}"
    assert "Traceback" not in stdout + stderr, shown
    assert code == expected["exit"], shown
    assert stderr == "", shown
    fragment = expected["fragment"]
    if "cell" in expected:  # a workbook: FILE:SHEET!CELL
        at = f"{path}:{expected['cell']}: "
        assert any(at in line and fragment in line for line in stdout.splitlines()), f"no line with {at!r} and {fragment!r}\n{shown}"
        return
    if "line" not in expected:
        assert fragment in stdout, shown
        return
    at = f"{path}:{expected['line']}:" + (f"{expected['column']}: " if "column" in expected else "")
    located = [line for line in stdout.splitlines() if at in line and fragment in line]
    assert located, f"no line with {at!r} and {fragment!r}\n{shown}"
    if expected["exit"] == 2:
        # A file that cannot be checked gets one reason per problem, each starting FILE:LINE:COLUMN,
        # and no rule is judged.
        assert located[0].startswith(at), shown
        assert "✓" not in stdout and "✗" not in stdout, shown


def test_a_batch_over_the_corpus_reports_every_file(run_cli):
    """The whole folder in one run: exit 2, and every programme-like file gets its own verdict."""
    result = run_cli("check", "tests/corpus", "--as-of", AS_OF, "--format", "json", "--jobs", "2")
    assert "Traceback" not in result.output, str(result)
    assert result.returncode == 2, str(result)
    verdicts = {f["path"]: f["verdict"] for f in result.json()["files"]}
    walked = {rel(name): e for name, e in EXPECTED.items() if e.get("folder") != "skipped"}
    # YAML that is not a rusplan programme is skipped in a folder walk, by design; everything else is reported.
    assert sorted(verdicts) == sorted(walked)
    assert {path: VERDICT_EXIT[v] for path, v in verdicts.items()} == {path: e["exit"] for path, e in walked.items()}


def test_naming_every_corpus_file_reports_each_of_them(run_cli):
    """Named on the command line, even the files a walk would skip are reported, each with its own reason."""
    names = sorted(EXPECTED)
    result = run_cli("check", *[rel(n) for n in names], "--as-of", AS_OF, "--no-color", "--quiet")
    assert "Traceback" not in result.output, str(result)
    assert result.returncode == 2, str(result)
    counts = {code: sum(1 for e in EXPECTED.values() if e["exit"] == code and e["class"] != "unrecognised") for code in (0, 1, 2)}
    unrecognised = sum(1 for e in EXPECTED.values() if e["class"] == "unrecognised")
    total = messages.text("batch-total", "nb", files=len(names), passed=counts[0], failed=counts[1], invalid=counts[2])
    total += messages.text("batch-total-unrecognised", "nb", count=unrecognised)
    assert result.stdout.splitlines()[-1] == total, str(result)
    for name in names:
        assert any(line.endswith(f"  {rel(name)}") for line in result.stdout.splitlines()), name
