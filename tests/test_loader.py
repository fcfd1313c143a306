"""Bad input: every file rusplan cannot check exits 2 with FILE:LINE:COL and a reason.

Each case is a copy of examples/compliant.yaml with one thing wrong.  The
expected line is found by searching the broken file's text, so the cases do
not depend on where things sit in the example.
"""

from __future__ import annotations

import pytest

from rusplan.core.pipeline import Options, check_file

@pytest.fixture(scope="module")
def compliant_text(examples_dir) -> str:
    return (examples_dir / "compliant.yaml").read_text(encoding="utf-8")


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line of the `nth` line containing `needle` (comments skipped)."""
    found = [n for n, line in enumerate(text.splitlines(), 1) if needle in line and not line.lstrip().startswith("#")]
    assert len(found) >= nth, f"{needle!r} found on lines {found}"
    return found[nth - 1]


def run_bad(run_cli, path, *args):
    result = run_cli("check", path, "--lang", "en", "--as-of", "2026-01-15", *args)
    assert "Traceback" not in result.output, str(result)
    return result


def located(result, path, line: int, column: int | None, *fragments: str) -> str:
    """The report line `PATH:LINE:COL: ...` holding every fragment."""
    prefix = f"{path}:{line}:" + (f"{column}:" if column else "")
    hits = [l for l in result.stdout.splitlines() if l.startswith(prefix) and all(f in l for f in fragments)]
    assert hits, f"no line starting {prefix!r} with {fragments}\n{result}"
    return hits[0]


# Text edits of compliant.yaml: (id, {old: new}, text on the offending line, its column, message fragments)
CASES = [
    (
        "duplicate-key",
        {"  pace: part-time\n": "  pace: part-time\n  credits: 60\n"},
        ("  credits: 60", 2),
        3,
        ["duplicate key 'credits'", "first at line {first}"],
    ),
    ("yaml11-bool-in-text", {"  code: PHR60\n": "  code: no\n"}, ("  code: no", 1), 9, ["'no'", 'write "no"', "YAML 1.1"]),
    (
        "yaml11-bool-in-boolean",
        {"individual_assessment: true": "individual_assessment: yes"},
        ("individual_assessment: yes", 1),
        28,
        ["'yes' is not true or false", "write individual_assessment: true"],
    ),
    ("octal", {"  credits: 60\n": "  credits: 060\n"}, ("  credits: 060", 1), 12, ["'060'", "octal"]),
    ("sexagesimal", {"  semesters: 4\n": "  semesters: 1:30\n"}, ("  semesters: 1:30", 1), 14, ["'1:30'", "sexagesimal"]),
    (
        "unknown-key",
        {"    credits: 10\n    semester: 1\n": "    credit: 10\n    semester: 1\n"},
        ("    credit: 10", 1),
        5,
        ["'credit' is not a key of the format", "did you mean 'credits'"],
    ),
    ("null-where-required", {"  credits: 60\n": "  credits:\n"}, ("  credits:", 1), None, ["programme.credits", "empty"]),
    (
        "semester-beyond-programme",
        {"    semester: 2\n": "    semester: 5\n"},
        ("    semester: 5", 1),
        15,
        ["semester 5", "(4)"],
    ),
    (
        "practice-course-unknown",
        {"    course: PHR3001\n    kind: skills-training": "    course: PHR3002\n    kind: skills-training"},
        ("course: PHR3002", 1),
        13,
        ["'PHR3002'", "did you mean 'PHR3001'"],
    ),
    ("bad-start-term", {"  start: 2024-autumn\n": "  start: 2024-winter\n"}, ("  start: 2024-winter", 1), 10, ["'2024-winter'"]),
]


@pytest.mark.parametrize("replacements, where, column, fragments", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_programme_exits_2_with_a_located_reason(replacements, where, column, fragments, programme_variant, run_cli):
    path = programme_variant(replacements)
    text = path.read_text(encoding="utf-8")
    line = line_of(text, *where)
    first = line_of(text, where[0])
    result = run_bad(run_cli, path)
    assert result.returncode == 2, str(result)
    located(result, path, line, column, *(f.format(first=first) for f in fragments))
    assert result.stderr == ""


def test_duplicate_key_in_bokmal(programme_variant, run_cli):
    path = programme_variant({"  pace: part-time\n": "  pace: part-time\n  credits: 60\n"})
    result = run_cli("check", path)
    assert result.returncode == 2, str(result)
    text = path.read_text(encoding="utf-8")
    located(result, path, line_of(text, "  credits: 60", 2), 3, "'credits'", f"første gang på linje {line_of(text, '  credits: 60')}")


def test_second_document_is_refused(tmp_path, compliant_text, run_cli):
    path = tmp_path / "two.yaml"
    path.write_text(compliant_text + "---\nformat: rusplan/v1\n", encoding="utf-8")
    result = run_bad(run_cli, path)
    assert result.returncode == 2, str(result)
    located(result, path, compliant_text.count("\n") + 1, 1, "second YAML document")


def test_byte_order_mark_is_accepted(tmp_path, compliant_text, run_cli):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + compliant_text.encode("utf-8"))
    result = run_bad(run_cli, path)
    assert result.returncode == 0, str(result)


def test_crlf_is_accepted_and_lines_stay_the_same(tmp_path, examples_dir, run_cli):
    source = examples_dir / "fail-practice-weeks.yaml"
    path = tmp_path / "crlf.yaml"
    path.write_bytes(source.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    crlf = run_bad(run_cli, path, "--format", "json")
    lf = run_bad(run_cli, source, "--format", "json")
    assert crlf.returncode == lf.returncode == 1, str(crlf)
    places = lambda r: [(x["rule"], x["status"], x["line"], x["column"], x["message"]) for x in r.json()["files"][0]["results"]]
    assert places(crlf) == places(lf)


def test_non_utf8_names_the_byte_offset(tmp_path, compliant_text, run_cli):
    name = "Høgskolen i Fjordane"
    raw = compliant_text.encode("utf-8").replace(name.encode("utf-8"), name.encode("latin-1"))
    offset = raw.index(name.encode("latin-1")) + len("H")  # the ø, a lone 0xf8
    line = raw[:offset].count(b"\n") + 1
    column = offset - raw.rfind(b"\n", 0, offset)
    path = tmp_path / "latin1.yaml"
    path.write_bytes(raw)
    result = run_bad(run_cli, path)
    assert result.returncode == 2, str(result)
    located(result, path, line, column, f"offset {offset}", "UTF-8")


def test_in_process_problems_carry_line_and_column(programme_variant, bundled_rulesets):
    path = programme_variant({"    semester: 2\n": "    semester: 5\n"})
    report = check_file(str(path), bundled_rulesets, Options(lang="en"))
    assert report.verdict == "invalid"
    assert report.results == []
    [problem] = report.errors
    text = path.read_text(encoding="utf-8")
    assert (problem.line, problem.column) == (line_of(text, "    semester: 5"), 15)
    assert problem.where == "courses[2].semester"


@pytest.mark.parametrize(
    "content, fragment",
    [
        ("", "empty"),
        ("format: rusplan/v2\n", "rusplan/v1"),
        ("- just\n- a list\n", "rusplan/v1"),
        ("format: rusplan/v1\nprogramme: {code: [\n", ""),
    ],
    ids=["empty", "other-format", "not-a-mapping", "broken-yaml"],
)
def test_files_that_are_not_programmes(content, fragment, tmp_path, run_cli):
    path = tmp_path / "other.yaml"
    path.write_text(content, encoding="utf-8")
    result = run_bad(run_cli, path)
    assert result.returncode == 2, str(result)
    lines = [l for l in result.stdout.splitlines() if l.startswith(f"{path}:") and "could not be checked:" in l and fragment in l]
    assert lines, str(result)
